//! Open chat streams per user and per turn, counted in memory on this replica (issue 10): a
//! user may hold at most `CHAT_MAX_STREAMS_PER_USER` open streams (live and resumed), and one
//! turn at most `CHAT_MAX_STREAMS_PER_TURN` resumed readers. A stream holds a [`StreamGuard`]
//! inside its response body, so the count goes down when the body ends or the client goes away.
//! `0` turns a limit off.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// `Retry-After` of a refused stream, in seconds.
pub const RETRY_AFTER_SECS: u64 = 5;
pub const TOO_MANY_FOR_USER: &str = "Too many open chat streams; close one and try again";
pub const TOO_MANY_FOR_TURN: &str = "Too many open streams for this turn; close one and try again";

pub struct StreamLimits {
    per_user: usize,
    per_turn: usize,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    users: HashMap<i32, usize>,
    /// Resumed readers by (user, turn id): a turn belongs to one user.
    turns: HashMap<(i32, i64), usize>,
}

/// Which limit refused a stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    User,
    Turn,
}

impl Refused {
    pub fn detail(&self) -> &'static str {
        match self {
            Refused::User => TOO_MANY_FOR_USER,
            Refused::Turn => TOO_MANY_FOR_TURN,
        }
    }
}

/// One open stream; dropping it gives the place back.
pub struct StreamGuard {
    limits: Arc<StreamLimits>,
    user: i32,
    turn: Option<i64>,
}

impl StreamLimits {
    pub fn new(per_user: usize, per_turn: usize) -> Arc<StreamLimits> {
        Arc::new(StreamLimits {
            per_user,
            per_turn,
            open: Mutex::default(),
        })
    }

    /// Take a place for a stream of `user`: a new turn's (`resumed_turn` = None) or a resume of
    /// that turn.
    pub fn acquire(
        self: &Arc<Self>,
        user: i32,
        resumed_turn: Option<i64>,
    ) -> Result<StreamGuard, Refused> {
        let mut open = self.open.lock().expect("stream limits lock");
        if let Some(turn) = resumed_turn {
            let n = open.turns.get(&(user, turn)).copied().unwrap_or(0);
            if self.per_turn > 0 && n >= self.per_turn {
                return Err(Refused::Turn);
            }
        }
        let n = open.users.get(&user).copied().unwrap_or(0);
        if self.per_user > 0 && n >= self.per_user {
            return Err(Refused::User);
        }
        *open.users.entry(user).or_default() += 1;
        if let Some(turn) = resumed_turn {
            *open.turns.entry((user, turn)).or_default() += 1;
        }
        Ok(StreamGuard {
            limits: self.clone(),
            user,
            turn: resumed_turn,
        })
    }

    /// Streams `user` holds open on this replica.
    pub fn open_for(&self, user: i32) -> usize {
        let open = self.open.lock().expect("stream limits lock");
        open.users.get(&user).copied().unwrap_or(0)
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut open = self.limits.open.lock().expect("stream limits lock");
        if let Some(n) = open.users.get_mut(&self.user) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.users.remove(&self.user);
            }
        }
        if let Some(turn) = self.turn
            && let Some(n) = open.turns.get_mut(&(self.user, turn))
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.turns.remove(&(self.user, turn));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_and_given_back() {
        let l = StreamLimits::new(2, 1);
        let a = l.acquire(1, None).unwrap();
        let b = l.acquire(1, Some(7)).unwrap();
        assert_eq!(l.acquire(1, None).err(), Some(Refused::User));
        assert!(l.acquire(2, None).is_ok(), "other users are not affected");
        drop(a);
        assert_eq!(l.acquire(1, Some(7)).err(), Some(Refused::Turn));
        let c = l.acquire(1, Some(8)).unwrap();
        drop((b, c));
        assert_eq!(l.open_for(1), 0);
        let off = StreamLimits::new(0, 0);
        let held: Vec<_> = (0..50).map(|_| off.acquire(1, Some(1)).unwrap()).collect();
        assert_eq!(off.open_for(1), held.len());
    }
}

//! Open chat streams per user and per turn, counted in memory on this replica (issue 10): a
//! user may hold at most `CHAT_MAX_STREAMS_PER_USER` open streams (live and resumed), and one
//! turn at most `CHAT_MAX_STREAMS_PER_TURN` resumed readers. A stream holds a [`StreamGuard`]
//! inside its response body, so the count goes down when the body ends or the client goes away.
//! `0` turns a limit off.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// `Retry-After` of a refused stream, in seconds.
pub const RETRY_AFTER_SECS: u64 = 5;
pub const TOO_MANY_FOR_USER: &str = "Too many open chat streams; close one and try again";
pub const TOO_MANY_FOR_TURN: &str = "Too many open streams for this turn; close one and try again";

pub struct StreamLimits {
    per_user: usize,
    per_turn: usize,
    open: Mutex<Open>,
    /// Refusals by limit, for the metrics.
    refused_user: AtomicU64,
    refused_turn: AtomicU64,
}

/// Open streams and refusals on this replica (the metrics' gauges and counters).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct StreamStats {
    /// Streams of new turns.
    pub live: u64,
    /// Resumed streams.
    pub resumed: u64,
    pub refused_user: u64,
    pub refused_turn: u64,
}

#[derive(Default)]
struct Open {
    users: HashMap<i32, usize>,
    /// Resumed readers by (user, turn id): a turn belongs to one user.
    turns: HashMap<(i32, i64), usize>,
    /// Open streams of new turns, and resumed ones, over all users.
    live: u64,
    resumed: u64,
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
            refused_user: AtomicU64::new(0),
            refused_turn: AtomicU64::new(0),
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
                self.refused_turn.fetch_add(1, Ordering::Relaxed);
                return Err(Refused::Turn);
            }
        }
        let n = open.users.get(&user).copied().unwrap_or(0);
        if self.per_user > 0 && n >= self.per_user {
            self.refused_user.fetch_add(1, Ordering::Relaxed);
            return Err(Refused::User);
        }
        *open.users.entry(user).or_default() += 1;
        if let Some(turn) = resumed_turn {
            *open.turns.entry((user, turn)).or_default() += 1;
            open.resumed += 1;
        } else {
            open.live += 1;
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

    pub fn stats(&self) -> StreamStats {
        let open = self.open.lock().expect("stream limits lock");
        StreamStats {
            live: open.live,
            resumed: open.resumed,
            refused_user: self.refused_user.load(Ordering::Relaxed),
            refused_turn: self.refused_turn.load(Ordering::Relaxed),
        }
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
        if self.turn.is_some() {
            open.resumed = open.resumed.saturating_sub(1);
        } else {
            open.live = open.live.saturating_sub(1);
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
        assert_eq!((l.stats().live, l.stats().resumed), (1, 1));
        drop(a);
        assert_eq!(l.acquire(1, Some(7)).err(), Some(Refused::Turn));
        let c = l.acquire(1, Some(8)).unwrap();
        assert_eq!(
            l.stats(),
            StreamStats {
                live: 0,
                resumed: 2,
                refused_user: 1,
                refused_turn: 1
            }
        );
        drop((b, c));
        assert_eq!(l.open_for(1), 0);
        assert_eq!((l.stats().live, l.stats().resumed), (0, 0));
        let off = StreamLimits::new(0, 0);
        let held: Vec<_> = (0..50).map(|_| off.acquire(1, Some(1)).unwrap()).collect();
        assert_eq!(off.open_for(1), held.len());
    }
}

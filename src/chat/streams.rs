//! Open chat streams per user and per turn, counted in memory on this replica: a
//! user may hold at most `CHAT_MAX_STREAMS_PER_USER` open streams (live and resumed), and one
//! turn at most `CHAT_MAX_STREAMS_PER_TURN` resumed readers. A stream holds a [`StreamGuard`]
//! inside its response body, so the count goes down when the body ends or the client goes away.
//! `0` turns a limit off.
//!
//! Each stream also keeps the credentials it was opened with, and [`end_revoked`] (every
//! [`REVOCATION_CHECK`]) ends the streams whose token was revoked, logged out or whose account
//! was deactivated or deleted since: one query for all open streams of the replica.

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

/// How often open streams' credentials are checked again.
pub const REVOCATION_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

/// The token a stream was opened with.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub user: i32,
    pub iat: i64,
    pub version: i64,
    /// SHA-256 of the token.
    pub token_hash: String,
}

#[derive(Default)]
struct Open {
    /// Each open stream's credentials and the switch that ends it.
    streams: HashMap<u64, (Credentials, tokio::sync::watch::Sender<bool>)>,
    next_stream: u64,
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
    stream: u64,
    revoked: tokio::sync::watch::Receiver<bool>,
}

impl StreamGuard {
    /// Resolves when the stream's credentials were found revoked: its body should end.
    pub fn revoked(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.revoked.clone();
        async move {
            // A sender dropped (the guard gone) never resolves this: the body ends anyway.
            if rx.wait_for(|r| *r).await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }
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
        credentials: Credentials,
        resumed_turn: Option<i64>,
    ) -> Result<StreamGuard, Refused> {
        let user = credentials.user;
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
        open.next_stream += 1;
        let stream = open.next_stream;
        let (tx, revoked) = tokio::sync::watch::channel(false);
        open.streams.insert(stream, (credentials, tx));
        Ok(StreamGuard {
            limits: self.clone(),
            user,
            turn: resumed_turn,
            stream,
            revoked,
        })
    }

    /// The credentials of every open stream, by stream.
    pub fn open_credentials(&self) -> Vec<(u64, Credentials)> {
        let open = self.open.lock().expect("stream limits lock");
        open.streams
            .iter()
            .map(|(id, (c, _))| (*id, c.clone()))
            .collect()
    }

    /// End these streams (their credentials were revoked).
    pub fn end(&self, streams: &[u64]) {
        let open = self.open.lock().expect("stream limits lock");
        for id in streams {
            if let Some((_, tx)) = open.streams.get(id) {
                let _ = tx.send(true);
            }
        }
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

/// End the open streams whose credentials no longer authenticate: the account is gone or
/// inactive, the token was logged out or revoked. Two queries for all open streams. Returns how
/// many were ended.
pub async fn end_revoked(
    db: &crate::store::Db,
    limits: &StreamLimits,
) -> Result<usize, sqlx::Error> {
    let open = limits.open_credentials();
    if open.is_empty() {
        return Ok(0);
    }
    let mut users: Vec<i32> = open.iter().map(|(_, c)| c.user).collect();
    users.sort_unstable();
    users.dedup();
    let mut hashes: Vec<String> = open.iter().map(|(_, c)| c.token_hash.clone()).collect();
    hashes.sort_unstable();
    hashes.dedup();
    let accounts: HashMap<i32, crate::domain::user::User> =
        crate::store::users::get_many(db, &users)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
    let logged_out: std::collections::HashSet<String> =
        crate::store::tokens::logged_out_among(db, &hashes)
            .await?
            .into_iter()
            .collect();
    let ended: Vec<u64> = open
        .iter()
        .filter(|(_, c)| match accounts.get(&c.user) {
            None => true,
            Some(u) => {
                !u.is_active()
                    || logged_out.contains(&c.token_hash)
                    || u.revokes(c.iat, c.version, &c.token_hash)
            }
        })
        .map(|(id, _)| *id)
        .collect();
    limits.end(&ended);
    Ok(ended.len())
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut open = self.limits.open.lock().expect("stream limits lock");
        open.streams.remove(&self.stream);
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

    fn cred(user: i32) -> Credentials {
        Credentials {
            user,
            iat: 0,
            version: 0,
            token_hash: format!("t{user}"),
        }
    }

    #[tokio::test]
    async fn revoked_streams_are_told_and_forgotten_when_closed() {
        let l = StreamLimits::new(0, 0);
        let a = l.acquire(cred(1), None).unwrap();
        let b = l.acquire(cred(2), None).unwrap();
        let open = l.open_credentials();
        assert_eq!(open.len(), 2);
        let a_id = open.iter().find(|(_, c)| c.user == 1).unwrap().0;
        l.end(&[a_id]);
        tokio::time::timeout(std::time::Duration::from_secs(1), a.revoked())
            .await
            .expect("the revoked stream is told");
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(50), b.revoked())
                .await
                .is_err(),
            "the other is not"
        );
        drop((a, b));
        assert!(l.open_credentials().is_empty());
    }

    #[test]
    fn places_are_counted_and_given_back() {
        let l = StreamLimits::new(2, 1);
        let a = l.acquire(cred(1), None).unwrap();
        let b = l.acquire(cred(1), Some(7)).unwrap();
        assert_eq!(l.acquire(cred(1), None).err(), Some(Refused::User));
        assert!(
            l.acquire(cred(2), None).is_ok(),
            "other users are not affected"
        );
        assert_eq!((l.stats().live, l.stats().resumed), (1, 1));
        drop(a);
        assert_eq!(l.acquire(cred(1), Some(7)).err(), Some(Refused::Turn));
        let c = l.acquire(cred(1), Some(8)).unwrap();
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
        let held: Vec<_> = (0..50)
            .map(|_| off.acquire(cred(1), Some(1)).unwrap())
            .collect();
        assert_eq!(off.open_for(1), held.len());
    }
}

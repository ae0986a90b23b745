//! Whether PostgreSQL answers, known within a second: a probe on a connection of its
//! own reads the server's clock (`SELECT clock_timestamp()`, also for `clock`) every half second, bounded by [`PROBE_TIMEOUT`]. When it fails the
//! database is marked down: requests that need it are answered 503 at once instead of waiting
//! out the pool timeout (`http::middleware::database_guard`), requests already waiting are cut
//! short, and the chat recorder stops waiting for connections. The probe marks it up again as
//! soon as `SELECT 1` answers. SQLite is a file of this process: never marked down.
//!
//! The probe does not go through the pool: a pool busy with slow requests is not an outage, and
//! the probe would otherwise wait behind them.

use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::Connection;
use tokio::sync::watch;

use super::Db;

/// How often the probe runs while the database answers.
pub const PROBE_EVERY: Duration = Duration::from_millis(500);
/// How often it runs while the database is down (to notice the recovery quickly).
pub const PROBE_EVERY_WHILE_DOWN: Duration = Duration::from_millis(250);
/// How long a connection or `SELECT 1` may take before the database counts as unreachable.
pub const PROBE_TIMEOUT: Duration = Duration::from_millis(500);
/// The `Retry-After` of a 503 while the database is down, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 5;
/// The `detail` of that 503.
pub const UNAVAILABLE: &str = "The database is unavailable. Please try again shortly.";

/// Shared view of whether the database answers; cheap to clone.
#[derive(Clone)]
pub struct DbHealth(Arc<watch::Sender<bool>>);

impl Default for DbHealth {
    fn default() -> Self {
        DbHealth(Arc::new(watch::channel(false).0))
    }
}

impl DbHealth {
    /// True while the probe cannot reach the database.
    pub fn is_down(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves when the database is (or becomes) down; never while it answers.
    pub async fn wait_down(&self) {
        let mut rx = self.0.subscribe();
        let _ = rx.wait_for(|down| *down).await;
        // (The sender lives as long as `self`: an error cannot happen while awaited here.)
    }

    /// Resolves when the database answers again (at once when it does now).
    pub async fn wait_up(&self) {
        let mut rx = self.0.subscribe();
        let _ = rx.wait_for(|down| !*down).await;
    }

    fn set(&self, down: bool, why: &str) {
        let changed = self.0.send_if_modified(|d| {
            let changed = *d != down;
            *d = down;
            changed
        });
        if changed && down {
            tracing::error!(
                error = why,
                "database unreachable: requests that need it answer 503 until it answers again"
            );
        } else if changed {
            tracing::info!("database answers again");
        }
    }

    /// Start the probe for `db` (PostgreSQL only). It ends when every clone of `self` is gone.
    pub fn watch(&self, db: &Db) {
        let Db::Postgres(pool) = db else {
            return;
        };
        let opts = pool.connect_options().as_ref().clone();
        let weak: Weak<watch::Sender<bool>> = Arc::downgrade(&self.0);
        tokio::spawn(async move {
            let mut conn: Option<sqlx::PgConnection> = None;
            loop {
                let Some(inner) = weak.upgrade() else {
                    return;
                };
                let health = DbHealth(inner);
                let answered = async {
                    if conn.is_none() {
                        conn = Some(sqlx::PgConnection::connect_with(&opts).await?);
                    }
                    let c = conn.as_mut().expect("connected above");
                    // The server's clock too: the time replicas agree on (`clock`).
                    let sent = super::clock::local_ms();
                    let db_ms: i64 = sqlx::query_scalar(
                        "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
                    )
                    .fetch_one(c)
                    .await?;
                    super::clock::observe(db_ms, sent, super::clock::local_ms());
                    Ok::<(), sqlx::Error>(())
                };
                let outcome = match tokio::time::timeout(PROBE_TIMEOUT, answered).await {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(_) => Err(format!("no answer within {} ms", PROBE_TIMEOUT.as_millis())),
                };
                let wait = match outcome {
                    Ok(()) => {
                        health.set(false, "");
                        PROBE_EVERY
                    }
                    Err(why) => {
                        // A connection that failed or hung is not used again.
                        conn = None;
                        health.set(true, &why);
                        PROBE_EVERY_WHILE_DOWN
                    }
                };
                drop(health);
                tokio::time::sleep(wait).await;
            }
        });
    }
}

/// Errors that say the database cannot be reached (as opposed to a query it refused, or a pool
/// this process closed: that is a fault of ours, a 500).
pub fn is_unreachable(e: &sqlx::Error) -> bool {
    matches!(
        e,
        sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::Tls(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn waiters_see_the_database_go_down_and_come_back() {
        let h = DbHealth::default();
        assert!(!h.is_down());
        let waiting = tokio::spawn({
            let h = h.clone();
            async move { h.wait_down().await }
        });
        tokio::task::yield_now().await;
        assert!(
            !waiting.is_finished(),
            "nothing to wait for while it answers"
        );
        h.set(true, "refused");
        tokio::time::timeout(Duration::from_secs(1), waiting)
            .await
            .expect("a waiter learns at once")
            .unwrap();
        assert!(h.is_down());
        h.set(false, "");
        tokio::time::timeout(Duration::from_secs(1), h.wait_up())
            .await
            .expect("up at once");
        assert!(!h.is_down());
    }
}

//! A circuit breaker for a shared dependency that has a local fallback (Redis: the rate limiter
//! falls back to this replica's memory). Each call is bounded by a short timeout; a call that
//! fails or times out opens the breaker, and while it is open calls are not made at all (the
//! caller uses its fallback at once) until a cool-down passes and the next call tries again. So a
//! Redis that refuses or hangs costs a request at most the timeout, once per cool-down, instead
//! of the client's reconnect schedule on every request.

use std::future::Future;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub struct Breaker {
    name: &'static str,
    timeout: Duration,
    cool_down: Duration,
    /// Until when the dependency is skipped, in milliseconds of the monotonic clock since the
    /// process started (a wall-clock step cannot open or close the breaker).
    open_until: AtomicU64,
    /// Whether the last call failed (to log the recovery once).
    failing: AtomicBool,
}

fn now_ms() -> u64 {
    static START: LazyLock<Instant> = LazyLock::new(Instant::now);
    u64::try_from(START.elapsed().as_millis()).unwrap_or(u64::MAX)
}

impl Breaker {
    pub fn new(name: &'static str, timeout: Duration, cool_down: Duration) -> Self {
        Breaker {
            name,
            timeout,
            cool_down,
            open_until: AtomicU64::new(0),
            failing: AtomicBool::new(false),
        }
    }

    /// Whether calls are being skipped for now.
    pub fn is_open(&self) -> bool {
        now_ms() < self.open_until.load(Ordering::Relaxed)
    }

    /// The call's value, or `None` when the breaker is open, the call failed or it took longer
    /// than the timeout (then the breaker opens for the cool-down).
    pub async fn call<T, E: std::fmt::Display>(
        &self,
        call: impl Future<Output = Result<T, E>>,
    ) -> Option<T> {
        if self.is_open() {
            return None;
        }
        match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(v)) => {
                if self.failing.swap(false, Ordering::Relaxed) {
                    tracing::info!(dependency = self.name, "answers again");
                }
                Some(v)
            }
            Ok(Err(e)) => {
                self.trip(&e.to_string());
                None
            }
            Err(_) => {
                self.trip(&format!("no answer within {} ms", self.timeout.as_millis()));
                None
            }
        }
    }

    fn trip(&self, why: &str) {
        let until =
            now_ms().saturating_add(u64::try_from(self.cool_down.as_millis()).unwrap_or(u64::MAX));
        self.open_until.store(until, Ordering::Relaxed);
        if !self.failing.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                dependency = self.name,
                error = why,
                cool_down_s = self.cool_down.as_secs_f64(),
                "unavailable: using the local fallback, trying again after the cool-down"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn opens_on_a_failure_or_a_slow_call_and_tries_again_after_the_cool_down() {
        let b = Breaker::new(
            "test",
            Duration::from_millis(20),
            Duration::from_millis(100),
        );
        assert_eq!(b.call(async { Ok::<_, String>(1) }).await, Some(1));
        assert_eq!(b.call(async { Err::<i32, _>("refused") }).await, None);
        assert!(b.is_open());
        // While open, the call is not made.
        let made = std::sync::atomic::AtomicBool::new(false);
        let call = async {
            made.store(true, Ordering::SeqCst);
            Ok::<_, String>(2)
        };
        assert_eq!(b.call(call).await, None);
        assert!(!made.load(Ordering::SeqCst));
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(b.call(async { Ok::<_, String>(3) }).await, Some(3));
        assert!(!b.is_open());
        // A call slower than the timeout opens it too.
        let slow = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            Ok::<_, String>(4)
        };
        assert_eq!(b.call(slow).await, None);
        assert!(b.is_open());
    }
}

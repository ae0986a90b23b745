//! The time every replica agrees on: the database's. Timestamps compared across
//! replicas (a turn's heartbeat against the orphan sweep, a token's `iat` against the account's
//! `tokens_valid_after`) were each written with one replica's clock, so a replica 90 s ahead cut
//! live answers short and issued tokens that outlived a password change. On PostgreSQL the
//! health probe reads the server's clock twice a second; when this replica's clock is more than
//! [`TOLERANCE_MS`] off it (half the probe's round trip allowed for), [`now`] is corrected by the
//! difference and a warning says so. Within the tolerance, and on SQLite (one machine), the
//! local clock is used as it is.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};

/// A difference the correction ignores (NTP keeps healthy clocks far closer).
pub const TOLERANCE_MS: i64 = 1000;

static OFFSET_MS: AtomicI64 = AtomicI64::new(0);
static SIMULATED_SKEW_MS: AtomicI64 = AtomicI64::new(0);

/// This replica's clock in Unix milliseconds (with the simulated skew of a test).
pub fn local_ms() -> i64 {
    Utc::now().timestamp_millis() + SIMULATED_SKEW_MS.load(Ordering::Relaxed)
}

/// The agreed time: the local clock corrected by the database's, when they differ.
pub fn now() -> DateTime<Utc> {
    let ms = local_ms() + OFFSET_MS.load(Ordering::Relaxed);
    DateTime::from_timestamp_millis(ms).unwrap_or_else(Utc::now)
}

/// The correction in use, in milliseconds (0: none).
pub fn offset_ms() -> i64 {
    OFFSET_MS.load(Ordering::Relaxed)
}

/// A reading of the database's clock (`db_ms`) by a query sent at `sent` and answered at
/// `received` (both [`local_ms`]).
pub fn observe(db_ms: i64, sent: i64, received: i64) {
    let skew = db_ms - (sent + received) / 2;
    let before = OFFSET_MS.load(Ordering::Relaxed);
    let next = if skew.abs() > TOLERANCE_MS { skew } else { 0 };
    // (A correction in use moves only when the skew changed by more than the tolerance, so the
    // agreed time does not jitter with the round trip.)
    if (next - before).abs() <= TOLERANCE_MS && next != 0 {
        return;
    }
    if next != before {
        OFFSET_MS.store(next, Ordering::Relaxed);
        if next == 0 {
            tracing::info!("this replica's clock agrees with the database's again");
        } else {
            tracing::warn!(
                skew_ms = skew,
                "this replica's clock is off the database's: timestamps follow the database's clock; fix the clock (NTP)"
            );
        }
    }
}

/// Make this replica's clock read `ms` off the real time (tests of the correction).
#[doc(hidden)]
pub fn simulate_local_skew(ms: i64) {
    SIMULATED_SKEW_MS.store(ms, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_off_the_database_is_corrected_and_small_differences_are_not() {
        // (Tests run one per process: the statics are this test's.)
        let t = local_ms();
        observe(t + 300, t, t + 2);
        assert_eq!(offset_ms(), 0, "within the tolerance");
        observe(t - 90_000, t, t + 2);
        assert!((offset_ms() + 90_001).abs() <= 1, "{}", offset_ms());
        let corrected = now().timestamp_millis();
        assert!((corrected - (local_ms() - 90_000)).abs() < 50);
        observe(t - 90_200, t, t + 2);
        assert!((offset_ms() + 90_001).abs() <= 1, "no jitter");
        observe(t, t, t);
        assert_eq!(offset_ms(), 0, "back in agreement");
    }
}

//! The throttle's policy as data (decision F12): which counters an attempt
//! is counted on, in which order, with which caps and how many checks may be in flight. The state
//! machine that applies a policy is `http::throttle`; the counters live in `ratelimit`.

/// What a counter is kept for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The client's address.
    Address,
    /// The account named (by a keyed hash of its name, never the name).
    Account,
    /// The signed-in user (a token holder's password checks).
    User,
}

/// One counter of a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    pub scope: Scope,
    /// The cap of the doubling wait, in milliseconds.
    pub cap_ms: i64,
    /// At most this many password checks per key run or wait at once on a replica (more get a
    /// fast 429); `None`: no such bound.
    pub in_flight: Option<u32>,
}

/// How one kind of attempt is throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The refusal's `detail`.
    pub detail: &'static str,
    /// Checked and counted in this order, each in one step; a refusal gives back what the
    /// attempt counted before it (so a refused address never reaches the account's counter).
    pub counters: &'static [Counter],
    /// The account's counter does not apply from an address where that account has logged in
    /// before, so hammering an account from elsewhere never keeps its owner out.
    pub known_address_exempts_account: bool,
}

pub const TOO_MANY_LOGINS: &str = "Too many login attempts. Please try again later.";
pub const TOO_MANY_PASSWORD_ATTEMPTS: &str = "Too many password attempts. Please try again later.";

/// 15 minutes per address: the cap of an attacker's wait.
pub const ADDRESS_CAP_MS: i64 = 15 * 60 * 1000;
/// 60 seconds per account, so the real owner waits at most that long even from an address the
/// account never used.
pub const ACCOUNT_CAP_MS: i64 = 60 * 1000;
/// Password checks in flight at once (running or waiting for the hasher), per replica.
pub const ADDRESS_IN_FLIGHT: u32 = 4;
pub const ACCOUNT_IN_FLIGHT: u32 = 2;

/// A login: counted against the address and the account before the password is checked; only
/// failures stay counted.
pub const LOGIN: Policy = Policy {
    detail: TOO_MANY_LOGINS,
    counters: &[
        Counter {
            scope: Scope::Address,
            cap_ms: ADDRESS_CAP_MS,
            in_flight: Some(ADDRESS_IN_FLIGHT),
        },
        Counter {
            scope: Scope::Account,
            cap_ms: ACCOUNT_CAP_MS,
            in_flight: Some(ACCOUNT_IN_FLIGHT),
        },
    ],
    known_address_exempts_account: true,
};

/// The endpoints where every request is an attempt (register, reset, verification): counted and
/// kept, with no password check to bound.
pub const ATTEMPT: Policy = Policy {
    detail: TOO_MANY_LOGINS,
    counters: &[
        Counter {
            scope: Scope::Address,
            cap_ms: ADDRESS_CAP_MS,
            in_flight: None,
        },
        Counter {
            scope: Scope::Account,
            cap_ms: ACCOUNT_CAP_MS,
            in_flight: None,
        },
    ],
    known_address_exempts_account: true,
};

/// `change-password`'s check of the current password, per user (a token holder must not get an
/// unthrottled password oracle), with the address's cap; given back when the password was right.
pub const PASSWORD_CHANGE: Policy = Policy {
    detail: TOO_MANY_PASSWORD_ATTEMPTS,
    counters: &[Counter {
        scope: Scope::User,
        cap_ms: ADDRESS_CAP_MS,
        in_flight: Some(ACCOUNT_IN_FLIGHT),
    }],
    known_address_exempts_account: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_checked_before_the_account_and_only_password_checks_are_bounded() {
        for p in [LOGIN, ATTEMPT] {
            let scopes: Vec<Scope> = p.counters.iter().map(|c| c.scope).collect();
            assert_eq!(scopes, [Scope::Address, Scope::Account]);
            assert!(
                p.counters[1].cap_ms < p.counters[0].cap_ms,
                "the owner waits less"
            );
        }
        assert!(LOGIN.counters.iter().all(|c| c.in_flight.is_some()));
        assert!(ATTEMPT.counters.iter().all(|c| c.in_flight.is_none()));
        assert_eq!(PASSWORD_CHANGE.counters[0].scope, Scope::User);
        const { assert!(!PASSWORD_CHANGE.known_address_exempts_account) };
    }
}

//! Login throttling (decision F12; api-contract §1.8): per client address and
//! per account, checked and counted in one step before the password is checked. The policies
//! (counters, caps, order, bounds) are data in [`crate::domain::throttle`]; this is the state
//! machine that applies them.
//!
//! - An attempt is counted when it starts, in the same atomic step as the check (one lock in
//!   memory, one script in Redis), so requests that arrive while password hashes queue are
//!   counted as they arrive and the limit holds under any concurrency. A login that succeeds
//!   (or turns out not to be a guess: the hash queue was full, the account awaits approval) is
//!   given back.
//! - At most [`policy::ADDRESS_IN_FLIGHT`] password checks per address and
//!   [`policy::ACCOUNT_IN_FLIGHT`] per account run or wait at once on a replica; more get a fast 429, so nobody can queue hashes
//!   ahead of an account's owner.
//! - An attempt while refused is answered 429 with `Retry-After` and changes nothing, so the
//!   wait it names is the real one: the next attempt after it goes ahead.
//! - For logins only failures stay counted; for the other endpoints every request counts.
//! - The account's limit does not apply from an address where that account has logged in
//!   successfully before, so an attacker who hammers an account from elsewhere never keeps its
//!   owner out; the address's own limit still applies there.
//! - A refused address never reaches the account check, so it creates no key per username; an
//!   account's key is a keyed hash of the name, never the name (of any length) itself.

use std::net::IpAddr;

use super::error::{ApiError, ApiResult};
use super::middleware::wait_secs;
use crate::app::AppState;
use crate::auth::sha256_hex;
use crate::domain::throttle::{self as policy, Policy, Scope};
use crate::metrics::Refusal;
use crate::ratelimit::{InFlightGuard, address_key};
use crate::store;

fn ip_key(ip: IpAddr) -> String {
    format!("login-ip:{}", address_key(ip))
}

/// An account's key: a keyed hash of the name as given (usernames are case-sensitive), so a
/// megabyte of username costs what any other does and the limiter's store never holds emails.
fn account_key(state: &AppState, account: &str) -> String {
    let h = sha256_hex(&format!(
        "login-account\0{}\0{account}",
        state.settings.secret_key
    ));
    format!("login-account:{}", &h[..32])
}

/// The keyed hash under which an account's login addresses are kept: never the address itself
/// (personal data), and not reversible by hashing the 2^32 IPv4 addresses without the key.
fn address_hash(state: &AppState, ip: IpAddr) -> String {
    sha256_hex(&format!(
        "login-address\0{}\0{}",
        state.settings.secret_key,
        address_key(ip)
    ))
}

fn limit(state: &AppState) -> u32 {
    state.settings.login_rate_limit_per_minute
}

/// Refused for `ms`: the 429 with `Retry-After`.
fn refused(detail: &str, ms: i64) -> ApiError {
    ApiError::too_many(detail, wait_secs(ms))
}

/// Check and count one attempt on `key`; a limiter that does not answer lets it through (logged).
async fn acquire_key(state: &AppState, key: &str, cap_ms: i64) -> Option<i64> {
    match state.limiter.acquire(key, limit(state), cap_ms).await {
        Ok(wait) => wait,
        Err(e) => {
            tracing::warn!(error = %e, "login throttle unavailable; attempt let through");
            None
        }
    }
}

async fn refund_key(state: &AppState, key: &str) {
    if let Err(e) = state.limiter.refund(key).await {
        tracing::warn!(error = %e, "login throttle unavailable; attempt not given back");
    }
}

/// A password check that may go ahead: counted already, and holding its places among the checks
/// in flight until it is dropped.
#[must_use]
pub struct Attempt {
    /// The keys this attempt was counted under.
    counted: Vec<String>,
    _in_flight: Option<InFlightGuard>,
}

impl Attempt {
    fn unthrottled() -> Self {
        Attempt {
            counted: Vec::new(),
            _in_flight: None,
        }
    }

    /// Not a guess after all (the hasher was busy, the check could not be made, the account
    /// awaits approval): give back what was counted.
    pub async fn refund(self, state: &AppState) {
        for k in &self.counted {
            refund_key(state, k).await;
        }
    }

    /// A successful login: given back, the account's counter cleared, and this address becomes
    /// one of the account's own.
    pub async fn login_succeeded(self, state: &AppState, ip: IpAddr, user_id: i32, username: &str) {
        let account = account_key(state, username);
        for k in self.counted.iter().filter(|k| **k != account) {
            refund_key(state, k).await;
        }
        if limit(state) > 0
            && let Err(e) = state.limiter.clear(&account).await
        {
            tracing::warn!(error = %e, "login throttle unavailable; account counter not cleared");
        }
        if let Err(e) = store::login_addresses::remember(
            &state.db,
            user_id,
            &address_hash(state, ip),
            store::now(),
        )
        .await
        {
            tracing::warn!(user_id, error = %e, "login address not remembered");
        }
    }
}

/// A place among the password checks in flight for `keys`, or a fast 429.
fn enter(state: &AppState, keys: &[(&str, u32)], detail: &str) -> ApiResult<InFlightGuard> {
    state.limiter.in_flight().try_enter(keys).ok_or_else(|| {
        state.metrics.refused(Refusal::PasswordQueue);
        ApiError::too_many(detail, 1)
    })
}

fn password_key(user_id: i32) -> String {
    format!("password-check:{user_id}")
}

/// Who an attempt is by: the client's address, the account it names, the signed-in user.
struct Subject<'a> {
    ip: Option<IpAddr>,
    account: Option<&'a str>,
    user_id: Option<i32>,
}

/// Start an attempt under `policy`: a place in flight on each bounded counter, then each counter
/// checked and counted at once, in the policy's order. The account's counter is skipped from an
/// address the account logged in from when the policy says so. A refusal gives back what it
/// counted.
async fn begin(state: &AppState, policy: &Policy, who: Subject<'_>) -> ApiResult<Attempt> {
    if limit(state) == 0 {
        return Ok(Attempt::unthrottled());
    }
    // The counters this attempt has a subject for, with their keys.
    let counters: Vec<(&policy::Counter, String)> = policy
        .counters
        .iter()
        .filter_map(|c| {
            let key = match c.scope {
                Scope::Address => ip_key(who.ip?),
                Scope::Account => account_key(state, who.account?),
                Scope::User => password_key(who.user_id?),
            };
            Some((c, key))
        })
        .collect();
    let bounded: Vec<(&str, u32)> = counters
        .iter()
        .filter_map(|(c, k)| c.in_flight.map(|n| (k.as_str(), n)))
        .collect();
    let guard = if bounded.is_empty() {
        None
    } else {
        Some(enter(state, &bounded, policy.detail)?)
    };
    let mut attempt = Attempt {
        counted: Vec::new(),
        _in_flight: guard,
    };
    for (c, key) in counters {
        let Some(ms) = acquire_key(state, &key, c.cap_ms).await else {
            attempt.counted.push(key);
            continue;
        };
        if c.scope == Scope::Account
            && policy.known_address_exempts_account
            && let (Some(ip), Some(account)) = (who.ip, who.account)
        {
            match store::login_addresses::is_known(&state.db, account, &address_hash(state, ip))
                .await
            {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "login addresses unreadable; account throttle applied");
                }
            }
        }
        attempt.refund(state).await;
        state.metrics.refused(match c.scope {
            Scope::Address => Refusal::LoginAddress,
            Scope::Account => Refusal::LoginAccount,
            Scope::User => Refusal::ChangePassword,
        });
        return Err(refused(policy.detail, ms));
    }
    Ok(attempt)
}

/// A login: counted against the address and the account before the password is checked
/// ([`policy::LOGIN`]).
pub async fn begin_login(state: &AppState, ip: IpAddr, username: &str) -> ApiResult<Attempt> {
    let who = Subject {
        ip: Some(ip),
        account: Some(username),
        user_id: None,
    };
    begin(state, &policy::LOGIN, who).await
}

/// The endpoints where every request is an attempt (register, reset, verification): counted and
/// kept ([`policy::ATTEMPT`]).
pub async fn attempt(state: &AppState, ip: IpAddr, account: Option<&str>) -> ApiResult<()> {
    let who = Subject {
        ip: Some(ip),
        account,
        user_id: None,
    };
    begin(state, &policy::ATTEMPT, who).await.map(drop)
}

/// `change-password`'s check of the current password, per user ([`policy::PASSWORD_CHANGE`]).
/// The attempt is given back when the password was right.
pub async fn begin_password_change(state: &AppState, user_id: i32) -> ApiResult<Attempt> {
    let who = Subject {
        ip: None,
        account: None,
        user_id: Some(user_id),
    };
    begin(state, &policy::PASSWORD_CHANGE, who).await
}

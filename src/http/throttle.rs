//! Login throttling (decision F12; api-contract §1.8; issue 10): per client address and per
//! account, checked before the endpoint's logic and counted after it.
//!
//! - An attempt while refused is answered 429 with `Retry-After` and changes nothing, so the
//!   wait it names is the real one: the next attempt after it goes ahead.
//! - For logins only failures count (a wrong password, an unknown account); for the other
//!   endpoints every request counts.
//! - The account's limit does not apply from an address where that account has logged in
//!   successfully before, so an attacker who hammers an account from elsewhere never keeps its
//!   owner out; the address's own limit still applies there.
//! - A refused address never reaches the account check, so it creates no key per username.

use std::net::IpAddr;

use super::error::{ApiError, ApiResult};
use super::middleware::wait_secs;
use crate::app::AppState;
use crate::auth::sha256_hex;
use crate::metrics::Refusal;
use crate::ratelimit::address_key;
use crate::store;

pub const TOO_MANY_LOGINS: &str = "Too many login attempts. Please try again later.";
pub const TOO_MANY_PASSWORD_ATTEMPTS: &str = "Too many password attempts. Please try again later.";
/// The caps of the doubling wait: 15 minutes per address, 60 seconds per account so the real
/// owner waits at most that long even from an address the account never used.
pub const IP_CAP_MS: i64 = 15 * 60 * 1000;
pub const ACCOUNT_CAP_MS: i64 = 60 * 1000;

fn ip_key(ip: IpAddr) -> String {
    format!("login-ip:{}", address_key(ip))
}

fn account_key(account: &str) -> String {
    format!("login-account:{account}")
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

/// Check one key; a limiter that does not answer lets the attempt through (logged).
async fn check_key(state: &AppState, key: &str, cap_ms: i64) -> Option<i64> {
    match state.limiter.check(key, limit(state), cap_ms).await {
        Ok(wait) => wait,
        Err(e) => {
            tracing::warn!(error = %e, "login throttle unavailable; attempt let through");
            None
        }
    }
}

async fn count_key(state: &AppState, key: &str) {
    if let Err(e) = state.limiter.count(key).await {
        tracing::warn!(error = %e, "login throttle unavailable; attempt not counted");
    }
}

/// 429 when the address, then (unless this address is one of the account's own) the account
/// is over its limit.
pub async fn check(state: &AppState, ip: IpAddr, account: Option<&str>) -> ApiResult<()> {
    if limit(state) == 0 {
        return Ok(());
    }
    if let Some(ms) = check_key(state, &ip_key(ip), IP_CAP_MS).await {
        state.metrics.refused(Refusal::LoginAddress);
        return Err(refused(TOO_MANY_LOGINS, ms));
    }
    let Some(account) = account else {
        return Ok(());
    };
    let Some(ms) = check_key(state, &account_key(account), ACCOUNT_CAP_MS).await else {
        return Ok(());
    };
    match store::login_addresses::is_known(&state.db, account, &address_hash(state, ip)).await {
        Ok(true) => return Ok(()),
        Ok(false) => {}
        Err(e) => {
            tracing::warn!(error = %e, "login addresses unreadable; account throttle applied");
        }
    }
    state.metrics.refused(Refusal::LoginAccount);
    Err(refused(TOO_MANY_LOGINS, ms))
}

/// Count one attempt (a failed login) against the address and the account.
pub async fn count(state: &AppState, ip: IpAddr, account: Option<&str>) {
    if limit(state) == 0 {
        return;
    }
    count_key(state, &ip_key(ip)).await;
    if let Some(a) = account {
        count_key(state, &account_key(a)).await;
    }
}

/// Check, then count: the endpoints where every request is an attempt.
pub async fn attempt(state: &AppState, ip: IpAddr, account: Option<&str>) -> ApiResult<()> {
    check(state, ip, account).await?;
    count(state, ip, account).await;
    Ok(())
}

/// A successful login: the account's counter is cleared and this address becomes one of the
/// account's own.
pub async fn login_succeeded(state: &AppState, ip: IpAddr, user_id: i32, username: &str) {
    if limit(state) > 0
        && let Err(e) = state.limiter.clear(&account_key(username)).await
    {
        tracing::warn!(error = %e, "login throttle unavailable; account counter not cleared");
    }
    if let Err(e) =
        store::login_addresses::remember(&state.db, user_id, &address_hash(state, ip), store::now())
            .await
    {
        tracing::warn!(user_id, error = %e, "login address not remembered");
    }
}

fn password_key(user_id: i32) -> String {
    format!("password-check:{user_id}")
}

/// `change-password`'s check of the current password, per user (a token holder must not get an
/// unthrottled password oracle): refused like a login, with the address cap.
pub async fn check_password_change(state: &AppState, user_id: i32) -> ApiResult<()> {
    if limit(state) == 0 {
        return Ok(());
    }
    match check_key(state, &password_key(user_id), IP_CAP_MS).await {
        Some(ms) => {
            state.metrics.refused(Refusal::ChangePassword);
            Err(refused(TOO_MANY_PASSWORD_ATTEMPTS, ms))
        }
        None => Ok(()),
    }
}

/// A wrong current password.
pub async fn count_password_change(state: &AppState, user_id: i32) {
    if limit(state) > 0 {
        count_key(state, &password_key(user_id)).await;
    }
}

//! Authentication (api-contract §1.3): the bearer token, the current user and the admin.

use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, header, request::Parts};

use crate::app::AppState;
use crate::auth::{jwt::Claims, sha256_hex};
use crate::domain::{plans, user::User};
use crate::http::error::ApiError;
use crate::store;

/// The bearer token of the request, if the header has the `Bearer` scheme (case-insensitive).
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    if scheme.eq_ignore_ascii_case("bearer") {
        Some(token.trim())
    } else {
        None
    }
}

/// The authenticated, active user of a `user` endpoint (api-contract §1.3, checks 1–5), after
/// the lazy monthly reset (decision F1).
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user: User,
    pub claims: Claims,
    /// SHA-256 of the bearer token (decision F10).
    pub token_hash: String,
}

/// The caller as the rate-limit layer authenticated it, handed to the handler's extractor in
/// the request's extensions so authenticating costs one read. Only the server sets extensions.
#[derive(Clone, Debug)]
pub struct Authenticated(pub CurrentUser);

impl CurrentUser {
    /// The caller: the one the rate-limit layer found (`pre`), else authenticated now.
    pub async fn of(
        headers: &HeaderMap,
        pre: Option<Authenticated>,
        state: &AppState,
    ) -> Result<Self, ApiError> {
        match pre {
            Some(Authenticated(u)) => Ok(u),
            None => CurrentUser::authenticate(headers, state).await,
        }
    }

    pub async fn authenticate(headers: &HeaderMap, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(headers).ok_or_else(|| {
            ApiError::new(axum::http::StatusCode::UNAUTHORIZED, "Not authenticated")
        })?;
        let claims = state.jwt.verify(token).ok_or_else(ApiError::credentials)?;
        let token_hash = sha256_hex(token);
        let (mut user, logged_out) = store::users::get_for_auth_cached(
            &state.db,
            &state.auth_cache,
            claims.user_id,
            &token_hash,
        )
        .await?
        .ok_or_else(ApiError::credentials)?;
        if !user.is_active() {
            return Err(ApiError::forbidden("Inactive user"));
        }
        if logged_out || is_revoked(&user, &claims, &token_hash) {
            return Err(ApiError::credentials());
        }
        let now = store::now();
        if user.counter_is_stale(now)
            && store::users::reset_monthly_if_stale(
                &state.db,
                user.id,
                plans::month_start(now),
                now,
            )
            .await?
        {
            user.monthly_query_count = Some(0);
            user.last_reset_date = Some(now);
            state.auth_cache.invalidate();
        }
        Ok(CurrentUser {
            user,
            claims,
            token_hash,
        })
    }
}

/// Revocation (decision F10): see [`User::revokes`].
pub fn is_revoked(user: &User, claims: &Claims, token_hash: &str) -> bool {
    user.revokes(claims.iat, claims.version, token_hash)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let pre = parts.extensions.get::<Authenticated>().cloned();
        CurrentUser::of(&parts.headers, pre, state).await
    }
}

/// A user whose role is `admin` (check 6 of api-contract §1.3).
#[derive(Clone, Debug)]
pub struct AdminUser(pub CurrentUser);

/// The 403 of a user who is not an admin (check 6).
pub const ADMIN_REQUIRED: &str = "Not enough permissions. Admin access required.";

/// The breach register's own 403 (its admin check is the same; `latest-app.md` §1.2).
pub const BREACH_ADMIN_REQUIRED: &str = "Admin access required";

/// Checks 1–6 of api-contract §1.3, for handlers that read a body first.
pub async fn admin_from(
    headers: &HeaderMap,
    pre: Option<Authenticated>,
    state: &AppState,
) -> Result<AdminUser, ApiError> {
    admin_with(headers, pre, state, ADMIN_REQUIRED).await
}

/// Checks 1–6, answering `detail` when the user is not an admin.
pub async fn admin_with(
    headers: &HeaderMap,
    pre: Option<Authenticated>,
    state: &AppState,
    detail: &'static str,
) -> Result<AdminUser, ApiError> {
    let u = CurrentUser::of(headers, pre, state).await?;
    if !u.user.is_admin() {
        return Err(ApiError::forbidden(detail));
    }
    Ok(AdminUser(u))
}

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let pre = parts.extensions.get::<Authenticated>().cloned();
        admin_from(&parts.headers, pre, state).await
    }
}

/// An admin of the breach register: [`AdminUser`]'s checks with [`BREACH_ADMIN_REQUIRED`].
#[derive(Clone, Debug)]
pub struct BreachAdmin(pub AdminUser);

impl FromRequestParts<AppState> for BreachAdmin {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let pre = parts.extensions.get::<Authenticated>().cloned();
        admin_with(&parts.headers, pre, state, BREACH_ADMIN_REQUIRED)
            .await
            .map(BreachAdmin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_scheme_is_case_insensitive() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "bEaReR abc".parse().unwrap());
        assert_eq!(bearer_token(&h), Some("abc"));
        h.insert(header::AUTHORIZATION, "Basic abc".parse().unwrap());
        assert_eq!(bearer_token(&h), None);
    }
}

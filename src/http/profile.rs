//! `/api/v1/profile` (api-contract §2.11).

use axum::Json;
use axum::extract::State;
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult};
use super::extract::{CurrentUser, Obj, RequestBody, UserJson};
use super::gdpr::{PROFILE_CATEGORIES, Trace};
use super::responses::{MessageResponse, message};
use crate::app::AppState;
use crate::auth::password::VerifyError;
use crate::domain::gdpr::Activity;
use crate::domain::user::{self, User};
use crate::store::{self, users::ContactRequestRow};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_profile, update_profile))
        .routes(routes!(change_password))
}

#[derive(Serialize, ToSchema)]
pub struct ProfileUser {
    username: String,
    full_name: String,
    role: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    plan_type: String,
    query_count: i64,
    monthly_query_count: i64,
}

impl From<&User> for ProfileUser {
    fn from(u: &User) -> Self {
        ProfileUser {
            username: u.username.clone(),
            full_name: u.full_name().to_string(),
            role: u.role().to_string(),
            created_at: u.created_at,
            plan_type: u.plan_type().to_string(),
            query_count: u.query_count(),
            monthly_query_count: u.monthly_query_count(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PlanInfo {
    #[serde(rename = "type")]
    plan_type: String,
    status: &'static str,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    end_date: Option<NaiveDateTime>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = ProfileUsageStats)]
pub struct UsageStats {
    monthly_queries: i64,
    query_limit: String,
    queries_remaining: String,
    total_queries: i64,
    total_conversations: i64,
    total_messages: i64,
    account_age_days: i64,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    last_query_date: Option<NaiveDateTime>,
}

/// A contact request as the profile lists it.
// (the schema keeps the name it had as a store row)
#[derive(Serialize, ToSchema)]
#[schema(as = ContactRequestRow)]
pub struct ContactRequestOut {
    id: i32,
    name: String,
    email: String,
    company: Option<String>,
    message: String,
    source: String,
    status: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
}

impl From<ContactRequestRow> for ContactRequestOut {
    fn from(r: ContactRequestRow) -> Self {
        ContactRequestOut {
            id: r.id,
            name: r.name,
            email: r.email,
            company: r.company,
            message: r.message,
            source: r.source,
            status: r.status,
            created_at: r.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProfileResponse {
    user: ProfileUser,
    plan_info: PlanInfo,
    usage_stats: UsageStats,
    contact_requests: Vec<ContactRequestOut>,
}

/// The caller's profile, plan, usage and recent contact requests. The read is recorded in the
/// caller's processing log (decision L7).
#[utoipa::path(get, path = "/api/v1/profile", tag = "profile", security(("bearer" = [])),
    responses((status = 200, body = ProfileResponse), (status = 401)))]
pub async fn get_profile(
    State(state): State<AppState>,
    user: CurrentUser,
    trace: Trace,
) -> ApiResult<Json<ProfileResponse>> {
    let u = &user.user;
    let log = trace.log(
        u.id,
        Activity::DataAccess,
        "User accessed their profile information",
        PROFILE_CATEGORIES,
        "contract",
    );
    store::gdpr::log(&state.db, &log).await?;
    let (conversations, messages) = store::users::usage_counts(&state.db, u.id).await?;
    let contacts = store::users::contact_requests_for_email(&state.db, &u.username).await?;
    let limit = store::users::query_limit(&state.db, u).await?;
    let monthly = u.monthly_query_count();
    let now = store::now();
    Ok(Json(ProfileResponse {
        user: ProfileUser::from(u),
        plan_info: PlanInfo {
            plan_type: u.plan_type().to_string(),
            status: u.plan().status(),
            end_date: u.plan_end_date,
        },
        usage_stats: UsageStats {
            monthly_queries: monthly,
            query_limit: limit.to_string(),
            queries_remaining: (limit - monthly).max(0).to_string(),
            total_queries: u.query_count(),
            total_conversations: conversations,
            total_messages: messages,
            account_age_days: u
                .created_at
                .map(|c| (now - c).num_days().max(0))
                .unwrap_or(0),
            last_query_date: u.last_query_date,
        },
        contact_requests: contacts.into_iter().map(ContactRequestOut::from).collect(),
    }))
}

#[derive(ToSchema)]
pub struct ProfileUpdate {
    #[schema(max_length = 100)]
    pub full_name: String,
}

impl RequestBody for ProfileUpdate {
    fn read(o: &mut Obj<'_>) -> Self {
        let full_name = o.req_str("full_name");
        o.max_chars("full_name", &full_name, 100);
        ProfileUpdate { full_name }
    }
}

/// Change the caller's full name.
#[utoipa::path(put, path = "/api/v1/profile", tag = "profile", security(("bearer" = [])),
    request_body = ProfileUpdate, responses((status = 200, body = ProfileUser), (status = 401), (status = 422)))]
pub async fn update_profile(
    State(state): State<AppState>,
    UserJson {
        user,
        body: ProfileUpdate { full_name },
        ..
    }: UserJson<ProfileUpdate>,
) -> ApiResult<Json<ProfileUser>> {
    let updated = store::users::update_full_name(&state.db, user.user.id, &full_name)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("user vanished during update")))?;
    Ok(Json(ProfileUser::from(&updated)))
}

#[derive(ToSchema)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    #[schema(min_length = 8)]
    pub new_password: String,
    pub confirm_password: String,
}

impl RequestBody for ChangePasswordRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        ChangePasswordRequest {
            current_password: o.req_str("current_password"),
            new_password: o.req_str("new_password"),
            confirm_password: o.req_str("confirm_password"),
        }
    }
}

/// Change the password. Every other token issued before now stops working; the token that made
/// the request stays valid (decision F10).
#[utoipa::path(post, path = "/api/v1/profile/change-password", tag = "profile", security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 401), (status = 422), (status = 429)))]
pub async fn change_password(
    State(state): State<AppState>,
    UserJson { user, body, .. }: UserJson<ChangePasswordRequest>,
) -> ApiResult<Json<MessageResponse>> {
    let ChangePasswordRequest {
        current_password: current,
        new_password: new,
        confirm_password: confirm,
    } = body;
    if new != confirm {
        return Err(ApiError::bad_request("New passwords do not match"));
    }
    if !user::password_long_enough(&new) {
        return Err(ApiError::bad_request(user::password_too_short_message()));
    }
    let attempt = super::throttle::begin_password_change(&state, user.user.id).await?;
    let ok = match state
        .hasher
        .verify(current, user.user.password_hash.clone())
        .await
    {
        Ok(ok) => ok,
        Err(VerifyError::Busy(busy)) => {
            attempt.refund(&state).await;
            return Err(busy.into());
        }
        Err(e) => {
            tracing::warn!(user_id = user.user.id, error = %e, "stored password hash could not be checked");
            false
        }
    };
    let expires = chrono::DateTime::from_timestamp(user.claims.exp, 0).map(|d| d.naive_utc());
    if !ok {
        // Remembered for this token: a change it makes later does not exempt it.
        store::tokens::record_password_guess(&state.db, &user.token_hash, user.user.id, expires)
            .await?;
        return Err(ApiError::new(
            axum::http::StatusCode::UNAUTHORIZED,
            "Current password is incorrect",
        ));
    }
    attempt.refund(&state).await;
    // The token that made the change stays valid, unless it guessed wrong before: then it was
    // perhaps a thief's, and every session, this one included, must log in again.
    let exempt = !store::tokens::guessed_password(&state.db, &user.token_hash).await?;
    let hash = state.hasher.hash(new).await?;
    let now = store::truncate_to_seconds(store::now());
    store::users::set_password(
        &state.db,
        user.user.id,
        &hash,
        Some(now),
        exempt.then_some(user.token_hash.as_str()),
    )
    .await?;
    Ok(message("Password updated successfully"))
}

//! Per-user agent grants of the current React app (`latest-app.md` §1.2): an admin
//! grants a user an agent, optionally with unlimited queries and until a date, and the user's app
//! asks which agents it may use without counting. The grants are the whitelist rows of the first
//! contract (`/agent-access/admin/grant-access` writes the same rows), with `unlimited_queries`.

use axum::Json;
use axum::extract::{Extension, RawPathParams, State};
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use super::admin::{UserId, audit_of};
use super::error::{ApiError, ApiResult, ResultExt};
use super::extract::{AdminJson, AdminUser, CurrentUser, Obj, RequestBody};
use super::middleware::RequestId;
use crate::app::AppState;
use crate::domain::conversation::normalize_agent_type;
use crate::store::{self, agents};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_grants, grant))
        .routes(routes!(revoke))
        .routes(routes!(check_unlimited))
        .routes(routes!(unlimited_agents))
}

/// The `{agent_type}` path parameter, normalised (`om` is `leo_om`).
fn agent_type_param(raw: &RawPathParams) -> String {
    raw.iter()
        .find(|(k, _)| *k == "agent_type")
        .map(|(_, v)| normalize_agent_type(v))
        .unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct GrantOut {
    id: i32,
    agent_type: String,
    is_active: bool,
    unlimited_queries: bool,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    granted_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    expires_at: Option<NaiveDateTime>,
    reason: Option<String>,
}

/// A user's grants, revoked ones included, by agent type.
#[utoipa::path(get, path = "/api/v1/admin/users/{user_id}/agent-whitelist", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, body = [GrantOut]), (status = 403), (status = 422)))]
pub async fn list_grants(
    State(state): State<AppState>,
    _a: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<Vec<GrantOut>>> {
    // (an id no user can have lists nothing, as for a user without grants)
    let Ok(id) = i32::try_from(id) else {
        return Ok(Json(Vec::new()));
    };
    Ok(Json(
        agents::user_grants(&state.db, id)
            .await?
            .into_iter()
            .map(|g| GrantOut {
                id: g.id,
                agent_type: g.agent_type,
                is_active: g.is_active.unwrap_or(false),
                unlimited_queries: g.unlimited_queries.unwrap_or(false),
                granted_at: g.granted_at,
                expires_at: g.expires_at,
                reason: g.reason,
            })
            .collect(),
    ))
}

#[derive(ToSchema)]
pub struct GrantBody {
    pub agent_type: String,
    /// Default `false`.
    #[schema(value_type = Option<bool>)]
    pub unlimited_queries: bool,
    pub reason: Option<String>,
    /// ISO-8601, with or without an offset (converted to UTC), or a plain date.
    #[schema(value_type = Option<String>)]
    pub expires_at: Option<NaiveDateTime>,
}

impl RequestBody for GrantBody {
    fn read(o: &mut Obj<'_>) -> Self {
        GrantBody {
            agent_type: normalize_agent_type(&o.req_str("agent_type")),
            unlimited_queries: o.opt_bool("unlimited_queries", false),
            reason: o.opt_str("reason"),
            expires_at: o.opt_datetime("expires_at"),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SuccessMessage {
    success: bool,
    message: String,
}

/// Grant a user an agent (re-activating and overwriting an earlier grant), optionally with
/// unlimited queries and until a date.
#[utoipa::path(post, path = "/api/v1/admin/users/{user_id}/agent-whitelist", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), request_body = GrantBody,
    responses((status = 200, body = SuccessMessage), (status = 400), (status = 403), (status = 422)))]
pub async fn grant(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson {
        admin,
        body,
        path: UserId(user_id),
    }: AdminJson<GrantBody, UserId>,
) -> ApiResult<Json<SuccessMessage>> {
    const FAILED: &str = "Failed to grant access";
    let t = body.agent_type;
    if agents::config(&state.db, &t)
        .await
        .or_400_citing(FAILED, &rid)?
        .is_none()
    {
        return Err(ApiError::bad_request(format!("Agent '{t}' not found")));
    }
    let target = match i32::try_from(user_id) {
        Ok(id) => store::users::get(&state.db, id)
            .await
            .or_400_citing(FAILED, &rid)?
            .map(|u| u.id),
        Err(_) => None,
    };
    let Some(target) = target else {
        return Err(ApiError::bad_request(format!("User {user_id} not found")));
    };
    let unlimited = body.unlimited_queries;
    agents::grant(
        &state.db,
        target,
        &t,
        body.expires_at,
        body.reason.as_deref(),
        Some(unlimited),
        store::now(),
        &audit_of(&admin, &rid),
    )
    .await
    .or_400_citing(FAILED, &rid)?;
    Ok(Json(SuccessMessage {
        success: true,
        message: format!(
            "Granted {}access to {t} for user {user_id}",
            if unlimited { "unlimited " } else { "" }
        ),
    }))
}

/// Revoke a user's grant of an agent (the row is kept, inactive).
#[utoipa::path(delete, path = "/api/v1/admin/users/{user_id}/agent-whitelist/{agent_type}", tag = "admin",
    security(("bearer" = [])), params(("user_id" = i64, Path), ("agent_type" = String, Path)),
    responses((status = 200, body = SuccessMessage), (status = 400), (status = 403), (status = 422)))]
pub async fn revoke(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    UserId(user_id): UserId,
    raw: RawPathParams,
) -> ApiResult<Json<SuccessMessage>> {
    let t = agent_type_param(&raw);
    let revoked = match i32::try_from(user_id) {
        Ok(id) => agents::revoke(&state.db, id, &t, store::now(), &audit_of(&admin, &rid))
            .await
            .or_400_citing("Failed to revoke access", &rid)?,
        Err(_) => false,
    };
    if !revoked {
        return Err(ApiError::bad_request("Whitelist entry not found"));
    }
    Ok(Json(SuccessMessage {
        success: true,
        message: format!("Revoked access to {t} for user {user_id}"),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct UnlimitedCheck {
    has_unlimited: bool,
    agent_type: String,
    user_id: i32,
}

/// Whether the caller's queries to an agent are unlimited (an active, unexpired grant with
/// unlimited queries).
#[utoipa::path(get, path = "/api/v1/chat/check-unlimited-access/{agent_type}", tag = "chat", security(("bearer" = [])),
    params(("agent_type" = String, Path)), responses((status = 200, body = UnlimitedCheck), (status = 401)))]
pub async fn check_unlimited(
    State(state): State<AppState>,
    user: CurrentUser,
    raw: RawPathParams,
) -> ApiResult<Json<UnlimitedCheck>> {
    let t = agent_type_param(&raw);
    let has = !agents::unlimited_agents(&state.db, user.user.id, Some(&t), store::now())
        .await?
        .is_empty();
    Ok(Json(UnlimitedCheck {
        has_unlimited: has,
        agent_type: t,
        user_id: user.user.id,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct UnlimitedAgents {
    agents: Vec<String>,
    user_id: i32,
}

/// The agents the caller may query without counting.
#[utoipa::path(get, path = "/api/v1/chat/unlimited-access-agents", tag = "chat", security(("bearer" = [])),
    responses((status = 200, body = UnlimitedAgents), (status = 401)))]
pub async fn unlimited_agents(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<UnlimitedAgents>> {
    Ok(Json(UnlimitedAgents {
        agents: agents::unlimited_agents(&state.db, user.user.id, None, store::now()).await?,
        user_id: user.user.id,
    }))
}

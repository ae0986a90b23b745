//! `/api/v1/agent-access` (api-contract §2.6): the access decision, hiring, and the admin's
//! whitelist and configuration.

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::admin::audit_of;
use super::error::{ApiError, ApiResult, ResultExt};
use super::extract::{AdminJson, AdminUser, CurrentUser, Obj, QueryMap, RequestBody, UserJson};
use super::middleware::RequestId;
use super::responses::{MessageResponse, message};
use crate::app::AppState;
use crate::domain::access::{self, AccessFacts, Decision};
use crate::domain::conversation::normalize_agent_type;
use crate::domain::plans::Plan;
use crate::domain::trial::Step;
use crate::store::{self, agents};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check))
        .routes(routes!(my_agents))
        .routes(routes!(trial_status))
        .routes(routes!(hire))
        .routes(routes!(grant_access))
        .routes(routes!(revoke_access))
        .routes(routes!(update_config))
        .routes(routes!(whitelisted_users))
        .routes(routes!(statistics))
        .routes(routes!(all_statistics))
}

#[derive(Serialize, ToSchema)]
pub struct CheckResponse {
    can_access: bool,
    reason: Option<String>,
}

/// Whether the caller may use an agent, and why not.
#[utoipa::path(get, path = "/api/v1/agent-access/check/{agent_type}", tag = "agent-access", security(("bearer" = [])),
    params(("agent_type" = String, Path)), responses((status = 200, body = CheckResponse), (status = 401)))]
pub async fn check(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(agent_type): Path<String>,
) -> Json<CheckResponse> {
    let t = normalize_agent_type(&agent_type);
    let fallback = state.settings.fallback_agent;
    let decide = async {
        let trial = store::users::trial(&state.db, &user.user, fallback).await?;
        agents::decide(&state.db, &user.user, &t, store::now(), trial.as_ref()).await
    };
    let d = decide.await.unwrap_or_else(|e: sqlx::Error| {
        tracing::error!(error = %e, "access check failed");
        Decision {
            can_access: false,
            reason: Some("An error occurred while checking access permissions".into()),
        }
    });
    Json(CheckResponse {
        can_access: d.can_access,
        reason: d.reason,
    })
}

#[derive(Serialize, ToSchema)]
pub struct MyAgent {
    agent_type: String,
    description: Option<String>,
    required_plan: String,
    is_enabled: bool,
    can_access: bool,
    access_reason: Option<String>,
    is_whitelisted: bool,
    is_grandfathered: bool,
    /// The caller has hired the agent (an active hire): the current web app lists only these in
    /// its chat agent switcher (an addition of the later contract, decision L2).
    is_hired: bool,
    /// The agent stays usable (and hireable) on the free plan after the trial: the agent of
    /// `FALLBACK_AGENT` (decision L4); false for every agent while the setting is off.
    available_in_fallback: bool,
}

/// Every configured agent with the caller's access to it.
#[utoipa::path(get, path = "/api/v1/agent-access/my-agents", tag = "agent-access", security(("bearer" = [])),
    responses((status = 200, body = [MyAgent]), (status = 401)))]
pub async fn my_agents(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<MyAgent>>> {
    let u = &user.user;
    let rows = agents::configs(&state.db).await?;
    let facts = agents::user_facts(&state.db, u.id, None).await?;
    let fallback = state.settings.fallback_agent;
    let trial = store::users::trial(&state.db, u, fallback).await?;
    let now = store::now();
    let out = rows
        .iter()
        .map(|row| {
            let config = row.config();
            let (grants, hires) = (facts.grants(&row.agent_type), facts.hires(&row.agent_type));
            let d = access::decide(&AccessFacts {
                agent_type: &row.agent_type,
                config: Some(&config),
                is_admin: u.is_admin(),
                plan_type: u.plan_type.as_deref(),
                grants: &grants,
                hires: &hires,
                now,
                trial: trial.as_ref(),
            });
            MyAgent {
                agent_type: row.agent_type.clone(),
                description: row.description.clone(),
                required_plan: config.required_plan().to_string(),
                is_enabled: row.is_enabled.unwrap_or(false),
                can_access: d.can_access,
                access_reason: d.reason,
                is_whitelisted: access::is_whitelisted(&grants, now),
                is_grandfathered: access::is_grandfathered(&config, &hires, u.plan_type.as_deref()),
                is_hired: !hires.is_empty(),
                available_in_fallback: fallback.is_some_and(|a| a.id == row.agent_type),
            }
        })
        .collect();
    Ok(Json(out))
}

#[derive(Serialize, ToSchema)]
pub struct TrialStatus {
    /// A free user's trial has ended (`FALLBACK_AGENT` set, monthly count at the limit).
    is_trial_exhausted: bool,
    /// How many of the caller's hired agents, the fallback agent aside, the trial's end has
    /// made unusable. They stay hired (nothing is released: defect D6 of the old service).
    agents_unhired: i64,
    /// The current app then sends the user to its Agents page.
    redirect_to_agents: bool,
    message: Option<String>,
}

/// Whether the caller's free trial has ended (decision L4). A read: unlike the old service, no
/// agent is released (an upgrade makes them usable again).
#[utoipa::path(get, path = "/api/v1/agent-access/trial-status", tag = "agent-access", security(("bearer" = [])),
    responses((status = 200, body = TrialStatus), (status = 401)))]
pub async fn trial_status(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<TrialStatus>> {
    let u = &user.user;
    let trial = store::users::trial(&state.db, u, state.settings.fallback_agent).await?;
    let Some(trial) = trial.filter(|t| t.ended) else {
        return Ok(Json(TrialStatus {
            is_trial_exhausted: false,
            agents_unhired: 0,
            redirect_to_agents: false,
            message: None,
        }));
    };
    let rows = agents::configs(&state.db).await?;
    let facts = agents::user_facts(&state.db, u.id, None).await?;
    let hired: std::collections::BTreeSet<String> = agents::active_hires(&state.db, u.id)
        .await?
        .into_iter()
        .map(|h| h.agent_type)
        .filter(|t| *t != trial.fallback.id)
        .collect();
    let now = store::now();
    let unusable = hired
        .iter()
        .filter(|t| {
            let config = rows
                .iter()
                .find(|r| r.agent_type == **t)
                .map(|r| r.config());
            !access::decide(&AccessFacts {
                agent_type: t,
                config: config.as_ref(),
                is_admin: u.is_admin(),
                plan_type: u.plan_type.as_deref(),
                grants: &facts.grants(t),
                hires: &facts.hires(t),
                now,
                trial: Some(&trial),
            })
            .can_access
        })
        .count();
    Ok(Json(TrialStatus {
        is_trial_exhausted: true,
        agents_unhired: unusable as i64,
        redirect_to_agents: true,
        message: Some(trial.status_message()),
    }))
}

/// `{"agent_type": ...}`, normalised (also the body of `/agent-management/hire` and `release`).
#[derive(ToSchema)]
pub struct AgentTypeBody {
    pub agent_type: String,
}

impl RequestBody for AgentTypeBody {
    fn read(o: &mut Obj<'_>) -> Self {
        AgentTypeBody {
            agent_type: normalize_agent_type(&o.req_str("agent_type")),
        }
    }
}

/// Hire an agent (with a plan check; the React app uses `/agent-management/hire` instead).
/// With the free trial on (`FALLBACK_AGENT`), a free user may hire any agent during the trial
/// and, after it, only the fallback agent or one an active grant opens.
#[utoipa::path(post, path = "/api/v1/agent-access/hire", tag = "agent-access", security(("bearer" = [])),
    request_body = AgentTypeBody, responses((status = 201, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn hire(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    UserJson {
        user,
        body: AgentTypeBody { agent_type: t },
        ..
    }: UserJson<AgentTypeBody>,
) -> ApiResult<Response> {
    const FAILED: &str = "Error recording agent hire";
    let row = agents::config(&state.db, &t)
        .await
        .or_400_citing(FAILED, &rid)?
        .ok_or_else(|| ApiError::bad_request(format!("Agent '{t}' not found")))?;
    let trial = store::users::trial(&state.db, &user.user, state.settings.fallback_agent)
        .await
        .or_400_citing(FAILED, &rid)?;
    let step = match &trial {
        Some(trial) => {
            let grants = agents::user_facts(&state.db, user.user.id, Some(&t))
                .await
                .or_400_citing(FAILED, &rid)?
                .grants(&t);
            // As in the access decision, a grant comes before the trial's end.
            let whitelisted = access::is_whitelisted(&grants, store::now());
            let step = trial.step(&t);
            if step == Step::Closed && !whitelisted {
                return Err(ApiError::bad_request(trial.hire_ended_message()));
            }
            Some(step)
        }
        None => None,
    };
    let required = row.config().required_plan().to_string();
    // During the trial every agent is open to a free user, whatever its plan.
    if step != Some(Step::Open) && !user.user.plan().meets(Plan::stored(Some(&required))) {
        return Err(ApiError::bad_request(format!(
            "This agent requires a '{required}' plan. Please upgrade to hire this agent."
        )));
    }
    agents::hire(
        &state.db,
        user.user.id,
        &t,
        row.required_plan.as_deref(),
        store::now(),
    )
    .await
    .or_400_citing(FAILED, &rid)?;
    Ok((
        StatusCode::CREATED,
        message(&format!("Successfully hired agent '{t}'")),
    )
        .into_response())
}

#[derive(ToSchema)]
pub struct GrantRequest {
    pub user_id: i64,
    pub agent_type: String,
    /// ISO-8601, with or without an offset (converted to UTC), or a plain date.
    #[schema(value_type = Option<String>, pattern = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?)?$")]
    pub expires_at: Option<NaiveDateTime>,
    pub reason: Option<String>,
}

impl RequestBody for GrantRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        GrantRequest {
            user_id: o.req_int("user_id"),
            agent_type: normalize_agent_type(&o.req_str("agent_type")),
            expires_at: o.opt_datetime("expires_at"),
            reason: o.opt_str("reason"),
        }
    }
}

/// Whitelist a user for an agent (admin), optionally until a date.
#[utoipa::path(post, path = "/api/v1/agent-access/admin/grant-access", tag = "agent-access", security(("bearer" = [])),
    request_body = GrantRequest, responses((status = 200, body = MessageResponse), (status = 400), (status = 403), (status = 422)))]
pub async fn grant_access(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson { admin, body, .. }: AdminJson<GrantRequest>,
) -> ApiResult<Json<MessageResponse>> {
    let GrantRequest {
        user_id,
        agent_type: t,
        expires_at,
        reason,
    } = body;
    const FAILED: &str = "Error granting access";
    if agents::config(&state.db, &t)
        .await
        .or_400_citing(FAILED, &rid)?
        .is_none()
    {
        return Err(ApiError::bad_request(format!("Agent '{t}' not found")));
    }
    let target = i32::try_from(user_id).ok();
    let exists = match target {
        Some(id) => store::users::get(&state.db, id)
            .await
            .or_400_citing(FAILED, &rid)?
            .is_some(),
        None => false,
    };
    let Some(target) = target.filter(|_| exists) else {
        return Err(ApiError::bad_request(format!("User {user_id} not found")));
    };
    agents::grant(
        &state.db,
        target,
        &t,
        expires_at,
        reason.as_deref(),
        None,
        store::now(),
        &audit_of(&admin, &rid),
    )
    .await
    .or_400_citing(FAILED, &rid)?;
    Ok(message(&format!(
        "Successfully granted access to agent '{t}' for user {user_id}"
    )))
}

#[derive(ToSchema)]
pub struct RevokeRequest {
    pub user_id: i64,
    pub agent_type: String,
}

impl RequestBody for RevokeRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        RevokeRequest {
            user_id: o.req_int("user_id"),
            agent_type: normalize_agent_type(&o.req_str("agent_type")),
        }
    }
}

/// Deactivate a user's whitelist entry (admin); the rows are kept.
#[utoipa::path(post, path = "/api/v1/agent-access/admin/revoke-access", tag = "agent-access", security(("bearer" = [])),
    request_body = RevokeRequest, responses((status = 200, body = MessageResponse), (status = 400), (status = 403), (status = 422)))]
pub async fn revoke_access(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson {
        admin,
        body: RevokeRequest {
            user_id,
            agent_type: t,
        },
        ..
    }: AdminJson<RevokeRequest>,
) -> ApiResult<Json<MessageResponse>> {
    let revoked = match i32::try_from(user_id) {
        Ok(id) => agents::revoke(&state.db, id, &t, store::now(), &audit_of(&admin, &rid))
            .await
            .or_400_citing("Error revoking access", &rid)?,
        Err(_) => false,
    };
    if !revoked {
        return Err(ApiError::bad_request("Whitelist entry not found"));
    }
    Ok(message(&format!(
        "Successfully revoked access to agent '{t}' for user {user_id}"
    )))
}

#[derive(ToSchema)]
pub struct ConfigUpdate {
    #[schema(max_length = 50)]
    pub agent_type: String,
    #[schema(max_length = 20)]
    pub required_plan: Option<String>,
    /// Applied only when present and not `null`.
    #[schema(value_type = Option<super::extract::LaxBool>)]
    pub is_enabled: Option<bool>,
    pub description: Option<String>,
}

impl RequestBody for ConfigUpdate {
    fn read(o: &mut Obj<'_>) -> Self {
        let c = ConfigUpdate {
            agent_type: normalize_agent_type(&o.req_str("agent_type")),
            required_plan: o.opt_str("required_plan"),
            is_enabled: o
                .is_set("is_enabled")
                .then(|| o.opt_bool("is_enabled", false)),
            description: o.opt_str("description"),
        };
        o.max_chars("agent_type", &c.agent_type, 50);
        if let Some(p) = &c.required_plan {
            o.max_chars("required_plan", p, 20);
        }
        c
    }
}

/// Create or change an agent's configuration (admin). Raising the required plan grandfathers
/// earlier hires (decision F3).
#[utoipa::path(put, path = "/api/v1/agent-access/admin/update-config", tag = "agent-access", security(("bearer" = [])),
    request_body = ConfigUpdate, responses((status = 200, body = MessageResponse), (status = 400), (status = 403), (status = 422)))]
pub async fn update_config(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson { admin, body, .. }: AdminJson<ConfigUpdate>,
) -> ApiResult<Json<MessageResponse>> {
    let ConfigUpdate {
        agent_type: t,
        required_plan,
        is_enabled,
        description,
    } = body;
    const FAILED: &str = "Error updating agent config";
    let exists = agents::config(&state.db, &t)
        .await
        .or_400_citing(FAILED, &rid)?
        .is_some();
    if exists
        && let Some(p) = &required_plan
        && Plan::parse(p).is_none()
    {
        return Err(ApiError::bad_request(format!("Invalid plan type: {p}")));
    }
    agents::update_config(
        &state.db,
        &t,
        required_plan.as_deref(),
        is_enabled,
        description.as_deref(),
        store::now(),
        &audit_of(&admin, &rid),
    )
    .await
    .or_400_citing(FAILED, &rid)?;
    Ok(message(&format!(
        "Successfully updated configuration for agent '{t}'"
    )))
}

#[derive(Serialize, ToSchema)]
pub struct WhitelistedUserOut {
    user_id: i32,
    username: String,
    full_name: String,
    granted_by: Option<i32>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    granted_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    expires_at: Option<NaiveDateTime>,
    is_active: bool,
    reason: Option<String>,
}

// A list of users has a maximum page like the others: `admin::MAX_USER_PAGE`.
/// Users whitelisted for an agent (admin), newest grant first: at most the first 1000.
#[utoipa::path(get, path = "/api/v1/agent-access/admin/whitelisted-users/{agent_type}", tag = "agent-access",
    security(("bearer" = [])), params(("agent_type" = String, Path), ("include_expired" = Option<bool>, Query)),
    responses((status = 200, body = [WhitelistedUserOut]), (status = 403), (status = 422)))]
pub async fn whitelisted_users(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(agent_type): Path<String>,
    q: QueryMap,
) -> ApiResult<Json<Vec<WhitelistedUserOut>>> {
    let mut o = q.obj();
    let include_expired = o.opt_bool("include_expired", false);
    o.finish()?;
    let t = normalize_agent_type(&agent_type);
    let rows = agents::whitelisted_users(
        &state.db,
        &t,
        include_expired,
        store::now(),
        super::admin::MAX_USER_PAGE,
    )
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| WhitelistedUserOut {
                user_id: r.user_id,
                username: r.username,
                full_name: r.full_name.unwrap_or_default(),
                granted_by: r.granted_by,
                granted_at: r.granted_at,
                expires_at: r.expires_at,
                is_active: r.is_active.unwrap_or(false),
                reason: r.reason,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AgentStatistics {
    total_hired: i64,
    total_whitelisted: i64,
}

/// Hires and live grants of one agent (admin).
#[utoipa::path(get, path = "/api/v1/agent-access/admin/statistics/{agent_type}", tag = "agent-access",
    security(("bearer" = [])), params(("agent_type" = String, Path)),
    responses((status = 200, body = AgentStatistics), (status = 403), (status = 404)))]
pub async fn statistics(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(agent_type): Path<String>,
) -> ApiResult<Json<AgentStatistics>> {
    let t = normalize_agent_type(&agent_type);
    let rows = agents::statistics(&state.db, Some(&t), store::now())
        .await
        .or_fail(
            StatusCode::NOT_FOUND,
            format!("No statistics found for agent '{t}'"),
        )?;
    let (_, h, w) = rows.into_iter().next().unwrap_or((t, 0, 0));
    Ok(Json(AgentStatistics {
        total_hired: h,
        total_whitelisted: w,
    }))
}

/// The statistics of every configured agent, double-nested (kept for compatibility).
#[utoipa::path(get, path = "/api/v1/agent-access/admin/all-statistics", tag = "agent-access",
    security(("bearer" = [])), responses((status = 200, description = "{type: {type: statistics}}"), (status = 403)))]
pub async fn all_statistics(
    State(state): State<AppState>,
    _admin: AdminUser,
) -> ApiResult<Json<Value>> {
    let rows = agents::statistics(&state.db, None, store::now()).await?;
    let mut out = Map::new();
    for (t, h, w) in rows {
        out.insert(
            t.clone(),
            json!({ t: {"total_hired": h, "total_whitelisted": w} }),
        );
    }
    Ok(Json(Value::Object(out)))
}

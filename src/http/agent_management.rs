//! `/api/v1/agent-management` (api-contract §2.8) and `/api/v1/agents/available` (§2.9).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::agent_access::AgentTypeBody;
use super::error::{ApiError, ApiResult, FieldError, ResultExt};
use super::extract::{CurrentUser, QueryMap, UserJson, path_int};
use super::responses::{MessageResponse, message};
use crate::app::AppState;
use crate::domain::agents::{AGENTS, agent, suggest_agent_type};
use crate::domain::conversation::{message_too_long, message_too_long_text, normalize_agent_type};
use crate::domain::plans::{self, Plan};
use crate::store::{self, agents, conversations as conv};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(available))
        .routes(routes!(check_availability))
        .routes(routes!(suggest))
        .routes(routes!(hire))
        .routes(routes!(release))
        .routes(routes!(hired))
        .routes(routes!(usage_stats))
        .routes(routes!(validate_query))
        .routes(routes!(conversation_history))
        .routes(routes!(types))
        .routes(routes!(placeholder_agents))
}

#[derive(Serialize, ToSchema)]
pub struct AvailableAgent {
    agent_type: &'static str,
    display_name: &'static str,
    is_hired: bool,
    requires_subscription: bool,
    capabilities: Vec<&'static str>,
    /// The agent stays usable (and hireable) on the free plan after the trial: the agent of
    /// `FALLBACK_AGENT` (decision L4); false for every agent while the setting is off.
    available_in_fallback: bool,
}

/// The catalogue with the caller's hires.
#[utoipa::path(get, path = "/api/v1/agent-management/available", tag = "agent-management", security(("bearer" = [])),
    responses((status = 200, body = [AvailableAgent]), (status = 401)))]
pub async fn available(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<AvailableAgent>>> {
    let hires = agents::active_hires(&state.db, user.user.id).await?;
    let fallback = state.settings.fallback_agent;
    Ok(Json(
        AGENTS
            .iter()
            .map(|a| AvailableAgent {
                agent_type: a.id,
                display_name: a.display_name,
                is_hired: hires.iter().any(|h| h.agent_type == a.id),
                requires_subscription: a.requires_subscription,
                capabilities: a.capabilities.to_vec(),
                available_in_fallback: fallback.is_some_and(|f| f.id == a.id),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct Availability {
    is_available: bool,
    reason: Option<String>,
}

/// Whether the catalogue offers the agent to the caller.
#[utoipa::path(get, path = "/api/v1/agent-management/check-availability/{agent_type}", tag = "agent-management",
    security(("bearer" = [])), params(("agent_type" = String, Path)), responses((status = 200, body = Availability)))]
pub async fn check_availability(
    user: CurrentUser,
    Path(agent_type): Path<String>,
) -> Json<Availability> {
    let t = normalize_agent_type(&agent_type);
    let u = &user.user;
    Json(if agent(&t).is_none() {
        Availability {
            is_available: false,
            reason: Some(format!("Invalid agent type: {t}")),
        }
    } else if agent(&t).is_some_and(|a| a.requires_subscription)
        && u.plan() != Plan::Premium
        && !u.is_admin()
    {
        Availability {
            is_available: false,
            reason: Some("This agent requires a premium subscription".into()),
        }
    } else {
        Availability {
            is_available: true,
            reason: None,
        }
    })
}

#[derive(Serialize, ToSchema)]
pub struct Suggestion {
    suggested_agent_type: &'static str,
    agent_display_name: &'static str,
}

/// The keyword rule of §4.7 (the query is a query parameter, not a body).
#[utoipa::path(post, path = "/api/v1/agent-management/suggest-agent-type", tag = "agent-management",
    security(("bearer" = [])), params(("query" = String, Query, min_length = 1)), responses((status = 200, body = Suggestion), (status = 422)))]
pub async fn suggest(_user: CurrentUser, q: QueryMap) -> ApiResult<Json<Suggestion>> {
    let mut o = q.obj();
    let query = o.req_str("query");
    if o.has_str("query") {
        o.min_chars("query", &query, 1);
    }
    o.finish()?;
    let t = suggest_agent_type(&query);
    let name = agent(t)
        .map(|a| a.display_name)
        .unwrap_or("Market Intelligence Agent");
    Ok(Json(Suggestion {
        suggested_agent_type: t,
        agent_display_name: name,
    }))
}

/// Hire an agent of the catalogue (no plan check, kept for compatibility: chat decides).
#[utoipa::path(post, path = "/api/v1/agent-management/hire", operation_id = "agent_management_hire", tag = "agent-management", security(("bearer" = [])),
    request_body = AgentTypeBody, responses((status = 201, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn hire(
    State(state): State<AppState>,
    UserJson {
        user,
        body: AgentTypeBody { agent_type: t },
        ..
    }: UserJson<AgentTypeBody>,
) -> ApiResult<Response> {
    if agent(&t).is_none() {
        return Err(ApiError::bad_request(format!("Invalid agent type: {t}")));
    }
    const FAILED: &str = "Failed to hire agent";
    let required = agents::config(&state.db, &t).await.or_400(FAILED)?;
    let outcome = agents::hire(
        &state.db,
        user.user.id,
        &t,
        required
            .as_ref()
            .map(|r| r.config().required_plan().to_string())
            .as_deref(),
        store::now(),
    )
    .await
    .or_400(FAILED)?;
    if outcome == agents::HireOutcome::AlreadyActive {
        return Err(ApiError::bad_request("Agent already hired"));
    }
    Ok((
        StatusCode::CREATED,
        message(&format!("Successfully hired agent '{t}'")),
    )
        .into_response())
}

/// Release a hired agent (gives up grandfathering).
#[utoipa::path(post, path = "/api/v1/agent-management/release", tag = "agent-management", security(("bearer" = [])),
    request_body = AgentTypeBody, responses((status = 200, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn release(
    State(state): State<AppState>,
    UserJson {
        user,
        body: AgentTypeBody { agent_type: t },
        ..
    }: UserJson<AgentTypeBody>,
) -> ApiResult<Json<MessageResponse>> {
    let n = agents::release(&state.db, user.user.id, &t)
        .await
        .or_400("Failed to release agent")?;
    if n == 0 {
        return Err(ApiError::bad_request("Agent not hired"));
    }
    Ok(message(&format!("Successfully released agent '{t}'")))
}

#[derive(Serialize, ToSchema)]
pub struct HiredAgent {
    id: i32,
    user_id: i32,
    agent_type: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    hired_at: Option<NaiveDateTime>,
    is_active: bool,
}

/// The caller's active hires.
#[utoipa::path(get, path = "/api/v1/agent-management/hired", tag = "agent-management", security(("bearer" = [])),
    responses((status = 200, body = [HiredAgent])))]
pub async fn hired(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<HiredAgent>>> {
    let rows = agents::active_hires(&state.db, user.user.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|h| HiredAgent {
                id: h.id,
                user_id: h.user_id,
                agent_type: h.agent_type,
                hired_at: h.hired_at,
                is_active: h.is_active.unwrap_or(false),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct UsageStats {
    total_queries: i64,
    monthly_queries: i64,
    query_limit: i64,
    queries_remaining: i64,
    #[schema(value_type = Object)]
    by_agent_type: Map<String, Value>,
}

/// Usage against the plan's base limit (no survey bonus here: kept for compatibility).
#[utoipa::path(get, path = "/api/v1/agent-management/usage-stats", tag = "agent-management", security(("bearer" = [])),
    responses((status = 200, body = UsageStats)))]
pub async fn usage_stats(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<UsageStats>> {
    let u = &user.user;
    let limit = u.plan().base_limit();
    let by_agent = agents::user_messages_by_agent(&state.db, u.id).await?;
    Ok(Json(UsageStats {
        total_queries: u.query_count(),
        monthly_queries: u.monthly_query_count(),
        query_limit: limit,
        queries_remaining: limit - u.monthly_query_count(),
        by_agent_type: by_agent.into_iter().map(|(t, n)| (t, json!(n))).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Validation {
    is_valid: bool,
    error_message: Option<String>,
    conversation_id: Option<i64>,
}

/// Pre-checks of a chat message; sets the conversation's agent type (committed even when the
/// limit check then fails: kept for compatibility).
#[utoipa::path(post, path = "/api/v1/agent-management/validate-query", tag = "agent-management", security(("bearer" = [])),
    params(("conversation_id" = i64, Query), ("query" = String, Query, min_length = 1), ("agent_type" = Option<String>, Query)),
    responses((status = 200, body = Validation), (status = 422)))]
pub async fn validate_query(
    State(state): State<AppState>,
    user: CurrentUser,
    q: QueryMap,
) -> ApiResult<Json<Validation>> {
    let mut o = q.obj();
    let conversation_id = o.req_int("conversation_id");
    let query = o.req_str("query");
    if o.has_str("query") {
        o.min_chars("query", &query, 1);
    }
    let agent_type =
        normalize_agent_type(&o.opt_str("agent_type").unwrap_or_else(|| "market".into()));
    o.finish()?;
    let invalid = |m: String| {
        Json(Validation {
            is_valid: false,
            error_message: Some(m),
            conversation_id: None,
        })
    };
    if message_too_long(&query) {
        return Ok(invalid(message_too_long_text()));
    }
    let u = &user.user;
    if conv::get(&state.db, u.id, conversation_id).await?.is_none() {
        return Ok(invalid("Conversation not found or access denied".into()));
    }
    conv::set_agent_type(&state.db, u.id, conversation_id, &agent_type).await?;
    let limit = u.plan().base_limit();
    if !plans::can_make_query(u.is_admin(), u.monthly_query_count(), limit) {
        return Ok(invalid(plans::limit_reached_message(
            u.monthly_query_count(),
            limit,
        )));
    }
    Ok(Json(Validation {
        is_valid: true,
        error_message: None,
        conversation_id: Some(conversation_id),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct HistoryMessage {
    role: &'static str,
    content: String,
}

/// The latest text messages of the caller's conversation, oldest first; `[]` for a missing or
/// foreign conversation (decision F6).
#[utoipa::path(get, path = "/api/v1/agent-management/conversation-history/{conversation_id}", tag = "agent-management",
    security(("bearer" = [])), params(("conversation_id" = i64, Path), ("limit" = Option<i64>, Query, minimum = 1, maximum = 100)),
    responses((status = 200, body = [HistoryMessage]), (status = 422)))]
pub async fn conversation_history(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(raw): Path<String>,
    q: QueryMap,
) -> ApiResult<Json<Vec<HistoryMessage>>> {
    let id = path_int("conversation_id", &raw);
    let mut o = q.obj();
    let limit = o.int_or("limit", 50);
    if !(1..=100).contains(&limit) {
        let (kind, msg, ctx) = if limit < 1 {
            (
                "greater_than_equal",
                "Input should be greater than or equal to 1",
                json!({"ge": 1}),
            )
        } else {
            (
                "less_than_equal",
                "Input should be less than or equal to 100",
                json!({"le": 100}),
            )
        };
        o.push(FieldError {
            kind,
            loc: vec![json!("query"), json!("limit")],
            msg: msg.into(),
            input: json!(limit.to_string()),
            ctx: Some(ctx),
        });
    }
    let id = o.finish_after(id)?;
    if conv::get(&state.db, user.user.id, id).await?.is_none() {
        return Ok(Json(Vec::new()));
    }
    let rows = conv::text_messages_page(&state.db, id, limit).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(sender, text)| HistoryMessage {
                role: if sender.as_deref() == Some("user") {
                    "user"
                } else {
                    "assistant"
                },
                content: text,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AgentTypes {
    #[schema(value_type = Object)]
    agent_types: Map<String, Value>,
}

/// Every catalogue agent's display name, in catalogue order.
#[utoipa::path(get, path = "/api/v1/agent-management/types", tag = "agent-management", security(("bearer" = [])),
    responses((status = 200, body = AgentTypes)))]
pub async fn types(_user: CurrentUser) -> Json<AgentTypes> {
    Json(AgentTypes {
        agent_types: AGENTS
            .iter()
            .map(|a| (a.id.to_string(), json!(a.display_name)))
            .collect(),
    })
}

/// The static placeholder list of `/agents/available` (kept for compatibility).
#[utoipa::path(get, path = "/api/v1/agents/available", tag = "agents", security(("bearer" = [])),
    responses((status = 200, description = "Static placeholder list")))]
pub async fn placeholder_agents(_user: CurrentUser) -> Json<Value> {
    Json(json!({
        "agents": [
            {"agent_type": "market", "display_name": "Market Intelligence Agent", "description": "PV market data analysis and insights", "status": "available"},
            {"agent_type": "price", "display_name": "Module Prices Agent", "description": "PV module pricing analysis", "status": "coming_soon"},
            {"agent_type": "news", "display_name": "News Agent", "description": "Solar industry news aggregation", "status": "coming_soon"}
        ],
        "total": 3
    }))
}

//! Response bodies shared by several resources.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// `{"message": "..."}`: the answer of most operations that change something.
#[derive(Serialize, ToSchema)]
pub struct MessageResponse {
    message: String,
}

pub fn message(m: &str) -> Json<MessageResponse> {
    Json(MessageResponse {
        message: m.to_string(),
    })
}

/// `{"detail": "..."}`: every failure with a message (api-contract §1.4). Operations reference it
/// for their 4xx and 5xx answers (added where missing by `openapi::complete`).
#[derive(Serialize, ToSchema)]
pub struct ErrorResponse {
    detail: String,
}

/// One entry of a 422 array (decision C2): pydantic's shape.
#[derive(Serialize, ToSchema)]
pub struct ValidationError {
    #[serde(rename = "type")]
    kind: String,
    /// Where: `"body"`, `"query"` or `"path"`, then field names and array indexes.
    loc: Vec<LocItem>,
    msg: String,
    /// The refused value (any JSON).
    input: serde_json::Value,
    /// The rule's parameters (`min_length`, `max_length`, `pattern`, ...), when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Object)]
    ctx: Option<serde_json::Value>,
}

/// A step of a 422 `loc`: a field name or an array index.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum LocItem {
    Field(String),
    Index(i64),
}

/// `{"detail": [...]}`: the 422 of a request whose fields the parser refused.
#[derive(Serialize, ToSchema)]
pub struct ValidationErrorResponse {
    detail: Vec<ValidationError>,
}

/// The chat's 429: the general rate limit's message, or the plan's quota as an object.
#[derive(Serialize, ToSchema)]
pub struct ChatLimitResponse {
    detail: ChatLimitDetail,
}

#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ChatLimitDetail {
    Message(String),
    Quota(QuotaDetail),
}

/// The plan's monthly quota is used up. After the free trial (decision L4, `FALLBACK_AGENT`)
/// the body also says so: `is_fallback_mode` and `fallback_agent`, with
/// `daily_queries_remaining` (0) when the fallback agent's queries of the day are used up.
#[derive(Serialize, ToSchema)]
pub struct QuotaDetail {
    error: String,
    plan_type: String,
    /// This month's count.
    queries_used: i64,
    /// The monthly limit.
    query_limit: i64,
    upgrade_required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    daily_queries_remaining: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    is_fallback_mode: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    fallback_agent: Option<String>,
}

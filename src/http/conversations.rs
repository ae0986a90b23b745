//! `/api/v1/conversations` (api-contract §2.5). Every lookup is scoped to the caller: another
//! user's conversation is answered exactly like a missing one.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult, ResultExt};
use super::extract::{CurrentUser, Obj, QueryMap, RequestBody, UserJson, page_limit, path_int};
use super::responses::{MessageResponse, message};
use crate::app::AppState;
use crate::domain::conversation::{self as rules, AutoTitle};
use crate::store::{self, conversations as conv};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(fresh))
        .routes(routes!(cleanup_empty))
        .routes(routes!(get_one, update_title, delete_one))
        .routes(routes!(messages, add_message, clear_messages))
        .routes(routes!(messages_for_agent))
        .routes(routes!(generate_title))
}

#[derive(Serialize, ToSchema)]
pub struct ConversationResponse {
    id: i32,
    title: Option<String>,
    agent_type: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = String)]
    created_at: Option<NaiveDateTime>,
}

impl From<&conv::Conversation> for ConversationResponse {
    fn from(c: &conv::Conversation) -> Self {
        ConversationResponse {
            id: c.id,
            title: c.title.clone(),
            agent_type: c.agent_type().to_string(),
            created_at: c.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConversationListItem {
    id: i32,
    title: Option<String>,
    preview: String,
    agent_type: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = String)]
    created_at: Option<NaiveDateTime>,
    message_count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct MessageOut {
    id: i32,
    conversation_id: i32,
    sender: Option<String>,
    content: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = String)]
    timestamp: Option<NaiveDateTime>,
    /// Which agent answered (the current app shows it); null for the user's messages.
    agent_type: Option<String>,
}

impl From<conv::Message> for MessageOut {
    fn from(m: conv::Message) -> Self {
        MessageOut {
            id: m.id,
            conversation_id: m.conversation_id,
            sender: m.sender,
            content: m.content,
            timestamp: m.timestamp,
            agent_type: m.agent_type,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgentMessage {
    role: &'static str,
    content: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = String)]
    timestamp: Option<NaiveDateTime>,
}

crate::int_path_param!(
    /// `{conversation_id}`: an integer, or 422 `int_parsing` (after authentication).
    ConversationId,
    "conversation_id"
);

fn not_found() -> ApiError {
    ApiError::not_found("Conversation not found")
}

/// The largest page of the conversation list and of both message histories: a
/// larger or negative `limit` gets this many (`page_limit`). The React apps never send a
/// `limit` (default 50). With message content capped at [`MAX_MESSAGE_CHARS`], a page of
/// messages is bounded whatever the conversation holds.
pub const MAX_PAGE: i64 = 100;

/// The OpenAPI description of those `limit` parameters.
const LIMIT_DOC: &str = "Page size, default 50. A larger value is capped at 100 (not refused); 0 is an empty page; a negative value is 100.";

#[derive(ToSchema)]
pub struct ConversationCreate {
    /// Normalised; absent or `null` is `market`.
    #[schema(value_type = Option<String>, max_length = 50)]
    pub agent_type: String,
    /// An empty title counts as none.
    #[schema(max_length = 256)]
    pub title: Option<String>,
}

impl RequestBody for ConversationCreate {
    fn read(o: &mut Obj<'_>) -> Self {
        let agent_type = rules::normalize_agent_type(
            &o.opt_str("agent_type").unwrap_or_else(|| "market".into()),
        );
        let title = o.opt_str("title").filter(|t| !t.is_empty());
        o.max_chars("agent_type", &agent_type, 50);
        if let Some(t) = &title {
            o.max_chars("title", t, 256);
        }
        ConversationCreate { agent_type, title }
    }
}

/// Create a conversation.
#[utoipa::path(post, path = "/api/v1/conversations", tag = "conversations", security(("bearer" = [])),
    request_body = ConversationCreate,
    responses((status = 201, body = ConversationResponse), (status = 400), (status = 401), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    UserJson {
        user,
        body: ConversationCreate { agent_type, title },
        ..
    }: UserJson<ConversationCreate>,
) -> ApiResult<Response> {
    let title = title.unwrap_or_else(|| rules::default_title(&agent_type));
    let c = conv::create(
        &state.db,
        user.user.id,
        &agent_type,
        Some(&title),
        store::now(),
    )
    .await
    .or_400("Failed to create conversation")?;
    Ok((StatusCode::CREATED, Json(ConversationResponse::from(&c))).into_response())
}

/// The caller's conversations, newest first, with previews.
#[utoipa::path(get, path = "/api/v1/conversations", tag = "conversations", security(("bearer" = [])),
    params(("agent_type" = Option<String>, Query), ("limit" = Option<i64>, Query, maximum = 100, description = LIMIT_DOC),
        ("include_message_count" = Option<bool>, Query)),
    responses((status = 200, body = [ConversationListItem]), (status = 401), (status = 422)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    q: QueryMap,
) -> ApiResult<Json<Vec<ConversationListItem>>> {
    let mut o = q.obj();
    let agent_type = o
        .opt_str("agent_type")
        .map(|t: String| rules::normalize_agent_type(&t));
    let limit = o.int_or("limit", 50);
    let include_count = o.opt_bool("include_message_count", true);
    o.finish()?;
    let rows = conv::list(
        &state.db,
        user.user.id,
        agent_type.as_deref(),
        page_limit(limit, MAX_PAGE),
        include_count,
    )
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ConversationListItem {
                preview: rules::preview(r.last_user_content.as_deref(), r.title.as_deref()),
                agent_type: r.agent_type.unwrap_or_else(|| "market".into()),
                id: r.id,
                title: r.title,
                created_at: r.created_at,
                message_count: r.message_count,
            })
            .collect(),
    ))
}

/// One conversation.
#[utoipa::path(get, path = "/api/v1/conversations/{conversation_id}", tag = "conversations", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)),
    responses((status = 200, body = ConversationResponse), (status = 401), (status = 404), (status = 422)))]
pub async fn get_one(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Json<ConversationResponse>> {
    let c = conv::get(&state.db, user.user.id, id)
        .await
        .or_fail(StatusCode::NOT_FOUND, "Failed to load conversation")?
        .ok_or_else(not_found)?;
    Ok(Json(ConversationResponse::from(&c)))
}

#[derive(ToSchema)]
pub struct TitleUpdate {
    #[schema(min_length = 1, max_length = 256)]
    pub title: String,
}

impl RequestBody for TitleUpdate {
    fn read(o: &mut Obj<'_>) -> Self {
        let title = o.req_str("title");
        if o.has_str("title") {
            o.min_chars("title", &title, 1);
            o.max_chars("title", &title, 256);
        }
        TitleUpdate { title }
    }
}

/// Rename a conversation.
#[utoipa::path(put, path = "/api/v1/conversations/{conversation_id}", tag = "conversations", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)), request_body = TitleUpdate,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 404), (status = 422)))]
pub async fn update_title(
    State(state): State<AppState>,
    UserJson {
        user,
        body: TitleUpdate { title },
        path: ConversationId(id),
    }: UserJson<TitleUpdate, ConversationId>,
) -> ApiResult<Json<MessageResponse>> {
    let changed = conv::update_title(&state.db, user.user.id, id, &title)
        .await
        .or_400("Failed to update title")?;
    if !changed {
        return Err(not_found());
    }
    Ok(message("Conversation title updated successfully"))
}

/// Delete a conversation with its messages, in one transaction.
#[utoipa::path(delete, path = "/api/v1/conversations/{conversation_id}", tag = "conversations", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)),
    responses((status = 200, body = MessageResponse), (status = 400), (status = 404), (status = 422)))]
pub async fn delete_one(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Json<MessageResponse>> {
    let deleted = conv::delete(&state.db, user.user.id, id)
        .await
        .or_400("Failed to delete conversation")?;
    if !deleted {
        return Err(not_found());
    }
    Ok(message("Conversation deleted successfully"))
}

#[derive(Serialize, ToSchema)]
pub struct FreshResponse {
    conversation_id: i32,
}

/// The caller's lowest-id empty conversation, or a new one.
#[utoipa::path(get, path = "/api/v1/conversations/fresh/create-or-get", tag = "conversations", security(("bearer" = [])),
    params(("agent_type" = Option<String>, Query)),
    responses((status = 200, body = FreshResponse), (status = 400), (status = 401), (status = 422)))]
pub async fn fresh(
    State(state): State<AppState>,
    user: CurrentUser,
    q: QueryMap,
) -> ApiResult<Json<FreshResponse>> {
    let mut o = q.obj();
    let agent_type =
        rules::normalize_agent_type(&o.opt_str("agent_type").unwrap_or_else(|| "market".into()));
    o.max_chars("agent_type", &agent_type, 50);
    o.finish()?;
    let id = conv::fresh_create_or_get(&state.db, user.user.id, &agent_type, store::now())
        .await
        .or_400("Failed to create conversation")?;
    Ok(Json(FreshResponse {
        conversation_id: id,
    }))
}

/// Path id and the paging query of the two history endpoints.
fn page_params(raw: &str, q: &QueryMap) -> ApiResult<(i64, i64, Option<i64>)> {
    let id = path_int("conversation_id", raw);
    let mut o = q.obj();
    let limit = o.int_or("limit", 50);
    let before_id = o.opt_int("before_id");
    let id = o.finish_after(id)?;
    Ok((id, page_limit(limit, MAX_PAGE), before_id))
}

/// The latest `limit` messages, oldest first; `before_id` pages back (decision F9).
#[utoipa::path(get, path = "/api/v1/conversations/{conversation_id}/messages", tag = "conversations", security(("bearer" = [])),
    params(("conversation_id" = i64, Path), ("limit" = Option<i64>, Query, maximum = 100, description = LIMIT_DOC),
        ("before_id" = Option<i64>, Query)),
    responses((status = 200, body = [MessageOut]), (status = 400), (status = 404), (status = 422)))]
pub async fn messages(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(raw): Path<String>,
    q: QueryMap,
) -> ApiResult<Json<Vec<MessageOut>>> {
    let (id, limit, before_id) = page_params(&raw, &q)?;
    const FAILED: &str = "Failed to load messages";
    conv::get(&state.db, user.user.id, id)
        .await
        .or_400(FAILED)?
        .ok_or_else(not_found)?;
    let page = conv::messages_page(&state.db, id, limit, before_id)
        .await
        .or_400(FAILED)?;
    Ok(Json(page.into_iter().map(MessageOut::from).collect()))
}

/// The same page in the `role`/`content` shape agents read.
#[utoipa::path(get, path = "/api/v1/conversations/{conversation_id}/messages/for-agent", tag = "conversations",
    security(("bearer" = [])),
    params(("conversation_id" = i64, Path), ("limit" = Option<i64>, Query, maximum = 100, description = LIMIT_DOC),
        ("before_id" = Option<i64>, Query)),
    responses((status = 200, body = [AgentMessage]), (status = 404), (status = 422)))]
pub async fn messages_for_agent(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(raw): Path<String>,
    q: QueryMap,
) -> ApiResult<Json<Vec<AgentMessage>>> {
    let (id, limit, before_id) = page_params(&raw, &q)?;
    conv::get(&state.db, user.user.id, id)
        .await?
        .ok_or_else(not_found)?;
    let page = conv::messages_page(&state.db, id, limit, before_id).await?;
    Ok(Json(
        page.into_iter()
            .map(|m| AgentMessage {
                role: if m.sender.as_deref() == Some("user") {
                    "user"
                } else {
                    "assistant"
                },
                content: m.content,
                timestamp: m.timestamp,
            })
            .collect(),
    ))
}

/// The longest message content that is stored (characters). Far above what the React app writes,
/// plot and table JSON included; without it only the 1 MiB body limit bounded a message.
pub const MAX_MESSAGE_CHARS: usize = 100_000;

#[derive(ToSchema)]
pub struct MessageCreate {
    pub sender: String,
    #[schema(max_length = 100000)]
    pub content: String,
}

impl RequestBody for MessageCreate {
    fn read(o: &mut Obj<'_>) -> Self {
        let m = MessageCreate {
            sender: o.req_str("sender"),
            content: o.req_str("content"),
        };
        o.max_chars("content", &m.content, MAX_MESSAGE_CHARS);
        m
    }
}

/// Store a message verbatim.
#[utoipa::path(post, path = "/api/v1/conversations/{conversation_id}/messages", tag = "conversations",
    security(("bearer" = [])), params(("conversation_id" = i64, Path)), request_body = MessageCreate,
    responses((status = 201, body = MessageOut), (status = 400), (status = 404), (status = 422)))]
pub async fn add_message(
    State(state): State<AppState>,
    UserJson {
        user,
        body: MessageCreate { sender, content },
        path: ConversationId(id),
    }: UserJson<MessageCreate, ConversationId>,
) -> ApiResult<Response> {
    // Before the ownership check (kept for compatibility).
    if sender != "user" && sender != "bot" {
        return Err(ApiError::bad_request("Sender must be 'user' or 'bot'"));
    }
    const FAILED: &str = "Failed to save message";
    conv::get(&state.db, user.user.id, id)
        .await
        .or_400(FAILED)?
        .ok_or_else(not_found)?;
    let m = conv::add_message(&state.db, id, &sender, &content, store::now())
        .await
        .or_400(FAILED)?;
    Ok((StatusCode::CREATED, Json(MessageOut::from(m))).into_response())
}

/// Delete every message (and chat turn) of a conversation; the conversation stays.
#[utoipa::path(delete, path = "/api/v1/conversations/{conversation_id}/messages", tag = "conversations",
    security(("bearer" = [])), params(("conversation_id" = i64, Path)),
    responses((status = 200, body = MessageResponse), (status = 400), (status = 404), (status = 422)))]
pub async fn clear_messages(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Json<MessageResponse>> {
    let cleared = conv::clear_messages(&state.db, user.user.id, id)
        .await
        .or_400("Failed to clear messages")?;
    if !cleared {
        return Err(not_found());
    }
    Ok(message("All messages cleared successfully"))
}

/// Title an untitled conversation from its first user message.
#[utoipa::path(post, path = "/api/v1/conversations/{conversation_id}/generate-title", tag = "conversations",
    security(("bearer" = [])), params(("conversation_id" = i64, Path)),
    responses((status = 200, body = MessageResponse), (status = 400), (status = 404), (status = 422)))]
pub async fn generate_title(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Json<MessageResponse>> {
    const FAILED: &str = "Failed to generate title";
    let c = conv::get(&state.db, user.user.id, id)
        .await
        .or_400(FAILED)?
        .ok_or_else(not_found)?;
    if c.title.as_deref().unwrap_or("").is_empty()
        && let Some(content) = conv::first_user_message(&state.db, id)
            .await
            .or_400(FAILED)?
        && let AutoTitle::Set(title) = rules::auto_title(c.id, content.as_deref().unwrap_or(""))
    {
        conv::set_title_if_empty(&state.db, id, &title)
            .await
            .or_400(FAILED)?;
    }
    Ok(message("Title generated successfully"))
}

#[derive(Serialize, ToSchema)]
pub struct CleanupResponse {
    deleted_count: u64,
    message: String,
}

/// Delete the caller's empty conversations older than `days_old` days.
#[utoipa::path(post, path = "/api/v1/conversations/cleanup/empty", tag = "conversations", security(("bearer" = [])),
    params(("days_old" = Option<i64>, Query)),
    responses((status = 200, body = CleanupResponse), (status = 400), (status = 422)))]
pub async fn cleanup_empty(
    State(state): State<AppState>,
    user: CurrentUser,
    q: QueryMap,
) -> ApiResult<Json<CleanupResponse>> {
    let mut o = q.obj();
    let days = o.int_or("days_old", 7);
    o.finish()?;
    // Any integer is accepted; the cutoff is kept within years 1000..9999 so it compares
    // correctly with stored text timestamps on SQLite.
    let (lo, hi) = (
        NaiveDateTime::parse_from_str("1000-01-01 00:00:00", "%Y-%m-%d %H:%M:%S").expect("valid"),
        NaiveDateTime::parse_from_str("9999-12-31 00:00:00", "%Y-%m-%d %H:%M:%S").expect("valid"),
    );
    let cutoff = Duration::try_days(days)
        .and_then(|span| store::now().checked_sub_signed(span))
        .unwrap_or(if days < 0 { hi } else { lo })
        .clamp(lo, hi);
    let n = conv::delete_empty_for_user(&state.db, user.user.id, cutoff)
        .await
        .or_400("Failed to cleanup conversations")?;
    Ok(Json(CleanupResponse {
        deleted_count: n,
        message: format!("Deleted {n} empty conversations"),
    }))
}

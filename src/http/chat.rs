//! `/api/v1/chat` (api-contract §2.10, streaming.md): the agent list, the test stream, the
//! expert-approval decision and the contact form.

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult, FieldError, ResultExt};
use super::extract::{
    Authenticated, CurrentUser, Obj, RequestBody, UserJson, body_read_error, path_int,
    read_user_json,
};
use crate::app::AppState;
use crate::chat::streams::{self, StreamGuard};
use crate::chat::{hub, sse, turn};
use crate::domain::agents::AGENTS;
use crate::domain::conversation::{MAX_CHAT_MESSAGE_CHARS, string_envelope};
use crate::domain::gdpr;
use crate::domain::plans;
use crate::notify::{Kind, Lead};
use crate::store::{self, contact, conversations as conv};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send))
        .routes(routes!(stream))
        .routes(routes!(agents))
        .routes(routes!(test_streaming))
        .routes(routes!(approval_response))
        .routes(routes!(contact_submit))
}

/// The `Last-Event-ID` header, when not empty.
fn last_event_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

async fn resume_response(
    state: &AppState,
    user: &CurrentUser,
    turn_id: i64,
    seq: i64,
) -> ApiResult<Response> {
    let guard = open_stream(state, user, Some(turn_id))?;
    let body = turn::resume(state, &user.user, turn_id, seq).await?;
    Ok(sse::response(guarded(body, guard), Some(turn_id)))
}

impl From<turn::StartError> for ApiError {
    fn from(e: turn::StartError) -> Self {
        use turn::StartError as E;
        let fixed_500 = |detail: &'static str, e: sqlx::Error| {
            tracing::error!(error = %e, detail, "chat turn not started");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, detail)
        };
        match e {
            E::EmptyMessage => ApiError::bad_request("Empty message"),
            E::Restricted { grounds, since } => ApiError::DetailValue {
                status: StatusCode::FORBIDDEN,
                detail: json!({
                    "error": gdpr::RESTRICTED_CHAT_ERROR,
                    "message": gdpr::restricted_message(grounds.as_deref()),
                    "note": gdpr::RESTRICTED_CHAT_NOTE,
                    "restricted_at": since.as_ref().map(crate::domain::time::format_datetime),
                }),
            },
            E::UnknownAgent(t) => ApiError::bad_request(format!("Unknown agent type: {t}")),
            E::ConversationNotFound => {
                ApiError::not_found("Conversation not found or access denied")
            }
            E::Forbidden(reason) => ApiError::forbidden(reason),
            E::LimitReached {
                plan_type,
                used,
                limit,
                upgrade_required,
                fallback,
            } => {
                let mut detail = json!({
                    "error": plans::limit_reached_message(used, limit),
                    "plan_type": plan_type,
                    "queries_used": used,
                    "query_limit": limit,
                    "upgrade_required": upgrade_required,
                });
                // After the free trial (decision L4) the current app reads `is_fallback_mode`,
                // then `daily_queries_remaining` (0: the fallback agent's day is used up) or
                // `fallback_agent` (another agent was asked).
                if let Some(f) = fallback {
                    let (error, trial, daily) = match f {
                        turn::FallbackLimit::Daily(t) => (t.daily_limit_message(), t, true),
                        turn::FallbackLimit::TrialEnded(t) => (t.quota_ended_message(), t, false),
                    };
                    detail["error"] = json!(error);
                    if daily {
                        detail["daily_queries_remaining"] = json!(0);
                    }
                    detail["is_fallback_mode"] = json!(true);
                    detail["fallback_agent"] = json!(trial.fallback.id);
                }
                ApiError::DetailValue {
                    status: StatusCode::TOO_MANY_REQUESTS,
                    detail,
                }
            }
            E::CountFailed(e) => fixed_500("Failed to track query usage", e),
            E::MessageFailed(e) => fixed_500("Database error storing message", e),
            E::Internal(e) => ApiError::internal(e),
        }
    }
}

impl From<turn::ResumeError> for ApiError {
    fn from(e: turn::ResumeError) -> Self {
        match e {
            turn::ResumeError::NotFound => ApiError::not_found("Stream not found"),
            turn::ResumeError::Internal(e) => ApiError::internal(e),
        }
    }
}

/// A place for one more open stream of the caller (a new turn's, or a resume of `turn_id`), or
/// 429 with a string `detail` and `Retry-After` over `CHAT_MAX_STREAMS_PER_USER` /
/// `CHAT_MAX_STREAMS_PER_TURN`.
pub(super) fn open_stream(
    state: &AppState,
    user: &CurrentUser,
    turn_id: Option<i64>,
) -> ApiResult<StreamGuard> {
    let credentials = streams::Credentials {
        user: user.user.id,
        iat: user.claims.iat,
        version: user.claims.version,
        token_hash: user.token_hash.clone(),
    };
    state
        .streams
        .acquire(credentials, turn_id)
        .map_err(|r| ApiError::too_many(r.detail(), streams::RETRY_AFTER_SECS))
}

/// The SSE body holding the stream's place until it ends, the client goes away (the body is
/// dropped either way) or its credentials are revoked (the stream ends; the turn
/// itself goes on and is stored).
pub(super) fn guarded<S>(stream: S, guard: StreamGuard) -> Body
where
    S: futures::Stream<Item = Result<axum::body::Bytes, std::convert::Infallible>> + Send + 'static,
{
    use futures::StreamExt;
    let revoked = guard.revoked();
    Body::from_stream(stream.take_until(revoked).map(move |chunk| {
        let _held = &guard;
        chunk
    }))
}

#[derive(ToSchema)]
pub struct ChatRequest {
    #[schema(min_length = 1, max_length = 5000)]
    pub message: String,
    pub conversation_id: i64,
    /// Absent or `null` is `market`.
    #[schema(value_type = Option<String>)]
    pub agent_type: String,
}

impl RequestBody for ChatRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let message = o.req_str("message");
        if o.has_str("message") {
            o.min_chars("message", &message, 1);
            o.max_chars("message", &message, MAX_CHAT_MESSAGE_CHARS);
        }
        ChatRequest {
            message,
            conversation_id: o.req_int("conversation_id"),
            agent_type: o.opt_str("agent_type").unwrap_or_else(|| "market".into()),
        }
    }
}

/// Send a message to an agent; the answer streams back as Server-Sent Events (streaming.md).
/// With a non-empty `Last-Event-ID` header this resumes an existing turn instead.
#[utoipa::path(post, path = "/api/v1/chat/send", tag = "chat", security(("bearer" = [])), request_body = ChatRequest,
    params(("Last-Event-ID" = Option<String>, Header, description = "`<turn_id>:<seq>`: resume instead of sending")),
    responses((status = 200, content_type = "text/event-stream", body = crate::events::Event, description = "The turn's events: each `data:` line is one `ChatEvent` (streaming.md §6), `id: <turn>:<seq>` on every event, `: keep-alive` comments after 15 s of silence; the stream ends after `done` or `error`"),
        (status = 400), (status = 403), (status = 404), (status = 422),
        (status = 429, body = super::responses::ChatLimitResponse, description = "The rate limit, the plan's monthly quota, or after the free trial the fallback agent's daily quota")))]
pub async fn send(
    State(state): State<AppState>,
    headers: HeaderMap,
    pre: Option<axum::Extension<Authenticated>>,
    body: Result<axum::body::Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let pre = pre.map(|axum::Extension(a)| a);
    if let Some(id) = last_event_id(&headers) {
        // A resume: authentication only; the body is neither parsed nor validated.
        let user = CurrentUser::of(&headers, pre, &state).await?;
        let (turn_id, seq) =
            turn::parse_event_id(&id).ok_or_else(|| ApiError::not_found("Stream not found"))?;
        return resume_response(&state, &user, turn_id, seq).await;
    }
    let bytes = body.map_err(body_read_error)?;
    let (
        user,
        ChatRequest {
            message,
            conversation_id,
            agent_type,
        },
    ) = read_user_json::<ChatRequest>(&headers, pre, &bytes, &state).await?;
    // Before anything is counted or stored: a refused stream costs nothing.
    let guard = open_stream(&state, &user, None)?;
    let started = turn::start(&state, &user.user, &message, conversation_id, &agent_type).await?;
    let stream = hub::stream(started.live, 0, turn::KEEP_ALIVE_AFTER);
    Ok(sse::response(guarded(stream, guard), Some(started.turn_id)))
}

/// Resume or replay a turn's stream after `Last-Event-ID` (from the start without it).
#[utoipa::path(get, path = "/api/v1/chat/stream/{turn_id}", tag = "chat", security(("bearer" = [])),
    params(("turn_id" = i64, Path), ("Last-Event-ID" = Option<String>, Header)),
    responses((status = 200, content_type = "text/event-stream", body = crate::events::Event, description = "The rest of the turn: one `ChatEvent` per `data:` line, as from `/chat/send`"), (status = 404)))]
pub async fn stream(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Path(raw): Path<String>,
) -> ApiResult<Response> {
    let not_found = || ApiError::not_found("Stream not found");
    let turn_id = path_int("turn_id", &raw).map_err(|_| not_found())?;
    let seq = match last_event_id(&headers) {
        None => 0,
        Some(id) => match turn::parse_event_id(&id) {
            Some((t, s)) if t == turn_id => s,
            _ => return Err(not_found()),
        },
    };
    resume_response(&state, &user, turn_id, seq).await
}

#[derive(Serialize, ToSchema)]
pub struct ChatAgents {
    #[schema(value_type = Object)]
    agent_types: Map<String, Value>,
}

/// The nine routable agent types with their display names.
#[utoipa::path(get, path = "/api/v1/chat/agents", tag = "chat", security(("bearer" = [])),
    responses((status = 200, body = ChatAgents), (status = 401)))]
pub async fn agents(_user: CurrentUser) -> Json<ChatAgents> {
    Json(ChatAgents {
        agent_types: AGENTS
            .iter()
            .map(|a| (a.id.to_string(), json!(a.chat_name)))
            .collect(),
    })
}

/// Five test chunks and `done`, with ids `0:1`..`0:6`; nothing is counted or stored.
#[utoipa::path(post, path = "/api/v1/chat/test-streaming", tag = "chat", security(("bearer" = [])),
    responses((status = 200, content_type = "text/event-stream", description = "SSE test stream")))]
pub async fn test_streaming(_user: CurrentUser) -> Response {
    let mut body = String::new();
    for i in 1..=5 {
        body.push_str(&sse::frame(
            0,
            i,
            &json!({"type": "chunk", "content": format!("Test chunk {i}")}).to_string(),
        ));
    }
    body.push_str(&sse::frame(
        0,
        6,
        &json!({"type": "done", "full_response": "Test completed"}).to_string(),
    ));
    sse::response(Body::from(body), None)
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalResult {
    success: bool,
    message: &'static str,
    redirect_to_contact: bool,
}

#[derive(ToSchema)]
pub struct ApprovalRequest {
    #[schema(value_type = super::extract::LaxBool)]
    pub approved: bool,
    pub conversation_id: i64,
    /// Only logged; absent or `null` is `expert_contact`.
    #[schema(value_type = Option<String>, max_length = 200)]
    pub context: String,
}

impl RequestBody for ApprovalRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = ApprovalRequest {
            approved: o.req_bool("approved"),
            conversation_id: o.req_int("conversation_id"),
            context: o
                .opt_str("context")
                .unwrap_or_else(|| "expert_contact".into()),
        };
        o.max_chars("context", &r.context, MAX_APPROVAL_CONTEXT_CHARS);
        r
    }
}

const APPROVED: &str = "Excellent! Let me open the contact form for you. Please fill in your details and our experts will reach out to you within 24-48 hours with personalized insights.\n\n**Opening contact form...**";
const DECLINED: &str = "No problem! Can I help you with other queries then?";

/// The user's answer to an expert-contact offer. Recorded in the caller's own conversation only
/// (decision F6); the answer is the same either way.
#[utoipa::path(post, path = "/api/v1/chat/approval_response", tag = "chat", security(("bearer" = [])),
    request_body = ApprovalRequest, responses((status = 200, body = ApprovalResult), (status = 401), (status = 422)))]
pub async fn approval_response(
    State(state): State<AppState>,
    UserJson { user, body, .. }: UserJson<ApprovalRequest>,
) -> ApiResult<Json<ApprovalResult>> {
    let ApprovalRequest {
        approved,
        conversation_id,
        context,
    } = body;
    tracing::info!(approved, context = %context, "expert approval decision");
    let (said, reply) = if approved {
        ("Yes, I want to contact an expert", APPROVED)
    } else {
        ("No, thanks", DECLINED)
    };
    if conversation_id != 0 {
        let stored = async {
            if conv::get(&state.db, user.user.id, conversation_id)
                .await?
                .is_some()
            {
                conv::add_messages(
                    &state.db,
                    conversation_id,
                    &[
                        ("user", &string_envelope(said)),
                        ("bot", &string_envelope(reply)),
                    ],
                    store::now(),
                )
                .await?;
            }
            Ok::<_, sqlx::Error>(())
        };
        if let Err(e) = stored.await {
            // kept for compatibility: the decision still answers 200
            tracing::warn!(error = %e, "approval decision not stored");
        }
    }
    Ok(Json(ApprovalResult {
        success: true,
        message: reply,
        redirect_to_contact: approved,
    }))
}

/// Caps on the contact form's free text (characters, before trimming), far above what the React
/// app sends: a message, and each expert id (the app's are under 20 characters).
pub const MAX_CONTACT_MESSAGE_CHARS: usize = 5_000;
pub const MAX_EXPERT_ID_CHARS: usize = 100;
/// `context` of the approval answer is only logged; the app sends `expert_contact`.
pub const MAX_APPROVAL_CONTEXT_CHARS: usize = 200;

#[derive(ToSchema)]
pub struct ContactSubmit {
    #[schema(min_length = 1, max_length = 5000)]
    pub message: String,
    pub selected_experts: Option<Vec<String>>,
}

impl RequestBody for ContactSubmit {
    fn read(o: &mut Obj<'_>) -> Self {
        let message = o.req_str("message");
        if o.has_str("message") {
            o.min_chars("message", &message, 1);
        }
        if o.has_str("message") {
            o.max_chars("message", &message, MAX_CONTACT_MESSAGE_CHARS);
        }
        let selected_experts = o.opt_str_list("selected_experts");
        for (i, e) in selected_experts.iter().flatten().enumerate() {
            if e.chars().count() > MAX_EXPERT_ID_CHARS {
                o.push(FieldError::too_long(
                    vec![json!("body"), json!("selected_experts"), json!(i)],
                    json!(e),
                    MAX_EXPERT_ID_CHARS,
                ));
            }
        }
        ContactSubmit {
            message,
            selected_experts,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ContactResult {
    success: bool,
    message: &'static str,
}

/// Ask to be contacted by an expert.
#[utoipa::path(post, path = "/api/v1/chat/contact/submit", tag = "chat", security(("bearer" = [])),
    request_body = ContactSubmit, responses((status = 200, body = ContactResult), (status = 400), (status = 422), (status = 500)))]
pub async fn contact_submit(
    State(state): State<AppState>,
    UserJson { user, body, .. }: UserJson<ContactSubmit>,
) -> ApiResult<Json<ContactResult>> {
    let ContactSubmit {
        message,
        selected_experts: experts,
    } = body;
    let message = message.trim();
    if message.is_empty() {
        return Err(ApiError::bad_request("Message is required"));
    }
    let experts = experts
        .filter(|e| !e.is_empty())
        .map(|e| serde_json::to_string(&e).expect("a list of strings serialises"));
    let u = &user.user;
    let now = store::now();
    let id = contact::insert(
        &state.db,
        &contact::NewContactRequest {
            user_id: Some(u.id),
            name: u.full_name(),
            email: &u.username,
            company: None,
            message,
            selected_experts: experts.as_deref(),
            source: "artifact_panel",
            now,
        },
    )
    .await
    .or_fail(
        StatusCode::INTERNAL_SERVER_ERROR,
        "An error occurred. Please try again.",
    )?;
    // Stored: tell staff in the background; it never delays or fails this answer.
    let mut lead = Lead::new(Kind::Contact, id, &u.username, now);
    lead.name = Some(u.full_name().to_string());
    lead.message = Some(message.to_string());
    lead.selected_experts = experts.and_then(|e| serde_json::from_str(&e).ok());
    state.notifier.lead(lead);
    Ok(Json(ContactResult {
        success: true,
        message: "Thank you! Our experts will reach out within 24-48 hours.",
    }))
}

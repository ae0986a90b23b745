//! `/api/v1/chat` (api-contract §2.10, streaming.md): the agent list, the test stream, the
//! expert-approval decision and the contact form.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult};
use super::extract::{CurrentUser, JsonBody};
use crate::app::AppState;
use crate::chat::sse;
use crate::domain::agents::CHAT_NAMES;
use crate::domain::conversation::string_envelope;
use crate::store::{self, contact, conversations as conv};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/chat/agents", get(agents))
        .route("/api/v1/chat/test-streaming", post(test_streaming))
        .route("/api/v1/chat/approval_response", post(approval_response))
        .route("/api/v1/chat/contact/submit", post(contact_submit))
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
        agent_types: CHAT_NAMES
            .iter()
            .map(|(t, n)| (t.to_string(), json!(n)))
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
#[allow(dead_code)]
pub struct ApprovalRequest {
    approved: bool,
    conversation_id: i64,
    context: Option<String>,
}

const APPROVED: &str = "Excellent! Let me open the contact form for you. Please fill in your details and our experts will reach out to you within 24-48 hours with personalized insights.\n\n**Opening contact form...**";
const DECLINED: &str = "No problem! Can I help you with other queries then?";

/// The user's answer to an expert-contact offer. Recorded in the caller's own conversation only
/// (decision F6); the answer is the same either way.
#[utoipa::path(post, path = "/api/v1/chat/approval_response", tag = "chat", security(("bearer" = [])),
    request_body = ApprovalRequest, responses((status = 200, body = ApprovalResult), (status = 401), (status = 422)))]
pub async fn approval_response(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: JsonBody,
) -> ApiResult<Json<ApprovalResult>> {
    let user = CurrentUser::authenticate(&headers, &state).await?;
    let mut o = body.object()?;
    let approved = o.req_bool("approved");
    let conversation_id = o.req_int("conversation_id");
    let context = o
        .opt_str("context")
        .unwrap_or_else(|| "expert_contact".into());
    o.finish()?;
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

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ContactSubmit {
    message: String,
    selected_experts: Option<Vec<String>>,
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
    headers: HeaderMap,
    body: JsonBody,
) -> ApiResult<Json<ContactResult>> {
    let user = CurrentUser::authenticate(&headers, &state).await?;
    let mut o = body.object()?;
    let message = o.req_str("message");
    if o.has_str("message") {
        o.min_chars("message", &message, 1);
    }
    let experts = o.opt_str_list("selected_experts");
    o.finish()?;
    let message = message.trim();
    if message.is_empty() {
        return Err(ApiError::bad_request("Message is required"));
    }
    let experts = experts
        .filter(|e| !e.is_empty())
        .map(|e| serde_json::to_string(&e).expect("a list of strings serialises"));
    let u = &user.user;
    contact::insert(
        &state.db,
        &contact::NewContactRequest {
            user_id: u.id,
            name: u.full_name(),
            email: &u.username,
            message,
            selected_experts: experts.as_deref(),
            now: store::now(),
        },
    )
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "contact request not stored");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "An error occurred. Please try again.",
        )
    })?;
    Ok(Json(ContactResult {
        success: true,
        message: "Thank you! Our experts will reach out within 24-48 hours.",
    }))
}

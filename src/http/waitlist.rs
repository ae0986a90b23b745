//! `/api/v1/waitlist/join` (decision C7): the path and body the React app uses.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use utoipa::ToSchema;

use super::auth::{MessageResponse, join_waitlist};
use super::error::ApiResult;
use super::extract::JsonBody;
use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/waitlist/join", post(join))
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WaitlistAliasRequest {
    email: String,
    agents: Option<Vec<String>>,
}

/// Join the waitlist; `agents` is stored as JSON text.
#[utoipa::path(post, path = "/api/v1/waitlist/join", tag = "waitlist", request_body = WaitlistAliasRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn join(
    State(state): State<AppState>,
    body: JsonBody,
) -> ApiResult<Json<MessageResponse>> {
    let mut o = body.object()?;
    let email = o.req_str("email");
    let agents = o.opt_str_list("agents");
    o.max_chars("email", &email, 120);
    o.finish()?;
    let agents_json = agents
        .filter(|a| !a.is_empty())
        .map(|a| serde_json::to_string(&a).expect("a list of strings serialises"));
    join_waitlist(&state, &email, agents_json.as_deref()).await
}

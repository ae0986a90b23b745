//! `/api/v1/waitlist/join` (decision C7): the path and body the React app uses.

use axum::Json;
use axum::extract::State;
use utoipa::ToSchema;

use super::auth::join_waitlist;
use super::error::ApiResult;
use super::extract::{Obj, PublicJson, RequestBody};
use super::responses::MessageResponse;
use crate::app::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(join))
}

#[derive(ToSchema)]
pub struct WaitlistAliasRequest {
    #[schema(max_length = 120)]
    pub email: String,
    pub agents: Option<Vec<String>>,
}

impl RequestBody for WaitlistAliasRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = WaitlistAliasRequest {
            email: o.req_str("email"),
            agents: o.opt_str_list("agents"),
        };
        o.max_chars("email", &r.email, 120);
        r
    }
}

/// Join the waitlist; `agents` is stored as JSON text.
#[utoipa::path(post, path = "/api/v1/waitlist/join", tag = "waitlist", request_body = WaitlistAliasRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn join(
    State(state): State<AppState>,
    PublicJson(WaitlistAliasRequest { email, agents }): PublicJson<WaitlistAliasRequest>,
) -> ApiResult<Json<MessageResponse>> {
    let agents_json = agents
        .filter(|a| !a.is_empty())
        .map(|a| serde_json::to_string(&a).expect("a list of strings serialises"));
    join_waitlist(&state, &email, agents_json.as_deref()).await
}

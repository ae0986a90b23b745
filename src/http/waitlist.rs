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

/// Caps on `agents` (the anonymous waitlist stored any list up to the 1 MiB body).
/// The first React app sends the chosen agent types of its eight checkboxes; an agent type is at
/// most 50 characters wherever it is stored. The stored JSON text is then a few KB at most.
pub const MAX_WAITLIST_AGENTS: usize = 20;
pub const MAX_AGENT_TYPE_CHARS: usize = 50;

#[derive(ToSchema)]
pub struct WaitlistAliasRequest {
    #[schema(max_length = 120)]
    pub email: String,
    /// At most 20 agent types of at most 50 characters each.
    #[schema(schema_with = agents_schema)]
    pub agents: Option<Vec<String>>,
}

/// `agents`: a nullable list of at most 20 strings of at most 50 characters.
fn agents_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(MAX_AGENT_TYPE_CHARS)),
        )
        .max_items(Some(MAX_WAITLIST_AGENTS))
        .build()
}

impl RequestBody for WaitlistAliasRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = WaitlistAliasRequest {
            email: o.req_str("email"),
            agents: o.opt_str_list("agents"),
        };
        o.max_chars("email", &r.email, 120);
        if let Some(agents) = &r.agents {
            o.max_items("agents", agents, MAX_WAITLIST_AGENTS);
            o.max_item_chars("agents", agents, MAX_AGENT_TYPE_CHARS);
        }
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

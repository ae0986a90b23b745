//! The current app's landing contact form (`POST /api/v1/contact/submit`) and the agent
//! recommendation of its onboarding (`POST /api/v1/recommendations/recommend`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::chat::MAX_CONTACT_MESSAGE_CHARS;
use super::error::{ApiError, ApiResult, ResultExt};
use super::extract::{Obj, PublicJson, RequestBody, UserJson};
use crate::app::AppState;
use crate::domain::agents::recommend as recommend_agents;
use crate::notify::{Kind, Lead};
use crate::store::{self, contact};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contact_submit))
        .routes(routes!(recommend))
}

/// The longest described need a recommendation reads.
pub const MAX_NEED_CHARS: usize = 2000;

#[derive(ToSchema)]
pub struct LandingContact {
    #[schema(max_length = 100)]
    pub name: String,
    #[schema(max_length = 120)]
    pub email: String,
    #[schema(max_length = 150)]
    pub company: Option<String>,
    #[schema(max_length = 5000)]
    pub message: String,
}

impl RequestBody for LandingContact {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = LandingContact {
            name: o.req_str("name"),
            email: o.req_str("email"),
            company: o.opt_str("company"),
            message: o.req_str("message"),
        };
        // The table's column sizes (`fastapi_contact_request`), and pydantic's EmailStr.
        o.max_chars("name", &r.name, 100);
        o.max_chars("email", &r.email, 120);
        if let Some(c) = &r.company {
            o.max_chars("company", c, 150);
        }
        // (The chat's expert form has the same cap.)
        o.max_chars("message", &r.message, MAX_CONTACT_MESSAGE_CHARS);
        if o.has_str("email") {
            o.email("email", &r.email);
        }
        r
    }
}

#[derive(Serialize, ToSchema)]
pub struct LandingContactResult {
    success: bool,
    message: &'static str,
}

/// The landing page's contact form: no account needed. Stored with the other contact requests
/// (`source` `landing_page`), staff told in the background. Rate-limited per address like every
/// public route.
#[utoipa::path(post, path = "/api/v1/contact/submit", tag = "contact", operation_id = "landing_contact_submit", request_body = LandingContact,
    responses((status = 200, body = LandingContactResult), (status = 400), (status = 422), (status = 500)))]
pub async fn contact_submit(
    State(state): State<AppState>,
    PublicJson(LandingContact {
        name,
        email,
        company,
        message,
    }): PublicJson<LandingContact>,
) -> ApiResult<Json<LandingContactResult>> {
    let (name, message) = (name.trim(), message.trim());
    if name.is_empty() || message.is_empty() {
        return Err(ApiError::bad_request("Name and message are required"));
    }
    let company = company.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let now = store::now();
    let id = contact::insert(
        &state.db,
        &contact::NewContactRequest {
            user_id: None,
            name,
            email: email.trim(),
            company,
            message,
            selected_experts: None,
            source: "landing_page",
            now,
        },
    )
    .await
    .or_fail(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Failed to submit contact request. Please try again.",
    )?;
    let mut lead = Lead::new(Kind::Contact, id, email.trim(), now);
    lead.name = Some(name.to_string());
    lead.message = Some(message.to_string());
    state.notifier.lead(lead);
    Ok(Json(LandingContactResult {
        success: true,
        message: "Thank you for your message! We'll get back to you soon.",
    }))
}

#[derive(ToSchema)]
pub struct NeedRequest {
    #[schema(max_length = 2000)]
    pub query: String,
}

impl RequestBody for NeedRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = NeedRequest {
            query: o.req_str("query"),
        };
        o.max_chars("query", &r.query, MAX_NEED_CHARS);
        r
    }
}

#[derive(Serialize, ToSchema)]
pub struct Recommendation {
    recommended_agents: Vec<&'static str>,
}

/// The agents for a described need, chosen offline from the agents' words (no model call; the
/// old service asked one, for anyone, with or without a token). A logged-in user only.
#[utoipa::path(post, path = "/api/v1/recommendations/recommend", tag = "recommendations",
    security(("bearer" = [])), request_body = NeedRequest,
    responses((status = 200, body = Recommendation), (status = 400), (status = 401), (status = 422)))]
pub async fn recommend(
    UserJson { body, .. }: UserJson<NeedRequest>,
) -> ApiResult<Json<Recommendation>> {
    if body.query.trim().is_empty() {
        return Err(ApiError::bad_request("Query cannot be empty"));
    }
    Ok(Json(Recommendation {
        recommended_agents: recommend_agents(&body.query),
    }))
}

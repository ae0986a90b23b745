//! The OpenAPI document's frame (the paths come from the router: `super::documented`), and the
//! docs pages. The
//! Swagger UI is vendored into the binary, so `/docs` works without internet.

use axum::Router;
use axum::response::Redirect;
use axum::routing::get;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::app::AppState;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Solar Intelligence API", description = "Backend of the Solar Intelligence platform. Error bodies are `{\"detail\": ...}`; validation errors are 422 with a pydantic-style array."),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Accounts and tokens"),
        (name = "profile", description = "The caller's profile"),
        (name = "conversations", description = "The caller's conversations and messages"),
        (name = "survey", description = "Onboarding surveys"),
        (name = "agent-access", description = "Who may use which agent"),
        (name = "agent-management", description = "The agent catalogue and hiring"),
        (name = "admin", description = "The admin console"),
        (name = "chat", description = "Chat with the agents (Server-Sent Events)"),
        (name = "health", description = "Health probes"),
    )
)]
pub struct ApiDoc;

/// The document's frame (info, tags, security scheme); the paths come from the router.
pub(super) fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The finished document: the router's paths in the frame, with the crate's version.
pub(super) fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}

/// The document `/api/v1/openapi.json` serves, built from the same routes as the router.
pub fn document() -> utoipa::openapi::OpenApi {
    finish(super::documented().into_openapi())
}

pub fn routes(doc: utoipa::openapi::OpenApi) -> Router<AppState> {
    Router::new()
        .merge(SwaggerUi::new("/docs").url("/api/v1/openapi.json", doc))
        .route("/redoc", get(|| async { Redirect::permanent("/docs/") }))
}

//! HTTP: one module per resource, each exporting its routes; merged here behind the edge
//! middleware.

pub mod admin;
pub mod agent_access;
pub mod agent_management;
pub mod analytics;
pub mod auth;
pub mod breach;
pub mod chat;
pub mod conversations;
pub mod error;
pub mod extract;
pub mod gdpr;
pub mod grants;
pub mod health;
pub mod json;
pub mod leads;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod profile;
pub mod public;
pub mod responses;
pub mod root;
pub mod security;
pub mod stall;
pub mod survey;
pub mod throttle;
pub mod uploads;
pub mod waitlist;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;

/// Routes counted by the general rate limit (api-contract §1.8).
fn limited() -> OpenApiRouter<AppState> {
    let mut routes = OpenApiRouter::new()
        .merge(auth::routes())
        .merge(admin::routes())
        .merge(agent_access::routes())
        .merge(agent_management::routes())
        .merge(analytics::routes())
        .merge(breach::routes())
        .merge(chat::routes())
        .merge(conversations::routes())
        .merge(gdpr::routes())
        .merge(grants::routes())
        .merge(leads::routes())
        .merge(profile::routes())
        .merge(public::routes())
        .merge(survey::routes())
        .merge(uploads::routes())
        .merge(waitlist::routes());
    openapi::answer_everywhere(
        &mut routes,
        429,
        "Too many requests (`Retry-After` says when to retry)",
    );
    routes
}

/// Routes not counted: health and the service information.
fn unlimited() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(health::routes())
        .merge(root::routes())
}

/// Every route with its documentation: each is declared once (`routes!` over the handlers'
/// `#[utoipa::path]`), so the router and the document cannot differ.
pub fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .merge(limited())
        .merge(unlimited())
}

/// The whole HTTP service.
pub fn router(state: AppState) -> Router {
    let (api, doc) = OpenApiRouter::with_openapi(openapi::base())
        .merge(limited().route_layer(from_fn_with_state(state.clone(), middleware::rate_limit)))
        .merge(unlimited())
        .split_for_parts();

    let inner = api
        // Not counted either: the OpenAPI document and the docs pages.
        .merge(openapi::routes(openapi::finish(doc)))
        .fallback(root::fallback)
        .layer(from_fn_with_state(state.clone(), middleware::timeout))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::database_guard,
        ))
        .layer(DefaultBodyLimit::max(state.settings.max_body_bytes))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
        .with_state(state.clone());

    // The edge runs before routing, so it can normalise the path the router sees.
    Router::new()
        .fallback_service(inner)
        .layer(from_fn_with_state(state, middleware::edge))
}

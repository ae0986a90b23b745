//! HTTP: one module per resource, each exporting its routes; merged here behind the edge
//! middleware.

pub mod admin;
pub mod agent_access;
pub mod agent_management;
pub mod auth;
pub mod chat;
pub mod conversations;
pub mod error;
pub mod extract;
pub mod health;
pub mod json;
pub mod middleware;
pub mod openapi;
pub mod profile;
pub mod responses;
pub mod root;
pub mod survey;
pub mod throttle;
pub mod waitlist;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use tower_http::catch_panic::CatchPanicLayer;

use crate::app::AppState;

/// The whole HTTP service.
pub fn router(state: AppState) -> Router {
    // Counted by the general rate limit (api-contract §1.8).
    let limited = Router::new()
        .merge(auth::routes())
        .merge(admin::routes())
        .merge(agent_access::routes())
        .merge(agent_management::routes())
        .merge(chat::routes())
        .merge(conversations::routes())
        .merge(profile::routes())
        .merge(survey::routes())
        .merge(waitlist::routes())
        .route_layer(from_fn_with_state(state.clone(), middleware::rate_limit));
    // Not counted: health and the OpenAPI document.
    let unlimited = Router::new()
        .merge(health::routes())
        .merge(openapi::routes());

    let inner = Router::new()
        .merge(limited)
        .merge(unlimited)
        .merge(root::routes())
        .fallback(root::fallback)
        .layer(from_fn_with_state(state.clone(), middleware::timeout))
        .layer(DefaultBodyLimit::max(state.settings.max_body_bytes))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
        .with_state(state.clone());

    // The edge runs before routing, so it can normalise the path the router sees.
    Router::new()
        .fallback_service(inner)
        .layer(from_fn_with_state(state, middleware::edge))
}

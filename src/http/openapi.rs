//! The OpenAPI document, generated from the handlers' annotations, and the docs pages. The
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
    paths(
        super::root::root, super::root::health, super::root::ready,
        super::health::health, super::health::pool, super::health::ping,
        super::auth::login, super::auth::register, super::auth::me, super::auth::logout,
        super::auth::request_password_reset, super::auth::forgot_password, super::auth::reset_password,
        super::auth::send_verification, super::auth::verify_email, super::auth::verify_email_link,
        super::auth::request_deletion, super::auth::cancel_deletion,
        super::auth::waitlist_join, super::auth::waitlist_check,
        super::waitlist::join,
        super::profile::get_profile, super::profile::update_profile, super::profile::change_password,
        super::conversations::create, super::conversations::list, super::conversations::get_one,
        super::conversations::update_title, super::conversations::delete_one, super::conversations::fresh,
        super::conversations::messages, super::conversations::messages_for_agent,
        super::conversations::add_message, super::conversations::clear_messages,
        super::conversations::generate_title, super::conversations::cleanup_empty,
        super::survey::submit_stage1, super::survey::submit_stage2, super::survey::status,
        super::agent_access::check, super::agent_access::my_agents, super::agent_access::hire,
        super::agent_access::grant_access, super::agent_access::revoke_access, super::agent_access::update_config,
        super::agent_access::whitelisted_users, super::agent_access::statistics, super::agent_access::all_statistics,
        super::agent_management::available, super::agent_management::check_availability,
        super::agent_management::suggest, super::agent_management::hire, super::agent_management::release,
        super::agent_management::hired, super::agent_management::usage_stats, super::agent_management::validate_query,
        super::agent_management::conversation_history, super::agent_management::types,
        super::agent_management::placeholder_agents,
        super::admin::list_users, super::admin::pending_users, super::admin::search_users, super::admin::get_user,
        super::admin::create_user, super::admin::update_user, super::admin::delete_user, super::admin::approve,
        super::admin::toggle_status, super::admin::reset_query_count, super::admin::system_statistics,
        super::admin::activity, super::admin::cleanup_conversations, super::admin::audit_log,
        super::chat::send, super::chat::stream, super::chat::agents, super::chat::test_streaming, super::chat::approval_response, super::chat::contact_submit,
    ),
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

pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(SwaggerUi::new("/docs").url("/api/v1/openapi.json", document()))
        .route("/redoc", get(|| async { Redirect::permanent("/docs/") }))
}

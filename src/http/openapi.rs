//! The OpenAPI document's frame (the paths come from the router: `super::documented`), and the
//! docs pages. The
//! Swagger UI is vendored into the binary, so `/docs` works without internet.

use std::collections::HashMap;

use axum::Router;
use axum::response::Redirect;
use axum::routing::get;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{Flow, OAuth2, Password, Scopes, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::app::AppState;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        // The OAuth2 password flow, as FastAPI's `OAuth2PasswordBearer` declares it: the docs
        // page's "Authorize" form posts the username and password to the login route and sends
        // the token it answers as `Authorization: Bearer`.
        components.add_security_scheme(
            "bearer",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::Password(Password::new(
                    "/api/v1/auth/login",
                    Scopes::new(),
                ))],
                "A JWT from `POST /api/v1/auth/login` (form fields `username`, `password`), sent as `Authorization: Bearer <token>`",
            )),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Solar Intelligence API", description = "Backend of the Solar Intelligence platform. Error bodies are `{\"detail\": ...}`; validation errors are 422 with a pydantic-style array."),
    components(schemas(
        super::responses::ErrorResponse,
        super::responses::ValidationErrorResponse,
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Accounts and tokens"),
        (name = "profile", description = "The caller's profile"),
        (name = "conversations", description = "The caller's conversations and messages"),
        (name = "survey", description = "Onboarding surveys"),
        (name = "agent-access", description = "Who may use which agent"),
        (name = "agent-management", description = "The agent catalogue and hiring"),
        (name = "admin", description = "The admin console"),
        (name = "analytics", description = "The admin console's analytics and query export (admins only)"),
        (name = "chat", description = "Chat with the agents (Server-Sent Events)"),
        (name = "health", description = "Health probes"),
        (name = "contact", description = "The landing page's contact form (no account needed)"),
        (name = "recommendations", description = "Which agents suit a described need"),
    )
)]
pub struct ApiDoc;

/// The document's frame (info, tags, security scheme); the paths come from the router.
pub(super) fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The finished document: the router's paths in the frame, with the crate's version and the
/// answers every operation owes to the layers and extractors it goes through (`complete`).
pub(super) fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    complete(&mut doc);
    doc
}

/// Every operation of `doc`.
fn operations(doc: &mut utoipa::openapi::OpenApi) -> impl Iterator<Item = &mut Operation> {
    doc.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .filter_map(Option::as_mut)
    })
}

/// The operations that authenticate their caller (`security` declared): the methods of each
/// path template. The rate limit counts these per user and every other per address.
/// The test that pins `security` to the extractors keeps this exact.
fn secured_operations() -> &'static HashMap<String, Vec<&'static str>> {
    static SECURED: std::sync::OnceLock<HashMap<String, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    SECURED.get_or_init(|| {
        let doc = super::documented().into_openapi();
        let mut out: HashMap<String, Vec<&'static str>> = HashMap::new();
        for (path, item) in &doc.paths.paths {
            for (method, op) in [
                ("GET", &item.get),
                ("PUT", &item.put),
                ("POST", &item.post),
                ("DELETE", &item.delete),
                ("PATCH", &item.patch),
            ] {
                if let Some(op) = op
                    && op.security.as_ref().is_some_and(|s| !s.is_empty())
                {
                    out.entry(path.clone()).or_default().push(method);
                }
            }
        }
        out
    })
}

/// Whether `method` on the route `path` (a template, as `MatchedPath` gives it) authenticates.
pub fn is_secured(method: &str, path: &str) -> bool {
    secured_operations()
        .get(path)
        .is_some_and(|methods| methods.contains(&method))
}

/// An error answer: `{"detail": ...}` with the 422 array or a message.
fn error_response(status: u16, description: &str) -> Response {
    let schema = if status == 422 {
        "ValidationErrorResponse"
    } else {
        "ErrorResponse"
    };
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(schema)))
                .build(),
        )
        .build()
}

/// Add `status` to `op` unless its annotation already documents it.
fn add(op: &mut Operation, status: u16, description: &str) {
    op.responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::T(error_response(status, description)));
}

/// Document `status` on every operation of `router` (a layer's answer: see `http::limited`).
pub(super) fn answer_everywhere(
    router: &mut utoipa_axum::router::OpenApiRouter<AppState>,
    status: u16,
    description: &str,
) {
    for op in operations(router.get_openapi_mut()) {
        add(op, status, description);
    }
}

/// The answers an operation can give without its handler deciding them, derived once from what
/// its annotation declares rather than written in each:
/// - `security` (it takes `CurrentUser`, `UserJson`, `AdminUser` or `AdminJson`): 401 no or a bad
///   token, 403 an inactive user or not an admin;
/// - a request body (read by `PublicJson` and friends under `DefaultBodyLimit`): 413 too large,
///   422 bad JSON or fields;
/// - path or query parameters (`path_int`, `QueryMap`): 422;
/// - every operation: 500 an unexpected failure or a panic (`CatchPanicLayer`), 503 the request
///   timeout (`middleware::timeout`).
///
/// Error answers an annotation lists without a body (`(status = 404)`) get the error schema and,
/// when it has none, a description.
fn complete(doc: &mut utoipa::openapi::OpenApi) {
    for op in operations(doc) {
        if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
            add(
                op,
                401,
                "Not authenticated, or the token is invalid or revoked",
            );
            add(op, 403, "Not allowed: an inactive account, or not an admin");
        }
        if op.request_body.is_some() {
            add(op, 413, "The body is larger than `MAX_BODY_BYTES`");
            add(op, 422, "The body is not JSON, or a field is invalid");
        }
        let has_params = op.parameters.as_ref().is_some_and(|ps| {
            ps.iter()
                .any(|p| matches!(p, RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query)))
        });
        if has_params {
            add(op, 422, "A path or query parameter is invalid");
        }
        add(
            op,
            500,
            "An unexpected failure (the cause is logged with the request id)",
        );
        add(
            op,
            503,
            "The request took longer than `REQUEST_TIMEOUT_SECONDS`, or the database is \
             unavailable (then with `Retry-After`)",
        );
        for (status, answer) in op.responses.responses.iter_mut() {
            let Ok(code) = status.parse::<u16>() else {
                continue;
            };
            // Every answer has a description (OpenAPI requires one): the status's reason when
            // the annotation gives none.
            if let RefOr::T(r) = answer
                && r.description.is_empty()
            {
                r.description = axum::http::StatusCode::from_u16(code)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("Answer")
                    .to_string();
            }
            if code < 400 {
                continue;
            }
            if let RefOr::T(r) = answer
                && r.content.is_empty()
            {
                let description = if r.description.is_empty() {
                    axum::http::StatusCode::from_u16(code)
                        .ok()
                        .and_then(|s| s.canonical_reason())
                        .unwrap_or("Error")
                        .to_string()
                } else {
                    r.description.clone()
                };
                *r = error_response(code, &description);
            }
        }
    }
}

/// The document `/api/v1/openapi.json` serves, built from the same routes as the router.
pub fn document() -> utoipa::openapi::OpenApi {
    finish(super::documented().into_openapi())
}

/// The docs pages and `/api/v1/openapi.json`, served from the document's JSON written once: the
/// document's own tree was kept by the Swagger UI router to write it anew on each request (about
/// 3 MB of allocations at the start-up peak of a heap profile: docs/BENCHMARKS.md).
pub fn routes(doc: utoipa::openapi::OpenApi) -> Router<AppState> {
    let json = axum::body::Bytes::from(serde_json::to_vec(&doc).unwrap_or_else(|e| {
        tracing::error!(error = %e, "the OpenAPI document could not be written");
        b"{}".to_vec()
    }));
    drop(doc);
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let json = json.clone();
                async move {
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/json")],
                        json,
                    )
                }
            }),
        )
        .merge(
            SwaggerUi::new("/docs")
                .config(utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"])),
        )
        .route("/redoc", get(|| async { Redirect::permanent("/docs/") }))
}

//! The edge of every request: request id, CORS, path normalisation, the public shape of 404, 405
//! and 500 bodies, timeouts, rate limits, and one log line.

use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use tracing::Instrument;

use super::error::{ApiError, InternalCause, json_response};

/// The unauthenticated probes, which answer HEAD as GET (without a body).
const PROBES: [&str; 4] = ["/health", "/ready", "/api/v1/health", "/api/v1/health/ping"];
use super::extract::{Authenticated, CurrentUser, bearer_token, client_ip};
use crate::app::AppState;

/// The request's id (api-contract §1.9), available to handlers as an extension.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Path and query as the client sent them, before normalisation.
#[derive(Clone, Debug)]
pub struct OriginalPath(pub String);

fn valid_request_id(v: &str) -> bool {
    (1..=128).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| valid_request_id(v))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}

/// A path that differs from a route by one trailing slash is served by that route (decision C1):
/// routes are declared without it and requests lose it here. The docs UI keeps its own slashes.
fn normalise(uri: &Uri) -> Option<Uri> {
    let path = uri.path();
    if path.len() <= 1 || !path.ends_with('/') || path.starts_with("/docs") {
        return None;
    }
    let trimmed = &path[..path.len() - 1];
    let pq = match uri.query() {
        Some(q) => format!("{trimmed}?{q}"),
        None => trimmed.to_string(),
    };
    pq.parse().ok()
}

const ALLOW_METHODS: &str = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";
/// Response headers a browser script may read cross-origin: `Content-Disposition` carries the
/// file name of the analytics' CSV export, which the current app reads (decision L6).
const EXPOSE_HEADERS: &str = "Retry-After, X-Request-Id, X-Chat-Turn-Id, Content-Disposition";

fn add_cors(headers: &mut HeaderMap, origin: &HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

fn preflight(req_headers: &HeaderMap, origin: &HeaderValue, allowed: bool) -> Response {
    if !allowed {
        return ApiError::bad_request("Disallowed CORS origin").into_response();
    }
    let mut r = (StatusCode::OK, "OK").into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    h.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOW_METHODS),
    );
    if let Some(req_h) = req_headers.get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, req_h.clone());
    }
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    r
}

/// Outermost layer: runs before routing.
pub async fn edge(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let rid = request_id(req.headers());
    let method = req.method().clone();
    let group = crate::metrics::Metrics::group(req.uri().path());
    let original = req
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_string())
        .unwrap_or_else(|| req.uri().path().to_string());
    let path = req.uri().path().to_string();
    let origin = req.headers().get(header::ORIGIN).cloned();
    let allowed = origin
        .as_ref()
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| state.settings.cors_origins.iter().any(|a| a == o));

    let span = tracing::info_span!("request", request_id = %rid, method = %method, path = %req.uri().path());

    let mut resp = if method == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
        && let Some(o) = origin.as_ref()
    {
        preflight(req.headers(), o, allowed)
    } else {
        if let Some(uri) = normalise(req.uri()) {
            *req.uri_mut() = uri;
        }
        if method == Method::HEAD && !PROBES.contains(&req.uri().path()) {
            // HEAD is not served implicitly for GET routes (kept for compatibility): an unused
            // method makes the router answer 405 with the route's Allow header, or 404. The
            // probes answer it (load balancers and uptime checkers send HEAD).
            *req.method_mut() = Method::TRACE;
        }
        req.extensions_mut().insert(RequestId(rid.clone()));
        req.extensions_mut().insert(OriginalPath(original.clone()));
        next.run(req).instrument(span.clone()).await
    };
    // A request that may have written (an account included) ends the replica's cached
    // authentications, before its answer leaves: the client's next read sees the write.
    if !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
        state.auth_cache.invalidate();
    }

    let status = resp.status();
    if let Some(InternalCause(cause)) = resp.extensions_mut().remove::<InternalCause>() {
        span.in_scope(|| tracing::error!(error = %cause, "unexpected failure"));
        resp = internal_error_response(&rid, &original);
    } else if status == StatusCode::INTERNAL_SERVER_ERROR && !is_json(resp.headers()) {
        span.in_scope(|| tracing::error!("unexpected failure without a cause"));
        resp = internal_error_response(&rid, &original);
    } else if status == StatusCode::METHOD_NOT_ALLOWED && !is_json(resp.headers()) {
        let allow = resp.headers().get(header::ALLOW).cloned();
        resp = ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed").into_response();
        if let Some(a) = allow {
            resp.headers_mut().insert(header::ALLOW, a);
        }
    }

    if let Ok(v) = HeaderValue::from_str(&rid) {
        resp.headers_mut().insert("x-request-id", v);
    }
    state.security.apply(&path, resp.headers_mut());
    if allowed && let Some(o) = origin.as_ref() {
        add_cors(resp.headers_mut(), o);
    }
    let took = started.elapsed();
    state.metrics.observe(&method, group, resp.status(), took);
    // A number in JSON logs (it was a string, which log tools cannot compare or sum), rounded to
    // hundredths of a millisecond.
    let ms = (took.as_secs_f64() * 100_000.0).round() / 100.0;
    span.in_scope(|| tracing::info!(status = resp.status().as_u16(), latency_ms = ms, "request"));
    resp
}

fn is_json(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The public 500 body of decision F13.
pub fn internal_error_response(rid: &str, path: &str) -> Response {
    json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        &json!({"detail": "Internal server error", "type": "InternalServerError", "path": path, "request_id": rid}),
    )
}

/// A panic in a handler becomes the generic 500 (its message is logged, never sent).
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    let msg = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".into());
    let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    r.extensions_mut()
        .insert(InternalCause(format!("panic: {msg}")));
    r
}

/// Requests to the API while the database is down are answered 503 with `Retry-After` at once,
/// and those already running when it goes down as soon as that is known: they would
/// otherwise wait out the pool timeout. The health probes answer from their own checks, and the
/// web app's files and the API documents need no database.
pub async fn database_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let needs_database = path.starts_with("/api/")
        && !matches!(path, "/api/v1/health" | "/api/v1/health/ping")
        && !path.starts_with("/api/v1/docs")
        && path != "/api/v1/openapi.json";
    if !needs_database || state.db.is_sqlite() {
        return next.run(req).await;
    }
    if state.db_health.is_down() {
        return ApiError::unavailable().into_response();
    }
    tokio::select! {
        r = next.run(req) => r,
        () = state.db_health.wait_down() => ApiError::unavailable().into_response(),
    }
}

/// Handlers that take longer than `REQUEST_TIMEOUT_SECONDS` to answer get 503. A streamed body is
/// not limited: only the time to the response head counts.
pub async fn timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.settings.request_timeout;
    if limit.is_zero() {
        return next.run(req).await;
    }
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "Request timed out").into_response()
        }
    }
}

/// The general per-user / per-IP limit (decision F12). A request to an endpoint that
/// authenticates its caller, with a token that authenticates now (not revoked, not logged out,
/// an active account), counts against its user; every other request counts against its client
/// address, whatever token it carries: a revoked token cannot drain its owner's
/// budget, and one's own tokens do not lift an anonymous endpoint's per-address limit. The user
/// found here is handed to the handler, so authenticating costs one read either way.
pub async fn rate_limit(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let limit = state.settings.rate_limit_per_minute;
    if limit == 0 || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let secured = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .is_some_and(|p| super::openapi::is_secured(req.method().as_str(), p.as_str()));
    let user = if secured && bearer_token(req.headers()).is_some() {
        CurrentUser::authenticate(req.headers(), &state).await.ok()
    } else {
        None
    };
    let key = match user {
        Some(u) => {
            let key = format!("user:{}", u.user.id);
            req.extensions_mut().insert(Authenticated(u));
            key
        }
        None => format!(
            "ip:{}",
            crate::ratelimit::address_key(client_ip(
                req.extensions(),
                req.headers(),
                &state.settings.trusted_proxies
            ))
        ),
    };
    match state.limiter.hit(&key, limit).await {
        Ok(None) => next.run(req).await,
        Ok(Some(wait_ms)) => {
            state.metrics.refused(crate::metrics::Refusal::RateLimit);
            ApiError::too_many(
                "Too many requests. Please try again later.",
                wait_secs(wait_ms),
            )
            .into_response()
        }
        Err(e) => {
            // The limiter's store is down: serve rather than fail every request.
            tracing::warn!(error = %e, "rate limiter unavailable; request let through");
            next.run(req).await
        }
    }
}

/// Whole seconds for `Retry-After`, at least 1.
pub fn wait_secs(ms: i64) -> u64 {
    (ms.max(0) as u64).div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_trims_one_trailing_slash() {
        let n = |s: &str| normalise(&s.parse().unwrap()).map(|u| u.to_string());
        assert_eq!(n("/api/v1/health/"), Some("/api/v1/health".into()));
        assert_eq!(
            n("/api/v1/conversations/?limit=5"),
            Some("/api/v1/conversations?limit=5".into())
        );
        assert_eq!(n("/"), None);
        assert_eq!(n("/api/v1/health"), None);
        assert_eq!(n("/docs/"), None);
    }

    #[test]
    fn request_ids() {
        let mut h = HeaderMap::new();
        h.insert("x-request-id", "abc-123_x.y".parse().unwrap());
        assert_eq!(request_id(&h), "abc-123_x.y");
        h.insert("x-request-id", "bad id!".parse().unwrap());
        assert_ne!(request_id(&h), "bad id!");
        assert_eq!(wait_secs(1), 1);
        assert_eq!(wait_secs(1001), 2);
        assert_eq!(wait_secs(0), 1);
    }
}

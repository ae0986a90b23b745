//! `/`, `/health`, `/ready`, and everything no route claims: the JSON 404, or the built web app
//! when `STATIC_DIR` is set (api-contract §2.1).

use std::path::Path;
use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use utoipa::ToSchema;

use super::error::ApiError;
use crate::app::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(root))
        .routes(routes!(health))
        .routes(routes!(ready))
}

fn root_json(state: &AppState) -> Value {
    let s = &state.settings;
    json!({
        "name": s.app_name,
        "version": s.version,
        "status": "online",
        "environment": s.environment,
        "documentation": {"swagger": "/docs", "redoc": "/redoc", "openapi": "/api/v1/openapi.json"},
        "note": "Solar Intelligence backend (Rust)",
    })
}

/// Service information; with `STATIC_DIR`, browsers asking for HTML get the web app instead.
#[utoipa::path(get, path = "/", tag = "root", responses((status = 200, description = "Service information")))]
pub async fn root(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(dir) = &state.settings.static_dir {
        let wants_html = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
        if wants_html {
            let res = serve_index(Path::new(dir), headers).await;
            return with_app_policy(&state, res);
        }
    }
    Json(root_json(&state)).into_response()
}

#[derive(Serialize, ToSchema)]
pub struct LivenessResponse {
    status: &'static str,
    environment: String,
    version: String,
    database: &'static str,
    app: &'static str,
}

/// Liveness: always 200 while the process answers; `database` says whether the database answered `SELECT 1` within 2 s.
#[utoipa::path(get, path = "/health", operation_id = "liveness", tag = "root", responses((status = 200, body = LivenessResponse)))]
pub async fn health(State(state): State<AppState>) -> Json<LivenessResponse> {
    // The process answers, so this stays 200 with `"status": "healthy"` (a liveness probe that
    // failed with the database would restart healthy replicas); `database` tells the truth:
    // `"connected"` when it answers `SELECT 1` within the probe time, `"disconnected"` otherwise.
    // `/ready` is what takes a replica out of the load balancer.
    // (While the database is known to be down, at once.)
    let answered = !state.db_health.is_down()
        && tokio::time::timeout(PROBE_TIMEOUT, state.db.probe())
            .await
            .is_ok_and(|(_, answered)| answered);
    Json(LivenessResponse {
        status: "healthy",
        environment: state.settings.environment.clone(),
        version: state.settings.version.clone(),
        database: if answered {
            "connected"
        } else {
            "disconnected"
        },
        app: "fastapi",
    })
}

/// How long `/health` and `/ready` wait for a dependency.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// Readiness: the database answers, migrations are applied, and no shutdown is under way.
#[utoipa::path(get, path = "/ready", tag = "root", responses(
    (status = 200, description = "Ready"), (status = 503, description = "Not ready")))]
pub async fn ready(State(state): State<AppState>) -> Response {
    // Every configured dependency a request needs: the database (answering, migrated) and, when
    // `REDIS_URL` is set, Redis (the shared rate limits). The LLM, SMTP and Weaviate are not
    // readiness: requests are served without them (`solarintel doctor` checks them).
    let database = async {
        if state.db_health.is_down() {
            return Some("database");
        }
        match tokio::time::timeout(PROBE_TIMEOUT, state.db.migrations_applied()).await {
            Ok(Ok(true)) => None,
            Ok(Ok(false)) => Some("migrations"),
            _ => Some("database"),
        }
    };
    let redis = async {
        if !state.limiter.is_shared() {
            return None;
        }
        match tokio::time::timeout(PROBE_TIMEOUT, state.limiter.ping()).await {
            Ok(Ok(())) => None,
            _ => Some("redis"),
        }
    };
    let (database, redis) = tokio::join!(database, redis);
    let shutdown = state.is_shutting_down().then_some("shutdown");
    let failed: Vec<&str> = [shutdown, database, redis].into_iter().flatten().collect();
    if failed.is_empty() {
        Json(json!({"status": "ready"})).into_response()
    } else {
        tracing::warn!(failed = ?failed, "not ready");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"detail": "Not ready", "failed": failed})),
        )
            .into_response()
    }
}

/// No route matched: a file of the web app, its `index.html`, or the JSON 404.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if let Some(dir) = &state.settings.static_dir
        && req.method() == Method::GET
        && !path.starts_with("/api/")
        && path != "/api"
    {
        let dir = Path::new(dir);
        if !may_serve(dir, &path).await {
            return ApiError::not_found("Not Found").into_response();
        }
        // ServeDir refuses paths that would leave the folder (`..`, encoded or not) and answers
        // them, like every path that is no file (folders included), with the fallback.
        let files = ServeDir::new(dir)
            .append_index_html_on_directories(false)
            .precompressed_gzip()
            .precompressed_br()
            .fallback(ServeFile::new(dir.join("index.html")));
        let res = match files.oneshot(req).await {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        };
        return with_app_policy(&state, with_cache_control(&path, res));
    }
    ApiError::not_found("Not Found").into_response()
}

/// The web app's Content-Security-Policy (decision L10) on a file it served; a JSON error keeps
/// the API's.
fn with_app_policy(state: &AppState, mut res: Response) -> Response {
    let served = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    if served && !is_json(res.headers()) {
        res.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            state.security.app_csp.clone(),
        );
    }
    res
}

fn is_json(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Whether the file at URL `path` may be served from `dir`. Refused, as the JSON 404:
/// a hidden name (a segment starting with `.`, such as `/.env` or `/.git/config`; ServeDir
/// serves them), except the public `/.well-known/` folder of RFC 8615 (security.txt, app links)
/// whose own hidden names stay refused; and a file that is a symlink (or lies under one) whose
/// real path is outside the folder's real path, precompressed variants included, since ServeDir
/// follows symlinks. Segments are read percent-decoded and split after decoding, as ServeDir
/// reads them, so `%2e` and `%2F` change nothing. `.` and `..` are left to ServeDir, which
/// never leaves the folder for them.
async fn may_serve(dir: &Path, path: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    let hidden = segments.iter().enumerate().any(|(i, s)| {
        s.starts_with('.') && !matches!(*s, "." | "..") && !(i == 0 && *s == ".well-known")
    });
    if hidden {
        return false;
    }
    if segments.contains(&"..") {
        return true;
    }
    let Ok(root) = tokio::fs::canonicalize(dir).await else {
        return true;
    };
    let file = segments.iter().fold(dir.to_path_buf(), |p, s| p.join(s));
    let mut candidates = vec![file.clone()];
    for ext in ["gz", "br"] {
        let mut name = file.clone().into_os_string();
        name.push(".");
        name.push(ext);
        candidates.push(name.into());
    }
    for candidate in candidates {
        // Missing files are not refused here: the fallback answers them.
        if let Ok(real) = tokio::fs::canonicalize(&candidate).await
            && !real.starts_with(&root)
        {
            tracing::warn!(
                path,
                "static file refused: its real path is outside STATIC_DIR"
            );
            return false;
        }
    }
    true
}

/// The folder's `index.html` for `GET /` (with the request's headers, for conditional requests).
async fn serve_index(dir: &Path, headers: HeaderMap) -> Response {
    let mut req = Request::new(Body::empty());
    *req.uri_mut() = axum::http::Uri::from_static("/index.html");
    *req.headers_mut() = headers;
    let res = match ServeFile::new(dir.join("index.html")).oneshot(req).await {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    with_cache_control("/index.html", res)
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Hashed build assets are cached for a year (a new build has new names); `index.html` (also as
/// the fallback of the web app's routes) is revalidated on every use, so a deploy is seen at
/// once. A missing `index.html` is the JSON 404.
fn with_cache_control(path: &str, mut res: Response) -> Response {
    let status = res.status();
    if status == StatusCode::NOT_FOUND {
        return ApiError::not_found("Not Found").into_response();
    }
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        return res;
    }
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if is_hashed_asset(path) && !html {
        IMMUTABLE
    } else if html || status == StatusCode::NOT_MODIFIED {
        "no-cache"
    } else {
        return res;
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

/// A build asset with a content hash in its name: Vite's `assets/name-HASH.ext`.
fn is_hashed_asset(path: &str) -> bool {
    let Some(name) = path.strip_prefix("/assets/") else {
        return false;
    };
    let file = name.rsplit('/').next().unwrap_or(name);
    let Some((stem, _ext)) = file.rsplit_once('.') else {
        return false;
    };
    // Vite's hash is base64url (it may hold `-` itself): any 6 to 16 such characters that end
    // the stem after a `-` or `.`.
    let b = stem.as_bytes();
    (6..=16).any(|k| {
        b.len() > k
            && matches!(b[b.len() - k - 1], b'-' | b'.')
            && b[b.len() - k..]
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_told_by_their_names() {
        for hashed in [
            "/assets/index-abc123.js",
            "/assets/index-BxY_4k-2.css",
            "/assets/logo.4f3a9c21.svg",
            "/assets/chunks/vendor-DkZ9aQ1e.js",
        ] {
            assert!(is_hashed_asset(hashed), "{hashed}");
        }
        for plain in [
            "/favicon.ico",
            "/index.html",
            "/assets/app.js",
            "/assets/index-a1.js",
            "/logo-abc123.svg",
            "/assets/noext-abcdef",
        ] {
            assert!(!is_hashed_asset(plain), "{plain}");
        }
    }
}

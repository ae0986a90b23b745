//! `/`, `/health`, `/ready`, and everything no route claims: the JSON 404, or the built web app
//! when `STATIC_DIR` is set (api-contract §2.1).

use std::path::{Component, Path, PathBuf};

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};
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
            return serve_file(&Path::new(dir).join("index.html")).await;
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

/// Liveness: static, probes nothing (the literal values are kept for existing health checks).
#[utoipa::path(get, path = "/health", tag = "root", responses((status = 200, body = LivenessResponse)))]
pub async fn health(State(state): State<AppState>) -> Json<LivenessResponse> {
    Json(LivenessResponse {
        status: "healthy",
        environment: state.settings.environment.clone(),
        version: state.settings.version.clone(),
        database: "connected",
        app: "fastapi",
    })
}

/// Readiness: the database answers, migrations are applied, and no shutdown is under way.
#[utoipa::path(get, path = "/ready", tag = "root", responses(
    (status = 200, description = "Ready"), (status = 503, description = "Not ready")))]
pub async fn ready(State(state): State<AppState>) -> Response {
    let ok = !state.is_shutting_down() && matches!(state.db.migrations_applied().await, Ok(true));
    if ok {
        Json(json!({"status": "ready"})).into_response()
    } else {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "Not ready").into_response()
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
        if let Some(file) = safe_join(dir, &path)
            && tokio::fs::metadata(&file).await.is_ok_and(|m| m.is_file())
        {
            return serve_file(&file).await;
        }
        return serve_file(&dir.join("index.html")).await;
    }
    ApiError::not_found("Not Found").into_response()
}

/// `dir` + the URL path, refusing anything that would leave `dir`.
fn safe_join(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path.trim_start_matches('/'))?;
    let mut out = dir.to_path_buf();
    for c in Path::new(&decoded).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

async fn serve_file(path: &Path) -> Response {
    match tokio::fs::read(path).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type(path))], bytes).into_response(),
        Err(_) => ApiError::not_found("Not Found").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_paths_stay_inside_the_folder() {
        let d = Path::new("/srv/app");
        assert_eq!(
            safe_join(d, "/assets/a.js"),
            Some(PathBuf::from("/srv/app/assets/a.js"))
        );
        assert_eq!(safe_join(d, "/../etc/passwd"), None);
        assert_eq!(safe_join(d, "/%2e%2e/etc/passwd"), None);
        assert_eq!(
            safe_join(d, "/a%20b.txt"),
            Some(PathBuf::from("/srv/app/a b.txt"))
        );
    }
}

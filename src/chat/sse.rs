//! Server-Sent Events framing (streaming.md §4, §5): one complete event per write, an `id:` on
//! every event, keep-alive comments, the chat response headers.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

/// One event: `id: <turn>:<seq>`, `data: <json>`, an empty line.
pub fn frame(turn_id: i64, seq: i64, data: &str) -> String {
    format!("id: {turn_id}:{seq}\ndata: {data}\n\n")
}

/// Written after 15 s without an event; carries no id and is not stored.
pub const KEEP_ALIVE: &str = ": keep-alive\n\n";

/// A 200 `text/event-stream` response with the headers of streaming.md §4.
pub fn response(body: Body, turn_id: Option<i64>) -> Response {
    let mut r = Response::new(body);
    *r.status_mut() = StatusCode::OK;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, no-transform"),
    );
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    h.insert(header::CONNECTION, HeaderValue::from_static("keep-alive"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Some(id) = turn_id {
        h.insert("x-chat-turn-id", HeaderValue::from(id));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames() {
        assert_eq!(
            frame(812, 3, r#"{"type":"done"}"#),
            "id: 812:3\ndata: {\"type\":\"done\"}\n\n"
        );
    }
}

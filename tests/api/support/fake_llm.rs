//! A fake OpenAI-compatible server: real HTTP, real SSE chunks, scripted answers (text deltas,
//! tool calls, failures, slow and broken upstreams). It records every request body.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

/// One scripted response.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Stream these text deltas, `delay` apart.
    Text(Vec<&'static str>, Duration),
    /// Stream some text, then one tool call (arguments split over chunks, without `index`
    /// when `lenient`).
    ToolCall {
        text: &'static str,
        name: &'static str,
        arguments: &'static str,
        lenient: bool,
    },
    /// Answer with this HTTP status.
    Status(u16),
    /// Answer 429 with `Retry-After: <seconds>`.
    RetryAfter(u64),
    /// Stream these deltas, then cut the connection without `[DONE]` or a finish reason.
    Break(Vec<&'static str>),
    /// Wait this long before answering anything.
    Hang(Duration),
    /// Stream these deltas, go silent for this long, then finish normally.
    Stall(Vec<&'static str>, Duration),
    /// Stream these deltas, then end the body cleanly, without `[DONE]` or a finish reason.
    Truncate(Vec<&'static str>),
}

#[derive(Clone, Default)]
struct Script {
    replies: Arc<Mutex<VecDeque<Reply>>>,
    requests: Arc<Mutex<Vec<Value>>>,
}

pub struct FakeLlm {
    pub base_url: String,
    script: Script,
}

impl FakeLlm {
    pub async fn start(replies: Vec<Reply>) -> FakeLlm {
        let script = Script {
            replies: Arc::new(Mutex::new(replies.into())),
            requests: Arc::default(),
        };
        let app = Router::new()
            .route("/v1/chat/completions", post(completions))
            .with_state(script.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeLlm {
            base_url: format!("http://{addr}/v1"),
            script,
        }
    }

    /// The request bodies received so far.
    pub fn requests(&self) -> Vec<Value> {
        self.script.requests.lock().unwrap().clone()
    }
}

fn chunk(delta: Value, finish: Option<&str>) -> String {
    let v = json!({"id": "cmpl-1", "object": "chat.completion.chunk", "model": "fake", "x_vendor": 1,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]});
    format!("data: {v}\n\n")
}

/// The usage chunk an OpenAI-compatible server sends before `[DONE]` when the request asked for
/// it (`stream_options.include_usage`): 11 prompt tokens and one completion token per delta.
fn usage(asked: bool, completion: usize) -> String {
    if !asked {
        return String::new();
    }
    let v = json!({"id": "cmpl-1", "object": "chat.completion.chunk", "model": "fake", "choices": [],
                   "usage": {"prompt_tokens": 11, "completion_tokens": completion, "total_tokens": 11 + completion}});
    format!("data: {v}\n\n")
}

async fn completions(State(script): State<Script>, body: String) -> Response {
    let req: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let asked = req["stream_options"]["include_usage"] == true;
    script.requests.lock().unwrap().push(req);
    let reply = {
        let mut q = script.replies.lock().unwrap();
        if q.len() > 1 {
            q.pop_front()
        } else {
            q.front().cloned()
        }
    }
    .unwrap_or(Reply::Status(500));
    match reply {
        Reply::Status(code) => (
            StatusCode::from_u16(code).unwrap(),
            "{\"error\":\"scripted\"}",
        )
            .into_response(),
        Reply::RetryAfter(secs) => (
            StatusCode::TOO_MANY_REQUESTS,
            [(axum::http::header::RETRY_AFTER, secs.to_string())],
            "{\"error\":\"slow down\"}",
        )
            .into_response(),
        Reply::Hang(d) => {
            tokio::time::sleep(d).await;
            (StatusCode::OK, "").into_response()
        }
        Reply::Text(deltas, delay) => {
            let tail = usage(asked, deltas.len());
            let stream = futures::stream::unfold(
                (deltas.into_iter(), delay, 0u8),
                move |(mut it, delay, stage)| {
                    let tail = tail.clone();
                    async move {
                        match (stage, it.next()) {
                            (0, Some(d)) => {
                                tokio::time::sleep(delay).await;
                                Some((
                                    Ok::<_, Infallible>(Bytes::from(chunk(
                                        json!({"content": d}),
                                        None,
                                    ))),
                                    (it, delay, 0),
                                ))
                            }
                            (0, None) => Some((
                                Ok(Bytes::from(
                                    chunk(json!({}), Some("stop")) + &tail + "data: [DONE]\n\n",
                                )),
                                (it, delay, 1),
                            )),
                            _ => None,
                        }
                    }
                },
            );
            sse(Body::from_stream(stream))
        }
        Reply::ToolCall {
            text,
            name,
            arguments,
            lenient,
        } => {
            let mut out = String::new();
            if !text.is_empty() {
                out.push_str(&chunk(json!({"content": text}), None));
            }
            let (a, b) = arguments.split_at(arguments.len() / 2);
            let first = if lenient {
                json!({"tool_calls": [{"id": "call_7", "type": "function", "function": {"name": name, "arguments": a}}]})
            } else {
                json!({"tool_calls": [{"index": 0, "id": "call_7", "type": "function", "function": {"name": name, "arguments": a}}]})
            };
            out.push_str(&chunk(first, None));
            let second = if lenient {
                json!({"tool_calls": [{"function": {"arguments": b}}]})
            } else {
                json!({"tool_calls": [{"index": 0, "function": {"arguments": b}}]})
            };
            out.push_str(&chunk(second, None));
            out.push_str(&chunk(json!({}), Some("tool_calls")));
            out.push_str(&usage(asked, 2));
            out.push_str("data: [DONE]\n\n");
            sse(Body::from(out))
        }
        Reply::Stall(deltas, pause) => {
            let mut parts: Vec<(Duration, String)> = deltas
                .into_iter()
                .map(|d| (Duration::ZERO, chunk(json!({"content": d}), None)))
                .collect();
            parts.push((pause, chunk(json!({"content": " (late)"}), None)));
            parts.push((
                Duration::ZERO,
                chunk(json!({}), Some("stop")) + "data: [DONE]\n\n",
            ));
            let stream = futures::stream::unfold(parts.into_iter(), |mut it| async move {
                let (wait, part) = it.next()?;
                tokio::time::sleep(wait).await;
                Some((Ok::<_, Infallible>(Bytes::from(part)), it))
            });
            sse(Body::from_stream(stream))
        }
        Reply::Truncate(deltas) => {
            let out: String = deltas
                .into_iter()
                .map(|d| chunk(json!({"content": d}), None))
                .collect();
            sse(Body::from(out))
        }
        Reply::Break(deltas) => {
            // each delta flushed on its own, then the connection is cut mid-answer
            let stream = futures::stream::unfold(deltas.into_iter(), |mut it| async move {
                tokio::time::sleep(Duration::from_millis(30)).await;
                Some(match it.next() {
                    Some(d) => (
                        Ok::<_, std::io::Error>(Bytes::from(chunk(json!({"content": d}), None))),
                        it,
                    ),
                    None => (Err(std::io::Error::other("connection cut")), it),
                })
            });
            sse(Body::from_stream(stream))
        }
    }
}

fn sse(body: Body) -> Response {
    Response::builder()
        .status(200)
        .header("content-type", "text/event-stream")
        .body(body)
        .unwrap()
}

/// The events of an SSE body: `(id, json)` per event.
pub fn parse_sse(text: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let mut id = String::new();
        let mut data = None;
        for line in block.lines() {
            if let Some(v) = line.strip_prefix("id: ") {
                id = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data = Some(
                    serde_json::from_str::<Value>(v)
                        .unwrap_or_else(|e| panic!("bad event {v}: {e}")),
                );
            }
        }
        if let Some(d) = data {
            out.push((id, d));
        }
    }
    out
}

/// The `type` of each event.
pub fn types(events: &[(String, Value)]) -> Vec<String> {
    events
        .iter()
        .map(|(_, e)| e["type"].as_str().unwrap().to_string())
        .collect()
}

//! OpenAI-compatible streaming Chat Completions with tool calls (OpenAI, vLLM, Ollama, llama.cpp
//! server). The stream is parsed leniently: some local servers omit the tool-call `index`, or add
//! vendor fields, and are still understood.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::http1::{self, Http1};
use super::{ChatMessage, LlmError, ToolCall, ToolSpec};
use crate::metrics::LlmStats;

/// The body of a Chat Completions request.
#[derive(serde::Serialize)]
struct Request<'a> {
    model: &'a str,
    messages: &'a [ChatMessage],
    stream: bool,
    stream_options: StreamOptions,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tools: Vec<WireTool<'a>>,
}

#[derive(serde::Serialize)]
struct StreamOptions {
    include_usage: bool,
}

#[derive(serde::Serialize)]
struct WireTool<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    function: WireFunction<'a>,
}

#[derive(serde::Serialize)]
struct WireFunction<'a> {
    name: &'static str,
    description: &'static str,
    parameters: &'a Value,
}

fn request_body(
    model: &str,
    messages: &[ChatMessage],
    tools: &[ToolSpec],
) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(&Request {
        model,
        messages,
        stream: true,
        // the last chunk before `[DONE]` reports the tokens of the response
        stream_options: StreamOptions {
            include_usage: true,
        },
        tools: tools
            .iter()
            .map(|t| WireTool {
                kind: "function",
                function: WireFunction {
                    name: t.name,
                    description: t.description,
                    parameters: &t.parameters,
                },
            })
            .collect(),
    })
}

#[derive(Clone)]
pub struct OpenAiClient {
    http: reqwest::Client,
    /// The client of a plain-`http://` provider (`http1.rs`: a few KiB an open stream); `https://`
    /// goes through `http`.
    plain: Option<Arc<Http1>>,
    base_url: String,
    api_key: Option<String>,
    /// The longest silence: until the response starts, and between two chunks of it. A long
    /// answer that keeps streaming is not cut off; the turn as a whole is bounded by
    /// `TURN_MAX_SECONDS`.
    timeout: Duration,
    /// Attempts for 429, 5xx and connection failures before the first token.
    attempts: u32,
    backoff: Duration,
    /// Outcomes, retries, latency and tokens (`METRICS_ADDR`).
    stats: Arc<LlmStats>,
}

impl OpenAiClient {
    pub fn new(base_url: &str, api_key: Option<String>, timeout: Duration) -> Self {
        OpenAiClient {
            http: reqwest::Client::builder()
                .connect_timeout(CONNECT_TIMEOUT)
                .build()
                .expect("an HTTP client with default TLS"),
            plain: Http1::new(base_url, CONNECT_TIMEOUT).map(Arc::new),
            base_url: base_url.trim_end_matches('/').to_string(),
            api_key,
            timeout,
            attempts: 3,
            backoff: Duration::from_millis(500),
            stats: Arc::default(),
        }
    }

    /// Count the calls in `stats`.
    pub fn with_stats(mut self, stats: Arc<LlmStats>) -> Self {
        self.stats = stats;
        self
    }

    /// Shorter retry pauses (tests).
    pub fn with_backoff(mut self, backoff: Duration) -> Self {
        self.backoff = backoff;
        self
    }

    /// Stream one completion: `on_text` gets every text delta as it arrives; the tool calls of
    /// the response are returned at the end. Failures before the first delta are retried.
    pub async fn complete(
        &self,
        model: &str,
        messages: &[ChatMessage],
        tools: &[ToolSpec],
        on_text: &mut (dyn FnMut(String) + Send),
    ) -> Result<Vec<ToolCall>, LlmError> {
        // The request is serialised once, straight to its bytes (a retry sends the same bytes):
        // a `serde_json::Value` tree of the messages and tool specifications took about three
        // times the room, held for the whole streamed answer (docs/BENCHMARKS.md, "Streams at
        // scale").
        // It is kept for a retry only until the answer starts: a streamed answer is not retried,
        // so its request (the tool specifications are most of it) is not held for the stream.
        let mut body = Some(
            request_body(model, messages, tools)
                .map(axum::body::Bytes::from)
                .map_err(|e| LlmError::Unreachable(format!("request not serialisable: {e}")))?,
        );
        let mut trace = Trace {
            started: Instant::now(),
            first_delta: None,
        };
        let mut attempt = 0;
        let result = loop {
            attempt += 1;
            let mut produced = false;
            let mut forward = |s: String| {
                produced = true;
                on_text(s);
            };
            match self.once(&mut body, &mut forward, &mut trace).await {
                Err(e)
                    if !produced && body.is_some() && attempt < self.attempts && retryable(&e) =>
                {
                    let asked = match &e {
                        LlmError::Status { retry_after, .. } => *retry_after,
                        _ => None,
                    };
                    let jitter = f64::from(getrandom::u32().unwrap_or(0)) / f64::from(u32::MAX);
                    let Some(wait) = pause(attempt, self.backoff, asked, jitter) else {
                        tracing::warn!(attempt, error = %e, "LLM call failed and the provider asks to wait longer than a user does; not retrying");
                        break Err(e);
                    };
                    tracing::warn!(attempt, error = %e, wait_ms = wait.as_millis() as u64, "LLM call failed before any output; retrying");
                    self.stats.retry();
                    tokio::time::sleep(wait).await;
                }
                other => break other,
            }
        };
        let outcome = match &result {
            Ok(_) => "ok",
            Err(e) => e.outcome(),
        };
        self.stats
            .call(outcome, trace.first_delta, trace.started.elapsed());
        result
    }

    /// One call. `body` is taken (dropped) once the answer's text starts: no retry follows.
    async fn once(
        &self,
        body: &mut Option<axum::body::Bytes>,
        on_text: &mut (dyn FnMut(String) + Send),
        trace: &mut Trace,
    ) -> Result<Vec<ToolCall>, LlmError> {
        let Some(bytes) = body.clone() else {
            return Err(LlmError::Unreachable("the request was already sent".into()));
        };
        let mut stream = match &self.plain {
            Some(plain) => {
                let auth = self.api_key.as_ref().map(|k| format!("Bearer {k}"));
                let headers: Vec<(&str, &str)> = auth
                    .as_deref()
                    .map(|a| ("Authorization", a))
                    .into_iter()
                    .collect();
                let resp = tokio::time::timeout(
                    self.timeout,
                    plain.post("/chat/completions", &headers, &bytes),
                )
                .await
                .map_err(|_| LlmError::Timeout)?
                .map_err(|e| LlmError::Unreachable(e.to_string()))?;
                if !(200..300).contains(&resp.status) {
                    let status = resp.status;
                    let retry_after = resp
                        .retry_after
                        .as_deref()
                        .and_then(|v| retry_after(v, chrono::Utc::now()));
                    let text = tokio::time::timeout(self.timeout, resp.text(4096))
                        .await
                        .unwrap_or_default();
                    return Err(LlmError::Status {
                        status,
                        body: text.chars().take(300).collect(),
                        retry_after,
                    });
                }
                Body::Plain(resp)
            }
            None => {
                let mut req = self
                    .http
                    .post(format!("{}/chat/completions", self.base_url))
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(bytes);
                if let Some(k) = &self.api_key {
                    req = req.bearer_auth(k);
                }
                let resp = tokio::time::timeout(self.timeout, req.send())
                    .await
                    .map_err(|_| LlmError::Timeout)?
                    .map_err(|e| LlmError::Unreachable(e.without_url().to_string()))?;
                let status = resp.status();
                if !status.is_success() {
                    let retry_after = resp
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| retry_after(v, chrono::Utc::now()));
                    let text = resp.text().await.unwrap_or_default();
                    return Err(LlmError::Status {
                        status: status.as_u16(),
                        body: text.chars().take(300).collect(),
                        retry_after,
                    });
                }
                Body::General(resp)
            }
        };
        let mut calls = CallAccumulator::default();
        let mut buf: Vec<u8> = Vec::new();
        // Whether the model said why it stopped (`finish_reason`).
        let mut finished = false;
        while tokio::time::timeout(self.timeout, stream.read_into(&mut buf))
            .await
            .map_err(|_| LlmError::Timeout)??
        {
            // (A line is an event of a few hundred bytes; one that never ends is no stream.)
            if buf.len() > MAX_LINE && !buf.contains(&b'\n') {
                return Err(LlmError::Malformed(
                    "a line of the stream over 1 MiB".into(),
                ));
            }
            while let Some(pos) = buf.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = buf.drain(..=pos).collect();
                let line = String::from_utf8_lossy(&line);
                let line = line.trim_end_matches(['\r', '\n']);
                let Some(data) = line.strip_prefix("data:") else {
                    continue;
                };
                let data = data.trim();
                if data == "[DONE]" {
                    stream.finish();
                    return Ok(calls.finish());
                }
                if data.is_empty() {
                    continue;
                }
                let v: Value =
                    serde_json::from_str(data).map_err(|e| LlmError::Malformed(e.to_string()))?;
                if let Some(err) = v.get("error") {
                    return Err(LlmError::Status {
                        status: 500,
                        body: err.to_string().chars().take(300).collect(),
                        retry_after: None,
                    });
                }
                if let Some(u) = v.get("usage").filter(|u| u.is_object()) {
                    let n = |k: &str| u.get(k).and_then(Value::as_u64).unwrap_or(0);
                    self.stats
                        .tokens(n("prompt_tokens"), n("completion_tokens"));
                }
                finished |= v
                    .pointer("/choices/0/finish_reason")
                    .is_some_and(|f| f.as_str().is_some_and(|f| !f.is_empty()));
                let Some(delta) = v.pointer("/choices/0/delta") else {
                    continue;
                };
                if trace.first_delta.is_none()
                    && (delta
                        .get("content")
                        .is_some_and(|c| c.as_str().is_some_and(|c| !c.is_empty()))
                        || delta.get("tool_calls").is_some_and(Value::is_array))
                {
                    trace.first_delta = Some(trace.started.elapsed());
                }
                if let Some(text) = delta.get("content").and_then(Value::as_str)
                    && !text.is_empty()
                {
                    // The answer has started: it is not retried, so its request is let go.
                    body.take();
                    on_text(text.to_string());
                }
                if let Some(tc) = delta.get("tool_calls").and_then(Value::as_array) {
                    for (pos, c) in tc.iter().enumerate() {
                        calls.add(c, pos);
                    }
                }
            }
        }
        // A server that closes without [DONE] still gave a complete answer if it said why it
        // stopped; without either, the answer was cut off.
        if finished {
            Ok(calls.finish())
        } else {
            Err(LlmError::Incomplete)
        }
    }
}

/// How long either client waits for the provider's connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest line of a response stream.
const MAX_LINE: usize = 1024 * 1024;

/// A streamed response body, from either client.
enum Body<'a> {
    Plain(http1::Response<'a>),
    General(reqwest::Response),
}

impl Body<'_> {
    /// Append the next bytes to `buf`; false at the end of the body.
    async fn read_into(&mut self, buf: &mut Vec<u8>) -> Result<bool, LlmError> {
        match self {
            Body::Plain(r) => r
                .read_into(buf)
                .await
                .map_err(|e| LlmError::Unreachable(e.to_string())),
            Body::General(r) => match r.chunk().await {
                Ok(Some(chunk)) => {
                    buf.extend_from_slice(&chunk);
                    Ok(true)
                }
                Ok(None) => Ok(false),
                Err(e) => Err(LlmError::Unreachable(e.without_url().to_string())),
            },
        }
    }

    /// Done with it (a plain connection whose body has ended is kept for the next call).
    fn finish(self) {
        if let Body::Plain(r) = self {
            r.finish();
        }
    }
}

/// Times of one call, over its attempts.
struct Trace {
    started: Instant,
    /// When the first text or tool-call delta arrived, since `started`.
    first_delta: Option<Duration>,
}

/// The longest `Retry-After` a retry waits for: a user is watching the answer start; a provider
/// that asks for more fails the turn now (and the query is given back).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// The pause before retry number `attempt` (1-based): the provider's `Retry-After` when it sent
/// one (never less, up to a quarter more), else the exponential backoff within ±25 %; `jitter`
/// in [0, 1) spreads the retries of many turns that failed together. `None`: the provider asks
/// for longer than [`MAX_RETRY_AFTER`].
fn pause(
    attempt: u32,
    backoff: Duration,
    asked: Option<Duration>,
    jitter: f64,
) -> Option<Duration> {
    let jitter = jitter.clamp(0.0, 1.0);
    match asked {
        Some(a) if a > MAX_RETRY_AFTER => None,
        Some(a) => Some(a.mul_f64(1.0 + 0.25 * jitter)),
        None => Some(
            (backoff * 2u32.pow(attempt.saturating_sub(1).min(16))).mul_f64(0.75 + 0.5 * jitter),
        ),
    }
}

/// `Retry-After` as seconds or as an HTTP date (RFC 9110, section 10.2.3), from `now`.
fn retry_after(v: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    Some(
        (at.with_timezone(&chrono::Utc) - now)
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

fn retryable(e: &LlmError) -> bool {
    match e {
        LlmError::Unreachable(_) | LlmError::Timeout | LlmError::Incomplete => true,
        LlmError::Status { status, .. } => *status == 429 || *status >= 500,
        LlmError::Malformed(_) => false,
    }
}

/// Tool-call deltas arrive in pieces: the id and name first, the arguments in fragments.
#[derive(Default)]
struct CallAccumulator {
    calls: Vec<(Option<u64>, String, String, String)>,
}

impl CallAccumulator {
    fn add(&mut self, c: &Value, position: usize) {
        let index = c.get("index").and_then(Value::as_u64);
        let id = c.get("id").and_then(Value::as_str);
        let name = c.pointer("/function/name").and_then(Value::as_str);
        let args = c
            .pointer("/function/arguments")
            .and_then(Value::as_str)
            .unwrap_or("");
        // Find the call this fragment belongs to: by index; without one, a fragment with a new id
        // starts a call and any other continues the last one.
        let slot = match index {
            Some(i) => self.calls.iter().position(|(ci, ..)| *ci == Some(i)),
            None => match id {
                Some(id) if !id.is_empty() => self.calls.iter().position(|(_, cid, ..)| cid == id),
                _ => self.calls.len().checked_sub(1),
            },
        };
        let slot = match slot {
            Some(s) => s,
            None => {
                let fallback_id = format!("call_{}", self.calls.len() + position);
                self.calls.push((
                    index,
                    id.unwrap_or(&fallback_id).to_string(),
                    String::new(),
                    String::new(),
                ));
                self.calls.len() - 1
            }
        };
        let entry = &mut self.calls[slot];
        if let Some(id) = id.filter(|s| !s.is_empty()) {
            entry.1 = id.to_string();
        }
        if let Some(n) = name {
            entry.2.push_str(n);
        }
        entry.3.push_str(args);
    }

    fn finish(self) -> Vec<ToolCall> {
        self.calls
            .into_iter()
            .filter(|(_, _, name, _)| !name.is_empty())
            .map(|(_, id, name, args)| {
                ToolCall::new(&id, &name, if args.is_empty() { "{}" } else { &args })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn retries_wait_as_the_provider_asks_with_jitter() {
        let b = Duration::from_millis(500);
        // Exponential backoff within ±25 %.
        assert_eq!(pause(1, b, None, 0.5), Some(Duration::from_millis(500)));
        assert_eq!(pause(2, b, None, 0.0), Some(Duration::from_millis(750)));
        assert_eq!(pause(2, b, None, 1.0), Some(Duration::from_millis(1250)));
        // Retry-After: never less than asked, at most a quarter more; too long is not waited.
        let three = Duration::from_secs(3);
        assert_eq!(pause(1, b, Some(three), 0.0), Some(three));
        assert_eq!(
            pause(1, b, Some(three), 1.0),
            Some(Duration::from_millis(3750))
        );
        assert_eq!(pause(1, b, Some(Duration::from_secs(60)), 0.0), None);
        // Seconds or an HTTP date.
        let now = chrono::DateTime::parse_from_rfc2822("Mon, 07 Dec 2026 10:00:00 GMT")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after("Mon, 07 Dec 2026 10:00:04 GMT", now),
            Some(Duration::from_secs(4))
        );
        assert_eq!(
            retry_after("Mon, 07 Dec 2026 09:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn the_request_body_is_the_chat_completions_shape() {
        let messages = [ChatMessage::user("hi")];
        let tools = [ToolSpec {
            name: "query_prices",
            description: "Prices",
            parameters: json!({"type": "object"}),
        }];
        let wire = |tools: &[ToolSpec]| -> Value {
            serde_json::from_slice(&request_body("m", &messages, tools).unwrap()).unwrap()
        };
        let base = json!({"model": "m", "messages": [{"role": "user", "content": "hi"}],
                          "stream": true, "stream_options": {"include_usage": true}});
        assert_eq!(wire(&[]), base);
        let mut with_tools = base.clone();
        with_tools["tools"] = json!([{"type": "function", "function": {"name": "query_prices",
            "description": "Prices", "parameters": {"type": "object"}}}]);
        assert_eq!(wire(&tools), with_tools);
    }

    #[test]
    fn tool_call_fragments_with_and_without_index() {
        let mut a = CallAccumulator::default();
        a.add(&json!({"index": 0, "id": "call_1", "function": {"name": "query_prices", "arguments": ""}}), 0);
        a.add(
            &json!({"index": 0, "function": {"arguments": "{\"item\":"}}),
            0,
        );
        a.add(
            &json!({"index": 0, "function": {"arguments": "\"Module\"}"}}),
            0,
        );
        assert_eq!(
            a.finish(),
            vec![ToolCall::new(
                "call_1",
                "query_prices",
                "{\"item\":\"Module\"}"
            )]
        );

        let mut a = CallAccumulator::default();
        a.add(
            &json!({"id": "x1", "function": {"name": "a", "arguments": "{}"}}),
            0,
        );
        a.add(
            &json!({"id": "x2", "function": {"name": "b", "arguments": "{\"q\":"}}),
            0,
        );
        a.add(&json!({"function": {"arguments": "1}"}}), 0);
        assert_eq!(
            a.finish(),
            vec![
                ToolCall::new("x1", "a", "{}"),
                ToolCall::new("x2", "b", "{\"q\":1}")
            ]
        );
    }
}

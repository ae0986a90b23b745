//! Chat set-ups shared by the test files: a user ready to chat, a turn sent, the counters, an app
//! whose model is a fake OpenAI-compatible server, and turns over a real socket.

use serde_json::json;

use super::fake_llm::{FakeLlm, Reply};
use super::{Backend, Resp, TestApp};

/// A user who hired `agent`, with a fresh conversation: `(token, conversation id)`.
pub async fn ready(app: &TestApp, email: &str, agent: &str) -> (String, i64) {
    let t = app.user(email).await;
    app.post_json(
        "/api/v1/agent-management/hire",
        Some(&t),
        &json!({"agent_type": agent}),
    )
    .await
    .assert(201);
    let c = app
        .get("/api/v1/conversations/fresh/create-or-get", Some(&t))
        .await
        .json()["conversation_id"]
        .as_i64()
        .unwrap();
    (t, c)
}

pub async fn chat(app: &TestApp, t: &str, c: i64, message: &str, agent: &str) -> Resp {
    app.post_json(
        "/api/v1/chat/send",
        Some(t),
        &json!({"conversation_id": c, "message": message, "agent_type": agent}),
    )
    .await
}

/// Ann's `(query_count, monthly_query_count)`.
pub async fn counters(app: &TestApp) -> (i64, i64) {
    (
        app.scalar("SELECT query_count FROM fastapi_users WHERE username LIKE 'ann%'")
            .await,
        app.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username LIKE 'ann%'")
            .await,
    )
}

pub async fn openai_app(b: Backend, replies: Vec<Reply>) -> (TestApp, FakeLlm) {
    openai_app_with(b, replies, &[]).await
}

pub async fn openai_app_with(
    b: Backend,
    replies: Vec<Reply>,
    extra: &[(&str, &str)],
) -> (TestApp, FakeLlm) {
    let fake = FakeLlm::start(replies).await;
    let mut builder = TestApp::builder(b)
        .env("LLM_PROVIDER", "openai")
        .env("OPENAI_API_KEY", "test-key")
        .env("OPENAI_BASE_URL", &fake.base_url)
        .env("OPENAI_MODEL", "fake-default")
        .env("AGENT_MODEL_NEWS", "fake-news")
        .env("LLM_TIMEOUT_SECONDS", "2");
    // `extra` may override any of the above.
    for (k, v) in extra {
        builder = builder.env(k, v);
    }
    let app = builder.start().await;
    (app, fake)
}

/// Send a news turn over a real socket and read its stream until it holds `until`; returns the
/// open response and what was read.
async fn send_and_read_until(
    addr: std::net::SocketAddr,
    t: &str,
    c: i64,
    message: &str,
    until: impl Fn(&reqwest::Response) -> String,
) -> (reqwest::Response, String) {
    let mut resp = reqwest::Client::new()
        .post(format!("http://{addr}/api/v1/chat/send"))
        .bearer_auth(t)
        .json(&json!({"conversation_id": c, "message": message, "agent_type": "news"}))
        .send()
        .await
        .unwrap();
    let until = until(&resp);
    let mut seen = String::new();
    while !seen.contains(&until) {
        seen.push_str(&String::from_utf8_lossy(
            &resp.chunk().await.unwrap().expect("more body"),
        ));
    }
    (resp, seen)
}

/// Start a news turn over a real socket, read its first two events and hang up; returns the
/// turn id.
pub async fn start_and_hang_up_after_two_events(
    addr: std::net::SocketAddr,
    t: &str,
    c: i64,
) -> String {
    let turn = |r: &reqwest::Response| r.headers()["x-chat-turn-id"].to_str().unwrap().to_string();
    let (resp, _) =
        send_and_read_until(addr, t, c, "letters", |r| format!("id: {}:2", turn(r))).await;
    turn(&resp)
}

/// Send over a real socket and read until the first chunk; returns the open response.
pub async fn send_and_read_first_chunk(
    addr: std::net::SocketAddr,
    t: &str,
    c: i64,
) -> (reqwest::Response, String) {
    send_and_read_until(addr, t, c, "count", |_| "\"type\":\"chunk\"".to_string()).await
}

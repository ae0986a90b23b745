//! Data-answer set-ups shared by the test files: the sample files read independently of the
//! service, an app with the sample loaded, a conversation, and a question asked to its end.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::fake_llm::parse_sse;
use super::{Backend, TestApp};

/// The sample file, parsed here without the service's reader.
pub fn sample_rows(name: &str) -> Vec<HashMap<String, String>> {
    let path = format!("{}/data/sample/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub fn market_value(
    territory: &str,
    year: &str,
    scenario: &str,
    connection: &str,
    kind: &str,
) -> f64 {
    sample_rows("market.csv")
        .into_iter()
        .find(|r| {
            r["Territory"] == territory
                && r["Year"] == year
                && r["Scenario"] == scenario
                && r["Connection"] == connection
                && r["Type"] == kind
        })
        .map(|r| r["Capacity(MW)"].parse().unwrap())
        .unwrap_or_else(|| panic!("no sample row {territory} {year}"))
}

/// 12345.6 → "12,346" (how answers print megawatts).
pub fn thousands(v: f64) -> String {
    let s = format!("{:.0}", v);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub async fn sample_app(b: Backend) -> (TestApp, String) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let t = app.admin("ada@example.com").await;
    (app, t)
}

pub async fn conversation(app: &TestApp, t: &str) -> i64 {
    app.post_json("/api/v1/conversations/", Some(t), &json!({}))
        .await
        .json()["id"]
        .as_i64()
        .unwrap()
}

/// Ask and read the whole stream: (events, full text of the done event).
pub async fn ask(
    app: &TestApp,
    t: &str,
    c: i64,
    agent: &str,
    message: &str,
) -> (Vec<(String, Value)>, String) {
    let r = app
        .post_json(
            "/api/v1/chat/send",
            Some(t),
            &json!({"conversation_id": c, "message": message, "agent_type": agent}),
        )
        .await;
    r.assert(200);
    let events = parse_sse(&r.text());
    let done = events
        .iter()
        .find(|(_, e)| e["type"] == "done")
        .unwrap_or_else(|| panic!("no done event for {message:?}: {events:?}"));
    let full = done.1["full_response"].as_str().unwrap_or("").to_string();
    (events, full)
}

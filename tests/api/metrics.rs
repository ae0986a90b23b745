//! `METRICS_ADDR`: Prometheus metrics on their own address.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

use crate::support::*;

async fn scrape(app: &TestApp) -> String {
    let r = solarintel::http::metrics::router(app.state.clone())
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    String::from_utf8(r.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

fn value(text: &str, series: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).map(|v| v.trim().parse().unwrap()))
        .unwrap_or(0)
}

db_test!(async fn requests_and_turns_are_counted(b) {
    let app = TestApp::start(b).await;
    let t = app.admin("ada@example.com").await;
    let before = scrape(&app).await;
    app.get("/api/v1/auth/me", Some(&t)).await.assert(200);
    app.get("/api/v1/auth/me", None).await.assert(401);
    app.get("/api/v1/no-such-thing", None).await.assert(404);
    let c = app.post_json("/api/v1/conversations/", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "hi", "agent_type": "news"}))
        .await
        .assert(200);
    let after = scrape(&app).await;
    let me_ok = "solarintel_http_requests_total{group=\"auth\",method=\"GET\",status=\"2xx\"}";
    assert_eq!(value(&after, me_ok) - value(&before, me_ok), 1, "{after}");
    assert!(value(&after, "solarintel_http_requests_total{group=\"auth\",method=\"GET\",status=\"4xx\"}") >= 1);
    assert_eq!(value(&after, "solarintel_http_requests_total{group=\"other\",method=\"GET\",status=\"4xx\"}"), 1);
    assert_eq!(value(&after, "solarintel_chat_turns_total{outcome=\"done\"}"), 1, "{after}");
    assert!(after.contains("solarintel_http_request_duration_seconds_bucket{group=\"auth\",le=\"+Inf\"}"));
    assert!(after.contains("# TYPE solarintel_http_request_duration_seconds histogram"));
    assert!(after.contains("solarintel_db_connections{state=\"idle\"}"));
    assert!(after.contains("process_resident_memory_bytes"));
});

db_test!(async fn llm_calls_retries_latency_and_tokens_are_counted(b) {
    use crate::support::chat::{chat, openai_app, ready};
    use crate::support::fake_llm::Reply;
    // a 503 retried, then a streamed answer; then a 401 that is not retried
    let (app, _fake) = openai_app(b, vec![
        Reply::Status(503),
        Reply::Text(vec!["Italy installed ", "6.7 GW."], std::time::Duration::ZERO),
        Reply::Status(401),
    ]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    chat(&app, &t, c, "How much did Italy install?", "news").await.assert(200);
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_llm_calls_total{provider=\"openai\",outcome=\"ok\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_llm_retries_total{provider=\"openai\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_llm_tokens_total{provider=\"openai\",kind=\"prompt\"}"), 11, "{m}");
    assert_eq!(value(&m, "solarintel_llm_tokens_total{provider=\"openai\",kind=\"completion\"}"), 2, "{m}");
    assert_eq!(value(&m, "solarintel_llm_first_token_seconds_count{provider=\"openai\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_llm_call_duration_seconds_count{provider=\"openai\"}"), 1, "{m}");
    assert!(m.contains("# TYPE solarintel_llm_first_token_seconds histogram"));
    chat(&app, &t, c, "And Spain?", "news").await.assert(200);
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_llm_calls_total{provider=\"openai\",outcome=\"status_4xx\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_llm_retries_total{provider=\"openai\"}"), 1, "a 401 is not retried: {m}");
    assert_eq!(value(&m, "solarintel_llm_call_duration_seconds_count{provider=\"openai\"}"), 2, "{m}");
    assert_eq!(value(&m, "solarintel_llm_first_token_seconds_count{provider=\"openai\"}"), 1, "no token, no first-token time: {m}");
});

db_test!(async fn refusals_are_counted_by_kind(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "2").env("RATE_LIMIT_PER_MINUTE", "1000").start().await;
    let t = app.user("ann@example.com").await; // one attempt from this address (register)
    let path = "/api/v1/profile/change-password";
    let body = |cur: &str| json!({"current_password": cur, "new_password": "new-password-1", "confirm_password": "new-password-1"});
    for i in 0..2 {
        app.post_json(path, Some(&t), &body(&format!("guess-{i}"))).await.assert(401);
    }
    app.post_json(path, Some(&t), &body("guess")).await.assert(429);
    app.login_raw("ann@example.com", "wrong").await.assert(401);
    app.login_raw("ann@example.com", "wrong").await.assert(429);
    // an open stream of a new turn
    let _held = app.state.streams.acquire(cred(4242), None).unwrap();
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"change_password\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"login_address\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"login_account\"}"), 0, "{m}");
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"rate_limit\"}"), 0, "{m}");
    assert_eq!(value(&m, "solarintel_chat_streams_open{kind=\"live\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_chat_streams_open{kind=\"resumed\"}"), 0, "{m}");

    let app = TestApp::builder(b).env("RATE_LIMIT_PER_MINUTE", "2").start().await;
    for code in [401, 401, 429] {
        app.get("/api/v1/auth/me", None).await.assert(code);
    }
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"rate_limit\"}"), 1, "{m}");
});

db_test!(async fn chat_stream_caps_are_counted(b) {
    let app = TestApp::builder(b).env("CHAT_MAX_STREAMS_PER_USER", "2").env("CHAT_MAX_STREAMS_PER_TURN", "1").start().await;
    let s = &app.state.streams;
    let live = s.acquire(cred(7), None).unwrap();
    let resumed = s.acquire(cred(7), Some(3)).unwrap();
    assert!(s.acquire(cred(7), None).is_err());
    drop(live);
    assert!(s.acquire(cred(7), Some(3)).is_err());
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_chat_streams_open{kind=\"live\"}"), 0, "{m}");
    assert_eq!(value(&m, "solarintel_chat_streams_open{kind=\"resumed\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"chat_streams_user\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_refusals_total{kind=\"chat_streams_turn\"}"), 1, "{m}");
    drop(resumed);
    assert_eq!(value(&scrape(&app).await, "solarintel_chat_streams_open{kind=\"resumed\"}"), 0);
});

db_test!(async fn jobs_report_last_success_duration_and_failures(b) {
    let app = TestApp::start(b).await;
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_job_last_success_timestamp_seconds{job_name=\"cleanup\"}"), 0, "{m}");
    let before = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    solarintel::jobs::run_leased(&app.state, "cleanup", true).await.unwrap();
    let m = scrape(&app).await;
    let last = value(&m, "solarintel_job_last_success_timestamp_seconds{job_name=\"cleanup\"}");
    assert!(last >= before && last <= before + 60, "{m}");
    assert_eq!(value(&m, "solarintel_job_duration_seconds_count{job_name=\"cleanup\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_job_failures_total{job_name=\"cleanup\"}"), 0, "{m}");
    // a database that is gone fails the job
    app.state.db.close().await;
    assert!(solarintel::jobs::run_leased(&app.state, "monthly_reset", true).await.is_err());
    let m = scrape(&app).await;
    assert_eq!(value(&m, "solarintel_job_failures_total{job_name=\"monthly_reset\"}"), 1, "{m}");
    assert_eq!(value(&m, "solarintel_job_last_success_timestamp_seconds{job_name=\"monthly_reset\"}"), 0, "{m}");
});

// The last success is the database's, so a replica that did not run the job (or restarted
// since) reports it too, and the label is not Prometheus's own `job`.
db_test!(async fn a_job_run_elsewhere_counts_as_its_last_success(b) {
    let first = TestApp::start(b).await;
    solarintel::jobs::run_leased(&first.state, "cleanup", true).await.unwrap();
    let other = TestApp::builder(b).same_database_as(&first).start().await;
    let m = scrape(&other).await;
    let last = value(&m, "solarintel_job_last_success_timestamp_seconds{job_name=\"cleanup\"}");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    assert!(last + 60 >= now && last <= now, "{m}");
    assert!(!m.contains("{job="), "{m}");
});

fn cred(user: i32) -> solarintel::chat::streams::Credentials {
    solarintel::chat::streams::Credentials {
        user,
        iat: 0,
        version: 0,
        token_hash: String::new(),
    }
}

// The build and the standard process figures are exported.
db_test!(async fn build_info_and_process_figures(b) {
    let app = TestApp::start(b).await;
    let m = scrape(&app).await;
    let info = m.lines().find(|l| l.starts_with("solarintel_build_info{")).unwrap_or_else(|| panic!("{m}"));
    assert!(info.contains(&format!("version=\"{}\"", env!("CARGO_PKG_VERSION"))) && info.contains("commit=\"") && info.ends_with(" 1"), "{info}");
    assert!(value(&m, "process_open_fds") > 0 && value(&m, "process_max_fds") >= value(&m, "process_open_fds"), "{m}");
    let started: f64 = m.lines().find_map(|l| l.strip_prefix("process_start_time_seconds ")).unwrap().parse().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64();
    assert!(started <= now + 1.0 && started > now - 3600.0, "{started} {now}");
    assert!(m.contains("\nprocess_cpu_seconds_total "), "{m}");
});

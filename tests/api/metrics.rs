//! `METRICS_ADDR`: Prometheus metrics on their own address.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

use crate::support::*;

async fn scrape(app: &TestApp) -> String {
    let r = solarintel::metrics::router(app.state.clone())
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

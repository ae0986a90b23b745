//! `/api/v1/chat`: the agent list, the test stream, approval decisions and the contact form.

use serde_json::json;

use crate::support::*;

// The nine of the first contract, then the five the current app added (decision L2: additions
// only).
db_test!(async fn agents_list_the_fourteen_routable_types(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let v = app.get("/api/v1/chat/agents", Some(&t)).await.json();
    let keys: Vec<&String> = v["agent_types"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["market", "price", "news", "digitalization", "nzia_policy", "nzia_market_impact", "manufacturer_financial", "leo_om", "weaviate", "component_prices", "seamless", "quality", "storage_optimization", "bipv_design"]);
    assert_eq!(v["agent_types"]["leo_om"], "Operations & Maintenance Agent");
    app.get("/api/v1/chat/agents", None).await.assert(401);
});

db_test!(async fn test_stream_framing_and_headers(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let r = app.post_empty("/api/v1/chat/test-streaming", Some(&t)).await;
    r.assert(200);
    assert_eq!(r.header("content-type"), Some("text/event-stream; charset=utf-8"));
    assert_eq!(r.header("cache-control"), Some("no-cache, no-transform"));
    assert_eq!(r.header("x-accel-buffering"), Some("no"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let mut want = String::new();
    for i in 1..=5 {
        want.push_str(&format!("id: 0:{i}\ndata: {{\"type\":\"chunk\",\"content\":\"Test chunk {i}\"}}\n\n"));
    }
    want.push_str("id: 0:6\ndata: {\"type\":\"done\",\"full_response\":\"Test completed\"}\n\n");
    assert_eq!(r.text(), want);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    app.post_empty("/api/v1/chat/test-streaming", None).await.assert(401);
});

db_test!(async fn approval_decisions_are_recorded_in_own_conversations_only(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let id = app.post_json("/api/v1/conversations", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    let r = app.post_json("/api/v1/chat/approval_response", Some(&t), &json!({"approved": true, "conversation_id": id.to_string(), "context": "expert_contact"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "redirect_to_contact": true,
        "message": "Excellent! Let me open the contact form for you. Please fill in your details and our experts will reach out to you within 24-48 hours with personalized insights.\n\n**Opening contact form...**"}));
    let msgs = app.get(&format!("/api/v1/conversations/{id}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[0]["sender"], "user");
    assert_eq!(msgs[0]["content"], json!({"type": "string", "value": "Yes, I want to contact an expert", "comment": null}).to_string());
    assert_eq!(msgs[1]["sender"], "bot");
    let r = app.post_json("/api/v1/chat/approval_response", Some(&t), &json!({"approved": false, "conversation_id": id})).await;
    assert_eq!(r.json(), json!({"success": true, "message": "No problem! Can I help you with other queries then?", "redirect_to_contact": false}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 4);
    // someone else's conversation, or 0: same answer, nothing written (decision F6)
    app.post_json("/api/v1/chat/approval_response", Some(&other), &json!({"approved": true, "conversation_id": id})).await.assert(200);
    app.post_json("/api/v1/chat/approval_response", Some(&t), &json!({"approved": true, "conversation_id": 0})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 4);
    let r = app.post_json("/api/v1/chat/approval_response", Some(&t), &json!({"approved": "perhaps", "conversation_id": "x"})).await;
    assert_eq!(r.error_types(), ["bool_parsing", "int_parsing"]);
});

db_test!(async fn contact_form(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    let r = app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": "  Need a custom report  ", "selected_experts": ["senior-analyst", "ai-expert"]})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "message": "Thank you! Our experts will reach out within 24-48 hours."}));
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_contact_request WHERE user_id = {uid} AND name = 'Ann Example' AND email = 'ann@example.com' \
        AND message = 'Need a custom report' AND source = 'artifact_panel' AND status = 'pending' AND company IS NULL \
        AND selected_experts = '[\"senior-analyst\",\"ai-expert\"]'")).await, 1);
    app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": "x", "selected_experts": []})).await.assert(200);
    app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": "y"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request WHERE selected_experts IS NULL").await, 2);
    app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": "   "})).await.assert_detail(400, "Message is required");
    assert_eq!(app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": ""})).await.error_types(), ["string_too_short"]);
    // the profile lists them, newest first
    let p = app.get("/api/v1/profile", Some(&t)).await.json();
    assert_eq!(p["contact_requests"].as_array().unwrap().len(), 3);
    assert_eq!(p["contact_requests"][0]["message"], "y");
});

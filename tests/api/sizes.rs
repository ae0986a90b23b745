//! Size caps on the free text that is stored: far above what the React app sends,
//! answered with the contract's 422 `string_too_long`.

use serde_json::{Value, json};

use crate::support::*;

fn too_long(r: &Resp, loc: Value, max: usize) {
    // not `Resp::assert`: it would print the whole long body
    assert_eq!(
        r.status,
        422,
        "{}",
        r.text().chars().take(300).collect::<String>()
    );
    let d = r.detail();
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["type"], "string_too_long");
    assert_eq!(d[0]["loc"], loc);
    assert_eq!(
        d[0]["msg"],
        format!("String should have at most {max} characters")
    );
    assert_eq!(d[0]["ctx"], json!({"max_length": max}));
}

db_test!(async fn stored_message_content_is_capped(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let c = app.post_json("/api/v1/conversations", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    let path = format!("/api/v1/conversations/{c}/messages");
    // counted in characters: 100,000 two-byte characters are accepted
    let r = app.post_json(&path, Some(&t), &json!({"sender": "bot", "content": "é".repeat(100_000)})).await;
    r.assert(201);
    let r = app.post_json(&path, Some(&t), &json!({"sender": "user", "content": "x".repeat(100_001)})).await;
    too_long(&r, json!(["body", "content"]), 100_000);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = {c}")).await, 1);
});

db_test!(async fn contact_and_survey_free_text_is_capped(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let contact = "/api/v1/chat/contact/submit";
    app.post_json(contact, Some(&t), &json!({"message": "m".repeat(5000)})).await.assert(200);
    let r = app.post_json(contact, Some(&t), &json!({"message": "m".repeat(5001)})).await;
    too_long(&r, json!(["body", "message"]), 5000);
    let r = app.post_json(contact, Some(&t), &json!({"message": "hi", "selected_experts": ["ai-expert", "e".repeat(101)]})).await;
    too_long(&r, json!(["body", "selected_experts", 1]), 100);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request").await, 1);
    // `context` of the approval answer is only logged, and capped too
    let r = app.post_json("/api/v1/chat/approval_response", Some(&t), &json!({"approved": false, "conversation_id": 0, "context": "c".repeat(201)})).await;
    too_long(&r, json!(["body", "context"]), 200);

    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &json!({"role": "r", "regions": ["EU"], "familiarity": "f", "insights": ["i"]})).await.assert(200);
    let stage2 = |w: String| json!({"work_focus": "w", "pv_segments": [], "technologies": [], "challenges": [], "weekly_insight": w});
    let r = app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2("w".repeat(5001))).await;
    too_long(&r, json!(["body", "weekly_insight"]), 5000);
    app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2("w".repeat(5000))).await.assert(200);
});

db_test!(async fn deletion_reason_is_capped(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let r = app.post_json("/api/v1/auth/request-deletion", Some(&t), &json!({"reason": "x".repeat(2_001)})).await;
    too_long(&r, json!(["body", "reason"]), 2_000);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE deleted = TRUE").await, 0);
    app.post_json("/api/v1/auth/request-deletion", Some(&t), &json!({"reason": "é".repeat(2_000)})).await.assert(200);
});

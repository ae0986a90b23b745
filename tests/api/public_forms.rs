//! The current app's landing contact form and agent recommendation.

use serde_json::json;

use crate::support::*;

db_test!(async fn the_landing_contact_form_stores_a_request_without_an_account(b) {
    let app = TestApp::start(b).await;
    let r = app
        .post_json("/api/v1/contact/submit", None, &json!({
            "name": "Ann Example", "email": "ann@example.com", "company": "PV Co", "message": "Please call me."
        }))
        .await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "message": "Thank you for your message! We'll get back to you soon."}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request WHERE user_id IS NULL AND source = 'landing_page' AND company = 'PV Co' AND status = 'pending' AND email = 'ann@example.com'").await, 1);
    // It is listed with the other contact requests for the admins.
    let admin = app.admin("boss@example.com").await;
    let list = app.get("/api/v1/admin/contact-requests", Some(&admin)).await.json();
    assert_eq!(list["items"][0]["source"], "landing_page", "{list}");
    // Bad input: a clear error in the contract's shape, nothing stored.
    let r = app.post_json("/api/v1/contact/submit", None, &json!({"name": "A", "email": "not-an-email", "message": "x"})).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["value_error"]);
    assert_eq!(r.detail()[0]["loc"], json!(["body", "email"]));
    let r = app.post_json("/api/v1/contact/submit", None, &json!({"name": "A", "email": "a@example.com", "message": "x".repeat(5001)})).await;
    assert_eq!(r.error_types(), ["string_too_long"]);
    app.post_json("/api/v1/contact/submit", None, &json!({"name": "A", "email": "a@example.com"})).await.assert(422);
    app.post_json("/api/v1/contact/submit", None, &json!({"name": "  ", "email": "a@example.com", "message": "hi"})).await
        .assert_detail(400, "Name and message are required");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request").await, 1);
});

db_test!(async fn recommendations_are_offline_and_for_users_only(b) {
    let app = TestApp::start(b).await;
    app.post_json("/api/v1/recommendations/recommend", None, &json!({"query": "module prices"})).await.assert(401);
    let t = app.user("rec@example.com").await;
    let r = app.post_json("/api/v1/recommendations/recommend", Some(&t), &json!({"query": "Module prices in China and LONGi's revenue"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"recommended_agents": ["manufacturer_financial", "component_prices"]}));
    let r = app.post_json("/api/v1/recommendations/recommend", Some(&t), &json!({"query": "something else entirely"})).await;
    assert_eq!(r.json(), json!({"recommended_agents": ["market"]}));
    // The old service's 500 for an empty query is the 400 it meant.
    app.post_json("/api/v1/recommendations/recommend", Some(&t), &json!({"query": "   "})).await
        .assert_detail(400, "Query cannot be empty");
    let r = app.post_json("/api/v1/recommendations/recommend", Some(&t), &json!({"query": "x".repeat(2001)})).await;
    assert_eq!(r.error_types(), ["string_too_long"]);
});

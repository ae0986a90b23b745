//! The waitlist: `/api/v1/auth/waitlist/*` and the `/api/v1/waitlist/join` alias.

use serde_json::json;

use crate::support::*;

const JOINED: &str = "Successfully added to waitlist! We'll notify you when access is available.";

db_test!(async fn join_and_check(b) {
    let app = TestApp::start(b).await;
    let r = app.get("/api/v1/auth/waitlist/check/w@example.com", None).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"in_waitlist": false, "message": "Email not in waitlist"}));
    let r = app.post_json("/api/v1/auth/waitlist/join", None, &json!({"email": "w@example.com", "interested_agents": "price"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": JOINED}));
    let r = app.get("/api/v1/auth/waitlist/check/w@example.com", None).await;
    assert_eq!(r.json(), json!({"in_waitlist": true, "message": "Email is in waitlist"}));
    app.post_json("/api/v1/auth/waitlist/join", None, &json!({"email": "w@example.com"})).await
        .assert_detail(400, "Email already in waitlist");
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "w@example.com", "agents": ["market"]})).await
        .assert_detail(400, "Email already in waitlist");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist WHERE interested_agents = 'price' AND notified = FALSE AND ip_address IS NULL").await, 1);
    assert!(app.mail.all().is_empty());
});

db_test!(async fn alias_stores_agents_as_json(b) {
    let app = TestApp::start(b).await;
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "a@example.com", "agents": ["market", "price"]})).await.assert(200);
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "b@example.com", "agents": []})).await.assert(200);
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "c@example.com"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist WHERE email = 'a@example.com' AND interested_agents = '[\"market\",\"price\"]'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist WHERE interested_agents IS NULL").await, 2);
});

db_test!(async fn validation(b) {
    let app = TestApp::start(b).await;
    let long = format!("{}@example.com", "x".repeat(110));
    for path in ["/api/v1/auth/waitlist/join", "/api/v1/waitlist/join"] {
        let r = app.post_json(path, None, &json!({"email": long})).await;
        r.assert(422);
        assert_eq!(r.detail()[0]["msg"], "String should have at most 120 characters");
        app.post_json(path, None, &json!({})).await.assert(422);
    }
    let r = app.post_json("/api/v1/waitlist/join", None, &json!({"email": "a@b.c", "agents": "market"})).await;
    assert_eq!(r.error_types(), ["list_type"]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist").await, 0);
});

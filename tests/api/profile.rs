//! `/api/v1/profile` and `/api/v1/profile/change-password`.

use axum::http::Method;
use serde_json::json;
use solarintel::domain::plans::Plan;

use crate::support::fixtures::Survey;
use crate::support::*;

db_test!(async fn profile_shows_plan_usage_and_contacts(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    let uid = app.state.jwt.verify(&token).unwrap().user_id;
    app.exec(&format!(
        "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES ({uid}, 'a', 'market', '2026-01-01 00:00:00'), ({uid}, 'b', 'price', '2026-01-02 00:00:00'), (999, 'other', 'market', '2026-01-02 00:00:00')"
    )).await;
    app.exec("INSERT INTO fastapi_messages (conversation_id, sender, content) SELECT id, 'user', 'hi' FROM fastapi_conversations").await;
    app.survey_answered(uid, Survey { role: "analyst", regions: &["EU"], familiarity: "expert", insights: &["prices"], bonus: 5 }).await;
    app.account("ann@example.com").monthly_count(3).query_count(7).last_query(at("2026-11-20 08:00:01.25")).apply().await;
    for i in 0..12 {
        app.exec(&format!("INSERT INTO fastapi_contact_request (user_id, name, email, message, source, status, created_at) VALUES ({uid}, 'Ann', 'ann@example.com', 'm{i}', 'artifact_panel', 'pending', '2026-02-{:02} 10:00:00')", i + 1)).await;
    }
    app.exec("INSERT INTO fastapi_contact_request (name, email, message, source) VALUES ('X', 'x@example.com', 'other', 'landing_page')").await;

    let r = app.get("/api/v1/profile", Some(&token)).await;
    r.assert(200);
    let v = r.json();
    assert_eq!(v["user"]["username"], "ann@example.com");
    assert_eq!(v["user"]["full_name"], "Ann Example");
    assert_eq!(v["user"]["query_count"], 7);
    assert_eq!(v["plan_info"], json!({"type": "free", "status": "Free Tier", "end_date": null}));
    let u = &v["usage_stats"];
    assert_eq!(u["monthly_queries"], 3);
    assert_eq!(u["query_limit"], "10");
    assert_eq!(u["queries_remaining"], "7");
    assert_eq!(u["total_queries"], 7);
    assert_eq!(u["total_conversations"], 2);
    assert_eq!(u["total_messages"], 2);
    assert_eq!(u["account_age_days"], 0);
    assert_eq!(u["last_query_date"], "2026-11-20T08:00:01.250000");
    let contacts = v["contact_requests"].as_array().unwrap();
    assert_eq!(contacts.len(), 10);
    assert_eq!(contacts[0]["message"], "m11");
    assert_eq!(contacts[0]["created_at"], "2026-02-12T10:00:00");
    assert_eq!(contacts[0]["company"], json!(null));

    // paid plans are Active; the limit has no bonus; remaining never negative
    app.account("ann@example.com").plan(Plan::Max).monthly_count(20000).apply().await;
    let v = app.get("/api/v1/profile", Some(&token)).await.json();
    assert_eq!(v["plan_info"]["status"], "Active");
    assert_eq!(v["usage_stats"]["query_limit"], "10000");
    assert_eq!(v["usage_stats"]["queries_remaining"], "0");
    app.get("/api/v1/profile", None).await.assert_detail(401, "Not authenticated");
});

db_test!(async fn profile_reads_nulls_as_the_contract_says(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    app.account("ann@example.com").role(None).plan(None).query_count(None).monthly_count(None).created(None).apply().await;
    let v = app.get("/api/v1/profile", Some(&token)).await.json();
    assert_eq!(v["user"]["role"], "user");
    assert_eq!(v["user"]["plan_type"], "free");
    assert_eq!(v["user"]["query_count"], 0);
    assert_eq!(v["user"]["monthly_query_count"], 0);
    assert_eq!(v["user"]["created_at"], json!(null));
    assert_eq!(v["usage_stats"]["account_age_days"], 0);
    assert_eq!(v["usage_stats"]["query_limit"], "5");
});

db_test!(async fn update_full_name(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    let r = app.send_json(Method::PUT, "/api/v1/profile", Some(&token), &json!({"full_name": "Ann B. Example"})).await;
    r.assert(200);
    let v = r.json();
    assert_eq!(v["full_name"], "Ann B. Example");
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["created_at", "full_name", "monthly_query_count", "plan_type", "query_count", "role", "username"]);
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.json()["full_name"], "Ann B. Example");
    let r = app.send_json(Method::PUT, "/api/v1/profile", Some(&token), &json!({"full_name": "x".repeat(101)})).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["string_too_long"]);
    app.send_json(Method::PUT, "/api/v1/profile", Some(&token), &json!({})).await.assert(422);
    app.send_json(Method::PUT, "/api/v1/profile", None, &json!({"full_name": "x"})).await.assert(401);
});

db_test!(async fn change_password_keeps_this_session_only(b) {
    let app = TestApp::start(b).await;
    let current = app.user("ann@example.com").await;
    let uid = app.state.jwt.verify(&current).unwrap().user_id;
    // another session issued earlier (of an account created before it)
    app.backdate_account(i64::from(uid), 60).await;
    let other = app.state.jwt.issue(uid, 0, chrono::Utc::now().timestamp() - 30);
    let path = "/api/v1/profile/change-password";
    let body = |cur: &str, new: &str, conf: &str| json!({"current_password": cur, "new_password": new, "confirm_password": conf});
    app.post_json(path, Some(&current), &body(PASSWORD, "new-password-1", "new-password-2")).await
        .assert_detail(400, "New passwords do not match");
    app.post_json(path, Some(&current), &body(PASSWORD, "short", "short")).await
        .assert_detail(400, "Password must be at least 8 characters");
    // (a wrong guess with the session that then changes the password would cost it its
    // exemption: see security::a_password_change_after_wrong_guesses_exempts_no_token)
    let r = app.post_json(path, Some(&other), &body("wrong", "new-password-1", "new-password-1")).await;
    r.assert_detail(401, "Current password is incorrect");
    assert!(r.header("www-authenticate").is_none());
    app.post_json(path, Some(&current), &json!({"current_password": PASSWORD})).await.assert(422);
    let r = app.post_json(path, Some(&current), &body(PASSWORD, "new-password-1", "new-password-1")).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Password updated successfully"}));
    app.get("/api/v1/auth/me", Some(&current)).await.assert(200);
    app.get("/api/v1/auth/me", Some(&other)).await.assert_detail(401, "Could not validate credentials");
    app.login_raw("ann@example.com", PASSWORD).await.assert(401);
    let fresh = app.login("ann@example.com", "new-password-1").await;
    app.get("/api/v1/auth/me", Some(&fresh)).await.assert(200);
});

db_test!(async fn long_passwords_follow_the_72_byte_rule(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    let long = "é".repeat(40); // 80 bytes
    app.post_json("/api/v1/profile/change-password", Some(&token), &json!({"current_password": PASSWORD, "new_password": long, "confirm_password": long})).await.assert(200);
    // bcrypt sees the first 72 bytes, as the old service did
    app.login("ann@example.com", &"é".repeat(36)).await;
    app.login("ann@example.com", &long).await;
});

db_test!(async fn argon2id_for_new_hashes_and_both_verify(b) {
    let app = TestApp::builder(b).env("PASSWORD_HASH", "argon2id").start().await;
    app.register("ann@example.com").await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE password_hash LIKE '$argon2id$%'").await, 1);
    app.login("ann@example.com", PASSWORD).await;
    // an old bcrypt hash still verifies
    app.account("ann@example.com").password_hash("$2b$12$kFgEewbG5kTTgh5.yqGoB.uRHUsv9ywuNUcjR6KgQnpnfcZo6mI.q").apply().await;
    app.login("ann@example.com", "Sunny-Panel-2024!").await;
});

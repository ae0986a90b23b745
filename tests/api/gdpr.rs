//! GDPR of the current React app (decision L7): the data export, the processing log and the
//! restriction of processing that stops chat.

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::answers::{ask, conversation};
use crate::support::*;

async fn user_id(app: &TestApp, email: &str) -> i64 {
    app.scalar(&format!(
        "SELECT id FROM fastapi_users WHERE username = '{email}'"
    ))
    .await
}

/// `n` conversations of `user`, each with one message, and one more with `messages` messages:
/// written directly, to make a history longer than the export's pages.
async fn long_history(app: &TestApp, user: i64, n: i64, messages: i64) -> i64 {
    app.exec(&format!(
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {n}) \
         INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) \
         SELECT {user}, 'bulk ' || i, 'market', CURRENT_TIMESTAMP FROM k"
    ))
    .await;
    app.exec(&format!(
        "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) \
         SELECT id, 'user', '{{\"type\":\"string\",\"value\":\"one\",\"comment\":null}}', CURRENT_TIMESTAMP \
         FROM fastapi_conversations WHERE user_id = {user} AND title LIKE 'bulk %'"
    ))
    .await;
    app.exec(&format!(
        "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES ({user}, 'long', 'news', CURRENT_TIMESTAMP)"
    ))
    .await;
    let long = app
        .scalar(&format!(
            "SELECT MAX(id) FROM fastapi_conversations WHERE user_id = {user} AND title = 'long'"
        ))
        .await;
    app.exec(&format!(
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {messages}) \
         INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) \
         SELECT {long}, CASE WHEN i % 2 = 1 THEN 'user' ELSE 'bot' END, \
           '{{\"type\":\"string\",\"value\":\"m' || i || '\",\"comment\":null}}', CURRENT_TIMESTAMP FROM k"
    ))
    .await;
    long
}

db_test!(async fn the_export_is_everything_stored_about_the_caller_and_nothing_else(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let ann = user_id(&app, "ann@example.com").await;
    let other = app.user("bob@example.com").await;
    // Ann's data through the API: a conversation with messages, a hire, a survey, a contact
    // request, the waitlist, a profile read.
    let c = conversation(&app, &t).await;
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "user", "content": "{\"type\":\"string\",\"value\":\"Italy 2024?\",\"comment\":null}"}))
        .await
        .assert(201);
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "news"})).await.assert(201);
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &json!({"role": "analyst", "regions": ["EU"], "familiarity": "expert", "insights": ["prices"]}))
        .await
        .assert(200);
    app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"message": "Call me", "selected_experts": ["senior-analyst"]})).await.assert(200);
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "ann@example.com"})).await.assert(200);
    app.get("/api/v1/profile", Some(&t)).await.assert(200);
    // Bob's conversation must not appear in Ann's file.
    let bc = conversation(&app, &other).await;
    app.post_json(&format!("/api/v1/conversations/{bc}/messages"), Some(&other), &json!({"sender": "user", "content": "bob's secret"}))
        .await
        .assert(201);
    // A history longer than the export's pages (100 conversations, 200 messages a read).
    let long = long_history(&app, ann, 130, 450).await;

    let r = app.get("/api/v1/profile/export-data", Some(&t)).await;
    r.assert(200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let cd = r.header("content-disposition").unwrap().to_string();
    let prefix = format!("attachment; filename=\"solar_intelligence_data_export_{ann}_");
    assert!(cd.starts_with(&prefix) && cd.ends_with(".json\""), "{cd}");
    let stamp = &cd[prefix.len()..cd.len() - ".json\"".len()];
    assert!(stamp.len() == 15 && stamp.as_bytes()[8] == b'_' && stamp.replace('_', "").chars().all(|ch| ch.is_ascii_digit()), "{cd}");
    let text = r.text();
    assert!(!text.contains("bob"), "another user's data leaked into the export");
    let x: Value = serde_json::from_str(&text).expect("the file is one JSON document");

    assert_eq!(x["export_metadata"]["export_format"], "JSON");
    assert_eq!(x["export_metadata"]["gdpr_article"], "Article 20 - Right to Data Portability");
    assert_eq!(x["export_metadata"]["data_controller"], "Becquerel Institute");
    assert_eq!(x["user_profile"]["id"], ann);
    assert_eq!(x["user_profile"]["username"], "ann@example.com");
    assert_eq!(x["user_profile"]["full_name"], "Ann Example");
    assert_eq!(x["user_profile"]["processing_restricted"], false);
    assert_eq!(x["gdpr_consents"]["gdpr_consent_given"], true);
    assert_eq!(x["gdpr_consents"]["terms_version"], "1.0");

    let convs = &x["conversations"];
    assert_eq!(convs["total_conversations"], 132);
    assert_eq!(convs["total_messages"], 1 + 130 + 450);
    let data = convs["data"].as_array().unwrap();
    assert_eq!(data.len(), 132);
    let ids: Vec<i64> = data.iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "oldest first, each once");
    let first = data.iter().find(|d| d["id"] == c).unwrap();
    assert_eq!(first["message_count"], 1);
    assert_eq!(first["messages"][0]["sender"], "user");
    assert_eq!(first["messages"][0]["content"], json!({"type": "string", "value": "Italy 2024?", "comment": null}), "content is parsed");
    let long = data.iter().find(|d| d["id"] == long).unwrap();
    assert_eq!(long["title"], "long");
    assert_eq!(long["agent_type"], "news");
    assert_eq!(long["message_count"], 450);
    let values: Vec<String> = long["messages"].as_array().unwrap().iter().map(|m| m["content"]["value"].as_str().unwrap().to_string()).collect();
    assert_eq!(values.first().map(String::as_str), Some("m1"));
    assert_eq!(values.last().map(String::as_str), Some("m450"));
    assert_eq!(values.len(), 450);

    assert_eq!(x["surveys"]["stage1"]["role"], "analyst");
    assert_eq!(x["surveys"]["stage1"]["regions"], json!(["EU"]));
    assert_eq!(x["surveys"]["stage2"], Value::Null);
    assert_eq!(x["hired_agents"].as_array().unwrap().len(), 1);
    assert_eq!(x["hired_agents"][0]["agent_type"], "news");
    assert_eq!(x["hired_agents"][0]["is_active"], true);
    assert_eq!(x["contact_requests"][0]["message"], "Call me");
    assert_eq!(x["contact_requests"][0]["selected_experts"], json!(["senior-analyst"]));
    assert_eq!(x["waitlist"][0]["email"], "ann@example.com");
    assert_eq!(x["agent_grants"], json!([]));
    let logs = x["data_processing_logs"]["data"].as_array().unwrap();
    assert_eq!(x["data_processing_logs"]["description"], "Last 100 data processing activities for transparency");
    let kinds: Vec<&str> = logs.iter().map(|l| l["activity_type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["data_export", "data_access"], "the download itself is logged, newest first");
    assert_eq!(logs[0]["endpoint"], "/api/v1/profile/export-data");
    assert_eq!(logs[0]["legal_basis"], "consent");
    assert_eq!(logs[1]["data_categories"], json!(["profile", "usage_stats", "contact_requests"]));
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_data_processing_logs WHERE user_id = {ann} AND activity_type = 'data_export' AND method = 'GET' AND ip_address = '127.0.0.1'")).await, 1);

    // Bob's own file has only his conversation.
    let bobs: Value = app.get("/api/v1/profile/export-data", Some(&other)).await.json();
    assert_eq!(bobs["conversations"]["total_conversations"], 1);
    assert_eq!(bobs["conversations"]["data"][0]["messages"][0]["content"], "bob's secret", "text that is not JSON stays text");
    assert_eq!(bobs["data_processing_logs"]["data"].as_array().unwrap().len(), 1);

    app.get("/api/v1/profile/export-data", None).await.assert_detail(401, "Not authenticated");
    app.get("/api/v1/profile/export-data", Some("not-a-token")).await.assert(401);
});

db_test!(async fn a_restriction_stops_chat_until_it_is_lifted(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let ann = user_id(&app, "ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    for tok in [&t, &bob] {
        app.post_json("/api/v1/agent-management/hire", Some(tok), &json!({"agent_type": "market"})).await.assert(201);
    }
    let c = conversation(&app, &t).await;
    let status = app.get("/api/v1/profile/restriction-status", Some(&t)).await;
    status.assert(200);
    assert_eq!(status.json(), json!({"restricted": false, "message": "No active processing restrictions"}));

    // Refused requests change nothing.
    let bad = app.post_json("/api/v1/profile/request-restriction", Some(&t), &json!({"reason": "x", "grounds": "because"})).await;
    bad.assert_detail(400, "Invalid grounds. Must be one of: accuracy, unlawful, no_longer_needed, objection");
    let missing = app.post_json("/api/v1/profile/request-restriction", Some(&t), &json!({"grounds": "accuracy"})).await;
    missing.assert(422);
    assert_eq!(missing.json()["detail"][0]["loc"], json!(["body", "reason"]));
    let long = app.post_json("/api/v1/profile/request-restriction", Some(&t), &json!({"reason": "r".repeat(2001), "grounds": "accuracy"})).await;
    long.assert(422);
    assert_eq!(long.error_types(), ["string_too_long"]);
    app.post_json("/api/v1/profile/cancel-restriction", Some(&t), &json!({})).await.assert_detail(400, "No active restriction to cancel");
    app.post_json("/api/v1/profile/request-restriction", None, &json!({"reason": "x", "grounds": "accuracy"})).await.assert(401);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_data_processing_logs WHERE user_id = {ann}")).await, 0);

    let r = app.post_json("/api/v1/profile/request-restriction", Some(&t), &json!({"reason": "My company name is wrong", "grounds": "accuracy"})).await;
    r.assert(200);
    let applied = r.json();
    assert_eq!(applied["message"], "Processing restriction applied successfully");
    assert_eq!(applied["grounds"], "accuracy");
    assert!(applied["note"].as_str().unwrap().starts_with("While restriction is active"));
    let since = applied["restricted_at"].as_str().unwrap().to_string();

    let status = app.get("/api/v1/profile/restriction-status", Some(&t)).await.json();
    assert_eq!(status["restricted"], true);
    assert_eq!(status["requested_at"], since.as_str());
    assert_eq!(status["reason"], "My company name is wrong");
    assert_eq!(status["grounds"], "accuracy");

    // Chat refuses before anything is counted or stored, with the old service's object detail.
    let before = app.scalar(&format!("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = {c}")).await;
    let r = app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "hello", "agent_type": "market"})).await;
    r.assert(403);
    assert_eq!(r.json()["detail"], json!({
        "error": "Data processing is currently restricted",
        "message": "Your data processing has been restricted due to: accuracy",
        "note": "To resume using the chat service, please cancel the restriction in your profile settings.",
        "restricted_at": since,
    }));
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = {c}")).await, before);
    assert_eq!(app.scalar(&format!("SELECT COALESCE(monthly_query_count, 0) FROM fastapi_users WHERE id = {ann}")).await, 0);
    // (an empty message is still the 400 it was: the old service's order)
    app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "  ", "agent_type": "market"})).await.assert_detail(400, "Empty message");
    // Another user is not restricted.
    let bc = conversation(&app, &bob).await;
    ask(&app, &bob, bc, "market", "hello").await;

    let r = app.post_json("/api/v1/profile/cancel-restriction", Some(&t), &json!({})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Processing restriction removed successfully", "note": "Normal data processing has been resumed."}));
    assert_eq!(app.get("/api/v1/profile/restriction-status", Some(&t)).await.json()["restricted"], false);
    ask(&app, &t, c, "market", "hello").await;

    // Both changes are in the log, newest first.
    let page = app.get("/api/v1/profile/processing-logs", Some(&t)).await;
    page.assert(200);
    let page = page.json();
    assert_eq!(page["count"], 2);
    assert_eq!((page["limit"].clone(), page["offset"].clone()), (json!(50), json!(0)));
    let logs = page["logs"].as_array().unwrap();
    assert_eq!(logs[0]["purpose"], "User cancelled restriction of processing");
    assert_eq!(logs[1]["purpose"], "User requested restriction of processing (grounds: accuracy)");
    assert!(logs.iter().all(|l| l["activity_type"] == "data_modification" && l["legal_basis"] == "consent" && l["method"] == "POST"));
    assert_eq!(logs[0]["data_categories"], json!(["profile", "processing_status"]));
    assert!(logs[0]["id"].as_i64().unwrap() > logs[1]["id"].as_i64().unwrap());
    let second = app.get("/api/v1/profile/processing-logs?limit=1&offset=1", Some(&t)).await.json();
    assert_eq!(second["logs"][0]["id"], logs[1]["id"]);
    assert_eq!(second["count"], 1);
    assert_eq!(app.get("/api/v1/profile/processing-logs?limit=500", Some(&t)).await.json()["limit"], 100);
    let r = app.get("/api/v1/profile/processing-logs?limit=0&offset=-1", Some(&t)).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["greater_than_equal", "greater_than_equal"]);
    // Bob's log is his own.
    assert_eq!(app.get("/api/v1/profile/processing-logs", Some(&bob)).await.json()["count"], 0);
});

db_test!(async fn the_processing_log_goes_with_the_account(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let t = app.user("ann@example.com").await;
    let ann = user_id(&app, "ann@example.com").await;
    app.get("/api/v1/profile", Some(&t)).await.assert(200);
    app.post_json("/api/v1/profile/request-restriction", Some(&t), &json!({"reason": "r", "grounds": "objection"})).await.assert(200);
    let log = app.scalar(&format!("SELECT COUNT(*) FROM fastapi_data_processing_logs WHERE user_id = {ann}")).await;
    assert_eq!(log, 2);
    // Every profile read is recorded, with the address and the browser.
    app.request(
        TestApp::req(Method::GET, "/api/v1/profile", Some(&t))
            .header("user-agent", "Mozilla/5.0 (test)")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .assert(200);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_data_processing_logs WHERE user_id = {ann} AND activity_type = 'data_access' AND user_agent = 'Mozilla/5.0 (test)' AND purpose = 'User accessed their profile information'")).await, 1);
    app.send_json(Method::DELETE, &format!("/api/v1/admin/users/{ann}"), Some(&admin), &json!({})).await.assert(200);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_data_processing_logs WHERE user_id = {ann}")).await, 0);
});

db_test!(async fn the_streamed_exports_end_cleanly_when_compressed(b) {
    // A browser asks for compression; the compressing encoder polls a streamed body once more
    // after its end, which the exports' streams answered with a panic (the browser saw
    // ERR_INCOMPLETE_CHUNKED_ENCODING).
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let admin = app.admin("root@example.com").await;
    for (path, token) in [
        ("/api/v1/profile/export-data", &t),
        ("/api/v1/admin/analytics/export-queries-csv?days=30", &admin),
    ] {
        for encoding in ["zstd", "gzip", "gzip, deflate, br, zstd"] {
            let r = app
                .request(
                    TestApp::req(Method::GET, path, Some(token))
                        .header("accept-encoding", encoding)
                        .body(axum::body::Body::empty())
                        .unwrap(),
                )
                .await;
            r.assert(200);
            assert!(r.header("content-encoding").is_some(), "{path} {encoding}");
            assert!(!r.body.is_empty(), "{path} {encoding}");
        }
    }
});

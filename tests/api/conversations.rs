//! `/api/v1/conversations`: every endpoint, its error paths, ownership and paging (F9).

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::*;

async fn new_conversation(app: &TestApp, token: &str, body: Value) -> i64 {
    let r = app
        .post_json("/api/v1/conversations/", Some(token), &body)
        .await;
    r.assert(201);
    r.json()["id"].as_i64().unwrap()
}

async fn add(app: &TestApp, token: &str, id: i64, sender: &str, content: &str) -> Value {
    let r = app
        .post_json(
            &format!("/api/v1/conversations/{id}/messages"),
            Some(token),
            &json!({"sender": sender, "content": content}),
        )
        .await;
    r.assert(201);
    r.json()
}

async fn fresh_id(app: &TestApp, token: &str) -> i64 {
    let r = app
        .get("/api/v1/conversations/fresh/create-or-get", Some(token))
        .await;
    r.assert(200);
    r.json()["conversation_id"].as_i64().unwrap()
}

fn envelope(text: &str) -> String {
    json!({"type": "string", "value": text, "comment": null}).to_string()
}

db_test!(async fn create_with_default_and_given_titles(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    for path in ["/api/v1/conversations/", "/api/v1/conversations"] {
        let r = app.post_json(path, Some(&t), &json!({})).await;
        r.assert(201);
        let v = r.json();
        assert_eq!(v["title"], "Market Chat");
        assert_eq!(v["agent_type"], "market");
        assert!(v["created_at"].as_str().unwrap().contains('T'));
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["agent_type", "created_at", "id", "title"]);
    }
    let v = app.post_json("/api/v1/conversations", Some(&t), &json!({"agent_type": "nzia_policy", "title": ""})).await.json();
    assert_eq!(v["title"], "Nzia_policy Chat");
    let v = app.post_json("/api/v1/conversations", Some(&t), &json!({"agent_type": "om", "title": "Inverters"})).await.json();
    assert_eq!(v["agent_type"], "leo_om");
    assert_eq!(v["title"], "Inverters");
    // errors: no body, too long, wrong type, no token
    app.post_empty("/api/v1/conversations", Some(&t)).await.assert(422);
    let r = app.post_json("/api/v1/conversations", Some(&t), &json!({"title": "x".repeat(257), "agent_type": "a".repeat(51)})).await;
    assert_eq!(r.error_types(), ["string_too_long", "string_too_long"]);
    app.post_json("/api/v1/conversations", Some(&t), &json!({"title": 5})).await.assert(422);
    app.post_json("/api/v1/conversations", None, &json!({})).await.assert_detail(401, "Not authenticated");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations").await, 4);
});

db_test!(async fn list_orders_previews_and_counts(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let a = new_conversation(&app, &t, json!({"title": "A"})).await;
    let bb = new_conversation(&app, &t, json!({"agent_type": "price", "title": "B"})).await;
    let c = new_conversation(&app, &t, json!({"title": "C"})).await;
    app.backdate_conversations(&[a, bb], at("2026-01-01 00:00:00")).await;
    add(&app, &t, a, "user", &envelope("first question")).await;
    add(&app, &t, a, "bot", &envelope("answer")).await;
    add(&app, &t, a, "user", &envelope(&"long question ".repeat(10))).await;
    add(&app, &t, bb, "user", "{\"type\": \"plot\", \"x\": 1}").await;

    let ids = |items: &Value| -> Vec<i64> { items.as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect() };
    for path in ["/api/v1/conversations", "/api/v1/conversations/"] {
        let r = app.get(path, Some(&t)).await;
        r.assert(200);
        let items = r.json();
        // most recently active first (the current app's order); C has no message yet: hidden
        assert_eq!(ids(&items), vec![bb, a]);
        assert_eq!(items[0]["preview"], "{'type': 'plot', 'x': 1}");
        assert_eq!(items[1]["preview"], format!("{}...", &"long question ".repeat(10)[..60]));
        assert_eq!(items[1]["message_count"], 3);
        assert_eq!(items[1]["created_at"], "2026-01-01T00:00:00");
    }
    // an answer in A makes it the most recent; C shows once it has a message
    add(&app, &t, a, "bot", &envelope("later")).await;
    assert_eq!(ids(&app.get("/api/v1/conversations", Some(&t)).await.json()), vec![a, bb]);
    add(&app, &t, c, "bot", &envelope("hello")).await;
    let items = app.get("/api/v1/conversations", Some(&t)).await.json();
    assert_eq!(ids(&items), vec![c, a, bb]);
    assert_eq!(items[0]["preview"], "C", "no user message: the title");
    // deleting A's latest message gives it back its earlier place (kept by triggers, on every
    // writer: migration 0012)
    app.exec(&format!("DELETE FROM fastapi_messages WHERE conversation_id = {a} AND content LIKE '%later%'")).await;
    assert_eq!(ids(&app.get("/api/v1/conversations", Some(&t)).await.json()), vec![c, bb, a]);
    app.exec(&format!("UPDATE fastapi_messages SET conversation_id = {a} WHERE conversation_id = {c}")).await;
    assert_eq!(ids(&app.get("/api/v1/conversations", Some(&t)).await.json()), vec![a, bb]);
    add(&app, &t, c, "bot", &envelope("hello again")).await;
    // empty conversations are left out before the limit: a page is never short
    for _ in 0..3 {
        new_conversation(&app, &t, json!({})).await;
    }
    assert_eq!(ids(&app.get("/api/v1/conversations?limit=2", Some(&t)).await.json()), vec![c, a]);
    let items = app.get("/api/v1/conversations?agent_type=price", Some(&t)).await.json();
    assert_eq!(items.as_array().unwrap().len(), 1);
    let items = app.get("/api/v1/conversations?limit=2&include_message_count=false", Some(&t)).await.json();
    assert_eq!(items.as_array().unwrap().len(), 2);
    assert_eq!(items[1]["message_count"], 0);
    assert_eq!(app.get("/api/v1/conversations?limit=0", Some(&t)).await.json(), json!([]));
    assert_eq!(app.get("/api/v1/conversations?limit=-1", Some(&t)).await.json().as_array().unwrap().len(), 3);
    let r = app.get("/api/v1/conversations?limit=abc&include_message_count=maybe", Some(&t)).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["int_parsing", "bool_parsing"]);
    assert_eq!(r.detail()[0]["loc"], json!(["query", "limit"]));
    // another user sees none of them
    let other = app.user("bob@example.com").await;
    assert_eq!(app.get("/api/v1/conversations", Some(&other)).await.json(), json!([]));
});

db_test!(async fn another_users_conversation_is_missing_everywhere(b) {
    let app = TestApp::start(b).await;
    let owner = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let id = new_conversation(&app, &owner, json!({"title": "Mine"})).await;
    add(&app, &owner, id, "user", &envelope("secret")).await;
    let base = format!("/api/v1/conversations/{id}");
    let nf = "Conversation not found";
    app.get(&base, Some(&other)).await.assert_detail(404, nf);
    app.send_json(Method::PUT, &base, Some(&other), &json!({"title": "stolen"})).await.assert_detail(404, nf);
    app.request(TestApp::req(Method::DELETE, &base, Some(&other)).body(axum::body::Body::empty()).unwrap()).await.assert_detail(404, nf);
    app.get(&format!("{base}/messages"), Some(&other)).await.assert_detail(404, nf);
    app.get(&format!("{base}/messages/for-agent"), Some(&other)).await.assert_detail(404, nf);
    app.post_json(&format!("{base}/messages"), Some(&other), &json!({"sender": "user", "content": "x"})).await.assert_detail(404, nf);
    app.request(TestApp::req(Method::DELETE, &format!("{base}/messages"), Some(&other)).body(axum::body::Body::empty()).unwrap()).await.assert_detail(404, nf);
    app.post_empty(&format!("{base}/generate-title"), Some(&other)).await.assert_detail(404, nf);
    // and a missing one is the same
    app.get("/api/v1/conversations/999999", Some(&owner)).await.assert_detail(404, nf);
    // nothing changed
    let v = app.get(&base, Some(&owner)).await.json();
    assert_eq!(v["title"], "Mine");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 1);
    // a fresh call by the other user never returns the owner's conversation
    let fresh = app.get("/api/v1/conversations/fresh/create-or-get", Some(&other)).await.json();
    assert_ne!(fresh["conversation_id"].as_i64().unwrap(), id);
});

db_test!(async fn path_ids_must_be_integers(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let r = app.get("/api/v1/conversations/abc", Some(&t)).await;
    r.assert(422);
    assert_eq!(r.detail(), json!([{"type": "int_parsing", "loc": ["path", "conversation_id"],
        "msg": "Input should be a valid integer, unable to parse string as an integer", "input": "abc"}]));
    // authentication comes before validation
    app.get("/api/v1/conversations/abc", None).await.assert(401);
    // path and body errors are reported together
    let r = app.send_json(Method::PUT, "/api/v1/conversations/abc", Some(&t), &json!({"title": ""})).await;
    assert_eq!(r.error_types(), ["int_parsing", "string_too_short"]);
    let r = app.get("/api/v1/conversations/x/messages?limit=y", Some(&t)).await;
    assert_eq!(r.error_types(), ["int_parsing", "int_parsing"]);
});

db_test!(async fn update_title_and_delete(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let id = new_conversation(&app, &t, json!({})).await;
    let path = format!("/api/v1/conversations/{id}");
    let r = app.send_json(Method::PUT, &path, Some(&t), &json!({"title": "Italy outlook"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Conversation title updated successfully"}));
    assert_eq!(app.get(&path, Some(&t)).await.json()["title"], "Italy outlook");
    let r = app.send_json(Method::PUT, &path, Some(&t), &json!({"title": ""})).await;
    assert_eq!(r.error_types(), ["string_too_short"]);
    assert_eq!(r.detail()[0]["msg"], "String should have at least 1 character");
    assert_eq!(app.send_json(Method::PUT, &path, Some(&t), &json!({"title": "x".repeat(257)})).await.error_types(), ["string_too_long"]);
    assert_eq!(app.send_json(Method::PUT, &path, Some(&t), &json!({})).await.error_types(), ["missing"]);

    add(&app, &t, id, "user", &envelope("q")).await;
    add(&app, &t, id, "bot", &envelope("a")).await;
    // a finished turn with one event, written directly: the delete must take them too
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    app.exec(&format!("INSERT INTO fastapi_chat_turns (user_id, conversation_id, agent_type, status, answered, refunded, created_at) VALUES ({uid}, {id}, 'market', 'done', TRUE, FALSE, '2026-01-01 00:00:00')")).await;
    app.exec("INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) SELECT id, 1, '{}', '2026-01-01 00:00:00' FROM fastapi_chat_turns").await;
    let r = app.request(TestApp::req(Method::DELETE, &path, Some(&t)).body(axum::body::Body::empty()).unwrap()).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Conversation deleted successfully"}));
    for table in ["fastapi_conversations", "fastapi_messages", "fastapi_chat_turns", "fastapi_chat_events"] {
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM {table}")).await, 0, "{table}");
    }
    app.get(&path, Some(&t)).await.assert_detail(404, "Conversation not found");
});

db_test!(async fn messages_page_latest_first_and_page_back(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let id = new_conversation(&app, &t, json!({})).await;
    let mut ids = Vec::new();
    for i in 0..7 {
        let sender = if i % 2 == 0 { "user" } else { "bot" };
        ids.push(add(&app, &t, id, sender, &format!("m{i}")).await["id"].as_i64().unwrap());
    }
    let path = format!("/api/v1/conversations/{id}/messages");
    let all = app.get(&path, Some(&t)).await.json();
    assert_eq!(all.as_array().unwrap().len(), 7);
    let m0 = &all[0];
    assert_eq!(m0["content"], "m0");
    assert_eq!(m0["sender"], "user");
    assert_eq!(m0["conversation_id"], id);
    let mut keys: Vec<&str> = m0.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    // (`agent_type` is the current app's addition: null for the user, the conversation's agent
    // for a bot message stored by hand)
    assert_eq!(keys, ["agent_type", "content", "conversation_id", "id", "sender", "timestamp"]);
    assert_eq!(m0["agent_type"], Value::Null);
    assert_eq!(all[1]["agent_type"], "market");
    // the latest 3, oldest first
    let page: Vec<String> = app.get(&format!("{path}?limit=3"), Some(&t)).await.json().as_array().unwrap()
        .iter().map(|m| m["content"].as_str().unwrap().to_string()).collect();
    assert_eq!(page, ["m4", "m5", "m6"]);
    // page back from the smallest id of that page
    let page: Vec<String> = app.get(&format!("{path}?limit=3&before_id={}", ids[4]), Some(&t)).await.json().as_array().unwrap()
        .iter().map(|m| m["content"].as_str().unwrap().to_string()).collect();
    assert_eq!(page, ["m1", "m2", "m3"]);
    let page = app.get(&format!("{path}?limit=3&before_id={}", ids[1]), Some(&t)).await.json();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(app.get(&format!("{path}?limit=0"), Some(&t)).await.json(), json!([]));
    assert_eq!(app.get(&format!("{path}?limit=-5"), Some(&t)).await.json().as_array().unwrap().len(), 7);
    // the agent shape
    let fa = app.get(&format!("{path}/for-agent?limit=2"), Some(&t)).await.json();
    assert_eq!(fa, json!([
        {"role": "assistant", "content": "m5", "timestamp": fa[0]["timestamp"]},
        {"role": "user", "content": "m6", "timestamp": fa[1]["timestamp"]},
    ]));
    assert!(fa[0]["timestamp"].is_string());
});

db_test!(async fn add_message_checks_sender_first(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let id = new_conversation(&app, &t, json!({})).await;
    // sender wins even for a missing conversation (kept for compatibility)
    app.post_json("/api/v1/conversations/999999/messages", Some(&t), &json!({"sender": "system", "content": "x"})).await
        .assert_detail(400, "Sender must be 'user' or 'bot'");
    app.post_json("/api/v1/conversations/999999/messages", Some(&t), &json!({"sender": "bot", "content": "x"})).await
        .assert_detail(404, "Conversation not found");
    let r = app.post_json(&format!("/api/v1/conversations/{id}/messages"), Some(&t), &json!({"sender": "bot"})).await;
    assert_eq!(r.error_types(), ["missing"]);
    // stored verbatim
    let v = add(&app, &t, id, "bot", "{not an envelope").await;
    assert_eq!(v["content"], "{not an envelope");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE content = '{not an envelope'").await, 1);
});

db_test!(async fn clear_messages_keeps_the_conversation(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let id = new_conversation(&app, &t, json!({"title": "Keep"})).await;
    add(&app, &t, id, "user", "a").await;
    add(&app, &t, id, "bot", "b").await;
    let r = app.request(TestApp::req(Method::DELETE, &format!("/api/v1/conversations/{id}/messages"), Some(&t)).body(axum::body::Body::empty()).unwrap()).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "All messages cleared successfully"}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    assert_eq!(app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["title"], "Keep");
});

db_test!(async fn fresh_reuses_the_lowest_empty_conversation(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let path = "/api/v1/conversations/fresh/create-or-get";
    let r = app.get(&format!("{path}?agent_type=om"), Some(&t)).await;
    r.assert(200);
    let first = r.json()["conversation_id"].as_i64().unwrap();
    assert_eq!(r.json().as_object().unwrap().len(), 1);
    let c = app.get(&format!("/api/v1/conversations/{first}"), Some(&t)).await.json();
    assert_eq!(c["agent_type"], "leo_om");
    assert_eq!(c["title"], json!(null));
    // reused unchanged, whatever the agent type asked for
    assert_eq!(app.get(&format!("{path}?agent_type=price"), Some(&t)).await.json()["conversation_id"], first);
    assert_eq!(app.get(&format!("/api/v1/conversations/{first}"), Some(&t)).await.json()["agent_type"], "leo_om");
    // two empty ones: the lowest id wins
    let other = new_conversation(&app, &t, json!({})).await;
    assert!(other > first);
    assert_eq!(app.get(path, Some(&t)).await.json()["conversation_id"], first);
    add(&app, &t, first, "user", "x").await;
    assert_eq!(app.get(path, Some(&t)).await.json()["conversation_id"], other);
    add(&app, &t, other, "user", "x").await;
    let new = app.get(path, Some(&t)).await.json()["conversation_id"].as_i64().unwrap();
    assert!(new > other);
});

db_test!(async fn fresh_is_safe_when_called_twice_at_once(b) {
    let app = std::sync::Arc::new(TestApp::start(b).await);
    let t = app.user("ann@example.com").await;
    let mut handles = Vec::new();
    for _ in 0..8 {
        let (app, t) = (app.clone(), t.clone());
        handles.push(tokio::spawn(async move {
            let r = app.get("/api/v1/conversations/fresh/create-or-get", Some(&t)).await;
            r.assert(200);
            r.json()["conversation_id"].as_i64().unwrap()
        }));
    }
    let mut ids = Vec::new();
    for h in handles {
        ids.push(h.await.unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every call got the same conversation: {ids:?}");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations").await, 1);
});

db_test!(async fn generate_title_rules(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let cases: &[(&str, Value)] = &[
        (&envelope("How much PV did Italy install in 2024 overall?"), json!("How much PV did Italy install...")),
        (&envelope("Short one"), json!("Short one")),
        ("not json at all", Value::Null), // replaced below with "Conversation <id>"
        ("{\"type\": \"plot\", \"value\": {}}", Value::Null),
    ];
    for (content, want) in cases {
        let id = fresh_id(&app, &t).await;
        add(&app, &t, id, "user", content).await;
        add(&app, &t, id, "user", &envelope("second message is ignored")).await;
        let r = app.post_empty(&format!("/api/v1/conversations/{id}/generate-title"), Some(&t)).await;
        r.assert(200);
        assert_eq!(r.json(), json!({"message": "Title generated successfully"}));
        let title = app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["title"].clone();
        let want = if *content == "not json at all" { json!(format!("Conversation {id}")) } else { want.clone() };
        assert_eq!(title, want, "{content}");
    }
    // a title is never overwritten; no user message changes nothing
    let id = new_conversation(&app, &t, json!({"title": "Mine"})).await;
    add(&app, &t, id, "user", &envelope("whatever")).await;
    app.post_empty(&format!("/api/v1/conversations/{id}/generate-title"), Some(&t)).await.assert(200);
    assert_eq!(app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["title"], "Mine");
    let id = fresh_id(&app, &t).await;
    add(&app, &t, id, "bot", &envelope("bot only")).await;
    app.post_empty(&format!("/api/v1/conversations/{id}/generate-title"), Some(&t)).await.assert(200);
    assert_eq!(app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["title"], json!(null));
});

db_test!(async fn cleanup_empty_for_the_caller_only(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let old_empty = new_conversation(&app, &t, json!({})).await;
    let old_full = new_conversation(&app, &t, json!({})).await;
    let _new_empty = new_conversation(&app, &t, json!({})).await;
    let others = new_conversation(&app, &other, json!({})).await;
    add(&app, &t, old_full, "user", "x").await;
    app.backdate_conversations(&[old_empty, old_full, others], at("2020-01-01 00:00:00")).await;
    let r = app.post_empty("/api/v1/conversations/cleanup/empty", Some(&t)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"deleted_count": 1, "message": "Deleted 1 empty conversations"}));
    // a negative days_old puts the cutoff in the future: every empty one goes
    let r = app.post_empty("/api/v1/conversations/cleanup/empty?days_old=-1", Some(&t)).await;
    assert_eq!(r.json()["deleted_count"], 1);
    let r = app.post_empty("/api/v1/conversations/cleanup/empty?days_old=-99999999999", Some(&t)).await;
    assert_eq!(r.json()["deleted_count"], 0);
    app.post_empty("/api/v1/conversations/cleanup/empty?days_old=soon", Some(&t)).await.assert(422);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_conversations WHERE id = {others}")).await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations").await, 2);
});

db_test!(async fn a_failed_delete_leaves_everything_in_place(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let id = new_conversation(&app, &t, json!({"title": "Keep me whole"})).await;
    add(&app, &t, id, "user", "q").await;
    add(&app, &t, id, "bot", "a").await;
    // the database refuses the last statement of the delete (after the messages went)
    match b {
        Backend::Sqlite => app.exec("CREATE TRIGGER no_delete BEFORE DELETE ON fastapi_conversations BEGIN SELECT RAISE(ABORT, 'refused'); END").await,
        Backend::Postgres => {
            app.exec("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql").await;
            app.exec("CREATE TRIGGER no_delete BEFORE DELETE ON fastapi_conversations FOR EACH ROW EXECUTE FUNCTION refuse()").await;
        }
    }
    let path = format!("/api/v1/conversations/{id}");
    let r = app.request(TestApp::req(Method::DELETE, &path, Some(&t)).body(axum::body::Body::empty()).unwrap()).await;
    r.assert_detail(400, "Failed to delete conversation");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 2, "messages restored by the rollback");
    assert_eq!(app.get(&format!("{path}/messages"), Some(&t)).await.json().as_array().unwrap().len(), 2);
});

db_test!(async fn message_counts_follow_every_writer(b) {
    // The count is kept by triggers: messages written straight into the table (as the old
    // service would), bulk deletes and moves all show in the list.
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let a = new_conversation(&app, &t, json!({"title": "A"})).await;
    let c = new_conversation(&app, &t, json!({"title": "C"})).await;
    for i in 0..5 {
        app.exec(&format!(
            "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) \
             VALUES ({a}, 'user', '{{\"type\": \"string\", \"value\": \"q{i}\", \"comment\": null}}', '2026-01-01 00:00:00')"
        ))
        .await;
    }
    add(&app, &t, c, "user", &envelope("hello")).await;
    let count = |items: &Value, id: i64| {
        items.as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()["message_count"].as_i64().unwrap()
    };
    let items = app.get("/api/v1/conversations", Some(&t)).await.json();
    assert_eq!((count(&items, a), count(&items, c)), (5, 1));
    app.exec(&format!("UPDATE fastapi_messages SET conversation_id = {c} WHERE conversation_id = {a} AND content LIKE '%q0%'")).await;
    app.exec(&format!("DELETE FROM fastapi_messages WHERE conversation_id = {a} AND content LIKE '%q1%'")).await;
    let items = app.get("/api/v1/conversations", Some(&t)).await.json();
    assert_eq!((count(&items, a), count(&items, c)), (3, 2));
    app.exec("DELETE FROM fastapi_messages").await;
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_conversations WHERE id IN ({a}, {c}) AND message_count = 0")).await, 2);
    // (so both are left out of the list, which shows only conversations with messages)
    assert_eq!(app.get("/api/v1/conversations", Some(&t)).await.json(), json!([]));
});

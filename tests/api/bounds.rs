//! Every list has a maximum page, whatever a user stored, and every field
//! a public endpoint stores has a length cap (422 `string_too_long`, or `too_long` for a list).

use serde_json::{Value, json};

use crate::support::*;

/// `n` rows of a table at once, from a recursive count `i` = 1..=n (the same SQL on SQLite and
/// PostgreSQL): `insert` is `INSERT INTO t (cols) SELECT ... FROM n`.
async fn bulk(app: &TestApp, n: usize, insert: &str) {
    app.exec(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) {insert}"
    ))
    .await;
}

fn len(r: &Resp) -> usize {
    r.assert(200);
    r.json()
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {}", r.text()))
        .len()
}

db_test!(async fn message_history_pages_have_a_maximum(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let c = app.get("/api/v1/conversations/fresh/create-or-get", Some(&t)).await.json()["conversation_id"].as_i64().unwrap();
    bulk(&app, 105, &format!(
        "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) \
         SELECT {c}, 'user', 'm' || CAST(i AS TEXT), CURRENT_TIMESTAMP FROM n"
    )).await;
    let path = format!("/api/v1/conversations/{c}/messages");
    // what the React apps send (no parameters) is unchanged: the latest 50
    assert_eq!(len(&app.get(&path, Some(&t)).await), 50);
    // "no limit" and over-large limits get the maximum page, the latest 100, oldest first
    for q in ["limit=-1", "limit=101", "limit=1000000"] {
        let page = app.get(&format!("{path}?{q}"), Some(&t)).await;
        assert_eq!(len(&page), 100, "{q}");
        let ids: Vec<i64> = page.json().as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{q}: oldest first");
        assert_eq!(page.json()[99]["content"], "m105", "{q}: ends with the latest message");
    }
    assert_eq!(len(&app.get(&format!("{path}?limit=100"), Some(&t)).await), 100);
    // the rest is reached by paging back
    let first = app.get(&format!("{path}?limit=-1"), Some(&t)).await.json()[0]["id"].as_i64().unwrap();
    assert_eq!(len(&app.get(&format!("{path}?limit=-1&before_id={first}"), Some(&t)).await), 5);
    for q in ["limit=-1", "limit=500"] {
        assert_eq!(len(&app.get(&format!("{path}/for-agent?{q}"), Some(&t)).await), 100, "for-agent {q}");
    }
});

db_test!(async fn the_conversation_list_has_a_maximum(b) {
    let app = TestApp::start(b).await;
    let id = app.register("ann@example.com").await;
    let t = app.login("ann@example.com", PASSWORD).await;
    bulk(&app, 105, &format!(
        "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at, message_count) \
         SELECT {id}, 'c' || CAST(i AS TEXT), 'market', CURRENT_TIMESTAMP, 1 FROM n"
    )).await;
    assert_eq!(len(&app.get("/api/v1/conversations", Some(&t)).await), 50);
    for q in ["limit=-1", "limit=101", "limit=9223372036854775807"] {
        assert_eq!(len(&app.get(&format!("/api/v1/conversations?{q}"), Some(&t)).await), 100, "{q}");
    }
    assert_eq!(len(&app.get("/api/v1/conversations?limit=0", Some(&t)).await), 0);
    assert_eq!(len(&app.get("/api/v1/conversations?limit=7", Some(&t)).await), 7);
});

db_test!(async fn admin_user_lists_have_a_maximum(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    // 1,005 registrations awaiting approval, each whitelisted for one agent
    bulk(&app, 1005, "INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, \
           email_verified, gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, \
           monthly_query_count, deleted) \
         SELECT 'bulk' || CAST(i AS TEXT) || '@example.com', 'x', 'Bulk ' || CAST(i AS TEXT), 'user', FALSE, \
           CURRENT_TIMESTAMP, FALSE, TRUE, TRUE, FALSE, 'free', 0, 0, FALSE FROM n").await;
    app.exec("INSERT INTO fastapi_agent_whitelist (agent_type, user_id, granted_at, is_active) \
              SELECT 'market', id, CURRENT_TIMESTAMP, TRUE FROM fastapi_users WHERE username LIKE 'bulk%'").await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 1006);
    // absent, 0, negative and over-large limits all give the maximum page
    for q in ["", "?limit=0", "?limit=-1", "?limit=1001", "?limit=100000"] {
        assert_eq!(len(&app.get(&format!("/api/v1/admin/users{q}"), Some(&admin)).await), 1000, "{q}");
    }
    assert_eq!(len(&app.get("/api/v1/admin/users?limit=3", Some(&admin)).await), 3);
    let search = "/api/v1/admin/users/search?q=bulk";
    assert_eq!(len(&app.get(search, Some(&admin)).await), 50);
    for q in ["limit=-1", "limit=5000"] {
        assert_eq!(len(&app.get(&format!("{search}&{q}"), Some(&admin)).await), 1000, "{q}");
    }
    assert_eq!(len(&app.get("/api/v1/admin/users/pending", Some(&admin)).await), 1000);
    assert_eq!(len(&app.get("/api/v1/agent-access/admin/whitelisted-users/market", Some(&admin)).await), 1000);
});

/// Every operation of the document, with its method and path.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = vec![];
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.clone(), path.clone(), op.clone()));
        }
    }
    out
}

#[test]
fn every_limit_parameter_documents_its_maximum() {
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    let mut limits = vec![];
    for (method, path, op) in operations(&doc) {
        for p in op["parameters"].as_array().into_iter().flatten() {
            if p["name"] == "limit" && p["in"] == "query" {
                assert!(
                    p["schema"]["maximum"].is_number(),
                    "{method} {path}: `limit` has no maximum: {p}"
                );
                limits.push(path.clone());
            }
        }
    }
    // conversations, both message histories, the agent history, the admin lists and audit log,
    // the contact requests, the waitlist, the analytics' query log and the processing log
    assert_eq!(limits.len(), 11, "{limits:?}");
}

/// Fields of public request bodies that are never stored as sent: a password becomes a
/// fixed-size hash, a token is only looked up by its hash, login's username only by a keyed hash
/// in the throttle (any length costs the same there), and the OAuth2 form's extras are ignored.
const NOT_STORED: [&str; 8] = [
    "password",
    "new_password",
    "token",
    "username",
    "grant_type",
    "scope",
    "client_id",
    "client_secret",
];

#[test]
fn every_stored_field_of_a_public_body_documents_its_cap() {
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    let mut checked = 0;
    for (method, path, op) in operations(&doc) {
        if op.get("security").is_some() {
            continue;
        }
        for media in op["requestBody"]["content"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(_, m)| m)
        {
            let name = media["schema"]["$ref"]
                .as_str()
                .unwrap()
                .trim_start_matches("#/components/schemas/");
            let schema = &doc["components"]["schemas"][name];
            for (field, s) in schema["properties"].as_object().unwrap() {
                if NOT_STORED.contains(&field.as_str()) {
                    continue;
                }
                let types: Vec<&str> = match &s["type"] {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                let at = format!("{method} {path}: {name}.{field}");
                if types.contains(&"string") {
                    assert!(s["maxLength"].is_number(), "{at} has no maxLength: {s}");
                    checked += 1;
                }
                if types.contains(&"array") {
                    assert!(s["maxItems"].is_number(), "{at} has no maxItems: {s}");
                    assert!(
                        s["items"]["maxLength"].is_number(),
                        "{at}'s items have no maxLength: {s}"
                    );
                    checked += 1;
                }
            }
        }
    }
    // register's 7 texts (the password is hashed); both reset requests' email and the
    // verification resend's; both waitlist bodies' 2 fields; the landing contact form's 4
    assert_eq!(checked, 7 + 3 + 4 + 4, "fields checked");
}

/// A 422 with one entry: its type, location and message.
#[track_caller]
fn one_error(r: &Resp, kind: &str, loc: Value, msg: &str) {
    r.assert(422);
    let d = r.detail();
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(
        (
            d[0]["type"].as_str().unwrap(),
            &d[0]["loc"],
            d[0]["msg"].as_str().unwrap()
        ),
        (kind, &loc, msg),
        "{d}"
    );
}

db_test!(async fn the_waitlist_stores_only_capped_fields(b) {
    let app = TestApp::start(b).await;
    let join = "/api/v1/auth/waitlist/join";
    let r = app.post_json(join, None, &json!({"email": "a@example.com", "interested_agents": "x".repeat(2001)})).await;
    one_error(&r, "string_too_long", json!(["body", "interested_agents"]), "String should have at most 2000 characters");
    assert_eq!(r.detail()[0]["ctx"], json!({"max_length": 2000}));
    // what the current React app sends, and the cap itself, are stored
    app.post_json(join, None, &json!({"email": "a@example.com", "interested_agents": "market,price,om,design"})).await.assert(200);
    app.post_json(join, None, &json!({"email": "b@example.com", "interested_agents": "é".repeat(2000)})).await.assert(200);

    let alias = "/api/v1/waitlist/join";
    let agents: Vec<String> = (0..21).map(|i| format!("agent{i}")).collect();
    let r = app.post_json(alias, None, &json!({"email": "c@example.com", "agents": agents})).await;
    one_error(&r, "too_long", json!(["body", "agents"]), "List should have at most 20 items after validation, not 21");
    assert_eq!(r.detail()[0]["ctx"], json!({"field_type": "List", "max_length": 20, "actual_length": 21}));
    let r = app.post_json(alias, None, &json!({"email": "c@example.com", "agents": ["market", "a".repeat(51)]})).await;
    one_error(&r, "string_too_long", json!(["body", "agents", 1]), "String should have at most 50 characters");
    // what the first React app sends, and the caps themselves, are stored
    app.post_json(alias, None, &json!({"email": "c@example.com", "agents": ["market", "price", "om"]})).await.assert(200);
    let most: Vec<String> = (0..20).map(|_| "\u{1}".repeat(50)).collect();
    app.post_json(alias, None, &json!({"email": "d@example.com", "agents": most})).await.assert(200);

    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist").await, 4);
    // the largest stored value: 20 × 50 control characters, each escaped to six in the JSON text
    assert!(app.scalar("SELECT MAX(LENGTH(interested_agents)) FROM fastapi_waitlist").await <= 6_100);
});

db_test!(async fn registration_stores_only_capped_fields(b) {
    let app = TestApp::start(b).await;
    let with = |field: &str, value: String| {
        let mut r = TestApp::registration("ann@example.com", PASSWORD);
        r[field] = json!(value);
        r
    };
    for (field, max) in [("job_title", 200), ("company_name", 200), ("country", 100), ("company_size", 50)] {
        let r = app.post_json("/api/v1/auth/register", None, &with(field, "x".repeat(max + 1))).await;
        one_error(&r, "string_too_long", json!(["body", field]), &format!("String should have at most {max} characters"));
    }
    // an over-long first name makes an over-long full name: reported at `last_name`
    // (api-contract §2.3)
    let r = app.post_json("/api/v1/auth/register", None, &with("first_name", "x".repeat(100_000))).await;
    one_error(&r, "string_too_long", json!(["body", "last_name"]), "String should have at most 100 characters");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 0);
    // every cap itself is accepted
    let mut r = TestApp::registration("ann@example.com", PASSWORD);
    for (field, max) in [("job_title", 200), ("company_name", 200), ("country", 100), ("company_size", 50)] {
        r[field] = json!("é".repeat(max));
    }
    app.post_json("/api/v1/auth/register", None, &r).await.assert(201);
});

db_test!(async fn reset_requests_refuse_addresses_no_account_can_have(b) {
    let app = TestApp::start(b).await;
    let long = format!("{}@example.com", "x".repeat(309)); // 321 characters
    for path in ["/api/v1/auth/request-password-reset", "/api/v1/auth/forgot-password"] {
        let r = app.post_json(path, None, &json!({"email": long})).await;
        one_error(&r, "string_too_long", json!(["body", "email"]), "String should have at most 320 characters");
        app.post_json(path, None, &json!({"email": &long[1..]})).await.assert(200);
    }
});

//! `/api/v1/agent-management` and `/api/v1/agents/available`.

use serde_json::{Value, json};
use solarintel::domain::plans::Plan;

use crate::support::fixtures::Survey;
use crate::support::*;

async fn conversation(app: &TestApp, t: &str) -> i64 {
    app.post_json("/api/v1/conversations", Some(t), &json!({}))
        .await
        .json()["id"]
        .as_i64()
        .unwrap()
}

async fn add(app: &TestApp, t: &str, id: i64, sender: &str, content: &str) {
    app.post_json(
        &format!("/api/v1/conversations/{id}/messages"),
        Some(t),
        &json!({"sender": sender, "content": content}),
    )
    .await
    .assert(201);
}

fn env(text: &str) -> String {
    json!({"type": "string", "value": text, "comment": null}).to_string()
}

db_test!(async fn catalogue_hire_release_and_hired(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let list = app.get("/api/v1/agent-management/available", Some(&t)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 14);
    assert_eq!(list[0], json!({"agent_type": "market", "display_name": "Market Intelligence Agent", "is_hired": false,
        "requires_subscription": false, "capabilities": ["Market trend analysis", "Regional comparisons", "Forecast generation", "Supply chain insights"],
        "available_in_fallback": false}));
    assert_eq!(list[7]["display_name"], "O&M Agent");
    assert_eq!(list[8]["requires_subscription"], true);
    assert_eq!(list[5]["capabilities"].as_array().unwrap().len(), 6);

    let r = app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "om"})).await;
    r.assert(201);
    assert_eq!(r.json(), json!({"message": "Successfully hired agent 'leo_om'"}));
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "leo_om"})).await.assert_detail(400, "Agent already hired");
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "solar"})).await.assert_detail(400, "Invalid agent type: solar");
    // no plan check here (kept for compatibility)
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "weaviate"})).await.assert(201);
    let hired = app.get("/api/v1/agent-management/hired", Some(&t)).await.json();
    let types: Vec<&str> = hired.as_array().unwrap().iter().map(|h| h["agent_type"].as_str().unwrap()).collect();
    assert_eq!(types, ["leo_om", "weaviate"]);
    assert_eq!(hired[0]["is_active"], true);
    assert!(hired[0]["hired_at"].is_string());
    let list = app.get("/api/v1/agent-management/available", Some(&t)).await.json();
    assert_eq!(list[7]["is_hired"], true);

    let r = app.post_json("/api/v1/agent-management/release", Some(&t), &json!({"agent_type": "weaviate"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Successfully released agent 'weaviate'"}));
    app.post_json("/api/v1/agent-management/release", Some(&t), &json!({"agent_type": "weaviate"})).await.assert_detail(400, "Agent not hired");
    // hiring again reactivates the released row instead of adding one
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "weaviate"})).await.assert(201);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent WHERE agent_type = 'weaviate'").await, 1);
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({})).await.assert(422);
});

db_test!(async fn concurrent_hires_make_one_row(b) {
    let app = std::sync::Arc::new(TestApp::start(b).await);
    let t = app.user("ann@example.com").await;
    let mut handles = Vec::new();
    for _ in 0..6 {
        let (app, t) = (app.clone(), t.clone());
        handles.push(tokio::spawn(async move {
            app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "news"})).await.status.as_u16()
        }));
    }
    let mut codes = Vec::new();
    for h in handles {
        codes.push(h.await.unwrap());
    }
    assert_eq!(codes.iter().filter(|c| **c == 201).count(), 1, "{codes:?}");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent").await, 1);
});

db_test!(async fn availability_suggestions_and_types(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let avail = |a: &'static str| {
        let app = &app;
        let t = t.clone();
        async move { app.get(&format!("/api/v1/agent-management/check-availability/{a}"), Some(&t)).await.json() }
    };
    assert_eq!(avail("market").await, json!({"is_available": true, "reason": null}));
    assert_eq!(avail("om").await, json!({"is_available": true, "reason": null}));
    assert_eq!(avail("nope").await, json!({"is_available": false, "reason": "Invalid agent type: nope"}));
    assert_eq!(avail("weaviate").await, json!({"is_available": false, "reason": "This agent requires a premium subscription"}));
    app.account("ann@example.com").plan(Plan::Max).apply().await;
    assert_eq!(avail("weaviate").await["is_available"], false, "max users are denied (kept for compatibility)");
    app.account("ann@example.com").plan(Plan::Premium).apply().await;
    assert_eq!(avail("weaviate").await["is_available"], true);

    let r = app.post_empty("/api/v1/agent-management/suggest-agent-type?query=Latest%20news%20on%20tariffs", Some(&t)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"suggested_agent_type": "news", "agent_display_name": "News Agent"}));
    let r = app.post_empty("/api/v1/agent-management/suggest-agent-type?query=data%20from%20Chile", Some(&t)).await;
    assert_eq!(r.json(), json!({"suggested_agent_type": "leo_om", "agent_display_name": "O&M Agent"}));
    assert_eq!(app.post_empty("/api/v1/agent-management/suggest-agent-type?query=", Some(&t)).await.error_types(), ["string_too_short"]);
    assert_eq!(app.post_empty("/api/v1/agent-management/suggest-agent-type", Some(&t)).await.error_types(), ["missing"]);

    let types = app.get("/api/v1/agent-management/types", Some(&t)).await.json();
    let keys: Vec<&String> = types["agent_types"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["market", "price", "news", "digitalization", "nzia_policy", "nzia_market_impact", "manufacturer_financial", "leo_om", "weaviate", "component_prices", "seamless", "quality", "storage_optimization", "bipv_design"]);
    assert_eq!(types["agent_types"]["leo_om"], "O&M Agent");

    let placeholder = app.get("/api/v1/agents/available", Some(&t)).await.json();
    assert_eq!(placeholder["total"], 3);
    assert_eq!(placeholder["agents"][1], json!({"agent_type": "price", "display_name": "Module Prices Agent", "description": "PV module pricing analysis", "status": "coming_soon"}));
    app.get("/api/v1/agents/available", None).await.assert(401);
});

db_test!(async fn usage_stats_use_the_base_limit(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let a = conversation(&app, &t).await;
    let p = app.post_json("/api/v1/conversations", Some(&t), &json!({"agent_type": "price"})).await.json()["id"].as_i64().unwrap();
    add(&app, &t, a, "user", "q1").await;
    add(&app, &t, a, "bot", "a1").await;
    add(&app, &t, a, "user", "q2").await;
    add(&app, &t, p, "user", "q3").await;
    app.account("ann@example.com").monthly_count(7).query_count(20).apply().await;
    app.survey_answered(app.state.jwt.verify(&t).unwrap().user_id, Survey { role: "r", regions: &["x"], familiarity: "f", insights: &["y"], bonus: 5 }).await;
    let s = app.get("/api/v1/agent-management/usage-stats", Some(&t)).await.json();
    assert_eq!(s, json!({"total_queries": 20, "monthly_queries": 7, "query_limit": 5, "queries_remaining": -2,
                         "by_agent_type": {"market": 2, "price": 1}}));
});

db_test!(async fn validate_query_checks_in_order(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let id = conversation(&app, &t).await;
    let theirs = conversation(&app, &other).await;
    let v = |q: String| {
        let app = &app;
        let t = t.clone();
        async move {
            let r = app.post_empty(&format!("/api/v1/agent-management/validate-query?{q}"), Some(&t)).await;
            r.assert(200);
            r.json()
        }
    };
    let long = "x".repeat(5001);
    assert_eq!(v(format!("conversation_id={id}&query={long}")).await,
        json!({"is_valid": false, "error_message": "Message too long. Maximum 5000 characters.", "conversation_id": null}));
    assert_eq!(v(format!("conversation_id={theirs}&query=hi")).await["error_message"], "Conversation not found or access denied");
    assert_eq!(v(format!("conversation_id={id}&query=hi&agent_type=om")).await,
        json!({"is_valid": true, "error_message": null, "conversation_id": id}));
    assert_eq!(app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["agent_type"], "leo_om");
    // at the limit: invalid, and the agent type is still updated (kept for compatibility)
    app.account("ann@example.com").monthly_count(5).apply().await;
    assert_eq!(v(format!("conversation_id={id}&query=hi&agent_type=price")).await["error_message"],
        "Query limit reached. You have used 5/5 queries this month.");
    assert_eq!(app.get(&format!("/api/v1/conversations/{id}"), Some(&t)).await.json()["agent_type"], "price");
    assert_eq!(app.get(&format!("/api/v1/conversations/{theirs}"), Some(&other)).await.json()["agent_type"], "market");
    let r = app.post_empty("/api/v1/agent-management/validate-query?query=", Some(&t)).await;
    assert_eq!(r.error_types(), ["missing", "string_too_short"]);
});

db_test!(async fn conversation_history_is_owned_and_latest_first(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let id = conversation(&app, &t).await;
    for i in 0..5 {
        add(&app, &t, id, "user", &env(&format!("q{i}"))).await;
        // charts of both stored shapes (decision F18) are no text messages
        let chart = if i % 2 == 0 {
            json!({"type": "plot", "value": {"n": i}})
        } else {
            json!({"type": "plot", "value": format!("Chart: {i}"), "plot": {"n": i}})
        };
        add(&app, &t, id, "bot", &chart.to_string()).await;
        add(&app, &t, id, "bot", &env(&format!("a{i}"))).await;
    }
    add(&app, &t, id, "user", "raw text is skipped").await;
    let path = format!("/api/v1/agent-management/conversation-history/{id}");
    let h: Value = app.get(&format!("{path}?limit=3"), Some(&t)).await.json();
    assert_eq!(h, json!([{"role": "assistant", "content": "a3"}, {"role": "user", "content": "q4"}, {"role": "assistant", "content": "a4"}]));
    assert_eq!(app.get(&path, Some(&t)).await.json().as_array().unwrap().len(), 10);
    // another user's conversation reads as empty (decision F6)
    assert_eq!(app.get(&path, Some(&other)).await.json(), json!([]));
    assert_eq!(app.get("/api/v1/agent-management/conversation-history/999999", Some(&t)).await.json(), json!([]));
    let r = app.get(&format!("{path}?limit=0"), Some(&t)).await;
    assert_eq!(r.error_types(), ["greater_than_equal"]);
    assert_eq!(r.detail()[0]["ctx"], json!({"ge": 1}));
    assert_eq!(app.get(&format!("{path}?limit=101"), Some(&t)).await.error_types(), ["less_than_equal"]);
    assert_eq!(app.get("/api/v1/agent-management/conversation-history/x", Some(&t)).await.error_types(), ["int_parsing"]);
});

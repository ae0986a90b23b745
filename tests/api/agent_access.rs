//! `/api/v1/agent-access`: the access decision end to end, hiring, the whitelist with expiry,
//! configuration and grandfathering (F3), statistics, and the audit entries they write.

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::*;

async fn check(app: &TestApp, t: &str, agent: &str) -> Value {
    let r = app
        .get(&format!("/api/v1/agent-access/check/{agent}"), Some(t))
        .await;
    r.assert(200);
    r.json()
}

async fn my(app: &TestApp, t: &str, agent: &str) -> Value {
    let r = app.get("/api/v1/agent-access/my-agents", Some(t)).await;
    r.assert(200);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agent_type"] == agent)
        .cloned()
        .expect("listed")
}

fn uid(app: &TestApp, token: &str) -> i32 {
    app.state.jwt.verify(token).unwrap().user_id
}

db_test!(async fn fresh_install_lists_all_fourteen_agents(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let list = app.get("/api/v1/agent-access/my-agents", Some(&t)).await.json();
    let types: Vec<&str> = list.as_array().unwrap().iter().map(|a| a["agent_type"].as_str().unwrap()).collect();
    assert_eq!(types, ["bipv_design", "component_prices", "digitalization", "leo_om", "manufacturer_financial", "market", "news", "nzia_market_impact", "nzia_policy", "price", "quality", "seamless", "storage_optimization", "weaviate"]);
    let market = &list[5];
    assert_eq!(market, &json!({"agent_type": "market", "description": "Market Intelligence Agent - Provides market trends and analysis",
        "required_plan": "free", "is_enabled": true, "can_access": false,
        "access_reason": "You must hire this agent from the Agents page first",
        "is_whitelisted": false, "is_grandfathered": false, "is_hired": false, "available_in_fallback": false}));
    assert_eq!(my(&app, &t, "nzia_market_impact").await["required_plan"], "premium");
    // the current app's agents are seeded with its plans (decision L4)
    assert_eq!(my(&app, &t, "quality").await["required_plan"], "analyst");
    assert_eq!(my(&app, &t, "bipv_design").await["required_plan"], "strategist");
    assert_eq!(my(&app, &t, "component_prices").await["required_plan"], "free");
    // after hiring, a free user may use free agents but not premium ones
    for a in ["market", "weaviate"] {
        app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": a})).await.assert(201);
    }
    assert_eq!(check(&app, &t, "market").await, json!({"can_access": true, "reason": null}));
    // the current web app keeps only hired agents in its chat switcher (`is_hired`)
    assert_eq!(my(&app, &t, "market").await["is_hired"], true);
    assert_eq!(my(&app, &t, "weaviate").await["is_hired"], true, "hired, though the plan does not reach it");
    assert_eq!(my(&app, &t, "news").await["is_hired"], false);
    app.post_json("/api/v1/agent-management/release", Some(&t), &json!({"agent_type": "market"})).await;
    assert_eq!(my(&app, &t, "market").await["is_hired"], false, "released");
    assert_eq!(check(&app, &t, "weaviate").await, json!({"can_access": false,
        "reason": "This agent requires a 'premium' plan or higher. Please upgrade your plan."}));
    assert_eq!(check(&app, &t, "unknown").await, json!({"can_access": false, "reason": "Agent 'unknown' is not configured"}));
    // om is leo_om
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "om"})).await.assert(201);
    assert_eq!(check(&app, &t, "om").await["can_access"], true);
    app.get("/api/v1/agent-access/my-agents", None).await.assert(401);
});

db_test!(async fn admins_whitelist_and_disabled_agents(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let t = app.user("ann@example.com").await;
    assert_eq!(check(&app, &admin, "weaviate").await["can_access"], true, "admins need no hire or plan");
    // disabled agents are unavailable even to admins
    app.send_json(Method::PUT, "/api/v1/agent-access/admin/update-config", Some(&admin), &json!({"agent_type": "news", "is_enabled": false})).await.assert(200);
    assert_eq!(check(&app, &admin, "news").await, json!({"can_access": false, "reason": "Agent 'news' is currently unavailable"}));
    let news = my(&app, &t, "news").await;
    assert_eq!(news["is_enabled"], false);
    // a whitelist grant needs no hire and no plan
    let r = app.post_json("/api/v1/agent-access/admin/grant-access", Some(&admin),
        &json!({"user_id": uid(&app, &t), "agent_type": "weaviate", "reason": "trial"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": format!("Successfully granted access to agent 'weaviate' for user {}", uid(&app, &t))}));
    assert_eq!(check(&app, &t, "weaviate").await["can_access"], true);
    let w = my(&app, &t, "weaviate").await;
    assert_eq!((w["is_whitelisted"].clone(), w["can_access"].clone()), (json!(true), json!(true)));
    // revoke keeps the row, inactive
    let r = app.post_json("/api/v1/agent-access/admin/revoke-access", Some(&admin), &json!({"user_id": uid(&app, &t), "agent_type": "weaviate"})).await;
    r.assert(200);
    assert_eq!(r.json()["message"], format!("Successfully revoked access to agent 'weaviate' for user {}", uid(&app, &t)));
    assert_eq!(check(&app, &t, "weaviate").await["can_access"], false);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_whitelist WHERE is_active = FALSE").await, 1);
    app.post_json("/api/v1/agent-access/admin/revoke-access", Some(&admin), &json!({"user_id": uid(&app, &t), "agent_type": "market"})).await
        .assert_detail(400, "Whitelist entry not found");
    // the grant upsert keeps one row per pair
    app.post_json("/api/v1/agent-access/admin/grant-access", Some(&admin), &json!({"user_id": uid(&app, &t), "agent_type": "weaviate"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_whitelist").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_whitelist WHERE is_active = TRUE AND reason IS NULL").await, 1);
});

db_test!(async fn whitelist_expiry_needs_no_job(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let t = app.user("ann@example.com").await;
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    app.post_json("/api/v1/agent-access/admin/grant-access", Some(&admin),
        &json!({"user_id": uid(&app, &t), "agent_type": "weaviate", "expires_at": soon})).await.assert(200);
    assert_eq!(check(&app, &t, "weaviate").await["can_access"], true);
    let listed = app.get("/api/v1/agent-access/admin/whitelisted-users/weaviate", Some(&admin)).await.json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["username"], "ann@example.com");
    assert_eq!(listed[0]["granted_by"], uid(&app, &admin));
    assert_eq!(listed[0]["is_active"], true);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(check(&app, &t, "weaviate").await, json!({"can_access": false, "reason": "You must hire this agent from the Agents page first"}));
    assert_eq!(my(&app, &t, "weaviate").await["is_whitelisted"], false);
    assert_eq!(app.get("/api/v1/agent-access/admin/whitelisted-users/weaviate", Some(&admin)).await.json(), json!([]));
    let all = app.get("/api/v1/agent-access/admin/whitelisted-users/weaviate?include_expired=true", Some(&admin)).await.json();
    assert_eq!(all.as_array().unwrap().len(), 1);
    let stats = app.get("/api/v1/agent-access/admin/statistics/weaviate", Some(&admin)).await.json();
    assert_eq!(stats, json!({"total_hired": 0, "total_whitelisted": 0}));
});

db_test!(async fn grandfathering_after_a_raise(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let early = app.user("early@example.com").await;
    let late = app.user("late@example.com").await;
    app.post_json("/api/v1/agent-management/hire", Some(&early), &json!({"agent_type": "news"})).await.assert(201);
    // the same second as the hire must not count as "before": wait past it
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    app.send_json(Method::PUT, "/api/v1/agent-access/admin/update-config", Some(&admin), &json!({"agent_type": "news", "required_plan": "premium"})).await.assert(200);
    app.post_json("/api/v1/agent-management/hire", Some(&late), &json!({"agent_type": "news"})).await.assert(201);
    assert_eq!(check(&app, &early, "news").await["can_access"], true);
    let e = my(&app, &early, "news").await;
    assert_eq!((e["is_grandfathered"].clone(), e["required_plan"].clone()), (json!(true), json!("premium")));
    assert_eq!(check(&app, &late, "news").await["can_access"], false);
    assert_eq!(my(&app, &late, "news").await["is_grandfathered"], false);
    // lowering and raising again moves the stamp forward: an earlier hire still qualifies
    app.send_json(Method::PUT, "/api/v1/agent-access/admin/update-config", Some(&admin), &json!({"agent_type": "news", "required_plan": "free"})).await.assert(200);
    assert_eq!(check(&app, &late, "news").await["can_access"], true);
    app.send_json(Method::PUT, "/api/v1/agent-access/admin/update-config", Some(&admin), &json!({"agent_type": "news", "required_plan": "max"})).await.assert(200);
    assert_eq!(check(&app, &late, "news").await["can_access"], false, "late hired under premium, is free: did not qualify");
    assert_eq!(check(&app, &early, "news").await["can_access"], true, "early hired under free");
    // releasing gives grandfathering up; hiring again records the current requirement
    app.post_json("/api/v1/agent-management/release", Some(&early), &json!({"agent_type": "news"})).await.assert(200);
    app.post_json("/api/v1/agent-management/hire", Some(&early), &json!({"agent_type": "news"})).await.assert(201);
    assert_eq!(check(&app, &early, "news").await["can_access"], false);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent WHERE required_plan_at_hire = 'max'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent").await, 2, "reactivated, not duplicated");
});

db_test!(async fn hire_with_plan_check(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let r = app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "market"})).await;
    r.assert(201);
    assert_eq!(r.json(), json!({"message": "Successfully hired agent 'market'"}));
    // idempotent
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "market"})).await.assert(201);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent").await, 1);
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "weaviate"})).await
        .assert_detail(400, "This agent requires a 'premium' plan. Please upgrade to hire this agent.");
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "nope"})).await
        .assert_detail(400, "Agent 'nope' not found");
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({})).await.assert(422);
    // duplicates left by the old service: the newest row is reactivated
    let u = uid(&app, &t);
    app.exec(&format!("INSERT INTO fastapi_hired_agent (user_id, agent_type, is_active, hired_at) VALUES ({u}, 'news', FALSE, '2020-01-01 00:00:00'), ({u}, 'news', FALSE, '2020-01-02 00:00:00')")).await;
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "news"})).await.assert(201);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent WHERE agent_type = 'news' AND is_active = TRUE").await, 1);
    assert_eq!(app.scalar("SELECT MAX(id) FROM fastapi_hired_agent WHERE agent_type = 'news' AND is_active = TRUE").await,
               app.scalar("SELECT MAX(id) FROM fastapi_hired_agent WHERE agent_type = 'news'").await);
});

db_test!(async fn admin_endpoints_need_an_admin(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let forbidden = "Not enough permissions. Admin access required.";
    app.post_json("/api/v1/agent-access/admin/grant-access", Some(&t), &json!({"user_id": 1, "agent_type": "market"})).await.assert_detail(403, forbidden);
    app.post_json("/api/v1/agent-access/admin/revoke-access", Some(&t), &json!({"user_id": 1, "agent_type": "market"})).await.assert_detail(403, forbidden);
    app.send_json(Method::PUT, "/api/v1/agent-access/admin/update-config", Some(&t), &json!({"agent_type": "market"})).await.assert_detail(403, forbidden);
    app.get("/api/v1/agent-access/admin/whitelisted-users/market", Some(&t)).await.assert_detail(403, forbidden);
    app.get("/api/v1/agent-access/admin/statistics/market", Some(&t)).await.assert_detail(403, forbidden);
    app.get("/api/v1/agent-access/admin/all-statistics", Some(&t)).await.assert_detail(403, forbidden);
    app.get("/api/v1/agent-access/admin/all-statistics", None).await.assert_detail(401, "Not authenticated");
});

db_test!(async fn grant_errors_and_validation(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let path = "/api/v1/agent-access/admin/grant-access";
    app.post_json(path, Some(&admin), &json!({"user_id": 1, "agent_type": "nope"})).await.assert_detail(400, "Agent 'nope' not found");
    app.post_json(path, Some(&admin), &json!({"user_id": 999, "agent_type": "market"})).await.assert_detail(400, "User 999 not found");
    app.post_json(path, Some(&admin), &json!({"user_id": "1", "agent_type": "market"})).await.assert(200);
    let r = app.post_json(path, Some(&admin), &json!({"user_id": "x", "agent_type": "market", "expires_at": "soon"})).await;
    assert_eq!(r.error_types(), ["int_parsing", "datetime_parsing"]);
    let r = app.post_json(path, Some(&admin), &json!({"agent_type": 3})).await;
    assert_eq!(r.error_types(), ["missing", "string_type"]);
});

db_test!(async fn update_config_creates_validates_and_audits(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let path = "/api/v1/agent-access/admin/update-config";
    // create: the plan is not validated (kept for compatibility)
    let r = app.send_json(Method::PUT, path, Some(&admin), &json!({"agent_type": "solar_x", "required_plan": "gold", "description": "New"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Successfully updated configuration for agent 'solar_x'"}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'solar_x' AND required_plan = 'gold' AND is_enabled = TRUE AND required_plan_raised_at IS NULL").await, 1);
    // update: it is
    app.send_json(Method::PUT, path, Some(&admin), &json!({"agent_type": "market", "required_plan": "gold"})).await
        .assert_detail(400, "Invalid plan type: gold");
    app.send_json(Method::PUT, path, Some(&admin), &json!({"agent_type": "market", "description": "Changed"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'market' AND description = 'Changed' AND required_plan = 'free' AND required_plan_raised_at IS NULL").await, 1);
    // a lower or equal plan leaves the stamp alone
    app.send_json(Method::PUT, path, Some(&admin), &json!({"agent_type": "weaviate", "required_plan": "free"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'weaviate' AND required_plan_raised_at IS NULL").await, 1);
    app.send_json(Method::PUT, path, Some(&admin), &json!({"agent_type": "weaviate", "required_plan": "admin"})).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'weaviate' AND required_plan_raised_at IS NOT NULL").await, 1);
    // every change is in the audit log with before and after
    let log = app.get("/api/v1/admin/audit-log", Some(&admin)).await.json();
    let first = &log["items"][0];
    assert_eq!(first["action"], "update_agent_config");
    assert_eq!(first["target"], "weaviate");
    assert_eq!(first["before"]["required_plan"], "free");
    assert_eq!(first["after"]["required_plan"], "admin");
    assert_eq!(first["actor_id"], uid(&app, &admin));
    assert!(first["request_id"].is_string());
    // (and the `create_admin` of the test's admin)
    assert_eq!(log["total"], 5);
});

db_test!(async fn statistics_are_aggregates(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    for i in 0..3 {
        let t = app.user(&format!("u{i}@example.com")).await;
        app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "market"})).await.assert(201);
        if i == 0 {
            app.post_json("/api/v1/agent-management/release", Some(&t), &json!({"agent_type": "market"})).await.assert(200);
            app.post_json("/api/v1/agent-access/admin/grant-access", Some(&admin), &json!({"user_id": uid(&app, &t), "agent_type": "price"})).await.assert(200);
        }
    }
    assert_eq!(app.get("/api/v1/agent-access/admin/statistics/market", Some(&admin)).await.json(), json!({"total_hired": 2, "total_whitelisted": 0}));
    assert_eq!(app.get("/api/v1/agent-access/admin/statistics/price", Some(&admin)).await.json(), json!({"total_hired": 0, "total_whitelisted": 1}));
    assert_eq!(app.get("/api/v1/agent-access/admin/statistics/unknown", Some(&admin)).await.json(), json!({"total_hired": 0, "total_whitelisted": 0}));
    let all = app.get("/api/v1/agent-access/admin/all-statistics", Some(&admin)).await.json();
    assert_eq!(all.as_object().unwrap().len(), 14);
    assert_eq!(all["market"], json!({"market": {"total_hired": 2, "total_whitelisted": 0}}));
    assert_eq!(all["price"], json!({"price": {"total_hired": 0, "total_whitelisted": 1}}));
});

db_test!(async fn internal_failures_name_the_request_id(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let t = app.user("ann@example.com").await;
    match b {
        Backend::Sqlite => app.exec("CREATE TRIGGER no_grants BEFORE INSERT ON fastapi_agent_whitelist BEGIN SELECT RAISE(ABORT, 'refused'); END").await,
        Backend::Postgres => {
            app.exec("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql").await;
            app.exec("CREATE TRIGGER no_grants BEFORE INSERT ON fastapi_agent_whitelist FOR EACH ROW EXECUTE FUNCTION refuse()").await;
        }
    }
    let req = TestApp::req(Method::POST, "/api/v1/agent-access/admin/grant-access", Some(&admin))
        .header("content-type", "application/json")
        .header("x-request-id", "rid-grant-1")
        .body(axum::body::Body::from(json!({"user_id": uid(&app, &t), "agent_type": "news"}).to_string()))
        .unwrap();
    app.request(req).await.assert_detail(400, "Error granting access: internal error (request id rid-grant-1)");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_audit_log WHERE action <> 'create_admin'").await, 0, "no audit entry without the change");
});

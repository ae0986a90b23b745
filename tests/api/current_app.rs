//! What the current React app (the old service at `805144e`) needs beyond the first
//! contract, as additions (decisions L2, L4, L5).

use std::time::Duration;

use axum::http::Method;
use serde_json::{Value, json};
use solarintel::domain::agents::AgentType;
use solarintel::domain::plans::Plan;

use crate::support::answers::{ask, conversation};
use crate::support::chat::{counters, openai_app};
use crate::support::fake_llm::Reply;
use crate::support::*;

async fn hire(app: &TestApp, t: &str, agent: &str) {
    app.post_json(
        "/api/v1/agent-management/hire",
        Some(t),
        &json!({"agent_type": agent}),
    )
    .await
    .assert(201);
}

db_test!(async fn the_current_apps_agents_are_hired_and_answer_honestly(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let t = app.user("ann@example.com").await;
    for a in ["component_prices", "seamless", "quality", "storage_optimization", "bipv_design", "price"] {
        hire(&app, &t, a).await;
    }
    // The prices agent of the current app answers from the price data, as `price` does.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "component_prices", "Latest n-type TOPCon module price in China").await;
    let (_, old) = ask(&app, &t, c, "price", "Latest n-type TOPCon module price in China").await;
    assert!(text.contains("US$/Wp") && text == old, "{text}\n---\n{old}");
    // A document agent whose collection holds nothing says so and states nothing.
    let (_, text) = ask(&app, &t, c, "seamless", "What is the efficiency of BIPV facades?").await;
    assert!(text.contains("No data is loaded for this agent yet"), "{text}");
    assert!(!text.chars().any(|ch| ch.is_ascii_digit()), "{text}");
    // The storage optimiser this installation does not have: said plainly, no figure, not counted.
    let before = counters(&app).await;
    let (_, text) = ask(&app, &t, c, "storage_optimization", "Size a battery for a 10 kWp roof in Milan").await;
    assert!(text.contains("not available on this installation") && !text.chars().any(|ch| ch.is_ascii_digit()), "{text}");
    assert_eq!(counters(&app).await, before, "a turn that cannot answer is not counted");
    // Plans of the current app rank the new agents: a free user may hire but not use them.
    for (agent, plan) in [("quality", "analyst"), ("bipv_design", "strategist")] {
        let r = app
            .post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "hello", "agent_type": agent}))
            .await;
        r.assert(403);
        assert_eq!(r.json()["detail"], format!("This agent requires a '{plan}' plan or higher. Please upgrade your plan."));
    }
    // An admin gives Ann the analyst plan: the reliability agent opens, the strategist's not.
    let admin = app.admin("ada@example.com").await;
    let ann = app.scalar("SELECT id FROM fastapi_users WHERE username = 'ann@example.com'").await;
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{ann}"), Some(&admin), &json!({"plan_type": "analyst"}))
        .await
        .assert(200);
    let (_, text) = ask(&app, &t, c, "quality", "What are the main PID failure modes?").await;
    assert!(text.contains("No data is loaded for this agent yet"), "{text}");
    let r = app
        .post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "hello", "agent_type": "bipv_design"}))
        .await;
    r.assert(403);
    // Each answer says which agent gave it; the user's messages say none.
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let agents: Vec<&Value> = msgs.as_array().unwrap().iter().map(|m| &m["agent_type"]).collect();
    assert_eq!(
        agents,
        [&Value::Null, &json!("component_prices"), &Value::Null, &json!("price"), &Value::Null, &json!("seamless"),
         &Value::Null, &json!("storage_optimization"), &Value::Null, &json!("quality")],
        "{msgs}"
    );
    let profile = app.get("/api/v1/profile", Some(&t)).await.json();
    assert_eq!(profile["plan_info"], json!({"type": "analyst", "status": "Active", "end_date": null}), "{profile}");
});

db_test!(async fn an_agent_that_cannot_answer_asks_no_model(b) {
    // A model that would answer with a figure is never asked.
    let (app, fake) = openai_app(b, vec![Reply::Text(vec!["Your battery should be 13.5 kWh."], Duration::ZERO)]).await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "storage_optimization").await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "storage_optimization", "Size a battery for my roof").await;
    assert!(text.contains("not available on this installation") && !text.contains("13.5"), "{text}");
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
});

db_test!(async fn an_admin_grant_with_unlimited_queries_is_not_counted(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let admin = app.admin("ada@example.com").await;
    let t = app.user("ann@example.com").await;
    let ann = app.scalar("SELECT id FROM fastapi_users WHERE username = 'ann@example.com'").await;
    let path = format!("/api/v1/admin/users/{ann}/agent-whitelist");
    // Ann (free) is granted the analyst-plan agent with unlimited queries, and market without.
    let r = app.post_json(&path, Some(&admin), &json!({"agent_type": "quality", "unlimited_queries": true, "reason": "pilot"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "message": format!("Granted unlimited access to quality for user {ann}")}));
    let r = app.post_json(&path, Some(&admin), &json!({"agent_type": "market"})).await;
    assert_eq!(r.json()["message"], format!("Granted access to market for user {ann}"));
    let list = app.get(&path, Some(&admin)).await.json();
    let rows: Vec<(&str, bool, bool)> = list.as_array().unwrap().iter()
        .map(|g| (g["agent_type"].as_str().unwrap(), g["is_active"].as_bool().unwrap(), g["unlimited_queries"].as_bool().unwrap()))
        .collect();
    assert_eq!(rows, [("market", true, false), ("quality", true, true)]);
    assert_eq!(list[1]["reason"], "pilot");
    // What Ann's app asks.
    assert_eq!(app.get("/api/v1/chat/check-unlimited-access/quality", Some(&t)).await.json(),
        json!({"has_unlimited": true, "agent_type": "quality", "user_id": ann}));
    assert_eq!(app.get("/api/v1/chat/check-unlimited-access/market", Some(&t)).await.json()["has_unlimited"], false);
    assert_eq!(app.get("/api/v1/chat/unlimited-access-agents", Some(&t)).await.json(), json!({"agents": ["quality"], "user_id": ann}));
    // The granted agent answers without counting; the limited grant counts.
    let c = conversation(&app, &t).await;
    let before = counters(&app).await;
    ask(&app, &t, c, "quality", "What are the main PID failure modes?").await;
    assert_eq!(counters(&app).await, before, "unlimited: not counted");
    ask(&app, &t, c, "market", "Italy 2024 annual installations").await;
    assert_eq!(counters(&app).await, (before.0 + 1, before.1 + 1));
    // Still unlimited with the monthly quota used up.
    app.account(ann).monthly_count(5).apply().await;
    ask(&app, &t, c, "quality", "And corrosion?").await;
    // Revoked: the row stays, inactive, and the queries count again.
    let r = app.send_json(Method::DELETE, &format!("{path}/quality"), Some(&admin), &json!({})).await;
    assert_eq!(r.json(), json!({"success": true, "message": format!("Revoked access to quality for user {ann}")}));
    assert_eq!(app.get(&path, Some(&admin)).await.json()[1]["is_active"], false);
    assert_eq!(app.get("/api/v1/chat/unlimited-access-agents", Some(&t)).await.json()["agents"], json!([]));
    // An expired unlimited grant is not unlimited.
    app.post_json(&path, Some(&admin), &json!({"agent_type": "quality", "unlimited_queries": true, "expires_at": "2020-01-01"})).await.assert(200);
    assert_eq!(app.get("/api/v1/chat/check-unlimited-access/quality", Some(&t)).await.json()["has_unlimited"], false);
    // Errors in the old service's words; only admins.
    app.post_json(&path, Some(&admin), &json!({"agent_type": "nope"})).await.assert_detail(400, "Agent 'nope' not found");
    app.post_json("/api/v1/admin/users/999999/agent-whitelist", Some(&admin), &json!({"agent_type": "market"})).await
        .assert_detail(400, "User 999999 not found");
    app.send_json(Method::DELETE, &format!("/api/v1/admin/users/{ann}/agent-whitelist/news"), Some(&admin), &json!({})).await
        .assert_detail(400, "Whitelist entry not found");
    app.get(&path, Some(&t)).await.assert(403);
    app.post_json(&path, Some(&t), &json!({"agent_type": "market"})).await.assert(403);
    assert_eq!(app.get("/api/v1/admin/users/999999/agent-whitelist", Some(&admin)).await.json(), json!([]));
});

db_test!(async fn a_failed_turn_under_an_unlimited_grant_gives_back_nothing(b) {
    // The model fails before any answer: a counted turn would be refunded; this one was never
    // counted, so the user's counters stay as they were (no query handed out).
    let (app, _fake) = openai_app(b, vec![Reply::Status(500)]).await;
    let admin = app.admin("ada@example.com").await;
    let t = app.user("ann@example.com").await;
    let ann = app.scalar("SELECT id FROM fastapi_users WHERE username = 'ann@example.com'").await;
    app.post_json(&format!("/api/v1/admin/users/{ann}/agent-whitelist"), Some(&admin), &json!({"agent_type": "news", "unlimited_queries": true}))
        .await
        .assert(200);
    app.account(ann).query_count(3).monthly_count(3).apply().await;
    let c = conversation(&app, &t).await;
    let r = app
        .post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "news?", "agent_type": "news"}))
        .await;
    r.assert(200);
    assert!(r.text().contains("Agent error: no answer was produced"), "{}", r.text());
    assert_eq!(counters(&app).await, (3, 3));
});

// --- The free trial and the fallback agent (decision L4, setting FALLBACK_AGENT) ---

/// An app with the current app's fallback agent, on the built-in provider.
async fn trial_app(b: Backend) -> TestApp {
    TestApp::builder(b)
        .env("FALLBACK_AGENT", "seamless")
        .start()
        .await
}

async fn send(app: &TestApp, t: &str, c: i64, agent: &str) -> Resp {
    app.post_json(
        "/api/v1/chat/send",
        Some(t),
        &json!({"conversation_id": c, "message": "What is new?", "agent_type": agent}),
    )
    .await
}

async fn check(app: &TestApp, t: &str, agent: &str) -> Value {
    app.get(&format!("/api/v1/agent-access/check/{agent}"), Some(t))
        .await
        .json()
}

/// (monthly count, all-time count, the fallback queries left today or NULL as -1)
async fn usage(app: &TestApp) -> (i64, i64, i64) {
    let (q, m) = counters(app).await;
    let d = app
        .scalar(
            "SELECT COALESCE(daily_free_queries, -1) FROM fastapi_users WHERE username LIKE 'ann%'",
        )
        .await;
    (m, q, d)
}

const CLOSED: &str = "Your trial has ended. Only Sam is available in the free tier. Please upgrade to continue using this agent.";

db_test!(async fn the_trial_opens_hired_agents_then_only_the_fallback_agent(b) {
    let app = trial_app(b).await;
    // The current app's plan for the NZIA market agent: strategist.
    app.agent_requires(AgentType::NziaMarketImpact, Plan::Strategist).await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "nzia_market_impact").await;
    hire(&app, &t, "market").await;
    // In the trial a free user may use a hired strategist agent (without the trial: 403).
    assert_eq!(check(&app, &t, "nzia_market_impact").await, json!({"can_access": true, "reason": null}));
    let c = conversation(&app, &t).await;
    for i in 1..=5 {
        send(&app, &t, c, "nzia_market_impact").await.assert(200);
        assert_eq!(usage(&app).await.0, i);
    }
    // Five queries later the trial has ended: only Sam.
    send(&app, &t, c, "nzia_market_impact").await.assert_detail(403, CLOSED);
    send(&app, &t, c, "market").await.assert_detail(403, CLOSED);
    assert_eq!(check(&app, &t, "nzia_market_impact").await, json!({"can_access": false, "reason": CLOSED}));
    // Hiring: only the fallback agent now (`agent-access/hire` applies the rule).
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "news"})).await
        .assert_detail(400, "Your trial has ended. Only Sam is available in the free tier. Upgrade to hire more agents!");
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "seamless"})).await.assert(201);
    // Sam answers, counted against the day, not the month.
    let (_, before, _) = usage(&app).await;
    send(&app, &t, c, "seamless").await.assert(200);
    assert_eq!(usage(&app).await, (5, before + 1, 9));
    // The lists say which agent stays: my-agents and the catalogue.
    let mine = app.get("/api/v1/agent-access/my-agents", Some(&t)).await.json();
    let row = |id: &str| mine.as_array().unwrap().iter().find(|a| a["agent_type"] == id).unwrap().clone();
    assert_eq!((row("seamless")["can_access"].clone(), row("seamless")["available_in_fallback"].clone()), (json!(true), json!(true)));
    assert_eq!(row("nzia_market_impact")["access_reason"], CLOSED);
    assert_eq!(row("market")["available_in_fallback"], false);
    let catalogue = app.get("/api/v1/agent-management/available", Some(&t)).await.json();
    let fallback: Vec<&Value> = catalogue.as_array().unwrap().iter()
        .filter(|a| a["available_in_fallback"] == true).map(|a| &a["agent_type"]).collect();
    assert_eq!(fallback, [&json!("seamless")]);
});

db_test!(async fn trial_status_reads_and_releases_nothing(b) {
    let app = trial_app(b).await;
    let t = app.user("ann@example.com").await;
    for a in ["market", "news", "seamless"] {
        hire(&app, &t, a).await;
    }
    let open = json!({"is_trial_exhausted": false, "agents_unhired": 0, "redirect_to_agents": false, "message": null});
    assert_eq!(app.get("/api/v1/agent-access/trial-status", Some(&t)).await.json(), open);
    app.account("ann@example.com").monthly_count(5).apply().await;
    let ended = json!({"is_trial_exhausted": true, "agents_unhired": 2, "redirect_to_agents": true,
        "message": "Your trial has ended. Only Sam is available in the free tier. Please upgrade to continue using other agents."});
    for _ in 0..2 {
        let r = app.get("/api/v1/agent-access/trial-status", Some(&t)).await;
        r.assert(200);
        assert_eq!(r.json(), ended);
    }
    // Nothing was released: the three hires are there, and usable again on a paid plan.
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent WHERE is_active = TRUE").await, 3);
    assert_eq!(app.get("/api/v1/agent-management/hired", Some(&t)).await.json().as_array().unwrap().len(), 3);
    app.account("ann@example.com").plan(Plan::Analyst).apply().await;
    assert_eq!(app.get("/api/v1/agent-access/trial-status", Some(&t)).await.json(), open);
    assert_eq!(check(&app, &t, "news").await["can_access"], true);
});

db_test!(async fn the_fallback_agent_answers_ten_a_day(b) {
    let app = trial_app(b).await;
    let admin = app.admin("ada@example.com").await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "seamless").await;
    app.account("ann@example.com").monthly_count(5).apply().await;
    let c = conversation(&app, &t).await;
    for _ in 0..8 {
        send(&app, &t, c, "seamless").await.assert(200);
    }
    assert_eq!(usage(&app).await, (5, 8, 2));
    // Parallel sends take what is left of the day and no more.
    let sends = (0..5).map(|_| send(&app, &t, c, "seamless"));
    let mut statuses: Vec<u16> = futures::future::join_all(sends).await.iter().map(|r| r.status.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 429, 429, 429]);
    assert_eq!(usage(&app).await, (5, 10, 0));
    let limit = json!({"detail": {"error": "Daily query limit reached. Sam is available with 10 queries per day.",
        "plan_type": "free", "queries_used": 5, "query_limit": 5, "daily_queries_remaining": 0,
        "upgrade_required": true, "is_fallback_mode": true, "fallback_agent": "seamless"}});
    let r = send(&app, &t, c, "seamless").await;
    r.assert(429);
    assert_eq!(r.json(), limit);
    // Another agent past the trial, reachable through a grant without unlimited queries.
    let ann = app.scalar("SELECT id FROM fastapi_users WHERE username = 'ann@example.com'").await;
    app.post_json(&format!("/api/v1/admin/users/{ann}/agent-whitelist"), Some(&admin), &json!({"agent_type": "news"}))
        .await
        .assert(200);
    let r = send(&app, &t, c, "news").await;
    r.assert(429);
    assert_eq!(r.json(), json!({"detail": {"error": "Trial ended. Only Sam is available with 10 queries/day.",
        "plan_type": "free", "queries_used": 5, "query_limit": 5, "upgrade_required": true,
        "is_fallback_mode": true, "fallback_agent": "seamless"}}));
    // The next day (the stored day set back) the quota is there again.
    app.account("ann@example.com").fallback_day(day("2020-01-01")).apply().await;
    send(&app, &t, c, "seamless").await.assert(200);
    assert_eq!(usage(&app).await, (5, 11, 9));
});

db_test!(async fn a_survey_bonus_extends_the_trial(b) {
    let app = trial_app(b).await;
    app.agent_requires(AgentType::NziaMarketImpact, Plan::Strategist).await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "nzia_market_impact").await;
    app.account("ann@example.com").monthly_count(5).apply().await;
    assert_eq!(check(&app, &t, "nzia_market_impact").await["can_access"], false);
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &json!({"role": "analyst", "role_other": null,
        "regions": ["Europe"], "familiarity": "expert", "insights": ["prices"], "tailored": "yes"}))
        .await
        .assert(200);
    // Five more trial queries: the agent opens again and counts against the month.
    assert_eq!(check(&app, &t, "nzia_market_impact").await["can_access"], true);
    assert_eq!(app.get("/api/v1/agent-access/trial-status", Some(&t)).await.json()["is_trial_exhausted"], false);
    let c = conversation(&app, &t).await;
    send(&app, &t, c, "nzia_market_impact").await.assert(200);
    assert_eq!(usage(&app).await.0, 6);
    app.account("ann@example.com").monthly_count(10).apply().await;
    send(&app, &t, c, "nzia_market_impact").await.assert_detail(403, CLOSED);
});

db_test!(async fn a_failed_fallback_turn_gives_the_day_its_query_back(b) {
    let (app, _fake) = crate::support::chat::openai_app_with(b, vec![Reply::Status(500)], &[("FALLBACK_AGENT", "seamless")]).await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "seamless").await;
    app.account("ann@example.com").query_count(7).monthly_count(5).apply().await;
    let c = conversation(&app, &t).await;
    let r = send(&app, &t, c, "seamless").await;
    r.assert(200);
    assert!(r.text().contains("Agent error: no answer was produced"), "{}", r.text());
    // Taken from the day (9 left), then given back: the day's ten, the totals as they were.
    assert_eq!(usage(&app).await, (5, 7, 10));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE refunded = TRUE AND fallback_daily = TRUE").await, 1);
});

db_test!(async fn without_the_setting_there_is_no_trial(b) {
    let app = TestApp::start(b).await;
    app.agent_requires(AgentType::NziaMarketImpact, Plan::Strategist).await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "nzia_market_impact").await;
    hire(&app, &t, "seamless").await;
    let plan = "This agent requires a 'strategist' plan or higher. Please upgrade your plan.";
    assert_eq!(check(&app, &t, "nzia_market_impact").await, json!({"can_access": false, "reason": plan}));
    app.post_json("/api/v1/agent-access/hire", Some(&t), &json!({"agent_type": "nzia_market_impact"})).await
        .assert_detail(400, "This agent requires a 'strategist' plan. Please upgrade to hire this agent.");
    app.account("ann@example.com").monthly_count(5).apply().await;
    let c = conversation(&app, &t).await;
    let r = send(&app, &t, c, "seamless").await;
    r.assert(429);
    assert_eq!(r.json(), json!({"detail": {"error": "Query limit reached. You have used 5/5 queries this month.",
        "plan_type": "free", "queries_used": 5, "query_limit": 5, "upgrade_required": true}}));
    assert_eq!(app.get("/api/v1/agent-access/trial-status", Some(&t)).await.json(),
        json!({"is_trial_exhausted": false, "agents_unhired": 0, "redirect_to_agents": false, "message": null}));
    let mine = app.get("/api/v1/agent-access/my-agents", Some(&t)).await.json();
    assert!(mine.as_array().unwrap().iter().all(|a| a["available_in_fallback"] == false), "{mine}");
});

//! The admin analytics of the current React app (decision L6): the nine endpoints under
//! `/api/v1/admin/analytics`, on a small platform whose every figure is known, with admins and
//! soft-deleted accounts left out, pseudonyms instead of ids and emails, the query log's search
//! and agent filter applied before paging, and the CSV export streamed, capped and defused.

use axum::body::Body;
use chrono::{Duration, NaiveDateTime, Utc};
use serde_json::{Value, json};
use solarintel::domain::plans::Plan;
use solarintel::http::analytics::Pseudonyms;
use solarintel::store::Db;

use crate::support::*;

const BASE: &str = "/api/v1/admin/analytics";

/// The nine endpoints, with parameters that are valid for each.
const ENDPOINTS: [&str; 9] = [
    "overview",
    "usage-over-time?days=30",
    "agent-usage?days=30",
    "recent-queries?limit=20",
    "user-engagement",
    "hourly-distribution",
    "full-report?days=30",
    "surveys",
    "export-queries-csv?days=30",
];

/// `INSERT ... RETURNING` the new row's id.
async fn insert(app: &TestApp, sql: &str) -> i64 {
    let sql = format!("{sql} RETURNING CAST(id AS BIGINT)");
    match app.db() {
        Db::Sqlite(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(p)
            .await
            .unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(p)
            .await
            .unwrap(),
    }
}

/// `days` days before today (UTC) at `hh:mm`, as stored.
fn day_at(days: i64, hm: &str) -> String {
    let d = (Utc::now() - Duration::days(days)).date_naive();
    format!("{d} {hm}:00")
}

fn date_of(days: i64) -> String {
    (Utc::now() - Duration::days(days)).date_naive().to_string()
}

fn sql_text(v: Option<&str>) -> String {
    v.map_or("NULL".into(), |s| format!("'{}'", s.replace('\'', "''")))
}

async fn conversation(app: &TestApp, user: i64, agent: Option<&str>, at: &str) -> i64 {
    insert(app, &format!(
        "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES ({user}, 'c', {}, '{at}')",
        sql_text(agent)
    )).await
}

/// A message stored as the service stores it (the string envelope).
async fn message(
    app: &TestApp,
    conv: i64,
    sender: &str,
    text: &str,
    at: &str,
    agent: Option<&str>,
) -> i64 {
    let content = json!({"type": "string", "value": text, "comment": null}).to_string();
    raw_message(app, conv, sender, &content, at, agent).await
}

async fn raw_message(
    app: &TestApp,
    conv: i64,
    sender: &str,
    content: &str,
    at: &str,
    agent: Option<&str>,
) -> i64 {
    insert(app, &format!(
        "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp, agent_type) VALUES ({conv}, '{sender}', {}, '{at}', {})",
        sql_text(Some(content)), sql_text(agent)
    )).await
}

fn names(app: &TestApp) -> Pseudonyms {
    Pseudonyms::new(&app.state.settings.secret_key)
}

/// A platform whose figures are all known (see each test). Returns (admin token, ann, bob).
struct Platform {
    admin: String,
    ann: i64,
    bob: i64,
}

async fn platform(app: &TestApp) -> Platform {
    let admin = app.admin("boss@example.com").await;
    let boss = app
        .scalar("SELECT id FROM fastapi_users WHERE username = 'boss@example.com'")
        .await;
    let ann = app.register("ann@example.com").await;
    let bob = app.register("bob@example.com").await;
    let cat = app.register("cat@example.com").await;
    app.account(ann).plan(Plan::Analyst).apply().await;
    app.account(bob).plan(None).active(false).apply().await;
    app.backdate_account(bob, 10 * 86_400).await;
    app.account(cat).deleted(true).apply().await;

    // ann: one market conversation 20 days ago, one news conversation 2 days ago in which a
    // second agent answered, one question got no answer, and the next one did.
    let c1 = conversation(app, ann, Some("market"), &day_at(20, "09:00")).await;
    message(
        app,
        c1,
        "user",
        "How much PV did Italy install?",
        &day_at(20, "09:15"),
        None,
    )
    .await;
    message(
        app,
        c1,
        "bot",
        "Italy installed 6.8 GW.",
        &day_at(20, "09:16"),
        Some("market"),
    )
    .await;
    let c2 = conversation(app, ann, Some("news"), &day_at(2, "13:59")).await;
    message(
        app,
        c2,
        "user",
        "Solar news in Spain?",
        &day_at(2, "14:00"),
        None,
    )
    .await;
    message(
        app,
        c2,
        "bot",
        "Spanish  **auctions**\tresumed.",
        &day_at(2, "14:01"),
        Some("quality"),
    )
    .await;
    message(
        app,
        c2,
        "user",
        "=HYPERLINK(\"http://x\")",
        &day_at(2, "14:05"),
        None,
    )
    .await;
    message(
        app,
        c2,
        "user",
        "And in SOLAR France?\nsecond line",
        &day_at(2, "14:10"),
        None,
    )
    .await;
    message(
        app,
        c2,
        "bot",
        "France: 3 GW.",
        &day_at(2, "14:11"),
        Some("news"),
    )
    .await;
    // bob: a conversation without an agent 2 days ago, and an old one (40 days) never answered.
    let c3 = conversation(app, bob, None, &day_at(2, "14:29")).await;
    message(
        app,
        c3,
        "user",
        "Module prices, 50% lower?",
        &day_at(2, "14:30"),
        None,
    )
    .await;
    message(app, c3, "bot", "Yes.", &day_at(2, "14:31"), None).await;
    let c4 = conversation(app, bob, Some("market"), &day_at(40, "10:00")).await;
    message(app, c4, "user", "Old question", &day_at(40, "10:00"), None).await;
    // the deleted account and the admin: never counted
    for (user, text) in [
        (cat, "deleted user's solar question"),
        (boss, "admin's solar question"),
    ] {
        let c = conversation(app, user, Some("market"), &day_at(2, "15:00")).await;
        message(app, c, "user", text, &day_at(2, "15:00"), None).await;
        message(app, c, "bot", "answer", &day_at(2, "15:01"), Some("market")).await;
    }
    for (user, agent, active) in [
        (ann, "market", true),
        (ann, "news", true),
        (bob, "market", false),
        (cat, "market", true),
        (boss, "news", true),
    ] {
        app.exec(&format!(
            "INSERT INTO fastapi_hired_agent (user_id, agent_type, is_active) VALUES ({user}, '{agent}', {active})"
        )).await;
    }
    Platform { admin, ann, bob }
}

fn data(r: &Resp) -> Value {
    r.assert(200);
    let body = r.json();
    assert_eq!(body["status"], "success", "{body}");
    body["data"].clone()
}

db_test!(async fn only_admins_see_analytics(b) {
    let app = TestApp::start(b).await;
    let user = app.user("ann@example.com").await;
    for e in ENDPOINTS {
        let path = format!("{BASE}/{e}");
        app.get(&path, None).await.assert_detail(401, "Not authenticated");
        app.get(&path, Some(&user)).await
            .assert_detail(403, "Not enough permissions. Admin access required.");
    }
    // the bounds are checked after the admin check
    app.get(&format!("{BASE}/usage-over-time?days=0"), Some(&user)).await.assert(403);
});

db_test!(async fn parameters_out_of_range_are_422(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let long = "x".repeat(201);
    let agent = "a".repeat(51);
    let cases: Vec<(String, &str, &str)> = vec![
        ("usage-over-time?days=0".into(), "days", "greater_than_equal"),
        ("agent-usage?days=366".into(), "days", "less_than_equal"),
        ("user-engagement?days=abc".into(), "days", "int_parsing"),
        ("hourly-distribution?days=-1".into(), "days", "greater_than_equal"),
        ("full-report?days=1000".into(), "days", "less_than_equal"),
        ("recent-queries?limit=0".into(), "limit", "greater_than_equal"),
        ("recent-queries?limit=501".into(), "limit", "less_than_equal"),
        ("recent-queries?offset=-1".into(), "offset", "greater_than_equal"),
        ("recent-queries?days=0".into(), "days", "greater_than_equal"),
        ("recent-queries?days=366".into(), "days", "less_than_equal"),
        (format!("recent-queries?search={long}"), "search", "string_too_long"),
        (format!("recent-queries?agent={agent}"), "agent", "string_too_long"),
        ("export-queries-csv?days=0".into(), "days", "greater_than_equal"),
        (format!("export-queries-csv?agent={agent}"), "agent", "string_too_long"),
    ];
    for (q, field, kind) in cases {
        let r = app.get(&format!("{BASE}/{q}"), Some(&admin)).await;
        r.assert(422);
        assert!(r.header("content-type").unwrap().starts_with("application/json"), "{q}");
        let e = &r.detail()[0];
        assert_eq!(e["loc"], json!(["query", field]), "{q}: {e}");
        assert_eq!(e["type"], kind, "{q}: {e}");
    }
    let r = app.get(&format!("{BASE}/usage-over-time?days=0"), Some(&admin)).await;
    assert_eq!(r.json(), json!({"detail": [{"type": "greater_than_equal", "loc": ["query", "days"],
        "msg": "Input should be greater than or equal to 1", "input": "0", "ctx": {"ge": 1}}]}));
    // the bounds themselves are accepted
    for q in ["usage-over-time?days=1", "usage-over-time?days=365", "recent-queries?limit=1",
              "recent-queries?limit=500&offset=0&days=365", "recent-queries?agent=all&search="] {
        app.get(&format!("{BASE}/{q}"), Some(&admin)).await.assert(200);
    }
});

db_test!(async fn figures_leave_out_admins_and_deleted_accounts(b) {
    let app = TestApp::start(b).await;
    let p = platform(&app).await;
    let n = names(&app);
    let (ann, bob) = (n.of(p.ann as i32), n.of(p.bob as i32));

    let overview = data(&app.get(&format!("{BASE}/overview"), Some(&p.admin)).await);
    assert_eq!(overview, json!({
        "total_users": 2, "active_users": 1, "total_conversations": 4, "total_messages": 10,
        "total_queries": 6, "total_responses": 4, "plan_distribution": {"analyst": 1, "free": 1},
        "new_users_week": 1, "new_users_month": 2,
    }));

    let usage = data(&app.get(&format!("{BASE}/usage-over-time?days=30"), Some(&p.admin)).await);
    assert_eq!(usage, json!({"period_days": 30, "total_queries": 5, "daily_data": [
        {"date": date_of(20), "queries": 1, "active_users": 1, "new_conversations": 1},
        {"date": date_of(2), "queries": 4, "active_users": 2, "new_conversations": 2},
    ]}));

    // by the conversation's agent; `unknown` for the one without; hires now, of counted users
    let agents = data(&app.get(&format!("{BASE}/agent-usage"), Some(&p.admin)).await);
    assert_eq!(agents, json!({"period_days": 30, "total_queries": 5, "agents": [
        {"agent": "news", "queries": 3, "unique_users": 1, "conversations": 1, "currently_hired": 1},
        {"agent": "market", "queries": 1, "unique_users": 1, "conversations": 1, "currently_hired": 1},
        {"agent": "unknown", "queries": 1, "unique_users": 1, "conversations": 1, "currently_hired": 0},
    ]}));

    // halves: 20 days ago is in the first half of 30 days, 2 days ago in the second
    let engagement = data(&app.get(&format!("{BASE}/user-engagement?days=30"), Some(&p.admin)).await);
    assert_eq!(engagement, json!({
        "period_days": 30, "total_queries": 5, "unique_active_users": 2, "avg_queries_per_user": 2.5,
        "top_users_anonymized": [{"user_hash": ann, "queries": 4}, {"user_hash": bob, "queries": 1}],
        "first_half_active_users": 1, "second_half_active_users": 2,
    }));

    // UTC hours of the stored times
    let hourly = data(&app.get(&format!("{BASE}/hourly-distribution"), Some(&p.admin)).await);
    let hours = hourly["hourly_distribution"].as_array().unwrap();
    assert_eq!(hours.len(), 24);
    for (h, e) in hours.iter().enumerate() {
        let want = match h { 9 => 1, 14 => 4, _ => 0 };
        assert_eq!(e, &json!({"hour": h, "queries": want}));
    }
    assert_eq!((hourly["peak_hour"].clone(), hourly["peak_queries"].clone()), (json!(14), json!(4)));

    // the dashboard's one call holds the same reports
    let full = data(&app.get(&format!("{BASE}/full-report?days=30"), Some(&p.admin)).await);
    assert_eq!(full["period_days"], 30);
    assert_eq!(full["overview"], overview);
    assert_eq!(full["usage_over_time"], usage);
    assert_eq!(full["agent_stats"], agents);
    assert_eq!(full["user_engagement"], engagement);
    assert_eq!(full["hourly_distribution"], hourly);
    let generated = NaiveDateTime::parse_from_str(full["generated_at"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S%.f").unwrap();
    assert!((Utc::now().naive_utc() - generated).num_seconds().abs() < 60);

    // one day: no query in it
    let empty = data(&app.get(&format!("{BASE}/full-report?days=1"), Some(&p.admin)).await);
    assert_eq!(empty["usage_over_time"], json!({"period_days": 1, "daily_data": [], "total_queries": 0}));
    assert_eq!(empty["agent_stats"], json!({"period_days": 1, "agents": [], "total_queries": 0}));
    assert_eq!(empty["user_engagement"], json!({"period_days": 1, "total_queries": 0, "unique_active_users": 0,
        "avg_queries_per_user": 0.0, "top_users_anonymized": [], "first_half_active_users": 0, "second_half_active_users": 0}));
    assert_eq!((empty["hourly_distribution"]["peak_hour"].clone(), empty["hourly_distribution"]["peak_queries"].clone()), (json!(0), json!(0)));

    // no id, no email, no username anywhere
    for e in ENDPOINTS.iter().take(7) {
        let text = app.get(&format!("{BASE}/{e}"), Some(&p.admin)).await.text();
        assert!(!text.contains("@example.com"), "{e}: {text}");
    }
});

db_test!(async fn the_query_log_pairs_replies_and_filters_before_paging(b) {
    let app = TestApp::start(b).await;
    let p = platform(&app).await;
    let n = names(&app);
    let page = |q: &str| format!("{BASE}/recent-queries?{q}");

    let all = data(&app.get(&page("limit=20"), Some(&p.admin)).await);
    assert_eq!((all["total"].clone(), all["limit"].clone(), all["offset"].clone(), all["has_more"].clone()),
               (json!(6), json!(20), json!(0), json!(false)));
    let rows: Vec<(String, String, String, String)> = all["queries"].as_array().unwrap().iter().map(|q| (
        q["query"].as_str().unwrap().to_string(), q["response"].as_str().unwrap().to_string(),
        q["agent"].as_str().unwrap().to_string(), q["user_hash"].as_str().unwrap().to_string(),
    )).collect();
    let (ann, bob) = (n.of(p.ann as i32), n.of(p.bob as i32));
    let s = |a: &str, b: &str, c: &str, d: &str| (a.to_string(), b.to_string(), c.to_string(), d.to_string());
    assert_eq!(rows, vec![
        // no agent on the reply nor on the conversation
        s("Module prices, 50% lower?", "Yes.", "unknown", &bob),
        // white space on one line; the reply's runs of spaces made one, lines kept
        s("And in SOLAR France? second line", "France: 3 GW.", "news", &ann),
        // no answer before the next question: not paired with the next one's answer
        s("=HYPERLINK(\"http://x\")", "", "news", &ann),
        // another agent answered: the reply's agent
        s("Solar news in Spain?", "Spanish **auctions** resumed.", "quality", &ann),
        s("How much PV did Italy install?", "Italy installed 6.8 GW.", "market", &ann),
        s("Old question", "", "market", &bob),
    ]);
    let first = &all["queries"][0];
    assert!(first["id"].is_i64());
    assert_eq!(first["timestamp"], format!("{}T14:30:00", date_of(2)));

    // pages
    let p1 = data(&app.get(&page("limit=2"), Some(&p.admin)).await);
    assert_eq!(p1["queries"].as_array().unwrap().len(), 2);
    assert_eq!((p1["total"].clone(), p1["has_more"].clone()), (json!(6), json!(true)));
    let p3 = data(&app.get(&page("limit=2&offset=4"), Some(&p.admin)).await);
    assert_eq!(p3["queries"][0]["query"], "How much PV did Italy install?");
    assert_eq!((p3["total"].clone(), p3["has_more"].clone()), (json!(6), json!(false)));

    // every filter before paging: full pages, `total` counts the matches
    let texts = |v: &Value| -> Vec<String> {
        v["queries"].as_array().unwrap().iter().map(|q| q["query"].as_str().unwrap().to_string()).collect()
    };
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("search=solar", vec!["And in SOLAR France? second line", "Solar news in Spain?"]),
        ("search=SoLaR&limit=1", vec!["And in SOLAR France? second line"]),
        ("search=solar&limit=1&offset=1", vec!["Solar news in Spain?"]),
        ("search=50%25", vec!["Module prices, 50% lower?"]),
        ("search=%25", vec!["Module prices, 50% lower?"]),
        ("search=50_", vec![]),
        // the text is searched, not the stored JSON around it
        ("search=type", vec![]),
        ("search=value", vec![]),
        ("search=%22http", vec!["=HYPERLINK(\"http://x\")"]),
        ("agent=quality", vec!["Solar news in Spain?"]),
        ("agent=news", vec!["And in SOLAR France? second line", "=HYPERLINK(\"http://x\")"]),
        ("agent=unknown", vec!["Module prices, 50% lower?"]),
        ("agent=market&limit=1", vec!["How much PV did Italy install?"]),
        ("agent=all", vec!["Module prices, 50% lower?", "And in SOLAR France? second line", "=HYPERLINK(\"http://x\")",
                           "Solar news in Spain?", "How much PV did Italy install?", "Old question"]),
        ("days=30&agent=market", vec!["How much PV did Italy install?"]),
        ("days=30&limit=1&offset=4", vec!["How much PV did Italy install?"]),
        ("search=solar&agent=news", vec!["And in SOLAR France? second line"]),
        ("search=solar&agent=news&days=1", vec![]),
    ];
    let totals = [2, 2, 2, 1, 1, 0, 0, 0, 1, 1, 2, 1, 2, 6, 1, 5, 1, 0];
    for ((q, want), total) in cases.into_iter().zip(totals) {
        let d = data(&app.get(&page(q), Some(&p.admin)).await);
        assert_eq!(texts(&d), want, "{q}");
        assert_eq!(d["total"], total, "{q}");
        let shown = d["offset"].as_i64().unwrap() + want.len() as i64;
        assert_eq!(d["has_more"], json!(shown < total), "{q}");
    }
    // the same user, the same pseudonym in every view
    let engagement = data(&app.get(&format!("{BASE}/user-engagement"), Some(&p.admin)).await);
    assert_eq!(engagement["top_users_anonymized"][0]["user_hash"], json!(ann));
});

db_test!(async fn search_reads_any_stored_text(b) {
    // A message stored by hand or by the old service may be plain text or broken JSON, or JSON
    // with escaped accents: the search reads each (and does not fail on PostgreSQL).
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let ann = app.register("ann@example.com").await;
    let c = conversation(&app, ann, Some("market"), &day_at(1, "08:00")).await;
    raw_message(&app, c, "user", "plain solar text", &day_at(1, "08:01"), None).await;
    raw_message(&app, c, "user", "{\"type\": broken solar", &day_at(1, "08:02"), None).await;
    raw_message(&app, c, "user", r#"{"type": "string", "value": "Solar \u00e9t\u00e9 2025", "comment": null}"#, &day_at(1, "08:03"), None).await;
    raw_message(&app, c, "user", r#"{"type": "string", "value": null}"#, &day_at(1, "08:04"), None).await;
    let search = |s: &str| format!("{BASE}/recent-queries?search={s}");
    let d = data(&app.get(&search("solar"), Some(&admin)).await);
    assert_eq!(d["total"], 3);
    let texts: Vec<&str> = d["queries"].as_array().unwrap().iter().map(|q| q["query"].as_str().unwrap()).collect();
    assert_eq!(texts, vec!["Solar été 2025", "{\"type\": broken solar", "plain solar text"]);
    // accents written as \u escapes are found as the letters they are
    let d = data(&app.get(&search("%C3%A9t%C3%A9"), Some(&admin)).await);
    assert_eq!(d["total"], 1);
    // the broken one is searched as stored
    assert_eq!(data(&app.get(&search("type"), Some(&admin)).await)["total"], 1);
    assert_eq!(data(&app.get(&format!("{BASE}/recent-queries"), Some(&admin)).await)["total"], 4);
});

db_test!(async fn surveys_show_pseudonyms_never_emails(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let n = names(&app);
    let stage1 = |role: &str, regions: &[&str]| json!({"role": role, "regions": regions, "familiarity": "expert",
        "insights": ["prices"], "tailored": "yes"});
    let stage2 = json!({"work_focus": "development", "pv_segments": ["Residential"], "technologies": ["TOPCon"],
        "challenges": ["Prices"], "weekly_insight": "prices"});
    let mut ids = vec![];
    for (email, role, regions) in [("ann@example.com", "analyst", vec!["Europe", "Asia"]), ("bob@example.com", "investor", vec!["Europe"]),
                                   ("cat@example.com", "analyst", vec!["Africa"])] {
        let t = app.user(email).await;
        ids.push(app.scalar(&format!("SELECT id FROM fastapi_users WHERE username = '{email}'")).await);
        app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &stage1(role, &regions)).await.assert(200);
        if email == "ann@example.com" {
            app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2).await.assert(200);
        }
    }
    // cat's account is deleted: not counted
    app.account(ids[2]).deleted(true).apply().await;
    // an answer the old service stored with a list that is not JSON
    app.exec(&format!("UPDATE fastapi_user_survey SET regions = 'Europe, Asia' WHERE user_id = {}", ids[1])).await;

    let r = app.get(&format!("{BASE}/surveys"), Some(&admin)).await;
    assert!(!r.text().contains("@example.com"), "{}", r.text());
    let d = data(&r);
    assert_eq!((d["total_stage1"].clone(), d["total_stage2"].clone()), (json!(2), json!(1)));
    let s1 = d["stage1_surveys"].as_array().unwrap();
    assert_eq!(s1.len(), 2);
    let ann = n.of(ids[0] as i32);
    let ann_s1 = s1.iter().find(|s| s["user_hash"] == json!(ann)).expect("ann's survey");
    assert_eq!(ann_s1["email"], json!(ann), "the pseudonym stands where the email was");
    assert_eq!(ann_s1["regions"], json!(["Europe", "Asia"]));
    assert_eq!(ann_s1["insights"], json!(["prices"]));
    assert_eq!((ann_s1["role"].clone(), ann_s1["familiarity"].clone(), ann_s1["tailored"].clone(), ann_s1["bonus_queries_granted"].clone()),
               (json!("analyst"), json!("expert"), json!("yes"), json!(5)));
    assert!(ann_s1["created_at"].is_string() && ann_s1["id"].is_i64() && ann_s1["role_other"].is_null());
    let bob_s1 = s1.iter().find(|s| s["user_hash"] == json!(n.of(ids[1] as i32))).unwrap();
    assert_eq!(bob_s1["regions"], json!([]));
    let s2 = &d["stage2_surveys"][0];
    assert_eq!((s2["email"].clone(), s2["work_focus"].clone(), s2["pv_segments"].clone(), s2["technologies"].clone(),
                s2["challenges"].clone(), s2["weekly_insight"].clone(), s2["technologies_other"].clone()),
               (json!(ann), json!("development"), json!(["Residential"]), json!(["TOPCon"]), json!(["Prices"]), json!("prices"), Value::Null));
    assert_eq!(d["aggregates"], json!({
        "role_distribution": {"analyst": 1, "investor": 1},
        "familiarity_distribution": {"expert": 2},
        "region_distribution": {"Asia": 1, "Europe": 1},
        "work_focus_distribution": {"development": 1},
    }));
});

/// The rows of a CSV body.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

db_test!(async fn the_csv_export_is_a_safe_file(b) {
    let app = TestApp::start(b).await;
    let p = platform(&app).await;
    let n = names(&app);
    let (ann, bob) = (n.of(p.ann as i32), n.of(p.bob as i32));

    // the browser reads the file name cross-origin
    let req = TestApp::req(axum::http::Method::GET, &format!("{BASE}/export-queries-csv"), Some(&p.admin))
        .header("origin", "http://127.0.0.1:3000")
        .body(Body::empty())
        .unwrap();
    let r = app.request(req).await;
    r.assert(200);
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(r.header("access-control-expose-headers").unwrap().contains("Content-Disposition"));
    let disposition = r.header("content-disposition").unwrap();
    let name = disposition.strip_prefix("attachment; filename=user_queries_export_").unwrap();
    assert!(name.len() == "20260115_090507.csv".len() && name.ends_with(".csv"), "{disposition}");
    assert!(name[..8].bytes().all(|c| c.is_ascii_digit()) && &name[8..9] == "_", "{disposition}");

    let text = r.text();
    assert!(text.starts_with("timestamp,agent_type,query,anonymized_user_id\r\n"), "{text}");
    assert!(!text.contains("@example.com"));
    // the last 30 days (the 40-day-old question is out), newest first; a formula is defused and
    // quoted where it holds quotes; the newline is a space
    let d2 = date_of(2);
    assert_eq!(csv_rows(&text), vec![
        vec!["timestamp".to_string(), "agent_type".into(), "query".into(), "anonymized_user_id".into()],
        vec![format!("{d2}T14:30:00"), "unknown".into(), "Module prices, 50% lower?".into(), bob.clone()],
        vec![format!("{d2}T14:10:00"), "news".into(), "And in SOLAR France? second line".into(), ann.clone()],
        vec![format!("{d2}T14:05:00"), "news".into(), "'=HYPERLINK(\"http://x\")".into(), ann.clone()],
        vec![format!("{d2}T14:00:00"), "quality".into(), "Solar news in Spain?".into(), ann.clone()],
        vec![format!("{}T09:15:00", date_of(20)), "market".into(), "How much PV did Italy install?".into(), ann.clone()],
    ]);
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");

    // one agent: its name in the file's
    let r = app.get(&format!("{BASE}/export-queries-csv?days=60&agent=news"), Some(&p.admin)).await;
    r.assert(200);
    assert!(r.header("content-disposition").unwrap().starts_with("attachment; filename=user_queries_news_"));
    let rows = csv_rows(&r.text());
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|r| r[1] == "news"));
    let r = app.get(&format!("{BASE}/export-queries-csv?days=60&agent=all"), Some(&p.admin)).await;
    assert!(r.header("content-disposition").unwrap().starts_with("attachment; filename=user_queries_export_"));
    assert_eq!(csv_rows(&r.text()).len(), 7);
    // nothing to export: the header alone
    let r = app.get(&format!("{BASE}/export-queries-csv?days=1"), Some(&p.admin)).await;
    assert_eq!(r.text(), "timestamp,agent_type,query,anonymized_user_id\r\n");
});

db_test!(async fn the_export_stops_at_ten_thousand_rows_and_cuts_long_queries(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let ann = app.register("ann@example.com").await;
    let c = conversation(&app, ann, Some("market"), &day_at(3, "08:00")).await;
    // 10,050 questions at the same second: the pages go on by id
    let at = day_at(3, "08:30");
    app.exec(&format!(
        "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10050) \
         INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) \
         SELECT {c}, 'user', '{{\"type\":\"string\",\"value\":\"q' || n || '\",\"comment\":null}}', '{at}' FROM s"
    )).await;
    let long = format!("{}é{}", "-".repeat(600), "x".repeat(600));
    message(&app, c, "user", &long, &day_at(2, "08:00"), None).await;

    let r = app.get(&format!("{BASE}/export-queries-csv"), Some(&admin)).await;
    r.assert(200);
    let rows = csv_rows(&r.text());
    assert_eq!(rows.len(), 1 + 10_000);
    // the long one first: defused, cut at 1,000 characters
    let cut = &rows[1][2];
    assert_eq!(cut.chars().count(), 1 + 1_000 + 3);
    assert!(cut.starts_with("'---") && cut.ends_with("xxx..."));
    assert_eq!(cut.chars().nth(601), Some('é'));
    // then newest first by id, each once
    assert_eq!(rows[2][2], "q10050");
    assert_eq!(rows[10_000][2], "q52");
    let distinct: std::collections::HashSet<&String> = rows[2..].iter().map(|r| &r[2]).collect();
    assert_eq!(distinct.len(), 9_999);
    // the log pages through the same rows
    let d = data(&app.get(&format!("{BASE}/recent-queries?limit=500&offset=9500"), Some(&admin)).await);
    assert_eq!(d["total"], 10_051);
    assert_eq!(d["queries"][0]["query"], "q551");
    assert_eq!(d["has_more"], true);
});

db_test!(async fn failures_answer_the_old_details(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    // (faults on purpose: the tables the endpoints read go away one after another)
    app.exec("DROP TABLE fastapi_user_survey_stage2").await;
    app.get(&format!("{BASE}/surveys"), Some(&admin)).await
        .assert_detail(500, "Failed to fetch survey analytics");
    app.exec("DROP TABLE fastapi_hired_agent").await;
    for (e, detail) in [("usage-over-time", "Failed to fetch usage data"), ("agent-usage", "Failed to fetch agent usage data"),
                        ("user-engagement", "Failed to fetch engagement data"), ("hourly-distribution", "Failed to fetch hourly distribution"),
                        ("full-report", "Failed to generate analytics report")] {
        app.get(&format!("{BASE}/{e}"), Some(&admin)).await.assert_detail(500, detail);
    }
    app.get(&format!("{BASE}/overview"), Some(&admin)).await.assert(200);
    app.exec("ALTER TABLE fastapi_conversations RENAME TO fastapi_conversations_gone").await;
    for (e, detail) in [("overview", "Failed to fetch overview statistics"), ("recent-queries", "Failed to fetch recent queries"),
                        ("export-queries-csv", "Failed to export queries")] {
        app.get(&format!("{BASE}/{e}"), Some(&admin)).await.assert_detail(500, detail);
    }
});

//! The breach register of the current React app (decision L7): its seven admin endpoints, the
//! notices really sent (defect D1 of the old service), and every change audited.

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::*;

const INTERNAL: &str = "security@example.com";
const DPA: &str = "breaches@dpa.example";

async fn register(b: Backend) -> TestApp {
    TestApp::builder(b)
        .env("BREACH_INTERNAL_EMAIL", INTERNAL)
        .env("BREACH_DPA_EMAIL", DPA)
        .env("DATA_CONTROLLER", "Sun Analytics SA")
        .start()
        .await
}

/// The app's "new breach" form, with a risk level.
fn form(risk: &str) -> Value {
    json!({
        "breach_type": "unauthorized_access",
        "severity": "medium",
        "risk_level": risk,
        "description": "A leaked API key was used to read user profiles.",
        "affected_data_categories": ["email", "profile"],
        "estimated_affected_users": 0,
        "discovered_by": "",
        "discovery_method": "automated_monitoring",
    })
}

async fn create(app: &TestApp, admin: &str, risk: &str) -> Value {
    let r = app
        .post_json("/api/v1/admin/breach/create", Some(admin), &form(risk))
        .await;
    r.assert(200);
    r.json()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .collect()
}

async fn audit_actions(app: &TestApp, admin: &str) -> Vec<(String, String)> {
    let log = app
        .get("/api/v1/admin/audit-log?limit=100", Some(admin))
        .await
        .json();
    log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["target"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

db_test!(async fn only_admins_reach_the_register(b) {
    let app = register(b).await;
    let t = app.user("ann@example.com").await;
    let paths: [(Method, &str, Value); 7] = [
        (Method::POST, "/api/v1/admin/breach/create", form("high")),
        (Method::POST, "/api/v1/admin/breach/notify-dpa", json!({})),
        (Method::POST, "/api/v1/admin/breach/notify-users", json!({})),
        (Method::PATCH, "/api/v1/admin/breach/1/status", json!({})),
        (Method::GET, "/api/v1/admin/breach/active", json!(null)),
        (Method::GET, "/api/v1/admin/breach/pending-dpa-notification", json!(null)),
        (Method::GET, "/api/v1/admin/breach/1", json!(null)),
    ];
    for (m, path, body) in paths {
        let r = if m == Method::GET {
            app.get(path, Some(&t)).await
        } else {
            app.send_json(m.clone(), path, Some(&t), &body).await
        };
        // the breach module's own text, before any field is looked at
        r.assert_detail(403, "Admin access required");
        let r = if m == Method::GET { app.get(path, None).await } else { app.send_json(m, path, None, &body).await };
        r.assert_detail(401, "Not authenticated");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_data_breach_logs").await, 0);
    assert!(app.mail.all().is_empty());
});

db_test!(async fn a_breach_is_recorded_alerted_and_read(b) {
    let app = register(b).await;
    let admin = app.admin("root@example.com").await;
    let admin_id = app.scalar("SELECT id FROM fastapi_users WHERE username = 'root@example.com'").await;

    let created = create(&app, &admin, "moderate").await;
    let id = created["id"].as_i64().unwrap();
    // the old service's eleven keys
    for key in ["id", "breach_type", "severity", "description", "risk_level", "status", "discovered_at",
        "estimated_affected_users", "internal_team_notified", "dpa_notified", "users_notified"] {
        assert!(created.get(key).is_some(), "{key} missing: {created}");
    }
    assert_eq!(created["status"], "open");
    assert_eq!(created["internal_team_notified"], true, "{created}");
    assert_eq!((created["dpa_notified"].clone(), created["users_notified"].clone()), (json!(false), json!(false)));
    assert_eq!(created["dpa_notification_required"], true);
    assert_eq!(created["users_notification_required"], false);
    assert_eq!(created["dpa_notification_overdue"], false);
    assert_eq!(created["affected_data_categories"], json!(["email", "profile"]));
    assert_eq!(created["discovered_by"], Value::Null, "a blank field is absent");
    assert_eq!(created["discovery_method"], "automated_monitoring");
    assert_eq!(created["created_by_user_id"], admin_id);
    assert!(created["internal_notification_date"].is_string());
    // The internal team really got the alert.
    let alert = app.mail.wait_for(INTERNAL, 1).await;
    assert!(alert.subject.contains(&format!("breach #{id}")) && alert.subject.contains("MEDIUM"), "{}", alert.subject);
    assert!(alert.body.contains("A leaked API key was used to read user profiles.") && alert.body.contains("email, profile"), "{}", alert.body);

    // Read back: one, the active list (latest first), the pending list (earliest first).
    let one = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await;
    one.assert(200);
    assert_eq!(one.json()["description"], created["description"]);
    let low = create(&app, &admin, "low").await;
    assert_eq!(low["dpa_notification_required"], false);
    let high = create(&app, &admin, "high").await;
    assert_eq!(high["users_notification_required"], true);
    let active = app.get("/api/v1/admin/breach/active", Some(&admin)).await.json();
    assert_eq!(ids(&active), [high["id"].as_i64().unwrap(), low["id"].as_i64().unwrap(), id]);
    let pending = app.get("/api/v1/admin/breach/pending-dpa-notification", Some(&admin)).await.json();
    assert_eq!(ids(&pending), [id, high["id"].as_i64().unwrap()], "the low-risk one needs no notification");

    // A breach past its 72 hours stays pending, first and flagged.
    app.exec(&format!("UPDATE fastapi_data_breach_logs SET discovered_at = '2020-01-01 00:00:00' WHERE id = {}", high["id"])).await;
    let pending = app.get("/api/v1/admin/breach/pending-dpa-notification", Some(&admin)).await.json();
    assert_eq!(ids(&pending), [high["id"].as_i64().unwrap(), id]);
    assert_eq!(pending[0]["dpa_notification_overdue"], true);
    assert_eq!(pending[0]["dpa_notification_deadline"], "2020-01-04T00:00:00");
    assert_eq!(pending[1]["dpa_notification_overdue"], false);

    // Unknown and malformed ids.
    app.get("/api/v1/admin/breach/99999", Some(&admin)).await.assert_detail(404, "Breach 99999 not found");
    let r = app.get("/api/v1/admin/breach/abc", Some(&admin)).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["int_parsing"]);

    let actions = audit_actions(&app, &admin).await;
    assert_eq!(actions.iter().filter(|(a, _)| a == "create_breach").count(), 3);
    assert!(actions.contains(&("create_breach".into(), format!("breach {id}"))));
});

db_test!(async fn what_a_breach_record_must_hold(b) {
    let app = register(b).await;
    let admin = app.admin("root@example.com").await;
    let mut bad = form("severe");
    bad["severity"] = json!("urgent");
    bad["estimated_affected_users"] = json!(-1);
    bad["affected_data_categories"] = json!(["x".repeat(101)]);
    bad["description"] = json!("   ");
    let r = app.post_json("/api/v1/admin/breach/create", Some(&admin), &bad).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["literal_error", "string_too_short", "literal_error", "string_too_long", "greater_than_equal"]);
    let detail = r.json()["detail"].clone();
    assert_eq!(detail[0]["msg"], "Input should be 'low', 'medium', 'high' or 'critical'");
    assert_eq!(detail[2]["loc"], json!(["body", "risk_level"]));
    assert_eq!(detail[2]["msg"], "Input should be 'low', 'moderate' or 'high'");
    let r = app.post_json("/api/v1/admin/breach/create", Some(&admin), &json!({"breach_type": "data_leak"})).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["missing"; 4]);
    let syntax = app.post_raw("/api/v1/admin/breach/create", Some(&admin), Some("application/json"), "{").await;
    syntax.assert(422);
    assert_eq!(syntax.error_types(), ["json_invalid"]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_data_breach_logs").await, 0);
    // A breach time is taken with its offset; estimated users default to 0.
    let mut ok = form("low");
    ok["breach_occurred_at"] = json!("2025-03-01T10:00:00+02:00");
    ok.as_object_mut().unwrap().remove("estimated_affected_users");
    let r = app.post_json("/api/v1/admin/breach/create", Some(&admin), &ok).await;
    r.assert(200);
    assert_eq!(r.json()["breach_occurred_at"], "2025-03-01T08:00:00");
    assert_eq!(r.json()["estimated_affected_users"], 0);
});

db_test!(async fn the_authority_is_really_told(b) {
    let app = register(b).await;
    let admin = app.admin("root@example.com").await;
    let breach = create(&app, &admin, "high").await;
    let id = breach["id"].as_i64().unwrap();
    let low = create(&app, &admin, "low").await["id"].as_i64().unwrap();
    let assessment = |id: i64| json!({
        "breach_id": id,
        "likely_consequences": "Phishing of the users concerned",
        "technical_measures": "Key revoked, TLS everywhere",
        "organizational_measures": "Key rotation policy",
        "remediation_steps": "All sessions revoked",
    });
    app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &assessment(low)).await
        .assert_detail(400, "DPA notification not required or failed");
    app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &assessment(4242)).await
        .assert_detail(404, "Breach 4242 not found");
    let r = app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &json!({"breach_id": id})).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["missing"; 4]);
    assert!(app.mail.to(DPA).is_empty());

    let r = app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &assessment(id)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "DPA notified successfully", "breach_id": id}));
    let mail = app.mail.wait_for(DPA, 1).await;
    assert!(mail.subject.contains("GDPR Art. 33") && mail.subject.contains(&format!("ref. {id}")), "{}", mail.subject);
    for part in ["Controller: Sun Analytics SA", "Phishing of the users concerned", "Key revoked, TLS everywhere", "Key rotation policy", "All sessions revoked", "Contact: security@example.com"] {
        assert!(mail.body.contains(part), "{part} not in {}", mail.body);
    }
    let after = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json();
    assert_eq!(after["dpa_notified"], true);
    assert_eq!(after["remediation_steps"], "All sessions revoked");
    let first = after["dpa_notification_date"].clone();
    assert!(first.is_string());
    assert!(!ids(&app.get("/api/v1/admin/breach/pending-dpa-notification", Some(&admin)).await.json()).contains(&id));
    // A follow-up is sent too and keeps the first date.
    let mut follow = assessment(id);
    follow["remediation_steps"] = json!("All sessions revoked; passwords reset");
    app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &follow).await.assert(200);
    app.mail.wait_for(DPA, 2).await;
    let after = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json();
    assert_eq!(after["dpa_notification_date"], first);
    assert_eq!(after["remediation_steps"], "All sessions revoked; passwords reset");
    let actions = audit_actions(&app, &admin).await;
    assert_eq!(actions.iter().filter(|(a, t)| a == "notify_breach_dpa" && *t == format!("breach {id}")).count(), 2);
});

db_test!(async fn without_the_authoritys_address_nothing_is_claimed(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let breach = create(&app, &admin, "high").await;
    // no BREACH_INTERNAL_EMAIL: nobody was alerted, and the record says so
    assert_eq!(breach["internal_team_notified"], false);
    let id = breach["id"].as_i64().unwrap();
    let r = app.post_json("/api/v1/admin/breach/notify-dpa", Some(&admin), &json!({
        "breach_id": id, "likely_consequences": "a", "technical_measures": "b",
        "organizational_measures": "c", "remediation_steps": "d"})).await;
    r.assert_detail(400, "DPA notification failed: BREACH_DPA_EMAIL (the supervisory authority's address) is not set");
    assert_eq!(app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json()["dpa_notified"], false);
    assert!(app.mail.all().is_empty());
});

db_test!(async fn every_active_account_is_told_once(b) {
    let app = register(b).await;
    let admin = app.admin("root@example.com").await;
    for u in ["ann@example.com", "bob@example.com", "cy@example.com", "dee@example.com"] {
        app.register(u).await;
    }
    app.account("cy@example.com").active(false).apply().await;
    app.account("dee@example.com").deleted(true).apply().await;
    let moderate = create(&app, &admin, "moderate").await["id"].as_i64().unwrap();
    let breach = create(&app, &admin, "high").await;
    let id = breach["id"].as_i64().unwrap();
    let notice = |id: i64| json!({"breach_id": id, "user_actions": "1. Change your password\n2. Watch for phishing"});

    app.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &notice(moderate)).await
        .assert_detail(400, "User notification not required or no users to notify");
    app.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &notice(777)).await
        .assert_detail(404, "Breach 777 not found");
    let r = app.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &json!({"breach_id": "x", "user_actions": ""})).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["int_parsing", "string_too_short"]);

    let r = app.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &notice(id)).await;
    r.assert(200);
    // the admin, Ann and Bob: not the deactivated or the deleted account
    assert_eq!(r.json(), json!({"message": "Notified 3 users successfully", "breach_id": id, "users_notified": 3}));
    for to in ["root@example.com", "ann@example.com", "bob@example.com"] {
        let m = app.mail.wait_for(to, 1).await;
        assert!(m.body.contains("1. Change your password") && m.body.contains(&format!("breach #{id}")), "{}", m.body);
        assert!(m.body.contains("A leaked API key was used to read user profiles."), "{}", m.body);
    }
    assert!(app.mail.to("cy@example.com").is_empty() && app.mail.to("dee@example.com").is_empty());
    let after = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json();
    assert_eq!(after["users_notified"], true);
    assert!(after["users_notification_date"].is_string());
    // Once only.
    app.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &notice(id)).await
        .assert_detail(409, &format!("Users were already notified of breach {id}"));
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(app.mail.to("ann@example.com").len(), 1);
    assert!(audit_actions(&app, &admin).await.contains(&("notify_breach_users".into(), format!("breach {id}"))));
});

db_test!(async fn the_users_notices_survive_a_mail_outage_and_a_second_sender(b) {
    // A replica whose mail server refuses connections takes the admin's request: 200, and the
    // notices wait (before, they were tried once each and lost, the breach marked notified).
    let down = TestApp::builder(b)
        .env("BREACH_INTERNAL_EMAIL", INTERNAL)
        .env("SMTP_PORT", "1")
        .start()
        .await;
    let admin = down.admin("root@example.com").await;
    for u in ["ann@example.com", "bob@example.com"] {
        down.register(u).await;
    }
    let id = create(&down, &admin, "high").await["id"].as_i64().unwrap();
    let notice = json!({"breach_id": id, "user_actions": "Change your password"});
    let r = down.post_json("/api/v1/admin/breach/notify-users", Some(&admin), &notice).await;
    assert_eq!(r.json()["users_notified"], 3, "{}", r.text());
    let unfinished = "SELECT COUNT(*) FROM fastapi_breach_user_notices WHERE finished_at IS NULL";
    let mut tries = 0;
    for _ in 0..50 {
        tries = down.scalar("SELECT tries FROM fastapi_breach_user_notices").await;
        if tries == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(tries, 1, "the first account's email was tried once");
    assert_eq!(down.scalar(unfinished).await, 1);
    // Two more failed sweeps, and the first account is passed over (counted), not retried forever.
    for _ in 0..2 {
        solarintel::jobs::breach_notices::resume(&down.state).await.unwrap();
    }
    assert_eq!(down.scalar("SELECT failed FROM fastapi_breach_user_notices").await, 1);
    assert_eq!(down.scalar("SELECT sent FROM fastapi_breach_user_notices").await, 0);
    // Another replica, whose mail works, takes the rest up at its sweep: each remaining account
    // once; a second sweep sends nothing more.
    let up = TestApp::builder(b).same_database_as(&down).start().await;
    let sent = solarintel::jobs::breach_notices::resume(&up.state).await.unwrap();
    assert_eq!(sent, 2);
    for to in ["ann@example.com", "bob@example.com"] {
        let m = up.mail.wait_for(to, 1).await;
        assert!(m.body.contains("Change your password") && m.body.contains(&format!("breach #{id}")), "{}", m.body);
    }
    assert!(up.mail.to("root@example.com").is_empty());
    assert_eq!(up.scalar(unfinished).await, 0);
    assert_eq!(solarintel::jobs::breach_notices::resume(&up.state).await.unwrap(), 0);
    assert_eq!(up.mail.to("ann@example.com").len(), 1);
    // A notice another sender holds is left to it while its claim runs.
    up.exec(&format!(
        "UPDATE fastapi_breach_user_notices SET finished_at = NULL, after_id = 0, claimed_by = 'elsewhere', \
         claimed_until = '2999-01-01 00:00:00' WHERE breach_id = {id}"
    ))
    .await;
    assert_eq!(solarintel::jobs::breach_notices::resume(&up.state).await.unwrap(), 0);
    assert_eq!(up.mail.to("ann@example.com").len(), 1);
});

db_test!(async fn the_status_moves_and_notes_pile_up(b) {
    let app = register(b).await;
    let admin = app.admin("root@example.com").await;
    let id = create(&app, &admin, "moderate").await["id"].as_i64().unwrap();
    let path = format!("/api/v1/admin/breach/{id}/status");
    // the app sends these after a prompt
    let r = app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "contained", "notes": "Key revoked", "contained_at": "2025-03-02T09:30:00.000Z"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Breach status updated successfully", "breach_id": id, "new_status": "contained"}));
    app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "investigating", "notes": "Scope widened"})).await.assert(200);
    let b = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json();
    assert_eq!(b["status"], "investigating");
    assert_eq!(b["contained_at"], "2025-03-02T09:30:00", "kept when not given again");
    let notes = b["notes"].as_str().unwrap();
    let lines: Vec<&str> = notes.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{notes:?}");
    assert!(lines[0].starts_with('[') && lines[0].ends_with("UTC] Key revoked"), "{notes:?}");
    assert!(lines[1].ends_with("UTC] Scope widened"), "{notes:?}");
    assert!(b["updated_at"].is_string());

    // The old service took any status; ours refuses an unknown one, and changes nothing.
    let r = app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "done"})).await;
    r.assert(422);
    assert_eq!(r.json()["detail"][0]["msg"], "Input should be 'open', 'investigating', 'contained', 'resolved' or 'closed'");
    let r = app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "closed", "notes": "n".repeat(5001)})).await;
    assert_eq!(r.error_types(), ["string_too_long"]);
    app.send_json(Method::PATCH, "/api/v1/admin/breach/31337/status", Some(&admin), &json!({"status": "closed"})).await
        .assert_detail(404, "Breach 31337 not found");
    let r = app.send_json(Method::PATCH, "/api/v1/admin/breach/x/status", Some(&admin), &json!({"status": "closing"})).await;
    assert_eq!(r.error_types(), ["int_parsing", "literal_error"]);
    assert_eq!(app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json()["status"], "investigating");

    // Closed: off the active list, still readable.
    app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "resolved", "resolved_at": "2025-03-05T12:00:00Z"})).await.assert(200);
    app.send_json(Method::PATCH, &path, Some(&admin), &json!({"status": "closed"})).await.assert(200);
    assert!(ids(&app.get("/api/v1/admin/breach/active", Some(&admin)).await.json()).is_empty());
    let b = app.get(&format!("/api/v1/admin/breach/{id}"), Some(&admin)).await.json();
    assert_eq!((b["status"].clone(), b["resolved_at"].clone()), (json!("closed"), json!("2025-03-05T12:00:00")));
    let actions = audit_actions(&app, &admin).await;
    assert_eq!(actions.iter().filter(|(a, _)| a == "update_breach_status").count(), 4);
});

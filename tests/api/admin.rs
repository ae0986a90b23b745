//! `/api/v1/admin`: user management with its odd 400s, statistics, maintenance, the audit log.

use axum::http::Method;
use serde_json::{Value, json};
use solarintel::domain::plans::Plan;
use solarintel::domain::user::Role;

use crate::support::*;

fn uid(app: &TestApp, token: &str) -> i64 {
    i64::from(app.state.jwt.verify(token).unwrap().user_id)
}

async fn delete(app: &TestApp, path: &str, token: &str) -> Resp {
    app.request(
        TestApp::req(Method::DELETE, path, Some(token))
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
}

db_test!(async fn every_admin_endpoint_needs_an_admin(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let forbidden = "Not enough permissions. Admin access required.";
    for path in ["/api/v1/admin/users", "/api/v1/admin/users/pending", "/api/v1/admin/users/search?q=ab", "/api/v1/admin/users/1",
                 "/api/v1/admin/statistics/system", "/api/v1/admin/statistics/activity", "/api/v1/admin/audit-log"] {
        app.get(path, Some(&t)).await.assert_detail(403, forbidden);
        app.get(path, None).await.assert_detail(401, "Not authenticated");
    }
    for path in ["/api/v1/admin/users/1/approve", "/api/v1/admin/users/1/toggle-status", "/api/v1/admin/users/1/reset-query-count",
                 "/api/v1/admin/maintenance/cleanup-conversations"] {
        app.post_empty(path, Some(&t)).await.assert_detail(403, forbidden);
    }
    app.post_json("/api/v1/admin/users", Some(&t), &json!({})).await.assert_detail(403, forbidden);
    app.send_json(Method::PUT, "/api/v1/admin/users/1", Some(&t), &json!({})).await.assert_detail(403, forbidden);
    delete(&app, "/api/v1/admin/users/1", &t).await.assert_detail(403, forbidden);
});

db_test!(async fn create_list_search_and_detail(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let body = json!({"username": "new@example.com", "password": "long-enough", "full_name": "New Person", "role": "analyst", "plan_type": "premium"});
    let r = app.post_json("/api/v1/admin/users", Some(&admin), &body).await;
    r.assert(201);
    let v = r.json();
    let id = v["id"].as_i64().unwrap();
    assert_eq!(v, json!({"id": id, "username": "new@example.com", "full_name": "New Person", "role": "analyst", "plan_type": "premium",
        "is_active": true, "created_at": v["created_at"], "email_verified": false, "query_count": 0, "monthly_query_count": 0}));
    app.login("new@example.com", "long-enough").await;
    app.post_json("/api/v1/admin/users", Some(&admin), &body).await.assert_detail(400, "User with this username already exists");
    let r = app.post_json("/api/v1/admin/users", Some(&admin), &json!({"username": "x@example.com", "password": "abc", "full_name": "X"})).await;
    r.assert(422);
    assert_eq!(r.detail()[0]["msg"], "String should have at least 8 characters");
    assert_eq!(app.post_json("/api/v1/admin/users", Some(&admin), &json!({"password": "long-enough"})).await.error_types(), ["missing", "missing"]);
    app.post_json("/api/v1/admin/users", Some(&admin), &json!({"username": "pending@example.com", "password": "long-enough", "full_name": "P", "is_active": false})).await.assert(201);

    let all = app.get("/api/v1/admin/users", Some(&admin)).await.json();
    let names: Vec<&str> = all.as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    assert_eq!(names, ["pending@example.com", "new@example.com", "root@example.com"]);
    assert_eq!(app.get("/api/v1/admin/users?include_inactive=false", Some(&admin)).await.json().as_array().unwrap().len(), 2);
    assert_eq!(app.get("/api/v1/admin/users?limit=1", Some(&admin)).await.json().as_array().unwrap().len(), 1);
    assert_eq!(app.get("/api/v1/admin/users?limit=0", Some(&admin)).await.json().as_array().unwrap().len(), 3);
    let pending = app.get("/api/v1/admin/users/pending", Some(&admin)).await.json();
    assert_eq!(pending.as_array().unwrap().len(), 1);
    assert_eq!(pending[0]["username"], "pending@example.com");

    let found = app.get("/api/v1/admin/users/search?q=NEW%20PER", Some(&admin)).await.json();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let found = app.get("/api/v1/admin/users/search?q=%25example", Some(&admin)).await.json();
    assert_eq!(found.as_array().unwrap().len(), 3, "% stays a wildcard");
    assert_eq!(app.get("/api/v1/admin/users/search?q=a", Some(&admin)).await.error_types(), ["string_too_short"]);
    assert_eq!(app.get("/api/v1/admin/users/search", Some(&admin)).await.error_types(), ["missing"]);

    // detail with counts and hires
    let t = app.login("new@example.com", "long-enough").await;
    let c = app.post_json("/api/v1/conversations", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "user", "content": "x"})).await.assert(201);
    for a in ["news", "market"] {
        app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": a})).await.assert(201);
    }
    let d = app.get(&format!("/api/v1/admin/users/{id}"), Some(&admin)).await.json();
    assert_eq!(d["conversation_count"], 1);
    assert_eq!(d["message_count"], 1);
    assert_eq!(d["hired_agents"], json!(["news", "market"]));
    assert_eq!(d["gdpr_consent_given"], true);
    assert_eq!(d["terms_accepted"], true);
    assert_eq!(d["last_query_date"], json!(null));
    app.get("/api/v1/admin/users/999999", Some(&admin)).await.assert_detail(404, "User not found");
    assert_eq!(app.get("/api/v1/admin/users/abc", Some(&admin)).await.error_types(), ["int_parsing"]);
});

db_test!(async fn update_rules_and_deactivation_revokes_tokens(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let ann = app.register("ann@example.com").await;
    app.backdate_account(ann, 60).await;
    let t = app.state.jwt.issue(ann as i32, 0, chrono::Utc::now().timestamp() - 30);
    let id = uid(&app, &t);
    let path = format!("/api/v1/admin/users/{id}");
    app.send_json(Method::PUT, "/api/v1/admin/users/999999", Some(&admin), &json!({"role": "bogus"})).await.assert_detail(400, "User not found");
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"role": "analyst", "full_name": "Changed"})).await.assert_detail(400, "Invalid role");
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"plan_type": "gold"})).await.assert_detail(400, "Invalid plan type");
    assert_eq!(app.get(&path, Some(&admin)).await.json()["full_name"], "Ann Example", "no partial update");
    let r = app.send_json(Method::PUT, &path, Some(&admin), &json!({"plan_type": "premium", "full_name": "Ann P", "password": "ignored"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": format!("User {id} updated successfully")}));
    let me = app.get("/api/v1/auth/me", Some(&t)).await.json();
    assert_eq!((me["plan_type"].clone(), me["full_name"].clone()), (json!("premium"), json!("Ann P")));
    app.login("ann@example.com", PASSWORD).await;
    // deactivation: 403 while inactive, 401 after reactivation (tokens revoked)
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"is_active": false})).await.assert(200);
    app.get("/api/v1/auth/me", Some(&t)).await.assert_detail(403, "Inactive user");
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"is_active": true})).await.assert(200);
    app.get("/api/v1/auth/me", Some(&t)).await.assert_detail(401, "Could not validate credentials");
    app.login("ann@example.com", PASSWORD).await;
    assert_eq!(app.send_json(Method::PUT, &path, Some(&admin), &json!({"full_name": "x".repeat(101)})).await.error_types(), ["string_too_long"]);
});

db_test!(async fn approve_toggle_and_reset(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let me = uid(&app, &admin);
    let id = app.register("ann@example.com").await;
    app.backdate_account(id, 60).await;
    let t = app.state.jwt.issue(id as i32, 0, chrono::Utc::now().timestamp() - 30);
    app.post_empty(&format!("/api/v1/admin/users/{id}/approve"), Some(&admin)).await.assert_detail(400, "User is already active");
    app.post_empty("/api/v1/admin/users/999999/approve", Some(&admin)).await.assert_detail(400, "User not found");
    app.post_empty(&format!("/api/v1/admin/users/{me}/toggle-status"), Some(&admin)).await.assert_detail(400, "Cannot modify your own status");
    app.post_empty("/api/v1/admin/users/999999/toggle-status", Some(&admin)).await.assert_detail(400, "User not found");
    let r = app.post_empty(&format!("/api/v1/admin/users/{id}/toggle-status"), Some(&admin)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "new_status": false, "message": format!("User {id} deactivated successfully")}));
    app.login_raw("ann@example.com", PASSWORD).await.assert(401);
    let r = app.post_empty(&format!("/api/v1/admin/users/{id}/approve"), Some(&admin)).await;
    assert_eq!(r.json(), json!({"success": true, "message": format!("User {id} approved successfully")}));
    app.get("/api/v1/auth/me", Some(&t)).await.assert_detail(401, "Could not validate credentials");
    app.account(id).active(None).apply().await;
    assert_eq!(app.post_empty(&format!("/api/v1/admin/users/{id}/toggle-status"), Some(&admin)).await.json()["new_status"], true);

    app.account(id).monthly_count(4).query_count(9).apply().await;
    let r = app.post_empty(&format!("/api/v1/admin/users/{id}/reset-query-count"), Some(&admin)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": format!("Query count reset for user {id}")}));
    assert_eq!(app.scalar(&format!("SELECT monthly_query_count FROM fastapi_users WHERE id = {id}")).await, 0);
    assert_eq!(app.scalar(&format!("SELECT query_count FROM fastapi_users WHERE id = {id}")).await, 9);
    app.post_empty("/api/v1/admin/users/999999/reset-query-count", Some(&admin)).await.assert_detail(400, "User not found");

    // the audit log has them all, newest first, with before and after
    let log = app.get("/api/v1/admin/audit-log?limit=2", Some(&admin)).await.json();
    assert_eq!(log["items"][0]["action"], "reset_query_count");
    assert_eq!(log["items"][0]["before"]["monthly_query_count"], 4);
    assert_eq!(log["items"][0]["after"]["monthly_query_count"], 0);
    assert_eq!(log["items"][0]["target_user_id"], id);
    assert_eq!(log["items"][1]["action"], "toggle_user_status");
    // (and the `create_admin` of the test's admin, as the command line records it)
    assert_eq!(log["total"], 5);
    assert_eq!(log["limit"], 2);
    let page2 = app.get("/api/v1/admin/audit-log?limit=2&offset=2", Some(&admin)).await.json();
    let actions: Vec<&str> = page2["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["approve_user", "toggle_user_status"]);
    assert_eq!(app.get("/api/v1/admin/audit-log?limit=0", Some(&admin)).await.error_types(), ["greater_than_equal"]);
    assert_eq!(app.get("/api/v1/admin/audit-log?limit=501", Some(&admin)).await.error_types(), ["less_than_equal"]);
});

db_test!(async fn delete_purges_everything_in_one_go(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let me = uid(&app, &admin);
    let t = app.user("ann@example.com").await;
    let id = uid(&app, &t);
    let c = app.post_json("/api/v1/conversations", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "user", "content": "x"})).await.assert(201);
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "news"})).await.assert(201);
    app.post_json("/api/v1/agent-access/admin/grant-access", Some(&admin), &json!({"user_id": id, "agent_type": "weaviate"})).await.assert(200);
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &json!({"role": "r", "regions": ["EU"], "familiarity": "f", "insights": ["i"]})).await.assert(200);
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "ann@example.com"})).await.assert(200);
    app.post_empty("/api/v1/auth/logout", Some(&app.login("ann@example.com", PASSWORD).await)).await.assert(200);

    delete(&app, &format!("/api/v1/admin/users/{me}"), &admin).await.assert_detail(400, "Cannot delete your own account");
    delete(&app, "/api/v1/admin/users/999999", &admin).await.assert_detail(400, "User not found");
    let r = delete(&app, &format!("/api/v1/admin/users/{id}"), &admin).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": format!("User {id} deleted successfully")}));
    for table in ["fastapi_conversations", "fastapi_hired_agent", "fastapi_agent_whitelist", "fastapi_user_survey", "fastapi_revoked_tokens"] {
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = {id}")).await, 0, "{table}");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist").await, 0);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {id}")).await, 0);
    // the log keeps the entries about the user (the grant) and the deletion, with the id in
    // `before` and the username beside it
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_audit_log WHERE target_user_id = {id}")).await, 2);
    let log = app.get("/api/v1/admin/audit-log", Some(&admin)).await.json();
    assert_eq!(log["items"][0]["action"], "delete_user");
    assert_eq!(log["items"][0]["before"], json!({"id": id}));
    assert_eq!(log["items"][0]["target_username"], "ann@example.com");
    app.get("/api/v1/auth/me", Some(&t)).await.assert_detail(401, "Could not validate credentials");
    assert!(app.mail.to("ann@example.com").is_empty(), "an admin delete sends no email");
});

db_test!(async fn system_statistics_and_activity(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let a = app.user("a@example.com").await;
    let bt = app.user("b@example.com").await;
    app.account("b@example.com").plan(Plan::Max).query_count(50).apply().await;
    app.account("a@example.com").query_count(50).apply().await;
    app.post_json("/api/v1/admin/users", Some(&admin), &json!({"username": "p@example.com", "password": "long-enough", "full_name": "P", "is_active": false, "plan_type": "premium"})).await.assert(201);
    let ca = app.post_json("/api/v1/conversations", Some(&a), &json!({"agent_type": "news"})).await.json()["id"].as_i64().unwrap();
    let cb = app.post_json("/api/v1/conversations", Some(&bt), &json!({})).await.json()["id"].as_i64().unwrap();
    for (t, c, sender) in [(&a, ca, "user"), (&a, ca, "bot"), (&a, ca, "user"), (&bt, cb, "user")] {
        app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(t), &json!({"sender": sender, "content": "x"})).await.assert(201);
    }
    app.exec(&format!("UPDATE fastapi_messages SET timestamp = '2020-01-01 10:00:00' WHERE conversation_id = {cb}")).await;
    let s = app.get("/api/v1/admin/statistics/system", Some(&admin)).await.json();
    let a_id = uid(&app, &a);
    let b_id = uid(&app, &bt);
    assert_eq!(s, json!({"total_users": 4, "active_users": 3, "pending_users": 1, "total_conversations": 2, "total_messages": 4,
        "premium_users": 1, "free_users": 2, "new_users_this_week": 4,
        "most_active_users": [{"id": a_id, "username": "a@example.com", "query_count": 50},
                              {"id": b_id, "username": "b@example.com", "query_count": 50},
                              {"id": uid(&app, &admin), "username": "root@example.com", "query_count": 0},
                              {"id": b_id + 1, "username": "p@example.com", "query_count": 0}]}));

    let act = app.get("/api/v1/admin/statistics/activity?days=7", Some(&admin)).await.json();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_eq!(act, json!({"period_days": 7, "daily_queries": [{"date": today, "count": 2}], "queries_by_agent": {"news": 2}, "total_queries": 2}));
    let act = app.get("/api/v1/admin/statistics/activity?days=365", Some(&admin)).await.json();
    assert_eq!(act["total_queries"], 2, "the 2020 message is outside a year");
    let act: Value = app.get("/api/v1/admin/statistics/activity", Some(&admin)).await.json();
    assert_eq!(act["period_days"], 30);
    let r = app.get("/api/v1/admin/statistics/activity?days=0", Some(&admin)).await;
    assert_eq!(r.detail()[0]["msg"], "Input should be greater than or equal to 1");
    assert_eq!(app.get("/api/v1/admin/statistics/activity?days=366", Some(&admin)).await.error_types(), ["less_than_equal"]);
});

db_test!(async fn maintenance_cleanup(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let t = app.user("ann@example.com").await;
    let t2 = app.user("bob@example.com").await;
    for tok in [&t, &t2] {
        app.post_json("/api/v1/conversations", Some(tok), &json!({})).await.assert(201);
    }
    app.post_json("/api/v1/conversations", Some(&t), &json!({})).await.assert(201);
    app.backdate_conversations(&[1, 2], at("2020-01-01 00:00:00")).await;
    let r = app.post_empty("/api/v1/admin/maintenance/cleanup-conversations", Some(&admin)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"deleted_count": 2, "message": "Deleted 2 empty conversations older than 7 days"}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations").await, 1);
    assert_eq!(app.post_empty("/api/v1/admin/maintenance/cleanup-conversations?days_old=0", Some(&admin)).await.error_types(), ["greater_than_equal"]);
    let r = app.post_empty("/api/v1/admin/maintenance/cleanup-conversations?days_old=1", Some(&admin)).await;
    assert_eq!(r.json()["message"], "Deleted 0 empty conversations older than 1 days");
});

async fn active_admins(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE role = 'admin' AND is_active = TRUE")
        .await
}

db_test!(async fn an_admin_cannot_demote_deactivate_or_delete_themselves(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let me = uid(&app, &admin);
    // another admin exists: the refusal is about oneself, not about the last admin
    let other = app.admin("second@example.com").await;
    let other_id = uid(&app, &other);
    let path = format!("/api/v1/admin/users/{me}");
    let own = "You cannot remove your own admin access";
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"role": "user"})).await.assert_detail(400, own);
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"is_active": false})).await.assert_detail(400, own);
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"full_name": "Changed", "role": "user"})).await.assert_detail(400, own);
    delete(&app, &path, &admin).await.assert_detail(400, "Cannot delete your own account");
    app.post_empty(&format!("{path}/toggle-status"), Some(&admin)).await.assert_detail(400, "Cannot modify your own status");
    let u = app.get(&path, Some(&admin)).await.json();
    assert_eq!((u["role"].clone(), u["is_active"].clone(), u["full_name"].clone()), (json!("admin"), json!(true), json!("Admin")), "unchanged");
    // what keeps one's admin access stays allowed
    app.send_json(Method::PUT, &path, Some(&admin), &json!({"full_name": "Root", "role": "admin", "is_active": true, "plan_type": "max"})).await.assert(200);
    // and another admin can still be demoted while the caller stays an admin
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{other_id}"), Some(&admin), &json!({"role": "user"})).await.assert(200);
    assert_eq!(active_admins(&app).await, 1);
});

db_test!(async fn the_last_active_admin_cannot_be_removed(b) {
    use solarintel::store::{self, admin as sa, audit::Audit};
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let me = uid(&app, &admin);
    let db = app.db();
    let now = store::now();
    let audit = Audit::default();
    // A request that authenticated as another admin who has since lost admin access reaches
    // the store with `me` as the only active admin: every route that removes admin access refuses.
    let demote = sa::UserChanges { role: Some("user".into()), ..Default::default() };
    let deactivate = sa::UserChanges { is_active: Some(false), ..Default::default() };
    assert_eq!(sa::update_user(db, me, &demote, now, &audit).await.unwrap(), sa::Removal::LastAdmin);
    assert_eq!(sa::update_user(db, me, &deactivate, now, &audit).await.unwrap(), sa::Removal::LastAdmin);
    assert_eq!(sa::toggle(db, me, now, &audit).await.unwrap(), sa::StatusChange::LastAdmin);
    assert_eq!(sa::delete_user(db, me, now, &audit).await.unwrap(), sa::Removal::LastAdmin);
    assert_eq!(active_admins(&app).await, 1, "still the one active admin");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_audit_log WHERE action <> 'create_admin'").await, 0, "nothing was done");
    // the same over HTTP: a second admin whose admin access went away between two requests
    let other = app.admin("second@example.com").await;
    let other_id = uid(&app, &other);
    let keep = sa::UserChanges { full_name: Some("Kept".into()), ..Default::default() };
    assert_eq!(sa::update_user(db, me, &keep, now, &audit).await.unwrap(), sa::Removal::Done);
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{me}"), Some(&other), &json!({"is_active": false})).await.assert(200);
    assert_eq!(sa::update_user(db, other_id, &demote, now, &audit).await.unwrap(), sa::Removal::LastAdmin);
    assert_eq!(sa::delete_user(db, other_id, now, &audit).await.unwrap(), sa::Removal::LastAdmin);
    // a non-admin target is never blocked
    let ann = app.register("ann@example.com").await;
    assert_eq!(sa::update_user(db, ann, &deactivate, now, &audit).await.unwrap(), sa::Removal::Done);
    assert_eq!(sa::delete_user(db, ann, now, &audit).await.unwrap(), sa::Removal::Done);
    assert_eq!(sa::delete_user(db, ann, now, &audit).await.unwrap(), sa::Removal::NotFound);
});

db_test!(async fn two_admins_removing_each_other_at_once_leave_one(b) {
    let app = TestApp::start(b).await;
    let a = app.admin("a@example.com").await;
    let b_token = app.admin("b@example.com").await;
    let (a_id, b_id) = (uid(&app, &a), uid(&app, &b_token));
    for round in 0..6 {
        let a = app.login("a@example.com", PASSWORD).await;
        let b_token = app.login("b@example.com", PASSWORD).await;
        // alternate the routes: demotion, toggle, deactivation
        let (pa, pb) = (format!("/api/v1/admin/users/{b_id}"), format!("/api/v1/admin/users/{a_id}"));
        let (ta, tb) = (format!("{pa}/toggle-status"), format!("{pb}/toggle-status"));
        let body = if round % 3 == 0 { json!({"role": "user"}) } else { json!({"is_active": false}) };
        let (ra, rb) = if round % 3 == 1 {
            tokio::join!(app.post_empty(&ta, Some(&a)), app.post_empty(&tb, Some(&b_token)))
        } else {
            tokio::join!(
                app.send_json(Method::PUT, &pa, Some(&a), &body),
                app.send_json(Method::PUT, &pb, Some(&b_token), &body),
            )
        };
        for r in [&ra, &rb] {
            assert!([200, 400, 403].contains(&r.status.as_u16()), "{round}: {} {}", r.status, r.text());
            if r.status == 400 {
                assert_eq!(r.detail(), "Cannot remove the last active admin");
            }
        }
        assert_eq!(active_admins(&app).await, 1, "round {round}: exactly one admin left");
        app.every_account().role(Role::Admin).active(true).apply().await;
    }
});

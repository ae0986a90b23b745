//! Issue 20 (security hardening): no path leaves the system without an active admin (the
//! self-service deletion request and the purge job included), audit entries outlive the users
//! they name, and the files we read from disk stay inside their folders (`STATIC_DIR`, `ingest
//! docs`): no hidden files, no symlinks out, no loops.

use axum::http::Method;
use serde_json::json;
use solarintel::jobs;

use crate::support::*;

const LAST_ADMIN: &str = "Cannot remove the last active admin";

fn uid(app: &TestApp, token: &str) -> i64 {
    i64::from(app.state.jwt.verify(token).unwrap().user_id)
}

async fn request_deletion(app: &TestApp, token: &str) -> Resp {
    app.post_json(
        "/api/v1/auth/request-deletion",
        Some(token),
        &json!({"reason": "leaving"}),
    )
    .await
}

async fn active_admins(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE role = 'admin' AND is_active = TRUE")
        .await
}

/// Make `id`'s deletion request older than the 30-day grace period.
async fn past_grace(app: &TestApp, id: i64) {
    app.exec(&format!(
        "UPDATE fastapi_users SET deletion_requested_at = '2020-01-01 00:00:00' WHERE id = {id}"
    ))
    .await;
}

fn deleted_mails(app: &TestApp, to: &str) -> usize {
    app.mail
        .to(to)
        .iter()
        .filter(|m| m.subject == "Your account has been deleted")
        .count()
}

db_test!(async fn the_last_admin_cannot_request_deletion(b) {
    let app = TestApp::start(b).await;
    let root = app.admin("root@example.com").await;
    let root_id = uid(&app, &root);
    // alone: refused, nothing changed, no email
    request_deletion(&app, &root).await.assert_detail(400, LAST_ADMIN);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {root_id} AND deleted = TRUE")).await, 0);
    // with a second admin who stays: allowed
    let two = app.admin("two@example.com").await;
    request_deletion(&app, &two).await.assert(200);
    // an admin whose own deletion is pending is not the one who stays
    request_deletion(&app, &root).await.assert_detail(400, LAST_ADMIN);
    app.post_empty("/api/v1/auth/cancel-deletion", Some(&two)).await.assert(200);
    request_deletion(&app, &root).await.assert(200);
    request_deletion(&app, &two).await.assert_detail(400, LAST_ADMIN);
    // repeating one's own pending request is still allowed (it restarts the period)
    request_deletion(&app, &root).await.assert(200);
    // users are never refused
    let ann = app.user("ann@example.com").await;
    request_deletion(&app, &ann).await.assert(200);
    assert_eq!(active_admins(&app).await, 2);
});

db_test!(async fn the_purge_never_removes_the_last_active_admin(b) {
    let app = TestApp::start(b).await;
    let root = app.admin("root@example.com").await;
    let root_id = uid(&app, &root);
    let two = app.admin("two@example.com").await;
    let two_id = uid(&app, &two);
    // root asks to go while another admin stays, then demotes that admin: both allowed
    request_deletion(&app, &root).await.assert(200);
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{two_id}"), Some(&root), &json!({"role": "user"})).await.assert(200);
    past_grace(&app, root_id).await;
    let ann = app.user("ann@example.com").await;
    let ann_id = uid(&app, &ann);
    request_deletion(&app, &ann).await.assert(200);
    past_grace(&app, ann_id).await;
    // the purge takes ann, and skips root: the last active admin stays, with the request pending
    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {ann_id}")).await, 0);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {root_id} AND role = 'admin' AND is_active = TRUE AND deleted = TRUE")).await, 1);
    assert_eq!(active_admins(&app).await, 1);
    app.get("/api/v1/auth/me", Some(&root)).await.assert(200);
    assert_eq!(deleted_mails(&app, "ann@example.com"), 1);
    assert_eq!(deleted_mails(&app, "root@example.com"), 0, "no 'deleted' email for an account that stays");
    // every later run skips it too, until another admin exists; then the request is carried out
    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 0);
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{two_id}"), Some(&root), &json!({"role": "admin"})).await.assert(200);
    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {root_id}")).await, 0);
    assert_eq!(deleted_mails(&app, "root@example.com"), 1);
    assert_eq!(active_admins(&app).await, 1);
});

db_test!(async fn the_purge_rechecks_inside_its_transaction(b) {
    use solarintel::store::{self, admin::Removal};
    let app = TestApp::start(b).await;
    let root = app.admin("root@example.com").await;
    let root_id = uid(&app, &root);
    app.admin("two@example.com").await;
    request_deletion(&app, &root).await.assert(200);
    past_grace(&app, root_id).await;
    let cutoff = solarintel::domain::user::purge_cutoff(store::now());
    // the other admin is demoted after the job listed root (and after its first check)
    app.exec("UPDATE fastapi_users SET role = 'user' WHERE username = 'two@example.com'").await;
    assert_eq!(store::users::purge_due(app.db(), root_id as i32, cutoff).await.unwrap(), Removal::LastAdmin);
    assert_eq!(active_admins(&app).await, 1);
    // a request cancelled after the job listed the account is honoured
    let ann = app.user("ann@example.com").await;
    let ann_id = uid(&app, &ann);
    request_deletion(&app, &ann).await.assert(200);
    past_grace(&app, ann_id).await;
    app.post_empty("/api/v1/auth/cancel-deletion", Some(&ann)).await.assert(200);
    assert_eq!(store::users::purge_due(app.db(), ann_id as i32, cutoff).await.unwrap(), Removal::NotFound);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {ann_id}")).await, 1);
    // due, and not the last admin: purged
    app.exec("UPDATE fastapi_users SET role = 'admin' WHERE username = 'two@example.com'").await;
    assert_eq!(store::users::purge_due(app.db(), root_id as i32, cutoff).await.unwrap(), Removal::Done);
    assert_eq!(store::users::purge_due(app.db(), root_id as i32, cutoff).await.unwrap(), Removal::NotFound);
});

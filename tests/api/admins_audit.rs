//! No path leaves the system without an active admin (the
//! self-service deletion request and the purge job included), audit entries outlive the users
//! they name, and the files we read from disk stay inside their folders (`STATIC_DIR`, `ingest
//! docs`): no hidden files, no symlinks out, no loops.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Method, Request};
use serde_json::json;
use solarintel::data::docs;
use solarintel::domain::user::Role;
use solarintel::jobs;

use crate::support::*;

const LAST_ADMIN: &str = "Cannot remove the last active admin";

fn uid(app: &TestApp, token: &str) -> i64 {
    i64::from(app.state.jwt.verify(token).unwrap().user_id)
}

async fn delete(app: &TestApp, path: &str, token: &str) -> Resp {
    app.request(
        TestApp::req(Method::DELETE, path, Some(token))
            .body(Body::empty())
            .unwrap(),
    )
    .await
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
    app.account(id)
        .deletion_requested(at("2020-01-01 00:00:00"))
        .apply()
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
    app.account("two@example.com").role(Role::User).apply().await;
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
    app.account("two@example.com").role(Role::Admin).apply().await;
    assert_eq!(store::users::purge_due(app.db(), root_id as i32, cutoff).await.unwrap(), Removal::Done);
    assert_eq!(store::users::purge_due(app.db(), root_id as i32, cutoff).await.unwrap(), Removal::NotFound);
});

db_test!(async fn audit_entries_outlive_the_users_they_name(b) {
    let app = TestApp::start(b).await;
    let root = app.admin("root@example.com").await;
    let root_id = uid(&app, &root);
    // ann is made an admin, acts as one, is demoted and deleted by root
    let ann_id = app.register("ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    let bob_id = uid(&app, &bob);
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{ann_id}"), Some(&root), &json!({"role": "admin"})).await.assert(200);
    let ann = app.login("ann@example.com", PASSWORD).await;
    app.post_empty(&format!("/api/v1/admin/users/{bob_id}/reset-query-count"), Some(&ann)).await.assert(200);
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{ann_id}"), Some(&root), &json!({"role": "user"})).await.assert(200);
    delete(&app, &format!("/api/v1/admin/users/{ann_id}"), &root).await.assert(200);
    // bob goes through the purge job
    request_deletion(&app, &bob).await.assert(200);
    past_grace(&app, bob_id).await;
    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id IN ({ann_id}, {bob_id})")).await, 0);

    let log = app.get("/api/v1/admin/audit-log", Some(&root)).await.json();
    // (the first is the `create_admin` of the test's admin, as the command line records it)
    assert_eq!(log["total"], 5, "{log}");
    let items = log["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["delete_user", "update_user", "reset_query_count", "update_user", "create_admin"]);
    // how ann became an admin: id, name, before and after, all kept
    let promoted = &items[3];
    assert_eq!(promoted["target_user_id"], ann_id);
    assert_eq!(promoted["target_username"], "ann@example.com");
    assert_eq!(promoted["actor_id"], root_id);
    assert_eq!(promoted["actor_username"], "root@example.com");
    assert_eq!((promoted["before"]["role"].clone(), promoted["after"]["role"].clone()), (json!("user"), json!("admin")));
    // what ann did as an admin, on bob (both gone now)
    let reset = &items[2];
    assert_eq!((reset["actor_id"].clone(), reset["actor_username"].clone()), (json!(ann_id), json!("ann@example.com")));
    assert_eq!((reset["target_user_id"].clone(), reset["target_username"].clone()), (json!(bob_id), json!("bob@example.com")));
    // the deletion itself: the id in `before`, the name beside it
    assert_eq!(items[0]["before"], json!({"id": ann_id}));
    assert_eq!(items[0]["target_username"], "ann@example.com");
    assert_eq!(items[0]["after"], json!(null));
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_audit_log WHERE target_user_id = {ann_id}")).await, 3);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_audit_log WHERE target_user_id = {bob_id}")).await, 1);
    // the user's own data is still gone
    app.get("/api/v1/auth/me", Some(&ann)).await.assert_detail(401, "Could not validate credentials");
});

db_test!(async fn migration_0009_names_the_users_of_existing_entries(b) {
    let app = TestApp::start(b).await;
    let root = app.admin("root@example.com").await;
    let root_id = uid(&app, &root);
    let ann_id = app.register("ann@example.com").await;
    app.post_empty(&format!("/api/v1/admin/users/{ann_id}/reset-query-count"), Some(&root)).await.assert(200);
    app.exec("INSERT INTO fastapi_audit_log (actor_id, action, target_user_id, created_at) VALUES (999998, 'delete_user', 999999, '2025-01-01 00:00:00')").await;
    // the database as it was before 0009: no name columns
    app.exec("ALTER TABLE fastapi_audit_log DROP COLUMN actor_username").await;
    app.exec("ALTER TABLE fastapi_audit_log DROP COLUMN target_username").await;
    app.exec("DELETE FROM _sqlx_migrations WHERE version = 9").await;
    app.db().migrate().await.unwrap();
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_audit_log WHERE actor_id = {root_id} AND actor_username = 'root@example.com'")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_audit_log WHERE target_user_id = {ann_id} AND target_username = 'ann@example.com'")).await, 1);
    // an entry whose users are gone keeps its ids, without names
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_audit_log WHERE target_user_id = 999999 AND target_username IS NULL AND actor_username IS NULL").await, 1);
    let log = app.get("/api/v1/admin/audit-log", Some(&root)).await.json();
    assert_eq!(log["items"][0]["target_username"], json!(null));
    assert_eq!(log["items"][1]["target_username"], "ann@example.com");
});

/// A folder outside the served or ingested one, holding what must not leak.
fn outside() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::write(
        d.path().join("secret.md"),
        "# Secret\n\nTOP-SECRET notes.\n",
    )
    .unwrap();
    d
}

fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_dir_serves_no_hidden_files_and_no_symlink_out() {
    let out = outside();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let index = "<!doctype html><html><body><div id=\"root\"></div></body></html>";
    std::fs::write(p.join("index.html"), index).unwrap();
    std::fs::create_dir_all(p.join("assets")).unwrap();
    std::fs::create_dir_all(p.join(".git")).unwrap();
    std::fs::create_dir_all(p.join(".well-known")).unwrap();
    std::fs::write(p.join(".env"), "SECRET_KEY=TOP-SECRET").unwrap();
    std::fs::write(p.join(".git/config"), "[remote] TOP-SECRET").unwrap();
    std::fs::write(p.join("assets/.hidden.js"), "TOP-SECRET").unwrap();
    std::fs::write(p.join("assets/app.js"), "console.log('app')").unwrap();
    std::fs::write(
        p.join(".well-known/security.txt"),
        "Contact: mailto:security@example.com",
    )
    .unwrap();
    std::fs::write(p.join(".well-known/.secret"), "TOP-SECRET").unwrap();
    link(&out.path().join("secret.txt"), &p.join("leak.txt"));
    link(out.path(), &p.join("assets/ext"));
    link(&out.path().join("secret.txt"), &p.join("assets/app.js.gz"));
    link(&p.join("index.html"), &p.join("home.html"));
    let app = TestApp::builder(Backend::Sqlite)
        .env("STATIC_DIR", p.to_str().unwrap())
        .start()
        .await;
    let get = |path: &'static str, gzip: bool| {
        let app = &app;
        async move {
            let mut r = Request::get(path);
            if gzip {
                r = r.header("accept-encoding", "gzip");
            }
            app.request(r.body(Body::empty()).unwrap()).await
        }
    };
    for path in [
        "/.env",
        "/%2eenv",
        "/.git/config",
        "/.git/",
        "/assets/.hidden.js",
        "/assets%2F.hidden.js",
        "/.well-known/.secret",
        "/leak.txt",
        "/assets/ext/secret.txt",
    ] {
        let r = get(path, false).await;
        r.assert_detail(404, "Not Found");
        assert!(!r.text().contains("TOP-SECRET"), "{path}");
    }
    let r = get("/assets/app.js", true).await;
    r.assert_detail(404, "Not Found");
    // what stays: the app's files, symlinks inside the folder, the public .well-known folder,
    // the index.html fallback for the app's own routes, and `..` still never leaving the folder
    assert_eq!(
        get("/.well-known/security.txt", false).await.text(),
        "Contact: mailto:security@example.com"
    );
    assert_eq!(get("/home.html", false).await.text(), index);
    assert_eq!(get("/login", false).await.text(), index);
    assert_eq!(get("/../etc/passwd", false).await.text(), index);
    let r = get("/index.html", false).await;
    r.assert(200);
    assert_eq!(r.text(), index);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_docs_stays_in_its_folder_and_never_loops() {
    let out = outside();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.md"), "# A\n\nAlpha.\n").unwrap();
    std::fs::write(root.join("sub/x.md"), "# X\n\nEx.\n").unwrap();
    link(&root, &root.join("loop"));
    link(Path::new("."), &root.join("sub/here"));
    link(out.path(), &root.join("out"));
    link(&out.path().join("secret.md"), &root.join("out.md"));
    link(&root.join("a.md"), &root.join("twin.md"));
    link(&root.join("sub"), &root.join("sublink"));
    link(&root.join("nowhere.md"), &root.join("broken.md"));
    let names = |files: Vec<PathBuf>, base: &Path| -> Vec<String> {
        files
            .iter()
            .map(|f| f.strip_prefix(base).unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let files = docs::collect_files(std::slice::from_ref(&root)).unwrap();
    assert_eq!(names(files, &root), ["a.md", "sub/x.md"]);
    // a folder given through a symlink is walked as the folder it names
    let via = dir.path().join("via");
    link(&root, &via);
    let files = docs::collect_files(std::slice::from_ref(&via)).unwrap();
    assert_eq!(names(files, &via), ["a.md", "sub/x.md"]);
    // the same file named twice, or inside a folder also given, is read once
    let files =
        docs::collect_files(&[root.join("a.md"), root.clone(), root.join("twin.md")]).unwrap();
    assert_eq!(names(files, &root), ["a.md", "sub/x.md"]);
}

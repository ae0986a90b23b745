//! Backup, restore and the move to PostgreSQL, as an operator runs them: the built binary on a
//! served database. A restore gives back exactly what the backup held (and nothing written
//! after it), whether done by hand as the README says or with `solarintel restore`; the move
//! copies every row to PostgreSQL, where the same accounts, tokens and conversations work.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::cli::{bin, succeeded};
use crate::support::PASSWORD;

/// `serve` running in `dir` on the default database (`solarintel.db` there).
struct Service {
    child: Child,
    port: u16,
}

impl Service {
    async fn start(dir: &Path) -> Service {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = bin()
            .current_dir(dir)
            .args(["serve", "--port", &port.to_string()])
            .env("JOBS_ENABLED", "false")
            .env("SAMPLE_DATA", "false")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..150 {
            if reqwest::get(format!("http://127.0.0.1:{port}/health"))
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                return Service { child, port };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the service did not answer on port {port}");
    }

    /// Send `sig` and wait for the process to end; whether it exited 0.
    fn stop(mut self, sig: libc::c_int) -> bool {
        // SAFETY: a signal to our own child process.
        unsafe {
            libc::kill(self.child.id() as i32, sig);
        }
        self.child.wait().unwrap().success()
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// A token, or `None` when the login is refused.
    async fn login(&self, username: &str, password: &str) -> Option<String> {
        let r = reqwest::Client::new()
            .post(self.url("/api/v1/auth/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                form_urlencoded::Serializer::new(String::new())
                    .append_pair("username", username)
                    .append_pair("password", password)
                    .finish(),
            )
            .send()
            .await
            .unwrap();
        if r.status() != 200 {
            return None;
        }
        let v: Value = r.json().await.unwrap();
        Some(v["access_token"].as_str().unwrap().to_string())
    }

    async fn get(&self, path: &str, token: &str) -> Value {
        let r = reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "GET {path}");
        r.json().await.unwrap()
    }

    async fn post(&self, path: &str, token: &str, body: Value) -> Value {
        let r = reqwest::Client::new()
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "POST {path}: {}", r.status());
        r.json().await.unwrap()
    }
}

fn create_admin(dir: &Path, username: &str) {
    succeeded(
        &bin()
            .current_dir(dir)
            .args(["create-admin", "--username", username, "--password", PASSWORD])
            .output()
            .unwrap(),
    );
}

/// Every row of every table of the SQLite file, as SQLite quotes its values, sorted.
async fn dump(db: &Path) -> BTreeMap<String, Vec<String>> {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for t in tables {
        let cols: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?1)")
            .bind(&t)
            .fetch_all(&pool)
            .await
            .unwrap();
        let list: Vec<String> = cols.iter().map(|c| format!("quote(\"{c}\")")).collect();
        let sql = format!(
            "SELECT {} FROM \"{t}\" ORDER BY 1",
            list.join(" || ',' || ")
        );
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await
            .unwrap();
        out.insert(t, rows);
    }
    pool.close().await;
    out
}

/// What the service showed at the moment of the backup, and what it was written from.
struct Before {
    rows: BTreeMap<String, Vec<String>>,
    conversations: Value,
    messages: Value,
    conversation: i64,
}

/// Accounts and a conversation with messages, then `backup copy.db`, then more writes: an
/// account, a message and a conversation that the backup does not hold.
async fn before_and_after_a_backup(svc: &Service, dir: &Path) -> Before {
    create_admin(dir, "alice@example.com");
    create_admin(dir, "bob@example.com");
    let alice = svc.login("alice@example.com", PASSWORD).await.unwrap();
    let c = svc
        .post(
            "/api/v1/conversations",
            &alice,
            json!({"agent_type": "market", "title": "Before the backup"}),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    for (sender, content) in [
        ("user", "What is the PV outlook?"),
        ("bot", "{\"type\": \"string\", \"value\": \"Up, «réservé» \\\"quoted\\\"\"}"),
        ("user", "And in 2030?"),
    ] {
        svc.post(
            &format!("/api/v1/conversations/{id}/messages"),
            &alice,
            json!({"sender": sender, "content": content}),
        )
        .await;
    }
    let conversations = svc.get("/api/v1/conversations", &alice).await;
    let messages = svc
        .get(&format!("/api/v1/conversations/{id}/messages"), &alice)
        .await;
    let rows = dump(&dir.join("solarintel.db")).await;
    let out = bin()
        .current_dir(dir)
        .args(["backup", "copy.db"])
        .output()
        .unwrap();
    succeeded(&out);

    create_admin(dir, "carol@example.com");
    svc.post(
        &format!("/api/v1/conversations/{id}/messages"),
        &alice,
        json!({"sender": "user", "content": "Written after the backup"}),
    )
    .await;
    svc.post(
        "/api/v1/conversations",
        &alice,
        json!({"agent_type": "news", "title": "After the backup"}),
    )
    .await;
    assert_ne!(svc.get("/api/v1/conversations", &alice).await, conversations);
    Before {
        rows,
        conversations,
        messages,
        conversation: id,
    }
}

/// Started on the restored database: the backed-up state, not what came after.
async fn holds_exactly_the_backup(dir: &Path, before: &Before) {
    let svc = Service::start(dir).await;
    assert!(
        svc.login("carol@example.com", PASSWORD).await.is_none(),
        "the account created after the backup is gone"
    );
    assert!(svc.login("bob@example.com", PASSWORD).await.is_some());
    let alice = svc.login("alice@example.com", PASSWORD).await.unwrap();
    assert_eq!(
        svc.get("/api/v1/conversations", &alice).await,
        before.conversations
    );
    assert_eq!(
        svc.get(
            &format!("/api/v1/conversations/{}/messages", before.conversation),
            &alice
        )
        .await,
        before.messages
    );
    assert!(svc.stop(libc::SIGTERM));
}

fn remove_if_there(p: PathBuf) {
    match std::fs::remove_file(&p) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("{}: {e}", p.display()),
    }
}

/// The README's procedure by hand: stop the service, put the copy in place of the database,
/// remove the old `-wal` and `-shm`, start it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_put_back_by_hand_holds_exactly_what_it_held() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("solarintel.db");
    let svc = Service::start(dir.path()).await;
    let before = before_and_after_a_backup(&svc, dir.path()).await;
    assert!(svc.stop(libc::SIGTERM), "a graceful stop");

    std::fs::copy(dir.path().join("copy.db"), &db).unwrap();
    remove_if_there(dir.path().join("solarintel.db-wal"));
    remove_if_there(dir.path().join("solarintel.db-shm"));
    assert_eq!(dump(&db).await, before.rows, "every row as it was");
    holds_exactly_the_backup(dir.path(), &before).await;
}

/// `solarintel restore`: refused while the service runs and for a file that is not a whole
/// database of this service this binary can run; after a crash (its `-wal` and `-shm` left
/// behind) it puts the copy in place and keeps the database it replaced, log included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_puts_a_backup_back_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("solarintel.db");
    let svc = Service::start(d).await;
    let before = before_and_after_a_backup(&svc, d).await;
    let restore = |file: &str, vars: &[(&str, &str)]| {
        bin()
            .current_dir(d)
            .args(["restore", file])
            .envs(vars.iter().copied())
            .output()
            .unwrap()
    };
    let refused = |out: &std::process::Output, why: &str| {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains(why),
            "{why}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    };

    // The service has it open.
    let out = restore("copy.db", &[]);
    refused(&out, "is open in process");
    assert!(String::from_utf8_lossy(&out.stderr).contains("stop it first"));
    assert!(!svc.stop(libc::SIGKILL), "killed: a crash");
    assert!(
        d.join("solarintel.db-wal").exists(),
        "a crash leaves the log behind"
    );

    // Files that are not a backup of this service, or of a newer version.
    std::fs::write(d.join("notes.txt"), "not a database at all").unwrap();
    refused(&restore("notes.txt", &[]), "is not a SQLite database");
    refused(&restore("missing.db", &[]), "no such file");
    {
        let other = sqlx::SqlitePool::connect(&format!(
            "sqlite://{}?mode=rwc",
            d.join("other.db").display()
        ))
        .await
        .unwrap();
        sqlx::query("CREATE TABLE t (x)")
            .execute(&other)
            .await
            .unwrap();
        other.close().await;
    }
    refused(&restore("other.db", &[]), "not one of this service");
    std::fs::copy(d.join("copy.db"), d.join("newer.db")).unwrap();
    {
        let newer = sqlx::SqlitePool::connect(&format!("sqlite://{}", d.join("newer.db").display()))
            .await
            .unwrap();
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, TRUE, X'00', 0)")
            .execute(&newer)
            .await
            .unwrap();
        newer.close().await;
    }
    let out = restore("newer.db", &[]);
    refused(&out, "newer solarintel");
    assert!(String::from_utf8_lossy(&out.stderr).contains("99990101000000"));
    refused(&restore("solarintel.db", &[]), "is the database itself");
    let out = restore(
        "copy.db",
        &[("DATABASE_URL", "postgres://u:secret@127.0.0.1:1/db")],
    );
    refused(&out, "pg_restore");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("secret"));
    // None of them touched the database or left anything behind.
    let names = || -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("solarintel.db") || n.starts_with(".solarintel.db"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(),
        ["solarintel.db", "solarintel.db-shm", "solarintel.db-wal"]
    );

    let out = restore("copy.db", &[]);
    succeeded(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("restored {}", db.canonicalize().unwrap().display()))
            && text.contains("2 accounts, 1 conversation, 3 messages"),
        "{text}"
    );
    let kept = names()
        .into_iter()
        .find(|n| n.starts_with("solarintel.db.replaced-") && !n.ends_with("-wal"))
        .expect("the replaced database is kept");
    assert!(text.contains(&kept), "{text}");
    assert_eq!(
        names(),
        [
            "solarintel.db".to_string(),
            kept.clone(),
            format!("{kept}-wal")
        ],
        "the old log went with the old database; no shared-memory file is left"
    );
    assert_eq!(dump(&db).await, before.rows, "every row as it was");
    // Nothing is lost: what was written after the backup is in the database kept aside.
    let kept_rows = dump(&d.join(&kept)).await;
    assert_eq!(kept_rows["fastapi_users"].len(), 3);
    holds_exactly_the_backup(d, &before).await;
}

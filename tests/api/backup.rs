//! Backup, restore and the move to PostgreSQL, as an operator runs them: the built binary on a
//! served database. A restore gives back exactly what the backup held (and nothing written
//! after it), whether done by hand as docs/INSTALL.md says or with `solarintel restore`; the move
//! copies every row to PostgreSQL, where the same accounts, tokens and conversations work.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::cli::{bin, succeeded};
use solarintel::store::Db;

use crate::support::{Backend, PASSWORD, TestApp};

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
        let mut child = bin()
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
        child.kill().ok();
        child.wait().ok();
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
            .args([
                "create-admin",
                "--username",
                username,
                "--password",
                PASSWORD,
            ])
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
        (
            "bot",
            "{\"type\": \"string\", \"value\": \"Up, «réservé» \\\"quoted\\\"\"}",
        ),
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
    assert_ne!(
        svc.get("/api/v1/conversations", &alice).await,
        conversations
    );
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

/// docs/INSTALL.md's procedure by hand: stop the service, put the copy in place of the database,
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
        assert!(!out.status.success() && err.contains(why), "{why}: {err}");
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
        let newer =
            sqlx::SqlitePool::connect(&format!("sqlite://{}", d.join("newer.db").display()))
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

    // (The service's file mode, which the restored file keeps: not the copy's.)
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::set_permissions(d.join("copy.db"), std::fs::Permissions::from_mode(0o644))
            .unwrap();
    }
    let out = restore("copy.db", &[]);
    succeeded(&out);
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&db).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "restored {}",
            db.canonicalize().unwrap().display()
        )) && text.contains("2 accounts, 1 conversation, 3 messages"),
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

/// `copy-database --to URL` for the test's PostgreSQL schema `schema`.
fn copy_database(sqlite: &Path, schema: &str) -> std::process::Output {
    let pg = crate::support::pg_url();
    let sep = if pg.contains('?') { '&' } else { '?' };
    bin()
        .env("DATABASE_URL", format!("sqlite://{}", sqlite.display()))
        .args([
            "copy-database",
            "--to",
            &format!("{pg}{sep}options[search_path]={schema}"),
        ])
        .output()
        .unwrap()
}

/// The rows of each table a test app's database holds (migrations' own table aside).
async fn row_counts(app: &TestApp, tables: &[String]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for t in tables {
        out.insert(
            t.clone(),
            app.scalar(&format!("SELECT COUNT(*) FROM {t}")).await,
        );
    }
    out
}

/// The move to PostgreSQL: every table copied with its rows and values (booleans, timestamps,
/// JSON in text, reals, NULLs, text with quotes and accents), so the same tokens, passwords,
/// conversations and data work there; sequences continue above every id SQLite handed out;
/// the target's triggers work again afterwards. Refused while the SQLite database is open and
/// when the target holds accounts; a value PostgreSQL cannot hold fails the whole copy, leaving
/// no row behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(pg_tests), ignore = "set TEST_DATABASE_URL to run on PostgreSQL")]
async fn copy_database_moves_every_row_to_postgresql() {
    let src = TestApp::builder(Backend::Sqlite)
        .env("SAMPLE_DATA", "true")
        .start()
        .await;
    let sqlite = src.sqlite_path.clone().unwrap();
    let admin = src.admin("root@example.com").await;
    let ann = src.user("ann@example.com").await;
    src.register("zoe@example.com").await;
    let gone = src.register("gone@example.com").await;
    // The newest account deleted: SQLite records its id, so it is never handed out again.
    src.exec(&format!("DELETE FROM fastapi_users WHERE id = {gone}"))
        .await;
    let floor = src
        .scalar("SELECT max_id FROM fastapi_id_floor WHERE table_name = 'fastapi_users'")
        .await;
    let max_id = src.scalar("SELECT MAX(id) FROM fastapi_users").await;
    assert!(floor > max_id, "the deleted ids are above the live ones");
    // An account without tokens_valid_after, as the old service's are (PostgreSQL's trigger would
    // stamp it on insert), a grant with a NULL expiry, a waitlist row with JSON in text.
    src.exec(
        "INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, \
         email_verified, gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, \
         monthly_query_count, deleted, tokens_valid_after) VALUES ('old@example.com', 'x', 'Old O''Brien', \
         'user', 1, '2024-01-02 03:04:05.123456', 0, 1, 1, 0, 'free', 0, 0, 0, NULL)",
    )
    .await;
    // (SQLite's own trigger stamps it after the insert: as the old service's rows are, unset.)
    src.exec(
        "UPDATE fastapi_users SET tokens_valid_after = NULL WHERE username = 'old@example.com'",
    )
    .await;
    src.exec(
        "INSERT INTO fastapi_agent_whitelist (agent_type, user_id, granted_by, granted_at, expires_at, \
         is_active, reason, unlimited_queries) VALUES ('market', 2, 1, '2024-05-06 07:08:09', NULL, 1, \
         'tab\there\\back', 1)",
    )
    .await;
    src.exec(
        "INSERT INTO fastapi_waitlist (email, interested_agents, created_at, notified) \
         VALUES ('w@example.com', '[\"market\", \"news\"]', '2024-02-03 04:05:06', 0)",
    )
    .await;
    let mut conversations = Vec::new();
    for (agent, title) in [("market", "Prices «2025»"), ("news", "It's \"news\"")] {
        let r = src
            .post_json(
                "/api/v1/conversations",
                Some(&ann),
                &json!({"agent_type": agent, "title": title}),
            )
            .await;
        r.assert(201);
        let id = r.json()["id"].as_i64().unwrap();
        for (sender, content) in [
            ("user", "What about modules?\nTwo lines, a \\ and 'quotes'"),
            (
                "bot",
                "{\"type\": \"plot\", \"value\": {\"data\": [{\"x\": [2024], \"y\": [0.1]}]}}",
            ),
        ] {
            src.post_json(
                &format!("/api/v1/conversations/{id}/messages"),
                Some(&ann),
                &json!({"sender": sender, "content": content}),
            )
            .await
            .assert(201);
        }
        conversations.push(id);
    }
    let users = src.get("/api/v1/admin/users", Some(&admin)).await;
    users.assert(200);
    let list = src.get("/api/v1/conversations", Some(&ann)).await;
    list.assert(200);
    let mut messages = Vec::new();
    for id in &conversations {
        let r = src
            .get(&format!("/api/v1/conversations/{id}/messages"), Some(&ann))
            .await;
        r.assert(200);
        messages.push(r.json());
    }
    let tables: Vec<String> = {
        let Db::Sqlite(p) = src.db() else {
            unreachable!()
        };
        sqlx::query_scalar(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_sqlx_migrations', 'fastapi_id_floor') \
             ORDER BY name",
        )
        .fetch_all(p)
        .await
        .unwrap()
    };
    let counts = row_counts(&src, &tables).await;
    assert!(counts["fastapi_market_data"] > 0 && counts["fastapi_messages"] == 4);
    let capacity = |db: Db| async move {
        // (Each value, bit for bit: the two databases sum in different orders.)
        let sql = "SELECT capacity_mw FROM fastapi_market_data ORDER BY id";
        match db {
            Db::Sqlite(p) => sqlx::query_scalar::<_, f64>(sql).fetch_all(&p).await,
            Db::Postgres(p) => sqlx::query_scalar::<_, f64>(sql).fetch_all(&p).await,
        }
        .unwrap()
    };
    let src_capacity = capacity(src.db().clone()).await;

    // Refused while another process (here this test's app) has the SQLite database open.
    let schema = crate::support::new_pg_schema(None).await;
    let out = copy_database(&sqlite, &schema);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("is open in process"),
        "{err}"
    );
    src.db().close().await;

    let out = copy_database(&sqlite, &schema);
    succeeded(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("fastapi_messages") && text.contains("row count checked"),
        "{text}"
    );
    let pg = crate::support::pg_url();
    if let Some(password) = url::Url::parse(&pg)
        .ok()
        .and_then(|u| u.password().map(str::to_string))
    {
        let said = format!("{text}{}", String::from_utf8_lossy(&out.stderr));
        assert!(
            said.contains("<redacted>") && !said.contains(&format!(":{password}@")),
            "{said}"
        );
    }

    let dst = TestApp::builder(Backend::Postgres)
        .pg_schema(&schema)
        .start()
        .await;
    // The same tokens open the same views.
    let users_there = dst.get("/api/v1/admin/users", Some(&admin)).await;
    users_there.assert(200);
    assert_eq!(users_there.json(), users.json());
    let list_there = dst.get("/api/v1/conversations", Some(&ann)).await;
    assert_eq!(list_there.json(), list.json());
    for (id, want) in conversations.iter().zip(&messages) {
        let r = dst
            .get(&format!("/api/v1/conversations/{id}/messages"), Some(&ann))
            .await;
        assert_eq!(&r.json(), want);
    }
    assert_eq!(row_counts(&dst, &tables).await, counts);
    assert_eq!(capacity(dst.db().clone()).await, src_capacity);
    assert_eq!(
        dst.scalar("SELECT COUNT(*) FROM fastapi_users WHERE tokens_valid_after IS NULL")
            .await,
        1,
        "copied as it was, not stamped by the target's trigger"
    );
    assert_eq!(
        dst.scalar(
            "SELECT COUNT(*) FROM fastapi_agent_whitelist WHERE unlimited_queries AND is_active \
             AND expires_at IS NULL AND reason = E'tab\\there\\\\back'"
        )
        .await,
        1
    );
    // Passwords, sequences and triggers work there.
    let ann_again = dst.login("ann@example.com", PASSWORD).await;
    let new_id = dst.register("new@example.com").await;
    assert!(
        new_id > floor,
        "{new_id} is above every id SQLite handed out ({floor})"
    );
    dst.post_json(
        &format!("/api/v1/conversations/{}/messages", conversations[0]),
        Some(&ann_again),
        &json!({"sender": "user", "content": "Written on PostgreSQL"}),
    )
    .await
    .assert(201);
    assert_eq!(
        dst.scalar(&format!(
            "SELECT message_count FROM fastapi_conversations WHERE id = {}",
            conversations[0]
        ))
        .await,
        3
    );

    // Again into the same database: it holds accounts now.
    let users_before = dst.scalar("SELECT COUNT(*) FROM fastapi_users").await;
    let out = copy_database(&sqlite, &schema);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("already holds") && err.contains("accounts"),
        "{err}"
    );
    assert_eq!(
        dst.scalar("SELECT COUNT(*) FROM fastapi_users").await,
        users_before
    );

    // A value PostgreSQL cannot hold (SQLite never enforced VARCHAR(100)): nothing is kept.
    {
        let p = sqlx::SqlitePool::connect(&format!("sqlite://{}", sqlite.display()))
            .await
            .unwrap();
        sqlx::query("UPDATE fastapi_users SET full_name = ?1 WHERE username = 'zoe@example.com'")
            .bind("z".repeat(101))
            .execute(&p)
            .await
            .unwrap();
        p.close().await;
    }
    let empty = crate::support::new_pg_schema(None).await;
    let out = copy_database(&sqlite, &empty);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.contains("fastapi_users")
            && err.contains("too long")
            && err.contains("no row was copied"),
        "{err}"
    );
    let left = TestApp::builder(Backend::Postgres)
        .pg_schema(&empty)
        .env("SAMPLE_DATA", "false")
        .start()
        .await;
    let mut rows = 0;
    for t in &tables {
        // (The app's own start-up seeds the agent rows.)
        if t != "fastapi_agent_access" {
            rows += left.scalar(&format!("SELECT COUNT(*) FROM {t}")).await;
        }
    }
    assert_eq!(rows, 0, "no row of the failed copy is left");
}

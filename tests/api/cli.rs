//! The `solarintel` binary: every command of operations.md that this build has.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{PASSWORD, SmtpSink, TestApp, first_link};

/// `solarintel migrate` on the database at `url`.
fn migrate(url: &str) -> std::process::Output {
    bin()
        .env("DATABASE_URL", url)
        .arg("migrate")
        .output()
        .unwrap()
}

/// A command that must have succeeded: its stderr is the failure's message.
#[track_caller]
pub(crate) fn succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub(crate) fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_solarintel"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("BCRYPT_COST", "4")
        .env("LOG_LEVEL", "warn");
    c
}

#[test]
fn migrate_create_admin_jobs_and_openapi() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let out = migrate(&url);
    succeeded(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!(
        "migrations applied (the SQLite database {})",
        dir.path().canonicalize().unwrap().join("cli.db").display()
    )));

    let out = bin()
        .env("DATABASE_URL", &url)
        .args([
            "create-admin",
            "--username",
            "root@example.com",
            "--password",
            "admin-password",
            "--full-name",
            "Root",
        ])
        .output()
        .unwrap();
    succeeded(&out);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
    // again: promotes the same user, same id
    let out = bin()
        .env("DATABASE_URL", &url)
        .args([
            "create-admin",
            "--username",
            "root@example.com",
            "--password",
            "admin-password-2",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
    let out = bin()
        .env("DATABASE_URL", &url)
        .args([
            "create-admin",
            "--username",
            "x@example.com",
            "--password",
            "short",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);

    let out = bin()
        .env("DATABASE_URL", &url)
        .args(["jobs", "run"])
        .output()
        .unwrap();
    succeeded(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    for job in [
        "monthly_reset",
        "deletion_purge",
        "empty_conversation_cleanup",
        "cleanup",
    ] {
        assert!(text.contains(&format!("{job}: ran")), "{text}");
    }
    let out = bin()
        .env("DATABASE_URL", &url)
        .args(["jobs", "run", "--job", "nope"])
        .output()
        .unwrap();
    assert!(!out.status.success());

    let out = bin().arg("openapi").output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["paths"]["/api/v1/auth/login"].is_object());
}

#[test]
fn bad_settings_fail_with_one_clear_line() {
    let out = bin()
        .env("ENVIRONMENT", "production")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SECRET_KEY is required"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
    let out = bin()
        .env("DATABASE_URL", "mysql://nope")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn serve_with_no_settings_starts_on_sqlite_and_stops_on_sigterm() {
    serve_and_stop_on(libc::SIGTERM, &[]);
}

/// SIGHUP (a closed terminal, a supervisor's reload) stops the service gracefully too, and logs
/// written to a file carry no colour codes.
#[test]
fn sighup_stops_gracefully_and_file_logs_have_no_colour() {
    let log = serve_and_stop_on(libc::SIGHUP, &[]);
    assert!(log.contains("shutdown requested"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "escape codes in a log file: {log:?}"
    );
}

/// JSON logs give a request's latency as a number, which log tools can compare and sum.
#[test]
fn json_logs_give_the_latency_as_a_number() {
    let log = serve_and_stop_on(libc::SIGTERM, &[("LOG_FORMAT", "json")]);
    let request = log
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["message"] == "request")
        .unwrap_or_else(|| panic!("no request line: {log}"));
    assert!(request["latency_ms"].is_f64(), "{request}");
}

/// Serve on the embedded default, stop with `sig`; the log it wrote.
fn serve_and_stop_on(sig: libc::c_int, env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    serve_in(dir.path(), env, sig, |_| {})
}

/// Serve in `dir` on the embedded default, run `meanwhile` while it answers, stop with `sig`;
/// the log it wrote.
fn serve_in(
    dir: &std::path::Path,
    env: &[(&str, &str)],
    sig: libc::c_int,
    meanwhile: impl FnOnce(u16),
) -> String {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let log_path = dir.join("serve.log");
    let mut child = bin()
        .current_dir(dir)
        .args(["serve", "--port", &port.to_string()])
        .env("LOG_LEVEL", "info")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let ok = rt.block_on(async {
        for _ in 0..100 {
            if let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/health")).await {
                return r.status() == 200;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    });
    if ok {
        meanwhile(port);
    }
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
    let status = child.wait().unwrap();
    assert!(ok, "the service answered on 127.0.0.1:{port}");
    assert!(status.success(), "graceful exit: {status:?}");
    assert!(
        dir.join("solarintel.db").exists(),
        "the embedded default database file"
    );
    std::fs::read_to_string(&log_path).unwrap()
}

/// `backup` copies the live database with what its write-ahead log holds, and refuses to
/// overwrite a file.
#[test]
fn backup_copies_the_live_database() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    serve_in(dir.path(), &[], libc::SIGTERM, |_| {
        let admin = bin()
            .current_dir(dir.path())
            .args([
                "create-admin",
                "--username",
                "root@example.com",
                "--password",
                "admin-password",
            ])
            .output()
            .unwrap();
        succeeded(&admin);
        let out = bin()
            .current_dir(dir.path())
            .arg("backup")
            .arg(&copy)
            .output()
            .unwrap();
        succeeded(&out);
        assert!(String::from_utf8_lossy(&out.stdout).contains("written from the SQLite database"));
        let again = bin()
            .current_dir(dir.path())
            .arg("backup")
            .arg(&copy)
            .output()
            .unwrap();
        assert!(
            !again.status.success()
                && String::from_utf8_lossy(&again.stderr).contains("exists already")
        );
    });
    // The copy is a whole database on its own (no -wal beside it): the admin and the sample.
    assert!(!dir.path().join("copy.db-wal").exists());
    let (admins, rows): (i64, i64) = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", copy.display()))
            .await
            .unwrap();
        (
            sqlx::query_scalar("SELECT COUNT(*) FROM fastapi_users WHERE role = 'admin'")
                .fetch_one(&pool)
                .await
                .unwrap(),
            sqlx::query_scalar("SELECT COUNT(*) FROM fastapi_market_data")
                .fetch_one(&pool)
                .await
                .unwrap(),
        )
    });
    assert_eq!(admins, 1);
    assert!(rows > 0);
}

#[test]
fn ingest_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("ingest.db").display());
    let migrated = migrate(&url);
    assert!(migrated.status.success());
    let file = dir.path().join("market.csv");
    std::fs::write(
        &file,
        "Territory,Year,Scenario,Connection,Type,Capacity(MW),AC/DC,Estimated/Confirmed,Installed/Decomissioned\n\
         Italy,2023,Historical Primary,Total,Annual,5234,DC,Confirmed,Installed\n\
         Italy,2023,Historical Primary,Total,Annual,5234,DC,Confirmed,Installed\n",
    )
    .unwrap();
    let out = bin()
        .env("DATABASE_URL", &url)
        .env("LOG_LEVEL", "info")
        .args(["ingest", "market"])
        .arg(&file)
        .output()
        .unwrap();
    succeeded(&out);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "market: 2 rows read, 1 stored, 1 duplicates counted once (long layout) from market.csv"
    );
    // Without a terminal the progress is in the log: the estimate, each phase after reading,
    // and the end.
    let log = String::from_utf8_lossy(&out.stderr);
    for line in [
        "reading market.csv: about 2 rows",
        "market.csv: 2 rows read; checking for rows that contradict each other",
        "market.csv: 2 rows read; removing duplicates",
        "market.csv: 2 rows read; committing",
        "market.csv: done, 2 rows in ",
    ] {
        assert!(log.contains(line), "{line} not in\n{log}");
    }
    // A bad file: non-zero exit, one line naming the file, row and column.
    std::fs::write(
        &file,
        "Territory,Year,Scenario,Connection,Type,Capacity(MW)\nItaly,2023,Historical Primary,Total,Annual,lots\n",
    )
    .unwrap();
    let out = bin()
        .env("DATABASE_URL", &url)
        .args(["ingest", "market"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "market.csv: row 2, column \"Capacity(MW)\": expected a number, found \"lots\""
        ),
        "{err}"
    );
    // Documents from a folder.
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.md"), "# Soiling\n\nCleaning restores yield.").unwrap();
    std::fs::write(docs.join("b.txt"), "Inverters\n\nReplace fans yearly.").unwrap();
    let out = bin()
        .env("DATABASE_URL", &url)
        .env("LOG_LEVEL", "info")
        .args(["ingest", "docs", "--collection", "om"])
        .arg(&docs)
        .output()
        .unwrap();
    succeeded(&out);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("reading docs/om: about 2 files")
            && log.contains("docs/om: done, 2 files in "),
        "{log}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "docs/om: 2 files, 2 documents, 2 passages indexed"
    );
}

#[test]
fn serve_answers_metrics_on_their_own_address() {
    let dir = tempfile::tempdir().unwrap();
    let free = || {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (port, mport) = (free(), free());
    let mut child = bin()
        .current_dir(dir.path())
        .env("METRICS_ADDR", format!("127.0.0.1:{mport}"))
        .env("SAMPLE_DATA", "false")
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (metrics, public) = rt.block_on(async {
        for _ in 0..100 {
            if reqwest::get(format!("http://127.0.0.1:{port}/health"))
                .await
                .is_ok()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let m = reqwest::get(format!("http://127.0.0.1:{mport}/metrics"))
            .await
            .unwrap();
        let p = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
            .await
            .unwrap();
        (m.text().await.unwrap(), p.status().as_u16())
    });
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    assert!(child.wait().unwrap().success());
    assert!(
        metrics.contains(
            "solarintel_http_requests_total{group=\"health\",method=\"GET\",status=\"2xx\"}"
        ),
        "{metrics}"
    );
    assert_eq!(public, 404, "metrics are not on the public address");
}

/// Without `PUBLIC_URL`, the links in emails point at the address `serve` really listens on,
/// `--host` and `--port` included (they used to keep pointing at port 8000).
#[test]
fn serve_links_follow_the_served_port_without_public_url() {
    let dir = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mail = rt.block_on(SmtpSink::start());
    let mut child = bin()
        .current_dir(dir.path())
        .env("SAMPLE_DATA", "false")
        .env("SMTP_HOST", "127.0.0.1")
        .env("SMTP_PORT", mail.port.to_string())
        .env("SMTP_TLS", "none")
        .args(["serve", "--host", "127.0.0.1", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let outcome = rt.block_on(async {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        for _ in 0..100 {
            if http.get(format!("{base}/health")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let email = "cli@example.com";
        let r = http
            .post(format!("{base}/api/v1/auth/register"))
            .json(&TestApp::registration(email, PASSWORD))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("username", email)
            .append_pair("password", PASSWORD)
            .finish();
        let r = http
            .post(format!("{base}/api/v1/auth/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
            .await
            .unwrap();
        let token: serde_json::Value = r.json().await.unwrap();
        let token = token["access_token"].as_str().unwrap().to_string();
        let r = http
            .post(format!("{base}/api/v1/auth/send-verification"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let link = first_link(&mail.wait_for(email, 1).await.body);
        // the link works where it points
        let followed = http.get(&link).send().await.map(|r| {
            let to = r
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_string());
            (r.status().as_u16(), to)
        });
        (link, followed)
    });
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    assert!(child.wait().unwrap().success());
    let (link, followed) = outcome;
    assert!(
        link.starts_with(&format!("{base}/api/v1/auth/verify-email?token=")),
        "{link}"
    );
    assert_eq!(
        followed.ok(),
        Some((
            303,
            Some("http://localhost:3000/login?email_verified=1".to_string())
        )),
        "{link}"
    );
}

/// `doctor` with `vars`, run in `dir`; returns (success, stdout, stderr).
fn doctor(dir: &std::path::Path, vars: &[(&str, &str)]) -> (bool, String, String) {
    let mut c = bin();
    c.current_dir(dir).arg("doctor");
    for (k, v) in vars {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The check line of `part` in a doctor report.
fn check_line<'a>(report: &'a str, part: &str) -> &'a str {
    let checks = report.split("checks:").nth(1).unwrap_or("");
    checks
        .lines()
        .find(|l| l.trim_start().starts_with(part))
        .unwrap_or_else(|| panic!("no {part} line in\n{report}"))
}

/// A Weaviate that answers `/v1/meta`.
async fn fake_weaviate_meta() -> String {
    use axum::routing::get;
    let app = axum::Router::new().route(
        "/v1/meta",
        get(|| async { axum::Json(serde_json::json!({"version": "1.25.0"})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// A local port nothing listens on.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_passes_on_working_parts_and_names_each_broken_one() {
    use crate::support::fake_llm::{FakeLlm, Reply};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("doc.db");
    let url = format!("sqlite://{}", db.display());
    let smtp = SmtpSink::start().await;
    let llm = FakeLlm::start(vec![Reply::Text(vec!["p"], Duration::ZERO)]).await;
    let weaviate = fake_weaviate_meta().await;
    let smtp_port = smtp.port.to_string();
    let mut working = vec![
        ("DATABASE_URL", url.as_str()),
        ("SECRET_KEY", "a-long-production-like-signing-key"),
        ("SMTP_HOST", "127.0.0.1"),
        ("SMTP_PORT", smtp_port.as_str()),
        ("SMTP_TLS", "none"),
        ("OPENAI_API_KEY", "sk-test-key-never-printed"),
        ("OPENAI_BASE_URL", llm.base_url.as_str()),
        ("WEAVIATE_URL", weaviate.as_str()),
    ];
    let redis = std::env::var("TEST_REDIS_URL").ok();
    if let Some(r) = &redis {
        working.push(("REDIS_URL", r.as_str()));
    }

    // A database that does not exist yet is not created by doctor.
    let (ok, out, err) = doctor(dir.path(), &working);
    assert!(ok, "{out}\n{err}");
    assert!(
        check_line(&out, "database").contains("does not exist yet"),
        "{out}"
    );
    assert!(!db.exists(), "doctor created the database");
    let m = migrate(&url);
    assert!(m.status.success());

    let (ok, out, err) = doctor(dir.path(), &working);
    assert!(ok, "{out}\n{err}");
    assert!(
        check_line(&out, "database").contains("ok   sqlite") && out.contains("none pending"),
        "{out}"
    );
    assert!(check_line(&out, "smtp").contains(" ok "), "{out}");
    assert!(smtp.all().is_empty(), "doctor sent mail");
    assert!(
        check_line(&out, "llm").contains("one-token request"),
        "{out}"
    );
    assert!(
        check_line(&out, "weaviate").contains("Weaviate 1.25.0"),
        "{out}"
    );
    if redis.is_some() {
        assert!(check_line(&out, "redis").contains("PING answered"), "{out}");
    } else {
        assert!(
            check_line(&out, "redis").contains("not configured"),
            "{out}"
        );
    }
    assert!(
        out.contains("SECRET_KEY = <redacted>  (environment)"),
        "{out}"
    );
    assert!(out.contains("PORT = 8000  (default)"), "{out}");
    assert!(!out.contains("sk-test-key-never-printed") && !out.contains("production-like"));

    // Each broken part fails its own line and the run.
    let closed = closed_port().to_string();
    let dead_redis = format!("redis://127.0.0.1:{closed}/");
    let dead_http = format!("http://127.0.0.1:{closed}");
    let dead_llm = format!("http://127.0.0.1:{closed}/v1");
    let missing_dir = format!("sqlite://{}/no/such/folder/x.db", dir.path().display());
    let cases: Vec<(&str, (&str, &str))> = vec![
        ("redis", ("REDIS_URL", dead_redis.as_str())),
        ("smtp", ("SMTP_PORT", closed.as_str())),
        ("llm", ("OPENAI_BASE_URL", dead_llm.as_str())),
        ("weaviate", ("WEAVIATE_URL", dead_http.as_str())),
        ("database", ("DATABASE_URL", missing_dir.as_str())),
    ];
    for (part, (k, v)) in cases {
        let mut vars: Vec<(&str, &str)> =
            working.iter().filter(|(n, _)| *n != k).copied().collect();
        vars.push((k, v));
        let (ok, out, err) = doctor(dir.path(), &vars);
        assert!(!ok, "{part} broken but doctor passed:\n{out}");
        assert!(check_line(&out, part).contains("fail"), "{part}:\n{out}");
        assert!(err.contains("a check failed"), "{err}");
        let others = ["database", "smtp", "llm", "weaviate"];
        for other in others.iter().filter(|o| **o != part) {
            assert!(
                !check_line(&out, other).contains("fail"),
                "{other} with {part} broken:\n{out}"
            );
        }
    }

    // On PostgreSQL the migrations are read from its catalogue.
    if let Ok(pg) = std::env::var("TEST_DATABASE_URL") {
        let mut vars: Vec<(&str, &str)> = working
            .iter()
            .filter(|(n, _)| *n != "DATABASE_URL")
            .copied()
            .collect();
        vars.push(("DATABASE_URL", pg.as_str()));
        let (_, out, _) = doctor(dir.path(), &vars);
        let line = check_line(&out, "database");
        assert!(
            line.contains("ok   postgres") && line.contains("migrations applied"),
            "{out}"
        );
        assert!(
            !out.contains(":postgres@"),
            "the PostgreSQL password was printed:\n{out}"
        );
    }

    // The LLM refusing the key is a failure that says so.
    let refusing = FakeLlm::start(vec![Reply::Status(401)]).await;
    let mut vars: Vec<(&str, &str)> = working
        .iter()
        .filter(|(n, _)| *n != "OPENAI_BASE_URL")
        .copied()
        .collect();
    vars.push(("OPENAI_BASE_URL", refusing.base_url.as_str()));
    let (ok, out, _) = doctor(dir.path(), &vars);
    assert!(!ok);
    assert!(
        check_line(&out, "llm").contains("HTTP 401): check OPENAI_API_KEY"),
        "{out}"
    );
}

#[test]
fn doctor_reports_dotenv_lines_near_names_and_production_defaults() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".env"),
        "# settings\nDATABASE_URL=sqlite::memory:\nOPENAI_API_BASE_URL=http://x\nSECRET_KEY = \"oops\nPORT=1\n",
    )
    .unwrap();
    let (ok, out, _) = doctor(dir.path(), &[("PORT", "8123")]);
    assert!(!ok, "a broken .env line fails doctor:\n{out}");
    assert!(
        out.contains("warn: .env line 4 (SECRET_KEY) could not be read"),
        "{out}"
    );
    assert!(!out.contains("oops"), "{out}");
    assert!(
        out.contains("OPENAI_API_BASE_URL (from .env) is not a setting of this service; did you mean OPENAI_BASE_URL?"),
        "{out}"
    );
    assert!(out.contains("PORT = 8123  (environment)"), "{out}");
    assert!(
        out.contains("DATABASE_URL = sqlite::memory:  (.env)"),
        "{out}"
    );

    // serve and the other commands warn about the same lines in the log and go on.
    let m = bin()
        .current_dir(dir.path())
        .arg("migrate")
        .output()
        .unwrap();
    assert!(m.status.success());
    let err = String::from_utf8_lossy(&m.stderr);
    assert!(
        err.contains(".env line 4 (SECRET_KEY) could not be read and was skipped"),
        "{err}"
    );

    let empty = tempfile::tempdir().unwrap();
    let (_, out, _) = doctor(
        empty.path(),
        &[
            ("ENVIRONMENT", "production"),
            ("SECRET_KEY", "a-real-key-for-production-use"),
            ("MAIL_LOG_ONLY", "true"),
            ("BCRYPT_COST", "12"),
            ("DATABASE_URL", "sqlite::memory:"),
        ],
    );
    for w in [
        "CORS_ORIGINS is the development list",
        "SAMPLE_DATA is on",
        "MAIL_LOG_ONLY is on",
    ] {
        assert!(out.contains(w), "{w}:\n{out}");
    }
    let (_, out, _) = doctor(empty.path(), &[("DATABASE_URL", "sqlite::memory:")]);
    assert!(
        out.contains("warn: SECRET_KEY is the development key"),
        "{out}"
    );
    assert!(
        !out.contains("CORS_ORIGINS is the development list"),
        "{out}"
    );
}

#[test]
fn create_admin_reads_the_password_from_stdin_and_never_needs_it_on_the_command_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("a.db").display());
    let run = |input: Option<&str>, extra: &[&str]| {
        let mut c = bin();
        c.env("DATABASE_URL", &url)
            .args(["create-admin", "--username", "root@example.com"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        if let Some(i) = input {
            stdin.write_all(i.as_bytes()).unwrap();
        }
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    // In a folder with no database it says so, with the absolute path, and creates none.
    let out = run(Some("stdin-password-1\n"), &["--password-stdin"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.contains(&format!(
                "no database at {}",
                dir.path().join("a.db").display()
            )),
        "{err}"
    );
    assert!(!dir.path().join("a.db").exists());
    let migrated = migrate(&url);
    let said = String::from_utf8_lossy(&migrated.stdout);
    assert!(
        migrated.status.success() && said.contains(&dir.path().join("a.db").display().to_string()),
        "{said}"
    );
    let out = run(Some("stdin-password-1\n"), &["--password-stdin"]);
    succeeded(&out);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
    assert!(String::from_utf8_lossy(&out.stderr).contains("is user 1 of the SQLite database /"));
    // The full name defaults to the username's part before `@`, as `--help` says.
    // Command-line changes are in the audit log, with no acting user and `cli` as the request.
    let force = bin()
        .env("DATABASE_URL", &url)
        .args(["seed-agents", "--force"])
        .output()
        .unwrap();
    assert!(force.status.success());
    type Entry = (String, Option<i32>, Option<String>, Option<String>);
    let (name, audited): (String, Vec<Entry>) =
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            let name = sqlx::query_scalar("SELECT full_name FROM fastapi_users WHERE id = 1")
                .fetch_one(&pool)
                .await
                .unwrap();
            let rows = sqlx::query_as(
            "SELECT action, target_user_id, request_id, after FROM fastapi_audit_log ORDER BY id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
            (name, rows)
        });
    assert_eq!(name, "root");
    let actions: Vec<(&str, Option<i32>, Option<&str>)> = audited
        .iter()
        .map(|(a, t, r, _)| (a.as_str(), *t, r.as_deref()))
        .collect();
    assert_eq!(
        actions,
        [
            ("create_admin", Some(1), Some("cli")),
            ("seed_agents_force", None, Some("cli"))
        ]
    );
    assert!(
        audited[1].3.as_deref().unwrap().contains("market"),
        "{:?}",
        audited[1].3
    );
    // Without a terminal and without --password-stdin there is no prompt: a clear error.
    let out = run(Some("ignored\n"), &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--password-stdin"));
    let out = run(Some(""), &["--password-stdin"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("held no password"));
    // Both ways at once are refused by the parser.
    let out = run(None, &["--password-stdin", "--password", "x"]);
    assert!(!out.status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_password_read_from_stdin_is_the_one_that_logs_in() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("login.db");
    let url = format!("sqlite://{}", path.display());
    assert!(migrate(&url).status.success());
    let mut child = bin()
        .env("DATABASE_URL", &url)
        .args([
            "create-admin",
            "--username",
            "root@example.com",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"from-stdin-pw\r\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let app = TestApp::builder(crate::support::Backend::Sqlite)
        .sqlite_file(path)
        .start()
        .await;
    app.login_raw("root@example.com", "from-stdin-pw")
        .await
        .assert(200);
}

#[test]
fn every_flag_has_help_and_jobs_name_their_choices() {
    let help = |args: &[&str]| {
        let out = bin().args(args).arg("-h").output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let serve = help(&["serve"]);
    assert!(
        serve.contains("overrides HOST") && serve.contains("overrides PORT"),
        "{serve}"
    );
    let jobs = help(&["jobs", "run"]);
    for job in [
        "monthly_reset",
        "deletion_purge",
        "empty_conversation_cleanup",
        "cleanup",
    ] {
        assert!(jobs.contains(job), "{jobs}");
    }
    let out = bin()
        .args(["jobs", "run", "--job", "nope"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("monthly_reset"),
        "{err}"
    );
    // Every flag of every command has a line of help (clap prints an empty one otherwise).
    for cmd in [
        vec!["serve"],
        vec!["create-admin"],
        vec!["seed-agents"],
        vec!["ingest", "market"],
        vec!["ingest", "prices"],
        vec!["ingest", "financials"],
        vec!["ingest", "docs"],
        vec!["jobs", "run"],
        vec!["doctor"],
    ] {
        let text = help(&cmd);
        for line in text.lines().map(str::trim) {
            if line.starts_with("--") && !line.starts_with("--help") {
                assert!(
                    line.split("  ").filter(|p| !p.trim().is_empty()).count() >= 2,
                    "{cmd:?}: flag without help: {line}\n{text}"
                );
            }
        }
    }
}

/// `doctor` fails a model the endpoint does not list, and a database migrated by a newer binary
/// (which `serve` refuses), where it used to say ok.
#[tokio::test(flavor = "multi_thread")]
async fn doctor_fails_an_unlisted_model_and_a_newer_database() {
    use axum::routing::get;
    let app = axum::Router::new().route(
        "/v1/models",
        get(|| async { axum::Json(serde_json::json!({"data": [{"id": "served-model"}]})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v1", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("d.db").display());
    assert!(migrate(&url).status.success());
    let llm = |model: &'static str| {
        vec![
            ("DATABASE_URL", url.clone()),
            ("OPENAI_API_KEY", "sk-test".to_string()),
            ("OPENAI_BASE_URL", base.clone()),
            ("OPENAI_MODEL", model.to_string()),
        ]
    };
    let run = |vars: Vec<(&'static str, String)>| {
        let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        doctor(dir.path(), &refs)
    };
    let (ok, out, _) = run(llm("served-model"));
    assert!(
        ok && check_line(&out, "llm").contains("served-model among them"),
        "{out}"
    );
    let (ok, out, _) = run(llm("gpt-4.1-mini"));
    assert!(
        !ok && check_line(&out, "llm").contains("fail")
            && check_line(&out, "llm").contains("gpt-4.1-mini (OPENAI_MODEL)"),
        "{out}"
    );
    let mut per_agent = llm("served-model");
    per_agent.push(("AGENT_MODEL_MARKET", "missing-model".to_string()));
    let (ok, out, _) = run(per_agent);
    assert!(
        !ok && check_line(&out, "llm").contains("missing-model"),
        "{out}"
    );
    // A migration this binary does not know: the database is newer than the binary.
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, TRUE, X'00', 0)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (ok, out, _) = run(llm("served-model"));
    assert!(
        !ok && check_line(&out, "database").contains("newer solarintel")
            && check_line(&out, "database").contains("99990101000000"),
        "{out}"
    );
    // And migrate (as serve) refuses it with what to do.
    let m = migrate(&url);
    let err = String::from_utf8_lossy(&m.stderr);
    assert!(
        !m.status.success()
            && err.contains("migrated by a newer solarintel")
            && err.contains("99990101000000"),
        "{err}"
    );
}

/// A PostgreSQL that refuses connections is reported with its cause at once, not as a pool
/// timeout after `DB_POOL_TIMEOUT`.
#[test]
fn a_refusing_postgresql_is_reported_with_its_cause() {
    let url = format!("postgres://u:secret@127.0.0.1:{}/db", closed_port());
    let out = bin()
        .env("DATABASE_URL", &url)
        .env("DB_POOL_TIMEOUT", "20")
        .arg("migrate")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("refused") && !err.contains("timed out") && !err.contains("secret"),
        "{err}"
    );
}

/// `healthcheck` exits 0 while the service answers and 1 when nothing does.
#[test]
fn healthcheck_says_whether_the_service_answers() {
    let dir = tempfile::tempdir().unwrap();
    serve_in(dir.path(), &[], libc::SIGTERM, |port| {
        let out = bin()
            .current_dir(dir.path())
            .env("PORT", port.to_string())
            .arg("healthcheck")
            .output()
            .unwrap();
        succeeded(&out);
    });
    let out = bin()
        .arg("healthcheck")
        .args(["--url", &format!("http://127.0.0.1:{}", closed_port())])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/api/v1/health/ping"));
}

/// `--env-file` reads settings from a named file (the systemd unit's private copy of
/// /etc/solarintel/solarintel.env); the unit's command line parses, and the settings file the
/// package installs reads without a broken line.
#[test]
fn the_packaged_unit_and_settings_file_work_with_this_binary() {
    let root = env!("CARGO_MANIFEST_DIR");
    let unit = std::fs::read_to_string(format!("{root}/deploy/solarintel.service")).unwrap();
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    let args: Vec<&str> = exec.split_whitespace().skip(1).collect();
    assert_eq!(
        args,
        [
            "--env-file",
            "${CREDENTIALS_DIRECTORY}/solarintel.env",
            "serve"
        ]
    );
    // (The root-owned settings file reaches the service's own user as a credential.)
    assert!(unit.contains("\nLoadCredential=solarintel.env:/etc/solarintel/solarintel.env\n"));
    let pre = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStartPre="))
        .unwrap();
    let pre: Vec<&str> = pre.split_whitespace().skip(1).collect();
    assert_eq!(
        pre,
        [
            "--env-file",
            "${CREDENTIALS_DIRECTORY}/solarintel.env",
            "migrate"
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("solarintel.env");
    std::fs::copy(format!("{root}/deploy/solarintel.env"), &file).unwrap();
    std::fs::write(
        &file,
        std::fs::read_to_string(&file).unwrap() + "SECRET_KEY=a-long-production-signing-key-0123456789\nMAIL_LOG_ONLY=true\nDATABASE_URL=sqlite://x.db\n",
    )
    .unwrap();
    let out = bin()
        .env("BCRYPT_COST", "12") // (the production floor; the test binary's default is 4)
        .current_dir(dir.path())
        .arg("--env-file")
        .arg(&file)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("PORT = 8000  (.env)") && text.contains("ENVIRONMENT = production  (.env)"),
        "{text}"
    );
    assert!(!text.contains("could not be read"), "{text}");
    let missing = bin()
        .args(["--env-file", "/nonexistent/solarintel.env", "doctor"])
        .output()
        .unwrap();
    assert!(
        !missing.status.success()
            && String::from_utf8_lossy(&missing.stderr).contains("no such file")
    );
    // A file that exists but cannot be read fails too, rather than starting on defaults.
    let unreadable = bin()
        .args(["--env-file", "/proc/self/mem", "doctor"])
        .output()
        .unwrap();
    assert!(
        !unreadable.status.success()
            && String::from_utf8_lossy(&unreadable.stderr).contains("cannot be read"),
        "{}",
        String::from_utf8_lossy(&unreadable.stderr)
    );
}

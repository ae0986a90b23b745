//! The `solarintel` binary: every command of operations.md that this build has.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{PASSWORD, SmtpSink, TestApp, first_link};

fn bin() -> Command {
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
    let out = bin()
        .env("DATABASE_URL", &url)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("migrations applied (sqlite)"));

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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let dir = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut child = bin()
        .current_dir(dir.path())
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
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
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = child.wait().unwrap();
    assert!(ok, "the service answered on 127.0.0.1:{port}");
    assert!(status.success(), "graceful exit: {status:?}");
    assert!(
        dir.path().join("solarintel.db").exists(),
        "the embedded default database file"
    );
}

#[test]
fn ingest_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("ingest.db").display());
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
        .args(["ingest", "market"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "market: 2 rows read, 1 stored, 1 duplicates counted once (long layout) from market.csv"
    );
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
        .args(["ingest", "docs", "--collection", "om"])
        .arg(&docs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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

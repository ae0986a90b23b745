//! Faults: a write whose commit fails is never acknowledged.
//!
//! On SQLite an autocommit statement commits when it is stepped to completion; a full disk shows
//! up there, after a `RETURNING` row was already produced. The commit hook below turns every
//! commit into a rollback, the same failure at the same point, without needing a small
//! filesystem: before the fix the service answered 201 with an id and stored nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::http::Method;
use serde_json::json;
use solarintel::store::Db;

use crate::support::*;

/// Make every connection of the pool refuse its commits while `fail` is set.
async fn refuse_commits(app: &TestApp, fail: &Arc<AtomicBool>) {
    let Db::Sqlite(pool) = app.db() else {
        unreachable!("SQLite only")
    };
    // Hold every connection the pool may open at once, so each gets the hook.
    let mut held = Vec::new();
    for _ in 0..pool.options().get_max_connections() {
        let mut c = pool.acquire().await.unwrap();
        let fail = fail.clone();
        c.lock_handle()
            .await
            .unwrap()
            .set_commit_hook(move || !fail.load(Ordering::SeqCst));
        held.push(c);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_whose_commit_fails_is_not_acknowledged() {
    let app = TestApp::start(Backend::Sqlite).await;
    let t = app.user("ann@example.com").await;
    let c = app
        .post_json("/api/v1/conversations/", Some(&t), &json!({}))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let first = app
        .post_json(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&t),
            &json!({"sender": "user", "content": "kept"}),
        )
        .await;
    first.assert(201);
    let fail = Arc::new(AtomicBool::new(true));
    refuse_commits(&app, &fail).await;
    // A message, a conversation, a profile edit and a contact request: each an error, none a
    // success that stored nothing.
    app.post_json(
        &format!("/api/v1/conversations/{c}/messages"),
        Some(&t),
        &json!({"sender": "user", "content": "lost"}),
    )
    .await
    .assert_detail(400, "Failed to save message");
    let r = app
        .post_json("/api/v1/conversations/", Some(&t), &json!({}))
        .await;
    assert!(
        r.status.is_server_error() || r.status.is_client_error(),
        "{:?}",
        r.status
    );
    let r = app
        .send_json(
            Method::PUT,
            "/api/v1/profile",
            Some(&t),
            &json!({"full_name": "Never Stored"}),
        )
        .await;
    assert!(
        !r.status.is_success(),
        "{:?} {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
    let r = app.post_json("/api/v1/chat/contact/submit", Some(&t), &json!({"name": "Ann", "email": "ann@example.com", "message": "hello", "selected_experts": []})).await;
    assert!(
        !r.status.is_success(),
        "{:?} {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
    fail.store(false, Ordering::SeqCst);
    // Nothing of the above was stored, and the next message gets an id of its own.
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 1);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM fastapi_conversations")
            .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM fastapi_contact_request")
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE full_name = 'Never Stored'")
            .await,
        0
    );
    let next = app
        .post_json(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&t),
            &json!({"sender": "user", "content": "after"}),
        )
        .await;
    next.assert(201);
    assert_ne!(next.json()["id"], first.json()["id"]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 2);
}

/// A chat turn whose answer cannot be stored (the disk filled while it streamed) does not end
/// with `done`: the client is told at once that the answer was not saved, and nothing half of it
/// is in the history.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_that_cannot_be_stored_is_not_reported_done() {
    use crate::support::chat::{chat, openai_app, ready};
    use crate::support::fake_llm::Reply;
    // Long enough that storing it needs pages the full database does not have.
    let part: &'static str =
        Box::leak("An answer that will not fit. ".repeat(400).into_boxed_str());
    let (app, _fake) = openai_app(
        Backend::Sqlite,
        vec![Reply::Text(
            vec![part, part, part, part],
            std::time::Duration::from_millis(300),
        )],
    )
    .await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let Db::Sqlite(pool) = app.db() else {
        unreachable!()
    };
    let full = async {
        // The turn has started (its user message is stored); then the disk is full: no
        // connection may grow the database any more.
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let mut held = Vec::new();
        for _ in 0..pool.options().get_max_connections() {
            let mut conn = pool.acquire().await.unwrap();
            sqlx::query("PRAGMA max_page_count = 1")
                .execute(&mut *conn)
                .await
                .unwrap();
            held.push(conn);
        }
    };
    let started = std::time::Instant::now();
    let (r, ()) = tokio::join!(chat(&app, &t, c, "Tell me the news", "news"), full);
    let text = r.text();
    assert!(
        text.contains(solarintel::chat::turn::NOT_SAVED) && !text.contains("\"type\":\"done\""),
        "{text}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(15),
        "told within seconds, not after a minute of retries"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'bot'")
            .await,
        0
    );
}

/// Read until the server closes the connection (or `limit` passes); true when it closed.
async fn closed_within(s: &mut tokio::net::TcpStream, limit: std::time::Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

/// A client that sends nothing, one that sends its headers slowly, and a keep-alive connection
/// left idle are closed
/// after `HTTP_HEADER_TIMEOUT_SECONDS`; a prompt client is served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_and_idle_connections_are_closed() {
    use tokio::io::AsyncWriteExt;
    let app = TestApp::builder(Backend::Sqlite)
        .env("HTTP_HEADER_TIMEOUT_SECONDS", "1")
        .start()
        .await;
    let (addr, mut server) = app.spawn_server().await;
    let mut silent = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    idle.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    use tokio::io::AsyncReadExt;
    idle.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    let started = std::time::Instant::now();
    assert!(
        closed_within(&mut silent, std::time::Duration::from_secs(5)).await,
        "a client that sends nothing is closed"
    );
    assert!(
        closed_within(&mut slow, std::time::Duration::from_secs(5)).await,
        "a slow-header client is closed"
    );
    assert!(
        closed_within(&mut idle, std::time::Duration::from_secs(5)).await,
        "an idle keep-alive connection is closed"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(4));
    server.shutdown();
}

/// Over `HTTP_MAX_CONNECTIONS`, a new connection is closed at once; once one closes, new
/// clients are served again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_limit_are_closed_and_room_comes_back() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::builder(Backend::Sqlite)
        .env("HTTP_MAX_CONNECTIONS", "3")
        .start()
        .await;
    let (addr, mut server) = app.spawn_server().await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(tokio::net::TcpStream::connect(addr).await.unwrap());
    }
    // (The accept loop takes them in order: give it a moment to hold all three.)
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut over = tokio::net::TcpStream::connect(addr).await.unwrap();
    let _ = over
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    assert!(
        closed_within(&mut over, std::time::Duration::from_secs(2)).await,
        "the fourth connection is closed"
    );
    drop(held.pop());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut next = tokio::net::TcpStream::connect(addr).await.unwrap();
    next.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    next.read_to_end(&mut answer).await.unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    server.shutdown();
}

/// Probes answer HEAD as they answer GET (load balancers and uptime checkers send HEAD).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_answer_head() {
    let app = TestApp::start(Backend::Sqlite).await;
    for path in ["/health", "/api/v1/health/ping", "/api/v1/health", "/ready"] {
        let r = app
            .request(
                TestApp::req(Method::HEAD, path, None)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, 200, "HEAD {path}");
        assert!(r.body.is_empty(), "HEAD {path} has no body");
    }
    // Elsewhere HEAD stays refused, as the old service did.
    let r = app
        .request(
            TestApp::req(Method::HEAD, "/api/v1/auth/me", None)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 405);
}

/// A PostgreSQL that refuses or hangs is known within about a second: requests that need it get
/// 503 with `Retry-After` at once (not after the pool timeout), one already waiting is cut
/// short, the health endpoints say so without waiting, and everything works again once the
/// database answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(pg_tests), ignore = "set TEST_DATABASE_URL to run on PostgreSQL")]
async fn a_database_outage_answers_503_at_once_and_recovers() {
    use std::time::{Duration, Instant};
    let url = crate::support::pg_url();
    let host = url
        .rsplit('@')
        .next()
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let proxy = crate::support::proxy::TcpProxy::start(&host).await;
    let relayed = url.replacen(&host, &proxy.addr.to_string(), 1);
    let app = TestApp::builder(Backend::Postgres)
        .env("DATABASE_URL", &relayed)
        .env("DB_POOL_TIMEOUT", "30")
        .start()
        .await;
    let t = app.user("ann@example.com").await;
    app.get("/api/v1/conversations/", Some(&t))
        .await
        .assert(200);
    for fault in ["hung", "refusing"] {
        // A request that is already waiting for the database when it goes away.
        let waiting = {
            let (router, t) = (app.app_router.clone(), t.clone());
            tokio::spawn(async move {
                use tower::ServiceExt;
                let started = Instant::now();
                let mut r = None;
                // (Until one is caught by the outage: before it, they still answer.)
                while started.elapsed() < Duration::from_secs(10) {
                    let res = router
                        .clone()
                        .oneshot(
                            crate::support::TestApp::req(
                                Method::GET,
                                "/api/v1/conversations/",
                                Some(&t),
                            )
                            .body(axum::body::Body::empty())
                            .unwrap(),
                        )
                        .await
                        .unwrap();
                    if res.status() != 200 {
                        r = Some((res.status(), Instant::now()));
                        break;
                    }
                }
                r
            })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        let went = Instant::now();
        if fault == "hung" {
            proxy.freeze()
        } else {
            proxy.refuse()
        }
        let (status, at) = waiting
            .await
            .unwrap()
            .expect("the outage reached a running request");
        assert_eq!(status, 503, "{fault}");
        let noticed = at - went;
        assert!(
            noticed < Duration::from_secs(5),
            "{fault}: a waiting request was answered after {noticed:?}, not the pool timeout"
        );
        // New requests: 503, Retry-After and a detail that says why, without waiting.
        let started = Instant::now();
        let r = app.get("/api/v1/conversations/", Some(&t)).await;
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{fault}: {:?}",
            started.elapsed()
        );
        r.assert(503);
        assert_eq!(r.header("retry-after"), Some("5"), "{fault}");
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap()
                .contains("database is unavailable"),
            "{fault}"
        );
        let h = app.get("/api/v1/health", None).await;
        h.assert(200);
        assert_eq!(h.json()["status"], "unhealthy", "{fault}");
        assert_eq!(
            app.get("/health", None).await.json()["database"],
            "disconnected",
            "{fault}"
        );
        app.get("/ready", None).await.assert(503);
        // The database answers again: so does everything, within the probe's interval.
        proxy.restore().await;
        let back = Instant::now();
        loop {
            let r = app.get("/api/v1/conversations/", Some(&t)).await;
            if r.status == 200 {
                break;
            }
            assert!(
                back.elapsed() < Duration::from_secs(10),
                "{fault}: still {} after the database came back",
                r.status
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// A replica whose clock is 90 s ahead takes the database's time (PostgreSQL): the timestamps
/// other replicas compare with theirs (heartbeats, token `iat`, `tokens_valid_after`) agree
/// again, and a token it issues is revoked by a password change like any other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(pg_tests), ignore = "set TEST_DATABASE_URL to run on PostgreSQL")]
async fn a_replica_clock_ahead_follows_the_database_clock() {
    use solarintel::store::clock;
    use std::time::{Duration, Instant};
    // (Tests run one per process: the skew is this test's alone.)
    clock::simulate_local_skew(90_000);
    let app = TestApp::start(Backend::Postgres).await;
    let started = Instant::now();
    while clock::offset_ms() > -80_000 {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no correction: {}",
            clock::offset_ms()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let real = chrono::Utc::now().timestamp();
    let agreed = solarintel::store::now().and_utc().timestamp();
    assert!((agreed - real).abs() <= 2, "agreed {agreed}, real {real}");
    // A token issued here carries the agreed time, and a password change revokes it.
    let t = app.user("ann@example.com").await;
    let payload: serde_json::Value = {
        use base64::Engine;
        let p = t.split('.').nth(1).unwrap();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .unwrap(),
        )
        .unwrap()
    };
    assert!(
        (payload["iat"].as_i64().unwrap() - real).abs() <= 2,
        "{payload}"
    );
    let other = app.login("ann@example.com", crate::support::PASSWORD).await;
    app.post_json(
        "/api/v1/profile/change-password",
        Some(&other),
        &json!({"current_password": crate::support::PASSWORD, "new_password": "a-new-password-2", "confirm_password": "a-new-password-2"}),
    )
    .await
    .assert(200);
    app.get("/api/v1/auth/me", Some(&t)).await.assert(401);
}

//! Rate limits and login throttling (decision F12), in memory and shared through Redis.

use std::net::SocketAddr;

use serde_json::json;
use solarintel::ratelimit::Limiter;

use crate::support::*;

db_test!(async fn general_limit_per_user_and_per_ip(b) {
    let mut app = TestApp::builder(b).env("RATE_LIMIT_PER_MINUTE", "5").start().await;
    let token = app.user("ann@example.com").await; // 2 requests from this address
    for _ in 0..5 {
        app.get("/api/v1/auth/me", Some(&token)).await.assert(200);
    }
    let r = app.get("/api/v1/auth/me", Some(&token)).await;
    r.assert_detail(429, "Too many requests. Please try again later.");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=12).contains(&wait), "{wait}");
    // health and the OpenAPI document are not counted
    app.get("/api/v1/health/ping", Some(&token)).await.assert(200);
    app.get("/api/v1/openapi.json", None).await.assert(200);
    // anonymous requests count against the address: 2 used by register + login
    for _ in 0..3 {
        app.get("/api/v1/auth/waitlist/check/x@example.com", None).await.assert(200);
    }
    app.get("/api/v1/auth/waitlist/check/x@example.com", None).await.assert(429);
    // another address has its own bucket
    app.peer = SocketAddr::from(([10, 1, 2, 3], 5555));
    app.get("/api/v1/auth/waitlist/check/x@example.com", None).await.assert(200);
});

db_test!(async fn trusted_proxy_forwards_the_client_address(b) {
    let app = TestApp::builder(b).env("RATE_LIMIT_PER_MINUTE", "1").env("TRUSTED_PROXIES", "127.0.0.1").start().await;
    let from = |ip: &str| {
        TestApp::req(axum::http::Method::GET, "/api/v1/auth/waitlist/check/a", None)
            .header("x-forwarded-for", ip)
            .body(axum::body::Body::empty())
            .unwrap()
    };
    app.request(from("198.51.100.1")).await.assert(200);
    app.request(from("198.51.100.2")).await.assert(200);
    app.request(from("198.51.100.1")).await.assert(429);
});

db_test!(async fn login_throttling_counts_failures_and_never_extends_a_refusal(b) {
    let mut app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "3").start().await;
    app.register("ann@example.com").await; // one attempt from this address
    // successful logins are not attempts
    for _ in 0..4 {
        app.login("ann@example.com", PASSWORD).await;
    }
    app.login_raw("ann@example.com", "wrong-1").await.assert(401);
    app.login_raw("ann@example.com", "wrong-2").await.assert(401);
    let r = app.login_raw("ann@example.com", "wrong-3").await;
    r.assert_detail(429, "Too many login attempts. Please try again later.");
    let first: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&first));
    // a refused attempt never reaches the password check, even with the right password, and
    // knocking while refused does not extend the wait
    for _ in 0..5 {
        let r = app.login_raw("ann@example.com", PASSWORD).await;
        r.assert(429);
        let w: u64 = r.header("retry-after").unwrap().parse().unwrap();
        assert!(w <= first, "the wait never grows while refused: {first} then {w}");
    }
    // the account counted the two failures (the refused attempts are not counted): one more
    // failure from another address reaches its limit, and from then on an attacker on other
    // addresses gets a wait of at most 60 s
    for i in 0..6u8 {
        app.peer = SocketAddr::from(([192, 0, 2, i + 1], 1000));
        let r = app.login_raw("ann@example.com", "x").await;
        if i == 0 {
            r.assert(401);
        } else {
            r.assert(429);
            let w: u64 = r.header("retry-after").unwrap().parse().unwrap();
            assert!(w <= 60, "account wait {w}");
        }
    }
    // validation comes first: a malformed form is 422, not 429
    app.post_raw("/api/v1/auth/login", None, Some("application/x-www-form-urlencoded"), "username=").await.assert(422);
});

db_test!(async fn throttled_endpoints_send_no_email(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "1").start().await;
    app.post_json("/api/v1/auth/request-password-reset", None, &json!({"email": "nobody@example.com"})).await.assert(200);
    let r = app.post_json("/api/v1/auth/forgot-password", None, &json!({"email": "other@example.com"})).await;
    r.assert_detail(429, "Too many login attempts. Please try again later.");
    assert!(r.header("retry-after").is_some());
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": "t", "new_password": "p"})).await.assert(429);
    app.post_json("/api/v1/auth/verify-email", None, &json!({"token": "t"})).await.assert(429);
    app.post_json("/api/v1/auth/register", None, &TestApp::registration("z@example.com", "p")).await.assert(429);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 0);
});

async fn redis_limiter() -> Limiter {
    let url = std::env::var("TEST_REDIS_URL").expect("TEST_REDIS_URL is set for Redis tests");
    Limiter::redis(&url, &format!("test-{}:", uuid::Uuid::new_v4().simple()))
        .await
        .unwrap()
}

/// Two replicas sharing one Redis share one budget.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn redis_limits_are_shared_between_replicas() {
    let url = std::env::var("TEST_REDIS_URL").unwrap();
    let prefix = format!("test-{}:", uuid::Uuid::new_v4().simple());
    let a = TestApp::builder(Backend::Sqlite)
        .env("RATE_LIMIT_PER_MINUTE", "4")
        .limiter(Limiter::redis(&url, &prefix).await.unwrap())
        .start()
        .await;
    let b = TestApp::builder(Backend::Sqlite)
        .env("RATE_LIMIT_PER_MINUTE", "4")
        .limiter(Limiter::redis(&url, &prefix).await.unwrap())
        .start()
        .await;
    assert!(a.state.limiter.is_shared());
    for app in [&a, &b, &a, &b] {
        app.get("/api/v1/auth/waitlist/check/x", None)
            .await
            .assert(200);
    }
    let r = b.get("/api/v1/auth/waitlist/check/x", None).await;
    r.assert_detail(429, "Too many requests. Please try again later.");
    a.get("/api/v1/auth/waitlist/check/x", None)
        .await
        .assert(429);
}

/// The Redis scripts follow the same state machines as the in-memory limiter.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn redis_throttle_matches_memory() {
    let redis = redis_limiter().await;
    let memory = Limiter::memory();
    for l in [&redis, &memory] {
        // checked and counted in one step
        assert_eq!(l.acquire("k", 2, 60_000).await.unwrap(), None);
        assert_eq!(l.acquire("k", 2, 60_000).await.unwrap(), None);
        let w1 = l.acquire("k", 2, 60_000).await.unwrap().expect("refused");
        assert!((1_000..=60_000).contains(&w1));
        // refused again: the same refusal, not a longer one
        let w2 = l.acquire("k", 2, 60_000).await.unwrap().expect("refused");
        assert!(w2 <= w1, "{w1} then {w2}");
        l.clear("k").await.unwrap();
        // a refund gives one attempt back; refunding an unknown key creates nothing
        assert_eq!(l.acquire("k", 2, 60_000).await.unwrap(), None);
        assert_eq!(l.acquire("k", 2, 60_000).await.unwrap(), None);
        l.refund("k").await.unwrap();
        assert_eq!(l.acquire("k", 2, 60_000).await.unwrap(), None);
        assert!(l.acquire("k", 2, 60_000).await.unwrap().is_some());
        l.refund("never-seen").await.unwrap();
        assert_eq!(l.acquire("never-seen", 1, 60_000).await.unwrap(), None);
        for _ in 0..3 {
            assert_eq!(l.hit("u", 3).await.unwrap(), None);
        }
        let w = l.hit("u", 3).await.unwrap().expect("over the bucket");
        assert!((1..=20_000).contains(&w));
    }
    // 50 attempts at once against a limit of 10: exactly 10 go ahead, on either store
    for l in [
        std::sync::Arc::new(redis_limiter().await),
        std::sync::Arc::new(Limiter::memory()),
    ] {
        let tasks: Vec<_> = (0..50)
            .map(|_| {
                let l = l.clone();
                tokio::spawn(async move { l.acquire("burst", 10, 60_000).await.unwrap() })
            })
            .collect();
        let mut through = 0;
        for t in tasks {
            if t.await.unwrap().is_none() {
                through += 1;
            }
        }
        assert_eq!(through, 10, "shared: {}", l.is_shared());
    }
}

db_test!(async fn serve_uses_redis_from_the_setting(b) {
    let Ok(url) = std::env::var("TEST_REDIS_URL") else {
        // without Redis the in-memory limiter is the default
        let app = TestApp::start(b).await;
        assert!(!app.state.limiter.is_shared());
        return;
    };
    let app = TestApp::builder(b).env("REDIS_URL", &url).start().await;
    assert!(app.state.limiter.is_shared());
});

/// Redis that hangs or refuses costs a request at most tens of milliseconds (then the limiter
/// answers from this replica's memory, so limits still hold), and is used again once it answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn a_failing_redis_costs_milliseconds_and_limits_still_hold() {
    let url = std::env::var("TEST_REDIS_URL").unwrap();
    let proxy = crate::support::proxy::TcpProxy::start(
        url.trim_start_matches("redis://").trim_end_matches('/'),
    )
    .await;
    let limiter = Limiter::redis(
        &format!("redis://{}/", proxy.addr),
        &format!("test-{}:", uuid::Uuid::new_v4().simple()),
    )
    .await
    .unwrap();
    assert_eq!(limiter.hit("k", 2).await.unwrap(), None);
    assert!(!limiter.on_fallback());
    for (fault, key) in [("hung", "hung"), ("refusing", "down")] {
        if fault == "hung" {
            proxy.freeze()
        } else {
            proxy.refuse()
        }
        let started = std::time::Instant::now();
        let mut answers = Vec::new();
        for _ in 0..3 {
            answers.push(limiter.hit(key, 2).await.unwrap());
        }
        let took = started.elapsed();
        assert!(
            took < std::time::Duration::from_millis(500),
            "{fault}: three checks took {took:?}"
        );
        assert!(limiter.on_fallback(), "{fault}");
        // Two a minute still: the third is refused, from memory.
        assert_eq!(&answers[..2], &[None, None], "{fault}");
        assert!(answers[2].is_some(), "{fault}: {answers:?}");
        // The login throttle too.
        let started = std::time::Instant::now();
        assert_eq!(
            limiter
                .acquire(&format!("{key}-login"), 1, 60_000)
                .await
                .unwrap(),
            None
        );
        assert!(
            limiter
                .acquire(&format!("{key}-login"), 1, 60_000)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            started.elapsed() < std::time::Duration::from_millis(500),
            "{fault}"
        );
    }
}

//! Throttles that hold under concurrency, bounded limiter memory, forwarded addresses
//! behind a proxy, rate-limit keys, and revocation without a window. Each test failed on the
//! code before the fix.

use std::net::SocketAddr;

use axum::body::Body;
use axum::http::{Method, Request};
use serde_json::json;
use solarintel::ratelimit::Limiter;

use crate::support::*;

const BAD_CREDENTIALS: &str = "Could not validate credentials";
const CHANGE: &str = "/api/v1/profile/change-password";

fn change_body(current: &str, new: &str) -> serde_json::Value {
    json!({"current_password": current, "new_password": new, "confirm_password": new})
}

async fn redis_limiter() -> Limiter {
    let url = std::env::var("TEST_REDIS_URL").expect("TEST_REDIS_URL is set for Redis tests");
    Limiter::redis(&url, &format!("test-{}:", uuid::Uuid::new_v4().simple()))
        .await
        .unwrap()
}

/// A login through a proxy that appended its own `X-Forwarded-For` line after the client's.
async fn login_via_proxy(
    app: &TestApp,
    client_says: &str,
    proxy_says: &str,
    username: &str,
) -> u16 {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("username", username)
        .append_pair("password", "guess")
        .finish();
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", client_says)
        .header("x-forwarded-for", proxy_says)
        .body(Body::from(body))
        .unwrap();
    app.request(req).await.status.as_u16()
}

db_test!(async fn a_client_behind_a_proxy_cannot_choose_its_address(b) {
    let mut app = TestApp::builder(b)
        .env("LOGIN_RATE_LIMIT_PER_MINUTE", "3")
        .env("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1")
        .start()
        .await;
    app.peer = SocketAddr::from(([10, 1, 2, 3], 443)); // HAProxy, inside the trusted range
    // the attacker writes a fresh address each time (and tries another account each time, so
    // only the address's limit applies); HAProxy appends the real one as a second line
    let mut statuses = Vec::new();
    for i in 0..6 {
        let user = format!("user{i}@example.com");
        statuses.push(login_via_proxy(&app, &format!("203.0.113.{i}"), "198.51.100.4", &user).await);
    }
    assert_eq!(statuses, [401, 401, 401, 429, 429, 429]);
    // nor can it spend another client's address: claiming the victim's address costs the
    // attacker's own budget, and the victim's logins are not refused
    for i in 0..3 {
        let user = format!("other{i}@example.com");
        assert_eq!(login_via_proxy(&app, "198.51.100.5", "198.51.100.4", &user).await, 429);
        assert_eq!(login_via_proxy(&app, "198.51.100.77", "198.51.100.5", &user).await, 401);
    }
});

/// `n` logins at once for `username` from `peer`, wrong but for `right_at`; the statuses.
async fn concurrent_logins(
    app: &TestApp,
    peers: &[SocketAddr],
    n: usize,
    right_at: usize,
) -> Vec<u16> {
    let futures = (0..n).map(|i| {
        let peer = peers[i % peers.len()];
        let password = if i == right_at {
            PASSWORD.to_string()
        } else {
            format!("guess-{i}")
        };
        async move {
            let body: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("username", "ann@example.com")
                .append_pair("password", &password)
                .finish();
            let mut req = TestApp::req(Method::POST, "/api/v1/auth/login", None)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap();
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            let res = tower::ServiceExt::oneshot(app.app_router.clone(), req)
                .await
                .unwrap();
            res.status().as_u16()
        }
    });
    futures::future::join_all(futures).await
}

async fn concurrent_guesses_are_all_counted(app: TestApp) {
    app.register("ann@example.com").await;
    // 50 at once from one address, the right password last: at most the limit (10) are checked
    let one = [SocketAddr::from(([203, 0, 113, 1], 1000))];
    let statuses = concurrent_logins(&app, &one, 50, 49).await;
    let wrong = statuses.iter().filter(|s| **s == 401).count();
    assert!(wrong <= 10, "{wrong} wrong answers: {statuses:?}");
    assert!(
        statuses.iter().all(|s| [200, 401, 429].contains(s)),
        "{statuses:?}"
    );
    // five addresses against the one account: the account's limit holds too
    let five: Vec<SocketAddr> = (0..5)
        .map(|i| SocketAddr::from(([198, 51, 100, 10 + i], 1000)))
        .collect();
    let statuses = concurrent_logins(&app, &five, 60, usize::MAX).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 10, "{checked} wrong answers: {statuses:?}");
}

db_test!(async fn concurrent_logins_cannot_pass_the_throttle(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "10").start().await;
    concurrent_guesses_are_all_counted(app).await;
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn concurrent_logins_cannot_pass_the_redis_throttle() {
    let app = TestApp::builder(Backend::Sqlite)
        .env("LOGIN_RATE_LIMIT_PER_MINUTE", "10")
        .limiter(redis_limiter().await)
        .start()
        .await;
    concurrent_guesses_are_all_counted(app).await;
}

db_test!(async fn password_checks_in_flight_are_bounded_per_address(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "100").start().await;
    // twenty different accounts at once from one address: at most four checks run or wait,
    // the rest are refused at once rather than queued ahead of other people's logins
    let app = &app;
    let futures = (0..20).map(|i| async move {
        let mut app_peer = app.peer;
        app_peer.set_port(2000);
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("username", &format!("user{i}@example.com"))
            .append_pair("password", "guess")
            .finish();
        let mut req = TestApp::req(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        req.extensions_mut().insert(axum::extract::ConnectInfo(app_peer));
        let res = tower::ServiceExt::oneshot(app.app_router.clone(), req).await.unwrap();
        res.status().as_u16()
    });
    let statuses = futures::future::join_all(futures).await;
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert!(refused >= 10, "{statuses:?}");
    assert!(app.state.limiter.in_flight().is_empty(), "every place was given back");
    // and once they are done, the address may try again
    app.login_raw("someone@example.com", "guess").await.assert(401);
});

db_test!(async fn huge_usernames_cost_the_limiter_no_memory(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "1000").start().await;
    for i in 0..5 {
        let name = format!("{i}{}", "x".repeat(900_000));
        app.login_raw(&name, "guess").await.assert(401);
    }
    let bytes = app.state.limiter.memory_key_bytes().unwrap();
    assert!(bytes < 1_000, "{bytes} bytes of keys for five failed logins");
});

async fn change_password_guesses_are_counted_at_once(app: TestApp) {
    let token = app.user("ann@example.com").await;
    let futures = (0..40).map(|i| {
        let token = token.clone();
        let app = &app;
        async move {
            let current = if i == 39 {
                PASSWORD.to_string()
            } else {
                format!("guess-{i}")
            };
            let r = app
                .post_json(
                    CHANGE,
                    Some(&token),
                    &change_body(&current, "new-password-1"),
                )
                .await;
            (r.status.as_u16(), r.json()["detail"].clone())
        }
    });
    let answers = futures::future::join_all(futures).await;
    // wrong guesses that were checked: at most the limit (a right one is given back, and once
    // it changed the password the token, which guessed wrong before, no longer authenticates)
    let wrong = answers
        .iter()
        .filter(|(_, d)| d == "Current password is incorrect")
        .count();
    assert!(wrong <= 10, "{wrong} wrong guesses checked: {answers:?}");
    assert!(
        answers.iter().all(|(s, _)| [200, 401, 429].contains(s)),
        "{answers:?}"
    );
}

db_test!(async fn concurrent_change_password_guesses_cannot_pass_the_throttle(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "10").start().await;
    change_password_guesses_are_counted_at_once(app).await;
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn concurrent_change_password_guesses_cannot_pass_the_redis_throttle() {
    let app = TestApp::builder(Backend::Sqlite)
        .env("LOGIN_RATE_LIMIT_PER_MINUTE", "10")
        .limiter(redis_limiter().await)
        .start()
        .await;
    change_password_guesses_are_counted_at_once(app).await;
}

db_test!(async fn a_password_change_after_wrong_guesses_exempts_no_token(b) {
    let app = TestApp::start(b).await;
    let thief = app.user("ann@example.com").await;
    let owner = app.login("ann@example.com", PASSWORD).await;
    app.post_json(CHANGE, Some(&thief), &change_body("guess", "thief-password-1")).await
        .assert_detail(401, "Current password is incorrect");
    app.post_json(CHANGE, Some(&thief), &change_body(PASSWORD, "thief-password-1")).await.assert(200);
    // the token that guessed keeps nothing; neither does any other
    app.get("/api/v1/auth/me", Some(&thief)).await.assert_detail(401, BAD_CREDENTIALS);
    app.get("/api/v1/auth/me", Some(&owner)).await.assert_detail(401, BAD_CREDENTIALS);
    // a change by a token that never guessed wrong still keeps that one session
    let t = app.login("ann@example.com", "thief-password-1").await;
    app.post_json(CHANGE, Some(&t), &change_body("thief-password-1", "owner-password-2")).await.assert(200);
    app.get("/api/v1/auth/me", Some(&t)).await.assert(200);
});

db_test!(async fn a_revoked_token_does_not_drain_its_owners_rate_limit(b) {
    let mut app = TestApp::builder(b).env("RATE_LIMIT_PER_MINUTE", "6").start().await;
    app.peer = SocketAddr::from(([192, 0, 2, 1], 1));
    let stolen = app.user("ann@example.com").await;
    app.post_empty("/api/v1/auth/logout", Some(&stolen)).await.assert(200);
    // whoever holds the logged-out token, elsewhere, spends only their own address's budget
    app.peer = SocketAddr::from(([203, 0, 113, 66], 1));
    let statuses: Vec<u16> = futures::future::join_all(
        (0..10).map(|_| async { app.get("/api/v1/auth/me", Some(&stolen)).await.status.as_u16() }),
    )
    .await;
    assert!(statuses.contains(&429), "{statuses:?}");
    // the owner, logged in again from home, is not held up
    app.peer = SocketAddr::from(([192, 0, 2, 9], 1));
    let fresh = app.login("ann@example.com", PASSWORD).await;
    for _ in 0..5 {
        app.get("/api/v1/auth/me", Some(&fresh)).await.assert(200);
    }
});

db_test!(async fn anonymous_endpoints_count_per_address_whatever_the_token(b) {
    let mut app = TestApp::builder(b).env("RATE_LIMIT_PER_MINUTE", "5").start().await;
    // three accounts of one person, set up from elsewhere
    let mut tokens = Vec::new();
    for (i, email) in ["a@example.com", "b@example.com", "c@example.com"].iter().enumerate() {
        app.peer = SocketAddr::from(([192, 0, 2, 10 + i as u8], 1));
        tokens.push(app.user(email).await);
    }
    app.peer = SocketAddr::from(([203, 0, 113, 5], 1));
    let mut through = 0;
    for round in 0..5 {
        for t in &tokens {
            let r = app.get(&format!("/api/v1/auth/waitlist/check/x{round}@example.com"), Some(t)).await;
            if r.status.as_u16() != 429 {
                through += 1;
            }
        }
    }
    assert_eq!(through, 5, "one address, one budget");
    // an authenticated endpoint still counts per user
    app.get("/api/v1/auth/me", Some(&tokens[0])).await.assert(200);
});

db_test!(async fn a_password_change_revokes_tokens_of_the_same_second(b) {
    let app = TestApp::start(b).await;
    app.register("ann@example.com").await;
    let mut password = PASSWORD.to_string();
    for i in 0..5 {
        let earlier = app.login("ann@example.com", &password).await;
        let changer = app.login("ann@example.com", &password).await;
        let next = format!("password-round-{i}");
        app.post_json(CHANGE, Some(&changer), &change_body(&password, &next)).await.assert(200);
        // however close in time, the earlier session is over and the changing one stays
        app.get("/api/v1/auth/me", Some(&earlier)).await.assert_detail(401, BAD_CREDENTIALS);
        app.get("/api/v1/auth/me", Some(&changer)).await.assert(200);
        password = next;
    }
});

db_test!(async fn a_login_racing_a_password_change_gets_no_lasting_token(b) {
    let app = TestApp::start(b).await;
    let id = app.register("ann@example.com").await;
    let changer = app.login("ann@example.com", PASSWORD).await;
    // a login reads the account (old hash, current version) just before the change commits...
    let before = solarintel::store::users::get(app.db(), id as i32).await.unwrap().unwrap();
    app.post_json(CHANGE, Some(&changer), &change_body(PASSWORD, "new-password-1")).await.assert(200);
    // ...and issues its token after it, a second later by the clock
    let racing = app.state.jwt.issue(id as i32, before.token_version, chrono::Utc::now().timestamp() + 1);
    app.get("/api/v1/auth/me", Some(&racing)).await.assert_detail(401, BAD_CREDENTIALS);
    app.get("/api/v1/auth/me", Some(&changer)).await.assert(200);
});

db_test!(async fn a_credential_change_voids_the_outstanding_reset_link(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    let id = app.register("ann@example.com").await;
    let reset = |n: usize| {
        let app = &app;
        async move {
            app.post_json("/api/v1/auth/forgot-password", None, &json!({"email": "ann@example.com"})).await.assert(200);
            token_of(&first_link(&app.mail.wait_for("ann@example.com", n).await.body))
        }
    };
    let use_link = |token: String| {
        let app = &app;
        async move {
            app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "from-the-link-1"})).await
        }
    };
    // a password change
    let link = reset(1).await;
    let t = app.login("ann@example.com", PASSWORD).await;
    app.post_json(CHANGE, Some(&t), &change_body(PASSWORD, "changed-password-1")).await.assert(200);
    use_link(link).await.assert_detail(400, "Invalid or expired reset token");
    // a deactivation (and reactivation) by an admin
    let link = reset(2).await;
    let path = format!("/api/v1/admin/users/{id}/toggle-status");
    app.post_empty(&path, Some(&admin)).await.assert(200);
    app.post_empty(&path, Some(&admin)).await.assert(200);
    use_link(link).await.assert_detail(400, "Invalid or expired reset token");
    // an untouched link still works
    let link = reset(3).await;
    use_link(link).await.assert(200);
    app.login("ann@example.com", "from-the-link-1").await;
});

db_test!(async fn unknown_usernames_cost_what_the_stored_hashes_cost(b) {
    use solarintel::auth::password::HashClass;
    // argon2id is configured, but the accounts were made with bcrypt (cost 6 here; 12 in the field)
    let app = TestApp::builder(b).env("PASSWORD_HASH", "argon2id").start().await;
    let bcrypt = solarintel::auth::password::hash_sync(solarintel::config::PasswordHashKind::Bcrypt, 6, PASSWORD).unwrap();
    for i in 0..30 {
        app.register(&format!("user{i}@example.com")).await;
    }
    app.every_account().password_hash(&bcrypt).apply().await;
    app.state.refresh_dummy_mix().await.unwrap();
    // an unknown username is checked like a stored account: nearly always bcrypt-6 here, always
    // the same class for the same name, so its timing matches the accounts that exist
    let names: Vec<String> = (0..200).map(|i| format!("nobody{i}@example.com")).collect();
    let like_accounts = names.iter().filter(|n| app.state.hasher.dummy_class(n) == HashClass::Bcrypt(6)).count();
    assert!(like_accounts > 170, "{like_accounts} of 200");
    app.login_raw("nobody0@example.com", "x").await.assert(401);
    app.login_raw("user0@example.com", "x").await.assert(401);
});

/// Start a turn on a real socket and read until its first chunk; the rest of the response.
async fn stream_until_first_chunk(
    addr: SocketAddr,
    token: &str,
    conversation: i64,
) -> reqwest::Response {
    let mut resp = reqwest::Client::new()
        .post(format!("http://{addr}/api/v1/chat/send"))
        .bearer_auth(token)
        .json(&json!({"conversation_id": conversation, "message": "take your time", "agent_type": "news"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let mut seen = String::new();
    while !seen.contains("\"type\":\"chunk\"") {
        seen.push_str(&String::from_utf8_lossy(
            &resp.chunk().await.unwrap().expect("more body"),
        ));
    }
    resp
}

db_test!(async fn open_streams_end_soon_after_their_credentials_are_revoked(b) {
    use crate::support::fake_llm::Reply;
    use std::time::Duration;
    // both answers go silent for 40 s after their first words (within the LLM timeout)
    let (app, _fake) = crate::support::chat::openai_app_with(b, vec![
        Reply::Stall(vec!["First "], Duration::from_secs(40)),
        Reply::Stall(vec!["First "], Duration::from_secs(40)),
    ], &[("LLM_TIMEOUT_SECONDS", "60")]).await;
    let admin = app.admin("root@example.com").await;
    let (ta, ca) = crate::support::chat::ready(&app, "ann@example.com", "news").await;
    let (tb, cb) = crate::support::chat::ready(&app, "bob@example.com", "news").await;
    let bob = app.get("/api/v1/auth/me", Some(&tb)).await.json()["id"].as_i64().unwrap();
    let (addr, _server) = app.spawn_server().await;
    let ann_stream = stream_until_first_chunk(addr, &ta, ca).await;
    let bob_stream = stream_until_first_chunk(addr, &tb, cb).await;
    // ann logs out; an admin deactivates bob
    app.post_empty("/api/v1/auth/logout", Some(&ta)).await.assert(200);
    app.post_empty(&format!("/api/v1/admin/users/{bob}/toggle-status"), Some(&admin)).await.assert(200);
    for resp in [ann_stream, bob_stream] {
        tokio::time::timeout(Duration::from_secs(8), resp.text())
            .await
            .expect("the stream ends within a few seconds of the revocation")
            .unwrap();
    }
    assert_eq!(app.state.streams.open_credentials().len(), 0);
});

db_test!(async fn follow_ups_read_the_kept_reading_and_long_questions_are_not_read(b) {
    use crate::support::answers::{ask, conversation, market_value, sample_app, thousands};
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What was the cumulative installed capacity of Italy in 2023?").await;
    let italy = market_value("Italy", "2023", "Historical Primary", "Total", "Cumulative");
    assert!(text.contains(&thousands(italy)), "{text}");
    // The follow-up is read once: the previous question's reading is the one kept.
    let before = app.state.reader.reads();
    let (_, text) = ask(&app, &t, c, "market", "and Spain?").await;
    let spain = market_value("Spain", "2023", "Historical Primary", "Total", "Cumulative");
    assert!(text.contains(&thousands(spain)), "{text}");
    assert_eq!(app.state.reader.reads(), before + 1);

    // Hundreds of words are not read word by word, and the decline does not echo them.
    let long = "What was the cumulative capacity of Italy in 2023 ".repeat(90);
    let c2 = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c2, "market", &long).await;
    assert!(text.contains("longer than I read (810 words; I read up to 120)"), "{text}");
    assert!(!text.contains(&thousands(italy)), "{text}");
    assert!(text.len() < 4000, "{} characters", text.len());
});

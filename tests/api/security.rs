//! Account takeover through reused ids, tokens unique per login, a throttle that
//! never keeps the owner out, and the limiter's bounds.

use std::net::SocketAddr;

use axum::http::Method;
use serde_json::json;
use solarintel::jobs;

use crate::support::*;

const BAD_CREDENTIALS: &str = "Could not validate credentials";

fn now_text(offset_secs: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::seconds(offset_secs))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

db_test!(async fn a_deleted_accounts_token_never_opens_the_next_account(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("root@example.com").await;
    // an admin deletes the newest account; the next registration must not take over its id
    let a = app.register("a@example.com").await;
    let ta = app.login("a@example.com", PASSWORD).await;
    app.send_json(Method::DELETE, &format!("/api/v1/admin/users/{a}"), Some(&admin), &json!({})).await.assert(200);
    let b_id = app.register("b@example.com").await;
    assert_ne!(b_id, a, "a deleted account's id is never handed out again");
    app.get("/api/v1/auth/me", Some(&ta)).await.assert_detail(401, BAD_CREDENTIALS);
    // the purge job, then create-admin: same
    let c = app.register("c@example.com").await;
    let tc = app.login("c@example.com", PASSWORD).await;
    app.post_json("/api/v1/auth/request-deletion", Some(&tc), &json!({})).await.assert(200);
    app.account(c).deletion_requested(at("2020-01-01 00:00:00")).apply().await;
    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 1);
    let boss = app.admin("boss@example.com").await;
    let boss_id = app.get("/api/v1/auth/me", Some(&boss)).await.json()["id"].as_i64().unwrap();
    assert_ne!(boss_id, c);
    assert!(boss_id > c);
    app.get("/api/v1/auth/me", Some(&tc)).await.assert_detail(401, BAD_CREDENTIALS);
    app.get("/api/v1/admin/users", Some(&tc)).await.assert_detail(401, BAD_CREDENTIALS);
});

db_test!(async fn a_token_issued_before_its_account_existed_is_refused(b) {
    let app = TestApp::start(b).await;
    let a = app.register("a@example.com").await;
    app.backdate_account(a, 120).await;
    let ta = app.state.jwt.issue(a as i32, 0, chrono::Utc::now().timestamp() - 60);
    app.get("/api/v1/auth/me", Some(&ta)).await.assert(200);
    app.exec(&format!("DELETE FROM fastapi_users WHERE id = {a}")).await;
    // another writer (the old service, which reuses ids and knows none of our columns) creates
    // an admin account with the same id
    app.exec(&format!(
        "INSERT INTO fastapi_users (id, username, password_hash, full_name, role, is_active, created_at, \
           email_verified, gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, \
           monthly_query_count, deleted) \
         VALUES ({a}, 'old@example.com', 'x', 'Old Admin', 'admin', TRUE, '{}', FALSE, TRUE, TRUE, FALSE, 'free', 0, 0, FALSE)",
        now_text(0)
    ))
    .await;
    app.get("/api/v1/auth/me", Some(&ta)).await.assert_detail(401, BAD_CREDENTIALS);
    app.get("/api/v1/admin/users", Some(&ta)).await.assert_detail(401, BAD_CREDENTIALS);
    // a token issued once the account exists opens it
    let fresh = app.state.jwt.issue(a as i32, 0, chrono::Utc::now().timestamp() + 1);
    let me = app.get("/api/v1/auth/me", Some(&fresh)).await;
    me.assert(200);
    assert_eq!(me.json()["username"], "old@example.com");
});

db_test!(async fn every_login_gets_its_own_token(b) {
    let app = TestApp::start(b).await;
    app.register("ann@example.com").await;
    // two logins in the same second (retried until they are)
    let (t1, t2) = loop {
        let t1 = app.login("ann@example.com", PASSWORD).await;
        let t2 = app.login("ann@example.com", PASSWORD).await;
        if app.state.jwt.verify(&t1).unwrap().iat == app.state.jwt.verify(&t2).unwrap().iat {
            break (t1, t2);
        }
    };
    assert_ne!(t1, t2);
    // logging out one session leaves the other
    app.post_empty("/api/v1/auth/logout", Some(&t1)).await.assert(200);
    app.get("/api/v1/auth/me", Some(&t1)).await.assert_detail(401, BAD_CREDENTIALS);
    app.get("/api/v1/auth/me", Some(&t2)).await.assert(200);
});

/// `n` wrong passwords for ann, each from another address; the statuses.
async fn attack(app: &mut TestApp, n: u8) -> Vec<u16> {
    let mut statuses = Vec::new();
    for i in 0..n {
        app.peer = SocketAddr::from(([203, 0, 113, i + 1], 6000));
        statuses.push(
            app.login_raw("ann@example.com", "guess")
                .await
                .status
                .as_u16(),
        );
    }
    statuses
}

db_test!(async fn the_owner_gets_in_while_an_attacker_hammers_the_account(b) {
    let mut app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "3").start().await;
    app.register("ann@example.com").await;
    let home = SocketAddr::from(([198, 51, 100, 7], 5000));
    app.peer = home;
    app.login("ann@example.com", PASSWORD).await;
    assert_eq!(attack(&mut app, 6).await, [401, 401, 401, 429, 429, 429]);
    // from her usual address the owner is not held up: a reset request, then a login
    app.peer = home;
    app.post_json("/api/v1/auth/request-password-reset", None, &json!({"email": "ann@example.com"})).await.assert(200);
    app.login("ann@example.com", PASSWORD).await;
    // from an address she never used she waits at most 60 s, and knocking never extends it
    attack(&mut app, 4).await;
    app.peer = SocketAddr::from(([192, 0, 2, 200], 7000));
    let r = app.login_raw("ann@example.com", PASSWORD).await;
    r.assert_detail(429, "Too many login attempts. Please try again later.");
    let first: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&first), "{first}");
    attack(&mut app, 8).await;
    app.peer = SocketAddr::from(([192, 0, 2, 200], 7000));
    let again: u64 = app.login_raw("ann@example.com", PASSWORD).await.header("retry-after").unwrap().parse().unwrap();
    assert!(again <= first, "{first} then {again}");
    // the address throttle still applies at her own address (the reset request was one attempt)
    app.peer = home;
    for _ in 0..2 {
        app.login_raw("ann@example.com", "typo").await.assert(401);
    }
    app.login_raw("ann@example.com", PASSWORD).await.assert(429);
    // the addresses are kept as keyed hashes, never as text
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_login_addresses WHERE address_hash LIKE '%198.51%'").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_login_addresses WHERE LENGTH(address_hash) = 64").await, 1);
});

db_test!(async fn a_refused_address_creates_no_keys_and_ipv6_counts_per_64(b) {
    let mut app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "1").start().await;
    app.peer = SocketAddr::from(([198, 51, 100, 1], 1));
    app.login_raw("nobody@example.com", "x").await.assert(401);
    let keys = app.state.limiter.memory_keys().unwrap().1;
    assert_eq!(keys, 2, "one for the address, one for the account");
    for i in 0..50 {
        app.login_raw(&format!("user{i}@example.com"), "x").await.assert(429);
    }
    assert_eq!(app.state.limiter.memory_keys().unwrap().1, keys);
    // IPv6: one /64 is one client
    app.peer = "[2001:db8:5:6::1]:1".parse().unwrap();
    app.login_raw("v6@example.com", "x").await.assert(401);
    app.peer = "[2001:db8:5:6:ffff:1:2:3]:1".parse().unwrap();
    app.login_raw("v6-other@example.com", "x").await.assert(429);
    app.peer = "[2001:db8:5:7::1]:1".parse().unwrap();
    app.login_raw("v6-third@example.com", "x").await.assert(401);
});

db_test!(async fn change_password_is_throttled_per_user(b) {
    let app = TestApp::builder(b).env("LOGIN_RATE_LIMIT_PER_MINUTE", "3").start().await;
    let t = app.user("ann@example.com").await;
    let other = app.user("bob@example.com").await;
    let path = "/api/v1/profile/change-password";
    let body = |cur: &str| json!({"current_password": cur, "new_password": "new-password-1", "confirm_password": "new-password-1"});
    for i in 0..3 {
        app.post_json(path, Some(&t), &body(&format!("guess-{i}"))).await.assert_detail(401, "Current password is incorrect");
    }
    // refused before the password is checked, even the right one
    let r = app.post_json(path, Some(&t), &body(PASSWORD)).await;
    r.assert_detail(429, "Too many password attempts. Please try again later.");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    app.login("ann@example.com", PASSWORD).await;
    // per user: another account is not held up
    app.post_json(path, Some(&other), &body(PASSWORD)).await.assert(200);
});

db_test!(async fn a_deleted_conversations_id_is_never_handed_out_again(b) {
    let app = TestApp::start(b).await;
    let ann = app.user("ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    let create = |t: String| {
        let app = &app;
        async move {
            let r = app.post_json("/api/v1/conversations", Some(&t), &json!({"agent_type": "market"})).await;
            r.assert(201);
            r.json()["id"].as_i64().unwrap()
        }
    };
    let first = create(ann.clone()).await;
    app.send_json(Method::DELETE, &format!("/api/v1/conversations/{first}"), Some(&ann), &json!({})).await.assert(200);
    let second = create(bob.clone()).await;
    assert!(second > first, "{first} then {second}");
    app.send_json(Method::DELETE, &format!("/api/v1/conversations/{second}"), Some(&bob), &json!({})).await.assert(200);
    let fresh = app.get("/api/v1/conversations/fresh/create-or-get", Some(&bob)).await;
    fresh.assert(200);
    assert!(fresh.json()["conversation_id"].as_i64().unwrap() > second);
});

//! Background jobs: the monthly reset (F1), the 30-day purge (F2), cleanups, and their lease.

use serde_json::json;
use solarintel::domain::agents::AgentType;
use solarintel::jobs::{self, Outcome};

use crate::support::fixtures::{DeadTurn, Survey};
use crate::support::*;

db_test!(async fn monthly_reset_job_resets_stale_counters_only(b) {
    let app = TestApp::start(b).await;
    app.register("old@example.com").await;
    app.register("new@example.com").await;
    app.account("old@example.com").monthly_count(4).last_reset(at("2021-05-01 00:00:00")).apply().await;
    app.account("new@example.com").monthly_count(2).apply().await;
    let n = jobs::run_job(&app.state, jobs::MONTHLY_RESET).await.unwrap();
    assert_eq!(n, 1);
    assert_eq!(app.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username = 'old@example.com'").await, 0);
    assert_eq!(app.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username = 'new@example.com'").await, 2);
});

db_test!(async fn purge_deletes_every_row_of_accounts_past_the_grace_period(b) {
    let app = TestApp::start(b).await;
    let gone = app.register("gone@example.com").await;
    let kept = app.register("kept@example.com").await;
    let token = app.login("gone@example.com", PASSWORD).await;
    // a row of each account in every table that holds its data, written directly
    for uid in [gone, kept] {
        app.exec(&format!("INSERT INTO fastapi_conversations (user_id, title, agent_type) VALUES ({uid}, 't', 'market')")).await;
        app.exec(&format!("INSERT INTO fastapi_messages (conversation_id, sender, content) SELECT id, 'user', 'x' FROM fastapi_conversations WHERE user_id = {uid}")).await;
        app.exec(&format!("INSERT INTO fastapi_chat_turns (user_id, conversation_id, agent_type, status, answered, refunded, created_at) VALUES ({uid}, {uid} + 1000, 'market', 'done', TRUE, FALSE, '2026-01-01 00:00:00')")).await;
        app.exec(&format!("INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) SELECT id, 1, '{{}}', '2026-01-01 00:00:00' FROM fastapi_chat_turns WHERE user_id = {uid}")).await;
        app.exec(&format!("INSERT INTO fastapi_hired_agent (user_id, agent_type, is_active) VALUES ({uid}, 'market', TRUE)")).await;
        app.exec(&format!("INSERT INTO fastapi_agent_whitelist (agent_type, user_id, is_active) VALUES ('news', {uid}, TRUE)")).await;
        app.survey_answered(uid, Survey { role: "r", regions: &[], familiarity: "f", insights: &[], bonus: 5 }).await;
        app.exec(&format!("INSERT INTO fastapi_user_survey_stage2 (user_id, work_focus, pv_segments, technologies, challenges) VALUES ({uid}, 'w', '[]', '[]', '[]')")).await;
        app.exec(&format!("INSERT INTO fastapi_contact_request (user_id, name, email, message, source) VALUES ({uid}, 'n', 'e', 'm', 'artifact_panel')")).await;
        app.exec(&format!("INSERT INTO fastapi_revoked_tokens (token_hash, user_id, revoked_at) VALUES ('h{uid}', {uid}, '2026-01-01 00:00:00')")).await;
    }
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "gone@example.com"})).await.assert(200);
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "kept@example.com"})).await.assert(200);
    let now = solarintel::store::now();
    let old = solarintel::store::truncate_to_seconds(now - chrono::Duration::days(31));
    let recent = solarintel::store::truncate_to_seconds(now - chrono::Duration::days(29));
    app.account(gone).deleted(true).deletion_requested(old).apply().await;
    app.account(kept).deleted(true).deletion_requested(recent).apply().await;

    assert_eq!(jobs::run_job(&app.state, jobs::DELETION_PURGE).await.unwrap(), 1);
    let mail = app.mail.wait_for("gone@example.com", 1).await;
    assert!(mail.subject.contains("deleted"));
    assert!(app.mail.to("kept@example.com").is_empty());
    for table in ["fastapi_conversations", "fastapi_hired_agent", "fastapi_agent_whitelist", "fastapi_user_survey",
                  "fastapi_user_survey_stage2", "fastapi_contact_request", "fastapi_revoked_tokens", "fastapi_chat_turns"] {
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = {gone}")).await, 0, "{table}");
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = {kept}")).await, 1, "{table} (kept)");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_events").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist").await, 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {gone}")).await, 0);
    // the purged account's token no longer works
    app.get("/api/v1/auth/me", Some(&token)).await.assert_detail(401, "Could not validate credentials");
});

db_test!(async fn cleanup_jobs(b) {
    let app = TestApp::start(b).await;
    let uid = app.register("u@example.com").await;
    app.exec(&format!("INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES ({uid}, 'old empty', 'market', '2020-01-01 00:00:00'), ({uid}, 'new empty', 'market', '2999-01-01 00:00:00'), ({uid}, 'old full', 'market', '2020-01-01 00:00:00')")).await;
    app.exec("INSERT INTO fastapi_messages (conversation_id, sender, content) SELECT id, 'user', 'x' FROM fastapi_conversations WHERE title = 'old full'").await;
    assert_eq!(jobs::run_job(&app.state, jobs::EMPTY_CONVERSATIONS).await.unwrap(), 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations").await, 2);

    app.exec(&format!("INSERT INTO fastapi_revoked_tokens (token_hash, user_id, revoked_at, expires_at) VALUES ('a', {uid}, '2020-01-01 00:00:00', '2020-01-02 00:00:00'), ('b', {uid}, '2020-01-01 00:00:00', '2999-01-01 00:00:00')")).await;
    app.exec(&format!("INSERT INTO fastapi_chat_turns (user_id, conversation_id, agent_type, status, answered, refunded, created_at, finished_at) VALUES ({uid}, 3, 'market', 'done', TRUE, FALSE, '2020-01-01 00:00:00', '2020-01-01 00:00:01'), ({uid}, 3, 'market', 'running', FALSE, FALSE, '2020-01-01 00:00:00', NULL)")).await;
    app.exec("INSERT INTO fastapi_chat_events (turn_id, seq, data) SELECT id, 1, '{}' FROM fastapi_chat_turns").await;
    // an expired revoked token, a turn finished long ago, and a running turn without heartbeat
    // (its process died): deleted, deleted, finalised
    assert_eq!(jobs::run_job(&app.state, jobs::CLEANUP).await.unwrap(), 3);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_revoked_tokens").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error' AND finished_at IS NOT NULL").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_events").await, 3, "its failure events were appended");
    assert!(jobs::run_job(&app.state, "nope").await.is_err());
});

db_test!(async fn one_replica_at_a_time(b) {
    let app = TestApp::start(b).await;
    // a second replica on the same database holds the lease
    let now = solarintel::store::now();
    assert!(solarintel::store::jobs::try_acquire_lease(app.db(), jobs::MONTHLY_RESET, "other-replica", now, now + chrono::Duration::minutes(15)).await.unwrap());
    assert_eq!(jobs::run_leased(&app.state, jobs::MONTHLY_RESET, true).await.unwrap(), Outcome::Skipped);
    // other jobs are free
    assert!(matches!(jobs::run_leased(&app.state, jobs::CLEANUP, false).await.unwrap(), Outcome::Ran(_)));
    // within the interval the scheduler does not run it again, but `jobs run` (force) does
    assert_eq!(jobs::run_leased(&app.state, jobs::CLEANUP, false).await.unwrap(), Outcome::Skipped);
    assert!(matches!(jobs::run_leased(&app.state, jobs::CLEANUP, true).await.unwrap(), Outcome::Ran(_)));
    // an expired lease is taken over
    app.exec("UPDATE fastapi_job_leases SET expires_at = '2020-01-01 00:00:00' WHERE name = 'monthly_reset'").await;
    assert!(matches!(jobs::run_leased(&app.state, jobs::MONTHLY_RESET, false).await.unwrap(), Outcome::Ran(_)));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_job_leases WHERE last_run_at IS NOT NULL").await, 2);
});

db_test!(async fn orphaned_turns_are_finalised_at_start_up_not_at_the_hourly_cleanup(b) {
    let app = TestApp::builder(b).env("JOBS_ENABLED", "true").start().await;
    let t = app.user("ann@example.com").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    let c = app.post_json("/api/v1/conversations/", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    // The hourly cleanup ran a minute ago (on another replica): the scheduler skips it now.
    let now = solarintel::store::now();
    assert!(solarintel::store::jobs::try_acquire_lease(app.db(), jobs::CLEANUP, "other-replica", now, now + chrono::Duration::minutes(15)).await.unwrap());
    solarintel::store::jobs::release_lease(app.db(), jobs::CLEANUP, "other-replica", now).await.unwrap();
    // A turn whose process died two minutes ago (in a conversation older than it).
    let beat = solarintel::store::truncate_to_seconds(now - chrono::Duration::minutes(2));
    let opened = solarintel::store::truncate_to_seconds(now - chrono::Duration::minutes(10));
    app.backdate_conversations(&[c], opened).await;
    app.dead_turn(DeadTurn { user: uid.into(), conversation: c, agent: AgentType::Market, answered: false, started: beat, heartbeat: beat }).await;
    let (_, mut server) = app.spawn_server().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'running'").await > 0 {
        assert!(std::time::Instant::now() < deadline, "the orphan was not finalised at start-up");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns").await, 1, "finalised, not deleted");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error' AND finished_at IS NOT NULL").await, 1);
    server.shutdown();
});

//! Two replicas on one database (the properties that need no balancer): a turn
//! running on one replica is followed to its end from the other, by its events in the database;
//! the other replica never finalises a turn whose replica is alive. `bench/replicas.sh` shows the
//! rest behind HAProxy (SIGKILL, SIGTERM, jobs, shared limits and cache).

use std::time::Duration;

use axum::body::Body;
use axum::http::Method;

use crate::support::chat::{openai_app, ready, start_and_hang_up_after_two_events};
use crate::support::fake_llm::{Reply, parse_sse, types};
use crate::support::*;

db_test!(async fn a_turn_running_on_one_replica_is_followed_from_the_other(b) {
    let (a, _fake) = openai_app(b, vec![Reply::Text(vec!["a. ", "b. ", "c. ", "d. ", "e."], Duration::from_millis(150))]).await;
    let other = TestApp::builder(b).same_database_as(&a).start().await;
    let (t, c) = ready(&a, "ann@example.com", "news").await;
    let (addr, _server) = a.spawn_server().await;
    let turn = start_and_hang_up_after_two_events(addr, &t, c).await;
    // The other replica has no live entry for the turn: it follows the recorded events.
    assert!(a.state.hub.running() == 1 && other.state.hub.running() == 0);
    let req = TestApp::req(Method::GET, &format!("/api/v1/chat/stream/{turn}"), Some(&t))
        .header("last-event-id", format!("{turn}:2"))
        .body(Body::empty())
        .unwrap();
    let r = other.request(req).await;
    r.assert(200);
    let events = parse_sse(&r.text());
    assert_eq!(events[0].0, format!("{turn}:3"));
    assert_eq!(types(&events).last().map(String::as_str), Some("done"));
    assert_eq!(events.last().unwrap().1["full_response"], "a. b. c. d. e.");
    // Followed, not taken over: the turn was finished by its own replica, exactly once.
    assert_eq!(other.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_turns WHERE id = {turn} AND status = 'done'")).await, 1);
    assert_eq!(other.scalar(&format!("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = {c} AND sender = 'bot'")).await, 1);
    assert_eq!(other.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username = 'ann@example.com'").await, 1);
});

/// Replicas whose pools add up to more than PostgreSQL's connection limit: the recorder's own
/// connections cannot be opened, and every batch then waited out the pool timeout, three times,
/// stalling each stream of the replica (found at 10,000 streams on two replicas). It now records
/// through the shared pool. A role limited to one connection stands in for the full server.
#[tokio::test]
async fn events_are_recorded_when_the_recorder_cannot_open_its_own_connections() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        return;
    }
    let (a, _fake) = openai_app(
        Backend::Postgres,
        vec![Reply::Text(vec!["a"], Duration::ZERO)],
    )
    .await;
    let (t, c) = ready(&a, "ann@example.com", "news").await;
    let r = a
        .post_json(
            "/api/v1/chat/send",
            Some(&t),
            &serde_json::json!({"message": "hi", "conversation_id": c, "agent_type": "news"}),
        )
        .await;
    assert_eq!(
        types(&parse_sse(&r.text())).last().map(String::as_str),
        Some("done")
    );
    let turn_id = a.scalar("SELECT MAX(id) FROM fastapi_chat_turns").await;
    let schema = a.pg_schema.clone().unwrap();
    let role = format!("r_{}", &schema[schema.len() - 12..]);
    a.exec(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'pw' CONNECTION LIMIT 1; GRANT USAGE ON SCHEMA {schema} TO {role}; \
         GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {role}"
    ))
    .await;
    let base = pg_url();
    let (scheme, rest) = base.split_once("://").unwrap();
    let url = format!(
        "{scheme}://{role}:pw@{}",
        rest.rsplit_once('@').map_or(rest, |(_, host)| host)
    );
    let settings = solarintel::config::Settings::from_map(
        &[("DB_POOL_SIZE", "1"), ("DB_MAX_OVERFLOW", "0")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
    .unwrap();
    let shared = solarintel::store::Db::connect_url(&url, &settings, Some(&schema))
        .await
        .unwrap();
    // The shared pool holds the role's one connection.
    let turn = solarintel::store::chat::turn(&shared, turn_id)
        .await
        .unwrap()
        .unwrap();
    let key = solarintel::store::chat::TurnKey {
        id: turn_id,
        user_id: turn.user_id,
        conversation_id: turn.conversation_id.into(),
        created_at: turn.created_at,
    };
    let recorder = solarintel::chat::recorder::Recorder::start(shared.clone(), Default::default());
    let recorded = tokio::time::timeout(
        Duration::from_secs(20),
        recorder.record(
            key,
            vec![(1000, r#"{"type":"chunk","content":"late"}"#.to_string())],
            false,
        ),
    )
    .await
    .expect("the recorder did not wait out the pool timeout");
    assert_eq!(recorded, Ok(true));
    assert_eq!(
        a.scalar(&format!(
            "SELECT COUNT(*) FROM fastapi_chat_events WHERE turn_id = {turn_id} AND seq = 1000"
        ))
        .await,
        1
    );
    drop(recorder);
    if let solarintel::store::Db::Postgres(p) = shared {
        p.close().await;
    }
    a.exec(&format!("DROP OWNED BY {role}; DROP ROLE {role}"))
        .await;
}

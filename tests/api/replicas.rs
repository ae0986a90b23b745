//! Two replicas on one database (issue 13 §2, the properties that need no balancer): a turn
//! running on one replica is followed to its end from the other, by its events in the database;
//! the other replica never finalises a turn whose replica is alive. `bench/replicas.sh` shows the
//! rest behind HAProxy (SIGKILL, SIGTERM, jobs, shared limits and cache).

use std::time::Duration;

use axum::body::Body;
use axum::http::Method;

use crate::chat_turn::{openai_app, ready, start_and_hang_up_after_two_events};
use crate::support::fake_llm::{Reply, parse_sse, types};
use crate::support::*;

db_test!(async fn a_turn_running_on_one_replica_is_followed_from_the_other(b) {
    let (a, _fake) = openai_app(b, vec![Reply::Text(vec!["a", "b", "c", "d", "e"], Duration::from_millis(150))]).await;
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
    assert_eq!(events.last().unwrap().1["full_response"], "abcde");
    // Followed, not taken over: the turn was finished by its own replica, exactly once.
    assert_eq!(other.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_turns WHERE id = {turn} AND status = 'done'")).await, 1);
    assert_eq!(other.scalar(&format!("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = {c} AND sender = 'bot'")).await, 1);
    assert_eq!(other.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username = 'ann@example.com'").await, 1);
});

//! A turn whose conversation was deleted cannot write into a newer turn that
//! got its id, a failed turn is refunded exactly once, open streams are capped, the LLM timeout
//! bounds silence, a cut provider stream fails the turn, and plots stay within their size.

use std::sync::Arc;
use std::time::Duration;

use axum::http::Method;
use serde_json::{Value, json};
use solarintel::domain::agents::AgentType;

use crate::support::chat::{chat, counters, openai_app, openai_app_with, ready};
use crate::support::fake_llm::{Reply, parse_sse, types};
use crate::support::fixtures::DeadTurn;
use crate::support::*;

// Whole sentences: the OpenAI path shows a model's text sentence by sentence (agents::figures).
const SLOW_A: [&str; 12] = [
    "A1. ", "A2. ", "A3. ", "A4. ", "A5. ", "A6. ", "A7. ", "A8. ", "A9. ", "A10. ", "A11. ",
    "A12.",
];

db_test!(async fn a_deleted_conversations_turn_cannot_write_into_a_reused_id(b) {
    let (app, _fake) = openai_app(b, vec![
        Reply::Text(SLOW_A.to_vec(), Duration::from_millis(150)),
        Reply::Text(vec!["B1. ", "B2. ", "B3. ", "B4."], Duration::from_millis(400)),
    ]).await;
    let (ta, ca) = ready(&app, "ann@example.com", "news").await;
    let tb = app.user("bob@example.com").await;
    app.post_json("/api/v1/agent-management/hire", Some(&tb), &json!({"agent_type": "news"})).await.assert(201);
    let (addr, _server) = app.spawn_server().await;
    // A's slow turn is running...
    let mut resp_a = reqwest::Client::new()
        .post(format!("http://{addr}/api/v1/chat/send"))
        .bearer_auth(&ta)
        .json(&json!({"conversation_id": ca, "message": "count slowly", "agent_type": "news"}))
        .send()
        .await
        .unwrap();
    let turn_a: i64 = resp_a.headers()["x-chat-turn-id"].to_str().unwrap().parse().unwrap();
    let mut seen_a = String::new();
    while !seen_a.contains("\"type\":\"chunk\"") {
        seen_a.push_str(&String::from_utf8_lossy(&resp_a.chunk().await.unwrap().expect("more body")));
    }
    // ...when A deletes its conversation, and B starts a turn in a new one.
    app.send_json(Method::DELETE, &format!("/api/v1/conversations/{ca}"), Some(&ta), &json!({})).await.assert(200);
    if b == Backend::Sqlite {
        // This service never hands an id out twice (fastapi_id_floor); another writer sharing
        // the file (the old service) does. Forget the floor so that the ids are reused, and
        // check that the turn's key alone keeps A's answer out of B's conversation.
        app.exec("DELETE FROM fastapi_id_floor").await;
    }
    let cb = app.get("/api/v1/conversations/fresh/create-or-get", Some(&tb)).await.json()["conversation_id"].as_i64().unwrap();
    let rb = chat(&app, &tb, cb, "hello", "news").await;
    rb.assert(200);
    let turn_b: i64 = rb.header("x-chat-turn-id").unwrap().parse().unwrap();
    if b == Backend::Sqlite {
        assert_eq!((cb, turn_b), (ca, turn_a), "SQLite gives the deleted rows' ids to B's conversation and turn");
    }
    // B's turn completes normally, with B's answer only.
    let events_b = parse_sse(&rb.text());
    assert_eq!(types(&events_b), ["processing", "chunk", "chunk", "chunk", "chunk", "done"]);
    assert_eq!(events_b.last().unwrap().1["full_response"], "B1. B2. B3. B4.");
    // A's stream ends early (the generation stopped when its turn was found gone), with `done`.
    let rest = tokio::time::timeout(Duration::from_secs(10), resp_a.text()).await.expect("A's stream ends").unwrap();
    seen_a.push_str(&rest);
    let events_a = parse_sse(&seen_a);
    assert_eq!(types(&events_a).last().map(String::as_str), Some("done"));
    assert!(!seen_a.contains("A12"), "A's generation stopped early: {seen_a}");
    // Let anything A might still write land, then look at B's conversation, turn and events.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let msgs = app.get(&format!("/api/v1/conversations/{cb}/messages"), Some(&tb)).await.json();
    let contents: Vec<&str> = msgs.as_array().unwrap().iter().map(|m| m["content"].as_str().unwrap()).collect();
    assert_eq!(contents, [
        json!({"type": "string", "value": "hello", "comment": null}).to_string(),
        json!({"type": "string", "value": "B1. B2. B3. B4.", "comment": null}).to_string(),
    ]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE content LIKE '%A1%'").await, 0);
    let replay = app.get(&format!("/api/v1/chat/stream/{turn_b}"), Some(&tb)).await;
    assert_eq!(parse_sse(&replay.text()), events_b, "B's recorded events are B's alone");
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_events WHERE turn_id = {turn_b} AND data LIKE '%A1%'")).await, 0);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_turns WHERE id = {turn_b} AND status = 'done'")).await, 1);
    // A can no longer resume under that id; nothing is left running.
    app.get(&format!("/api/v1/chat/stream/{turn_a}"), Some(&ta)).await.assert_detail(404, "Stream not found");
    assert_eq!(app.state.hub.running(), 0);
});

/// Insert a turn of `uid` in `c` left running by a process that died before answering.
async fn orphan(app: &TestApp, uid: i64, c: i64) -> i64 {
    let now = chrono::Utc::now().naive_utc();
    let ago = |m: i64| now - chrono::Duration::minutes(m);
    app.account(uid)
        .query_count(3)
        .monthly_count(3)
        .last_reset(ago(60))
        .apply()
        .await;
    app.backdate_conversations(&[c], ago(10)).await;
    let turn = app
        .dead_turn(DeadTurn {
            user: uid,
            conversation: c,
            agent: AgentType::Market,
            answered: false,
            started: ago(5),
            heartbeat: ago(4),
        })
        .await;
    let processing = json!({"type": "processing", "message": "Analyzing your query..."});
    app.turn_event(turn, 1, &processing, ago(5)).await;
    turn
}

db_test!(async fn an_orphaned_turn_is_refunded_exactly_once(b) {
    let app = Arc::new(TestApp::start(b).await);
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id as i64;
    for round in 0..3 {
        let turn = orphan(&app, uid, c).await;
        let row = solarintel::store::chat::turn(app.db(), turn).await.unwrap().unwrap();
        // Finalisers racing: direct calls, the cleanup job, and two resumes.
        let mut direct = Vec::new();
        for _ in 0..4 {
            let (state, row) = (app.state.clone(), row.clone());
            direct.push(tokio::spawn(async move { solarintel::chat::turn::finalize_orphan(&state, &row).await }));
        }
        let mut others = Vec::new();
        for _ in 0..2 {
            let state = app.state.clone();
            others.push(tokio::spawn(async move {
                solarintel::jobs::run_job(&state, solarintel::jobs::CLEANUP).await.unwrap();
                String::new()
            }));
            let (app, t) = (app.clone(), t.clone());
            others.push(tokio::spawn(async move { app.get(&format!("/api/v1/chat/stream/{turn}"), Some(&t)).await.text() }));
        }
        for h in direct {
            h.await.unwrap();
        }
        for h in others {
            let body = h.await.unwrap();
            if !body.is_empty() {
                let events = parse_sse(&body);
                assert_eq!(types(&events), ["processing", "chunk", "error"], "round {round}: {body}");
            }
        }
        // ...and once more, one after the other.
        assert!(!solarintel::chat::turn::finalize_orphan(&app.state, &row).await);
        assert_eq!(counters(&app).await, (2, 2), "round {round}: the query was given back exactly once");
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_turns WHERE id = {turn} AND status = 'error' AND refunded = TRUE")).await, 1);
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_events WHERE turn_id = {turn}")).await, 3, "one set of failure events");
    }
    // A live turn's own failure refund cannot be repeated either.
    let key = solarintel::store::chat::turn(app.db(), app.scalar("SELECT MAX(id) FROM fastapi_chat_turns").await).await.unwrap().unwrap().key();
    assert!(!solarintel::store::chat::refund(app.db(), &key).await.unwrap());
    assert_eq!(counters(&app).await, (2, 2));
});

db_test!(async fn llm_timeout_bounds_silence_not_the_whole_answer(b) {
    // Six chunks 200 ms apart take longer than the 0.5 s timeout, but the provider is never
    // silent for that long: the answer completes.
    let deltas = vec!["one ", "two ", "three ", "four ", "five ", "six"];
    let (app, _fake) = openai_app_with(b, vec![Reply::Text(deltas, Duration::from_millis(200))], &[("LLM_TIMEOUT_SECONDS", "0.5")]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "count", "news").await.text());
    assert_eq!(types(&events).last().map(String::as_str), Some("done"), "{events:?}");
    assert_eq!(events.last().unwrap().1["full_response"], "one two three four five six");
    // A provider that goes silent for longer than the timeout mid-answer fails the turn
    // (streaming.md §8.3).
    let (app, _fake) = openai_app_with(b, vec![Reply::Stall(vec!["Hello"], Duration::from_secs(3))], &[("LLM_TIMEOUT_SECONDS", "0.5")]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let started = std::time::Instant::now();
    let events = parse_sse(&chat(&app, &t, c, "hi", "news").await.text());
    assert!(started.elapsed() < Duration::from_secs(3), "failed at the timeout, not at the end");
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "error"]);
    assert_eq!(events[2].1["content"], "\n\n*The answer was interrupted by an error.*");
    assert_eq!(events[3].1["message"], "Agent error: the answer is incomplete");
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[1]["content"], json!({"type": "string", "value": "Hello\n\n*The answer was interrupted by an error.*", "comment": null}).to_string());
});

db_test!(async fn a_provider_stream_that_stops_without_done_fails_the_turn(b) {
    // Cut after some text: the partial answer is kept with the notice, the query stays counted.
    // (no figure: with no tool call, one would be left out, see figure_check.rs)
    let (app, _fake) = openai_app(b, vec![Reply::Truncate(vec!["Italy installed more. ", "Spain"])]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "Italy?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "chunk", "error"]);
    assert_eq!(events[4].1["message"], "Agent error: the answer is incomplete");
    assert_eq!(counters(&app).await, (1, 1));
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[1]["content"], json!({"type": "string", "value": "Italy installed more. Spain\n\n*The answer was interrupted by an error.*", "comment": null}).to_string());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error'").await, 1);
    // Cut before any text (every attempt): nothing was answered, the query is given back.
    let (app, fake) = openai_app(b, vec![Reply::Truncate(vec![])]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "Italy?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "error"]);
    assert_eq!(events[2].1["message"], "Agent error: no answer was produced");
    assert_eq!(fake.requests().len(), 3, "retried like any failure before the first token");
    assert_eq!(counters(&app).await, (0, 0));
});

/// Send a request through the router and keep its response open (the body unread).
async fn open(
    app: &TestApp,
    mut req: axum::http::Request<axum::body::Body>,
) -> axum::response::Response {
    use tower::ServiceExt;
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(app.peer));
    app.app_router.clone().oneshot(req).await.unwrap()
}

fn send_req(t: &str, c: i64) -> axum::http::Request<axum::body::Body> {
    TestApp::req(Method::POST, "/api/v1/chat/send", Some(t))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            json!({"conversation_id": c, "message": "count", "agent_type": "news"}).to_string(),
        ))
        .unwrap()
}

fn resume_req(t: &str, turn: &str) -> axum::http::Request<axum::body::Body> {
    TestApp::req(Method::GET, &format!("/api/v1/chat/stream/{turn}"), Some(t))
        .body(axum::body::Body::empty())
        .unwrap()
}

async fn refused(res: axum::response::Response, detail: &str) {
    use http_body_util::BodyExt;
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "5");
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap(),
        json!({"detail": detail})
    );
}

db_test!(async fn open_streams_are_capped_per_user_and_per_turn(b) {
    let deltas: Vec<&'static str> = vec!["x "; 30];
    let (app, _fake) = openai_app_with(b, vec![Reply::Text(deltas, Duration::from_millis(100))],
        &[("CHAT_MAX_STREAMS_PER_USER", "3"), ("CHAT_MAX_STREAMS_PER_TURN", "1")]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    let s1 = open(&app, send_req(&t, c)).await;
    assert_eq!(s1.status(), 200);
    let turn1 = s1.headers()["x-chat-turn-id"].to_str().unwrap().to_string();
    let s2 = open(&app, send_req(&t, c)).await;
    assert_eq!(s2.status(), 200);
    // one resumed reader of turn 1 at most
    let r1 = open(&app, resume_req(&t, &turn1)).await;
    assert_eq!(r1.status(), 200);
    drop(s2);
    refused(open(&app, resume_req(&t, &turn1)).await, "Too many open streams for this turn; close one and try again").await;
    // three streams per user at most, live and resumed together; a refused send costs nothing
    let s3 = open(&app, send_req(&t, c)).await;
    assert_eq!(s3.status(), 200);
    let used = counters(&app).await;
    refused(open(&app, send_req(&t, c)).await, "Too many open chat streams; close one and try again").await;
    assert_eq!(counters(&app).await, used, "nothing counted for the refused send");
    let lasts = app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'user'").await;
    assert_eq!(lasts, 3, "nothing stored for it");
    // other users are not affected
    let bob = app.user("bob@example.com").await;
    app.post_json("/api/v1/agent-management/hire", Some(&bob), &json!({"agent_type": "news"})).await.assert(201);
    let cb = app.get("/api/v1/conversations/fresh/create-or-get", Some(&bob)).await.json()["conversation_id"].as_i64().unwrap();
    assert_eq!(open(&app, send_req(&bob, cb)).await.status(), 200);
    // a stream read to its end gives its place back
    use http_body_util::BodyExt;
    let text = String::from_utf8(r1.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert_eq!(types(&parse_sse(&text)).last().map(String::as_str), Some("done"));
    assert_eq!(app.state.streams.open_for(uid), 2);
    drop((s1, s3));
    assert_eq!(app.state.streams.open_for(uid), 0);
    // over a real socket: a client that goes away gives its place back
    app.every_account().monthly_count(0).apply().await; // (the free plan has 5)
    let (addr, _server) = app.spawn_server().await;
    let client = reqwest::Client::new();
    let send = || client.post(format!("http://{addr}/api/v1/chat/send")).bearer_auth(&t)
        .json(&json!({"conversation_id": c, "message": "count", "agent_type": "news"})).send();
    let mut held = Vec::new();
    for _ in 0..3 {
        let r = send().await.unwrap();
        assert_eq!(r.status(), 200);
        held.push(r);
    }
    let r = send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "5");
    drop(held.pop());
    let mut freed = false;
    for _ in 0..50 {
        if app.state.streams.open_for(uid) == 2 {
            freed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(freed, "the place of the client that went away was given back");
    assert_eq!(send().await.unwrap().status(), 200);
});

/// Eight module price series in China with long names, monthly over 25 years.
fn big_price_csv(dir: &std::path::Path) -> std::path::PathBuf {
    let mut csv = String::from("item,description,date,frequency,base_price,unit,region,source\n");
    for s in 0..8 {
        let description = format!(
            "n-type TOPCon bifacial module series {s} {}",
            "with a long name ".repeat(8)
        );
        for y in 2000..2025 {
            for m in 1..=12 {
                csv.push_str(&format!(
                    "Module,{description},{y}-{m:02}-01,Monthly,{:.3},US$/Wp,China,Test\n",
                    0.1 + s as f64 / 100.0 + m as f64 / 1000.0
                ));
            }
        }
    }
    let path = dir.join("prices.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

fn plot_of(events: &[(String, Value)]) -> Value {
    events
        .iter()
        .find(|(_, e)| e["type"] == "plot")
        .map(|(_, e)| e["content"].clone())
        .expect("a plot event")
}

db_test!(async fn an_oversized_chart_is_thinned_under_max_plot_bytes(b) {
    let (app, fake) = openai_app(b, vec![
        Reply::ToolCall { text: "", name: "chart_prices", arguments: "{\"item\": \"Module\", \"region\": \"China\"}", lenient: false },
        Reply::Text(vec!["Prices fell."], Duration::ZERO),
    ]).await;
    let dir = tempfile::tempdir().unwrap();
    solarintel::data::ingest::ingest_file(app.db(), solarintel::data::Kind::Prices, &big_price_csv(dir.path()), None,
        &mut solarintel::data::ingest::Progress::hidden()).await.unwrap();
    let (t, c) = ready(&app, "ann@example.com", "price").await;
    // through the model's chart tool
    let events = parse_sse(&chat(&app, &t, c, "Chart module prices in China", "price").await.text());
    assert_eq!(types(&events), ["processing", "plot", "chunk", "done"]);
    let p = plot_of(&events);
    let bytes = serde_json::to_vec(&p).unwrap().len();
    assert!(bytes <= solarintel::tools::charts::MAX_PLOT_BYTES, "{bytes}");
    assert!(p["metadata"]["notes"].as_str().unwrap().contains("Thinned to "), "{}", p["metadata"]);
    let tool_result = fake.requests()[1]["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_string();
    assert!(tool_result.contains("was shown to the user"), "{tool_result}");
    // and the stored plot row is the thinned one
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let stored: Vec<Value> = msgs.as_array().unwrap().iter().map(|m| serde_json::from_str(m["content"].as_str().unwrap()).unwrap()).collect();
    let row = stored.iter().find(|m| m["type"] == "plot").expect("a stored plot");
    assert!(row["value"]["data"] == p["data"], "the stored plot is the thinned one");
    // the built-in provider builds the same way
    let app2 = TestApp::start(b).await;
    solarintel::data::ingest::ingest_file(app2.db(), solarintel::data::Kind::Prices, &big_price_csv(dir.path()), None,
        &mut solarintel::data::ingest::Progress::hidden()).await.unwrap();
    let (t, c) = ready(&app2, "ann@example.com", "price").await;
    let events = parse_sse(&chat(&app2, &t, c, "Chart the module price trend in China", "price").await.text());
    let p = plot_of(&events);
    assert!(serde_json::to_vec(&p).unwrap().len() <= solarintel::tools::charts::MAX_PLOT_BYTES);
    assert!(p["metadata"]["notes"].as_str().unwrap_or("").contains("Thinned to "), "{}", p["metadata"]);
});

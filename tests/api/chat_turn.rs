//! `POST /api/v1/chat/send` and the resume routes: the checks in order, the counted turn, the
//! event stream, storage, refunds, disconnects, and the OpenAI-compatible provider against a
//! fake server.

use std::time::Duration;

use serde_json::{Value, json};
use solarintel::domain::agents::AgentType;

use crate::support::chat::{
    chat, counters, openai_app, openai_app_with, ready, send_and_read_first_chunk,
    start_and_hang_up_after_two_events,
};
use crate::support::fake_llm::{Reply, parse_sse, types};
use crate::support::fixtures::{DeadTurn, Survey};
use crate::support::*;

db_test!(async fn checks_come_in_the_contract_order(b) {
    let app = TestApp::start(b).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let other = app.user("bob@example.com").await;
    let theirs = app.get("/api/v1/conversations/fresh/create-or-get", Some(&other)).await.json()["conversation_id"].as_i64().unwrap();
    // validation
    let r = app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": "abc", "message": ""})).await;
    assert_eq!(r.error_types(), ["string_too_short", "int_parsing"]);
    assert_eq!(app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c, "message": "x".repeat(5001)})).await.error_types(), ["string_too_long"]);
    app.post_json("/api/v1/chat/send", None, &json!({"conversation_id": c, "message": "hi"})).await.assert(401);
    // 1. empty after trimming
    chat(&app, &t, c, "   ", "market").await.assert_detail(400, "Empty message");
    // 2. unknown type: nothing counted, stored or changed (F5)
    chat(&app, &t, c, "hi", "solar").await.assert_detail(400, "Unknown agent type: solar");
    // 3. someone else's conversation
    chat(&app, &t, theirs, "hi", "market").await.assert_detail(404, "Conversation not found or access denied");
    // 4. access: not hired
    chat(&app, &t, c, "hi", "news").await.assert_detail(403, "You must hire this agent from the Agents page first");
    // (step 4 comes before step 5: the conversation keeps its type)
    assert_eq!(app.get(&format!("/api/v1/conversations/{c}"), Some(&t)).await.json()["agent_type"], "market");
    assert_eq!(counters(&app).await, (0, 0));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    // 6. the limit: 429 with an object detail and no Retry-After
    app.account("ann@example.com").monthly_count(5).apply().await;
    let r = chat(&app, &t, c, "hi", "market").await;
    r.assert(429);
    assert_eq!(r.detail(), json!({"error": "Query limit reached. You have used 5/5 queries this month.", "plan_type": "free",
        "queries_used": 5, "query_limit": 5, "upgrade_required": true}));
    assert!(r.header("retry-after").is_none());
    // step 5 is committed even though step 6 refuses (kept for compatibility)
    app.post_json("/api/v1/agent-management/hire", Some(&t), &json!({"agent_type": "leo_om"})).await.assert(201);
    chat(&app, &t, c, "hi", "om").await.assert(429);
    assert_eq!(app.get(&format!("/api/v1/conversations/{c}"), Some(&t)).await.json()["agent_type"], "leo_om");
    // a completed survey stage adds 5 on the free plan
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    app.survey_answered(uid, Survey { role: "r", regions: &["x"], familiarity: "f", insights: &["y"], bonus: 5 }).await;
    chat(&app, &t, c, "hi", "market").await.assert(200);
    assert_eq!(counters(&app).await, (1, 6));
});

db_test!(async fn builtin_turn_streams_stores_and_counts(b) {
    let app = TestApp::start(b).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let r = chat(&app, &t, c, "  What was BESS capacity in Italy?  ", "market").await;
    r.assert(200);
    assert_eq!(r.header("content-type"), Some("text/event-stream; charset=utf-8"));
    let turn: i64 = r.header("x-chat-turn-id").unwrap().parse().unwrap();
    let events = parse_sse(&r.text());
    let ids: Vec<String> = events.iter().map(|(id, _)| id.clone()).collect();
    let want_ids: Vec<String> = (1..=events.len()).map(|i| format!("{turn}:{i}")).collect();
    assert_eq!(ids, want_ids);
    let kinds = types(&events);
    assert_eq!(kinds.first().map(String::as_str), Some("processing"));
    assert_eq!(&kinds[kinds.len() - 2..], ["approval_request", "done"]);
    let approval = &events[events.len() - 2].1;
    assert_eq!(approval["conversation_id"], c.to_string());
    assert_eq!(approval["context"], "expert_contact");
    let text: String = events.iter().filter(|(_, e)| e["type"] == "chunk").map(|(_, e)| e["content"].as_str().unwrap()).collect();
    assert_eq!(events.last().unwrap().1["full_response"], text.as_str());
    // stored: the trimmed user message, then the approval row holding the streamed text
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs.as_array().unwrap().len(), 2);
    assert_eq!(msgs[0]["content"], json!({"type": "string", "value": "What was BESS capacity in Italy?", "comment": null}).to_string());
    assert_eq!(serde_json::from_str::<Value>(msgs[1]["content"].as_str().unwrap()).unwrap(), json!({"type": "approval_request", "value": text}));
    assert_eq!(counters(&app).await, (1, 1));
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_turns WHERE id = {turn} AND status = 'done' AND answered = TRUE AND finished_at IS NOT NULL")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_chat_events WHERE turn_id = {turn}")).await, events.len() as i64);
    // and an explicit request for a human
    let r = chat(&app, &t, c, "Can I talk to an expert?", "market").await;
    let events = parse_sse(&r.text());
    let approval = &events[events.len() - 2].1;
    assert_eq!(approval["message"], "Would you like to connect with one of our experts?");
    assert_eq!(approval["approval_question"], json!(null));
    assert!(events.iter().any(|(_, e)| e["message"] == "Connecting you with expert options..."));
});

db_test!(async fn resume_after_the_turn_and_errors(b) {
    let app = TestApp::start(b).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let r = chat(&app, &t, c, "Italy?", "market").await;
    let turn: i64 = r.header("x-chat-turn-id").unwrap().parse().unwrap();
    let all = parse_sse(&r.text());
    // GET from the start, GET after an id, POST with Last-Event-ID: the same events, same ids
    let replay = app.get(&format!("/api/v1/chat/stream/{turn}"), Some(&t)).await;
    replay.assert(200);
    assert_eq!(parse_sse(&replay.text()), all);
    assert_eq!(replay.header("x-chat-turn-id"), Some(turn.to_string().as_str()));
    let req = |path: String, id: String, method: axum::http::Method| {
        TestApp::req(method, &path, Some(&t)).header("last-event-id", id).header("content-type", "application/json")
            .body(axum::body::Body::from("{not even json")).unwrap()
    };
    let rest = app.request(req(format!("/api/v1/chat/stream/{turn}"), format!("{turn}:2"), axum::http::Method::GET)).await;
    assert_eq!(parse_sse(&rest.text()), all[2..].to_vec());
    let rest = app.request(req("/api/v1/chat/send".into(), format!("{turn}:3"), axum::http::Method::POST)).await;
    rest.assert(200);
    assert_eq!(parse_sse(&rest.text()), all[3..].to_vec());
    let end = app.request(req("/api/v1/chat/send".into(), format!("{turn}:{}", all.len()), axum::http::Method::POST)).await;
    end.assert(200);
    assert_eq!(end.text(), "");
    assert_eq!(counters(&app).await, (1, 1), "a resume counts nothing");
    // errors
    app.request(req("/api/v1/chat/send".into(), "garbage".into(), axum::http::Method::POST)).await.assert_detail(404, "Stream not found");
    app.request(req(format!("/api/v1/chat/stream/{turn}"), format!("{}:1", turn + 1), axum::http::Method::GET)).await.assert_detail(404, "Stream not found");
    app.get("/api/v1/chat/stream/999999", Some(&t)).await.assert_detail(404, "Stream not found");
    let other = app.user("bob@example.com").await;
    app.get(&format!("/api/v1/chat/stream/{turn}"), Some(&other)).await.assert_detail(404, "Stream not found");
    // past retention (the cleanup job deleted the turn): 404, the answer stays in the history
    app.exec(&format!("UPDATE fastapi_chat_turns SET finished_at = '2020-01-01 00:00:00' WHERE id = {turn}")).await;
    solarintel::jobs::run_job(&app.state, solarintel::jobs::CLEANUP).await.unwrap();
    app.get(&format!("/api/v1/chat/stream/{turn}"), Some(&t)).await.assert_detail(404, "Stream not found");
    assert_eq!(app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json().as_array().unwrap().len(), 2);
});

db_test!(async fn racing_for_the_last_query(b) {
    let app = std::sync::Arc::new(TestApp::start(b).await);
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    app.account("ann@example.com").monthly_count(4).apply().await;
    let mut handles = Vec::new();
    for _ in 0..4 {
        let (app, t) = (app.clone(), t.clone());
        handles.push(tokio::spawn(async move { chat(&app, &t, c, "Italy?", "market").await.status.as_u16() }));
    }
    let mut codes = Vec::new();
    for h in handles {
        codes.push(h.await.unwrap());
    }
    codes.sort();
    assert_eq!(codes, [200, 429, 429, 429]);
    assert_eq!(counters(&app).await, (1, 5));
});

db_test!(async fn openai_streams_text_with_history_and_model_override(b) {
    // Shown sentence by sentence (agents::figures); no figure, as no tool is called.
    let (app, fake) = openai_app(b, vec![Reply::Text(vec!["Italy installed ", "more【3:1†source】 in 2024. ", "Spain less."], Duration::from_millis(5))]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "user", "content": json!({"type": "string", "value": "earlier question", "comment": null}).to_string()})).await.assert(201);
    // a chart of the old service's shape, then one of decision F18's
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "bot", "content": json!({"type": "plot", "value": {"title": "Italy"}}).to_string()})).await.assert(201);
    app.post_json(&format!("/api/v1/conversations/{c}/messages"), Some(&t), &json!({"sender": "bot", "content": json!({"type": "plot", "value": "Chart: Spain, MW", "plot": {"title": "Spain", "unit": "MW"}}).to_string()})).await.assert(201);
    let r = chat(&app, &t, c, "How much did Italy install?", "news").await;
    r.assert(200);
    let events = parse_sse(&r.text());
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "done"]);
    assert_eq!(events[1].1["content"], "Italy installed more in 2024. ", "citation markers are stripped");
    assert_eq!(events[3].1["full_response"], "Italy installed more in 2024. Spain less.");
    let req = &fake.requests()[0];
    assert_eq!(req["model"], "fake-news");
    assert_eq!(req["stream"], true);
    assert_eq!(req["stream_options"], json!({"include_usage": true}), "the final chunk reports the tokens");
    let roles: Vec<&str> = req["messages"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["system", "user", "assistant", "assistant", "user"]);
    assert_eq!(req["messages"][1]["content"], "earlier question");
    assert_eq!(req["messages"][2]["content"], "Chart: Italy", "the model remembers a chart by its caption");
    assert_eq!(req["messages"][3]["content"], "Chart: Spain, MW");
    assert_eq!(req["messages"][4]["content"], "How much did Italy install?");
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs.as_array().unwrap().last().unwrap()["content"], json!({"type": "string", "value": "Italy installed more in 2024. Spain less.", "comment": null}).to_string());
});

db_test!(async fn openai_tool_call_offers_an_expert(b) {
    for lenient in [false, true] {
        let (app, fake) = openai_app(b, vec![Reply::ToolCall {
            text: "We do not have BESS figures for Italy.",
            name: "offer_expert_contact",
            arguments: "{\"reason\": \"data_unavailable\"}",
            lenient,
        }]).await;
        let (t, c) = ready(&app, "ann@example.com", "market").await;
        let r = chat(&app, &t, c, "BESS in Italy?", "market").await;
        let events = parse_sse(&r.text());
        assert_eq!(types(&events), ["processing", "chunk", "status", "approval_request", "done"], "lenient {lenient}");
        assert_eq!(events[3].1["approval_question"], "Would you like to proceed and reach the expert?");
        assert_eq!(fake.requests().len(), 1, "the offer ends the turn");
        let requests = fake.requests();
        let tools: Vec<&str> = requests[0]["tools"].as_array().unwrap().iter().map(|t| t["function"]["name"].as_str().unwrap()).collect();
        assert_eq!(tools, ["query_market_data", "chart_market_data", "offer_expert_contact"]);
        let last = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
        assert_eq!(serde_json::from_str::<Value>(last[1]["content"].as_str().unwrap()).unwrap(),
                   json!({"type": "approval_request", "value": "We do not have BESS figures for Italy."}));
    }
});

db_test!(async fn openai_retries_before_the_first_token(b) {
    let (app, fake) = openai_app(b, vec![Reply::Status(503), Reply::Status(429), Reply::Text(vec!["ok"], Duration::ZERO)]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "news?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "done"]);
    assert_eq!(fake.requests().len(), 3);
});

db_test!(async fn openai_waits_as_long_as_retry_after_asks(b) {
    // A 429 asking for 1 s is waited out (not the 10 ms test backoff), then answered.
    let (app, fake) = openai_app(b, vec![Reply::RetryAfter(1), Reply::Text(vec!["ok"], Duration::ZERO)]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let started = std::time::Instant::now();
    let events = parse_sse(&chat(&app, &t, c, "news?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "done"]);
    assert!(started.elapsed() >= Duration::from_secs(1), "waited {:?}", started.elapsed());
    assert_eq!(fake.requests().len(), 2);
    // One asking for a minute is not waited for: the turn fails now and the query is given back.
    let (app, fake) = openai_app(b, vec![Reply::RetryAfter(60), Reply::Text(vec!["ok"], Duration::ZERO)]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "news?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "error"]);
    assert_eq!(fake.requests().len(), 1);
    assert_eq!(counters(&app).await, (0, 0));
});

db_test!(async fn failure_before_any_answer_refunds(b) {
    let (app, _fake) = openai_app(b, vec![Reply::Status(500)]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let r = chat(&app, &t, c, "news?", "news").await;
    r.assert(200);
    let events = parse_sse(&r.text());
    assert_eq!(types(&events), ["processing", "chunk", "error"]);
    assert_eq!(events[1].1["content"], "Sorry, the agent could not answer this question. It was not counted against your monthly queries. Please try again.");
    assert_eq!(events[2].1["message"], "Agent error: no answer was produced");
    assert_eq!(counters(&app).await, (0, 0), "the query was given back");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'bot'").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error' AND refunded = TRUE").await, 1);
    // a slow upstream times out the same way
    let (app, _fake) = openai_app(b, vec![Reply::Hang(Duration::from_secs(10))]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "news?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "error"]);
});

db_test!(async fn failure_after_a_partial_answer_keeps_it(b) {
    let (app, _fake) = openai_app(b, vec![Reply::Break(vec!["Italy installed more. ", "Spain"])]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let events = parse_sse(&chat(&app, &t, c, "Italy?", "news").await.text());
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "chunk", "error"]);
    assert_eq!(events[3].1["content"], "\n\n*The answer was interrupted by an error.*");
    assert_eq!(events[4].1["message"], "Agent error: the answer is incomplete");
    assert_eq!(counters(&app).await, (1, 1), "a partial answer stays counted");
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[1]["content"], json!({"type": "string", "value": "Italy installed more. Spain\n\n*The answer was interrupted by an error.*", "comment": null}).to_string());
});

db_test!(async fn the_answer_survives_a_disconnect(b) {
    let deltas = vec!["One. ", "Two. ", "Three. ", "Four. ", "Five."];
    let (app, _fake) = openai_app(b, vec![Reply::Text(deltas, Duration::from_millis(150))]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let (addr, _server) = app.spawn_server().await;
    let client = reqwest::Client::new();
    let mut resp = client
        .post(format!("http://{addr}/api/v1/chat/send"))
        .bearer_auth(&t)
        .json(&json!({"conversation_id": c, "message": "count", "agent_type": "news"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // read until the first chunk, then hang up
    let mut seen = String::new();
    while !seen.contains("\"type\":\"chunk\"") {
        seen.push_str(&String::from_utf8_lossy(&resp.chunk().await.unwrap().expect("more body")));
    }
    drop(resp);
    let mut stored = 0;
    for _ in 0..100 {
        stored = app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'bot'").await;
        if stored > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(stored, 1, "generation went on and the answer was stored");
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[1]["content"], json!({"type": "string", "value": "One. Two. Three. Four. Five.", "comment": null}).to_string());
});

db_test!(async fn a_live_resume_follows_the_running_turn(b) {
    let (app, _fake) = openai_app(b, vec![Reply::Text(vec!["a. ", "b. ", "c. ", "d."], Duration::from_millis(100))]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let (addr, _server) = app.spawn_server().await;
    let client = reqwest::Client::new();
    let turn = start_and_hang_up_after_two_events(addr, &t, c).await;
    let rest = client
        .get(format!("http://{addr}/api/v1/chat/stream/{turn}"))
        .bearer_auth(&t)
        .header("last-event-id", format!("{turn}:2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = parse_sse(&rest);
    assert_eq!(events[0].0, format!("{turn}:3"));
    assert_eq!(types(&events).last().map(String::as_str), Some("done"));
    assert_eq!(events.last().unwrap().1["full_response"], "a. b. c. d.");
});

db_test!(async fn orphaned_turns_are_finalised(b) {
    let app = TestApp::start(b).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    // a turn left running by a process that died after one chunk, and one that died before any
    let now = chrono::Utc::now().naive_utc();
    app.account(uid).query_count(2).monthly_count(2).last_reset(now - chrono::Duration::hours(1)).apply().await;
    let (started, heartbeat) = (now - chrono::Duration::minutes(5), now - chrono::Duration::minutes(4));
    // (a turn is never older than its conversation)
    app.backdate_conversations(&[c], now - chrono::Duration::minutes(10)).await;
    let dead = |answered| DeadTurn { user: uid.into(), conversation: c, agent: AgentType::Market, answered, started, heartbeat };
    let first = app.dead_turn(dead(true)).await;
    let second = app.dead_turn(dead(false)).await;
    let processing = json!({"type": "processing", "message": "Analyzing your query..."});
    app.turn_event(first, 1, &processing, at("2026-01-01 00:00:01")).await;
    app.turn_event(first, 2, &json!({"type": "chunk", "content": "Partial"}), at("2026-01-01 00:00:02")).await;
    app.turn_event(second, 1, &processing, at("2026-01-01 00:00:01")).await;
    // a resume finds the first one and finalises it
    let r = app.get(&format!("/api/v1/chat/stream/{first}"), Some(&t)).await;
    let events = parse_sse(&r.text());
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "error"]);
    assert_eq!(events[3].0, format!("{first}:4"));
    // the cleanup job finalises the other one, with a refund
    solarintel::jobs::run_job(&app.state, solarintel::jobs::CLEANUP).await.unwrap();
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error'").await, 2);
    assert_eq!(counters(&app).await, (1, 1));
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    assert_eq!(msgs[0]["content"], json!({"type": "string", "value": "Partial\n\n*The answer was interrupted by an error.*", "comment": null}).to_string());
});

db_test!(async fn shutdown_lets_running_turns_finish(b) {
    let (app, _fake) = openai_app(b, vec![Reply::Text(vec!["a. ", "b. ", "c. ", "d."], Duration::from_millis(200))]).await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let (addr, mut server) = app.spawn_server().await;
    let (resp, mut seen) = send_and_read_first_chunk(addr, &t, c).await;
    server.shutdown();
    seen.push_str(&resp.text().await.unwrap());
    let events = parse_sse(&seen);
    assert_eq!(types(&events).last().map(String::as_str), Some("done"), "the open stream was finished");
    let stopped = tokio::time::timeout(Duration::from_secs(10), &mut server.task).await;
    assert!(matches!(stopped, Ok(Ok(Ok(())))), "{stopped:?}");
    // The service has closed its pool: read through a new one.
    let stored = app.scalar_after_stop("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'bot' AND content = '{\"type\":\"string\",\"value\":\"a. b. c. d.\",\"comment\":null}'").await;
    assert_eq!(stored, 1);
});

db_test!(async fn turns_still_running_after_the_drain_fail_cleanly(b) {
    let (app, _fake) = openai_app_with(
        b,
        vec![Reply::Text(vec!["a. ", "b. ", "c. ", "d."], Duration::from_millis(400))],
        &[("CHAT_DRAIN_SECONDS", "0.3")],
    )
    .await;
    let (t, c) = ready(&app, "ann@example.com", "news").await;
    let (addr, mut server) = app.spawn_server().await;
    let (resp, mut seen) = send_and_read_first_chunk(addr, &t, c).await;
    server.shutdown();
    seen.push_str(&resp.text().await.unwrap());
    let events = parse_sse(&seen);
    let kinds = types(&events);
    assert_eq!(&kinds[kinds.len() - 2..], ["chunk", "error"]);
    assert_eq!(events.last().unwrap().1["message"], "Agent error: the answer is incomplete");
    let stopped = tokio::time::timeout(Duration::from_secs(10), &mut server.task).await;
    assert!(matches!(stopped, Ok(Ok(Ok(())))), "{stopped:?}");
    // The service has closed its pool: read through a new one.
    let stored = app.scalar_after_stop("SELECT COUNT(*) FROM fastapi_messages WHERE sender = 'bot' AND content LIKE '%interrupted by an error%'").await;
    assert_eq!(stored, 1, "the partial answer was stored");
    assert_eq!(app.scalar_after_stop("SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'error'").await, 1);
});

db_test!(async fn openai_chart_tool_call_emits_a_plot_and_returns_the_rows(b) {
    let (app, fake) = openai_app_with(b, vec![
        Reply::ToolCall {
            text: "",
            name: "chart_market_data",
            arguments: "{\"territory\": \"Italy\", \"start_year\": \"2016\", \"end_year\": 2020}",
            lenient: false,
        },
        Reply::ToolCall {
            text: "",
            name: "query_market_data",
            arguments: "{\"territory\": \"Atlantis\"}",
            lenient: false,
        },
        Reply::Text(vec!["Italy grew steadily."], Duration::from_millis(0)),
    ], &[("SAMPLE_DATA", "true")]).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let r = chat(&app, &t, c, "Chart Italy 2016-2020", "market").await;
    r.assert(200);
    let events = parse_sse(&r.text());
    assert_eq!(types(&events), ["processing", "plot", "chunk", "done"]);
    let plot = &events[1].1["content"];
    assert_eq!(plot["plot_type"], "line");
    assert_eq!(plot["data"].as_array().unwrap().len(), 5);
    assert_eq!(plot["metadata"]["query"]["arguments"]["start_year"], 2016);
    let requests = fake.requests();
    assert_eq!(requests.len(), 3);
    // The model gets the rows behind the chart, then a clear error for an unknown territory.
    let tool_msg = |i: usize| {
        let m = requests[i]["messages"].as_array().unwrap();
        m.last().unwrap()["content"].as_str().unwrap().to_string()
    };
    assert!(tool_msg(1).contains("was shown to the user") && tool_msg(1).contains("\"capacity_mw\""), "{}", tool_msg(1));
    assert!(tool_msg(1).contains("synthetic sample"), "{}", tool_msg(1));
    assert!(tool_msg(2).starts_with("Tool error: invalid arguments: unknown territory \"Atlantis\""), "{}", tool_msg(2));
    // Stored: the text row, then the plot row.
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let rows: Vec<Value> = msgs.as_array().unwrap().iter().filter(|m| m["sender"] == "bot")
        .map(|m| serde_json::from_str(m["content"].as_str().unwrap()).unwrap()).collect();
    assert_eq!(rows[0]["value"], "Italy grew steadily.");
    assert_eq!(rows[1]["type"], "plot");
    assert_eq!(rows[1]["value"], *plot, "decision F18, revised: the object in `value`");
});

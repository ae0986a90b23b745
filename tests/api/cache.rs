//! The answer and tool cache: a repeated question costs no second model call and
//! streams like a fresh answer; an ingestion, another model or a conversation with history never
//! gets a cached answer; shared between replicas through Redis.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::answers::{ask, conversation};
use crate::support::chat::openai_app_with;
use crate::support::fake_llm::{FakeLlm, Reply, parse_sse, types};
use crate::support::*;
use solarintel::cache::{Cache, Kind};

fn text(parts: Vec<&'static str>) -> Reply {
    Reply::Text(parts, Duration::ZERO)
}

/// The content events of a stream (the ids differ between turns, the content must not).
fn contents(events: &[(String, Value)]) -> Vec<Value> {
    events
        .iter()
        .filter(|(_, e)| e["type"] != "processing")
        .map(|(_, e)| e.clone())
        .collect()
}

async fn bot_messages(app: &TestApp, t: &str, c: i64) -> Vec<Value> {
    let r = app
        .get(&format!("/api/v1/conversations/{c}/messages"), Some(t))
        .await;
    r.assert(200);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["sender"] == "bot")
        .map(|m| m["content"].clone())
        .collect()
}

async fn monthly(app: &TestApp) -> i64 {
    app.scalar("SELECT monthly_query_count FROM fastapi_users WHERE username = 'ada@example.com'")
        .await
}

db_test!(async fn a_repeated_question_is_answered_from_the_cache_like_a_fresh_one(b) {
    let (app, fake) = openai_app_with(b, vec![text(vec!["Italy installed ", "5,234 MW."])], &[]).await;
    let t = app.admin("ada@example.com").await;
    let (c1, c2) = (conversation(&app, &t).await, conversation(&app, &t).await);
    let (first, full1) = ask(&app, &t, c1, "market", "How much did Italy install in 2023?").await;
    assert_eq!(fake.requests().len(), 1);
    // The same question, spaced and cased differently, in another conversation.
    let (second, full2) = ask(&app, &t, c2, "market", "  how much did ITALY install   in 2023? ").await;
    assert_eq!(fake.requests().len(), 1, "the second answer came from the model");
    assert_eq!(full1, full2);
    assert_eq!(types(&first), types(&second));
    assert_eq!(contents(&first), contents(&second));
    // Event ids are the new turn's, so resume works.
    let turn2 = second[0].0.split(':').next().unwrap().to_string();
    assert_ne!(first[0].0.split(':').next().unwrap(), turn2);
    let resumed = app.get(&format!("/api/v1/chat/stream/{turn2}"), Some(&t)).await;
    resumed.assert(200);
    assert_eq!(full2, parse_done(&resumed.text()));
    // Stored as the bot message, and counted as a query.
    assert_eq!(bot_messages(&app, &t, c2).await, bot_messages(&app, &t, c1).await);
    assert_eq!(monthly(&app).await, 2);
    assert_eq!(app.state.cache.hits(Kind::Answer), 1);
    assert_eq!(app.state.cache.misses(Kind::Answer), 1);
    let m = solarintel::http::metrics::render(&app.state);
    assert!(m.contains("solarintel_cache_requests_total{kind=\"answer\",result=\"hit\"} 1"), "{m}");
    assert!(m.contains("solarintel_cache_entries 1"), "{m}");
});

fn parse_done(sse: &str) -> String {
    parse_sse(sse)
        .iter()
        .find(|(_, e)| e["type"] == "done")
        .map(|(_, e)| e["full_response"].as_str().unwrap_or("").to_string())
        .expect("done")
}

db_test!(async fn history_an_ingestion_or_a_failed_turn_never_get_a_cached_answer(b) {
    let (app, fake) = openai_app_with(
        b,
        vec![text(vec!["one"]), text(vec!["two"]), Reply::Status(500), Reply::Status(500), Reply::Status(500), text(vec!["three"]), text(vec!["four"])],
        &[("LLM_TIMEOUT_SECONDS", "2")],
    )
    .await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    assert_eq!(ask(&app, &t, c, "market", "Q").await.1, "one");
    // The same question after the first: the conversation has history, so the model answers.
    assert_eq!(ask(&app, &t, c, "market", "Q").await.1, "two");
    assert_eq!(fake.requests().len(), 2);
    // A failed turn caches nothing: the next ask reaches the model.
    let c2 = conversation(&app, &t).await;
    let r = app.post_json("/api/v1/chat/send", Some(&t), &json!({"conversation_id": c2, "message": "P", "agent_type": "price"})).await;
    let events = parse_sse(&r.text());
    assert!(types(&events).contains(&"error".to_string()), "{events:?}");
    assert_eq!(fake.requests().len(), 5, "the failed turn was tried three times");
    let c3 = conversation(&app, &t).await;
    assert_eq!(ask(&app, &t, c3, "price", "P").await.1, "three");
    // An ingestion changes the data version: the cached "one" is not served any more.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("m.csv");
    std::fs::write(&f, "Territory,Year,Scenario,Connection,Type,Capacity(MW)\nItaly,2023,Historical Primary,Total,Annual,5234\n").unwrap();
    solarintel::data::ingest::ingest_file(app.db(), solarintel::data::Kind::Market, &f, None, &mut solarintel::data::ingest::Progress::hidden()).await.unwrap();
    let c4 = conversation(&app, &t).await;
    assert_eq!(ask(&app, &t, c4, "market", "Q").await.1, "four");
});

db_test!(async fn tool_results_are_cached_by_arguments_and_an_expert_offer_keeps_its_conversation(b) {
    let call = |arguments: &'static str| Reply::ToolCall { text: "", name: "query_market_data", arguments, lenient: false };
    let (app, fake) = openai_app_with(
        b,
        vec![
            call(r#"{"territory": "Italy", "year": 2023}"#),
            text(vec!["a"]),
            // The same arguments in another order: the tool result comes from the cache.
            call(r#"{"year": 2023, "territory": "Italy"}"#),
            text(vec!["b"]),
        ],
        &[("SAMPLE_DATA", "true")],
    )
    .await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "first").await;
    ask(&app, &t, c, "market", "second").await;
    assert_eq!(app.state.cache.misses(Kind::Tool), 1);
    assert_eq!(app.state.cache.hits(Kind::Tool), 1);
    let r = fake.requests();
    let result = |i: usize| r[i]["messages"].as_array().unwrap().last().unwrap()["content"].clone();
    assert_eq!(result(1), result(3), "the cached result is the one computed");
    assert!(result(1).as_str().unwrap().contains("Italy"));

    // The built-in market agent declines with an expert offer; a cached replay carries the
    // new conversation, never the first one.
    let builtin = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let t = builtin.admin("ada@example.com").await;
    let (c1, c2) = (conversation(&builtin, &t).await, conversation(&builtin, &t).await);
    let q = "How much solar thermal capacity did Greece add in 2022?";
    let (e1, _) = ask(&builtin, &t, c1, "market", q).await;
    let (e2, _) = ask(&builtin, &t, c2, "market", q).await;
    assert_eq!(builtin.state.cache.hits(Kind::Answer), 1);
    let approval = |events: &[(String, Value)]| events.iter().find(|(_, e)| e["type"] == "approval_request").map(|(_, e)| e.clone()).expect("approval");
    assert_eq!(approval(&e1)["conversation_id"], c1.to_string());
    assert_eq!(approval(&e2)["conversation_id"], c2.to_string());
    assert_eq!(approval(&e1)["message"], approval(&e2)["message"]);
});

db_test!(async fn a_zero_ttl_turns_the_cache_off(b) {
    let (app, fake) = openai_app_with(b, vec![text(vec!["x"])], &[("CACHE_TTL_SECONDS", "0")]).await;
    let t = app.admin("ada@example.com").await;
    for _ in 0..2 {
        let c = conversation(&app, &t).await;
        ask(&app, &t, c, "market", "same").await;
    }
    assert_eq!(fake.requests().len(), 2);
    assert!(!app.state.cache.is_on());
    assert!(!solarintel::http::metrics::render(&app.state).contains("solarintel_cache_entries"));
});

/// Replicas sharing Redis share answers; a replica on another model does not get them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn replicas_share_answers_through_redis_but_not_across_models() {
    let url = std::env::var("TEST_REDIS_URL").unwrap();
    let prefix = format!("test-{}:", uuid::Uuid::new_v4().simple());
    // One endpoint behind every replica, as in production.
    let fake = FakeLlm::start(vec![text(vec!["first"]), text(vec!["second"])]).await;
    let mut replicas = Vec::new();
    for model in ["m1", "m1", "m2"] {
        let app = TestApp::builder(Backend::Sqlite)
            .env("LLM_PROVIDER", "openai")
            .env("OPENAI_API_KEY", "k")
            .env("OPENAI_BASE_URL", &fake.base_url)
            .env("OPENAI_MODEL", model)
            .cache(
                Cache::redis(&url, &prefix, Duration::from_secs(60))
                    .await
                    .unwrap(),
            )
            .start()
            .await;
        assert!(app.state.cache.is_shared());
        replicas.push(app);
    }
    let mut answers = Vec::new();
    for app in &replicas {
        let t = app.admin("ada@example.com").await;
        let c = conversation(app, &t).await;
        answers.push(ask(app, &t, c, "market", "Shared question").await.1);
    }
    assert_eq!(answers, ["first", "first", "second"]);
    let r = fake.requests();
    assert_eq!(
        r.len(),
        2,
        "the second replica answered from the shared cache"
    );
    assert_eq!(r[1]["model"], "m2", "another model never gets m1's answer");
    assert_eq!(replicas[1].state.cache.hits(Kind::Answer), 1);
    let m = solarintel::http::metrics::render(&replicas[0].state);
    assert!(m.contains("solarintel_cache_stored_total 1"), "{m}");
}

db_test!(async fn a_cached_answer_is_replayed_around_the_new_askers_own_words(b) {
    // The model quotes the question back, as models do.
    let asked = "What did Italy install\nin 2023?";
    let (app, fake) = openai_app_with(b, vec![text(vec!["You asked: What did Italy install\nin 2023?", " Italy installed the most."])], &[]).await;
    let ada = app.admin("ada@example.com").await;
    let bob = app.admin("bob@example.com").await;
    let (_, full1) = ask(&app, &ada, conversation(&app, &ada).await, "market", asked).await;
    assert!(full1.contains(asked));
    // bob asks the same question in his own words: one model call, and his text in the answer
    let (_, full2) = ask(&app, &bob, conversation(&app, &bob).await, "market", "what did ITALY install in 2023?").await;
    assert_eq!(fake.requests().len(), 1, "answered from the cache");
    assert_eq!(full2, "You asked: what did ITALY install in 2023? Italy installed the most.");
    assert!(!full2.contains("Italy install\nin"), "nothing of ada's exact text: {full2}");
});

//! Answers render well in the React app, live and after a reload: a stored
//! chart reads as a one-line caption with the plot object under `plot` (decision F18), rows of the
//! old shape are returned as they are, and no answer holds an inline code span (the React app
//! renders one as a block).

use serde_json::{Value, json};
use solarintel::domain::agents::AgentType;

use crate::support::answers::{ask, conversation, sample_app};
use crate::support::chat::{counters, ready};
use crate::support::fixtures::DeadTurn;
use crate::support::*;

/// The raw `content` of every message of conversation `c`, in insertion order, read from the
/// table itself rather than through an endpoint.
async fn stored_contents(app: &TestApp, c: i64) -> Vec<String> {
    const SQL: &str = "SELECT content FROM fastapi_messages WHERE conversation_id = $1 ORDER BY id";
    match app.db() {
        solarintel::store::Db::Sqlite(p) => {
            sqlx::query_scalar(SQL).bind(c).fetch_all(p).await.unwrap()
        }
        solarintel::store::Db::Postgres(p) => sqlx::query_scalar(SQL)
            .bind(c as i32)
            .fetch_all(p)
            .await
            .unwrap(),
    }
}

fn parsed(content: &str) -> Value {
    serde_json::from_str(content).unwrap_or_else(|e| panic!("{e}: {content}"))
}

db_test!(async fn a_chart_answer_stores_the_plot_object_in_value(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (events, _) = ask(&app, &t, c, "market", "Show the trend of annual installations in Germany from 2015 to 2024").await;
    let live = events.iter().find(|(_, e)| e["type"] == "plot").expect("a plot event").1.clone();
    // The live event is unchanged: the object under `content`.
    assert!(live["content"].is_object(), "{live}");
    assert!(live.get("value").is_none() && live.get("plot").is_none(), "{live}");
    let plot = &live["content"];
    assert!(!plot["title"].as_str().unwrap().is_empty());
    // The row in fastapi_messages: user, text, plot (decision F18, revised: the object in
    // `value`, which the current React app draws again after a reload).
    let rows = stored_contents(&app, c).await;
    assert_eq!(rows.len(), 3, "{rows:?}");
    let row = parsed(&rows[2]);
    assert_eq!(row, json!({"type": "plot", "value": plot}));
    // What the React app reloads: the same raw string.
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let msgs = msgs.as_array().unwrap();
    assert_eq!(msgs.len(), 3);
    assert_eq!(msgs[2]["sender"], "bot");
    assert_eq!(msgs[2]["content"], rows[2].as_str());
    let agent = app.get(&format!("/api/v1/conversations/{c}/messages/for-agent"), Some(&t)).await.json();
    assert_eq!(agent[2]["content"], rows[2].as_str());
    // The agent history lists text messages only, as before.
    let h = app.get(&format!("/api/v1/agent-management/conversation-history/{c}"), Some(&t)).await.json();
    assert_eq!(h.as_array().unwrap().len(), 2, "{h}");
    assert!(h.as_array().unwrap().iter().all(|m| m["content"].as_str().is_some_and(|s| !s.contains("Chart:"))));
    // The preview comes from the user's message, not the chart.
    let list = app.get("/api/v1/conversations", Some(&t)).await.json();
    let conv = list.as_array().unwrap().iter().find(|x| x["id"] == c).unwrap().clone();
    assert_eq!(conv["preview"], "Show the trend of annual installations in Germany from 2015 ...");
});

db_test!(async fn old_shape_plot_rows_are_read_as_they_are(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    // a conversation with no title yet, so that generate-title acts
    let fresh = app.get("/api/v1/conversations/fresh/create-or-get", Some(&t)).await.json();
    let c = fresh["conversation_id"].as_i64().unwrap();
    let old = r#"{"type": "plot", "value": {"plot_type": "bar", "title": "Italy 2024", "unit": "MW", "data": [{"category": "2024", "series": "Italy", "value": 6700.0}]}}"#;
    let new = json!({"type": "plot", "value": "Chart: Spain, MW", "plot": {"title": "Spain", "unit": "MW"}}).to_string();
    // Written directly, as the old service left them (also a user row, for the previews).
    for (sender, content) in [("user", old), ("bot", old), ("bot", new.as_str())] {
        app.exec(&format!(
            "INSERT INTO fastapi_messages (conversation_id, sender, content) VALUES ({c}, '{sender}', '{}')",
            content.replace('\'', "''")
        ))
        .await;
    }
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let got: Vec<&str> = msgs.as_array().unwrap().iter().map(|m| m["content"].as_str().unwrap()).collect();
    assert_eq!(got, [old, old, new.as_str()], "byte for byte");
    let agent = app.get(&format!("/api/v1/conversations/{c}/messages/for-agent"), Some(&t)).await.json();
    assert_eq!(agent[1]["content"], old);
    assert_eq!(stored_contents(&app, c).await, [old, old, new.as_str()]);
    // Titles: a chart is no text to take a title from, in either shape.
    app.post_empty(&format!("/api/v1/conversations/{c}/generate-title"), Some(&t)).await.assert(200);
    let one = app.get(&format!("/api/v1/conversations/{c}"), Some(&t)).await.json();
    assert_eq!(one["title"], Value::Null);
    // Previews: the old shape as api-contract §4.8 renders an object; the new one as its caption.
    let preview = |list: &Value, id: i64| {
        list.as_array().unwrap().iter().find(|x| x["id"] == id).unwrap()["preview"].clone()
    };
    let list = app.get("/api/v1/conversations", Some(&t)).await.json();
    assert_eq!(preview(&list, c), "{'plot_type': 'bar', 'title': 'Italy 2024', 'unit': 'MW', 'd...");
    let c2 = conversation(&app, &t).await;
    app.exec(&format!(
        "INSERT INTO fastapi_messages (conversation_id, sender, content) VALUES ({c2}, 'user', '{new}')"
    ))
    .await;
    let list = app.get("/api/v1/conversations", Some(&t)).await.json();
    assert_eq!(preview(&list, c2), "Chart: Spain, MW");
    // The agent history still skips charts of both shapes.
    let h = app.get(&format!("/api/v1/agent-management/conversation-history/{c}"), Some(&t)).await.json();
    assert_eq!(h, json!([]));
});

db_test!(async fn an_orphaned_chart_answer_is_stored_in_the_new_shape(b) {
    let app = TestApp::start(b).await;
    let (t, c) = ready(&app, "ann@example.com", "market").await;
    let uid = app.state.jwt.verify(&t).unwrap().user_id;
    let now = chrono::Utc::now().naive_utc();
    let ago = |m: i64| now - chrono::Duration::minutes(m);
    app.account(uid).query_count(1).monthly_count(1).last_reset(ago(60)).apply().await;
    app.backdate_conversations(&[c], ago(10)).await;
    let turn = app.dead_turn(DeadTurn { user: uid.into(), conversation: c, agent: AgentType::Market, answered: true, started: ago(5), heartbeat: ago(4) }).await;
    let plot = json!({"plot_type": "line", "title": "Italy (2016-2020)", "unit": "MW", "data": [{"date": "2016-01-01", "series": "Italy", "value": 1.0}]});
    app.turn_event(turn, 1, &json!({"type": "processing", "message": "Analyzing your query..."}), ago(5)).await;
    app.turn_event(turn, 2, &json!({"type": "plot", "content": plot}), ago(5)).await;
    solarintel::jobs::run_job(&app.state, solarintel::jobs::CLEANUP).await.unwrap();
    assert_eq!(counters(&app).await.0, 1, "an answered turn is not refunded");
    let rows: Vec<Value> = stored_contents(&app, c).await.iter().map(|s| parsed(s)).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0], json!({"type": "string", "value": solarintel::chat::turn::INTERRUPTED, "comment": null}));
    assert_eq!(rows[1], json!({"type": "plot", "value": plot}));
});

/// Typical questions of each of the nine agents, answerable or not.
const QUESTIONS: &[(&str, &[&str])] = &[
    (
        "market",
        &[
            "What was the annual installed capacity of Italy in 2023?",
            "Show the trend of annual installations in Germany from 2015 to 2024",
            "Which countries installed the most in 2024?",
            "Breakdown by connection for Italy from 2020 to 2024",
            "What is the forecast for Spain in 2030 in the high scenario?",
            "Annual installations in Atlantis in 2023",
            "What will the weather be like tomorrow?",
        ],
    ),
    (
        "price",
        &[
            "What is the latest n-type TOPCon module price in China?",
            "Chart the n-type TOPCon module price trend in Europe",
            "Compare module and wafer prices in China over time",
            "What is the price of bananas?",
        ],
    ),
    (
        "news",
        &[
            "module price declines and new factory announcements",
            "What is the latest solar news?",
            "zebra xylophone",
        ],
    ),
    (
        "digitalization",
        &[
            "drone inspections and digital twins",
            "How is AI used in PV plants?",
        ],
    ),
    (
        "nzia_policy",
        &[
            "NZIA manufacturing benchmark in auctions",
            "What does the Net-Zero Industry Act require?",
        ],
    ),
    (
        "nzia_market_impact",
        &[
            "EU manufacturing targets and supply chain",
            "How will NZIA affect module imports?",
        ],
    ),
    (
        "manufacturer_financial",
        &[
            "What is the latest quarterly revenue of Helios?",
            "Compare the gross margin of the sample companies",
            "What is the revenue of Unknown Corp?",
        ],
    ),
    (
        "leo_om",
        &[
            "module cleaning and soiling losses",
            "How often should inverters be serviced?",
            "zebra xylophone",
        ],
    ),
    (
        "weaviate",
        &[
            "What is the cumulative installed capacity of Germany in 2024?",
            "drone inspections and digital twins",
            "Hello",
        ],
    ),
];

fn assert_no_backtick(agent: &str, question: &str, what: &str, text: &str) {
    assert!(
        !text.contains('`'),
        "{agent} / {question:?}: a backtick in {what}: {text}"
    );
}

/// Every question of every agent, one conversation each: neither the streamed answer nor any
/// stored message holds a backtick.
async fn ask_all(app: &TestApp, t: &str, questions: &[(&str, &[&str])]) {
    for (agent, qs) in questions {
        for q in *qs {
            let c = conversation(app, t).await;
            let (events, full) = ask(app, t, c, agent, q).await;
            assert_no_backtick(agent, q, "full_response", &full);
            for (_, e) in &events {
                assert_no_backtick(agent, q, "an event", &e.to_string());
            }
            let msgs = app
                .get(&format!("/api/v1/conversations/{c}/messages"), Some(t))
                .await
                .json();
            let msgs = msgs.as_array().unwrap();
            assert!(msgs.len() >= 2, "{agent} / {q:?}: {msgs:?}");
            for m in msgs {
                let content = m["content"].as_str().unwrap();
                // (a text's `value` is its text; a chart's is the plot object: decision F18)
                let v = parsed(content);
                assert!(
                    v["value"].is_string() || (v["type"] == "plot" && v["value"].is_object()),
                    "{agent} / {q:?}: {content}"
                );
                assert_no_backtick(agent, q, "a stored message", content);
            }
        }
    }
}

db_test!(async fn no_answer_of_any_agent_holds_inline_code(b) {
    let (app, t) = sample_app(b).await;
    ask_all(&app, &t, QUESTIONS).await;
    // Without data, the agents say how to load it: also without code spans.
    let app = TestApp::start(b).await;
    let t = app.admin("ada@example.com").await;
    let first: Vec<(&str, &[&str])> = QUESTIONS.iter().map(|(a, qs)| (*a, &qs[..1])).collect();
    ask_all(&app, &t, &first).await;
});

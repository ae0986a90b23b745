//! The built-in provider answering from the data tools over the synthetic sample (agents.md):
//! every agent answers a typical question of its domain with figures checked against
//! the sample files read independently here; charts; follow-ups; honest refusals.

use serde_json::{Value, json};

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};
use crate::support::fake_llm::types;
use crate::support::*;

fn plot(events: &[(String, Value)]) -> Option<Value> {
    events
        .iter()
        .find(|(_, e)| e["type"] == "plot")
        .map(|(_, e)| e["content"].clone())
}

db_test!(async fn every_agent_answers_its_domain_on_the_sample(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;

    // Market: the figure, its unit, scenario and year.
    let (_, text) = ask(&app, &t, c, "market", "What was the annual installed capacity of Italy in 2023?").await;
    let italy = market_value("Italy", "2023", "Historical Primary", "Total", "Annual");
    assert!(text.contains(&thousands(italy)), "{text}");
    assert!(text.contains("MW") && text.contains("2023") && text.contains("Historical Primary"), "{text}");
    assert!(text.contains("synthetic sample"), "sample answers say so: {text}");
    assert!(text.contains("solarintel ingest"), "{text}");

    // Prices: the latest TOPCon module price in China, computed from the file.
    let latest = sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == "Module" && r["description"] == "n-type TOPCon" && r["region"] == "China")
        .max_by(|a, b| a["date"].cmp(&b["date"]))
        .unwrap();
    let c2 = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c2, "price", "What is the latest n-type TOPCon module price in China?").await;
    let want = format!("{:.3} US$/Wp", latest["base_price"].parse::<f64>().unwrap());
    assert!(text.contains(&want), "{want} in {text}");
    assert!(text.contains(&latest["date"]), "{text}");

    // Financials: the latest revenue of a sample company.
    let rev = sample_rows("financials.csv")
        .into_iter()
        .filter(|r| r["company"] == "Helios Modules Ltd (sample)" && r["metric"] == "Revenue" && r["period"].contains('Q'))
        .max_by(|a, b| a["period"].cmp(&b["period"]))
        .unwrap();
    let c3 = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c3, "manufacturer_financial", "What is the latest quarterly revenue of Helios?").await;
    assert!(text.contains(&rev["period"]), "{text}");
    let value: f64 = rev["value"].parse().unwrap();
    assert!(text.contains(&thousands(value)) || text.contains(&rev["value"]), "{} in {text}", rev["value"]);

    // Document agents: passages with title, date and link from their own collection.
    for (agent, question, collection) in [
        ("news", "module price declines and new factory announcements", "news"),
        ("digitalization", "drone inspections and digital twins", "digitalization"),
        ("nzia_policy", "NZIA manufacturing benchmark in auctions", "nzia_policy"),
        ("nzia_market_impact", "EU manufacturing targets and supply chain", "nzia_market_impact"),
        ("leo_om", "module cleaning and soiling losses", "om"),
    ] {
        let c = conversation(&app, &t).await;
        let (_, text) = ask(&app, &t, c, agent, question).await;
        assert!(text.contains("[Sample]"), "{agent}: {text}");
        assert!(
            text.contains(&format!("https://example.com/sample/{collection}/")),
            "{agent} cites its own collection: {text}"
        );
        assert!(text.contains("synthetic sample"), "{agent}: {text}");
    }

    // The open-questions agent routes a capacity question to the market data.
    let c4 = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c4, "weaviate", "What is the cumulative installed capacity of Germany in 2024?").await;
    let de = market_value("Germany", "2024", "Historical Primary", "Total", "Cumulative");
    assert!(text.contains(&thousands(de)), "{text}");
});

db_test!(async fn a_trend_question_gets_a_table_and_a_line_chart_stored_with_the_answer(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (events, text) = ask(&app, &t, c, "market", "Show the trend of annual installations in Germany from 2015 to 2024").await;
    assert!(text.contains("| Year |"), "a table: {text}");
    let p = plot(&events).expect("a plot event");
    assert_eq!(p["plot_type"], "line");
    assert_eq!(p["unit"], "MW");
    assert_eq!(p["success"], true);
    assert_eq!(p["metadata"]["query"]["tool"], "chart_market_data");
    assert_eq!(p["metadata"]["query"]["arguments"]["territory"], json!(["Germany"]));
    assert_eq!(p["filters_applied"]["Territory"], "Germany");
    let data = p["data"].as_array().unwrap();
    assert_eq!(data.len(), 10);
    for point in data {
        let year = &point["date"].as_str().unwrap()[..4];
        assert!(point["date"].as_str().unwrap().ends_with("-01-01"));
        let want = market_value("Germany", year, "Historical Primary", "Total", "Annual");
        assert!((point["value"].as_f64().unwrap() - want).abs() < 1e-6, "{year}");
    }
    assert!(serde_json::to_vec(&p).unwrap().len() < 32 * 1024);
    // Event order: text, then the plot, then done.
    let ty = types(&events);
    let plot_at = ty.iter().position(|x| x == "plot").unwrap();
    assert!(ty[..plot_at].iter().any(|x| x == "chunk"));
    assert_eq!(ty.last().unwrap(), "done");
    // Stored: the text row, then the plot row with the same object.
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let bots: Vec<Value> = msgs.as_array().unwrap().iter()
        .filter(|m| m["sender"] == "bot")
        .map(|m| serde_json::from_str::<Value>(m["content"].as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(bots.len(), 2, "{bots:?}");
    assert_eq!(bots[0]["type"], "string");
    assert_eq!(bots[1]["type"], "plot");
    assert_eq!(bots[1]["value"], p, "decision F18, revised: the plot object in `value`");
});

db_test!(async fn a_follow_up_reuses_the_previous_filters(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (_, first) = ask(&app, &t, c, "market", "Cumulative capacity of Italy in 2022").await;
    assert!(first.contains(&thousands(market_value("Italy", "2022", "Historical Primary", "Total", "Cumulative"))), "{first}");
    let (_, text) = ask(&app, &t, c, "market", "and Spain?").await;
    let spain = market_value("Spain", "2022", "Historical Primary", "Total", "Cumulative");
    assert!(text.contains("Spain") && text.contains(&thousands(spain)), "{text}");
    assert!(text.contains("cumulative"), "{text}");
    // A forecast in a named scenario.
    let (_, text) = ask(&app, &t, c, "market", "What is the forecast for Spain in 2030 in the high scenario?").await;
    let high = market_value("Spain", "2030", "Forecast - High", "Total", "Annual");
    assert!(text.contains(&thousands(high)) && text.contains("Forecast - High"), "{text}");
});

db_test!(async fn the_split_by_connection_is_a_stacked_bar_without_total(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (events, _) = ask(&app, &t, c, "market", "Breakdown by connection for Italy from 2020 to 2024").await;
    let p = plot(&events).expect("a plot");
    assert_eq!(p["plot_type"], "stacked_bar");
    assert_eq!(p["stack_by"], "Connection");
    let data = p["data"].as_array().unwrap();
    assert!(data.iter().all(|d| d["stack"] != "Total"));
    for year in ["2020", "2024"] {
        let share: f64 = data.iter().filter(|d| d["category"] == year).map(|d| d["share"].as_f64().unwrap()).sum();
        assert!((share - 1.0).abs() < 0.01, "{year}: {share}");
        let central = data.iter().find(|d| d["category"] == year && d["stack"] == "Centralised").unwrap();
        assert_eq!(central["value"].as_f64().unwrap(), market_value("Italy", year, "Historical Primary", "Centralised", "Annual"));
    }
    let colours: Vec<&str> = p["stack_info"].as_array().unwrap().iter().map(|s| s["color"].as_str().unwrap()).collect();
    assert_eq!(colours[0], "#000A55");
});

db_test!(async fn a_price_trend_is_a_line_chart_in_one_unit(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (events, text) = ask(&app, &t, c, "price", "Chart the n-type TOPCon module price trend in Europe").await;
    assert!(text.contains("(EU)"), "Europe means EU: {text}");
    let p = plot(&events).expect("a plot");
    assert_eq!(p["plot_type"], "line");
    assert_eq!(p["title"], "Module Trends in EU (2023-2024)");
    assert_eq!(p["y_axis_label"], "Price (US$/Wp)");
    assert_eq!(p["x_axis_label"], "");
    let first = &p["data"][0];
    assert_eq!(first["item"], "Module");
    assert_eq!(first["region"], "EU");
    assert_eq!(first["series"], "n-type TOPCon Module (EU)");
    // Asking for several items never mixes units in one chart.
    let (events, _) = ask(&app, &t, c, "price", "Compare module and wafer prices in China over time").await;
    let p = plot(&events).expect("a plot");
    let units: Vec<&str> = p["data"].as_array().unwrap().iter().map(|d| d["item"].as_str().unwrap()).collect();
    assert!(units.iter().all(|u| *u == units[0]), "{units:?}");
});

db_test!(async fn an_unanswerable_market_question_gets_examples_and_the_expert_offer(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (events, text) = ask(&app, &t, c, "market", "What will the weather be like tomorrow?").await;
    assert!(text.contains("For example"), "{text}");
    assert!(text.contains("Germany"), "examples come from the loaded data: {text}");
    let ty = types(&events);
    assert!(ty.iter().any(|x| x == "approval_request"), "{ty:?}");
    // A document agent with nothing relevant answers honestly, without inventing passages.
    let (_, text) = ask(&app, &t, c, "leo_om", "zebra xylophone").await;
    assert!(text.contains("could not answer"), "{text}");
    assert!(!text.contains("> "), "{text}");
});

db_test!(async fn without_data_agents_say_how_to_load_it(b) {
    let app = TestApp::start(b).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "latest module price in China").await;
    assert!(text.contains("solarintel ingest"), "{text}");
});

/// A fake Weaviate: `/v1/schema` with one class, `/v1/graphql` answering BM25 queries; every
/// request is recorded. `fail` makes GraphQL answer 500.
async fn fake_weaviate(
    fail: bool,
) -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<(String, Value)>>>,
) {
    use axum::response::IntoResponse;
    use axum::routing::{get, post};
    use std::sync::{Arc, Mutex};
    let seen: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let s1 = seen.clone();
    let s2 = seen.clone();
    let app = axum::Router::new()
        .route("/v1/schema", get(move |h: axum::http::HeaderMap| {
            let s = s1.clone();
            async move {
                s.lock().unwrap().push(("schema".into(), json!(h.get("authorization").and_then(|v| v.to_str().ok()))));
                axum::Json(json!({"classes": [{"class": "SolarDoc", "properties": [
                    {"name": "title"}, {"name": "content"}, {"name": "url"}, {"name": "date"}]}]}))
            }
        }))
        .route("/v1/graphql", post(move |axum::Json(body): axum::Json<Value>| {
            let s = s2.clone();
            async move {
                s.lock().unwrap().push(("graphql".into(), body));
                if fail {
                    return (axum::http::StatusCode::INTERNAL_SERVER_ERROR, axum::Json(json!({}))).into_response();
                }
                (axum::http::StatusCode::OK, axum::Json(json!({"data": {"Get": {"SolarDoc": [
                    {"title": "Tracker yields in Spain", "content": "Bifacial modules on single-axis trackers gained 8% yield.",
                     "url": "https://weaviate.example/doc/1", "date": "2025-05-02", "_additional": {"score": "2.5"}},
                    {"title": "Older note", "content": "Trackers need maintenance.", "url": null, "date": null,
                     "_additional": {"score": "0.7"}}
                ]}}})))
                    .into_response()
            }
        }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

db_test!(async fn the_open_questions_agent_searches_weaviate_when_configured(b) {
    let (url, seen) = fake_weaviate(false).await;
    let app = TestApp::builder(b)
        .env("SAMPLE_DATA", "true")
        .env("WEAVIATE_URL", &format!("{url}/"))
        .env("WEAVIATE_API_KEY", "wv-secret")
        .start()
        .await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "weaviate", "bifacial tracker yield study").await;
    assert!(text.contains("[Tracker yields in Spain](https://weaviate.example/doc/1)"), "{text}");
    assert!(text.contains("2025-05-02"), "{text}");
    // Only passages that address the question: the note that merely mentions trackers is left out.
    assert!(!text.contains("Older note"), "{text}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen[0], ("schema".to_string(), json!("Bearer wv-secret")));
    let q = seen[1].1["query"].as_str().unwrap();
    assert!(q.contains("SolarDoc(bm25: {query: \"bifacial tracker yield study\"}"), "{q}");
    assert!(q.contains("content title url date _additional { score }"), "{q}");
    // Other agents keep to their local collection.
    let (_, text) = ask(&app, &t, c, "leo_om", "module cleaning and soiling").await;
    assert!(text.contains("example.com/sample/om"), "{text}");
});

db_test!(async fn without_an_answering_weaviate_the_agent_searches_locally(b) {
    let (url, _) = fake_weaviate(true).await;
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").env("WEAVIATE_URL", &url).start().await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "weaviate", "drone inspections and digital twins").await;
    assert!(text.contains("Weaviate did not answer"), "{text}");
    assert!(text.contains("example.com/sample/digitalization"), "{text}");
});

db_test!(async fn answers_follow_newly_ingested_data(b) {
    // The names in the data are cached per data version: an ingestion (here, or by the CLI on
    // another process) must show in the next answer.
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Annual installations in Atlantis in 2023").await;
    assert!(text.contains("For example"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atlantis.csv");
    std::fs::write(
        &path,
        "Territory,Year,Scenario,Connection,Type,Capacity(MW),AC/DC,Estimated/Confirmed,Installed/Decomissioned\n\
         Atlantis,2023,Historical Primary,Total,Annual,4321,DC,Confirmed,Installed\n",
    )
    .unwrap();
    solarintel::data::ingest::ingest_file(
        app.db(),
        solarintel::data::Kind::Market,
        &path,
        None,
        &mut solarintel::data::ingest::Progress::hidden(),
    )
    .await
    .unwrap();
    let (_, text) = ask(&app, &t, c, "market", "Annual installations in Atlantis in 2023").await;
    assert!(text.contains("4,321 MW"), "{text}");
    assert!(!text.contains("synthetic sample"), "real data replaced the sample: {text}");
});

//! On the OpenAI-compatible path: an agent never states a figure the data does not
//! hold. The system prompt carries the rules; tool results carry unit, filters and source file;
//! a name, a year or a combination the data does not hold is a tool error naming what it holds;
//! a failed lookup may end in the market agent's expert offer. Against the scripted fake server.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::answers::{ask, conversation};
use crate::support::chat::openai_app_with;
use crate::support::fake_llm::{FakeLlm, Reply, types};

fn call(name: &'static str, arguments: &'static str) -> Reply {
    Reply::ToolCall {
        text: "",
        name,
        arguments,
        lenient: false,
    }
}

fn text(t: &'static str) -> Reply {
    Reply::Text(vec![t], Duration::ZERO)
}

/// What the fake received as the result of the call it answered with request `i - 1`: the last
/// message of request `i`, which must be a tool message.
fn tool_result(fake: &FakeLlm, i: usize) -> String {
    let requests = fake.requests();
    let last = requests[i]["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["role"], "tool", "request {i}: {last}");
    last["content"].as_str().unwrap().to_string()
}

fn system_prompt(fake: &FakeLlm, i: usize) -> String {
    let m = &fake.requests()[i]["messages"][0];
    assert_eq!(m["role"], "system");
    m["content"].as_str().unwrap().to_string()
}

db_test!(async fn the_system_prompt_sent_to_the_model_states_the_rules(b) {
    let (app, fake) = openai_app_with(b, vec![text("ok")], &[]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    for agent in ["market", "price", "news"] {
        ask(&app, &t, c, agent, "hello").await;
    }
    assert_eq!(fake.requests().len(), 3);
    for (i, agent) in ["market", "price", "news"].iter().enumerate() {
        let p = system_prompt(&fake, i);
        for rule in [
            "Answer only from your tool results and this conversation",
            "Never state a figure",
            "with its unit, its scenario or period",
            "the source file",
            "synthetic sample data",
            "Never combine two units",
            "say what could not be matched and what can be answered instead",
            "state no figure",
            "No inline code spans",
        ] {
            assert!(p.contains(rule), "{agent}: {rule:?} missing from {p}");
        }
        // Only the market agent has the expert tool, and is told when to use it
        // (streaming.md §11).
        assert_eq!(p.contains("call offer_expert_contact with reason data_unavailable"), *agent == "market", "{agent}: {p}");
        assert_eq!(p.contains("never invent a source"), *agent == "news", "{agent}: {p}");
    }
});

db_test!(async fn unknown_names_years_outside_the_data_and_empty_selections_are_tool_errors_naming_what_exists(b) {
    let (app, fake) = openai_app_with(b, vec![
        // market: 0..=4
        call("query_market_data", r#"{"territory": "Atlantis"}"#),
        call("query_market_data", r#"{"territory": "Italy", "year": 2040}"#),
        call("query_market_data", r#"{"territory": "Italy", "scenario": "Forecast - High", "year": 2016}"#),
        call("chart_market_data", r#"{"territory": "Italy", "scenario": "optimistic"}"#),
        text("The data does not hold that."),
        // prices: 5..=9
        call("query_prices", r#"{"item": "Unobtainium"}"#),
        call("query_prices", r#"{"item": "Cell", "region": "USA"}"#),
        call("query_prices", r#"{"item": "Module", "technology": "perovskite"}"#),
        call("query_prices", r#"{"item": "Module", "region": "China", "start_date": "2030-01-01"}"#),
        text("The data does not hold that."),
        // financials: 10..=13
        call("query_financials", r#"{"company": "Acme Solar"}"#),
        call("query_financials", r#"{"company": "Helios", "metric": "EBITDA"}"#),
        call("query_financials", r#"{"company": "Helios", "metric": "Revenue", "start_year": 2030}"#),
        text("The data does not hold that."),
        // documents: 14..=15
        call("search_documents", r#"{"query": "zebra xylophone"}"#),
        text("No document covers that."),
    ], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    for (agent, q) in [("market", "Atlantis?"), ("price", "unobtainium?"), ("manufacturer_financial", "Acme?"), ("leo_om", "zebras?")] {
        let (events, _) = ask(&app, &t, c, agent, q).await;
        assert_eq!(types(&events).last().unwrap(), "done", "{agent}: {events:?}");
    }
    assert_eq!(fake.requests().len(), 16);
    let r = |i| tool_result(&fake, i);

    // An unknown territory names the known ones.
    let e = r(1);
    assert!(e.starts_with("Tool error: invalid arguments: unknown territory \"Atlantis\" (known: "), "{e}");
    for known in ["Italy", "Germany", "World"] {
        assert!(e.contains(known), "{e}");
    }
    // A year outside the data names the range covered.
    let e = r(2);
    assert!(e.starts_with("Tool error: no data: years 2040 are outside the market data for Italy, which covers 2015-2030"), "{e}");
    // Valid filters that select nothing: the filters applied and the years each scenario holds.
    let e = r(3);
    assert!(e.starts_with("Tool error: no data: no rows match these filters"), "{e}");
    assert!(e.contains("\"years\":\"2016\"") && e.contains("Forecast - High"), "{e}");
    assert!(e.contains("Historical Primary 2015-2024") && e.contains("Forecast - High 2025-2030"), "{e}");
    // An unknown scenario names the scenarios (a chart tool too).
    let e = r(4);
    assert!(e.starts_with("Tool error: invalid arguments: unknown scenario \"optimistic\""), "{e}");
    assert!(e.contains("Forecast - Most probable"), "{e}");

    let e = r(6);
    assert!(e.starts_with("Tool error: invalid arguments: unknown item \"Unobtainium\" (known: "), "{e}");
    assert!(e.contains("Module") && e.contains("Wafer"), "{e}");
    // Cells are priced in China and the EU only: the combination names the series that exist.
    let e = r(7);
    assert!(e.starts_with("Tool error: no data: no price series matches these filters"), "{e}");
    assert!(e.contains("\"region\":[\"US\"]") && e.contains("Cell in China") && e.contains("Cell in EU"), "{e}");
    let e = r(8);
    assert!(e.starts_with("Tool error: invalid arguments: unknown technology \"perovskite\" (known: "), "{e}");
    assert!(e.contains("n-type TOPCon"), "{e}");
    let e = r(9);
    assert!(e.starts_with("Tool error: no data: no observations for dates from 2030-01-01: the matching series cover 2023-"), "{e}");
    assert!(e.contains("Module in China"), "{e}");

    let e = r(11);
    assert!(e.starts_with("Tool error: invalid arguments: unknown company \"Acme Solar\" (known: "), "{e}");
    assert!(e.contains("Helios Modules Ltd (sample)"), "{e}");
    let e = r(12);
    assert!(e.starts_with("Tool error: invalid arguments: unknown metric \"EBITDA\" (known: "), "{e}");
    assert!(e.contains("Revenue") && e.contains("Gross margin"), "{e}");
    let e = r(13);
    assert!(e.starts_with("Tool error: no data: no figures for years from 2030: the matching figures cover"), "{e}");
    assert!(e.contains("Helios Modules Ltd (sample) Revenue by quarter (2023 to 2024)"), "{e}");

    // A search that finds nothing says so, with what was searched.
    let d: Value = serde_json::from_str(&r(15)).unwrap();
    assert_eq!(d["passages"], json!([]));
    assert_eq!(d["filters"]["collection"], json!(["om"]));
    assert_eq!(d["filters"]["terms"], json!(["zebra", "xylophone"]));
    assert!(d["notes"][0].as_str().unwrap().starts_with("No passage matches"), "{d}");
});

db_test!(async fn successful_tool_results_carry_unit_filters_and_source_file(b) {
    let (app, fake) = openai_app_with(b, vec![
        call("query_market_data", r#"{"territory": "italia", "start_year": 2010, "end_year": 2016, "type": "cumulative"}"#),
        call("query_prices", r#"{"item": "modules", "region": "Europe", "technology": "TOPCon"}"#),
        call("query_financials", r#"{"company": "Helios", "metric": "revenue"}"#),
        call("search_documents", r#"{"query": "module prices"}"#),
        text("Done."),
    ], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "weaviate", "Italy, modules, Helios, news").await;
    assert_eq!(fake.requests().len(), 5);
    let r = |i| -> Value { serde_json::from_str(&tool_result(&fake, i)).unwrap() };

    let m = r(1);
    assert_eq!(m["source"], "sample-market.csv");
    assert_eq!(m["sample_data"], true);
    assert!(m["sample_notice"].as_str().unwrap().contains("synthetic"));
    assert_eq!(m["unit"], "MW (DC)");
    assert_eq!(m["filters"]["territory"], json!(["Italy"]));
    assert_eq!(m["filters"]["years"], "2010-2016");
    assert_eq!(m["filters"]["connection"], json!(["Total"]));
    assert_eq!(m["filters"]["type"], "Cumulative");
    assert!(m["filters"]["scenario"].as_str().unwrap().starts_with("default: Historical"));
    assert_eq!(m["years_in_rows"], "2015-2016", "the data starts in 2015");
    assert!(m["notes"].to_string().contains("No rows before 2015"), "{m}");
    assert_eq!(m["columns"], json!(["territory", "year", "scenario", "connection", "type", "capacity_mw"]));
    assert_eq!(m["rows"][0][0], "Italy");
    assert_eq!(m["rows"].as_array().unwrap().len(), 2);

    let p = r(2);
    assert_eq!(p["source"], "sample-prices.csv");
    assert_eq!(p["sample_data"], true);
    assert_eq!(p["filters"]["item"], json!(["Module"]));
    assert_eq!(p["filters"]["region"], json!(["EU"]));
    // Every description with the word, as matched; the rows are those of modules in the EU.
    assert_eq!(p["filters"]["technology"], json!(["n-type TOPCon", "n-type TOPCon M10"]));
    assert_eq!(p["series_count"], 1);
    assert_eq!(p["filters"]["dates"], "all");
    let units = p["units"].as_array().unwrap();
    assert_eq!(units.len(), 1, "{p}");
    let s = &p["series"][0];
    assert_eq!(s["unit"], units[0]);
    assert_eq!((s["item"].as_str(), s["region"].as_str()), (Some("Module"), Some("EU")));
    assert!(s["latest"]["date"].as_str().unwrap().starts_with("2024-"), "{s}");

    let f = r(3);
    assert_eq!(f["source"], "sample-financials.csv");
    assert_eq!(f["filters"]["company"], json!(["Helios Modules Ltd (sample)"]));
    assert_eq!(f["filters"]["metric"], json!(["Revenue"]));
    assert_eq!(f["filters"]["period_type"], "quarter");
    assert_eq!(f["columns"], json!(["company", "period", "metric", "value", "unit"]));
    let rows = f["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 8, "eight quarters");
    assert!(rows.iter().all(|r| r[4] == "USD million"), "{f}");

    let d = r(4);
    assert_eq!(d["filters"]["collection"], "all");
    assert_eq!(d["filters"]["terms"], json!(["module", "prices"]));
    let first = &d["passages"][0];
    assert!(first["source"].as_str().unwrap().starts_with("sample-"), "{first}");
    assert_eq!(first["sample"], true);
    assert!(first["title"].is_string() && first["collection"].is_string(), "{first}");
});

db_test!(async fn a_tool_outside_the_agents_list_is_refused(b) {
    let (app, fake) = openai_app_with(b, vec![
        call("query_prices", r#"{"item": "Module"}"#),
        text("I can only answer about installations."),
    ], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "module prices?").await;
    let e = tool_result(&fake, 1);
    assert!(e.starts_with("Tool error: unknown tool query_prices (this agent's tools: query_market_data"), "{e}");
});

db_test!(async fn after_a_failed_lookup_the_market_agents_expert_offer_asks_for_approval(b) {
    let (app, fake) = openai_app_with(b, vec![
        call("query_market_data", r#"{"territory": "Atlantis", "type": "Annual"}"#),
        Reply::ToolCall {
            text: "The data holds no figures for Atlantis; it covers Italy, Germany and others. Our experts offer tailored analysis. Shall I connect you?",
            name: "offer_expert_contact",
            arguments: r#"{"reason": "data_unavailable"}"#,
            lenient: false,
        },
    ], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (events, full) = ask(&app, &t, c, "market", "BESS in Atlantis?").await;
    // two chunks: the sentences that ended while streaming, then the rest at the end of the round
    assert_eq!(types(&events), ["processing", "chunk", "chunk", "status", "approval_request", "done"]);
    let offer = &events[4].1;
    assert_eq!(offer["approval_question"], "Would you like to proceed and reach the expert?");
    assert_eq!(offer["context"], "expert_contact");
    assert_eq!(offer["conversation_id"], c.to_string());
    assert!(full.starts_with("The data holds no figures for Atlantis"), "{full}");
    // The model saw the error naming the known territories before it made the offer.
    assert_eq!(fake.requests().len(), 2, "the offer ends the turn");
    let e = tool_result(&fake, 1);
    assert!(e.starts_with("Tool error: invalid arguments: unknown territory \"Atlantis\"") && e.contains("Italy"), "{e}");
    let msgs = app.get(&format!("/api/v1/conversations/{c}/messages"), Some(&t)).await.json();
    let last: Value = serde_json::from_str(msgs.as_array().unwrap().last().unwrap()["content"].as_str().unwrap()).unwrap();
    assert_eq!(last["type"], "approval_request");
    assert_eq!(last["value"], full.as_str());
});

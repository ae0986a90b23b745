//! On the OpenAI-compatible path every figure of the model's text is checked
//! against the turn's tool results before it is shown (`agents::figures`); a sentence with a
//! figure the data does not hold is replaced by a notice and counted; code blocks never reach the
//! user. Against the scripted fake server; the expected figures are read from the sample file.

use std::time::Duration;

use serde_json::Value;

use crate::support::answers::{ask, conversation};
use crate::support::chat::openai_app_with;
use crate::support::fake_llm::{FakeLlm, Reply};
use crate::support::*;
use solarintel::agents::figures::NOTICE;

const MARKET_CALL: &str = r#"{"territory": "Italy", "year": 2024}"#;

/// Italy's annual installations in 2024 in the sample file, MW.
fn italy_2024() -> f64 {
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/sample/market.csv"
    ))
    .unwrap();
    csv.lines()
        .find_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[..5] == ["Italy", "2024", "Historical Primary", "Total", "Annual"])
                .then(|| c[5].parse().unwrap())
        })
        .expect("Italy 2024 in the sample")
}

/// 6800 → "6,800".
fn thousands(v: f64) -> String {
    let s = format!("{}", v.round() as i64);
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn market_call() -> Reply {
    Reply::ToolCall {
        text: "",
        name: "query_market_data",
        arguments: MARKET_CALL,
        lenient: false,
    }
}

fn text(parts: Vec<&'static str>) -> Reply {
    Reply::Text(parts, Duration::ZERO)
}

/// The tool result the fake received with its second request.
fn tool_result(fake: &FakeLlm) -> Value {
    let r = fake.requests();
    let last = r[1]["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["role"], "tool");
    serde_json::from_str(last["content"].as_str().unwrap()).unwrap()
}

fn unchecked_total(app: &TestApp, agent: &str) -> u64 {
    let m = solarintel::http::metrics::render(&app.state);
    let series = format!("solarintel_unchecked_figures_total{{agent=\"{agent}\"}} ");
    m.lines()
        .find_map(|l| {
            l.strip_prefix(series.as_str())
                .map(|v| v.trim().parse().unwrap())
        })
        .unwrap_or_else(|| panic!("no {series} in {m}"))
}

fn chunks(events: &[(String, Value)]) -> Vec<String> {
    events
        .iter()
        .filter(|(_, e)| e["type"] == "chunk")
        .map(|(_, e)| e["content"].as_str().unwrap().to_string())
        .collect()
}

/// The text of the last bot message stored in the conversation.
async fn stored(app: &TestApp, t: &str, c: i64) -> String {
    let msgs = app
        .get(&format!("/api/v1/conversations/{c}/messages"), Some(t))
        .await
        .json();
    let last = msgs
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["sender"] == "bot")
        .expect("a bot message")
        .clone();
    let content: Value = serde_json::from_str(last["content"].as_str().unwrap()).unwrap();
    content["value"].as_str().unwrap().to_string()
}

db_test!(async fn a_figure_the_tool_returned_is_shown_in_mw_and_in_gw(b) {
    let mw = italy_2024();
    let sentence = leak(format!("Italy installed {} MW in 2024 ({:.1} GW). ", thousands(mw), mw / 1000.0));
    let (app, fake) = openai_app_with(b, vec![market_call(), text(vec!["Per the data, ", sentence, "It leads the sample."])], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (events, full) = ask(&app, &t, c, "market", "How much did Italy install in 2024?").await;
    let result = tool_result(&fake);
    let source = result["source"].as_str().unwrap();
    assert!(result.to_string().contains(&format!("{mw}")), "the tool returned the figure: {result}");
    // held back sentence by sentence, each shown once checked, then the source line
    let shown = chunks(&events);
    assert_eq!(shown[0], format!("Per the data, {sentence}"));
    assert_eq!(shown[1], "It leads the sample.");
    assert!(shown[2].starts_with(&format!("\n\nSource: {source}.")), "{shown:?}");
    assert!(full.starts_with(&format!("Per the data, {sentence}It leads the sample.\n\nSource: {source}.")), "{full}");
    assert!(!full.contains(NOTICE), "{full}");
    assert_eq!(stored(&app, &t, c).await, full);
    assert_eq!(unchecked_total(&app, "market"), 0);
});

db_test!(async fn a_wrong_figure_is_replaced_by_the_notice_and_counted(b) {
    let mw = italy_2024();
    let wrong = thousands(mw * 1.5 + 7.0);
    let right = leak(format!("Italy installed {} MW in 2024. ", thousands(mw)));
    let bad = leak(format!("Its base grew to {wrong} MW"));
    let (app, fake) = openai_app_with(b, vec![market_call(), text(vec![right, bad, " that year. ", "A strong year."])], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (events, full) = ask(&app, &t, c, "market", "How much did Italy install in 2024?").await;
    let result = tool_result(&fake).to_string();
    assert!(!result.contains(&wrong.replace(',', "")), "the wrong figure is not in the data: {result}");
    let shown = chunks(&events);
    assert_eq!(shown[..3], [right.to_string(), format!("{NOTICE} "), "A strong year.".to_string()]);
    assert!(shown.iter().all(|c| !c.contains(&wrong)), "{shown:?}");
    assert!(!full.contains(&wrong) && full.starts_with(&format!("{right}{NOTICE} A strong year.")), "{full}");
    assert_eq!(stored(&app, &t, c).await, full, "the stored answer is what was shown");
    assert_eq!(unchecked_total(&app, "market"), 1);
    assert_eq!(unchecked_total(&app, "price"), 0);
});

db_test!(async fn without_a_tool_call_no_figure_is_shown(b) {
    // The SmolLM2 case of the issue: no tool called, a figure stated, then code.
    let (app, fake) = openai_app_with(b, vec![text(vec![
        "The PV installation for Italy in 2024 is around 137,850 MW. ",
        "It grew 12% on 2023. ",
        "Ask me about another country.",
    ])], &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (events, full) = ask(&app, &t, c, "market", "What is the PV installation for Italy in 2024?").await;
    assert_eq!(fake.requests().len(), 1);
    assert_eq!(full, format!("{NOTICE} Ask me about another country."), "one notice for the two sentences, no source line");
    assert!(chunks(&events).iter().all(|c| !c.contains("137,850") && !c.contains("12%")));
    assert_eq!(stored(&app, &t, c).await, full);
    assert_eq!(unchecked_total(&app, "market"), 2, "each left-out figure is counted");
    // a year and a figure of the question are not figures to check
    let (app, _fake) = openai_app_with(b, vec![text(vec!["Nothing in the data is above 17,000 MW for 2024."])], &[]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (_, full) = ask(&app, &t, c, "market", "Which countries installed more than 17,000 MW in 2024?").await;
    assert_eq!(full, "Nothing in the data is above 17,000 MW for 2024.");
    assert_eq!(unchecked_total(&app, "market"), 0);
});

db_test!(async fn code_blocks_are_dropped_and_inline_code_unwrapped(b) {
    let (app, _fake) = openai_app_with(b, vec![text(vec![
        "The `market` agent reads `query_market_data`.\n",
        "```py",
        "thon\nprint(137850)\n",
        "```\n",
        "Ask about a country and a year.\n",
        "~~~\nnever closed",
    ])], &[]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let (events, full) = ask(&app, &t, c, "news", "How do I ask?").await;
    assert_eq!(full, "The market agent reads query_market_data.\nAsk about a country and a year.\n");
    assert!(chunks(&events).iter().all(|c| !c.contains('`') && !c.contains("print")));
    assert_eq!(stored(&app, &t, c).await, full);
    assert_eq!(unchecked_total(&app, "news"), 0, "a figure inside dropped code is not counted");
});

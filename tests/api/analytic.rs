//! On the OpenAI-compatible path a model only chooses the operation; the
//! market tool computes every figure. A scripted fake model calls `query_market_data` once per
//! operation; each tool result carries the exact figure, checked here against figures computed
//! independently from the sample file. A figure the model then copies from `computed` reaches
//! the user unchanged (the figure check finds it in the tool result).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::support::answers::{ask, conversation};
use crate::support::chat::openai_app_with;
use crate::support::fake_llm::{FakeLlm, Reply};
use solarintel::agents::figures::NOTICE;

/// Historical Primary, Total connection, Annual figures of the sample file: territory → year → MW.
fn sample() -> BTreeMap<String, BTreeMap<i32, f64>> {
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/sample/market.csv"
    ))
    .unwrap();
    let mut out: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for l in csv.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        if c[2..5] == ["Historical Primary", "Total", "Annual"] {
            out.entry(c[0].to_string())
                .or_default()
                .insert(c[1].parse().unwrap(), c[5].parse().unwrap());
        }
    }
    out
}

/// The `computed` figures of a tool result: (series, measure) → (value, period).
fn figures(result: &Value) -> Vec<(String, String, f64, String)> {
    result["computed"]["figures"]
        .as_array()
        .unwrap_or_else(|| panic!("no computed figures: {result}"))
        .iter()
        .map(|f| {
            (
                f["series"].as_str().unwrap().to_string(),
                f["measure"].as_str().unwrap().to_string(),
                f["value"].as_f64().unwrap(),
                f["period"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn one(fs: &[(String, String, f64, String)], series: &str, measure: &str) -> (f64, String) {
    fs.iter()
        .find(|f| f.0 == series && f.1 == measure)
        .map(|f| (f.2, f.3.clone()))
        .unwrap_or_else(|| panic!("no {measure} of {series:?} in {fs:?}"))
}

/// Equal as the tool rounds: MW to 0.1, % and ratios to 0.01.
fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs()
            <= 0.0051 + want.abs() * 1e-12 + if want.abs() > 100.0 { 0.05 } else { 0.0 },
        "{what}: got {got}, want {want}"
    );
}

fn call(arguments: &'static str) -> Reply {
    Reply::ToolCall {
        text: "",
        name: "query_market_data",
        arguments,
        lenient: false,
    }
}

/// The tool result the fake received with request `i` (0-based).
fn tool_result(fake: &FakeLlm, i: usize) -> Value {
    let r = fake.requests();
    let last = r[i]["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["role"], "tool");
    serde_json::from_str(last["content"].as_str().unwrap()).unwrap()
}

const CALLS: [&str; 13] = [
    r#"{"territory": ["Italy"], "year": 2024, "operation": "lookup"}"#,
    r#"{"territory": ["Italy"], "start_year": 2020, "end_year": 2024, "operation": "series"}"#,
    r#"{"year": 2024, "operation": "rank", "count": 3}"#,
    r#"{"territory": ["Italy"], "year": 2024, "operation": "share"}"#,
    r#"{"territory": ["Spain"], "start_year": 2020, "end_year": 2024, "operation": "change"}"#,
    r#"{"territory": ["Germany", "France"], "year": 2024, "operation": "compare"}"#,
    r#"{"territory": ["Italy"], "start_year": 2015, "end_year": 2024, "operation": "max"}"#,
    r#"{"territory": ["Italy"], "start_year": 2015, "end_year": 2024, "operation": "min"}"#,
    r#"{"territory": ["Italy"], "start_year": 2020, "end_year": 2024, "operation": "average"}"#,
    r#"{"territory": ["Italy"], "start_year": 2020, "end_year": 2024, "operation": "sum"}"#,
    r#"{"territory": ["Italy"], "start_year": 2015, "end_year": 2024, "operation": "first"}"#,
    r#"{"territory": ["Italy"], "start_year": 2015, "end_year": 2024, "operation": "latest"}"#,
    r#"{"territory": ["Italy"], "start_year": 2015, "end_year": 2024, "operation": "threshold", "level_mw": 2000}"#,
];

db_test!(async fn a_model_chooses_the_operation_and_the_tool_computes_every_figure(b) {
    let data = sample();
    let it = &data["Italy"];
    let es = &data["Spain"];
    // Spain's CAGR 2020–2024, as the model will state it from the tool result.
    let cagr = ((es[&2024] / es[&2020]).powf(0.25) - 1.0) * 100.0;
    let stated: &'static str = Box::leak(format!("Spain grew at a CAGR of {cagr:.2}% a year. ").into_boxed_str());
    let mut script = Vec::new();
    for (i, c) in CALLS.iter().enumerate() {
        script.push(call(c));
        script.push(Reply::Text(vec![if i == 4 { stated } else { "Done. " }], Duration::ZERO));
    }
    let (app, fake) = openai_app_with(b, script, &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    let mut answers = Vec::new();
    for _ in CALLS {
        let (_, full) = ask(&app, &t, c, "market", "Compute it").await;
        answers.push(full);
    }
    let f = |i: usize| figures(&tool_result(&fake, 2 * i + 1));
    // lookup
    close(one(&f(0), "Italy", "value").0, it[&2024], "lookup");
    // series: every year
    let s = f(1);
    for y in 2020..=2024 {
        let got = s.iter().find(|x| x.3 == y.to_string()).unwrap().2;
        close(got, it[&y], &format!("series {y}"));
    }
    // rank: the countries (never World) by 2024, top 3, shares of the ranked countries
    let mut countries: Vec<(&String, f64)> = data.iter().filter(|(k, _)| *k != "World").map(|(k, v)| (k, v[&2024])).collect();
    countries.sort_by(|a, b| b.1.total_cmp(&a.1));
    let total: f64 = countries.iter().map(|c| c.1).sum();
    let r = result_rank(&tool_result(&fake, 5));
    assert_eq!(r.len(), 3, "{r:?}");
    for (i, (name, v)) in countries.iter().take(3).enumerate() {
        assert_eq!(&r[i].0, *name);
        close(r[i].1, *v, "rank value");
        close(one(&f(2), name, "share_pct").0, v / total * 100.0, "rank share");
    }
    // share of World
    close(one(&f(3), "Italy", "share_pct").0, it[&2024] / data["World"][&2024] * 100.0, "share");
    // change, % and CAGR
    let ch = f(4);
    close(one(&ch, "Spain", "change").0, es[&2024] - es[&2020], "change");
    close(one(&ch, "Spain", "change_pct").0, (es[&2024] / es[&2020] - 1.0) * 100.0, "change %");
    close(one(&ch, "Spain", "cagr_pct").0, cagr, "CAGR");
    // compare: difference and ratio of the first against the second
    let (de, fr) = (data["Germany"][&2024], data["France"][&2024]);
    close(one(&f(5), "Germany", "difference").0, de - fr, "difference");
    close(one(&f(5), "Germany", "ratio").0, de / fr, "ratio");
    // extremes with their year
    let (max_y, max_v) = it.iter().max_by(|a, b| a.1.total_cmp(b.1)).unwrap();
    let (min_y, min_v) = it.iter().min_by(|a, b| a.1.total_cmp(b.1)).unwrap();
    assert_eq!(one(&f(6), "Italy", "max"), (*max_v, max_y.to_string()));
    assert_eq!(one(&f(7), "Italy", "min"), (*min_v, min_y.to_string()));
    let five: Vec<f64> = (2020..=2024).map(|y| it[&y]).collect();
    close(one(&f(8), "Italy", "average").0, five.iter().sum::<f64>() / 5.0, "average");
    close(one(&f(9), "Italy", "sum").0, five.iter().sum::<f64>(), "sum");
    assert_eq!(one(&f(10), "Italy", "first"), (it[&2015], "2015".into()));
    assert_eq!(one(&f(11), "Italy", "latest"), (it[&2024], "2024".into()));
    let (reached_y, reached_v) = it.iter().find(|(_, v)| **v >= 2000.0).unwrap();
    assert_eq!(one(&f(12), "Italy", "reached"), (*reached_v, reached_y.to_string()));
    // The model's figure taken from `computed` is shown as written, with no notice.
    assert!(answers[4].starts_with(stated), "{}", answers[4]);
    assert!(answers.iter().all(|a| !a.contains(NOTICE)), "{answers:?}");
});

/// A ranking's (series, value) in rank order.
fn result_rank(result: &Value) -> Vec<(String, f64)> {
    let mut v: Vec<(usize, String, f64)> = result["computed"]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["measure"] == "value")
        .map(|f| {
            (
                f["rank"].as_u64().unwrap() as usize,
                f["series"].as_str().unwrap().to_string(),
                f["value"].as_f64().unwrap(),
            )
        })
        .collect();
    v.sort_by_key(|x| x.0);
    v.into_iter().map(|x| (x.1, x.2)).collect()
}

db_test!(async fn an_operation_the_data_cannot_compute_is_said_in_the_tool_result(b) {
    let script = vec![
        call(r#"{"territory": ["Italy"], "type": "Cumulative", "start_year": 2020, "end_year": 2024, "operation": "sum"}"#),
        Reply::Text(vec!["I cannot add those up."], Duration::ZERO),
        call(r#"{"territory": ["Mars Region"], "operation": "rank"}"#),
        Reply::Text(vec!["No."], Duration::ZERO),
        call(r#"{"territory": ["Italy"], "operation": "threshold"}"#),
        Reply::Text(vec!["No."], Duration::ZERO),
    ];
    let (app, fake) = openai_app_with(b, script, &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    for _ in 0..3 {
        ask(&app, &t, c, "market", "Compute it").await;
    }
    let sum = tool_result(&fake, 1);
    assert!(sum["computed"]["error"].as_str().unwrap().contains("do not add up"), "{sum}");
    let reqs = fake.requests();
    let content = |i: usize| reqs[i]["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_string();
    // An unknown territory and a threshold without a level are argument errors the model reads.
    assert!(content(3).contains("Mars Region"), "{}", content(3));
    assert!(content(5).contains("level_mw"), "{}", content(5));
});

/// Rows of a sample CSV file as column → value maps.
fn csv(name: &str) -> Vec<BTreeMap<String, String>> {
    let text =
        std::fs::read_to_string(format!("{}/data/sample/{name}", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

db_test!(async fn prices_and_financials_compute_their_operations_too(b) {
    let script = vec![
        call_tool("query_prices", r#"{"item": ["Module"], "technology": ["n-type TOPCon", "PERC"], "region": ["China"], "end_date": "2024-12-31", "operation": "compare"}"#),
        Reply::Text(vec!["Done."], Duration::ZERO),
        call_tool("query_financials", r#"{"metric": ["Revenue"], "start_year": 2024, "end_year": 2024, "operation": "share"}"#),
        Reply::Text(vec!["Done."], Duration::ZERO),
        call_tool("query_prices", r#"{"item": ["Module"], "region": ["China"], "operation": "share"}"#),
        Reply::Text(vec!["Done."], Duration::ZERO),
    ];
    let (app, fake) = openai_app_with(b, script, &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "Premium of TOPCon over PERC?").await;
    ask(&app, &t, c, "manufacturer_financial", "Revenue shares?").await;
    ask(&app, &t, c, "price", "Share of modules?").await;
    // The price premium: the two series' last prices of 2024, their difference and ratio.
    let prices = csv("prices.csv");
    let last = |tech: &str| -> f64 {
        prices
            .iter()
            .filter(|r| r["item"] == "Module" && r["region"] == "China" && r["description"].contains(tech) && r["date"].as_str() <= "2024-12-31")
            .max_by(|a, b| a["date"].cmp(&b["date"]))
            .map(|r| r["base_price"].parse().unwrap())
            .unwrap()
    };
    let fs = figures(&tool_result(&fake, 1));
    let diff = fs.iter().find(|f| f.1 == "difference").unwrap_or_else(|| panic!("{fs:?}"));
    let (a, b) = if diff.0.contains("TOPCon") { (last("TOPCon"), last("PERC")) } else { (last("PERC"), last("TOPCon")) };
    close(diff.2, a - b, "price difference");
    let ratio = fs.iter().find(|f| f.1 == "ratio").unwrap();
    close(ratio.2, a / b, "price ratio");
    // Revenue shares of the companies' total in the last quarter of 2024.
    let fin = csv("financials.csv");
    let q4: Vec<(String, f64)> = fin.iter().filter(|r| r["metric"] == "Revenue" && r["period"] == "2024-Q4").map(|r| (r["company"].clone(), r["value"].parse().unwrap())).collect();
    let total: f64 = q4.iter().map(|x| x.1).sum();
    let fs = figures(&tool_result(&fake, 3));
    for (company, v) in &q4 {
        close(one(&fs, company, "share_pct").0, v / total * 100.0, company);
    }
    // A share of prices is refused in the result, with the reason.
    let refused = tool_result(&fake, 5);
    assert!(refused["computed"]["error"].as_str().unwrap().contains("not a part of a whole"), "{refused}");
});

fn call_tool(name: &'static str, arguments: &'static str) -> Reply {
    Reply::ToolCall {
        text: "",
        name,
        arguments,
        lenient: false,
    }
}

db_test!(async fn a_model_ranks_countries_by_their_change(b) {
    // rank_by change_pct, order lowest: the countries by their change in % from 2023 to 2024,
    // the largest fall first, each with both years' figures and both changes.
    let data = sample();
    let mut pct: Vec<(&String, f64)> = data
        .iter()
        .filter(|(k, _)| *k != "World")
        .map(|(k, v)| (k, (v[&2024] / v[&2023] - 1.0) * 100.0))
        .collect();
    pct.sort_by(|a, b| a.1.total_cmp(&b.1));
    let script = vec![
        call(r#"{"start_year": 2023, "end_year": 2024, "operation": "rank", "rank_by": "change_pct", "order": "lowest", "count": 2}"#),
        Reply::Text(vec!["Done. "], Duration::ZERO),
    ];
    let (app, fake) = openai_app_with(b, script, &[("SAMPLE_DATA", "true")]).await;
    let t = app.admin("ada@example.com").await;
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Which two countries fell the most in %?").await;
    let result = tool_result(&fake, 1);
    let f = figures(&result);
    let ranked: Vec<String> = result["computed"]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["measure"] == "change_pct")
        .map(|x| x["series"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ranked,
        pct.iter().take(2).map(|p| p.0.clone()).collect::<Vec<_>>(),
        "{result}"
    );
    for (name, p) in pct.iter().take(2) {
        close(one(&f, name, "change_pct").0, *p, "change %");
        close(one(&f, name, "change").0, data[*name][&2024] - data[*name][&2023], "change");
        close(one(&f, name, "first").0, data[*name][&2023], "first");
    }
});

//! How the built-in provider reads analysts' questions. Each test failed before the
//! fix it names; figures are computed here from the sample files or from a file written here,
//! never typed in.

use std::fmt::Write as _;

use crate::support::answers::{ask, conversation, market_value, sample_app, thousands};
use crate::support::signed_pct;

const HIST: &str = "Historical Primary";
const MOST_PROBABLE: &str = "Forecast - Most probable";

fn share(part: f64, whole: f64) -> String {
    format!("{:.1}%", part / whole * 100.0)
}

/// States no figure: every number is a year, or a number the question itself gave.
fn declines(text: &str) -> bool {
    text.contains("could not") || text.contains("cannot")
}

db_test!(async fn the_three_facts_of_issue_21_hold_again(b) {
    let (app, t) = sample_app(b).await;
    // The scenario's own name, read as "the" + "most probable" (not "the most" + "probable").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What is the most probable forecast for Italy's annual PV installations in 2030?").await;
    assert!(text.contains(&thousands(market_value("Italy", "2030", MOST_PROBABLE, "Total", "Annual"))), "{text}");
    // "at the end of" a year is that year's figure.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What was the cumulative installed PV capacity of Italy at the end of 2024?").await;
    assert!(text.contains(&thousands(market_value("Italy", "2024", HIST, "Total", "Cumulative"))), "{text}");
    // "install" counts what was added that year, not the installed base.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much PV capacity did Italy install in 2024?").await;
    let added = market_value("Italy", "2024", HIST, "Total", "Annual");
    let base = market_value("Italy", "2024", HIST, "Total", "Cumulative");
    assert!(text.contains(&thousands(added)) && !text.contains(&thousands(base)), "{text}");
});

db_test!(async fn percentages_are_shares_or_changes_and_follow_ups_keep_the_operation(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str, conn: &str| market_value(c, y, HIST, conn, "Annual");
    // "%" is a word: the share of the country's total, not the distributed MW.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "what % of Poland's 2024 installs were distributed?").await;
    assert!(text.contains(&share(v("Poland", "2024", "Distributed"), v("Poland", "2024", "Total"))), "{text}");
    // The follow-up asks the same share for another country.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What share of Italy's 2024 PV additions was distributed?").await;
    let (_, text) = ask(&app, &t, c, "market", "and for Germany?").await;
    assert!(text.contains(&share(v("Germany", "2024", "Distributed"), v("Germany", "2024", "Total"))), "{text}");
    // A percentage with a change is the change in %, not a share of World.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "By what percentage did Spain's annual PV installations change between 2023 and 2024?").await;
    let (a, z) = (v("Spain", "2023", "Total"), v("Spain", "2024", "Total"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
    assert!(!text.contains(&share(z, v("World", "2024", "Total"))), "{text}");
    // A total over a span of years is their sum.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "total german rooftop additions 2021-2023?").await;
    let sum: f64 = ["2021", "2022", "2023"].iter().map(|y| v("Germany", y, "Distributed")).sum();
    assert!(text.contains(&thousands(sum)), "{text}");
    // A ranking's follow-up with another year ranks again.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Which 3 countries installed the most solar in 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "And in 2021?").await;
    assert!(text.contains("2021") && text.contains("| 3 |") && !text.contains("| 4 |"), "{text}");
    // A level is the first year a figure reached it, over the whole history.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "First year Poland added more than 1 GW?").await;
    let first = (2015..=2024).find(|y| v("Poland", &y.to_string(), "Total") >= 1000.0).unwrap();
    let at = v("Poland", &first.to_string(), "Total");
    assert!(text.contains(&format!("first reached 1,000 MW in **{first}**, with **{}", thousands(at))), "{text}");
    // Follow-ups keep the level; a level with another operation declines rather than being dropped.
    let (_, text) = ask(&app, &t, c, "market", "and Spain?").await;
    let first = (2015..=2024).find(|y| v("Spain", &y.to_string(), "Total") >= 1000.0).unwrap();
    assert!(text.contains(&format!("**Spain**: first reached 1,000 MW in **{first}**")), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Average additions of Poland above 1 GW?").await;
    assert!(declines(&text) && !text.contains(&thousands(at)), "{text}");
});

/// A market file shaped like the real CSV: history 2008–2024 with Italy's record in 2011 (outside
/// the last ten years), an aggregate, and forecast cumulative values that are running sums of
/// forecast additions only. Returns the file and Italy's installed base at the end of 2024.
fn real_like_csv(dir: &std::path::Path) -> (std::path::PathBuf, f64) {
    let mut csv = String::from("Territory,Year,Scenario,Connection,Type,Capacity(MW)\n");
    let mut base = 0.0;
    for y in 2008..=2024 {
        let v = if y == 2011 {
            9539.0
        } else {
            300.0 + f64::from(y - 2008) * 250.0
        };
        base += v;
        for (t, k, cum) in [
            ("Italy", v, base),
            ("Spain", v / 2.0, base / 2.0),
            ("Europe", v * 3.0, base * 3.0),
            ("RoW", v * 4.0, base * 4.0),
        ] {
            writeln!(csv, "{t},{y},{HIST},Total,Annual,{k}").unwrap();
            writeln!(csv, "{t},{y},{HIST},Total,Cumulative,{cum}").unwrap();
        }
    }
    let mut running = 0.0;
    for (y, v) in [(2025, 1000.0), (2026, 1100.0)] {
        running += v;
        writeln!(csv, "Italy,{y},{MOST_PROBABLE},Total,Annual,{v}").unwrap();
        writeln!(csv, "Italy,{y},{MOST_PROBABLE},Total,Cumulative,{running}").unwrap();
    }
    let f = dir.join("real-like.csv");
    std::fs::write(&f, csv).unwrap();
    (f, base)
}

db_test!(async fn records_read_the_whole_history_and_running_sums_are_no_installed_base(b) {
    let (app, t) = sample_app(b).await;
    let dir = tempfile::tempdir().unwrap();
    let (file, base) = real_like_csv(dir.path());
    solarintel::data::ingest::ingest_file(app.db(), solarintel::data::Kind::Market, &file, None,
        &mut solarintel::data::ingest::Progress::hidden()).await.unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What was Italy's record year for new PV installations?").await;
    assert!(text.contains("**2011**") && text.contains(&thousands(9539.0)), "{text}");
    assert!(text.contains("2008–2024"), "the answer names the years it read: {text}");
    // "history up to 2024" bounds the record's end, not its start.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "In which year did Italy install the most PV, looking at history up to 2024, and how much?").await;
    assert!(text.contains("**2011**") && text.contains("2008–2024"), "{text}");
    // "capacity installed that year" ranks the year's additions, not the installed base.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "2011 was the big feed-in-tariff year. Rank the top five countries by capacity installed that year.").await;
    assert!(text.contains("annual installations") && text.contains(&thousands(9539.0)), "{text}");
    // The file's forecast cumulative values are running sums (2,100 MW in 2026, far below the
    // installed base of 2024): never stated as an installed base.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What will Italy's cumulative PV fleet be in 2026 in the most probable scenario?").await;
    assert!(text.contains("do not include the installed base") && !text.contains("2,100"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy's cumulative capacity from 2023 to 2026").await;
    assert!(text.contains(&thousands(base)) && !text.contains("2,100"), "{text}");
    assert!(text.contains("Forecast years are left out"), "{text}");
    // The examples of a refusal are built from the loaded data, its years included.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much wind capacity did Italy add in 2012?").await;
    assert!(declines(&text) && text.contains("in 2024*") && text.contains("in 2026 in the high scenario"), "{text}");
    assert!(!text.contains("2030"), "{text}");
    // A ranking within a region ranks the region's countries of the data (Italy and Spain, not
    // the Europe total); within a region whose countries are not known, it declines.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which country was Europe's biggest solar market in 2012?").await;
    assert!(text.contains("**Italy**, with **1,300 MW") && text.contains("| 2 | Spain | 650 |"), "{text}");
    assert!(text.contains("Shares are of the 2 countries of Europe in the data (Italy, Spain)"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which country was RoW's biggest solar market in 2012?").await;
    assert!(declines(&text) && text.contains("which countries RoW holds") && !text.contains(&thousands(1300.0)), "{text}");
});

/// A share as the answers print it: one decimal, two below 1 %.
fn share_printed(part: f64, whole: f64) -> String {
    let p = part / whole * 100.0;
    if p.abs() < 1.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

db_test!(async fn analysts_phrasing_is_read(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str, s: &str, conn: &str, k: &str| market_value(c, y, s, conn, k);
    // Context is read past; a small share keeps two decimals (0.16 %, not 0.2 %).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Client sells solar home systems. How big is off-grid as a share of Italy's total installed PV base (end 2024)?").await;
    let want = share_printed(v("Italy", "2024", HIST, "Off-grid", "Cumulative"), v("Italy", "2024", HIST, "Total", "Cumulative"));
    assert!(want.starts_with("0.") && text.contains(&want), "{want} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "For the board deck: what were Spain's annual installations in 2023?").await;
    assert!(text.contains(&thousands(v("Spain", "2023", HIST, "Total", "Annual"))), "{text}");
    // "2025-30" is a span of years; "total ... over" a span is their sum.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Total German additions over 2025-30 in the high scenario?").await;
    let sum: f64 = (2025..=2030).map(|y| v("Germany", &y.to_string(), "Forecast - High", "Total", "Annual")).sum();
    assert!(text.contains(&thousands(sum)), "{text}");
    // "the most probable number": the scenario, not "the most" and a word read past.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What did Italy install in 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "ok and what's the most probable number for 2030?").await;
    assert!(text.contains(&thousands(v("Italy", "2030", MOST_PROBABLE, "Total", "Annual"))), "{text}");
    // A follow-up with no period asks for the previous question's month.
    let june_eu = crate::support::answers::sample_rows("prices.csv").into_iter()
        .find(|r| r["item"] == "Polysilicon" && r["region"] == "EU" && r["date"] == "2024-06-01" && r["description"].contains("9N"))
        .unwrap();
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "China 9N polysilicon price in June 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "same for the EU").await;
    let want = format!("{:.3}", june_eu["base_price"].parse::<f64>().unwrap());
    assert!(text.contains(&want), "{want} in {text}");
    // Words of the trade the data does not hold decline; companies are ranked in a quarter.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Hiring is our bottleneck. How many people work in PV installation in Italy?").await;
    assert!(declines(&text) && !text.contains(" MW"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Which manufacturer had the highest gross margin in 2024-Q4?").await;
    let fin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/financials.csv")).unwrap();
    let mut q4: Vec<(String, f64)> = fin
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[1] == "2024-Q4" && c[2] == "Gross margin").then(|| (c[0].to_string(), c[3].parse().unwrap()))
        })
        .collect();
    q4.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert!(q4.len() > 1 && text.contains(&format!("By Gross margin in 2024-Q4, **{}** comes first", q4[0].0)), "{text}");
    for (i, (company, _)) in q4.iter().enumerate() {
        assert!(text.contains(&format!("| {} | {company} |", i + 1)), "{company} ranked {} in {text}", i + 1);
    }
});

db_test!(async fn a_year_before_or_after_and_an_ordinal_place_are_read(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // "and the year before?": the previous question's year, moved; then a change between the two.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much did Spain add in 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "hmm, and the year before?").await;
    assert!(text.contains("Spain · 2022") && text.contains(&thousands(v("Spain", "2022"))), "{text}");
    let (_, text) = ask(&app, &t, c, "market", "so how much did it change in %").await;
    let pct = (v("Spain", "2023") / v("Spain", "2022") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // With nothing before it, "the year before" is not guessed.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What did Spain add the year before?").await;
    assert!(declines(&text) && text.contains("\"the year before\"") && !text.contains(" MW"), "{text}");
    // "the second largest market": the ranking up to it, which states it.
    let mut by_country: Vec<(String, f64)> = ["Germany", "Spain", "Italy", "France", "Poland", "Netherlands"]
        .iter()
        .map(|c| (c.to_string(), v(c, "2024")))
        .collect();
    by_country.sort_by(|a, b| b.1.total_cmp(&a.1));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which country was the second largest market in 2024?").await;
    let (second, value) = &by_country[1];
    assert!(text.contains(&format!("| 2 | {second} | {} |", thousands(*value))), "{text}");
    assert!(!text.contains("| 3 |"), "{text}");
    // "German PV additions 2024?", "and France?", "combined?": the two places summed, not the
    // last one alone.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "German PV additions 2024?").await;
    ask(&app, &t, c, "market", "and France?").await;
    let (_, text) = ask(&app, &t, c, "market", "combined?").await;
    assert!(text.contains(&format!("**{}**", thousands(v("Germany", "2024") + v("France", "2024")))), "{text}");
    // "Which five countries ...?" then "... do those five hold together?": the five's share.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Which five countries added the most PV in 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "What share of the world total do those five hold together?").await;
    let five: f64 = by_country.iter().take(5).map(|(_, x)| x).sum();
    let want = format!("{:.1}%", five / v("World", "2024") * 100.0);
    assert!(text.contains(&want), "{want} in {text}");
    // A peak in a named forecast scenario is over that scenario's years.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "In the low scenario, which year do Italian additions peak?").await;
    let low = |y: i32| market_value("Italy", &y.to_string(), "Forecast - Low", "Total", "Annual");
    let peak = (2025..=2030).max_by(|a, b| low(*a).total_cmp(&low(*b))).unwrap();
    assert!(text.contains(&format!("the highest was in **{peak}**, with **{}", thousands(low(peak)))), "{text}");
});

db_test!(async fn losses_totals_of_a_forecast_and_which_region(b) {
    let (app, t) = sample_app(b).await;
    let fin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/financials.csv")).unwrap();
    let fy: Vec<(String, f64)> = fin
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c.get(1) == Some(&"FY2024") && c[2] == "Net income").then(|| (c[0].to_string(), c[3].parse().unwrap()))
        })
        .collect();
    // "Which of the module makers lost money in FY2024?": the companies with a loss, each with it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "which of the module makers lost money in FY2024 and by how much?").await;
    assert!(text.contains("Read as: Net income ·") && !text.contains("shipments"), "{text}");
    let losers: Vec<&(String, f64)> = fy.iter().filter(|(_, v)| *v < 0.0).collect();
    assert!(!losers.is_empty(), "the sample has a loss-making year");
    for (company, v) in &fy {
        if *v < 0.0 {
            assert!(text.contains(&format!("**{v:.1} USD million**")), "{company} in {text}");
        } else {
            assert!(text.contains(&format!("**{company}**: no loss")), "{company} in {text}");
        }
    }
    // Another technology a question points back to is not read past.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy is famous for rooftop solar water heaters - how many of those are installed there?").await;
    assert!(declines(&text) && text.contains("another technology") && !text.contains(" MW"), "{text}");
    // A total of a forecast span is its sum, not the years listed.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Total French PV additions expected 2025 to 2030, most probable scenario?").await;
    let sum: f64 = (2025..=2030).map(|y| market_value("France", &y.to_string(), "Forecast - Most probable", "Total", "Annual")).sum();
    assert!(text.contains(&thousands(sum)), "{sum} in {text}");
    // "and which region is the cheapest ...?": across the regions, not the one asked before.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "What's the latest China price for p-type PERC M10 modules?").await;
    let (_, text) = ask(&app, &t, c, "price", "and which region is the cheapest for this module?").await;
    for region in ["China", "EU", "US", "India"] {
        assert!(text.contains(&format!("PERC M10 Module ({region}) |")), "{region} in {text}");
    }
});

db_test!(async fn a_reading_the_data_holds_no_figures_for_is_said(b) {
    let (app, t) = sample_app(b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atlantis.csv");
    std::fs::write(
        &path,
        "Territory,Year,Scenario,Connection,Type,Capacity(MW)\n\
         Atlantis,2023,Historical Primary,Total,Annual,4321\n\
         Atlantis,2024,Historical Primary,Total,Cumulative,9000\n",
    )
    .unwrap();
    solarintel::data::ingest::ingest_file(app.db(), solarintel::data::Kind::Market, &path, None, &mut solarintel::data::ingest::Progress::hidden())
        .await
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Annual installations in Atlantis in 2024?").await;
    assert!(text.contains("The loaded data holds no figures for this question as I read it: \"annual installations · Atlantis · 2024\""), "{text}");
    assert!(declines(&text) && !text.contains(" MW"), "{text}");
});

db_test!(async fn figure_bearing_answers_start_with_how_the_question_was_read(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "By what percentage did Spain's annual PV installations change between 2023 and 2024?").await;
    assert!(text.starts_with("*Read as: annual installations · Spain · change · 2023 → 2024.*"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "Latest TOPCon module price in China?").await;
    assert!(text.starts_with("*Read as: Module · ") && text.contains("China") && text.contains("latest"), "{text}");
    // A refusal states no figure and no reading.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much wind capacity did Italy add in 2023?").await;
    assert!(declines(&text) && !text.contains("Read as"), "{text}");
});

db_test!(async fn follow_ups_that_point_back_or_name_only_a_quarter(b) {
    let (app, t) = sample_app(b).await;
    // "that" points back: the previous question's territory and year, compared in %.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Our Polish partner is nervous. Poland's installations in 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "how does that compare with 2023 in %?").await;
    let (a, z) = (market_value("Poland", "2023", HIST, "Total", "Annual"), market_value("Poland", "2024", HIST, "Total", "Annual"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
    // A quarter without a year is that quarter of the previous question's year.
    let q4 = crate::support::answers::sample_rows("financials.csv").into_iter()
        .find(|r| r["company"].starts_with("Helios") && r["period"] == "2024-Q4" && r["metric"] == "Gross margin")
        .unwrap();
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "manufacturer_financial", "Helios gross margin in 2024-Q1?").await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "and in Q4?").await;
    assert!(text.contains("2024-Q4") && text.contains(&q4["value"]), "{} in {text}", q4["value"]);
});

db_test!(async fn the_trades_phrasing_goes_through_the_analytic_query(b) {
    let (app, t) = sample_app(b).await;
    let hist = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // A story around a question that pins its year is read past; without a year it declines.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Writing a piece on Spain's solar boom — how much PV did Spain install in 2023?").await;
    assert!(text.contains(&thousands(hist("Spain", "2023"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How big was Spain's solar boom?").await;
    assert!(declines(&text) && text.contains("\"boom\""), "{text}");
    // Scenarios compared: "high minus low" is the difference of the two forecasts.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Scenario spread for Germany 2030 additions - high minus low?").await;
    let high = market_value("Germany", "2030", "Forecast - High", "Total", "Annual");
    let low = market_value("Germany", "2030", "Forecast - Low", "Total", "Annual");
    assert!(text.contains(&format!("Forecast - High minus Forecast - Low: **{}", thousands(high - low))), "{text}");
    // "How many times bigger": the ratio of the two countries.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How many times bigger was Germany's 2024 market than Italy's?").await;
    assert!(text.contains(&format!("{:.2} times Italy's figure", hist("Germany", "2024") / hist("Italy", "2024"))), "{text}");
    // A region's countries ranked ("EU member states" names no more than the EU).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which 3 EU member states installed the most PV in 2024?").await;
    let mut eu: Vec<(&str, f64)> = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"].iter().map(|c| (*c, hist(c, "2024"))).collect();
    eu.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (i, (name, v)) in eu.iter().take(3).enumerate() {
        assert!(text.contains(&format!("| {} | {name} | {} |", i + 1, thousands(*v))), "{name} in {text}");
    }
    assert!(!text.contains("| 4 |"), "{text}");
    // Such a region has no figure of its own where the data does not hold it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "EU additions in 2024?").await;
    assert!(declines(&text) && text.contains("holds no figures for EU as a whole"), "{text}");
    // A level in the question that no operation uses declines, echoing what the question wrote;
    // in a sentence of context before the question it is read past.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany's additions in 2030 with the plan at 215 GW?").await;
    assert!(declines(&text) && text.contains("\"215 gw\"") && !text.contains(&thousands(high)), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "The plan aims at 215 GW by 2030. Germany's additions in 2030?").await;
    let mp = market_value("Germany", "2030", "Forecast - Most probable", "Total", "Annual");
    assert!(text.contains(&thousands(mp)) && !text.contains("215"), "{text}");
    // "us" in lower case is the pronoun, not the US.
    let fin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/financials.csv")).unwrap();
    let (company, capacity) = fin
        .lines()
        .find_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0].starts_with("Aurora") && c[1] == "2024-Q4" && c[2] == "Production capacity").then(|| (c[0].to_string(), c[3].to_string()))
        })
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Aurora says they can scale supply for us. Aurora production capacity in Q4 2024?").await;
    assert!(text.contains(&company) && text.contains(&capacity), "{capacity} in {text}");
    // A change from a historical year into a forecast scenario reads each year in its own.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy's installed base: what CAGR from end-2024 to 2030 on the most probable path?").await;
    let c2024 = market_value("Italy", "2024", HIST, "Total", "Cumulative");
    let c2030 = market_value("Italy", "2030", MOST_PROBABLE, "Total", "Cumulative");
    let cagr = ((c2030 / c2024).powf(1.0 / 6.0) - 1.0) * 100.0;
    assert!(text.contains(&format!("CAGR {} a year over 6 years", signed_pct(cagr))), "{cagr:+.1} in {text}");
    // "If the high scenario plays out": the condition is the scenario.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "If the high scenario plays out, how much will Germany add in total over 2025-2030?").await;
    let total: f64 = (2025..=2030).map(|y| market_value("Germany", &y.to_string(), "Forecast - High", "Total", "Annual")).sum();
    assert!(text.contains(&thousands(total)), "{} in {text}", thousands(total));
    // One company's quarters added up, by the tool's sum; a margin does not add up.
    let quarters: f64 = fin
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0].starts_with("SunForge") && c[1].starts_with("2024-Q") && c[2] == "Net income").then(|| c[3].parse::<f64>().unwrap())
        })
        .sum();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Add up SunForge's quarterly net income for Q1-Q4 2024 - what's the total?").await;
    assert!(text.contains(&format!("**{quarters:.1} USD million**")) || text.contains(&format!("**{} USD million**", quarters)), "{quarters} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Sum of SunForge's quarterly gross margins in 2024?").await;
    assert!(declines(&text) && text.contains("do not add up"), "{text}");
    // "best" is not guessed for a price; a connection's share is of one territory at a time.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "What's the best module price in China?").await;
    assert!(declines(&text) && text.contains("lowest or the highest"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What share of Italy's and Spain's 2024 additions was distributed?").await;
    assert!(declines(&text) && text.contains("one territory at a time"), "{text}");
    // A price change between two months is over the dates they span.
    let prices = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/prices.csv")).unwrap();
    let at = |date: &str| -> f64 {
        prices
            .lines()
            .find_map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                (c[0] == "Polysilicon" && c[2] == date && c[6] == "China").then(|| c[4].parse().unwrap())
            })
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "How much did polysilicon in China change from Jan 2023 to Dec 2024, in %?").await;
    let pct = (at("2024-12-01") / at("2023-01-01") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
});

db_test!(async fn context_sentences_chains_and_first_years(b) {
    let (app, t) = sample_app(b).await;
    let hist = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // A sentence of context is read past; the question takes from it what it does not name.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Our Italian distributor says the market doubled. Italy added how much PV in 2024?").await;
    assert!(text.contains(&thousands(hist("Italy", "2024"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Spain is our core market. What did it add in 2023?").await;
    assert!(text.contains(&thousands(hist("Spain", "2023"))), "{text}");
    // Context that may narrow the question is not read past: another technology declines. A
    // segment named in a story before the question describes the asker: the answer is for all
    // connections and says so; named after the question, the segment is asked for.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We also cover battery storage. How much did Spain add in 2024?").await;
    assert!(declines(&text) && !text.contains(&thousands(hist("Spain", "2024"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Base case for a French rooftop platform. France's additions in 2024?").await;
    assert!(text.contains(&thousands(hist("France", "2024"))) && text.contains("total connection"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "France's additions in 2024? For our rooftop platform.").await;
    assert!(declines(&text) && text.contains("name it in the question"), "{text}");
    // ... which prices, that have no connections, read past.
    let prices = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/prices.csv")).unwrap();
    let eu_topcon = prices
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Module" && c[1] == "n-type TOPCon" && c[6] == "EU").then(|| (c[2].to_string(), c[4].parse::<f64>().unwrap()))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "Quoting a rooftop job in Germany. What's the latest TOPCon module price for Europe?").await;
    assert!(text.contains(&format!("{:.3} US$/Wp", eu_topcon.1)), "{eu_topcon:?} in {text}");
    // A place lent to prices that is no price region declines instead of answering all regions.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "Module prices landed in Germany - latest TOPCon quote?").await;
    assert!(declines(&text) && text.contains("germany"), "{text}");
    // A company named only by "its" in a question after an unknown name declines.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Meyer Burger is the usual example of distress. What was its revenue in FY2024?").await;
    assert!(declines(&text), "{text}");
    // A follow-up of a declined question declines instead of answering on its own defaults.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What share of Spain's 2024 wind additions was offshore?").await;
    let (_, text) = ask(&app, &t, c, "market", "and Italy's?").await;
    assert!(declines(&text) && text.contains("question before this one"), "{text}");
    // A short question that does not say it follows is read on its own.
    let (_, text) = ask(&app, &t, c, "market", "Germany installed base").await;
    assert!(text.contains(&thousands(market_value("Germany", "2024", HIST, "Total", "Cumulative"))), "{text}");
    // A chain of follow-ups reads the previous question as it was answered.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Germany 2026 additions forecast?").await;
    ask(&app, &t, c, "market", "low case?").await;
    let (_, text) = ask(&app, &t, c, "market", "and the high?").await;
    assert!(text.contains(&thousands(market_value("Germany", "2026", "Forecast - High", "Total", "Annual"))), "{text}");
    // ... and a change asked after it spans the years the chain named.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much PV did Spain add in 2019?").await;
    ask(&app, &t, c, "market", "what about 2021?").await;
    let (_, text) = ask(&app, &t, c, "market", "What's the % change between the two years?").await;
    let pct = (hist("Spain", "2021") / hist("Spain", "2019") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
    // The first year of a territory's series.
    let m = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/market.csv")).unwrap();
    let first = m
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "France" && c[2] == HIST && c[3] == "Total" && c[4] == "Annual").then(|| c[1].parse::<i32>().unwrap())
        })
        .min()
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Whats the first year we have for France, and how much was installed that year?").await;
    assert!(text.contains(&format!("starts in **{first}**")) && text.contains(&thousands(hist("France", &first.to_string()))), "{text}");
    // Every country ranked, smallest first.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Rank all the countries by 2024 additions, smallest first.").await;
    let mut countries: Vec<(f64, &str)> = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"].iter().map(|c| (hist(c, "2024"), *c)).collect();
    countries.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (i, (v, name)) in countries.iter().enumerate() {
        assert!(text.contains(&format!("| {} | {name} | {} |", i + 1, thousands(*v))), "{name} in {text}");
    }
    // Units as analysts write them, and both extremes of a price.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "germany installed base end of 2023? ballpark in GW is fine").await;
    assert!(text.contains(&thousands(market_value("Germany", "2023", HIST, "Total", "Cumulative"))), "{text}");
    let prices = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/prices.csv")).unwrap();
    let us: Vec<f64> = prices
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Module" && c[1] == "n-type TOPCon" && c[6] == "US").then(|| c[4].parse().unwrap())
        })
        .collect();
    let (lo, hi) = us.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "US TOPCon module: min and max over the whole series?").await;
    assert!(text.contains(&format!("{lo:.3}")) && text.contains(&format!("{hi:.3}")), "{lo} {hi} in {text}");
    // A fragment after the question asks for its unit; a change "vs" a year runs from it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "how much of Germany's 2024 market was distributed? in %").await;
    let d = market_value("Germany", "2024", HIST, "Distributed", "Annual");
    assert!(text.contains(&share(d, hist("Germany", "2024"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much did Spain grow vs 2022, in %?").await;
    let pct = (hist("Spain", "2024") / hist("Spain", "2022") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
    // A price averaged over one month is the mean of that month's observations.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "Average EU TOPCon module price during June 2024?").await;
    let june: Vec<f64> = prices
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Module" && c[1] == "n-type TOPCon" && c[6] == "EU" && c[2].starts_with("2024-06")).then(|| c[4].parse().unwrap())
        })
        .collect();
    let mean = june.iter().sum::<f64>() / june.len() as f64;
    assert!(text.contains(&format!("{mean:.4} US$/Wp")), "{mean} in {text}");
    // What the data does not hold, or an operation alone that is not computed, declines.
    for (agent, q) in [
        ("manufacturer_financial", "What's Nordlicht Solar's current market capitalisation?"),
        ("price", "When did EU TOPCon modules first trade in your data?"),
        ("market", "Peak year for Dutch annual installs over the whole series (hist + most probable forecast)?"),
    ] {
        let c = conversation(&app, &t).await;
        let (_, text) = ask(&app, &t, c, agent, q).await;
        assert!(declines(&text), "{q}: {text}");
    }
    // A manufacturer's change between two quarters, and two full years compared.
    let fin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/financials.csv")).unwrap();
    let at = |period: &str| -> f64 {
        fin.lines()
            .find_map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                (c[0] == "Helios Modules Ltd (sample)" && c[1] == period && c[2] == "Net income").then(|| c[3].parse().unwrap())
            })
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Helios' net income: how much did it fall between 2023-Q1 and 2024-Q4 (in USD m)?").await;
    assert!(text.contains(&format!("{:+.1} USD million", at("2024-Q4") - at("2023-Q1"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Helios net income FY2023 vs FY2024?").await;
    let fy = |y: &str| ["Q1", "Q2", "Q3", "Q4"].iter().map(|q| at(&format!("{y}-{q}"))).sum::<f64>();
    let c2 = conversation(&app, &t).await;
    let (_, total) = ask(&app, &t, c2, "manufacturer_financial", "Helios total net income for 2024?").await;
    assert!(total.contains(&format!("{:.1} USD million", fy("2024"))), "{total}");
    let (a, z) = (fy("2023"), fy("2024"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
});

db_test!(async fn conditions_peaks_and_the_same_for_another_place(b) {
    let (app, t) = sample_app(b).await;
    // A loss is a condition on the periods: the first quarter with one, not Q1's figure.
    let fin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/financials.csv")).unwrap();
    let aurora: Vec<(String, f64)> = fin
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Aurora PV Group (sample)" && c[1].starts_with("2024-Q") && c[2] == "Net income").then(|| (c[1].to_string(), c[3].parse().unwrap()))
        })
        .collect();
    let (period, loss) = aurora.iter().find(|(_, v)| *v < 0.0).expect("the sample has a loss-making quarter");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Aurora PV — first quarter of 2024 with a net loss, and how big?").await;
    assert!(text.contains(&format!("{period} **{loss} USD million**")) && !text.contains(&format!("{} USD", aurora[0].1)), "{text}");
    // A price change "from that peak" starts at the highest observation.
    let prices = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/prices.csv")).unwrap();
    let hjt: Vec<f64> = prices
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Module" && c[1] == "n-type HJT" && c[6] == "China").then(|| c[4].parse().unwrap())
        })
        .collect();
    let peak = hjt.iter().copied().fold(f64::MIN, f64::max);
    let pct = (hjt.last().unwrap() / peak - 1.0) * 100.0;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "HJT modules in China: what was the peak price and how far (in %) has it dropped from that peak to the latest?").await;
    assert!(text.contains(&format!("{peak:.3}")) && text.contains(&signed_pct(pct)), "{peak} {pct:+.1}% in {text}");
    // A measure the data does not hold declines, also beside a comparison of technologies.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "How efficient are n-type TOPCon modules compared to PERC?").await;
    assert!(declines(&text) && text.contains("efficient"), "{text}");
    // "do the same for Poland" keeps the operation, the years and the scenario.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "what CAGR does the most probable scenario imply for Germany's annual market from 2025 to 2030?").await;
    let (_, text) = ask(&app, &t, c, "market", "could you do the same for poland").await;
    let (a, z) = (market_value("Poland", "2025", "Forecast - Most probable", "Total", "Annual"), market_value("Poland", "2030", "Forecast - Most probable", "Total", "Annual"));
    let cagr = ((z / a).powf(1.0 / 5.0) - 1.0) * 100.0;
    assert!(text.contains(&format!("CAGR {}", signed_pct(cagr))), "{cagr:+.1}% in {text}");
    // "y/y change vs 2022" after a question about 2023 runs 2022 → 2023, not to the latest year.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Spain PV adds 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "y/y change vs 2022 in %?").await;
    let pct = (market_value("Spain", "2023", HIST, "Total", "Annual") / market_value("Spain", "2022", HIST, "Total", "Annual") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)) && !text.contains("2024"), "{pct:+.1}% in {text}");
    // "high and low" of a price are its extremes; a follow-up keeps the technology it names
    // none of, and a change from one month alone is not guessed.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "China HJT module: high and low?").await;
    let low = hjt.iter().copied().fold(f64::MAX, f64::min);
    assert!(text.contains(&format!("{peak:.3}")) && text.contains(&format!("{low:.3}")), "{text}");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "PERC M10 module px China June 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "and Dec 2024?").await;
    assert!(text.contains("PERC M10") && !text.contains("HJT") && !text.contains("TOPCon"), "{text}");
    let (_, text) = ask(&app, &t, c, "price", "and how much did it move by Dec 2024, in %?").await;
    assert!(declines(&text), "{text}");
    // The record "of 2024" is over the whole history; a change "since the series started" runs
    // from its first observation; "from Jan 2024 to Dec 2024" reads the year once.
    let m = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/market.csv")).unwrap();
    let (record, year) = m
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0] == "Poland" && c[2] == HIST && c[3] == "Total" && c[4] == "Annual").then(|| (c[5].parse::<f64>().unwrap(), c[1].to_string()))
        })
        .fold((f64::MIN, String::new()), |a, b| if b.0 > a.0 { b } else { a });
    assert_ne!(year, "2024", "the sample's Polish record is before the year asked");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Is 2024 a record year for Poland or was there a bigger year? Give me Poland's record annual market.").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(record)), "{year} {record} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "How much have China HJT module prices fallen since the start of that series? In % please.").await;
    let pct = (hjt.last().unwrap() / hjt[0] - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "How much did the China HJT module price move from Jan 2024 to Dec 2024, in %?").await;
    assert!(text.contains("2024-01-01") && text.contains("2024-12-01"), "{text}");
    // A measure of the grid the data does not hold declines.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much PV was curtailed in Germany in 2024 because of grid congestion?").await;
    assert!(declines(&text) && text.contains("curtailed"), "{text}");
    // A topic's connection is the question's; "only" beside a connection restricts nothing more.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "utility scale (centralised) additions 2024 - top three countries pls").await;
    let mut central: Vec<(f64, &str)> = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"].iter().map(|c| (market_value(c, "2024", HIST, "Centralised", "Annual"), *c)).collect();
    central.sort_by(|a, b| b.0.total_cmp(&a.0));
    assert!(text.contains(&format!("| 1 | {} | {} |", central[0].1, thousands(central[0].0))), "{central:?} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italian additions in 2023 — the centralised segment only, in MW please.").await;
    assert!(text.contains(&thousands(market_value("Italy", "2023", HIST, "Centralised", "Annual"))), "{text}");
    // "what % ... vs the country total" of one country and year is the segment's share.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany 2024: what % of the new PV was distributed (rooftop) vs the country total?").await;
    let part = share(market_value("Germany", "2024", HIST, "Distributed", "Annual"), market_value("Germany", "2024", HIST, "Total", "Annual"));
    assert!(text.contains(&part), "{part} in {text}");
    // "the annual growth rate of the cumulative fleet" is the fleet's CAGR; both kinds named
    // with a computation decline.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What's the implied annual growth rate of Germany's cumulative PV fleet from 2024 to 2030, most probable case?").await;
    assert!(text.contains("cumulative") && !text.contains("annual installations"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany's cumulative capacity growth from annual additions 2020 to 2024, CAGR?").await;
    assert!(declines(&text), "{text}");
    // A change from an actual year to a forecast year, both scenarios named.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "what CAGR do Germany's annual additions need from 2024 (actual) to 2030 in the most probable scenario?").await;
    let cagr = ((market_value("Germany", "2030", "Forecast - Most probable", "Total", "Annual") / market_value("Germany", "2024", HIST, "Total", "Annual")).powf(1.0 / 6.0) - 1.0) * 100.0;
    assert!(text.contains(&format!("CAGR {}", signed_pct(cagr))), "{cagr:+.1}% in {text}");
    // A bare "%" after a topic keeps the topic's change; two years of one country compared "in %
    // terms" is the change; "installed PV bases" are cumulative; a topic's "together" sums.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "italy 2024 vs 2023 yoy — MW and %").await;
    let pct = (market_value("Italy", "2024", HIST, "Total", "Annual") / market_value("Italy", "2023", HIST, "Total", "Annual") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How do Germany's expected 2030 additions (most probable case) compare with its actual 2024 additions, in % terms?").await;
    let pct = (market_value("Germany", "2030", "Forecast - Most probable", "Total", "Annual") / market_value("Germany", "2024", HIST, "Total", "Annual") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct:+.1}% in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Whats the gap between the German and Spanish installed PV bases at the end of 2024?").await;
    assert!(text.contains(&thousands(market_value("Spain", "2024", HIST, "Total", "Cumulative"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy, Spain and France together: total PV capacity added in 2024?").await;
    let sum: f64 = ["Italy", "Spain", "France"].iter().map(|c| market_value(c, "2024", HIST, "Total", "Annual")).sum();
    assert!(text.contains(&thousands(sum)), "{sum} in {text}");
    // A price change "between the two" runs between the months the two questions before named.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "China HJT module price in January 2024?").await;
    ask(&app, &t, c, "price", "and December 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "percentage change between the two?").await;
    let hjt = |month: &str| {
        crate::support::answers::sample_rows("prices.csv")
            .into_iter()
            .find(|r| r["item"] == "Module" && r["description"] == "n-type HJT" && r["region"] == "China" && r["date"].starts_with(month))
            .map(|r| r["base_price"].parse::<f64>().unwrap())
            .unwrap()
    };
    let pct = (hjt("2024-12") / hjt("2024-01") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // ... but a change with one month named in the whole chain is not guessed.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "China HJT module price in January 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "what's the percentage change?").await;
    assert!(declines(&text), "{text}");
    // A balance-sheet item the financials do not hold declines instead of listing every metric.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "How large are Nordlicht Solar's warranty provisions on the balance sheet?").await;
    assert!(declines(&text) && text.contains("warranty"), "{text}");
    // A word of the question's topic lends its meaning: "installed PV base" is cumulative.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "For my intro I need the three countries with the largest installed PV base at the end of 2024 - which are they and how big?").await;
    assert!(text.contains("cumulative") && text.contains(&thousands(market_value("Germany", "2024", HIST, "Total", "Cumulative"))), "{text}");
});

db_test!(async fn claims_stories_and_names_around_a_question(b) {
    let (app, t) = sample_app(b).await;
    let annual = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    let pct = |a: f64, z: f64| signed_pct((z / a - 1.0) * 100.0);
    // A company the data does not hold, in a topic before a dash, is the subject: declined, not
    // every company's revenue.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "LONGi's revenue for FY2024 — confirm the number for me?").await;
    assert!(declines(&text) && text.contains("longi") && !text.contains("Helios"), "{text}");
    // "Is it correct that ...?" checks a claim: the sentence beside it is what to compute.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Is it correct that the Spanish market contracted in 2024? Year-on-year change in Spain's PV additions, 2024 vs 2023, in MW and %.").await;
    let want = pct(annual("Spain", "2023"), annual("Spain", "2024"));
    assert!(text.contains(&want), "{want} in {text}");
    // A question naming nothing of its own takes its context's operation ("shrank ... By how
    // much?").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Claim in a Dutch trade paper: the Netherlands' market shrank in 2024. By how much, MW and %?").await;
    let want = pct(annual("Netherlands", "2023"), annual("Netherlands", "2024"));
    assert!(text.contains(&want) && !text.contains("Share"), "{want} in {text}");
    // The year of a claim around "in which year ...?" is not a filter; a short name ("Rome") is
    // not read as a near spelling of an operation ("rose").
    let cum: Vec<(i32, f64)> = (2015..=2024).map(|y| (y, market_value("Germany", &y.to_string(), HIST, "Total", "Cumulative"))).collect();
    let (year, value) = cum.iter().find(|(_, v)| *v > 50_000.0).copied().expect("the sample's Germany passes 50 GW");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "A German minister said the country crossed 50 GW installed in 2019. Check that: in which year did Germany's cumulative PV capacity first exceed 50 GW?").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(value)), "{year} {value} in {text}");
    let (year, record) = (2015..=2024).map(|y| (y, annual("Italy", &y.to_string()))).fold((0, f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "A Rome source calls 2024 Italy's record year for solar installations. Is that right? Looking only at actual (historical) installs, which year was Italy's biggest ever, and how many MW?").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(record)) && !text.contains("\"rose\""), "{year} {record} in {text}");
    // "summing 2025 to 2030" is a sum.
    let sum: f64 = (2025..=2030).map(|y| market_value("France", &y.to_string(), "Forecast - Low", "Distributed", "Annual")).sum();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Worst case for France: summing 2025 to 2030 in the low scenario, how many MW of distributed PV would be installed?").await;
    assert!(text.contains(&thousands(sum)), "{sum} in {text}");
    // "the difference" between two regions' latest prices is the gap between them, not a change
    // over time.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "3.2mm solar glass: latest price in the EU vs China, and the difference per m²?").await;
    assert!(text.contains("The gap between them is 0.838") && !text.contains("2023-01-01"), "{text}");
    // "Rank the countries" with no count ranks all of the sample's six, and "countries only, not
    // the world total" restates what a ranking is.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Rank the countries in your data by 2024 PV additions, biggest first (countries only, not the world total).").await;
    assert!(text.contains("| 6 |"), "{text}");
});

db_test!(async fn a_topic_keeps_its_operation_and_a_part_of_it_is_not_guessed(b) {
    let (app, t) = sample_app(b).await;
    // A topic's average is not dropped for the fragment after the dash.
    let avg = (2020..=2024).map(|y| market_value("Poland", &y.to_string(), HIST, "Total", "Annual")).sum::<f64>() / 5.0;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Polish average annual PV installation over 2020-2024 inclusive, please - the latest available five years.").await;
    assert!(text.contains(&format!("**{}", thousands(avg))) && text.contains("on average"), "{avg} in {text}");
    // "that month" is the story's month.
    let june = crate::support::answers::sample_rows("prices.csv").into_iter()
        .find(|r| r["item"] == "Module" && r["description"] == "n-type TOPCon" && r["region"] == "EU" && r["date"] == "2024-06-01")
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "Our last module order was placed in June 2024 and audit want to check we paid a fair rate. What was the n-type TOPCon module price in the EU that month?").await;
    let want = format!("{:.3}", june["base_price"].parse::<f64>().unwrap());
    assert!(text.contains(&want) && text.contains("2024-06"), "{want} in {text}");
    // A part of a figure named in words the data has no split for declines.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much PV did Germany add in 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "and how much of that went onto public buildings such as schools and town halls?").await;
    assert!(declines(&text) && text.contains("a kind of building or site the data does not hold"), "{text}");
    // "add those up" sums the list asked before.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Show me Italy's annual installations 2019 to 2022").await;
    let (_, text) = ask(&app, &t, c, "market", "add those up for me").await;
    let sum: f64 = (2019..=2022).map(|y| market_value("Italy", &y.to_string(), HIST, "Total", "Annual")).sum();
    assert!(text.contains(&thousands(sum)), "{sum} in {text}");
});

db_test!(async fn a_year_makes_installations_annual_and_a_sign_is_not_guessed(b) {
    let (app, t) = sample_app(b).await;
    let annual = |c: &str, y: &str, conn: &str| market_value(c, y, HIST, conn, "Annual");
    // "installed in Italy in 2022" is the year's additions, not the installed base.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Starting with the Italian market for our Union-level table. How much PV capacity was installed in Italy in 2022?").await;
    assert!(text.contains(&thousands(annual("Italy", "2022", "Total"))) && text.contains("annual installations"), "{text}");
    // "the Spanish market in 2024", "Poland's 2023 installations": the year's additions.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What share of the Spanish market in 2024 was centralised capacity?").await;
    let want = share(annual("Spain", "2024", "Centralised"), annual("Spain", "2024", "Total"));
    assert!(text.contains(&want), "{want} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What share of Poland's 2023 installations was distributed (rooftop) capacity?").await;
    let want = share(annual("Poland", "2023", "Distributed"), annual("Poland", "2023", "Total"));
    assert!(text.contains(&want), "{want} in {text}");
    // "fell in the distributed segment" beside a proportion places the part: no change.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What proportion of Germany's 2024 PV additions fell in the distributed segment?").await;
    let want = share(annual("Germany", "2024", "Distributed"), annual("Germany", "2024", "Total"));
    assert!(text.contains(&want) && !text.contains("Change in"), "{want} in {text}");
    // A sign as a condition ("a negative gross margin") is not computed: declined, not the
    // highest margin.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "In which quarters did Nordlicht Solar AG record a negative gross margin? Please list the periods as labelled (e.g. 2023-Q1).").await;
    assert!(declines(&text) && text.contains("negative"), "{text}");
});

db_test!(async fn a_stock_at_a_years_end_a_question_restated_and_a_year_as_a_whole(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str, conn: &str, kind: &str| market_value(c, y, HIST, conn, kind);
    // "the whole installed amount at the end of 2024" is the installed base, and "altogether"
    // of one figure is that figure (not a sum of one year's additions).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "how much solar power has Italy got altogether? i mean the whole installed amount at the end of 2024").await;
    let base = v("Italy", "2024", "Total", "Cumulative");
    assert!(text.contains(&thousands(base)) && !text.contains(&thousands(v("Italy", "2024", "Total", "Annual"))), "{text}");
    // "all solar installed worldwide (end of 2024)": a share of the installed base.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What percent of all solar installed worldwide (end of 2024) is in Germany?").await;
    let want = share(v("Germany", "2024", "Total", "Cumulative"), v("World", "2024", "Total", "Cumulative"));
    assert!(text.contains(&want), "{want} in {text}");
    // A sentence after a vague question says what it meant.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How utility-heavy is the Spanish market? Centralised as a share of Spain's adds in 2024.").await;
    let want = share(v("Spain", "2024", "Centralised", "Annual"), v("Spain", "2024", "Total", "Annual"));
    assert!(text.contains(&want), "{want} in {text}");
    // A story about another energy source around a question about solar is context.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "France has a lot of nuclear so I'm curious. By how many percent did France's yearly solar installs change from 2020 to 2024?").await;
    let (a, z) = (v("France", "2020", "Total", "Annual"), v("France", "2024", "Total", "Annual"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
    // "how many more MW ... compared with 2023" is the difference.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "how many more MW of solar did Spain add in 2024 compared with 2023?").await;
    let (a, z) = (v("Spain", "2023", "Total", "Annual"), v("Spain", "2024", "Total", "Annual"));
    assert!(text.contains(&thousands((z - a).abs())), "{text}");
    // "FY2024" of the (annual) market data is 2024.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy's new PV capacity in FY2024?").await;
    assert!(text.contains(&thousands(v("Italy", "2024", "Total", "Annual"))), "{text}");
    // A follow-up takes the peak year of the question before it, for another place.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Which year did Spain install the most solar?").await;
    let (_, text) = ask(&app, &t, c, "market", "what about Poland?").await;
    let rows = crate::support::answers::sample_rows("market.csv");
    let (peak_year, peak) = rows
        .iter()
        .filter(|r| r["Territory"] == "Poland" && r["Scenario"] == HIST && r["Connection"] == "Total" && r["Type"] == "Annual")
        .map(|r| (r["Year"].clone(), r["Capacity(MW)"].parse::<f64>().unwrap()))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert!(text.contains(&peak_year) && text.contains(&thousands(peak)), "{peak_year} {peak} in {text}");
    // The top three's combined share of World.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Combined share of world 2024 installs held by the top 3 countries? Need the CR3 for the memo.").await;
    let mut top: Vec<f64> = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"].iter().map(|c| v(c, "2024", "Total", "Annual")).collect();
    top.sort_by(|a, b| b.total_cmp(a));
    let want = share(top[..3].iter().sum(), v("World", "2024", "Total", "Annual"));
    assert!(text.contains(&format!("**{want}** of World")), "{want} in {text}");
    // "in 2024 overall" of a manufacturer is the full year, not its quarters.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Did SunForge make a loss in 2024 overall? how much?").await;
    let fy = crate::support::answers::sample_rows("financials.csv")
        .into_iter()
        .find(|r| r["company"] == "SunForge Energy (sample)" && r["period"] == "FY2024" && r["metric"] == "Net income")
        .map(|r| r["value"].clone())
        .unwrap();
    assert!(text.contains(&fy), "{fy} in {text}");
    // A change of one full year is from the year before.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Helios FY24 revenue, and YoY change?").await;
    let rev = |p: &str| -> f64 {
        crate::support::answers::sample_rows("financials.csv")
            .into_iter()
            .find(|r| r["company"] == "Helios Modules Ltd (sample)" && r["period"] == p && r["metric"] == "Revenue")
            .map(|r| r["value"].parse().unwrap())
            .unwrap()
    };
    let want = signed_pct((rev("FY2024") / rev("FY2023") - 1.0) * 100.0);
    assert!(text.contains(&want), "{want} in {text}");
});

db_test!(async fn shorthand_of_the_trade(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str, conn: &str| market_value(c, y, HIST, conn, "Annual");
    // "NL" is the Netherlands.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "NL installs 2024 vs 2023 yoy %?").await;
    let (a, z) = (v("Netherlands", "2023", "Total"), v("Netherlands", "2024", "Total"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
    // "DG" is the distributed segment.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "share of DG in Italy's 2024 additions?").await;
    assert!(text.contains(&share(v("Italy", "2024", "Distributed"), v("Italy", "2024", "Total"))), "{text}");
    // "MW more ... than": the difference; "jump" from one year to another: the change.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How many MW more did Germany install in 2024 than in 2022?").await;
    assert!(text.contains(&thousands(v("Germany", "2024", "Total") - v("Germany", "2022", "Total"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "By what percentage did Spain's annual installations jump from 2018 to 2019?").await;
    let (a, z) = (v("Spain", "2018", "Total"), v("Spain", "2019", "Total"));
    assert!(text.contains(&signed_pct((z / a - 1.0) * 100.0)), "{text}");
    // "yr" is a year.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "spain's record year for new PV — which yr and how much?").await;
    let rows = crate::support::answers::sample_rows("market.csv");
    let (peak_year, peak) = rows
        .iter()
        .filter(|r| r["Territory"] == "Spain" && r["Scenario"] == HIST && r["Connection"] == "Total" && r["Type"] == "Annual")
        .map(|r| (r["Year"].clone(), r["Capacity(MW)"].parse::<f64>().unwrap()))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert!(text.contains(&peak_year) && text.contains(&thousands(peak)), "{peak_year} {peak} in {text}");
    // Modules are what manufacturers ship.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024?").await;
    let (company, most) = crate::support::answers::sample_rows("financials.csv")
        .into_iter()
        .filter(|r| r["period"] == "FY2024" && r["metric"] == "Module shipments")
        .map(|r| (r["company"].clone(), r["value"].parse::<f64>().unwrap()))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert!(text.contains(&company) && !declines(&text), "{company} {most} in {text}");
});

db_test!(async fn second_language_and_retail_phrasing(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str, conn: &str| market_value(c, y, HIST, conn, "Annual");
    let rows = crate::support::answers::sample_rows("market.csv");
    let peak = |territory: &str, from: i32, to: i32| {
        rows.iter()
            .filter(|r| r["Territory"] == territory && r["Scenario"] == HIST && r["Connection"] == "Total" && r["Type"] == "Annual")
            .filter(|r| (from..=to).contains(&r["Year"].parse::<i32>().unwrap()))
            .map(|r| (r["Year"].clone(), r["Capacity(MW)"].parse::<f64>().unwrap()))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap()
    };
    // "(homes, businesses)" after a segment says what it holds; "self-consumption" is the
    // distributed segment.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "in italy what percent of 2023 installs were distributed systems (homes, businesses)?").await;
    assert!(text.contains(&share(v("Italy", "2023", "Distributed"), v("Italy", "2023", "Total"))), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "In Spain, how big part of the new capacity of 2024 was distributed (self-consumption)? In percent.").await;
    assert!(text.contains(&share(v("Spain", "2024", "Distributed"), v("Spain", "2024", "Total"))), "{text}");
    // "no forecasts" is the history; "not the regions" restates a ranking of countries.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "just actuals, no forecasts: which was spain's best year for new solar?").await;
    let (year, mw) = peak("Spain", 0, 9999);
    assert!(text.contains(&year) && text.contains(&thousands(mw)), "{year} {mw} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Please give me the top 5 countries for new PV installations in 2024 (countries only, not the regions).").await;
    assert!(!declines(&text) && !text.contains("| World |"), "{text}");
    // A request before the question is part of it; a claim about "the South" before both is
    // the story around it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Our colleagues of the South always say Italy is now faster than Spain. Compare please Spain and Italy for the new installations in 2024. Which one installed more and by how many MW?").await;
    let (s, i) = (v("Spain", "2024", "Total"), v("Italy", "2024", "Total"));
    assert!(text.contains(&thousands((s - i).abs())), "{s} {i} in {text}");
    // Of two sentences ending with "?", the one a question word starts is asked; a claim heard
    // on a forum is the story.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "germany apparently went nuts on solar recently, someone on reddit said like 15 GW?? how much did it actually install in 2024?").await;
    assert!(text.contains(&thousands(v("Germany", "2024", "Total"))), "{text}");
    // A topic's places are the question's: a region in another sentence is not lent.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We have delegation from Latin America next week. Spanish market compared to the Italian one in 2024 (annual additions): how many times bigger is Spain?").await;
    assert!(text.contains(&format!("{:.2}", s / i)), "{} in {text}", s / i);
    // "the whole world" is World.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much PV was installed in the whole world in 2024?").await;
    assert!(text.contains(&thousands(v("World", "2024", "Total"))), "{text}");
    // "Please as a chart" opens a follow-up: its peak year is the previous question's country's.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Can you show me the annual additions of Netherlands from 2015 until 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "Please as a chart. And tell me which year was the highest one, with the MW.").await;
    let (year, mw) = peak("Netherlands", 2015, 2024);
    assert!(text.contains(&year) && text.contains(&thousands(mw)), "{year} {mw} in {text}");
    // "the difference between the two" after two scenarios: the spread between them.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "World annual installations in 2030 in most probable scenario?").await;
    ask(&app, &t, c, "market", "and in the low scenario?").await;
    let (_, text) = ask(&app, &t, c, "market", "so how much is the difference between the two, in GW?").await;
    let spread = market_value("World", "2030", MOST_PROBABLE, "Total", "Annual") - market_value("World", "2030", "Forecast - Low", "Total", "Annual");
    assert!(text.contains(&thousands(spread)), "{spread} in {text}");
    // "historical high (actuals, not forecasts)" is the record of the history.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy's historical high for annual PV installs (actuals, not forecasts) — which year and how many MW?").await;
    let (year, mw) = peak("Italy", 0, 9999);
    assert!(text.contains(&year) && text.contains(&thousands(mw)), "{year} {mw} in {text}");
    // Financials: "who is better" compares; one company's two quarters compared.
    let fin = crate::support::answers::sample_rows("financials.csv");
    let gm = |company: &str, period: &str| {
        fin.iter()
            .find(|r| r["company"].starts_with(company) && r["period"] == period && r["metric"] == "Gross margin")
            .map(|r| r["value"].clone())
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Compare gross margin of Helios and Aurora in the fourth quarter of 2024. Who is better?").await;
    assert!(text.contains(&gm("Helios", "2024-Q4")) && text.contains(&gm("Aurora", "2024-Q4")), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "aurora pv gross margin, Q1 2023 vs Q4 2024 - how bad was the squeeze?").await;
    assert!(text.contains(&gm("Aurora", "2023-Q1")) && text.contains(&gm("Aurora", "2024-Q4")), "{text}");
    // A segment in a story before the question is read past (the answer says "total
    // connection"); a story that narrows to one still declines.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We celebrate the success of the prosumer programme. Which was the first year in which Germany installed more than 1 GW in one year?").await;
    assert!(text.contains("total connection") && !declines(&text), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We only look at residential. How much did Spain add in 2024?").await;
    assert!(declines(&text) && !text.contains(&thousands(v("Spain", "2024", "Total"))), "{text}");
});

db_test!(async fn a_group_label_and_a_negation_of_the_story(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // "southern Europe" beside the countries it groups is their label.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "For the southern Europe cluster: France + Spain + Italy combined 2024 additions?").await;
    assert!(text.contains(&thousands(v("France", "2024") + v("Spain", "2024") + v("Italy", "2024"))), "{text}");
    // ... but alone it is a place the data does not break down.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much did southern Europe add in 2024?").await;
    assert!(declines(&text), "{text}");
    // "(not world)" restates a ranking of countries.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "rank the countries you have (not world) by 2024 additions").await;
    assert!(!declines(&text) && !text.contains("| World |"), "{text}");
    // A negation with nothing of the data near it is the story's; one beside a place is not.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "spanish market feels saturated to me but maybe not. spain annual additions, % change 2019 to 2024?").await;
    assert!(text.contains(&signed_pct((v("Spain", "2024") / v("Spain", "2019") - 1.0) * 100.0)), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Italy is not included in our scope. Which country added the most in 2024?").await;
    assert!(declines(&text), "{text}");
});

db_test!(async fn the_gap_between_the_two_figures_asked_before(b) {
    let (app, t) = sample_app(b).await;
    // Two regions' prices in one month, then "the gap between the two": that month's gap.
    let prices = crate::support::answers::sample_rows("prices.csv");
    let hjt = |region: &str| {
        prices
            .iter()
            .find(|r| r["item"] == "Module" && r["description"] == "n-type HJT" && r["region"] == region && r["date"].starts_with("2024-06"))
            .map(|r| r["base_price"].parse::<f64>().unwrap())
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "What was the EU price for HJT modules in June 2024?").await;
    ask(&app, &t, c, "price", "And the Chinese price in the same month?").await;
    let (_, text) = ask(&app, &t, c, "price", "So what's the gap between the two?").await;
    let gap = hjt("EU") - hjt("China");
    assert!(text.contains(&format!("{:.3} US$/Wp", gap.abs())) && text.contains("June 2024"), "{gap} in {text}");
    // One series in one month, then "how does that compare with" another month: the change.
    let topcon = |region: &str, month: &str| {
        prices
            .iter()
            .find(|r| r["item"] == "Module" && r["description"] == "n-type TOPCon" && r["region"] == region && r["date"].starts_with(month))
            .map(|r| r["base_price"].parse::<f64>().unwrap())
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "China n-type TOPCon module price in January 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "How does that compare with December 2024, in %?").await;
    let pct = (topcon("China", "2024-12") / topcon("China", "2024-01") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // "the premium in %" of one region over another is the comparison's percentage.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "TOPCon module price EU vs China in June 2024, and the premium in %?").await;
    let pct = (topcon("EU", "2024-06") / topcon("China", "2024-06") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // "high" and "low" alone after a question that named a forecast scenario are scenarios.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Germany's cumulative capacity in 2030, most probable?").await;
    ask(&app, &t, c, "market", "same for the high scenario").await;
    let (_, text) = ask(&app, &t, c, "market", "and low?").await;
    let low = market_value("Germany", "2030", "Forecast - Low", "Total", "Cumulative");
    assert!(text.contains(&thousands(low)), "{low} in {text}");
    // Two countries' additions, then "the difference between the two".
    let v = |c: &str| market_value(c, "2024", HIST, "Total", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much did Spain add in 2024?").await;
    ask(&app, &t, c, "market", "and Italy?").await;
    let (_, text) = ask(&app, &t, c, "market", "so how big is the difference between the two?").await;
    assert!(text.contains(&thousands((v("Spain") - v("Italy")).abs())), "{text}");
});

db_test!(async fn spoken_years_set_aside_clauses_and_the_joined_series(b) {
    let (app, t) = sample_app(b).await;
    let annual = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // A year said as it is spoken is the year; "add up" before the question is part of it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Add up everything Germany installed from twenty twenty to twenty twenty-four. Total MW?").await;
    let sum: f64 = (2020..=2024).map(|y| annual("Germany", &y.to_string())).sum();
    assert!(text.contains(&thousands(sum)), "{sum} in {text}");
    // "all segments" in a sentence after the question is the total the question reads anyway.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What's Spain's installed base at the end of two thousand and twenty-three? Like the whole fleet, all segments.").await;
    let base = market_value("Spain", "2023", HIST, "Total", "Cumulative");
    assert!(text.contains(&thousands(base)), "{base} in {text}");
    // A statement before ", but" is the story: its segment is not the one asked for.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany's known as a rooftop country, but in 2023 how much of its new capacity was centralised, as a %?").await;
    let share = market_value("Germany", "2023", HIST, "Centralised", "Annual") / annual("Germany", "2023") * 100.0;
    assert!(text.contains(&format!("{share:.1}%")) && text.contains("centralised"), "{share} in {text}");
    // "distributed (rooftop etc.) rather than centralised": the distributed share.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What share of Germany's 2024 installations was distributed (rooftop etc.) rather than centralised?").await;
    let share = market_value("Germany", "2024", HIST, "Distributed", "Annual") / annual("Germany", "2024") * 100.0;
    assert!(text.contains(&format!("{share:.1}%")), "{share} in {text}");
    // A clause that sets aside what a ranking of countries leaves out anyway is dropped; one
    // that sets aside a country is not (no ranking that still holds it).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Leaving aside regional aggregates like the EU or Asia, which three countries added the most PV in 2024?").await;
    assert!(text.contains("Top 3 countries"), "{text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Leaving aside Germany, which three countries added the most PV in 2024?").await;
    assert!(!text.contains("Top 3 countries"), "{text}");
    // A condition that names a forecast scenario asks for it.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Assuming the most probable scenario holds, how much new PV is Germany expected to install in 2027?").await;
    let v = market_value("Germany", "2027", "Forecast - Most probable", "Total", "Annual");
    assert!(text.contains(&thousands(v)), "{v} in {text}");
    // "including the forecast years": the peak of the history joined with the forecast.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Over the whole series, including the forecast years, in which year does the Netherlands see its biggest annual additions?").await;
    assert!(text.contains("Historical Primary") && text.contains("Forecast - Most probable") && text.contains("2030"), "{text}");
    // A record asked of a year the series does not hold is declined, not the record of others.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What did Germany install in 2012, back at the peak of the FiT era?").await;
    assert!(declines(&text), "{text}");
    // "How does that compare to 2023 in % terms?" after one year: the change in %.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What did the Netherlands install in 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "How does that compare to 2023 in % terms?").await;
    let pct = (annual("Netherlands", "2024") / annual("Netherlands", "2023") - 1.0) * 100.0;
    assert!(text.contains(&format!("{pct:.1}%")) && !text.contains("Share of"), "{pct} in {text}");
    // "the EU module than the Chinese one": the two series asked before, in %.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "Latest EU price for n-type TOPCon modules?").await;
    ask(&app, &t, c, "price", "and China's?").await;
    let (_, text) = ask(&app, &t, c, "price", "How much more expensive is the EU module than the Chinese one, in %?").await;
    assert!(!text.contains("HJT") && !text.contains("PERC"), "{text}");
    // A follow-up that names only the whole asks for the previous figure's share of it.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Spain's new installs in 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "and as a share of the world?").await;
    let share = annual("Spain", "2023") / annual("World", "2023") * 100.0;
    assert!(text.contains(&format!("{share:.1}%")), "{share} in {text}");
    // A share in two named years is given for each of them.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What was Germany's share of world annual installations in 2016, and what was it in 2024?").await;
    for y in ["2016", "2024"] {
        let share = annual("Germany", y) / annual("World", y) * 100.0;
        assert!(text.contains(&format!("{share:.1}%")), "{y}: {share} in {text}");
    }
    // "How far back does the series go?": its first year.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How far back does the French series go? Give me the earliest year and France's cumulative capacity in that year.").await;
    assert!(text.contains("the series starts in **2015**"), "{text}");
    // A last sentence a question word starts asks, without its "?"; "those four years" after
    // two single years is the span between them, not a count.
    let cumulative = |y: &str| market_value("Germany", y, HIST, "Total", "Cumulative");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What was Germany's cumulative capacity at the end of 2020?").await;
    let (_, text) = ask(&app, &t, c, "market", "And end of 2024? what's the % increase over those four years").await;
    let pct = (cumulative("2024") / cumulative("2020") - 1.0) * 100.0;
    assert!(text.contains(&format!("{pct:.1}%")), "{pct} in {text}");
    // A region beside the countries a ranking names only describes them; "by 2024" is the year.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Rank the three European countries Germany, Spain and Italy by 2024 additions, biggest first.").await;
    assert!(text.contains("in **2024**") && text.contains(&thousands(annual("Spain", "2024"))) && !text.contains("| 2015"), "{text}");
});

db_test!(async fn gaps_between_regions_totals_by_a_year_and_regions_not_held(b) {
    let (app, t) = sample_app(b).await;
    let prices = crate::support::answers::sample_rows("prices.csv");
    let price = |item: &str, tech: &str, region: &str, month: &str| {
        prices
            .iter()
            .find(|r| r["item"] == item && r["description"] == tech && r["region"] == region && r["date"].starts_with(month))
            .map(|r| r["base_price"].parse::<f64>().unwrap())
            .unwrap()
    };
    // A difference between two regions in one month is their gap, not a change over time.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "What was the difference between EU and Chinese prices for TOPCon M10 cells in December 2024?").await;
    let gap = price("Cell", "n-type TOPCon M10", "EU", "2024-12") - price("Cell", "n-type TOPCon M10", "China", "2024-12");
    assert!(text.contains(&format!("The gap between them is {:.3}", gap.abs())), "{gap} in {text}");
    // One of the two regions asked before, compared: compared with the other.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "What was the n-type TOPCon module price in the EU in June 2024?").await;
    ask(&app, &t, c, "price", "And in China the same month?").await;
    let (_, text) = ask(&app, &t, c, "price", "So how much more expensive in % is the EU one?").await;
    let pct = (price("Module", "n-type TOPCon", "EU", "2024-06") / price("Module", "n-type TOPCon", "China", "2024-06") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // A price region the loaded data does not hold is declined, not read past.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "TOPCon module price Overseas, Dec 2024?").await;
    assert!(declines(&text) && text.contains("overseas"), "{text}");
    // "How much more ... in total than ...": a comparison of the two, not their sum.
    let cumulative = |c: &str| market_value(c, "2024", HIST, "Total", "Cumulative");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much more PV does Germany have installed in total than Spain, as of the end of 2024?").await;
    let diff = cumulative("Germany") - cumulative("Spain");
    assert!(text.contains(&thousands(diff)) && !text.contains("Combined"), "{diff} in {text}");
    // "installed in total by 2030": the installed base in 2030, not a sum of additions.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much PV will Germany have installed in total by 2030 in the most probable scenario?").await;
    let base = market_value("Germany", "2030", "Forecast - Most probable", "Total", "Cumulative");
    assert!(text.contains(&thousands(base)) && !text.contains("in total (MW DC)"), "{base} in {text}");
});

db_test!(async fn countries_beyond_a_mark_and_follow_ups_that_name_no_subject(b) {
    let (app, t) = sample_app(b).await;
    // "Which countries added more than Spain in 2024?": the countries above Spain's figure, not
    // Spain's figure alone.
    let mut by_country: Vec<(String, f64)> = crate::support::answers::sample_rows("market.csv")
        .into_iter()
        .filter(|r| {
            r["Year"] == "2024"
                && r["Scenario"] == HIST
                && r["Connection"] == "Total"
                && r["Type"] == "Annual"
                && solarintel::tools::places::is_country(&r["Territory"])
        })
        .map(|r| (r["Territory"].clone(), r["Capacity(MW)"].parse::<f64>().unwrap()))
        .collect();
    by_country.sort_by(|a, b| b.1.total_cmp(&a.1));
    let spain = by_country.iter().find(|(c, _)| c == "Spain").unwrap().1;
    let (above, below): (Vec<_>, Vec<_>) =
        by_country.iter().filter(|(c, _)| c != "Spain").partition(|(_, v)| *v > spain);
    assert!(!above.is_empty() && !below.is_empty(), "the sample has countries on both sides of Spain");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Checking where Spain sits in the league table. Which countries added more PV than Spain in 2024?").await;
    assert!(text.contains(&format!("**{}** countries", above.len())) || (above.len() == 1 && text.contains("**1** country")), "{text}");
    for (country, v) in &above {
        assert!(text.contains(&format!("| {country} | {} |", thousands(*v))), "{country} in {text}");
    }
    for (country, _) in &below {
        assert!(!text.contains(&format!("| {country} |")), "{country} is below Spain: {text}");
    }
    // The same against a level.
    let level = spain.floor();
    let (_, text) = ask(&app, &t, c, "market", &format!("Which countries installed more than {} MW in 2024?", level as i64)).await;
    let over: Vec<_> = by_country.iter().filter(|(_, v)| *v > level).collect();
    assert!(over.iter().all(|(country, _)| text.contains(&format!("| {country} |"))), "{text}");
    assert_eq!(text.matches("\n| ").count() - 1, over.len(), "{text}");
    // "World 2024?", "and in 2023?", "what's the year on year change in %?": the change between
    // the two figures, though the last question is long and names no place.
    let world = |y: &str| market_value("World", y, HIST, "Total", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much solar was installed worldwide in 2024?").await;
    ask(&app, &t, c, "market", "and in 2023?").await;
    let (_, text) = ask(&app, &t, c, "market", "what's the year on year change in %?").await;
    let pct = (world("2024") / world("2023") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // "show both countries 2015 to 2024 as a chart": the two countries asked before.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much solar did Poland add in 2024?").await;
    ask(&app, &t, c, "market", "and what about France?").await;
    let (_, text) = ask(&app, &t, c, "market", "show both countries from 2015 to 2024 as a chart").await;
    let annual = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    assert!(text.contains("| Year | Poland | France |"), "{text}");
    assert!(text.contains(&format!("| 2015 | {} | {} |", thousands(annual("Poland", "2015")), thousands(annual("France", "2015")))), "{text}");
    // Two regions' prices, then "what's the EU premium over China in %?" (regions alone name no
    // series: the item is the one asked before).
    let prices = crate::support::answers::sample_rows("prices.csv");
    let perc = |region: &str| {
        prices
            .iter()
            .find(|r| r["item"] == "Module" && r["description"] == "p-type mono-Si PERC M10" && r["region"] == region && r["date"].starts_with("2024-06"))
            .map(|r| r["base_price"].parse::<f64>().unwrap())
            .unwrap()
    };
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "PERC M10 module price in China, June 2024?").await;
    ask(&app, &t, c, "price", "and the EU, same month?").await;
    let (_, text) = ask(&app, &t, c, "price", "what's the EU premium over China in %?").await;
    let pct = (perc("EU") / perc("China") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
});

db_test!(async fn the_most_recent_a_premiums_carrier_and_the_latest_after_a_year(b) {
    let (app, t) = sample_app(b).await;
    let prices = crate::support::answers::sample_rows("prices.csv");
    let latest = |description: &str, region: &str| {
        prices
            .iter()
            .filter(|r| r["item"] == "Module" && r["description"] == description && r["region"] == region)
            .max_by(|a, b| a["date"].cmp(&b["date"]))
            .map(|r| (r["date"].clone(), r["base_price"].parse::<f64>().unwrap()))
            .unwrap()
    };
    // "the most recent" is the latest, not "the most" (the highest).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "What's the most recent n-type TOPCon module price in China you have?").await;
    let (date, v) = latest("n-type TOPCon", "China");
    assert!(text.contains(&format!("{v:.3} US$/Wp")) && text.contains(&date) && !text.contains("Highest"), "{text}");
    // A story naming TOPCon beside PERC, then "what premium does TOPCon carry": TOPCon over PERC.
    let (_, text) = ask(&app, &t, c, "price", "US repowering: tech choice. In the US, TOPCon vs PERC M10 modules on the latest print — what premium does TOPCon carry, in %?").await;
    let (_, topcon) = latest("n-type TOPCon", "US");
    let (_, perc) = latest("p-type mono-Si PERC M10", "US");
    let pct = (topcon / perc - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // After a market question about 2024, "the latest" price is the latest, not 2024's last.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "How much solar did Germany add in 2024?").await;
    let (_, text) = ask(&app, &t, c, "price", "what about the price of panels? the latest n-type TOPCon module price in the EU").await;
    let (date, v) = latest("n-type TOPCon", "EU");
    assert!(text.contains(&format!("{v:.3} US$/Wp")) && text.contains(&date), "{date} {v} in {text}");
    // "Latest TOPCon price in the US?", "vs the EU - how much higher in %?": the US against the
    // EU, the region after "vs" being the one compared with.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "We're pricing a US bid. Latest TOPCon module price in the US?").await;
    let (_, text) = ask(&app, &t, c, "price", "vs the EU - how much higher in %?").await;
    let (_, us) = latest("n-type TOPCon", "US");
    let (_, eu) = latest("n-type TOPCon", "EU");
    let pct = (us / eu - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // Two countries, then "which one is bigger and by how much?": both, side by side.
    let distributed = |c: &str| market_value(c, "2023", HIST, "Distributed", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Spain's distributed additions in 2023?").await;
    ask(&app, &t, c, "market", "and in Italy?").await;
    let (_, text) = ask(&app, &t, c, "market", "which one is bigger and by how much?").await;
    let gap = (distributed("Italy") - distributed("Spain")).abs();
    assert!(text.contains(&thousands(gap)), "{gap} in {text}");
    // "World 2024?", "and back in 2015?", "how many times bigger is the 2024 figure?": the ratio.
    let world = |y: &str| market_value("World", y, HIST, "Total", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "How much solar did the whole world install in 2024?").await;
    ask(&app, &t, c, "market", "and back in 2015?").await;
    let (_, text) = ask(&app, &t, c, "market", "so roughly how many times bigger is the 2024 figure?").await;
    let r = world("2024") / world("2015");
    let times = if r < 10.0 { format!("{r:.2} times") } else { format!("{r:.1} times") };
    assert!(text.contains(&times), "{times} in {text}");
    // "How does that compare with the EU - difference in US$/Wp?" after the US price: the gap
    // between the two regions, not a change over time.
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "Latest US n-type TOPCon module price?").await;
    let (_, text) = ask(&app, &t, c, "price", "How does that compare with the EU - difference in US$/Wp?").await;
    assert!(text.contains(&format!("{:.3} US$/Wp", (us - eu).abs())), "{text}");
    // "which is dearer" compares two technologies' latest prices.
    let (_, hjt) = latest("n-type HJT", "China");
    let (_, topcon) = latest("n-type TOPCon", "China");
    let (_, text) = ask(&app, &t, c, "price", "Latest Chinese module prices: HJT vs TOPCon, which is dearer and by how much?").await;
    assert!(text.contains(&format!("{:.3} US$/Wp", (hjt - topcon).abs())), "{text}");
});

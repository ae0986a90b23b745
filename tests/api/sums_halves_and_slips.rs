//! Sums that add up one measure (or decline two), a manufacturer's half from its quarters, a
//! change from the first reading of a year to the latest, a region named in a sentence before a
//! comparison of two countries, and ordinary slips. Each failed before the fix it names (a wrong
//! figure or a decline); figures are computed here from the sample files, never typed in.

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};

const HIST: &str = "Historical Primary";

db_test!(async fn a_sum_adds_one_measure_and_a_comparison_keeps_its_countries(b) {
    let (app, t) = sample_app(b).await;
    // "end-2023 base plus 2024 additions, what does that sum to?": two measures are not added
    // as one series (it summed the additions of 2023 and 2024).
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Germany's cumulative installed base at end-2024, please.").await;
    let (_, text) = ask(&app, &t, c, "market", "Cross-check: end-2023 base plus 2024 additions, what does that sum to?").await;
    assert!(text.contains("I sum one measure at a time") && !text.contains(" MW"), "{text}");
    // "adding in aggregate over 2025-2030": the forecast years added up (it listed them).
    let total: f64 = (2025..=2030)
        .map(|y| market_value("Germany", &y.to_string(), "Forecast - Most probable", "Total", "Annual"))
        .sum();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much new PV does the most probable scenario have Germany adding in aggregate over 2025-2030?").await;
    assert!(text.contains(&format!("**{} MW", thousands(total))), "{total} in {text}");
    // A region the data does not hold, named in the sentence before a comparison of two of its
    // countries, describes them (it declined: no figures for Europe as a whole).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany and France are often bracketed together in our Europe coverage. How did their 2024 additions compare?").await;
    for country in ["Germany", "France"] {
        let v = market_value(country, "2024", HIST, "Total", "Annual");
        assert!(text.contains(&thousands(v)), "{country} {v} in {text}");
    }
    // "which yr was the peak and how much" after a chart: the peak of the series charted (it
    // was too long to be read as a follow-up, and asked for a territory).
    let (year, peak) = sample_rows("market.csv")
        .into_iter()
        .filter(|r| r["Territory"] == "Italy" && r["Scenario"] == HIST && r["Connection"] == "Total" && r["Type"] == "Annual")
        .map(|r| (r["Year"].clone(), r["Capacity(MW)"].parse::<f64>().unwrap()))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "chart italy's annual installs over time pls").await;
    let (_, text) = ask(&app, &t, c, "market", "which yr was the peak and how much").await;
    assert!(text.contains(&format!("the highest was in **{year}**, with **{} MW", thousands(peak))), "{year} {peak} in {text}");
});

/// The sample's `metric` of `company` in `period` ("2024-Q1").
fn financial(company: &str, period: &str, metric: &str) -> f64 {
    sample_rows("financials.csv")
        .into_iter()
        .find(|r| r["company"] == company && r["period"] == period && r["metric"] == metric)
        .map(|r| r["value"].parse().unwrap())
        .unwrap()
}

db_test!(async fn a_half_is_its_quarters_and_a_change_runs_to_the_latest_reading(b) {
    let (app, t) = sample_app(b).await;
    // "H1 2024 revenue" where the data has quarters: Q1 and Q2 added up (it found no figures).
    let nordlicht = "Nordlicht Solar AG (sample)";
    let h1 = financial(nordlicht, "2024-Q1", "Revenue") + financial(nordlicht, "2024-Q2", "Revenue");
    let h1 = format!("{h1:.1}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Nordlicht Solar AG, H1 2024 revenue?").await;
    assert!(text.contains(&format!("added up over 2 quarters (2024-Q1–2024-Q2): **{} USD million**", h1.strip_suffix(".0").unwrap_or(&h1))), "{h1} in {text}");
    // A margin's half is not a sum: declined, with no figure.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Nordlicht gross margin H1 2024?").await;
    assert!(text.contains("do not add up") && !text.contains(" %"), "{text}");
    // "% change from the first 2023 reading to the latest one": from 2023's first observation
    // to the series' latest (it stopped at the end of 2023).
    let series: Vec<(String, f64)> = sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == "Module" && r["description"] == "p-type mono-Si PERC M10" && r["region"] == "China")
        .map(|r| (r["date"].clone(), r["base_price"].parse().unwrap()))
        .collect();
    let first = series.iter().filter(|(d, _)| d.starts_with("2023")).min_by(|a, b| a.0.cmp(&b.0)).unwrap();
    let latest = series.iter().max_by(|a, b| a.0.cmp(&b.0)).unwrap();
    assert!(!latest.0.starts_with("2023"));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "perc m10 modules in china - % change from the first 2023 reading to the latest one?").await;
    assert!(text.contains(&format!("went from {:.3} ({}) to {:.3} ({})", first.1, first.0, latest.1, latest.0)), "{text}");
    assert!(text.contains(&format!("{:.1}%", (latest.1 / first.1 - 1.0) * 100.0)), "{text}");
    // "durign": a slip of an ordinary word is read past, and said (it was declined).
    let june: Vec<f64> = series.iter().filter(|(d, _)| d.starts_with("2024-06")).map(|s| s.1).collect();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "avg perc m10 module price in china durign june 2024?").await;
    assert!(text.contains("I read \"durign\" as \"during\""), "{text}");
    assert!(text.contains(&format!("{:.3}", june.iter().sum::<f64>() / june.len() as f64)), "{june:?} in {text}");
});

//! Countries ranked by their change, every year against the year before, a segment glossed
//! before a colon, a placeless follow-up, a manufacturer's "annual", "better" and "cumulative",
//! and a price's "high" and "multiple". Each failed before the fix it names (a wrong figure or a
//! decline); figures are computed here from the sample files, never typed in.

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};
use crate::support::signed_pct;

const HIST: &str = "Historical Primary";
const COUNTRIES: [&str; 6] = [
    "Germany",
    "Spain",
    "Italy",
    "France",
    "Netherlands",
    "Poland",
];

db_test!(async fn countries_are_ranked_by_their_change_and_each_year_by_the_one_before(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    // "the biggest % decline": the countries by their change in %, the largest fall first (it
    // ranked the two years' additions added up, under a read-back that said "change").
    let mut pct: Vec<(&str, f64)> = COUNTRIES
        .iter()
        .map(|c| (*c, (v(c, "2024") / v(c, "2023") - 1.0) * 100.0))
        .collect();
    pct.sort_by(|a, b| a.1.total_cmp(&b.1));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which two countries saw the biggest % decline in additions from 2023 to 2024?").await;
    for (i, (country, p)) in pct.iter().take(2).enumerate() {
        let row = format!(
            "| {} | {country} | {} | {} |",
            i + 1,
            thousands(v(country, "2023")),
            thousands(v(country, "2024"))
        );
        assert!(text.contains(&row) && text.contains(&signed_pct(*p)), "{row} {p} in {text}");
    }
    assert!(!text.contains("| 3 |") && !text.contains("added up"), "{text}");
    // "grew the most": by the change in MW, the largest rise first.
    let mut mw: Vec<(&str, f64)> = COUNTRIES
        .iter()
        .map(|c| (*c, v(c, "2024") - v(c, "2023")))
        .collect();
    mw.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which country grew the most from 2023 to 2024?").await;
    assert!(text.contains(&format!("**{}** had the largest rise", mw[0].0)), "{mw:?} in {text}");
    // Across the history and a forecast, a ranking by change is declined, not mixed.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Which country will grow the most from 2024 to 2030?").await;
    assert!(text.contains("not across them") && !text.contains("| 1 |"), "{text}");
    // "year-on-year change for each year from 2021 to 2024": every year against the one before
    // (it gave the one change from 2021 to 2024).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Please give me the year-on-year percentage change in France's annual additions for each year from 2021 to 2024.").await;
    for y in 2021..=2024 {
        let (now, before) = (v("France", &y.to_string()), v("France", &(y - 1).to_string()));
        let row = format!("| {y} | {} |", thousands(now));
        assert!(text.contains(&row), "{row} in {text}");
        assert!(text.contains(&signed_pct((now / before - 1.0) * 100.0)), "{y} in {text}");
    }
});

db_test!(async fn a_glossed_segment_and_a_placeless_follow_up_are_read(b) {
    let (app, t) = sample_app(b).await;
    // "For utility-scale, that is centralised, plants:": the segment asked ("that is" states
    // nothing; the ranking was of every connection).
    let mut central: Vec<(&str, f64)> = COUNTRIES
        .iter()
        .map(|c| (*c, market_value(c, "2023", HIST, "Centralised", "Annual")))
        .collect();
    central.sort_by(|a, b| b.1.total_cmp(&a.1));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "For utility-scale, that is centralised, plants: which three countries added the most capacity in 2023?").await;
    assert!(text.contains("centralised connection"), "{text}");
    assert!(text.contains(&format!("| 1 | {} | {} |", central[0].0, thousands(central[0].1))), "{central:?} in {text}");
    // "What did France install in 2024?", "What is the most probable forecast for 2026?": about
    // France (it asked for a territory).
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "What did France install in 2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "What is the most probable forecast for 2026?").await;
    let probable = market_value("France", "2026", "Forecast - Most probable", "Total", "Annual");
    assert!(text.contains("France") && text.contains(&thousands(probable)), "{probable} in {text}");
    // "the number 4 market of the world": the fourth country (it gave World's own figure).
    let mut all: Vec<(&str, f64)> = COUNTRIES
        .iter()
        .map(|c| (*c, market_value(c, "2023", HIST, "Total", "Annual")))
        .collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Who was the number 4 market of the world in 2023 by added capacity?").await;
    assert!(text.contains(&format!("| 4 | {} | {} |", all[3].0, thousands(all[3].1))), "{all:?} in {text}");
    // "Is it right that Polish additions fell in 2024? By how much in %?": the change (it gave a
    // share of World, "fell in" read as placing a part).
    let (p23, p24) = (
        market_value("Poland", "2023", HIST, "Total", "Annual"),
        market_value("Poland", "2024", HIST, "Total", "Annual"),
    );
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Is it right that Polish annual additions fell in 2024? By how much in %?").await;
    assert!(text.contains(&signed_pct((p24 / p23 - 1.0) * 100.0)) && !text.contains("of World"), "{text}");
    // "Italy's average ... 2020-2024?", "Now the same for France.": France's average (it gave
    // France's series, "now" read as the latest).
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Italy's average annual installations 2020-2024?").await;
    let (_, text) = ask(&app, &t, c, "market", "Now the same for France.").await;
    let avg = (2020..=2024).map(|y| market_value("France", &y.to_string(), HIST, "Total", "Annual")).sum::<f64>() / 5.0;
    assert!(text.contains(&thousands(avg)) && text.contains("average"), "{avg} in {text}");
    // Without a question before, a placeless question still asks for a place.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What is the most probable forecast for 2026?").await;
    assert!(text.contains("Name a territory"), "{text}");
});

fn fin(company: &str, period: &str, metric: &str) -> f64 {
    sample_rows("financials.csv")
        .into_iter()
        .find(|r| {
            r["company"].starts_with(company) && r["period"] == period && r["metric"] == metric
        })
        .map(|r| r["value"].parse().unwrap())
        .unwrap_or_else(|| panic!("no sample row {company} {period} {metric}"))
}

db_test!(async fn a_manufacturers_annual_better_and_cumulative_figures(b) {
    let (app, t) = sample_app(b).await;
    let c = conversation(&app, &t).await;
    // "annual revenue" is the full year's (it declined on "annual").
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "By what percentage did Helios Modules' annual revenue change from 2023 to 2024?").await;
    let pct = (fin("Helios", "FY2024", "Revenue") / fin("Helios", "FY2023", "Revenue") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // "which had the better gross margin": both, compared (it declined on "better").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Comparing Helios and SunForge, which had the better gross margin for the full year 2024?").await;
    for co in ["Helios", "SunForge"] {
        let m = fin(co, "FY2024", "Gross margin");
        assert!(text.contains(&format!("{m}")), "{co} {m} in {text}");
    }
    // "Cumulative net loss across its four quarters": the quarters added up, printed as the
    // data's precision allows (it declined, and a sum printed -51.099999999999994).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Cumulative net income of Nordlicht across its four quarters of 2024?").await;
    let sum: f64 = (1..=4).map(|q| fin("Nordlicht", &format!("2024-Q{q}"), "Net income")).sum();
    let printed = format!("{:.1}", sum);
    assert!(text.contains(&format!("**{printed} USD million**")), "{printed} in {text}");
    assert!(!text.contains("99999"), "{text}");
    // "net margin (net income as a % of revenue)": computed from the two reported figures (it
    // declined on "net"), for each company asked.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Net margin (net income / revenue) FY2024: Helios vs Aurora?").await;
    for co in ["Helios", "Aurora"] {
        let m = fin(co, "FY2024", "Net income") / fin(co, "FY2024", "Revenue") * 100.0;
        assert!(text.contains(&format!("{m:.2}%")), "{co} {m} in {text}");
    }
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Helios Modules' net margin for FY2023, i.e. net income over revenue?").await;
    let m = fin("Helios", "FY2023", "Net income") / fin("Helios", "FY2023", "Revenue") * 100.0;
    assert!(text.contains(&format!("**{m:.2}%**")), "{m} in {text}");
    // "Q4 2024 vs Q4 2023, change in %": from the earlier quarter to the later (it declined).
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Nordlicht revenue Q4 2024 vs Q4 2023, change in %?").await;
    let pct = (fin("Nordlicht", "2024-Q4", "Revenue") / fin("Nordlicht", "2023-Q4", "Revenue") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
    // "Which manufacturer had the highest gross margin in 2024-Q4, and what was it?": "it" is
    // the answer (it asked which company "it" was); "the biggest net loss" is the lowest net
    // income (it ranked the highest first, under "the biggest loss").
    let companies = ["Helios", "Aurora", "SunForge", "Nordlicht"];
    let best = companies
        .iter()
        .map(|co| (*co, fin(co, "2024-Q4", "Gross margin")))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Which manufacturer had the highest gross margin in 2024-Q4, and what was it?").await;
    assert!(text.contains(&format!("| 1 | {}", best.0)), "{best:?} in {text}");
    let worst = companies
        .iter()
        .map(|co| (*co, fin(co, "FY2024", "Net income")))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Which manufacturer had the biggest net loss in FY2024, and how big was it?").await;
    assert!(text.contains(&format!("| 1 | {}", worst.0)) && text.contains("the lowest"), "{worst:?} in {text}");
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Which manufacturer had the smallest net loss in FY2024?").await;
    assert!(text.contains("could not match \"smallest\""), "{text}");
    // "Sun Forge Energy": the company written apart (it declined on "energy").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "Could you tell me Sun Forge Energy's gross margin in the fourth quarter of 2024?").await;
    let m = fin("SunForge", "2024-Q4", "Gross margin");
    assert!(text.contains(&format!("{m}")) && text.contains("SunForge"), "{m} in {text}");
});

fn price(item: &str, description: &str, region: &str, date: &str) -> f64 {
    sample_rows("prices.csv")
        .into_iter()
        .find(|r| {
            r["item"] == item
                && r["description"] == description
                && r["region"] == region
                && r["date"] == date
        })
        .map(|r| r["base_price"].parse().unwrap())
        .unwrap_or_else(|| panic!("no sample price {item} {description} {region} {date}"))
}

db_test!(async fn a_prices_high_and_multiple(b) {
    let (app, t) = sample_app(b).await;
    // "the wafer's high in 2024": the highest price (it read "high" as the "High purity"
    // polysilicon descriptions and gave the latest price).
    let high = sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == "Wafer" && r["description"] == "n-type mono-Si M10" && r["region"] == "China" && r["date"].starts_with("2024"))
        .map(|r| r["base_price"].parse::<f64>().unwrap())
        .fold(f64::MIN, f64::max);
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "What was the China n-type mono-Si M10 wafer's high in 2024?").await;
    assert!(text.contains("Highest price") && text.contains(&format!("{high:.3}")), "{high} in {text}");
    // "Dec 2024 vs Dec 2023, % change": from the earlier month to the later (it declined).
    let (d23, d24) = (
        price("Module", "n-type TOPCon", "EU", "2023-12-01"),
        price("Module", "n-type TOPCon", "EU", "2024-12-01"),
    );
    let (_, text) = ask(&app, &t, c, "price", "year on year: EU topcon module price dec 2024 vs dec 2023, % change?").await;
    assert!(text.contains(&signed_pct((d24 / d23 - 1.0) * 100.0)), "{d23} {d24} in {text}");
    // A month past the end of the data has no price (it gave December's as January's).
    let (_, text) = ask(&app, &t, c, "price", "What's the n-type TOPCon module price in the EU for January 2025?").await;
    assert!(text.contains("no observation near January 2025") && !text.contains("0.100"), "{text}");
    // "High purity" still names the polysilicon description.
    let (_, text) = ask(&app, &t, c, "price", "High purity polysilicon price in China in December 2024?").await;
    let poly = price("Polysilicon", "High purity - 9N/9N+", "China", "2024-12-01");
    assert!(text.contains(&format!("{poly:.3}")) && !text.contains("Highest"), "{poly} in {text}");
    // "US vs China, and the multiple?": the ratio (it declined on "multiple").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "PERC M10 modules in Dec 2024: US vs China, and the multiple?").await;
    let (us, cn) = (
        price("Module", "p-type mono-Si PERC M10", "US", "2024-12-01"),
        price("Module", "p-type mono-Si PERC M10", "China", "2024-12-01"),
    );
    assert!(text.contains(&format!("{:.2} times", us / cn)), "{us}/{cn} in {text}");
    // "TOPCon in China, December 2024?", "EU same month?", "the difference between them?": the
    // two regions' gap (it read a change of the EU price over one month: +0.000).
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "price", "TOPCon module price in China, December 2024?").await;
    ask(&app, &t, c, "price", "EU same month?").await;
    let (_, text) = ask(&app, &t, c, "price", "so what is the difference between them?").await;
    let (eu, cn) = (
        price("Module", "n-type TOPCon", "EU", "2024-12-01"),
        price("Module", "n-type TOPCon", "China", "2024-12-01"),
    );
    assert!(text.contains(&format!("{:.3}", (eu - cn).abs())) && text.contains("China") && text.contains("EU"), "{eu}-{cn} in {text}");
});

db_test!(async fn america_is_asked_when_the_data_holds_a_continent_of_that_name(b) {
    use solarintel::data::Kind;
    use solarintel::data::ingest::{Progress, ingest_file};
    let (app, t) = sample_app(b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("market.csv");
    std::fs::write(
        &path,
        "Territory,Year,Scenario,Connection,Type,Capacity(MW),AC/DC,Estimated/Confirmed,Installed/Decomissioned\n\
         China,2024,Historical Primary,Total,Cumulative,1000000,DC,Confirmed,Installed\n\
         USA,2024,Historical Primary,Total,Cumulative,250000,DC,Confirmed,Installed\n\
         America,2024,Historical Primary,Total,Cumulative,320000,DC,Confirmed,Installed\n",
    )
    .unwrap();
    ingest_file(app.db(), Kind::Market, &path, None, &mut Progress::hidden()).await.unwrap();
    // "America's" is the USA to most writers and the continent to the data: asked, not guessed
    // (it compared China with the continent).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How many times bigger is China's solar fleet than America's, as of end 2024?").await;
    assert!(text.contains("the USA or the data's America") && !text.contains("3.13 times"), "{text}");
    let (_, text) = ask(&app, &t, c, "market", "How many times bigger is China's solar fleet than the USA's, as of end 2024?").await;
    assert!(text.contains("4.00 times"), "{text}");
});

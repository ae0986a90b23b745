//! Questions as voice dictation writes them (quantities and years said in words, acronyms spelled
//! letter by letter, homophones of the data's words), a year's last day, and a story told around
//! a question that names its own measure. Each failed before the fix (a wrong figure or a
//! decline); figures are computed here from the sample files, never typed in.

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};

const HIST: &str = "Historical Primary";

/// The sample's yearly series of `territory` (historical, total connection) of `kind`.
fn series(territory: &str, kind: &str) -> Vec<(i32, f64)> {
    let mut rows: Vec<(i32, f64)> = sample_rows("market.csv")
        .into_iter()
        .filter(|r| {
            r["Territory"] == territory
                && r["Scenario"] == HIST
                && r["Connection"] == "Total"
                && r["Type"] == kind
        })
        .map(|r| {
            (
                r["Year"].parse().unwrap(),
                r["Capacity(MW)"].parse().unwrap(),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    rows
}

/// The latest price of a sample series.
fn latest_price(item: &str, description: &str, region: &str) -> f64 {
    sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == item && r["description"] == description && r["region"] == region)
        .max_by(|a, b| a["date"].cmp(&b["date"]))
        .map(|r| r["base_price"].parse().unwrap())
        .unwrap()
}

db_test!(async fn quantities_said_in_words_are_levels_not_counts(b) {
    let (app, t) = sample_app(b).await;
    // "over five hundred gigawatts": a level of 500,000 MW (it was read as "top 5", and the
    // answer gave the series' first year).
    let (year, v) = series("World", "Annual")
        .into_iter()
        .find(|(_, v)| *v > 500_000.0)
        .expect("the sample's world market passes 500 GW");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "what was the first year the world installed over five hundred gigawatts in a year").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(v)), "{year} {v} in {text}");
    assert!(!text.contains("top 5"), "{text}");
    // "first go over fifty gigawatts" of a cumulative series (it answered the series' start).
    let (year, v) = series("Germany", "Cumulative")
        .into_iter()
        .find(|(_, v)| *v > 50_000.0)
        .expect("the sample's German base passes 50 GW");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "trivia from lunch break. what year did Germany's cumulative capacity first go over fifty gigawatts").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(v)), "{year} {v} in {text}");
    // "twenty twenty, percent" is the year 2020 in %, not "20 percent" (nor a top 20), and
    // "whirled" is the world.
    let share = market_value("Germany", "2020", HIST, "Total", "Annual")
        / market_value("World", "2020", HIST, "Total", "Annual")
        * 100.0;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Germany's share of whirled new installs in twenty twenty, percent").await;
    assert!(text.contains(&format!("**{share:.1}%**")) && text.contains("2020"), "{share} in {text}");
});

db_test!(async fn homophones_and_spelled_acronyms_are_the_data_words(b) {
    let (app, t) = sample_app(b).await;
    // "four cast", then "the hi scenario" (both declined).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "France new installs in twenty twenty eight, most probable four cast").await;
    let probable = market_value("France", "2028", "Forecast - Most probable", "Total", "Annual");
    assert!(text.contains(&thousands(probable)), "{probable} in {text}");
    let (_, text) = ask(&app, &t, c, "market", "same for the hi scenario").await;
    let high = market_value("France", "2028", "Forecast - High", "Total", "Annual");
    assert!(text.contains(&thousands(high)), "{high} in {text}");
    // "top con or H J T": TOPCon and HJT, compared (it declined on "h", "j" and "t"; "top con"
    // alone was read as a ranking).
    let topcon = latest_price("Module", "n-type TOPCon", "China");
    let hjt = latest_price("Module", "n-type HJT", "China");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "in China right now which is cheaper, top con or H J T modules, latest prices").await;
    for v in [topcon, hjt] {
        assert!(text.contains(&format!("{v}")), "{v} in {text}");
    }
    // "prce": a letter left out of a data word (declined: a short word was read only as a name).
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "whats the latest prce for n type top con modules in China").await;
    assert!(text.contains(&format!("{topcon}")), "{topcon} in {text}");
});

db_test!(async fn a_years_last_day_and_a_story_around_a_measured_question(b) {
    let (app, t) = sample_app(b).await;
    // "at 31 Dec 2023": the year's end of the annual data (declined as a month).
    let base = market_value("Germany", "2023", HIST, "Total", "Cumulative");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Please confirm Germany's cumulative installed capacity at 31 Dec 2023 in MW so I can tick it off.").await;
    assert!(text.contains(&thousands(base)), "{base} in {text}");
    // A story after the question, with a measure the data does not hold: the question is the
    // sentence before it (the story was read as the question and declined).
    let (a, b2) = (
        market_value("Germany", "2023", HIST, "Total", "Annual"),
        market_value("Germany", "2024", HIST, "Total", "Annual"),
    );
    let change = (b2 - a) / a * 100.0;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "German installations, 2023 vs 2024 — % change please. One of our obligors imports into Hamburg and says volumes are softening.").await;
    assert!(text.contains(&format!("{:.1}%", change.abs())), "{change} in {text}");
    // A story naming a measure the data does not hold, before a question that says it asks
    // about solar: the story is read past (it declined on "inverter").
    let (fr, de) = (
        market_value("France", "2022", HIST, "Total", "Annual"),
        market_value("Germany", "2022", HIST, "Total", "Annual"),
    );
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We're talking to an inverter supplier. France or Germany, who added more solar in 2022?").await;
    assert!(text.contains(&thousands(fr)) && text.contains(&thousands(de)), "{fr} {de} in {text}");
    // ... or names its measure with a noun ("installations", not a verb such as "add").
    let de24 = market_value("Germany", "2024", HIST, "Total", "Annual");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "There's talk of a rooftop import boom. What does the database show for Germany's 2024 installations?").await;
    assert!(text.contains(&thousands(de24)), "{de24} in {text}");
    // The same story before a question that names no measure of its own still declines: the
    // figure asked may be the story's.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "We're talking to an inverter supplier. What about Spain in 2024?").await;
    assert!(!text.contains(" MW"), "{text}");
});

db_test!(async fn a_decks_cases_a_fall_in_a_place_and_a_combined_share(b) {
    let (app, t) = sample_app(b).await;
    // "bull" and "bear" are the high and low cases; "and bear — how far below bull" compares
    // them (the bear case was read past, and the answer was the bull case's change from 2029).
    let high = market_value("Germany", "2030", "Forecast - High", "Total", "Annual");
    let low = market_value("Germany", "2030", "Forecast - Low", "Total", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Germany 2030 base case adds?").await;
    let (_, text) = ask(&app, &t, c, "market", "bull case?").await;
    assert!(text.contains(&thousands(high)), "{high} in {text}");
    let (_, text) = ask(&app, &t, c, "market", "and bear — how far below bull, in GW?").await;
    assert!(text.contains(&thousands(high - low)) && text.contains("Forecast - Low"), "{high} {low} in {text}");
    // "the % fall in Germany's additions from 2020 to 2021" is a change (it was read as a share:
    // "fall in" a place is no segment a share falls in).
    let (a, b2) = (
        market_value("Germany", "2020", HIST, "Total", "Annual"),
        market_value("Germany", "2021", HIST, "Total", "Annual"),
    );
    let change = (b2 - a) / a * 100.0;
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "What was the % fall in Germany's additions from 2020 to 2021?").await;
    assert!(text.contains(&format!("{:.1}%", change.abs())) && !text.contains("of World"), "{change} in {text}");
    // "the two combined — % of World?" after two places asked one by one: their sum's share (it
    // gave the last place's share alone).
    let pl = market_value("Poland", "2024", HIST, "Total", "Annual");
    let nl = market_value("Netherlands", "2024", HIST, "Total", "Annual");
    let world = market_value("World", "2024", HIST, "Total", "Annual");
    let c = conversation(&app, &t).await;
    ask(&app, &t, c, "market", "Poland 2024 adds?").await;
    ask(&app, &t, c, "market", "and Netherlands?").await;
    let (_, text) = ask(&app, &t, c, "market", "the two combined — % of World?").await;
    assert!(text.contains(&thousands(pl + nl)) && text.contains(&format!("{:.1}%", (pl + nl) / world * 100.0)), "{pl} {nl} in {text}");
    // "1 lakh MW" is 100,000 MW; "top 3 only pls" ranks three.
    let (year, v) = series("World", "Cumulative")
        .into_iter()
        .find(|(_, v)| *v > 100_000.0)
        .expect("the sample's world base passes 1 lakh MW");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "In which year did World cumulative PV capacity first go above 1 lakh MW?").await;
    assert!(text.contains(&format!("**{year}**")) && text.contains(&thousands(v)), "{year} {v} in {text}");
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Rank the countries by PV added in 2023 - top 3 only pls.").await;
    assert!(text.contains("| 3 |") && !text.contains("| 4 |"), "{text}");
});

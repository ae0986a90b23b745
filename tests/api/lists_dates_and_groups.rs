//! Lists of places ranked, days of a month, groups of countries, comparatives between two
//! names, and what a site or a rating is not. Each test failed before the fix it names; figures
//! are computed here from the sample files, never typed in.

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};
use crate::support::signed_pct;

const HIST: &str = "Historical Primary";

fn declines(text: &str) -> bool {
    text.contains("could not") || text.contains("cannot")
}

db_test!(async fn named_places_are_ranked_and_two_names_compared(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str| market_value(c, "2024", HIST, "Total", "Annual");
    let mut named: Vec<(&str, f64)> = ["Spain", "Italy", "Germany", "France", "Poland"]
        .iter()
        .map(|c| (*c, v(c)))
        .collect();
    named.sort_by(|a, b| b.1.total_cmp(&a.1));
    // "Rank ES, IT, DE, FR and PL": the codes are the countries, and the rows are in rank order
    // (they were listed as named, under a read-back that said "a ranking").
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "Rank ES, IT, DE, FR and PL by additions in 2024").await;
    let mut at = 0;
    for (i, (country, value)) in named.iter().enumerate() {
        let row = format!("| {}. {country} | {} |", i + 1, thousands(*value));
        let found = text[at..].find(&row).unwrap_or_else(|| panic!("{row} after {at} in {text}"));
        at += found;
    }
    // "Top 2 of ...": the two highest only.
    let (_, text) = ask(&app, &t, c, "market", "Top 2 of Spain, Italy, Germany, France and Poland for additions in 2024?").await;
    assert!(text.contains(&format!("| 2. {} |", named[1].0)) && !text.contains("| 3. "), "{text}");
    // "was more added distributed or centralised?": both figures, not a decline on "more".
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "In Poland in 2024, was more PV added distributed or centralised? Both figures please.").await;
    for conn in ["Distributed", "Centralised"] {
        let x = market_value("Poland", "2024", HIST, conn, "Annual");
        assert!(text.contains(&thousands(x)), "{conn} {x} in {text}");
    }
    // "how far apart are the high and low scenarios": their difference in that year (it read
    // "scenarios" as all three, then a change between years that do not exist).
    let f = |s: &str| market_value("Germany", "2030", s, "Total", "Annual");
    let (_, text) = ask(&app, &t, c, "market", "For Germany in 2030, how far apart are the high and low scenarios for annual additions?").await;
    let gap = f("Forecast - High") - f("Forecast - Low");
    assert!(text.contains(&format!("**{} MW", thousands(gap))), "{gap} in {text}");
    assert!(!text.contains("Most probable"), "{text}");
    // "more than 2,000 MW": a level, not the year 2000.
    let first = ["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]
        .into_iter()
        .find(|y| market_value("Poland", y, HIST, "Total", "Annual") >= 2000.0)
        .expect("a year at 2 GW in the sample");
    let (_, text) = ask(&app, &t, c, "market", "First year Poland added more than 2,000 MW?").await;
    assert!(text.contains(&format!("**{first}**")), "{first} in {text}");
});

db_test!(async fn a_day_of_a_month_is_the_date_asked(b) {
    let (app, t) = sample_app(b).await;
    let rows = sample_rows("prices.csv");
    let price = |date: &str| -> f64 {
        rows.iter()
            .find(|r| {
                r["item"] == "Module"
                    && r["description"] == "p-type mono-Si PERC M10"
                    && r["region"] == "China"
                    && r["date"] == date
            })
            .map(|r| r["base_price"].parse().unwrap())
            .unwrap_or_else(|| panic!("no sample price on {date}"))
    };
    // "2024-03-01" was read as the year alone, and answered with the latest price.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "price", "China PERC M10 module price on 2024-03-01?").await;
    assert!(text.contains("1 March 2024") && text.contains(&format!("{:.3}", price("2024-03-01"))), "{text}");
    // "on 30 March 2024": the observation nearest the day (1 April), not the month's middle.
    let (_, text) = ask(&app, &t, c, "price", "China PERC M10 module price on March 30th, 2024?").await;
    assert!(text.contains(&format!("{:.3}", price("2024-04-01"))) && text.contains("2024-04-01"), "{text}");
    // Between two days, in percent: the change between them ("in percent" was a share).
    let (_, text) = ask(&app, &t, c, "price", "What did China PERC M10 modules do between 1 March 2023 and 1 March 2024, in percent?").await;
    let pct = (price("2024-03-01") / price("2023-03-01") - 1.0) * 100.0;
    assert!(text.contains(&signed_pct(pct)), "{pct} in {text}");
});

db_test!(async fn groups_sites_and_ratings(b) {
    let (app, t) = sample_app(b).await;
    // "the Benelux" is its three countries; the sample holds only the Netherlands, so the
    // others are named as not held and no figure is given for the group.
    let c = conversation(&app, &t).await;
    let (_, text) = ask(&app, &t, c, "market", "How much PV did the Benelux add in 2024?").await;
    assert!(declines(&text) && text.to_lowercase().contains("belgium") && !text.contains(" MW"), "{text}");
    // Capacity on a kind of building is not held: no country figure in its place.
    let (_, text) = ask(&app, &t, c, "market", "How much PV capacity is installed on school buildings in the Netherlands?").await;
    assert!(declines(&text) && !text.contains(" MW"), "{text}");
    // A credit rating is not a metric of the financials: no table of other metrics.
    let (_, text) = ask(&app, &t, c, "manufacturer_financial", "What credit rating does Helios Modules Ltd have? Procurement needs it.").await;
    assert!(declines(&text) && !text.contains("USD million"), "{text}");
});

db_test!(async fn a_place_left_out_of_a_ranking(b) {
    let (app, t) = sample_app(b).await;
    let v = |c: &str, y: &str| market_value(c, y, HIST, "Total", "Annual");
    let countries = ["Spain", "Italy", "Germany", "France", "Poland", "Netherlands"];
    let leader = |y: &str, out: &str| {
        countries
            .iter()
            .filter(|c| **c != out)
            .max_by(|a, b| v(a, y).total_cmp(&v(b, y)))
            .map(|c| c.to_string())
            .unwrap()
    };
    let top = leader("2024", "");
    // "Leaving Germany aside": the ranking without it ("aside" was read past, and the answer was
    // the left-out country's own record year).
    let c = conversation(&app, &t).await;
    let q = format!("Leaving {top} aside, which country installed the most PV in 2024?");
    let (_, text) = ask(&app, &t, c, "market", &q).await;
    let second = leader("2024", &top);
    assert!(text.contains(&format!("is **{second}**")) && text.contains(&format!("{top} left out")), "{text}");
    // The follow-up keeps it left out.
    let (_, text) = ask(&app, &t, c, "market", "and in 2023?").await;
    assert!(text.contains(&format!("is **{}**", leader("2023", &top))), "{text}");
    // Out of anything but a ranking, it is declined with no figure.
    let c = conversation(&app, &t).await;
    let q = format!("How much did Spain add in 2024 excluding {top}?");
    let (_, text) = ask(&app, &t, c, "market", &q).await;
    assert!(text.contains("out of a ranking of countries") && !text.contains(&thousands(v("Spain", "2024"))), "{text}");
});

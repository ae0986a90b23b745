//! The question set: questions as analysts write them, each labelled answerable —
//! with the figure the answer must state, computed here from the sample files — or not
//! answerable, with why. It reports, per agent and overall, **precision** (of the answers that
//! state a figure, those that state the right one) and **coverage** (of the answerable
//! questions, those answered with the right figure), and requires precision 100% and coverage
//! at least 90%. `bench/questions.sh` prints the table.

use std::collections::BTreeMap;

use crate::support::answers::{
    ask, conversation, market_value, sample_app, sample_rows, thousands,
};
use crate::support::*;

/// What a question must get.
enum Want {
    /// The answer states this figure (as the answers print it).
    Figure(String),
    /// The answer states no figure and says why.
    Decline(&'static str),
    /// A document agent quotes the passage with this title.
    Passage(&'static str),
    /// A document agent quotes no passage.
    NoPassage(&'static str),
}

struct Q {
    agent: &'static str,
    /// Questions asked in one conversation, in order; the last one is judged.
    text: Vec<String>,
    want: Want,
}

fn q(agent: &'static str, text: &str, want: Want) -> Q {
    Q {
        agent,
        text: vec![text.to_string()],
        want,
    }
}

fn follow(agent: &'static str, texts: &[&str], want: Want) -> Q {
    Q {
        agent,
        text: texts.iter().map(|t| t.to_string()).collect(),
        want,
    }
}

const HIST: &str = "Historical Primary";
const LAST_HIST: i32 = 2024;
const AGGREGATES: &[&str] = &["World"];

fn annual(t: &str, y: i32) -> f64 {
    let s = if y <= LAST_HIST {
        HIST
    } else {
        "Forecast - Most probable"
    };
    market_value(t, &y.to_string(), s, "Total", "Annual")
}

fn mw(v: f64) -> Want {
    Want::Figure(thousands(v))
}

fn pct(v: f64) -> Want {
    Want::Figure(format!("{:.1}%", v * 100.0))
}

fn territories() -> Vec<String> {
    let mut t: Vec<String> = sample_rows("market.csv")
        .into_iter()
        .map(|r| r["Territory"].clone())
        .collect();
    t.sort();
    t.dedup();
    t
}

/// (country, annual MW in `y`), largest first; aggregates left out.
fn ranking(y: i32) -> Vec<(String, f64)> {
    let mut r: Vec<(String, f64)> = territories()
        .into_iter()
        .filter(|t| !AGGREGATES.contains(&t.as_str()))
        .map(|t| {
            let v = annual(&t, y);
            (t, v)
        })
        .collect();
    r.sort_by(|a, b| b.1.total_cmp(&a.1));
    r
}

fn price_series(item: &str, desc: &str, region: &str) -> Vec<(String, f64)> {
    let mut s: Vec<(String, f64)> = sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == item && r["description"] == desc && r["region"] == region)
        .map(|r| (r["date"].clone(), r["base_price"].parse().unwrap()))
        .collect();
    s.sort_by(|a, b| a.0.cmp(&b.0));
    s
}

/// The observation nearest the 15th of the month (earlier on a tie).
fn price_in(item: &str, desc: &str, region: &str, year: i32, month: u32) -> f64 {
    let target = chrono::NaiveDate::from_ymd_opt(year, month, 15).unwrap();
    price_series(item, desc, region)
        .into_iter()
        .min_by_key(|(d, _)| {
            let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            ((d - target).num_days().abs(), d)
        })
        .unwrap()
        .1
}

fn financial(company: &str, period: &str, metric: &str) -> Want {
    let v: f64 = sample_rows("financials.csv")
        .into_iter()
        .find(|r| r["company"] == company && r["period"] == period && r["metric"] == metric)
        .map(|r| r["value"].parse().unwrap())
        .unwrap_or_else(|| panic!("no sample row {company} {period} {metric}"));
    Want::Figure(if v.fract() == 0.0 {
        thousands(v)
    } else {
        format!("{v}")
    })
}

const HELIOS: &str = "Helios Modules Ltd (sample)";
const AURORA: &str = "Aurora PV Group (sample)";

fn questions() -> Vec<Q> {
    use Want::{Decline, NoPassage, Passage};
    let top23 = ranking(2023);
    let top24 = ranking(2024);
    let de: Vec<(i32, f64)> = (2015..=2024).map(|y| (y, annual("Germany", y))).collect();
    let de_peak = de
        .iter()
        .copied()
        .fold((0, f64::MIN), |b, x| if x.1 > b.1 { x } else { b });
    let fr_avg = (2020..=2024).map(|y| annual("France", y)).sum::<f64>() / 5.0;
    let it_sum = (2020..=2024).map(|y| annual("Italy", y)).sum::<f64>();
    let dist = market_value("Italy", "2023", HIST, "Distributed", "Annual");
    let cagr = (annual("France", 2024) / annual("France", 2015)).powf(1.0 / 9.0) - 1.0;
    vec![
        // Lookups, as analysts write them.
        q(
            "market",
            "What was the annual installed capacity of Italy in 2023?",
            mw(annual("Italy", 2023)),
        ),
        q(
            "market",
            "How much PV did Germany install in 2022?",
            mw(annual("Germany", 2022)),
        ),
        q(
            "market",
            "spain 2021 annual installations",
            mw(annual("Spain", 2021)),
        ),
        q(
            "market",
            "Please, could you tell me the cumulative capacity of Poland in 2020? Thanks!",
            mw(market_value("Poland", "2020", HIST, "Total", "Cumulative")),
        ),
        q(
            "market",
            "Cumulative installed PV in the Netherlands, 2019",
            mw(market_value(
                "Netherlands",
                "2019",
                HIST,
                "Total",
                "Cumulative",
            )),
        ),
        q(
            "market",
            "new solar capacity in France in 2018",
            mw(annual("France", 2018)),
        ),
        q(
            "market",
            "What was the world's annual PV market in 2024?",
            mw(annual("World", 2024)),
        ),
        q(
            "market",
            "How much utility-scale PV was built in Spain in 2023?",
            mw(market_value("Spain", "2023", HIST, "Centralised", "Annual")),
        ),
        q(
            "market",
            "rooftop installations in Germany in 2022",
            mw(market_value(
                "Germany",
                "2022",
                HIST,
                "Distributed",
                "Annual",
            )),
        ),
        q(
            "market",
            "off-grid capacity added in Italy in 2020",
            mw(market_value("Italy", "2020", HIST, "Off-grid", "Annual")),
        ),
        // Typos.
        q(
            "market",
            "annual instaled capacity of Itlay in 2023",
            mw(annual("Italy", 2023)),
        ),
        q(
            "market",
            "Germnay cumulative capacity 2024",
            mw(market_value("Germany", "2024", HIST, "Total", "Cumulative")),
        ),
        // Forecasts.
        q(
            "market",
            "What is the forecast for Spain in 2030 in the high scenario?",
            mw(market_value(
                "Spain",
                "2030",
                "Forecast - High",
                "Total",
                "Annual",
            )),
        ),
        q(
            "market",
            "Italy 2028 low scenario annual installations",
            mw(market_value(
                "Italy",
                "2028",
                "Forecast - Low",
                "Total",
                "Annual",
            )),
        ),
        q(
            "market",
            "How much will France install in 2027?",
            mw(market_value(
                "France",
                "2027",
                "Forecast - Most probable",
                "Total",
                "Annual",
            )),
        ),
        // Rankings (countries only).
        q(
            "market",
            "Which country installed the most in 2023?",
            mw(top23[0].1),
        ),
        q(
            "market",
            "Which country had the largest annual installations in 2024?",
            mw(top24[0].1),
        ),
        q("market", "top 5 countries in 2024", mw(top24[4].1)),
        q(
            "market",
            "Which country installed the least in 2023?",
            mw(top23.last().unwrap().1),
        ),
        // Shares.
        q(
            "market",
            "What share of Italy's installations was distributed in 2023?",
            pct(dist / annual("Italy", 2023)),
        ),
        q(
            "market",
            "What share of world installations did Germany have in 2024?",
            pct(annual("Germany", 2024) / annual("World", 2024)),
        ),
        q(
            "market",
            "Spain's share of the world market in 2022",
            pct(annual("Spain", 2022) / annual("World", 2022)),
        ),
        // Change, growth, CAGR.
        q(
            "market",
            "How much did Spain grow from 2022 to 2023?",
            mw((annual("Spain", 2023) - annual("Spain", 2022)).abs()),
        ),
        q(
            "market",
            "change in annual installations in Italy between 2020 and 2024",
            Want::Figure(signed_pct(
                (annual("Italy", 2024) / annual("Italy", 2020) - 1.0) * 100.0,
            )),
        ),
        q(
            "market",
            "CAGR of France between 2015 and 2024",
            Want::Figure(signed_pct(cagr * 100.0)),
        ),
        // Comparisons, min / max / average, sums.
        q(
            "market",
            "Compare Italy and Spain in 2023",
            mw(annual("Spain", 2023)),
        ),
        q(
            "market",
            "Italy vs Germany annual installations 2022",
            mw(annual("Germany", 2022)),
        ),
        q(
            "market",
            "In which year did Germany install the most?",
            mw(de_peak.1),
        ),
        q(
            "market",
            "Average annual installations in France from 2020 to 2024",
            mw(fr_avg),
        ),
        q(
            "market",
            "Combined installations of Italy, Spain and France in 2023",
            mw(annual("Italy", 2023) + annual("Spain", 2023) + annual("France", 2023)),
        ),
        q(
            "market",
            "Total installations in Italy from 2020 to 2024 in total",
            mw(it_sum),
        ),
        // Trends and follow-ups.
        q(
            "market",
            "Show the trend of annual installations in Germany from 2015 to 2024",
            mw(annual("Germany", 2016)),
        ),
        follow(
            "market",
            &["Cumulative capacity of Italy in 2022", "and Spain?"],
            mw(market_value("Spain", "2022", HIST, "Total", "Cumulative")),
        ),
        follow(
            "market",
            &["annual installations in France in 2021", "what about 2023?"],
            mw(annual("France", 2023)),
        ),
        // The open-questions agent routes to the market data.
        q(
            "weaviate",
            "What is the cumulative installed capacity of Germany in 2024?",
            mw(market_value("Germany", "2024", HIST, "Total", "Cumulative")),
        ),
        // Not answerable: another technology, another measure, a place or period not held.
        q(
            "market",
            "How much solar thermal capacity did Greece add in 2022?",
            Decline("another technology, and a country not in the data"),
        ),
        q(
            "market",
            "How much solar thermal capacity did Italy add in 2022?",
            Decline("another technology"),
        ),
        q(
            "market",
            "How much wind capacity did Germany install in 2023?",
            Decline("another technology"),
        ),
        q(
            "market",
            "Battery storage installations in Spain 2023",
            Decline("another technology"),
        ),
        q(
            "market",
            "Italy offshore capacity 2023",
            Decline("another technology"),
        ),
        q(
            "market",
            "What was Italy's electricity generation from PV in 2023?",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "How many jobs does the solar industry in Spain have?",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "Investment in PV in France in 2023",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "What is the LCOE of solar in Spain?",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "How many households have rooftop solar in Germany?",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "What was the capacity factor of PV in Italy in 2022?",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "Annual installations in Atlantis in 2023",
            Decline("an unknown place"),
        ),
        q(
            "market",
            "How much PV did Greece install in 2023?",
            Decline("a country not in the data"),
        ),
        q(
            "market",
            "What was the installed capacity of Italy in 2040?",
            Decline("a year past the data"),
        ),
        q(
            "market",
            "What is the forecast for Italy in 2019?",
            Decline("a forecast for a historical year"),
        ),
        q(
            "market",
            "What will the weather be like tomorrow?",
            Decline("not about the data"),
        ),
        q(
            "market",
            "What is the module price in China?",
            Decline("a price, not market data"),
        ),
        q(
            "market",
            "What is the revenue of Helios in 2023?",
            Decline("financials, not market data"),
        ),
        q(
            "market",
            "How much did Italy grow?",
            Decline("a change needs two years"),
        ),
        // Prices.
        q(
            "price",
            "What is the latest n-type TOPCon module price in China?",
            Want::Figure(format!(
                "{:.3}",
                price_series("Module", "n-type TOPCon", "China")
                    .last()
                    .unwrap()
                    .1
            )),
        ),
        q(
            "price",
            "What was the price of n-type TOPCon modules in China in March 2024?",
            Want::Figure(format!(
                "{:.3}",
                price_in("Module", "n-type TOPCon", "China", 2024, 3)
            )),
        ),
        q(
            "price",
            "HJT module price in the US in June 2023",
            Want::Figure(format!(
                "{:.3}",
                price_in("Module", "n-type HJT", "US", 2023, 6)
            )),
        ),
        q(
            "price",
            "p-type wafer price in China, January 2024",
            Want::Figure(format!(
                "{:.3}",
                price_in("Wafer", "p-type mono-Si M10", "China", 2024, 1)
            )),
        ),
        q(
            "price",
            "What is the price of wind turbines in China?",
            Decline("another technology"),
        ),
        q(
            "price",
            "Module price in Italy",
            Decline("Italy is not a price region"),
        ),
        q(
            "price",
            "electricity price in Germany",
            Decline("a measure not held"),
        ),
        q(
            "price",
            "What is the module price in India in March 2031?",
            Decline("a date past the data"),
        ),
        // Financials.
        q(
            "manufacturer_financial",
            "What is the EBITDA of Helios?",
            Decline("a metric not held"),
        ),
        q(
            "manufacturer_financial",
            "What was the revenue of Tesla in 2023?",
            Decline("a company not in the data"),
        ),
        q(
            "manufacturer_financial",
            "How many employees does Helios have?",
            Decline("a measure not held"),
        ),
        q(
            "manufacturer_financial",
            "What was Helios revenue in Q2 2023?",
            financial(HELIOS, "2023-Q2", "Revenue"),
        ),
        q(
            "manufacturer_financial",
            "Helios revenue FY2023",
            financial(HELIOS, "FY2023", "Revenue"),
        ),
        q(
            "manufacturer_financial",
            "gross margin of Aurora in Q3 2023",
            financial(AURORA, "2023-Q3", "Gross margin"),
        ),
        q(
            "manufacturer_financial",
            "Aurora module shipments in the first quarter of 2024",
            financial(AURORA, "2024-Q1", "Module shipments"),
        ),
        // Document agents quote passages that address the question, and none otherwise.
        q(
            "news",
            "module price declines and inventories",
            Passage("Module prices slide below"),
        ),
        q(
            "news",
            "Which manufacturer announced a TOPCon factory?",
            Passage("TOPCon factory"),
        ),
        q(
            "news",
            "news about tariffs on module sourcing in the United States",
            Passage("Tariffs reshape module sourcing"),
        ),
        q(
            "news",
            "What did Tesla announce about electric cars?",
            NoPassage("nothing in the news is about it"),
        ),
        q(
            "digitalization",
            "drone inspections with thermal imaging",
            Passage("Drone inspections"),
        ),
        q(
            "digitalization",
            "digital twins for asset management",
            Passage("Digital twins"),
        ),
        q(
            "digitalization",
            "blockchain energy trading platforms",
            NoPassage("no document about it"),
        ),
        q(
            "nzia_policy",
            "non-price criteria in renewable auctions",
            Passage("Non-price criteria"),
        ),
        q("nzia_policy", "FER X decree auctions", Passage("FER X")),
        q(
            "nzia_policy",
            "US Inflation Reduction Act tax credits",
            NoPassage("not an EU rule"),
        ),
        q(
            "nzia_market_impact",
            "Can Europe reach 40% domestic manufacturing?",
            Passage("40% domestic solar manufacturing"),
        ),
        q(
            "nzia_market_impact",
            "NZIA resilience criteria and module prices",
            Passage("resilience criteria"),
        ),
        q(
            "leo_om",
            "module cleaning and soiling losses",
            Passage("Module cleaning and soiling"),
        ),
        q(
            "leo_om",
            "inverter failures and downtime",
            Passage("Inverter failures"),
        ),
        q(
            "leo_om",
            "vegetation management",
            Passage("Vegetation management"),
        ),
        q(
            "leo_om",
            "How do I maintain a wind turbine gearbox?",
            NoPassage("another technology"),
        ),
        q("leo_om", "zebra xylophone", NoPassage("nonsense")),
        q(
            "weaviate",
            "drone inspections and digital twins",
            Passage("Drone inspections"),
        ),
        q(
            "weaviate",
            "What is the price of n-type TOPCon modules in China in March 2024?",
            Want::Figure(format!(
                "{:.3}",
                price_in("Module", "n-type TOPCon", "China", 2024, 3)
            )),
        ),
        q(
            "weaviate",
            "What was Helios revenue in Q2 2023?",
            financial(HELIOS, "2023-Q2", "Revenue"),
        ),
        // Readings an analyst expects: "installed capacity" is the installed base, "add" is annual.
        q(
            "market",
            "What is the installed capacity of Italy in 2023?",
            mw(market_value("Italy", "2023", HIST, "Total", "Cumulative")),
        ),
        q(
            "market",
            "Italy capacity 2022",
            mw(market_value("Italy", "2022", HIST, "Total", "Cumulative")),
        ),
        q(
            "market",
            "How much capacity did Germany add in 2022?",
            mw(annual("Germany", 2022)),
        ),
        q(
            "market",
            "How much PV did Italy install?",
            mw(annual("Italy", LAST_HIST)),
        ),
        q(
            "market",
            "Italy installations last year",
            mw(annual("Italy", LAST_HIST)),
        ),
        q(
            "market",
            "Which countries installed the most in 2022? Top 3",
            mw(ranking(2022)[2].1),
        ),
        q("market", "biggest market in 2021", mw(ranking(2021)[0].1)),
        q(
            "market",
            "What percentage of Spain's 2023 additions were utility-scale?",
            pct(market_value("Spain", "2023", HIST, "Centralised", "Annual")
                / annual("Spain", 2023)),
        ),
        q(
            "market",
            "Germany vs France 2024 cumulative",
            mw(market_value("France", "2024", HIST, "Total", "Cumulative")),
        ),
        q(
            "market",
            "Did Poland install more than the Netherlands in 2023?",
            mw(annual("Netherlands", 2023)),
        ),
        q(
            "market",
            "What was the installed capacity of Italy in 2010?",
            Decline("before the data"),
        ),
        q(
            "market",
            "How many solar panels were installed in Italy in 2023?",
            Decline("a count of panels is not held"),
        ),
        q(
            "market",
            "What will Germany install in 2035?",
            Decline("past the data"),
        ),
        q(
            "market",
            "How much hydrogen capacity is there in Spain?",
            Decline("another technology"),
        ),
        q(
            "market",
            "Forecast for the UK in 2030",
            Decline("a country not in the data"),
        ),
        q(
            "price",
            "Average module price in Spain",
            Decline("Spain is not a price region"),
        ),
        q(
            "price",
            "What is the module price in China in 1999?",
            Decline("before the data"),
        ),
        q(
            "manufacturer_financial",
            "Helios revenue in Q2 2030",
            Decline("a period not in the data"),
        ),
        q(
            "manufacturer_financial",
            "market share of First Solar",
            Decline("a company not in the data"),
        ),
        q(
            "weaviate",
            "How many MW of geothermal did Italy build in 2022?",
            Decline("another technology"),
        ),
        q(
            "market",
            "top 3 countries by cumulative capacity in 2024",
            {
                let mut c: Vec<f64> = territories()
                    .iter()
                    .filter(|t| !AGGREGATES.contains(&t.as_str()))
                    .map(|t| market_value(t, "2024", HIST, "Total", "Cumulative"))
                    .collect();
                c.sort_by(|a, b| b.total_cmp(a));
                mw(c[2])
            },
        ),
        q(
            "market",
            "Which country installed the least in 2022?",
            mw(ranking(2022).last().unwrap().1),
        ),
        q(
            "price",
            "lowest n-type TOPCon module price in China in 2024",
            Want::Figure(format!(
                "{:.3}",
                price_series("Module", "n-type TOPCon", "China")
                    .into_iter()
                    .filter(|(d, _)| d.starts_with("2024"))
                    .map(|(_, v)| v)
                    .fold(f64::INFINITY, f64::min)
            )),
        ),
        q(
            "price",
            "average p-type mono-Si PERC M10 module price in the EU in 2023",
            Want::Figure(format!("{:.3}", {
                let v: Vec<f64> = price_series("Module", "p-type mono-Si PERC M10", "EU")
                    .into_iter()
                    .filter(|(d, _)| d.starts_with("2023"))
                    .map(|(_, v)| v)
                    .collect();
                v.iter().sum::<f64>() / v.len() as f64
            })),
        ),
        q("price", "Rank module prices by region", {
            // Every module series by its latest price, the highest first (all in US$/Wp).
            let top = price_keys("Module")
                .into_iter()
                .map(|(d, r)| latest_price("Module", &d, &r))
                .fold(f64::MIN, f64::max);
            Want::Figure(format!("{top:.3}"))
        }),
        q(
            "price",
            "How much did n-type TOPCon module prices in China change from 2023 to 2024?",
            {
                let s = price_series("Module", "n-type TOPCon", "China");
                Want::Figure(signed_pct((s.last().unwrap().1 / s[0].1 - 1.0) * 100.0))
            },
        ),
        q(
            "price",
            "How much did module prices in China change?",
            Decline("a change needs a span"),
        ),
        q(
            "manufacturer_financial",
            "Helios revenue growth from 2023 to 2024",
            {
                let fy = |p: &str| {
                    sample_rows("financials.csv")
                        .into_iter()
                        .find(|r| {
                            r["company"] == HELIOS && r["period"] == p && r["metric"] == "Revenue"
                        })
                        .map(|r| r["value"].parse::<f64>().unwrap())
                        .unwrap()
                };
                Want::Figure(signed_pct((fy("FY2024") / fy("FY2023") - 1.0) * 100.0))
            },
        ),
        q(
            "manufacturer_financial",
            "Helios revenue growth",
            Decline("a change needs two years"),
        ),
        q(
            "manufacturer_financial",
            "Which company had the highest revenue in 2023?",
            {
                let top = sample_rows("financials.csv")
                    .into_iter()
                    .filter(|r| r["period"] == "FY2023" && r["metric"] == "Revenue")
                    .map(|r| r["value"].parse::<f64>().unwrap())
                    .fold(f64::MIN, f64::max);
                Want::Figure(if top.fract() == 0.0 {
                    thousands(top)
                } else {
                    format!("{top}")
                })
            },
        ),
        q(
            "market",
            "centralised and distributed installations in Italy in 2023",
            mw(market_value("Italy", "2023", HIST, "Distributed", "Annual")),
        ),
        q(
            "weaviate",
            "news about a TOPCon factory announcement",
            Passage("TOPCon factory"),
        ),
        follow(
            "price",
            &["wind turbine prices in China", "and in the EU?"],
            Decline("a follow-up of a refused question carries nothing over"),
        ),
    ]
    .into_iter()
    .chain(price_operations())
    .chain(financial_operations())
    .collect()
}

/// The (description, region) series of a price item in the sample.
fn price_keys(item: &str) -> Vec<(String, String)> {
    let mut k: Vec<(String, String)> = sample_rows("prices.csv")
        .into_iter()
        .filter(|r| r["item"] == item)
        .map(|r| (r["description"].clone(), r["region"].clone()))
        .collect();
    k.sort();
    k.dedup();
    k
}

fn latest_price(item: &str, desc: &str, region: &str) -> f64 {
    price_series(item, desc, region).last().unwrap().1
}

fn fig3(v: f64) -> Want {
    Want::Figure(format!("{v:.3}"))
}

/// A change given as a fraction, as the answers write it in %.
fn change_pct(v: f64) -> Want {
    Want::Figure(signed_pct(v * 100.0))
}

/// Ranking, CAGR, sums and comparisons of prices, with their refusals.
fn price_operations() -> Vec<Q> {
    use Want::Decline;
    const TOPCON: &str = "n-type TOPCon";
    const PERC: &str = "p-type mono-Si PERC M10";
    let regions = |item: &str, desc: &str| -> Vec<String> {
        price_keys(item)
            .into_iter()
            .filter(|(d, _)| d == desc)
            .map(|(_, r)| r)
            .collect()
    };
    let us_modules: Vec<f64> = {
        let mut v: Vec<f64> = price_keys("Module")
            .into_iter()
            .filter(|(_, r)| r == "US")
            .map(|(d, r)| latest_price("Module", &d, &r))
            .collect();
        v.sort_by(|a, b| b.total_cmp(a));
        v
    };
    let cn_modules_top = price_keys("Module")
        .into_iter()
        .filter(|(_, r)| r == "China")
        .map(|(d, r)| latest_price("Module", &d, &r))
        .fold(f64::MIN, f64::max);
    let cheapest_topcon = regions("Module", TOPCON)
        .iter()
        .map(|r| latest_price("Module", TOPCON, r))
        .fold(f64::INFINITY, f64::min);
    // The change of a series over 2023–2024: its first to its last observation.
    let change = |desc: &str, region: &str| {
        let s = price_series("Module", desc, region);
        s.last().unwrap().1 / s[0].1 - 1.0
    };
    let largest_fall = regions("Module", TOPCON)
        .iter()
        .map(|r| change(TOPCON, r))
        .fold(f64::INFINITY, f64::min);
    let hjt_march = regions("Module", "n-type HJT")
        .iter()
        .map(|r| price_in("Module", "n-type HJT", r, 2024, 3))
        .fold(f64::INFINITY, f64::min);
    let cagr = {
        let s = price_series("Module", TOPCON, "China");
        let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let (d0, v0) = (day(&s[0].0), s[0].1);
        let (d1, v1) = (day(&s.last().unwrap().0), s.last().unwrap().1);
        let years = (d1 - d0).num_days() as f64 / 365.25;
        (v1 / v0).powf(1.0 / years) - 1.0
    };
    vec![
        q("price", "Rank module prices in China", fig3(cn_modules_top)),
        q(
            "price",
            "Which region has the cheapest n-type TOPCon modules?",
            fig3(cheapest_topcon),
        ),
        q(
            "price",
            "Which regoin has the cheapest n-type TOPCon modules?",
            fig3(cheapest_topcon),
        ),
        q(
            "price",
            "top 2 most expensive modules in the US",
            fig3(us_modules[1]),
        ),
        q(
            "price",
            "Which n-type TOPCon module price fell the most from 2023 to 2024?",
            change_pct(largest_fall),
        ),
        q(
            "price",
            "Which region had the lowest n-type HJT module price in March 2024?",
            fig3(hjt_march),
        ),
        q(
            "price",
            "CAGR of the n-type TOPCon module price in China from 2023 to 2024",
            change_pct(cagr),
        ),
        q(
            "price",
            "Sum of the latest n-type TOPCon module prices in China and the EU",
            fig3(latest_price("Module", TOPCON, "China") + latest_price("Module", TOPCON, "EU")),
        ),
        q(
            "price",
            "Compare n-type TOPCon module prices in China and the EU",
            change_pct(
                latest_price("Module", TOPCON, "EU") / latest_price("Module", TOPCON, "China")
                    - 1.0,
            ),
        ),
        q(
            "price",
            "compare PERC M10 module prices in China vs India in June 2023",
            change_pct(
                price_in("Module", PERC, "India", 2023, 6)
                    / price_in("Module", PERC, "China", 2023, 6)
                    - 1.0,
            ),
        ),
        // Not answerable.
        q(
            "price",
            "What share of the module price is the cell price in China?",
            Decline("a share of a price is meaningless"),
        ),
        q(
            "price",
            "Rank the latest module and wafer prices in China",
            Decline("two units are never ranked together"),
        ),
        q(
            "price",
            "Sum of the latest module and polysilicon prices in China",
            Decline("two units are never added"),
        ),
        q(
            "price",
            "CAGR of the n-type TOPCon module price in China",
            Decline("a CAGR needs a span"),
        ),
        q(
            "price",
            "CAGR of n-type TOPCon module prices in China from 2015 to 2024",
            Decline("the data does not reach back to 2015"),
        ),
        q(
            "price",
            "Sum of n-type TOPCon module prices in China",
            Decline("a sum of one series over time means nothing"),
        ),
    ]
}

fn fin(company: &str, period: &str, metric: &str) -> f64 {
    sample_rows("financials.csv")
        .into_iter()
        .find(|r| r["company"] == company && r["period"] == period && r["metric"] == metric)
        .map(|r| r["value"].parse().unwrap())
        .unwrap_or_else(|| panic!("no sample row {company} {period} {metric}"))
}

/// How the answers print a reported figure: as written, thousands separated when whole.
fn fin_fig(v: f64) -> Want {
    Want::Figure(if v.fract() == 0.0 {
        thousands(v)
    } else {
        format!("{v}")
    })
}

/// 14044.1 → "14,044.1", as the answers print a total.
fn one_decimal(v: f64) -> Want {
    let s = format!("{:.1}", v.abs());
    let (int, frac) = s.split_once('.').unwrap();
    let sign = if v < 0.0 { "-" } else { "" };
    Want::Figure(format!("{sign}{}.{frac}", thousands(int.parse().unwrap())))
}

/// The quarters of `years` of a company's metric.
fn quarters(company: &str, metric: &str, years: &[i32]) -> Vec<f64> {
    sample_rows("financials.csv")
        .into_iter()
        .filter(|r| {
            r["company"] == company
                && r["metric"] == metric
                && r["period"].contains("-Q")
                && years
                    .iter()
                    .any(|y| r["period"].starts_with(&y.to_string()))
        })
        .map(|r| r["value"].parse().unwrap())
        .collect()
}

/// Min / max / average over periods, CAGR, shares and comparisons of manufacturer figures
///, with their refusals.
fn financial_operations() -> Vec<Q> {
    use Want::Decline;
    const SUNFORGE: &str = "SunForge Energy (sample)";
    let companies: Vec<String> = {
        let mut c: Vec<String> = sample_rows("financials.csv")
            .into_iter()
            .map(|r| r["company"].clone())
            .collect();
        c.sort();
        c.dedup();
        c
    };
    let total = |period: &str, metric: &str| -> f64 {
        companies.iter().map(|c| fin(c, period, metric)).sum()
    };
    let avg = {
        let v = quarters(HELIOS, "Revenue", &[2023]);
        v.iter().sum::<f64>() / v.len() as f64
    };
    let avg_margin = {
        let v = quarters("Nordlicht Solar AG (sample)", "Gross margin", &[2023, 2024]);
        v.iter().sum::<f64>() / v.len() as f64
    };
    let two_decimals = |v: f64| {
        let s = format!("{v:.2}");
        let (int, frac) = s.split_once('.').unwrap();
        Want::Figure(format!("{}.{frac}", thousands(int.parse().unwrap())))
    };
    vec![
        q(
            "manufacturer_financial",
            "What was the average quarterly revenue of Helios in 2023?",
            two_decimals(avg),
        ),
        q(
            "manufacturer_financial",
            "average gross margin of Nordlicht from 2023 to 2024",
            two_decimals(avg_margin),
        ),
        q(
            "manufacturer_financial",
            "highest gross margin of Aurora",
            fin_fig(
                quarters(AURORA, "Gross margin", &[2023, 2024])
                    .into_iter()
                    .fold(f64::MIN, f64::max),
            ),
        ),
        q(
            "manufacturer_financial",
            "lowest quarterly net income of SunForge in 2024",
            fin_fig(
                quarters(SUNFORGE, "Net income", &[2024])
                    .into_iter()
                    .fold(f64::INFINITY, f64::min),
            ),
        ),
        q(
            "manufacturer_financial",
            "Helios revenue CAGR from 2023 to 2024",
            change_pct(fin(HELIOS, "FY2024", "Revenue") / fin(HELIOS, "FY2023", "Revenue") - 1.0),
        ),
        q(
            "manufacturer_financial",
            "What share of the listed companies' 2023 revenue was Helios's?",
            pct(fin(HELIOS, "FY2023", "Revenue") / total("FY2023", "Revenue")),
        ),
        q(
            "manufacturer_financial",
            "Aurora's share of module shipments in Q2 2024",
            pct(fin(AURORA, "2024-Q2", "Module shipments") / total("2024-Q2", "Module shipments")),
        ),
        q(
            "manufacturer_financial",
            "Compare Helios and Aurora revenue in FY2023",
            change_pct(fin(AURORA, "FY2023", "Revenue") / fin(HELIOS, "FY2023", "Revenue") - 1.0),
        ),
        q(
            "manufacturer_financial",
            "combined revenue of Helios and SunForge in 2023",
            one_decimal(fin(HELIOS, "FY2023", "Revenue") + fin(SUNFORGE, "FY2023", "Revenue")),
        ),
        q(
            "manufacturer_financial",
            "What was the combined net income of the companies in FY2024?",
            one_decimal(total("FY2024", "Net income")),
        ),
        q(
            "manufacturer_financial",
            "Compare Helios and Aurora gross margin in Q2 2024",
            Want::Figure(format!(
                "{:+.1} percentage points",
                fin(AURORA, "2024-Q2", "Gross margin") - fin(HELIOS, "2024-Q2", "Gross margin")
            )),
        ),
        // Not answerable.
        q(
            "manufacturer_financial",
            "combined gross margin of Helios and Aurora in 2023",
            Decline("percentages do not add up"),
        ),
        // One company "combined": its quarters added up (which is its full year).
        q(
            "manufacturer_financial",
            "combined revenue of Helios in 2023",
            Want::Figure(thousands(
                ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
                    .iter()
                    .map(|p| fin(HELIOS, p, "Revenue"))
                    .sum(),
            )),
        ),
        q(
            "manufacturer_financial",
            "What share of the companies' 2023 gross margin was Helios's?",
            Decline("a margin is a percentage: no total to take a share of"),
        ),
        q(
            "manufacturer_financial",
            "Helios revenue CAGR",
            Decline("a CAGR needs two years"),
        ),
        q(
            "manufacturer_financial",
            "What share of the 2024 net income was SunForge's?",
            Decline("a loss is no part of a total"),
        ),
        q(
            "manufacturer_financial",
            "Helios share of revenue in 2030",
            Decline("a period not in the data"),
        ),
        q(
            "manufacturer_financial",
            "Helios share of revenue in Q2 2023 and 2024",
            Decline("a share is of one period"),
        ),
    ]
}

/// A number in the text that is not a year or a date: the answer states a figure. The expert
/// offer's canned text ("within 24-48 hours") is not an answer.
fn states_a_figure(text: &str) -> bool {
    let text = text
        .split("## How Our Experts Can Help")
        .next()
        .unwrap_or("");
    text.split(|c: char| c.is_whitespace() || "()[]*|:;!?\"'/–".contains(c))
        .map(|t| t.trim_end_matches(['.', ',']))
        .filter(|t| !t.is_empty())
        .any(|t| {
            let body = t.trim_start_matches(['+', '-', '−']).trim_end_matches('%');
            let numeric = !body.is_empty()
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && body.chars().next().is_some_and(|c| c.is_ascii_digit());
            let year = body.len() == 4
                && body
                    .parse::<i32>()
                    .is_ok_and(|y| (1990..=2100).contains(&y));
            numeric && !year
        })
}

/// Ask every question (each in a conversation of its own, follow-ups in order) and judge the
/// last answer. Per agent: [stated a figure or quoted, stated the right one, answerable,
/// answered right]; and the misses.
async fn judge(
    app: &TestApp,
    t: &str,
    qs: &[Q],
    label: &str,
) -> (BTreeMap<&'static str, [usize; 4]>, Vec<String>) {
    let mut tally: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut failures = Vec::new();
    for item in qs {
        let c = conversation(app, t).await;
        let mut text = String::new();
        for m in &item.text {
            text = ask(app, t, c, item.agent, m).await.1;
        }
        if std::env::var_os("QUESTIONS_VERBOSE").is_some() {
            println!("\n### {label}{} — {:?}\n\n{text}\n", item.agent, item.text);
        }
        let stated = states_a_figure(&text);
        let quoted = text.contains("passages that address");
        let e = tally.entry(item.agent).or_default();
        let (answered, right) = match &item.want {
            Want::Figure(f) => (stated, text.contains(f.as_str())),
            Want::Passage(title) => (quoted, quoted && text.contains(title)),
            Want::Decline(_) => (stated, false),
            Want::NoPassage(_) => (quoted, false),
        };
        let answerable = matches!(item.want, Want::Figure(_) | Want::Passage(_));
        e[0] += usize::from(answered || right);
        e[1] += usize::from(right);
        e[2] += usize::from(answerable);
        e[3] += usize::from(right);
        match &item.want {
            Want::Figure(f) if !right => {
                failures.push(format!("{:?}: wanted {f}, got: {text}", item.text))
            }
            Want::Passage(title) if !right => failures.push(format!(
                "{:?}: wanted the passage {title:?}, got: {text}",
                item.text
            )),
            Want::Decline(why) | Want::NoPassage(why) if answered => failures.push(format!(
                "{:?} ({why}) should state no figure and quote nothing, got: {text}",
                item.text
            )),
            _ => {}
        }
    }
    (tally, failures)
}

/// The whole set's tally.
fn total(tally: &BTreeMap<&'static str, [usize; 4]>) -> [usize; 4] {
    tally.values().fold([0usize; 4], |mut acc, v| {
        (0..4).for_each(|i| acc[i] += v[i]);
        acc
    })
}

/// Print the table rows, then require precision 100% and coverage 90%.
fn report(rows: &[(&str, [usize; 4], usize)], failures: &[String]) {
    let mut all = [0usize; 4];
    let mut n = 0;
    for (label, v, count) in rows {
        for i in 0..4 {
            all[i] += v[i];
        }
        n += count;
        print!("{}", row(label, v, *count));
    }
    if rows.len() > 1 {
        print!("{}", row("all", &all, n));
    }
    for f in failures {
        println!("MISS {f}");
    }
    assert_eq!(
        all[1],
        all[0],
        "a wrong figure was stated:\n{}",
        failures.join("\n")
    );
    assert!(
        all[3] as f64 >= 0.9 * all[2] as f64,
        "coverage:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_question_set_on_the_sample() {
    let (app, t) = sample_app(Backend::Sqlite).await;
    let qs = questions();
    let answerable = qs
        .iter()
        .filter(|q| matches!(q.want, Want::Figure(_) | Want::Passage(_)))
        .count();
    assert!(
        qs.len() - answerable >= 40,
        "not-answerable questions in the set"
    );
    let (tally, failures) = judge(&app, &t, &qs, "").await;
    println!("| agent | questions | precision | coverage |\n|---|---|---|---|");
    let rows: Vec<(&str, [usize; 4], usize)> = tally
        .iter()
        .map(|(agent, v)| (*agent, *v, qs.iter().filter(|q| q.agent == *agent).count()))
        .collect();
    report(&rows, &failures);
}

fn row(agent: &str, v: &[usize; 4], n: usize) -> String {
    let p = if v[0] == 0 {
        "–".to_string()
    } else {
        format!(
            "{:.0}% ({}/{})",
            v[1] as f64 / v[0] as f64 * 100.0,
            v[1],
            v[0]
        )
    };
    let c = if v[2] == 0 {
        "–".to_string()
    } else {
        format!(
            "{:.0}% ({}/{})",
            v[3] as f64 / v[2] as f64 * 100.0,
            v[3],
            v[2]
        )
    };
    format!("| {agent} | {n} | {p} | {c} |\n")
}

#[test]
fn figures_are_told_from_years() {
    assert!(!states_a_figure(
        "I could not match \"atlantis\". Try Annual installations in Italy in 2023, 2015–2024."
    ));
    assert!(states_a_figure("Italy: 1,234 MW in 2023"));
    assert!(states_a_figure("a share of 12.5%"));
    assert!(!states_a_figure("Forecasts cover 2025–2030."));
    assert!(!states_a_figure(
        "The series runs 2023-01-01 to 2024-12-01 (p-type mono-Si PERC M10)."
    ));
    assert!(!states_a_figure(
        "x\n\n## How Our Experts Can Help\n\nwithin 24-48 hours"
    ));
    assert!(states_a_figure("moved by -3.5% to 0.221 US$/Wp"));
}

/// The real market file, read here with the csv crate: (territory, year, scenario, connection,
/// type) → MW.
struct RealMarket(std::collections::HashMap<(String, i32, String, String, String), f64>);

impl RealMarket {
    fn load(path: &std::path::Path) -> RealMarket {
        let mut m = std::collections::HashMap::new();
        let mut rd = csv::Reader::from_path(path).unwrap();
        for r in rd.records() {
            let r = r.unwrap();
            let key = (
                r[0].to_string(),
                r[1].parse().unwrap(),
                r[2].to_string(),
                r[3].to_string(),
                r[4].to_string(),
            );
            m.entry(key).or_insert(r[5].parse::<f64>().unwrap());
        }
        RealMarket(m)
    }

    /// The figure the agents answer with: historical primary, else secondary, for the past; the
    /// most probable forecast after 2024.
    fn get(&self, t: &str, y: i32, conn: &str, kind: &str) -> Option<f64> {
        let scen: &[&str] = if y <= 2024 {
            &["Historical Primary", "Historical Secondary"]
        } else {
            &["Forecast - Most probable"]
        };
        scen.iter().find_map(|s| {
            self.0
                .get(&(t.into(), y, s.to_string(), conn.into(), kind.into()))
                .copied()
        })
    }

    fn annual(&self, t: &str, y: i32) -> f64 {
        self.get(t, y, "Total", "Annual")
            .unwrap_or_else(|| panic!("no real row {t} {y}"))
    }

    /// Countries by `kind` in `y`, largest first: every territory of the file but its regions
    /// and aggregates, listed here from the file.
    fn ranking(&self, y: i32, kind: &str) -> Vec<(String, f64)> {
        const REGIONS: &[&str] = &[
            "ASEAN",
            "Africa",
            "America",
            "Asia",
            "Central America",
            "Central Asia",
            "Central Europe",
            "EU",
            "East Asia",
            "East Europe",
            "Eurasia",
            "Europe",
            "Middle East",
            "North Africa",
            "North America",
            "North Europe",
            "Oceania",
            "RoW",
            "South America",
            "South Asia",
            "South Europe",
            "Southeast Asia",
            "Southern Africa",
            "World",
        ];
        let mut ts: Vec<String> = self
            .0
            .keys()
            .map(|k| k.0.clone())
            .filter(|t| !REGIONS.contains(&t.as_str()))
            .collect();
        ts.sort();
        ts.dedup();
        let mut r: Vec<(String, f64)> = ts
            .into_iter()
            .filter_map(|t| self.get(&t, y, "Total", kind).map(|v| (t, v)))
            .collect();
        r.sort_by(|a, b| b.1.total_cmp(&a.1));
        r
    }
}

fn real_questions(m: &RealMarket) -> Vec<Q> {
    use Want::Decline;
    let top23 = m.ranking(2023, "Annual");
    let cum23 = m.ranking(2023, "Cumulative");
    let cagr = (m.annual("India", 2023) / m.annual("India", 2015)).powf(1.0 / 8.0) - 1.0;
    vec![
        q(
            "market",
            "What was the annual installed capacity of Italy in 2023?",
            mw(m.annual("Italy", 2023)),
        ),
        q(
            "market",
            "How much PV did Brazil install in 2022?",
            mw(m.annual("Brazil", 2022)),
        ),
        q(
            "market",
            "annual installations in Japan in 2019",
            mw(m.annual("Japan", 2019)),
        ),
        q(
            "market",
            "cumulative capacity of China in 2023",
            mw(m.get("China", 2023, "Total", "Cumulative").unwrap()),
        ),
        q(
            "market",
            "What is the installed capacity of Germany in 2024?",
            mw(m.get("Germany", 2024, "Total", "Cumulative").unwrap()),
        ),
        q(
            "market",
            "How much did Poland install in 2021?",
            mw(m.annual("Poland", 2021)),
        ),
        q(
            "market",
            "What did the USA install in 2023?",
            mw(m.annual("USA", 2023)),
        ),
        q(
            "market",
            "Türkiye annual installations 2023",
            mw(m.annual("Türkiye", 2023)),
        ),
        q(
            "market",
            "Which country installed the most in 2023?",
            mw(top23[0].1),
        ),
        q("market", "top 5 countries in 2023", mw(top23[4].1)),
        q(
            "market",
            "top 3 countries by cumulative capacity in 2023",
            mw(cum23[2].1),
        ),
        q(
            "market",
            "What share of world installations did India have in 2023?",
            pct(m.annual("India", 2023) / m.annual("World", 2023)),
        ),
        q(
            "market",
            "What share of Germany's installations was distributed in 2022?",
            pct(m.get("Germany", 2022, "Distributed", "Annual").unwrap()
                / m.annual("Germany", 2022)),
        ),
        q(
            "market",
            "How much did Spain grow from 2021 to 2023?",
            mw((m.annual("Spain", 2023) - m.annual("Spain", 2021)).abs()),
        ),
        q(
            "market",
            "CAGR of India between 2015 and 2023",
            Want::Figure(signed_pct(cagr * 100.0)),
        ),
        q(
            "market",
            "Compare Spain and Italy in 2022",
            mw(m.annual("Italy", 2022)),
        ),
        q(
            "market",
            "forecast for Germany in 2028",
            mw(m.annual("Germany", 2028)),
        ),
        q(
            "market",
            "How much PV did Greece install in 2023?",
            mw(m.annual("Greece", 2023)),
        ),
        q(
            "market",
            "How much solar thermal capacity did Greece add in 2022?",
            Decline("another technology"),
        ),
        q(
            "market",
            "How much wind capacity did Germany install in 2023?",
            Decline("another technology"),
        ),
        q(
            "market",
            "Annual installations in Atlantis in 2023",
            Decline("an unknown place"),
        ),
        q(
            "market",
            "What was the installed capacity of Italy in 2040?",
            Decline("past the data"),
        ),
        q(
            "market",
            "What is the forecast for Italy in 2019?",
            Decline("a historical year"),
        ),
        q(
            "market",
            "PV electricity generation in Spain in 2023",
            Decline("a measure not held"),
        ),
        q(
            "market",
            "How many jobs are in the Chilean solar market?",
            Decline("a measure not held"),
        ),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_question_set_on_the_real_market_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/datasets/market-database-fy.csv");
    if !path.exists() {
        eprintln!("../shared/datasets not present: skipped");
        return;
    }
    let m = RealMarket::load(&path);
    let (app, t) = sample_app(Backend::Sqlite).await;
    solarintel::data::ingest::ingest_file(
        app.db(),
        solarintel::data::Kind::Market,
        &path,
        None,
        &mut solarintel::data::ingest::Progress::hidden(),
    )
    .await
    .unwrap();
    let qs = real_questions(&m);
    let (tally, failures) = judge(&app, &t, &qs, "real ").await;
    report(&[("real market file", total(&tally), qs.len())], &failures);
}

/// The real price file, read here with the Parquet record API: (item, description, region) →
/// [(day since the epoch, price)].
fn real_prices(
    path: &std::path::Path,
) -> std::collections::HashMap<(String, String, String), Vec<(i64, f64)>> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let rdr = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out: std::collections::HashMap<(String, String, String), Vec<(i64, f64)>> =
        Default::default();
    for row in rdr.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let f: Vec<String> = row
            .get_column_iter()
            .map(|(_, v)| v.to_string().trim_matches('"').to_string())
            .collect();
        let ns = match row.get_column_iter().nth(2).unwrap().1 {
            parquet::record::Field::Long(v) => *v,
            parquet::record::Field::TimestampMillis(v) => *v * 1_000_000,
            parquet::record::Field::TimestampMicros(v) => *v * 1_000,
            other => panic!("{other:?}"),
        };
        let Ok(price) = f[4].parse::<f64>() else {
            continue;
        };
        out.entry((f[0].clone(), f[1].clone(), f[6].clone()))
            .or_default()
            .push((ns / 86_400_000_000_000, price));
    }
    out
}

/// The mean of the observations of the day nearest `date` (earlier on a tie), formatted.
fn real_price_near(series: &[(i64, f64)], date: chrono::NaiveDate) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let target = (date - epoch).num_days();
    let day = series
        .iter()
        .map(|p| p.0)
        .min_by_key(|d| ((d - target).abs(), *d))
        .unwrap();
    let v: Vec<f64> = series.iter().filter(|p| p.0 == day).map(|p| p.1).collect();
    format!("{:.3}", v.iter().sum::<f64>() / v.len() as f64)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_question_set_on_the_real_price_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/datasets/component-prices.parquet");
    if !path.exists() {
        eprintln!("../shared/datasets not present: skipped");
        return;
    }
    let p = real_prices(&path);
    let s = |item: &str, desc: &str, region: &str| {
        p[&(item.to_string(), desc.to_string(), region.to_string())].clone()
    };
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let latest = |v: &[(i64, f64)]| {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        real_price_near(
            v,
            epoch + chrono::Duration::days(v.iter().map(|p| p.0).max().unwrap()),
        )
    };
    let cdte = s("Module", "CdTe", "Overseas");
    let cdte_min = format!(
        "{:.3}",
        cdte.iter().map(|p| p.1).fold(f64::INFINITY, f64::min)
    );
    use Want::Decline;
    let qs = vec![
        q(
            "price",
            "What was the price of p-type mono-Si PERC M10 modules in China in March 2024?",
            Want::Figure(real_price_near(
                &s("Module", "p-type mono-Si PERC M10", "China"),
                d(2024, 3, 15),
            )),
        ),
        q(
            "price",
            "TOPCon module price in China in March 2024",
            Want::Figure(real_price_near(
                &s("Module", "n-type TOPCon", "China"),
                d(2024, 3, 15),
            )),
        ),
        q(
            "price",
            "What is the latest n-type TOPCon module price in China?",
            Want::Figure(latest(&s("Module", "n-type TOPCon", "China"))),
        ),
        q("price", "lowest CdTe module price", Want::Figure(cdte_min)),
        q(
            "price",
            "PERC M10 module price in China in June 2023",
            Want::Figure(real_price_near(
                &s("Module", "p-type mono-Si PERC M10", "China"),
                d(2023, 6, 15),
            )),
        ),
        q(
            "price",
            "What is the price of wind turbines in China?",
            Decline("another technology"),
        ),
        q(
            "price",
            "module price in Atlantis",
            Decline("an unknown region"),
        ),
        q(
            "price",
            "What was the module price in China in March 2031?",
            Decline("a date past the data"),
        ),
        q(
            "price",
            "How much did TOPCon module prices in China change from 2023 to 2024?",
            {
                let v = s("Module", "n-type TOPCon", "China");
                let in_span = |y0: i64, y1: i64| {
                    v.iter()
                        .filter(|p| p.0 >= y0 && p.0 <= y1)
                        .map(|p| p.0)
                        .collect::<Vec<_>>()
                };
                let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
                let days = |y, m, dd| {
                    (chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap() - epoch).num_days()
                };
                let span = in_span(days(2023, 1, 1), days(2024, 12, 31));
                let (d0, d1) = (*span.iter().min().unwrap(), *span.iter().max().unwrap());
                let mean = |d: i64| {
                    let x: Vec<f64> = v.iter().filter(|p| p.0 == d).map(|p| p.1).collect();
                    x.iter().sum::<f64>() / x.len() as f64
                };
                Want::Figure(signed_pct((mean(d1) / mean(d0) - 1.0) * 100.0))
            },
        ),
    ];
    let qs: Vec<Q> = qs.into_iter().chain(real_price_operations(&p)).collect();
    let (app, t) = sample_app(Backend::Sqlite).await;
    solarintel::data::ingest::ingest_file(
        app.db(),
        solarintel::data::Kind::Prices,
        &path,
        None,
        &mut solarintel::data::ingest::Progress::hidden(),
    )
    .await
    .unwrap();
    let (tally, failures) = judge(&app, &t, &qs, "real ").await;
    report(&[("real price file", total(&tally), qs.len())], &failures);
}

/// The mean of the observations of one day of a real series.
fn day_mean(series: &[(i64, f64)], day: i64) -> f64 {
    let v: Vec<f64> = series.iter().filter(|p| p.0 == day).map(|p| p.1).collect();
    v.iter().sum::<f64>() / v.len() as f64
}

fn epoch_day(y: i32, m: u32, d: u32) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days()
}

/// The first and last observation days of a real series within [from, to] (days), with means.
fn first_last(series: &[(i64, f64)], from: i64, to: i64) -> ((i64, f64), (i64, f64)) {
    let days: Vec<i64> = series
        .iter()
        .map(|p| p.0)
        .filter(|d| *d >= from && *d <= to)
        .collect();
    let (d0, d1) = (*days.iter().min().unwrap(), *days.iter().max().unwrap());
    ((d0, day_mean(series, d0)), (d1, day_mean(series, d1)))
}

/// Rankings, CAGR, sums and comparisons on the real price file, computed here from the file.
type RealPrices = std::collections::HashMap<(String, String, String), Vec<(i64, f64)>>;

fn real_price_operations(p: &RealPrices) -> Vec<Q> {
    use Want::Decline;
    let of = |desc: &str| -> Vec<(&String, &Vec<(i64, f64)>)> {
        let mut v: Vec<_> = p
            .iter()
            .filter(|(k, _)| k.0 == "Module" && k.1 == desc)
            .map(|(k, v)| (&k.2, v))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    };
    let latest = |v: &[(i64, f64)]| day_mean(v, v.iter().map(|p| p.0).max().unwrap());
    let topcon = of("n-type TOPCon");
    let region = |r: &str| topcon.iter().find(|(x, _)| *x == r).unwrap().1;
    let cheapest = topcon
        .iter()
        .map(|(_, v)| latest(v))
        .fold(f64::INFINITY, f64::min);
    let dearest = topcon
        .iter()
        .map(|(_, v)| latest(v))
        .fold(f64::MIN, f64::max);
    // The largest fall of the TOPCon module series from 2024 to 2025.
    let fall = topcon
        .iter()
        .map(|(_, v)| {
            let ((_, a), (_, b)) = first_last(v, epoch_day(2024, 1, 1), epoch_day(2025, 12, 31));
            b / a - 1.0
        })
        .fold(f64::INFINITY, f64::min);
    // PERC M10 modules in March 2024: per region the observation nearest the 15th, within 45
    // days.
    let march = epoch_day(2024, 3, 15);
    let perc_march = of("p-type mono-Si PERC M10")
        .iter()
        .filter_map(|(_, v)| {
            let day = v
                .iter()
                .map(|p| p.0)
                .min_by_key(|d| ((d - march).abs(), *d))
                .unwrap();
            ((day - march).abs() <= 45).then(|| day_mean(v, day))
        })
        .fold(f64::INFINITY, f64::min);
    let cagr = {
        let v = &p[&(
            "Module".to_string(),
            "p-type mono-Si PERC M10".to_string(),
            "China".to_string(),
        )];
        let ((d0, a), (d1, b)) = first_last(v, epoch_day(2021, 1, 1), epoch_day(2024, 12, 31));
        (b / a).powf(365.25 / (d1 - d0) as f64) - 1.0
    };
    vec![
        q(
            "price",
            "Which region has the cheapest n-type TOPCon modules?",
            Want::Figure(format!("{cheapest:.3}")),
        ),
        q(
            "price",
            "Rank the latest n-type TOPCon module prices",
            Want::Figure(format!("{dearest:.3}")),
        ),
        q(
            "price",
            "Which n-type TOPCon module price fell the most from 2024 to 2025?",
            Want::Figure(signed_pct(fall * 100.0)),
        ),
        q(
            "price",
            "Which region had the lowest p-type mono-Si PERC M10 module price in March 2024?",
            Want::Figure(format!("{perc_march:.3}")),
        ),
        q(
            "price",
            "CAGR of the p-type mono-Si PERC M10 module price in China from 2021 to 2024",
            Want::Figure(signed_pct(cagr * 100.0)),
        ),
        q(
            "price",
            "Compare n-type TOPCon module prices in China and the EU",
            Want::Figure(signed_pct(
                (latest(region("EU")) / latest(region("China")) - 1.0) * 100.0,
            )),
        ),
        q(
            "price",
            "Sum of the latest n-type TOPCon module prices in China and the US",
            Want::Figure(format!(
                "{:.3}",
                latest(region("China")) + latest(region("US"))
            )),
        ),
        q(
            "price",
            "Rank the latest module and polysilicon prices in China",
            Decline("two units are never ranked together"),
        ),
        q(
            "price",
            "What share of the module price in China is the polysilicon price?",
            Decline("a share of a price is meaningless"),
        ),
        q(
            "price",
            "CAGR of n-type TOPCon module prices in China from 2015 to 2024",
            Decline("the series starts in 2023"),
        ),
    ]
}

//! Market answers of the built-in provider (issue 11): a question read in the closed world of
//! [`super::understand`] becomes a [`MarketAsk`] — territories, years, scenario, connection,
//! annual or cumulative, and the operation asked (lookup, ranking, share, change, CAGR,
//! comparison, min / max / average, sum, trend, split) — or a [`Decline`] that says what could
//! not be matched. Every figure states its unit, scenario, period and source file.

use super::decline::{Decline, unmatched};
use super::understand::{Op, Question, Topic, Word};
use super::{Emit, capitalise, mw, say, show_chart, source_line, table};
use crate::app::AppState;
use crate::tools::market::{self, Market, MarketArgs, MarketResult};
use crate::tools::names::norm;
use crate::tools::vocab::Vocabulary;
use crate::tools::{DataTool, ToolError, fmt_thousands};

/// A market question, understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarketAsk {
    pub territories: Vec<String>,
    pub span: Option<(Option<i32>, Option<i32>)>,
    pub scenarios: Vec<&'static str>,
    pub connections: Vec<&'static str>,
    pub by_connection: bool,
    pub kind: Option<&'static str>,
    pub ops: Vec<Op>,
    pub count: Option<u32>,
}

impl MarketAsk {
    fn has(&self, op: Op) -> bool {
        self.ops.contains(&op)
    }

    /// Countries ranked: "the most", "top 5", "the least", with no country named.
    fn is_ranking(&self) -> bool {
        (self.has(Op::Top) || self.has(Op::Bottom) || self.has(Op::Rank))
            && self.territories.iter().all(|t| is_aggregate(t))
    }
}

/// How a market question was read, for the line the answer starts with: "annual installations ·
/// Spain · change · 2023 → 2024 · Forecast - High · distributed".
pub fn read_back(a: &MarketAsk) -> String {
    let mut parts: Vec<String> = vec![what(a.kind.unwrap_or("Annual")).to_string()];
    if !a.territories.is_empty() {
        parts.push(a.territories.join(", "));
    } else if a.is_ranking() {
        parts.push("countries".into());
    }
    // A percentage with a change is the change's % (as `answer` reads it).
    let changes = a.has(Op::Change) || a.has(Op::Cagr);
    parts.extend(super::op_labels(
        a.ops
            .iter()
            .copied()
            .filter(|o| !(changes && *o == Op::Share)),
    ));
    if let Some(c) = a.count {
        parts.push(format!("top {c}"));
    }
    if let Some(span) = super::span_label(a.span) {
        parts.push(span);
    }
    if !a.scenarios.is_empty() {
        parts.push(a.scenarios.join(", "));
    }
    if a.by_connection {
        parts.push("by connection".into());
    } else if !a.connections.is_empty() {
        parts.push(a.connections.join(", ").to_lowercase());
    }
    parts.join(" · ")
}

/// Whether a territory is an aggregate (World, EU, a continent or region) rather than a
/// country: anything that is not a known country name. Aggregates are never ranked with
/// countries.
pub fn is_aggregate(t: &str) -> bool {
    let n = norm(t);
    !(super::words::COUNTRIES.contains(&n.as_str())
        || super::words::MORE_COUNTRY_NAMES.contains(&n.as_str()))
}

fn fits(w: &Word) -> bool {
    matches!(
        w,
        Word::Territory(_)
            | Word::Scenario(_)
            | Word::AllScenarios
            | Word::Connection(_)
            | Word::AllConnections
            | Word::Kind(_)
            | Word::KindHint(_)
            | Word::Topic(Topic::Market)
            | Word::Op(_)
            | Word::Year(_)
            | Word::Count(_)
            | Word::Human
    )
}

fn facets(q: &Question) -> MarketAsk {
    let mut a = MarketAsk {
        territories: q.all(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        }),
        span: q.year_span(),
        scenarios: q.all(|w| match w {
            Word::Scenario(s) => Some(*s),
            _ => None,
        }),
        connections: q.all(|w| match w {
            Word::Connection(c) => Some(*c),
            _ => None,
        }),
        by_connection: q.has(|w| *w == Word::AllConnections),
        // An annual or cumulative word says which; else "capacity" means the installed base.
        kind: q
            .all(|w| match w {
                Word::Kind(k) => Some(*k),
                _ => None,
            })
            .first()
            .copied()
            .or_else(|| {
                q.all(|w| match w {
                    Word::KindHint(k) => Some(*k),
                    _ => None,
                })
                .first()
                .copied()
            }),
        ops: q.all(|w| match w {
            Word::Op(o) => Some(*o),
            _ => None,
        }),
        count: q.count(),
    };
    // "in %" with a comparison or a change asks for the relative difference, not a share.
    let percent_only = q
        .spans
        .iter()
        .any(|s| matches!(s.text.as_str(), "percent" | "percentage" | "pct"))
        && !q.spans.iter().any(|s| {
            matches!(
                s.text.as_str(),
                "share"
                    | "shares"
                    | "proportion"
                    | "fraction"
                    | "portion"
                    | "part"
                    | "of the total"
            )
        });
    if percent_only
        && a.ops
            .iter()
            .any(|o| matches!(o, Op::Compare | Op::Change | Op::Cagr))
    {
        a.ops.retain(|o| *o != Op::Share);
    }
    // "total rooftop additions 2021-2023": a total over a span of years is their sum (a total
    // of one year is the Total connection, and a chart or trend shows each year).
    let total_word = q
        .spans
        .iter()
        .any(|s| s.text == "total" || s.text == "totals");
    if total_word
        && matches!(a.span, Some((Some(f), Some(t))) if f < t)
        && a.kind != Some("Cumulative")
        && a.ops.iter().all(|o| matches!(o, Op::Sum))
    {
        a.ops.push(Op::Sum);
    }
    if q.has(|w| *w == Word::AllScenarios) {
        a.scenarios = vec![
            "Forecast - High",
            "Forecast - Most probable",
            "Forecast - Low",
        ];
    }
    a
}

/// Fill what a follow-up leaves open from the question before it.
fn inherit(mut a: MarketAsk, prev: &MarketAsk) -> MarketAsk {
    let names_own_territory = !a.territories.is_empty();
    if a.territories.is_empty() {
        a.territories = prev.territories.clone();
    }
    // "Poland's installations in 2024?" then "how does that compare with 2023?": the change
    // between the two years.
    if let (Some((Some(y1), Some(z1))), Some((Some(y0), Some(z0)))) = (a.span, prev.span)
        && y1 == z1
        && y0 == z0
        && y0 != y1
        && a.has(Op::Compare)
        && !names_own_territory
    {
        a.span = Some((Some(y0.min(y1)), Some(y0.max(y1))));
        a.ops.retain(|o| *o != Op::Compare);
        a.ops.push(Op::Change);
    }
    if a.span.is_none() {
        a.span = prev.span;
    }
    if a.scenarios.is_empty() {
        a.scenarios = prev.scenarios.clone();
    }
    if a.connections.is_empty() && !a.by_connection {
        a.connections = prev.connections.clone();
        a.by_connection = prev.by_connection;
    }
    if a.kind.is_none() {
        a.kind = prev.kind;
    }
    // A follow-up that asks for no operation of its own asks the previous one again ("What
    // share of Italy's additions was distributed?" then "and for Germany?"); a ranking only when
    // the follow-up names no territory ("Which 3 countries installed the most in 2023?" then
    // "And in 2021?").
    let asks_own = a
        .ops
        .iter()
        .any(|o| !matches!(o, Op::Chart | Op::Trend | Op::Compare | Op::Forecast));
    let names_territory = a.territories != prev.territories;
    for op in &prev.ops {
        let ranking = matches!(op, Op::Top | Op::Bottom | Op::Rank);
        let carried = matches!(op, Op::Trend | Op::Compare | Op::Forecast)
            || (!asks_own && (!ranking || !names_territory));
        if carried && !a.ops.contains(op) {
            a.ops.push(*op);
        }
    }
    if a.count.is_none() && !asks_own && !names_territory {
        a.count = prev.count;
    }
    a
}

/// Read a market question; `prev` is the previous question when this one is a follow-up.
pub fn read(
    q: &Question,
    prev: Option<&Question>,
    vocab: &Vocabulary,
) -> Result<MarketAsk, Decline> {
    let d = unmatched(q, fits);
    if !d.is_empty() {
        return Err(d);
    }
    let mut a = facets(q);
    if let Some(p) = prev
        && unmatched(p, fits).is_empty()
    {
        a = inherit(a, &facets(p));
    }
    let Some((last_hist, last)) = vocab.market_years else {
        return Err(Decline::because("No market data is loaded."));
    };
    let forecast_asked =
        a.has(Op::Forecast) || a.scenarios.iter().any(|s| s.starts_with("Forecast"));
    if let Some((from, to)) = a.span {
        let hi = to.or(from).unwrap_or(last_hist);
        if hi > last {
            return Err(Decline::because(format!(
                "The loaded market data ends in {last}; it has no figures for {hi}."
            )));
        }
        if forecast_asked && hi <= last_hist {
            return Err(Decline::because(if last > last_hist {
                format!(
                    "The loaded market data has forecasts for {}–{last} only; {hi} is a historical year.",
                    last_hist + 1
                )
            } else {
                "The loaded market data has no forecasts.".to_string()
            }));
        }
    } else if forecast_asked && last <= last_hist {
        return Err(Decline::because("The loaded market data has no forecasts."));
    }
    if a.territories.is_empty() && !a.is_ranking() {
        return Err(Decline::because("Name a territory (a country, or World)."));
    }
    // Words that change the question are used by the answer or decline it, never dropped.
    if a.has(Op::First) {
        return Err(Decline::because(
            "I cannot yet find the first year a market figure reached a level, or the first figure of a series: ask for a year or a span of years.",
        ));
    }
    if a.has(Op::Distribution) && !a.by_connection {
        return Err(Decline::because(
            "I can split a market figure by connection type (centralised, distributed, off-grid), but not give another distribution.",
        ));
    }
    if a.is_ranking()
        && let Some(region) = a.territories.iter().find(|t| norm(t) != "world")
    {
        return Err(Decline::because(format!(
            "I cannot rank the countries within {region}: the market data does not say which countries {region} holds. I can rank all countries in the data, or give {region}'s own figures."
        )));
    }
    Ok(a)
}

/// The first year a question can name (the reader's years start there): "the whole history".
const FIRST_YEAR: i32 = 1990;

/// The years to query: the span asked, else the defaults of the question's kind.
fn years(a: &MarketAsk, last_hist: i32, last: i32) -> (i32, i32) {
    match a.span {
        Some((Some(f), Some(t))) => (f, t),
        Some((Some(f), None)) => (
            f,
            if a.has(Op::Forecast) {
                last
            } else {
                last_hist.max(f)
            },
        ),
        // "top 3 countries by 2030 additions": a ranking's "by" names its year.
        Some((None, Some(t))) if a.is_ranking() => (t, t),
        Some((None, Some(t))) => ((t - 9).min(last_hist - 9), t),
        _ if a.has(Op::Forecast) => (last_hist + 1, last),
        // A record, a peak or a low is over the whole history unless the question limits it
        // (the answer names the years it read).
        _ if a.has(Op::Min)
            || a.has(Op::Max)
            || ((a.has(Op::Top) || a.has(Op::Bottom))
                && !a.territories.iter().all(|t| is_aggregate(t))) =>
        {
            (FIRST_YEAR, last_hist)
        }
        _ if a.has(Op::Trend) || a.has(Op::Chart) || a.has(Op::Average) => {
            (last_hist - 9, last_hist)
        }
        _ => (last_hist, last_hist),
    }
}

fn args(
    a: &MarketAsk,
    territories: Vec<String>,
    from: i32,
    to: i32,
    connections: Vec<&str>,
) -> MarketArgs {
    MarketArgs {
        territory: territories,
        year: None,
        start_year: Some(from),
        end_year: Some(to),
        scenario: a.scenarios.iter().map(|s| s.to_string()).collect(),
        connection: connections.iter().map(|s| s.to_string()).collect(),
        kind: a.kind.map(String::from),
        group_by: None,
        plot_type: None,
    }
}

async fn run(
    state: &AppState,
    vocab: &Vocabulary,
    args: &MarketArgs,
    stacked: bool,
) -> Result<Option<MarketResult>, ToolError> {
    let r = market::resolve(args, &vocab.territories, stacked)?;
    Market::query(&state.tool_context(), &r).await
}

fn what(kind: &str) -> &'static str {
    if kind == "Cumulative" {
        "cumulative installed capacity"
    } else {
        "annual installations"
    }
}

/// A ratio as "2.4 times" (two decimals below 1).
fn times(r: f64) -> String {
    if r.abs() < 1.0 {
        format!("{r:.2} times")
    } else {
        format!("{r:.1} times")
    }
}

/// A share in % with one decimal, or two below 1 % (0.38 %, not 0.4 %).
fn pct(v: f64) -> String {
    let p = v * 100.0;
    if p.abs() < 1.0 && p != 0.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

fn value(
    res: &MarketResult,
    territory: &str,
    year: i32,
    connection: &str,
) -> Option<(f64, String)> {
    res.rows
        .iter()
        .find(|r| r.territory == territory && r.year == year && r.connection == connection)
        .map(|r| (r.capacity_mw, r.scenario.clone()))
}

fn scenarios_of(res: &MarketResult) -> String {
    let mut s: Vec<&str> = res.rows.iter().map(|r| r.scenario.as_str()).collect();
    s.sort();
    s.dedup();
    s.join(", ")
}

/// Answer a market question. `Ok(false)`: the data holds no rows for it (the caller declines).
pub async fn answer(
    state: &AppState,
    a: &MarketAsk,
    vocab: &Vocabulary,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((last_hist, last)) = vocab.market_years else {
        return Ok(false);
    };
    let (from, to) = years(a, last_hist, last);
    let kind = a.kind.unwrap_or("Annual");
    if a.is_ranking() {
        return rank(state, a, vocab, from, to, emit).await;
    }
    if a.by_connection {
        return split(state, a, vocab, from, to, emit).await;
    }
    // "By what percentage did it change": a percentage with a change is the change's %.
    if a.has(Op::Share) && !a.has(Op::Change) && !a.has(Op::Cagr) {
        return share(state, a, vocab, to, emit).await;
    }
    if a.has(Op::Cagr) || a.has(Op::Change) {
        return change(state, a, vocab, emit).await;
    }
    let connections = if a.connections.is_empty() {
        vec!["Total"]
    } else {
        a.connections.clone()
    };
    if a.connections.len() > 1 {
        // Several connection types named: the split shows each of them.
        return split(state, a, vocab, from, to, emit).await;
    }
    let conn = connections[0];
    let Some(res) = run(
        state,
        vocab,
        &args(a, a.territories.clone(), from, to, connections.clone()),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let src = source_line(&res.source.name, res.source.is_sample);
    let unit = "MW DC";
    if a.has(Op::Sum) && a.territories.len() > 1 && from == to {
        let mut rows = Vec::new();
        let mut total = 0.0;
        for t in &a.territories {
            let Some((v, _)) = value(&res, t, from, conn) else {
                say(
                    emit,
                    &format!(
                        "The market data has no {kind} figure for {t} in {from}, so I cannot add them up.{src}"
                    ),
                );
                return Ok(true);
            };
            total += v;
            rows.push(vec![t.clone(), fmt_thousands(v, 0)]);
        }
        rows.push(vec![
            "**Total**".into(),
            format!("**{}**", fmt_thousands(total, 0)),
        ]);
        say(
            emit,
            &format!(
                "Combined {} of {} in **{from}** ({}, {} connection): **{}** ({unit}).\n\n{}{src}",
                what(kind),
                a.territories.join(", "),
                scenarios_of(&res),
                conn.to_lowercase(),
                mw(total),
                table(&["Territory", "MW"], &rows)
            ),
        );
        return Ok(true);
    }
    if (a.has(Op::Sum)
        || a.has(Op::Average)
        || a.has(Op::Max)
        || a.has(Op::Min)
        || a.has(Op::Top)
        || a.has(Op::Bottom))
        && a.territories.len() == 1
    {
        let t = &a.territories[0];
        let mut series: Vec<(i32, f64)> = res
            .rows
            .iter()
            .filter(|r| &r.territory == t && r.connection == conn)
            .map(|r| (r.year, r.capacity_mw))
            .collect();
        series.sort_by_key(|(y, _)| *y);
        if series.is_empty() {
            return Ok(false);
        }
        let (y0, y1) = (series[0].0, series[series.len() - 1].0);
        let head = format!(
            "{t}, {} ({}, {} connection), {y0}–{y1}",
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase()
        );
        let text = if a.has(Op::Sum) {
            if kind == "Cumulative" {
                return Err(ToolError::Arguments(
                    "cumulative figures do not add up over years".into(),
                ));
            }
            let s: f64 = series.iter().map(|(_, v)| v).sum();
            format!(
                "{head}: **{}** in total ({unit}) over {} years.",
                mw(s),
                series.len()
            )
        } else if a.has(Op::Average) {
            let s: f64 = series.iter().map(|(_, v)| v).sum::<f64>() / series.len() as f64;
            format!(
                "{head}: **{}** a year on average ({unit}), over {} years.",
                mw(s),
                series.len()
            )
        } else {
            let low = a.has(Op::Min) || a.has(Op::Bottom);
            let pick = series
                .iter()
                .copied()
                .fold(None::<(i32, f64)>, |best, x| match best {
                    Some(b) if (low && b.1 <= x.1) || (!low && b.1 >= x.1) => Some(b),
                    _ => Some(x),
                })
                .expect("a figure");
            format!(
                "{head}: the {} was in **{}**, with **{}** ({unit}).",
                if low { "lowest" } else { "highest" },
                pick.0,
                mw(pick.1)
            )
        };
        let rows: Vec<Vec<String>> = series
            .iter()
            .map(|(y, v)| vec![y.to_string(), fmt_thousands(*v, 0)])
            .collect();
        say(
            emit,
            &format!("{text}\n\n{}{src}", table(&["Year", "MW"], &rows)),
        );
        return Ok(true);
    }
    // Lookup, comparison, trend.
    let single = from == to && a.territories.len() == 1;
    if single {
        let t = &a.territories[0];
        let Some((v, sc)) = value(&res, t, from, conn) else {
            return Ok(false);
        };
        say(
            emit,
            &format!(
                "**{t}** — {} in **{from}** ({sc}, {} connection): **{}** ({unit}).{}{src}",
                what(kind),
                conn.to_lowercase(),
                mw(v),
                notes(&res)
            ),
        );
        return Ok(true);
    }
    if from == to {
        let mut rows = Vec::new();
        let mut vals = Vec::new();
        for t in &a.territories {
            match value(&res, t, from, conn) {
                Some((v, _)) => {
                    rows.push(vec![t.clone(), fmt_thousands(v, 0)]);
                    vals.push((t.clone(), v));
                }
                None => rows.push(vec![t.clone(), "no figure".into()]),
            }
        }
        let mut text = format!(
            "{} in **{from}** ({}, {} connection, {unit}):\n\n{}",
            capitalise(what(kind)),
            scenarios_of(&res),
            conn.to_lowercase(),
            table(&["Territory", "MW"], &rows)
        );
        if vals.len() == 2 {
            let (x, y) = (&vals[0], &vals[1]);
            text.push_str(&format!(
                "\n{} is {} {} than {}",
                x.0,
                mw((x.1 - y.1).abs()),
                if x.1 >= y.1 { "higher" } else { "lower" },
                y.0
            ));
            if y.1 != 0.0 {
                text.push_str(&format!(" ({:+.1}%)", (x.1 / y.1 - 1.0) * 100.0));
                text.push_str(&format!(", {} {}'s figure", times(x.1 / y.1), y.0));
            }
            text.push('.');
        }
        text.push_str(&notes(&res));
        text.push_str(&src);
        say(emit, &text);
        if a.has(Op::Chart) || a.has(Op::Compare) {
            chart(&res, a, from, to, emit)?;
        }
        return Ok(true);
    }
    // A span of years: a table per year and a chart.
    let ys: std::collections::BTreeSet<i32> = res.rows.iter().map(|r| r.year).collect();
    let multi_scen = a.scenarios.len() > 1 && a.territories.len() == 1;
    let series: Vec<String> = if multi_scen {
        let mut s: Vec<String> = res.rows.iter().map(|r| r.scenario.clone()).collect();
        s.dedup();
        let mut u = Vec::new();
        for x in s {
            if !u.contains(&x) {
                u.push(x);
            }
        }
        u
    } else {
        a.territories.clone()
    };
    let mut header = vec!["Year".to_string()];
    header.extend(series.iter().cloned());
    let one_scenario_col = !multi_scen && a.territories.len() == 1;
    if one_scenario_col {
        header.push("Scenario".into());
    }
    let mut rows = Vec::new();
    for y in &ys {
        let mut row = vec![y.to_string()];
        for s in &series {
            let v = res.rows.iter().find(|r| {
                r.year == *y
                    && r.connection == conn
                    && if multi_scen {
                        &r.scenario == s
                    } else {
                        &r.territory == s
                    }
            });
            row.push(
                v.map(|r| fmt_thousands(r.capacity_mw, 0))
                    .unwrap_or_else(|| "–".into()),
            );
        }
        if one_scenario_col {
            row.push(
                res.rows
                    .iter()
                    .find(|r| r.year == *y)
                    .map(|r| r.scenario.clone())
                    .unwrap_or_default(),
            );
        }
        rows.push(row);
    }
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    let (y0, y1) = (
        ys.iter().next().copied().unwrap_or(from),
        ys.iter().last().copied().unwrap_or(to),
    );
    say(
        emit,
        &format!(
            "{} of {} ({y0}-{y1}, {} connection, {unit}):\n\n{}{}{src}",
            capitalise(what(kind)),
            a.territories.join(", "),
            conn.to_lowercase(),
            table(&h, &rows),
            notes(&res)
        ),
    );
    chart(&res, a, from, to, emit)?;
    Ok(true)
}

fn notes(res: &MarketResult) -> String {
    res.notes.iter().map(|n| format!("\n\n*{n}*")).collect()
}

fn chart(
    res: &MarketResult,
    a: &MarketAsk,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<(), ToolError> {
    let args = args(
        a,
        a.territories.clone(),
        from,
        to,
        res.resolved.connections.clone(),
    );
    let pt = market::plot_type(&args, &res.resolved)?;
    show_chart(emit, market::chart(res, &args, pt))
}

/// Ranking of countries (never aggregates) in a year, or over a span (annual figures added up,
/// cumulative ones at the span's last year).
async fn rank(
    state: &AppState,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let countries: Vec<String> = vocab
        .territories
        .values
        .iter()
        .filter(|t| !is_aggregate(t))
        .cloned()
        .collect();
    if countries.is_empty() {
        return Ok(false);
    }
    let conn = a.connections.first().copied().unwrap_or("Total");
    let Some(res) = run(
        state,
        vocab,
        &args(a, countries, from, to, vec![conn]),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let kind = res.resolved.kind;
    let mut g = market::groups(&res, "territory");
    let low = a.has(Op::Bottom);
    if low {
        g.reverse();
    }
    let n = a
        .count
        .map(|c| c as usize)
        .unwrap_or(if a.has(Op::Rank) { 5 } else { 1 })
        .max(1);
    let period = if from == to {
        format!("in **{from}**")
    } else if kind == "Cumulative" {
        format!("at the end of **{to}**")
    } else {
        format!("in **{from}–{to}** (added up)")
    };
    let total: f64 = g.iter().map(|x| x.1).sum();
    let rows: Vec<Vec<String>> = g
        .iter()
        .take(n.max(5).min(g.len()))
        .enumerate()
        .map(|(i, (t, v, _))| {
            vec![
                (i + 1).to_string(),
                t.clone(),
                fmt_thousands(*v, 0),
                if total > 0.0 {
                    pct(v / total)
                } else {
                    "–".into()
                },
            ]
        })
        .collect();
    let Some(first) = g.first() else {
        return Ok(false);
    };
    let lead = if n == 1 {
        format!(
            "The country with the {} {} {period} is **{}**, with **{}** (MW DC; {}, {} connection).",
            if low { "lowest" } else { "highest" },
            what(kind),
            first.0,
            mw(first.1),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    } else {
        format!(
            "{} {} countries by {} {period} (MW DC; {}, {} connection):",
            if low { "Bottom" } else { "Top" },
            n.min(g.len()),
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    };
    say(
        emit,
        &format!(
            "{lead}\n\n{}\nShares are of the {} countries in the data (regions and aggregates such as World or the EU are not ranked).{}",
            table(
                &["Rank", "Country", "MW", "Share"],
                &rows[..if n == 1 {
                    rows.len()
                } else {
                    n.min(rows.len())
                }]
            ),
            g.len(),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// The split by connection type, with shares.
async fn split(
    state: &AppState,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let t = &a.territories[0];
    let mut args = args(a, vec![t.clone()], from, to, vec![]);
    args.group_by = Some("connection".into());
    let Some(res) = run(state, vocab, &args, true).await? else {
        return Ok(false);
    };
    let ys: std::collections::BTreeSet<i32> = res.rows.iter().map(|r| r.year).collect();
    let mut rows = Vec::new();
    for y in &ys {
        let parts: Vec<_> = res
            .rows
            .iter()
            .filter(|x| x.year == *y && &x.territory == t)
            .collect();
        let total: f64 = parts.iter().map(|x| x.capacity_mw).sum();
        let mut row = vec![y.to_string()];
        for c in ["Centralised", "Distributed", "Off-grid"] {
            let v = parts
                .iter()
                .find(|x| x.connection == c)
                .map(|x| x.capacity_mw)
                .unwrap_or(0.0);
            let share = if total > 0.0 {
                format!(" ({:.0}%)", v / total * 100.0)
            } else {
                String::new()
            };
            row.push(format!("{}{share}", fmt_thousands(v, 0)));
        }
        row.push(fmt_thousands(total, 0));
        rows.push(row);
    }
    say(
        emit,
        &format!(
            "**{t}** — {} by connection type (MW DC; {}):\n\n{}{}{}",
            what(res.resolved.kind),
            scenarios_of(&res),
            table(
                &["Year", "Centralised", "Distributed", "Off-grid", "Total"],
                &rows
            ),
            notes(&res),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    let pt = market::plot_type(&args, &res.resolved)?;
    show_chart(emit, market::chart(&res, &args, pt))?;
    Ok(true)
}

/// A share: of a connection type in a territory's total, or of a territory in an aggregate
/// (the one named, else World).
/// (A share is of one year: the last year of the span asked.)
async fn share(
    state: &AppState,
    a: &MarketAsk,
    vocab: &Vocabulary,
    year: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let kind = a.kind.unwrap_or("Annual");
    if let Some(conn) = a.connections.first() {
        let t = &a.territories[0];
        let Some(res) = run(
            state,
            vocab,
            &args(a, vec![t.clone()], year, year, vec![conn, "Total"]),
            false,
        )
        .await?
        else {
            return Ok(false);
        };
        let (Some((part, sc)), Some((whole, _))) =
            (value(&res, t, year, conn), value(&res, t, year, "Total"))
        else {
            return Ok(false);
        };
        if whole <= 0.0 {
            return Ok(false);
        }
        say(
            emit,
            &format!(
                "In **{year}**, {} connection made up **{}** of {t}'s {}: {} of {} (MW DC; {sc}).{}",
                conn.to_lowercase(),
                pct(part / whole),
                what(kind),
                mw(part),
                mw(whole),
                source_line(&res.source.name, res.source.is_sample)
            ),
        );
        return Ok(true);
    }
    // The whole is World when it is named ("Europe vs China: what share of the world's"), else
    // the aggregate named, else World; every other territory named is a part.
    let whole_name = a
        .territories
        .iter()
        .find(|t| norm(t) == "world")
        .or_else(|| a.territories.iter().find(|t| is_aggregate(t)))
        .cloned()
        .or_else(|| {
            vocab
                .territories
                .values
                .iter()
                .find(|t| t.as_str() == "World")
                .cloned()
        });
    let parts: Vec<String> = a
        .territories
        .iter()
        .filter(|t| Some(*t) != whole_name.as_ref())
        .cloned()
        .collect();
    let Some(whole_name) = whole_name else {
        return Err(ToolError::Arguments(
            "a share needs a whole: the data has no World total".into(),
        ));
    };
    if parts.is_empty() {
        return Ok(false);
    }
    let mut all = parts.clone();
    all.push(whole_name.clone());
    let Some(res) = run(
        state,
        vocab,
        &args(a, all, year, year, vec!["Total"]),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let Some((whole, sc)) = value(&res, &whole_name, year, "Total") else {
        return Ok(false);
    };
    if whole <= 0.0 {
        return Ok(false);
    }
    let mut lines = Vec::new();
    for p in &parts {
        let Some((v, _)) = value(&res, p, year, "Total") else {
            return Ok(false);
        };
        lines.push(format!(
            "- **{p}**: **{}** of {whole_name}'s {} in {year} ({} of {})",
            pct(v / whole),
            what(kind),
            mw(v),
            mw(whole)
        ));
    }
    say(
        emit,
        &format!(
            "Share of {whole_name} (MW DC; {sc}, total connection):\n\n{}{}",
            lines.join("\n"),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// Change between two years, absolute and in %, and the CAGR over the span.
async fn change(
    state: &AppState,
    a: &MarketAsk,
    vocab: &Vocabulary,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((last_hist, _)) = vocab.market_years else {
        return Ok(false);
    };
    let (from, to) = match a.span {
        Some((Some(f), Some(t))) if f < t => (f, t),
        // "How much did Spain's additions grow in 2024?", "YoY in 2024": on the year before
        // (the answer names both years).
        Some((Some(f), Some(t))) if f == t => (f - 1, f),
        Some((Some(f), None)) if f < last_hist => (f, last_hist),
        _ => {
            return Err(ToolError::Arguments(
                "a change needs two years, e.g. from 2020 to 2023".into(),
            ));
        }
    };
    let kind = a.kind.unwrap_or("Annual");
    let conn = a.connections.first().copied().unwrap_or("Total");
    let Some(res) = run(
        state,
        vocab,
        &args(a, a.territories.clone(), from, to, vec![conn]),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let mut lines = Vec::new();
    for t in &a.territories {
        let (Some((v0, s0)), Some((v1, s1))) =
            (value(&res, t, from, conn), value(&res, t, to, conn))
        else {
            lines.push(format!(
                "- **{t}**: the data has no {} figure for {from} or {to}.",
                what(kind)
            ));
            continue;
        };
        let abs = v1 - v0;
        let mut line = format!(
            "- **{t}**: {} from {} in {from} ({s0}) to {} in {to} ({s1}): {}{}",
            what(kind),
            mw(v0),
            mw(v1),
            if abs >= 0.0 { "+" } else { "−" },
            mw(abs.abs())
        );
        if v0 > 0.0 {
            line.push_str(&format!(" ({:+.1}%)", (v1 / v0 - 1.0) * 100.0));
            if a.has(Op::Compare) {
                // "How many times ...": the ratio too.
                line.push_str(&format!(", {} the {from} figure", times(v1 / v0)));
            }
            if a.has(Op::Cagr) || to - from > 1 {
                let cagr = (v1 / v0).powf(1.0 / f64::from(to - from)) - 1.0;
                line.push_str(&format!(
                    "; CAGR {:+.1}% a year over {} years",
                    cagr * 100.0,
                    to - from
                ));
            }
        }
        line.push('.');
        lines.push(line);
    }
    say(
        emit,
        &format!(
            "Change in {} ({} connection, MW DC):\n\n{}{}",
            what(kind),
            conn.to_lowercase(),
            lines.join("\n"),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

//! Market answers of the built-in provider: a question read in the closed world of
//! [`super::understand`] becomes a [`MarketAsk`] — territories, years, scenario, connection,
//! annual or cumulative, and the operation asked (lookup, ranking, share, change, CAGR,
//! comparison, min / max / average, sum, trend, split) — or a [`Decline`] that says what could
//! not be matched. Every figure states its unit, scenario, period and source file.

use super::decline::{Decline, unmatched};
use super::understand::{Op, Question, Topic, Word};
use super::{
    Emit, capitalise, mw, mw_number, say, show_chart, signed_pct, source_line, table, times,
};
use crate::domain::market::{Connection, Kind as MarketKind, Scenario};
use crate::tools::ToolContext;
use crate::tools::analytic::{self, Ask, Computed, Operation};
use crate::tools::market::{self, Market, MarketArgs, MarketResult};
use crate::tools::names::norm;
use crate::tools::vocab::Vocabulary;
use crate::tools::{DataTool, ToolError, fmt_thousands};

mod beyond;
mod inherit;
mod kinds;
mod reading;
use beyond::*;
use inherit::*;
use kinds::*;
pub use reading::*;

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
    /// A level in MW ("2 GW"): the first year a figure reached it (fell to it, `below`).
    pub level: Option<f64>,
    pub below: bool,
    /// Levels named beyond the first (a question with two is declined).
    pub more_levels: bool,
    /// Whether the question says which way the level is crossed.
    pub level_directed: bool,
    /// "in %" without a word of share: a relative difference when two figures are compared.
    pub percent: bool,
    /// "including the forecast years": the history and the most probable forecast as one series.
    pub joined: bool,
    /// "Which countries added more than Spain in 2024?": the countries beyond a mark, ranked
    /// (below it with `below`).
    pub beyond: Option<Beyond>,
    /// "how many times bigger": a change also states the ratio.
    pub ratio: bool,
    /// "excluding China": territories left out of a ranking of countries.
    pub excluded: Vec<String>,
    /// "the biggest decline", "dropped the most": a change ranked from its largest fall.
    pub fall: bool,
    /// "year-on-year change for each year from 2021 to 2024": the change of every year of the
    /// span on the year before, not the change over the span.
    pub each_year: bool,
}

/// The mark a list of countries is drawn against.
#[derive(Clone, Debug, PartialEq)]
pub enum Beyond {
    /// A territory's own figure in the year asked.
    Of(String),
    /// A level in MW.
    Mw(f64),
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
    let mut parts: Vec<String> =
        vec![what(a.kind.unwrap_or(MarketKind::Annual.as_str())).to_string()];
    if !a.territories.is_empty() {
        parts.push(a.territories.join(", "));
    } else if a.is_ranking() {
        parts.push("countries".into());
    }
    if !a.excluded.is_empty() {
        parts.push(format!("excluding {}", a.excluded.join(", ")));
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
    if let Some(b) = &a.beyond {
        parts.push(format!(
            "{} than {}",
            if a.below { "less" } else { "more" },
            match b {
                Beyond::Of(t) => t.clone(),
                Beyond::Mw(l) => format!("{} MW", fmt_thousands(*l, 0)),
            }
        ));
    }
    if let Some(l) = a.level {
        parts.push(format!(
            "first year {} {} MW",
            if a.below {
                "at or below"
            } else {
                "at or above"
            },
            fmt_thousands(l, if l.fract() == 0.0 { 0 } else { 1 })
        ));
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
    !crate::tools::places::is_country(t)
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
        ..MarketArgs::default()
    }
}

async fn run(
    tools: &ToolContext<'_>,
    vocab: &Vocabulary,
    args: &MarketArgs,
    stacked: bool,
) -> Result<Option<MarketResult>, ToolError> {
    let r = market::resolve(args, &vocab.territories, stacked)?;
    Market::query(tools, &r).await
}

/// Run the tool's query with an operation: the figures as the tool computes them for a model.
async fn computed(
    tools: &ToolContext<'_>,
    vocab: &Vocabulary,
    args: &MarketArgs,
) -> Result<Option<(MarketResult, Computed)>, ToolError> {
    let Some(res) = run(tools, vocab, args, false).await? else {
        return Ok(None);
    };
    match market::computed(&res) {
        Some(Ok(c)) => Ok(Some((res, c))),
        Some(Err(why)) => Err(ToolError::Arguments(why.0)),
        None => Err(ToolError::Failed("no operation was asked".into())),
    }
}

fn with_op(mut args: MarketArgs, op: Operation) -> MarketArgs {
    args.operation = Some(op);
    args
}

fn what(kind: impl AsRef<str>) -> &'static str {
    if kind.as_ref() == MarketKind::Cumulative.as_str() {
        "cumulative installed capacity"
    } else {
        "annual installations"
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
        .map(|r| (r.capacity_mw, r.scenario.to_string()))
}

fn scenarios_of(res: &MarketResult) -> String {
    let mut s: Vec<&str> = res.rows.iter().map(|r| r.scenario.as_str()).collect();
    s.sort();
    s.dedup();
    s.join(", ")
}

/// Answer a market question. `Ok(false)`: the data holds no rows for it (the caller declines).
pub async fn answer(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((last_hist, last)) = vocab.market_years else {
        return Ok(false);
    };
    let (from, to) = years(a, last_hist, last);
    let kind = a.kind.unwrap_or(MarketKind::Annual.as_str());
    if a.level.is_some() {
        return threshold(tools, a, vocab, from, to, emit).await;
    }
    if a.beyond.is_some() {
        return beyond(tools, a, vocab, from, to, emit).await;
    }
    if a.is_ranking() {
        return rank(tools, a, vocab, from, to, emit).await;
    }
    if a.by_connection {
        return split(tools, a, vocab, from, to, emit).await;
    }
    // "By what percentage did it change": a percentage with a change is the change's %.
    if a.has(Op::Share) && !a.has(Op::Change) && !a.has(Op::Cagr) {
        // "Europe's share of world installations in 2010, and in 2024?": the share in each of
        // the two years (a chart or a trend shows every year).
        if let Some((Some(f), Some(t))) = a.span
            && f < t
            && !a.has(Op::Trend)
            && !a.has(Op::Chart)
        {
            if !share(tools, a, vocab, f, emit).await? {
                return Ok(false);
            }
            share(tools, a, vocab, t, emit).await?;
            return Ok(true);
        }
        return share(tools, a, vocab, to, emit).await;
    }
    if a.has(Op::Cagr) || a.has(Op::Change) {
        return change(tools, a, vocab, emit).await;
    }
    let connections = if a.connections.is_empty() {
        vec![Connection::Total.as_str()]
    } else {
        a.connections.clone()
    };
    if a.connections.len() > 1 {
        // Several connection types named: the split shows each of them.
        return split(tools, a, vocab, from, to, emit).await;
    }
    let conn = connections[0];
    let unit = "MW DC";
    if a.has(Op::Sum) && a.territories.len() > 1 {
        // One year: each territory's figure and their total; a span: each territory's sum over
        // it and their total.
        let (op, measure) = if from == to {
            (Operation::Lookup, "value")
        } else {
            (Operation::Sum, "sum")
        };
        let years = if from == to {
            from.to_string()
        } else {
            format!("{from}–{to}")
        };
        let Some((res, c)) = computed(
            tools,
            vocab,
            &with_op(
                args(a, a.territories.clone(), from, to, connections.clone()),
                op,
            ),
        )
        .await?
        else {
            return Ok(false);
        };
        let src = source_line(&res.source.name, res.source.is_sample);
        let Some(total) = c.get("", "total") else {
            let why = if c.all(measure).count() < a.territories.len() {
                format!("the market data has no {kind} figure for each of them in {years}")
            } else {
                "a region's figure already holds its countries' figures".to_string()
            };
            say(
                emit,
                &format!(
                    "I will not add up {}: {why}.{src}",
                    a.territories.join(", "),
                ),
            );
            return Ok(true);
        };
        let mut rows: Vec<Vec<String>> = c
            .all(measure)
            .map(|f| vec![f.series.clone(), fmt_thousands(f.value, 0)])
            .collect();
        rows.push(vec![
            "**Total**".into(),
            format!("**{}**", fmt_thousands(total.value, 0)),
        ]);
        say(
            emit,
            &format!(
                "Combined {} of {} in **{years}** ({}, {} connection): **{}** ({unit}).\n\n{}{src}",
                what(kind),
                a.territories.join(", "),
                scenarios_of(&res),
                conn.to_lowercase(),
                mw(total.value),
                table(&["Territory", "MW"], &rows)
            ),
        );
        return Ok(true);
    }
    if (a.has(Op::Sum)
        || a.has(Op::First)
        || a.has(Op::Average)
        || a.has(Op::Max)
        || a.has(Op::Min)
        || a.has(Op::Top)
        || a.has(Op::Bottom))
        && a.territories.len() == 1
    {
        let t = &a.territories[0];
        let op = if a.has(Op::First) {
            Operation::First
        } else if a.has(Op::Sum) {
            Operation::Sum
        } else if a.has(Op::Average) {
            Operation::Average
        } else if a.has(Op::Min) || a.has(Op::Bottom) {
            Operation::Min
        } else {
            Operation::Max
        };
        let Some((res, c)) = computed(
            tools,
            vocab,
            &with_op(args(a, vec![t.clone()], from, to, vec![conn]), op),
        )
        .await?
        else {
            return Ok(false);
        };
        let Some(f) = c.figures.first() else {
            return Ok(false);
        };
        // "What did Germany install in 2012, back at the peak?": a record asked of one year is
        // read over the whole history; a year the series does not hold is not answered with the
        // record of other years.
        if let Some((Some(y), Some(z))) = a.span
            && y == z
            && !res.rows.iter().any(|r| r.year == y)
        {
            return Ok(false);
        }
        let src = source_line(&res.source.name, res.source.is_sample);
        let head = format!(
            "{t}, {} ({}, {} connection), {}",
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase(),
            c.span
        );
        let years = res.rows.len();
        let text = match op {
            Operation::Sum => format!(
                "{head}: **{}** in total ({unit}) over {years} years.",
                mw(f.value)
            ),
            Operation::Average => format!(
                "{head}: **{}** a year on average ({unit}), over {years} years.",
                mw(f.value)
            ),
            Operation::First => {
                // The series' first year and the two after it, not its whole history.
                let rows: Vec<Vec<String>> = res
                    .rows
                    .iter()
                    .take(3)
                    .map(|r| vec![r.year.to_string(), mw_number(r.capacity_mw)])
                    .collect();
                say(
                    emit,
                    &format!(
                        "{head}: the series starts in **{}**, with **{}** ({unit}).\n\n{}{src}",
                        f.period,
                        mw(f.value),
                        table(&["Year", "MW"], &rows)
                    ),
                );
                return Ok(true);
            }
            _ => format!(
                "{head}: the {} was in **{}**, with **{}** ({unit}).",
                if op == Operation::Min {
                    "lowest"
                } else {
                    "highest"
                },
                f.period,
                mw(f.value)
            ),
        };
        let rows: Vec<Vec<String>> = res
            .rows
            .iter()
            .map(|r| vec![r.year.to_string(), fmt_thousands(r.capacity_mw, 0)])
            .collect();
        say(
            emit,
            &format!("{text}\n\n{}{src}", table(&["Year", "MW"], &rows)),
        );
        return Ok(true);
    }
    // Lookup, comparison, trend.
    let Some(res) = run(
        tools,
        vocab,
        &args(a, a.territories.clone(), from, to, connections.clone()),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let src = source_line(&res.source.name, res.source.is_sample);
    if from == to && a.territories.len() == 1 && a.scenarios.len() > 1 {
        // One territory and year in several scenarios: each, and the spread when asked.
        let t = &a.territories[0];
        let series = market::series(&res);
        let rows: Vec<Vec<String>> = series
            .iter()
            .filter_map(|s| {
                s.points
                    .last()
                    .map(|p| vec![s.name.clone(), fmt_thousands(p.value, 0)])
            })
            .collect();
        let mut text = format!(
            "**{t}** — {} in **{from}** by scenario ({} connection, {unit}):\n\n{}",
            what(kind),
            conn.to_lowercase(),
            table(&["Scenario", "MW"], &rows)
        );
        if a.has(Op::Compare) && series.len() > 1 {
            let c = analytic::compute::<Market>(Operation::Compare, &series, "MW", &Ask::default())
                .map_err(|why| ToolError::Arguments(why.0))?;
            for d in c.all("difference") {
                let Some(other) = &d.against else { continue };
                text.push_str(&format!(
                    "\n{} minus {other}: **{}{}**.",
                    d.series,
                    if d.value < 0.0 { "−" } else { "" },
                    mw(d.value.abs())
                ));
            }
        }
        text.push_str(&notes(&res));
        text.push_str(&src);
        say(emit, &text);
        return Ok(true);
    }
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
        // "Rank ES, IT and DE by 2024 additions", "top 3 of my countries (...)": the places
        // named, ranked (the lowest first for "the least"), down to the count asked; a place
        // without a figure is listed last and never ranked.
        let ranks = [Op::Rank, Op::Top, Op::Bottom, Op::Max, Op::Min]
            .iter()
            .any(|o| a.has(*o));
        let mut ranked = String::new();
        if ranks && vals.len() > 1 {
            let lowest_first = a.has(Op::Bottom) || (a.has(Op::Min) && !a.has(Op::Max));
            vals.sort_by(|x, y| {
                let o = y.1.total_cmp(&x.1);
                if lowest_first { o.reverse() } else { o }
            });
            let shown = a
                .count
                .map_or(vals.len(), |c| (c as usize).clamp(1, vals.len()));
            let unranked: Vec<Vec<String>> = a
                .territories
                .iter()
                .filter(|t| !vals.iter().any(|(v, _)| v == *t))
                .map(|t| vec![t.clone(), "no figure".into()])
                .collect();
            rows = vals[..shown]
                .iter()
                .enumerate()
                .map(|(i, (t, v))| vec![format!("{}. {t}", i + 1), fmt_thousands(*v, 0)])
                .collect();
            rows.extend(unranked);
            ranked = format!(
                "Of the {} places named, **{}** is {} with **{}**{}.\n\n",
                a.territories.len(),
                vals[0].0,
                if lowest_first {
                    "the lowest"
                } else {
                    "the highest"
                },
                mw(vals[0].1),
                if shown < vals.len() {
                    format!(
                        "; the {shown} {} are listed",
                        if lowest_first { "lowest" } else { "highest" }
                    )
                } else {
                    String::new()
                }
            );
        }
        let mut text = format!(
            "{ranked}{} in **{from}** ({}, {} connection, {unit}):\n\n{}",
            capitalise(what(kind)),
            scenarios_of(&res),
            conn.to_lowercase(),
            table(&["Territory", "MW"], &rows)
        );
        if vals.len() == 2 {
            // The differences as the tool computes them for a model.
            let c = analytic::compute::<Market>(
                Operation::Compare,
                &market::series(&res),
                "MW",
                &Ask::default(),
            )
            .map_err(|why| ToolError::Arguments(why.0))?;
            for d in c.all("difference") {
                let Some(other) = &d.against else { continue };
                text.push_str(&format!(
                    "\n{} is {} {} than {other}",
                    d.series,
                    mw(d.value.abs()),
                    if d.value >= 0.0 { "higher" } else { "lower" },
                ));
                let of = |m: &str| {
                    c.figures
                        .iter()
                        .find(|f| f.measure == m && f.against.as_ref() == Some(other))
                };
                if let (Some(pct), Some(ratio)) = (of("difference_pct"), of("ratio")) {
                    text.push_str(&format!(" ({})", signed_pct(pct.value)));
                    // The larger against the smaller: "China's figure is 4.53 times EU's".
                    if ratio.value >= 1.0 || ratio.value <= 0.0 {
                        text.push_str(&format!(", {} {other}'s figure", times(ratio.value)));
                    } else {
                        // ("How many times larger was India's market than the USA's? Or was
                        // it smaller?": the ratio as asked, and the other way round.)
                        text.push_str(&format!(
                            "; {}'s figure is {} {other}'s, and {other}'s is {} {}'s",
                            d.series,
                            times(ratio.value),
                            times(1.0 / ratio.value),
                            d.series
                        ));
                    }
                }
                text.push('.');
            }
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
        let mut s: Vec<String> = res.rows.iter().map(|r| r.scenario.to_string()).collect();
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
                        r.scenario.as_str() == s
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
                    .map(|r| r.scenario.to_string())
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
        res.resolved
            .connections
            .iter()
            .map(|c| c.as_str())
            .collect(),
    );
    let pt = market::plot_type(&args, &res.resolved)?;
    show_chart(emit, market::chart(res, &args, pt))
}

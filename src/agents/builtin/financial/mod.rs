//! Manufacturer answers of the built-in provider: a metric in a quarter, half or full year,
//! the latest one, a trend, the lowest / highest / average over a span of periods, the change
//! and CAGR between full years, a company's share of the companies' total, rankings, and
//! comparisons with their differences.

use chrono::Datelike;

use super::*;
use crate::tools::financials::FinRow;

mod derived;
mod losses;
mod sums;
mod terms;
use derived::*;
use losses::*;
use sums::*;
pub(crate) use terms::in_financial_terms;

pub(super) const FIN_OPS: &[understand::Op] = &[
    understand::Op::Latest,
    understand::Op::Trend,
    understand::Op::Compare,
    understand::Op::Chart,
    understand::Op::Change,
    understand::Op::Top,
    understand::Op::Rank,
    understand::Op::Bottom,
    understand::Op::Cagr,
    understand::Op::Min,
    understand::Op::Max,
    understand::Op::Average,
    understand::Op::Share,
    understand::Op::Sum,
];

pub(super) fn fits_financials(w: &understand::Word) -> bool {
    use understand::{Topic, Word};
    // "Which manufacturer shipped the most modules in FY2024?": modules are what they ship.
    if matches!(w, Word::Item(i) if i == "Module") {
        return true;
    }
    matches!(
        w,
        Word::Company(_)
            | Word::Metric(_)
            | Word::Topic(Topic::Financials)
            | Word::Op(_)
            | Word::Year(_)
            | Word::Quarter(_)
            | Word::Half(_)
            | Word::FullYear
            | Word::Count(_)
            // "actual revenue": every figure is a reported one
            | Word::Scenario("Historical Primary")
    )
}

pub(super) async fn fin_answer(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    if ask.companies.is_empty() && ask.metrics.is_empty() {
        return Ok(false);
    }
    use understand::{Op, Word};
    // "What was its revenue?" with no company read: whose is not known, so not every company's.
    // ("Which manufacturer had the highest gross margin, and what was it?": "it" is the answer.)
    let asks_which = question.spans.iter().any(|s| s.text == "which")
        && question.spans.iter().any(|s| {
            s.text.split(' ').any(|w| {
                matches!(
                    w,
                    "manufacturer"
                        | "manufacturers"
                        | "company"
                        | "companies"
                        | "maker"
                        | "makers"
                        | "supplier"
                        | "suppliers"
                        | "producer"
                        | "producers"
                )
            })
        });
    if ask.companies.is_empty()
        && !asks_which
        && question
            .spans
            .iter()
            .any(|s| matches!(s.text.as_str(), "its" | "their" | "it" | "they"))
    {
        return Err(ToolError::Arguments(
            "name the company you mean: the question points to one I could not read".into(),
        ));
    }
    // "Helios net margin in FY2024 (net income as a % of revenue)": computed from the two.
    if asks_net_margin(ask) {
        return net_margin(tools, ask, one_period(question)?, vocab, emit).await;
    }
    // "first quarter of 2024 with a net loss": the periods a condition picks.
    if loss_condition(question) {
        return loss_periods(tools, ask, question, vocab, emit).await;
    }
    let has = |op: Op| question.has(|w| *w == Word::Op(op));
    let cagr = has(Op::Cagr);
    // "SunForge net income FY2023 vs FY2024": one company's two full years compared is the
    // change between them.
    let two_years = question.years().len() == 2
        && ask.companies.len() == 1
        && !question.has(|w| matches!(w, Word::Quarter(_) | Word::Half(_)));
    // "Aurora gross margin, Q1 2023 vs Q4 2024": one company's two periods compared is the change
    // between them too.
    let two_parts = has(Op::Compare) && ask.companies.len() == 1 && two_periods(question).is_some();
    let change = has(Op::Change) || cagr || (has(Op::Compare) && (two_years || two_parts));
    let ranking = ask.companies.is_empty()
        && question.has(|w| matches!(w, Word::Op(Op::Top | Op::Rank | Op::Bottom)));
    // "Total net loss over the four quarters of 2024": the quarters added up.
    // "Total module shipments of all four manufacturers in FY2024": the companies added up.
    let total = question.spans.iter().any(|s| s.text == "total");
    // "Nordlicht total net loss for 2024": one company's year, its quarters added up.
    let one_year = ask.companies.len() == 1
        && question.years().len() == 1
        && !question.has(|w| matches!(w, Word::Quarter(_) | Word::Half(_) | Word::FullYear));
    // "Nordlicht revenue, Q1 plus Q2 2024": quarters joined by "plus" are added up.
    let plus_quarters = ask.companies.len() == 1
        && question.spans.iter().any(|s| s.text == "plus")
        && question
            .spans
            .iter()
            .filter(|s| s.has(|w| matches!(w, Word::Quarter(_))))
            .count()
            >= 2;
    let total_of_quarters = plus_quarters
        || total
            && (one_year
                || question.spans.iter().any(|s| {
                    matches!(s.text.as_str(), "quarters" | "four quarters" | "quarterly")
                }));
    let total_of_companies = total && ask.companies.len() != 1 && !ranking;
    if (has(Op::Share) || has(Op::Sum) || total_of_quarters || total_of_companies) && !change {
        return share(tools, ask, question, vocab, !has(Op::Share), emit).await;
    }
    if ranking && !change && question.has(|w| matches!(w, Word::Quarter(_) | Word::Half(_))) {
        return rank_period(tools, ask, question, vocab, emit).await;
    }
    if change || ranking {
        // Changes are computed on full years: a quarter or a half named would be answered with
        // its year's figures, a different question.
        if question.has(|w| matches!(w, Word::Quarter(_) | Word::Half(_))) {
            if change
                && !ranking
                && !cagr
                && let Some(periods) = two_periods(question)
            {
                return period_change(tools, ask, periods, vocab, emit).await;
            }
            return Err(ToolError::Arguments(
                "rankings and changes of manufacturer figures are computed on full years; ask for \
                 a full year such as FY2024, or for one company's figure in a quarter"
                    .into(),
            ));
        }
        return full_years(tools, ask, question, vocab, change, cagr, emit).await;
    }
    // The lowest, highest or average of each company's metric over the periods asked; "the
    // highest revenue of Helios" is its highest period.
    let named = !ask.companies.is_empty();
    let stat = if has(Op::Average) {
        Some(Stat::Average)
    } else if has(Op::Min) || (named && has(Op::Bottom)) {
        Some(Stat::Min)
    } else if has(Op::Max) || (named && has(Op::Top)) {
        Some(Stat::Max)
    } else {
        None
    };
    let period = one_period(question)?;
    let ask = &Ask {
        period_kind: period.map(|(k, _)| k).or(ask.period_kind),
        ..ask.clone()
    };
    let (start, end) = ask.years.unwrap_or((None, None));
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: start,
        end_year: end,
        period_type: ask.period_kind.map(|k| period_type(k).to_string()),
        plot_type: None,
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        // "Nordlicht's H1 2024 revenue" where the data has quarters only: a flow's half is its
        // two quarters added up (a margin or a capacity is declined there).
        if matches!(period, Some(("H", _)))
            && ask.companies.len() == 1
            && stat.is_none()
            && !(ask.trend || ask.chart || ask.compare)
        {
            return sum_over_periods(tools, ask, question, vocab, emit).await;
        }
        say(
            emit,
            "The manufacturer data has no figures for these filters.\n\n",
        );
        return Ok(false);
    };
    let latest_only = !(ask.trend || ask.chart || ask.compare) && ask.years.is_none();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut shown = res.rows.clone();
    if let Some((_, start)) = period {
        shown.retain(|r| Some(r.period_start) == start);
        if shown.is_empty() {
            say(
                emit,
                "The manufacturer data has no figures for that period.\n\n",
            );
            return Ok(false);
        }
    }
    if let Some(stat) = stat {
        let mut text = stat_text(&shown, stat);
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    if latest_only {
        let last = shown.iter().map(|r| r.period_start).max();
        shown.retain(|r| Some(r.period_start) == last);
    }
    for r in shown.iter().take(40) {
        rows.push(vec![
            r.company.clone(),
            r.period.clone(),
            r.metric.clone(),
            format!("{} {}", fmt_value(r.value), r.unit),
        ]);
    }
    let mut text = String::new();
    if shown.len() == 1 {
        let r = &shown[0];
        text.push_str(&format!(
            "**{}** — {} in {}: **{} {}**.",
            r.company,
            r.metric,
            r.period,
            fmt_value(r.value),
            r.unit
        ));
    } else {
        text.push_str(&table(&["Company", "Period", "Metric", "Value"], &rows));
        if shown.len() > 40 {
            text.push_str(&format!(
                "\n{} more rows match; narrow the company, metric or years.",
                shown.len() - 40
            ));
        }
        if ask.compare {
            text.push_str(&differences(&shown, &ask.companies));
        }
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    if ask.chart || ask.trend || ask.compare {
        let mut res = res;
        let first_metric = res.rows[0].metric.clone();
        if res.rows.iter().any(|r| r.metric != first_metric) {
            res.rows.retain(|r| r.metric == first_metric);
            say(
                emit,
                &format!("\n\nThe chart shows {first_metric}: one metric per chart."),
            );
        }
        show_chart(emit, financials::chart(&res, &args))?;
    }
    Ok(true)
}

/// A quarter, a half or the full year of one year named: that period (its kind and first day).
fn one_period(
    question: &understand::Question,
) -> Result<Option<(&'static str, Option<chrono::NaiveDate>)>, ToolError> {
    // A quarter, a half or the full year of one year: that period only.
    let years = question.years();
    let mut part = question.all(|w| match w {
        understand::Word::Quarter(q) => Some(("Q", *q)),
        understand::Word::Half(h) => Some(("H", *h)),
        understand::Word::FullYear => Some(("FY", 1)),
        _ => None,
    });
    // "the first half of 2024 (Q1 plus Q2)": a half with its own two quarters is the half.
    if let [("H", h), rest @ ..] | [rest @ .., ("H", h)] = part.as_slice() {
        let mut quarters: Vec<u32> = rest.iter().filter(|p| p.0 == "Q").map(|p| p.1).collect();
        quarters.sort_unstable();
        if rest.len() == 2 && quarters == [2 * h - 1, 2 * h] {
            part = vec![("H", *h)];
        }
    }
    // "Did SunForge make a loss in 2024 overall?": the year as a whole is the full year.
    if part.is_empty()
        && years.len() == 1
        && question.spans.iter().any(|s| {
            matches!(
                s.text.as_str(),
                "overall" | "as a whole" | "whole year" | "entire year" | "the whole year"
            )
        })
    {
        part.push(("FY", 1));
    }
    Ok(match (part.as_slice(), years.as_slice()) {
        ([], _) => None,
        ([(kind, n)], [y]) => {
            let month = match *kind {
                "Q" => 3 * (n - 1) + 1,
                "H" => 6 * (n - 1) + 1,
                _ => 1,
            };
            Some((*kind, chrono::NaiveDate::from_ymd_opt(*y, month, 1)))
        }
        _ => {
            return Err(ToolError::Arguments(
                "name one period and its year, e.g. Q2 2024, H1 2023 or FY2023".into(),
            ));
        }
    })
}

/// The tool's `period_type` of a period kind (`Q`, `H`, `FY`).
fn period_type(kind: &str) -> &'static str {
    match kind {
        "Q" => "quarter",
        "H" => "half",
        _ => "year",
    }
}

/// A figure as the data states it: whole numbers with thousands separators, others to at most
/// four decimals (a sum of quarters is -51.1, not -51.099999999999994).
pub(super) fn fmt_value(v: f64) -> String {
    let v = (v * 10_000.0).round() / 10_000.0;
    if v.fract() == 0.0 {
        fmt_thousands(v, 0)
    } else {
        let t = format!("{v:.4}");
        t.trim_end_matches('0').to_string()
    }
}

/// Full-year figures: the change of a company's metric between two years (absolute and %), or
/// the companies ranked by a metric in one year (the last year asked, else the latest).
/// "- **Helios** — Revenue from 10.0 USD million (2023-Q1) to 8.0 USD million (2024-Q4): -2.0
/// USD million (-20.0%)", without the closing stop.
fn change_line(company: &str, r0: &FinRow, r1: &FinRow) -> String {
    let fig = |r: &FinRow| format!("{} {}", fmt_value(r.value), r.unit);
    let mut line = format!(
        "- **{company}** — {} from {} ({}) to {} ({})",
        r0.metric,
        fig(r0),
        r0.period,
        fig(r1),
        r1.period
    );
    if r0.unit == r1.unit && r0.value != 0.0 {
        line.push_str(&format!(
            ": {:+.1} {} ({})",
            r1.value - r0.value,
            r0.unit,
            signed_pct((r1.value / r0.value - 1.0) * 100.0)
        ));
    }
    line
}

/// The two quarters or halves a change runs between, each with its year ("from 2023-Q1 to
/// 2024-Q4"; "Q1 to Q4 2024"): the kind and the first day of each.
fn two_periods(q: &understand::Question) -> Option<[(&'static str, chrono::NaiveDate); 2]> {
    use understand::Word;
    let mut parts: Vec<(&'static str, u32)> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut out: Vec<(&'static str, u32, i32)> = Vec::new();
    for s in &q.spans {
        for m in &s.meanings {
            match m {
                Word::Quarter(n) => parts.push(("Q", *n)),
                Word::Half(n) => parts.push(("H", *n)),
                Word::Year(y) => years.push(*y),
                _ => {}
            }
        }
    }
    // Each part with the year written next to it, or the one year of both.
    match (parts.as_slice(), years.as_slice()) {
        ([a, b], [y]) => out.extend([(a.0, a.1, *y), (b.0, b.1, *y)]),
        ([a, b], [y, z]) => out.extend([(a.0, a.1, *y), (b.0, b.1, *z)]),
        _ => return None,
    }
    let date = |(k, n, y): (&'static str, u32, i32)| {
        let month = if k == "Q" {
            3 * (n - 1) + 1
        } else {
            6 * (n - 1) + 1
        };
        chrono::NaiveDate::from_ymd_opt(y, month, 1).map(|d| (k, d))
    };
    let (a, b) = (date(out[0])?, date(out[1])?);
    // ("Q4 2024 vs Q4 2023": the change runs from the earlier to the later.)
    let (a, b) = if b.1 < a.1 { (b, a) } else { (a, b) };
    (a.0 == b.0 && a.1 < b.1).then_some([a, b])
}

/// A change of one metric between two quarters or two halves.
async fn period_change(
    tools: &ToolContext<'_>,
    ask: &Ask,
    periods: [(&'static str, chrono::NaiveDate); 2],
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    if ask.metrics.len() != 1 {
        return Err(ToolError::Arguments("name one metric, e.g. revenue".into()));
    }
    let [(kind, d0), (_, d1)] = periods;
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: Some(d0.year()),
        end_year: Some(d1.year()),
        period_type: Some(if kind == "Q" { "quarter" } else { "half" }.into()),
        plot_type: None,
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        return Ok(false);
    };
    let mut companies: Vec<&String> = res.rows.iter().map(|r| &r.company).collect();
    companies.dedup();
    let mut lines = Vec::new();
    for c in companies {
        let at = |d: chrono::NaiveDate| {
            res.rows
                .iter()
                .find(|r| &r.company == c && r.period_start == d)
        };
        match (at(d0), at(d1)) {
            (Some(r0), Some(r1)) => lines.push(format!("{}.", change_line(c, r0, r1))),
            _ => lines.push(format!(
                "- **{c}**: the data has no figure for one of the two periods."
            )),
        }
    }
    say(
        emit,
        &format!(
            "{}{}",
            lines.join("\n"),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

async fn full_years(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    change: bool,
    cagr: bool,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let (from, to) = match (change, ask.years) {
        (true, Some((Some(a), Some(b)))) if a < b => (Some(a), Some(b)),
        // "Helios FY24 revenue, and YoY change?", "FY24 growth %": from the year before.
        (true, Some((Some(a), Some(b)))) if a == b && !cagr => (Some(a - 1), Some(a)),
        (true, _) => {
            return Err(ToolError::Arguments(
                "a change needs two years, e.g. from 2023 to 2024".into(),
            ));
        }
        (false, Some((_, b))) => (b, b),
        (false, None) => (None, None),
    };
    if ask.metrics.len() != 1 {
        return Err(ToolError::Arguments("name one metric, e.g. revenue".into()));
    }
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: from,
        end_year: to,
        period_type: Some("year".into()),
        plot_type: None,
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        say(
            emit,
            "The manufacturer data has no full-year figures for these filters.\n\n",
        );
        return Ok(false);
    };
    let fig = |r: &FinRow| format!("{} {}", fmt_value(r.value), r.unit);
    let mut text = String::new();
    if change {
        let (a, b) = (from.unwrap_or_default(), to.unwrap_or_default());
        let mut lines = Vec::new();
        let mut companies: Vec<&String> = res.rows.iter().map(|r| &r.company).collect();
        companies.dedup();
        for c in companies {
            let at = |y: i32| {
                res.rows
                    .iter()
                    .find(|r| &r.company == c && r.period_start.year() == y)
            };
            let (Some(r0), Some(r1)) = (at(a), at(b)) else {
                lines.push(format!(
                    "- **{c}**: the data has no full-year figure for {a} or {b}."
                ));
                continue;
            };
            let mut line = change_line(c, r0, r1);
            if r0.unit == r1.unit && r0.value != 0.0 && (cagr || b - a > 1) {
                let n = b - a;
                if r0.value > 0.0 && r1.value > 0.0 {
                    line.push_str(&format!(
                        "; CAGR {} a year over {n} year{}",
                        signed_pct(((r1.value / r0.value).powf(1.0 / f64::from(n)) - 1.0) * 100.0),
                        if n == 1 { "" } else { "s" }
                    ));
                } else {
                    line.push_str("; no CAGR, as the two figures are not both positive");
                }
            }
            line.push('.');
            lines.push(line);
        }
        text.push_str(&lines.join("\n"));
    } else {
        let year = res
            .rows
            .iter()
            .map(|r| r.period_start)
            .max()
            .map(|d| d.year());
        let mut rows: Vec<&FinRow> = res
            .rows
            .iter()
            .filter(|r| Some(r.period_start.year()) == year)
            .collect();
        rows.sort_by(|x, y| y.value.total_cmp(&x.value));
        if question.has(|w| *w == understand::Word::Op(understand::Op::Bottom)) {
            rows.reverse();
        }
        let Some(first) = rows.first() else {
            return Ok(false);
        };
        text.push_str(&format!(
            "By {} in {}, **{}** comes first with **{}**.\n\n",
            first.metric,
            first.period,
            first.company,
            fig(first)
        ));
        let table_rows: Vec<Vec<String>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| vec![(i + 1).to_string(), r.company.clone(), fig(r)])
            .collect();
        text.push_str(&table(&["Rank", "Company", &first.metric], &table_rows));
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    Ok(true)
}

/// Companies ranked by one metric in one quarter or half ("who had the best gross margin in Q4
/// 2024?"), computed by the tool's ranking.
async fn rank_period(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    use crate::tools::analytic::Operation;
    let part = question.all(|w| match w {
        understand::Word::Quarter(q) => Some(("quarter", 3 * (q - 1) + 1)),
        understand::Word::Half(h) => Some(("half", 6 * (h - 1) + 1)),
        _ => None,
    });
    let years = question.years();
    let ([(kind, month)], [year], [_metric]) =
        (part.as_slice(), years.as_slice(), ask.metrics.as_slice())
    else {
        return Err(ToolError::Arguments(
            "a ranking of one period needs one metric and one period with its year, e.g. gross margin in Q4 2024"
                .into(),
        ));
    };
    let start = chrono::NaiveDate::from_ymd_opt(*year, *month, 1);
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: Some(*year),
        end_year: Some(*year),
        period_type: Some(kind.to_string()),
        operation: Some(Operation::Rank),
        order: question
            .has(|w| *w == understand::Word::Op(understand::Op::Bottom))
            .then(|| "lowest".to_string()),
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(mut res) = Financials::query(tools, &q).await? else {
        return Ok(false);
    };
    res.rows.retain(|r| Some(r.period_start) == start);
    let Some(period) = res.rows.first().map(|r| r.period.clone()) else {
        return Ok(false);
    };
    let Some(Ok(c)) = financials::computed(&res) else {
        return Ok(false);
    };
    let ranked: Vec<_> = c.all("value").collect();
    let Some(first) = ranked.first() else {
        return Ok(false);
    };
    let rows: Vec<Vec<String>> = ranked
        .iter()
        .map(|f| {
            vec![
                f.rank.unwrap_or_default().to_string(),
                f.series.clone(),
                format!("{} {}", fmt_value(f.value), f.unit),
            ]
        })
        .collect();
    let metric = &res.rows[0].metric;
    say(
        emit,
        &format!(
            "By {metric} in {period}, **{}** comes first with **{} {}**.\n\n{}{}",
            first.series,
            fmt_value(first.value),
            first.unit,
            table(&["Rank", "Company", metric], &rows),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stat {
    Min,
    Max,
    Average,
}

/// Per company and metric, the lowest, highest or average figure of `rows` (one period kind),
/// with the periods it was computed from.
fn stat_text(rows: &[FinRow], stat: Stat) -> String {
    let mut groups: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.company.as_str(), r.metric.as_str()))
        .collect();
    groups.dedup();
    let what = match stat {
        Stat::Min => "Lowest",
        Stat::Max => "Highest",
        Stat::Average => "Average",
    };
    let mut lines = Vec::new();
    for (c, m) in groups.iter().take(25) {
        let of: Vec<&FinRow> = rows
            .iter()
            .filter(|r| r.company == *c && r.metric == *m)
            .collect();
        let periods: Vec<&str> = of.iter().map(|r| r.period.as_str()).collect();
        let unit = &of[0].unit;
        if of.iter().any(|r| &r.unit != unit) {
            lines.push(format!(
                "- **{c}** — {m}: the periods are in different units, so no figure."
            ));
            continue;
        }
        let figure = match stat {
            Stat::Average => {
                let avg = of.iter().map(|r| r.value).sum::<f64>() / of.len() as f64;
                format!(
                    "**{} {unit}** (the mean of {} periods)",
                    fmt_thousands(avg, 2),
                    of.len()
                )
            }
            Stat::Min | Stat::Max => {
                let r = of
                    .iter()
                    .copied()
                    .reduce(|a, b| {
                        if (stat == Stat::Max && b.value > a.value)
                            || (stat == Stat::Min && b.value < a.value)
                        {
                            b
                        } else {
                            a
                        }
                    })
                    .expect("a group has rows");
                format!("**{} {unit}** in {}", fmt_value(r.value), r.period)
            }
        };
        lines.push(format!(
            "- **{c}** — {} {m}: {figure}; periods used: {}.",
            what.to_lowercase(),
            periods.join(", ")
        ));
    }
    format!("{what} over the periods asked:\n\n{}", lines.join("\n"))
}

/// The difference of each company from the first one (the first named, else the first in the
/// data), per metric and period, absolute and in %; a percentage metric differs in points.
fn differences(rows: &[FinRow], named: &[String]) -> String {
    let Some(base) = named
        .first()
        .cloned()
        .or_else(|| rows.first().map(|r| r.company.clone()))
    else {
        return String::new();
    };
    let mut out = Vec::new();
    for b in rows.iter().filter(|r| r.company == base) {
        for r in rows.iter().filter(|r| {
            r.company != base
                && r.metric == b.metric
                && r.period_start == b.period_start
                && r.period == b.period
        }) {
            let diff = if r.unit != b.unit {
                "another unit, not compared".to_string()
            } else if r.unit == "%" {
                format!("{:+.1} percentage points", r.value - b.value)
            } else if b.value != 0.0 {
                let ratio = ratio_text::<crate::tools::financials::Financials>(
                    (&b.company, b.value),
                    (&r.company, r.value),
                    &r.unit,
                )
                .map(|t| format!("; {t}"))
                .unwrap_or_default();
                format!(
                    "{} {} ({}{ratio})",
                    signed(r.value - b.value),
                    r.unit,
                    signed_pct((r.value / b.value - 1.0) * 100.0)
                )
            } else {
                format!("{} {}", signed(r.value - b.value), r.unit)
            };
            out.push(vec![
                r.period.clone(),
                r.metric.clone(),
                r.company.clone(),
                format!("{} {}", fmt_value(r.value), r.unit),
                diff,
            ]);
        }
    }
    if out.is_empty() {
        return String::new();
    }
    let more = out.len().saturating_sub(40);
    out.truncate(40);
    let mut text = format!("\n\nDifference from **{base}**, period by period:\n\n");
    text.push_str(&table(
        &["Period", "Metric", "Company", "Value", "Difference"],
        &out,
    ));
    if more > 0 {
        text.push_str(&format!("\n{more} more differences; narrow the years."));
    }
    text
}

fn signed(v: f64) -> String {
    let s = fmt_thousands(v, 1);
    if v > 0.0 { format!("+{s}") } else { s }
}

/// A company's share of the total of a metric across the companies in the data (or across the
/// companies named, when several are) in one period: only when every one of them has the figure,
/// in one unit that adds up. `sum_only`: the total itself ("the combined revenue of A and B").
async fn share(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    sum_only: bool,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let what = if sum_only { "a sum" } else { "a share" };
    let [metric] = ask.metrics.as_slice() else {
        return Err(ToolError::Arguments(format!(
            "{what} needs one metric, e.g. revenue"
        )));
    };
    if sum_only && ask.companies.len() == 1 {
        return sum_over_periods(tools, ask, question, vocab, emit).await;
    }
    let years = question.years();
    let part = question.all(|w| match w {
        understand::Word::Quarter(q) => Some(("Q", *q)),
        understand::Word::Half(h) => Some(("H", *h)),
        understand::Word::FullYear => Some(("FY", 1)),
        _ => None,
    });
    let (kind, start) = match (part.as_slice(), years.as_slice()) {
        ([], []) => ("FY", None),
        ([], [y]) => ("FY", chrono::NaiveDate::from_ymd_opt(*y, 1, 1)),
        ([(kind, n)], [y]) => {
            let month = match *kind {
                "Q" => 3 * (n - 1) + 1,
                "H" => 6 * (n - 1) + 1,
                _ => 1,
            };
            (*kind, chrono::NaiveDate::from_ymd_opt(*y, month, 1))
        }
        _ => {
            return Err(ToolError::Arguments(format!(
                "{what} is of one period: name one year, quarter or half, e.g. 2023 or Q2 2024"
            )));
        }
    };
    let args = FinArgs {
        metric: vec![metric.clone()],
        start_year: start.map(|d| d.year()),
        end_year: start.map(|d| d.year()),
        period_type: Some(period_type(kind).into()),
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        say(
            emit,
            "The manufacturer data has no figures for that metric and period.\n\n",
        );
        return Ok(false);
    };
    let at = start.or_else(|| res.rows.iter().map(|r| r.period_start).max());
    let rows: Vec<&FinRow> = res
        .rows
        .iter()
        .filter(|r| Some(r.period_start) == at)
        .collect();
    let Some(first) = rows.first() else {
        say(
            emit,
            "The manufacturer data has no figures for that period.\n\n",
        );
        return Ok(false);
    };
    let period = first.period.clone();
    let unit = first.unit.clone();
    // The whole: the companies named when several are, else every company in the data.
    let whole: Vec<String> = if ask.companies.len() >= 2 {
        ask.companies.clone()
    } else {
        vocab.financials.companies.values.clone()
    };
    let missing: Vec<&str> = whole
        .iter()
        .filter(|c| !rows.iter().any(|r| &r.company == *c))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(ToolError::Arguments(format!(
            "{what} needs the {metric} of every company of the total for {period}, and the data \
             has none for {}",
            missing.join(", ")
        )));
    }
    let parts: Vec<&FinRow> = rows
        .iter()
        .copied()
        .filter(|r| whole.contains(&r.company))
        .collect();
    if parts.iter().any(|r| r.unit != unit) {
        return Err(ToolError::Arguments(format!(
            "the companies report {metric} in different units, and two units are never combined"
        )));
    }
    if unit == "%" {
        return Err(ToolError::Arguments(format!(
            "{metric} is a percentage, and percentages of different companies do not add up to a \
             total"
        )));
    }
    let total: f64 = parts.iter().map(|r| r.value).sum();
    let of_whole = if ask.companies.len() >= 2 {
        format!("the {} companies named", whole.len())
    } else {
        format!("the {} companies in the data", whole.len())
    };
    if sum_only {
        let mut text = format!(
            "Combined {period} {metric} of {of_whole}: **{} {unit}**.\n\n",
            fmt_thousands(total, 1)
        );
        let table_rows: Vec<Vec<String>> = parts
            .iter()
            .map(|r| vec![r.company.clone(), format!("{} {unit}", fmt_value(r.value))])
            .collect();
        text.push_str(&table(&["Company", metric], &table_rows));
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    if let Some(neg) = parts.iter().find(|r| r.value < 0.0) {
        return Err(ToolError::Arguments(format!(
            "a share of a total needs figures that are not negative, and the {metric} of {} for \
             {period} is a loss",
            neg.company
        )));
    }
    if total <= 0.0 {
        return Err(ToolError::Arguments(format!(
            "the companies' {metric} for {period} adds up to nothing to take a share of"
        )));
    }
    let mut sorted = parts.clone();
    sorted.sort_by(|a, b| b.value.total_cmp(&a.value));
    let mut text = String::new();
    if let [one] = ask.companies.as_slice()
        && let Some(r) = parts.iter().find(|r| &r.company == one)
    {
        text.push_str(&format!(
            "**{one}** had **{:.1}%** of the {period} {metric} of {of_whole} ({} of {} {unit}).\n\n",
            r.value / total * 100.0,
            fmt_value(r.value),
            fmt_thousands(total, 1),
        ));
    } else {
        text.push_str(&format!(
            "Shares of the {period} {metric} of {of_whole} (total {} {unit}):\n\n",
            fmt_thousands(total, 1)
        ));
    }
    let table_rows: Vec<Vec<String>> = sorted
        .iter()
        .map(|r| {
            vec![
                r.company.clone(),
                format!("{} {unit}", fmt_value(r.value)),
                format!("{:.1}%", r.value / total * 100.0),
            ]
        })
        .collect();
    text.push_str(&table(&["Company", metric, "Share"], &table_rows));
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    Ok(true)
}

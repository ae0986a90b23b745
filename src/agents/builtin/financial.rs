//! Manufacturer answers of the built-in provider: a metric in a quarter, half or full year,
//! the latest one, or a trend.

use chrono::Datelike;

use super::*;

pub(super) const FIN_OPS: &[understand::Op] = &[
    understand::Op::Latest,
    understand::Op::Trend,
    understand::Op::Compare,
    understand::Op::Chart,
    understand::Op::Change,
    understand::Op::Top,
    understand::Op::Rank,
    understand::Op::Bottom,
];

pub(super) fn fits_financials(w: &understand::Word) -> bool {
    use understand::{Topic, Word};
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
    )
}

pub(super) async fn fin_answer(
    state: &AppState,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    if ask.companies.is_empty() && ask.metrics.is_empty() {
        return Ok(false);
    }
    use understand::{Op, Word};
    let change = question.has(|w| *w == Word::Op(Op::Change));
    let ranking = ask.companies.is_empty()
        && question.has(|w| matches!(w, Word::Op(Op::Top | Op::Rank | Op::Bottom)));
    if change || ranking {
        return full_years(state, ask, question, vocab, change, emit).await;
    }
    // A quarter, a half or the full year of one year: that period only.
    let years = question.years();
    let part = question.all(|w| match w {
        understand::Word::Quarter(q) => Some(("Q", *q)),
        understand::Word::Half(h) => Some(("H", *h)),
        understand::Word::FullYear => Some(("FY", 1)),
        _ => None,
    });
    let period = match (part.as_slice(), years.as_slice()) {
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
    };
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
        period_type: ask.period_kind.map(|k| match k {
            "Q" => "quarter".to_string(),
            "H" => "half".to_string(),
            _ => "year".to_string(),
        }),
        plot_type: None,
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(&state.tool_context(), &q).await? else {
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

pub(super) fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        fmt_thousands(v, 0)
    } else {
        format!("{v}")
    }
}

/// Full-year figures: the change of a company's metric between two years (absolute and %), or
/// the companies ranked by a metric in one year (the last year asked, else the latest).
async fn full_years(
    state: &AppState,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    change: bool,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let (from, to) = match (change, ask.years) {
        (true, Some((Some(a), Some(b)))) if a < b => (Some(a), Some(b)),
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
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(&state.tool_context(), &q).await? else {
        say(
            emit,
            "The manufacturer data has no full-year figures for these filters.\n\n",
        );
        return Ok(false);
    };
    let fig = |r: &crate::store::datasets::FinRow| format!("{} {}", fmt_value(r.value), r.unit);
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
            let mut line = format!(
                "- **{c}** — {} from {} ({}) to {} ({})",
                r0.metric,
                fig(r0),
                r0.period,
                fig(r1),
                r1.period
            );
            if r0.unit == r1.unit && r0.value != 0.0 {
                line.push_str(&format!(
                    ": {:+.1} {} ({:+.1}%)",
                    r1.value - r0.value,
                    r0.unit,
                    (r1.value / r0.value - 1.0) * 100.0
                ));
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
        let mut rows: Vec<&crate::store::datasets::FinRow> = res
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

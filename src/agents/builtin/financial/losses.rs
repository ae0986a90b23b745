//! A loss as a condition on a manufacturer's periods ("with a net loss", "lost money"): the
//! periods in which net income was negative.

use super::*;

/// "with a net loss", "posted a loss", "loss-making": a loss as a condition on the periods, not
/// the metric asked.
pub(super) fn loss_condition(q: &understand::Question) -> bool {
    q.spans.iter().enumerate().any(|(i, s)| {
        // ("Add up FY2024 net income ... is the industry in the red overall?": with a sum, the
        // sum says it.)
        let said = s.text == "loss making"
            || (words::LOSS_PHRASES.contains(&s.text.as_str())
                && !q.has(|w| *w == understand::Word::Op(understand::Op::Sum)));
        said || (matches!(
            s.text.as_str(),
            "loss" | "losses" | "net loss" | "net losses"
        ) && q.spans[..i]
            .iter()
            .rev()
            .map(|s| s.text.as_str())
            .find(|t| !matches!(*t, "a" | "an" | "net" | "its" | "their"))
            .is_some_and(|t| {
                matches!(
                    t,
                    "with"
                        | "post"
                        | "posted"
                        | "make"
                        | "made"
                        | "report"
                        | "reported"
                        | "have"
                        | "had"
                        | "record"
                        | "recorded"
                        | "book"
                        | "booked"
                )
            }))
    })
}

/// The periods of each company in which the metric (net income) was negative: all of them, or
/// the first or last when the question asks ("first quarter of 2024 with a net loss").
pub(super) async fn loss_periods(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let said = |w: &str| {
        question
            .spans
            .iter()
            .any(|s| s.text.split(' ').any(|t| t == w))
    };
    let kind = if said("quarter") || said("quarters") {
        Some("quarter")
    } else if said("half") || said("halves") {
        Some("half")
    } else if ask.period_kind.is_none() && (said("overall") || said("whole") || said("entire")) {
        // "Did SunForge make a loss in 2024 overall?": the full year.
        Some("year")
    } else {
        ask.period_kind.map(period_type)
    };
    let (start, end) = ask.years.unwrap_or((None, None));
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: start,
        end_year: end,
        period_type: kind.map(str::to_string),
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        say(
            emit,
            "The manufacturer data has no figures for these filters.\n\n",
        );
        return Ok(false);
    };
    if res.rows.iter().any(|r| r.unit == "%") {
        return Err(ToolError::Arguments(
            "a loss is a negative income, not a percentage: ask for net income".into(),
        ));
    }
    let (first, last) = (
        said("first") || said("earliest"),
        said("last") || said("latest"),
    );
    let mut text = String::new();
    let mut companies: Vec<&str> = res.rows.iter().map(|r| r.company.as_str()).collect();
    companies.dedup();
    for company in companies {
        let mut rows: Vec<&FinRow> = res.rows.iter().filter(|r| r.company == company).collect();
        rows.sort_by_key(|r| r.period_start);
        let span = match (rows.first(), rows.last()) {
            (Some(a), Some(b)) if a.period != b.period => format!("{} to {}", a.period, b.period),
            (Some(a), _) => a.period.clone(),
            _ => continue,
        };
        let losses: Vec<&&FinRow> = rows.iter().filter(|r| r.value < 0.0).collect();
        let picked: Vec<&&FinRow> = match (first, last) {
            (true, false) => losses.first().copied().into_iter().collect(),
            (false, true) => losses.last().copied().into_iter().collect(),
            _ => losses.clone(),
        };
        if picked.is_empty() {
            text.push_str(&format!(
                "- **{company}**: no loss in {span} ({} periods).\n",
                rows.len()
            ));
            continue;
        }
        let which = match (first, last) {
            (true, false) => "first period with a loss",
            (false, true) => "last period with a loss",
            _ => "periods with a loss",
        };
        let list: Vec<String> = picked
            .iter()
            .map(|r| format!("{} **{} {}**", r.period, fmt_value(r.value), r.unit))
            .collect();
        text.push_str(&format!(
            "- **{company}** — {which} ({}, {span}): {}.\n",
            rows[0].metric,
            list.join(", ")
        ));
    }
    if text.is_empty() {
        say(
            emit,
            "The manufacturer data has no figures for these filters.\n\n",
        );
        return Ok(false);
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    Ok(true)
}

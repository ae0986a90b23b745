//! A manufacturer's figure added up over the quarters (or halves, or years) of a period: all of
//! a year's, or the ones the question names.

use super::*;

/// One company's figures of a flow added up over the periods asked ("the four quarters of
/// 2024"), by the tool's sum; a margin or a capacity does not add up and is declined.
pub(super) async fn sum_over_periods(
    tools: &ToolContext<'_>,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    use crate::tools::analytic::Operation;
    let years = question.years();
    let (Some(from), Some(to)) = (years.iter().min(), years.iter().max()) else {
        return Err(ToolError::Arguments(
            "a sum over periods needs the year, e.g. the four quarters of 2024".into(),
        ));
    };
    // "Q1 and Q2 2024 combined", "the first half of 2024": only those quarters are added up.
    let Some(mut chosen) = chosen_quarters(question) else {
        return Err(ToolError::Arguments(
            "name the quarters to add up with \"and\" (Q1 and Q3 2024) or a range with \"to\" (Q1 to Q3 2024)".into(),
        ));
    };
    chosen.sort_unstable();
    chosen.dedup();
    let some_quarters = !chosen.is_empty() && chosen.len() < 4;
    let kind = match ask.period_kind {
        _ if some_quarters => "quarter",
        Some("H") => "half",
        Some("FY") => "year",
        _ => "quarter",
    };
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: Some(*from),
        end_year: Some(*to),
        period_type: Some(kind.into()),
        operation: Some(Operation::Sum),
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        return Ok(false);
    };
    let c = match financials::computed(&res) {
        Some(Ok(c)) => c,
        Some(Err(why)) => return Err(ToolError::Arguments(why.0)),
        None => return Ok(false),
    };
    let Some(sum) = c.all("sum").next() else {
        return Ok(false);
    };
    let kept: Vec<&FinRow> = res
        .rows
        .iter()
        .filter(|r| !some_quarters || chosen.iter().any(|n| r.period.ends_with(&format!("-Q{n}"))))
        .collect();
    if some_quarters && kept.len() != chosen.len() * (to - from + 1) as usize {
        // (A quarter asked for is missing: no sum of the others.)
        return Ok(false);
    }
    let total = if some_quarters {
        kept.iter().map(|r| r.value).sum::<f64>()
    } else {
        sum.value
    };
    let span = if some_quarters {
        format!(
            "{}–{}",
            kept.first().map_or("", |r| r.period.as_str()),
            kept.last().map_or("", |r| r.period.as_str())
        )
    } else {
        sum.period.clone()
    };
    let rows: Vec<Vec<String>> = kept
        .iter()
        .map(|r| {
            vec![
                r.period.clone(),
                format!("{} {}", fmt_value(r.value), r.unit),
            ]
        })
        .collect();
    say(
        emit,
        &format!(
            "**{}** — {} added up over {} {kind}s ({}): **{} {}**.\n\n{}{}",
            sum.series,
            res.rows[0].metric,
            kept.len(),
            span,
            fmt_value(total),
            sum.unit,
            table(&["Period", &res.rows[0].metric], &rows),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// The quarters a question names: "Q1 and Q3" (with "and" or "plus") those two, "Q1 to Q3"
/// or "Q1-Q4" the range, a half its two quarters. None when two quarters stand side by side
/// with nothing between them that says which ("Q1, Q3" and "Q1-Q3" read alike).
fn chosen_quarters(question: &understand::Question) -> Option<Vec<u32>> {
    use understand::Word;
    let mut out = Vec::new();
    let mut last: Option<(usize, u32)> = None;
    for (i, s) in question.spans.iter().enumerate() {
        if s.read_past {
            continue;
        }
        for w in &s.meanings {
            match w {
                Word::Half(h) => out.extend([2 * h - 1, 2 * h]),
                Word::Quarter(q) => {
                    if let Some((j, p)) = last {
                        let between = &question.spans[j + 1..i];
                        let listed = between
                            .iter()
                            .any(|b| matches!(b.text.as_str(), "and" | "plus" | "&"));
                        let range = between.iter().any(|b| b.has(|w| *w == Word::Until));
                        if range || (!listed && *q == p + 1) {
                            out.extend(p + 1..*q);
                        } else if !listed && between.is_empty() && *q > p + 1 {
                            return None;
                        }
                    }
                    out.push(*q);
                    last = Some((i, *q));
                }
                _ => {}
            }
        }
    }
    Some(out)
}

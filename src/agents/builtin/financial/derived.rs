//! A metric the data does not hold but computes from two it does: the net margin, net income
//! as a percentage of revenue, of each company in the one period asked.

use super::*;
use crate::tools::analytic::{self, Operation};

/// The name the answer gives the derived metric.
pub(super) const NET_MARGIN: &str = "Net margin";

/// "net margin" read as the derived metric (by [`super::in_financial_terms`]).
pub(super) fn asks_net_margin(ask: &Ask) -> bool {
    ask.metrics.iter().any(|m| m == NET_MARGIN)
}

/// Net income over revenue, in %, per company, in the period asked (a quarter, a half or a full
/// year, else the latest full year both are reported for).
pub(super) async fn net_margin(
    tools: &ToolContext<'_>,
    ask: &Ask,
    period: Option<(&str, Option<chrono::NaiveDate>)>,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let known = |m: &str| vocab.financials.metrics.resolve(m).is_some();
    if !(known("Net income") && known("Revenue")) {
        return Err(ToolError::Arguments(
            "a net margin is computed from net income and revenue, and the loaded data does not hold both".into(),
        ));
    }
    let (start, end) = ask.years.unwrap_or((None, None));
    let kind = period.map(|(k, _)| k).unwrap_or("FY");
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: vec!["Net income".into(), "Revenue".into()],
        start_year: start,
        end_year: end,
        period_type: Some(period_type(kind).to_string()),
        ..FinArgs::default()
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(tools, &q).await? else {
        return Ok(false);
    };
    let at = match period {
        Some((_, Some(start))) => Some(start),
        _ => res.rows.iter().map(|r| r.period_start).max(),
    };
    let mut rows = Vec::new();
    let mut companies: Vec<&str> = res.rows.iter().map(|r| r.company.as_str()).collect();
    companies.dedup();
    for company in companies {
        let find = |metric: &str| {
            res.rows
                .iter()
                .find(|r| r.company == company && r.metric == metric && Some(r.period_start) == at)
        };
        let (Some(ni), Some(rev)) = (find("Net income"), find("Revenue")) else {
            continue;
        };
        if ni.unit != rev.unit || rev.value <= 0.0 {
            continue;
        }
        // Net income against revenue: the tools' comparison gives the ratio.
        let point = |r: &FinRow| {
            analytic::Series::new(
                r.metric.clone(),
                vec![analytic::Point {
                    period: r.period.clone(),
                    t: 0.0,
                    value: r.value,
                    label: String::new(),
                }],
            )
        };
        let c = analytic::compute::<Financials>(
            Operation::Compare,
            &[point(ni), point(rev)],
            &ni.unit,
            &analytic::Ask::default(),
        )
        .map_err(|why| ToolError::Arguments(why.0))?;
        let Some(ratio) = c.get("Net income", "ratio") else {
            continue;
        };
        rows.push(vec![
            company.to_string(),
            ni.period.clone(),
            format!("{} {}", fmt_value(ni.value), ni.unit),
            format!("{} {}", fmt_value(rev.value), rev.unit),
            format!("{:.2}%", ratio.value * 100.0),
        ]);
    }
    if rows.is_empty() {
        return Err(ToolError::NoData(
            "the manufacturer data has no net income and revenue for the same company and period asked".into(),
        ));
    }
    let lead = if let [r] = rows.as_slice() {
        format!(
            "**{}** — net margin in {}: **{}** (net income {} over revenue {}).\n\n",
            r[0], r[1], r[4], r[2], r[3]
        )
    } else {
        String::new()
    };
    say(
        emit,
        &format!(
            "{lead}Net margin is net income as a percentage of revenue, computed from the two reported figures:\n\n{}{}",
            table(
                &["Company", "Period", "Net income", "Revenue", "Net margin"],
                &rows
            ),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

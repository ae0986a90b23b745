//! The market tool's charts: the plot type an ask calls for, the series, stacks and the sentence that describes them.

use super::*;

/// Which chart a request gets (streaming.md §10.4).
pub fn plot_type(args: &MarketArgs, r: &Resolved) -> Result<&'static str, ToolError> {
    match args.plot_type.as_deref() {
        Some("line") => Ok("line"),
        Some("bar") => Ok("bar"),
        Some("stacked_bar") | Some("stacked") => Ok("stacked_bar"),
        Some(other) => Err(ToolError::Arguments(format!(
            "unknown plot_type {other:?} (line, bar or stacked_bar)"
        ))),
        None if r.group_by == Some("connection") || r.connections.len() > 1 => Ok("stacked_bar"),
        None if r.min_year.is_some() && r.min_year == r.max_year => Ok("bar"),
        None if r.group_by == Some("territory") => Ok("bar"),
        None => Ok("line"),
    }
}

pub(super) fn measure(kind: MarketKind) -> &'static str {
    if kind == MarketKind::Cumulative {
        "Cumulative Installed Capacity"
    } else {
        "Annual Installed Capacity"
    }
}

pub(super) fn year_span(rows: &[&MarketRow]) -> String {
    let lo = rows.iter().map(|r| r.year).min().unwrap_or(0);
    let hi = rows.iter().map(|r| r.year).max().unwrap_or(0);
    if lo == hi {
        format!("{lo}")
    } else {
        format!("{lo}-{hi}")
    }
}

/// The plot for a result. `None` when nothing is left to draw; an error when it is too large.
pub fn chart(
    res: &MarketResult,
    args: &MarketArgs,
    plot_type: &'static str,
) -> Result<Option<Value>, ToolError> {
    let r = &res.resolved;
    let mut notes = res.notes.clone();
    if res.source.is_sample {
        notes.push("Synthetic sample data, not real figures.".into());
    }
    let mut rows: Vec<&MarketRow> = res.rows.iter().collect();
    // Leading years where every value is zero are trimmed.
    let first_nonzero = rows
        .iter()
        .filter(|x| x.capacity_mw != 0.0)
        .map(|x| x.year)
        .min();
    let Some(first_nonzero) = first_nonzero else {
        return Ok(None);
    };
    rows.retain(|x| x.year >= first_nonzero);
    let territory_label = if r.territories.is_empty() {
        "All territories".to_string()
    } else {
        r.territories.join(", ")
    };
    let filters = json!({
        "Scenario": if r.scenarios.len() == 1 { json!(r.scenarios[0]) } else { Value::Null },
        "Type": r.kind,
        "Connection": if r.connections.len() == 1 { json!(r.connections[0]) } else { Value::Null },
        "Territory": if r.territories.len() == 1 { json!(r.territories[0]) } else { Value::Null },
    });
    let base = |plot_type: &'static str,
                title: String,
                x: &str,
                notes: Vec<String>,
                description: Option<String>| PlotSpec {
        plot_type,
        title,
        description,
        x_axis_label: x.to_string(),
        y_axis_label: format!("{} (MW)", measure(r.kind)),
        unit: "MW".into(),
        source: res.source.name.clone(),
        tool: CHART,
        arguments: serde_json::to_value(args).unwrap_or(Value::Null),
        filters_applied: Some(filters.clone()),
        notes,
    };
    match plot_type {
        "stacked_bar" => {
            // One territory's split by connection, per year.
            let Some(first) = rows.first() else {
                return Ok(None);
            };
            let territory = first.territory.clone();
            if r.territories.len() > 1 {
                notes.push(format!(
                    "Only {territory} is shown: a stacked chart shows one territory."
                ));
            }
            rows.retain(|x| x.territory == territory && x.connection != Connection::Total);
            let mut years: Vec<i32> = rows
                .iter()
                .map(|x| x.year)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if years.len() > 15 {
                years = years[years.len() - 10..].to_vec();
                notes.push("The last 10 years are shown.".into());
            }
            let mut data = Vec::new();
            for y in &years {
                let parts: Vec<&&MarketRow> = rows.iter().filter(|x| x.year == *y).collect();
                let total: f64 = parts.iter().map(|x| x.capacity_mw).sum();
                for stack in Connection::SEGMENTS {
                    let Some(p) = parts.iter().find(|x| x.connection == stack) else {
                        continue;
                    };
                    let share = if total > 0.0 {
                        p.capacity_mw / total
                    } else {
                        0.0
                    };
                    data.push(json!({
                        "category": y.to_string(), "stack": stack, "value": charts::round(p.capacity_mw, 3),
                        "share": charts::round(share, 4), "is_small": share < 0.05,
                        "show_segment_labels": share >= 0.05, "formatted_value": charts::format_mw(p.capacity_mw),
                    }));
                }
            }
            let stacks: Vec<Value> = Connection::SEGMENTS
                .iter()
                .filter(|s| rows.iter().any(|x| x.connection == **s))
                .map(|s| json!({"name": s, "color": charts::stack_color(s.as_str())}))
                .collect();
            let shown: Vec<&MarketRow> = rows
                .iter()
                .filter(|x| years.contains(&x.year))
                .copied()
                .collect();
            let title = format!(
                "{} by Connection - {territory} ({})",
                measure(r.kind),
                year_span(&shown)
            );
            let description = describe_split(&shown);
            let names: Vec<String> = stacks
                .iter()
                .filter_map(|s| s["name"].as_str().map(String::from))
                .collect();
            charts::build(
                base("stacked_bar", title, "Year", notes, description),
                data,
                charts::series_info(&names, |_| Default::default()),
                Some(("Connection", stacks)),
            )
        }
        "bar" => {
            let years: BTreeSet<i32> = rows.iter().map(|x| x.year).collect();
            let series_of = series_key(r);
            let (data, title, x) = if years.len() == 1 {
                let Some(&y) = years.iter().next() else {
                    return Ok(None);
                };
                let mut pts: Vec<(String, f64)> = Vec::new();
                for row in &rows {
                    let k = series_of(row);
                    match pts.iter_mut().find(|(n, _)| *n == k) {
                        Some(p) => p.1 += row.capacity_mw,
                        None => pts.push((k, row.capacity_mw)),
                    }
                }
                pts.sort_by(|a, b| b.1.total_cmp(&a.1));
                pts.truncate(15);
                let data = pts
                    .iter()
                    .map(|(k, v)| {
                        json!({"category": k, "series": k, "value": charts::round(*v, 3),
                                          "formatted_value": charts::format_mw(*v)})
                    })
                    .collect::<Vec<_>>();
                (data, format!("{} in {y}", measure(r.kind)), "")
            } else {
                let mut ys: Vec<i32> = years.into_iter().collect();
                if ys.len() > 15 {
                    ys = ys[ys.len() - 10..].to_vec();
                    notes.push("The last 10 years are shown.".into());
                }
                let data = rows
                    .iter()
                    .filter(|x| ys.contains(&x.year))
                    .map(|x| json!({"category": x.year.to_string(), "series": series_of(x),
                                    "value": charts::round(x.capacity_mw, 3), "formatted_value": charts::format_mw(x.capacity_mw)}))
                    .collect::<Vec<_>>();
                (
                    data,
                    format!(
                        "{} - {territory_label} ({}-{})",
                        measure(r.kind),
                        ys[0],
                        ys[ys.len() - 1]
                    ),
                    "Year",
                )
            };
            let names: Vec<String> = unique(
                data.iter()
                    .filter_map(|p| p["series"].as_str().map(String::from)),
            );
            let description = describe_rows(&rows, r.kind);
            charts::build(
                base("bar", title, x, notes, description),
                data,
                charts::series_info(&names, |_| Default::default()),
                None,
            )
        }
        _ => {
            let series_of = series_key(r);
            let mut by_series: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
            for row in &rows {
                *by_series
                    .entry(series_of(row))
                    .or_default()
                    .entry(row.year)
                    .or_default() += row.capacity_mw;
            }
            let mut names: Vec<String> = unique(rows.iter().map(|x| series_of(x)));
            if names.len() > 10 {
                names.truncate(10);
                notes.push("The first 10 series are shown.".into());
            }
            let mut data = Vec::new();
            for n in &names {
                for (y, v) in &by_series[n] {
                    data.push(json!({"date": format!("{y}-01-01"), "series": n, "value": charts::round(*v, 3),
                                     "formatted_value": charts::format_mw(*v)}));
                }
            }
            let title = format!(
                "{} - {territory_label} ({})",
                measure(r.kind),
                year_span(&rows)
            );
            let description = describe_rows(&rows, r.kind);
            charts::build(
                base("line", title, "Year", notes, description),
                data,
                charts::series_info(&names, |_| Default::default()),
                None,
            )
        }
    }
}

/// What names a series: the dimension that varies among the filters.
pub(super) fn series_key(r: &Resolved) -> impl Fn(&MarketRow) -> String + '_ {
    move |x: &MarketRow| {
        if r.territories.len() != 1 {
            x.territory.clone()
        } else if r.scenarios.len() > 1 {
            x.scenario.to_string()
        } else if r.connections.len() > 1 {
            x.connection.to_string()
        } else {
            x.territory.clone()
        }
    }
}

pub(super) fn unique(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in it {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

pub(super) fn mw(v: f64) -> String {
    super::super::fmt_thousands(v, 0) + " MW"
}

/// A short narrative: the first series from its first to its last year, and its peak.
pub(super) fn describe_rows(rows: &[&MarketRow], kind: MarketKind) -> Option<String> {
    let t = &rows.first()?.territory;
    let mut series: Vec<&&MarketRow> = rows.iter().filter(|x| &x.territory == t).collect();
    series.sort_by_key(|x| x.year);
    let (first, last) = (series.first()?, series.last()?);
    let peak = series
        .iter()
        .max_by(|a, b| a.capacity_mw.total_cmp(&b.capacity_mw))?;
    let what = if kind == MarketKind::Cumulative {
        "cumulative capacity"
    } else {
        "annual installations"
    };
    if first.year == last.year {
        return Some(format!(
            "{t}: {what} of {} in {}.",
            mw(first.capacity_mw),
            first.year
        ));
    }
    let change = if first.capacity_mw > 0.0 {
        format!(
            " ({:+.0}%)",
            (last.capacity_mw / first.capacity_mw - 1.0) * 100.0
        )
    } else {
        String::new()
    };
    Some(format!(
        "{t}'s {what} went from {} in {} to {} in {}{change}. The highest value in the period is {} in {}.",
        mw(first.capacity_mw),
        first.year,
        mw(last.capacity_mw),
        last.year,
        mw(peak.capacity_mw),
        peak.year
    ))
}

pub(super) fn describe_split(rows: &[&MarketRow]) -> Option<String> {
    let last = rows.iter().map(|x| x.year).max()?;
    let parts: Vec<&&MarketRow> = rows.iter().filter(|x| x.year == last).collect();
    let total: f64 = parts.iter().map(|x| x.capacity_mw).sum();
    if total <= 0.0 {
        return None;
    }
    let text = parts
        .iter()
        .map(|p| format!("{} {:.0}%", p.connection, p.capacity_mw / total * 100.0))
        .collect::<Vec<_>>()
        .join(", ");
    Some(format!(
        "In {last}, {} of {} was {text}.",
        mw(total),
        rows.first()?.territory
    ))
}

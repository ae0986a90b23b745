//! `query_financials` and `chart_financials`: revenue, margins, shipments and capacity of PV
//! manufacturers by reporting period. One metric (one unit) per chart.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::analytic::{self, Ask, Computed, Operation, Refusal};
use super::charts::{self, PlotSpec};
use super::names::{Names, Vocab};
use super::{Arguments, DataTool, Mode, ToolContext, ToolError, lenient};
use crate::store::Db;
/// One row of manufacturer financials, as the tools return it.
pub use crate::store::datasets::FinRow;
use crate::store::datasets::{self as ds, FinFilter, Source};

pub const QUERY: &str = "query_financials";
pub const CHART: &str = "chart_financials";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct FinArgs {
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub company: Vec<String>,
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub metric: Vec<String>,
    #[serde(
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_year: Option<i32>,
    #[serde(
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_year: Option<i32>,
    /// `quarter`, `half` or `year`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot_type: Option<String>,
    /// What to compute over the figures ([`analytic`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    #[serde(
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    /// `value` (default), `change` or `change_pct`: what a ranking orders by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_by: Option<String>,
    /// A threshold's level, in the metric's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
}

impl Arguments for FinArgs {
    fn property(field: &str, mode: Mode) -> Option<Value> {
        Some(match field {
            "company" => json!({"type": "array", "items": {"type": "string"}}),
            "metric" => json!({"type": "array", "items": {"type": "string"},
                "description": "e.g. Revenue, Gross margin, Net income, Module shipments, Production capacity"}),
            "start_year" | "end_year" => json!({"type": "integer"}),
            "period_type" => json!({"type": "string", "enum": ["quarter", "half", "year"]}),
            f @ ("operation" | "count" | "order" | "rank_by" | "level") => {
                return analytic::property(
                    f,
                    "one metric per call. lookup (default) / latest: each company's figure of the last period asked; first; series: every period; rank: companies by their last figure (flows such as revenue added up over the periods asked); share: each company's share of the companies' total (flows only); compare: the first company against the others; change: first to last period, %, CAGR; max / min: the extreme and its period; average; sum (flows only: revenue, net income, shipments); threshold: the first period a figure reached level.",
                    "level",
                    "threshold: the level, in the metric's unit",
                );
            }
            "plot_type" if mode == Mode::Chart => {
                json!({"type": "string", "enum": ["line", "bar"]})
            }
            _ => return None,
        })
    }
}

/// The manufacturer-financials dataset's tools.
pub struct Financials;

impl DataTool for Financials {
    type Args = FinArgs;
    type Resolved = FinQuery;
    type Result = FinResult;

    const QUERY: (&'static str, &'static str) = (
        QUERY,
        "Financial and operating figures of PV manufacturers by company, metric and reporting period.",
    );
    const CHART: (&'static str, &'static str) = (
        CHART,
        "Draw a chart of one manufacturer metric for the user (one metric per chart).",
    );

    fn resolve(
        args: &FinArgs,
        vocab: &super::vocab::Vocabulary,
        _: Mode,
    ) -> Result<FinQuery, ToolError> {
        resolve(args, &vocab.financials)
    }

    async fn query(ctx: &ToolContext<'_>, q: &FinQuery) -> Result<Option<FinResult>, ToolError> {
        query(ctx.db, q).await
    }

    async fn no_rows(ctx: &ToolContext<'_>, q: &FinQuery) -> ToolError {
        no_rows(ctx.db, q).await
    }

    fn for_model(res: &FinResult) -> String {
        for_model(res)
    }

    fn chart(res: &FinResult, args: &FinArgs) -> Result<Option<Value>, ToolError> {
        chart(res, args)
    }
}

pub struct Vocabulary {
    pub companies: Names,
    pub metrics: Names,
}

pub async fn vocabulary(db: &Db) -> Result<Vocabulary, ToolError> {
    let get = |c| ds::distinct(db, ds::Table::Financials, c);
    Ok(Vocabulary {
        companies: Names::new(
            Vocab::Plain,
            get(ds::Column::Company).await.map_err(ToolError::db)?,
        ),
        metrics: Names::new(
            Vocab::Plain,
            get(ds::Column::Metric).await.map_err(ToolError::db)?,
        ),
    })
}

#[derive(Clone, Debug)]
pub struct FinQuery {
    pub filter: FinFilter,
    pub period_kind: Option<&'static str>,
    pub operation: Option<(Operation, Ask)>,
}

impl analytic::Dataset for Financials {
    fn allows(op: Operation) -> Result<(), &'static str> {
        match op {
            Operation::Lookup
            | Operation::Series
            | Operation::Rank
            | Operation::Share
            | Operation::Change
            | Operation::Compare
            | Operation::Max
            | Operation::Min
            | Operation::Average
            | Operation::Sum
            | Operation::First
            | Operation::Latest
            | Operation::Threshold => Ok(()),
        }
    }

    /// Companies' figures of one metric add up when the metric is a flow (checked by the caller,
    /// which builds the companies' total for a share); a lookup lists them without a total.
    fn series_add_up(_: &[&str]) -> bool {
        false
    }
}

/// Whether a metric's figures add up over periods and across companies: flows (revenue, net
/// income, shipments) do; a margin, a ratio or a production capacity does not.
pub fn is_flow(metric: &str, unit: &str) -> bool {
    let m = metric.to_ascii_lowercase();
    unit != "%"
        && ![
            "capacity",
            "margin",
            "ratio",
            "per watt",
            "per w",
            "price",
            "asp",
            "utilisation",
            "utilization",
        ]
        .iter()
        .any(|w| m.contains(w))
}

/// The name of the companies' total in a share.
pub const ALL_COMPANIES: &str = "all companies";

/// The result's series for [`analytic::compute`]: one per company and metric, in its unit.
/// Several metrics or units are computed apart (one unit per computation).
pub fn analytic_series(res: &FinResult) -> Vec<(String, String, Vec<analytic::Series>)> {
    let mut out: Vec<(String, String, Vec<analytic::Series>)> = Vec::new();
    for r in &res.rows {
        let group = match out
            .iter_mut()
            .position(|(m, u, _)| *m == r.metric && *u == r.unit)
        {
            Some(i) => i,
            None => {
                out.push((r.metric.clone(), r.unit.clone(), Vec::new()));
                out.len() - 1
            }
        };
        let series = &mut out[group].2;
        let point = analytic::Point {
            period: r.period.clone(),
            t: analytic::years(r.period_start),
            value: r.value,
            label: String::new(),
        };
        match series.iter_mut().find(|s| s.name == r.company) {
            Some(s) => s.points.push(point),
            None => series.push(analytic::Series::new(r.company.clone(), vec![point])),
        }
    }
    for (_, _, series) in &mut out {
        for s in series.iter_mut() {
            s.points.sort_by(|a, b| a.t.total_cmp(&b.t));
        }
    }
    out
}

/// The operation asked of a result, computed per metric: `None` when none was asked.
pub fn computed(res: &FinResult) -> Option<Result<Computed, Refusal>> {
    let (op, ask) = res.query.operation.as_ref()?;
    let groups = analytic_series(res);
    if groups.len() > 1
        && matches!(
            op,
            Operation::Rank | Operation::Compare | Operation::Share | Operation::Threshold
        )
    {
        return Some(Err(Refusal(format!(
            "rank, compare, share or test a level on one metric at a time (the figures hold {})",
            groups
                .iter()
                .map(|g| format!("{} in {}", g.0, g.1))
                .collect::<Vec<_>>()
                .join(", ")
        ))));
    }
    let mut all: Option<Computed> = None;
    for (metric, unit, mut series) in groups {
        let mut ask = ask.clone();
        ask.additive = is_flow(&metric, &unit);
        if *op == Operation::Share {
            if !ask.additive {
                return Some(Err(Refusal(format!(
                    "{metric} does not add up across companies, so it has no share of a total"
                ))));
            }
            // The companies' total of each period all of them report.
            let mut total: std::collections::BTreeMap<String, (f64, f64, usize)> =
                Default::default();
            for s in &series {
                for p in &s.points {
                    let e = total.entry(p.period.clone()).or_insert((p.t, 0.0, 0));
                    e.1 += p.value;
                    e.2 += 1;
                }
            }
            let points = total
                .into_iter()
                .filter(|(_, (_, _, n))| *n == series.len())
                .map(|(period, (t, v, _))| analytic::Point {
                    period,
                    t,
                    value: v,
                    label: String::new(),
                })
                .collect();
            series.push(analytic::Series::new(ALL_COMPANIES, points));
            ask.whole = Some(ALL_COMPANIES.into());
        }
        let c = match analytic::compute::<Financials>(*op, &series, &unit, &ask) {
            Ok(c) => c,
            Err(e) => return Some(Err(e)),
        };
        Computed::merge(&mut all, c);
    }
    all.map(Ok)
}

pub fn resolve(args: &FinArgs, v: &Vocabulary) -> Result<FinQuery, ToolError> {
    let f = FinFilter {
        companies: v
            .companies
            .resolve_all(&args.company, "company")
            .map_err(ToolError::Arguments)?,
        metrics: v
            .metrics
            .resolve_all(&args.metric, "metric")
            .map_err(ToolError::Arguments)?,
        from: args
            .start_year
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        to: args
            .end_year
            .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
    };
    let period_kind = match args.period_type.as_deref() {
        None | Some("") => None,
        Some("quarter") | Some("quarterly") | Some("Q") => Some("Q"),
        Some("half") | Some("half-year") | Some("H") => Some("H"),
        Some("year") | Some("annual") | Some("FY") => Some("FY"),
        Some(o) => {
            return Err(ToolError::Arguments(format!(
                "unknown period_type {o:?} (quarter, half or year)"
            )));
        }
    };
    let operation = analytic::from_args(
        args.operation,
        args.count,
        args.order.as_deref(),
        args.rank_by.as_deref(),
        args.level,
        true,
        "level",
    )
    .map_err(ToolError::Arguments)?;
    Ok(FinQuery {
        filter: f,
        period_kind,
        operation,
    })
}

#[derive(Clone, Debug)]
pub struct FinResult {
    pub source: Source,
    pub rows: Vec<FinRow>,
    /// The query that found the rows, with its period kind once defaulted.
    pub query: FinQuery,
}

async fn query(db: &Db, q: &FinQuery) -> Result<Option<FinResult>, ToolError> {
    for source in ds::sources(db, "financials").await.map_err(ToolError::db)? {
        let mut rows = ds::financial_rows(db, source.id, &q.filter)
            .await
            .map_err(ToolError::db)?;
        match q.period_kind {
            Some(k) => rows.retain(|r| r.period_kind == k),
            // Without a period type, quarters when there are any (they are the finest).
            None if rows.iter().any(|r| r.period_kind == "Q") => {
                rows.retain(|r| r.period_kind == "Q")
            }
            None => {}
        }
        if rows.is_empty() {
            continue;
        }
        let mut query = q.clone();
        if query.period_kind.is_none() && rows.iter().all(|r| r.period_kind == "Q") {
            query.period_kind = Some("Q");
        }
        return Ok(Some(FinResult {
            source,
            rows,
            query,
        }));
    }
    Ok(None)
}

fn kind_name(k: &str) -> &'static str {
    match k {
        "Q" => "quarter",
        "H" => "half",
        "FY" => "year",
        _ => "other",
    }
}

fn list_or_all(v: &[String]) -> Value {
    if v.is_empty() { json!("all") } else { json!(v) }
}

/// The filters a query actually ran with (after name matching and defaults).
pub fn filters(q: &FinQuery) -> Value {
    let year = |d: Option<chrono::NaiveDate>| d.map(|d| d.year());
    json!({
        "company": list_or_all(&q.filter.companies),
        "metric": list_or_all(&q.filter.metrics),
        "years": super::market::years_text(year(q.filter.from), year(q.filter.to)),
        "period_type": q.period_kind.map_or("any (quarters when there are any)", kind_name),
    })
}

/// The result for the model: each figure with its unit, the filters applied, the source file.
pub fn for_model(res: &FinResult) -> String {
    const MAX_ROWS: usize = 300;
    let rows: Vec<Value> = res
        .rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| json!([r.company, r.period, r.metric, r.value, r.unit]))
        .collect();
    let mut notes = vec![
        "Each figure has its own unit; never add or compare figures of different units."
            .to_string(),
    ];
    if res.rows.len() > MAX_ROWS {
        notes.push(format!(
            "Only the first {MAX_ROWS} of {} rows are listed: narrow the filters for the rest.",
            res.rows.len()
        ));
    }
    let mut v = json!({
        "source": res.source.name,
        "sample_data": res.source.is_sample,
        "filters": filters(&res.query),
        "columns": ["company", "period", "metric", "value", "unit"],
        "rows": rows,
        "row_count": res.rows.len(),
        "notes": notes,
    });
    if let Some(c) = analytic::result_for_model(computed(res)) {
        v["computed"] = c;
    }
    if res.source.is_sample {
        v["sample_notice"] = json!(
            "These are synthetic sample figures of fictional companies: say so in the answer."
        );
    }
    v.to_string()
}

fn figures_text(rows: &[(String, String, String, NaiveDate, NaiveDate)]) -> String {
    let mut out = rows
        .iter()
        .take(20)
        .map(|(c, m, k, a, b)| {
            format!("{c} {m} by {} ({} to {})", kind_name(k), a.year(), b.year())
        })
        .collect::<Vec<_>>()
        .join("; ");
    if rows.len() > 20 {
        out.push_str("; and more");
    }
    out
}

/// Why a query found no figures: the company does not report the metric (what it reports is
/// named), or the period type or the years are not in the data (what is there is named).
async fn no_rows(db: &Db, q: &FinQuery) -> ToolError {
    let cover = match ds::financial_coverage(db, &q.filter, 41).await {
        Ok(c) => c,
        Err(e) => return ToolError::db(e),
    };
    if cover.is_empty() {
        let wider = FinFilter {
            companies: q.filter.companies.clone(),
            ..Default::default()
        };
        return match ds::financial_coverage(db, &wider, 41).await {
            Ok(c) if !c.is_empty() => ToolError::NoData(format!(
                "no figures match these filters {}; what exists: {}",
                filters(q),
                figures_text(&c)
            )),
            Ok(_) => ToolError::NoData("no manufacturer financial data is loaded".into()),
            Err(e) => ToolError::db(e),
        };
    }
    let of_kind: Vec<_> = cover
        .iter()
        .filter(|c| q.period_kind.is_none_or(|k| c.2 == k))
        .cloned()
        .collect();
    if of_kind.is_empty() {
        return ToolError::NoData(format!(
            "no figures by {} for these companies and metrics; what exists: {}",
            q.period_kind.map_or("period", kind_name),
            figures_text(&cover)
        ));
    }
    ToolError::NoData(format!(
        "no figures for years {}: the matching figures cover {}; state no figure for other years",
        filters(q)["years"].as_str().unwrap_or("asked for"),
        figures_text(&of_kind)
    ))
}

/// Line for quarters (plotted at each quarter's first day), bar with period labels otherwise.
pub fn chart(res: &FinResult, args: &FinArgs) -> Result<Option<Value>, ToolError> {
    let metrics: Vec<&String> = {
        let mut m: Vec<&String> = res.rows.iter().map(|r| &r.metric).collect();
        m.dedup();
        m.sort();
        m.dedup();
        m
    };
    if metrics.len() > 1 {
        return Err(ToolError::Arguments(format!(
            "one metric per chart, the selection has {}",
            metrics
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let metric = metrics.first().map(|m| m.to_string()).unwrap_or_default();
    let unit = res.rows.first().map(|r| r.unit.clone()).unwrap_or_default();
    let kinds: Vec<&str> = {
        let mut k: Vec<&str> = res.rows.iter().map(|r| r.period_kind.as_str()).collect();
        k.sort();
        k.dedup();
        k
    };
    let plot_type: &'static str = match args.plot_type.as_deref() {
        Some("bar") => "bar",
        Some("line") if kinds.len() == 1 => "line",
        Some("line") | None if kinds.len() > 1 => "bar",
        None | Some("line") => "line",
        Some(o) => {
            return Err(ToolError::Arguments(format!(
                "unknown plot_type {o:?} (line or bar)"
            )));
        }
    };
    let mut notes = Vec::new();
    if res.source.is_sample {
        notes.push("Synthetic sample data of fictional companies.".to_string());
    }
    let mut companies: Vec<String> = Vec::new();
    for r in &res.rows {
        if !companies.contains(&r.company) {
            companies.push(r.company.clone());
        }
    }
    let data: Vec<Value> = res
        .rows
        .iter()
        .map(|r| {
            if plot_type == "line" {
                json!({"date": r.period_start.to_string(), "series": r.company, "value": r.value,
                       "formatted_value": format!("{} {}", r.value, r.unit)})
            } else {
                json!({"category": r.period, "series": r.company, "value": r.value,
                       "formatted_value": format!("{} {}", r.value, r.unit)})
            }
        })
        .collect();
    let mut last: BTreeMap<&str, &FinRow> = BTreeMap::new();
    for r in &res.rows {
        last.insert(&r.company, r);
    }
    let description = Some(
        last.values()
            .map(|r| format!("{}: {} {} in {}.", r.company, r.value, r.unit, r.period))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let spec = PlotSpec {
        plot_type,
        title: format!("{metric} by Company"),
        description,
        x_axis_label: if plot_type == "line" {
            String::new()
        } else {
            "Period".into()
        },
        y_axis_label: format!("{metric} ({unit})"),
        unit,
        source: res.source.name.clone(),
        tool: CHART,
        arguments: serde_json::to_value(args).unwrap_or(Value::Null),
        filters_applied: Some(
            json!({"Metric": metric, "Company": if companies.len() == 1 { json!(companies[0]) } else { Value::Null }}),
        ),
        notes,
    };
    charts::build(
        spec,
        data,
        charts::series_info(&companies, |_| Map::new()),
        None,
    )
}

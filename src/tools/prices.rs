//! `query_prices` and `chart_prices`: component prices by item, technology (the description
//! column), region and date. A figure is always one series of one unit: prices of different
//! units are never combined.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::analytic::{self, Ask, Computed, Operation, Refusal};
use super::charts::{self, PlotSpec};
use super::names::{Names, Vocab, norm_joined};
use super::{Arguments, DataTool, Mode, ToolContext, ToolError, lenient};
use crate::store::Db;
use crate::store::datasets::{self as ds, PriceFilter, PriceRow, Source};

pub const QUERY: &str = "query_prices";
pub const CHART: &str = "chart_prices";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct PriceArgs {
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub item: Vec<String>,
    #[serde(
        alias = "description",
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub technology: Vec<String>,
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub region: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub axis: Option<String>,
    /// What to compute over the series ([`analytic`]).
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
    /// A threshold's price, in the series' unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
}

impl Arguments for PriceArgs {
    fn property(field: &str, mode: Mode) -> Option<Value> {
        Some(match field {
            "item" => json!({"type": "array", "items": {"type": "string"},
                "description": "Module, Cell, Wafer, Polysilicon, PV glass, Aluminium, Copper, Silver, EVA"}),
            "technology" => json!({"type": "array", "items": {"type": "string"},
                "description": "technology / description, e.g. \"n-type TOPCon\", \"PERC M10\" (partial names match)"}),
            "region" => json!({"type": "array", "items": {"type": "string"},
                "description": "China, Overseas, EU, US, India, Australia (Europe and USA are understood)"}),
            "start_date" | "end_date" => json!({"type": "string", "description": "YYYY-MM-DD"}),
            "start_year" | "end_year" => json!({"type": "integer"}),
            f @ ("operation" | "count" | "order" | "rank_by" | "level") => {
                return analytic::property(
                    f,
                    "lookup (default) / latest: the last price of each series in the dates asked; first; series: every observation; rank: series by their last price; compare: the first series against the others (difference, %, ratio: a premium); change: first to last price, %, CAGR; max / min: the extreme price and its date; average; threshold: the first date a price reached level (order lowest: fell to it). No share or sum: prices are not parts of a whole and do not add up over time. Series of different units are never ranked or compared.",
                    "level",
                    "threshold: the price level, in the series' unit",
                );
            }
            "plot_type" if mode == Mode::Chart => {
                json!({"type": "string", "enum": ["line", "bar", "box"],
                    "description": "line: monthly trend; bar: average per category; box: distribution per category"})
            }
            "axis" if mode == Mode::Chart => {
                json!({"type": "string", "enum": ["description", "region", "item"],
                    "description": "category axis of bar and box charts"})
            }
            _ => return None,
        })
    }
}

/// The component-prices dataset's tools.
pub struct Prices;

impl DataTool for Prices {
    type Args = PriceArgs;
    type Resolved = PriceQuery;
    type Result = PriceResult;

    const QUERY: (&'static str, &'static str) = (
        QUERY,
        "Component prices (latest, average, minimum, maximum, change over the period) per item, \
         technology and region; each series has one unit.",
    );
    const CHART: (&'static str, &'static str) = (
        CHART,
        "Draw a chart of component prices for the user (one unit per chart: chart one item at a time).",
    );

    fn resolve(
        args: &PriceArgs,
        vocab: &super::vocab::Vocabulary,
        _: Mode,
    ) -> Result<PriceQuery, ToolError> {
        resolve(args, &vocab.prices)
    }

    async fn query(
        ctx: &ToolContext<'_>,
        q: &PriceQuery,
    ) -> Result<Option<PriceResult>, ToolError> {
        query(ctx.db, q).await
    }

    async fn no_rows(ctx: &ToolContext<'_>, q: &PriceQuery) -> ToolError {
        no_rows(ctx.db, &q.filter).await
    }

    fn for_model(res: &PriceResult) -> String {
        for_model(res)
    }

    fn chart(res: &PriceResult, args: &PriceArgs) -> Result<Option<Value>, ToolError> {
        chart(res, args)
    }
}

/// Names in the price data.
pub struct Vocabulary {
    pub items: Names,
    pub regions: Names,
    pub descriptions: Vec<String>,
}

pub async fn vocabulary(db: &Db) -> Result<Vocabulary, ToolError> {
    let get = |c| ds::distinct(db, ds::Table::Prices, c);
    Ok(Vocabulary {
        items: Names::new(
            Vocab::Item,
            get(ds::Column::Item).await.map_err(ToolError::db)?,
        ),
        regions: Names::new(
            Vocab::Region,
            get(ds::Column::Region).await.map_err(ToolError::db)?,
        ),
        descriptions: get(ds::Column::Description).await.map_err(ToolError::db)?,
    })
}

impl Vocabulary {
    /// Descriptions for what a user calls a technology: the exact one, or every description
    /// containing all its words ("TOPCon" → every TOPCon description).
    pub fn technologies(&self, input: &str) -> Vec<String> {
        let n = norm_joined(input);
        if n.is_empty() {
            return vec![];
        }
        if let Some(d) = self.descriptions.iter().find(|d| norm_joined(d) == n) {
            return vec![d.clone()];
        }
        let words: Vec<&str> = n.split(' ').collect();
        self.descriptions
            .iter()
            .filter(|d| {
                let dn = format!(" {} ", norm_joined(d));
                words
                    .iter()
                    .all(|w| dn.contains(&format!(" {w} ")) || dn.contains(&format!(" {w}")))
            })
            .cloned()
            .collect()
    }
}

/// The filters of a price query and the operation asked.
#[derive(Clone, Debug)]
pub struct PriceQuery {
    pub filter: PriceFilter,
    pub operation: Option<(Operation, Ask)>,
}

impl analytic::Dataset for Prices {
    fn allows(op: Operation) -> Result<(), &'static str> {
        match op {
            Operation::Share => Err(
                "a share is not meaningful for prices: a price is not a part of a whole that adds up",
            ),
            Operation::Sum => Err("prices do not add up over time"),
            Operation::Lookup
            | Operation::Series
            | Operation::Rank
            | Operation::Change
            | Operation::Compare
            | Operation::Max
            | Operation::Min
            | Operation::Average
            | Operation::First
            | Operation::Latest
            | Operation::Threshold => Ok(()),
        }
    }

    /// Prices of different series never add up.
    fn series_add_up(_: &[&str]) -> bool {
        false
    }
}

/// The result's series for [`analytic::compute`], grouped by unit: one point per date (the mean
/// of that day's observations).
pub fn analytic_series(res: &PriceResult) -> Vec<(String, Vec<analytic::Series>)> {
    let mut out: Vec<(String, Vec<analytic::Series>)> = Vec::new();
    for s in &res.series {
        let mut days: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
        for (d, v) in &s.points {
            let e = days.entry(*d).or_default();
            e.0 += v;
            e.1 += 1;
        }
        let points = days
            .into_iter()
            .map(|(d, (sum, n))| analytic::Point {
                period: d.to_string(),
                t: analytic::years(d),
                value: sum / n as f64,
                label: String::new(),
            })
            .collect();
        let series = analytic::Series::new(s.name(), points);
        match out.iter_mut().find(|(u, _)| *u == s.unit) {
            Some((_, v)) => v.push(series),
            None => out.push((s.unit.clone(), vec![series])),
        }
    }
    out
}

/// The operation asked of a result, computed per unit: `None` when none was asked.
pub fn computed(res: &PriceResult) -> Option<Result<Computed, Refusal>> {
    let (op, ask) = res.operation.as_ref()?;
    let groups = analytic_series(res);
    if groups.len() > 1
        && matches!(
            op,
            Operation::Rank | Operation::Compare | Operation::Threshold
        )
    {
        return Some(Err(Refusal(format!(
            "the series are in different units ({}): rank, compare or test a level on series of one unit (one item) at a time",
            groups
                .iter()
                .map(|g| g.0.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))));
    }
    let mut all: Option<Computed> = None;
    for (unit, series) in &groups {
        let c = match analytic::compute::<Prices>(*op, series, unit, ask) {
            Ok(c) => c,
            Err(e) => return Some(Err(e)),
        };
        Computed::merge(&mut all, c);
    }
    all.map(Ok)
}

pub fn resolve(args: &PriceArgs, v: &Vocabulary) -> Result<PriceQuery, ToolError> {
    let operation = analytic::from_args(
        args.operation,
        args.count,
        args.order.as_deref(),
        args.rank_by.as_deref(),
        args.level,
        false,
        "level",
    )
    .map_err(ToolError::Arguments)?;
    Ok(PriceQuery {
        filter: resolve_filter(args, v)?,
        operation,
    })
}

fn resolve_filter(args: &PriceArgs, v: &Vocabulary) -> Result<PriceFilter, ToolError> {
    let mut f = PriceFilter {
        items: v
            .items
            .resolve_all(&args.item, "item")
            .map_err(ToolError::Arguments)?,
        regions: v
            .regions
            .resolve_all(&args.region, "region")
            .map_err(ToolError::Arguments)?,
        ..PriceFilter::default()
    };
    for t in &args.technology {
        let found = v.technologies(t);
        if found.is_empty() {
            return Err(ToolError::Arguments(format!(
                "unknown technology {t:?} ({})",
                super::names::known(&v.descriptions)
            )));
        }
        for d in found {
            if !f.descriptions.contains(&d) {
                f.descriptions.push(d);
            }
        }
    }
    let date = |s: &Option<String>, name: &str| -> Result<Option<NaiveDate>, ToolError> {
        match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => crate::data::read::parse_date(s)
                .or_else(|| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
                .map(Some)
                .ok_or_else(|| {
                    ToolError::Arguments(format!("{name}: expected YYYY-MM-DD, found {s:?}"))
                }),
        }
    };
    f.from = date(&args.start_date, "start_date")?.or(args
        .start_year
        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)));
    f.to = date(&args.end_date, "end_date")?.or(args
        .end_year
        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)));
    Ok(f)
}

/// One series: an item of one technology in one region, in one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub item: String,
    pub description: String,
    pub region: String,
    pub unit: String,
    pub points: Vec<(NaiveDate, f64)>,
}

impl Series {
    pub fn name(&self) -> String {
        format!("{} {} ({})", self.description, self.item, self.region)
    }
    pub fn latest(&self) -> (NaiveDate, f64) {
        // Several observations on the last day (different publishers): their mean.
        let (d, _) = *self.points.last().expect("a series has points");
        (
            d,
            mean(self.points.iter().filter(|p| p.0 == d).map(|p| p.1)),
        )
    }
    pub fn first(&self) -> (NaiveDate, f64) {
        let (d, _) = self.points[0];
        (
            d,
            mean(self.points.iter().filter(|p| p.0 == d).map(|p| p.1)),
        )
    }
    /// The observation nearest `date` (the mean of that day's observations), earlier on a tie.
    pub fn nearest(&self, date: NaiveDate) -> Option<(NaiveDate, f64)> {
        let d = self
            .points
            .iter()
            .map(|p| p.0)
            .min_by_key(|d| ((*d - date).num_days().abs(), *d))?;
        Some((
            d,
            mean(self.points.iter().filter(|p| p.0 == d).map(|p| p.1)),
        ))
    }
    pub fn average(&self) -> f64 {
        mean(self.points.iter().map(|p| p.1))
    }
    pub fn min(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min)
    }
    pub fn max(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.1)
            .fold(f64::NEG_INFINITY, f64::max)
    }
    /// Monthly means, by month start.
    pub fn monthly(&self) -> Vec<(NaiveDate, f64)> {
        let mut m: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
        for (d, v) in &self.points {
            let k = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("valid month");
            let e = m.entry(k).or_default();
            e.0 += v;
            e.1 += 1;
        }
        m.into_iter().map(|(k, (s, n))| (k, s / n as f64)).collect()
    }
}

pub fn mean(it: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = it.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { f64::NAN } else { s / n as f64 }
}

#[derive(Clone, Debug)]
pub struct PriceResult {
    pub source: Source,
    pub series: Vec<Series>,
    pub filter: PriceFilter,
    pub operation: Option<(Operation, Ask)>,
}

async fn query(db: &Db, q: &PriceQuery) -> Result<Option<PriceResult>, ToolError> {
    let f = &q.filter;
    for source in ds::sources(db, "prices").await.map_err(ToolError::db)? {
        let rows = ds::price_rows(db, source.id, f)
            .await
            .map_err(ToolError::db)?;
        if rows.is_empty() {
            continue;
        }
        return Ok(Some(PriceResult {
            source,
            series: to_series(rows),
            filter: f.clone(),
            operation: q.operation.clone(),
        }));
    }
    Ok(None)
}

fn to_series(rows: Vec<PriceRow>) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for r in rows {
        match out.last_mut() {
            Some(s)
                if s.item == r.item
                    && s.description == r.description
                    && s.region == r.region
                    && s.unit == r.unit =>
            {
                s.points.push((r.date, r.base_price))
            }
            _ => out.push(Series {
                item: r.item,
                description: r.description,
                region: r.region,
                unit: r.unit,
                points: vec![(r.date, r.base_price)],
            }),
        }
    }
    out
}

fn dates_text(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => "all".into(),
    }
}

fn list_or_all(v: &[String]) -> Value {
    if v.is_empty() { json!("all") } else { json!(v) }
}

/// The filters a query actually ran with (after name matching).
pub fn filters(f: &PriceFilter) -> Value {
    json!({
        "item": list_or_all(&f.items),
        "technology": list_or_all(&f.descriptions),
        "region": list_or_all(&f.regions),
        "dates": dates_text(f.from, f.to),
    })
}

/// The result for the model: per series its unit and figures, the filters applied, the source
/// file.
pub fn for_model(res: &PriceResult) -> String {
    const MAX_SERIES: usize = 60;
    let series: Vec<Value> = res
        .series
        .iter()
        .take(MAX_SERIES)
        .map(|s| {
            let (fd, fv) = s.first();
            let (ld, lv) = s.latest();
            json!({
                "item": s.item, "technology": s.description, "region": s.region, "unit": s.unit,
                "observations": s.points.len(),
                "first": {"date": fd.to_string(), "price": charts::round(fv, 3)},
                "latest": {"date": ld.to_string(), "price": charts::round(lv, 3)},
                "average": charts::round(s.average(), 3), "min": charts::round(s.min(), 3), "max": charts::round(s.max(), 3),
                "change_percent": if fv > 0.0 { json!(charts::round((lv / fv - 1.0) * 100.0, 1)) } else { Value::Null },
            })
        })
        .collect();
    let mut notes = vec![
        "Each series has its own unit; never add or average prices of different units.".to_string(),
    ];
    let first = res
        .series
        .iter()
        .filter_map(|s| s.points.first())
        .map(|p| p.0)
        .min();
    let last = res
        .series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| p.0)
        .max();
    if let (Some(want), Some(first)) = (res.filter.from, first)
        && want < first
    {
        notes.push(format!("No observations before {first} for these filters."));
    }
    if let (Some(want), Some(last)) = (res.filter.to, last)
        && want > last
    {
        notes.push(format!("No observations after {last} for these filters."));
    }
    if res.series.len() > MAX_SERIES {
        notes.push(format!(
            "Only the first {MAX_SERIES} of {} series are listed: narrow the filters for the rest.",
            res.series.len()
        ));
    }
    let mut v = json!({
        "source": res.source.name,
        "sample_data": res.source.is_sample,
        "units": units(res),
        "filters": filters(&res.filter),
        "dates_in_data": dates_text(first, last),
        "series": series,
        "series_count": res.series.len(),
        "notes": notes,
    });
    if let Some(c) = analytic::result_for_model(computed(res)) {
        v["computed"] = c;
    }
    if res.source.is_sample {
        v["sample_notice"] =
            json!("These are synthetic sample prices, not real data: say so in the answer.");
    }
    v.to_string()
}

fn series_text(rows: &[(String, String, String, String, NaiveDate, NaiveDate)]) -> String {
    let mut out = rows
        .iter()
        .take(20)
        .map(|(i, d, r, u, a, b)| format!("{d} {i} in {r} ({u}, {a} to {b})"))
        .collect::<Vec<_>>()
        .join("; ");
    if rows.len() > 20 {
        out.push_str("; and more");
    }
    out
}

/// Why a query found no observations: no series combines the item, technology and region asked
/// for (the series of the item or region that exist are named), or the dates lie outside the
/// matching series (their ranges are named).
async fn no_rows(db: &Db, f: &PriceFilter) -> ToolError {
    let cover = match ds::price_coverage(db, f, 21).await {
        Ok(c) => c,
        Err(e) => return ToolError::db(e),
    };
    if !cover.is_empty() {
        let lo = cover.iter().map(|c| c.4).min().expect("non-empty");
        let hi = cover.iter().map(|c| c.5).max().expect("non-empty");
        return ToolError::NoData(format!(
            "no observations for dates {}: the matching series cover {lo} to {hi} ({}); state no price for other dates",
            dates_text(f.from, f.to),
            series_text(&cover)
        ));
    }
    // The combination does not exist: show what each part of it has on its own.
    let mut wider_first = Vec::new();
    if !f.items.is_empty() {
        wider_first.push(PriceFilter {
            items: f.items.clone(),
            ..Default::default()
        });
    }
    if !f.regions.is_empty() {
        wider_first.push(PriceFilter {
            regions: f.regions.clone(),
            ..Default::default()
        });
    }
    wider_first.push(PriceFilter::default());
    for relax in wider_first {
        match ds::price_coverage(db, &relax, 21).await {
            Ok(c) if !c.is_empty() => {
                return ToolError::NoData(format!(
                    "no price series matches these filters {}; series that exist: {}",
                    filters(f),
                    series_text(&c)
                ));
            }
            Ok(_) => {}
            Err(e) => return ToolError::db(e),
        }
    }
    ToolError::NoData("no price data is loaded".into())
}

/// The units among the result's series.
pub fn units(res: &PriceResult) -> Vec<String> {
    let mut u: Vec<String> = Vec::new();
    for s in &res.series {
        if !u.contains(&s.unit) {
            u.push(s.unit.clone());
        }
    }
    u
}

fn axis_of(args: &PriceArgs, res: &PriceResult) -> &'static str {
    match args.axis.as_deref() {
        Some("region") => "region",
        Some("item") => "item",
        Some("description") | Some("technology") => "description",
        _ => {
            let distinct = |f: fn(&Series) -> &String| {
                let mut v: Vec<&String> = res.series.iter().map(f).collect();
                v.sort();
                v.dedup();
                v.len()
            };
            if distinct(|s| &s.description) > 1 {
                "description"
            } else if distinct(|s| &s.region) > 1 {
                "region"
            } else {
                "item"
            }
        }
    }
}

/// The price chart (streaming.md §10.4). Errors when the series have different units.
pub fn chart(res: &PriceResult, args: &PriceArgs) -> Result<Option<Value>, ToolError> {
    let units = units(res);
    if units.len() > 1 {
        return Err(ToolError::Arguments(format!(
            "the selected prices have different units ({}): chart one item at a time",
            units.join(", ")
        )));
    }
    let unit = units.first().cloned().unwrap_or_default();
    let plot_type: &'static str = match args.plot_type.as_deref() {
        None | Some("line") => "line",
        Some("bar") => "bar",
        Some("box") => "box",
        Some(o) => {
            return Err(ToolError::Arguments(format!(
                "unknown plot_type {o:?} (line, bar or box)"
            )));
        }
    };
    let mut notes = Vec::new();
    if res.source.is_sample {
        notes.push("Synthetic sample data, not real prices.".to_string());
    }
    let all_dates = res.series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let (lo, hi) = all_dates.fold((None::<NaiveDate>, None::<NaiveDate>), |(a, b), d| {
        (
            Some(a.map_or(d, |a| a.min(d))),
            Some(b.map_or(d, |b| b.max(d))),
        )
    });
    let spec = |plot_type,
                title: String,
                x: &str,
                notes: Vec<String>,
                description: Option<String>| PlotSpec {
        plot_type,
        title,
        description,
        x_axis_label: x.to_string(),
        y_axis_label: format!("Price ({unit})"),
        unit: unit.clone(),
        source: res.source.name.clone(),
        tool: CHART,
        arguments: serde_json::to_value(args).unwrap_or(Value::Null),
        filters_applied: Some(json!({
            "Item": one(&res.filter.items), "Description": one(&res.filter.descriptions), "Region": one(&res.filter.regions),
        })),
        notes,
    };
    match plot_type {
        "line" => {
            let mut series: Vec<&Series> = res.series.iter().collect();
            if series.len() > 8 {
                series.truncate(8);
                notes.push(format!(
                    "The first 8 of {} series are shown.",
                    res.series.len()
                ));
            }
            let per_series = (240 / series.len().max(1)).clamp(12, 50);
            let mut data = Vec::new();
            for s in &series {
                for (d, v) in charts::thin(&s.monthly(), per_series) {
                    data.push(json!({"date": d.to_string(), "series": s.name(), "value": charts::round(v, 3),
                                     "description": s.description, "region": s.region, "item": s.item}));
                }
            }
            let items = distinct_of(&series, |s| &s.item);
            let regions = distinct_of(&series, |s| &s.region);
            let mut title = format!(
                "{} Trends",
                if items.len() == 1 {
                    items[0].as_str()
                } else {
                    "Price"
                }
            );
            if regions.len() == 1 {
                title.push_str(&format!(" in {}", regions[0]));
            }
            if let (Some(a), Some(b)) = (lo, hi) {
                title.push_str(&format!(" ({}-{})", a.year(), b.year()));
            }
            let names: Vec<String> = series.iter().map(|s| s.name()).collect();
            let info = charts::series_info(&names, |n| {
                let s = series.iter().find(|s| s.name() == n).expect("named series");
                let mut m = Map::new();
                m.insert("description".into(), json!(s.description));
                m.insert("region".into(), json!(s.region));
                m.insert("item".into(), json!(s.item));
                m
            });
            let description = describe(&series, &unit);
            charts::build(
                spec("line", title, "", notes, description),
                data,
                info,
                None,
            )
        }
        kind => {
            let axis = axis_of(args, res);
            let mut cats: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            for s in &res.series {
                let k = match axis {
                    "region" => s.region.clone(),
                    "item" => s.item.clone(),
                    _ => s.description.clone(),
                };
                cats.entry(k)
                    .or_default()
                    .extend(s.points.iter().map(|p| p.1));
            }
            let axis_title = match axis {
                "region" => "Region",
                "item" => "Item",
                _ => "Description",
            };
            let mut data = Vec::new();
            for (k, mut vals) in cats.into_iter().take(20) {
                vals.retain(|v| v.is_finite());
                if vals.is_empty() {
                    continue;
                }
                if kind == "bar" {
                    let m = mean(vals.iter().copied());
                    data.push(
                        json!({"category": k, "series": k, "value": charts::round(m, 3),
                                     "formatted_value": format!("{m:.3} {unit}")}),
                    );
                } else {
                    vals.sort_by(f64::total_cmp);
                    let q = |p: f64| charts::round(quantile(&vals, p), 3);
                    data.push(json!({"category": k, "series": k, "q1": q(0.25), "q2": q(0.5), "q3": q(0.75),
                                     "min": q(0.0), "max": q(1.0)}));
                }
            }
            let names: Vec<String> = data
                .iter()
                .filter_map(|p| p["series"].as_str().map(String::from))
                .collect();
            let title = if kind == "bar" {
                format!("Average Prices by {axis_title}")
            } else {
                format!("Price Distribution by {axis_title}")
            };
            let kind: &'static str = if kind == "bar" { "bar" } else { "box" };
            charts::build(
                spec(kind, title, axis_title, notes, None),
                data,
                charts::series_info(&names, |_| Map::new()),
                None,
            )
        }
    }
}

fn one(v: &[String]) -> Value {
    if v.len() == 1 {
        json!(v[0])
    } else {
        Value::Null
    }
}

fn distinct_of<'a>(series: &[&'a Series], f: fn(&'a Series) -> &'a String) -> Vec<&'a String> {
    let mut v: Vec<&String> = series.iter().map(|s| f(s)).collect();
    v.sort();
    v.dedup();
    v
}

/// Linear-interpolated quantile of sorted values.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let (i, frac) = (pos.floor() as usize, pos.fract());
    if i + 1 < sorted.len() {
        sorted[i] + (sorted[i + 1] - sorted[i]) * frac
    } else {
        sorted[i]
    }
}

fn describe(series: &[&Series], unit: &str) -> Option<String> {
    let s = series.first()?;
    let (fd, fv) = s.first();
    let (ld, lv) = s.latest();
    let change = if fv > 0.0 {
        format!(" ({:+.1}%)", (lv / fv - 1.0) * 100.0)
    } else {
        String::new()
    };
    Some(format!(
        "{}: {fv:.3} {unit} on {fd}, {lv:.3} {unit} on {ld}{change}.",
        s.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_technology_is_matched_with_its_numbers_whole() {
        let v = Vocabulary {
            items: Names::default(),
            regions: Names::default(),
            descriptions: ["Glass 3,2mm", "Glass 2mm", "n-type TOPCon"]
                .map(String::from)
                .to_vec(),
        };
        assert_eq!(v.technologies("2mm"), vec!["Glass 2mm"]);
        assert_eq!(v.technologies("3.2mm"), vec!["Glass 3,2mm"]);
        assert_eq!(v.technologies("3,2mm glass"), vec!["Glass 3,2mm"]);
        assert_eq!(v.technologies("topcon"), vec!["n-type TOPCon"]);
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), 2.5);
        assert_eq!(quantile(&v, 0.25), 1.75);
        assert_eq!(quantile(&v, 1.0), 4.0);
    }

    #[test]
    fn technologies_match_partial_names() {
        let v = Vocabulary {
            items: Names::default(),
            regions: Names::default(),
            descriptions: [
                "n-type TOPCon",
                "n-type TOPCon M10",
                "p-type mono-Si PERC M10",
                "n-type HJT",
            ]
            .map(String::from)
            .to_vec(),
        };
        assert_eq!(v.technologies("n-type topcon"), vec!["n-type TOPCon"]);
        assert_eq!(
            v.technologies("TOPCon"),
            vec!["n-type TOPCon", "n-type TOPCon M10"]
        );
        assert_eq!(v.technologies("perc"), vec!["p-type mono-Si PERC M10"]);
        assert!(v.technologies("perovskite").is_empty());
    }
}

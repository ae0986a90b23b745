//! `query_market_data` and `chart_market_data`: installed PV capacity (MW DC) by territory,
//! year, scenario, connection and type, from the newest market source that has the rows asked
//! for (two files of different vintages are never added together).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::analytic::{self, Ask, Computed, Operation, Point, Refusal, Series};
use super::charts::{self, PlotSpec};
use super::names::{Names, Vocab};
use super::places;
use super::vocab::Vocabulary;
use super::{Arguments, DataTool, Mode, ToolContext, ToolError, lenient};
use crate::domain::market::{Connection, Kind as MarketKind, Scenario};
use crate::store::Db;
use crate::store::datasets::{self as ds, MarketFilter, MarketRow, Source};

mod chart;
pub use chart::*;

pub const QUERY: &str = "query_market_data";
pub const CHART: &str = "chart_market_data";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct MarketArgs {
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub territory: Vec<String>,
    #[serde(
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub year: Option<i32>,
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
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub scenario: Vec<String>,
    #[serde(
        deserialize_with = "lenient::strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub connection: Vec<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot_type: Option<String>,
    /// What to compute over the rows ([`analytic`]): the result carries every figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// How many a ranking lists.
    #[serde(
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<i32>,
    /// `highest` (default) or `lowest`: the end a ranking starts from; a threshold crossed
    /// upwards or downwards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    /// `value` (default), `change` or `change_pct`: what a ranking orders by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_by: Option<String>,
    /// A threshold's level in MW.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_mw: Option<f64>,
}

impl Arguments for MarketArgs {
    fn property(field: &str, mode: Mode) -> Option<Value> {
        Some(match field {
            "territory" => json!({"type": "array", "items": {"type": "string"},
                "description": "countries or regions, e.g. [\"Italy\", \"Germany\"], \"World\", \"EU\""}),
            "year" => json!({"type": "integer", "description": "a single year"}),
            "start_year" | "end_year" => json!({"type": "integer"}),
            "scenario" => {
                json!({"type": "array", "items": {"type": "string", "enum": Scenario::ALL},
                    "description": "default: historical up to the last historical year, then Forecast - Most probable"})
            }
            "connection" => {
                json!({"type": "array", "items": {"type": "string", "enum": Connection::ALL},
                    "description": "default Total"})
            }
            "type" => json!({"type": "string", "enum": MarketKind::ALL,
                "description": "default Annual (new capacity per year)"}),
            "group_by" => {
                json!({"type": "string", "enum": ["territory", "year", "connection", "scenario"],
                    "description": "totals and shares per group"})
            }
            f @ ("operation" | "count" | "order" | "rank_by" | "level_mw") => {
                return analytic::property(
                    f,
                    "lookup (default): the figure of the last year; series: every year; rank: countries ranked (no territory, World or a region such as Europe or EU: its countries); share: of World, of the aggregate named, or of the Total connection; change: first to last year, absolute, % and CAGR; compare: the first territory against the others; max / min: the record and its year over the years asked (with no years, all of them, forecasts included: give end_year to keep to history); average; sum; first / latest; threshold: the first year reaching level_mw",
                    "level_mw",
                    "threshold: the level in MW (17 GW is 17000)",
                );
            }
            "plot_type" if mode == Mode::Chart => {
                json!({"type": "string", "enum": ["line", "bar", "stacked_bar"],
                    "description": "line for trends, bar for one year across territories, stacked_bar for the split by connection"})
            }
            _ => return None,
        })
    }
}

/// The market dataset's tools.
pub struct Market;

impl DataTool for Market {
    type Args = MarketArgs;
    type Resolved = Resolved;
    type Result = MarketResult;

    const QUERY: (&'static str, &'static str) = (
        QUERY,
        "Installed PV capacity in MW (DC): annual additions or cumulative, by territory, year, scenario \
         (historical or forecast) and connection (Total, Centralised, Distributed, Off-grid).",
    );
    const CHART: (&'static str, &'static str) = (
        CHART,
        "Draw a chart of installed PV capacity for the user (same filters as query_market_data).",
    );

    /// A chart's plot type is checked here; a stacked chart splits by connection.
    fn resolve(args: &MarketArgs, vocab: &Vocabulary, mode: Mode) -> Result<Resolved, ToolError> {
        let names = &vocab.territories;
        let chart = mode == Mode::Chart;
        let stacked = chart
            && args
                .plot_type
                .as_deref()
                .is_some_and(|p| p.starts_with("stacked"));
        let r = resolve(args, names, stacked)?;
        if chart && plot_type(args, &r)? == "stacked_bar" {
            return resolve(args, names, true);
        }
        Ok(r)
    }

    /// Run the query: the newest source with matching rows answers.
    async fn query(ctx: &ToolContext<'_>, r: &Resolved) -> Result<Option<MarketResult>, ToolError> {
        query(ctx.db, r).await
    }

    /// Why a query found no rows, naming what the data holds for those territories: the years of
    /// each scenario, or the whole range when the years asked for lie outside it.
    async fn no_rows(ctx: &ToolContext<'_>, r: &Resolved) -> ToolError {
        no_rows(ctx.db, r).await
    }

    fn for_model(res: &MarketResult) -> String {
        for_model(res)
    }

    /// The plot type the arguments ask for (or the default for the filters).
    fn chart(res: &MarketResult, args: &MarketArgs) -> Result<Option<Value>, ToolError> {
        chart(res, args, plot_type(args, &res.resolved)?)
    }
}

/// The filters after matching names against the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub territories: Vec<String>,
    pub min_year: Option<i32>,
    pub max_year: Option<i32>,
    /// Empty: historical then the most probable forecast.
    pub scenarios: Vec<Scenario>,
    pub connections: Vec<Connection>,
    pub kind: MarketKind,
    pub group_by: Option<&'static str>,
    /// The operation to compute, with what it needs.
    pub operation: Option<(Operation, Ask)>,
}

#[derive(Clone, Debug)]
pub struct MarketResult {
    pub source: Source,
    pub rows: Vec<MarketRow>,
    pub resolved: Resolved,
    pub notes: Vec<String>,
}

pub async fn territories(db: &Db) -> Result<Names, ToolError> {
    let v = ds::distinct(db, ds::Table::Market, ds::Column::Territory)
        .await
        .map_err(ToolError::db)?;
    Ok(Names::new(Vocab::Territory, v))
}

pub fn resolve(args: &MarketArgs, names: &Names, stacked: bool) -> Result<Resolved, ToolError> {
    // A ranking within a region names the region, which the data need not hold as a territory
    // of its own: its countries are ranked.
    let territories = match (args.operation, args.territory.as_slice()) {
        (Some(Operation::Rank), [region])
            if places::is_known_region(region) && names.resolve(region).is_none() =>
        {
            vec![region.clone()]
        }
        _ => names
            .resolve_all(&args.territory, "territory")
            .map_err(ToolError::Arguments)?,
    };
    let mut scenarios = Vec::new();
    for s in &args.scenario {
        let c = Scenario::parse(s).ok_or_else(|| {
            ToolError::Arguments(format!(
                "unknown scenario {s:?} (one of: {})",
                Scenario::names()
            ))
        })?;
        if !scenarios.contains(&c) {
            scenarios.push(c);
        }
    }
    let mut connections = Vec::new();
    for c in &args.connection {
        let v = Connection::parse(c).ok_or_else(|| {
            ToolError::Arguments(format!(
                "unknown connection {c:?} (one of: {})",
                Connection::names()
            ))
        })?;
        if !connections.contains(&v) {
            connections.push(v);
        }
    }
    let group_by = match args
        .group_by
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("") => None,
        Some("territory") | Some("country") => Some("territory"),
        Some("year") => Some("year"),
        Some("connection") | Some("segment") => Some("connection"),
        Some("scenario") => Some("scenario"),
        Some(other) => {
            return Err(ToolError::Arguments(format!(
                "unknown group_by {other:?} (territory, year, connection or scenario)"
            )));
        }
    };
    if connections.is_empty() {
        connections = if stacked || group_by == Some("connection") {
            Connection::SEGMENTS.to_vec()
        } else {
            vec![Connection::Total]
        };
    }
    let kind = match &args.kind {
        None => MarketKind::Annual,
        Some(k) => MarketKind::parse(k).ok_or_else(|| {
            ToolError::Arguments(format!("unknown type {k:?} (Annual or Cumulative)"))
        })?,
    };
    let (mut min_year, mut max_year) = (args.start_year, args.end_year);
    if let Some(y) = args.year {
        min_year = Some(y);
        max_year = Some(y);
    }
    if let (Some(a), Some(b)) = (min_year, max_year)
        && a > b
    {
        (min_year, max_year) = (Some(b), Some(a));
    }
    let operation = analytic::from_args(
        args.operation,
        args.count,
        args.order.as_deref(),
        args.rank_by.as_deref(),
        args.level_mw,
        kind == MarketKind::Annual,
        "level_mw",
    )
    .map_err(ToolError::Arguments)?;
    let mut r = Resolved {
        territories,
        min_year,
        max_year,
        scenarios,
        connections,
        kind,
        group_by,
        operation,
    };
    shape_for_operation(&mut r, names)?;
    Ok(r)
}

/// What an operation needs selected besides the filters asked: a ranking selects the countries
/// (of the region named, if one is), a share its whole.
fn shape_for_operation(r: &mut Resolved, names: &Names) -> Result<(), ToolError> {
    let Some((op, ask)) = &mut r.operation else {
        return Ok(());
    };
    match op {
        Operation::Rank => {
            let region = match r.territories.as_slice() {
                [] => None,
                [one] if !places::is_country(one) => Some(one.clone()),
                _ if r.territories.iter().all(|t| places::is_country(t)) => return Ok(()),
                _ => {
                    return Err(ToolError::Arguments(
                        "rank: name no territory (all countries), one region, or the countries to rank".into(),
                    ));
                }
            };
            let countries: Vec<String> = names
                .values
                .iter()
                .filter(|t| match &region {
                    None => places::is_country(t),
                    Some(reg) => places::in_region(t, reg) == Some(true),
                })
                .cloned()
                .collect();
            if let Some(reg) = &region
                && !places::is_known_region(reg)
                && !norm_is_world(reg)
            {
                return Err(ToolError::Arguments(format!(
                    "cannot rank the countries within {reg}: which countries it holds is not known (rank all countries, or ask for {reg}'s own figures)"
                )));
            }
            if countries.is_empty() {
                return Err(ToolError::NoData(format!(
                    "the market data holds no countries{}",
                    region.map(|r| format!(" in {r}")).unwrap_or_default()
                )));
            }
            r.territories = countries;
            r.connections.truncate(1);
        }
        Operation::Share => {
            if r.territories.len() == 1 && r.connections.iter().any(|c| *c != Connection::Total) {
                if !r.connections.contains(&Connection::Total) {
                    r.connections.push(Connection::Total);
                }
                ask.whole = Some(Connection::Total.to_string());
            } else {
                let whole = r
                    .territories
                    .iter()
                    .find(|t| norm_is_world(t))
                    .or_else(|| r.territories.iter().find(|t| !places::is_country(t)))
                    .cloned()
                    .or_else(|| names.values.iter().find(|t| norm_is_world(t)).cloned())
                    .ok_or_else(|| {
                        ToolError::Arguments(
                            "share: the data has no World total to divide by".into(),
                        )
                    })?;
                if !r.territories.contains(&whole) {
                    r.territories.push(whole.clone());
                }
                ask.whole = Some(whole);
            }
        }
        Operation::Lookup
        | Operation::Series
        | Operation::Change
        | Operation::Compare
        | Operation::Max
        | Operation::Min
        | Operation::Average
        | Operation::Sum
        | Operation::First
        | Operation::Latest
        | Operation::Threshold => {}
    }
    Ok(())
}

fn norm_is_world(t: &str) -> bool {
    super::names::norm(t) == "world"
}

impl analytic::Dataset for Market {
    /// Every operation is computed on market figures; a sum needs annual ones (checked by
    /// [`Ask::additive`]).
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
    /// Countries add up, and connection types other than Total; a region does not add to the
    /// countries it holds.
    fn series_add_up(names: &[&str]) -> bool {
        names.iter().all(|n| places::is_country(n))
            || names
                .iter()
                .all(|n| Connection::SEGMENTS.iter().any(|c| c == n))
    }
}

/// The series of a result: one per territory, or per connection when one territory is split,
/// or per scenario when one territory is asked in several.
pub fn series(res: &MarketResult) -> Vec<Series> {
    let r = &res.resolved;
    let by_connection = r.territories.len() == 1 && r.connections.len() > 1;
    let scenarios: BTreeSet<&str> = res.rows.iter().map(|x| x.scenario.as_str()).collect();
    let several_scenarios = !r.scenarios.is_empty() && r.scenarios.len() > 1 && scenarios.len() > 1;
    let first_connection = r.connections.first().copied().unwrap_or(Connection::Total);
    let mut by: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for x in &res.rows {
        if !by_connection && x.connection != first_connection {
            continue;
        }
        let key = if by_connection {
            x.connection.to_string()
        } else if several_scenarios && r.territories.len() == 1 {
            x.scenario.to_string()
        } else if several_scenarios {
            format!("{} ({})", x.territory, x.scenario)
        } else {
            x.territory.clone()
        };
        if !by.contains_key(&key) {
            order.push(key.clone());
        }
        by.entry(key).or_default().push(Point {
            period: x.year.to_string(),
            t: f64::from(x.year),
            value: x.capacity_mw,
            label: x.scenario.to_string(),
        });
    }
    // The order asked (territories as named), then the rows' order.
    let named: Vec<String> = if by_connection {
        r.connections.iter().map(|c| c.to_string()).collect()
    } else if several_scenarios && r.territories.len() == 1 {
        r.scenarios.iter().map(|c| c.to_string()).collect()
    } else {
        r.territories.clone()
    };
    order.sort_by_key(|k| {
        named
            .iter()
            .position(|n| k == n || k.starts_with(&format!("{n} (")))
            .unwrap_or(usize::MAX)
    });
    order
        .into_iter()
        .map(|k| {
            let pts = by.remove(&k).unwrap_or_default();
            Series::new(k, pts)
        })
        .collect()
}

/// The operation asked of a result, computed: `None` when no operation was asked.
pub fn computed(res: &MarketResult) -> Option<Result<Computed, Refusal>> {
    let (op, ask) = res.resolved.operation.as_ref()?;
    Some(analytic::compute::<Market>(*op, &series(res), "MW", ask))
}

async fn query(db: &Db, r: &Resolved) -> Result<Option<MarketResult>, ToolError> {
    let filter = MarketFilter {
        territories: r.territories.clone(),
        scenarios: if r.scenarios.is_empty() {
            Scenario::AUTO.iter().map(|s| s.to_string()).collect()
        } else {
            r.scenarios.iter().map(|s| s.to_string()).collect()
        },
        connections: r.connections.iter().map(|s| s.to_string()).collect(),
        types: vec![r.kind.to_string()],
        min_year: r.min_year,
        max_year: r.max_year,
    };
    for source in ds::sources(db, "market").await.map_err(ToolError::db)? {
        let mut rows = ds::market_rows(db, source.id, &filter)
            .await
            .map_err(ToolError::db)?;
        if rows.is_empty() {
            continue;
        }
        if r.scenarios.is_empty() {
            rows = merge_auto(rows);
        }
        let mut notes = Vec::new();
        if r.kind == MarketKind::Cumulative && rows.iter().any(|x| x.scenario.is_forecast()) {
            let without = forecasts_without_base(db, &source, &rows).await?;
            if !without.is_empty() {
                // A running sum of forecast additions is not an installed base: neither provider
                // may state it as one.
                rows.retain(|x| !(x.scenario.is_forecast() && without.contains(&x.territory)));
                let why = format!(
                    "in {}, forecast cumulative values are running sums of the forecast additions and do \
                     not include the installed base",
                    source.name
                );
                if rows.is_empty() {
                    return Err(ToolError::Arguments(format!(
                        "{why}, so it holds no installed base for forecast years (ask for the forecast \
                         annual additions, or the cumulative capacity of a historical year)"
                    )));
                }
                notes.push(format!("Forecast years are left out: {why}."));
            }
        }
        if r.scenarios.is_empty()
            && rows.iter().any(|x| x.scenario.is_forecast())
            && rows.iter().any(|x| x.scenario.is_historical())
        {
            notes.push(
                "Historical figures up to the last historical year, then the Forecast - Most probable scenario."
                    .to_string(),
            );
        }
        return Ok(Some(MarketResult {
            source,
            rows,
            resolved: r.clone(),
            notes,
        }));
    }
    Ok(None)
}

/// The territories of `rows` whose forecast cumulative values in `source` do not include the
/// installed base: the first forecast year's cumulative figure is below the last historical
/// year's (the real CSV's forecasts are running sums of additions from 2025; the XLSX's and the
/// sample's include the base).
async fn forecasts_without_base(
    db: &Db,
    source: &ds::Source,
    rows: &[MarketRow],
) -> Result<Vec<String>, ToolError> {
    let mut territories: Vec<String> = rows
        .iter()
        .filter(|x| x.scenario.is_forecast())
        .map(|x| x.territory.clone())
        .collect();
    territories.sort();
    territories.dedup();
    let filter = MarketFilter {
        territories: territories.clone(),
        scenarios: [Scenario::HistoricalPrimary]
            .iter()
            .chain(&Scenario::FORECASTS)
            .map(|s| s.to_string())
            .collect(),
        connections: vec![Connection::Total.to_string()],
        types: vec![MarketKind::Cumulative.to_string()],
        min_year: None,
        max_year: None,
    };
    let all = ds::market_rows(db, source.id, &filter)
        .await
        .map_err(ToolError::db)?;
    Ok(territories
        .into_iter()
        .filter(|t| {
            let of_t = || all.iter().filter(|x| &x.territory == t);
            let last_hist = of_t()
                .filter(|x| x.scenario.is_historical())
                .max_by_key(|x| x.year);
            let first_forecast = of_t()
                .filter(|x| x.scenario.is_forecast())
                .min_by_key(|x| x.year)
                .map(|x| x.year);
            match (last_hist, first_forecast) {
                (Some(h), Some(y)) => of_t()
                    .filter(|x| x.year == y && x.scenario.is_forecast())
                    .any(|x| x.capacity_mw < h.capacity_mw),
                _ => false,
            }
        })
        .collect())
}

/// One figure per (territory, connection, type, year): historical primary, else historical
/// secondary, else the most probable forecast.
fn merge_auto(rows: Vec<MarketRow>) -> Vec<MarketRow> {
    let rank = |s: Scenario| Scenario::AUTO.iter().position(|a| *a == s).unwrap_or(9);
    let mut best: BTreeMap<(String, String, String, i32), MarketRow> = BTreeMap::new();
    for row in rows {
        let key = (
            row.territory.clone(),
            row.connection.to_string(),
            row.kind.to_string(),
            row.year,
        );
        match best.get(&key) {
            Some(b) if rank(b.scenario) <= rank(row.scenario) => {}
            _ => {
                best.insert(key, row);
            }
        }
    }
    best.into_values().collect()
}

/// Per-group totals with shares. Annual figures add up over years; cumulative ones are taken at
/// the last year of the range.
pub fn groups(res: &MarketResult, by: &str) -> Vec<(String, f64, f64)> {
    let last_year = res.rows.iter().map(|r| r.year).max().unwrap_or(0);
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    for r in &res.rows {
        if res.resolved.kind == MarketKind::Cumulative && by != "year" && r.year != last_year {
            continue;
        }
        let k = match by {
            "territory" => r.territory.clone(),
            "year" => r.year.to_string(),
            "connection" => r.connection.to_string(),
            _ => r.scenario.to_string(),
        };
        *sums.entry(k).or_default() += r.capacity_mw;
    }
    let total: f64 = sums.values().sum();
    let mut out: Vec<(String, f64, f64)> = sums
        .into_iter()
        .map(|(k, v)| (k, v, if total > 0.0 { v / total } else { 0.0 }))
        .collect();
    if by != "year" {
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
    }
    out
}

/// A year range as the model reads it: "2016-2020", "2023", "from 2016", "up to 2020", "all".
pub fn years_text(min: Option<i32>, max: Option<i32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => "all".into(),
    }
}

fn list_or_all(v: &[impl AsRef<str>]) -> Value {
    if v.is_empty() {
        json!("all")
    } else {
        json!(v.iter().map(|s| s.as_ref()).collect::<Vec<_>>())
    }
}

/// The filters a query actually ran with (after name matching and defaults).
pub fn filters(r: &Resolved) -> Value {
    json!({
        "territory": list_or_all(&r.territories),
        "years": years_text(r.min_year, r.max_year),
        "scenario": if r.scenarios.is_empty() {
            json!("default: Historical Primary (else Secondary) up to the last historical year, then Forecast - Most probable")
        } else {
            json!(r.scenarios)
        },
        "connection": r.connections,
        "type": r.kind,
    })
}

/// The result for the model: unit, the filters applied, the source file, compact rows.
pub fn for_model(res: &MarketResult) -> String {
    const MAX_ROWS: usize = 300;
    let rows: Vec<Value> = res
        .rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| {
            json!([
                r.territory,
                r.year,
                r.scenario,
                r.connection,
                r.kind,
                charts::round(r.capacity_mw, 3)
            ])
        })
        .collect();
    let r = &res.resolved;
    let lo = res.rows.iter().map(|x| x.year).min();
    let hi = res.rows.iter().map(|x| x.year).max();
    let mut notes = res.notes.clone();
    if let (Some(want), Some(lo)) = (r.min_year, lo)
        && want < lo
    {
        notes.push(format!(
            "No rows before {lo} for these filters: state no figure for earlier years."
        ));
    }
    if let (Some(want), Some(hi)) = (r.max_year, hi)
        && want > hi
    {
        notes.push(format!(
            "No rows after {hi} for these filters: state no figure for later years."
        ));
    }
    if res.rows.len() > MAX_ROWS {
        notes.push(format!(
            "Only the first {MAX_ROWS} of {} rows are listed: narrow the filters for the rest.",
            res.rows.len()
        ));
    }
    let mut v = json!({
        "source": res.source.name,
        "sample_data": res.source.is_sample,
        "unit": "MW (DC)",
        "measure": if r.kind == MarketKind::Cumulative { "cumulative installed capacity" } else { "annual installed capacity (new capacity in the year)" },
        "filters": filters(r),
        "years_in_rows": years_text(lo, hi),
        "columns": ["territory", "year", "scenario", "connection", "type", "capacity_mw"],
        "rows": rows,
        "row_count": res.rows.len(),
        "notes": notes,
    });
    if let Some(by) = r.group_by {
        v["groups"] = json!(
            groups(res, by)
                .into_iter()
                .map(|(k, val, share)| json!({by: k, "capacity_mw": charts::round(val, 3), "share": charts::round(share, 4)}))
                .collect::<Vec<_>>()
        );
    }
    if let Some(c) = analytic::result_for_model(computed(res)) {
        v["computed"] = c;
    }
    if res.source.is_sample {
        v["sample_notice"] =
            json!("These are synthetic sample figures, not real data: say so in the answer.");
    }
    v.to_string()
}

async fn no_rows(db: &Db, r: &Resolved) -> ToolError {
    let cover = match ds::market_coverage(db, &r.territories).await {
        Ok(c) => c,
        Err(e) => return ToolError::db(e),
    };
    let (Some(lo), Some(hi)) = (
        cover.iter().map(|c| c.1).min(),
        cover.iter().map(|c| c.2).max(),
    ) else {
        return ToolError::NoData("no market data is loaded".into());
    };
    let whose = if r.territories.is_empty() {
        String::new()
    } else {
        format!(" for {}", r.territories.join(", "))
    };
    let outside = r.min_year.is_some_and(|y| y > hi) || r.max_year.is_some_and(|y| y < lo);
    if outside {
        return ToolError::NoData(format!(
            "years {} are outside the market data{whose}, which covers {lo}-{hi}; state no figure for them",
            years_text(r.min_year, r.max_year)
        ));
    }
    let held = cover
        .iter()
        .map(|(s, a, b)| format!("{s} {}", years_text(Some(*a), Some(*b))))
        .collect::<Vec<_>>()
        .join(", ");
    ToolError::NoData(format!(
        "no rows match these filters {}; the market data{whose} holds: {held}. Change the filters or say the data cannot answer",
        filters(r)
    ))
}

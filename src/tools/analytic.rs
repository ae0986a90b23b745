//! The analytic query: one operation computed over the series a dataset's tool selected, the
//! same for the built-in reader and for a model that calls the tool with an `operation`. The
//! service computes every figure; a model only chooses the operation, and the tool result
//! carries each figure with its unit, period and series.
//!
//! A dataset turns its rows into [`Series`] (a territory's years, a technology's price dates, a
//! company's quarters) and says, in one exhaustive `match` ([`Dataset::allows`]), which
//! operations it computes and why it declines the others. [`compute`] is one exhaustive `match`
//! over the operations. A new operation therefore does not compile until `compute` computes it
//! and every dataset allows or declines it.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What is asked of the selected series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// The figure of each series at the end of the span (the period asked).
    Lookup,
    /// Every figure of each series over the span.
    Series,
    /// The series ranked by their figure (added up over the span when the measure adds up).
    Rank,
    /// Each series' figure as a share of the whole series' figure, at the end of the span.
    Share,
    /// From the first to the last figure of the span: absolute, % and the yearly growth rate.
    Change,
    /// The first series against each other one at the end of the span: difference and ratio.
    Compare,
    /// The highest figure of each series and when it occurred.
    Max,
    /// The lowest figure of each series and when it occurred.
    Min,
    Average,
    Sum,
    /// The first figure of each series in the span.
    First,
    /// The last figure of each series in the span.
    Latest,
    /// The first period a series reached `level` (fell to it, with `lowest`).
    Threshold,
}

impl Operation {
    pub const ALL: [Operation; 13] = [
        Operation::Lookup,
        Operation::Series,
        Operation::Rank,
        Operation::Share,
        Operation::Change,
        Operation::Compare,
        Operation::Max,
        Operation::Min,
        Operation::Average,
        Operation::Sum,
        Operation::First,
        Operation::Latest,
        Operation::Threshold,
    ];

    /// The name a model passes (`"change"`).
    pub fn name(self) -> &'static str {
        match self {
            Operation::Lookup => "lookup",
            Operation::Series => "series",
            Operation::Rank => "rank",
            Operation::Share => "share",
            Operation::Change => "change",
            Operation::Compare => "compare",
            Operation::Max => "max",
            Operation::Min => "min",
            Operation::Average => "average",
            Operation::Sum => "sum",
            Operation::First => "first",
            Operation::Latest => "latest",
            Operation::Threshold => "threshold",
        }
    }

    pub fn names() -> Vec<&'static str> {
        Operation::ALL.iter().map(|o| o.name()).collect()
    }
}

/// What a dataset computes: each operation allowed, or declined with the reason the user reads.
pub trait Dataset {
    fn allows(op: Operation) -> Result<(), &'static str>;
    /// Whether the figures of these series at one period add up (capacities of countries do,
    /// of a country and a region holding it do not; prices never do): a lookup of several
    /// series then carries their total.
    fn series_add_up(names: &[&str]) -> bool;
}

/// One figure of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// As the user reads it: "2024", "2025-03-12", "2024-Q3".
    pub period: String,
    /// The period in years ("2024-Q3" is 2024.5), for ordering and yearly growth rates.
    pub t: f64,
    pub value: f64,
    /// What else the user should know of this figure (the scenario of a market figure).
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// In period order.
    pub points: Vec<Point>,
}

/// A date in years (2024-07-02 is about 2024.5), for ordering and yearly growth rates.
pub fn years(d: chrono::NaiveDate) -> f64 {
    use chrono::Datelike;
    f64::from(d.year()) + f64::from(d.ordinal0()) / 365.25
}

impl Series {
    pub fn new(name: impl Into<String>, mut points: Vec<Point>) -> Series {
        points.sort_by(|a, b| a.t.total_cmp(&b.t));
        Series {
            name: name.into(),
            points,
        }
    }
}

/// The operation and what it needs besides the series.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ask {
    pub count: Option<usize>,
    /// Rank from the lowest; a threshold crossed downwards.
    pub lowest: bool,
    /// A threshold's level, in the series' unit.
    pub level: Option<f64>,
    /// The series the others are a share of.
    pub whole: Option<String>,
    /// Whether figures add up over periods (annual additions do; an installed base, a price or
    /// a margin does not): a sum needs it, and a ranking over a span adds up only then.
    pub additive: bool,
    /// What a ranking orders the series by.
    pub by: RankBy,
}

/// What a ranking orders by: each series' figure, or its change from the span's first period
/// to its last ("which countries grew the most from 2023 to 2024", "the biggest % decline").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RankBy {
    #[default]
    Value,
    Change,
    ChangePct,
}

impl RankBy {
    pub const NAMES: [&'static str; 3] = ["value", "change", "change_pct"];

    pub fn parse(s: Option<&str>) -> Result<RankBy, String> {
        match s.map(str::to_ascii_lowercase).as_deref() {
            None | Some("") | Some("value") => Ok(RankBy::Value),
            Some("change") => Ok(RankBy::Change),
            Some("change_pct" | "change_percent" | "pct") => Ok(RankBy::ChangePct),
            Some(other) => Err(format!(
                "unknown rank_by {other:?} (value, change or change_pct)"
            )),
        }
    }
}

/// A computed figure. `measure` says what it is: `value`, `change`, `change_pct`, `cagr_pct`,
/// `difference`, `difference_pct`, `ratio`, `share_pct`, `average`, `sum`, `max`, `min`,
/// `first`, `latest`, `reached`, `total` (of several series at one period; its `series` is
/// empty).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub series: String,
    pub measure: &'static str,
    /// The period, or the span ("2020–2024") for a figure over several.
    pub period: String,
    pub value: f64,
    pub unit: String,
    /// The position in a ranking, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// The series compared with or the whole of a share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Computed {
    pub operation: Operation,
    pub figures: Vec<Figure>,
    /// The periods the figures were computed over ("2010–2024"): a record is over the whole
    /// span the data holds unless the question limited it, and the answer names it.
    pub span: String,
    /// What could not be computed and why (a series with no figure for a period, a level never
    /// reached).
    pub notes: Vec<String>,
}

/// Why an operation could not be computed, in words the user reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn span_of(series: &[Series]) -> String {
    let mut lo: Option<&Point> = None;
    let mut hi: Option<&Point> = None;
    for p in series.iter().flat_map(|s| &s.points) {
        if lo.is_none_or(|l| p.t < l.t) {
            lo = Some(p);
        }
        if hi.is_none_or(|h| p.t > h.t) {
            hi = Some(p);
        }
    }
    match (lo, hi) {
        (Some(a), Some(b)) if a.period == b.period => a.period.clone(),
        (Some(a), Some(b)) => format!("{}–{}", a.period, b.period),
        _ => String::new(),
    }
}

fn series_span(s: &Series) -> String {
    match (s.points.first(), s.points.last()) {
        (Some(a), Some(b)) if a.period == b.period => a.period.clone(),
        (Some(a), Some(b)) => format!("{}–{}", a.period, b.period),
        _ => String::new(),
    }
}

/// Compute `op` over `series` (figures in `unit`) for dataset `D`.
pub fn compute<D: Dataset>(
    op: Operation,
    series: &[Series],
    unit: &str,
    ask: &Ask,
) -> Result<Computed, Refusal> {
    D::allows(op).map_err(|r| Refusal(r.to_string()))?;
    let series: Vec<&Series> = series.iter().filter(|s| !s.points.is_empty()).collect();
    if series.is_empty() {
        return Err(Refusal(
            "the data holds no figures for these filters".into(),
        ));
    }
    let fig = |s: &Series, measure: &'static str, p: &Point| Figure {
        series: s.name.clone(),
        measure,
        period: p.period.clone(),
        value: p.value,
        unit: unit.to_string(),
        rank: None,
        against: None,
        label: p.label.clone(),
    };
    let over = |s: &Series, measure: &'static str, value: f64, unit: &str| Figure {
        series: s.name.clone(),
        measure,
        period: series_span(s),
        value,
        unit: unit.to_string(),
        rank: None,
        against: None,
        label: String::new(),
    };
    let mut figures = Vec::new();
    let mut notes = Vec::new();
    match op {
        Operation::Lookup | Operation::Latest => {
            for s in &series {
                let p = s.points.last().expect("a point");
                figures.push(fig(
                    s,
                    if op == Operation::Latest {
                        "latest"
                    } else {
                        "value"
                    },
                    p,
                ));
            }
            let periods: Vec<&str> = figures.iter().map(|f| f.period.as_str()).collect();
            if op == Operation::Lookup
                && figures.len() > 1
                && D::series_add_up(&series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>())
                && periods.iter().all(|p| *p == periods[0])
            {
                figures.push(Figure {
                    series: String::new(),
                    measure: "total",
                    period: periods[0].to_string(),
                    value: figures.iter().map(|f| f.value).sum(),
                    unit: unit.to_string(),
                    rank: None,
                    against: None,
                    label: String::new(),
                });
            }
        }
        Operation::First => {
            for s in &series {
                figures.push(fig(s, "first", &s.points[0]));
            }
        }
        Operation::Series => {
            for s in &series {
                figures.extend(s.points.iter().map(|p| fig(s, "value", p)));
            }
        }
        Operation::Max | Operation::Min => {
            let low = op == Operation::Min;
            for s in &series {
                // The first period of a tie: "the record was set in".
                let mut best = &s.points[0];
                for p in &s.points[1..] {
                    if (low && p.value < best.value) || (!low && p.value > best.value) {
                        best = p;
                    }
                }
                figures.push(fig(s, if low { "min" } else { "max" }, best));
            }
        }
        Operation::Average => {
            for s in &series {
                let n = s.points.len() as f64;
                let v = s.points.iter().map(|p| p.value).sum::<f64>() / n;
                figures.push(over(s, "average", v, unit));
            }
        }
        Operation::Sum => {
            if !ask.additive {
                return Err(Refusal(
                    "these figures do not add up over periods (an installed base, a price or a ratio is not summed)".into(),
                ));
            }
            for s in &series {
                let v = s.points.iter().map(|p| p.value).sum::<f64>();
                figures.push(over(s, "sum", v, unit));
            }
            // Several series over the same span that add up: their combined sum too.
            let spans: Vec<&str> = figures.iter().map(|f| f.period.as_str()).collect();
            if figures.len() > 1
                && D::series_add_up(&series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>())
                && spans.iter().all(|p| *p == spans[0])
            {
                figures.push(Figure {
                    series: String::new(),
                    measure: "total",
                    period: spans[0].to_string(),
                    value: figures.iter().map(|f| f.value).sum(),
                    unit: unit.to_string(),
                    rank: None,
                    against: None,
                    label: String::new(),
                });
            }
        }
        Operation::Change => {
            for s in &series {
                let (a, b) = (&s.points[0], s.points.last().expect("a point"));
                if s.points.len() < 2 {
                    notes.push(format!(
                        "{} has a figure for {} only: a change needs two periods.",
                        s.name, a.period
                    ));
                    continue;
                }
                figures.push(fig(s, "first", a));
                figures.push(fig(s, "latest", b));
                figures.push(over(s, "change", b.value - a.value, unit));
                if a.value > 0.0 {
                    figures.push(over(
                        s,
                        "change_pct",
                        (b.value / a.value - 1.0) * 100.0,
                        "%",
                    ));
                    figures.push(over(s, "ratio", b.value / a.value, "times"));
                    let years = b.t - a.t;
                    if years >= 1.0 && b.value > 0.0 {
                        let cagr = ((b.value / a.value).powf(1.0 / years) - 1.0) * 100.0;
                        figures.push(over(s, "cagr_pct", cagr, "% a year"));
                    }
                } else {
                    notes.push(format!(
                        "{}'s first figure is not above zero: no change in % for it.",
                        s.name
                    ));
                }
            }
        }
        Operation::Compare => {
            if series.len() < 2 {
                return Err(Refusal("a comparison needs two or more series".into()));
            }
            let a = series[0];
            let pa = a.points.last().expect("a point");
            figures.push(fig(a, "value", pa));
            for b in &series[1..] {
                // At the same period: the first series' last one.
                let Some(pb) = b.points.iter().find(|p| p.period == pa.period) else {
                    notes.push(format!("{} has no figure for {}.", b.name, pa.period));
                    continue;
                };
                figures.push(fig(b, "value", pb));
                let mut d = fig(a, "difference", pa);
                d.value = pa.value - pb.value;
                d.against = Some(b.name.clone());
                figures.push(d);
                if pb.value != 0.0 {
                    let mut pct = fig(a, "difference_pct", pa);
                    pct.value = (pa.value / pb.value - 1.0) * 100.0;
                    pct.unit = "%".into();
                    pct.against = Some(b.name.clone());
                    figures.push(pct);
                    let mut r = fig(a, "ratio", pa);
                    r.value = pa.value / pb.value;
                    r.unit = "times".into();
                    r.against = Some(b.name.clone());
                    figures.push(r);
                }
            }
        }
        Operation::Share => {
            let Some(whole_name) = &ask.whole else {
                return Err(Refusal("a share needs a whole".into()));
            };
            let Some(whole) = series.iter().find(|s| &s.name == whole_name) else {
                return Err(Refusal(format!(
                    "the data holds no figure for {whole_name}"
                )));
            };
            let pw = whole.points.last().expect("a point");
            if pw.value <= 0.0 {
                return Err(Refusal(format!(
                    "{whole_name}'s figure for {} is not above zero",
                    pw.period
                )));
            }
            for s in series.iter().filter(|s| s.name != *whole_name) {
                let Some(p) = s.points.iter().find(|p| p.period == pw.period) else {
                    notes.push(format!("{} has no figure for {}.", s.name, pw.period));
                    continue;
                };
                figures.push(fig(s, "value", p));
                let mut sh = fig(s, "share_pct", p);
                sh.value = p.value / pw.value * 100.0;
                sh.unit = "%".into();
                sh.against = Some(whole_name.clone());
                figures.push(sh);
            }
            // Several parts that add up: their combined share too ("taken together").
            let parts: Vec<&Figure> = figures.iter().filter(|f| f.measure == "value").collect();
            if parts.len() > 1
                && D::series_add_up(&parts.iter().map(|f| f.series.as_str()).collect::<Vec<_>>())
            {
                let together: f64 = parts.iter().map(|f| f.value).sum();
                let mut t = fig(whole, "total", pw);
                t.series = String::new();
                t.value = together;
                let mut sh = fig(whole, "share_pct", pw);
                sh.series = String::new();
                sh.value = together / pw.value * 100.0;
                sh.unit = "%".into();
                sh.against = Some(whole_name.clone());
                figures.push(t);
                figures.push(sh);
            }
            figures.push(fig(whole, "value", pw));
        }
        Operation::Rank if ask.by != RankBy::Value => {
            // By the change from each series' first period in the span to its last: every
            // series needs both, and a change in % a first figure above zero.
            let pct = ask.by == RankBy::ChangePct;
            let mut ranked: Vec<(&Series, &Point, &Point, f64, Option<f64>)> = Vec::new();
            for s in &series {
                let (a, b) = (&s.points[0], s.points.last().expect("a point"));
                if s.points.len() < 2 {
                    notes.push(format!(
                        "{} has a figure for {} only: not ranked by its change.",
                        s.name, a.period
                    ));
                    continue;
                }
                let change_pct = (a.value > 0.0).then(|| (b.value / a.value - 1.0) * 100.0);
                if pct && change_pct.is_none() {
                    notes.push(format!(
                        "{}'s first figure is not above zero: not ranked by its change in %.",
                        s.name
                    ));
                    continue;
                }
                ranked.push((*s, a, b, b.value - a.value, change_pct));
            }
            let key = |r: &(&Series, &Point, &Point, f64, Option<f64>)| {
                if pct { r.4.unwrap_or_default() } else { r.3 }
            };
            ranked.sort_by(|a, b| {
                if ask.lowest {
                    key(a).total_cmp(&key(b))
                } else {
                    key(b).total_cmp(&key(a))
                }
                .then_with(|| a.0.name.cmp(&b.0.name))
            });
            let n = ask.count.unwrap_or(ranked.len()).max(1);
            for (i, (s, a, b, change, change_pct)) in ranked.into_iter().take(n).enumerate() {
                let ranked_fig = |mut f: Figure| {
                    f.rank = Some(i + 1);
                    f
                };
                figures.push(ranked_fig(fig(s, "first", a)));
                figures.push(ranked_fig(fig(s, "latest", b)));
                figures.push(ranked_fig(over(s, "change", change, unit)));
                if let Some(p) = change_pct {
                    figures.push(ranked_fig(over(s, "change_pct", p, "%")));
                }
            }
        }
        Operation::Rank => {
            // Added up over the span when the measure adds up, else at the span's last period.
            let last = series
                .iter()
                .filter_map(|s| s.points.last())
                .max_by(|a, b| a.t.total_cmp(&b.t))
                .expect("a point")
                .clone();
            let mut ranked: Vec<(&Series, f64)> = series
                .iter()
                .filter_map(|s| {
                    if ask.additive {
                        Some((*s, s.points.iter().map(|p| p.value).sum()))
                    } else {
                        s.points
                            .iter()
                            .find(|p| p.period == last.period)
                            .map(|p| (*s, p.value))
                    }
                })
                .collect();
            ranked.sort_by(|a, b| {
                if ask.lowest {
                    a.1.total_cmp(&b.1)
                } else {
                    b.1.total_cmp(&a.1)
                }
                .then_with(|| a.0.name.cmp(&b.0.name))
            });
            let total: f64 = ranked.iter().map(|r| r.1).sum();
            let period = if ask.additive {
                span_of(&series.iter().map(|s| (*s).clone()).collect::<Vec<_>>())
            } else {
                last.period.clone()
            };
            let n = ask.count.unwrap_or(ranked.len()).max(1);
            for (i, (s, v)) in ranked.into_iter().take(n).enumerate() {
                figures.push(Figure {
                    series: s.name.clone(),
                    measure: "value",
                    period: period.clone(),
                    value: v,
                    unit: unit.to_string(),
                    rank: Some(i + 1),
                    against: None,
                    label: String::new(),
                });
                if total > 0.0 {
                    figures.push(Figure {
                        series: s.name.clone(),
                        measure: "share_pct",
                        period: period.clone(),
                        value: v / total * 100.0,
                        unit: "%".into(),
                        rank: Some(i + 1),
                        against: Some("the ranked series".into()),
                        label: String::new(),
                    });
                }
            }
        }
        Operation::Threshold => {
            let Some(level) = ask.level else {
                return Err(Refusal("a threshold needs a level".into()));
            };
            for s in &series {
                let hit = s.points.iter().find(|p| {
                    if ask.lowest {
                        p.value <= level
                    } else {
                        p.value >= level
                    }
                });
                match hit {
                    Some(p) => figures.push(fig(s, "reached", p)),
                    None => notes.push(format!(
                        "{} never {} {} {unit} in {}.",
                        s.name,
                        if ask.lowest { "fell to" } else { "reached" },
                        crate::tools::fmt_thousands(
                            level,
                            if level.fract() == 0.0 { 0 } else { 2 }
                        ),
                        series_span(s)
                    )),
                }
            }
        }
    }
    let owned: Vec<Series> = series.iter().map(|s| (*s).clone()).collect();
    Ok(Computed {
        operation: op,
        figures,
        span: span_of(&owned),
        notes,
    })
}

/// The operation a tool's arguments ask for, with what it needs: `order` is `highest`
/// (default) or `lowest`; `level_field` names the level's argument in errors.
pub fn from_args(
    operation: Option<Operation>,
    count: Option<i32>,
    order: Option<&str>,
    rank_by: Option<&str>,
    level: Option<f64>,
    additive: bool,
    level_field: &str,
) -> Result<Option<(Operation, Ask)>, String> {
    let Some(op) = operation else {
        return Ok(None);
    };
    let lowest = match order.map(str::to_ascii_lowercase).as_deref() {
        None | Some("") | Some("highest") | Some("desc") | Some("descending") => false,
        Some("lowest") | Some("asc") | Some("ascending") => true,
        Some(other) => return Err(format!("unknown order {other:?} (highest or lowest)")),
    };
    if op == Operation::Threshold && level.is_none_or(|l| !l.is_finite()) {
        return Err(format!(
            "a threshold needs {level_field}, the level to reach"
        ));
    }
    Ok(Some((
        op,
        Ask {
            count: count.map(|c| c.max(1) as usize),
            lowest,
            level,
            whole: None,
            additive,
            by: RankBy::parse(rank_by)?,
        },
    )))
}

/// The schema of the arguments every data tool takes for its operation; `operation_help` says
/// what each operation means for the dataset.
pub fn property(
    field: &str,
    operation_help: &str,
    level_field: &str,
    level_help: &str,
) -> Option<Value> {
    Some(match field {
        "operation" => json!({"type": "string", "enum": Operation::names(),
            "description": format!("what to compute; the result's `computed` holds every figure with its unit and period: state those figures, never your own arithmetic. {operation_help}")}),
        "count" => json!({"type": "integer", "description": "rank: how many to list"}),
        "order" => json!({"type": "string", "enum": ["highest", "lowest"],
            "description": "rank: from the highest (default) or the lowest; threshold: reaching the level from below (default) or falling to it"}),
        "rank_by" => json!({"type": "string", "enum": RankBy::NAMES,
            "description": "rank: by each series' figure (value, default), or by its change from the first to the last period asked (change; change_pct in %: with order lowest, the largest falls first)"}),
        f if f == level_field => json!({"type": "number", "description": level_help}),
        _ => return None,
    })
}

/// A computed result for a model: figures rounded as answers state them (MW to 0.1, the rest to
/// 0.01, prices to 0.001).
pub fn for_model(c: &Computed) -> Value {
    let figures: Vec<Value> = c
        .figures
        .iter()
        .map(|f| {
            let mut f = f.clone();
            let places = match f.unit.as_str() {
                "MW" => 1,
                "%" | "% a year" | "times" => 2,
                _ => 3,
            };
            let p = 10f64.powi(places);
            f.value = (f.value * p).round() / p;
            json!(f)
        })
        .collect();
    json!({"operation": c.operation, "span": c.span, "figures": figures, "notes": c.notes})
}

/// A result of `result` for a model: the computed figures, or why they could not be.
pub fn result_for_model(result: Option<Result<Computed, Refusal>>) -> Option<Value> {
    match result? {
        Ok(c) => Some(for_model(&c)),
        Err(why) => Some(json!({"error": why.0})),
    }
}

impl Computed {
    /// Add `c`, computed over another group of series (another unit or metric), to `all`.
    pub fn merge(all: &mut Option<Computed>, c: Computed) {
        match all {
            None => *all = Some(c),
            Some(a) => {
                a.figures.extend(c.figures);
                a.notes.extend(c.notes);
            }
        }
    }

    /// The figure of `series` measured as `measure`.
    pub fn get(&self, series: &str, measure: &str) -> Option<&Figure> {
        self.figures
            .iter()
            .find(|f| f.series == series && f.measure == measure)
    }

    /// The figures of one measure, in order.
    pub fn all<'a>(&'a self, measure: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.measure == measure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Any;
    impl Dataset for Any {
        fn allows(_: Operation) -> Result<(), &'static str> {
            Ok(())
        }
        fn series_add_up(_: &[&str]) -> bool {
            true
        }
    }

    fn yearly(name: &str, v: &[(i32, f64)]) -> Series {
        Series::new(
            name,
            v.iter()
                .map(|(y, x)| Point {
                    period: y.to_string(),
                    t: f64::from(*y),
                    value: *x,
                    label: String::new(),
                })
                .collect(),
        )
    }

    fn one(op: Operation, s: &[Series], ask: &Ask) -> Computed {
        compute::<Any>(op, s, "MW", ask).expect("computed")
    }

    #[test]
    fn every_operation_computes_the_figures_of_the_rows() {
        let it = yearly(
            "Italy",
            &[
                (2020, 800.0),
                (2021, 1000.0),
                (2022, 2500.0),
                (2023, 2500.0),
            ],
        );
        let es = yearly(
            "Spain",
            &[
                (2020, 3000.0),
                (2021, 4000.0),
                (2022, 5000.0),
                (2023, 8000.0),
            ],
        );
        let world = yearly("World", &[(2023, 40000.0)]);
        let additive = Ask {
            additive: true,
            ..Ask::default()
        };
        let max = one(Operation::Max, std::slice::from_ref(&it), &additive);
        // A tie keeps the first year the record was set.
        assert_eq!(max.figures[0].period, "2022");
        assert_eq!(max.span, "2020–2023");
        let min = one(Operation::Min, std::slice::from_ref(&it), &additive);
        assert_eq!(
            (min.figures[0].period.as_str(), min.figures[0].value),
            ("2020", 800.0)
        );
        let avg = one(Operation::Average, std::slice::from_ref(&it), &additive);
        assert_eq!(avg.figures[0].value, 1700.0);
        let sum = one(Operation::Sum, std::slice::from_ref(&it), &additive);
        assert_eq!(sum.figures[0].value, 6800.0);
        let ch = one(Operation::Change, std::slice::from_ref(&es), &additive);
        assert_eq!(ch.get("Spain", "change").unwrap().value, 5000.0);
        assert!((ch.get("Spain", "change_pct").unwrap().value - 166.666_666).abs() < 1e-3);
        let cagr = ch.get("Spain", "cagr_pct").unwrap().value;
        assert!((cagr - ((8000.0f64 / 3000.0).powf(1.0 / 3.0) - 1.0) * 100.0).abs() < 1e-9);
        let cmp = one(Operation::Compare, &[es.clone(), it.clone()], &additive);
        assert_eq!(cmp.get("Spain", "ratio").unwrap().value, 3.2);
        assert_eq!(cmp.get("Spain", "difference").unwrap().value, 5500.0);
        let share = one(
            Operation::Share,
            &[es.clone(), world.clone()],
            &Ask {
                whole: Some("World".into()),
                ..Ask::default()
            },
        );
        assert_eq!(share.get("Spain", "share_pct").unwrap().value, 20.0);
        let two = one(
            Operation::Share,
            &[es.clone(), it.clone(), world.clone()],
            &Ask {
                whole: Some("World".into()),
                ..Ask::default()
            },
        );
        assert_eq!(two.get("", "total").unwrap().value, 10500.0);
        assert_eq!(two.get("", "share_pct").unwrap().value, 26.25);
        let th = one(
            Operation::Threshold,
            &[it.clone(), es.clone()],
            &Ask {
                level: Some(2000.0),
                ..Ask::default()
            },
        );
        assert_eq!(th.get("Italy", "reached").unwrap().period, "2022");
        assert_eq!(th.get("Spain", "reached").unwrap().period, "2020");
        let never = one(
            Operation::Threshold,
            std::slice::from_ref(&it),
            &Ask {
                level: Some(9000.0),
                ..Ask::default()
            },
        );
        assert!(never.figures.is_empty());
        assert_eq!(
            never.notes,
            vec!["Italy never reached 9,000 MW in 2020–2023."]
        );
        // Added up over the span when the measure adds up, else at the last period.
        let rank = one(
            Operation::Rank,
            &[it.clone(), es.clone()],
            &Ask {
                count: Some(1),
                ..additive.clone()
            },
        );
        assert_eq!(rank.all("value").count(), 1);
        assert_eq!(rank.figures[0].series, "Spain");
        assert_eq!(rank.figures[0].value, 20000.0);
        let low = one(
            Operation::Rank,
            &[it.clone(), es.clone()],
            &Ask {
                lowest: true,
                ..Ask::default()
            },
        );
        assert_eq!(
            low.all("value")
                .map(|f| (f.series.as_str(), f.value))
                .collect::<Vec<_>>(),
            vec![("Italy", 2500.0), ("Spain", 8000.0)]
        );
        let both = one(Operation::Lookup, &[it.clone(), es.clone()], &additive);
        assert_eq!(both.get("", "total").unwrap().value, 10500.0);
        assert_eq!(ch.get("Spain", "ratio").unwrap().value, 8000.0 / 3000.0);
        let first = one(Operation::First, std::slice::from_ref(&it), &additive);
        assert_eq!(first.figures[0].value, 800.0);
        let latest = one(Operation::Latest, std::slice::from_ref(&it), &additive);
        assert_eq!(latest.figures[0].period, "2023");
        assert_eq!(
            one(Operation::Series, std::slice::from_ref(&it), &additive)
                .figures
                .len(),
            4
        );
    }

    #[test]
    fn a_ranking_by_change_orders_by_the_change_asked() {
        let s = [
            yearly("A", &[(2023, 100.0), (2024, 150.0)]),
            yearly("B", &[(2023, 10.0), (2024, 30.0)]),
            yearly("C", &[(2023, 200.0), (2024, 120.0)]),
            yearly("D", &[(2024, 500.0)]),
        ];
        let by = |by: RankBy, lowest: bool| Ask {
            by,
            lowest,
            ..Ask::default()
        };
        let order = |c: &Computed, m: &str| -> Vec<(String, f64)> {
            c.all(m).map(|f| (f.series.clone(), f.value)).collect()
        };
        // In MW: A +50, B +20, C -80; D has one year and is noted, not ranked.
        let c = one(Operation::Rank, &s, &by(RankBy::Change, false));
        assert_eq!(
            order(&c, "change"),
            [("A".into(), 50.0), ("B".into(), 20.0), ("C".into(), -80.0)]
        );
        assert!(
            c.notes
                .iter()
                .any(|n| n.starts_with("D has a figure for 2024 only"))
        );
        assert_eq!(c.get("C", "first").map(|f| f.value), Some(200.0));
        // In %: B +200 %, A +50 %, C -40 %; from the lowest, the largest fall first.
        let c = one(Operation::Rank, &s, &by(RankBy::ChangePct, true));
        let pct = order(&c, "change_pct");
        assert_eq!(pct[0].0, "C");
        assert!((pct[0].1 + 40.0).abs() < 1e-9 && pct[2].0 == "B");
        assert_eq!(c.get("B", "change_pct").and_then(|f| f.rank), Some(3));
        // A count cuts the list; the tool argument names the order.
        let c = one(
            Operation::Rank,
            &s,
            &Ask {
                count: Some(1),
                ..by(RankBy::Change, false)
            },
        );
        assert_eq!(order(&c, "change").len(), 1);
        assert_eq!(RankBy::parse(Some("change_pct")), Ok(RankBy::ChangePct));
        assert!(RankBy::parse(Some("speed")).is_err());
    }

    #[test]
    fn what_cannot_be_computed_is_refused_or_noted() {
        let it = yearly("Italy", &[(2023, 10.0)]);
        assert!(
            compute::<Any>(
                Operation::Sum,
                std::slice::from_ref(&it),
                "MW",
                &Ask::default()
            )
            .is_err()
        );
        assert!(
            compute::<Any>(
                Operation::Compare,
                std::slice::from_ref(&it),
                "MW",
                &Ask::default()
            )
            .is_err()
        );
        assert!(
            compute::<Any>(
                Operation::Threshold,
                std::slice::from_ref(&it),
                "MW",
                &Ask::default()
            )
            .is_err()
        );
        let ch = compute::<Any>(
            Operation::Change,
            std::slice::from_ref(&it),
            "MW",
            &Ask::default(),
        )
        .unwrap();
        assert!(ch.figures.is_empty() && ch.notes.len() == 1);
        assert!(
            compute::<Any>(
                Operation::Lookup,
                &[yearly("Empty", &[])],
                "MW",
                &Ask::default()
            )
            .is_err()
        );
        struct NoShares;
        impl Dataset for NoShares {
            fn allows(op: Operation) -> Result<(), &'static str> {
                match op {
                    Operation::Share => Err("a price is not a part of a whole"),
                    _ => Ok(()),
                }
            }
            fn series_add_up(_: &[&str]) -> bool {
                false
            }
        }
        let two = [yearly("A", &[(2023, 1.0)]), yearly("B", &[(2023, 2.0)])];
        let lookup = compute::<NoShares>(Operation::Lookup, &two, "USD", &Ask::default()).unwrap();
        assert!(lookup.get("", "total").is_none());
        let r = compute::<NoShares>(
            Operation::Share,
            std::slice::from_ref(&it),
            "USD",
            &Ask::default(),
        );
        assert_eq!(r.unwrap_err().0, "a price is not a part of a whole");
        for op in Operation::ALL {
            let v: Operation = serde_json::from_value(serde_json::json!(op.name())).unwrap();
            assert_eq!(v, op);
        }
    }
}

//! The plot object of streaming.md §10, built from tool results (never from generated code).

use serde_json::{Map, Value, json};

use super::ToolError;

/// Series colours, in order (§10.3).
pub const PALETTE: [&str; 5] = ["#EB8F47", "#000A55", "#949CFF", "#C5C5C5", "#E5A342"];

/// Stack colours by connection (§10.3).
pub fn stack_color(stack: &str) -> &'static str {
    match stack {
        "Centralised" => "#000A55",
        "Distributed" => "#EB8F47",
        _ => "#949CFF",
    }
}

/// Serialized plots stay under this many bytes (§10.4, §5).
pub const MAX_PLOT_BYTES: usize = 32 * 1024;

/// The pieces every plot has.
pub struct PlotSpec {
    pub plot_type: &'static str,
    pub title: String,
    pub description: Option<String>,
    pub x_axis_label: String,
    pub y_axis_label: String,
    pub unit: String,
    pub source: String,
    pub tool: &'static str,
    pub arguments: Value,
    pub filters_applied: Option<Value>,
    pub notes: Vec<String>,
}

/// One entry of `series_info` per series name, coloured in order; `extra` adds keys (price
/// charts add description, region and item).
pub fn series_info(names: &[String], extra: impl Fn(&str) -> Map<String, Value>) -> Vec<Value> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut m = Map::new();
            m.insert("name".into(), json!(n));
            m.insert("color".into(), json!(PALETTE[i % PALETTE.len()]));
            for (k, v) in extra(n) {
                m.insert(k, v);
            }
            Value::Object(m)
        })
        .collect()
}

/// Round to `d` decimals (values are sent as numbers).
pub fn round(v: f64, d: i32) -> f64 {
    let f = 10f64.powi(d);
    (v * f).round() / f
}

/// "15.0 GW" for 15,000 MW; MW below 1 GW.
pub fn format_mw(mw: f64) -> String {
    if mw.abs() >= 1000.0 {
        format!("{:.1} GW", mw / 1000.0)
    } else {
        format!("{:.0} MW", mw)
    }
}

/// Assemble the plot object. Points whose numbers are not finite are dropped; `None` when no
/// point is left (the React app shows an error box for empty data). A plot whose JSON exceeds
/// [`MAX_PLOT_BYTES`] is thinned evenly per series (the first and last point of each stay), with
/// a note saying so; one that still does not fit is refused with [`ToolError::PlotTooLarge`],
/// which the model or the built-in provider reports instead of the chart.
pub fn build(
    spec: PlotSpec,
    data: Vec<Value>,
    series_info: Vec<Value>,
    stack: Option<(&str, Vec<Value>)>,
) -> Result<Option<Value>, ToolError> {
    let data: Vec<Value> = data.into_iter().filter(all_finite).collect();
    if data.is_empty() {
        return Ok(None);
    }
    let mut plot = assemble(spec, series_info, stack);
    plot["data"] = Value::Array(data);
    fit(plot).map(Some)
}

/// Thin `plot` until it fits in [`MAX_PLOT_BYTES`], or refuse it.
fn fit(mut plot: Value) -> Result<Value, ToolError> {
    let full = size(&plot);
    if full <= MAX_PLOT_BYTES {
        return Ok(plot);
    }
    let data = match plot["data"].take() {
        Value::Array(d) => d,
        _ => Vec::new(),
    };
    // Indices of each series' points, in order.
    let mut series: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, p) in data.iter().enumerate() {
        let name = p["series"].as_str().unwrap_or("").to_string();
        match series.iter_mut().find(|(n, _)| *n == name) {
            Some((_, idx)) => idx.push(i),
            None => series.push((name, vec![i])),
        }
    }
    let longest = series.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let mut per_series = longest;
    let mut current = full;
    while per_series > 2 {
        // Aim a little under the limit: the points are not all the same size.
        let ratio = MAX_PLOT_BYTES as f64 * 0.9 / current as f64;
        per_series = ((per_series as f64 * ratio).floor() as usize).clamp(2, per_series - 1);
        let mut keep = vec![false; data.len()];
        for (_, idx) in &series {
            for i in thin(idx, per_series) {
                keep[i] = true;
            }
        }
        let kept: Vec<Value> = data
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(p, _)| p.clone())
            .collect();
        let note = format!(
            "Thinned to {} of {} points to keep the chart under {} KB.",
            kept.len(),
            data.len(),
            MAX_PLOT_BYTES / 1024
        );
        let mut candidate = plot.clone();
        candidate["data"] = Value::Array(kept);
        add_note(&mut candidate, note);
        current = size(&candidate);
        if current <= MAX_PLOT_BYTES {
            return Ok(candidate);
        }
    }
    Err(ToolError::PlotTooLarge(format!(
        "the chart would be {} KB, over the {} KB limit for a chart: narrow the selection (fewer series, items or years)",
        current.div_ceil(1024),
        MAX_PLOT_BYTES / 1024
    )))
}

fn add_note(plot: &mut Value, note: String) {
    match plot.get_mut("notes").and_then(Value::as_array_mut) {
        Some(n) => n.push(json!(note)),
        None => plot["notes"] = json!([note]),
    }
    let joined = match plot["metadata"]["notes"].as_str() {
        Some(n) => format!("{n} {note}"),
        None => note,
    };
    plot["metadata"]["notes"] = json!(joined);
}

/// The plot object without its data.
fn assemble(spec: PlotSpec, series_info: Vec<Value>, stack: Option<(&str, Vec<Value>)>) -> Value {
    let mut metadata = json!({
        "source": spec.source,
        "generated_at": chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "query": {"tool": spec.tool, "arguments": spec.arguments},
    });
    if !spec.notes.is_empty() {
        metadata["notes"] = json!(spec.notes.join(" "));
    }
    let (stack_by, stack_info) = match stack {
        Some((by, info)) => (json!(by), json!(info)),
        None => (Value::Null, Value::Null),
    };
    let mut plot = json!({
        "plot_type": spec.plot_type,
        "title": spec.title,
        "description": spec.description,
        "x_axis_label": spec.x_axis_label,
        "y_axis_label": spec.y_axis_label,
        "unit": spec.unit,
        "data": [],
        "series_info": series_info,
        "stack_by": stack_by,
        "stack_info": stack_info,
        "filters_applied": spec.filters_applied,
        "metadata": metadata,
        "success": true,
    });
    if !spec.notes.is_empty() {
        plot["notes"] = json!(spec.notes);
    }
    plot
}

/// A point is kept when its numbers are finite. serde_json turns NaN and infinities into
/// `null`, so a numeric key holding `null` is a dropped number too.
fn all_finite(p: &Value) -> bool {
    const NUMERIC: [&str; 7] = ["value", "q1", "q2", "q3", "min", "max", "share"];
    p.as_object().is_some_and(|o| {
        o.iter().all(|(k, v)| {
            if NUMERIC.contains(&k.as_str()) {
                v.as_f64().is_some_and(f64::is_finite)
            } else {
                !v.is_number() || v.as_f64().is_some_and(f64::is_finite)
            }
        })
    })
}

/// Keep every `step`-th element so that at most `max` remain, always keeping the last.
pub fn thin<T: Clone>(items: &[T], max: usize) -> Vec<T> {
    if items.len() <= max || max < 2 {
        return items.to_vec();
    }
    let step = (items.len() - 1) as f64 / (max - 1) as f64;
    (0..max)
        .map(|i| items[((i as f64 * step).round() as usize).min(items.len() - 1)].clone())
        .collect()
}

/// The serialized size of a plot.
pub fn size(plot: &Value) -> usize {
    serde_json::to_vec(plot)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_ends() {
        let v: Vec<i32> = (0..101).collect();
        let t = thin(&v, 11);
        assert_eq!(t.len(), 11);
        assert_eq!(t[0], 0);
        assert_eq!(t[10], 100);
        assert_eq!(thin(&v[..5], 10).len(), 5);
    }

    #[test]
    fn empty_or_non_finite_data_is_no_plot() {
        let spec = || PlotSpec {
            plot_type: "bar",
            title: "t".into(),
            description: None,
            x_axis_label: String::new(),
            y_axis_label: "y".into(),
            unit: "MW".into(),
            source: "s".into(),
            tool: "chart_market_data",
            arguments: json!({}),
            filters_applied: None,
            notes: vec![],
        };
        assert!(build(spec(), vec![], vec![], None).unwrap().is_none());
        // serde_json turns NaN into null, which is not a number: the point is kept only when
        // its numbers are finite.
        let p = build(
            spec(),
            vec![
                json!({"category": "2020", "series": "a", "value": 1.5}),
                json!({"category": "2021", "series": "a", "value": f64::NAN}),
            ],
            vec![],
            None,
        )
        .unwrap()
        .unwrap();
        assert_eq!(p["data"].as_array().unwrap().len(), 1);
        assert_eq!(p["success"], true);
        assert_eq!(p["metadata"]["query"]["tool"], "chart_market_data");
        assert_eq!(format_mw(15000.0), "15.0 GW");
        assert_eq!(format_mw(420.4), "420 MW");
    }

    fn line_spec() -> PlotSpec {
        PlotSpec {
            plot_type: "line",
            title: "Prices".into(),
            description: None,
            x_axis_label: String::new(),
            y_axis_label: "Price (US$/Wp)".into(),
            unit: "US$/Wp".into(),
            source: "s".into(),
            tool: "chart_prices",
            arguments: json!({}),
            filters_applied: None,
            notes: vec!["Synthetic sample data.".into()],
        }
    }

    #[test]
    fn an_oversized_plot_is_thinned_per_series_under_the_limit() {
        let series = ["a", "b", "c"];
        let data: Vec<Value> = series
            .iter()
            .flat_map(|s| {
                (0..600).map(move |i| {
                    json!({"date": format!("day {i:04}"), "series": format!("{s} {}", "x".repeat(40)), "value": i as f64})
                })
            })
            .collect();
        let p = build(line_spec(), data, vec![], None).unwrap().unwrap();
        assert!(size(&p) <= MAX_PLOT_BYTES, "{}", size(&p));
        let points = p["data"].as_array().unwrap();
        assert!(points.len() > 60, "thinned, not emptied: {}", points.len());
        for s in series {
            let dates: Vec<&str> = points
                .iter()
                .filter(|d| d["series"].as_str().unwrap().starts_with(s))
                .map(|d| d["date"].as_str().unwrap())
                .collect();
            assert_eq!(
                dates.first(),
                Some(&"day 0000"),
                "each series keeps its ends"
            );
            assert_eq!(dates.last(), Some(&"day 0599"));
        }
        let notes = p["notes"].as_array().unwrap();
        assert_eq!(notes[0], "Synthetic sample data.");
        assert!(
            notes[1].as_str().unwrap().starts_with("Thinned to "),
            "{notes:?}"
        );
        assert!(
            p["metadata"]["notes"]
                .as_str()
                .unwrap()
                .contains("under 32 KB")
        );
    }

    #[test]
    fn a_plot_that_cannot_be_thinned_enough_is_refused() {
        // one point in each of 2,000 series: nothing to thin
        let data: Vec<Value> = (0..2000)
            .map(|i| json!({"category": format!("c{i}"), "series": format!("series {i}"), "value": 1.0}))
            .collect();
        match build(line_spec(), data, vec![], None) {
            Err(ToolError::PlotTooLarge(why)) => {
                assert!(why.contains("over the 32 KB limit"), "{why}")
            }
            other => panic!("not refused: {other:?}"),
        }
    }
}

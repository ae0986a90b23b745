//! The plot object of streaming.md §10, built from tool results (never from generated code).

use serde_json::{Map, Value, json};

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
/// point is left (the React app shows an error box for empty data).
pub fn build(
    spec: PlotSpec,
    data: Vec<Value>,
    series_info: Vec<Value>,
    stack: Option<(&str, Vec<Value>)>,
) -> Option<Value> {
    let data: Vec<Value> = data.into_iter().filter(all_finite).collect();
    if data.is_empty() {
        return None;
    }
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
        "data": data,
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
    Some(plot)
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
        assert!(build(spec(), vec![], vec![], None).is_none());
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
        .unwrap();
        assert_eq!(p["data"].as_array().unwrap().len(), 1);
        assert_eq!(p["success"], true);
        assert_eq!(p["metadata"]["query"]["tool"], "chart_market_data");
        assert_eq!(format_mw(15000.0), "15.0 GW");
        assert_eq!(format_mw(420.4), "420 MW");
    }
}

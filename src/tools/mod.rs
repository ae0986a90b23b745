//! Tools: the only way an agent touches data or the user interface. Typed, validated arguments;
//! parameterised queries; no model-written query or code is ever executed.

pub mod args;
pub mod charts;
pub mod documents;
pub mod expert;
pub mod financials;
pub mod market;
pub mod names;
pub mod prices;
pub mod vocab;

use serde_json::Value;

use crate::app::AppState;
use crate::llm::ToolSpec;

/// What a tool does besides answering the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A chart for the user (streaming.md §10).
    Plot(Value),
    /// An offer to contact a human expert (streaming.md §11).
    ExpertOffer { user_asked: bool },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToolOutput {
    /// The result text handed back to the model.
    pub for_model: String,
    pub effects: Vec<Effect>,
}

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error("unknown tool {0}")]
    Unknown(String),
    #[error("invalid arguments: {0}")]
    Arguments(String),
    #[error("{0}")]
    Failed(String),
    /// A chart over `charts::MAX_PLOT_BYTES` even after thinning.
    #[error("{0}")]
    PlotTooLarge(String),
    /// Valid filters that select nothing: the message says what the data does hold, so that the
    /// model corrects the call or says the data cannot answer, and never invents a figure.
    #[error("no data: {0}")]
    NoData(String),
}

impl ToolError {
    /// A database failure: logged in full, reported to the model without internals.
    pub fn db(e: sqlx::Error) -> ToolError {
        tracing::error!(error = %e, "tool query failed");
        ToolError::Failed("the data could not be read".into())
    }
}

/// The context a tool runs in.
pub struct ToolContext<'a> {
    pub state: &'a AppState,
    pub conversation_id: i64,
    /// The agent running the tool: document search is bound to its collection.
    pub agent_id: &'a str,
}

/// The specifications of the named tools that exist, for the model.
pub fn specs(names: &[&str]) -> Vec<ToolSpec> {
    names.iter().filter_map(|n| spec(n)).collect()
}

fn spec(name: &str) -> Option<ToolSpec> {
    match name {
        expert::NAME => Some(expert::spec()),
        market::QUERY => Some(market::query_spec()),
        market::CHART => Some(market::chart_spec()),
        prices::QUERY => Some(prices::query_spec()),
        prices::CHART => Some(prices::chart_spec()),
        financials::QUERY => Some(financials::query_spec()),
        financials::CHART => Some(financials::chart_spec()),
        documents::NAME => Some(documents::spec()),
        _ => None,
    }
}

/// Run a tool with the model's JSON arguments.
pub async fn run(
    name: &str,
    arguments: &str,
    ctx: &ToolContext<'_>,
) -> Result<ToolOutput, ToolError> {
    let args: Value = serde_json::from_str(if arguments.trim().is_empty() {
        "{}"
    } else {
        arguments
    })
    .map_err(|e| ToolError::Arguments(e.to_string()))?;
    let state = ctx.state;
    let text = |s: String| ToolOutput {
        for_model: s,
        effects: vec![],
    };
    match name {
        expert::NAME => expert::run(&args),
        market::QUERY | market::CHART => {
            let a: market::MarketArgs = typed(args)?;
            let v = vocab::get(state).await?;
            let names = &v.territories;
            let chart = name == market::CHART;
            let stacked = chart
                && a.plot_type
                    .as_deref()
                    .is_some_and(|p| p.starts_with("stacked"));
            let r = market::resolve(&a, names, stacked)?;
            let plot_type = if chart {
                Some(market::plot_type(&a, &r)?)
            } else {
                None
            };
            let r = match plot_type {
                Some("stacked_bar") => market::resolve(&a, names, true)?,
                _ => r,
            };
            let Some(res) = market::query(state, &r).await? else {
                return Err(market::no_rows(state, &r).await);
            };
            match plot_type {
                None => Ok(text(market::for_model(&res))),
                Some(pt) => Ok(plotted(
                    market::chart(&res, &a, pt)?,
                    market::for_model(&res),
                )),
            }
        }
        prices::QUERY | prices::CHART => {
            let a: prices::PriceArgs = typed(args)?;
            let v = vocab::get(state).await?;
            let f = prices::resolve(&a, &v.prices)?;
            let Some(res) = prices::query(state, &f).await? else {
                return Err(prices::no_rows(state, &f).await);
            };
            if name == prices::QUERY {
                Ok(text(prices::for_model(&res)))
            } else {
                Ok(plotted(prices::chart(&res, &a)?, prices::for_model(&res)))
            }
        }
        financials::QUERY | financials::CHART => {
            let a: financials::FinArgs = typed(args)?;
            let v = vocab::get(state).await?;
            let q = financials::resolve(&a, &v.financials)?;
            let Some(res) = financials::query(state, &q).await? else {
                return Err(financials::no_rows(state, &q).await);
            };
            if name == financials::QUERY {
                Ok(text(financials::for_model(&res)))
            } else {
                Ok(plotted(
                    financials::chart(&res, &a)?,
                    financials::for_model(&res),
                ))
            }
        }
        documents::NAME => {
            let a: documents::SearchArgs = typed(args)?;
            let res = documents::search(state, ctx.agent_id, &a).await?;
            Ok(text(documents::for_model(&res)))
        }
        other => Err(ToolError::Unknown(other.to_string())),
    }
}

fn typed<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ToolError> {
    serde_json::from_value(v).map_err(|e| ToolError::Arguments(e.to_string()))
}

/// A chart tool's output: the plot for the user, and the rows behind it for the model.
fn plotted(plot: Option<Value>, rows: String) -> ToolOutput {
    match plot {
        Some(p) => ToolOutput {
            for_model: format!(
                "The chart \"{}\" was shown to the user. Its data: {rows}",
                p["title"].as_str().unwrap_or("")
            ),
            effects: vec![Effect::Plot(p)],
        },
        None => ToolOutput {
            for_model: "Nothing to chart: every value is zero or missing.".into(),
            effects: vec![],
        },
    }
}

/// Thousands separators: 12345.6 → "12,346" with 0 decimals.
pub fn fmt_thousands(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if v < 0.0 && out.chars().any(|c| c != '0' && c != '.' && c != ',') {
        out.insert(0, '-');
    }
    out
}

/// Lenient argument shapes: models send `"2023"` for 2023 and `"Italy"` for `["Italy"]`.
pub mod lenient {
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Null => vec![],
            Value::String(s) if s.trim().is_empty() => vec![],
            Value::String(s) => vec![s],
            Value::Array(a) => a
                .into_iter()
                .filter_map(|v| match v {
                    Value::String(s) if !s.trim().is_empty() => Some(s),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect(),
            Value::Number(n) => vec![n.to_string()],
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a string or a list, found {other}"
                )));
            }
        })
    }

    pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
                .and_then(|v| i32::try_from(v).ok())
                .map(Some)
                .ok_or_else(|| {
                    serde::de::Error::custom(format!("expected a whole number, found {n}"))
                }),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => s.trim().parse().map(Some).map_err(|_| {
                serde::de::Error::custom(format!("expected a whole number, found {s:?}"))
            }),
            other => Err(serde::de::Error::custom(format!(
                "expected a whole number, found {other}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands() {
        assert_eq!(fmt_thousands(1234567.4, 0), "1,234,567");
        assert_eq!(fmt_thousands(999.0, 0), "999");
        assert_eq!(fmt_thousands(-1500.26, 1), "-1,500.3");
        assert_eq!(fmt_thousands(0.4, 0), "0");
    }

    #[test]
    fn lenient_arguments() {
        let a: market::MarketArgs =
            serde_json::from_value(serde_json::json!({"territory": "Italy", "year": "2023"}))
                .unwrap();
        assert_eq!(a.territory, vec!["Italy"]);
        assert_eq!(a.year, Some(2023));
        let e = serde_json::from_value::<market::MarketArgs>(serde_json::json!({"year": "soon"}));
        assert!(e.is_err());
    }
}

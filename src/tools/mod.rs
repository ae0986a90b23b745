//! Tools: the only way an agent touches data or the user interface. Typed, validated arguments;
//! parameterised queries; no model-written query or code is ever executed.

pub mod analytic;
pub mod args;
pub mod charts;
pub mod documents;
pub mod expert;
pub mod financials;
pub mod market;
pub mod names;
pub mod places;
pub mod prices;
pub mod vocab;

/// What an answer from the synthetic sample says about itself.
pub use crate::data::sample::NOTICE as SAMPLE_NOTICE;

use std::marker::PhantomData;
use std::sync::Arc;

use futures::future::BoxFuture;
use serde_json::Value;

pub use args::{Arguments, Mode};

use crate::config::Settings;
use crate::llm::ToolSpec;
use crate::store::Db;
use vocab::Vocabulary;

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

/// What a tool may touch: the database, the vocabulary cache, the settings it needs and the agent
/// running it. Not the application state: a tool cannot send mail or read another turn.
#[derive(Clone, Copy)]
pub struct ToolContext<'a> {
    pub db: &'a Db,
    pub vocab: &'a vocab::Cache,
    /// Weaviate for the open-questions agent, when configured.
    pub weaviate: Option<Weaviate<'a>>,
    /// The agent running the tool: document search is bound to its collection. Empty for the
    /// built-in provider's dataset answers, which search no documents.
    pub agent_id: &'a str,
    /// Where results are kept for the next identical call (`cache`); none in unit uses.
    pub cache: Option<&'a crate::cache::Cache>,
}

#[derive(Clone, Copy, Debug)]
pub struct Weaviate<'a> {
    pub url: &'a str,
    pub api_key: Option<&'a str>,
}

impl<'a> ToolContext<'a> {
    pub fn new(db: &'a Db, vocab: &'a vocab::Cache, settings: &'a Settings) -> ToolContext<'a> {
        ToolContext {
            db,
            vocab,
            weaviate: settings.weaviate_url.as_deref().map(|url| Weaviate {
                url,
                api_key: settings.weaviate_api_key.as_deref(),
            }),
            agent_id: "",
            cache: None,
        }
    }

    pub fn with_cache(self, cache: &'a crate::cache::Cache) -> ToolContext<'a> {
        ToolContext {
            cache: Some(cache).filter(|c| c.is_on()),
            ..self
        }
    }

    pub fn for_agent(self, agent_id: &'a str) -> ToolContext<'a> {
        ToolContext { agent_id, ..self }
    }

    /// The names in the loaded data (cached per data version).
    pub async fn vocabulary(&self) -> Result<Arc<Vocabulary>, ToolError> {
        vocab::get(self.db, self.vocab).await
    }
}

/// A dataset's pair of tools, `query_*` and `chart_*`, from one description of how to read it:
/// match the arguments against the data, query, explain an empty result, write the rows for the
/// model, draw the chart. The registry turns it into the two tools.
pub trait DataTool: 'static {
    type Args: Arguments;
    /// The filters after matching names against the data.
    type Resolved: Send + Sync;
    type Result: Send + Sync;

    /// Names and descriptions of the query tool and the chart tool.
    const QUERY: (&'static str, &'static str);
    const CHART: (&'static str, &'static str);

    /// Arguments that do not fit the data (or, for a chart, the chart) fail here, before any
    /// query runs.
    fn resolve(
        args: &Self::Args,
        vocab: &Vocabulary,
        mode: Mode,
    ) -> Result<Self::Resolved, ToolError>;

    /// The newest source that has rows for the filters answers; `None` when none has.
    fn query(
        ctx: &ToolContext<'_>,
        r: &Self::Resolved,
    ) -> impl Future<Output = Result<Option<Self::Result>, ToolError>> + Send;

    /// Why the query found nothing, naming what the data does hold.
    fn no_rows(ctx: &ToolContext<'_>, r: &Self::Resolved)
    -> impl Future<Output = ToolError> + Send;

    fn for_model(res: &Self::Result) -> String;

    /// The plot; `None` when nothing is left to draw.
    fn chart(res: &Self::Result, args: &Self::Args) -> Result<Option<Value>, ToolError>;
}

/// A tool as the registry holds it.
pub trait Tool: Sync {
    fn name(&self) -> &'static str;
    fn spec(&self) -> ToolSpec;
    fn run<'a>(
        &'a self,
        args: Value,
        ctx: &'a ToolContext<'a>,
    ) -> BoxFuture<'a, Result<ToolOutput, ToolError>>;
}

/// The query or the chart tool of a dataset.
pub struct Data<T>(Mode, PhantomData<fn() -> T>);

impl<T> Data<T> {
    pub const QUERY: Data<T> = Data(Mode::Query, PhantomData);
    pub const CHART: Data<T> = Data(Mode::Chart, PhantomData);
}

impl<T: DataTool> Data<T> {
    fn named(&self) -> (&'static str, &'static str) {
        match self.0 {
            Mode::Query => T::QUERY,
            Mode::Chart => T::CHART,
        }
    }
}

impl<T: DataTool> Tool for Data<T> {
    fn name(&self) -> &'static str {
        self.named().0
    }

    fn spec(&self) -> ToolSpec {
        let (name, description) = self.named();
        ToolSpec {
            name,
            description,
            parameters: T::Args::schema(self.0),
        }
    }

    fn run<'a>(
        &'a self,
        args: Value,
        ctx: &'a ToolContext<'a>,
    ) -> BoxFuture<'a, Result<ToolOutput, ToolError>> {
        Box::pin(async move {
            let a: T::Args = typed(args)?;
            let v = ctx.vocabulary().await?;
            let r = T::resolve(&a, &v, self.0)?;
            let Some(res) = T::query(ctx, &r).await? else {
                return Err(T::no_rows(ctx, &r).await);
            };
            Ok(match self.0 {
                Mode::Query => text(T::for_model(&res)),
                Mode::Chart => plotted(T::chart(&res, &a)?, T::for_model(&res)),
            })
        })
    }
}

/// Every tool, by name. The order is irrelevant: an agent's tool list orders its specs.
pub static REGISTRY: &[&dyn Tool] = &[
    &Data::<market::Market>::QUERY,
    &Data::<market::Market>::CHART,
    &Data::<prices::Prices>::QUERY,
    &Data::<prices::Prices>::CHART,
    &Data::<financials::Financials>::QUERY,
    &Data::<financials::Financials>::CHART,
    &documents::Documents,
    &expert::Expert,
];

pub fn find(name: &str) -> Option<&'static dyn Tool> {
    REGISTRY.iter().copied().find(|t| t.name() == name)
}

/// The specifications of the named tools that exist, for the model.
pub fn specs(names: &[&str]) -> Vec<ToolSpec> {
    names
        .iter()
        .filter_map(|n| find(n))
        .map(|t| t.spec())
        .collect()
}

/// [`specs`] of an agent's tool list, built once and kept: a turn held its own copy (about
/// 2 KiB of JSON values) for as long as its answer streamed. There are as many lists as agents.
pub fn agent_specs(names: &'static [&'static str]) -> &'static [ToolSpec] {
    type Built = Vec<((usize, usize), &'static [ToolSpec])>;
    static BUILT: std::sync::Mutex<Built> = std::sync::Mutex::new(Vec::new());
    let key = (names.as_ptr() as usize, names.len());
    let mut built = BUILT.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, specs)) = built.iter().find(|(k, _)| *k == key) {
        return specs;
    }
    let specs: &'static [ToolSpec] = Box::leak(specs(names).into_boxed_slice());
    built.push((key, specs));
    specs
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
    let Some(tool) = find(name) else {
        return Err(ToolError::Unknown(name.to_string()));
    };
    let Some((cache, key)) = cache_key(name, &args, ctx).await else {
        return tool.run(args, ctx).await;
    };
    if let Some(hit) = cache.get(crate::cache::Kind::Tool, &key).await
        && let Some(out) = ToolOutput::from_cached(&hit)
    {
        return Ok(out);
    }
    let out = tool.run(args, ctx).await?;
    cache.put(&key, out.to_cached()).await;
    Ok(out)
}

/// Where a call's result may be cached: a data tool or the local document search (Weaviate's
/// documents have no version here, and the expert tool's effect is the point of calling it), by
/// tool, canonical arguments, the agent's collection and the data version.
async fn cache_key<'c>(
    name: &str,
    args: &Value,
    ctx: &ToolContext<'c>,
) -> Option<(&'c crate::cache::Cache, String)> {
    let cache = ctx.cache?;
    if name == expert::NAME || (name == documents::NAME && ctx.weaviate.is_some()) {
        return None;
    }
    let (sources, newest) = crate::store::datasets::version(ctx.db).await.ok()?;
    let version = format!("{sources}/{newest}");
    let key = crate::cache::Cache::key(
        crate::cache::Kind::Tool,
        &[
            name,
            &crate::cache::canonical_json(args),
            ctx.agent_id,
            &version,
        ],
    );
    Some((cache, key))
}

impl ToolOutput {
    /// The cached form: the text for the model and the plot, if any (no other effect is cached).
    fn to_cached(&self) -> Vec<u8> {
        let plot = self.effects.iter().find_map(|e| match e {
            Effect::Plot(p) => Some(p.clone()),
            Effect::ExpertOffer { .. } => None,
        });
        serde_json::json!({"for_model": self.for_model, "plot": plot})
            .to_string()
            .into_bytes()
    }

    fn from_cached(bytes: &[u8]) -> Option<ToolOutput> {
        let v: Value = serde_json::from_slice(bytes).ok()?;
        let for_model = v.get("for_model")?.as_str()?.to_string();
        let effects = match v.get("plot") {
            Some(Value::Null) | None => vec![],
            Some(p) => vec![Effect::Plot(p.clone())],
        };
        Some(ToolOutput { for_model, effects })
    }
}

fn typed<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ToolError> {
    serde_json::from_value(v).map_err(|e| ToolError::Arguments(e.to_string()))
}

fn text(for_model: String) -> ToolOutput {
    ToolOutput {
        for_model,
        effects: vec![],
    }
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

    const NAMES: [&str; 8] = [
        "query_market_data",
        "chart_market_data",
        "query_prices",
        "chart_prices",
        "query_financials",
        "chart_financials",
        "search_documents",
        "offer_expert_contact",
    ];

    /// A tool's argument fields, and those only its chart takes.
    fn fields(name: &str) -> (Vec<&'static str>, &'static [&'static str]) {
        match name {
            "query_market_data" | "chart_market_data" => {
                (args::field_names::<market::MarketArgs>(), &["plot_type"])
            }
            "query_prices" | "chart_prices" => (
                args::field_names::<prices::PriceArgs>(),
                &["plot_type", "axis"],
            ),
            "query_financials" | "chart_financials" => {
                (args::field_names::<financials::FinArgs>(), &["plot_type"])
            }
            "search_documents" => (args::field_names::<documents::SearchArgs>(), &[]),
            "offer_expert_contact" => (args::field_names::<expert::ExpertArgs>(), &[]),
            other => panic!("no arguments type for {other}"),
        }
    }

    #[test]
    fn registry_specs_are_the_tools_with_the_fields_of_their_arguments() {
        let names: Vec<&str> = REGISTRY.iter().map(|t| t.name()).collect();
        assert_eq!(names, NAMES);
        let all = specs(&NAMES);
        assert_eq!(all.iter().map(|s| s.name).collect::<Vec<_>>(), NAMES);
        for spec in &all {
            assert_eq!(spec.parameters["type"], "object", "{}", spec.name);
            let props: Vec<&str> = spec.parameters["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{} has no properties", spec.name))
                .keys()
                .map(String::as_str)
                .collect();
            let (fields, chart_only) = fields(spec.name);
            let want: Vec<&str> = if spec.name.starts_with("query_") {
                fields
                    .iter()
                    .copied()
                    .filter(|f| !chart_only.contains(f))
                    .collect()
            } else {
                fields
            };
            assert_eq!(props, want, "{}", spec.name);
            for r in spec.parameters["required"].as_array().into_iter().flatten() {
                assert!(props.contains(&r.as_str().unwrap()), "{}: {r}", spec.name);
            }
        }
        // The argument names the model has always sent.
        assert_eq!(
            fields("chart_market_data").0,
            [
                "territory",
                "year",
                "start_year",
                "end_year",
                "scenario",
                "connection",
                "type",
                "group_by",
                "plot_type",
                "operation",
                "count",
                "order",
                "rank_by",
                "level_mw"
            ]
        );
        assert_eq!(
            fields("chart_prices").0,
            [
                "item",
                "technology",
                "region",
                "start_date",
                "end_date",
                "start_year",
                "end_year",
                "plot_type",
                "axis",
                "operation",
                "count",
                "order",
                "rank_by",
                "level"
            ]
        );
        assert_eq!(
            fields("chart_financials").0,
            [
                "company",
                "metric",
                "start_year",
                "end_year",
                "period_type",
                "plot_type",
                "operation",
                "count",
                "order",
                "rank_by",
                "level"
            ]
        );
        assert_eq!(
            fields("search_documents").0,
            ["query", "collection", "start_date", "end_date", "limit"]
        );
        assert_eq!(fields("offer_expert_contact").0, ["reason"]);
        // Every tool an agent lists is registered; an unknown name gets no spec.
        for a in &crate::domain::agents::AGENTS {
            assert_eq!(specs(a.tools).len(), a.tools.len(), "{}", a.id);
        }
        assert!(specs(&["run_sql"]).is_empty());
    }

    #[tokio::test]
    async fn every_registered_tool_is_reachable_by_run() {
        let settings = crate::config::Settings::from_map(&Default::default()).unwrap();
        let db = Db::connect_url("sqlite::memory:", &settings, None)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let cache = vocab::Cache::default();
        let ctx = ToolContext::new(&db, &cache, &settings).for_agent("weaviate");
        for tool in REGISTRY {
            let name = tool.name();
            let out = run(name, r#"{"query": "soiling"}"#, &ctx).await;
            match out {
                // The empty database: the data tools say what is missing.
                Err(ToolError::NoData(m)) => assert!(m.contains("is loaded"), "{name}: {m}"),
                Ok(out) if name == documents::NAME => {
                    assert!(
                        out.for_model.contains("\"passages\":[]"),
                        "{}",
                        out.for_model
                    )
                }
                Ok(out) if name == expert::NAME => {
                    assert_eq!(out.effects, [Effect::ExpertOffer { user_asked: false }])
                }
                other => panic!("{name}: {other:?}"),
            }
        }
        let unknown = run("run_sql", "{}", &ctx).await.unwrap_err();
        assert_eq!(unknown.to_string(), "unknown tool run_sql");
    }

    /// The specs the model receives, byte for byte as the hand-written `spec()` functions wrote
    /// them before the registry (`specs.json` was written from those). A change to a tool's
    /// description or arguments updates the file on purpose.
    #[test]
    fn specs_are_unchanged() {
        let v: Vec<Value> = specs(&NAMES)
            .into_iter()
            .map(|s| serde_json::json!({"name": s.name, "description": s.description, "parameters": s.parameters}))
            .collect();
        let now = serde_json::to_string_pretty(&v).unwrap();
        // `UPDATE_SPECS=1 cargo nextest run specs_are_unchanged` writes a deliberate change.
        if std::env::var_os("UPDATE_SPECS").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/src/tools/specs.json"),
                &now,
            )
            .unwrap();
            return;
        }
        assert_eq!(now, include_str!("specs.json"));
    }
}

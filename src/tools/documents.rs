//! `search_documents`: ranked full-text search over the document collections (SQLite FTS5 or
//! PostgreSQL full-text), or over Weaviate for the `weaviate` agent when `WEAVIATE_URL` is set.
//! The collection is the agent's own; only the open-questions agent chooses.

use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use futures::future::BoxFuture;

use super::names::norm;
use super::{Arguments, Mode, Tool, ToolContext, ToolError, ToolOutput};
use crate::domain::agents::AgentType;
use crate::llm::ToolSpec;
use crate::store::datasets::{self as ds, Hit};

pub const NAME: &str = "search_documents";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct SearchArgs {
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(
        deserialize_with = "super::lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub limit: Option<i32>,
}

impl Arguments for SearchArgs {
    const REQUIRED: &'static [&'static str] = &["query"];

    fn property(field: &str, _: Mode) -> Option<Value> {
        Some(match field {
            "query" => json!({"type": "string", "description": "keywords"}),
            "collection" => {
                json!({"type": "string", "enum": crate::data::collections().collect::<Vec<_>>(),
                "description": "only for the open-questions agent; other agents search their own collection"})
            }
            "start_date" => {
                json!({"type": "string", "description": "published on or after, YYYY-MM-DD"})
            }
            "end_date" => {
                json!({"type": "string", "description": "published on or before, YYYY-MM-DD"})
            }
            "limit" => json!({"type": "integer", "minimum": 1, "maximum": 10}),
            _ => return None,
        })
    }
}

/// The `search_documents` tool.
pub struct Documents;

impl Tool for Documents {
    fn name(&self) -> &'static str {
        NAME
    }

    fn spec(&self) -> ToolSpec {
        ToolSpec {
            name: NAME,
            description: "Search the document collection for passages (title, date, link, text), best first.",
            parameters: SearchArgs::schema(Mode::Query),
        }
    }

    fn run<'a>(
        &'a self,
        args: Value,
        ctx: &'a ToolContext<'a>,
    ) -> BoxFuture<'a, Result<ToolOutput, ToolError>> {
        Box::pin(async move {
            let a: SearchArgs = super::typed(args)?;
            let res = search(ctx, &a).await?;
            Ok(super::text(for_model(&res)))
        })
    }
}

/// The collection an agent searches; `None` for the agent that searches everything.
pub fn collection_of(agent_id: &str) -> Option<&'static str> {
    AgentType::parse(agent_id).and_then(|t| t.agent().collection)
}

const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "what",
    "which",
    "who",
    "whom",
    "how",
    "why",
    "when",
    "where",
    "about",
    "with",
    "from",
    "that",
    "this",
    "these",
    "those",
    "there",
    "their",
    "into",
    "does",
    "did",
    "have",
    "has",
    "was",
    "were",
    "will",
    "would",
    "could",
    "should",
    "can",
    "you",
    "your",
    "our",
    "any",
    "some",
    "tell",
    "give",
    "show",
    "please",
    "latest",
    "recent",
    "news",
    "know",
    "me",
    "is",
    "of",
    "in",
    "on",
    "to",
    "a",
    "an",
    "be",
    "it",
    "its",
    "by",
    "or",
    "as",
    "at",
    "do",
    "i",
    "we",
    "new",
    "much",
    "many",
    "more",
    "most",
    "than",
    "between",
    "also",
    "other",
    "all",
    "like",
    "get",
    "find",
    "search",
    "documents",
    "document",
    "il",
    "la",
    "le",
    "di",
    "del",
    "della",
    "che",
    "per",
    "con",
    "una",
    "uno",
    "gli",
    "dei",
    "sono",
    "cosa",
    "come",
];

/// Search terms of a question: words of three or more letters or digits, minus stop words.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in norm(query).split(' ') {
        if w.chars().count() < 3 && !w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if STOPWORDS.contains(&w) || out.iter().any(|o| o == w) {
            continue;
        }
        out.push(w.to_string());
        if out.len() == 12 {
            break;
        }
    }
    out
}

/// Words of the domain that nearly every passage shares: they do not make a passage relevant.
const GENERIC: &[&str] = &[
    "solar",
    "pv",
    "photovoltaic",
    "photovoltaics",
    "energy",
    "module",
    "modules",
    "panel",
    "panels",
    "market",
    "markets",
    "power",
    "plant",
    "plants",
    "system",
    "systems",
    "industry",
    "new",
    "year",
    "years",
];

/// Whether a passage addresses a question with these search terms: it mentions every distinctive
/// term when there are one or two, else at least half of them (a word counts when it shares the
/// term's first five letters, so "cleaning" meets "clean"). Generic domain words count only when
/// the question has nothing else.
pub fn addresses(terms: &[String], text: &str) -> bool {
    let words: Vec<String> = norm(text).split(' ').map(String::from).collect();
    let mentions = |t: &str| {
        let stem: String = t.chars().take(5).collect();
        words.iter().any(|w| {
            w.starts_with(&stem) || (w.chars().count() >= 4 && stem.starts_with(w.as_str()))
        })
    };
    let distinctive: Vec<&String> = terms
        .iter()
        .filter(|t| !GENERIC.contains(&t.as_str()))
        .collect();
    let pool: Vec<&String> = if distinctive.is_empty() {
        terms.iter().collect()
    } else {
        distinctive
    };
    if pool.is_empty() {
        return false;
    }
    let needed = if pool.len() <= 2 {
        pool.len()
    } else {
        pool.len().div_ceil(2)
    };
    pool.iter().filter(|t| mentions(t)).count() >= needed
}

#[derive(Clone, Debug)]
pub struct SearchResult {
    pub hits: Vec<Hit>,
    pub backend: &'static str,
    pub notes: Vec<String>,
    /// What was searched: the terms, the collections (empty: all), the publication dates.
    pub terms: Vec<String>,
    pub collections: Vec<String>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

pub async fn search(ctx: &ToolContext<'_>, args: &SearchArgs) -> Result<SearchResult, ToolError> {
    let agent_id = ctx.agent_id;
    let limit = args.limit.unwrap_or(5).clamp(1, 10) as i64;
    let date = |s: &Option<String>, name: &str| -> Result<Option<chrono::NaiveDate>, ToolError> {
        match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => crate::data::read::parse_date(s).map(Some).ok_or_else(|| {
                ToolError::Arguments(format!("{name}: expected YYYY-MM-DD, found {s:?}"))
            }),
        }
    };
    let from = date(&args.start_date, "start_date")?;
    let to = date(&args.end_date, "end_date")?;
    let collections: Vec<String> = match collection_of(agent_id) {
        Some(c) => vec![c.to_string()],
        None => match args
            .collection
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(c) => vec![c.to_string()],
            None => vec![],
        },
    };
    let terms = terms(&args.query);
    if terms.is_empty() {
        return Err(ToolError::Arguments(
            "the query has no searchable words".into(),
        ));
    }
    let mut notes = Vec::new();
    if AgentType::parse(agent_id) == Some(AgentType::Weaviate)
        && let Some(w) = ctx.weaviate
    {
        match weaviate_search(w.url, w.api_key, &terms, limit).await {
            Ok(hits) => {
                return Ok(SearchResult {
                    hits,
                    backend: "weaviate",
                    notes,
                    terms,
                    collections: vec![],
                    from: None,
                    to: None,
                });
            }
            Err(e) => {
                tracing::warn!(error = %e, "Weaviate search failed; searching the local collections");
                notes.push(
                    "Weaviate did not answer; these passages come from the local collections."
                        .into(),
                );
            }
        }
    }
    let hits = ds::search_passages(ctx.db, &terms, &collections, from, to, limit)
        .await
        .map_err(ToolError::db)?;
    Ok(SearchResult {
        hits,
        backend: "local",
        notes,
        terms,
        collections,
        from,
        to,
    })
}

/// Up to `limit` document titles of `collection` (all collections when `None`), for the
/// examples a declined question offers.
pub async fn titles(
    ctx: &ToolContext<'_>,
    collection: Option<&str>,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    ds::titles(ctx.db, collection, limit).await
}

/// A passage shortened for quoting.
pub fn excerpt(body: &str, max: usize) -> String {
    if body.chars().count() <= max {
        return body.to_string();
    }
    let cut: String = body.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// What a search ran with.
pub fn filters(res: &SearchResult) -> Value {
    json!({
        "terms": res.terms,
        "collection": if res.collections.is_empty() { json!("all") } else { json!(res.collections) },
        "published": match (res.from, res.to) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            (Some(a), None) => format!("from {a}"),
            (None, Some(b)) => format!("up to {b}"),
            (None, None) => "any date".into(),
        },
    })
}

/// The passages for the model, each with its title, date, link, collection and source file.
pub fn for_model(res: &SearchResult) -> String {
    let passages: Vec<Value> = res
        .hits
        .iter()
        .map(|h| {
            json!({"title": h.title, "date": h.published_at.map(|d| d.to_string()), "url": h.url,
                   "collection": h.collection, "source": h.source, "sample": h.is_sample,
                   "text": excerpt(&h.body, 900)})
        })
        .collect();
    let mut v = json!({"backend": res.backend, "filters": filters(res), "passages": passages, "notes": res.notes});
    if res.hits.iter().any(|h| h.is_sample) {
        v["sample_notice"] =
            json!("Passages marked sample are synthetic demonstration documents: say so.");
    }
    if res.hits.is_empty() {
        v["notes"] = json!([
            "No passage matches: try other keywords or say the documents do not cover it; never invent a source."
        ]);
    }
    v.to_string()
}

fn client() -> &'static reqwest::Client {
    static C: OnceLock<reqwest::Client> = OnceLock::new();
    C.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .expect("HTTP client")
    })
}

/// Which property of a Weaviate class plays which part.
fn pick(props: &[String], wanted: &[&str]) -> Option<String> {
    wanted
        .iter()
        .find_map(|w| props.iter().find(|p| p.eq_ignore_ascii_case(w)).cloned())
}

/// BM25 search over every Weaviate class that has a text property, merged by score.
async fn weaviate_search(
    base: &str,
    api_key: Option<&str>,
    terms: &[String],
    limit: i64,
) -> Result<Vec<Hit>, String> {
    let auth = |rb: reqwest::RequestBuilder| match api_key {
        Some(k) => rb.bearer_auth(k),
        None => rb,
    };
    let schema: Value = auth(client().get(format!("{base}/v1/schema")))
        .send()
        .await
        .map_err(|e| format!("schema: {e}"))?
        .error_for_status()
        .map_err(|e| format!("schema: {e}"))?
        .json()
        .await
        .map_err(|e| format!("schema: {e}"))?;
    // Terms are letters and digits only, so they are safe inside a GraphQL string.
    let q = terms.join(" ");
    let mut hits = Vec::new();
    for class in schema["classes"].as_array().into_iter().flatten().take(10) {
        let Some(name) = class["class"].as_str() else {
            continue;
        };
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let props: Vec<String> = class["properties"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str().map(String::from))
            .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        let Some(body) = pick(&props, &["body", "content", "text", "chunk", "passage"]) else {
            continue;
        };
        let title = pick(&props, &["title", "name", "heading"]);
        let url = pick(&props, &["url", "link", "source"]);
        let date = pick(&props, &["published_at", "date", "publishedAt"]);
        let fields: Vec<&String> = [Some(&body), title.as_ref(), url.as_ref(), date.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        let gql = format!(
            "{{ Get {{ {name}(bm25: {{query: \"{q}\"}}, limit: {limit}) {{ {} _additional {{ score }} }} }} }}",
            fields
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let resp: Value = auth(client().post(format!("{base}/v1/graphql")))
            .json(&json!({"query": gql}))
            .send()
            .await
            .map_err(|e| format!("graphql: {e}"))?
            .error_for_status()
            .map_err(|e| format!("graphql: {e}"))?
            .json()
            .await
            .map_err(|e| format!("graphql: {e}"))?;
        if let Some(errs) = resp["errors"].as_array().filter(|e| !e.is_empty()) {
            return Err(format!(
                "graphql: {}",
                errs[0]["message"].as_str().unwrap_or("error")
            ));
        }
        for obj in resp["data"]["Get"][name].as_array().into_iter().flatten() {
            let text = |k: &Option<String>| {
                k.as_ref()
                    .and_then(|k| obj[k.as_str()].as_str())
                    .map(String::from)
            };
            let Some(b) = obj[body.as_str()].as_str() else {
                continue;
            };
            let score = match &obj["_additional"]["score"] {
                Value::String(s) => s.parse().unwrap_or(0.0),
                v => v.as_f64().unwrap_or(0.0),
            };
            hits.push(Hit {
                collection: name.to_string(),
                title: text(&title).unwrap_or_else(|| name.to_string()),
                url: text(&url),
                published_at: text(&date).and_then(|d| crate::data::read::parse_date(&d)),
                body: b.to_string(),
                score,
                is_sample: false,
                source: format!("Weaviate class {name}"),
            });
        }
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    hits.truncate(limit as usize);
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_addresses_a_question_only_with_enough_of_its_words() {
        let t = terms("bifacial tracker yield study");
        assert!(addresses(
            &t,
            "Tracker yields in Spain. Bifacial modules on single-axis trackers gained 8% yield."
        ));
        assert!(!addresses(&t, "Older note. Trackers need maintenance."));
        let t = terms("solar thermal storage");
        assert!(!addresses(&t, "Solar module prices fell in 2024."));
        let t = terms("module cleaning and soiling");
        assert!(addresses(&t, "Soiling losses: clean modules twice a year."));
        assert!(!addresses(
            &terms("zebra xylophone"),
            "Modules and inverters."
        ));
    }

    #[test]
    fn search_terms_drop_stop_words() {
        assert_eq!(
            terms("What are the latest news about module prices in Italy?"),
            vec!["module", "prices", "italy"]
        );
        assert_eq!(terms("the of and"), Vec::<String>::new());
        assert_eq!(
            terms("FER X 2025 auctions"),
            vec!["fer", "2025", "auctions"]
        );
    }
}

//! The synthetic sample (agents.md "Sample data"): small, clearly labelled made-up figures and
//! documents shipped in the binary (`data/sample/`), loaded into each empty dataset and
//! collection at start so that every agent answers something on a fresh install. Loading real
//! data of a kind removes that kind's sample.

use super::docs::{Format, ingest_docs};
use super::ingest::{Progress, ingest_table};
use super::read::csv_table;
use super::{IngestError, Kind, docs_kind};
use crate::store::Db;
use crate::store::datasets as ds;

/// How answers from sample data say so (agents.md).
pub const NOTICE: &str = "*Computed from the built-in synthetic sample data, not real figures: load real data with \
the solarintel ingest command.*";

const MARKET: &str = include_str!("../../data/sample/market.csv");
const PRICES: &str = include_str!("../../data/sample/prices.csv");
const FINANCIALS: &str = include_str!("../../data/sample/financials.csv");
const DOCS: [(&str, &str); 5] = [
    ("news", include_str!("../../data/sample/news.jsonl")),
    (
        "digitalization",
        include_str!("../../data/sample/digitalization.jsonl"),
    ),
    (
        "nzia_policy",
        include_str!("../../data/sample/nzia_policy.jsonl"),
    ),
    (
        "nzia_market_impact",
        include_str!("../../data/sample/nzia_market_impact.jsonl"),
    ),
    ("om", include_str!("../../data/sample/om.jsonl")),
];

/// Load the sample into every dataset and collection that has no source at all. Returns how
/// many were loaded.
pub async fn load_if_empty(db: &Db) -> Result<usize, IngestError> {
    let mut loaded = 0;
    for (kind, text) in [
        (Kind::Market, MARKET),
        (Kind::Prices, PRICES),
        (Kind::Financials, FINANCIALS),
    ] {
        if ds::has_source(db, kind.as_str()).await? {
            continue;
        }
        let table = csv_table(text.as_bytes(), b',')?;
        let name = format!("sample-{}.csv", kind.as_str());
        ingest_table(db, kind, &name, table, true, &mut Progress::hidden()).await?;
        loaded += 1;
    }
    for (collection, text) in DOCS {
        if ds::has_source(db, &docs_kind(collection)).await? {
            continue;
        }
        let files = vec![(
            format!("sample-{collection}.jsonl"),
            Format::JsonLines,
            text.to_string(),
        )];
        ingest_docs(db, collection, &files, true, &mut Progress::hidden()).await?;
        loaded += 1;
    }
    Ok(loaded)
}

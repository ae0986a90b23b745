//! The names in the loaded data (territories, items, regions, technologies, companies, metrics)
//! and the market's year bounds, read once per data version instead of on every turn and tool
//! call: DISTINCT over a million market rows is an index scan each time. The version is the
//! sources table (count and newest id), which every ingestion changes on any replica.

use std::sync::{Arc, Mutex};

use super::names::Names;
use super::{ToolError, financials, market, prices};
use crate::store::Db;
use crate::store::datasets as ds;

pub struct Vocabulary {
    pub territories: Names,
    pub prices: prices::Vocabulary,
    pub financials: financials::Vocabulary,
    /// The newest market source's last historical year and last year.
    pub market_years: Option<(i32, i32)>,
}

/// The data version a vocabulary was read at.
type Version = (i64, i64);

/// The cached vocabulary and the data version it was read at.
#[derive(Default)]
pub struct Cache(Mutex<Option<(Version, Arc<Vocabulary>)>>);

pub async fn get(db: &Db, cache: &Cache) -> Result<Arc<Vocabulary>, ToolError> {
    let version = ds::version(db).await.map_err(ToolError::db)?;
    if let Some((v, vocab)) = &*cache.0.lock().expect("vocabulary cache")
        && *v == version
    {
        return Ok(vocab.clone());
    }
    // Read outside the lock; two turns may both read after an ingestion, which is harmless.
    let market_years = match ds::sources(db, "market")
        .await
        .map_err(ToolError::db)?
        .first()
    {
        Some(src) => match ds::market_years(db, src.id).await.map_err(ToolError::db)? {
            (Some(h), Some(l)) => Some((h, l)),
            (None, Some(l)) => Some((l, l)),
            _ => None,
        },
        None => None,
    };
    let vocab = Arc::new(Vocabulary {
        territories: market::territories(db).await?,
        prices: prices::vocabulary(db).await?,
        financials: financials::vocabulary(db).await?,
        market_years,
    });
    *cache.0.lock().expect("vocabulary cache") = Some((version, vocab.clone()));
    Ok(vocab)
}

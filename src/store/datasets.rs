//! Datasets and documents: ingestion writes (in the caller's transaction) and the parameterised
//! reads behind the agents' tools. Filters are bound values; IN lists are built with bound
//! placeholders, never with text from the model or the user.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Db, Tx, now};
use crate::domain::market::{Connection, Kind as MarketKind, Scenario};
use crate::domain::records::{FinRec, Kind, MarketRec, Passage, PriceRec, SourceMeta};
use crate::{on_db, on_tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Source {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub layout: String,
    pub is_sample: bool,
    pub rows_stored: i32,
    pub ingested_at: NaiveDateTime,
}

const DATA_TABLES: [&str; 4] = [
    "fastapi_market_data",
    "fastapi_price_data",
    "fastapi_financial_data",
    "fastapi_document_passages",
];

async fn delete_source_rows(tx: &mut Tx, source_id: i64) -> Result<(), sqlx::Error> {
    if let Tx::Sqlite(t) = tx {
        sqlx::query(
            "DELETE FROM fastapi_passages_fts WHERE rowid IN \
             (SELECT id FROM fastapi_document_passages WHERE source_id = $1)",
        )
        .bind(source_id)
        .execute(&mut **t)
        .await?;
    }
    for table in DATA_TABLES {
        let sql = format!("DELETE FROM {table} WHERE source_id = $1");
        on_tx!(tx, |t| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(source_id)
            .execute(t)
            .await
            .map(|_| ()))?;
    }
    on_tx!(tx, |t| sqlx::query(
        "DELETE FROM fastapi_dataset_sources WHERE id = $1"
    )
    .bind(source_id)
    .execute(t)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Register a file as a source, first removing what the same file (same kind and name) loaded
/// before and, for real data, the sample of that kind.
pub async fn replace_source(tx: &mut Tx, meta: &SourceMeta) -> Result<i64, sqlx::Error> {
    let old: Vec<i64> = on_tx!(tx, |t| {
        sqlx::query_scalar(
        "SELECT id FROM fastapi_dataset_sources WHERE kind = $1 AND (name = $2 OR (is_sample AND NOT $3))"
    )
    .bind(&meta.kind)
    .bind(&meta.name)
    .bind(meta.is_sample)
    .fetch_all(t)
    .await
    })?;
    for id in old {
        delete_source_rows(tx, id).await?;
    }
    on_tx!(tx, |t| sqlx::query_scalar(
        "INSERT INTO fastapi_dataset_sources (kind, name, layout, is_sample, ingested_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(&meta.kind)
    .bind(&meta.name)
    .bind(&meta.layout)
    .bind(meta.is_sample)
    .bind(now())
    .fetch_one(t)
    .await)
}

pub async fn finish_source(
    tx: &mut Tx,
    id: i64,
    read: u64,
    stored: u64,
    duplicates: u64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query(
        "UPDATE fastapi_dataset_sources SET rows_read = $2, rows_stored = $3, duplicates = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(read as i32)
    .bind(stored as i32)
    .bind(duplicates as i32)
    .execute(t)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// The data version: the number of sources and the newest source id. Every ingestion (which
/// replaces a source by a new row) changes it.
pub async fn version(db: &Db) -> Result<(i64, i64), sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM fastapi_dataset_sources"
    )
    .fetch_one(p)
    .await)
}

pub async fn has_source(db: &Db, kind: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM fastapi_dataset_sources WHERE kind = $1"
    )
    .bind(kind)
    .fetch_one(p)
    .await?);
    Ok(n > 0)
}

/// The sources of a kind, newest first.
pub async fn sources(db: &Db, kind: &str) -> Result<Vec<Source>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, kind, name, layout, is_sample, rows_stored, ingested_at FROM fastapi_dataset_sources \
         WHERE kind = $1 ORDER BY ingested_at DESC, id DESC"
    )
    .bind(kind)
    .fetch_all(p)
    .await
    })
}

/// One field of PostgreSQL's COPY text format: `\N` for NULL, backslash escapes otherwise.
fn copy_field(out: &mut String, v: Option<&str>) {
    match v {
        None => out.push_str("\\N"),
        Some(s) => {
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
    }
}

/// Bulk load on PostgreSQL: one `COPY ... FROM STDIN` per batch, far cheaper than multi-row
/// INSERTs with thousands of bound parameters.
async fn pg_copy(
    t: &mut sqlx::PgConnection,
    statement: &str,
    rows: impl Iterator<Item = Vec<Option<String>>>,
) -> Result<(), sqlx::Error> {
    let mut buf = String::new();
    for row in rows {
        for (i, f) in row.iter().enumerate() {
            if i > 0 {
                buf.push('\t');
            }
            copy_field(&mut buf, f.as_deref());
        }
        buf.push('\n');
    }
    let mut copy = t.copy_in_raw(statement).await?;
    if let Err(e) = copy.send(buf.into_bytes()).await {
        let _ = copy.abort(e.to_string()).await;
        return Err(e);
    }
    copy.finish().await?;
    Ok(())
}

/// Insert rows given as text fields (`None` is NULL): PostgreSQL through `COPY`, SQLite through
/// multi-row INSERTs of bound text, which SQLite's column affinity stores as INTEGER, REAL or
/// TEXT like the typed values (the round trip of Rust's shortest float text is exact).
async fn insert_text_rows(
    tx: &mut Tx,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Option<String>>>,
) -> Result<(), sqlx::Error> {
    match tx {
        Tx::Postgres(t) => {
            let statement = format!("COPY {table} ({}) FROM STDIN", columns.join(", "));
            pg_copy(t, &statement, rows.into_iter()).await
        }
        Tx::Sqlite(t) => {
            let mut qb =
                sqlx::QueryBuilder::new(format!("INSERT INTO {table} ({}) ", columns.join(", ")));
            qb.push_values(rows, |mut b, row| {
                for f in row {
                    b.push_bind(f);
                }
            });
            qb.build().execute(&mut **t).await.map(|_| ())
        }
    }
}

pub async fn insert_market(
    tx: &mut Tx,
    source_id: i64,
    rows: &[MarketRec],
) -> Result<(), sqlx::Error> {
    let sid = source_id.to_string();
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                Some(sid.clone()),
                Some(r.line.to_string()),
                Some(r.territory.clone()),
                Some(r.year.to_string()),
                Some(r.scenario.to_string()),
                Some(r.connection.to_string()),
                Some(r.kind.to_string()),
                Some(r.capacity_mw.to_string()),
                r.ac_dc.clone(),
                r.status.clone(),
            ]
        })
        .collect();
    insert_text_rows(
        tx,
        "fastapi_market_data",
        &[
            "source_id",
            "line",
            "territory",
            "year",
            "scenario",
            "connection",
            "type",
            "capacity_mw",
            "ac_dc",
            "status",
        ],
        rows,
    )
    .await
}

pub async fn insert_prices(
    tx: &mut Tx,
    source_id: i64,
    rows: &[PriceRec],
) -> Result<(), sqlx::Error> {
    let sid = source_id.to_string();
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                Some(sid.clone()),
                Some(r.line.to_string()),
                Some(r.item.clone()),
                Some(r.description.clone()),
                Some(r.date.to_string()),
                Some(r.frequency.clone()),
                Some(r.base_price.to_string()),
                Some(r.unit.clone()),
                Some(r.region.clone()),
                r.origin.clone(),
            ]
        })
        .collect();
    insert_text_rows(
        tx,
        "fastapi_price_data",
        &[
            "source_id",
            "line",
            "item",
            "description",
            "date",
            "frequency",
            "base_price",
            "unit",
            "region",
            "origin",
        ],
        rows,
    )
    .await
}

pub async fn insert_financials(
    tx: &mut Tx,
    source_id: i64,
    rows: &[FinRec],
) -> Result<(), sqlx::Error> {
    let sid = source_id.to_string();
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                Some(sid.clone()),
                Some(r.line.to_string()),
                Some(r.company.clone()),
                Some(r.period.clone()),
                Some(r.period_kind.to_string()),
                Some(r.period_start.to_string()),
                Some(r.metric.clone()),
                Some(r.value.to_string()),
                Some(r.unit.clone()),
            ]
        })
        .collect();
    insert_text_rows(
        tx,
        "fastapi_financial_data",
        &[
            "source_id",
            "line",
            "company",
            "period",
            "period_kind",
            "period_start",
            "metric",
            "value",
            "unit",
        ],
        rows,
    )
    .await
}

pub async fn insert_passages(
    tx: &mut Tx,
    source_id: i64,
    collection: &str,
    rows: &[Passage],
) -> Result<(), sqlx::Error> {
    let ids: Vec<i64> = on_tx!(tx, |t| {
        let mut qb = sqlx::QueryBuilder::new(
            "INSERT INTO fastapi_document_passages (source_id, collection, doc_no, ord, title, url, published_at, body) ",
        );
        qb.push_values(rows, |mut b, r| {
            b.push_bind(source_id)
                .push_bind(collection)
                .push_bind(r.doc_no)
                .push_bind(r.ord)
                .push_bind(&r.title)
                .push_bind(&r.url)
                .push_bind(r.published_at)
                .push_bind(&r.body);
        });
        qb.push(" RETURNING id");
        qb.build_query_scalar().fetch_all(t).await
    })?;
    if let Tx::Sqlite(t) = tx {
        let mut qb =
            sqlx::QueryBuilder::new("INSERT INTO fastapi_passages_fts (rowid, title, body) ");
        qb.push_values(ids.iter().zip(rows), |mut b, (id, r)| {
            b.push_bind(*id).push_bind(&r.title).push_bind(&r.body);
        });
        qb.build().execute(&mut **t).await?;
    }
    Ok(())
}

/// Two rows of one file that give different values for the same figure.
#[derive(Debug)]
pub struct Conflict {
    pub line_a: i64,
    pub line_b: i64,
    pub value_a: f64,
    pub value_b: f64,
    pub column: &'static str,
    pub key: String,
}

type ConflictRow = (i64, i64, f64, f64, String);

/// The first pair of rows of the source that disagree on a figure, if any.
pub async fn first_conflict(
    tx: &mut Tx,
    kind: Kind,
    source_id: i64,
) -> Result<Option<Conflict>, sqlx::Error> {
    let (sql, column, what) = match kind {
        Kind::Market => (
            "SELECT a.line, b.line, a.capacity_mw, b.capacity_mw, \
             a.territory || ' ' || CAST(a.year AS TEXT) || ' ' || a.scenario || ' ' || a.connection || ' ' || a.type \
             FROM fastapi_market_data a JOIN fastapi_market_data b ON b.source_id = a.source_id \
             AND b.territory = a.territory AND b.year = a.year AND b.scenario = a.scenario \
             AND b.connection = a.connection AND b.type = a.type AND b.id > a.id AND b.capacity_mw <> a.capacity_mw \
             WHERE a.source_id = $1 ORDER BY b.line LIMIT 1",
            "Capacity(MW)",
            "Territory, Year, Scenario, Connection and Type",
        ),
        Kind::Financials => (
            "SELECT a.line, b.line, a.value, b.value, a.company || ' ' || a.period || ' ' || a.metric \
             FROM fastapi_financial_data a JOIN fastapi_financial_data b ON b.source_id = a.source_id \
             AND b.company = a.company AND b.period = a.period AND b.metric = a.metric AND b.id > a.id \
             AND (b.value <> a.value OR b.unit <> a.unit) \
             WHERE a.source_id = $1 ORDER BY b.line LIMIT 1",
            "value",
            "company, period and metric",
        ),
        // Prices: several observations of one series on one day are legitimate (sources
        // differ); only exact duplicates are removed.
        Kind::Prices => return Ok(None),
    };
    let row: Option<ConflictRow> = on_tx!(tx, |t| sqlx::query_as(sql)
        .bind(source_id)
        .fetch_optional(t)
        .await)?;
    Ok(row.map(|(a, b, va, vb, k)| Conflict {
        line_a: a,
        line_b: b,
        value_a: va,
        value_b: vb,
        column,
        key: format!("{what} ({k})"),
    }))
}

/// Delete repeated rows of the source (the first one stays); returns how many went.
pub async fn remove_duplicates(
    tx: &mut Tx,
    kind: Kind,
    source_id: i64,
) -> Result<u64, sqlx::Error> {
    let (table, key) = match kind {
        Kind::Market => (
            "fastapi_market_data",
            "territory, year, scenario, connection, type",
        ),
        Kind::Prices => (
            "fastapi_price_data",
            "item, description, date, frequency, base_price, unit, region, origin",
        ),
        Kind::Financials => ("fastapi_financial_data", "company, period, metric"),
    };
    let sql = format!(
        "DELETE FROM {table} WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER \
         (PARTITION BY {key} ORDER BY id) AS rn FROM {table} WHERE source_id = $1) d WHERE rn > 1)"
    );
    on_tx!(tx, |t| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(source_id)
        .execute(t)
        .await
        .map(|r| r.rows_affected()))
}

// ---------------------------------------------------------------------------------------------
// Reads for the tools.

#[derive(Clone, Debug, Default)]
pub struct MarketFilter {
    pub territories: Vec<String>,
    pub scenarios: Vec<String>,
    pub connections: Vec<String>,
    pub types: Vec<String>,
    pub min_year: Option<i32>,
    pub max_year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct MarketRow {
    pub territory: String,
    pub year: i32,
    #[sqlx(try_from = "String")]
    pub scenario: Scenario,
    #[sqlx(try_from = "String")]
    pub connection: Connection,
    #[sqlx(rename = "type", try_from = "String")]
    pub kind: MarketKind,
    pub capacity_mw: f64,
}

macro_rules! push_in {
    ($qb:expr, $col:literal, $vals:expr) => {
        if !$vals.is_empty() {
            $qb.push(concat!(" AND ", $col, " IN ("));
            let mut sep = $qb.separated(", ");
            for v in $vals.iter() {
                sep.push_bind(v.clone());
            }
            $qb.push(")");
        }
    };
}

pub async fn market_rows(
    db: &Db,
    source_id: i64,
    f: &MarketFilter,
) -> Result<Vec<MarketRow>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT territory, year, scenario, connection, type, capacity_mw FROM fastapi_market_data WHERE source_id = ",
        );
        qb.push_bind(source_id);
        push_in!(qb, "territory", f.territories);
        push_in!(qb, "scenario", f.scenarios);
        push_in!(qb, "connection", f.connections);
        push_in!(qb, "type", f.types);
        if let Some(y) = f.min_year {
            qb.push(" AND year >= ").push_bind(y);
        }
        if let Some(y) = f.max_year {
            qb.push(" AND year <= ").push_bind(y);
        }
        qb.push(" ORDER BY territory, scenario, connection, type, year LIMIT 20000");
        qb.build_query_as().fetch_all(p).await
    })
}

/// Distinct values of a text column of a dataset table, for name matching.
pub async fn distinct(db: &Db, table: Table, column: Column) -> Result<Vec<String>, sqlx::Error> {
    let sql = format!(
        "SELECT DISTINCT {} FROM {} ORDER BY 1",
        column.as_sql(),
        table.as_sql()
    );
    on_db!(db, |p| sqlx::query_scalar(sqlx::AssertSqlSafe(
        sql.as_str()
    ))
    .fetch_all(p)
    .await)
}

/// The dataset tables (a closed set: nothing from the outside reaches the SQL text).
#[derive(Clone, Copy, Debug)]
pub enum Table {
    Market,
    Prices,
    Financials,
}

impl Table {
    fn as_sql(self) -> &'static str {
        match self {
            Table::Market => "fastapi_market_data",
            Table::Prices => "fastapi_price_data",
            Table::Financials => "fastapi_financial_data",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Column {
    Territory,
    Item,
    Description,
    Region,
    Company,
    Metric,
}

impl Column {
    fn as_sql(self) -> &'static str {
        match self {
            Column::Territory => "territory",
            Column::Item => "item",
            Column::Description => "description",
            Column::Region => "region",
            Column::Company => "company",
            Column::Metric => "metric",
        }
    }
}

/// Year bounds of a market source per scenario group: (last historical year, last year).
pub async fn market_years(
    db: &Db,
    source_id: i64,
) -> Result<(Option<i32>, Option<i32>), sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT MAX(CASE WHEN scenario LIKE 'Historical%' THEN year END), MAX(year) \
         FROM fastapi_market_data WHERE source_id = $1"
    )
    .bind(source_id)
    .fetch_one(p)
    .await)
}

/// What the market data holds for some territories (all when empty), over every source: per
/// scenario, its first and last year. For a tool to say what exists when a query finds nothing.
pub async fn market_coverage(
    db: &Db,
    territories: &[String],
) -> Result<Vec<(String, i32, i32)>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT scenario, MIN(year), MAX(year) FROM fastapi_market_data WHERE 1 = 1",
        );
        push_in!(qb, "territory", territories);
        qb.push(" GROUP BY scenario ORDER BY scenario");
        qb.build_query_as().fetch_all(p).await
    })
}

#[derive(Clone, Debug, Default)]
pub struct PriceFilter {
    pub items: Vec<String>,
    pub descriptions: Vec<String>,
    pub regions: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct PriceRow {
    pub item: String,
    pub description: String,
    pub region: String,
    pub unit: String,
    pub date: NaiveDate,
    pub base_price: f64,
}

pub async fn price_rows(
    db: &Db,
    source_id: i64,
    f: &PriceFilter,
) -> Result<Vec<PriceRow>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT item, description, region, unit, date, base_price FROM fastapi_price_data WHERE source_id = ",
        );
        qb.push_bind(source_id);
        push_in!(qb, "item", f.items);
        push_in!(qb, "description", f.descriptions);
        push_in!(qb, "region", f.regions);
        if let Some(d) = f.from {
            qb.push(" AND date >= ").push_bind(d);
        }
        if let Some(d) = f.to {
            qb.push(" AND date <= ").push_bind(d);
        }
        qb.push(" ORDER BY item, description, region, unit, date LIMIT 200000");
        qb.build_query_as().fetch_all(p).await
    })
}

/// The price series that match a filter's items, descriptions and regions (its dates are
/// ignored), over every source, with their first and last date: at most `limit`.
pub async fn price_coverage(
    db: &Db,
    f: &PriceFilter,
    limit: i64,
) -> Result<Vec<(String, String, String, String, NaiveDate, NaiveDate)>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT item, description, region, unit, MIN(date), MAX(date) FROM fastapi_price_data WHERE 1 = 1",
        );
        push_in!(qb, "item", f.items);
        push_in!(qb, "description", f.descriptions);
        push_in!(qb, "region", f.regions);
        qb.push(" GROUP BY item, description, region, unit ORDER BY item, description, region, unit LIMIT ")
            .push_bind(limit);
        qb.build_query_as().fetch_all(p).await
    })
}

#[derive(Clone, Debug, Default)]
pub struct FinFilter {
    pub companies: Vec<String>,
    pub metrics: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct FinRow {
    pub company: String,
    pub period: String,
    pub period_kind: String,
    pub period_start: NaiveDate,
    pub metric: String,
    pub value: f64,
    pub unit: String,
}

pub async fn financial_rows(
    db: &Db,
    source_id: i64,
    f: &FinFilter,
) -> Result<Vec<FinRow>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT company, period, period_kind, period_start, metric, value, unit FROM fastapi_financial_data \
             WHERE source_id = ",
        );
        qb.push_bind(source_id);
        push_in!(qb, "company", f.companies);
        push_in!(qb, "metric", f.metrics);
        if let Some(d) = f.from {
            qb.push(" AND period_start >= ").push_bind(d);
        }
        if let Some(d) = f.to {
            qb.push(" AND period_start <= ").push_bind(d);
        }
        qb.push(" ORDER BY company, metric, period_start, period_kind LIMIT 20000");
        qb.build_query_as().fetch_all(p).await
    })
}

/// The (company, metric, period kind) figures that match a filter's companies and metrics (its
/// dates are ignored), over every source, with their first and last period start: at most `limit`.
pub async fn financial_coverage(
    db: &Db,
    f: &FinFilter,
    limit: i64,
) -> Result<Vec<(String, String, String, NaiveDate, NaiveDate)>, sqlx::Error> {
    on_db!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT company, metric, period_kind, MIN(period_start), MAX(period_start) FROM fastapi_financial_data \
             WHERE 1 = 1",
        );
        push_in!(qb, "company", f.companies);
        push_in!(qb, "metric", f.metrics);
        qb.push(
            " GROUP BY company, metric, period_kind ORDER BY company, metric, period_kind LIMIT ",
        )
        .push_bind(limit);
        qb.build_query_as().fetch_all(p).await
    })
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct Hit {
    pub collection: String,
    pub title: String,
    pub url: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub body: String,
    pub score: f64,
    pub is_sample: bool,
    /// The file the passage was loaded from (or the Weaviate class it came from).
    pub source: String,
}

/// Full-text search over passages: any of `terms` (already reduced to letters and digits),
/// best first; within `collections` when given, and published between `from` and `to`.
pub async fn search_passages(
    db: &Db,
    terms: &[String],
    collections: &[String],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    limit: i64,
) -> Result<Vec<Hit>, sqlx::Error> {
    if terms.is_empty() {
        return Ok(vec![]);
    }
    match db {
        Db::Sqlite(p) => {
            // FTS5 query syntax: each term quoted (terms carry no quotes), OR-ed.
            let q = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" OR ");
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT d.collection, d.title, d.url, d.published_at, d.body, -bm25(fastapi_passages_fts, 2.0, 1.0) AS score, s.is_sample, s.name AS source \
                 FROM fastapi_passages_fts JOIN fastapi_document_passages d ON d.id = fastapi_passages_fts.rowid \
                 JOIN fastapi_dataset_sources s ON s.id = d.source_id \
                 WHERE fastapi_passages_fts MATCH ",
            );
            qb.push_bind(q);
            push_in!(qb, "d.collection", collections);
            if let Some(d) = from {
                qb.push(" AND d.published_at >= ").push_bind(d);
            }
            if let Some(d) = to {
                qb.push(" AND d.published_at <= ").push_bind(d);
            }
            qb.push(" ORDER BY score DESC, d.id LIMIT ")
                .push_bind(limit);
            qb.build_query_as().fetch_all(p).await
        }
        Db::Postgres(p) => {
            let q = terms.join(" | ");
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT d.collection, d.title, d.url, d.published_at, d.body, \
                 CAST(ts_rank_cd(d.tsv, q) AS DOUBLE PRECISION) AS score, s.is_sample, s.name AS source \
                 FROM fastapi_document_passages d JOIN fastapi_dataset_sources s ON s.id = d.source_id, \
                 to_tsquery('english', ",
            );
            qb.push_bind(q);
            qb.push(") q WHERE d.tsv @@ q");
            push_in!(qb, "d.collection", collections);
            if let Some(d) = from {
                qb.push(" AND d.published_at >= ").push_bind(d);
            }
            if let Some(d) = to {
                qb.push(" AND d.published_at <= ").push_bind(d);
            }
            qb.push(" ORDER BY score DESC, d.id LIMIT ")
                .push_bind(limit);
            qb.build_query_as().fetch_all(p).await
        }
    }
}

/// Collections that hold passages, with their counts.
pub async fn collections(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT collection, COUNT(*) FROM fastapi_document_passages GROUP BY collection ORDER BY collection"
    )
    .fetch_all(p)
    .await
    })
}

/// Recent document titles of a collection (or of all), for example questions.
pub async fn titles(
    db: &Db,
    collection: Option<&str>,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT title FROM fastapi_document_passages WHERE ord = 0 AND ($1 IS NULL OR collection = $1) \
         ORDER BY published_at DESC, id LIMIT $2"
    )
    .bind(collection)
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

#[cfg(test)]
mod tests {
    use super::copy_field;

    #[test]
    fn copy_text_format_escapes() {
        let mut s = String::new();
        copy_field(&mut s, Some("a\tb\\c\nd\re"));
        s.push('|');
        copy_field(&mut s, None);
        assert_eq!(s, "a\\tb\\\\c\\nd\\re|\\N");
    }
}

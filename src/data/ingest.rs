//! `solarintel ingest`: a dataset file in, in one transaction. The file's rows are converted and
//! inserted in batches as they are read (bounded memory); duplicates are removed in SQL once the
//! file is in, and two rows that disagree about the same figure fail the file. Any error rolls
//! everything back, so the data loaded before stays as it was.

use crate::domain::market::{Connection, Kind as MarketKind, Scenario};
use std::path::Path;

pub use super::progress::Progress;
use super::read::{Row, Table};
use super::{FinRec, IngestError, Kind, MarketRec, PriceRec, parse_period};
use crate::domain::records::SourceMeta;
use crate::store::Db;
use crate::store::datasets as ds;

/// Rows per insert: 2,000 rows of 10 columns stay under SQLite's 32,766 bound parameters.
const BATCH: usize = 2000;

/// What an ingestion did.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Report {
    pub kind: String,
    pub name: String,
    pub layout: String,
    pub rows_read: u64,
    pub rows_stored: u64,
    pub duplicates: u64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} rows read, {} stored, {} duplicates counted once ({} layout) from {}",
            self.kind, self.rows_read, self.rows_stored, self.duplicates, self.layout, self.name
        )
    }
}

/// Which market layout a header is.
fn market_layout(t: &Table) -> Result<&'static str, IngestError> {
    if t.column("Territory").is_some() {
        Ok("long")
    } else if t.column("Country").is_some() && t.column("Annual Market").is_some() {
        Ok("wide")
    } else {
        Err(IngestError::file(format!(
            "not a market data file: expected the long layout (Territory, Year, Scenario, Connection, Type, \
             Capacity(MW), ...) or the wide layout (Country, Market Segment, Scenario, Period, Year, Annual Market, \
             Cumulative Market); the header has: {}",
            t.header.join(", ")
        )))
    }
}

fn text(row: &Row, i: usize, col: &str) -> Result<String, IngestError> {
    row.cells
        .get(i)
        .and_then(|c| c.text())
        .ok_or_else(|| IngestError::at(row.number, Some(col), "empty value".into()))
}

fn opt_text(row: &Row, i: Option<usize>) -> Option<String> {
    i.and_then(|i| row.cells.get(i)).and_then(|c| c.text())
}

fn number(row: &Row, i: usize, col: &str) -> Result<f64, IngestError> {
    row.cells
        .get(i)
        .ok_or_else(|| IngestError::at(row.number, Some(col), "missing cell".into()))?
        .number()
        .map_err(|m| IngestError::at(row.number, Some(col), m))
}

fn year(row: &Row, i: usize, col: &str) -> Result<i32, IngestError> {
    let n = number(row, i, col)?;
    if n.fract() != 0.0 || !(1900.0..=2100.0).contains(&n) {
        return Err(IngestError::at(
            row.number,
            Some(col),
            format!("expected a year between 1900 and 2100, found {n}"),
        ));
    }
    Ok(n as i32)
}

fn vocab<T>(
    row: &Row,
    i: usize,
    col: &str,
    parse: fn(&str) -> Option<T>,
    allowed: fn() -> String,
) -> Result<T, IngestError> {
    let v = text(row, i, col)?;
    parse(&v).ok_or_else(|| {
        IngestError::at(
            row.number,
            Some(col),
            format!("unknown value {v:?} (expected one of: {})", allowed()),
        )
    })
}

/// Convert one row of either market layout (the wide one gives an annual and a cumulative
/// figure per row).
struct MarketCols {
    wide: bool,
    territory: usize,
    year: usize,
    scenario: usize,
    connection: usize,
    kind: usize,
    capacity: usize,
    cumulative: usize,
    period: Option<usize>,
    ac_dc: Option<usize>,
    status: Option<usize>,
}

impl MarketCols {
    fn new(t: &Table, layout: &str) -> Result<MarketCols, IngestError> {
        if layout == "long" {
            Ok(MarketCols {
                wide: false,
                territory: t.require("Territory")?,
                year: t.require("Year")?,
                scenario: t.require("Scenario")?,
                connection: t.require("Connection")?,
                kind: t.require("Type")?,
                capacity: t.require("Capacity(MW)")?,
                cumulative: 0,
                period: None,
                ac_dc: t.column("AC/DC"),
                status: t.column("Estimated/Confirmed"),
            })
        } else {
            Ok(MarketCols {
                wide: true,
                territory: t.require("Country")?,
                year: t.require("Year")?,
                scenario: t.require("Scenario")?,
                connection: t.require("Market Segment")?,
                kind: 0,
                capacity: t.require("Annual Market")?,
                cumulative: t.require("Cumulative Market")?,
                period: t.column("Period"),
                ac_dc: None,
                status: None,
            })
        }
    }

    fn convert(&self, row: &Row, out: &mut Vec<MarketRec>) -> Result<(), IngestError> {
        let (tc, sc, cc) = if self.wide {
            ("Country", "Scenario", "Market Segment")
        } else {
            ("Territory", "Scenario", "Connection")
        };
        let territory = text(row, self.territory, tc)?;
        let year = year(row, self.year, "Year")?;
        let scenario = vocab(row, self.scenario, sc, Scenario::parse, Scenario::names)?;
        let connection = vocab(
            row,
            self.connection,
            cc,
            Connection::parse,
            Connection::names,
        )?;
        let line = row.number as i64;
        if !self.wide {
            let kind = vocab(row, self.kind, "Type", MarketKind::parse, MarketKind::names)?;
            let capacity = number(row, self.capacity, "Capacity(MW)")?;
            out.push(MarketRec {
                line,
                territory,
                year,
                scenario,
                connection,
                kind,
                capacity_mw: capacity,
                ac_dc: opt_text(row, self.ac_dc),
                status: opt_text(row, self.status),
            });
            return Ok(());
        }
        if let Some(p) = opt_text(row, self.period)
            && !p.eq_ignore_ascii_case("FY")
        {
            return Err(IngestError::at(
                row.number,
                Some("Period"),
                format!("only full-year periods (FY) are supported, found {p:?}"),
            ));
        }
        for (i, col, kind) in [
            (self.capacity, "Annual Market", MarketKind::Annual),
            (self.cumulative, "Cumulative Market", MarketKind::Cumulative),
        ] {
            // An empty cell in the wide layout means "no figure", not zero.
            if row.cells.get(i).and_then(|c| c.text()).is_none() {
                continue;
            }
            out.push(MarketRec {
                line,
                territory: territory.clone(),
                year,
                scenario,
                connection,
                kind,
                capacity_mw: number(row, i, col)?,
                ac_dc: Some("DC".into()),
                status: None,
            });
        }
        Ok(())
    }
}

struct PriceCols {
    item: usize,
    description: usize,
    date: usize,
    frequency: Option<usize>,
    price: usize,
    unit: usize,
    region: usize,
    source: Option<usize>,
}

impl PriceCols {
    fn new(t: &Table) -> Result<PriceCols, IngestError> {
        Ok(PriceCols {
            item: t.require("item")?,
            description: t.require("description")?,
            date: t.require("date")?,
            frequency: t.column("frequency"),
            price: t.require("base_price")?,
            unit: t.require("unit")?,
            region: t.require("region")?,
            source: t.column("source"),
        })
    }

    fn convert(&self, row: &Row) -> Result<PriceRec, IngestError> {
        let date = row
            .cells
            .get(self.date)
            .ok_or_else(|| IngestError::at(row.number, Some("date"), "missing cell".into()))?
            .date()
            .map_err(|m| IngestError::at(row.number, Some("date"), m))?;
        Ok(PriceRec {
            line: row.number as i64,
            item: text(row, self.item, "item")?,
            description: text(row, self.description, "description")?,
            date,
            frequency: opt_text(row, self.frequency).unwrap_or_else(|| "Unknown".into()),
            base_price: number(row, self.price, "base_price")?,
            unit: text(row, self.unit, "unit")?,
            region: text(row, self.region, "region")?,
            origin: opt_text(row, self.source),
        })
    }
}

struct FinCols {
    company: usize,
    period: usize,
    metric: usize,
    value: usize,
    unit: usize,
}

impl FinCols {
    fn new(t: &Table) -> Result<FinCols, IngestError> {
        Ok(FinCols {
            company: t.require("company")?,
            period: t.require("period")?,
            metric: t.require("metric")?,
            value: t.require("value")?,
            unit: t.require("unit")?,
        })
    }

    fn convert(&self, row: &Row) -> Result<FinRec, IngestError> {
        let raw = text(row, self.period, "period")?;
        let (period, period_kind, period_start) = parse_period(&raw).ok_or_else(|| {
            IngestError::at(
                row.number,
                Some("period"),
                format!("unknown period {raw:?} (expected e.g. 2024-Q1, H1 2024 or FY2024)"),
            )
        })?;
        Ok(FinRec {
            line: row.number as i64,
            company: text(row, self.company, "company")?,
            period,
            period_kind,
            period_start,
            metric: text(row, self.metric, "metric")?,
            value: number(row, self.value, "value")?,
            unit: text(row, self.unit, "unit")?,
        })
    }
}

fn layout_of(kind: Kind, table: &Table) -> Result<&'static str, IngestError> {
    Ok(match kind {
        Kind::Market => market_layout(table)?,
        Kind::Prices => "prices",
        Kind::Financials => "financials",
    })
}

/// Ingest an opened table as `name` into the dataset `kind`.
pub async fn ingest_table(
    db: &Db,
    kind: Kind,
    name: &str,
    table: Table,
    is_sample: bool,
    progress: &mut Progress,
) -> Result<Report, IngestError> {
    let layout = layout_of(kind, &table)?;
    let total = table.expected_rows;
    ingest_rows(db, kind, name, table, layout, is_sample, progress, total).await
}

/// [`ingest_table`] with the columns checked; `total` is the rows expected (or estimated) for
/// the progress bar.
#[expect(
    clippy::too_many_arguments,
    reason = "one batch insert per dataset kind, each argument a column source"
)]
async fn ingest_rows(
    db: &Db,
    kind: Kind,
    name: &str,
    table: Table,
    layout: &'static str,
    is_sample: bool,
    progress: &mut Progress,
    total: Option<u64>,
) -> Result<Report, IngestError> {
    let market = match kind {
        Kind::Market => Some(MarketCols::new(&table, layout)?),
        _ => None,
    };
    let prices = match kind {
        Kind::Prices => Some(PriceCols::new(&table)?),
        _ => None,
    };
    let fin = match kind {
        Kind::Financials => Some(FinCols::new(&table)?),
        _ => None,
    };
    progress.start(name, "rows", total);
    let mut tx = db.begin().await?;
    let source_id = ds::replace_source(
        &mut tx,
        &SourceMeta {
            kind: kind.as_str().to_string(),
            name: name.to_string(),
            layout: layout.to_string(),
            is_sample,
        },
    )
    .await?;
    let mut read = 0u64;
    let mut m_batch: Vec<MarketRec> = Vec::with_capacity(BATCH + 1);
    let mut p_batch: Vec<PriceRec> = Vec::with_capacity(BATCH);
    let mut f_batch: Vec<FinRec> = Vec::with_capacity(BATCH);
    let mut inserted = 0u64;
    for row in table {
        let row = row?;
        // Blank lines at the end of spreadsheets exports.
        if row.cells.iter().all(|c| c.text().is_none()) {
            continue;
        }
        read += 1;
        if let Some(m) = &market {
            m.convert(&row, &mut m_batch)?;
        } else if let Some(p) = &prices {
            p_batch.push(p.convert(&row)?);
        } else if let Some(f) = &fin {
            f_batch.push(f.convert(&row)?);
        }
        if m_batch.len() >= BATCH || p_batch.len() >= BATCH || f_batch.len() >= BATCH {
            inserted += flush(&mut tx, source_id, &mut m_batch, &mut p_batch, &mut f_batch).await?;
        }
        progress.add(1);
    }
    inserted += flush(&mut tx, source_id, &mut m_batch, &mut p_batch, &mut f_batch).await?;
    if read == 0 {
        return Err(IngestError::file("the file has no data rows".into()));
    }
    progress.phase("checking for rows that contradict each other");
    if let Some(c) = ds::first_conflict(&mut tx, kind, source_id).await? {
        return Err(IngestError::at(
            c.line_b as u64,
            Some(c.column),
            format!(
                "{} contradicts row {} ({} there) for the same {}",
                c.value_b, c.line_a, c.value_a, c.key
            ),
        ));
    }
    progress.phase("removing duplicates");
    let duplicates = ds::remove_duplicates(&mut tx, kind, source_id).await?;
    let stored = inserted - duplicates;
    ds::finish_source(&mut tx, source_id, read, stored, duplicates).await?;
    progress.phase("committing");
    tx.commit().await?;
    progress.finish();
    Ok(Report {
        kind: kind.as_str().into(),
        name: name.into(),
        layout: layout.into(),
        rows_read: read,
        rows_stored: stored,
        duplicates,
    })
}

async fn flush(
    tx: &mut crate::store::Tx,
    source_id: i64,
    m: &mut Vec<MarketRec>,
    p: &mut Vec<PriceRec>,
    f: &mut Vec<FinRec>,
) -> Result<u64, IngestError> {
    let mut n = 0;
    if !m.is_empty() {
        ds::insert_market(tx, source_id, m).await?;
        n += m.len() as u64;
        m.clear();
    }
    if !p.is_empty() {
        ds::insert_prices(tx, source_id, p).await?;
        n += p.len() as u64;
        p.clear();
    }
    if !f.is_empty() {
        ds::insert_financials(tx, source_id, f).await?;
        n += f.len() as u64;
        f.clear();
    }
    Ok(n)
}

/// Ingest a file from disk; the source is named by the file name, so loading a file of the same
/// name again replaces its rows.
pub async fn ingest_file(
    db: &Db,
    kind: Kind,
    path: &Path,
    sheet: Option<&str>,
    progress: &mut Progress,
) -> Result<Report, IngestError> {
    let table = super::read::open(path, sheet)?;
    let name = file_name(path);
    let layout = layout_of(kind, &table)?;
    // CSV says nothing of its length up front: its lines are counted for the bar's ETA.
    let total = table.expected_rows.or_else(|| {
        progress
            .is_shown()
            .then(|| super::progress::estimate_lines(path))
            .flatten()
    });
    ingest_rows(db, kind, &name, table, layout, false, progress, total).await
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

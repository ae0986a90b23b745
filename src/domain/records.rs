//! The dataset record types: what a file reading produces (`data`) and an ingestion stores
//! (`store`). Plain values, no I/O.

use chrono::NaiveDate;

/// A dataset a file is loaded into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Market,
    Prices,
    Financials,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "market" => Some(Kind::Market),
            "prices" => Some(Kind::Prices),
            "financials" => Some(Kind::Financials),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Market => "market",
            Kind::Prices => "prices",
            Kind::Financials => "financials",
        }
    }
}

/// One market figure (MW DC).
#[derive(Clone, Debug, PartialEq)]
pub struct MarketRec {
    pub line: i64,
    pub territory: String,
    pub year: i32,
    pub scenario: super::market::Scenario,
    pub connection: super::market::Connection,
    pub kind: super::market::Kind,
    pub capacity_mw: f64,
    pub ac_dc: Option<String>,
    pub status: Option<String>,
}

/// One component price observation.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceRec {
    pub line: i64,
    pub item: String,
    pub description: String,
    pub date: NaiveDate,
    pub frequency: String,
    pub base_price: f64,
    pub unit: String,
    pub region: String,
    pub origin: Option<String>,
}

/// One manufacturer figure for a reporting period.
#[derive(Clone, Debug, PartialEq)]
pub struct FinRec {
    pub line: i64,
    pub company: String,
    pub period: String,
    pub period_kind: &'static str,
    pub period_start: NaiveDate,
    pub metric: String,
    pub value: f64,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub doc_no: i32,
    pub ord: i32,
    pub title: String,
    pub url: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub body: String,
}

/// A file registered as a source of a dataset or document collection.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceMeta {
    pub kind: String,
    pub name: String,
    pub layout: String,
    pub is_sample: bool,
}

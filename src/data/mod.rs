//! The operator's data (agents.md "Datasets"): reading dataset files and documents into typed
//! records, the ingestion that stores them, and the synthetic sample loaded on an empty install.

pub mod docs;
pub mod ingest;
pub mod progress;
pub mod read;
pub mod sample;

use chrono::NaiveDate;

/// The record types live in `domain` (both `data` and `store` use them); kept here by their old
/// path.
pub use crate::domain::records::{FinRec, Kind, MarketRec, PriceRec};

/// The document collections the agents search (agents.md), from the agents' rows.
pub use crate::domain::agents::collections;

/// The source kind under which a document collection's files are registered.
pub fn docs_kind(collection: &str) -> String {
    format!("docs/{collection}")
}

/// A bad file or row: where, and what is wrong. Printed as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestError {
    pub row: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

impl IngestError {
    pub fn file(message: String) -> IngestError {
        IngestError {
            row: None,
            column: None,
            message,
        }
    }
    pub fn at(row: u64, column: Option<&str>, message: String) -> IngestError {
        IngestError {
            row: Some(row),
            column: column.map(str::to_string),
            message,
        }
    }
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, "row {r}, column {c:?}: {}", self.message),
            (Some(r), None) => write!(f, "row {r}: {}", self.message),
            (None, Some(c)) => write!(f, "column {c:?}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for IngestError {}

impl From<sqlx::Error> for IngestError {
    fn from(e: sqlx::Error) -> Self {
        IngestError::file(format!("database error: {e}"))
    }
}

/// A reporting period: `2024-Q1`, `Q1 2024`, `2024Q1`, `1Q24`, `H1 2024`, `2024-H2`, `FY2023`,
/// `FY 2023` or `2023`. Returns the canonical label, the kind (`Q`, `H`, `FY`) and the first day.
pub fn parse_period(s: &str) -> Option<(String, &'static str, NaiveDate)> {
    let t: String = s
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '/'))
        .collect();
    let year = |y: &str| -> Option<i32> {
        let n: i32 = y.parse().ok()?;
        match y.len() {
            4 if (1950..=2100).contains(&n) => Some(n),
            2 => Some(2000 + n),
            _ => None,
        }
    };
    let (kind, y, n) = if let Some(rest) = t.strip_prefix("FY") {
        ("FY", year(rest)?, 0)
    } else if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        ("FY", year(&t)?, 0)
    } else if let Some(p) = t.find(['Q', 'H']) {
        let kind = if &t[p..p + 1] == "Q" { "Q" } else { "H" };
        let (a, b) = (&t[..p], &t[p + 1..]);
        // "2024Q1" (year before), "Q12024" (number then year), "1Q24" (number before).
        let (y, n) = if a.len() == 4 {
            (year(a)?, b.parse::<u32>().ok()?)
        } else if a.is_empty() {
            (year(b.get(1..)?)?, b.get(..1)?.parse::<u32>().ok()?)
        } else {
            (year(b)?, a.parse::<u32>().ok()?)
        };
        (kind, y, n)
    } else {
        return None;
    };
    let (label, month) = match kind {
        "Q" if (1..=4).contains(&n) => (format!("{y}-Q{n}"), 3 * (n - 1) + 1),
        "H" if (1..=2).contains(&n) => (format!("{y}-H{n}"), 6 * (n - 1) + 1),
        "FY" => (format!("FY{y}"), 1),
        _ => return None,
    };
    Some((label, kind, NaiveDate::from_ymd_opt(y, month, 1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        assert_eq!(
            parse_period("2024-Q3"),
            Some(("2024-Q3".into(), "Q", d(2024, 7)))
        );
        assert_eq!(
            parse_period("Q3 2024"),
            Some(("2024-Q3".into(), "Q", d(2024, 7)))
        );
        assert_eq!(
            parse_period("3Q24"),
            Some(("2024-Q3".into(), "Q", d(2024, 7)))
        );
        assert_eq!(
            parse_period("H2 2023"),
            Some(("2023-H2".into(), "H", d(2023, 7)))
        );
        assert_eq!(
            parse_period("FY2023"),
            Some(("FY2023".into(), "FY", d(2023, 1)))
        );
        assert_eq!(
            parse_period("2022"),
            Some(("FY2022".into(), "FY", d(2022, 1)))
        );
        assert_eq!(parse_period("Q5 2024"), None);
        assert_eq!(parse_period("soon"), None);
    }
}

//! Tabular file readers: CSV, XLSX and Parquet by extension, behind one row iterator with named
//! columns and the row number a person would look up in the file (the CSV line, the Excel row,
//! the Parquet record). CSV and Parquet stream; an XLSX sheet is read one sheet at a time.

use std::fs::File;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::IngestError;

/// One cell as the file gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The text of the cell, trimmed; `None` when empty.
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(s) => {
                let t = s.trim();
                (!t.is_empty()).then(|| t.to_string())
            }
            Cell::Number(n) => Some(if n.fract() == 0.0 && n.abs() < 1e15 {
                format!("{}", *n as i64)
            } else {
                format!("{n}")
            }),
            Cell::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
        }
    }

    /// A finite number; text is parsed (thousands separators allowed).
    pub fn number(&self) -> Result<f64, String> {
        let n = match self {
            Cell::Number(n) => *n,
            Cell::Text(s) => {
                let t = s.trim();
                if t.is_empty() {
                    return Err("expected a number, found an empty cell".into());
                }
                t.parse::<f64>()
                    .or_else(|_| t.replace(',', "").parse::<f64>())
                    .map_err(|_| format!("expected a number, found {t:?}"))?
            }
            Cell::Empty => return Err("expected a number, found an empty cell".into()),
            Cell::Date(d) => return Err(format!("expected a number, found the date {d}")),
        };
        if n.is_finite() {
            Ok(n)
        } else {
            Err("expected a finite number".into())
        }
    }

    /// A calendar date: a date cell, an ISO date (with or without a time) or `DD/MM/YYYY`.
    pub fn date(&self) -> Result<NaiveDate, String> {
        match self {
            Cell::Date(d) => Ok(*d),
            Cell::Text(s) => {
                parse_date(s.trim()).ok_or_else(|| format!("expected a date, found {s:?}"))
            }
            Cell::Number(n) => Err(format!("expected a date, found the number {n}")),
            Cell::Empty => Err("expected a date, found an empty cell".into()),
        }
    }
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|d| d.date())
        })
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .map(|d| d.date())
        })
        .or_else(|| {
            s.get(..10)
                .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        })
        .or_else(|| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok())
}

/// A data row: its number in the file and its cells in header order.
pub struct Row {
    pub number: u64,
    pub cells: Vec<Cell>,
}

/// A table being read: the header, then rows.
pub struct Table {
    pub header: Vec<String>,
    rows: Box<dyn Iterator<Item = Result<Row, IngestError>> + Send>,
    /// Rows in the file when the format says so up front (XLSX, Parquet), for the progress bar.
    pub expected_rows: Option<u64>,
}

impl Iterator for Table {
    type Item = Result<Row, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
    }
}

impl Table {
    /// The index of a column, matched without regard to case and surrounding space.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }

    /// Like [`Table::column`], but a missing column is an error naming it.
    pub fn require(&self, name: &str) -> Result<usize, IngestError> {
        self.column(name).ok_or_else(|| {
            IngestError::file(format!(
                "missing column {name:?} (the header has: {})",
                self.header.join(", ")
            ))
        })
    }
}

/// Open a tabular file by extension. `sheet` picks an XLSX sheet (default: the first).
pub fn open(path: &Path, sheet: Option<&str>) -> Result<Table, IngestError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => open_csv(path, if ext == "tsv" { b'\t' } else { b',' }),
        "xlsx" | "xlsm" | "xls" | "ods" => open_sheet(path, sheet),
        "parquet" | "pq" => open_parquet(path),
        _ => Err(IngestError::file(format!(
            "unsupported file type {:?}: expected .csv, .xlsx or .parquet",
            path.extension().and_then(|e| e.to_str()).unwrap_or("")
        ))),
    }
}

fn open_csv(path: &Path, delimiter: u8) -> Result<Table, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::file(format!("cannot open: {e}")))?;
    csv_table(std::io::BufReader::with_capacity(1 << 16, file), delimiter)
}

/// A CSV table from any reader (the embedded sample files use this).
pub fn csv_table<R: std::io::Read + Send + 'static>(
    input: R,
    delimiter: u8,
) -> Result<Table, IngestError> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(input);
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| IngestError::file(format!("cannot read the header: {e}")))?
        .iter()
        // A UTF-8 byte-order mark from spreadsheet exports.
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let mut records = rdr.into_records();
    let rows = std::iter::from_fn(move || {
        let rec = records.next()?;
        Some(match rec {
            Ok(r) => Ok(Row {
                number: r.position().map(|p| p.line()).unwrap_or(0),
                cells: r
                    .iter()
                    .map(|c| {
                        if c.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c.to_string())
                        }
                    })
                    .collect(),
            }),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                Err(IngestError::at(
                    line,
                    None,
                    format!("unreadable CSV row: {e}"),
                ))
            }
        })
    });
    Ok(Table {
        header,
        rows: Box::new(rows),
        expected_rows: None,
    })
}

fn open_sheet(path: &Path, sheet: Option<&str>) -> Result<Table, IngestError> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb =
        open_workbook_auto(path).map_err(|e| IngestError::file(format!("cannot open: {e}")))?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(s))
            .cloned()
            .ok_or_else(|| {
                IngestError::file(format!(
                    "no sheet named {s:?} (sheets: {})",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| IngestError::file("the workbook has no sheet".into()))?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| IngestError::file(format!("cannot read sheet {name:?}: {e}")))?;
    let first_row = range.start().map(|(r, _)| r as u64).unwrap_or(0);
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .ok_or_else(|| IngestError::file(format!("sheet {name:?} is empty")))?
        .iter()
        .map(|c| c.to_string().trim().to_string())
        .collect();
    let expected = range.height().saturating_sub(1) as u64;
    let data: Vec<Row> = rows
        .enumerate()
        .map(|(i, r)| Row {
            // Excel's 1-based row number: the header is row first_row + 1.
            number: first_row + i as u64 + 2,
            cells: r
                .iter()
                .map(|c| match c {
                    Data::Empty => Cell::Empty,
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Float(f) => Cell::Number(*f),
                    Data::Bool(b) => Cell::Text(b.to_string()),
                    Data::String(s) if s.trim().is_empty() => Cell::Empty,
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::DateTime(d) => d
                        .as_datetime()
                        .map(|d| Cell::Date(d.date()))
                        .unwrap_or_else(|| Cell::Number(d.as_f64())),
                    Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                    Data::Error(e) => Cell::Text(format!("#{e:?}")),
                })
                .collect(),
        })
        .collect();
    Ok(Table {
        header,
        rows: Box::new(data.into_iter().map(Ok)),
        expected_rows: Some(expected),
    })
}

fn open_parquet(path: &Path) -> Result<Table, IngestError> {
    use parquet::basic::{LogicalType, TimeUnit};
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let file = File::open(path).map_err(|e| IngestError::file(format!("cannot open: {e}")))?;
    let reader = SerializedFileReader::new(file)
        .map_err(|e| IngestError::file(format!("not a readable Parquet file: {e}")))?;
    let meta = reader.metadata().file_metadata();
    let expected = meta.num_rows().max(0) as u64;
    let schema = meta.schema_descr();
    let header: Vec<String> = (0..schema.num_columns())
        .map(|i| schema.column(i).name().to_string())
        .collect();
    // pandas writes nanosecond timestamps, which the record API hands over as plain integers.
    let nanos: Vec<bool> = (0..schema.num_columns())
        .map(|i| {
            matches!(
                schema.column(i).logical_type_ref(),
                Some(LogicalType::Timestamp(t)) if matches!(t.unit, TimeUnit::NANOS)
            )
        })
        .collect();
    let mut iter = reader.into_iter();
    let mut n = 0u64;
    let rows = std::iter::from_fn(move || {
        let rec = iter.next()?;
        n += 1;
        Some(match rec {
            Err(e) => Err(IngestError::at(
                n,
                None,
                format!("unreadable Parquet record: {e}"),
            )),
            Ok(row) => Ok(Row {
                number: n,
                cells: row
                    .get_column_iter()
                    .enumerate()
                    .map(|(i, (_, f))| match f {
                        Field::Null => Cell::Empty,
                        Field::Str(s) if s.trim().is_empty() => Cell::Empty,
                        Field::Str(s) => Cell::Text(s.clone()),
                        Field::Bool(b) => Cell::Text(b.to_string()),
                        Field::Byte(v) => Cell::Number(*v as f64),
                        Field::Short(v) => Cell::Number(*v as f64),
                        Field::Int(v) => Cell::Number(*v as f64),
                        Field::Long(v) if nanos.get(i).copied().unwrap_or(false) => {
                            from_millis(v.div_euclid(1_000_000))
                        }
                        Field::Long(v) => Cell::Number(*v as f64),
                        Field::UByte(v) => Cell::Number(*v as f64),
                        Field::UShort(v) => Cell::Number(*v as f64),
                        Field::UInt(v) => Cell::Number(*v as f64),
                        Field::ULong(v) => Cell::Number(*v as f64),
                        Field::Float(v) => Cell::Number(*v as f64),
                        Field::Double(v) => Cell::Number(*v),
                        Field::Date(d) => NaiveDate::from_ymd_opt(1970, 1, 1)
                            .and_then(|e| e.checked_add_signed(chrono::Duration::days(*d as i64)))
                            .map(Cell::Date)
                            .unwrap_or(Cell::Empty),
                        Field::TimestampMillis(v) => from_millis(*v),
                        Field::TimestampMicros(v) => from_millis(v.div_euclid(1000)),
                        other => Cell::Text(other.to_string()),
                    })
                    .collect(),
            }),
        })
    });
    Ok(Table {
        header,
        rows: Box::new(rows),
        expected_rows: Some(expected),
    })
}

fn from_millis(ms: i64) -> Cell {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| Cell::Date(d.date_naive()))
        .unwrap_or(Cell::Empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_convert_as_people_write_them() {
        assert_eq!(Cell::Text(" 1,234.5 ".into()).number(), Ok(1234.5));
        assert!(Cell::Text("NaN".into()).number().is_err());
        assert!(Cell::Empty.number().is_err());
        assert_eq!(Cell::Number(2023.0).text().as_deref(), Some("2023"));
        let d = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        assert_eq!(Cell::Text("2024-03-01 00:00:00".into()).date(), Ok(d));
        assert_eq!(Cell::Text("01/03/2024".into()).date(), Ok(d));
        assert!(Cell::Text("March".into()).date().is_err());
    }
}

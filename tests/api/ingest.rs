//! Ingestion: every format and layout, idempotence, duplicates, broken files that leave
//! the old data untouched, documents and their search, the command line, and the real files of
//! `../shared/datasets/` when they are present (figures computed here, independently).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::json;
use solarintel::data::docs::{self, Format};
use solarintel::data::ingest::{Progress, Report, ingest_file};
use solarintel::data::{IngestError, Kind};
use solarintel::tools::market::{self, Market, MarketArgs};
use solarintel::tools::prices::{self, PriceArgs, Prices};
use solarintel::tools::{DataTool, ToolContext, documents};

use crate::support::*;

const LONG_HEADER: &str = "Territory,Year,Scenario,Connection,Type,Capacity(MW),AC/DC,Estimated/Confirmed,Installed/Decomissioned\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

async fn ingest(app: &TestApp, kind: Kind, path: &Path) -> Result<Report, IngestError> {
    ingest_file(app.db(), kind, path, None, &mut Progress::hidden()).await
}

async fn market_figure(app: &TestApp, args: serde_json::Value) -> Option<f64> {
    let args: MarketArgs = serde_json::from_value(args).unwrap();
    let names = market::territories(&app.state.db).await.unwrap();
    let r = market::resolve(&args, &names, false).unwrap();
    let res = Market::query(&app.state.tool_context(), &r)
        .await
        .unwrap()?;
    assert_eq!(res.rows.len(), 1, "{:?}", res.rows);
    Some(res.rows[0].capacity_mw)
}

db_test!(async fn long_csv_is_idempotent_counts_duplicates_once_and_replaces_the_sample(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_dataset_sources WHERE kind = 'market' AND is_sample").await, 1);
    let dir = tempfile::tempdir().unwrap();
    let csv = format!(
        "{LONG_HEADER}Italy,2023,Historical Primary,Total,Annual,5234.5,DC,Confirmed,Installed\n\
         Italy,2023,Historical Primary,Total,Annual,5234.5,DC,Confirmed,Installed\n\
         Italy,2023,Historical Primary,Total,Annual,5234.5,,,Installed\n\
         Italy,2022,Historical Primary,Total,Annual,3000,DC,Confirmed,Installed\n\
         Italy,2030,forecast - most probable,off grid,CUMULATIVE,\"1,250.5\",,,Installed\n"
    );
    let path = write(dir.path(), "market.csv", &csv);
    let r = ingest(&app, Kind::Market, &path).await.unwrap();
    assert_eq!((r.rows_read, r.rows_stored, r.duplicates), (5, 3, 2));
    assert_eq!(r.layout, "long");
    // The sample of this kind is gone; other kinds keep theirs.
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_dataset_sources WHERE kind = 'market' AND is_sample").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_dataset_sources WHERE kind = 'prices' AND is_sample").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_market_data").await, 3);
    // Loading the same file again replaces its rows.
    let r = ingest(&app, Kind::Market, &path).await.unwrap();
    assert_eq!(r.rows_stored, 3);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_market_data").await, 3);
    assert_eq!(market_figure(&app, json!({"territory": "ITALY", "year": 2023})).await, Some(5234.5));
    // Vocabulary is normalised: case, "off grid", thousands separators.
    assert_eq!(
        market_figure(&app, json!({"territory": "Italy", "year": 2030, "type": "cumulative", "connection": "Off-grid",
                                    "scenario": "Forecast - Most probable"})).await,
        Some(1250.5)
    );
});

db_test!(async fn a_bad_file_names_the_row_and_column_and_leaves_the_old_data(b) {
    let app = TestApp::start(b).await;
    let dir = tempfile::tempdir().unwrap();
    let good = format!("{LONG_HEADER}Spain,2023,Historical Primary,Total,Annual,8000,DC,Confirmed,Installed\n");
    let path = write(dir.path(), "m.csv", &good);
    ingest(&app, Kind::Market, &path).await.unwrap();

    let cases = [
        (
            format!("{LONG_HEADER}Spain,2023,Historical Primary,Total,Annual,9000,DC,,\nSpain,20x4,Historical Primary,Total,Annual,1,DC,,\n"),
            "row 3, column \"Year\": expected a number, found \"20x4\"",
        ),
        (
            format!("{LONG_HEADER}Spain,2024,Guesswork,Total,Annual,1,DC,,\n"),
            "row 2, column \"Scenario\": unknown value \"Guesswork\"",
        ),
        (
            format!("{LONG_HEADER}Spain,2024,Historical Primary,Total,Annual,,DC,,\n"),
            "row 2, column \"Capacity(MW)\": expected a number, found an empty cell",
        ),
        (
            format!("{LONG_HEADER}Spain,2024,Historical Primary,Total,Annual,5,DC,,\nSpain,2024,Historical Primary,Total,Annual,6,DC,,\n"),
            "row 3, column \"Capacity(MW)\": 6 contradicts row 2 (5 there)",
        ),
        ("Territory,Year\nSpain,2024\n".to_string(), "missing column \"Scenario\""),
        ("Name,Value\nx,1\n".to_string(), "not a market data file"),
    ];
    for (text, want) in cases {
        let path = write(dir.path(), "m.csv", &text);
        let e = ingest(&app, Kind::Market, &path).await.unwrap_err().to_string();
        assert!(e.contains(want), "{e:?} should contain {want:?}");
        // Nothing of the bad file, and the old file's rows are all there.
        assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_market_data").await, 1);
        assert_eq!(market_figure(&app, json!({"territory": "Spain", "year": 2023})).await, Some(8000.0));
    }
    let e = ingest(&app, Kind::Market, &dir.path().join("nope.pdf")).await.unwrap_err().to_string();
    assert!(e.contains("unsupported file type"), "{e}");
});

/// A minimal XLSX workbook (inline strings) with the given sheets.
fn xlsx(path: &Path, sheets: &[(&str, Vec<Vec<String>>)]) {
    use zip::write::SimpleFileOptions;
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut ct = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        ct.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        wb.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        let mut s = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (r, row) in rows.iter().enumerate() {
            s.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, v) in row.iter().enumerate() {
                let col = (b'A' + c as u8) as char;
                if v.parse::<f64>().is_ok() {
                    s.push_str(&format!(r#"<c r="{col}{}"><v>{v}</v></c>"#, r + 1));
                } else {
                    s.push_str(&format!(
                        r#"<c r="{col}{}" t="inlineStr"><is><t>{v}</t></is></c>"#,
                        r + 1
                    ));
                }
            }
            s.push_str("</row>");
        }
        s.push_str("</sheetData></worksheet>");
        z.start_file(format!("xl/worksheets/sheet{n}.xml"), o)
            .unwrap();
        z.write_all(s.as_bytes()).unwrap();
    }
    ct.push_str("</Types>");
    wb.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(ct.as_bytes()).unwrap();
    z.start_file("_rels/.rels", o).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).unwrap();
    z.start_file("xl/workbook.xml", o).unwrap();
    z.write_all(wb.as_bytes()).unwrap();
    z.start_file("xl/_rels/workbook.xml.rels", o).unwrap();
    z.write_all(rels.as_bytes()).unwrap();
    z.finish().unwrap();
}

fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
    v.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

db_test!(async fn the_wide_layout_from_xlsx_with_a_chosen_sheet(b) {
    let app = TestApp::start(b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bi.xlsx");
    xlsx(&path, &[
        ("Notes", rows(&[&["nothing", "here"]])),
        ("Market Search Data", rows(&[
            &["Country", "Market Segment", "Scenario", "Period", "Year", "Annual Market", "Cumulative Market"],
            &["Austria", "Total", "Historical", "FY", "2024", "2000.5", "9000"],
            &["Austria", "Total", "Most Probable", "FY", "2026", "2500", "14000"],
            &["Austria", "Distributed", "High", "FY", "2026", "1500", ""],
        ])),
    ]);
    let r = ingest_file(app.db(), Kind::Market, &path, Some("market search data"), &mut Progress::hidden()).await.unwrap();
    assert_eq!((r.layout.as_str(), r.rows_read, r.rows_stored), ("wide", 3, 5), "an empty cumulative cell is no figure");
    assert_eq!(market_figure(&app, json!({"territory": "Austria", "year": 2024})).await, Some(2000.5));
    assert_eq!(market_figure(&app, json!({"territory": "Austria", "year": 2026, "type": "Cumulative"})).await, Some(14000.0));
    assert_eq!(
        market_figure(&app, json!({"territory": "Austria", "year": 2026, "scenario": "high", "connection": "distributed"})).await,
        Some(1500.0)
    );
    // The first sheet is not market data; a missing sheet is named.
    let e = ingest(&app, Kind::Market, &path).await.unwrap_err().to_string();
    assert!(e.contains("not a market data file"), "{e}");
    let e = ingest_file(app.db(), Kind::Market, &path, Some("Other"), &mut Progress::hidden()).await.unwrap_err().to_string();
    assert!(e.contains("no sheet named \"Other\"") && e.contains("Market Search Data"), "{e}");
});

/// (item, description, date as days, value, unit, region, source)
type PriceRow<'a> = (
    &'a str,
    &'a str,
    i64,
    f64,
    &'a str,
    &'a str,
    Option<&'a str>,
);

fn write_price_parquet(path: &Path, rows: &[PriceRow]) {
    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let schema = Arc::new(
        parse_message_type(
            "message schema {
            REQUIRED BYTE_ARRAY item (UTF8);
            REQUIRED BYTE_ARRAY description (UTF8);
            REQUIRED INT64 date (TIMESTAMP(NANOS,false));
            REQUIRED BYTE_ARRAY frequency (UTF8);
            REQUIRED DOUBLE base_price;
            REQUIRED BYTE_ARRAY unit (UTF8);
            REQUIRED BYTE_ARRAY region (UTF8);
            OPTIONAL BYTE_ARRAY source (UTF8);
        }",
        )
        .unwrap(),
    );
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let f = std::fs::File::create(path).unwrap();
    let mut w = SerializedFileWriter::new(f, schema, props).unwrap();
    let mut rg = w.next_row_group().unwrap();
    type Row<'a> = (
        &'a str,
        &'a str,
        i64,
        f64,
        &'a str,
        &'a str,
        Option<&'a str>,
    );
    let bytes = |f: &dyn for<'r> Fn(&'r Row<'r>) -> &'r str| -> Vec<ByteArray> {
        rows.iter().map(|r| ByteArray::from(f(r))).collect()
    };
    let mut i = 0;
    while let Some(mut col) = rg.next_column().unwrap() {
        match i {
            0 => {
                col.typed::<ByteArrayType>()
                    .write_batch(&bytes(&|r| r.0), None, None)
                    .unwrap();
            }
            1 => {
                col.typed::<ByteArrayType>()
                    .write_batch(&bytes(&|r| r.1), None, None)
                    .unwrap();
            }
            2 => {
                let v: Vec<i64> = rows.iter().map(|r| r.2 * 86_400 * 1_000_000_000).collect();
                col.typed::<Int64Type>()
                    .write_batch(&v, None, None)
                    .unwrap();
            }
            3 => {
                col.typed::<ByteArrayType>()
                    .write_batch(&bytes(&|_| "Weekly"), None, None)
                    .unwrap();
            }
            4 => {
                let v: Vec<f64> = rows.iter().map(|r| r.3).collect();
                col.typed::<DoubleType>()
                    .write_batch(&v, None, None)
                    .unwrap();
            }
            5 => {
                col.typed::<ByteArrayType>()
                    .write_batch(&bytes(&|r| r.4), None, None)
                    .unwrap();
            }
            6 => {
                col.typed::<ByteArrayType>()
                    .write_batch(&bytes(&|r| r.5), None, None)
                    .unwrap();
            }
            _ => {
                let present: Vec<ByteArray> = rows
                    .iter()
                    .filter_map(|r| r.6.map(ByteArray::from))
                    .collect();
                let defs: Vec<i16> = rows.iter().map(|r| r.6.is_some() as i16).collect();
                col.typed::<ByteArrayType>()
                    .write_batch(&present, Some(&defs), None)
                    .unwrap();
            }
        }
        col.close().unwrap();
        i += 1;
    }
    rg.close().unwrap();
    w.close().unwrap();
}

db_test!(async fn prices_from_parquet_keep_units_apart(b) {
    let app = TestApp::start(b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prices.parquet");
    // Days since 1970: 19723 = 2024-01-01, 19754 = 2024-02-01.
    write_price_parquet(&path, &[
        ("Module", "n-type TOPCon", 19723, 0.110, "US$/Wp", "China", Some("PVInsights")),
        ("Module", "n-type TOPCon", 19754, 0.100, "US$/Wp", "China", None),
        ("Module", "n-type TOPCon", 19754, 0.100, "US$/Wp", "China", None),
        ("Wafer", "n-type mono-Si M10", 19754, 0.150, "US$/pce", "China", Some("PVInfoLink")),
    ]);
    let r = ingest(&app, Kind::Prices, &path).await.unwrap();
    assert_eq!((r.rows_read, r.rows_stored, r.duplicates), (4, 3, 1));
    let v = prices::vocabulary(&app.state.db).await.unwrap();
    let args = PriceArgs { technology: vec!["topcon".into()], region: vec!["chinese".into()], ..Default::default() };
    let f = prices::resolve(&args, &v).unwrap();
    let res = Prices::query(&app.state.tool_context(), &f).await.unwrap().unwrap();
    assert_eq!(res.series.len(), 1);
    let (d, p) = res.series[0].latest();
    assert_eq!((d.to_string(), p), ("2024-02-01".to_string(), 0.1));
    // Both items together: two series, two units, and no chart that mixes them.
    let all = Prices::query(&app.state.tool_context(), &prices::resolve(&PriceArgs::default(), &v).unwrap()).await.unwrap().unwrap();
    assert_eq!(prices::units(&all), vec!["US$/Wp", "US$/pce"]);
    let e = prices::chart(&all, &PriceArgs::default()).unwrap_err().to_string();
    assert!(e.contains("different units"), "{e}");
    // Box and bar charts by category.
    let boxed = prices::chart(&res, &PriceArgs { plot_type: Some("box".into()), ..Default::default() }).unwrap().unwrap();
    // Two observations after the exact duplicate went: 0.100 and 0.110.
    assert_eq!(boxed["data"][0]["q2"], 0.105);
    assert_eq!(boxed["data"][0]["min"], 0.1);
    assert_eq!(boxed["data"][0]["max"], 0.11);
    assert_eq!(boxed["title"], "Price Distribution by Item");
});

db_test!(async fn financials_with_period_forms_and_errors(b) {
    let app = TestApp::start(b).await;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "fin.csv",
        "company,period,metric,value,unit\nAcme Solar,Q1 2024,Revenue,100,USD million\nAcme Solar,2024-Q2,Revenue,120,USD million\nAcme Solar,FY2023,Revenue,400,USD million\n");
    let r = ingest(&app, Kind::Financials, &path).await.unwrap();
    assert_eq!(r.rows_stored, 3);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_financial_data WHERE period = '2024-Q1'").await, 1);
    let bad = write(dir.path(), "fin.csv", "company,period,metric,value,unit\nAcme Solar,sometime,Revenue,1,USD million\n");
    let e = ingest(&app, Kind::Financials, &bad).await.unwrap_err().to_string();
    assert!(e.starts_with("row 2, column \"period\": unknown period \"sometime\""), "{e}");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_financial_data").await, 3);
});

db_test!(async fn documents_of_every_format_are_searchable_and_replaced_per_file(b) {
    let app = TestApp::start(b).await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.md", "---\ntitle: Thermography for hot spots\ndate: 2025-03-01\nurl: https://x.test/thermo\n---\n\nInfrared thermography finds hot spots in modules.\n");
    write(d, "b.html", "<html><head><title>Vegetation management</title></head><body><p>Mowing schedules keep vegetation below the modules.</p><script>var hotspot=1</script></body></html>");
    write(d, "c.txt", "Inverter failures\n\nInverter failures cause most downtime in utility plants.");
    write(d, "d.jsonl", "{\"title\":\"Soiling in deserts\",\"url\":\"https://x.test/soil\",\"published_at\":\"2024-06-01\",\"body\":\"Soiling losses reach 5% without cleaning.\"}\n");
    let files = docs::collect_files(&[d.to_path_buf()]).unwrap();
    assert_eq!(files.len(), 4);
    let load = |files: &[PathBuf]| -> Vec<(String, Format, String)> {
        files.iter().map(|f| (f.file_name().unwrap().to_string_lossy().into_owned(), docs::doc_format(f).unwrap(), std::fs::read_to_string(f).unwrap())).collect()
    };
    let r = docs::ingest_docs(app.db(), "om", &load(&files), false, &mut Progress::hidden()).await.unwrap();
    assert_eq!((r.files, r.documents, r.passages), (4, 4, 4));
    let ctx = app.state.tool_context().for_agent("leo_om");
    let search = |q: &str| {
        let q = q.to_string();
        let ctx = &ctx;
        async move { solarintel::tools::run(documents::NAME, &json!({"query": q}).to_string(), ctx).await.unwrap().for_model }
    };
    let out: serde_json::Value = serde_json::from_str(&search("hot spots thermography").await).unwrap();
    assert_eq!(out["passages"][0]["title"], "Thermography for hot spots");
    assert_eq!(out["passages"][0]["date"], "2025-03-01");
    assert_eq!(out["passages"][0]["url"], "https://x.test/thermo");
    // Stemming: "failure" finds "failures"; script text is not indexed.
    let out: serde_json::Value = serde_json::from_str(&search("inverter failure").await).unwrap();
    assert_eq!(out["passages"][0]["title"], "Inverter failures");
    let out: serde_json::Value = serde_json::from_str(&search("hotspot").await).unwrap();
    assert_eq!(out["passages"].as_array().unwrap().len(), 0);
    // Date filter.
    let out = solarintel::tools::run(documents::NAME, &json!({"query": "soiling thermography", "start_date": "2025-01-01"}).to_string(), &ctx).await.unwrap();
    let out: serde_json::Value = serde_json::from_str(&out.for_model).unwrap();
    assert_eq!(out["passages"].as_array().unwrap().len(), 1);
    // Another agent's collection is not searched by the O&M agent's peers.
    let news = ToolContext { agent_id: "news", ..ctx };
    let out = solarintel::tools::run(documents::NAME, &json!({"query": "soiling"}).to_string(), &news).await.unwrap();
    assert!(out.for_model.contains("\"passages\":[]"), "{}", out.for_model);
    // Re-ingesting replaces; a broken file fails the whole run and leaves the rest.
    docs::ingest_docs(app.db(), "om", &load(&files), false, &mut Progress::hidden()).await.unwrap();
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_document_passages").await, 4);
    let mut broken = load(&files);
    broken.push(("e.jsonl".into(), Format::JsonLines, "{\"title\":\"x\"}\n".into()));
    let e = docs::ingest_docs(app.db(), "om", &broken, false, &mut Progress::hidden()).await.unwrap_err().to_string();
    assert!(e.contains("e.jsonl") && e.contains("row 1, column \"body\""), "{e}");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_document_passages").await, 4);
    let e = docs::ingest_docs(app.db(), "bad name!", &load(&files), false, &mut Progress::hidden()).await.unwrap_err().to_string();
    assert!(e.contains("invalid collection name"), "{e}");
});

fn shared(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/datasets")
        .join(name);
    p.exists().then_some(p)
}

db_test!(async fn the_real_datasets_ingest_and_match_figures_computed_from_the_files(b) {
    let (Some(csv_path), Some(xlsx_path), Some(pq_path)) = (
        shared("market-database-fy.csv"), shared("bi-market-data.xlsx"), shared("component-prices.parquet"),
    ) else {
        eprintln!("../shared/datasets not present: skipped");
        return;
    };
    let app = TestApp::start(b).await;
    let r = ingest(&app, Kind::Market, &csv_path).await.unwrap();
    assert_eq!((r.rows_read, r.duplicates), (17240, 624));
    // Independent figure: Italy's 2023 annual total, read with the csv crate here.
    let mut rd = csv::Reader::from_path(&csv_path).unwrap();
    let want: f64 = rd.records().map(|r| r.unwrap()).find(|r| {
        &r[0] == "Italy" && &r[1] == "2023" && &r[2] == "Historical Primary" && &r[3] == "Total" && &r[4] == "Annual"
    }).map(|r| r[5].parse().unwrap()).unwrap();
    assert_eq!(market_figure(&app, json!({"territory": "Italy", "year": 2023})).await, Some(want));
    // The sum of the connection parts is the total for historical years (a property of the file).
    let args: MarketArgs = serde_json::from_value(json!({"territory": "Germany", "year": 2020, "group_by": "connection"})).unwrap();
    let names = market::territories(&app.state.db).await.unwrap();
    let res = Market::query(&app.state.tool_context(), &market::resolve(&args, &names, false).unwrap()).await.unwrap().unwrap();
    let parts: f64 = res.rows.iter().map(|x| x.capacity_mw).sum();
    let total = market_figure(&app, json!({"territory": "Germany", "year": 2020})).await.unwrap();
    assert!((parts - total).abs() < 1.0, "{parts} vs {total}");

    let r = ingest_file(app.db(), Kind::Market, &xlsx_path, Some("Market Search Data"), &mut Progress::hidden()).await.unwrap();
    assert_eq!((r.rows_read, r.layout.as_str()), (2856, "wide"));
    // Now the newest source answers where it has the rows; the CSV still answers for 2010.
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto(&xlsx_path).unwrap();
    let range = wb.worksheet_range("Market Search Data").unwrap();
    let cell = |c: &Data| c.to_string();
    let want_x: f64 = range.rows().find(|r| cell(&r[0]) == "Austria" && cell(&r[1]) == "Total" && cell(&r[2]) == "Historical" && cell(&r[4]) == "2020")
        .map(|r| match &r[5] { Data::Float(f) => *f, Data::Int(i) => *i as f64, o => panic!("{o:?}") }).unwrap();
    assert_eq!(market_figure(&app, json!({"territory": "Austria", "year": 2020})).await, Some(want_x));
    assert!(market_figure(&app, json!({"territory": "Italy", "year": 2010})).await.is_some());

    let r = ingest(&app, Kind::Prices, &pq_path).await.unwrap();
    assert_eq!((r.rows_read, r.duplicates), (16136, 81));
    // Independent figure: the mean of the latest day's TOPCon module prices in China, read
    // here with the Parquet record API.
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let rdr = SerializedFileReader::new(std::fs::File::open(&pq_path).unwrap()).unwrap();
    let mut obs: Vec<(i64, f64)> = Vec::new();
    for row in rdr.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let f: Vec<String> = row.get_column_iter().map(|(_, v)| v.to_string()).collect();
        if f[0] == "\"Module\"" && f[1] == "\"n-type TOPCon\"" && f[6] == "\"China\"" {
            let ts = match row.get_column_iter().nth(2).unwrap().1 {
                parquet::record::Field::Long(v) => *v,
                parquet::record::Field::TimestampMillis(v) => *v * 1_000_000,
                parquet::record::Field::TimestampMicros(v) => *v * 1_000,
                other => panic!("{other:?}"),
            };
            obs.push((ts / 86_400_000_000_000, f[4].parse().unwrap()));
        }
    }
    let last_day = obs.iter().map(|o| o.0).max().unwrap();
    let latest: Vec<f64> = obs.iter().filter(|o| o.0 == last_day).map(|o| o.1).collect();
    let want_p = latest.iter().sum::<f64>() / latest.len() as f64;
    let v = prices::vocabulary(&app.state.db).await.unwrap();
    let f = prices::resolve(&PriceArgs { item: vec!["modules".into()], technology: vec!["n-type TOPCon".into()], region: vec!["China".into()], ..Default::default() }, &v).unwrap();
    let res = Prices::query(&app.state.tool_context(), &f).await.unwrap().unwrap();
    assert_eq!(res.series.len(), 1);
    let (d, p) = res.series[0].latest();
    assert_eq!(d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days(), last_day);
    assert!((p - want_p).abs() < 1e-9, "{p} vs {want_p}");
    // The four wafer rows with the unit "#N/A/#N/A" stay a series of their own.
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_price_data WHERE unit = '#N/A/#N/A'").await, 4);
});

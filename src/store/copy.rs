//! `copy-database`: every row of the SQLite database into an empty PostgreSQL database, in one
//! transaction on the target, so a failure at any point leaves nothing of the copy behind.
//!
//! Nothing here names a table: the tables and their columns are read from the target's catalogue
//! after its migrations ran (the PostgreSQL schema is the one the service will run on), matched
//! by name against the source's, and ordered by the target's foreign keys (parents first; the
//! schema declares none today, so the order is by name). Every value travels as text, as
//! PostgreSQL reads a literal: each batch is one `INSERT ... SELECT ... FROM UNNEST($1::text[],
//! ...)` with one array parameter per column, and each column is cast to its type there, so
//! SQLite's 0/1 booleans, its text timestamps and dates, JSON held in text columns and numbers all
//! arrive as PostgreSQL types, and a value the column cannot hold (text in an integer column,
//! a string over a `VARCHAR` length, which SQLite never enforced) fails the copy with its table.
//!
//! The target's own triggers are off while its tables fill (on PostgreSQL they keep each
//! conversation's message count and latest message, and stamp new accounts): those values are
//! copied as SQLite kept them. Sequences then continue after the highest id of each table, or
//! after the highest id SQLite ever handed out when it recorded a deleted one higher
//! (`fastapi_id_floor`), so no id is given out twice across the move.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use futures::TryStreamExt;
use sqlx::{AssertSqlSafe, Row, TypeInfo, ValueRef};

use super::Db;

/// Rows per `INSERT`, and the text they may hold at most, whichever comes first.
const BATCH_ROWS: usize = 5_000;
const BATCH_BYTES: usize = 8 << 20;

/// SQLite's record of the highest id ever deleted per table (migration 0007): read for the
/// sequences, not copied (PostgreSQL's sequences never hand an id out twice).
const ID_FLOOR: &str = "fastapi_id_floor";

/// One table copied.
#[derive(Debug, Clone)]
pub struct TableCopy {
    pub table: String,
    pub rows: u64,
    pub seconds: f64,
}

/// What `sqlite_to_postgres` did.
#[derive(Debug, Default)]
pub struct CopyReport {
    pub tables: Vec<TableCopy>,
    /// Source tables and columns not copied, each with why.
    pub not_copied: Vec<String>,
    /// Rows the target held before (no accounts: agent rows and sample data a start-up wrote),
    /// replaced by the copy.
    pub replaced_rows: i64,
    /// Each sequence set, with the next value it gives.
    pub sequences: Vec<(String, i64)>,
}

/// Progress while a table fills: its name and the rows copied so far.
pub type Progress<'a> = dyn FnMut(&str, u64) + Send + 'a;

/// A quoted identifier (names come from the catalogues, never from input; quoted all the same).
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// How many accounts the target database holds; 0 when it has no account table yet.
pub async fn accounts_in(target: &Db) -> Result<i64> {
    let Db::Postgres(pg) = target else {
        bail!("the target of copy-database is a PostgreSQL database");
    };
    let table: Option<String> = sqlx::query_scalar("SELECT to_regclass('fastapi_users')::text")
        .fetch_one(pg)
        .await?;
    if table.is_none() {
        return Ok(0);
    }
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM fastapi_users")
        .fetch_one(pg)
        .await?)
}

/// The refusal when the target is in use.
pub fn refuse_accounts(n: i64) -> anyhow::Error {
    anyhow::anyhow!(
        "the target database already holds {n} account{}: copy-database fills a new, empty \
         database only, and wrote nothing to this one (name an empty database, or drop and \
         create this one again)",
        if n == 1 { "" } else { "s" }
    )
}

#[derive(Debug)]
struct Column {
    name: String,
    /// The column's type without its modifier (`character varying`, not `(80)`): the cast
    /// reads the text, and assigning it to the column then checks the length.
    cast: String,
    bytea: bool,
}

#[derive(Debug)]
struct Table {
    name: String,
    columns: Vec<Column>,
    identity_always: bool,
    triggers: bool,
    order_by_rowid: bool,
}

/// Copy every row of `source` (SQLite, migrated to this binary's version) into `target`
/// (PostgreSQL: migrated here first; refused when it holds accounts). All or nothing.
pub async fn sqlite_to_postgres(
    source: &Db,
    target: &Db,
    progress: &mut Progress<'_>,
) -> Result<CopyReport> {
    let (Db::Sqlite(src_pool), Db::Postgres(pg)) = (source, target) else {
        bail!("copy-database copies a SQLite database into a PostgreSQL one");
    };
    let state = source.migration_state().await?;
    if let Some(v) = state.unknown.first() {
        bail!(
            "the SQLite database was migrated by a newer solarintel (its migration {v} is \
             unknown to this binary): copy it with that version"
        );
    }
    if state.applied == 0 || state.pending > 0 {
        bail!(
            "the SQLite database is not at this binary's schema ({} migration(s) pending): run \
             `solarintel migrate` on it first",
            state.pending
        );
    }
    let n = accounts_in(target).await?;
    if n > 0 {
        return Err(refuse_accounts(n));
    }
    let tstate = target.migration_state().await?;
    if let Some(v) = tstate.unknown.first() {
        bail!(
            "the target database was migrated by a newer solarintel (its migration {v} is \
             unknown to this binary)"
        );
    }
    target
        .migrate()
        .await
        .context("migrating the target database")?;

    let mut report = CopyReport::default();
    let tables = target_tables(pg).await?;
    let source_tables = source_tables(src_pool).await?;
    let mut order_by_rowid = BTreeMap::new();
    for (name, rowid) in &source_tables {
        order_by_rowid.insert(name.clone(), *rowid);
    }
    for name in source_tables.keys() {
        if tables.iter().any(|t| &t.name == name) {
            continue;
        }
        report.not_copied.push(if name == ID_FLOOR {
            format!(
                "{ID_FLOOR}: SQLite's record of deleted ids; the sequences start above it instead"
            )
        } else {
            format!("{name}: no such table in this version's PostgreSQL schema")
        });
    }
    let missing: Vec<&str> = tables
        .iter()
        .filter(|t| !source_tables.contains_key(&t.name))
        .map(|t| t.name.as_str())
        .collect();
    if !missing.is_empty() {
        bail!(
            "the SQLite database lacks table(s) the PostgreSQL schema has: {}",
            missing.join(", ")
        );
    }
    let mut tables = tables;
    for t in &mut tables {
        t.order_by_rowid = order_by_rowid.get(&t.name).copied().unwrap_or(false);
        let src_cols: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?1)")
            .bind(&t.name)
            .fetch_all(src_pool)
            .await?;
        let lacking: Vec<&str> = t
            .columns
            .iter()
            .filter(|c| !src_cols.contains(&c.name))
            .map(|c| c.name.as_str())
            .collect();
        if !lacking.is_empty() {
            bail!(
                "the SQLite table {} lacks column(s) the PostgreSQL schema has: {}",
                t.name,
                lacking.join(", ")
            );
        }
        for c in &src_cols {
            if !t.columns.iter().any(|tc| &tc.name == c) {
                report.not_copied.push(format!(
                    "{}.{c}: no such column in this version's PostgreSQL schema",
                    t.name
                ));
            }
        }
    }
    let floors: BTreeMap<String, i64> = if source_tables.contains_key(ID_FLOOR) {
        sqlx::query_as::<_, (String, i64)>("SELECT table_name, max_id FROM fastapi_id_floor")
            .fetch_all(src_pool)
            .await?
            .into_iter()
            .collect()
    } else {
        BTreeMap::new()
    };

    // One read transaction on the source (every table as of one moment) and one write
    // transaction on the target (all of it, or none of it).
    let mut src = src_pool.begin().await?;
    let mut tx = pg.begin().await?;
    sqlx::query("LOCK TABLE fastapi_users IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM fastapi_users")
        .fetch_one(&mut *tx)
        .await?;
    if n > 0 {
        return Err(refuse_accounts(n));
    }
    let mut held = 0i64;
    for t in &tables {
        let sql = format!("SELECT COUNT(*) FROM {}", ident(&t.name));
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .fetch_one(&mut *tx)
            .await?;
        held += n;
    }
    if held > 0 {
        let list: Vec<String> = tables.iter().map(|t| ident(&t.name)).collect();
        let sql = format!("TRUNCATE TABLE {}", list.join(", "));
        sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
    }
    report.replaced_rows = held;
    for t in tables.iter().filter(|t| t.triggers) {
        let sql = format!("ALTER TABLE {} DISABLE TRIGGER USER", ident(&t.name));
        sqlx::query(AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await
            .with_context(|| format!("turning the triggers of {} off for the copy", t.name))?;
    }

    for t in &tables {
        let started = Instant::now();
        let rows = copy_table(&mut src, &mut tx, t, progress)
            .await
            .with_context(|| format!("copying {}", t.name))?;
        let sql = format!("SELECT COUNT(*) FROM {}", ident(&t.name));
        let in_source: i64 = sqlx::query_scalar(AssertSqlSafe(sql.clone()))
            .fetch_one(&mut *src)
            .await?;
        let in_target: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .fetch_one(&mut *tx)
            .await?;
        if in_source != in_target || in_target as u64 != rows {
            bail!(
                "{}: {in_source} rows in SQLite, {rows} copied, {in_target} in PostgreSQL; \
                 nothing was kept",
                t.name
            );
        }
        report.tables.push(TableCopy {
            table: t.name.clone(),
            rows,
            seconds: started.elapsed().as_secs_f64(),
        });
    }

    for t in tables.iter().filter(|t| t.triggers) {
        let sql = format!("ALTER TABLE {} ENABLE TRIGGER USER", ident(&t.name));
        sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
    }
    report.sequences = reset_sequences(&mut tx, &floors).await?;
    tx.commit().await.context("committing the copy")?;
    src.rollback().await.ok();
    Ok(report)
}

/// The target's tables (this schema's, less the migrations' own), parents before the tables
/// whose foreign keys point at them, else by name.
async fn target_tables(pg: &sqlx::PgPool) -> Result<Vec<Table>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
            AND c.relname <> '_sqlx_migrations'
          ORDER BY 1",
    )
    .fetch_all(pg)
    .await?;
    let edges: Vec<(String, String)> = sqlx::query_as(
        "SELECT ch.relname::text, pa.relname::text
           FROM pg_constraint k
           JOIN pg_class ch ON ch.oid = k.conrelid
           JOIN pg_class pa ON pa.oid = k.confrelid
           JOIN pg_namespace n ON n.oid = k.connamespace
          WHERE k.contype = 'f' AND n.nspname = current_schema()",
    )
    .fetch_all(pg)
    .await?;
    let with_triggers: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT c.relname::text FROM pg_trigger g
           JOIN pg_class c ON c.oid = g.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT g.tgisinternal AND n.nspname = current_schema()",
    )
    .fetch_all(pg)
    .await?;
    let mut tables = Vec::new();
    for name in dependency_order(&names, &edges) {
        let cols: Vec<(String, String, bool, bool)> = sqlx::query_as(
            "SELECT a.attname::text, format_type(a.atttypid, NULL),
                    a.attgenerated::text <> '', a.attidentity::text = 'a'
               FROM pg_attribute a
              WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0
                AND NOT a.attisdropped
              ORDER BY a.attnum",
        )
        .bind(&name)
        .fetch_all(pg)
        .await?;
        tables.push(Table {
            triggers: with_triggers.contains(&name),
            identity_always: cols.iter().any(|c| c.3),
            columns: cols
                .into_iter()
                .filter(|c| !c.2)
                .map(|(name, cast, _, _)| Column {
                    bytea: cast == "bytea",
                    name,
                    cast,
                })
                .collect(),
            name,
            order_by_rowid: false,
        });
    }
    Ok(tables)
}

/// `names` with every table after the tables it references (`edges`: child, parent), ties and
/// cycles by name.
fn dependency_order(names: &[String], edges: &[(String, String)]) -> Vec<String> {
    let mut left: BTreeSet<&String> = names.iter().collect();
    let mut out = Vec::with_capacity(names.len());
    while !left.is_empty() {
        let ready = left
            .iter()
            .find(|t| {
                !edges
                    .iter()
                    .any(|(c, p)| c == **t && p != c && left.contains(&p))
            })
            .copied()
            // (A cycle: the first by name goes next.)
            .unwrap_or_else(|| *left.iter().next().expect("not empty"));
        left.remove(ready);
        out.push(ready.clone());
    }
    out
}

/// The source's ordinary tables (not SQLite's own, not the migrations', not a full-text index
/// and its shadow tables, which the PostgreSQL schema keeps as a generated column), each with
/// whether it has a rowid to read it in order by.
async fn source_tables(src: &sqlx::SqlitePool) -> Result<BTreeMap<String, bool>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT name, type, wr FROM pragma_table_list
          WHERE schema = 'main' AND type = 'table'
            AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(src)
    .await?;
    Ok(rows.into_iter().map(|(n, _, wr)| (n, wr == 0)).collect())
}

/// One table, in batches; the rows copied. A table with rowids is read a page at a time in
/// rowid order (each page a short statement of the one read transaction), else in one pass.
async fn copy_table(
    src: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
    t: &Table,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    let names: Vec<String> = t.columns.iter().map(|c| ident(&c.name)).collect();
    let casts: Vec<String> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("u.c{i}::{}", c.cast))
        .collect();
    let arrays: Vec<String> = (1..=t.columns.len())
        .map(|i| format!("${i}::text[]"))
        .collect();
    let aliases: Vec<String> = (0..t.columns.len()).map(|i| format!("c{i}")).collect();
    let insert = format!(
        "INSERT INTO {} ({}){} SELECT {} FROM UNNEST({}) AS u({})",
        ident(&t.name),
        names.join(", "),
        if t.identity_always {
            " OVERRIDING SYSTEM VALUE"
        } else {
            ""
        },
        casts.join(", "),
        arrays.join(", "),
        aliases.join(", ")
    );
    let mut batch = Batch::new(t, &insert);
    if t.order_by_rowid {
        let page = format!(
            "SELECT rowid, {} FROM {} WHERE rowid > ?1 ORDER BY rowid LIMIT {BATCH_ROWS}",
            names.join(", "),
            ident(&t.name)
        );
        let mut after = i64::MIN;
        loop {
            let rows = sqlx::query(AssertSqlSafe(page.as_str()))
                .bind(after)
                .fetch_all(&mut **src)
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get(0)?;
            for row in &rows {
                batch.push(row, 1)?;
                if batch.full() {
                    batch.flush(tx).await?;
                    progress(&t.name, batch.copied);
                }
            }
        }
    } else {
        let select = format!("SELECT {} FROM {}", names.join(", "), ident(&t.name));
        let mut rows = sqlx::query(AssertSqlSafe(select)).fetch(&mut **src);
        while let Some(row) = rows.try_next().await? {
            batch.push(&row, 0)?;
            if batch.full() {
                batch.flush(tx).await?;
                progress(&t.name, batch.copied);
            }
        }
    }
    batch.flush(tx).await?;
    Ok(batch.copied)
}

/// Rows read and not yet inserted, column by column.
struct Batch<'a> {
    table: &'a Table,
    insert: &'a str,
    columns: Vec<Vec<Option<String>>>,
    rows: usize,
    bytes: usize,
    copied: u64,
}

impl<'a> Batch<'a> {
    fn new(table: &'a Table, insert: &'a str) -> Self {
        Batch {
            table,
            insert,
            columns: vec![Vec::new(); table.columns.len()],
            rows: 0,
            bytes: 0,
            copied: 0,
        }
    }

    /// Add `row`, whose table columns start at index `from`.
    fn push(&mut self, row: &sqlx::sqlite::SqliteRow, from: usize) -> Result<()> {
        for (i, c) in self.table.columns.iter().enumerate() {
            let v = as_text(row, from + i, c.bytea).map_err(|e| {
                anyhow::anyhow!(
                    "row {} of {}, column {}: {e}",
                    self.copied + 1,
                    self.table.name,
                    c.name
                )
            })?;
            self.bytes += v.as_ref().map_or(0, String::len);
            self.columns[i].push(v);
        }
        self.rows += 1;
        self.copied += 1;
        Ok(())
    }

    fn full(&self) -> bool {
        self.rows >= BATCH_ROWS || self.bytes >= BATCH_BYTES
    }

    async fn flush(&mut self, tx: &mut sqlx::Transaction<'static, sqlx::Postgres>) -> Result<()> {
        if self.rows > 0 {
            let before = self.copied - self.rows as u64;
            insert_batch(tx, self.insert, &mut self.columns, before).await?;
            (self.rows, self.bytes) = (0, 0);
        }
        Ok(())
    }
}

async fn insert_batch(
    tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
    insert: &str,
    batch: &mut [Vec<Option<String>>],
    before: u64,
) -> Result<()> {
    let mut q = sqlx::query(AssertSqlSafe(insert));
    let n = batch.first().map_or(0, Vec::len);
    for col in batch.iter_mut() {
        q = q.bind(std::mem::take(col));
    }
    q.execute(&mut **tx)
        .await
        .with_context(|| format!("rows {} to {}", before + 1, before + n as u64))?;
    Ok(())
}

/// A SQLite value as PostgreSQL reads it in a literal: whatever its storage class (SQLite keeps
/// the type per value, not per column), `None` for NULL. Reals in their shortest exact form.
fn as_text(row: &sqlx::sqlite::SqliteRow, i: usize, bytea: bool) -> Result<Option<String>, String> {
    let raw = row.try_get_raw(i).map_err(|e| e.to_string())?;
    if raw.is_null() {
        return Ok(None);
    }
    let kind = raw.type_info().name().to_string();
    let err = |e: sqlx::Error| e.to_string();
    Ok(Some(match kind.as_str() {
        "INTEGER" => row.try_get_unchecked::<i64, _>(i).map_err(err)?.to_string(),
        "REAL" => {
            let f = row.try_get_unchecked::<f64, _>(i).map_err(err)?;
            if f.is_nan() {
                "NaN".into()
            } else if f.is_infinite() {
                if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
            } else {
                f.to_string()
            }
        }
        "BLOB" => {
            let b = row.try_get_unchecked::<Vec<u8>, _>(i).map_err(err)?;
            if bytea {
                let mut s = String::with_capacity(2 + 2 * b.len());
                s.push_str("\\x");
                for byte in b {
                    s.push_str(&format!("{byte:02x}"));
                }
                s
            } else {
                String::from_utf8(b)
                    .map_err(|_| "binary data where PostgreSQL keeps text".to_string())?
            }
        }
        _ => row.try_get_unchecked::<String, _>(i).map_err(err)?,
    }))
}

/// Every sequence of the target's tables continues after the highest id of its table, or
/// after the floor SQLite recorded for it when that is higher.
async fn reset_sequences(
    tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
    floors: &BTreeMap<String, i64>,
) -> Result<Vec<(String, i64)>> {
    let seqs: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.relname::text, a.attname::text,
                pg_get_serial_sequence(quote_ident(c.relname), a.attname)
           FROM pg_attribute a
           JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            AND a.attnum > 0 AND NOT a.attisdropped
            AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
          ORDER BY 1, 2",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::new();
    for (table, column, seq) in seqs {
        let sql = format!(
            "SELECT COALESCE(MAX({}), 0)::bigint FROM {}",
            ident(&column),
            ident(&table)
        );
        let max: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .fetch_one(&mut **tx)
            .await?;
        let last = max.max(floors.get(&table).copied().unwrap_or(0));
        // setval(seq, n, true): the next value is n + 1; an empty table starts at 1.
        let (value, called) = if last >= 1 { (last, true) } else { (1, false) };
        sqlx::query("SELECT setval($1::regclass, $2, $3)")
            .bind(&seq)
            .bind(value)
            .bind(called)
            .execute(&mut **tx)
            .await?;
        out.push((seq, if called { value + 1 } else { value }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_the_tables_that_reference_them() {
        let names: Vec<String> = ["a_child", "b_parent", "c_alone", "d_grandparent"]
            .map(String::from)
            .to_vec();
        let edges = vec![
            ("a_child".to_string(), "b_parent".to_string()),
            ("b_parent".to_string(), "d_grandparent".to_string()),
            ("a_child".to_string(), "a_child".to_string()),
        ];
        assert_eq!(
            dependency_order(&names, &edges),
            ["c_alone", "d_grandparent", "b_parent", "a_child"]
        );
        // No foreign keys: by name.
        assert_eq!(dependency_order(&names, &[]), names);
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(ident("fastapi_users"), "\"fastapi_users\"");
        assert_eq!(ident("we\"ird"), "\"we\"\"ird\"");
    }
}

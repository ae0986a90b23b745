//! All SQL lives here. One `Db` enum over a SQLite pool and a PostgreSQL pool; every query is
//! written once with `$N` placeholders and expanded for both pools by [`on_db!`], so each arm is
//! type-checked against its own driver (chrono, bool and `FromRow` all work).

pub mod admin;
pub mod agents;
pub mod analytics;
pub mod audit;
pub mod breach;
pub mod chat;
pub mod clock;
pub mod contact;
pub mod conversations;
pub mod copy;
pub mod datasets;
pub mod error;
pub mod gdpr;
pub mod health;
pub mod jobs;
pub mod login_addresses;
pub mod restore;
pub mod survey;
pub mod tokens;
pub mod users;
pub mod waitlist;

use std::str::FromStr;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{NaiveDateTime, Timelike};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use crate::config::Settings;

pub use error::DbError;

/// Run the same body against whichever pool is active. `$p` is bound to the concrete pool.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($p) => $body,
            $crate::store::Db::Postgres($p) => $body,
        }
    };
}

/// Run the same body against whichever transaction is open. `$t` is `&mut *tx` of the concrete
/// connection type.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$t:ident| $body:expr) => {
        match $tx {
            $crate::store::Tx::Sqlite(tx) => {
                let $t = &mut **tx;
                $body
            }
            $crate::store::Tx::Postgres(tx) => {
                let $t = &mut **tx;
                $body
            }
        }
    };
}

/// SQLite: the id for a new row of `$table`, above every id the table holds and every id ever
/// deleted from it (kept in `fastapi_id_floor` by triggers, migration 0007), so an id is never
/// handed out twice. PostgreSQL's sequences already never do. An INSERT statement holds the
/// write lock from its start, so two inserts cannot take the same id.
#[macro_export]
macro_rules! sqlite_next_id {
    ($table:literal) => {
        concat!(
            "(SELECT MAX(COALESCE((SELECT MAX(id) FROM ",
            $table,
            "), 0), COALESCE((SELECT max_id FROM fastapi_id_floor WHERE table_name = '",
            $table,
            "'), 0)) + 1)"
        )
    };
}

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Tx {
    pub fn is_sqlite(&self) -> bool {
        matches!(self, Tx::Sqlite(_))
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}

/// Static SQLite migrations (forward-only, embedded).
static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("src/store/migrations/sqlite");
/// Static PostgreSQL migrations (forward-only, embedded).
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("src/store/migrations/postgres");

/// Columns the old service added in its later versions, so a database it migrated may already
/// hold them: on SQLite (no ADD COLUMN IF NOT EXISTS) each is added, when missing, just before
/// the migration that first uses it: (that migration's version, table, column, declaration).
/// PostgreSQL's migrations add them with IF NOT EXISTS.
const ADOPTED_SQLITE_COLUMNS: &[(i64, &str, &str, &str)] = &[
    (10, "fastapi_messages", "agent_type", "VARCHAR(50)"),
    (
        13,
        "fastapi_agent_whitelist",
        "unlimited_queries",
        "BOOLEAN DEFAULT 0",
    ),
    (
        15,
        "fastapi_users",
        "daily_free_queries",
        "INTEGER DEFAULT 10",
    ),
    (15, "fastapi_users", "daily_free_queries_reset_date", "DATE"),
    (
        17,
        "fastapi_users",
        "processing_restricted",
        "BOOLEAN NOT NULL DEFAULT 0",
    ),
    (17, "fastapi_users", "restriction_requested_at", "DATETIME"),
    (17, "fastapi_users", "restriction_reason", "TEXT"),
    (17, "fastapi_users", "restriction_grounds", "VARCHAR(50)"),
];

/// Run the SQLite migrations, adding each adopted column when it is missing, just before the
/// migration that needs it.
async fn migrate_sqlite(p: &sqlx::SqlitePool) -> Result<(), sqlx::migrate::MigrateError> {
    for &(version, table, column, decl) in ADOPTED_SQLITE_COLUMNS {
        SQLITE_MIGRATOR.run_to(version - 1, p).await?;
        let applied: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM _sqlx_migrations WHERE version = ?1 AND success = 1",
        )
        .bind(version)
        .fetch_one(p)
        .await?;
        let present: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2")
                .bind(table)
                .bind(column)
                .fetch_one(p)
                .await?;
        if applied == 0 && present == 0 {
            // (names from the constant above, never from input)
            let sql = format!("ALTER TABLE {table} ADD COLUMN {column} {decl}");
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .execute(p)
                .await?;
        }
    }
    SQLITE_MIGRATOR.run(p).await
}

/// A `LIKE` pattern (with `ESCAPE '\'`) matching any text that contains `s` lower-cased:
/// `%`, `_` and `\` in `s` are escaped, so they match themselves.
pub fn contains_pattern(s: &str) -> String {
    let mut p = String::from("%");
    for c in s.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Database URL forms we accept, normalised: the old SQLAlchemy forms too (operations.md).
#[derive(Debug, PartialEq, Eq)]
pub enum DbUrl {
    SqliteMemory,
    SqliteFile(String),
    Postgres(String),
}

pub fn parse_database_url(url: &str) -> Result<DbUrl> {
    let url = url.trim();
    if url == "sqlite::memory:"
        || url == "sqlite://:memory:"
        || url == "sqlite+aiosqlite:///:memory:"
    {
        return Ok(DbUrl::SqliteMemory);
    }
    if let Some(path) = url.strip_prefix("sqlite+aiosqlite:///") {
        // SQLAlchemy's form: three slashes then a relative path, four for an absolute one.
        return Ok(DbUrl::SqliteFile(path.to_string()));
    }
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        if path.is_empty() {
            anyhow::bail!("DATABASE_URL: sqlite URL without a path");
        }
        return Ok(DbUrl::SqliteFile(path.to_string()));
    }
    for prefix in [
        "postgresql+asyncpg://",
        "postgresql+psycopg2://",
        "postgresql://",
        "postgres://",
    ] {
        if let Some(rest) = url.strip_prefix(prefix) {
            return Ok(DbUrl::Postgres(format!("postgres://{rest}")));
        }
    }
    anyhow::bail!(
        "DATABASE_URL: unsupported URL (expected sqlite://PATH, sqlite::memory: or postgres://...)"
    )
}

/// Pool figures for `/api/v1/health/pool` (decision F16: real figures on both databases).
#[derive(Debug, Clone)]
pub struct PoolStats {
    pub pool_size: u32,
    pub checked_in_connections: u32,
    pub checked_out_connections: u32,
    pub overflow_connections: u32,
    pub total_connections: u32,
    pub max_capacity: u32,
    pub utilization_percent: f64,
}

/// The current time as the service stores it: naive UTC, truncated to microseconds.
/// The one row a write returned. A write with `RETURNING` outside a transaction is read to its
/// end (`fetch_all`), never with `fetch_one` or `fetch_optional`: on SQLite an autocommit
/// statement commits when it is stepped to completion, and those two stop at the first row, so a
/// commit that failed (a full disk) reached no one and the row was answered as stored while
/// nothing was (the shape of sqlx issue 2099). `tests/api/faults.rs` checks it.
pub fn one<T>(rows: Vec<T>) -> Result<T, sqlx::Error> {
    rows.into_iter().next().ok_or(sqlx::Error::RowNotFound)
}

/// The database refused a write for lack of space: SQLite's `SQLITE_FULL` (13, "database or disk
/// is full"), PostgreSQL's `disk_full` (53100). Not worth a long retry.
pub fn is_full(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => matches!(d.code().as_deref(), Some("13" | "53100")),
        _ => false,
    }
}

/// The row a write returned, if any (see [`one`]).
pub fn first<T>(rows: Vec<T>) -> Option<T> {
    rows.into_iter().next()
}

pub fn now() -> NaiveDateTime {
    // (The time replicas agree on: see `clock`.)
    let n = clock::now().naive_utc();
    n.with_nanosecond(n.nanosecond() / 1000 * 1000).unwrap_or(n)
}

/// A consistent copy of a SQLite database at `target` (`VACUUM INTO`: one read transaction, so
/// what the write-ahead log holds is in it and writers go on meanwhile); the bytes written. A
/// plain copy of the file misses what is still in `-wal`: right after the first start that is
/// every table. PostgreSQL is copied with its own tools (`pg_dump`).
pub async fn backup(db: &Db, target: &std::path::Path) -> Result<u64> {
    let Db::Sqlite(pool) = db else {
        anyhow::bail!("backup copies a SQLite database; for PostgreSQL use pg_dump");
    };
    if target.exists() {
        anyhow::bail!("{} exists already: name a new file", target.display());
    }
    let path = target
        .to_str()
        .context("the backup path is not valid UTF-8")?;
    sqlx::query("VACUUM INTO ?1")
        .bind(path)
        .execute(pool)
        .await
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(std::fs::metadata(target)?.len())
}

/// See [`Db::migration_state`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationState {
    pub pending: usize,
    pub applied: usize,
    pub unknown: Vec<i64>,
}

impl Db {
    /// Connect with the pool settings of `settings` (no migrations).
    pub async fn connect(settings: &Settings) -> Result<Db> {
        Self::connect_url(&settings.database_url, settings, None).await
    }

    /// Connect to `url`; `pg_schema` puts every PostgreSQL connection on that search_path (the
    /// test suite gives each test its own schema).
    pub async fn connect_url(url: &str, s: &Settings, pg_schema: Option<&str>) -> Result<Db> {
        let max = s.max_connections();
        match parse_database_url(url)? {
            DbUrl::SqliteMemory => {
                // One connection that never closes: each SQLite in-memory connection is its own
                // database.
                let opts = SqliteConnectOptions::from_str("sqlite::memory:")?;
                let pool = SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .acquire_timeout(s.db_pool_timeout)
                    .connect_with(opts)
                    .await?;
                Ok(Db::Sqlite(pool))
            }
            DbUrl::SqliteFile(path) => {
                let opts = SqliteConnectOptions::new()
                    .filename(&path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(false)
                    .pragma("cache_size", "-8000")
                    .pragma("temp_store", "memory");
                let pool = SqlitePoolOptions::new()
                    .max_connections(max)
                    .min_connections(1)
                    .acquire_timeout(s.db_pool_timeout)
                    .max_lifetime(Some(s.db_pool_recycle).filter(|d| !d.is_zero()))
                    .connect_with(opts)
                    .await
                    .with_context(|| format!("opening SQLite database {path}"))?;
                Ok(Db::Sqlite(pool))
            }
            DbUrl::Postgres(u) => {
                let mut opts = PgConnectOptions::from_str(&u).context("DATABASE_URL")?;
                let mut params: Vec<(&str, String)> = vec![(
                    "statement_timeout",
                    format!("{}", s.db_command_timeout.as_millis()),
                )];
                if let Some(schema) = pg_schema {
                    params.push(("search_path", schema.to_string()));
                }
                opts = opts.options(params);
                // One connection first, bounded by DB_CONNECT_TIMEOUT: a refused or unknown
                // server is reported at once with its cause, not after the pool timeout as
                // "pool timed out".
                {
                    use sqlx::Connection;
                    let first = tokio::time::timeout(
                        s.db_connect_timeout,
                        sqlx::PgConnection::connect_with(&opts),
                    )
                    .await
                    .map_err(|_| {
                        anyhow::anyhow!(
                            "no answer within DB_CONNECT_TIMEOUT ({} s)",
                            s.db_connect_timeout.as_secs()
                        )
                    })
                    .and_then(|c| c.map_err(anyhow::Error::from))
                    .with_context(|| {
                        format!(
                            "connecting to PostgreSQL at {}",
                            crate::config::redact_url(&u)
                        )
                    })?;
                    first.close().await.ok();
                }
                let pool = PgPoolOptions::new()
                    .max_connections(max)
                    .min_connections(0)
                    .acquire_timeout(s.db_pool_timeout.max(s.db_connect_timeout))
                    .max_lifetime(Some(s.db_pool_recycle).filter(|d| !d.is_zero()))
                    .connect_with(opts)
                    .await
                    .context("connecting to PostgreSQL")?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, Db::Sqlite(_))
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Apply pending migrations. On a database created by the old service the baseline is a
    /// no-op and its tables are adopted in place.
    pub async fn migrate(&self) -> Result<()> {
        let result = match self {
            Db::Sqlite(p) => migrate_sqlite(p).await,
            Db::Postgres(p) => PG_MIGRATOR.run(p).await,
        };
        match result {
            Ok(()) => Ok(()),
            // A database of a newer binary is refused with what to do, not sqlx's words.
            Err(sqlx::migrate::MigrateError::VersionMissing(v)) => anyhow::bail!(
                "the database was migrated by a newer solarintel (its migration {v} is unknown \
                 to this binary): run that version or a newer one; this one will not change it"
            ),
            Err(e) => Err(e).with_context(|| format!("running {} migrations", self.backend())),
        }
    }

    /// True when every embedded migration has been applied.
    pub async fn migrations_applied(&self) -> Result<bool, sqlx::Error> {
        let expected = match self {
            Db::Sqlite(_) => SQLITE_MIGRATOR.iter().count(),
            Db::Postgres(_) => PG_MIGRATOR.iter().count(),
        } as i64;
        let n: i64 = on_db!(self, |p| sqlx::query_scalar(
            "SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE"
        )
        .fetch_one(p)
        .await?);
        Ok(n >= expected)
    }

    /// How the database's migrations stand against this binary's: pending (known here, not
    /// applied), applied, and applied but unknown here (the database was migrated by a newer
    /// binary, which `serve` refuses).
    pub async fn migration_state(&self) -> Result<MigrationState, sqlx::Error> {
        let known: Vec<i64> = match self {
            Db::Sqlite(_) => SQLITE_MIGRATOR.iter().map(|m| m.version).collect(),
            Db::Postgres(_) => PG_MIGRATOR.iter().map(|m| m.version).collect(),
        };
        let table: i64 = match self {
            Db::Sqlite(p) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
                )
                .fetch_one(p)
                .await?
            }
            Db::Postgres(p) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = '_sqlx_migrations' AND schemaname = ANY (current_schemas(false))",
                )
                .fetch_one(p)
                .await?
            }
        };
        let applied: Vec<i64> = if table == 0 {
            Vec::new()
        } else {
            on_db!(self, |p| sqlx::query_scalar(
                "SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version"
            )
            .fetch_all(p)
            .await?)
        };
        Ok(MigrationState {
            pending: known.iter().filter(|v| !applied.contains(v)).count(),
            applied: applied.len(),
            unknown: applied.into_iter().filter(|v| !known.contains(v)).collect(),
        })
    }

    /// Begin a write transaction. On SQLite it is `BEGIN IMMEDIATE`, so two writers never
    /// deadlock upgrading a read lock.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// Take a connection and run `SELECT 1`. The first result says whether a connection was
    /// obtained, the second whether the query answered.
    pub async fn probe(&self) -> (bool, bool) {
        macro_rules! probe {
            ($p:expr) => {{
                match $p.acquire().await {
                    Err(_) => (false, false),
                    Ok(mut c) => {
                        let ok = sqlx::query_scalar::<_, i32>("SELECT 1")
                            .fetch_one(&mut *c)
                            .await
                            .is_ok();
                        (true, ok)
                    }
                }
            }};
        }
        match self {
            Db::Sqlite(p) => probe!(p),
            Db::Postgres(p) => probe!(p),
        }
    }

    pub fn pool_stats(&self, pool_size: u32, max_capacity: u32) -> PoolStats {
        let (size, idle) = on_db!(self, |p| (p.size(), p.num_idle() as u32));
        let idle = idle.min(size);
        let total = size;
        let max_capacity = max_capacity.max(1);
        let util = (total as f64 / max_capacity as f64) * 100.0;
        PoolStats {
            pool_size,
            checked_in_connections: idle,
            checked_out_connections: size - idle,
            overflow_connections: total.saturating_sub(pool_size),
            total_connections: total,
            max_capacity,
            utilization_percent: (util * 100.0).round() / 100.0,
        }
    }

    pub async fn close(&self) {
        on_db!(self, |p| p.close().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        let cases = [
            (
                "sqlite://solarintel.db",
                DbUrl::SqliteFile("solarintel.db".into()),
            ),
            ("sqlite::memory:", DbUrl::SqliteMemory),
            ("sqlite:///tmp/x.db", DbUrl::SqliteFile("/tmp/x.db".into())),
            (
                "sqlite+aiosqlite:///./app.db",
                DbUrl::SqliteFile("./app.db".into()),
            ),
            (
                "sqlite+aiosqlite:////var/app.db",
                DbUrl::SqliteFile("/var/app.db".into()),
            ),
            (
                "postgresql://u:p@h:5432/d",
                DbUrl::Postgres("postgres://u:p@h:5432/d".into()),
            ),
            (
                "postgresql+asyncpg://u@h/d",
                DbUrl::Postgres("postgres://u@h/d".into()),
            ),
            (
                "postgres://u@h/d",
                DbUrl::Postgres("postgres://u@h/d".into()),
            ),
        ];
        for (url, want) in cases {
            assert_eq!(parse_database_url(url).unwrap(), want, "{url}");
        }
        assert!(parse_database_url("mysql://x").is_err());
    }

    #[test]
    fn now_has_microsecond_precision() {
        assert_eq!(now().nanosecond() % 1000, 0);
    }
}

impl Tx {
    /// Serialise this transaction with every other one that locks the same user: the user row
    /// on PostgreSQL; on SQLite the `BEGIN IMMEDIATE` write lock already serialises writers.
    pub async fn lock_user(&mut self, user_id: i32) -> Result<(), sqlx::Error> {
        if let Tx::Postgres(t) = self {
            sqlx::query("SELECT id FROM fastapi_users WHERE id = $1 FOR UPDATE")
                .bind(user_id)
                .execute(&mut **t)
                .await?;
        }
        Ok(())
    }
}

/// Timestamps that compare with JWT `iat` (whole seconds) are stored truncated (decision F10).
pub fn truncate_to_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

#[cfg(test)]
mod returning_tests {
    /// No write with `RETURNING` on the pool is read with `fetch_one` or `fetch_optional` (see
    /// [`super::one`]); inside a transaction the commit reports the failure, so `t` and `c` may.
    #[test]
    fn writes_that_return_rows_are_read_to_their_end() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("RETURNING") {
                let after: String = text[i..].chars().take(700).collect();
                let statement = after.split("\n}\n").next().unwrap_or("");
                // (Written in two parts, so this test does not find itself.)
                for bad in [".fetch_one", ".fetch_optional"].map(|f| format!("{f}(p)")) {
                    assert!(
                        !statement.contains(&bad),
                        "{}: a RETURNING write on the pool read with {bad}",
                        path.display()
                    );
                }
            }
        }
    }
}

//! The test harness: a `TestApp` on a fresh database of either backend, requests in-process
//! through the router or over a real socket, and captured email. Beside it: typed fixtures for
//! the state no endpoint sets up ([`fixtures`]: `app.account(id).plan(Plan::Max).apply()`, ...),
//! and the chat and data-answer set-ups the test files share ([`chat`], [`answers`]).

pub mod answers;
pub mod chat;
pub mod fake_llm;
pub mod fixtures;
pub mod proxy;
pub mod smtp;

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use solarintel::store::Db;
use solarintel::{App, AppState, Overrides, Settings};
use tower::ServiceExt;

pub use fixtures::{at, day};
pub use smtp::{SmtpSink, first_link, token_of};

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Declare a test that runs on SQLite and, when `TEST_DATABASE_URL` was set at build time, on
/// PostgreSQL: `db_test!(async fn name(backend) { ... })` makes `name::sqlite` and
/// `name::postgres`.
#[macro_export]
macro_rules! db_test {
    (async fn $name:ident($b:ident) $body:block) => {
        mod $name {
            // Some tests use their file's imports and some none: `expect` would fail for one kind.
            #[allow(unused_imports)]
            use super::*;
            async fn run($b: $crate::support::Backend) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run($crate::support::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(not(pg_tests), ignore = "set TEST_DATABASE_URL to run on PostgreSQL")]
            async fn postgres() {
                run($crate::support::Backend::Postgres).await
            }
        }
    };
}

pub struct TestApp {
    pub app_router: axum::Router,
    pub state: AppState,
    pub mail: SmtpSink,
    pub backend: Backend,
    /// Keeps the SQLite folder alive for the test's duration.
    _dir: Option<tempfile::TempDir>,
    pub sqlite_path: Option<std::path::PathBuf>,
    pub pg_schema: Option<String>,
    /// The peer address in-process requests come from.
    pub peer: SocketAddr,
    /// Drops the PostgreSQL schema this harness made, once no app uses it.
    _schema_guard: Option<std::sync::Arc<SchemaGuard>>,
}

pub struct Builder {
    backend: Backend,
    env: HashMap<String, String>,
    sqlite_file: Option<std::path::PathBuf>,
    pg_setup: Option<String>,
    limiter: Option<solarintel::ratelimit::Limiter>,
    cache: Option<solarintel::cache::Cache>,
    /// A PostgreSQL schema another test app already uses (a second replica).
    pg_schema: Option<String>,
    schema_guard: Option<std::sync::Arc<SchemaGuard>>,
}

/// A change in % as the answers write it: signed, one decimal, two below 1 %.
pub fn signed_pct(p: f64) -> String {
    if p.abs() < 1.0 && p != 0.0 {
        format!("{p:+.2}%")
    } else {
        format!("{p:+.1}%")
    }
}

pub fn pg_url() -> String {
    std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL is set for PostgreSQL tests")
}

/// A fresh PostgreSQL schema, optionally filled by `setup_sql` before the app starts. Its name
/// carries its creation time (`t_<unix seconds>_<uuid>`) so that a later run can sweep away what
/// a killed run left behind; see [`sweep_stale_schemas`].
pub async fn new_pg_schema(setup_sql: Option<&str>) -> String {
    use sqlx::Executor;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let schema = format!("t_{now}_{}", uuid::Uuid::new_v4().simple());
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&pg_url())
        .await
        .unwrap();
    sweep_stale_schemas(&mut conn, now).await;
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .await
        .unwrap();
    if let Some(sql) = setup_sql {
        conn.execute(sqlx::AssertSqlSafe(format!("SET search_path TO {schema}")))
            .await
            .unwrap();
        conn.execute(sqlx::AssertSqlSafe(sql.to_string()))
            .await
            .unwrap();
    }
    schema
}

/// How old a test schema must be before a sweep drops it: far longer than a whole test run.
const STALE_SCHEMA_SECS: u64 = 3 * 3600;
/// At most this many drops per sweep, so that no one test waits long; the next test goes on.
const SWEEP_BATCH: i64 = 50;

/// Drop test schemas a killed or panicking run left behind: those created more than
/// [`STALE_SCHEMA_SECS`] ago, and those of the older naming (`t_<uuid>`), which carried no time.
/// Thousands of them once filled 14 GB, and PostgreSQL's crash recovery then took longer than
/// CI waits for it to start. One process sweeps at a time (an advisory lock); the rest go on.
async fn sweep_stale_schemas(conn: &mut sqlx::PgConnection, now: u64) {
    use sqlx::Executor;
    const SWEEP_LOCK: i64 = 0x7e57_5c4e;
    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
        .bind(SWEEP_LOCK)
        .fetch_one(&mut *conn)
        .await
        .unwrap_or(false);
    if !locked {
        return;
    }
    let cutoff = now.saturating_sub(STALE_SCHEMA_SECS) as i64;
    let stale: Vec<String> = sqlx::query_scalar(
        "SELECT nspname::text FROM pg_namespace \
         WHERE nspname ~ '^t_[0-9a-f]{32}$' \
            OR (nspname ~ '^t_[0-9]{1,12}_[0-9a-f]{32}$' \
                AND split_part(nspname, '_', 2)::bigint < $1) \
         LIMIT $2",
    )
    .bind(cutoff)
    .bind(SWEEP_BATCH)
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_default();
    let _ = conn.execute("SET lock_timeout = '2s'").await;
    for schema in stale {
        // Names come from the pattern above: letters, digits and underscores only.
        let _ = conn
            .execute(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE"
            )))
            .await;
    }
    let _ = conn.execute("RESET lock_timeout").await;
    let _ = sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(SWEEP_LOCK)
        .execute(&mut *conn)
        .await;
}

/// Drops a test's own PostgreSQL schema when the last app on it goes away (a second replica
/// shares it). Best effort, on a thread of its own since `Drop` cannot await; whatever it misses,
/// a later [`sweep_stale_schemas`] takes.
struct SchemaGuard(String);

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        let schema = std::mem::take(&mut self.0);
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                use sqlx::Executor;
                let Ok(mut conn) =
                    <sqlx::PgConnection as sqlx::Connection>::connect(&pg_url()).await
                else {
                    return;
                };
                let _ = conn.execute("SET lock_timeout = '2s'").await;
                let _ = conn
                    .execute(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA IF EXISTS {schema} CASCADE"
                    )))
                    .await;
            });
        })
        .join();
    }
}

impl Builder {
    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.env.insert(k.into(), v.into());
        self
    }

    /// Run on this SQLite file (for example a copy of the old service's database).
    pub fn sqlite_file(mut self, path: std::path::PathBuf) -> Self {
        self.sqlite_file = Some(path);
        self
    }

    /// On PostgreSQL, run this SQL in the fresh schema before the app starts.
    pub fn pg_setup(mut self, sql: &str) -> Self {
        self.pg_setup = Some(sql.into());
        self
    }

    pub fn limiter(mut self, l: solarintel::ratelimit::Limiter) -> Self {
        self.limiter = Some(l);
        self
    }

    /// Run on the database of `other`, as a second replica does.
    pub fn same_database_as(mut self, other: &TestApp) -> Self {
        self.sqlite_file = other.sqlite_path.clone();
        self.pg_schema = other.pg_schema.clone();
        self.schema_guard = other._schema_guard.clone();
        self
    }

    /// On PostgreSQL, run on this existing schema (one a command filled, say).
    pub fn pg_schema(mut self, schema: &str) -> Self {
        self.pg_schema = Some(schema.into());
        self
    }

    pub fn cache(mut self, c: solarintel::cache::Cache) -> Self {
        self.cache = Some(c);
        self
    }

    pub async fn start(self) -> TestApp {
        let mail = SmtpSink::start().await;
        let mut env: HashMap<String, String> = [
            ("BCRYPT_COST", "4"),
            ("RATE_LIMIT_PER_MINUTE", "0"),
            ("LOGIN_RATE_LIMIT_PER_MINUTE", "0"),
            ("JOBS_ENABLED", "false"),
            // The data tests turn the sample on; the rest start faster without it.
            ("SAMPLE_DATA", "false"),
            ("SMTP_HOST", "127.0.0.1"),
            ("SMTP_TLS", "none"),
            ("HASH_CONCURRENCY", "2"),
            ("DB_POOL_SIZE", "5"),
            ("DB_MAX_OVERFLOW", "5"),
            ("FRONTEND_URL", "http://app.example"),
            ("PUBLIC_URL", "http://api.example"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        env.insert("SMTP_PORT".into(), mail.port.to_string());
        let mut dir = None;
        let mut sqlite_path = None;
        let mut pg_schema = None;
        let mut schema_guard = self.schema_guard;
        match self.backend {
            Backend::Sqlite => {
                let path = match self.sqlite_file {
                    Some(p) => p,
                    None => {
                        let d = tempfile::tempdir().unwrap();
                        let p = d.path().join("test.db");
                        dir = Some(d);
                        p
                    }
                };
                env.insert(
                    "DATABASE_URL".into(),
                    format!("sqlite://{}", path.display()),
                );
                sqlite_path = Some(path);
            }
            Backend::Postgres => {
                env.insert("DATABASE_URL".into(), pg_url());
            }
        }
        env.extend(self.env);
        let settings = Settings::from_map(&env).expect("test settings");
        let db = match self.backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let schema = match self.pg_schema {
                    Some(s) => s,
                    None => {
                        let schema = new_pg_schema(self.pg_setup.as_deref()).await;
                        schema_guard = Some(std::sync::Arc::new(SchemaGuard(schema.clone())));
                        schema
                    }
                };
                // (`DATABASE_URL` may point elsewhere: a relay that fails on demand.)
                let db = Db::connect_url(&settings.database_url, &settings, Some(&schema))
                    .await
                    .unwrap();
                pg_schema = Some(schema);
                Some(db)
            }
        };
        let app = App::build_with(
            settings,
            Overrides {
                db,
                limiter: self.limiter,
                cache: self.cache,
            },
        )
        .await
        .expect("app starts");
        TestApp {
            app_router: app.router,
            state: app.state,
            mail,
            backend: self.backend,
            _dir: dir,
            sqlite_path,
            pg_schema,
            peer: SocketAddr::from(([127, 0, 0, 1], 40000)),
            _schema_guard: schema_guard,
        }
    }
}

/// A response read whole.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// `detail` of an error body.
    pub fn detail(&self) -> Value {
        self.json()["detail"].clone()
    }
    #[track_caller]
    pub fn assert(&self, status: u16) -> &Self {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        self
    }
    /// Assert status and string `detail`.
    #[track_caller]
    pub fn assert_detail(&self, status: u16, detail: &str) {
        self.assert(status);
        assert_eq!(self.detail(), json!(detail));
        assert!(
            self.header("content-type")
                .unwrap_or("")
                .starts_with("application/json")
        );
    }
    /// The `type`s of a 422 array.
    pub fn error_types(&self) -> Vec<String> {
        self.detail()
            .as_array()
            .unwrap_or_else(|| panic!("not a 422 array: {}", self.text()))
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_string())
            .collect()
    }
}

pub const PASSWORD: &str = "Sunny-Panel-2024!";

impl TestApp {
    pub fn builder(backend: Backend) -> Builder {
        Builder {
            backend,
            env: HashMap::new(),
            sqlite_file: None,
            pg_setup: None,
            limiter: None,
            cache: None,
            pg_schema: None,
            schema_guard: None,
        }
    }

    pub async fn start(backend: Backend) -> TestApp {
        Self::builder(backend).start().await
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// Send a request through the router, from `self.peer`.
    pub async fn request(&self, mut req: Request<Body>) -> Resp {
        req.extensions_mut().insert(ConnectInfo(self.peer));
        let res = self.app_router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Resp {
            status,
            headers,
            body,
        }
    }

    pub fn req(method: Method, path: &str, token: Option<&str>) -> axum::http::request::Builder {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        b
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Resp {
        self.request(
            Self::req(Method::GET, path, token)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn send_json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> Resp {
        let req = Self::req(method, path, token)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.request(req).await
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Resp {
        self.send_json(Method::POST, path, token, body).await
    }

    /// POST with a raw body and content type.
    pub async fn post_raw(
        &self,
        path: &str,
        token: Option<&str>,
        ct: Option<&str>,
        body: &str,
    ) -> Resp {
        let mut b = Self::req(Method::POST, path, token);
        if let Some(ct) = ct {
            b = b.header("content-type", ct);
        }
        self.request(b.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn post_empty(&self, path: &str, token: Option<&str>) -> Resp {
        self.request(
            Self::req(Method::POST, path, token)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn login_raw(&self, username: &str, password: &str) -> Resp {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("username", username)
            .append_pair("password", password)
            .finish();
        self.post_raw(
            "/api/v1/auth/login",
            None,
            Some("application/x-www-form-urlencoded"),
            &body,
        )
        .await
    }

    pub async fn login(&self, username: &str, password: &str) -> String {
        let r = self.login_raw(username, password).await;
        r.assert(200);
        r.json()["access_token"].as_str().unwrap().to_string()
    }

    pub fn registration(email: &str, password: &str) -> Value {
        json!({
            "first_name": "Ann", "last_name": "Example", "email": email, "password": password,
            "job_title": "Analyst", "company_name": "PV Co", "country": "Italy",
            "company_size": "10-50", "terms_agreement": true, "communications": false
        })
    }

    /// Register `email` and return its user id.
    pub async fn register(&self, email: &str) -> i64 {
        let r = self
            .post_json(
                "/api/v1/auth/register",
                None,
                &Self::registration(email, PASSWORD),
            )
            .await;
        r.assert(201);
        r.json()["id"].as_i64().unwrap()
    }

    /// Register and log in; returns the token.
    pub async fn user(&self, email: &str) -> String {
        self.register(email).await;
        self.login(email, PASSWORD).await
    }

    /// An admin's token (made with the same routine as `solarintel create-admin`).
    pub async fn admin(&self, email: &str) -> String {
        let hash = solarintel::auth::password::hash_sync(
            solarintel::config::PasswordHashKind::Bcrypt,
            4,
            PASSWORD,
        )
        .unwrap();
        solarintel::store::users::upsert_admin(
            self.db(),
            email,
            &hash,
            Some("Admin"),
            solarintel::store::now(),
        )
        .await
        .unwrap();
        self.login(email, PASSWORD).await
    }

    /// Run a statement directly (test set-up that no endpoint offers), as a write through the app
    /// would be: the app's cached authentications are forgotten after it
    /// (`store::users::AuthCache`). Where a typed fixture says it ([`fixtures`]), use that; this
    /// is for what a test writes on purpose (the old service's rows, a corrupt value, a fault).
    pub async fn exec(&self, sql: &str) {
        self.exec_raw(sql).await;
        self.state.auth_cache.invalidate();
    }

    /// Run a statement as another process would (the CLI, another replica, the old service):
    /// the app is not told, so its cached authentications may serve the old account for up to
    /// `store::users::AUTH_CACHE_TTL`.
    pub async fn exec_raw(&self, sql: &str) {
        use sqlx::Executor;
        match self.db() {
            Db::Sqlite(p) => {
                p.execute(sqlx::AssertSqlSafe(sql.to_string()))
                    .await
                    .unwrap();
            }
            Db::Postgres(p) => {
                p.execute(sqlx::AssertSqlSafe(sql.to_string()))
                    .await
                    .unwrap();
            }
        }
    }

    /// One integer from a query (any integer type, read as BIGINT).
    pub async fn scalar(&self, sql: &str) -> i64 {
        scalar_on(self.db(), sql).await
    }

    /// Like [`TestApp::scalar`], through a new pool: for reading after a served app has stopped
    /// and closed its own.
    pub async fn scalar_after_stop(&self, sql: &str) -> i64 {
        let db = match (&self.sqlite_path, &self.pg_schema) {
            (Some(path), _) => Db::Sqlite(
                sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
                    .await
                    .unwrap(),
            ),
            (None, Some(schema)) => Db::connect_url(&pg_url(), &self.state.settings, Some(schema))
                .await
                .unwrap(),
            _ => panic!("no database to reopen"),
        };
        let v = scalar_on(&db, sql).await;
        db.close().await;
        v
    }
}

async fn scalar_on(db: &Db, sql: &str) -> i64 {
    {
        let sql = format!("SELECT CAST(({sql}) AS BIGINT)");
        let sql = sql.as_str();
        match db {
            Db::Sqlite(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_one(p)
                .await
                .unwrap(),
            Db::Postgres(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_one(p)
                .await
                .unwrap(),
        }
    }
}

impl TestApp {
    /// Serve on a real socket (port 0); returns the address and a handle that shuts it down.
    pub async fn spawn_server(&self) -> (SocketAddr, ServerHandle) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let app = App {
            state: self.state.clone(),
            router: self.app_router.clone(),
        };
        let task = tokio::spawn(async move {
            app.serve(listener, async move {
                let _ = rx.await;
            })
            .await
        });
        (
            addr,
            ServerHandle {
                stop: Some(tx),
                task,
            },
        )
    }
}

pub struct ServerHandle {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl ServerHandle {
    pub fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// Path of a file in `../shared/fixtures`, if that folder is present.
pub fn fixture(name: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(name);
    p.exists().then_some(p)
}

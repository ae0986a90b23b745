//! Typed settings read from the environment and a `.env` file (environment wins).
//!
//! The names are the old service's (decision C6). Every setting is declared once, in
//! [`table`]: its default, whether it is secret and its help, from which the README's settings
//! table and `.env.example` are generated. Invalid values fail fast with one clear message.

pub mod table;

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::agents::{AGENTS, Agent, agent};
use crate::domain::net::IpNet;
use anyhow::{Context, Result, bail};
pub use table::Setting;

/// Which password hash new passwords get. Both kinds always verify (decision C4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordHashKind {
    Bcrypt,
    Argon2id,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    None,
    StartTls,
    Tls,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub tls: SmtpTls,
}

/// Every setting of `operations.md`, typed.
#[derive(Clone, Debug)]
pub struct Settings {
    pub app_name: String,
    pub version: String,
    pub environment: String,
    pub database_url: String,
    pub host: String,
    pub port: u16,
    pub secret_key: String,
    pub secret_key_is_default: bool,
    pub algorithm: String,
    pub access_token_expire_minutes: i64,
    pub cors_origins: Vec<String>,
    pub frontend_url: String,
    pub public_url: String,
    /// `PUBLIC_URL` was not set: it follows the address served ([`Settings::set_served_address`]).
    pub public_url_is_default: bool,
    pub static_dir: Option<String>,
    pub db_pool_size: u32,
    pub db_max_overflow: u32,
    pub db_pool_timeout: Duration,
    pub db_pool_recycle: Duration,
    pub db_connect_timeout: Duration,
    pub db_command_timeout: Duration,
    pub password_hash: PasswordHashKind,
    pub bcrypt_cost: u32,
    pub hash_concurrency: usize,
    pub smtp: Option<SmtpSettings>,
    pub smtp_from: String,
    /// Run without SMTP, emails only logged with their one-time links redacted
    /// (`MAIL_LOG_ONLY`); production refuses to start without SMTP unless this is set.
    pub mail_log_only: bool,
    pub rate_limit_per_minute: u32,
    pub login_rate_limit_per_minute: u32,
    pub trusted_proxies: Vec<IpNet>,
    pub redis_url: Option<String>,
    pub max_body_bytes: usize,
    pub request_timeout: Duration,
    /// A connection must send a request's headers within this; an idle keep-alive connection is
    /// closed after it (`HTTP_HEADER_TIMEOUT_SECONDS`, `0`: no limit).
    pub header_timeout: Duration,
    /// A connection whose client takes no bytes of an answer for this long is closed
    /// (`HTTP_WRITE_STALL_SECONDS`, `0`: no limit).
    pub write_stall: Duration,
    /// Open connections at most (`HTTP_MAX_CONNECTIONS`; `0`: the descriptor limit less a
    /// reserve, see `app::connection_limit`).
    pub http_max_connections: usize,
    pub shutdown_grace: Duration,
    /// How long running chat turns may go on after a termination signal.
    pub chat_drain: Duration,
    pub jobs_enabled: bool,
    /// Serve Prometheus metrics on this address (`METRICS_ADDR`).
    pub metrics_addr: Option<String>,
    /// Load the synthetic sample into empty datasets at start (`SAMPLE_DATA`).
    pub sample_data: bool,
    /// A registered account logs in only after following its emailed link
    /// (`REQUIRE_EMAIL_VERIFICATION`, decision L3).
    pub require_email_verification: bool,
    /// The free trial's fallback agent (`FALLBACK_AGENT`, decision L4): unset, the trial is off.
    pub fallback_agent: Option<&'static Agent>,
    /// Weaviate for the `weaviate` agent (`WEAVIATE_URL`, `WEAVIATE_API_KEY`).
    pub weaviate_url: Option<String>,
    pub weaviate_api_key: Option<String>,
    pub log_format: LogFormat,
    pub log_level: String,
    /// `RUST_LOG`: per-module levels, over `LOG_LEVEL`.
    pub rust_log: Option<String>,
    /// `builtin` or `openai`.
    pub llm_provider: String,
    pub openai_api_key: Option<String>,
    pub openai_base_url: String,
    pub openai_model: String,
    /// `AGENT_MODEL_<ID>` overrides, keyed by the lower-cased agent id.
    pub agent_models: HashMap<String, String>,
    /// The longest silence from the LLM provider: until its response starts and between chunks.
    pub llm_timeout: Duration,
    /// The longest a chat turn may generate before it is failed.
    pub turn_max: Duration,
    /// Open chat streams (live and resumed) one user may hold on a replica; 0: no limit.
    pub chat_max_streams_per_user: usize,
    /// Resumed readers of one turn at once on a replica; 0: no limit.
    pub chat_max_streams_per_turn: usize,
    /// Life of an answer or tool cache entry (`CACHE_TTL_SECONDS`); zero turns the cache off.
    pub cache_ttl: Duration,
    /// Bounds of the in-memory cache (without `REDIS_URL`).
    pub cache_max_entries: usize,
    pub cache_max_bytes: usize,
    /// Staff address told of each new expert-contact request and waitlist entry
    /// (`CONTACT_NOTIFY_EMAIL`; unset: no email).
    pub contact_notify_email: Option<String>,
    /// An http(s) URL that receives a JSON POST for each new lead (`CONTACT_WEBHOOK_URL`;
    /// unset: no webhook). A secret: only its scheme and host are ever printed.
    pub contact_webhook_url: Option<String>,
    /// The supervisory authority's address for breach notifications (`BREACH_DPA_EMAIL`, GDPR
    /// Art. 33; unset: `notify-dpa` refuses, saying so).
    pub breach_dpa_email: Option<String>,
    /// The team told at once of every breach recorded (`BREACH_INTERNAL_EMAIL`; unset: nobody,
    /// and the breach says `internal_team_notified: false`). Also the contact the notices give.
    pub breach_internal_email: Option<String>,
    /// Who is responsible for the data (`DATA_CONTROLLER`): named in the data export and in the
    /// breach notices.
    pub data_controller: String,
    /// `Strict-Transport-Security: max-age=` on every response (`HSTS_MAX_AGE_SECONDS`); 0: not
    /// sent. A year by default when `ENVIRONMENT=production`, else 0.
    pub hsts_max_age: u64,
}

pub const DEFAULT_SECRET_KEY: &str = "dev-secret-key";

/// The old service's 16 default origins.
pub fn default_cors_origins() -> Vec<String> {
    let ports = [3000, 5173, 5174, 5175, 5176, 5177, 5000, 5002];
    let mut v = Vec::new();
    for host in ["localhost", "127.0.0.1"] {
        for p in ports {
            v.push(format!("http://{host}:{p}"));
        }
    }
    v
}

/// Whether `name` is a setting of [`table::SECTIONS`] (an `AGENT_MODEL_` name counts).
pub fn is_setting(name: &str) -> bool {
    table::setting(name).is_some()
}

fn is_secret(name: &str) -> bool {
    table::setting(name).is_some_and(|s| s.secret)
}

/// Where a setting's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    DotEnv,
    Environment,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Default => "default",
            Origin::DotEnv => ".env",
            Origin::Environment => "environment",
        })
    }
}

pub use crate::dotenv::DotEnvError;

/// The variables the settings are read from: the process environment over `.env` (variables
/// already set win, as with pydantic-settings).
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub vars: HashMap<String, String>,
    /// Names whose value came from `.env`.
    pub from_dotenv: HashSet<String>,
    /// The `.env` file read, if there was one.
    pub dotenv_path: Option<PathBuf>,
    /// Lines of `.env` that did not parse (python-dotenv also skips them, with a warning).
    pub dotenv_errors: Vec<DotEnvError>,
}

impl Env {
    /// The process environment and `.env` in the working directory.
    pub fn load() -> Env {
        Env::load_from(Path::new(".env"), std::env::vars())
    }

    /// `process` over the `.env` file at `path` (absent is fine).
    pub fn load_from(path: &Path, process: impl IntoIterator<Item = (String, String)>) -> Env {
        let mut env = Env {
            vars: process.into_iter().collect(),
            ..Env::default()
        };
        let Ok(text) = std::fs::read_to_string(path) else {
            return env;
        };
        env.dotenv_path = Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.into()));
        let (pairs, errors) = {
            let vars = &env.vars;
            crate::dotenv::parse(&text, |n| vars.get(n).cloned())
        };
        env.dotenv_errors = errors;
        for (k, v) in pairs {
            if !env.vars.contains_key(&k) {
                env.from_dotenv.insert(k.clone());
                env.vars.insert(k, v);
            }
        }
        env
    }

    /// Where the value of `name` comes from (empty values count as unset, as in
    /// [`Settings::from_map`]).
    pub fn origin(&self, name: &str) -> Origin {
        match self.vars.get(name) {
            Some(v) if !v.trim().is_empty() => {
                if self.from_dotenv.contains(name) {
                    Origin::DotEnv
                } else {
                    Origin::Environment
                }
            }
            _ => Origin::Default,
        }
    }
}

/// A name set in the environment or `.env` that is not ours but close to one of ours (a typo,
/// or another program's spelling such as `OPENAI_API_BASE_URL`): the setting it probably meant.
pub fn near_setting(name: &str) -> Option<&'static str> {
    if is_setting(name)
        || !name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let tokens: HashSet<&str> = name.split('_').filter(|t| !t.is_empty()).collect();
    table::settings()
        .map(|s| s.name)
        .filter(|n| !n.contains('<'))
        .find(|known| {
            let d = edit_distance(name, known);
            let close = if known.len() <= 6 { d <= 1 } else { d <= 2 };
            // Same words with one added or missing, in the same family (first word).
            let ktokens: HashSet<&str> = known.split('_').collect();
            let same_family = name.split('_').next() == known.split('_').next();
            let one_word_apart = same_family
                && ktokens.len() >= 2
                && tokens.symmetric_difference(&ktokens).count() == 1;
            // Same words but one shortened (`SMTP_PASS`).
            let nt: Vec<&str> = name.split('_').collect();
            let kt: Vec<&str> = known.split('_').collect();
            let shortened = same_family
                && nt.len() == kt.len()
                && nt.iter().zip(&kt).all(|(a, b)| {
                    a == b || (a.len() >= 3 && (b.starts_with(a) || a.starts_with(b)))
                });
            close || one_word_apart || shortened
        })
        .or({
            // Well-known spellings of other tools for the same thing.
            match name {
                "DATABASE_URI" | "DB_URL" | "SQLALCHEMY_DATABASE_URI" => Some("DATABASE_URL"),
                "OPENAI_API_BASE" | "OPENAI_BASE" | "OPENAI_API_URL" | "OPENAI_ENDPOINT" => {
                    Some("OPENAI_BASE_URL")
                }
                "JWT_SECRET" | "JWT_SECRET_KEY" => Some("SECRET_KEY"),
                _ => None,
            }
        })
}

fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// `url` with the password of its user part replaced, for printing.
pub fn redact_url(url: &str) -> String {
    use url::{Position, Url};
    // PostgreSQL URLs may carry the password as a parameter too (`?password=`, as libpq reads).
    let secret = |pair: &str| {
        pair.split('=')
            .next()
            .is_some_and(|k| k.eq_ignore_ascii_case("password"))
    };
    if let Ok(u) = Url::parse(url) {
        let in_query = u.query().is_some_and(|q| q.split('&').any(secret));
        if u.password().is_none() && !in_query {
            return url.to_string();
        }
        let mut out = if u.password().is_some() {
            format!(
                "{}<redacted>{}",
                &u[..Position::BeforePassword],
                &u[Position::AfterPassword..]
            )
        } else {
            u.as_str().to_string()
        };
        if let Some(q) = u.query().filter(|_| in_query) {
            let kept: Vec<String> = q
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if secret(pair) => format!("{k}=<redacted>"),
                    _ => pair.to_string(),
                })
                .collect();
            out = out.replacen(&format!("?{q}"), &format!("?{}", kept.join("&")), 1);
        }
        return out;
    }
    // Not a URL the parser reads with a password (an unescaped "/" or "@" in one, say): any user
    // part there may hold it, so all of it goes.
    match url.split_once("://") {
        Some((scheme, rest)) if rest.contains('@') => {
            let host = rest.rsplit_once('@').map_or("", |(_, h)| h);
            format!("{scheme}://<redacted>@{host}")
        }
        _ => url.to_string(),
    }
}

/// `CONTACT_WEBHOOK_URL` is an absolute http or https URL with a host.
fn check_webhook_url(raw: &str) -> Result<()> {
    let u = reqwest::Url::parse(raw).map_err(|e| {
        anyhow::anyhow!(
            "CONTACT_WEBHOOK_URL is not a URL ({e}): {}",
            redact_webhook_url(raw)
        )
    })?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        bail!(
            "CONTACT_WEBHOOK_URL must be an http:// or https:// URL with a host (got {})",
            redact_webhook_url(raw)
        );
    }
    Ok(())
}

/// A webhook URL as it may be printed: its scheme, host and port only. Its user part, path and
/// query often carry the credential itself (a Slack or Teams hook is a secret path), so none of
/// them is shown.
pub fn redact_webhook_url(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{}://{h}:{p}/<redacted>", u.scheme()),
            (Some(h), None) => format!("{}://{h}/<redacted>", u.scheme()),
            (None, _) => "<redacted>".into(),
        },
        Err(_) => "<redacted>".into(),
    }
}

impl Settings {
    /// Read the process environment, after loading `.env` from the working directory (variables
    /// already set win, as with pydantic-settings).
    pub fn from_env() -> Result<Self> {
        Self::from_map(&Env::load().vars)
    }

    /// Build the settings from a map of variables (used by tests, which never touch the process
    /// environment).
    pub fn from_map(vars: &HashMap<String, String>) -> Result<Self> {
        let v = Vars(vars);
        let environment = v.text("ENVIRONMENT");
        let production = environment.eq_ignore_ascii_case("production");

        let secret = v.set("SECRET_KEY");
        if production && secret.is_none() {
            bail!("SECRET_KEY is required when ENVIRONMENT=production");
        }
        let secret_key_is_default = secret.is_none();
        let secret_key = secret.unwrap_or_else(|| DEFAULT_SECRET_KEY.into());
        if production && secret_key == DEFAULT_SECRET_KEY {
            bail!("SECRET_KEY must not be the development default when ENVIRONMENT=production");
        }

        let algorithm = v.text("ALGORITHM");
        if algorithm != "HS256" {
            bail!("ALGORITHM: only HS256 is supported (got {algorithm})");
        }

        let host = v.text("HOST");
        let port: u16 = v.parse("PORT")?;

        let database_url = v
            .set("DATABASE_URL")
            .or_else(|| v.set("FASTAPI_DATABASE_URL"))
            .unwrap_or_else(|| v.text("DATABASE_URL"));

        // PostgreSQL keeps the old service's pool defaults. SQLite serialises writers and every
        // pooled connection is a thread, so a small pool serves it best (measured in bench/).
        let pool_default = if database_url.starts_with("postgres") {
            (20, 40)
        } else {
            (4, 4)
        };

        let cors_origins = match v.set("CORS_ORIGINS") {
            None => default_cors_origins(),
            Some(raw) => parse_list(&raw).context("CORS_ORIGINS")?,
        };

        let password_hash = match v.text("PASSWORD_HASH").to_ascii_lowercase().as_str() {
            "bcrypt" => PasswordHashKind::Bcrypt,
            "argon2id" | "argon2" => PasswordHashKind::Argon2id,
            s => bail!("PASSWORD_HASH must be bcrypt or argon2id (got {s})"),
        };
        let bcrypt_cost: u32 = v.parse("BCRYPT_COST")?;
        if !(4..=31).contains(&bcrypt_cost) {
            bail!("BCRYPT_COST must be between 4 and 31 (got {bcrypt_cost})");
        }
        if production && bcrypt_cost < 10 {
            bail!("BCRYPT_COST below 10 is refused when ENVIRONMENT=production");
        }
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let hash_concurrency: usize = v.parse_or("HASH_CONCURRENCY", cores)?;

        let smtp_from = v.text("SMTP_FROM");
        let smtp = match v.set("SMTP_HOST") {
            None => None,
            Some(host) => {
                let tls = match v.text("SMTP_TLS").to_ascii_lowercase().as_str() {
                    "starttls" => SmtpTls::StartTls,
                    "tls" => SmtpTls::Tls,
                    "none" => SmtpTls::None,
                    s => bail!("SMTP_TLS must be none, starttls or tls (got {s})"),
                };
                Some(SmtpSettings {
                    host,
                    port: v.parse("SMTP_PORT")?,
                    username: v.set("SMTP_USERNAME"),
                    password: v.set("SMTP_PASSWORD"),
                    from: smtp_from.clone(),
                    tls,
                })
            }
        };

        // Without SMTP a reset or verification email reaches nobody (its link is redacted from
        // the log): in production that has to be said explicitly.
        let mail_log_only = v.flag("MAIL_LOG_ONLY")?;
        if mail_log_only && smtp.is_some() {
            bail!("MAIL_LOG_ONLY=true and SMTP_HOST are both set: unset one of them");
        }
        if production && smtp.is_none() && !mail_log_only {
            bail!(
                "SMTP_HOST is required when ENVIRONMENT=production (reset and verification emails must reach the user); set MAIL_LOG_ONLY=true to run without email"
            );
        }

        let trusted_proxies = match v.set("TRUSTED_PROXIES") {
            None => Vec::new(),
            Some(raw) => parse_list(&raw)
                .context("TRUSTED_PROXIES")?
                .iter()
                .map(|s| {
                    s.parse::<IpNet>()
                        .map_err(|e| anyhow::anyhow!("TRUSTED_PROXIES: {e}"))
                })
                .collect::<Result<_>>()?,
        };

        let public_url_is_default = v.set("PUBLIC_URL").is_none();
        let public_url = v
            .set("PUBLIC_URL")
            .unwrap_or_else(|| default_public_url(&host, port));

        let log_format = match v.text("LOG_FORMAT").to_ascii_lowercase().as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            s => bail!("LOG_FORMAT must be text or json (got {s})"),
        };

        let fallback_agent = match v.set("FALLBACK_AGENT") {
            None => None,
            Some(id) => Some(agent(&id).with_context(|| {
                let ids: Vec<&str> = AGENTS.iter().map(|a| a.id).collect();
                format!(
                    "FALLBACK_AGENT must be an agent id ({}) or empty (got {id:?})",
                    ids.join(", ")
                )
            })?),
        };

        let openai_api_key = v.set("OPENAI_API_KEY");
        let llm_provider = match v.set("LLM_PROVIDER").map(|p| p.to_ascii_lowercase()) {
            None if openai_api_key.is_some() => "openai".to_string(),
            None => "builtin".to_string(),
            Some(p) if p == "builtin" || p == "openai" => p,
            Some(p) => bail!("LLM_PROVIDER must be builtin or openai (got {p})"),
        };
        let agent_models = vars
            .iter()
            .filter_map(|(k, v)| {
                let id = k.strip_prefix(table::AGENT_MODEL_PREFIX)?;
                let v = v.trim();
                (!v.is_empty()).then(|| (id.to_ascii_lowercase(), v.to_string()))
            })
            .collect();

        let address = |name: &str| -> Result<Option<String>> {
            match v.set(name) {
                None => Ok(None),
                Some(a) => {
                    a.parse::<lettre::Address>()
                        .map_err(|e| anyhow::anyhow!("{name} must be an email address ({e})"))?;
                    Ok(Some(a))
                }
            }
        };
        let contact_notify_email = address("CONTACT_NOTIFY_EMAIL")?;
        let breach_dpa_email = address("BREACH_DPA_EMAIL")?;
        let breach_internal_email = address("BREACH_INTERNAL_EMAIL")?;
        let hsts_max_age: u64 = v.parse_or(
            "HSTS_MAX_AGE_SECONDS",
            if production { 31_536_000 } else { 0 },
        )?;
        let contact_webhook_url = match v.set("CONTACT_WEBHOOK_URL") {
            None => None,
            Some(u) => {
                check_webhook_url(&u)?;
                Some(u)
            }
        };
        let url = |name: &str| v.text(name).trim_end_matches('/').to_string();

        Ok(Settings {
            contact_notify_email,
            contact_webhook_url,
            breach_dpa_email,
            breach_internal_email,
            data_controller: v.text("DATA_CONTROLLER"),
            hsts_max_age,
            llm_provider,
            openai_api_key,
            openai_base_url: url("OPENAI_BASE_URL"),
            openai_model: v.text("OPENAI_MODEL"),
            agent_models,
            llm_timeout: v.secs("LLM_TIMEOUT_SECONDS")?,
            turn_max: v.secs("TURN_MAX_SECONDS")?,
            chat_max_streams_per_user: v.parse("CHAT_MAX_STREAMS_PER_USER")?,
            chat_max_streams_per_turn: v.parse("CHAT_MAX_STREAMS_PER_TURN")?,
            app_name: v.text("APP_NAME"),
            version: v
                .set("VERSION")
                .unwrap_or_else(|| env!("CARGO_PKG_VERSION").into()),
            environment,
            database_url,
            host,
            port,
            secret_key,
            secret_key_is_default,
            algorithm,
            access_token_expire_minutes: v.parse("ACCESS_TOKEN_EXPIRE_MINUTES")?,
            cors_origins,
            frontend_url: url("FRONTEND_URL"),
            public_url: public_url.trim_end_matches('/').to_string(),
            public_url_is_default,
            static_dir: v.set("STATIC_DIR"),
            db_pool_size: v.parse_or("DB_POOL_SIZE", pool_default.0)?,
            db_max_overflow: v.parse_or("DB_MAX_OVERFLOW", pool_default.1)?,
            db_pool_timeout: v.secs("DB_POOL_TIMEOUT")?,
            db_pool_recycle: v.secs("DB_POOL_RECYCLE")?,
            db_connect_timeout: v.secs("DB_CONNECT_TIMEOUT")?,
            db_command_timeout: v.secs("DB_COMMAND_TIMEOUT")?,
            password_hash,
            bcrypt_cost,
            hash_concurrency: hash_concurrency.max(1),
            smtp,
            smtp_from,
            mail_log_only,
            rate_limit_per_minute: v.parse("RATE_LIMIT_PER_MINUTE")?,
            login_rate_limit_per_minute: v.parse("LOGIN_RATE_LIMIT_PER_MINUTE")?,
            trusted_proxies,
            redis_url: v.set("REDIS_URL"),
            max_body_bytes: v.parse("MAX_BODY_BYTES")?,
            request_timeout: v.secs("REQUEST_TIMEOUT_SECONDS")?,
            header_timeout: v.secs("HTTP_HEADER_TIMEOUT_SECONDS")?,
            write_stall: v.secs("HTTP_WRITE_STALL_SECONDS")?,
            http_max_connections: v.parse("HTTP_MAX_CONNECTIONS")?,
            shutdown_grace: v.secs("SHUTDOWN_GRACE_SECONDS")?,
            chat_drain: v.secs("CHAT_DRAIN_SECONDS")?,
            jobs_enabled: v.flag("JOBS_ENABLED")?,
            sample_data: v.flag("SAMPLE_DATA")?,
            require_email_verification: v.flag("REQUIRE_EMAIL_VERIFICATION")?,
            fallback_agent,
            metrics_addr: v.set("METRICS_ADDR"),
            weaviate_url: v
                .set("WEAVIATE_URL")
                .map(|u| u.trim_end_matches('/').to_string()),
            weaviate_api_key: v.set("WEAVIATE_API_KEY"),
            log_format,
            log_level: v.text("LOG_LEVEL").to_ascii_lowercase(),
            rust_log: v.set("RUST_LOG"),
            cache_ttl: v.secs("CACHE_TTL_SECONDS")?,
            cache_max_entries: v.parse("CACHE_MAX_ENTRIES")?,
            cache_max_bytes: v.parse("CACHE_MAX_BYTES")?,
        })
    }

    /// The effective value of every setting of [`table::SECTIONS`] (but the allocator's) as text, secrets redacted (URLs
    /// keep their scheme and host), for `doctor`.
    pub fn effective(&self) -> Vec<(String, String)> {
        fn opt(v: &Option<String>) -> String {
            v.clone().unwrap_or_else(|| "(unset)".into())
        }
        fn secret(v: Option<&str>) -> String {
            match v {
                None => "(unset)".into(),
                Some(v) if v.contains("://") => redact_url(v),
                // A SQLite path or `sqlite::memory:` holds no password.
                Some(v) if v.starts_with("sqlite:") => v.to_string(),
                Some(_) => "<redacted>".into(),
            }
        }
        let smtp = self.smtp.as_ref();
        let mut out = Vec::new();
        for name in table::settings()
            .filter(|s| !s.process_only)
            .map(|s| s.name)
        {
            let value = match name {
                "APP_NAME" => self.app_name.clone(),
                "VERSION" => self.version.clone(),
                "ENVIRONMENT" => self.environment.clone(),
                "HOST" => self.host.clone(),
                "PORT" => self.port.to_string(),
                "PUBLIC_URL" => self.public_url.clone(),
                "FRONTEND_URL" => self.frontend_url.clone(),
                "STATIC_DIR" => opt(&self.static_dir),
                "CORS_ORIGINS" => self.cors_origins.join(","),
                "TRUSTED_PROXIES" => {
                    let v: Vec<String> =
                        self.trusted_proxies.iter().map(|p| p.to_string()).collect();
                    if v.is_empty() {
                        "(unset)".into()
                    } else {
                        v.join(",")
                    }
                }
                "MAX_BODY_BYTES" => self.max_body_bytes.to_string(),
                "REQUEST_TIMEOUT_SECONDS" => self.request_timeout.as_secs_f64().to_string(),
                "HTTP_HEADER_TIMEOUT_SECONDS" => self.header_timeout.as_secs_f64().to_string(),
                "HTTP_WRITE_STALL_SECONDS" => self.write_stall.as_secs_f64().to_string(),
                "HTTP_MAX_CONNECTIONS" => self.http_max_connections.to_string(),
                "SHUTDOWN_GRACE_SECONDS" => self.shutdown_grace.as_secs_f64().to_string(),
                "CHAT_DRAIN_SECONDS" => self.chat_drain.as_secs_f64().to_string(),
                "JOBS_ENABLED" => self.jobs_enabled.to_string(),
                "DATABASE_URL" => secret(Some(&self.database_url)),
                "FASTAPI_DATABASE_URL" => "(read when DATABASE_URL is unset)".into(),
                "DB_POOL_SIZE" => self.db_pool_size.to_string(),
                "DB_MAX_OVERFLOW" => self.db_max_overflow.to_string(),
                "DB_POOL_TIMEOUT" => self.db_pool_timeout.as_secs_f64().to_string(),
                "DB_POOL_RECYCLE" => self.db_pool_recycle.as_secs_f64().to_string(),
                "DB_CONNECT_TIMEOUT" => self.db_connect_timeout.as_secs_f64().to_string(),
                "DB_COMMAND_TIMEOUT" => self.db_command_timeout.as_secs_f64().to_string(),
                "SECRET_KEY" if self.secret_key_is_default => "the development key (unset)".into(),
                "SECRET_KEY" => secret(Some(&self.secret_key)),
                "ALGORITHM" => self.algorithm.clone(),
                "ACCESS_TOKEN_EXPIRE_MINUTES" => self.access_token_expire_minutes.to_string(),
                "PASSWORD_HASH" => match self.password_hash {
                    PasswordHashKind::Bcrypt => "bcrypt".into(),
                    PasswordHashKind::Argon2id => "argon2id".into(),
                },
                "BCRYPT_COST" => self.bcrypt_cost.to_string(),
                "HASH_CONCURRENCY" => self.hash_concurrency.to_string(),
                "SMTP_HOST" => smtp.map_or("(unset)".into(), |s| s.host.clone()),
                "SMTP_PORT" => smtp.map_or("(unset)".into(), |s| s.port.to_string()),
                "SMTP_USERNAME" => smtp.map_or("(unset)".into(), |s| opt(&s.username)),
                "SMTP_PASSWORD" => secret(smtp.and_then(|s| s.password.as_deref())),
                "SMTP_FROM" => self.smtp_from.clone(),
                "SMTP_TLS" => match smtp.map(|s| s.tls) {
                    None => "(unset)".into(),
                    Some(SmtpTls::None) => "none".into(),
                    Some(SmtpTls::StartTls) => "starttls".into(),
                    Some(SmtpTls::Tls) => "tls".into(),
                },
                "MAIL_LOG_ONLY" => self.mail_log_only.to_string(),
                "RATE_LIMIT_PER_MINUTE" => self.rate_limit_per_minute.to_string(),
                "LOGIN_RATE_LIMIT_PER_MINUTE" => self.login_rate_limit_per_minute.to_string(),
                "REDIS_URL" => secret(self.redis_url.as_deref()),
                "LLM_PROVIDER" => self.llm_provider.clone(),
                "OPENAI_API_KEY" => secret(self.openai_api_key.as_deref()),
                "OPENAI_BASE_URL" => self.openai_base_url.clone(),
                "OPENAI_MODEL" => self.openai_model.clone(),
                "AGENT_MODEL_<ID>" => {
                    let mut v: Vec<String> = self
                        .agent_models
                        .iter()
                        .map(|(id, m)| format!("{}={m}", id.to_ascii_uppercase()))
                        .collect();
                    v.sort();
                    if v.is_empty() {
                        "(unset)".into()
                    } else {
                        v.join(",")
                    }
                }
                "LLM_TIMEOUT_SECONDS" => self.llm_timeout.as_secs_f64().to_string(),
                "TURN_MAX_SECONDS" => self.turn_max.as_secs_f64().to_string(),
                "CHAT_MAX_STREAMS_PER_USER" => self.chat_max_streams_per_user.to_string(),
                "CHAT_MAX_STREAMS_PER_TURN" => self.chat_max_streams_per_turn.to_string(),
                "CACHE_TTL_SECONDS" => self.cache_ttl.as_secs_f64().to_string(),
                "CACHE_MAX_ENTRIES" => self.cache_max_entries.to_string(),
                "CACHE_MAX_BYTES" => self.cache_max_bytes.to_string(),
                "SAMPLE_DATA" => self.sample_data.to_string(),
                "REQUIRE_EMAIL_VERIFICATION" => self.require_email_verification.to_string(),
                "FALLBACK_AGENT" => self
                    .fallback_agent
                    .map_or("(unset)".into(), |a| a.id.into()),
                "CONTACT_NOTIFY_EMAIL" => opt(&self.contact_notify_email),
                "CONTACT_WEBHOOK_URL" => self
                    .contact_webhook_url
                    .as_deref()
                    .map_or("(unset)".into(), redact_webhook_url),
                "BREACH_DPA_EMAIL" => opt(&self.breach_dpa_email),
                "BREACH_INTERNAL_EMAIL" => opt(&self.breach_internal_email),
                "DATA_CONTROLLER" => self.data_controller.clone(),
                "HSTS_MAX_AGE_SECONDS" => self.hsts_max_age.to_string(),
                "WEAVIATE_URL" => opt(&self.weaviate_url),
                "WEAVIATE_API_KEY" => secret(self.weaviate_api_key.as_deref()),
                "METRICS_ADDR" => opt(&self.metrics_addr),
                "LOG_FORMAT" => match self.log_format {
                    LogFormat::Text => "text".into(),
                    LogFormat::Json => "json".into(),
                },
                "LOG_LEVEL" => self.log_level.clone(),
                "RUST_LOG" => opt(&self.rust_log),
                other => unreachable!("setting {other} has no effective value"),
            };
            // Whatever a secret's line computed, only its redacted form is printed.
            let value = if is_secret(name) && !value.starts_with('(') && !value.starts_with("the ")
            {
                secret(Some(&value))
            } else {
                value
            };
            out.push((name.to_string(), value));
        }
        out
    }

    /// Development defaults that a production deployment most likely did not mean to keep
    /// (`doctor` warns about them; start-up refuses the dangerous ones itself).
    pub fn development_defaults(&self, env: &Env) -> Vec<String> {
        let mut w = Vec::new();
        let default = |n: &str| env.origin(n) == Origin::Default;
        if !self.is_production() {
            if self.secret_key_is_default {
                w.push(
                    "SECRET_KEY is the development key: anyone can forge tokens (fine on a developer machine only)"
                        .to_string(),
                );
            }
            return w;
        }
        if default("CORS_ORIGINS") {
            w.push("CORS_ORIGINS is the development list of localhost origins".into());
        }
        if default("FRONTEND_URL") {
            w.push(format!(
                "FRONTEND_URL is the development default {}: reset links point there",
                self.frontend_url
            ));
        }
        if default("PUBLIC_URL") {
            w.push(format!(
                "PUBLIC_URL is unset: verification links use {}",
                self.public_url
            ));
        }
        if self.sample_data {
            w.push("SAMPLE_DATA is on: empty datasets get the synthetic sample, and agents answer from it".into());
        }
        if default("DATABASE_URL") && default("FASTAPI_DATABASE_URL") {
            w.push(
                "DATABASE_URL is unset: the database is solarintel.db in the working directory"
                    .into(),
            );
        }
        if self.mail_log_only {
            w.push("MAIL_LOG_ONLY is on: no email reaches anyone".into());
        }
        if self.rate_limit_per_minute == 0 || self.login_rate_limit_per_minute == 0 {
            w.push("a rate limit is 0 (off)".into());
        }
        w
    }

    /// Record the address `serve` listens on (`--host`, `--port`, and the port the system chose
    /// for port 0). Without `PUBLIC_URL` the links in emails follow it; they used to keep
    /// pointing at `HOST`/`PORT` from the settings.
    pub fn set_served_address(&mut self, host: &str, port: u16) {
        self.host = host.to_string();
        self.port = port;
        if self.public_url_is_default {
            self.public_url = default_public_url(host, port);
        }
    }

    pub fn is_production(&self) -> bool {
        self.environment.eq_ignore_ascii_case("production")
    }

    /// The pool's maximum size: `DB_POOL_SIZE + DB_MAX_OVERFLOW`.
    pub fn max_connections(&self) -> u32 {
        (self.db_pool_size + self.db_max_overflow).max(1)
    }
}

/// `PUBLIC_URL` when unset: `http://HOST:PORT`, with `localhost` for the wildcard addresses and
/// an IPv6 address in brackets.
pub fn default_public_url(host: &str, port: u16) -> String {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.parse::<IpAddr>() {
        Ok(ip) if ip.is_unspecified() => format!("http://localhost:{port}"),
        Ok(IpAddr::V6(ip)) => format!("http://[{ip}]:{port}"),
        _ => format!("http://{host}:{port}"),
    }
}

/// The variables, read with the defaults of [`table::SECTIONS`]. Reading a name the table does
/// not declare panics: every setting is declared there first.
struct Vars<'a>(&'a HashMap<String, String>);

impl Vars<'_> {
    /// The value set, trimmed; empty counts as unset.
    fn set(&self, name: &str) -> Option<String> {
        declared(name);
        self.0
            .get(name)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// The value set, else the table's default.
    fn text(&self, name: &str) -> String {
        self.set(name)
            .unwrap_or_else(|| declared(name).default.to_string())
    }

    fn parse<T: std::str::FromStr>(&self, name: &str) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        let s = self.text(name);
        s.parse::<T>()
            .map_err(|e| anyhow::anyhow!("{name}: invalid value {s:?}: {e}"))
    }

    /// A setting whose default is computed (the table says how).
    fn parse_or<T: std::str::FromStr>(&self, name: &str, computed: T) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        match self.set(name) {
            None => Ok(computed),
            Some(_) => self.parse(name),
        }
    }

    fn secs(&self, name: &str) -> Result<Duration> {
        let f: f64 = self.parse(name)?;
        if !(f >= 0.0 && f.is_finite()) {
            bail!("{name}: must be a non-negative number of seconds");
        }
        Ok(Duration::from_secs_f64(f))
    }

    fn flag(&self, name: &str) -> Result<bool> {
        match self.text(name).to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            s => bail!("{name}: expected true or false, got {s:?}"),
        }
    }
}

fn declared(name: &str) -> &'static Setting {
    table::setting(name)
        .unwrap_or_else(|| panic!("{name} is read but not declared in src/config/table.rs"))
}

/// A list setting: a JSON array (as pydantic-settings reads it) or a comma-separated list.
pub fn parse_list(raw: &str) -> Result<Vec<String>> {
    let raw = raw.trim();
    if raw.starts_with('[') {
        let v: Vec<String> =
            serde_json::from_str(raw).context("expected a JSON array of strings")?;
        return Ok(v
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect());
    }
    Ok(raw
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect())
}

#[cfg(test)]
mod tests;

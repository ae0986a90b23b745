//! Typed settings read from the environment and a `.env` file (environment wins).
//!
//! The names are the old service's (decision C6); every setting is listed in the README table and
//! in `.env.example`. Invalid values fail fast with one clear message.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::agents::{AGENTS, Agent, agent};
use crate::domain::net::IpNet;
use anyhow::{Context, Result, bail};

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

/// Every setting this service reads, and whether its value is a secret (never printed).
/// `AGENT_MODEL_<ID>` is a family of names, matched by its prefix.
pub const SETTINGS: &[(&str, bool)] = &[
    ("APP_NAME", false),
    ("VERSION", false),
    ("ENVIRONMENT", false),
    ("HOST", false),
    ("PORT", false),
    ("PUBLIC_URL", false),
    ("FRONTEND_URL", false),
    ("STATIC_DIR", false),
    ("CORS_ORIGINS", false),
    ("TRUSTED_PROXIES", false),
    ("MAX_BODY_BYTES", false),
    ("REQUEST_TIMEOUT_SECONDS", false),
    ("HTTP_HEADER_TIMEOUT_SECONDS", false),
    ("HTTP_WRITE_STALL_SECONDS", false),
    ("HTTP_MAX_CONNECTIONS", false),
    ("SHUTDOWN_GRACE_SECONDS", false),
    ("CHAT_DRAIN_SECONDS", false),
    ("JOBS_ENABLED", false),
    ("DATABASE_URL", true),
    ("FASTAPI_DATABASE_URL", true),
    ("DB_POOL_SIZE", false),
    ("DB_MAX_OVERFLOW", false),
    ("DB_POOL_TIMEOUT", false),
    ("DB_POOL_RECYCLE", false),
    ("DB_CONNECT_TIMEOUT", false),
    ("DB_COMMAND_TIMEOUT", false),
    ("SECRET_KEY", true),
    ("ALGORITHM", false),
    ("ACCESS_TOKEN_EXPIRE_MINUTES", false),
    ("PASSWORD_HASH", false),
    ("BCRYPT_COST", false),
    ("HASH_CONCURRENCY", false),
    ("SMTP_HOST", false),
    ("SMTP_PORT", false),
    ("SMTP_USERNAME", false),
    ("SMTP_PASSWORD", true),
    ("SMTP_FROM", false),
    ("SMTP_TLS", false),
    ("MAIL_LOG_ONLY", false),
    ("RATE_LIMIT_PER_MINUTE", false),
    ("LOGIN_RATE_LIMIT_PER_MINUTE", false),
    ("REDIS_URL", true),
    ("LLM_PROVIDER", false),
    ("OPENAI_API_KEY", true),
    ("OPENAI_BASE_URL", false),
    ("OPENAI_MODEL", false),
    ("AGENT_MODEL_<ID>", false),
    ("LLM_TIMEOUT_SECONDS", false),
    ("TURN_MAX_SECONDS", false),
    ("CHAT_MAX_STREAMS_PER_USER", false),
    ("CHAT_MAX_STREAMS_PER_TURN", false),
    ("CACHE_TTL_SECONDS", false),
    ("CACHE_MAX_ENTRIES", false),
    ("CACHE_MAX_BYTES", false),
    ("SAMPLE_DATA", false),
    ("REQUIRE_EMAIL_VERIFICATION", false),
    ("FALLBACK_AGENT", false),
    ("WEAVIATE_URL", false),
    ("WEAVIATE_API_KEY", true),
    ("METRICS_ADDR", false),
    ("CONTACT_NOTIFY_EMAIL", false),
    ("CONTACT_WEBHOOK_URL", true),
    ("BREACH_DPA_EMAIL", false),
    ("BREACH_INTERNAL_EMAIL", false),
    ("DATA_CONTROLLER", false),
    ("HSTS_MAX_AGE_SECONDS", false),
    ("LOG_FORMAT", false),
    ("LOG_LEVEL", false),
    ("RUST_LOG", false),
];

const AGENT_MODEL_PREFIX: &str = "AGENT_MODEL_";

/// Whether `name` is one of [`SETTINGS`] (an `AGENT_MODEL_` name counts).
pub fn is_setting(name: &str) -> bool {
    (name.starts_with(AGENT_MODEL_PREFIX) && name.len() > AGENT_MODEL_PREFIX.len())
        || SETTINGS.iter().any(|(n, _)| *n == name)
}

fn is_secret(name: &str) -> bool {
    SETTINGS.iter().any(|(n, secret)| *n == name && *secret)
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
    SETTINGS
        .iter()
        .map(|(n, _)| *n)
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
        let get = |k: &str| -> Option<String> {
            vars.get(k)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let environment = get("ENVIRONMENT").unwrap_or_else(|| "development".into());
        let production = environment.eq_ignore_ascii_case("production");

        let secret = get("SECRET_KEY");
        if production && secret.is_none() {
            bail!("SECRET_KEY is required when ENVIRONMENT=production");
        }
        let secret_key_is_default = secret.is_none();
        let secret_key = secret.unwrap_or_else(|| DEFAULT_SECRET_KEY.into());
        if production && secret_key == DEFAULT_SECRET_KEY {
            bail!("SECRET_KEY must not be the development default when ENVIRONMENT=production");
        }

        let algorithm = get("ALGORITHM").unwrap_or_else(|| "HS256".into());
        if algorithm != "HS256" {
            bail!("ALGORITHM: only HS256 is supported (got {algorithm})");
        }

        let host = get("HOST").unwrap_or_else(|| "127.0.0.1".into());
        let port: u16 = parse(&get("PORT"), "PORT", 8000)?;

        let database_url = get("DATABASE_URL")
            .or_else(|| get("FASTAPI_DATABASE_URL"))
            .unwrap_or_else(|| "sqlite://solarintel.db".into());

        // PostgreSQL keeps the old service's pool defaults. SQLite serialises writers and every
        // pooled connection is a thread, so a small pool serves it best (measured in bench/).
        let pool_default = if database_url.starts_with("postgres") {
            (20, 40)
        } else {
            (4, 4)
        };

        let cors_origins = match get("CORS_ORIGINS") {
            None => default_cors_origins(),
            Some(raw) => parse_list(&raw).context("CORS_ORIGINS")?,
        };

        let password_hash = match get("PASSWORD_HASH").as_deref().map(str::to_ascii_lowercase) {
            None => PasswordHashKind::Bcrypt,
            Some(s) if s == "bcrypt" => PasswordHashKind::Bcrypt,
            Some(s) if s == "argon2id" || s == "argon2" => PasswordHashKind::Argon2id,
            Some(s) => bail!("PASSWORD_HASH must be bcrypt or argon2id (got {s})"),
        };
        let bcrypt_cost: u32 = parse(&get("BCRYPT_COST"), "BCRYPT_COST", 12)?;
        if !(4..=31).contains(&bcrypt_cost) {
            bail!("BCRYPT_COST must be between 4 and 31 (got {bcrypt_cost})");
        }
        if production && bcrypt_cost < 10 {
            bail!("BCRYPT_COST below 10 is refused when ENVIRONMENT=production");
        }
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let hash_concurrency: usize = parse(&get("HASH_CONCURRENCY"), "HASH_CONCURRENCY", cores)?;

        let smtp_from = get("SMTP_FROM").unwrap_or_else(|| "no-reply@localhost".into());
        let smtp = match get("SMTP_HOST") {
            None => None,
            Some(host) => {
                let tls = match get("SMTP_TLS").as_deref().map(str::to_ascii_lowercase) {
                    None => SmtpTls::StartTls,
                    Some(s) if s == "starttls" => SmtpTls::StartTls,
                    Some(s) if s == "tls" => SmtpTls::Tls,
                    Some(s) if s == "none" => SmtpTls::None,
                    Some(s) => bail!("SMTP_TLS must be none, starttls or tls (got {s})"),
                };
                Some(SmtpSettings {
                    host,
                    port: parse(&get("SMTP_PORT"), "SMTP_PORT", 587)?,
                    username: get("SMTP_USERNAME"),
                    password: get("SMTP_PASSWORD"),
                    from: smtp_from.clone(),
                    tls,
                })
            }
        };

        // Without SMTP a reset or verification email reaches nobody (its link is redacted from
        // the log): in production that has to be said explicitly.
        let mail_log_only = parse_bool(&get("MAIL_LOG_ONLY"), "MAIL_LOG_ONLY", false)?;
        if mail_log_only && smtp.is_some() {
            bail!("MAIL_LOG_ONLY=true and SMTP_HOST are both set: unset one of them");
        }
        if production && smtp.is_none() && !mail_log_only {
            bail!(
                "SMTP_HOST is required when ENVIRONMENT=production (reset and verification emails must reach the user); set MAIL_LOG_ONLY=true to run without email"
            );
        }

        let trusted_proxies = match get("TRUSTED_PROXIES") {
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

        let public_url_is_default = get("PUBLIC_URL").is_none();
        let public_url = get("PUBLIC_URL").unwrap_or_else(|| default_public_url(&host, port));

        let log_format = match get("LOG_FORMAT").as_deref().map(str::to_ascii_lowercase) {
            None => LogFormat::Text,
            Some(s) if s == "text" => LogFormat::Text,
            Some(s) if s == "json" => LogFormat::Json,
            Some(s) => bail!("LOG_FORMAT must be text or json (got {s})"),
        };

        let fallback_agent = match get("FALLBACK_AGENT") {
            None => None,
            Some(id) => Some(agent(&id).with_context(|| {
                let ids: Vec<&str> = AGENTS.iter().map(|a| a.id).collect();
                format!(
                    "FALLBACK_AGENT must be an agent id ({}) or empty (got {id:?})",
                    ids.join(", ")
                )
            })?),
        };

        let openai_api_key = get("OPENAI_API_KEY");
        let llm_provider = match get("LLM_PROVIDER").as_deref().map(str::to_ascii_lowercase) {
            None if openai_api_key.is_some() => "openai".to_string(),
            None => "builtin".to_string(),
            Some(p) if p == "builtin" || p == "openai" => p,
            Some(p) => bail!("LLM_PROVIDER must be builtin or openai (got {p})"),
        };
        let agent_models = vars
            .iter()
            .filter_map(|(k, v)| {
                let id = k.strip_prefix("AGENT_MODEL_")?;
                let v = v.trim();
                (!v.is_empty()).then(|| (id.to_ascii_lowercase(), v.to_string()))
            })
            .collect();

        let address = |name: &str| -> Result<Option<String>> {
            match get(name) {
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
        let hsts_max_age: u64 = parse(
            &get("HSTS_MAX_AGE_SECONDS"),
            "HSTS_MAX_AGE_SECONDS",
            if production { 31_536_000 } else { 0 },
        )?;
        let contact_webhook_url = match get("CONTACT_WEBHOOK_URL") {
            None => None,
            Some(u) => {
                check_webhook_url(&u)?;
                Some(u)
            }
        };

        Ok(Settings {
            contact_notify_email,
            contact_webhook_url,
            breach_dpa_email,
            breach_internal_email,
            data_controller: get("DATA_CONTROLLER").unwrap_or_else(|| "Becquerel Institute".into()),
            hsts_max_age,
            llm_provider,
            openai_api_key,
            openai_base_url: get("OPENAI_BASE_URL")
                .unwrap_or_else(|| "https://api.openai.com/v1".into())
                .trim_end_matches('/')
                .to_string(),
            openai_model: get("OPENAI_MODEL").unwrap_or_else(|| "gpt-4.1-mini".into()),
            agent_models,
            llm_timeout: secs(&get("LLM_TIMEOUT_SECONDS"), "LLM_TIMEOUT_SECONDS", 120)?,
            turn_max: secs(&get("TURN_MAX_SECONDS"), "TURN_MAX_SECONDS", 300)?,
            chat_max_streams_per_user: parse(
                &get("CHAT_MAX_STREAMS_PER_USER"),
                "CHAT_MAX_STREAMS_PER_USER",
                20,
            )?,
            chat_max_streams_per_turn: parse(
                &get("CHAT_MAX_STREAMS_PER_TURN"),
                "CHAT_MAX_STREAMS_PER_TURN",
                5,
            )?,
            app_name: get("APP_NAME").unwrap_or_else(|| "Solar Intelligence API".into()),
            version: get("VERSION").unwrap_or_else(|| env!("CARGO_PKG_VERSION").into()),
            environment,
            database_url,
            host,
            port,
            secret_key,
            secret_key_is_default,
            algorithm,
            access_token_expire_minutes: parse(
                &get("ACCESS_TOKEN_EXPIRE_MINUTES"),
                "ACCESS_TOKEN_EXPIRE_MINUTES",
                10080,
            )?,
            cors_origins,
            frontend_url: get("FRONTEND_URL")
                .unwrap_or_else(|| "http://localhost:3000".into())
                .trim_end_matches('/')
                .to_string(),
            public_url: public_url.trim_end_matches('/').to_string(),
            public_url_is_default,
            static_dir: get("STATIC_DIR"),
            db_pool_size: parse(&get("DB_POOL_SIZE"), "DB_POOL_SIZE", pool_default.0)?,
            db_max_overflow: parse(&get("DB_MAX_OVERFLOW"), "DB_MAX_OVERFLOW", pool_default.1)?,
            db_pool_timeout: secs(&get("DB_POOL_TIMEOUT"), "DB_POOL_TIMEOUT", 30)?,
            db_pool_recycle: secs(&get("DB_POOL_RECYCLE"), "DB_POOL_RECYCLE", 3600)?,
            db_connect_timeout: secs(&get("DB_CONNECT_TIMEOUT"), "DB_CONNECT_TIMEOUT", 10)?,
            db_command_timeout: secs(&get("DB_COMMAND_TIMEOUT"), "DB_COMMAND_TIMEOUT", 60)?,
            password_hash,
            bcrypt_cost,
            hash_concurrency: hash_concurrency.max(1),
            smtp,
            smtp_from,
            mail_log_only,
            rate_limit_per_minute: parse(
                &get("RATE_LIMIT_PER_MINUTE"),
                "RATE_LIMIT_PER_MINUTE",
                60,
            )?,
            login_rate_limit_per_minute: parse(
                &get("LOGIN_RATE_LIMIT_PER_MINUTE"),
                "LOGIN_RATE_LIMIT_PER_MINUTE",
                10,
            )?,
            trusted_proxies,
            redis_url: get("REDIS_URL"),
            max_body_bytes: parse(&get("MAX_BODY_BYTES"), "MAX_BODY_BYTES", 1024 * 1024)?,
            request_timeout: secs(
                &get("REQUEST_TIMEOUT_SECONDS"),
                "REQUEST_TIMEOUT_SECONDS",
                60,
            )?,
            header_timeout: secs(
                &get("HTTP_HEADER_TIMEOUT_SECONDS"),
                "HTTP_HEADER_TIMEOUT_SECONDS",
                30,
            )?,
            write_stall: secs(
                &get("HTTP_WRITE_STALL_SECONDS"),
                "HTTP_WRITE_STALL_SECONDS",
                60,
            )?,
            http_max_connections: parse(&get("HTTP_MAX_CONNECTIONS"), "HTTP_MAX_CONNECTIONS", 0)?,
            shutdown_grace: secs(&get("SHUTDOWN_GRACE_SECONDS"), "SHUTDOWN_GRACE_SECONDS", 30)?,
            chat_drain: secs(&get("CHAT_DRAIN_SECONDS"), "CHAT_DRAIN_SECONDS", 120)?,
            jobs_enabled: parse_bool(&get("JOBS_ENABLED"), "JOBS_ENABLED", true)?,
            sample_data: parse_bool(&get("SAMPLE_DATA"), "SAMPLE_DATA", true)?,
            require_email_verification: parse_bool(
                &get("REQUIRE_EMAIL_VERIFICATION"),
                "REQUIRE_EMAIL_VERIFICATION",
                false,
            )?,
            fallback_agent,
            metrics_addr: get("METRICS_ADDR"),
            weaviate_url: get("WEAVIATE_URL").map(|u| u.trim_end_matches('/').to_string()),
            weaviate_api_key: get("WEAVIATE_API_KEY"),
            log_format,
            log_level: get("LOG_LEVEL")
                .unwrap_or_else(|| "info".into())
                .to_ascii_lowercase(),
            rust_log: get("RUST_LOG"),
            cache_ttl: secs(&get("CACHE_TTL_SECONDS"), "CACHE_TTL_SECONDS", 3600)?,
            cache_max_entries: parse(&get("CACHE_MAX_ENTRIES"), "CACHE_MAX_ENTRIES", 10_000)?,
            cache_max_bytes: parse(&get("CACHE_MAX_BYTES"), "CACHE_MAX_BYTES", 64 << 20)?,
        })
    }

    /// The effective value of every setting of [`SETTINGS`] as text, secrets redacted (URLs
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
        for (name, _) in SETTINGS {
            let value = match *name {
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

fn parse<T: std::str::FromStr>(v: &Option<String>, name: &str, default: T) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    match v {
        None => Ok(default),
        Some(s) => s
            .parse::<T>()
            .map_err(|e| anyhow::anyhow!("{name}: invalid value {s:?}: {e}")),
    }
}

fn secs(v: &Option<String>, name: &str, default: u64) -> Result<Duration> {
    let f: f64 = parse(v, name, default as f64)?;
    if !(f >= 0.0 && f.is_finite()) {
        bail!("{name}: must be a non-negative number of seconds");
    }
    Ok(Duration::from_secs_f64(f))
}

fn parse_bool(v: &Option<String>, name: &str, default: bool) -> Result<bool> {
    match v.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(s) => bail!("{name}: expected true or false, got {s:?}"),
    }
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
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_environment_wins_over_dotenv_and_origins_say_so() {
        let dir = std::env::temp_dir().join(format!("solarintel-env-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(".env");
        std::fs::write(&path, "PORT=9000\nHOST=0.0.0.0\nnot a line\n").unwrap();
        let env = Env::load_from(&path, [("PORT".to_string(), "7000".to_string())]);
        assert_eq!(env.vars["PORT"], "7000");
        assert_eq!(env.vars["HOST"], "0.0.0.0");
        assert_eq!(env.origin("PORT"), Origin::Environment);
        assert_eq!(env.origin("HOST"), Origin::DotEnv);
        assert_eq!(env.origin("SECRET_KEY"), Origin::Default);
        assert_eq!(env.dotenv_errors.len(), 1);
        assert_eq!(env.dotenv_errors[0].line, 3);
        let absent = Env::load_from(&dir.join("missing"), []);
        assert!(absent.dotenv_path.is_none() && absent.vars.is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn names_close_to_ours_are_recognised() {
        let cases = [
            ("OPENAI_API_BASE_URL", Some("OPENAI_BASE_URL")),
            ("OPENAI_API_BASE", Some("OPENAI_BASE_URL")),
            ("DATABASE_URI", Some("DATABASE_URL")),
            ("SECRET_KYE", Some("SECRET_KEY")),
            ("SMTP_PASS", Some("SMTP_PASSWORD")),
            ("REDIS_HOST_URL", Some("REDIS_URL")),
            ("DATABASE_URL", None),
            ("AGENT_MODEL_MARKET", None),
            ("PATH", None),
            ("HOME", None),
            ("HOSTNAME", None),
            ("PWD", None),
            ("TERM", None),
            ("LANG", None),
            ("CARGO_HOME", None),
            ("path", None),
        ];
        for (name, want) in cases {
            assert_eq!(near_setting(name), want, "{name}");
        }
    }

    #[test]
    fn urls_are_printed_without_their_password() {
        let cases = [
            (
                "postgres://u:pw@h:5432/db",
                "postgres://u:<redacted>@h:5432/db",
            ),
            (
                "redis://:pw@127.0.0.1:6379/",
                "redis://:<redacted>@127.0.0.1:6379/",
            ),
            ("redis://127.0.0.1:6379/", "redis://127.0.0.1:6379/"),
            ("sqlite://solarintel.db", "sqlite://solarintel.db"),
            ("postgres://u@h/d", "postgres://u@h/d"),
            // a password with an unescaped "/" is not read as one by a URL parser: all goes
            ("postgres://u:p/w@h/db", "postgres://<redacted>@h/db"),
            ("postgres://u:p%2Fw@h/db", "postgres://u:<redacted>@h/db"),
            (
                "postgres://h/db?user=u&password=pw&sslmode=require",
                "postgres://h/db?user=u&password=<redacted>&sslmode=require",
            ),
            (
                "postgres://u:pw@h/db?PASSWORD=pw2",
                "postgres://u:<redacted>@h/db?PASSWORD=<redacted>",
            ),
        ];
        for (url, want) in cases {
            assert_eq!(redact_url(url), want);
        }
    }

    #[test]
    fn contact_settings_are_checked_and_the_webhook_never_printed_whole() {
        let s = Settings::from_map(&map(&[])).unwrap();
        assert_eq!(
            (s.contact_notify_email, s.contact_webhook_url),
            (None, None)
        );
        let url = "https://user:pw@hooks.example.com:8443/services/T0/B0/XyZ?token=abc";
        let s = Settings::from_map(&map(&[
            ("CONTACT_NOTIFY_EMAIL", "sales@example.com"),
            ("CONTACT_WEBHOOK_URL", url),
        ]))
        .unwrap();
        assert_eq!(s.contact_notify_email.as_deref(), Some("sales@example.com"));
        assert_eq!(s.contact_webhook_url.as_deref(), Some(url));
        let shown = s
            .effective()
            .into_iter()
            .find(|(n, _)| n == "CONTACT_WEBHOOK_URL")
            .unwrap()
            .1;
        assert_eq!(shown, "https://hooks.example.com:8443/<redacted>");
        for bad in [
            "ftp://example.com/x",
            "hooks.example.com/x",
            "http://",
            "file:///etc/passwd",
        ] {
            let e = Settings::from_map(&map(&[("CONTACT_WEBHOOK_URL", bad)])).unwrap_err();
            assert!(e.to_string().contains("CONTACT_WEBHOOK_URL"), "{bad}: {e}");
        }
        let e = Settings::from_map(&map(&[(
            "CONTACT_WEBHOOK_URL",
            "gopher://u:pw@h/secret?k=v",
        )]))
        .unwrap_err()
        .to_string();
        assert!(
            !e.contains("pw") && !e.contains("secret") && !e.contains("k=v"),
            "{e}"
        );
        assert!(Settings::from_map(&map(&[("CONTACT_NOTIFY_EMAIL", "not an address")])).is_err());
    }

    #[test]
    fn gdpr_settings_are_checked_and_hsts_is_for_production() {
        let s = Settings::from_map(&map(&[])).unwrap();
        assert_eq!((s.breach_dpa_email, s.breach_internal_email), (None, None));
        assert_eq!(s.data_controller, "Becquerel Institute");
        assert_eq!(s.hsts_max_age, 0);
        let s = Settings::from_map(&map(&[
            ("BREACH_DPA_EMAIL", "breaches@dpa.example"),
            ("BREACH_INTERNAL_EMAIL", "security@example.com"),
            ("DATA_CONTROLLER", "Sun Analytics SA"),
            ("HSTS_MAX_AGE_SECONDS", "600"),
        ]))
        .unwrap();
        assert_eq!(s.breach_dpa_email.as_deref(), Some("breaches@dpa.example"));
        assert_eq!(
            s.breach_internal_email.as_deref(),
            Some("security@example.com")
        );
        assert_eq!(s.data_controller, "Sun Analytics SA");
        assert_eq!(s.hsts_max_age, 600);
        for name in ["BREACH_DPA_EMAIL", "BREACH_INTERNAL_EMAIL"] {
            let e = Settings::from_map(&map(&[(name, "not an address")])).unwrap_err();
            assert!(e.to_string().contains(name), "{e}");
        }
        assert!(Settings::from_map(&map(&[("HSTS_MAX_AGE_SECONDS", "-1")])).is_err());
        let production = [
            ("ENVIRONMENT", "production"),
            ("SECRET_KEY", "a-real-secret"),
            ("MAIL_LOG_ONLY", "true"),
        ];
        let s = Settings::from_map(&map(&production)).unwrap();
        assert_eq!(s.hsts_max_age, 31_536_000);
        let mut off = production.to_vec();
        off.push(("HSTS_MAX_AGE_SECONDS", "0"));
        assert_eq!(Settings::from_map(&map(&off)).unwrap().hsts_max_age, 0);
    }

    #[test]
    fn every_setting_read_is_listed_and_secrets_never_show() {
        // Every name this file reads is in SETTINGS (so doctor, the README test and
        // .env.example see it).
        let src = include_str!("config.rs");
        let mut read = Vec::new();
        for part in src.split("get(\"").skip(1) {
            let name: String = part.chars().take_while(|c| *c != '"').collect();
            if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') && !name.is_empty() {
                read.push(name);
            }
        }
        assert!(read.len() > 40, "{read:?}");
        for name in &read {
            assert!(is_setting(name), "{name} is read but not in SETTINGS");
        }
        let secrets: Vec<(&str, String)> = SETTINGS
            .iter()
            .filter(|(_, s)| *s)
            .map(|(n, _)| {
                // (the webhook must be http or https)
                let scheme = if *n == "CONTACT_WEBHOOK_URL" {
                    "https"
                } else {
                    "postgres"
                };
                (*n, format!("{scheme}://user:pw-{}@host/db", n.len() * 7919))
            })
            .collect();
        let mut pairs: Vec<(&str, &str)> = secrets.iter().map(|(n, v)| (*n, v.as_str())).collect();
        pairs.push(("SMTP_HOST", "mail.example"));
        pairs.push(("LLM_PROVIDER", "openai"));
        let s = Settings::from_map(&map(&pairs)).unwrap();
        let eff = s.effective();
        assert_eq!(eff.len(), SETTINGS.len());
        for (name, value) in &eff {
            for (_, secret) in &secrets {
                let pw = secret.split(['@', ':']).nth(2).unwrap();
                assert!(!value.contains(pw), "{name} shows a secret: {value}");
            }
        }
    }

    #[test]
    fn defaults_match_operations_md() {
        let s = Settings::from_map(&map(&[])).unwrap();
        assert_eq!(s.database_url, "sqlite://solarintel.db");
        assert_eq!((s.host.as_str(), s.port), ("127.0.0.1", 8000));
        assert_eq!(s.secret_key, "dev-secret-key");
        assert!(s.secret_key_is_default);
        assert_eq!(s.access_token_expire_minutes, 10080);
        assert_eq!(s.cors_origins.len(), 16);
        assert_eq!(s.public_url, "http://127.0.0.1:8000");
        assert_eq!(s.max_connections(), 8, "SQLite pool: 4 + 4");
        let pg = Settings::from_map(&map(&[("DATABASE_URL", "postgresql://u@h/d")])).unwrap();
        assert_eq!((pg.db_pool_size, pg.db_max_overflow), (20, 40));
        assert_eq!(s.bcrypt_cost, 12);
        assert_eq!(s.rate_limit_per_minute, 60);
        assert_eq!(s.login_rate_limit_per_minute, 10);
        assert_eq!(
            (s.chat_max_streams_per_user, s.chat_max_streams_per_turn),
            (20, 5)
        );
    }

    #[test]
    fn the_default_public_url_follows_the_served_address() {
        assert_eq!(default_public_url("0.0.0.0", 80), "http://localhost:80");
        assert_eq!(default_public_url("::", 8080), "http://localhost:8080");
        assert_eq!(default_public_url("::1", 9000), "http://[::1]:9000");
        assert_eq!(default_public_url("[::1]", 9000), "http://[::1]:9000");
        assert_eq!(
            default_public_url("api.internal", 9000),
            "http://api.internal:9000"
        );
        let mut s = Settings::from_map(&map(&[])).unwrap();
        s.set_served_address("0.0.0.0", 9123);
        assert_eq!((s.host.as_str(), s.port), ("0.0.0.0", 9123));
        assert_eq!(s.public_url, "http://localhost:9123");
        // an explicit PUBLIC_URL stays as set
        let mut s = Settings::from_map(&map(&[("PUBLIC_URL", "https://api.example/")])).unwrap();
        s.set_served_address("127.0.0.1", 9123);
        assert_eq!(s.public_url, "https://api.example");
    }

    #[test]
    fn production_requires_a_real_secret_and_cost() {
        let e = Settings::from_map(&map(&[("ENVIRONMENT", "production")])).unwrap_err();
        assert!(e.to_string().contains("SECRET_KEY is required"));
        let e = Settings::from_map(&map(&[
            ("ENVIRONMENT", "production"),
            ("SECRET_KEY", "x"),
            ("BCRYPT_COST", "4"),
        ]))
        .unwrap_err();
        assert!(e.to_string().contains("BCRYPT_COST"));
        assert!(
            Settings::from_map(&map(&[
                ("ENVIRONMENT", "production"),
                ("SECRET_KEY", "s3cr3t"),
                ("SMTP_HOST", "smtp.example"),
            ]))
            .is_ok()
        );
    }

    /// Without SMTP the reset and verification emails cannot reach anyone: production refuses
    /// to start that way unless the operator says so.
    #[test]
    fn production_needs_smtp_or_an_explicit_log_only_setting() {
        let prod = [("ENVIRONMENT", "production"), ("SECRET_KEY", "s3cr3t")];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut v = prod.to_vec();
            v.extend_from_slice(extra);
            Settings::from_map(&map(&v))
        };
        let e = with(&[]).unwrap_err().to_string();
        assert!(
            e.contains("SMTP_HOST is required when ENVIRONMENT=production"),
            "{e}"
        );
        assert!(e.contains("MAIL_LOG_ONLY=true"), "{e}");
        assert!(with(&[("MAIL_LOG_ONLY", "false")]).is_err());
        assert!(with(&[("SMTP_HOST", "smtp.example")]).is_ok());
        assert!(with(&[("MAIL_LOG_ONLY", "true")]).unwrap().mail_log_only);
        assert!(with(&[("MAIL_LOG_ONLY", "maybe")]).is_err());
        let e = with(&[("MAIL_LOG_ONLY", "true"), ("SMTP_HOST", "smtp.example")]).unwrap_err();
        assert!(e.to_string().contains("both set"), "{e}");
        // development keeps working without SMTP
        assert!(Settings::from_map(&map(&[])).unwrap().smtp.is_none());
    }

    #[test]
    fn llm_provider_follows_the_key() {
        assert_eq!(
            Settings::from_map(&map(&[])).unwrap().llm_provider,
            "builtin"
        );
        let s = Settings::from_map(&map(&[
            ("OPENAI_API_KEY", "k"),
            ("AGENT_MODEL_MARKET", "m1"),
        ]))
        .unwrap();
        assert_eq!(s.llm_provider, "openai");
        assert_eq!(s.agent_models.get("market").map(String::as_str), Some("m1"));
        assert_eq!(s.openai_model, "gpt-4.1-mini");
        assert_eq!(
            Settings::from_map(&map(&[
                ("OPENAI_API_KEY", "k"),
                ("LLM_PROVIDER", "builtin")
            ]))
            .unwrap()
            .llm_provider,
            "builtin"
        );
        assert!(Settings::from_map(&map(&[("LLM_PROVIDER", "claude")])).is_err());
    }

    #[test]
    fn lists_and_old_names() {
        let s = Settings::from_map(&map(&[
            (
                "CORS_ORIGINS",
                r#"["http://a.example", "http://b.example"]"#,
            ),
            ("FASTAPI_DATABASE_URL", "postgresql+asyncpg://u:p@h/db"),
        ]))
        .unwrap();
        assert_eq!(s.cors_origins, vec!["http://a.example", "http://b.example"]);
        assert_eq!(s.database_url, "postgresql+asyncpg://u:p@h/db");
        let s = Settings::from_map(&map(&[(
            "CORS_ORIGINS",
            "http://a.example, http://b.example",
        )]))
        .unwrap();
        assert_eq!(s.cors_origins.len(), 2);
        assert!(Settings::from_map(&map(&[("PORT", "eighty")])).is_err());
    }

    #[test]
    fn the_fallback_agent_is_an_agent_of_the_table_or_nothing() {
        let fallback = |v: &str| {
            Settings::from_map(&map(&[("FALLBACK_AGENT", v)]))
                .map(|s| s.fallback_agent.map(|a| a.id))
        };
        assert_eq!(
            Settings::from_map(&map(&[]))
                .unwrap()
                .fallback_agent
                .map(|a| a.id),
            None
        );
        assert_eq!(fallback("").unwrap(), None, "empty is off");
        assert_eq!(fallback(" seamless ").unwrap(), Some("seamless"));
        assert_eq!(fallback("market").unwrap(), Some("market"));
        for bad in ["Sam", "Seamless", "om", "expert"] {
            let e = fallback(bad).unwrap_err().to_string();
            assert!(
                e.starts_with("FALLBACK_AGENT must be an agent id (market, price, ")
                    && e.contains(&format!("(got {bad:?})")),
                "{e}"
            );
        }
    }
}

#[cfg(test)]
mod env_example {
    use super::*;

    /// `.env.example` with every setting uncommented is a working `.env` (issue 24): each line
    /// reads as python-dotenv reads it, and the settings it gives are valid.
    #[test]
    fn the_uncommented_example_is_a_working_env_file() {
        let text: String = include_str!("../.env.example")
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.split('=').next().is_some_and(|k| {
                        !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                            && rest.contains('=')
                    }) =>
                {
                    rest
                }
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (pairs, errors) = crate::dotenv::parse(&text, |_| None);
        assert!(errors.is_empty(), "{errors:?}");
        let map: HashMap<String, String> = pairs.into_iter().collect();
        for (k, v) in &map {
            assert!(
                !v.contains("(default") && !v.contains('#'),
                "{k}={v}: a comment read as the value"
            );
        }
        Settings::from_map(&map).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(map["APP_NAME"], "Solar Intelligence API");
    }
}

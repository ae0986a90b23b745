//! `solarintel doctor`: the effective settings and where each came from, then one line per
//! configured part (database, Redis, SMTP, the LLM endpoint, Weaviate) saying `ok` or why not.
//! Nothing is written: no migration runs, no email is sent, a missing SQLite file is not created.

use std::fmt::Write as _;
use std::time::Duration;

use crate::config::{Env, Origin, Settings, near_setting};
use crate::store::{self, DbUrl};

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Ok(String),
    Fail(String),
    /// Not configured: nothing to check.
    Off(String),
}

#[derive(Clone, Debug)]
pub struct Check {
    pub part: &'static str,
    pub status: Status,
}

/// What `doctor` found; [`Report::render`] is what it prints.
pub struct Report {
    pub text: String,
    pub failed: bool,
}

/// The longest any one check may take: `DB_CONNECT_TIMEOUT`, kept within 1 to 30 s.
fn limit(s: &Settings) -> Duration {
    s.db_connect_timeout
        .clamp(Duration::from_secs(1), Duration::from_secs(30))
}

/// Run every check for the variables of `env`.
pub async fn run(env: &Env) -> Report {
    let mut out = String::new();
    let mut failed = false;
    let settings = Settings::from_map(&env.vars);

    match &env.dotenv_path {
        Some(p) => {
            let _ = writeln!(out, "settings (environment over {}):", p.display());
        }
        None => {
            let _ = writeln!(
                out,
                "settings (environment; no .env in the working directory):"
            );
        }
    }
    match &settings {
        Ok(s) => {
            for (name, value) in s.effective() {
                let origin = if name == "AGENT_MODEL_<ID>" {
                    agent_model_origin(env)
                } else {
                    env.origin(&name).to_string()
                };
                let _ = writeln!(out, "  {name} = {value}  ({origin})");
            }
        }
        Err(e) => {
            failed = true;
            let _ = writeln!(out, "  fail: the settings are invalid: {e:#}");
        }
    }

    let mut warnings = Vec::new();
    for e in &env.dotenv_errors {
        failed = true;
        warnings.push(format!(".env {e}"));
    }
    let mut names: Vec<&String> = env.vars.keys().collect();
    names.sort();
    for name in names {
        if let Some(ours) = near_setting(name) {
            let origin = env.origin(name);
            let from = if origin == Origin::DotEnv {
                ".env"
            } else {
                "the environment"
            };
            warnings.push(format!(
                "{name} (from {from}) is not a setting of this service; did you mean {ours}?"
            ));
        }
    }
    if let Ok(s) = &settings {
        warnings.extend(s.development_defaults(env));
    }
    if !warnings.is_empty() {
        let _ = writeln!(out, "warnings:");
        for w in warnings {
            let _ = writeln!(out, "  warn: {w}");
        }
    }

    let _ = writeln!(out, "checks:");
    let checks = match &settings {
        Ok(s) => checks(s).await,
        Err(_) => vec![Check {
            part: "settings",
            status: Status::Fail("invalid (see above): nothing else was checked".into()),
        }],
    };
    for c in &checks {
        let (word, why) = match &c.status {
            Status::Ok(w) => ("ok", w),
            Status::Fail(w) => {
                failed = true;
                ("fail", w)
            }
            Status::Off(w) => ("-", w),
        };
        let _ = writeln!(out, "  {:<9} {word:<4} {why}", c.part);
    }
    Report { text: out, failed }
}

fn agent_model_origin(env: &Env) -> String {
    let mut origins: Vec<String> = env
        .vars
        .keys()
        .filter(|k| k.starts_with("AGENT_MODEL_"))
        .map(|k| env.origin(k).to_string())
        .collect();
    origins.sort();
    origins.dedup();
    if origins.is_empty() {
        "default".into()
    } else {
        origins.join(", ")
    }
}

/// The checks of every configured part, each bounded in time.
pub async fn checks(s: &Settings) -> Vec<Check> {
    let t = limit(s);
    vec![
        bounded("database", t, database(s)).await,
        bounded("redis", t, redis_check(s)).await,
        bounded("smtp", t, smtp(s)).await,
        bounded("llm", t, llm(s)).await,
        bounded("weaviate", t, weaviate(s)).await,
    ]
}

async fn bounded(part: &'static str, t: Duration, f: impl Future<Output = Status>) -> Check {
    let status = match tokio::time::timeout(t, f).await {
        Ok(st) => st,
        Err(_) => Status::Fail(format!("no answer within {} s", t.as_secs())),
    };
    Check { part, status }
}

async fn database(s: &Settings) -> Status {
    let url = match store::parse_database_url(&s.database_url) {
        Ok(u) => u,
        Err(e) => return Status::Fail(format!("{e:#}")),
    };
    if let DbUrl::SqliteFile(path) = &url {
        let p = std::path::Path::new(path);
        if !p.exists() {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            return match parent {
                Some(d) if !d.is_dir() => Status::Fail(format!(
                    "SQLite file {path}: its folder {} does not exist",
                    d.display()
                )),
                _ => Status::Ok(format!(
                    "SQLite file {path} does not exist yet: migrate or serve creates it"
                )),
            };
        }
    }
    let db = match store::Db::connect(s).await {
        Ok(db) => db,
        Err(e) => return Status::Fail(format!("cannot connect: {e:#}")),
    };
    let status = match db.migration_state().await {
        Ok(m) if !m.unknown.is_empty() => Status::Fail(format!(
            "{}: migrated by a newer solarintel (migrations {} are unknown to this binary, \
             which serve refuses): run the newer binary",
            db.backend(),
            m.unknown
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Ok(m) if m.pending == 0 => Status::Ok(format!(
            "{}, {} migrations applied, none pending",
            db.backend(),
            m.applied
        )),
        Ok(m) => Status::Ok(format!(
            "{}, {} migrations applied, {} pending: migrate or serve applies them",
            db.backend(),
            m.applied,
            m.pending
        )),
        Err(e) => Status::Fail(format!("connected, but reading the migrations failed: {e}")),
    };
    db.close().await;
    status
}

async fn redis_check(s: &Settings) -> Status {
    let Some(url) = &s.redis_url else {
        return Status::Off("not configured (REDIS_URL unset): rate limits are per replica".into());
    };
    let client = match redis::Client::open(url.as_str()) {
        Ok(c) => c,
        Err(e) => return Status::Fail(format!("REDIS_URL: {e}")),
    };
    let mut conn = match client.get_multiplexed_async_connection().await {
        Ok(c) => c,
        Err(e) => return Status::Fail(format!("cannot connect: {e}")),
    };
    match redis::cmd("PING").query_async::<String>(&mut conn).await {
        Ok(pong) if pong == "PONG" => Status::Ok("PING answered".into()),
        Ok(other) => Status::Fail(format!("PING answered {other:?}")),
        Err(e) => Status::Fail(format!("PING failed: {e}")),
    }
}

async fn smtp(s: &Settings) -> Status {
    let Some(cfg) = &s.smtp else {
        return Status::Off(if s.mail_log_only {
            "not configured (MAIL_LOG_ONLY): emails are only logged".into()
        } else {
            "not configured (SMTP_HOST unset): emails are only logged".into()
        });
    };
    let mailer = match crate::mail::Mailer::from_settings(Some(cfg)) {
        Ok(m) => m,
        Err(e) => return Status::Fail(format!("{e:#}")),
    };
    match mailer.test_connection().await {
        Ok(()) => Status::Ok(format!(
            "{}:{} answered EHLO{} (no mail sent)",
            cfg.host,
            cfg.port,
            if cfg.username.is_some() {
                " and accepted the login"
            } else {
                ""
            }
        )),
        Err(e) => Status::Fail(format!("{}:{}: {e:#}", cfg.host, cfg.port)),
    }
}

async fn llm(s: &Settings) -> Status {
    if s.llm_provider != "openai" {
        return Status::Ok("built-in provider (offline, answers from the tools)".into());
    }
    let base = s.openai_base_url.trim_end_matches('/');
    let client = match reqwest::Client::builder().timeout(limit(s)).build() {
        Ok(c) => c,
        Err(e) => return Status::Fail(format!("{e}")),
    };
    let auth = |r: reqwest::RequestBuilder| match &s.openai_api_key {
        Some(k) => r.bearer_auth(k),
        None => r,
    };
    let refused = |code: reqwest::StatusCode| {
        Status::Fail(format!(
            "{base} refused the request (HTTP {}){}",
            code.as_u16(),
            if matches!(code.as_u16(), 401 | 403) {
                ": check OPENAI_API_KEY"
            } else {
                ""
            }
        ))
    };
    match auth(client.get(format!("{base}/models"))).send().await {
        Err(e) => return Status::Fail(format!("{base}: {}", without_url(&e))),
        Ok(r) if r.status().is_success() => {
            let body: serde_json::Value = r.json().await.unwrap_or_default();
            let ids: Vec<&str> = body["data"]
                .as_array()
                .map(|a| a.iter().filter_map(|m| m["id"].as_str()).collect())
                .unwrap_or_default();
            if ids.is_empty() {
                return Status::Ok(format!("{base}: answers, lists no models"));
            }
            // Every model the agents would call must be served: a missing one fails every
            // chat turn of its agents.
            let mut wanted: Vec<(&str, &str)> = vec![("OPENAI_MODEL", s.openai_model.as_str())];
            let mut overrides: Vec<(&String, &String)> = s.agent_models.iter().collect();
            overrides.sort();
            wanted.extend(
                overrides
                    .into_iter()
                    .map(|(_, m)| ("an AGENT_MODEL_ override", m.as_str())),
            );
            let missing: Vec<String> = wanted
                .iter()
                .filter(|(_, m)| !ids.contains(m))
                .map(|(name, m)| format!("{m} ({name})"))
                .collect();
            if !missing.is_empty() {
                return Status::Fail(format!(
                    "{base} lists {} models but not {}: set the model to one it serves",
                    ids.len(),
                    missing.join(", ")
                ));
            }
            return Status::Ok(format!(
                "{base}: {} models listed, {} among them",
                ids.len(),
                s.openai_model
            ));
        }
        Ok(r) if matches!(r.status().as_u16(), 401 | 403) => return refused(r.status()),
        Ok(_) => {}
    }
    // No model list (some OpenAI-compatible servers have none): a one-token request.
    let body = serde_json::json!({
        "model": s.openai_model,
        "messages": [{"role": "user", "content": "ping"}],
        "max_tokens": 1,
    });
    match auth(client.post(format!("{base}/chat/completions")))
        .json(&body)
        .send()
        .await
    {
        Err(e) => Status::Fail(format!("{base}: {}", without_url(&e))),
        Ok(r) if r.status().is_success() => Status::Ok(format!(
            "{base}: a one-token request to {} answered",
            s.openai_model
        )),
        Ok(r) => refused(r.status()),
    }
}

async fn weaviate(s: &Settings) -> Status {
    let Some(base) = &s.weaviate_url else {
        return Status::Off("not configured (WEAVIATE_URL unset)".into());
    };
    let client = match reqwest::Client::builder().timeout(limit(s)).build() {
        Ok(c) => c,
        Err(e) => return Status::Fail(format!("{e}")),
    };
    let mut req = client.get(format!("{base}/v1/meta"));
    if let Some(k) = &s.weaviate_api_key {
        req = req.bearer_auth(k);
    }
    match req.send().await {
        Err(e) => Status::Fail(format!("{base}: {}", without_url(&e))),
        Ok(r) if r.status().is_success() => {
            let v: serde_json::Value = r.json().await.unwrap_or_default();
            match v["version"].as_str() {
                Some(ver) => Status::Ok(format!("{base}: Weaviate {ver}")),
                None => Status::Ok(format!("{base}: answered")),
            }
        }
        Ok(r) => Status::Fail(format!("{base}: HTTP {}", r.status().as_u16())),
    }
}

/// A reqwest error in words, with its causes (the URL is already on the line).
fn without_url(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut msg = String::from(if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    });
    let mut src = e.source();
    while let Some(s) = src {
        let _ = write!(msg, ": {s}");
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env {
            vars: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
            ..Env::default()
        }
    }

    #[tokio::test]
    async fn secrets_are_never_printed() {
        let e = env(&[
            ("SECRET_KEY", "s3cr3t-signing-key"),
            ("DATABASE_URL", "sqlite::memory:"),
            ("REDIS_URL", "redis://:hunter2@127.0.0.1:1/"),
            ("OPENAI_API_KEY", "sk-live-abcdef"),
            ("LLM_PROVIDER", "builtin"),
        ]);
        let r = run(&e).await;
        for secret in ["s3cr3t-signing-key", "hunter2", "sk-live-abcdef"] {
            assert!(!r.text.contains(secret), "{secret} printed:\n{}", r.text);
        }
        assert!(
            r.text.contains("SECRET_KEY = <redacted>  (environment)"),
            "{}",
            r.text
        );
        assert!(
            r.text
                .contains("REDIS_URL = redis://:<redacted>@127.0.0.1:1/"),
            "{}",
            r.text
        );
        assert!(r.text.contains("HOST = 127.0.0.1  (default)"), "{}", r.text);
        // Redis on a closed port fails the run; the database (in memory) is fine.
        assert!(r.failed);
        assert!(r.text.contains("redis     fail"), "{}", r.text);
        assert!(r.text.contains("database  ok"), "{}", r.text);
    }

    #[tokio::test]
    async fn invalid_settings_are_a_failure_not_a_crash() {
        let r = run(&env(&[("PORT", "eighty")])).await;
        assert!(r.failed);
        assert!(
            r.text.contains("fail: the settings are invalid: PORT"),
            "{}",
            r.text
        );
    }
}

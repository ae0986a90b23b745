//! Every setting, declared once: its name, its default, whether it is a secret, and what it
//! does. [`Settings::from_map`](super::Settings::from_map) takes its defaults from here, `doctor`
//! lists the settings in this order and redacts the secrets, and the README's settings table and
//! `.env.example` are generated from it ([`readme_table`], [`env_example`]; a test fails when
//! either file differs, and `UPDATE_SETTINGS_DOCS=1` rewrites both).

/// One setting.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    pub name: &'static str,
    /// The value when unset, as it would be written in `.env`; empty when the setting is unset
    /// by default or its default is computed (then [`Setting::default_doc`] says how).
    pub default: &'static str,
    /// The README's words for a computed default (empty: `default` itself, or "unset").
    pub default_doc: &'static str,
    /// Never printed: `doctor` and the logs show it redacted.
    pub secret: bool,
    /// Read by the allocator from the process environment before anything else (not from
    /// `.env`, not part of [`Settings`](super::Settings)).
    pub process_only: bool,
    /// `NAME=value` for `.env.example` when it is not `NAME=default` (a family of names).
    pub example: &'static str,
    /// What it does (Markdown).
    pub help: &'static str,
}

impl Setting {
    const fn new(name: &'static str, default: &'static str, help: &'static str) -> Setting {
        Setting {
            name,
            default,
            default_doc: "",
            secret: false,
            process_only: false,
            example: "",
            help,
        }
    }
    const fn computed(mut self, doc: &'static str) -> Setting {
        self.default_doc = doc;
        self
    }
    const fn secret(mut self) -> Setting {
        self.secret = true;
        self
    }
    const fn process_only(mut self) -> Setting {
        self.process_only = true;
        self
    }
    const fn example(mut self, line: &'static str) -> Setting {
        self.example = line;
        self
    }

    /// The default as the README states it.
    pub fn default_text(&self) -> String {
        match (self.default_doc, self.default) {
            ("", "") => "unset".into(),
            ("", d) => format!("`{d}`"),
            (doc, _) => doc.into(),
        }
    }
}

/// A group of settings: a heading in the README and in `.env.example`.
pub struct Section {
    pub title: &'static str,
    pub settings: &'static [Setting],
}

const fn s(name: &'static str, default: &'static str, help: &'static str) -> Setting {
    Setting::new(name, default, help)
}

/// `AGENT_MODEL_<ID>` is a family of names, matched by this prefix.
pub const AGENT_MODEL_PREFIX: &str = "AGENT_MODEL_";

/// Every setting this service reads, in the order `doctor`, the README and `.env.example` show
/// them.
pub const SECTIONS: &[Section] = &[
    Section {
        title: "Service",
        settings: &[
            s("APP_NAME", "Solar Intelligence API", "shown by `GET /` and `GET /health`"),
            s("VERSION", "", "shown by `GET /` and `GET /health`")
                .computed("the package version"),
            s(
                "ENVIRONMENT",
                "development",
                "`production` requires `SECRET_KEY` and `SMTP_HOST` (or `MAIL_LOG_ONLY`), refuses `BCRYPT_COST` below 10 and sends HSTS by default",
            ),
            s("HOST", "127.0.0.1", "listen address (`HOST=0.0.0.0` in containers)"),
            s("PORT", "8000", "listen port"),
            s(
                "PUBLIC_URL",
                "",
                "this service's public origin, for the verification link in emails",
            )
            .computed(
                "`http://HOST:PORT` of the address `serve` listens on (`--host`/`--port` included; `localhost` for `0.0.0.0`)",
            ),
            s(
                "FRONTEND_URL",
                "http://localhost:3000",
                "the React app's origin: reset links and the redirect after email verification",
            ),
            s(
                "STATIC_DIR",
                "",
                "serve a built web app from this folder (tower-http `ServeDir`: ranges, `ETag`/`Last-Modified`, precompressed `.gz`/`.br` beside a file, `Cache-Control: public, max-age=31536000, immutable` for hashed `assets/` files and `no-cache` for `index.html`), `index.html` for other GETs outside `/api/` and for `GET /` from browsers",
            ),
            s(
                "HSTS_MAX_AGE_SECONDS",
                "",
                "`Strict-Transport-Security: max-age=N; includeSubDomains` on every response; `0` sends none (only worth sending behind HTTPS). The other security headers are always sent: see [Security headers](docs/OPERATIONS.md#security-headers)",
            )
            .computed("`31536000` when `ENVIRONMENT=production`, else `0`"),
            s(
                "CORS_ORIGINS",
                "",
                "JSON array (`[\"https://app.example.com\"]`, as pydantic-settings reads it) or comma-separated list of allowed origins",
            )
            .computed(
                "the old service's 16 localhost origins (ports 3000, 5173–5177, 5000, 5002 on `localhost` and `127.0.0.1`)",
            ),
            s(
                "TRUSTED_PROXIES",
                "",
                "comma-separated addresses or CIDR networks (`10.0.0.0/8`, `2001:db8::/32`) of reverse proxies whose `X-Forwarded-For` names the client; every line of the header is read, right to left",
            ),
            s(
                "MAX_BODY_BYTES",
                "1048576",
                "larger request bodies get 413 `Request body too large`",
            ),
            s(
                "REQUEST_TIMEOUT_SECONDS",
                "60",
                "a request whose answer has not started by then gets 503 `Request timed out` (`0`: no limit)",
            ),
            s(
                "HTTP_HEADER_TIMEOUT_SECONDS",
                "30",
                "a connection that has not sent a request's headers within this is closed: slow-header clients, and idle keep-alive connections between requests (`0`: no limit)",
            ),
            s(
                "HTTP_WRITE_STALL_SECONDS",
                "60",
                "a connection whose client takes no bytes of an answer for this long is closed, freeing what was buffered for it (a chat stream that is never read; its turn still completes and is stored, so the client can resume it). Counted in `solarintel_http_write_stalls_total` (`0`: no limit)",
            ),
            s(
                "HTTP_MAX_CONNECTIONS",
                "0",
                "open connections at most; over it a new connection is closed at once and a warning logged (at most once a minute). `0`: the process's descriptor limit less 256 kept for the database, files and outgoing calls",
            ),
            s(
                "SHUTDOWN_GRACE_SECONDS",
                "30",
                "how long open requests may run after SIGTERM (after the chat drain)",
            ),
            s(
                "CHAT_DRAIN_SECONDS",
                "120",
                "after SIGTERM, how long running chat turns may go on (their streams stay open); turns still running then fail as in `streaming.md` §8.3: the partial answer is stored or the query given back",
            ),
            s(
                "JOBS_ENABLED",
                "true",
                "run the background jobs in `serve` (hourly, one replica at a time) and the orphaned-turn sweep (at start-up and every 30 s, on each replica)",
            ),
        ],
    },
    Section {
        title: "Database",
        settings: &[
            s(
                "DATABASE_URL",
                "sqlite://solarintel.db",
                "`sqlite://PATH` (`sqlite:///abs/path` for an absolute path), `sqlite::memory:`, `postgres://...`; the old forms `sqlite+aiosqlite:///PATH`, `postgresql://`, `postgresql+asyncpg://` also work. A URL's password is never printed",
            )
            .secret(),
            s(
                "FASTAPI_DATABASE_URL",
                "",
                "the old service's name for `DATABASE_URL`, read when `DATABASE_URL` is unset",
            )
            .secret(),
            s(
                "DB_POOL_SIZE",
                "",
                "the pool holds up to `DB_POOL_SIZE + DB_MAX_OVERFLOW` connections; reported by `/api/v1/health/pool`. SQLite has one writer at a time and each connection is a thread, so its default is small (measured about 20 % faster than 20 + 40 on the conversation list). On PostgreSQL sharing a small machine with the service, about 4 connections per core keeps the p99 flat (see [Benchmarks](docs/BENCHMARKS.md))",
            )
            .computed("`20` on PostgreSQL, `4` on SQLite"),
            s(
                "DB_MAX_OVERFLOW",
                "",
                "connections the pool may open beyond `DB_POOL_SIZE`",
            )
            .computed("`40` on PostgreSQL, `4` on SQLite"),
            s(
                "DB_POOL_TIMEOUT",
                "30",
                "seconds to wait for a pooled connection; on PostgreSQL the larger of it and `DB_CONNECT_TIMEOUT` also bounds opening one",
            ),
            s(
                "DB_POOL_RECYCLE",
                "3600",
                "seconds after which a connection is replaced (`0`: never)",
            ),
            s(
                "DB_CONNECT_TIMEOUT",
                "10",
                "seconds to open a database connection",
            ),
            s(
                "DB_COMMAND_TIMEOUT",
                "60",
                "PostgreSQL `statement_timeout`, seconds",
            ),
        ],
    },
    Section {
        title: "Tokens and passwords",
        settings: &[
            s(
                "SECRET_KEY",
                super::DEFAULT_SECRET_KEY,
                "JWT signing key (HS256); tokens of the old service stay valid with the same key",
            )
            .computed(
                "`dev-secret-key`, with a warning at start-up; **required** when `ENVIRONMENT=production`",
            )
            .secret(),
            s("ALGORITHM", "HS256", "JWT algorithm (only HS256)"),
            s(
                "ACCESS_TOKEN_EXPIRE_MINUTES",
                "10080",
                "lifetime of an access token, minutes",
            ),
            s(
                "PASSWORD_HASH",
                "bcrypt",
                "hash of new passwords: `bcrypt` (readable by the old service) or `argon2id` (OWASP parameters); both kinds always verify",
            ),
            s(
                "BCRYPT_COST",
                "12",
                "cost of new bcrypt hashes, 4 to 31 (tests use 4; below 10 is refused in production)",
            ),
            s(
                "HASH_CONCURRENCY",
                "",
                "password hashes computed at once, on their own low-priority threads",
            )
            .computed("the number of cores"),
        ],
    },
    Section {
        title: "Email",
        settings: &[
            s(
                "SMTP_HOST",
                "",
                "the mail server; without it every email is written to the log instead, its one-time tokens redacted",
            ),
            s("SMTP_PORT", "587", "the mail server's port"),
            s("SMTP_USERNAME", "", "login at the mail server"),
            s("SMTP_PASSWORD", "", "password at the mail server").secret(),
            s("SMTP_FROM", "no-reply@localhost", "sender of every email"),
            s("SMTP_TLS", "starttls", "`none`, `starttls` or `tls`"),
            s(
                "MAIL_LOG_ONLY",
                "false",
                "`true` lets `ENVIRONMENT=production` start without `SMTP_HOST` (it refuses to otherwise): emails are then only logged, links redacted, so nobody can complete a password reset or an email verification. Refused together with `SMTP_HOST`",
            ),
            s(
                "CONTACT_NOTIFY_EMAIL",
                "",
                "a staff address emailed (through `SMTP_HOST`) for each new expert-contact request and waitlist entry; checked at start to be an email address. See [Leads](docs/OPERATIONS.md#leads-contact-requests-and-the-waitlist)",
            ),
            s(
                "CONTACT_WEBHOOK_URL",
                "",
                "an `http://` or `https://` URL (checked at start) that receives a JSON `POST` for each new lead, 5 s timeout; `doctor` and the logs show only its scheme and host",
            )
            .secret(),
            s(
                "BREACH_INTERNAL_EMAIL",
                "",
                "the team emailed (through `SMTP_HOST`, or the log) as soon as an admin records a breach; checked at start to be an email address. Unset, nobody is alerted and the breach says `internal_team_notified: false`. Also the contact the breach notices give. See [GDPR](docs/OPERATIONS.md#gdpr-data-export-restriction-of-processing-the-breach-register)",
            ),
            s(
                "BREACH_DPA_EMAIL",
                "",
                "the supervisory authority's address for `POST /api/v1/admin/breach/notify-dpa` (GDPR Art. 33); unset, that endpoint answers 400 and sends nothing",
            ),
            s(
                "DATA_CONTROLLER",
                "Becquerel Institute",
                "who is responsible for the data: named in the data export (`export_metadata.data_controller`) and in the breach notices",
            ),
        ],
    },
    Section {
        title: "Rate limits",
        settings: &[
            s(
                "RATE_LIMIT_PER_MINUTE",
                "60",
                "requests per minute under `/api/v1` per user (per client address when anonymous), token bucket; health and the OpenAPI document are not counted; `0` turns it off",
            ),
            s(
                "LOGIN_RATE_LIMIT_PER_MINUTE",
                "10",
                "login, register, reset and verification attempts per minute per address (IPv6: per /64) and per account, failed logins only for an account; also wrong current passwords per user in `change-password`. Over it, a wait until the minute ends, doubled by a refusal that follows soon after (caps: 15 min per address and for `change-password`, 60 s per account); `0` turns it off. See [Behaviour worth knowing](docs/BEHAVIOUR.md)",
            ),
            s(
                "REDIS_URL",
                "",
                "keep the rate-limit counters (and the answer cache) in Redis so replicas share them, e.g. `redis://127.0.0.1:6379/`; while Redis does not answer, each replica limits from its own memory: see [Behaviour worth knowing](docs/BEHAVIOUR.md)",
            )
            .secret(),
        ],
    },
    Section {
        title: "Agents",
        settings: &[
            s("LLM_PROVIDER", "", "`builtin` (offline, no model) or `openai`")
                .computed("`openai` when `OPENAI_API_KEY` is set, else `builtin`"),
            s(
                "OPENAI_API_KEY",
                "",
                "key of an OpenAI-compatible Chat Completions endpoint (OpenAI, vLLM, Ollama, llama.cpp server), streamed, with tool calls",
            )
            .secret(),
            s(
                "OPENAI_BASE_URL",
                "https://api.openai.com/v1",
                "that endpoint's base URL. An `http://` URL (a model server beside the service) is read by the service's own HTTP/1.1 client, connected directly (`HTTP_PROXY` is not read), with idle connections kept 4 s; `https://` goes through a TLS client that reads `HTTPS_PROXY`",
            ),
            s("OPENAI_MODEL", "gpt-4.1-mini", "the model every agent uses"),
            s(
                "AGENT_MODEL_<ID>",
                "",
                "per-agent model, e.g. `AGENT_MODEL_MARKET=gpt-4.1`, `AGENT_MODEL_LEO_OM=...`",
            )
            .example("AGENT_MODEL_MARKET=\"\""),
            s(
                "LLM_TIMEOUT_SECONDS",
                "120",
                "the longest silence of the LLM provider: until its answer starts, and between two chunks of it (a long answer that keeps streaming is not cut off; `TURN_MAX_SECONDS` bounds the turn); 429, 5xx, connection failures, timeouts and streams cut off before the first token are retried twice: after the provider's `Retry-After` (seconds or a date) when it sends one, up to 10 s (a provider asking for longer fails the turn at once, the query given back), else after an exponential backoff from 0.5 s; each pause has up to 25 % random jitter so turns that failed together do not retry together",
            ),
            s(
                "TURN_MAX_SECONDS",
                "300",
                "longest generation of one chat turn; past it the turn fails as in `streaming.md` §8.3",
            ),
            s(
                "CHAT_MAX_STREAMS_PER_USER",
                "20",
                "chat streams (new turns and resumes together) one user may hold open at once on a replica; over it 429 `Too many open chat streams; close one and try again` with `Retry-After: 5`, before anything is counted or stored (`0`: no limit)",
            ),
            s(
                "CHAT_MAX_STREAMS_PER_TURN",
                "5",
                "resumed readers of one turn at once on a replica; over it 429 `Too many open streams for this turn; close one and try again` with `Retry-After: 5` (`0`: no limit)",
            ),
            s(
                "WEAVIATE_URL",
                "",
                "Weaviate for the open-questions (`weaviate`) agent's document search, e.g. `http://127.0.0.1:8080`: BM25 over every class of its schema that has a text property (`body`, `content`, `text`, ...). Without it, or when it does not answer, that agent searches the local collections",
            ),
            s(
                "WEAVIATE_API_KEY",
                "",
                "sent to Weaviate as a bearer token",
            )
            .secret(),
        ],
    },
    Section {
        title: "Answer cache",
        settings: &[
            s(
                "CACHE_TTL_SECONDS",
                "3600",
                "life of an answer or tool-result cache entry (see [The answer cache](docs/DATA.md#the-answer-cache)); `0` turns the cache off",
            ),
            s(
                "CACHE_MAX_ENTRIES",
                "10000",
                "entries of the in-memory cache at most ([moka](https://docs.rs/moka): entries used least often and least recently leave first); with `REDIS_URL` the cache is in Redis, shared by every replica, and Redis's own `maxmemory` bounds it",
            ),
            s(
                "CACHE_MAX_BYTES",
                "67108864",
                "bytes of the in-memory cache at most: each entry weighs its key and value but at least `CACHE_MAX_BYTES / CACHE_MAX_ENTRIES`, so one capacity bounds both",
            ),
        ],
    },
    Section {
        title: "Accounts and data",
        settings: &[
            s(
                "REQUIRE_EMAIL_VERIFICATION",
                "false",
                "the current React app's signup (decision L3): a new account answers `201 {\"message\": ...}` and logs in (`403` before) only after following the emailed link, which points at the app's `FRONTEND_URL/verify-email?token=` page; `POST /api/v1/auth/resend-verification` sends a new one. Accounts that existed before, those an admin creates, and those an admin approves are never locked out",
            ),
            s(
                "FALLBACK_AGENT",
                "",
                "an agent id (the current app's: `seamless`, its \"Sam\") turns the free trial on (decision L4): a `free` user may use every agent they hired, whatever its plan, until the monthly limit (5 + survey bonuses), then only this agent, at 10 queries a calendar day (UTC). Unset or empty: the first contract's limits, unchanged. Must name an agent of the table (`market`, `news`, ..., `bipv_design`), checked at start",
            )
            .computed("unset (off)"),
            s(
                "SAMPLE_DATA",
                "true",
                "at start-up, load the built-in synthetic sample into every dataset and document collection that has nothing loaded (see [Data](docs/DATA.md)); `false` leaves empty datasets empty",
            ),
        ],
    },
    Section {
        title: "Metrics and logs",
        settings: &[
            s(
                "METRICS_ADDR",
                "",
                "serve Prometheus metrics at `GET /metrics` on this separate address, e.g. `127.0.0.1:9100` (never on the public one); see [Metrics and probes](docs/OPERATIONS.md#metrics-and-probes)",
            ),
            s(
                "LOG_FORMAT",
                "text",
                "`json` for one JSON object per line; every request line carries its request id, method, path, status and `latency_ms` (a number, milliseconds)",
            ),
            s("LOG_LEVEL", "info", "`error`, `warn`, `info`, `debug` or `trace`"),
            s(
                "RUST_LOG",
                "",
                "per-module levels over `LOG_LEVEL`, e.g. `solarintel=debug,sqlx=warn`",
            ),
        ],
    },
    Section {
        title: "Memory",
        settings: &[s(
            "MIMALLOC_ALLOW_THP",
            "",
            "`1` lets the allocator use transparent huge pages; read from the process environment only (`.env` is read too late for it). Off by default (mimalloc is built with them off): with them each open chat stream kept about 23 KiB more resident, and the idle service about 4 MiB more (see [Benchmarks](docs/BENCHMARKS.md))",
        )
        .computed("unset (off)")
        .process_only(),
        s(
            "MIMALLOC_PURGE_DELAY",
            "",
            "milliseconds the allocator keeps freed memory before it gives it back to the system; read from the process environment only. Unset, the service sets `0` (at once): with mimalloc's own 10 ms, memory freed by a burst of requests stayed resident (1.5–3 MiB after the read benchmarks, the same throughput; see [Benchmarks](docs/BENCHMARKS.md))",
        )
        .computed("unset (0: at once)")
        .process_only()],
    },
];

/// Every setting, in order.
pub fn settings() -> impl Iterator<Item = &'static Setting> {
    SECTIONS.iter().flat_map(|s| s.settings.iter())
}

/// The setting called `name` (an `AGENT_MODEL_` name is the family's).
pub fn setting(name: &str) -> Option<&'static Setting> {
    let family = name.starts_with(AGENT_MODEL_PREFIX) && name.len() > AGENT_MODEL_PREFIX.len();
    settings().find(|s| s.name == name || (family && s.name.starts_with(AGENT_MODEL_PREFIX)))
}

/// The README's markers around the generated tables.
pub const README_BEGIN: &str = "<!-- settings: generated from src/config/table.rs (UPDATE_SETTINGS_DOCS=1 cargo nextest run -E 'test(settings_docs)') -->";
pub const README_END: &str = "<!-- end of the generated settings -->";

/// The README's settings tables (one per section), between its markers.
pub fn readme_table() -> String {
    let mut out = String::new();
    for section in SECTIONS {
        out.push_str(&format!(
            "\n### {}\n\n| setting | default | meaning |\n|---|---|---|\n",
            section.title
        ));
        for s in section.settings {
            let name = if s.secret {
                format!("`{}` (secret)", s.name)
            } else {
                format!("`{}`", s.name)
            };
            out.push_str(&format!("| {name} | {} | {} |\n", s.default_text(), s.help));
        }
    }
    out.push('\n');
    out
}

/// `.env.example`: every setting commented out at its default, its help above it. With every
/// setting line uncommented it is a working `.env`.
pub fn env_example() -> String {
    let mut out = String::from(
        "# Solar Intelligence settings. Copy to .env (the environment wins over .env).\n\
         # Every line is optional; the value shown is the default (\"\": unset, or computed as said).\n\
         # Generated from src/config/table.rs, like the README's settings table.\n",
    );
    for section in SECTIONS {
        out.push_str(&format!("\n# --- {} ---\n", section.title.to_lowercase()));
        for s in section.settings {
            out.push('\n');
            // A sentence: capitalised, ending with a full stop.
            let mut help: String = s.help[..1].to_uppercase() + &s.help[1..];
            if !s.default_doc.is_empty() {
                help.push_str(&format!(". Default: {}", s.default_doc));
            }
            if s.secret {
                help.push_str(". A secret: never printed");
            }
            help.push('.');
            for line in wrap(&help, 96) {
                out.push_str("# ");
                out.push_str(&line);
                out.push('\n');
            }
            let line = match (s.example, s.default) {
                ("", "") => format!("{}=\"\"", s.name),
                ("", d) => format!("{}={d}", s.name),
                (e, _) => e.to_string(),
            };
            out.push_str(&format!("# {line}\n"));
        }
    }
    out
}

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_help_lines_never_read_as_settings() {
        let mut seen = std::collections::HashSet::new();
        for s in settings() {
            assert!(seen.insert(s.name), "{} twice", s.name);
        }
        // Uncommented, the example sets each setting once and nothing else: a help line that
        // began `NAME=` would become a setting.
        let mut set = Vec::new();
        for line in env_example().lines() {
            let Some(rest) = line.strip_prefix("# ") else {
                continue;
            };
            let key = rest.split('=').next().unwrap_or("");
            if rest.contains('=')
                && !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            {
                set.push(key.to_string());
            }
        }
        let names: Vec<String> = settings()
            .map(|s| {
                s.example
                    .split('=')
                    .next()
                    .filter(|k| !k.is_empty())
                    .unwrap_or(s.name)
                    .to_string()
            })
            .collect();
        assert_eq!(set, names);
    }
}

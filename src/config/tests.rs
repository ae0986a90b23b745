//! The settings' unit tests.

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
    // Every name `from_map` reads is declared in the table (reading an undeclared one
    // panics; this also covers the branches a test may not take).
    let src: String = include_str!("mod.rs").split_whitespace().collect();
    let mut read = Vec::new();
    for call in [
        "v.set(\"",
        "v.text(\"",
        "v.parse(\"",
        "v.parse_or(\"",
        "v.secs(\"",
        "v.flag(\"",
        "url(\"",
        "address(\"",
    ] {
        for part in src.split(call).skip(1) {
            read.push(part.chars().take_while(|c| *c != '"').collect::<String>());
        }
    }
    assert!(read.len() > 60, "{read:?}");
    for name in &read {
        assert!(
            is_setting(name),
            "{name} is read but not declared in the table"
        );
    }
    // And every declared setting is read (or is the allocator's, or a family).
    for s in table::settings().filter(|s| !s.process_only && !s.name.contains('<')) {
        assert!(
            read.iter().any(|r| r == s.name),
            "{} is declared but never read",
            s.name
        );
    }
    let secrets: Vec<(&str, String)> = table::settings()
        .filter(|s| s.secret)
        .map(|s| s.name)
        .map(|n| {
            // (the webhook must be http or https)
            let scheme = if n == "CONTACT_WEBHOOK_URL" {
                "https"
            } else {
                "postgres"
            };
            (n, format!("{scheme}://user:pw-{}@host/db", n.len() * 7919))
        })
        .collect();
    let mut pairs: Vec<(&str, &str)> = secrets.iter().map(|(n, v)| (*n, v.as_str())).collect();
    pairs.push(("SMTP_HOST", "mail.example"));
    pairs.push(("LLM_PROVIDER", "openai"));
    let s = Settings::from_map(&map(&pairs)).unwrap();
    let eff = s.effective();
    assert_eq!(
        eff.len(),
        table::settings().filter(|s| !s.process_only).count()
    );
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
        Settings::from_map(&map(&[("FALLBACK_AGENT", v)])).map(|s| s.fallback_agent.map(|a| a.id))
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

mod env_example {
    use super::*;

    /// `.env.example` with every setting uncommented is a working `.env`: each line
    /// reads as python-dotenv reads it, and the settings it gives are valid.
    #[test]
    fn the_uncommented_example_is_a_working_env_file() {
        let text: String = include_str!("../../.env.example")
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

/// The table's defaults are the ones `from_map` applies: `doctor` shows each declared default
/// when nothing is set (computed defaults and those that only apply with another setting aside).
#[test]
fn the_declared_defaults_are_the_effective_ones() {
    let eff: HashMap<String, String> = Settings::from_map(&map(&[]))
        .unwrap()
        .effective()
        .into_iter()
        .collect();
    // Shown "(unset)" while SMTP_HOST is unset; the development key is named, not printed.
    let only_with_another = ["SMTP_PORT", "SMTP_TLS", "SECRET_KEY"];
    let mut checked = 0;
    for s in table::settings().filter(|s| !s.default.is_empty() && s.default_doc.is_empty()) {
        if only_with_another.contains(&s.name) {
            continue;
        }
        assert_eq!(eff[s.name], s.default, "{}", s.name);
        checked += 1;
    }
    assert!(checked > 30, "{checked}");
    let with_smtp = Settings::from_map(&map(&[("SMTP_HOST", "mail.example")]))
        .unwrap()
        .effective();
    for name in ["SMTP_PORT", "SMTP_TLS"] {
        let v = &with_smtp.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(v, table::setting(name).unwrap().default, "{name}");
    }
}

/// The README's settings tables and `.env.example` are generated from the table:
/// `UPDATE_SETTINGS_DOCS=1 cargo nextest run -E 'test(settings_docs)'` rewrites both.
#[test]
fn the_settings_docs_are_generated_from_the_table() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (begin, end) = (table::README_BEGIN, table::README_END);
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (a, b) = (
        readme
            .find(begin)
            .expect("README has the settings' begin marker"),
        readme
            .find(end)
            .expect("README has the settings' end marker"),
    );
    let generated_readme = format!(
        "{}{begin}\n{}{}",
        &readme[..a],
        table::readme_table(),
        &readme[b..]
    );
    let example_path = root.join(".env.example");
    let example = std::fs::read_to_string(&example_path).unwrap();
    if std::env::var_os("UPDATE_SETTINGS_DOCS").is_some() {
        std::fs::write(&readme_path, &generated_readme).unwrap();
        std::fs::write(&example_path, table::env_example()).unwrap();
        return;
    }
    assert!(
        readme == generated_readme,
        "README.md's settings tables differ from src/config/table.rs: run \
         UPDATE_SETTINGS_DOCS=1 cargo nextest run -E 'test(settings_docs)'"
    );
    assert!(
        example == table::env_example(),
        ".env.example differs from src/config/table.rs: run \
         UPDATE_SETTINGS_DOCS=1 cargo nextest run -E 'test(settings_docs)'"
    );
}

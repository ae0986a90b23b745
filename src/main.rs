//! `solarintel`: the command line of operations.md.

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use solarintel::config::{Env, LogFormat, Settings};
use std::path::PathBuf;

use solarintel::{App, data, jobs, store};

/// mimalloc: many small short-lived allocations across the runtime and the SQLite worker
/// threads; glibc's allocator contended on them under load. The `system-alloc` feature keeps the
/// system allocator, which heap profilers such as heaptrack see (docs/BENCHMARKS.md, "Streams
/// at scale").
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "solarintel",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("SOLARINTEL_COMMIT"), ")"),
    about = "Solar Intelligence backend",
    long_about = "Solar Intelligence backend. Settings come from the environment and from .env in the working directory (the environment wins); `solarintel doctor` prints them and checks every configured part."
)]
struct Cli {
    /// Read settings from this file instead of `.env` in the working directory (same syntax;
    /// the environment still wins). A file named here must exist.
    #[arg(long, global = true, value_name = "PATH")]
    env_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, then serve HTTP until SIGINT, SIGTERM or SIGHUP (graceful).
    Serve {
        /// Address to listen on (overrides HOST).
        #[arg(long, value_name = "ADDRESS")]
        host: Option<String>,
        /// Port to listen on, 0 for any free one (overrides PORT).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Apply pending migrations and exit (adopts an old service's database in place).
    Migrate,
    /// Create an active admin, or promote and activate an existing user and set the password.
    #[command(group(clap::ArgGroup::new("secret").args(["password", "password_stdin"])))]
    CreateAdmin {
        /// The admin's username (an email address for the web app's login form).
        #[arg(long)]
        username: String,
        /// The password. Visible in shell history and `ps`: prefer the prompt (leave this out
        /// on a terminal) or --password-stdin.
        #[arg(long)]
        password: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// Full name shown in the web app (default: the username's part before `@`).
        #[arg(long)]
        full_name: Option<String>,
    },
    /// Insert missing agent access rows; `--force` resets every catalogue agent to its defaults.
    SeedAgents {
        /// Reset every catalogue agent's row to its defaults, not only add missing ones.
        #[arg(long)]
        force: bool,
    },
    /// Load a dataset file or documents (replacing the rows a file of the same name loaded).
    Ingest {
        #[command(subcommand)]
        what: IngestCommand,
    },
    /// Background jobs.
    Jobs {
        #[command(subcommand)]
        command: JobsCommand,
    },
    /// Write a consistent copy of the SQLite database to FILE while the service runs (the
    /// committed data of the write-ahead log included); PostgreSQL: use pg_dump.
    Backup {
        /// The copy to write; must not exist yet.
        file: PathBuf,
    },
    /// Put a copy written by `backup` in place of the SQLite database, with the service stopped.
    /// Refused while a process has the database open, or when FILE is not a whole database of
    /// this service that this binary can run; the database it replaces is kept beside it.
    Restore {
        /// The backup copy to put in place (it is copied, not moved).
        file: PathBuf,
    },
    /// Copy the SQLite database (DATABASE_URL) into an empty PostgreSQL database, all in one
    /// transaction: migrates the target, refuses one that holds accounts, checks every table's
    /// row count, sets the sequences. The SQLite database is only read.
    CopyDatabase {
        /// The PostgreSQL database to fill (postgres://USER:PASSWORD@HOST/NAME).
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Exit 0 when the service on HOST:PORT answers `/health/ping` within 5 s, else 1 (for a
    /// container's HEALTHCHECK or a supervisor; no curl needed).
    Healthcheck {
        /// Ask this base URL instead of http://HOST:PORT.
        #[arg(long)]
        url: Option<String>,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Print the effective settings (secrets redacted) and where each came from, then check the
    /// database, Redis, SMTP, the LLM endpoint and Weaviate; exits non-zero when one fails.
    Doctor,
}

#[derive(Subcommand)]
enum IngestCommand {
    /// Market data (long or wide layout): CSV, XLSX or Parquet.
    Market {
        /// The file to load (.csv, .xlsx or .parquet).
        file: PathBuf,
        /// XLSX only: the sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Component prices: CSV, XLSX or Parquet.
    Prices {
        /// The file to load (.csv, .xlsx or .parquet).
        file: PathBuf,
        /// XLSX only: the sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Manufacturer financials (company, period, metric, value, unit): CSV, XLSX or Parquet.
    Financials {
        /// The file to load (.csv, .xlsx or .parquet).
        file: PathBuf,
        /// XLSX only: the sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Documents (Markdown, text, HTML, JSON lines) into a collection; files or folders.
    Docs {
        /// The collection the documents join (an agent's collection, e.g. news).
        #[arg(long)]
        collection: String,
        /// Files or folders (read recursively) of .md, .txt, .html and .jsonl files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum JobsCommand {
    /// Run the background jobs once now and exit.
    Run {
        /// Only this job (default: all of them).
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(jobs::ALL))]
        job: Option<String>,
    },
}

fn init_logging(s: &Settings) {
    use tracing_subscriber::EnvFilter;
    let filter = s
        .rust_log
        .as_deref()
        .and_then(|r| EnvFilter::try_new(r).ok())
        .unwrap_or_else(|| EnvFilter::new(format!("{},sqlx=warn,hyper=warn", s.log_level)));
    // Colour only on a terminal: logs written to a file or a pipe carry no escape codes.
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match s.log_format {
        LogFormat::Json => b.json().flatten_event(true).with_current_span(true).init(),
        LogFormat::Text => b.init(),
    }
}

/// Transparent huge pages off for this process unless `MIMALLOC_ALLOW_THP=1` is in its
/// environment: mimalloc asks for huge pages on its arenas, and each open stream's small buffers
/// then kept whole 2 MiB pages resident (5,000 streams: 108 rather than 85 KiB each, and 9 MiB
/// more idle: docs/BENCHMARKS.md, "Streams at scale"). mimalloc itself is built with them off
/// (`.cargo/config.toml`), since its first arena is taken before `main`; this covers the
/// `system-alloc` build and the C libraries' own allocations.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none_or(|v| v != "1") {
        // SAFETY: prctl(PR_SET_THP_DISABLE) takes plain integers and only sets this process's
        // memory policy; a failure (an old kernel) leaves the default, which is harmless.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

/// mimalloc gives freed memory back to the system at once unless `MIMALLOC_PURGE_DELAY` is in
/// the process environment (its own default waits 10 ms, and memory freed by a burst of requests
/// stayed resident: 1.5–3 MiB after the read benchmarks, docs/BENCHMARKS.md). Throughput was
/// the same in the same runs.
#[cfg(not(feature = "system-alloc"))]
fn purge_freed_memory_at_once() {
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_purge_delay` in mimalloc 2's `mi_option_e` (`mimalloc.h`: the sixteenth).
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: mi_option_set stores an integer option of the allocator this binary links;
        // the option is read on each purge, and any value is valid.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    no_transparent_huge_pages();
    #[cfg(not(feature = "system-alloc"))]
    purge_freed_memory_at_once();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    if let Command::Openapi = cli.command {
        println!(
            "{}",
            serde_json::to_string_pretty(&solarintel::http::openapi::document())?
        );
        return Ok(());
    }
    let env = match &cli.env_file {
        None => Env::load(),
        Some(path) => {
            // A file named here must be read: unreadable, the service would start on defaults
            // (the development secret key among them).
            if !path.is_file() {
                anyhow::bail!("--env-file {}: no such file", path.display());
            }
            std::fs::read_to_string(path)
                .with_context(|| format!("--env-file {}: cannot be read", path.display()))?;
            Env::load_from(path, std::env::vars())
        }
    };
    if let Command::Doctor = cli.command {
        let report = solarintel::doctor::run(&env).await;
        print!("{}", report.text);
        if report.failed {
            anyhow::bail!("doctor: a check failed (see above)");
        }
        return Ok(());
    }
    let mut settings = Settings::from_map(&env.vars)?;
    init_logging(&settings);
    for e in &env.dotenv_errors {
        tracing::warn!(".env {e}");
    }
    match cli.command {
        Command::Serve { host, port } => {
            let host = host.unwrap_or_else(|| settings.host.clone());
            let port = port.unwrap_or(settings.port);
            if settings.secret_key_is_default {
                tracing::warn!(
                    "SECRET_KEY is not set: using the development key. Anyone can forge tokens; set SECRET_KEY outside development."
                );
            }
            if settings.smtp.is_none() {
                tracing::warn!(
                    "SMTP_HOST is not set: emails are written to the log with their one-time links redacted, so password resets and email verification cannot be completed"
                );
            }
            let stop = solarintel::app::shutdown_signal();
            let listener = tokio::net::TcpListener::bind((
                host.trim_start_matches('[').trim_end_matches(']'),
                port,
            ))
            .await
            .with_context(|| format!("cannot listen on {host}:{port}"))?;
            // Links in emails point at the address really served unless PUBLIC_URL says otherwise.
            settings.set_served_address(&host, listener.local_addr()?.port());
            let place = where_(&settings);
            let app = App::build(settings).await?;
            tracing::info!(
                address = %listener.local_addr()?,
                database = %place,
                "Solar Intelligence listening"
            );
            // Start-up is over: the code only it ran need not stay resident (once now, and once
            // more when the tasks `serve` starts have run their first round).
            let advised = solarintel::residency::release_start_up_code();
            tracing::debug!(mappings = advised, "start-up code released");
            tokio::spawn(async {
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                // (It reads /proc/self/smaps: file I/O, off the runtime's threads.)
                tokio::task::spawn_blocking(solarintel::residency::release_start_up_code);
            });
            app.serve(listener, stop).await
        }
        Command::Migrate => {
            let db = store::Db::connect(&settings).await?;
            db.migrate().await?;
            println!("migrations applied ({})", where_(&settings));
            Ok(())
        }
        Command::CreateAdmin {
            username,
            password,
            password_stdin,
            full_name,
        } => {
            if username.trim().is_empty() || username.chars().count() > 80 {
                anyhow::bail!("--username must be 1 to 80 characters");
            }
            let password = match (password, password_stdin) {
                (Some(p), _) => p,
                (None, true) => read_password_line(&mut std::io::stdin().lock())?,
                (None, false) => prompt_password()?,
            };
            if !solarintel::domain::user::password_long_enough(&password) {
                anyhow::bail!(
                    "--password must be at least {} characters",
                    solarintel::domain::user::PASSWORD_MIN_CHARS
                );
            }
            existing_database(&settings)?;
            let place = where_(&settings);
            let app = App::build(settings).await?;
            let hash = app.state.hasher.hash(password).await?;
            let id = store::users::upsert_admin(
                &app.state.db,
                &username,
                &hash,
                full_name.as_deref(),
                store::now(),
            )
            .await?;
            println!("{id}");
            eprintln!("admin {username} is user {id} of {place}");
            Ok(())
        }
        Command::Healthcheck { url } => {
            // (A listener on every interface answers on loopback.)
            let host = match settings.host.as_str() {
                "0.0.0.0" | "" => "127.0.0.1".to_string(),
                "::" => "[::1]".to_string(),
                h if h.contains(':') => format!("[{h}]"),
                h => h.to_string(),
            };
            let base = url.unwrap_or_else(|| format!("http://{host}:{}", settings.port));
            let target = format!("{}/api/v1/health/ping", base.trim_end_matches('/'));
            let client = reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(5))
                .build()?;
            match client.get(&target).send().await {
                Ok(r) if r.status().is_success() => {
                    println!("ok: {target}");
                    Ok(())
                }
                Ok(r) => anyhow::bail!("{target} answered {}", r.status()),
                Err(e) => anyhow::bail!("{target}: {}", e.without_url()),
            }
        }
        Command::Backup { file } => {
            existing_database(&settings)?;
            let db = store::Db::connect(&settings).await?;
            let bytes = store::backup(&db, &file).await?;
            println!(
                "{} ({bytes} bytes) written from {}",
                std::fs::canonicalize(&file).unwrap_or(file).display(),
                where_(&settings)
            );
            Ok(())
        }
        Command::Restore { file } => {
            let Some(database) = sqlite_file(&settings) else {
                match store::parse_database_url(&settings.database_url)? {
                    store::DbUrl::Postgres(_) => anyhow::bail!(
                        "restore puts a `solarintel backup` copy in place of a SQLite database; \
                         DATABASE_URL names {}: restore a pg_dump with pg_restore",
                        where_(&settings)
                    ),
                    _ => anyhow::bail!(
                        "DATABASE_URL names an in-memory SQLite database: there is nothing to \
                         restore into"
                    ),
                }
            };
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
            let r = store::restore::restore(&database, &file, &stamp).await?;
            println!(
                "restored {} from {} ({} bytes: {}, {}, {}; migration {})",
                database.display(),
                std::fs::canonicalize(&file).unwrap_or(file).display(),
                r.bytes,
                counted(r.users, "account"),
                counted(r.conversations, "conversation"),
                counted(r.messages, "message"),
                r.migration
            );
            if r.pending > 0 {
                println!(
                    "{} migration(s) of this binary are still to apply: the next start (or \
                     `solarintel migrate`) applies them",
                    r.pending
                );
            }
            if let Some(kept) = r.replaced {
                println!("the database it replaced is kept as {}", kept.display());
            }
            Ok(())
        }
        Command::CopyDatabase { to } => {
            let Some(file) = sqlite_file(&settings) else {
                anyhow::bail!(
                    "copy-database reads the SQLite database DATABASE_URL names; it names {}",
                    where_(&settings)
                );
            };
            existing_database(&settings)?;
            let target_place = solarintel::config::redact_url(&to);
            if !matches!(
                store::parse_database_url(&to),
                Ok(store::DbUrl::Postgres(_))
            ) {
                anyhow::bail!("--to takes a postgres:// URL (got {target_place})");
            }
            store::restore::refuse_if_open(
                &file,
                "copy-database copies a database no one is writing, so that nothing written \
                 after the copy is lost",
            )?;
            let source = store::Db::connect(&settings).await?;
            let target = store::Db::connect_url(&to, &settings, None).await?;
            eprintln!(
                "copying {} into the PostgreSQL database {target_place}",
                where_(&settings)
            );
            let started = std::time::Instant::now();
            let mut shown = std::time::Instant::now();
            let mut progress = |table: &str, rows: u64| {
                if shown.elapsed() >= std::time::Duration::from_secs(5) {
                    eprintln!("{table}: {rows} rows so far");
                    shown = std::time::Instant::now();
                }
            };
            let report = store::copy::sqlite_to_postgres(&source, &target, &mut progress).await;
            source.close().await;
            target.close().await;
            let report = report
                .with_context(|| format!("copy-database: no row was copied into {target_place}"))?;
            let mut total = 0;
            for t in &report.tables {
                println!("{:<28} {:>10} rows {:>8.1} s", t.table, t.rows, t.seconds);
                total += t.rows;
            }
            for n in &report.not_copied {
                println!("not copied: {n}");
            }
            if report.replaced_rows > 0 {
                println!(
                    "replaced {} rows the target held without any account (what a first start \
                     writes: agent rows, sample data)",
                    report.replaced_rows
                );
            }
            println!(
                "copied {total} rows of {} tables into {target_place} in {:.1} s; every table's \
                 row count checked, {} sequences set. Point DATABASE_URL at it and start the \
                 service.",
                report.tables.len(),
                started.elapsed().as_secs_f64(),
                report.sequences.len()
            );
            Ok(())
        }
        Command::SeedAgents { force } => {
            existing_database(&settings)?;
            let db = store::Db::connect(&settings).await?;
            db.migrate().await?;
            let now = store::now();
            if force {
                let n = store::agents::seed_force(&db, now).await?;
                println!("{n} agent rows reset to their defaults");
            } else {
                let n = store::agents::seed_missing(&db, now).await?;
                println!("{n} agent rows inserted");
            }
            Ok(())
        }
        Command::Ingest { what } => {
            existing_database(&settings)?;
            let db = store::Db::connect(&settings).await?;
            db.migrate().await?;
            let (kind, file, sheet) = match what {
                IngestCommand::Market { file, sheet } => (data::Kind::Market, file, sheet),
                IngestCommand::Prices { file, sheet } => (data::Kind::Prices, file, sheet),
                IngestCommand::Financials { file, sheet } => (data::Kind::Financials, file, sheet),
                IngestCommand::Docs { collection, paths } => {
                    let files = data::docs::collect_files(&paths)?;
                    let mut loaded = Vec::with_capacity(files.len());
                    for f in &files {
                        let text = std::fs::read_to_string(f)
                            .with_context(|| format!("reading {}", f.display()))?;
                        let format =
                            data::docs::doc_format(f).expect("collect_files filters formats");
                        loaded.push((f.display().to_string(), format, text));
                    }
                    let mut progress = data::ingest::Progress::new(true);
                    let r =
                        data::docs::ingest_docs(&db, &collection, &loaded, false, &mut progress)
                            .await?;
                    println!(
                        "docs/{}: {} files, {} documents, {} passages indexed",
                        r.collection, r.files, r.documents, r.passages
                    );
                    return Ok(());
                }
            };
            let mut progress = data::ingest::Progress::new(true);
            let report =
                data::ingest::ingest_file(&db, kind, &file, sheet.as_deref(), &mut progress)
                    .await
                    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!("{report}");
            Ok(())
        }
        Command::Jobs {
            command: JobsCommand::Run { job },
        } => {
            existing_database(&settings)?;
            let app = App::build(settings).await?;
            let names: Vec<&str> = match &job {
                Some(j) => vec![j.as_str()],
                None => jobs::ALL.to_vec(),
            };
            let mut failed = false;
            for name in names {
                match jobs::run_leased(&app.state, name, true).await {
                    Ok(jobs::Outcome::Ran(n)) => println!("{name}: ran, {n} rows"),
                    Ok(jobs::Outcome::Skipped) => {
                        println!("{name}: skipped (another replica holds its lease)")
                    }
                    Err(e) => {
                        eprintln!("{name}: failed: {e:#}");
                        failed = true;
                    }
                }
            }
            if failed {
                anyhow::bail!("a job failed");
            }
            Ok(())
        }
        Command::Openapi | Command::Doctor => unreachable!("handled above"),
    }
}

/// `n thing` or `n things`.
fn counted(n: i64, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

/// The first line of `input`, without its line end.
fn read_password_line(input: &mut impl std::io::BufRead) -> Result<String> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let p = line.trim_end_matches(['\n', '\r']).to_string();
    if p.is_empty() {
        anyhow::bail!("--password-stdin: standard input held no password");
    }
    Ok(p)
}

/// Ask for the password twice on the terminal, without echo.
fn prompt_password() -> Result<String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "no password: give --password-stdin (and the password on standard input), run on a terminal to be asked, or --password"
        );
    }
    let first = read_hidden("Password: ")?;
    let again = read_hidden("Password again: ")?;
    if first != again {
        anyhow::bail!("the two passwords differ");
    }
    Ok(first)
}

/// One line from the terminal with echo off (restored even when reading fails).
fn read_hidden(prompt: &str) -> Result<String> {
    use std::io::Write;
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let fd = libc::STDIN_FILENO;
    // SAFETY: tcgetattr/tcsetattr on standard input with a zeroed termios they fill in.
    let mut term: libc::termios = unsafe { std::mem::zeroed() };
    let echo_off = unsafe { libc::tcgetattr(fd, &mut term) } == 0 && {
        let mut hidden = term;
        hidden.c_lflag &= !libc::ECHO;
        hidden.c_lflag |= libc::ECHONL;
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &hidden) == 0 }
    };
    let line = read_password_line(&mut std::io::stdin().lock());
    if echo_off {
        // SAFETY: restores the attributes read above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &term) };
    }
    line
}

/// The absolute path of the SQLite file the settings name (`None` for PostgreSQL or memory).
fn sqlite_file(settings: &Settings) -> Option<PathBuf> {
    let Ok(store::DbUrl::SqliteFile(path)) = store::parse_database_url(&settings.database_url)
    else {
        return None;
    };
    let p = std::path::Path::new(&path);
    Some(
        std::fs::canonicalize(p)
            .or_else(|_| std::env::current_dir().map(|d| d.join(p)))
            .unwrap_or_else(|_| p.to_path_buf()),
    )
}

/// The database the settings name, for messages: `the SQLite database /abs/path` or the
/// PostgreSQL URL without its password.
fn where_(settings: &Settings) -> String {
    if let Some(file) = sqlite_file(settings) {
        return format!("the SQLite database {}", file.display());
    }
    match store::parse_database_url(&settings.database_url) {
        Ok(store::DbUrl::SqliteMemory) => "an in-memory SQLite database".into(),
        _ => format!(
            "the PostgreSQL database {}",
            solarintel::config::redact_url(&settings.database_url)
        ),
    }
}

/// Commands that change an existing installation (`create-admin`, `seed-agents`, `ingest`,
/// `jobs run`) refuse a SQLite file that does not exist: run in the wrong folder they used to
/// build a second, complete database silently. `serve` and `migrate` create it.
fn existing_database(settings: &Settings) -> anyhow::Result<()> {
    if let Some(file) = sqlite_file(settings)
        && !file.exists()
    {
        anyhow::bail!(
            "no database at {}: run this where the service runs (or set DATABASE_URL), or create \
             it first with `solarintel migrate`",
            file.display()
        );
    }
    Ok(())
}

#[cfg(all(test, not(feature = "system-alloc")))]
mod tests {
    #[test]
    fn freed_memory_is_purged_at_once_unless_the_environment_says() {
        unsafe extern "C" {
            fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
        }
        // (mimalloc's own default is 10 ms.)
        super::purge_freed_memory_at_once();
        // SAFETY: reads an integer option of the linked allocator.
        let delay = unsafe { mi_option_get(15) };
        match std::env::var("MIMALLOC_PURGE_DELAY") {
            Err(_) => assert_eq!(delay, 0),
            Ok(v) => assert_eq!(delay.to_string(), v.trim()),
        }
    }
}

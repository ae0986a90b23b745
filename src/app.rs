//! Application state, start-up and shutdown.

use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::auth::jwt::JwtKeys;
use crate::auth::password::PasswordHasherPool;
use crate::config::Settings;
use crate::mail::Mailer;
use crate::ratelimit::Limiter;
use crate::store::Db;

pub struct AppInner {
    pub settings: Settings,
    pub db: Db,
    pub jwt: JwtKeys,
    pub hasher: PasswordHasherPool,
    pub mailer: Mailer,
    /// Staff notifications of new leads (`CONTACT_NOTIFY_EMAIL`, `CONTACT_WEBHOOK_URL`).
    pub notifier: crate::notify::Notifier,
    pub limiter: Limiter,
    pub llm: crate::llm::Llm,
    /// Chat turns generating on this replica.
    pub hub: crate::chat::hub::Hub,
    /// Open chat streams per user and per turn on this replica.
    pub streams: Arc<crate::chat::streams::StreamLimits>,
    /// Connections closed because their client stopped reading (`HTTP_WRITE_STALL_SECONDS`).
    pub stalls: Arc<crate::http::stall::Stalls>,
    /// The names in the loaded data, per data version (`tools::vocab`).
    pub vocab: crate::tools::vocab::Cache,
    /// The built-in provider's question reader: lexicon, kept readings, CPU permits.
    pub reader: crate::agents::builtin::Reader,
    /// Answers and tool results (`cache`): in memory, or shared in Redis.
    pub cache: crate::cache::Cache,
    /// The accounts authenticated requests read, kept a second (`store::users::AuthCache`).
    pub auth_cache: crate::store::users::AuthCache,
    /// Prometheus counters (`METRICS_ADDR`).
    pub metrics: crate::metrics::Metrics,
    /// Whether the database answers (`store::health`).
    pub db_health: crate::store::health::DbHealth,
    /// Group commit of chat events (`chat::recorder`).
    pub recorder: crate::chat::recorder::Recorder,
    /// Identifies this replica in job leases.
    pub instance_id: String,
    /// The security headers of every response (decision L10), the web app's policy included.
    pub security: crate::http::security::SecurityHeaders,
    shutting_down: AtomicBool,
    shutdown_tx: watch::Sender<bool>,
    /// Set when the shutdown drain ends: running turns stop generating and fail (streaming.md
    /// §8.6).
    pub abort_turns: watch::Sender<bool>,
}

/// Shared state of every handler: cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<AppInner>);

impl Deref for AppState {
    type Target = AppInner;
    fn deref(&self) -> &AppInner {
        &self.0
    }
}

impl AppState {
    /// Learn the stored password hashes' mix for unknown usernames' dummy checks.
    pub async fn refresh_dummy_mix(&self) -> Result<()> {
        let counts = crate::store::users::hash_classes(&self.db).await?;
        self.hasher
            .learn_mix(&self.settings.secret_key, &counts)
            .await?;
        Ok(())
    }

    /// What the tools may touch of this state (agent-less: see `ToolContext::for_agent`).
    pub fn tool_context(&self) -> crate::tools::ToolContext<'_> {
        crate::tools::ToolContext::new(&self.db, &self.vocab, &self.settings)
            .with_cache(&self.cache)
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }

    /// Start a graceful shutdown: readiness turns 503, jobs stop, the listener closes.
    pub fn begin_shutdown(&self) {
        self.shutting_down.store(true, Ordering::SeqCst);
        let _ = self.shutdown_tx.send(true);
    }

    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.shutdown_tx.subscribe()
    }
}

/// The application: its state and its HTTP service.
pub struct App {
    pub state: AppState,
    pub router: axum::Router,
}

/// Optional parts a caller (the test suite) can supply instead of the defaults.
#[derive(Default)]
pub struct Overrides {
    pub db: Option<Db>,
    pub limiter: Option<Limiter>,
    pub cache: Option<crate::cache::Cache>,
}

impl App {
    /// Connect, migrate and assemble everything that `serve` needs.
    pub async fn build(settings: Settings) -> Result<App> {
        Self::build_with(settings, Overrides::default()).await
    }

    pub async fn build_with(settings: Settings, o: Overrides) -> Result<App> {
        let db = match o.db {
            Some(db) => db,
            None => Db::connect(&settings).await?,
        };
        db.migrate().await?;
        // Decision F4: every catalogue agent has an access row, so a fresh install can chat.
        let seeded = crate::store::agents::seed_missing(&db, crate::store::now()).await?;
        if seeded > 0 {
            tracing::info!(rows = seeded, "agent access rows seeded");
        }
        // agents.md: every agent answers something on a fresh install.
        if settings.sample_data {
            match crate::data::sample::load_if_empty(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(datasets = n, "synthetic sample data loaded"),
                // Another replica loading at the same moment, say: not a reason to stop.
                Err(e) => tracing::warn!(error = %e, "sample data not loaded"),
            }
        }
        let db_health = crate::store::health::DbHealth::default();
        db_health.watch(&db);
        let recorder = crate::chat::recorder::Recorder::start(db.clone(), db_health.clone());
        let limiter = match (o.limiter, &settings.redis_url) {
            (Some(l), _) => l,
            (None, Some(url)) => Limiter::redis(url, "solarintel:")
                .await
                .context("connecting to REDIS_URL")?,
            (None, None) => Limiter::memory(),
        };
        let cache = match o.cache {
            Some(c) => c,
            None => crate::cache::Cache::from_settings(&settings)
                .await
                .context("connecting to REDIS_URL for the cache")?,
        };
        let mailer = Mailer::from_settings(settings.smtp.as_ref())?;
        let notifier = crate::notify::Notifier::from_settings(&settings, mailer.clone())?;
        let hasher = PasswordHasherPool::new(
            settings.password_hash,
            settings.bcrypt_cost,
            settings.hash_concurrency,
        );
        let jwt = JwtKeys::new(&settings.secret_key, settings.access_token_expire_minutes);
        let metrics = crate::metrics::Metrics::default();
        let llm = crate::llm::Llm::from_settings_with(&settings, metrics.llm.clone());
        let streams = crate::chat::streams::StreamLimits::new(
            settings.chat_max_streams_per_user,
            settings.chat_max_streams_per_turn,
        );
        let (shutdown_tx, _) = watch::channel(false);
        let security = crate::http::security::SecurityHeaders::from_settings(&settings);
        let state = AppState(Arc::new(AppInner {
            security,
            settings,
            db,
            jwt,
            hasher,
            mailer,
            notifier,
            limiter,
            llm,
            hub: Default::default(),
            streams,
            stalls: Default::default(),
            metrics,
            vocab: Default::default(),
            reader: Default::default(),
            cache,
            auth_cache: Default::default(),
            db_health,
            recorder,
            instance_id: format!("{}-{}", hostname(), uuid::Uuid::new_v4().simple()),
            shutting_down: AtomicBool::new(false),
            shutdown_tx,
            abort_turns: watch::channel(false).0,
        }));
        // Unknown usernames are checked against dummies of the stored hashes' mix; learnt in the
        // background (a bcrypt-12 dummy takes a quarter second), the configured kind until then.
        let st = state.clone();
        tokio::spawn(async move {
            if let Err(e) = st.refresh_dummy_mix().await {
                tracing::warn!(error = %e, "password hash mix not learnt; unknown usernames use the configured kind");
            }
        });
        // Open streams of revoked credentials end within REVOCATION_CHECK. The loop
        // holds only weak references, so it ends with the app.
        let weak = Arc::downgrade(&state.0);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(crate::chat::streams::REVOCATION_CHECK);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(inner) = weak.upgrade() else {
                    return;
                };
                match crate::chat::streams::end_revoked(&inner.db, &inner.streams).await {
                    Ok(0) => {}
                    Ok(n) => {
                        tracing::info!(streams = n, "chat streams of revoked credentials ended")
                    }
                    Err(e) => tracing::warn!(error = %e, "open streams' credentials not checked"),
                }
            }
        });
        let router = crate::http::router(state.clone()).layer(compression());
        Ok(App { state, router })
    }

    /// Serve on an already bound listener until `shutdown` resolves, then finish open requests
    /// for at most `SHUTDOWN_GRACE_SECONDS`.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<()> {
        let state = self.state.clone();
        if state.settings.jobs_enabled {
            crate::jobs::spawn_scheduler(state.clone());
        }
        let grace = state.settings.shutdown_grace;
        let mut stop = state.shutdown_signal();
        let st = state.clone();
        tokio::spawn(async move {
            shutdown.await;
            tracing::info!("shutdown requested: finishing open requests");
            st.begin_shutdown();
        });
        if let Some(addr) = &state.settings.metrics_addr {
            let listener = TcpListener::bind(addr)
                .await
                .with_context(|| format!("METRICS_ADDR: cannot listen on {addr}"))?;
            tracing::info!(address = %listener.local_addr()?, "metrics at /metrics");
            let mut stop = state.shutdown_signal();
            let router = crate::http::metrics::router(state.clone());
            tokio::spawn(async move {
                let served = axum::serve(listener, router).with_graceful_shutdown(async move {
                    let _ = stop.wait_for(|v| *v).await;
                });
                if let Err(e) = served.await {
                    tracing::warn!(error = %e, "metrics listener stopped");
                }
            });
        }
        let limits = ConnLimits {
            header_timeout: state.settings.header_timeout,
            write_stall: state.settings.write_stall,
            max: connection_limit(state.settings.http_max_connections),
        };
        tracing::info!(
            max_connections = limits.max,
            header_timeout_s = limits.header_timeout.as_secs_f64(),
            write_stall_s = limits.write_stall.as_secs_f64(),
            "connection bounds"
        );
        let router = self.router;
        let stalls = state.stalls.clone();
        let server = async move {
            serve_connections(listener, router, limits, stalls, async move {
                let _ = stop.wait_for(|v| *v).await;
            })
            .await;
            anyhow::Ok(())
        };
        let mut stop2 = state.shutdown_signal();
        let server = tokio::spawn(server);
        let _ = stop2.wait_for(|v| *v).await;
        // Running chat turns may finish within the drain period (their streams stay open);
        // those still running then are failed as in streaming.md §8.3 before the process exits.
        if !wait_for_turns(&state, state.settings.chat_drain).await {
            tracing::warn!(
                turns = state.hub.running(),
                "chat turns still running after the drain period; failing them"
            );
            let _ = state.abort_turns.send(true);
            wait_for_turns(&state, Duration::from_secs(10)).await;
        }
        match tokio::time::timeout(grace, server).await {
            Ok(r) => r.context("server task")??,
            Err(_) => tracing::warn!("open requests still running after the grace period; closing"),
        }
        state.db.close().await;
        Ok(())
    }
}

/// How many connections may be open, how long a request's headers may take and how long a
/// client may take no bytes of an answer.
#[derive(Clone, Copy)]
struct ConnLimits {
    header_timeout: Duration,
    write_stall: Duration,
    max: usize,
}

/// `HTTP_MAX_CONNECTIONS`, or (0) the soft descriptor limit less 256 kept for the database,
/// files and outgoing calls (at least 64).
pub fn connection_limit(configured: usize) -> usize {
    if configured > 0 {
        return configured;
    }
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct it is given.
    let soft = if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0 {
        usize::try_from(lim.rlim_cur).unwrap_or(usize::MAX)
    } else {
        1024
    };
    soft.saturating_sub(256).max(64)
}

/// What hyper may buffer per connection (bytes): the request's head must fit (a larger head is
/// answered 431), and at most this much of an answer the client has not taken is queued. At
/// 8 KiB hyper's read buffer never grows past its first 8 KiB: at 16 or 64 KiB it grew to 16 KiB
/// on every connection, 9 KiB more for each open chat stream (docs/BENCHMARKS.md).
const MAX_CONNECTION_BUFFER: usize = 8 * 1024;

/// axum's `serve`, with what it does not offer: a header-read timeout (a slow-header client and an
/// idle keep-alive connection are closed after `HTTP_HEADER_TIMEOUT_SECONDS`) and a bound on open
/// connections below the descriptor limit (over it a new connection is closed at once, with a
/// warning at most once a minute), so one client holding sockets cannot starve the others.
/// Graceful shutdown as axum's: on `shutdown`, connections finish their requests and close.
async fn serve_connections(
    listener: TcpListener,
    router: axum::Router,
    limits: ConnLimits,
    stalls: Arc<crate::http::stall::Stalls>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use tower::ServiceExt;
    let mut builder = Builder::new(TokioExecutor::new());
    // hyper queues at most this much of an answer the client has not taken (its default is
    // about 400 KiB per connection); a request's head must fit in it too.
    builder.http1().max_buf_size(MAX_CONNECTION_BUFFER);
    if !limits.header_timeout.is_zero() {
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout);
    }
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(Some(Duration::from_secs(30)));
    let open = Arc::new(tokio::sync::Semaphore::new(limits.max));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    // Set at shutdown: a connection still waiting for its first byte closes at once instead of
    // holding the graceful shutdown for the rest of its header timeout.
    let (closing, closing_rx) = tokio::sync::watch::channel(false);
    let mut warned: Option<tokio::time::Instant> = None;
    tokio::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors (or another accept error): wait a little, as axum does.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => {
                closing.send_replace(true);
                break;
            }
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            if warned.is_none_or(|t| t.elapsed() >= Duration::from_secs(60)) {
                tracing::warn!(
                    max = limits.max,
                    "connection limit reached (HTTP_MAX_CONNECTIONS): new connections are closed"
                );
                warned = Some(tokio::time::Instant::now());
            }
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service =
            router
                .clone()
                .map_request(move |req: axum::http::Request<hyper::body::Incoming>| {
                    let mut req = req.map(axum::body::Body::new);
                    req.extensions_mut()
                        .insert(axum::extract::ConnectInfo(addr));
                    req
                });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let (builder, watcher) = (builder.clone(), graceful.watcher());
        let mut closing = closing_rx.clone();
        let stalls = stalls.clone();
        tokio::spawn(async move {
            // hyper's header timeout starts at the first byte: a client that connects and sends
            // nothing is closed here (and at shutdown).
            if !limits.header_timeout.is_zero() {
                let mut byte = [0u8; 1];
                tokio::select! {
                    first = tokio::time::timeout(limits.header_timeout, stream.peek(&mut byte)) => {
                        if first.is_err() {
                            return;
                        }
                    }
                    _ = closing.wait_for(|c| *c) => return,
                }
            }
            // A client that stops reading is cut off after HTTP_WRITE_STALL_SECONDS, so what is
            // buffered for it is freed (hyper's write buffer is also kept small below).
            let stream = crate::http::stall::StallGuard::new(stream, limits.write_stall, stalls);
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
            if let Err(e) = watcher.watch(conn.into_owned()).await {
                tracing::trace!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// gzip or zstd, as the client's `Accept-Encoding` asks, for JSON, HTML and static files: never
/// for event streams (a chat stream must reach the client event by event, unbuffered), images
/// (already compressed), files that come precompressed (they carry a `Content-Encoding`), or
/// bodies under 256 bytes.
fn compression()
-> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
    tower_http::compression::CompressionLayer::new()
        .gzip(true)
        .zstd(true)
        .compress_when(
            SizeAbove::new(256)
                .and(NotForContentType::SSE)
                .and(NotForContentType::GRPC)
                .and(NotForContentType::IMAGES),
        )
}

/// Wait until no chat turn runs on this replica, at most `limit`; true when none is left.
async fn wait_for_turns(state: &AppState, limit: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + limit;
    while state.hub.running() > 0 {
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    true
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "solarintel".into())
}

/// Resolves on SIGINT, SIGTERM or SIGHUP (a closed terminal or a supervisor's reload: the service
/// has nothing to reload, so it stops as for SIGTERM, draining chat turns, instead of being
/// killed by the default action). The handlers are installed when this is called (not when the
/// future is first polled), so a signal that arrives as soon as the service answers is not lost.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).ok();
        let mut int = signal(SignalKind::interrupt()).ok();
        let mut hup = signal(SignalKind::hangup()).ok();
        async move {
            let term = async {
                match term.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let int = async {
                match int.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let hup = async {
                match hup.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = term => {},
                _ = int => {},
                _ = hup => {},
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

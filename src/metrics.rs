//! Prometheus metrics (`METRICS_ADDR`, operations.md): served on their own address, never on the
//! public one. Counters are plain atomics in fixed arrays, so counting costs a few relaxed adds per
//! request; labels are closed sets (route group, method, status class, LLM outcome, refusal
//! kind, job name), so cardinality is bounded.

use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;

/// Route groups: the first segment after `/api/v1/` (or the top-level path).
const GROUPS: [&str; 14] = [
    "auth",
    "profile",
    "conversations",
    "chat",
    "agent-access",
    "agent-management",
    "agents",
    "admin",
    "survey",
    "waitlist",
    "health",
    "docs",
    "root",
    "other",
];
const METHODS: [&str; 6] = ["GET", "POST", "PUT", "PATCH", "DELETE", "OTHER"];
const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];
/// Upper bounds of the duration histogram, seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

const N: usize = GROUPS.len() * METHODS.len() * CLASSES.len();
const H: usize = GROUPS.len() * (BUCKETS.len() + 1);

pub struct Metrics {
    requests: [AtomicU64; N],
    /// Per group: one count per bucket (non-cumulative) and +Inf last.
    hist: [AtomicU64; H],
    /// Per group: the sum of durations, microseconds.
    sum_us: [AtomicU64; GROUPS.len()],
    turns_done: AtomicU64,
    turns_failed: AtomicU64,
    /// Calls to the language model; shared with the provider's client (`llm::openai`).
    pub llm: Arc<LlmStats>,
    /// 429s by [`Refusal`] kind (the chat stream caps are counted in `chat::streams`).
    refusals: [AtomicU64; REFUSALS.len()],
    /// Per job of `jobs::ALL`.
    jobs: [JobStats; crate::jobs::ALL.len()],
    /// Per agent of `agents::AGENTS`: figures of a model's answer that the turn's tool results
    /// did not hold, left out (`agents::figures`).
    unchecked_figures: [AtomicU64; crate::agents::AGENTS.len()],
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: std::array::from_fn(|_| AtomicU64::new(0)),
            hist: std::array::from_fn(|_| AtomicU64::new(0)),
            sum_us: std::array::from_fn(|_| AtomicU64::new(0)),
            turns_done: AtomicU64::new(0),
            turns_failed: AtomicU64::new(0),
            llm: Arc::default(),
            refusals: std::array::from_fn(|_| AtomicU64::new(0)),
            jobs: std::array::from_fn(|_| JobStats::default()),
            unchecked_figures: std::array::from_fn(|_| AtomicU64::new(0)),
        }
    }
}

/// A histogram with fixed upper bounds: one count per bucket (non-cumulative), `+Inf` last.
pub struct Histogram {
    bounds: &'static [f64],
    counts: Vec<AtomicU64>,
    sum_us: AtomicU64,
}

impl Histogram {
    pub fn new(bounds: &'static [f64]) -> Self {
        Histogram {
            bounds,
            counts: (0..=bounds.len()).map(|_| AtomicU64::new(0)).collect(),
            sum_us: AtomicU64::new(0),
        }
    }

    pub fn observe(&self, took: Duration) {
        let secs = took.as_secs_f64();
        let b = self
            .bounds
            .iter()
            .position(|u| secs <= *u)
            .unwrap_or(self.bounds.len());
        self.counts[b].fetch_add(1, Ordering::Relaxed);
        self.sum_us
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// The `_bucket`, `_sum` and `_count` lines; `labels` is `k="v",` or empty.
    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let mut cumulative = 0;
        for (b, upper) in self.bounds.iter().enumerate() {
            cumulative += self.counts[b].load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{{labels}le=\"{upper}\"}} {cumulative}");
        }
        cumulative += self.counts[self.bounds.len()].load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels}le=\"+Inf\"}} {cumulative}");
        let sum = self.sum_us.load(Ordering::Relaxed) as f64 / 1e6;
        let labels = labels.trim_end_matches(',');
        let _ = writeln!(out, "{name}_sum{{{labels}}} {sum}");
        let _ = writeln!(out, "{name}_count{{{labels}}} {cumulative}");
    }
}

/// How one call to the language model ended (`llm::LlmError::outcome`).
pub const LLM_OUTCOMES: [&str; 8] = [
    "ok",
    "timeout",
    "unreachable",
    "rate_limited",
    "status_4xx",
    "status_5xx",
    "incomplete",
    "malformed",
];
/// Upper bounds of the LLM latency histograms, seconds.
const LLM_BUCKETS: [f64; 12] = [
    0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0,
];

/// Calls to the language model: outcomes, retries, latency and tokens.
pub struct LlmStats {
    calls: [AtomicU64; LLM_OUTCOMES.len()],
    retries: AtomicU64,
    prompt_tokens: AtomicU64,
    completion_tokens: AtomicU64,
    /// From the start of the call (retries included) to the first streamed delta.
    first_token: Histogram,
    /// From the start of the call to its end, whatever the outcome.
    total: Histogram,
}

impl Default for LlmStats {
    fn default() -> Self {
        LlmStats {
            calls: std::array::from_fn(|_| AtomicU64::new(0)),
            retries: AtomicU64::new(0),
            prompt_tokens: AtomicU64::new(0),
            completion_tokens: AtomicU64::new(0),
            first_token: Histogram::new(&LLM_BUCKETS),
            total: Histogram::new(&LLM_BUCKETS),
        }
    }
}

impl LlmStats {
    /// One call ended with `outcome` (one of [`LLM_OUTCOMES`]).
    pub fn call(&self, outcome: &str, first_token: Option<Duration>, total: Duration) {
        let i = LLM_OUTCOMES
            .iter()
            .position(|o| *o == outcome)
            .unwrap_or(LLM_OUTCOMES.len() - 1);
        self.calls[i].fetch_add(1, Ordering::Relaxed);
        if let Some(t) = first_token {
            self.first_token.observe(t);
        }
        self.total.observe(total);
    }

    /// A failed attempt that is tried again.
    pub fn retry(&self) {
        self.retries.fetch_add(1, Ordering::Relaxed);
    }

    /// The `usage` the provider reported for one response.
    pub fn tokens(&self, prompt: u64, completion: u64) {
        self.prompt_tokens.fetch_add(prompt, Ordering::Relaxed);
        self.completion_tokens
            .fetch_add(completion, Ordering::Relaxed);
    }
}

/// What a 429 refused. The chat stream caps are counted by `chat::streams::StreamLimits`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The general per-user / per-address limit (`RATE_LIMIT_PER_MINUTE`).
    RateLimit,
    /// The login throttle of a client address.
    LoginAddress,
    /// The login throttle of an account.
    LoginAccount,
    /// `change-password`'s check of the current password.
    ChangePassword,
    /// Too many password checks in flight for one address or account, or the hash queue full.
    PasswordQueue,
}

const REFUSALS: [&str; 5] = [
    "rate_limit",
    "login_address",
    "login_account",
    "change_password",
    "password_queue",
];

/// Upper bounds of the job duration histogram, seconds.
const JOB_BUCKETS: [f64; 8] = [0.01, 0.1, 0.5, 1.0, 5.0, 30.0, 120.0, 900.0];

struct JobStats {
    /// Unix seconds of the job's last successful run, on this replica or (read at each scrape
    /// from the job leases) any other; 0 before the first.
    last_success: AtomicU64,
    failures: AtomicU64,
    duration: Histogram,
}

impl Default for JobStats {
    fn default() -> Self {
        JobStats {
            last_success: AtomicU64::new(0),
            failures: AtomicU64::new(0),
            duration: Histogram::new(&JOB_BUCKETS),
        }
    }
}

fn group_of(path: &str) -> usize {
    let p = path.trim_start_matches('/');
    let seg = match p.strip_prefix("api/v1/") {
        Some(rest) => rest.split('/').next().unwrap_or(""),
        None if p.is_empty() => "root",
        None => match p.split('/').next().unwrap_or("") {
            "health" | "ready" => "health",
            "docs" | "redoc" => "docs",
            _ => "other",
        },
    };
    let seg = if seg == "openapi.json" { "docs" } else { seg };
    GROUPS
        .iter()
        .position(|g| *g == seg)
        .unwrap_or(GROUPS.len() - 1)
}

fn method_of(m: &Method) -> usize {
    METHODS
        .iter()
        .position(|x| *x == m.as_str())
        .unwrap_or(METHODS.len() - 1)
}

impl Metrics {
    /// The route group of a path, for [`Metrics::observe`].
    pub fn group(path: &str) -> usize {
        group_of(path)
    }

    /// Count one answered request (time to the response head).
    pub fn observe(&self, method: &Method, g: usize, status: StatusCode, took: Duration) {
        let class = (status.as_u16() / 100).clamp(1, 5) as usize - 1;
        let i = (g * METHODS.len() + method_of(method)) * CLASSES.len() + class;
        self.requests[i].fetch_add(1, Ordering::Relaxed);
        let secs = took.as_secs_f64();
        let b = BUCKETS
            .iter()
            .position(|u| secs <= *u)
            .unwrap_or(BUCKETS.len());
        self.hist[g * (BUCKETS.len() + 1) + b].fetch_add(1, Ordering::Relaxed);
        self.sum_us[g].fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// Count a chat turn that ended: with `done` or with `error`.
    pub fn turn_ended(&self, ok: bool) {
        if ok {
            &self.turns_done
        } else {
            &self.turns_failed
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// Count a 429.
    pub fn refused(&self, kind: Refusal) {
        let i = match kind {
            Refusal::RateLimit => 0,
            Refusal::LoginAddress => 1,
            Refusal::LoginAccount => 2,
            Refusal::ChangePassword => 3,
            Refusal::PasswordQueue => 4,
        };
        self.refusals[i].fetch_add(1, Ordering::Relaxed);
    }

    /// Figures of a model's answer that were left out because the turn's tool results did not
    /// hold them (an unknown agent is not counted: the label set is the catalogue).
    pub fn unchecked_figures(&self, agent: &str, n: u64) {
        if let Some(i) = crate::agents::AGENTS.iter().position(|a| a.id == agent) {
            self.unchecked_figures[i].fetch_add(n, Ordering::Relaxed);
        }
    }

    fn job(&self, name: &str) -> Option<&JobStats> {
        let i = crate::jobs::ALL.iter().position(|j| *j == name)?;
        Some(&self.jobs[i])
    }

    /// A background job ran to its end.
    pub fn job_succeeded(&self, name: &str, took: Duration) {
        if let Some(j) = self.job(name) {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            j.last_success.fetch_max(now, Ordering::Relaxed);
            j.duration.observe(took);
        }
    }

    /// A job's last success on any replica, as the database records it (it never goes back).
    pub fn job_succeeded_at(&self, name: &str, unix_seconds: u64) {
        if let Some(j) = self.job(name) {
            j.last_success.fetch_max(unix_seconds, Ordering::Relaxed);
        }
    }

    /// A background job failed.
    pub fn job_failed(&self, name: &str, took: Duration) {
        if let Some(j) = self.job(name) {
            j.failures.fetch_add(1, Ordering::Relaxed);
            j.duration.observe(took);
        }
    }
}

/// The Prometheus text exposition of the service's metrics.
/// The `# HELP` and `# TYPE` lines of a metric.
pub fn describe(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

pub fn render(state: &AppState) -> String {
    let m = &state.metrics;
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("# HELP solarintel_http_requests_total HTTP requests answered, by route group, method and status class.\n");
    out.push_str("# TYPE solarintel_http_requests_total counter\n");
    for (g, group) in GROUPS.iter().enumerate() {
        for (mi, method) in METHODS.iter().enumerate() {
            for (c, class) in CLASSES.iter().enumerate() {
                let v = m.requests[(g * METHODS.len() + mi) * CLASSES.len() + c]
                    .load(Ordering::Relaxed);
                if v > 0 {
                    let _ = writeln!(
                        out,
                        "solarintel_http_requests_total{{group=\"{group}\",method=\"{method}\",status=\"{class}\"}} {v}"
                    );
                }
            }
        }
    }
    out.push_str("# HELP solarintel_http_request_duration_seconds Time to the response head, by route group.\n");
    out.push_str("# TYPE solarintel_http_request_duration_seconds histogram\n");
    for (g, group) in GROUPS.iter().enumerate() {
        let counts: Vec<u64> = (0..=BUCKETS.len())
            .map(|b| m.hist[g * (BUCKETS.len() + 1) + b].load(Ordering::Relaxed))
            .collect();
        let total: u64 = counts.iter().sum();
        if total == 0 {
            continue;
        }
        let mut cumulative = 0;
        for (b, upper) in BUCKETS.iter().enumerate() {
            cumulative += counts[b];
            let _ = writeln!(
                out,
                "solarintel_http_request_duration_seconds_bucket{{group=\"{group}\",le=\"{upper}\"}} {cumulative}"
            );
        }
        let _ = writeln!(
            out,
            "solarintel_http_request_duration_seconds_bucket{{group=\"{group}\",le=\"+Inf\"}} {total}"
        );
        let sum = m.sum_us[g].load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(
            out,
            "solarintel_http_request_duration_seconds_sum{{group=\"{group}\"}} {sum}"
        );
        let _ = writeln!(
            out,
            "solarintel_http_request_duration_seconds_count{{group=\"{group}\"}} {total}"
        );
    }
    out.push_str("# HELP solarintel_chat_turns_total Chat turns ended, by outcome.\n");
    out.push_str("# TYPE solarintel_chat_turns_total counter\n");
    let _ = writeln!(
        out,
        "solarintel_chat_turns_total{{outcome=\"done\"}} {}",
        m.turns_done.load(Ordering::Relaxed)
    );
    let _ = writeln!(
        out,
        "solarintel_chat_turns_total{{outcome=\"error\"}} {}",
        m.turns_failed.load(Ordering::Relaxed)
    );
    out.push_str("# HELP solarintel_chat_turns_running Chat turns generating on this replica.\n");
    out.push_str("# TYPE solarintel_chat_turns_running gauge\n");
    let _ = writeln!(out, "solarintel_chat_turns_running {}", state.hub.running());
    let streams = state.streams.stats();
    out.push_str("# HELP solarintel_chat_streams_open Chat event streams open on this replica, live (a new turn's) and resumed.\n");
    out.push_str("# TYPE solarintel_chat_streams_open gauge\n");
    let _ = writeln!(
        out,
        "solarintel_chat_streams_open{{kind=\"live\"}} {}",
        streams.live
    );
    let _ = writeln!(
        out,
        "solarintel_chat_streams_open{{kind=\"resumed\"}} {}",
        streams.resumed
    );
    render_refusals(&mut out, m, &streams);
    render_stalls(&mut out, state);
    render_llm(&mut out, state);
    out.push_str("# HELP solarintel_unchecked_figures_total Figures of a model's answer left out because the turn's tool results did not hold them, by agent.\n");
    out.push_str("# TYPE solarintel_unchecked_figures_total counter\n");
    for (i, agent) in crate::agents::AGENTS.iter().enumerate() {
        let _ = writeln!(
            out,
            "solarintel_unchecked_figures_total{{agent=\"{}\"}} {}",
            agent.id,
            m.unchecked_figures[i].load(Ordering::Relaxed)
        );
    }
    render_jobs(&mut out, m);
    let stats = state.db.pool_stats(0, 0);
    state.cache.render_metrics(&mut out);
    out.push_str("# HELP solarintel_db_connections Database pool connections, by state.\n");
    out.push_str("# TYPE solarintel_db_connections gauge\n");
    let _ = writeln!(
        out,
        "solarintel_db_connections{{state=\"idle\"}} {}",
        stats.checked_in_connections
    );
    let _ = writeln!(
        out,
        "solarintel_db_connections{{state=\"in_use\"}} {}",
        stats.checked_out_connections
    );
    if let Some(rss) = resident_bytes() {
        out.push_str("# HELP process_resident_memory_bytes Resident memory.\n");
        out.push_str("# TYPE process_resident_memory_bytes gauge\n");
        let _ = writeln!(out, "process_resident_memory_bytes {rss}");
    }
    render_process(&mut out);
    out
}

/// What the process is (`solarintel_build_info`) and the standard `process_*` figures an
/// operator's dashboards expect: CPU time, open and allowed descriptors, start time.
fn render_process(out: &mut String) {
    describe(
        out,
        "solarintel_build_info",
        "gauge",
        "The running build: 1, labelled with its version and commit.",
    );
    let _ = writeln!(
        out,
        "solarintel_build_info{{version=\"{}\",commit=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION"),
        env!("SOLARINTEL_COMMIT")
    );
    // /proc/self/stat: utime and stime (fields 14, 15) in clock ticks, starttime (22) in ticks
    // after boot; the tick is 100 Hz on Linux.
    let stat = std::fs::read_to_string("/proc/self/stat").ok();
    let fields: Vec<&str> = stat
        .as_deref()
        .and_then(|s| s.rsplit_once(')'))
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<f64>().ok());
    if let (Some(u), Some(s)) = (field(14), field(15)) {
        describe(
            out,
            "process_cpu_seconds_total",
            "counter",
            "User and system CPU time.",
        );
        let _ = writeln!(out, "process_cpu_seconds_total {}", (u + s) / 100.0);
    }
    let boot = std::fs::read_to_string("/proc/stat").ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("btime "))
            .and_then(|v| v.trim().parse::<f64>().ok())
    });
    if let (Some(boot), Some(start)) = (boot, field(22)) {
        describe(
            out,
            "process_start_time_seconds",
            "gauge",
            "Start time of the process since the Unix epoch.",
        );
        let _ = writeln!(out, "process_start_time_seconds {}", boot + start / 100.0);
    }
    if let Ok(fds) = std::fs::read_dir("/proc/self/fd") {
        describe(out, "process_open_fds", "gauge", "Open file descriptors.");
        let _ = writeln!(out, "process_open_fds {}", fds.count());
    }
    let limit = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Max open files"))
                .and_then(|l| l.split_whitespace().nth(3))
                .and_then(|v| v.parse::<u64>().ok())
        });
    if let Some(max) = limit {
        describe(
            out,
            "process_max_fds",
            "gauge",
            "The limit of open file descriptors.",
        );
        let _ = writeln!(out, "process_max_fds {max}");
    }
}

fn render_stalls(out: &mut String, state: &AppState) {
    describe(
        out,
        "solarintel_http_write_stalls_total",
        "counter",
        "Connections closed because their client took no bytes of an answer for HTTP_WRITE_STALL_SECONDS.",
    );
    let _ = writeln!(
        out,
        "solarintel_http_write_stalls_total {}",
        state.stalls.count()
    );
}

fn render_refusals(out: &mut String, m: &Metrics, streams: &crate::chat::streams::StreamStats) {
    out.push_str("# HELP solarintel_refusals_total Requests refused with 429 by a rate limit or throttle, by kind.\n");
    out.push_str("# TYPE solarintel_refusals_total counter\n");
    for (i, kind) in REFUSALS.iter().enumerate() {
        let v = m.refusals[i].load(Ordering::Relaxed);
        let _ = writeln!(out, "solarintel_refusals_total{{kind=\"{kind}\"}} {v}");
    }
    let _ = writeln!(
        out,
        "solarintel_refusals_total{{kind=\"chat_streams_user\"}} {}",
        streams.refused_user
    );
    let _ = writeln!(
        out,
        "solarintel_refusals_total{{kind=\"chat_streams_turn\"}} {}",
        streams.refused_turn
    );
}

fn render_llm(out: &mut String, state: &AppState) {
    let l = &state.metrics.llm;
    let provider = state.llm.name();
    let p = format!("provider=\"{provider}\",");
    out.push_str("# HELP solarintel_llm_calls_total Calls to the language model, by provider and outcome (after retries).\n");
    out.push_str("# TYPE solarintel_llm_calls_total counter\n");
    for (i, outcome) in LLM_OUTCOMES.iter().enumerate() {
        let v = l.calls[i].load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "solarintel_llm_calls_total{{{p}outcome=\"{outcome}\"}} {v}"
        );
    }
    out.push_str(
        "# HELP solarintel_llm_retries_total Failed attempts tried again before any output.\n",
    );
    out.push_str("# TYPE solarintel_llm_retries_total counter\n");
    let _ = writeln!(
        out,
        "solarintel_llm_retries_total{{provider=\"{provider}\"}} {}",
        l.retries.load(Ordering::Relaxed)
    );
    out.push_str("# HELP solarintel_llm_tokens_total Tokens the provider reported in the stream's usage, by kind.\n");
    out.push_str("# TYPE solarintel_llm_tokens_total counter\n");
    let _ = writeln!(
        out,
        "solarintel_llm_tokens_total{{{p}kind=\"prompt\"}} {}",
        l.prompt_tokens.load(Ordering::Relaxed)
    );
    let _ = writeln!(
        out,
        "solarintel_llm_tokens_total{{{p}kind=\"completion\"}} {}",
        l.completion_tokens.load(Ordering::Relaxed)
    );
    out.push_str("# HELP solarintel_llm_first_token_seconds Time from the start of a call to its first streamed delta.\n");
    out.push_str("# TYPE solarintel_llm_first_token_seconds histogram\n");
    l.first_token
        .render(out, "solarintel_llm_first_token_seconds", &p);
    out.push_str("# HELP solarintel_llm_call_duration_seconds Time from the start of a call to its end, whatever the outcome.\n");
    out.push_str("# TYPE solarintel_llm_call_duration_seconds histogram\n");
    l.total
        .render(out, "solarintel_llm_call_duration_seconds", &p);
}

fn render_jobs(out: &mut String, m: &Metrics) {
    out.push_str("# HELP solarintel_job_last_success_timestamp_seconds Unix time of the job's last successful run on any replica (0: none recorded).\n");
    out.push_str("# TYPE solarintel_job_last_success_timestamp_seconds gauge\n");
    for (i, job) in crate::jobs::ALL.iter().enumerate() {
        let _ = writeln!(
            out,
            "solarintel_job_last_success_timestamp_seconds{{job_name=\"{job}\"}} {}",
            m.jobs[i].last_success.load(Ordering::Relaxed)
        );
    }
    out.push_str("# HELP solarintel_job_failures_total Background job runs that failed.\n");
    out.push_str("# TYPE solarintel_job_failures_total counter\n");
    for (i, job) in crate::jobs::ALL.iter().enumerate() {
        let _ = writeln!(
            out,
            "solarintel_job_failures_total{{job_name=\"{job}\"}} {}",
            m.jobs[i].failures.load(Ordering::Relaxed)
        );
    }
    out.push_str("# HELP solarintel_job_duration_seconds Duration of background job runs (succeeded or failed).\n");
    out.push_str("# TYPE solarintel_job_duration_seconds histogram\n");
    for (i, job) in crate::jobs::ALL.iter().enumerate() {
        m.jobs[i].duration.render(
            out,
            "solarintel_job_duration_seconds",
            &format!("job_name=\"{job}\","),
        );
    }
}

fn resident_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

async fn metrics(State(state): State<AppState>) -> Response {
    // The jobs' last successes as the database records them: the same on every replica, and
    // kept over restarts (an alert on their age does not fire on a replica that never ran a
    // job). Bounded, and skipped while the database is down: then this replica's own.
    if !state.db_health.is_down()
        && let Ok(Ok(runs)) = tokio::time::timeout(
            Duration::from_secs(1),
            crate::store::jobs::last_runs(&state.db),
        )
        .await
    {
        for (name, at) in runs {
            let secs = u64::try_from(at.and_utc().timestamp()).unwrap_or(0);
            state.metrics.job_succeeded_at(&name, secs);
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        render(&state),
    )
        .into_response()
}

/// The router of the metrics address: `GET /metrics`.
pub fn router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(metrics))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_a_closed_set() {
        assert_eq!(
            GROUPS[group_of("/api/v1/conversations/5/messages")],
            "conversations"
        );
        assert_eq!(GROUPS[group_of("/api/v1/auth/me")], "auth");
        assert_eq!(GROUPS[group_of("/health")], "health");
        assert_eq!(GROUPS[group_of("/")], "root");
        assert_eq!(GROUPS[group_of("/api/v1/openapi.json")], "docs");
        assert_eq!(GROUPS[group_of("/api/v1/whatever-someone-sends")], "other");
        assert_eq!(GROUPS[group_of("/wp-admin.php")], "other");
    }

    #[test]
    fn histograms_are_cumulative_with_sum_and_count() {
        let h = Histogram::new(&[0.1, 1.0]);
        h.observe(Duration::from_millis(50));
        h.observe(Duration::from_millis(500));
        h.observe(Duration::from_secs(5));
        let mut out = String::new();
        h.render(&mut out, "x", "job=\"a\",");
        assert_eq!(
            out,
            "x_bucket{job=\"a\",le=\"0.1\"} 1\nx_bucket{job=\"a\",le=\"1\"} 2\n\
             x_bucket{job=\"a\",le=\"+Inf\"} 3\nx_sum{job=\"a\"} 5.55\nx_count{job=\"a\"} 3\n"
        );
    }
}

//! Prometheus metrics (`METRICS_ADDR`, operations.md): served on their own address, never on the
//! public one. Counters are plain atomics in fixed arrays, so counting costs a few relaxed adds per
//! request; labels are closed sets (route group, method, status class, LLM outcome, refusal
//! kind, job name), so cardinality is bounded.

use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::{Method, StatusCode};

/// Route groups: the first segment after `/api/v1/` (or the top-level path).
pub(crate) const GROUPS: [&str; 14] = [
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
pub(crate) const METHODS: [&str; 6] = ["GET", "POST", "PUT", "PATCH", "DELETE", "OTHER"];
pub(crate) const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];
/// Upper bounds of the duration histogram, seconds.
pub(crate) const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

pub(crate) const N: usize = GROUPS.len() * METHODS.len() * CLASSES.len();
pub(crate) const H: usize = GROUPS.len() * (BUCKETS.len() + 1);

pub struct Metrics {
    pub(crate) requests: [AtomicU64; N],
    /// Per group: one count per bucket (non-cumulative) and +Inf last.
    pub(crate) hist: [AtomicU64; H],
    /// Per group: the sum of durations, microseconds.
    pub(crate) sum_us: [AtomicU64; GROUPS.len()],
    pub(crate) turns_done: AtomicU64,
    pub(crate) turns_failed: AtomicU64,
    /// Calls to the language model; shared with the provider's client (`llm::openai`).
    pub llm: Arc<LlmStats>,
    /// 429s by [`Refusal`] kind (the chat stream caps are counted in `chat::streams`).
    pub(crate) refusals: [AtomicU64; REFUSALS.len()],
    /// Per job of `jobs::ALL`.
    pub(crate) jobs: [JobStats; crate::domain::jobs::ALL.len()],
    /// Per agent of `agents::AGENTS`: figures of a model's answer that the turn's tool results
    /// did not hold, left out (`agents::figures`).
    pub(crate) unchecked_figures: [AtomicU64; crate::domain::agents::AGENTS.len()],
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
    pub(crate) bounds: &'static [f64],
    pub(crate) counts: Vec<AtomicU64>,
    pub(crate) sum_us: AtomicU64,
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
    pub(crate) fn render(&self, out: &mut String, name: &str, labels: &str) {
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
pub(crate) const LLM_BUCKETS: [f64; 12] = [
    0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0,
];

/// Calls to the language model: outcomes, retries, latency and tokens.
pub struct LlmStats {
    pub(crate) calls: [AtomicU64; LLM_OUTCOMES.len()],
    pub(crate) retries: AtomicU64,
    pub(crate) prompt_tokens: AtomicU64,
    pub(crate) completion_tokens: AtomicU64,
    /// From the start of the call (retries included) to the first streamed delta.
    pub(crate) first_token: Histogram,
    /// From the start of the call to its end, whatever the outcome.
    pub(crate) total: Histogram,
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

pub(crate) const REFUSALS: [&str; 5] = [
    "rate_limit",
    "login_address",
    "login_account",
    "change_password",
    "password_queue",
];

/// Upper bounds of the job duration histogram, seconds.
pub(crate) const JOB_BUCKETS: [f64; 8] = [0.01, 0.1, 0.5, 1.0, 5.0, 30.0, 120.0, 900.0];

pub(crate) struct JobStats {
    /// Unix seconds of the job's last successful run, on this replica or (read at each scrape
    /// from the job leases) any other; 0 before the first.
    pub(crate) last_success: AtomicU64,
    pub(crate) failures: AtomicU64,
    pub(crate) duration: Histogram,
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
        if let Some(i) = crate::domain::agents::AGENTS
            .iter()
            .position(|a| a.id == agent)
        {
            self.unchecked_figures[i].fetch_add(n, Ordering::Relaxed);
        }
    }

    fn job(&self, name: &str) -> Option<&JobStats> {
        let i = crate::domain::jobs::ALL.iter().position(|j| *j == name)?;
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

/// The `# HELP` and `# TYPE` lines of a metric.
pub fn describe(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
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

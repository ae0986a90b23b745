//! Prometheus metrics (`METRICS_ADDR`, operations.md): served on their own address, never on the
//! public one. Counters are plain atomics in fixed arrays, so counting costs a few relaxed adds per
//! request; labels are closed sets (route group, method, status class), so cardinality is bounded.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: std::array::from_fn(|_| AtomicU64::new(0)),
            hist: std::array::from_fn(|_| AtomicU64::new(0)),
            sum_us: std::array::from_fn(|_| AtomicU64::new(0)),
            turns_done: AtomicU64::new(0),
            turns_failed: AtomicU64::new(0),
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
}

/// The Prometheus text exposition of the service's metrics.
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
    out
}

fn resident_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

async fn metrics(State(state): State<AppState>) -> Response {
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
}

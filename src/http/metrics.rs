//! The Prometheus exposition of the counters in `crate::metrics` and of what the application
//! state knows at a scrape (open streams, running turns, the pool, the cache, the jobs' last
//! runs), served on `METRICS_ADDR` only.

use std::fmt::Write;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::metrics::*;

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
    for (i, agent) in crate::domain::agents::AGENTS.iter().enumerate() {
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
    for (i, job) in crate::domain::jobs::ALL.iter().enumerate() {
        let _ = writeln!(
            out,
            "solarintel_job_last_success_timestamp_seconds{{job_name=\"{job}\"}} {}",
            m.jobs[i].last_success.load(Ordering::Relaxed)
        );
    }
    out.push_str("# HELP solarintel_job_failures_total Background job runs that failed.\n");
    out.push_str("# TYPE solarintel_job_failures_total counter\n");
    for (i, job) in crate::domain::jobs::ALL.iter().enumerate() {
        let _ = writeln!(
            out,
            "solarintel_job_failures_total{{job_name=\"{job}\"}} {}",
            m.jobs[i].failures.load(Ordering::Relaxed)
        );
    }
    out.push_str("# HELP solarintel_job_duration_seconds Duration of background job runs (succeeded or failed).\n");
    out.push_str("# TYPE solarintel_job_duration_seconds histogram\n");
    for (i, job) in crate::domain::jobs::ALL.iter().enumerate() {
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

//! Background jobs (api-contract §4.12): the monthly reset (F1), the deletion purge (F2), the
//! empty-conversation cleanup and the token/turn cleanup. Each runs at start-up and then hourly,
//! on one replica at a time under a lease in `fastapi_job_leases`; `solarintel jobs run` runs
//! them once on demand.

pub mod breach_notices;

use std::time::Duration;

use anyhow::Result;
use chrono::Duration as Span;

use crate::app::AppState;
use crate::domain::{plans, user};
use crate::mail::templates;
use crate::store;
use crate::store::admin::Removal;

pub use crate::domain::jobs::{ALL, CLEANUP, DELETION_PURGE, EMPTY_CONVERSATIONS, MONTHLY_RESET};

const INTERVAL: Duration = Duration::from_secs(3600);
/// A lease outlives any sane run; a crashed holder's lease is taken over after it.
const LEASE: Span = Span::minutes(15);

/// What one run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The job ran; the number of rows it changed.
    Ran(u64),
    /// Another replica holds the lease, or ran it within the interval.
    Skipped,
}

/// Run one job now, without a lease. Returns the number of rows it changed.
pub async fn run_job(state: &AppState, name: &str) -> Result<u64> {
    // (Jobs change accounts: authentications cached before them are not used after.)
    let ran = run_job_inner(state, name).await;
    state.auth_cache.invalidate();
    ran
}

async fn run_job_inner(state: &AppState, name: &str) -> Result<u64> {
    let db = &state.db;
    let now = store::now();
    match name {
        MONTHLY_RESET => Ok(store::users::reset_all_stale(db, plans::month_start(now), now).await?),
        DELETION_PURGE => {
            let cutoff = user::purge_cutoff(now);
            let mut n = 0;
            for (id, username) in store::users::due_for_purge(db, cutoff).await? {
                // Never the last active admin: skipped before its final email, and
                // again inside the purge's transaction in case another admin was demoted since.
                // The request stays pending, so the account goes once another admin exists.
                if store::admin::is_last_active_admin(db, id).await? {
                    tracing::warn!(
                        user_id = id,
                        "deletion purge skipped: the account is the last active admin"
                    );
                    continue;
                }
                // The final email goes out first, then the data, in one transaction.
                if let Err(e) = state
                    .mailer
                    .send_now(&templates::account_deleted(&username))
                    .await
                {
                    tracing::warn!(user_id = id, error = %e, "account-deleted email not sent");
                }
                match store::users::purge_due(db, id, cutoff).await? {
                    Removal::Done => {
                        tracing::info!(
                            user_id = id,
                            "account purged after the 30-day grace period"
                        );
                        n += 1;
                    }
                    Removal::LastAdmin => tracing::warn!(
                        user_id = id,
                        "deletion purge skipped: the account became the last active admin"
                    ),
                    Removal::NotFound => tracing::info!(
                        user_id = id,
                        "deletion purge skipped: the account is gone or its request was cancelled"
                    ),
                }
            }
            Ok(n)
        }
        EMPTY_CONVERSATIONS => {
            Ok(store::jobs::delete_empty_conversations(db, now - Span::days(7)).await?)
        }
        CLEANUP => {
            let tokens = store::tokens::delete_expired(db, now).await?
                + store::login_addresses::forget_before(db, now - Span::days(90)).await?;
            let turns = store::jobs::delete_finished_turns(db, now - Span::hours(24)).await?;
            Ok(tokens + turns + sweep_orphans(state).await?)
        }
        other => anyhow::bail!("unknown job {other:?} (jobs: {})", ALL.join(", ")),
    }
}

/// Finalise the turns left running by a process that died (streaming.md §8.4): those whose
/// heartbeat is older than `ORPHAN_AFTER` and that run on no stream of this replica. Safe on
/// every replica at once (each turn is finalised by one transaction that only one finaliser
/// wins), so it needs no lease. Returns how many this call finalised.
pub async fn sweep_orphans(state: &AppState) -> Result<u64> {
    let now = store::now();
    let mut n = 0;
    for turn in store::chat::stale_turns(&state.db, now - crate::chat::turn::ORPHAN_AFTER).await? {
        if !state.hub.is_live(&turn.key()) && crate::chat::turn::finalize_orphan(state, &turn).await
        {
            n += 1;
        }
    }
    Ok(n)
}

/// How often each replica sweeps for orphaned turns: one is finalised within about
/// `ORPHAN_AFTER` + this of its process's last heartbeat, not at the hourly cleanup.
pub const ORPHAN_SWEEP: Duration = Duration::from_secs(30);

/// Run a job under its lease. With `force` it runs even if another replica ran it within the
/// interval (but never while another replica holds the lease).
pub async fn run_leased(state: &AppState, name: &str, force: bool) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let result = leased(state, name, force).await;
    match &result {
        Ok(Outcome::Ran(_)) => state.metrics.job_succeeded(name, started.elapsed()),
        Ok(Outcome::Skipped) => {}
        Err(_) => state.metrics.job_failed(name, started.elapsed()),
    }
    result
}

async fn leased(state: &AppState, name: &str, force: bool) -> Result<Outcome> {
    let now = store::now();
    let holder = &state.instance_id;
    if !store::jobs::try_acquire_lease(&state.db, name, holder, now, now + LEASE).await? {
        return Ok(Outcome::Skipped);
    }
    let recent = store::jobs::last_run(&state.db, name)
        .await?
        .is_some_and(|t| {
            now - t < Span::from_std(INTERVAL).unwrap_or(Span::hours(1)) - Span::minutes(5)
        });
    let result = if recent && !force {
        Ok(Outcome::Skipped)
    } else {
        run_job(state, name).await.map(Outcome::Ran)
    };
    let ran = matches!(result, Ok(Outcome::Ran(_)));
    if ran {
        store::jobs::release_lease(&state.db, name, holder, store::now()).await?;
    } else {
        // Give the lease back without recording a run.
        store::jobs::try_acquire_lease(&state.db, name, holder, now, now).await?;
    }
    result
}

/// Every job once, in order; a failing job does not stop the others.
pub async fn run_all(state: &AppState, force: bool) -> Vec<(&'static str, Result<Outcome>)> {
    let mut out = Vec::new();
    for name in ALL {
        out.push((name, run_leased(state, name, force).await));
    }
    out
}

/// Run every job at start-up and then hourly until shutdown; sweep for orphaned turns at
/// start-up and every [`ORPHAN_SWEEP`].
pub fn spawn_scheduler(state: AppState) {
    let sweeper = state.clone();
    tokio::spawn(async move {
        let mut stop = sweeper.shutdown_signal();
        loop {
            match sweep_orphans(&sweeper).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(turns = n, "orphaned chat turns finalised"),
                Err(e) => tracing::warn!(error = %format!("{e:#}"), "orphan sweep failed"),
            }
            // (And the breach notices a stopped sender left, at the same pace: in a task of their
            // own, so a long notice never holds up the turns' sweep.)
            let notices = sweeper.clone();
            tokio::spawn(async move {
                if let Err(e) = breach_notices::resume(&notices).await {
                    tracing::warn!(error = %e, "breach notice sweep failed");
                }
            });
            tokio::select! {
                _ = tokio::time::sleep(ORPHAN_SWEEP) => {}
                _ = stop.wait_for(|v| *v) => break,
            }
        }
    });
    tokio::spawn(async move {
        let mut stop = state.shutdown_signal();
        loop {
            for (name, r) in run_all(&state, false).await {
                match r {
                    Ok(Outcome::Ran(n)) => tracing::info!(job = name, rows = n, "job ran"),
                    Ok(Outcome::Skipped) => tracing::debug!(job = name, "job skipped"),
                    Err(e) => tracing::error!(job = name, error = %format!("{e:#}"), "job failed"),
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(INTERVAL) => {}
                _ = stop.wait_for(|v| *v) => break,
            }
        }
    });
}

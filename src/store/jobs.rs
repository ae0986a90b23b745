//! `fastapi_job_leases` and the bulk statements of the background jobs.

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

/// Take the lease of job `name` until `expires_at` when it is free, expired or already ours.
/// Returns true when this instance holds it now. One statement, so two replicas racing for the
/// same lease cannot both win.
pub async fn try_acquire_lease(
    db: &Db,
    name: &str,
    holder: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let got: Option<String> = super::first(on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO fastapi_job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
         WHERE fastapi_job_leases.expires_at < $4 OR fastapi_job_leases.holder = $2 \
         RETURNING holder"
    )
    .bind(name)
    .bind(holder)
    .bind(expires_at)
    .bind(now)
    .fetch_all(p)
    .await?
    }));
    Ok(got.is_some())
}

/// Record a finished run and give the lease back, keeping `last_run_at` for the next scheduler.
pub async fn release_lease(
    db: &Db,
    name: &str,
    holder: &str,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_job_leases SET last_run_at = $3, expires_at = $3 WHERE name = $1 AND holder = $2"
    )
    .bind(name)
    .bind(holder)
    .bind(now)
    .execute(p)
    .await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// When each job last finished, on any replica (jobs that never did are left out).
pub async fn last_runs(db: &Db) -> Result<Vec<(String, NaiveDateTime)>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT name, last_run_at FROM fastapi_job_leases WHERE last_run_at IS NOT NULL"
    )
    .fetch_all(p)
    .await)
}

/// When job `name` last finished, on any replica.
pub async fn last_run(db: &Db, name: &str) -> Result<Option<NaiveDateTime>, sqlx::Error> {
    let v: Option<Option<NaiveDateTime>> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT last_run_at FROM fastapi_job_leases WHERE name = $1"
    )
    .bind(name)
    .fetch_optional(p)
    .await?);
    Ok(v.flatten())
}

/// Conversations of any user with no messages, created before `cutoff`.
pub async fn delete_empty_conversations(
    db: &Db,
    cutoff: NaiveDateTime,
) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| {
        sqlx::query(
        "DELETE FROM fastapi_conversations WHERE created_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM fastapi_messages m WHERE m.conversation_id = fastapi_conversations.id)"
    )
    .bind(cutoff)
    .execute(p)
    .await?
    .rows_affected()
    }))
}

/// Chat turns finished before `cutoff`, and their events (retention of streaming.md).
pub async fn delete_finished_turns(db: &Db, cutoff: NaiveDateTime) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    crate::on_tx!(&mut tx, |t| sqlx::query(
        "DELETE FROM fastapi_chat_events WHERE turn_id IN \
           (SELECT id FROM fastapi_chat_turns WHERE finished_at < $1)"
    )
    .bind(cutoff)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    let n = crate::on_tx!(&mut tx, |t| sqlx::query(
        "DELETE FROM fastapi_chat_turns WHERE finished_at < $1"
    )
    .bind(cutoff)
    .execute(t)
    .await?
    .rows_affected());
    tx.commit().await?;
    Ok(n)
}

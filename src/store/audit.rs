//! `fastapi_audit_log`: every admin action that changes a user or an agent's configuration, with
//! who, what, when, on whom, and the state before and after. Written in the transaction of the
//! change itself, so a change is never without its record. Entries outlive the users they name:
//! each keeps the actor's and the target's username of the moment beside their ids.

use chrono::NaiveDateTime;
use serde::Serialize;
use sqlx::FromRow;

use super::{Db, Tx};
use crate::{on_db, on_tx};

/// Who is acting, for the record.
#[derive(Clone, Debug, Default)]
pub struct Audit {
    pub actor_id: Option<i32>,
    pub request_id: Option<String>,
}

fn json_of<T: Serialize>(v: Option<&T>) -> Option<String> {
    v.map(|v| serde_json::to_string(v).expect("snapshots serialise"))
}

/// Write one entry. The actor's and the target's usernames are copied from `fastapi_users` by
/// the same statement, so an entry about a user being deleted is recorded before the purge.
#[expect(
    clippy::too_many_arguments,
    reason = "each argument is a column of the row written or a fact of the decision; a struct would only rename them"
)]
pub async fn record<B: Serialize, A: Serialize>(
    tx: &mut Tx,
    audit: &Audit,
    action: &str,
    target_user_id: Option<i32>,
    target: Option<&str>,
    before: Option<&B>,
    after: Option<&A>,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query(
        "INSERT INTO fastapi_audit_log (actor_id, actor_username, action, target_user_id, target_username, \
           target, before, after, request_id, created_at) \
         VALUES ($1, (SELECT username FROM fastapi_users WHERE id = $1), $2, \
           $3, (SELECT username FROM fastapi_users WHERE id = $3), $4, $5, $6, $7, $8)"
    )
    .bind(audit.actor_id)
    .bind(action)
    .bind(target_user_id)
    .bind(target)
    .bind(json_of(before))
    .bind(json_of(after))
    .bind(audit.request_id.as_deref())
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[derive(Clone, Debug, FromRow)]
pub struct AuditRow {
    pub id: i32,
    pub actor_id: Option<i32>,
    /// The actor's username when the entry was written (NULL for entries older than migration
    /// 0009 whose actor was already gone).
    pub actor_username: Option<String>,
    pub action: String,
    pub target_user_id: Option<i32>,
    /// The target user's username when the entry was written, kept after the user is deleted.
    pub target_username: Option<String>,
    pub target: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A page of the log, newest first, and the total number of entries.
pub async fn page(db: &Db, limit: i64, offset: i64) -> Result<(Vec<AuditRow>, i64), sqlx::Error> {
    let rows = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, actor_id, actor_username, action, target_user_id, target_username, target, before, after, \
           request_id, created_at \
         FROM fastapi_audit_log ORDER BY id DESC LIMIT $1 OFFSET $2"
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await?
    });
    let total: i64 = on_db!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM fastapi_audit_log"
    )
    .fetch_one(p)
    .await?);
    Ok((rows, total))
}

//! The admin console's queries: user management (every change audited in its own transaction)
//! and statistics computed in the database.

use chrono::NaiveDateTime;
use serde::Serialize;
use sqlx::FromRow;

use super::audit::{self, Audit};
use super::{Db, Tx};
use crate::domain::plans::Plan;
use crate::domain::user::{Role, role_change_removes_admin};
use crate::{on_db, on_tx};

/// The AdminUser shape's columns.
#[derive(Clone, Debug, FromRow)]
pub struct AdminUserRow {
    pub id: i32,
    pub username: String,
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub plan_type: Option<String>,
    pub is_active: Option<bool>,
    pub created_at: Option<NaiveDateTime>,
    pub email_verified: Option<bool>,
    pub query_count: Option<i32>,
    pub monthly_query_count: Option<i32>,
}

macro_rules! admin_user_columns {
    () => {
        "id, username, full_name, role, plan_type, is_active, created_at, email_verified, query_count, monthly_query_count"
    };
}

/// Users, newest first: the first `limit`.
pub async fn list_users(
    db: &Db,
    include_inactive: bool,
    limit: i64,
) -> Result<Vec<AdminUserRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(concat!(
        "SELECT ",
        admin_user_columns!(),
        " FROM fastapi_users WHERE ($1 OR is_active = TRUE) ORDER BY created_at DESC, id DESC LIMIT $2"
    ))
    .bind(include_inactive)
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

/// Inactive users not awaiting deletion, oldest first: the first `limit`.
pub async fn pending_users(db: &Db, limit: i64) -> Result<Vec<AdminUserRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(concat!(
        "SELECT ",
        admin_user_columns!(),
        " FROM fastapi_users WHERE (is_active = FALSE OR is_active IS NULL) AND (deleted = FALSE OR deleted IS NULL) \
          ORDER BY created_at ASC, id ASC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

/// Case-insensitive substring search on username and full name; `%` and `_` in `q` stay
/// wildcards (kept for compatibility). `q` is bound, never spliced into the SQL.
pub async fn search_users(db: &Db, q: &str, limit: i64) -> Result<Vec<AdminUserRow>, sqlx::Error> {
    let pattern = format!("%{}%", q.to_lowercase());
    on_db!(db, |p| {
        sqlx::query_as(concat!(
        "SELECT ",
        admin_user_columns!(),
        " FROM fastapi_users WHERE LOWER(username) LIKE $1 OR LOWER(COALESCE(full_name, '')) LIKE $1 \
          ORDER BY created_at DESC, id DESC LIMIT $2"
    ))
    .bind(pattern)
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

pub async fn get_user(db: &Db, id: i64) -> Result<Option<AdminUserRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        admin_user_columns!(),
        " FROM fastapi_users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(p)
    .await)
}

/// The extra figures of `GET /admin/users/{id}`.
#[derive(Clone, Debug, FromRow)]
pub struct UserDetailExtra {
    pub last_query_date: Option<NaiveDateTime>,
    pub gdpr_consent_given: Option<bool>,
    pub terms_accepted: Option<bool>,
    pub conversation_count: i64,
    pub message_count: i64,
}

pub async fn user_detail(
    db: &Db,
    id: i64,
) -> Result<Option<(UserDetailExtra, Vec<String>)>, sqlx::Error> {
    let extra: Option<UserDetailExtra> = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT u.last_query_date, u.gdpr_consent_given, u.terms_accepted, \
           (SELECT COUNT(*) FROM fastapi_conversations c WHERE c.user_id = u.id) AS conversation_count, \
           (SELECT COUNT(*) FROM fastapi_messages m JOIN fastapi_conversations c ON c.id = m.conversation_id \
              WHERE c.user_id = u.id) AS message_count \
         FROM fastapi_users u WHERE u.id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await?
    });
    let Some(extra) = extra else { return Ok(None) };
    let hired: Vec<(String,)> = on_db!(db, |p| sqlx::query_as(
        "SELECT agent_type FROM fastapi_hired_agent WHERE user_id = $1 AND is_active = TRUE \
         GROUP BY agent_type ORDER BY MIN(hired_at), agent_type"
    )
    .bind(id)
    .fetch_all(p)
    .await?);
    Ok(Some((extra, hired.into_iter().map(|h| h.0).collect())))
}

/// The snapshot of a user that the audit log keeps.
#[derive(Clone, Debug, FromRow, Serialize)]
pub struct UserSnapshot {
    pub id: i32,
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub plan_type: Option<String>,
    pub is_active: Option<bool>,
    pub monthly_query_count: Option<i32>,
}

async fn snapshot(tx: &mut Tx, id: i64) -> Result<Option<UserSnapshot>, sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query_as(
        "SELECT id, full_name, role, plan_type, is_active, monthly_query_count FROM fastapi_users WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(t)
    .await
    })
}

/// Record `action` on the user of `before` with the state after the change, and commit: the
/// change and its audit entry land together.
async fn commit_audited(
    mut tx: Tx,
    action: &str,
    before: &UserSnapshot,
    audit: &Audit,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    let after = snapshot(&mut tx, i64::from(before.id)).await?;
    audit::record(
        &mut tx,
        audit,
        action,
        Some(before.id),
        None,
        Some(before),
        after.as_ref(),
        now,
    )
    .await?;
    tx.commit().await
}

/// An admin is a user with role `admin`; an active one can use the admin console.
fn is_active_admin(u: &UserSnapshot) -> bool {
    Role::stored(u.role.as_deref()) == Role::Admin && u.is_active == Some(true)
}

/// Lock the rows of every active admin until the transaction ends and return their ids, each
/// with whether that admin has asked for their account to be deleted. A last-admin check and the
/// write that follows it are then one step: on PostgreSQL two admins removing each other wait for
/// one another here, and the second, re-reading the locked rows, sees the first one's change; on
/// SQLite `BEGIN IMMEDIATE` already runs writers one at a time.
async fn lock_active_admins(tx: &mut Tx) -> Result<Vec<(i32, bool)>, sqlx::Error> {
    let admins: Vec<(i32, Option<bool>)> = match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(
                "SELECT id, deleted FROM fastapi_users WHERE role = $1 AND is_active = TRUE ORDER BY id",
            )
            .bind(Role::Admin.as_str())
            .fetch_all(&mut **t)
            .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as(
                "SELECT id, deleted FROM fastapi_users WHERE role = $1 AND is_active = TRUE \
                 ORDER BY id FOR NO KEY UPDATE",
            )
            .bind(Role::Admin.as_str())
            .fetch_all(&mut **t)
            .await?
        }
    };
    Ok(admins
        .into_iter()
        .map(|(id, deleted)| (id, deleted == Some(true)))
        .collect())
}

/// Lock the active admins' rows (see [`lock_active_admins`]) and say whether one other than `id`
/// exists.
async fn another_active_admin(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    let admins = lock_active_admins(tx).await?;
    Ok(admins.iter().any(|(a, _)| i64::from(*a) != id))
}

/// Whether `id` is among the active `admins` (id, deletion pending) and no other one stays. With
/// `pending_stays` false, an admin whose own deletion is pending does not count as staying.
fn is_last(admins: &[(i32, bool)], id: i32, pending_stays: bool) -> bool {
    admins.iter().any(|(a, _)| *a == id)
        && !admins
            .iter()
            .any(|(a, pending)| *a != id && (pending_stays || !pending))
}

/// Whether removing `id` would leave no active admin: `id` is one and no other exists. Locks the
/// active admins' rows like [`another_active_admin`], so the caller's write is checked against
/// what it changes.
pub(super) async fn is_last_active_admin_in(tx: &mut Tx, id: i32) -> Result<bool, sqlx::Error> {
    Ok(is_last(&lock_active_admins(tx).await?, id, true))
}

/// Whether `id` is an active admin and every other active admin has a deletion pending: the
/// deletion request of `id` would then schedule the last admin away. An admin whose own deletion
/// is pending does not count as the one who stays, so two admins cannot both request
/// deletion and leave the purge to choose. Locks like [`another_active_admin`].
pub(super) async fn is_last_staying_admin_in(tx: &mut Tx, id: i32) -> Result<bool, sqlx::Error> {
    Ok(is_last(&lock_active_admins(tx).await?, id, false))
}

/// Whether `id` is an active admin and no other active admin exists, read without a lock: the
/// purge job asks this before it sends its final email, and re-checks under the lock in the
/// purge's transaction ([`super::users::purge_due`]).
pub async fn is_last_active_admin(db: &Db, id: i32) -> Result<bool, sqlx::Error> {
    let admins: Vec<i32> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM fastapi_users WHERE role = $1 AND is_active = TRUE"
    )
    .bind(Role::Admin.as_str())
    .fetch_all(p)
    .await?);
    let admins: Vec<(i32, bool)> = admins.into_iter().map(|a| (a, false)).collect();
    Ok(is_last(&admins, id, true))
}

/// The outcome of an update or delete that could take away the last admin.
#[derive(Debug, PartialEq, Eq)]
pub enum Removal {
    Done,
    NotFound,
    /// Refused: the user is the last active admin, and this would remove their admin access.
    LastAdmin,
}

/// The fields an admin update may change (`None`: leave as is).
#[derive(Clone, Debug, Default)]
pub struct UserChanges {
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub plan_type: Option<String>,
    pub is_active: Option<bool>,
}

/// Apply an admin update; a deactivation revokes the user's tokens (decision F10). Refused when
/// it would demote or deactivate the last active admin. One transaction with its audit record.
pub async fn update_user(
    db: &Db,
    id: i64,
    changes: &UserChanges,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<Removal, sqlx::Error> {
    let mut tx = db.begin().await?;
    let may_remove =
        role_change_removes_admin(changes.role.as_deref()) || changes.is_active == Some(false);
    // Taken before the user is read, so what is read is what the lock protects.
    let others = if may_remove {
        Some(another_active_admin(&mut tx, id).await?)
    } else {
        None
    };
    let Some(before) = snapshot(&mut tx, id).await? else {
        return Ok(Removal::NotFound);
    };
    if may_remove && is_active_admin(&before) && others == Some(false) {
        return Ok(Removal::LastAdmin);
    }
    let deactivates = before.is_active == Some(true) && changes.is_active == Some(false);
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_users SET full_name = COALESCE($2, full_name), role = COALESCE($3, role), \
           plan_type = COALESCE($4, plan_type), is_active = COALESCE($5, is_active) \
         WHERE id = $1"
    )
    .bind(id)
    .bind(changes.full_name.as_deref())
    .bind(changes.role.as_deref())
    .bind(changes.plan_type.as_deref())
    .bind(changes.is_active)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    if deactivates {
        super::users::revoke_in(&mut tx, id, now).await?;
    }
    commit_audited(tx, "update_user", &before, audit, now).await?;
    Ok(Removal::Done)
}

/// The outcome of approve and toggle.
#[derive(Debug, PartialEq, Eq)]
pub enum StatusChange {
    NotFound,
    AlreadyActive,
    Now(bool),
    /// Refused: this would deactivate the last active admin.
    LastAdmin,
}

/// `approve`: activate an inactive user, or let in one who registered under
/// `REQUIRE_EMAIL_VERIFICATION` and has not verified yet; an approved account counts as
/// verified (decision L3).
pub async fn approve(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<StatusChange, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(before) = snapshot(&mut tx, id).await? else {
        return Ok(StatusChange::NotFound);
    };
    let unverified: bool = on_tx!(&mut tx, |t| sqlx::query_scalar(
        "SELECT email_verification_required AND NOT COALESCE(email_verified, FALSE) \
         FROM fastapi_users WHERE id = $1"
    )
    .bind(id)
    .fetch_one(t)
    .await)?;
    if before.is_active == Some(true) && !unverified {
        return Ok(StatusChange::AlreadyActive);
    }
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_users SET is_active = TRUE, email_verified = TRUE WHERE id = $1"
    )
    .bind(id)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    commit_audited(tx, "approve_user", &before, audit, now).await?;
    Ok(StatusChange::Now(true))
}

/// `toggle-status`: flip `is_active` (NULL counts as false); a deactivation revokes tokens.
/// Refused for the last active admin.
pub async fn toggle(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<StatusChange, sqlx::Error> {
    let mut tx = db.begin().await?;
    let others = another_active_admin(&mut tx, id).await?;
    let Some(before) = snapshot(&mut tx, id).await? else {
        return Ok(StatusChange::NotFound);
    };
    if is_active_admin(&before) && !others {
        return Ok(StatusChange::LastAdmin);
    }
    let new = !before.is_active.unwrap_or(false);
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_users SET is_active = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(new)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    if !new {
        super::users::revoke_in(&mut tx, id, now).await?;
    }
    commit_audited(tx, "toggle_user_status", &before, audit, now).await?;
    Ok(StatusChange::Now(new))
}

/// `reset-query-count`: zero the monthly counter and stamp `last_reset_date`. False when the user
/// does not exist.
pub async fn reset_query_count(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(before) = snapshot(&mut tx, id).await? else {
        return Ok(false);
    };
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_users SET monthly_query_count = 0, last_reset_date = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    commit_audited(tx, "reset_query_count", &before, audit, now).await?;
    Ok(true)
}

/// `POST /admin/users`: insert the user and its audit record in one transaction. `None` when
/// the username is taken.
pub async fn create_user(
    db: &Db,
    new: &super::users::NewUser<'_>,
    audit: &Audit,
) -> Result<Option<i32>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(user) = super::users::insert_in(&mut tx, new).await? else {
        return Ok(None);
    };
    let after = snapshot(&mut tx, i64::from(user.id)).await?;
    audit::record(
        &mut tx,
        audit,
        "create_user",
        Some(user.id),
        None,
        None::<&UserSnapshot>,
        after.as_ref(),
        new.now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(user.id))
}

/// `DELETE /admin/users/{id}`: the purge of api-contract §4.10 and its audit record, in one
/// transaction. The record keeps the id and, like every entry, the username of the moment
/// (written before the purge, so it is still there to copy); the user's own data is gone, the
/// entries about them stay. Refused for the last active admin.
pub async fn delete_user(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<Removal, sqlx::Error> {
    let mut tx = db.begin().await?;
    let others = another_active_admin(&mut tx, id).await?;
    let Some(before) = snapshot(&mut tx, id).await? else {
        return Ok(Removal::NotFound);
    };
    if is_active_admin(&before) && !others {
        return Ok(Removal::LastAdmin);
    }
    let found: Option<(i32, String)> = on_tx!(&mut tx, |t| sqlx::query_as(
        "SELECT id, username FROM fastapi_users WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(t)
    .await?);
    let Some((uid, username)) = found else {
        return Ok(Removal::NotFound);
    };
    audit::record(
        &mut tx,
        audit,
        "delete_user",
        Some(uid),
        None,
        Some(&serde_json::json!({ "id": uid })),
        None::<&UserSnapshot>,
        now,
    )
    .await?;
    super::users::purge_in(&mut tx, uid, &username).await?;
    tx.commit().await?;
    Ok(Removal::Done)
}

/// `GET /admin/statistics/system`, in one aggregate query.
#[derive(Clone, Debug, FromRow)]
pub struct SystemStats {
    pub total_users: i64,
    pub active_users: i64,
    pub pending_users: i64,
    pub total_conversations: i64,
    pub total_messages: i64,
    pub premium_users: i64,
    pub free_users: i64,
    pub new_users_this_week: i64,
}

pub async fn system_stats(
    db: &Db,
    week_ago: NaiveDateTime,
) -> Result<(SystemStats, Vec<(i32, String, i64)>), sqlx::Error> {
    let stats: SystemStats = on_db!(db, |p| sqlx::query_as(
        "SELECT COUNT(*) AS total_users, \
           COUNT(CASE WHEN is_active = TRUE THEN 1 END) AS active_users, \
           COUNT(CASE WHEN is_active = FALSE OR is_active IS NULL THEN 1 END) AS pending_users, \
           (SELECT COUNT(*) FROM fastapi_conversations) AS total_conversations, \
           (SELECT COUNT(*) FROM fastapi_messages) AS total_messages, \
           COUNT(CASE WHEN plan_type = $2 THEN 1 END) AS premium_users, \
           COUNT(CASE WHEN plan_type = $3 THEN 1 END) AS free_users, \
           COUNT(CASE WHEN created_at >= $1 THEN 1 END) AS new_users_this_week \
         FROM fastapi_users"
    )
    .bind(week_ago)
    .bind(Plan::Premium.as_str())
    .bind(Plan::Free.as_str())
    .fetch_one(p)
    .await?);
    let top: Vec<(i32, String, i64)> = on_db!(db, |p| sqlx::query_as(
        "SELECT id, username, CAST(COALESCE(query_count, 0) AS BIGINT) FROM fastapi_users \
         ORDER BY COALESCE(query_count, 0) DESC, id ASC LIMIT 5"
    )
    .fetch_all(p)
    .await?);
    Ok((stats, top))
}

/// `GET /admin/statistics/activity`: user messages since `since`, counted per UTC date and per
/// the conversation's current agent type in one aggregate pass; returns the `(day, agent, n)`
/// groups (agent `None` for a message whose conversation is gone).
pub async fn activity(
    db: &Db,
    since: NaiveDateTime,
) -> Result<Vec<(String, Option<String>, i64)>, sqlx::Error> {
    const GROUPS: &str = "AS day, CASE WHEN c.id IS NULL THEN NULL ELSE COALESCE(c.agent_type, 'market') END AS agent, \
         COUNT(*) FROM fastapi_messages m LEFT JOIN fastapi_conversations c ON c.id = m.conversation_id \
         WHERE m.sender = 'user' AND m.timestamp >= $1 GROUP BY day, agent";
    match db {
        Db::Sqlite(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT substr(m.timestamp, 1, 10) {GROUPS}"
            )))
            .bind(since)
            .fetch_all(p)
            .await
        }
        Db::Postgres(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT to_char(m.timestamp, 'YYYY-MM-DD') {GROUPS}"
            )))
            .bind(since)
            .fetch_all(p)
            .await
        }
    }
}

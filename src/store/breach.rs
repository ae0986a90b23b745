//! `fastapi_data_breach_logs`: the register of personal-data breaches (GDPR Art. 33-34, decision
//! L7). Every change an admin makes is written with its audit entry in one transaction.

use chrono::NaiveDateTime;
use serde::Serialize;
use sqlx::FromRow;

use super::audit::{self, Audit};
use super::{Db, Tx};
use crate::domain::gdpr::{
    BREACH_CLOSED_STATUS, BREACH_INITIAL_STATUS, dpa_notification_required,
    users_notification_required,
};
use crate::{on_db, on_tx};

/// Every column of a breach, in one place.
macro_rules! breach_columns {
    () => {
        "id, breach_type, severity, description, affected_data_categories, estimated_affected_users, \
         discovered_at, breach_occurred_at, contained_at, resolved_at, discovered_by, discovery_method, \
         risk_level, likely_consequences, technical_measures, organizational_measures, \
         internal_team_notified, internal_notification_date, dpa_notified, dpa_notification_date, \
         dpa_notification_required, users_notified, users_notification_date, users_notification_required, \
         remediation_steps, prevention_measures, status, created_at, updated_at, created_by_user_id, notes"
    };
}

/// A breach. Flags the old service left NULL read as false (`dpa_notification_required` as its
/// column default, true).
#[derive(Clone, Debug, FromRow)]
pub struct BreachRow {
    pub id: i32,
    pub breach_type: String,
    pub severity: String,
    pub description: String,
    /// A JSON list as text.
    pub affected_data_categories: Option<String>,
    pub estimated_affected_users: Option<i32>,
    pub discovered_at: NaiveDateTime,
    pub breach_occurred_at: Option<NaiveDateTime>,
    pub contained_at: Option<NaiveDateTime>,
    pub resolved_at: Option<NaiveDateTime>,
    pub discovered_by: Option<String>,
    pub discovery_method: Option<String>,
    pub risk_level: String,
    pub likely_consequences: Option<String>,
    pub technical_measures: Option<String>,
    pub organizational_measures: Option<String>,
    pub internal_team_notified: Option<bool>,
    pub internal_notification_date: Option<NaiveDateTime>,
    pub dpa_notified: Option<bool>,
    pub dpa_notification_date: Option<NaiveDateTime>,
    pub dpa_notification_required: Option<bool>,
    pub users_notified: Option<bool>,
    pub users_notification_date: Option<NaiveDateTime>,
    pub users_notification_required: Option<bool>,
    pub remediation_steps: Option<String>,
    pub prevention_measures: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: Option<NaiveDateTime>,
    pub created_by_user_id: Option<i32>,
    pub notes: Option<String>,
}

impl BreachRow {
    pub fn dpa_required(&self) -> bool {
        self.dpa_notification_required.unwrap_or(true)
    }
    pub fn dpa_notified(&self) -> bool {
        self.dpa_notified.unwrap_or(false)
    }
    pub fn users_required(&self) -> bool {
        self.users_notification_required.unwrap_or(false)
    }
    pub fn users_notified(&self) -> bool {
        self.users_notified.unwrap_or(false)
    }
    pub fn internal_notified(&self) -> bool {
        self.internal_team_notified.unwrap_or(false)
    }
    /// The affected data categories (a stored value that is not a JSON list reads as none).
    pub fn categories(&self) -> Vec<String> {
        self.affected_data_categories
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    fn state(&self) -> BreachState {
        BreachState {
            status: self.status.clone(),
            risk_level: self.risk_level.clone(),
            dpa_notified: self.dpa_notified(),
            users_notified: self.users_notified(),
            contained_at: self.contained_at,
            resolved_at: self.resolved_at,
        }
    }
}

/// What the audit log keeps of a breach's state.
#[derive(Serialize)]
struct BreachState {
    status: String,
    risk_level: String,
    dpa_notified: bool,
    users_notified: bool,
    #[serde(
        serialize_with = "crate::domain::time::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    contained_at: Option<NaiveDateTime>,
    #[serde(
        serialize_with = "crate::domain::time::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    resolved_at: Option<NaiveDateTime>,
}

fn target(id: i32) -> String {
    format!("breach {id}")
}

/// The end of every change of a breach: read it back, audit the change from `before` in the same
/// transaction, commit.
async fn audited(
    mut tx: Tx,
    who: &Audit,
    action: &str,
    id: i64,
    before: &BreachRow,
    now: NaiveDateTime,
) -> Result<BreachRow, sqlx::Error> {
    let after = get_in(&mut tx, id).await?.ok_or(sqlx::Error::RowNotFound)?;
    audit::record(
        &mut tx,
        who,
        action,
        None,
        Some(&target(after.id)),
        Some(&before.state()),
        Some(&after.state()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<BreachRow>, sqlx::Error> {
    on_tx!(tx, |t| sqlx::query_as(concat!(
        "SELECT ",
        breach_columns!(),
        " FROM fastapi_data_breach_logs WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(t)
    .await)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<BreachRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        breach_columns!(),
        " FROM fastapi_data_breach_logs WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(p)
    .await)
}

/// A breach as an admin records it.
pub struct NewBreach<'a> {
    pub breach_type: &'a str,
    pub severity: &'a str,
    pub description: &'a str,
    pub risk_level: &'a str,
    pub affected_data_categories: &'a [String],
    pub estimated_affected_users: i32,
    pub breach_occurred_at: Option<NaiveDateTime>,
    pub discovered_by: Option<&'a str>,
    pub discovery_method: Option<&'a str>,
    pub created_by_user_id: i32,
    /// When it was discovered (recorded).
    pub now: NaiveDateTime,
}

/// Record a breach, `open`, with the duties its risk implies, and its audit entry.
pub async fn create(db: &Db, b: &NewBreach<'_>, who: &Audit) -> Result<BreachRow, sqlx::Error> {
    let categories =
        serde_json::to_string(b.affected_data_categories).expect("a list of strings serialises");
    let mut tx = db.begin().await?;
    let rows: Vec<BreachRow> = on_tx!(&mut tx, |t| {
        sqlx::query_as(concat!(
        "INSERT INTO fastapi_data_breach_logs (breach_type, severity, description, affected_data_categories, \
           estimated_affected_users, discovered_at, breach_occurred_at, discovered_by, discovery_method, \
           risk_level, internal_team_notified, dpa_notified, dpa_notification_required, users_notified, \
           users_notification_required, status, created_at, created_by_user_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, FALSE, $11, FALSE, $12, $13, $6, $14) \
         RETURNING ",
        breach_columns!()
    ))
    .bind(b.breach_type)
    .bind(b.severity)
    .bind(b.description)
    .bind(&categories)
    .bind(b.estimated_affected_users)
    .bind(b.now)
    .bind(b.breach_occurred_at)
    .bind(b.discovered_by)
    .bind(b.discovery_method)
    .bind(b.risk_level)
    .bind(dpa_notification_required(b.risk_level))
    .bind(users_notification_required(b.risk_level))
    .bind(BREACH_INITIAL_STATUS)
    .bind(b.created_by_user_id)
    .fetch_all(t)
    .await?
    });
    let row = super::one(rows)?;
    audit::record(
        &mut tx,
        who,
        "create_breach",
        None,
        Some(&target(row.id)),
        None::<&()>,
        Some(&row.state()),
        b.now,
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// Breaches not closed, the latest discovered first.
pub async fn active(db: &Db) -> Result<Vec<BreachRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(concat!(
        "SELECT ",
        breach_columns!(),
        " FROM fastapi_data_breach_logs WHERE status <> $1 ORDER BY discovered_at DESC, id DESC"
    ))
    .bind(BREACH_CLOSED_STATUS)
    .fetch_all(p)
    .await)
}

/// Breaches the supervisory authority must be told of and has not been, the earliest discovered
/// (the most urgent) first, past their 72 hours included.
pub async fn pending_dpa(db: &Db) -> Result<Vec<BreachRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(concat!(
        "SELECT ",
        breach_columns!(),
        " FROM fastapi_data_breach_logs \
          WHERE COALESCE(dpa_notification_required, TRUE) = TRUE AND COALESCE(dpa_notified, FALSE) = FALSE \
          ORDER BY discovered_at ASC, id ASC"
    ))
    .fetch_all(p)
    .await
    })
}

/// The internal team was emailed about breach `id` (no audit entry: the service did it).
pub async fn mark_internal_notified(
    db: &Db,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_data_breach_logs SET internal_team_notified = TRUE, internal_notification_date = $2 \
         WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// What an admin told the authority.
pub struct DpaAssessment<'a> {
    pub likely_consequences: &'a str,
    pub technical_measures: &'a str,
    pub organizational_measures: &'a str,
    pub remediation_steps: &'a str,
}

/// Record that the authority was told of breach `id` (after the email went), with the
/// assessment sent and the audit entry: `None` when there is no such breach. A second
/// notification (a follow-up with new information) replaces the assessment and keeps the date of
/// the first.
pub async fn record_dpa_notification(
    db: &Db,
    id: i64,
    a: &DpaAssessment<'_>,
    now: NaiveDateTime,
    who: &Audit,
) -> Result<Option<BreachRow>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(before) = get_in(&mut tx, id).await? else {
        return Ok(None);
    };
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_data_breach_logs SET likely_consequences = $2, technical_measures = $3, \
           organizational_measures = $4, remediation_steps = $5, dpa_notified = TRUE, \
           dpa_notification_date = COALESCE(dpa_notification_date, $6), updated_at = $6 \
         WHERE id = $1"
    )
    .bind(id)
    .bind(a.likely_consequences)
    .bind(a.technical_measures)
    .bind(a.organizational_measures)
    .bind(a.remediation_steps)
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    let after = audited(tx, who, "notify_breach_dpa", id, &before, now).await?;
    Ok(Some(after))
}

/// The outcome of claiming a breach's notification of the users.
#[derive(Debug)]
pub enum UsersClaim {
    NotFound,
    /// Its risk does not require telling the users.
    NotRequired,
    /// They were told already (the notice is sent once).
    AlreadyNotified,
    /// There is no active account to tell.
    NoUsers,
    /// Marked as notified: the `count` active, non-deleted accounts with ids up to `up_to` are
    /// to be emailed now.
    Claimed {
        breach: Box<BreachRow>,
        count: i64,
        up_to: i32,
    },
}

/// Mark breach `id` as notified to its users, with the audit entry, in one transaction, and say
/// whom to email: every active, non-deleted account. A conditional update, so two admins
/// clicking at once send it once. Nothing is written unless it is `Claimed`.
pub async fn claim_user_notification(
    db: &Db,
    id: i64,
    user_actions: &str,
    now: NaiveDateTime,
    who: &Audit,
) -> Result<UsersClaim, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(before) = get_in(&mut tx, id).await? else {
        return Ok(UsersClaim::NotFound);
    };
    let claimed = on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE fastapi_data_breach_logs SET users_notified = TRUE, users_notification_date = $2, \
           updated_at = $2 \
         WHERE id = $1 AND COALESCE(users_notification_required, FALSE) = TRUE \
           AND COALESCE(users_notified, FALSE) = FALSE"
    )
    .bind(id)
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    if claimed == 0 {
        return Ok(if !before.users_required() {
            UsersClaim::NotRequired
        } else {
            UsersClaim::AlreadyNotified
        });
    }
    let (count, up_to): (i64, Option<i32>) = on_tx!(&mut tx, |t| sqlx::query_as(
        "SELECT COUNT(*), MAX(id) FROM fastapi_users WHERE is_active = TRUE AND deleted = FALSE"
    )
    .fetch_one(t)
    .await?);
    let Some(up_to) = up_to.filter(|_| count > 0) else {
        return Ok(UsersClaim::NoUsers);
    };
    // The notices to send, as work that survives a restart: written with the claim.
    on_tx!(&mut tx, |t| {
        sqlx::query(
        "INSERT INTO fastapi_breach_user_notices (breach_id, up_to, after_id, user_actions, created_at) \
         VALUES ($1, $2, 0, $3, $4)"
    )
    .bind(id)
    .bind(up_to)
    .bind(user_actions)
    .bind(now)
    .execute(t)
    .await
    .map(|_| ())
    })?;
    let after = audited(tx, who, "notify_breach_users", id, &before, now).await?;
    Ok(UsersClaim::Claimed {
        breach: Box::new(after),
        count,
        up_to,
    })
}

/// The users' notice of a breach being sent: who is left to email (ids in `(after_id, up_to]`),
/// what they are told to do, and the tally so far.
#[derive(Debug, sqlx::FromRow)]
pub struct Notice {
    pub breach_id: i32,
    pub up_to: i32,
    pub after_id: i32,
    pub user_actions: String,
    pub sent: i32,
    pub failed: i32,
}

/// Take the unfinished notice of breach `id` for `holder` until `until`: when nobody holds it,
/// or its holder's claim ran out (a sender that died or stalled). None when another sender
/// holds it, or it is finished.
pub async fn claim_notice(
    db: &Db,
    id: i64,
    holder: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<Option<Notice>, sqlx::Error> {
    let rows: Vec<Notice> = on_db!(db, |p| {
        sqlx::query_as(
            "UPDATE fastapi_breach_user_notices SET claimed_by = $2, claimed_until = $4 \
         WHERE breach_id = $1 AND finished_at IS NULL \
           AND (claimed_by IS NULL OR claimed_until IS NULL OR claimed_until < $3) \
         RETURNING breach_id, up_to, after_id, user_actions, sent, failed",
        )
        .bind(id)
        .bind(holder)
        .bind(now)
        .bind(until)
        .fetch_all(p)
        .await
    })?;
    Ok(super::first(rows))
}

/// One recipient done (`sent`, or passed over after its last try), the claim extended to
/// `until`. False when `holder` no longer holds the notice.
pub async fn notice_step(
    db: &Db,
    id: i64,
    holder: &str,
    user_id: i32,
    sent: bool,
    until: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_breach_user_notices SET after_id = $3, \
           sent = sent + CASE WHEN $4 THEN 1 ELSE 0 END, failed = failed + CASE WHEN $4 THEN 0 ELSE 1 END, \
           tries = 0, claimed_until = $5 \
         WHERE breach_id = $1 AND claimed_by = $2"
    )
    .bind(id)
    .bind(holder)
    .bind(user_id)
    .bind(sent)
    .bind(until)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// A failed try at the next recipient: how many tries it has had now.
pub async fn notice_try_failed(db: &Db, id: i64, holder: &str) -> Result<i32, sqlx::Error> {
    let tries: Vec<i32> = on_db!(db, |p| sqlx::query_scalar(
        "UPDATE fastapi_breach_user_notices SET tries = tries + 1 \
         WHERE breach_id = $1 AND claimed_by = $2 RETURNING tries"
    )
    .bind(id)
    .bind(holder)
    .fetch_all(p)
    .await)?;
    Ok(super::first(tries).unwrap_or(0))
}

/// Give the notice back (to be taken up again later), or mark it finished at `finished`.
pub async fn release_notice(
    db: &Db,
    id: i64,
    holder: &str,
    finished: Option<NaiveDateTime>,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_breach_user_notices SET claimed_by = NULL, claimed_until = NULL, \
           finished_at = COALESCE($3, finished_at) \
         WHERE breach_id = $1 AND claimed_by = $2"
    )
    .bind(id)
    .bind(holder)
    .bind(finished)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The breaches whose users' notices are unfinished and held by nobody (or by a claim that ran
/// out at `now`).
pub async fn pending_notices(db: &Db, now: NaiveDateTime) -> Result<Vec<i64>, sqlx::Error> {
    let ids: Vec<i32> = on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT breach_id FROM fastapi_breach_user_notices \
         WHERE finished_at IS NULL AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY breach_id"
    )
    .bind(now)
    .fetch_all(p)
    .await
    })?;
    Ok(ids.into_iter().map(i64::from).collect())
}

/// Active, non-deleted accounts (id and address) with ids in `(after, up_to]`, by id, at most
/// `limit`: the recipients of a users' notification, a page at a time.
pub async fn recipients(
    db: &Db,
    after: i32,
    up_to: i32,
    limit: i64,
) -> Result<Vec<(i32, String)>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, username FROM fastapi_users \
         WHERE is_active = TRUE AND deleted = FALSE AND id > $1 AND id <= $2 ORDER BY id LIMIT $3"
    )
    .bind(after)
    .bind(up_to)
    .bind(limit)
    .fetch_all(p)
    .await)
}

/// A status change of breach `id`, with its audit entry: `None` when there is no such breach.
/// The times are set only when given; `note_line` (already stamped) is appended to the notes in
/// the same statement, so two notes written at once both stay.
#[expect(
    clippy::too_many_arguments,
    reason = "each argument is a column of the row written or a fact of the decision; a struct would only rename them"
)]
pub async fn update_status(
    db: &Db,
    id: i64,
    status: &str,
    contained_at: Option<NaiveDateTime>,
    resolved_at: Option<NaiveDateTime>,
    note_line: Option<&str>,
    now: NaiveDateTime,
    who: &Audit,
) -> Result<Option<BreachRow>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let Some(before) = get_in(&mut tx, id).await? else {
        return Ok(None);
    };
    on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE fastapi_data_breach_logs SET status = $2, contained_at = COALESCE($3, contained_at), \
           resolved_at = COALESCE($4, resolved_at), \
           notes = CASE WHEN $5 IS NULL THEN notes ELSE COALESCE(notes, '') || $5 END, updated_at = $6 \
         WHERE id = $1"
    )
    .bind(id)
    .bind(status)
    .bind(contained_at)
    .bind(resolved_at)
    .bind(note_line)
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    let after = audited(tx, who, "update_breach_status", id, &before, now).await?;
    Ok(Some(after))
}

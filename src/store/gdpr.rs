//! GDPR (decision L7): `fastapi_data_processing_logs` (what was done with a user's data, GDPR Art.
//! 30), the restriction columns of `fastapi_users` (Art. 18), and the reads of the data export
//! (Art. 20), each scoped to the one user it is about.

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::{Db, Tx};
use crate::domain::gdpr::{Activity, LOG_ENDPOINT_CHARS, LOG_USER_AGENT_CHARS, clip};
use crate::{on_db, on_tx};

/// One processing-log row to write.
#[derive(Clone, Debug)]
pub struct NewLog<'a> {
    /// Whose data was processed.
    pub user_id: i32,
    pub activity: Activity,
    pub purpose: &'a str,
    pub data_categories: &'a [&'a str],
    /// `consent`, `contract`, `legitimate_interest` or `legal_obligation`.
    pub legal_basis: &'a str,
    /// The request that did it (path, method, client address, `User-Agent`).
    pub endpoint: Option<&'a str>,
    pub method: Option<&'a str>,
    pub ip_address: Option<String>,
    pub user_agent: Option<&'a str>,
    /// Who did it, when not the user themselves.
    pub performed_by_user_id: Option<i32>,
    pub now: NaiveDateTime,
}

const INSERT_LOG: &str = "INSERT INTO fastapi_data_processing_logs (user_id, activity_type, endpoint, method, \
       ip_address, user_agent, purpose, data_categories, legal_basis, timestamp, performed_by_user_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

macro_rules! bind_log {
    ($q:expr, $l:expr) => {{
        let l = $l;
        $q.bind(l.user_id)
            .bind(l.activity.as_str())
            .bind(l.endpoint.map(|e| clip(e, LOG_ENDPOINT_CHARS)))
            .bind(l.method)
            .bind(l.ip_address.as_deref())
            .bind(l.user_agent.map(|u| clip(u, LOG_USER_AGENT_CHARS)))
            .bind(l.purpose)
            .bind(serde_json::to_string(l.data_categories).expect("a list of strings serialises"))
            .bind(l.legal_basis)
            .bind(l.now)
            .bind(l.performed_by_user_id)
    }};
}

/// Write one processing-log row.
pub async fn log(db: &Db, l: &NewLog<'_>) -> Result<(), sqlx::Error> {
    on_db!(db, |p| bind_log!(sqlx::query(INSERT_LOG), l)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

async fn log_in(tx: &mut Tx, l: &NewLog<'_>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| bind_log!(sqlx::query(INSERT_LOG), l)
        .execute(t)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A processing-log row as the user reads it.
#[derive(Clone, Debug, FromRow)]
pub struct LogRow {
    pub id: i32,
    pub activity_type: String,
    pub purpose: Option<String>,
    /// A JSON list as text.
    pub data_categories: Option<String>,
    pub legal_basis: Option<String>,
    pub endpoint: Option<String>,
    pub method: Option<String>,
    pub timestamp: NaiveDateTime,
}

/// A user's processing-log rows, newest first: `limit` from `offset`.
pub async fn logs(
    db: &Db,
    user_id: i32,
    limit: i64,
    offset: i64,
) -> Result<Vec<LogRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, activity_type, purpose, data_categories, legal_basis, endpoint, method, timestamp \
         FROM fastapi_data_processing_logs WHERE user_id = $1 \
         ORDER BY timestamp DESC, id DESC LIMIT $2 OFFSET $3"
    )
    .bind(user_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(p)
    .await
    })
}

/// Restrict the processing of a user's data (a new request replaces the reason and grounds of an
/// earlier one), with its log row, in one transaction.
pub async fn restrict(
    db: &Db,
    user_id: i32,
    reason: &str,
    grounds: &str,
    log: &NewLog<'_>,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, |t| sqlx::query(
        "UPDATE fastapi_users SET processing_restricted = TRUE, restriction_requested_at = $2, \
           restriction_reason = $3, restriction_grounds = $4 WHERE id = $1"
    )
    .bind(user_id)
    .bind(log.now)
    .bind(reason)
    .bind(grounds)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    log_in(&mut tx, log).await?;
    tx.commit().await
}

/// Lift a user's restriction, with its log row, in one transaction: `false` (and nothing written)
/// when there was none.
pub async fn lift(db: &Db, user_id: i32, log: &NewLog<'_>) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let changed = on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE fastapi_users SET processing_restricted = FALSE, restriction_requested_at = NULL, \
           restriction_reason = NULL, restriction_grounds = NULL \
         WHERE id = $1 AND processing_restricted = TRUE"
    )
    .bind(user_id)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    if changed == 0 {
        return Ok(false);
    }
    log_in(&mut tx, log).await?;
    tx.commit().await?;
    Ok(true)
}

// ---- The data export: every read takes the user's id ----

/// The account as the export shows it: the profile, the consents and the account's state.
#[derive(Clone, Debug, FromRow)]
pub struct ExportUser {
    pub id: i32,
    pub username: String,
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub is_active: Option<bool>,
    pub created_at: Option<NaiveDateTime>,
    pub email_verified: Option<bool>,
    pub plan_type: Option<String>,
    pub query_count: Option<i32>,
    pub monthly_query_count: Option<i32>,
    pub last_query_date: Option<NaiveDateTime>,
    pub plan_start_date: Option<NaiveDateTime>,
    pub plan_end_date: Option<NaiveDateTime>,
    pub gdpr_consent_given: Option<bool>,
    pub gdpr_consent_date: Option<NaiveDateTime>,
    pub terms_accepted: Option<bool>,
    pub terms_accepted_date: Option<NaiveDateTime>,
    pub marketing_consent: Option<bool>,
    pub marketing_consent_date: Option<NaiveDateTime>,
    pub privacy_policy_version: Option<String>,
    pub terms_version: Option<String>,
    pub deletion_requested_at: Option<NaiveDateTime>,
    pub deletion_reason: Option<String>,
    pub processing_restricted: Option<bool>,
    pub restriction_requested_at: Option<NaiveDateTime>,
    pub restriction_reason: Option<String>,
    pub restriction_grounds: Option<String>,
}

pub async fn export_user(db: &Db, user_id: i32) -> Result<Option<ExportUser>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, username, full_name, role, is_active, created_at, email_verified, plan_type, \
           query_count, monthly_query_count, last_query_date, plan_start_date, plan_end_date, \
           gdpr_consent_given, gdpr_consent_date, terms_accepted, terms_accepted_date, \
           marketing_consent, marketing_consent_date, privacy_policy_version, terms_version, \
           deletion_requested_at, deletion_reason, processing_restricted, restriction_requested_at, \
           restriction_reason, restriction_grounds \
         FROM fastapi_users WHERE id = $1"
    )
    .bind(user_id)
    .fetch_optional(p)
    .await
    })
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportConversation {
    pub id: i32,
    pub title: Option<String>,
    pub agent_type: Option<String>,
    pub created_at: Option<NaiveDateTime>,
}

/// The user's conversations with an id above `after`, oldest first, at most `limit`.
pub async fn export_conversations(
    db: &Db,
    user_id: i32,
    after: i64,
    limit: i64,
) -> Result<Vec<ExportConversation>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, title, agent_type, created_at FROM fastapi_conversations \
         WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3"
    )
    .bind(user_id)
    .bind(after)
    .bind(limit)
    .fetch_all(p)
    .await)
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportMessage {
    pub id: i32,
    pub sender: Option<String>,
    pub agent_type: Option<String>,
    pub content: Option<String>,
    pub timestamp: Option<NaiveDateTime>,
}

/// The messages of the user's conversation `conversation_id` with an id above `after`, in order,
/// at most `limit` (none when the conversation is not the user's).
pub async fn export_messages(
    db: &Db,
    user_id: i32,
    conversation_id: i32,
    after: i64,
    limit: i64,
) -> Result<Vec<ExportMessage>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT m.id, m.sender, m.agent_type, m.content, m.timestamp FROM fastapi_messages m \
         JOIN fastapi_conversations c ON c.id = m.conversation_id \
         WHERE m.conversation_id = $1 AND c.user_id = $2 AND m.id > $3 ORDER BY m.id LIMIT $4"
    )
    .bind(conversation_id)
    .bind(user_id)
    .bind(after)
    .bind(limit)
    .fetch_all(p)
    .await)
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportSurvey1 {
    pub role: Option<String>,
    pub role_other: Option<String>,
    pub regions: Option<String>,
    pub familiarity: Option<String>,
    pub insights: Option<String>,
    pub tailored: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub bonus_queries_granted: Option<i32>,
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportSurvey2 {
    pub work_focus: Option<String>,
    pub work_focus_other: Option<String>,
    pub pv_segments: Option<String>,
    pub technologies: Option<String>,
    pub technologies_other: Option<String>,
    pub challenges: Option<String>,
    pub weekly_insight: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub bonus_queries_granted: Option<i32>,
}

/// The user's two survey answers (the latest of each stage), if given.
pub async fn export_surveys(
    db: &Db,
    user_id: i32,
) -> Result<(Option<ExportSurvey1>, Option<ExportSurvey2>), sqlx::Error> {
    let s1 = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT role, role_other, regions, familiarity, insights, tailored, created_at, bonus_queries_granted \
         FROM fastapi_user_survey WHERE user_id = $1 ORDER BY id DESC LIMIT 1"
    )
    .bind(user_id)
    .fetch_optional(p)
    .await?
    });
    let s2 = on_db!(db, |p| {
        sqlx::query_as(
        "SELECT work_focus, work_focus_other, pv_segments, technologies, technologies_other, challenges, \
           weekly_insight, created_at, bonus_queries_granted \
         FROM fastapi_user_survey_stage2 WHERE user_id = $1 ORDER BY id DESC LIMIT 1"
    )
    .bind(user_id)
    .fetch_optional(p)
    .await?
    });
    Ok((s1, s2))
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportHire {
    pub agent_type: String,
    pub hired_at: Option<NaiveDateTime>,
    pub is_active: Option<bool>,
}

/// Every agent the user hired, released ones included, oldest first.
pub async fn export_hires(db: &Db, user_id: i32) -> Result<Vec<ExportHire>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT agent_type, hired_at, is_active FROM fastapi_hired_agent WHERE user_id = $1 ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await
    })
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportContact {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub message: String,
    pub source: String,
    pub status: Option<String>,
    pub selected_experts: Option<String>,
    pub created_at: Option<NaiveDateTime>,
}

/// Every contact request the user sent, or that was sent from the user's address, oldest first.
pub async fn export_contacts(
    db: &Db,
    user_id: i32,
    email: &str,
) -> Result<Vec<ExportContact>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, name, email, company, phone, message, source, status, selected_experts, created_at \
         FROM fastapi_contact_request WHERE user_id = $1 OR email = $2 ORDER BY id"
    )
    .bind(user_id)
    .bind(email)
    .fetch_all(p)
    .await
    })
}

#[derive(Clone, Debug, FromRow)]
pub struct ExportWaitlist {
    pub email: String,
    pub interested_agents: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
}

/// The waitlist entry of the user's address, if any.
pub async fn export_waitlist(db: &Db, email: &str) -> Result<Vec<ExportWaitlist>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT email, interested_agents, created_at, ip_address, user_agent FROM fastapi_waitlist WHERE email = $1 ORDER BY id"
    )
    .bind(email)
    .fetch_all(p)
    .await
    })
}

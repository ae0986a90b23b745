//! `/api/v1/admin/breach/...`: the register of personal-data breaches of the current React app
//! (GDPR Art. 33-34, decision L7, `latest-app.md` §1.2). Admins only, with the module's own 403
//! text. Unlike the old service's (defect D1), its notices are really sent through the mailer:
//! the internal team's alert when a breach is recorded (`BREACH_INTERNAL_EMAIL`), the supervisory
//! authority's notification (`BREACH_DPA_EMAIL`), and one notice to every active account, sent in
//! the background. Every change is audited in the transaction that makes it.

use axum::Json;
use axum::extract::{Extension, State};
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use super::admin::audit_of;
use super::error::{ApiError, ApiResult};
use super::extract::{BreachAdmin, BreachJson, Obj, RequestBody};
use super::middleware::RequestId;
use crate::app::AppState;
use crate::domain::gdpr::{self, BREACH_RISK_LEVELS, BREACH_SEVERITIES, BREACH_STATUSES};
use crate::jobs::breach_notices::{facts, mail_time, send_user_notices};
use crate::mail::templates;
use crate::store::{self, breach as st};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_breach))
        .routes(routes!(notify_breach_dpa))
        .routes(routes!(notify_breach_users))
        .routes(routes!(update_breach_status))
        .routes(routes!(active_breaches))
        .routes(routes!(breaches_pending_dpa))
        .routes(routes!(get_breach))
}

crate::int_path_param!(
    /// `{breach_id}`: an integer, or 422 `int_parsing` (after the admin checks).
    BreachId,
    "breach_id"
);

fn not_found(id: i64) -> ApiError {
    ApiError::not_found(format!("Breach {id} not found"))
}

/// A breach. The first eleven keys are the old service's `BreachResponse`; the rest are ours
/// (the whole record, and the authority's deadline).
#[derive(Serialize, ToSchema)]
pub struct Breach {
    id: i32,
    breach_type: String,
    severity: String,
    description: String,
    risk_level: String,
    /// `open`, `investigating`, `contained`, `resolved` or `closed`.
    status: String,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    discovered_at: NaiveDateTime,
    estimated_affected_users: Option<i32>,
    internal_team_notified: bool,
    dpa_notified: bool,
    users_notified: bool,
    affected_data_categories: Vec<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    breach_occurred_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    contained_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    resolved_at: Option<NaiveDateTime>,
    discovered_by: Option<String>,
    discovery_method: Option<String>,
    /// The risk requires telling the supervisory authority (`moderate`, `high`).
    dpa_notification_required: bool,
    /// The discovery plus 72 hours.
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    dpa_notification_deadline: NaiveDateTime,
    /// Required, not done, and past the deadline.
    dpa_notification_overdue: bool,
    /// The risk requires telling the users (`high`).
    users_notification_required: bool,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    internal_notification_date: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    dpa_notification_date: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    users_notification_date: Option<NaiveDateTime>,
    likely_consequences: Option<String>,
    technical_measures: Option<String>,
    organizational_measures: Option<String>,
    remediation_steps: Option<String>,
    /// Each note on its own line, `[YYYY-MM-DD HH:MM:SS UTC] text`.
    notes: Option<String>,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    created_at: NaiveDateTime,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    updated_at: Option<NaiveDateTime>,
    created_by_user_id: Option<i32>,
}

impl Breach {
    fn of(b: st::BreachRow, now: NaiveDateTime) -> Breach {
        let required = b.dpa_required();
        let notified = b.dpa_notified();
        Breach {
            internal_team_notified: b.internal_notified(),
            users_notified: b.users_notified(),
            users_notification_required: b.users_required(),
            affected_data_categories: b.categories(),
            dpa_notification_deadline: gdpr::dpa_deadline(b.discovered_at),
            dpa_notification_overdue: gdpr::dpa_overdue(required, notified, b.discovered_at, now),
            dpa_notification_required: required,
            dpa_notified: notified,
            id: b.id,
            breach_type: b.breach_type,
            severity: b.severity,
            description: b.description,
            risk_level: b.risk_level,
            status: b.status,
            discovered_at: b.discovered_at,
            estimated_affected_users: b.estimated_affected_users,
            breach_occurred_at: b.breach_occurred_at,
            contained_at: b.contained_at,
            resolved_at: b.resolved_at,
            discovered_by: b.discovered_by,
            discovery_method: b.discovery_method,
            internal_notification_date: b.internal_notification_date,
            dpa_notification_date: b.dpa_notification_date,
            users_notification_date: b.users_notification_date,
            likely_consequences: b.likely_consequences,
            technical_measures: b.technical_measures,
            organizational_measures: b.organizational_measures,
            remediation_steps: b.remediation_steps,
            notes: b.notes,
            created_at: b.created_at,
            updated_at: b.updated_at,
            created_by_user_id: b.created_by_user_id,
        }
    }

    fn list(rows: Vec<st::BreachRow>) -> Vec<Breach> {
        let now = store::now();
        rows.into_iter().map(|b| Breach::of(b, now)).collect()
    }
}

// ---- Recording a breach ----

/// The vocabularies, for the document (the parser checks against `domain::gdpr`'s lists).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BreachSeverity {
    Low,
    Medium,
    High,
    Critical,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BreachRiskLevel {
    Low,
    Moderate,
    High,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BreachStatus {
    Open,
    Investigating,
    Contained,
    Resolved,
    Closed,
}

#[derive(ToSchema)]
pub struct CreateBreach {
    /// e.g. `unauthorized_access`, `data_leak`, `system_compromise`, `accidental_disclosure`.
    #[schema(min_length = 1, max_length = 50)]
    pub breach_type: String,
    #[schema(value_type = BreachSeverity)]
    pub severity: String,
    #[schema(min_length = 1, max_length = 10000)]
    pub description: String,
    /// `moderate` and `high` require telling the authority, `high` also the users.
    #[schema(value_type = BreachRiskLevel)]
    pub risk_level: String,
    #[schema(max_items = 50)]
    pub affected_data_categories: Vec<String>,
    /// Default 0.
    #[schema(minimum = 0, maximum = 2147483647)]
    pub estimated_affected_users: Option<i64>,
    /// ISO-8601 (an offset is converted to UTC); unknown when absent.
    #[schema(value_type = Option<String>)]
    pub breach_occurred_at: Option<NaiveDateTime>,
    #[schema(max_length = 100)]
    pub discovered_by: Option<String>,
    #[schema(max_length = 100)]
    pub discovery_method: Option<String>,
}

/// An optional text: blank reads as absent.
fn opt_text(o: &mut Obj<'_>, field: &str, max: usize) -> Option<String> {
    let v = o.opt_str(field)?;
    o.max_chars(field, &v, max);
    Some(v).filter(|v| !v.trim().is_empty())
}

/// A required text of 1 to `max` characters.
fn text(o: &mut Obj<'_>, field: &str, max: usize) -> String {
    let v = o.req_str(field);
    if o.has_str(field) {
        o.min_chars(field, v.trim(), 1);
    }
    o.max_chars(field, &v, max);
    v
}

impl RequestBody for CreateBreach {
    fn read(o: &mut Obj<'_>) -> Self {
        let breach_type = text(o, "breach_type", gdpr::BREACH_TYPE_CHARS);
        let severity = o.req_str("severity");
        o.one_of("severity", &severity, BREACH_SEVERITIES);
        let description = text(o, "description", gdpr::BREACH_TEXT_CHARS);
        let risk_level = o.req_str("risk_level");
        o.one_of("risk_level", &risk_level, BREACH_RISK_LEVELS);
        let categories = o.req_str_list("affected_data_categories");
        o.max_items(
            "affected_data_categories",
            &categories,
            gdpr::BREACH_CATEGORIES,
        );
        o.max_item_chars(
            "affected_data_categories",
            &categories,
            gdpr::BREACH_CATEGORY_CHARS,
        );
        let users = o.int_or("estimated_affected_users", 0);
        o.int_range("estimated_affected_users", users, 0, i64::from(i32::MAX));
        CreateBreach {
            breach_type,
            severity,
            description,
            risk_level,
            affected_data_categories: categories,
            estimated_affected_users: Some(users),
            breach_occurred_at: o.opt_datetime("breach_occurred_at"),
            discovered_by: opt_text(o, "discovered_by", gdpr::BREACH_DISCOVERED_BY_CHARS),
            discovery_method: opt_text(o, "discovery_method", gdpr::BREACH_DISCOVERY_METHOD_CHARS),
        }
    }
}

/// Record a breach (status `open`); the duties follow from its risk, and the internal team is
/// emailed at once (`internal_team_notified` says whether that worked). 200, as the old service.
#[utoipa::path(post, path = "/api/v1/admin/breach/create", tag = "admin", security(("bearer" = [])),
    request_body = CreateBreach, responses((status = 200, body = Breach)))]
pub async fn create_breach(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    BreachJson { admin, body, .. }: BreachJson<CreateBreach>,
) -> ApiResult<Json<Breach>> {
    let now = store::now();
    let mut row = st::create(
        &state.db,
        &st::NewBreach {
            breach_type: &body.breach_type,
            severity: &body.severity,
            description: &body.description,
            risk_level: &body.risk_level,
            affected_data_categories: &body.affected_data_categories,
            estimated_affected_users: i32::try_from(body.estimated_affected_users.unwrap_or(0))
                .unwrap_or(i32::MAX),
            breach_occurred_at: body.breach_occurred_at,
            discovered_by: body.discovered_by.as_deref(),
            discovery_method: body.discovery_method.as_deref(),
            created_by_user_id: admin.0.user.id,
            now,
        },
        &audit_of(&admin, &rid),
    )
    .await?;
    tracing::warn!(breach_id = row.id, severity = %row.severity, risk = %row.risk_level, "personal-data breach recorded");
    if tell_internal_team(&state, &row).await {
        st::mark_internal_notified(&state.db, row.id, now).await?;
        row.internal_team_notified = Some(true);
        row.internal_notification_date = Some(now);
    }
    Ok(Json(Breach::of(row, now)))
}

/// Email the internal team about a breach just recorded; whether it went.
async fn tell_internal_team(state: &AppState, row: &st::BreachRow) -> bool {
    let Some(to) = state.settings.breach_internal_email.as_deref() else {
        tracing::warn!(
            breach_id = row.id,
            "BREACH_INTERNAL_EMAIL is not set: nobody was alerted of this breach"
        );
        return false;
    };
    let categories = row.categories();
    let email = templates::breach_internal(to, &facts(state, row, &categories));
    match state.mailer.send_now(&email).await {
        Ok(()) => true,
        Err(e) => {
            tracing::error!(breach_id = row.id, error = %e, "the internal team's breach alert was not sent");
            false
        }
    }
}

// ---- Telling the supervisory authority ----

#[derive(ToSchema)]
pub struct NotifyDpa {
    pub breach_id: i64,
    #[schema(min_length = 1, max_length = 10000)]
    pub likely_consequences: String,
    #[schema(min_length = 1, max_length = 10000)]
    pub technical_measures: String,
    #[schema(min_length = 1, max_length = 10000)]
    pub organizational_measures: String,
    #[schema(min_length = 1, max_length = 10000)]
    pub remediation_steps: String,
}

impl RequestBody for NotifyDpa {
    fn read(o: &mut Obj<'_>) -> Self {
        NotifyDpa {
            breach_id: o.req_int("breach_id"),
            likely_consequences: text(o, "likely_consequences", gdpr::BREACH_TEXT_CHARS),
            technical_measures: text(o, "technical_measures", gdpr::BREACH_TEXT_CHARS),
            organizational_measures: text(o, "organizational_measures", gdpr::BREACH_TEXT_CHARS),
            remediation_steps: text(o, "remediation_steps", gdpr::BREACH_TEXT_CHARS),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct BreachMessage {
    message: String,
    breach_id: i64,
}

/// The 400 of a breach whose risk does not require telling the authority (the old service's
/// text, which also covered a failure).
const DPA_NOT_REQUIRED: &str = "DPA notification not required or failed";

/// Email the supervisory authority (`BREACH_DPA_EMAIL`) the breach and the assessment, then
/// record it. Late (past 72 hours) is still sent, and logged. Sending again sends a follow-up and
/// keeps the first date.
#[utoipa::path(post, path = "/api/v1/admin/breach/notify-dpa", tag = "admin", security(("bearer" = [])),
    request_body = NotifyDpa,
    responses((status = 200, body = BreachMessage),
        (status = 400, description = "Not required for this risk, no `BREACH_DPA_EMAIL`, or the email could not be sent"),
        (status = 404, description = "`Breach {id} not found`")))]
pub async fn notify_breach_dpa(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    BreachJson { admin, body, .. }: BreachJson<NotifyDpa>,
) -> ApiResult<Json<BreachMessage>> {
    let id = body.breach_id;
    let breach = st::get(&state.db, id).await?.ok_or_else(|| not_found(id))?;
    if !breach.dpa_required() {
        return Err(ApiError::bad_request(DPA_NOT_REQUIRED));
    }
    let Some(to) = state.settings.breach_dpa_email.as_deref() else {
        return Err(ApiError::bad_request(
            "DPA notification failed: BREACH_DPA_EMAIL (the supervisory authority's address) is not set",
        ));
    };
    let now = store::now();
    if now > gdpr::dpa_deadline(breach.discovered_at) {
        tracing::warn!(breach_id = id, discovered_at = %breach.discovered_at, "the supervisory authority is told of a breach after its 72 hours");
    }
    let categories = breach.categories();
    let email = templates::breach_dpa(
        to,
        &facts(&state, &breach, &categories),
        &mail_time(Some(now), ""),
        &body.likely_consequences,
        &body.technical_measures,
        &body.organizational_measures,
        &body.remediation_steps,
    );
    if let Err(e) = state.mailer.send_now(&email).await {
        tracing::error!(breach_id = id, error = %e, "the supervisory authority's breach notification was not sent");
        return Err(ApiError::bad_request(
            "DPA notification failed: the email could not be sent",
        ));
    }
    let assessment = st::DpaAssessment {
        likely_consequences: &body.likely_consequences,
        technical_measures: &body.technical_measures,
        organizational_measures: &body.organizational_measures,
        remediation_steps: &body.remediation_steps,
    };
    st::record_dpa_notification(&state.db, id, &assessment, now, &audit_of(&admin, &rid))
        .await?
        .ok_or_else(|| not_found(id))?;
    Ok(Json(BreachMessage {
        message: "DPA notified successfully".into(),
        breach_id: id,
    }))
}

// ---- Telling the users ----

#[derive(ToSchema)]
pub struct NotifyUsers {
    pub breach_id: i64,
    /// What the users should do (in the email).
    #[schema(min_length = 1, max_length = 10000)]
    pub user_actions: String,
}

impl RequestBody for NotifyUsers {
    fn read(o: &mut Obj<'_>) -> Self {
        NotifyUsers {
            breach_id: o.req_int("breach_id"),
            user_actions: text(o, "user_actions", gdpr::BREACH_TEXT_CHARS),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UsersNotified {
    message: String,
    breach_id: i64,
    /// How many accounts are being emailed.
    users_notified: i64,
}

/// Email every active, non-deleted account about a breach whose risk is `high` (the old
/// service's rule: it cannot tell which accounts a breach touched). Answered at once with the
/// number of accounts; the emails go out in the background, one after the other, recorded as
/// they go, so a restart or a mail outage delays them but loses none (`jobs::breach_notices`),
/// and a summary is logged. Sent once: a second request is 409.
#[utoipa::path(post, path = "/api/v1/admin/breach/notify-users", tag = "admin", security(("bearer" = [])),
    request_body = NotifyUsers,
    responses((status = 200, body = UsersNotified),
        (status = 400, description = "`User notification not required or no users to notify`"),
        (status = 404, description = "`Breach {id} not found`"),
        (status = 409, description = "The users were already notified")))]
pub async fn notify_breach_users(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    BreachJson { admin, body, .. }: BreachJson<NotifyUsers>,
) -> ApiResult<Json<UsersNotified>> {
    let id = body.breach_id;
    let now = store::now();
    match st::claim_user_notification(
        &state.db,
        id,
        &body.user_actions,
        now,
        &audit_of(&admin, &rid),
    )
    .await?
    {
        st::UsersClaim::NotFound => Err(not_found(id)),
        st::UsersClaim::NotRequired | st::UsersClaim::NoUsers => Err(ApiError::bad_request(
            "User notification not required or no users to notify",
        )),
        st::UsersClaim::AlreadyNotified => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            format!("Users were already notified of breach {id}"),
        )),
        st::UsersClaim::Claimed { count, .. } => {
            let sender = state.clone();
            tokio::spawn(async move { send_user_notices(&sender, id).await });
            Ok(Json(UsersNotified {
                message: format!("Notified {count} users successfully"),
                breach_id: id,
                users_notified: count,
            }))
        }
    }
}

// ---- The status ----

#[derive(ToSchema)]
pub struct UpdateBreachStatus {
    #[schema(value_type = BreachStatus)]
    pub status: String,
    /// Set only when given.
    #[schema(value_type = Option<String>)]
    pub contained_at: Option<NaiveDateTime>,
    #[schema(value_type = Option<String>)]
    pub resolved_at: Option<NaiveDateTime>,
    /// Appended to the notes on a new line, with the time.
    #[schema(max_length = 5000)]
    pub notes: Option<String>,
}

impl RequestBody for UpdateBreachStatus {
    fn read(o: &mut Obj<'_>) -> Self {
        let status = o.req_str("status");
        o.one_of("status", &status, BREACH_STATUSES);
        UpdateBreachStatus {
            status,
            contained_at: o.opt_datetime("contained_at"),
            resolved_at: o.opt_datetime("resolved_at"),
            notes: opt_text(o, "notes", gdpr::BREACH_NOTE_CHARS),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StatusUpdated {
    message: &'static str,
    breach_id: i64,
    new_status: String,
}

/// Move a breach to another status; a note is appended to its notes with the time.
#[utoipa::path(patch, path = "/api/v1/admin/breach/{breach_id}/status", tag = "admin", security(("bearer" = [])),
    params(("breach_id" = i64, Path)), request_body = UpdateBreachStatus,
    responses((status = 200, body = StatusUpdated), (status = 404, description = "`Breach {id} not found`")))]
pub async fn update_breach_status(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    BreachJson {
        admin,
        body,
        path: BreachId(id),
    }: BreachJson<UpdateBreachStatus, BreachId>,
) -> ApiResult<Json<StatusUpdated>> {
    let now = store::now();
    let note = body.notes.as_deref().map(|n| gdpr::note_line(now, n));
    st::update_status(
        &state.db,
        id,
        &body.status,
        body.contained_at,
        body.resolved_at,
        note.as_deref(),
        now,
        &audit_of(&admin, &rid),
    )
    .await?
    .ok_or_else(|| not_found(id))?;
    Ok(Json(StatusUpdated {
        message: "Breach status updated successfully",
        breach_id: id,
        new_status: body.status,
    }))
}

// ---- Reading the register ----

/// Breaches not closed, the latest discovered first.
#[utoipa::path(get, path = "/api/v1/admin/breach/active", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [Breach])))]
pub async fn active_breaches(
    State(state): State<AppState>,
    _a: BreachAdmin,
) -> ApiResult<Json<Vec<Breach>>> {
    Ok(Json(Breach::list(st::active(&state.db).await?)))
}

/// Breaches the supervisory authority must be told of and was not, the earliest discovered
/// first. Unlike the old service's list, one past its 72 hours stays (flagged
/// `dpa_notification_overdue`): it is still to be notified, and most urgently.
#[utoipa::path(get, path = "/api/v1/admin/breach/pending-dpa-notification", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [Breach])))]
pub async fn breaches_pending_dpa(
    State(state): State<AppState>,
    _a: BreachAdmin,
) -> ApiResult<Json<Vec<Breach>>> {
    Ok(Json(Breach::list(st::pending_dpa(&state.db).await?)))
}

/// One breach, whole.
#[utoipa::path(get, path = "/api/v1/admin/breach/{breach_id}", tag = "admin", security(("bearer" = [])),
    params(("breach_id" = i64, Path)),
    responses((status = 200, body = Breach), (status = 404, description = "`Breach {id} not found`")))]
pub async fn get_breach(
    State(state): State<AppState>,
    _a: BreachAdmin,
    BreachId(id): BreachId,
) -> ApiResult<Json<Breach>> {
    let row = st::get(&state.db, id).await?.ok_or_else(|| not_found(id))?;
    Ok(Json(Breach::of(row, store::now())))
}

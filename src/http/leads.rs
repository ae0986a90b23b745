//! `/api/v1/admin/contact-requests` and `/api/v1/admin/waitlist`: the admin lists of
//! expert-contact requests and waitlist entries, filtered and paged with a total, and closing
//! one (idempotent, audited).

use axum::Json;
use axum::extract::{Extension, State};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::admin::{audit_of, bounded};
use super::error::{ApiError, ApiResult, FieldError};
use super::extract::{AdminUser, QueryMap, page_limit};
use super::middleware::RequestId;
use crate::app::AppState;
use crate::store;
use crate::store::contact::{ContactRow, LeadFilter};
use crate::store::waitlist::WaitlistRow;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_contact_requests))
        .routes(routes!(close_contact_request))
        .routes(routes!(list_waitlist))
        .routes(routes!(close_waitlist_entry))
}

/// The largest page of the lead lists; a larger `limit` is capped (as the admin user list does).
pub const MAX_LEAD_PAGE: i64 = 500;
/// The page size when `limit` is absent.
pub const DEFAULT_LEAD_PAGE: i64 = 50;
/// The longest search text.
pub const MAX_SEARCH_CHARS: usize = 120;

const LIMIT_DOC: &str = "Page size, default 50. A larger value is capped at 500 (not refused); a negative value is 500.";
const STATUS_DOC: &str = "`open`, `closed` or `all` (default)";
const Q_DOC: &str = "Case-insensitive substring of the email (or the name), applied before paging: `total` counts the matches";
const FROM_DOC: &str = "Created at or after (ISO-8601 date-time, or a date at midnight UTC)";
const TO_DOC: &str = "Created at or before (ISO-8601 date-time, or a date at midnight UTC)";

/// The query of both lists: `status`, `q`, `created_from`, `created_to`, `skip`, `limit`.
fn filter_of(q: &QueryMap) -> Result<LeadFilter, ApiError> {
    let mut o = q.obj();
    let status = o.opt_str("status");
    let closed = match status.as_deref().map(str::trim) {
        None | Some("") | Some("all") => None,
        Some("open") => Some(false),
        Some("closed") => Some(true),
        Some(other) => {
            o.push(FieldError {
                kind: "literal_error",
                loc: vec![json!("query"), json!("status")],
                msg: "Input should be 'open', 'closed' or 'all'".into(),
                input: json!(other),
                ctx: Some(json!({"expected": "'open', 'closed' or 'all'"})),
            });
            None
        }
    };
    let search = o
        .opt_str("q")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(s) = &search {
        o.max_chars("q", s, MAX_SEARCH_CHARS);
    }
    let created_from = o.opt_datetime("created_from");
    let created_to = o.opt_datetime("created_to");
    let skip = o.int_or("skip", 0);
    bounded(&mut o, "skip", skip, 0, None);
    let limit = o.int_or("limit", DEFAULT_LEAD_PAGE);
    o.finish()?;
    Ok(LeadFilter {
        closed,
        search,
        created_from,
        created_to,
        skip,
        limit: page_limit(limit, MAX_LEAD_PAGE),
    })
}

fn status_of(closed: bool) -> &'static str {
    if closed { "closed" } else { "open" }
}

/// A JSON list stored as text, or `null`.
fn list_of(text: Option<String>) -> Option<Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

/// An expert-contact request.
#[derive(Serialize, ToSchema)]
pub struct ContactRequestAdmin {
    id: i32,
    user_id: Option<i32>,
    name: String,
    email: String,
    company: Option<String>,
    phone: Option<String>,
    message: String,
    /// Where the request came from (`artifact_panel`).
    source: String,
    #[schema(value_type = Option<Vec<String>>)]
    selected_experts: Option<Value>,
    /// `open` or `closed`.
    status: &'static str,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    /// When an admin closed it.
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    closed_at: Option<NaiveDateTime>,
}

impl From<ContactRow> for ContactRequestAdmin {
    fn from(r: ContactRow) -> Self {
        ContactRequestAdmin {
            id: r.id,
            user_id: r.user_id,
            name: r.name,
            email: r.email,
            company: r.company,
            phone: r.phone,
            message: r.message,
            source: r.source,
            selected_experts: list_of(r.selected_experts),
            status: status_of(r.contacted_at.is_some()),
            created_at: r.created_at,
            closed_at: r.contacted_at,
        }
    }
}

/// A page of expert-contact requests.
#[derive(Serialize, ToSchema)]
pub struct ContactRequestPage {
    items: Vec<ContactRequestAdmin>,
    /// How many requests match the filters (all pages).
    total: i64,
    skip: i64,
    limit: i64,
}

/// A waitlist entry.
#[derive(Serialize, ToSchema)]
pub struct WaitlistEntryAdmin {
    id: i32,
    email: String,
    #[schema(value_type = Option<Vec<String>>)]
    interested_agents: Option<Value>,
    /// `open` or `closed`.
    status: &'static str,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    /// When an admin closed it.
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    closed_at: Option<NaiveDateTime>,
}

impl From<WaitlistRow> for WaitlistEntryAdmin {
    fn from(r: WaitlistRow) -> Self {
        WaitlistEntryAdmin {
            id: r.id,
            email: r.email,
            interested_agents: list_of(r.interested_agents),
            status: status_of(r.notified.unwrap_or(false)),
            created_at: r.created_at,
            closed_at: r.notified_at,
        }
    }
}

/// A page of waitlist entries.
#[derive(Serialize, ToSchema)]
pub struct WaitlistPage {
    items: Vec<WaitlistEntryAdmin>,
    /// How many entries match the filters (all pages).
    total: i64,
    skip: i64,
    limit: i64,
}

crate::int_path_param!(
    /// `{request_id}`: an integer, or 422 `int_parsing`.
    RequestIdParam,
    "request_id"
);

crate::int_path_param!(
    /// `{entry_id}`: an integer, or 422 `int_parsing`.
    EntryId,
    "entry_id"
);

/// Expert-contact requests, newest first: filtered, then `limit` from `skip`, with the total.
#[utoipa::path(get, path = "/api/v1/admin/contact-requests", tag = "admin", security(("bearer" = [])),
    params(("status" = Option<String>, Query, description = STATUS_DOC),
        ("q" = Option<String>, Query, max_length = 120, description = Q_DOC),
        ("created_from" = Option<String>, Query, description = FROM_DOC),
        ("created_to" = Option<String>, Query, description = TO_DOC),
        ("skip" = Option<i64>, Query, minimum = 0),
        ("limit" = Option<i64>, Query, maximum = 500, description = LIMIT_DOC)),
    responses((status = 200, description = "A page of requests", body = ContactRequestPage),
        (status = 403),
        (status = 422)))]
pub async fn list_contact_requests(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<ContactRequestPage>> {
    let f = filter_of(&q)?;
    let (rows, total) = store::contact::page(&state.db, &f).await?;
    Ok(Json(ContactRequestPage {
        items: rows.into_iter().map(ContactRequestAdmin::from).collect(),
        total,
        skip: f.skip,
        limit: f.limit,
    }))
}

/// Close an expert-contact request (idempotent: closing a closed one returns it unchanged).
#[utoipa::path(post, path = "/api/v1/admin/contact-requests/{request_id}/close", tag = "admin",
    security(("bearer" = [])), params(("request_id" = i64, Path)),
    responses((status = 200, description = "The closed request", body = ContactRequestAdmin),
        (status = 403),
        (status = 404), (status = 422)))]
pub async fn close_contact_request(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    RequestIdParam(id): RequestIdParam,
) -> ApiResult<Json<ContactRequestAdmin>> {
    store::contact::close(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await?
        .map(|r| Json(ContactRequestAdmin::from(r)))
        .ok_or_else(|| ApiError::not_found("Contact request not found"))
}

/// Waitlist entries, newest first: filtered, then `limit` from `skip`, with the total.
#[utoipa::path(get, path = "/api/v1/admin/waitlist", tag = "admin", security(("bearer" = [])),
    params(("status" = Option<String>, Query, description = STATUS_DOC),
        ("q" = Option<String>, Query, max_length = 120, description = Q_DOC),
        ("created_from" = Option<String>, Query, description = FROM_DOC),
        ("created_to" = Option<String>, Query, description = TO_DOC),
        ("skip" = Option<i64>, Query, minimum = 0),
        ("limit" = Option<i64>, Query, maximum = 500, description = LIMIT_DOC)),
    responses((status = 200, description = "A page of entries", body = WaitlistPage),
        (status = 403),
        (status = 422)))]
pub async fn list_waitlist(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<WaitlistPage>> {
    let f = filter_of(&q)?;
    let (rows, total) = store::waitlist::page(&state.db, &f).await?;
    Ok(Json(WaitlistPage {
        items: rows.into_iter().map(WaitlistEntryAdmin::from).collect(),
        total,
        skip: f.skip,
        limit: f.limit,
    }))
}

/// Close a waitlist entry (idempotent: closing a closed one returns it unchanged).
#[utoipa::path(post, path = "/api/v1/admin/waitlist/{entry_id}/close", tag = "admin",
    security(("bearer" = [])), params(("entry_id" = i64, Path)),
    responses((status = 200, description = "The closed entry", body = WaitlistEntryAdmin),
        (status = 403),
        (status = 404), (status = 422)))]
pub async fn close_waitlist_entry(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    EntryId(id): EntryId,
) -> ApiResult<Json<WaitlistEntryAdmin>> {
    store::waitlist::close(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await?
        .map(|r| Json(WaitlistEntryAdmin::from(r)))
        .ok_or_else(|| ApiError::not_found("Waitlist entry not found"))
}

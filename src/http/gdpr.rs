//! The GDPR endpoints of the current React app under `/api/v1/profile` (decision L7,
//! `latest-app.md` §1.2): the data export (Art. 20), the processing log (Art. 30) and the
//! restriction of processing (Art. 18). Each reads or writes only the caller's own data.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, State};
use axum::http::{HeaderValue, header, request::Parts};
use axum::response::Response;
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::mpsc;
use utoipa::ToSchema;

use super::admin::bounded;
use super::error::{ApiError, ApiResult};
use super::extract::{CurrentUser, Obj, QueryMap, RequestBody, UserJson, client_ip};
use crate::app::AppState;
use crate::domain::gdpr::{self, Activity};
use crate::store::{self, Db, gdpr as st};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_data))
        .routes(routes!(processing_logs))
        .routes(routes!(request_restriction))
        .routes(routes!(cancel_restriction))
        .routes(routes!(restriction_status))
}

/// What a processing-log row records of the request that processed the data: its path and
/// method, the client address (a trusted proxy's `X-Forwarded-For` believed, as for the rate
/// limits) and its `User-Agent`.
#[derive(Clone, Debug)]
pub struct Trace {
    endpoint: String,
    method: String,
    ip: String,
    user_agent: Option<String>,
}

impl FromRequestParts<AppState> for Trace {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Trace {
            endpoint: parts.uri.path().to_string(),
            method: parts.method.as_str().to_string(),
            ip: client_ip(
                &parts.extensions,
                &parts.headers,
                &state.settings.trusted_proxies,
            )
            .to_string(),
            user_agent: parts
                .headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
        })
    }
}

impl Trace {
    /// The log row of `activity` on the data of `user_id`, done by this request now.
    pub fn log<'a>(
        &'a self,
        user_id: i32,
        activity: Activity,
        purpose: &'a str,
        data_categories: &'a [&'a str],
        legal_basis: &'a str,
    ) -> st::NewLog<'a> {
        st::NewLog {
            user_id,
            activity,
            purpose,
            data_categories,
            legal_basis,
            endpoint: Some(&self.endpoint),
            method: Some(&self.method),
            ip_address: Some(self.ip.clone()),
            user_agent: self.user_agent.as_deref(),
            performed_by_user_id: None,
            now: store::now(),
        }
    }
}

/// The data categories a profile read processes (the old service's words).
pub const PROFILE_CATEGORIES: &[&str] = &["profile", "usage_stats", "contact_requests"];
const EXPORT_CATEGORIES: &[&str] = &[
    "profile",
    "conversations",
    "messages",
    "surveys",
    "agent_access",
    "contact_requests",
];
const RESTRICTION_CATEGORIES: &[&str] = &["profile", "processing_status"];

/// A stored JSON text as JSON; text that is not JSON stays a string, NULL is `null`.
fn json_or_text(text: Option<String>) -> Value {
    match text {
        None => Value::Null,
        Some(t) => serde_json::from_str(&t).unwrap_or(Value::String(t)),
    }
}

// ---- The export's parts ----

#[derive(Serialize, ToSchema)]
pub struct ExportMetadata {
    /// When the file was made (UTC).
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    export_date: NaiveDateTime,
    /// `JSON`.
    export_format: &'static str,
    gdpr_article: &'static str,
    /// `DATA_CONTROLLER`.
    data_controller: String,
}

/// The account, its plan and usage, and its deletion and restriction requests.
#[derive(Serialize, ToSchema)]
pub struct ExportProfile {
    id: i32,
    username: String,
    full_name: Option<String>,
    role: Option<String>,
    is_active: Option<bool>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    email_verified: Option<bool>,
    plan_type: Option<String>,
    query_count: Option<i32>,
    monthly_query_count: Option<i32>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    last_query_date: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    plan_start_date: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    plan_end_date: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    deletion_requested_at: Option<NaiveDateTime>,
    deletion_reason: Option<String>,
    processing_restricted: bool,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    restriction_requested_at: Option<NaiveDateTime>,
    restriction_reason: Option<String>,
    restriction_grounds: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GdprConsents {
    gdpr_consent_given: Option<bool>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    gdpr_consent_date: Option<NaiveDateTime>,
    terms_accepted: Option<bool>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    terms_accepted_date: Option<NaiveDateTime>,
    marketing_consent: Option<bool>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    marketing_consent_date: Option<NaiveDateTime>,
    privacy_policy_version: Option<String>,
    terms_version: Option<String>,
}

fn profile_parts(u: st::ExportUser) -> (ExportProfile, GdprConsents) {
    let consents = GdprConsents {
        gdpr_consent_given: u.gdpr_consent_given,
        gdpr_consent_date: u.gdpr_consent_date,
        terms_accepted: u.terms_accepted,
        terms_accepted_date: u.terms_accepted_date,
        marketing_consent: u.marketing_consent,
        marketing_consent_date: u.marketing_consent_date,
        privacy_policy_version: u.privacy_policy_version,
        terms_version: u.terms_version,
    };
    let profile = ExportProfile {
        id: u.id,
        username: u.username,
        full_name: u.full_name,
        role: u.role,
        is_active: u.is_active,
        created_at: u.created_at,
        email_verified: u.email_verified,
        plan_type: u.plan_type,
        query_count: u.query_count,
        monthly_query_count: u.monthly_query_count,
        last_query_date: u.last_query_date,
        plan_start_date: u.plan_start_date,
        plan_end_date: u.plan_end_date,
        deletion_requested_at: u.deletion_requested_at,
        deletion_reason: u.deletion_reason,
        processing_restricted: u.processing_restricted.unwrap_or(false),
        restriction_requested_at: u.restriction_requested_at,
        restriction_reason: u.restriction_reason,
        restriction_grounds: u.restriction_grounds,
    };
    (profile, consents)
}

/// A message: `content` is the stored envelope, parsed.
#[derive(Serialize, ToSchema)]
pub struct ExportMessage {
    id: i32,
    sender: Option<String>,
    agent_type: Option<String>,
    #[schema(value_type = Object)]
    content: Value,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    timestamp: Option<NaiveDateTime>,
}

/// A conversation's fields before its messages (the file writes them a page at a time).
#[derive(Serialize)]
struct ConversationHead {
    id: i32,
    title: Option<String>,
    agent_type: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    created_at: Option<NaiveDateTime>,
}

/// A conversation with all its messages, oldest first.
#[derive(ToSchema)]
// Documents the file: its conversations are written as they are read, never held whole.
#[expect(
    dead_code,
    reason = "a schema for the OpenAPI document only: the export is streamed, never built as this type"
)]
pub struct ExportConversation {
    id: i32,
    title: Option<String>,
    agent_type: Option<String>,
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    messages: Vec<ExportMessage>,
    message_count: i64,
}

#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "a schema for the OpenAPI document only: the export is streamed, never built as this type"
)]
pub struct ExportConversations {
    /// Every conversation of the user, oldest first.
    data: Vec<ExportConversation>,
    total_conversations: i64,
    total_messages: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ExportSurvey1 {
    role: Option<String>,
    role_other: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    regions: Value,
    familiarity: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    insights: Value,
    tailored: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    bonus_queries_granted: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ExportSurvey2 {
    work_focus: Option<String>,
    work_focus_other: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    pv_segments: Value,
    #[schema(value_type = Option<Vec<String>>)]
    technologies: Value,
    technologies_other: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    challenges: Value,
    weekly_insight: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    bonus_queries_granted: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ExportSurveys {
    stage1: Option<ExportSurvey1>,
    stage2: Option<ExportSurvey2>,
}

/// An agent the user hired (`is_active` false: released since).
#[derive(Serialize, ToSchema)]
pub struct ExportHire {
    agent_type: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    hired_at: Option<NaiveDateTime>,
    is_active: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ExportContact {
    id: i32,
    name: String,
    email: String,
    company: Option<String>,
    phone: Option<String>,
    message: String,
    source: String,
    status: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    selected_experts: Value,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
}

/// The user's address on the waitlist, with what was stored of the request that joined it.
#[derive(Serialize, ToSchema)]
pub struct ExportWaitlistEntry {
    email: String,
    #[schema(value_type = Object)]
    interested_agents: Value,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    ip_address: Option<String>,
    user_agent: Option<String>,
}

/// An agent an admin granted the user (`is_active` false: revoked).
#[derive(Serialize, ToSchema)]
pub struct ExportGrant {
    agent_type: String,
    is_active: bool,
    unlimited_queries: bool,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    granted_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    expires_at: Option<NaiveDateTime>,
    reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ExportLog {
    activity_type: String,
    purpose: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    data_categories: Value,
    legal_basis: Option<String>,
    endpoint: Option<String>,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    timestamp: NaiveDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct ExportLogs {
    description: &'static str,
    /// The latest 100 rows, newest first.
    data: Vec<ExportLog>,
}

/// Everything stored about the user, as the downloaded file holds it. `waitlist` and
/// `agent_grants` (and the account-state keys of `user_profile`) are ours; the rest is the old
/// service's file.
#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "a schema for the OpenAPI document only: the export is streamed, never built as this type"
)]
pub struct DataExport {
    export_metadata: ExportMetadata,
    user_profile: ExportProfile,
    gdpr_consents: GdprConsents,
    conversations: ExportConversations,
    surveys: ExportSurveys,
    hired_agents: Vec<ExportHire>,
    contact_requests: Vec<ExportContact>,
    waitlist: Vec<ExportWaitlistEntry>,
    agent_grants: Vec<ExportGrant>,
    data_processing_logs: ExportLogs,
}

/// The file's text before the conversations (ending in `"conversations":{"data":[`) and after
/// them (from `,"surveys":` to the closing brace).
async fn export_frame(
    state: &AppState,
    user_id: i32,
    now: NaiveDateTime,
) -> ApiResult<(Vec<u8>, Vec<u8>)> {
    let db = &state.db;
    let me = st::export_user(db, user_id)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("user vanished during export")))?;
    let (s1, s2) = st::export_surveys(db, user_id).await?;
    let hires = st::export_hires(db, user_id).await?;
    let contacts = st::export_contacts(db, user_id, &me.username).await?;
    let waitlist = st::export_waitlist(db, &me.username).await?;
    let grants = store::agents::user_grants(db, user_id).await?;
    let logs = st::logs(db, user_id, gdpr::EXPORT_LOG_ROWS, 0).await?;
    let (profile, consents) = profile_parts(me);

    let mut head = Vec::with_capacity(4096);
    head.extend_from_slice(b"{\"export_metadata\":");
    head.extend(ser(&ExportMetadata {
        export_date: now,
        export_format: "JSON",
        gdpr_article: "Article 20 - Right to Data Portability",
        data_controller: state.settings.data_controller.clone(),
    }));
    head.extend_from_slice(b",\"user_profile\":");
    head.extend(ser(&profile));
    head.extend_from_slice(b",\"gdpr_consents\":");
    head.extend(ser(&consents));
    head.extend_from_slice(b",\"conversations\":{\"data\":[");

    let mut tail = Vec::with_capacity(4096);
    tail.extend_from_slice(b",\"surveys\":");
    tail.extend(ser(&ExportSurveys {
        stage1: s1.map(|s| ExportSurvey1 {
            role: s.role,
            role_other: s.role_other,
            regions: json_or_text(s.regions),
            familiarity: s.familiarity,
            insights: json_or_text(s.insights),
            tailored: s.tailored,
            created_at: s.created_at,
            bonus_queries_granted: s.bonus_queries_granted,
        }),
        stage2: s2.map(|s| ExportSurvey2 {
            work_focus: s.work_focus,
            work_focus_other: s.work_focus_other,
            pv_segments: json_or_text(s.pv_segments),
            technologies: json_or_text(s.technologies),
            technologies_other: s.technologies_other,
            challenges: json_or_text(s.challenges),
            weekly_insight: s.weekly_insight,
            created_at: s.created_at,
            bonus_queries_granted: s.bonus_queries_granted,
        }),
    }));
    tail.extend_from_slice(b",\"hired_agents\":");
    let hires: Vec<ExportHire> = hires
        .into_iter()
        .map(|h| ExportHire {
            agent_type: h.agent_type,
            hired_at: h.hired_at,
            is_active: h.is_active.unwrap_or(false),
        })
        .collect();
    tail.extend(ser(&hires));
    tail.extend_from_slice(b",\"contact_requests\":");
    let contacts: Vec<ExportContact> = contacts
        .into_iter()
        .map(|c| ExportContact {
            id: c.id,
            name: c.name,
            email: c.email,
            company: c.company,
            phone: c.phone,
            message: c.message,
            source: c.source,
            status: c.status,
            selected_experts: json_or_text(c.selected_experts),
            created_at: c.created_at,
        })
        .collect();
    tail.extend(ser(&contacts));
    tail.extend_from_slice(b",\"waitlist\":");
    let waitlist: Vec<ExportWaitlistEntry> = waitlist
        .into_iter()
        .map(|w| ExportWaitlistEntry {
            email: w.email,
            interested_agents: json_or_text(w.interested_agents),
            created_at: w.created_at,
            ip_address: w.ip_address,
            user_agent: w.user_agent,
        })
        .collect();
    tail.extend(ser(&waitlist));
    tail.extend_from_slice(b",\"agent_grants\":");
    let grants: Vec<ExportGrant> = grants
        .into_iter()
        .map(|g| ExportGrant {
            agent_type: g.agent_type,
            is_active: g.is_active.unwrap_or(false),
            unlimited_queries: g.unlimited_queries.unwrap_or(false),
            granted_at: g.granted_at,
            expires_at: g.expires_at,
            reason: g.reason,
        })
        .collect();
    tail.extend(ser(&grants));
    tail.extend_from_slice(b",\"data_processing_logs\":");
    tail.extend(ser(&ExportLogs {
        description: "Last 100 data processing activities for transparency",
        data: logs
            .into_iter()
            .map(|l| ExportLog {
                activity_type: l.activity_type,
                purpose: l.purpose,
                data_categories: json_or_text(l.data_categories),
                legal_basis: l.legal_basis,
                endpoint: l.endpoint,
                timestamp: l.timestamp,
            })
            .collect(),
    }));
    tail.push(b'}');
    Ok((head, tail))
}

fn ser<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("export parts serialise")
}

/// Conversations read per query, and messages per query, while the file is written.
const CONVERSATION_PAGE: i64 = 100;
const MESSAGE_PAGE: i64 = 200;
/// Bytes gathered before they are handed to the connection.
const CHUNK_BYTES: usize = 64 * 1024;

/// Why writing the file stopped early.
enum Stop {
    /// The client went away: nothing to do.
    Gone,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for Stop {
    fn from(e: sqlx::Error) -> Self {
        Stop::Db(e)
    }
}

/// The file's bytes on their way to the connection, in chunks, waiting while it is slow (the
/// channel is short): memory stays bounded whatever the user's history.
struct Out {
    buf: Vec<u8>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl Out {
    async fn flush(&mut self) -> Result<(), Stop> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buf,
            Vec::with_capacity(CHUNK_BYTES),
        ));
        self.tx.send(Ok(chunk)).await.map_err(|_| Stop::Gone)
    }

    async fn maybe_flush(&mut self) -> Result<(), Stop> {
        if self.buf.len() >= CHUNK_BYTES {
            self.flush().await
        } else {
            Ok(())
        }
    }
}

/// Write every conversation of `user_id` with its messages, then the totals.
async fn write_conversations(db: &Db, user_id: i32, out: &mut Out) -> Result<(), Stop> {
    let (mut conversations, mut messages) = (0i64, 0i64);
    let mut after = 0i64;
    loop {
        let page = st::export_conversations(db, user_id, after, CONVERSATION_PAGE).await?;
        let full = page.len() as i64 == CONVERSATION_PAGE;
        for c in page {
            after = i64::from(c.id);
            if conversations > 0 {
                out.buf.push(b',');
            }
            let head = ConversationHead {
                id: c.id,
                title: c.title,
                agent_type: c.agent_type,
                created_at: c.created_at,
            };
            let mut json = serde_json::to_vec(&head).expect("a conversation serialises");
            json.pop(); // its closing brace: the messages follow
            out.buf.extend(json);
            out.buf.extend_from_slice(b",\"messages\":[");
            let (mut count, mut after_message) = (0i64, 0i64);
            loop {
                let msgs =
                    st::export_messages(db, user_id, c.id, after_message, MESSAGE_PAGE).await?;
                let more = msgs.len() as i64 == MESSAGE_PAGE;
                for m in msgs {
                    after_message = i64::from(m.id);
                    if count > 0 {
                        out.buf.push(b',');
                    }
                    let m = ExportMessage {
                        id: m.id,
                        sender: m.sender,
                        agent_type: m.agent_type,
                        content: json_or_text(m.content),
                        timestamp: m.timestamp,
                    };
                    serde_json::to_writer(&mut out.buf, &m).expect("a message serialises");
                    count += 1;
                }
                out.maybe_flush().await?;
                if !more {
                    break;
                }
            }
            out.buf
                .extend(format!("],\"message_count\":{count}}}").into_bytes());
            conversations += 1;
            messages += count;
        }
        if !full {
            break;
        }
    }
    out.buf.extend(
        format!("],\"total_conversations\":{conversations},\"total_messages\":{messages}}}")
            .into_bytes(),
    );
    Ok(())
}

/// Write the whole file into `tx`. A database failure part-way ends the body with an error, so
/// the client sees a broken download, never a file that looks whole.
async fn write_export(
    db: Db,
    user_id: i32,
    head: Vec<u8>,
    tail: Vec<u8>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
) {
    let mut out = Out { buf: head, tx };
    let result = async {
        write_conversations(&db, user_id, &mut out).await?;
        out.buf.extend(tail);
        out.flush().await
    }
    .await;
    if let Err(Stop::Db(e)) = result {
        tracing::error!(user_id, error = %e, "data export cut short");
        let _ = out
            .tx
            .send(Err(std::io::Error::other("data export failed")))
            .await;
    }
}

/// Download everything stored about the caller as one JSON file (GDPR Art. 20); the download is
/// recorded in the processing log. Written as it is read, so any history fits.
#[utoipa::path(get, path = "/api/v1/profile/export-data", tag = "profile", security(("bearer" = [])),
    responses((status = 200, description = "The file (`Content-Disposition: attachment; filename=\"solar_intelligence_data_export_{id}_{YYYYmmdd_HHMMSS}.json\"`)", body = DataExport)))]
pub async fn export_data(
    State(state): State<AppState>,
    user: CurrentUser,
    trace: Trace,
) -> ApiResult<Response> {
    let id = user.user.id;
    let log = trace.log(
        id,
        Activity::DataExport,
        "User requested full data export (GDPR Art. 20)",
        EXPORT_CATEGORIES,
        "consent",
    );
    let now = log.now;
    st::log(&state.db, &log).await?;
    let (head, tail) = export_frame(&state, id, now).await?;
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(write_export(state.db.clone(), id, head, tail, tx));
    // (Fused: a compressing encoder polls the body again after its end, which `unfold`
    // answers with a panic.)
    let stream = futures::StreamExt::fuse(futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }));
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let disposition = format!(
        "attachment; filename=\"{}\"",
        gdpr::export_file_name(id, now)
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).expect("the file name is ASCII"),
    );
    // Personal data: no cache keeps a copy.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

// ---- The processing log ----

#[derive(Serialize, ToSchema)]
pub struct ProcessingLog {
    id: i32,
    /// `data_access`, `data_export` or `data_modification`.
    activity_type: String,
    purpose: Option<String>,
    #[schema(value_type = Option<Vec<String>>)]
    data_categories: Value,
    legal_basis: Option<String>,
    endpoint: Option<String>,
    method: Option<String>,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    timestamp: NaiveDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct ProcessingLogPage {
    logs: Vec<ProcessingLog>,
    /// Rows on this page.
    count: usize,
    limit: i64,
    offset: i64,
}

/// What was done with the caller's data (GDPR Art. 30), newest first.
#[utoipa::path(get, path = "/api/v1/profile/processing-logs", tag = "profile", security(("bearer" = [])),
    params(("limit" = Option<i64>, Query, minimum = 1, maximum = 100, description = "Default 50; above 100 is capped at 100 (not refused)"),
        ("offset" = Option<i64>, Query, minimum = 0)),
    responses((status = 200, body = ProcessingLogPage)))]
pub async fn processing_logs(
    State(state): State<AppState>,
    user: CurrentUser,
    q: QueryMap,
) -> ApiResult<Json<ProcessingLogPage>> {
    let mut o = q.obj();
    let limit = o.int_or("limit", gdpr::DEFAULT_LOG_PAGE);
    bounded(&mut o, "limit", limit, 1, None);
    let offset = o.int_or("offset", 0);
    bounded(&mut o, "offset", offset, 0, None);
    o.finish()?;
    let limit = limit.min(gdpr::MAX_LOG_PAGE);
    let logs: Vec<ProcessingLog> = st::logs(&state.db, user.user.id, limit, offset)
        .await?
        .into_iter()
        .map(|l| ProcessingLog {
            id: l.id,
            activity_type: l.activity_type,
            purpose: l.purpose,
            data_categories: json_or_text(l.data_categories),
            legal_basis: l.legal_basis,
            endpoint: l.endpoint,
            method: l.method,
            timestamp: l.timestamp,
        })
        .collect();
    Ok(Json(ProcessingLogPage {
        count: logs.len(),
        logs,
        limit,
        offset,
    }))
}

// ---- Restriction of processing ----

#[derive(ToSchema)]
pub struct RestrictionRequest {
    /// Why (at most 2000 characters).
    #[schema(max_length = 2000)]
    pub reason: String,
    /// `accuracy`, `unlawful`, `no_longer_needed` or `objection` (else 400).
    pub grounds: String,
}

impl RequestBody for RestrictionRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let reason = o.req_str("reason");
        o.max_chars("reason", &reason, gdpr::MAX_RESTRICTION_REASON_CHARS);
        RestrictionRequest {
            reason,
            grounds: o.req_str("grounds"),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RestrictionApplied {
    message: &'static str,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    restricted_at: NaiveDateTime,
    grounds: String,
    note: &'static str,
}

/// Restrict the processing of the caller's data (GDPR Art. 18): until it is lifted, chat answers
/// 403. A new request replaces the reason and grounds of an earlier one.
#[utoipa::path(post, path = "/api/v1/profile/request-restriction", tag = "profile", security(("bearer" = [])),
    request_body = RestrictionRequest,
    responses((status = 200, body = RestrictionApplied), (status = 400, description = "Invalid grounds")))]
pub async fn request_restriction(
    State(state): State<AppState>,
    trace: Trace,
    UserJson { user, body, .. }: UserJson<RestrictionRequest>,
) -> ApiResult<Json<RestrictionApplied>> {
    if !gdpr::valid_grounds(&body.grounds) {
        return Err(ApiError::bad_request(gdpr::invalid_grounds_message()));
    }
    let purpose = format!(
        "User requested restriction of processing (grounds: {})",
        body.grounds
    );
    let log = trace.log(
        user.user.id,
        Activity::DataModification,
        &purpose,
        RESTRICTION_CATEGORIES,
        "consent",
    );
    st::restrict(&state.db, user.user.id, &body.reason, &body.grounds, &log).await?;
    Ok(Json(RestrictionApplied {
        message: "Processing restriction applied successfully",
        restricted_at: log.now,
        grounds: body.grounds,
        note: gdpr::RESTRICTION_APPLIED_NOTE,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct RestrictionLifted {
    message: &'static str,
    note: &'static str,
}

/// Lift the caller's restriction: chat works again.
#[utoipa::path(post, path = "/api/v1/profile/cancel-restriction", tag = "profile", security(("bearer" = [])),
    responses((status = 200, body = RestrictionLifted), (status = 400, description = "No active restriction to cancel")))]
pub async fn cancel_restriction(
    State(state): State<AppState>,
    user: CurrentUser,
    trace: Trace,
) -> ApiResult<Json<RestrictionLifted>> {
    let log = trace.log(
        user.user.id,
        Activity::DataModification,
        "User cancelled restriction of processing",
        RESTRICTION_CATEGORIES,
        "consent",
    );
    if !st::lift(&state.db, user.user.id, &log).await? {
        return Err(ApiError::bad_request("No active restriction to cancel"));
    }
    Ok(Json(RestrictionLifted {
        message: "Processing restriction removed successfully",
        note: gdpr::RESTRICTION_LIFTED_NOTE,
    }))
}

/// Whether the caller's processing is restricted: `{restricted: false, message}`, or
/// `{restricted: true, requested_at, reason, grounds, note}`.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum RestrictionStatus {
    Unrestricted {
        restricted: bool,
        message: &'static str,
    },
    Restricted {
        restricted: bool,
        #[serde(serialize_with = "super::json::opt_datetime")]
        #[schema(value_type = Option<String>)]
        requested_at: Option<NaiveDateTime>,
        reason: Option<String>,
        grounds: Option<String>,
        note: &'static str,
    },
}

/// The caller's restriction, if any.
#[utoipa::path(get, path = "/api/v1/profile/restriction-status", tag = "profile", security(("bearer" = [])),
    responses((status = 200, body = RestrictionStatus)))]
pub async fn restriction_status(user: CurrentUser) -> Json<RestrictionStatus> {
    let u = user.user;
    Json(if u.processing_restricted() {
        RestrictionStatus::Restricted {
            restricted: true,
            requested_at: u.restriction_requested_at,
            reason: u.restriction_reason,
            grounds: u.restriction_grounds,
            note: gdpr::RESTRICTION_ACTIVE_NOTE,
        }
    } else {
        RestrictionStatus::Unrestricted {
            restricted: false,
            message: "No active processing restrictions",
        }
    })
}

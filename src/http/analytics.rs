//! `/api/v1/admin/analytics` (decision L6, `latest-app.md` §1.2): the current React app's
//! analytics dashboard, query log, survey tab and CSV export. Every body is
//! `{"status": "success", "data": ...}`; every figure is counted in the database
//! (`store::analytics`), days and hours are UTC.
//!
//! Fixed from the old service (defect D10): admins and soft-deleted accounts are left out
//! instead of a hard-coded list of user ids; users are shown by a keyed pseudonym
//! ([`Pseudonyms`]) that nobody can recompute from an id without the server's secret; the survey
//! view shows that pseudonym where the old one showed the email address; the query log's search
//! runs in the database before paging, so pages are full and `total` counts the matches.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::admin::bounded;
use super::error::{ApiError, ApiResult, ResultExt};
use super::extract::{AdminUser, Obj, QueryMap};
use crate::app::AppState;
use crate::auth::hmac_sha256;
use crate::domain::analytics::{
    Period, csv_cell, csv_query, export_filename, peak_hour, per_user, query_text, response_text,
};
use crate::domain::conversation::normalize_agent_type;
use crate::domain::time::format_datetime;
use crate::store::analytics::{
    self as store_analytics, Paging, PeriodFacts, QueryFilter, QueryRow,
};
use crate::store::{self, Db};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(overview))
        .routes(routes!(usage_over_time))
        .routes(routes!(agent_usage))
        .routes(routes!(recent_queries))
        .routes(routes!(user_engagement))
        .routes(routes!(hourly_distribution))
        .routes(routes!(full_report))
        .routes(routes!(surveys))
        .routes(routes!(export_queries_csv))
}

/// The longest period, in days (`days` is 1 to 365; 30 when absent).
pub const MAX_DAYS: i64 = 365;
/// The largest page of the query log (`limit` is 1 to 500; 20 when absent).
pub const MAX_QUERY_PAGE: i64 = 500;
/// The longest `search` text of the query log, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;
/// The longest `agent` filter (an agent type is at most 50 characters).
pub const MAX_AGENT_CHARS: usize = 50;
/// The most rows of the CSV export, newest first.
pub const MAX_EXPORT_ROWS: i64 = 10_000;
/// The rows the export reads per statement.
const EXPORT_PAGE: i64 = 500;
/// The most surveys of each stage listed, newest first (the totals and the distributions
/// count them all).
pub const MAX_SURVEYS_LISTED: i64 = 1_000;

const DAYS_DOC: &str = "Days back from now (1 to 365, default 30)";
const AGENT_DOC: &str = "Only queries shown with this agent (the agent of the reply, else of the conversation); `all` or empty: every agent";

/// The pseudonym of a user in every analytics view: the first 12 hex digits of an HMAC-SHA-256 of
/// the user id under a key derived from `SECRET_KEY`. Stable while the secret is, so one user
/// is recognisable across views and exports; the old service's unkeyed SHA-256 of
/// `user_{id}_salt_solar_intel` could be reversed by hashing every id.
pub struct Pseudonyms {
    key: [u8; 32],
}

impl Pseudonyms {
    pub fn new(secret_key: &str) -> Pseudonyms {
        Pseudonyms {
            key: hmac_sha256(
                secret_key.as_bytes(),
                b"solarintel analytics user pseudonym",
            ),
        }
    }

    pub fn of(&self, user_id: i32) -> String {
        hmac_sha256(&self.key, user_id.to_string().as_bytes())[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// `{"status": "success", "data": ...}`.
#[derive(Serialize, ToSchema)]
pub struct Success<T> {
    /// Always `success`.
    status: &'static str,
    data: T,
}

fn success<T>(data: T) -> Json<Success<T>> {
    Json(Success {
        status: "success",
        data,
    })
}

/// `days`: 1 to 365, 30 when absent.
fn days_of(o: &mut Obj<'_>) -> i64 {
    let days = o.int_or("days", 30);
    bounded(o, "days", days, 1, Some(MAX_DAYS));
    days
}

/// `agent`: at most 50 characters; absent, empty or `all` is every agent; `om` is `leo_om`.
fn agent_of(o: &mut Obj<'_>) -> Option<String> {
    let agent = o.opt_str("agent")?;
    o.max_chars("agent", &agent, MAX_AGENT_CHARS);
    let agent = agent.trim();
    (!agent.is_empty() && agent != "all").then(|| normalize_agent_type(agent))
}

/// An unexpected failure answers 500 with the old service's `Failed to ...` detail (an
/// unreachable database stays the 503).
fn or_500<T, E: Into<ApiError>>(r: Result<T, E>, detail: &str) -> ApiResult<T> {
    r.or_fail(StatusCode::INTERNAL_SERVER_ERROR, detail)
}

/// The platform totals.
#[derive(Serialize, ToSchema)]
pub struct Overview {
    /// Counted accounts (not admins, not deleted).
    total_users: i64,
    /// Of those, the active ones.
    active_users: i64,
    total_conversations: i64,
    total_messages: i64,
    /// Messages the users sent.
    total_queries: i64,
    /// Messages the agents sent.
    total_responses: i64,
    /// Counted accounts per plan (`free` when none).
    plan_distribution: BTreeMap<String, i64>,
    /// Accounts created in the last 7 days.
    new_users_week: i64,
    /// Accounts created in the last 30 days.
    new_users_month: i64,
}

async fn overview_of(db: &Db, now: NaiveDateTime) -> Result<Overview, ApiError> {
    let (o, plans) =
        store_analytics::overview(db, now - Duration::days(7), now - Duration::days(30)).await?;
    let mut plan_distribution = BTreeMap::new();
    for (plan, n) in plans {
        *plan_distribution.entry(plan).or_insert(0) += n;
    }
    Ok(Overview {
        total_users: o.total_users,
        active_users: o.active_users,
        total_conversations: o.total_conversations,
        total_messages: o.total_messages,
        total_queries: o.total_queries,
        total_responses: o.total_responses,
        plan_distribution,
        new_users_week: o.new_users_week,
        new_users_month: o.new_users_month,
    })
}

#[derive(Serialize, ToSchema)]
pub struct DailyUsage {
    /// `YYYY-MM-DD` (UTC).
    date: String,
    queries: i64,
    /// Distinct users who asked that day.
    active_users: i64,
    /// Conversations started that day.
    new_conversations: i64,
}

/// Queries per day; only days with a query are listed, oldest first.
#[derive(Serialize, ToSchema)]
pub struct UsageOverTime {
    period_days: i64,
    daily_data: Vec<DailyUsage>,
    total_queries: i64,
}

fn usage_of(days: i64, f: &PeriodFacts) -> UsageOverTime {
    UsageOverTime {
        period_days: days,
        daily_data: f
            .days
            .iter()
            .map(|d| DailyUsage {
                date: d.date.clone(),
                queries: d.queries,
                active_users: d.active_users,
                new_conversations: d.new_conversations,
            })
            .collect(),
        total_queries: f.total_queries,
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgentUsage {
    /// The conversation's agent type (`unknown` when it has none).
    agent: String,
    queries: i64,
    unique_users: i64,
    /// Conversations with this agent started in the period.
    conversations: i64,
    /// Active hires of this agent now.
    currently_hired: i64,
}

/// Queries per agent (agents with a query in the period), most first.
#[derive(Serialize, ToSchema)]
pub struct AgentUsageStats {
    period_days: i64,
    agents: Vec<AgentUsage>,
    total_queries: i64,
}

fn agents_of(days: i64, f: &PeriodFacts) -> AgentUsageStats {
    AgentUsageStats {
        period_days: days,
        agents: f
            .agents
            .iter()
            .map(|a| AgentUsage {
                agent: a.agent.clone(),
                queries: a.queries,
                unique_users: a.unique_users,
                conversations: a.conversations,
                currently_hired: a.currently_hired,
            })
            .collect(),
        total_queries: f.agents.iter().map(|a| a.queries).sum(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct TopUser {
    /// The user's pseudonym.
    user_hash: String,
    queries: i64,
}

/// How much the users asked: the 20 busiest by pseudonym, and who asked in each half.
#[derive(Serialize, ToSchema)]
pub struct UserEngagement {
    period_days: i64,
    total_queries: i64,
    unique_active_users: i64,
    /// Two decimals; 0 without users.
    avg_queries_per_user: f64,
    top_users_anonymized: Vec<TopUser>,
    /// Distinct users who asked in the first half of the period.
    first_half_active_users: i64,
    /// Distinct users who asked in the second half.
    second_half_active_users: i64,
}

fn engagement_of(days: i64, f: &PeriodFacts, names: &Pseudonyms) -> UserEngagement {
    UserEngagement {
        period_days: days,
        total_queries: f.total_queries,
        unique_active_users: f.active_users,
        avg_queries_per_user: per_user(f.total_queries, f.active_users),
        top_users_anonymized: f
            .top_users
            .iter()
            .map(|&(id, queries)| TopUser {
                user_hash: names.of(id),
                queries,
            })
            .collect(),
        first_half_active_users: f.first_half_users,
        second_half_active_users: f.second_half_users,
    }
}

#[derive(Serialize, ToSchema)]
pub struct HourCount {
    /// 0 to 23, UTC.
    hour: usize,
    queries: i64,
}

/// Queries per UTC hour of the day (all 24), and the busiest (the earliest of equals; 0 when
/// there are none).
#[derive(Serialize, ToSchema)]
pub struct HourlyDistribution {
    period_days: i64,
    hourly_distribution: Vec<HourCount>,
    peak_hour: usize,
    peak_queries: i64,
}

fn hourly_of(days: i64, f: &PeriodFacts) -> HourlyDistribution {
    let (peak_hour, peak_queries) = peak_hour(&f.hours);
    HourlyDistribution {
        period_days: days,
        hourly_distribution: f
            .hours
            .iter()
            .enumerate()
            .map(|(hour, &queries)| HourCount { hour, queries })
            .collect(),
        peak_hour,
        peak_queries,
    }
}

/// Read `days` and the period's facts.
async fn facts(
    state: &AppState,
    q: &QueryMap,
    detail: &'static str,
) -> ApiResult<(i64, PeriodFacts)> {
    let mut o = q.obj();
    let days = days_of(&mut o);
    o.finish()?;
    let p = Period::last_days(store::now(), days);
    let f = or_500(
        store_analytics::period(&state.db, p.since, p.mid).await,
        detail,
    )?;
    Ok((days, f))
}

/// Platform totals: users, conversations, messages, plans, new accounts.
#[utoipa::path(get, path = "/api/v1/admin/analytics/overview", tag = "analytics",
    security(("bearer" = [])),
    responses((status = 200, body = Success<Overview>), (status = 403)))]
pub async fn overview(
    State(state): State<AppState>,
    _a: AdminUser,
) -> ApiResult<Json<Success<Overview>>> {
    let o = or_500(
        overview_of(&state.db, store::now()).await,
        "Failed to fetch overview statistics",
    )?;
    Ok(success(o))
}

/// Queries, active users and new conversations per day.
#[utoipa::path(get, path = "/api/v1/admin/analytics/usage-over-time", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC)),
    responses((status = 200, body = Success<UsageOverTime>), (status = 403), (status = 422)))]
pub async fn usage_over_time(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<UsageOverTime>>> {
    let (days, f) = facts(&state, &q, "Failed to fetch usage data").await?;
    Ok(success(usage_of(days, &f)))
}

/// Queries, users, conversations and hires per agent.
#[utoipa::path(get, path = "/api/v1/admin/analytics/agent-usage", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC)),
    responses((status = 200, body = Success<AgentUsageStats>), (status = 403), (status = 422)))]
pub async fn agent_usage(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<AgentUsageStats>>> {
    let (days, f) = facts(&state, &q, "Failed to fetch agent usage data").await?;
    Ok(success(agents_of(days, &f)))
}

/// A query of the log with its reply.
#[derive(Serialize, ToSchema)]
pub struct RecentQuery {
    id: i32,
    /// The question's text on one line.
    query: String,
    /// The text of the reply (the first agent message after it, before the next question), or
    /// `""`.
    response: String,
    /// The agent of the reply, else of the conversation, else `unknown`.
    agent: String,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    timestamp: Option<NaiveDateTime>,
    /// The user's pseudonym.
    user_hash: String,
}

/// A page of the query log, newest first.
#[derive(Serialize, ToSchema)]
pub struct RecentQueries {
    queries: Vec<RecentQuery>,
    /// Queries matching the filters (all pages).
    total: i64,
    limit: i64,
    offset: i64,
    has_more: bool,
}

/// The query log: filtered (agent, search, days) in the database, then paged.
#[utoipa::path(get, path = "/api/v1/admin/analytics/recent-queries", tag = "analytics",
    security(("bearer" = [])),
    params(("limit" = Option<i64>, Query, minimum = 1, maximum = 500, description = "Page size (1 to 500, default 20)"),
        ("offset" = Option<i64>, Query, minimum = 0),
        ("agent" = Option<String>, Query, max_length = 50, description = AGENT_DOC),
        ("search" = Option<String>, Query, max_length = 200, description = "Case-insensitive substring of the question (ASCII letters only on SQLite), applied before paging: `total` counts the matches"),
        ("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = "Days back from now (1 to 365); absent: all time")),
    responses((status = 200, body = Success<RecentQueries>), (status = 403), (status = 422)))]
pub async fn recent_queries(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<RecentQueries>>> {
    let mut o = q.obj();
    let limit = o.int_or("limit", 20);
    bounded(&mut o, "limit", limit, 1, Some(MAX_QUERY_PAGE));
    let offset = o.int_or("offset", 0);
    bounded(&mut o, "offset", offset, 0, None);
    let agent = agent_of(&mut o);
    let search = o.opt_str("search").filter(|s| !s.is_empty());
    if let Some(s) = &search {
        o.max_chars("search", s, MAX_SEARCH_CHARS);
    }
    let days = o.opt_int("days");
    if let Some(d) = days {
        bounded(&mut o, "days", d, 1, Some(MAX_DAYS));
    }
    o.finish()?;
    let filter = QueryFilter {
        since: days.map(|d| store::now() - Duration::days(d)),
        agent,
        search,
    };
    let (rows, total) = or_500(
        tokio::try_join!(
            store_analytics::queries(&state.db, &filter, Paging::Offset { limit, offset }, true),
            store_analytics::count_queries(&state.db, &filter),
        ),
        "Failed to fetch recent queries",
    )?;
    let names = Pseudonyms::new(&state.settings.secret_key);
    let queries: Vec<RecentQuery> = rows
        .into_iter()
        .map(|r| RecentQuery {
            id: r.id,
            query: query_text(r.content.as_deref()),
            response: response_text(r.response.as_deref()),
            agent: r.agent,
            timestamp: r.timestamp,
            user_hash: names.of(r.user_id),
        })
        .collect();
    let has_more = offset + (queries.len() as i64) < total;
    Ok(success(RecentQueries {
        queries,
        total,
        limit,
        offset,
        has_more,
    }))
}

/// Queries per user (by pseudonym) and the users active in each half of the period.
#[utoipa::path(get, path = "/api/v1/admin/analytics/user-engagement", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC)),
    responses((status = 200, body = Success<UserEngagement>), (status = 403), (status = 422)))]
pub async fn user_engagement(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<UserEngagement>>> {
    let (days, f) = facts(&state, &q, "Failed to fetch engagement data").await?;
    let names = Pseudonyms::new(&state.settings.secret_key);
    Ok(success(engagement_of(days, &f, &names)))
}

/// Queries per UTC hour of the day.
#[utoipa::path(get, path = "/api/v1/admin/analytics/hourly-distribution", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC)),
    responses((status = 200, body = Success<HourlyDistribution>), (status = 403), (status = 422)))]
pub async fn hourly_distribution(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<HourlyDistribution>>> {
    let (days, f) = facts(&state, &q, "Failed to fetch hourly distribution").await?;
    Ok(success(hourly_of(days, &f)))
}

/// Every report of the dashboard at once.
#[derive(Serialize, ToSchema)]
pub struct FullReport {
    /// When it was computed (UTC).
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    generated_at: NaiveDateTime,
    period_days: i64,
    overview: Overview,
    usage_over_time: UsageOverTime,
    agent_stats: AgentUsageStats,
    user_engagement: UserEngagement,
    hourly_distribution: HourlyDistribution,
}

/// The dashboard: the overview and every report of the period, computed together.
#[utoipa::path(get, path = "/api/v1/admin/analytics/full-report", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC)),
    responses((status = 200, body = Success<FullReport>), (status = 403), (status = 422)))]
pub async fn full_report(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Success<FullReport>>> {
    let mut o = q.obj();
    let days = days_of(&mut o);
    o.finish()?;
    let now = store::now();
    let p = Period::last_days(now, days);
    let (overview, f) = or_500(
        tokio::try_join!(overview_of(&state.db, now), async {
            Ok(store_analytics::period(&state.db, p.since, p.mid).await?)
        }),
        "Failed to generate analytics report",
    )?;
    let names = Pseudonyms::new(&state.settings.secret_key);
    Ok(success(FullReport {
        generated_at: now,
        period_days: days,
        overview,
        usage_over_time: usage_of(days, &f),
        agent_stats: agents_of(days, &f),
        user_engagement: engagement_of(days, &f, &names),
        hourly_distribution: hourly_of(days, &f),
    }))
}

/// A stage-1 (profile) survey.
#[derive(Serialize, ToSchema)]
pub struct Stage1Survey {
    id: i32,
    user_hash: String,
    /// The user's pseudonym again, never the address: the app shows this field as the
    /// survey's title (the old service sent the email address here).
    email: String,
    role: Option<String>,
    role_other: Option<String>,
    regions: Vec<String>,
    familiarity: Option<String>,
    insights: Vec<String>,
    tailored: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    bonus_queries_granted: i32,
}

/// A stage-2 (market activity) survey.
#[derive(Serialize, ToSchema)]
pub struct Stage2Survey {
    id: i32,
    user_hash: String,
    /// The user's pseudonym again, never the address (see the stage-1 survey).
    email: String,
    work_focus: Option<String>,
    work_focus_other: Option<String>,
    pv_segments: Vec<String>,
    technologies: Vec<String>,
    technologies_other: Option<String>,
    challenges: Vec<String>,
    weekly_insight: Option<String>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    bonus_queries_granted: i32,
}

/// How many surveys gave each answer (all surveys; a missing answer is `Unknown`).
#[derive(Serialize, ToSchema)]
pub struct SurveyAggregates {
    role_distribution: BTreeMap<String, i64>,
    familiarity_distribution: BTreeMap<String, i64>,
    /// Each region named in an answer counts once.
    region_distribution: BTreeMap<String, i64>,
    work_focus_distribution: BTreeMap<String, i64>,
}

/// The survey answers: totals, the newest 1,000 of each stage, and the distributions.
#[derive(Serialize, ToSchema)]
pub struct SurveyAnalytics {
    total_stage1: i64,
    total_stage2: i64,
    stage1_surveys: Vec<Stage1Survey>,
    stage2_surveys: Vec<Stage2Survey>,
    aggregates: SurveyAggregates,
}

/// A stored JSON list as strings (a non-string item as its JSON); anything else is empty.
fn list_of(text: Option<&str>) -> Vec<String> {
    match text.and_then(|t| serde_json::from_str::<Value>(t).ok()) {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::String(s) => s,
                other => other.to_string(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn distribution(rows: Vec<(String, i64)>) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for (k, n) in rows {
        *out.entry(k).or_insert(0) += n;
    }
    out
}

/// The survey answers of the counted accounts, by pseudonym.
#[utoipa::path(get, path = "/api/v1/admin/analytics/surveys", tag = "analytics",
    security(("bearer" = [])),
    responses((status = 200, body = Success<SurveyAnalytics>), (status = 403)))]
pub async fn surveys(
    State(state): State<AppState>,
    _a: AdminUser,
) -> ApiResult<Json<Success<SurveyAnalytics>>> {
    let s = or_500(
        store_analytics::surveys(&state.db, MAX_SURVEYS_LISTED).await,
        "Failed to fetch survey analytics",
    )?;
    let names = Pseudonyms::new(&state.settings.secret_key);
    Ok(success(SurveyAnalytics {
        total_stage1: s.total_stage1,
        total_stage2: s.total_stage2,
        stage1_surveys: s
            .stage1
            .into_iter()
            .map(|r| {
                let user_hash = names.of(r.user_id);
                Stage1Survey {
                    id: r.id,
                    email: user_hash.clone(),
                    user_hash,
                    role: r.role,
                    role_other: r.role_other,
                    regions: list_of(r.regions.as_deref()),
                    familiarity: r.familiarity,
                    insights: list_of(r.insights.as_deref()),
                    tailored: r.tailored,
                    created_at: r.created_at,
                    bonus_queries_granted: r.bonus_queries_granted.unwrap_or(0),
                }
            })
            .collect(),
        stage2_surveys: s
            .stage2
            .into_iter()
            .map(|r| {
                let user_hash = names.of(r.user_id);
                Stage2Survey {
                    id: r.id,
                    email: user_hash.clone(),
                    user_hash,
                    work_focus: r.work_focus,
                    work_focus_other: r.work_focus_other,
                    pv_segments: list_of(r.pv_segments.as_deref()),
                    technologies: list_of(r.technologies.as_deref()),
                    technologies_other: r.technologies_other,
                    challenges: list_of(r.challenges.as_deref()),
                    weekly_insight: r.weekly_insight,
                    created_at: r.created_at,
                    bonus_queries_granted: r.bonus_queries_granted.unwrap_or(0),
                }
            })
            .collect(),
        aggregates: SurveyAggregates {
            role_distribution: distribution(s.roles),
            familiarity_distribution: distribution(s.familiarity),
            region_distribution: distribution(s.regions),
            work_focus_distribution: distribution(s.work_focus),
        },
    }))
}

/// The export's header row.
const CSV_HEADER: [&str; 4] = ["timestamp", "agent_type", "query", "anonymized_user_id"];

/// The export being written: one page of rows per chunk of the body.
struct Export {
    db: Db,
    filter: QueryFilter,
    names: Pseudonyms,
    /// The first page, read before the answer was sent.
    first: Option<Vec<QueryRow>>,
    /// The last row written: the next page starts below it.
    last: Option<(NaiveDateTime, i32)>,
    /// Rows still allowed.
    left: i64,
    done: bool,
}

/// CSV lines (CRLF, quoted where needed) of `rows`, after the header when `header`.
fn csv_chunk(header: bool, rows: &[QueryRow], names: &Pseudonyms) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(256 * (rows.len() + 1)));
    if header {
        w.write_record(CSV_HEADER)?;
    }
    for r in rows {
        let timestamp = r
            .timestamp
            .as_ref()
            .map(format_datetime)
            .unwrap_or_default();
        let query = csv_query(&query_text(r.content.as_deref()));
        let user = names.of(r.user_id);
        w.write_record([
            csv_cell(&timestamp).as_bytes(),
            csv_cell(&r.agent).as_bytes(),
            csv_cell(&query).as_bytes(),
            csv_cell(&user).as_bytes(),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

impl Export {
    /// The next chunk of the body: the first page (with the header), then one page per call
    /// until a page comes back short, a row has no time to continue from, or the cap is reached.
    async fn next(mut self) -> Option<(Result<Bytes, std::io::Error>, Export)> {
        if self.done {
            return None;
        }
        let (header, rows) = match self.first.take() {
            Some(rows) => (true, rows),
            None => {
                let limit = self.left.min(EXPORT_PAGE);
                let paging = Paging::After {
                    last: self.last,
                    limit,
                };
                match store_analytics::queries(&self.db, &self.filter, paging, false).await {
                    Ok(rows) => (false, rows),
                    Err(e) => {
                        // The answer is under way: the download fails instead of ending short.
                        tracing::error!(error = %e, "CSV export failed after its first page");
                        self.done = true;
                        return Some((Err(std::io::Error::other("export failed")), self));
                    }
                }
            }
        };
        self.left -= rows.len() as i64;
        let full_page = rows.len() as i64 == EXPORT_PAGE;
        self.last = rows.last().and_then(|r| r.timestamp.map(|t| (t, r.id)));
        self.done = self.left <= 0 || !full_page || self.last.is_none();
        if rows.is_empty() && !header {
            return None;
        }
        let chunk = csv_chunk(header, &rows, &self.names).map_err(std::io::Error::other);
        Some((chunk.map(Bytes::from), self))
    }
}

/// The query log as a CSV file, newest first, at most 10,000 rows, streamed page by page.
/// Columns `timestamp,agent_type,query,anonymized_user_id`; the query on one line, cut at 1,000
/// characters (`...`); a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'` so a spreadsheet does not run it as a formula.
#[utoipa::path(get, path = "/api/v1/admin/analytics/export-queries-csv", tag = "analytics",
    security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365, description = DAYS_DOC),
        ("agent" = Option<String>, Query, max_length = 50, description = AGENT_DOC)),
    responses((status = 200, description = "`text/csv; charset=utf-8`, `Content-Disposition: attachment; filename=user_queries_export_YYYYmmdd_HHMMSS.csv` (`user_queries_{agent}_...` with an agent)",
            content_type = "text/csv", body = String),
        (status = 403), (status = 422)))]
pub async fn export_queries_csv(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Response> {
    let mut o = q.obj();
    let days = days_of(&mut o);
    let agent = agent_of(&mut o);
    o.finish()?;
    let now = store::now();
    let filename = export_filename(agent.as_deref(), now);
    let filter = QueryFilter {
        since: Some(now - Duration::days(days)),
        agent,
        search: None,
    };
    // The first page is read before answering, so a failure is still a proper error answer.
    let first = or_500(
        store_analytics::queries(
            &state.db,
            &filter,
            Paging::After {
                last: None,
                limit: EXPORT_PAGE.min(MAX_EXPORT_ROWS),
            },
            false,
        )
        .await,
        "Failed to export queries",
    )?;
    let export = Export {
        db: state.db.clone(),
        filter,
        names: Pseudonyms::new(&state.settings.secret_key),
        first: Some(first),
        last: None,
        left: MAX_EXPORT_ROWS,
        done: false,
    };
    // (Fused: a compressing encoder polls the body again after its end, which `unfold`
    // answers with a panic.)
    let body = Body::from_stream(futures::StreamExt::fuse(futures::stream::unfold(
        export,
        Export::next,
    )));
    let disposition = HeaderValue::from_str(&format!("attachment; filename={filename}"))
        .map_err(ApiError::internal)?;
    let mut r = Response::new(body);
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(header::CONTENT_DISPOSITION, disposition);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_keyed_stable_and_twelve_hex_digits() {
        let a = Pseudonyms::new("secret-a");
        let b = Pseudonyms::new("secret-b");
        assert_eq!(a.of(7), a.of(7));
        assert_ne!(a.of(7), a.of(8));
        assert_ne!(a.of(7), b.of(7), "another secret, another pseudonym");
        assert_eq!(a.of(7).len(), 12);
        assert!(a.of(7).bytes().all(|c| c.is_ascii_hexdigit()));
        // not the old service's unkeyed hash of the id
        let old = crate::auth::sha256_hex("user_7_salt_solar_intel");
        assert_ne!(a.of(7), old[..12]);
    }

    #[test]
    fn lists_are_read_leniently() {
        assert_eq!(list_of(Some(r#"["a","b"]"#)), vec!["a", "b"]);
        assert_eq!(list_of(Some(r#"["a",3]"#)), vec!["a", "3"]);
        assert!(list_of(Some("not json")).is_empty());
        assert!(list_of(Some(r#"{"a":1}"#)).is_empty());
        assert!(list_of(None).is_empty());
    }
}

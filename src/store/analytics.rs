//! The admin analytics (decision L6): every figure is counted in the database, on both backends,
//! in a few statements per request; no message is loaded to be counted.
//!
//! Who is counted: every account except admins and soft-deleted accounts ([`excluded!`]), and
//! what belongs to them (conversations, messages, hires, surveys). A "query" is a message with
//! `sender = 'user'`, a "response" one with `sender = 'bot'`. Times are the stored naive UTC
//! timestamps: days and hours are UTC days and hours.

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

/// The ids of the accounts the analytics leave out: admins (`role = 'admin'`) and soft-deleted
/// accounts. The old service left out a hard-coded list of its developers' ids instead (defect
/// D10); staff accounts that should not be counted are admins here.
macro_rules! excluded {
    () => {
        "(SELECT id FROM fastapi_users WHERE deleted = TRUE OR role = 'admin')"
    };
}

/// An account the analytics count (`u` is `fastapi_users`).
macro_rules! included_user {
    () => {
        "u.deleted = FALSE AND (u.role IS NULL OR u.role <> 'admin')"
    };
}

/// The platform totals of `GET /admin/analytics/overview`.
#[derive(Debug, Default, sqlx::FromRow)]
pub struct Overview {
    pub total_users: i64,
    pub active_users: i64,
    pub new_users_week: i64,
    pub new_users_month: i64,
    pub total_conversations: i64,
    pub total_messages: i64,
    pub total_queries: i64,
    pub total_responses: i64,
}

/// The totals, and the counted accounts per plan (a missing or empty plan is `free`).
///
/// The message totals are counted as "all messages of a sender, less those in the excluded
/// accounts' conversations": the first is a count of an index, the second touches only the
/// excluded accounts' conversations, instead of joining a million messages to their
/// conversations (CROSS JOIN: SQLite starts from those few conversations whatever statistics
/// it has). The two agree because a message never outlives its conversation (both are
/// deleted together, by this service and by the old one). `total_messages` sums the
/// conversations' `message_count` (kept by triggers, migration 0006).
pub async fn overview(
    db: &Db,
    week_ago: NaiveDateTime,
    month_ago: NaiveDateTime,
) -> Result<(Overview, Vec<(String, i64)>), sqlx::Error> {
    macro_rules! sent_by {
        ($sender:literal) => {
            concat!(
                "(SELECT COUNT(*) FROM fastapi_messages WHERE sender = '",
                $sender,
                "') - (SELECT COUNT(*) FROM fastapi_conversations c CROSS JOIN fastapi_messages m \
                   WHERE m.conversation_id = c.id AND m.sender = '",
                $sender,
                "' AND c.user_id IN ",
                excluded!(),
                ")"
            )
        };
    }
    const OVERVIEW: &str = concat!(
        "SELECT (SELECT COUNT(*) FROM fastapi_users u WHERE ",
        included_user!(),
        ") AS total_users, (SELECT COUNT(*) FROM fastapi_users u WHERE ",
        included_user!(),
        " AND u.is_active = TRUE) AS active_users, (SELECT COUNT(*) FROM fastapi_users u WHERE ",
        included_user!(),
        " AND u.created_at >= $1) AS new_users_week, (SELECT COUNT(*) FROM fastapi_users u WHERE ",
        included_user!(),
        " AND u.created_at >= $2) AS new_users_month, \
         (SELECT COUNT(*) FROM fastapi_conversations c WHERE c.user_id NOT IN ",
        excluded!(),
        ") AS total_conversations, \
         (SELECT CAST(COALESCE(SUM(c.message_count), 0) AS BIGINT) FROM fastapi_conversations c \
           WHERE c.user_id NOT IN ",
        excluded!(),
        ") AS total_messages, ",
        sent_by!("user"),
        " AS total_queries, ",
        sent_by!("bot"),
        " AS total_responses"
    );
    const PLANS: &str = concat!(
        "SELECT COALESCE(NULLIF(u.plan_type, ''), 'free') AS plan, COUNT(*) FROM fastapi_users u \
         WHERE ",
        included_user!(),
        " GROUP BY 1 ORDER BY 1"
    );
    let overview: Overview = on_db!(db, |p| sqlx::query_as(OVERVIEW)
        .bind(week_ago)
        .bind(month_ago)
        .fetch_one(p)
        .await?);
    let plans: Vec<(String, i64)> = on_db!(db, |p| sqlx::query_as(PLANS).fetch_all(p).await?);
    Ok((overview, plans))
}

/// A day of the period: queries, distinct users who asked, conversations started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub queries: i64,
    pub active_users: i64,
    pub new_conversations: i64,
}

/// An agent (the conversation's `agent_type`, `unknown` when it has none) in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub agent: String,
    pub queries: i64,
    pub unique_users: i64,
    /// Conversations with this agent started in the period.
    pub conversations: i64,
    /// Active hires of this agent now (not only of the period).
    pub currently_hired: i64,
}

/// Everything the period's reports show, from one statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodFacts {
    /// Days with at least one query, oldest first.
    pub days: Vec<Day>,
    /// Agents with at least one query, most queries first.
    pub agents: Vec<Agent>,
    /// Queries per UTC hour of the day, 0 to 23.
    pub hours: [i64; 24],
    /// The 20 users with the most queries: (user id, queries), most first.
    pub top_users: Vec<(i32, i64)>,
    pub total_queries: i64,
    pub active_users: i64,
    /// Distinct users who asked before `mid`, and from `mid` on.
    pub first_half_users: i64,
    pub second_half_users: i64,
}

/// The period's facts, for queries from `since` on (`mid` splits the period in two halves).
///
/// One pass over the period's queries (`g`: grouped by day, hour, user, agent and half, so
/// the later aggregates read tens of thousands of groups, not the messages) and one over the
/// conversations started in it (`cv`); the union tags each row with what it counts.
pub async fn period(
    db: &Db,
    since: NaiveDateTime,
    mid: NaiveDateTime,
) -> Result<PeriodFacts, sqlx::Error> {
    macro_rules! facts {
        ($day_m:literal, $hour_m:literal, $day_c:literal) => {
            concat!(
                "WITH g AS (SELECT ",
                $day_m,
                " AS day, ",
                $hour_m,
                " AS hour, c.user_id AS user_id, COALESCE(c.agent_type, 'unknown') AS agent, \
                   CASE WHEN m.timestamp >= $2 THEN 1 ELSE 0 END AS late, COUNT(*) AS n \
                 FROM fastapi_messages m CROSS JOIN fastapi_conversations c \
                 WHERE c.id = m.conversation_id AND m.sender = 'user' AND m.timestamp >= $1 \
                   AND c.user_id NOT IN ",
                excluded!(),
                " GROUP BY 1, 2, 3, 4, 5), \
                 cv AS (SELECT ",
                $day_c,
                " AS day, COALESCE(c.agent_type, 'unknown') AS agent, COUNT(*) AS n \
                 FROM fastapi_conversations c WHERE c.created_at >= $1 AND c.user_id NOT IN ",
                excluded!(),
                " GROUP BY 1, 2) \
                 SELECT 'day' AS kind, day AS label, CAST(NULL AS BIGINT) AS num, \
                   CAST(SUM(n) AS BIGINT) AS a, CAST(COUNT(DISTINCT user_id) AS BIGINT) AS b, \
                   CAST(0 AS BIGINT) AS c, CAST(0 AS BIGINT) AS d FROM g GROUP BY day \
                 UNION ALL SELECT 'new_conversations', day, NULL, CAST(SUM(n) AS BIGINT), 0, 0, 0 \
                   FROM cv GROUP BY day \
                 UNION ALL SELECT 'hour', NULL, CAST(hour AS BIGINT), CAST(SUM(n) AS BIGINT), 0, 0, 0 \
                   FROM g GROUP BY hour \
                 UNION ALL SELECT 'agent', agent, NULL, CAST(SUM(n) AS BIGINT), \
                   CAST(COUNT(DISTINCT user_id) AS BIGINT), 0, 0 FROM g GROUP BY agent \
                 UNION ALL SELECT 'agent_conversations', agent, NULL, CAST(SUM(n) AS BIGINT), 0, 0, 0 \
                   FROM cv GROUP BY agent \
                 UNION ALL SELECT 'hired', agent_type, NULL, CAST(COUNT(*) AS BIGINT), 0, 0, 0 \
                   FROM fastapi_hired_agent WHERE is_active = TRUE AND user_id NOT IN ",
                excluded!(),
                " GROUP BY agent_type \
                 UNION ALL SELECT * FROM (SELECT 'user' AS kind, NULL AS label, \
                   CAST(user_id AS BIGINT) AS num, CAST(SUM(n) AS BIGINT) AS a, 0 AS b, 0 AS c, 0 AS d \
                   FROM g GROUP BY user_id ORDER BY SUM(n) DESC, user_id LIMIT 20) t20 \
                 UNION ALL SELECT 'total', NULL, NULL, CAST(COALESCE(SUM(n), 0) AS BIGINT), \
                   CAST(COUNT(DISTINCT user_id) AS BIGINT), \
                   CAST(COUNT(DISTINCT CASE WHEN late = 0 THEN user_id END) AS BIGINT), \
                   CAST(COUNT(DISTINCT CASE WHEN late = 1 THEN user_id END) AS BIGINT) FROM g"
            )
        };
    }
    const SQLITE: &str = facts!(
        "substr(m.timestamp, 1, 10)",
        "CAST(substr(m.timestamp, 12, 2) AS INTEGER)",
        "substr(c.created_at, 1, 10)"
    );
    const POSTGRES: &str = facts!(
        "to_char(m.timestamp, 'YYYY-MM-DD')",
        "CAST(EXTRACT(HOUR FROM m.timestamp) AS INTEGER)",
        "to_char(c.created_at, 'YYYY-MM-DD')"
    );
    let rows: Vec<FactRow> = match db {
        Db::Sqlite(p) => {
            sqlx::query_as(SQLITE)
                .bind(since)
                .bind(mid)
                .fetch_all(p)
                .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(POSTGRES)
                .bind(since)
                .bind(mid)
                .fetch_all(p)
                .await?
        }
    };
    Ok(fold(rows))
}

/// A row of [`period`]: what it counts, its day or agent, its hour or user, and up to four counts.
type FactRow = (String, Option<String>, Option<i64>, i64, i64, i64, i64);

/// The tagged rows of [`period`] as [`PeriodFacts`].
fn fold(rows: Vec<FactRow>) -> PeriodFacts {
    use std::collections::HashMap;
    let mut f = PeriodFacts::default();
    let mut new_conversations: HashMap<String, i64> = HashMap::new();
    let mut agent_conversations: HashMap<String, i64> = HashMap::new();
    let mut hired: HashMap<String, i64> = HashMap::new();
    for (kind, label, num, a, b, c, d) in rows {
        let label = label.unwrap_or_default();
        match kind.as_str() {
            "day" => f.days.push(Day {
                date: label,
                queries: a,
                active_users: b,
                new_conversations: 0,
            }),
            "new_conversations" => {
                new_conversations.insert(label, a);
            }
            "hour" => {
                if let Some(h) = num
                    .and_then(|h| usize::try_from(h).ok())
                    .filter(|h| *h < 24)
                {
                    f.hours[h] += a;
                }
            }
            "agent" => f.agents.push(Agent {
                agent: label,
                queries: a,
                unique_users: b,
                conversations: 0,
                currently_hired: 0,
            }),
            "agent_conversations" => {
                agent_conversations.insert(label, a);
            }
            "hired" => {
                hired.insert(label, a);
            }
            "user" => {
                if let Some(id) = num.and_then(|n| i32::try_from(n).ok()) {
                    f.top_users.push((id, a));
                }
            }
            "total" => {
                f.total_queries = a;
                f.active_users = b;
                f.first_half_users = c;
                f.second_half_users = d;
            }
            _ => {}
        }
    }
    f.days.sort_by(|x, y| x.date.cmp(&y.date));
    for day in &mut f.days {
        day.new_conversations = new_conversations.get(&day.date).copied().unwrap_or(0);
    }
    f.agents
        .sort_by(|x, y| y.queries.cmp(&x.queries).then(x.agent.cmp(&y.agent)));
    for agent in &mut f.agents {
        agent.conversations = agent_conversations.get(&agent.agent).copied().unwrap_or(0);
        agent.currently_hired = hired.get(&agent.agent).copied().unwrap_or(0);
    }
    // The union does not keep the inner ORDER BY.
    f.top_users
        .sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    f
}

/// The filters of the recent-queries list and of the CSV export.
#[derive(Clone, Debug, Default)]
pub struct QueryFilter {
    /// Queries at or after this time.
    pub since: Option<NaiveDateTime>,
    /// The agent shown for the query: that of the reply to it, else its conversation's, else
    /// `unknown`.
    pub agent: Option<String>,
    /// A case-insensitive substring of the query's text (on SQLite, case-insensitive for ASCII
    /// letters only). `%` and `_` match themselves.
    pub search: Option<String>,
}

/// Which rows of the filtered list, newest first.
#[derive(Clone, Copy, Debug)]
pub enum Paging {
    /// `limit` rows after skipping `offset` (the list's pages).
    Offset { limit: i64, offset: i64 },
    /// `limit` rows older than the `(timestamp, id)` of the last row read (the export's pages:
    /// each page is a short query, so a slow download holds no connection).
    After {
        last: Option<(NaiveDateTime, i32)>,
        limit: i64,
    },
}

/// A query of the list: the stored contents, to be cleaned by the caller.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueryRow {
    pub id: i32,
    pub content: Option<String>,
    pub timestamp: Option<NaiveDateTime>,
    pub user_id: i32,
    /// The reply's stored content (`None` without a reply, or when not asked for).
    pub response: Option<String>,
    pub agent: String,
}

/// One value bound to a statement built at run time (only `$N` placeholders reach the SQL).
enum Arg {
    Time(NaiveDateTime),
    Text(String),
    Int(i64),
}

/// A statement built at run time from constant fragments, with its values to bind.
#[derive(Default)]
struct Built {
    sql: String,
    args: Vec<Arg>,
}

impl Built {
    /// Bind `a` and return its placeholder.
    fn arg(&mut self, a: Arg) -> String {
        self.args.push(a);
        format!("${}", self.args.len())
    }
}

/// Bind every value of a [`Built`] to a query, in order.
macro_rules! bind_all {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                Arg::Time(t) => q.bind(*t),
                Arg::Text(s) => q.bind(s.as_str()),
                Arg::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}

/// The reply `r` to the query `m`, joined: the first bot message of its conversation after it
/// and before the next query, so a query that got no answer is never paired with the next
/// one's. Two index lookups per query, in the database. PostgreSQL reads it as a LATERAL
/// subquery, per query of the page; SQLite has no LATERAL and joins the reply by its id.
fn reply_join(db: &Db) -> &'static str {
    macro_rules! next_query {
        () => {
            "COALESCE((SELECT MIN(n.id) FROM fastapi_messages n \
               WHERE n.conversation_id = m.conversation_id AND n.sender = 'user' AND n.id > m.id), \
               9223372036854775807)"
        };
    }
    match db {
        Db::Sqlite(_) => concat!(
            " LEFT JOIN fastapi_messages r ON r.id = (SELECT MIN(b.id) FROM fastapi_messages b \
               WHERE b.conversation_id = m.conversation_id AND b.sender = 'bot' AND b.id > m.id \
                 AND b.id < ",
            next_query!(),
            ")"
        ),
        Db::Postgres(_) => concat!(
            " LEFT JOIN LATERAL (SELECT b.agent_type, b.content FROM fastapi_messages b \
               WHERE b.conversation_id = m.conversation_id AND b.sender = 'bot' AND b.id > m.id \
                 AND b.id < ",
            next_query!(),
            " ORDER BY b.id LIMIT 1) r ON TRUE"
        ),
    }
}

/// The agent shown for the query `m` with its reply `r`.
const SHOWN_AGENT: &str = "COALESCE(r.agent_type, c.agent_type, 'unknown')";

/// The text of a stored message as the search reads it: the `value` of its JSON envelope when
/// that is a string, nothing when the envelope holds no text there, else (not an envelope, not
/// JSON) the content as stored. PostgreSQL cannot test JSON for validity without an error before
/// version 16, so there it is `fastapi_message_text` (migration 0016), which catches it.
fn message_text(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => {
            "CASE WHEN NOT json_valid(m.content) OR json_type(m.content, '$.value') IS NULL \
               THEN m.content WHEN json_type(m.content, '$.value') = 'text' \
               THEN json_extract(m.content, '$.value') ELSE '' END"
        }
        Db::Postgres(_) => "fastapi_message_text(m.content)",
    }
}

/// Whether `term` appears unchanged in the JSON of a text that contains it: printable ASCII
/// other than `"` and `\` is written as itself by every JSON encoder (the old service's escaped
/// everything else), so for such a term a match in the raw content is necessary for a match in
/// the text, and the cheap test on the raw content can go first.
fn verbatim_in_json(term: &str) -> bool {
    term.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
}

/// What the FROM and WHERE of the filtered queries are for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// A page: the reply `r` joined (its content and agent are shown).
    Page,
    /// A count. `whole_table`: on SQLite, read the table in storage order rather than the
    /// queries through the time index (for the whole history a sequential read is twice as
    /// fast as half a million lookups).
    Count { whole_table: bool },
}

/// FROM and WHERE of the filtered queries.
fn filtered(db: &Db, b: &mut Built, f: &QueryFilter, on: Use) {
    // CROSS JOIN: SQLite then reads the messages first, in the index's time order (a page
    // stops at its limit); left free, SQLite 3.51 walked every conversation and sorted all
    // their queries. PostgreSQL plans it as the plain join it is.
    let whole_table = on == Use::Count { whole_table: true } && matches!(db, Db::Sqlite(_));
    b.sql.push_str(if whole_table {
        " FROM fastapi_messages m NOT INDEXED CROSS JOIN fastapi_conversations c"
    } else {
        " FROM fastapi_messages m CROSS JOIN fastapi_conversations c"
    });
    if on == Use::Page || f.agent.is_some() {
        b.sql.push_str(reply_join(db));
    }
    b.sql.push_str(concat!(
        " WHERE c.id = m.conversation_id AND m.sender = 'user' AND c.user_id NOT IN ",
        excluded!()
    ));
    if let Some(t) = f.since {
        let p = b.arg(Arg::Time(t));
        b.sql.push_str(&format!(" AND m.timestamp >= {p}"));
    }
    if let Some(s) = &f.search {
        let p = b.arg(Arg::Text(super::contains_pattern(s)));
        if verbatim_in_json(&s.to_lowercase()) {
            b.sql
                .push_str(&format!(" AND LOWER(m.content) LIKE {p} ESCAPE '\\'"));
        }
        b.sql.push_str(&format!(
            " AND LOWER({}) LIKE {p} ESCAPE '\\'",
            message_text(db)
        ));
    }
    if let Some(a) = &f.agent {
        let p = b.arg(Arg::Text(a.clone()));
        if on != Use::Page {
            // The shown agent is the reply's, else the conversation's: a query can only show
            // `a` if its conversation has `a` or holds a reply by `a` (one index read for the
            // whole count), which rules out most queries before their reply is looked up. A page
            // stops early, and building that set would cost it more than it saves.
            let unknown = if a == "unknown" {
                " OR c.agent_type IS NULL"
            } else {
                ""
            };
            b.sql.push_str(&format!(
                " AND (c.agent_type = {p} OR m.conversation_id IN \
                   (SELECT conversation_id FROM fastapi_messages WHERE agent_type = {p}){unknown})"
            ));
        }
        b.sql.push_str(&format!(" AND {SHOWN_AGENT} = {p}"));
    }
}

/// A page of the filtered queries, newest first (`with_response`: the reply's content too).
pub async fn queries(
    db: &Db,
    f: &QueryFilter,
    paging: Paging,
    with_response: bool,
) -> Result<Vec<QueryRow>, sqlx::Error> {
    let mut b = Built::default();
    b.sql.push_str(&format!(
        "SELECT m.id, m.content, m.timestamp, c.user_id, {} AS response, {SHOWN_AGENT} AS agent",
        if with_response {
            "r.content"
        } else {
            "CAST(NULL AS TEXT)"
        }
    ));
    filtered(db, &mut b, f, Use::Page);
    let (limit, offset) = match paging {
        Paging::Offset { limit, offset } => (limit, offset),
        Paging::After { last, limit } => {
            if let Some((t, id)) = last {
                let pt = b.arg(Arg::Time(t));
                let pi = b.arg(Arg::Int(i64::from(id)));
                b.sql.push_str(&format!(
                    " AND m.timestamp <= {pt} AND (m.timestamp < {pt} OR m.id < {pi})"
                ));
            }
            (limit, 0)
        }
    };
    let pl = b.arg(Arg::Int(limit));
    let po = b.arg(Arg::Int(offset));
    b.sql.push_str(&format!(
        " ORDER BY m.timestamp DESC, m.id DESC LIMIT {pl} OFFSET {po}"
    ));
    let Built { sql, args } = b;
    let query = sqlx::AssertSqlSafe(sql.as_str());
    match db {
        Db::Sqlite(p) => Ok(bind_all!(sqlx::query_as(query), &args).fetch_all(p).await?),
        Db::Postgres(p) => {
            // A page is read in the index's time order and stops at its limit, as on SQLite.
            // PostgreSQL cannot estimate the reply-agent and text filters (it takes 0.5 % of the
            // rows for each), so left alone it joined and sorted the whole history for a page of
            // 20, compiled it (JIT) and started parallel workers: 0.5-3 s instead of 3-300 ms.
            let mut tx = p.begin().await?;
            sqlx::query(
                "SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true), \
                   set_config('max_parallel_workers_per_gather', '0', true)",
            )
            .execute(&mut *tx)
            .await?;
            let rows = bind_all!(sqlx::query_as(query), &args)
                .fetch_all(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(rows)
        }
    }
}

/// How many queries match `f` (all pages).
///
/// Without a search or an agent this is "the queries of the period, less the excluded
/// accounts'", two index counts (see [`overview`] for why they agree).
pub async fn count_queries(db: &Db, f: &QueryFilter) -> Result<i64, sqlx::Error> {
    let mut b = Built::default();
    if f.search.is_none() && f.agent.is_none() {
        let since = match f.since {
            Some(t) => {
                let p = b.arg(Arg::Time(t));
                format!(" AND m.timestamp >= {p}")
            }
            None => String::new(),
        };
        b.sql = format!(
            "SELECT (SELECT COUNT(*) FROM fastapi_messages m WHERE m.sender = 'user'{since}) \
             - (SELECT COUNT(*) FROM fastapi_conversations c CROSS JOIN fastapi_messages m \
                WHERE m.conversation_id = c.id AND m.sender = 'user'{since} AND c.user_id IN {})",
            excluded!()
        );
    } else {
        b.sql.push_str("SELECT COUNT(*)");
        filtered(
            db,
            &mut b,
            f,
            Use::Count {
                whole_table: f.since.is_none(),
            },
        );
    }
    let Built { sql, args } = b;
    Ok(on_db!(db, |p| bind_all!(
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str())),
        &args
    )
    .fetch_one(p)
    .await?))
}

/// A stage-1 survey as stored (the JSON lists as text).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stage1Row {
    pub id: i32,
    pub user_id: i32,
    pub role: Option<String>,
    pub role_other: Option<String>,
    pub regions: Option<String>,
    pub familiarity: Option<String>,
    pub insights: Option<String>,
    pub tailored: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub bonus_queries_granted: Option<i32>,
}

/// A stage-2 survey as stored (the JSON lists as text).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stage2Row {
    pub id: i32,
    pub user_id: i32,
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

/// The surveys of the counted accounts: totals, the newest `limit` of each stage, and the
/// distributions (every survey counted; a missing or empty answer is `Unknown`).
#[derive(Debug, Default)]
pub struct Surveys {
    pub total_stage1: i64,
    pub total_stage2: i64,
    pub stage1: Vec<Stage1Row>,
    pub stage2: Vec<Stage2Row>,
    pub roles: Vec<(String, i64)>,
    pub familiarity: Vec<(String, i64)>,
    /// Each region named in a stage-1 answer's list (a list that is not valid JSON counts none).
    pub regions: Vec<(String, i64)>,
    pub work_focus: Vec<(String, i64)>,
}

pub async fn surveys(db: &Db, limit: i64) -> Result<Surveys, sqlx::Error> {
    const STAGE1: &str = concat!(
        "SELECT id, user_id, role, role_other, regions, familiarity, insights, tailored, created_at, \
           bonus_queries_granted FROM fastapi_user_survey WHERE user_id NOT IN ",
        excluded!(),
        " ORDER BY created_at DESC, id DESC LIMIT $1"
    );
    const STAGE2: &str = concat!(
        "SELECT id, user_id, work_focus, work_focus_other, pv_segments, technologies, \
           technologies_other, challenges, weekly_insight, created_at, bonus_queries_granted \
         FROM fastapi_user_survey_stage2 WHERE user_id NOT IN ",
        excluded!(),
        " ORDER BY created_at DESC, id DESC LIMIT $1"
    );
    const TOTALS: &str = concat!(
        "SELECT (SELECT COUNT(*) FROM fastapi_user_survey WHERE user_id NOT IN ",
        excluded!(),
        "), (SELECT COUNT(*) FROM fastapi_user_survey_stage2 WHERE user_id NOT IN ",
        excluded!(),
        ")"
    );
    /// One distribution: (kind, answer, surveys).
    macro_rules! distribution {
        ($kind:literal, $table:literal, $column:literal) => {
            concat!(
                "SELECT '",
                $kind,
                "' AS kind, COALESCE(NULLIF(",
                $column,
                ", ''), 'Unknown') AS k, COUNT(*) AS n FROM ",
                $table,
                " WHERE user_id NOT IN ",
                excluded!(),
                " GROUP BY 2"
            )
        };
    }
    macro_rules! distributions {
        ($regions:expr) => {
            concat!(
                distribution!("role", "fastapi_user_survey", "role"),
                " UNION ALL ",
                distribution!("familiarity", "fastapi_user_survey", "familiarity"),
                " UNION ALL ",
                distribution!("work_focus", "fastapi_user_survey_stage2", "work_focus"),
                " UNION ALL ",
                $regions
            )
        };
    }
    // Regions are a JSON list per answer: one row per element.
    const SQLITE_DISTRIBUTIONS: &str = distributions!(concat!(
        "SELECT 'region', CAST(j.value AS TEXT), COUNT(*) FROM fastapi_user_survey s, \
         json_each(CASE WHEN json_valid(s.regions) AND json_type(s.regions) = 'array' \
           THEN s.regions ELSE '[]' END) j WHERE s.user_id NOT IN ",
        excluded!(),
        " GROUP BY 2"
    ));
    const PG_DISTRIBUTIONS: &str = distributions!(concat!(
        "SELECT 'region', j.value, COUNT(*) FROM fastapi_user_survey s \
         CROSS JOIN LATERAL json_array_elements_text(fastapi_json_array(s.regions)) AS j(value) \
         WHERE s.user_id NOT IN ",
        excluded!(),
        " GROUP BY 2"
    ));
    let (total_stage1, total_stage2): (i64, i64) =
        on_db!(db, |p| sqlx::query_as(TOTALS).fetch_one(p).await?);
    let stage1 = on_db!(db, |p| sqlx::query_as(STAGE1)
        .bind(limit)
        .fetch_all(p)
        .await?);
    let stage2 = on_db!(db, |p| sqlx::query_as(STAGE2)
        .bind(limit)
        .fetch_all(p)
        .await?);
    let rows: Vec<(String, Option<String>, i64)> = match db {
        Db::Sqlite(p) => sqlx::query_as(SQLITE_DISTRIBUTIONS).fetch_all(p).await?,
        Db::Postgres(p) => sqlx::query_as(PG_DISTRIBUTIONS).fetch_all(p).await?,
    };
    let mut s = Surveys {
        total_stage1,
        total_stage2,
        stage1,
        stage2,
        ..Surveys::default()
    };
    for (kind, k, n) in rows {
        let k = k.unwrap_or_else(|| "Unknown".into());
        match kind.as_str() {
            "role" => s.roles.push((k, n)),
            "familiarity" => s.familiarity.push((k, n)),
            "work_focus" => s.work_focus.push((k, n)),
            _ => s.regions.push((k, n)),
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_printable_ascii_without_quotes_is_verbatim() {
        for (term, verbatim) in [
            ("germany", true),
            ("pv 2024?", true),
            ("50%_off", true),
            ("say \"hi\"", false),
            ("a\\b", false),
            ("münchen", false),
            ("tab\there", false),
        ] {
            assert_eq!(verbatim_in_json(term), verbatim, "{term:?}");
        }
    }

    #[test]
    fn facts_fold_into_sorted_days_agents_and_users() {
        let r = |k: &str, l: Option<&str>, n: Option<i64>, a, b, c, d| {
            (k.to_string(), l.map(str::to_string), n, a, b, c, d)
        };
        let f = fold(vec![
            r("day", Some("2026-01-02"), None, 3, 2, 0, 0),
            r("day", Some("2026-01-01"), None, 1, 1, 0, 0),
            r("new_conversations", Some("2026-01-02"), None, 2, 0, 0, 0),
            r("new_conversations", Some("2025-12-31"), None, 9, 0, 0, 0),
            r("hour", None, Some(23), 4, 0, 0, 0),
            r("hour", None, Some(24), 4, 0, 0, 0),
            r("agent", Some("news"), None, 1, 1, 0, 0),
            r("agent", Some("market"), None, 3, 2, 0, 0),
            r("agent_conversations", Some("market"), None, 2, 0, 0, 0),
            r("hired", Some("news"), None, 5, 0, 0, 0),
            r("hired", Some("quality"), None, 7, 0, 0, 0),
            r("user", None, Some(8), 1, 0, 0, 0),
            r("user", None, Some(9), 3, 0, 0, 0),
            r("total", None, None, 4, 2, 1, 2),
        ]);
        assert_eq!(
            f.days,
            vec![
                Day {
                    date: "2026-01-01".into(),
                    queries: 1,
                    active_users: 1,
                    new_conversations: 0
                },
                Day {
                    date: "2026-01-02".into(),
                    queries: 3,
                    active_users: 2,
                    new_conversations: 2
                },
            ]
        );
        assert_eq!(f.hours[23], 4);
        assert_eq!(
            f.hours.iter().sum::<i64>(),
            4,
            "an hour out of range is dropped"
        );
        assert_eq!(
            f.agents,
            vec![
                Agent {
                    agent: "market".into(),
                    queries: 3,
                    unique_users: 2,
                    conversations: 2,
                    currently_hired: 0
                },
                Agent {
                    agent: "news".into(),
                    queries: 1,
                    unique_users: 1,
                    conversations: 0,
                    currently_hired: 5
                },
            ]
        );
        assert_eq!(f.top_users, vec![(9, 3), (8, 1)]);
        assert_eq!(
            (
                f.total_queries,
                f.active_users,
                f.first_half_users,
                f.second_half_users
            ),
            (4, 2, 1, 2)
        );
    }
}

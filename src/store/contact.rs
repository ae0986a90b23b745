//! `fastapi_contact_request`: requests to be contacted by an expert.

use chrono::NaiveDateTime;

use super::Db;
use crate::{on_db, on_tx};

pub struct NewContactRequest<'a> {
    /// `None` for the landing page's form (no account).
    pub user_id: Option<i32>,
    pub name: &'a str,
    pub email: &'a str,
    pub company: Option<&'a str>,
    pub message: &'a str,
    pub selected_experts: Option<&'a str>,
    /// `artifact_panel` (the chat's expert form) or `landing_page` (the public form).
    pub source: &'static str,
    pub now: NaiveDateTime,
}

/// Store a request to be contacted, pending.
pub async fn insert(db: &Db, r: &NewContactRequest<'_>) -> Result<i32, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO fastapi_contact_request (user_id, name, email, company, phone, message, source, status, \
           selected_experts, created_at) \
         VALUES ($1, $2, $3, $4, NULL, $5, $6, 'pending', $7, $8) RETURNING id"
    )
    .bind(r.user_id)
    .bind(r.name)
    .bind(r.email)
    .bind(r.company)
    .bind(r.message)
    .bind(r.source)
    .bind(r.selected_experts)
    .bind(r.now)
    .fetch_all(p)
    .await
    })
    .and_then(super::one)
}

/// The admin lists' filters, shared by the contact requests and the waitlist. Every
/// value is bound; the search is applied before paging, so `total` counts the matches.
#[derive(Clone, Debug, Default)]
pub struct LeadFilter {
    /// `Some(true)`: closed only; `Some(false)`: open only.
    pub closed: Option<bool>,
    /// A case-insensitive substring of the email or the name (`%` and `_` match themselves).
    pub search: Option<String>,
    pub created_from: Option<NaiveDateTime>,
    pub created_to: Option<NaiveDateTime>,
    pub skip: i64,
    pub limit: i64,
}

impl LeadFilter {
    /// The rows `select` finds and the count `count` finds, both with the filter's values bound
    /// as `$1`..`$4` (closed, pattern, from, to) and the page as `$5`, `$6` (limit, skip).
    pub(super) async fn page<T>(
        &self,
        db: &Db,
        select: &'static str,
        count: &'static str,
    ) -> Result<(Vec<T>, i64), sqlx::Error>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        let pattern = self.pattern();
        let rows = on_db!(db, |p| {
            sqlx::query_as(select)
                .bind(self.closed)
                .bind(pattern.as_deref())
                .bind(self.created_from)
                .bind(self.created_to)
                .bind(self.limit)
                .bind(self.skip)
                .fetch_all(p)
                .await?
        });
        let total: i64 = on_db!(db, |p| sqlx::query_scalar(count)
            .bind(self.closed)
            .bind(pattern.as_deref())
            .bind(self.created_from)
            .bind(self.created_to)
            .fetch_one(p)
            .await?);
        Ok((rows, total))
    }

    /// The `LIKE` pattern of `search`, its wildcards escaped with `\`.
    pub fn pattern(&self) -> Option<String> {
        self.search.as_deref().map(super::contains_pattern)
    }
}

/// A contact request as the admin list shows it. Closed means `contacted_at` is set (closing
/// also sets `status` to `closed`).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ContactRow {
    pub id: i32,
    pub user_id: Option<i32>,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub message: String,
    pub source: String,
    pub status: Option<String>,
    pub selected_experts: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub contacted_at: Option<NaiveDateTime>,
}

macro_rules! contact_where {
    () => {
        " FROM fastapi_contact_request \
          WHERE ($1 IS NULL OR $1 = (contacted_at IS NOT NULL)) \
            AND ($2 IS NULL OR LOWER(email) LIKE $2 ESCAPE '\\' OR LOWER(name) LIKE $2 ESCAPE '\\') \
            AND ($3 IS NULL OR created_at >= $3) AND ($4 IS NULL OR created_at <= $4)"
    };
}

macro_rules! contact_columns {
    () => {
        "SELECT id, user_id, name, email, company, phone, message, source, status, selected_experts, \
           created_at, contacted_at"
    };
}

/// A page of the requests matching `f`, newest first, and how many match in all.
pub async fn page(db: &Db, f: &LeadFilter) -> Result<(Vec<ContactRow>, i64), sqlx::Error> {
    f.page(
        db,
        concat!(
            contact_columns!(),
            contact_where!(),
            " ORDER BY created_at DESC, id DESC LIMIT $5 OFFSET $6"
        ),
        concat!("SELECT COUNT(*)", contact_where!()),
    )
    .await
}

/// What the audit log keeps of a lead's state.
#[derive(serde::Serialize)]
pub struct LeadState {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<NaiveDateTime>,
}

/// Close a request: `None` when there is no such id. Closing a closed request changes nothing
/// and writes no audit entry; otherwise the change and its entry commit together.
pub async fn close(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &super::audit::Audit,
) -> Result<Option<ContactRow>, sqlx::Error> {
    close_lead(
        db,
        Close {
            update: "UPDATE fastapi_contact_request SET status = 'closed', contacted_at = $2 \
                     WHERE id = $1 AND contacted_at IS NULL",
            select: concat!(
                contact_columns!(),
                " FROM fastapi_contact_request WHERE id = $1"
            ),
            action: "close_contact_request",
            target: "contact_request",
        },
        id,
        now,
        audit,
        |r: &ContactRow| r.contacted_at,
    )
    .await
}

/// How one kind of lead is closed: the conditional update (`$1` the id, `$2` the time), the
/// row read back, and the audit action and target kind.
pub(super) struct Close {
    pub update: &'static str,
    pub select: &'static str,
    pub action: &'static str,
    pub target: &'static str,
}

/// Close a lead: `None` when there is no such id. Closing a closed one changes nothing and
/// writes no audit entry; otherwise the change and its entry commit together.
pub(super) async fn close_lead<T>(
    db: &Db,
    how: Close,
    id: i64,
    now: NaiveDateTime,
    audit: &super::audit::Audit,
    closed_at: fn(&T) -> Option<NaiveDateTime>,
) -> Result<Option<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let mut tx = db.begin().await?;
    let changed = on_tx!(&mut tx, |t| sqlx::query(how.update)
        .bind(id)
        .bind(now)
        .execute(t)
        .await
        .map(|r| r.rows_affected()))?;
    let row: Option<T> = on_tx!(&mut tx, |t| sqlx::query_as(how.select)
        .bind(id)
        .fetch_optional(t)
        .await?);
    let Some(row) = row else {
        return Ok(None);
    };
    if changed > 0 {
        super::audit::record(
            &mut tx,
            audit,
            how.action,
            None,
            Some(&format!("{} {id}", how.target)),
            Some(&LeadState {
                status: "open",
                closed_at: None,
            }),
            Some(&LeadState {
                status: "closed",
                closed_at: closed_at(&row),
            }),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Some(row))
}

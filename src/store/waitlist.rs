//! `fastapi_waitlist`.

use chrono::NaiveDateTime;

use super::Db;
use super::contact::LeadFilter;
use crate::on_db;

/// Add an email: its id, or `None` when it is already on the list (unique index), so two racing
/// joins cannot both succeed.
pub async fn join(
    db: &Db,
    email: &str,
    interested_agents: Option<&str>,
    now: NaiveDateTime,
) -> Result<Option<i32>, sqlx::Error> {
    let res = on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO fastapi_waitlist (email, interested_agents, created_at, notified) VALUES ($1, $2, $3, FALSE) \
         RETURNING id"
    )
    .bind(email)
    .bind(interested_agents)
    .bind(now)
    .fetch_all(p)
    .await
    })
    .and_then(super::one);
    match res {
        Ok(id) => Ok(Some(id)),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn contains(db: &Db, email: &str) -> Result<bool, sqlx::Error> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM fastapi_waitlist WHERE email = $1)"
    )
    .bind(email)
    .fetch_one(p)
    .await)
}

/// A waitlist entry as the admin list shows it. Closed means `notified` is true (the old
/// service's "we notified them"); closing sets it and `notified_at`.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WaitlistRow {
    pub id: i32,
    pub email: String,
    pub interested_agents: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub notified: Option<bool>,
    pub notified_at: Option<NaiveDateTime>,
}

macro_rules! waitlist_where {
    () => {
        " FROM fastapi_waitlist \
          WHERE ($1 IS NULL OR $1 = COALESCE(notified, FALSE)) \
            AND ($2 IS NULL OR LOWER(email) LIKE $2 ESCAPE '\\') \
            AND ($3 IS NULL OR created_at >= $3) AND ($4 IS NULL OR created_at <= $4)"
    };
}

macro_rules! waitlist_columns {
    () => {
        "SELECT id, email, interested_agents, created_at, notified, notified_at"
    };
}

/// A page of the entries matching `f` (the search looks at the email: entries have no name),
/// newest first, and how many match in all.
pub async fn page(db: &Db, f: &LeadFilter) -> Result<(Vec<WaitlistRow>, i64), sqlx::Error> {
    f.page(
        db,
        concat!(
            waitlist_columns!(),
            waitlist_where!(),
            " ORDER BY created_at DESC, id DESC LIMIT $5 OFFSET $6"
        ),
        concat!("SELECT COUNT(*)", waitlist_where!()),
    )
    .await
}

/// Close an entry: `None` when there is no such id. Closing a closed entry changes nothing and
/// writes no audit entry; otherwise the change and its entry commit together.
pub async fn close(
    db: &Db,
    id: i64,
    now: NaiveDateTime,
    audit: &super::audit::Audit,
) -> Result<Option<WaitlistRow>, sqlx::Error> {
    super::contact::close_lead(
        db,
        super::contact::Close {
            update: "UPDATE fastapi_waitlist SET notified = TRUE, notified_at = $2 \
                     WHERE id = $1 AND COALESCE(notified, FALSE) = FALSE",
            select: concat!(waitlist_columns!(), " FROM fastapi_waitlist WHERE id = $1"),
            action: "close_waitlist_entry",
            target: "waitlist",
        },
        id,
        now,
        audit,
        |r: &WaitlistRow| r.notified_at,
    )
    .await
}

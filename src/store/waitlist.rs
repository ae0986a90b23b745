//! `fastapi_waitlist`.

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

/// Add an email. Returns false when it is already on the list (unique index), so two racing
/// joins cannot both succeed.
pub async fn join(
    db: &Db,
    email: &str,
    interested_agents: Option<&str>,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let res = on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO fastapi_waitlist (email, interested_agents, created_at, notified) VALUES ($1, $2, $3, FALSE)"
    )
    .bind(email)
    .bind(interested_agents)
    .bind(now)
    .execute(p)
    .await.map(|r| r.rows_affected())
    });
    match res {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
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

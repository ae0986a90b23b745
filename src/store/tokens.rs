//! `fastapi_revoked_tokens`: tokens revoked by logout (decision F10).

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

/// Record a logged-out token. Revoking the same token twice is not an error.
pub async fn revoke(
    db: &Db,
    token_hash: &str,
    user_id: i32,
    now: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO fastapi_revoked_tokens (token_hash, user_id, revoked_at, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (token_hash) DO NOTHING"
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(p)
    .await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Cleanup job: rows whose token has expired anyway.
pub async fn delete_expired(db: &Db, now: NaiveDateTime) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| sqlx::query(
        "DELETE FROM fastapi_revoked_tokens WHERE expires_at < $1"
    )
    .bind(now)
    .execute(p)
    .await?
    .rows_affected()))
}

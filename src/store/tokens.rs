//! `fastapi_revoked_tokens`: tokens revoked by logout (decision F10); `fastapi_password_guesses`:
//! tokens that gave a wrong current password.

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

/// Remember that the token with SHA-256 `token_hash` gave a wrong current password to
/// `change-password`: a change it makes later does not exempt it.
pub async fn record_password_guess(
    db: &Db,
    token_hash: &str,
    user_id: i32,
    expires_at: Option<NaiveDateTime>,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
            "INSERT INTO fastapi_password_guesses (token_hash, user_id, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (token_hash) DO NOTHING",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(expires_at)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Whether the token with SHA-256 `token_hash` ever gave a wrong current password.
pub async fn guessed_password(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM fastapi_password_guesses WHERE token_hash = $1)"
    )
    .bind(token_hash)
    .fetch_one(p)
    .await)
}

/// Which of these token hashes were logged out.
pub async fn logged_out_among(db: &Db, hashes: &[String]) -> Result<Vec<String>, sqlx::Error> {
    match db {
        Db::Sqlite(p) => {
            let list = serde_json::to_string(hashes).expect("hashes serialise");
            sqlx::query_scalar(
                "SELECT token_hash FROM fastapi_revoked_tokens \
                 WHERE token_hash IN (SELECT value FROM json_each($1))",
            )
            .bind(list)
            .fetch_all(p)
            .await
        }
        Db::Postgres(p) => {
            sqlx::query_scalar(
                "SELECT token_hash FROM fastapi_revoked_tokens WHERE token_hash = ANY($1)",
            )
            .bind(hashes)
            .fetch_all(p)
            .await
        }
    }
}

/// Cleanup job: rows whose token has expired anyway (logged-out tokens, password guesses).
pub async fn delete_expired(db: &Db, now: NaiveDateTime) -> Result<u64, sqlx::Error> {
    let revoked = on_db!(db, |p| sqlx::query(
        "DELETE FROM fastapi_revoked_tokens WHERE expires_at < $1"
    )
    .bind(now)
    .execute(p)
    .await?
    .rows_affected());
    let guesses = on_db!(db, |p| sqlx::query(
        "DELETE FROM fastapi_password_guesses WHERE expires_at < $1"
    )
    .bind(now)
    .execute(p)
    .await?
    .rows_affected());
    Ok(revoked + guesses)
}

//! `fastapi_login_addresses`: where each account has logged in from, as keyed hashes.

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

/// Remember (or refresh) that `user_id` logged in from the address with this hash.
pub async fn remember(
    db: &Db,
    user_id: i32,
    address_hash: &str,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO fastapi_login_addresses (user_id, address_hash, last_login_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, address_hash) DO UPDATE SET last_login_at = excluded.last_login_at"
    )
    .bind(user_id)
    .bind(address_hash)
    .bind(now)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Whether the account named `username` has logged in from the address with this hash.
pub async fn is_known(db: &Db, username: &str, address_hash: &str) -> Result<bool, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM fastapi_login_addresses a JOIN fastapi_users u ON u.id = a.user_id \
         WHERE u.username = $1 AND a.address_hash = $2)"
    )
    .bind(username)
    .bind(address_hash)
    .fetch_one(p)
    .await
    })
}

/// Cleanup job: addresses not used for a login since `cutoff`.
pub async fn forget_before(db: &Db, cutoff: NaiveDateTime) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| sqlx::query(
        "DELETE FROM fastapi_login_addresses WHERE last_login_at < $1"
    )
    .bind(cutoff)
    .execute(p)
    .await?
    .rows_affected()))
}

//! `fastapi_users` and the account's other rows.

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::admin::Removal;
use super::{Db, Tx};
use crate::domain::agents::Agent;
use crate::domain::plans::Plan;
use crate::domain::trial::Trial;
use crate::domain::user::{Role, User};
use crate::{on_db, on_tx};

/// The columns of [`User`], in one place (a macro, so queries stay `&'static str`).
macro_rules! user_columns {
    () => {
        "id, username, password_hash, full_name, role, is_active, created_at, email_verified, \
         plan_type, query_count, monthly_query_count, last_query_date, last_reset_date, plan_end_date, \
         deleted, deletion_requested_at, tokens_valid_after, token_exempt_hash, token_version, \
         email_verification_required, processing_restricted, restriction_requested_at, \
         restriction_reason, restriction_grounds"
    };
}

/// What every revocation sets beside `tokens_valid_after` (decision F10): the token
/// version moves on, so every token issued before, even in the same second or by a login that
/// read the old state while this ran, stops working; an outstanding reset link is voided.
macro_rules! revocation {
    () => {
        "token_version = token_version + 1, \
         reset_token_hash = NULL, reset_token_expiry = NULL, reset_token = NULL"
    };
}

/// Revoke every token of `id` and void its reset link, inside the caller's transaction (an admin
/// deactivation): no token issued before is exempted.
pub(super) async fn revoke_in(
    tx: &mut Tx,
    id: i64,
    valid_after: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| sqlx::query(concat!(
        "UPDATE fastapi_users SET tokens_valid_after = $2, token_exempt_hash = NULL, ",
        revocation!(),
        " WHERE id = $1"
    ))
    .bind(id)
    .bind(super::truncate_to_seconds(valid_after))
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(FromRow)]
struct AuthRow {
    #[sqlx(flatten)]
    user: User,
    revoked: bool,
}

/// The user with `id`, and whether the token with SHA-256 `token_hash` was logged out. One round
/// trip, for every authenticated request.
pub async fn get_for_auth(
    db: &Db,
    id: i32,
    token_hash: &str,
) -> Result<Option<(User, bool)>, sqlx::Error> {
    let sql = concat!(
        "SELECT ",
        user_columns!(),
        ", EXISTS(SELECT 1 FROM fastapi_revoked_tokens r WHERE r.token_hash = $2) AS revoked \
         FROM fastapi_users WHERE id = $1"
    );
    let row: Option<AuthRow> = on_db!(db, |p| sqlx::query_as(sql)
        .bind(id)
        .bind(token_hash)
        .fetch_optional(p)
        .await?);
    Ok(row.map(|r| (r.user, r.revoked)))
}

/// How long a replica may answer an authenticated request from [`AuthCache`] without reading the
/// account again: revocation, deactivation and every other change to the account reach every
/// replica within it.
pub const AUTH_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(1);

/// A replica's short-lived memory of [`get_for_auth`]: the account row and the
/// logged-out flag by token, for at most [`AUTH_CACHE_TTL`], so a burst of authenticated reads
/// costs one query per token a second. [`AuthCache::invalidate`] forgets it all; the HTTP edge
/// calls it after every request that may write (any method but GET, HEAD and OPTIONS), and so do
/// the background jobs and a turn's refund, so on this replica a read that starts after a write ended sees it. A
/// change made elsewhere (another replica, the CLI, the old service) is seen within the TTL.
pub struct AuthCache {
    entries: moka::sync::Cache<String, std::sync::Arc<(u64, User, bool)>>,
    /// Entries made before the last invalidation are not used.
    epoch: std::sync::atomic::AtomicU64,
}

impl Default for AuthCache {
    fn default() -> Self {
        AuthCache {
            entries: moka::sync::Cache::builder()
                .max_capacity(10_000)
                .time_to_live(AUTH_CACHE_TTL)
                .build(),
            epoch: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

impl AuthCache {
    /// Forget every entry: the next read of each token goes to the database.
    pub fn invalidate(&self) {
        self.epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// [`get_for_auth`] through the replica's [`AuthCache`].
pub async fn get_for_auth_cached(
    db: &Db,
    cache: &AuthCache,
    id: i32,
    token_hash: &str,
) -> Result<Option<(User, bool)>, sqlx::Error> {
    // (The epoch is read before the database: a write that ends after this read began
    // invalidates what it brings back.)
    let epoch = cache.epoch.load(std::sync::atomic::Ordering::SeqCst);
    if let Some(e) = cache.entries.get(token_hash)
        && e.0 == epoch
        && e.1.id == id
    {
        return Ok(Some((e.1.clone(), e.2)));
    }
    let found = get_for_auth(db, id, token_hash).await?;
    if let Some((user, logged_out)) = &found {
        cache.entries.insert(
            token_hash.to_string(),
            std::sync::Arc::new((epoch, user.clone(), *logged_out)),
        );
    }
    Ok(found)
}

pub async fn get(db: &Db, id: i32) -> Result<Option<User>, sqlx::Error> {
    let sql = concat!(
        "SELECT ",
        user_columns!(),
        " FROM fastapi_users WHERE id = $1"
    );
    on_db!(db, |p| sqlx::query_as(sql).bind(id).fetch_optional(p).await)
}

/// The accounts with these ids (those that exist).
pub async fn get_many(db: &Db, ids: &[i32]) -> Result<Vec<User>, sqlx::Error> {
    match db {
        Db::Sqlite(p) => {
            let list = serde_json::to_string(ids).expect("ids serialise");
            sqlx::query_as(concat!(
                "SELECT ",
                user_columns!(),
                " FROM fastapi_users WHERE id IN (SELECT value FROM json_each($1))"
            ))
            .bind(list)
            .fetch_all(p)
            .await
        }
        Db::Postgres(p) => {
            sqlx::query_as(concat!(
                "SELECT ",
                user_columns!(),
                " FROM fastapi_users WHERE id = ANY($1)"
            ))
            .bind(ids)
            .fetch_all(p)
            .await
        }
    }
}

/// Exact, case-sensitive match on `username` (api-contract §4.3).
pub async fn get_by_username(db: &Db, username: &str) -> Result<Option<User>, sqlx::Error> {
    let sql = concat!(
        "SELECT ",
        user_columns!(),
        " FROM fastapi_users WHERE username = $1"
    );
    on_db!(db, |p| sqlx::query_as(sql)
        .bind(username)
        .fetch_optional(p)
        .await)
}

/// How many accounts store each kind of password hash, by its first seven characters
/// (`$2b$12$`: bcrypt at cost 12; `$argon2`): what an unknown username's check must cost.
pub async fn hash_classes(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT SUBSTR(password_hash, 1, 7) AS prefix, COUNT(*) AS n FROM fastapi_users \
         GROUP BY SUBSTR(password_hash, 1, 7)"
    )
    .fetch_all(p)
    .await)
}

pub async fn username_exists(db: &Db, username: &str) -> Result<bool, sqlx::Error> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM fastapi_users WHERE username = $1)"
    )
    .bind(username)
    .fetch_one(p)
    .await)
}

/// A new account (registration or admin creation).
pub struct NewUser<'a> {
    pub username: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub role: &'a str,
    pub is_active: bool,
    pub plan_type: &'a str,
    pub marketing_consent: bool,
    /// Registered under `REQUIRE_EMAIL_VERIFICATION`: the hash of the emailed token and its
    /// expiry; the account logs in only once verified.
    pub verification: Option<(&'a str, NaiveDateTime)>,
    pub now: NaiveDateTime,
}

/// The registration defaults of api-contract §2.3, written in one statement. `$id_col` and
/// `$id_val` name the id on SQLite (never reused, [`crate::sqlite_next_id`]); PostgreSQL's
/// sequence picks it. `tokens_valid_after` is the creation second: no token issued before the
/// account existed opens it.
macro_rules! insert_user {
    ($id_col:expr, $id_val:expr) => {
        concat!(
            "INSERT INTO fastapi_users (",
            $id_col,
            "username, password_hash, full_name, role, is_active, created_at, \
               email_verified, gdpr_consent_given, gdpr_consent_date, terms_accepted, terms_accepted_date, \
               marketing_consent, marketing_consent_date, privacy_policy_version, terms_version, plan_type, \
               query_count, monthly_query_count, last_reset_date, deleted, tokens_valid_after, \
               email_verification_required, verification_token_hash, verification_token_expiry) \
             VALUES (",
            $id_val,
            "$1, $2, $3, $4, $5, $6, FALSE, TRUE, $6, TRUE, $6, $7, $8, '1.0', '1.0', $9, 0, 0, $6, FALSE, $10, \
               $11, $12, $13) \
             RETURNING ",
            user_columns!()
        )
    };
}
const INSERT_USER_PG: &str = insert_user!("", "");
const INSERT_USER_SQLITE: &str = insert_user!(
    "id, ",
    concat!(crate::sqlite_next_id!("fastapi_users"), ", ")
);

fn unique_to_none(res: Result<User, sqlx::Error>) -> Result<Option<User>, sqlx::Error> {
    match res {
        Ok(user) => Ok(Some(user)),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Insert the account. Returns `None` when the username is taken (unique index), so two racing
/// registrations cannot both succeed.
pub async fn insert(db: &Db, u: &NewUser<'_>) -> Result<Option<User>, sqlx::Error> {
    let marketing_date = u.marketing_consent.then_some(u.now);
    let sql = if db.is_sqlite() {
        INSERT_USER_SQLITE
    } else {
        INSERT_USER_PG
    };
    unique_to_none(on_db!(db, |p| sqlx::query_as(sql)
        .bind(u.username)
        .bind(u.password_hash)
        .bind(u.full_name)
        .bind(u.role)
        .bind(u.is_active)
        .bind(u.now)
        .bind(u.marketing_consent)
        .bind(marketing_date)
        .bind(u.plan_type)
        .bind(super::truncate_to_seconds(u.now))
        .bind(u.verification.is_some())
        .bind(u.verification.map(|v| v.0))
        .bind(u.verification.map(|v| v.1))
        .fetch_all(p)
        .await
        .and_then(super::one)))
}

/// [`insert`] inside an open transaction.
pub async fn insert_in(tx: &mut Tx, u: &NewUser<'_>) -> Result<Option<User>, sqlx::Error> {
    let marketing_date = u.marketing_consent.then_some(u.now);
    let sql = if tx.is_sqlite() {
        INSERT_USER_SQLITE
    } else {
        INSERT_USER_PG
    };
    unique_to_none(on_tx!(tx, |t| sqlx::query_as(sql)
        .bind(u.username)
        .bind(u.password_hash)
        .bind(u.full_name)
        .bind(u.role)
        .bind(u.is_active)
        .bind(u.now)
        .bind(u.marketing_consent)
        .bind(marketing_date)
        .bind(u.plan_type)
        .bind(super::truncate_to_seconds(u.now))
        .bind(u.verification.is_some())
        .bind(u.verification.map(|v| v.0))
        .bind(u.verification.map(|v| v.1))
        .fetch_one(t)
        .await))
}

/// The lazy monthly reset (decision F1): zero the counter when its anchor is before
/// `month_start`. The condition is repeated in SQL so concurrent requests reset once.
pub async fn reset_monthly_if_stale(
    db: &Db,
    id: i32,
    month_start: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_users SET monthly_query_count = 0, last_reset_date = $3 \
         WHERE id = $1 AND COALESCE(last_reset_date, last_query_date, created_at) < $2"
    )
    .bind(id)
    .bind(month_start)
    .bind(now)
    .execute(p)
    .await?
    .rows_affected());
    Ok(n > 0)
}

/// The monthly reset job: every stale counter at once.
pub async fn reset_all_stale(
    db: &Db,
    month_start: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_users SET monthly_query_count = 0, last_reset_date = $2 \
         WHERE COALESCE(last_reset_date, last_query_date, created_at) < $1"
    )
    .bind(month_start)
    .bind(now)
    .execute(p)
    .await?
    .rows_affected()))
}

/// Which one-time token a query is about (decision F11).
#[derive(Clone, Copy, Debug)]
pub enum OneTimeKind {
    Reset,
    Verification,
}

impl OneTimeKind {
    fn set_sql(self) -> &'static str {
        match self {
            OneTimeKind::Reset => {
                "UPDATE fastapi_users SET reset_token_hash = $2, reset_token_expiry = $3, reset_token = NULL \
                 WHERE id = $1"
            }
            OneTimeKind::Verification => {
                "UPDATE fastapi_users SET verification_token_hash = $2, verification_token_expiry = $3, \
                 verification_token = NULL WHERE id = $1"
            }
        }
    }
    fn find_sql(self) -> &'static str {
        match self {
            OneTimeKind::Reset => {
                "SELECT id, reset_token_expiry FROM fastapi_users WHERE reset_token_hash = $1 ORDER BY id LIMIT 1"
            }
            OneTimeKind::Verification => {
                "SELECT id, verification_token_expiry FROM fastapi_users WHERE verification_token_hash = $1 \
                 ORDER BY id LIMIT 1"
            }
        }
    }
}

/// Store a new one-time token's hash and expiry, replacing the previous one and clearing the
/// legacy plaintext column.
pub async fn set_one_time_token(
    db: &Db,
    id: i32,
    kind: OneTimeKind,
    hash: &str,
    expiry: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| sqlx::query(kind.set_sql())
        .bind(id)
        .bind(hash)
        .bind(expiry)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The user holding the one-time token with this hash, and its expiry.
pub async fn find_by_one_time_token(
    db: &Db,
    kind: OneTimeKind,
    hash: &str,
) -> Result<Option<(i32, Option<NaiveDateTime>)>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(kind.find_sql())
        .bind(hash)
        .fetch_optional(p)
        .await)
}

/// Consume a reset token: store the new hash, clear the token and revoke every earlier access
/// token (decision F10). The `WHERE` on the token hash makes the token single use even when two
/// requests race. Returns false when the token was already used.
pub async fn complete_password_reset(
    db: &Db,
    id: i32,
    token_hash: &str,
    password_hash: &str,
    valid_after: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| {
        sqlx::query(concat!(
            "UPDATE fastapi_users SET password_hash = $3, tokens_valid_after = $4, \
             token_exempt_hash = NULL, ",
            revocation!(),
            " WHERE id = $1 AND reset_token_hash = $2"
        ))
        .bind(id)
        .bind(token_hash)
        .bind(password_hash)
        .bind(valid_after)
        .execute(p)
        .await?
        .rows_affected()
    });
    Ok(n > 0)
}

/// Consume a verification token. Returns false when it was already used.
pub async fn complete_email_verification(
    db: &Db,
    id: i32,
    token_hash: &str,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_users SET email_verified = TRUE, verification_token_hash = NULL, \
           verification_token_expiry = NULL, verification_token = NULL \
         WHERE id = $1 AND verification_token_hash = $2"
    )
    .bind(id)
    .bind(token_hash)
    .execute(p)
    .await?
    .rows_affected());
    Ok(n > 0)
}

/// Store a new password hash and revoke earlier tokens except `exempt_hash` (decision F10; see
/// `revocation!`).
pub async fn set_password(
    db: &Db,
    id: i32,
    password_hash: &str,
    valid_after: Option<NaiveDateTime>,
    exempt_hash: Option<&str>,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(concat!(
            "UPDATE fastapi_users SET password_hash = $2, \
             tokens_valid_after = COALESCE($3, tokens_valid_after), token_exempt_hash = $4, ",
            revocation!(),
            " WHERE id = $1"
        ))
        .bind(id)
        .bind(password_hash)
        .bind(valid_after)
        .bind(exempt_hash)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Mark the account for deletion in 30 days (decision F2). Refused (`LastAdmin`) when the account
/// is an active admin and every other active admin is gone or has a deletion pending: the purge
/// would otherwise have to choose between the request and leaving no admin. The check
/// and the write are one transaction under the active admins' row locks (see
/// [`super::admin::is_last_staying_admin_in`]).
pub async fn request_deletion(
    db: &Db,
    id: i32,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> Result<Removal, sqlx::Error> {
    let mut tx = db.begin().await?;
    if super::admin::is_last_staying_admin_in(&mut tx, id).await? {
        return Ok(Removal::LastAdmin);
    }
    let n = on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE fastapi_users SET deleted = TRUE, deletion_requested_at = $2, deletion_reason = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .bind(reason)
    .execute(t)
    .await.map(|r| r.rows_affected())
    })?;
    tx.commit().await?;
    Ok(if n == 0 {
        Removal::NotFound
    } else {
        Removal::Done
    })
}

/// Clear a deletion request. Returns false when the account was not marked for deletion.
pub async fn cancel_deletion(db: &Db, id: i32) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_users SET deleted = FALSE, deletion_requested_at = NULL, deletion_reason = NULL \
         WHERE id = $1 AND deleted = TRUE"
    )
    .bind(id)
    .execute(p)
    .await?
    .rows_affected()
    });
    Ok(n > 0)
}

pub async fn update_full_name(
    db: &Db,
    id: i32,
    full_name: &str,
) -> Result<Option<User>, sqlx::Error> {
    let sql = concat!(
        "UPDATE fastapi_users SET full_name = $2 WHERE id = $1 RETURNING ",
        user_columns!()
    );
    on_db!(db, |p| sqlx::query_as(sql)
        .bind(id)
        .bind(full_name)
        .fetch_all(p)
        .await)
    .map(super::first)
}

/// `create-admin`'s new account (see [`insert_user!`] for the id and `tokens_valid_after`).
macro_rules! insert_admin {
    ($id_col:expr, $id_val:expr) => {
        concat!(
            "INSERT INTO fastapi_users (",
            $id_col,
            "username, password_hash, full_name, role, is_active, created_at, \
               email_verified, gdpr_consent_given, terms_accepted, marketing_consent, privacy_policy_version, \
               terms_version, plan_type, query_count, monthly_query_count, last_reset_date, deleted, tokens_valid_after) \
             VALUES (",
            $id_val,
            "$1, $2, $3, $6, TRUE, $4, FALSE, FALSE, FALSE, FALSE, '1.0', '1.0', $7, 0, 0, $4, FALSE, $5) \
             RETURNING id"
        )
    };
}
const INSERT_ADMIN_PG: &str = insert_admin!("", "");
const INSERT_ADMIN_SQLITE: &str = insert_admin!(
    "id, ",
    concat!(crate::sqlite_next_id!("fastapi_users"), ", ")
);

/// `create-admin`: promote and activate an existing user and set the password, or create the
/// user as an active admin. Returns the user id.
pub async fn upsert_admin(
    db: &Db,
    username: &str,
    password_hash: &str,
    full_name: Option<&str>,
    now: NaiveDateTime,
) -> Result<i32, sqlx::Error> {
    let mut tx = db.begin().await?;
    let existing: Option<(i32, Option<String>, bool)> = on_tx!(&mut tx, |t| sqlx::query_as(
        "SELECT id, role, is_active FROM fastapi_users WHERE username = $1"
    )
    .bind(username)
    .fetch_optional(t)
    .await?);
    let before = existing
        .as_ref()
        .map(|(_, role, active)| serde_json::json!({"role": role, "is_active": active}));
    let id = match existing.map(|(id, _, _)| id) {
        Some(id) => {
            on_tx!(&mut tx, |t| {
                sqlx::query(concat!(
                    "UPDATE fastapi_users SET role = $5, is_active = TRUE, password_hash = $2, \
                     full_name = COALESCE($3, full_name), tokens_valid_after = $4, \
                     token_exempt_hash = NULL, ",
                    revocation!(),
                    " WHERE id = $1"
                ))
                .bind(id)
                .bind(password_hash)
                .bind(full_name)
                .bind(super::truncate_to_seconds(now))
                .bind(Role::Admin.as_str())
                .execute(t)
                .await?
                .rows_affected()
            });
            id
        }
        None => {
            let sql = if tx.is_sqlite() {
                INSERT_ADMIN_SQLITE
            } else {
                INSERT_ADMIN_PG
            };
            on_tx!(&mut tx, |t| sqlx::query_scalar(sql)
                .bind(username)
                .bind(password_hash)
                // (A new admin's name defaults to the username's part before `@`.)
                .bind(full_name.unwrap_or_else(|| username.split('@').next().unwrap_or(username)))
                .bind(now)
                .bind(super::truncate_to_seconds(now))
                .bind(Role::Admin.as_str())
                .bind(Plan::Free.as_str())
                .fetch_one(t)
                .await?)
        }
    };
    // A command-line change is audited like an admin's, with no acting user and `cli` for the
    // request.
    super::audit::record(
        &mut tx,
        &super::audit::Audit {
            actor_id: None,
            request_id: Some("cli".into()),
        },
        "create_admin",
        Some(id),
        None,
        before.as_ref(),
        Some(&serde_json::json!({"role": Role::Admin.as_str(), "is_active": true, "password": "set"})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Survey bonus queries of a user: the sum of `bonus_queries_granted` over both stages (NULL
/// reads as 0).
async fn survey_bonus(db: &Db, user_id: i32) -> Result<i64, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT CAST(COALESCE((SELECT SUM(COALESCE(bonus_queries_granted, 0)) FROM fastapi_user_survey WHERE user_id = $1), 0) \
              + COALESCE((SELECT SUM(COALESCE(bonus_queries_granted, 0)) FROM fastapi_user_survey_stage2 WHERE user_id = $1), 0) AS BIGINT)"
    )
    .bind(user_id)
    .fetch_one(p)
    .await
    })
}

/// Usage figures of `GET /profile`: the user's conversations and the messages in them.
pub async fn usage_counts(db: &Db, user_id: i32) -> Result<(i64, i64), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM fastapi_conversations WHERE user_id = $1), \
                (SELECT COUNT(*) FROM fastapi_messages m JOIN fastapi_conversations c ON c.id = m.conversation_id \
                  WHERE c.user_id = $1)"
    )
    .bind(user_id)
    .fetch_one(p)
    .await
    })
}

/// A contact request as the profile lists it.
#[derive(Debug, FromRow)]
pub struct ContactRequestRow {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub message: String,
    pub source: String,
    pub status: Option<String>,
    pub created_at: Option<NaiveDateTime>,
}

/// The monthly query limit of a user, as `chat/send` applies it and `GET /profile` shows it:
/// the plan's chat limit, with the survey bonus looked up only for a plan that earns it.
pub async fn query_limit(db: &Db, user: &User) -> Result<i64, sqlx::Error> {
    let plan = user.plan();
    let bonus = if plan.earns_survey_bonus() {
        survey_bonus(db, user.id).await?
    } else {
        0
    };
    Ok(plan.chat_limit(bonus))
}

/// The user's free trial (decision L4) when `fallback` (the setting `FALLBACK_AGENT`) names an
/// agent: `None` without it, and for anyone but a `free` non-admin user (the survey bonus is
/// read only when the trial applies).
pub async fn trial(
    db: &Db,
    user: &User,
    fallback: Option<&'static Agent>,
) -> Result<Option<Trial>, sqlx::Error> {
    if !Trial::applies(fallback, user.plan(), user.is_admin()) {
        return Ok(None);
    }
    let limit = query_limit(db, user).await?;
    Ok(Trial::of(
        fallback,
        user.plan(),
        user.is_admin(),
        user.monthly_query_count(),
        limit,
    ))
}

/// Up to 10 contact requests whose email is the user's username, newest first.
pub async fn contact_requests_for_email(
    db: &Db,
    email: &str,
) -> Result<Vec<ContactRequestRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, name, email, company, message, source, status, created_at FROM fastapi_contact_request \
         WHERE email = $1 ORDER BY created_at DESC, id DESC LIMIT 10"
    )
    .bind(email)
    .fetch_all(p)
    .await
    })
}

/// Accounts whose deletion grace period ended before `cutoff` (decision F2).
pub async fn due_for_purge(
    db: &Db,
    cutoff: NaiveDateTime,
) -> Result<Vec<(i32, String)>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, username FROM fastapi_users WHERE deleted = TRUE AND deletion_requested_at < $1 ORDER BY id"
    )
    .bind(cutoff)
    .fetch_all(p)
    .await
    })
}

/// The purge job's deletion of one account and all its data, in one transaction (api-contract
/// §4.10). Re-checked inside it, under the active admins' row locks: the account must still be
/// due (`NotFound` when it is gone or its request was cancelled or renewed since it was listed)
/// and must not be the last active admin (`LastAdmin`: another admin may have been demoted
/// since the request was accepted; the account is kept and the request stays pending).
pub async fn purge_due(db: &Db, id: i32, cutoff: NaiveDateTime) -> Result<Removal, sqlx::Error> {
    let mut tx = db.begin().await?;
    let last_admin = super::admin::is_last_active_admin_in(&mut tx, id).await?;
    let username: Option<String> = on_tx!(&mut tx, |t| {
        sqlx::query_scalar(
        "SELECT username FROM fastapi_users WHERE id = $1 AND deleted = TRUE AND deletion_requested_at < $2"
    )
    .bind(id)
    .bind(cutoff)
    .fetch_optional(t)
    .await?
    });
    let Some(username) = username else {
        return Ok(Removal::NotFound);
    };
    if last_admin {
        return Ok(Removal::LastAdmin);
    }
    purge_in(&mut tx, id, &username).await?;
    tx.commit().await?;
    Ok(Removal::Done)
}

/// The statements of a purge, inside an open transaction.
pub async fn purge_in(tx: &mut Tx, id: i32, username: &str) -> Result<(), sqlx::Error> {
    const BY_USER: &[&str] = &[
        "DELETE FROM fastapi_messages WHERE conversation_id IN (SELECT id FROM fastapi_conversations WHERE user_id = $1)",
        "DELETE FROM fastapi_chat_events WHERE turn_id IN (SELECT id FROM fastapi_chat_turns WHERE user_id = $1 \
           OR conversation_id IN (SELECT id FROM fastapi_conversations WHERE user_id = $1))",
        "DELETE FROM fastapi_chat_turns WHERE user_id = $1 \
           OR conversation_id IN (SELECT id FROM fastapi_conversations WHERE user_id = $1)",
        "DELETE FROM fastapi_conversations WHERE user_id = $1",
        "DELETE FROM fastapi_hired_agent WHERE user_id = $1",
        "DELETE FROM fastapi_agent_whitelist WHERE user_id = $1",
        "DELETE FROM fastapi_user_survey WHERE user_id = $1",
        "DELETE FROM fastapi_user_survey_stage2 WHERE user_id = $1",
        "DELETE FROM fastapi_contact_request WHERE user_id = $1",
        "DELETE FROM fastapi_password_guesses WHERE user_id = $1",
        "DELETE FROM fastapi_revoked_tokens WHERE user_id = $1",
        "DELETE FROM fastapi_login_addresses WHERE user_id = $1",
        // The processing log holds the user's addresses and browsers (decision L7).
        "DELETE FROM fastapi_data_processing_logs WHERE user_id = $1",
        // Not the admin log: its entries outlive the users they name, with the id and the
        // username of the moment, so how an account became an admin stays on record.
    ];
    for sql in BY_USER {
        on_tx!(&mut *tx, |t| sqlx::query(*sql)
            .bind(id)
            .execute(t)
            .await
            .map(|r| r.rows_affected()))?;
    }
    on_tx!(&mut *tx, |t| sqlx::query(
        "DELETE FROM fastapi_waitlist WHERE email = $1"
    )
    .bind(username)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    on_tx!(&mut *tx, |t| sqlx::query(
        "DELETE FROM fastapi_users WHERE id = $1"
    )
    .bind(id)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

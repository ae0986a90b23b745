//! `fastapi_agent_access`, `fastapi_hired_agent` and `fastapi_agent_whitelist`.

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::audit::{self, Audit};
use super::{Db, Tx};
use crate::domain::access::{AgentConfig, Grant, Hire};
use crate::domain::agents::AGENTS;
use crate::domain::plans::Plan;
use crate::{on_db, on_tx};

#[derive(Clone, Debug, FromRow, serde::Serialize)]
pub struct AccessRow {
    pub id: i32,
    pub agent_type: String,
    pub required_plan: Option<String>,
    pub is_enabled: Option<bool>,
    pub description: Option<String>,
    #[serde(skip)]
    pub required_plan_raised_at: Option<NaiveDateTime>,
}

impl AccessRow {
    pub fn config(&self) -> AgentConfig {
        AgentConfig {
            required_plan: self.required_plan.clone(),
            is_enabled: self.is_enabled,
            required_plan_raised_at: self.required_plan_raised_at,
        }
    }
}

pub async fn config(db: &Db, agent_type: &str) -> Result<Option<AccessRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, agent_type, required_plan, is_enabled, description, required_plan_raised_at \
         FROM fastapi_agent_access WHERE agent_type = $1"
    )
    .bind(agent_type)
    .fetch_optional(p)
    .await)
}

/// Every configured agent, by `agent_type`.
pub async fn configs(db: &Db) -> Result<Vec<AccessRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, agent_type, required_plan, is_enabled, description, required_plan_raised_at \
         FROM fastapi_agent_access ORDER BY agent_type"
    )
    .fetch_all(p)
    .await)
}

/// Insert the default row of every catalogue agent that has none (decision F4); existing rows
/// are never touched. Returns how many were inserted.
pub async fn seed_missing(db: &Db, now: NaiveDateTime) -> Result<u64, sqlx::Error> {
    let mut n = 0;
    for a in &AGENTS {
        let (agent_type, plan, enabled, description) =
            (a.id, a.required_plan, a.enabled, a.description);
        n += on_db!(db, |p| {
            sqlx::query(
            "INSERT INTO fastapi_agent_access (agent_type, required_plan, is_enabled, description, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (agent_type) DO NOTHING"
        )
        .bind(agent_type)
        .bind(plan)
        .bind(enabled)
        .bind(description)
        .bind(now)
        .execute(p)
        .await?
        .rows_affected()
        });
    }
    Ok(n)
}

/// Insert an agent's access row (`created_at` = `updated_at` = now).
async fn insert_row(
    tx: &mut Tx,
    agent_type: &str,
    plan: &str,
    enabled: bool,
    description: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query(
        "INSERT INTO fastapi_agent_access (agent_type, required_plan, is_enabled, description, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5)"
    )
    .bind(agent_type)
    .bind(plan)
    .bind(enabled)
    .bind(description)
    .bind(now)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Apply the given fields to an agent's row (`None` leaves a field); a raise stamps
/// `required_plan_raised_at` (decision F3).
async fn update_row(
    tx: &mut Tx,
    agent_type: &str,
    required_plan: Option<&str>,
    is_enabled: Option<bool>,
    description: Option<&str>,
    raised: bool,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query(
        "UPDATE fastapi_agent_access SET required_plan = COALESCE($2, required_plan), \
           is_enabled = COALESCE($3, is_enabled), description = COALESCE($4, description), updated_at = $5, \
           required_plan_raised_at = CASE WHEN $6 THEN $5 ELSE required_plan_raised_at END \
         WHERE agent_type = $1"
    )
    .bind(agent_type)
    .bind(required_plan)
    .bind(is_enabled)
    .bind(description)
    .bind(now)
    .bind(raised)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// `seed-agents --force`: every catalogue agent's row back to its defaults, in one transaction.
/// A raised requirement is stamped, so earlier hires are grandfathered (decision F3).
async fn all_rows(tx: &mut Tx) -> Result<Vec<AccessRow>, sqlx::Error> {
    Ok(on_tx!(tx, |t| sqlx::query_as(
        "SELECT id, agent_type, required_plan, is_enabled, description, required_plan_raised_at \
         FROM fastapi_agent_access ORDER BY agent_type"
    )
    .fetch_all(t)
    .await?))
}

pub async fn seed_force(db: &Db, now: NaiveDateTime) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let before = all_rows(&mut tx).await?;
    let mut n = 0;
    for a in &AGENTS {
        let (agent_type, plan, enabled, description) =
            (a.id, a.required_plan, a.enabled, a.description);
        let old: Option<Option<String>> = on_tx!(&mut tx, |t| sqlx::query_scalar(
            "SELECT required_plan FROM fastapi_agent_access WHERE agent_type = $1"
        )
        .bind(agent_type)
        .fetch_optional(t)
        .await?);
        match old {
            None => {
                insert_row(&mut tx, agent_type, plan, enabled, Some(description), now).await?;
            }
            Some(old_plan) => {
                let raised = Plan::stored(old_plan.as_deref()).raises(Plan::stored(Some(plan)));
                update_row(
                    &mut tx,
                    agent_type,
                    Some(plan),
                    Some(enabled),
                    Some(description),
                    raised,
                    now,
                )
                .await?;
            }
        }
        n += 1;
    }
    let after = all_rows(&mut tx).await?;
    // A command-line reset is audited like an admin's change.
    audit::record(
        &mut tx,
        &Audit {
            actor_id: None,
            request_id: Some("cli".into()),
        },
        "seed_agents_force",
        None,
        Some("all agents"),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// The result of `update-config`.
#[derive(Debug, PartialEq, Eq)]
pub enum ConfigChange {
    Created,
    Updated,
}

/// `update-config`: create the row, or apply the given fields (decision F3 on a raise). The
/// caller has validated `required_plan` for an existing row.
pub async fn update_config(
    db: &Db,
    agent_type: &str,
    required_plan: Option<&str>,
    is_enabled: Option<bool>,
    description: Option<&str>,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<ConfigChange, sqlx::Error> {
    let mut tx = db.begin().await?;
    let old: Option<AccessRow> = on_tx!(&mut tx, |t| {
        sqlx::query_as(
        "SELECT id, agent_type, required_plan, is_enabled, description, required_plan_raised_at \
         FROM fastapi_agent_access WHERE agent_type = $1"
    )
    .bind(agent_type)
    .fetch_optional(t)
    .await?
    });
    let change = match &old {
        None => {
            insert_row(
                &mut tx,
                agent_type,
                required_plan.unwrap_or(Plan::Free.as_str()),
                is_enabled.unwrap_or(true),
                description,
                now,
            )
            .await?;
            ConfigChange::Created
        }
        Some(row) => {
            let raised = required_plan.is_some_and(|p| {
                Plan::stored(row.required_plan.as_deref()).raises(Plan::stored(Some(p)))
            });
            update_row(
                &mut tx,
                agent_type,
                required_plan,
                is_enabled,
                description,
                raised,
                now,
            )
            .await?;
            ConfigChange::Updated
        }
    };
    let new: Option<AccessRow> = on_tx!(&mut tx, |t| {
        sqlx::query_as(
        "SELECT id, agent_type, required_plan, is_enabled, description, required_plan_raised_at \
         FROM fastapi_agent_access WHERE agent_type = $1"
    )
    .bind(agent_type)
    .fetch_optional(t)
    .await?
    });
    audit::record(
        &mut tx,
        audit,
        "update_agent_config",
        None,
        Some(agent_type),
        old.as_ref(),
        new.as_ref(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(change)
}

#[derive(Clone, Debug, FromRow)]
struct HireRow {
    agent_type: String,
    hired_at: Option<NaiveDateTime>,
    required_plan_at_hire: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
struct GrantRow {
    agent_type: String,
    expires_at: Option<NaiveDateTime>,
}

/// A user's active hires and active whitelist grants, for one agent type or all of them.
#[derive(Clone, Debug, Default)]
pub struct UserAgentFacts {
    hires: Vec<HireRow>,
    grants: Vec<GrantRow>,
}

impl UserAgentFacts {
    pub fn hires(&self, agent_type: &str) -> Vec<Hire> {
        self.hires
            .iter()
            .filter(|h| h.agent_type == agent_type)
            .map(|h| Hire {
                hired_at: h.hired_at,
                required_plan_at_hire: h.required_plan_at_hire.clone(),
            })
            .collect()
    }
    pub fn grants(&self, agent_type: &str) -> Vec<Grant> {
        self.grants
            .iter()
            .filter(|g| g.agent_type == agent_type)
            .map(|g| Grant {
                expires_at: g.expires_at,
            })
            .collect()
    }
}

/// Read what the access decision needs about a user: two queries, whatever the number of agents.
pub async fn user_facts(
    db: &Db,
    user_id: i32,
    agent_type: Option<&str>,
) -> Result<UserAgentFacts, sqlx::Error> {
    let hires: Vec<HireRow> = on_db!(db, |p| sqlx::query_as(
        "SELECT agent_type, hired_at, required_plan_at_hire FROM fastapi_hired_agent \
         WHERE user_id = $1 AND is_active = TRUE AND ($2 IS NULL OR agent_type = $2)"
    )
    .bind(user_id)
    .bind(agent_type)
    .fetch_all(p)
    .await?);
    let grants: Vec<GrantRow> = on_db!(db, |p| sqlx::query_as(
        "SELECT agent_type, expires_at FROM fastapi_agent_whitelist \
         WHERE user_id = $1 AND is_active = TRUE AND ($2 IS NULL OR agent_type = $2)"
    )
    .bind(user_id)
    .bind(agent_type)
    .fetch_all(p)
    .await?);
    Ok(UserAgentFacts { hires, grants })
}

/// The access decision of api-contract §4.5 for `user` and a normalised agent type: the facts
/// are read here, the one pure rule of `domain::access` decides. `trial` is the user's free
/// trial (`users::trial`). The endpoints that decide access for one agent call this (check,
/// chat/send); my-agents applies the same rule to every agent.
pub async fn decide(
    db: &Db,
    user: &crate::domain::user::User,
    agent_type: &str,
    now: NaiveDateTime,
    trial: Option<&crate::domain::trial::Trial>,
) -> Result<crate::domain::access::Decision, sqlx::Error> {
    let config = config(db, agent_type).await?.map(|r| r.config());
    let facts = user_facts(db, user.id, Some(agent_type)).await?;
    Ok(crate::domain::access::decide(
        &crate::domain::access::AccessFacts {
            agent_type,
            config: config.as_ref(),
            is_admin: user.is_admin(),
            plan_type: user.plan_type.as_deref(),
            grants: &facts.grants(agent_type),
            hires: &facts.hires(agent_type),
            now,
            trial,
        },
    ))
}

/// What a hire did.
#[derive(Debug, PartialEq, Eq)]
pub enum HireOutcome {
    AlreadyActive,
    Reactivated,
    Inserted,
}

/// Hire an agent: reactivate the user's most recent inactive row for the type, or insert one,
/// recording the requirement in force (decision F3). Runs under the user's lock, so concurrent
/// hires never create duplicate rows.
pub async fn hire(
    db: &Db,
    user_id: i32,
    agent_type: &str,
    required_plan_now: Option<&str>,
    now: NaiveDateTime,
) -> Result<HireOutcome, sqlx::Error> {
    let mut tx = db.begin().await?;
    tx.lock_user(user_id).await?;
    let active: Option<i32> = on_tx!(&mut tx, |t| {
        sqlx::query_scalar(
        "SELECT id FROM fastapi_hired_agent WHERE user_id = $1 AND agent_type = $2 AND is_active = TRUE LIMIT 1"
    )
    .bind(user_id)
    .bind(agent_type)
    .fetch_optional(t)
    .await?
    });
    if active.is_some() {
        return Ok(HireOutcome::AlreadyActive);
    }
    let inactive: Option<i32> = on_tx!(&mut tx, |t| {
        sqlx::query_scalar(
        "SELECT id FROM fastapi_hired_agent WHERE user_id = $1 AND agent_type = $2 ORDER BY id DESC LIMIT 1"
    )
    .bind(user_id)
    .bind(agent_type)
    .fetch_optional(t)
    .await?
    });
    let outcome = match inactive {
        Some(id) => {
            on_tx!(&mut tx, |t| {
                sqlx::query(
                "UPDATE fastapi_hired_agent SET is_active = TRUE, hired_at = $2, required_plan_at_hire = $3 WHERE id = $1"
            )
            .bind(id)
            .bind(now)
            .bind(required_plan_now)
            .execute(t)
            .await
            .map(|r| r.rows_affected())
            })?;
            HireOutcome::Reactivated
        }
        None => {
            on_tx!(&mut tx, |t| {
                sqlx::query(
                "INSERT INTO fastapi_hired_agent (user_id, agent_type, hired_at, is_active, required_plan_at_hire) \
                 VALUES ($1, $2, $3, TRUE, $4)"
            )
            .bind(user_id)
            .bind(agent_type)
            .bind(now)
            .bind(required_plan_now)
            .execute(t)
            .await
            .map(|r| r.rows_affected())
            })?;
            HireOutcome::Inserted
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Deactivate the user's active hires of the type; the number of rows changed.
pub async fn release(db: &Db, user_id: i32, agent_type: &str) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_hired_agent SET is_active = FALSE WHERE user_id = $1 AND agent_type = $2 AND is_active = TRUE"
    )
    .bind(user_id)
    .bind(agent_type)
    .execute(p)
    .await?
    .rows_affected()
    }))
}

#[derive(Clone, Debug, FromRow)]
pub struct HiredRow {
    pub id: i32,
    pub user_id: i32,
    pub agent_type: String,
    pub hired_at: Option<NaiveDateTime>,
    pub is_active: Option<bool>,
}

pub async fn active_hires(db: &Db, user_id: i32) -> Result<Vec<HiredRow>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, user_id, agent_type, hired_at, is_active FROM fastapi_hired_agent \
         WHERE user_id = $1 AND is_active = TRUE ORDER BY id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)
}

/// Grant (or renew) a whitelist entry: the pair's newest row is updated, or one is inserted.
#[expect(
    clippy::too_many_arguments,
    reason = "each argument is a column of the row written or a fact of the decision; a struct would only rename them"
)]
/// `unlimited`: whether the grant's queries are not counted (`None` keeps what the pair had, a
/// new row is limited).
pub async fn grant(
    db: &Db,
    user_id: i32,
    agent_type: &str,
    expires_at: Option<NaiveDateTime>,
    reason: Option<&str>,
    unlimited: Option<bool>,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    tx.lock_user(user_id).await?;
    let before = whitelist_snapshot(&mut tx, user_id, agent_type).await?;
    match before.as_ref().map(|b| b.id) {
        Some(id) => {
            on_tx!(&mut tx, |t| {
                sqlx::query(
                "UPDATE fastapi_agent_whitelist SET is_active = TRUE, granted_by = $2, granted_at = $3, expires_at = $4, reason = $5, \
                   unlimited_queries = COALESCE($6, unlimited_queries, FALSE) \
                 WHERE id = $1"
            )
            .bind(id)
            .bind(audit.actor_id)
            .bind(now)
            .bind(expires_at)
            .bind(reason)
            .bind(unlimited)
            .execute(t)
            .await
            .map(|r| r.rows_affected())
            })?;
        }
        None => {
            on_tx!(&mut tx, |t| {
                sqlx::query(
                "INSERT INTO fastapi_agent_whitelist (agent_type, user_id, granted_by, granted_at, expires_at, is_active, reason, unlimited_queries) \
                 VALUES ($1, $2, $3, $4, $5, TRUE, $6, $7)"
            )
            .bind(agent_type)
            .bind(user_id)
            .bind(audit.actor_id)
            .bind(now)
            .bind(expires_at)
            .bind(reason)
            .bind(unlimited.unwrap_or(false))
            .execute(t)
            .await
            .map(|r| r.rows_affected())
            })?;
        }
    }
    commit_whitelist_audited(
        tx,
        "grant_access",
        user_id,
        agent_type,
        before.as_ref(),
        audit,
        now,
    )
    .await?;
    Ok(())
}

/// Deactivate the pair's whitelist rows (kept for history). False when the pair has none.
pub async fn revoke(
    db: &Db,
    user_id: i32,
    agent_type: &str,
    now: NaiveDateTime,
    audit: &Audit,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let before = whitelist_snapshot(&mut tx, user_id, agent_type).await?;
    if before.is_none() {
        return Ok(false);
    }
    on_tx!(&mut tx, |t| {
        sqlx::query(
        "UPDATE fastapi_agent_whitelist SET is_active = FALSE WHERE user_id = $1 AND agent_type = $2"
    )
    .bind(user_id)
    .bind(agent_type)
    .execute(t)
    .await
    .map(|r| r.rows_affected())
    })?;
    commit_whitelist_audited(
        tx,
        "revoke_access",
        user_id,
        agent_type,
        before.as_ref(),
        audit,
        now,
    )
    .await?;
    Ok(true)
}

#[derive(Clone, Debug, FromRow, serde::Serialize)]
pub struct WhitelistSnapshot {
    pub id: i32,
    pub is_active: Option<bool>,
    #[serde(serialize_with = "crate::domain::time::opt_datetime")]
    pub expires_at: Option<NaiveDateTime>,
    pub reason: Option<String>,
    pub granted_by: Option<i32>,
    pub unlimited_queries: Option<bool>,
}

/// Record `action` on the pair's whitelist with its state after the change, and commit: the
/// change and its audit entry land together.
async fn commit_whitelist_audited(
    mut tx: Tx,
    action: &str,
    user_id: i32,
    agent_type: &str,
    before: Option<&WhitelistSnapshot>,
    audit: &Audit,
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    let after = whitelist_snapshot(&mut tx, user_id, agent_type).await?;
    audit::record(
        &mut tx,
        audit,
        action,
        Some(user_id),
        Some(agent_type),
        before,
        after.as_ref(),
        now,
    )
    .await?;
    tx.commit().await
}

async fn whitelist_snapshot(
    tx: &mut Tx,
    user_id: i32,
    agent_type: &str,
) -> Result<Option<WhitelistSnapshot>, sqlx::Error> {
    on_tx!(tx, |t| {
        sqlx::query_as(
        "SELECT id, is_active, expires_at, reason, granted_by, unlimited_queries FROM fastapi_agent_whitelist \
         WHERE user_id = $1 AND agent_type = $2 ORDER BY id DESC LIMIT 1"
    )
    .bind(user_id)
    .bind(agent_type)
    .fetch_optional(t)
    .await
    })
}

/// One of a user's whitelist rows, revoked ones included (the admin's per-user grants).
#[derive(Clone, Debug, FromRow)]
pub struct UserGrant {
    pub id: i32,
    pub agent_type: String,
    pub is_active: Option<bool>,
    pub unlimited_queries: Option<bool>,
    pub granted_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
    pub reason: Option<String>,
}

/// Every whitelist row of a user, by agent type.
pub async fn user_grants(db: &Db, user_id: i32) -> Result<Vec<UserGrant>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT id, agent_type, is_active, unlimited_queries, granted_at, expires_at, reason \
         FROM fastapi_agent_whitelist WHERE user_id = $1 ORDER BY agent_type, id"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)
}

/// The agents a user may query without counting: an active grant, not expired at `now`
/// (expiry exclusive, as for access), with unlimited queries. `agent_type` narrows to one.
pub async fn unlimited_agents(
    db: &Db,
    user_id: i32,
    agent_type: Option<&str>,
    now: NaiveDateTime,
) -> Result<Vec<String>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_scalar(
        "SELECT DISTINCT agent_type FROM fastapi_agent_whitelist \
         WHERE user_id = $1 AND is_active = TRUE AND unlimited_queries = TRUE \
           AND (expires_at IS NULL OR expires_at > $2) AND ($3 IS NULL OR agent_type = $3) \
         ORDER BY agent_type"
    )
    .bind(user_id)
    .bind(now)
    .bind(agent_type)
    .fetch_all(p)
    .await)
}

#[derive(Clone, Debug, FromRow)]
pub struct WhitelistedUser {
    pub user_id: i32,
    pub username: String,
    pub full_name: Option<String>,
    pub granted_by: Option<i32>,
    pub granted_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
    pub is_active: Option<bool>,
    pub reason: Option<String>,
}

/// Active grants of an agent with their users (rows of deleted users skipped), newest first:
/// the first `limit`.
pub async fn whitelisted_users(
    db: &Db,
    agent_type: &str,
    include_expired: bool,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<WhitelistedUser>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT w.user_id, u.username, u.full_name, w.granted_by, w.granted_at, w.expires_at, w.is_active, w.reason \
         FROM fastapi_agent_whitelist w JOIN fastapi_users u ON u.id = w.user_id \
         WHERE w.agent_type = $1 AND w.is_active = TRUE AND ($2 OR w.expires_at IS NULL OR w.expires_at > $3) \
         ORDER BY w.granted_at DESC, w.id DESC LIMIT $4"
    )
    .bind(agent_type)
    .bind(include_expired)
    .bind(now)
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

/// `(total_hired, total_whitelisted)` per agent type, counted in the database. With
/// `agent_type` one type (zeros when unknown); without, every configured type.
pub async fn statistics(
    db: &Db,
    agent_type: Option<&str>,
    now: NaiveDateTime,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    match agent_type {
        Some(t) => {
            let (h, w): (i64, i64) = on_db!(db, |p| {
                sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM fastapi_hired_agent WHERE agent_type = $1 AND is_active = TRUE), \
                        (SELECT COUNT(*) FROM fastapi_agent_whitelist WHERE agent_type = $1 AND is_active = TRUE \
                           AND (expires_at IS NULL OR expires_at > $2))"
            )
            .bind(t)
            .bind(now)
            .fetch_one(p)
            .await?
            });
            Ok(vec![(t.to_string(), h, w)])
        }
        None => on_db!(db, |p| {
            sqlx::query_as(
            "SELECT a.agent_type, \
               (SELECT COUNT(*) FROM fastapi_hired_agent h WHERE h.agent_type = a.agent_type AND h.is_active = TRUE), \
               (SELECT COUNT(*) FROM fastapi_agent_whitelist w WHERE w.agent_type = a.agent_type AND w.is_active = TRUE \
                  AND (w.expires_at IS NULL OR w.expires_at > $1)) \
             FROM fastapi_agent_access a ORDER BY a.agent_type"
        )
        .bind(now)
        .fetch_all(p)
        .await
        }),
    }
}

/// The caller's `sender = "user"` messages by their conversation's current agent type.
pub async fn user_messages_by_agent(
    db: &Db,
    user_id: i32,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT COALESCE(c.agent_type, 'market'), COUNT(*) FROM fastapi_messages m \
         JOIN fastapi_conversations c ON c.id = m.conversation_id \
         WHERE c.user_id = $1 AND m.sender = 'user' GROUP BY COALESCE(c.agent_type, 'market') \
         ORDER BY 1"
    )
    .bind(user_id)
    .fetch_all(p)
    .await)
}

//! The account as the rules see it, with the contract's reading of NULLs (api-contract §1.6).

use chrono::NaiveDateTime;

use super::plans;

/// A `fastapi_users` row. Nullable columns stay `Option`; the accessors apply the contract's
/// defaults for rows written by the old service or by hand.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct User {
    pub id: i32,
    pub username: String,
    pub password_hash: String,
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub is_active: Option<bool>,
    pub created_at: Option<NaiveDateTime>,
    pub email_verified: Option<bool>,
    pub plan_type: Option<String>,
    pub query_count: Option<i32>,
    pub monthly_query_count: Option<i32>,
    pub last_query_date: Option<NaiveDateTime>,
    pub last_reset_date: Option<NaiveDateTime>,
    pub plan_end_date: Option<NaiveDateTime>,
    pub deleted: Option<bool>,
    pub deletion_requested_at: Option<NaiveDateTime>,
    pub tokens_valid_after: Option<NaiveDateTime>,
    pub token_exempt_hash: Option<String>,
}

impl User {
    pub fn role(&self) -> &str {
        self.role.as_deref().unwrap_or("user")
    }
    pub fn is_admin(&self) -> bool {
        self.role() == "admin"
    }
    pub fn is_active(&self) -> bool {
        self.is_active.unwrap_or(false)
    }
    pub fn plan_type(&self) -> &str {
        self.plan_type.as_deref().unwrap_or("free")
    }
    pub fn full_name(&self) -> &str {
        self.full_name.as_deref().unwrap_or("")
    }
    pub fn query_count(&self) -> i64 {
        self.query_count.unwrap_or(0) as i64
    }
    pub fn monthly_query_count(&self) -> i64 {
        self.monthly_query_count.unwrap_or(0) as i64
    }
    pub fn deleted(&self) -> bool {
        self.deleted.unwrap_or(false)
    }
    pub fn email_verified(&self) -> bool {
        self.email_verified.unwrap_or(false)
    }
    /// Whether the monthly counter must be reset before this request sees it (decision F1).
    pub fn counter_is_stale(&self, now: NaiveDateTime) -> bool {
        plans::counter_is_stale(
            plans::reset_anchor(self.last_reset_date, self.last_query_date, self.created_at),
            now,
        )
    }
}

//! The account as the rules see it, with the contract's reading of NULLs (api-contract §1.6).

use chrono::NaiveDateTime;

use super::plans::{self, Plan};

/// A role, as `role` holds it. Strict from a request ([`Role::parse`]), lenient from storage
/// ([`Role::stored`]): NULL reads as `user`, an unknown string as `Other` (no admin rights).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    User,
    Admin,
    /// A stored string that names no role.
    Other,
}

impl Role {
    /// A role from a request: exactly `user` or `admin`.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "user" => Some(Role::User),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn stored(s: Option<&str>) -> Role {
        s.map_or(Role::User, |s| Role::parse(s).unwrap_or(Role::Other))
    }

    /// The name written to the database (`Other` is never written).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Admin => "admin",
            Role::Other => "other",
        }
    }
}

/// Whether a change to `role` (a request's value, `None`: unchanged) takes admin rights away.
pub fn role_change_removes_admin(role: Option<&str>) -> bool {
    role.is_some_and(|r| Role::parse(r) != Some(Role::Admin))
}

/// The shortest password accepted anywhere: registration's reset, the profile's change, the
/// admin console's create, and `create-admin`.
pub const PASSWORD_MIN_CHARS: usize = 8;

/// Whether a new password is long enough (counted in characters).
pub fn password_long_enough(password: &str) -> bool {
    password.chars().count() >= PASSWORD_MIN_CHARS
}

/// The 400 text of a too short new password.
pub fn password_too_short_message() -> String {
    format!("Password must be at least {PASSWORD_MIN_CHARS} characters")
}

/// Days between a deletion request and the purge of the account (decision F2).
pub const DELETION_GRACE_DAYS: i64 = 30;

/// When an account whose deletion was requested at `requested` is purged.
pub fn deletion_takes_effect(requested: NaiveDateTime) -> NaiveDateTime {
    requested + chrono::Duration::days(DELETION_GRACE_DAYS)
}

/// Accounts whose deletion was requested before this instant are due for the purge at `now`.
pub fn purge_cutoff(now: NaiveDateTime) -> NaiveDateTime {
    now - chrono::Duration::days(DELETION_GRACE_DAYS)
}

/// The answer to a deletion request.
pub fn deletion_requested_message() -> String {
    format!(
        "Account deletion requested. You have {DELETION_GRACE_DAYS} days to cancel this request. A confirmation email has been sent."
    )
}

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
    /// Registered under `REQUIRE_EMAIL_VERIFICATION` (decision L3): logs in only once verified.
    pub email_verification_required: bool,
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
    /// Incremented by every revocation; a token carries the version its login read.
    pub token_version: i32,
    /// The user restricted the processing of their data (GDPR Art. 18, decision L7): chat
    /// refuses to run until they lift it.
    pub processing_restricted: Option<bool>,
    pub restriction_requested_at: Option<NaiveDateTime>,
    pub restriction_reason: Option<String>,
    pub restriction_grounds: Option<String>,
}

impl User {
    /// Whether a token of this account, issued at `iat` (Unix seconds) with token `version` and
    /// SHA-256 `token_hash`, is revoked (decision F10): issued before
    /// `tokens_valid_after` (whole seconds: before the account existed, or before a revocation)
    /// or of an older token version (every revocation moves it on, so this is exact whatever the
    /// clock says), unless it is the one token the last password change exempted. Logout is
    /// checked apart (`fastapi_revoked_tokens`).
    pub fn revokes(&self, iat: i64, version: i64, token_hash: &str) -> bool {
        let issued_before = self
            .tokens_valid_after
            .is_some_and(|after| iat < after.and_utc().timestamp());
        let older_version = version != i64::from(self.token_version);
        (issued_before || older_version) && self.token_exempt_hash.as_deref() != Some(token_hash)
    }

    pub fn role(&self) -> &str {
        self.role.as_deref().unwrap_or("user")
    }
    pub fn is_admin(&self) -> bool {
        Role::stored(self.role.as_deref()) == Role::Admin
    }
    pub fn is_active(&self) -> bool {
        self.is_active.unwrap_or(false)
    }
    /// The stored plan name for display (NULL shows as `free`).
    pub fn plan_type(&self) -> &str {
        self.plan_type.as_deref().unwrap_or("free")
    }
    /// The plan as the rules read it.
    pub fn plan(&self) -> Plan {
        Plan::stored(self.plan_type.as_deref())
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
    pub fn processing_restricted(&self) -> bool {
        self.processing_restricted.unwrap_or(false)
    }
    /// Whether the monthly counter must be reset before this request sees it (decision F1).
    pub fn counter_is_stale(&self, now: NaiveDateTime) -> bool {
        plans::counter_is_stale(
            plans::reset_anchor(self.last_reset_date, self.last_query_date, self.created_at),
            now,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_strict_and_stored() {
        let cases: &[(Option<&str>, Option<Role>, Role)] = &[
            (Some("user"), Some(Role::User), Role::User),
            (Some("admin"), Some(Role::Admin), Role::Admin),
            (Some("Admin"), None, Role::Other),
            (Some("superuser"), None, Role::Other),
            (None, None, Role::User),
        ];
        for (s, parsed, stored) in cases {
            if let Some(s) = s {
                assert_eq!(Role::parse(s), *parsed, "{s:?}");
            }
            assert_eq!(Role::stored(*s), *stored, "{s:?}");
        }
        for r in [Role::User, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
    }

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn password_minimum() {
        assert_eq!(PASSWORD_MIN_CHARS, 8);
        let cases: &[(&str, bool)] = &[
            ("", false),
            ("1234567", false),
            ("12345678", true),
            ("éééééééé", true),
            ("ééééééé", false),
            ("a much longer passphrase", true),
        ];
        for (p, want) in cases {
            assert_eq!(password_long_enough(p), *want, "{p:?}");
        }
        assert_eq!(
            password_too_short_message(),
            "Password must be at least 8 characters"
        );
    }

    #[test]
    fn deletion_grace_period() {
        assert_eq!(DELETION_GRACE_DAYS, 30);
        let cases: &[(&str, &str)] = &[
            ("2026-01-01 00:00:00", "2026-01-31 00:00:00"),
            ("2026-02-15 12:30:00", "2026-03-17 12:30:00"),
            ("2026-12-10 08:00:00", "2027-01-09 08:00:00"),
        ];
        for (requested, effective) in cases {
            assert_eq!(deletion_takes_effect(dt(requested)), dt(effective));
            // due exactly when the grace has passed: the cutoff of that instant is the request
            assert_eq!(purge_cutoff(dt(effective)), dt(requested));
        }
        assert_eq!(
            deletion_requested_message(),
            "Account deletion requested. You have 30 days to cancel this request. A confirmation email has been sent."
        );
    }

    #[test]
    fn which_role_changes_remove_admin() {
        let cases: &[(Option<&str>, bool)] = &[
            (None, false),
            (Some("admin"), false),
            (Some("user"), true),
            (Some("anything"), true),
        ];
        for (role, want) in cases {
            assert_eq!(role_change_removes_admin(*role), *want, "{role:?}");
        }
    }
}

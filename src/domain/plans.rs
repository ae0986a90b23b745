//! Plans, query limits and the monthly reset (api-contract §4.1, §4.2; decision F1).

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A plan, as `plan_type` (of a user) and `required_plan` (of an agent) hold it. Parsed once:
/// strictly at the edge ([`Plan::parse`]), leniently from storage ([`Plan::stored`]), where the
/// old service's database may hold NULL or any string. Responses echo the stored string; the
/// rules read the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    Free,
    Premium,
    Max,
    Admin,
    /// The current app's plans (decision L4): `analyst` between `free` and `premium`,
    /// `strategist` level with `premium`, `enterprise` level with `max`.
    Analyst,
    Strategist,
    Enterprise,
    /// A stored string that names no plan (written by hand or by the old service): ranks as
    /// `free` but is not `free` (no survey bonus, no upgrade prompt).
    Other,
}

impl Plan {
    /// The plans a request may name.
    pub const ALL: [Plan; 7] = [
        Plan::Free,
        Plan::Premium,
        Plan::Max,
        Plan::Admin,
        Plan::Analyst,
        Plan::Strategist,
        Plan::Enterprise,
    ];

    /// A plan name from a request: exactly one of [`Plan::ALL`]'s names.
    pub fn parse(s: &str) -> Option<Plan> {
        Plan::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// A stored value: NULL reads as `free` (api-contract §1.6), an unknown string as `Other`.
    pub fn stored(s: Option<&str>) -> Plan {
        match s {
            None => Plan::Free,
            Some(s) => Plan::parse(s).unwrap_or(Plan::Other),
        }
    }

    /// The name written to the database (`Other` has none of its own; it is never written).
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Free => "free",
            Plan::Premium => "premium",
            Plan::Max => "max",
            Plan::Admin => "admin",
            Plan::Analyst => "analyst",
            Plan::Strategist => "strategist",
            Plan::Enterprise => "enterprise",
            Plan::Other => "other",
        }
    }

    /// A plan a user account may be given (`admin` is a role, and a plan only agents require).
    pub fn is_user_plan(self) -> bool {
        !matches!(self, Plan::Admin | Plan::Other)
    }

    /// Level: `free` 0, `analyst` 1, `premium` and `strategist` 2, `max` and `enterprise` 3,
    /// `admin` 4; an unknown plan 0. (The old service's levels at the current app's commit:
    /// only their order matters.)
    pub fn level(self) -> u8 {
        match self {
            Plan::Analyst => 1,
            Plan::Premium | Plan::Strategist => 2,
            Plan::Max | Plan::Enterprise => 3,
            Plan::Admin => 4,
            Plan::Free | Plan::Other => 0,
        }
    }

    /// Whether this plan is enough for an agent that requires `required` (the one plan
    /// comparison: access decision, hiring, and a raised requirement are all this).
    pub fn meets(self, required: Plan) -> bool {
        self.level() >= required.level()
    }

    /// Whether changing an agent's required plan from `self` to `to` raises it: then the change
    /// is stamped and those who hired the agent before keep it (grandfathering, decision F3).
    pub fn raises(self, to: Plan) -> bool {
        !self.meets(to)
    }

    /// Base monthly query limit: `premium` 1000, `max` 10000, the current app's paid plans
    /// 999,999 (as the old service gives them), anything else 5.
    pub fn base_limit(self) -> i64 {
        match self {
            Plan::Premium => 1000,
            Plan::Max => 10_000,
            Plan::Analyst | Plan::Strategist | Plan::Enterprise => 999_999,
            _ => 5,
        }
    }

    /// Only the `free` plan adds the survey bonuses to its limit.
    pub fn earns_survey_bonus(self) -> bool {
        self == Plan::Free
    }

    /// The limit applied by `chat/send` and shown by `GET /profile`: the base limit plus, on
    /// the `free` plan only, the bonuses of completed survey stages.
    pub fn chat_limit(self, survey_bonus: i64) -> i64 {
        if self.earns_survey_bonus() {
            self.base_limit() + survey_bonus
        } else {
            self.base_limit()
        }
    }

    /// The limit reported by the survey endpoints (kept for compatibility): 5 on `free`, 1000
    /// on any other plan, plus [`SURVEY_STAGE_BONUS`] per completed stage whatever the plan.
    pub fn survey_limit(self, completed_stages: i64) -> i64 {
        let base = if self == Plan::Free { 5 } else { 1000 };
        base + i64::from(SURVEY_STAGE_BONUS) * completed_stages
    }

    /// Whether the quota 429 says an upgrade would help.
    pub fn upgrade_required(self) -> bool {
        self == Plan::Free
    }

    /// How the profile shows the plan: paid plans `"Active"` (decision F16).
    pub fn status(self) -> &'static str {
        match self {
            Plan::Premium | Plan::Max | Plan::Analyst | Plan::Strategist | Plan::Enterprise => {
                "Active"
            }
            _ => "Free Tier",
        }
    }
}

/// Bonus queries granted by each completed survey stage (stored in `bonus_queries_granted`).
pub const SURVEY_STAGE_BONUS: i32 = 5;

/// The survey's answer once a stage is stored.
pub fn survey_unlocked_message(stage2: bool) -> String {
    let survey = if stage2 { "Stage 2 survey" } else { "Survey" };
    format!("{survey} completed! {SURVEY_STAGE_BONUS} extra queries unlocked.")
}

/// The text of a refused query: the monthly limit is used up.
pub fn limit_reached_message(used: i64, limit: i64) -> String {
    format!("Query limit reached. You have used {used}/{limit} queries this month.")
}

/// "Can make query" of `agent-management` (kept for compatibility): admins always; others while
/// the monthly count is below the limit.
pub fn can_make_query(is_admin: bool, monthly: i64, limit: i64) -> bool {
    is_admin || monthly < limit
}

/// The anchor of the monthly counter: `last_reset_date`, else `last_query_date`, else
/// `created_at`.
pub fn reset_anchor(
    last_reset: Option<NaiveDateTime>,
    last_query: Option<NaiveDateTime>,
    created: Option<NaiveDateTime>,
) -> Option<NaiveDateTime> {
    last_reset.or(last_query).or(created)
}

/// The first instant of the calendar month (UTC) containing `now`.
pub fn month_start(now: NaiveDateTime) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(now.year(), now.month(), 1)
        .expect("valid first day of month")
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
}

/// A counter is stale when its anchor is before the first instant of the current month. A user
/// with no anchor at all has never been counted, so there is nothing to reset.
pub fn counter_is_stale(anchor: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    matches!(anchor, Some(a) if a < month_start(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn raising_is_moving_to_a_plan_the_old_one_does_not_meet() {
        assert!(Plan::Free.raises(Plan::Premium));
        assert!(Plan::Premium.raises(Plan::Max));
        assert!(!Plan::Max.raises(Plan::Premium), "lowering");
        assert!(!Plan::Premium.raises(Plan::Premium), "the same");
        assert!(
            !Plan::Other.raises(Plan::Free),
            "an unknown stored plan is free"
        );
    }

    #[test]
    fn levels_and_limits() {
        let cases: &[(Option<&str>, u8, i64)] = &[
            (Some("free"), 0, 5),
            (Some("analyst"), 1, 999_999),
            (Some("premium"), 2, 1000),
            (Some("strategist"), 2, 999_999),
            (Some("max"), 3, 10_000),
            (Some("enterprise"), 3, 999_999),
            (Some("admin"), 4, 5),
            (Some("gold"), 0, 5),
            (None, 0, 5),
        ];
        for (plan, level, limit) in cases {
            assert_eq!(Plan::stored(*plan).level(), *level, "{plan:?}");
            assert_eq!(Plan::stored(*plan).base_limit(), *limit, "{plan:?}");
        }
    }

    #[test]
    fn parse_is_strict_and_stored_is_lenient() {
        let cases: &[(&str, Option<Plan>, Plan, bool)] = &[
            ("free", Some(Plan::Free), Plan::Free, true),
            ("premium", Some(Plan::Premium), Plan::Premium, true),
            ("max", Some(Plan::Max), Plan::Max, true),
            ("admin", Some(Plan::Admin), Plan::Admin, false),
            ("Free", None, Plan::Other, false),
            ("gold", None, Plan::Other, false),
            ("", None, Plan::Other, false),
        ];
        for (s, parsed, stored, user_plan) in cases {
            assert_eq!(Plan::parse(s), *parsed, "{s:?}");
            assert_eq!(Plan::stored(Some(s)), *stored, "{s:?}");
            assert_eq!(parsed.is_some_and(Plan::is_user_plan), *user_plan, "{s:?}");
        }
        assert_eq!(Plan::stored(None), Plan::Free);
        for p in Plan::ALL {
            assert_eq!(Plan::parse(p.as_str()), Some(p));
        }
    }

    #[test]
    fn meets_compares_levels() {
        use Plan::*;
        let cases: &[(Plan, Plan, bool)] = &[
            (Free, Free, true),
            (Free, Premium, false),
            (Premium, Free, true),
            (Premium, Max, false),
            (Max, Premium, true),
            (Max, Admin, false),
            (Admin, Max, true),
            (Other, Free, true),
            (Free, Other, true),
            (Other, Premium, false),
        ];
        for (plan, required, want) in cases {
            assert_eq!(plan.meets(*required), *want, "{plan:?} meets {required:?}");
        }
    }

    #[test]
    fn chat_limit_adds_bonus_only_on_free() {
        let cases: &[(Option<&str>, i64, i64)] = &[
            (Some("free"), 0, 5),
            (Some("free"), 10, 15),
            (None, 5, 10),
            (Some("premium"), 10, 1000),
            (Some("max"), 5, 10_000),
            (Some("gold"), 5, 5),
        ];
        for (plan, bonus, want) in cases {
            assert_eq!(
                Plan::stored(*plan).chat_limit(*bonus),
                *want,
                "{plan:?} {bonus}"
            );
            assert_eq!(
                Plan::stored(*plan).earns_survey_bonus(),
                plan.unwrap_or("free") == "free",
                "{plan:?}"
            );
        }
    }

    #[test]
    fn can_make_query_rule() {
        assert!(can_make_query(true, 100, 5));
        assert!(can_make_query(false, 4, 5));
        assert!(!can_make_query(false, 5, 5));
    }

    #[test]
    fn survey_limits() {
        let cases: &[(Option<&str>, i64, i64)] = &[
            (Some("free"), 1, 10),
            (None, 2, 15),
            (Some("premium"), 1, 1005),
            (Some("max"), 2, 1010),
            (Some("gold"), 0, 1000),
        ];
        for (plan, stages, want) in cases {
            assert_eq!(Plan::stored(*plan).survey_limit(*stages), *want, "{plan:?}");
        }
    }

    #[test]
    fn survey_bonus_and_messages() {
        assert_eq!(SURVEY_STAGE_BONUS, 5);
        let cases: &[(bool, &str)] = &[
            (false, "Survey completed! 5 extra queries unlocked."),
            (true, "Stage 2 survey completed! 5 extra queries unlocked."),
        ];
        for (stage2, want) in cases {
            assert_eq!(survey_unlocked_message(*stage2), *want);
        }
        let cases: &[(i64, i64, &str)] = &[
            (
                5,
                5,
                "Query limit reached. You have used 5/5 queries this month.",
            ),
            (
                1000,
                1000,
                "Query limit reached. You have used 1000/1000 queries this month.",
            ),
        ];
        for (used, limit, want) in cases {
            assert_eq!(limit_reached_message(*used, *limit), *want);
        }
    }

    #[test]
    fn plan_status_is_active_for_paid_plans() {
        let cases: &[(Option<&str>, &str, bool)] = &[
            (Some("premium"), "Active", false),
            (Some("max"), "Active", false),
            (Some("free"), "Free Tier", true),
            (None, "Free Tier", true),
            (Some("gold"), "Free Tier", false),
        ];
        for (plan, status, upgrade) in cases {
            assert_eq!(Plan::stored(*plan).status(), *status, "{plan:?}");
            assert_eq!(Plan::stored(*plan).upgrade_required(), *upgrade, "{plan:?}");
        }
    }

    #[test]
    fn monthly_reset_rule() {
        let now = dt("2026-12-01 00:00:05");
        // (last_reset_date, last_query_date, created_at, resets)
        type Case<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, bool);
        let cases: &[Case] = &[
            // anchor is last_reset_date when present
            (
                Some("2026-11-30 23:59:59"),
                Some("2026-12-01 00:00:01"),
                None,
                true,
            ),
            (Some("2026-12-01 00:00:00"), None, None, false),
            // then last_query_date
            (
                None,
                Some("2026-11-15 10:00:00"),
                Some("2026-12-01 00:00:01"),
                true,
            ),
            (
                None,
                Some("2026-12-01 00:00:01"),
                Some("2025-01-01 00:00:00"),
                false,
            ),
            // then created_at
            (None, None, Some("2026-10-01 00:00:00"), true),
            (None, None, Some("2026-12-01 00:00:04"), false),
            // nothing at all: never counted, not stale
            (None, None, None, false),
        ];
        for (reset, query, created, want) in cases {
            let anchor = reset_anchor(reset.map(dt), query.map(dt), created.map(dt));
            assert_eq!(
                counter_is_stale(anchor, now),
                *want,
                "{reset:?} {query:?} {created:?}"
            );
        }
        assert_eq!(
            month_start(dt("2026-02-28 13:00:00")),
            dt("2026-02-01 00:00:00")
        );
    }
}

//! Plans, query limits and the monthly reset (api-contract §4.1, §4.2; decision F1).

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// Level of a plan name: `free` 0, `premium` 1, `max` 2, `admin` 3; anything else (or none) 0.
pub fn plan_level(plan: Option<&str>) -> u8 {
    match plan {
        Some("premium") => 1,
        Some("max") => 2,
        Some("admin") => 3,
        _ => 0,
    }
}

/// Base monthly query limit of a plan: `premium` 1000, `max` 10000, anything else 5.
pub fn base_limit(plan: Option<&str>) -> i64 {
    match plan {
        Some("premium") => 1000,
        Some("max") => 10_000,
        _ => 5,
    }
}

/// The limit applied by `chat/send` and shown by `GET /profile`: the base limit plus, on the
/// `free` plan only, the bonuses of completed survey stages.
pub fn chat_limit(plan: Option<&str>, survey_bonus: i64) -> i64 {
    let base = base_limit(plan);
    if plan.unwrap_or("free") == "free" {
        base + survey_bonus
    } else {
        base
    }
}

/// The limit reported by the survey endpoints (kept for compatibility): 5 on `free`, 1000 on any
/// other plan, plus 5 per completed stage whatever the plan.
pub fn survey_limit(plan: Option<&str>, completed_stages: i64) -> i64 {
    let base = if plan.unwrap_or("free") == "free" {
        5
    } else {
        1000
    };
    base + 5 * completed_stages
}

/// "Can make query" of `agent-management` (kept for compatibility): admins always; others while
/// the monthly count is below the limit.
pub fn can_make_query(is_admin: bool, monthly: i64, limit: i64) -> bool {
    is_admin || monthly < limit
}

/// Whether a paid plan is shown as `"Active"` on the profile (decision F16).
pub fn plan_status(plan: Option<&str>) -> &'static str {
    match plan {
        Some("premium" | "max") => "Active",
        _ => "Free Tier",
    }
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
    fn levels_and_limits() {
        let cases: &[(Option<&str>, u8, i64)] = &[
            (Some("free"), 0, 5),
            (Some("premium"), 1, 1000),
            (Some("max"), 2, 10_000),
            (Some("admin"), 3, 5),
            (Some("gold"), 0, 5),
            (None, 0, 5),
        ];
        for (plan, level, limit) in cases {
            assert_eq!(plan_level(*plan), *level, "{plan:?}");
            assert_eq!(base_limit(*plan), *limit, "{plan:?}");
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
            assert_eq!(chat_limit(*plan, *bonus), *want, "{plan:?} {bonus}");
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
        ];
        for (plan, stages, want) in cases {
            assert_eq!(survey_limit(*plan, *stages), *want, "{plan:?}");
        }
    }

    #[test]
    fn plan_status_is_active_for_paid_plans() {
        assert_eq!(plan_status(Some("premium")), "Active");
        assert_eq!(plan_status(Some("max")), "Active");
        assert_eq!(plan_status(Some("free")), "Free Tier");
        assert_eq!(plan_status(None), "Free Tier");
    }

    #[test]
    fn monthly_reset_rule() {
        let now = dt("2026-12-01 00:00:05");
        let cases: &[(Option<&str>, Option<&str>, Option<&str>, bool)] = &[
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

//! The GDPR rules of the current React app (decision L7, `latest-app.md` §1.2): restriction of
//! processing, the vocabulary of the processing log, the data export's file name, and the breach
//! register's vocabularies, notification duties and 72-hour window.

use chrono::NaiveDateTime;

// ---- Restriction of processing (GDPR Art. 18) ----

/// The grounds a user may give for a restriction, in the order the 400 lists them.
pub const RESTRICTION_GROUNDS: &[&str] = &["accuracy", "unlawful", "no_longer_needed", "objection"];

/// The longest reason a user may give (characters); the column is TEXT, so this is ours.
pub const MAX_RESTRICTION_REASON_CHARS: usize = 2000;

/// Whether `grounds` is one of [`RESTRICTION_GROUNDS`] (exactly, as the old service compared).
pub fn valid_grounds(grounds: &str) -> bool {
    RESTRICTION_GROUNDS.contains(&grounds)
}

/// The 400 of unknown grounds.
pub fn invalid_grounds_message() -> String {
    format!(
        "Invalid grounds. Must be one of: {}",
        RESTRICTION_GROUNDS.join(", ")
    )
}

/// The note of a restriction just applied.
pub const RESTRICTION_APPLIED_NOTE: &str = "While restriction is active, we will only store your data and process it with your consent or for legal claims, legal obligations, or public interest.";

/// The note of `restriction-status` while restricted.
pub const RESTRICTION_ACTIVE_NOTE: &str = "Your data processing is currently restricted. We will only store your data and process it with your consent or for legal claims, legal obligations, or public interest.";

/// The note of a restriction lifted.
pub const RESTRICTION_LIFTED_NOTE: &str = "Normal data processing has been resumed.";

/// The chat's 403 while processing is restricted: `error`, `note`, and [`restricted_message`].
pub const RESTRICTED_CHAT_ERROR: &str = "Data processing is currently restricted";
pub const RESTRICTED_CHAT_NOTE: &str =
    "To resume using the chat service, please cancel the restriction in your profile settings.";

/// The chat 403's `message` for a restriction on `grounds` (as stored; NULL reads `None`).
pub fn restricted_message(grounds: Option<&str>) -> String {
    format!(
        "Your data processing has been restricted due to: {}",
        grounds.unwrap_or("None")
    )
}

// ---- The processing log (GDPR Art. 30) ----

/// What a processing-log row records, as the old service named it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    /// The user read their profile.
    DataAccess,
    /// The user downloaded their data.
    DataExport,
    /// The user changed how their data may be processed (a restriction or its end).
    DataModification,
}

impl Activity {
    pub fn as_str(self) -> &'static str {
        match self {
            Activity::DataAccess => "data_access",
            Activity::DataExport => "data_export",
            Activity::DataModification => "data_modification",
        }
    }
}

/// Column limits of `fastapi_data_processing_logs` (the old service's `VARCHAR(n)`): a longer
/// value is cut, never refused (it comes from request headers, not from a form).
pub const LOG_ENDPOINT_CHARS: usize = 255;
pub const LOG_USER_AGENT_CHARS: usize = 255;

/// `s` cut to at most `max` characters.
pub fn clip(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// The processing-log page size when `limit` is absent, and the largest (a larger one is capped,
/// as the old service did).
pub const DEFAULT_LOG_PAGE: i64 = 50;
pub const MAX_LOG_PAGE: i64 = 100;

/// How many of the latest processing-log rows the data export includes.
pub const EXPORT_LOG_ROWS: i64 = 100;

// ---- The data export (GDPR Art. 20) ----

/// The export's file name: `solar_intelligence_data_export_{id}_{YYYYmmdd_HHMMSS}.json` (UTC).
pub fn export_file_name(user_id: i32, now: NaiveDateTime) -> String {
    format!(
        "solar_intelligence_data_export_{user_id}_{}.json",
        now.format("%Y%m%d_%H%M%S")
    )
}

// ---- The breach register (GDPR Art. 33-34) ----

/// The severities an admin may give a breach.
pub const BREACH_SEVERITIES: &[&str] = &["low", "medium", "high", "critical"];

/// The risk levels to the people concerned; they decide who must be told.
pub const BREACH_RISK_LEVELS: &[&str] = &["low", "moderate", "high"];

/// The statuses of a breach, in their usual order. The old service took any string (a typo made
/// a breach that no list showed as closed and none as open); ours refuses others with a 422.
pub const BREACH_STATUSES: &[&str] = &["open", "investigating", "contained", "resolved", "closed"];

/// The status of a new breach.
pub const BREACH_INITIAL_STATUS: &str = "open";

/// The status that takes a breach off the active list.
pub const BREACH_CLOSED_STATUS: &str = "closed";

/// Column limits of `fastapi_data_breach_logs` (`VARCHAR(n)`), and ours for its TEXT columns.
pub const BREACH_TYPE_CHARS: usize = 50;
pub const BREACH_DISCOVERED_BY_CHARS: usize = 100;
pub const BREACH_DISCOVERY_METHOD_CHARS: usize = 100;
pub const BREACH_TEXT_CHARS: usize = 10_000;
pub const BREACH_NOTE_CHARS: usize = 5_000;
pub const BREACH_CATEGORIES: usize = 50;
pub const BREACH_CATEGORY_CHARS: usize = 100;

/// Whether the supervisory authority must be told (Art. 33): unless the breach is unlikely to
/// result in a risk, i.e. for a `moderate` or `high` risk.
pub fn dpa_notification_required(risk_level: &str) -> bool {
    matches!(risk_level, "moderate" | "high")
}

/// Whether the people concerned must be told (Art. 34): for a `high` risk.
pub fn users_notification_required(risk_level: &str) -> bool {
    risk_level == "high"
}

/// Hours after discovery within which the authority must be told.
pub const DPA_DEADLINE_HOURS: i64 = 72;

/// When the authority must have been told of a breach discovered at `discovered_at`.
pub fn dpa_deadline(discovered_at: NaiveDateTime) -> NaiveDateTime {
    discovered_at + chrono::Duration::hours(DPA_DEADLINE_HOURS)
}

/// Whether a breach is past its deadline without the authority told: only when telling it is
/// required and it was not done.
pub fn dpa_overdue(
    required: bool,
    notified: bool,
    discovered_at: NaiveDateTime,
    now: NaiveDateTime,
) -> bool {
    required && !notified && now > dpa_deadline(discovered_at)
}

/// The text a note adds to a breach's `notes`: a new line, the time (UTC) in brackets, the note.
pub fn note_line(now: NaiveDateTime, note: &str) -> String {
    format!("\n[{} UTC] {note}", now.format("%Y-%m-%d %H:%M:%S"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn grounds_are_exact() {
        let cases: &[(&str, bool)] = &[
            ("accuracy", true),
            ("unlawful", true),
            ("no_longer_needed", true),
            ("objection", true),
            ("Accuracy", false),
            ("accuracy ", false),
            ("", false),
            ("other", false),
        ];
        for (g, ok) in cases {
            assert_eq!(valid_grounds(g), *ok, "{g:?}");
        }
        assert_eq!(
            invalid_grounds_message(),
            "Invalid grounds. Must be one of: accuracy, unlawful, no_longer_needed, objection"
        );
        assert_eq!(
            restricted_message(Some("accuracy")),
            "Your data processing has been restricted due to: accuracy"
        );
    }

    #[test]
    fn duties_follow_the_risk() {
        let cases: &[(&str, bool, bool)] = &[
            ("low", false, false),
            ("moderate", true, false),
            ("high", true, true),
        ];
        for (risk, dpa, users) in cases {
            assert_eq!(dpa_notification_required(risk), *dpa, "{risk}");
            assert_eq!(users_notification_required(risk), *users, "{risk}");
        }
        for risk in BREACH_RISK_LEVELS {
            // every level is decided (the cases above cover the vocabulary)
            assert!(cases.iter().any(|(r, ..)| r == risk));
        }
    }

    #[test]
    fn the_seventy_two_hours() {
        let found = dt("2025-03-01 10:00:00");
        assert_eq!(dpa_deadline(found), dt("2025-03-04 10:00:00"));
        let cases: &[(bool, bool, &str, bool)] = &[
            (true, false, "2025-03-04 10:00:00", false),
            (true, false, "2025-03-04 10:00:01", true),
            (true, true, "2025-03-09 10:00:00", false),
            (false, false, "2025-03-09 10:00:00", false),
        ];
        for (required, notified, now, overdue) in cases {
            assert_eq!(
                dpa_overdue(*required, *notified, found, dt(now)),
                *overdue,
                "{now}"
            );
        }
    }

    #[test]
    fn names_and_notes() {
        let now = dt("2025-03-01 09:05:07");
        assert_eq!(
            export_file_name(42, now),
            "solar_intelligence_data_export_42_20250301_090507.json"
        );
        assert_eq!(
            note_line(now, "contained by IT"),
            "\n[2025-03-01 09:05:07 UTC] contained by IT"
        );
        assert_eq!(clip("abcdef", 3), "abc");
        assert_eq!(clip("ééé", 5), "ééé");
        assert_eq!(clip("ééé", 2), "éé");
    }
}

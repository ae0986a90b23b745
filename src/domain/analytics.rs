//! The admin analytics' rules (decision L6): the period of a report, the text shown for a stored
//! message, and the cells and name of the CSV export.

use std::borrow::Cow;

use chrono::{Duration, NaiveDateTime};

use super::conversation::memory_text;

/// The longest query in the CSV export, in characters; a longer one is cut and ends in `...`.
pub const CSV_QUERY_MAX_CHARS: usize = 1_000;

/// The reporting window of `days` days ending at `now`, and its midpoint (the two halves of the
/// engagement report). The old service put the midpoint `days / 2` whole days back, so a
/// one-day report had an empty second half; this is the true middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDateTime,
    pub mid: NaiveDateTime,
}

impl Period {
    pub fn last_days(now: NaiveDateTime, days: i64) -> Period {
        Period {
            since: now - Duration::days(days),
            mid: now - Duration::hours(12 * days),
        }
    }
}

/// The busiest hour and its queries: the first of the busiest (hour 0 with 0 when none).
pub fn peak_hour(hours: &[i64; 24]) -> (usize, i64) {
    hours.iter().enumerate().fold(
        (0, hours[0]),
        |best, (h, &n)| if n > best.1 { (h, n) } else { best },
    )
}

/// Queries per active user, to two decimals (0 without users).
pub fn per_user(queries: i64, users: i64) -> f64 {
    if users == 0 {
        return 0.0;
    }
    (queries as f64 / users as f64 * 100.0).round() / 100.0
}

/// The text of a stored message, or `""`: the envelope's text (a chart's caption), as the agents
/// read it back.
fn text_of(content: Option<&str>) -> String {
    content.and_then(memory_text).unwrap_or_default()
}

/// A query as the analytics show it: its text on one line (every run of white space, newlines
/// included, is one space), trimmed.
pub fn query_text(content: Option<&str>) -> String {
    text_of(content)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A reply as the analytics show it: its text with runs of spaces and tabs made one space,
/// lines kept, trimmed.
pub fn response_text(content: Option<&str>) -> String {
    let text = text_of(content);
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for c in text.trim().chars() {
        if c == ' ' || c == '\t' {
            if !blank {
                out.push(' ');
            }
            blank = true;
        } else {
            out.push(c);
            blank = false;
        }
    }
    out
}

/// The query cell of the export: newlines as spaces, at most [`CSV_QUERY_MAX_CHARS`] characters
/// (then `...`).
pub fn csv_query(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    match one_line.char_indices().nth(CSV_QUERY_MAX_CHARS) {
        Some((cut, _)) => format!("{}...", &one_line[..cut]),
        None => one_line,
    }
}

/// A cell a spreadsheet will not run as a formula: a value starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading apostrophe (OWASP's advice for CSV injection), so
/// `=HYPERLINK(...)` typed as a question is shown, not executed. Quoting is the CSV writer's.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The export's file name: `user_queries_export_YYYYmmdd_HHMMSS.csv`, or
/// `user_queries_{agent}_YYYYmmdd_HHMMSS.csv` for one agent. Characters other than ASCII letters,
/// digits, `-` and `_` in the agent become `_`, so the name is one token in the header.
pub fn export_filename(agent: Option<&str>, now: NaiveDateTime) -> String {
    let stamp = now.format("%Y%m%d_%H%M%S");
    match agent {
        Some(a) => {
            let safe: String = a
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            format!("user_queries_{safe}_{stamp}.csv")
        }
        None => format!("user_queries_export_{stamp}.csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn a_period_ends_now_and_splits_in_the_middle() {
        let p = Period::last_days(at("2026-01-31 12:00:00"), 30);
        assert_eq!(p.since, at("2026-01-01 12:00:00"));
        assert_eq!(p.mid, at("2026-01-16 12:00:00"));
        let p = Period::last_days(at("2026-01-31 12:00:00"), 1);
        assert_eq!(p.mid, at("2026-01-31 00:00:00"));
    }

    #[test]
    fn the_peak_is_the_first_busiest_hour() {
        let mut h = [0; 24];
        assert_eq!(peak_hour(&h), (0, 0));
        h[5] = 3;
        h[9] = 7;
        h[17] = 7;
        assert_eq!(peak_hour(&h), (9, 7));
    }

    #[test]
    fn per_user_is_rounded_to_two_decimals() {
        for (q, u, want) in [(0, 0, 0.0), (10, 3, 3.33), (2, 3, 0.67), (12, 1, 12.0)] {
            assert_eq!(per_user(q, u), want, "{q}/{u}");
        }
    }

    #[test]
    fn texts_of_stored_messages() {
        let cases = [
            (
                Some(
                    r#"{"type":"string","value":"  What is\n the  PV\toutlook? ","comment":null}"#,
                ),
                "What is the PV outlook?",
                "What is\n the PV outlook?",
            ),
            (Some("plain text"), "plain text", "plain text"),
            (
                Some(r#"{"type":"plot","value":{"title":"Prices","unit":"EUR/Wp"}}"#),
                "Chart: Prices, EUR/Wp",
                "Chart: Prices, EUR/Wp",
            ),
            (Some(r#"{"type":"string","value":""}"#), "", ""),
            (None, "", ""),
        ];
        for (content, query, response) in cases {
            assert_eq!(query_text(content), query, "{content:?}");
            assert_eq!(response_text(content), response, "{content:?}");
        }
    }

    #[test]
    fn export_queries_are_one_line_and_capped() {
        assert_eq!(csv_query("a\nb\r\nc"), "a b  c");
        let long = "é".repeat(1_001);
        let cut = csv_query(&long);
        assert_eq!(cut.chars().count(), 1_003);
        assert!(cut.ends_with("é..."));
        assert_eq!(csv_query(&"x".repeat(1_000)), "x".repeat(1_000));
    }

    #[test]
    fn formula_cells_are_defused() {
        for (cell, want) in [
            ("=1+2", "'=1+2"),
            ("+33 6 12", "'+33 6 12"),
            ("-5 GW?", "'-5 GW?"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("What about =?", "What about =?"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), want);
        }
    }

    #[test]
    fn export_names() {
        let now = at("2026-01-15 09:05:07");
        assert_eq!(
            export_filename(None, now),
            "user_queries_export_20260115_090507.csv"
        );
        assert_eq!(
            export_filename(Some("component_prices"), now),
            "user_queries_component_prices_20260115_090507.csv"
        );
        assert_eq!(
            export_filename(Some("a\"; x=y\r\n"), now),
            "user_queries_a___x_y___20260115_090507.csv"
        );
    }
}

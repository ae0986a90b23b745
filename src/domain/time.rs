//! The timestamp format of the contract (api-contract §1.6): every response and every audit
//! snapshot writes datetimes this way. Here, not in `http`, because the store serialises audit
//! snapshots with it too.

use chrono::{NaiveDateTime, Timelike};
use serde::Serializer;

/// `2025-11-11T22:37:20.123456`, or `2025-11-11T22:37:20` when the microseconds are 0.
pub fn format_datetime(t: &NaiveDateTime) -> String {
    use chrono::Datelike;
    let micros = t.nanosecond() / 1000;
    let base = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    if micros == 0 {
        base
    } else {
        format!("{base}.{micros:06}")
    }
}

pub fn datetime<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_datetime(t))
}

pub fn opt_datetime<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&format_datetime(t)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_have_six_digits_or_none() {
        let t = NaiveDateTime::parse_from_str("2025-11-11 22:37:20.1234", "%Y-%m-%d %H:%M:%S%.f")
            .unwrap();
        assert_eq!(format_datetime(&t), "2025-11-11T22:37:20.123400");
        let t = NaiveDateTime::parse_from_str("2025-11-11 22:37:20", "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(format_datetime(&t), "2025-11-11T22:37:20");
    }
}

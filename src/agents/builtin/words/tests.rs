use super::*;
use crate::tools::names::norm;

fn all_phrases() -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = Vec::new();
    v.extend(FILLER.iter().map(|k| (*k, "filler")));
    v.extend(TOPICS.iter().map(|(k, _)| (*k, "topic")));
    v.extend(SCENARIOS.iter().map(|(k, _)| (*k, "scenario")));
    v.extend(CONNECTIONS.iter().map(|(k, _)| (*k, "connection")));
    v.extend(KINDS.iter().map(|(k, _)| (*k, "kind")));
    v.extend(OPS.iter().map(|(k, _)| (*k, "op")));
    v.extend(SPAN_WORDS.iter().map(|(k, _)| (*k, "span")));
    v.extend(MONTHS.iter().map(|(k, _)| (*k, "month")));
    v.extend(COUNTS.iter().map(|(k, _)| (*k, "count")));
    for (_, ws) in NOT_HELD {
        v.extend(ws.iter().map(|k| (*k, "not held")));
    }
    v.extend(COUNTRIES.iter().map(|k| (*k, "country")));
    v.extend(
        crate::tools::places::MORE_COUNTRY_NAMES
            .iter()
            .map(|k| (*k, "country")),
    );
    v
}

#[test]
fn demonyms_and_question_changing_words_are_written_as_questions_are_read() {
    for (adjective, place) in DEMONYMS {
        assert_eq!(norm(adjective), *adjective);
        assert_eq!(norm(place), *place);
    }
    for w in CHANGES_THE_QUESTION
        .iter()
        .chain(PARTS_OF_PLACES)
        .chain(SEGMENTS)
        .chain(CONTEXT_NEGATES)
    {
        assert_eq!(norm(w), *w);
    }
}

#[test]
fn every_phrase_is_written_as_questions_are_read() {
    // A phrase not in normalised form could never match a question.
    for (k, table) in all_phrases() {
        assert_eq!(norm(k), k, "{table} entry {k:?}");
    }
}

#[test]
fn no_phrase_means_two_things() {
    // Filler words are added last and never override; every other phrase has one table.
    let mut seen: std::collections::HashMap<&str, &str> = Default::default();
    for (k, table) in all_phrases() {
        if table == "filler" {
            continue;
        }
        if let Some(other) = seen.insert(k, table) {
            assert_eq!(
                other, table,
                "{k:?} is in the {other} and the {table} tables"
            );
        }
    }
    for k in FILLER {
        let t = seen.get(k).copied();
        assert!(
            t.is_none() || t == Some("span") || t == Some("op"),
            "filler {k:?} is also {t:?}"
        );
    }
}

#[test]
fn concepts_not_held_are_not_measures_the_market_holds() {
    for (_, ws) in NOT_HELD {
        for w in *ws {
            assert!(
                !TOPICS.iter().any(|(t, _)| t == w),
                "{w} is a topic and not held"
            );
            assert!(
                !KINDS.iter().any(|(t, _)| t == w),
                "{w} is a kind and not held"
            );
        }
    }
}

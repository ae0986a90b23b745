//! A "not" that changes nothing asked: the kind, the forecast or the unit not wanted, named
//! beside what is asked ("annual, not cumulative", "actual (not forecasted) data", "the MEP
//! does not like MW"). Any other "not" stays unmatched, and the question is declined naming it.

use super::*;

pub(super) fn negations_read_past(merged: &mut [Span]) {
    // "Annual, not cumulative.", "annual figure, not the stock": the kind not asked, named
    // beside the one asked, changes nothing.
    let kinds: Vec<Word> = merged
        .iter()
        .flat_map(|s| {
            s.meanings
                .iter()
                .filter(|w| matches!(w, Word::Kind(_)))
                .cloned()
        })
        .collect();
    for i in 0..merged.len() {
        if merged[i].text != "not" || !merged[i].is_unknown() {
            continue;
        }
        let at = if merged.get(i + 1).is_some_and(|s| s.text == "the") {
            i + 2
        } else {
            i + 1
        };
        // ("not the stock": the installed base.)
        let stock = merged.get(at).is_some_and(|s| s.text == "stock");
        let kind = if stock {
            Some(Word::Kind(crate::domain::market::Kind::Cumulative.as_str()))
        } else {
            merged.get(at).and_then(|s| {
                s.meanings
                    .iter()
                    .find(|w| matches!(w, Word::Kind(_)))
                    .cloned()
            })
        };
        let Some(Word::Kind(k)) = kind else {
            continue;
        };
        let other_named = kinds.iter().any(|w| matches!(w, Word::Kind(o) if *o != k));
        if other_named
            && (stock
                || merged[at]
                    .meanings
                    .iter()
                    .all(|w| matches!(w, Word::Kind(_))))
        {
            for s in &mut merged[i..=at] {
                s.meanings = vec![Word::Filler];
                s.read_past = true;
            }
        }
    }
    // "the latest year of actual (not forecasted) data": the forecast not asked, beside the
    // history asked, changes nothing.
    let historical = merged
        .iter()
        .any(|s| s.has(|w| matches!(w, Word::Scenario(c) if *c == "Historical Primary")));
    for i in 0..merged.len() {
        if merged[i].text != "not" || !merged[i].is_unknown() || !historical {
            continue;
        }
        let forecast = merged.get(i + 1).is_some_and(|s| {
            s.meanings.iter().all(|w| *w == Word::Op(Op::Forecast)) && !s.meanings.is_empty()
        });
        if forecast {
            for s in &mut merged[i..=i + 1] {
                s.meanings = vec![Word::Filler];
                s.read_past = true;
            }
        }
    }
    // "Please in GW, the MEP does not like MW.": a unit not wanted is how to write the answer,
    // not what to look up.
    for i in 0..merged.len() {
        if merged[i].text != "not" || !merged[i].is_unknown() {
            continue;
        }
        let verb = merged
            .get(i + 1)
            .is_some_and(|s| matches!(s.text.as_str(), "like" | "want" | "in" | "use"));
        let unit_at = if verb { i + 2 } else { i + 1 };
        let unit = merged.get(unit_at).is_some_and(|s| {
            matches!(
                s.text.as_str(),
                "mw" | "gw" | "kw" | "megawatts" | "gigawatts"
            )
        });
        if unit {
            for s in &mut merged[i..=unit_at] {
                s.meanings = vec![Word::Filler];
                s.read_past = true;
            }
        }
    }
}

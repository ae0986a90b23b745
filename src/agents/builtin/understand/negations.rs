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
    // "the average of its four 2024 quarterly margins (not the FY figure)": the full year not
    // asked, beside the quarters asked, changes nothing.
    let quarters = merged.iter().any(|s| {
        s.has(|w| matches!(w, Word::Quarter(_)))
            || matches!(s.text.as_str(), "quarterly" | "quarters" | "four quarters")
    });
    for i in 0..merged.len() {
        if merged[i].text != "not" || !merged[i].is_unknown() || !quarters {
            continue;
        }
        let at = if merged.get(i + 1).is_some_and(|s| s.text == "the") {
            i + 2
        } else {
            i + 1
        };
        if merged
            .get(at)
            .is_some_and(|s| s.has(|w| *w == Word::FullYear))
        {
            let end = if merged
                .get(at + 1)
                .is_some_and(|s| matches!(s.text.as_str(), "figure" | "number" | "value"))
            {
                at + 1
            } else {
                at
            };
            for s in &mut merged[i..=end] {
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

/// "Top 5 countries in 2024? Only countries please, not World or regions like Asia": a "not"
/// before nothing but the world or regions (which a ranking of countries never lists) says what
/// the ranking does anyway, and is read past with them. Whether the question ranks countries is
/// the answerer's to check: it is told by the read-back, which names no region.
pub(super) fn aggregates_denied(merged: &mut [Span]) {
    let aggregate = |s: &Span| {
        s.has(|w| matches!(w, Word::Region(_)))
            || s.has(|w| matches!(w, Word::Territory(t) if !crate::tools::places::is_country(t)))
    };
    let joiner = |s: &Span| {
        matches!(
            s.text.as_str(),
            "or" | "and"
                | "nor"
                | "regions"
                | "region"
                | "like"
                | "such as"
                | "aggregates"
                | "continents"
                | "the"
                | "any"
                | "totals"
                | "regional"
                | "regional totals"
                | "regional aggregates"
        )
    };
    for i in 0..merged.len() {
        // (Also "not world", read past as one phrase: "... not World or regions like Asia".)
        // (And "no regional aggregates like EU or Asia", read past as one phrase before them.)
        // "Excluding aggregates (World, EU, regional totals), which five countries ...": the
        // aggregates it lists, up to the first other word, are read past with it.
        if matches!(
            merged[i].text.as_str(),
            "excluding aggregates" | "excluding regional aggregates"
        ) {
            let run = merged[i + 1..]
                .iter()
                .take_while(|s| aggregate(s) || joiner(s))
                .count();
            if merged[i + 1..i + 1 + run].iter().any(aggregate) {
                for s in &mut merged[i..i + 1 + run] {
                    s.meanings = vec![Word::Filler];
                    s.read_past = true;
                }
                return;
            }
        }
        let denies = (merged[i].text == "not" && merged[i].is_unknown())
            || merged[i].text == "not world"
            || (merged[i].text.starts_with("no ")
                && (merged[i].text.contains("aggregates") || merged[i].text.contains("regions")));
        if !denies {
            continue;
        }
        let tail = &merged[i + 1..];
        let places =
            tail.iter().filter(|s| aggregate(s)).count() + usize::from(merged[i].text != "not");
        // ("not Asia" alone may leave out Asia's countries: declined as before.)
        let says_aggregates = merged[i].text != "not"
            || tail.iter().any(|s| {
                matches!(
                    s.text.as_str(),
                    "regions" | "region" | "aggregates" | "continents" | "totals"
                ) || s.has(|w| matches!(w, Word::Territory(t) if t == "World"))
            });
        if places > 0 && says_aggregates && tail.iter().all(|s| aggregate(s) || joiner(s)) {
            for s in &mut merged[i..] {
                s.meanings = vec![Word::Filler];
                s.read_past = true;
            }
            return;
        }
    }
}

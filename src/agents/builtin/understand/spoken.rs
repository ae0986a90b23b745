//! What voice dictation writes, before the words are read: quantities said in words ("fifty
//! gigawatts"), acronyms spelled out letter by letter ("E V A", "H J T") and a closed set of
//! homophones of the data's own words ("four cast", "installed bass", "kagger"). Each is written
//! as the data word it stands for; anything else is left as it was said.

use std::borrow::Cow;

/// Number words and their values (0..19 and the tens).
const NUMBERS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The value of a number word ("seven", "forty"); years said in words are read with it too.
pub(super) fn number_word(w: &str) -> Option<u64> {
    NUMBERS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// Units a said quantity may stand before (what the reader reads as a level or a percentage).
const UNITS: &[&str] = &[
    "gw",
    "gigawatt",
    "gigawatts",
    "gwp",
    "gwdc",
    "mw",
    "megawatt",
    "megawatts",
    "mwp",
    "mwdc",
    "kw",
    "kilowatt",
    "kilowatts",
    "kwp",
    "tw",
    "terawatt",
    "terawatts",
    "percent",
    "per",
];

/// Homophones of the data's words, as dictation writes them: (what was heard, the data word).
/// Whole words only, matched without case.
const HEARD: &[(&str, &str)] = &[
    ("four cast", "forecast"),
    ("four casts", "forecasts"),
    ("for cast", "forecast"),
    ("four-cast", "forecast"),
    ("installed bass", "installed base"),
    ("whirled", "world"),
    ("net in come", "net income"),
    ("ship mints", "shipments"),
    ("kagger", "CAGR"),
    ("kegger", "CAGR"),
    ("cagger", "CAGR"),
    ("top con", "TOPCon"),
    ("top-con", "TOPCon"),
    ("purity nine n plus", "purity 9N+"),
    ("purity nine n", "purity 9N"),
];

/// A word before which "hi" is "high", "perk" is "PERC".
const SCENARIO_NEXT: &[&str] = &["scenario", "scenarios", "case", "cases", "forecast"];
const CELL_NEXT: &[&str] = &[
    "module", "modules", "cell", "cells", "m10", "m6", "g12", "mono", "panels",
];
/// A word after which "sells" is "cells" ("n type top con M10 sells").
const CELL_BEFORE: &[&str] = &[
    "m10", "m10r", "m6", "g12", "g12r", "topcon", "con", "perc", "hjt", "mono", "bifacial", "type",
];

/// The text with dictation's forms written as the data's words.
pub(super) fn spoken(text: &str) -> Cow<'_, str> {
    let lower = text.to_lowercase();
    // (Cheap test first: most questions hold none of these.)
    let candidate = lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() == 1
            || NUMBERS.iter().any(|(n, _)| w.starts_with(n))
            || matches!(
                w,
                "hundred" | "thousand" | "hi" | "perk" | "sells" | "lakh" | "lakhs" | "crore"
            )
            || HEARD.iter().any(|(h, _)| h.split(' ').next() == Some(w))
    });
    if !candidate {
        return text.into();
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let core = |t: &str| -> String {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let bare: Vec<String> = tokens.iter().map(|t| core(t)).collect();
    // Whether a token ends in punctuation (a said number or a spelled acronym stops there).
    let closed = |t: &str| t.ends_with(|c: char| !c.is_alphanumeric());
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    let mut i = 0;
    'tokens: while i < tokens.len() {
        // A homophone of a data word.
        for (heard, meant) in HEARD {
            let n = heard.split(' ').count();
            if i + n <= tokens.len()
                && heard.split(' ').zip(&bare[i..i + n]).all(|(h, b)| h == b)
                && tokens[i..i + n - 1].iter().all(|t| !closed(t))
            {
                let last = tokens[i + n - 1];
                let tail = &last[last.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
                out.push(format!("{meant}{tail}"));
                changed = true;
                i += n;
                continue 'tokens;
            }
        }
        let next = bare.get(i + 1).map(String::as_str);
        let prev = i.checked_sub(1).map(|p| bare[p].as_str());
        // (Not across punctuation: "Hi, forecast for Spain?" greets.)
        let next = next.filter(|_| !closed(tokens[i]));
        let prev = prev.filter(|_| i > 0 && !closed(tokens[i - 1]));
        let swap = match bare[i].as_str() {
            "hi" if next.is_some_and(|n| SCENARIO_NEXT.contains(&n)) => Some("high"),
            "perk" if next.is_some_and(|n| CELL_NEXT.contains(&n)) => Some("PERC"),
            "sells" if prev.is_some_and(|p| CELL_BEFORE.contains(&p)) => Some("cells"),
            _ => None,
        };
        if let Some(word) = swap {
            let t = tokens[i];
            let tail = &t[t.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            out.push(format!("{word}{tail}"));
            changed = true;
            i += 1;
            continue;
        }
        // An acronym spelled out: two or more capital letters alone ("E V A", "H J T"), not
        // only the words "A" and "I".
        let letters = tokens[i..]
            .iter()
            .take_while(|t| {
                let c = t.trim_end_matches(|c: char| !c.is_alphanumeric());
                c.len() == 1 && c.chars().all(|c| c.is_ascii_uppercase())
            })
            .count();
        let run = (1..=letters)
            .find(|&n| closed(tokens[i + n - 1]))
            .unwrap_or(letters);
        if run >= 2
            && !tokens[i..i + run]
                .iter()
                .all(|t| t.starts_with('A') || t.starts_with('I'))
        {
            let last = tokens[i + run - 1];
            let tail = &last[1..];
            let word: String = tokens[i..i + run].iter().map(|t| &t[..1]).collect();
            out.push(format!("{word}{tail}"));
            changed = true;
            i += run;
            continue;
        }
        // "1 lakh MW", "2.5 crore": Indian English's hundred thousand and ten million, before a
        // unit.
        if let Ok(n) = bare[i].replace(',', "").parse::<f64>()
            && let Some(m) = bare.get(i + 1).and_then(|w| match w.as_str() {
                "lakh" | "lakhs" => Some(100_000.0),
                "crore" | "crores" => Some(10_000_000.0),
                _ => None,
            })
            && !closed(tokens[i])
            && !closed(tokens[i + 1])
            && bare.get(i + 2).is_some_and(|u| UNITS.contains(&u.as_str()))
        {
            out.push(format!("{}", n * m));
            changed = true;
            i += 2;
            continue;
        }
        // A quantity said in words, right before its unit ("fifty gigawatts", "one hundred and
        // twenty MW", "two point five GW"); not a count of a ranking ("top three GW markets").
        // (Nor the tail of a longer number: "twenty twenty percent" is no "twenty 20 percent".)
        let number_before = prev.is_some_and(|p| {
            NUMBERS.iter().any(|(n, _)| p.starts_with(n))
                || matches!(p, "hundred" | "thousand" | "point")
        });
        if !number_before
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    "top" | "bottom" | "first" | "last" | "largest" | "biggest" | "leading"
                )
            })
            && let Some((value, n)) = said_number(&bare[i..], &tokens[i..])
            && !closed(tokens[i + n - 1])
            && bare.get(i + n).is_some_and(|u| UNITS.contains(&u.as_str()))
            && (bare[i + n] != "per" || bare.get(i + n + 1).is_some_and(|c| c == "cent"))
        {
            out.push(value);
            changed = true;
            i += n;
            continue;
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    if changed {
        out.join(" ").into()
    } else {
        text.into()
    }
}

/// A number said in words at the start of `bare` (lowercase cores of `tokens`), as digits, and
/// how many tokens it took. A token that ends in punctuation ends the number.
fn said_number(bare: &[String], tokens: &[&str]) -> Option<(String, usize)> {
    let value_of = |w: &str| -> Option<u64> {
        number_word(w).or_else(|| {
            // "twenty-five"
            let (tens, ones) = w.split_once('-')?;
            let t = number_word(tens)?;
            let o = number_word(ones)?;
            (t >= 20 && t % 10 == 0 && (1..10).contains(&o)).then_some(t + o)
        })
    };
    let (mut total, mut current, mut words, mut numbers) = (0u64, 0u64, 0usize, 0usize);
    let mut fraction: Option<String> = None;
    while words < bare.len() {
        let w = bare[words].as_str();
        let ended = tokens[words].ends_with(|c: char| !c.is_alphanumeric());
        match w {
            "a" if words == 0
                && bare
                    .get(1)
                    .is_some_and(|n| matches!(n.as_str(), "hundred" | "thousand")) =>
            {
                current = 1;
            }
            "hundred" if numbers > 0 || current == 1 => {
                current = current.max(1) * 100;
                numbers += 1;
            }
            "thousand" if numbers > 0 || current == 1 => {
                total += current.max(1) * 1000;
                current = 0;
                numbers += 1;
            }
            "and" if numbers > 0 && words + 1 < bare.len() => {}
            "point"
                if numbers > 0
                    && fraction.is_none()
                    && bare.get(words + 1).and_then(|n| value_of(n)).is_some() =>
            {
                let mut digits = String::new();
                let mut j = words + 1;
                while let Some(d) = bare.get(j).and_then(|n| value_of(n)).filter(|d| *d < 10) {
                    digits.push(char::from(b'0' + d as u8));
                    j += 1;
                    if tokens[j - 1].ends_with(|c: char| !c.is_alphanumeric()) {
                        break;
                    }
                }
                if digits.is_empty() {
                    break;
                }
                fraction = Some(digits);
                words = j;
                break;
            }
            _ => match value_of(w) {
                // ("twenty five": tens then ones; "five hundred": a multiplier follows.)
                Some(v)
                    if current % 100 == 0
                        || (current % 10 == 0 && v < 10 && current % 100 >= 20) =>
                {
                    current += v;
                    numbers += 1;
                }
                _ => break,
            },
        }
        words += 1;
        if ended {
            break;
        }
    }
    // (A trailing "and" is not part of the number.)
    while words > 0 && bare[words - 1] == "and" && fraction.is_none() {
        words -= 1;
    }
    if numbers == 0 {
        return None;
    }
    let whole = total + current;
    Some((
        match fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole.to_string(),
        },
        words,
    ))
}

#[cfg(test)]
mod tests {
    use super::spoken;

    #[test]
    fn dictated_quantities_acronyms_and_homophones_are_written_as_data_words() {
        for (said, written) in [
            (
                "what year did Germany's cumulative capacity first go over fifty gigawatts",
                "what year did Germany's cumulative capacity first go over 50 gigawatts",
            ),
            (
                "first year the world installed over five hundred gigawatts in a year",
                "first year the world installed over 500 gigawatts in a year",
            ),
            ("more than one hundred and twenty MW?", "more than 120 MW?"),
            ("about two point five GW", "about 2.5 GW"),
            ("a hundred gigawatts", "100 gigawatts"),
            ("twenty-five percent", "25 percent"),
            (
                "E V A, whats the latest price",
                "EVA, whats the latest price",
            ),
            (
                "the most probable four cast for Italy",
                "the most probable forecast for Italy",
            ),
            ("same for the hi scenario", "same for the high scenario"),
            ("and net in come same year?", "and net income same year?"),
            ("whirled average", "world average"),
            ("the kagger, compound growth", "the CAGR, compound growth"),
            (
                "n type top con M10 sells overseas",
                "n type TOPCon M10 cells overseas",
            ),
            ("top con or H J T modules", "TOPCon or HJT modules"),
            ("perk modules in China", "PERC modules in China"),
            ("high purity nine N, whats", "high purity 9N, whats"),
            (
                "first go above 1 lakh MW, and",
                "first go above 100000 MW, and",
            ),
            ("cross 2 lakh MW (200 GW)?", "cross 200000 MW (200 GW)?"),
        ] {
            assert_eq!(spoken(said), written, "{said}");
        }
        // Left as said: counts of a ranking, a number with no unit after it, the words "A" and
        // "I", "hi" as a greeting, "sells" and "perk" as ordinary words.
        for said in [
            "top three GW markets",
            "the five largest markets",
            "I A",
            "hi, what did Spain add",
            "Hi, forecast for Spain in 2030?",
            "which company sells, cells or modules?",
            "who sells the cheapest modules",
            "a perk of the job",
            "twenty twenty three",
            "two thousand and ten",
            "share of world new installs in twenty twenty, percent",
            "in twenty twenty percent",
        ] {
            assert_eq!(spoken(said), said);
        }
    }
}

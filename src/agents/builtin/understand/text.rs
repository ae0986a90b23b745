//! A question's text before its words are read: sentences, glosses, spelled years, set-aside and contrasted parts, requests and claims.

use super::*;

pub(super) fn states(sentence: &str) -> bool {
    let words = norm_joined(sentence);
    let mut words = words.split(' ').filter(|w| !w.is_empty()).peekable();
    // ("How much of the US installed base is distributed rather than utility-scale — as a
    // percentage?" asks: a question word first is no statement.)
    let asks = words.peek().is_some_and(|w| {
        matches!(
            *w,
            "how"
                | "what"
                | "which"
                | "who"
                | "when"
                | "where"
                | "why"
                | "is"
                | "are"
                | "was"
                | "were"
                | "does"
                | "did"
                | "do"
                | "can"
                | "could"
                | "give"
                | "show"
                | "tell"
        )
    });
    // ("For utility-scale, that is centralised, plants:" glosses; "that is" states nothing.)
    let mut before = "";
    !asks
        && words.any(|w| {
            let verb = matches!(w, "is" | "are" | "was" | "were" | "been")
                && !(w == "is" && before == "that");
            before = w;
            verb
        })
}

/// "distributed systems (homes, businesses)": a parenthesis after a segment that only says what
/// the segment holds is dropped (the data's segment is the answer; its parts are not read as
/// measures such as a number of homes).
pub(super) fn without_glosses(text: &str) -> std::borrow::Cow<'_, str> {
    const SEGMENT: &[&str] = &[
        "distributed",
        "centralised",
        "centralized",
        "utility",
        "scale",
        "rooftop",
        "rooftops",
        "dg",
        "grid",
        "mounted",
        "systems",
        "segment",
    ];
    const GLOSS: &[&str] = &[
        "home",
        "homes",
        "household",
        "households",
        "residential",
        "commercial",
        "industrial",
        "business",
        "businesses",
        "c",
        "i",
        "ci",
        "self",
        "consumption",
        "rooftop",
        "rooftops",
        "prosumer",
        "prosumers",
        "small",
        "large",
        "utility",
        "scale",
        "ground",
        "mounted",
        "farms",
        "parks",
        "plants",
        "solar",
        "pv",
        "systems",
        "and",
        "or",
        "e",
        "g",
        "etc",
        "incl",
        "including",
        "mostly",
        "mainly",
        "like",
        "such",
        "as",
        "on",
        "roofs",
        "buildings",
        "companies",
        "shops",
        "offices",
        "factories",
        "farmers",
        "sme",
        "smes",
    ];
    if !text.contains('(') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let before = norm_joined(&rest[..open]);
        let after_segment = before
            .split(' ')
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| SEGMENT.contains(&w));
        let inside = norm_joined(&rest[open + 1..close]);
        let gloss = inside.split(' ').any(|w| !w.is_empty())
            && inside
                .split(' ')
                .filter(|w| !w.is_empty())
                .all(|w| GLOSS.contains(&w));
        out.push_str(&rest[..open]);
        if !(after_segment && gloss) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.into()
}

/// "rank DE, ES, IT, FR and PL", "NL, BE and LU added together": two-letter country codes in
/// capitals, two or more of them, are a list of countries, and each becomes the country's name
/// ("IT", "BE", "AT" alone are English words; "PT" alone may be a point). One code alone stays
/// as written: the ones that are no English word are read as places anyway ("DE 2024").
pub(super) fn country_codes(text: &str) -> std::borrow::Cow<'_, str> {
    const CODES: &[(&str, &str)] = &[
        ("DE", "Germany"),
        ("ES", "Spain"),
        ("FR", "France"),
        ("IT", "Italy"),
        ("PL", "Poland"),
        ("NL", "Netherlands"),
        ("BE", "Belgium"),
        ("LU", "Luxembourg"),
        ("AT", "Austria"),
        ("CH", "Switzerland"),
        ("PT", "Portugal"),
        ("GR", "Greece"),
        ("DK", "Denmark"),
        ("SE", "Sweden"),
        ("FI", "Finland"),
        ("IE", "Ireland"),
        ("CZ", "Czech Republic"),
        ("HU", "Hungary"),
        ("SK", "Slovakia"),
        ("SI", "Slovenia"),
        ("HR", "Croatia"),
        ("LT", "Lithuania"),
        ("LV", "Latvia"),
        ("EE", "Estonia"),
        ("RO", "Romania"),
        ("BG", "Bulgaria"),
        ("UK", "UK"),
        ("GB", "UK"),
        ("US", "US"),
        ("CN", "China"),
        ("JP", "Japan"),
        ("IN", "India"),
        ("BR", "Brazil"),
        ("MX", "Mexico"),
        ("ZA", "South Africa"),
        ("AU", "Australia"),
    ];
    let code = |t: &str| {
        let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
        CODES
            .iter()
            .find(|(c, _)| *c == bare)
            .map(|(c, name)| (*c, *name))
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // (A question typed in capitals is not a list of codes: "TOP 5 IN 2024".)
    let shouting = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .all(|t| !t.chars().any(char::is_lowercase));
    if shouting || tokens.iter().filter(|t| code(t).is_some()).count() < 2 {
        return text.into();
    }
    tokens
        .iter()
        .map(|t| match code(t) {
            Some((c, name)) => t.replacen(c, name, 1),
            None => (*t).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

/// "Q1-Q4 2024", "Q2–Q3": two quarters joined by a hyphen or a dash are the range between them,
/// written "Q1 to Q4" (a comma or "and" lists them instead).
pub(super) fn quarter_ranges(text: &str) -> std::borrow::Cow<'_, str> {
    let quarter = |w: &str| {
        let b = w.as_bytes();
        b.len() == 2 && (b[0] == b'q' || b[0] == b'Q') && (b'1'..=b'4').contains(&b[1])
    };
    let mut changed = false;
    let words: Vec<String> = text
        .split(' ')
        .map(|t| {
            let core = t.trim_end_matches(|c: char| !c.is_alphanumeric());
            match core.split_once(['-', '–']) {
                Some((a, b)) if quarter(a) && quarter(b) => {
                    changed = true;
                    format!("{a} to {b}{}", &t[core.len()..])
                }
                _ => t.to_string(),
            }
        })
        .collect();
    if changed {
        words.join(" ").into()
    } else {
        text.into()
    }
}

/// "the Benelux", "Iberia", "the Nordics": a group of countries named as one is the list of its
/// countries (none of them is a territory of the data), which the question then ranks, sums or
/// compares as it says. A group beside one of its own countries named is a label ("Benelux
/// check: is the Dutch or the Belgian base bigger?") and stays as written.
pub(super) fn country_groups(text: &str) -> std::borrow::Cow<'_, str> {
    const BENELUX: &str = "Netherlands, Belgium and Luxembourg";
    const IBERIA: &str = "Spain and Portugal";
    const NORDICS: &str = "Denmark, Finland, Norway and Sweden";
    const BALTICS: &str = "Estonia, Latvia and Lithuania";
    const DACH: &str = "Germany, Austria and Switzerland";
    const V4: &str = "Poland, Czech Republic, Slovakia and Hungary";
    const GROUPS: &[(&str, &str, &[&str])] = &[
        ("benelux countries", BENELUX, BENELUX_WORDS),
        ("benelux", BENELUX, BENELUX_WORDS),
        ("iberian peninsula", IBERIA, IBERIA_WORDS),
        ("iberia", IBERIA, IBERIA_WORDS),
        ("nordic countries", NORDICS, NORDIC_WORDS),
        ("nordics", NORDICS, NORDIC_WORDS),
        ("baltic states", BALTICS, BALTIC_WORDS),
        ("baltic countries", BALTICS, BALTIC_WORDS),
        ("baltics", BALTICS, BALTIC_WORDS),
        ("dach", DACH, DACH_WORDS),
        ("visegrad countries", V4, V4_WORDS),
        ("visegrad group", V4, V4_WORDS),
        ("visegrad four", V4, V4_WORDS),
        ("visegrad", V4, V4_WORDS),
        ("v4 countries", V4, V4_WORDS),
    ];
    const V4_WORDS: &[&str] = &[
        "poland",
        "polish",
        "czech",
        "czechia",
        "slovakia",
        "slovak",
        "hungary",
        "hungarian",
        "pl",
        "cz",
        "sk",
        "hu",
    ];
    const BENELUX_WORDS: &[&str] = &[
        "netherlands",
        "dutch",
        "holland",
        "belgium",
        "belgian",
        "luxembourg",
        "nl",
        "be",
        "lu",
    ];
    const IBERIA_WORDS: &[&str] = &["spain", "spanish", "portugal", "portuguese", "es", "pt"];
    const NORDIC_WORDS: &[&str] = &[
        "denmark",
        "danish",
        "finland",
        "finnish",
        "norway",
        "norwegian",
        "sweden",
        "swedish",
    ];
    const BALTIC_WORDS: &[&str] = &[
        "estonia",
        "estonian",
        "latvia",
        "latvian",
        "lithuania",
        "lithuanian",
    ];
    const DACH_WORDS: &[&str] = &[
        "germany",
        "german",
        "austria",
        "austrian",
        "switzerland",
        "swiss",
        "de",
        "at",
        "ch",
    ];
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let word_edge = |at: usize| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let mut out = String::new();
    let mut at = 0;
    'scan: while at < text.len() {
        if word_edge(at) {
            for (group, countries, members) in GROUPS {
                let end = at + group.len();
                if lower[at..].starts_with(group)
                    && lower[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
                {
                    let named = |m: &&str| words.contains(m);
                    if !words.iter().any(|w| members.contains(w)) {
                        out.push_str(countries);
                        at = end;
                        continue 'scan;
                    }
                    // ("the Benelux (NL, BE and LU)": every country named already.)
                    if countries
                        .split([',', ' '])
                        .filter(|w| !w.is_empty() && *w != "and")
                        .all(|c| named(&c.to_ascii_lowercase().as_str()))
                    {
                        at = end;
                        continue 'scan;
                    }
                    break;
                }
            }
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        out.push(c);
        at += c.len_utf8();
    }
    if out == text { text.into() } else { out.into() }
}

/// "2025-03-26", "February 5th, 2025", "5th Feb 2025": a date is written as "26 March 2025"
/// or "February 5 2025", which the reader takes as a day of a month.
pub(super) fn dates(text: &str) -> std::borrow::Cow<'_, str> {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = |t: &str| {
        let t = t
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        words::MONTHS.iter().any(|(m, _)| *m == t)
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut changed = false;
    let out: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
            // 2025-03-26
            let parts: Vec<&str> = bare.split('-').collect();
            if let [y, m, d] = parts.as_slice()
                && y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && let (Ok(y), Ok(m), Ok(d)) =
                    (y.parse::<i32>(), m.parse::<usize>(), d.parse::<u32>())
                && (1990..=2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                changed = true;
                return t.replacen(bare, &format!("{d} {} {y}", NAMES[m - 1]), 1);
            }
            // 5th, 1st, 22nd, 3rd beside a month
            let beside =
                (i > 0 && month(tokens[i - 1])) || tokens.get(i + 1).is_some_and(|n| month(n));
            if beside
                && let Some(d) = ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|s| bare.strip_suffix(s))
                && !d.is_empty()
                && d.len() <= 2
                && d.chars().all(|c| c.is_ascii_digit())
            {
                changed = true;
                return t.replacen(bare, d, 1);
            }
            (*t).to_string()
        })
        .collect();
    if changed {
        out.join(" ").into()
    } else {
        text.into()
    }
}

/// "the number 4 market of the world", "No. 3 country": a place of a ranking written with
/// "number", as "#4" (then read by [`ordinals`]); "number 4" of anything else stays.
pub(super) fn numbered_places(text: &str) -> std::borrow::Cow<'_, str> {
    let lower = text.to_lowercase();
    if !lower.contains("number ") && !lower.contains("no. ") {
        return text.into();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    let mut changed = false;
    while i < words.len() {
        let n = words
            .get(i + 1)
            .and_then(|w| bare(w).parse::<u32>().ok())
            .filter(|n| (2..=20).contains(n));
        let noun = words.get(i + 2).is_some_and(|w| {
            matches!(
                bare(w).as_str(),
                "market" | "markets" | "country" | "spot" | "place" | "position" | "player"
            )
        });
        if matches!(bare(words[i]).as_str(), "number" | "no")
            && let (Some(n), true) = (n, noun)
        {
            out.push(format!("#{n}"));
            changed = true;
            i += 2;
            continue;
        }
        out.push(words[i].to_string());
        i += 1;
    }
    if changed {
        out.join(" ").into()
    } else {
        text.into()
    }
}

/// "the third largest market", "#3 by additions", "2nd-biggest", "ranked fourth": an ordinal
/// place of a ranking is written as the ranking up to it ("top 3", "bottom 2"), which states the
/// place asked for with the ones before it. Other ordinals ("second half", "third quarter")
/// stay as they are.
pub(super) fn ordinals(text: &str) -> std::borrow::Cow<'_, str> {
    const WORDS: &[(&str, u32)] = &[
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
    ];
    const UP: &[&str] = &[
        "largest",
        "biggest",
        "highest",
        "most",
        "strongest",
        "top",
        "leading",
        "greatest",
    ];
    const DOWN: &[&str] = &["smallest", "lowest", "least", "weakest"];
    let place = |w: &str| -> Option<u32> {
        if let Some((_, n)) = WORDS.iter().find(|(k, _)| *k == w) {
            return Some(*n);
        }
        let digits = w.strip_prefix('#').or_else(|| {
            ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| w.strip_suffix(s))
        })?;
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| (2..=20).contains(n) && digits.len() <= 2)
    };
    let lower = text.to_lowercase();
    if !lower.contains('#')
        && !WORDS.iter().any(|(w, _)| lower.contains(w))
        && !["nd ", "rd ", "th ", "nd-", "rd-", "th-"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return text.into();
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '#')
            .to_lowercase()
    };
    // (An ordinal hyphenated to its word apart: "2nd-biggest".)
    let words: Vec<&str> = text
        .split_whitespace()
        .flat_map(|t| match t.split_once('-') {
            Some((a, b)) if !b.is_empty() && place(&bare(a)).is_some() => vec![a, b],
            _ => vec![t],
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    for (i, w) in words.iter().enumerate() {
        let b = bare(w);
        let next = words.get(i + 1).map(|n| bare(n)).unwrap_or_default();
        let before = i.checked_sub(1).map(|j| bare(words[j])).unwrap_or_default();
        let read = place(&b).and_then(|n| {
            if UP.contains(&next.as_str())
                || matches!(
                    before.as_str(),
                    "ranked" | "ranks" | "ranking" | "placed" | "came" | "comes" | "finished"
                )
                || (b.starts_with('#') && !DOWN.contains(&next.as_str()))
            {
                Some(format!("top {n}"))
            } else if DOWN.contains(&next.as_str()) {
                Some(format!("bottom {n}"))
            } else {
                None
            }
        });
        match read {
            Some(r) => {
                changed = true;
                // (Keep what closes the word: "#3," or "#3?".)
                let tail = &w[w.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
                out.push(format!("{r}{tail}"));
            }
            None => out.push((*w).to_string()),
        }
    }
    if changed {
        out.join(" ").into()
    } else {
        text.into()
    }
}

/// "twenty twenty-four", "two thousand and ten", "nineteen ninety-nine": a year said as it is
/// spoken is written as digits (a spoken year is not read as two small counts).
pub(super) fn spelled_years(text: &str) -> std::borrow::Cow<'_, str> {
    // (2010 to 2059 after "twenty", 1920 to 1999 after "nineteen".)
    let said = |w: &str, range: std::ops::RangeInclusive<u64>| {
        super::spoken::number_word(w)
            .filter(|v| range.contains(v))
            .map(|v| v as i32)
    };
    let lower = text.to_lowercase();
    if !["twenty", "thousand", "nineteen"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return text.into();
    }
    // Words with their trailing punctuation apart; a hyphen ("twenty-four") splits a word.
    // (word, its trailing punctuation, the piece as written, whether a hyphen joins it to the
    // next): a hyphen ("twenty-four") splits a word.
    let tokens: Vec<(String, String, &str, bool)> = text
        .split_whitespace()
        .flat_map(|t| {
            let parts: Vec<&str> = t.split('-').collect();
            let n = parts.len();
            parts
                .into_iter()
                .enumerate()
                .map(move |(i, p)| (p, i + 1 < n))
        })
        .map(|(p, hyphen)| {
            let word = p.trim_end_matches(|c: char| !c.is_alphanumeric());
            let tail = if hyphen { "" } else { &p[word.len()..] };
            (word.to_lowercase(), tail.to_string(), p, hyphen)
        })
        .collect();
    let ones = |w: &str| said(w, 1..=9);
    // 10..99 said in words, and how many words it took.
    let two_digits = |i: usize| -> Option<(i32, usize)> {
        let (w, tail, ..) = tokens.get(i)?;
        if let Some(t) = said(w, 10..=19) {
            return Some((t, 1));
        }
        let tens = said(w, 20..=90).filter(|t| t % 10 == 0)?;
        match tokens.get(i + 1) {
            Some((n, ..)) if tail.is_empty() && ones(n).is_some() => Some((tens + ones(n)?, 2)),
            _ => Some((tens, 1)),
        }
    };
    let year_at = |i: usize| -> Option<(i32, usize)> {
        let (w, tail, ..) = tokens.get(i)?;
        match w.as_str() {
            // "twenty ten" .. "twenty fifty"
            "twenty" if tail.is_empty() => {
                let (v, n) = two_digits(i + 1)?;
                (v < 60).then_some((2000 + v, n + 1))
            }
            // "nineteen ninety-nine"
            "nineteen" if tail.is_empty() => {
                let (v, n) = two_digits(i + 1)?;
                (v >= 20).then_some((1900 + v, n + 1))
            }
            // "two thousand (and) ten", "two thousand and five"
            "two" if tail.is_empty() && tokens.get(i + 1)?.0 == "thousand" => {
                let mut j = i + 2;
                if tokens.get(j).is_some_and(|t| t.0 == "and") && tokens[j - 1].1.is_empty() {
                    j += 1;
                }
                if tokens[j - 1].1.is_empty()
                    && let Some(t) = tokens.get(j)
                {
                    if let Some((v, n)) = two_digits(j) {
                        return Some((2000 + v, j + n - i));
                    }
                    if let Some(v) = ones(&t.0) {
                        return Some((2000 + v, j + 1 - i));
                    }
                }
                Some((2000, 2))
            }
            _ => None,
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut changed = false;
    while i < tokens.len() {
        let (piece, joined) = match year_at(i) {
            Some((year, n)) => {
                changed = true;
                i += n;
                (format!("{year}{}", tokens[i - 1].1), tokens[i - 1].3)
            }
            None => {
                i += 1;
                (tokens[i - 1].2.to_string(), tokens[i - 1].3)
            }
        };
        out.push_str(&piece);
        out.push_str(if joined { "-" } else { " " });
    }
    if changed {
        out.trim_end().to_string().into()
    } else {
        text.into()
    }
}

/// "Okay so tariffs aside, how does ...?", "Leaving aside regional aggregates like the EU or
/// Asia, which five countries ...?": a clause that sets aside what the data does not hold, or
/// aggregates (which a ranking of countries leaves out anyway), is dropped. A clause that sets
/// aside a country, a segment, a scenario or anything else the data holds changes the question
/// and is kept (to be declined or answered as it says).
pub(super) fn without_set_aside<'a>(text: &'a str, lex: &Lexicon) -> std::borrow::Cow<'a, str> {
    let lower = text.to_lowercase();
    let Some(comma) = lower.find(", ") else {
        return text.into();
    };
    let head = lower[..comma].trim_start();
    let head = ["okay so ", "ok so ", "so ", "okay, ", "ok "]
        .iter()
        .find_map(|p| head.strip_prefix(p))
        .unwrap_or(head);
    let clause = [
        "leaving aside ",
        "setting aside ",
        "putting aside ",
        "aside from ",
    ]
    .iter()
    .find_map(|p| head.strip_prefix(p))
    .or_else(|| {
        head.strip_suffix(" aside")
            .filter(|c| c.split_whitespace().count() <= 4)
    });
    let Some(clause) = clause else {
        return text.into();
    };
    let holds = read_words(clause, lex, false).spans.iter().any(|s| {
        s.has(|w| match w {
            Word::Territory(t) | Word::Region(t) => crate::tools::places::is_country(t),
            Word::Connection(_)
            | Word::AllConnections
            | Word::Scenario(_)
            | Word::AllScenarios
            | Word::Kind(_)
            | Word::Company(_)
            | Word::Item(_)
            | Word::Description(_)
            | Word::Tech(_)
            | Word::Metric(_)
            | Word::Year(_)
            | Word::Month(_)
            | Word::Quarter(_) => true,
            _ => false,
        })
    });
    if holds {
        return text.into();
    }
    text[comma + 2..].to_string().into()
}

/// "distributed (rooftop etc.) rather than centralised": the segment asked for is the first;
/// the one it is set against is dropped.
pub(super) fn without_contrasts(text: &str) -> std::borrow::Cow<'_, str> {
    const CONTRAST: &[&str] = &["rather than", "as opposed to", "instead of", "not"];
    const SEGMENT: &[&str] = &[
        "centralised",
        "centralized",
        "distributed",
        "utility scale",
        "utility-scale",
        "rooftop",
        "ground-mounted",
        "ground mounted",
        "off-grid",
    ];
    let lower = text.to_lowercase();
    for c in CONTRAST {
        for seg in SEGMENT {
            let pattern = format!(" {c} {seg}");
            if let Some(at) = lower.find(&pattern)
                && lower[..at].split_whitespace().last().is_some_and(|w| {
                    let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
                    SEGMENT.contains(&w) || w == "etc"
                })
                && *c != "not"
            {
                let end = at + pattern.len();
                return format!("{}{}", &text[..at], &text[end..]).into();
            }
        }
    }
    text.into()
}

/// Whether a sentence starts with a word that asks for something ("how", "what", "which"...).
pub(super) fn starts_with_a_question_word(sentence: &str) -> bool {
    let words = norm_joined(sentence);
    words.split(' ').find(|w| !w.is_empty()).is_some_and(|w| {
        matches!(
            w,
            "how" | "what" | "whats" | "which" | "who" | "when" | "where" | "why"
        )
    })
}

/// "Compare please Spain and Italy for 2024. Which one installed more?": a request before the
/// question, which is part of it.
pub(super) fn requests(sentence: &str) -> bool {
    let words = norm_joined(sentence);
    words.split(' ').find(|w| !w.is_empty()).is_some_and(|w| {
        matches!(
            w,
            "compare"
                | "give"
                | "show"
                | "tell"
                | "list"
                | "rank"
                | "plot"
                | "chart"
                | "add"
                | "sum"
                | "calculate"
                | "compute"
        )
    })
}

/// "Is that right?", "Is it true that ...?", "Correct?": a sentence that asks whether a claim
/// holds, not for a figure.
pub(super) fn checks_a_claim(sentence: &str) -> bool {
    let t = norm_joined(sentence);
    let t = t.trim();
    [
        "is it correct",
        "is it true",
        "is it right",
        "is that correct",
        "is that true",
        "is that right",
        "is this correct",
        "is this true",
        "is this right",
        "am i right",
        "right",
        "correct",
        "true",
        "true or false",
        "is that accurate",
        "is it accurate",
        "does that hold",
        "does it hold",
    ]
    .iter()
    .any(|p| t == *p || t.starts_with(&format!("{p} ")))
}

/// The sentences of a question, each with whether it asks (ends with "?"). A sentence ends at
/// ".", "?", "!", ";" or ":" before a space (not after "i.e.", "e.g.", "vs." or an initial such
/// as "U.S."), and at a dash between spaces.
pub(super) fn sentences(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_space = chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
        let prev_space = k > 0 && chars[k - 1].1.is_whitespace();
        let end =
            match c {
                '?' | '!' | ';' | ':' => next_space,
                '.' => {
                    let word = text[start..i]
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    let abbreviation = [
                        "i.e", "e.g", "vs", "approx", "incl", "excl", "etc", "no", "cf", "avg",
                        "est", "yr", "yrs", "prob", "pls",
                    ]
                    .contains(&word.as_str())
                        || word.split('.').all(|p| p.chars().count() == 1);
                    next_space && !abbreviation
                }
                '-' | '–' | '—' => prev_space && next_space,
                // "Germany's known as a rooftop country, but in 2023 how much of its new capacity was
                // centralised?": a statement before ", but" and a question word is the story.
                ',' => {
                    let after = text[i + 1..].trim_start().to_lowercase();
                    after.starts_with("but ")
                        && after.split_whitespace().skip(1).take(4).any(|w| {
                            matches!(w, "how" | "what" | "which" | "when" | "who" | "where")
                        })
                        && !starts_with_a_question_word(&text[start..i])
                }
                _ => false,
            };
        if end {
            let sentence = &text[start..i + c.len_utf8()];
            if sentence.chars().any(char::is_alphanumeric) {
                out.push((sentence, c == '?'));
            }
            start = i + c.len_utf8();
        }
    }
    let rest = &text[start..];
    if rest.chars().any(char::is_alphanumeric) {
        out.push((rest, false));
    }
    out
}

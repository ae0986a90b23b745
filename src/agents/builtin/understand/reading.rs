//! A sentence's words read one by one: spans of data names, numbers, quantities, joined words, English words.

use super::*;

/// The words of `text` read as phrases of the lexicon.
pub(super) fn read_words(text: &str, lex: &Lexicon, scenarios: bool) -> Question {
    let normalised = norm_joined(&split_joined(text));
    let mut all = normalised.split(' ').filter(|w| !w.is_empty());
    let mut words: Vec<String> = Vec::new();
    for w in all.by_ref().take(MAX_WORDS) {
        // "3.2 mm" glass is the "3,2mm" of the data.
        if w == "mm"
            && let Some(prev) = words.last_mut()
            && prev.chars().all(|c| c.is_ascii_digit() || c == 'p')
        {
            prev.push_str("mm");
            continue;
        }
        words.push(w.to_string());
    }
    let unread = all.count();
    // Every way to read the words as phrases, and the best: the fewest words not understood,
    // then the fewest near spellings, then the fewest spans (longer phrases); on a tie the longer
    // phrase first. A greedy longest match read "the most probable forecast" as "the most" and
    // an unknown "probable"; this reads "the" and "most probable".
    let n = words.len();
    // ("Sun Forge Energy" is the company "SunForge Energy": a company's name written apart.)
    let apart = |i: usize, len: usize| -> Option<&Vec<Word>> {
        (len >= 2)
            .then(|| format!("{}{}", words[i], words[i + 1]))
            .map(|joined| {
                [joined.as_str()]
                    .into_iter()
                    .chain(words[i + 2..i + len].iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .and_then(|k| lex.get(&k))
            .filter(|ws| ws.iter().any(|w| matches!(w, Word::Company(_))))
    };
    let phrases: Vec<Vec<(usize, &Vec<Word>)>> = (0..n)
        .map(|i| {
            (1..=lex.longest.min(n - i))
                .rev()
                .filter_map(|len| {
                    lex.get(&words[i..i + len].join(" "))
                        .or_else(|| apart(i, len))
                        .map(|ws| (len, ws))
                })
                .collect()
        })
        .collect();
    let single: Vec<Option<Span>> = (0..n)
        .map(|i| {
            let whole_word = phrases[i].iter().any(|(len, _)| *len == 1);
            (!whole_word).then(|| single_word(&words[i], lex))
        })
        .collect();
    // best[i]: (unknown words, near spellings, spans) reading words[i..], and the first step.
    let mut best: Vec<((usize, usize, usize), usize)> = vec![((0, 0, 0), 0); n + 1];
    for i in (0..n).rev() {
        let mut choice: Option<((usize, usize, usize), usize)> = None;
        let mut consider = |cost: (usize, usize, usize), len: usize| {
            if choice.is_none_or(|(c, _)| cost < c) {
                choice = Some((cost, len));
            }
        };
        for (len, _) in &phrases[i] {
            let (u, f, k) = best[i + len].0;
            consider((u, f, k + 1), *len);
        }
        if let Some(span) = &single[i] {
            let (u, f, k) = best[i + 1].0;
            let unknown = usize::from(span.is_unknown());
            // An ordinary word read past, or a near spelling, costs more than a word used in a
            // phrase: "what's the most probable number" reads "most probable", not "the most"
            // and a "probable" read past.
            let inexact = usize::from(span.read_as.is_some() || span.read_past);
            consider((u + unknown, f + inexact, k + 1), 0);
        }
        best[i] = choice.expect("a word is always read somehow");
    }
    let mut spans = Vec::new();
    let mut i = 0;
    while i < n {
        let len = best[i].1;
        if len == 0 {
            spans.push(single[i].clone().expect("the single-word reading"));
            i += 1;
        } else {
            let ws = phrases[i]
                .iter()
                .find(|(l, _)| *l == len)
                .map(|(_, ws)| (*ws).clone())
                .unwrap_or_default();
            spans.push(Span {
                text: words[i..i + len].join(" "),
                meanings: ws,
                read_as: None,
                read_past: false,
                lent: false,
            });
            i += len;
        }
    }
    // A quantity ("2 GW", "17000 MW") is a level in MW, never a count or a year; a quantity in
    // another unit stays one span not understood, so the question declines naming it.
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        let unit = match s.text.as_str() {
            "mw" | "megawatt" | "megawatts" | "mwdc" | "mwp" => Some(1.0),
            "gw" | "gigawatt" | "gigawatts" | "gwdc" | "gwp" => Some(1000.0),
            "kw" | "kilowatt" | "kilowatts" | "kwp" => Some(0.001),
            "tw" | "terawatt" | "terawatts" | "twp" => Some(1_000_000.0),
            "w" => None,
            _ => {
                merged.push(s);
                continue;
            }
        };
        // ("more than 2,000 MW": a number that could be a year is a quantity after a word of a
        // threshold and before a unit; "Italy 2023 MW?" stays a year.)
        let threshold = merged.len() >= 2
            && matches!(
                merged[merged.len() - 2].text.as_str(),
                "than"
                    | "more than"
                    | "above"
                    | "over"
                    | "exceed"
                    | "exceeded"
                    | "exceeding"
                    | "least"
                    | "at least"
                    | "beyond"
                    | "past"
                    | "top"
                    | "topped"
                    | "under"
                    | "below"
                    | "hit"
                    | "reach"
                    | "reached"
                    | "crossed"
                    | "passed"
                    | "surpassed"
            );
        if let Some(prev) = merged.last_mut()
            && prev.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (threshold || !prev.has(|w| matches!(w, Word::Year(_))))
        {
            prev.meanings = match (unit, quantity(&prev.text)) {
                (Some(m), Some(v)) => vec![Word::Level(v * m)],
                _ => Vec::new(),
            };
            prev.text = format!("{} {}", prev.text, s.text);
            continue;
        }
        // A unit with no quantity says how to write the figure ("in GW", "ballpark in GW is
        // fine"): every answer states MW and GW.
        let mut s = s;
        if unit.is_some() {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
        }
        merged.push(s);
    }
    // "the centralised segment only", "looking only at actuals", "countries only": "only" beside a
    // connection, a scenario or "countries" restricts what the query restricts already.
    for i in 0..merged.len() {
        // ("top 3 only": the count restricts already.)
        let after_count = i > 0 && merged[i - 1].has(|w| matches!(w, Word::Count(_)));
        if merged[i].text == "only" && merged[i].is_unknown() && after_count {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
            continue;
        }
        if merged[i].text == "only" && merged[i].is_unknown() {
            let near = merged[i.saturating_sub(2)..(i + 3).min(merged.len())]
                .iter()
                .any(|s| {
                    s.has(|w| matches!(w, Word::Connection(_) | Word::Scenario(_) | Word::Country))
                });
            // ("Looking only at 2015 to 2024": the years restrict the query already.)
            let at_years = merged.get(i + 1).is_some_and(|s| {
                matches!(
                    s.text.as_str(),
                    "at" | "in" | "from" | "between" | "over" | "for"
                )
            }) && merged
                .get(i + 2)
                .is_some_and(|s| s.has(|w| matches!(w, Word::Year(_))));
            // ("only top 3 please": the count says it.)
            let counted = merged.get(i + 1).is_some_and(|s| {
                s.has(|w| {
                    matches!(
                        w,
                        Word::Op(Op::Top | Op::Bottom | Op::Rank) | Word::Count(_)
                    )
                })
            });
            if near || at_years || counted {
                merged[i].meanings = vec![Word::Filler];
                merged[i].read_past = true;
            }
        }
    }
    // "the NZIA non-price criteria", "the biggest non-Si cell cost": "non" and the word it
    // negates are read past; "non-China" still changes the question (which places is not
    // guessed).
    let place = |s: &Span| {
        s.has(|w| {
            matches!(
                w,
                Word::Territory(_) | Word::Region(_) | Word::Country | Word::Except(_)
            )
        })
    };
    // (Only a word the data does not hold and that changes nothing: "non-solar",
    // "non-residential" or "non-module" still decline.)
    let negatable = |s: &Span| {
        !place(s)
            && (s.text == "price"
                || (!words::changes_the_question(&s.text)
                    && !words::SEGMENTS.contains(&s.text.as_str())
                    && (s.is_unknown()
                        || s.read_past
                        || s.meanings.iter().all(|w| *w == Word::Filler))))
    };
    for i in 0..merged.len().saturating_sub(1) {
        if merged[i].text == "non" && merged[i].is_unknown() && negatable(&merged[i + 1]) {
            for s in &mut merged[i..i + 2] {
                s.meanings = vec![Word::Filler];
                s.read_as = None;
                s.read_past = true;
            }
        }
    }
    // "over the whole aluminium series", "the whole fleet": all of it, what is read anyway.
    for i in 0..merged.len() {
        if matches!(merged[i].text.as_str(), "whole" | "entire")
            && merged[i].is_unknown()
            && merged[i + 1..(i + 3).min(merged.len())].iter().any(|s| {
                matches!(
                    s.text.as_str(),
                    "series"
                        | "record"
                        | "history"
                        | "period"
                        | "fleet"
                        | "dataset"
                        | "country"
                        | "world"
                        | "market"
                )
            })
        {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
        }
    }
    // "And if you rank by installed base at end-2024 instead?": a request, not a condition;
    // "instead" at its end asks what a follow-up asks anyway (its own facets replace the ones
    // before) when the question says what to compute ("back to Spain but for its additions
    // instead" keeps an operation from before, which a question naming its place and metric
    // does not carry: declined).
    for i in 0..merged.len().saturating_sub(2) {
        if merged[i].text == "if"
            && merged[i + 1].text == "you"
            && matches!(
                merged[i + 2].text.as_str(),
                "rank" | "sort" | "order" | "list" | "look" | "switch" | "use" | "take"
            )
        {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
        }
    }
    // (So does an elliptic one: "high case instead" keeps all else from before.)
    let computes = merged.iter().any(|s| s.has(|w| matches!(w, Word::Op(_))))
        || !merged
            .iter()
            .any(|s| s.has(|w| matches!(w, Word::Territory(_) | Word::Country | Word::Kind(_))));
    if let Some(last) = merged.last_mut()
        && last.text == "instead"
        && last.is_unknown()
        && computes
    {
        last.meanings = vec![Word::Filler];
        last.read_past = true;
    }
    // "If I add together Germany, France and Italy, how much ...?": a sum, not a condition.
    for i in 0..merged.len().saturating_sub(2) {
        if merged[i].text == "if"
            && matches!(merged[i + 1].text.as_str(), "i" | "we")
            && matches!(
                merged[i + 2].text.as_str(),
                "add" | "sum" | "combine" | "total" | "lump" | "pool"
            )
        {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
        }
    }
    // "Now the same for France.", "ok now Spain": "now" first is a step in the conversation,
    // not the latest figure.
    if let Some(i) = merged
        .iter()
        .position(|s| !s.read_past && s.meanings != vec![Word::Filler])
        && merged[i].text == "now"
        && merged[..i].iter().all(|s| {
            matches!(
                s.text.as_str(),
                "ok" | "okay" | "so" | "and" | "right" | "great" | "thanks"
            )
        })
    {
        merged[i].meanings = vec![Word::Filler];
        merged[i].read_past = true;
    }
    negations_read_past(&mut merged);
    aggregates_denied(&mut merged);
    // "only the distributed part: how many MW did Italy add": a segment's part is the segment
    // ("what part of" asks a share); "summing the four years": the years of the span, not a count.
    for i in 1..merged.len() {
        let next = merged.get(i + 1).map(|s| s.text.as_str());
        let segment_part = merged[i].text == "part"
            && merged[i - 1].has(|w| matches!(w, Word::Connection(_)))
            && next != Some("of");
        let years_counted = merged[i].has(|w| matches!(w, Word::Count(_)))
            && matches!(
                merged[i - 1].text.as_str(),
                "the" | "those" | "these" | "all"
            )
            && matches!(next, Some("years" | "quarters" | "months"));
        if segment_part || years_counted {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
        }
    }
    // "When did India first pass the 100 GW mark?": the level is the mark.
    for i in 1..merged.len() {
        if merged[i].is_unknown()
            && matches!(
                merged[i].text.as_str(),
                "mark" | "milestone" | "threshold" | "barrier"
            )
            && merged[i.saturating_sub(2)..i]
                .iter()
                .any(|s| s.has(|w| matches!(w, Word::Level(_))))
        {
            merged[i].meanings = vec![Word::Filler];
            merged[i].read_past = true;
        }
    }
    // "2024 high and low", "highs and lows": the highest and the lowest, unless the question
    // speaks of scenarios ("high and low case", "the high and low scenarios").
    let named_scenarios = merged.iter().any(|s| {
        s.has(|w| matches!(w, Word::Scenario(_) | Word::AllScenarios))
            || matches!(s.text.as_str(), "scenario" | "scenarios")
    });
    for i in 0..merged.len().saturating_sub(2) {
        let pair = (
            merged[i].text.as_str(),
            merged[i + 1].text.as_str(),
            merged[i + 2].text.as_str(),
        );
        let of_cases = merged
            .get(i + 3)
            .is_some_and(|n| matches!(n.text.as_str(), "case" | "cases"));
        if let ("high" | "highs", "and", "low" | "lows") | ("low" | "lows", "and", "high" | "highs") =
            pair
            && !named_scenarios
            && !of_cases
        {
            for j in [i, i + 2] {
                let op = if merged[j].text.starts_with("high") {
                    Op::Max
                } else {
                    Op::Min
                };
                merged[j].meanings = vec![Word::Op(op)];
            }
        }
    }
    // "high minus low", "high vs low": alone, "high" and "low" could be levels of anything; in a
    // question that speaks of scenarios (a scenario named, "scenario", "case", "spread", "range")
    // they are the forecast scenarios.
    let scenarios = scenarios
        || merged.iter().any(|s| {
            // (Not the history: "historical high (actuals, not forecasts)" is a record.)
            s.has(|w| {
                matches!(w, Word::Scenario(sc) if sc.starts_with("Forecast"))
                    || *w == Word::AllScenarios
            }) || matches!(
                s.text.as_str(),
                "scenario" | "scenarios" | "case" | "cases" | "spread" | "range"
            )
        });
    if scenarios {
        // (Also when the word is one of a price description's: "High purity" polysilicon.)
        for s in merged
            .iter_mut()
            .filter(|s| s.meanings.iter().all(|m| matches!(m, Word::Tech(_))))
        {
            match s.text.as_str() {
                "high" => s
                    .meanings
                    .push(Word::Scenario(Scenario::ForecastHigh.as_str())),
                "low" => s
                    .meanings
                    .push(Word::Scenario(Scenario::ForecastLow.as_str())),
                _ => {}
            }
        }
    }
    // "For the southern Europe comparison: Spain, France and Italy?": a part of a region beside
    // two or more countries named is a label for them, not a place of its own.
    let place =
        |s: &Span| s.has(|w| matches!(w, Word::Territory(_) | Word::Region(_) | Word::Country));
    let direction = |s: &Span| {
        matches!(
            s.text.as_str(),
            "southern" | "northern" | "eastern" | "western" | "south" | "north" | "east" | "west"
        )
    };
    let labels: Vec<usize> = (1..merged.len())
        .filter(|&i| direction(&merged[i - 1]) && place(&merged[i]))
        .collect();
    let others = (0..merged.len())
        .filter(|i| place(&merged[*i]) && !labels.contains(i))
        .count();
    if !labels.is_empty() && others >= 2 {
        for i in labels {
            for k in [i - 1, i] {
                merged[k].meanings = vec![Word::Filler];
                merged[k].read_as = None;
                merged[k].read_past = true;
            }
        }
    }
    // "after" and "before" start a span only before a period ("after 2015"); "After China,
    // which country installed the most?" is not understood, so it declines.
    for i in 0..merged.len() {
        let dated = merged.get(i + 1).is_some_and(|n| {
            n.has(|w| {
                matches!(
                    w,
                    Word::Year(_)
                        | Word::Month(_)
                        | Word::Quarter(_)
                        | Word::Half(_)
                        | Word::FullYear
                )
            })
        });
        if matches!(merged[i].text.as_str(), "after" | "before") && !dated {
            merged[i].meanings.clear();
        }
    }
    // "exceed", "under", "hit" with no level are verbs of the question ("under the high
    // scenario", "when did it hit its highest price"), not a threshold.
    if !merged
        .iter()
        .any(|s| s.has(|w| matches!(w, Word::Level(_))))
    {
        for s in merged.iter_mut().filter(|s| {
            !s.meanings.is_empty()
                && s.meanings
                    .iter()
                    .all(|w| matches!(w, Word::Op(Op::Above | Op::Below)))
        }) {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
        }
    }
    // A story around the question is read past when the question pins its own period or asks
    // for a record, a ranking, a change or a level ("Spain's solar boom: how much in 2023?").
    let pinned = merged.iter().any(|s| {
        s.has(|w| {
            matches!(
                w,
                Word::Year(_)
                    | Word::Level(_)
                    | Word::Op(Op::Max | Op::Min | Op::Top | Op::Bottom | Op::Change | Op::Cagr)
            )
        })
    });
    // "for us", "pitching us": written in lower case, "us" is the pronoun, not the US (which
    // analysts write "US", "USA" or "U.S.").
    let pronoun_us = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "us")
        && !text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "US");
    if pronoun_us {
        // (Except where a pronoun cannot stand: "us installs 2023", "the us market", "china
        // vs us".)
        for i in 0..merged.len() {
            let country =
                i == 0 || matches!(merged[i - 1].text.as_str(), "the" | "vs" | "versus" | "v");
            if merged[i].text == "us" && !country {
                merged[i].meanings = vec![Word::Filler];
                merged[i].read_past = true;
            }
        }
    }
    // "Assuming the most probable scenario holds, how much will Germany add in 2027?": a
    // condition that names a forecast scenario asks for that scenario (the condition and its
    // verb are read past); any other condition changes the question.
    let forecast_named = merged
        .iter()
        .any(|s| s.has(|w| matches!(w, Word::Scenario(sc) if sc.starts_with("Forecast"))));
    let scenarios = scenarios || forecast_named;
    let condition = |t: &str| matches!(t, "if" | "assuming" | "assume" | "suppose" | "supposing");
    if forecast_named && merged.iter().any(|s| condition(&s.text)) {
        for s in merged.iter_mut().filter(|s| {
            s.is_unknown()
                && matches!(
                    s.text.as_str(),
                    "holds"
                        | "hold"
                        | "hits"
                        | "hit"
                        | "materialises"
                        | "materializes"
                        | "hold true"
                        | "plays"
                        | "out"
                        | "hods"
                )
        }) {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
        }
    }
    // "excluding China", "other than the US and China", "leaving China aside", "ex-China": the
    // places named are left out; the words that say so are read.
    const LEAVE_OUT: &[&str] = &[
        "excluding",
        "exclude",
        "except",
        "ex",
        "without",
        "besides",
        "barring",
        "other than",
        "apart from",
        "aside from",
        "not counting",
        "leaving out",
        "leave out",
    ];
    const LEAVING: &[&str] = &["leaving", "leave", "setting", "set", "putting", "put"];
    let place = |s: &Span| {
        s.meanings.iter().find_map(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        })
    };
    let mut i = 0;
    while i < merged.len() {
        let two = i > 0
            && LEAVE_OUT.contains(&format!("{} {}", merged[i - 1].text, merged[i].text).as_str());
        let opens = LEAVE_OUT.contains(&merged[i].text.as_str())
            || two
            || LEAVING.contains(&merged[i].text.as_str());
        if !opens {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut places = Vec::new();
        while j < merged.len() {
            if place(&merged[j]).is_some() {
                places.push(j);
            } else if !matches!(merged[j].text.as_str(), "and" | "or" | "the") {
                break;
            }
            j += 1;
        }
        let aside = merged.get(j).is_some_and(|s| s.text == "aside");
        // ("leaving", "setting" only with "aside" after the places.)
        let leaving = LEAVING.contains(&merged[i].text.as_str());
        if !places.is_empty() && (!leaving || aside) {
            for &k in &places {
                if let Some(t) = place(&merged[k]) {
                    merged[k].meanings = vec![Word::Except(t)];
                }
            }
            for k in [Some(i), two.then(|| i - 1), aside.then_some(j)]
                .into_iter()
                .flatten()
            {
                if merged[k].is_unknown() || merged[k].read_past || k == i {
                    merged[k].meanings = vec![Word::Filler];
                    merged[k].read_past = true;
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    // "China aside, who led in 2023?": a place then "aside".
    for i in 0..merged.len().saturating_sub(1) {
        if merged[i + 1].text == "aside"
            && let Some(t) = place(&merged[i])
        {
            merged[i].meanings = vec![Word::Except(t)];
            merged[i + 1].meanings = vec![Word::Filler];
            merged[i + 1].read_past = true;
        }
    }
    // "5 February 2025", "February 5 2025": a day of a month is one span with the month (its
    // text holds the day, see `Question::dates`), never a count ("top 5").
    let day = |s: &Span| {
        s.text.len() <= 2
            && s.text.chars().all(|c| c.is_ascii_digit())
            && s.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let month = |s: &Span| s.meanings.len() == 1 && matches!(s.meanings[0], Word::Month(_));
    let year = |s: Option<&Span>| s.is_some_and(|s| s.has(|w| matches!(w, Word::Year(_))));
    let mut i = 0;
    while i < merged.len() {
        if month(&merged[i]) {
            let ranked = |j: usize| {
                j.checked_sub(1).is_some_and(|k| {
                    matches!(merged[k].text.as_str(), "top" | "bottom" | "first" | "last")
                })
            };
            if i > 0 && day(&merged[i - 1]) && !ranked(i - 1) && year(merged.get(i + 1)) {
                let d = merged.remove(i - 1);
                i -= 1;
                merged[i].text = format!("{} {}", d.text, merged[i].text);
            } else if merged.get(i + 1).is_some_and(day) && year(merged.get(i + 2)) {
                let d = merged.remove(i + 1);
                merged[i].text = format!("{} {}", d.text, merged[i].text);
            }
        }
        i += 1;
    }
    // "was more PV added distributed or centralised?", "is Spain or Italy bigger?": a comparative
    // in a question that offers two names of one kind joined by "or" asks which of them is
    // larger: the two compared (not "more than 2 GW", a level, nor "A or B, more or less").
    let name = |s: &Span| {
        s.meanings
            .iter()
            .find(|w| {
                matches!(
                    w,
                    Word::Territory(_)
                        | Word::Connection(_)
                        | Word::Tech(_)
                        | Word::Item(_)
                        | Word::Region(_)
                        | Word::Company(_)
                        | Word::Scenario(_)
                        | Word::Description(_)
                )
            })
            .map(std::mem::discriminant)
    };
    let offers_two = (1..merged.len().saturating_sub(1)).any(|j| {
        merged[j].text == "or"
            && name(&merged[j - 1]).is_some()
            && name(&merged[j - 1]) == name(&merged[j + 1])
    });
    // ("compare ... in China and EU, and tell how many times the EU one is higher": a bare
    // comparative in a question that already compares says nothing more.)
    // ("How many MW lower would 2025 be vs 2024?" is a change, read elsewhere.)
    let compares = merged
        .iter()
        .any(|s| s.text == "how many times" && s.has(|w| *w == Word::Op(Op::Compare)));
    if offers_two || compares {
        for i in 0..merged.len() {
            let comparative = matches!(
                merged[i].text.as_str(),
                "more" | "less" | "bigger" | "larger" | "higher" | "lower" | "smaller" | "greater"
            );
            let before = |t: &str| merged.get(i + 1).is_some_and(|n| n.text == t);
            let paired = i > 0 && merged[i - 1].text == "or" && merged[i].text == "less";
            if comparative && merged[i].is_unknown() && !before("than") && !before("or") && !paired
            {
                merged[i].meanings = vec![Word::Op(Op::Compare)];
            }
        }
    }
    // "What did copper do between January 2024 and January 2025, in percent?": a percentage of
    // nothing ("in percent", not "percent of", no "share") over two periods is the change's %.
    let mut periods: Vec<&Word> = Vec::new();
    for w in merged.iter().flat_map(|s| s.meanings.iter()) {
        if matches!(w, Word::Year(_) | Word::Month(_)) && !periods.contains(&w) {
            periods.push(w);
        }
    }
    let of_something = merged.iter().enumerate().any(|(i, s)| {
        matches!(
            s.text.as_str(),
            "share" | "shares" | "proportion" | "fraction" | "portion" | "part"
        ) || (matches!(s.text.as_str(), "percent" | "percentage" | "pct")
            && merged.get(i + 1).is_some_and(|n| n.text == "of"))
    });
    let operated = merged
        .iter()
        .any(|s| s.has(|w| matches!(w, Word::Op(Op::Change | Op::Cagr | Op::Compare))));
    if periods.len() >= 2 && !of_something && !operated {
        // (Only "in percent", "as a percentage": "what percent did distributed make up in 2023
        // and 2024" is a share.)
        for i in 1..merged.len() {
            if matches!(merged[i].text.as_str(), "percent" | "percentage" | "pct")
                && merged[i].meanings == [Word::Op(Op::Share)]
                && matches!(merged[i - 1].text.as_str(), "in" | "a")
            {
                merged[i].meanings = vec![Word::Op(Op::Change)];
            }
        }
    }
    // "but" joins two clauses ("mature but still growing"), except in "all but X".
    for i in 0..merged.len() {
        let after_all = i > 0
            && matches!(
                merged[i - 1].text.as_str(),
                "all" | "everything" | "anything" | "nothing" | "none"
            );
        let s = &mut merged[i];
        if s.is_unknown()
            && ((pinned && words::NARRATIVE.contains(&s.text.as_str()))
                || (s.text == "but" && !after_all)
                || (condition(&s.text) && scenarios))
        {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
        }
    }
    Question {
        spans: merged,
        unread,
    }
}

/// A quantity as [`norm_joined`] writes it: "17000", "1p5" (1.5). "17p000" is 17.000 or 17,000
/// depending on where the writer lives: not read.
pub(super) fn quantity(text: &str) -> Option<f64> {
    if !text.chars().all(|c| c.is_ascii_digit() || c == 'p') {
        return None;
    }
    if let Some((_, frac)) = text.split_once('p')
        && frac.len() == 3
    {
        return None;
    }
    text.replace('p', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
}

/// The ordinary English words (SCOWL size 35, lowercase: no names of places or companies).
pub(super) fn english(w: &str) -> bool {
    static WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| include_str!("../english.txt").lines().collect());
    WORDS.contains(w)
}

/// A word that is not a phrase of the lexicon: a number, a plural of a name, a near spelling of
/// a known word, or not understood.
pub(super) fn single_word(w: &str, lex: &Lexicon) -> Span {
    let span = |meanings: Vec<Word>, read_as: Option<String>| Span {
        text: w.to_string(),
        meanings,
        read_as,
        read_past: false,
        lent: false,
    };
    if let Some(m) = number(w) {
        return span(vec![m], None);
    }
    // "2gw", "500mw" written as one word.
    for (unit, m) in [("gw", 1000.0), ("mw", 1.0)] {
        if let Some(v) = w.strip_suffix(unit).and_then(quantity) {
            return span(vec![Word::Level(v * m)], None);
        }
    }
    let plural = w.strip_suffix('s').and_then(|s| lex.get(s)).filter(|m| {
        // A plural of a name in the data ("modules"); never of a table word ("news" is not
        // more than one "new").
        m.iter().all(|w| {
            matches!(
                w,
                Word::Territory(_)
                    | Word::Item(_)
                    | Word::Region(_)
                    | Word::Company(_)
                    | Word::Metric(_)
                    | Word::Tech(_)
                    | Word::Description(_)
            )
        })
    });
    if let Some(m) = plural {
        return span(m.clone(), None);
    }
    // Ordinary English is read past, except the words that change what is asked; and it is never
    // read as a near spelling of a data word ("right" is not "eight", "still" is not "till").
    if english(w) {
        if words::changes_the_question(w) {
            return span(Vec::new(), None);
        }
        return Span {
            read_past: true,
            ..span(vec![Word::Filler], None)
        };
    }
    match lex.near(w) {
        Some(k) => span(lex.get(k).cloned().unwrap_or_default(), Some(k.to_string())),
        // "durign", "teh": two neighbouring letters swapped in an ordinary word that changes
        // nothing is read past as that word (one that would change the question is not guessed).
        None => match swapped_english(w) {
            Some(e)
                if !words::changes_the_question(&e)
                    && lex
                        .get(&e)
                        .is_none_or(|m| m.iter().all(|w| *w == Word::Filler)) =>
            {
                Span {
                    read_past: true,
                    ..span(vec![Word::Filler], Some(e))
                }
            }
            _ => span(Vec::new(), None),
        },
    }
}

/// The one ordinary English word `w` is, with two neighbouring letters swapped back (words of
/// five letters or more: a short word has too many neighbours).
fn swapped_english(w: &str) -> Option<String> {
    let c: Vec<char> = w.chars().collect();
    if c.len() < 5 || !c.iter().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let mut found: Option<String> = None;
    for i in 0..c.len() - 1 {
        if c[i] == c[i + 1] {
            continue;
        }
        let mut t = c.clone();
        t.swap(i, i + 1);
        let t: String = t.into_iter().collect();
        if english(&t) {
            if found.as_ref().is_some_and(|f| *f != t) {
                return None;
            }
            found = Some(t);
        }
    }
    found
}

/// `2024-03` → `2024 03`, `fy2023` → `fy 2023`, `q1-2024` → `q1 2024`: numbers glued to
/// letters are read apart (but `m10`, `g12`, `co2` stay words).
pub(super) fn split_joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // "%" is a word: "what % of Italy's additions".
    let lower = text
        .to_lowercase()
        .replace('%', " percent ")
        // "FY23→FY24", "2023->2024": from one to the other.
        .replace('→', " to ")
        .replace("->", " to ")
        .replace("us$", " usd ");
    for tok in lower.split_whitespace() {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        // "w/": with.
        if tok == "w/" {
            out.push_str("with ");
            continue;
        }
        // Common slips of ordinary words ("whcih", "calender").
        let t = match t {
            "whcih" | "wich" | "whihc" | "hwich" => "which",
            "calender" => "calendar",
            "teh" => "the",
            "waht" => "what",
            _ => t,
        };
        if t != tok.trim_matches(|c: char| !c.is_alphanumeric()) {
            out.push_str(t);
            out.push(' ');
            continue;
        }
        // "Q4'24": the fourth quarter of 2024.
        if let Some((q, y)) = t.split_once('\'')
            && matches!(q, "q1" | "q2" | "q3" | "q4" | "h1" | "h2" | "fy" | "cy")
            && y.len() == 2
            && y.chars().all(|c| c.is_ascii_digit())
        {
            out.push_str(&format!("{q} 20{y} "));
            continue;
        }
        // "y/y", "y-o-y": year on year.
        if matches!(t, "y/y" | "y-o-y" | "y-y" | "y/o/y") {
            out.push_str("yoy ");
            continue;
        }
        // "the 2010s": the decade's years.
        if let Some(decade) = t
            .strip_suffix('s')
            .and_then(|d| d.parse::<i32>().ok())
            .filter(|d| d % 10 == 0 && (1990..=2090).contains(d))
        {
            out.push_str(&format!("{decade} to {} ", decade + 9));
            continue;
        }
        // "q/q", "q-o-q": quarter on quarter.
        if matches!(t, "q/q" | "q-o-q" | "q/o/q") {
            out.push_str("qoq ");
            continue;
        }
        let split = ["fy", "cy", "q1", "q2", "q3", "q4", "h1", "h2"]
            .iter()
            .find(|p| {
                t.starts_with(*p)
                    && t.len() > p.len()
                    && t[p.len()..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '-' || c == '/')
            });
        match (split, year_then_part(t)) {
            (Some(p), _) => {
                out.push_str(p);
                out.push(' ');
                let rest = &t[p.len()..];
                // "FY24" is FY2024.
                if rest.len() == 2 && rest.chars().all(|c| c.is_ascii_digit()) {
                    out.push_str("20");
                }
                out.push_str(rest);
            }
            (None, Some(read)) => out.push_str(&read),
            (None, None) => out.push_str(tok),
        }
        out.push(' ');
    }
    out
}

/// `2024-q4` → `q4 2024`, `2025-30` → `2025 2030`, `2019/20` → `2019 2020`. Two digits that do
/// not end a later year stay a month (`2024-03`); before 2013 a month could read as a span
/// (`2011-12`), years no loaded price holds.
pub(super) fn year_then_part(t: &str) -> Option<String> {
    let (year, rest) = t.split_at_checked(4)?;
    let y: i32 = year.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    let rest = rest.strip_prefix(['-', '/', '–']).unwrap_or(rest);
    if ["q1", "q2", "q3", "q4", "h1", "h2", "fy"].contains(&rest) {
        return Some(format!("{rest} {y}"));
    }
    if rest.len() == 2 && rest.chars().all(|c| c.is_ascii_digit()) {
        let end = y / 100 * 100 + rest.parse::<i32>().ok()?;
        return (end > y).then(|| format!("{y} {end}"));
    }
    None
}

/// A year (1990–2100), or a small count.
pub(super) fn number(w: &str) -> Option<Word> {
    if !w.chars().all(|c| c.is_ascii_digit()) || w.len() > 4 {
        return None;
    }
    let n: u32 = w.parse().ok()?;
    if w.len() == 4 && (1990..=2100).contains(&n) {
        return Some(Word::Year(n as i32));
    }
    if (1..=100).contains(&n) && w.len() <= 3 {
        return Some(Word::Count(n));
    }
    None
}

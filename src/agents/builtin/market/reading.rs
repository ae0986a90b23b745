//! A market question read into a [`MarketAsk`]: its facets, the years, a mark to exceed, and what a follow-up inherits from the questions before it.

use super::*;

pub(super) fn fits(w: &Word) -> bool {
    matches!(
        w,
        Word::Territory(_)
            | Word::Scenario(_)
            | Word::AllScenarios
            | Word::Connection(_)
            | Word::AllConnections
            | Word::Kind(_)
            | Word::KindHint(_)
            | Word::Topic(Topic::Market)
            | Word::Op(_)
            | Word::Year(_)
            // The market data is annual: "Italy's new PV capacity in FY2024" is 2024's.
            | Word::FullYear
            | Word::Count(_)
            | Word::Level(_)
            | Word::Human
            | Word::Except(_)
    )
}

/// "installed in 2024", "installed in Italy in 2022", "installed that year", "added during
/// 2023", "2023 installations", "the Spanish market in 2024": a year's additions. ("installed
/// by 2024" is the installed base: "by" is not read past.) ("installed the most ground-mounted
/// (centralised) capacity in 2023": what was installed may stand between them.)
pub(super) fn installed_in_a_year(q: &Question) -> bool {
    // (Not "base": "installed PV base in 2030" is the installed base.)
    let what = |n: &crate::agents::builtin::understand::Span| {
        !n.meanings.is_empty()
            && n.meanings.iter().all(|w| match w {
                Word::Op(Op::Top | Op::Bottom) | Word::Connection(_) | Word::Topic(Topic::Any) => {
                    true
                }
                Word::KindHint(_) | Word::Topic(Topic::Market) => {
                    matches!(
                        n.text.as_str(),
                        "capacity" | "solar capacity" | "pv capacity"
                    )
                }
                _ => false,
            })
    };
    // ("installed the most ...", "added ground-mounted ...": the verb, not "installed PV
    // capacity in 2030", the installed base.)
    let verb_then_what = |i: usize| {
        matches!(q.spans[i].text.as_str(), "installed" | "added")
            && q.spans[i + 1..]
                .iter()
                .find(|n| n.text != "the")
                .is_some_and(|n| {
                    n.has(|w| matches!(w, Word::Op(Op::Top | Op::Bottom) | Word::Connection(_)))
                })
    };
    let year_follows = |i: usize| {
        let verb = verb_then_what(i);
        q.spans[i + 1..]
            .iter()
            .find(|n| {
                !(matches!(
                    n.text.as_str(),
                    "in" | "during" | "that" | "this" | "last" | "each" | "per" | "the" | "new"
                ) || n.has(|w| matches!(w, Word::Territory(_)))
                    || (verb && what(n)))
            })
            .is_some_and(|n| n.has(|w| matches!(w, Word::Year(_))) || n.text == "year")
    };
    let year_before = |i: usize| i > 0 && q.spans[i - 1].has(|w| matches!(w, Word::Year(_)));
    q.spans
        .iter()
        .enumerate()
        .any(|(i, s)| match s.text.as_str() {
            "installed" | "added" | "install" | "installs" | "add" | "adds" => year_follows(i),
            "installations" | "installation" | "market" => year_follows(i) || year_before(i),
            _ => false,
        })
}

/// "the whole installed amount at the end of 2024", "all solar installed worldwide (end of
/// 2024)", "as of 2023": a stock at a point in time is the installed base (a word of a kind says
/// otherwise: "added by the end of 2024").
pub(super) fn at_a_years_end(q: &Question) -> bool {
    q.spans.iter().enumerate().any(|(i, s)| {
        matches!(
            s.text.as_str(),
            "end of" | "at the end of" | "year end" | "as of" | "as at"
        ) && q.spans[i + 1..]
            .iter()
            .find(|n| !matches!(n.text.as_str(), "the" | "of" | "year"))
            .is_some_and(|n| n.has(|w| matches!(w, Word::Year(_))))
    })
}

/// "at 31 Dec 2024", "as of December 31 2024": the last day of a year is the year's end, which
/// the annual data holds (any other day is of a month it does not hold, and is declined).
fn year_end_day(q: &Question) -> Option<Question> {
    let at = q.spans.iter().enumerate().position(|(i, s)| {
        matches!(s.meanings.as_slice(), [Word::Month(12)])
            && matches!(
                s.text.as_str(),
                "31 dec" | "31 december" | "dec 31" | "december 31"
            )
            && q.spans
                .get(i + 1)
                .is_some_and(|n| n.has(|w| matches!(w, Word::Year(_))))
    })?;
    let mut q = q.clone();
    q.spans[at].text = "end of".into();
    q.spans[at].meanings = vec![Word::Filler];
    Some(q)
}

pub(super) fn facets(q: &Question) -> MarketAsk {
    let mut a = MarketAsk {
        territories: q.all(|w| match w {
            Word::Territory(t) => Some(t.clone()),
            _ => None,
        }),
        span: q.year_span(),
        scenarios: q.all(|w| match w {
            Word::Scenario(s) => Some(*s),
            _ => None,
        }),
        connections: q.all(|w| match w {
            Word::Connection(c) => Some(*c),
            _ => None,
        }),
        by_connection: q.has(|w| *w == Word::AllConnections),
        // An annual or cumulative word says which; "capacity installed in 2024" is the year's
        // additions; else "capacity" means the installed base.
        kind: q
            .all(|w| match w {
                Word::Kind(k) => Some(*k),
                _ => None,
            })
            .first()
            .copied()
            .or_else(|| installed_in_a_year(q).then_some(MarketKind::Annual.as_str()))
            .or_else(|| {
                q.all(|w| match w {
                    Word::KindHint(k) => Some(*k),
                    _ => None,
                })
                .first()
                .copied()
            })
            .or_else(|| at_a_years_end(q).then_some(MarketKind::Cumulative.as_str())),
        ops: q.all(|w| match w {
            Word::Op(o) => Some(*o),
            _ => None,
        }),
        count: q.count(),
        excluded: q.all(|w| match w {
            Word::Except(t) => Some(t.clone()),
            _ => None,
        }),
        level: None,
        below: false,
        more_levels: false,
        level_directed: false,
        percent: false,
        joined: false,
        beyond: None,
        each_year: {
            let yoy = q
                .spans
                .iter()
                .any(|s| matches!(s.text.as_str(), "year on year" | "yoy" | "year over year"));
            let each = q.spans.windows(2).any(|w| {
                matches!(w[0].text.as_str(), "each" | "every")
                    && matches!(w[1].text.as_str(), "year" | "single year")
            }) || q.spans.iter().any(|s| s.text == "year by year");
            let span = match q.year_span() {
                Some((Some(f), Some(t))) => t - f,
                _ => 0,
            };
            (yoy && span >= 2) || (each && span >= 1 && q.has(|w| *w == Word::Op(Op::Change)))
        },
        fall: q.speaks_of_a_fall(),
        ratio: q.spans.iter().any(|s| {
            s.text
                .split(' ')
                .any(|w| matches!(w, "times" | "fold" | "multiple" | "factor"))
        }),
    };
    // "Over the whole series, including the forecast years": the history joined with the most
    // probable forecast, as a span that crosses the last historical year is read.
    if a.scenarios.contains(&JOINED) {
        a.scenarios.retain(|s| *s != JOINED);
        a.ops.retain(|o| *o != Op::Forecast);
        a.joined = true;
    }
    // A level ("more than 1 GW", "first topped 100 GW") asks for the first year a figure reached
    // it; the words that named the direction ("more than", "top", "first") say nothing else.
    // Without a level, "above" or "under" is a preposition ("under the high scenario").
    let levels = q.all(|w| match w {
        Word::Level(v) => Some(*v),
        _ => None,
    });
    a.level = levels.first().copied();
    a.more_levels = levels.len() > 1;
    a.below = a.has(Op::Below);
    // A level is reached only in a direction ("more than", "above", "first", "under"); a level
    // named as context ("the strategy aims at 750 GW by 2030") is not a question about it.
    a.level_directed = a.has(Op::Above)
        || a.has(Op::Below)
        || a.has(Op::First)
        || q.spans.iter().any(|s| {
            matches!(
                s.text.as_str(),
                "more than" | "less than" | "fewer than" | "greater than"
            )
        });
    if a.level.is_some() {
        a.ops.retain(|o| {
            !matches!(
                o,
                Op::Compare | Op::Top | Op::Rank | Op::Above | Op::Below | Op::First
            )
        });
    } else {
        a.ops.retain(|o| !matches!(o, Op::Above | Op::Below));
    }
    beyond_a_mark(q, &mut a);
    // "What proportion of Germany's 2024 additions fell in the distributed segment?": "fell in"
    // beside a share places the part, it is no change.
    // ("Is it right that Polish additions fell in 2024? By how much in %?": "fell in" a year is
    // a change; so is "the % fall in Vietnam's additions from 2020 to 2021", in a place.)
    let placed = q.spans.iter().enumerate().any(|(i, s)| {
        matches!(s.text.as_str(), "fell" | "fall" | "falls" | "falling")
            && q.spans
                .get(i + 1)
                .is_some_and(|n| matches!(n.text.as_str(), "in" | "into" | "within" | "under"))
            && !q.spans.get(i + 2).is_some_and(|n| {
                n.has(|w| matches!(w, Word::Year(_) | Word::Territory(_) | Word::Region(_)))
            })
    }) && !q.spans.iter().any(|s| {
        s.has(|w| *w == Word::Op(Op::Change))
            && !matches!(s.text.as_str(), "fell" | "fall" | "falls" | "falling")
    });
    if placed && a.ops.contains(&Op::Share) {
        a.ops.retain(|o| *o != Op::Change);
    }
    // "in %" with a comparison or a change asks for the relative difference, not a share.
    let percent_only = q
        .spans
        .iter()
        .any(|s| matches!(s.text.as_str(), "percent" | "percentage" | "pct"))
        && !q.spans.iter().any(|s| {
            matches!(
                s.text.as_str(),
                "share"
                    | "shares"
                    | "proportion"
                    | "fraction"
                    | "portion"
                    | "part"
                    | "of the total"
            )
        });
    // (A comparison of one territory in one year has nothing to be relative to: "what % of the
    // new PV was distributed vs the country total" is the segment's share.)
    a.percent = percent_only;
    let compares_two =
        a.territories.len() > 1 || matches!(a.span, Some((Some(f), Some(t))) if f < t);
    if percent_only
        && (a.has(Op::Change) || a.has(Op::Cagr) || (a.has(Op::Compare) && compares_two))
    {
        a.ops.retain(|o| *o != Op::Share);
        // "How do Germany's 2030 additions compare with its 2024 additions, in % terms?": one
        // territory's two years compared in % is the change between them.
        if a.has(Op::Compare) && a.territories.len() == 1 && !a.has(Op::Cagr) {
            a.ops.push(Op::Change);
        }
    }
    // "How much more PV does Germany have installed in total than Spain?": "than" makes it a
    // comparison; "in total" is the whole fleet, not a sum of the two.
    let than = q
        .spans
        .iter()
        .any(|s| s.text == "than" || s.text.ends_with(" than"));
    // (So is "which one had more PV installed in total ..., and what is the difference?")
    let difference = q.spans.iter().any(|s| s.text == "difference");
    if (than || difference) && a.has(Op::Compare) {
        a.ops.retain(|o| *o != Op::Sum);
    }
    // "How much PV will Germany have installed in total by 2030?": a total by a year is the
    // installed base then, not a sum of the years' additions (unless the question says
    // additions: "how much will it add in total by 2030").
    let kind_word = q.has(|w| matches!(w, Word::Kind(_)));
    let by_year = q.spans.iter().any(|s| s.text == "by") && matches!(a.span, Some((None, Some(_))));
    if a.has(Op::Sum) && by_year && !kind_word && a.territories.len() <= 1 {
        a.ops.retain(|o| *o != Op::Sum);
        a.kind = Some(MarketKind::Cumulative.as_str());
        if let Some((None, Some(t))) = a.span {
            a.span = Some((Some(t), Some(t)));
        }
    }
    // "total rooftop additions 2021-2023": a total over a span of years is their sum (a total
    // of one year is the Total connection, and a chart or trend shows each year).
    let total_word = q
        .spans
        .iter()
        .any(|s| s.text == "total" || s.text == "totals");
    // ("Total French PV additions expected 2025 to 2030": a forecast's too.)
    if total_word
        && matches!(a.span, Some((Some(f), Some(t))) if f < t)
        && a.kind != Some(MarketKind::Cumulative.as_str())
        && a.ops.iter().all(|o| matches!(o, Op::Sum | Op::Forecast))
    {
        a.ops.push(Op::Sum);
    }
    // "Our launch markets are DE, FR and IT. Total distributed PV added across the three in
    // 2024?": the count of the territories named points back at them (no ranking is asked), and
    // a total of several territories is their sum (the answer still lists each).
    let ranks = a.has(Op::Top) || a.has(Op::Bottom) || a.has(Op::Rank);
    if a.territories.len() > 1
        && a.count.is_some_and(|n| n as usize == a.territories.len())
        && !ranks
    {
        a.count = None;
    }
    if total_word && a.territories.len() > 1 && a.count.is_none() && a.ops.is_empty() {
        a.ops.push(Op::Sum);
    }
    // "How much solar has Australia got altogether at the end of 2024?": a sum of one
    // territory's one year is that year's figure. (Not with a count: "the combined share of
    // World for those three" sums a ranking's countries.)
    if a.has(Op::Sum)
        && a.count.is_none()
        && a.territories.len() == 1
        && a.connections.len() <= 1
        && !a.by_connection
        && !a.has(Op::Top)
        && !a.has(Op::Rank)
        && !a.has(Op::Bottom)
        && matches!(a.span, Some((Some(f), Some(t))) if f == t)
    {
        a.ops.retain(|o| *o != Op::Sum);
    }
    // "Germany vs France in 2030, and the difference?": a difference between territories of one
    // year is their comparison, not a change over time.
    if a.territories.len() > 1
        && matches!(a.span, Some((Some(f), Some(t))) if f == t)
        && q.spans.iter().any(|s| s.text == "difference")
        && !a.has(Op::Cagr)
    {
        a.ops.retain(|o| *o != Op::Change);
        if !a.has(Op::Compare) {
            a.ops.push(Op::Compare);
        }
    }
    // "How many times bigger was its 2024 market than 2023?": one territory compared across two
    // years is the change between them (with the ratio).
    if a.territories.len() == 1
        && a.scenarios.len() <= 1
        && matches!(a.span, Some((Some(f), Some(t))) if f < t)
        && a.has(Op::Compare)
        && !a.ops.iter().any(|o| {
            matches!(
                o,
                Op::Change
                    | Op::Trend
                    | Op::Chart
                    | Op::Average
                    | Op::Sum
                    | Op::Max
                    | Op::Min
                    | Op::Top
                    | Op::Bottom
                    | Op::Share
            )
        })
    {
        a.ops.push(Op::Change);
    }
    // "high minus low", "the spread between the high and low scenarios": scenarios compared.
    if a.scenarios.len() > 1 && a.territories.len() <= 1 && a.has(Op::Distribution) {
        a.ops.retain(|o| *o != Op::Distribution);
        if !a.has(Op::Compare) {
            a.ops.push(Op::Compare);
        }
    }
    // ("the high and low scenarios": "scenarios" after the ones named is those, not all.)
    if q.has(|w| *w == Word::AllScenarios) && !q.has(|w| matches!(w, Word::Scenario(_))) {
        a.scenarios = Scenario::FORECASTS.map(Scenario::as_str).to_vec();
    }
    // "the difference between the high and low scenarios for Germany in 2030": scenarios of one
    // place in one year compared (a change is between years).
    if a.scenarios.len() > 1
        && a.territories.len() <= 1
        && a.has(Op::Change)
        && matches!(a.span, Some((Some(f), Some(t))) if f == t)
    {
        a.ops.retain(|o| *o != Op::Change);
        if !a.has(Op::Compare) {
            a.ops.push(Op::Compare);
        }
    }
    a
}

/// "Which year saw the weakest EU market?": the region's own lowest year, not its countries
/// ranked. (Also for a question a follow-up takes its operation from: "Which year did Brazil
/// install the most solar?" then "what about Chile?".)
pub(super) fn when_extreme(q: &Question, mut a: MarketAsk) -> MarketAsk {
    if q.has(|w| *w == Word::When) && a.territories.len() == 1 {
        for o in a.ops.iter_mut() {
            *o = match *o {
                Op::Top => Op::Max,
                Op::Bottom => Op::Min,
                other => other,
            };
        }
    }
    a
}

/// Read a market question; `prev` is the previous question when this one is a follow-up.
#[cfg(test)]
pub fn read(
    q: &Question,
    prev: Option<&Question>,
    vocab: &Vocabulary,
) -> Result<MarketAsk, Decline> {
    read_chain(q, prev.into_iter().collect::<Vec<_>>().as_slice(), vocab)
}

/// Read a market question that follows `chain`, the questions of the follow-ups before it,
/// newest first ("Germany 2026 additions forecast?", "low case?", then "and the high?"): the
/// previous question is read as it was answered, with what it took from the ones before it.
pub fn read_chain(
    q: &Question,
    chain: &[&Question],
    vocab: &Vocabulary,
) -> Result<MarketAsk, Decline> {
    let ended = year_end_day(q);
    let q = ended.as_ref().unwrap_or(q);
    let d = unmatched(q, fits);
    if !d.is_empty() {
        return Err(d);
    }
    let mut a = facets(q);
    // "and how much of that went onto public buildings?": a part of a figure the data holds only
    // by connection; a part named in other words is not guessed (nor read past).
    let part_of_it = q.spans.windows(2).any(|w| {
        w[0].text == "of"
            && matches!(
                w[1].text.as_str(),
                "that" | "it" | "this" | "those" | "these" | "which"
            )
    }) && q.spans.iter().any(|s| {
        matches!(
            s.text.as_str(),
            "much" | "many" | "part" | "proportion" | "portion" | "fraction"
        )
    });
    if part_of_it
        && a.connections.is_empty()
        && !a.by_connection
        && a.territories.is_empty()
        && q.spans.iter().any(|s| s.read_past)
    {
        return Err(Decline::because(
            "The market data splits installations only by connection (centralised, distributed, \
             off-grid): it does not say how much went to a kind of building or owner.",
        ));
    }
    // "the annual growth of the cumulative fleet": which one is computed is not guessed.
    let kinds: std::collections::BTreeSet<&str> = q
        .all(|w| match w {
            Word::Kind(k) => Some(*k),
            _ => None,
        })
        .into_iter()
        .collect();
    if kinds.len() > 1
        && a.ops
            .iter()
            .any(|o| !matches!(o, Op::Compare | Op::Chart | Op::Trend))
    {
        return Err(Decline::because(
            "The question names both annual additions and the cumulative installed base: ask for one of them.",
        ));
    }
    // "How does 2024 compare to that record, in percent of the record?": a percentage of a
    // record year is not a share of a region (it was answered as Italy's share of World).
    let of_a_record = q
        .spans
        .windows(2)
        .any(|w| w[0].text == "of" && w[1].has(|m| *m == Word::Op(Op::Max)))
        || q.spans.windows(3).any(|w| {
            w[0].text == "of"
                && matches!(w[1].text.as_str(), "the" | "that" | "its")
                && w[2].has(|m| *m == Word::Op(Op::Max))
        });
    if of_a_record && a.has(Op::Share) {
        return Err(Decline::because(
            "I can give a share of a region or of the world, not a percentage of a record year: \
             ask for the record, then for the year, and compare the two figures.",
        ));
    }
    let mut answered: Option<MarketAsk> = None;
    for p in chain.iter().rev() {
        answered = unmatched(p, fits).is_empty().then(|| {
            when_extreme(
                p,
                match &answered {
                    Some(before) => inherit(facets(p), before),
                    None => facets(p),
                },
            )
        });
    }
    // "How much did Brazil grow vs 2023?": the year compared with starts the change, which runs
    // to the latest year (or to the year the previous question asked).
    let grows_from = (a.has(Op::Change) || a.has(Op::Cagr))
        && q.years().len() == 1
        && q.spans.windows(2).any(|w| {
            matches!(
                w[0].text.as_str(),
                "vs" | "versus" | "compared to" | "compared with" | "than" | "against"
            ) && w[1].has(|m| matches!(m, Word::Year(_)))
        });
    if grows_from {
        a.span = Some((q.years().first().copied(), None));
    }
    // "Spain's installed base at the end of 2022?", "and at end of 2024?", "so how much did it
    // grow over those two years?": a change the chain's years span.
    let chain_years: std::collections::BTreeSet<i32> =
        chain.iter().flat_map(|p| p.years()).collect();
    let grows = a.has(Op::Change) || a.has(Op::Cagr);
    // "What were global distributed additions in 2024?", "what share of that was Germany?": the
    // country's part of the whole asked before.
    let of_that = q.spans.windows(2).any(|w| {
        w[0].text == "of" && matches!(w[1].text.as_str(), "that" | "it" | "this" | "those")
    });
    let part_of_whole = of_that
        && a.has(Op::Share)
        && !a.territories.is_empty()
        && a.territories.iter().all(|t| !is_aggregate(t))
        && answered.as_ref().is_some_and(|p| {
            !p.territories.is_empty() && p.territories.iter().all(|t| is_aggregate(t))
        });
    if let Some(p) = &answered {
        a = inherit(a, p);
        if part_of_whole {
            for t in &p.territories {
                if !a.territories.contains(t) {
                    a.territories.push(t.clone());
                }
            }
        }
        // "US PV adds 2023?", "y/y change vs 2022?": to the year the question before asked.
        if grows_from
            && let Some((Some(y), end)) = p.span
            && end.is_none_or(|e| e == y)
            && let Some((Some(from), _)) = a.span
            && y > from
        {
            a.span = Some((Some(from), Some(y)));
        }
    }
    // "World 2030, most probable?", "and in the low scenario?", "so how much is the difference
    // between the two?": the two scenarios (or territories) the questions before asked, compared.
    let the_two = q.has(|w| *w == Word::Count(2))
        && q.spans.iter().any(|s| s.text == "two" || s.text == "both");
    if the_two
        && grows
        && q.years().is_empty()
        && let [p1, p0, ..] = chain
        && unmatched(p0, fits).is_empty()
        && unmatched(p1, fits).is_empty()
    {
        let (f0, f1) = (facets(p0), facets(p1));
        let mut two = false;
        if let ([s0], [s1]) = (f0.scenarios.as_slice(), f1.scenarios.as_slice())
            && s0 != s1
            && !q.has(|w| matches!(w, Word::Scenario(_)))
        {
            a.scenarios = vec![*s0, *s1];
            two = true;
        } else if let ([t0], [t1]) = (f0.territories.as_slice(), f1.territories.as_slice())
            && t0 != t1
            && !q.has(|w| matches!(w, Word::Territory(_)))
        {
            a.territories = vec![t0.clone(), t1.clone()];
            two = true;
        }
        // (Two years asked one after the other are the change between them, below.)
        if two {
            a.ops.retain(|o| !matches!(o, Op::Change | Op::Cagr));
            a.ops.push(Op::Compare);
            a.count = None;
        }
    }
    // "Denmark's additions in 2022?", "and Ireland the same year?", "show both countries 2015 to
    // 2024 as a chart": the two territories the questions before named, over the span asked.
    // ("Spain's distributed additions in 2023?", "and in Italy?", "which one is bigger and by how
    // much?": so are the two of "which one", "which is" or "which of them".)
    let which_one = a.has(Op::Compare)
        && q.spans.windows(2).any(|w| {
            w[0].text == "which" && matches!(w[1].text.as_str(), "one" | "is" | "was" | "of")
        });
    if (the_two || which_one || q.spans.iter().any(|s| s.text == "both"))
        && !grows
        && !q.has(|w| matches!(w, Word::Territory(_)))
        && let [p1, p0, ..] = chain
        && unmatched(p0, fits).is_empty()
        && unmatched(p1, fits).is_empty()
        && let ([t0], [t1]) = (
            facets(p0).territories.as_slice(),
            facets(p1).territories.as_slice(),
        )
        && t0 != t1
    {
        a.territories = vec![t0.clone(), t1.clone()];
        a.count = None;
    }
    // "German PV additions 2024?", "and France?", "combined?": the places the chain named one by
    // one, summed.
    let combined = q.spans.iter().any(|s| {
        matches!(
            s.text.as_str(),
            "combined" | "together" | "altogether" | "both" | "in total"
        )
    });
    // ("the two combined — % of World?": the world is what the sum is a share of.)
    let share_of_world = a.has(Op::Share);
    if combined
        && a.has(Op::Sum)
        && !q.has(|w| matches!(w, Word::Territory(t) if !(share_of_world && t == "World")))
        && !chain.is_empty()
        && chain.iter().all(|p| unmatched(p, fits).is_empty())
    {
        let mut places: Vec<String> = Vec::new();
        for p in chain.iter().rev() {
            if let [t] = facets(p).territories.as_slice()
                && !places.contains(t)
            {
                places.push(t.clone());
            }
        }
        if places.len() >= 2 {
            a.territories = places;
            a.count = None;
        }
    }
    if grows
        && q.years().is_empty()
        && answered.is_some()
        && let (Some(first), Some(last)) = (chain_years.first(), chain_years.last())
        && first < last
    {
        a.span = Some((Some(*first), Some(*last)));
    }
    // "and bear — how far below bull, in GW?": two cases of one year, one against the other
    // (a change needs two years).
    let one_year = match a.span {
        Some((Some(f), Some(t))) => f == t,
        _ => true,
    };
    if a.scenarios.len() == 2 && a.has(Op::Change) && !a.has(Op::Cagr) && one_year {
        a.ops.retain(|o| *o != Op::Change);
        a.ops.push(Op::Compare);
    }
    let mut a = when_extreme(q, a);
    // "Rank the six European countries you have (Germany, Spain, Italy, ...)": a region the
    // data does not hold, beside the countries a ranking names, only describes them.
    // So does one named in a sentence before a comparison of countries ("Chile and Mexico are
    // bracketed together in our LatAm coverage. How did their 2024 additions compare?").
    let ranks = a.has(Op::Rank) || a.has(Op::Top) || a.has(Op::Bottom);
    let lent = |t: &String| {
        q.spans
            .iter()
            .any(|s| s.lent && s.has(|w| matches!(w, Word::Territory(x) if x == t)))
    };
    if (ranks || a.has(Op::Compare))
        && a.territories.iter().filter(|t| !is_aggregate(t)).count() >= 2
    {
        a.territories.retain(|t| {
            !is_aggregate(t) || vocab.territories.resolve(t).is_some() || !(ranks || lent(t))
        });
    }
    let Some((last_hist, last)) = vocab.market_years else {
        return Err(Decline::because("No market data is loaded."));
    };
    let forecast_asked =
        a.has(Op::Forecast) || a.scenarios.iter().any(|s| s.starts_with("Forecast"));
    if let Some((from, to)) = a.span {
        let hi = to.or(from).unwrap_or(last_hist);
        if hi > last {
            return Err(Decline::because(format!(
                "The loaded market data ends in {last}; it has no figures for {hi}."
            )));
        }
        if forecast_asked && hi <= last_hist {
            return Err(Decline::because(if last > last_hist {
                format!(
                    "The loaded market data has forecasts for {}–{last} only; {hi} is a historical year.",
                    last_hist + 1
                )
            } else {
                "The loaded market data has no forecasts.".to_string()
            }));
        }
    } else if forecast_asked && last <= last_hist {
        return Err(Decline::because("The loaded market data has no forecasts."));
    }
    if a.territories.is_empty() && !a.is_ranking() {
        return Err(Decline::because("Name a territory (a country, or World)."));
    }
    // "Global additions, 2012-2024: which year had the highest YoY growth?": the extreme of the
    // changes from year to year is not computed; the change over the span is another figure.
    if !a.is_ranking()
        && a.territories.len() == 1
        && (a.has(Op::Change) || a.has(Op::Cagr))
        && [Op::Max, Op::Min, Op::Top, Op::Bottom]
            .iter()
            .any(|o| a.has(*o))
    {
        return Err(Decline::because(
            "I can give the change between two years, or a series' highest and lowest years, but not which year grew or fell the most: ask for the series over those years.",
        ));
    }
    // "combined?" of one place in one year sums nothing: which places or years is not guessed.
    let one_year = matches!(a.span, Some((Some(f), Some(t))) if f == t);
    if combined
        && a.has(Op::Sum)
        && a.territories.len() == 1
        && one_year
        && !a.by_connection
        && !a.is_ranking()
        && !a.has(Op::Share)
    {
        return Err(Decline::because(
            "A total needs two or more places or years: name the places (\"Germany and France combined in 2024\") or the years.",
        ));
    }
    // A peak, a low, an average or a sum is over one series: the history, or one forecast
    // scenario, not both joined.
    let joins = a.scenarios.iter().any(|s| s.starts_with("Historical"))
        && a.scenarios.iter().any(|s| s.starts_with("Forecast"));
    if joins
        && [Op::Max, Op::Min, Op::Average, Op::Sum, Op::Top, Op::Bottom]
            .iter()
            .any(|o| a.has(*o))
    {
        return Err(Decline::because(
            "I compute a peak, a low, an average or a sum over the historical years or over one forecast scenario, not over both joined: ask for one of them.",
        ));
    }
    // "end-2023 base plus 2024 additions, what does that sum to?": a sum of two measures (an
    // installed base and a year's additions) is not one series' sum; it is not guessed.
    let kind_said = |k: MarketKind| {
        q.spans.iter().any(|s| {
            s.has(|w| *w == Word::Kind(k.as_str()))
                || (k == MarketKind::Cumulative
                    && matches!(s.text.as_str(), "base" | "bases")
                    && s.has(|w| matches!(w, Word::KindHint(_))))
        })
    };
    if a.has(Op::Sum) && kind_said(MarketKind::Annual) && kind_said(MarketKind::Cumulative) {
        return Err(Decline::because(
            "I sum one measure at a time, the additions or the installed base: ask for each figure and add them, or for the installed base of the later year.",
        ));
    }
    // Words that change the question are used by the answer or decline it, never dropped.
    // The first year of a series ("when does Chile's series start"): of one territory.
    if a.has(Op::First) && (a.territories.len() != 1 || a.is_ranking()) {
        return Err(Decline::because(
            "I can find the first year of one territory's series, or the first year a figure reached a level: name one territory.",
        ));
    }
    if a.has(Op::Distribution) && !a.by_connection {
        return Err(Decline::because(
            "I can split a market figure by connection type (centralised, distributed, off-grid), but not give another distribution.",
        ));
    }
    // A region the table knows but the data does not hold as a territory ("LatAm" on a file
    // without it): its countries can be ranked, but it has no figure of its own.
    if !a.is_ranking()
        && let Some(r) = a
            .territories
            .iter()
            .find(|t| vocab.territories.resolve(t).is_none())
    {
        return Err(Decline::because(format!(
            "The market data holds no figures for {r} as a whole: I can rank the countries of {r}, or give a country's figures."
        )));
    }
    if a.is_ranking() {
        let regions: Vec<&String> = a
            .territories
            .iter()
            .filter(|t| norm(t) != "world")
            .collect();
        if let Some(region) = regions
            .iter()
            .find(|r| !crate::tools::places::is_known_region(r))
        {
            return Err(Decline::because(format!(
                "I cannot rank the countries within {region}: the market data does not say which countries {region} holds. I can rank all countries in the data, or give {region}'s own figures."
            )));
        }
        if regions.len() > 1 {
            return Err(Decline::because(format!(
                "I can rank the countries of one region at a time, not of {} together.",
                regions
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(" and ")
            )));
        }
    }
    if let Some(level) = a.level {
        // Named as the question wrote it ("750 GWdc"), not converted.
        let level = q
            .spans
            .iter()
            .find(|s| s.has(|w| matches!(w, Word::Level(_))))
            .map(|s| s.text.clone())
            .unwrap_or_else(|| {
                format!(
                    "{} MW",
                    fmt_thousands(level, if level.fract() == 0.0 { 0 } else { 1 })
                )
            });
        if a.more_levels {
            return Err(Decline::because(
                "I can find the first year a figure reached one level, not between two levels.",
            ));
        }
        if !a.level_directed {
            return Err(Decline::because(format!(
                "I can use a level such as \"{level}\" only to find the first year a figure reached it (\"when did ... first exceed {level}?\"), so I will not guess what it means here."
            )));
        }
        if let Some(o) = a
            .ops
            .iter()
            .find(|o| !matches!(o, Op::Forecast | Op::Trend | Op::Chart))
        {
            return Err(Decline::because(format!(
                "I can find the first year a figure reached a level such as \"{level}\", but not combine a level with {}.",
                super::super::op_labels([*o]).join("")
            )));
        }
        if a.count.is_some() {
            return Err(Decline::because(format!(
                "I cannot list the countries above a level such as \"{level}\"; I can find the first year a territory reached it."
            )));
        }
    }
    if !a.excluded.is_empty() && (!a.is_ranking() || a.beyond.is_some() || a.level.is_some()) {
        return Err(Decline::because(format!(
            "I can leave {} out of a ranking of countries, not out of other figures.",
            a.excluded.join(" and ")
        )));
    }
    Ok(a)
}

/// The pseudo-scenario of "including the forecasts" (`words`): the history and the most
/// probable forecast read as one series.
pub const JOINED: &str = "History and forecast";

/// The first year a question can name (the reader's years start there): "the whole history".
pub(super) const FIRST_YEAR: i32 = 1990;

/// The years to query: the span asked, else the defaults of the question's kind.
pub(super) fn years(a: &MarketAsk, last_hist: i32, last: i32) -> (i32, i32) {
    // "Is 2024 a record year for Italy?": the record of one year is that year; the record is
    // over the whole history.
    let extreme = a.territories.len() == 1
        && !a.is_ranking()
        && [Op::Max, Op::Min, Op::Top, Op::Bottom]
            .iter()
            .any(|o| a.has(*o));
    match a.span {
        None if a.joined && (extreme || a.has(Op::Sum) || a.has(Op::Average)) => (FIRST_YEAR, last),
        None if a.joined => (last_hist - 9, last),
        Some((Some(f), None)) if a.joined => (f, last),
        Some((Some(f), Some(t))) if f == t && extreme && t <= last_hist => (FIRST_YEAR, last_hist),
        Some((Some(f), Some(t))) => (f, t),
        Some((Some(f), None)) => (
            f,
            if a.has(Op::Forecast) {
                last
            } else {
                last_hist.max(f)
            },
        ),
        // "top 3 countries by 2030 additions": a ranking's "by" names its year.
        Some((None, Some(t))) if a.is_ranking() => (t, t),
        // "Rank Germany, Spain and Italy by 2024 additions": so is a ranking of named countries.
        Some((None, Some(t))) if a.has(Op::Rank) && a.territories.len() > 1 => (t, t),
        // "the record year, history up to 2024": over the whole history up to that year.
        Some((None, Some(t))) if extreme => (FIRST_YEAR, t),
        Some((None, Some(t))) => ((t - 9).min(last_hist - 9), t),
        // The first year a level was reached: over the whole history (and the forecast when
        // one is asked for).
        _ if a.level.is_some() => (
            FIRST_YEAR,
            if a.has(Op::Forecast) || !a.scenarios.is_empty() {
                last
            } else {
                last_hist
            },
        ),
        _ if a.has(Op::First) => (
            FIRST_YEAR,
            if a.has(Op::Forecast) { last } else { last_hist },
        ),
        // "In the low scenario, which year do Italian additions peak?": a forecast scenario's
        // years.
        _ if a.has(Op::Forecast) || a.scenarios.iter().any(|s| s.starts_with("Forecast")) => {
            (last_hist + 1, last)
        }
        // A record, a peak or a low is over the whole history unless the question limits it
        // (the answer names the years it read).
        _ if a.has(Op::Min)
            || a.has(Op::Max)
            || ((a.has(Op::Top) || a.has(Op::Bottom))
                && !a.territories.iter().all(|t| is_aggregate(t))) =>
        {
            (FIRST_YEAR, last_hist)
        }
        _ if a.has(Op::Trend) || a.has(Op::Chart) || a.has(Op::Average) => {
            (last_hist - 9, last_hist)
        }
        _ => (last_hist, last_hist),
    }
}

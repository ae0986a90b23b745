//! Words read against their sentence: what a context sentence lends to the question and which words it leaves unused.

use super::*;

/// The classes of what a question names: a question sentence that names one class itself takes
/// none of it from its context.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Place,
    Item,
    Tech,
    Company,
    Metric,
    Connection,
    Scenario,
    Kind,
    Period,
    Topic,
}

/// Whether `s` was lent by a sentence of context and names nothing of a kind the dataset whose
/// words `fits` picks out has any use for ("European" around a question about a company's
/// revenue): then it is context. A place lent to prices that is not a price region is not
/// such a word: prices have places.
pub fn lent_unused(s: &Span, fits: impl Fn(&Word) -> bool) -> bool {
    let probes = |c: Class| -> Vec<Word> {
        let t = String::new;
        match c {
            Class::Place => vec![Word::Territory(t()), Word::Region(t())],
            Class::Item => vec![Word::Item(t())],
            Class::Tech => vec![Word::Tech(t()), Word::Description(t())],
            Class::Company => vec![Word::Company(t())],
            Class::Metric => vec![Word::Metric(t())],
            Class::Connection => vec![Word::Connection(Connection::Total.as_str())],
            Class::Scenario => vec![Word::Scenario(Scenario::ForecastHigh.as_str())],
            Class::Kind => vec![Word::Kind(MarketKind::Annual.as_str())],
            Class::Period => vec![Word::Year(2024), Word::Month(1), Word::Quarter(1)],
            Class::Topic => vec![],
        }
    };
    let class_of = |m: &Word| match m {
        Word::NotHeld(c) if *c == words::CONTEXT_CONNECTION => Some(Class::Connection),
        m => class(m),
    };
    s.lent
        && s.meanings.iter().all(|m| match class_of(m) {
            Some(c) => !probes(c).iter().any(&fits),
            None => !fits(m),
        })
}

pub(super) fn class(w: &Word) -> Option<Class> {
    Some(match w {
        Word::Territory(_) | Word::Region(_) | Word::Country => Class::Place,
        Word::Item(_) => Class::Item,
        Word::Description(_) | Word::Tech(_) => Class::Tech,
        Word::Company(_) => Class::Company,
        Word::Metric(_) => Class::Metric,
        Word::Connection(_) | Word::AllConnections => Class::Connection,
        Word::Scenario(_) | Word::AllScenarios => Class::Scenario,
        Word::Kind(_) | Word::KindHint(_) => Class::Kind,
        Word::Year(_)
        | Word::Month(_)
        | Word::Quarter(_)
        | Word::Half(_)
        | Word::FullYear
        | Word::Since
        | Word::Until => Class::Period,
        Word::Topic(t) if *t != Topic::Any => Class::Topic,
        _ => return None,
    })
}

/// The question sentence `q` of `read` with its context: a place, item, technology, company,
/// metric, connection, scenario, measure, period or topic the question does not name is taken
/// from the context (a connection never is: "a utility-scale client" may not restrict the
/// question); everything else there (an operation, a level, a count, the story around
/// the question) is read past, but for the operation and count of a topic (a sentence ending
/// with a colon or a dash) when the question asks none. None when the context could change what is asked and cannot be
/// read past: a negation or exclusion ("not counting China."), another technology ("We also
/// look at storage."), a segment or part of a place the data does not break down when the
/// question names no connection or place of its own, or a measure the data does not hold when
/// the question names no measure of its own. Then the question is read whole.
pub(super) fn with_context(
    read: Vec<(Question, bool)>,
    q: usize,
    last_hist: Option<i32>,
) -> Option<Question> {
    // ("total" asks for a sum where an answerer reads it: "total Dutch additions 2025-2030".)
    // (A bare "%" asks for no operation of its own: "italy 2024 vs 2023 yoy — MW and %" is the
    // topic's change, in %.)
    let asks_op = read[q].0.spans.iter().any(|s| {
        s.has(|w| matches!(w, Word::Op(_)))
            && !matches!(s.text.as_str(), "percent" | "percentage" | "pct")
    });
    let says_total = read[q].0.spans.iter().any(|s| s.text == "total");
    let asks = asks_op || says_total;
    // ("to" and "since" name no period on their own: "expected to add".)
    let mut own: Vec<Class> = read[q]
        .0
        .spans
        .iter()
        .filter(|s| !weak(s))
        .flat_map(|s| s.meanings.iter())
        .filter(|w| !matches!(w, Word::Since | Word::Until))
        .filter_map(class)
        .collect();
    // "Pakistan exploded in 2024. By what % did it grow vs 2023?": a change or comparison
    // from one year takes the context's years too.
    let relates = read[q]
        .0
        .has(|w| matches!(w, Word::Op(Op::Change | Op::Cagr | Op::Compare)));
    if relates && read[q].0.years().len() == 1 {
        own.retain(|c| *c != Class::Period);
    }
    // "and bear — how far below bull, in GW?": a scenario of a topic and another of a question
    // that compares are its two sides.
    let scenario_of = |w: &Word| match w {
        Word::Scenario(sc) => Some(sc.to_string()),
        _ => None,
    };
    let asked_scenarios = read[q].0.all(scenario_of);
    let against = read[q].0.spans.iter().any(|s| {
        s.text.split(' ').any(|w| {
            matches!(
                w,
                "below" | "above" | "than" | "minus" | "vs" | "versus" | "difference" | "gap"
            )
        })
    });
    if against
        && asked_scenarios.len() == 1
        && read.iter().enumerate().any(|(i, (sentence, topic))| {
            i != q
                && *topic
                && sentence
                    .all(scenario_of)
                    .iter()
                    .any(|sc| !asked_scenarios.contains(sc))
        })
    {
        own.retain(|c| *c != Class::Scenario);
    }
    // A forecast scenario of the context is not the question's when the question asks for a
    // historical year ("refreshing the Iberian baseline. What did Spain add in 2024?").
    if read[q]
        .0
        .years()
        .iter()
        .any(|y| last_hist.is_some_and(|h| *y <= h))
    {
        own.push(Class::Scenario);
    }
    // "Germany vs Spain in 2024: how many times larger was Germany's market?": a topic's places
    // (or companies) hold the question's, and all of them are asked about.
    let places = |w: &Word| match w {
        Word::Territory(t) | Word::Region(t) => Some(t.clone()),
        _ => None,
    };
    let companies = |w: &Word| match w {
        Word::Company(c) => Some(c.clone()),
        _ => None,
    };
    // (Then only the topic lends them: "We have a delegation from Latin America next week.
    // Brazil compared to Mexico in 2024: how many times bigger is Brazil?")
    let mut from_topic: Vec<Class> = Vec::new();
    for (class_of, named) in [
        (Class::Place, &places as &dyn Fn(&Word) -> Option<String>),
        (Class::Company, &companies),
    ] {
        let asked = read[q].0.all(named);
        // (Not the world: "Board wants global context before we zoom into Europe — which 3
        // countries installed the most worldwide?" asks about the world alone.)
        let world_only = asked.len() == 1 && asked[0] == "World";
        let topic_holds = !world_only
            && read.iter().enumerate().any(|(i, (sentence, topic))| {
                i != q && *topic && {
                    let theirs = sentence.all(named);
                    theirs.len() > asked.len() && asked.iter().all(|p| theirs.contains(p))
                }
            });
        if topic_holds {
            own.retain(|c| *c != class_of);
            from_topic.push(class_of);
        }
    }
    let names = |c: Class| own.contains(&c);
    let names_part = read[q].0.has(|w| {
        matches!(
            w,
            Word::Month(_) | Word::Quarter(_) | Word::Half(_) | Word::FullYear
        )
    });
    let measure = names(Class::Kind) || names(Class::Item) || names(Class::Metric);
    // A measure the data does not hold in a story around the question ("We're talking to a Korean
    // inverter supplier.", "Inventory collateral is marked to poly prices.") is the story's when
    // the question says what it measures: a measure of its own, of its topic, or solar.
    // (A topic the question names with a noun, "Spain's 2024 installations", not with a verb:
    // "Our client tracks module imports. How much did Spain add in 2024?" may ask what was added
    // to the imports.)
    let named_topic = read[q].0.spans.iter().any(|s| {
        s.has(|w| matches!(w, Word::Topic(t) if *t != Topic::Any))
            && !matches!(
                s.text.as_str(),
                "add"
                    | "added"
                    | "adding"
                    | "adds"
                    | "install"
                    | "installed"
                    | "installing"
                    | "build"
                    | "built"
                    | "deploy"
                    | "deployed"
                    | "connect"
                    | "connected"
                    | "put"
            )
    });
    let measured = measure
        || named_topic
        || says_solar(&read[q].0)
        || read.iter().enumerate().any(|(i, (sentence, topic))| {
            i != q
                && *topic
                && sentence.has(|w| {
                    matches!(
                        class(w),
                        Some(Class::Kind | Class::Item | Class::Metric | Class::Topic)
                    )
                })
        });
    let points_back = read[q].0.spans.iter().any(|s| {
        matches!(
            s.text.as_str(),
            "it" | "its" | "they" | "their" | "them" | "this" | "that" | "these" | "those"
        )
    });
    let subject =
        names(Class::Place) || names(Class::Company) || names(Class::Item) || names(Class::Tech);
    // "The target is 10 GW. When did India first exceed it?": the level is the question's.
    let reaches = read[q].0.spans.iter().any(|s| {
        s.has(|w| matches!(w, Word::Op(Op::First) | Word::When))
            || words::OPS
                .iter()
                .any(|(k, o)| *k == s.text && matches!(o, Op::Above | Op::Below))
    });
    let own_level = read[q].0.has(|w| matches!(w, Word::Level(_)));
    // "A minister said it crossed 50 GW in 2019. In which year did it first exceed 50 GW?": a
    // year in a story around a question that asks which year is the claim, not a filter.
    // ("that month" points back to the story's month.)
    let asks_when = read[q].0.spans.iter().enumerate().any(|(i, s)| {
        s.has(|w| matches!(w, Word::When | Word::Op(Op::First)))
            && !(i > 0
                && matches!(
                    read[q].0.spans[i - 1].text.as_str(),
                    "that" | "this" | "same" | "the same"
                ))
    });
    // "The Dutch market shrank in 2024. By how much?": a question that names nothing of its
    // own takes the operation of its context too.
    let elliptic = !own.iter().any(|c| {
        matches!(
            c,
            Class::Place
                | Class::Company
                | Class::Item
                | Class::Tech
                | Class::Period
                | Class::Kind
                | Class::Metric
        )
    });
    for (i, (sentence, topic)) in read.iter().enumerate() {
        if i == q {
            continue;
        }
        // A topic before a colon or a dash is part of the question: a word there that would
        // change it ("low print for TOPCon cells - when did it first hit it?") is not read past.
        if *topic
            && sentence
                .spans
                .iter()
                .any(|s| s.is_unknown() && words::changes_the_question(&s.text))
        {
            return None;
        }
        // "Polish average annual PV installation over 2020-2024 - the latest five years.": an
        // operation of a topic the question does not ask is not dropped.
        if *topic
            && asks_op
            && sentence.spans.iter().any(|s| {
                !matches!(s.text.as_str(), "percent" | "percentage" | "pct")
                    && s.meanings.iter().any(|w| match w {
                        Word::Op(o) => {
                            matches!(
                                o,
                                Op::Average | Op::Sum | Op::Cagr | Op::Change | Op::Min | Op::Max
                            ) && !read[q].0.has(|x| x == w)
                        }
                        _ => false,
                    })
            })
        {
            return None;
        }
        if reaches && !own_level && sentence.has(|w| matches!(w, Word::Level(_))) {
            return None;
        }
        // "We only look at residential.": a story that narrows the asker's view to a segment.
        let restricts = sentence.spans.iter().any(|s| {
            matches!(
                s.text.as_str(),
                "only" | "just" | "solely" | "exclusively" | "purely" | "focus" | "focused"
            )
        });
        // "The UK market feels saturated, but maybe not.": a negation with nothing of the data
        // near it negates the story, not the question; "not counting China", "China is not
        // included" do.
        let near_data = |j: usize| {
            let from = j.saturating_sub(3);
            let to = (j + 4).min(sentence.spans.len());
            sentence.spans[from..to].iter().enumerate().any(|(k, n)| {
                from + k != j
                    && (n.meanings.iter().any(|w| class(w).is_some())
                        || matches!(
                            n.text.as_str(),
                            "counting"
                                | "counted"
                                | "count"
                                | "included"
                                | "including"
                                | "include"
                                | "considered"
                                | "part"
                                | "share"
                        ))
            })
        };
        for (j, s) in sentence.spans.iter().enumerate() {
            let segment = words::SEGMENTS.contains(&s.text.as_str())
                || s.has(|w| class(w) == Some(Class::Connection));
            let blocks = (words::CONTEXT_NEGATES.contains(&s.text.as_str())
                && (*topic || i > q || near_data(j)))
                // (Not in a story around a question about solar: "France has a lot of nuclear so
                // I'm curious. By how many percent did France's yearly solar installs change?")
                // (Nor one the question points back to: "Greece is famous for rooftop solar
                // water heaters - how many of those are installed there?")
                || (s.has(|w| matches!(w, Word::NotHeld(c) if *c == words::OTHER_TECHNOLOGY))
                    && (*topic
                        || points_back
                        || !(says_solar(&read[q].0) || says_solar(sentence))))
                // (A segment in a story before the question describes the asker: "We celebrate
                // the success of the prosumer programme. When did Poland first install more than
                // 1 GW?" is read past, and the answer says "total connection".)
                || (segment
                    && !names(Class::Connection)
                    && (restricts
                        || ((i > q || *topic)
                            && !s.has(|w| class(w) == Some(Class::Connection)))))
                || (words::PARTS_OF_PLACES.contains(&s.text.as_str())
                    && !names(Class::Place)
                    && !from_topic.contains(&Class::Place))
                || (s.has(|w| matches!(w, Word::NotHeld(_)))
                    && !(if *topic { measure } else { measured }))
                // ("Excluding Germany. Which country added the most?": a place left out.)
                || s.has(|w| matches!(w, Word::Except(_)))
                // A name the data does not hold ("Meyer Burger is ... What was its revenue?") is
                // the subject of a question that names none.
                // So is one in a topic before a colon or a dash ("LONGi's revenue for FY2024 —
                // confirm the number?").
                || (s.is_unknown() && !english(&s.text) && !subject && (points_back || *topic));
            if blocks {
                return None;
            }
        }
    }
    let unread = read.iter().map(|r| r.0.unread).sum();
    let asked = read[q].0.spans.len();
    // "In the US, TOPCon vs PERC M10 modules on the latest print — what premium does TOPCon
    // carry, in %?": a comparison that names one side, after a story that names it beside
    // others of its kind, is between them; the others are lent.
    let compares = read[q].0.has(|w| matches!(w, Word::Op(Op::Compare)));
    let asked_words: Vec<Word> = read[q]
        .0
        .spans
        .iter()
        .flat_map(|s| s.meanings.iter().cloned())
        .collect();
    let other_sides = |sentence: &Question| -> Vec<Class> {
        [Class::Place, Class::Item, Class::Tech, Class::Company]
            .into_iter()
            .filter(|c| {
                // (Only when the question names one side: "US vs Germany" names both, and
                // "is PERC still cheaper than TOPCon?" before "p-type PERC M10 vs n-type
                // TOPCon" would join the words lent to the wrong side.)
                let mut named: Vec<&Word> = asked_words
                    .iter()
                    .filter(|w| class(w) == Some(*c))
                    .collect();
                named.dedup();
                let named = named.len();
                compares
                    && named == 1
                    && sentence.has(|w| class(w) == Some(*c) && asked_words.contains(w))
                    && sentence.has(|w| class(w) == Some(*c) && !asked_words.contains(w))
            })
            .collect()
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut question_at = 0;
    for (i, (sentence, topic)) in read.into_iter().enumerate() {
        // (Or a fragment after it: "... distributed? in %". Or a sentence after a question that
        // names neither an operation nor a period, which says what it meant: "How utility-heavy
        // is the US market? Centralised as a share of US adds in 2024.")
        let says_what_it_meant = i > q
            && !asks
            && !names(Class::Period)
            && sentence.has(|w| matches!(w, Word::Op(_) | Word::Year(_)));
        let instruction = i > q
            && (says_what_it_meant
                || sentence
                    .spans
                    .iter()
                    .filter(|s| !s.meanings.is_empty())
                    .count()
                    <= 3
                || sentence.spans.first().is_some_and(|s| {
                    matches!(
                        s.text.split(' ').next().unwrap_or(""),
                        "give"
                            | "show"
                            | "express"
                            | "state"
                            | "include"
                            | "list"
                            | "provide"
                            | "put"
                            | "break"
                            | "split"
                            | "plot"
                            | "chart"
                            | "draw"
                            | "rank"
                            | "quote"
                    )
                }));
        if i == q {
            question_at = spans.len();
            spans.extend(sentence.spans);
            continue;
        }
        // An instruction after the question is part of it ("Give me the % change from 2024 to
        // 2025."): read as it is, but a connection it names alone is still asked for below.
        if instruction && !sentence.has(|w| class(w) == Some(Class::Connection)) {
            spans.extend(sentence.spans);
            continue;
        }
        // A topic of data words only before a colon or a dash is the question's subject
        // ("utility scale additions 2024 - top five countries?"): its connection is asked for
        // (not in "For our French utility coverage:", where it may name a client).
        // ("For utility-scale, that is centralised, plants:" is one too: its other words only
        // say what the segment is.)
        let subject = topic
            && sentence.spans.iter().all(|s| {
                (!s.read_past && !s.is_unknown())
                    || matches!(
                        s.text.as_str(),
                        "for"
                            | "that"
                            | "is"
                            | "that is"
                            | "i e"
                            | "ie"
                            | "plants"
                            | "projects"
                            | "systems"
                            | "installations"
                            | "segment"
                            | "only"
                    )
            });
        let sides = other_sides(&sentence);
        for mut s in sentence.spans {
            if subject
                && s.has(|w| class(w) == Some(Class::Connection))
                && !names(Class::Connection)
            {
                s.lent = true;
                spans.push(s);
                continue;
            }
            // A story before the question that names a segment ("Covering a Dutch rooftop
            // installer. Netherlands installed base end-2023?") describes the asker: read past,
            // and the answer says it is for all connections ("total connection").
            if s.has(|w| class(w) == Some(Class::Connection))
                && !names(Class::Connection)
                && i < q
                && !topic
            {
                s.meanings = vec![Word::Filler];
                s.read_as = None;
                s.read_past = true;
                spans.push(s);
                continue;
            }
            // ("Germany's installed base at the end of 2023? Like the whole fleet, all
            // segments.": all segments together is the total, what the question reads anyway.)
            if !s.meanings.is_empty()
                && s.meanings
                    .iter()
                    .all(|w| *w == Word::Connection(Connection::Total.as_str()))
                && !names(Class::Connection)
            {
                s.lent = true;
                spans.push(s);
                continue;
            }
            if s.has(|w| class(w) == Some(Class::Connection)) && !names(Class::Connection) {
                // Asked for where connections matter (the market), context elsewhere.
                s.meanings = vec![Word::NotHeld(words::CONTEXT_CONNECTION)];
                s.lent = true;
                spans.push(s);
                continue;
            }
            // A topic before a colon or a dash ("Italy's record — which year?") also lends
            // its operation and count to a question that asks none itself; so does an
            // instruction after the question ("Give it as a % of the total.").
            // (A word that also names the topic lends its other meanings: "the largest
            // installed PV base - how big?" lends "base" as the installed base.)
            if s.meanings.len() > 1 {
                s.meanings.retain(|w| class(w) != Some(Class::Topic));
            }
            // (A year of a story around "in which year ...?" is a claim: not lent.)
            let claimed_year = |c: Class| c == Class::Period && asks_when && !topic && !instruction;
            let lends = !s.meanings.is_empty()
                && s.meanings.iter().all(|w| {
                    class(w).is_some_and(|c| {
                        !matches!(c, Class::Connection | Class::Topic)
                            && (!names(c) || (sides.contains(&c) && !asked_words.contains(w)))
                            && !claimed_year(c)
                            && (topic || !from_topic.contains(&c))
                    }) || (elliptic && !asks && matches!(w, Word::Op(_)))
                        || (((topic && !asks) || instruction)
                        && matches!(w, Word::Op(_) | Word::Count(_)))
                        // "Italy, Spain and France together: total PV added in 2024?"
                        || (topic && !asks_op && says_total && *w == Word::Op(Op::Sum))
                        // "Did SunForge make a profit in 2024? Net income for the full year
                        // please.": the part of the question's year.
                        || (*w == Word::FullYear && !names_part && i > q)
                });
            if lends {
                s.lent = true;
            } else {
                s.meanings = vec![Word::Filler];
                s.read_as = None;
                s.read_past = true;
            }
            spans.push(s);
        }
    }
    // "Peak price of very high purity 11N polysilicon - how high did it go?": the context's
    // technology is the one asked; the question's "high" was only a word of it.
    let lent_tech = spans.iter().enumerate().any(|(i, s)| {
        !(question_at..question_at + asked).contains(&i) && s.has(|w| class(w) == Some(Class::Tech))
    });
    if lent_tech {
        for s in spans[question_at..question_at + asked]
            .iter_mut()
            .filter(|s| weak(s))
        {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
        }
    }
    Some(Question { spans, unread })
}

/// "high", "low" read only as a word of a price description ("High purity"): in a question
/// with context, they do not name a technology ("how high did it go?").
pub(super) fn weak(s: &Span) -> bool {
    matches!(s.text.as_str(), "high" | "low")
        && !s.meanings.is_empty()
        && s.meanings.iter().all(|w| matches!(w, Word::Tech(_)))
}

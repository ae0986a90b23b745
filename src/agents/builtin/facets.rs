//! The filters of a price or financial question, read from its understanding (items, regions,
//! technologies, companies, metrics, years, intent), what a follow-up takes from the question
//! before it, and which dataset the open-questions agent routes a question to.

use super::*;

/// Words that mean "let me talk to a person".
pub(super) const HUMAN_WORDS: [&str; 6] = [
    "expert",
    "human",
    "analyst",
    "consultant",
    "talk to someone",
    "contact",
];

/// What a question asks for. Every field is optional, so that a follow-up can take the missing
/// ones from the question before it.
#[derive(Clone, Debug, Default)]
pub(super) struct Ask {
    pub(super) territories: Vec<String>,
    pub(super) years: Option<(Option<i32>, Option<i32>)>,
    pub(super) items: Vec<String>,
    pub(super) regions: Vec<String>,
    pub(super) techs: Vec<String>,
    pub(super) companies: Vec<String>,
    pub(super) metrics: Vec<String>,
    pub(super) period_kind: Option<&'static str>,
    pub(super) chart: bool,
    pub(super) trend: bool,
    pub(super) compare: bool,
    pub(super) forecast: bool,
    pub(super) distribution: bool,
}

pub(super) fn has_any(text: &str, words: &[&str]) -> bool {
    let t = format!(" {} ", norm(text));
    words.iter().any(|w| {
        t.contains(&format!(" {w} "))
            || (w.ends_with('*') && t.contains(&format!(" {}", &w[..w.len() - 1])))
    })
}

/// Is this a follow-up that leans on the previous question?
pub(super) fn is_follow_up(text: &str) -> bool {
    follows(text).0
}

/// Whether `text` says it follows the question before ("and Spain?", "what about it?", "same
/// for 2023"), not only by being short.
pub(super) fn says_it_follows(text: &str) -> bool {
    follows(text).1
}

/// (a follow-up, a follow-up by its own words).
fn follows(text: &str) -> (bool, bool) {
    let mut n = norm(text);
    // "ok and what about 2030?", "thanks, now Spain": an interjection first changes nothing.
    while let Some(rest) = [
        "ok ",
        "okay ",
        "great ",
        "thanks ",
        "thank you ",
        "cool ",
        "so ",
        "hmm ",
        "right ",
        "please ",
    ]
    .iter()
    .find_map(|p| n.strip_prefix(p))
    {
        n = rest.to_string();
    }
    // "which yr was the peak and how much": asking for the figure too adds nothing to read.
    for tail in [
        " and how much",
        " and how many",
        " and how big",
        " and how low",
        " and how high",
    ] {
        if let Some(rest) = n.strip_suffix(tail) {
            n = rest.to_string();
        }
    }
    let words = n.split(' ').filter(|w| !w.is_empty()).count();
    // A word that points back ("how does that compare", "show that as a chart", "its net income").
    let points_back = n.split(' ').any(|w| {
        matches!(
            w,
            "that" | "it" | "its" | "this" | "those" | "these" | "them" | "there"
        )
    });
    let the_two = points_to_two_years(text);
    // "How much more expensive is the EU module than the Chinese one?": "the Chinese one" is the
    // figure asked before.
    let the_one = {
        let w: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
        w.windows(3)
            .any(|t| t[0] == "the" && t[2] == "one" && t[1] != "only")
    };
    let points_back = points_back || the_one;
    let says = points_back
        || the_two
        || [
            "and ",
            "what about",
            "how about",
            "same ",
            "also ",
            "e ",
            "as a chart",
            "now ",
        ]
        .iter()
        .any(|p| n.starts_with(p) || n == p.trim_end())
        // "could you do the same for Poland", "same question for the high case".
        // "so how much is the difference between the two, in GW?": the two figures asked before.
        || [" the same ", " same question", " same for ", " the two "]
            .iter()
            .any(|p| format!(" {n} ").contains(p));
    (words <= 6 || says, says)
}

/// "the % change between the two years": a follow-up about the two years the questions before
/// it named. (Not "the gap between the two": which two things is not read.)
fn points_to_two_years(text: &str) -> bool {
    let n = norm(text);
    [
        "the two years",
        "both years",
        "those two years",
        "these two years",
    ]
    .iter()
    .any(|p| n.contains(p))
}

/// Fill what the follow-up leaves open from the question before it.
pub(super) fn inherit(mut a: Ask, prev: &Ask) -> Ask {
    if a.territories.is_empty() {
        a.territories = prev.territories.clone();
    }
    if a.years.is_none() {
        a.years = prev.years;
    }
    if a.items.is_empty() {
        a.items = prev.items.clone();
    }
    if a.regions.is_empty() {
        a.regions = prev.regions.clone();
    }
    if a.techs.is_empty() {
        a.techs = prev.techs.clone();
    }
    if a.companies.is_empty() {
        a.companies = prev.companies.clone();
    }
    if a.metrics.is_empty() {
        a.metrics = prev.metrics.clone();
    }
    if a.period_kind.is_none() {
        a.period_kind = prev.period_kind;
    }
    a.trend |= prev.trend;
    a.compare |= prev.compare;
    a.forecast |= prev.forecast && a.years.is_none();
    a
}

/// The filters and intent of a question, from its understanding.
pub(super) fn ask_of(q: &understand::Question) -> Ask {
    use understand::{Op, Word};
    let names = |f: fn(&Word) -> Option<&String>| q.all(|w| f(w).cloned());
    Ask {
        territories: names(|w| match w {
            Word::Territory(t) => Some(t),
            _ => None,
        }),
        years: q.year_span(),
        items: names(|w| match w {
            Word::Item(t) => Some(t),
            _ => None,
        }),
        regions: names(|w| match w {
            Word::Region(t) => Some(t),
            _ => None,
        }),
        techs: q.technologies(),
        companies: names(|w| match w {
            Word::Company(t) => Some(t),
            _ => None,
        }),
        metrics: names(|w| match w {
            Word::Metric(t) => Some(t),
            _ => None,
        }),
        period_kind: q
            .all(|w| match w {
                Word::Quarter(_) => Some("Q"),
                Word::Half(_) => Some("H"),
                Word::FullYear => Some("FY"),
                _ => None,
            })
            .first()
            .copied(),
        chart: q.has(|w| *w == Word::Op(Op::Chart)),
        trend: q.has(|w| *w == Word::Op(Op::Trend)),
        compare: q.has(|w| *w == Word::Op(Op::Compare)),
        forecast: q.has(|w| *w == Word::Op(Op::Forecast)),
        distribution: q.has(|w| *w == Word::Op(Op::Distribution)),
    }
}

/// Whether the question speaks of installed capacity (not only of a place).
pub(super) fn speaks_of_market(q: &understand::Question) -> bool {
    use understand::{Topic, Word};
    q.has(|w| {
        matches!(
            w,
            Word::Topic(Topic::Market)
                | Word::Kind(_)
                | Word::KindHint(_)
                | Word::Connection(_)
                | Word::AllConnections
                | Word::Scenario(_)
        ) || *w == Word::Op(understand::Op::Forecast)
    })
}

/// The dataset a question of the open-questions agent belongs to, if its words say so: a price
/// word (or an item with a month), a financial metric, or capacity words. A technology or a
/// company alone ("news about TOPCon", "what did Helios announce") stays with the documents.
pub(super) fn domain_of(q: &understand::Question) -> Option<Domain> {
    use understand::{Topic, Word};
    let priced = q.has(|w| *w == Word::Topic(Topic::Prices))
        || (q.has(|w| matches!(w, Word::Item(_) | Word::Description(_) | Word::Tech(_)))
            && q.has(|w| matches!(w, Word::Month(_))));
    if priced {
        Some(Domain::Prices)
    } else if q.has(|w| matches!(w, Word::Metric(_))) {
        Some(Domain::Financials)
    } else if speaks_of_market(q) {
        Some(Domain::Market)
    } else {
        None
    }
}

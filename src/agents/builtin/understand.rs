//! Understanding a question in a closed world. The question is split into words and
//! each span of words is read as what it names: a value in the loaded data (a territory, an item,
//! a company, ...), a word of the tables in [`super::words`] (a scenario, an operation, a filler
//! word, ...), a year, a month or a count. A word that is none of these is not understood, and a
//! word that names something no dataset here holds (another technology, a measure that is not a
//! column) is recorded as such: the answerers decline on either, saying what they could not
//! match, instead of answering a question they did not understand.

use std::collections::HashMap;

use super::words;
use crate::tools::names::{norm, norm_joined};
use crate::tools::vocab::Vocabulary;

/// Which dataset a word says the question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Market,
    Prices,
    Financials,
    /// "solar", "PV": any of them.
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// "the most", "largest": the first.
    Top,
    /// "top", "ranking": a ranking (five unless a count is given).
    Rank,
    Bottom,
    Share,
    Change,
    Cagr,
    Compare,
    Min,
    Max,
    Average,
    Sum,
    Latest,
    First,
    Trend,
    Forecast,
    Chart,
    Distribution,
    /// "above", "exceed", "topped": with a level, the first period a figure reached it.
    Above,
    /// "below", "under": with a level, the first period a figure fell to it.
    Below,
}

/// What a span of the question means.
#[derive(Clone, Debug, PartialEq)]
pub enum Word {
    Filler,
    Territory(String),
    Region(String),
    Item(String),
    /// A whole price description ("n-type TOPCon").
    Description(String),
    /// A distinctive word of price descriptions ("topcon", "hjt").
    Tech(String),
    Company(String),
    Metric(String),
    Scenario(&'static str),
    AllScenarios,
    Connection(&'static str),
    AllConnections,
    Kind(&'static str),
    /// "installed capacity", "capacity": the installed base, unless an annual word says
    /// otherwise ("capacity added").
    KindHint(&'static str),
    Topic(Topic),
    Op(Op),
    Year(i32),
    Month(u32),
    /// `q1`..`q4`.
    Quarter(u32),
    /// `h1`, `h2`.
    Half(u32),
    /// `fy`: the full year.
    FullYear,
    Count(u32),
    /// A quantity with its unit ("2 GW", "17,000 MW"), in MW: a level a figure reaches.
    Level(f64),
    Since,
    Until,
    /// "when", "which year": the question asks for a period.
    When,
    /// "monthly", "weekly": how often a price is observed.
    Frequency,
    /// "expert", "analyst": the user wants a person.
    Human,
    /// A concept no dataset here holds; the category says what it is.
    NotHeld(&'static str),
    /// A country that is not in the loaded market data.
    Country,
}

impl Word {
    /// A word that only shapes the question (for every dataset).
    pub fn is_neutral(&self) -> bool {
        matches!(
            self,
            Word::Filler | Word::Since | Word::Until | Word::When | Word::Topic(Topic::Any)
        )
    }
}

/// One span of the question: the words as written (normalised) and every meaning they may
/// have (a name can be a market territory and a price region at once).
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub meanings: Vec<Word>,
    /// Set when the words were read as a near spelling ("itlay" as "italy").
    pub read_as: Option<String>,
    /// An ordinary English word read past as context.
    pub read_past: bool,
    /// Taken from a sentence of context: a dataset that has no use for it reads it past.
    pub lent: bool,
}

impl Span {
    pub fn is_unknown(&self) -> bool {
        self.meanings.is_empty()
    }

    pub fn has(&self, f: impl Fn(&Word) -> bool) -> bool {
        self.meanings.iter().any(f)
    }
}

/// A question read word by word.
#[derive(Clone, Debug, Default)]
pub struct Question {
    pub spans: Vec<Span>,
    /// Words past [`MAX_WORDS`], not read: a question that long is declined.
    pub unread: usize,
}

/// The words of a question that are read. Analysts' questions, a sentence of context included,
/// are a few dozen words; reading is CPU work that grows with the text, and what the reader could
/// not match is listed back to the user.
pub const MAX_WORDS: usize = 120;

/// The phrases a question can be read with: the data's names and the tables of [`words`].
pub struct Lexicon {
    /// Normalised phrase → meanings.
    phrases: HashMap<String, Vec<Word>>,
    /// Longest phrase, in words.
    longest: usize,
    /// The last historical year of the market data.
    last_hist: Option<i32>,
    /// Single words that typos are compared with (not the filler words: a typo of "the" is not
    /// worth reading).
    fuzzy: Vec<String>,
}

fn add(map: &mut HashMap<String, Vec<Word>>, phrase: &str, w: Word) {
    let key = norm_joined(phrase);
    if key.is_empty() {
        return;
    }
    let e = map.entry(key).or_default();
    if !e.contains(&w) {
        e.push(w);
    }
}

/// Words of price descriptions that say nothing on their own ("type", "mono").
const GENERIC_TECH: &[&str] = &[
    "type",
    "mono",
    "si",
    "n",
    "p",
    "the",
    "in",
    "of",
    "price",
    "prices",
    "module",
    "cell",
    "and",
    "based",
    "grade",
    "standard",
    "per",
    "wp",
    "kg",
    "m2",
    "silicon",
    "multi",
    "poly",
    "crystalline",
];

impl Lexicon {
    pub fn new(v: &Vocabulary) -> Lexicon {
        let mut p: HashMap<String, Vec<Word>> = HashMap::new();
        for (k, val) in v.territories.keys() {
            add(&mut p, k, Word::Territory(val.to_string()));
        }
        // A region whose countries are known ("EU", "Latin America"), when the data does not
        // hold it as a territory: its countries can be ranked.
        for (key, display) in crate::tools::places::regions() {
            if v.territories.resolve(key).is_none() {
                add(&mut p, key, Word::Territory(display));
            }
        }
        // "Brazilian", "Dutch", "global": the country (or World) when the data holds it, else a
        // country the data does not hold.
        // "Chinese polysilicon", "European modules": the price region too.
        for (adjective, place) in words::DEMONYMS {
            let territory = v.territories.keys().find(|(k, _)| k == place);
            let region = v.prices.regions.keys().find(|(k, _)| k == place);
            if let Some((_, val)) = territory {
                add(&mut p, adjective, Word::Territory(val.to_string()));
            } else if let Some((_, display)) =
                crate::tools::places::regions().find(|(k, _)| k == place)
            {
                // "European" where the data holds Europe only as its countries.
                add(&mut p, adjective, Word::Territory(display));
            }
            if let Some((_, val)) = region {
                add(&mut p, adjective, Word::Region(val.to_string()));
            }
            if territory.is_none() && region.is_none() && words::COUNTRIES.contains(place) {
                add(&mut p, adjective, Word::Country);
            }
        }
        for (k, val) in v.prices.items.keys() {
            add(&mut p, k, Word::Item(val.to_string()));
        }
        for (k, val) in v.prices.regions.keys() {
            add(&mut p, k, Word::Region(val.to_string()));
        }
        for d in &v.prices.descriptions {
            add(&mut p, d, Word::Description(d.clone()));
            // "n-type" / "p-type": the cell polarity, a technology of its own.
            let n = norm_joined(d);
            for polarity in ["n type", "p type"] {
                if n.starts_with(polarity) || n.contains(&format!(" {polarity}")) {
                    add(&mut p, polarity, Word::Tech(polarity.to_string()));
                }
            }
            for w in norm_joined(d).split(' ') {
                if w.len() < 2 || w.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                if GENERIC_TECH.contains(&w) {
                    add(&mut p, w, Word::Filler);
                } else if p.get(w).is_some_and(|ms| {
                    ms.iter()
                        .any(|m| matches!(m, Word::Region(_) | Word::Item(_)))
                }) {
                    // "in China" in a description names the region, not a technology: "module
                    // and polysilicon prices in China" is not the descriptions holding "china".
                } else {
                    add(&mut p, w, Word::Tech(w.to_string()));
                }
            }
        }
        if v.prices
            .descriptions
            .iter()
            .any(|d| norm(d).split(' ').any(|w| w == "hjt"))
        {
            add(&mut p, "heterojunction", Word::Tech("hjt".into()));
        }
        for (k, val) in v.financials.companies.keys() {
            add(&mut p, k, Word::Company(val.to_string()));
        }
        for (k, val) in v.financials.metrics.keys() {
            add(&mut p, k, Word::Metric(val.to_string()));
        }
        for (words, metric) in METRIC_SYNONYMS {
            match v.financials.metrics.resolve(metric) {
                Some(m) => {
                    for w in *words {
                        add(&mut p, w, Word::Metric(m.clone()));
                    }
                }
                None => {
                    for w in *words {
                        add(&mut p, w, Word::NotHeld("a measure the data does not hold"));
                    }
                }
            }
        }
        // The tables. Names from the data come first, so "Distributed" stays a connection only
        // when the data has no territory of that name, and a country in the data is never
        // "a country the data does not hold".
        for (k, t) in words::TOPICS {
            add(&mut p, k, Word::Topic(*t));
        }
        for k in [
            "capacity",
            "base",
            "bases",
            "installed capacity",
            "solar capacity",
            "pv capacity",
            "total capacity",
        ] {
            add(&mut p, k, Word::Topic(Topic::Market));
            add(&mut p, k, Word::KindHint("Cumulative"));
        }
        for (k, w) in words::SCENARIOS
            .iter()
            .chain(words::CONNECTIONS)
            .chain(words::KINDS)
            .chain(words::SPAN_WORDS)
        {
            add(&mut p, k, w.clone());
        }
        for (k, op) in words::OPS {
            add(&mut p, k, Word::Op(*op));
        }
        for (k, m) in words::MONTHS {
            add(&mut p, k, Word::Month(*m));
        }
        for (k, n) in words::COUNTS {
            add(&mut p, k, Word::Count(*n));
        }
        for (i, k) in ["q1", "q2", "q3", "q4"].iter().enumerate() {
            add(&mut p, k, Word::Quarter(i as u32 + 1));
        }
        for (i, k) in [
            "first quarter",
            "second quarter",
            "third quarter",
            "fourth quarter",
        ]
        .iter()
        .enumerate()
        {
            add(&mut p, k, Word::Quarter(i as u32 + 1));
        }
        add(&mut p, "first half", Word::Half(1));
        add(&mut p, "second half", Word::Half(2));
        add(&mut p, "h1", Word::Half(1));
        add(&mut p, "h2", Word::Half(2));
        for k in ["fy", "full year", "fiscal year", "financial year"] {
            add(&mut p, k, Word::FullYear);
        }
        for k in [
            "quarter",
            "quarters",
            "quarterly",
            "half",
            "half year",
            "semester",
            "period",
        ] {
            add(&mut p, k, Word::Filler);
        }
        for k in HUMAN_WORDS {
            add(&mut p, k, Word::Human);
        }
        for (category, ws) in words::NOT_HELD {
            for k in *ws {
                if !p.contains_key(&norm_joined(k)) {
                    add(&mut p, k, Word::NotHeld(category));
                }
            }
        }
        for k in words::COUNTRIES {
            if !p.contains_key(&norm_joined(k)) {
                add(&mut p, k, Word::Country);
            }
        }
        for k in words::FREQUENCY {
            add(&mut p, k, Word::Frequency);
        }
        for k in words::FILLER {
            if !p.contains_key(&norm_joined(k)) {
                add(&mut p, k, Word::Filler);
            }
        }
        // A word of the tables keeps its table meaning only: a description that happens to hold
        // "average" or "high" does not make every average a technology filter.
        for ws in p.values_mut() {
            let tabled = ws.iter().any(|w| {
                matches!(
                    w,
                    Word::Op(_)
                        | Word::Filler
                        | Word::Kind(_)
                        | Word::KindHint(_)
                        | Word::Scenario(_)
                        | Word::Connection(_)
                        | Word::Since
                        | Word::Until
                        | Word::Month(_)
                        | Word::Topic(_)
                )
            });
            if tabled && ws.len() > 1 {
                ws.retain(|w| !matches!(w, Word::Tech(_)));
            }
        }
        let longest = p.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let mut fuzzy: Vec<String> = p
            .iter()
            .filter(|(k, ws)| {
                k.len() >= 4
                    && !k.contains(' ')
                    && ws
                        .iter()
                        .any(|w| !matches!(w, Word::Filler | Word::Country))
            })
            .map(|(k, _)| k.clone())
            .collect();
        fuzzy.sort();
        Lexicon {
            phrases: p,
            longest,
            last_hist: v.market_years.map(|(h, _)| h),
            fuzzy,
        }
    }

    /// The meanings of an exact (normalised) phrase.
    fn get(&self, phrase: &str) -> Option<&Vec<Word>> {
        self.phrases.get(phrase)
    }

    /// The one known word `w` is a near spelling of, if exactly one is near enough.
    fn near(&self, w: &str) -> Option<&str> {
        let n = w.chars().count();
        if n < 4 || w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let max = if n >= 8 { 2 } else { 1 };
        // A short word is read as a near spelling of a name only ("itly"), never of an
        // operation: "Rome" is not "rose".
        let names_only = n < 5;
        let mut best: Option<(&str, usize)> = None;
        let mut tie = false;
        for k in &self.fuzzy {
            let d = distance(w, k);
            if d > max
                || (names_only
                    && !self.phrases.get(k.as_str()).is_some_and(|ws| {
                        ws.iter().all(|w| {
                            matches!(
                                w,
                                Word::Territory(_)
                                    | Word::Region(_)
                                    | Word::Item(_)
                                    | Word::Company(_)
                                    | Word::Metric(_)
                                    | Word::Tech(_)
                                    | Word::Description(_)
                            )
                        })
                    }))
            {
                continue;
            }
            match best {
                Some((_, bd)) if d > bd => {}
                Some((b, bd)) if d == bd => {
                    if self.phrases.get(b) != self.phrases.get(k.as_str()) {
                        tie = true;
                    }
                }
                _ => {
                    best = Some((k, d));
                    tie = false;
                }
            }
        }
        if tie { None } else { best.map(|(k, _)| k) }
    }
}

/// Words that mean "let me talk to a person".
const HUMAN_WORDS: &[&str] = &[
    "expert",
    "experts",
    "human",
    "analyst",
    "analysts",
    "consultant",
    "talk to someone",
    "speak to someone",
    "contact",
    "a person",
    "someone",
];

/// Financial metric words, and the metric name they mean when the data has it.
const METRIC_SYNONYMS: &[(&[&str], &str)] = &[
    (
        &["revenue", "revenues", "sales", "turnover", "top line"],
        "Revenue",
    ),
    (
        &["margin", "margins", "gross margin", "gross margins"],
        "Gross margin",
    ),
    (
        &[
            "net income",
            "profit",
            "profits",
            "net profit",
            "earnings",
            "bottom line",
            "loss",
            "losses",
            "net loss",
            "net losses",
        ],
        "Net income",
    ),
    (
        &["shipments", "shipped", "shipment", "ship"],
        "Module shipments",
    ),
    (
        &[
            "production capacity",
            "manufacturing capacity",
            "nameplate capacity",
        ],
        "Production capacity",
    ),
    (&["ebitda"], "EBITDA"),
    (
        &["operating income", "operating profit", "ebit"],
        "Operating income",
    ),
    (&["r d", "research and development"], "R&D"),
    (&["debt", "net debt"], "Net debt"),
    (&["cash", "cash flow", "free cash flow"], "Cash flow"),
];

/// The optimal-string-alignment distance (Damerau-Levenshtein where an adjacent transposition
/// counts once), on characters: `strsim`'s.
pub fn distance(a: &str, b: &str) -> usize {
    // (Words whose lengths differ by more than two are never near: not computed.)
    if a.chars().count().abs_diff(b.chars().count()) > 2 {
        return 3;
    }
    strsim::osa_distance(a, b)
}

/// Read a question.
pub fn understand(text: &str, lex: &Lexicon) -> Question {
    let glossed = without_glosses(text);
    let spoken = spelled_years(&glossed);
    let contrasted = without_contrasts(&spoken);
    let text = &without_set_aside(&contrasted, lex);
    let parts = sentences(text);
    // One question with sentences of context around it ("Prepping the IC memo on our Iberian
    // platform. How many MW did Spain add in 2024?"): the question is read on its own, and the
    // context lends it only what it does not say itself.
    // "Is that right?", "Is it correct that Spain's market contracted?" beside another sentence
    // ask to check a claim: the other sentence holds what to look up.
    // ("And end of 2024? what's the % increase over those four years": a last sentence that a
    // question word starts asks, with or without its "?".)
    let asked: Vec<usize> = (0..parts.len())
        .filter(|&i| {
            (parts[i].1
                || (i + 1 == parts.len() && i > 0 && starts_with_a_question_word(parts[i].0)))
                && !(parts.len() > 1 && checks_a_claim(parts[i].0))
        })
        .collect();
    // ("pakistan went nuts on solar, someone said like 15 GW?? how much did it actually install
    // in 2024?": of several sentences that end with "?", the one question a question word
    // starts is asked; the others tell the story around it.)
    let worded: Vec<usize> = asked
        .iter()
        .copied()
        .filter(|&i| starts_with_a_question_word(parts[i].0))
        .collect();
    let question = match (asked.as_slice(), worded.as_slice()) {
        ([q], _) => Some(*q),
        ([], _) if parts.len() > 1 => Some(parts.len() - 1),
        (_, [q]) => Some(*q),
        _ => None,
    };
    // (A text past the words read is read whole, so it is declined as too long and the work
    // stays bounded: its sentences are not read one by one.)
    if let Some(q) = question
        && parts.len() > 1
        && text.split_whitespace().count() <= MAX_WORDS
    {
        // "Scenario spread for Germany 2030 - high minus low?": a scenario named in one sentence
        // makes "high" and "low" scenarios in all of them.
        let scenarios = norm_joined(text).split(' ').any(|w| {
            matches!(
                w,
                "scenario" | "scenarios" | "case" | "cases" | "spread" | "range"
            )
        });
        // (A request right before the question is part of it, as a topic is.)
        let read: Vec<(Question, bool)> = parts
            .iter()
            .enumerate()
            .map(|(i, (t, _))| {
                (
                    read_words(t, lex, scenarios),
                    (t.trim_end().ends_with([':', '-', '–', '—']) && !states(t))
                        || (i + 1 == q && requests(t)),
                )
            })
            .collect();
        if let Some(merged) = with_context(read, q, lex.last_hist) {
            return merged;
        }
    }
    read_words(text, lex, false)
}

/// "Silver paste is a big cell cost driver - what was silver in June 2024?": a sentence with a
/// verb of being before a colon or a dash states something; it is context, not the question's
/// topic.
fn says_solar(q: &Question) -> bool {
    q.spans.iter().any(|s| {
        s.text
            .split(' ')
            .any(|w| matches!(w, "solar" | "pv" | "photovoltaic" | "photovoltaics"))
    })
}

fn states(sentence: &str) -> bool {
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
    !asks && words.any(|w| matches!(w, "is" | "are" | "was" | "were" | "been"))
}

/// "distributed systems (homes, businesses)": a parenthesis after a segment that only says what
/// the segment holds is dropped (the data's segment is the answer; its parts are not read as
/// measures such as a number of homes).
fn without_glosses(text: &str) -> std::borrow::Cow<'_, str> {
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

/// "twenty twenty-four", "two thousand and ten", "nineteen ninety-nine": a year said as it is
/// spoken is written as digits (a spoken year is not read as two small counts).
fn spelled_years(text: &str) -> std::borrow::Cow<'_, str> {
    const ONES: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const TEENS: &[&str] = &[
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty"];
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
    let ones = |w: &str| ONES.iter().position(|o| *o == w).map(|i| i as i32 + 1);
    // 10..99 said in words, and how many words it took.
    let two_digits = |i: usize| -> Option<(i32, usize)> {
        let (w, tail, ..) = tokens.get(i)?;
        if let Some(t) = TEENS.iter().position(|o| o == w) {
            return Some((t as i32 + 10, 1));
        }
        let tens = TENS.iter().position(|o| o == w)? as i32 * 10 + 20;
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
                Some((2000 + v, n + 1))
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
fn without_set_aside<'a>(text: &'a str, lex: &Lexicon) -> std::borrow::Cow<'a, str> {
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
fn without_contrasts(text: &str) -> std::borrow::Cow<'_, str> {
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
fn starts_with_a_question_word(sentence: &str) -> bool {
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
fn requests(sentence: &str) -> bool {
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
fn checks_a_claim(sentence: &str) -> bool {
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

/// The classes of what a question names: a question sentence that names one class itself takes
/// none of it from its context.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
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
            Class::Connection => vec![Word::Connection("Total")],
            Class::Scenario => vec![Word::Scenario("Forecast - High")],
            Class::Kind => vec![Word::Kind("Annual")],
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

fn class(w: &Word) -> Option<Class> {
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
fn with_context(read: Vec<(Question, bool)>, q: usize, last_hist: Option<i32>) -> Option<Question> {
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
        let topic_holds = read.iter().enumerate().any(|(i, (sentence, topic))| {
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
    let measure = names(Class::Kind) || names(Class::Item) || names(Class::Metric);
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
                || (s.has(|w| matches!(w, Word::NotHeld(c) if *c == words::OTHER_TECHNOLOGY))
                    && (*topic || !(says_solar(&read[q].0) || says_solar(sentence))))
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
                || (s.has(|w| matches!(w, Word::NotHeld(_))) && !measure)
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
                compares
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
        let subject = topic
            && sentence
                .spans
                .iter()
                .all(|s| !s.read_past && !s.is_unknown());
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
                && s.meanings.iter().all(|w| *w == Word::Connection("Total"))
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
fn weak(s: &Span) -> bool {
    matches!(s.text.as_str(), "high" | "low")
        && !s.meanings.is_empty()
        && s.meanings.iter().all(|w| matches!(w, Word::Tech(_)))
}

/// The sentences of a question, each with whether it asks (ends with "?"). A sentence ends at
/// ".", "?", "!", ";" or ":" before a space (not after "i.e.", "e.g.", "vs." or an initial such
/// as "U.S."), and at a dash between spaces.
fn sentences(text: &str) -> Vec<(&str, bool)> {
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
                        "i.e", "e.g", "vs", "approx", "incl", "excl", "etc", "no", "cf",
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

/// The words of `text` read as phrases of the lexicon.
fn read_words(text: &str, lex: &Lexicon, scenarios: bool) -> Question {
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
    let phrases: Vec<Vec<(usize, &Vec<Word>)>> = (0..n)
        .map(|i| {
            (1..=lex.longest.min(n - i))
                .rev()
                .filter_map(|len| lex.get(&words[i..i + len].join(" ")).map(|ws| (len, ws)))
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
            "w" | "tw" | "terawatt" | "terawatts" => None,
            _ => {
                merged.push(s);
                continue;
            }
        };
        if let Some(prev) = merged.last_mut()
            && prev.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && !prev.has(|w| matches!(w, Word::Year(_)))
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
        if merged[i].text == "only" && merged[i].is_unknown() {
            let near = merged[i.saturating_sub(2)..(i + 3).min(merged.len())]
                .iter()
                .any(|s| {
                    s.has(|w| matches!(w, Word::Connection(_) | Word::Scenario(_) | Word::Country))
                });
            if near {
                merged[i].meanings = vec![Word::Filler];
                merged[i].read_past = true;
            }
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
                "high" => s.meanings.push(Word::Scenario("Forecast - High")),
                "low" => s.meanings.push(Word::Scenario("Forecast - Low")),
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
        for s in merged.iter_mut().filter(|s| s.text == "us") {
            s.meanings = vec![Word::Filler];
            s.read_past = true;
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
fn quantity(text: &str) -> Option<f64> {
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
fn english(w: &str) -> bool {
    static WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| include_str!("english.txt").lines().collect());
    WORDS.contains(w)
}

/// A word that is not a phrase of the lexicon: a number, a plural of a name, a near spelling of
/// a known word, or not understood.
fn single_word(w: &str, lex: &Lexicon) -> Span {
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
        None => span(Vec::new(), None),
    }
}

/// `2024-03` → `2024 03`, `fy2023` → `fy 2023`, `q1-2024` → `q1 2024`: numbers glued to
/// letters are read apart (but `m10`, `g12`, `co2` stay words).
fn split_joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // "%" is a word: "what % of Italy's additions".
    let lower = text
        .to_lowercase()
        .replace('%', " percent ")
        .replace("us$", " usd ");
    for tok in lower.split_whitespace() {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        // "y/y", "y-o-y": year on year.
        if matches!(t, "y/y" | "y-o-y" | "y-y" | "y/o/y") {
            out.push_str("yoy ");
            continue;
        }
        let split = ["fy", "q1", "q2", "q3", "q4", "h1", "h2"].iter().find(|p| {
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
fn year_then_part(t: &str) -> Option<String> {
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
fn number(w: &str) -> Option<Word> {
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

impl Question {
    /// Spans no table or name explains.
    #[cfg(test)]
    pub fn unknown(&self) -> Vec<&str> {
        self.spans
            .iter()
            .filter(|s| s.is_unknown())
            .map(|s| s.text.as_str())
            .collect()
    }

    /// Spans that name something no dataset holds, with what kind of thing it is.
    #[cfg(test)]
    pub fn not_held(&self) -> Vec<(&str, &'static str)> {
        self.spans
            .iter()
            .filter_map(|s| {
                s.meanings.iter().find_map(|m| match m {
                    Word::NotHeld(c) => Some((s.text.as_str(), *c)),
                    Word::Country => {
                        Some((s.text.as_str(), "a country that is not in the loaded data"))
                    }
                    _ => None,
                })
            })
            .collect()
    }

    /// Every meaning `f` picks out, in order, each once.
    pub fn all<T: PartialEq>(&self, f: impl Fn(&Word) -> Option<T>) -> Vec<T> {
        let mut out = Vec::new();
        for s in &self.spans {
            for m in &s.meanings {
                if let Some(v) = f(m)
                    && !out.contains(&v)
                {
                    out.push(v);
                }
            }
        }
        out
    }

    pub fn has(&self, f: impl Fn(&Word) -> bool) -> bool {
        self.spans.iter().any(|s| s.has(&f))
    }

    #[cfg(test)]
    pub fn has_op(&self, op: Op) -> bool {
        self.has(|w| *w == Word::Op(op))
    }

    pub fn years(&self) -> Vec<i32> {
        self.all(|w| match w {
            Word::Year(y) => Some(*y),
            _ => None,
        })
    }

    /// The span of years asked: one year, `since Y`, `until Y`, or from the first to the last
    /// year named. `None` when no year is named.
    pub fn year_span(&self) -> Option<(Option<i32>, Option<i32>)> {
        let ys = self.years();
        match ys.as_slice() {
            [] => None,
            [y] => {
                let before = self
                    .spans
                    .iter()
                    .position(|s| s.has(|w| *w == Word::Year(*y)))
                    .and_then(|i| i.checked_sub(1))
                    .map(|i| &self.spans[i]);
                match before {
                    Some(s) if s.has(|w| *w == Word::Since) => Some((Some(*y), None)),
                    Some(s) if s.has(|w| *w == Word::Until) => Some((None, Some(*y))),
                    _ => Some((Some(*y), Some(*y))),
                }
            }
            many => Some((many.iter().min().copied(), many.iter().max().copied())),
        }
    }

    /// "top 5", "5 largest", "five biggest": the count that goes with a ranking.
    pub fn count(&self) -> Option<u32> {
        self.all(|w| match w {
            Word::Count(n) => Some(*n),
            _ => None,
        })
        .first()
        .copied()
    }

    /// The technologies named: a whole description as it is, and technology words written
    /// together as one ("PERC M10" is the descriptions with both words), apart when "and", "or",
    /// or "vs" separate them ("TOPCon and HJT").
    pub fn technologies(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut current: Vec<String> = Vec::new();
        let flush = |current: &mut Vec<String>, out: &mut Vec<String>| {
            if !current.is_empty() {
                let t = current.join(" ");
                if !out.contains(&t) {
                    out.push(t);
                }
                current.clear();
            }
        };
        for s in &self.spans {
            let tech = s.meanings.iter().find_map(|m| match m {
                Word::Tech(t) => Some(t.clone()),
                _ => None,
            });
            let description = s.meanings.iter().find_map(|m| match m {
                Word::Description(d) => Some(d.clone()),
                _ => None,
            });
            if let Some(d) = description {
                flush(&mut current, &mut out);
                if !out.contains(&d) {
                    out.push(d);
                }
            } else if let Some(t) = tech {
                current.push(t);
            } else if matches!(s.text.as_str(), "and" | "or" | "vs" | "versus")
                || s.has(|w| matches!(w, Word::Item(_) | Word::Region(_) | Word::Op(_)))
            {
                flush(&mut current, &mut out);
            }
        }
        flush(&mut current, &mut out);
        out
    }

    /// Spans read as near spellings, for the answer to say how it read them.
    pub fn read_as(&self) -> Vec<(&str, &str)> {
        self.spans
            .iter()
            .filter_map(|s| s.read_as.as_deref().map(|r| (s.text.as_str(), r)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::names::{Names, Vocab};

    pub fn vocabulary() -> Vocabulary {
        Vocabulary {
            territories: Names::new(
                Vocab::Territory,
                [
                    "Italy",
                    "Germany",
                    "Spain",
                    "France",
                    "Netherlands",
                    "Poland",
                    "World",
                ]
                .map(String::from)
                .to_vec(),
            ),
            prices: crate::tools::prices::Vocabulary {
                items: Names::new(
                    Vocab::Item,
                    ["Module", "Cell", "Wafer", "Polysilicon", "PV glass"]
                        .map(String::from)
                        .to_vec(),
                ),
                regions: Names::new(
                    Vocab::Region,
                    ["China", "EU", "US", "India"].map(String::from).to_vec(),
                ),
                descriptions: ["n-type TOPCon", "p-type mono-Si PERC M10", "n-type HJT"]
                    .map(String::from)
                    .to_vec(),
            },
            financials: crate::tools::financials::Vocabulary {
                companies: Names::new(
                    Vocab::Plain,
                    ["Helios Modules Ltd", "Aurora Cells"]
                        .map(String::from)
                        .to_vec(),
                ),
                metrics: Names::new(
                    Vocab::Plain,
                    ["Revenue", "Gross margin", "Net income", "Module shipments"]
                        .map(String::from)
                        .to_vec(),
                ),
            },
            market_years: Some((2024, 2030)),
        }
    }

    fn read(text: &str) -> Question {
        understand(text, &Lexicon::new(&vocabulary()))
    }

    #[test]
    fn every_word_of_a_plain_question_is_understood() {
        for q in [
            "What was the annual installed capacity of Italy in 2023?",
            "How much PV did Germany install in 2022?",
            "Which country installed the most in 2024?",
            "top 5 countries in 2024",
            "How much did Spain grow from 2022 to 2023?",
            "What share of Italy's installations was distributed in 2023?",
            "What was the price of n-type TOPCon modules in China in March 2024?",
            "What is the latest quarterly revenue of Helios?",
            "CAGR of France between 2015 and 2024",
            "Please, could you tell me the cumulative capacity of Poland in 2020? Thanks!",
        ] {
            let u = read(q);
            assert!(u.unknown().is_empty(), "{q}: {:?}", u.unknown());
            assert!(u.not_held().is_empty(), "{q}: {:?}", u.not_held());
        }
    }

    #[test]
    fn concepts_the_data_does_not_hold_are_named() {
        let u = read("How much solar thermal capacity did Greece add in 2022?");
        let nh = u.not_held();
        assert!(nh.iter().any(|(w, _)| *w == "solar thermal"), "{nh:?}");
        assert!(
            nh.iter()
                .any(|(w, c)| *w == "greece" && c.contains("country")),
            "{nh:?}"
        );
        let u = read("What was Italy's electricity generation from PV in 2023?");
        assert!(u.not_held().iter().any(|(w, _)| *w == "electricity"));
        let u = read("What is the EBITDA of Helios?");
        assert_eq!(
            u.not_held(),
            [("ebitda", "a measure the data does not hold")]
        );
        let u = read("Annual installations in Atlantis in 2023");
        assert_eq!(u.unknown(), ["atlantis"]);
    }

    #[test]
    fn names_typos_and_numbers() {
        let u = read("annual capacity of Itlay in 2023");
        assert_eq!(
            u.all(|w| match w {
                Word::Territory(t) => Some(t.clone()),
                _ => None,
            }),
            ["Italy"]
        );
        assert_eq!(u.read_as(), [("itlay", "italy")]);
        assert!(u.unknown().is_empty());
        let u = read("top 5 in 2024");
        assert_eq!(u.count(), Some(5));
        assert_eq!(u.year_span(), Some((Some(2024), Some(2024))));
        assert!(u.has_op(Op::Rank));
        assert_eq!(read("since 2018").year_span(), Some((Some(2018), None)));
        assert_eq!(
            read("from 2015 to 2020").year_span(),
            Some((Some(2015), Some(2020)))
        );
        let u = read("module price in 2024-03");
        assert!(u.has(|w| *w == Word::Month(3)) || u.has(|w| *w == Word::Count(3)));
        let u = read("Helios revenue in Q1 2024");
        assert!(u.has(|w| *w == Word::Quarter(1)));
        let u = read("Helios revenue FY2023");
        assert!(u.has(|w| *w == Word::FullYear) && u.years() == [2023]);
        // "news" is not the plural of "new"
        assert!(read("news about TOPCon").spans[0].is_unknown());
        // a country in the data is never "not held", nor a near spelling of another
        assert!(read("Spain").not_held().is_empty());
        assert_eq!(read("Iran in 2023").not_held().len(), 1);
    }

    #[test]
    fn technologies_written_together_are_one() {
        assert_eq!(
            read("PERC M10 module price in China").technologies(),
            ["perc m10"]
        );
        assert_eq!(
            read("compare TOPCon and HJT module prices").technologies(),
            ["topcon", "hjt"]
        );
        assert_eq!(
            read("n-type TOPCon price").technologies(),
            ["n-type TOPCon"]
        );
        assert_eq!(read("p-type wafer price").technologies(), ["p type"]);
        // a region named in a description stays a region
        let mut v = vocabulary();
        v.prices
            .descriptions
            .push("Very high purity (12N/12N+, in China)".into());
        let u = understand("module prices in China", &Lexicon::new(&v));
        assert!(u.technologies().is_empty(), "{:?}", u.technologies());
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_abbreviations() {
        let s = sentences("Prepping the IC memo. How many MW did Spain add in 2024?");
        assert_eq!(s.len(), 2);
        assert!(!s[0].1 && s[1].1);
        let s = sentences("U.S. prices, i.e. the US series, vs. EU: latest? 3.2mm glass");
        let texts: Vec<&str> = s.iter().map(|(t, _)| t.trim()).collect();
        assert_eq!(
            texts,
            [
                "U.S. prices, i.e. the US series, vs. EU:",
                "latest?",
                "3.2mm glass"
            ]
        );
        assert_eq!(sentences("Italy's record — which year?").len(), 2);
        assert_eq!(sentences("2020-2024 additions").len(), 1);
        // A long text of short sentences is still read up to MAX_WORDS words, and declined.
        let long = "Italy 2022. ".repeat(MAX_WORDS);
        assert!(read(&long).unread > 0);
    }

    #[test]
    fn a_question_takes_from_its_context_only_what_it_does_not_say() {
        let territories = |q: &Question| {
            q.all(|w| match w {
                Word::Territory(t) => Some(t.clone()),
                _ => None,
            })
        };
        // The story around the question is read past.
        let q = read(
            "Our Italian distributor says the market doubled. Italy added how much PV in 2024?",
        );
        assert!(q.unknown().is_empty(), "{:?}", q.unknown());
        assert_eq!(territories(&q), ["Italy"]);
        // A place named only in the context is the question's.
        let q = read("Spain is our core market. What did it add in 2023?");
        assert_eq!(territories(&q), ["Spain"]);
        assert_eq!(q.years(), [2023]);
        // A place the question names itself wins: the context's is read past.
        let q = read(
            "Spain is the EU's second-largest fleet. What was Italy's installed base in 2023?",
        );
        assert_eq!(territories(&q), ["Italy"]);
        assert!(
            !q.has_op(Op::Top),
            "the context's operation is not the question's"
        );
        // A change from one year takes the context's year too.
        let q = read("Spain exploded in 2024. By what % did it grow vs 2023?");
        assert_eq!(q.years(), [2024, 2023]);
        // A topic before a colon or a dash lends its operation to a question that asks none.
        let q = read("Italy's all-time record for annual installs — which year and how many MW?");
        assert!(q.has_op(Op::Max) && q.unknown().is_empty(), "{:?}", q.spans);
    }

    #[test]
    fn instructions_after_the_question_and_after_without_a_period() {
        // An instruction after the question lends its operation.
        let q =
            read("How much of Germany's 2024 market was distributed? Give it as a % of the total.");
        assert!(q.has_op(Op::Share), "{:?}", q.spans);
        // An instruction is part of the question, its years too.
        let q =
            read("Is Spain expected to shrink in 2025? Give me the % change from 2024 to 2025.");
        assert!(
            q.has_op(Op::Change) && q.years().contains(&2024),
            "{:?}",
            q.spans
        );
        // A remark after it does not.
        let q = read("What did Spain add in 2024? It was the biggest year.");
        assert!(!q.has_op(Op::Top), "{:?}", q.spans);
        // "after" starts a span only before a period.
        assert_eq!(
            read("Italy's additions after 2020").unknown(),
            Vec::<&str>::new()
        );
        assert_eq!(
            read("After Italy, which country installed the most in 2024?").unknown(),
            ["after"]
        );
    }

    #[test]
    fn context_that_may_narrow_the_question_is_not_read_past() {
        // A negation, another technology, a segment: the question is read whole and declines.
        for text in [
            "Not counting Italy. Which country added the most in 2024?",
            "We only look at residential. How much did Spain add in 2024?",
        ] {
            assert!(!read(text).unknown().is_empty(), "{text}");
        }
        let q = read("We also cover storage. How much did Spain add in 2024?");
        assert!(!q.not_held().is_empty());
        // A connection named only in a story before the question describes the asker: read
        // past (the answer says "total connection"); named after the question, it is asked for.
        let q = read("Base case for a French rooftop platform. France's additions in 2024?");
        assert!(q.not_held().is_empty(), "{:?}", q.not_held());
        assert!(!q.has(|w| matches!(w, Word::Connection(_))));
        let q = read("France's additions in 2024? For our rooftop platform.");
        assert!(
            q.not_held()
                .iter()
                .any(|(_, c)| *c == words::CONTEXT_CONNECTION),
            "{:?}",
            q.not_held()
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("itlay", "italy"), 1);
        assert_eq!(distance("germnay", "germany"), 1);
        assert_eq!(distance("spain", "spain"), 0);
        assert_eq!(distance("cagr", "cigar"), 2);
    }
}

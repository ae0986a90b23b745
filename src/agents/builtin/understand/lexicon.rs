//! The reader's lexicon: the words of the trade it knows and how each reads, built once.

use super::*;

/// The phrases a question can be read with: the data's names and the tables of [`words`].
pub struct Lexicon {
    /// Normalised phrase → meanings.
    pub(super) phrases: HashMap<String, Vec<Word>>,
    /// Longest phrase, in words.
    pub(super) longest: usize,
    /// The last historical year of the market data.
    pub(super) last_hist: Option<i32>,
    /// Single words that typos are compared with (not the filler words: a typo of "the" is not
    /// worth reading).
    pub(super) fuzzy: Vec<String>,
}

pub(super) fn add(map: &mut HashMap<String, Vec<Word>>, phrase: &str, w: Word) {
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
pub(super) const GENERIC_TECH: &[&str] = &[
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
        let losses = [(words::LOSS_PHRASES, "Net income")];
        for (words, metric) in METRIC_SYNONYMS.iter().chain(&losses) {
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
            add(&mut p, k, Word::KindHint(MarketKind::Cumulative.as_str()));
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
        for (k, d) in words::RELATIVE_YEARS {
            add(&mut p, k, Word::Shift(*d));
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
    pub(super) fn get(&self, phrase: &str) -> Option<&Vec<Word>> {
        self.phrases.get(phrase)
    }

    /// The one known word `w` is a near spelling of, if exactly one is near enough.
    pub(super) fn near(&self, w: &str) -> Option<&str> {
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
            // ("prce": a letter left out of a longer word is no other short word.)
            let dropped = k.chars().count() == n + 1 && is_subsequence(w, k);
            if d > max
                || (names_only
                    && !dropped
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
pub(super) const HUMAN_WORDS: &[&str] = &[
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
pub(super) const METRIC_SYNONYMS: &[(&[&str], &str)] = &[
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
            "nameplate production capacity",
            "nameplate manufacturing capacity",
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

/// Whether `w` is `k` with letters left out, in order.
fn is_subsequence(w: &str, k: &str) -> bool {
    let mut k = k.chars();
    w.chars().all(|c| k.any(|x| x == c))
}

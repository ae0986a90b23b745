//! Understanding a question in a closed world. The question is split into words and
//! each span of words is read as what it names: a value in the loaded data (a territory, an item,
//! a company, ...), a word of the tables in [`super::words`] (a scenario, an operation, a filler
//! word, ...), a year, a month or a count. A word that is none of these is not understood, and a
//! word that names something no dataset here holds (another technology, a measure that is not a
//! column) is recorded as such: the answerers decline on either, saying what they could not
//! match, instead of answering a question they did not understand.

use std::collections::HashMap;

use super::words;
use crate::domain::market::{Connection, Kind as MarketKind, Scenario};
use crate::tools::names::{norm, norm_joined};
use crate::tools::vocab::Vocabulary;

mod context;
mod lexicon;
mod negations;
mod reading;
mod spoken;
mod text;
pub use context::*;
pub use lexicon::*;
use negations::*;
use reading::*;
use text::*;

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
    /// "a year later", "the year before": the previous question's one year moved by this many
    /// years. Read only in a follow-up of a question that named one year; anywhere else it is
    /// not understood, and the question is declined naming it.
    Shift(i32),
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
    /// "excluding China", "leaving China aside", "ex-China": a territory left out (of a
    /// ranking of countries; nothing else computes it).
    Except(String),
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
    let heard = spoken::spoken(text);
    let ranged = quarter_ranges(&heard);
    let coded = country_codes(&ranged);
    let grouped = country_groups(&coded);
    let dated = dates(&grouped);
    let glossed = without_glosses(&dated);
    let spoken = spelled_years(&glossed);
    let numbered = numbered_places(&spoken);
    let placed = ordinals(&numbered);
    let contrasted = without_contrasts(&placed);
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
        // ("Top 5 countries by additions in 2024, with their MW. Countries only please, no
        // regional aggregates like EU or Asia.": a last sentence that names nothing to look up
        // says how to answer; the one before it asks.)
        ([], _) if parts.len() > 1 => {
            let last = parts.len() - 1;
            let names_nothing = read_words(parts[last].0, lex, false)
                .spans
                .iter()
                .all(|s| s.meanings.iter().all(|w| *w == Word::Filler));
            // (Not a claim to check: "Is it true that Pakistan added more than 15 GW? Give me
            // the number you hold." looks up what the last sentence asks, with its context.)
            let claim = checks_a_claim(parts[last - 1].0);
            // (Nor a story told after it: "Dutch installations, 2023 vs 2024 - % change please.
            // One of our obligors imports into Rotterdam and says volumes are softening.")
            let story = states(parts[last].0)
                && !norm_joined(parts[last].0).split(' ').any(|w| {
                    matches!(
                        w,
                        "how" | "what" | "whats" | "which" | "who" | "when" | "where" | "why"
                    )
                });
            Some(if (names_nothing || story) && !claim {
                last - 1
            } else {
                last
            })
        }
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
    /// The dates named with their day ("5 February 2025", "2025-03-26"), in the order written:
    /// a month span that holds its day, then the year after it.
    pub fn dates(&self) -> Vec<(i32, u32, u32)> {
        let mut out = Vec::new();
        for (i, s) in self.spans.iter().enumerate() {
            let Some(m) = s.meanings.iter().find_map(|w| match w {
                Word::Month(m) => Some(*m),
                _ => None,
            }) else {
                continue;
            };
            let Some(d) = s
                .text
                .split(' ')
                .find_map(|t| t.parse::<u32>().ok().filter(|d| (1..=31).contains(d)))
            else {
                continue;
            };
            let y = self.spans[i + 1..].iter().find_map(|n| {
                n.meanings.iter().find_map(|w| match w {
                    Word::Year(y) => Some(*y),
                    _ => None,
                })
            });
            if let Some(y) = y
                && !out.contains(&(y, m, d))
            {
                out.push((y, m, d));
            }
        }
        out
    }

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

    /// Whether the question speaks of a fall ([`words::FALLS`], "go down").
    pub fn speaks_of_a_fall(&self) -> bool {
        self.spans
            .iter()
            .any(|s| s.text == "go down" || s.text.split(' ').any(|w| words::FALLS.contains(&w)))
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
mod tests;

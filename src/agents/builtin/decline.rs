//! Why a question is not answered: the words that could not be matched and the concepts the
//! data does not hold, said in one sentence before the examples of what can be answered.

use super::understand::{Question, Word};

/// What made the provider decline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decline {
    /// "atlantis", "solar thermal (another technology or energy source)", ...
    pub unmatched: Vec<String>,
    /// Other reasons, each a sentence.
    pub reasons: Vec<String>,
}

impl Decline {
    pub fn because(reason: impl Into<String>) -> Decline {
        Decline {
            unmatched: Vec::new(),
            reasons: vec![reason.into()],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.unmatched.is_empty() && self.reasons.is_empty()
    }

    /// The sentence the answer starts with.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if !self.unmatched.is_empty() {
            out.push_str(&format!(
                "I could not match {} to the loaded data, so I will not guess a figure.",
                join_quoted(&self.unmatched)
            ));
        }
        for r in &self.reasons {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(r);
        }
        out
    }
}

fn join_quoted(items: &[String]) -> String {
    let q: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    match q.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The words of `q` that are not understood at all, or name what no dataset holds; and those
/// whose only meanings belong to datasets `fits` rejects (a price item in a market question).
pub fn unmatched(q: &Question, fits: impl Fn(&Word) -> bool) -> Decline {
    let mut d = Decline::default();
    for s in &q.spans {
        if s.is_unknown() {
            d.unmatched.push(s.text.clone());
            continue;
        }
        if let Some(c) = s.meanings.iter().find_map(|m| match m {
            Word::NotHeld(c) => Some(*c),
            Word::Country => Some("a country that is not in the loaded data"),
            _ => None,
        }) {
            d.unmatched.push(format!("{} ({c})", s.text));
            continue;
        }
        if !s.meanings.iter().any(|m| m.is_neutral() || fits(m)) {
            d.unmatched.push(s.text.clone());
        }
    }
    d
}

//! Why a question is not answered: the words that could not be matched and the concepts the
//! data does not hold, said in one sentence before the examples of what can be answered.

use super::understand::{self, Question, Word};
use super::*;

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
    if q.unread > 0 {
        d.reasons.push(format!(
            "Your question is longer than I read ({} words; I read up to {}): ask it in fewer words.",
            understand::MAX_WORDS + q.unread,
            understand::MAX_WORDS
        ));
    }
    for s in &q.spans {
        // A word a sentence of context lent that this dataset has no use for is context.
        if understand::lent_unused(s, &fits) {
            continue;
        }
        if s.is_unknown() {
            d.unmatched.push(s.text.clone());
            continue;
        }
        if let Some(c) = s.meanings.iter().find_map(|m| match m {
            Word::NotHeld(c) => Some(*c),
            Word::Country => Some("a country that is not in the loaded data"),
            Word::Except(_) if !fits(m) => {
                Some("a place left out, which only a ranking of countries does")
            }
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

/// The honest answer when the data cannot answer: what the agent can answer, with examples built
/// from the loaded data.
pub(super) async fn cannot_answer(
    tools: &ToolContext<'_>,
    agent: &AgentDef,
    domain: Domain,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) {
    let (name, capabilities) = (agent.display_name, agent.capabilities.join(", "));
    let mut text = format!(
        "I could not answer this from the loaded data. **{name}** covers: {capabilities}.\n\n"
    );
    let examples: Vec<String> = match domain {
        Domain::Market => {
            let t: Vec<&String> = vocab
                .territories
                .values
                .iter()
                .filter(|t| ["Italy", "Germany", "Spain", "France", "World"].contains(&t.as_str()))
                .take(3)
                .collect();
            let t: Vec<&String> = if t.is_empty() {
                vocab.territories.values.iter().take(3).collect()
            } else {
                t
            };
            // The years of the examples are the loaded data's: its last historical year, the
            // five before it, and its last forecast year when it has forecasts.
            match (t.as_slice(), vocab.market_years) {
                ([], _) | (_, None) => vec![],
                ([a, rest @ ..], Some((last_hist, last))) => {
                    let b = rest.first().copied().unwrap_or(a);
                    let mut e = vec![
                        format!("Annual installations in {a} in {last_hist}"),
                        format!(
                            "Cumulative capacity of {b} from {} to {last_hist} as a chart",
                            last_hist - 5
                        ),
                    ];
                    if last > last_hist {
                        e.push(format!("Forecast for {a} in {last} in the high scenario"));
                    }
                    e.push(format!("Split by connection type for {b}"));
                    e
                }
            }
        }
        Domain::Prices if !vocab.prices.items.is_empty() => {
            let p = &vocab.prices;
            let item = p
                .items
                .values
                .iter()
                .find(|i| *i == "Module")
                .unwrap_or(&p.items.values[0]);
            let region = p
                .regions
                .values
                .iter()
                .find(|r| *r == "China")
                .or(p.regions.values.first())
                .cloned()
                .unwrap_or_default();
            let tech = p
                .descriptions
                .iter()
                .find(|d| d.contains("TOPCon"))
                .or(p.descriptions.first())
                .cloned()
                .unwrap_or_default();
            vec![
                format!("Latest {} price in {region}", item.to_lowercase()),
                format!("{tech} price trend in {region}"),
                format!(
                    "Compare {} prices between {region} and EU",
                    item.to_lowercase()
                ),
            ]
        }
        Domain::Financials if !vocab.financials.companies.is_empty() => {
            let f = &vocab.financials;
            let c = &f.companies.values[0];
            let m = f
                .metrics
                .values
                .first()
                .cloned()
                .unwrap_or_else(|| "Revenue".into());
            vec![
                format!("{m} of {c}"),
                format!("{m} trend of {c} by quarter as a chart"),
            ]
        }
        Domain::Documents => {
            let coll = documents::collection_of(agent.id);
            match documents::titles(tools, coll, 3).await {
                Ok(titles) => titles
                    .into_iter()
                    .map(|t| format!("Ask about: {t}"))
                    .collect(),
                Err(e) => {
                    tracing::warn!(error = %e, "example titles unavailable");
                    vec![]
                }
            }
        }
        Domain::Prices | Domain::Financials => vec![],
    };
    if examples.is_empty() {
        text.push_str("No data is loaded for this agent yet: an operator can load it with the solarintel ingest command.");
    } else {
        text.push_str("For example, try:\n");
        for e in examples {
            text.push_str(&format!("- *{e}*\n"));
        }
    }
    say(emit, text.trim_end());
}

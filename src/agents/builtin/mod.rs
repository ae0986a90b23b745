//! The built-in offline provider (decision B1, agents.md): no language model. It reads the
//! question, recognises the data's own vocabulary (territories, years, scenarios, connections,
//! items, technologies, regions, companies, metrics) and intent words (chart, trend, compare,
//! latest, share), calls the same tools as a model would, and writes a short Markdown answer with
//! the figures and a table, streamed in chunks. A follow-up ("and Spain?") reuses the filters of
//! the previous question. When the data cannot answer, it says what it can answer, with examples
//! built from the loaded data; the market agent then offers a human expert.

mod decline;
mod docs;
mod facets;
mod financial;
mod market;
mod price;
mod reader;
mod understand;
mod words;

use decline::cannot_answer;
use docs::doc_answer;
use facets::*;
use financial::{FIN_OPS, fin_answer, fits_financials};
use price::{PRICE_OPS, fits_prices, no_price_share, price_answer};
pub use reader::Reader;

use super::{AgentDef, AgentError};
use crate::domain::agents::AgentType;
use crate::events::Event;
use crate::llm::{ChatMessage, Role};
use crate::tools::SAMPLE_NOTICE as NOTICE;
use crate::tools::ToolContext;
use crate::tools::documents::{self, SearchArgs};
use crate::tools::financials::{self, FinArgs, Financials};
use crate::tools::names::norm;
use crate::tools::prices::{self, PriceArgs, Prices};
use crate::tools::{DataTool, ToolError, fmt_thousands};

type Emit<'a> = &'a mut (dyn FnMut(Event) + Send);

use crate::tools::vocab::Vocabulary as Vocabularies;

/// Stream Markdown line by line.
fn say(emit: Emit<'_>, text: &str) {
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        buf.push_str(line);
        if buf.len() >= 80 {
            emit(Event::Chunk {
                content: std::mem::take(&mut buf),
            });
        }
    }
    if !buf.is_empty() {
        emit(Event::Chunk { content: buf });
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Domain {
    Market,
    Prices,
    Financials,
    Documents,
}

pub async fn answer(
    tools: &ToolContext<'_>,
    reader: &Reader,
    agent: &AgentDef,
    history: &[ChatMessage],
    user_text: &str,
    conversation_id: i64,
    emit: Emit<'_>,
) -> Result<(), AgentError> {
    let offers_experts = agent.tools.contains(&crate::tools::expert::NAME);
    if offers_experts && has_any(user_text, &HUMAN_WORDS) {
        say(
            emit,
            &format!("## Your Query\n\nYou asked: *{}*", user_text.trim()),
        );
        emit(Event::Chunk {
            content: EXPERT_TEXT.into(),
        });
        emit_offer(true, true, conversation_id, emit);
        return Ok(());
    }
    emit(Event::Status {
        message: "Analyzing data...".into(),
    });
    let vocab = match tools.vocabulary().await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(error = %e, agent = agent.id, "built-in answer failed");
            say(
                emit,
                &format!("I could not read the data for this question ({e})."),
            );
            return Ok(());
        }
    };
    // The previous user question, for follow-ups: its reading is kept by the reader, so a
    // follow-up does not parse it again.
    // A chain of follow-ups ("Germany 2026 additions forecast?", "low case?", "and the high?"):
    // the previous question and, while each is itself a follow-up, up to two before it.
    let chain_before = || {
        let mut chain: Vec<&str> = Vec::new();
        for m in history.iter().rev().filter(|m| m.role == Role::User) {
            let Some(text) = m.content.as_deref() else {
                break;
            };
            chain.push(text);
            if chain.len() == 3 || !is_follow_up(text) {
                break;
            }
        }
        chain
    };
    let mut chain: Vec<&str> = if is_follow_up(user_text) {
        chain_before()
    } else {
        Vec::new()
    };
    // Read the question, closed over the domain and open over ordinary English: a word of the
    // trade that is not understood declines the question.
    let mut read = reader
        .read(&vocab, conversation_id, user_text, chain.first().copied())
        .await;
    // "World 2024?", "and in 2023?", "what's the year on year change in %?": a change or a
    // comparison that names nothing to compute it on is about the figures asked before, however
    // long it is.
    let prices = matches!(agent.kind, AgentType::Price | AgentType::ComponentPrices);
    // ("What did France install in 2024?", "What is the most probable forecast for 2026?": a
    // market question that names a period or a scenario but no place is about the place asked
    // before.)
    let placeless = agent.kind == AgentType::Market
        && !read.question.has(|w| {
            use understand::{Op, Word};
            matches!(
                w,
                Word::Territory(_)
                    | Word::Country
                    | Word::NotHeld(_)
                    | Word::Op(Op::Top | Op::Bottom | Op::Rank)
            )
        })
        && read
            .question
            .has(|w| matches!(w, understand::Word::Year(_) | understand::Word::Scenario(_)))
        && decline::unmatched(&read.question, |_| true).is_empty();
    if chain.is_empty() && (leans_back(&read.question, prices) || placeless) {
        chain = chain_before();
        if !chain.is_empty() {
            read = reader
                .read(&vocab, conversation_id, user_text, chain.first().copied())
                .await;
        }
    }
    let prev_text = chain.first().copied();
    let question = read.question;
    let earlier = reader
        .read_all(
            &vocab,
            chain.iter().skip(1).map(|t| t.to_string()).collect(),
        )
        .await;
    // A follow-up leans only on a previous question that was itself understood: the filters of
    // a refused question are not carried into the next one.
    // ("Belgium's additions in 2024?", "and the year before?", "how much did it drop in %?": the
    // previous question's year as it was answered.)
    let previous = read
        .previous
        .filter(|p| decline::unmatched(p, |_| true).is_empty())
        .map(|p| {
            let mut p = (*p).clone();
            if let Some(before) = earlier.first() {
                shift_years(&mut p, before);
            }
            p
        });
    let previous = previous.as_ref();
    // A follow-up that names no period asks for the previous question's ("China 9N polysilicon
    // price in June 2024?" then "same for the EU").
    // (Years alone are carried by each answerer's own filters.)
    let mut question = question;
    if prices {
        price::lone_high_low(&mut question);
    }
    if agent.kind == AgentType::ManufacturerFinancial {
        financial::in_financial_terms(&mut question);
    }
    // "How many times bigger is China's fleet than America's?": of the market, "America" is
    // the USA to most writers and the continent to the data; which one is asked.
    if !prices {
        for s in question.spans.iter_mut().filter(|s| s.text == "america") {
            if s.has(|w| matches!(w, understand::Word::Territory(t) if t == "America")) {
                s.meanings = vec![understand::Word::NotHeld(words::AMERICA)];
            }
        }
    }
    if let Some(p) = previous {
        shift_years(&mut question, p);
        use understand::Word::*;
        let part = |w: &understand::Word| matches!(w, Month(_) | Quarter(_) | Half(_) | FullYear);
        let dated = |w: &understand::Word| part(w) || matches!(w, Year(_) | Since | Until);
        let year = |w: &understand::Word| matches!(w, Year(_) | Since | Until);
        // ("the gap between the two": "between" with no period names none.)
        let names_period = |w: &understand::Word| part(w) || matches!(w, Year(_));
        // "Germany 2030, most probable?", "same for the high scenario", "and low?": after a
        // question that named a forecast scenario, "high" and "low" alone are the scenarios.
        if p.has(|w| matches!(w, Scenario(s) if s.starts_with("Forecast"))) {
            for s in question.spans.iter_mut() {
                let bare = s.meanings.iter().all(|w| matches!(w, Tech(_)));
                let scenario = match s.text.as_str() {
                    "low" => Some(crate::domain::market::Scenario::ForecastLow.as_str()),
                    "high" => Some(crate::domain::market::Scenario::ForecastHigh.as_str()),
                    _ => None,
                };
                if let (true, Some(sc)) = (bare, scenario) {
                    s.meanings = vec![Scenario(sc)];
                    s.read_past = false;
                }
            }
        }
        if p.has(part) && !question.has(names_period) {
            // "Helios revenue in 2024-Q1?", "and 2024-Q4?", "what's the change in %?": a change
            // runs from the chain's first period to the previous question's.
            let changes =
                question.has(|w| matches!(w, Op(understand::Op::Change | understand::Op::Cagr)));
            if changes && let Some(first) = earlier.iter().rev().find(|q| q.has(part)) {
                question
                    .spans
                    .extend(first.spans.iter().filter(|s| s.has(dated)).cloned());
            }
            question
                .spans
                .extend(p.spans.iter().filter(|s| s.has(dated)).cloned());
            // "How much did 9N polysilicon change from Jan 2023 to Dec 2024?" then "same for the
            // EU": the months are a change's span only with the change.
            let op = |w: &understand::Word| matches!(w, Op(_));
            if !question.has(op) {
                question
                    .spans
                    .extend(p.spans.iter().filter(|s| s.has(op)).cloned());
            }
        } else if !p.has(dated)
            && !question.has(names_period)
            && let Some(first) = earlier.iter().find(|q| q.has(part))
        {
            // "EU HJT price in June 2024?", "And the Chinese price in the same month?", "the gap
            // between the two?": the period the chain last named.
            question
                .spans
                .extend(first.spans.iter().filter(|s| s.has(dated)).cloned());
        } else if p.has(|w| matches!(w, Month(_)))
            && p.has(|w| matches!(w, Year(_)))
            && question.all(|w| matches!(w, Month(_)).then_some(())).len() == 1
            && question.has(|w| matches!(w, Year(_)))
            && question.has(|w| {
                matches!(
                    w,
                    Op(understand::Op::Change | understand::Op::Compare | understand::Op::Cagr)
                )
            })
        {
            // "Copper price in January 2025?", "How does that compare with January 2024, in %?":
            // the change between the two months (a comparison of one series with itself), the
            // earlier month first.
            let when = |q: &understand::Question| {
                let month = q.all(|w| match w {
                    Month(m) => Some(*m),
                    _ => None,
                });
                (q.years().first().copied(), month.first().copied())
            };
            let theirs: Vec<understand::Span> =
                p.spans.iter().filter(|s| s.has(dated)).cloned().collect();
            if when(p) < when(&question) {
                let ours = std::mem::take(&mut question.spans);
                question.spans = theirs.into_iter().chain(ours).collect();
            } else {
                question.spans.extend(theirs);
            }
            for s in question.spans.iter_mut() {
                for w in s.meanings.iter_mut() {
                    if *w == Op(understand::Op::Compare) {
                        *w = Op(understand::Op::Change);
                    }
                }
            }
        } else if question.has(part) && !question.has(year) {
            // "Helios gross margin in 2024-Q1?" then "and in Q4?": the quarter of that year.
            question
                .spans
                .extend(p.spans.iter().filter(|s| s.has(year)).cloned());
        }
    }
    // The previous question as it was answered: with what it took from the ones before it.
    let answered = previous.map(|p| {
        let mut before: Option<Ask> = None;
        for q in earlier.iter().rev() {
            before = decline::unmatched(q, |_| true)
                .is_empty()
                .then(|| match &before {
                    Some(b) => inherit(ask_of(q), b),
                    None => ask_of(q),
                });
        }
        match &before {
            Some(b) => inherit(ask_of(p), b),
            None => ask_of(p),
        }
    });
    let mut ask = match &answered {
        Some(p) => inherit(ask_of(&question), p),
        None => ask_of(&question),
    };
    // "... PERC M10 modules in China?", "and which region is the cheapest for this module at that
    // date?": a question that asks which region (or company) is across all of them, not the one
    // asked before.
    let asks_which = |nouns: &[&str]| {
        question.spans.windows(2).any(|w| {
            matches!(w[0].text.as_str(), "which" | "what") && nouns.contains(&w[1].text.as_str())
        })
    };
    let own = ask_of(&question);
    if asks_which(&["region", "regions"]) && own.regions.is_empty() {
        ask.regions.clear();
    }
    if asks_which(&[
        "company",
        "companies",
        "manufacturer",
        "manufacturers",
        "maker",
        "makers",
        "supplier",
        "suppliers",
    ]) && own.companies.is_empty()
    {
        ask.companies.clear();
    }
    // "Ireland's additions in 2024?", "the latest n-type TOPCon module price in the EU": the
    // latest is the latest, not the latest of a year the question before named.
    if question.has(|w| *w == understand::Word::Op(understand::Op::Latest))
        && question.years().is_empty()
    {
        ask.years = None;
    }
    // "EU HJT price in June 2024?", "And the Chinese price in the same month?", "So what's the gap
    // between the two?": the two regions (or companies) the questions before named, side by side.
    // ("so what is the difference between them?": the two as well.)
    let between_them = question
        .spans
        .windows(2)
        .any(|w| w[0].text == "between" && matches!(w[1].text.as_str(), "them" | "both"));
    if let (Some(p), Some(before)) = (previous, earlier.first())
        && ((question.spans.iter().any(|s| s.text == "two")
            && question.has(|w| *w == understand::Word::Count(2)))
            || between_them)
    {
        let (a0, a1) = (ask_of(before), ask_of(p));
        let own = ask_of(&question);
        if let ([r0], [r1]) = (a0.regions.as_slice(), a1.regions.as_slice())
            && r0 != r1
            && own.regions.is_empty()
        {
            ask.regions = vec![r0.clone(), r1.clone()];
            ask.compare = true;
        } else if let ([c0], [c1]) = (a0.companies.as_slice(), a1.companies.as_slice())
            && c0 != c1
            && own.companies.is_empty()
        {
            ask.companies = vec![c0.clone(), c1.clone()];
            ask.compare = true;
        }
    }
    // "EU TOPCon price in June 2024?", "And in China the same month?", "So how much more
    // expensive in % is the EU one?": one of the two regions asked before, compared, is compared
    // with the other.
    if let (Some(p), Some(before)) = (previous, earlier.first()) {
        let (a0, a1, own) = (ask_of(before), ask_of(p), ask_of(&question));
        if let ([r0], [r1], [r]) = (
            a0.regions.as_slice(),
            a1.regions.as_slice(),
            own.regions.as_slice(),
        ) && r0 != r1
            && (r == r0 || r == r1)
            && own.compare
        {
            let other = if r == r0 { r1 } else { r0 };
            ask.regions = vec![r.clone(), other.clone()];
            ask.compare = true;
        }
    }
    // "Latest TOPCon module price in the US?", "vs the EU - how much higher in %?" (or "How does
    // that compare with the EU?"): a comparison with another region than the one asked before is
    // between the two, and the region after "vs" is the one compared with.
    if let Some(before) = &answered
        && let ([r0], [r]) = (
            before.regions.as_slice(),
            ask_of(&question).regions.as_slice(),
        )
        && r0 != r
        && ask.regions.len() == 1
        && question.spans.iter().enumerate().any(|(i, s)| {
            matches!(
                s.text.as_str(),
                "vs" | "versus"
                    | "against"
                    | "compare"
                    | "compared"
                    | "compared to"
                    | "compared with"
            ) && question.spans[i + 1..]
                .iter()
                .take(3)
                .any(|n| n.has(|w| *w == understand::Word::Region(r.clone())))
        })
    {
        ask.regions = vec![r.clone(), r0.clone()];
        ask.compare = true;
    }
    let domain = match agent.kind {
        AgentType::Market => Domain::Market,
        AgentType::Price | AgentType::ComponentPrices => Domain::Prices,
        AgentType::ManufacturerFinancial => Domain::Financials,
        AgentType::NziaMarketImpact => {
            if !ask.territories.is_empty()
                && (speaks_of_market(&question) || previous.is_some_and(speaks_of_market))
            {
                Domain::Market
            } else {
                Domain::Documents
            }
        }
        AgentType::Weaviate => domain_of(&question)
            .or_else(|| previous.and_then(domain_of))
            .unwrap_or(Domain::Documents),
        _ => Domain::Documents,
    };
    let declined = |emit: Emit<'_>, d: &decline::Decline| {
        say(
            emit,
            &format!(
                "{}

",
                d.text()
            ),
        );
        Ok(false)
    };
    let read_as = question.read_as();
    if !read_as.is_empty() && domain != Domain::Documents {
        let r: Vec<String> = read_as
            .iter()
            .map(|(w, k)| format!("\"{w}\" as \"{k}\""))
            .collect();
        say(emit, &format!("*I read {}.*\n\n", r.join(", ")));
    }
    // A figure-bearing answer starts with how the question was read, so a misreading
    // is visible at once: the answerer's events are held until it has answered.
    let mut held: Vec<Event> = Vec::new();
    let mut hold = |e: Event| held.push(e);
    // "and Pakistan's?" after a question that was declined: what it asks is not known (a short
    // question that does not say it follows is read on its own).
    let orphan = prev_text.is_some()
        && previous.is_none()
        && says_it_follows(user_text)
        && domain != Domain::Documents
        && question.years().is_empty()
        && !question.has(|w| matches!(w, understand::Word::Op(_)));
    let (result, reading) = match domain {
        _ if orphan => (
            declined(
                &mut hold,
                &decline::Decline::because(
                    "I could not read the question before this one, so I cannot tell what this \
                     follow-up asks: ask it in full, with the figure, the place and the year.",
                ),
            ),
            String::new(),
        ),
        Domain::Market => match market::read_chain(
            &question,
            &match previous {
                Some(p) => std::iter::once(p).chain(earlier.iter()).collect::<Vec<_>>(),
                None => Vec::new(),
            },
            &vocab,
        ) {
            Ok(a) => (
                market::answer(tools, &a, &vocab, &mut hold).await,
                market::read_back(&a),
            ),
            Err(d) => (declined(&mut hold, &d), String::new()),
        },
        Domain::Prices => match closed_world(&question, fits_prices)
            .and_then(|()| no_price_share(&question))
            .and_then(|()| supported(&question, PRICE_OPS, "prices"))
        {
            Ok(()) => (
                price_answer(tools, &ask, &question, &vocab, &mut hold).await,
                read_back(&[&ask.items, &ask.techs, &ask.regions], &ask, &question),
            ),
            Err(d) => (declined(&mut hold, &d), String::new()),
        },
        Domain::Financials => match closed_world(&question, fits_financials)
            .and_then(|()| supported(&question, FIN_OPS, "manufacturer figures"))
        {
            Ok(()) => (
                fin_answer(tools, &ask, &question, &vocab, &mut hold).await,
                read_back(&[&ask.companies, &ask.metrics], &ask, &question),
            ),
            Err(d) => (declined(&mut hold, &d), String::new()),
        },
        Domain::Documents => (
            doc_answer(tools, agent.id, user_text, &mut hold).await,
            String::new(),
        ),
    };
    // An answerer that found no figures for what it read says so, with the reading, before the
    // examples of what can be answered.
    if matches!(result, Ok(false)) && held.is_empty() && !reading.is_empty() {
        say(
            emit,
            &format!(
                "The loaded data holds no figures for this question as I read it: \"{reading}\".\n\n"
            ),
        );
    }
    if matches!(result, Ok(true)) && !reading.is_empty() {
        emit(Event::Chunk {
            content: format!("*Read as: {reading}.*\n\n"),
        });
    }
    for e in held {
        emit(e);
    }
    let result = match result {
        // What the question asks cannot be computed (a change without two years, say).
        Err(ToolError::Arguments(why)) => declined(
            emit,
            &decline::Decline::because(format!("I cannot compute that: {why}.")),
        ),
        other => other,
    };
    match result {
        Ok(true) => Ok(()),
        Ok(false) => {
            cannot_answer(tools, agent, domain, &vocab, emit).await;
            if offers_experts {
                emit(Event::Chunk {
                    content: EXPERT_TEXT.into(),
                });
                emit_offer(false, true, conversation_id, emit);
            }
            Ok(())
        }
        Err(e) => {
            tracing::warn!(error = %e, agent = agent.id, "built-in answer failed");
            say(
                emit,
                &format!("I could not read the data for this question ({e})."),
            );
            Ok(())
        }
    }
}

/// Decline unless every word of the question is understood and fits the dataset.
fn closed_world(
    q: &understand::Question,
    fits: fn(&understand::Word) -> bool,
) -> Result<(), decline::Decline> {
    let d = decline::unmatched(q, fits);
    if d.is_empty() { Ok(()) } else { Err(d) }
}

fn supported(
    q: &understand::Question,
    ops: &[understand::Op],
    what: &str,
) -> Result<(), decline::Decline> {
    let mut asked = q.all(|w| match w {
        understand::Word::Op(o) => Some(*o),
        _ => None,
    });
    // "% change", "fallen, in %": a percentage with a change is the change's %, not a share;
    // "EU vs China, and the premium in %": with a comparison, the comparison's.
    if asked.iter().any(|o| {
        matches!(
            o,
            understand::Op::Change | understand::Op::Cagr | understand::Op::Compare
        )
    }) {
        asked.retain(|o| *o != understand::Op::Share);
    }
    match asked.iter().find(|o| !ops.contains(o)) {
        None => Ok(()),
        Some(o) => Err(decline::Decline::because(format!(
            "For {what} I can give the latest figure, the figure of a given period, a trend or a comparison, \
             but not {} yet, so I will not guess one.",
            op_name(*o)
        ))),
    }
}

/// How a price or financial question was read: its names, operations and period.
/// (`named`: the names the dataset answered uses, so a price question's "modules" is not read
/// back as a manufacturer's module shipments.)
fn read_back(named: &[&Vec<String>], ask: &Ask, q: &understand::Question) -> String {
    let mut parts: Vec<String> = Vec::new();
    for names in named {
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
    }
    parts.extend(op_labels(q.all(|w| match w {
        understand::Word::Op(o) => Some(*o),
        _ => None,
    })));
    // ("on 5 February 2025", "3 April 2024 → 26 March 2025": the days as named.)
    let days: Vec<String> = q
        .dates()
        .into_iter()
        .filter_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
        .map(|d| d.format("%-d %B %Y").to_string())
        .collect();
    if !days.is_empty() {
        parts.push(days.join(" → "));
    } else if let Some(span) = span_label(ask.years) {
        parts.push(span);
    }
    parts.join(" · ")
}

/// The operations as the read-back line names them, each once.
pub(super) fn op_labels(ops: impl IntoIterator<Item = understand::Op>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in ops {
        let label = op_label(o);
        if !out.iter().any(|l| l == label) {
            out.push(label.to_string());
        }
    }
    out
}

/// An operation as the read-back line names it.
fn op_label(o: understand::Op) -> &'static str {
    use understand::Op;
    match o {
        Op::Top => "the highest",
        Op::Rank => "a ranking",
        Op::Bottom => "the lowest",
        Op::Share => "share in %",
        Op::Change => "change",
        Op::Cagr => "CAGR",
        Op::Compare => "comparison",
        Op::Min => "minimum",
        Op::Max => "maximum",
        Op::Average => "average",
        Op::Sum => "sum",
        Op::Latest => "latest",
        Op::First => "first",
        Op::Trend => "trend",
        Op::Forecast => "forecast",
        Op::Chart => "chart",
        Op::Distribution => "distribution",
        Op::Above => "reaching a level",
        Op::Below => "falling to a level",
    }
}

/// "2023", "2023 → 2024", "from 2020", "up to 2024"; None when no year was named.
pub(super) fn span_label(span: Option<(Option<i32>, Option<i32>)>) -> Option<String> {
    match span? {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a} → {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, Some(b)) => Some(format!("up to {b}")),
        (None, None) => None,
    }
}

fn op_name(o: understand::Op) -> &'static str {
    use understand::Op;
    match o {
        Op::Top | Op::Rank => "a ranking",
        Op::Bottom => "the lowest-ranked",
        Op::Share => "a share",
        Op::Change => "a change between periods",
        Op::Cagr => "a growth rate",
        Op::Min => "a minimum",
        Op::Max => "a maximum",
        Op::Average => "an average",
        Op::Sum => "a sum",
        Op::First => "the first figure",
        Op::Forecast => "a forecast",
        Op::Above | Op::Below => "the period a level was reached",
        _ => "that operation",
    }
}

/// A ratio as "2.4 times" (two decimals below 10).
/// A change in %, signed, with one decimal, or two below 1 % ("+0.44%", not "+0.4%": a small
/// growth rate rounded to one decimal is off by a tenth of itself).
fn signed_pct(p: f64) -> String {
    if p.abs() < 1.0 && p != 0.0 {
        format!("{p:+.2}%")
    } else {
        format!("{p:+.1}%")
    }
}

fn times(r: f64) -> String {
    if r.abs() < 10.0 {
        format!("{r:.2} times")
    } else {
        format!("{r:.1} times")
    }
}

/// "Helios is 25.43 times Nordlicht": the larger of two positive figures of dataset `D` against
/// the smaller, as the tools compute a comparison ([`crate::tools::analytic`]). None when either
/// is not above zero.
fn ratio_text<D: crate::tools::analytic::Dataset>(
    a: (&str, f64),
    b: (&str, f64),
    unit: &str,
) -> Option<String> {
    use crate::tools::analytic::{self, Ask, Operation, Point, Series};
    if a.1 <= 0.0 || b.1 <= 0.0 {
        return None;
    }
    let (hi, lo) = if a.1 >= b.1 { (a, b) } else { (b, a) };
    let series = |(name, v): (&str, f64)| {
        Series::new(
            name,
            vec![Point {
                period: String::new(),
                t: 0.0,
                value: v,
                label: String::new(),
            }],
        )
    };
    let c = analytic::compute::<D>(
        Operation::Compare,
        &[series(hi), series(lo)],
        unit,
        &Ask::default(),
    )
    .ok()?;
    let r = c.get(hi.0, "ratio")?;
    Some(format!("{} is {} {}", hi.0, times(r.value), lo.0))
}

fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!(
        "| {} |\n|{}|\n",
        header.join(" | "),
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for r in rows {
        s.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    s
}

fn mw(v: f64) -> String {
    if v.abs() >= 1000.0 {
        format!("{} MW ({:.1} GW)", fmt_thousands(v, 0), v / 1000.0)
    } else {
        format!("{} MW", mw_number(v))
    }
}

/// A figure in MW as precise as it is small: "0.05" (not "0.1"), "1.8", "46", "1,500".
fn mw_number(v: f64) -> String {
    if v.abs() >= 10.0 {
        fmt_thousands(v, 0)
    } else if v.abs() >= 1.0 {
        fmt_thousands(v, 1)
    } else {
        let s = fmt_thousands(v, 3);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    }
}

/// The source file of the figures (plain text: the React app draws inline code as a block).
fn source_line(name: &str, is_sample: bool) -> String {
    if is_sample {
        format!("\n\nSource: {name}.\n\n{NOTICE}")
    } else {
        format!("\n\nSource: {name}.")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Emit a chart. One too large to send even thinned is said instead; the answer above stands.
fn show_chart(
    emit: Emit<'_>,
    chart: Result<Option<serde_json::Value>, ToolError>,
) -> Result<(), ToolError> {
    match chart {
        Ok(Some(plot)) => emit(Event::Plot { content: plot }),
        Ok(None) => {}
        Err(ToolError::PlotTooLarge(why)) => say(emit, &format!("\n\n*No chart is shown: {why}.*")),
        Err(e) => return Err(e),
    }
    Ok(())
}

const EXPERT_TEXT: &str = "\n\n## How Our Experts Can Help\n\nOur analysts can prepare a tailored analysis, a custom \
report or a consultation, and reply within 24-48 hours. Would you like to be connected?";

/// The `approval_request` of streaming.md §7.3, after its status note.
pub fn emit_offer(user_asked: bool, text_streamed: bool, conversation_id: i64, emit: Emit<'_>) {
    emit(Event::Status {
        message: if user_asked {
            "Connecting you with expert options..."
        } else {
            "Preparing alternative response..."
        }
        .into(),
    });
    let (message, question) = if user_asked || !text_streamed {
        (
            "Would you like to connect with one of our experts?".to_string(),
            None,
        )
    } else {
        (
            String::new(),
            Some("Would you like to proceed and reach the expert?".to_string()),
        )
    };
    emit(Event::approval(message, question, conversation_id));
}

/// "Copper price in January 2024?", "and a year later?": a year counted from the previous
/// question's one year becomes that year, with the previous question's month, quarter or half
/// when the question names none. Left as it is (and declined) when the previous question named
/// no year or several.
fn shift_years(q: &mut understand::Question, previous: &understand::Question) {
    use understand::Word;
    let shifts = q.all(|w| match w {
        Word::Shift(d) => Some(*d),
        _ => None,
    });
    let years = previous.years();
    let (&[d], &[y]) = (shifts.as_slice(), years.as_slice()) else {
        return;
    };
    for s in q.spans.iter_mut() {
        if s.has(|w| matches!(w, Word::Shift(_))) {
            s.meanings = vec![Word::Year(y + d)];
        }
    }
    let part = |w: &Word| matches!(w, Word::Month(_) | Word::Quarter(_) | Word::Half(_));
    if !q.has(part) {
        q.spans
            .extend(previous.spans.iter().filter(|s| s.has(part)).cloned());
    }
}

/// A question that asks for an operation on figures (a change, a growth rate, a comparison, a
/// share, a chart) but names nothing to compute it on: no territory, item, technology, company
/// or metric (to a price agent a place names no series: "what's the EU premium over China in
/// %?"), and no ranking, which names its own subject (all the countries).
fn leans_back(q: &understand::Question, prices: bool) -> bool {
    use understand::{Op, Word};
    let subject = q.has(|w| {
        matches!(w, Word::Territory(_) | Word::Country if !prices)
            || matches!(
                w,
                Word::Item(_)
                    | Word::Description(_)
                    | Word::Tech(_)
                    | Word::Company(_)
                    | Word::Metric(_)
                    | Word::NotHeld(_)
                    | Word::Op(Op::Top | Op::Bottom | Op::Rank)
            )
    });
    !subject
        && q.has(|w| {
            matches!(
                w,
                Word::Op(Op::Change | Op::Cagr | Op::Compare | Op::Share | Op::Chart | Op::Trend)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::names::Names;

    pub(super) fn vocab() -> Vocabularies {
        Vocabularies {
            territories: Names::new(
                crate::tools::names::Vocab::Territory,
                ["Italy", "Spain", "Germany", "World"]
                    .map(String::from)
                    .to_vec(),
            ),
            prices: prices::Vocabulary {
                items: Names::default(),
                regions: Names::default(),
                descriptions: vec![],
            },
            financials: financials::Vocabulary {
                companies: Names::default(),
                metrics: Names::default(),
            },
            market_years: Some((2024, 2030)),
        }
    }

    pub(super) fn read(text: &str) -> understand::Question {
        understand::understand(text, &understand::Lexicon::new(&vocab()))
    }

    #[test]
    fn questions_become_filters() {
        let v = vocab();
        let a = market::read(
            &read("What was Italy's cumulative capacity in 2022?"),
            None,
            &v,
        )
        .unwrap();
        assert_eq!(a.territories, vec!["Italy"]);
        assert_eq!(a.span, Some((Some(2022), Some(2022))));
        assert_eq!(a.kind, Some("Cumulative"));
        let a = market::read(
            &read("Show the trend of installations in Germany from 2015 to 2024 by connection"),
            None,
            &v,
        )
        .unwrap();
        assert_eq!(a.span, Some((Some(2015), Some(2024))));
        assert!(a.ops.contains(&understand::Op::Trend) && a.by_connection);
        let a = market::read(&read("Spain forecast 2030 high scenario"), None, &v).unwrap();
        assert_eq!(a.scenarios, vec!["Forecast - High"]);
        assert!(a.ops.contains(&understand::Op::Forecast));
    }

    #[test]
    fn follow_ups_reuse_the_previous_filters() {
        let v = vocab();
        assert!(is_follow_up("and Spain?"));
        let prev = read("Cumulative capacity of Italy in 2022");
        let a = market::read(&read("and Spain?"), Some(&prev), &v).unwrap();
        assert_eq!(a.territories, vec!["Spain"]);
        assert_eq!(a.span, Some((Some(2022), Some(2022))));
        assert_eq!(a.kind, Some("Cumulative"));
        assert!(!is_follow_up(
            "What was the annual installed capacity of Germany in 2020 in total?"
        ));
        // a follow-up of a question the closed world refused inherits nothing
        let refused = read("solar thermal in Italy in 2022");
        let a = market::read(&read("and Spain?"), Some(&refused), &v).unwrap();
        assert_eq!(a.span, None);
    }

    #[test]
    fn a_ranking_within_a_region_is_asked_again_within_another() {
        let v = vocab();
        let prev = read("Top 3 African countries by cumulative installed PV at end 2024?");
        let a = market::read(&read("same for South America"), Some(&prev), &v).unwrap();
        assert!(a.ops.contains(&understand::Op::Rank), "{a:?}");
        assert_eq!(a.count, Some(3));
        assert_eq!(a.span, Some((Some(2024), Some(2024))));
        // A country after a ranking is that country's figure.
        let a = market::read(&read("and Spain?"), Some(&prev), &v).unwrap();
        assert!(!a.ops.contains(&understand::Op::Rank), "{a:?}");
    }

    #[test]
    fn installed_the_most_in_a_year_the_part_of_a_whole_and_the_year_of_the_biggest_change() {
        let v = vocab();
        let kind = |text: &str| market::read(&read(text), None, &v).unwrap().kind;
        assert_eq!(
            kind(
                "Which 3 countries installed the most ground-mounted (centralised) capacity in 2023?"
            ),
            Some("Annual")
        );
        assert_eq!(
            kind("Which three countries will have the largest installed PV capacity in 2030?"),
            Some("Cumulative")
        );
        assert_eq!(
            kind("Which country had the largest installed PV base in 2024?"),
            Some("Cumulative")
        );
        // "what share of that was Germany?" after the World's figure: Germany's part of it.
        let prev = read("What were global distributed PV additions in 2024?");
        let a = market::read(&read("what share of that was Germany?"), Some(&prev), &v).unwrap();
        assert_eq!(a.territories, vec!["Germany", "World"]);
        // The year of the biggest change is not the change over the span.
        let d = market::read(
            &read("World additions 2015-2024: which year had the highest YoY growth in %?"),
            None,
            &v,
        )
        .unwrap_err();
        assert!(
            d.text().contains("not which year grew or fell the most"),
            "{d:?}"
        );
    }
}

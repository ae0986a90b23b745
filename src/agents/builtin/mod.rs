//! The built-in offline provider (decision B1, agents.md): no language model. It reads the
//! question, recognises the data's own vocabulary (territories, years, scenarios, connections,
//! items, technologies, regions, companies, metrics) and intent words (chart, trend, compare,
//! latest, share), calls the same tools as a model would, and writes a short Markdown answer with
//! the figures and a table, streamed in chunks. A follow-up ("and Spain?") reuses the filters of
//! the previous question. When the data cannot answer, it says what it can answer, with examples
//! built from the loaded data; the market agent then offers a human expert.

mod decline;
mod market;
mod understand;
mod words;

use super::{AgentDef, AgentError};
use crate::app::AppState;
use crate::chat::events::Event;
use crate::data::sample::NOTICE;
use crate::llm::{ChatMessage, Role};
use crate::tools::documents::{self, SearchArgs};
use crate::tools::financials::{self, FinArgs, Financials};
use crate::tools::names::norm;
use crate::tools::prices::{self, PriceArgs, Prices};
use crate::tools::{DataTool, ToolError, fmt_thousands};

type Emit<'a> = &'a mut (dyn FnMut(Event) + Send);

/// Words that mean "let me talk to a person".
const HUMAN_WORDS: [&str; 6] = [
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
struct Ask {
    territories: Vec<String>,
    years: Option<(Option<i32>, Option<i32>)>,
    scenarios: Option<Vec<&'static str>>,
    connections: Option<Vec<&'static str>>,
    kind: Option<&'static str>,
    items: Vec<String>,
    regions: Vec<String>,
    techs: Vec<String>,
    companies: Vec<String>,
    metrics: Vec<String>,
    period_kind: Option<&'static str>,
    chart: bool,
    trend: bool,
    compare: bool,
    share: bool,
    forecast: bool,
    distribution: bool,
}

fn has_any(text: &str, words: &[&str]) -> bool {
    let t = format!(" {} ", norm(text));
    words.iter().any(|w| {
        t.contains(&format!(" {w} "))
            || (w.ends_with('*') && t.contains(&format!(" {}", &w[..w.len() - 1])))
    })
}

fn years_in(text: &str) -> Option<(Option<i32>, Option<i32>)> {
    let n = norm(text);
    let ys: Vec<i32> = n
        .split(' ')
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    let since = has_any(text, &["since", "from", "after", "dal", "dopo"]);
    match ys.as_slice() {
        [] => None,
        [y] if since => Some((Some(*y), None)),
        [y] if has_any(text, &["until", "before", "up to", "through", "fino"]) => {
            Some((None, Some(*y)))
        }
        [y] => Some((Some(*y), Some(*y))),
        many => Some((many.iter().min().copied(), many.iter().max().copied())),
    }
}

/// Is this a follow-up that leans on the previous question?
fn is_follow_up(text: &str) -> bool {
    let n = norm(text);
    let words = n.split(' ').filter(|w| !w.is_empty()).count();
    words <= 6
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
        .any(|p| n.starts_with(p))
}

use crate::tools::vocab::{self, Vocabulary as Vocabularies};

fn parse(text: &str, v: &Vocabularies) -> Ask {
    let mut a = Ask {
        territories: v.territories.find_in(text),
        years: years_in(text),
        ..Ask::default()
    };
    let t = text;
    if has_any(
        t,
        &[
            "high scenario",
            "optimistic",
            "high case",
            "high forecast",
            "scenario high",
        ],
    ) {
        a.scenarios = Some(vec!["Forecast - High"]);
    } else if has_any(
        t,
        &[
            "low scenario",
            "pessimistic",
            "low case",
            "low forecast",
            "scenario low",
        ],
    ) {
        a.scenarios = Some(vec!["Forecast - Low"]);
    } else if has_any(
        t,
        &[
            "scenarios",
            "all scenarios",
            "each scenario",
            "every scenario",
        ],
    ) {
        a.scenarios = Some(vec![
            "Forecast - High",
            "Forecast - Most probable",
            "Forecast - Low",
        ]);
    } else if has_any(t, &["most probable", "base case", "baseline"]) {
        a.scenarios = Some(vec!["Forecast - Most probable"]);
    } else if has_any(t, &["historical", "history", "actual", "storico"]) {
        a.scenarios = Some(vec!["Historical Primary"]);
    }
    a.forecast = has_any(
        t,
        &[
            "forecast",
            "forecasts",
            "outlook",
            "projection",
            "projections",
            "future",
            "expected",
            "previsione",
            "previsioni",
        ],
    );
    if has_any(
        t,
        &[
            "by connection",
            "by segment",
            "split",
            "breakdown",
            "composition",
            "segments",
            "connection types",
            "per segment",
        ],
    ) {
        a.connections = Some(vec!["Centralised", "Distributed", "Off-grid"]);
    } else {
        let mut c = Vec::new();
        if has_any(
            t,
            &[
                "centralised",
                "centralized",
                "utility scale",
                "utility",
                "ground mounted",
                "large scale",
            ],
        ) {
            c.push("Centralised");
        }
        if has_any(
            t,
            &["distributed", "rooftop", "residential", "commercial", "c i"],
        ) {
            c.push("Distributed");
        }
        if has_any(t, &["off grid", "offgrid"]) {
            c.push("Off-grid");
        }
        if !c.is_empty() {
            a.connections = Some(c);
        }
    }
    if has_any(
        t,
        &[
            "cumulative",
            "cumulated",
            "installed base",
            "total installed",
            "to date",
            "fleet",
            "cumulativa",
            "cumulato",
        ],
    ) {
        a.kind = Some("Cumulative");
    } else if has_any(
        t,
        &[
            "annual",
            "additions",
            "added",
            "new capacity",
            "per year",
            "yearly",
            "annuale",
        ],
    ) {
        a.kind = Some("Annual");
    }
    a.chart = has_any(
        t,
        &[
            "chart",
            "plot",
            "graph",
            "visualize",
            "visualise",
            "draw",
            "grafico",
            "diagram",
        ],
    );
    a.trend = has_any(
        t,
        &[
            "trend",
            "trends",
            "evolution",
            "over time",
            "growth",
            "grow",
            "development",
            "history",
            "since",
            "andamento",
            "evolved",
            "changed",
        ],
    );
    a.compare = has_any(
        t,
        &[
            "compare",
            "comparison",
            "versus",
            "vs",
            "against",
            "confronta",
            "confronto",
        ],
    );
    a.share = has_any(t, &["share", "shares", "percentage", "proportion", "quota"]);
    a.distribution = has_any(t, &["distribution", "spread", "range", "box"]);
    {
        let p = &v.prices;
        a.items = p.items.find_in(t);
        a.regions = p.regions.find_in(t);
        a.techs = tech_words(t, &p.descriptions);
    }
    {
        let f = &v.financials;
        a.companies = f.companies.find_in(t);
        a.metrics = f.metrics.find_in(t);
        for (words, metric) in [
            (
                &["revenue", "revenues", "sales", "turnover", "fatturato"][..],
                "Revenue",
            ),
            (
                &["margin", "margins", "gross margin", "margine"][..],
                "Gross margin",
            ),
            (
                &[
                    "net income",
                    "profit",
                    "profits",
                    "loss",
                    "losses",
                    "earnings",
                    "utile",
                ][..],
                "Net income",
            ),
            (
                &["shipments", "shipped", "shipment"][..],
                "Module shipments",
            ),
            (
                &["capacity", "production capacity", "manufacturing capacity"][..],
                "Production capacity",
            ),
        ] {
            if has_any(t, words)
                && let Some(m) = f.metrics.resolve(metric)
                && !a.metrics.contains(&m)
            {
                a.metrics.push(m);
            }
        }
        a.period_kind = if has_any(t, &["quarter", "quarterly", "quarters", "trimestre"]) {
            Some("Q")
        } else if has_any(t, &["annual", "full year", "yearly", "fy"]) {
            Some("FY")
        } else {
            None
        };
    }
    a
}

/// Technology words of a question that occur in the price descriptions ("TOPCon", "HJT",
/// "PERC M10").
fn tech_words(text: &str, descriptions: &[String]) -> Vec<String> {
    const GENERIC: [&str; 12] = [
        "type", "mono", "si", "n", "p", "the", "in", "of", "price", "prices", "module", "cell",
    ];
    let words: Vec<String> = descriptions
        .iter()
        .flat_map(|d| norm(d).split(' ').map(String::from).collect::<Vec<_>>())
        .collect();
    let mut out = Vec::new();
    // Each distinctive word of the question that is a word of some description ("topcon",
    // "hjt", "m10"); generic ones ("type", "mono") would match almost everything.
    for w in norm(text).split(' ').map(String::from) {
        if GENERIC.contains(&w.as_str()) || w.len() < 2 || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if words.iter().any(|d| *d == w) && !out.contains(&w) {
            out.push(w);
        }
    }
    if has_any(text, &["heterojunction"])
        && words.iter().any(|d| d == "hjt")
        && !out.iter().any(|o| o == "hjt")
    {
        out.push("hjt".into());
    }
    out
}

/// Fill what the follow-up leaves open from the question before it.
fn inherit(mut a: Ask, prev: &Ask) -> Ask {
    if a.territories.is_empty() {
        a.territories = prev.territories.clone();
    }
    if a.years.is_none() {
        a.years = prev.years;
    }
    if a.scenarios.is_none() {
        a.scenarios = prev.scenarios.clone();
    }
    if a.connections.is_none() {
        a.connections = prev.connections.clone();
    }
    if a.kind.is_none() {
        a.kind = prev.kind;
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

/// Stream Markdown line by line.
fn say(emit: Emit<'_>, text: &str) {
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        buf.push_str(line);
        if buf.len() >= 80 {
            emit(Event::Chunk(std::mem::take(&mut buf)));
        }
    }
    if !buf.is_empty() {
        emit(Event::Chunk(buf));
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
    state: &AppState,
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
        emit(Event::Chunk(EXPERT_TEXT.into()));
        emit_offer(true, true, conversation_id, emit);
        return Ok(());
    }
    emit(Event::Status("Analyzing data...".into()));
    let vocab = match vocab::get(&state.db, &state.vocab).await {
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
    let current = parse(user_text, &vocab);
    // The previous user question, for follow-ups.
    let prev_text = history
        .iter()
        .rev()
        .find(|m| m.role == Role::User)
        .and_then(|m| m.content.clone());
    let ask = match &prev_text {
        Some(p) if is_follow_up(user_text) => inherit(current, &parse(p, &vocab)),
        _ => current,
    };
    let domain = match agent.id {
        "market" => Domain::Market,
        "price" => Domain::Prices,
        "manufacturer_financial" => Domain::Financials,
        "nzia_market_impact" => {
            if !ask.territories.is_empty() && has_market_words(user_text, prev_text.as_deref()) {
                Domain::Market
            } else {
                Domain::Documents
            }
        }
        "weaviate" => classify(user_text, prev_text.as_deref(), &ask),
        _ => Domain::Documents,
    };
    // The closed world (issue 11): every word of a dataset question must be understood.
    let lex = understand::Lexicon::new(&vocab);
    let question = understand::understand(user_text, &lex);
    let previous = prev_text
        .as_deref()
        .filter(|_| is_follow_up(user_text))
        .map(|p| understand::understand(p, &lex));
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
    let result = match domain {
        Domain::Market => match market::read(&question, previous.as_ref(), &vocab) {
            Ok(a) => market::answer(state, &a, &vocab, emit).await,
            Err(d) => declined(emit, &d),
        },
        Domain::Prices => match closed_world(&question, previous.as_ref(), fits_prices)
            .and_then(|()| supported(&question, PRICE_OPS, "prices"))
        {
            Ok(()) => price_answer(state, &ask, &question, &vocab, emit).await,
            Err(d) => declined(emit, &d),
        },
        Domain::Financials => match closed_world(&question, previous.as_ref(), fits_financials)
            .and_then(|()| supported(&question, FIN_OPS, "manufacturer figures"))
        {
            Ok(()) => fin_answer(state, &ask, &question, &vocab, emit).await,
            Err(d) => declined(emit, &d),
        },
        Domain::Documents => doc_answer(state, agent.id, user_text, emit).await,
    };
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
            cannot_answer(state, agent, domain, &vocab, emit).await;
            if offers_experts {
                emit(Event::Chunk(EXPERT_TEXT.into()));
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

/// Decline unless every word of the question (and of the question a follow-up leans on) is
/// understood and fits the dataset.
fn closed_world(
    q: &understand::Question,
    prev: Option<&understand::Question>,
    fits: fn(&understand::Word) -> bool,
) -> Result<(), decline::Decline> {
    let d = decline::unmatched(q, fits);
    if !d.is_empty() {
        return Err(d);
    }
    let _ = prev;
    Ok(())
}

/// The operations the price and financial answers compute; any other one declines rather than
/// answering a different question (the latest price for "the lowest price", say).
const PRICE_OPS: &[understand::Op] = &[
    understand::Op::Latest,
    understand::Op::First,
    understand::Op::Trend,
    understand::Op::Compare,
    understand::Op::Chart,
    understand::Op::Distribution,
    understand::Op::Average,
    understand::Op::Min,
    understand::Op::Max,
    understand::Op::Top,
    understand::Op::Bottom,
];
const FIN_OPS: &[understand::Op] = &[
    understand::Op::Latest,
    understand::Op::Trend,
    understand::Op::Compare,
    understand::Op::Chart,
];

fn supported(
    q: &understand::Question,
    ops: &[understand::Op],
    what: &str,
) -> Result<(), decline::Decline> {
    let asked = q.all(|w| match w {
        understand::Word::Op(o) => Some(*o),
        _ => None,
    });
    match asked.iter().find(|o| !ops.contains(o)) {
        None => Ok(()),
        Some(o) => Err(decline::Decline::because(format!(
            "For {what} I can give the latest figure, the figure of a given period, a trend or a comparison, \
             but not {} yet, so I will not guess one.",
            op_name(*o)
        ))),
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
        _ => "that operation",
    }
}

fn fits_prices(w: &understand::Word) -> bool {
    use understand::{Topic, Word};
    matches!(
        w,
        Word::Item(_)
            | Word::Region(_)
            | Word::Description(_)
            | Word::Tech(_)
            | Word::Topic(Topic::Prices)
            | Word::Op(_)
            | Word::Year(_)
            | Word::Month(_)
            | Word::Count(_)
    )
}

fn fits_financials(w: &understand::Word) -> bool {
    use understand::{Topic, Word};
    matches!(
        w,
        Word::Company(_)
            | Word::Metric(_)
            | Word::Topic(Topic::Financials)
            | Word::Op(_)
            | Word::Year(_)
            | Word::Quarter(_)
            | Word::Half(_)
            | Word::FullYear
            | Word::Count(_)
    )
}

fn has_market_words(text: &str, prev: Option<&str>) -> bool {
    let words = [
        "capacity",
        "installed",
        "installations",
        "installation",
        "mw",
        "gw",
        "market",
        "forecast",
        "forecasts",
        "additions",
        "deployment",
        "pv market",
        "capacita",
        "installazioni",
    ];
    has_any(text, &words) || (is_follow_up(text) && prev.is_some_and(|p| has_any(p, &words)))
}

fn classify(text: &str, prev: Option<&str>, ask: &Ask) -> Domain {
    let of = |t: &str| -> Option<Domain> {
        if has_any(
            t,
            &["price", "prices", "cost", "costs", "wp", "prezzo", "prezzi"],
        ) {
            Some(Domain::Prices)
        } else if has_any(
            t,
            &[
                "revenue",
                "margin",
                "margins",
                "net income",
                "shipments",
                "profit",
                "financial",
                "financials",
                "earnings",
            ],
        ) {
            Some(Domain::Financials)
        } else if has_any(
            t,
            &[
                "capacity",
                "installed",
                "installations",
                "mw",
                "gw",
                "forecast",
                "market size",
                "additions",
            ],
        ) {
            Some(Domain::Market)
        } else {
            None
        }
    };
    if let Some(d) = of(text) {
        return d;
    }
    if !ask.companies.is_empty() {
        return Domain::Financials;
    }
    if is_follow_up(text)
        && let Some(d) = prev.and_then(of)
    {
        return d;
    }
    Domain::Documents
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
        format!(
            "{} MW",
            fmt_thousands(v, if v.abs() < 10.0 { 1 } else { 0 })
        )
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
        Ok(Some(plot)) => emit(Event::Plot(plot)),
        Ok(None) => {}
        Err(ToolError::PlotTooLarge(why)) => say(emit, &format!("\n\n*No chart is shown: {why}.*")),
        Err(e) => return Err(e),
    }
    Ok(())
}

async fn price_answer(
    state: &AppState,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    if ask.items.is_empty() && ask.techs.is_empty() {
        return Ok(false);
    }
    let months = question.all(|w| match w {
        understand::Word::Month(m) => Some(*m),
        _ => None,
    });
    // The technologies as understood ("p-type", "TOPCon", a whole description); the legacy
    // keyword reading took any word of a description ("average") for one.
    let understood = question.technologies();
    let ask = &Ask {
        techs: understood,
        ..ask.clone()
    };
    if !months.is_empty() {
        return price_in_month(state, ask, question, &months, vocab, emit).await;
    }
    use understand::Op;
    let extreme = if question.has(|w| matches!(w, understand::Word::Op(Op::Min | Op::Bottom))) {
        Some(false)
    } else if question.has(|w| matches!(w, understand::Word::Op(Op::Max | Op::Top))) {
        Some(true)
    } else {
        None
    };
    let average = question.has(|w| *w == understand::Word::Op(Op::Average));
    let (start, end) = ask.years.unwrap_or((None, None));
    let args = PriceArgs {
        item: ask.items.clone(),
        technology: ask.techs.clone(),
        region: ask.regions.clone(),
        start_year: start,
        end_year: end,
        plot_type: if ask.distribution {
            Some("box".into())
        } else if ask.compare && !ask.trend {
            Some("bar".into())
        } else {
            None
        },
        ..PriceArgs::default()
    };
    let f = prices::resolve(&args, &vocab.prices)?;
    let Some(res) = Prices::query(&state.tool_context(), &f).await? else {
        say(
            emit,
            "The price data has no observations for these filters.\n\n",
        );
        return Ok(false);
    };
    let mut text = String::new();
    if extreme.is_some() || average {
        // The lowest, highest or average price of each series over the period asked.
        let rows: Vec<Vec<String>> = res
            .series
            .iter()
            .take(25)
            .map(|s| {
                let (first, last) = (s.first().0, s.latest().0);
                let figure = match extreme {
                    Some(high) => {
                        let (d, v) = s
                            .points
                            .iter()
                            .copied()
                            .reduce(|a, b| {
                                if (high && b.1 > a.1) || (!high && b.1 < a.1) {
                                    b
                                } else {
                                    a
                                }
                            })
                            .expect("a series has points");
                        format!("{v:.3} ({d})")
                    }
                    None => format!("{:.3}", s.average()),
                };
                vec![
                    s.name(),
                    s.unit.clone(),
                    figure,
                    format!("{first} to {last}"),
                ]
            })
            .collect();
        let what = match extreme {
            Some(true) => "Highest",
            Some(false) => "Lowest",
            None => "Average",
        };
        if let ([row], [s]) = (rows.as_slice(), res.series.as_slice()) {
            text.push_str(&format!(
                "{what} price of **{}** over {}: **{} {}**{}.",
                s.name(),
                row[3],
                row[2].split(' ').next().unwrap_or(""),
                s.unit,
                row[2]
                    .split_once(' ')
                    .map(|(_, d)| format!(" on {}", d.trim_matches(['(', ')'])))
                    .unwrap_or_default()
            ));
        } else {
            text.push_str(&format!("{what} prices (each row in its own unit):\n\n"));
            text.push_str(&table(&["Series", "Unit", what, "Period"], &rows));
        }
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    if res.series.len() == 1 {
        let s = &res.series[0];
        let (ld, lv) = s.latest();
        let (fd, fv) = s.first();
        text.push_str(&format!(
            "The latest price of **{}** is **{lv:.3} {}** ({ld}).",
            s.name(),
            s.unit
        ));
        if fd != ld {
            text.push_str(&format!(
                " Over {fd} to {ld} it averaged {:.3} {} and moved from {fv:.3} to {lv:.3} ({:+.1}%).",
                s.average(),
                s.unit,
                if fv > 0.0 { (lv / fv - 1.0) * 100.0 } else { 0.0 }
            ));
        }
    } else {
        text.push_str("Component prices (each row in its own unit):\n\n");
        let rows: Vec<Vec<String>> = res
            .series
            .iter()
            .take(25)
            .map(|s| {
                let (ld, lv) = s.latest();
                let (_, fv) = s.first();
                vec![
                    s.name(),
                    s.unit.clone(),
                    format!("{lv:.3} ({ld})"),
                    format!("{:.3}", s.average()),
                    if fv > 0.0 {
                        format!("{:+.1}%", (lv / fv - 1.0) * 100.0)
                    } else {
                        "–".into()
                    },
                ]
            })
            .collect();
        text.push_str(&table(
            &["Series", "Unit", "Latest", "Average", "Change"],
            &rows,
        ));
        if res.series.len() > 25 {
            text.push_str(&format!(
                "\n{} more series match; narrow the item, technology or region.",
                res.series.len() - 25
            ));
        }
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    if ask.chart || ask.trend || ask.compare || ask.distribution {
        // Never mix units: chart the first unit's series when several items were asked for.
        let mut res = res;
        let units = prices::units(&res);
        if units.len() > 1 {
            res.series.retain(|s| s.unit == units[0]);
            say(
                emit,
                &format!(
                    "\n\nThe chart shows the {} series only: one unit per chart.",
                    units[0]
                ),
            );
        }
        show_chart(emit, prices::chart(&res, &args))?;
    }
    Ok(true)
}

/// A price in a month: per series, the observation nearest the middle of the month, with the
/// date it is from (none more than 45 days away).
async fn price_in_month(
    state: &AppState,
    ask: &Ask,
    question: &understand::Question,
    months: &[u32],
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let years = question.years();
    let ([month], [year]) = (months, years.as_slice()) else {
        return Err(ToolError::Arguments(
            "a price at a date needs one month and its year, e.g. March 2024".into(),
        ));
    };
    let Some(target) = chrono::NaiveDate::from_ymd_opt(*year, *month, 15) else {
        return Err(ToolError::Arguments("that month does not exist".into()));
    };
    let args = PriceArgs {
        item: ask.items.clone(),
        technology: ask.techs.clone(),
        region: ask.regions.clone(),
        ..PriceArgs::default()
    };
    let f = prices::resolve(&args, &vocab.prices)?;
    let Some(res) = Prices::query(&state.tool_context(), &f).await? else {
        return Ok(false);
    };
    let label = target.format("%B %Y").to_string();
    let mut found = Vec::new();
    for s in &res.series {
        if let Some((d, v)) = s.nearest(target)
            && (d - target).num_days().abs() <= 45
        {
            found.push((s, d, v));
        }
    }
    if found.is_empty() {
        say(
            emit,
            &format!(
                "The price data has no observation near {label} for these filters ({}).",
                res.series
                    .iter()
                    .take(3)
                    .map(|s| format!("{} runs {} to {}", s.name(), s.first().0, s.latest().0))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
        return Ok(true);
    }
    let mut text = String::new();
    if let [(s, d, v)] = found.as_slice() {
        text.push_str(&format!(
            "The price of **{}** in {label} was **{v:.3} {}** (the observation of {d}).",
            s.name(),
            s.unit
        ));
    } else {
        text.push_str(&format!(
            "Component prices in {label} (each in its own unit; the nearest observation):\n\n"
        ));
        let rows: Vec<Vec<String>> = found
            .iter()
            .take(25)
            .map(|(s, d, v)| vec![s.name(), s.unit.clone(), format!("{v:.3}"), d.to_string()])
            .collect();
        text.push_str(&table(&["Series", "Unit", "Price", "Observed"], &rows));
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    Ok(true)
}

async fn fin_answer(
    state: &AppState,
    ask: &Ask,
    question: &understand::Question,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    if ask.companies.is_empty() && ask.metrics.is_empty() {
        return Ok(false);
    }
    // A quarter, a half or the full year of one year: that period only.
    let years = question.years();
    let part = question.all(|w| match w {
        understand::Word::Quarter(q) => Some(("Q", *q)),
        understand::Word::Half(h) => Some(("H", *h)),
        understand::Word::FullYear => Some(("FY", 1)),
        _ => None,
    });
    let period = match (part.as_slice(), years.as_slice()) {
        ([], _) => None,
        ([(kind, n)], [y]) => {
            let month = match *kind {
                "Q" => 3 * (n - 1) + 1,
                "H" => 6 * (n - 1) + 1,
                _ => 1,
            };
            Some((*kind, chrono::NaiveDate::from_ymd_opt(*y, month, 1)))
        }
        _ => {
            return Err(ToolError::Arguments(
                "name one period and its year, e.g. Q2 2024, H1 2023 or FY2023".into(),
            ));
        }
    };
    let ask = &Ask {
        period_kind: period.map(|(k, _)| k).or(ask.period_kind),
        ..ask.clone()
    };
    let (start, end) = ask.years.unwrap_or((None, None));
    let args = FinArgs {
        company: ask.companies.clone(),
        metric: ask.metrics.clone(),
        start_year: start,
        end_year: end,
        period_type: ask.period_kind.map(|k| match k {
            "Q" => "quarter".to_string(),
            "H" => "half".to_string(),
            _ => "year".to_string(),
        }),
        plot_type: None,
    };
    let q = financials::resolve(&args, &vocab.financials)?;
    let Some(res) = Financials::query(&state.tool_context(), &q).await? else {
        say(
            emit,
            "The manufacturer data has no figures for these filters.\n\n",
        );
        return Ok(false);
    };
    let latest_only = !(ask.trend || ask.chart || ask.compare) && ask.years.is_none();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut shown = res.rows.clone();
    if let Some((_, start)) = period {
        shown.retain(|r| Some(r.period_start) == start);
        if shown.is_empty() {
            say(
                emit,
                "The manufacturer data has no figures for that period.\n\n",
            );
            return Ok(false);
        }
    }
    if latest_only {
        let last = shown.iter().map(|r| r.period_start).max();
        shown.retain(|r| Some(r.period_start) == last);
    }
    for r in shown.iter().take(40) {
        rows.push(vec![
            r.company.clone(),
            r.period.clone(),
            r.metric.clone(),
            format!("{} {}", fmt_value(r.value), r.unit),
        ]);
    }
    let mut text = String::new();
    if shown.len() == 1 {
        let r = &shown[0];
        text.push_str(&format!(
            "**{}** — {} in {}: **{} {}**.",
            r.company,
            r.metric,
            r.period,
            fmt_value(r.value),
            r.unit
        ));
    } else {
        text.push_str(&table(&["Company", "Period", "Metric", "Value"], &rows));
        if shown.len() > 40 {
            text.push_str(&format!(
                "\n{} more rows match; narrow the company, metric or years.",
                shown.len() - 40
            ));
        }
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    if ask.chart || ask.trend || ask.compare {
        let mut res = res;
        let first_metric = res.rows[0].metric.clone();
        if res.rows.iter().any(|r| r.metric != first_metric) {
            res.rows.retain(|r| r.metric == first_metric);
            say(
                emit,
                &format!("\n\nThe chart shows {first_metric}: one metric per chart."),
            );
        }
        show_chart(emit, financials::chart(&res, &args))?;
    }
    Ok(true)
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        fmt_thousands(v, 0)
    } else {
        format!("{v}")
    }
}

async fn doc_answer(
    state: &AppState,
    agent_id: &str,
    question: &str,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let args = SearchArgs {
        query: question.to_string(),
        limit: Some(10),
        ..SearchArgs::default()
    };
    let res = match documents::search(&state.tool_context().for_agent(agent_id), &args).await {
        Ok(r) => r,
        Err(ToolError::Arguments(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    // Only passages that address the question (issue 11): full-text search ranks any passage
    // with one of the words, and one shared word is not an answer.
    let terms = documents::terms(question);
    let hits: Vec<_> = res
        .hits
        .iter()
        .filter(|h| documents::addresses(&terms, &format!("{} {}", h.title, h.body)))
        .take(3)
        .collect();
    if hits.is_empty() {
        if !res.hits.is_empty() {
            say(
                emit,
                &format!(
                    "No passage in the loaded documents addresses this question: none mentions enough of {}.\n\n",
                    terms
                        .iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        return Ok(false);
    }
    let mut text = String::from("Here are the passages that address your question:\n\n");
    for h in &hits {
        let title = match &h.url {
            Some(u) => format!("[{}]({u})", h.title),
            None => h.title.clone(),
        };
        let date = h
            .published_at
            .map(|d| format!(" — {d}"))
            .unwrap_or_default();
        text.push_str(&format!(
            "**{title}**{date}\n\n> {}\n\n",
            documents::excerpt(&h.body, 400).replace('\n', " ")
        ));
    }
    for n in &res.notes {
        text.push_str(&format!("*{n}*\n\n"));
    }
    if hits.iter().any(|h| h.is_sample) {
        text.push_str(NOTICE);
    }
    say(emit, text.trim_end());
    Ok(true)
}

/// The honest answer when the data cannot answer: what the agent can answer, with examples built
/// from the loaded data.
async fn cannot_answer(
    state: &AppState,
    agent: &AgentDef,
    domain: Domain,
    vocab: &Vocabularies,
    emit: Emit<'_>,
) {
    let (name, capabilities) = crate::domain::agents::catalogue_entry(agent.id)
        .map(|a| (a.display_name, a.capabilities.join(", ")))
        .unwrap_or(("This agent", String::new()));
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
            match t.as_slice() {
                [] => vec![],
                [a, rest @ ..] => {
                    let b = rest.first().copied().unwrap_or(a);
                    vec![
                        format!("Annual installations in {a} in 2023"),
                        format!("Cumulative capacity of {b} from 2015 to 2024 as a chart"),
                        format!("Forecast for {a} in 2030 in the high scenario"),
                        format!("Split by connection type for {b}"),
                    ]
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
            match crate::store::datasets::titles(&state.db, coll, 3).await {
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

const EXPERT_TEXT: &str = "\n\n## How Our Experts Can Help\n\nOur analysts can prepare a tailored analysis, a custom \
report or a consultation, and reply within 24-48 hours. Would you like to be connected?";

/// The `approval_request` of streaming.md §7.3, after its status note.
pub fn emit_offer(user_asked: bool, text_streamed: bool, conversation_id: i64, emit: Emit<'_>) {
    emit(Event::Status(
        if user_asked {
            "Connecting you with expert options..."
        } else {
            "Preparing alternative response..."
        }
        .into(),
    ));
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
    emit(Event::Approval {
        message,
        question,
        conversation_id,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::names::Names;

    fn vocab() -> Vocabularies {
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
            market_years: None,
        }
    }

    #[test]
    fn questions_become_filters() {
        let v = vocab();
        let a = parse("What was Italy's cumulative capacity in 2022?", &v);
        assert_eq!(a.territories, vec!["Italy"]);
        assert_eq!(a.years, Some((Some(2022), Some(2022))));
        assert_eq!(a.kind, Some("Cumulative"));
        let a = parse(
            "Show the trend of installations in Germany from 2015 to 2024 by connection",
            &v,
        );
        assert_eq!(a.years, Some((Some(2015), Some(2024))));
        assert!(a.trend);
        assert_eq!(a.connections.as_ref().map(|c| c.len()), Some(3));
        let a = parse("Spain forecast 2030 high scenario", &v);
        assert_eq!(a.scenarios, Some(vec!["Forecast - High"]));
        assert!(a.forecast);
    }

    #[test]
    fn follow_ups_reuse_the_previous_filters() {
        let v = vocab();
        let prev = parse("Cumulative capacity of Italy in 2022", &v);
        assert!(is_follow_up("and Spain?"));
        let a = inherit(parse("and Spain?", &v), &prev);
        assert_eq!(a.territories, vec!["Spain"]);
        assert_eq!(a.years, Some((Some(2022), Some(2022))));
        assert_eq!(a.kind, Some("Cumulative"));
        assert!(!is_follow_up(
            "What was the annual installed capacity of Germany in 2020 in total?"
        ));
    }
}

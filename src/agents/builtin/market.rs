//! Market answers of the built-in provider: a question read in the closed world of
//! [`super::understand`] becomes a [`MarketAsk`] — territories, years, scenario, connection,
//! annual or cumulative, and the operation asked (lookup, ranking, share, change, CAGR,
//! comparison, min / max / average, sum, trend, split) — or a [`Decline`] that says what could
//! not be matched. Every figure states its unit, scenario, period and source file.

use super::decline::{Decline, unmatched};
use super::understand::{Op, Question, Topic, Word};
use super::{
    Emit, capitalise, mw, mw_number, say, show_chart, signed_pct, source_line, table, times,
};
use crate::tools::ToolContext;
use crate::tools::analytic::{self, Ask, Computed, Operation};
use crate::tools::market::{self, Market, MarketArgs, MarketResult};
use crate::tools::names::norm;
use crate::tools::vocab::Vocabulary;
use crate::tools::{DataTool, ToolError, fmt_thousands};

/// A market question, understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarketAsk {
    pub territories: Vec<String>,
    pub span: Option<(Option<i32>, Option<i32>)>,
    pub scenarios: Vec<&'static str>,
    pub connections: Vec<&'static str>,
    pub by_connection: bool,
    pub kind: Option<&'static str>,
    pub ops: Vec<Op>,
    pub count: Option<u32>,
    /// A level in MW ("2 GW"): the first year a figure reached it (fell to it, `below`).
    pub level: Option<f64>,
    pub below: bool,
    /// Levels named beyond the first (a question with two is declined).
    pub more_levels: bool,
    /// Whether the question says which way the level is crossed.
    pub level_directed: bool,
    /// "in %" without a word of share: a relative difference when two figures are compared.
    pub percent: bool,
    /// "including the forecast years": the history and the most probable forecast as one series.
    pub joined: bool,
    /// "Which countries added more than Spain in 2024?": the countries beyond a mark, ranked
    /// (below it with `below`).
    pub beyond: Option<Beyond>,
    /// "how many times bigger": a change also states the ratio.
    pub ratio: bool,
}

/// The mark a list of countries is drawn against.
#[derive(Clone, Debug, PartialEq)]
pub enum Beyond {
    /// A territory's own figure in the year asked.
    Of(String),
    /// A level in MW.
    Mw(f64),
}

impl MarketAsk {
    fn has(&self, op: Op) -> bool {
        self.ops.contains(&op)
    }

    /// Countries ranked: "the most", "top 5", "the least", with no country named.
    fn is_ranking(&self) -> bool {
        (self.has(Op::Top) || self.has(Op::Bottom) || self.has(Op::Rank))
            && self.territories.iter().all(|t| is_aggregate(t))
    }
}

/// How a market question was read, for the line the answer starts with: "annual installations ·
/// Spain · change · 2023 → 2024 · Forecast - High · distributed".
pub fn read_back(a: &MarketAsk) -> String {
    let mut parts: Vec<String> = vec![what(a.kind.unwrap_or("Annual")).to_string()];
    if !a.territories.is_empty() {
        parts.push(a.territories.join(", "));
    } else if a.is_ranking() {
        parts.push("countries".into());
    }
    // A percentage with a change is the change's % (as `answer` reads it).
    let changes = a.has(Op::Change) || a.has(Op::Cagr);
    parts.extend(super::op_labels(
        a.ops
            .iter()
            .copied()
            .filter(|o| !(changes && *o == Op::Share)),
    ));
    if let Some(c) = a.count {
        parts.push(format!("top {c}"));
    }
    if let Some(b) = &a.beyond {
        parts.push(format!(
            "{} than {}",
            if a.below { "less" } else { "more" },
            match b {
                Beyond::Of(t) => t.clone(),
                Beyond::Mw(l) => format!("{} MW", fmt_thousands(*l, 0)),
            }
        ));
    }
    if let Some(l) = a.level {
        parts.push(format!(
            "first year {} {} MW",
            if a.below {
                "at or below"
            } else {
                "at or above"
            },
            fmt_thousands(l, if l.fract() == 0.0 { 0 } else { 1 })
        ));
    }
    if let Some(span) = super::span_label(a.span) {
        parts.push(span);
    }
    if !a.scenarios.is_empty() {
        parts.push(a.scenarios.join(", "));
    }
    if a.by_connection {
        parts.push("by connection".into());
    } else if !a.connections.is_empty() {
        parts.push(a.connections.join(", ").to_lowercase());
    }
    parts.join(" · ")
}

/// Whether a territory is an aggregate (World, EU, a continent or region) rather than a
/// country: anything that is not a known country name. Aggregates are never ranked with
/// countries.
pub fn is_aggregate(t: &str) -> bool {
    !crate::tools::places::is_country(t)
}

fn fits(w: &Word) -> bool {
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
    )
}

/// "installed in 2024", "installed in Italy in 2022", "installed that year", "added during
/// 2023", "2023 installations", "the Spanish market in 2024": a year's additions. ("installed
/// by 2024" is the installed base: "by" is not read past.)
fn installed_in_a_year(q: &Question) -> bool {
    let year_follows = |i: usize| {
        q.spans[i + 1..]
            .iter()
            .find(|n| {
                !(matches!(
                    n.text.as_str(),
                    "in" | "during" | "that" | "this" | "last" | "each" | "per" | "the"
                ) || n.has(|w| matches!(w, Word::Territory(_))))
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
fn at_a_years_end(q: &Question) -> bool {
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

fn facets(q: &Question) -> MarketAsk {
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
            .or_else(|| installed_in_a_year(q).then_some("Annual"))
            .or_else(|| {
                q.all(|w| match w {
                    Word::KindHint(k) => Some(*k),
                    _ => None,
                })
                .first()
                .copied()
            })
            .or_else(|| at_a_years_end(q).then_some("Cumulative")),
        ops: q.all(|w| match w {
            Word::Op(o) => Some(*o),
            _ => None,
        }),
        count: q.count(),
        level: None,
        below: false,
        more_levels: false,
        level_directed: false,
        percent: false,
        joined: false,
        beyond: None,
        ratio: q.spans.iter().any(|s| {
            s.text
                .split(' ')
                .any(|w| matches!(w, "times" | "fold" | "multiple"))
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
    let placed = q.spans.windows(2).any(|w| {
        matches!(w[0].text.as_str(), "fell" | "fall" | "falls" | "falling")
            && matches!(w[1].text.as_str(), "in" | "into" | "within" | "under")
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
    if than && a.has(Op::Compare) {
        a.ops.retain(|o| *o != Op::Sum);
    }
    // "How much PV will Germany have installed in total by 2030?": a total by a year is the
    // installed base then, not a sum of the years' additions (unless the question says
    // additions: "how much will it add in total by 2030").
    let kind_word = q.has(|w| matches!(w, Word::Kind(_)));
    let by_year = q.spans.iter().any(|s| s.text == "by") && matches!(a.span, Some((None, Some(_))));
    if a.has(Op::Sum) && by_year && !kind_word && a.territories.len() <= 1 {
        a.ops.retain(|o| *o != Op::Sum);
        a.kind = Some("Cumulative");
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
    if total_word
        && matches!(a.span, Some((Some(f), Some(t))) if f < t)
        && a.kind != Some("Cumulative")
        && a.ops.iter().all(|o| matches!(o, Op::Sum))
    {
        a.ops.push(Op::Sum);
    }
    // "How much solar has Australia got altogether at the end of 2024?": a sum of one
    // territory's one year is that year's figure.
    if a.has(Op::Sum)
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
    if q.has(|w| *w == Word::AllScenarios) {
        a.scenarios = vec![
            "Forecast - High",
            "Forecast - Most probable",
            "Forecast - Low",
        ];
    }
    a
}

/// "Which countries added more PV than Spain in 2024?", "Which countries installed more than
/// 10 GW in 2024?": the countries beyond another territory's figure, or beyond a level, in one
/// year, listed as a ranking. Only a question that asks which countries, says which way ("more",
/// "less") and names one year or none is read so.
fn beyond_a_mark(q: &Question, a: &mut MarketAsk) {
    let which_countries = q.spans.windows(2).any(|w| {
        matches!(w[0].text.as_str(), "which" | "what" | "how many")
            && matches!(
                w[1].text.as_str(),
                "countries" | "markets" | "nations" | "territories"
            )
    });
    let words = |list: &[&str]| {
        q.spans
            .iter()
            .any(|s| s.text.split(' ').any(|t| list.contains(&t)))
    };
    let above = words(&[
        "more", "bigger", "larger", "higher", "greater", "above", "exceed", "exceeded",
    ]);
    let below = words(&["less", "fewer", "smaller", "lower", "below", "under"]);
    let one_year = match a.span {
        None => true,
        Some((Some(f), Some(t))) => f == t,
        _ => false,
    };
    if !which_countries || above == below || !one_year || a.more_levels || a.by_connection {
        return;
    }
    let other_ops = a.ops.iter().any(|o| {
        !matches!(
            o,
            Op::Compare | Op::Top | Op::Rank | Op::Above | Op::Below | Op::Chart
        )
    });
    if other_ops || a.count.is_some() {
        return;
    }
    let mark = match (a.level, a.territories.as_slice()) {
        (Some(l), []) => Beyond::Mw(l),
        (None, [t])
            if q.spans
                .iter()
                .any(|s| s.text.split(' ').any(|w| w == "than")) =>
        {
            Beyond::Of(t.clone())
        }
        _ => return,
    };
    a.beyond = Some(mark);
    a.below = below;
    a.level = None;
    a.territories.clear();
    a.ops.retain(|o| *o == Op::Chart);
    a.ops.push(Op::Rank);
}

/// Fill what a follow-up leaves open from the question before it.
fn inherit(mut a: MarketAsk, prev: &MarketAsk) -> MarketAsk {
    let names_own_territory = !a.territories.is_empty();
    if a.territories.is_empty() {
        a.territories = prev.territories.clone();
    }
    // "Spain's new installs in 2023?" then "and as a share of the world?": the whole named is
    // what the previous figure is a share of.
    if a.has(Op::Share)
        && names_own_territory
        && a.territories.iter().all(|t| is_aggregate(t))
        && !prev.territories.is_empty()
        && prev.territories.iter().all(|t| !a.territories.contains(t))
    {
        let whole = std::mem::take(&mut a.territories);
        a.territories = prev.territories.iter().cloned().chain(whole).collect();
    }
    // "Poland's installations in 2024?" then "how does that compare with 2023?": the change
    // between the two years.
    // ("What did the Netherlands install in 2024?" then "How does that compare to 2023 in %
    // terms?": "to 2023" names the other year; "in %" is the relative change, not a share.)
    let one_year = |span: Option<(Option<i32>, Option<i32>)>| match span {
        Some((Some(y), Some(z))) if y == z => Some(y),
        Some((None, Some(y)) | (Some(y), None)) => Some(y),
        _ => None,
    };
    if let (Some(y1), Some((Some(y0), Some(z0)))) = (one_year(a.span), prev.span)
        && y0 == z0
        && y0 != y1
        && (a.has(Op::Compare) || a.has(Op::Change) || a.has(Op::Cagr))
        && !names_own_territory
    {
        // ("And end of 2024? what's the % increase over those four years": the four years are
        // the span, not a count.)
        a.count = None;
        a.span = Some((Some(y0.min(y1)), Some(y0.max(y1))));
        a.ops.retain(|o| *o != Op::Compare);
        if a.percent {
            a.ops.retain(|o| *o != Op::Share);
        }
        if !a.has(Op::Change) && !a.has(Op::Cagr) {
            a.ops.push(Op::Change);
        }
    }
    if a.span.is_none() {
        a.span = prev.span;
    }
    if a.scenarios.is_empty() {
        a.scenarios = prev.scenarios.clone();
    }
    if a.connections.is_empty() && !a.by_connection {
        a.connections = prev.connections.clone();
        a.by_connection = prev.by_connection;
    }
    if a.kind.is_none() {
        a.kind = prev.kind;
    }
    // A follow-up that asks for no operation of its own asks the previous one again ("What
    // share of Italy's additions was distributed?" then "and for Germany?"); a ranking only when
    // the follow-up names no territory ("Which 3 countries installed the most in 2023?" then
    // "And in 2021?").
    let asks_own = a
        .ops
        .iter()
        .any(|o| !matches!(o, Op::Chart | Op::Trend | Op::Compare | Op::Forecast));
    let names_territory = a.territories != prev.territories;
    for op in &prev.ops {
        let ranking = matches!(op, Op::Top | Op::Bottom | Op::Rank);
        let carried = matches!(op, Op::Trend | Op::Compare | Op::Forecast)
            || (!asks_own && (!ranking || !names_territory));
        if carried && !a.ops.contains(op) {
            a.ops.push(*op);
        }
    }
    if a.count.is_none() && !asks_own && !names_territory {
        a.count = prev.count;
    }
    if a.level.is_none() && !asks_own {
        a.level = prev.level;
        a.below = prev.below;
        a.level_directed = prev.level_directed;
    }
    a
}

/// "Which year saw the weakest EU market?": the region's own lowest year, not its countries
/// ranked. (Also for a question a follow-up takes its operation from: "Which year did Brazil
/// install the most solar?" then "what about Chile?".)
fn when_extreme(q: &Question, mut a: MarketAsk) -> MarketAsk {
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
    if let Some(p) = &answered {
        a = inherit(a, p);
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
    // much?": so are the two of "which one".)
    let which_one = a.has(Op::Compare)
        && q.spans
            .windows(2)
            .any(|w| w[0].text == "which" && w[1].text == "one");
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
    if grows
        && q.years().is_empty()
        && answered.is_some()
        && let (Some(first), Some(last)) = (chain_years.first(), chain_years.last())
        && first < last
    {
        a.span = Some((Some(*first), Some(*last)));
    }
    let mut a = when_extreme(q, a);
    // "Rank the six European countries you have (Germany, Spain, Italy, ...)": a region the
    // data does not hold, beside the countries a ranking names, only describes them.
    if (a.has(Op::Rank) || a.has(Op::Top) || a.has(Op::Bottom))
        && a.territories.iter().filter(|t| !is_aggregate(t)).count() >= 2
    {
        a.territories
            .retain(|t| !is_aggregate(t) || vocab.territories.resolve(t).is_some());
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
                super::op_labels([*o]).join("")
            )));
        }
        if a.count.is_some() {
            return Err(Decline::because(format!(
                "I cannot list the countries above a level such as \"{level}\"; I can find the first year a territory reached it."
            )));
        }
    }
    Ok(a)
}

/// The pseudo-scenario of "including the forecasts" (words.rs): the history and the most
/// probable forecast read as one series.
pub const JOINED: &str = "History and forecast";

/// The first year a question can name (the reader's years start there): "the whole history".
const FIRST_YEAR: i32 = 1990;

/// The years to query: the span asked, else the defaults of the question's kind.
fn years(a: &MarketAsk, last_hist: i32, last: i32) -> (i32, i32) {
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
        _ if a.has(Op::Forecast) => (last_hist + 1, last),
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

fn args(
    a: &MarketAsk,
    territories: Vec<String>,
    from: i32,
    to: i32,
    connections: Vec<&str>,
) -> MarketArgs {
    MarketArgs {
        territory: territories,
        year: None,
        start_year: Some(from),
        end_year: Some(to),
        scenario: a.scenarios.iter().map(|s| s.to_string()).collect(),
        connection: connections.iter().map(|s| s.to_string()).collect(),
        kind: a.kind.map(String::from),
        group_by: None,
        plot_type: None,
        ..MarketArgs::default()
    }
}

async fn run(
    tools: &ToolContext<'_>,
    vocab: &Vocabulary,
    args: &MarketArgs,
    stacked: bool,
) -> Result<Option<MarketResult>, ToolError> {
    let r = market::resolve(args, &vocab.territories, stacked)?;
    Market::query(tools, &r).await
}

/// Run the tool's query with an operation: the figures as the tool computes them for a model.
async fn computed(
    tools: &ToolContext<'_>,
    vocab: &Vocabulary,
    args: &MarketArgs,
) -> Result<Option<(MarketResult, Computed)>, ToolError> {
    let Some(res) = run(tools, vocab, args, false).await? else {
        return Ok(None);
    };
    match market::computed(&res) {
        Some(Ok(c)) => Ok(Some((res, c))),
        Some(Err(why)) => Err(ToolError::Arguments(why.0)),
        None => Err(ToolError::Failed("no operation was asked".into())),
    }
}

fn with_op(mut args: MarketArgs, op: Operation) -> MarketArgs {
    args.operation = Some(op);
    args
}

fn what(kind: &str) -> &'static str {
    if kind == "Cumulative" {
        "cumulative installed capacity"
    } else {
        "annual installations"
    }
}

/// A share in % with one decimal, or two below 1 % (0.38 %, not 0.4 %).
fn pct(v: f64) -> String {
    let p = v * 100.0;
    if p.abs() < 1.0 && p != 0.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

fn value(
    res: &MarketResult,
    territory: &str,
    year: i32,
    connection: &str,
) -> Option<(f64, String)> {
    res.rows
        .iter()
        .find(|r| r.territory == territory && r.year == year && r.connection == connection)
        .map(|r| (r.capacity_mw, r.scenario.clone()))
}

fn scenarios_of(res: &MarketResult) -> String {
    let mut s: Vec<&str> = res.rows.iter().map(|r| r.scenario.as_str()).collect();
    s.sort();
    s.dedup();
    s.join(", ")
}

/// Answer a market question. `Ok(false)`: the data holds no rows for it (the caller declines).
pub async fn answer(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((last_hist, last)) = vocab.market_years else {
        return Ok(false);
    };
    let (from, to) = years(a, last_hist, last);
    let kind = a.kind.unwrap_or("Annual");
    if a.level.is_some() {
        return threshold(tools, a, vocab, from, to, emit).await;
    }
    if a.beyond.is_some() {
        return beyond(tools, a, vocab, from, to, emit).await;
    }
    if a.is_ranking() {
        return rank(tools, a, vocab, from, to, emit).await;
    }
    if a.by_connection {
        return split(tools, a, vocab, from, to, emit).await;
    }
    // "By what percentage did it change": a percentage with a change is the change's %.
    if a.has(Op::Share) && !a.has(Op::Change) && !a.has(Op::Cagr) {
        // "Europe's share of world installations in 2010, and in 2024?": the share in each of
        // the two years (a chart or a trend shows every year).
        if let Some((Some(f), Some(t))) = a.span
            && f < t
            && !a.has(Op::Trend)
            && !a.has(Op::Chart)
        {
            if !share(tools, a, vocab, f, emit).await? {
                return Ok(false);
            }
            share(tools, a, vocab, t, emit).await?;
            return Ok(true);
        }
        return share(tools, a, vocab, to, emit).await;
    }
    if a.has(Op::Cagr) || a.has(Op::Change) {
        return change(tools, a, vocab, emit).await;
    }
    let connections = if a.connections.is_empty() {
        vec!["Total"]
    } else {
        a.connections.clone()
    };
    if a.connections.len() > 1 {
        // Several connection types named: the split shows each of them.
        return split(tools, a, vocab, from, to, emit).await;
    }
    let conn = connections[0];
    let unit = "MW DC";
    if a.has(Op::Sum) && a.territories.len() > 1 {
        // One year: each territory's figure and their total; a span: each territory's sum over
        // it and their total.
        let (op, measure) = if from == to {
            (Operation::Lookup, "value")
        } else {
            (Operation::Sum, "sum")
        };
        let years = if from == to {
            from.to_string()
        } else {
            format!("{from}–{to}")
        };
        let Some((res, c)) = computed(
            tools,
            vocab,
            &with_op(
                args(a, a.territories.clone(), from, to, connections.clone()),
                op,
            ),
        )
        .await?
        else {
            return Ok(false);
        };
        let src = source_line(&res.source.name, res.source.is_sample);
        let Some(total) = c.get("", "total") else {
            let why = if c.all(measure).count() < a.territories.len() {
                format!("the market data has no {kind} figure for each of them in {years}")
            } else {
                "a region's figure already holds its countries' figures".to_string()
            };
            say(
                emit,
                &format!(
                    "I will not add up {}: {why}.{src}",
                    a.territories.join(", "),
                ),
            );
            return Ok(true);
        };
        let mut rows: Vec<Vec<String>> = c
            .all(measure)
            .map(|f| vec![f.series.clone(), fmt_thousands(f.value, 0)])
            .collect();
        rows.push(vec![
            "**Total**".into(),
            format!("**{}**", fmt_thousands(total.value, 0)),
        ]);
        say(
            emit,
            &format!(
                "Combined {} of {} in **{years}** ({}, {} connection): **{}** ({unit}).\n\n{}{src}",
                what(kind),
                a.territories.join(", "),
                scenarios_of(&res),
                conn.to_lowercase(),
                mw(total.value),
                table(&["Territory", "MW"], &rows)
            ),
        );
        return Ok(true);
    }
    if (a.has(Op::Sum)
        || a.has(Op::First)
        || a.has(Op::Average)
        || a.has(Op::Max)
        || a.has(Op::Min)
        || a.has(Op::Top)
        || a.has(Op::Bottom))
        && a.territories.len() == 1
    {
        let t = &a.territories[0];
        let op = if a.has(Op::First) {
            Operation::First
        } else if a.has(Op::Sum) {
            Operation::Sum
        } else if a.has(Op::Average) {
            Operation::Average
        } else if a.has(Op::Min) || a.has(Op::Bottom) {
            Operation::Min
        } else {
            Operation::Max
        };
        let Some((res, c)) = computed(
            tools,
            vocab,
            &with_op(args(a, vec![t.clone()], from, to, vec![conn]), op),
        )
        .await?
        else {
            return Ok(false);
        };
        let Some(f) = c.figures.first() else {
            return Ok(false);
        };
        // "What did Germany install in 2012, back at the peak?": a record asked of one year is
        // read over the whole history; a year the series does not hold is not answered with the
        // record of other years.
        if let Some((Some(y), Some(z))) = a.span
            && y == z
            && !res.rows.iter().any(|r| r.year == y)
        {
            return Ok(false);
        }
        let src = source_line(&res.source.name, res.source.is_sample);
        let head = format!(
            "{t}, {} ({}, {} connection), {}",
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase(),
            c.span
        );
        let years = res.rows.len();
        let text = match op {
            Operation::Sum => format!(
                "{head}: **{}** in total ({unit}) over {years} years.",
                mw(f.value)
            ),
            Operation::Average => format!(
                "{head}: **{}** a year on average ({unit}), over {years} years.",
                mw(f.value)
            ),
            Operation::First => {
                // The series' first year and the two after it, not its whole history.
                let rows: Vec<Vec<String>> = res
                    .rows
                    .iter()
                    .take(3)
                    .map(|r| vec![r.year.to_string(), mw_number(r.capacity_mw)])
                    .collect();
                say(
                    emit,
                    &format!(
                        "{head}: the series starts in **{}**, with **{}** ({unit}).\n\n{}{src}",
                        f.period,
                        mw(f.value),
                        table(&["Year", "MW"], &rows)
                    ),
                );
                return Ok(true);
            }
            _ => format!(
                "{head}: the {} was in **{}**, with **{}** ({unit}).",
                if op == Operation::Min {
                    "lowest"
                } else {
                    "highest"
                },
                f.period,
                mw(f.value)
            ),
        };
        let rows: Vec<Vec<String>> = res
            .rows
            .iter()
            .map(|r| vec![r.year.to_string(), fmt_thousands(r.capacity_mw, 0)])
            .collect();
        say(
            emit,
            &format!("{text}\n\n{}{src}", table(&["Year", "MW"], &rows)),
        );
        return Ok(true);
    }
    // Lookup, comparison, trend.
    let Some(res) = run(
        tools,
        vocab,
        &args(a, a.territories.clone(), from, to, connections.clone()),
        false,
    )
    .await?
    else {
        return Ok(false);
    };
    let src = source_line(&res.source.name, res.source.is_sample);
    if from == to && a.territories.len() == 1 && a.scenarios.len() > 1 {
        // One territory and year in several scenarios: each, and the spread when asked.
        let t = &a.territories[0];
        let series = market::series(&res);
        let rows: Vec<Vec<String>> = series
            .iter()
            .filter_map(|s| {
                s.points
                    .last()
                    .map(|p| vec![s.name.clone(), fmt_thousands(p.value, 0)])
            })
            .collect();
        let mut text = format!(
            "**{t}** — {} in **{from}** by scenario ({} connection, {unit}):\n\n{}",
            what(kind),
            conn.to_lowercase(),
            table(&["Scenario", "MW"], &rows)
        );
        if a.has(Op::Compare) && series.len() > 1 {
            let c = analytic::compute::<Market>(Operation::Compare, &series, "MW", &Ask::default())
                .map_err(|why| ToolError::Arguments(why.0))?;
            for d in c.all("difference") {
                let Some(other) = &d.against else { continue };
                text.push_str(&format!(
                    "\n{} minus {other}: **{}{}**.",
                    d.series,
                    if d.value < 0.0 { "−" } else { "" },
                    mw(d.value.abs())
                ));
            }
        }
        text.push_str(&notes(&res));
        text.push_str(&src);
        say(emit, &text);
        return Ok(true);
    }
    let single = from == to && a.territories.len() == 1;
    if single {
        let t = &a.territories[0];
        let Some((v, sc)) = value(&res, t, from, conn) else {
            return Ok(false);
        };
        say(
            emit,
            &format!(
                "**{t}** — {} in **{from}** ({sc}, {} connection): **{}** ({unit}).{}{src}",
                what(kind),
                conn.to_lowercase(),
                mw(v),
                notes(&res)
            ),
        );
        return Ok(true);
    }
    if from == to {
        let mut rows = Vec::new();
        let mut vals = Vec::new();
        for t in &a.territories {
            match value(&res, t, from, conn) {
                Some((v, _)) => {
                    rows.push(vec![t.clone(), fmt_thousands(v, 0)]);
                    vals.push((t.clone(), v));
                }
                None => rows.push(vec![t.clone(), "no figure".into()]),
            }
        }
        let mut text = format!(
            "{} in **{from}** ({}, {} connection, {unit}):\n\n{}",
            capitalise(what(kind)),
            scenarios_of(&res),
            conn.to_lowercase(),
            table(&["Territory", "MW"], &rows)
        );
        if vals.len() == 2 {
            // The differences as the tool computes them for a model.
            let c = analytic::compute::<Market>(
                Operation::Compare,
                &market::series(&res),
                "MW",
                &Ask::default(),
            )
            .map_err(|why| ToolError::Arguments(why.0))?;
            for d in c.all("difference") {
                let Some(other) = &d.against else { continue };
                text.push_str(&format!(
                    "\n{} is {} {} than {other}",
                    d.series,
                    mw(d.value.abs()),
                    if d.value >= 0.0 { "higher" } else { "lower" },
                ));
                let of = |m: &str| {
                    c.figures
                        .iter()
                        .find(|f| f.measure == m && f.against.as_ref() == Some(other))
                };
                if let (Some(pct), Some(ratio)) = (of("difference_pct"), of("ratio")) {
                    text.push_str(&format!(" ({})", signed_pct(pct.value)));
                    // The larger against the smaller: "China's figure is 4.53 times EU's".
                    if ratio.value >= 1.0 || ratio.value <= 0.0 {
                        text.push_str(&format!(", {} {other}'s figure", times(ratio.value)));
                    } else {
                        // ("How many times larger was India's market than the USA's? Or was
                        // it smaller?": the ratio as asked, and the other way round.)
                        text.push_str(&format!(
                            "; {}'s figure is {} {other}'s, and {other}'s is {} {}'s",
                            d.series,
                            times(ratio.value),
                            times(1.0 / ratio.value),
                            d.series
                        ));
                    }
                }
                text.push('.');
            }
        }
        text.push_str(&notes(&res));
        text.push_str(&src);
        say(emit, &text);
        if a.has(Op::Chart) || a.has(Op::Compare) {
            chart(&res, a, from, to, emit)?;
        }
        return Ok(true);
    }
    // A span of years: a table per year and a chart.
    let ys: std::collections::BTreeSet<i32> = res.rows.iter().map(|r| r.year).collect();
    let multi_scen = a.scenarios.len() > 1 && a.territories.len() == 1;
    let series: Vec<String> = if multi_scen {
        let mut s: Vec<String> = res.rows.iter().map(|r| r.scenario.clone()).collect();
        s.dedup();
        let mut u = Vec::new();
        for x in s {
            if !u.contains(&x) {
                u.push(x);
            }
        }
        u
    } else {
        a.territories.clone()
    };
    let mut header = vec!["Year".to_string()];
    header.extend(series.iter().cloned());
    let one_scenario_col = !multi_scen && a.territories.len() == 1;
    if one_scenario_col {
        header.push("Scenario".into());
    }
    let mut rows = Vec::new();
    for y in &ys {
        let mut row = vec![y.to_string()];
        for s in &series {
            let v = res.rows.iter().find(|r| {
                r.year == *y
                    && r.connection == conn
                    && if multi_scen {
                        &r.scenario == s
                    } else {
                        &r.territory == s
                    }
            });
            row.push(
                v.map(|r| fmt_thousands(r.capacity_mw, 0))
                    .unwrap_or_else(|| "–".into()),
            );
        }
        if one_scenario_col {
            row.push(
                res.rows
                    .iter()
                    .find(|r| r.year == *y)
                    .map(|r| r.scenario.clone())
                    .unwrap_or_default(),
            );
        }
        rows.push(row);
    }
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    let (y0, y1) = (
        ys.iter().next().copied().unwrap_or(from),
        ys.iter().last().copied().unwrap_or(to),
    );
    say(
        emit,
        &format!(
            "{} of {} ({y0}-{y1}, {} connection, {unit}):\n\n{}{}{src}",
            capitalise(what(kind)),
            a.territories.join(", "),
            conn.to_lowercase(),
            table(&h, &rows),
            notes(&res)
        ),
    );
    chart(&res, a, from, to, emit)?;
    Ok(true)
}

fn notes(res: &MarketResult) -> String {
    res.notes.iter().map(|n| format!("\n\n*{n}*")).collect()
}

fn chart(
    res: &MarketResult,
    a: &MarketAsk,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<(), ToolError> {
    let args = args(
        a,
        a.territories.clone(),
        from,
        to,
        res.resolved.connections.clone(),
    );
    let pt = market::plot_type(&args, &res.resolved)?;
    show_chart(emit, market::chart(res, &args, pt))
}

/// Ranking of countries (never aggregates; those of the region named, if one is) in a year, or
/// over a span (annual figures added up, cumulative ones at the span's last year).
async fn rank(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let conn = a.connections.first().copied().unwrap_or("Total");
    let region = a.territories.iter().find(|t| norm(t) != "world").cloned();
    let mut q = with_op(
        args(a, region.iter().cloned().collect(), from, to, vec![conn]),
        Operation::Rank,
    );
    if a.has(Op::Bottom) {
        q.order = Some("lowest".into());
    }
    let Some((res, c)) = computed(tools, vocab, &q).await? else {
        return Ok(false);
    };
    let kind = res.resolved.kind;
    let low = a.has(Op::Bottom);
    let n = a
        .count
        .map(|c| c as usize)
        .unwrap_or(if a.has(Op::Rank) { 10 } else { 1 })
        .max(1);
    let period = if from == to {
        format!("in **{from}**")
    } else if kind == "Cumulative" {
        format!("at the end of **{to}**")
    } else {
        format!("in **{from}–{to}** (added up)")
    };
    let ranked: Vec<_> = c.all("value").collect();
    let Some(first) = ranked.first() else {
        return Ok(false);
    };
    let share_of = |f: &analytic::Figure| {
        c.figures
            .iter()
            .find(|s| s.measure == "share_pct" && s.rank == f.rank)
            .map(|s| pct(s.value / 100.0))
            .unwrap_or_else(|| "–".into())
    };
    let rows: Vec<Vec<String>> = ranked
        .iter()
        .take(if n == 1 { 5 } else { n })
        .map(|f| {
            vec![
                f.rank.unwrap_or_default().to_string(),
                f.series.clone(),
                fmt_thousands(f.value, 0),
                share_of(f),
            ]
        })
        .collect();
    let among = match &region {
        Some(r) => format!("{r}'s countries"),
        None => "countries".into(),
    };
    let lead = if n == 1 {
        format!(
            "The country{} with the {} {} {period} is **{}**, with **{}** (MW DC; {}, {} connection).",
            region
                .as_ref()
                .map(|r| format!(" of {r}"))
                .unwrap_or_default(),
            if low { "lowest" } else { "highest" },
            what(kind),
            first.series,
            mw(first.value),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    } else {
        format!(
            "{} {} {among} by {} {period} (MW DC; {}, {} connection):",
            if low { "Bottom" } else { "Top" },
            n.min(ranked.len()),
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    };
    let shares = match &region {
        Some(r) => format!(
            "Shares are of the {} countries of {r} in the data ({}).",
            ranked.len(),
            ranked
                .iter()
                .map(|f| f.series.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => format!(
            "Shares are of the {} countries in the data (regions and aggregates such as World or the EU are not ranked).",
            ranked.len()
        ),
    };
    // "Combined share of world 2024 installs held by the top 3 countries?": the countries
    // listed added up, and their share of World when the question names it.
    let mut together = String::new();
    if a.has(Op::Sum) && n > 1 {
        let listed: Vec<_> = ranked.iter().take(n).collect();
        let sum: f64 = listed.iter().map(|f| f.value).sum();
        together = format!(
            "\n\nTogether the {} {}: **{}**",
            if low { "bottom" } else { "top" },
            listed.len(),
            mw(sum)
        );
        let world_named = region.is_none() && a.territories.iter().any(|t| norm(t) == "world");
        let op = if from == to || kind == "Cumulative" {
            (Operation::Lookup, "value")
        } else {
            (Operation::Sum, "sum")
        };
        let world = if world_named {
            let wq = with_op(
                args(a, vec!["World".to_string()], from, to, vec![conn]),
                op.0,
            );
            computed(tools, vocab, &wq)
                .await?
                .and_then(|(_, wc)| wc.all(op.1).last().map(|f| f.value))
                .filter(|w| *w > 0.0)
        } else {
            None
        };
        match world {
            Some(w) => together.push_str(&format!(
                ", **{}** of World's {} {period}.",
                pct(sum / w),
                mw(w)
            )),
            None => together.push('.'),
        }
    }
    say(
        emit,
        &format!(
            "{lead}\n\n{}\n{shares}{together}{}",
            table(&["Rank", "Country", "MW", "Share"], &rows),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// The countries beyond a mark (another territory's figure, or a level) in one year, ranked.
async fn beyond(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some(mark) = &a.beyond else {
        return Ok(false);
    };
    if from != to {
        return Ok(false);
    }
    let conn = a.connections.first().copied().unwrap_or("Total");
    let q = with_op(args(a, Vec::new(), from, to, vec![conn]), Operation::Rank);
    let Some((res, c)) = computed(tools, vocab, &q).await? else {
        return Ok(false);
    };
    let kind = res.resolved.kind;
    let (level, named, of) = match mark {
        Beyond::Of(t) => {
            let tq = with_op(
                args(a, vec![t.clone()], from, to, vec![conn]),
                Operation::Lookup,
            );
            let Some((tres, v)) = computed(tools, vocab, &tq)
                .await?
                .and_then(|(r, tc)| tc.all("value").last().map(|f| (r, f.value)))
            else {
                return Ok(false);
            };
            let t = tres.rows.first().map_or(t.clone(), |r| r.territory.clone());
            (v, format!("**{t}**, {},", mw(v)), Some(t))
        }
        Beyond::Mw(l) => (*l, format!("**{}**", mw(*l)), None),
    };
    let ranked: Vec<_> = c.all("value").collect();
    if ranked.is_empty() {
        return Ok(false);
    }
    let listed: Vec<_> = ranked
        .iter()
        .filter(|f| {
            (if a.below {
                f.value < level
            } else {
                f.value > level
            }) && of.as_deref() != Some(f.series.as_str())
        })
        .collect();
    const SHOWN: usize = 30;
    let rows: Vec<Vec<String>> = listed
        .iter()
        .take(SHOWN)
        .map(|f| {
            vec![
                f.rank.unwrap_or_default().to_string(),
                f.series.clone(),
                fmt_thousands(f.value, 0),
            ]
        })
        .collect();
    let period = if kind == "Cumulative" {
        format!("at the end of **{to}**")
    } else {
        format!("in **{to}**")
    };
    let way = if a.below { "lower" } else { "higher" };
    let basis = format!(
        "(MW DC; {}, {} connection; ranks among the {} countries in the data, regions and aggregates such as World or the EU not counted)",
        scenarios_of(&res),
        conn.to_lowercase(),
        ranked.len()
    );
    let text = if listed.is_empty() {
        format!(
            "No country had {way} {} than {named} {period} {basis}.",
            what(kind)
        )
    } else {
        let more = if listed.len() > SHOWN {
            format!("\n\n…and {} more.", listed.len() - SHOWN)
        } else {
            String::new()
        };
        format!(
            "**{}** {} had {way} {} than {named} {period} {basis}:\n\n{}{more}",
            listed.len(),
            if listed.len() == 1 {
                "country"
            } else {
                "countries"
            },
            what(kind),
            table(&["Rank", "Country", "MW"], &rows)
        )
    };
    say(
        emit,
        &format!(
            "{text}{}",
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// The first year a territory's figure reached a level (or fell to it).
async fn threshold(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some(level) = a.level else {
        return Ok(false);
    };
    let kind = a.kind.unwrap_or("Annual");
    let conn = a.connections.first().copied().unwrap_or("Total");
    let mut q = with_op(
        args(a, a.territories.clone(), from, to, vec![conn]),
        Operation::Threshold,
    );
    q.level_mw = Some(level);
    if a.below {
        q.order = Some("lowest".into());
    }
    let Some((res, c)) = computed(tools, vocab, &q).await? else {
        return Ok(false);
    };
    let verb = if a.below {
        "fell to or below"
    } else {
        "reached"
    };
    let level_text = fmt_thousands(level, if level.fract() == 0.0 { 0 } else { 1 });
    let mut lines: Vec<String> = c
        .all("reached")
        .map(|f| {
            format!(
                "- **{}**: first {verb} {level_text} MW in **{}**, with **{}** ({}).",
                f.series,
                f.period,
                mw(f.value),
                f.label
            )
        })
        .collect();
    lines.extend(c.notes.iter().map(|n| format!("- {n}")));
    say(
        emit,
        &format!(
            "The first year {} {verb} {level_text} MW ({} connection, MW DC; years in the data: {}):\n\n{}{}{}",
            what(kind),
            conn.to_lowercase(),
            c.span,
            lines.join("\n"),
            notes(&res),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// The split by connection type, with shares.
async fn split(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let t = &a.territories[0];
    let mut args = args(a, vec![t.clone()], from, to, vec![]);
    args.group_by = Some("connection".into());
    let Some(res) = run(tools, vocab, &args, true).await? else {
        return Ok(false);
    };
    let ys: std::collections::BTreeSet<i32> = res.rows.iter().map(|r| r.year).collect();
    let mut rows = Vec::new();
    for y in &ys {
        let parts: Vec<_> = res
            .rows
            .iter()
            .filter(|x| x.year == *y && &x.territory == t)
            .collect();
        let total: f64 = parts.iter().map(|x| x.capacity_mw).sum();
        let mut row = vec![y.to_string()];
        for c in ["Centralised", "Distributed", "Off-grid"] {
            let v = parts
                .iter()
                .find(|x| x.connection == c)
                .map(|x| x.capacity_mw)
                .unwrap_or(0.0);
            let share = if total > 0.0 {
                format!(" ({:.0}%)", v / total * 100.0)
            } else {
                String::new()
            };
            row.push(format!("{}{share}", fmt_thousands(v, 0)));
        }
        row.push(fmt_thousands(total, 0));
        rows.push(row);
    }
    // "The ratio of centralised to distributed": two connections compared in one year.
    let mut ratio = String::new();
    if let ([a1, a2], true) = (
        a.connections.as_slice(),
        a.has(Op::Compare) && ys.len() == 1,
    ) {
        let value = |c: &str| {
            res.rows
                .iter()
                .find(|x| x.connection == c && &x.territory == t)
                .map(|x| x.capacity_mw)
        };
        if let (Some(v1), Some(v2)) = (value(a1), value(a2))
            && let Some(r) =
                super::ratio_text::<crate::tools::market::Market>((a1, v1), (a2, v2), "MW")
        {
            ratio = format!("\n{r}.\n");
        }
    }
    say(
        emit,
        &format!(
            "**{t}** — {} by connection type (MW DC; {}):\n\n{}{ratio}{}{}",
            what(res.resolved.kind),
            scenarios_of(&res),
            table(
                &["Year", "Centralised", "Distributed", "Off-grid", "Total"],
                &rows
            ),
            notes(&res),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    let pt = market::plot_type(&args, &res.resolved)?;
    show_chart(emit, market::chart(&res, &args, pt))?;
    Ok(true)
}

/// A share: of a connection type in a territory's total, or of a territory in an aggregate
/// (World when it is named, else the aggregate named, else World), at the last year of the span
/// asked.
async fn share(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    year: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let kind = a.kind.unwrap_or("Annual");
    let by_connection = a.connections.first().copied();
    if by_connection.is_some() && a.territories.len() > 1 {
        // Never one territory's share answered for several.
        return Err(ToolError::Arguments(format!(
            "a connection type's share is computed for one territory at a time; ask for {} and the others one by one",
            a.territories[0]
        )));
    }
    let q = with_op(
        match by_connection {
            Some(conn) => args(a, vec![a.territories[0].clone()], year, year, vec![conn]),
            None => args(a, a.territories.clone(), year, year, vec!["Total"]),
        },
        Operation::Share,
    );
    let Some((res, c)) = computed(tools, vocab, &q).await? else {
        return Ok(false);
    };
    let shares: Vec<_> = c.all("share_pct").collect();
    if shares.is_empty() {
        return Ok(false);
    }
    let value_of = |series: &str| c.get(series, "value").map(|f| f.value);
    let src = source_line(&res.source.name, res.source.is_sample);
    if let Some(conn) = by_connection {
        let t = &a.territories[0];
        let f = shares[0];
        let (Some(part), Some(whole)) = (value_of(conn), value_of("Total")) else {
            return Ok(false);
        };
        say(
            emit,
            &format!(
                "In **{year}**, {} connection made up **{}** of {t}'s {}: {} of {} (MW DC; {}).{src}",
                conn.to_lowercase(),
                pct(f.value / 100.0),
                what(kind),
                mw(part),
                mw(whole),
                f.label
            ),
        );
        return Ok(true);
    }
    let Some(whole_name) = shares[0].against.clone() else {
        return Ok(false);
    };
    let Some(whole) = value_of(&whole_name) else {
        return Ok(false);
    };
    let mut lines = Vec::new();
    for f in &shares {
        if f.series.is_empty() {
            // The parts taken together.
            if let Some(t) = c.get("", "total") {
                lines.push(format!(
                    "- **Together**: **{}** of {whole_name}'s {} in {year} ({} of {})",
                    pct(f.value / 100.0),
                    what(kind),
                    mw(t.value),
                    mw(whole)
                ));
            }
            continue;
        }
        let Some(v) = value_of(&f.series) else {
            continue;
        };
        lines.push(format!(
            "- **{}**: **{}** of {whole_name}'s {} in {year} ({} of {})",
            f.series,
            pct(f.value / 100.0),
            what(kind),
            mw(v),
            mw(whole)
        ));
    }
    lines.extend(c.notes.iter().map(|n| format!("- {n}")));
    say(
        emit,
        &format!(
            "Share of {whole_name} (MW DC; {}, total connection):\n\n{}{src}",
            shares[0].label,
            lines.join("\n"),
        ),
    );
    Ok(true)
}

/// Change between two years, absolute and in %, and the CAGR over the span.
async fn change(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((last_hist, _)) = vocab.market_years else {
        return Ok(false);
    };
    let (from, to) = match a.span {
        Some((Some(f), Some(t))) if f < t => (f, t),
        // "How much did Spain's additions grow in 2024?", "YoY in 2024": on the year before
        // (the answer names both years).
        Some((Some(f), Some(t))) if f == t => (f - 1, f),
        Some((Some(f), None)) if f < last_hist => (f, last_hist),
        _ => {
            return Err(ToolError::Arguments(
                "a change needs two years, e.g. from 2020 to 2023".into(),
            ));
        }
    };
    let kind = a.kind.unwrap_or("Annual");
    let conn = a.connections.first().copied().unwrap_or("Total");
    // "from end-2024 to 2030 on the most probable path": a historical year and a forecast
    // scenario, each year read in its own scenario. One query (two when crossing) for every
    // territory, one computation.
    // ("from 2024 (actual) to 2030 in the most probable scenario": the history named too.)
    let forecasts: Vec<&str> = a
        .scenarios
        .iter()
        .copied()
        .filter(|s| s.starts_with("Forecast"))
        .collect();
    let crosses = from <= last_hist
        && to > last_hist
        && forecasts.len() == 1
        && a.scenarios
            .iter()
            .all(|s| s.starts_with("Forecast") || s.starts_with("Historical"));
    let found = if crosses {
        let mut base = a.clone();
        base.scenarios.retain(|s| s.starts_with("Historical"));
        let a = &MarketAsk {
            scenarios: forecasts.clone(),
            ..a.clone()
        };
        let start = run(
            tools,
            vocab,
            &args(&base, a.territories.clone(), from, from, vec![conn]),
            false,
        )
        .await?;
        let end = run(
            tools,
            vocab,
            &args(a, a.territories.clone(), to, to, vec![conn]),
            false,
        )
        .await?;
        match (start, end) {
            (Some(r0), Some(r1)) => {
                let mut joined = market::series(&r0);
                for s in market::series(&r1) {
                    match joined.iter_mut().find(|j| j.name == s.name) {
                        Some(j) => {
                            *j =
                                analytic::Series::new(s.name, [j.points.clone(), s.points].concat())
                        }
                        None => joined.push(s),
                    }
                }
                let ask = Ask {
                    additive: kind == "Annual",
                    ..Ask::default()
                };
                let c = analytic::compute::<Market>(Operation::Change, &joined, "MW", &ask)
                    .map_err(|why| ToolError::Arguments(why.0))?;
                Some((r1, c))
            }
            _ => None,
        }
    } else {
        computed(
            tools,
            vocab,
            &with_op(
                args(a, a.territories.clone(), from, to, vec![conn]),
                Operation::Change,
            ),
        )
        .await?
    };
    let Some((res, c)) = found else {
        return Ok(false);
    };
    // The two years only: the change is between them, whatever lies in between.
    let mut lines = Vec::new();
    let mut any = false;
    for t in &a.territories {
        let at = |m: &str, year: i32| c.get(t, m).filter(|f| f.period == year.to_string());
        if at("first", from).is_none() || at("latest", to).is_none() {
            lines.push(format!(
                "- **{t}**: the data has no {} figure for {from} or {to}.",
                what(kind)
            ));
            continue;
        }
        let (Some(f0), Some(f1), Some(d)) =
            (c.get(t, "first"), c.get(t, "latest"), c.get(t, "change"))
        else {
            continue;
        };
        let mut line = format!(
            "- **{t}**: {} from {} in {from} ({}) to {} in {to} ({}): {}{}",
            what(kind),
            mw(f0.value),
            f0.label,
            mw(f1.value),
            f1.label,
            if d.value >= 0.0 { "+" } else { "−" },
            mw(d.value.abs())
        );
        if let Some(p) = c.get(t, "change_pct") {
            line.push_str(&format!(" ({})", signed_pct(p.value)));
        }
        if (a.has(Op::Compare) || a.ratio)
            && let Some(r) = c.get(t, "ratio")
        {
            // "How many times ...": the ratio too.
            line.push_str(&format!(", {} the {from} figure", times(r.value)));
        }
        if (a.has(Op::Cagr) || to - from > 1)
            && let Some(g) = c.get(t, "cagr_pct")
        {
            line.push_str(&format!(
                "; CAGR {} a year over {} years",
                signed_pct(g.value),
                to - from
            ));
        }
        line.push('.');
        lines.push(line);
        any = true;
    }
    if !any {
        return Ok(false);
    }
    say(
        emit,
        &format!(
            "Change in {} ({} connection, MW DC):\n\n{}{}",
            what(kind),
            conn.to_lowercase(),
            lines.join("\n"),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

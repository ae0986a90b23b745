//! What a market follow-up takes from the question before it.

use super::*;

/// Fill what a follow-up leaves open from the question before it.
pub(super) fn inherit(mut a: MarketAsk, prev: &MarketAsk) -> MarketAsk {
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
    // "Leaving China aside, who led in 2023?" then "and in 2022?": still without China.
    if a.excluded.is_empty() && !names_own_territory {
        a.excluded = prev.excluded.clone();
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
    // "Which five countries had the largest installed base?" then "What share of the world
    // total do those five hold together?": the ranking's countries, pointed back to by its count.
    if prev.is_ranking()
        && !a.is_ranking()
        && a.has(Op::Sum)
        && a.count.is_some()
        && a.count == prev.count
        && a.territories.iter().all(|t| is_aggregate(t))
    {
        for op in prev
            .ops
            .iter()
            .filter(|o| matches!(o, Op::Top | Op::Bottom | Op::Rank))
        {
            if !a.ops.contains(op) {
                a.ops.push(*op);
            }
        }
    }
    // A follow-up that asks for no operation of its own asks the previous one again ("What
    // share of Italy's additions was distributed?" then "and for Germany?"); a ranking only when
    // the follow-up names no territory ("Which 3 countries installed the most in 2023?" then
    // "And in 2021?").
    let asks_own = a
        .ops
        .iter()
        .any(|o| !matches!(o, Op::Chart | Op::Trend | Op::Compare | Op::Forecast));
    // ("Top 3 African countries by installed base?" then "same for South America": a ranking
    // within one region is asked again within the other.)
    let region_for_region = prev.is_ranking()
        && !prev.territories.is_empty()
        && !a.territories.is_empty()
        && a.territories.iter().all(|t| is_aggregate(t));
    let names_territory = a.territories != prev.territories && !region_for_region;
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

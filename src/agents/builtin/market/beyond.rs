//! A market question about the countries beyond a mark: another territory's figure or a level.

use super::*;

/// "Which countries added more PV than Spain in 2024?", "Which countries installed more than
/// 10 GW in 2024?": the countries beyond another territory's figure, or beyond a level, in one
/// year, listed as a ranking. Only a question that asks which countries, says which way ("more",
/// "less") and names one year or none is read so.
pub(super) fn beyond_a_mark(q: &Question, a: &mut MarketAsk) {
    let countries = |t: &str| {
        matches!(
            t,
            "countries" | "markets" | "nations" | "territories" | "member states"
        )
    };
    let asks_which = |t: &str| matches!(t, "which" | "what" | "how many");
    // (Within a region: "Which EU member states added more PV than Poland in 2024?")
    let region_of = |s: &crate::agents::builtin::understand::Span| {
        s.has(|w| matches!(w, Word::Region(_)))
            .then(|| {
                s.meanings.iter().find_map(|w| match w {
                    Word::Territory(t) => Some(t.clone()),
                    _ => None,
                })
            })
            .flatten()
    };
    let mut within = None;
    let which_countries = q
        .spans
        .windows(2)
        .any(|w| asks_which(&w[0].text) && countries(&w[1].text))
        || q.spans.windows(3).any(|w| {
            let r = region_of(&w[1]);
            let found = asks_which(&w[0].text) && countries(&w[2].text) && r.is_some();
            if found {
                within = r;
            }
            found
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
    let than = q
        .spans
        .iter()
        .any(|s| s.text.split(' ').any(|w| w == "than"));
    let others: Vec<&String> = a
        .territories
        .iter()
        .filter(|t| Some(*t) != within.as_ref())
        .collect();
    if within.is_some() && others.len() == a.territories.len() {
        return;
    }
    let mark = match (a.level, others.as_slice()) {
        (Some(l), []) => Beyond::Mw(l),
        (None, [t]) if than => Beyond::Of((*t).clone()),
        _ => return,
    };
    a.beyond = Some(mark);
    a.below = below;
    a.level = None;
    // (The countries are ranked within the region when one is named, else the world's.)
    a.territories = within.into_iter().collect();
    a.ops.retain(|o| *o == Op::Chart);
    a.ops.push(Op::Rank);
}

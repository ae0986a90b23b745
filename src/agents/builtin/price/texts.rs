//! The price answers' computed sentences: rankings, sums, changes from a start or an extreme, differences between series and CAGR.

use super::*;

/// Whether the question ranks series, and in which order (`true`: highest first). "rank",
/// "top 3", "the 3 cheapest"; "which ... the lowest" when several series match (of one series,
/// "the lowest" is its minimum over time).
pub(super) fn ranking(q: &understand::Question, series: usize) -> Option<bool> {
    use understand::{Op, Word};
    let has = |op: Op| q.has(|w| *w == Word::Op(op));
    let (rank, top, bottom) = (has(Op::Rank), has(Op::Top), has(Op::Bottom));
    let which = q
        .spans
        .iter()
        .any(|s| matches!(s.text.as_str(), "which" | "where"));
    let asked = rank || ((top || bottom) && (q.count().is_some() || (which && series > 1)));
    asked.then_some(!bottom)
}

/// The one unit of `points`, or why they cannot be put in one figure.
pub(super) fn one_unit<'a>(points: &[Point<'a>], what: &str) -> Result<&'a str, ToolError> {
    let mut units: Vec<&str> = points.iter().map(|p| p.s.unit.as_str()).collect();
    units.sort();
    units.dedup();
    match units.as_slice() {
        [u] => Ok(u),
        _ => Err(ToolError::Arguments(format!(
            "the series asked are in different units ({}) and two units are never combined in \
             {what}; name one item",
            units.join(", ")
        ))),
    }
}

/// The series ranked by their price (`what`: "latest price", "price in March 2024").
pub(super) fn rank_text(
    mut points: Vec<Point<'_>>,
    highest_first: bool,
    count: Option<u32>,
    what: &str,
) -> Result<String, ToolError> {
    let unit = one_unit(&points, "a ranking")?;
    points.sort_by(|a, b| {
        if highest_first {
            b.v.total_cmp(&a.v)
        } else {
            a.v.total_cmp(&b.v)
        }
    });
    let n = count.map_or(25, |c| c as usize).min(points.len());
    let first = &points[0];
    let mut text = format!(
        "Ranked by {what}, {} first, in {unit}: **{}** comes first at **{:.3} {unit}** (observed {}).\n\n",
        if highest_first { "highest" } else { "lowest" },
        first.s.name(),
        first.v,
        first.date
    );
    let rows: Vec<Vec<String>> = points
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                p.s.name(),
                format!("{:.3} {unit}", p.v),
                p.date.to_string(),
            ]
        })
        .collect();
    text.push_str(&table(&["Rank", "Series", "Price", "Observed"], &rows));
    if points.len() > n {
        text.push_str(&format!(
            "\n{} more series match; the ranking shows the first {n}.",
            points.len() - n
        ));
    }
    Ok(text)
}

/// The sum of a list of prices, one unit only.
pub(super) fn sum_text(points: &[Point<'_>], what: &str) -> Result<String, ToolError> {
    if points.len() < 2 {
        return Err(ToolError::Arguments(
            "a sum adds the prices of two or more series (a price summed over time means \
             nothing); name several items, technologies or regions"
                .into(),
        ));
    }
    let unit = one_unit(points, "a sum")?;
    let total: f64 = points.iter().map(|p| p.v).sum();
    let mut text = format!(
        "Sum of the {what} of {} series: **{total:.3} {unit}**.\n\n",
        points.len()
    );
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| vec![p.s.name(), format!("{:.3} {unit}", p.v), p.date.to_string()])
        .collect();
    text.push_str(&table(&["Series", "Price", "Observed"], &rows));
    Ok(text)
}

/// "since the series started", "since the start of that series", "since your data starts":
/// from the first observation.
pub(super) fn since_the_start(q: &understand::Question) -> bool {
    q.spans.iter().any(|s| {
        matches!(
            s.text.as_str(),
            "start" | "started" | "starts" | "began" | "begins" | "beginning" | "inception"
        )
    }) && q.has(|w| *w == understand::Word::Since)
}

/// "dropped from that peak", "up from its low", "below the high": a change that starts at the
/// highest (true) or lowest (false) observation.
pub(super) fn change_from_extreme(q: &understand::Question) -> Option<bool> {
    // "the % drawdown": from the peak.
    if q.spans
        .iter()
        .any(|s| matches!(s.text.as_str(), "drawdown" | "draw down"))
    {
        return Some(true);
    }
    q.spans.iter().enumerate().find_map(|(i, s)| {
        let high = if s.has(|w| {
            matches!(
                w,
                understand::Word::Op(understand::Op::Max | understand::Op::Top)
            )
        }) {
            true
        } else if s.has(|w| {
            matches!(
                w,
                understand::Word::Op(understand::Op::Min | understand::Op::Bottom)
            )
        }) {
            false
        } else {
            return None;
        };
        let before = q.spans[..i]
            .iter()
            .rev()
            .map(|s| s.text.as_str())
            .find(|t| !matches!(*t, "that" | "its" | "the" | "this" | "their"));
        matches!(before, Some("from" | "off" | "below" | "above")).then_some(high)
    })
}

/// The highest or lowest observation of a series (the earliest when repeated).
pub(super) fn extreme_point(s: &Series, high: bool) -> (NaiveDate, f64) {
    s.points
        .iter()
        .copied()
        .reduce(|a, b| {
            if (high && b.1 > a.1) || (!high && b.1 < a.1) {
                b
            } else {
                a
            }
        })
        .expect("a series has points")
}

/// The series a question subtracts ("TOPCon minus PERC", "premium over PERC": PERC), first;
/// else the order found.
pub(super) fn minus_last<'a>(points: &[Point<'a>], q: &understand::Question) -> Vec<Point<'a>> {
    let mut out = points.to_vec();
    // "A minus B", "A's premium over B", "how much more is A than B": B is subtracted ("A vs B"
    // compares with A, the first named).
    let names = |s: &understand::Span| {
        s.has(|w| {
            matches!(
                w,
                understand::Word::Tech(_)
                    | understand::Word::Description(_)
                    | understand::Word::Region(_)
                    | understand::Word::Item(_)
            )
        })
    };
    let score_of = |words: &[String], p: &Point<'_>| {
        let name = norm(&p.s.name());
        words.iter().filter(|w| name.contains(w.as_str())).count()
    };
    let Some(at) = q
        .spans
        .iter()
        .rposition(|s| matches!(s.text.as_str(), "minus" | "over" | "than"))
    else {
        // "what premium does TOPCon carry?" of two series: the one that carries it is compared
        // with the other.
        let carrier: Vec<String> = q
            .spans
            .iter()
            .position(|s| matches!(s.text.as_str(), "premium" | "discount" | "markup"))
            .and_then(|p| q.spans[p + 1..].iter().take(3).find(|s| names(s)))
            .map(|s| vec![s.text.clone()])
            .unwrap_or_default();
        if let [a, b] = out.as_slice()
            && score_of(&carrier, a) > 0
            && score_of(&carrier, b) == 0
        {
            out.swap(0, 1);
        }
        return out;
    };
    // The words of names after "minus", up to the next operation or end.
    let after: Vec<String> = q.spans[at + 1..]
        .iter()
        .take_while(|s| !s.has(|w| matches!(w, understand::Word::Op(_))))
        .filter(|s| names(s))
        .map(|s| s.text.clone())
        .collect();
    let score = |p: &Point<'_>| score_of(&after, p);
    if let Some(best) = (0..out.len()).max_by_key(|&i| (score(&out[i]), usize::MAX - i))
        && score(&out[best]) > 0
    {
        let b = out.remove(best);
        out.insert(0, b);
    }
    out
}

/// The difference of each series from the first one, absolute and in %, in one unit only.
pub(super) fn differences(points: &[Point<'_>], what: &str) -> String {
    let [base, rest @ ..] = points else {
        return String::new();
    };
    if rest.is_empty() {
        return String::new();
    }
    let unit = &base.s.unit;
    let mut text = format!(
        "\n\nDifference from **{}** ({:.3} {unit}, observed {}), comparing the {what}:\n\n",
        base.s.name(),
        base.v,
        base.date
    );
    let mut other_units = Vec::new();
    for p in rest {
        if &p.s.unit != unit {
            other_units.push(format!("{} ({})", p.s.name(), p.s.unit));
            continue;
        }
        let pct = if base.v != 0.0 {
            let ratio = ratio_text::<crate::tools::prices::Prices>(
                (&p.s.name(), p.v),
                (&base.s.name(), base.v),
                unit,
            )
            .map(|t| format!("; {t}"))
            .unwrap_or_default();
            format!(" ({}{ratio})", signed_pct((p.v / base.v - 1.0) * 100.0))
        } else {
            String::new()
        };
        // Two series: the gap between them too, whichever is higher.
        let gap = if rest.len() == 1 {
            format!(
                " The gap between them is {:.3} {unit}.",
                (p.v - base.v).abs()
            )
        } else {
            String::new()
        };
        text.push_str(&format!(
            "- **{}**: {:.3} {unit} (observed {}), {:+.3} {unit}{pct}.{gap}\n",
            p.s.name(),
            p.v,
            p.date,
            p.v - base.v
        ));
    }
    if !other_units.is_empty() {
        text.push_str(&format!(
            "- Not compared, another unit: {}.\n",
            other_units.join(", ")
        ));
    }
    text.trim_end().to_string()
}

/// The CAGR of each series over the span of years asked, from the observations nearest each
/// end (within 45 days), both dates stated.
pub(super) fn cagr_text(
    res: &prices::PriceResult,
    from: i32,
    to: i32,
) -> Result<String, ToolError> {
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(from, 1, 1),
        NaiveDate::from_ymd_opt(to, 12, 31),
    ) else {
        return Err(ToolError::Arguments("those years do not exist".into()));
    };
    let mut rows = Vec::new();
    let mut one = None;
    for s in res.series.iter().take(25) {
        let ((d0, v0), (d1, v1)) = (s.first(), s.latest());
        if (d0 - start).num_days() > 45 || (end - d1).num_days() > 45 {
            rows.push(vec![
                s.name(),
                s.unit.clone(),
                format!("the series runs {d0} to {d1} and does not cover {from} to {to}"),
                "–".into(),
                "–".into(),
                "–".into(),
            ]);
            continue;
        }
        let years = (d1 - d0).num_days() as f64 / 365.25;
        let cagr = if v0 > 0.0 && v1 > 0.0 && years > 0.0 {
            signed_pct(((v1 / v0).powf(1.0 / years) - 1.0) * 100.0)
        } else {
            "–".into()
        };
        one = Some((s, d0, v0, d1, v1, years, cagr.clone()));
        rows.push(vec![
            s.name(),
            s.unit.clone(),
            format!("{v0:.3} ({d0})"),
            format!("{v1:.3} ({d1})"),
            format!("{years:.1}"),
            cagr,
        ]);
    }
    if one.is_none() {
        let runs: Vec<String> = res
            .series
            .iter()
            .take(3)
            .map(|s| format!("{} runs {} to {}", s.name(), s.first().0, s.latest().0))
            .collect();
        return Err(ToolError::Arguments(format!(
            "a CAGR needs an observation near each end of the span, and the price data does not \
             cover {from} to {to} ({})",
            runs.join("; ")
        )));
    }
    Ok(match (rows.len(), one) {
        (1, Some((s, d0, v0, d1, v1, years, cagr))) => format!(
            "The price of **{}** went from {v0:.3} {unit} ({d0}) to {v1:.3} {unit} ({d1}): a CAGR of \
             **{cagr} a year** over {years:.1} years ({} in all).",
            s.name(),
            signed_pct((v1 / v0 - 1.0) * 100.0),
            unit = s.unit
        ),
        _ => format!(
            "Compound annual growth of the prices from {from} to {to} (each row in its own unit; \
             the observations nearest each end):\n\n{}",
            table(&["Series", "Unit", "From", "To", "Years", "CAGR"], &rows)
        ),
    })
}

/// The series ranked by their change over the span (in %, so each row keeps its own unit).
pub(super) fn rank_by_change(
    res: &prices::PriceResult,
    largest_rise_first: bool,
    count: Option<u32>,
    span: &str,
) -> String {
    type Move<'a> = (&'a Series, (NaiveDate, f64), (NaiveDate, f64), f64);
    let mut moves: Vec<Move> = res
        .series
        .iter()
        .filter_map(|s| {
            let (a, b) = (s.first(), s.latest());
            (a.1 != 0.0 && a.0 != b.0).then(|| (s, a, b, (b.1 / a.1 - 1.0) * 100.0))
        })
        .collect();
    if moves.is_empty() {
        return "No series has two observations in the span asked, so there is no change to rank."
            .into();
    }
    moves.sort_by(|a, b| {
        if largest_rise_first {
            b.3.total_cmp(&a.3)
        } else {
            a.3.total_cmp(&b.3)
        }
    });
    let n = count.map_or(25, |c| c as usize).min(moves.len());
    let (s, _, _, p) = moves[0];
    let mut text = format!(
        "Ranked by the price change {span} (in %, each series in its own unit), {} first: **{}** with **{}**.\n\n",
        if largest_rise_first {
            "largest rise"
        } else {
            "largest fall"
        },
        s.name(),
        signed_pct(p)
    );
    let rows: Vec<Vec<String>> = moves
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, (s, (d0, v0), (d1, v1), p))| {
            vec![
                (i + 1).to_string(),
                s.name(),
                s.unit.clone(),
                format!("{v0:.3} ({d0})"),
                format!("{v1:.3} ({d1})"),
                signed_pct(*p),
            ]
        })
        .collect();
    text.push_str(&table(
        &["Rank", "Series", "Unit", "From", "To", "Change"],
        &rows,
    ));
    let mut starts: Vec<NaiveDate> = moves.iter().map(|m| m.1.0).collect();
    starts.sort();
    starts.dedup();
    if starts.len() > 1 {
        text.push_str(
            "\nThe series do not all start on the same date: each change runs between the dates in its row.",
        );
    }
    text
}

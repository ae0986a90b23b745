//! Price answers of the built-in provider: the latest price, a price in a month (the nearest
//! observation and its date), the lowest, highest or average over a period, the change and the
//! CAGR over a span, rankings of series (by price or by change), comparisons with their
//! differences, sums of a list, trends; one unit per figure.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::tools::prices::Series;

mod texts;
use texts::*;

/// The operations the price and financial answers compute; any other one declines rather than
/// answering a different question (the latest price for "the lowest price", say).
pub(super) const PRICE_OPS: &[understand::Op] = &[
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
    understand::Op::Rank,
    understand::Op::Bottom,
    understand::Op::Change,
    understand::Op::Cagr,
    understand::Op::Sum,
];

/// A share of a total is not a price operation: prices are not parts of a whole. Said before
/// the generic "not yet" (a percentage with a change is the change's %).
pub(super) fn no_price_share(q: &understand::Question) -> Result<(), decline::Decline> {
    use understand::{Op, Word};
    let share = q.has(|w| *w == Word::Op(Op::Share));
    // "the EU premium in %", "% move": a percentage with a change or a comparison is its %.
    let change = q.has(|w| matches!(w, Word::Op(Op::Change | Op::Cagr | Op::Compare)));
    if share && !change {
        return Err(decline::Decline::because(
            "A share of a total is not meaningful for prices: a price is not a part of a whole \
             that adds up, so I will not compute one. For prices I can give the latest price, a \
             price in a month, the lowest, highest or average over a span, the change or CAGR \
             over a span, a ranking of series by price or by change, a comparison with the \
             differences, or the sum of a list of prices in one unit.",
        ));
    }
    Ok(())
}

/// One price of a series: its latest observation, or the one nearest a date.
#[derive(Clone)]
pub(super) struct Point<'a> {
    s: &'a Series,
    date: NaiveDate,
    v: f64,
}

pub(super) fn fits_prices(w: &understand::Word) -> bool {
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
            | Word::Frequency
            // "the actual price", "historical prices": every price is an observed one
            | Word::Scenario("Historical Primary")
    )
}

/// "Silver's high between 2020 and 2024": "high" and "low" alone, not beside another word of a
/// description ("high purity", "9N high"), are the highest and the lowest price, not a filter on
/// the "High purity" polysilicon descriptions that no one names by that one word.
pub(super) fn lone_high_low(question: &mut understand::Question) {
    use understand::{Op, Word};
    let tech = |s: &understand::Span| s.has(|w| matches!(w, Word::Tech(_) | Word::Description(_)));
    for i in 0..question.spans.len() {
        let s = &question.spans[i];
        let op = match s.text.as_str() {
            "high" | "highs" => Op::Max,
            "low" | "lows" => Op::Min,
            _ => continue,
        };
        let before = i.checked_sub(1).map(|j| &question.spans[j]);
        let alone = !s.is_unknown()
            && s.meanings.iter().all(|w| matches!(w, Word::Tech(_)))
            && !before.is_some_and(tech)
            && !question.spans.get(i + 1).is_some_and(tech);
        if alone {
            let s = &mut question.spans[i];
            s.meanings = vec![Word::Op(op)];
            s.read_past = false;
        }
    }
}

pub(super) async fn price_answer(
    tools: &ToolContext<'_>,
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
    // A follow-up that names none keeps the ones of the question before it ("and Dec 2024?").
    let understood = question.technologies();
    let ask = &Ask {
        techs: if understood.is_empty() {
            ask.techs.clone()
        } else {
            understood
        },
        ..ask.clone()
    };
    use understand::Op;
    // For a price, "best" is the lowest to a buyer and the highest to a seller: not guessed.
    if let Some(s) = question
        .spans
        .iter()
        .find(|s| matches!(s.text.as_str(), "best" | "worst" | "strongest" | "weakest"))
    {
        return Err(ToolError::Arguments(format!(
            "\"{}\" is not clear for a price (the lowest to a buyer, the highest to a seller): ask for the lowest or the highest",
            s.text
        )));
    }
    // "the difference between EU and Chinese prices for TOPCon cells in December 2024": a
    // difference between two regions at one period is their gap, not a change over time.
    let difference =
        |s: &understand::Span| matches!(s.text.as_str(), "difference" | "gap" | "spread");
    let regions_gap = ask.regions.len() >= 2
        && question.years().len() <= 1
        && months.len() <= 1
        && question.spans.iter().any(difference)
        && question
            .spans
            .iter()
            .filter(|s| s.has(|w| matches!(w, understand::Word::Op(Op::Change | Op::Cagr))))
            .all(difference);
    let as_gap;
    let (question, ask) = if regions_gap {
        let mut q = question.clone();
        for s in q.spans.iter_mut().filter(|s| difference(s)) {
            s.meanings = vec![understand::Word::Op(Op::Compare)];
        }
        as_gap = (
            q,
            Ask {
                compare: true,
                ..ask.clone()
            },
        );
        (&as_gap.0, &as_gap.1)
    } else {
        (question, ask)
    };
    let changes = question.has(|w| matches!(w, understand::Word::Op(Op::Change | Op::Cagr)));
    // "from Jan 2023 to Dec 2024": a change between two months is over the dates they span.
    let years_named = question.years();
    // (Names are read once: "January 2024 and January 2025" has one month.)
    let two_months = match months.as_slice() {
        [m] => Some((*m, *m)),
        [a, b] => Some((*a, *b)),
        _ => None,
    };
    // "since April 2023" with a change, an extreme or an average: from that month to the latest
    // observation ("highest CdTe module price since Jan 2022").
    let over_span = changes
        || question.has(|w| {
            matches!(
                w,
                understand::Word::Op(Op::Min | Op::Max | Op::Top | Op::Bottom | Op::Average)
            )
        });
    let month_span = match (over_span, two_months, years_named.as_slice()) {
        // ("Dec 2024 vs Dec 2023, % change": from the earlier month to the later.)
        (true, Some((m0, m1)), [y0, y1]) if (y0, m0) != (y1, m1) => {
            let ((y0, m0), (y1, m1)) = if (y0, m0) < (y1, m1) {
                ((*y0, m0), (*y1, m1))
            } else {
                ((*y1, m1), (*y0, m0))
            };
            let start = NaiveDate::from_ymd_opt(y0, m0, 1);
            let end = NaiveDate::from_ymd_opt(y1 + i32::from(m1 == 12), m1 % 12 + 1, 1)
                .and_then(|d| d.pred_opt());
            start.zip(end.map(Some))
        }
        // "from Jan 2024 to Dec 2024": the year is read once.
        (true, Some((m0, m1)), [y]) if m0 < m1 => {
            let start = NaiveDate::from_ymd_opt(*y, m0, 1);
            let end = NaiveDate::from_ymd_opt(*y + i32::from(m1 == 12), m1 % 12 + 1, 1)
                .and_then(|d| d.pred_opt());
            start.zip(end.map(Some))
        }
        (true, Some((m, m1)), [y])
            if m == m1 && question.has(|w| *w == understand::Word::Since) =>
        {
            NaiveDate::from_ymd_opt(*y, m, 1).map(|start| (start, None))
        }
        _ => None,
    };
    // "between 3 April 2024 and 26 March 2025": days named narrow the months' span to them.
    let days: Vec<NaiveDate> = question
        .dates()
        .into_iter()
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    let in_month = |a: NaiveDate, b: NaiveDate| (a.year(), a.month()) == (b.year(), b.month());
    let month_span = month_span.map(|(start, end)| {
        let start = days
            .iter()
            .copied()
            .find(|d| in_month(*d, start))
            .unwrap_or(start);
        let end = end.map(|e| days.iter().copied().rfind(|d| in_month(*d, e)).unwrap_or(e));
        (start, end)
    });
    if !months.is_empty() && month_span.is_none() {
        // "how much did it move by Dec 2024?": a change needs the month it starts from too.
        if changes {
            return Err(ToolError::Arguments(
                "a change between two months needs both, e.g. from June 2024 to December 2024"
                    .into(),
            ));
        }
        return price_in_month(tools, ask, question, &months, vocab, emit).await;
    }
    // "min and max over the whole series": both, lowest first.
    let mut extremes: Vec<bool> = Vec::new();
    if question.has(|w| matches!(w, understand::Word::Op(Op::Min | Op::Bottom))) {
        extremes.push(false);
    }
    if question.has(|w| matches!(w, understand::Word::Op(Op::Max | Op::Top))) {
        extremes.push(true);
    }
    let average = question.has(|w| *w == understand::Word::Op(Op::Average));
    let (start, end) = ask.years.unwrap_or((None, None));
    // "% change from the first 2024 reading to the latest one": the year bounds the start only;
    // the change runs to the latest observation, not to the year's last.
    let first_of_year_to_latest = changes
        && months.is_empty()
        && start.is_some()
        && start == end
        && year_between_first_and_latest(question);
    let end = if first_of_year_to_latest { None } else { end };
    let args = PriceArgs {
        item: ask.items.clone(),
        technology: ask.techs.clone(),
        region: ask.regions.clone(),
        start_year: start,
        // "since April 2023": up to the latest observation.
        end_year: if month_span.is_some_and(|(_, b)| b.is_none()) {
            None
        } else {
            end
        },
        start_date: month_span.map(|(a, _)| a.to_string()),
        end_date: month_span.and_then(|(_, b)| b).map(|b| b.to_string()),
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
    let Some(res) = Prices::query(tools, &f).await? else {
        say(
            emit,
            "The price data has no observations for these filters.\n\n",
        );
        return Ok(false);
    };
    let mut text = String::new();
    let has = |op: Op| question.has(|w| *w == understand::Word::Op(op));
    let ranked = ranking(question, res.series.len());
    // "first" is the first observation of a change ("from the first quote to the latest") or
    // the first date of the lowest or highest price; alone it is not guessed.
    if has(Op::First)
        && !(has(Op::Change) || has(Op::Cagr))
        && extremes.is_empty()
        && ranked.is_none()
    {
        return Err(ToolError::Arguments(
            "I give the first observation of a price with a change from it (\"from the first \
             observation to the latest\"), and the date a price first reached its lowest or \
             highest; ask for one of those"
                .into(),
        ));
    }
    // "latest price in the EU vs China, and the difference": the gap between the series at
    // their latest observations (below), not a change over time.
    let gap_only = ask.compare
        && has(Op::Latest)
        && !has(Op::Cagr)
        && res.series.len() >= 2
        && question.years().is_empty()
        && months.is_empty()
        && question
            .spans
            .iter()
            .filter(|s| s.has(|w| *w == understand::Word::Op(Op::Change)))
            .all(|s| matches!(s.text.as_str(), "difference" | "gap" | "spread"));
    let has = |op: Op| has(op) && !(gap_only && op == Op::Change);
    // "Jan 2023?", "and Dec 2024?", "percentage change between the two?": a change whose span
    // is only inherited from the question before (one period) is not guessed.
    if (has(Op::Change) || has(Op::Cagr))
        && question.years().is_empty()
        && months.is_empty()
        && ask.years.is_some()
        && !(has(Op::First) || has(Op::Latest) || since_the_start(question))
    {
        return Err(ToolError::Arguments(
            "name the span of the change, e.g. from January 2023 to December 2024".into(),
        ));
    }
    if has(Op::Change) || has(Op::Cagr) {
        // "how far has it dropped from that peak": from the highest (or lowest) observation.
        let from_extreme = change_from_extreme(question).filter(|_| !has(Op::First));
        // The change of each series from its first to its last observation in the span asked
        // (the dates say which), in the series' unit and in %.
        // Without years, over the whole series ("from the first quote to the latest"); the
        // dates of the two observations are given.
        let first_year = res
            .series
            .iter()
            .map(|s| s.first().0.year())
            .min()
            .unwrap_or_default();
        let (from, to, span) = match (month_span, ask.years) {
            (Some((a, Some(b))), _) => (
                a.year(),
                Some(b.year()),
                format!("from {} to {}", a.format("%B %Y"), b.format("%B %Y")),
            ),
            (Some((a, None)), _) => (a.year(), None, format!("since {}", a.format("%B %Y"))),
            (None, Some((Some(a), Some(_)))) if first_of_year_to_latest => (
                a,
                None,
                format!("from the first observation of {a} to the latest"),
            ),
            (None, Some((Some(a), Some(b)))) if a != b => (a, Some(b), format!("from {a} to {b}")),
            (None, Some((Some(a), Some(_)))) => (a, Some(a), format!("in {a}")),
            (None, Some((Some(a), None))) => (a, None, format!("since {a}")),
            // "from the first quote to the latest", "first vs latest", "down from its peak":
            // the whole series; a change with no span at all is not guessed.
            (None, _)
                if has(Op::First)
                    || has(Op::Latest)
                    || from_extreme.is_some()
                    || since_the_start(question) =>
            {
                (
                    first_year,
                    None,
                    "from the first observation to the latest".to_string(),
                )
            }
            (None, _) => {
                return Err(ToolError::Arguments(
                    "a change needs a span, e.g. from 2023 to 2024, or from the first observation to the latest".into(),
                ));
            }
        };
        // "since 2023": up to the year of the latest observation.
        let to = to.unwrap_or_else(|| {
            res.series
                .iter()
                .map(|s| s.latest().0.year())
                .max()
                .unwrap_or(from)
        });
        if let Some(highest_first) = ranked {
            // "rose the most" ranks the largest rise first; "fell the most" the largest fall.
            let rise_first = highest_first != question.speaks_of_a_fall();
            text.push_str(&rank_by_change(&res, rise_first, question.count(), &span));
        } else if has(Op::Cagr) {
            text.push_str(&cagr_text(&res, from, to)?);
        }
        if ranked.is_some() || has(Op::Cagr) {
            text.push_str(&source_line(&res.source.name, res.source.is_sample));
            say(emit, &text);
            return Ok(true);
        }
        let rows: Vec<Vec<String>> = res
            .series
            .iter()
            .take(25)
            .map(|s| {
                let (d0, v0) = match from_extreme {
                    Some(high) => extreme_point(s, high),
                    None => s.first(),
                };
                let (d1, v1) = s.latest();
                let pct = if v0 != 0.0 {
                    signed_pct((v1 / v0 - 1.0) * 100.0)
                } else {
                    "–".into()
                };
                vec![
                    s.name(),
                    s.unit.clone(),
                    format!("{v0:.3} ({d0})"),
                    format!("{v1:.3} ({d1})"),
                    format!("{:+.3}", v1 - v0),
                    pct,
                ]
            })
            .collect();
        if let (Some(high), [row]) = (from_extreme, rows.as_slice()) {
            text.push_str(&format!(
                "The price of **{}** {} at {}; the latest is {}: **{} {}** (**{}**) from the {}.",
                row[0],
                if high { "peaked" } else { "bottomed" },
                row[2],
                row[3],
                row[4],
                row[1],
                row[5],
                if high { "peak" } else { "low" }
            ));
        } else if let [row] = rows.as_slice() {
            text.push_str(&format!(
                "The price of **{}** went from {} to {}: **{} {}** (**{}**).",
                row[0], row[2], row[3], row[4], row[1], row[5]
            ));
        } else {
            text.push_str("Price changes over the span asked (each row in its own unit):\n\n");
            text.push_str(&table(
                &[
                    "Series",
                    "Unit",
                    match from_extreme {
                        Some(true) => "Peak",
                        Some(false) => "Low",
                        None => "From",
                    },
                    "To",
                    "Change",
                    "%",
                ],
                &rows,
            ));
        }
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    let latest: Vec<Point> = res
        .series
        .iter()
        .map(|s| {
            let (date, v) = s.latest();
            Point { s, date, v }
        })
        .collect();
    if let Some(highest_first) = ranked {
        text.push_str(&rank_text(
            latest,
            highest_first,
            question.count(),
            "latest price",
        )?);
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    if has(Op::Sum) {
        text.push_str(&sum_text(&latest, "latest prices")?);
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    for extreme in if extremes.is_empty() && average {
        vec![None]
    } else {
        extremes.iter().map(|e| Some(*e)).collect()
    } {
        // The lowest, highest or average price of each series over the period asked.
        let rows: Vec<Vec<String>> = res
            .series
            .iter()
            .take(25)
            .map(|s| {
                let (first, last) = (s.first().0, s.latest().0);
                let figure = match extreme {
                    Some(high) => {
                        let (d, v) = extreme_point(s, high);
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
        text.push_str("\n\n");
    }
    if !extremes.is_empty() || average {
        text.push_str(source_line(&res.source.name, res.source.is_sample).trim_start());
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
                " Over {fd} to {ld} it averaged {:.3} {} and moved from {fv:.3} to {lv:.3} ({}).",
                s.average(),
                s.unit,
                signed_pct(if fv > 0.0 {
                    (lv / fv - 1.0) * 100.0
                } else {
                    0.0
                })
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
                        signed_pct((lv / fv - 1.0) * 100.0)
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
        if ask.compare {
            text.push_str(&differences(&minus_last(&latest, question), "latest price"));
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
pub(super) async fn price_in_month(
    tools: &ToolContext<'_>,
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
    // A day named ("on 5 February 2025", "the week of 3 April 2024") is the date to look near;
    // else the middle of the month.
    let day = question
        .dates()
        .into_iter()
        .find(|(y, m, _)| (y, m) == (year, month))
        .map(|(_, _, d)| d);
    let Some(target) = chrono::NaiveDate::from_ymd_opt(*year, *month, day.unwrap_or(15)) else {
        return Err(ToolError::Arguments("that date does not exist".into()));
    };
    // (Within a week and a half of a day; within 45 days of a month's middle.)
    let reach = if day.is_some() { 10 } else { 45 };
    let args = PriceArgs {
        item: ask.items.clone(),
        technology: ask.techs.clone(),
        region: ask.regions.clone(),
        ..PriceArgs::default()
    };
    let f = prices::resolve(&args, &vocab.prices)?;
    let Some(res) = Prices::query(tools, &f).await? else {
        return Ok(false);
    };
    let (at, date) = if day.is_some() {
        ("on", target.format("%-d %B %Y").to_string())
    } else {
        ("in", target.format("%B %Y").to_string())
    };
    let label = format!("{at} {date}");
    let mut found = Vec::new();
    for s in &res.series {
        // (Past either end of a series, only an observation of the month or day asked: the
        // December quote is not January's price when the data ends in December.)
        let within = s.first().0 <= target && target <= s.latest().0;
        if let Some((d, v)) = s.nearest(target)
            && (d - target).num_days().abs() <= reach
            && (within
                || if day.is_some() {
                    d == target
                } else {
                    (d.year(), d.month()) == (target.year(), target.month())
                })
        {
            found.push((s, d, v));
        }
    }
    if found.is_empty() {
        say(
            emit,
            &format!(
                "The price data has no observation near {} for these filters ({}).",
                date,
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
    // "Average EU TOPCon module price during January 2025": the mean of that month's
    // observations of each series, not the one nearest the middle.
    if question.has(|w| *w == understand::Word::Op(understand::Op::Average)) {
        let mut rows = Vec::new();
        for s in &res.series {
            let inside: Vec<(chrono::NaiveDate, f64)> = s
                .points
                .iter()
                .copied()
                .filter(|(d, _)| d.year() == *year && d.month() == *month)
                .collect();
            if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
                let mean = inside.iter().map(|(_, v)| v).sum::<f64>() / inside.len() as f64;
                rows.push((s, mean, inside.len(), first.0, last.0));
            }
        }
        match rows.as_slice() {
            [] => return Ok(false),
            [(s, mean, n, a, b)] => text.push_str(&format!(
                "The average price of **{}** {label} was **{mean:.4} {}** ({n} observation{}, {a} to {b}).",
                s.name(),
                s.unit,
                if *n == 1 { "" } else { "s" }
            )),
            many => {
                text.push_str(&format!(
                    "Average prices {label} (each in its own unit, over the month's observations):\n\n"
                ));
                let rows: Vec<Vec<String>> = many
                    .iter()
                    .take(25)
                    .map(|(s, mean, n, _, _)| {
                        vec![s.name(), s.unit.clone(), format!("{mean:.4}"), n.to_string()]
                    })
                    .collect();
                text.push_str(&table(&["Series", "Unit", "Average", "Observations"], &rows));
            }
        }
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
    let points: Vec<Point> = found
        .iter()
        .map(|(s, date, v)| Point {
            s,
            date: *date,
            v: *v,
        })
        .collect();
    let what = format!("price {label}, the nearest observation");
    if let Some(highest_first) = ranking(question, points.len()) {
        text.push_str(&rank_text(points, highest_first, question.count(), &what)?);
    } else if question.has(|w| *w == understand::Word::Op(understand::Op::Sum)) {
        text.push_str(&sum_text(
            &points,
            &format!("prices {label} (the nearest observations)"),
        )?);
    } else if let [(s, d, v)] = found.as_slice() {
        text.push_str(&format!(
            "The price of **{}** {label} was **{v:.3} {}** (the observation of {d}).",
            s.name(),
            s.unit
        ));
    } else {
        text.push_str(&format!(
            "Component prices {label} (each in its own unit; the nearest observation):\n\n"
        ));
        let rows: Vec<Vec<String>> = found
            .iter()
            .take(25)
            .map(|(s, d, v)| vec![s.name(), s.unit.clone(), format!("{v:.3}"), d.to_string()])
            .collect();
        text.push_str(&table(&["Series", "Unit", "Price", "Observed"], &rows));
        if ask.compare {
            text.push_str(&differences(&minus_last(&points, question), &what));
        }
    }
    text.push_str(&source_line(&res.source.name, res.source.is_sample));
    say(emit, &text);
    Ok(true)
}

/// "from the first 2024 reading to the latest one": a year named after "first" and before
/// "latest", so it is where the change starts, not the span it stays in ("from the first to the
/// latest reading in 2024" keeps to 2024).
fn year_between_first_and_latest(q: &understand::Question) -> bool {
    let at = |f: &dyn Fn(&understand::Word) -> bool| q.spans.iter().position(|s| s.has(f));
    let first = at(&|w| *w == understand::Word::Op(understand::Op::First));
    let latest = at(&|w| *w == understand::Word::Op(understand::Op::Latest));
    let year = at(&|w| matches!(w, understand::Word::Year(_)));
    matches!((first, year, latest), (Some(f), Some(y), Some(l)) if f < y && y < l)
}

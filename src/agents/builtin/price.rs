//! Price answers of the built-in provider: the latest price, a price in a month (the nearest
//! observation and its date), the lowest, highest or average over a period, trends and
//! comparisons, one unit per figure.

use super::*;

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
    understand::Op::Bottom,
    understand::Op::Change,
];

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
    )
}

pub(super) async fn price_answer(
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
    if question.has(|w| *w == understand::Word::Op(Op::Change)) {
        // The change of each series from its first to its last observation in the span asked
        // (the dates say which), in the series' unit and in %.
        if ask.years.is_none_or(|(a, b)| a.is_none() || a == b) {
            return Err(ToolError::Arguments(
                "a change needs a span, e.g. from 2023 to 2024".into(),
            ));
        }
        let rows: Vec<Vec<String>> = res
            .series
            .iter()
            .take(25)
            .map(|s| {
                let ((d0, v0), (d1, v1)) = (s.first(), s.latest());
                let pct = if v0 != 0.0 {
                    format!("{:+.1}%", (v1 / v0 - 1.0) * 100.0)
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
        if let [row] = rows.as_slice() {
            text.push_str(&format!(
                "The price of **{}** went from {} to {}: **{} {}** (**{}**).",
                row[0], row[2], row[3], row[4], row[1], row[5]
            ));
        } else {
            text.push_str("Price changes over the span asked (each row in its own unit):\n\n");
            text.push_str(&table(
                &["Series", "Unit", "From", "To", "Change", "%"],
                &rows,
            ));
        }
        text.push_str(&source_line(&res.source.name, res.source.is_sample));
        say(emit, &text);
        return Ok(true);
    }
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
pub(super) async fn price_in_month(
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

//! The market answers that compute over many rows: rankings, countries beyond a mark, thresholds, splits by connection, shares and changes.

use super::*;

/// Ranking of countries (never aggregates; those of the region named, if one is) in a year, or
/// over a span (annual figures added up, cumulative ones at the span's last year).
pub(super) async fn rank(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    from: i32,
    to: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let conn = a
        .connections
        .first()
        .copied()
        .unwrap_or(Connection::Total.as_str());
    let region = a.territories.iter().find(|t| norm(t) != "world").cloned();
    let mut q = with_op(
        args(a, region.iter().cloned().collect(), from, to, vec![conn]),
        Operation::Rank,
    );
    if (a.has(Op::Change) || a.has(Op::Cagr)) && from < to {
        return rank_by_change(tools, a, vocab, q, (from, to), region, emit).await;
    }
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
    } else if kind == MarketKind::Cumulative.as_str() {
        format!("at the end of **{to}**")
    } else {
        format!("in **{from}–{to}** (added up)")
    };
    // "excluding China": the others, ranked again from 1.
    let ranked: Vec<analytic::Figure> = c
        .all("value")
        .filter(|f| !a.excluded.contains(&f.series))
        .enumerate()
        .map(|(i, f)| analytic::Figure {
            rank: Some(i + 1),
            ..f.clone()
        })
        .collect();
    let Some(first) = ranked.first() else {
        return Ok(false);
    };
    let share_of = |f: &analytic::Figure| {
        c.figures
            .iter()
            .find(|s| s.measure == "share_pct" && s.series == f.series)
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
    let all: Vec<_> = c.all("value").collect();
    let left_out = if a.excluded.is_empty() {
        String::new()
    } else {
        format!(
            " {} left out of the ranking as asked.",
            a.excluded.join(" and ")
        )
    };
    let shares = match &region {
        Some(r) => format!(
            "Shares are of the {} countries of {r} in the data ({}).{left_out}",
            all.len(),
            all.iter()
                .map(|f| f.series.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => format!(
            "Shares are of the {} countries in the data (regions and aggregates such as World or the EU are not ranked).{left_out}",
            all.len()
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
        let op = if from == to || kind == MarketKind::Cumulative.as_str() {
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
pub(super) async fn beyond(
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
    let conn = a
        .connections
        .first()
        .copied()
        .unwrap_or(Connection::Total.as_str());
    // (Within the region the reader kept, if any: "Which EU member states ...".)
    let region = a.territories.first().cloned();
    let q = with_op(
        args(a, region.iter().cloned().collect(), from, to, vec![conn]),
        Operation::Rank,
    );
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
    let period = if kind == MarketKind::Cumulative.as_str() {
        format!("at the end of **{to}**")
    } else {
        format!("in **{to}**")
    };
    let way = if a.below { "lower" } else { "higher" };
    let among = match &region {
        Some(r) => format!("the {} countries of {r} in the data", ranked.len()),
        None => format!(
            "the {} countries in the data, regions and aggregates such as World or the EU not counted",
            ranked.len()
        ),
    };
    let basis = format!(
        "(MW DC; {}, {} connection; ranks among {among})",
        scenarios_of(&res),
        conn.to_lowercase(),
    );
    let of_region = region
        .as_ref()
        .map(|r| format!(" of {r}"))
        .unwrap_or_default();
    let text = if listed.is_empty() {
        format!(
            "No country{of_region} had {way} {} than {named} {period} {basis}.",
            what(kind)
        )
    } else {
        let more = if listed.len() > SHOWN {
            format!("\n\n…and {} more.", listed.len() - SHOWN)
        } else {
            String::new()
        };
        format!(
            "**{}** {}{of_region} had {way} {} than {named} {period} {basis}:\n\n{}{more}",
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
pub(super) async fn threshold(
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
    let kind = a.kind.unwrap_or(MarketKind::Annual.as_str());
    let conn = a
        .connections
        .first()
        .copied()
        .unwrap_or(Connection::Total.as_str());
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
pub(super) async fn split(
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
        for c in Connection::SEGMENTS.map(Connection::as_str) {
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
                super::super::ratio_text::<crate::tools::market::Market>((a1, v1), (a2, v2), "MW")
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
pub(super) async fn share(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    year: i32,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let kind = a.kind.unwrap_or(MarketKind::Annual.as_str());
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
            None => args(
                a,
                a.territories.clone(),
                year,
                year,
                vec![Connection::Total.as_str()],
            ),
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
        let (Some(part), Some(whole)) = (value_of(conn), value_of(Connection::Total.as_str()))
        else {
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
pub(super) async fn change(
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
    let kind = a.kind.unwrap_or(MarketKind::Annual.as_str());
    let conn = a
        .connections
        .first()
        .copied()
        .unwrap_or(Connection::Total.as_str());
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
    if a.each_year && !crosses && a.territories.len() == 1 {
        return year_on_year(tools, a, vocab, (from, to), conn, emit).await;
    }
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
                    additive: kind == MarketKind::Annual.as_str(),
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

/// "Which two countries saw the biggest % decline in additions from 2023 to 2024?": countries
/// ranked by their change from the first year to the last (in % when the question asks in %),
/// from the largest fall when it speaks of one; both changes are shown.
async fn rank_by_change(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    mut q: MarketArgs,
    (from, to): (i32, i32),
    region: Option<String>,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    // (A change from a historical year to a forecast one joins two series per country, and
    // several forecast scenarios give several figures a year: neither is ranked.)
    let forecasts = a
        .scenarios
        .iter()
        .filter(|s| s.starts_with("Forecast"))
        .count();
    if let Some((last_hist, _)) = vocab.market_years
        && to > last_hist
        && (from <= last_hist || forecasts > 1)
    {
        return Err(ToolError::Arguments(format!(
            "countries are ranked by a change within the history (to {last_hist}) or within one forecast scenario, not across them: ask for the years of one"
        )));
    }
    let pct = a.percent || a.has(Op::Cagr);
    q.rank_by = Some(if pct { "change_pct" } else { "change" }.into());
    // (Every country, cut after those without both years are left out.)
    q.count = None;
    let lowest = a.has(Op::Bottom) != a.fall;
    q.order = Some(if lowest { "lowest" } else { "highest" }.into());
    let Some((res, c)) = computed(tools, vocab, &q).await? else {
        return Ok(false);
    };
    let kind = res.resolved.kind;
    let conn = q.connection.first().cloned().unwrap_or_default();
    // Only countries with a figure in both years asked, and not left out.
    let (first, last) = (from.to_string(), to.to_string());
    let rows: Vec<(&str, f64, f64, f64, Option<f64>)> = c
        .all("change")
        .filter(|f| !a.excluded.contains(&f.series))
        .filter_map(|f| {
            let at = |m| c.get(&f.series, m);
            let (fa, fb) = (at("first")?, at("latest")?);
            (fa.period == first && fb.period == last).then(|| {
                (
                    f.series.as_str(),
                    fa.value,
                    fb.value,
                    f.value,
                    at("change_pct").map(|p| p.value),
                )
            })
        })
        .collect();
    let n = a
        .count
        .map(|c| c as usize)
        .unwrap_or(if a.has(Op::Rank) { 10 } else { 1 })
        .max(1);
    let Some(top) = rows.first() else {
        return Ok(false);
    };
    let measure = if pct { "in %" } else { "in MW" };
    let end = match (lowest, a.fall) {
        (true, true) => "largest fall",
        (true, false) => "smallest change",
        (false, true) => "smallest fall",
        (false, false) => "largest rise",
    };
    let among = match &region {
        Some(r) => format!("{r}'s countries"),
        None => "countries".into(),
    };
    let signed = |v: f64| format!("{}{}", if v > 0.0 { "+" } else { "" }, mw(v));
    let pct_of = |p: Option<f64>| p.map(signed_pct).unwrap_or_else(|| "–".into());
    let lead = if n == 1 {
        format!(
            "Of the {among}, **{}** had the {end} {measure} of {} from **{from}** to **{to}**: from {} to {}, **{}** ({}) (MW DC; {}, {} connection).",
            top.0,
            what(kind),
            mw(top.1),
            mw(top.2),
            signed(top.3),
            pct_of(top.4),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    } else {
        format!(
            "The {} {among} with the {end} {measure} of {} from **{from}** to **{to}** (MW DC; {}, {} connection):",
            n.min(rows.len()),
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase()
        )
    };
    let ranked: Vec<Vec<String>> = rows
        .iter()
        .take(if n == 1 { 5 } else { n })
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.0.to_string(),
                fmt_thousands(r.1, 0),
                fmt_thousands(r.2, 0),
                signed_thousands(r.3),
                pct_of(r.4),
            ]
        })
        .collect();
    let left_out = if a.excluded.is_empty() {
        String::new()
    } else {
        format!(
            " {} left out of the ranking as asked.",
            a.excluded.join(" and ")
        )
    };
    say(
        emit,
        &format!(
            "{lead}\n\n{}\nCountries with a figure in both {from} and {to} are ranked{}; regions and aggregates such as World or the EU are not.{left_out}{}",
            table(
                &[
                    "Rank",
                    "Country",
                    &format!("{from} MW"),
                    &format!("{to} MW"),
                    "Change MW",
                    "Change %"
                ],
                &ranked
            ),
            if pct {
                " (a change in % needs a first figure above zero)"
            } else {
                ""
            },
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// "the year-on-year % change in France's additions for each year from 2021 to 2024": every
/// year of the span against the year before it (the first year too, when the data holds the
/// year before).
async fn year_on_year(
    tools: &ToolContext<'_>,
    a: &MarketAsk,
    vocab: &Vocabulary,
    (from, to): (i32, i32),
    conn: &str,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let Some((res, c)) = computed(
        tools,
        vocab,
        &with_op(
            args(a, a.territories.clone(), from - 1, to, vec![conn]),
            Operation::Series,
        ),
    )
    .await?
    else {
        return Ok(false);
    };
    let kind = res.resolved.kind;
    let t = &a.territories[0];
    let points: Vec<analytic::Point> = c
        .all("value")
        .filter(|f| f.series == *t)
        .filter_map(|f| {
            let y: i32 = f.period.parse().ok()?;
            Some(analytic::Point {
                period: f.period.clone(),
                t: f64::from(y),
                value: f.value,
                label: f.label.clone(),
            })
        })
        .collect();
    let mut lines = Vec::new();
    for w in points.windows(2) {
        let (Ok(y0), Ok(y1)) = (w[0].period.parse::<i32>(), w[1].period.parse::<i32>()) else {
            continue;
        };
        if y1 != y0 + 1 || y1 < from {
            continue;
        }
        let pair = analytic::Series::new(t.clone(), w.to_vec());
        let ch = analytic::compute::<Market>(Operation::Change, &[pair], "MW", &Ask::default())
            .map_err(|why| ToolError::Arguments(why.0))?;
        let Some(d) = ch.get(t, "change") else {
            continue;
        };
        lines.push(format!(
            "| {y1} | {} | {} | {} |",
            fmt_thousands(w[1].value, 0),
            signed_thousands(d.value),
            ch.get(t, "change_pct")
                .map(|p| signed_pct(p.value))
                .unwrap_or_else(|| "–".into())
        ));
    }
    if lines.is_empty() {
        return Ok(false);
    }
    say(
        emit,
        &format!(
            "**{t}** — {} year on year ({}, {} connection, MW DC), each year against the year before:\n\n| Year | MW | Change MW | Change % |\n|---|---|---|---|\n{}{}",
            what(kind),
            scenarios_of(&res),
            conn.to_lowercase(),
            lines.join("\n"),
            source_line(&res.source.name, res.source.is_sample)
        ),
    );
    Ok(true)
}

/// A change in a table's MW column: "+1,600", "-700", "0".
fn signed_thousands(v: f64) -> String {
    format!("{}{}", if v > 0.0 { "+" } else { "" }, fmt_thousands(v, 0))
}

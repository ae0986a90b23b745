//! A manufacturer's words read in its own terms: net margin, an annual or cumulative figure,
//! "better", "best first", the biggest loss.

use super::*;

/// "Helios Modules' annual revenue", "which had the better gross margin": of a manufacturer, an
/// annual figure is the full year's, a cumulative one is added up over the periods asked, and
/// "better" or "worse" compares (every metric held is better higher: revenue, margins, income,
/// shipments, capacity).
pub(crate) fn in_financial_terms(question: &mut understand::Question) {
    use understand::{Op, Word};
    // "net margin", "net margins": net income over revenue, computed (see `derived`).
    let mut i = 0;
    while i + 1 < question.spans.len() {
        if question.spans[i].text == "net"
            && matches!(question.spans[i + 1].text.as_str(), "margin" | "margins")
        {
            question.spans[i] = understand::Span {
                text: "net margin".into(),
                meanings: vec![Word::Metric(NET_MARGIN.into())],
                read_as: None,
                read_past: false,
                lent: false,
            };
            question.spans.remove(i + 1);
        }
        i += 1;
    }
    // "Rank the four manufacturers by FY2024 gross margin, best first": the order, not the
    // first period.
    for i in 1..question.spans.len() {
        if question.spans[i].text == "first"
            && matches!(
                question.spans[i - 1].text.as_str(),
                "best" | "highest" | "biggest" | "largest" | "worst" | "lowest" | "smallest"
            )
        {
            question.spans[i].meanings = vec![Word::Filler];
            question.spans[i].read_past = true;
        }
    }
    // "Which manufacturer had the biggest net loss?": the lowest net income; "the smallest
    // loss" (the lowest of the negative ones, or the highest income?) is not guessed.
    // (A metric named by a loss word, or by another: "Which quarter was SunForge's worst for
    // net income, and what was the loss?" ranks the metric named as it is.)
    let metrics: Vec<bool> = question
        .spans
        .iter()
        .filter(|s| s.has(|w| matches!(w, Word::Metric(_))))
        .map(|s| s.text.split(' ').any(|w| matches!(w, "loss" | "losses")))
        .collect();
    let loss = metrics.contains(&true);
    let other_metric = metrics.contains(&false);
    if loss && !other_metric {
        for s in question.spans.iter_mut() {
            if s.has(|w| *w == Word::Op(Op::Top)) {
                s.meanings = vec![Word::Op(Op::Bottom)];
            } else if s.has(|w| *w == Word::Op(Op::Bottom)) {
                s.meanings.clear();
            }
        }
    }
    for s in question.spans.iter_mut() {
        // (Not a word of a sentence around the question: "a yearly average is fairer".)
        if matches!(s.text.as_str(), "annual" | "yearly")
            && !s.meanings.is_empty()
            && s.meanings.iter().all(|w| matches!(w, Word::Kind(_)))
            && !s.read_past
            && !s.lent
        {
            s.meanings = vec![Word::FullYear];
            s.read_past = false;
        } else if matches!(s.text.as_str(), "cumulative" | "cumulatively")
            && s.meanings.iter().any(|w| matches!(w, Word::Kind(_)))
            && !s.read_past
            && !s.lent
        {
            // "Cumulative net loss across its four quarters of 2024": the quarters added up.
            s.meanings = vec![Word::Op(Op::Sum)];
        } else if matches!(s.text.as_str(), "better" | "worse") && s.is_unknown() {
            s.meanings = vec![Word::Op(Op::Compare)];
        }
    }
}

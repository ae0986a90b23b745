//! The keyword reading of the first built-in provider. It still routes the open-questions
//! agent to a dataset and supplies the price and financial filters a follow-up inherits; every
//! answer is first checked word by word by [`super::understand`], so a word it would skip can
//! no longer pass unnoticed. To be replaced by facets read from the understanding.

use super::*;

/// Words that mean "let me talk to a person".
pub(super) const HUMAN_WORDS: [&str; 6] = [
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
pub(super) struct Ask {
    pub(super) territories: Vec<String>,
    pub(super) years: Option<(Option<i32>, Option<i32>)>,
    pub(super) scenarios: Option<Vec<&'static str>>,
    pub(super) connections: Option<Vec<&'static str>>,
    pub(super) kind: Option<&'static str>,
    pub(super) items: Vec<String>,
    pub(super) regions: Vec<String>,
    pub(super) techs: Vec<String>,
    pub(super) companies: Vec<String>,
    pub(super) metrics: Vec<String>,
    pub(super) period_kind: Option<&'static str>,
    pub(super) chart: bool,
    pub(super) trend: bool,
    pub(super) compare: bool,
    pub(super) share: bool,
    pub(super) forecast: bool,
    pub(super) distribution: bool,
}

pub(super) fn has_any(text: &str, words: &[&str]) -> bool {
    let t = format!(" {} ", norm(text));
    words.iter().any(|w| {
        t.contains(&format!(" {w} "))
            || (w.ends_with('*') && t.contains(&format!(" {}", &w[..w.len() - 1])))
    })
}

pub(super) fn years_in(text: &str) -> Option<(Option<i32>, Option<i32>)> {
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
pub(super) fn is_follow_up(text: &str) -> bool {
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

pub(super) fn parse(text: &str, v: &Vocabularies) -> Ask {
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
pub(super) fn tech_words(text: &str, descriptions: &[String]) -> Vec<String> {
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
        if words.contains(&w) && !out.contains(&w) {
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
pub(super) fn inherit(mut a: Ask, prev: &Ask) -> Ask {
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

pub(super) fn has_market_words(text: &str, prev: Option<&str>) -> bool {
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

pub(super) fn classify(text: &str, prev: Option<&str>, ask: &Ask) -> Domain {
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

//! The figure check of the OpenAI-compatible path: a language model can write
//! any number, so its text is held back sentence by sentence (a sentence, list item or table row
//! ends at `. `, `? `, `! ` or a line end) and every figure in it is looked up in the turn's tool
//! results before the sentence reaches the user. A figure is a number that is not a year
//! (1990–2100), a date, a list marker, an ordinal or part of a name (Q1, FY2023, M10); it passes
//! when a tool result of the turn (or the user's question) holds the same quantity, rounded to the
//! digits the model printed, in another power unit (kW, MW, GW, TW), in cents or dollars, as a
//! percentage or a fraction, or with a thousand/million/billion suffix. A sentence with a figure
//! that does not pass is replaced by [`NOTICE`] (a table row keeps its other cells).
//!
//! The prompt's output rules are enforced here too: fenced code blocks are dropped, inline code
//! is unwrapped to plain text, and the source file a tool result named is cited when the answer
//! shows a checked figure and does not name it.

use serde_json::Value;

/// What replaces a sentence whose figure the turn's tool results do not hold.
pub const NOTICE: &str =
    "*(A figure here could not be checked against the data and was left out.)*";
/// What replaces a table cell whose figure the turn's tool results do not hold.
pub const CELL_NOTICE: &str = "*(unchecked, left out)*";

/// Power units as their scale in watts.
const POWER: [(&str, f64); 5] = [
    ("w", 1.0),
    ("kw", 1e3),
    ("mw", 1e6),
    ("gw", 1e9),
    ("tw", 1e12),
];
const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// What a figure measures, as far as conversions go.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Plain,
    Percent,
    /// A power unit, its scale in watts.
    Power(f64),
    /// Money: `cents` when written in cents (¢, cents), else in a currency unit.
    Money {
        cents: bool,
    },
}

/// A number in a text, as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The number as printed (digits, separators and decimals), for the log.
    pub printed: String,
    /// Its absolute value, times a thousand/million/billion suffix.
    value: f64,
    /// Half a unit of the last digit printed (times the suffix): the rounding allowed.
    tolerance: f64,
    /// Digits after the decimal point.
    decimals: usize,
    kind: Kind,
}

/// The numbers a figure may be matched against: the turn's tool results, the user's question and
/// the agent's own prompt (e.g. the expert offer's "24-48 h").
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Every number of the tool results.
    values: Vec<f64>,
    /// The numbers of the question and the prompt: a figure equal to one is not checked.
    given: Vec<f64>,
    /// Scales (in watts) of the power units the tool results name.
    power_scales: Vec<f64>,
    /// Thousand, million, billion: the magnitudes the tool results name ("USD million").
    magnitudes: Vec<f64>,
    /// Source files named by tool results, and whether each is the synthetic sample.
    sources: Vec<(String, bool)>,
}

impl Facts {
    /// Numbers of a text the user or the service wrote (the question, the system prompt).
    pub fn add_given(&mut self, text: &str) {
        self.given.extend(
            scan(text, false)
                .into_iter()
                .map(|f| f.value)
                .chain(raw_numbers(text)),
        );
    }

    /// A tool's result (`ToolOutput::for_model`): every number in it, the power units it names
    /// and its source file.
    pub fn add_tool_output(&mut self, text: &str) {
        self.values.extend(raw_numbers(text));
        let lower = text.to_ascii_lowercase();
        for (unit, scale) in &POWER[1..] {
            if names_unit(&lower, unit) && !self.power_scales.contains(scale) {
                self.power_scales.push(*scale);
            }
        }
        let words = [
            ("thousand", 1e3),
            ("million", 1e6),
            ("mn", 1e6),
            ("billion", 1e9),
            ("bn", 1e9),
        ];
        for (word, m) in words {
            if names_unit(&lower, word) && !self.magnitudes.contains(&m) {
                self.magnitudes.push(m);
            }
        }
        if let Some(start) = text.find('{')
            && let Some(Ok(v)) = serde_json::Deserializer::from_str(&text[start..])
                .into_iter::<Value>()
                .next()
            && let Some(name) = v.get("source").and_then(Value::as_str)
            && !name.is_empty()
            && !self.sources.iter().any(|(n, _)| n == name)
        {
            let sample = v.get("sample_data").and_then(Value::as_bool) == Some(true);
            self.sources.push((name.to_string(), sample));
        }
    }

    /// Whether any tool result was added (the model looked something up).
    pub fn sources(&self) -> &[(String, bool)] {
        &self.sources
    }

    /// Whether the facts hold this figure.
    pub fn holds(&self, f: &Figure) -> bool {
        // the user's own number (exactly: a year asked about does not pass "2,000")
        if self
            .given
            .iter()
            .any(|g| (g.abs() - f.value).abs() <= 1e-9 * f.value.max(1.0))
        {
            return true;
        }
        let mut candidates: Vec<f64> = vec![1.0];
        match f.kind {
            Kind::Plain => {
                if f.value < 1.0 && f.decimals > 0 {
                    candidates.push(100.0); // a fraction for a percentage
                }
            }
            Kind::Percent => candidates.push(0.01),
            // in the units the tool results name; as printed only when they name none
            Kind::Power(scale) if !self.power_scales.is_empty() => {
                candidates = self.power_scales.iter().map(|s| scale / s).collect();
            }
            Kind::Power(_) => {}
            Kind::Money { cents: true } => candidates.push(0.01),
            Kind::Money { cents: false } => candidates.push(100.0),
        }
        if !matches!(f.kind, Kind::Power(_)) {
            // "1.2 billion" for a tool value in "USD million"
            let base = candidates.clone();
            for m in &self.magnitudes {
                candidates.extend(base.iter().map(|c| c / m));
            }
        }
        candidates.iter().any(|factor| {
            let want = f.value * factor;
            let tol = f.tolerance * factor + 1e-9 * want.abs().max(1.0);
            self.values.iter().any(|v| {
                // a year of the rows (2022) is not "2,000" rounded: year-like numbers match
                // only a figure printed in full
                let year_like = v.fract() == 0.0 && (1990.0..=2100.0).contains(v);
                let d = (v.abs() - want).abs();
                if year_like {
                    d <= 1e-9 * want.abs().max(1.0)
                } else {
                    d <= tol
                }
            })
        })
    }
}

/// Whether a lower-cased text names a unit as a token (`capacity_mw`, `MW (DC)`, `GW`).
fn names_unit(lower: &str, unit: &str) -> bool {
    lower.match_indices(unit).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + unit.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphabetic())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// Every number of a tool's text, however it appears: `6682.123`, `2024-03-15` (2024, 3, 15),
/// `1e-5`, and `12,345` both as one number and as two (compact JSON arrays have no spaces).
fn raw_numbers(text: &str) -> Vec<f64> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i + 1 < b.len()
            && (b[i] == b'e' || b[i] == b'E')
            && (b[i + 1].is_ascii_digit() || b[i + 1] == b'-' || b[i + 1] == b'+')
        {
            let mut j = i + 1;
            if !b[j].is_ascii_digit() {
                j += 1;
            }
            if j < b.len() && b[j].is_ascii_digit() {
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                i = j;
            }
        }
        if let Ok(v) = text[start..i].parse::<f64>() {
            out.push(v);
        }
        // thousands groups: 12,345,678 (also kept as separate numbers by the loop)
        let mut joined = text[start..i].to_string();
        let mut j = i;
        while i - start <= 3
            && !joined.contains('.')
            && j + 3 < b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            joined.push_str(&text[j + 1..j + 4]);
            j += 4;
            if let Ok(v) = joined.parse::<f64>() {
                out.push(v);
            }
        }
    }
    out
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '\u{202F}' | '\u{2009}' | '\u{00A0}')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{202F}' | '\u{2009}' | '\u{00A0}')
}

/// The word at `i` (letters, digits and unit signs), lower-cased, and the index after it.
fn word_at(chars: &[char], mut i: usize) -> (String, usize) {
    let mut w = String::new();
    while i < chars.len() {
        let c = chars[i];
        let unit_sign = matches!(c, '%' | '¢' | '$' | '€' | '¥' | '£' | '/' | '_');
        if c.is_alphanumeric() || unit_sign {
            w.extend(c.to_lowercase());
            i += 1;
        } else {
            break;
        }
    }
    (w, i)
}

fn magnitude(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "thousand" | "thousands" => 1e3,
        "mn" | "mio" | "million" | "millions" => 1e6,
        "bn" | "billion" | "billions" => 1e9,
        "tn" | "trillion" => 1e12,
        _ => return None,
    })
}

fn power_scale(w: &str) -> Option<f64> {
    // MW/year, GW_dc
    let w = w.split(['/', '_']).next().unwrap_or("");
    let named = [
        ("watts", 1.0),
        ("watt", 1.0),
        ("kilowatts", 1e3),
        ("kilowatt", 1e3),
        ("megawatts", 1e6),
        ("megawatt", 1e6),
        ("gigawatts", 1e9),
        ("gigawatt", 1e9),
        ("terawatts", 1e12),
        ("terawatt", 1e12),
    ];
    if let Some((_, s)) = named.iter().find(|(n, _)| *n == w) {
        return Some(*s);
    }
    for suffix in ["", "p", "dc", "ac", "h", "peak"] {
        if let Some(base) = w.strip_suffix(suffix)
            && let Some((_, s)) = POWER.iter().find(|(u, _)| *u == base)
        {
            return Some(*s);
        }
    }
    None
}

fn kind_of(w: &str, money_before: bool) -> Kind {
    if w.starts_with('%') || matches!(w, "percent" | "pct" | "pp" | "percentage") {
        return Kind::Percent;
    }
    if w.contains('¢') || w.starts_with("cent") || matches!(w, "ct" | "cts") || w.starts_with("usc")
    {
        return Kind::Money { cents: true };
    }
    let currency = [
        "$", "€", "¥", "£", "usd", "eur", "cny", "rmb", "inr", "dollar",
    ];
    if money_before || currency.iter().any(|c| w.contains(c)) {
        return Kind::Money { cents: false };
    }
    match power_scale(w) {
        Some(s) => Kind::Power(s),
        // no unit, or a word or unit with no conversion (kg, pieces, countries)
        None => Kind::Plain,
    }
}

/// Whether a currency sign or code stands just before `start`: `$0.11`, `US$ 0.11`, `USD 1.2`.
fn currency_before(chars: &[char], start: usize) -> bool {
    let mut i = start;
    if i > 0 && is_space(chars[i - 1]) {
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    if matches!(chars[i - 1], '$' | '€' | '¥' | '£') {
        return true;
    }
    let mut j = i;
    while j > 0 && chars[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    let w: String = chars[j..i].iter().collect::<String>().to_ascii_lowercase();
    matches!(
        w.as_str(),
        "usd" | "eur" | "cny" | "rmb" | "inr" | "gbp" | "jpy"
    )
}

/// The word before `start` (skipping spaces and a comma), lower-cased.
fn word_before(chars: &[char], start: usize) -> String {
    let mut i = start;
    while i > 0 && (is_space(chars[i - 1]) || chars[i - 1] == ',') {
        i -= 1;
    }
    let end = i;
    while i > 0 && chars[i - 1].is_alphabetic() {
        i -= 1;
    }
    chars[i..end].iter().collect::<String>().to_lowercase()
}

/// The figures of a text. `line_start`: the text begins a line, so a leading `1.` or `1)` is a
/// list marker.
pub fn scan(text: &str, line_start: bool) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    if line_start {
        let mut j = 0;
        while j < n && chars[j].is_whitespace() {
            j += 1;
        }
        let d = j;
        while j < n && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j > d && j + 1 < n && matches!(chars[j], '.' | ')') && chars[j + 1].is_whitespace() {
            i = j + 1;
        }
    }
    while i < n {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // part of a name: Q1, FY2023, M10, CO2, H2 (but USD15 is money)
        if start > 0
            && (chars[start - 1].is_alphabetic() || chars[start - 1] == '_')
            && !currency_before(&chars, start)
        {
            while i < n && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            continue;
        }
        let mut digits = String::new();
        while i < n && chars[i].is_ascii_digit() {
            digits.push(chars[i]);
            i += 1;
        }
        let mut separated = false;
        if digits.len() <= 3 {
            while i + 3 < n
                && is_separator(chars[i])
                && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
            {
                digits.extend(&chars[i + 1..i + 4]);
                separated = true;
                i += 4;
            }
        }
        let mut decimals = String::new();
        if i + 1 < n && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < n && chars[i].is_ascii_digit() {
                decimals.push(chars[i]);
                i += 1;
            }
        }
        let printed: String = chars[start..i].iter().collect();
        let plain_int = !separated && decimals.is_empty();
        // a date: 2024-03 or 2024-03-15
        if plain_int
            && digits.len() == 4
            && i + 2 < n
            && matches!(chars[i], '-' | '/')
            && chars[i + 1].is_ascii_digit()
            && chars[i + 2].is_ascii_digit()
            && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
        {
            i += 3;
            if i + 2 < n
                && chars[i] == '-'
                && chars[i + 1].is_ascii_digit()
                && chars[i + 2].is_ascii_digit()
            {
                i += 3;
            }
            continue;
        }
        // an ordinal: 3rd, 10th
        let (w, after) = word_at(&chars, i);
        if plain_int && matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
            i = after;
            continue;
        }
        // the unit: directly after the number or one space on
        let (mut w, mut after) = (w, after);
        if w.is_empty() && i < n && is_space(chars[i]) {
            (w, after) = word_at(&chars, i + 1);
        }
        let mut scale = 1.0;
        let mut suffixed = false;
        if let Some(m) = magnitude(&w) {
            scale = m;
            suffixed = true;
            let mut j = after;
            if j < n && is_space(chars[j]) {
                j += 1;
            }
            let (w2, a2) = word_at(&chars, j);
            if kind_of(&w2, false) != Kind::Plain {
                (w, after) = (w2, a2);
            } else {
                w = String::new();
            }
        }
        let kind = kind_of(&w, currency_before(&chars, start));
        let value: f64 = format!(
            "{digits}.{}",
            if decimals.is_empty() { "0" } else { &decimals }
        )
        .parse()
        .unwrap_or(0.0);
        if kind == Kind::Plain && !suffixed {
            // a year (and the 24 of 2023-24), or a day next to a month
            if plain_int && digits.len() == 4 && (1990..=2100).contains(&(value as i64)) {
                if i + 2 < n
                    && matches!(chars[i], '-' | '–' | '/')
                    && chars[i + 1].is_ascii_digit()
                    && chars[i + 2].is_ascii_digit()
                    && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
                {
                    i += 3;
                }
                continue;
            }
            let month_near = MONTHS.contains(&word_before(&chars, start).as_str())
                || MONTHS.contains(&w.as_str());
            if plain_int && month_near && (1..=31).contains(&(value as i64)) {
                continue;
            }
        }
        if kind != Kind::Plain || suffixed {
            i = i.max(after);
        }
        // rounding: half a unit of the last digit printed; trailing zeros of a whole number
        // count as rounding too, keeping two significant digits (6,700 is 6,650–6,750)
        let unit = if !decimals.is_empty() {
            10f64.powi(-(decimals.len() as i32))
        } else {
            let trimmed = digits.trim_start_matches('0');
            let zeros = trimmed.len() - trimmed.trim_end_matches('0').len();
            10f64.powi(zeros.min(trimmed.len().saturating_sub(2)) as i32)
        };
        out.push(Figure {
            printed,
            value: value * scale,
            tolerance: unit / 2.0 * scale,
            decimals: decimals.len(),
            kind,
        });
    }
    out
}

/// The figures of `text` that `facts` do not hold.
pub fn unchecked(text: &str, line_start: bool, facts: &Facts) -> Vec<Figure> {
    scan(text, line_start)
        .into_iter()
        .filter(|f| !facts.holds(f))
        .collect()
}

/// A line's leading blanks and Markdown marker (`- `, `* `, `1. `, `## `, `> `).
fn marker(s: &str) -> &str {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let rest = if let Some(r) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .or_else(|| t.strip_prefix("> "))
    {
        r
    } else if t.starts_with('#') {
        let r = t.trim_start_matches('#');
        r.strip_prefix(' ').unwrap_or(t)
    } else {
        let d = t.trim_start_matches(|c: char| c.is_ascii_digit());
        if d.len() < t.len() {
            d.strip_prefix(". ")
                .or_else(|| d.strip_prefix(") "))
                .unwrap_or(t)
        } else {
            t
        }
    };
    &s[..lead + (t.len() - rest.len())]
}

/// The model's text on its way to the user: held back until a sentence ends, checked, cleaned.
#[derive(Debug)]
pub struct Guard {
    pub facts: Facts,
    pending: String,
    in_fence: bool,
    at_line_start: bool,
    /// The last thing emitted was a notice, on the current line.
    after_notice: bool,
    /// Figures removed since [`Guard::take_removed`].
    removed: Vec<String>,
    /// Figures shown that a tool result holds.
    shown: usize,
    /// The user's question, trimmed: a quote of it is never cut in two (the answer cache masks
    /// the question within one chunk).
    question: String,
}

impl Default for Guard {
    fn default() -> Self {
        Guard {
            facts: Facts::default(),
            pending: String::new(),
            in_fence: false,
            at_line_start: true,
            after_notice: false,
            removed: Vec::new(),
            shown: 0,
            question: String::new(),
        }
    }
}

impl Guard {
    /// A guard for a turn: the question's and the prompt's numbers are not figures to check.
    pub fn new(question: &str, prompt: &str) -> Guard {
        let mut g = Guard {
            question: question.trim().to_string(),
            ..Guard::default()
        };
        g.facts.add_given(question);
        g.facts.add_given(prompt);
        g
    }

    /// A delta from the model: the text that may be shown now.
    pub fn push(&mut self, delta: &str) -> String {
        self.pending.push_str(delta);
        self.drain(false)
    }

    /// The end of a round (or of the answer): the rest, checked. An unclosed code block is
    /// dropped.
    pub fn end_round(&mut self) -> String {
        let out = self.drain(true);
        self.in_fence = false;
        out
    }

    /// The printed figures removed since the last call.
    pub fn take_removed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.removed)
    }

    /// The closing line citing the source files of the tool results, when the answer `shown`
    /// states a checked figure and names none of them; with the sample notice when a source is
    /// the sample and the answer does not say so.
    pub fn citation(&self, shown: &str) -> Option<String> {
        if self.shown == 0 || self.facts.sources.is_empty() {
            return None;
        }
        let missing: Vec<&(String, bool)> = self
            .facts
            .sources
            .iter()
            .filter(|(name, _)| !shown.contains(name.as_str()))
            .collect();
        if missing.is_empty() {
            return None;
        }
        let names: Vec<&str> = missing.iter().map(|(n, _)| n.as_str()).collect();
        let mut s = format!("\n\nSource: {}.", names.join(", "));
        if missing.iter().any(|(_, sample)| *sample) && !shown.to_lowercase().contains("sample") {
            s.push_str("\n\n");
            s.push_str(crate::tools::SAMPLE_NOTICE);
        }
        Some(s)
    }

    fn drain(&mut self, end: bool) -> String {
        let mut out = String::new();
        while !self.pending.is_empty() {
            if self.in_fence {
                match self.pending.find('\n') {
                    Some(i) => {
                        let line: String = self.pending.drain(..=i).collect();
                        if is_fence(&line) {
                            self.in_fence = false;
                        }
                        self.at_line_start = true;
                        continue;
                    }
                    None if end => {
                        self.pending.clear();
                        break;
                    }
                    None => break,
                }
            }
            if self.at_line_start {
                let t = self.pending.trim_start_matches([' ', '\t']);
                if is_fence(t) {
                    match self.pending.find('\n') {
                        Some(i) => {
                            self.pending.drain(..=i);
                            self.in_fence = true;
                            continue;
                        }
                        None if end => {
                            self.pending.clear();
                            break;
                        }
                        None => break,
                    }
                }
                let maybe_fence =
                    t.len() < 3 && (t.chars().all(|c| c == '`') || t.chars().all(|c| c == '~'));
                if !end && maybe_fence && !self.pending.contains('\n') {
                    break;
                }
            }
            let cut = match self.cut() {
                Some(i) => i,
                None if end => self.pending.len(),
                None => break,
            };
            let seg: String = self.pending.drain(..cut).collect();
            let line_start = self.at_line_start;
            self.at_line_start = seg.ends_with('\n');
            out.push_str(&self.check(&seg, line_start));
        }
        out
    }

    /// Where the pending text's first sentence ends; `None` until it does, or while a quote of
    /// the question that a cut would split may still be arriving.
    fn cut(&self) -> Option<usize> {
        let p = &self.pending;
        let q = self.question.as_str();
        let mut from = 0;
        loop {
            let cut = from + sentence_end(&p[from..], self.at_line_start && from == 0)?;
            if q.is_empty() || sentence_end(q, false).is_none() && !q.contains('\n') {
                return Some(cut);
            }
            if let Some((k, _)) = p
                .match_indices(q)
                .find(|(k, _)| *k < cut && cut < k + q.len())
            {
                // the quote's last character may end the sentence ("...in 2023? ")
                from = k + q.len() - q.chars().next_back().map_or(0, char::len_utf8);
                continue;
            }
            let partial = p[..cut]
                .char_indices()
                .any(|(k, _)| p.len() - k < q.len() && q.starts_with(&p[k..]));
            return if partial { None } else { Some(cut) };
        }
    }

    /// One sentence, list item or table row: inline code unwrapped, figures checked.
    fn check(&mut self, seg: &str, line_start: bool) -> String {
        let seg = seg.replace('`', "");
        let is_row = line_start && seg.trim_start().starts_with('|');
        if is_row {
            let mut cells = Vec::new();
            let mut bad = false;
            for cell in seg.split('|') {
                let figs = scan(cell, false);
                let (ok, no): (Vec<_>, Vec<_>) =
                    figs.into_iter().partition(|f| self.facts.holds(f));
                if no.is_empty() {
                    self.shown += ok.len();
                    cells.push(cell.to_string());
                } else {
                    bad = true;
                    self.removed.extend(no.into_iter().map(|f| f.printed));
                    cells.push(format!(" {CELL_NOTICE} "));
                }
            }
            self.after_notice = false;
            return if bad { cells.join("|") } else { seg };
        }
        let figs = scan(&seg, line_start);
        let (ok, no): (Vec<_>, Vec<_>) = figs.into_iter().partition(|f| self.facts.holds(f));
        if no.is_empty() {
            self.shown += ok.len();
            self.after_notice = self.after_notice && seg.trim().is_empty();
            return seg;
        }
        self.removed.extend(no.into_iter().map(|f| f.printed));
        let trailing = &seg[seg.trim_end().len()..];
        let out = if self.after_notice && !line_start {
            // one notice for a run of sentences: the previous one's space separates
            trailing.trim_start_matches(' ').to_string()
        } else {
            let lead = if line_start { marker(&seg) } else { "" };
            format!("{lead}{NOTICE}{trailing}")
        };
        self.after_notice = !trailing.contains('\n');
        out
    }
}

/// A fence line of a code block: ``` or ~~~ (with an info string).
fn is_fence(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    t.starts_with("```") || t.starts_with("~~~")
}

/// Where the first sentence of `s` ends (after `. `, `? `, `! ` or a newline); not after a list
/// marker such as `1. ` at the start of a line.
fn sentence_end(s: &str, line_start: bool) -> Option<usize> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'\n' => return Some(i + 1),
            b'.' | b'?' | b'!' if i + 1 < b.len() && b[i + 1] == b' ' => {
                let before = s[..i].trim_start();
                let list_marker = line_start
                    && b[i] == b'.'
                    && !before.is_empty()
                    && before.bytes().all(|c| c.is_ascii_digit());
                if !list_marker {
                    return Some(i + 2);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;

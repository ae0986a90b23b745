//! Names the way users write them: territories, regions, items, technologies, companies and
//! metrics matched against the values actually in the data, without regard to case, accents of
//! punctuation, and through common synonyms (Europe → EU, USA → US, Czechia → Czech Republic).

/// Lower-case, letters and digits only, single spaces: the form names are compared in.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Numbers kept whole before [`norm`] splits at punctuation: a thousands separator goes
/// ("17,000" → "17000") and a decimal mark becomes `p` ("3,2mm" and "3.2mm" → "3p2mm", "1.5" →
/// "1p5"), so that "2mm" glass is not the "3,2mm" glass and "17,000 MW" is one number.
pub fn join_numbers(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &ch) in c.iter().enumerate() {
        let between_digits =
            i > 0 && c[i - 1].is_ascii_digit() && c.get(i + 1).is_some_and(|d| d.is_ascii_digit());
        if between_digits && (ch == ',' || ch == '.') {
            let digits_after = c[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            let thousands = ch == ',' && digits_after == 3;
            if !thousands {
                out.push('p');
            }
            continue;
        }
        out.push(ch);
    }
    out
}

/// [`norm`] after [`join_numbers`].
pub fn norm_joined(s: &str) -> String {
    norm(&join_numbers(s))
}

/// The legal forms a company's name may end with.
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "ag",
    "gmbh",
    "inc",
    "corp",
    "corporation",
    "co",
    "plc",
    "sa",
    "spa",
    "nv",
    "bv",
    "llc",
    "group",
    "holdings",
    "se",
];

/// Territory synonyms: alias → spellings the data may use, in order of preference.
const TERRITORY_ALIASES: &[(&str, &[&str])] = &[
    ("usa", &["USA", "United States", "US"]),
    ("us", &["USA", "United States", "US"]),
    ("u s", &["USA", "United States", "US"]),
    ("united states", &["USA", "United States", "US"]),
    ("united states of america", &["USA", "United States", "US"]),
    ("uk", &["UK", "United Kingdom"]),
    ("united kingdom", &["UK", "United Kingdom"]),
    ("great britain", &["UK", "United Kingdom"]),
    ("britain", &["UK", "United Kingdom"]),
    ("eu", &["EU", "European Union"]),
    ("european union", &["EU", "European Union"]),
    ("eu27", &["EU", "European Union"]),
    ("eu 27", &["EU", "European Union"]),
    ("world", &["World"]),
    ("global", &["World"]),
    ("worldwide", &["World"]),
    ("turkey", &["Türkiye", "Turkey"]),
    ("turkiye", &["Türkiye", "Turkey"]),
    ("czechia", &["Czech Republic", "Czechia"]),
    ("czech republic", &["Czech Republic", "Czechia"]),
    ("south korea", &["Korea", "South Korea"]),
    ("taiwan", &["Chinese Taipei", "Taiwan"]),
    ("uae", &["UAE", "United Arab Emirates"]),
    ("united arab emirates", &["UAE", "United Arab Emirates"]),
    ("holland", &["Netherlands"]),
    ("nl", &["Netherlands"]),
    ("de", &["Germany"]),
    ("fr", &["France"]),
    ("es", &["Spain"]),
    ("viet nam", &["Vietnam", "Viet Nam"]),
    ("pl", &["Poland"]),
    ("the netherlands", &["Netherlands"]),
    ("italia", &["Italy"]),
    ("germania", &["Germany"]),
    ("deutschland", &["Germany"]),
    ("spagna", &["Spain"]),
    ("espana", &["Spain"]),
    ("francia", &["France"]),
    ("polonia", &["Poland"]),
    ("grecia", &["Greece"]),
    ("europa", &["Europe"]),
];

/// Price region synonyms (agents.md: Europe → EU, USA/United States → US).
const REGION_ALIASES: &[(&str, &[&str])] = &[
    ("europe", &["EU"]),
    ("european union", &["EU"]),
    ("european", &["EU"]),
    ("eu", &["EU"]),
    ("usa", &["US"]),
    ("united states", &["US"]),
    ("america", &["US"]),
    ("american", &["US"]),
    ("us", &["US"]),
    ("chinese", &["China"]),
    ("prc", &["China"]),
    ("indian", &["India"]),
    ("australian", &["Australia"]),
    ("overseas", &["Overseas"]),
    ("outside china", &["Overseas"]),
    ("international", &["Overseas"]),
    ("rest of the world", &["Overseas"]),
];

/// Component item synonyms, singular and plural.
const ITEM_ALIASES: &[(&str, &[&str])] = &[
    ("module", &["Module"]),
    ("modules", &["Module"]),
    ("panel", &["Module"]),
    ("panels", &["Module"]),
    ("cell", &["Cell"]),
    ("cells", &["Cell"]),
    ("wafer", &["Wafer"]),
    ("wafers", &["Wafer"]),
    ("polysilicon", &["Polysilicon"]),
    ("poly", &["Polysilicon"]),
    ("polisilicio", &["Polysilicon"]),
    ("glass", &["PV glass"]),
    ("pv glass", &["PV glass"]),
    ("solar glass", &["PV glass"]),
    ("aluminum", &["Aluminium"]),
    ("aluminium", &["Aluminium"]),
    ("copper", &["Copper"]),
    ("silver", &["Silver"]),
    // chemical symbols and traders' short forms
    ("cu", &["Copper"]),
    ("ag", &["Silver"]),
    ("alu", &["Aluminium"]),
    ("eva", &["EVA"]),
    // EVA is the encapsulant the price data holds (POE is not an item of it).
    ("encapsulant", &["EVA"]),
    ("encapsulants", &["EVA"]),
    ("eva encapsulant", &["EVA"]),
    ("eva film", &["EVA"]),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    Territory,
    Region,
    Item,
    /// Companies, metrics and other names without synonyms.
    Plain,
}

fn aliases(v: Vocab) -> &'static [(&'static str, &'static [&'static str])] {
    match v {
        Vocab::Territory => TERRITORY_ALIASES,
        Vocab::Region => REGION_ALIASES,
        Vocab::Item => ITEM_ALIASES,
        Vocab::Plain => &[],
    }
}

/// The values of one column, ready to match against.
#[derive(Clone, Debug, Default)]
pub struct Names {
    vocab: Option<Vocab>,
    /// (normalised, canonical) pairs: the data's own values and the aliases that resolve to a
    /// value present in the data.
    keys: Vec<(String, String)>,
    pub values: Vec<String>,
}

impl Names {
    pub fn new(vocab: Vocab, values: Vec<String>) -> Names {
        let mut keys: Vec<(String, String)> = values.iter().map(|v| (norm(v), v.clone())).collect();
        for (alias, targets) in aliases(vocab) {
            if let Some(t) = targets
                .iter()
                .find_map(|t| values.iter().find(|v| v.as_str() == *t))
            {
                keys.push((alias.to_string(), t.clone()));
            }
        }
        // Company names also answer to their first word ("Helios" for "Helios Modules Ltd"), to
        // their name without a note in brackets ("SunForge Energy" for "SunForge Energy
        // (sample)") and without a legal form ("Helios Modules" for "Helios Modules Ltd").
        if vocab == Vocab::Plain {
            for v in &values {
                let bare = norm(v.split('(').next().unwrap_or(v));
                let mut short: Vec<String> = vec![bare.clone()];
                let mut words: Vec<&str> = bare.split(' ').collect();
                while words.len() > 1 && LEGAL_FORMS.contains(words.last().expect("a word")) {
                    words.pop();
                    short.push(words.join(" "));
                }
                if let Some(first) = words.first().filter(|f| f.len() >= 4) {
                    short.push(first.to_string());
                }
                for k in short {
                    if !k.is_empty() && !keys.iter().any(|(x, _)| *x == k) {
                        keys.push((k, v.clone()));
                    }
                }
            }
        }
        // Longest first, so "south africa" wins over "africa" when scanning text.
        keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Names {
            vocab: Some(vocab),
            keys,
            values,
        }
    }

    /// The data's value for what the user wrote, if any.
    pub fn resolve(&self, input: &str) -> Option<String> {
        let n = norm(input);
        if n.is_empty() {
            return None;
        }
        if let Some((_, v)) = self.keys.iter().find(|(k, _)| *k == n) {
            return Some(v.clone());
        }
        // "modules" → "module", "territories" etc.: a trailing plural.
        let singular = n.strip_suffix('s').unwrap_or(&n);
        self.keys
            .iter()
            .find(|(k, _)| k == singular)
            .map(|(_, v)| v.clone())
    }

    /// Every value mentioned in a text, in order of first mention, each once. Matches whole
    /// words only; two-letter aliases (`us`, `eu`, `uk`) only when written in capitals.
    pub fn find_in(&self, text: &str) -> Vec<String> {
        let n = format!(" {} ", norm(text));
        let mut found: Vec<(usize, String)> = Vec::new();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (k, v) in &self.keys {
            if k.is_empty() {
                continue;
            }
            let needle = format!(" {k} ");
            let mut start = 0;
            while let Some(i) = n[start..].find(&needle) {
                let at = start + i;
                let end = at + needle.len();
                start = at + 1;
                if taken.iter().any(|&(a, b)| at < b && a < end) {
                    continue;
                }
                if k.len() <= 2 && !written_in_capitals(text, k) {
                    continue;
                }
                taken.push((at + 1, end - 1));
                if !found.iter().any(|(_, f)| f == v) {
                    found.push((at, v.clone()));
                }
            }
        }
        found.sort_by_key(|(i, _)| *i);
        found.into_iter().map(|(_, v)| v).collect()
    }

    /// Resolve every input, each value once; an unknown one is an error naming it and listing
    /// (up to 20) known values, so that a model can correct itself.
    pub fn resolve_all(&self, inputs: &[String], what: &str) -> Result<Vec<String>, String> {
        let mut out: Vec<String> = Vec::new();
        for i in inputs {
            let v = self
                .resolve(i)
                .ok_or_else(|| format!("unknown {what} {i:?} ({})", known(&self.values)))?;
            if !out.contains(&v) {
                out.push(v);
            }
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every (normalised spelling, value) pair: the data's values and their aliases.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.keys.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn vocab(&self) -> Option<Vocab> {
        self.vocab
    }
}

/// Up to 20 known values, and whether there are more: "known: a, b". (The count of the others
/// is not given: a refusal states no number a reader could take for a figure.)
pub fn known(values: &[String]) -> String {
    if values.is_empty() {
        return "the data holds none".into();
    }
    let shown: Vec<&str> = values.iter().take(20).map(String::as_str).collect();
    let more = if values.len() > shown.len() {
        ", and others".to_string()
    } else {
        String::new()
    };
    format!("known: {}{more}", shown.join(", "))
}

fn written_in_capitals(text: &str, key: &str) -> bool {
    let upper = key.to_ascii_uppercase();
    text.split(|c: char| !c.is_alphanumeric() && c != '.')
        .any(|w| w.replace('.', "") == upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn territories() -> Names {
        Names::new(
            Vocab::Territory,
            [
                "Italy",
                "USA",
                "South Africa",
                "Africa",
                "EU",
                "Czech Republic",
                "Türkiye",
                "World",
            ]
            .map(String::from)
            .to_vec(),
        )
    }

    #[test]
    fn companies_answer_to_their_name_without_a_note_or_legal_form() {
        let c = Names::new(
            Vocab::Plain,
            [
                "SunForge Energy (sample)",
                "Helios Modules Ltd",
                "Aurora PV Group",
            ]
            .map(String::from)
            .to_vec(),
        );
        let find = |k: &str| c.keys().find(|(x, _)| *x == k).map(|(_, v)| v.to_string());
        assert_eq!(
            find("sunforge energy").as_deref(),
            Some("SunForge Energy (sample)")
        );
        assert_eq!(
            find("helios modules").as_deref(),
            Some("Helios Modules Ltd")
        );
        assert_eq!(find("aurora pv").as_deref(), Some("Aurora PV Group"));
        assert_eq!(find("helios").as_deref(), Some("Helios Modules Ltd"));
        assert_eq!(find("energy"), None);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(norm_joined("Glass 3,2mm"), "glass 3p2mm");
        assert_eq!(norm_joined("3.2mm glass"), "3p2mm glass");
        assert_eq!(
            norm_joined("more than 17,000 MW, in 2024."),
            "more than 17000 mw in 2024"
        );
        assert_eq!(norm_joined("1.5 GW"), "1p5 gw");
        assert_eq!(norm_joined("1,234,567"), "1234567");
        assert_eq!(norm_joined("Italy, Spain"), "italy spain");
    }

    #[test]
    fn resolves_case_synonyms_and_accents() {
        let t = territories();
        assert_eq!(t.resolve("italy").as_deref(), Some("Italy"));
        assert_eq!(t.resolve("United States").as_deref(), Some("USA"));
        assert_eq!(t.resolve("czechia").as_deref(), Some("Czech Republic"));
        assert_eq!(t.resolve("Turkiye").as_deref(), Some("Türkiye"));
        assert_eq!(t.resolve("Atlantis"), None);
        let r = Names::new(
            Vocab::Region,
            vec!["China".into(), "EU".into(), "US".into()],
        );
        assert_eq!(r.resolve("Europe").as_deref(), Some("EU"));
        assert_eq!(r.resolve("united states").as_deref(), Some("US"));
        let i = Names::new(Vocab::Item, vec!["Module".into(), "PV glass".into()]);
        assert_eq!(i.resolve("modules").as_deref(), Some("Module"));
        assert_eq!(i.resolve("glass").as_deref(), Some("PV glass"));
        // An alias only names an item the data holds.
        assert_eq!(i.resolve("encapsulant"), None);
        let with_eva = Names::new(Vocab::Item, vec!["EVA".into()]);
        assert_eq!(with_eva.resolve("encapsulants").as_deref(), Some("EVA"));
    }

    #[test]
    fn finds_mentions_in_questions() {
        let t = territories();
        assert_eq!(
            t.find_in("Compare South Africa and Italy with the US in 2023"),
            vec!["South Africa", "Italy", "USA"]
        );
        // "us" as a pronoun is not the United States.
        assert!(t.find_in("tell us about italy").iter().all(|v| v != "USA"));
        assert_eq!(t.find_in("installations in the EU"), vec!["EU"]);
        let c = Names::new(Vocab::Plain, vec!["Helios Modules Ltd (sample)".into()]);
        assert_eq!(
            c.find_in("helios revenue"),
            vec!["Helios Modules Ltd (sample)"]
        );
    }
}

//! Places: which names are countries (aggregates such as World, the EU or "Middle East" are
//! never ranked with countries) and which countries a region holds, so that "the largest
//! market in Europe" ranks the European countries of the data. Names are normalised
//! ([`super::names::norm`]).

use super::names::norm;

/// Other spellings of countries that data files use.
pub const MORE_COUNTRY_NAMES: &[&str] = &[
    "chinese taipei",
    "bosnia herzegovina",
    "bosnia and herzegovina",
    "republic of moldova",
    "republic of korea",
    "korea republic",
    "russian federation",
    "viet nam",
    "czechia",
    "slovak republic",
    "the netherlands",
    "united states of america",
    "great britain",
];

/// Country names, so that a country the data does not hold is named as such when declining
/// (and never mistaken for a typo of another one).
pub const COUNTRIES: &[&str] = &[
    "afghanistan",
    "albania",
    "algeria",
    "andorra",
    "angola",
    "argentina",
    "armenia",
    "australia",
    "austria",
    "azerbaijan",
    "bahamas",
    "bahrain",
    "bangladesh",
    "barbados",
    "belarus",
    "belgium",
    "belize",
    "benin",
    "bhutan",
    "bolivia",
    "bosnia",
    "botswana",
    "brazil",
    "brunei",
    "bulgaria",
    "burkina faso",
    "burundi",
    "cambodia",
    "cameroon",
    "canada",
    "chad",
    "chile",
    "china",
    "colombia",
    "congo",
    "costa rica",
    "croatia",
    "cuba",
    "cyprus",
    "czech republic",
    "czechia",
    "denmark",
    "djibouti",
    "dominican republic",
    "ecuador",
    "egypt",
    "el salvador",
    "eritrea",
    "estonia",
    "ethiopia",
    "fiji",
    "finland",
    "france",
    "gabon",
    "gambia",
    "georgia",
    "germany",
    "ghana",
    "greece",
    "guatemala",
    "guinea",
    "guyana",
    "haiti",
    "honduras",
    "hungary",
    "iceland",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "italy",
    "ivory coast",
    "jamaica",
    "japan",
    "jordan",
    "kazakhstan",
    "kenya",
    "korea",
    "south korea",
    "north korea",
    "kosovo",
    "kuwait",
    "kyrgyzstan",
    "laos",
    "latvia",
    "lebanon",
    "lesotho",
    "liberia",
    "libya",
    "liechtenstein",
    "lithuania",
    "luxembourg",
    "madagascar",
    "malawi",
    "malaysia",
    "maldives",
    "mali",
    "malta",
    "mauritania",
    "mauritius",
    "mexico",
    "moldova",
    "monaco",
    "mongolia",
    "montenegro",
    "morocco",
    "mozambique",
    "myanmar",
    "namibia",
    "nepal",
    "netherlands",
    "new zealand",
    "nicaragua",
    "niger",
    "nigeria",
    "north macedonia",
    "norway",
    "oman",
    "pakistan",
    "panama",
    "papua new guinea",
    "paraguay",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "romania",
    "russia",
    "rwanda",
    "san marino",
    "saudi arabia",
    "senegal",
    "serbia",
    "sierra leone",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "south africa",
    "spain",
    "sri lanka",
    "sudan",
    "suriname",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tajikistan",
    "tanzania",
    "thailand",
    "togo",
    "trinidad",
    "tunisia",
    "turkey",
    "turkiye",
    "turkmenistan",
    "uganda",
    "ukraine",
    "united arab emirates",
    "uae",
    "united kingdom",
    "uk",
    "united states",
    "usa",
    "uruguay",
    "uzbekistan",
    "venezuela",
    "vietnam",
    "yemen",
    "zambia",
    "zimbabwe",
];

const EU: &[&str] = &[
    "austria",
    "belgium",
    "bulgaria",
    "croatia",
    "cyprus",
    "czech republic",
    "czechia",
    "denmark",
    "estonia",
    "finland",
    "france",
    "germany",
    "greece",
    "hungary",
    "ireland",
    "italy",
    "latvia",
    "lithuania",
    "luxembourg",
    "malta",
    "netherlands",
    "the netherlands",
    "poland",
    "portugal",
    "romania",
    "slovakia",
    "slovak republic",
    "slovenia",
    "spain",
    "sweden",
];

/// European countries outside the EU, Türkiye included: the real market file's Europe total is
/// exactly the EU's countries and these (Russia is in its Eurasia).
const EUROPE_NON_EU: &[&str] = &[
    "albania",
    "andorra",
    "belarus",
    "bosnia herzegovina",
    "bosnia and herzegovina",
    "iceland",
    "kosovo",
    "liechtenstein",
    "moldova",
    "republic of moldova",
    "monaco",
    "montenegro",
    "north macedonia",
    "norway",
    "san marino",
    "serbia",
    "switzerland",
    "uk",
    "united kingdom",
    "great britain",
    "ukraine",
    "turkiye",
    "turkey",
];

const ASIA: &[&str] = &[
    "afghanistan",
    "bangladesh",
    "bhutan",
    "brunei",
    "cambodia",
    "china",
    "chinese taipei",
    "taiwan",
    "india",
    "indonesia",
    "japan",
    "kazakhstan",
    "korea",
    "south korea",
    "republic of korea",
    "korea republic",
    "kyrgyzstan",
    "laos",
    "malaysia",
    "maldives",
    "mongolia",
    "myanmar",
    "nepal",
    "pakistan",
    "philippines",
    "singapore",
    "sri lanka",
    "tajikistan",
    "thailand",
    "turkmenistan",
    "uzbekistan",
    "vietnam",
    "viet nam",
];

const MIDDLE_EAST: &[&str] = &[
    "bahrain",
    "iran",
    "iraq",
    "israel",
    "jordan",
    "kuwait",
    "lebanon",
    "oman",
    "qatar",
    "saudi arabia",
    "syria",
    "uae",
    "united arab emirates",
    "yemen",
];

const AFRICA: &[&str] = &[
    "algeria",
    "angola",
    "benin",
    "botswana",
    "burkina faso",
    "cameroon",
    "chad",
    "egypt",
    "ethiopia",
    "ghana",
    "ivory coast",
    "kenya",
    "libya",
    "madagascar",
    "mali",
    "mauritania",
    "morocco",
    "mozambique",
    "namibia",
    "niger",
    "nigeria",
    "rwanda",
    "senegal",
    "somalia",
    "south africa",
    "sudan",
    "tanzania",
    "tunisia",
    "uganda",
    "zambia",
    "zimbabwe",
];

const NORTH_AMERICA: &[&str] = &[
    "usa",
    "united states",
    "united states of america",
    "canada",
    "mexico",
];

const CENTRAL_AMERICA: &[&str] = &[
    "belize",
    "costa rica",
    "el salvador",
    "guatemala",
    "honduras",
    "nicaragua",
    "panama",
    "cuba",
    "dominican republic",
    "jamaica",
];

const SOUTH_AMERICA: &[&str] = &[
    "argentina",
    "bolivia",
    "brazil",
    "chile",
    "colombia",
    "ecuador",
    "paraguay",
    "peru",
    "uruguay",
    "venezuela",
];

const OCEANIA: &[&str] = &["australia", "new zealand", "fiji", "papua new guinea"];

/// Each region (normalised, as data files and analysts name it) with the tables of its
/// countries.
const REGIONS: &[(&str, &[&[&str]])] = &[
    ("eu", &[EU]),
    ("european union", &[EU]),
    ("eu 27", &[EU]),
    ("europe", &[EU, EUROPE_NON_EU]),
    ("asia", &[ASIA]),
    ("middle east", &[MIDDLE_EAST]),
    (
        "mena",
        &[
            MIDDLE_EAST,
            &["algeria", "egypt", "libya", "morocco", "tunisia"],
        ],
    ),
    ("africa", &[AFRICA]),
    (
        "north africa",
        &[&["algeria", "egypt", "libya", "morocco", "tunisia", "sudan"]],
    ),
    ("north america", &[NORTH_AMERICA]),
    ("central america", &[CENTRAL_AMERICA]),
    ("south america", &[SOUTH_AMERICA]),
    (
        "latin america",
        &[SOUTH_AMERICA, CENTRAL_AMERICA, &["mexico"]],
    ),
    ("latam", &[SOUTH_AMERICA, CENTRAL_AMERICA, &["mexico"]]),
    ("america", &[NORTH_AMERICA, CENTRAL_AMERICA, SOUTH_AMERICA]),
    ("americas", &[NORTH_AMERICA, CENTRAL_AMERICA, SOUTH_AMERICA]),
    ("oceania", &[OCEANIA]),
];

/// The regions of the table as a user names them ("EU", "Latin America"), each with its
/// normalised key.
pub fn regions() -> impl Iterator<Item = (&'static str, String)> {
    REGIONS.iter().map(|(key, _)| {
        let display = if key.len() <= 4 || key.starts_with("eu ") {
            key.to_uppercase()
        } else {
            key.split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        (*key, display)
    })
}

/// Whether a name is a country (not World, a region or another aggregate).
pub fn is_country(name: &str) -> bool {
    let n = norm(name);
    COUNTRIES.contains(&n.as_str()) || MORE_COUNTRY_NAMES.contains(&n.as_str())
}

/// Whether `region` is a region this table knows the countries of.
pub fn is_known_region(region: &str) -> bool {
    let n = norm(region);
    REGIONS.iter().any(|(r, _)| *r == n)
}

/// Whether `country` lies in `region`: `None` when the region is not in the table (or is World,
/// which holds every country).
pub fn in_region(country: &str, region: &str) -> Option<bool> {
    let r = norm(region);
    if r == "world" {
        return Some(is_country(country));
    }
    let (_, tables) = REGIONS.iter().find(|(name, _)| *name == r)?;
    let c = norm(country);
    Some(tables.iter().any(|t| t.contains(&c.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_regions() {
        assert!(is_country("Italy") && is_country("Türkiye") && is_country("Chinese Taipei"));
        assert!(!is_country("World") && !is_country("EU") && !is_country("Middle East"));
        assert_eq!(in_region("Spain", "Europe"), Some(true));
        assert_eq!(in_region("Norway", "EU"), Some(false));
        assert_eq!(in_region("Norway", "Europe"), Some(true));
        assert_eq!(in_region("Türkiye", "Europe"), Some(true));
        assert_eq!(in_region("Russia", "Europe"), Some(false));
        assert_eq!(in_region("China", "Asia"), Some(true));
        assert_eq!(in_region("Brazil", "Latin America"), Some(true));
        assert_eq!(in_region("Brazil", "World"), Some(true));
        assert_eq!(in_region("Italy", "RoW"), None);
        // Every country of a region's table is a country.
        for (r, tables) in REGIONS {
            for c in tables.iter().flat_map(|t| t.iter()) {
                assert!(is_country(c), "{r}: {c}");
            }
        }
    }
}

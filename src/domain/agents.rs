//! The agent catalogues of api-contract §4.6 and the `suggest-agent-type` keyword rule (§4.7).
//! Each endpoint keeps its own list, as the contract says; they are all here.

/// The nine agent types. A request may name any string (the endpoints answer "invalid" or "not
/// configured" with it, and the old database may hold others), so handlers carry the normalised
/// string ([`super::conversation::normalize_agent_type`]) and read it as this type where a rule
/// depends on which agent it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentType {
    Market,
    Price,
    News,
    Digitalization,
    NziaPolicy,
    NziaMarketImpact,
    ManufacturerFinancial,
    LeoOm,
    Weaviate,
}

impl AgentType {
    pub const ALL: [AgentType; 9] = [
        AgentType::Market,
        AgentType::Price,
        AgentType::News,
        AgentType::Digitalization,
        AgentType::NziaPolicy,
        AgentType::NziaMarketImpact,
        AgentType::ManufacturerFinancial,
        AgentType::LeoOm,
        AgentType::Weaviate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgentType::Market => "market",
            AgentType::Price => "price",
            AgentType::News => "news",
            AgentType::Digitalization => "digitalization",
            AgentType::NziaPolicy => "nzia_policy",
            AgentType::NziaMarketImpact => "nzia_market_impact",
            AgentType::ManufacturerFinancial => "manufacturer_financial",
            AgentType::LeoOm => "leo_om",
            AgentType::Weaviate => "weaviate",
        }
    }

    /// An agent type from a request or a row, with the `om` alias of decision F5; exact,
    /// case-sensitive names otherwise.
    pub fn parse(s: &str) -> Option<AgentType> {
        let s = if s == "om" { "leo_om" } else { s };
        AgentType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One entry of the agent-management catalogue (a).
#[derive(Debug, Clone, Copy)]
pub struct CatalogueAgent {
    pub agent_type: &'static str,
    pub display_name: &'static str,
    pub capabilities: &'static [&'static str],
}

/// (a) The agent-management catalogue, in its order.
pub const CATALOGUE: [CatalogueAgent; 9] = [
    CatalogueAgent {
        agent_type: "market",
        display_name: "Market Intelligence Agent",
        capabilities: &[
            "Market trend analysis",
            "Regional comparisons",
            "Forecast generation",
            "Supply chain insights",
        ],
    },
    CatalogueAgent {
        agent_type: "price",
        display_name: "Module Prices Agent",
        capabilities: &[
            "Module price tracking",
            "Historical price data",
            "Price forecasting",
            "Regional price comparison",
        ],
    },
    CatalogueAgent {
        agent_type: "news",
        display_name: "News Agent",
        capabilities: &[
            "Latest industry news",
            "Company announcements",
            "Policy updates",
            "Market reports",
        ],
    },
    CatalogueAgent {
        agent_type: "digitalization",
        display_name: "Digitalization Trends Agent",
        capabilities: &[
            "Digital transformation insights",
            "Automation trends",
            "AI/ML applications",
            "Smart grid technology",
        ],
    },
    CatalogueAgent {
        agent_type: "nzia_policy",
        display_name: "NZIA Policy Agent",
        capabilities: &[
            "FERX framework analysis",
            "NZIA compliance guidance",
            "Italian PV auction procedures",
            "Policy document interpretation",
            "Multilingual support (IT/EN)",
        ],
    },
    CatalogueAgent {
        agent_type: "nzia_market_impact",
        display_name: "NZIA Market Impact Agent",
        capabilities: &[
            "EU NZIA market impact analysis",
            "EU manufacturing targets (40% by 2030)",
            "Implementation timeline and milestones",
            "Compliance criteria analysis",
            "Country-level PV market forecasts",
            "Strategic recommendations for EU PV industry",
        ],
    },
    CatalogueAgent {
        agent_type: "manufacturer_financial",
        display_name: "Manufacturer Financial Agent",
        capabilities: &[
            "Financial performance analysis",
            "Cross-company comparisons",
            "Quarterly and yearly trend analysis",
            "Margin and profitability metrics",
            "Manufacturing capacity tracking",
            "Revenue per watt analysis",
        ],
    },
    CatalogueAgent {
        agent_type: "leo_om",
        display_name: "O&M Agent",
        capabilities: &[
            "O&M best practices",
            "Performance optimization",
            "Maintenance scheduling",
            "Asset monitoring",
        ],
    },
    CatalogueAgent {
        agent_type: "weaviate",
        display_name: "Database Query Agent",
        capabilities: &[
            "Custom database queries",
            "Advanced data retrieval",
            "Complex analytics",
            "Data exploration",
        ],
    },
];

pub fn catalogue_entry(agent_type: &str) -> Option<&'static CatalogueAgent> {
    CATALOGUE.iter().find(|a| a.agent_type == agent_type)
}

/// (b) The access-configuration seed: type, default required plan, enabled, description.
pub const ACCESS_SEED: [(&str, &str, bool, &str); 9] = [
    (
        "market",
        "free",
        true,
        "Market Intelligence Agent - Provides market trends and analysis",
    ),
    (
        "price",
        "free",
        true,
        "Module Prices Agent - Tracks and analyzes PV module pricing",
    ),
    (
        "news",
        "free",
        true,
        "News Agent - Latest solar industry news and updates",
    ),
    (
        "digitalization",
        "free",
        true,
        "Digitalization Trends Agent - Digital transformation in solar",
    ),
    (
        "nzia_policy",
        "free",
        true,
        "NZIA Policy Agent - European NZIA policy analysis",
    ),
    (
        "nzia_market_impact",
        "premium",
        true,
        "NZIA Market Impact Agent - EU market impact analysis (Premium)",
    ),
    (
        "manufacturer_financial",
        "free",
        true,
        "Manufacturer Financial Agent - Financial analysis of PV manufacturers",
    ),
    (
        "leo_om",
        "free",
        true,
        "Operations & Maintenance Agent - O&M best practices",
    ),
    (
        "weaviate",
        "premium",
        true,
        "Database Query Agent - Advanced data retrieval (Premium)",
    ),
];

/// (c) The chat router's names, also listed by `/chat/agents`.
pub const CHAT_NAMES: [(&str, &str); 9] = [
    ("market", "Market Intelligence Agent"),
    ("price", "Module Prices Agent"),
    ("news", "News Agent"),
    ("digitalization", "Digitalization Trends Agent"),
    ("nzia_policy", "NZIA Policy Agent"),
    ("nzia_market_impact", "NZIA Market Impact Agent"),
    ("manufacturer_financial", "Manufacturer Financial Agent"),
    ("leo_om", "Operations & Maintenance Agent"),
    ("weaviate", "Database Query Agent"),
];

/// The keyword groups of §4.7, in order; the first hit wins.
const KEYWORDS: [(&str, &[&str]); 7] = [
    (
        "price",
        &[
            "price",
            "cost",
            "module",
            "wafer",
            "polysilicon",
            "cell",
            "pv glass",
            "usd",
            "yuan",
            "rmb",
        ],
    ),
    (
        "news",
        &[
            "news",
            "article",
            "report",
            "latest",
            "update",
            "announcement",
            "press release",
        ],
    ),
    (
        "digitalization",
        &[
            "digital",
            "automation",
            "ai",
            "machine learning",
            "iot",
            "smart",
            "technology",
        ],
    ),
    (
        "nzia_policy",
        &[
            "nzia",
            "ferx",
            "italy",
            "italian",
            "policy",
            "compliance",
            "auction",
            "eligibility",
            "regulatory",
        ],
    ),
    (
        "nzia_market_impact",
        &[
            "nzia",
            "market impact",
            "eu manufacturing",
            "european pv",
            "nzia target",
            "nzia compliance",
            "resilience",
            "sustainability",
            "procurement",
            "germany",
            "spain",
            "france",
            "country forecast",
        ],
    ),
    (
        "manufacturer_financial",
        &[
            "manufacturer",
            "financial",
            "revenue",
            "profit",
            "margin",
            "ebitda",
            "jinko",
            "longi",
            "trina",
            "canadian solar",
            "ja solar",
            "risen",
            "tongwei",
            "gcl",
        ],
    ),
    (
        "leo_om",
        &[
            "operation",
            "maintenance",
            "o&m",
            "om",
            "monitoring",
            "performance",
            "efficiency",
        ],
    ),
];

/// `suggest-agent-type`: literal substring matching on the lower-cased query (kept for
/// compatibility: "ai" matches "maintain", "om" matches "from"); `market` by default.
pub fn suggest_agent_type(query: &str) -> &'static str {
    let q = query.to_lowercase();
    KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| q.contains(w)))
        .map(|(t, _)| *t)
        .unwrap_or("market")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_list_the_same_nine_agents() {
        let a: Vec<&str> = CATALOGUE.iter().map(|a| a.agent_type).collect();
        let b: Vec<&str> = ACCESS_SEED.iter().map(|s| s.0).collect();
        let c: Vec<&str> = CHAT_NAMES.iter().map(|s| s.0).collect();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(catalogue_entry("leo_om").unwrap().display_name, "O&M Agent");
        assert!(catalogue_entry("om").is_none());
    }

    #[test]
    fn agent_types_parse_with_the_om_alias() {
        let cases: &[(&str, Option<AgentType>)] = &[
            ("market", Some(AgentType::Market)),
            ("weaviate", Some(AgentType::Weaviate)),
            ("leo_om", Some(AgentType::LeoOm)),
            ("om", Some(AgentType::LeoOm)),
            ("OM", None),
            ("Market", None),
            ("expert", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(AgentType::parse(s), *want, "{s:?}");
        }
        // the catalogues list exactly the nine types, in the same order
        let names: Vec<&str> = AgentType::ALL.iter().map(|t| t.as_str()).collect();
        let catalogue: Vec<&str> = CATALOGUE.iter().map(|a| a.agent_type).collect();
        assert_eq!(names, catalogue);
        for t in AgentType::ALL {
            assert_eq!(AgentType::parse(t.as_str()), Some(t));
            assert_eq!(
                AgentType::parse(&crate::domain::conversation::normalize_agent_type(
                    t.as_str()
                )),
                Some(t)
            );
        }
    }

    #[test]
    fn keyword_rule() {
        let cases = [
            ("What is the module price in China?", "price"),
            ("Latest news on tariffs", "news"),
            ("How does AI help?", "digitalization"),
            ("maintain my plant", "digitalization"), // "ai" in "maintain"
            ("Italian FER X auction rules", "nzia_policy"),
            ("Germany forecast", "nzia_market_impact"),
            ("Spain outlook", "digitalization"), // "ai" in "spain"
            ("LONGi margins", "manufacturer_financial"),
            ("Data from Chile", "leo_om"), // "om" in "from"
            ("Installed capacity in Chile", "market"),
            ("", "market"),
        ];
        for (q, want) in cases {
            assert_eq!(suggest_agent_type(q), want, "{q}");
        }
    }
}

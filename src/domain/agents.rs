//! The agents, one row each ([`AGENTS`]): the catalogues of api-contract §4.6 (each endpoint shows
//! its own columns of the row, as the contract says), the `suggest-agent-type` keyword rule
//! (§4.7), and each agent's persona, tools and document collection.

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
    ComponentPrices,
    Seamless,
    Quality,
    StorageOptimization,
    BipvDesign,
}

impl AgentType {
    pub const ALL: [AgentType; 14] = [
        AgentType::Market,
        AgentType::Price,
        AgentType::News,
        AgentType::Digitalization,
        AgentType::NziaPolicy,
        AgentType::NziaMarketImpact,
        AgentType::ManufacturerFinancial,
        AgentType::LeoOm,
        AgentType::Weaviate,
        AgentType::ComponentPrices,
        AgentType::Seamless,
        AgentType::Quality,
        AgentType::StorageOptimization,
        AgentType::BipvDesign,
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
            AgentType::ComponentPrices => "component_prices",
            AgentType::Seamless => "seamless",
            AgentType::Quality => "quality",
            AgentType::StorageOptimization => "storage_optimization",
            AgentType::BipvDesign => "bipv_design",
        }
    }

    /// An agent type from a request or a row, with the `om` alias of decision F5; exact,
    /// case-sensitive names otherwise.
    pub fn parse(s: &str) -> Option<AgentType> {
        let s = if s == "om" { "leo_om" } else { s };
        AgentType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One agent: everything the platform says and does about it, in one row. The seed rows, the
/// agent-management catalogue, the chat router's names, the keyword rule, the tool sets, the
/// system prompts and the document collections are all read from [`AGENTS`]; adding an agent is
/// one row here (and, for the built-in provider, its answerer in `agents::builtin`).
#[derive(Debug)]
pub struct Agent {
    pub kind: AgentType,
    /// The id requests and rows carry.
    pub id: &'static str,
    /// The name the current React app gives it (`constants/agentMetadata.ts`: "Alex", "Sam",
    /// ...; the removed `price` and `leo_om` had "Maya" and "Leo"). Messages that name an agent
    /// to a user use it ([`Agent::name`]).
    pub persona_name: Option<&'static str>,
    /// The agent-management catalogue's display name (api-contract §4.6 a).
    pub display_name: &'static str,
    pub capabilities: &'static [&'static str],
    /// The catalogue marks it as needing a subscription, and `check-availability` refuses it
    /// below the premium plan (§4.6 a).
    pub requires_subscription: bool,
    /// The access-configuration seed (§4.6 b): default required plan, enabled, description.
    pub required_plan: &'static str,
    pub enabled: bool,
    pub description: &'static str,
    /// The chat router's name, also listed by `/chat/agents` (§4.6 c).
    pub chat_name: &'static str,
    /// The keywords of `suggest-agent-type` (§4.7); the rows' order is the rule's order.
    pub keywords: &'static [&'static str],
    /// Its role, the first sentence of its system prompt for a language model.
    pub persona: &'static str,
    /// Tool names; tools that this build does not have are left out of the model's list.
    pub tools: &'static [&'static str],
    /// The document collection it searches (`None`: none, or every one for the database agent).
    pub collection: Option<&'static str>,
    /// Why it cannot answer on this installation: then every turn answers this, on any
    /// provider, with no tool and no figure, and is not counted (decision L5).
    pub unavailable: Option<&'static str>,
}

/// The agents, in the catalogues' order: the nine of the first contract, then the five the
/// current app added (decisions L2, L5).
pub const AGENTS: [Agent; 14] = [
    Agent {
        kind: AgentType::Market,
        id: "market",
        persona_name: Some("Alex"),
        display_name: "Market Intelligence Agent",
        capabilities: &[
            "Market trend analysis",
            "Regional comparisons",
            "Forecast generation",
            "Supply chain insights",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Market Intelligence Agent - Provides market trends and analysis",
        chat_name: "Market Intelligence Agent",
        keywords: &[],
        persona: "You are the Market Intelligence Agent of Solar Intelligence: a PV market analyst for installed \
                  capacity (annual and cumulative, MW DC) by territory, year, scenario and connection type.",
        tools: &[
            "query_market_data",
            "chart_market_data",
            "offer_expert_contact",
        ],
        collection: None,
        unavailable: None,
    },
    Agent {
        kind: AgentType::Price,
        id: "price",
        persona_name: Some("Maya"),
        display_name: "Module Prices Agent",
        capabilities: &[
            "Module price tracking",
            "Historical price data",
            "Price forecasting",
            "Regional price comparison",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Module Prices Agent - Tracks and analyzes PV module pricing",
        chat_name: "Module Prices Agent",
        keywords: &[
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
        persona: "You are the Module Prices Agent: a component price analyst for modules, cells, wafers, \
                  polysilicon, PV glass and raw materials by technology, region and date.",
        tools: &["query_prices", "chart_prices"],
        collection: None,
        unavailable: None,
    },
    Agent {
        kind: AgentType::News,
        id: "news",
        persona_name: Some("Emma"),
        display_name: "News Agent",
        capabilities: &[
            "Latest industry news",
            "Company announcements",
            "Policy updates",
            "Market reports",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "News Agent - Latest solar industry news and updates",
        chat_name: "News Agent",
        keywords: &[
            "news",
            "article",
            "report",
            "latest",
            "update",
            "announcement",
            "press release",
        ],
        persona: "You are the News Agent: you summarise solar industry news from the news collection, with \
                  titles, dates and links.",
        tools: &["search_documents"],
        collection: Some("news"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::Digitalization,
        id: "digitalization",
        persona_name: Some("Nova"),
        display_name: "Digitalization Trends Agent",
        capabilities: &[
            "Digital transformation insights",
            "Automation trends",
            "AI/ML applications",
            "Smart grid technology",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Digitalization Trends Agent - Digital transformation in solar",
        chat_name: "Digitalization Trends Agent",
        keywords: &[
            "digital",
            "automation",
            "ai",
            "machine learning",
            "iot",
            "smart",
            "technology",
        ],
        persona: "You are the Digitalization Trends Agent: digital transformation, AI and automation in PV.",
        tools: &["search_documents"],
        collection: Some("digitalization"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::NziaPolicy,
        id: "nzia_policy",
        persona_name: Some("Aniza"),
        display_name: "NZIA Policy Agent",
        capabilities: &[
            "FERX framework analysis",
            "NZIA compliance guidance",
            "Italian PV auction procedures",
            "Policy document interpretation",
            "Multilingual support (IT/EN)",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "NZIA Policy Agent - European NZIA policy analysis",
        chat_name: "NZIA Policy Agent",
        keywords: &[
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
        persona: "You are the NZIA Policy Agent: the EU Net-Zero Industry Act, the Italian FER X decree, \
                  auctions and compliance. Answer in the user's language (Italian or English).",
        tools: &["search_documents"],
        collection: Some("nzia_policy"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::NziaMarketImpact,
        id: "nzia_market_impact",
        persona_name: Some("Nina"),
        display_name: "NZIA Market Impact Agent",
        capabilities: &[
            "EU NZIA market impact analysis",
            "EU manufacturing targets (40% by 2030)",
            "Implementation timeline and milestones",
            "Compliance criteria analysis",
            "Country-level PV market forecasts",
            "Strategic recommendations for EU PV industry",
        ],
        requires_subscription: false,
        required_plan: "premium",
        enabled: true,
        description: "NZIA Market Impact Agent - EU market impact analysis (Premium)",
        chat_name: "NZIA Market Impact Agent",
        keywords: &[
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
        persona: "You are the NZIA Market Impact Agent: market effects of the NZIA, EU manufacturing targets \
                  and country forecasts.",
        tools: &["search_documents", "query_market_data", "chart_market_data"],
        collection: Some("nzia_market_impact"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::ManufacturerFinancial,
        id: "manufacturer_financial",
        persona_name: Some("Finn"),
        display_name: "Manufacturer Financial Agent",
        capabilities: &[
            "Financial performance analysis",
            "Cross-company comparisons",
            "Quarterly and yearly trend analysis",
            "Margin and profitability metrics",
            "Manufacturing capacity tracking",
            "Revenue per watt analysis",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Manufacturer Financial Agent - Financial analysis of PV manufacturers",
        chat_name: "Manufacturer Financial Agent",
        keywords: &[
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
        persona: "You are the Manufacturer Financial Agent: revenue, margins, shipments and capacity of PV \
                  manufacturers.",
        tools: &["query_financials", "chart_financials"],
        collection: None,
        unavailable: None,
    },
    Agent {
        kind: AgentType::LeoOm,
        id: "leo_om",
        persona_name: Some("Leo"),
        display_name: "O&M Agent",
        capabilities: &[
            "O&M best practices",
            "Performance optimization",
            "Maintenance scheduling",
            "Asset monitoring",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Operations & Maintenance Agent - O&M best practices",
        chat_name: "Operations & Maintenance Agent",
        keywords: &[
            "operation",
            "maintenance",
            "o&m",
            "om",
            "monitoring",
            "performance",
            "efficiency",
        ],
        persona: "You are the O&M Agent: operations and maintenance practice for PV plants.",
        tools: &["search_documents"],
        collection: Some("om"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::Weaviate,
        id: "weaviate",
        persona_name: None,
        display_name: "Database Query Agent",
        capabilities: &[
            "Custom database queries",
            "Advanced data retrieval",
            "Complex analytics",
            "Data exploration",
        ],
        requires_subscription: true,
        required_plan: "premium",
        enabled: true,
        description: "Database Query Agent - Advanced data retrieval (Premium)",
        chat_name: "Database Query Agent",
        keywords: &[],
        persona: "You are the Database Query Agent: open questions across every dataset and document \
                  collection.",
        tools: &[
            "search_documents",
            "query_market_data",
            "chart_market_data",
            "query_prices",
            "chart_prices",
            "query_financials",
            "chart_financials",
        ],
        collection: None,
        unavailable: None,
    },
    Agent {
        kind: AgentType::ComponentPrices,
        id: "component_prices",
        persona_name: Some("Priya"),
        display_name: "Component Prices Agent",
        capabilities: &[
            "Component and raw material price tracking",
            "Historical price data",
            "Regional price comparison",
            "Price changes and trends",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Component Prices Agent (Priya) - PV component and raw material price analysis",
        chat_name: "Component Prices Agent",
        keywords: &[],
        persona: "You are the Component Prices Agent: a component price analyst for modules, cells, \
                  wafers, polysilicon, PV glass and raw materials by technology, region and date.",
        tools: &["query_prices", "chart_prices"],
        collection: None,
        unavailable: None,
    },
    Agent {
        kind: AgentType::Seamless,
        id: "seamless",
        persona_name: Some("Sam"),
        display_name: "SEAMLESS-PV & BIPV Agent",
        capabilities: &[
            "Integrated PV (BIPV, AgriPV, VIPV)",
            "SEAMLESS-PV project documents",
        ],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "IPV Expert Agent (Sam) - Integrated PV analysis (BIPV, AgriPV, VIPV)",
        chat_name: "SEAMLESS-PV & BIPV Agent",
        keywords: &[],
        persona: "You are the SEAMLESS-PV & BIPV Agent: integrated PV (building-, agri- and \
                  vehicle-integrated) from the seamless document collection.",
        tools: &["search_documents"],
        collection: Some("seamless"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::Quality,
        id: "quality",
        persona_name: Some("Quinn"),
        display_name: "PV Risk & Reliability Expert",
        capabilities: &[
            "PV system risks and failure modes",
            "Reliability and bankability",
            "Quality documents",
        ],
        requires_subscription: false,
        required_plan: "analyst",
        enabled: true,
        description: "PV Risk & Reliability Expert (Quinn) - Technical analysis for PV system risks, reliability, and bankability (Analyst)",
        chat_name: "PV Risk & Reliability Expert",
        keywords: &[],
        persona: "You are the PV Risk & Reliability Expert: risks, reliability and bankability of PV \
                  systems from the quality document collection.",
        tools: &["search_documents"],
        collection: Some("quality"),
        unavailable: None,
    },
    Agent {
        kind: AgentType::StorageOptimization,
        id: "storage_optimization",
        persona_name: Some("Eco"),
        display_name: "Storage Optimization Expert",
        capabilities: &["Battery storage sizing with solar PV"],
        requires_subscription: false,
        required_plan: "free",
        enabled: true,
        description: "Storage Optimization Expert (Eco) - Battery storage system sizing with solar PV and financial analysis",
        chat_name: "Storage Optimization Expert",
        keywords: &[],
        persona: "You are the Storage Optimization Expert.",
        tools: &[],
        collection: None,
        unavailable: Some(
            "**Storage Optimization Expert** is not available on this installation: sizing a battery \
             with PV needs the storage optimiser and a load profile, which this installation does not \
             have. I have not computed anything, so I give no figure. The Market Intelligence and \
             Component Prices agents can answer from the loaded data.",
        ),
    },
    Agent {
        kind: AgentType::BipvDesign,
        id: "bipv_design",
        persona_name: Some("Aria"),
        display_name: "BIPV Design Visualization Agent",
        capabilities: &["BIPV design visualisation"],
        requires_subscription: false,
        required_plan: "strategist",
        enabled: true,
        description: "BIPV Design Visualizer (Aria) - AI-powered BIPV visualization using Google Gemini (Strategist)",
        chat_name: "BIPV Design Visualization Agent",
        keywords: &[],
        persona: "You are the BIPV Design Visualization Agent.",
        tools: &[],
        collection: None,
        unavailable: Some(
            "**BIPV Design Visualization Agent** is not available on this installation: BIPV \
             visualisation needs an image-generation service, which this installation does not \
             have configured. No image was generated and none is shown. The SEAMLESS-PV & BIPV \
             Agent can answer from BIPV documents once they are loaded.",
        ),
    },
];

impl Agent {
    /// How a message to a user names it: its persona name, else its display name.
    pub fn name(&self) -> &'static str {
        self.persona_name.unwrap_or(self.display_name)
    }
}

impl AgentType {
    /// Its row of [`AGENTS`].
    pub fn agent(self) -> &'static Agent {
        AGENTS
            .iter()
            .find(|a| a.kind == self)
            .expect("every agent type has a row")
    }
}

/// The row of an exact agent id (callers normalise the `om` alias first); `None` for an id no
/// agent has.
pub fn agent(id: &str) -> Option<&'static Agent> {
    AGENTS.iter().find(|a| a.id == id)
}

/// The document collections the agents search, in the catalogue's order.
pub fn collections() -> impl Iterator<Item = &'static str> {
    AGENTS.iter().filter_map(|a| a.collection)
}

/// `suggest-agent-type`: literal substring matching on the lower-cased query (kept for
/// compatibility: "ai" matches "maintain", "om" matches "from"); `market` by default.
pub fn suggest_agent_type(query: &str) -> &'static str {
    let q = query.to_lowercase();
    AGENTS
        .iter()
        .find(|a| a.keywords.iter().any(|w| q.contains(w)))
        .map(|a| a.id)
        .unwrap_or("market")
}

/// The agents `POST /recommendations/recommend` chooses among, in its order (the old service's
/// nine: never the agents that cannot answer here, nor the first app's `price`, whose data
/// `component_prices` answers from).
pub const RECOMMENDABLE: [&str; 9] = [
    "market",
    "news",
    "digitalization",
    "nzia_policy",
    "nzia_market_impact",
    "manufacturer_financial",
    "component_prices",
    "seamless",
    "quality",
];

/// Words of a need beyond the suggestion keywords, for the agents that have none.
const NEED_WORDS: &[(&str, &[&str])] = &[
    (
        "market",
        &[
            "market",
            "installation",
            "installations",
            "installed",
            "capacity",
            "gw",
            "mw",
            "forecast",
            "demand",
            "growth",
            "deployment",
            "additions",
            "country",
            "countries",
        ],
    ),
    (
        "seamless",
        &[
            "bipv",
            "agripv",
            "vipv",
            "integrated pv",
            "building integrated",
            "agrivoltaic",
            "agrivoltaics",
            "facade",
            "vehicle integrated",
        ],
    ),
    (
        "quality",
        &[
            "reliability",
            "risk",
            "risks",
            "degradation",
            "bankability",
            "failure",
            "failures",
            "defect",
            "defects",
            "warranty",
            "quality",
        ],
    ),
];

/// `POST /recommendations/recommend`: the agents whose words the described need contains, as
/// whole words (so "maintain" is not "ai"), in [`RECOMMENDABLE`]'s order; `market` when none
/// does. Offline: no model is asked.
pub fn recommend(need: &str) -> Vec<&'static str> {
    let words: String = need
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let padded = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let says = |k: &str| padded.contains(&format!(" {k} ")) || padded.contains(&format!(" {k}s "));
    let mut out: Vec<&'static str> = RECOMMENDABLE
        .iter()
        .copied()
        .filter(|id| {
            // The first app's `price` agent holds the price words; `component_prices` answers them.
            let row = if *id == "component_prices" {
                "price"
            } else {
                id
            };
            let own = agent(row).map(|a| a.keywords).unwrap_or_default();
            let extra = NEED_WORDS
                .iter()
                .find(|(a, _)| a == id)
                .map(|(_, w)| *w)
                .unwrap_or_default();
            own.iter().chain(extra).any(|k| says(k))
        })
        .collect();
    if out.is_empty() {
        out.push("market");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_recommends_the_agents_whose_words_it_holds() {
        assert_eq!(recommend("module prices in China"), ["component_prices"]);
        assert_eq!(
            recommend("LONGi revenue and BIPV facade reliability"),
            ["manufacturer_financial", "seamless", "quality"]
        );
        // Whole words only: "maintain" holds "ai" but asks nothing of digitalization.
        assert_eq!(recommend("how to maintain a plant"), ["market"]);
        assert_eq!(recommend("AI for solar O&M"), ["digitalization"]);
        assert!(recommend("installed capacity forecast for Spain").contains(&"market"));
    }

    #[test]
    fn every_agent_type_has_one_row() {
        for t in AgentType::ALL {
            assert_eq!(AGENTS.iter().filter(|a| a.kind == t).count(), 1, "{t:?}");
            assert_eq!(t.agent().id, t.as_str());
        }
        assert_eq!(agent("leo_om").unwrap().display_name, "O&M Agent");
        assert_eq!(
            agent("leo_om").unwrap().chat_name,
            "Operations & Maintenance Agent"
        );
        assert!(agent("om").is_none());
        let c: Vec<&str> = collections().collect();
        assert_eq!(
            c,
            [
                "news",
                "digitalization",
                "nzia_policy",
                "nzia_market_impact",
                "om",
                "seamless",
                "quality"
            ]
        );
        // An agent that cannot answer here has no tool to call.
        for a in &AGENTS {
            assert!(a.unavailable.is_none() || a.tools.is_empty(), "{}", a.id);
        }
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
        let catalogue: Vec<&str> = AGENTS.iter().map(|a| a.id).collect();
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

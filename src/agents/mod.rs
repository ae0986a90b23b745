//! The agents as data (agents.md): id, prompt and tools of each catalogue agent, and the runtime
//! that runs one turn: the provider streams text, tools run with a time limit, at most a few
//! rounds.

pub mod builtin;

use std::time::Duration;

use crate::app::AppState;
use crate::chat::events::{Event, strip_citations};
use crate::llm::{ChatMessage, Llm, LlmError};
use crate::tools::{self, Effect, ToolContext};

/// One agent of the catalogue.
#[derive(Debug)]
pub struct AgentDef {
    pub id: &'static str,
    pub prompt: &'static str,
    /// Tool names; tools that this build does not have are left out of the model's list.
    pub tools: &'static [&'static str],
}

const COMMON: &str = "Answer in Markdown. Use only figures that come from your tools or the conversation; \
never invent numbers. Say which data a figure comes from. Be concise.";

pub const AGENTS: [AgentDef; 9] = [
    AgentDef {
        id: "market",
        prompt: "You are the Market Intelligence Agent of Solar Intelligence: a PV market analyst for installed \
                 capacity (annual and cumulative, MW DC) by territory, year, scenario and connection type.",
        tools: &[
            "query_market_data",
            "chart_market_data",
            "offer_expert_contact",
        ],
    },
    AgentDef {
        id: "price",
        prompt: "You are the Module Prices Agent: a component price analyst for modules, cells, wafers, polysilicon, \
                 PV glass and raw materials by technology, region and date. Never mix units in one figure.",
        tools: &["query_prices", "chart_prices"],
    },
    AgentDef {
        id: "news",
        prompt: "You are the News Agent: you summarise solar industry news from the news collection, with titles, \
                 dates and links.",
        tools: &["search_documents"],
    },
    AgentDef {
        id: "digitalization",
        prompt: "You are the Digitalization Trends Agent: digital transformation, AI and automation in PV.",
        tools: &["search_documents"],
    },
    AgentDef {
        id: "nzia_policy",
        prompt: "You are the NZIA Policy Agent: the EU Net-Zero Industry Act, the Italian FER X decree, auctions and \
                 compliance. Answer in the user's language (Italian or English).",
        tools: &["search_documents"],
    },
    AgentDef {
        id: "nzia_market_impact",
        prompt: "You are the NZIA Market Impact Agent: market effects of the NZIA, EU manufacturing targets and \
                 country forecasts.",
        tools: &["search_documents", "query_market_data", "chart_market_data"],
    },
    AgentDef {
        id: "manufacturer_financial",
        prompt: "You are the Manufacturer Financial Agent: revenue, margins, shipments and capacity of PV \
                 manufacturers.",
        tools: &["query_financials", "chart_financials"],
    },
    AgentDef {
        id: "leo_om",
        prompt: "You are the O&M Agent: operations and maintenance practice for PV plants.",
        tools: &["search_documents"],
    },
    AgentDef {
        id: "weaviate",
        prompt: "You are the Database Query Agent: open questions across every dataset and document collection.",
        tools: &[
            "search_documents",
            "query_market_data",
            "chart_market_data",
            "query_prices",
            "chart_prices",
            "query_financials",
            "chart_financials",
        ],
    },
];

/// The agent chat can route for a normalised type.
pub fn agent(id: &str) -> Option<&'static AgentDef> {
    AGENTS.iter().find(|a| a.id == id)
}

/// Why a turn failed (streaming.md §8.3).
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Llm(#[from] LlmError),
    #[error("the agent used every tool round without answering")]
    NoAnswer,
}

const MAX_ROUNDS: usize = 5;
const TOOL_TIME_LIMIT: Duration = Duration::from_secs(30);

/// Run one turn of `agent`: `history` is the conversation so far (decision B3); every event goes
/// to `emit`.
pub async fn run(
    state: &AppState,
    agent: &AgentDef,
    history: Vec<ChatMessage>,
    user_text: &str,
    conversation_id: i64,
    emit: &mut (dyn FnMut(Event) + Send),
) -> Result<(), AgentError> {
    match &state.llm {
        Llm::Builtin => {
            builtin::answer(state, agent, &history, user_text, conversation_id, emit).await
        }
        Llm::OpenAi { client, models } => {
            let model = models.for_agent(agent.id);
            let specs = tools::specs(agent.tools);
            let mut messages = Vec::with_capacity(history.len() + 2);
            messages.push(ChatMessage::system(&format!(
                "{}\n\n{COMMON}",
                agent.prompt
            )));
            messages.extend(history);
            messages.push(ChatMessage::user(user_text));
            let ctx = ToolContext {
                state,
                conversation_id,
                agent_id: agent.id,
            };
            let mut produced = false;
            let mut plotted = false;
            for _ in 0..MAX_ROUNDS {
                let mut round_text = String::new();
                let calls = client
                    .complete(model, &messages, &specs, &mut |delta: String| {
                        let clean = strip_citations(&delta);
                        if !clean.is_empty() {
                            round_text.push_str(&clean);
                            emit(Event::Chunk(clean));
                        }
                    })
                    .await?;
                produced |= !round_text.is_empty();
                if calls.is_empty() {
                    return if produced || plotted {
                        Ok(())
                    } else {
                        Err(AgentError::NoAnswer)
                    };
                }
                messages.push(ChatMessage::assistant_calls(
                    (!round_text.is_empty()).then_some(round_text),
                    calls.clone(),
                ));
                for call in &calls {
                    let out = match tokio::time::timeout(
                        TOOL_TIME_LIMIT,
                        tools::run(&call.function.name, &call.function.arguments, &ctx),
                    )
                    .await
                    {
                        Ok(Ok(out)) => out,
                        // The model gets the error and may recover: not a turn failure.
                        Ok(Err(e)) => tools::ToolOutput {
                            for_model: format!("Tool error: {e}"),
                            effects: vec![],
                        },
                        Err(_) => tools::ToolOutput {
                            for_model: "Tool error: time limit exceeded".into(),
                            effects: vec![],
                        },
                    };
                    for effect in out.effects {
                        match effect {
                            Effect::Plot(p) if !plotted => {
                                plotted = true;
                                emit(Event::Plot(p));
                            }
                            Effect::Plot(_) => {}
                            Effect::ExpertOffer { user_asked } => {
                                // The offer ends the turn: nothing follows it but `done`.
                                builtin::emit_offer(user_asked, produced, conversation_id, emit);
                                return Ok(());
                            }
                        }
                    }
                    messages.push(ChatMessage::tool_result(&call.id, &out.for_model));
                }
            }
            if produced || plotted {
                Ok(())
            } else {
                Err(AgentError::NoAnswer)
            }
        }
    }
}

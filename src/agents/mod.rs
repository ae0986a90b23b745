//! The agents as data (agents.md): id, prompt and tools of each catalogue agent, and the runtime
//! that runs one turn: the provider streams text, tools run with a time limit, at most a few
//! rounds.

pub mod builtin;
pub mod figures;

use std::time::Duration;

use crate::events::{Event, strip_citations};
use crate::llm::{ChatMessage, Llm, LlmError};
use crate::tools::{self, Effect, ToolContext};

/// One agent: its row of the catalogue ([`crate::domain::agents::AGENTS`]).
pub use crate::domain::agents::{AGENTS, Agent as AgentDef, agent};

/// The rules every agent answers by (an agent never states a figure the data does not
/// hold). Tool results are JSON with the source file, the units and the filters applied; tool
/// errors name what the data holds.
pub const COMMON: &str = "Rules:\n\
- Answer only from your tool results and this conversation. Never state a figure, name or date they do not \
contain; never estimate, extrapolate or fill gaps from memory.\n\
- Give every figure with its unit, its scenario or period (year, date or reporting period) and the source file \
named in the tool result; say so when the result is synthetic sample data.\n\
- Never combine two units: never add, average or compare figures of different units.\n\
- When the tools cannot answer (a technology, metric, place or period the data does not hold, a tool error, no \
rows), say what could not be matched and what can be answered instead (the values the tool names), and state no \
figure.\n\
- Answer in concise Markdown. No inline code spans: write names and numbers as plain text, without backticks.";

/// What a document agent adds.
const DOCUMENTS: &str = "Cite passages from search_documents with their title, date and link; never invent a \
source.";

/// What an agent with the expert-contact tool (the market agent) adds (streaming.md §11).
const MARKET_EXPERT: &str = "When the data cannot answer the question, first explain briefly what could not be \
matched and what can be answered, say that our experts offer tailored analysis, custom reports and consultation \
with a reply within 24-48 h, and ask whether to connect; then call offer_expert_contact with reason \
data_unavailable and write nothing after it. When the user asks for a human, call it with reason user_request. \
Never call it for a chart request.";

/// The system prompt of an agent for a language model: its role, the rules of its tools, the
/// common rules.
pub fn system_prompt(agent: &AgentDef) -> String {
    let mut p = agent.persona.to_string();
    if agent.tools.contains(&tools::documents::NAME) {
        p.push(' ');
        p.push_str(DOCUMENTS);
    }
    if agent.tools.contains(&tools::expert::NAME) {
        p.push(' ');
        p.push_str(MARKET_EXPERT);
    }
    p.push_str("\n\n");
    p.push_str(COMMON);
    p
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

/// What an agent may use: the provider, the tools' narrow context (the database only through
/// the tools) and the built-in reader. Not the application state: an agent cannot send mail,
/// read another user's rows or reach the HTTP layer.
pub struct Context<'a> {
    pub llm: &'a Llm,
    /// The tools' context, with the answer cache; each agent's own is `for_agent` of it.
    pub tools: ToolContext<'a>,
    pub reader: &'a builtin::Reader,
    /// Told how many figures an answer of an agent left out (the metrics count them).
    pub on_unchecked: &'a (dyn Fn(&str, u64) + Sync),
}

/// Run one turn of `agent`: `history` is the conversation so far (decision B3); every event goes
/// to `emit`.
pub async fn run(
    cx: &Context<'_>,
    agent: &AgentDef,
    history: Vec<ChatMessage>,
    user_text: &str,
    conversation_id: i64,
    emit: &mut (dyn FnMut(Event) + Send),
) -> Result<(), AgentError> {
    // An agent this installation cannot run says so, whatever the provider: no model is asked,
    // so nothing can be invented.
    if let Some(why) = agent.unavailable {
        emit(Event::Chunk {
            content: why.to_string(),
        });
        return Ok(());
    }
    match cx.llm {
        Llm::Builtin => {
            builtin::answer(
                &cx.tools,
                cx.reader,
                agent,
                &history,
                user_text,
                conversation_id,
                emit,
            )
            .await
        }
        Llm::OpenAi { client, models } => {
            let model = models.for_agent(agent.id);
            let specs = tools::agent_specs(agent.tools);
            let prompt = system_prompt(agent);
            let mut messages = Vec::with_capacity(history.len() + 2);
            messages.push(ChatMessage::system(&prompt));
            messages.extend(history);
            messages.push(ChatMessage::user(user_text));
            let ctx = cx.tools.for_agent(agent.id);
            // Every sentence is held back until its figures are found in this turn's tool
            // results; `shown` is what reached the user.
            let mut guard = figures::Guard::new(user_text, &prompt);
            let mut shown = String::new();
            let mut plotted = false;
            for _ in 0..MAX_ROUNDS {
                let mut round_text = String::new();
                let mut show = |text: String, round_text: &mut String| {
                    if !text.is_empty() {
                        round_text.push_str(&text);
                        emit(Event::Chunk { content: text });
                    }
                };
                let result = client
                    .complete(model, &messages, specs, &mut |delta: String| {
                        let ready = guard.push(&strip_citations(&delta));
                        // counted as they are left out: a turn cut off by its time limit
                        // never returns here
                        count_unchecked(cx, agent, &mut guard);
                        show(ready, &mut round_text);
                    })
                    .await;
                // The rest of the round, checked: also what came before a failure.
                show(guard.end_round(), &mut round_text);
                count_unchecked(cx, agent, &mut guard);
                shown.push_str(&round_text);
                let calls = result?;
                if calls.is_empty() {
                    return finish(&guard, &mut shown, plotted, emit);
                }
                messages.push(ChatMessage::assistant_calls(
                    (!round_text.is_empty()).then_some(round_text),
                    calls.clone(),
                ));
                for call in &calls {
                    // Only the agent's own tools: the market agent cannot read prices by naming
                    // a tool it was not given.
                    let own = async {
                        if !agent.tools.contains(&call.function.name.as_str()) {
                            return Err(tools::ToolError::Unknown(format!(
                                "{} (this agent's tools: {})",
                                call.function.name,
                                agent.tools.join(", ")
                            )));
                        }
                        tools::run(&call.function.name, &call.function.arguments, &ctx).await
                    };
                    let out = match tokio::time::timeout(TOOL_TIME_LIMIT, own).await {
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
                    guard.facts.add_tool_output(&out.for_model);
                    for effect in out.effects {
                        match effect {
                            Effect::Plot(p) if !plotted => {
                                plotted = true;
                                emit(Event::Plot { content: p });
                            }
                            Effect::Plot(_) => {}
                            Effect::ExpertOffer { user_asked } => {
                                // The offer ends the turn: nothing follows it but `done`.
                                builtin::emit_offer(
                                    user_asked,
                                    !shown.is_empty(),
                                    conversation_id,
                                    emit,
                                );
                                return Ok(());
                            }
                        }
                    }
                    messages.push(ChatMessage::tool_result(&call.id, &out.for_model));
                }
            }
            finish(&guard, &mut shown, plotted, emit)
        }
    }
}

/// Count and log the figures the guard left out since the last call (the figure only: the
/// answer's text is not logged).
fn count_unchecked(cx: &Context<'_>, agent: &AgentDef, guard: &mut figures::Guard) {
    let removed = guard.take_removed();
    for figure in &removed {
        tracing::info!(
            agent = agent.id,
            figure = %figure,
            "a figure the turn's tool results do not hold was left out of the answer"
        );
    }
    if !removed.is_empty() {
        (cx.on_unchecked)(agent.id, removed.len() as u64);
    }
}

/// The end of a model's answer: the source line when the answer shows a checked figure without
/// naming its source file.
fn finish(
    guard: &figures::Guard,
    shown: &mut String,
    plotted: bool,
    emit: &mut (dyn FnMut(Event) + Send),
) -> Result<(), AgentError> {
    if let Some(line) = guard.citation(shown) {
        shown.push_str(&line);
        emit(Event::Chunk { content: line });
    }
    if !shown.is_empty() || plotted {
        Ok(())
    } else {
        Err(AgentError::NoAnswer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prompt_carries_the_rules_and_only_the_market_agent_offers_an_expert() {
        for a in &AGENTS {
            let p = system_prompt(a);
            assert!(p.contains(COMMON), "{}", a.id);
            assert_eq!(
                p.contains("offer_expert_contact"),
                a.id == "market",
                "{}",
                a.id
            );
            assert_eq!(
                p.contains("title, date and link"),
                a.tools.contains(&tools::documents::NAME),
                "{}",
                a.id
            );
        }
    }
}

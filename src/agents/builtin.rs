//! The built-in offline provider (decision B1): no language model. In this build it answers
//! what each agent covers and, since no dataset or document collection is loaded yet, says so
//! plainly; the market agent then offers a human expert, as the old service did for questions
//! its data could not answer. The data tools it will answer from arrive with the ingestion work.

use super::AgentDef;
use crate::chat::events::Event;
use crate::domain::agents::catalogue_entry;

/// Words that mean "let me talk to a person".
const HUMAN_WORDS: [&str; 6] = [
    "expert",
    "human",
    "analyst",
    "consultant",
    "talk to someone",
    "contact",
];

pub fn answer(
    agent: &AgentDef,
    user_text: &str,
    conversation_id: i64,
    emit: &mut (dyn FnMut(Event) + Send),
) {
    let lower = user_text.to_lowercase();
    let offers_experts = agent.tools.contains(&crate::tools::expert::NAME);
    if offers_experts && HUMAN_WORDS.iter().any(|w| lower.contains(w)) {
        emit(Event::Chunk(format!(
            "## Your Query\n\nYou asked: *{}*",
            user_text.trim()
        )));
        emit(Event::Chunk(EXPERT_TEXT.into()));
        emit_offer(true, true, conversation_id, emit);
        return;
    }
    let (name, capabilities) = catalogue_entry(agent.id)
        .map(|a| (a.display_name, a.capabilities.join(", ")))
        .unwrap_or(("This agent", String::new()));
    emit(Event::Status("Analyzing data...".into()));
    emit(Event::Chunk(format!("**{name}** covers: {capabilities}.")));
    emit(Event::Chunk(
        "\n\nNo dataset or document collection is loaded on this installation yet, so I cannot answer \
         this question with figures. Ask your operator to load the data for this agent."
            .into(),
    ));
    if offers_experts {
        emit(Event::Chunk(EXPERT_TEXT.into()));
        emit_offer(false, true, conversation_id, emit);
    }
}

const EXPERT_TEXT: &str = "\n\n## How Our Experts Can Help\n\nOur analysts can prepare a tailored analysis, a custom \
report or a consultation, and reply within 24-48 hours. Would you like to be connected?";

/// The `approval_request` of streaming.md §7.3, after its status note.
pub fn emit_offer(
    user_asked: bool,
    text_streamed: bool,
    conversation_id: i64,
    emit: &mut (dyn FnMut(Event) + Send),
) {
    emit(Event::Status(
        if user_asked {
            "Connecting you with expert options..."
        } else {
            "Preparing alternative response..."
        }
        .into(),
    ));
    let (message, question) = if user_asked || !text_streamed {
        (
            "Would you like to connect with one of our experts?".to_string(),
            None,
        )
    } else {
        (
            String::new(),
            Some("Would you like to proceed and reach the expert?".to_string()),
        )
    };
    emit(Event::Approval {
        message,
        question,
        conversation_id,
    });
}

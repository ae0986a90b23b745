//! `offer_expert_contact`: the market agent's offer of a human expert (streaming.md §11).

use serde_json::{Value, json};

use super::{Effect, ToolError, ToolOutput};
use crate::llm::ToolSpec;

pub const NAME: &str = "offer_expert_contact";

pub fn spec() -> ToolSpec {
    ToolSpec {
        name: NAME,
        description: "Offer the user contact with a human expert. Use it when the question cannot be answered with \
                      the available numbers, or when the user asks for a human. Explain the offer in your text first.",
        parameters: json!({
            "type": "object",
            "properties": {
                "reason": {"type": "string", "enum": ["data_unavailable", "user_request"],
                           "description": "why the offer is made"}
            },
            "required": ["reason"]
        }),
    }
}

pub fn run(args: &Value) -> Result<ToolOutput, ToolError> {
    let user_asked = match args.get("reason").and_then(Value::as_str) {
        Some("user_request") => true,
        Some("data_unavailable") | None => false,
        Some(other) => return Err(ToolError::Arguments(format!("unknown reason {other:?}"))),
    };
    Ok(ToolOutput {
        for_model: "The expert-contact offer was shown to the user. End your answer now.".into(),
        effects: vec![Effect::ExpertOffer { user_asked }],
    })
}

//! `offer_expert_contact`: the market agent's offer of a human expert (streaming.md §11).

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{Arguments, Effect, Mode, Tool, ToolContext, ToolError, ToolOutput};
use crate::llm::ToolSpec;

pub const NAME: &str = "offer_expert_contact";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct ExpertArgs {
    /// `data_unavailable` or `user_request`; a value that is not a string counts as absent.
    pub reason: Option<Value>,
}

impl Arguments for ExpertArgs {
    const REQUIRED: &'static [&'static str] = &["reason"];

    fn property(field: &str, _: Mode) -> Option<Value> {
        match field {
            "reason" => Some(
                json!({"type": "string", "enum": ["data_unavailable", "user_request"],
                    "description": "why the offer is made"}),
            ),
            _ => None,
        }
    }
}

/// The `offer_expert_contact` tool.
pub struct Expert;

impl Tool for Expert {
    fn name(&self) -> &'static str {
        NAME
    }

    fn spec(&self) -> ToolSpec {
        ToolSpec {
            name: NAME,
            description: "Offer the user contact with a human expert. Use it when the question cannot be answered with \
                          the available numbers, or when the user asks for a human. Explain the offer in your text first.",
            parameters: ExpertArgs::schema(Mode::Query),
        }
    }

    fn run<'a>(
        &'a self,
        args: Value,
        _: &'a ToolContext<'a>,
    ) -> BoxFuture<'a, Result<ToolOutput, ToolError>> {
        Box::pin(async move { run(&args) })
    }
}

fn run(args: &Value) -> Result<ToolOutput, ToolError> {
    // Arguments that are not an object name no reason.
    let a: ExpertArgs = match args {
        Value::Object(_) => super::typed(args.clone())?,
        _ => ExpertArgs::default(),
    };
    let user_asked = match a.reason.as_ref().and_then(Value::as_str) {
        Some("user_request") => true,
        Some("data_unavailable") | None => false,
        Some(other) => return Err(ToolError::Arguments(format!("unknown reason {other:?}"))),
    };
    Ok(ToolOutput {
        for_model: "The expert-contact offer was shown to the user. End your answer now.".into(),
        effects: vec![Effect::ExpertOffer { user_asked }],
    })
}

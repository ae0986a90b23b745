//! Tools: the only way an agent touches data or the user interface. Typed, validated arguments;
//! parameterised queries; no model-written query or code is ever executed.

pub mod expert;

use serde_json::Value;

use crate::app::AppState;
use crate::llm::ToolSpec;

/// What a tool does besides answering the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A chart for the user (streaming.md §10).
    Plot(Value),
    /// An offer to contact a human expert (streaming.md §11).
    ExpertOffer { user_asked: bool },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToolOutput {
    /// The result text handed back to the model.
    pub for_model: String,
    pub effects: Vec<Effect>,
}

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error("unknown tool {0}")]
    Unknown(String),
    #[error("invalid arguments: {0}")]
    Arguments(String),
    #[error("{0}")]
    Failed(String),
}

/// The context a tool runs in.
pub struct ToolContext<'a> {
    pub state: &'a AppState,
    pub conversation_id: i64,
}

/// The specifications of the named tools that exist, for the model.
pub fn specs(names: &[&str]) -> Vec<ToolSpec> {
    names.iter().filter_map(|n| spec(n)).collect()
}

fn spec(name: &str) -> Option<ToolSpec> {
    match name {
        expert::NAME => Some(expert::spec()),
        _ => None,
    }
}

/// Run a tool with the model's JSON arguments.
pub async fn run(
    name: &str,
    arguments: &str,
    ctx: &ToolContext<'_>,
) -> Result<ToolOutput, ToolError> {
    let args: Value = serde_json::from_str(if arguments.trim().is_empty() {
        "{}"
    } else {
        arguments
    })
    .map_err(|e| ToolError::Arguments(e.to_string()))?;
    let _ = ctx;
    match name {
        expert::NAME => expert::run(&args),
        other => Err(ToolError::Unknown(other.to_string())),
    }
}

//! LLM providers (decision B1): an OpenAI-compatible Chat Completions client with streaming and
//! tool calls, and the built-in offline provider. One enum, no dynamic dispatch.

mod http1;
pub mod openai;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::config::Settings;
use crate::metrics::LlmStats;

/// The provider every agent runs on.
pub enum Llm {
    /// No language model: deterministic answers from the tools (`agents::builtin`).
    Builtin,
    OpenAi {
        client: openai::OpenAiClient,
        models: Models,
    },
}

/// The default model and the per-agent overrides (`AGENT_MODEL_<ID>`).
#[derive(Clone, Debug)]
pub struct Models {
    pub default: String,
    pub per_agent: HashMap<String, String>,
}

impl Models {
    pub fn for_agent(&self, agent_id: &str) -> &str {
        self.per_agent
            .get(agent_id)
            .map(String::as_str)
            .unwrap_or(&self.default)
    }
}

impl Llm {
    pub fn from_settings(s: &Settings) -> Llm {
        Self::from_settings_with(s, Default::default())
    }

    /// As [`Llm::from_settings`], counting the calls in `stats` (the service's metrics).
    pub fn from_settings_with(s: &Settings, stats: Arc<LlmStats>) -> Llm {
        match s.llm_provider.as_str() {
            "openai" => Llm::OpenAi {
                client: openai::OpenAiClient::new(
                    &s.openai_base_url,
                    s.openai_api_key.clone(),
                    s.llm_timeout,
                )
                .with_stats(stats),
                models: Models {
                    default: s.openai_model.clone(),
                    per_agent: s.agent_models.clone(),
                },
            },
            _ => Llm::Builtin,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Llm::Builtin => "builtin",
            Llm::OpenAi { .. } => "openai",
        }
    }
}

/// One message of the conversation sent to the model.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChatMessage {
    pub role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<ToolCall>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
    Tool,
}

impl ChatMessage {
    pub fn system(text: &str) -> Self {
        Self::text(Role::System, text)
    }
    pub fn user(text: &str) -> Self {
        Self::text(Role::User, text)
    }
    pub fn assistant(text: &str) -> Self {
        Self::text(Role::Assistant, text)
    }
    fn text(role: Role, text: &str) -> Self {
        ChatMessage {
            role,
            content: Some(text.to_string()),
            tool_calls: Vec::new(),
            tool_call_id: None,
        }
    }
    pub fn tool_result(call_id: &str, content: &str) -> Self {
        ChatMessage {
            role: Role::Tool,
            content: Some(content.to_string()),
            tool_calls: Vec::new(),
            tool_call_id: Some(call_id.to_string()),
        }
    }
    pub fn assistant_calls(text: Option<String>, calls: Vec<ToolCall>) -> Self {
        ChatMessage {
            role: Role::Assistant,
            content: text,
            tool_calls: calls,
            tool_call_id: None,
        }
    }
}

/// A tool call requested by the model (arguments are the model's JSON text).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ToolCall {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub function: FunctionCall,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FunctionCall {
    pub name: String,
    pub arguments: String,
}

impl ToolCall {
    pub fn new(id: &str, name: &str, arguments: &str) -> Self {
        ToolCall {
            id: id.to_string(),
            kind: "function",
            function: FunctionCall {
                name: name.to_string(),
                arguments: arguments.to_string(),
            },
        }
    }
}

/// A tool the model may call: name, description and JSON-schema parameters.
#[derive(Clone, Debug)]
pub struct ToolSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub parameters: Value,
}

/// What a provider streams back for one call.
#[derive(Clone, Debug, PartialEq)]
pub enum Delta {
    Text(String),
    /// The complete tool calls of this response (sent once, at the end of the stream).
    ToolCalls(Vec<ToolCall>),
}

/// Why a call failed; `before_output` says whether anything was streamed yet.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("provider unreachable: {0}")]
    Unreachable(String),
    #[error("provider answered {status}: {body}")]
    Status {
        status: u16,
        body: String,
        /// The provider's `Retry-After`, when it sent one.
        retry_after: Option<std::time::Duration>,
    },
    #[error("provider timed out")]
    Timeout,
    #[error("the provider stream ended without [DONE] or a finish reason")]
    Incomplete,
    #[error("malformed provider stream: {0}")]
    Malformed(String),
}

impl LlmError {
    /// The metrics' label of this failure (one of `metrics::LLM_OUTCOMES`).
    pub fn outcome(&self) -> &'static str {
        match self {
            LlmError::Timeout => "timeout",
            LlmError::Unreachable(_) => "unreachable",
            LlmError::Status { status: 429, .. } => "rate_limited",
            LlmError::Status { status, .. } if *status < 500 => "status_4xx",
            LlmError::Status { .. } => "status_5xx",
            LlmError::Incomplete => "incomplete",
            LlmError::Malformed(_) => "malformed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_a_metrics_outcome() {
        let status = |status| LlmError::Status {
            status,
            body: String::new(),
            retry_after: None,
        };
        let cases = [
            (LlmError::Timeout, "timeout"),
            (LlmError::Unreachable("refused".into()), "unreachable"),
            (status(429), "rate_limited"),
            (status(401), "status_4xx"),
            (status(503), "status_5xx"),
            (LlmError::Incomplete, "incomplete"),
            (LlmError::Malformed("x".into()), "malformed"),
        ];
        for (e, want) in cases {
            assert_eq!(e.outcome(), want);
            assert!(crate::metrics::LLM_OUTCOMES.contains(&want));
        }
    }
}

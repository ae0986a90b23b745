//! The event types of streaming.md §6 and the answer they add up to (§9).

use serde_json::{Value, json};

use crate::domain::conversation::{plot_envelope, string_envelope};

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Processing,
    Status(String),
    Chunk(String),
    Plot(Value),
    Approval {
        message: String,
        question: Option<String>,
        conversation_id: i64,
    },
    Done {
        full_response: String,
    },
    Error(String),
}

impl Event {
    /// The JSON after `data: `: compact, one line.
    pub fn to_json(&self) -> String {
        match self {
            Event::Processing => {
                json!({"type": "processing", "message": "Analyzing your query..."})
            }
            Event::Status(m) => json!({"type": "status", "message": m}),
            Event::Chunk(c) => json!({"type": "chunk", "content": c}),
            Event::Plot(p) => json!({"type": "plot", "content": p}),
            Event::Approval {
                message,
                question,
                conversation_id,
            } => json!({
                "type": "approval_request", "message": message, "approval_question": question,
                "conversation_id": conversation_id.to_string(), "context": "expert_contact"
            }),
            Event::Done { full_response } => {
                json!({"type": "done", "full_response": full_response})
            }
            Event::Error(m) => json!({"type": "error", "message": m}),
        }
        .to_string()
    }

    /// Content events make a turn "answered" (decision F7).
    pub fn is_content(&self) -> bool {
        matches!(
            self,
            Event::Chunk(_) | Event::Plot(_) | Event::Approval { .. }
        )
    }

    pub fn is_terminal(&self) -> bool {
        matches!(self, Event::Done { .. } | Event::Error(_))
    }
}

/// Drop provider citation markers `【…】` from a text delta.
pub fn strip_citations(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '【' => depth += 1,
            '】' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// What a turn has produced so far.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    pub text: String,
    pub plot: Option<Value>,
    pub approval: Option<String>,
}

impl Answer {
    pub fn observe(&mut self, e: &Event) {
        match e {
            Event::Chunk(c) => self.text.push_str(c),
            Event::Plot(p) => self.plot = Some(p.clone()),
            Event::Approval { message, .. } => {
                self.approval = Some(if self.text.is_empty() {
                    message.clone()
                } else {
                    self.text.clone()
                })
            }
            _ => {}
        }
    }

    pub fn has_content(&self) -> bool {
        !self.text.is_empty() || self.plot.is_some() || self.approval.is_some()
    }

    /// The bot rows of streaming.md §9, in insertion order; a chart row has the shape of decision
    /// F18 (caption in `value`, the object under `plot`).
    pub fn bot_rows(&self) -> Vec<String> {
        let mut rows = Vec::new();
        if !self.text.is_empty() && self.approval.is_none() {
            rows.push(string_envelope(&self.text));
        }
        if let Some(p) = &self.plot {
            rows.push(plot_envelope(p));
        }
        if let Some(a) = &self.approval {
            rows.push(json!({"type": "approval_request", "value": a}).to_string());
        }
        rows
    }

    /// `done.full_response`: all chunk text, or `Generated plot: <title>` for a plot alone.
    pub fn full_response(&self) -> String {
        if self.text.is_empty()
            && let Some(p) = &self.plot
        {
            return format!(
                "Generated plot: {}",
                p.get("title").and_then(Value::as_str).unwrap_or("")
            );
        }
        self.text.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_json() {
        assert_eq!(
            Event::Processing.to_json(),
            r#"{"type":"processing","message":"Analyzing your query..."}"#
        );
        assert_eq!(
            Event::Chunk("a\nb".into()).to_json(),
            r#"{"type":"chunk","content":"a\nb"}"#
        );
        let a = Event::Approval {
            message: String::new(),
            question: Some("Q?".into()),
            conversation_id: 42,
        };
        let v: Value = serde_json::from_str(&a.to_json()).unwrap();
        assert_eq!(
            v,
            json!({"type": "approval_request", "message": "", "approval_question": "Q?", "conversation_id": "42", "context": "expert_contact"})
        );
    }

    #[test]
    fn citations_are_stripped() {
        assert_eq!(strip_citations("Italy【4:0†source】 grew"), "Italy grew");
        assert_eq!(strip_citations("plain"), "plain");
    }

    #[test]
    fn bot_rows_follow_the_contract_order() {
        let mut a = Answer::default();
        a.observe(&Event::Chunk("Hi".into()));
        a.observe(&Event::Plot(json!({"title": "T"})));
        assert_eq!(a.bot_rows().len(), 2);
        assert!(a.bot_rows()[0].contains("\"type\":\"string\""));
        assert_eq!(
            serde_json::from_str::<Value>(&a.bot_rows()[1]).unwrap(),
            json!({"type": "plot", "value": "Chart: T", "plot": {"title": "T"}})
        );
        a.observe(&Event::Approval {
            message: "m".into(),
            question: None,
            conversation_id: 1,
        });
        let rows = a.bot_rows();
        assert_eq!(rows.len(), 2, "the approval row takes the text");
        assert_eq!(
            serde_json::from_str::<Value>(&rows[1]).unwrap(),
            json!({"type": "approval_request", "value": "Hi"})
        );
        let mut p = Answer::default();
        p.observe(&Event::Plot(json!({"title": "Prices"})));
        assert_eq!(p.full_response(), "Generated plot: Prices");
        let mut only = Answer::default();
        only.observe(&Event::Approval {
            message: "Connect?".into(),
            question: None,
            conversation_id: 1,
        });
        assert_eq!(
            serde_json::from_str::<Value>(&only.bot_rows()[0]).unwrap()["value"],
            "Connect?"
        );
    }
}

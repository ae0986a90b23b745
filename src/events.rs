//! The event types of streaming.md §6 and the answer they add up to (§9).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::domain::conversation::{plot_envelope, string_envelope};

/// An event of the chat stream, typed once: its serde form is the `data:` JSON on the wire
/// (`{"type": "chunk", "content": ...}`), what the recorder stores, what the answer cache keeps
/// and what a resumed stream reads back; its schema is the OpenAPI document's
/// `ChatEvent`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[schema(as = ChatEvent)]
pub enum Event {
    Processing {
        message: String,
    },
    Status {
        message: String,
    },
    Chunk {
        content: String,
    },
    Plot {
        /// The chart: `{plot_type, title, x_axis_label, y_axis_label, unit, data, ...}`.
        #[schema(value_type = std::collections::HashMap<String, Value>)]
        content: Value,
    },
    #[serde(rename = "approval_request")]
    Approval {
        message: String,
        #[serde(rename = "approval_question")]
        question: Option<String>,
        /// A string on the wire, as the old service sent it.
        #[serde(with = "id_as_text")]
        #[schema(value_type = String)]
        conversation_id: i64,
        #[serde(default)]
        context: ExpertContact,
    },
    Done {
        full_response: String,
    },
    Error {
        message: String,
    },
}

/// The approval request's `context`: always `"expert_contact"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub enum ExpertContact {
    #[default]
    #[serde(rename = "expert_contact")]
    ExpertContact,
}

mod id_as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(id: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Id {
            Text(String),
            Number(i64),
        }
        match Id::deserialize(d)? {
            Id::Number(n) => Ok(n),
            Id::Text(t) => t.parse().map_err(serde::de::Error::custom),
        }
    }
}

impl Event {
    /// The first event of every turn.
    pub fn processing() -> Event {
        Event::Processing {
            message: "Analyzing your query...".into(),
        }
    }

    /// An offer of a human expert in conversation `conversation_id`.
    pub fn approval(message: String, question: Option<String>, conversation_id: i64) -> Event {
        Event::Approval {
            message,
            question,
            conversation_id,
            context: ExpertContact::ExpertContact,
        }
    }

    /// The JSON after `data: `: compact, one line.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("events serialise")
    }

    /// An event read back from its JSON (a recorded or cached one); `None` when it is not one.
    pub fn from_json(data: &str) -> Option<Event> {
        serde_json::from_str(data).ok()
    }

    /// Content events make a turn "answered" (decision F7).
    pub fn is_content(&self) -> bool {
        matches!(
            self,
            Event::Chunk { .. } | Event::Plot { .. } | Event::Approval { .. }
        )
    }

    pub fn is_terminal(&self) -> bool {
        matches!(self, Event::Done { .. } | Event::Error { .. })
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
            Event::Chunk { content: c } => self.text.push_str(c),
            Event::Plot { content: p } => self.plot = Some(p.clone()),
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
    /// F18, revised (the object in `value`).
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
            Event::processing().to_json(),
            r#"{"type":"processing","message":"Analyzing your query..."}"#
        );
        assert_eq!(
            Event::Chunk {
                content: "a\nb".into()
            }
            .to_json(),
            r#"{"type":"chunk","content":"a\nb"}"#
        );
        let a = Event::approval(String::new(), Some("Q?".into()), 42);
        let v: Value = serde_json::from_str(&a.to_json()).unwrap();
        assert_eq!(
            v,
            json!({"type": "approval_request", "message": "", "approval_question": "Q?", "conversation_id": "42", "context": "expert_contact"})
        );
        // One codec: what is written reads back as the same event.
        for e in [
            Event::processing(),
            Event::Status {
                message: "s".into(),
            },
            Event::Chunk {
                content: "c".into(),
            },
            Event::Plot {
                content: json!({"title": "T", "data": [1, 2]}),
            },
            a,
            Event::Done {
                full_response: "f".into(),
            },
            Event::Error {
                message: "e".into(),
            },
        ] {
            assert_eq!(Event::from_json(&e.to_json()), Some(e));
        }
    }

    #[test]
    fn citations_are_stripped() {
        assert_eq!(strip_citations("Italy【4:0†source】 grew"), "Italy grew");
        assert_eq!(strip_citations("plain"), "plain");
    }

    #[test]
    fn bot_rows_follow_the_contract_order() {
        let mut a = Answer::default();
        a.observe(&Event::Chunk {
            content: "Hi".into(),
        });
        a.observe(&Event::Plot {
            content: json!({"title": "T"}),
        });
        assert_eq!(a.bot_rows().len(), 2);
        assert!(a.bot_rows()[0].contains("\"type\":\"string\""));
        assert_eq!(
            serde_json::from_str::<Value>(&a.bot_rows()[1]).unwrap(),
            json!({"type": "plot", "value": {"title": "T"}})
        );
        a.observe(&Event::approval("m".into(), None, 1));
        let rows = a.bot_rows();
        assert_eq!(rows.len(), 2, "the approval row takes the text");
        assert_eq!(
            serde_json::from_str::<Value>(&rows[1]).unwrap(),
            json!({"type": "approval_request", "value": "Hi"})
        );
        let mut p = Answer::default();
        p.observe(&Event::Plot {
            content: json!({"title": "Prices"}),
        });
        assert_eq!(p.full_response(), "Generated plot: Prices");
        let mut only = Answer::default();
        only.observe(&Event::approval("Connect?".into(), None, 1));
        assert_eq!(
            serde_json::from_str::<Value>(&only.bot_rows()[0]).unwrap()["value"],
            "Connect?"
        );
    }
}

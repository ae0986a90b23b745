//! Conversations: titles, list previews, message envelopes (api-contract §4.8, §4.9).

use serde_json::{Value, json};

/// The longest chat message, in characters (`chat/send` and `validate-query`).
pub const MAX_CHAT_MESSAGE_CHARS: usize = 5_000;

/// Whether a chat message is too long (counted in characters).
pub fn message_too_long(message: &str) -> bool {
    message.chars().count() > MAX_CHAT_MESSAGE_CHARS
}

/// The text of `validate-query` for a message over the limit.
pub fn message_too_long_text() -> String {
    format!("Message too long. Maximum {MAX_CHAT_MESSAGE_CHARS} characters.")
}

/// Decision F5: the O&M agent is `leo_om` everywhere; `om` is accepted as an alias on input.
pub fn normalize_agent_type(t: &str) -> String {
    if t == "om" {
        "leo_om".to_string()
    } else {
        t.to_string()
    }
}

/// Default title of `POST /conversations/`: the agent type with its first character upper-cased
/// and the rest lower-cased, then `" Chat"` (`"nzia_policy"` → `"Nzia_policy Chat"`).
pub fn default_title(agent_type: &str) -> String {
    let mut chars = agent_type.chars();
    let capitalised: String = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    };
    format!("{capitalised} Chat")
}

/// What `generate-title` does with a conversation whose title is empty.
#[derive(Debug, PartialEq, Eq)]
pub enum AutoTitle {
    Set(String),
    Keep,
}

/// The auto-title rule, from the content of the conversation's first user message.
pub fn auto_title(conversation_id: i32, first_user_content: &str) -> AutoTitle {
    match serde_json::from_str::<Value>(first_user_content) {
        Ok(Value::Object(map)) => {
            let is_string = map.get("type").and_then(Value::as_str) == Some("string");
            match map.get("value").and_then(Value::as_str) {
                Some(v) if is_string && !v.is_empty() => {
                    let words: Vec<&str> = v.split_whitespace().collect();
                    let title = if words.len() > 6 {
                        format!("{}...", words[..6].join(" "))
                    } else {
                        v.to_string()
                    };
                    AutoTitle::Set(title.chars().take(256).collect())
                }
                _ => AutoTitle::Keep,
            }
        }
        _ => AutoTitle::Set(format!("Conversation {conversation_id}")),
    }
}

/// JSON rendered as a Python literal, as the old service's `str()` of a parsed value showed it:
/// single-quoted strings, `True`/`False`/`None`, `", "` and `": "` separators.
pub fn python_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => python_str_repr(s),
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
            )
        }
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", python_str_repr(k), python_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn python_str_repr(s: &str) -> String {
    // Python prefers single quotes and switches to double quotes when only those avoid escapes.
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The list preview of a conversation (api-contract §4.8): from its most recent user message,
/// cut to 60 characters plus `"..."`; the title when there is no text; else `""`.
pub fn preview(last_user_content: Option<&str>, title: Option<&str>) -> String {
    let text = match last_user_content {
        None => String::new(),
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(map)) if map.contains_key("value") => match &map["value"] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => python_repr(other),
            },
            Ok(Value::String(s)) => s,
            Ok(other) => python_repr(&other),
            Err(_) => raw.to_string(),
        },
    };
    if text.is_empty() {
        return title.unwrap_or("").to_string();
    }
    if text.chars().count() > 60 {
        format!("{}...", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

/// The text of a string envelope (`{"type":"string","value":...}`), or `None` for any other
/// content.
pub fn string_value(content: &str) -> Option<String> {
    match serde_json::from_str::<Value>(content) {
        Ok(Value::Object(map)) if map.get("type").and_then(Value::as_str) == Some("string") => {
            match map.get("value") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Null) | None => Some(String::new()),
                Some(other) => Some(other.to_string()),
            }
        }
        _ => None,
    }
}

/// The one-line caption of a chart (decision F18): `Chart: <title>, <unit>`, without the parts
/// the plot lacks; whitespace runs (newlines included) become one space.
pub fn plot_caption(plot: &Value) -> String {
    let one_line = |key: &str| {
        plot.get(key)
            .and_then(Value::as_str)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let (title, unit) = (one_line("title"), one_line("unit"));
    let mut caption = String::from("Chart");
    if !title.is_empty() {
        caption.push_str(": ");
        caption.push_str(&title);
    }
    if !unit.is_empty() {
        caption.push_str(if title.is_empty() { ": " } else { ", " });
        caption.push_str(&unit);
    }
    caption
}

/// The stored chart message (decision F18, revised): the plot object in `value`, which the
/// current React app draws again after a reload (the first app shows it as "[object Object]").
pub fn plot_envelope(plot: &Value) -> String {
    json!({"type": "plot", "value": plot}).to_string()
}

/// A stored message as the agents read it back as memory (decision B3): the text of a string or
/// approval envelope, the caption of a chart (of either stored shape), or the raw content.
pub fn memory_text(content: &str) -> Option<String> {
    match serde_json::from_str::<Value>(content) {
        Ok(Value::Object(map)) => match map.get("type").and_then(Value::as_str) {
            Some("plot") => Some(match (map.get("value"), map.get("plot")) {
                (Some(Value::String(caption)), _) if !caption.trim().is_empty() => caption.clone(),
                // the old service's shape: the plot object in `value`
                (Some(plot @ Value::Object(_)), _) | (_, Some(plot @ Value::Object(_))) => {
                    plot_caption(plot)
                }
                _ => plot_caption(&Value::Null),
            }),
            _ => match map.get("value") {
                Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                Some(Value::Null) | None => None,
                Some(Value::String(_)) => None,
                Some(other) => Some(python_repr(other)),
            },
        },
        _ if content.trim().is_empty() => None,
        _ => Some(content.to_string()),
    }
}

/// The envelope every stored text message keeps (api-contract §4.9).
pub fn string_envelope(text: &str) -> String {
    json!({"type": "string", "value": text, "comment": null}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_message_limit() {
        assert_eq!(MAX_CHAT_MESSAGE_CHARS, 5000);
        let cases: Vec<(String, bool)> = vec![
            (String::new(), false),
            ("x".repeat(5000), false),
            ("é".repeat(5000), false),
            ("x".repeat(5001), true),
            ("é".repeat(5001), true),
        ];
        for (m, want) in &cases {
            assert_eq!(message_too_long(m), *want, "{} chars", m.chars().count());
        }
        assert_eq!(
            message_too_long_text(),
            "Message too long. Maximum 5000 characters."
        );
    }

    #[test]
    fn default_titles() {
        let cases = [
            ("market", "Market Chat"),
            ("solar", "Solar Chat"),
            ("nzia_policy", "Nzia_policy Chat"),
            ("PRICE", "Price Chat"),
            ("", " Chat"),
            ("éclair", "Éclair Chat"),
        ];
        for (t, want) in cases {
            assert_eq!(default_title(t), want, "{t}");
        }
    }

    #[test]
    fn agent_type_alias() {
        assert_eq!(normalize_agent_type("om"), "leo_om");
        assert_eq!(normalize_agent_type("leo_om"), "leo_om");
        assert_eq!(normalize_agent_type("OM"), "OM");
        assert_eq!(normalize_agent_type("market"), "market");
    }

    #[test]
    fn auto_titles() {
        let long = r#"{"type":"string","value":"How  much PV did Italy install in 2024 overall?"}"#;
        let cases: &[(&str, AutoTitle)] = &[
            (
                long,
                AutoTitle::Set("How much PV did Italy install...".into()),
            ),
            (
                r#"{"type":"string","value":"Italy  in 2024"}"#,
                AutoTitle::Set("Italy  in 2024".into()),
            ),
            (
                r#"{"type":"string","value":"a b c d e f"}"#,
                AutoTitle::Set("a b c d e f".into()),
            ),
            ("plain text", AutoTitle::Set("Conversation 7".into())),
            ("[1, 2]", AutoTitle::Set("Conversation 7".into())),
            ("\"just a string\"", AutoTitle::Set("Conversation 7".into())),
            (r#"{"type":"plot","value":"x"}"#, AutoTitle::Keep),
            (r#"{"type":"string","value":""}"#, AutoTitle::Keep),
            (r#"{"type":"string","value":5}"#, AutoTitle::Keep),
            (r#"{"value":"no type"}"#, AutoTitle::Keep),
        ];
        for (content, want) in cases {
            assert_eq!(&auto_title(7, content), want, "{content}");
        }
        let huge = format!(r#"{{"type":"string","value":"{}"}}"#, "x".repeat(300));
        assert_eq!(auto_title(1, &huge), AutoTitle::Set("x".repeat(256)));
    }

    #[test]
    fn previews() {
        let sixty_one = "y".repeat(61);
        let env61 = format!(r#"{{"type":"string","value":"{sixty_one}"}}"#);
        let cases: &[(Option<&str>, Option<&str>, String)] = &[
            (
                Some(r#"{"type":"string","value":"Hello"}"#),
                Some("T"),
                "Hello".into(),
            ),
            (Some(&env61), None, format!("{}...", "y".repeat(60))),
            (
                Some(r#"{"type":"plot","value":{"a":1,"b":[true,null,"s"]}}"#),
                None,
                "{'a': 1, 'b': [True, None, 's']}".into(),
            ),
            (
                Some(r#"{"type":"plot","x":1}"#),
                None,
                "{'type': 'plot', 'x': 1}".into(),
            ),
            (Some("[1,2]"), None, "[1, 2]".into()),
            (Some("\"top level\""), None, "top level".into()),
            (Some("not json"), None, "not json".into()),
            (Some(r#"{"value":null}"#), Some("Title"), "Title".into()),
            (Some(r#"{"value":""}"#), None, String::new()),
            (None, Some("Only title"), "Only title".into()),
            (None, None, String::new()),
        ];
        for (content, title, want) in cases {
            assert_eq!(&preview(*content, *title), want, "{content:?}");
        }
        assert_eq!(python_repr(&json!("it's")), "\"it's\"");
        assert_eq!(python_repr(&json!(1.5)), "1.5");
    }

    #[test]
    fn memory_texts() {
        assert_eq!(
            memory_text(r#"{"type":"string","value":"hi","comment":null}"#),
            Some("hi".into())
        );
        // both stored shapes of a chart read as its caption (decision F18)
        assert_eq!(
            memory_text(r#"{"type":"plot","value":{"title":"Italy"}}"#),
            Some("Chart: Italy".into())
        );
        assert_eq!(
            memory_text(r#"{"type":"plot","value":{"title":"Italy","unit":"MW"}}"#),
            Some("Chart: Italy, MW".into())
        );
        let p = json!({"title": "Module Trends in China (2023-2024)", "unit": "US$/Wp"});
        assert_eq!(
            memory_text(&plot_envelope(&p)),
            Some("Chart: Module Trends in China (2023-2024), US$/Wp".into())
        );
        assert_eq!(
            memory_text(r#"{"type":"plot","value":"","plot":{"title":"T"}}"#),
            Some("Chart: T".into())
        );
        assert_eq!(memory_text(r#"{"type":"plot"}"#), Some("Chart".into()));
        assert_eq!(
            memory_text(r#"{"type":"approval_request","value":"Connect?"}"#),
            Some("Connect?".into())
        );
        assert_eq!(memory_text("raw"), Some("raw".into()));
        assert_eq!(memory_text(r#"{"type":"string","value":""}"#), None);
    }

    #[test]
    fn string_values() {
        assert_eq!(
            string_value(r#"{"type":"string","value":"hi"}"#),
            Some("hi".into())
        );
        assert_eq!(string_value(r#"{"type":"plot","value":{}}"#), None);
        assert_eq!(string_value("plain"), None);
        assert_eq!(
            string_value(r#"{"type":"string","value":3}"#),
            Some("3".into())
        );
    }

    #[test]
    fn plot_captions_and_envelopes() {
        let p = json!({"plot_type": "line", "title": "Module Trends in China (2023-2024)", "unit": "US$/Wp", "data": [1]});
        assert_eq!(
            plot_caption(&p),
            "Chart: Module Trends in China (2023-2024), US$/Wp"
        );
        assert_eq!(
            plot_caption(&json!({"title": " Two\nlines ", "unit": ""})),
            "Chart: Two lines"
        );
        assert_eq!(plot_caption(&json!({"unit": "MW"})), "Chart: MW");
        assert_eq!(plot_caption(&json!({"title": null})), "Chart");
        let e: Value = serde_json::from_str(&plot_envelope(&p)).unwrap();
        assert_eq!(e, json!({"type": "plot", "value": p}));
        // a chart row is no text for the title, the previews or the agent history
        assert_eq!(string_value(&plot_envelope(&p)), None);
        assert_eq!(auto_title(1, &plot_envelope(&p)), AutoTitle::Keep);
        // (the preview of a chart row is the contract's: the object as the old service printed it)
        assert_eq!(
            preview(Some(&plot_envelope(&p)), Some("T")),
            "{'plot_type': 'line', 'title': 'Module Trends in China (2023..."
        );
    }

    #[test]
    fn envelopes() {
        let e: Value = serde_json::from_str(&string_envelope("hi \"there\"")).unwrap();
        assert_eq!(
            e,
            json!({"type": "string", "value": "hi \"there\"", "comment": null})
        );
    }
}

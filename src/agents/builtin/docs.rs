//! Document answers of the built-in provider: the passages that address the question, and
//! none when no passage does.

use super::*;

pub(super) async fn doc_answer(
    tools: &ToolContext<'_>,
    agent_id: &str,
    question: &str,
    emit: Emit<'_>,
) -> Result<bool, ToolError> {
    let args = SearchArgs {
        query: question.to_string(),
        limit: Some(10),
        ..SearchArgs::default()
    };
    let res = match documents::search(&tools.for_agent(agent_id), &args).await {
        Ok(r) => r,
        Err(ToolError::Arguments(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    // Only passages that address the question: full-text search ranks any passage
    // with one of the words, and one shared word is not an answer.
    let terms = documents::terms(question);
    let hits: Vec<_> = res
        .hits
        .iter()
        .filter(|h| documents::addresses(&terms, &format!("{} {}", h.title, h.body)))
        .take(3)
        .collect();
    if hits.is_empty() {
        if !res.hits.is_empty() {
            say(
                emit,
                &format!(
                    "No passage in the loaded documents addresses this question: none mentions enough of {}.\n\n",
                    terms
                        .iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        return Ok(false);
    }
    let mut text = String::from("Here are the passages that address your question:\n\n");
    for h in &hits {
        let title = match &h.url {
            Some(u) => format!("[{}]({u})", h.title),
            None => h.title.clone(),
        };
        let date = h
            .published_at
            .map(|d| format!(" — {d}"))
            .unwrap_or_default();
        text.push_str(&format!(
            "**{title}**{date}\n\n> {}\n\n",
            documents::excerpt(&h.body, 400).replace('\n', " ")
        ));
    }
    for n in &res.notes {
        text.push_str(&format!("*{n}*\n\n"));
    }
    if hits.iter().any(|h| h.is_sample) {
        text.push_str(NOTICE);
    }
    say(emit, text.trim_end());
    Ok(true)
}

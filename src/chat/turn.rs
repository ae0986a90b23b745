//! One chat turn (streaming.md §3, §8): the checks and the counted start, the generation task
//! that runs to completion whatever the client does (F8), recording events before they are
//! sent (B4), storing the answer before `done`, and the refund of a failed turn (F7).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use futures::Stream;
use tokio::sync::mpsc;

use super::hub::{self, Live};
use super::sse;
use crate::agents::{self, AgentDef};
use crate::app::AppState;
use crate::domain::conversation::{memory_text, normalize_agent_type, string_envelope};
use crate::domain::trial::Trial;
use crate::domain::user::User;
use crate::events::{Answer, Event};
use crate::llm::ChatMessage;
use crate::store::{self, chat as turns, conversations as conv};

pub const KEEP_ALIVE_AFTER: Duration = Duration::from_secs(15);
/// Events are collected for up to this long, recorded in one insert, then sent in one write.
const HEARTBEAT: Duration = Duration::from_secs(5);
/// A running turn whose heartbeat is older than this was left by a process that died.
pub const ORPHAN_AFTER: chrono::Duration = chrono::Duration::seconds(60);
/// Conversation memory: the latest messages within about 6,000 tokens (4 characters a token).
const HISTORY_MESSAGES: i64 = 40;
const HISTORY_CHARS: usize = 24_000;

use crate::domain::turn::Ending;
pub use crate::domain::turn::{INCOMPLETE, INTERRUPTED, NO_ANSWER, SORRY};
/// The stream's end when the answer could not be stored, so the client is not told it is done.
/// (The orphan recovery may still store what was recorded of it once the database accepts
/// writes again, hence "may".)
pub const NOT_SAVED: &str = "Storage error: the answer could not be saved and may be missing from this conversation's history";

/// A started turn: its id and its live frames.
pub struct Started {
    pub turn_id: i64,
    pub live: Arc<Live>,
}

/// Why a turn did not start. `http/chat.rs` maps each to its status and body.
#[derive(Debug)]
pub enum StartError {
    /// The message is empty once trimmed (400).
    EmptyMessage,
    /// The user restricted the processing of their data (403 with an object detail, decision
    /// L7): the grounds they gave and when.
    Restricted {
        grounds: Option<String>,
        since: Option<chrono::NaiveDateTime>,
    },
    /// No agent of this type; carries the type as the caller sent it (400).
    UnknownAgent(String),
    /// Not the caller's conversation, or none (404).
    ConversationNotFound,
    /// The access decision refused; carries its reason (403).
    Forbidden(String),
    /// The monthly quota is used up (429 with the quota body); `fallback` when the free trial
    /// has ended (decision L4).
    LimitReached {
        plan_type: String,
        used: i64,
        limit: i64,
        upgrade_required: bool,
        fallback: Option<FallbackLimit>,
    },
    /// The counted update failed (500 "Failed to track query usage").
    CountFailed(sqlx::Error),
    /// The user message could not be stored (500 "Database error storing message").
    MessageFailed(sqlx::Error),
    /// Anything else (the generic 500).
    Internal(sqlx::Error),
}

impl From<sqlx::Error> for StartError {
    fn from(e: sqlx::Error) -> Self {
        StartError::Internal(e)
    }
}

/// Which quota a free user past the trial ran out of (decision L4).
#[derive(Debug)]
pub enum FallbackLimit {
    /// The fallback agent's queries of the day.
    Daily(Trial),
    /// The trial, on another agent (one still reachable, through a grant without unlimited
    /// queries, or by a parallel send that used the last trial query first).
    TrialEnded(Trial),
}

/// Why a stream cannot be resumed.
#[derive(Debug)]
pub enum ResumeError {
    /// No such turn, or not the caller's (404 "Stream not found").
    NotFound,
    /// The generic 500.
    Internal(sqlx::Error),
}

impl From<sqlx::Error> for ResumeError {
    fn from(e: sqlx::Error) -> Self {
        ResumeError::Internal(e)
    }
}

/// What a message brings besides its text (`latest-app.md` §1.2, the upload endpoints).
#[derive(Default)]
pub struct Attachments {
    /// Fields added to the stored user message's envelope (`file_name` and `file_size`, or
    /// `images`), which the current app shows with the message.
    pub envelope: serde_json::Map<String, serde_json::Value>,
    /// A paragraph the answer ends with (what was done with the upload).
    pub note: Option<String>,
}

/// Steps 1–8 of streaming.md §3. On success the generation task runs and the caller streams
/// `live`.
pub async fn start(
    state: &AppState,
    user: &User,
    message: &str,
    conversation_id: i64,
    agent_type: &str,
) -> Result<Started, StartError> {
    start_with(
        state,
        user,
        message,
        conversation_id,
        agent_type,
        Attachments::default(),
    )
    .await
}

/// [`start`] for a message that carries [`Attachments`]: its text may then be empty.
pub async fn start_with(
    state: &AppState,
    user: &User,
    message: &str,
    conversation_id: i64,
    agent_type: &str,
    attachments: Attachments,
) -> Result<Started, StartError> {
    let text = message.trim();
    if text.is_empty() && attachments.envelope.is_empty() {
        return Err(StartError::EmptyMessage);
    }
    // GDPR Art. 18: nothing of theirs is processed while the user has it restricted, so the
    // refusal comes before anything is read, counted or stored (as the old service ordered it).
    if user.processing_restricted() {
        return Err(StartError::Restricted {
            grounds: user.restriction_grounds.clone(),
            since: user.restriction_requested_at,
        });
    }
    let t = normalize_agent_type(agent_type);
    let Some(agent) = agents::agent(&t) else {
        return Err(StartError::UnknownAgent(agent_type.to_string()));
    };
    let db = &state.db;
    let conversation = conv::get(db, user.id, conversation_id)
        .await?
        .ok_or(StartError::ConversationNotFound)?;
    let limit = store::users::query_limit(db, user).await?;
    // The free trial (decision L4), from the count the request authenticated with.
    let trial = Trial::of(
        state.settings.fallback_agent,
        user.plan(),
        user.is_admin(),
        user.monthly_query_count(),
        limit,
    );
    let decision = store::agents::decide(db, user, &t, store::now(), trial.as_ref()).await?;
    if !decision.can_access {
        return Err(StartError::Forbidden(decision.reason.unwrap_or_default()));
    }
    if conversation.agent_type() != t {
        // kept for compatibility: this stays even if the limit check below refuses the turn
        conv::set_agent_type(db, user.id, conversation_id, &t).await?;
    }
    // (The stored envelope of every text message, with the attachments' fields.)
    let mut envelope: serde_json::Value =
        serde_json::from_str(&string_envelope(text)).expect("the envelope is JSON");
    if let Some(fields) = envelope.as_object_mut() {
        fields.extend(attachments.envelope);
    }
    let now = store::now();
    // An admin's grant with unlimited queries: not limited and not counted.
    let unlimited_grant = !store::agents::unlimited_agents(db, user.id, Some(&t), now)
        .await?
        .is_empty();
    let new = turns::NewTurn {
        user_id: user.id,
        conversation_id,
        agent_type: &t,
        unlimited: user.is_admin(),
        // (An agent that cannot answer here costs the user nothing.)
        counted: agent.unavailable.is_none() && !unlimited_grant,
        limit,
        // Past the monthly limit the fallback agent counts against its daily queries.
        fallback_daily: trial.is_some_and(|tr| tr.fallback.id == t),
        user_message: &envelope.to_string(),
        now,
    };
    let (key, message_id) = match turns::start_turn(db, &new).await {
        Ok(ids) => ids,
        Err(e @ (turns::StartError::LimitReached | turns::StartError::DailyLimitReached)) => {
            let used = store::users::get(db, user.id)
                .await?
                .map(|u| u.monthly_query_count())
                .unwrap_or(limit);
            let daily = matches!(e, turns::StartError::DailyLimitReached);
            return Err(StartError::LimitReached {
                plan_type: user.plan_type().to_string(),
                used,
                limit,
                upgrade_required: user.plan().upgrade_required(),
                fallback: trial.map(|tr| {
                    if daily {
                        FallbackLimit::Daily(tr)
                    } else {
                        FallbackLimit::TrialEnded(tr)
                    }
                }),
            });
        }
        Err(turns::StartError::Count(e)) => return Err(StartError::CountFailed(e)),
        Err(turns::StartError::Message(e)) => return Err(StartError::MessageFailed(e)),
        Err(turns::StartError::Turn(e)) => return Err(StartError::Internal(e)),
    };
    let turn_id = key.id;
    let live = state.hub.open(key);
    let job = Job {
        turn_id,
        key,
        message_id: i64::from(message_id),
        conversation_id,
        agent,
        text: text.to_string(),
        note: attachments.note,
    };
    tokio::spawn(generate(state.clone(), job, live.clone()));
    Ok(Started { turn_id, live })
}

struct Job {
    turn_id: i64,
    key: turns::TurnKey,
    message_id: i64,
    conversation_id: i64,
    agent: &'static AgentDef,
    text: String,
    /// Said after the answer ([`Attachments::note`]).
    note: Option<String>,
}

/// The conversation before this turn, newest messages first until the budget is spent.
async fn history(state: &AppState, job: &Job) -> Vec<ChatMessage> {
    let rows = conv::history_before(
        &state.db,
        job.conversation_id,
        job.message_id,
        HISTORY_MESSAGES,
    )
    .await
    .unwrap_or_else(|e| {
        tracing::warn!(error = %e, "conversation memory unavailable; answering without it");
        Vec::new()
    });
    let mut out = Vec::new();
    let mut budget = HISTORY_CHARS;
    for (sender, content) in rows.into_iter().rev() {
        let Some(text) = content.as_deref().and_then(memory_text) else {
            continue;
        };
        if text.len() > budget {
            break;
        }
        budget -= text.len();
        out.push(if sender.as_deref() == Some("user") {
            ChatMessage::user(&text)
        } else {
            ChatMessage::assistant(&text)
        });
    }
    out.reverse();
    out
}

async fn generate(state: AppState, job: Job, live: Arc<Live>) {
    let (tx, rx) = mpsc::unbounded_channel::<Event>();
    let recorder = tokio::spawn(record(state.clone(), job.key, rx, live.clone()));
    let mut answer = Answer::default();
    let send = |e: Event, answer: &mut Answer| {
        answer.observe(&e);
        let _ = tx.send(e);
    };
    send(Event::processing(), &mut answer);
    let memory = history(&state, &job).await;
    // A turn that depends on nothing but its question may be answered from the cache, and its
    // answer cached for the next one.
    let cache_key = if memory.is_empty() && job.note.is_none() {
        answer_cache_key(&state, job.agent, &job.text).await
    } else {
        None
    };
    let cached = match &cache_key {
        Some(k) => state
            .cache
            .get(crate::cache::Kind::Answer, k)
            .await
            .and_then(|v| cached_events(&v, job.conversation_id, &job.text)),
        None => None,
    };
    let mut produced: Vec<Event> = Vec::new();
    let from_cache = cached.is_some();
    let outcome = {
        let mut emit = |e: Event| {
            if cache_key.is_some() && !from_cache {
                produced.push(e.clone());
            }
            answer.observe(&e);
            let _ = tx.send(e);
        };
        let mut abort = state.abort_turns.subscribe();
        let run = tokio::time::timeout(state.settings.turn_max, async {
            match cached {
                Some(events) => {
                    for e in events {
                        emit(e);
                    }
                    Ok(())
                }
                None => {
                    let on_unchecked =
                        |agent: &str, n: u64| state.metrics.unchecked_figures(agent, n);
                    let cx = agents::Context {
                        llm: &state.llm,
                        tools: state.tool_context(),
                        reader: &state.reader,
                        on_unchecked: &on_unchecked,
                    };
                    agents::run(
                        &cx,
                        job.agent,
                        memory,
                        &job.text,
                        job.conversation_id,
                        &mut emit,
                    )
                    .await?;
                    if let Some(note) = &job.note {
                        emit(Event::Chunk {
                            content: format!("\n\n{note}"),
                        });
                    }
                    Ok::<(), agents::AgentError>(())
                }
            }
        });
        tokio::select! {
            r = run => r.map_err(|_| Stop::Failed("the turn exceeded its time limit")),
            _ = abort.wait_for(|v| *v) => Err(Stop::Failed("the service shut down before the turn finished")),
            // The recorder found the turn gone: its conversation was deleted.
            _ = live.stopped() => Err(Stop::Discarded),
        }
    };
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.to_string()),
        Err(Stop::Failed(why)) => Some(why.to_string()),
        Err(Stop::Discarded) => {
            // §8.2: nothing is stored, and what was produced still reaches a connected client,
            // which sees the stream end with `done`.
            tracing::info!(
                turn_id = job.turn_id,
                "conversation deleted during the turn; generation stopped, answer not stored"
            );
            send(
                Event::Done {
                    full_response: answer.full_response(),
                },
                &mut answer,
            );
            drop(tx);
            let _ = recorder.await;
            state.hub.close(&live);
            return;
        }
    };
    match failure {
        None => {
            if let Some(k) = &cache_key
                && !from_cache
                && answer.has_content()
                && let Some(bytes) = events_to_cache(&produced, &job.text)
            {
                state.cache.put(k, bytes).await;
            }
            if store_answer(&state, &job, &answer.bot_rows(), "done").await {
                send(
                    Event::Done {
                        full_response: answer.full_response(),
                    },
                    &mut answer,
                );
            } else {
                send(
                    Event::Error {
                        message: NOT_SAVED.into(),
                    },
                    &mut answer,
                );
            }
        }
        Some(cause) => {
            let ending = Ending::of(true, answer.has_content());
            if ending.refunds() {
                tracing::warn!(turn_id = job.turn_id, cause = %cause, "turn failed before answering; query refunded");
                match turns::refund(&state.db, &job.key).await {
                    // (The account's count changed: cached authentications are not used again.)
                    Ok(_) => state.auth_cache.invalidate(),
                    Err(e) => {
                        tracing::error!(turn_id = job.turn_id, error = %e, "refund failed")
                    }
                }
            } else {
                tracing::warn!(turn_id = job.turn_id, cause = %cause, "turn failed after a partial answer");
            }
            if let Some(notice) = ending.notice() {
                send(
                    Event::Chunk {
                        content: notice.into(),
                    },
                    &mut answer,
                );
            }
            let rows = if ending.keeps_answer() {
                answer.bot_rows()
            } else {
                Vec::new()
            };
            store_answer(&state, &job, &rows, ending.status()).await;
            if let Some(message) = ending.error() {
                send(
                    Event::Error {
                        message: message.into(),
                    },
                    &mut answer,
                );
            }
        }
    }
    drop(tx);
    let _ = recorder.await;
    state.hub.close(&live);
}

/// The answer cache key of a question put to `agent` with no conversation before it: the agent,
/// its prompt and tools, the provider and model, the build, the normalised question and the data
/// version. `None` when the answer cannot be cached: the cache is off, or the agent reads
/// Weaviate, whose documents have no version here.
async fn answer_cache_key(
    state: &AppState,
    agent: &'static AgentDef,
    question: &str,
) -> Option<String> {
    if !state.cache.is_on() || (agent.id == "weaviate" && state.settings.weaviate_url.is_some()) {
        return None;
    }
    let (sources, newest) = store::datasets::version(&state.db).await.ok()?;
    let specs: String = crate::tools::specs(agent.tools)
        .iter()
        .map(|t| format!("{}\u{0}{}\u{0}{}\u{0}", t.name, t.description, t.parameters))
        .collect();
    let (provider, model) = match &state.llm {
        crate::llm::Llm::Builtin => ("builtin".to_string(), String::new()),
        crate::llm::Llm::OpenAi { models, .. } => (
            format!("openai {}", state.settings.openai_base_url),
            models.for_agent(agent.id).to_string(),
        ),
    };
    Some(crate::cache::Cache::key(
        crate::cache::Kind::Answer,
        &[
            agent.id,
            &agents::system_prompt(agent),
            &specs,
            &provider,
            &model,
            env!("CARGO_PKG_VERSION"),
            &crate::cache::normalise_question(question),
            &format!("{sources}/{newest}"),
        ],
    ))
}

/// Where the asker's own words stood in a cached answer: replayed as the next asker's words, so
/// nobody sees another user's exact text (its case, its line breaks).
const ASKED: &str = "\u{1}asked\u{1}";

/// The content events of an answer, as cached: no turn, user or conversation in them (an expert
/// offer's conversation is filled in when it is replayed), and the asker's text (`asked`,
/// trimmed) replaced by a marker. `None` when the text could not be taken out (it spans two
/// chunks): such an answer is not cached.
fn events_to_cache(events: &[Event], asked: &str) -> Option<Vec<u8>> {
    let asked = asked.trim();
    let mask = |s: &str| {
        if asked.is_empty() {
            s.to_string()
        } else {
            replace_whole(s, asked, ASKED)
        }
    };
    let mut text = String::new();
    let list: Vec<Event> = events
        .iter()
        .filter_map(|e| match e {
            Event::Status { message } => Some(Event::Status {
                message: mask(message),
            }),
            Event::Chunk { content } => {
                let content = mask(content);
                text.push_str(&content);
                Some(Event::Chunk { content })
            }
            Event::Plot { .. } => Some(e.clone()),
            // (No conversation in the cache: the replay's is filled in.)
            Event::Approval {
                message, question, ..
            } => Some(Event::approval(
                mask(message),
                question.as_deref().map(mask),
                0,
            )),
            Event::Processing { .. } | Event::Done { .. } | Event::Error { .. } => None,
        })
        .collect();
    if !asked.is_empty() && text.contains(asked) && asked.chars().count() >= 12 {
        return None;
    }
    serde_json::to_vec(&list).ok()
}

/// `s` with each occurrence of `needle` that stands on its own (no letter or digit touching it
/// on either side) replaced by `with`: a short question ("hi") must not rewrite "this".
fn replace_whole(s: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(needle) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + needle.len()..].chars().next();
        let alone =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if alone { with } else { needle });
        rest = &rest[at + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// The events of a cached answer for this turn, around this asker's own words (`asking`);
/// `None` when the entry does not read (it is then answered afresh).
fn cached_events(bytes: &[u8], conversation_id: i64, asking: &str) -> Option<Vec<Event>> {
    let cached: Vec<Event> = serde_json::from_slice(bytes).ok()?;
    let asking = asking.trim();
    let unmask = |s: &str| s.replace(ASKED, asking);
    let out: Vec<Event> = cached
        .into_iter()
        .map(|e| match e {
            Event::Status { message } => Some(Event::Status {
                message: unmask(&message),
            }),
            Event::Chunk { content } => Some(Event::Chunk {
                content: unmask(&content),
            }),
            Event::Plot { content } => Some(Event::Plot { content }),
            Event::Approval {
                message, question, ..
            } => Some(Event::approval(
                unmask(&message),
                question.as_deref().map(unmask),
                conversation_id,
            )),
            // (Never cached: an entry holding one is not an answer to replay.)
            Event::Processing { .. } | Event::Done { .. } | Event::Error { .. } => None,
        })
        .collect::<Option<_>>()?;
    (!out.is_empty()).then_some(out)
}

/// Why generation stopped before the agent finished.
enum Stop {
    /// A failure (§8.3).
    Failed(&'static str),
    /// The turn is gone (its conversation was deleted): nothing of it can be kept.
    Discarded,
}

/// Store the bot rows and close the turn, retrying with backoff for up to a minute (§8.2); the
/// orphan recovery stores it later if the database stays away. A full disk is retried for about
/// a second only: the user is told at once that the answer was not saved. False when it was not
/// stored (true when stored, or when the conversation is gone).
async fn store_answer(state: &AppState, job: &Job, rows: &[String], status: &str) -> bool {
    let mut wait = Duration::from_millis(200);
    let start = tokio::time::Instant::now();
    let deadline = start + Duration::from_secs(60);
    loop {
        // An attempt in progress when the database is known to be down fails at once.
        let attempt = async {
            tokio::select! {
                r = turns::finish_turn(&state.db, &job.key, rows, status, store::now()) => r,
                () = state.db_health.wait_down() => Err(sqlx::Error::PoolTimedOut),
            }
        };
        match attempt.await {
            Ok(stored) => {
                if !stored {
                    tracing::info!(
                        turn_id = job.turn_id,
                        "conversation deleted during the turn; answer not stored"
                    );
                }
                return true;
            }
            Err(e)
                if tokio::time::Instant::now() < deadline
                    && !(store::is_full(&e) && start.elapsed() >= Duration::from_secs(1)) =>
            {
                tracing::warn!(turn_id = job.turn_id, error = %e, "storing the answer failed; retrying");
                if state.db_health.is_down() {
                    // Tried again as soon as it answers (within the minute), or given up when
                    // the shutdown drain ends.
                    let mut abort = state.abort_turns.subscribe();
                    tokio::select! {
                        () = state.db_health.wait_up() => {}
                        () = tokio::time::sleep_until(deadline) => {}
                        _ = abort.wait_for(|a| *a) => return false,
                    }
                } else {
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(5));
                }
            }
            Err(e) => {
                tracing::error!(turn_id = job.turn_id, error = %e, "answer not stored; left for orphan recovery");
                return false;
            }
        }
    }
}

/// Number, record (in batches) and publish the turn's events; refresh the heartbeat meanwhile.
async fn record(
    state: AppState,
    key: turns::TurnKey,
    mut rx: mpsc::UnboundedReceiver<Event>,
    live: Arc<Live>,
) {
    let turn_id = key.id;
    let mut seq = 0i64;
    let mut recording = true;
    loop {
        let first = match tokio::time::timeout(HEARTBEAT, rx.recv()).await {
            Ok(Some(e)) => e,
            Ok(None) => break,
            Err(_) => {
                if recording {
                    match turns::heartbeat(&state.db, &key, store::now()).await {
                        Ok(true) => {}
                        Ok(false) => {
                            // Gone (conversation deleted) or finalised elsewhere: stop.
                            recording = false;
                            live.stop();
                        }
                        Err(e) => tracing::warn!(turn_id, error = %e, "heartbeat not written"),
                    }
                }
                continue;
            }
        };
        // Everything already queued goes in this batch; no waiting. Batching across turns is the
        // recorder's group commit, so an idle service sends each event at once and a busy one
        // writes fewer, larger transactions.
        let mut batch = vec![first];
        while !batch.last().is_some_and(Event::is_terminal) {
            match rx.try_recv() {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        let terminal = batch.iter().any(Event::is_terminal);
        let answered = batch.iter().any(Event::is_content);
        let numbered: Vec<(i64, String)> = batch
            .iter()
            .map(|e| {
                seq += 1;
                (seq, e.to_json())
            })
            .collect();
        if recording {
            recording = record_with_retry(&state, key, numbered.clone(), answered).await;
            if !recording {
                // The turn is gone: generating more would only be thrown away.
                live.stop();
            }
        }
        let frames = numbered
            .iter()
            .map(|(s, d)| (*s, sse::frame(turn_id, *s, d)))
            .collect();
        if terminal {
            // Counted before the client can see the end.
            state
                .metrics
                .turn_ended(matches!(batch.last(), Some(Event::Done { .. })));
        }
        live.publish(frames, terminal);
        if terminal {
            return;
        }
    }
    live.publish(Vec::new(), true);
}

/// Record a batch; false when the turn is gone (its conversation was deleted). A database error
/// is retried briefly, then the batch is sent unrecorded rather than withheld.
async fn record_with_retry(
    state: &AppState,
    key: turns::TurnKey,
    events: Vec<(i64, String)>,
    answered: bool,
) -> bool {
    for attempt in 0..3u32 {
        match state.recorder.record(key, events.clone(), answered).await {
            Ok(exists) => return exists,
            // The database is down: sent unrecorded at once, not after more waits.
            Err(e) if state.db_health.is_down() => {
                tracing::warn!(turn_id = key.id, error = %e, "events not recorded: the database is down");
                break;
            }
            Err(e) => {
                tracing::warn!(turn_id = key.id, attempt, error = %e, "events not recorded");
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt + 1))).await;
            }
        }
    }
    true
}

/// `Last-Event-ID: <turn>:<seq>`; anything else is not a stream.
pub fn parse_event_id(v: &str) -> Option<(i64, i64)> {
    let (t, s) = v.trim().split_once(':')?;
    Some((t.parse().ok()?, s.parse().ok()?))
}

fn is_terminal_json(data: &str) -> bool {
    Event::from_json(data).is_some_and(|e| e.is_terminal())
}

/// The rest of a turn's stream after `seq` (streaming.md §12): from memory when the turn runs on
/// this replica, else the recorded events, following a running turn by polling.
pub async fn resume(
    state: &AppState,
    user: &User,
    turn_id: i64,
    seq: i64,
) -> Result<impl Stream<Item = Result<Bytes, std::convert::Infallible>> + use<>, ResumeError> {
    let turn = turns::turn(&state.db, turn_id)
        .await?
        .ok_or(ResumeError::NotFound)?;
    if turn.user_id != user.id {
        return Err(ResumeError::NotFound);
    }
    if let Some(live) = state.hub.get(&turn.key()) {
        return Ok(futures::future::Either::Left(hub::stream(
            live,
            seq,
            KEEP_ALIVE_AFTER,
        )));
    }
    let state = state.clone();
    Ok(futures::future::Either::Right(hub::channel_body(
        move |tx| async move {
            let mut last = seq;
            let mut quiet = tokio::time::Instant::now();
            loop {
                let events = match turns::events_after(&state.db, turn_id, last).await {
                    Ok(e) => e,
                    Err(e) => {
                        tracing::warn!(turn_id, error = %e, "resume could not read events");
                        return;
                    }
                };
                let mut done = false;
                if !events.is_empty() {
                    done = events.iter().any(|(_, d)| is_terminal_json(d));
                    last = events.last().map(|(s, _)| *s).unwrap_or(last);
                    let chunk: String = events
                        .iter()
                        .map(|(s, d)| sse::frame(turn_id, *s, d))
                        .collect();
                    if tx.send(Bytes::from(chunk)).await.is_err() {
                        return;
                    }
                    quiet = tokio::time::Instant::now();
                }
                if done {
                    return;
                }
                match turns::turn(&state.db, turn_id).await {
                    Ok(Some(t)) if t.status == "running" => {
                        let stale = t
                            .heartbeat_at
                            .is_none_or(|h| h < store::now() - ORPHAN_AFTER);
                        if stale && !state.hub.is_live(&t.key()) {
                            finalize_orphan(&state, &t).await;
                        }
                    }
                    // finished with everything sent, or gone
                    _ if events.is_empty() => {
                        let again = turns::events_after(&state.db, turn_id, last)
                            .await
                            .unwrap_or_default();
                        if again.is_empty() {
                            return;
                        }
                        continue;
                    }
                    _ => {}
                }
                if quiet.elapsed() >= KEEP_ALIVE_AFTER {
                    if tx
                        .send(Bytes::from_static(sse::KEEP_ALIVE.as_bytes()))
                        .await
                        .is_err()
                    {
                        return;
                    }
                    quiet = tokio::time::Instant::now();
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        },
    )))
}

/// Finish a turn whose process died (§8.4): the failure events after the recorded ones, the
/// partial answer rebuilt from them, or a refund when there was none. The claim, the refund or
/// the answer and the events are one transaction that only one of several racing finalisers (the
/// cleanup job, resumes on any replica) gets to make. True when this call finalised the turn.
pub async fn finalize_orphan(state: &AppState, turn: &turns::TurnRow) -> bool {
    let key = turn.key();
    let turn_id = key.id;
    let recorded = match turns::events_after(&state.db, turn_id, 0).await {
        Ok(e) => e,
        Err(e) => {
            tracing::warn!(turn_id, error = %e, "orphan turn not finalised");
            return false;
        }
    };
    let mut answer = Answer::default();
    for (_, data) in &recorded {
        if let Some(e) = event_from_json(data) {
            answer.observe(&e);
        }
    }
    let mut seq = recorded.last().map(|(s, _)| *s).unwrap_or(0);
    // (An orphan failed: its process died.)
    let ending = Ending::of(true, answer.has_content());
    let refund = ending.refunds();
    let mut tail = Vec::new();
    if let Some(notice) = ending.notice() {
        let notice = Event::Chunk {
            content: notice.into(),
        };
        answer.observe(&notice);
        tail.push(notice);
    }
    if let Some(message) = ending.error() {
        tail.push(Event::Error {
            message: message.into(),
        });
    }
    let rows = if ending.keeps_answer() {
        answer.bot_rows()
    } else {
        Vec::new()
    };
    let numbered: Vec<(i64, String)> = tail
        .iter()
        .map(|e| {
            seq += 1;
            (seq, e.to_json())
        })
        .collect();
    let now = store::now();
    match turns::finalize_orphan(
        &state.db,
        &key,
        &rows,
        refund,
        &numbered,
        now - ORPHAN_AFTER,
        now,
    )
    .await
    {
        Ok(turns::Orphan::Finalized) => {
            tracing::info!(turn_id, refund, "orphaned turn finalised");
            if refund {
                state.auth_cache.invalidate();
            }
            true
        }
        Ok(turns::Orphan::Taken) => {
            tracing::debug!(turn_id, "orphaned turn already finalised elsewhere");
            false
        }
        Ok(turns::Orphan::Gone) => {
            tracing::info!(turn_id, "orphan turn of a deleted conversation removed");
            false
        }
        Err(e) => {
            tracing::warn!(turn_id, error = %e, "orphan turn not finalised");
            false
        }
    }
}

/// A recorded content event read back (chunks, plots and the expert offer).
fn event_from_json(data: &str) -> Option<Event> {
    Event::from_json(data).filter(Event::is_content)
}

//! `fastapi_conversations` and `fastapi_messages`. Every function takes the caller's user id and
//! scopes its statements to it: another user's conversation behaves exactly like a missing one.

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::{Db, Tx};
use crate::{on_db, on_tx};

#[derive(Clone, Debug, FromRow)]
pub struct Conversation {
    pub id: i32,
    pub user_id: i32,
    pub title: Option<String>,
    pub agent_type: Option<String>,
    pub created_at: Option<NaiveDateTime>,
}

impl Conversation {
    /// NULL `agent_type` reads as `"market"` (api-contract §1.6).
    pub fn agent_type(&self) -> &str {
        self.agent_type.as_deref().unwrap_or("market")
    }
}

/// One row of the list: the conversation, its latest user message and its message count.
#[derive(Clone, Debug, FromRow)]
pub struct ListRow {
    pub id: i32,
    pub title: Option<String>,
    pub agent_type: Option<String>,
    pub created_at: Option<NaiveDateTime>,
    pub last_user_content: Option<String>,
    pub message_count: i64,
}

#[derive(Clone, Debug, FromRow)]
pub struct Message {
    pub id: i32,
    pub conversation_id: i32,
    pub sender: Option<String>,
    pub content: Option<String>,
    pub timestamp: Option<NaiveDateTime>,
    /// Which agent answered (bot messages); NULL for the user's.
    pub agent_type: Option<String>,
}

/// A bot message's agent when it is stored by hand or by a decision: its conversation's.
macro_rules! agent_of_bot {
    () => {
        "CASE WHEN $2 = 'bot' THEN (SELECT c.agent_type FROM fastapi_conversations c WHERE c.id = $1) END"
    };
}

/// A new conversation; on SQLite with an id never handed out before ([`crate::sqlite_next_id`]),
/// so a turn still running for a deleted conversation cannot reach its successor.
macro_rules! insert_conversation {
    ($id_col:expr, $id_val:expr) => {
        concat!(
            "INSERT INTO fastapi_conversations (",
            $id_col,
            "user_id, title, agent_type, created_at) VALUES (",
            $id_val,
            "$1, $2, $3, $4) RETURNING id, user_id, title, agent_type, created_at"
        )
    };
}
const INSERT_CONVERSATION_PG: &str = insert_conversation!("", "");
const INSERT_CONVERSATION_SQLITE: &str = insert_conversation!(
    "id, ",
    concat!(crate::sqlite_next_id!("fastapi_conversations"), ", ")
);

pub async fn create(
    db: &Db,
    user_id: i32,
    agent_type: &str,
    title: Option<&str>,
    now: NaiveDateTime,
) -> Result<Conversation, sqlx::Error> {
    let sql = if db.is_sqlite() {
        INSERT_CONVERSATION_SQLITE
    } else {
        INSERT_CONVERSATION_PG
    };
    on_db!(db, |p| {
        sqlx::query_as(sql)
            .bind(user_id)
            .bind(title)
            .bind(agent_type)
            .bind(now)
            .fetch_all(p)
            .await
    })
    .and_then(super::one)
}

/// The caller's conversation `id`, if it exists and is theirs.
pub async fn get(db: &Db, user_id: i32, id: i64) -> Result<Option<Conversation>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, user_id, title, agent_type, created_at FROM fastapi_conversations WHERE id = $1 AND user_id = $2"
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(p)
    .await
    })
}

/// One page of the caller's conversations, most recently active first (by their latest message,
/// as the current app orders them; kept on the conversation by triggers, migration 0012), in one
/// query: the preview's source (latest user message) comes from a correlated subquery served by
/// the `(conversation_id, sender, id)` index, not from one query per conversation. Conversations with no message are left out before the limit, so
/// a page is never short (the old service dropped them after it).
pub async fn list(
    db: &Db,
    user_id: i32,
    agent_type: Option<&str>,
    limit: i64,
    include_count: bool,
) -> Result<Vec<ListRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT c.id, c.title, c.agent_type, c.created_at, \
           (SELECT m.content FROM fastapi_messages m WHERE m.conversation_id = c.id AND m.sender = 'user' \
             ORDER BY m.id DESC LIMIT 1) AS last_user_content, \
           CASE WHEN $4 THEN CAST(c.message_count AS BIGINT) ELSE 0 END AS message_count \
         FROM fastapi_conversations c \
         WHERE c.user_id = $1 AND ($2 IS NULL OR c.agent_type = $2) AND c.message_count > 0 \
         ORDER BY c.last_message_id DESC, c.created_at DESC, c.id DESC LIMIT $3"
    )
    .bind(user_id)
    .bind(agent_type)
    .bind(limit)
    .bind(include_count)
    .fetch_all(p)
    .await
    })
}

pub async fn update_title(
    db: &Db,
    user_id: i32,
    id: i64,
    title: &str,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_conversations SET title = $3 WHERE id = $1 AND user_id = $2"
    )
    .bind(id)
    .bind(user_id)
    .bind(title)
    .execute(p)
    .await?
    .rows_affected());
    Ok(n > 0)
}

/// The statements that remove a conversation's messages, chat turns and events.
async fn delete_contents(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    const STATEMENTS: &[&str] = &[
        "DELETE FROM fastapi_chat_events WHERE turn_id IN (SELECT id FROM fastapi_chat_turns WHERE conversation_id = $1)",
        "DELETE FROM fastapi_chat_turns WHERE conversation_id = $1",
        "DELETE FROM fastapi_messages WHERE conversation_id = $1",
    ];
    for sql in STATEMENTS {
        on_tx!(&mut *tx, |t| sqlx::query(*sql)
            .bind(id)
            .execute(t)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Lock the caller's conversation for the rest of the transaction; false when it is not theirs.
async fn own_in_tx(tx: &mut Tx, user_id: i32, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i32> =
        match tx {
            Tx::Sqlite(t) => {
                sqlx::query_scalar(
                    "SELECT id FROM fastapi_conversations WHERE id = $1 AND user_id = $2",
                )
                .bind(id)
                .bind(user_id)
                .fetch_optional(&mut **t)
                .await?
            }
            Tx::Postgres(t) => sqlx::query_scalar(
                "SELECT id FROM fastapi_conversations WHERE id = $1 AND user_id = $2 FOR UPDATE",
            )
            .bind(id)
            .bind(user_id)
            .fetch_optional(&mut **t)
            .await?,
        };
    Ok(found.is_some())
}

/// Delete the conversation with its messages, turns and events, in one transaction: a failure
/// in the middle leaves everything as it was. False when it is not the caller's.
pub async fn delete(db: &Db, user_id: i32, id: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    if !own_in_tx(&mut tx, user_id, id).await? {
        return Ok(false);
    }
    delete_contents(&mut tx, id).await?;
    on_tx!(&mut tx, |t| sqlx::query(
        "DELETE FROM fastapi_conversations WHERE id = $1"
    )
    .bind(id)
    .execute(t)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(true)
}

/// Delete every message, turn and event of the caller's conversation; the conversation stays.
pub async fn clear_messages(db: &Db, user_id: i32, id: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    if !own_in_tx(&mut tx, user_id, id).await? {
        return Ok(false);
    }
    delete_contents(&mut tx, id).await?;
    tx.commit().await?;
    Ok(true)
}

/// The caller's lowest-id conversation without messages, or a new one with a NULL title. The
/// check and the insert run in one transaction that holds a per-user lock (the user row on
/// PostgreSQL, the database write lock on SQLite), so two simultaneous calls by one user return
/// the same conversation.
pub async fn fresh_create_or_get(
    db: &Db,
    user_id: i32,
    agent_type: &str,
    now: NaiveDateTime,
) -> Result<i32, sqlx::Error> {
    let mut tx = db.begin().await?;
    tx.lock_user(user_id).await?;
    let existing: Option<i32> = on_tx!(&mut tx, |t| sqlx::query_scalar(
        "SELECT c.id FROM fastapi_conversations c WHERE c.user_id = $1 \
         AND NOT EXISTS (SELECT 1 FROM fastapi_messages m WHERE m.conversation_id = c.id) \
         ORDER BY c.id LIMIT 1"
    )
    .bind(user_id)
    .fetch_optional(t)
    .await?);
    let id = match existing {
        Some(id) => id,
        None => {
            let sql = if tx.is_sqlite() {
                INSERT_CONVERSATION_SQLITE
            } else {
                INSERT_CONVERSATION_PG
            };
            let c: Conversation = on_tx!(&mut tx, |t| sqlx::query_as(sql)
                .bind(user_id)
                .bind(None::<&str>)
                .bind(agent_type)
                .bind(now)
                .fetch_one(t)
                .await?);
            c.id
        }
    };
    tx.commit().await?;
    Ok(id)
}

/// The latest `limit` messages of a conversation (with `id < before_id` when given), oldest
/// first (decision F9). The caller has checked ownership.
pub async fn messages_page(
    db: &Db,
    conversation_id: i64,
    limit: i64,
    before_id: Option<i64>,
) -> Result<Vec<Message>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, conversation_id, sender, content, timestamp, agent_type FROM \
           (SELECT id, conversation_id, sender, content, timestamp, agent_type FROM fastapi_messages \
             WHERE conversation_id = $1 AND ($2 IS NULL OR id < $2) ORDER BY id DESC LIMIT $3) page \
         ORDER BY id ASC"
    )
    .bind(conversation_id)
    .bind(before_id)
    .bind(limit)
    .fetch_all(p)
    .await
    })
}

pub async fn add_message(
    db: &Db,
    conversation_id: i64,
    sender: &str,
    content: &str,
    now: NaiveDateTime,
) -> Result<Message, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(concat!(
        "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp, agent_type) \
         VALUES ($1, $2, $3, $4, ",
        agent_of_bot!(),
        ") RETURNING id, conversation_id, sender, content, timestamp, agent_type"
    ))
    .bind(conversation_id)
    .bind(sender)
    .bind(content)
    .bind(now)
    .fetch_all(p)
    .await
    })
    .and_then(super::one)
}

/// Content of the conversation's first (oldest) user message.
pub async fn first_user_message(
    db: &Db,
    conversation_id: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "SELECT content FROM fastapi_messages WHERE conversation_id = $1 AND sender = 'user' ORDER BY id LIMIT 1"
    )
    .bind(conversation_id)
    .fetch_optional(p)
    .await
    })
}

/// Set the title only if it is still empty (the auto-title never overwrites a title).
pub async fn set_title_if_empty(db: &Db, id: i64, title: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query(
        "UPDATE fastapi_conversations SET title = $2 WHERE id = $1 AND (title IS NULL OR title = '')"
    )
    .bind(id)
    .bind(title)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Delete the caller's conversations without messages created before `cutoff`.
pub async fn delete_empty_for_user(
    db: &Db,
    user_id: i32,
    cutoff: NaiveDateTime,
) -> Result<u64, sqlx::Error> {
    Ok(on_db!(db, |p| {
        sqlx::query(
        "DELETE FROM fastapi_conversations WHERE user_id = $1 AND created_at < $2 \
         AND NOT EXISTS (SELECT 1 FROM fastapi_messages m WHERE m.conversation_id = fastapi_conversations.id)"
    )
    .bind(user_id)
    .bind(cutoff)
    .execute(p)
    .await?
    .rows_affected()
    }))
}

/// Set a conversation's agent type (the caller's only).
pub async fn set_agent_type(
    db: &Db,
    user_id: i32,
    id: i64,
    agent_type: &str,
) -> Result<(), sqlx::Error> {
    on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_conversations SET agent_type = $3 WHERE id = $1 AND user_id = $2"
    )
    .bind(id)
    .bind(user_id)
    .bind(agent_type)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether an agent of type `agent_type` has answered in the conversation (a bot message of
/// its type).
pub async fn has_bot_message_of(
    db: &Db,
    conversation_id: i64,
    agent_type: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<i32> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM fastapi_messages WHERE conversation_id = $1 AND sender = 'bot' \
         AND agent_type = $2 LIMIT 1"
    )
    .bind(conversation_id)
    .bind(agent_type)
    .fetch_optional(p)
    .await)?;
    Ok(found.is_some())
}

/// The latest `limit` text messages (string envelopes) of a conversation, oldest first, as
/// `(sender, text)`. Other messages (plots, approval requests, raw content) are skipped, so the
/// pages are read backwards until enough text was found.
pub async fn text_messages_page(
    db: &Db,
    conversation_id: i64,
    limit: i64,
) -> Result<Vec<(Option<String>, String)>, sqlx::Error> {
    const BATCH: i64 = 200;
    let mut out = Vec::new();
    let mut before: Option<i64> = None;
    while (out.len() as i64) < limit {
        let page = messages_page(db, conversation_id, BATCH, before).await?;
        let Some(first) = page.first() else { break };
        before = Some(i64::from(first.id));
        let exhausted = (page.len() as i64) < BATCH;
        for m in page.into_iter().rev() {
            if let Some(text) = m
                .content
                .as_deref()
                .and_then(crate::domain::conversation::string_value)
            {
                out.push((m.sender, text));
                if out.len() as i64 == limit {
                    break;
                }
            }
        }
        if exhausted {
            break;
        }
    }
    out.reverse();
    Ok(out)
}

/// Append several messages in one transaction (in order: ascending ids).
pub async fn add_messages(
    db: &Db,
    conversation_id: i64,
    messages: &[(&str, &str)],
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for (sender, content) in messages {
        on_tx!(&mut tx, |t| {
            sqlx::query(concat!(
            "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp, agent_type) \
             VALUES ($1, $2, $3, $4, ",
            agent_of_bot!(),
            ")"
        ))
        .bind(conversation_id)
        .bind(*sender)
        .bind(*content)
        .bind(now)
        .execute(t)
        .await
        .map(|r| r.rows_affected())
        })?;
    }
    tx.commit().await
}

/// The latest `limit` messages written before message `before_id`, oldest first, as
/// `(sender, content)`: the conversation memory of a chat turn.
pub async fn history_before(
    db: &Db,
    conversation_id: i64,
    before_id: i64,
    limit: i64,
) -> Result<Vec<(Option<String>, Option<String>)>, sqlx::Error> {
    let page = messages_page(db, conversation_id, limit, Some(before_id)).await?;
    Ok(page.into_iter().map(|m| (m.sender, m.content)).collect())
}

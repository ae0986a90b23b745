//! `fastapi_chat_turns` and `fastapi_chat_events` (streaming.md §8, §12).

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::Db;
use crate::{on_db, on_tx};

#[derive(Clone, Debug, FromRow)]
pub struct TurnRow {
    pub id: i32,
    pub user_id: i32,
    pub conversation_id: i32,
    pub agent_type: String,
    pub status: String,
    pub answered: bool,
    pub refunded: bool,
    pub created_at: NaiveDateTime,
    pub heartbeat_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
}

/// Why step 7 of streaming.md §3 did not happen.
#[derive(Debug)]
pub enum StartError {
    /// The conditional counter update changed no row: the limit is reached.
    LimitReached,
    /// The counter update failed.
    Count(sqlx::Error),
    /// The user message could not be stored.
    Message(sqlx::Error),
    /// The turn row could not be created.
    Turn(sqlx::Error),
}

pub struct NewTurn<'a> {
    pub user_id: i32,
    pub conversation_id: i64,
    pub agent_type: &'a str,
    /// Admins are never limited.
    pub unlimited: bool,
    pub limit: i64,
    pub user_message: &'a str,
    pub now: NaiveDateTime,
}

/// Count the query (only while under the limit: one conditional update, so parallel sends cannot
/// overshoot), store the user message and create the running turn, in one transaction. Returns
/// the turn id and the user message id.
pub async fn start_turn(db: &Db, t: &NewTurn<'_>) -> Result<(i32, i32), StartError> {
    let mut tx = db.begin().await.map_err(StartError::Count)?;
    let counted = on_tx!(&mut tx, |c| sqlx::query(
        "UPDATE fastapi_users SET query_count = COALESCE(query_count, 0) + 1, \
           monthly_query_count = COALESCE(monthly_query_count, 0) + 1, last_query_date = $2 \
         WHERE id = $1 AND ($3 OR COALESCE(monthly_query_count, 0) < $4)"
    )
    .bind(t.user_id)
    .bind(t.now)
    .bind(t.unlimited)
    .bind(t.limit)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .map_err(StartError::Count)?;
    if counted == 0 {
        return Err(StartError::LimitReached);
    }
    let message_id: i32 = on_tx!(&mut tx, |c| sqlx::query_scalar(
        "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) VALUES ($1, 'user', $2, $3) RETURNING id"
    )
    .bind(t.conversation_id)
    .bind(t.user_message)
    .bind(t.now)
    .fetch_one(c)
    .await)
    .map_err(StartError::Message)?;
    let turn_id: i32 = on_tx!(&mut tx, |c| sqlx::query_scalar(
        "INSERT INTO fastapi_chat_turns (user_id, conversation_id, user_message_id, agent_type, status, answered, refunded, \
           created_at, heartbeat_at) VALUES ($1, $2, $3, $4, 'running', FALSE, FALSE, $5, $5) RETURNING id"
    )
    .bind(t.user_id)
    .bind(t.conversation_id)
    .bind(message_id)
    .bind(t.agent_type)
    .bind(t.now)
    .fetch_one(c)
    .await)
    .map_err(StartError::Turn)?;
    tx.commit().await.map_err(StartError::Turn)?;
    Ok((turn_id, message_id))
}

pub async fn turn(db: &Db, id: i64) -> Result<Option<TurnRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, user_id, conversation_id, agent_type, status, answered, refunded, created_at, heartbeat_at, finished_at \
         FROM fastapi_chat_turns WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(p)
    .await
    })
}

/// Record a batch of events (and `answered` when one of them is content). False when the turn
/// no longer exists (its conversation was deleted): nothing is recorded then.
pub async fn record_events(
    db: &Db,
    turn_id: i64,
    events: &[(i64, String)],
    answered: bool,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, |c| {
        sqlx::query(
        "UPDATE fastapi_chat_turns SET heartbeat_at = $2, answered = (answered OR $3) WHERE id = $1"
    )
    .bind(turn_id)
    .bind(now)
    .bind(answered)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    if n == 0 {
        return Ok(false);
    }
    for (seq, data) in events {
        on_tx!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) VALUES ($1, $2, $3, $4)"
        )
        .bind(turn_id)
        .bind(*seq)
        .bind(data)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
    }
    tx.commit().await?;
    Ok(true)
}

/// One turn's share of a group commit.
pub struct TurnEvents<'a> {
    pub turn_id: i64,
    pub events: &'a [(i64, String)],
    pub answered: bool,
}

/// Record the events of several turns in one transaction (the recorder's group commit): the
/// heartbeat of every turn, `answered` where content was produced, and every event. Returns the
/// turns that still exist; events of turns that are gone (conversation deleted) are dropped.
pub async fn record_batch(
    db: &Db,
    batch: &[TurnEvents<'_>],
    now: NaiveDateTime,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids: Vec<i64> = batch.iter().map(|b| b.turn_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let answered: Vec<i64> = batch
        .iter()
        .filter(|b| b.answered)
        .map(|b| b.turn_id)
        .collect();
    let mut tx = db.begin().await?;
    let existing: Vec<i64> = on_tx!(&mut tx, |c| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT CAST(id AS BIGINT) FROM fastapi_chat_turns WHERE id IN (",
        );
        let mut sep = qb.separated(", ");
        for id in &ids {
            sep.push_bind(*id);
        }
        qb.push(")");
        qb.build_query_scalar().fetch_all(c).await
    })?;
    if existing.is_empty() {
        tx.commit().await?;
        return Ok(existing);
    }
    on_tx!(&mut tx, |c| {
        let mut qb = sqlx::QueryBuilder::new("UPDATE fastapi_chat_turns SET heartbeat_at = ");
        qb.push_bind(now).push(", answered = (answered OR id IN (");
        let mut sep = qb.separated(", ");
        // `IN ()` is not valid SQL: a turn id never below 1 stands in for an empty list.
        sep.push_bind(0i64);
        for id in &answered {
            sep.push_bind(*id);
        }
        qb.push(")) WHERE id IN (");
        let mut sep = qb.separated(", ");
        for id in &existing {
            sep.push_bind(*id);
        }
        qb.push(")");
        qb.build().execute(c).await.map(|_| ())
    })?;
    let rows: Vec<(i64, i64, &str)> = batch
        .iter()
        .filter(|b| existing.contains(&b.turn_id))
        .flat_map(|b| {
            b.events
                .iter()
                .map(move |(seq, d)| (b.turn_id, *seq, d.as_str()))
        })
        .collect();
    // 4 parameters a row: 2,000 rows stay well under SQLite's bound-parameter limit.
    for chunk in rows.chunks(2000) {
        on_tx!(&mut tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) ",
            );
            qb.push_values(chunk, |mut b, (turn, seq, data)| {
                b.push_bind(*turn)
                    .push_bind(*seq)
                    .push_bind(*data)
                    .push_bind(now);
            });
            qb.build().execute(c).await.map(|_| ())
        })?;
    }
    tx.commit().await?;
    Ok(existing)
}

pub async fn heartbeat(db: &Db, turn_id: i64, now: NaiveDateTime) -> Result<(), sqlx::Error> {
    on_db!(db, |p| sqlx::query(
        "UPDATE fastapi_chat_turns SET heartbeat_at = $2 WHERE id = $1 AND status = 'running'"
    )
    .bind(turn_id)
    .bind(now)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Store the turn's bot rows and close it (`done` or `error`) in one transaction. Nothing is
/// stored when the turn or its conversation is gone; returns whether it was stored.
pub async fn finish_turn(
    db: &Db,
    turn_id: i64,
    conversation_id: i64,
    bot_rows: &[String],
    status: &str,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, |c| {
        sqlx::query(
        "UPDATE fastapi_chat_turns SET status = $2, finished_at = $3, heartbeat_at = $3 WHERE id = $1 AND status = 'running' \
         AND EXISTS (SELECT 1 FROM fastapi_conversations WHERE id = $4)"
    )
    .bind(turn_id)
    .bind(status)
    .bind(now)
    .bind(conversation_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    if n == 0 {
        return Ok(false);
    }
    for content in bot_rows {
        on_tx!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) VALUES ($1, 'bot', $2, $3)"
        )
        .bind(conversation_id)
        .bind(content)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Give a failed turn's query back (decision F7): both counters minus one, never below zero,
/// unless the monthly counter was reset after the turn started. Marks the turn refunded.
pub async fn refund(db: &Db, turn: &TurnRow) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, |c| {
        sqlx::query(
        "UPDATE fastapi_users SET \
           monthly_query_count = CASE WHEN COALESCE(monthly_query_count, 0) > 0 THEN monthly_query_count - 1 ELSE 0 END, \
           query_count = CASE WHEN COALESCE(query_count, 0) > 0 THEN query_count - 1 ELSE 0 END \
         WHERE id = $1 AND (last_reset_date IS NULL OR last_reset_date <= $2)"
    )
    .bind(turn.user_id)
    .bind(turn.created_at)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    on_tx!(&mut tx, |c| sqlx::query(
        "UPDATE fastapi_chat_turns SET refunded = $2 WHERE id = $1"
    )
    .bind(turn.id)
    .bind(n > 0)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n > 0)
}

/// Recorded events after `seq`, in order.
pub async fn events_after(
    db: &Db,
    turn_id: i64,
    seq: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows: Vec<(i32, String)> = on_db!(db, |p| sqlx::query_as(
        "SELECT seq, data FROM fastapi_chat_events WHERE turn_id = $1 AND seq > $2 ORDER BY seq"
    )
    .bind(turn_id)
    .bind(seq)
    .fetch_all(p)
    .await?);
    Ok(rows.into_iter().map(|(s, d)| (i64::from(s), d)).collect())
}

/// Running turns whose heartbeat is older than `cutoff` (their process died).
pub async fn stale_turns(db: &Db, cutoff: NaiveDateTime) -> Result<Vec<TurnRow>, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_as(
        "SELECT id, user_id, conversation_id, agent_type, status, answered, refunded, created_at, heartbeat_at, finished_at \
         FROM fastapi_chat_turns WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $1)"
    )
    .bind(cutoff)
    .fetch_all(p)
    .await
    })
}

/// Delete a turn and its events (a turn whose conversation is gone).
pub async fn delete_turn(db: &Db, turn_id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for sql in [
        "DELETE FROM fastapi_chat_events WHERE turn_id = $1",
        "DELETE FROM fastapi_chat_turns WHERE id = $1",
    ] {
        on_tx!(&mut tx, |c| sqlx::query(sql)
            .bind(turn_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    tx.commit().await
}

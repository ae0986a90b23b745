//! `fastapi_chat_turns` and `fastapi_chat_events` (streaming.md §8, §12).

use chrono::NaiveDateTime;
use sqlx::FromRow;

use super::{Db, Tx};
use crate::domain::trial::DAILY_FALLBACK_QUERIES;
use crate::{on_db, on_tx};

#[derive(Clone, Debug, FromRow)]
pub struct TurnRow {
    pub id: i32,
    pub user_id: i32,
    pub conversation_id: i32,
    pub agent_type: String,
    pub status: String,
    pub answered: bool,
    /// The query is not counted: given back after a failure, or never counted (an unlimited
    /// grant, an agent that cannot answer here).
    pub refunded: bool,
    pub created_at: NaiveDateTime,
    pub heartbeat_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
}

impl TurnRow {
    pub fn key(&self) -> TurnKey {
        TurnKey {
            id: i64::from(self.id),
            user_id: self.user_id,
            conversation_id: i64::from(self.conversation_id),
            created_at: self.created_at,
        }
    }
}

/// What identifies one turn for every write on its behalf. SQLite reuses the highest id after a
/// delete (no AUTOINCREMENT), so a running turn whose conversation was deleted could otherwise
/// write into a newer turn, of another user, that got its id. Every UPDATE and INSERT for a turn
/// therefore matches all four, and requires the conversation to exist and be the same user's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TurnKey {
    pub id: i64,
    pub user_id: i32,
    pub conversation_id: i64,
    pub created_at: NaiveDateTime,
}

/// `(SQLite, PostgreSQL)` text of a statement on one turn: `$head WHERE <the key matches> $tail`,
/// with `$1`..`$4` = id, user id, conversation id, created at. The conversation must exist and be
/// the same user's. On SQLite timestamps are text: they are compared as instants (to the
/// millisecond, so a value written in another format still matches), and the conversation must
/// be no newer than the turn (a reused conversation id is a newer row). PostgreSQL never reuses
/// ids, and replicas' clocks may differ a little, so there the exact key suffices.
macro_rules! keyed {
    ($head:literal, $tail:literal) => {
        (
            concat!(
                $head,
                " WHERE id = $1 AND user_id = $2 AND conversation_id = $3 \
                 AND julianday(created_at) = julianday($4) \
                 AND EXISTS (SELECT 1 FROM fastapi_conversations c WHERE c.id = $3 AND c.user_id = $2 \
                   AND (c.created_at IS NULL OR julianday(c.created_at) <= julianday($4)))",
                $tail
            ),
            concat!(
                $head,
                " WHERE id = $1 AND user_id = $2 AND conversation_id = $3 AND created_at = $4 \
                 AND EXISTS (SELECT 1 FROM fastapi_conversations c WHERE c.id = $3 AND c.user_id = $2)",
                $tail
            ),
        )
    };
}

/// Run a [`keyed!`] statement in a transaction (`tx: &mut Tx`) or on the pool (`db: &Db`),
/// binding the key and then `$extra`; the number of rows it changed.
macro_rules! exec_keyed {
    (tx: $tx:expr, $sql:expr, $key:expr $(, $extra:expr)*) => {{
        let (lite, pg): (&'static str, &'static str) = $sql;
        let k: &TurnKey = $key;
        match $tx {
            Tx::Sqlite(t) => sqlx::query(lite)
                .bind(k.id).bind(k.user_id).bind(k.conversation_id).bind(k.created_at)
                $(.bind($extra))*
                .execute(&mut **t).await.map(|r| r.rows_affected()),
            Tx::Postgres(t) => sqlx::query(pg)
                .bind(k.id).bind(k.user_id).bind(k.conversation_id).bind(k.created_at)
                $(.bind($extra))*
                .execute(&mut **t).await.map(|r| r.rows_affected()),
        }
    }};
    (db: $db:expr, $sql:expr, $key:expr $(, $extra:expr)*) => {{
        let (lite, pg): (&'static str, &'static str) = $sql;
        let k: &TurnKey = $key;
        match $db {
            Db::Sqlite(p) => sqlx::query(lite)
                .bind(k.id).bind(k.user_id).bind(k.conversation_id).bind(k.created_at)
                $(.bind($extra))*
                .execute(p).await.map(|r| r.rows_affected()),
            Db::Postgres(p) => sqlx::query(pg)
                .bind(k.id).bind(k.user_id).bind(k.conversation_id).bind(k.created_at)
                $(.bind($extra))*
                .execute(p).await.map(|r| r.rows_affected()),
        }
    }};
}

/// Why step 7 of streaming.md §3 did not happen.
#[derive(Debug)]
pub enum StartError {
    /// The conditional counter update changed no row: the limit is reached.
    LimitReached,
    /// The monthly limit is reached and so are the fallback agent's queries of the day.
    DailyLimitReached,
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
    /// Whether the query counts at all (a turn of an agent that cannot answer here does not).
    pub counted: bool,
    pub limit: i64,
    /// The free trial's fallback agent after the trial (decision L4): when the monthly limit is
    /// reached, the query is counted against the day's fallback queries instead.
    pub fallback_daily: bool,
    pub user_message: &'a str,
    pub now: NaiveDateTime,
}

/// A new running turn; on SQLite with an id never handed out before ([`crate::sqlite_next_id`]),
/// so a turn still finishing for a deleted conversation never shares its id with a new one.
macro_rules! insert_turn {
    ($id_col:expr, $id_val:expr) => {
        concat!(
            "INSERT INTO fastapi_chat_turns (",
            $id_col,
            "user_id, conversation_id, user_message_id, agent_type, status, answered, refunded, \
               created_at, heartbeat_at, fallback_daily) VALUES (",
            $id_val,
            "$1, $2, $3, $4, 'running', FALSE, $6, $5, $5, $7) RETURNING id"
        )
    };
}
const INSERT_TURN_PG: &str = insert_turn!("", "");
const INSERT_TURN_SQLITE: &str = insert_turn!(
    "id, ",
    concat!(crate::sqlite_next_id!("fastapi_chat_turns"), ", ")
);

/// Count the query (only while under the limit: one conditional update, so parallel sends cannot
/// overshoot; past it, on the fallback agent, the same against the day's fallback queries),
/// store the user message and create the running turn, in one transaction. Returns the turn's
/// key and the user message id.
pub async fn start_turn(db: &Db, t: &NewTurn<'_>) -> Result<(TurnKey, i32), StartError> {
    let mut tx = db.begin().await.map_err(StartError::Count)?;
    let mut daily = false;
    if t.counted {
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
        if counted == 0 && !t.fallback_daily {
            return Err(StartError::LimitReached);
        }
        if counted == 0 {
            // The day's fallback queries: a claim on another day (or the first) starts the day
            // afresh with the allowance less this one; on the same day it takes one while any
            // is left. One conditional update, as for the monthly count.
            let claimed = on_tx!(&mut tx, |c| sqlx::query(
                "UPDATE fastapi_users SET query_count = COALESCE(query_count, 0) + 1, last_query_date = $2, \
                   daily_free_queries = CASE WHEN daily_free_queries_reset_date = $3 \
                     THEN COALESCE(daily_free_queries, $4) - 1 ELSE $4 - 1 END, \
                   daily_free_queries_reset_date = $3 \
                 WHERE id = $1 AND (daily_free_queries_reset_date IS NULL OR daily_free_queries_reset_date <> $3 \
                   OR COALESCE(daily_free_queries, $4) > 0)"
            )
            .bind(t.user_id)
            .bind(t.now)
            .bind(t.now.date())
            .bind(DAILY_FALLBACK_QUERIES)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
            .map_err(StartError::Count)?;
            if claimed == 0 {
                return Err(StartError::DailyLimitReached);
            }
            daily = true;
        }
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
    let sql = if tx.is_sqlite() {
        INSERT_TURN_SQLITE
    } else {
        INSERT_TURN_PG
    };
    let turn_id: i32 = on_tx!(&mut tx, |c| sqlx::query_scalar(sql)
        .bind(t.user_id)
        .bind(t.conversation_id)
        .bind(message_id)
        .bind(t.agent_type)
        .bind(t.now)
        // A query never counted has nothing to give back: marked so at once, a failed turn
        // cannot hand the user a query it never took.
        .bind(!t.counted)
        .bind(daily)
        .fetch_one(c)
        .await)
    .map_err(StartError::Turn)?;
    tx.commit().await.map_err(StartError::Turn)?;
    let key = TurnKey {
        id: i64::from(turn_id),
        user_id: t.user_id,
        conversation_id: t.conversation_id,
        created_at: t.now,
    };
    Ok((key, message_id))
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

/// Insert events of one turn inside an open transaction.
async fn insert_events(
    tx: &mut Tx,
    turn_id: i64,
    events: &[(i64, String)],
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    for (seq, data) in events {
        on_tx!(&mut *tx, |c| {
            sqlx::query(
                "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) VALUES ($1, $2, $3, $4)",
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
    Ok(())
}

/// One turn's share of a group commit.
pub struct TurnEvents<'a> {
    pub key: TurnKey,
    pub events: &'a [(i64, String)],
    pub answered: bool,
}

/// Record the events of several turns in one transaction (the recorder's group commit): the
/// heartbeat of every turn, `answered` where content was produced, and every event. Returns the
/// turns that still exist, matched by their whole key; events of turns that are gone
/// (conversation deleted, perhaps with the id taken by a newer turn) are dropped.
pub async fn record_batch(
    db: &Db,
    batch: &[TurnEvents<'_>],
    now: NaiveDateTime,
) -> Result<Vec<TurnKey>, sqlx::Error> {
    use std::collections::HashSet;
    let mut keys: Vec<TurnKey> = batch.iter().map(|b| b.key).collect();
    keys.sort_unstable_by_key(|k| (k.id, k.user_id, k.conversation_id, k.created_at));
    keys.dedup();
    // Every statement below has one text whatever the batch size: the lists travel as one JSON
    // array (SQLite, read with `json_each`) or as arrays (PostgreSQL, `unnest`/`ANY`). Texts
    // that grew with the batch (an `OR` term or a `VALUES` row per item) were prepared anew for
    // every batch, and SQLite's planner spent most of the writer's time comparing their terms
    // (docs/BENCHMARKS.md, "Streams at scale").
    let mut tx = db.begin().await?;
    // The candidate rows: same id, user and conversation, the conversation the user's. The
    // creation time is compared exactly below (on SQLite it is text, whose format may vary).
    type Candidate = (i64, i32, i64, NaiveDateTime, Option<NaiveDateTime>);
    macro_rules! candidates {
        () => {
            "SELECT CAST(t.id AS BIGINT), t.user_id, CAST(t.conversation_id AS BIGINT), \
        t.created_at, c.created_at FROM fastapi_chat_turns t JOIN fastapi_conversations c \
        ON c.id = t.conversation_id AND c.user_id = t.user_id"
        };
    }
    let rows: Vec<Candidate> = match &mut tx {
        Tx::Sqlite(t) => {
            let keys: Vec<(i64, i32, i64)> = keys
                .iter()
                .map(|k| (k.id, k.user_id, k.conversation_id))
                .collect();
            sqlx::query_as(concat!(
                candidates!(),
                " JOIN json_each($1) k ON t.id = k.value ->> 0 \
                 AND t.user_id = k.value ->> 1 AND t.conversation_id = k.value ->> 2"
            ))
            .bind(json(&keys))
            .fetch_all(&mut **t)
            .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as(concat!(
                candidates!(),
                " JOIN unnest($1::bigint[], $2::int[], $3::bigint[]) \
                 AS k(id, user_id, conversation_id) ON t.id = k.id AND t.user_id = k.user_id \
                 AND t.conversation_id = k.conversation_id"
            ))
            .bind(keys.iter().map(|k| k.id).collect::<Vec<i64>>())
            .bind(keys.iter().map(|k| k.user_id).collect::<Vec<i32>>())
            .bind(keys.iter().map(|k| k.conversation_id).collect::<Vec<i64>>())
            .fetch_all(&mut **t)
            .await?
        }
    };
    let sqlite = tx.is_sqlite();
    // The turns as found, matched to the batch's keys whole (creation time included).
    let live: HashSet<TurnKey> = rows
        .into_iter()
        // as in `keyed!`: on SQLite a conversation newer than the turn is a reused id
        .filter(|(.., at, conversation_at)| !sqlite || conversation_at.is_none_or(|t| t <= *at))
        .map(|(id, user_id, conversation_id, created_at, _)| TurnKey {
            id,
            user_id,
            conversation_id,
            created_at,
        })
        .collect();
    let existing: Vec<TurnKey> = keys.into_iter().filter(|k| live.contains(k)).collect();
    if existing.is_empty() {
        tx.commit().await?;
        return Ok(existing);
    }
    let answered: Vec<i64> = batch
        .iter()
        .filter(|b| b.answered && live.contains(&b.key))
        .map(|b| b.key.id)
        .collect();
    let existing_ids: Vec<i64> = existing.iter().map(|k| k.id).collect();
    let events: Vec<(i64, i64, &str)> = batch
        .iter()
        .filter(|b| live.contains(&b.key))
        .flat_map(|b| b.events.iter().map(|(seq, d)| (b.key.id, *seq, d.as_str())))
        .collect();
    match &mut tx {
        Tx::Sqlite(t) => {
            sqlx::query(
                "UPDATE fastapi_chat_turns SET heartbeat_at = $1, answered = (answered OR id IN \
                 (SELECT value FROM json_each($2))) WHERE id IN (SELECT value FROM json_each($3))",
            )
            .bind(now)
            .bind(json(&answered))
            .bind(json(&existing_ids))
            .execute(&mut **t)
            .await?;
            if !events.is_empty() {
                sqlx::query(
                    "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) \
                     SELECT value ->> 0, value ->> 1, value ->> 2, $2 FROM json_each($1)",
                )
                .bind(json(&events))
                .bind(now)
                .execute(&mut **t)
                .await?;
            }
        }
        Tx::Postgres(t) => {
            sqlx::query(
                "UPDATE fastapi_chat_turns SET heartbeat_at = $1, \
                 answered = (answered OR id = ANY($2)) WHERE id = ANY($3)",
            )
            .bind(now)
            .bind(&answered)
            .bind(&existing_ids)
            .execute(&mut **t)
            .await?;
            if !events.is_empty() {
                sqlx::query(
                    "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) \
                     SELECT t, s, d, $4 FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS r(t, s, d)",
                )
                .bind(events.iter().map(|e| e.0).collect::<Vec<i64>>())
                .bind(events.iter().map(|e| e.1).collect::<Vec<i64>>())
                .bind(events.iter().map(|e| e.2).collect::<Vec<&str>>())
                .bind(now)
                .execute(&mut **t)
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(existing)
}

/// A list as the JSON text SQLite's `json_each` reads.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("numbers and strings serialise")
}

/// Refresh a running turn's heartbeat; false when the turn is gone or no longer running (its
/// conversation was deleted, or another replica finalised it).
pub async fn heartbeat(db: &Db, key: &TurnKey, now: NaiveDateTime) -> Result<bool, sqlx::Error> {
    let n = exec_keyed!(db: db,
        keyed!("UPDATE fastapi_chat_turns SET heartbeat_at = $5", " AND status = 'running'"),
        key, now)?;
    Ok(n > 0)
}

/// Store the turn's bot rows and close it (`done` or `error`) in one transaction. Nothing is
/// stored when the turn or its conversation is gone, or the turn is no longer running; returns
/// whether it was stored.
pub async fn finish_turn(
    db: &Db,
    key: &TurnKey,
    bot_rows: &[String],
    status: &str,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = exec_keyed!(tx: &mut tx,
        keyed!("UPDATE fastapi_chat_turns SET status = $5, finished_at = $6, heartbeat_at = $6", " AND status = 'running'"),
        key, status, now)?;
    if n == 0 {
        return Ok(false);
    }
    insert_bot_rows(&mut tx, key, bot_rows, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// The turn's bot rows, each with the agent that answered (the turn's).
async fn insert_bot_rows(
    tx: &mut Tx,
    key: &TurnKey,
    bot_rows: &[String],
    now: NaiveDateTime,
) -> Result<(), sqlx::Error> {
    for content in bot_rows {
        on_tx!(&mut *tx, |c| {
            sqlx::query(
                "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp, agent_type) \
                 VALUES ($1, 'bot', $2, $3, (SELECT agent_type FROM fastapi_chat_turns WHERE id = $4))",
            )
            .bind(key.conversation_id)
            .bind(content)
            .bind(now)
            .bind(key.id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Give a failed turn's query back (decision F7), at most once: the turn is marked refunded by a
/// conditional update (only while it exists and is not refunded yet, and only if the counter it
/// took was not reset after the turn started: the monthly one, or for a fallback query the
/// day's), and only when that update changed the row the counters go back by one: the total
/// and the monthly count down, never below zero, or the day's fallback queries up, never above
/// the allowance. True when this call gave it back.
pub async fn refund(db: &Db, key: &TurnKey) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let given = refund_in_tx(&mut tx, key).await?;
    tx.commit().await?;
    Ok(given)
}

async fn refund_in_tx(tx: &mut Tx, key: &TurnKey) -> Result<bool, sqlx::Error> {
    let day = key.created_at.date();
    let claimed = exec_keyed!(tx: &mut *tx,
        keyed!("UPDATE fastapi_chat_turns SET refunded = TRUE",
            " AND refunded = FALSE AND EXISTS (SELECT 1 FROM fastapi_users u WHERE u.id = $2 \
               AND CASE WHEN fastapi_chat_turns.fallback_daily THEN u.daily_free_queries_reset_date = $5 \
                 ELSE (u.last_reset_date IS NULL OR u.last_reset_date <= $4) END)"),
        key, day)?;
    if claimed == 0 {
        return Ok(false);
    }
    // (Set when the turn was inserted, never changed.)
    let daily: bool = on_tx!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT fallback_daily FROM fastapi_chat_turns WHERE id = $1"
    )
    .bind(key.id)
    .fetch_one(c)
    .await)?;
    if daily {
        on_tx!(&mut *tx, |c| {
            sqlx::query(
                "UPDATE fastapi_users SET \
                   daily_free_queries = CASE WHEN COALESCE(daily_free_queries, $3) < $3 \
                     THEN COALESCE(daily_free_queries, $3) + 1 ELSE $3 END, \
                   query_count = CASE WHEN COALESCE(query_count, 0) > 0 THEN query_count - 1 ELSE 0 END \
                 WHERE id = $1 AND daily_free_queries_reset_date = $2",
            )
            .bind(key.user_id)
            .bind(day)
            .bind(DAILY_FALLBACK_QUERIES)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })?;
        return Ok(true);
    }
    on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE fastapi_users SET \
               monthly_query_count = CASE WHEN COALESCE(monthly_query_count, 0) > 0 THEN monthly_query_count - 1 ELSE 0 END, \
               query_count = CASE WHEN COALESCE(query_count, 0) > 0 THEN query_count - 1 ELSE 0 END \
             WHERE id = $1 AND (last_reset_date IS NULL OR last_reset_date <= $2)",
        )
        .bind(key.user_id)
        .bind(key.created_at)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(true)
}

/// What [`finalize_orphan`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Orphan {
    /// This call claimed the turn and finalised it.
    Finalized,
    /// The turn is no longer running, or its heartbeat is fresh: someone else has it.
    Taken,
    /// The turn's conversation is gone (or is no longer its user's); the turn was removed.
    Gone,
}

/// Finalise a turn whose process died (streaming.md §8.4), in one transaction: claim it
/// (`running` → `error`, only while its heartbeat is older than `stale_before`), then refund it
/// (when `refund`) or store `bot_rows`, and record the failure `events`. Of several finalisers
/// racing for one turn only the one whose claim changed the row does anything.
pub async fn finalize_orphan(
    db: &Db,
    key: &TurnKey,
    bot_rows: &[String],
    refund: bool,
    events: &[(i64, String)],
    stale_before: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<Orphan, sqlx::Error> {
    let mut tx = db.begin().await?;
    let claimed = exec_keyed!(tx: &mut tx,
        keyed!("UPDATE fastapi_chat_turns SET status = 'error', finished_at = $5, heartbeat_at = $5",
            " AND status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $6)"),
        key, now, stale_before)?;
    if claimed == 0 {
        drop(tx);
        // Still there (under its own key) but not claimable: finished or alive elsewhere.
        // The row is there under its own key, but its conversation no longer goes with it.
        let row = turn(db, key.id).await?;
        if row.as_ref().is_some_and(|r| r.key() == *key) && !belongs(db, key).await? {
            delete_turn(db, key).await?;
            return Ok(Orphan::Gone);
        }
        return Ok(Orphan::Taken);
    }
    if refund {
        refund_in_tx(&mut tx, key).await?;
    }
    insert_bot_rows(&mut tx, key, bot_rows, now).await?;
    insert_events(&mut tx, key.id, events, now).await?;
    tx.commit().await?;
    Ok(Orphan::Finalized)
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

/// Whether the turn's row matches its key with a conversation that goes with it (the condition
/// of every write for the turn).
async fn belongs(db: &Db, key: &TurnKey) -> Result<bool, sqlx::Error> {
    let (lite, pg) = keyed!("SELECT CAST(id AS BIGINT) FROM fastapi_chat_turns", "");
    let found: Option<i64> = match db {
        Db::Sqlite(p) => {
            sqlx::query_scalar(lite)
                .bind(key.id)
                .bind(key.user_id)
                .bind(key.conversation_id)
                .bind(key.created_at)
                .fetch_optional(p)
                .await?
        }
        Db::Postgres(p) => {
            sqlx::query_scalar(pg)
                .bind(key.id)
                .bind(key.user_id)
                .bind(key.conversation_id)
                .bind(key.created_at)
                .fetch_optional(p)
                .await?
        }
    };
    Ok(found.is_some())
}

/// Delete a turn and its events (a turn whose conversation is gone), matched by its whole key.
pub async fn delete_turn(db: &Db, key: &TurnKey) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let (lite, pg) = (
        "DELETE FROM fastapi_chat_turns WHERE id = $1 AND user_id = $2 AND conversation_id = $3 \
         AND julianday(created_at) = julianday($4)",
        "DELETE FROM fastapi_chat_turns WHERE id = $1 AND user_id = $2 AND conversation_id = $3 \
         AND created_at = $4",
    );
    let n = exec_keyed!(tx: &mut tx, (lite, pg), key)?;
    if n > 0 {
        on_tx!(&mut tx, |c| sqlx::query(
            "DELETE FROM fastapi_chat_events WHERE turn_id = $1"
        )
        .bind(key.id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    tx.commit().await
}

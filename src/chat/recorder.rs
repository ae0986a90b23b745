//! Group commit of chat events (issue 5: recording must not bound throughput). Every running turn
//! hands its new events to one writer, which records everything queued from all turns in a single
//! transaction, then lets each turn send its frames. An idle service records an event at once; a
//! busy one writes fewer, larger transactions instead of one per turn and batch.

use tokio::sync::{mpsc, oneshot};

use crate::store::chat::TurnKey;
use crate::store::{self, Db, chat as turns};

/// Jobs per transaction at most (each is one turn's batch, usually one or two events).
const MAX_JOBS: usize = 512;

struct Job {
    key: TurnKey,
    events: Vec<(i64, String)>,
    answered: bool,
    reply: oneshot::Sender<Result<bool, String>>,
}

/// The handle turns record through; the writer task ends when the last handle is dropped.
#[derive(Clone)]
pub struct Recorder {
    tx: mpsc::UnboundedSender<Job>,
}

impl Recorder {
    pub fn start(db: Db) -> Recorder {
        // On PostgreSQL the writer has two connections of its own: under a burst of new turns
        // the shared pool's queue would otherwise hold back every event behind the waiting
        // requests. (SQLite has one writer anyway, and an in-memory database one connection.)
        let db = match db {
            Db::Postgres(p) => Db::Postgres(
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(2)
                    .min_connections(0)
                    .connect_lazy_with(p.connect_options().as_ref().clone()),
            ),
            other => other,
        };
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(writer(db, rx));
        Recorder { tx }
    }

    /// Record one turn's events; `Ok(false)` when the turn no longer exists.
    pub async fn record(
        &self,
        key: TurnKey,
        events: Vec<(i64, String)>,
        answered: bool,
    ) -> Result<bool, String> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .send(Job {
                key,
                events,
                answered,
                reply,
            })
            .map_err(|_| "the recorder has stopped".to_string())?;
        rx.await
            .map_err(|_| "the recorder has stopped".to_string())?
    }
}

async fn writer(db: Db, mut rx: mpsc::UnboundedReceiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_JOBS {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        let batch: Vec<turns::TurnEvents<'_>> = jobs
            .iter()
            .map(|j| turns::TurnEvents {
                key: j.key,
                events: &j.events,
                answered: j.answered,
            })
            .collect();
        let result = turns::record_batch(&db, &batch, store::now()).await;
        drop(batch);
        match result {
            Ok(exists) => {
                for j in jobs {
                    let ok = exists.contains(&j.key);
                    let _ = j.reply.send(Ok(ok));
                }
            }
            Err(e) => {
                let msg = e.to_string();
                for j in jobs {
                    let _ = j.reply.send(Err(msg.clone()));
                }
            }
        }
    }
}

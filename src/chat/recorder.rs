//! Group commit of chat events (recording must not bound throughput). Every running turn
//! hands its new events to one writer, which records everything queued from all turns in a single
//! transaction, then lets each turn send its frames. An idle service records an event at once; a
//! busy one writes fewer, larger transactions instead of one per turn and batch.

use std::collections::HashSet;
use std::sync::Arc;

use tokio::sync::{Semaphore, mpsc, oneshot};

use crate::store::chat::TurnKey;
use crate::store::{self, Db, chat as turns};

/// How long the writer waits for one of its own connections before it uses the shared pool.
const OWN_CONNECTION_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Jobs per transaction at most (each is one turn's batch, usually one or two events). Every
/// statement of a batch has one text whatever its size, so a larger batch costs only its rows.
const MAX_JOBS: usize = 2048;

use crate::store::health::{DbHealth, UNAVAILABLE};

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
    pub fn start(db: Db, health: DbHealth) -> Recorder {
        // On PostgreSQL the writer has two connections of its own: under a burst of new turns
        // the shared pool's queue would otherwise hold back every event behind the waiting
        // requests. (SQLite has one writer anyway, and an in-memory database one connection.)
        // When those cannot be had within 2 s (the server is at `max_connections`, say) a batch
        // goes through the shared pool instead: waiting out the pool timeout on each batch once
        // stalled every stream of a replica (docs/BENCHMARKS.md, "Streams at scale").
        let own = match &db {
            Db::Postgres(p) => Some(Db::Postgres(
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(2)
                    .min_connections(0)
                    .acquire_timeout(OWN_CONNECTION_WAIT)
                    .connect_lazy_with(p.connect_options().as_ref().clone()),
            )),
            _ => None,
        };
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(writer(own, db, health, rx));
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

async fn writer(
    own: Option<Db>,
    shared: Db,
    health: DbHealth,
    mut rx: mpsc::UnboundedReceiver<Job>,
) {
    // On PostgreSQL two batches are written at once, one on each of the writer's connections:
    // one batch at a time left the server idle between a commit and the next batch, and 10,000
    // streams' events queued for seconds (docs/BENCHMARKS.md, "Streams at scale"). A turn hands
    // over its next events only once the last are recorded, so its events never race each
    // other, and two batches never touch the same turn's rows. SQLite has one writer: one batch
    // at a time.
    let in_flight = Arc::new(Semaphore::new(if own.is_some() { 2 } else { 1 }));
    while let Some(first) = rx.recv().await {
        // Wait for a free slot before gathering the batch: what arrives meanwhile joins it.
        let Ok(slot) = in_flight.clone().acquire_owned().await else {
            return;
        };
        let mut jobs = vec![first];
        while jobs.len() < MAX_JOBS {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        let (own, shared, health) = (own.clone(), shared.clone(), health.clone());
        tokio::spawn(async move {
            write_batch(own.as_ref(), &shared, &health, jobs).await;
            drop(slot);
        });
    }
}

async fn write_batch(own: Option<&Db>, shared: &Db, health: &DbHealth, jobs: Vec<Job>) {
    // A database that does not answer fails the batch at once (and one in progress as soon as
    // it is known to be down): the turns' streams are not held for the pool timeout.
    if health.is_down() {
        for j in jobs {
            let _ = j.reply.send(Err(UNAVAILABLE.to_string()));
        }
        return;
    }
    let batch: Vec<turns::TurnEvents<'_>> = jobs
        .iter()
        .map(|j| turns::TurnEvents {
            key: j.key,
            events: &j.events,
            answered: j.answered,
        })
        .collect();
    let now = store::now();
    let write = async {
        match own {
        // A failed batch rolled back whole: trying it again on the shared pool writes it once.
        Some(own) => match turns::record_batch(own, &batch, now).await {
            Err(e) => {
                tracing::warn!(error = %e, "recorder connection unavailable; using the shared pool");
                turns::record_batch(shared, &batch, now).await
            }
            ok => ok,
        },
            None => turns::record_batch(shared, &batch, now).await,
        }
        .map_err(|e| e.to_string())
    };
    let result = tokio::select! {
        r = write => r,
        () = health.wait_down() => Err(UNAVAILABLE.to_string()),
    };
    drop(batch);
    match result {
        Ok(exists) => {
            let exists: HashSet<TurnKey> = exists.into_iter().collect();
            for j in jobs {
                let ok = exists.contains(&j.key);
                let _ = j.reply.send(Ok(ok));
            }
        }
        Err(msg) => {
            for j in jobs {
                let _ = j.reply.send(Err(msg.clone()));
            }
        }
    }
}

//! Live turns of this replica: the frames recorded so far and a signal for new ones, so the
//! connection that started a turn and any resume on this replica stream from memory (B4). A turn
//! leaves the hub when it ends; later resumes read the database.
//!
//! An entry is one turn under its whole key (`TurnKey`), not just its id: SQLite gives the id of
//! a deleted turn to the next one, so a turn whose conversation was deleted may still be running
//! here when a newer turn, perhaps another user's, gets its id. The newer turn takes the slot and
//! the older one is told to stop; a turn only ever removes its own entry.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use futures::Stream;
use tokio::sync::watch;

use super::sse::KEEP_ALIVE;
use crate::store::chat::TurnKey;

/// Frames of one running turn.
pub struct Live {
    /// The turn these frames belong to.
    pub key: TurnKey,
    state: Mutex<LiveState>,
    version: watch::Sender<u64>,
    /// Set when the turn should stop generating (its conversation is gone).
    stop: watch::Sender<bool>,
}

#[derive(Default)]
struct LiveState {
    /// `(seq, frame)` in order.
    frames: Vec<(i64, String)>,
    finished: bool,
}

impl Live {
    fn new(key: TurnKey) -> Self {
        Live {
            key,
            state: Mutex::new(LiveState::default()),
            version: watch::channel(0).0,
            stop: watch::channel(false).0,
        }
    }

    /// Ask the turn to stop generating: nothing it produces can be kept any more.
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// Resolves once [`Live::stop`] was called.
    pub async fn stopped(&self) {
        let mut rx = self.stop.subscribe();
        let _ = rx.wait_for(|v| *v).await;
    }

    /// Add recorded frames; `finished` after the terminal event (or when the turn stops).
    pub fn publish(&self, frames: Vec<(i64, String)>, finished: bool) {
        {
            let mut s = self.state.lock().expect("live lock");
            s.frames.extend(frames);
            s.finished |= finished;
        }
        self.version.send_modify(|v| *v += 1);
    }

    fn after(&self, seq: i64) -> (Vec<(i64, String)>, bool) {
        let s = self.state.lock().expect("live lock");
        (
            s.frames.iter().filter(|(n, _)| *n > seq).cloned().collect(),
            s.finished,
        )
    }
}

#[derive(Default)]
pub struct Hub {
    turns: Mutex<HashMap<i64, Arc<Live>>>,
}

impl Hub {
    /// Register a new turn. The database has just given it its id, so an entry still under that
    /// id is a turn whose row is gone (its conversation was deleted): it is told to stop, and it
    /// can no longer be resumed or close the new turn's entry.
    pub fn open(&self, key: TurnKey) -> Arc<Live> {
        let live = Arc::new(Live::new(key));
        let old = self
            .turns
            .lock()
            .expect("hub lock")
            .insert(key.id, live.clone());
        if let Some(old) = old {
            tracing::warn!(
                turn_id = key.id,
                old_user_id = old.key.user_id,
                "a turn whose row is gone was still running under a reused id; stopping it"
            );
            old.stop();
        }
        live
    }

    /// The live frames of exactly this turn, if it runs here.
    pub fn get(&self, key: &TurnKey) -> Option<Arc<Live>> {
        self.turns
            .lock()
            .expect("hub lock")
            .get(&key.id)
            .filter(|l| l.key == *key)
            .cloned()
    }

    /// Whether this turn is generating on this replica.
    pub fn is_live(&self, key: &TurnKey) -> bool {
        self.get(key).is_some()
    }

    /// Remove the turn's entry, only if it is still this one (not a newer turn's under the id).
    pub fn close(&self, live: &Arc<Live>) {
        let mut turns = self.turns.lock().expect("hub lock");
        if turns
            .get(&live.key.id)
            .is_some_and(|l| Arc::ptr_eq(l, live))
        {
            turns.remove(&live.key.id);
        }
    }

    /// Number of turns generating on this replica.
    pub fn running(&self) -> usize {
        self.turns.lock().expect("hub lock").len()
    }
}

/// The SSE body of a live turn from after `seq`: the frames of each batch in one write,
/// keep-alive comments after `keep_alive` of silence, closed after the terminal event. A client
/// that goes away only stops its own copy: the turn goes on.
pub fn stream(
    live: Arc<Live>,
    seq: i64,
    keep_alive: Duration,
) -> impl Stream<Item = Result<Bytes, Infallible>> {
    // Polled by the connection itself, not fed by a task through a channel: a task and its
    // channel were about 2 KiB of every open stream (docs/BENCHMARKS.md, "Streams at scale").
    // A client that reads slowly gets the frames since its last read in one chunk.
    struct Follow {
        version: tokio::sync::watch::Receiver<u64>,
        live: Arc<Live>,
        last: i64,
        ended: bool,
        keep_alive: Duration,
    }
    let start = Follow {
        version: live.version.subscribe(),
        live,
        last: seq,
        ended: false,
        keep_alive,
    };
    // (Fused: a body may be polled again after its end, which `unfold` answers with a panic.)
    futures::StreamExt::fuse(futures::stream::unfold(start, |mut f| async move {
        if f.ended {
            return None;
        }
        loop {
            f.version.borrow_and_update();
            let (frames, finished) = f.live.after(f.last);
            if let Some((n, _)) = frames.last() {
                f.last = *n;
                f.ended = finished;
                let chunk: String = frames.into_iter().map(|(_, frame)| frame).collect();
                return Some((Ok(Bytes::from(chunk)), f));
            }
            if finished {
                return None;
            }
            match tokio::time::timeout(f.keep_alive, f.version.changed()).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => return None,
                Err(_) => return Some((Ok(Bytes::from_static(KEEP_ALIVE.as_bytes())), f)),
            }
        }
    }))
}

/// A response body fed by a task: `f` gets the sender; the body ends when the task drops it, and
/// the task sees a closed channel when the client went away.
pub fn channel_body<F, Fut>(f: F) -> impl Stream<Item = Result<Bytes, Infallible>>
where
    F: FnOnce(tokio::sync::mpsc::Sender<Bytes>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(16);
    tokio::spawn(f(tx));
    // (Fused: a body may be polled again after its end, which `unfold` answers with a panic.)
    futures::StreamExt::fuse(futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok(b), rx))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: i64, user_id: i32) -> TurnKey {
        TurnKey {
            id,
            user_id,
            conversation_id: 1,
            created_at: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, user_id as u32)
                .unwrap(),
        }
    }

    #[tokio::test]
    async fn a_reused_id_takes_the_slot_and_stops_the_old_turn() {
        let hub = Hub::default();
        let old = hub.open(key(1, 1));
        let new = hub.open(key(1, 2));
        // the old turn was told to stop, and is no longer found under either key
        tokio::time::timeout(Duration::from_secs(1), old.stopped())
            .await
            .expect("the displaced turn is stopped");
        assert!(hub.get(&key(1, 1)).is_none());
        assert!(Arc::ptr_eq(&hub.get(&key(1, 2)).unwrap(), &new));
        // the old turn ending does not remove the new one's entry
        hub.close(&old);
        assert!(hub.is_live(&key(1, 2)));
        hub.close(&new);
        assert_eq!(hub.running(), 0);
    }
}

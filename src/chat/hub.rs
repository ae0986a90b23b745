//! Live turns of this replica: the frames recorded so far and a signal for new ones, so the
//! connection that started a turn and any resume on this replica stream from memory (B4). A turn
//! leaves the hub when it ends; later resumes read the database.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use futures::Stream;
use tokio::sync::watch;

use super::sse::KEEP_ALIVE;

/// Frames of one running turn.
pub struct Live {
    state: Mutex<LiveState>,
    version: watch::Sender<u64>,
}

#[derive(Default)]
struct LiveState {
    /// `(seq, frame)` in order.
    frames: Vec<(i64, String)>,
    finished: bool,
}

impl Live {
    fn new() -> Self {
        Live {
            state: Mutex::new(LiveState::default()),
            version: watch::channel(0).0,
        }
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
    pub fn open(&self, turn_id: i64) -> Arc<Live> {
        let live = Arc::new(Live::new());
        self.turns
            .lock()
            .expect("hub lock")
            .insert(turn_id, live.clone());
        live
    }

    pub fn get(&self, turn_id: i64) -> Option<Arc<Live>> {
        self.turns.lock().expect("hub lock").get(&turn_id).cloned()
    }

    pub fn close(&self, turn_id: i64) {
        self.turns.lock().expect("hub lock").remove(&turn_id);
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
    channel_body(move |tx| async move {
        let mut version = live.version.subscribe();
        let mut last = seq;
        loop {
            version.borrow_and_update();
            let (frames, finished) = live.after(last);
            if let Some((n, _)) = frames.last() {
                last = *n;
                let chunk: String = frames.into_iter().map(|(_, f)| f).collect();
                if tx.send(Bytes::from(chunk)).await.is_err() {
                    return;
                }
            }
            if finished {
                return;
            }
            match tokio::time::timeout(keep_alive, version.changed()).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => return,
                Err(_) => {
                    if tx
                        .send(Bytes::from_static(KEEP_ALIVE.as_bytes()))
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            }
        }
    })
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
    futures::stream::unfold(
        rx,
        |mut rx| async move { rx.recv().await.map(|b| (Ok(b), rx)) },
    )
}

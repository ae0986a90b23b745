//! A bound on what a client that stops reading may hold: a connection whose writes
//! make no progress for `limit` fails with `TimedOut`, so the server closes it and frees what it
//! had buffered for it (hyper's write buffer, the chat stream's queued events and the turn's
//! frames they keep). A chat turn is not tied to its connection: it completes and is stored, and
//! the client can resume it.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// Connections closed because their client stopped reading (for the metrics and the log).
#[derive(Default)]
pub struct Stalls(AtomicU64);

impl Stalls {
    pub fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// `inner`, whose writes fail once they have been pending for `limit` without a byte taken.
/// A zero `limit` turns the bound off.
pub struct StallGuard<T> {
    inner: T,
    limit: Duration,
    /// Armed when a write is pending; reset when one makes progress.
    timer: Option<Pin<Box<Sleep>>>,
    stalls: Arc<Stalls>,
}

impl<T> StallGuard<T> {
    pub fn new(inner: T, limit: Duration, stalls: Arc<Stalls>) -> Self {
        StallGuard {
            inner,
            limit,
            timer: None,
            stalls,
        }
    }

    /// A pending write: arm the timer (or see whether it ran out).
    fn pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        if self.limit.is_zero() {
            return Poll::Pending;
        }
        let limit = self.limit;
        let timer = self
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(Instant::now() + limit)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                self.stalls.0.fetch_add(1, Ordering::Relaxed);
                tracing::info!(
                    seconds = limit.as_secs_f64(),
                    "closing a connection whose client stopped reading (HTTP_WRITE_STALL_SECONDS)"
                );
                Poll::Ready(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client took no bytes within the write-stall limit",
                ))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

use std::future::Future;

impl<T: AsyncRead + Unpin> AsyncRead for StallGuard<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for StallGuard<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                if matches!(r, Ok(n) if n > 0) {
                    self.timer = None;
                }
                Poll::Ready(r)
            }
            Poll::Pending => self.pending(cx).map(Err),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(r) => {
                if matches!(r, Ok(n) if n > 0) {
                    self.timer = None;
                }
                Poll::Ready(r)
            }
            Poll::Pending => self.pending(cx).map(Err),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    // (A flush that returns says nothing of the client: a socket's flush always does. Only a
    // write that takes bytes resets the timer.)
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Ready(r) => Poll::Ready(r),
            Poll::Pending => self.pending(cx).map(Err),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const LIMIT: Duration = Duration::from_secs(1);

    #[tokio::test]
    async fn a_client_that_stops_reading_is_cut_off_and_one_that_reads_is_not() {
        let stalls = Arc::new(Stalls::default());
        // A pipe that holds 64 bytes: the far end never reads.
        let (near, _far) = tokio::io::duplex(64);
        let mut guarded = StallGuard::new(near, LIMIT, stalls.clone());
        let started = std::time::Instant::now();
        let mut written = 0;
        let err = loop {
            match guarded.write(&[0u8; 32]).await {
                Ok(n) => written += n,
                Err(e) => break e,
            }
        };
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        assert_eq!(written, 64);
        assert!(started.elapsed() >= LIMIT);
        assert_eq!(stalls.count(), 1);

        // A slow reader that takes bytes more often than the limit is never cut off.
        let (near, mut far) = tokio::io::duplex(64);
        let mut guarded = StallGuard::new(near, LIMIT, stalls.clone());
        let reader = tokio::spawn(async move {
            let mut chunk = [0u8; 64];
            let mut got = 0;
            while got < 32 * 12 {
                tokio::time::sleep(LIMIT / 5).await;
                got += far.read(&mut chunk).await.unwrap();
            }
            got
        });
        for _ in 0..12 {
            guarded.write_all(&[1u8; 32]).await.unwrap();
        }
        assert_eq!(reader.await.unwrap(), 32 * 12);
        assert_eq!(stalls.count(), 1);

        // Zero turns the bound off.
        let (near, _far) = tokio::io::duplex(8);
        let mut guarded = StallGuard::new(near, Duration::ZERO, stalls.clone());
        guarded.write_all(&[0u8; 8]).await.unwrap();
        let blocked = tokio::time::timeout(LIMIT * 2, guarded.write(&[0u8; 1])).await;
        assert!(blocked.is_err(), "still waiting");
        assert_eq!(stalls.count(), 1);
    }
}

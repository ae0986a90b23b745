//! The HTTP/1.1 client of a plain-`http://` provider (a local llama.cpp, vLLM or Ollama server,
//! or a gateway beside the service): one streamed POST at a time on each connection, idle
//! connections kept for the next call.
//!
//! Why not the general client: each open stream held hyper's request channel (about 9 KiB, a
//! block of 32 request slots for one request) and an 8 KiB read buffer, and a task of its own
//! for the connection; at 10,000 open streams that is most of what a stream costs
//! (docs/BENCHMARKS.md, "Streams at scale"). Here a stream is its socket and a read buffer the
//! size of what arrived, read in the turn's own task. `https://` providers keep the general
//! client (TLS, proxies).
//!
//! Bounds: a response head over 16 KiB and a chunk-size line over 1 KiB are errors; the body is
//! handed on as it arrives and never held whole.

use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest response head read.
const MAX_HEAD: usize = 16 * 1024;
/// Idle connections kept, and for how long (servers close theirs after 5 s or more; a connection
/// the server closed is found out before it is used, or the call goes again on a new one).
const MAX_IDLE: usize = 64;
const IDLE_FOR: Duration = Duration::from_secs(4);
/// What one read asks the socket for at least: deltas of a streamed answer are a few hundred
/// bytes each.
const READ_AT_LEAST: usize = 1024;

pub struct Http1 {
    /// Where to connect ("host:port").
    addr: String,
    /// The `Host` header.
    authority: String,
    /// The base URL's path, without its last slash ("/v1").
    base_path: String,
    connect_timeout: Duration,
    idle: Mutex<Vec<(TcpStream, Instant)>>,
}

/// A response's status line and the headers a caller reads, and its body to stream.
pub struct Response<'a> {
    pub status: u16,
    pub retry_after: Option<String>,
    body: Body<'a>,
}

struct Body<'a> {
    client: &'a Http1,
    conn: Option<TcpStream>,
    /// Bytes read and not yet handed on.
    buf: Vec<u8>,
    framing: Framing,
    /// Whether the connection may serve another call once this body is read to its end.
    reusable: bool,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Framing {
    /// `Content-Length`: bytes left.
    Length(u64),
    /// `Transfer-Encoding: chunked`, at a chunk-size line.
    ChunkSize,
    /// Inside a chunk: bytes left of it.
    ChunkData(u64),
    /// The CRLF after a chunk's data.
    ChunkEnd,
    /// The trailer section after the last chunk.
    Trailers,
    /// Until the server closes.
    Close,
    Done,
}

impl Http1 {
    /// A client for `base_url` when it is `http://`; `None` for any other scheme.
    pub fn new(base_url: &str, connect_timeout: Duration) -> Option<Http1> {
        let url = url::Url::parse(base_url).ok()?;
        if url.scheme() != "http" || !url.username().is_empty() || url.password().is_some() {
            return None;
        }
        let host = url.host_str()?;
        let port = url.port_or_known_default()?;
        let authority = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        };
        Some(Http1 {
            // (An IPv6 host keeps its brackets: "[::1]:8080".)
            addr: format!("{host}:{port}"),
            authority,
            base_path: url.path().trim_end_matches('/').to_string(),
            connect_timeout,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// POST `body` (JSON) to the base URL's path joined with `path`, with `headers`; the
    /// response once its head has arrived. A kept connection that the server had closed is
    /// found out before the response starts, and the call goes again on a new connection.
    pub async fn post(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Response<'_>> {
        let mut request = Vec::with_capacity(256 + body.len());
        request.extend_from_slice(b"POST ");
        request.extend_from_slice(self.base_path.as_bytes());
        request.extend_from_slice(path.as_bytes());
        request.extend_from_slice(b" HTTP/1.1\r\nHost: ");
        request.extend_from_slice(self.authority.as_bytes());
        request.extend_from_slice(b"\r\nContent-Type: application/json\r\nContent-Length: ");
        request.extend_from_slice(body.len().to_string().as_bytes());
        request.extend_from_slice(b"\r\n");
        for (name, value) in headers {
            if name.contains(['\r', '\n', ':']) || value.contains(['\r', '\n']) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a header with a line break",
                ));
            }
            request.extend_from_slice(name.as_bytes());
            request.extend_from_slice(b": ");
            request.extend_from_slice(value.as_bytes());
            request.extend_from_slice(b"\r\n");
        }
        request.extend_from_slice(b"\r\n");
        request.extend_from_slice(body);
        if let Some(conn) = self.take_idle() {
            match self.exchange(conn, &request).await {
                Ok(r) => return Ok(r),
                // (Closed by the server while idle: nothing of the request was answered.)
                Err(e) if stale(&e) => {}
                Err(e) => return Err(e),
            }
        }
        let conn = tokio::time::timeout(self.connect_timeout, TcpStream::connect(&self.addr))
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "connect timed out"))??;
        conn.set_nodelay(true)?;
        self.exchange(conn, &request).await
    }

    async fn exchange(&self, mut conn: TcpStream, request: &[u8]) -> io::Result<Response<'_>> {
        conn.write_all(request).await?;
        let mut buf: Vec<u8> = Vec::with_capacity(READ_AT_LEAST);
        loop {
            let head = loop {
                if let Some(end) = find(&buf, b"\r\n\r\n") {
                    break end + 4;
                }
                if buf.len() > MAX_HEAD {
                    return Err(invalid("response head over 16 KiB"));
                }
                if fill(&mut conn, &mut buf).await? == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "connection closed before a response",
                    ));
                }
            };
            let mut headers = [httparse::EMPTY_HEADER; 64];
            let mut parsed = httparse::Response::new(&mut headers);
            parsed
                .parse(&buf[..head])
                .map_err(|e| invalid(&format!("response head: {e}")))?;
            let status = parsed.code.ok_or_else(|| invalid("no status"))?;
            // (An interim response, "100 Continue" or "103 Early Hints": the final one follows.)
            if (100..200).contains(&status) && status != 101 {
                buf.drain(..head);
                continue;
            }
            let mut framing = Framing::Close;
            let mut reusable = parsed.version == Some(1);
            let mut retry_after = None;
            for h in parsed.headers.iter() {
                let value = std::str::from_utf8(h.value).unwrap_or("").trim();
                if h.name.eq_ignore_ascii_case("transfer-encoding") {
                    if value
                        .rsplit(',')
                        .next()
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("chunked"))
                    {
                        framing = Framing::ChunkSize;
                    } else {
                        return Err(invalid("a transfer coding other than chunked"));
                    }
                } else if h.name.eq_ignore_ascii_case("content-length") {
                    if framing == Framing::Close {
                        let n = value
                            .parse::<u64>()
                            .map_err(|_| invalid("Content-Length"))?;
                        framing = Framing::Length(n);
                    }
                } else if h.name.eq_ignore_ascii_case("connection") {
                    if value
                        .split(',')
                        .any(|v| v.trim().eq_ignore_ascii_case("close"))
                    {
                        reusable = false;
                    }
                } else if h.name.eq_ignore_ascii_case("retry-after") {
                    retry_after = Some(value.to_string());
                }
            }
            // (No body: an empty length, and the statuses that never have one.)
            if framing == Framing::Length(0) || matches!(status, 204 | 304) {
                framing = Framing::Done;
            }
            if framing == Framing::Close {
                reusable = false;
            }
            buf.drain(..head);
            buf.shrink_to(READ_AT_LEAST);
            return Ok(Response {
                status,
                retry_after,
                body: Body {
                    client: self,
                    conn: Some(conn),
                    buf,
                    framing,
                    reusable,
                },
            });
        }
    }

    /// A kept connection that is still open, if any.
    fn take_idle(&self) -> Option<TcpStream> {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        while let Some((conn, since)) = idle.pop() {
            if since.elapsed() > IDLE_FOR {
                continue;
            }
            // (A server that closed it, or sent anything unasked, makes it unusable.)
            let mut probe = [0u8; 1];
            match conn.try_read(&mut probe) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Some(conn),
                _ => continue,
            }
        }
        None
    }

    fn keep(&self, conn: TcpStream) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        idle.retain(|(_, since)| since.elapsed() <= IDLE_FOR);
        if idle.len() < MAX_IDLE {
            idle.push((conn, Instant::now()));
        }
    }
}

impl Response<'_> {
    /// Append the next bytes of the body to `out`; false at its end.
    pub async fn read_into(&mut self, out: &mut Vec<u8>) -> io::Result<bool> {
        loop {
            let before = out.len();
            self.body.decode(out)?;
            if out.len() > before {
                return Ok(true);
            }
            if self.body.framing == Framing::Done {
                self.body.release();
                return Ok(false);
            }
            let Some(conn) = self.body.conn.as_mut() else {
                return Ok(false);
            };
            if fill(conn, &mut self.body.buf).await? == 0 {
                return if self.body.framing == Framing::Close {
                    self.body.framing = Framing::Done;
                    self.body.conn = None;
                    Ok(false)
                } else {
                    Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "connection closed inside the response body",
                    ))
                };
            }
        }
    }

    /// The body as text, up to `limit` bytes (an error response's explanation).
    pub async fn text(mut self, limit: usize) -> String {
        let mut out = Vec::new();
        while out.len() < limit {
            match self.read_into(&mut out).await {
                Ok(true) => {}
                _ => break,
            }
        }
        out.truncate(limit);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Done with the body: the connection is kept for another call when what is left of the
    /// body has already arrived (the end of a stream after its last event), else closed.
    pub fn finish(mut self) {
        let mut sink = Vec::new();
        while self.body.decode(&mut sink).is_ok() && self.body.framing != Framing::Done {
            let Some(conn) = self.body.conn.as_ref() else {
                return;
            };
            let spare = self.body.buf.len();
            self.body.buf.resize(spare + READ_AT_LEAST, 0);
            match conn.try_read(&mut self.body.buf[spare..]) {
                Ok(n) if n > 0 => self.body.buf.truncate(spare + n),
                _ => return,
            }
            sink.clear();
        }
        self.body.release();
    }
}

impl Body<'_> {
    /// Move the body bytes `buf` holds to `out`, through the framing.
    fn decode(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        let mut at = 0;
        loop {
            let rest = &self.buf[at..];
            match self.framing {
                Framing::Done => break,
                Framing::Close => {
                    out.extend_from_slice(rest);
                    at = self.buf.len();
                    break;
                }
                Framing::Length(left) => {
                    let n = rest.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    out.extend_from_slice(&rest[..n]);
                    at += n;
                    self.framing = if left == n as u64 {
                        Framing::Done
                    } else {
                        Framing::Length(left - n as u64)
                    };
                    break;
                }
                Framing::ChunkSize => {
                    let Some(eol) = find(rest, b"\r\n") else {
                        if rest.len() > 1024 {
                            return Err(invalid("chunk-size line over 1 KiB"));
                        }
                        break;
                    };
                    let line =
                        std::str::from_utf8(&rest[..eol]).map_err(|_| invalid("chunk size"))?;
                    let hex = line.split(';').next().unwrap_or("").trim();
                    let size = u64::from_str_radix(hex, 16).map_err(|_| invalid("chunk size"))?;
                    at += eol + 2;
                    self.framing = if size == 0 {
                        Framing::Trailers
                    } else {
                        Framing::ChunkData(size)
                    };
                }
                Framing::ChunkData(left) => {
                    if rest.is_empty() {
                        break;
                    }
                    let n = rest.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    out.extend_from_slice(&rest[..n]);
                    at += n;
                    self.framing = if left == n as u64 {
                        Framing::ChunkEnd
                    } else {
                        Framing::ChunkData(left - n as u64)
                    };
                }
                Framing::ChunkEnd => {
                    if rest.len() < 2 {
                        break;
                    }
                    if &rest[..2] != b"\r\n" {
                        return Err(invalid("chunk without its CRLF"));
                    }
                    at += 2;
                    self.framing = Framing::ChunkSize;
                }
                Framing::Trailers => {
                    let Some(eol) = find(rest, b"\r\n") else {
                        if rest.len() > MAX_HEAD {
                            return Err(invalid("trailers over 16 KiB"));
                        }
                        break;
                    };
                    at += eol + 2;
                    if eol == 0 {
                        self.framing = Framing::Done;
                    }
                }
            }
        }
        self.buf.drain(..at);
        Ok(())
    }

    /// At the body's end: the connection goes back for another call when nothing follows.
    fn release(&mut self) {
        if let Some(conn) = self.conn.take()
            && self.framing == Framing::Done
            && self.reusable
            && self.buf.is_empty()
        {
            self.client.keep(conn);
        }
    }
}

/// Read what the socket has into `buf`'s spare room (at least [`READ_AT_LEAST`] of it); 0 at
/// the end of the stream.
async fn fill(conn: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<usize> {
    if buf.capacity() - buf.len() < READ_AT_LEAST {
        buf.reserve(READ_AT_LEAST);
    }
    conn.read_buf(buf).await
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// A kept connection the server closed while it was idle.
fn stale(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionAborted
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// A server that answers each connection's requests with `replies` in turn (raw bytes),
    /// counting connections.
    async fn server(
        replies: Vec<Vec<u8>>,
    ) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = accepted.clone();
        tokio::spawn(async move {
            let replies = std::sync::Arc::new(tokio::sync::Mutex::new(replies.into_iter()));
            loop {
                let (mut s, _) = listener.accept().await.unwrap();
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let replies = replies.clone();
                tokio::spawn(async move {
                    loop {
                        // Read one request: its head, then Content-Length bytes.
                        let mut got = Vec::new();
                        let mut b = [0u8; 4096];
                        let body_at = loop {
                            if let Some(e) = find(&got, b"\r\n\r\n") {
                                break e + 4;
                            }
                            match s.read(&mut b).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => got.extend_from_slice(&b[..n]),
                            }
                        };
                        let head = String::from_utf8_lossy(&got[..body_at]).to_lowercase();
                        let len: usize = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length: "))
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap();
                        while got.len() < body_at + len {
                            match s.read(&mut b).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => got.extend_from_slice(&b[..n]),
                            }
                        }
                        let Some(reply) = replies.lock().await.next() else {
                            return;
                        };
                        if reply.is_empty() {
                            // (Close without an answer.)
                            return;
                        }
                        if s.write_all(&reply).await.is_err() {
                            return;
                        }
                        if String::from_utf8_lossy(&reply).contains("Connection: close") {
                            return;
                        }
                    }
                });
            }
        });
        (format!("http://{addr}/v1"), accepted)
    }

    async fn body(r: &mut Response<'_>) -> String {
        let mut out = Vec::new();
        while r.read_into(&mut out).await.unwrap() {}
        String::from_utf8(out).unwrap()
    }

    #[tokio::test]
    async fn chunked_length_and_close_delimited_bodies_are_read_and_connections_kept() {
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n".to_vec();
        let length =
            b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nslow"
                .to_vec();
        let interim =
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec();
        let empty = b"HTTP/1.1 204 No Content\r\n\r\n".to_vec();
        let close = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end".to_vec();
        let (url, accepted) = server(vec![chunked, length, interim, empty, close]).await;
        let c = Http1::new(&url, Duration::from_secs(1)).unwrap();
        let mut r = c
            .post("/chat/completions", &[("Authorization", "Bearer k")], b"{}")
            .await
            .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(body(&mut r).await, "hello, world");
        r.finish();
        let r = c.post("/chat/completions", &[], b"{}").await.unwrap();
        assert_eq!((r.status, r.retry_after.as_deref()), (429, Some("3")));
        assert_eq!(r.text(300).await, "slow");
        let mut r = c.post("/chat/completions", &[], b"{}").await.unwrap();
        assert_eq!((r.status, body(&mut r).await.as_str()), (200, "ok"));
        r.finish();
        // (204 has no body, and no length says so: not read until the server closes.)
        let mut r = c.post("/chat/completions", &[], b"{}").await.unwrap();
        assert_eq!((r.status, body(&mut r).await.as_str()), (204, ""));
        let mut r = c.post("/chat/completions", &[], b"{}").await.unwrap();
        assert_eq!(body(&mut r).await, "until the end");
        // Five calls on one connection: each body read to its end gave it back.
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_kept_connection_the_server_closed_is_replaced_and_bad_framing_is_an_error() {
        // The first connection answers once and then closes without answering the second call:
        // the call goes again on a new connection.
        let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na".to_vec();
        let (url, accepted) = server(vec![ok.clone(), Vec::new(), ok.clone()]).await;
        let c = Http1::new(&url, Duration::from_secs(1)).unwrap();
        for _ in 0..2 {
            let mut r = c.post("/x", &[], b"{}").await.unwrap();
            assert_eq!(body(&mut r).await, "a");
            r.finish();
        }
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 2);
        // A chunk size that is not hex, and a body cut short, are errors, never a short body.
        let bad = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec();
        let (url, _) = server(vec![bad]).await;
        let c = Http1::new(&url, Duration::from_secs(1)).unwrap();
        let mut r = c.post("/x", &[], b"{}").await.unwrap();
        assert_eq!(
            r.read_into(&mut Vec::new()).await.unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        let short =
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\nabc".to_vec();
        let (url, _) = server(vec![short]).await;
        let c = Http1::new(&url, Duration::from_secs(1)).unwrap();
        let mut r = c.post("/x", &[], b"{}").await.unwrap();
        let mut out = Vec::new();
        assert!(r.read_into(&mut out).await.unwrap());
        assert_eq!(
            r.read_into(&mut out).await.unwrap_err().kind(),
            io::ErrorKind::UnexpectedEof
        );
        // A header value with a line break is refused before anything is sent.
        assert!(c.post("/x", &[("X", "a\r\nB: c")], b"{}").await.is_err());
        // Only plain http: TLS and credentials in the URL stay with the general client.
        assert!(Http1::new("https://api.openai.com/v1", Duration::from_secs(1)).is_none());
        assert!(Http1::new("http://u:p@h/v1", Duration::from_secs(1)).is_none());
        let c = Http1::new("http://[::1]:8080/v1/", Duration::from_secs(1)).unwrap();
        assert_eq!(
            (c.addr.as_str(), c.authority.as_str(), c.base_path.as_str()),
            ("[::1]:8080", "[::1]:8080", "/v1")
        );
    }
}

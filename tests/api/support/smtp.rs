//! A small in-process SMTP listener: enough of RFC 5321 for lettre to deliver to it. Tests read
//! the reset and verification links out of the captured messages.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Captured {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

#[derive(Clone, Default)]
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Captured>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let messages: Arc<Mutex<Vec<Captured>>> = Arc::default();
        let store = messages.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = session(sock, store).await;
                });
            }
        });
        SmtpSink { port, messages }
    }

    pub fn all(&self) -> Vec<Captured> {
        self.messages.lock().unwrap().clone()
    }

    /// Messages sent to `to` so far.
    pub fn to(&self, to: &str) -> Vec<Captured> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .collect()
    }

    /// Wait up to 5 s for the `n`-th message (1-based) to `to`.
    pub async fn wait_for(&self, to: &str, n: usize) -> Captured {
        for _ in 0..500 {
            let got = self.to(to);
            if got.len() >= n {
                return got[n - 1].clone();
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("no email #{n} to {to}; got {:?}", self.all());
    }
}

async fn session(
    sock: tokio::net::TcpStream,
    store: Arc<Mutex<Vec<Captured>>>,
) -> std::io::Result<()> {
    let (r, mut w) = sock.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 localhost test SMTP\r\n").await?;
    let mut rcpt = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_string();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            w.write_all(b"250-localhost\r\n250 8BITMIME\r\n").await?;
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            w.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("MAIL FROM") {
            rcpt.clear();
            w.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO") {
            let addr = cmd[8..]
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string();
            rcpt.push(addr);
            w.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            w.write_all(b"354 go ahead\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if r.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let l = line
                    .strip_prefix('.')
                    .filter(|_| line.starts_with(".."))
                    .unwrap_or(&line);
                data.push_str(l);
            }
            store.lock().unwrap().push(parse(&rcpt, &data));
            w.write_all(b"250 queued\r\n").await?;
        } else if upper == "RSET" {
            rcpt.clear();
            w.write_all(b"250 OK\r\n").await?;
        } else if upper == "QUIT" {
            w.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            w.write_all(b"502 not implemented\r\n").await?;
        }
    }
}

fn parse(rcpt: &[String], data: &str) -> Captured {
    let (head, body) = data.split_once("\r\n\r\n").unwrap_or((data, ""));
    let mut subject = String::new();
    let mut encoding = String::new();
    for h in head.split("\r\n") {
        let lower = h.to_ascii_lowercase();
        if lower.starts_with("subject:") {
            subject = h["subject:".len()..].trim().to_string();
        } else if let Some(rest) = lower.strip_prefix("content-transfer-encoding:") {
            encoding = rest.trim().to_string();
        }
    }
    let body = match encoding.as_str() {
        "base64" => String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(body.replace(['\r', '\n'], ""))
                .unwrap_or_default(),
        )
        .unwrap_or_default(),
        "quoted-printable" => decode_qp(body),
        _ => body.to_string(),
    };
    Captured {
        to: rcpt.to_vec(),
        subject,
        body: body.replace("\r\n", "\n"),
    }
}

fn decode_qp(s: &str) -> String {
    let s = s.replace("=\r\n", "");
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && i + 2 < b.len() + 1
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first URL in a message body.
pub fn first_link(body: &str) -> String {
    let start = body.find("http").expect("a link in the email");
    body[start..].split_whitespace().next().unwrap().to_string()
}

/// The `token` query parameter of a link.
pub fn token_of(link: &str) -> String {
    link.split("token=")
        .nth(1)
        .expect("token= in the link")
        .to_string()
}

//! Load generator and fake provider for bench/streams10k.sh (issue 13 §3): thousands of
//! concurrent chat streams from many users, which a Python asyncio client cannot hold on 2 cores.
//!
//!   streamload fake PORT DELTAS INTERVAL_MS
//!       An OpenAI-compatible streaming server. Each delta carries the CLOCK_MONOTONIC time (ns)
//!       it was written and how late that write was against its schedule (`lUS`, µs), so the
//!       client can show the fake provider is not the bottleneck; both in letters (0 → a), since
//!       the service's figure check holds back digits no data holds; each delta ends a sentence.
//!   streamload load HOST:PORT[,HOST:PORT] SECRET PAIRS_FILE PER_USER PID[,PID] RAMP_PER_S
//!       PAIRS_FILE holds one `user_id conversation_id` a line; for each, PER_USER streams open
//!       with an HS256 token minted from SECRET, RAMP_PER_S a second (0: all at once). User i goes
//!       to replica i mod the number of addresses. Prints time to first byte, added latency per
//!       chunk (receive time minus fake send time), completion, the most streams open at once, the
//!       service's memory per open stream (RSS of the PIDs at that moment minus idle), its CPU per
//!       stream, and the fake's own lateness.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A number written in letters (0 → a ... 9 → j): the service's figure check holds back a
/// model's digits the data does not hold, so the fake's stamps must not be digits.
fn letters(n: u64) -> String {
    n.to_string()
        .bytes()
        .map(|b| char::from(b'a' + (b - b'0')))
        .collect()
}

/// The number [`letters`] wrote.
fn unletters(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| (b'a'..=b'j').contains(&b)) {
        return None;
    }
    s.bytes()
        .map(|b| char::from(b'0' + (b - b'a')))
        .collect::<String>()
        .parse()
        .ok()
}

fn mono_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn fake_conn(mut sock: TcpStream, deltas: u32, interval: Duration) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(8192);
    let mut tmp = [0u8; 8192];
    let head_end = loop {
        let n = sock.read(&mut tmp).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&tmp[..n]);
        if let Some(p) = find(&buf, b"\r\n\r\n") {
            break p + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = sock.read(&mut tmp).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&tmp[..n]);
    }
    sock.write_all(
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n",
    )
    .await?;
    let start = tokio::time::Instant::now();
    for i in 1..=deltas {
        let due = start + interval * i;
        tokio::time::sleep_until(due).await;
        let late_us = tokio::time::Instant::now()
            .saturating_duration_since(due)
            .as_micros();
        let chunk = format!(
            "data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{} l{}. \"}}}}]}}\n\n",
            letters(mono_ns()),
            letters(late_us as u64)
        );
        sock.write_all(chunk.as_bytes()).await?;
    }
    sock.write_all(
        b"data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n",
    )
    .await?;
    sock.shutdown().await
}

async fn fake(port: u16, deltas: u32, interval: Duration) -> std::io::Result<()> {
    let sock = tokio::net::TcpSocket::new_v4()?;
    sock.set_reuseaddr(true)?;
    sock.bind(([127, 0, 0, 1], port).into())?;
    let listener: TcpListener = sock.listen(16384)?;
    loop {
        let (conn, _) = listener.accept().await?;
        tokio::spawn(async move {
            let _ = fake_conn(conn, deltas, interval).await;
        });
    }
}

#[derive(Default)]
struct Stream {
    ttfb_ms: Option<f64>,
    lat_ms: Vec<f64>,
    fake_late_ms: Vec<f64>,
    done: bool,
    error: Option<String>,
}

async fn one_stream(addr: String, token: String, conv: i64) -> Stream {
    let mut out = Stream::default();
    let body = format!(r#"{{"conversation_id":{conv},"message":"stream","agent_type":"news"}}"#);
    let req = format!(
        "POST /api/v1/chat/send HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {token}\r\n\
         content-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let start = mono_ns();
    let mut sock = match TcpStream::connect(&addr).await {
        Ok(s) => s,
        Err(e) => {
            out.error = Some(format!("connect: {e}"));
            return out;
        }
    };
    if let Err(e) = sock.write_all(req.as_bytes()).await {
        out.error = Some(format!("write: {e}"));
        return out;
    }
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut tmp = vec![0u8; 16384];
    let mut status_checked = false;
    loop {
        let n = match sock.read(&mut tmp).await {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                out.error = Some(format!("read: {e}"));
                break;
            }
        };
        let now = mono_ns();
        if out.ttfb_ms.is_none() && find(&tmp[..n], b"data: ").is_some() {
            out.ttfb_ms = Some((now - start) as f64 / 1e6);
        }
        buf.extend_from_slice(&tmp[..n]);
        if !status_checked && buf.len() >= 12 {
            status_checked = true;
            if &buf[9..12] != b"200" {
                let line = String::from_utf8_lossy(&buf[..buf.len().min(200)]).into_owned();
                out.error = Some(format!("status: {line}"));
            }
        }
        while let Some(p) = buf.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buf.drain(..=p).collect();
            let Some(data) = line.strip_prefix(b"data: ") else {
                continue;
            };
            let Ok(ev) = serde_json::from_slice::<serde_json::Value>(data) else {
                continue;
            };
            match ev.get("type").and_then(|t| t.as_str()) {
                Some("chunk") => {
                    let content = ev.get("content").and_then(|c| c.as_str()).unwrap_or("");
                    // (Each delta ends its sentence, so the service's figure check, which holds
                    // a sentence until it ends, passes it on at once: the latency measured is the
                    // service's, not the length of a sentence.)
                    for word in content.split_whitespace().map(|w| w.trim_end_matches('.')) {
                        if let Some(l) = word.strip_prefix('l') {
                            if let Some(us) = unletters(l) {
                                out.fake_late_ms.push(us as f64 / 1e3);
                            }
                        } else if let Some(stamp) = unletters(word) {
                            out.lat_ms.push(now.saturating_sub(stamp) as f64 / 1e6);
                        }
                    }
                }
                Some("done") => out.done = true,
                Some("error") if out.error.is_none() => out.error = Some(ev.to_string()),
                _ => {}
            }
        }
    }
    out
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// User plus system CPU time of a process, in milliseconds (fields 14 and 15 of /proc/PID/stat).
fn cpu_ms(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // The command name (field 2) may hold spaces; the fields after it are plain numbers.
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0))
        .collect();
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) * 1000 / hz
}

fn pct(xs: &mut [f64], p: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[((xs.len() as f64 * p) as usize).min(xs.len() - 1)]
}

fn mint(secret: &str, user_id: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = serde_json::json!({"sub": user_id.to_string(), "iat": now, "exp": now + 86_400,
        "jti": format!("streamload-{user_id}-{}", mono_ns())});
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("HS256 encoding")
}

/// `addrs` and `pids` are comma-separated: user number i goes to replica i mod len, as a sticky
/// balancer would send it. `ramp` streams start per second (0: all at once), taken round-robin
/// over the users so that a user's streams are spread over the ramp.
async fn load(
    addrs: String,
    secret: String,
    pairs: String,
    per_user: usize,
    pids: String,
    ramp: f64,
) {
    let addrs: Vec<String> = addrs.split(',').map(str::to_owned).collect();
    let pids: Vec<u32> = pids.split(',').map(|p| p.parse().expect("PID")).collect();
    let pairs: Vec<(i64, i64)> = std::fs::read_to_string(&pairs)
        .expect("pairs file")
        .lines()
        .filter_map(|l| {
            let mut it = l.split([' ', '|', '\t']);
            Some((
                it.next()?.trim().parse().ok()?,
                it.next()?.trim().parse().ok()?,
            ))
        })
        .collect();
    let n = pairs.len() * per_user;
    let rss_all = {
        let pids = pids.clone();
        move || pids.iter().map(|&p| rss_kb(p)).sum::<u64>()
    };
    let cpu_all = {
        let pids = pids.clone();
        move || pids.iter().map(|&p| cpu_ms(p)).sum::<u64>()
    };
    let idle = rss_all();
    let cpu0 = cpu_all();
    let own_cpu0 = cpu_ms(std::process::id());
    let finished = Arc::new(AtomicUsize::new(0));
    let open = Arc::new(AtomicUsize::new(0));
    // The sample with the most streams open at once: (open, rss).
    let sampler = {
        let (finished, open) = (finished.clone(), open.clone());
        tokio::spawn(async move {
            let (mut best, mut peak) = ((0usize, idle), idle);
            while finished.load(Ordering::Relaxed) < n {
                let rss = rss_all();
                let o = open.load(Ordering::Relaxed);
                peak = peak.max(rss);
                if o > best.0 || (o == best.0 && rss > best.1) {
                    best = (o, rss);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            (best, peak)
        })
    };
    let tokens: Vec<String> = pairs.iter().map(|&(u, _)| mint(&secret, u)).collect();
    let t0 = tokio::time::Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for round in 0..per_user {
        for (i, &(_, conv)) in pairs.iter().enumerate() {
            let k = round * pairs.len() + i;
            let at = if ramp > 0.0 {
                t0 + Duration::from_secs_f64(k as f64 / ramp)
            } else {
                t0
            };
            let addr = addrs[i % addrs.len()].clone();
            let (token, finished, open) = (tokens[i].clone(), finished.clone(), open.clone());
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep_until(at).await;
                open.fetch_add(1, Ordering::Relaxed);
                let s = one_stream(addr, token, conv).await;
                open.fetch_sub(1, Ordering::Relaxed);
                finished.fetch_add(1, Ordering::Relaxed);
                s
            }));
        }
    }
    let mut ttfb = Vec::with_capacity(n);
    let (mut lat, mut late) = (Vec::new(), Vec::new());
    let (mut done, mut errors) = (0usize, std::collections::BTreeMap::<String, usize>::new());
    for t in tasks {
        let s = t.await.expect("stream task");
        ttfb.extend(s.ttfb_ms);
        lat.extend(s.lat_ms);
        late.extend(s.fake_late_ms);
        done += s.done as usize;
        if let Some(e) = s.error {
            let key: String = e.chars().take(120).collect();
            *errors.entry(key).or_default() += 1;
        }
    }
    let elapsed = t0.elapsed().as_secs_f64();
    let cpu = cpu_all().saturating_sub(cpu0);
    let own_cpu = cpu_ms(std::process::id()).saturating_sub(own_cpu0);
    let ((max_open, rss_at_max), peak) = sampler.await.expect("sampler");
    let per_stream = rss_at_max.saturating_sub(idle) / max_open.max(1) as u64;
    println!(
        "streams: {n} from {} users on {} replica(s), started {}, {done} completed with done, \
         {max_open} open at once at most, {elapsed:.1} s wall",
        pairs.len(),
        addrs.len(),
        if ramp > 0.0 {
            format!("at {ramp:.0}/s")
        } else {
            "all at once".to_owned()
        }
    );
    for (e, c) in &errors {
        println!("  error x{c}: {e}");
    }
    let mean = lat.iter().sum::<f64>() / lat.len().max(1) as f64;
    println!(
        "time to first byte: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pct(&mut ttfb, 0.5),
        pct(&mut ttfb, 0.99),
        pct(&mut ttfb, 1.0)
    );
    println!(
        "added latency per chunk ({} chunks): p50 {:.1} ms, p99 {:.1} ms, mean {mean:.1} ms",
        lat.len(),
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99)
    );
    println!(
        "fake provider lateness vs its schedule: p50 {:.1} ms, p99 {:.1} ms",
        pct(&mut late, 0.5),
        pct(&mut late, 0.99)
    );
    println!(
        "memory of the service: idle {} MiB, {} MiB with {max_open} streams open ({per_stream} KiB \
         per open stream), peak {} MiB",
        idle / 1024,
        rss_at_max / 1024,
        peak / 1024
    );
    println!(
        "CPU over the {elapsed:.1} s run: service {:.1} s ({:.0} µs per stream), this load \
         generator {:.1} s",
        cpu as f64 / 1e3,
        cpu as f64 * 1e3 / n.max(1) as f64,
        own_cpu as f64 / 1e3
    );
    println!(
        "ROW|{n}|{}|{}|{done}|{max_open}|{:.0}|{:.0}|{:.1}|{:.1}|{per_stream}|{:.0}",
        pairs.len(),
        addrs.len(),
        pct(&mut ttfb, 0.5),
        pct(&mut ttfb, 0.99),
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        cpu as f64 * 1e3 / n.max(1) as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: streamload fake PORT DELTAS INTERVAL_MS | \
                 load HOST:PORT[,HOST:PORT] SECRET PAIRS_FILE PER_USER PID[,PID] RAMP_PER_S";
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match args.get(1).map(String::as_str) {
        Some("fake") if args.len() == 5 => {
            let port = args[2].parse().expect("PORT");
            let deltas = args[3].parse().expect("DELTAS");
            let interval = Duration::from_millis(args[4].parse().expect("INTERVAL_MS"));
            rt.block_on(fake(port, deltas, interval))
                .expect("fake provider");
        }
        Some("load") if args.len() == 8 => rt.block_on(load(
            args[2].clone(),
            args[3].clone(),
            args[4].clone(),
            args[5].parse().expect("PER_USER"),
            args[6].clone(),
            args[7].parse().expect("RAMP_PER_S"),
        )),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}

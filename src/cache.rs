//! The answer and tool cache (the old service's "response caching with Redis").
//!
//! Two kinds of entries: the result of a data tool call (by tool, canonical arguments, the
//! agent's collection and the data version) and the complete answer of a turn that depends on
//! nothing but its question (by agent, the agent's prompt and tools, provider and model, the
//! normalised question and the data version). Keys are SHA-256 digests of those parts, so a key
//! names nothing; values hold only what the data and the model produced, never a user, a
//! conversation or a turn id. In memory (moka: bounded by entries and bytes, entries used least
//! often and least recently out first) by default; in Redis when `REDIS_URL` is set, so every replica shares it. `CACHE_TTL_SECONDS`
//! bounds an entry's life; `0` turns the cache off.
//!
//! The cache is an optimisation and never a failure: a Redis error or a slow Redis is a miss.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use redis::aio::ConnectionManager;
use sha2::{Digest, Sha256};

/// Bumped when the layout of a cached value changes.
const FORMAT: &str = "1";
/// The longest a cache read or write may take before it counts as a miss.
const REDIS_WAIT: Duration = Duration::from_millis(500);

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Answer,
    Tool,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Answer => "answer",
            Kind::Tool => "tool",
        }
    }
}

pub struct Cache {
    store: Store,
    ttl: Duration,
    hits: [AtomicU64; 2],
    misses: [AtomicU64; 2],
    /// Redis: entries and bytes this replica wrote (the shared size is Redis's to report).
    stored: AtomicU64,
    stored_bytes: AtomicU64,
}

enum Store {
    Off,
    Memory(Memory),
    Redis {
        conn: ConnectionManager,
        prefix: String,
        /// Each call bounded; after a failure the cache is skipped for a while.
        breaker: crate::breaker::Breaker,
    },
}

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Answer => 0,
        Kind::Tool => 1,
    }
}

impl Cache {
    fn with(store: Store, ttl: Duration) -> Cache {
        Cache {
            store,
            ttl,
            hits: Default::default(),
            misses: Default::default(),
            stored: AtomicU64::new(0),
            stored_bytes: AtomicU64::new(0),
        }
    }

    pub fn off() -> Cache {
        Cache::with(Store::Off, Duration::ZERO)
    }

    /// In memory: at most `max_entries` entries and `max_bytes` of keys and values.
    pub fn memory(ttl: Duration, max_entries: usize, max_bytes: usize) -> Cache {
        if ttl.is_zero() || max_entries == 0 || max_bytes == 0 {
            return Cache::off();
        }
        Cache::with(Store::Memory(Memory::new(ttl, max_entries, max_bytes)), ttl)
    }

    /// In Redis under `prefix` (tests use one per test), shared by every replica.
    pub async fn redis(url: &str, prefix: &str, ttl: Duration) -> anyhow::Result<Cache> {
        if ttl.is_zero() {
            return Ok(Cache::off());
        }
        let client = redis::Client::open(url)?;
        let conn = ConnectionManager::new(client).await?;
        Ok(Cache::with(
            Store::Redis {
                conn,
                prefix: prefix.to_string(),
                breaker: crate::breaker::Breaker::new(
                    "answer cache's Redis",
                    REDIS_WAIT,
                    crate::ratelimit::REDIS_COOL_DOWN,
                ),
            },
            ttl,
        ))
    }

    /// The cache the settings describe: off, Redis (`REDIS_URL`) or memory.
    pub async fn from_settings(s: &crate::config::Settings) -> anyhow::Result<Cache> {
        match &s.redis_url {
            _ if s.cache_ttl.is_zero() => Ok(Cache::off()),
            Some(url) => Cache::redis(url, "solarintel:cache:", s.cache_ttl).await,
            None => Ok(Cache::memory(
                s.cache_ttl,
                s.cache_max_entries,
                s.cache_max_bytes,
            )),
        }
    }

    pub fn is_on(&self) -> bool {
        !matches!(self.store, Store::Off)
    }

    pub fn is_shared(&self) -> bool {
        matches!(self.store, Store::Redis { .. })
    }

    /// The key of an entry made of `parts` (each part is length-prefixed, so no two lists of
    /// parts give the same digest).
    pub fn key(kind: Kind, parts: &[&str]) -> String {
        let mut h = Sha256::new();
        for p in std::iter::once(FORMAT)
            .chain(std::iter::once(kind.as_str()))
            .chain(parts.iter().copied())
        {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p.as_bytes());
        }
        let mut out = String::with_capacity(70);
        out.push_str(kind.as_str());
        out.push(':');
        for b in h.finalize() {
            let _ = write!(out, "{b:02x}");
        }
        out
    }

    pub async fn get(&self, kind: Kind, key: &str) -> Option<Vec<u8>> {
        let found = match &self.store {
            Store::Off => return None,
            Store::Memory(m) => m.entries.get(key).map(|v| v.to_vec()),
            Store::Redis {
                conn,
                prefix,
                breaker,
            } => {
                // (A failure opens the breaker: the turn is answered without the cache.)
                let mut c = conn.clone();
                let full = format!("{prefix}{key}");
                let mut cmd = redis::cmd("GET");
                cmd.arg(&full);
                let read = cmd.query_async::<Option<Vec<u8>>>(&mut c);
                breaker.call(read).await.flatten()
            }
        };
        let counter = if found.is_some() {
            &self.hits[slot(kind)]
        } else {
            &self.misses[slot(kind)]
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    pub async fn put(&self, key: &str, value: Vec<u8>) {
        match &self.store {
            Store::Off => {}
            Store::Memory(m) => m.put(key, value),
            Store::Redis {
                conn,
                prefix,
                breaker,
            } => {
                let mut c = conn.clone();
                let n = value.len() as u64;
                let mut cmd = redis::cmd("SET");
                cmd.arg(format!("{prefix}{key}"))
                    .arg(value)
                    .arg("PX")
                    .arg(self.ttl.as_millis() as u64);
                let write = cmd.query_async::<()>(&mut c);
                if breaker.call(write).await.is_some() {
                    self.stored.fetch_add(1, Ordering::Relaxed);
                    self.stored_bytes.fetch_add(n, Ordering::Relaxed);
                }
            }
        }
    }

    /// Prometheus lines (`METRICS_ADDR`).
    pub fn render_metrics(&self, out: &mut String) {
        crate::metrics::describe(
            out,
            "solarintel_cache_requests_total",
            "counter",
            "Cache lookups, by kind (answer, tool) and result.",
        );
        for kind in [Kind::Answer, Kind::Tool] {
            let k = kind.as_str();
            let _ = writeln!(
                out,
                "solarintel_cache_requests_total{{kind=\"{k}\",result=\"hit\"}} {}",
                self.hits[slot(kind)].load(Ordering::Relaxed)
            );
            let _ = writeln!(
                out,
                "solarintel_cache_requests_total{{kind=\"{k}\",result=\"miss\"}} {}",
                self.misses[slot(kind)].load(Ordering::Relaxed)
            );
        }
        match &self.store {
            Store::Memory(m) => {
                // (moka applies its bookkeeping lazily: settle it so the gauges are exact.)
                m.entries.run_pending_tasks();
                let entries = m.entries.entry_count();
                let bytes = m.bytes.load(Ordering::Relaxed);
                crate::metrics::describe(
                    out,
                    "solarintel_cache_entries",
                    "gauge",
                    "Entries in this replica's memory cache.",
                );
                let _ = writeln!(out, "solarintel_cache_entries {entries}");
                crate::metrics::describe(
                    out,
                    "solarintel_cache_bytes",
                    "gauge",
                    "Bytes of keys and values in this replica's memory cache.",
                );
                let _ = writeln!(out, "solarintel_cache_bytes {bytes}");
            }
            Store::Redis { .. } => {
                crate::metrics::describe(
                    out,
                    "solarintel_cache_stored_total",
                    "counter",
                    "Entries this replica wrote to the shared Redis cache.",
                );
                let _ = writeln!(
                    out,
                    "solarintel_cache_stored_total {}",
                    self.stored.load(Ordering::Relaxed)
                );
                crate::metrics::describe(
                    out,
                    "solarintel_cache_stored_bytes_total",
                    "counter",
                    "Bytes this replica wrote to the shared Redis cache.",
                );
                let _ = writeln!(
                    out,
                    "solarintel_cache_stored_bytes_total {}",
                    self.stored_bytes.load(Ordering::Relaxed)
                );
            }
            Store::Off => {}
        }
    }

    pub fn hits(&self, kind: Kind) -> u64 {
        self.hits[slot(kind)].load(Ordering::Relaxed)
    }

    pub fn misses(&self, kind: Kind) -> u64 {
        self.misses[slot(kind)].load(Ordering::Relaxed)
    }
}

/// Lower-cased, whitespace collapsed: "What is  X?" and "what is x?" are one question.
pub fn normalise_question(q: &str) -> String {
    q.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// JSON with its object keys sorted at every level, so the same arguments in any order make one
/// key.
pub fn canonical_json(v: &serde_json::Value) -> String {
    use serde_json::Value;
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let s: BTreeMap<&String, Value> = m.iter().map(|(k, v)| (k, sorted(v))).collect();
                Value::Object(s.into_iter().map(|(k, v)| (k.clone(), v)).collect())
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(v).to_string()
}

/// The in-memory store: moka, its capacity in bytes. Each entry weighs its key and value, but at
/// least `max_bytes / max_entries`, so the one capacity bounds both the bytes and the entries.
/// Expired entries are never returned; moka drops them in its bookkeeping.
struct Memory {
    entries: moka::sync::Cache<String, Arc<[u8]>>,
    /// Bytes of the keys and values held (not the weights): added on insert, taken off when
    /// moka lets an entry go (evicted, expired, replaced).
    bytes: Arc<AtomicUsize>,
    max_bytes: usize,
}

impl Memory {
    fn new(ttl: Duration, max_entries: usize, max_bytes: usize) -> Memory {
        let floor = max_bytes.div_ceil(max_entries.max(1));
        let bytes = Arc::new(AtomicUsize::new(0));
        let held = bytes.clone();
        let entries = moka::sync::Cache::builder()
            .max_capacity(max_bytes as u64)
            .weigher(move |k: &String, v: &Arc<[u8]>| {
                u32::try_from(Memory::size(k, v).max(floor)).unwrap_or(u32::MAX)
            })
            .time_to_live(ttl)
            .eviction_listener(move |k: Arc<String>, v: Arc<[u8]>, _cause| {
                held.fetch_sub(Memory::size(&k, &v), Ordering::Relaxed);
            })
            .build();
        Memory {
            entries,
            bytes,
            max_bytes,
        }
    }

    fn size(key: &str, value: &[u8]) -> usize {
        key.len() + value.len()
    }

    fn put(&self, key: &str, value: Vec<u8>) {
        let size = Self::size(key, &value);
        // (An entry larger than the whole cache is not stored.)
        if size > self.max_bytes {
            return;
        }
        self.bytes.fetch_add(size, Ordering::Relaxed);
        self.entries.insert(key.to_string(), value.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_cache_is_bounded_by_entries_and_bytes_and_expires() {
        let hour = Duration::from_secs(3600);
        let held = |m: &Memory| {
            m.entries.run_pending_tasks();
            (m.entries.entry_count(), m.bytes.load(Ordering::Relaxed))
        };
        // At most 2 entries (each weighs at least 1000 / 2).
        let m = Memory::new(hour, 2, 1000);
        for k in ["a", "b", "c", "d"] {
            m.put(k, b"1".to_vec());
            m.entries.run_pending_tasks();
        }
        let (n, bytes) = held(&m);
        assert!(n <= 2, "{n} entries");
        assert_eq!(bytes, 2 * n as usize, "bytes follow the entries held");
        // At most 10 bytes of keys and values.
        let m = Memory::new(hour, 100, 10);
        m.put("k1", vec![0; 4]); // 6 bytes
        m.entries.run_pending_tasks();
        m.put("k2", vec![0; 4]); // 12 > 10: one of them leaves
        let (n, bytes) = held(&m);
        assert_eq!((n, bytes), (1, 6));
        m.put("big", vec![0; 20]); // larger than the cache: not stored
        assert!(m.entries.get("big").is_none());
        assert_eq!(held(&m).1, 6);
        // Replacing a value counts the new size only.
        let m = Memory::new(hour, 100, 100);
        m.put("k", vec![0; 8]);
        m.entries.run_pending_tasks();
        m.put("k", vec![0; 2]);
        assert_eq!(held(&m), (1, 3));
        // An entry is gone once its time is up.
        let m = Memory::new(Duration::from_millis(50), 10, 100);
        m.put("x", b"v".to_vec());
        assert!(m.entries.get("x").is_some());
        std::thread::sleep(Duration::from_millis(80));
        assert!(m.entries.get("x").is_none());
        assert_eq!(held(&m), (0, 0));
    }

    #[test]
    fn keys_are_digests_of_every_part() {
        let a = Cache::key(Kind::Answer, &["market", "q"]);
        assert!(a.starts_with("answer:") && a.len() == "answer:".len() + 64);
        assert_ne!(a, Cache::key(Kind::Answer, &["marketq"]));
        assert_ne!(a, Cache::key(Kind::Answer, &["market", "q", ""]));
        assert_ne!(a, Cache::key(Kind::Tool, &["market", "q"]));
        assert_eq!(a, Cache::key(Kind::Answer, &["market", "q"]));
        assert!(!a.contains("market"), "a key names nothing");
    }

    #[test]
    fn questions_and_arguments_normalise() {
        assert_eq!(normalise_question("  What  is\tX? "), "what is x?");
        let a: serde_json::Value =
            serde_json::json!({"b": 1, "a": {"d": [1, {"z": 0, "y": 1}], "c": 2}});
        let b: serde_json::Value =
            serde_json::json!({"a": {"c": 2, "d": [1, {"y": 1, "z": 0}]}, "b": 1});
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":2,"d":[1,{"y":1,"z":0}]},"b":1}"#
        );
    }

    #[tokio::test]
    async fn off_caches_nothing_and_counts_nothing() {
        let c = Cache::memory(Duration::ZERO, 10, 10);
        assert!(!c.is_on());
        c.put("k", b"v".to_vec()).await;
        assert_eq!(c.get(Kind::Tool, "k").await, None);
        assert_eq!(c.misses(Kind::Tool), 0);
        let c = Cache::memory(Duration::from_secs(60), 10, 1000);
        assert_eq!(c.get(Kind::Tool, "k").await, None);
        c.put("k", b"v".to_vec()).await;
        assert_eq!(c.get(Kind::Tool, "k").await, Some(b"v".to_vec()));
        assert_eq!((c.hits(Kind::Tool), c.misses(Kind::Tool)), (1, 1));
        let mut m = String::new();
        c.render_metrics(&mut m);
        assert!(m.contains("solarintel_cache_requests_total{kind=\"tool\",result=\"hit\"} 1"));
        assert!(m.contains("solarintel_cache_entries 1"));
    }
}

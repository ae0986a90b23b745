//! Rate limits and login throttling (decision F12; api-contract §1.8).
//!
//! Two mechanisms over one store: a token bucket per key for the general limit, and an attempt
//! counter per key with a doubling refusal for login throttling. The state lives in memory
//! (bounded: keys longer than [`MAX_KEY_BYTES`] are hashed, idle entries expire and the least
//! recently used are evicted past a fixed number) on one machine, or in Redis when `REDIS_URL`
//! is set, so replicas share it. The Redis scripts implement exactly the state machines of
//! [`bucket_step`], [`throttle_acquire`] and [`throttle_refund`], with the server's clock.
//!
//! An attempt is checked and counted in one step ([`Limiter::acquire`]: one lock in memory, one
//! script in Redis) before the work it guards, and given back ([`Limiter::refund`]) when it turns
//! out not to be one (a successful login): checking first and counting after the password hash
//! let every request that arrived while hashes queued through.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use redis::aio::ConnectionManager;

/// Keys kept in memory at most, per kind; when full, the least recently used key is evicted (a
/// limiter may forget its oldest keys, it must not grow without bound, and never forgets all).
const MAX_MEMORY_KEYS: usize = 200_000;
const WINDOW_MS: i64 = 60_000;
/// Keys longer than this are kept as their SHA-256, so what a client sends (a megabyte of
/// username) never sizes the limiter's memory or Redis'.
pub const MAX_KEY_BYTES: usize = 96;

/// The key as stored: itself when short, else a fixed-size hash of it.
fn bounded_key(key: &str) -> Cow<'_, str> {
    if key.len() <= MAX_KEY_BYTES {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(format!("h:{}", crate::auth::sha256_hex(key)))
    }
}

/// Token bucket state: tokens left and when they were counted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bucket {
    pub tokens: f64,
    pub at_ms: i64,
}

/// One request against a bucket of `limit` tokens refilled over a minute. Returns the new state
/// and, when refused, the wait in milliseconds.
pub fn bucket_step(state: Option<Bucket>, now_ms: i64, limit: u32) -> (Bucket, Option<i64>) {
    let cap = limit as f64;
    let rate = cap / WINDOW_MS as f64; // tokens per ms
    let b = state.unwrap_or(Bucket {
        tokens: cap,
        at_ms: now_ms,
    });
    let tokens = (b.tokens + (now_ms - b.at_ms).max(0) as f64 * rate).min(cap);
    if tokens >= 1.0 {
        (
            Bucket {
                tokens: tokens - 1.0,
                at_ms: now_ms,
            },
            None,
        )
    } else {
        let wait = ((1.0 - tokens) / rate).ceil() as i64;
        (
            Bucket {
                tokens,
                at_ms: now_ms,
            },
            Some(wait.max(1)),
        )
    }
}

/// Login-throttle state of one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Throttle {
    /// Start of the counting window (after a refusal: the moment the refusal ends).
    pub window_start_ms: i64,
    /// Attempts counted in the window.
    pub count: u32,
    /// Refused until then.
    pub blocked_until_ms: i64,
    /// The last refusal's length, doubled by the next one that follows soon after.
    pub penalty_ms: i64,
}

/// Whether an attempt may go ahead (decision F12). A key over its limit is refused
/// for the rest of its minute; a refusal that follows soon after the previous one (within a
/// minute, or the previous refusal's length) lasts twice as long, up to `cap_ms`. Attempts
/// while refused change nothing, so nobody can keep a key refused by knocking; when the wait is
/// over a fresh window starts, so a client that waits as `Retry-After` says gets through.
/// Returns the new state (changed only when a refusal starts) and, when refused, the wait.
pub fn throttle_check(
    state: Throttle,
    now_ms: i64,
    limit: u32,
    cap_ms: i64,
) -> (Throttle, Option<i64>) {
    let mut s = state;
    if now_ms < s.blocked_until_ms {
        return (s, Some(s.blocked_until_ms - now_ms));
    }
    let window_over = now_ms >= s.window_start_ms + WINDOW_MS;
    let count = if window_over { 0 } else { s.count };
    if count < limit {
        return (s, None);
    }
    let recent =
        s.blocked_until_ms > 0 && now_ms - s.blocked_until_ms < WINDOW_MS.max(s.penalty_ms);
    s.penalty_ms = if recent {
        (s.penalty_ms * 2).clamp(1000, cap_ms)
    } else {
        (s.window_start_ms + WINDOW_MS - now_ms).clamp(1000, cap_ms)
    };
    s.blocked_until_ms = now_ms + s.penalty_ms;
    s.window_start_ms = s.blocked_until_ms;
    s.count = 0;
    (s, Some(s.penalty_ms))
}

/// Count one attempt (for logins: one failure) against a key.
pub fn throttle_count(state: Throttle, now_ms: i64) -> Throttle {
    let mut s = state;
    // A window that starts in the future is the one after a refusal: count into it.
    if s.count == 0 && s.window_start_ms <= now_ms || now_ms >= s.window_start_ms + WINDOW_MS {
        s.window_start_ms = now_ms;
        s.count = 0;
    }
    s.count += 1;
    s
}

/// Check and count in one step: refused (the new state and the wait) as [`throttle_check`]
/// says, else counted.
pub fn throttle_acquire(
    state: Throttle,
    now_ms: i64,
    limit: u32,
    cap_ms: i64,
) -> (Throttle, Option<i64>) {
    let (s, wait) = throttle_check(state, now_ms, limit, cap_ms);
    match wait {
        Some(_) => (s, wait),
        None => (throttle_count(s, now_ms), None),
    }
}

/// Give back one counted attempt that turned out not to be one (a successful login). Only a
/// count of the current window is given back; a refusal already started stays.
pub fn throttle_refund(state: Throttle, now_ms: i64) -> Throttle {
    let mut s = state;
    if s.count > 0 && now_ms < s.window_start_ms + WINDOW_MS {
        s.count -= 1;
    }
    s
}

/// When a throttle entry no longer matters: its window and refusal are over and a following
/// refusal would no longer count as "soon after" (the same expiry the Redis script sets).
fn throttle_expiry(s: &Throttle) -> i64 {
    (s.window_start_ms + WINDOW_MS).max(s.blocked_until_ms) + WINDOW_MS.max(s.penalty_ms)
}

/// When a bucket is full again, so forgetting it changes nothing.
fn bucket_expiry(b: &Bucket) -> i64 {
    b.at_ms + WINDOW_MS
}

/// The address a client is counted under: IPv4 addresses as they are, IPv6 by their /64
/// network (one subscriber usually has a whole /64; counting each address would give them
/// 2^64 budgets). IPv4-mapped IPv6 addresses count as the IPv4 address.
pub fn address_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// A map bounded to `cap` keys that evicts the least recently used one when full: a limiter
/// may forget its oldest keys under a flood of new ones, never all of them at once. Each entry
/// also has an expiry after which it is as good as absent: expired entries are dropped when
/// read, and a few of the least recent ones on every write, so idle keys do not stay.
struct Lru<V> {
    map: HashMap<String, (V, u64, i64)>,
    order: BTreeMap<u64, String>,
    tick: u64,
    cap: usize,
}

/// Expired entries dropped from the old end per write (amortised sweeping).
const SWEEP_PER_PUT: usize = 4;

impl<V: Copy> Lru<V> {
    fn new(cap: usize) -> Self {
        Lru {
            map: HashMap::new(),
            order: BTreeMap::new(),
            tick: 0,
            cap: cap.max(1),
        }
    }

    fn get(&self, key: &str, now_ms: i64) -> Option<V> {
        self.map
            .get(key)
            .filter(|(_, _, expires)| *expires > now_ms)
            .map(|(v, _, _)| *v)
    }

    /// Store `v` under `key` as the most recent key, forgotten after `expires_ms`.
    fn put(&mut self, key: &str, v: V, expires_ms: i64, now_ms: i64) {
        self.sweep(now_ms);
        self.tick += 1;
        let tick = self.tick;
        if let Some(entry) = self.map.get_mut(key) {
            self.order.remove(&entry.1);
            *entry = (v, tick, expires_ms);
            self.order.insert(tick, key.to_string());
            return;
        }
        while self.map.len() >= self.cap {
            let Some((_, oldest)) = self.order.pop_first() else {
                break;
            };
            self.map.remove(&oldest);
        }
        self.map.insert(key.to_string(), (v, tick, expires_ms));
        self.order.insert(tick, key.to_string());
    }

    /// Drop up to [`SWEEP_PER_PUT`] expired entries from the least recent end.
    fn sweep(&mut self, now_ms: i64) {
        for _ in 0..SWEEP_PER_PUT {
            let Some((&tick, key)) = self.order.first_key_value() else {
                return;
            };
            if self.map.get(key).is_some_and(|e| e.2 > now_ms) {
                return;
            }
            let key = key.clone();
            self.order.remove(&tick);
            self.map.remove(&key);
        }
    }

    fn remove(&mut self, key: &str) {
        if let Some((_, tick, _)) = self.map.remove(key) {
            self.order.remove(&tick);
        }
    }

    fn len(&self) -> usize {
        self.map.len()
    }

    fn key_bytes(&self) -> usize {
        self.map.keys().map(String::len).sum()
    }
}

/// Work in flight per key (password checks per address and per account), per process: a guard
/// holds a place in each of its keys until it is dropped. Entries exist only while something is
/// in flight, so the map is as large as the requests being served.
#[derive(Default)]
pub struct InFlight {
    map: Mutex<HashMap<String, u32>>,
}

/// Places held in [`InFlight`], given back on drop.
pub struct InFlightGuard {
    owner: Arc<InFlight>,
    keys: Vec<String>,
}

impl InFlight {
    /// A place in every key of `keys` (each with its own maximum), or `None` when any is full.
    pub fn try_enter(self: &Arc<Self>, keys: &[(&str, u32)]) -> Option<InFlightGuard> {
        let mut map = self.map.lock().expect("in-flight lock");
        if keys
            .iter()
            .any(|(k, max)| map.get(*k).copied().unwrap_or(0) >= *max)
        {
            return None;
        }
        for (k, _) in keys {
            *map.entry((*k).to_string()).or_insert(0) += 1;
        }
        Some(InFlightGuard {
            owner: self.clone(),
            keys: keys.iter().map(|(k, _)| (*k).to_string()).collect(),
        })
    }

    /// Keys with something in flight.
    pub fn len(&self) -> usize {
        self.map.lock().expect("in-flight lock").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        let mut map = self.owner.map.lock().expect("in-flight lock");
        for k in &self.keys {
            if let Some(n) = map.get_mut(k) {
                *n -= 1;
                if *n == 0 {
                    map.remove(k);
                }
            }
        }
    }
}

const BUCKET_LUA: &str = r#"
local cap = tonumber(ARGV[1])
local rate = cap / 60000.0
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(h[1])
local at = tonumber(h[2])
if tokens == nil then tokens = cap; at = now end
tokens = math.min(cap, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.max(1, math.ceil((1 - tokens) / rate)) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 61000)
return wait
"#;

/// [`throttle_acquire`] (`ARGV[1]` = `acquire`, with the limit and cap) or [`throttle_refund`]
/// (`refund`) on one key, atomically: Redis runs one script at a time.
const THROTTLE_LUA: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'ws', 'n', 'bu', 'pen')
local ws = tonumber(h[1]) or 0
local n = tonumber(h[2]) or 0
local bu = tonumber(h[3]) or 0
local pen = tonumber(h[4]) or 0
if ARGV[1] == 'refund' then
  if n > 0 and now < ws + 60000 then redis.call('HSET', KEYS[1], 'n', n - 1) end
  return 0
end
local limit = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
if now < bu then return bu - now end
local counted = n
if now >= ws + 60000 then counted = 0 end
if counted >= limit then
  if bu > 0 and now - bu < math.max(60000, pen) then
    pen = math.min(math.max(pen * 2, 1000), cap)
  else
    pen = math.min(math.max(ws + 60000 - now, 1000), cap)
  end
  bu = now + pen
  redis.call('HSET', KEYS[1], 'ws', bu, 'n', 0, 'bu', bu, 'pen', pen)
  redis.call('PEXPIRE', KEYS[1], pen + 60000 + math.max(60000, pen))
  return pen
end
if (n == 0 and ws <= now) or now >= ws + 60000 then ws = now; n = 0 end
n = n + 1
redis.call('HSET', KEYS[1], 'ws', ws, 'n', n, 'bu', bu, 'pen', pen)
redis.call('PEXPIRE', KEYS[1], math.max(ws + 60000, bu) - now + math.max(60000, pen))
return 0
"#;

/// The in-memory store: the only one on a single machine, and each replica's fallback while Redis
/// does not answer.
struct Memory {
    buckets: Mutex<Lru<Bucket>>,
    throttles: Mutex<Lru<Throttle>>,
}

impl Memory {
    fn new(keys: usize) -> Self {
        Memory {
            buckets: Mutex::new(Lru::new(keys)),
            throttles: Mutex::new(Lru::new(keys)),
        }
    }

    fn hit(&self, key: &str, limit_per_minute: u32) -> Option<i64> {
        let now = now_ms();
        let mut map = self.buckets.lock().expect("limiter lock");
        let (next, wait) = bucket_step(map.get(key, now), now, limit_per_minute);
        map.put(key, next, bucket_expiry(&next), now);
        wait
    }

    fn acquire(&self, key: &str, limit_per_minute: u32, cap_ms: i64) -> Option<i64> {
        let now = now_ms();
        let mut map = self.throttles.lock().expect("limiter lock");
        let state = map.get(key, now).unwrap_or_default();
        let (next, wait) = throttle_acquire(state, now, limit_per_minute, cap_ms);
        if next != state {
            map.put(key, next, throttle_expiry(&next), now);
        }
        wait
    }

    fn refund(&self, key: &str) {
        let now = now_ms();
        let mut map = self.throttles.lock().expect("limiter lock");
        if let Some(state) = map.get(key, now) {
            let next = throttle_refund(state, now);
            if next != state {
                map.put(key, next, throttle_expiry(&next), now);
            }
        }
    }

    fn clear(&self, key: &str) {
        self.throttles.lock().expect("limiter lock").remove(key);
    }
}

enum Backend {
    Memory(Memory),
    Redis {
        conn: ConnectionManager,
        prefix: String,
        bucket: redis::Script,
        throttle: redis::Script,
        /// Each call bounded; after a failure Redis is skipped for a while.
        breaker: crate::breaker::Breaker,
        /// This replica's limits while Redis does not answer (not shared: per replica).
        fallback: Memory,
    },
}

pub struct Limiter {
    backend: Backend,
    /// Password checks in flight, per replica whatever the backend (they run on this process).
    in_flight: Arc<InFlight>,
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A Redis call of the limiter may take this long; then it is answered from memory.
pub const REDIS_CALL_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(50);
/// After a failed or slow call, Redis is not asked again for this long.
pub const REDIS_COOL_DOWN: std::time::Duration = std::time::Duration::from_secs(5);

impl Limiter {
    pub fn memory() -> Self {
        Self::memory_with_capacity(MAX_MEMORY_KEYS)
    }

    /// An in-memory limiter holding at most `keys` keys of each kind.
    pub fn memory_with_capacity(keys: usize) -> Self {
        Limiter {
            backend: Backend::Memory(Memory::new(keys)),
            in_flight: Arc::default(),
        }
    }

    /// Keys held in memory (general limit, throttle); `None` for Redis.
    pub fn memory_keys(&self) -> Option<(usize, usize)> {
        match &self.backend {
            Backend::Memory(m) => Some((
                m.buckets.lock().expect("limiter lock").len(),
                m.throttles.lock().expect("limiter lock").len(),
            )),
            Backend::Redis { .. } => None,
        }
    }

    /// Bytes of key text held in memory by both kinds; `None` for Redis. Each key is at most
    /// [`MAX_KEY_BYTES`] (longer ones are hashed), so this is bounded by the key count.
    pub fn memory_key_bytes(&self) -> Option<usize> {
        match &self.backend {
            Backend::Memory(m) => Some(
                m.buckets.lock().expect("limiter lock").key_bytes()
                    + m.throttles.lock().expect("limiter lock").key_bytes(),
            ),
            Backend::Redis { .. } => None,
        }
    }

    /// Connect to Redis. `prefix` namespaces the keys (tests use one per test).
    pub async fn redis(url: &str, prefix: &str) -> Result<Self> {
        let client = redis::Client::open(url)?;
        let conn = ConnectionManager::new(client).await?;
        Ok(Limiter {
            backend: Backend::Redis {
                conn,
                prefix: prefix.to_string(),
                bucket: redis::Script::new(BUCKET_LUA),
                throttle: redis::Script::new(THROTTLE_LUA),
                breaker: crate::breaker::Breaker::new(
                    "rate limiter's Redis",
                    REDIS_CALL_TIMEOUT,
                    REDIS_COOL_DOWN,
                ),
                fallback: Memory::new(MAX_MEMORY_KEYS),
            },
            in_flight: Arc::default(),
        })
    }

    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Redis { .. })
    }

    /// Whether Redis is being skipped for now (its calls answered from memory).
    pub fn on_fallback(&self) -> bool {
        match &self.backend {
            Backend::Memory(_) => false,
            Backend::Redis { breaker, .. } => breaker.is_open(),
        }
    }

    /// The password checks in flight on this process.
    pub fn in_flight(&self) -> &Arc<InFlight> {
        &self.in_flight
    }

    /// Whether the shared store answers (`/ready`), within a second; the in-memory limiter always
    /// does.
    pub async fn ping(&self) -> Result<()> {
        match &self.backend {
            Backend::Memory(_) => Ok(()),
            Backend::Redis { conn, .. } => {
                let mut conn = conn.clone();
                let cmd = redis::cmd("PING");
                let ping = cmd.query_async::<String>(&mut conn);
                match tokio::time::timeout(std::time::Duration::from_secs(1), ping).await {
                    Ok(r) => r.map(|_| ()).map_err(Into::into),
                    Err(_) => anyhow::bail!("Redis did not answer PING within a second"),
                }
            }
        }
    }

    /// One request for the general limit. `Ok(None)` lets it through; `Ok(Some(ms))` refuses it.
    pub async fn hit(&self, key: &str, limit_per_minute: u32) -> Result<Option<i64>> {
        if limit_per_minute == 0 {
            return Ok(None);
        }
        let key = bounded_key(key);
        match &self.backend {
            Backend::Memory(m) => Ok(m.hit(&key, limit_per_minute)),
            Backend::Redis {
                conn,
                prefix,
                bucket,
                breaker,
                fallback,
                ..
            } => {
                let mut c = conn.clone();
                let mut script = bucket.key(format!("{prefix}rl:{key}"));
                script.arg(limit_per_minute);
                let call = script.invoke_async::<i64>(&mut c);
                Ok(match breaker.call(call).await {
                    Some(wait) => (wait > 0).then_some(wait),
                    None => fallback.hit(&key, limit_per_minute),
                })
            }
        }
    }

    /// One attempt for `key`, checked and counted in one step. `Ok(Some(ms))` refuses it for
    /// `ms` (and counts nothing); `Ok(None)` lets it go ahead, counted.
    pub async fn acquire(
        &self,
        key: &str,
        limit_per_minute: u32,
        cap_ms: i64,
    ) -> Result<Option<i64>> {
        if limit_per_minute == 0 {
            return Ok(None);
        }
        let key = bounded_key(key);
        match &self.backend {
            Backend::Memory(m) => Ok(m.acquire(&key, limit_per_minute, cap_ms)),
            Backend::Redis {
                conn,
                prefix,
                throttle,
                breaker,
                fallback,
                ..
            } => {
                let mut c = conn.clone();
                let mut script = throttle.key(format!("{prefix}th:{key}"));
                script.arg("acquire").arg(limit_per_minute).arg(cap_ms);
                let call = script.invoke_async::<i64>(&mut c);
                Ok(match breaker.call(call).await {
                    Some(wait) => (wait > 0).then_some(wait),
                    None => fallback.acquire(&key, limit_per_minute, cap_ms),
                })
            }
        }
    }

    /// Give back one attempt counted by [`Limiter::acquire`] that turned out not to be one.
    pub async fn refund(&self, key: &str) -> Result<()> {
        let key = bounded_key(key);
        match &self.backend {
            Backend::Memory(m) => m.refund(&key),
            Backend::Redis {
                conn,
                prefix,
                throttle,
                breaker,
                fallback,
                ..
            } => {
                let mut c = conn.clone();
                let mut script = throttle.key(format!("{prefix}th:{key}"));
                script.arg("refund");
                let call = script.invoke_async::<i64>(&mut c);
                if breaker.call(call).await.is_none() {
                    fallback.refund(&key);
                }
            }
        }
        Ok(())
    }

    /// Forget a key's attempts (a successful login clears its account's counter).
    pub async fn clear(&self, key: &str) -> Result<()> {
        let key = bounded_key(key);
        match &self.backend {
            Backend::Memory(m) => m.clear(&key),
            Backend::Redis {
                conn,
                prefix,
                breaker,
                fallback,
                ..
            } => {
                let mut c = conn.clone();
                let mut cmd = redis::cmd("DEL");
                cmd.arg(format!("{prefix}th:{key}"));
                let call = cmd.query_async::<i64>(&mut c);
                // (Cleared in memory too: the fallback may have counted it during an outage.)
                fallback.clear(&key);
                let _ = breaker.call(call).await;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_allows_the_burst_then_refills() {
        let mut s = None;
        for i in 0..3 {
            let (n, w) = bucket_step(s, 0, 3);
            assert_eq!(w, None, "request {i}");
            s = Some(n);
        }
        let (n, w) = bucket_step(s, 0, 3);
        assert_eq!(w, Some(20_000)); // one token every 20 s at 3/min
        let (_, w) = bucket_step(Some(n), 20_000, 3);
        assert_eq!(w, None);
    }

    /// `n` counted attempts at `at`, each checked first; returns the state and the first wait.
    fn attempts(mut s: Throttle, n: u32, at: i64, limit: u32, cap: i64) -> (Throttle, Option<i64>) {
        for _ in 0..n {
            let (next, wait) = throttle_check(s, at, limit, cap);
            s = next;
            if wait.is_some() {
                return (s, wait);
            }
            s = throttle_count(s, at);
        }
        (s, None)
    }

    #[test]
    fn throttle_refuses_until_the_minute_ends_and_knocking_changes_nothing() {
        let cap = 60_000;
        let (s, w) = attempts(Throttle::default(), 2, 1_000, 2, cap);
        assert_eq!(w, None);
        // third attempt at t=11 s: wait until the window (started at 1 s) ends at 61 s
        let (s, w) = throttle_check(s, 11_000, 2, cap);
        assert_eq!(w, Some(50_000));
        // attempts while refused neither extend nor change the refusal
        for t in [12_000, 30_000, 60_999] {
            let (n, w) = throttle_check(s, t, 2, cap);
            assert_eq!(n, s);
            assert_eq!(w, Some(61_000 - t));
        }
        // the client that waited as told gets through, with a fresh window
        let (s, w) = throttle_check(s, 61_000, 2, cap);
        assert_eq!(w, None);
        let s = throttle_count(s, 61_000);
        assert_eq!(s.count, 1);
    }

    #[test]
    fn throttle_doubles_a_refusal_that_follows_soon_and_forgets_after_a_quiet_spell() {
        let cap = 900_000;
        let (s, w) = attempts(Throttle::default(), 3, 0, 2, cap);
        assert_eq!(w, Some(60_000));
        // as soon as the refusal ends, two more failures and the next refusal is twice as long
        let (s, w) = attempts(s, 3, 60_000, 2, cap);
        assert_eq!(w, Some(120_000));
        let (s, w) = attempts(s, 3, 180_000, 2, cap);
        assert_eq!(w, Some(240_000));
        // capped
        let mut s = s;
        let mut at = 420_000;
        for _ in 0..5 {
            let (n, w) = attempts(s, 3, at, 2, cap);
            assert!(w.unwrap() <= cap);
            s = n;
            at = s.blocked_until_ms;
        }
        assert_eq!(s.penalty_ms, cap);
        // after a quiet spell longer than the last refusal, the next one starts small again
        let later = s.blocked_until_ms + cap + 1;
        let (_, w) = attempts(s, 3, later, 2, cap);
        assert_eq!(w, Some(60_000));
    }

    #[test]
    fn ipv6_clients_count_per_64() {
        let a: std::net::IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: std::net::IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let c: std::net::IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        assert_eq!(address_key(a), "2001:db8:1:2::/64");
        assert_eq!(
            address_key("::ffff:192.0.2.7".parse().unwrap()),
            "192.0.2.7"
        );
        assert_eq!(address_key("192.0.2.7".parse().unwrap()), "192.0.2.7");
    }

    #[test]
    fn lru_evicts_the_least_recent_key_never_all() {
        let far = i64::MAX;
        let mut m: Lru<u32> = Lru::new(3);
        m.put("a", 1, far, 0);
        m.put("b", 2, far, 0);
        m.put("c", 3, far, 0);
        m.put("a", 10, far, 0); // a is now the most recent
        m.put("d", 4, far, 0); // evicts b
        assert_eq!(m.len(), 3);
        assert_eq!(m.get("b", 0), None);
        assert_eq!(
            (m.get("a", 0), m.get("c", 0), m.get("d", 0)),
            (Some(10), Some(3), Some(4))
        );
        for i in 0..1000 {
            m.put(&format!("k{i}"), i, far, 0);
        }
        assert_eq!(m.len(), 3);
        assert_eq!(m.get("k999", 0), Some(999));
        m.remove("k999");
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn idle_entries_expire() {
        let mut m: Lru<u32> = Lru::new(100);
        for i in 0..10 {
            m.put(&format!("old{i}"), i, 1_000, 0);
        }
        // read after its expiry, an entry is absent
        assert_eq!(m.get("old0", 999), Some(0));
        assert_eq!(m.get("old0", 1_000), None);
        // writes sweep expired entries from the least recent end
        for i in 0..3 {
            m.put(&format!("new{i}"), i, 10_000, 2_000);
        }
        assert_eq!(m.len(), 3, "the ten idle entries are gone");
    }

    #[test]
    fn acquire_counts_in_the_same_step_and_refund_gives_back() {
        let cap = 60_000;
        let mut s = Throttle::default();
        for _ in 0..3 {
            let (n, w) = throttle_acquire(s, 1_000, 3, cap);
            assert_eq!(w, None);
            s = n;
        }
        assert_eq!(s.count, 3);
        let (refused, w) = throttle_acquire(s, 2_000, 3, cap);
        assert_eq!(w, Some(59_000));
        // a refund before the refusal lets one more through
        let back = throttle_refund(s, 2_000);
        assert_eq!(back.count, 2);
        assert_eq!(throttle_acquire(back, 2_000, 3, cap).1, None);
        // a refund never undoes a refusal already started, nor goes below zero
        assert_eq!(throttle_refund(refused, 3_000), refused);
        assert_eq!(throttle_refund(Throttle::default(), 0).count, 0);
        // expiry: after the window and the "soon after" spell
        // (the next window starts when the refusal ends at 61 s, so 121 s, plus a minute)
        assert_eq!(throttle_expiry(&refused), 181_000);
    }

    #[test]
    fn long_keys_are_hashed_to_a_fixed_size() {
        let long = "x".repeat(1_000_000);
        let k = bounded_key(&long);
        assert_eq!(k.len(), 66);
        assert_eq!(bounded_key("login-ip:192.0.2.1"), "login-ip:192.0.2.1");
        assert_ne!(bounded_key(&long), bounded_key(&"x".repeat(999_999)));
    }

    #[tokio::test]
    async fn memory_limiter_keeps_a_block_under_a_flood_of_new_keys() {
        let l = Limiter::memory_with_capacity(100);
        assert_eq!(l.acquire("victim", 1, 60_000).await.unwrap(), None);
        assert!(l.acquire("victim", 1, 60_000).await.unwrap().is_some());
        // a flood of new keys evicts old idle keys, not the whole table
        for i in 0..98 {
            l.acquire(&format!("k{i}"), 1, 60_000).await.unwrap();
        }
        assert!(l.acquire("victim", 1, 60_000).await.unwrap().is_some());
        for i in 0..500 {
            l.acquire(&format!("n{i}"), 1, 60_000).await.unwrap();
        }
        assert_eq!(l.memory_keys(), Some((0, 100)));
        // a megabyte of key costs what a short one does
        for i in 0..50 {
            l.acquire(&format!("{i}{}", "u".repeat(1 << 20)), 1, 60_000)
                .await
                .unwrap();
        }
        assert_eq!(l.memory_keys(), Some((0, 100)));
    }

    #[tokio::test]
    async fn memory_limiter_acquire_refund_and_clear() {
        let l = Limiter::memory();
        assert_eq!(l.acquire("k", 1, 60_000).await.unwrap(), None);
        l.refund("k").await.unwrap();
        assert_eq!(l.acquire("k", 1, 60_000).await.unwrap(), None);
        assert!(l.acquire("k", 1, 60_000).await.unwrap().is_some());
        l.clear("k").await.unwrap();
        assert_eq!(l.acquire("k", 1, 60_000).await.unwrap(), None);
        assert_eq!(l.hit("u", 0).await.unwrap(), None);
    }

    #[test]
    fn in_flight_places_are_bounded_per_key_and_given_back() {
        let f = Arc::new(InFlight::default());
        let a = f.try_enter(&[("ip", 2), ("acct", 1)]).unwrap();
        assert!(
            f.try_enter(&[("ip", 2), ("acct", 1)]).is_none(),
            "account full"
        );
        let b = f.try_enter(&[("ip", 2), ("other", 1)]).unwrap();
        assert!(
            f.try_enter(&[("ip", 2), ("third", 1)]).is_none(),
            "address full"
        );
        drop(a);
        assert!(f.try_enter(&[("ip", 2), ("acct", 1)]).is_some());
        drop(b);
        assert!(f.is_empty(), "nothing kept once nothing is in flight");
    }
}

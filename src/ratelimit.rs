//! Rate limits and login throttling (decision F12; api-contract §1.8).
//!
//! Two mechanisms over one store: a token bucket per key for the general limit, and an attempt
//! counter per key with a doubling refusal for login throttling. The state lives in memory
//! (bounded, pruned) on one machine, or in Redis when `REDIS_URL` is set, so replicas share it.
//! The Redis scripts implement exactly the state machines of [`bucket_step`] and
//! [`throttle_step`], with the server's clock.

use std::collections::HashMap;
use std::sync::Mutex;

use anyhow::Result;
use redis::aio::ConnectionManager;

/// Keys kept in memory at most; when full, idle entries are pruned first and, failing that, the
/// table is cleared (a limiter may forget, it must not grow without bound).
const MAX_MEMORY_KEYS: usize = 200_000;
const WINDOW_MS: i64 = 60_000;

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
    pub window_start_ms: i64,
    pub count: u32,
    pub blocked_until_ms: i64,
    pub penalty_ms: i64,
}

/// One attempt. Over the limit, the first refusal waits until the minute is over; every further
/// attempt while refused doubles the wait, up to `cap_ms`. Returns the new state and the wait.
pub fn throttle_step(
    state: Throttle,
    now_ms: i64,
    limit: u32,
    cap_ms: i64,
) -> (Throttle, Option<i64>) {
    let mut s = state;
    if now_ms < s.blocked_until_ms {
        s.penalty_ms = (s.penalty_ms * 2).clamp(1000, cap_ms);
        s.blocked_until_ms = now_ms + s.penalty_ms;
        return (s, Some(s.penalty_ms));
    }
    if s.count == 0 || now_ms >= s.window_start_ms + WINDOW_MS {
        s = Throttle {
            window_start_ms: now_ms,
            ..Throttle::default()
        };
    }
    s.count += 1;
    if s.count > limit {
        s.penalty_ms = (s.window_start_ms + WINDOW_MS - now_ms).clamp(1000, cap_ms);
        s.blocked_until_ms = now_ms + s.penalty_ms;
        return (s, Some(s.penalty_ms));
    }
    (s, None)
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

const THROTTLE_LUA: &str = r#"
local limit = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'ws', 'n', 'bu', 'pen')
local ws = tonumber(h[1]) or 0
local n = tonumber(h[2]) or 0
local bu = tonumber(h[3]) or 0
local pen = tonumber(h[4]) or 0
local wait = 0
if now < bu then
  pen = math.min(math.max(pen * 2, 1000), cap)
  bu = now + pen
  wait = pen
else
  if n == 0 or now >= ws + 60000 then ws = now; n = 0; bu = 0; pen = 0 end
  n = n + 1
  if n > limit then
    pen = math.min(math.max(ws + 60000 - now, 1000), cap)
    bu = now + pen
    wait = pen
  end
end
redis.call('HSET', KEYS[1], 'ws', ws, 'n', n, 'bu', bu, 'pen', pen)
redis.call('PEXPIRE', KEYS[1], math.max(bu - now, ws + 60000 - now) + cap + 1000)
return wait
"#;

const REFUND_LUA: &str = r#"
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if n > 0 then redis.call('HSET', KEYS[1], 'n', n - 1) end
return 0
"#;

enum Backend {
    Memory {
        buckets: Mutex<HashMap<String, Bucket>>,
        throttles: Mutex<HashMap<String, Throttle>>,
    },
    Redis {
        conn: ConnectionManager,
        prefix: String,
        bucket: redis::Script,
        throttle: redis::Script,
        refund: redis::Script,
    },
}

pub struct Limiter {
    backend: Backend,
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn prune<V>(map: &mut HashMap<String, V>, stale: impl Fn(&V) -> bool) {
    if map.len() < MAX_MEMORY_KEYS {
        return;
    }
    map.retain(|_, v| !stale(v));
    if map.len() >= MAX_MEMORY_KEYS {
        map.clear();
    }
}

impl Limiter {
    pub fn memory() -> Self {
        Limiter {
            backend: Backend::Memory {
                buckets: Mutex::new(HashMap::new()),
                throttles: Mutex::new(HashMap::new()),
            },
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
                refund: redis::Script::new(REFUND_LUA),
            },
        })
    }

    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Redis { .. })
    }

    /// One request for the general limit. `Ok(None)` lets it through; `Ok(Some(ms))` refuses it.
    pub async fn hit(&self, key: &str, limit_per_minute: u32) -> Result<Option<i64>> {
        if limit_per_minute == 0 {
            return Ok(None);
        }
        match &self.backend {
            Backend::Memory { buckets, .. } => {
                let now = now_ms();
                let mut map = buckets.lock().expect("limiter lock");
                prune(&mut map, |b: &Bucket| now - b.at_ms > WINDOW_MS);
                let (next, wait) = bucket_step(map.get(key).copied(), now, limit_per_minute);
                map.insert(key.to_string(), next);
                Ok(wait)
            }
            Backend::Redis {
                conn,
                prefix,
                bucket,
                ..
            } => {
                let mut c = conn.clone();
                let wait: i64 = bucket
                    .key(format!("{prefix}rl:{key}"))
                    .arg(limit_per_minute)
                    .invoke_async(&mut c)
                    .await?;
                Ok((wait > 0).then_some(wait))
            }
        }
    }

    /// One login attempt for `key`. `Ok(Some(ms))` refuses it.
    pub async fn attempt(
        &self,
        key: &str,
        limit_per_minute: u32,
        cap_ms: i64,
    ) -> Result<Option<i64>> {
        if limit_per_minute == 0 {
            return Ok(None);
        }
        match &self.backend {
            Backend::Memory { throttles, .. } => {
                let now = now_ms();
                let mut map = throttles.lock().expect("limiter lock");
                prune(&mut map, |t: &Throttle| {
                    now > t.blocked_until_ms && now > t.window_start_ms + WINDOW_MS
                });
                let (next, wait) = throttle_step(
                    map.get(key).copied().unwrap_or_default(),
                    now,
                    limit_per_minute,
                    cap_ms,
                );
                map.insert(key.to_string(), next);
                Ok(wait)
            }
            Backend::Redis {
                conn,
                prefix,
                throttle,
                ..
            } => {
                let mut c = conn.clone();
                let wait: i64 = throttle
                    .key(format!("{prefix}th:{key}"))
                    .arg(limit_per_minute)
                    .arg(cap_ms)
                    .invoke_async(&mut c)
                    .await?;
                Ok((wait > 0).then_some(wait))
            }
        }
    }

    /// Give back one counted attempt (a successful login does not count).
    pub async fn refund(&self, key: &str) -> Result<()> {
        match &self.backend {
            Backend::Memory { throttles, .. } => {
                if let Some(t) = throttles.lock().expect("limiter lock").get_mut(key) {
                    t.count = t.count.saturating_sub(1);
                }
                Ok(())
            }
            Backend::Redis {
                conn,
                prefix,
                refund,
                ..
            } => {
                let mut c = conn.clone();
                let _: i64 = refund
                    .key(format!("{prefix}th:{key}"))
                    .invoke_async(&mut c)
                    .await?;
                Ok(())
            }
        }
    }

    /// Forget a key's attempts (a successful login clears its account's counter).
    pub async fn clear(&self, key: &str) -> Result<()> {
        match &self.backend {
            Backend::Memory { throttles, .. } => {
                throttles.lock().expect("limiter lock").remove(key);
                Ok(())
            }
            Backend::Redis { conn, prefix, .. } => {
                let mut c = conn.clone();
                let _: i64 = redis::cmd("DEL")
                    .arg(format!("{prefix}th:{key}"))
                    .query_async(&mut c)
                    .await?;
                Ok(())
            }
        }
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

    #[test]
    fn throttle_refuses_until_the_minute_ends_then_doubles() {
        let cap = 60_000;
        let mut s = Throttle::default();
        for i in 0..2 {
            let (n, w) = throttle_step(s, 1_000 + i, 2, cap);
            assert_eq!(w, None);
            s = n;
        }
        // third attempt at t=11 s: wait until the window (started at 1 s) ends at 61 s
        let (n, w) = throttle_step(s, 11_000, 2, cap);
        assert_eq!(w, Some(50_000));
        // an attempt while refused doubles the wait, capped
        let (n, w) = throttle_step(n, 12_000, 2, cap);
        assert_eq!(w, Some(60_000));
        let (n, w) = throttle_step(n, 13_000, 2, 900_000);
        assert_eq!(w, Some(120_000));
        // after the refusal ends, a fresh window starts
        let (_, w) = throttle_step(n, 13_000 + 120_000, 2, cap);
        assert_eq!(w, None);
    }

    #[tokio::test]
    async fn memory_limiter_refund_and_clear() {
        let l = Limiter::memory();
        assert_eq!(l.attempt("k", 1, 60_000).await.unwrap(), None);
        l.refund("k").await.unwrap();
        assert_eq!(l.attempt("k", 1, 60_000).await.unwrap(), None);
        assert!(l.attempt("k", 1, 60_000).await.unwrap().is_some());
        l.clear("k").await.unwrap();
        assert_eq!(l.attempt("k", 1, 60_000).await.unwrap(), None);
        assert_eq!(l.hit("u", 0).await.unwrap(), None);
    }
}

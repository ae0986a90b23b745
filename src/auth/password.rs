//! Password hashing (decision C4): bcrypt compatible with the old service, Argon2id on request.
//! Hashing never runs on the async runtime: each job gets its own short-lived OS thread at lower
//! scheduling priority, and a fair semaphore bounds how many run at once, so a login storm
//! cannot starve the threads that serve other requests.

use std::sync::Arc;

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use sha2::Digest;
use tokio::sync::{Semaphore, oneshot};

use crate::config::PasswordHashKind;

/// Why a stored hash could not be checked (answered as the login's "error occurred" 401).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("unrecognised password hash format")]
    UnknownFormat,
    #[error("malformed password hash: {0}")]
    Malformed(String),
    #[error(transparent)]
    Busy(#[from] Busy),
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Failed(String),
    #[error(transparent)]
    Busy(#[from] Busy),
}

/// Too many hashes are already waiting: answered at once (429) rather than after a wait that
/// would outlast the request timeout.
#[derive(Debug, thiserror::Error)]
#[error("too many password checks are waiting")]
pub struct Busy;

/// Hashes that may wait for a permit, per permit: with bcrypt-12 (about 0.25 s a hash) and two
/// permits, a queue of 16 waits at most about two seconds.
pub const QUEUE_PER_PERMIT: usize = 8;

#[derive(Clone)]
pub struct PasswordHasherPool {
    kind: PasswordHashKind,
    bcrypt_cost: u32,
    permits: Arc<Semaphore>,
    /// Hashes waiting for a permit, and how many may.
    waiting: Arc<std::sync::atomic::AtomicUsize>,
    max_waiting: usize,
    /// Hashes of random passwords, verified for unknown usernames so a login takes as long
    /// whether or not the account exists (see [`DummyMix`]).
    dummies: Arc<std::sync::RwLock<DummyMix>>,
    /// The sequence number of the newest mix asked for; an older one finishing later is dropped.
    mix_seq: Arc<std::sync::atomic::AtomicU64>,
}

/// What a stored hash costs to check: bcrypt at its cost, or Argon2id (this binary's parameters,
/// the only ones it writes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashClass {
    Bcrypt(u32),
    Argon2id,
}

impl HashClass {
    /// The class of a stored hash from its first seven characters (`$2b$12$`, `$argon2`).
    pub fn of_prefix(prefix: &str) -> Option<HashClass> {
        if prefix.starts_with("$argon2") {
            return Some(HashClass::Argon2id);
        }
        let rest = prefix.strip_prefix("$2")?;
        let cost = rest.get(2..4)?.parse::<u32>().ok()?;
        (rest.get(1..2) == Some("$") && (4..=31).contains(&cost)).then_some(HashClass::Bcrypt(cost))
    }

    fn of_setting(kind: PasswordHashKind, bcrypt_cost: u32) -> HashClass {
        match kind {
            PasswordHashKind::Bcrypt => HashClass::Bcrypt(bcrypt_cost),
            PasswordHashKind::Argon2id => HashClass::Argon2id,
        }
    }

    fn dummy(self) -> String {
        let password = crate::auth::new_one_time_token();
        let h = match self {
            HashClass::Bcrypt(cost) => hash_sync(PasswordHashKind::Bcrypt, cost, &password),
            HashClass::Argon2id => hash_sync(PasswordHashKind::Argon2id, 0, &password),
        };
        h.expect("hashing a random password")
    }
}

/// The dummy hashes for unknown usernames, one per class of stored hash, weighted by how many
/// accounts have that class. An unknown username is checked against the class its
/// keyed hash picks, so it behaves, every time, like an account with some real stored hash, and
/// unknown usernames are spread over the classes as the accounts are: after a change of
/// `PASSWORD_HASH` (argon2id over older bcrypt-12 accounts) an unknown username no longer answers
/// in the new kind's time while existing ones take the old kind's.
struct DummyMix {
    key: String,
    /// (class, dummy hash, cumulative weight)
    classes: Vec<(HashClass, String, u64)>,
}

impl DummyMix {
    fn pick(&self, username: &str) -> (HashClass, &str) {
        let total = self.classes.last().map_or(1, |c| c.2).max(1);
        let digest = sha2::Sha256::digest(format!("dummy\0{}\0{username}", self.key).as_bytes());
        let mut n = [0u8; 8];
        n.copy_from_slice(&digest[..8]);
        let at = u64::from_le_bytes(n) % total;
        let c = self
            .classes
            .iter()
            .find(|c| at < c.2)
            .unwrap_or(&self.classes[0]);
        (c.0, c.1.as_str())
    }
}

impl PasswordHasherPool {
    pub fn new(kind: PasswordHashKind, bcrypt_cost: u32, concurrency: usize) -> Self {
        let class = HashClass::of_setting(kind, bcrypt_cost);
        let dummy = class.dummy();
        PasswordHasherPool {
            kind,
            bcrypt_cost,
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            waiting: Arc::default(),
            max_waiting: concurrency.max(1) * QUEUE_PER_PERMIT,
            dummies: Arc::new(std::sync::RwLock::new(DummyMix {
                key: String::new(),
                classes: vec![(class, dummy, 1)],
            })),
            mix_seq: Arc::default(),
        }
    }

    /// Learn the stored hashes' mix (`(first seven characters, accounts)`, as
    /// `store::users::hash_classes` counts them): a dummy hash per class, made on the hashing
    /// threads, weighted by its accounts; the configured class always has a weight of at least
    /// one. `key` keeps the pick of a class per username unpredictable.
    pub async fn learn_mix(&self, key: &str, counts: &[(String, i64)]) -> Result<(), Busy> {
        use std::sync::atomic::Ordering;
        let seq = self.mix_seq.fetch_add(1, Ordering::AcqRel) + 1;
        let mut weights: Vec<(HashClass, u64)> = Vec::new();
        for (prefix, n) in counts {
            let Some(class) = HashClass::of_prefix(prefix) else {
                continue;
            };
            match weights.iter_mut().find(|w| w.0 == class) {
                Some(w) => w.1 += (*n).max(0) as u64,
                None => weights.push((class, (*n).max(0) as u64)),
            }
        }
        let configured = HashClass::of_setting(self.kind, self.bcrypt_cost);
        match weights.iter_mut().find(|w| w.0 == configured) {
            Some(w) => w.1 = w.1.max(1),
            None => weights.push((configured, 1)),
        }
        weights.retain(|w| w.1 > 0);
        let mut classes = Vec::with_capacity(weights.len());
        let mut total = 0;
        for (class, weight) in weights {
            let existing = self
                .dummies
                .read()
                .expect("dummy lock")
                .classes
                .iter()
                .find(|c| c.0 == class)
                .map(|c| c.1.clone());
            let dummy = match existing {
                Some(d) => d,
                None => self.run(move || class.dummy()).await?,
            };
            total += weight;
            classes.push((class, dummy, total));
        }
        let mut mix = self.dummies.write().expect("dummy lock");
        // A newer mix was asked for meanwhile: it wins.
        if self.mix_seq.load(Ordering::Acquire) == seq {
            *mix = DummyMix {
                key: key.to_string(),
                classes,
            };
        }
        Ok(())
    }

    /// The class of stored hash an unknown `username` is checked as.
    pub fn dummy_class(&self, username: &str) -> HashClass {
        self.dummies.read().expect("dummy lock").pick(username).0
    }

    /// Run `f` on its own thread once a permit is free. The permit moves into the thread and is
    /// released only when `f` has finished: a caller that goes away (a client disconnecting drops
    /// the request future) leaves the hash running and its permit held, so the bound counts the
    /// hashes really running, not the requests still waiting for them. When
    /// [`QUEUE_PER_PERMIT`] per permit are already waiting, the job is refused at once.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        /// One place in the queue, given back however the wait ends (a caller that goes away
        /// drops this future).
        struct Waiting<'a>(&'a AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::AcqRel);
            }
        }
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.max_waiting {
                    self.waiting.fetch_sub(1, Ordering::AcqRel);
                    return Err(Busy);
                }
                let _waiting = Waiting(&self.waiting);
                self.permits
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("semaphore never closed")
            }
        };
        let (tx, rx) = oneshot::channel();
        std::thread::Builder::new()
            .name("password-hash".into())
            .spawn(move || {
                lower_thread_priority();
                let out = f();
                // Released before the answer, so a caller that got it sees its permit back.
                drop(permit);
                let _ = tx.send(out);
            })
            .expect("spawning a hashing thread");
        Ok(rx.await.expect("hashing thread panicked"))
    }

    /// Permits free right now (`HASH_CONCURRENCY` minus the hashes running).
    pub fn available_permits(&self) -> usize {
        self.permits.available_permits()
    }

    /// Hash a new password with the configured kind.
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let (kind, cost) = (self.kind, self.bcrypt_cost);
        self.run(move || hash_sync(kind, cost, &password)).await?
    }

    /// Check `password` against a stored bcrypt or Argon2id hash, whatever the setting.
    pub async fn verify(&self, password: String, hash: String) -> Result<bool, VerifyError> {
        self.run(move || verify_sync(&password, &hash)).await?
    }

    /// Burn the same time as a real check, for a username that does not exist: the time of a
    /// stored hash of the class this username picks from the mix.
    pub async fn verify_dummy(&self, username: &str, password: String) -> Result<(), Busy> {
        let h = self
            .dummies
            .read()
            .expect("dummy lock")
            .pick(username)
            .1
            .to_string();
        self.run(move || verify_sync(&password, &h)).await.map(drop)
    }
}

/// The 72-byte rule of api-contract §4.4: bcrypt sees at most the first 72 bytes.
fn bcrypt_input(password: &str) -> &[u8] {
    let b = password.as_bytes();
    &b[..b.len().min(72)]
}

pub fn hash_sync(kind: PasswordHashKind, cost: u32, password: &str) -> Result<String, HashError> {
    match kind {
        PasswordHashKind::Bcrypt => {
            bcrypt::hash(bcrypt_input(password), cost).map_err(|e| HashError::Failed(e.to_string()))
        }
        PasswordHashKind::Argon2id => Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| HashError::Failed(e.to_string())),
    }
}

pub fn verify_sync(password: &str, hash: &str) -> Result<bool, VerifyError> {
    if hash.starts_with("$2") {
        bcrypt::verify(bcrypt_input(password), hash)
            .map_err(|e| VerifyError::Malformed(e.to_string()))
    } else if hash.starts_with("$argon2") {
        let parsed =
            argon2::PasswordHash::new(hash).map_err(|e| VerifyError::Malformed(e.to_string()))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    } else {
        Err(VerifyError::UnknownFormat)
    }
}

#[cfg(target_os = "linux")]
fn lower_thread_priority() {
    // On Linux the nice value is per thread: this only affects the hashing thread.
    // SAFETY: nice(2) has no memory-safety preconditions.
    unsafe {
        libc::nice(10);
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_thread_priority() {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors from ../shared/fixtures/README.md, made by the old service.
    #[test]
    fn old_service_bcrypt_hashes_verify() {
        let h = "$2b$12$kFgEewbG5kTTgh5.yqGoB.uRHUsv9ywuNUcjR6KgQnpnfcZo6mI.q";
        assert!(verify_sync("Sunny-Panel-2024!", h).unwrap());
        assert!(!verify_sync("sunny-panel-2024!", h).unwrap());
        let long = "é".repeat(40);
        let h2 = "$2b$12$.Uid1ZpuRtegpygn8eUEWOiwky5Qw.zxATGsynq61Y8CM0WZ.VOgu";
        assert!(verify_sync(&long, h2).unwrap());
        // only the first 72 bytes count: 36 × "é" is exactly those bytes
        assert!(verify_sync(&"é".repeat(36), h2).unwrap());
        assert!(!verify_sync(&"é".repeat(35), h2).unwrap());
    }

    #[test]
    fn both_kinds_verify_whatever_the_setting() {
        let b = hash_sync(PasswordHashKind::Bcrypt, 4, "correct horse").unwrap();
        assert!(b.starts_with("$2b$04$"));
        let a = hash_sync(PasswordHashKind::Argon2id, 4, "correct horse").unwrap();
        assert!(a.starts_with("$argon2id$"));
        for h in [&b, &a] {
            assert!(verify_sync("correct horse", h).unwrap());
            assert!(!verify_sync("wrong horse", h).unwrap());
        }
        assert!(matches!(
            verify_sync("x", "plaintext"),
            Err(VerifyError::UnknownFormat)
        ));
        assert!(verify_sync("x", "$2b$12$short").is_err());
    }

    #[tokio::test]
    async fn pool_hashes_off_the_runtime() {
        let pool = PasswordHasherPool::new(PasswordHashKind::Bcrypt, 4, 2);
        let h = pool.hash("pw-123456".into()).await.unwrap();
        assert!(pool.verify("pw-123456".into(), h.clone()).await.unwrap());
        assert!(!pool.verify("nope".into(), h).await.unwrap());
        pool.verify_dummy("nobody", "anything".into())
            .await
            .unwrap();
    }

    #[test]
    fn hash_classes_from_prefixes() {
        assert_eq!(HashClass::of_prefix("$2b$12$"), Some(HashClass::Bcrypt(12)));
        assert_eq!(HashClass::of_prefix("$2a$10$"), Some(HashClass::Bcrypt(10)));
        assert_eq!(HashClass::of_prefix("$2y$04$"), Some(HashClass::Bcrypt(4)));
        assert_eq!(HashClass::of_prefix("$argon2"), Some(HashClass::Argon2id));
        for bad in ["$2b$99$", "plain", "$2b$1x$", "", "$2"] {
            assert_eq!(HashClass::of_prefix(bad), None, "{bad}");
        }
    }

    /// Unknown usernames spread over the stored classes by their weight, each always the same.
    #[tokio::test]
    async fn unknown_usernames_follow_the_stored_mix() {
        let pool = PasswordHasherPool::new(PasswordHashKind::Argon2id, 4, 2);
        assert_eq!(pool.dummy_class("x"), HashClass::Argon2id);
        pool.learn_mix(
            "k",
            &[
                ("$2b$05$".into(), 9),
                ("$2b$05$".into(), 9),
                ("junk".into(), 5),
            ],
        )
        .await
        .unwrap();
        let names: Vec<String> = (0..400).map(|i| format!("user{i}@example.com")).collect();
        let bcrypt = names
            .iter()
            .filter(|n| pool.dummy_class(n) == HashClass::Bcrypt(5))
            .count();
        // 18 bcrypt accounts against the configured argon2id's weight of one
        assert!(bcrypt > 340, "{bcrypt} of 400");
        assert!(
            names
                .iter()
                .all(|n| pool.dummy_class(n) == pool.dummy_class(n))
        );
        assert!(
            names
                .iter()
                .any(|n| pool.dummy_class(n) == HashClass::Argon2id)
        );
    }

    /// With every permit taken and the queue full, a job is refused at once instead of waiting.
    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        let pool = PasswordHasherPool::new(PasswordHashKind::Bcrypt, 4, 1);
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let (started_tx, started_rx) = oneshot::channel::<()>();
        let p = pool.clone();
        let running = tokio::spawn(async move {
            p.run(move || {
                let _ = started_tx.send(());
                let _ = release_rx.recv();
            })
            .await
        });
        started_rx.await.unwrap();
        let mut queued = Vec::new();
        for _ in 0..QUEUE_PER_PERMIT {
            let p = pool.clone();
            queued.push(tokio::spawn(async move { p.run(|| ()).await }));
        }
        while pool.waiting.load(std::sync::atomic::Ordering::Acquire) < QUEUE_PER_PERMIT {
            tokio::task::yield_now().await;
        }
        assert!(matches!(pool.run(|| ()).await, Err(Busy)));
        assert!(matches!(
            pool.verify("x".into(), "$2b$04$x".into()).await,
            Err(VerifyError::Busy(_))
        ));
        release_tx.send(()).unwrap();
        running.await.unwrap().unwrap();
        for q in queued {
            q.await.unwrap().unwrap();
        }
        assert_eq!(pool.waiting.load(std::sync::atomic::Ordering::Acquire), 0);
        pool.run(|| ()).await.unwrap();
    }

    /// A caller that goes away (its future dropped while the hash runs) does not free the
    /// permit: with concurrency 1, the next hash waits for the abandoned one to finish.
    #[tokio::test]
    async fn an_abandoned_hash_keeps_its_permit_until_it_finishes() {
        let pool = PasswordHasherPool::new(PasswordHashKind::Bcrypt, 4, 1);
        assert_eq!(pool.available_permits(), 1);
        let (started_tx, started_rx) = oneshot::channel::<()>();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let (finished_tx, finished_rx) = oneshot::channel::<()>();
        let p = pool.clone();
        let caller = tokio::spawn(async move {
            p.run(move || {
                let _ = started_tx.send(());
                let _ = release_rx.recv();
                let _ = finished_tx.send(());
            })
            .await
        });
        started_rx.await.unwrap();
        // The client disconnects: the request future is dropped while the hash runs.
        caller.abort();
        assert!(caller.await.unwrap_err().is_cancelled());
        assert_eq!(
            pool.available_permits(),
            0,
            "the running hash still holds its permit"
        );
        let second = pool.run(|| ());
        tokio::pin!(second);
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(50), &mut second)
                .await
                .is_err(),
            "a second hash cannot start while the abandoned one runs"
        );
        release_tx.send(()).unwrap();
        finished_rx.await.unwrap();
        second.await.unwrap();
        assert_eq!(pool.available_permits(), 1);
    }
}

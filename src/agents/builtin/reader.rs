//! Where the built-in provider reads questions: off the async workers, a bounded number at a
//! time, with the lexicon built once per data version and each conversation's last reading kept,
//! so that a follow-up ("and Spain?") reads the previous question's reading instead of parsing
//! it again (twenty concurrent turns re-reading 24 kB of history on the async
//! workers held an unrelated `/health/ping` for seconds).
//!
//! A question is read word by word against every phrase and near spelling of the lexicon: CPU
//! work that grows with the text. It runs in `spawn_blocking`, at most one reading per core but
//! one (never fewer than one) at a time, so request handling keeps a core; and a question is read
//! only up to [`understand::MAX_WORDS`] words (a longer one is declined as too long).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use super::understand::{self, Lexicon, Question};
use crate::tools::vocab::Vocabulary;

/// Conversations whose last reading is kept; the least recently read are forgotten first.
const READINGS: usize = 4096;

/// The lexicon of one vocabulary, with a generation number for the readings made with it.
struct Built {
    vocabulary: Arc<Vocabulary>,
    generation: u64,
    lexicon: Arc<Lexicon>,
}

/// A conversation's last question as read: the hash of its text and the lexicon generation.
struct Reading {
    text: u64,
    generation: u64,
    question: Arc<Question>,
    used: u64,
}

pub struct Reader {
    built: Mutex<Option<Built>>,
    generations: AtomicU64,
    readings: Mutex<HashMap<i64, Reading>>,
    clock: AtomicU64,
    hasher: RandomState,
    permits: Semaphore,
    /// Questions read so far (for the tests: a follow-up reads one, not two).
    reads: AtomicU64,
    /// The thread of the last reading (for the tests: never the async worker's).
    #[cfg(test)]
    last_thread: Arc<Mutex<Option<std::thread::ThreadId>>>,
}

impl Default for Reader {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Reader::with_permits(cores.saturating_sub(1).max(1))
    }
}

/// A question and, for a follow-up, the previous question, as read.
pub struct Read {
    pub question: Question,
    pub previous: Option<Arc<Question>>,
}

impl Reader {
    pub fn with_permits(permits: usize) -> Reader {
        Reader {
            built: Mutex::new(None),
            generations: AtomicU64::new(0),
            readings: Mutex::new(HashMap::new()),
            clock: AtomicU64::new(0),
            hasher: RandomState::new(),
            permits: Semaphore::new(permits),
            reads: AtomicU64::new(0),
            #[cfg(test)]
            last_thread: Default::default(),
        }
    }

    /// How many questions were read word by word.
    pub fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }

    /// Read `text`, the question of `conversation`, and `previous` (the conversation's previous
    /// question, for a follow-up): the previous one from the kept reading when it is the one
    /// kept; the question is kept for the next follow-up.
    pub async fn read(
        &self,
        vocabulary: &Arc<Vocabulary>,
        conversation: i64,
        text: &str,
        previous: Option<&str>,
    ) -> Read {
        let _permit = self.permits.acquire().await.expect("reader semaphore");
        let (generation, lexicon) = self.lexicon(vocabulary).await;
        let kept = previous.and_then(|p| self.recall(conversation, generation, p));
        let unread_previous = match (&kept, previous) {
            (None, Some(p)) => Some(p.to_owned()),
            _ => None,
        };
        let owned = text.to_owned();
        let counted = 1 + u64::from(unread_previous.is_some());
        #[cfg(test)]
        let last_thread = self.last_thread.clone();
        let (question, read_previous) = tokio::task::spawn_blocking(move || {
            #[cfg(test)]
            {
                *last_thread.lock().unwrap() = Some(std::thread::current().id());
            }
            let q = understand::understand(&owned, &lexicon);
            let p = unread_previous.map(|p| understand::understand(&p, &lexicon));
            (q, p)
        })
        .await
        .expect("reading a question does not panic");
        self.reads.fetch_add(counted, Ordering::Relaxed);
        self.keep(conversation, generation, text, &question);
        Read {
            question,
            previous: kept.or(read_previous.map(Arc::new)),
        }
    }

    /// Read `texts` (the older questions of a chain of follow-ups) off the async workers.
    pub async fn read_all(
        &self,
        vocabulary: &Arc<Vocabulary>,
        texts: Vec<String>,
    ) -> Vec<Question> {
        if texts.is_empty() {
            return Vec::new();
        }
        let _permit = self.permits.acquire().await.expect("reader semaphore");
        let (_, lexicon) = self.lexicon(vocabulary).await;
        let n = texts.len() as u64;
        let read = tokio::task::spawn_blocking(move || {
            texts
                .iter()
                .map(|t| understand::understand(t, &lexicon))
                .collect()
        })
        .await
        .expect("reading a question does not panic");
        self.reads.fetch_add(n, Ordering::Relaxed);
        read
    }

    /// The lexicon of `vocabulary`, built off the async workers when the data changed.
    async fn lexicon(&self, vocabulary: &Arc<Vocabulary>) -> (u64, Arc<Lexicon>) {
        if let Some(b) = &*self.built.lock().expect("reader lexicon")
            && Arc::ptr_eq(&b.vocabulary, vocabulary)
        {
            return (b.generation, b.lexicon.clone());
        }
        let v = vocabulary.clone();
        let lexicon = tokio::task::spawn_blocking(move || Arc::new(Lexicon::new(&v)))
            .await
            .expect("building the lexicon does not panic");
        let generation = self.generations.fetch_add(1, Ordering::Relaxed) + 1;
        *self.built.lock().expect("reader lexicon") = Some(Built {
            vocabulary: vocabulary.clone(),
            generation,
            lexicon: lexicon.clone(),
        });
        (generation, lexicon)
    }

    fn recall(&self, conversation: i64, generation: u64, text: &str) -> Option<Arc<Question>> {
        let hash = self.hasher.hash_one(text);
        let mut readings = self.readings.lock().expect("reader readings");
        let r = readings.get_mut(&conversation)?;
        (r.text == hash && r.generation == generation).then(|| {
            r.used = self.clock.fetch_add(1, Ordering::Relaxed);
            r.question.clone()
        })
    }

    fn keep(&self, conversation: i64, generation: u64, text: &str, question: &Question) {
        let reading = Reading {
            text: self.hasher.hash_one(text),
            generation,
            question: Arc::new(question.clone()),
            used: self.clock.fetch_add(1, Ordering::Relaxed),
        };
        let mut readings = self.readings.lock().expect("reader readings");
        readings.insert(conversation, reading);
        if readings.len() > READINGS {
            // Forget the least recently used half at once: one pass per READINGS/2 turns.
            let mut ages: Vec<u64> = readings.values().map(|r| r.used).collect();
            let (_, median, _) = ages.select_nth_unstable(READINGS / 2);
            let cut = *median;
            readings.retain(|_, r| r.used > cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Arc<Vocabulary> {
        Arc::new(super::super::tests::vocab())
    }

    #[tokio::test]
    async fn a_follow_up_reads_the_kept_reading_of_the_previous_question() {
        let reader = Reader::with_permits(1);
        let v = vocabulary();
        let first = "Cumulative capacity of Italy in 2022";
        let r = reader.read(&v, 7, first, None).await;
        assert!(r.previous.is_none());
        assert_eq!(reader.reads(), 1);
        let r = reader.read(&v, 7, "and Spain?", Some(first)).await;
        assert_eq!(reader.reads(), 2, "the previous question is not read again");
        let p = r.previous.expect("the previous reading");
        assert!(p.spans.iter().any(|s| s.text == "italy"));
        // Another conversation, or a previous text that is not the kept one, is read.
        reader.read(&v, 8, "and Germany?", Some(first)).await;
        assert_eq!(reader.reads(), 4);
        reader
            .read(&v, 7, "and France?", Some("Annual capacity of Spain"))
            .await;
        assert_eq!(reader.reads(), 6);
        // New data: the kept readings were made with the old lexicon and are read again.
        let v2 = vocabulary();
        reader.read(&v2, 7, "and 2023?", Some("and France?")).await;
        assert_eq!(reader.reads(), 8);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn questions_are_read_off_the_async_worker() {
        // On a current-thread runtime the test's thread is the only async worker: a reading done
        // there would hold every other task until it ended.
        let reader = Reader::with_permits(1);
        let v = vocabulary();
        let long = "solar italy 2022 ".repeat(understand::MAX_WORDS / 3);
        let r = reader.read(&v, 1, &long, Some("Italy 2021")).await;
        assert!(r.previous.is_some() && reader.reads() == 2);
        let on = reader.last_thread.lock().unwrap().expect("a reading");
        assert_ne!(on, std::thread::current().id());
    }

    #[tokio::test]
    async fn kept_readings_are_bounded() {
        let reader = Reader::with_permits(1);
        let v = vocabulary();
        for c in 0..(READINGS as i64 + 10) {
            reader.read(&v, c, "Italy 2022", None).await;
        }
        let n = reader.readings.lock().unwrap().len();
        assert!((READINGS / 2..=READINGS).contains(&n), "{n}");
        // the most recently read are kept, the oldest forgotten
        assert!(
            reader
                .recall(READINGS as i64 + 9, 1, "Italy 2022")
                .is_some()
        );
        assert!(reader.recall(0, 1, "Italy 2022").is_none());
    }
}

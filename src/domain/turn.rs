//! How a chat turn ends (decision F7), decided once for a turn that ends on its own replica and
//! for an orphan another replica finalises after its process died: a turn with no content at all
//! is refunded (the query is given back, nothing is stored but the failure), one that failed
//! after some content keeps what it had with a notice, and one that finished is answered.

/// The user's words for a turn that produced nothing.
pub const SORRY: &str = "Sorry, the agent could not answer this question. It was not counted against your monthly queries. Please try again.";
/// Appended to a partial answer.
pub const INTERRUPTED: &str = "\n\n*The answer was interrupted by an error.*";
/// The stream's `error` event of a refunded turn.
pub const NO_ANSWER: &str = "Agent error: no answer was produced";
/// The stream's `error` event of a partial answer.
pub const INCOMPLETE: &str = "Agent error: the answer is incomplete";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The agent finished: the answer is stored and the stream ends with `done`.
    Answered,
    /// It failed before any content: refunded, [`SORRY`] shown, no answer stored.
    Refunded,
    /// It failed after some content: kept with [`INTERRUPTED`], the stream ends with an error.
    Partial,
}

impl Ending {
    /// How a turn ends that `failed` (or not) having produced content (or not).
    pub fn of(failed: bool, has_content: bool) -> Ending {
        match (failed, has_content) {
            (false, _) => Ending::Answered,
            (true, false) => Ending::Refunded,
            (true, true) => Ending::Partial,
        }
    }

    /// The query is given back.
    pub fn refunds(self) -> bool {
        self == Ending::Refunded
    }

    /// The turn's stored status.
    pub fn status(self) -> &'static str {
        match self {
            Ending::Answered => "done",
            Ending::Refunded | Ending::Partial => "error",
        }
    }

    /// The text shown after what the user already saw, if any.
    pub fn notice(self) -> Option<&'static str> {
        match self {
            Ending::Answered => None,
            Ending::Refunded => Some(SORRY),
            Ending::Partial => Some(INTERRUPTED),
        }
    }

    /// The stream's closing `error` message, if it ends with one.
    pub fn error(self) -> Option<&'static str> {
        match self {
            Ending::Answered => None,
            Ending::Refunded => Some(NO_ANSWER),
            Ending::Partial => Some(INCOMPLETE),
        }
    }

    /// Whether the answer's rows are stored (a refunded turn stores none).
    pub fn keeps_answer(self) -> bool {
        self != Ending::Refunded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        let cases = [
            // failed, content: ending, refunds, status, notice, error, keeps
            (
                false,
                true,
                Ending::Answered,
                false,
                "done",
                None,
                None,
                true,
            ),
            (
                false,
                false,
                Ending::Answered,
                false,
                "done",
                None,
                None,
                true,
            ),
            (
                true,
                false,
                Ending::Refunded,
                true,
                "error",
                Some(SORRY),
                Some(NO_ANSWER),
                false,
            ),
            (
                true,
                true,
                Ending::Partial,
                false,
                "error",
                Some(INTERRUPTED),
                Some(INCOMPLETE),
                true,
            ),
        ];
        for (failed, content, ending, refunds, status, notice, error, keeps) in cases {
            let e = Ending::of(failed, content);
            assert_eq!(e, ending, "{failed} {content}");
            assert_eq!(
                (
                    e.refunds(),
                    e.status(),
                    e.notice(),
                    e.error(),
                    e.keeps_answer()
                ),
                (refunds, status, notice, error, keeps),
                "{e:?}"
            );
        }
    }
}

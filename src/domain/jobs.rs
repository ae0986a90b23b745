//! The background jobs' names: what the scheduler runs, the leases record and the metrics label.

pub const MONTHLY_RESET: &str = "monthly_reset";
pub const DELETION_PURGE: &str = "deletion_purge";
pub const EMPTY_CONVERSATIONS: &str = "empty_conversation_cleanup";
pub const CLEANUP: &str = "cleanup";
pub const ALL: [&str; 4] = [MONTHLY_RESET, DELETION_PURGE, EMPTY_CONVERSATIONS, CLEANUP];

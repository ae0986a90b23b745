//! Chat turns: orchestration, the event stream and its persistence.

pub mod sse;

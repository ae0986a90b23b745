//! Chat turns: orchestration, the event stream and its persistence.

pub mod hub;
pub mod recorder;
pub mod sse;
pub mod streams;
pub mod turn;

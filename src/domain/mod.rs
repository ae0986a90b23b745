//! Pure rules, no I/O. Each decision is one function with a table-driven test, called from every
//! place that needs it.

pub mod access;
pub mod agents;
pub mod analytics;
pub mod conversation;
pub mod gdpr;
pub mod jobs;
pub mod market;
pub mod net;
pub mod plans;
pub mod records;
pub mod throttle;
pub mod time;
pub mod trial;
pub mod turn;
pub mod user;

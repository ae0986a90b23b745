//! Solar Intelligence: the backend of an AI market-intelligence platform for the solar PV
//! industry. Data flows one way: HTTP → domain → store.

pub mod agents;
pub mod app;
pub mod auth;
pub mod breaker;
pub mod cache;
pub mod chat;
pub mod config;
pub mod data;
pub mod doctor;
pub mod domain;
pub mod dotenv;
pub mod events;
pub mod http;
pub mod jobs;
pub mod llm;
pub mod mail;
pub mod metrics;
pub mod notify;
pub mod ratelimit;
pub mod residency;
pub mod store;
pub mod tools;

pub use app::{App, AppState, Overrides};
pub use config::Settings;

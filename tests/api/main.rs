//! The one integration-test binary. Every `db_test!` runs on SQLite, and on PostgreSQL when
//! `TEST_DATABASE_URL` is set (CI sets it).

#[macro_use]
pub mod support;

mod admin;
mod admin_analytics;
mod admins_audit;
mod agent_access;
mod agent_management;
mod analytic;
mod answer_rendering;
mod auth;
mod backup;
mod bounds;
mod breach;
mod cache;
mod changes_ranked_and_plain_words;
mod chat;
mod chat_guards;
mod chat_turn;
mod cli;
mod compat;
mod conversations;
mod current_app;
mod data_answers;
mod decisions;
mod dictated_and_stories;
mod edge;
mod faults;
mod figure_check;
mod gdpr;
mod hardening;
mod headers;
mod ingest;
mod jobs;
mod layers;
mod leads;
mod limits;
mod lists_dates_and_groups;
mod llm_rules;
mod metrics;
mod profile;
mod public_forms;
mod questions;
mod regions_quarters_and_asides;
mod replicas;
mod routes;
mod security;
mod sizes;
mod sums_halves_and_slips;
mod survey;
mod understanding;
mod uploads;
mod waitlist;
mod web;
mod wire;

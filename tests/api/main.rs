//! The one integration-test binary. Every `db_test!` runs on SQLite, and on PostgreSQL when
//! `TEST_DATABASE_URL` is set (CI sets it).

#[macro_use]
pub mod support;

mod auth;
mod cli;
mod compat;
mod edge;
mod jobs;
mod limits;
mod profile;
mod waitlist;
mod wire;

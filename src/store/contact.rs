//! `fastapi_contact_request`: requests to be contacted by an expert.

use chrono::NaiveDateTime;

use super::Db;
use crate::on_db;

pub struct NewContactRequest<'a> {
    pub user_id: i32,
    pub name: &'a str,
    pub email: &'a str,
    pub message: &'a str,
    pub selected_experts: Option<&'a str>,
    pub now: NaiveDateTime,
}

/// Store a request from the artifact panel, pending.
pub async fn insert(db: &Db, r: &NewContactRequest<'_>) -> Result<i32, sqlx::Error> {
    on_db!(db, |p| {
        sqlx::query_scalar(
        "INSERT INTO fastapi_contact_request (user_id, name, email, company, phone, message, source, status, \
           selected_experts, created_at) \
         VALUES ($1, $2, $3, NULL, NULL, $4, 'artifact_panel', 'pending', $5, $6) RETURNING id"
    )
    .bind(r.user_id)
    .bind(r.name)
    .bind(r.email)
    .bind(r.message)
    .bind(r.selected_experts)
    .bind(r.now)
    .fetch_all(p)
    .await
    })
    .and_then(super::one)
}

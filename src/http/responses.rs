//! Response bodies shared by several resources.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// `{"message": "..."}`: the answer of most operations that change something.
#[derive(Serialize, ToSchema)]
pub struct MessageResponse {
    message: String,
}

pub fn message(m: &str) -> Json<MessageResponse> {
    Json(MessageResponse {
        message: m.to_string(),
    })
}

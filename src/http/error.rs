//! The one error type of the HTTP layer: every failure becomes the contract's `{"detail": ...}`
//! body (api-contract §1.4). Unexpected failures carry their cause only as far as the edge
//! middleware, which logs it with the request id and answers the generic 500.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::middleware::RequestId;
use crate::auth::password::{Busy, HashError};
use crate::store::DbError;

/// One entry of a 422 `detail` array (decision C2).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub kind: &'static str,
    pub loc: Vec<Value>,
    pub msg: String,
    pub input: Value,
    pub ctx: Option<Value>,
}

impl FieldError {
    pub fn to_json(&self) -> Value {
        let mut v =
            json!({"type": self.kind, "loc": self.loc, "msg": self.msg, "input": self.input});
        if let Some(ctx) = &self.ctx {
            v["ctx"] = ctx.clone();
        }
        v
    }

    pub fn missing(loc: Vec<Value>, input: Value) -> Self {
        FieldError {
            kind: "missing",
            loc,
            msg: "Field required".into(),
            input,
            ctx: None,
        }
    }
    pub fn string_type(loc: Vec<Value>, input: Value) -> Self {
        FieldError {
            kind: "string_type",
            loc,
            msg: "Input should be a valid string".into(),
            input,
            ctx: None,
        }
    }
    pub fn too_short(loc: Vec<Value>, input: Value, min: usize) -> Self {
        let unit = if min == 1 { "character" } else { "characters" };
        FieldError {
            kind: "string_too_short",
            loc,
            msg: format!("String should have at least {min} {unit}"),
            input,
            ctx: Some(json!({"min_length": min})),
        }
    }
    pub fn too_long(loc: Vec<Value>, input: Value, max: usize) -> Self {
        FieldError {
            kind: "string_too_long",
            loc,
            msg: format!("String should have at most {max} characters"),
            input,
            ctx: Some(json!({"max_length": max})),
        }
    }
    /// pydantic's `max_length` on a list: `List should have at most 20 items after validation,
    /// not 21`.
    pub fn list_too_long(loc: Vec<Value>, input: Value, max: usize, actual: usize) -> Self {
        let unit = if max == 1 { "item" } else { "items" };
        FieldError {
            kind: "too_long",
            loc,
            msg: format!("List should have at most {max} {unit} after validation, not {actual}"),
            input,
            ctx: Some(json!({"field_type": "List", "max_length": max, "actual_length": actual})),
        }
    }
}

/// Why a request failed, as the client will see it.
#[derive(Debug)]
pub enum ApiError {
    /// A status with a string `detail`.
    Detail {
        status: StatusCode,
        detail: String,
        www_authenticate: bool,
        retry_after: Option<u64>,
    },
    /// A status with a structured `detail` (the chat quota 429).
    DetailValue { status: StatusCode, detail: Value },
    /// 422 with the pydantic-style array.
    Validation(Vec<FieldError>),
    /// Anything unexpected: 500, cause logged, never sent.
    Internal(anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError::Detail {
            status,
            detail: detail.into(),
            www_authenticate: false,
            retry_after: None,
        }
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }
    /// 401 with `WWW-Authenticate: Bearer`.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        ApiError::Detail {
            status: StatusCode::UNAUTHORIZED,
            detail: detail.into(),
            www_authenticate: true,
            retry_after: None,
        }
    }
    pub fn credentials() -> Self {
        Self::unauthorized("Could not validate credentials")
    }
    pub fn too_many(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        ApiError::Detail {
            status: StatusCode::TOO_MANY_REQUESTS,
            detail: detail.into(),
            www_authenticate: false,
            retry_after: Some(retry_after_secs.max(1)),
        }
    }
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(e.into()).or_unavailable()
    }
    /// 503 with `Retry-After`: the database is unreachable.
    pub fn unavailable() -> Self {
        use crate::store::health::{RETRY_AFTER_SECONDS, UNAVAILABLE};
        ApiError::Detail {
            status: StatusCode::SERVICE_UNAVAILABLE,
            detail: UNAVAILABLE.into(),
            www_authenticate: false,
            retry_after: Some(RETRY_AFTER_SECONDS),
        }
    }
    /// An unexpected failure that is an unreachable database becomes the 503 (an answer the
    /// fixed-failure details of `ResultExt` pass through); anything else stays as it is.
    fn or_unavailable(self) -> Self {
        match self {
            ApiError::Internal(cause) if is_unreachable(&cause) => {
                tracing::warn!(error = %format!("{cause:#}"), "database unreachable");
                ApiError::unavailable()
            }
            other => other,
        }
    }
    pub fn validation(e: FieldError) -> Self {
        ApiError::Validation(vec![e])
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Internal(e.into()).or_unavailable()
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::Internal(e).or_unavailable()
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        ApiError::Internal(e.into()).or_unavailable()
    }
}

/// Whether an unexpected failure is a database that cannot be reached (refused, hung, the pool
/// timed out): an outage, not a fault of the request.
fn is_unreachable(cause: &anyhow::Error) -> bool {
    cause.chain().any(|c| {
        c.downcast_ref::<sqlx::Error>()
            .or(match c.downcast_ref::<DbError>() {
                Some(DbError::Other(e)) => Some(e),
                _ => None,
            })
            .is_some_and(crate::store::health::is_unreachable)
    })
}

impl From<HashError> for ApiError {
    fn from(e: HashError) -> Self {
        match e {
            HashError::Busy(b) => b.into(),
            failed => ApiError::Internal(failed.into()),
        }
    }
}

/// The password-hash queue is full: a fast 429 instead of a wait past the request
/// timeout.
impl From<Busy> for ApiError {
    fn from(_: Busy) -> Self {
        ApiError::too_many(BUSY, 1)
    }
}

/// The detail of a 429 for a full password-hash queue: the general limit's.
pub const BUSY: &str = "Too many requests. Please try again later.";

/// How a handler answers a failure the contract gives a fixed answer for (api-contract §1.4,
/// "Fixed failure details"). Only an unexpected failure (what would otherwise be the generic 500)
/// is replaced, and its cause is logged; an error that is already an answer (404, 422, ...)
/// passes through unchanged, so the calls chain:
///
/// ```ignore
/// store::admin::delete_user(..).await
///     .on_conflict(|| ApiError::bad_request("Cannot delete user due to database constraints"))
///     .or_400("Failed to delete user")?;
/// ```
pub trait ResultExt<T>: Sized {
    /// An unexpected failure answers `status` with `detail`.
    fn or_fail(self, status: StatusCode, detail: impl Into<String>) -> ApiResult<T>;

    /// An unexpected failure answers 400 with `detail` (kept for compatibility, §1.4).
    fn or_400(self, detail: impl Into<String>) -> ApiResult<T> {
        self.or_fail(StatusCode::BAD_REQUEST, detail)
    }

    /// An unexpected failure answers 400 `<prefix>: internal error (request id <rid>)`: the
    /// agent-access module's details, with the request id in place of the cause (decision F13).
    fn or_400_citing(self, prefix: &str, rid: &RequestId) -> ApiResult<T> {
        self.or_400(format!("{prefix}: internal error (request id {})", rid.0))
    }

    /// A write refused by a unique or foreign-key constraint answers `answer()`; any other
    /// failure stays unexpected.
    fn on_conflict(self, answer: impl FnOnce() -> ApiError) -> ApiResult<T>;
}

impl<T, E: Into<ApiError>> ResultExt<T> for Result<T, E> {
    fn or_fail(self, status: StatusCode, detail: impl Into<String>) -> ApiResult<T> {
        self.map_err(|e| match e.into() {
            ApiError::Internal(cause) => {
                let detail = detail.into();
                tracing::error!(error = %format!("{cause:#}"), %detail, "operation failed");
                ApiError::new(status, detail)
            }
            answered => answered,
        })
    }

    fn on_conflict(self, answer: impl FnOnce() -> ApiError) -> ApiResult<T> {
        self.map_err(|e| match e.into() {
            ApiError::Internal(cause) if is_conflict(&cause) => {
                tracing::warn!(error = %format!("{cause:#}"), "write refused by a constraint");
                answer()
            }
            other => other,
        })
    }
}

/// Whether an unexpected failure is a unique or foreign-key violation ([`DbError::Conflict`]).
fn is_conflict(cause: &anyhow::Error) -> bool {
    if let Some(DbError::Conflict(_)) = cause.downcast_ref::<DbError>() {
        return true;
    }
    match cause.downcast_ref::<sqlx::Error>() {
        Some(sqlx::Error::Database(d)) => d.is_unique_violation() || d.is_foreign_key_violation(),
        _ => false,
    }
}

/// Marker left on a 500 response for the edge middleware, which logs the cause with the request
/// id and writes the public body.
#[derive(Clone, Debug)]
pub struct InternalCause(pub String);

pub fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Detail {
                status,
                detail,
                www_authenticate,
                retry_after,
            } => {
                let mut r = json_response(status, &json!({ "detail": detail }));
                if www_authenticate {
                    r.headers_mut()
                        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                }
                if let Some(s) = retry_after {
                    r.headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(s));
                }
                r
            }
            ApiError::DetailValue { status, detail } => {
                json_response(status, &json!({ "detail": detail }))
            }
            ApiError::Validation(errors) => {
                let arr: Vec<Value> = errors.iter().map(FieldError::to_json).collect();
                json_response(StatusCode::UNPROCESSABLE_ENTITY, &json!({ "detail": arr }))
            }
            ApiError::Internal(e) => {
                let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
                r.extensions_mut().insert(InternalCause(format!("{e:#}")));
                r
            }
        }
    }
}

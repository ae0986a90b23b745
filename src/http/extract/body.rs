//! The request body before field validation: JSON syntax (422 `json_invalid`, answered before
//! authentication: api-contract §1.2), a body that could not be read, and the login form.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use serde_json::{Value, json};

use super::fields::Obj;
use crate::http::error::{ApiError, FieldError};

/// The request body as FastAPI saw it, before field validation. Syntax errors are answered at
/// once (422 `json_invalid`, before authentication: api-contract §1.2); field errors come later,
/// from [`JsonBody::object`], after authentication.
pub enum JsonBody {
    Missing,
    /// Sent with a non-JSON content type.
    NotJson(String),
    Json(Value),
}

fn is_json_content_type(headers: &HeaderMap) -> bool {
    match headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        // FastAPI parses a body without a content type as JSON.
        None => true,
        Some(ct) => {
            let mime = ct
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        }
    }
}

/// Character offset of a serde_json error, as Python's `json` module reports `pos`.
fn error_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            return offset + column.saturating_sub(1).min(l.chars().count());
        }
        offset += l.chars().count() + 1;
    }
    offset
}

/// The short parser message without serde's " at line L column C" suffix.
fn parser_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

impl JsonBody {
    pub fn parse(headers: &HeaderMap, bytes: &[u8]) -> Result<JsonBody, ApiError> {
        if bytes.is_empty() {
            return Ok(JsonBody::Missing);
        }
        if !is_json_content_type(headers) {
            return Ok(JsonBody::NotJson(
                String::from_utf8_lossy(bytes).into_owned(),
            ));
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return Err(json_invalid(
                    e.valid_up_to(),
                    "Invalid UTF-8 in request body",
                ));
            }
        };
        match serde_json::from_str::<Value>(text) {
            Ok(v) => Ok(JsonBody::Json(v)),
            Err(e) => Err(json_invalid(
                error_offset(text, e.line(), e.column()),
                &parser_message(&e),
            )),
        }
    }

    /// The body as an object whose fields the handler reads with [`Obj`]. A missing body, or one
    /// that is not a JSON object, is a 422 (api-contract §1.5).
    pub fn object(&self) -> Result<Obj<'_>, ApiError> {
        match self {
            JsonBody::Missing => Err(ApiError::validation(FieldError::missing(
                vec![json!("body")],
                Value::Null,
            ))),
            JsonBody::NotJson(s) => Err(model_attributes_type(Value::String(s.clone()))),
            JsonBody::Json(Value::Object(map)) => Ok(Obj::new(map, "body")),
            JsonBody::Json(other) => Err(model_attributes_type(other.clone())),
        }
    }
}

fn json_invalid(offset: usize, message: &str) -> ApiError {
    ApiError::validation(FieldError {
        kind: "json_invalid",
        loc: vec![json!("body"), json!(offset)],
        msg: "JSON decode error".into(),
        input: json!({}),
        ctx: Some(json!({ "error": message })),
    })
}

fn model_attributes_type(input: Value) -> ApiError {
    ApiError::validation(FieldError {
        kind: "model_attributes_type",
        loc: vec![json!("body")],
        msg: "Input should be a valid dictionary or object to extract fields from".into(),
        input,
        ctx: None,
    })
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(body_read_error)?;
        JsonBody::parse(&headers, &bytes)
    }
}

/// A body that could not be read: over the size limit (413) or broken off.
pub fn body_read_error(e: axum::extract::rejection::BytesRejection) -> ApiError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "Request body too large",
        )
    } else {
        ApiError::bad_request("Could not read request body")
    }
}

/// The OAuth2 password form of `POST /auth/login`: urlencoded or multipart fields.
pub struct FormFields(pub BTreeMap<String, String>);

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ct = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let mut fields = BTreeMap::new();
        if ct.starts_with("multipart/form-data") {
            let mut mp = axum::extract::Multipart::from_request(req, state)
                .await
                .map_err(|_| ApiError::bad_request("There was an error parsing the body"))?;
            while let Some(field) = mp
                .next_field()
                .await
                .map_err(|_| ApiError::bad_request("There was an error parsing the body"))?
            {
                let Some(name) = field.name().map(str::to_string) else {
                    continue;
                };
                if field.file_name().is_some() {
                    continue;
                }
                let text = field
                    .text()
                    .await
                    .map_err(|_| ApiError::bad_request("There was an error parsing the body"))?;
                fields.entry(name).or_insert(text);
            }
        } else if ct.starts_with("application/x-www-form-urlencoded") {
            let bytes = Bytes::from_request(req, state)
                .await
                .map_err(body_read_error)?;
            for (k, v) in form_urlencoded::parse(&bytes) {
                fields
                    .entry(k.into_owned())
                    .or_insert_with(|| v.into_owned());
            }
        }
        Ok(FormFields(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(ct: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(ct) = ct {
            h.insert(header::CONTENT_TYPE, ct.parse().unwrap());
        }
        h
    }

    fn err_json(e: ApiError) -> Value {
        match e {
            ApiError::Validation(v) => Value::Array(v.iter().map(FieldError::to_json).collect()),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn malformed_json_reports_the_character_offset() {
        let body = "{\"email\": \"a@b.c\",\n \"x\": }";
        let e = JsonBody::parse(&headers(Some("application/json")), body.as_bytes())
            .err()
            .unwrap();
        let v = err_json(e);
        assert_eq!(v[0]["type"], "json_invalid");
        assert_eq!(v[0]["loc"], json!(["body", 25]));
        assert_eq!(v[0]["input"], json!({}));
        assert!(v[0]["ctx"]["error"].is_string());
    }

    #[test]
    fn body_kinds() {
        assert!(matches!(
            JsonBody::parse(&headers(None), b"").unwrap(),
            JsonBody::Missing
        ));
        assert!(matches!(
            JsonBody::parse(&headers(Some("text/plain")), b"hi").unwrap(),
            JsonBody::NotJson(_)
        ));
        assert!(matches!(
            JsonBody::parse(&headers(None), b"{}").unwrap(),
            JsonBody::Json(_)
        ));
        let missing = err_json(JsonBody::Missing.object().err().unwrap());
        assert_eq!(
            missing,
            json!([{"type":"missing","loc":["body"],"msg":"Field required","input":null}])
        );
        let arr = err_json(JsonBody::Json(json!([1])).object().err().unwrap());
        assert_eq!(arr[0]["type"], "model_attributes_type");
    }
}

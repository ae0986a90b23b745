//! Extractors: the request body as the old service read it (JSON with pydantic-style 422s, the
//! login form), the authenticated user, and the client address.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, header, request::Parts};
use serde_json::{Map, Value, json};

use super::error::{ApiError, FieldError};
use crate::app::AppState;
use crate::auth::{jwt::Claims, sha256_hex};
use crate::domain::{plans, user::User};
use crate::store;

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

/// Field-by-field reading of a JSON object with the old service's coercions (api-contract §1.5).
/// Every failing field is collected; [`Obj::finish`] answers them together in one 422.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    loc: &'static str,
    errors: Vec<FieldError>,
}

impl<'a> Obj<'a> {
    pub fn new(map: &'a Map<String, Value>, loc: &'static str) -> Self {
        Obj {
            map,
            loc,
            errors: Vec::new(),
        }
    }

    fn loc_of(&self, field: &str) -> Vec<Value> {
        vec![json!(self.loc), json!(field)]
    }

    fn whole(&self) -> Value {
        Value::Object(self.map.clone())
    }

    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// A required string. Missing, `null` or non-string values are errors.
    pub fn req_str(&mut self, field: &str) -> String {
        match self.map.get(field) {
            None => {
                let e = FieldError::missing(self.loc_of(field), self.whole());
                self.push(e);
                String::new()
            }
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                let e = FieldError::string_type(self.loc_of(field), other.clone());
                self.push(e);
                String::new()
            }
        }
    }

    /// An optional string: absent or `null` is `None`.
    pub fn opt_str(&mut self, field: &str) -> Option<String> {
        match self.map.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                let e = FieldError::string_type(self.loc_of(field), other.clone());
                self.push(e);
                None
            }
        }
    }

    fn bool_value(&mut self, field: &str, v: &Value) -> Option<bool> {
        let parsed = match v {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => match n.as_f64() {
                Some(f) if f == 0.0 => Some(false),
                Some(f) if f == 1.0 => Some(true),
                _ => None,
            },
            Value::String(s) => match s.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" | "t" | "y" => Some(true),
                "false" | "0" | "no" | "off" | "f" | "n" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if parsed.is_none() {
            let (kind, msg) = match v {
                Value::String(_) | Value::Number(_) => (
                    "bool_parsing",
                    "Input should be a valid boolean, unable to interpret input",
                ),
                _ => ("bool_type", "Input should be a valid boolean"),
            };
            let e = FieldError {
                kind,
                loc: self.loc_of(field),
                msg: msg.into(),
                input: v.clone(),
                ctx: None,
            };
            self.push(e);
        }
        parsed
    }

    pub fn req_bool(&mut self, field: &str) -> bool {
        match self.map.get(field) {
            None => {
                let e = FieldError::missing(self.loc_of(field), self.whole());
                self.push(e);
                false
            }
            Some(v) => self.bool_value(field, v).unwrap_or(false),
        }
    }

    pub fn opt_bool(&mut self, field: &str, default: bool) -> bool {
        match self.map.get(field) {
            None => default,
            Some(v) => self.bool_value(field, v).unwrap_or(default),
        }
    }

    /// An optional list of strings: absent or `null` is `None`.
    pub fn opt_str_list(&mut self, field: &str) -> Option<Vec<String>> {
        match self.map.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    match it {
                        Value::String(s) => out.push(s.clone()),
                        other => {
                            let e = FieldError::string_type(
                                vec![json!(self.loc), json!(field), json!(i)],
                                other.clone(),
                            );
                            self.push(e);
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let e = FieldError {
                    kind: "list_type",
                    loc: self.loc_of(field),
                    msg: "Input should be a valid list".into(),
                    input: other.clone(),
                    ctx: None,
                };
                self.push(e);
                None
            }
        }
    }

    /// Whether `field` is present as a string (length rules apply only then).
    pub fn has_str(&self, field: &str) -> bool {
        self.map.get(field).is_some_and(Value::is_string)
    }

    /// A required list of strings.
    pub fn req_str_list(&mut self, field: &str) -> Vec<String> {
        if !self.map.contains_key(field) {
            let e = FieldError::missing(self.loc_of(field), self.whole());
            self.push(e);
            return Vec::new();
        }
        if self.map.get(field) == Some(&Value::Null) {
            let e = FieldError {
                kind: "list_type",
                loc: self.loc_of(field),
                msg: "Input should be a valid list".into(),
                input: Value::Null,
                ctx: None,
            };
            self.push(e);
            return Vec::new();
        }
        self.opt_str_list(field).unwrap_or_default()
    }

    /// An optional integer: JSON integers, floats without a fraction, and strings holding a
    /// decimal integer (query parameters are always strings).
    pub fn opt_int(&mut self, field: &str) -> Option<i64> {
        let v = self.map.get(field)?;
        let parsed = match v {
            Value::Null => return None,
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Ok(i),
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(f as i64),
                (None, Some(_)) => Err((
                    "int_from_float",
                    "Input should be a valid integer, got a number with a fractional part",
                )),
                _ => Err(("int_type", "Input should be a valid integer")),
            },
            Value::String(s) => s.trim().parse::<i64>().map_err(|_| {
                (
                    "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer",
                )
            }),
            _ => Err(("int_type", "Input should be a valid integer")),
        };
        match parsed {
            Ok(i) => Some(i),
            Err((kind, msg)) => {
                let e = FieldError {
                    kind,
                    loc: self.loc_of(field),
                    msg: msg.into(),
                    input: v.clone(),
                    ctx: None,
                };
                self.push(e);
                None
            }
        }
    }

    pub fn int_or(&mut self, field: &str, default: i64) -> i64 {
        self.opt_int(field).unwrap_or(default)
    }

    /// A required integer (`null` is not an integer).
    pub fn req_int(&mut self, field: &str) -> i64 {
        match self.map.get(field) {
            None => {
                let e = FieldError::missing(self.loc_of(field), self.whole());
                self.push(e);
                0
            }
            Some(Value::Null) => {
                let e = FieldError {
                    kind: "int_type",
                    loc: self.loc_of(field),
                    msg: "Input should be a valid integer".into(),
                    input: Value::Null,
                    ctx: None,
                };
                self.push(e);
                0
            }
            Some(_) => self.opt_int(field).unwrap_or(0),
        }
    }

    /// Whether `field` is present and not `null` (optional fields that are only applied then).
    pub fn is_set(&self, field: &str) -> bool {
        self.map.get(field).is_some_and(|v| !v.is_null())
    }

    /// An optional datetime: ISO-8601 with or without an offset (converted to naive UTC), or a
    /// plain date (api-contract §1.5).
    pub fn opt_datetime(&mut self, field: &str) -> Option<chrono::NaiveDateTime> {
        match self.map.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match parse_datetime(s) {
                Some(t) => Some(t),
                None => {
                    let e = FieldError {
                        kind: "datetime_parsing",
                        loc: self.loc_of(field),
                        msg: "Input should be a valid datetime, invalid datetime format".into(),
                        input: json!(s),
                        ctx: None,
                    };
                    self.push(e);
                    None
                }
            },
            Some(other) => {
                let e = FieldError {
                    kind: "datetime_type",
                    loc: self.loc_of(field),
                    msg: "Input should be a valid datetime".into(),
                    input: other.clone(),
                    ctx: None,
                };
                self.push(e);
                None
            }
        }
    }

    /// Column limit of a `VARCHAR(n)` (api-contract §1.5), counted in characters.
    pub fn max_chars(&mut self, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            let e = FieldError::too_long(self.loc_of(field), json!(value), max);
            self.push(e);
        }
    }

    pub fn min_chars(&mut self, field: &str, value: &str, min: usize) {
        if value.chars().count() < min {
            let e = FieldError::too_short(self.loc_of(field), json!(value), min);
            self.push(e);
        }
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }

    /// Answer these errors after an earlier one (a path parameter comes before the body).
    pub fn finish_after(self, earlier: Result<i64, FieldError>) -> Result<i64, ApiError> {
        match earlier {
            Ok(v) => self.finish().map(|()| v),
            Err(e) => {
                let mut all = vec![e];
                all.extend(self.errors);
                Err(ApiError::Validation(all))
            }
        }
    }
}

/// ISO-8601 date-times with or without an offset (an offset is converted to UTC), and plain
/// dates at midnight.
pub fn parse_datetime(s: &str) -> Option<chrono::NaiveDateTime> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.naive_utc());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// The query string as a map of strings (the last value of a repeated name wins, as in
/// Starlette), read with [`Obj`] at `loc ["query", ...]`.
pub struct QueryMap(pub Map<String, Value>);

impl QueryMap {
    pub fn obj(&self) -> Obj<'_> {
        Obj::new(&self.0, "query")
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryMap {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let mut map = Map::new();
        if let Some(q) = parts.uri.query() {
            for (k, v) in form_urlencoded::parse(q.as_bytes()) {
                map.insert(k.into_owned(), Value::String(v.into_owned()));
            }
        }
        Ok(QueryMap(map))
    }
}

/// An integer path parameter: any segment matches the route; a non-integer is 422
/// `int_parsing` at `loc ["path", name]` (kept for compatibility).
pub fn path_int(name: &str, raw: &str) -> Result<i64, FieldError> {
    raw.trim().parse::<i64>().map_err(|_| FieldError {
        kind: "int_parsing",
        loc: vec![json!("path"), json!(name)],
        msg: "Input should be a valid integer, unable to parse string as an integer".into(),
        input: json!(raw),
        ctx: None,
    })
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

/// The client address for rate limits: the peer, or the address a trusted proxy forwarded
/// (api-contract §1.8).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub IpAddr);

pub fn client_ip(
    parts_ext: &axum::http::Extensions,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> IpAddr {
    let peer = parts_ext
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    if trusted.is_empty() || !trusted.contains(&peer) {
        if headers.contains_key("x-forwarded-for") {
            warn_untrusted_forwarder(peer);
        }
        return peer;
    }
    let Some(fwd) = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()) else {
        return peer;
    };
    // Right to left: the first address that is not one of our proxies is the client.
    for part in fwd.rsplit(',') {
        match part.trim().parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => continue,
            Ok(ip) => return ip,
            Err(_) => return peer,
        }
    }
    peer
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(
            &parts.extensions,
            &parts.headers,
            &state.settings.trusted_proxies,
        )))
    }
}

/// Said once per process: behind a proxy that is not in `TRUSTED_PROXIES` every client has the
/// proxy's address, so they share one rate limit and one login throttle.
fn warn_untrusted_forwarder(peer: IpAddr) {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        tracing::warn!(
            %peer,
            "a request came with X-Forwarded-For from an address not in TRUSTED_PROXIES: if this \
             is your reverse proxy, add it there, or every client behind it shares one rate limit \
             and one login throttle"
        );
    }
}

/// The bearer token of the request, if the header has the `Bearer` scheme (case-insensitive).
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    if scheme.eq_ignore_ascii_case("bearer") {
        Some(token.trim())
    } else {
        None
    }
}

/// The authenticated, active user of a `user` endpoint (api-contract §1.3, checks 1–5), after
/// the lazy monthly reset (decision F1).
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user: User,
    pub claims: Claims,
    /// SHA-256 of the bearer token (decision F10).
    pub token_hash: String,
}

impl CurrentUser {
    pub async fn authenticate(headers: &HeaderMap, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(headers).ok_or_else(|| {
            ApiError::new(axum::http::StatusCode::UNAUTHORIZED, "Not authenticated")
        })?;
        let claims = state.jwt.verify(token).ok_or_else(ApiError::credentials)?;
        let token_hash = sha256_hex(token);
        let (mut user, logged_out) =
            store::users::get_for_auth(&state.db, claims.user_id, &token_hash)
                .await?
                .ok_or_else(ApiError::credentials)?;
        if !user.is_active() {
            return Err(ApiError::forbidden("Inactive user"));
        }
        if logged_out || is_revoked(&user, &claims, &token_hash) {
            return Err(ApiError::credentials());
        }
        let now = store::now();
        if user.counter_is_stale(now)
            && store::users::reset_monthly_if_stale(
                &state.db,
                user.id,
                plans::month_start(now),
                now,
            )
            .await?
        {
            user.monthly_query_count = Some(0);
            user.last_reset_date = Some(now);
        }
        Ok(CurrentUser {
            user,
            claims,
            token_hash,
        })
    }
}

/// Revocation by `tokens_valid_after` (decision F10): a token issued before it is invalid unless
/// it is the user's exempted token.
pub fn is_revoked(user: &User, claims: &Claims, token_hash: &str) -> bool {
    match user.tokens_valid_after {
        Some(after) if claims.iat < after.and_utc().timestamp() => {
            user.token_exempt_hash.as_deref() != Some(token_hash)
        }
        _ => false,
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        CurrentUser::authenticate(&parts.headers, state).await
    }
}

/// A user whose role is `admin` (check 6 of api-contract §1.3).
#[derive(Clone, Debug)]
pub struct AdminUser(pub CurrentUser);

/// Checks 1–6 of api-contract §1.3, for handlers that read a body first.
pub async fn admin_from(headers: &HeaderMap, state: &AppState) -> Result<AdminUser, ApiError> {
    let u = CurrentUser::authenticate(headers, state).await?;
    if !u.user.is_admin() {
        return Err(ApiError::forbidden(
            "Not enough permissions. Admin access required.",
        ));
    }
    Ok(AdminUser(u))
}

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        admin_from(&parts.headers, state).await
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

    #[test]
    fn field_coercions_and_errors_are_collected() {
        let v = json!({"a": "x", "b": 5, "c": "yes", "d": 2, "e": ["p", 3], "f": null, "long": "abcdef"});
        let Value::Object(m) = &v else { unreachable!() };
        let mut o = Obj::new(m, "body");
        assert_eq!(o.req_str("a"), "x");
        o.req_str("b");
        assert!(o.req_bool("c"));
        o.req_bool("d");
        o.opt_str_list("e");
        assert_eq!(o.opt_str("f"), None);
        o.req_str("absent");
        o.max_chars("long", "abcdef", 5);
        let errs = err_json(o.finish().err().unwrap());
        let kinds: Vec<&str> = errs
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "string_type",
                "bool_parsing",
                "string_type",
                "missing",
                "string_too_long"
            ]
        );
        assert_eq!(errs[2]["loc"], json!(["body", "e", 1]));
        assert_eq!(errs[3]["input"], v);
        assert_eq!(errs[4]["msg"], "String should have at most 5 characters");
    }

    #[test]
    fn datetimes_in_every_accepted_form() {
        let want =
            chrono::NaiveDateTime::parse_from_str("2026-03-04 10:00:00", "%Y-%m-%d %H:%M:%S")
                .unwrap();
        for s in [
            "2026-03-04T10:00:00",
            "2026-03-04T10:00:00Z",
            "2026-03-04T12:00:00+02:00",
            "2026-03-04 10:00:00",
            "2026-03-04T10:00",
        ] {
            assert_eq!(parse_datetime(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_datetime("2026-03-04"),
            Some(want - chrono::Duration::hours(10))
        );
        assert_eq!(parse_datetime("next week"), None);
    }

    #[test]
    fn bearer_scheme_is_case_insensitive() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "bEaReR abc".parse().unwrap());
        assert_eq!(bearer_token(&h), Some("abc"));
        h.insert(header::AUTHORIZATION, "Basic abc".parse().unwrap());
        assert_eq!(bearer_token(&h), None);
    }

    #[test]
    fn forwarded_address_only_from_trusted_proxies() {
        let mut ext = axum::http::Extensions::new();
        ext.insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 1234))));
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 10.0.0.2".parse().unwrap());
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let proxy2: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(client_ip(&ext, &h, &[]), proxy);
        assert_eq!(
            client_ip(&ext, &h, &[proxy, proxy2]),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
    }
}

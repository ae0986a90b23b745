//! Field-by-field reading with the old service's coercions and pydantic-style 422s
//! (api-contract §1.5): JSON objects, the query string and integer path parameters.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde_json::{Map, Value, json};

use crate::http::error::{ApiError, FieldError};

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
                Some(0.0) => Some(false),
                Some(1.0) => Some(true),
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

    /// One of `allowed` (pydantic's `Literal`: 422 `literal_error`). Checked only when the field
    /// was a string; a missing or mistyped one has its own error already.
    pub fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !self.has_str(field) || allowed.contains(&value) {
            return;
        }
        let quoted: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
        let expected = match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => quoted.join(""),
        };
        let e = FieldError {
            kind: "literal_error",
            loc: self.loc_of(field),
            msg: format!("Input should be {expected}"),
            input: json!(value),
            ctx: Some(json!({ "expected": expected })),
        };
        self.push(e);
    }

    /// An integer within `[min, max]` (pydantic's `ge` / `le`: 422 `greater_than_equal` /
    /// `less_than_equal`).
    pub fn int_range(&mut self, field: &str, value: i64, min: i64, max: i64) {
        let (kind, msg, ctx) = if value < min {
            (
                "greater_than_equal",
                format!("Input should be greater than or equal to {min}"),
                json!({ "ge": min }),
            )
        } else if value > max {
            (
                "less_than_equal",
                format!("Input should be less than or equal to {max}"),
                json!({ "le": max }),
            )
        } else {
            return;
        };
        let e = FieldError {
            kind,
            loc: self.loc_of(field),
            msg,
            input: json!(value),
            ctx: Some(ctx),
        };
        self.push(e);
    }

    /// At most `max` items in a list (pydantic's `max_length` on a list: 422 `too_long`).
    pub fn max_items<T>(&mut self, field: &str, items: &[T], max: usize) {
        if items.len() > max {
            let input = self.map.get(field).cloned().unwrap_or(Value::Null);
            let e = FieldError::list_too_long(self.loc_of(field), input, max, items.len());
            self.push(e);
        }
    }

    /// Every item of a list of strings at most `max` characters (`string_too_long` at the
    /// item's index, as pydantic reports `list[constr(max_length=...)]`).
    pub fn max_item_chars(&mut self, field: &str, items: &[String], max: usize) {
        for (i, it) in items.iter().enumerate() {
            if it.chars().count() > max {
                let e = FieldError::too_long(
                    vec![json!(self.loc), json!(field), json!(i)],
                    json!(it),
                    max,
                );
                self.push(e);
            }
        }
    }

    /// An email address as pydantic's `EmailStr` checks it, roughly: one `@`, a local part, a
    /// domain with a dot, no spaces (422 `value_error`).
    pub fn email(&mut self, field: &str, value: &str) {
        let v = value.trim();
        let ok = match v.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !v.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if !ok {
            let reason = if v.contains('@') {
                "The part after the @-sign is not valid."
            } else {
                "An email address must have an @-sign."
            };
            let e = FieldError {
                kind: "value_error",
                loc: self.loc_of(field),
                msg: format!("value is not a valid email address: {reason}"),
                input: json!(value),
                ctx: Some(json!({ "reason": reason })),
            };
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
    pub fn finish_after<V>(self, earlier: Result<V, FieldError>) -> Result<V, ApiError> {
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

/// A `limit` query parameter with a documented maximum page (api-contract §1.5): a
/// value from 1 to `max` is used as given, a larger one is capped at `max` (not refused, so no
/// client that worked before gets an error), `0` is an empty page, and a negative value is the
/// maximum. Before, a negative value meant "every row", which let one user make the server load
/// and serialise everything they had stored in one response.
pub fn page_limit(limit: i64, max: i64) -> i64 {
    if limit < 0 { max } else { limit.min(max) }
}

/// An integer path parameter: any segment matches the route; a non-integer is 422
/// `int_parsing` at `loc ["path", name]` (kept for compatibility).
// One 422 entry, on a cold path: not worth a box.
#[expect(
    clippy::result_large_err,
    reason = "FieldError carries the pydantic-style detail the 422 body needs; it is built only on bad input"
)]
pub fn path_int(name: &str, raw: &str) -> Result<i64, FieldError> {
    raw.trim().parse::<i64>().map_err(|_| FieldError {
        kind: "int_parsing",
        loc: vec![json!("path"), json!(name)],
        msg: "Input should be a valid integer, unable to parse string as an integer".into(),
        input: json!(raw),
        ctx: None,
    })
}

/// The schema of a boolean as `Obj` reads it (pydantic's lax mode): `true`/`false`, the numbers
/// 0 and 1, or one of the words `true 1 yes on t y` / `false 0 no off f n` in any case. Request
/// fields say `#[schema(value_type = LaxBool)]` so the document accepts what the parser does.
pub struct LaxBool;

/// The words `bool_value` accepts, any case.
const LAX_BOOL_PATTERN: &str = "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|[TtFfYyNn]|0|1)$";

impl utoipa::PartialSchema for LaxBool {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Boolean))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some([0, 1])),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(LAX_BOOL_PATTERN)),
            )
            .description(Some(
                "A boolean; also 0 or 1, or true/false, yes/no, on/off, t/f, y/n, 1/0 as a string (any case)",
            ))
            .into()
    }
}

impl utoipa::ToSchema for LaxBool {
    fn name() -> std::borrow::Cow<'static, str> {
        "LaxBool".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_json(e: ApiError) -> Value {
        match e {
            ApiError::Validation(v) => Value::Array(v.iter().map(FieldError::to_json).collect()),
            other => panic!("not a validation error: {other:?}"),
        }
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
}

//! Request types: one struct per body that both parses it (with the contract's 422s) and
//! documents it (it derives `ToSchema`), and the extractors that read it in the contract's order
//! (api-contract §1.2): JSON syntax → authentication → path and body fields.
//!
//! | extractor         | syntax 422 | then         | then                     |
//! |-------------------|------------|--------------|--------------------------|
//! | [`PublicJson<T>`] | yes        | —            | fields of `T`            |
//! | [`UserJson<T,P>`] | yes        | user 401/403 | path `P`, fields of `T`  |
//! | [`AdminJson<T,P>`]| yes        | admin 401/403| path `P`, fields of `T`  |
//! | [`BreachJson<T,P>`]| yes       | admin 401/403| path `P`, fields of `T`  |
//!
//! Throttles and the endpoint's own checks come after, in the handler.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
#[cfg(test)]
use serde_json::{Value, json};

use super::auth::{
    AdminUser, Authenticated, BREACH_ADMIN_REQUIRED, CurrentUser, admin_from, admin_with,
};
use super::body::{JsonBody, body_read_error};
use super::fields::Obj;
#[cfg(test)]
use super::fields::path_int;
use crate::app::AppState;
use crate::http::error::{ApiError, FieldError};

/// A JSON body read field by field. `read` takes every field in the order the old service
/// validated them (the order of the 422's entries), pushing each failure onto `o`; whatever it
/// returns when `o` holds errors is discarded.
pub trait RequestBody: Sized {
    fn read(o: &mut Obj<'_>) -> Self;
}

/// Path parameters read with a body: validated after authentication, their 422 entries before
/// the body's (api-contract §1.2). `()` for a route without any.
pub trait PathParams: Sized {
    // One 422 entry, on a cold path: not worth a box.
    #[expect(
        clippy::result_large_err,
        reason = "FieldError carries the pydantic-style detail the 422 body needs; it is built only on bad input"
    )]
    fn read(params: &[(String, String)]) -> Result<Self, FieldError>;
}

impl PathParams for () {
    fn read(_: &[(String, String)]) -> Result<Self, FieldError> {
        Ok(())
    }
}

/// The raw text of path parameter `name` (`""` when the route has none: a routing mistake that
/// then fails as an invalid integer).
pub fn path_param<'a>(params: &'a [(String, String)], name: &str) -> &'a str {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Declares an integer path parameter type: `int_path_param!(ConversationId, "conversation_id")`.
/// It is an extractor of its own (for routes without a body: put it after the authentication
/// extractor, so a bad id is a 422 only for an authenticated caller) and a [`PathParams`] for
/// [`UserJson`] and [`AdminJson`].
#[macro_export]
macro_rules! int_path_param {
    ($(#[$meta:meta])* $name:ident, $param:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name(pub i64);

        impl $crate::http::extract::PathParams for $name {
            fn read(
                params: &[(String, String)],
            ) -> Result<Self, $crate::http::error::FieldError> {
                $crate::http::extract::path_int(
                    $param,
                    $crate::http::extract::path_param(params, $param),
                )
                .map($name)
            }
        }

        impl<S: Send + Sync> axum::extract::FromRequestParts<S> for $name {
            type Rejection = $crate::http::error::ApiError;

            async fn from_request_parts(
                parts: &mut axum::http::request::Parts,
                state: &S,
            ) -> Result<Self, Self::Rejection> {
                let params = $crate::http::extract::request::raw_params(parts, state).await;
                <$name as $crate::http::extract::PathParams>::read(&params)
                    .map_err($crate::http::error::ApiError::validation)
            }
        }
    };
}

/// The route's path parameters as owned pairs.
pub async fn raw_params<S: Send + Sync>(parts: &mut Parts, state: &S) -> Vec<(String, String)> {
    match RawPathParams::from_request_parts(parts, state).await {
        Ok(p) => p
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The fields of `T` (and of path `P`) from a body whose syntax was already checked: a missing
/// or non-object body first, on its own; then every failing path and body field together.
pub fn read_fields<T: RequestBody, P>(
    body: &JsonBody,
    path: Result<P, FieldError>,
) -> Result<(T, P), ApiError> {
    let mut o = body.object()?;
    let value = T::read(&mut o);
    let path = o.finish_after(path)?;
    Ok((value, path))
}

/// A request of an unauthenticated endpoint: its body type `T`.
pub struct PublicJson<T>(pub T);

/// A request of a `user` endpoint: the caller, the body `T` and the path parameters `P`.
pub struct UserJson<T, P = ()> {
    pub user: CurrentUser,
    pub body: T,
    pub path: P,
}

/// A request of an `admin` endpoint: the admin, the body `T` and the path parameters `P`.
pub struct AdminJson<T, P = ()> {
    pub admin: AdminUser,
    pub body: T,
    pub path: P,
}

/// A request of the breach register: as [`AdminJson`], with that module's own 403 text.
pub struct BreachJson<T, P = ()> {
    pub admin: AdminUser,
    pub body: T,
    pub path: P,
}

/// Headers, path parameters and the syntax-checked body of a request.
async fn split(
    req: Request,
    state: &AppState,
) -> Result<
    (
        HeaderMap,
        Vec<(String, String)>,
        JsonBody,
        Option<Authenticated>,
    ),
    ApiError,
> {
    let (mut parts, body) = req.into_parts();
    let pre = parts.extensions.remove::<Authenticated>();
    let params = raw_params(&mut parts, state).await;
    let headers = parts.headers.clone();
    let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(body_read_error)?;
    let body = JsonBody::parse(&headers, &bytes)?;
    Ok((headers, params, body, pre))
}

impl<T: RequestBody> FromRequest<AppState> for PublicJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (_, _, body, _) = split(req, state).await?;
        let (value, ()) = read_fields::<T, ()>(&body, Ok(()))?;
        Ok(PublicJson(value))
    }
}

/// The checks of [`UserJson`] on a body already read: syntax, the caller, then the fields. For a
/// handler that must look at the request before deciding to read a body (`chat/send`).
pub async fn read_user_json<T: RequestBody>(
    headers: &HeaderMap,
    pre: Option<Authenticated>,
    bytes: &[u8],
    state: &AppState,
) -> Result<(CurrentUser, T), ApiError> {
    let body = JsonBody::parse(headers, bytes)?;
    let user = CurrentUser::of(headers, pre, state).await?;
    let (value, ()) = read_fields::<T, ()>(&body, Ok(()))?;
    Ok((user, value))
}

impl<T: RequestBody, P: PathParams> FromRequest<AppState> for UserJson<T, P> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (headers, params, body, pre) = split(req, state).await?;
        let user = CurrentUser::of(&headers, pre, state).await?;
        let (body, path) = read_fields(&body, P::read(&params))?;
        Ok(UserJson { user, body, path })
    }
}

impl<T: RequestBody, P: PathParams> FromRequest<AppState> for AdminJson<T, P> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (headers, params, body, pre) = split(req, state).await?;
        let admin = admin_from(&headers, pre, state).await?;
        let (body, path) = read_fields(&body, P::read(&params))?;
        Ok(AdminJson { admin, body, path })
    }
}

impl<T: RequestBody, P: PathParams> FromRequest<AppState> for BreachJson<T, P> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (headers, params, body, pre) = split(req, state).await?;
        let admin = admin_with(&headers, pre, state, BREACH_ADMIN_REQUIRED).await?;
        let (body, path) = read_fields(&body, P::read(&params))?;
        Ok(BreachJson { admin, body, path })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Named {
        name: String,
        size: i64,
    }

    impl RequestBody for Named {
        fn read(o: &mut Obj<'_>) -> Self {
            let name = o.req_str("name");
            o.max_chars("name", &name, 3);
            Named {
                name,
                size: o.req_int("size"),
            }
        }
    }

    fn errors(e: ApiError) -> Value {
        match e {
            ApiError::Validation(v) => Value::Array(v.iter().map(FieldError::to_json).collect()),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[expect(
        clippy::result_large_err,
        reason = "FieldError carries the pydantic-style detail the 422 body needs; it is built only on bad input"
    )]
    fn bad_id() -> Result<i64, FieldError> {
        path_int("id", "abc")
    }

    #[test]
    fn fields_are_read_in_order_after_the_path() {
        let body = JsonBody::Json(json!({"name": "long", "size": "x"}));
        let e = read_fields::<Named, i64>(&body, bad_id()).err().unwrap();
        let v = errors(e);
        let locs: Vec<&Value> = v.as_array().unwrap().iter().map(|e| &e["loc"]).collect();
        assert_eq!(
            locs,
            [
                &json!(["path", "id"]),
                &json!(["body", "name"]),
                &json!(["body", "size"])
            ]
        );
        assert_eq!(v[1]["type"], "string_too_long");
        assert_eq!(v[2]["type"], "int_parsing");

        let body = JsonBody::Json(json!({"name": "abc", "size": 2}));
        let (n, id) = read_fields::<Named, i64>(&body, Ok(7)).ok().unwrap();
        assert_eq!((n.name.as_str(), n.size, id), ("abc", 2, 7));
    }

    #[test]
    fn a_missing_or_non_object_body_is_answered_alone() {
        let v = errors(
            read_fields::<Named, i64>(&JsonBody::Missing, bad_id())
                .err()
                .unwrap(),
        );
        assert_eq!(
            v,
            json!([{"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}])
        );
        let v = errors(
            read_fields::<Named, ()>(&JsonBody::Json(json!([1])), Ok(()))
                .err()
                .unwrap(),
        );
        assert_eq!(v[0]["type"], "model_attributes_type");
        assert_eq!(v.as_array().unwrap().len(), 1);
    }

    #[test]
    fn path_parameters_by_name() {
        let params = vec![("user_id".to_string(), "12".to_string())];
        assert_eq!(path_param(&params, "user_id"), "12");
        assert_eq!(path_param(&params, "other"), "");
    }
}

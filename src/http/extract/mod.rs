//! Extractors, by concern: the body before field validation ([`body`]), the fields with the old
//! service's coercions and 422s ([`fields`]), the request types that read a whole body in the
//! contract's order ([`request`]), the client address ([`client`]) and authentication
//! ([`auth`]).

pub mod auth;
pub mod body;
pub mod client;
pub mod fields;
pub mod request;

pub use auth::{
    AdminUser, Authenticated, BreachAdmin, CurrentUser, admin_from, bearer_token, is_revoked,
};
pub use body::{FormFields, JsonBody, body_read_error};
pub use client::{ClientIp, client_ip};
pub use fields::{LaxBool, Obj, QueryMap, page_limit, parse_datetime, path_int};
pub use request::{
    AdminJson, BreachJson, PathParams, PublicJson, RequestBody, UserJson, path_param,
    read_user_json,
};

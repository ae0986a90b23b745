//! `/api/v1/admin` (api-contract §2.7) and the audit log. "Not found" in the user operations is
//! 400 `User not found` (kept for compatibility), except `GET /admin/users/{id}` (404).

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult, FieldError, ResultExt};
use super::extract::{AdminJson, AdminUser, Obj, QueryMap, RequestBody, page_limit};
use super::middleware::RequestId;
use super::responses::{MessageResponse, message};
use crate::app::AppState;
use crate::domain::plans::Plan;
use crate::domain::user::{PASSWORD_MIN_CHARS, Role, role_change_removes_admin};
use crate::store;
use crate::store::admin::{self as store_admin, AdminUserRow, Removal, StatusChange, UserChanges};
use crate::store::audit::{self, Audit};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(pending_users))
        .routes(routes!(search_users))
        .routes(routes!(get_user, update_user, delete_user))
        .routes(routes!(approve))
        .routes(routes!(toggle_status))
        .routes(routes!(reset_query_count))
        .routes(routes!(system_statistics))
        .routes(routes!(activity))
        .routes(routes!(cleanup_conversations))
        .routes(routes!(audit_log))
}

/// The AdminUser shape.
#[derive(Serialize, ToSchema)]
pub struct AdminUserOut {
    id: i32,
    username: String,
    full_name: String,
    role: String,
    plan_type: String,
    is_active: bool,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    email_verified: bool,
    query_count: i64,
    monthly_query_count: i64,
}

impl From<AdminUserRow> for AdminUserOut {
    fn from(u: AdminUserRow) -> Self {
        AdminUserOut {
            id: u.id,
            username: u.username,
            full_name: u.full_name.unwrap_or_default(),
            role: u.role.unwrap_or_else(|| "user".into()),
            plan_type: u.plan_type.unwrap_or_else(|| "free".into()),
            is_active: u.is_active.unwrap_or(false),
            created_at: u.created_at,
            email_verified: u.email_verified.unwrap_or(false),
            query_count: i64::from(u.query_count.unwrap_or(0)),
            monthly_query_count: i64::from(u.monthly_query_count.unwrap_or(0)),
        }
    }
}

fn out(rows: Vec<AdminUserRow>) -> Json<Vec<AdminUserOut>> {
    Json(rows.into_iter().map(AdminUserOut::from).collect())
}

/// The audit entry's actor and request of an admin's change (every admin resource uses it).
pub(super) fn audit_of(admin: &AdminUser, rid: &RequestId) -> Audit {
    Audit {
        actor_id: Some(admin.0.user.id),
        request_id: Some(rid.0.clone()),
    }
}

fn user_not_found() -> ApiError {
    ApiError::bad_request("User not found")
}

/// Nobody may take away the admin access of the last active admin: the check runs in
/// the transaction of the write (store::admin), so two admins removing each other at once leave one.
pub(super) fn last_admin() -> ApiError {
    ApiError::bad_request("Cannot remove the last active admin")
}

crate::int_path_param!(
    /// `{user_id}`: an integer, or 422 `int_parsing` (after the admin checks).
    UserId,
    "user_id"
);

/// The largest page of the admin user lists: `GET /admin/users` and its search (a
/// larger or negative `limit` gets this many, `page_limit`), the pending list and the
/// whitelisted users of an agent (which take no `limit`). Anyone can register, so the users table
/// grows without an admin doing anything; the React apps never send a `limit`. A user row is
/// under 1 KB, so a page stays around 1 MB.
pub const MAX_USER_PAGE: i64 = 1_000;

/// The OpenAPI description of those `limit` parameters.
const USERS_LIMIT_DOC: &str =
    "Page size. A larger value is capped at 1000 (not refused); a negative value is 1000.";

/// A bounded query integer: 422 `greater_than_equal` / `less_than_equal` outside `[min, max]`.
pub(super) fn bounded(o: &mut Obj<'_>, field: &str, value: i64, min: i64, max: Option<i64>) {
    let (kind, msg, ctx) = if value < min {
        (
            "greater_than_equal",
            format!("Input should be greater than or equal to {min}"),
            json!({"ge": min}),
        )
    } else if let Some(max) = max.filter(|m| value > *m) {
        (
            "less_than_equal",
            format!("Input should be less than or equal to {max}"),
            json!({"le": max}),
        )
    } else {
        return;
    };
    o.push(FieldError {
        kind,
        loc: vec![json!("query"), json!(field)],
        msg,
        input: json!(value.to_string()),
        ctx: Some(ctx),
    });
}

/// Users, newest first: the first `limit` (absent or 0: the maximum page, 1000).
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])),
    params(("include_inactive" = Option<bool>, Query),
        ("limit" = Option<i64>, Query, maximum = 1000, description = USERS_LIMIT_DOC)),
    responses((status = 200, body = [AdminUserOut]), (status = 403)))]
pub async fn list_users(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Vec<AdminUserOut>>> {
    let mut o = q.obj();
    let include_inactive = o.opt_bool("include_inactive", true);
    let limit = o
        .opt_int("limit")
        .filter(|l| *l != 0)
        .unwrap_or(MAX_USER_PAGE);
    o.finish()?;
    Ok(out(store_admin::list_users(
        &state.db,
        include_inactive,
        page_limit(limit, MAX_USER_PAGE),
    )
    .await?))
}

/// Users waiting for approval, oldest first: at most the first 1000.
#[utoipa::path(get, path = "/api/v1/admin/users/pending", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [AdminUserOut]), (status = 403)))]
pub async fn pending_users(
    State(state): State<AppState>,
    _a: AdminUser,
) -> ApiResult<Json<Vec<AdminUserOut>>> {
    Ok(out(
        store_admin::pending_users(&state.db, MAX_USER_PAGE).await?
    ))
}

/// Case-insensitive search on username and full name.
#[utoipa::path(get, path = "/api/v1/admin/users/search", tag = "admin", security(("bearer" = [])),
    params(("q" = String, Query, min_length = 2),
        ("limit" = Option<i64>, Query, maximum = 1000, description = USERS_LIMIT_DOC)),
    responses((status = 200, body = [AdminUserOut]), (status = 403), (status = 422)))]
pub async fn search_users(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Vec<AdminUserOut>>> {
    let mut o = q.obj();
    let text = o.req_str("q");
    if o.has_str("q") {
        o.min_chars("q", &text, 2);
    }
    let limit = o.int_or("limit", 50);
    o.finish()?;
    let limit = page_limit(limit, MAX_USER_PAGE);
    Ok(out(
        store_admin::search_users(&state.db, &text, limit).await?
    ))
}

#[derive(Serialize, ToSchema)]
pub struct UserDetail {
    #[serde(flatten)]
    user: AdminUserOut,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    last_query_date: Option<NaiveDateTime>,
    conversation_count: i64,
    message_count: i64,
    hired_agents: Vec<String>,
    gdpr_consent_given: bool,
    terms_accepted: bool,
}

/// One user with usage figures and hired agents (404 when missing).
#[utoipa::path(get, path = "/api/v1/admin/users/{user_id}", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, body = UserDetail), (status = 404), (status = 422)))]
pub async fn get_user(
    State(state): State<AppState>,
    _a: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<UserDetail>> {
    let Some(u) = store_admin::get_user(&state.db, id).await? else {
        return Err(ApiError::not_found("User not found"));
    };
    let Some((extra, hired_agents)) = store_admin::user_detail(&state.db, id).await? else {
        return Err(ApiError::not_found("User not found"));
    };
    Ok(Json(UserDetail {
        user: AdminUserOut::from(u),
        last_query_date: extra.last_query_date,
        conversation_count: extra.conversation_count,
        message_count: extra.message_count,
        hired_agents,
        gdpr_consent_given: extra.gdpr_consent_given.unwrap_or(false),
        terms_accepted: extra.terms_accepted.unwrap_or(false),
    }))
}

#[derive(ToSchema)]
pub struct UserCreate {
    #[schema(max_length = 80)]
    pub username: String,
    #[schema(min_length = 8)]
    pub password: String,
    #[schema(max_length = 100)]
    pub full_name: String,
    /// Absent or `null` is `user`.
    #[schema(value_type = Option<String>, max_length = 50)]
    pub role: String,
    /// Absent or `null` is `free`.
    #[schema(value_type = Option<String>, max_length = 20)]
    pub plan_type: String,
    /// Absent is `true`.
    #[schema(value_type = super::extract::LaxBool, required = false)]
    pub is_active: bool,
}

impl RequestBody for UserCreate {
    fn read(o: &mut Obj<'_>) -> Self {
        let u = UserCreate {
            username: o.req_str("username"),
            password: o.req_str("password"),
            full_name: o.req_str("full_name"),
            role: o
                .opt_str("role")
                .unwrap_or_else(|| Role::User.as_str().into()),
            plan_type: o
                .opt_str("plan_type")
                .unwrap_or_else(|| Plan::Free.as_str().into()),
            is_active: o.opt_bool("is_active", true),
        };
        o.max_chars("username", &u.username, 80);
        if o.has_str("password") {
            o.min_chars("password", &u.password, PASSWORD_MIN_CHARS);
        }
        o.max_chars("full_name", &u.full_name, 100);
        o.max_chars("role", &u.role, 50);
        o.max_chars("plan_type", &u.plan_type, 20);
        u
    }
}

/// Create a user (any role and plan string is accepted here: kept for compatibility).
#[utoipa::path(post, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])), request_body = UserCreate,
    responses((status = 201, body = AdminUserOut), (status = 400), (status = 403), (status = 422)))]
pub async fn create_user(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson { admin, body, .. }: AdminJson<UserCreate>,
) -> ApiResult<Response> {
    let UserCreate {
        username,
        password,
        full_name,
        role,
        plan_type,
        is_active,
    } = body;
    const FAILED: &str = "Failed to create user";
    let taken = || ApiError::bad_request("User with this username already exists");
    if store::users::username_exists(&state.db, &username)
        .await
        .or_400(FAILED)?
    {
        return Err(taken());
    }
    let hash = state.hasher.hash(password).await.or_400(FAILED)?;
    let now = store::now();
    let new = store::users::NewUser {
        verification: None,
        username: &username,
        password_hash: &hash,
        full_name: &full_name,
        role: &role,
        is_active,
        plan_type: &plan_type,
        marketing_consent: false,
        now,
    };
    let created = store_admin::create_user(&state.db, &new, &audit_of(&admin, &rid))
        .await
        .or_400(FAILED)?
        .ok_or_else(taken)?;
    let row = store_admin::get_user(&state.db, i64::from(created))
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("created user not found")))?;
    Ok((StatusCode::CREATED, Json(AdminUserOut::from(row))).into_response())
}

/// Each field is applied only when present and not `null`.
#[derive(ToSchema)]
pub struct UserUpdate {
    #[schema(max_length = 100)]
    pub full_name: Option<String>,
    pub role: Option<String>,
    pub plan_type: Option<String>,
    #[schema(value_type = Option<super::extract::LaxBool>)]
    pub is_active: Option<bool>,
}

impl RequestBody for UserUpdate {
    fn read(o: &mut Obj<'_>) -> Self {
        let u = UserUpdate {
            full_name: o.opt_str("full_name"),
            role: o.opt_str("role"),
            plan_type: o.opt_str("plan_type"),
            is_active: o
                .is_set("is_active")
                .then(|| o.opt_bool("is_active", false)),
        };
        if let Some(n) = &u.full_name {
            o.max_chars("full_name", n, 100);
        }
        u
    }
}

/// Change a user's name, role, plan or status; a deactivation revokes their tokens (F10).
#[utoipa::path(put, path = "/api/v1/admin/users/{user_id}", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), request_body = UserUpdate,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 403), (status = 422)))]
pub async fn update_user(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    AdminJson {
        admin,
        body,
        path: UserId(id),
    }: AdminJson<UserUpdate, UserId>,
) -> ApiResult<Json<MessageResponse>> {
    let changes = UserChanges {
        full_name: body.full_name,
        role: body.role,
        plan_type: body.plan_type,
        is_active: body.is_active,
    };
    const FAILED: &str = "Failed to update user";
    if store_admin::get_user(&state.db, id)
        .await
        .or_400(FAILED)?
        .is_none()
    {
        return Err(user_not_found());
    }
    if changes
        .role
        .as_deref()
        .is_some_and(|r| Role::parse(r).is_none())
    {
        return Err(ApiError::bad_request("Invalid role"));
    }
    if changes
        .plan_type
        .as_deref()
        .is_some_and(|p| !Plan::parse(p).is_some_and(Plan::is_user_plan))
    {
        return Err(ApiError::bad_request("Invalid plan type"));
    }
    // An admin may not demote or deactivate themselves: the console would lock them out.
    if id == i64::from(admin.0.user.id)
        && (role_change_removes_admin(changes.role.as_deref()) || changes.is_active == Some(false))
    {
        return Err(ApiError::bad_request(
            "You cannot remove your own admin access",
        ));
    }
    match store_admin::update_user(
        &state.db,
        id,
        &changes,
        store::now(),
        &audit_of(&admin, &rid),
    )
    .await
    .or_400(FAILED)?
    {
        Removal::Done => Ok(message(&format!("User {id} updated successfully"))),
        Removal::NotFound => Err(user_not_found()),
        Removal::LastAdmin => Err(last_admin()),
    }
}

/// Delete a user and all their data at once (the purge of the 30-day lifecycle, without email).
#[utoipa::path(delete, path = "/api/v1/admin/users/{user_id}", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, body = MessageResponse), (status = 400), (status = 403), (status = 422)))]
pub async fn delete_user(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<MessageResponse>> {
    if id == i64::from(admin.0.user.id) {
        return Err(ApiError::bad_request("Cannot delete your own account"));
    }
    let outcome = store_admin::delete_user(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await
        .on_conflict(|| ApiError::bad_request("Cannot delete user due to database constraints"))
        .or_400("Failed to delete user")?;
    match outcome {
        Removal::Done => Ok(message(&format!("User {id} deleted successfully"))),
        Removal::NotFound => Err(user_not_found()),
        Removal::LastAdmin => Err(last_admin()),
    }
}

/// Activate a pending user.
#[utoipa::path(post, path = "/api/v1/admin/users/{user_id}/approve", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, description = "Approved"), (status = 400), (status = 403)))]
pub async fn approve(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<Value>> {
    match store_admin::approve(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await
        .or_400("Failed to approve user")?
    {
        StatusChange::NotFound => Err(user_not_found()),
        StatusChange::AlreadyActive => Err(ApiError::bad_request("User is already active")),
        StatusChange::Now(_) => Ok(Json(
            json!({"success": true, "message": format!("User {id} approved successfully")}),
        )),
        StatusChange::LastAdmin => Err(last_admin()),
    }
}

/// Flip a user's active status (not one's own); a deactivation revokes their tokens.
#[utoipa::path(post, path = "/api/v1/admin/users/{user_id}/toggle-status", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, description = "Toggled"), (status = 400), (status = 403)))]
pub async fn toggle_status(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<Value>> {
    if id == i64::from(admin.0.user.id) {
        return Err(ApiError::bad_request("Cannot modify your own status"));
    }
    match store_admin::toggle(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await
        .or_400("Failed to toggle user status")?
    {
        StatusChange::Now(active) => {
            let word = if active { "activated" } else { "deactivated" };
            Ok(Json(
                json!({"success": true, "new_status": active, "message": format!("User {id} {word} successfully")}),
            ))
        }
        StatusChange::LastAdmin => Err(last_admin()),
        StatusChange::NotFound | StatusChange::AlreadyActive => Err(user_not_found()),
    }
}

/// Zero a user's monthly counter.
#[utoipa::path(post, path = "/api/v1/admin/users/{user_id}/reset-query-count", tag = "admin", security(("bearer" = [])),
    params(("user_id" = i64, Path)), responses((status = 200, body = MessageResponse), (status = 400), (status = 403)))]
pub async fn reset_query_count(
    State(state): State<AppState>,
    Extension(rid): Extension<RequestId>,
    admin: AdminUser,
    UserId(id): UserId,
) -> ApiResult<Json<MessageResponse>> {
    if !store_admin::reset_query_count(&state.db, id, store::now(), &audit_of(&admin, &rid))
        .await
        .or_400("Failed to reset query count")?
    {
        return Err(user_not_found());
    }
    Ok(message(&format!("Query count reset for user {id}")))
}

/// System figures, computed in the database.
#[utoipa::path(get, path = "/api/v1/admin/statistics/system", tag = "admin", security(("bearer" = [])),
    responses((status = 200, description = "System statistics"), (status = 403)))]
pub async fn system_statistics(
    State(state): State<AppState>,
    _a: AdminUser,
) -> ApiResult<Json<Value>> {
    let (s, top) = store_admin::system_stats(&state.db, store::now() - Duration::days(7)).await?;
    Ok(Json(json!({
        "total_users": s.total_users,
        "active_users": s.active_users,
        "pending_users": s.pending_users,
        "total_conversations": s.total_conversations,
        "total_messages": s.total_messages,
        "premium_users": s.premium_users,
        "free_users": s.free_users,
        "new_users_this_week": s.new_users_this_week,
        "most_active_users": top.into_iter()
            .map(|(id, username, n)| json!({"id": id, "username": username, "query_count": n}))
            .collect::<Vec<_>>(),
    })))
}

/// User queries per day and per agent over the last `days` days, grouped in the database.
#[utoipa::path(get, path = "/api/v1/admin/statistics/activity", tag = "admin", security(("bearer" = [])),
    params(("days" = Option<i64>, Query, minimum = 1, maximum = 365)), responses((status = 200, description = "Activity report"), (status = 403), (status = 422)))]
pub async fn activity(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Value>> {
    let mut o = q.obj();
    let days = o.int_or("days", 30);
    bounded(&mut o, "days", days, 1, Some(365));
    o.finish()?;
    let groups = store_admin::activity(&state.db, store::now() - Duration::days(days)).await?;
    // Fold the (day, agent) groups the database counted: at most days × agents rows.
    let mut daily: std::collections::BTreeMap<String, i64> = Default::default();
    let mut by_agent: std::collections::BTreeMap<String, i64> = Default::default();
    for (day, agent, n) in groups {
        *daily.entry(day).or_default() += n;
        if let Some(agent) = agent {
            *by_agent.entry(agent).or_default() += n;
        }
    }
    let total: i64 = daily.values().sum();
    Ok(Json(json!({
        "period_days": days,
        "daily_queries": daily.into_iter().map(|(d, n)| json!({"date": d, "count": n})).collect::<Vec<_>>(),
        "queries_by_agent": by_agent.into_iter().map(|(t, n)| (t, json!(n))).collect::<Map<String, Value>>(),
        "total_queries": total,
    })))
}

/// Delete every user's empty conversations older than `days_old` days.
#[utoipa::path(post, path = "/api/v1/admin/maintenance/cleanup-conversations", tag = "admin", security(("bearer" = [])),
    params(("days_old" = Option<i64>, Query, minimum = 1)), responses((status = 200, description = "Deleted count"), (status = 403), (status = 422)))]
pub async fn cleanup_conversations(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Value>> {
    let mut o = q.obj();
    let days = o.int_or("days_old", 7);
    bounded(&mut o, "days_old", days, 1, None);
    o.finish()?;
    let cutoff = Duration::try_days(days)
        .and_then(|d| store::now().checked_sub_signed(d))
        .unwrap_or_else(|| {
            NaiveDateTime::parse_from_str("1000-01-01 00:00:00", "%Y-%m-%d %H:%M:%S")
                .expect("valid")
        });
    let n = store::jobs::delete_empty_conversations(&state.db, cutoff)
        .await
        .or_fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to cleanup conversations",
        )?;
    Ok(Json(
        json!({"deleted_count": n, "message": format!("Deleted {n} empty conversations older than {days} days")}),
    ))
}

/// The admin audit log, newest first: `limit` (1–500, default 50) entries from `offset`.
#[utoipa::path(get, path = "/api/v1/admin/audit-log", tag = "admin", security(("bearer" = [])),
    params(("limit" = Option<i64>, Query, minimum = 1, maximum = 500), ("offset" = Option<i64>, Query, minimum = 0)),
    responses((status = 200, description = "{items, total, limit, offset}"), (status = 403), (status = 422)))]
pub async fn audit_log(
    State(state): State<AppState>,
    _a: AdminUser,
    q: QueryMap,
) -> ApiResult<Json<Value>> {
    let mut o = q.obj();
    let limit = o.int_or("limit", 50);
    let offset = o.int_or("offset", 0);
    bounded(&mut o, "limit", limit, 1, Some(500));
    bounded(&mut o, "offset", offset, 0, None);
    o.finish()?;
    let (rows, total) = audit::page(&state.db, limit, offset).await?;
    let parse = |s: Option<String>| {
        s.and_then(|s| serde_json::from_str::<Value>(&s).ok())
            .unwrap_or(Value::Null)
    };
    let items: Vec<Value> = rows
        .into_iter()
        .map(|r| {
            json!({
                "id": r.id,
                "actor_id": r.actor_id,
                "actor_username": r.actor_username,
                "action": r.action,
                "target_user_id": r.target_user_id,
                "target_username": r.target_username,
                "target": r.target,
                "before": parse(r.before),
                "after": parse(r.after),
                "request_id": r.request_id,
                "created_at": super::json::format_datetime(&r.created_at),
            })
        })
        .collect();
    Ok(Json(
        json!({"items": items, "total": total, "limit": limit, "offset": offset}),
    ))
}

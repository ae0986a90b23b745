//! `/api/v1/health` (api-contract §2.2).

use axum::Json;
use axum::extract::State;
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::error::ApiResult;
use super::extract::AdminUser;
use crate::app::AppState;
use crate::store;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(pool))
        .routes(routes!(ping))
}

#[derive(Serialize, ToSchema)]
pub struct HealthResponse {
    status: &'static str,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    timestamp: NaiveDateTime,
    database: &'static str,
    connection: &'static str,
    pool: &'static str,
    #[schema(value_type = Object)]
    details: Map<String, Value>,
}

/// Pool figures for `/api/v1/health/pool` (decision F16: real figures on both databases).
// `store::PoolStats` field for field; the schema keeps its name.
#[derive(Serialize, ToSchema)]
#[schema(as = PoolStats)]
pub struct PoolStatsOut {
    pool_size: u32,
    checked_in_connections: u32,
    checked_out_connections: u32,
    overflow_connections: u32,
    total_connections: u32,
    max_capacity: u32,
    utilization_percent: f64,
}

impl From<store::PoolStats> for PoolStatsOut {
    fn from(p: store::PoolStats) -> Self {
        PoolStatsOut {
            pool_size: p.pool_size,
            checked_in_connections: p.checked_in_connections,
            checked_out_connections: p.checked_out_connections,
            overflow_connections: p.overflow_connections,
            total_connections: p.total_connections,
            max_capacity: p.max_capacity,
            utilization_percent: p.utilization_percent,
        }
    }
}

fn pool_stats(state: &AppState) -> PoolStatsOut {
    let s = &state.settings;
    state
        .db
        .pool_stats(s.db_pool_size, s.max_connections())
        .into()
}

/// Health with a database probe. Always 200, even when unhealthy.
#[utoipa::path(get, path = "/api/v1/health", tag = "health", responses((status = 200, body = HealthResponse)))]
pub async fn health(State(state): State<AppState>) -> Json<HealthResponse> {
    // A pool that hangs is a database that does not answer: not reached within the probe time.
    // (While the database is known to be down, at once.)
    let (connected, answered) = if state.db_health.is_down() {
        (false, false)
    } else {
        tokio::time::timeout(super::root::PROBE_TIMEOUT, state.db.probe())
            .await
            .unwrap_or((false, false))
    };
    let stats = pool_stats(&state);
    let mut details = Map::new();
    details.insert("pool".into(), json!(stats));
    let database = if answered {
        "healthy"
    } else if connected {
        "unhealthy"
    } else {
        "unknown"
    };
    let connection = if connected { "healthy" } else { "unhealthy" };
    let pool_warning = stats.utilization_percent > 90.0;
    let pool = if !answered {
        "unknown"
    } else if pool_warning {
        "warning"
    } else {
        "healthy"
    };
    let status = if !answered {
        details.insert(
            "error".into(),
            json!(if state.db_health.is_down() {
                crate::store::health::UNAVAILABLE
            } else {
                "database check failed"
            }),
        );
        "unhealthy"
    } else if pool_warning {
        details.insert("warning".into(), json!("Pool utilization above 90%"));
        "warning"
    } else {
        "healthy"
    };
    Json(HealthResponse {
        status,
        timestamp: store::now(),
        database,
        connection,
        pool,
        details,
    })
}

/// Connection pool figures (admin).
#[utoipa::path(get, path = "/api/v1/health/pool", tag = "health", security(("bearer" = [])),
    responses((status = 200, body = PoolStatsOut), (status = 401), (status = 403)))]
pub async fn pool(
    State(state): State<AppState>,
    _admin: AdminUser,
) -> ApiResult<Json<PoolStatsOut>> {
    Ok(Json(pool_stats(&state)))
}

#[derive(Serialize, ToSchema)]
pub struct PingResponse {
    status: &'static str,
    message: &'static str,
    #[serde(serialize_with = "super::json::datetime")]
    #[schema(value_type = String)]
    timestamp: NaiveDateTime,
}

/// Cheapest possible answer: no database.
#[utoipa::path(get, path = "/api/v1/health/ping", tag = "health", responses((status = 200, body = PingResponse)))]
pub async fn ping() -> Json<PingResponse> {
    Json(PingResponse {
        status: "ok",
        message: "pong",
        timestamp: store::now(),
    })
}

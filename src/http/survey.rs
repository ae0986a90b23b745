//! `/api/v1/survey` (api-contract §2.12): two onboarding surveys, each worth 5 bonus queries.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult};
use super::extract::{CurrentUser, Obj, RequestBody, UserJson};
use crate::app::AppState;
use crate::domain::plans;
use crate::domain::user::User;
use crate::store::{self, survey};
use utoipa_axum::{router::OpenApiRouter, routes};

/// `weekly_insight` is a TEXT column: capped far above the React app's answers (characters).
pub const MAX_WEEKLY_INSIGHT_CHARS: usize = 5_000;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit_stage1))
        .routes(routes!(submit_stage2))
        .routes(routes!(status))
}

#[derive(Serialize, ToSchema)]
pub struct SurveySubmit {
    success: bool,
    message: String,
    new_query_count: i64,
    new_query_limit: i64,
}

const STAGE1_DONE: &str = "You have already completed the survey and received your bonus queries.";
const STAGE2_DONE: &str =
    "You have already completed the Stage 2 survey and received your bonus queries.";

/// The response computed after the row is inserted (kept for compatibility): the survey limit
/// and the queries it leaves, which can be negative.
async fn submitted(
    state: &AppState,
    user: &User,
    message: String,
) -> ApiResult<Json<SurveySubmit>> {
    let (s1, s2) = survey::status(&state.db, user.id).await?;
    let limit = user.plan().survey_limit(i64::from(s1) + i64::from(s2));
    Ok(Json(SurveySubmit {
        success: true,
        message,
        new_query_count: limit - user.monthly_query_count(),
        new_query_limit: limit,
    }))
}

fn to_json(list: &[String]) -> String {
    serde_json::to_string(list).expect("a list of strings serialises")
}

#[derive(ToSchema)]
pub struct UserSurvey {
    #[schema(max_length = 50)]
    pub role: String,
    #[schema(max_length = 100)]
    pub role_other: Option<String>,
    pub regions: Vec<String>,
    #[schema(max_length = 20)]
    pub familiarity: String,
    pub insights: Vec<String>,
    #[schema(max_length = 10)]
    pub tailored: Option<String>,
}

impl RequestBody for UserSurvey {
    fn read(o: &mut Obj<'_>) -> Self {
        let s = UserSurvey {
            role: o.req_str("role"),
            role_other: o.opt_str("role_other"),
            regions: o.req_str_list("regions"),
            familiarity: o.req_str("familiarity"),
            insights: o.req_str_list("insights"),
            tailored: o.opt_str("tailored"),
        };
        o.max_chars("role", &s.role, 50);
        if let Some(v) = &s.role_other {
            o.max_chars("role_other", v, 100);
        }
        o.max_chars("familiarity", &s.familiarity, 20);
        if let Some(v) = &s.tailored {
            o.max_chars("tailored", v, 10);
        }
        s
    }
}

/// Stage 1: the user profile survey.
#[utoipa::path(post, path = "/api/v1/survey/submit-user-survey", tag = "survey", security(("bearer" = [])),
    request_body = UserSurvey, responses((status = 200, body = SurveySubmit), (status = 400), (status = 401), (status = 422)))]
pub async fn submit_stage1(
    State(state): State<AppState>,
    UserJson { user, body, .. }: UserJson<UserSurvey>,
) -> ApiResult<Json<SurveySubmit>> {
    let UserSurvey {
        role,
        role_other,
        regions,
        familiarity,
        insights,
        tailored,
    } = body;
    let (done1, _) = survey::status(&state.db, user.user.id).await?;
    if done1 {
        return Err(ApiError::bad_request(STAGE1_DONE));
    }
    if role.is_empty() || familiarity.is_empty() || regions.is_empty() || insights.is_empty() {
        return Err(ApiError::bad_request(
            "All required fields must be provided",
        ));
    }
    let row = survey::Stage1 {
        role: &role,
        role_other: role_other.as_deref(),
        regions: &to_json(&regions),
        familiarity: &familiarity,
        insights: &to_json(&insights),
        tailored: tailored.as_deref(),
    };
    if !survey::insert_stage1(&state.db, user.user.id, &row, store::now()).await? {
        return Err(ApiError::bad_request(STAGE1_DONE));
    }
    submitted(&state, &user.user, plans::survey_unlocked_message(false)).await
}

#[derive(ToSchema)]
pub struct UserSurveyStage2 {
    #[schema(max_length = 100)]
    pub work_focus: String,
    #[schema(max_length = 100)]
    pub work_focus_other: Option<String>,
    pub pv_segments: Vec<String>,
    pub technologies: Vec<String>,
    #[schema(max_length = 200)]
    pub technologies_other: Option<String>,
    pub challenges: Vec<String>,
    #[schema(max_length = 5000)]
    pub weekly_insight: Option<String>,
}

impl RequestBody for UserSurveyStage2 {
    fn read(o: &mut Obj<'_>) -> Self {
        let s = UserSurveyStage2 {
            work_focus: o.req_str("work_focus"),
            work_focus_other: o.opt_str("work_focus_other"),
            pv_segments: o.req_str_list("pv_segments"),
            technologies: o.req_str_list("technologies"),
            technologies_other: o.opt_str("technologies_other"),
            challenges: o.req_str_list("challenges"),
            weekly_insight: o.opt_str("weekly_insight"),
        };
        o.max_chars("work_focus", &s.work_focus, 100);
        if let Some(v) = &s.work_focus_other {
            o.max_chars("work_focus_other", v, 100);
        }
        if let Some(v) = &s.technologies_other {
            o.max_chars("technologies_other", v, 200);
        }
        if let Some(v) = &s.weekly_insight {
            o.max_chars("weekly_insight", v, MAX_WEEKLY_INSIGHT_CHARS);
        }
        s
    }
}

/// Stage 2: work focus and challenges; needs stage 1.
#[utoipa::path(post, path = "/api/v1/survey/submit-user-survey-stage2", tag = "survey", security(("bearer" = [])),
    request_body = UserSurveyStage2, responses((status = 200, body = SurveySubmit), (status = 400), (status = 401), (status = 422)))]
pub async fn submit_stage2(
    State(state): State<AppState>,
    UserJson { user, body, .. }: UserJson<UserSurveyStage2>,
) -> ApiResult<Json<SurveySubmit>> {
    let UserSurveyStage2 {
        work_focus,
        work_focus_other,
        pv_segments,
        technologies,
        technologies_other,
        challenges,
        weekly_insight,
    } = body;
    let (done1, done2) = survey::status(&state.db, user.user.id).await?;
    if !done1 {
        return Err(ApiError::bad_request(
            "Please complete the User Profiling survey before accessing this survey.",
        ));
    }
    if done2 {
        return Err(ApiError::bad_request(STAGE2_DONE));
    }
    if challenges.len() > 3 {
        return Err(ApiError::bad_request(
            "Please select a maximum of 3 challenges",
        ));
    }
    let row = survey::Stage2 {
        work_focus: &work_focus,
        work_focus_other: work_focus_other.as_deref(),
        pv_segments: &to_json(&pv_segments),
        technologies: &to_json(&technologies),
        technologies_other: technologies_other.as_deref(),
        challenges: &to_json(&challenges),
        weekly_insight: weekly_insight.as_deref(),
    };
    if !survey::insert_stage2(&state.db, user.user.id, &row, store::now()).await? {
        return Err(ApiError::bad_request(STAGE2_DONE));
    }
    submitted(&state, &user.user, plans::survey_unlocked_message(true)).await
}

#[derive(Serialize, ToSchema)]
pub struct SurveyStatus {
    stage1_completed: bool,
    stage2_completed: bool,
}

/// Which survey stages the caller has completed.
#[utoipa::path(get, path = "/api/v1/survey/check-survey-status", tag = "survey", security(("bearer" = [])),
    responses((status = 200, body = SurveyStatus), (status = 401)))]
pub async fn status(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<SurveyStatus>> {
    let (s1, s2) = survey::status(&state.db, user.user.id).await?;
    Ok(Json(SurveyStatus {
        stage1_completed: s1,
        stage2_completed: s2,
    }))
}

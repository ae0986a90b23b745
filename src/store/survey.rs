//! `fastapi_user_survey` (stage 1) and `fastapi_user_survey_stage2`.

use chrono::NaiveDateTime;

use super::Db;
use crate::domain::plans::SURVEY_STAGE_BONUS;
use crate::on_db;

pub struct Stage1<'a> {
    pub role: &'a str,
    pub role_other: Option<&'a str>,
    pub regions: &'a str,
    pub familiarity: &'a str,
    pub insights: &'a str,
    pub tailored: Option<&'a str>,
}

pub struct Stage2<'a> {
    pub work_focus: &'a str,
    pub work_focus_other: Option<&'a str>,
    pub pv_segments: &'a str,
    pub technologies: &'a str,
    pub technologies_other: Option<&'a str>,
    pub challenges: &'a str,
    pub weekly_insight: Option<&'a str>,
}

/// Whether each stage is completed.
pub async fn status(db: &Db, user_id: i32) -> Result<(bool, bool), sqlx::Error> {
    on_db!(db, |p| sqlx::query_as(
        "SELECT EXISTS(SELECT 1 FROM fastapi_user_survey WHERE user_id = $1), \
                EXISTS(SELECT 1 FROM fastapi_user_survey_stage2 WHERE user_id = $1)"
    )
    .bind(user_id)
    .fetch_one(p)
    .await)
}

fn inserted(r: Result<u64, sqlx::Error>) -> Result<bool, sqlx::Error> {
    match r {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Insert the stage-1 answers with their [`SURVEY_STAGE_BONUS`] bonus queries. False when the user already has a row
/// (unique index), so two racing submissions grant the bonus once.
pub async fn insert_stage1(
    db: &Db,
    user_id: i32,
    s: &Stage1<'_>,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    inserted(on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO fastapi_user_survey (user_id, role, role_other, regions, familiarity, insights, tailored, \
           created_at, bonus_queries_granted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(user_id)
    .bind(s.role)
    .bind(s.role_other)
    .bind(s.regions)
    .bind(s.familiarity)
    .bind(s.insights)
    .bind(s.tailored)
    .bind(now)
    .bind(SURVEY_STAGE_BONUS)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    }))
}

pub async fn insert_stage2(
    db: &Db,
    user_id: i32,
    s: &Stage2<'_>,
    now: NaiveDateTime,
) -> Result<bool, sqlx::Error> {
    inserted(on_db!(db, |p| {
        sqlx::query(
        "INSERT INTO fastapi_user_survey_stage2 (user_id, work_focus, work_focus_other, pv_segments, technologies, \
           technologies_other, challenges, weekly_insight, created_at, bonus_queries_granted) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )
    .bind(user_id)
    .bind(s.work_focus)
    .bind(s.work_focus_other)
    .bind(s.pv_segments)
    .bind(s.technologies)
    .bind(s.technologies_other)
    .bind(s.challenges)
    .bind(s.weekly_insight)
    .bind(now)
    .bind(SURVEY_STAGE_BONUS)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    }))
}

//! `/api/v1/survey`: both stages, their order, and the bonus they add to the chat limit.

use serde_json::{Value, json};
use solarintel::domain::plans::Plan;

use crate::support::*;

fn stage1() -> Value {
    json!({"role": "analyst", "role_other": null, "regions": ["Europe", "Asia"], "familiarity": "expert",
           "insights": ["prices"], "tailored": "yes"})
}

fn stage2(challenges: &[&str]) -> Value {
    json!({"work_focus": "development", "pv_segments": [], "technologies": ["TOPCon"],
           "technologies_other": null, "challenges": challenges, "weekly_insight": "prices"})
}

db_test!(async fn both_stages_in_order(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let status = app.get("/api/v1/survey/check-survey-status", Some(&t)).await;
    status.assert(200);
    assert_eq!(status.json(), json!({"stage1_completed": false, "stage2_completed": false}));
    app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2(&[])).await
        .assert_detail(400, "Please complete the User Profiling survey before accessing this survey.");
    app.account("ann@example.com").monthly_count(2).apply().await;
    let r = app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &stage1()).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"success": true, "message": "Survey completed! 5 extra queries unlocked.",
                                "new_query_count": 8, "new_query_limit": 10}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_user_survey WHERE regions = '[\"Europe\",\"Asia\"]' AND bonus_queries_granted = 5").await, 1);
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &stage1()).await
        .assert_detail(400, "You have already completed the survey and received your bonus queries.");
    app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2(&["a", "b", "c", "d"])).await
        .assert_detail(400, "Please select a maximum of 3 challenges");
    let r = app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2(&["a", "b", "c"])).await;
    r.assert(200);
    assert_eq!(r.json()["message"], "Stage 2 survey completed! 5 extra queries unlocked.");
    assert_eq!(r.json()["new_query_limit"], 15);
    assert_eq!(r.json()["new_query_count"], 13);
    app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &stage2(&[])).await
        .assert_detail(400, "You have already completed the Stage 2 survey and received your bonus queries.");
    assert_eq!(app.get("/api/v1/survey/check-survey-status", Some(&t)).await.json(),
               json!({"stage1_completed": true, "stage2_completed": true}));
    // the bonus reaches the chat limit shown on the profile
    assert_eq!(app.get("/api/v1/profile", Some(&t)).await.json()["usage_stats"]["query_limit"], "15");
});

db_test!(async fn survey_limits_for_paid_plans_and_negative_counts(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    app.account("ann@example.com").plan(Plan::Max).monthly_count(2000).apply().await;
    let r = app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &stage1()).await;
    assert_eq!(r.json()["new_query_limit"], 1005);
    assert_eq!(r.json()["new_query_count"], -995);
});

db_test!(async fn required_fields_and_validation(b) {
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let mut body = stage1();
    body["regions"] = json!([]);
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &body).await
        .assert_detail(400, "All required fields must be provided");
    let mut body = stage1();
    body["role"] = json!("");
    app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &body).await
        .assert_detail(400, "All required fields must be provided");
    let r = app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &json!({"role": "x"})).await;
    assert_eq!(r.error_types(), ["missing", "missing", "missing"]);
    let mut body = stage1();
    body["role"] = json!("r".repeat(51));
    body["tailored"] = json!("t".repeat(11));
    body["insights"] = json!("prices");
    let r = app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &body).await;
    assert_eq!(r.error_types(), ["list_type", "string_too_long", "string_too_long"]);
    let mut body = stage2(&[]);
    body["technologies_other"] = json!("x".repeat(201));
    let r = app.post_json("/api/v1/survey/submit-user-survey-stage2", Some(&t), &body).await;
    assert_eq!(r.error_types(), ["string_too_long"]);
    app.post_json("/api/v1/survey/submit-user-survey", None, &stage1()).await.assert(401);
    app.get("/api/v1/survey/check-survey-status", None).await.assert(401);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_user_survey").await, 0);
});

db_test!(async fn racing_submissions_grant_the_bonus_once(b) {
    let app = std::sync::Arc::new(TestApp::start(b).await);
    let t = app.user("ann@example.com").await;
    let mut handles = Vec::new();
    for _ in 0..6 {
        let (app, t) = (app.clone(), t.clone());
        handles.push(tokio::spawn(async move {
            app.post_json("/api/v1/survey/submit-user-survey", Some(&t), &stage1()).await.status.as_u16()
        }));
    }
    let mut codes = Vec::new();
    for h in handles {
        codes.push(h.await.unwrap());
    }
    assert_eq!(codes.iter().filter(|c| **c == 200).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 200 || *c == 400));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_user_survey").await, 1);
});

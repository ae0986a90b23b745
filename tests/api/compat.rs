//! Running on the old service's database unchanged (decision C5) and honouring its tokens and
//! hashes (C3, C4). Uses `../shared/fixtures` when present.

use serde_json::{Value, json};

use crate::support::*;

const OLD_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNzYyOTAwMDAwLCJleHAiOjQxMDI0NDQ4MDB9.8wy93hdVcPWL7vJPbAWee47hXMTSryz8alTll3vHop4";
const OLD_EXPIRED: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNzYyOTAwMDAwLCJleHAiOjE3NjI5MDM2MDB9.WALMryAkUb0AH8nVAtuGwy55Z6pf9IeOqOUl7JmeU_8";
const ADA_HASH: &str = "$2b$12$kFgEewbG5kTTgh5.yqGoB.uRHUsv9ywuNUcjR6KgQnpnfcZo6mI.q";

/// What the old service left behind, written as the old service would have on PostgreSQL (the
/// fixture folder only has its schema for PostgreSQL).
fn ada_rows() -> String {
    format!(
        "INSERT INTO fastapi_users (id, username, password_hash, full_name, role, is_active, created_at, email_verified, \
           gdpr_consent_given, gdpr_consent_date, terms_accepted, terms_accepted_date, marketing_consent, privacy_policy_version, \
           terms_version, plan_type, query_count, monthly_query_count, deleted) \
         VALUES (1, 'ada@example.com', '{ADA_HASH}', 'Ada Lovelace', 'user', true, '2026-11-25 17:43:55.053067', false, true, \
           '2026-11-25 17:43:54.849062', true, '2026-11-25 17:43:54.849062', false, '1.0', '1.0', 'free', 0, 0, false);
         SELECT setval('fastapi_users_id_seq', 1);
         INSERT INTO fastapi_conversations (id, user_id, title, agent_type, created_at) VALUES (1, 1, 'Italy outlook', 'market', '2026-11-25 17:43:55.324808');
         SELECT setval('fastapi_conversations_id_seq', 1);
         INSERT INTO fastapi_messages (conversation_id, sender, content) VALUES
           (1, 'user', '{{\"type\": \"string\", \"value\": \"How much PV did Italy install in 2024?\", \"comment\": null}}'),
           (1, 'bot', '{{\"type\": \"string\", \"value\": \"Italy installed about 6.7 GW in 2024.\", \"comment\": null}}'),
           (1, 'bot', '{{\"type\": \"plot\", \"value\": {{\"plot_type\": \"bar\"}}}}');
         INSERT INTO fastapi_user_survey (user_id, role, regions, familiarity, insights, bonus_queries_granted) VALUES (1, 'analyst', '[\"Europe\"]', 'expert', '[\"prices\"]', 5);
         INSERT INTO fastapi_waitlist (email, interested_agents, notified) VALUES ('wait@example.com', 'price', false);"
    )
}

/// Rows of the O&M agent under its old name `om`, as the old service wrote them (decision F5).
const OM_ROWS: &str = "INSERT INTO fastapi_agent_access (agent_type, required_plan, is_enabled) VALUES ('om', 'free', true);
    INSERT INTO fastapi_hired_agent (user_id, agent_type, is_active) VALUES (1, 'om', true);
    INSERT INTO fastapi_agent_whitelist (agent_type, user_id, is_active) VALUES ('om', 1, true);
    INSERT INTO fastapi_conversations (user_id, title, agent_type) VALUES (1, 'O&M', 'om');";

/// The service started on the old service's database, after `extra` SQL written into it.
async fn old_database(b: Backend, extra: &str) -> Option<TestApp> {
    match b {
        Backend::Sqlite => {
            let Some(src) = fixture("old-service.sqlite") else {
                eprintln!("../shared/fixtures/old-service.sqlite is absent: nothing to adopt");
                return None;
            };
            let dir = tempfile::tempdir().unwrap().keep();
            let copy = dir.join("old.sqlite");
            std::fs::copy(src, &copy).unwrap();
            // owner-writable: the fixture folder is read-only
            let mut perm = std::fs::metadata(&copy).unwrap().permissions();
            #[expect(
                clippy::permissions_set_readonly_false,
                reason = "a test file made writable again, on purpose"
            )]
            perm.set_readonly(false);
            std::fs::set_permissions(&copy, perm).unwrap();
            if !extra.is_empty() {
                use sqlx::Executor;
                let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", copy.display()))
                    .await
                    .unwrap();
                pool.execute(sqlx::AssertSqlSafe(extra.to_string()))
                    .await
                    .unwrap();
                pool.close().await;
            }
            Some(TestApp::builder(b).sqlite_file(copy).start().await)
        }
        Backend::Postgres => {
            let Some(schema) = fixture("old-service-schema.postgres.sql") else {
                eprintln!("../shared/fixtures/old-service-schema.postgres.sql is absent");
                return None;
            };
            let sql = std::fs::read_to_string(schema).unwrap() + &ada_rows() + extra;
            Some(TestApp::builder(b).pg_setup(&sql).start().await)
        }
    }
}

db_test!(async fn adopts_the_old_database_in_place(b) {
    let Some(app) = old_database(b, "").await else { return };
    // no row lost
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = 1").await, 3);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations WHERE title = 'Italy outlook' AND user_id = 1").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_waitlist WHERE email = 'wait@example.com'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_user_survey WHERE user_id = 1").await, 1);
    // new columns exist with NULLs
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE tokens_valid_after IS NULL AND reset_token_hash IS NULL").await, 1);
    // Ada logs in with her old password and sees her account and usage
    let token = app.login("ada@example.com", "Sunny-Panel-2024!").await;
    let me = app.get("/api/v1/auth/me", Some(&token)).await;
    me.assert(200);
    assert_eq!(me.json()["full_name"], "Ada Lovelace");
    assert_eq!(me.json()["id"], 1);
    // ... and her conversation with its three stored messages
    let list = app.get("/api/v1/conversations", Some(&token)).await.json();
    assert_eq!(list[0]["title"], "Italy outlook");
    assert_eq!(list[0]["preview"], "How much PV did Italy install in 2024?");
    assert_eq!(list[0]["message_count"], 3);
    let msgs = app.get("/api/v1/conversations/1/messages", Some(&token)).await.json();
    assert_eq!(msgs.as_array().unwrap().len(), 3);
    assert_eq!(msgs[0]["sender"], "user");
    assert!(msgs[2]["content"].as_str().unwrap().contains("\"plot\""));
    // which agent answered: the bot rows take their conversation's agent
    let agent = app.get("/api/v1/conversations/1", Some(&token)).await.json()["agent_type"].clone();
    assert_eq!(msgs[0]["agent_type"], Value::Null);
    assert!(agent.is_string() && msgs[2]["agent_type"] == agent, "{agent} {}", msgs[2]);
    let profile = app.get("/api/v1/profile", Some(&token)).await.json();
    assert_eq!(profile["usage_stats"]["total_conversations"], 1);
    assert_eq!(profile["usage_stats"]["total_messages"], 3);
    assert_eq!(profile["usage_stats"]["query_limit"], "10", "stage-1 survey bonus counts");
    // the old service's token is accepted; the expired one is refused
    let r = app.get("/api/v1/auth/me", Some(OLD_TOKEN)).await;
    r.assert(200);
    assert_eq!(r.json()["username"], "ada@example.com");
    app.get("/api/v1/auth/me", Some(OLD_EXPIRED)).await.assert_detail(401, "Could not validate credentials");
    assert_eq!(app.get("/api/v1/auth/waitlist/check/wait@example.com", None).await.json()["in_waitlist"], json!(true));
    // new rows get ids after the old ones
    let id = app.register("new@example.com").await;
    assert_eq!(id, 2);
});

// The old service's later versions added `fastapi_messages.agent_type`,
// `fastapi_agent_whitelist.unlimited_queries` and the fallback agent's daily counter
// (`fastapi_users.daily_free_queries`, `daily_free_queries_reset_date`) themselves: a database
// they migrated is adopted with its values, and without a second column.
db_test!(async fn a_later_old_database_keeps_its_message_agents_and_unlimited_grants(b) {
    let extra = "ALTER TABLE fastapi_messages ADD COLUMN agent_type VARCHAR(50);
        UPDATE fastapi_messages SET agent_type = 'news' WHERE sender = 'bot';
        ALTER TABLE fastapi_agent_whitelist ADD COLUMN unlimited_queries BOOLEAN DEFAULT FALSE;
        INSERT INTO fastapi_agent_whitelist (agent_type, user_id, is_active, unlimited_queries) VALUES ('market', 1, TRUE, TRUE);
        ALTER TABLE fastapi_users ADD COLUMN daily_free_queries INTEGER;
        ALTER TABLE fastapi_users ADD COLUMN daily_free_queries_reset_date DATE;
        UPDATE fastapi_users SET daily_free_queries = 3, daily_free_queries_reset_date = '2026-11-25' WHERE id = 1;";
    let Some(app) = old_database(b, extra).await else { return };
    assert_eq!(app.scalar("SELECT daily_free_queries FROM fastapi_users WHERE id = 1 AND daily_free_queries_reset_date = '2026-11-25'").await, 3);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = 1 AND sender = 'bot' AND agent_type = 'news'").await, 2);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = 1 AND sender = 'user' AND agent_type IS NULL").await, 1);
    let token = app.login("ada@example.com", "Sunny-Panel-2024!").await;
    let msgs = app.get("/api/v1/conversations/1/messages", Some(&token)).await.json();
    assert_eq!(msgs[2]["agent_type"], "news");
    assert_eq!(app.get("/api/v1/chat/unlimited-access-agents", Some(&token)).await.json()["agents"], json!(["market"]));
});

// Decision F18, revised: charts this service stored with a caption in `value` and the object
// under `plot` are converted to the object in `value`; a hand-written message that only looks
// like one (not valid JSON) is left alone and does not stop the migration.
db_test!(async fn captioned_chart_rows_move_their_plot_into_value(b) {
    let extra = r#"INSERT INTO fastapi_messages (conversation_id, sender, content) VALUES
        (1, 'bot', '{"type":"plot","value":"Chart: Spain, MW","plot":{"title":"Spain","unit":"MW","data":[{"x":1}]}}'),
        (1, 'bot', '{"type":"plot", not json');"#;
    let Some(app) = old_database(b, extra).await else { return };
    let token = app.login("ada@example.com", "Sunny-Panel-2024!").await;
    let msgs = app.get("/api/v1/conversations/1/messages", Some(&token)).await.json();
    let contents: Vec<&str> = msgs.as_array().unwrap().iter().map(|m| m["content"].as_str().unwrap()).collect();
    let n = contents.len();
    assert_eq!(
        serde_json::from_str::<Value>(contents[n - 2]).unwrap(),
        json!({"type": "plot", "value": {"title": "Spain", "unit": "MW", "data": [{"x": 1}]}})
    );
    assert_eq!(contents[n - 1], r#"{"type":"plot", not json"#);
});

db_test!(async fn om_rows_become_leo_om(b) {
    let Some(app) = old_database(b, OM_ROWS).await else { return };
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_hired_agent WHERE agent_type = 'leo_om' AND required_plan_at_hire = 'free'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'leo_om'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_access WHERE agent_type = 'om'").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_agent_whitelist WHERE agent_type = 'leo_om'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations WHERE agent_type = 'leo_om'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_conversations WHERE agent_type = 'om'").await, 0);
});

db_test!(async fn migrations_are_idempotent(b) {
    let app = TestApp::start(b).await;
    app.register("ann@example.com").await;
    app.db().migrate().await.unwrap();
    app.db().migrate().await.unwrap();
    assert!(app.db().migrations_applied().await.unwrap());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 1);
    for table in ["fastapi_revoked_tokens", "fastapi_chat_turns", "fastapi_chat_events", "fastapi_job_leases",
                  "fastapi_contact_request", "fastapi_user_survey_stage2", "fastapi_agent_whitelist"] {
        assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM {table}")).await, 0, "{table}");
    }
});

// The old service's later versions made the GDPR tables and the restriction columns themselves
// (decision L7): a database they set up is adopted with its restrictions, log rows and breaches.
db_test!(async fn an_old_database_keeps_its_restrictions_processing_log_and_breaches(b) {
    let id = match b {
        Backend::Sqlite => "INTEGER PRIMARY KEY",
        Backend::Postgres => "SERIAL PRIMARY KEY",
    };
    let extra = format!(
        "ALTER TABLE fastapi_users ADD COLUMN processing_restricted BOOLEAN DEFAULT FALSE NOT NULL;
        ALTER TABLE fastapi_users ADD COLUMN restriction_requested_at TIMESTAMP NULL;
        ALTER TABLE fastapi_users ADD COLUMN restriction_reason TEXT NULL;
        ALTER TABLE fastapi_users ADD COLUMN restriction_grounds VARCHAR(50) NULL;
        UPDATE fastapi_users SET processing_restricted = TRUE, restriction_requested_at = '2026-01-10 09:00:00',
          restriction_reason = 'My company is wrong', restriction_grounds = 'accuracy' WHERE id = 1;
        CREATE TABLE fastapi_data_processing_logs (id {id}, user_id INTEGER NOT NULL, activity_type VARCHAR(50) NOT NULL,
          endpoint VARCHAR(255), method VARCHAR(10), ip_address VARCHAR(45), user_agent VARCHAR(255), purpose TEXT,
          data_categories TEXT, legal_basis VARCHAR(50), timestamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
          performed_by_user_id INTEGER);
        INSERT INTO fastapi_data_processing_logs (user_id, activity_type, endpoint, method, purpose, data_categories, legal_basis, timestamp)
          VALUES (1, 'data_access', '/api/v1/profile', 'GET', 'User accessed their profile information', '[\"profile\"]', 'contract', '2026-01-09 08:00:00');
        CREATE TABLE fastapi_data_breach_logs (id {id}, breach_type VARCHAR(50) NOT NULL, severity VARCHAR(20) NOT NULL,
          description TEXT NOT NULL, affected_data_categories TEXT, estimated_affected_users INTEGER,
          discovered_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, breach_occurred_at TIMESTAMP, contained_at TIMESTAMP,
          resolved_at TIMESTAMP, discovered_by VARCHAR(100), discovery_method VARCHAR(100), risk_level VARCHAR(20) NOT NULL,
          likely_consequences TEXT, technical_measures TEXT, organizational_measures TEXT,
          internal_team_notified BOOLEAN DEFAULT FALSE, internal_notification_date TIMESTAMP, dpa_notified BOOLEAN DEFAULT FALSE,
          dpa_notification_date TIMESTAMP, dpa_notification_required BOOLEAN DEFAULT TRUE, users_notified BOOLEAN DEFAULT FALSE,
          users_notification_date TIMESTAMP, users_notification_required BOOLEAN DEFAULT FALSE, remediation_steps TEXT,
          prevention_measures TEXT, status VARCHAR(20) NOT NULL DEFAULT 'open',
          created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP, created_by_user_id INTEGER, notes TEXT);
        INSERT INTO fastapi_data_breach_logs (breach_type, severity, description, affected_data_categories, risk_level, status,
          discovered_at, dpa_notification_required, users_notification_required)
          VALUES ('data_leak', 'high', 'An old breach', '[\"email\"]', 'high', 'investigating', '2026-01-08 10:00:00', TRUE, TRUE);"
    );
    let Some(app) = old_database(b, &extra).await else { return };
    let token = app.login("ada@example.com", "Sunny-Panel-2024!").await;
    let status = app.get("/api/v1/profile/restriction-status", Some(&token)).await.json();
    assert_eq!(status["restricted"], true, "{status}");
    assert_eq!(status["reason"], "My company is wrong");
    let r = app.post_json("/api/v1/chat/send", Some(&token), &json!({"conversation_id": 1, "message": "hello", "agent_type": "market"})).await;
    r.assert(403);
    assert_eq!(r.json()["detail"]["restricted_at"], "2026-01-10T09:00:00");
    app.post_json("/api/v1/profile/cancel-restriction", Some(&token), &json!({})).await.assert(200);
    let logs = app.get("/api/v1/profile/processing-logs", Some(&token)).await.json();
    let purposes: Vec<&str> = logs["logs"].as_array().unwrap().iter().map(|l| l["purpose"].as_str().unwrap()).collect();
    assert_eq!(purposes, ["User cancelled restriction of processing", "User accessed their profile information"]);
    let admin = app.admin("root@example.com").await;
    let active = app.get("/api/v1/admin/breach/active", Some(&admin)).await.json();
    assert_eq!(active[0]["description"], "An old breach", "{active}");
    assert_eq!(active[0]["affected_data_categories"], json!(["email"]));
    assert_eq!(active[0]["internal_team_notified"], false);
    let created = app.post_json("/api/v1/admin/breach/create", Some(&admin), &json!({
        "breach_type": "data_leak", "severity": "low", "description": "New", "risk_level": "low",
        "affected_data_categories": []})).await;
    created.assert(200);
    assert_eq!(created.json()["id"], 2, "new breaches follow the old ones");
});

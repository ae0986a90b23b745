//! Typed fixtures: the states of an account that tests set up and no endpoint offers (a plan, a
//! role, a used quota, an old timestamp, ...), written straight to the database.
//!
//! ```ignore
//! app.account("ann@example.com").plan(Plan::Max).monthly_count(5).apply().await;
//! app.account(id).active(None).apply().await; // NULL, as the old service may leave it
//! app.every_account().role(Role::Admin).active(true).apply().await;
//! ```
//!
//! Each setter names one meaning and takes the crate's own types; the column names and the SQL
//! live only here, and every value is bound, never formatted into the statement. `apply` writes
//! as the app would: its cached authentications are forgotten after it (like [`TestApp::exec`]).
//! `apply_elsewhere` writes as another process would (the CLI, another replica): the app is not
//! told (like [`TestApp::exec_raw`]).
//!
//! What a test writes on purpose and no fixture should offer (the old service's rows, a corrupt
//! value, a fault) stays raw SQL through `exec` in the test itself.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde_json::Value;
use solarintel::domain::agents::AgentType;
use solarintel::domain::plans::Plan;
use solarintel::domain::user::Role;
use solarintel::store::Db;

use super::TestApp;

/// Which accounts a fixture changes: one by id (`app.account(id)`), one by username
/// (`app.account("ann@example.com")`), or all of them ([`TestApp::every_account`]).
#[derive(Clone, Debug)]
pub enum Who {
    Id(i64),
    Username(String),
    Everyone,
}

impl From<i64> for Who {
    fn from(id: i64) -> Self {
        Who::Id(id)
    }
}

impl From<i32> for Who {
    fn from(id: i32) -> Self {
        Who::Id(id.into())
    }
}

impl From<&str> for Who {
    fn from(username: &str) -> Self {
        Who::Username(username.to_string())
    }
}

/// A value as its column holds it, so that a NULL is typed too (PostgreSQL wants a timestamp
/// NULL for a timestamp column, not a text one).
#[derive(Clone, Debug)]
enum Val {
    Int(Option<i32>),
    Bool(Option<bool>),
    Text(Option<String>),
    Time(Option<NaiveDateTime>),
    Date(Option<NaiveDate>),
}

/// Changes to the accounts [`Who`] picks, written by [`Account::apply`] in one `UPDATE`.
#[must_use = "a fixture writes nothing until `apply`"]
pub struct Account<'a> {
    app: &'a TestApp,
    who: Who,
    set: Vec<(&'static str, Val)>,
}

impl TestApp {
    /// Fixtures for one account, by id or username.
    pub fn account(&self, who: impl Into<Who>) -> Account<'_> {
        Account {
            app: self,
            who: who.into(),
            set: Vec::new(),
        }
    }

    /// Fixtures for every account there is.
    pub fn every_account(&self) -> Account<'_> {
        self.account(Who::Everyone)
    }

    /// Make account `id` look `secs` old: created then, and taking tokens issued since then (a
    /// token issued before an account existed never opens it).
    pub async fn backdate_account(&self, id: i64, secs: i64) {
        let t = (chrono::Utc::now() - chrono::Duration::seconds(secs))
            .naive_utc()
            .with_nanosecond(0)
            .unwrap();
        self.account(id)
            .created(t)
            .tokens_valid_after(t)
            .apply()
            .await;
    }
}

impl Account<'_> {
    fn set(mut self, column: &'static str, v: Val) -> Self {
        let v = match v {
            Val::Time(t) => Val::Time(t.map(micros)),
            v => v,
        };
        self.set.push((column, v));
        self
    }

    /// The plan (`None`: NULL, which reads as `free`).
    pub fn plan(self, plan: impl Into<Option<Plan>>) -> Self {
        let plan = plan.into().map(|p| p.as_str().to_string());
        self.set("plan_type", Val::Text(plan))
    }

    /// The role (`None`: NULL, which reads as `user`).
    pub fn role(self, role: impl Into<Option<Role>>) -> Self {
        let role = role.into().map(|r| r.as_str().to_string());
        self.set("role", Val::Text(role))
    }

    /// Active, inactive (pending approval), or NULL (`None`, which counts as inactive).
    pub fn active(self, active: impl Into<Option<bool>>) -> Self {
        self.set("is_active", Val::Bool(active.into()))
    }

    /// Marked deleted (what a deletion request leaves until the purge).
    pub fn deleted(self, deleted: bool) -> Self {
        self.set("deleted", Val::Bool(Some(deleted)))
    }

    /// When the account asked to be deleted.
    pub fn deletion_requested(self, at: NaiveDateTime) -> Self {
        self.set("deletion_requested_at", Val::Time(Some(at)))
    }

    /// Whether the email address is verified.
    pub fn email_verified(self, verified: bool) -> Self {
        self.set("email_verified", Val::Bool(Some(verified)))
    }

    /// Whether the account must verify its address before logging in (migration 0014 leaves
    /// the accounts that existed before it unflagged).
    pub fn verification_required(self, required: bool) -> Self {
        self.set("email_verification_required", Val::Bool(Some(required)))
    }

    /// When the emailed verification token expires.
    pub fn verification_token_expiry(self, at: NaiveDateTime) -> Self {
        self.set("verification_token_expiry", Val::Time(Some(at)))
    }

    /// When the emailed reset token expires (`None`: NULL).
    pub fn reset_token_expiry(self, at: impl Into<Option<NaiveDateTime>>) -> Self {
        self.set("reset_token_expiry", Val::Time(at.into()))
    }

    /// A reset token as the old service stored it: in plain text, with no hash.
    pub fn legacy_reset_token(self, token: &str) -> Self {
        self.set("reset_token", Val::Text(Some(token.to_string())))
            .set("reset_token_hash", Val::Text(None))
    }

    /// The stored password hash, as it is (any string: an old or an unparsable one).
    pub fn password_hash(self, hash: &str) -> Self {
        self.set("password_hash", Val::Text(Some(hash.to_string())))
    }

    /// Queries asked in all (`None`: NULL).
    pub fn query_count(self, n: impl Into<Option<i32>>) -> Self {
        self.set("query_count", Val::Int(n.into()))
    }

    /// Queries asked this month (`None`: NULL).
    pub fn monthly_count(self, n: impl Into<Option<i32>>) -> Self {
        self.set("monthly_query_count", Val::Int(n.into()))
    }

    /// When the monthly count was last reset (`None`: NULL; the anchor then falls back to the
    /// last query, then the creation).
    pub fn last_reset(self, at: impl Into<Option<NaiveDateTime>>) -> Self {
        self.set("last_reset_date", Val::Time(at.into()))
    }

    /// When the account last asked a query.
    pub fn last_query(self, at: NaiveDateTime) -> Self {
        self.set("last_query_date", Val::Time(Some(at)))
    }

    /// The fallback agent's day (`daily_free_queries_reset_date`): its daily quota is of that
    /// day.
    pub fn fallback_day(self, day: NaiveDate) -> Self {
        self.set("daily_free_queries_reset_date", Val::Date(Some(day)))
    }

    /// When the account was created (`None`: NULL).
    pub fn created(self, at: impl Into<Option<NaiveDateTime>>) -> Self {
        self.set("created_at", Val::Time(at.into()))
    }

    /// Tokens issued before this are refused.
    pub fn tokens_valid_after(self, at: NaiveDateTime) -> Self {
        self.set("tokens_valid_after", Val::Time(Some(at)))
    }

    /// Write, as a write through the app would be: the app's cached authentications are
    /// forgotten after it.
    pub async fn apply(self) {
        let app = self.app;
        self.write().await;
        app.state.auth_cache.invalidate();
    }

    /// Write as another process would (the CLI, another replica): the app is not told, so its
    /// cached authentications may serve the old account for up to
    /// `store::users::AUTH_CACHE_TTL`.
    pub async fn apply_elsewhere(self) {
        self.write().await;
    }

    async fn write(self) {
        assert!(!self.set.is_empty(), "a fixture with nothing to set");
        let mut values: Vec<Val> = Vec::new();
        let mut columns = Vec::new();
        for (column, v) in self.set {
            values.push(v);
            columns.push(format!("{column} = ${}", values.len()));
        }
        let filter = match &self.who {
            &Who::Id(id) => {
                values.push(Val::Int(Some(id.try_into().expect("an account id"))));
                format!(" WHERE id = ${}", values.len())
            }
            Who::Username(name) => {
                values.push(Val::Text(Some(name.clone())));
                format!(" WHERE username = ${}", values.len())
            }
            Who::Everyone => String::new(),
        };
        // Only column names of this file and numbered placeholders go into the statement.
        let sql = format!("UPDATE fastapi_users SET {}{filter}", columns.join(", "));
        let changed = execute(self.app.db(), sql, values).await;
        if !matches!(self.who, Who::Everyone) {
            assert_eq!(changed, 1, "no account {:?}", self.who);
        }
    }
}

/// A chat turn as a replica that died mid-turn leaves it: still `running`, not refunded, its
/// heartbeat stopped at `heartbeat`.
#[derive(Clone, Copy, Debug)]
pub struct DeadTurn {
    pub user: i64,
    pub conversation: i64,
    pub agent: AgentType,
    /// Whether some of the answer had been sent (an answered turn is not refunded).
    pub answered: bool,
    pub started: NaiveDateTime,
    pub heartbeat: NaiveDateTime,
}

/// A completed first survey stage as stored; `bonus` queries are added to the monthly limit.
#[derive(Clone, Copy, Debug)]
pub struct Survey<'a> {
    pub role: &'a str,
    pub regions: &'a [&'a str],
    pub familiarity: &'a str,
    pub insights: &'a [&'a str],
    pub bonus: i32,
}

impl TestApp {
    /// Account `user` completed the first survey stage with `answers` (the row alone: not the
    /// endpoint's other effects).
    pub async fn survey_answered(&self, user: impl Into<i64>, answers: Survey<'_>) {
        let list = |items: &[&str]| serde_json::to_string(items).unwrap();
        let values = vec![
            Val::Int(Some(user.into().try_into().unwrap())),
            Val::Text(Some(answers.role.into())),
            Val::Text(Some(list(answers.regions))),
            Val::Text(Some(answers.familiarity.into())),
            Val::Text(Some(list(answers.insights))),
            Val::Int(Some(answers.bonus)),
        ];
        let sql = "INSERT INTO fastapi_user_survey \
                   (user_id, role, regions, familiarity, insights, bonus_queries_granted) \
                   VALUES ($1, $2, $3, $4, $5, $6)";
        execute(self.db(), sql.into(), values).await;
        self.state.auth_cache.invalidate();
    }

    /// Conversations `ids` created at `at` (a turn is never older than its conversation).
    pub async fn backdate_conversations(&self, ids: &[i64], at: NaiveDateTime) {
        for &id in ids {
            let values = vec![
                Val::Time(Some(micros(at))),
                Val::Int(Some(id.try_into().unwrap())),
            ];
            let sql = "UPDATE fastapi_conversations SET created_at = $1 WHERE id = $2";
            assert_eq!(
                execute(self.db(), sql.into(), values).await,
                1,
                "no conversation {id}"
            );
        }
        self.state.auth_cache.invalidate();
    }

    /// Agent `agent` requires plan `plan`.
    pub async fn agent_requires(&self, agent: AgentType, plan: Plan) {
        let values = vec![
            Val::Text(Some(plan.as_str().into())),
            Val::Text(Some(agent.as_str().into())),
        ];
        let sql = "UPDATE fastapi_agent_access SET required_plan = $1 WHERE agent_type = $2";
        assert_eq!(
            execute(self.db(), sql.into(), values).await,
            1,
            "no agent {agent:?}"
        );
        self.state.auth_cache.invalidate();
    }

    /// Insert `turn`; its id.
    pub async fn dead_turn(&self, turn: DeadTurn) -> i64 {
        let values = vec![
            Val::Int(Some(turn.user.try_into().unwrap())),
            Val::Int(Some(turn.conversation.try_into().unwrap())),
            Val::Text(Some(turn.agent.as_str().into())),
            Val::Bool(Some(turn.answered)),
            Val::Time(Some(micros(turn.started))),
            Val::Time(Some(micros(turn.heartbeat))),
        ];
        let sql = "INSERT INTO fastapi_chat_turns (user_id, conversation_id, agent_type, status, \
                   answered, refunded, created_at, heartbeat_at) \
                   VALUES ($1, $2, $3, 'running', $4, FALSE, $5, $6)";
        execute(self.db(), sql.into(), values).await;
        self.state.auth_cache.invalidate();
        self.scalar("SELECT MAX(id) FROM fastapi_chat_turns").await
    }

    /// Event `seq` of turn `turn`, stored at `at` as the turn's stream sent it.
    pub async fn turn_event(&self, turn: i64, seq: i32, data: &Value, at: NaiveDateTime) {
        let values = vec![
            Val::Int(Some(turn.try_into().unwrap())),
            Val::Int(Some(seq)),
            Val::Text(Some(data.to_string())),
            Val::Time(Some(micros(at))),
        ];
        let sql = "INSERT INTO fastapi_chat_events (turn_id, seq, data, created_at) \
                   VALUES ($1, $2, $3, $4)";
        execute(self.db(), sql.into(), values).await;
        self.state.auth_cache.invalidate();
    }
}

/// `t` to the microsecond, as the app stores times and PostgreSQL keeps them.
fn micros(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(t.nanosecond() / 1000 * 1000).unwrap()
}

/// Run `sql` with `values` bound to `$1`, `$2`, ... in order; the rows it changed.
///
/// The statement is marked as a fixture's: sqlx caches a connection's prepared statements by
/// their text, with the parameter types of the first use, so a fixture's statement must never
/// read like one of the app's (PostgreSQL then refuses a parameter bound with another type).
async fn execute(db: &Db, sql: String, values: Vec<Val>) -> u64 {
    let sql = format!("/* test fixture */ {sql}");
    macro_rules! run {
        ($pool:expr) => {{
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for v in values {
                q = match v {
                    Val::Int(v) => q.bind(v),
                    Val::Bool(v) => q.bind(v),
                    Val::Text(v) => q.bind(v),
                    Val::Time(v) => q.bind(v),
                    Val::Date(v) => q.bind(v),
                };
            }
            q.execute($pool).await.unwrap().rows_affected()
        }};
    }
    match db {
        Db::Sqlite(p) => run!(p),
        Db::Postgres(p) => run!(p),
    }
}

/// A time written as the database shows it: `2020-01-01 00:00:00`, with or without a fraction
/// of a second.
#[track_caller]
pub fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("not a time {text:?}: {e}"))
}

/// A day written as the database shows it: `2020-01-01`.
#[track_caller]
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("not a day {text:?}: {e}"))
}

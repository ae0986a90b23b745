//! The users' notices of a breach (GDPR Art. 34), sent so that none is lost: the work is a row
//! of `fastapi_breach_user_notices` written with the admin's request, the sender records each
//! account emailed, and a sender that stopped (a restart, a mail server down) is taken over by
//! the sweep every [`super::ORPHAN_SWEEP`] from the last account emailed. One sender at a time
//! holds a notice (a claim that runs out after [`CLAIM`]), so no account is emailed twice by two
//! replicas. A failed email is tried again at the next sweep, and passed over (counted as
//! failed, and logged) after [`TRIES`] tries, so one bad address cannot hold up the rest.

use chrono::{Duration, NaiveDateTime};

use crate::app::AppState;
use crate::mail::templates::{self, BreachFacts};
use crate::store::{self, breach as st};

/// How long a sender holds a notice without progress before another may take it over.
pub const CLAIM: Duration = Duration::minutes(2);
/// Tries per recipient before it is passed over.
pub const TRIES: i32 = 3;
/// Accounts read per query while the notices go out.
const RECIPIENT_PAGE: i64 = 500;

/// A time as the breach emails write it, or `none`.
pub fn mail_time(t: Option<NaiveDateTime>, none: &str) -> String {
    t.map_or(none.to_string(), |t| {
        t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
    })
}

/// What every breach email says about the breach.
pub fn facts<'a>(
    state: &'a AppState,
    b: &'a st::BreachRow,
    categories: &'a [String],
) -> BreachFacts<'a> {
    BreachFacts {
        id: b.id,
        breach_type: &b.breach_type,
        severity: &b.severity,
        risk_level: &b.risk_level,
        description: &b.description,
        categories,
        estimated_affected_users: b.estimated_affected_users,
        occurred_at: mail_time(b.breach_occurred_at, "Unknown"),
        discovered_at: mail_time(Some(b.discovered_at), "Unknown"),
        contained_at: mail_time(b.contained_at, "In progress"),
        controller: &state.settings.data_controller,
        contact: state.settings.breach_internal_email.as_deref(),
    }
}

/// Send (or go on sending) the users' notice of breach `id`, if nobody else is. Returns the
/// emails sent by this call.
pub async fn send_user_notices(state: &AppState, id: i64) -> u64 {
    // Each sender its own holder, so two senders on one replica cannot both hold a notice.
    let holder = uuid::Uuid::new_v4().simple().to_string();
    match send(state, id, &holder).await {
        Ok(n) => n,
        Err(e) => {
            tracing::error!(breach_id = id, error = %e, "breach notices to users paused: the database failed; the sweep goes on later");
            let _ = st::release_notice(&state.db, id, &holder, None).await;
            0
        }
    }
}

async fn send(state: &AppState, id: i64, holder: &str) -> Result<u64, sqlx::Error> {
    let db = &state.db;
    let now = store::now();
    let Some(notice) = st::claim_notice(db, id, holder, now, now + CLAIM).await? else {
        return Ok(0);
    };
    let Some(breach) = st::get(db, id).await? else {
        // (A breach is never deleted; a notice without one has nothing to say.)
        st::release_notice(db, id, holder, Some(now)).await?;
        return Ok(0);
    };
    let categories = breach.categories();
    let facts = facts(state, &breach, &categories);
    let (mut sent, mut failed, mut after) = (0u64, 0u64, notice.after_id);
    loop {
        let page = st::recipients(db, after, notice.up_to, RECIPIENT_PAGE).await?;
        if page.is_empty() {
            st::release_notice(db, id, holder, Some(store::now())).await?;
            tracing::info!(
                breach_id = id,
                sent = notice.sent as u64 + sent,
                failed = notice.failed as u64 + failed,
                "breach notices to users sent"
            );
            return Ok(sent);
        }
        for (user_id, address) in page {
            let email = templates::breach_user(
                &address,
                &facts,
                breach.remediation_steps.as_deref(),
                &notice.user_actions,
            );
            let ok = match state.mailer.send_now(&email).await {
                Ok(()) => true,
                Err(e) => {
                    let tries = st::notice_try_failed(db, id, holder).await?;
                    tracing::warn!(breach_id = id, user_id, tries, error = %e, "breach notice not sent");
                    if tries < TRIES {
                        // Tried again at the next sweep, from this account.
                        st::release_notice(db, id, holder, None).await?;
                        return Ok(sent);
                    }
                    false
                }
            };
            if !st::notice_step(db, id, holder, user_id, ok, store::now() + CLAIM).await? {
                // Taken over by another sender (this one was too slow): it goes on from here.
                return Ok(sent);
            }
            if ok {
                sent += 1;
            } else {
                failed += 1;
            }
            after = user_id;
        }
    }
}

/// Take up every notice left unfinished by a sender that stopped. Returns the emails sent.
pub async fn resume(state: &AppState) -> Result<u64, sqlx::Error> {
    let mut n = 0;
    for id in st::pending_notices(&state.db, store::now()).await? {
        n += send_user_notices(state, id).await;
    }
    Ok(n)
}

//! Staff notifications of new leads: each new expert-contact request and waitlist
//! entry is emailed to `CONTACT_NOTIFY_EMAIL` and POSTed as JSON to `CONTACT_WEBHOOK_URL`.
//!
//! A notification is sent in a spawned task after the user's row is stored, so it never delays
//! or fails the user's request. Each channel is tried [`ATTEMPTS`] times, pausing
//! `retry_pause`, then twice that, between attempts; the final failure is logged with the
//! webhook's scheme and host only (its path and query often are the credential). It is not
//! durable: a notification still being retried when the process stops is lost, and the lead
//! stays in the admin lists (`GET /api/v1/admin/contact-requests`, `/admin/waitlist`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use crate::config::{Settings, redact_webhook_url};
use crate::mail::{Email, Mailer};

/// Tries per channel.
pub const ATTEMPTS: u32 = 3;
/// The first pause between tries (then doubled).
pub const RETRY_PAUSE: Duration = Duration::from_secs(2);
/// The longest one webhook call may take, connection included.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(5);

/// Which list a lead joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Contact,
    Waitlist,
}

/// The webhook's JSON body: `kind`, `id`, `email`, `created_at` (UTC, ISO-8601) and what the
/// lead wrote.
#[derive(Clone, Debug, Serialize)]
pub struct Lead {
    pub kind: Kind,
    pub id: i32,
    pub email: String,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Contact: the experts chosen; waitlist: the agents of interest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected_experts: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interested_agents: Option<Value>,
}

impl Lead {
    pub fn new(kind: Kind, id: i32, email: &str, created_at: NaiveDateTime) -> Lead {
        Lead {
            kind,
            id,
            email: email.into(),
            created_at: crate::domain::time::format_datetime(&created_at),
            name: None,
            message: None,
            selected_experts: None,
            interested_agents: None,
        }
    }

    fn email_to(&self, to: &str) -> Email {
        let (subject, what) = match self.kind {
            Kind::Contact => (
                format!(
                    "New expert-contact request #{} from {}",
                    self.id, self.email
                ),
                "asked to be contacted by an expert",
            ),
            Kind::Waitlist => (
                format!("New waitlist entry #{}: {}", self.id, self.email),
                "joined the waitlist",
            ),
        };
        let mut body = format!(
            "{} {what} at {} (UTC).\n",
            self.name.as_deref().unwrap_or(&self.email),
            self.created_at
        );
        body.push_str(&format!("\nEmail: {}\n", self.email));
        if let Some(m) = &self.message {
            body.push_str(&format!("\nMessage:\n{m}\n"));
        }
        if let Some(e) = &self.selected_experts {
            body.push_str(&format!("\nSelected experts: {e}\n"));
        }
        if let Some(a) = &self.interested_agents {
            body.push_str(&format!("\nInterested agents: {a}\n"));
        }
        let list = match self.kind {
            Kind::Contact => "contact-requests",
            Kind::Waitlist => "waitlist",
        };
        body.push_str(&format!(
            "\nList and close it: GET /api/v1/admin/{list}, POST /api/v1/admin/{list}/{}/close\n",
            self.id
        ));
        Email {
            to: to.into(),
            subject,
            body,
        }
    }
}

struct Inner {
    email: Option<String>,
    webhook: Option<String>,
    client: reqwest::Client,
    mailer: Mailer,
    /// The first pause between tries, in milliseconds.
    pause_ms: AtomicU64,
}

/// Sends lead notifications; cheap to clone.
#[derive(Clone)]
pub struct Notifier(Arc<Inner>);

impl Notifier {
    pub fn from_settings(settings: &Settings, mailer: Mailer) -> anyhow::Result<Notifier> {
        let client = reqwest::Client::builder()
            .timeout(WEBHOOK_TIMEOUT)
            .connect_timeout(WEBHOOK_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Notifier(Arc::new(Inner {
            email: settings.contact_notify_email.clone(),
            webhook: settings.contact_webhook_url.clone(),
            client,
            mailer,
            pause_ms: AtomicU64::new(RETRY_PAUSE.as_millis() as u64),
        })))
    }

    /// Change the first pause between tries (tests use a few milliseconds).
    pub fn set_retry_pause(&self, pause: Duration) {
        self.0
            .pause_ms
            .store(pause.as_millis() as u64, Ordering::Relaxed);
    }

    fn pause(&self, attempt: u32) -> Duration {
        Duration::from_millis(self.0.pause_ms.load(Ordering::Relaxed)) * 2u32.pow(attempt - 1)
    }

    /// Tell staff of a new lead, in the background; returns at once.
    pub fn lead(&self, lead: Lead) {
        if let Some(to) = &self.0.email {
            let me = self.clone();
            let email = lead.email_to(to);
            let (kind, id) = (lead.kind, lead.id);
            tokio::spawn(async move {
                me.with_retries("email", kind, id, || async {
                    me.0.mailer
                        .send_now(&email)
                        .await
                        .map_err(|e| e.to_string())
                })
                .await
            });
        }
        if let Some(url) = &self.0.webhook {
            let me = self.clone();
            let url = url.clone();
            tokio::spawn(async move {
                me.with_retries("webhook", lead.kind, lead.id, || me.post(&url, &lead))
                    .await
            });
        }
    }

    async fn post(&self, url: &str, lead: &Lead) -> Result<(), String> {
        // `without_url`: reqwest's errors name the URL, which must not reach the log.
        let r = self
            .0
            .client
            .post(url)
            .json(lead)
            .send()
            .await
            .map_err(|e| e.without_url().to_string())?;
        if r.status().is_success() {
            Ok(())
        } else {
            Err(format!("answered {}", r.status()))
        }
    }

    async fn with_retries<F, Fut>(&self, channel: &'static str, kind: Kind, id: i32, mut f: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<(), String>>,
    {
        let target = match channel {
            "webhook" => self.0.webhook.as_deref().map(redact_webhook_url),
            _ => self.0.email.clone(),
        }
        .unwrap_or_default();
        for attempt in 1..=ATTEMPTS {
            match f().await {
                Ok(()) => {
                    tracing::debug!(channel, ?kind, id, attempt, "lead notification sent");
                    return;
                }
                Err(error) if attempt < ATTEMPTS => {
                    tracing::debug!(channel, ?kind, id, attempt, %error, "lead notification failed; retrying");
                    tokio::time::sleep(self.pause(attempt)).await;
                }
                Err(error) => {
                    tracing::warn!(channel, to = %target, ?kind, id, attempts = ATTEMPTS, %error,
                        "lead notification not delivered; the lead is in the admin lists");
                }
            }
        }
    }
}

//! Email (decision F15): over SMTP when `SMTP_HOST` is set, otherwise written to the log with
//! its one-time tokens redacted. Sending happens in the background; a failure is logged and never
//! changes an HTTP response.

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{SmtpSettings, SmtpTls};

#[derive(Clone, Debug)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Clone)]
pub enum Mailer {
    Log,
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_settings(smtp: Option<&SmtpSettings>) -> anyhow::Result<Mailer> {
        let Some(s) = smtp else {
            return Ok(Mailer::Log);
        };
        let mut b = match s.tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host),
            SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)
                .tls(Tls::Required(TlsParameters::new(s.host.clone())?)),
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)
                .tls(Tls::Wrapper(TlsParameters::new(s.host.clone())?)),
        }
        .port(s.port)
        .timeout(Some(std::time::Duration::from_secs(20)));
        if let (Some(u), Some(p)) = (&s.username, &s.password) {
            b = b.credentials(Credentials::new(u.clone(), p.clone()));
        }
        let from: Mailbox = s
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("SMTP_FROM: {e}"))?;
        Ok(Mailer::Smtp {
            transport: b.build(),
            from,
        })
    }

    /// Connect, greet (EHLO, STARTTLS and login as configured) and say NOOP; no mail is sent
    /// (`doctor`). The log mailer has nothing to check.
    pub async fn test_connection(&self) -> anyhow::Result<()> {
        match self {
            Mailer::Log => Ok(()),
            Mailer::Smtp { transport, .. } => {
                if transport.test_connection().await? {
                    Ok(())
                } else {
                    anyhow::bail!("the server did not answer NOOP")
                }
            }
        }
    }

    /// Queue an email; returns at once.
    pub fn send(&self, email: Email) {
        let me = self.clone();
        tokio::spawn(async move {
            if let Err(e) = me.send_now(&email).await {
                tracing::warn!(to = %email.to, subject = %email.subject, error = %e, "email not sent");
            }
        });
    }

    pub async fn send_now(&self, email: &Email) -> anyhow::Result<()> {
        match self {
            Mailer::Log => {
                tracing::info!(
                    to = %email.to,
                    subject = %email.subject,
                    "email (SMTP_HOST not set, so written to the log instead of sent; one-time tokens redacted):\n{}",
                    redact_tokens(&email.body)
                );
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let msg = Message::builder()
                    .from(from.clone())
                    .to(email
                        .to
                        .parse()
                        .map_err(|e| anyhow::anyhow!("recipient {}: {e}", email.to))?)
                    .subject(&email.subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(email.body.clone())?;
                transport.send(msg).await?;
                Ok(())
            }
        }
    }
}

/// `text` with the value of every `token=` query parameter replaced by `<redacted>`. A logged
/// email never carries a usable reset or verification token: whoever reads the log must not be
/// able to take over an account, in any environment.
pub fn redact_tokens(text: &str) -> String {
    const KEY: &str = "token=";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(KEY) {
        let (head, tail) = rest.split_at(at + KEY.len());
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || "&#\"'<>()[]".contains(c))
            .unwrap_or(tail.len());
        if end > 0 {
            out.push_str("<redacted>");
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The texts of api-contract §4.11.
pub mod templates {
    use super::Email;

    pub fn password_reset(to: &str, link: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Reset your Solar Intelligence password".into(),
            body: format!(
                "Someone asked to reset the password of your Solar Intelligence account.\n\n\
                 Open this link within 1 hour to choose a new password:\n{link}\n\n\
                 If it was not you, ignore this email: your password stays as it is.\n"
            ),
        }
    }

    pub fn verification(to: &str, link: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Verify your email address".into(),
            body: format!(
                "Please confirm the email address of your Solar Intelligence account.\n\n\
                 Open this link within 24 hours:\n{link}\n"
            ),
        }
    }

    pub fn deletion_requested(to: &str, date: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Your account deletion request".into(),
            body: format!(
                "We received your request to delete your Solar Intelligence account.\n\n\
                 Your account and all its data will be deleted on {date} (UTC). Until then you can \
                 log in and cancel the request from your account settings.\n"
            ),
        }
    }

    /// After an account registered under `REQUIRE_EMAIL_VERIFICATION` is verified.
    pub fn welcome(to: &str, login_link: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Welcome to Solar Intelligence".into(),
            body: format!(
                "Your email address is verified and your Solar Intelligence account is ready.\n\n\
                 Log in here:\n{login_link}\n"
            ),
        }
    }

    pub fn deletion_cancelled(to: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Account deletion cancelled".into(),
            body: "Your account deletion request has been cancelled. Your account is safe.\n"
                .into(),
        }
    }

    /// The facts of a breach the three breach notices (decision L7) state.
    pub struct BreachFacts<'a> {
        pub id: i32,
        pub breach_type: &'a str,
        pub severity: &'a str,
        pub risk_level: &'a str,
        pub description: &'a str,
        pub categories: &'a [String],
        pub estimated_affected_users: Option<i32>,
        /// `YYYY-MM-DD HH:MM:SS UTC`, or "Unknown" / "In progress".
        pub occurred_at: String,
        pub discovered_at: String,
        pub contained_at: String,
        /// Who is responsible for the data (`DATA_CONTROLLER`).
        pub controller: &'a str,
        /// Whom to contact about it (`BREACH_INTERNAL_EMAIL`), if set.
        pub contact: Option<&'a str>,
    }

    impl BreachFacts<'_> {
        fn categories(&self) -> String {
            if self.categories.is_empty() {
                "Unknown".into()
            } else {
                self.categories.join(", ")
            }
        }
        fn affected(&self) -> String {
            self.estimated_affected_users
                .filter(|n| *n > 0)
                .map_or("Unknown".into(), |n| n.to_string())
        }
    }

    /// The internal team's alert of a breach just recorded.
    pub fn breach_internal(to: &str, b: &BreachFacts<'_>) -> Email {
        Email {
            to: to.into(),
            subject: format!(
                "DATA BREACH ALERT - {} severity (breach #{})",
                b.severity.to_uppercase(),
                b.id
            ),
            body: format!(
                "A personal-data breach was recorded in the breach register.\n\n\
                 Breach: #{id}\nType: {kind}\nSeverity: {severity}\nRisk to the people concerned: {risk}\n\
                 Discovered: {discovered}\nOccurred: {occurred}\n\n\
                 What happened:\n{description}\n\n\
                 Data affected: {categories}\nEstimated people affected: {affected}\n\n\
                 To do now:\n\
                 1. Contain the breach.\n\
                 2. Assess its full impact and document the findings.\n\
                 3. If the risk is moderate or high, notify the supervisory authority within 72 hours \
                 of discovery (POST /api/v1/admin/breach/notify-dpa).\n\
                 4. If the risk is high, notify the people concerned (POST /api/v1/admin/breach/notify-users).\n",
                id = b.id,
                kind = b.breach_type,
                severity = b.severity,
                risk = b.risk_level,
                discovered = b.discovered_at,
                occurred = b.occurred_at,
                description = b.description,
                categories = b.categories(),
                affected = b.affected(),
            ),
        }
    }

    /// The notification to the supervisory authority (GDPR Art. 33), with the admin's
    /// assessment.
    pub fn breach_dpa(
        to: &str,
        b: &BreachFacts<'_>,
        notified_at: &str,
        consequences: &str,
        technical: &str,
        organisational: &str,
        remediation: &str,
    ) -> Email {
        let contact = b
            .contact
            .map_or(String::new(), |c| format!("\nContact: {c}\n"));
        Email {
            to: to.into(),
            subject: format!(
                "Personal data breach notification (GDPR Art. 33), ref. {}",
                b.id
            ),
            body: format!(
                "NOTIFICATION OF A PERSONAL DATA BREACH under Article 33 of the GDPR\n\n\
                 Controller: {controller}{contact}\nDate of this notification: {notified_at}\n\
                 Our reference: breach #{id}\n\n\
                 1. Nature of the breach:\n{description}\n(type: {kind}, severity: {severity}, risk: {risk})\n\n\
                 2. Categories of personal data concerned: {categories}\n\n\
                 3. Approximate number of data subjects concerned: {affected}\n\n\
                 4. Likely consequences:\n{consequences}\n\n\
                 5. Measures taken or proposed:\nTechnical: {technical}\nOrganisational: {organisational}\n\
                 Remediation: {remediation}\n\n\
                 6. Timeline (UTC):\nOccurred: {occurred}\nDiscovered: {discovered}\nContained: {contained}\n",
                controller = b.controller,
                id = b.id,
                description = b.description,
                kind = b.breach_type,
                severity = b.severity,
                risk = b.risk_level,
                categories = b.categories(),
                affected = b.affected(),
                occurred = b.occurred_at,
                discovered = b.discovered_at,
                contained = b.contained_at,
            ),
        }
    }

    /// The notice to a person whose data may be concerned (GDPR Art. 34).
    pub fn breach_user(
        to: &str,
        b: &BreachFacts<'_>,
        remediation: Option<&str>,
        user_actions: &str,
    ) -> Email {
        let contact = b.contact.map_or(String::new(), |c| {
            format!("If you have questions, write to {c}.\n\n")
        });
        Email {
            to: to.into(),
            subject: "Important security notice about your Solar Intelligence account".into(),
            body: format!(
                "We are writing to tell you about a security incident that may have affected your \
                 personal data.\n\n\
                 What happened:\n{description}\n\n\
                 What information was involved: {categories}\n\n\
                 What we are doing:\n{remediation}\n\n\
                 What you can do:\n{user_actions}\n\n\
                 We are sorry for this incident.\n\n{contact}{controller}\nReference: breach #{id}\n",
                description = b.description,
                categories = b.categories(),
                remediation =
                    remediation.unwrap_or("We are actively working to resolve this issue."),
                controller = b.controller,
                id = b.id,
            ),
        }
    }

    pub fn account_deleted(to: &str) -> Email {
        Email {
            to: to.into(),
            subject: "Your account has been deleted".into(),
            body: "As requested 30 days ago, your Solar Intelligence account and all its data \
                   have now been deleted.\n"
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// A log sink for one test's thread.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    /// Without SMTP the emails go to the log, and their one-time tokens do not: whoever reads
    /// the log must not be able to reset a password or verify an address.
    #[tokio::test(flavor = "current_thread")]
    async fn logged_mail_carries_no_token() {
        let log = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::TRACE)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let reset = crate::auth::new_one_time_token();
        let verify = crate::auth::new_one_time_token();
        let mailer = Mailer::from_settings(None).unwrap();
        mailer
            .send_now(&templates::password_reset(
                "ann@example.com",
                &format!("http://app.example/reset-password?token={reset}"),
            ))
            .await
            .unwrap();
        mailer
            .send_now(&templates::verification(
                "ann@example.com",
                &format!("http://api.example/api/v1/auth/verify-email?token={verify}&x=1"),
            ))
            .await
            .unwrap();
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        assert!(
            text.contains("Reset your Solar Intelligence password"),
            "{text}"
        );
        assert!(
            text.contains("http://app.example/reset-password?token=<redacted>"),
            "{text}"
        );
        assert!(
            text.contains("http://api.example/api/v1/auth/verify-email?token=<redacted>&x=1"),
            "{text}"
        );
        assert!(!text.contains(&reset) && !text.contains(&verify), "{text}");
    }

    #[test]
    fn redaction_keeps_the_rest_of_the_text() {
        assert_eq!(redact_tokens("no link here"), "no link here");
        assert_eq!(
            redact_tokens("a ?token=abc_-9 b\n(x?token=def) token=&y=1 token="),
            "a ?token=<redacted> b\n(x?token=<redacted>) token=&y=1 token="
        );
    }
}

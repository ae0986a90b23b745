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
/// able to take over an account (issue 10), in any environment.
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

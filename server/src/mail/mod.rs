//! Outgoing e-mail that is never lost: messages go to the `email_outbox` table
//! (`crate::store::outbox`, in the same transaction as the change they announce) and a
//! background worker (`worker`) sends them over SMTP (`smtp`), retrying with backoff.
//! The texts, in Italian and English, are in `templates`.

pub mod smtp;
pub mod templates;
pub mod worker;

use std::time::Duration;

pub use worker::{MailHandle, spawn_worker};

/// The sender address when `WEMI_MAIL_FROM` is not set.
pub const DEFAULT_FROM: &str = "WeMi <noreply@wemi.comune.milano.it>";

/// One plain-text e-mail to one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
}

impl OutgoingMail {
    /// A message from a template's `(subject, body)`.
    pub fn new(to: impl Into<String>, (subject, text): (String, String)) -> OutgoingMail {
        OutgoingMail {
            to: to.into(),
            subject,
            text,
        }
    }
}

/// How and from whom e-mail is sent.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:port` (plain, for a local relay), `smtp://user:pass@host:587` (STARTTLS
    /// required), `smtps://user:pass@host:465` (TLS from the start); see `smtp::SmtpEndpoint`.
    /// `None`: nothing is sent and messages wait in the outbox.
    pub smtp_url: Option<String>,
    /// The `From` of every message, e.g. `WeMi <noreply@wemi.comune.milano.it>`.
    pub from: String,
    /// The wait after the first failed attempt, doubled at each further one (capped at an hour).
    /// 60 s in production; tests make it short.
    pub retry_base: Duration,
    /// How often the worker looks for due messages when nobody wakes it (retries, messages
    /// queued by another instance).
    pub poll_interval: Duration,
}

impl MailConfig {
    /// The production settings: retries after 1 min, 2, 4 … (at most 1 h); a look every 5 s.
    pub fn new(smtp_url: Option<String>, from: impl Into<String>) -> MailConfig {
        MailConfig {
            smtp_url,
            from: from.into(),
            retry_base: Duration::from_secs(60),
            poll_interval: Duration::from_secs(5),
        }
    }

    /// Checks the URL and the sender address, for a clear message at start. The error names
    /// the variable to fix; it never repeats the password.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.smtp_url {
            smtp::SmtpEndpoint::parse(url).map_err(|err| format!("WEMI_SMTP_URL: {err}"))?;
        }
        smtp::parse_from(&self.from).map_err(|err| format!("WEMI_MAIL_FROM: {err}"))?;
        Ok(())
    }
}

impl Default for MailConfig {
    fn default() -> MailConfig {
        MailConfig::new(None, DEFAULT_FROM)
    }
}

/// The domain of an address, for logs: enough to tell a provider's outage from a typo,
/// without naming the person.
pub fn recipient_domain(address: &str) -> &str {
    address
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim_end_matches('>'))
        .unwrap_or("?")
}

//! The background task that empties the outbox: woken after each enqueue (`MailHandle::wake`)
//! and every `poll_interval` (retries, messages queued by other instances), it claims due
//! messages, sends each and records the outcome.
//!
//! Logs name the message id, the recipient's domain and the outcome, never the address,
//! the subject or the body (bodies hold one-time links).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::Notify;

use super::smtp::{SendError, SmtpEndpoint, SmtpSender};
use super::{MailConfig, recipient_domain};
use crate::store::Db;
use crate::store::outbox::{self, MAX_ATTEMPTS, QueuedMail};

/// Messages claimed at once. With `SMTP_TIMEOUT` per step, a batch ends well within `LEASE`.
const BATCH: u32 = 10;

/// How long a claim keeps other instances off a message. If the sending instance dies, the
/// message is sent again by someone once this has passed.
const LEASE: Duration = Duration::from_secs(15 * 60);

/// The running worker. Cheap to clone; every clone wakes and stops the same task.
#[derive(Clone, Debug)]
pub struct MailHandle {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    notify: Notify,
    stop: AtomicBool,
    task: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl MailHandle {
    /// Asks the worker to look at the outbox now (call after a transaction that queued mail
    /// commits). Wakes that arrive while it is busy are not lost: it looks again after.
    pub fn wake(&self) {
        self.inner.notify.notify_one();
    }

    /// Stops the worker after the message it is sending (claimed ones it has not started stay
    /// queued and are sent once their lease ends), and waits for it.
    pub async fn shutdown(&self) {
        self.inner.stop.store(true, Ordering::SeqCst);
        self.inner.notify.notify_one();
        let task = self.inner.task.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            let _ = task.await;
        }
    }
}

/// Starts the worker on the current tokio runtime.
pub fn spawn_worker(db: Db, config: MailConfig) -> MailHandle {
    let inner = Arc::new(Inner {
        notify: Notify::new(),
        stop: AtomicBool::new(false),
        task: std::sync::Mutex::new(None),
    });
    let task = tokio::spawn(run(db, config, inner.clone()));
    if let Ok(mut slot) = inner.task.lock() {
        *slot = Some(task);
    }
    MailHandle { inner }
}

async fn run(db: Db, config: MailConfig, inner: Arc<Inner>) {
    let sender = match sender(&config) {
        Ok(Some(sender)) => sender,
        Ok(None) => return hold(db, inner).await,
        Err(err) => {
            tracing::error!(%err, "e-mail not sent: the mail settings are invalid");
            return hold(db, inner).await;
        }
    };
    tracing::info!("e-mail worker started");
    while !inner.stop.load(Ordering::SeqCst) {
        // A database error is retried at the next tick, like any other look.
        if let Err(err) = drain(&db, &config, &sender, &inner).await {
            tracing::warn!(%err, "e-mail outbox unreachable");
        }
        if inner.stop.load(Ordering::SeqCst) {
            break;
        }
        tokio::select! {
            _ = inner.notify.notified() => {}
            _ = tokio::time::sleep(config.poll_interval) => {}
        }
    }
    tracing::info!("e-mail worker stopped");
}

fn sender(config: &MailConfig) -> Result<Option<SmtpSender>, String> {
    let Some(url) = &config.smtp_url else {
        return Ok(None);
    };
    let endpoint = SmtpEndpoint::parse(url).map_err(|err| format!("WEMI_SMTP_URL: {err}"))?;
    SmtpSender::new(&endpoint, &config.from)
        .map(Some)
        .map_err(|err| format!("WEMI_MAIL_FROM or WEMI_SMTP_URL: {err}"))
}

/// No SMTP server: nothing is sent and nothing is lost. Says so once, when there is mail.
async fn hold(db: Db, inner: Arc<Inner>) {
    let mut warned = false;
    while !inner.stop.load(Ordering::SeqCst) {
        if !warned && let Ok(queued @ 1..) = outbox::pending(&db).await {
            tracing::warn!(
                queued,
                "e-mail not sent: no SMTP server configured (WEMI_SMTP_URL)"
            );
            warned = true;
        }
        inner.notify.notified().await;
    }
}

/// Sends everything that is due, batch after batch.
async fn drain(
    db: &Db,
    config: &MailConfig,
    sender: &SmtpSender,
    inner: &Inner,
) -> Result<(), app::ports::StoreError> {
    loop {
        let batch = outbox::claim_due(db, OffsetDateTime::now_utc(), BATCH, LEASE).await?;
        if batch.is_empty() {
            return Ok(());
        }
        // The claimed batch is finished even when stopping: a message left claimed would wait
        // for its lease to end.
        for mail in &batch {
            deliver(db, config, sender, mail).await;
        }
        if inner.stop.load(Ordering::SeqCst) {
            return Ok(());
        }
    }
}

async fn deliver(db: &Db, config: &MailConfig, sender: &SmtpSender, mail: &QueuedMail) {
    let domain = recipient_domain(&mail.to);
    let id = mail.id;
    let attempt = mail.attempts;
    match sender.send(mail).await {
        Ok(()) => {
            tracing::info!(id, domain, attempt, "e-mail sent");
            if let Err(err) = outbox::mark_sent(db, id, OffsetDateTime::now_utc()).await {
                // Sent but not recorded: it will be sent again when the lease ends.
                tracing::error!(id, %err, "e-mail sent but not marked as sent");
            }
        }
        Err(SendError::Invalid(reason)) => {
            tracing::error!(id, domain, %reason, "e-mail cannot be sent; given up");
            if let Err(err) = outbox::give_up(db, id, &reason).await {
                tracing::error!(id, %err, "cannot record the failed e-mail");
            }
        }
        Err(err) => {
            let error = err.to_string();
            let recorded = if attempt >= MAX_ATTEMPTS {
                tracing::error!(
                    id,
                    domain,
                    attempt,
                    %error,
                    "e-mail not sent after the last attempt; given up (kept in email_outbox)"
                );
                outbox::mark_failed(db, id, &error, OffsetDateTime::now_utc()).await
            } else {
                let delay = outbox::retry_delay(attempt, config.retry_base);
                tracing::warn!(
                    id,
                    domain,
                    attempt,
                    retry_in_s = delay.as_secs(),
                    %error,
                    "e-mail not sent; will retry"
                );
                outbox::mark_failed(db, id, &error, OffsetDateTime::now_utc() + delay).await
            };
            if let Err(err) = recorded {
                tracing::error!(id, %err, "cannot record the failed e-mail");
            }
        }
    }
}

//! The e-mail outbox: messages are written in the same transaction as the change they announce,
//! then claimed and sent by a background worker (`crate::mail::worker`) with retries.
//!
//! Writing, in a transaction of either engine (the same call compiles in both arms of
//! `on_pool!`):
//!
//! ```ignore
//! on_pool!(db, pool => async {
//!     let mut tx = pool.begin().await?;
//!     // ... the change itself ...
//!     outbox::enqueue_in(&mut *tx, &mail).await?;
//!     tx.commit().await
//! }.await)
//! ```
//!
//! and then `MailHandle::wake()` so the worker sends it now rather than at its next tick.
//! Outside a transaction, `enqueue(db, &mail)`.
//!
//! Claiming is atomic, so several server instances on one database never send a message twice
//! while its lease runs: PostgreSQL locks the chosen rows (`FOR UPDATE SKIP LOCKED`), SQLite
//! runs the whole `UPDATE … RETURNING` under its single write lock. A worker that dies
//! mid-send leaves the row claimed until the lease ends; then it is sent again (at least once).

use std::future::Future;
use std::time::Duration;

use app::ports::StoreError;
use sqlx::{PgConnection, SqliteConnection};
use time::OffsetDateTime;

use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

/// After this many attempts a message is no longer retried; the row stays for inspection.
pub const MAX_ATTEMPTS: i64 = 20;

/// The longest wait between two attempts.
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(60 * 60);

/// A message claimed for sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Attempts so far, this one included (the claim counts it, so a crash mid-send counts too).
    pub attempts: i64,
    pub created_at: OffsetDateTime,
}

type QueuedRow = (i64, String, String, String, i64, OffsetDateTime);

impl From<QueuedRow> for QueuedMail {
    fn from((id, to, subject, text, attempts, created_at): QueuedRow) -> Self {
        QueuedMail {
            id,
            to,
            subject,
            text,
            attempts,
            created_at,
        }
    }
}

/// Times as the outbox stores them: UTC, whole seconds. SQLite keeps times as RFC 3339 text and
/// compares them as text; sqlx writes the fraction of a second only when it is not zero, with
/// its trailing zeros cut, so text order would not be time order within a second.
/// Whole seconds give fixed-width text, where it is.
fn stored(at: OffsetDateTime) -> OffsetDateTime {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// A connection of either engine, so the same `enqueue_in` call compiles in both arms of
/// `on_pool!`. Implemented for the connection types rather than for any `sqlx::Executor`:
/// a future generic over `Executor<'c>` is not provably `Send` once boxed by `#[async_trait]`
/// (rustc issue 100013), and handlers need `Send` futures.
pub trait OutboxConnection: Send {
    fn insert_mail<'a>(
        &'a mut self,
        mail: &'a OutgoingMail,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<i64, sqlx::Error>> + Send + 'a;
}

const INSERT: &str = "INSERT INTO email_outbox \
     (recipient, subject, body_text, created_at, attempts, next_attempt_at) \
     VALUES ($1, $2, $3, $4, 0, $4) RETURNING id";

// The same statement for both engines; an impl per engine because the connection types differ.
macro_rules! insert_mail {
    ($conn:expr, $mail:expr, $now:expr) => {{
        let (conn, mail, now) = ($conn, $mail, stored($now));
        async move {
            sqlx::query_scalar::<_, i64>(INSERT)
                .bind(mail.to.as_str())
                .bind(mail.subject.as_str())
                .bind(mail.text.as_str())
                .bind(now)
                .fetch_one(conn)
                .await
        }
    }};
}

impl OutboxConnection for SqliteConnection {
    fn insert_mail<'a>(
        &'a mut self,
        mail: &'a OutgoingMail,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<i64, sqlx::Error>> + Send + 'a {
        insert_mail!(self, mail, now)
    }
}

impl OutboxConnection for PgConnection {
    fn insert_mail<'a>(
        &'a mut self,
        mail: &'a OutgoingMail,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<i64, sqlx::Error>> + Send + 'a {
        insert_mail!(self, mail, now)
    }
}

/// Queues `mail` on `conn`, a connection of either engine; in a transaction, `&mut *tx`. There
/// the message exists only if the transaction commits. Returns the outbox id. The error is
/// sqlx's, like the other statements of a transaction.
pub fn enqueue_in<'a, C: OutboxConnection>(
    conn: &'a mut C,
    mail: &'a OutgoingMail,
) -> impl Future<Output = Result<i64, sqlx::Error>> + Send + 'a {
    conn.insert_mail(mail, OffsetDateTime::now_utc())
}

/// Queues `mail` on its own (outside any transaction). Returns the outbox id.
pub async fn enqueue(db: &Db, mail: &OutgoingMail) -> Result<i64, StoreError> {
    on_pool!(db, pool => async {
        let mut conn = pool.acquire().await?;
        enqueue_in(&mut *conn, mail).await
    }
    .await)
    .map_err(backend)
}

const RETURNING: &str = "RETURNING id, recipient, subject, body_text, attempts, created_at";

/// Claims up to `limit` messages that are due (`next_attempt_at <= now`), unsent, not given up
/// and not claimed by anyone (or whose claim has lapsed), until `now + lease`, and counts the
/// attempt. No two callers get the same message while its lease runs. Oldest due first.
pub async fn claim_due(
    db: &Db,
    now: OffsetDateTime,
    limit: u32,
    lease: Duration,
) -> Result<Vec<QueuedMail>, StoreError> {
    let now = stored(now);
    let until = stored(now + lease);
    let due = "SELECT id FROM email_outbox \
         WHERE sent_at IS NULL AND attempts < $2 AND next_attempt_at <= $3 \
         AND (claimed_until IS NULL OR claimed_until <= $3) \
         ORDER BY next_attempt_at, id LIMIT $4";
    let sql = match db {
        // Rows another instance holds are skipped rather than waited for; rows it claimed and
        // committed meanwhile are re-checked against the WHERE clause and so left out.
        Db::Postgres(_) => format!(
            "UPDATE email_outbox SET claimed_until = $1, attempts = attempts + 1 \
             WHERE id IN ({due} FOR UPDATE SKIP LOCKED) {RETURNING}"
        ),
        // One statement takes SQLite's write lock before reading, so it is atomic as it is.
        Db::Sqlite(_) => format!(
            "UPDATE email_outbox SET claimed_until = $1, attempts = attempts + 1 \
             WHERE id IN ({due}) {RETURNING}"
        ),
    };
    let rows: Vec<QueuedRow> = on_pool!(db, pool => sqlx::query_as(&sql)
        .bind(until)
        .bind(MAX_ATTEMPTS)
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await)
    .map_err(backend)?;
    let mut claimed: Vec<QueuedMail> = rows.into_iter().map(QueuedMail::from).collect();
    // RETURNING gives no order guarantee.
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

/// Records that message `id` was handed to the SMTP server.
pub async fn mark_sent(db: &Db, id: i64, now: OffsetDateTime) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        // The body is emptied once sent: it may hold a live one-time link or code, which must
        // not outlive its delivery in the database.
        "UPDATE email_outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL, body_text = '' \
         WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(stored(now))
    .bind(id)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(backend)
}

/// Records a failed attempt and when to try again; the claim is released. Once a message has
/// had `MAX_ATTEMPTS` attempts it is no longer claimed, whatever `next_attempt_at` says.
pub async fn mark_failed(
    db: &Db,
    id: i64,
    error: &str,
    next_attempt_at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE email_outbox SET last_error = $1, next_attempt_at = $2, claimed_until = NULL \
         WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(truncate_error(error))
    .bind(stored(next_attempt_at))
    .bind(id)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(backend)
}

/// Stops retrying message `id` at once (it can never be sent, e.g. a malformed address).
/// The row stays for inspection.
pub async fn give_up(db: &Db, id: i64, error: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE email_outbox SET last_error = $1, attempts = $2, claimed_until = NULL \
         WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(truncate_error(error))
    .bind(MAX_ATTEMPTS)
    .bind(id)
    .execute(pool)
    .await
    .map(|_| ()))
    .map_err(backend)
}

/// Messages not sent yet that will still be tried (for the log and for health checks).
pub async fn pending(db: &Db) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL AND attempts < $1",
    )
    .bind(MAX_ATTEMPTS)
    .fetch_one(pool)
    .await)
    .map_err(backend)
}

/// The wait before the next attempt after `attempts` attempts: `base`, then doubling
/// (1 min, 2, 4, … with the default base), never more than an hour.
pub fn retry_delay(attempts: i64, base: Duration) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 31)).unwrap_or(31);
    base.saturating_mul(1u32 << doublings).min(MAX_RETRY_DELAY)
}

/// SMTP error texts are short, but a misbehaving server could send anything: keep the row small.
fn truncate_error(error: &str) -> &str {
    const MAX: usize = 1000;
    if error.len() <= MAX {
        return error;
    }
    let mut end = MAX;
    while !error.is_char_boundary(end) {
        end -= 1;
    }
    &error[..end]
}

//! Providers whose accreditation ends soon, the reminders already sent, and the recording of a
//! new one with its e-mails in one transaction (both engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Expiring {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// `YYYY-MM-DD`.
    pub accredited_until: String,
}

/// Providers whose accreditation ends between `from` and `to` (ISO dates, inclusive).
pub async fn expiring(db: &Db, from: &str, to: &str) -> Result<Vec<Expiring>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, Expiring>(
        "SELECT id, name, email, CAST(accredited_until AS TEXT) AS accredited_until FROM providers \
         WHERE accredited_until IS NOT NULL \
         AND CAST(accredited_until AS TEXT) >= $1 AND CAST(accredited_until AS TEXT) <= $2 \
         ORDER BY id"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn sent(db: &Db, provider_id: i64, until: &str) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT threshold FROM accreditation_reminders WHERE provider_id = $1 AND accredited_until = $2"
    ).bind(provider_id).bind(until).fetch_all(pool).await)
    .map_err(backend)
}

/// The e-mail addresses told besides the provider's own: its admins, and city staff with the
/// `providers` permission.
pub async fn recipients(db: &Db, provider_id: i64) -> Result<Vec<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, String>(
        "SELECT DISTINCT u.email FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE (r.role = 'provider_admin' AND r.scope_id = $1) \
         OR (r.role = 'perm:providers' AND r.user_id IN \
             (SELECT user_id FROM user_roles WHERE role = 'city_admin')) \
         ORDER BY u.email"
    ).bind(provider_id).fetch_all(pool).await)
    .map_err(backend)
}

/// Records one reminder and queues its e-mails; `false` when another instance already did.
pub async fn record(
    db: &Db,
    provider_id: i64,
    until: &str,
    threshold: i64,
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO accreditation_reminders (provider_id, accredited_until, threshold, sent_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"
        ).bind(provider_id).bind(until).bind(threshold).bind(now).execute(&mut *tx).await?
        .rows_affected() == 1;
        if inserted {
            for mail in mails {
                enqueue_in(&mut *tx, mail).await?;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(inserted)
    }.await)
    .map_err(backend)
}

//! Waitlists of shared services: who waits for how many seats, oldest first, and when they
//! were told seats had freed up (both engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

/// A shared service a person may wait for.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SharedService {
    pub id: i64,
    pub mode: String,
    pub status: String,
    pub capacity: Option<i64>,
    pub taken: i64,
}

/// The person's place on a waitlist.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MyEntry {
    pub service_id: i64,
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub seats: i64,
    pub created_at: OffsetDateTime,
    pub notified_at: Option<OffsetDateTime>,
    /// 1 for the oldest request of that service.
    pub position: i64,
}

/// One waiting family, for the job that tells them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Waiting {
    pub id: i64,
    pub service_id: i64,
    pub seats: i64,
    pub email: String,
    pub name: String,
    pub slug: String,
    pub service_name: String,
    pub free: i64,
}

pub async fn shared_service(db: &Db, service_id: i64) -> Result<Option<SharedService>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, SharedService>(
        "SELECT s.id, s.mode, s.status, COALESCE(ss.capacity, s.capacity) AS capacity, \
         COALESCE(ss.taken, 0) AS taken \
         FROM services s LEFT JOIN shared_seats ss ON ss.service_id = s.id WHERE s.id = $1"
    ).bind(service_id).fetch_optional(pool).await)
    .map_err(backend)
}

/// Joins (or updates the seats of) the person's place; the place keeps its age when only the
/// seats change, and a new wait starts untold.
pub async fn join(
    db: &Db,
    service_id: i64,
    user_id: i64,
    seats: i64,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO seat_waitlist (service_id, user_id, seats, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (service_id, user_id) DO UPDATE SET seats = excluded.seats, notified_at = NULL"
    ).bind(service_id).bind(user_id).bind(seats).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

pub async fn leave(db: &Db, service_id: i64, user_id: i64) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "DELETE FROM seat_waitlist WHERE service_id = $1 AND user_id = $2"
    ).bind(service_id).bind(user_id).execute(pool).await.map(|r| r.rows_affected() > 0))
    .map_err(backend)
}

pub async fn mine(db: &Db, user_id: i64) -> Result<Vec<MyEntry>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, MyEntry>(
        "SELECT w.service_id, s.slug, s.name_it, s.name_en, w.seats, w.created_at, w.notified_at, \
         (SELECT COUNT(*) FROM seat_waitlist o WHERE o.service_id = w.service_id \
            AND (o.created_at < w.created_at OR (o.created_at = w.created_at AND o.id <= w.id))) \
           AS position \
         FROM seat_waitlist w JOIN services s ON s.id = w.service_id \
         WHERE w.user_id = $1 ORDER BY w.created_at"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

/// Families not yet told, oldest first, of services that have free seats now.
pub async fn untold_with_free_seats(db: &Db) -> Result<Vec<Waiting>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, Waiting>(
        "SELECT w.id, w.service_id, w.seats, u.email, u.name, s.slug, s.name_it AS service_name, \
         ss.capacity - ss.taken AS free \
         FROM seat_waitlist w JOIN shared_seats ss ON ss.service_id = w.service_id \
         JOIN services s ON s.id = w.service_id JOIN users u ON u.id = w.user_id \
         WHERE w.notified_at IS NULL AND ss.taken < ss.capacity AND s.status = 'validated' \
         ORDER BY w.service_id, w.created_at, w.id LIMIT 1000"
    ).fetch_all(pool).await)
    .map_err(backend)
}

/// Records that these families were told, with their e-mails, in one transaction; a family
/// already told by a concurrent run is not told twice.
pub async fn mark_told(
    db: &Db,
    told: &[(i64, OutgoingMail)],
    now: OffsetDateTime,
) -> Result<usize, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let mut count = 0;
        for (id, mail) in told {
            let changed = sqlx::query(
                "UPDATE seat_waitlist SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL"
            ).bind(now).bind(id).execute(&mut *tx).await?.rows_affected();
            if changed == 1 {
                enqueue_in(&mut *tx, mail).await?;
                count += 1;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(count)
    }.await)
    .map_err(backend)
}

//! Appointments at WeMi spaces, closures and desks (both engines). A booking holds one desk of
//! its slot: the partial unique indexes of migration 0013 (`space_id, starts_at, desk` and
//! `user_id, day` among booked rows) make a full slot and two bookings of one person on one day
//! impossible under concurrency; `insert` reports which one a conflict hit, so the service can
//! retry with the next desk or refuse.

use app::model::SpaceOption;
use app::ports::StoreError;
use domain::appointments::OpeningHours;
use time::OffsetDateTime;

use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

#[derive(sqlx::FromRow)]
struct SpaceRow {
    id: i64,
    name: String,
    address: String,
}

pub async fn spaces(db: &Db) -> Result<Vec<SpaceOption>, StoreError> {
    let rows = on_pool!(db, pool => sqlx::query_as::<_, SpaceRow>(
        "SELECT id, name, address FROM spaces ORDER BY name, id"
    ).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|r| SpaceOption {
            id: r.id,
            name: r.name,
            address: r.address,
        })
        .collect())
}

/// A space's name, address and desks.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SpaceInfo {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub appointment_desks: i64,
}

pub async fn space(db: &Db, id: i64) -> Result<Option<SpaceInfo>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, SpaceInfo>(
        "SELECT id, name, address, appointment_desks FROM spaces WHERE id = $1"
    ).bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn hours(db: &Db, space_id: i64) -> Result<Vec<OpeningHours>, StoreError> {
    let rows: Vec<(i64, String, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT weekday, opens, closes FROM space_hours WHERE space_id = $1 ORDER BY weekday, opens"
    ).bind(space_id).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|(weekday, opens, closes)| OpeningHours {
            weekday: weekday as u32,
            opens,
            closes,
        })
        .collect())
}

/// Whether the space is closed on `day` (`YYYY-MM-DD`).
pub async fn closed(db: &Db, space_id: i64, day: &str) -> Result<bool, StoreError> {
    let n: i64 = on_pool!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM space_closures WHERE space_id = $1 AND day = $2"
    ).bind(space_id).bind(day).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(n > 0)
}

/// The booked desks of a slot.
pub async fn taken_desks(
    db: &Db,
    space_id: i64,
    starts_at: OffsetDateTime,
) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT desk FROM appointments WHERE space_id = $1 AND starts_at = $2 AND state = 'booked'"
    ).bind(space_id).bind(starts_at).fetch_all(pool).await)
    .map_err(backend)
}

/// Booked appointments of a space on a day: their starts.
pub async fn booked_starts(
    db: &Db,
    space_id: i64,
    day: &str,
) -> Result<Vec<OffsetDateTime>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT starts_at FROM appointments WHERE space_id = $1 AND day = $2 AND state = 'booked'"
    ).bind(space_id).bind(day).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn has_booking_on(db: &Db, user_id: i64, day: &str) -> Result<bool, StoreError> {
    let n: i64 = on_pool!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM appointments WHERE user_id = $1 AND day = $2 AND state = 'booked'"
    ).bind(user_id).bind(day).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(n > 0)
}

/// A published service by slug: (id, slug, Italian name, English name).
pub async fn service_by_slug(
    db: &Db,
    slug: &str,
) -> Result<Option<(i64, String, String, String)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT id, slug, name_it, name_en FROM services WHERE slug = $1 AND status = 'validated'"
    ).bind(slug).fetch_optional(pool).await)
    .map_err(backend)
}

#[derive(Clone, Debug)]
pub struct NewAppointmentRow {
    pub space_id: i64,
    pub topic: String,
    pub starts_at: OffsetDateTime,
    pub day: String,
    pub desk: i64,
    pub user_id: i64,
    pub service_id: Option<i64>,
    pub notes: String,
    pub locale: String,
    pub now: OffsetDateTime,
}

/// What an insert ran into.
#[derive(Debug)]
pub enum Inserted {
    Ok(i64),
    /// Another booking took that desk meanwhile.
    DeskTaken,
    /// The person booked another slot that day meanwhile.
    OnePerDay,
}

/// Inserts a booking and queues its confirmation, in one transaction.
pub async fn insert(
    db: &Db,
    row: &NewAppointmentRow,
    mail: &OutgoingMail,
) -> Result<Inserted, StoreError> {
    let result = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO appointments (space_id, topic, starts_at, day, desk, user_id, service_id, \
             notes, state, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', $9, $10) RETURNING id",
        )
        .bind(row.space_id).bind(&row.topic).bind(row.starts_at).bind(&row.day).bind(row.desk)
        .bind(row.user_id).bind(row.service_id).bind(&row.notes).bind(&row.locale).bind(row.now)
        .fetch_one(&mut *tx).await?;
        enqueue_in(&mut *tx, mail).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(id)
    }.await);
    match result {
        Ok(id) => Ok(Inserted::Ok(id)),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            if e.to_string().contains("desk") {
                Ok(Inserted::DeskTaken)
            } else {
                Ok(Inserted::OnePerDay)
            }
        }
        Err(e) => Err(backend(e)),
    }
}

const SELECT: &str = "SELECT a.id, a.space_id, sp.name AS space_name, sp.address AS space_address, \
     a.topic, a.starts_at, a.day, a.state, s.slug AS service_slug, a.notes, a.user_id, \
     u.name AS person_name, u.email AS person_email, a.locale \
     FROM appointments a JOIN spaces sp ON sp.id = a.space_id JOIN users u ON u.id = a.user_id \
     LEFT JOIN services s ON s.id = a.service_id";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AppointmentRow {
    pub id: i64,
    pub space_id: i64,
    pub space_name: String,
    pub space_address: String,
    pub topic: String,
    pub starts_at: OffsetDateTime,
    pub day: String,
    pub state: String,
    pub service_slug: Option<String>,
    pub notes: String,
    pub user_id: i64,
    pub person_name: String,
    pub person_email: String,
    pub locale: String,
}

/// The person's appointments: booked upcoming ones first (soonest first), then the others
/// (newest first).
pub async fn of_user(
    db: &Db,
    user_id: i64,
    now: OffsetDateTime,
) -> Result<Vec<AppointmentRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE a.user_id = $1 ORDER BY \
         CASE WHEN a.state = 'booked' AND a.starts_at > $2 THEN 0 ELSE 1 END, \
         CASE WHEN a.state = 'booked' AND a.starts_at > $2 THEN a.starts_at END ASC, \
         a.starts_at DESC, a.id DESC LIMIT 200"
    );
    on_pool!(db, pool => sqlx::query_as::<_, AppointmentRow>(&sql)
        .bind(user_id).bind(now).fetch_all(pool).await)
    .map_err(backend)
}

/// One of the person's appointments (`None` for anyone else's).
pub async fn of_user_by_id(
    db: &Db,
    user_id: i64,
    id: i64,
) -> Result<Option<AppointmentRow>, StoreError> {
    let sql = format!("{SELECT} WHERE a.id = $1 AND a.user_id = $2");
    on_pool!(db, pool => sqlx::query_as::<_, AppointmentRow>(&sql)
        .bind(id).bind(user_id).fetch_optional(pool).await)
    .map_err(backend)
}

/// Cancels a booked appointment and queues the e-mail; false when it was no longer booked.
pub async fn cancel(
    db: &Db,
    id: i64,
    now: OffsetDateTime,
    mail: &OutgoingMail,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE appointments SET state = 'cancelled', cancelled_at = $1 \
             WHERE id = $2 AND state = 'booked'",
        )
        .bind(now).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if done {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(done)
    }.await)
    .map_err(backend)
}

/// The space whose operator the person is (the first, when several).
pub async fn operator_space(db: &Db, user_id: i64) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT scope_id FROM user_roles WHERE user_id = $1 AND role = 'space_operator' \
         ORDER BY scope_id LIMIT 1"
    ).bind(user_id).fetch_optional(pool).await)
    .map_err(backend)
}

/// A space's booked appointments of a day, in time order.
pub async fn of_space_day(
    db: &Db,
    space_id: i64,
    day: &str,
) -> Result<Vec<AppointmentRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE a.space_id = $1 AND a.day = $2 AND a.state = 'booked' \
         ORDER BY a.starts_at, a.id"
    );
    on_pool!(db, pool => sqlx::query_as::<_, AppointmentRow>(&sql)
        .bind(space_id).bind(day).fetch_all(pool).await)
    .map_err(backend)
}

/// Booked appointments starting after `now` and until `until` whose reminder is not sent.
pub async fn due_reminders(
    db: &Db,
    now: OffsetDateTime,
    until: OffsetDateTime,
) -> Result<Vec<AppointmentRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE a.state = 'booked' AND a.reminder_sent_at IS NULL \
         AND a.starts_at > $1 AND a.starts_at <= $2 ORDER BY a.starts_at, a.id LIMIT 500"
    );
    on_pool!(db, pool => sqlx::query_as::<_, AppointmentRow>(&sql)
        .bind(now).bind(until).fetch_all(pool).await)
    .map_err(backend)
}

/// Marks the reminder sent and queues it, once: false when another run did it first.
pub async fn mark_reminded(
    db: &Db,
    id: i64,
    now: OffsetDateTime,
    mail: &OutgoingMail,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE appointments SET reminder_sent_at = $1 \
             WHERE id = $2 AND state = 'booked' AND reminder_sent_at IS NULL",
        )
        .bind(now).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if done {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(done)
    }.await)
    .map_err(backend)
}

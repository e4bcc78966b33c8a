//! Assisted mode: consents of citizens to be helped by a WeMi space operator, and the session
//! switch that lets the operator act for them (both engines).

use app::model::AssistConsent;
use app::ports::StoreError;
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::{Db, backend, on_pool};

pub struct NewConsent<'a> {
    pub operator: i64,
    pub citizen: i64,
    pub space: i64,
    pub method: &'a str,
    pub paper_reference: &'a str,
    pub otp_hash: Option<&'a str>,
    pub otp_expires_at: Option<OffsetDateTime>,
}

pub async fn create_consent(
    db: &Db,
    c: &NewConsent<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO assist_consents (operator_user_id, citizen_user_id, space_id, method, \
         paper_reference, otp_hash, otp_expires_at, created_at, confirmed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(c.operator)
    .bind(c.citizen)
    .bind(c.space)
    .bind(c.method)
    .bind(c.paper_reference)
    .bind(c.otp_hash)
    .bind(c.otp_expires_at)
    .bind(now)
    // A paper consent is signed before the operator records it.
    .bind((c.method == "paper").then_some(now))
    .fetch_one(pool)
    .await)
    .map_err(backend)
}

/// A consent waiting for its code.
#[derive(sqlx::FromRow)]
pub struct PendingCode {
    pub citizen_user_id: i64,
    pub space_id: i64,
    pub otp_hash: Option<String>,
    pub otp_expires_at: Option<OffsetDateTime>,
    pub attempts: i64,
}

pub async fn pending_code(
    db: &Db,
    id: i64,
    operator: i64,
) -> Result<Option<PendingCode>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, PendingCode>(
        "SELECT citizen_user_id, space_id, otp_hash, otp_expires_at, attempts FROM assist_consents \
         WHERE id = $1 AND operator_user_id = $2 AND method = 'otp' \
         AND confirmed_at IS NULL AND ended_at IS NULL",
    )
    .bind(id)
    .bind(operator)
    .fetch_optional(pool)
    .await)
    .map_err(backend)
}

/// Counts one try at the code; false when the limit was already reached.
pub async fn take_attempt(db: &Db, id: i64, limit: i64) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE assist_consents SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2"
    ).bind(id).bind(limit).execute(pool).await.map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

/// The WeMi space a consent was given at.
pub async fn consent_space(db: &Db, id: i64) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>("SELECT space_id FROM assist_consents WHERE id = $1")
        .bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

/// Ends assisted mode on every session acting for `citizen` (their password changed, their
/// account is being deleted): nobody keeps acting for them.
pub async fn end_for_citizen(db: &Db, citizen: i64) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE sessions SET acting_for_user_id = NULL, assisted_until = NULL, \
         assist_consent_id = NULL WHERE acting_for_user_id = $1"
    ).bind(citizen).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Marks the code as accepted; false when someone else got there first.
pub async fn confirm(db: &Db, id: i64, now: OffsetDateTime) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE assist_consents SET confirmed_at = $1, otp_hash = NULL \
         WHERE id = $2 AND confirmed_at IS NULL AND ended_at IS NULL"
    ).bind(now).bind(id).execute(pool).await.map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

/// Puts the session in assisted mode for `citizen` until `until`.
pub async fn start_on_session(
    db: &Db,
    session: i64,
    citizen: i64,
    consent: i64,
    until: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE sessions SET acting_for_user_id = $1, assisted_until = $2, assist_consent_id = $3 \
         WHERE id = $4"
    ).bind(citizen).bind(until).bind(consent).bind(session).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Ends assisted mode on a session and closes its consent; returns the consent it closed.
pub async fn end_on_session(
    db: &Db,
    session: i64,
    now: OffsetDateTime,
) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let consent: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT assist_consent_id FROM sessions WHERE id = $1",
        )
        .bind(session)
        .fetch_optional(&mut *tx)
        .await?;
        let consent = consent.flatten();
        sqlx::query(
            "UPDATE sessions SET acting_for_user_id = NULL, assisted_until = NULL, \
             assist_consent_id = NULL WHERE id = $1",
        )
        .bind(session)
        .execute(&mut *tx)
        .await?;
        if let Some(id) = consent {
            sqlx::query("UPDATE assist_consents SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(consent)
    }.await)
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    citizen_name: String,
    space_name: String,
    method: String,
    created_at: OffsetDateTime,
    confirmed_at: Option<OffsetDateTime>,
    ended_at: Option<OffsetDateTime>,
}

pub async fn recent(db: &Db, operator: i64) -> Result<Vec<AssistConsent>, StoreError> {
    let rows = on_pool!(db, pool => sqlx::query_as::<_, Row>(
        "SELECT a.id, u.name AS citizen_name, s.name AS space_name, a.method, a.created_at, \
         a.confirmed_at, a.ended_at FROM assist_consents a \
         JOIN users u ON u.id = a.citizen_user_id JOIN spaces s ON s.id = a.space_id \
         WHERE a.operator_user_id = $1 ORDER BY a.id DESC LIMIT 20",
    )
    .bind(operator)
    .fetch_all(pool)
    .await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|r| AssistConsent {
            id: r.id,
            citizen_name: r.citizen_name,
            space_name: r.space_name,
            method: r.method,
            created_at: rfc3339(r.created_at),
            confirmed_at: r.confirmed_at.map(rfc3339),
            ended_at: r.ended_at.map(rfc3339),
        })
        .collect())
}

/// The name of a WeMi space.
pub async fn space_name(db: &Db, space: i64) -> Result<Option<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, String>("SELECT name FROM spaces WHERE id = $1")
        .bind(space).fetch_optional(pool).await)
    .map_err(backend)
}

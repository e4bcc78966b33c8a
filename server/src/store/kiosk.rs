//! Kiosk tablets of the WeMi spaces (both engines).

use app::model::KioskDevice;
use app::ports::StoreError;
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::{Db, backend, on_pool};

pub async fn create(
    db: &Db,
    name: &str,
    space: i64,
    token_hash: &str,
    created_by: i64,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO kiosk_devices (name, space_id, token_hash, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    ).bind(name).bind(space).bind(token_hash).bind(created_by).bind(now).fetch_one(pool).await)
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    space_id: i64,
    space_name: String,
    created_at: OffsetDateTime,
    revoked_at: Option<OffsetDateTime>,
}

impl From<Row> for KioskDevice {
    fn from(r: Row) -> KioskDevice {
        KioskDevice {
            id: r.id,
            name: r.name,
            space_id: r.space_id,
            space_name: r.space_name,
            created_at: rfc3339(r.created_at),
            revoked_at: r.revoked_at.map(rfc3339),
        }
    }
}

const SELECT: &str = "SELECT k.id, k.name, k.space_id, s.name AS space_name, k.created_at, \
     k.revoked_at FROM kiosk_devices k JOIN spaces s ON s.id = k.space_id";

/// The enabled (not revoked) device whose cookie has this digest.
pub async fn by_token(db: &Db, token_hash: &str) -> Result<Option<KioskDevice>, StoreError> {
    let sql = format!("{SELECT} WHERE k.token_hash = $1 AND k.revoked_at IS NULL");
    on_pool!(db, pool => sqlx::query_as::<_, Row>(&sql).bind(token_hash).fetch_optional(pool).await)
        .map(|r| r.map(KioskDevice::from))
        .map_err(backend)
}

pub async fn list(db: &Db) -> Result<Vec<KioskDevice>, StoreError> {
    let sql = format!("{SELECT} ORDER BY k.revoked_at IS NOT NULL, s.name, k.name");
    on_pool!(db, pool => sqlx::query_as::<_, Row>(&sql).fetch_all(pool).await)
        .map(|rows| rows.into_iter().map(KioskDevice::from).collect())
        .map_err(backend)
}

/// Revokes a device (its cookie stops working); true when it was enabled.
pub async fn revoke(db: &Db, id: i64, now: OffsetDateTime) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE kiosk_devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL"
    ).bind(now).bind(id).execute(pool).await.map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

//! Payment attempts and vouchers (both engines).

use app::model::VoucherView;
use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: i64,
    pub order_id: i64,
    pub gateway: String,
    pub gateway_ref: String,
    pub amount_cents: i64,
    pub status: String,
    pub redirect_url: String,
    pub created_at: OffsetDateTime,
}

const SELECT: &str = "SELECT id, order_id, gateway, gateway_ref, amount_cents, status, \
     redirect_url, created_at FROM payments";

/// The order's payment attempt in the given status, latest first.
pub async fn for_order(
    db: &Db,
    order_id: i64,
    status: &str,
) -> Result<Option<PaymentRow>, StoreError> {
    let sql = format!("{SELECT} WHERE order_id = $1 AND status = $2 ORDER BY id DESC LIMIT 1");
    on_pool!(db, pool => sqlx::query_as::<_, PaymentRow>(&sql)
        .bind(order_id).bind(status).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn attempts(db: &Db, order_id: i64) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM payments WHERE order_id = $1"
    ).bind(order_id).fetch_one(pool).await)
    .map_err(backend)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert(
    db: &Db,
    order_id: i64,
    gateway: &str,
    gateway_ref: &str,
    idempotency_key: &str,
    amount_cents: i64,
    redirect_url: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO payments (order_id, gateway, gateway_ref, idempotency_key, amount_cents, \
         status, redirect_url, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING"
    )
    .bind(order_id).bind(gateway).bind(gateway_ref).bind(idempotency_key).bind(amount_cents)
    .bind(redirect_url).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

pub async fn by_gateway_ref(
    db: &Db,
    gateway: &str,
    gateway_ref: &str,
) -> Result<Option<PaymentRow>, StoreError> {
    let sql = format!("{SELECT} WHERE gateway = $1 AND gateway_ref = $2");
    on_pool!(db, pool => sqlx::query_as::<_, PaymentRow>(&sql)
        .bind(gateway).bind(gateway_ref).fetch_optional(pool).await)
    .map_err(backend)
}

/// Open attempts started before `cutoff` (the reconciliation job asks their gateway).
pub async fn open_before(db: &Db, cutoff: OffsetDateTime) -> Result<Vec<PaymentRow>, StoreError> {
    let sql = format!("{SELECT} WHERE status = 'open' AND created_at < $1 ORDER BY id LIMIT 200");
    on_pool!(db, pool => sqlx::query_as::<_, PaymentRow>(&sql).bind(cutoff).fetch_all(pool).await)
        .map_err(backend)
}

/// Marks an attempt closed without touching its order (superseded or abandoned).
pub async fn set_status(db: &Db, id: i64, status: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("UPDATE payments SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status).bind(OffsetDateTime::now_utc()).bind(id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct VoucherRow {
    id: i64,
    scheme: String,
    amount_cents: i64,
    balance_cents: i64,
    valid_from: String,
    valid_until: String,
}

/// The vouchers assigned to a fiscal code (not revoked), those expiring first first.
pub async fn vouchers(
    db: &Db,
    fiscal_code: &str,
    today: &str,
) -> Result<Vec<VoucherView>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, VoucherRow>(
        "SELECT id, scheme, amount_cents, balance_cents, valid_from, valid_until FROM vouchers \
         WHERE fiscal_code = $1 AND revoked_at IS NULL ORDER BY valid_until, id"
    ).bind(fiscal_code).fetch_all(pool).await)
    .map(|rows| {
        rows.into_iter()
            .map(|r| VoucherView {
                usable_today: r.valid_from.as_str() <= today && today <= r.valid_until.as_str(),
                id: r.id,
                scheme: r.scheme,
                amount_cents: r.amount_cents,
                balance_cents: r.balance_cents,
                valid_from: r.valid_from,
                valid_until: r.valid_until,
            })
            .collect()
    })
    .map_err(backend)
}

/// Assigns a voucher (the city's import; the demo data set's).
pub async fn assign_voucher(
    db: &Db,
    fiscal_code: &str,
    scheme: &str,
    amount_cents: i64,
    valid_from: &str,
    valid_until: &str,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO vouchers (fiscal_code, scheme, amount_cents, balance_cents, valid_from, \
             valid_until, imported_at) VALUES ($1, $2, $3, $3, $4, $5, $6) RETURNING id",
        )
        .bind(fiscal_code).bind(scheme).bind(amount_cents).bind(valid_from).bind(valid_until)
        .bind(now).fetch_one(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO voucher_ledger (voucher_id, kind, amount_cents, at) \
             VALUES ($1, 'assigned', $2, $3)",
        )
        .bind(id).bind(amount_cents).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(id)
    }.await)
    .map_err(backend)
}

/// The fiscal code of a person, if known (set by SPID/CIE or the profile).
pub async fn fiscal_code_of(db: &Db, user_id: i64) -> Result<Option<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, Option<String>>(
        "SELECT fiscal_code FROM users WHERE id = $1"
    ).bind(user_id).fetch_optional(pool).await)
    .map(Option::flatten)
    .map_err(backend)
}

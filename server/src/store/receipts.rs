//! The facts a payment receipt repeats: the seller, the payments that succeeded and the
//! refunds (both engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

/// The seller as the receipt names it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Seller {
    pub name: String,
    pub legal_form: String,
    pub vat_number: String,
    pub fiscal_code: String,
    /// The first of its sites' addresses (empty when it declared none).
    pub address: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PaidAttempt {
    pub gateway: String,
    pub gateway_ref: String,
    pub amount_cents: i64,
    /// When the payment was settled.
    pub updated_at: OffsetDateTime,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RefundFact {
    pub gateway_cents: i64,
    pub voucher_cents: i64,
    pub reason: String,
    pub created_at: OffsetDateTime,
}

pub async fn seller(db: &Db, provider_id: i64) -> Result<Option<Seller>, StoreError> {
    let sql = "SELECT p.name, p.legal_form, p.vat_number, p.fiscal_code, \
         COALESCE((SELECT s.address FROM provider_sites s WHERE s.provider_id = p.id \
           ORDER BY s.id LIMIT 1), '') AS address \
         FROM providers p WHERE p.id = $1";
    on_pool!(db, pool => sqlx::query_as::<_, Seller>(sql).bind(provider_id).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn paid_attempts(db: &Db, order_id: i64) -> Result<Vec<PaidAttempt>, StoreError> {
    let sql = "SELECT gateway, gateway_ref, amount_cents, updated_at FROM payments \
         WHERE order_id = $1 AND status = 'succeeded' ORDER BY id";
    on_pool!(db, pool => sqlx::query_as::<_, PaidAttempt>(sql).bind(order_id).fetch_all(pool).await)
        .map_err(backend)
}

pub async fn refunds(db: &Db, order_id: i64) -> Result<Vec<RefundFact>, StoreError> {
    let sql = "SELECT gateway_cents, voucher_cents, reason, created_at FROM refunds \
         WHERE order_id = $1 ORDER BY id";
    on_pool!(db, pool => sqlx::query_as::<_, RefundFact>(sql).bind(order_id).fetch_all(pool).await)
        .map_err(backend)
}

//! What a provider received and gave back in a period: payments confirmed and refunds (both
//! engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MoneyRow {
    pub at: OffsetDateTime,
    pub reference: String,
    pub customer: String,
    pub service: String,
    pub payment_method: String,
    pub voucher_cents: i64,
    pub gateway_cents: i64,
    pub refund: bool,
}

const FIRST_SERVICE: &str = "COALESCE((SELECT s.name_it FROM order_lines l \
     JOIN services s ON s.id = l.service_id WHERE l.order_id = o.id ORDER BY l.id LIMIT 1), '')";

/// Payments confirmed and refunds of `provider_id` in `[from, to)`, oldest first.
pub async fn lines(
    db: &Db,
    provider_id: i64,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<MoneyRow>, StoreError> {
    let sql = format!(
        "SELECT * FROM (\
           SELECT e.at, o.reference, o.billing_name AS customer, {FIRST_SERVICE} AS service, \
             o.payment_method, o.voucher_cents, o.gateway_cents, (1 = 0) AS refund \
           FROM order_events e JOIN orders o ON o.id = e.order_id \
           WHERE o.provider_id = $1 AND e.event = 'payment_confirmed' AND e.at >= $2 AND e.at < $3 \
           UNION ALL \
           SELECT r.created_at, o.reference, o.billing_name, {FIRST_SERVICE}, \
             o.payment_method, -r.voucher_cents, -r.gateway_cents, (1 = 1) \
           FROM refunds r JOIN orders o ON o.id = r.order_id \
           WHERE o.provider_id = $1 AND r.created_at >= $2 AND r.created_at < $3\
         ) m ORDER BY at, reference"
    );
    on_pool!(db, pool => sqlx::query_as::<_, MoneyRow>(&sql)
        .bind(provider_id).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

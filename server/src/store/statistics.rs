//! The statistics' queries (issue 8), both engines. Instants in the period are fetched as they
//! are and bucketed by month in Rome by `domain::statistics` (timestamps are TEXT on SQLite and
//! TIMESTAMPTZ on PostgreSQL, so month arithmetic in SQL would differ per engine). Sums are
//! cast to BIGINT (PostgreSQL's SUM of BIGINT is NUMERIC).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

/// Published (validated) services per category, in the categories' order:
/// (Italian name, English name, count).
pub async fn services_by_category(db: &Db) -> Result<Vec<(String, String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT c.name_it, c.name_en, \
         (SELECT COUNT(*) FROM services s WHERE s.category_id = c.id AND s.status = 'validated') \
         FROM categories c ORDER BY c.position, c.id"
    ).fetch_all(pool).await)
    .map_err(backend)
}

/// The 10 providers with the most published services: (name, count).
pub async fn top_providers(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT p.name, COUNT(s.id) AS n FROM providers p \
         JOIN services s ON s.provider_id = p.id AND s.status = 'validated' \
         GROUP BY p.id, p.name ORDER BY n DESC, p.name LIMIT 10"
    ).fetch_all(pool).await)
    .map_err(backend)
}

/// Paid orders created in the period: (created at, total less refunds, cents).
pub async fn paid_orders(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(OffsetDateTime, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT created_at, total_cents - refunded_cents FROM orders \
         WHERE paid_at IS NOT NULL AND created_at >= $1 AND created_at < $2"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// Quote requests created in the period: (created at, 1 if it led to an order else 0).
pub async fn quote_requests(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(OffsetDateTime, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT created_at, CAST(CASE WHEN order_id IS NULL THEN 0 ELSE 1 END AS BIGINT) \
         FROM quote_requests \
         WHERE created_at >= $1 AND created_at < $2"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// When the offers of the period were made.
pub async fn quote_offers(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<OffsetDateTime>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT created_at FROM quote_offers WHERE created_at >= $1 AND created_at < $2"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// Voucher spending in the period per scheme (debits less reversals, cents): (scheme, cents).
pub async fn voucher_spending(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT v.scheme, CAST(-SUM(l.amount_cents) AS BIGINT) FROM voucher_ledger l \
         JOIN vouchers v ON v.id = l.voucher_id \
         WHERE l.kind IN ('debit', 'reversal') AND l.at >= $1 AND l.at < $2 \
         GROUP BY v.scheme ORDER BY v.scheme"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// Worker applications created in the period, per status: (status, count).
pub async fn applications_by_status(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT status, COUNT(*) FROM worker_applications \
         WHERE created_at >= $1 AND created_at < $2 GROUP BY status ORDER BY status"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// When the families' requests of the period were made.
pub async fn family_requests(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<OffsetDateTime>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT created_at FROM family_requests WHERE created_at >= $1 AND created_at < $2"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// Proposals made in the period, per state: (state, count).
pub async fn proposals_by_state(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT state, COUNT(*) FROM match_proposals \
         WHERE created_at >= $1 AND created_at < $2 GROUP BY state ORDER BY state"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

/// Published reviews written in the period: (count, punctuality sum, professionalism sum,
/// kindness sum).
pub async fn review_sums(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<(i64, i64, i64, i64), StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(punctuality), 0) AS BIGINT), \
         CAST(COALESCE(SUM(professionalism), 0) AS BIGINT), \
         CAST(COALESCE(SUM(kindness), 0) AS BIGINT) FROM reviews \
         WHERE state = 'published' AND created_at >= $1 AND created_at < $2"
    ).bind(from).bind(to).fetch_one(pool).await)
    .map_err(backend)
}

/// Page feedback of the period per page, most answered first (20 pages at most):
/// (page, answers, sum of the ratings).
pub async fn page_feedback(
    db: &Db,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(String, i64, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT page, COUNT(*) AS n, CAST(SUM(rating) AS BIGINT) FROM page_feedback \
         WHERE created_at >= $1 AND created_at < $2 \
         GROUP BY page ORDER BY n DESC, page LIMIT 20"
    ).bind(from).bind(to).fetch_all(pool).await)
    .map_err(backend)
}

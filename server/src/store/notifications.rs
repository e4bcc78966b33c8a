//! The notification centre's feed, read from the events already stored: what happened to the
//! person's orders and quote requests that someone else did, and, for provider staff, what
//! citizens did on their provider's orders and requests (both engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NotificationRow {
    /// `order`, `offer`, `message`, `request`.
    pub kind: String,
    pub reference: String,
    /// The order's new state, the offer's state, or empty.
    pub code: String,
    /// The other party: the provider's name (citizen side) or the customer's (provider side).
    pub party: String,
    /// `citizen` or `provider`: whose page the link opens.
    pub audience: String,
    pub at: OffsetDateTime,
}

/// The provider ids `$1` works for.
const STAFF_OF: &str = "(SELECT scope_id FROM user_roles WHERE user_id = $1 \
     AND role IN ('provider_admin', 'provider_operator'))";

fn feed() -> String {
    format!(
        "SELECT 'order' AS kind, o.reference, e.to_state AS code, p.name AS party, \
           'citizen' AS audience, e.at \
         FROM order_events e JOIN orders o ON o.id = e.order_id \
         JOIN providers p ON p.id = o.provider_id \
         WHERE o.user_id = $1 AND e.actor <> 'citizen' \
         UNION ALL \
         SELECT 'offer', q.reference, f.state, p.name, 'citizen', f.created_at \
         FROM quote_offers f JOIN quote_requests q ON q.id = f.request_id \
         JOIN providers p ON p.id = f.provider_id WHERE q.user_id = $1 \
         UNION ALL \
         SELECT 'message', q.reference, '', p.name, 'citizen', m.created_at \
         FROM quote_messages m JOIN quote_requests q ON q.id = m.request_id \
         JOIN providers p ON p.id = m.provider_id \
         WHERE q.user_id = $1 AND NOT m.from_citizen \
         UNION ALL \
         SELECT 'order', o.reference, e.to_state, o.billing_name, 'provider', e.at \
         FROM order_events e JOIN orders o ON o.id = e.order_id \
         WHERE o.provider_id IN {STAFF_OF} AND e.actor <> 'provider_staff' \
         UNION ALL \
         SELECT 'request', q.reference, q.state, '', 'provider', q.created_at \
         FROM quote_recipients r JOIN quote_requests q ON q.id = r.request_id \
         WHERE r.provider_id IN {STAFF_OF} \
         UNION ALL \
         SELECT 'message', q.reference, '', '', 'provider', m.created_at \
         FROM quote_messages m JOIN quote_requests q ON q.id = m.request_id \
         WHERE m.provider_id IN {STAFF_OF} AND m.from_citizen \
         UNION ALL \
         SELECT 'domestic_' || d.kind, d.reference, d.code, '', 'citizen', d.at \
         FROM domestic_events d WHERE d.user_id = $1"
    )
}

/// One page of the feed, newest first, and how many there are in all.
pub async fn page(
    db: &Db,
    user_id: i64,
    limit: i64,
    offset: i64,
) -> Result<(Vec<NotificationRow>, i64), StoreError> {
    let rows_sql = format!(
        "SELECT * FROM ({}) n ORDER BY at DESC LIMIT $2 OFFSET $3",
        feed()
    );
    let count_sql = format!("SELECT COUNT(*) FROM ({}) n", feed());
    on_pool!(db, pool => async {
        let rows = sqlx::query_as::<_, NotificationRow>(&rows_sql)
            .bind(user_id).bind(limit).bind(offset).fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count_sql).bind(user_id).fetch_one(pool).await?;
        Ok::<_, sqlx::Error>((rows, total))
    }.await)
    .map_err(backend)
}

/// How many are newer than the last time the person read them.
pub async fn unread(db: &Db, user_id: i64) -> Result<i64, StoreError> {
    let sql = format!(
        "SELECT COUNT(*) FROM ({}) n WHERE n.at > COALESCE(\
           (SELECT seen_at FROM notification_marks WHERE user_id = $1), $2)",
        feed()
    );
    let epoch = OffsetDateTime::UNIX_EPOCH;
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(&sql).bind(user_id).bind(epoch).fetch_one(pool).await)
        .map_err(backend)
}

pub async fn seen_at(db: &Db, user_id: i64) -> Result<Option<OffsetDateTime>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, OffsetDateTime>(
        "SELECT seen_at FROM notification_marks WHERE user_id = $1"
    ).bind(user_id).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn mark_seen(db: &Db, user_id: i64, now: OffsetDateTime) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO notification_marks (user_id, seen_at) VALUES ($1, $2) \
         ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at"
    ).bind(user_id).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

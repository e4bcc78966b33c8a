//! Carts and their lines, and the checkout draft kept with them (both engines).

use std::collections::HashMap;

use app::model::{CheckoutDraft, PriceTier};
use app::ports::{NewCartItem, StoreError};
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

/// The cart of a person, created when missing.
pub async fn for_user(db: &Db, user_id: i64, now: OffsetDateTime) -> Result<i64, StoreError> {
    on_pool!(db, pool => async {
        sqlx::query(
            "INSERT INTO carts (user_id, created_at, updated_at) VALUES ($1, $2, $2) \
             ON CONFLICT (user_id) DO NOTHING",
        )
        .bind(user_id).bind(now).execute(pool).await?;
        sqlx::query_scalar::<_, i64>("SELECT id FROM carts WHERE user_id = $1")
            .bind(user_id).fetch_one(pool).await
    }.await)
    .map_err(backend)
}

/// The anonymous cart whose cookie token has this digest.
pub async fn for_browser(db: &Db, token_hash: &str) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT id FROM carts WHERE token_hash = $1 AND user_id IS NULL"
    ).bind(token_hash).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn create_for_browser(
    db: &Db,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO carts (token_hash, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id"
    ).bind(token_hash).bind(now).fetch_one(pool).await)
    .map_err(backend)
}

/// Moves the lines of an anonymous cart into a person's cart and deletes it (at login).
pub async fn merge(db: &Db, from: i64, into: i64) -> Result<(), StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE cart_items SET cart_id = $1 WHERE cart_id = $2")
            .bind(into).bind(from).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM carts WHERE id = $1").bind(from).execute(&mut *tx).await?;
        tx.commit().await
    }.await)
    .map_err(backend)
}

pub async fn add(
    db: &Db,
    cart_id: i64,
    item: &NewCartItem,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO cart_items (cart_id, service_id, quantity, people, preferred_date, \
             time_slot, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(cart_id).bind(item.service_id).bind(item.quantity).bind(item.people)
        .bind(&item.preferred_date).bind(&item.time_slot).bind(&item.notes).bind(now)
        .execute(&mut *tx).await?;
        sqlx::query("UPDATE carts SET updated_at = $1 WHERE id = $2")
            .bind(now).bind(cart_id).execute(&mut *tx).await?;
        tx.commit().await
    }.await)
    .map_err(backend)
}

/// True when the line was in this cart.
pub async fn update(
    db: &Db,
    cart_id: i64,
    line_id: i64,
    quantity: i64,
    people: i64,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE cart_items SET quantity = $1, people = $2 WHERE id = $3 AND cart_id = $4"
    ).bind(quantity).bind(people).bind(line_id).bind(cart_id).execute(pool).await
    .map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

pub async fn remove(db: &Db, cart_id: i64, line_id: i64) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM cart_items WHERE id = $1 AND cart_id = $2")
        .bind(line_id).bind(cart_id).execute(pool).await.map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

/// A cart line with what pricing and checkout need to know of its service.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LineRow {
    pub id: i64,
    pub service_id: i64,
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub provider_id: i64,
    pub provider_name: String,
    pub provider_email: String,
    pub unit: String,
    pub status: String,
    pub pricing: String,
    pub mode: String,
    pub capacity: Option<i64>,
    pub quote_required: bool,
    pub accepts_vouchers: bool,
    pub quantity: i64,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub notes: String,
    /// When the line was put in the cart: part of the checkout key, since SQLite may give a
    /// new line the id of one removed before.
    pub added_at: time::OffsetDateTime,
}

pub async fn lines(db: &Db, cart_id: i64) -> Result<Vec<LineRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, LineRow>(
        "SELECT ci.id, s.id AS service_id, s.slug, s.name_it, s.name_en, s.provider_id, \
         p.name AS provider_name, p.email AS provider_email, s.unit, s.status, s.pricing, s.mode, s.capacity, \
         s.quote_required, s.accepts_vouchers, ci.quantity, ci.people, ci.preferred_date, \
         ci.time_slot, ci.notes, ci.created_at AS added_at \
         FROM cart_items ci JOIN services s ON s.id = ci.service_id \
         JOIN providers p ON p.id = s.provider_id \
         WHERE ci.cart_id = $1 ORDER BY p.name, ci.id"
    ).bind(cart_id).fetch_all(pool).await)
    .map_err(backend)
}

/// The price lists of these services.
pub async fn tiers(
    db: &Db,
    service_ids: &[i64],
) -> Result<HashMap<i64, Vec<PriceTier>>, StoreError> {
    let mut out: HashMap<i64, Vec<PriceTier>> = HashMap::new();
    for id in service_ids {
        if out.contains_key(id) {
            continue;
        }
        let rows = on_pool!(db, pool => sqlx::query_as::<_, PriceTier>(
            "SELECT min_people, max_people, min_quantity, max_quantity, unit_price_cents \
             FROM price_tiers WHERE service_id = $1 ORDER BY id"
        ).bind(id).fetch_all(pool).await)
        .map_err(backend)?;
        out.insert(*id, rows);
    }
    Ok(out)
}

/// Seats already taken in a shared service (0 before the first booking).
pub async fn seats_taken(db: &Db, service_id: i64) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE((SELECT taken FROM shared_seats WHERE service_id = $1), 0)"
    ).bind(service_id).fetch_one(pool).await)
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    billing_name: String,
    billing_fiscal_code: String,
    billing_address: String,
    billing_email: String,
    billing_phone: String,
    payment_method: String,
    use_vouchers: bool,
}

pub async fn draft(db: &Db, cart_id: i64) -> Result<CheckoutDraft, StoreError> {
    let r = on_pool!(db, pool => sqlx::query_as::<_, DraftRow>(
        "SELECT billing_name, billing_fiscal_code, billing_address, billing_email, billing_phone, \
         payment_method, use_vouchers FROM carts WHERE id = $1"
    ).bind(cart_id).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(CheckoutDraft {
        billing_name: r.billing_name,
        billing_fiscal_code: r.billing_fiscal_code,
        billing_address: r.billing_address,
        billing_email: r.billing_email,
        billing_phone: r.billing_phone,
        payment_method: r.payment_method,
        use_vouchers: r.use_vouchers,
    })
}

pub async fn save_draft(
    db: &Db,
    cart_id: i64,
    d: &CheckoutDraft,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE carts SET billing_name = $1, billing_fiscal_code = $2, billing_address = $3, \
         billing_email = $4, billing_phone = $5, payment_method = $6, use_vouchers = $7, \
         updated_at = $8 WHERE id = $9"
    )
    .bind(&d.billing_name).bind(&d.billing_fiscal_code).bind(&d.billing_address)
    .bind(&d.billing_email).bind(&d.billing_phone).bind(&d.payment_method)
    .bind(d.use_vouchers).bind(now).bind(cart_id)
    .execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// A service shaped like a cart line (quantity and people of `item`), for pricing a new line.
pub async fn service_as_line(db: &Db, item: &NewCartItem) -> Result<Option<LineRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, LineRow>(
        "SELECT CAST(0 AS BIGINT) AS id, s.id AS service_id, s.slug, s.name_it, s.name_en, s.provider_id, \
         p.name AS provider_name, p.email AS provider_email, s.unit, s.status, s.pricing, s.mode, s.capacity, \
         s.quote_required, s.accepts_vouchers, CAST($2 AS BIGINT) AS quantity, \
         CAST($3 AS BIGINT) AS people, CAST($4 AS TEXT) AS preferred_date, \
         CAST($5 AS TEXT) AS time_slot, CAST($6 AS TEXT) AS notes, $7 AS added_at \
         FROM services s JOIN providers p ON p.id = s.provider_id WHERE s.id = $1"
    )
    .bind(item.service_id).bind(item.quantity).bind(item.people).bind(&item.preferred_date)
    .bind(&item.time_slot).bind(&item.notes).bind(time::OffsetDateTime::now_utc())
    .fetch_optional(pool).await)
    .map_err(backend)
}

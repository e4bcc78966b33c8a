//! Reviews of completed orders and the services' ratings (both engines). The rules are
//! `domain::reviews`'; here rows are read and written, each change in one transaction with the
//! e-mail it announces. Ratings are exact running totals (`service_ratings`) updated when a
//! review is published, and copied into the catalogue's index (`service_search`) at once, so
//! the "rating" sort never aggregates reviews per query.

use app::model::{PageRequest, Paged, ReviewView};
use app::ports::StoreError;
use domain::reviews::{RatingTotals, ReviewState, public_name};
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReviewRow {
    pub id: i64,
    pub order_id: i64,
    pub order_reference: String,
    pub order_locale: String,
    pub billing_name: String,
    pub billing_email: String,
    pub service_id: i64,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub provider_id: i64,
    pub provider_name: String,
    pub provider_email: String,
    pub user_id: Option<i64>,
    pub author_name: String,
    pub punctuality: i64,
    pub professionalism: i64,
    pub kindness: i64,
    pub body: String,
    pub state: String,
    pub moderation_reason: String,
    pub reply: String,
    pub replied_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub moderated_at: Option<OffsetDateTime>,
}

impl ReviewRow {
    pub fn state(&self) -> ReviewState {
        ReviewState::parse(&self.state).unwrap_or(ReviewState::Pending)
    }

    /// The page's view; `private` keeps the order reference and the moderation reason (for
    /// the author, the moderators and the provider's staff), otherwise they are left empty.
    pub fn view(&self, private: bool) -> ReviewView {
        ReviewView {
            id: self.id,
            order_reference: if private {
                self.order_reference.clone()
            } else {
                String::new()
            },
            service_slug: self.service_slug.clone(),
            service_name_it: self.service_name_it.clone(),
            service_name_en: self.service_name_en.clone(),
            provider_id: self.provider_id,
            provider_name: self.provider_name.clone(),
            author: public_name(&self.author_name),
            punctuality: self.punctuality,
            professionalism: self.professionalism,
            kindness: self.kindness,
            body: self.body.clone(),
            state: self.state.clone(),
            moderation_reason: if private {
                self.moderation_reason.clone()
            } else {
                String::new()
            },
            reply: self.reply.clone(),
            replied_at: self.replied_at.map(rfc3339),
            created_at: rfc3339(self.created_at),
            moderated_at: self.moderated_at.map(rfc3339),
        }
    }
}

const REVIEW: &str = "SELECT r.id, r.order_id, o.reference AS order_reference, \
     o.locale AS order_locale, o.billing_name, o.billing_email, r.service_id, \
     s.slug AS service_slug, s.name_it AS service_name_it, s.name_en AS service_name_en, \
     r.provider_id, p.name AS provider_name, p.email AS provider_email, r.user_id, \
     COALESCE(u.name, '') AS author_name, r.punctuality, r.professionalism, r.kindness, r.body, \
     r.state, r.moderation_reason, r.reply, r.replied_at, r.created_at, r.moderated_at \
     FROM reviews r JOIN orders o ON o.id = r.order_id JOIN services s ON s.id = r.service_id \
     JOIN providers p ON p.id = r.provider_id LEFT JOIN users u ON u.id = r.user_id";

async fn one(db: &Db, filter: &str, id: i64) -> Result<Option<ReviewRow>, StoreError> {
    let sql = format!("{REVIEW} WHERE {filter} = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ReviewRow>(&sql).bind(id).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<ReviewRow>, StoreError> {
    one(db, "r.id", id).await
}

pub async fn by_order(db: &Db, order_id: i64) -> Result<Option<ReviewRow>, StoreError> {
    one(db, "r.order_id", order_id).await
}

/// Every review a person wrote, newest first (their data export).
pub async fn of_user(db: &Db, user_id: i64) -> Result<Vec<ReviewRow>, StoreError> {
    let sql = format!("{REVIEW} WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id DESC");
    on_pool!(db, pool => sqlx::query_as::<_, ReviewRow>(&sql).bind(user_id).fetch_all(pool).await)
        .map_err(backend)
}

/// The service a review of the order is about: its first line's.
pub async fn reviewed_service(db: &Db, order_id: i64) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT service_id FROM order_lines WHERE order_id = $1 ORDER BY id LIMIT 1"
    ).bind(order_id).fetch_optional(pool).await)
    .map_err(backend)
}

#[derive(Clone, Debug)]
pub struct NewReviewRow {
    pub order_id: i64,
    pub service_id: i64,
    pub provider_id: i64,
    pub user_id: i64,
    pub punctuality: i64,
    pub professionalism: i64,
    pub kindness: i64,
    pub body: String,
    pub now: OffsetDateTime,
}

/// Inserts a pending review; `None` when the order has one already (whoever was first).
pub async fn insert(db: &Db, r: &NewReviewRow) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO reviews (order_id, service_id, provider_id, user_id, punctuality, \
         professionalism, kindness, body, state, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) \
         ON CONFLICT (order_id) DO NOTHING RETURNING id"
    )
    .bind(r.order_id).bind(r.service_id).bind(r.provider_id).bind(r.user_id)
    .bind(r.punctuality).bind(r.professionalism).bind(r.kindness).bind(&r.body).bind(r.now)
    .fetch_optional(pool).await)
    .map_err(backend)
}

/// The city's decision, written only if the review is still pending.
#[derive(Clone, Debug)]
pub struct Moderation {
    pub review_id: i64,
    pub to: ReviewState,
    pub moderator: i64,
    pub reason: String,
    pub mails: Vec<OutgoingMail>,
    pub now: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct TotalsRow {
    review_count: i64,
    punctuality_sum: i64,
    professionalism_sum: i64,
    kindness_sum: i64,
}

impl From<TotalsRow> for RatingTotals {
    fn from(r: TotalsRow) -> RatingTotals {
        RatingTotals {
            count: r.review_count,
            punctuality: r.punctuality_sum,
            professionalism: r.professionalism_sum,
            kindness: r.kindness_sum,
        }
    }
}

/// Applies a moderation; false when the review was no longer pending (nothing written).
/// Publishing adds the scores to the service's totals, refreshes the service's row of the
/// catalogue index and tells every instance to reload its search snapshot — all in the same
/// transaction as the state change and the e-mail.
pub async fn moderate(db: &Db, m: &Moderation) -> Result<bool, StoreError> {
    let result: Result<bool, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE reviews SET state = $1, moderated_by = $2, moderation_reason = $3, \
             moderated_at = $4 WHERE id = $5 AND state = 'pending'",
        )
        .bind(m.to.as_str()).bind(m.moderator).bind(&m.reason).bind(m.now).bind(m.review_id)
        .execute(&mut *tx).await?.rows_affected();
        if changed != 1 {
            return Ok(false);
        }
        if m.to == ReviewState::Published {
            let (service_id, provider_id, p, pr, k): (i64, i64, i64, i64, i64) = sqlx::query_as(
                "SELECT service_id, provider_id, punctuality, professionalism, kindness \
                 FROM reviews WHERE id = $1",
            )
            .bind(m.review_id).fetch_one(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO service_ratings (service_id, provider_id, review_count, \
                 punctuality_sum, professionalism_sum, kindness_sum) VALUES ($1, $2, 1, $3, $4, $5) \
                 ON CONFLICT (service_id) DO UPDATE SET \
                 review_count = service_ratings.review_count + 1, \
                 punctuality_sum = service_ratings.punctuality_sum + excluded.punctuality_sum, \
                 professionalism_sum = service_ratings.professionalism_sum + excluded.professionalism_sum, \
                 kindness_sum = service_ratings.kindness_sum + excluded.kindness_sum",
            )
            .bind(service_id).bind(provider_id).bind(p).bind(pr).bind(k)
            .execute(&mut *tx).await?;
            let totals: RatingTotals = sqlx::query_as::<_, TotalsRow>(
                "SELECT review_count, punctuality_sum, professionalism_sum, kindness_sum \
                 FROM service_ratings WHERE service_id = $1",
            )
            .bind(service_id).fetch_one(&mut *tx).await?.into();
            let (rating_x100, rating_count) = totals.index_values();
            let indexed = sqlx::query(
                "UPDATE service_search SET rating_x100 = $1, rating_count = $2 \
                 WHERE service_id = $3",
            )
            .bind(rating_x100).bind(rating_count).bind(service_id)
            .execute(&mut *tx).await?.rows_affected();
            if indexed > 0 {
                // A new version tells every instance to reload its search snapshot.
                sqlx::query("DELETE FROM settings WHERE key = $1")
                    .bind(super::search::VERSION_KEY)
                    .execute(&mut *tx).await?;
                sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2)")
                    .bind(super::search::VERSION_KEY)
                    .bind(uuid::Uuid::now_v7().to_string())
                    .execute(&mut *tx).await?;
            }
        }
        for mail in &m.mails {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok(true)
    }.await);
    result.map_err(backend)
}

/// The provider's reply, written only to a published review without one; false otherwise.
pub async fn reply(
    db: &Db,
    review_id: i64,
    body: &str,
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let result: Result<bool, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE reviews SET reply = $1, replied_at = $2 \
             WHERE id = $3 AND state = 'published' AND replied_at IS NULL",
        )
        .bind(body).bind(now).bind(review_id)
        .execute(&mut *tx).await?.rows_affected();
        if changed != 1 {
            return Ok(false);
        }
        for mail in mails {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok(true)
    }.await);
    result.map_err(backend)
}

/// Which reviews a list shows.
#[derive(Clone, Debug)]
pub enum Listing<'a> {
    /// Waiting for moderation, oldest first.
    Pending,
    /// Published reviews of these providers' services, newest first.
    Providers(&'a [i64]),
    /// Published reviews of one service, newest first.
    Service(i64),
}

pub async fn page(
    db: &Db,
    listing: Listing<'_>,
    page: PageRequest,
) -> Result<Paged<ReviewRow>, StoreError> {
    let (filter, order) = match listing {
        Listing::Pending => ("r.state = 'pending'".to_string(), "ASC"),
        Listing::Providers([]) => ("1 = 0".to_string(), "DESC"),
        Listing::Providers(ids) => (
            format!(
                "r.state = 'published' AND r.provider_id IN ({})",
                ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
            ),
            "DESC",
        ),
        Listing::Service(id) => (
            format!("r.state = 'published' AND r.service_id = {id}"),
            "DESC",
        ),
    };
    let sql = format!(
        "{REVIEW} WHERE {filter} ORDER BY r.created_at {order}, r.id {order} LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM reviews r WHERE {filter}");
    let (items, total) = on_pool!(db, pool => async {
        let items = sqlx::query_as::<_, ReviewRow>(&sql)
            .bind(i64::from(page.per_page)).bind(page.offset()).fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count).fetch_one(pool).await?;
        Ok::<_, sqlx::Error>((items, total))
    }.await)
    .map_err(backend)?;
    Ok(Paged {
        total,
        page: page.page,
        per_page: page.per_page,
        items,
    })
}

/// The exact totals of one service's published reviews (zero without any).
pub async fn service_totals(db: &Db, service_id: i64) -> Result<RatingTotals, StoreError> {
    let row = on_pool!(db, pool => sqlx::query_as::<_, TotalsRow>(
        "SELECT review_count, punctuality_sum, professionalism_sum, kindness_sum \
         FROM service_ratings WHERE service_id = $1"
    ).bind(service_id).fetch_optional(pool).await)
    .map_err(backend)?;
    Ok(row.map(RatingTotals::from).unwrap_or_default())
}

/// The exact totals of a provider's published reviews, from its services' totals.
pub async fn provider_totals(db: &Db, provider_id: i64) -> Result<RatingTotals, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, TotalsRow>(
        "SELECT CAST(COALESCE(SUM(review_count), 0) AS BIGINT) AS review_count, \
         CAST(COALESCE(SUM(punctuality_sum), 0) AS BIGINT) AS punctuality_sum, \
         CAST(COALESCE(SUM(professionalism_sum), 0) AS BIGINT) AS professionalism_sum, \
         CAST(COALESCE(SUM(kindness_sum), 0) AS BIGINT) AS kindness_sum \
         FROM service_ratings WHERE provider_id = $1"
    ).bind(provider_id).fetch_one(pool).await)
    .map(RatingTotals::from)
    .map_err(backend)
}

/// A published service's id by its slug.
pub async fn published_service(db: &Db, slug: &str) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT id FROM services WHERE slug = $1 AND status = 'validated'"
    ).bind(slug).fetch_optional(pool).await)
    .map_err(backend)
}

/// A provider's id by its slug.
pub async fn provider_by_slug(db: &Db, slug: &str) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT id FROM providers WHERE slug = $1"
    ).bind(slug).fetch_optional(pool).await)
    .map_err(backend)
}

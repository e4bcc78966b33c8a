use app::model::{Category, Municipio, OpeningHours, PageRequest, Paged, ProviderSummary, Space};
use app::ports::StoreError;

use super::{Db, backend, on_pool};

/// "Published" means validated by the city (draft → submitted → to_correct → validated).
const CATEGORIES: &str = "SELECT c.id, c.slug, c.name_it, c.name_en, c.description_it, \
     c.description_en, c.icon, \
     (SELECT COUNT(*) FROM services s WHERE s.category_id = c.id AND s.status = 'validated') \
       AS service_count \
     FROM categories c ORDER BY c.position";

pub async fn categories(db: &Db) -> Result<Vec<Category>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, Category>(CATEGORIES).fetch_all(pool).await)
        .map_err(backend)
}

pub async fn category_names(db: &Db) -> Result<Vec<Category>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, Category>(
        "SELECT id, slug, name_it, name_en, description_it, description_en, icon, \
         CAST(0 AS BIGINT) AS service_count FROM categories ORDER BY position"
    ).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn municipi(db: &Db) -> Result<Vec<Municipio>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, Municipio>(
        "SELECT id, name FROM municipi ORDER BY id"
    ).fetch_all(pool).await)
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct HoursRow {
    space_id: i64,
    weekday: i64,
    opens: String,
    closes: String,
}

pub async fn spaces(db: &Db) -> Result<Vec<Space>, StoreError> {
    let (spaces, hours) = on_pool!(db, pool => (
        sqlx::query_as::<_, Space>(
            "SELECT id, slug, name, address, municipio_id AS municipio, phone, email, \
             description_it, description_en, activities_it, activities_en FROM spaces ORDER BY name",
        )
        .fetch_all(pool)
        .await,
        sqlx::query_as::<_, HoursRow>(
            "SELECT space_id, weekday, opens, closes FROM space_hours \
             ORDER BY space_id, weekday, opens",
        )
        .fetch_all(pool)
        .await,
    ));
    let mut spaces = spaces.map_err(backend)?;
    for h in hours.map_err(backend)? {
        if let Some(space) = spaces.iter_mut().find(|s| s.id == h.space_id) {
            space.hours.push(OpeningHours {
                weekday: h.weekday,
                opens: h.opens,
                closes: h.closes,
            });
        }
    }
    Ok(spaces)
}

const PROVIDER_COLUMNS: &str = "p.id, p.slug, p.name, p.legal_form, p.vat_number, p.email, \
     p.phone, p.website, p.description_it, p.description_en, \
     COALESCE(CAST(p.accredited_from AS TEXT), '') AS accredited_from, \
     COALESCE(CAST(p.accredited_until AS TEXT), '') AS accredited_until, \
     COALESCE(p.accredited_until >= CURRENT_DATE, FALSE) AS accreditation_valid, \
     (SELECT COUNT(*) FROM services s WHERE s.provider_id = p.id AND s.status = 'validated') \
       AS service_count";

pub async fn providers(db: &Db, page: PageRequest) -> Result<Paged<ProviderSummary>, StoreError> {
    let list = format!(
        "SELECT {PROVIDER_COLUMNS} FROM providers p ORDER BY p.name, p.id LIMIT $1 OFFSET $2"
    );
    let (total, items) = on_pool!(db, pool => {
        let total: Result<i64, _> = sqlx::query_scalar("SELECT COUNT(*) FROM providers")
            .fetch_one(pool)
            .await;
        let items = sqlx::query_as::<_, ProviderSummary>(&list)
            .bind(i64::from(page.per_page))
            .bind(page.offset())
            .fetch_all(pool)
            .await;
        (total, items)
    });
    Ok(Paged {
        total: total.map_err(backend)?,
        page: page.page,
        per_page: page.per_page,
        items: items.map_err(backend)?,
    })
}

pub async fn provider(db: &Db, id: i64) -> Result<Option<ProviderSummary>, StoreError> {
    let sql = format!("SELECT {PROVIDER_COLUMNS} FROM providers p WHERE p.id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ProviderSummary>(&sql).bind(id).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn provider_by_slug(db: &Db, slug: &str) -> Result<Option<ProviderSummary>, StoreError> {
    let sql = format!("SELECT {PROVIDER_COLUMNS} FROM providers p WHERE p.slug = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ProviderSummary>(&sql).bind(slug).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn hourly_prices(db: &Db, category_slug: &str) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT s.price_from_cents FROM services s JOIN categories c ON c.id = s.category_id \
         WHERE c.slug = $1 AND s.status = 'validated' AND s.pricing = 'paid' \
         AND s.unit = 'hour' AND s.price_from_cents IS NOT NULL ORDER BY s.price_from_cents",
    )
    .bind(category_slug)
    .fetch_all(pool)
    .await)
    .map_err(backend)
}

//! One published service with everything its page shows, and provider lookups by slug.

use app::model::{
    PageRequest, Paged, PriceTier, ProviderSite, ServiceCard, ServiceDetail, ServiceLocation,
    ServiceTexts, TargetGroup,
};
use app::ports::{ServiceKey, StoreError};

use domain::search::params::{DELIVERIES, TIMES};

use super::search::CARD_COLUMNS;
use super::{Db, backend, catalog, on_pool};

#[derive(sqlx::FromRow)]
struct Extra {
    capacity: Option<i64>,
    updated_at: String,
}

pub async fn service(db: &Db, key: ServiceKey<'_>) -> Result<Option<ServiceDetail>, StoreError> {
    let card = match key {
        ServiceKey::Id(id) => {
            let sql = format!("SELECT {CARD_COLUMNS} WHERE s.id = $1");
            on_pool!(db, pool => sqlx::query_as::<_, ServiceCard>(&sql)
                .bind(id).fetch_optional(pool).await)
        }
        ServiceKey::Slug(slug) => {
            let sql = format!("SELECT {CARD_COLUMNS} WHERE s.slug = $1");
            on_pool!(db, pool => sqlx::query_as::<_, ServiceCard>(&sql)
                .bind(slug).fetch_optional(pool).await)
        }
    }
    .map_err(backend)?;
    let Some(card) = card else { return Ok(None) };
    let sid = card.id;

    let texts_sql = "SELECT description_it, description_en, addressed_it, addressed_en, how_to_it, \
         how_to_en, needed_it, needed_en, achieved_it, achieved_en, timing_it, timing_en, \
         qualifications_it, qualifications_en, terms_it, terms_en FROM services WHERE id = $1";
    let extra_sql =
        "SELECT capacity, CAST(updated_at AS TEXT) AS updated_at FROM services WHERE id = $1";
    let (texts, extra, tiers, targets, attributes, sites) = on_pool!(db, pool => (
        sqlx::query_as::<_, ServiceTexts>(texts_sql).bind(sid).fetch_one(pool).await,
        sqlx::query_as::<_, Extra>(extra_sql).bind(sid).fetch_one(pool).await,
        sqlx::query_as::<_, PriceTier>(
            "SELECT min_people, max_people, min_quantity, max_quantity, unit_price_cents \
             FROM price_tiers WHERE service_id = $1 \
             ORDER BY min_people, min_quantity, unit_price_cents DESC",
        ).bind(sid).fetch_all(pool).await,
        sqlx::query_as::<_, TargetGroup>(
            "SELECT t.id, t.slug, t.name_it, t.name_en FROM target_groups t \
             JOIN service_targets st ON st.target_group_id = t.id \
             WHERE st.service_id = $1 ORDER BY t.position",
        ).bind(sid).fetch_all(pool).await,
        sqlx::query_as::<_, (String, String)>(
            "SELECT kind, value FROM service_attributes WHERE service_id = $1 ORDER BY kind, value",
        ).bind(sid).fetch_all(pool).await,
        sqlx::query_as::<_, ProviderSite>(
            "SELECT id, name, address, municipio_id AS municipio FROM provider_sites \
             WHERE provider_id = $1 ORDER BY id",
        ).bind(card.provider_id).fetch_all(pool).await,
    ));
    let attributes = attributes.map_err(backend)?;
    let of_kind = |kind: &str, order: &[&str]| {
        let mut values: Vec<String> = attributes
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, v)| v.clone())
            .collect();
        values.sort_by_key(|v| order.iter().position(|o| o == v).unwrap_or(usize::MAX));
        values
    };
    let provider = catalog::provider(db, card.provider_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let extra = extra.map_err(backend)?;
    Ok(Some(ServiceDetail {
        texts: texts.map_err(backend)?,
        capacity: extra.capacity,
        tiers: tiers.map_err(backend)?,
        targets: targets.map_err(backend)?,
        delivery_modes: of_kind("delivery_mode", DELIVERIES),
        times_of_day: of_kind("time_of_day", TIMES),
        languages: of_kind("language", &["it", "en"]),
        provider,
        sites: sites.map_err(backend)?,
        updated_at: extra.updated_at,
        card,
    }))
}

pub async fn provider_sites(db: &Db, provider_id: i64) -> Result<Vec<ProviderSite>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, ProviderSite>(
        "SELECT id, name, address, municipio_id AS municipio FROM provider_sites \
         WHERE provider_id = $1 ORDER BY id",
    ).bind(provider_id).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn target_groups(db: &Db) -> Result<Vec<TargetGroup>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, TargetGroup>(
        "SELECT id, slug, name_it, name_en FROM target_groups ORDER BY position"
    ).fetch_all(pool).await)
    .map_err(backend)
}

/// Every (published service, provider site) pair, by service then site.
pub async fn service_locations(
    db: &Db,
    page: PageRequest,
) -> Result<Paged<ServiceLocation>, StoreError> {
    let (total, items) = on_pool!(db, pool => {
        let total: Result<i64, _> = sqlx::query_scalar(
            "SELECT COUNT(*) FROM service_search ss \
             JOIN provider_sites ps ON ps.provider_id = ss.provider_id",
        )
        .fetch_one(pool)
        .await;
        let items = sqlx::query_as::<_, ServiceLocation>(
            "SELECT s.id AS service_id, s.name_it AS service_name_it, \
             s.name_en AS service_name_en, s.provider_id, ps.id AS site_id, \
             ps.name AS site_name, ps.address AS site_address, \
             ps.municipio_id AS site_municipio \
             FROM service_search ss JOIN services s ON s.id = ss.service_id \
             JOIN provider_sites ps ON ps.provider_id = s.provider_id \
             ORDER BY s.id, ps.id LIMIT $1 OFFSET $2",
        )
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

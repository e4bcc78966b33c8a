//! Keeps the search index (`service_search`, the engine's full-text index, `search_typos`) in
//! step with the published services. Rebuilt after the demo load and at start when it is
//! missing; later, whenever the city validates or disables a service.

use std::collections::{BTreeSet, HashMap};

use app::ports::StoreError;
use domain::search::params::{DELIVERIES, TIMES};
use domain::search::{text, typo};

use super::{Db, backend, on_pool};

#[derive(sqlx::FromRow)]
struct SourceRow {
    id: i64,
    name_it: String,
    name_en: String,
    summary_it: String,
    summary_en: String,
    description_it: String,
    description_en: String,
    addressed_it: String,
    addressed_en: String,
    qualifications_it: String,
    qualifications_en: String,
    tags_it: String,
    tags_en: String,
    category_id: i64,
    category_it: String,
    category_en: String,
    provider_id: i64,
    provider_name: String,
    pricing: String,
    mode: String,
    accepts_vouchers: bool,
    price_from_cents: Option<i64>,
    review_count: Option<i64>,
    punctuality_sum: Option<i64>,
    professionalism_sum: Option<i64>,
    kindness_sum: Option<i64>,
}

/// One row of `service_search`, computed from a service and what hangs off it.
struct IndexRow {
    id: i64,
    name_terms: String,
    topic_terms: String,
    body_terms: String,
    sort_name: String,
    category_id: i64,
    provider_id: i64,
    pricing: String,
    mode: String,
    vouchers: i64,
    price_from_cents: Option<i64>,
    municipi_mask: i64,
    targets_mask: i64,
    delivery_mask: i64,
    time_mask: i64,
    rating_x100: Option<i64>,
    rating_count: i64,
}

const ROWS_PER_INSERT: usize = 500;

/// Rebuilds the whole index from the validated services; returns how many are indexed.
pub async fn rebuild(db: &Db) -> Result<u64, StoreError> {
    let sources: Vec<SourceRow> = on_pool!(db, pool => sqlx::query_as::<_, SourceRow>(
        "SELECT s.id, s.name_it, s.name_en, s.summary_it, s.summary_en, s.description_it, \
         s.description_en, s.addressed_it, s.addressed_en, s.qualifications_it, \
         s.qualifications_en, s.tags_it, s.tags_en, s.category_id, c.name_it AS category_it, \
         c.name_en AS category_en, s.provider_id, p.name AS provider_name, s.pricing, s.mode, \
         s.accepts_vouchers, s.price_from_cents, r.review_count, r.punctuality_sum, \
         r.professionalism_sum, r.kindness_sum \
         FROM services s JOIN categories c ON c.id = s.category_id \
         JOIN providers p ON p.id = s.provider_id \
         LEFT JOIN service_ratings r ON r.service_id = s.id \
         WHERE s.status = 'validated' ORDER BY s.id",
    )
    .fetch_all(pool)
    .await)
    .map_err(backend)?;

    let pairs = |sql: &'static str| async move {
        on_pool!(db, pool => sqlx::query_as::<_, (i64, i64)>(sql).fetch_all(pool).await)
            .map_err(backend)
    };
    let municipi = pairs("SELECT service_id, municipio_id FROM service_municipi").await?;
    let targets = pairs("SELECT service_id, target_group_id FROM service_targets").await?;
    let target_names: Vec<(i64, String, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT id, name_it, name_en FROM target_groups"
    ).fetch_all(pool).await)
    .map_err(backend)?;
    let attributes: Vec<(i64, String, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT service_id, kind, value FROM service_attributes"
    ).fetch_all(pool).await)
    .map_err(backend)?;

    let mut masks: HashMap<i64, [i64; 4]> = HashMap::new();
    let mut target_text: HashMap<i64, Vec<String>> = HashMap::new();
    for (sid, m) in municipi {
        masks.entry(sid).or_default()[0] |= 1 << m;
    }
    for (sid, t) in targets {
        masks.entry(sid).or_default()[1] |= 1 << t;
        if let Some((_, it, en)) = target_names.iter().find(|(id, _, _)| *id == t) {
            target_text
                .entry(sid)
                .or_default()
                .extend([it.clone(), en.clone()]);
        }
    }
    for (sid, kind, value) in attributes {
        let (slot, list) = match kind.as_str() {
            "delivery_mode" => (2, DELIVERIES),
            "time_of_day" => (3, TIMES),
            _ => continue,
        };
        if let Some(pos) = list.iter().position(|v| *v == value) {
            masks.entry(sid).or_default()[slot] |= 1 << pos;
        }
    }

    let mut vocabulary: BTreeSet<String> = BTreeSet::new();
    let rows: Vec<IndexRow> = sources
        .into_iter()
        .map(|s| {
            let m = masks.get(&s.id).copied().unwrap_or_default();
            let targets = target_text.remove(&s.id).unwrap_or_default();
            let mut topics: Vec<&str> =
                vec![&s.category_it, &s.category_en, &s.tags_it, &s.tags_en];
            topics.extend(targets.iter().map(String::as_str));
            let (rating_x100, rating_count) = domain::reviews::RatingTotals {
                count: s.review_count.unwrap_or(0),
                punctuality: s.punctuality_sum.unwrap_or(0),
                professionalism: s.professionalism_sum.unwrap_or(0),
                kindness: s.kindness_sum.unwrap_or(0),
            }
            .index_values();
            let row = IndexRow {
                id: s.id,
                name_terms: text::field(&[&s.name_it, &s.name_en]),
                topic_terms: text::field(&topics),
                body_terms: text::field(&[
                    &s.provider_name,
                    &s.summary_it,
                    &s.summary_en,
                    &s.description_it,
                    &s.description_en,
                    &s.addressed_it,
                    &s.addressed_en,
                    &s.qualifications_it,
                    &s.qualifications_en,
                ]),
                sort_name: text::words(&s.name_it).join(" "),
                category_id: s.category_id,
                provider_id: s.provider_id,
                pricing: s.pricing,
                mode: s.mode,
                vouchers: i64::from(s.accepts_vouchers),
                price_from_cents: s.price_from_cents,
                municipi_mask: m[0],
                targets_mask: m[1],
                delivery_mask: m[2],
                time_mask: m[3],
                rating_x100,
                rating_count,
            };
            for field in [&row.name_terms, &row.topic_terms, &row.body_terms] {
                vocabulary.extend(field.split_whitespace().map(str::to_string));
            }
            row
        })
        .collect();
    let typos: Vec<(String, String)> = vocabulary
        .iter()
        .flat_map(|term| {
            typo::variants(term)
                .into_iter()
                .map(move |v| (v, term.clone()))
        })
        .collect();

    let count = rows.len() as u64;
    on_pool!(db, pool => {
        let mut tx = pool.begin().await.map_err(backend)?;
        sqlx::query("DELETE FROM service_search").execute(&mut *tx).await.map_err(backend)?;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let b = i * 17;
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, \
                         ${}, ${})",
                        b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10,
                        b + 11, b + 12, b + 13, b + 14, b + 15, b + 16, b + 17
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO service_search (service_id, name_terms, topic_terms, body_terms, \
                 sort_name, category_id, provider_id, pricing, mode, vouchers, price_from_cents, \
                 municipi_mask, targets_mask, delivery_mask, time_mask, rating_x100, \
                 rating_count) VALUES {}",
                values.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for r in chunk {
                query = query
                    .bind(r.id).bind(&r.name_terms).bind(&r.topic_terms).bind(&r.body_terms)
                    .bind(&r.sort_name).bind(r.category_id).bind(r.provider_id).bind(&r.pricing)
                    .bind(&r.mode).bind(r.vouchers).bind(r.price_from_cents)
                    .bind(r.municipi_mask).bind(r.targets_mask).bind(r.delivery_mask)
                    .bind(r.time_mask).bind(r.rating_x100).bind(r.rating_count);
            }
            query.execute(&mut *tx).await.map_err(backend)?;
        }
        for chunk in typos.chunks(ROWS_PER_INSERT * 4) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                .collect();
            let sql = format!(
                "INSERT INTO search_typos (variant, term) VALUES {} ON CONFLICT DO NOTHING",
                values.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for (variant, term) in chunk {
                query = query.bind(variant).bind(term);
            }
            query.execute(&mut *tx).await.map_err(backend)?;
        }
        // A new version tells every instance to reload its search snapshot.
        sqlx::query("DELETE FROM settings WHERE key = $1")
            .bind(super::search::VERSION_KEY)
            .execute(&mut *tx).await.map_err(backend)?;
        sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2)")
            .bind(super::search::VERSION_KEY)
            .bind(uuid::Uuid::now_v7().to_string())
            .execute(&mut *tx).await.map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok::<(), StoreError>(())
    })?;
    Ok(count)
}

/// Builds the index at start when services are published but none is indexed (a database
/// created before the index existed, or data loaded by other means).
pub async fn ensure(db: &Db) -> Result<(), StoreError> {
    let (indexed, published): (i64, i64) = on_pool!(db, pool => sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM service_search), \
         (SELECT COUNT(*) FROM services WHERE status = 'validated')"
    ).fetch_one(pool).await)
    .map_err(backend)?;
    if indexed == 0 && published > 0 {
        let n = rebuild(db).await?;
        tracing::info!(services = n, "search index built");
    }
    Ok(())
}

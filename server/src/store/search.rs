//! Catalogue search on both engines. The domain turns text into terms
//! (`domain::search::text`); here the terms are indexed (SQLite FTS5 / PostgreSQL tsvector),
//! matched, and given a relevance score by the same portable SQL on both engines; filters,
//! facets, order and paging are then the domain's (`domain::search::results`), so the two
//! engines return the same results.

use std::collections::HashMap;

use app::model::{ServiceCard, Suggestion};
use app::ports::{SearchPage, StoreError};
use domain::search::params::{MODES, PRICES, SearchParams};
use domain::search::results::{self, Filter, Hit};
use domain::search::{expand, query_words, text, typo};

use super::{Db, backend, on_pool};

/// Relevance points of a query word found in the name, in the topics (category, target
/// groups, tags), or only in the body (provider, summary, description...).
const NAME_POINTS: i64 = 8;
const TOPIC_POINTS: i64 = 4;
const BODY_POINTS: i64 = 1;

#[derive(sqlx::FromRow)]
struct HitRow {
    id: i64,
    score: i64,
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
    sort_name: String,
}

impl From<HitRow> for Hit {
    fn from(r: HitRow) -> Hit {
        let index = |list: &[&str], v: &str| list.iter().position(|x| *x == v).unwrap_or(0);
        Hit {
            id: r.id,
            score: r.score,
            category_id: r.category_id,
            provider_id: r.provider_id,
            price: index(PRICES, &r.pricing),
            mode: index(MODES, &r.mode),
            vouchers: r.vouchers != 0,
            price_from_cents: r.price_from_cents,
            municipi_mask: r.municipi_mask,
            targets_mask: r.targets_mask,
            delivery_mask: r.delivery_mask,
            time_mask: r.time_mask,
            rating_x100: r.rating_x100,
            sort_name: r.sort_name,
        }
    }
}

/// The terms each query word may match (its stem and the indexed terms one typo away), and
/// the words that matched only through a typo neighbour.
async fn term_groups(
    db: &Db,
    q: &str,
) -> Result<(Vec<Vec<String>>, Vec<(String, String)>), StoreError> {
    let words = query_words(q);
    let mut variants: Vec<String> = Vec::new();
    for (stem, chars) in &words {
        if *chars >= typo::MIN_TYPO_CHARS {
            for v in typo::variants(stem) {
                if !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
    }
    let mut by_variant: HashMap<String, Vec<String>> = HashMap::new();
    if !variants.is_empty() {
        let sql = format!(
            "SELECT variant, term FROM search_typos WHERE variant IN ({})",
            placeholders(1, variants.len())
        );
        let rows: Vec<(String, String)> = on_pool!(db, pool => {
            let mut query = sqlx::query_as(&sql);
            for v in &variants {
                query = query.bind(v);
            }
            query.fetch_all(pool).await
        })
        .map_err(backend)?;
        for (variant, term) in rows {
            by_variant.entry(variant).or_default().push(term);
        }
    }
    let mut groups = Vec::new();
    let mut corrections = Vec::new();
    let original = text::words(q);
    for (stem, chars) in &words {
        let candidates: Vec<String> = typo::variants(stem)
            .iter()
            .filter_map(|v| by_variant.get(v))
            .flatten()
            .cloned()
            .collect();
        let terms = expand(stem, *chars, &candidates);
        if !candidates.contains(stem)
            && let Some(fix) = terms.get(1)
        {
            let word = original
                .iter()
                .find(|w| text::stem(w) == *stem)
                .cloned()
                .unwrap_or_else(|| stem.clone());
            corrections.push((word, fix.clone()));
        }
        groups.push(terms);
    }
    Ok((groups, corrections))
}

/// `$from, $from+1, ...` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The full-text condition of the engine over `groups` (every group must match, any term of
/// a group will do). Terms are letters and digits only; they are bound, never spliced.
fn match_expression(db: &Db, groups: &[Vec<String>]) -> String {
    match db {
        Db::Sqlite(_) => groups
            .iter()
            .map(|g| {
                let any: Vec<String> = g.iter().map(|t| format!("\"{t}\"")).collect();
                format!("({})", any.join(" OR "))
            })
            .collect::<Vec<_>>()
            .join(" AND "),
        Db::Postgres(_) => groups
            .iter()
            .map(|g| format!("({})", g.join(" | ")))
            .collect::<Vec<_>>()
            .join(" & "),
    }
}

async fn hits(db: &Db, groups: &[Vec<String>]) -> Result<Vec<Hit>, StoreError> {
    let mut binds: Vec<String> = Vec::new();
    let (score, filter) = if groups.is_empty() {
        ("CAST(0 AS BIGINT)".to_string(), String::new())
    } else {
        binds.push(match_expression(db, groups));
        let filter = match db {
            Db::Sqlite(_) => {
                "WHERE ss.service_id IN (SELECT rowid FROM service_fts WHERE service_fts MATCH $1)"
            }
            Db::Postgres(_) => "WHERE ss.document @@ to_tsquery('simple', $1)",
        };
        let mut parts = Vec::new();
        for group in groups {
            let mut any = |column: &str| {
                let alternatives: Vec<String> = group
                    .iter()
                    .map(|t| {
                        binds.push(format!("% {t} %"));
                        format!("ss.{column} LIKE ${}", binds.len())
                    })
                    .collect();
                format!("({})", alternatives.join(" OR "))
            };
            let name = any("name_terms");
            let topic = any("topic_terms");
            parts.push(format!(
                "(CASE WHEN {name} THEN {NAME_POINTS} WHEN {topic} THEN {TOPIC_POINTS} \
                 ELSE {BODY_POINTS} END)"
            ));
        }
        (
            format!("CAST({} AS BIGINT)", parts.join(" + ")),
            filter.to_string(),
        )
    };
    let sql = format!(
        "SELECT ss.service_id AS id, {score} AS score, ss.category_id, ss.provider_id, \
         ss.pricing, ss.mode, ss.vouchers, ss.price_from_cents, ss.municipi_mask, \
         ss.targets_mask, ss.delivery_mask, ss.time_mask, ss.rating_x100, ss.sort_name \
         FROM service_search ss {filter}"
    );
    let rows: Vec<HitRow> = on_pool!(db, pool => {
        let mut query = sqlx::query_as::<_, HitRow>(&sql);
        for b in &binds {
            query = query.bind(b);
        }
        query.fetch_all(pool).await
    })
    .map_err(backend)?;
    Ok(rows.into_iter().map(Hit::from).collect())
}

async fn id_of(db: &Db, table: &str, slug: &Option<String>) -> Result<Option<i64>, StoreError> {
    let Some(slug) = slug else { return Ok(None) };
    let sql = format!("SELECT id FROM {table} WHERE slug = $1");
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(&sql).bind(slug).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn search(db: &Db, params: &SearchParams) -> Result<SearchPage, StoreError> {
    let (groups, corrections) = term_groups(db, &params.q).await?;
    let hits = hits(db, &groups).await?;
    let filter = Filter::from_params(
        params,
        id_of(db, "categories", &params.category).await?,
        id_of(db, "target_groups", &params.target).await?,
        id_of(db, "providers", &params.provider).await?,
    );
    let outcome = results::run(
        hits,
        &filter,
        params.effective_sort(),
        params.offset(),
        params.per_page,
    );
    Ok(SearchPage {
        total: outcome.total,
        items: cards(db, &outcome.page_ids).await?,
        counts: outcome.facets,
        corrections,
    })
}

pub const CARD_COLUMNS: &str = "s.id, s.slug, s.name_it, s.name_en, s.summary_it, s.summary_en, \
     c.slug AS category_slug, c.name_it AS category_name_it, c.name_en AS category_name_en, \
     p.id AS provider_id, p.slug AS provider_slug, p.name AS provider_name, s.pricing, \
     s.funded_by, CASE WHEN s.pricing = 'paid' THEN s.price_from_cents END AS price_from_cents, \
     s.unit, s.mode, s.quote_required, s.accepts_vouchers, ss.municipi_mask, ss.rating_x100, \
     ss.rating_count \
     FROM services s JOIN categories c ON c.id = s.category_id \
     JOIN providers p ON p.id = s.provider_id JOIN service_search ss ON ss.service_id = s.id";

/// The cards of published services, in the order of `ids`.
pub async fn cards(db: &Db, ids: &[i64]) -> Result<Vec<ServiceCard>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {CARD_COLUMNS} WHERE s.id IN ({})",
        placeholders(1, ids.len())
    );
    let mut rows: Vec<ServiceCard> = on_pool!(db, pool => {
        let mut query = sqlx::query_as::<_, ServiceCard>(&sql);
        for id in ids {
            query = query.bind(id);
        }
        query.fetch_all(pool).await
    })
    .map_err(backend)?;
    rows.sort_by_key(|c| ids.iter().position(|id| *id == c.id));
    Ok(rows)
}

/// Service names starting with what the visitor typed (accents and case ignored), then
/// names containing it as a later word.
pub async fn suggest(db: &Db, prefix: &str, limit: u32) -> Result<Vec<Suggestion>, StoreError> {
    let folded = text::words(prefix).join(" ");
    if folded.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let sql = "SELECT s.slug, s.name_it, s.name_en FROM service_search ss \
         JOIN services s ON s.id = ss.service_id \
         WHERE ss.sort_name LIKE $1 OR ss.sort_name LIKE $2 \
         ORDER BY CASE WHEN ss.sort_name LIKE $1 THEN 0 ELSE 1 END, ss.sort_name, s.id LIMIT $3";
    on_pool!(db, pool => sqlx::query_as::<_, Suggestion>(sql)
        .bind(format!("{folded}%"))
        .bind(format!("% {folded}%"))
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await)
    .map_err(backend)
}

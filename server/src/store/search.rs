//! Catalogue search on both engines. The domain turns text into terms
//! (`domain::search::text`); here the terms are indexed (SQLite FTS5 / PostgreSQL tsvector),
//! matched, and given a relevance score by the same portable SQL on both engines; filters,
//! facets, order and paging are then the domain's (`domain::search::results`), so the two
//! engines return the same results.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

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
    sort_name: String,
    name_terms: String,
    topic_terms: String,
}

impl From<HitRow> for Hit {
    fn from(r: HitRow) -> Hit {
        let index = |list: &[&str], v: &str| list.iter().position(|x| *x == v).unwrap_or(0);
        Hit {
            id: r.id,
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
            rating_count: r.rating_count,
            sort_name: r.sort_name,
        }
    }
}

/// The compact rows of every published service, as of one version of the index. Filters,
/// facets and order are computed on it in memory, so a search costs the database only the
/// full-text lookups; a copy lives in each server instance and is reloaded when another
/// instance (or this one) rebuilds the index (`settings.search_version` changes).
pub struct Snapshot {
    version: String,
    hits: Vec<Hit>,
    by_id: HashMap<i64, usize>,
    /// The normalized name and topic terms of each hit (same order), for relevance.
    texts: Vec<(String, String)>,
    /// Text matches already computed on this version: normalized query → (id, score).
    matches: Mutex<HashMap<String, Arc<Matches>>>,
}

/// Services matching a text: (position in the snapshot, relevance).
type Matches = Vec<(usize, i64)>;

/// Distinct queries remembered per snapshot; beyond it the memory starts over.
const REMEMBERED_QUERIES: usize = 2_000;

/// The snapshot a server instance holds.
#[derive(Default)]
pub struct SearchCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    /// Only one reload at a time.
    loading: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for SearchCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchCache")
    }
}

pub const VERSION_KEY: &str = "search_version";

async fn index_version(db: &Db) -> Result<String, StoreError> {
    let v: Option<String> = on_pool!(db, pool => sqlx::query_scalar(
        "SELECT value FROM settings WHERE key = $1"
    ).bind(VERSION_KEY).fetch_optional(pool).await)
    .map_err(backend)?;
    Ok(v.unwrap_or_default())
}

impl SearchCache {
    /// The snapshot of the index version the database has now.
    pub async fn snapshot(&self, db: &Db) -> Result<Arc<Snapshot>, StoreError> {
        let version = index_version(db).await?;
        if let Some(s) = self
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            && s.version == version
        {
            return Ok(s.clone());
        }
        let _guard = self.loading.lock().await;
        if let Some(s) = self
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            && s.version == version
        {
            return Ok(s.clone());
        }
        let rows: Vec<HitRow> = on_pool!(db, pool => sqlx::query_as::<_, HitRow>(
            "SELECT service_id AS id, category_id, provider_id, pricing, mode, vouchers, \
             price_from_cents, municipi_mask, targets_mask, delivery_mask, time_mask, \
             rating_x100, rating_count, sort_name, name_terms, topic_terms FROM service_search \
             ORDER BY service_id"
        ).fetch_all(pool).await)
        .map_err(backend)?;
        let mut texts = Vec::with_capacity(rows.len());
        let hits: Vec<Hit> = rows
            .into_iter()
            .map(|mut r| {
                texts.push((
                    std::mem::take(&mut r.name_terms),
                    std::mem::take(&mut r.topic_terms),
                ));
                Hit::from(r)
            })
            .collect();
        let by_id = hits.iter().enumerate().map(|(i, h)| (h.id, i)).collect();
        let snapshot = Arc::new(Snapshot {
            version,
            hits,
            by_id,
            texts,
            matches: Mutex::new(HashMap::new()),
        });
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(snapshot.clone());
        Ok(snapshot)
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

/// The engine's full-text query for `groups` (every group must match, any term of a group
/// will do). Terms are letters and digits only, and the query is bound as a parameter, never
/// spliced into SQL.
fn match_expression(db: &Db, groups: &[Vec<String>]) -> String {
    let (open, or, close, and) = match db {
        Db::Sqlite(_) => ("(\"", "\" OR \"", "\")", " AND "),
        Db::Postgres(_) => ("(", " | ", ")", " & "),
    };
    groups
        .iter()
        .map(|g| format!("{open}{}{close}", g.join(or)))
        .collect::<Vec<_>>()
        .join(and)
}

/// The ids of the services whose text matches, from the engine's full-text index.
async fn matching_ids(db: &Db, groups: &[Vec<String>]) -> Result<Vec<i64>, StoreError> {
    let expression = match_expression(db, groups);
    let sql = match db {
        Db::Sqlite(_) => "SELECT rowid FROM service_fts WHERE service_fts MATCH $1",
        Db::Postgres(_) => {
            "SELECT service_id FROM service_search WHERE document @@ to_tsquery('simple', $1)"
        }
    };
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(sql).bind(&expression).fetch_all(pool).await)
        .map_err(backend)
}

/// Relevance of one matching service: for every query word, the points of the best part of
/// the text it appears in (the indexed terms are padded with spaces: `" term "`).
fn score(name: &str, topics: &str, groups: &[Vec<String>]) -> i64 {
    let has = |field: &str, group: &[String]| {
        group.iter().any(|t| {
            field.match_indices(t.as_str()).any(|(i, _)| {
                field.as_bytes().get(i.wrapping_sub(1)) == Some(&b' ')
                    && field.as_bytes().get(i + t.len()) == Some(&b' ')
            })
        })
    };
    groups
        .iter()
        .map(|g| {
            if has(name, g) {
                NAME_POINTS
            } else if has(topics, g) {
                TOPIC_POINTS
            } else {
                BODY_POINTS
            }
        })
        .sum()
}

/// The services matching the text, with their relevance, computed once per index version
/// and query.
async fn text_matches(
    db: &Db,
    snapshot: &Snapshot,
    groups: &[Vec<String>],
) -> Result<Arc<Matches>, StoreError> {
    let key = match_expression(db, groups);
    if let Some(found) = snapshot
        .matches
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return Ok(found.clone());
    }
    let ids = matching_ids(db, groups).await?;
    // A service indexed after this snapshot was read is left out until the next one.
    let scored: Vec<(usize, i64)> = ids
        .iter()
        .filter_map(|id| snapshot.by_id.get(id))
        .map(|i| {
            let (name, topics) = &snapshot.texts[*i];
            (*i, score(name, topics, groups))
        })
        .collect();
    let scored = Arc::new(scored);
    let mut memory = snapshot
        .matches
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if memory.len() >= REMEMBERED_QUERIES {
        memory.clear();
    }
    memory.insert(key, scored.clone());
    Ok(scored)
}

async fn id_of(db: &Db, table: &str, slug: &Option<String>) -> Result<Option<i64>, StoreError> {
    let Some(slug) = slug else { return Ok(None) };
    let sql = format!("SELECT id FROM {table} WHERE slug = $1");
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(&sql).bind(slug).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn search(
    db: &Db,
    cache: &SearchCache,
    params: &SearchParams,
) -> Result<SearchPage, StoreError> {
    let snapshot = cache.snapshot(db).await?;
    let (groups, corrections) = term_groups(db, &params.q).await?;
    let filter = Filter::from_params(
        params,
        id_of(db, "categories", &params.category).await?,
        id_of(db, "target_groups", &params.target).await?,
        id_of(db, "providers", &params.provider).await?,
    );
    let sort = params.effective_sort();
    let outcome = if groups.is_empty() {
        results::run(
            snapshot.hits.iter().map(|h| (h, 0)),
            &filter,
            sort,
            params.offset(),
            params.per_page,
        )
    } else {
        let matches = text_matches(db, &snapshot, &groups).await?;
        let scored = matches
            .iter()
            .map(|(i, score)| (&snapshot.hits[*i], *score));
        results::run(scored, &filter, sort, params.offset(), params.per_page)
    };
    Ok(SearchPage {
        total: outcome.total,
        items: cards(db, &outcome.page_ids).await?,
        counts: outcome.facets,
        corrections,
    })
}

pub const CARD_COLUMNS: &str = "s.id, s.slug, s.name_it, s.name_en, s.summary_it, s.summary_en, \
     c.id AS category_id, c.slug AS category_slug, c.name_it AS category_name_it, c.name_en AS category_name_en, \
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

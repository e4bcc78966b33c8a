//! Open Referral HSDS 3.0 read API under `/hsds/` (../shared/CONTRACT.md "Open data"): the
//! catalogue as open data, in the shape of `reference/hsds-3.0/openapi.json`. Every answer is
//! validated against the HSDS schemas by the tests.

pub mod ids;
pub mod map;

use std::collections::HashMap;

use app::i18n::Locale;
use app::model::{PageRequest, ProviderSummary};
use app::ports::ServiceKey;
use axum::extract::{Extension, Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use domain::search::SearchParams;
use http::HeaderMap;
use serde_json::{Value, json};

use crate::http::AppState;
use crate::rest::error::ApiError;
use ids::Kind;

type HsdsResult = Result<Json<Value>, ApiError>;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/services", get(services))
        .route("/services/{id}", get(service))
        .route("/organizations", get(organizations))
        .route("/organizations/{id}", get(organization))
        .route("/service_at_locations", get(service_at_locations))
        .route("/taxonomies", get(taxonomies))
        .route("/taxonomy_terms", get(taxonomy_terms))
        .fallback(crate::rest::error::not_found)
}

/// `http(s)://host` of this request, for the absolute URLs HSDS asks for.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .filter(|p| *p == "https")
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

/// The HSDS page envelope around `contents`.
fn page(total: i64, page: PageRequest, contents: Vec<Value>) -> Value {
    let per_page = i64::from(page.per_page.max(1));
    let total_pages = ((total + per_page - 1) / per_page).max(1);
    json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page.page,
        "size": contents.len(),
        "first_page": page.page == 1,
        "last_page": i64::from(page.page) >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

fn paging(query: &HashMap<String, String>, locale: Locale) -> Result<PageRequest, ApiError> {
    crate::rest::paging::page_request(query, locale)
}

pub async fn root(headers: HeaderMap) -> Json<Value> {
    let base = base_url(&headers);
    Json(json!({
        "version": "3.0",
        "profile": "https://docs.openreferral.org/en/v3.0/",
        "openapi_url": format!("{base}/api/v1/openapi.json"),
    }))
}

async fn providers_by_id(
    state: &AppState,
    ids: impl Iterator<Item = i64>,
    locale: Locale,
) -> Result<HashMap<i64, ProviderSummary>, ApiError> {
    let mut out = HashMap::new();
    for id in ids {
        if out.contains_key(&id) {
            continue;
        }
        if let Some(p) = state
            .store
            .provider(id)
            .await
            .map_err(|e| ApiError::store(e, locale))?
        {
            out.insert(id, p);
        }
    }
    Ok(out)
}

/// Services, one page at a time; `search` is the same full text as the portal's search,
/// `organization_id` and `taxonomy_term_id` (a category or target-group term) filter.
async fn services(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> HsdsResult {
    let paging = paging(&query, locale)?;
    let mut pairs: Vec<(&str, String)> = vec![
        ("page", paging.page.to_string()),
        ("per_page", paging.per_page.to_string()),
    ];
    if let Some(q) = query.get("search") {
        pairs.push(("q", q.clone()));
    }
    if let Some(org) = query.get("organization_id") {
        let id = ids::parse(Kind::Organization, org).map(|(n, _)| n);
        let slug = match id {
            Some(id) => state
                .store
                .provider(id)
                .await
                .map_err(|e| ApiError::store(e, locale))?
                .map(|p| p.slug),
            None => None,
        };
        pairs.push(("provider", slug.unwrap_or_else(|| "nessuno".into())));
    }
    if let Some(term) = query.get("taxonomy_term_id") {
        if let Some((id, _)) = ids::parse(Kind::CategoryTerm, term) {
            let cats = state
                .store
                .category_names()
                .await
                .map_err(|e| ApiError::store(e, locale))?;
            let slug = cats.into_iter().find(|c| c.id == id).map(|c| c.slug);
            pairs.push(("category", slug.unwrap_or_else(|| "nessuna".into())));
        } else if let Some((id, _)) = ids::parse(Kind::TargetTerm, term) {
            let groups = state
                .store
                .target_groups()
                .await
                .map_err(|e| ApiError::store(e, locale))?;
            let slug = groups.into_iter().find(|g| g.id == id).map(|g| g.slug);
            pairs.push(("target", slug.unwrap_or_else(|| "nessuno".into())));
        } else {
            pairs.push(("category", "nessuna".into()));
        }
    }
    let params =
        SearchParams::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).map_err(|err| {
            // HSDS calls the text parameter `search`.
            let mut error = ApiError::param(&err, locale);
            if err.field == "q" {
                error.field = Some("search");
            }
            error
        })?;
    let found = state
        .store
        .search_services(&params)
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let providers =
        providers_by_id(&state, found.items.iter().map(|c| c.provider_id), locale).await?;
    let base = base_url(&headers);
    let contents = found
        .items
        .iter()
        .filter_map(|c| {
            providers
                .get(&c.provider_id)
                .map(|p| map::service_summary(c, p, locale, &base))
        })
        .collect();
    Ok(Json(page(found.total, paging, contents)))
}

async fn service(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> HsdsResult {
    let Some((id, 0)) = ids::parse(Kind::Service, &id) else {
        return Err(ApiError::not_found(locale));
    };
    let detail = state
        .store
        .service(ServiceKey::Id(id))
        .await
        .map_err(|e| ApiError::store(e, locale))?
        .ok_or_else(|| ApiError::not_found(locale))?;
    Ok(Json(map::service_full(
        &detail,
        locale,
        &base_url(&headers),
    )))
}

async fn organizations(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> HsdsResult {
    let paging = paging(&query, locale)?;
    let found = state
        .store
        .providers(paging)
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let base = base_url(&headers);
    let contents = found
        .items
        .iter()
        .map(|p| map::organization(p, locale, &base))
        .collect();
    Ok(Json(page(found.total, paging, contents)))
}

async fn organization(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> HsdsResult {
    let Some((id, 0)) = ids::parse(Kind::Organization, &id) else {
        return Err(ApiError::not_found(locale));
    };
    let fail = |e| ApiError::store(e, locale);
    let p = state
        .store
        .provider(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| ApiError::not_found(locale))?;
    let sites = state.store.provider_sites(id).await.map_err(fail)?;
    let mut value = map::organization(&p, locale, &base_url(&headers));
    let locations: Vec<Value> = sites.iter().map(|s| map::location(s, p.id)).collect();
    let phones: Vec<Value> = (!p.phone.is_empty())
        .then(|| {
            json!({
                "id": ids::id(Kind::Phone, -p.id & 0xffff_ffff),
                "organization_id": ids::id(Kind::Organization, p.id),
                "number": p.phone,
                "type": "voice",
            })
        })
        .into_iter()
        .collect();
    if let Value::Object(map) = &mut value {
        map.insert("locations".into(), Value::Array(locations));
        map.insert("phones".into(), Value::Array(phones));
        map.insert(
            "organization_identifiers".into(),
            json!([{
                "id": ids::make(Kind::Organization, p.id, 1),
                "identifier_scheme": "IT-PIVA",
                "identifier_type": "Partita IVA",
                "identifier": p.vat_number,
            }]),
        );
    }
    Ok(Json(value))
}

async fn service_at_locations(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(query): Query<HashMap<String, String>>,
) -> HsdsResult {
    let paging = paging(&query, locale)?;
    let found = state
        .store
        .service_locations(paging)
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let contents = found
        .items
        .iter()
        .map(|sl| map::service_at_location(sl, locale))
        .collect();
    Ok(Json(page(found.total, paging, contents)))
}

async fn taxonomies(
    Query(query): Query<HashMap<String, String>>,
    Extension(locale): Extension<Locale>,
) -> HsdsResult {
    let paging = paging(&query, locale)?;
    let all: Vec<Value> = (0..map::TAXONOMIES.len()).map(map::taxonomy).collect();
    Ok(Json(page_of(all, paging)))
}

/// One page of a list held in memory.
fn page_of(all: Vec<Value>, paging: PageRequest) -> Value {
    let total = all.len() as i64;
    let contents = all
        .into_iter()
        .skip(usize::try_from(paging.offset()).unwrap_or(usize::MAX))
        .take(paging.per_page as usize)
        .collect();
    page(total, paging, contents)
}

async fn taxonomy_terms(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(query): Query<HashMap<String, String>>,
) -> HsdsResult {
    let paging = paging(&query, locale)?;
    let fail = |e| ApiError::store(e, locale);
    let categories = state.store.category_names().await.map_err(fail)?;
    let groups = state.store.target_groups().await.map_err(fail)?;
    let wanted = query.get("taxonomy_id").map(String::as_str);
    let in_taxonomy = |index: usize| {
        wanted.is_none_or(|w| w == ids::id(Kind::Taxonomy, map::TAXONOMIES[index].0))
    };
    let mut all: Vec<Value> = Vec::new();
    if in_taxonomy(0) {
        all.extend(categories.iter().map(|c| map::category_term(c, locale)));
    }
    if in_taxonomy(1) {
        all.extend(groups.iter().map(|g| map::target_term(g, locale)));
    }
    if in_taxonomy(2) {
        all.extend(
            (0..domain::search::params::DELIVERIES.len()).map(|i| map::delivery_term(i, locale)),
        );
    }
    Ok(Json(page_of(all, paging)))
}

//! Published services: search with every filter of the `/servizi` page, and one service.

use app::i18n::Locale;
use app::ports::ServiceKey;
use axum::Json;
use axum::extract::{Extension, Path, RawQuery, State};
use domain::search::SearchParams;

use super::dto::{ErrorBody, FacetsBody, ServiceBody, ServiceItem, ServiceList};
use super::error::ApiError;
use crate::http::AppState;

/// Published services matching the text and filters, with facet counts.
#[utoipa::path(get, path = "/services", tag = "catalogue",
    params(
        ("q" = Option<String>, Query, description = "Full text (accents, case, plural and one-letter typos forgiven), at most 200 characters"),
        ("category" = Option<String>, Query, description = "Category slug"),
        ("target" = Option<String>, Query, description = "Target-group slug"),
        ("provider" = Option<String>, Query, description = "Provider slug"),
        ("municipio" = Option<u8>, Query, description = "1–9"),
        ("price" = Option<String>, Query, description = "`free`, `paid` or `funded`"),
        ("mode" = Option<String>, Query, description = "`individual` or `shared`"),
        ("max_price" = Option<String>, Query, description = "Highest starting unit price, euro (`25` or `25.50`)"),
        ("time" = Option<String>, Query, description = "`morning`, `afternoon`, `evening` or `night`"),
        ("delivery" = Option<String>, Query, description = "`home`, `online`, `provider` or `space`"),
        ("vouchers" = Option<bool>, Query, description = "Only services that accept city vouchers"),
        ("sort" = Option<String>, Query, description = "`relevance` (default with `q`), `price` or `rating`; by name otherwise"),
        ("page" = Option<u32>, Query, description = "From 1"),
        ("per_page" = Option<u32>, Query, description = "1–100, default 20"),
    ),
    responses((status = 200, body = ServiceList), (status = 400, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    RawQuery(query): RawQuery,
) -> Result<Json<ServiceList>, ApiError> {
    let query = query.unwrap_or_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let params = SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|err| ApiError::param(&err, locale))?;
    let store = &state.store;
    let fail = |e| ApiError::store(e, locale);
    let page = store.search_services(&params).await.map_err(fail)?;
    let categories = store.category_names().await.map_err(fail)?;
    let targets = store.target_groups().await.map_err(fail)?;
    let results = app::search::results(&params, page, &categories, &targets, locale);
    Ok(Json(ServiceList {
        total: results.total,
        page: results.page,
        per_page: results.per_page,
        items: results
            .items
            .iter()
            .map(|c| ServiceItem::new(c, locale))
            .collect(),
        facets: FacetsBody::new(&results.facets),
    }))
}

/// One published service with its price list, provider, municipi and delivery modes.
#[utoipa::path(get, path = "/services/{id}", tag = "catalogue",
    params(("id" = i64, Path, description = "Service id")),
    responses((status = 200, body = ServiceBody), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Path(id): Path<String>,
) -> Result<Json<ServiceBody>, ApiError> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError::not_found(locale));
    };
    match state
        .store
        .service(ServiceKey::Id(id))
        .await
        .map_err(|e| ApiError::store(e, locale))?
    {
        Some(detail) => Ok(Json(ServiceBody::new(&detail, locale))),
        None => Err(ApiError::not_found(locale)),
    }
}

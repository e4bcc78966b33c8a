//! Categories, providers and WeMi spaces.

use std::collections::HashMap;

use app::i18n::Locale;
use axum::Json;
use axum::extract::{Extension, Path, Query, State};

use super::dto::{
    CategoryItem, CategoryList, ErrorBody, Provider, ProviderList, SpaceItem, SpaceList,
};
use super::error::ApiError;
use super::paging::page_request;
use crate::http::AppState;

/// All categories with their number of published services.
#[utoipa::path(get, path = "/categories", tag = "catalogue",
    params(("lang" = Option<String>, Query, description = "`it` or `en` (else Accept-Language)")),
    responses((status = 200, body = CategoryList)))]
pub async fn categories(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
) -> Result<Json<CategoryList>, ApiError> {
    let categories = state
        .store
        .categories()
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let items = categories
        .iter()
        .map(|c| CategoryItem::new(c, locale))
        .collect();
    Ok(Json(CategoryList { items }))
}

/// Accredited providers by name, one page at a time.
#[utoipa::path(get, path = "/providers", tag = "catalogue",
    params(
        ("page" = Option<u32>, Query, description = "From 1"),
        ("per_page" = Option<u32>, Query, description = "1–100, default 20"),
    ),
    responses((status = 200, body = ProviderList), (status = 400, body = ErrorBody)))]
pub async fn providers(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<ProviderList>, ApiError> {
    let page = page_request(&query, locale)?;
    let paged = state
        .store
        .providers(page)
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    Ok(Json(ProviderList {
        total: paged.total,
        page: paged.page,
        per_page: paged.per_page,
        items: paged
            .items
            .iter()
            .map(|p| Provider::new(p, locale))
            .collect(),
    }))
}

/// One provider.
#[utoipa::path(get, path = "/providers/{id}", tag = "catalogue",
    params(("id" = i64, Path, description = "Provider id")),
    responses((status = 200, body = Provider), (status = 404, body = ErrorBody)))]
pub async fn provider(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Path(id): Path<String>,
) -> Result<Json<Provider>, ApiError> {
    // A non-numeric id is simply an unknown provider, not a server error.
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError::not_found(locale));
    };
    match state
        .store
        .provider(id)
        .await
        .map_err(|e| ApiError::store(e, locale))?
    {
        Some(p) => Ok(Json(Provider::new(&p, locale))),
        None => Err(ApiError::not_found(locale)),
    }
}

/// The WeMi spaces with their opening hours.
#[utoipa::path(get, path = "/spaces", tag = "catalogue",
    responses((status = 200, body = SpaceList)))]
pub async fn spaces(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
) -> Result<Json<SpaceList>, ApiError> {
    let spaces = state
        .store
        .spaces()
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let items: Vec<SpaceItem> = spaces.iter().map(|s| SpaceItem::new(s, locale)).collect();
    let total = items.len() as u32;
    Ok(Json(SpaceList {
        total: i64::from(total),
        page: 1,
        per_page: total,
        items,
    }))
}

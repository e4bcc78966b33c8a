//! Server functions of the catalogue: search with facets, suggestions, service and provider
//! pages. Thin: parse, call the store, put labels on the facets.

use domain::search::SearchParams;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{
    Category, ProviderSite, ProviderSummary, SearchResults, ServiceDetail, Suggestion, TargetGroup,
};

/// The query-string names a catalogue search reads (see `domain::search::params`).
pub const PARAM_NAMES: [&str; 14] = [
    "q",
    "category",
    "target",
    "provider",
    "municipio",
    "price",
    "mode",
    "max_price",
    "time",
    "delivery",
    "vouchers",
    "sort",
    "page",
    "per_page",
];

/// What the search page shows: the parameters as understood, the results (none when the
/// parameters were refused) and the lists the filter form offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    pub params: SearchParams,
    pub results: SearchResults,
    /// A refused parameter: (name, message for the visitor).
    pub error: Option<(String, String)>,
    pub categories: Vec<Category>,
    pub targets: Vec<TargetGroup>,
}

/// A provider's page: profile, sites and its services.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderView {
    pub provider: ProviderSummary,
    pub sites: Vec<ProviderSite>,
    pub services: SearchResults,
}

#[server(prefix = "/fn", endpoint = "search_catalog")]
pub async fn search_catalog(pairs: Vec<(String, String)>) -> Result<SearchView, ServerFnError> {
    let locale = crate::locale::request_locale();
    let store = super::store()?;
    let categories = store.category_names().await.map_err(super::internal)?;
    let targets = store.target_groups().await.map_err(super::internal)?;
    let parsed = SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let (params, results, error) = match parsed {
        Ok(params) => {
            let page = store
                .search_services(&params)
                .await
                .map_err(super::internal)?;
            let results = crate::search::results(&params, page, &categories, &targets, locale);
            (params, results, None)
        }
        Err(err) => {
            set_status(http::StatusCode::BAD_REQUEST);
            let message = match locale {
                crate::i18n::Locale::It => err.message_it(),
                crate::i18n::Locale::En => err.message_en(),
            };
            let params = SearchParams::from_pairs([]).unwrap_or_default();
            let results = crate::search::empty(&params);
            (params, results, Some((err.field.to_string(), message)))
        }
    };
    Ok(SearchView {
        params,
        results,
        error,
        categories,
        targets,
    })
}

#[server(prefix = "/fn", endpoint = "suggest_services")]
pub async fn suggest_services(prefix: String) -> Result<Vec<Suggestion>, ServerFnError> {
    let prefix: String = prefix.chars().take(100).collect();
    super::store()?
        .suggest_services(&prefix, 8)
        .await
        .map_err(super::internal)
}

#[server(prefix = "/fn", endpoint = "service_page")]
pub async fn service_page(slug: String) -> Result<Option<ServiceDetail>, ServerFnError> {
    let found = super::store()?
        .service(crate::ports::ServiceKey::Slug(&slug))
        .await
        .map_err(super::internal)?;
    if found.is_none() {
        set_status(http::StatusCode::NOT_FOUND);
    }
    Ok(found)
}

#[server(prefix = "/fn", endpoint = "provider_page")]
pub async fn provider_page(slug: String) -> Result<Option<ProviderView>, ServerFnError> {
    let locale = crate::locale::request_locale();
    let store = super::store()?;
    let Some(provider) = store
        .provider_by_slug(&slug)
        .await
        .map_err(super::internal)?
    else {
        set_status(http::StatusCode::NOT_FOUND);
        return Ok(None);
    };
    let sites = store
        .provider_sites(provider.id)
        .await
        .map_err(super::internal)?;
    let params = SearchParams {
        provider: Some(provider.slug.clone()),
        per_page: domain::search::params::MAX_PER_PAGE,
        ..SearchParams::from_pairs([]).unwrap_or_default()
    };
    let page = store
        .search_services(&params)
        .await
        .map_err(super::internal)?;
    let categories = store.category_names().await.map_err(super::internal)?;
    let targets = store.target_groups().await.map_err(super::internal)?;
    let services = crate::search::results(&params, page, &categories, &targets, locale);
    Ok(Some(ProviderView {
        provider,
        sites,
        services,
    }))
}

#[cfg(feature = "ssr")]
fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

#[server(prefix = "/fn", endpoint = "providers_list")]
pub async fn providers_list(
    page: u32,
) -> Result<crate::model::Paged<ProviderSummary>, ServerFnError> {
    let page = crate::model::PageRequest {
        page: page.clamp(1, 10_000),
        per_page: 24,
    };
    super::store()?
        .providers(page)
        .await
        .map_err(super::internal)
}

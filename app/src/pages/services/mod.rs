//! The catalogue: search with filters (`/servizi`), service pages (`/servizi/{slug}`) and
//! category landing pages (`/categorie/{slug}`).

pub mod card;
pub mod detail;
mod filters;
pub mod landing;
pub mod links;
mod pagination;
pub mod search_box;

use domain::search::SearchParams;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::services::{PARAM_NAMES, SearchView, search_catalog};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;
use card::ServiceCardView;
use filters::Filters;
use links::search_href;
use pagination::Pagination;
use search_box::SearchBox;

#[component]
pub fn ServicesPage() -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let query = use_query_map();
    let pairs: Vec<(String, String)> = query.with_untracked(|q| {
        PARAM_NAMES
            .iter()
            .filter_map(|name| q.get(name).map(|v| (name.to_string(), v)))
            .collect()
    });
    let view_data = Resource::new(move || pairs.clone(), search_catalog);
    view! {
        <Title text=t.services_title />
        <div class="container my-4" id="services-page">
            <Breadcrumb current=t.services_title />
            <h1 class="mt-3">{t.services_title}</h1>
            <p class="lead">{t.services_lead}</p>
            <Suspense fallback=move || view! { <p>{locale.t().loading}</p> }>
                {move || {
                    view_data
                        .get()
                        .map(|result| match result {
                            Ok(data) => view! { <SearchLayout data /> }.into_any(),
                            Err(_) => {
                                view! {
                                    <div class="alert alert-danger" role="alert">
                                        {locale.t().error_generic}
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn SearchLayout(data: SearchView) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let SearchView {
        params,
        results,
        error,
        ..
    } = data;
    #[cfg(feature = "ssr")]
    if error.is_some()
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(http::StatusCode::BAD_REQUEST);
    }
    let error_view = error.map(|(field, message)| {
        view! {
            <div class="alert alert-warning" role="alert" data-error-field=field>{message}</div>
        }
    });
    let heading = if params.q.is_empty() {
        (t.results_count)(results.total)
    } else {
        format!(
            "{} {}",
            (t.results_count)(results.total),
            (t.results_for)(&params.q)
        )
    };
    let corrections = results
        .corrections
        .iter()
        .map(|(word, term)| view! { <p class="small text-muted mb-1">{(t.corrected)(word, term)}</p> })
        .collect_view();
    let items = results
        .items
        .iter()
        .cloned()
        .map(|card| view! { <ServiceCardView card /> })
        .collect_view();
    let list = if results.items.is_empty() {
        view! {
            <div class="callout note" id="no-results">
                <div class="callout-title">{t.no_results}</div>
                <p>{t.no_results_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! { <ul class="list-unstyled row" id="results">{items}</ul> }.into_any()
    };
    view! {
        <form method="get" action="/servizi" role="search" class="mb-4 search-form">
            <div class="input-group">
                <SearchBox locale initial=params.q.clone() />
                <div class="input-group-append">
                    <button class="btn btn-primary" type="submit">{locale.t().search_button}</button>
                </div>
            </div>
            {params.category.clone().map(|v| view! { <input type="hidden" name="category" value=v /> })}
            {params.target.clone().map(|v| view! { <input type="hidden" name="target" value=v /> })}
        </form>
        {error_view}
        <div class="row">
            // On a phone the results come first; a link leads down to the filters.
            <aside class="col-12 col-lg-3 mb-4 order-2 order-lg-1">
                <Filters params=params.clone() facets=results.facets.clone() />
            </aside>
            <section class="col-12 col-lg-9 order-1 order-lg-2" aria-labelledby="results-title">
                <a class="d-lg-none d-inline-block mb-2" href="#filters-title">{t.filters_title}</a>
                <div class="d-flex flex-wrap justify-content-between align-items-end mb-3">
                    <div>
                        <h2 id="results-title" class="h4 mb-1" aria-live="polite">{heading}</h2>
                        {corrections}
                    </div>
                    <SortForm params=params.clone() />
                </div>
                <ActiveFilters params=params.clone() facets=results.facets.clone() />
                {list}
                <Pagination path="/servizi" params=params total=results.total />
            </section>
        </div>
    }
    .into_any()
}

#[component]
fn SortForm(params: SearchParams) -> impl IntoView {
    let t = catalog(use_locale());
    let current = params.effective_sort().to_string();
    let hidden = params
        .to_pairs()
        .into_iter()
        .filter(|(k, _)| *k != "sort" && *k != "page")
        .map(|(k, v)| view! { <input type="hidden" name=k value=v /> })
        .collect_view();
    let mut options: Vec<(&str, &str)> = domain::search::params::SORTS
        .iter()
        .copied()
        .zip(t.sorts.iter().copied())
        .collect();
    if params.q.is_empty() {
        options.retain(|(v, _)| *v != "relevance");
        options.insert(0, ("", t.sort_name));
    }
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == current || (value.is_empty() && current == "name");
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action="/servizi" class="d-flex align-items-end gap-2 sort-form">
            {hidden}
            <div class="select-wrapper">
                <label for="sort">{t.sort_label}</label>
                <select id="sort" name="sort">{options}</select>
            </div>
            <button type="submit" class="btn btn-outline-primary btn-sm">{t.sort_apply}</button>
        </form>
    }
    .into_any()
}

/// The filters in force, each a link that removes it.
#[component]
fn ActiveFilters(params: SearchParams, facets: crate::model::Facets) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    // The filter's own name and the value's label, as the filter form shows them.
    let describe = |name: &str, value: &str| -> String {
        let (title, values) = match name {
            "category" => (t.facet_category, &facets.category),
            "target" => (t.facet_target, &facets.target),
            "municipio" => (t.facet_municipio, &facets.municipio),
            "price" => (t.facet_price, &facets.price),
            "mode" => (t.facet_mode, &facets.mode),
            "time" => (t.facet_time, &facets.time),
            "delivery" => (t.facet_delivery, &facets.delivery),
            "vouchers" => return t.facet_vouchers.to_string(),
            "max_price" => return format!("{}: {value}", t.facet_max_price),
            _ => return format!("{name}: {value}"),
        };
        let label = values
            .iter()
            .find(|v| v.value == value)
            .map(|v| v.label.clone())
            .unwrap_or_else(|| value.to_string());
        format!("{title}: {label}")
    };
    let active: Vec<(&str, String)> = params
        .to_pairs()
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "q" | "sort" | "page" | "per_page"))
        .collect();
    if active.is_empty() {
        return ().into_any();
    }
    let chips = active
        .into_iter()
        .map(|(name, value)| {
            let href = search_href(&params.with(name, None));
            let label = describe(name, &value);
            let aria = (t.filter_remove)(&label);
            view! {
                <li class="d-inline-block me-2 mb-2">
                    <a class="chip chip-simple text-decoration-none" href=href aria-label=aria>
                        <span class="chip-label">{label} " ×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="mb-2">
            <h3 class="visually-hidden">{t.active_filters}</h3>
            <ul class="list-unstyled mb-0">{chips}</ul>
        </div>
    }
    .into_any()
}

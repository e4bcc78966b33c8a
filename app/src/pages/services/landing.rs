//! Category landing pages (`/categorie/{slug}`) and target-group landing pages
//! (`/destinatari/{slug}`): what the category is, its first services and a link to all of them
//! in the search with the filter set.

use domain::search::SearchParams;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::card::ServiceCardView;
use super::links::search_href;
use crate::api::services::{SearchView, search_catalog};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;
use crate::pages::not_found::NotFound;

const SHOWN: &str = "6";

#[component]
pub fn CategoryPage() -> impl IntoView {
    view! { <Landing filter="category" /> }
}

#[component]
pub fn TargetGroupPage() -> impl IntoView {
    view! { <Landing filter="target" /> }
}

#[component]
fn Landing(filter: &'static str) -> impl IntoView {
    let locale = use_locale();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let pairs = vec![
        (filter.to_string(), slug.clone()),
        ("per_page".to_string(), SHOWN.to_string()),
    ];
    let data = Resource::new(move || pairs.clone(), search_catalog);
    view! {
        <Suspense fallback=move || view! { <p class="container">{locale.t().loading}</p> }>
            {move || {
                let slug = slug.clone();
                data.get()
                    .map(move |result| match result {
                        Ok(view_data) => landing_view(filter, &slug, view_data),
                        Err(_) => {
                            view! {
                                <div class="container my-4">
                                    <div class="alert alert-danger" role="alert">{locale.t().error_generic}</div>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
    .into_any()
}

fn landing_view(filter: &'static str, slug: &str, data: SearchView) -> AnyView {
    let locale = use_locale();
    let t = catalog(locale);
    let (title, description) = if filter == "category" {
        match data.categories.iter().find(|c| c.slug == slug) {
            Some(c) => (
                c.name(locale).to_string(),
                c.description(locale).to_string(),
            ),
            None => return view! { <NotFound /> }.into_any(),
        }
    } else {
        match data.targets.iter().find(|g| g.slug == slug) {
            Some(g) => (g.name(locale).to_string(), String::new()),
            None => return view! { <NotFound /> }.into_any(),
        }
    };
    let all = search_href(&SearchParams::default().with(filter, Some(slug)));
    let total = data.results.total;
    let items = data
        .results
        .items
        .into_iter()
        .map(|card| view! { <ServiceCardView card /> })
        .collect_view();
    let body = if total == 0 {
        view! { <p>{t.no_results}</p> }.into_any()
    } else {
        view! {
            <h2 class="h4 mt-4">{(t.results_count)(total)}</h2>
            <ul class="list-unstyled row">{items}</ul>
            <a class="btn btn-primary" href=all>{(t.see_all)(total)}</a>
        }
        .into_any()
    };
    let trail = vec![(t.services_title.to_string(), "/servizi".to_string())];
    view! {
        <Title text=title.clone() />
        <div class="container my-4" id="landing-page">
            <Breadcrumb current=title.clone() trail />
            <h1 class="mt-3">{title}</h1>
            <p class="lead">{description}</p>
            {body}
        </div>
    }
    .into_any()
}

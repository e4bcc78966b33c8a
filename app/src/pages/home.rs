use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::catalog::get_home_overview;
use crate::components::icon::Icon;
use crate::i18n::{Locale, Messages};
use crate::locale::use_locale;
use crate::model::{Category, Space};

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.t();
    let overview = Resource::new(|| (), |_| get_home_overview());

    view! {
        <Title text="" />
        <section class="it-hero-wrapper bg-primary home-hero" aria-labelledby="home-title">
            <div class="container">
                <div class="it-hero-text-wrapper bg-dark-transparent">
                    <h1 id="home-title" class="no_toc">{t.home_title}</h1>
                    <p class="d-none d-lg-block">{t.home_lead}</p>
                    <form class="home-search mt-4" action="/servizi" method="get" role="search">
                        <label for="home-search-input" class="visually-hidden">{t.search_label}</label>
                        <div class="input-group">
                            <input
                                id="home-search-input"
                                class="form-control"
                                type="search"
                                name="q"
                                placeholder=t.search_placeholder
                                maxlength="200"
                            />
                            <div class="input-group-append">
                                <button class="btn btn-secondary" type="submit">{t.search_button}</button>
                            </div>
                        </div>
                    </form>
                </div>
            </div>
        </section>
        <Suspense fallback=move || view! { <p class="container my-4">{t.loading}</p> }>
            {move || {
                overview
                    .get()
                    .map(|result| match result {
                        Ok(data) => {
                            view! {
                                <CategoryGrid categories=data.categories locale />
                                <SpacesList spaces=data.spaces locale />
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <div class="container my-4">
                                    <div class="alert alert-danger" role="alert">{t.error_generic}</div>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

#[component]
fn CategoryGrid(categories: Vec<Category>, locale: Locale) -> impl IntoView {
    let t = locale.t();
    let empty = categories.is_empty();
    let cards = categories
        .into_iter()
        .map(|c| {
            let href = format!("/categorie/{}", c.slug);
            let count = (t.services_count)(c.service_count);
            view! {
                <li class="col-12 col-md-6 col-lg-4 mb-3">
                    <a class="card card-teaser shadow rounded category-card h-100" href=href>
                        <Icon name=icon_for(&c.icon) />
                        <div class="card-body">
                            <h3 class="card-title h5">{c.name(locale).to_string()}</h3>
                            <p class="card-text">{c.description(locale).to_string()}</p>
                            <p class="card-text fw-semibold category-count" data-count=c.service_count>
                                {count}
                            </p>
                        </div>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="container my-5" aria-labelledby="categories-title">
            <h2 id="categories-title" class="mb-4">{t.categories_title}</h2>
            {empty.then(|| view! { <p>{t.empty_categories}</p> })}
            <ul class="row list-unstyled category-grid">{cards}</ul>
        </section>
    }
}

/// Bootstrap Italia has a fixed set of icons: names outside it fall back to a generic one.
fn icon_for(name: &str) -> &'static str {
    const KNOWN: [&str; 12] = [
        "it-user",
        "it-pa",
        "it-car",
        "it-bookmark",
        "it-comment",
        "it-files",
        "it-tool",
        "it-horn",
        "it-calendar",
        "it-box",
        "it-star-outline",
        "it-settings",
    ];
    KNOWN
        .into_iter()
        .find(|k| *k == name)
        .unwrap_or("it-info-circle")
}

#[component]
fn SpacesList(spaces: Vec<Space>, locale: Locale) -> impl IntoView {
    let t = locale.t();
    let empty = spaces.is_empty();
    let items = spaces
        .into_iter()
        .map(|s| {
            view! {
                <li class="col-12 col-md-6 col-lg-3 mb-3">
                    <div class="card card-bg h-100 space-card">
                        <div class="card-body">
                            <h3 class="card-title h6">{s.name.clone()}</h3>
                            <p class="card-text mb-1">{s.address.clone()}</p>
                            <p class="card-text small mb-1">{(t.municipio)(s.municipio)}</p>
                            <OpeningHoursSummary space=s t />
                        </div>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="bg-light py-5" aria-labelledby="spaces-title">
            <div class="container">
                <h2 id="spaces-title">{t.spaces_title}</h2>
                <p class="lead">{t.spaces_lead}</p>
                {empty.then(|| view! { <p>{t.empty_spaces}</p> })}
                <ul class="row list-unstyled spaces-list">{items}</ul>
            </div>
        </section>
    }
}

/// Opening hours grouped by day, e.g. "Lun 09:00–13:00, 14:00–17:00".
#[component]
fn OpeningHoursSummary(space: Space, t: &'static Messages) -> impl IntoView {
    let days = (1..=7i64)
        .filter_map(|day| {
            let slots = space.hours_on(day);
            (!slots.is_empty()).then(|| {
                let name = t.weekday_short[(day - 1) as usize];
                view! {
                    <li>
                        <span class="fw-semibold">{name}</span>
                        " "
                        {slots.join(", ")}
                    </li>
                }
            })
        })
        .collect_view();
    view! {
        <details class="small">
            <summary>{t.opening_hours}</summary>
            <ul class="list-unstyled mb-0">{days}</ul>
        </details>
    }
}

//! Providers: the list (`/enti`) and each provider's page (`/enti/{slug}`) with its profile,
//! legal form, sites, accreditation and all its services.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::reviews::provider_public_reviews;
use crate::api::services::{ProviderView, provider_page, providers_list};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;
use crate::model::{Paged, ProviderSummary, ReviewsPage, pick};
use crate::pages::not_found::NotFound;
use crate::pages::reviews::{ReviewsSection, reviews_page_param};
use crate::pages::services::card::ServiceCardView;

#[component]
pub fn ProvidersPage() -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let page = use_query_map().with_untracked(|q| {
        q.get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| (1..=10_000).contains(p))
            .unwrap_or(1)
    });
    let data = Resource::new(move || page, providers_list);
    view! {
        <Title text=t.providers_title />
        <div class="container my-4" id="providers-page">
            <Breadcrumb current=t.providers_title />
            <h1 class="mt-3">{t.providers_title}</h1>
            <p class="lead">{t.providers_lead}</p>
            <Suspense fallback=move || view! { <p>{locale.t().loading}</p> }>
                {move || {
                    data.get()
                        .map(|result| match result {
                            Ok(paged) => view! { <ProviderList paged /> }.into_any(),
                            Err(_) => {
                                view! {
                                    <div class="alert alert-danger" role="alert">{locale.t().error_generic}</div>
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
fn ProviderList(paged: Paged<ProviderSummary>) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let pages =
        ((paged.total + i64::from(paged.per_page) - 1) / i64::from(paged.per_page.max(1))) as u32;
    let items = paged
        .items
        .into_iter()
        .map(|p| {
            view! {
                <li class="col-12 col-md-6 col-lg-4 mb-3">
                    <article class="card card-bg rounded shadow-sm h-100">
                        <div class="card-body">
                            <h2 class="card-title h5">
                                <a href=format!("/enti/{}", p.slug)>{p.name.clone()}</a>
                            </h2>
                            <p class="small mb-1">{t.legal_form(&p.legal_form)}</p>
                            <p class="small mb-0">{(locale.t().services_count)(p.service_count)}</p>
                        </div>
                    </article>
                </li>
            }
        })
        .collect_view();
    let nav = (pages > 1).then(|| {
        let links = (1..=pages)
            .map(|n| {
                let current = (n == paged.page).then_some("page");
                view! {
                    <li class="page-item">
                        <a class="page-link" href=format!("/enti?page={n}") aria-current=current aria-label=(t.page_n)(n)>{n}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="pagination-wrapper" aria-label=t.pagination_label>
                <ul class="pagination flex-wrap">{links}</ul>
            </nav>
        }
    });
    view! {
        <ul class="list-unstyled row">{items}</ul>
        {nav}
    }
    .into_any()
}

#[component]
pub fn ProviderPage() -> impl IntoView {
    let locale = use_locale();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let reviews_slug = slug.clone();
    let data = Resource::new(move || slug.clone(), provider_page);
    // The rating of all its services and their published reviews, loaded alongside.
    let reviews = Resource::new(
        move || (reviews_slug.clone(), reviews_page_param()),
        |(slug, page)| provider_public_reviews(slug, page),
    );
    view! {
        <Suspense fallback=move || view! { <p class="container">{locale.t().loading}</p> }>
            {move || {
                data.get()
                    .map(|result| match result {
                        Ok(Some(view_data)) => view! { <ProviderProfile data=view_data reviews /> }.into_any(),
                        Ok(None) => view! { <NotFound /> }.into_any(),
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

#[component]
fn ProviderProfile(
    data: ProviderView,
    reviews: Resource<Result<ReviewsPage, ServerFnError>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let p = data.provider;
    let accreditation = if p.accredited_until.is_empty() {
        t.not_accredited.to_string()
    } else if !p.accreditation_valid {
        (t.accreditation_expired)(&p.accredited_until)
    } else {
        (t.accredited)(&p.accredited_from, &p.accredited_until)
    };
    let sites = data
        .sites
        .iter()
        .map(|s| {
            let municipio = s.municipio.map(|m| format!(" ({})", (locale.t().municipio)(m)));
            view! { <li>{format!("{} — {}{}", s.name, s.address, municipio.unwrap_or_default())}</li> }
        })
        .collect_view();
    let services = data
        .services
        .items
        .into_iter()
        .map(|card| view! { <ServiceCardView card heading_level=3 /> })
        .collect_view();
    let website = (!p.website.is_empty()).then(|| {
        let href = p.website.clone();
        view! {
            <dt class="col-sm-3">{t.website}</dt>
            <dd class="col-sm-9"><a href=href.clone() rel="noopener">{href.clone()}</a></dd>
        }
    });
    let trail = vec![(t.providers_title.to_string(), "/enti".to_string())];
    let reviews_base = format!("/enti/{}?lang={}", p.slug, locale.code());
    let reviews_title = crate::i18n::reviews::review_texts(locale).section_title;
    view! {
        <Title text=p.name.clone() />
        <div class="container my-4" id="provider-page">
            <Breadcrumb current=p.name.clone() trail />
            <h1 class="mt-3">{p.name.clone()}</h1>
            <p class="lead">{t.legal_form(&p.legal_form)}</p>
            <p>{pick(locale, &p.description_it, &p.description_en).to_string()}</p>
            <p class="fw-semibold">{accreditation}</p>
            <dl class="row">
                <dt class="col-sm-3">{t.vat_number}</dt>
                <dd class="col-sm-9">{p.vat_number.clone()}</dd>
                <dt class="col-sm-3">{t.email}</dt>
                <dd class="col-sm-9"><a href=format!("mailto:{}", p.email)>{p.email.clone()}</a></dd>
                <dt class="col-sm-3">{t.phone}</dt>
                <dd class="col-sm-9">{p.phone.clone()}</dd>
                {website}
            </dl>
            <h2 class="h4">{t.sites_title}</h2>
            <ul>{sites}</ul>
            <h2 class="h4 mt-4">{t.provider_services} " (" {data.services.total} ")"</h2>
            <ul class="list-unstyled row">{services}</ul>
            <section id="recensioni" class="mt-4" aria-labelledby="reviews-title">
                <h2 class="h4" id="reviews-title">{reviews_title}</h2>
                <Suspense fallback=|| ()>
                    {move || reviews.get().map(|result| match result {
                        Ok(data) => view! { <ReviewsSection data locale base=reviews_base.clone() show_service=true /> }.into_any(),
                        Err(_) => ().into_any(),
                    })}
                </Suspense>
            </section>
        </div>
    }
    .into_any()
}

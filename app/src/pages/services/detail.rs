//! The "scheda servizio" (`/servizi/{slug}`): the PA service page, sections in the prescribed
//! order with their `data-element` attributes, the whole price list, the provider and its
//! accreditation, the calls to action, and a JSON-LD `GovernmentService` in the head.

use leptos::prelude::*;
use leptos_meta::{Script, Title};
use leptos_router::hooks::use_params_map;

use super::card::price_text;
use super::links::amount;
use crate::api::reviews::service_reviews;
use crate::api::services::service_page;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::catalog::{CatalogMessages, catalog};
use crate::locale::use_locale;
use crate::model::{ReviewsPage, ServiceDetail, pick};
use crate::pages::not_found::NotFound;
use crate::pages::reviews::{ReviewsSection, reviews_page_param};

#[component]
pub fn ServicePage() -> impl IntoView {
    let locale = use_locale();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let reviews_slug = slug.clone();
    let service = Resource::new(move || slug.clone(), service_page);
    // Its rating and published reviews (`?recensioni=N` for older ones), loaded alongside.
    let reviews = Resource::new(
        move || (reviews_slug.clone(), reviews_page_param()),
        |(slug, page)| service_reviews(slug, page),
    );
    view! {
        <Suspense fallback=move || view! { <p class="container">{locale.t().loading}</p> }>
            {move || {
                service
                    .get()
                    .map(|result| match result {
                        Ok(Some(detail)) => view! { <ServiceView detail reviews /> }.into_any(),
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

/// JSON for a `<script>` element: `<`, `>` and `&` written as escapes so the text can never
/// close the element, whatever a provider typed.
fn script_safe(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// schema.org `GovernmentService` for search engines and the PA checks.
pub fn json_ld(d: &ServiceDetail, locale: Locale, t: &CatalogMessages) -> serde_json::Value {
    use serde_json::json;
    let card = &d.card;
    let unit_code = match card.unit.as_str() {
        "hour" => "HUR",
        "month" => "MON",
        _ => "C62",
    };
    let price = card
        .price_from_cents
        .map(|c| domain::money::Money::from_cents(c).to_string())
        .unwrap_or_else(|| "0.00".to_string());
    let areas: Vec<serde_json::Value> = card
        .municipi()
        .iter()
        .map(|m| json!({"@type": "AdministrativeArea", "name": format!("Municipio {m}")}))
        .collect();
    let audience: Vec<&str> = d.targets.iter().map(|g| g.name(locale)).collect();
    let location = d
        .sites
        .first()
        .map(|s| json!({"@type": "Place", "name": s.name, "address": s.address}));
    json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": card.name(locale),
        "description": card.summary(locale),
        "serviceType": card.category_name(locale),
        "serviceOperator": {"@type": "GovernmentOrganization", "name": "Comune di Milano"},
        "provider": {"@type": "Organization", "name": d.provider.name, "vatID": d.provider.vat_number},
        "areaServed": areas,
        "audience": {"@type": "Audience", "audienceType": audience.join(", ")},
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceUrl": card.url(),
            "serviceLocation": location,
        },
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": "EUR",
            "description": price_text(card, locale),
            "priceSpecification": {
                "@type": "UnitPriceSpecification",
                "price": price,
                "priceCurrency": "EUR",
                "unitCode": unit_code,
                "unitText": t.unit(&card.unit),
            },
        },
    })
}

/// Splits a text into paragraphs (blank-line or line separated).
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| view! { <p>{l.to_string()}</p> })
        .collect_view()
}

#[component]
fn ServiceView(
    detail: ServiceDetail,
    reviews: Resource<Result<ReviewsPage, ServerFnError>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let d = detail;
    let card = d.card.clone();
    let x = &d.texts;
    let name = card.name(locale).to_string();
    let ld = script_safe(&json_ld(&d, locale, t));
    let sections: Vec<(&str, &str)> = vec![
        ("addressed", t.section_addressed),
        ("how-to", t.section_how_to),
        ("needed", t.section_needed),
        ("achieved", t.section_achieved),
        ("calendar", t.section_timing),
        ("costs", t.section_costs),
        ("access", t.section_where),
        ("staff", t.section_staff),
        ("conditions", t.section_terms),
        ("contacts", t.section_provider),
        (
            "recensioni",
            crate::i18n::reviews::review_texts(locale).section_title,
        ),
    ];
    let index = sections
        .iter()
        .map(|(id, title)| {
            view! {
                <li class="nav-item">
                    <a class="nav-link" href=format!("#{id}")><span>{*title}</span></a>
                </li>
            }
        })
        .collect_view();
    let tiers = d
        .tiers
        .iter()
        .map(|tier| {
            view! {
                <tr>
                    <td>{(t.range)(tier.min_people, tier.max_people)}</td>
                    <td>{(t.range)(tier.min_quantity, tier.max_quantity)}</td>
                    <td class="text-end">{format!("{} € {}", amount(tier.unit_price_cents, locale), t.unit(&card.unit))}</td>
                </tr>
            }
        })
        .collect_view();
    let costs = match card.pricing.as_str() {
        "paid" => view! {
            <p class="fw-semibold">{price_text(&card, locale)}</p>
            <div class="table-responsive">
                <table class="table table-sm price-list">
                    <caption>{t.tiers_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.tier_people}</th>
                            <th scope="col">{t.tier_quantity}</th>
                            <th scope="col" class="text-end">{t.tier_price}</th>
                        </tr>
                    </thead>
                    <tbody>{tiers}</tbody>
                </table>
            </div>
        }
        .into_any(),
        "funded" => view! {
            <p>{(t.funded_text)(card.funded_by.as_deref().unwrap_or("Comune di Milano"))}</p>
        }
        .into_any(),
        _ => view! { <p>{t.free_text}</p> }.into_any(),
    };
    let list = |values: Vec<String>| values.join(", ");
    let delivery: Vec<String> = d
        .delivery_modes
        .iter()
        .filter_map(|v| {
            domain::search::params::DELIVERIES
                .iter()
                .position(|x| x == v)
                .map(|i| t.deliveries[i].to_string())
        })
        .collect();
    let times: Vec<String> = d
        .times_of_day
        .iter()
        .filter_map(|v| {
            domain::search::params::TIMES
                .iter()
                .position(|x| x == v)
                .map(|i| t.times[i].to_string())
        })
        .collect();
    let languages: Vec<String> = d.languages.iter().map(|l| t.language(l)).collect();
    let municipi = card.municipi();
    let municipi_text = if municipi.len() == 9 {
        t.all_municipi.to_string()
    } else {
        municipi
            .iter()
            .map(|m| (locale.t().municipio)(*m))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let targets: Vec<String> = d
        .targets
        .iter()
        .map(|g| g.name(locale).to_string())
        .collect();
    let p = &d.provider;
    let accreditation = if p.accredited_until.is_empty() {
        t.not_accredited.to_string()
    } else if !p.accreditation_valid {
        (t.accreditation_expired)(&p.accredited_until)
    } else {
        (t.accredited)(&p.accredited_from, &p.accredited_until)
    };
    let sites = d
        .sites
        .iter()
        .map(|s| view! { <li>{format!("{} — {}", s.name, s.address)}</li> })
        .collect_view();
    let capacity = d.capacity.map(|n| view! { <p>{(t.capacity)(n)}</p> });
    let slug = card.slug.clone();
    let appointment_href = format!("/appuntamenti/nuovo?servizio={slug}&lang={}", locale.code());
    let quote_href = format!("/preventivi/nuovo?servizio={slug}&lang={}", locale.code());
    let online_cta = if card.quote_required {
        view! { <a class="btn btn-primary me-2 mb-2" id="ask-quote" href=quote_href.clone()>{t.cta_quote}</a> }
            .into_any()
    } else {
        view! {
            <AddToCart card=card.clone() capacity=d.capacity locale />
            <a class="btn btn-outline-primary me-2 mb-2" id="ask-quote" href=quote_href>{t.cta_quote}</a>
        }
        .into_any()
    };
    let category_href = format!("/categorie/{}", card.category_slug);
    let reviews_base = format!("/servizi/{}?lang={}", card.slug, locale.code());
    let trail = vec![
        (t.services_title.to_string(), "/servizi".to_string()),
        (card.category_name(locale).to_string(), category_href),
    ];
    view! {
        <Title text=name.clone() />
        <Script type_="application/ld+json" id="service-jsonld">{ld}</Script>
        <div class="container my-4" id="service-page">
            <Breadcrumb current=name.clone() trail />
            <div class="row">
                <div class="col-12 col-lg-8">
                    <h1 class="mt-3" data-element="service-title">{name.clone()}</h1>
                    <p class="lead" data-element="service-description">{card.summary(locale).to_string()}</p>
                    <p>
                        <span class="badge bg-primary me-2">{card.category_name(locale).to_string()}</span>
                        <span class="fw-semibold">{price_text(&card, locale)}</span>
                    </p>
                </div>
            </div>
            <div class="row mt-3">
                <nav class="col-12 col-lg-3 mb-4" aria-labelledby="page-index-title" data-element="page-index">
                    <h2 id="page-index-title" class="h6 text-uppercase">{t.page_index}</h2>
                    <ul class="link-list nav flex-column">{index}</ul>
                </nav>
                <div class="col-12 col-lg-9 service-sections">
                    <section class="mb-4">
                        <h2 class="h4 visually-hidden">{t.section_description}</h2>
                        {paragraphs(pick(locale, &x.description_it, &x.description_en))}
                    </section>
                    <section id="addressed" class="mb-4" data-element="service-addressed">
                        <h2 class="h4">{t.section_addressed}</h2>
                        {paragraphs(pick(locale, &x.addressed_it, &x.addressed_en))}
                        <p><strong>{t.targets_title} ": "</strong>{list(targets)}</p>
                    </section>
                    <section id="how-to" class="mb-4" data-element="service-how-to">
                        <h2 class="h4">{t.section_how_to}</h2>
                        {paragraphs(pick(locale, &x.how_to_it, &x.how_to_en))}
                    </section>
                    <section id="needed" class="mb-4" data-element="service-needed">
                        <h2 class="h4">{t.section_needed}</h2>
                        {paragraphs(pick(locale, &x.needed_it, &x.needed_en))}
                    </section>
                    <section id="achieved" class="mb-4" data-element="service-achieved">
                        <h2 class="h4">{t.section_achieved}</h2>
                        {paragraphs(pick(locale, &x.achieved_it, &x.achieved_en))}
                    </section>
                    <section id="calendar" class="mb-4" data-element="service-calendar-text">
                        <h2 class="h4">{t.section_timing}</h2>
                        {paragraphs(pick(locale, &x.timing_it, &x.timing_en))}
                    </section>
                    <section id="costs" class="mb-4">
                        <h2 class="h4">{t.section_costs}</h2>
                        {costs}
                    </section>
                    <section id="access" class="mb-4">
                        <h2 class="h4">{t.section_where}</h2>
                        <dl class="row">
                            <dt class="col-sm-4">{t.municipi_label}</dt>
                            <dd class="col-sm-8">{municipi_text}</dd>
                            <dt class="col-sm-4">{t.delivery_title}</dt>
                            <dd class="col-sm-8">{list(delivery)}</dd>
                            <dt class="col-sm-4">{t.times_title}</dt>
                            <dd class="col-sm-8">{list(times)}</dd>
                            <dt class="col-sm-4">{t.languages_title}</dt>
                            <dd class="col-sm-8">{list(languages)}</dd>
                        </dl>
                        {capacity}
                        <div data-element="service-online-access">{online_cta}</div>
                        <div data-element="service-booking-access">
                            <a class="btn btn-outline-primary mb-2" id="book-appointment" href=appointment_href.clone()>{t.cta_appointment}</a>
                        </div>
                    </section>
                    <section id="staff" class="mb-4">
                        <h2 class="h4">{t.section_staff}</h2>
                        {paragraphs(pick(locale, &x.qualifications_it, &x.qualifications_en))}
                    </section>
                    <section id="conditions" class="mb-4" data-element="service-file">
                        <h2 class="h4">{t.section_terms}</h2>
                        {paragraphs(pick(locale, &x.terms_it, &x.terms_en))}
                    </section>
                    <section id="contacts" class="mb-4" data-element="service-area">
                        <h2 class="h4">{t.section_provider}</h2>
                        <p>
                            <a href=format!("/enti/{}", p.slug) class="fw-semibold">{p.name.clone()}</a>
                            " — " {t.legal_form(&p.legal_form)}
                        </p>
                        <p>{accreditation}</p>
                        <ul>{sites}</ul>
                        <p>
                            {t.email} ": " <a href=format!("mailto:{}", p.email)>{p.email.clone()}</a>
                            <br />
                            {t.phone} ": " {p.phone.clone()}
                        </p>
                    </section>
                    <section id="recensioni" class="mb-4" aria-labelledby="reviews-title">
                        <h2 class="h4" id="reviews-title">{crate::i18n::reviews::review_texts(locale).section_title}</h2>
                        <Suspense fallback=|| ()>
                            {move || reviews.get().map(|result| match result {
                                Ok(data) => view! { <ReviewsSection data locale base=reviews_base.clone() /> }.into_any(),
                                Err(_) => ().into_any(),
                            })}
                        </Suspense>
                    </section>
                    <section id="more" class="mb-4">
                        <h2 class="h6">{t.section_more}</h2>
                        <p class="small">{t.last_updated} ": " {d.updated_at.chars().take(10).collect::<String>()}</p>
                    </section>
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// The "buy online" form: what to buy (quantity, people or seats, preferred date and time),
/// never a price; the server prices it from the list above.
#[component]
fn AddToCart(
    card: crate::model::ServiceCard,
    capacity: Option<i64>,
    locale: Locale,
) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let b = crate::i18n::buying::texts(locale);
    let shared = card.mode == "shared";
    let people_label = if shared { b.seats } else { b.people };
    let max_people = if shared {
        capacity.unwrap_or(10).min(10)
    } else {
        100
    };
    let slots = ["", "morning", "afternoon", "evening"]
        .into_iter()
        .map(|s| view! { <option value=s>{crate::i18n::buying::slot_label(locale, s)}</option> })
        .collect_view();
    view! {
        <form method="post" action=crate::api::buying::AddToCart::url() id="acquista" class="border rounded p-3 mb-3">
            <h3 class="h5">{b.add_to_cart_title}</h3>
            <crate::pages::buying::BuyingErrors locale />
            <crate::pages::account::CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="service_id" value=card.id.to_string() />
            <input type="hidden" name="back" value=format!("/servizi/{}", card.slug) />
            <div class="row g-3">
                <div class="col-6 col-md-3 form-group mb-0">
                    <label for="cart-quantity" class="active">{b.quantity}</label>
                    <input type="number" id="cart-quantity" name="quantity" class="form-control" min="1" max="1000" value="1" required />
                </div>
                <div class="col-6 col-md-3 form-group mb-0">
                    <label for="cart-people" class="active">{people_label}</label>
                    <input type="number" id="cart-people" name="people" class="form-control" min="1" max=max_people.to_string() value="1" required />
                </div>
                <div class="col-12 col-md-6 form-group mb-0">
                    <label for="cart-preferred_date" class="active">{b.preferred_date}</label>
                    <input type="date" id="cart-preferred_date" name="preferred_date" class="form-control" aria-describedby="cart-preferred_date-hint" />
                    <small id="cart-preferred_date-hint" class="form-text">{b.preferred_date_hint}</small>
                </div>
                <div class="col-12 col-md-6 form-group mb-0">
                    <label for="cart-time_slot" class="active">{b.time_slot}</label>
                    <select id="cart-time_slot" name="time_slot" class="form-select">{slots}</select>
                </div>
                <div class="col-12 form-group mb-0">
                    <label for="cart-notes" class="active">{b.notes}</label>
                    <textarea id="cart-notes" name="notes" class="form-control" rows="2" maxlength="500"></textarea>
                </div>
            </div>
            <button type="submit" class="btn btn-primary mt-3" id="add-to-cart">{b.add_to_cart}</button>
        </form>
        {shared.then(|| view! { <WaitlistForm card_id=card.id slug=card.slug.clone() max_people locale /> })}
    }
}

/// A shared service's waitlist: for families who found too few seats.
#[component]
fn WaitlistForm(card_id: i64, slug: String, max_people: i64, locale: Locale) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let w = crate::i18n::waitlist::waitlist_texts(locale);
    let joined = crate::pages::account::query_flag("in_attesa");
    view! {
        <form method="post" action=crate::api::buying::JoinWaitlist::url() id="lista-attesa" class="border rounded p-3 mb-3">
            <h3 class="h6">{w.title}</h3>
            {joined.then(|| view! { <div class="alert alert-success" role="status" id="waitlist-joined">{w.joined}</div> })}
            <p class="small">{w.lead}</p>
            <crate::pages::account::CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="service_id" value=card_id.to_string() />
            <input type="hidden" name="back" value=format!("/servizi/{slug}") />
            <div class="form-group mb-2">
                <label for="waitlist-people" class="active">{w.seats}</label>
                <input type="number" id="waitlist-people" name="people" class="form-control" min="1" max=max_people.to_string() value="1" required />
            </div>
            <button type="submit" class="btn btn-outline-primary" id="join-waitlist">{w.join}</button>
        </form>
    }
}

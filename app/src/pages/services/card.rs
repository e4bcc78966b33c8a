//! A service in a result list: name (link to its page), category, provider, price, municipi.

use leptos::prelude::*;

use super::links::amount;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;
use crate::model::ServiceCard;

/// The price line of a card: "da 17,00 € all'ora", "Gratuito", "Finanziato da ...".
pub fn price_text(card: &ServiceCard, locale: crate::i18n::Locale) -> String {
    let t = catalog(locale);
    match (card.pricing.as_str(), card.price_from_cents) {
        ("paid", Some(cents)) => (t.price_from)(&amount(cents, locale), t.unit(&card.unit)),
        ("funded", _) => card
            .funded_by
            .as_deref()
            .map(t.funded_by)
            .unwrap_or_else(|| t.prices[2].to_string()),
        _ => t.free.to_string(),
    }
}

#[component]
pub fn ServiceCardView(card: ServiceCard, #[prop(optional)] heading_level: u8) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let price = price_text(&card, locale);
    let municipi = card.municipi();
    let municipi_text = if municipi.len() == 9 {
        t.all_municipi.to_string()
    } else {
        municipi
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = card.name(locale).to_string();
    let title = view! { <a href=card.url() class="text-decoration-none">{name}</a> };
    let heading = if heading_level == 3 {
        view! { <h3 class="card-title h5">{title}</h3> }.into_any()
    } else {
        view! { <h2 class="card-title h5">{title}</h2> }.into_any()
    };
    // The published reviews' average, one decimal from the index's hundredths (integers only).
    let rating = card.rating_x100.map(|x100| {
        let tenths = domain::reviews::Average { sum: x100, count: 100 }
            .one_decimal(if locale == crate::i18n::Locale::It { ',' } else { '.' })
            .unwrap_or_default();
        view! {
            <dt>{crate::i18n::reviews::review_texts(locale).overall}</dt>
            <dd class="service-rating" data-rating-x100=x100.to_string()>{(t.rating)(&tenths, card.rating_count)}</dd>
        }
    });
    let badges = [
        card.accepts_vouchers.then_some(t.accepts_vouchers),
        card.quote_required.then_some(t.quote_required),
        (card.mode == "shared").then_some(t.modes[1]),
    ]
    .into_iter()
    .flatten()
    .map(|b| view! { <span class="badge bg-light text-dark border me-1">{b}</span> })
    .collect_view();
    view! {
        <li class="col-12 col-md-6 mb-3">
            <article class="card card-bg rounded shadow-sm h-100 service-card">
                <div class="card-body">
                    <p class="category-top mb-1">
                        <span class="category">{card.category_name(locale).to_string()}</span>
                    </p>
                    {heading}
                    <p class="card-text">{card.summary(locale).to_string()}</p>
                    <dl class="service-facts small mb-2">
                        <dt>{t.provider_label}</dt>
                        <dd>
                            <a href=format!("/enti/{}", card.provider_slug)>{card.provider_name.clone()}</a>
                        </dd>
                        <dt>{t.facet_price}</dt>
                        <dd class="fw-semibold">{price}</dd>
                        <dt>{t.municipi_label}</dt>
                        <dd>{municipi_text}</dd>
                        {rating}
                    </dl>
                    <div>{badges}</div>
                </div>
            </article>
        </li>
    }
    .into_any()
}

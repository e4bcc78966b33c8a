//! Server functions of reviews: the citizen's review of a completed order, the city's
//! moderation queue, the provider's replies, and the published reviews of a service or a
//! provider. Form posts answer with redirects back to their page (`?fatto=1` or
//! `?errore=<code>`), so every form works without JavaScript; reads return shared types.

// A server function's arguments are its form's fields, one each (forms post without JavaScript).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::model::{OrderReview, Paged, ReviewView, ReviewsPage};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::model::{PageRequest, SessionUser};
#[cfg(feature = "ssr")]
use crate::ports::{BuyingError, ClientInfo, SharedReviews};

/// Reviews a page shows at a time.
pub const PER_PAGE: u32 = 10;

#[cfg(feature = "ssr")]
fn reviews() -> Result<SharedReviews, ServerFnError> {
    use_context::<SharedReviews>().ok_or_else(|| ServerFnError::new("reviews not configured"))
}

#[cfg(feature = "ssr")]
fn who() -> Result<SessionUser, ServerFnError> {
    crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))
}

#[cfg(feature = "ssr")]
fn client() -> ClientInfo {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientInfo>().cloned())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn read_error(err: BuyingError, locale: Locale) -> ServerFnError {
    let status = match err {
        BuyingError::NotFound => Some(http::StatusCode::NOT_FOUND),
        BuyingError::Forbidden => Some(http::StatusCode::FORBIDDEN),
        _ => None,
    };
    if let (Some(status), Some(response)) = (status, use_context::<leptos_axum::ResponseOptions>())
    {
        response.set_status(status);
    }
    ServerFnError::new(err.message(locale))
}

#[cfg(feature = "ssr")]
fn page_of(page: u32) -> PageRequest {
    PageRequest {
        page: page.clamp(1, 10_000),
        per_page: PER_PAGE,
    }
}

/// An order reference as it may appear in a path (anything else is dropped).
#[cfg(feature = "ssr")]
fn safe_reference(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect()
}

/// A score as a radio group posts it: absent or not a number is "not given".
#[cfg(feature = "ssr")]
fn score(value: Option<String>) -> Option<i64> {
    value.and_then(|v| v.trim().parse().ok())
}

#[server(prefix = "/fn", endpoint = "load_order_review")]
pub async fn load_order_review(
    reference: String,
    lang: Option<String>,
) -> Result<OrderReview, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    reviews()?
        .order_review(&who()?, &reference)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "submit_review")]
pub async fn submit_review(
    reference: String,
    punctuality: Option<String>,
    professionalism: Option<String>,
    kindness: Option<String>,
    body: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let form = crate::ports::NewReview {
        punctuality: score(punctuality),
        professionalism: score(professionalism),
        kindness: score(kindness),
        body: body.unwrap_or_default(),
    };
    let path = format!(
        "/area-personale/ordini/{}?lang={}",
        safe_reference(&reference),
        locale.code()
    );
    match reviews()?
        .submit_review(&who()?, &reference, &form, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&fatto=1&recensione=1#recensione")),
        Err(err) => leptos_axum::redirect(&format!("{path}&errore={}#recensione", err.code())),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "review_queue")]
pub async fn review_queue(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<ReviewView>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    reviews()?
        .moderation_queue(&who()?, page_of(page))
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "moderate_review")]
pub async fn moderate_review(
    review_id: i64,
    decision: String,
    reason: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let path = format!("/amministrazione/recensioni?lang={}", locale.code());
    match reviews()?
        .moderate_review(
            &who()?,
            review_id,
            &decision,
            reason.as_deref().unwrap_or_default(),
            &client(),
        )
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&fatto=1")),
        Err(err) => leptos_axum::redirect(&format!(
            "{path}&errore={}&recensione={review_id}#recensione-{review_id}",
            err.code()
        )),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "received_reviews")]
pub async fn received_reviews(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<ReviewView>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    reviews()?
        .provider_reviews(&who()?, page_of(page))
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "reply_review")]
pub async fn reply_review(
    review_id: i64,
    body: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let path = format!("/ente/recensioni?lang={}", locale.code());
    match reviews()?
        .reply_to_review(
            &who()?,
            review_id,
            body.as_deref().unwrap_or_default(),
            &client(),
        )
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&fatto=1")),
        Err(err) => leptos_axum::redirect(&format!(
            "{path}&errore={}&recensione={review_id}#recensione-{review_id}",
            err.code()
        )),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "service_reviews")]
pub async fn service_reviews(slug: String, page: u32) -> Result<ReviewsPage, ServerFnError> {
    let locale = crate::locale::request_locale();
    reviews()?
        .service_reviews(&slug, page_of(page))
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "provider_public_reviews")]
pub async fn provider_public_reviews(
    slug: String,
    page: u32,
) -> Result<ReviewsPage, ServerFnError> {
    let locale = crate::locale::request_locale();
    reviews()?
        .provider_public_reviews(&slug, page_of(page))
        .await
        .map_err(|e| read_error(e, locale))
}

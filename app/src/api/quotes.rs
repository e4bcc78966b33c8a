//! Server functions of quote requests (the new-request form itself posts to
//! `/preventivi/invia`, see `server/src/http/quotes.rs`).

// A server function's arguments are its form's fields, one each (forms post without JavaScript).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::model::{Paged, QuoteDetail, QuoteStart, QuoteSummary};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::model::PageRequest;
#[cfg(feature = "ssr")]
use crate::ports::{BuyingError, ClientInfo, SharedBuying};

#[cfg(feature = "ssr")]
fn buying() -> Result<SharedBuying, ServerFnError> {
    use_context::<SharedBuying>().ok_or_else(|| ServerFnError::new("buying not configured"))
}

#[cfg(feature = "ssr")]
fn who() -> Result<crate::model::SessionUser, ServerFnError> {
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
    if matches!(err, BuyingError::NotFound)
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    ServerFnError::new(err.message(locale))
}

#[server(prefix = "/fn", endpoint = "load_quote_start")]
pub async fn load_quote_start(
    slug: String,
    lang: Option<String>,
) -> Result<QuoteStart, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    buying()?
        .quote_start(&slug)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "my_quote_requests")]
pub async fn my_quote_requests(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<QuoteSummary>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let page = PageRequest {
        page: page.max(1),
        per_page: 20,
    };
    buying()?
        .quote_requests(&who()?, false, page)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "received_quote_requests")]
pub async fn received_quote_requests(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<QuoteSummary>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let page = PageRequest {
        page: page.max(1),
        per_page: 20,
    };
    buying()?
        .quote_requests(&who()?, true, page)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "load_quote")]
pub async fn load_quote(
    reference: String,
    lang: Option<String>,
) -> Result<QuoteDetail, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    buying()?
        .quote_request(&who()?, &reference)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "quote_action")]
pub async fn quote_action(
    reference: String,
    action: String,
    provider_id: Option<i64>,
    offer_id: Option<i64>,
    body: Option<String>,
    reason: Option<String>,
    price: Option<String>,
    valid_until: Option<String>,
    period_start: Option<String>,
    period_end: Option<String>,
    time_slot: Option<String>,
    operator_name: Option<String>,
    notes: Option<String>,
    back: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let form = crate::ports::QuoteActionForm {
        action,
        provider_id,
        offer_id,
        body: body.unwrap_or_default(),
        reason: reason.unwrap_or_default(),
        price: price.unwrap_or_default(),
        valid_until: valid_until.unwrap_or_default(),
        period_start: period_start.unwrap_or_default(),
        period_end: period_end.unwrap_or_default(),
        time_slot: time_slot.unwrap_or_default(),
        operator_name: operator_name.unwrap_or_default(),
        notes: notes.unwrap_or_default(),
    };
    let provider = back.as_deref().is_some_and(|b| b.starts_with("/ente/"));
    let base = if provider {
        "/ente/preventivi"
    } else {
        "/area-personale/preventivi"
    };
    let path = format!("{base}/{reference}?lang={}", locale.code());
    match buying()?
        .quote_action(&who()?, &reference, &form, &client())
        .await
    {
        Ok(Some(order)) => leptos_axum::redirect(&format!(
            "/area-personale/ordini/{order}?lang={}&creato=1",
            locale.code()
        )),
        Ok(None) => leptos_axum::redirect(&format!("{path}&fatto=1")),
        Err(err) => leptos_axum::redirect(&format!("{path}&errore={}", err.code())),
    }
    Ok(())
}

//! `POST /preventivi/invia`: the new quote request form. A plain axum handler rather than a
//! server function because the form repeats one field (`service_id`, one per provider chosen),
//! which the server functions' form decoding does not read as a list. The route rules
//! (logged in) and the CSRF check ran before this.

use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::{Buying, ClientInfo, NewQuoteRequest};
use axum::body::Bytes;
use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::buying::BuyingService;

pub async fn submit(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return Redirect::to("/accedi?next=/area-personale/preventivi").into_response();
    };
    let mut form = NewQuoteRequest::default();
    let mut slug = String::new();
    for (key, value) in form_urlencoded::parse(&body) {
        let value = value.into_owned();
        match key.as_ref() {
            "service_id" => {
                if let Ok(id) = value.trim().parse() {
                    form.service_ids.push(id);
                }
            }
            "servizio" => slug = value,
            "description" => form.description = value,
            "people" => form.people = value.trim().parse().unwrap_or(0),
            "preferred_date" if !value.trim().is_empty() => form.preferred_date = Some(value),
            "time_slot" => form.time_slot = value,
            "answer_by" => form.answer_by = value,
            "contact_phone" => form.contact_phone = value,
            _ => {}
        }
    }
    match buying
        .request_quotes(&current.user, &form, locale, &client)
        .await
    {
        Ok(reference) => Redirect::to(&format!(
            "/area-personale/preventivi/{reference}?lang={}&inviata=1",
            locale.code()
        ))
        .into_response(),
        Err(err) => {
            let slug: String = form_urlencoded::byte_serialize(slug.as_bytes()).collect();
            Redirect::to(&format!(
                "/preventivi/nuovo?lang={}&servizio={slug}&errore={}",
                locale.code(),
                err.code()
            ))
            .into_response()
        }
    }
}

/// `POST /ente/preventivi/{reference}/allegato`: the provider's quote document (PDF) for one of
/// its pending offers (multipart: `offer_id`, `file`). Back to the request's page.
pub async fn attach(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
    axum::extract::Path(reference): axum::extract::Path<String>,
    mut form: axum::extract::Multipart,
) -> Response {
    let Some(Extension(current)) = current else {
        return http::StatusCode::NOT_FOUND.into_response();
    };
    let page = format!("/ente/preventivi/{reference}?lang={}", locale.code());
    let mut offer_id = None;
    let mut file = Vec::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("offer_id") => {
                    offer_id = field.text().await.ok().and_then(|t| t.trim().parse().ok());
                }
                Some("file") => match field.bytes().await {
                    Ok(bytes) => file = bytes.to_vec(),
                    Err(_) => {
                        return Redirect::to(&format!("{page}&errore=field-pdf")).into_response();
                    }
                },
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return Redirect::to(&format!("{page}&errore=field-pdf")).into_response(),
        }
    }
    let Some(offer_id) = offer_id else {
        return Redirect::to(&format!("{page}&errore=field-offer_id")).into_response();
    };
    match crate::buying::quotes::attach_offer_pdf(
        &buying,
        &current.user,
        &reference,
        offer_id,
        &file,
        &client,
    )
    .await
    {
        Ok(()) => Redirect::to(&format!("{page}&fatto=1")).into_response(),
        Err(err) => Redirect::to(&format!("{page}&errore={}", err.code())).into_response(),
    }
}

/// `GET /preventivi/{reference}/offerte/{offer}`: an offer's quote document, for the citizen
/// who asked and the provider who offered; anyone else: not found.
pub async fn document(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    axum::extract::Path((reference, offer)): axum::extract::Path<(String, i64)>,
) -> Response {
    use http::{StatusCode, header};
    let Some(Extension(current)) = current else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match crate::buying::quotes::offer_pdf(&buying, &current.user, &reference, offer).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"preventivo-{reference}-{offer}.pdf\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
                // Never rendered as this site's page, whatever the file holds.
                (
                    header::CONTENT_SECURITY_POLICY,
                    "sandbox; default-src 'none'".to_string(),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => (
            if matches!(err, app::ports::BuyingError::NotFound) {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            },
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            err.message(locale),
        )
            .into_response(),
    }
}

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

//! Server functions of appointments at WeMi spaces. Forms post without JavaScript and are
//! redirected: a booking to `/area-personale/appuntamenti?fatto=1`, a refusal back to the
//! booking page with `?errore=code`.

// A server function's arguments are its form's fields, one each (forms post without JavaScript).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::model::{AppointmentView, BookingForm, SpaceDayView};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::ports::{BookingError, ClientInfo, SharedAppointments};

#[cfg(feature = "ssr")]
fn appointments() -> Result<SharedAppointments, ServerFnError> {
    use_context::<SharedAppointments>()
        .ok_or_else(|| ServerFnError::new("appointments not configured"))
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
fn read_error(err: BookingError, locale: Locale) -> ServerFnError {
    let status = match err {
        BookingError::NotFound => Some(http::StatusCode::NOT_FOUND),
        BookingError::Forbidden => Some(http::StatusCode::FORBIDDEN),
        BookingError::Rule(_) | BookingError::InvalidField(_) => {
            Some(http::StatusCode::UNPROCESSABLE_ENTITY)
        }
        BookingError::Internal => None,
    };
    if let (Some(status), Some(response)) = (status, use_context::<leptos_axum::ResponseOptions>())
    {
        response.set_status(status);
    }
    ServerFnError::new(err.message(locale))
}

/// Percent-encodes a query value (slugs and dates need none, but the value comes from a form).
#[cfg(feature = "ssr")]
fn query_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[server(prefix = "/fn", endpoint = "appointment_form")]
pub async fn appointment_form(
    space: Option<i64>,
    day: Option<String>,
    service: Option<String>,
    lang: Option<String>,
) -> Result<BookingForm, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let query = crate::ports::BookingQuery {
        space_id: space,
        day: day.filter(|d| !d.trim().is_empty()),
        service_slug: service.filter(|s| !s.trim().is_empty()),
    };
    appointments()?
        .booking_form(&query)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "book_appointment")]
pub async fn book_appointment(
    space_id: Option<i64>,
    topic: Option<String>,
    starts_at: Option<i64>,
    notes: Option<String>,
    servizio: Option<String>,
    giorno: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let who = who()?;
    let service = servizio.filter(|s| !s.trim().is_empty());
    let result = match (space_id, starts_at) {
        (None, _) => Err(BookingError::Rule(
            domain::appointments::AppointmentError::UnknownSpace,
        )),
        (_, None) => Err(BookingError::Rule(
            domain::appointments::AppointmentError::NotASlot,
        )),
        (Some(space_id), Some(starts_at)) => {
            let form = crate::ports::NewAppointment {
                space_id,
                topic: topic.clone().unwrap_or_default(),
                starts_at,
                notes: notes.unwrap_or_default(),
                service_slug: service.clone(),
            };
            appointments()?.book(&who, &form, locale, &client()).await
        }
    };
    match result {
        Ok(_) => leptos_axum::redirect(&format!(
            "/area-personale/appuntamenti?lang={}&fatto=1",
            locale.code()
        )),
        Err(err) => {
            let mut back = format!("/appuntamenti/nuovo?lang={}", locale.code());
            if let Some(space) = space_id {
                back.push_str(&format!("&spazio={space}"));
            }
            if let Some(day) = giorno.filter(|d| !d.is_empty()) {
                back.push_str(&format!("&giorno={}", query_escape(&day)));
            }
            if let Some(topic) = topic.filter(|t| !t.is_empty()) {
                back.push_str(&format!("&tema={}", query_escape(&topic)));
            }
            if let Some(service) = service {
                back.push_str(&format!("&servizio={}", query_escape(&service)));
            }
            back.push_str(&format!("&errore={}", err.code()));
            if crate::api::is_plain_form_post() {
                leptos_axum::redirect(&back);
            } else {
                return Err(read_error(err, locale));
            }
        }
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "my_appointments")]
pub async fn my_appointments(lang: Option<String>) -> Result<Vec<AppointmentView>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    appointments()?
        .my_appointments(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "cancel_appointment")]
pub async fn cancel_appointment(id: i64, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let path = format!("/area-personale/appuntamenti?lang={}", locale.code());
    match appointments()?
        .cancel_appointment(&who()?, id, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&annullato=1")),
        Err(BookingError::NotFound) => return Err(read_error(BookingError::NotFound, locale)),
        Err(err) => leptos_axum::redirect(&format!("{path}&errore={}", err.code())),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "space_appointments")]
pub async fn space_appointments(
    day: Option<String>,
    lang: Option<String>,
) -> Result<SpaceDayView, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    appointments()?
        .space_appointments(&who()?, day.filter(|d| !d.trim().is_empty()))
        .await
        .map_err(|e| read_error(e, locale))
}

//! City administration's form posts (issue 8). The route rules (permission `users` or
//! `content`) and the CSRF check ran before these; the service checks the permission again
//! and applies the rules. Every post answers with a redirect (303) to its page with `?fatto=1`
//! or `?errore=code`, so the forms work without JavaScript.

use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::{AdminError, Administration, ClientInfo, RoleChangeForm};
use axum::body::Bytes;
use axum::extract::{Extension, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{StatusCode, header};

use crate::admin::AdminService;

type Current = Option<Extension<CurrentUser>>;

fn field(body: &Bytes, name: &str) -> String {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn refused(locale: Locale, err: &AdminError) -> Response {
    let status = match err {
        AdminError::NotFound => StatusCode::NOT_FOUND,
        _ => StatusCode::FORBIDDEN,
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        err.message(locale),
    )
        .into_response()
}

/// Back to `page` with the outcome.
fn answer(page: String, locale: Locale, result: Result<(), AdminError>) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("{page}?fatto=1&lang={}", locale.code())).into_response(),
        Err(err @ (AdminError::NotFound | AdminError::Forbidden)) => refused(locale, &err),
        Err(err) => Redirect::to(&format!(
            "{page}?errore={}&lang={}",
            err.code(),
            locale.code()
        ))
        .into_response(),
    }
}

/// `POST /amministrazione/utenti/{id}/ruoli` (`azione`, `tipo`, `codice`, `ambito`, `motivo`).
pub async fn change_role(
    State(s): State<Arc<AdminService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return refused(locale, &AdminError::Forbidden);
    };
    let form = RoleChangeForm {
        action: field(&body, "azione"),
        kind: field(&body, "tipo"),
        code: field(&body, "codice"),
        scope: field(&body, "ambito").trim().parse().ok(),
        reason: field(&body, "motivo"),
    };
    let result = s.change_role(&current.user, id, &form, &client).await;
    answer(format!("/amministrazione/utenti/{id}"), locale, result)
}

/// `POST /amministrazione/spazi/{id}/orari` (`giorno1` … `giorno7`).
pub async fn set_hours(
    State(s): State<Arc<AdminService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return refused(locale, &AdminError::Forbidden);
    };
    let week: Vec<String> = (1..=7)
        .map(|n| field(&body, &format!("giorno{n}")))
        .collect();
    let result = s.set_hours(&current.user, id, &week, &client).await;
    answer(format!("/amministrazione/spazi/{id}"), locale, result)
}

/// `POST /amministrazione/spazi/{id}/sportelli` (`sportelli`).
pub async fn set_desks(
    State(s): State<Arc<AdminService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return refused(locale, &AdminError::Forbidden);
    };
    let result = s
        .set_desks(&current.user, id, &field(&body, "sportelli"), &client)
        .await;
    answer(format!("/amministrazione/spazi/{id}"), locale, result)
}

/// `POST /amministrazione/spazi/{id}/chiusure` (`giorno`, `motivo`).
pub async fn add_closure(
    State(s): State<Arc<AdminService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return refused(locale, &AdminError::Forbidden);
    };
    let result = s
        .add_closure(
            &current.user,
            id,
            &field(&body, "giorno"),
            &field(&body, "motivo"),
            &client,
        )
        .await;
    answer(format!("/amministrazione/spazi/{id}"), locale, result)
}

/// `POST /amministrazione/spazi/{id}/chiusure/elimina` (`giorno`).
pub async fn remove_closure(
    State(s): State<Arc<AdminService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return refused(locale, &AdminError::Forbidden);
    };
    let result = s
        .remove_closure(&current.user, id, &field(&body, "giorno"), &client)
        .await;
    answer(format!("/amministrazione/spazi/{id}"), locale, result)
}

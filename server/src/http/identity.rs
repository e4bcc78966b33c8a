//! Login with the city's identity broker (SPID/CIE over OpenID Connect): the start, which sends
//! the browser to the broker, and the return, which opens the session.

use std::collections::HashMap;

use app::i18n::Locale;
use app::ports::{AccountError, Accounts, ClientInfo};
use axum::extract::{Extension, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::HeaderValue;
use http::header::SET_COOKIE;

use super::AppState;

/// `GET /accedi/identita-digitale?next=/path`
pub async fn begin(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let next = query
        .get("next")
        .map(String::as_str)
        .unwrap_or("/area-personale");
    match state.accounts.begin_identity_login(next).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(err) => back_to_login(&err, locale),
    }
}

/// `GET /accedi/identita-digitale/ritorno?code=…&state=…` (or `?error=…` when the person
/// cancelled at the broker).
pub async fn callback(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (Some(code), Some(login_state)) = (query.get("code"), query.get("state")) else {
        return back_to_login(&AccountError::IdentityFailed, locale);
    };
    match state
        .accounts
        .finish_identity_login(code, login_state, &client)
        .await
    {
        Ok((session, next)) => {
            let mut response = Redirect::to(&next).into_response();
            if let Ok(v) = HeaderValue::from_str(&session.set_cookie) {
                response.headers_mut().append(SET_COOKIE, v);
            }
            response
        }
        Err(err) => back_to_login(&err, locale),
    }
}

fn back_to_login(err: &AccountError, locale: Locale) -> Response {
    Redirect::to(&format!(
        "/accedi?lang={}&errore={}",
        locale.code(),
        err.kind().code()
    ))
    .into_response()
}

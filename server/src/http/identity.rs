//! Login with the city's identity broker (SPID/CIE over OpenID Connect): the start, which sends
//! the browser to the broker, and the return, which opens the session.

use std::collections::HashMap;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::{AccountError, Accounts, ClientInfo};
use axum::extract::{Extension, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::HeaderValue;
use http::header::SET_COOKIE;

use super::AppState;

/// Holds the login's `state` in the browser that started it, until the broker sends it back.
const STATE_COOKIE: &str = "wemi_oidc_state";

/// `GET /accedi/identita-digitale?next=/path` (with `collega=1` from the area personale: link
/// SPID/CIE to the account logged in).
pub async fn begin(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let next = query
        .get("next")
        .map(String::as_str)
        .unwrap_or("/area-personale");
    let link_to = current
        .as_ref()
        .filter(|_| query.contains_key("collega"))
        .map(|c| &c.0.user);
    match state.accounts.begin_identity_login(next, link_to).await {
        Ok((url, login_state)) => {
            let mut response = Redirect::to(&url).into_response();
            let secure = if state.accounts.secure_cookies() {
                "; Secure"
            } else {
                ""
            };
            let cookie = format!(
                "{STATE_COOKIE}={login_state}; Path=/accedi/identita-digitale; HttpOnly; \
                 SameSite=Lax; Max-Age=600{secure}"
            );
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(SET_COOKIE, v);
            }
            response
        }
        Err(err) => back_to_login(&err, locale),
    }
}

/// `GET /accedi/identita-digitale/ritorno?code=…&state=…` (or `?error=…` when the person
/// cancelled at the broker).
pub async fn callback(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    headers: http::HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (Some(code), Some(login_state)) = (query.get("code"), query.get("state")) else {
        return back_to_login(&AccountError::IdentityFailed, locale);
    };
    // The callback must come back to the browser that started the login: otherwise someone
    // could log a victim in to the attacker's identity with a link (login CSRF).
    let started_here = crate::auth::cookies::read(&headers, STATE_COOKIE)
        .is_some_and(|kept| crate::auth::tokens::same_secret(kept, login_state));
    if !started_here {
        tracing::warn!("identity callback without the state cookie of its start");
        return back_to_login(&AccountError::IdentityFailed, locale);
    }
    match state
        .accounts
        .finish_identity_login(code, login_state, &client)
        .await
    {
        Ok((session, next)) => {
            let mut response = Redirect::to(&next).into_response();
            let clear = format!(
                "{STATE_COOKIE}=; Path=/accedi/identita-digitale; HttpOnly; SameSite=Lax; Max-Age=0"
            );
            for cookie in [session.set_cookie.as_str(), clear.as_str()] {
                if let Ok(v) = HeaderValue::from_str(cookie) {
                    response.headers_mut().append(SET_COOKIE, v);
                }
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

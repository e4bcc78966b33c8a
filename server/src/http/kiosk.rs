//! `GET /chiosco/ricomincia`: "start over" on a kiosk tablet. Ends the session (if any), clears
//! what the browser kept (cache and storage; the kiosk cookie stays) and goes back home. A GET,
//! so that the countdown's plain `<meta http-equiv="refresh">` works without JavaScript; the
//! worst a third party can do with it is log a kiosk user out.

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::{Accounts, ClientInfo};
use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::HeaderValue;
use http::header::SET_COOKIE;

use super::AppState;
use crate::auth::cookies::{self, SESSION_COOKIE};

pub async fn start_over(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
    headers: http::HeaderMap,
) -> Response {
    // Only a kiosk session, and only when the browser does not say the link came from another
    // site: a link elsewhere cannot log anyone out.
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
    let mut response = Redirect::to(&format!("/?lang={}", locale.code())).into_response();
    let Some(Extension(current)) = current.filter(|c| c.0.user.kiosk && !cross_site) else {
        return response;
    };
    if let Err(err) = state.accounts.logout(&current.user, &client).await {
        tracing::error!(%err, "kiosk start-over could not end the session");
    }
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&cookies::clear(
        SESSION_COOKIE,
        state.accounts.secure_cookies(),
    )) {
        headers.append(SET_COOKIE, v);
    }
    headers.insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"storage\""),
    );
    response
}

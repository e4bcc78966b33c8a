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
) -> Response {
    if let Some(Extension(current)) = current
        && let Err(err) = state.accounts.logout(&current.user, &client).await
    {
        tracing::error!(%err, "kiosk start-over could not end the session");
    }
    let mut response = Redirect::to(&format!("/?lang={}", locale.code())).into_response();
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

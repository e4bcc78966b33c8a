//! Chooses the language of each request: `?lang=` (remembered in a cookie), then the cookie,
//! then `Accept-Language`, then Italian. Pages and the JSON API read the result from the
//! request's extensions.

use app::i18n::Locale;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};

pub const COOKIE_NAME: &str = "wemi_lang";

pub async fn choose_locale(mut req: Request, next: Next) -> Response {
    let from_query = req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|p| p.strip_prefix("lang="))
            .and_then(Locale::from_code)
    });
    let from_cookie = || {
        req.headers()
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| c.trim().strip_prefix("wemi_lang="))
            .and_then(Locale::from_code)
    };
    let from_header = || {
        req.headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Locale::from_accept_language)
    };
    let locale = from_query
        .or_else(from_cookie)
        .or_else(from_header)
        .unwrap_or_default();
    req.extensions_mut().insert(locale);

    let mut response = next.run(req).await;
    if let Some(chosen) = from_query {
        let cookie = format!(
            "{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            chosen.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

//! The two middlewares every request passes through after routing:
//! `identify` turns the session cookie into a `CurrentUser` (or clears a dead cookie), and
//! `guard` applies the route's rule from `routes::RULES` and the CSRF token check.

use std::net::SocketAddr;
use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::ClientInfo;
use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::accounts::access::{Decision, decide};
use http::header::{ACCEPT, CONTENT_TYPE, SET_COOKIE, USER_AGENT};
use http::{HeaderValue, Method, StatusCode};

use super::cookies::{self, KIOSK_COOKIE, SESSION_COOKIE};
use super::routes;
use super::service::{AccountService, Resolved};
use super::tokens::same_secret;
use crate::rest::error::ApiError;

/// The form field (and header, for scripts) carrying the session's CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Bodies read to find the CSRF token are at most this big (forms, not uploads).
const FORM_LIMIT: usize = 2 * 1024 * 1024;
/// The largest upload a form may carry (the city's voucher files).
const UPLOAD_LIMIT: usize = crate::buying::voucher_import::MAX_FILE_BYTES + 64 * 1024;

fn client_info(req: &Request) -> ClientInfo {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or("")
            .chars()
            .take(300)
            .collect::<String>()
    };
    ClientInfo {
        ip: req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_default(),
        user_agent: header(USER_AGENT),
        request_id: header(http::HeaderName::from_static("x-request-id")),
        session_id: None,
        assisted_by: None,
        kiosk_device_id: None,
    }
}

pub async fn identify(
    State(accounts): State<Arc<AccountService>>,
    mut req: Request,
    next: Next,
) -> Response {
    let mut client = client_info(&req);
    let mut dead_cookie = false;
    if let Some(token) = cookies::read(req.headers(), KIOSK_COOKIE).map(str::to_owned)
        && let Some(device) = accounts.kiosk_device(&token).await
    {
        client.kiosk_device_id = Some(device.id);
        req.extensions_mut().insert(device);
    }
    if let Some(token) = cookies::read(req.headers(), SESSION_COOKIE).map(str::to_owned) {
        match accounts.resolve(&token).await {
            Resolved::Alive(current) => {
                client.session_id = Some(current.user.session_id);
                client.assisted_by = current.user.assisted_by.as_ref().map(|a| a.user_id);
                req.extensions_mut().insert(*current);
            }
            Resolved::Unavailable => {}
            Resolved::Ended => dead_cookie = true,
        }
    }
    req.extensions_mut().insert(client);
    let mut response = next.run(req).await;
    if dead_cookie && !response.headers().contains_key(SET_COOKIE) {
        let clear = cookies::clear(SESSION_COOKIE, accounts.secure_cookies());
        if let Ok(value) = HeaderValue::from_str(&clear) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

fn wants_html(req: &Request) -> bool {
    req.headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn is_form(req: &Request) -> bool {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.starts_with("application/x-www-form-urlencoded")
                || v.starts_with("multipart/form-data")
                || v.starts_with("text/plain")
        })
}

pub async fn guard(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    if !routes::is_plain_path(&path) {
        // `..`, `.`, encoded dots or slashes: the page renderer would resolve them to another
        // route than the one the rules were checked for.
        return refuse(&req, StatusCode::NOT_FOUND);
    }
    let Some(rule) = routes::rule_for(&method, &path) else {
        if routes::path_is_known(&path) {
            // A known route, but not with this method.
            return refuse(&req, StatusCode::METHOD_NOT_ALLOWED);
        }
        if let Some(matched) = req.extensions().get::<MatchedPath>() {
            // A route of the router that nobody gave a rule: refused (deny by default).
            tracing::error!(
                route = matched.as_str(),
                "route without an authorization rule"
            );
            return refuse(&req, StatusCode::FORBIDDEN);
        }
        // Not a route: the fallback serves a file of the site or the "not found" page.
        return next.run(req).await;
    };
    let current = req.extensions().get::<CurrentUser>();
    match decide(rule, current.map(|c| &c.principal)) {
        Decision::Allow => {}
        Decision::NeedsLogin => {
            if wants_html(&req) && matches!(method, Method::GET | Method::HEAD) {
                let next_path = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| path.clone());
                let target: String =
                    form_urlencoded::byte_serialize(next_path.as_bytes()).collect();
                return Redirect::to(&format!("/accedi?next={target}")).into_response();
            }
            return refuse(&req, StatusCode::UNAUTHORIZED);
        }
        Decision::Forbidden => return refuse(&req, StatusCode::FORBIDDEN),
    }
    // Personal pages and answers must not stay in shared or browser caches.
    let private = rule != domain::accounts::access::Rule::Public;
    let token = current_token(&method, current);
    let locale = locale_of(&req);
    let mut response = checked(req, next, token, locale).await;
    if private {
        response.headers_mut().insert(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store, private"),
        );
    }
    response
}

/// The token a state-changing form post must carry, if it must carry one.
fn current_token(method: &Method, current: Option<&CurrentUser>) -> Option<String> {
    let unsafe_method = !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    current
        .filter(|_| unsafe_method)
        .map(|c| c.user.csrf_token.clone())
}

async fn checked(req: Request, next: Next, token: Option<String>, locale: Locale) -> Response {
    let needs_token = token.is_some() && is_form(&req) && !same_origin_fetch(&req);
    if needs_token {
        let expected = token.unwrap_or_default();
        return match with_checked_token(req, &expected).await {
            Some(req) => next.run(req).await,
            None => csrf_refused(locale),
        };
    }
    next.run(req).await
}

/// The browser itself states that the request comes from this origin (`Sec-Fetch-Site`
/// cannot be set by a page). Browsers without fetch metadata fall back to the form token.
fn same_origin_fetch(req: &Request) -> bool {
    req.headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("same-origin"))
}

/// Checks the CSRF token of a form post (header or `csrf_token` field), giving back the
/// request with its body intact; `None` when the token is missing or wrong.
async fn with_checked_token(req: Request, expected: &str) -> Option<Request> {
    if let Some(header) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return same_secret(header, expected).then_some(req);
    }
    let (parts, body) = req.into_parts();
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        let bytes = axum::body::to_bytes(body, UPLOAD_LIMIT).await.ok()?;
        let found = multipart_token(&content_type, bytes.clone())
            .await
            .is_some_and(|v| same_secret(&v, expected));
        return found.then(|| Request::from_parts(parts, Body::from(bytes)));
    }
    let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.ok()?;
    let found = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == CSRF_FIELD)
        .is_some_and(|(_, v)| same_secret(&v, expected));
    found.then(|| Request::from_parts(parts, Body::from(bytes)))
}

/// The `csrf_token` field of a multipart form (file uploads); forms put it before the file,
/// so only the first parts are read.
async fn multipart_token(content_type: &str, bytes: axum::body::Bytes) -> Option<String> {
    use axum::extract::{FromRequest, Multipart};
    let probe = Request::builder()
        .header(CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .ok()?;
    let mut form = Multipart::from_request(probe, &()).await.ok()?;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(CSRF_FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

fn locale_of(req: &Request) -> Locale {
    req.extensions()
        .get::<Locale>()
        .copied()
        .unwrap_or_default()
}

fn csrf_refused(locale: Locale) -> Response {
    tracing::warn!("refused a form post without a valid CSRF token");
    let message = match locale {
        Locale::It => "Modulo scaduto o non valido: ricarica la pagina e riprova.",
        Locale::En => "The form expired or is not valid: reload the page and try again.",
    };
    ApiError::new(StatusCode::FORBIDDEN, "csrf_token", message).into_response()
}

fn refuse(req: &Request, status: StatusCode) -> Response {
    if wants_html(req) {
        return (status, Html(refusal_page(status))).into_response();
    }
    let it = locale_of(req) == Locale::It;
    let (code, message) = match status {
        StatusCode::UNAUTHORIZED => (
            "unauthenticated",
            if it {
                "Accesso richiesto: entra con le tue credenziali."
            } else {
                "Login required: please log in."
            },
        ),
        StatusCode::NOT_FOUND => (
            "not_found",
            if it {
                "La risorsa richiesta non esiste."
            } else {
                "The requested resource does not exist."
            },
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            if it {
                "Metodo non consentito per questo indirizzo."
            } else {
                "Method not allowed for this address."
            },
        ),
        _ => (
            "forbidden",
            if it {
                "Non hai i permessi per questa operazione."
            } else {
                "You are not allowed to do this."
            },
        ),
    };
    ApiError::new(status, code, message).into_response()
}

/// A plain, accessible page for refused browser requests (no internals, bilingual).
fn refusal_page(status: StatusCode) -> String {
    let (it, en) = match status {
        StatusCode::NOT_FOUND => ("Pagina non trovata.", "Page not found."),
        StatusCode::UNAUTHORIZED => (
            "Per questa pagina devi accedere.",
            "You need to log in for this page.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => ("Operazione non consentita.", "Operation not allowed."),
        _ => (
            "Non hai i permessi per vedere questa pagina.",
            "You are not allowed to see this page.",
        ),
    };
    format!(
        "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{code} — WeMi</title><link rel=\"stylesheet\" href=\"/pkg/wemi.css\"></head>\
         <body><main class=\"container my-5\"><h1>{it}</h1><p lang=\"en\">{en}</p>\
         <p><a href=\"/\">Torna alla pagina iniziale</a> · <a href=\"/accedi\">Accedi</a></p>\
         </main></body></html>",
        code = status.as_u16()
    )
}

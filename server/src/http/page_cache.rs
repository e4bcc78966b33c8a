//! A short-lived cache of the public catalogue pages for visitors without a session, so one
//! small machine can serve a city: a page is rendered once and then served from memory for
//! `TTL` (the catalogue changes rarely, and a validated change shows within seconds).
//!
//! Each response still gets its own CSP nonce: the cached page is stored with the nonce it was
//! rendered with, which is replaced by a fresh one in the body and in the header every time.

use std::collections::HashMap;
// A panic while the lock is held cannot leave an entry half-written, so a poisoned lock is
// still usable: serving goes on rather than failing every later request.
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use app::i18n::Locale;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};

pub const TTL: Duration = Duration::from_secs(10);
const MAX_ENTRIES: usize = 2_000;
const MAX_BYTES: usize = 64 * 1024 * 1024;
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// Pages that are the same for every visitor (no personal data, no form state).
fn cacheable_path(path: &str) -> bool {
    path == "/"
        || path == "/spazi"
        || path == "/servizi"
        || path == "/enti"
        || ["/servizi/", "/enti/", "/categorie/", "/destinatari/"]
            .iter()
            .any(|p| path.starts_with(p))
}

/// Only the language cookie may be present: any other cookie may mean a session, and then the
/// page is rendered for that visitor.
fn anonymous(headers: &HeaderMap) -> bool {
    headers.get_all(header::COOKIE).iter().all(|value| {
        value.to_str().is_ok_and(|v| {
            v.split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .all(|c| c.starts_with("wemi_lang="))
        })
    }) && !headers.contains_key(header::AUTHORIZATION)
}

struct Entry {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    nonce: String,
    /// Where the nonce appears in `body`, found once when the page is stored.
    nonce_at: Vec<usize>,
    stored: Instant,
}

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<(Locale, String), Arc<Entry>>>,
}

impl PageCache {
    fn get(&self, key: &(Locale, String)) -> Option<Arc<Entry>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(key)
            .filter(|e| e.stored.elapsed() < TTL)
            .cloned()
    }

    fn put(&self, key: (Locale, String), entry: Entry) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let bytes: usize = entries.values().map(|e| e.body.len()).sum();
        if entries.len() >= MAX_ENTRIES || bytes + entry.body.len() > MAX_BYTES {
            // Crude but bounded: start over rather than track recency.
            entries.retain(|_, e| e.stored.elapsed() < TTL);
            if entries.len() >= MAX_ENTRIES / 2 {
                entries.clear();
            }
        }
        entries.insert(key, Arc::new(entry));
    }
}

/// The nonce of a Content-Security-Policy header (`'nonce-XXXX'`).
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = csp.find("'nonce-")? + 7;
    let end = csp[start..].find('\'')? + start;
    Some(csp[start..end].to_string())
}

fn fresh_nonce() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// `body` with the `len` bytes at each of `positions` replaced by `to`.
fn splice(body: &[u8], positions: &[usize], len: usize, to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + positions.len() * to.len());
    let mut from = 0;
    for &at in positions {
        out.extend_from_slice(&body[from..at]);
        out.extend_from_slice(to);
        from = at + len;
    }
    out.extend_from_slice(&body[from..]);
    out
}

fn positions(body: &[u8], needle: &[u8]) -> Vec<usize> {
    memchr::memmem::find_iter(body, needle).collect()
}

fn respond(entry: &Entry) -> Response {
    let nonce = fresh_nonce();
    let body = splice(
        &entry.body,
        &entry.nonce_at,
        entry.nonce.len(),
        nonce.as_bytes(),
    );
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = entry.status;
    for (name, value) in &entry.headers {
        let value = if name == header::CONTENT_SECURITY_POLICY {
            let text = value
                .to_str()
                .unwrap_or_default()
                .replace(&entry.nonce, &nonce);
            HeaderValue::from_str(&text).unwrap_or_else(|_| value.clone())
        } else {
            value.clone()
        };
        response.headers_mut().append(name.clone(), value);
    }
    response
        .headers_mut()
        .insert("x-wemi-cache", HeaderValue::from_static("hit"));
    response
}

pub async fn serve(cache: Arc<PageCache>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if request.method() != Method::GET || !cacheable_path(path) || !anonymous(request.headers()) {
        return next.run(request).await;
    }
    let locale = request
        .extensions()
        .get::<Locale>()
        .copied()
        .unwrap_or_default();
    let key = (
        locale,
        request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
    );
    if let Some(entry) = cache.get(&key) {
        return respond(&entry);
    }
    let response = next.run(request).await;
    let storable = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND)
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    let Some(nonce) = nonce_of(response.headers()).filter(|_| storable) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut headers = parts.headers.clone();
    headers.remove("x-request-id");
    headers.remove(header::CONTENT_LENGTH);
    cache.put(
        key,
        Entry {
            status: parts.status,
            headers,
            nonce_at: positions(&body, nonce.as_bytes()),
            body: body.clone(),
            nonce,
            stored: Instant::now(),
        },
    );
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_requests_are_cached() {
        assert!(cacheable_path("/servizi"));
        assert!(cacheable_path("/servizi/babysitting"));
        assert!(!cacheable_path("/lavoro-domestico/calcolatore"));
        assert!(!cacheable_path("/api/v1/services"));
        let mut headers = HeaderMap::new();
        assert!(anonymous(&headers));
        headers.insert(header::COOKIE, HeaderValue::from_static("wemi_lang=en"));
        assert!(anonymous(&headers));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("wemi_lang=en; wemi_session=x"),
        );
        assert!(!anonymous(&headers));
    }

    #[test]
    fn nonces_are_replaced_everywhere() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-abc123'; object-src 'none'"),
        );
        assert_eq!(nonce_of(&headers).as_deref(), Some("abc123"));
        let body = b"<script nonce=\"abc123\"> abc123";
        let at = positions(body, b"abc123");
        assert_eq!(at, vec![15, 24]);
        assert_eq!(splice(body, &at, 6, b"XYZ"), b"<script nonce=\"XYZ\"> XYZ");
    }
}

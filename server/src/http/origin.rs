//! Refuses state-changing requests sent by another site (CSRF defence, CONTRACT.md):
//! any method but GET/HEAD/OPTIONS whose `Origin` is not this site, or that the browser marks
//! `Sec-Fetch-Site: cross-site`, gets `403`. Requests without these headers (programs, curl)
//! pass: they carry no ambient browser credentials of another site.

use app::i18n::Locale;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{Method, StatusCode, header};

pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let cross_site_fetch = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
    let foreign_origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
            !same_site(origin, host)
        });
    if cross_site_fetch || foreign_origin {
        tracing::warn!(uri = %req.uri(), "refused a cross-site state-changing request");
        let message = match req
            .extensions()
            .get::<Locale>()
            .copied()
            .unwrap_or_default()
        {
            Locale::It => "Richiesta rifiutata: proviene da un altro sito.",
            Locale::En => "Request refused: it comes from another site.",
        };
        return crate::rest::error::ApiError::new(
            StatusCode::FORBIDDEN,
            "cross_site_request",
            message,
        )
        .into_response();
    }
    next.run(req).await
}

/// `origin` is `scheme://host[:port]`; it is this site when its authority equals `Host`.
fn same_site(origin: &str, host: Option<&str>) -> bool {
    let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    match host {
        Some(host) => !authority.is_empty() && authority.eq_ignore_ascii_case(host),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::same_site;

    #[test]
    fn origin_must_match_host() {
        assert!(same_site("http://127.0.0.1:3000", Some("127.0.0.1:3000")));
        assert!(!same_site("https://evil.example", Some("127.0.0.1:3000")));
        assert!(!same_site("null", Some("127.0.0.1:3000")));
        assert!(!same_site("http://127.0.0.1:3000", None));
    }
}

//! Request body limits by route: 2 MB for every form, server function and API call; more only
//! for the upload forms that need it (a provider's quote PDF, a worker's documents, the city's
//! voucher file). A declared length over the limit is refused at once (413); a body without
//! one is cut at the limit, which the extractors answer with 413 too.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;

/// The default limit.
pub const DEFAULT_BYTES: usize = 2 * 1024 * 1024;
/// Room for a multipart form's other fields and boundaries around its file.
const FORM_OVERHEAD: usize = 64 * 1024;

/// The largest body a path accepts.
pub fn limit_for(path: &str) -> usize {
    if path == "/amministrazione/voucher/importa" {
        crate::buying::voucher_import::MAX_FILE_BYTES + FORM_OVERHEAD
    } else if path == "/lavoro-domestico/candidatura/documenti" {
        crate::domestic::MAX_DOCUMENT_BYTES + FORM_OVERHEAD
    } else if path.starts_with("/ente/preventivi/") && path.ends_with("/allegato") {
        crate::buying::quotes::MAX_OFFER_PDF_BYTES + FORM_OVERHEAD
    } else {
        DEFAULT_BYTES
    }
}

pub async fn limit_body(request: Request, next: Next) -> Response {
    let limit = limit_for(request.uri().path());
    let declared = request
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_get_their_own_limits() {
        assert_eq!(limit_for("/fn/login"), DEFAULT_BYTES);
        assert!(limit_for("/amministrazione/voucher/importa") > 16 * 1024 * 1024);
        assert!(limit_for("/lavoro-domestico/candidatura/documenti") > 5 * 1024 * 1024);
        assert!(limit_for("/ente/preventivi/PR-1/allegato") > 5 * 1024 * 1024);
        assert_eq!(limit_for("/ente/preventivi/PR-1"), DEFAULT_BYTES);
    }
}

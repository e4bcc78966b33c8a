//! `GET /area-personale/ordini/{reference}/ricevuta.pdf` (and the provider's twin under
//! `/ente/ordini/`): the order's payment receipt. The route rules (logged in, provider staff)
//! ran before this; the buying service decides whether this person may see this order.

use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::BuyingError;
use axum::extract::{Extension, Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};

use crate::buying::BuyingService;

pub async fn download(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    Path(reference): Path<String>,
) -> Response {
    let Some(Extension(current)) = current else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match crate::buying::receipts::receipt(&buying, &current.user, &reference, locale).await {
        Ok((filename, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => {
            let status = match err {
                BuyingError::NotFound => StatusCode::NOT_FOUND,
                BuyingError::NotAllowedNow => StatusCode::CONFLICT,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                err.message(locale),
            )
                .into_response()
        }
    }
}

/// `GET /ente/ordini/rendiconto.csv?mese=YYYY-MM`: the provider's payout report of a month.
pub async fn payouts(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Response {
    let Some(Extension(current)) = current else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let month = query.get("mese").map(String::as_str);
    match crate::buying::payouts::report(&buying, &current.user, month).await {
        Ok((filename, text)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            text,
        )
            .into_response(),
        Err(err) => {
            let status = match err {
                BuyingError::InvalidField(_) => StatusCode::BAD_REQUEST,
                BuyingError::Forbidden | BuyingError::NotFound => StatusCode::NOT_FOUND,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                err.message(locale),
            )
                .into_response()
        }
    }
}

//! The error format of the JSON API: `{"error": {"code", "message", "field"}}` with a 4xx
//! status for bad input. Internal failures are logged and answered with a generic 500/503.

use app::i18n::Locale;
use app::ports::StoreError;
use axum::Json;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde_json::json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            field: Some(field),
            ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message)
        }
    }

    /// A refused search parameter (`domain::search::ParamError`), in the request's language.
    pub fn param(err: &domain::search::ParamError, locale: Locale) -> ApiError {
        let message = match locale {
            Locale::It => err.message_it(),
            Locale::En => err.message_en(),
        };
        ApiError::invalid(err.field, message)
    }

    pub fn not_found(locale: Locale) -> ApiError {
        let message = match locale {
            Locale::It => "La risorsa richiesta non esiste.",
            Locale::En => "The requested resource does not exist.",
        };
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn store(err: StoreError, locale: Locale) -> ApiError {
        match err {
            StoreError::NotFound => ApiError::not_found(locale),
            StoreError::Conflict(msg) => ApiError::new(StatusCode::CONFLICT, "conflict", msg),
            StoreError::Backend(detail) => {
                tracing::error!(%detail, "store failure in the JSON API");
                let message = match locale {
                    Locale::It => "Servizio momentaneamente non disponibile, riprova tra poco.",
                    Locale::En => "Service temporarily unavailable, please try again shortly.",
                };
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body =
            json!({"error": {"code": self.code, "message": self.message, "field": self.field}});
        (self.status, Json(body)).into_response()
    }
}

pub async fn not_found(locale: Option<axum::Extension<Locale>>) -> ApiError {
    ApiError::not_found(locale.map(|l| l.0).unwrap_or_default())
}

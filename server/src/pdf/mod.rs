//! PDF documents (being written).

use axum::response::IntoResponse;
use http::StatusCode;

/// `GET /lavoro-domestico/calcolatore.pdf?…`: the calculation summary as a PDF.
pub async fn calculator_pdf() -> impl IntoResponse {
    StatusCode::NOT_FOUND
}

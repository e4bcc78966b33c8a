//! JSON API v1 for integrators (../shared/CONTRACT.md "JSON API"). Thin handlers: parse and
//! check the query, call the store, shape the JSON. Money is a 2-decimal string.

mod calculator;
mod catalog;
pub mod error;
mod paging;

use axum::Router;
use axum::routing::{get, post};

use crate::http::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/categories", get(catalog::categories))
        .route("/providers", get(catalog::providers))
        .route("/providers/{id}", get(catalog::provider))
        .route("/spaces", get(catalog::spaces))
        .route("/calculator/domestic-work", post(calculator::domestic_work))
        .fallback(error::not_found)
}

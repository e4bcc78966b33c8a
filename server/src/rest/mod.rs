//! JSON API v1 for integrators (../shared/CONTRACT.md "JSON API"). Thin handlers: parse and
//! check the query, call the store, shape the JSON. Money is a 2-decimal string.

mod catalog;
pub mod error;
mod paging;

use axum::Router;
use axum::routing::get;

use crate::http::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/categories", get(catalog::categories))
        .route("/providers", get(catalog::providers))
        .route("/providers/{id}", get(catalog::provider))
        .route("/spaces", get(catalog::spaces))
        .fallback(error::not_found)
}

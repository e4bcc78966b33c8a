//! JSON API v1 for integrators (../shared/CONTRACT.md "JSON API"). Thin handlers: parse and
//! check the query, call the store, shape the JSON. Money is a 2-decimal string.
//!
//! Every route is registered through utoipa's router, so `/api/v1/openapi.json` is generated
//! from the handlers' annotations and the response types themselves.

mod accounts;
mod calculator;
mod catalog;
pub mod dto;
pub mod error;
pub mod paging;
mod services;

use std::sync::OnceLock;

use axum::{Json, Router};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "WeMi API",
        description = "Public JSON API of WeMi, the City of Milan's welfare portal. \
            Money is a decimal string with two digits (euro). Errors are \
            `{\"error\": {\"code\", \"message\", \"field\"}}` with a 4xx status. \
            `Accept-Language` or `?lang=it|en` picks the language.",
        license(name = "EUPL-1.2"),
    ),
    servers((url = "/api/v1")),
    tags(
        (name = "catalogue", description = "Services, providers, categories, WeMi spaces"),
        (name = "calculator", description = "Domestic-work cost calculator"),
        (name = "accounts", description = "Sessions, the logged-in user, GDPR export, audit log"),
        (name = "meta", description = "This document"),
    )
)]
struct ApiDoc;

/// The OpenAPI 3.1 description of this API (this document).
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
async fn openapi_document() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(DOCUMENT.get_or_init(|| openapi_router().1))
}

static DOCUMENT: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();

/// The API routes and their OpenAPI description.
pub fn openapi_router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(catalog::categories))
        .routes(routes!(services::list))
        .routes(routes!(services::one))
        .routes(routes!(catalog::providers))
        .routes(routes!(catalog::provider))
        .routes(routes!(catalog::spaces))
        .routes(routes!(calculator::domestic_work))
        .routes(routes!(
            accounts::login,
            accounts::logout,
            accounts::session
        ))
        .routes(routes!(accounts::me))
        .routes(routes!(accounts::export))
        .routes(routes!(accounts::audit_log))
        .routes(routes!(openapi_document))
        .split_for_parts()
}

pub fn router() -> Router<AppState> {
    let (router, api) = openapi_router();
    let _ = DOCUMENT.set(api);
    router.fallback(error::not_found)
}

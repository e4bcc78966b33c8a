//! Static files of the built site: the WASM bundle, Bootstrap Italia, icons, the PWA files.
//! Served with their precompressed `.br`/`.gz` twins when the build made them.

use std::path::Path;

use axum::Router;
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use leptos::prelude::LeptosOptions;
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use super::AppState;

pub fn router(options: &LeptosOptions) -> Router<AppState> {
    let root = Path::new(options.site_root.as_ref());
    let dir = |sub: &str, cache: &'static str| {
        ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                CACHE_CONTROL,
                HeaderValue::from_static(cache),
            ))
            .service(
                ServeDir::new(root.join(sub))
                    .precompressed_br()
                    .precompressed_gzip(),
            )
    };
    // The service worker and the manifest must always be fresh, so updates reach phones.
    let fresh = |file: &str| {
        ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                CACHE_CONTROL,
                HeaderValue::from_static("no-cache"),
            ))
            .service(ServeFile::new(root.join(file)))
    };
    Router::new()
        .nest_service(
            "/pkg",
            dir(options.site_pkg_dir.as_ref(), "public, max-age=300"),
        )
        .nest_service("/assets", dir("assets", "public, max-age=86400"))
        .nest_service("/icons", dir("icons", "public, max-age=86400"))
        .route_service("/sw.js", fresh("sw.js"))
        .route_service("/manifest.webmanifest", fresh("manifest.webmanifest"))
        .route_service("/offline.html", fresh("offline.html"))
        .route_service("/robots.txt", fresh("robots.txt"))
}

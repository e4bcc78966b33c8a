//! Server functions: thin — check input, call the store and the domain, return shared types.
//! They are mounted under `/fn/` (the JSON API for integrators lives under `/api/v1/`).

pub mod accounts;
pub mod appointments;
pub mod buying;
pub mod calculator;
pub mod catalog;
pub mod domestic;
pub mod feedback;
pub mod quotes;
pub mod report;
pub mod reviews;
pub mod services;
// Statistics (issue 8).
pub mod statistics;
// Administration (issue 8).
pub mod admin;

#[cfg(feature = "ssr")]
pub(crate) fn store() -> Result<crate::ports::SharedStore, leptos::prelude::ServerFnError> {
    leptos::prelude::use_context::<crate::ports::SharedStore>()
        .ok_or_else(|| leptos::prelude::ServerFnError::new("store not configured"))
}

/// Logs the real error and gives the visitor a generic one: no internals leak to users.
#[cfg(feature = "ssr")]
pub(crate) fn internal(err: impl std::fmt::Display) -> leptos::prelude::ServerFnError {
    leptos::logging::error!("server function failed: {err}");
    leptos::prelude::ServerFnError::new("internal error")
}

/// Refuses bad input with a 4xx status (server functions answer 500 on errors by default) and a
/// message the visitor can act on.
#[cfg(feature = "ssr")]
pub(crate) fn bad_input(message: &str) -> leptos::prelude::ServerFnError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    leptos::prelude::ServerFnError::new(message)
}

/// True for a browser's plain HTML form post (no JavaScript): the answer is then a redirect
/// back to a page, never a bare error body.
#[cfg(feature = "ssr")]
pub(crate) fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

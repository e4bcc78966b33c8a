//! Server functions: thin — check input, call the store and the domain, return shared types.
//! They are mounted under `/fn/` (the JSON API for integrators lives under `/api/v1/`).

pub mod catalog;
pub mod feedback;

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

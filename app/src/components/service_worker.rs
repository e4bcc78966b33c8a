use leptos::prelude::*;

/// Registers the service worker (`public/sw.js`: offline fallback page, cached catalogue)
/// once the page is hydrated. Renders nothing; without JavaScript there is simply no offline
/// support.
#[island]
pub fn ServiceWorker() -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().service_worker().register("/sw.js");
        }
    });
}

use leptos::prelude::*;
use leptos_meta::Title;

use crate::locale::use_t;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_t();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t.not_found_title />
        <div class="container my-5">
            <h1>{t.not_found_title}</h1>
            <p class="lead">{t.not_found_text}</p>
            <a class="btn btn-primary" href="/">{t.back_home}</a>
        </div>
    }
}

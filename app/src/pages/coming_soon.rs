//! Where the calls to action of a service page lead until buying, quotes and appointments
//! are online (`/prossimamente?servizio=...`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;

#[component]
pub fn ComingSoonPage() -> impl IntoView {
    let t = catalog(use_locale());
    // Only a well-formed slug goes back into a link.
    let service = use_query_map().with_untracked(|q| {
        q.get("servizio").filter(|s| {
            s.len() <= 80
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
    });
    let back = service.map(|slug| {
        view! { <a class="btn btn-primary" href=format!("/servizi/{slug}")>{t.back_to_service}</a> }
    });
    view! {
        <Title text=t.coming_soon_title />
        <div class="container my-4" id="coming-soon">
            <Breadcrumb current=t.coming_soon_title />
            <h1 class="mt-3">{t.coming_soon_title}</h1>
            <p class="lead">{t.coming_soon_text}</p>
            {back}
        </div>
    }
}

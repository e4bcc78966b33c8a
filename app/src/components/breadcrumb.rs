use leptos::prelude::*;

use crate::i18n::info::info;
use crate::locale::use_locale;

/// The PA breadcrumb (`data-element="breadcrumb"`): Home, the `trail` of (label, link), then
/// the current page.
#[component]
pub fn Breadcrumb(
    #[prop(into)] current: String,
    #[prop(optional)] trail: Vec<(String, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.t();
    let middle = trail
        .into_iter()
        .map(|(label, href)| {
            view! {
                <li class="breadcrumb-item">
                    <a href=href>{label}</a>
                    <span class="separator" aria-hidden="true">"/"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb-container" aria-label=info(locale).breadcrumb_label>
            <ol class="breadcrumb p-0" data-element="breadcrumb">
                <li class="breadcrumb-item">
                    <a href="/">{t.nav_home}</a>
                    <span class="separator" aria-hidden="true">"/"</span>
                </li>
                {middle}
                <li class="breadcrumb-item active" aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

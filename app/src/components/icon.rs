use leptos::prelude::*;

/// A Bootstrap Italia sprite icon, decorative (hidden from screen readers: the text next to it
/// carries the meaning).
#[component]
pub fn Icon(name: &'static str, #[prop(optional)] class: &'static str) -> impl IntoView {
    let href = format!("/assets/bootstrap-italia/svg/sprites.svg#{name}");
    view! {
        <svg class=format!("icon {class}") aria-hidden="true" focusable="false">
            <use_ href=href></use_>
        </svg>
    }
}

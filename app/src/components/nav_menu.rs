use leptos::prelude::*;

use super::icon::Icon;

use crate::i18n::Locale;

/// The main navigation. An island: on phones the toggle button opens and closes the menu.
///
/// Without JavaScript the island never wakes up, the toggle stays hidden and the style sheet
/// shows the links as a plain list (see `[data-hydrated]` in `style/main.css`). Once hydrated
/// the island marks itself with `data-hydrated`, which the end-to-end tests wait for.
#[island]
pub fn NavMenu(locale: Locale, current: String) -> impl IntoView {
    let t = locale.t();
    let (open, set_open) = signal(false);
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));

    let links = [
        ("/", t.nav_home),
        ("/servizi", t.nav_services),
        ("/lavoro-domestico", t.nav_domestic_work),
        ("/spazi", t.nav_spaces),
        ("/enti", t.nav_providers),
    ];
    let items = links
        .into_iter()
        .map(|(href, label)| {
            let active = if href == "/" {
                current == "/"
            } else {
                current.starts_with(href)
            };
            view! {
                <li class="nav-item">
                    <a
                        class=if active { "nav-link active" } else { "nav-link" }
                        href=href
                        aria-current=active.then_some("page")
                    >
                        <span>{label}</span>
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <nav
            class="navbar navbar-expand-lg has-megamenu"
            aria-label=t.main_navigation
            data-hydrated=move || hydrated.get().then_some("true")
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    set_open.set(false);
                }
            }
        >
            <button
                class="custom-navbar-toggler"
                type="button"
                aria-controls="main-menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                hidden=move || !hydrated.get()
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <Icon name="it-burger" class="icon-white" />
                <span class="visually-hidden">
                    {move || if open.get() { t.menu_close } else { t.menu_open }}
                </span>
            </button>
            <div
                class="navbar-collapsable"
                id="main-menu"
                class:expanded=move || open.get()
            >
                <div class="overlay" on:click=move |_| set_open.set(false)></div>
                <div class="close-div" hidden=move || !hydrated.get()>
                    <button
                        class="btn close-menu"
                        type="button"
                        on:click=move |_| set_open.set(false)
                    >
                        <span class="visually-hidden">{t.menu_close}</span>
                        <Icon name="it-close-big" />
                    </button>
                </div>
                <div class="menu-wrapper">
                    <ul class="navbar-nav">{items}</ul>
                </div>
            </div>
        </nav>
    }
}

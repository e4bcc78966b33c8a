use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{icon::Icon, nav_menu::NavMenu};
use crate::i18n::Locale;
use crate::locale::{path_with_lang, use_locale};

/// The Bootstrap Italia header: slim bar (city, languages, login), centre (name, search),
/// navigation.
#[component]
pub fn Header() -> impl IntoView {
    let locale = use_locale();
    let t = locale.t();
    let location = use_location();
    let user = crate::session::session_user();
    let cart_label = crate::i18n::buying::texts(locale).cart_title;
    let cart_href = format!("/carrello?lang={}", locale.code());
    let (login_href, login_label) = match &user {
        Some(u) => (
            format!("/area-personale?lang={}", locale.code()),
            u.name.clone(),
        ),
        None => ("/accedi".to_string(), t.personal_area_login.to_string()),
    };
    let here = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };

    let languages = Locale::ALL
        .into_iter()
        .map(|l| {
            let href = path_with_lang(&here(), l);
            let current = (l == locale).then_some("true");
            view! {
                <li>
                    <a
                        class="lang-link"
                        href=href
                        lang=l.code()
                        hreflang=l.code()
                        aria-current=current
                    >
                        {l.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <header class="it-header-wrapper" data-bs-target="#header-nav-wrapper">
            <div class="it-header-slim-wrapper">
                <div class="container">
                    <div class="row">
                        <div class="col-12">
                            <div class="it-header-slim-wrapper-content">
                                <a class="d-lg-block navbar-brand" href="https://www.comune.milano.it">
                                    {t.city_name}
                                </a>
                                <div class="it-header-slim-right-zone" role="navigation" aria-label=t.language_label>
                                    <ul class="list-inline mb-0 lang-list">{languages}</ul>
                                    <a class="text-white me-3" href=cart_href id="header-cart">{cart_label}</a>
                                    <a
                                        class="btn btn-primary btn-icon btn-full"
                                        href=login_href
                                        data-element="personal-area-login"
                                        id="header-account"
                                    >
                                        <span class="rounded-icon" aria-hidden="true">
                                            <Icon name="it-user" class="icon-primary" />
                                        </span>
                                        <span class="d-none d-lg-block">{login_label.clone()}</span>
                                        <span class="visually-hidden d-lg-none">{login_label}</span>
                                    </a>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <div class="it-nav-wrapper">
                <div class="it-header-center-wrapper">
                    <div class="container">
                        <div class="row">
                            <div class="col-12">
                                <div class="it-header-center-content-wrapper">
                                    <div class="it-brand-wrapper">
                                        <a href="/">
                                            <img
                                                class="icon"
                                                src="/icons/logo.svg"
                                                alt=""
                                                width="82"
                                                height="82"
                                            />
                                            <div class="it-brand-text">
                                                <div class="it-brand-title">{t.site_name}</div>
                                                <div class="it-brand-tagline d-none d-md-block">
                                                    {t.site_tagline}
                                                </div>
                                            </div>
                                        </a>
                                    </div>
                                    <div class="it-right-zone">
                                        <form class="it-search-wrapper" action="/servizi" method="get" role="search">
                                            <label class="visually-hidden" for="header-search">
                                                {t.search_label}
                                            </label>
                                            <input
                                                id="header-search"
                                                class="form-control header-search-input"
                                                type="search"
                                                name="q"
                                                placeholder=t.search_placeholder
                                                maxlength="200"
                                            />
                                            <button class="search-link rounded-icon btn" type="submit">
                                                <Icon name="it-search" />
                                                <span class="visually-hidden">{t.search_button}</span>
                                            </button>
                                        </form>
                                    </div>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
                <div class="it-header-navbar-wrapper" id="header-nav-wrapper">
                    <div class="container">
                        <div class="row">
                            <div class="col-12">
                                <NavMenu
                                    locale=locale
                                    current=location.pathname.get_untracked()
                                />
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </header>
    }
}

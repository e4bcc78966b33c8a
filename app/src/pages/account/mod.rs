//! Account pages: login, registration, e-mail verification, password reset, the area
//! personale and the audit log. Plain forms posting to server functions (they work without
//! JavaScript); messages come back as codes in the URL and are shown here, localized.

pub mod area;
pub mod assist;
pub mod audit;
pub mod feedback_results;
pub mod kiosk;
pub mod login;
pub mod password;
pub mod register;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::Locale;
use crate::i18n::accounts::app_error::AccountErrorKind;
use crate::i18n::accounts::{error_message, texts};

/// The error a refused form post came back with (`?errore=` code), if any.
pub fn query_error() -> Option<AccountErrorKind> {
    use_query_map().with_untracked(|q| {
        q.get("errore")
            .and_then(|c| AccountErrorKind::from_code(&c))
    })
}

/// Whether the query has this flag (`?inviato=1` …).
pub fn query_flag(name: &str) -> bool {
    use_query_map().with_untracked(|q| q.get(name).is_some())
}

pub fn query_value(name: &str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(name))
}

/// The error summary at the top of a form: focusable, announced, linking to the field.
#[component]
pub fn ErrorSummary(
    locale: Locale,
    error: Option<AccountErrorKind>,
    form: &'static str,
) -> impl IntoView {
    error.map(|err| {
        let message = error_message(locale, &err);
        let link = err.field().map(|f| format!("#{form}-{f}"));
        view! {
            <div class="alert alert-danger" role="alert" tabindex="-1" id=format!("{form}-errors")>
                <p class="mb-1 fw-semibold">{texts(locale).errors_title}</p>
                {match link {
                    Some(href) => view! { <a href=href>{message}</a> }.into_any(),
                    None => view! { <span>{message}</span> }.into_any(),
                }}
            </div>
        }
    })
}

/// A success message.
#[component]
pub fn Notice(#[prop(into)] text: String) -> impl IntoView {
    view! { <div class="alert alert-success" role="status">{text}</div> }
}

/// The session's CSRF token, carried by every form of a logged-in page.
#[component]
pub fn CsrfField() -> impl IntoView {
    let token = crate::session::session_user()
        .map(|u| u.csrf_token)
        .unwrap_or_default();
    view! { <input type="hidden" name="csrf_token" value=token /> }
}

/// A labelled text input with hint and error state (Bootstrap Italia markup).
#[component]
pub fn Field(
    form: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(default = 254)] maxlength: u32,
    #[prop(optional)] invalid: bool,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="form-group">
            <label for=id.clone() class="active">{label}</label>
            <input
                type=kind
                id=id
                name=name
                class="form-control"
                value=value
                autocomplete=autocomplete
                required=required
                maxlength=maxlength.to_string()
                aria-describedby=described
                aria-invalid=invalid.then_some("true")
            />
            {hint.map(|h| view! { <small id=hint_id class="form-text">{h}</small> })}
        </div>
    }
}

/// What a page shows when its data could not be loaded: the server function's message (already
/// localized, never internals), as an alert.
pub fn load_error(err: &ServerFnError) -> AnyView {
    let message = match err {
        ServerFnError::ServerError(message) => message.clone(),
        other => other.to_string(),
    };
    view! { <div class="alert alert-danger" role="alert">{message}</div> }.into_any()
}

//! `/registrati` (a new account) and `/verifica-email` (the link of the confirmation e-mail).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, Notice, query_error, query_flag, query_value};
use crate::api::accounts::{Register, VerifyEmail};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::texts;
use crate::locale::use_locale;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let field = error.and_then(|e| e.field());
    let body = if query_flag("inviato") {
        view! {
            <h2 class="h4">{t.register_done_title}</h2>
            <Notice text=t.register_done />
        }
        .into_any()
    } else {
        view! {
            <ErrorSummary locale=locale error=error form="register" />
            <form method="post" action=Register::url() id="register-form" class="col-12 col-lg-8">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <Field form="register" name="name" label=t.name hint=t.name_hint autocomplete="name" maxlength=100 invalid=field == Some("name") />
                <Field form="register" name="email" label=t.email kind="email" autocomplete="email" invalid=field == Some("email") />
                <Field form="register" name="password" label=t.password kind="password" hint=t.password_hint autocomplete="new-password" maxlength=512 invalid=field == Some("password") />
                <div class="form-check mb-4" id="register-privacy">
                    <input type="checkbox" id="register-privacy-check" name="privacy" required=true
                        aria-invalid=(field == Some("privacy")).then_some("true") />
                    <label for="register-privacy-check">{t.privacy_accept}</label>
                    <p class="mt-1"><a href=format!("/privacy?lang={}", locale.code())>{t.privacy_link}</a></p>
                </div>
                <button type="submit" class="btn btn-primary">{t.register_button}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=t.register_title />
        <div class="container my-4" id="register-page">
            <Breadcrumb current=t.register_title />
            <h1 class="mt-3">{t.register_title}</h1>
            <p class="lead">{t.register_lead}</p>
            {body}
        </div>
    }
}

/// Shows a button rather than confirming on arrival: mail scanners that open links must not
/// use them up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let token = query_value("token").unwrap_or_default();
    view! {
        <Title text=t.verify_title />
        <div class="container my-4" id="verify-page">
            <Breadcrumb current=t.verify_title />
            <h1 class="mt-3">{t.verify_title}</h1>
            <ErrorSummary locale=locale error=error form="verify" />
            {(!token.is_empty()).then(|| view! {
                <p class="lead">{t.verify_lead}</p>
                <form method="post" action=VerifyEmail::url() id="verify-form">
                    <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                    <input type="hidden" name="token" value=token.clone() />
                    <button type="submit" class="btn btn-primary">{t.verify_button}</button>
                </form>
            })}
        </div>
    }
}

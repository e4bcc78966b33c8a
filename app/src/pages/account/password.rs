//! `/password-dimenticata` (ask for a reset link) and `/reimposta-password` (choose a new one).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, Notice, query_error, query_flag, query_value};
use crate::api::accounts::{ForgotPassword, ResetPassword};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::texts;
use crate::locale::use_locale;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let body = if query_flag("inviato") {
        view! { <Notice text=t.forgot_done /> }.into_any()
    } else {
        view! {
            <ErrorSummary locale=locale error=error form="forgot" />
            <form method="post" action=ForgotPassword::url() id="forgot-form" class="col-12 col-lg-6">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <Field form="forgot" name="email" label=t.email kind="email" autocomplete="email" invalid=error.is_some() />
                <button type="submit" class="btn btn-primary">{t.forgot_button}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=t.forgot_title />
        <div class="container my-4" id="forgot-page">
            <Breadcrumb current=t.forgot_title />
            <h1 class="mt-3">{t.forgot_title}</h1>
            <p class="lead">{t.forgot_lead}</p>
            {body}
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let token = query_value("token").unwrap_or_default();
    view! {
        <Title text=t.reset_title />
        <div class="container my-4" id="reset-page">
            <Breadcrumb current=t.reset_title />
            <h1 class="mt-3">{t.reset_title}</h1>
            <p class="lead">{t.reset_lead}</p>
            <ErrorSummary locale=locale error=error form="reset" />
            <form method="post" action=ResetPassword::url() id="reset-form" class="col-12 col-lg-6">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <input type="hidden" name="token" value=token />
                <Field form="reset" name="password" label=t.new_password kind="password" hint=t.password_hint autocomplete="new-password" maxlength=512 invalid=error.is_some() />
                <button type="submit" class="btn btn-primary">{t.reset_button}</button>
            </form>
        </div>
    }
}

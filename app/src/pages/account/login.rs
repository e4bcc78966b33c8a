//! `/accedi`: login with SPID/CIE (the identity broker) or with e-mail and password.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, Notice, query_error, query_flag, query_value};
use crate::api::accounts::{Login, identity_login_available, safe_next};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::texts;
use crate::locale::use_locale;

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let next = safe_next(query_value("next").as_deref());
    let notice = if query_flag("uscito") {
        Some(t.logged_out)
    } else if query_flag("verificato") {
        Some(t.verify_done)
    } else if query_flag("reimpostata") {
        Some(t.reset_done)
    } else {
        None
    };
    let spid = Resource::new(|| (), |_| identity_login_available());
    let spid_href = {
        let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        format!(
            "/accedi/identita-digitale?next={next}&lang={}",
            locale.code()
        )
    };
    let invalid = error.is_some_and(|e| e.field().is_none());
    // On a kiosk tablet the browser must not offer to remember or fill in credentials.
    let kiosk = crate::session::kiosk_device().is_some();
    let (user_ac, password_ac) = if kiosk {
        ("off", "off")
    } else {
        ("username", "current-password")
    };
    view! {
        <Title text=t.login_title />
        <div class="container my-4" id="login-page">
            <Breadcrumb current=t.login_title />
            <h1 class="mt-3">{t.login_title}</h1>
            <p class="lead">{t.login_lead}</p>
            {notice.map(|n| view! { <Notice text=n /> })}
            <div class="row mt-4 g-4">
                <section class="col-12 col-lg-6" aria-labelledby="login-spid-title">
                    <div class="card card-bg h-100"><div class="card-body">
                        <h2 class="h4" id="login-spid-title">{t.spid_title}</h2>
                        <p>{t.spid_lead}</p>
                        <Suspense fallback=|| ()>
                            {move || spid.get().map(|available| {
                                if available.unwrap_or(false) {
                                    view! {
                                        <a class="btn btn-primary btn-lg" href=spid_href.clone() id="login-spid">
                                            {t.spid_button}
                                        </a>
                                    }.into_any()
                                } else {
                                    view! { <p class="text-secondary">{t.spid_unavailable}</p> }.into_any()
                                }
                            })}
                        </Suspense>
                    </div></div>
                </section>
                <section class="col-12 col-lg-6" aria-labelledby="login-password-title">
                    <div class="card card-bg h-100"><div class="card-body">
                        <h2 class="h4" id="login-password-title">{t.password_login_title}</h2>
                        <ErrorSummary locale=locale error=error form="login" />
                        <form method="post" action=Login::url() id="login-form">
                            <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                            <input type="hidden" name="next" value=next.clone() />
                            <Field form="login" name="email" label=t.email kind="email" autocomplete=user_ac invalid=invalid />
                            <Field form="login" name="password" label=t.password kind="password" autocomplete=password_ac maxlength=512 invalid=invalid />
                            <button type="submit" class="btn btn-primary">{t.login_button}</button>
                        </form>
                        <ul class="list-unstyled mt-3">
                            <li><a href=format!("/password-dimenticata?lang={}", locale.code())>{t.forgot_link}</a></li>
                            <li><a href=format!("/registrati?lang={}", locale.code())>{t.register_link}</a></li>
                        </ul>
                    </div></div>
                </section>
            </div>
        </div>
    }
}

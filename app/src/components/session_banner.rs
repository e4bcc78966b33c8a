//! The permanent banner of assisted mode: whose account the operator is using, until when,
//! and the button that ends it. Shown on every page while assisted mode lasts.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::accounts::EndAssistance;
use crate::i18n::accounts::assist_texts;
use crate::locale::use_locale;
use crate::pages::account::CsrfField;
use crate::session::session_user;

#[component]
pub fn AssistedBanner() -> impl IntoView {
    let locale = use_locale();
    let t = assist_texts(locale);
    session_user().and_then(|user| {
        let operator = user.assisted_by?;
        Some(view! {
            <div class="assisted-banner" role="region" aria-label=t.title id="assisted-banner">
                <div class="container d-flex flex-wrap align-items-center gap-3 py-2">
                    <p class="mb-0">
                        <strong>{format!("{} {}", t.banner, user.name)}</strong>
                        {format!(" — {} {} ({})", t.banner_until, operator.until_rome, operator.name)}
                    </p>
                    <form method="post" action=EndAssistance::url() class="ms-auto">
                        <CsrfField />
                        <input type="hidden" name="lang" value=locale.code() />
                        <button type="submit" class="btn btn-sm btn-light">{t.end}</button>
                    </form>
                </div>
            </div>
        })
    })
}

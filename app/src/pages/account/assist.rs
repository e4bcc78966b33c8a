//! `/operatore/assistenza`: a WeMi space operator starts assisted mode for a citizen, with the
//! citizen's consent (an e-mailed code or a signed paper form).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, Notice, query_error, query_flag, query_value};
use crate::api::accounts::{BeginAssistance, ConfirmAssistance, assist_page};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::assist_texts;
use crate::locale::use_locale;

#[component]
pub fn AssistPage() -> impl IntoView {
    let locale = use_locale();
    let t = assist_texts(locale);
    let error = query_error();
    let field = error.and_then(|e| e.field());
    let consent: Option<i64> = query_value("consenso").and_then(|c| c.parse().ok());
    let data = Resource::new(|| (), |_| assist_page());
    let code_form = consent.map(|id| {
        view! {
            <section class="mb-5" aria-labelledby="assist-code-title">
                <h2 class="h4" id="assist-code-title">{t.code_title}</h2>
                <p>{t.code_lead}</p>
                <form method="post" action=ConfirmAssistance::url() id="assist-code-form" class="col-12 col-md-6">
                    <CsrfField />
                    <input type="hidden" name="lang" value=locale.code() />
                    <input type="hidden" name="consent" value=id.to_string() />
                    <Field form="assist" name="code" label=t.code kind="text" autocomplete="one-time-code" maxlength=12 invalid=field == Some("code") />
                    <button type="submit" class="btn btn-primary">{t.confirm}</button>
                </form>
            </section>
        }
    });
    view! {
        <Title text=t.title />
        <div class="container my-4" id="assist-page">
            <Breadcrumb current=t.title />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            {query_flag("terminata").then(|| view! { <Notice text=t.ended /> })}
            <ErrorSummary locale=locale error=error form="assist" />
            {code_form}
            <Suspense fallback=|| ()>
                {move || data.get().map(|d| match d {
                    Err(e) => super::load_error(&e),
                    Ok(page) => {
                        let spaces = page.spaces.iter().map(|(id, name)| {
                            view! { <option value=id.to_string()>{name.clone()}</option> }
                        }).collect_view();
                        let consents = if page.consents.is_empty() {
                            view! { <p>{t.none}</p> }.into_any()
                        } else {
                            let items = page.consents.iter().map(|c| {
                                let status = if c.ended_at.is_some() { t.status_ended }
                                    else if c.confirmed_at.is_some() { t.status_active }
                                    else { t.status_waiting };
                                view! { <li>{format!("#{} — {} — {} — {}", c.id, c.citizen_name, c.space_name, status)}</li> }
                            }).collect_view();
                            view! { <ul>{items}</ul> }.into_any()
                        };
                        view! {
                            <form method="post" action=BeginAssistance::url() id="assist-form" class="col-12 col-lg-8 mb-5">
                                <CsrfField />
                                <input type="hidden" name="lang" value=locale.code() />
                                <Field form="assist" name="citizen" label=t.citizen hint=t.citizen_hint autocomplete="off" invalid=field == Some("citizen") />
                                <div class="form-group">
                                    <label for="assist-space" class="active">{t.space}</label>
                                    <select id="assist-space" name="space" class="form-select">{spaces}</select>
                                </div>
                                <fieldset class="mb-4" id="assist-method">
                                    <legend class="h6">{t.method}</legend>
                                    <div class="form-check">
                                        <input type="radio" name="method" id="assist-method-code" value="code" checked=true />
                                        <label for="assist-method-code">{t.method_code}</label>
                                    </div>
                                    <div class="form-check">
                                        <input type="radio" name="method" id="assist-method-paper" value="paper" />
                                        <label for="assist-method-paper">{t.method_paper}</label>
                                    </div>
                                </fieldset>
                                <Field form="assist" name="reference" label=t.reference hint=t.reference_hint required=false maxlength=60 invalid=field == Some("reference") />
                                <button type="submit" class="btn btn-primary">{t.start}</button>
                            </form>
                            <section aria-labelledby="assist-recent-title">
                                <h2 class="h4" id="assist-recent-title">{t.recent}</h2>
                                {consents}
                            </section>
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

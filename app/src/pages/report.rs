//! "Segnala un disservizio" (`data-element="report-inefficiency"` in the footer): a plain form
//! that stores the report for the city's offices.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::account::CsrfField;
use super::info::InfoPageView;
use crate::api::report::SubmitProblemReport;
use crate::i18n::info::info;
use crate::locale::use_locale;

#[component]
pub fn ReportPage() -> impl IntoView {
    let locale = use_locale();
    let texts = info(locale);
    let query = use_query_map().get_untracked();
    let sent = query.get("inviata").is_some();
    // Set by the server function when a plain form post was refused.
    let error_field = query.get("errore");
    let error_for = |field: &str| error_field.as_deref() == Some(field);
    let error_text = |field: &str| match field {
        "category" => texts.report_invalid_category,
        "email" => texts.report_invalid_email,
        _ => texts.report_invalid_description,
    };

    let form = if sent {
        view! {
            <div class="alert alert-success" role="status">{texts.report_thanks}</div>
        }
        .into_any()
    } else {
        let categories = texts
            .report_categories
            .iter()
            .map(|(value, label)| {
                let id = format!("report-category-{value}");
                view! {
                    <div class="form-check">
                        <input type="radio" name="category" id=id.clone() value=*value required=true />
                        <label for=id>{*label}</label>
                    </div>
                }
            })
            .collect_view();
        let summary = error_field.as_deref().map(|field| {
            let text = error_text(field);
            view! {
                <div class="alert alert-danger" role="alert">
                    <a href=format!("#report-{field}")>{text}</a>
                </div>
            }
        });
        view! {
            <section aria-labelledby="report-form-title" class="mb-5">
                <h2 id="report-form-title" class="h4">{texts.report_form_title}</h2>
                {summary}
                <form method="post" action=SubmitProblemReport::url()>
                    <CsrfField />
                    <input type="hidden" name="lang" value=locale.code() />
                    <fieldset id="report-category" class="mb-4">
                        <legend class="h6">{texts.report_category}</legend>
                        {categories}
                    </fieldset>
                    <div class="form-group">
                        <label for="report-description" class="active">{texts.report_description}</label>
                        <textarea
                            id="report-description"
                            name="description"
                            class="form-control"
                            rows="6"
                            required=true
                            minlength="10"
                            maxlength="2000"
                            aria-describedby="report-description-hint"
                            aria-invalid=error_for("description").then_some("true")
                        ></textarea>
                        <small id="report-description-hint" class="form-text">
                            {texts.report_description_hint}
                        </small>
                    </div>
                    <div class="form-group">
                        <label for="report-email" class="active">{texts.report_email}</label>
                        <input
                            type="email"
                            id="report-email"
                            name="email"
                            class="form-control"
                            autocomplete="email"
                            maxlength="254"
                            aria-describedby="report-email-hint"
                            aria-invalid=error_for("email").then_some("true")
                        />
                        <small id="report-email-hint" class="form-text">{texts.report_email_hint}</small>
                    </div>
                    <button type="submit" class="btn btn-primary">{texts.report_send}</button>
                </form>
            </section>
        }
        .into_any()
    };
    view! {
        <InfoPageView page=&texts.report>{form}</InfoPageView>
    }
}

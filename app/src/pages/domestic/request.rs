//! `/lavoro-domestico/richiesta`: a family asks for a domestic worker. One form (fieldsets for
//! who needs care, the job, the house, the hours, the worker, the place); data about health
//! are optional and need an explicit consent. Posted to `/lavoro-domestico/richiesta/invia`;
//! a refused form comes back with what was typed and each error next to its field.

use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{Form, municipi};
use crate::api::domestic::domestic_request_draft;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::domestic::{self as t, CONTRACTS, PETS, options, texts};
use crate::locale::use_locale;
use crate::model::RequestForm;
use crate::pages::account::{CsrfField, load_error};
use domain::domestic::request::MAX_PEOPLE;
use domain::domestic::{CEFR_LEVELS, LANGUAGES, ROLES, role_code, skills};

#[component]
pub fn NewRequestPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let draft = Resource::new(
        || (),
        move |_| domestic_request_draft(Some(locale.code().to_string())),
    );
    let trail = vec![(
        tx.home_title.to_string(),
        format!("/lavoro-domestico?lang={}", locale.code()),
    )];
    view! {
        <Title text=tx.request_title />
        <div class="container my-4" id="new-request-page">
            <Breadcrumb current=tx.request_title trail=trail />
            <h1 class="mt-3">{tx.request_title}</h1>
            <p class="lead">{tx.request_lead}</p>
            <Suspense fallback=|| ()>
                {move || draft.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(form) => request_form(form, locale),
                })}
            </Suspense>
        </div>
    }
}

fn request_form(form: RequestForm, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let draft = form.draft;
    let estimate = match form.estimate {
        Some(e) => view! {
            <div class="callout" id="request-estimate" tabindex="-1">
                <div class="callout-title">{tx.estimate}</div>
                <p>{format!("{} {} h/{} · {} {}/h ({} {})", tx.estimate_for, e.weekly_hours, tx.week_short, tx.pay, e.hourly_pay, tx.minimum_is, e.minimum_hourly)}</p>
                <p class="h5">{format!("{} {}", e.monthly_average_cost, tx.per_month)}</p>
                <p>{format!("{}: {}", tx.annual_cost, e.annual_employer_cost)}</p>
            </div>
        }
        .into_any(),
        None => view! { <p class="form-text" id="request-estimate-hint">{tx.estimate_hint}</p> }.into_any(),
    };
    let key = draft.value("submit_key").unwrap_or_default();
    let f = Form::new("request", draft, locale);
    let labels = move |name: &str| t::field_label(locale, name);
    let roles = ROLES
        .iter()
        .map(|r| {
            (
                role_code(*r).to_string(),
                t::role_label(locale, role_code(*r)).to_string(),
            )
        })
        .collect();
    let regimes = options(t::REGIMES, locale);
    let conditions: Vec<(String, String)> = options(skills::CONDITIONS, locale);
    let mobility: Vec<(String, String)> = options(skills::MOBILITY, locale);
    let people = (1..=MAX_PEOPLE)
        .map(|i| {
            let age = format!("p{i}_age");
            let cond = format!("p{i}_conditions");
            let mob = format!("p{i}_mobility");
            view! {
                <fieldset class="border rounded p-3 mb-3">
                    <legend class="h6 px-2 w-auto">{format!("{} {i}", tx.person)}</legend>
                    <div class="row">
                        <div class="col-md-3">{f.input(&age, tx.age, "number", "", i == 1, None, "off")}</div>
                        <div class="col-md-9">{f.select(&mob, tx.mobility, mobility.clone(), "", false)}</div>
                    </div>
                    {f.choices(&cond, tx.conditions, conditions.clone(), &[], true)}
                </fieldset>
            }
        })
        .collect_view();
    let tasks = ROLES
        .iter()
        .map(|r| {
            let list = options(skills::for_role(*r), locale);
            f.choices_part(
                "tasks",
                Some(role_code(*r)),
                &format!("{} — {}", tx.tasks, t::role_label(locale, role_code(*r))),
                list,
                &[],
                true,
            )
        })
        .collect_view();
    let languages = LANGUAGES
        .iter()
        .map(|l| (l.to_string(), t::language_label(locale, l)))
        .collect();
    let cefr = CEFR_LEVELS
        .iter()
        .map(|l| (l.to_string(), l.to_string()))
        .collect();
    view! {
        {f.summary(&labels)}
        <form method="post" action="/lavoro-domestico/richiesta/invia" id="request-form" novalidate=true>
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="submit_key" value=key />
            <fieldset class="mb-4">
                <legend class="h4">{tx.the_job}</legend>
                <div class="row">
                    <div class="col-md-4">{f.select("role", tx.role, roles, "", true)}</div>
                    <div class="col-md-4">{f.select("regime", tx.regime, regimes, "hourly", true)}</div>
                    <div class="col-md-4">{f.select("contract", tx.contract, options(CONTRACTS, locale), "permanent", true)}</div>
                    <div class="col-md-4">{f.input("start", tx.start, "date", "", true, None, "off")}</div>
                    <div class="col-md-4">{f.input("end", tx.end, "date", "", false, Some(tx.end_hint), "off")}</div>
                    <div class="col-md-4">{f.input("offered_hourly", tx.offered_hourly, "text", "", true, Some(tx.offered_hint), "off")}</div>
                </div>
            </fieldset>
            <fieldset class="mb-4">
                <legend class="h4">{tx.who_needs_care}</legend>
                <p class="form-text">{tx.care_hint}</p>
                {people}
                {f.toggle("health_consent", tx.health_consent, false)}
            </fieldset>
            <fieldset class="mb-4">
                <legend class="h4">{tx.tasks}</legend>
                {tasks}
            </fieldset>
            <fieldset class="mb-4">
                <legend class="h4">{tx.house}</legend>
                <div class="row">
                    <div class="col-md-4">{f.input("rooms", tx.rooms, "number", "", true, None, "off")}</div>
                    <div class="col-md-4">{f.input("floors", tx.floors, "number", "1", false, None, "off")}</div>
                    <div class="col-md-4">{f.select("pets", tx.pets, options(PETS, locale), "none", false)}</div>
                </div>
                {f.toggle("garden", tx.garden, false)}
            </fieldset>
            {f.week("", tx.hours_needed, [0; 7])}
            <fieldset class="mb-4">
                <legend class="h4">{tx.preferences}</legend>
                {f.choices("languages", tx.languages_wanted, languages, &[], true)}
                <div class="row">
                    <div class="col-md-4">{f.select("min_italian", tx.min_italian, cefr, "", false)}</div>
                    <div class="col-md-4">{f.input("min_years", tx.min_years, "number", "", false, None, "off")}</div>
                </div>
                {f.toggle("wants_driving_licence", tx.wants_driving_licence, false)}
                {f.toggle("wants_non_smoker", tx.wants_non_smoker, false)}
            </fieldset>
            <fieldset class="mb-4">
                <legend class="h4">{tx.workplace}</legend>
                <div class="row">
                    <div class="col-md-8">{f.input("address", tx.address, "text", "", true, None, "street-address")}</div>
                    <div class="col-md-4">{f.select("municipio", tx.municipio, municipi(), "", true)}</div>
                </div>
                {f.textarea("notes", tx.notes, "")}
            </fieldset>
            {estimate}
            <button type="submit" class="btn btn-outline-primary me-2" id="request-estimate-button"
                name="anteprima" value="1" formnovalidate=true>{tx.estimate_button}</button>
            <button type="submit" class="btn btn-primary" id="request-submit">{tx.send_request}</button>
        </form>
    }
    .into_any()
}

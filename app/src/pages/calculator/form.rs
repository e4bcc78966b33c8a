//! The calculator form: a plain GET form to the page itself (it works without JavaScript);
//! inside the island every input also updates the values the result is computed from.

use domain::calculator::{Level, Regime, available_years};
use leptos::prelude::*;

use super::values::{FormValues, Outcome, levels_for};
use crate::i18n::Locale;
use crate::i18n::calculator::{FieldText, calc};

/// The island's state, shared by the form and the result.
#[derive(Clone, Copy)]
pub struct FormState {
    pub locale: Locale,
    pub form: RwSignal<FormValues>,
    pub submitted: RwSignal<bool>,
    pub hydrated: RwSignal<bool>,
    pub outcome: Memo<Outcome>,
}

impl FormState {
    fn update(self, field: &'static str, value: String) {
        self.form.update(|f| f.set(field, value));
        self.submitted.set(true);
    }

    /// The error message of a field, if the outcome points at it.
    fn error(self, field: &'static str) -> Option<String> {
        self.outcome.with(|o| match o {
            Outcome::Invalid(e) if e.field == field => Some(e.message.clone()),
            _ => None,
        })
    }

    /// Whether the field is shown: always before hydration (the form must work without
    /// JavaScript), afterwards only when it applies to the regime and level.
    fn shown(self, field: &'static str) -> bool {
        !self.hydrated.get() || self.form.with(|f| f.applies(field))
    }

    fn initial(self, field: &str) -> String {
        self.form.with_untracked(|f| f.get(field).to_string())
    }
}

fn describedby(field: &str, error: bool) -> String {
    if error {
        format!("calc-{field}-hint calc-{field}-error")
    } else {
        format!("calc-{field}-hint")
    }
}

fn error_text(state: FormState, field: &'static str) -> impl IntoView {
    move || {
        state.error(field).map(|message| {
            view! {
                <div class="invalid-feedback d-block" id=format!("calc-{field}-error")>
                    {message}
                </div>
            }
        })
    }
}

/// A text input for a number or an amount.
fn number_field(
    state: FormState,
    field: &'static str,
    text: &'static FieldText,
    inputmode: &'static str,
) -> AnyView {
    let id = format!("calc-{field}");
    view! {
        <div class="form-group mb-4" hidden=move || !state.shown(field)>
            <label for=id.clone() class="active">{text.label}</label>
            <input
                type="text"
                id=id
                name=field
                class="form-control"
                class:is-invalid=move || state.error(field).is_some()
                inputmode=inputmode
                autocomplete="off"
                maxlength="40"
                value=state.initial(field)
                disabled=move || !state.shown(field)
                aria-invalid=move || state.error(field).map(|_| "true")
                aria-describedby=move || describedby(field, state.error(field).is_some())
                on:input=move |ev| state.update(field, event_target_value(&ev))
            />
            <small id=format!("calc-{field}-hint") class="form-text">{text.hint}</small>
            {error_text(state, field)}
        </div>
    }
    .into_any()
}

/// A checkbox sending "1" when ticked (nothing when not).
fn checkbox(state: FormState, field: &'static str, text: &'static FieldText) -> AnyView {
    let id = format!("calc-{field}");
    let checked = state.form.with_untracked(|f| f.flag(field));
    view! {
        <div class="form-check mb-3" hidden=move || !state.shown(field)>
            <input
                type="checkbox"
                id=id.clone()
                name=field
                value="1"
                checked=checked
                disabled=move || !state.shown(field)
                aria-invalid=move || state.error(field).map(|_| "true")
                aria-describedby=move || describedby(field, state.error(field).is_some())
                on:change=move |ev| {
                    let value = if event_target_checked(&ev) { "1" } else { "0" };
                    state.update(field, value.to_string())
                }
            />
            <label for=id>{text.label}</label>
            <small id=format!("calc-{field}-hint") class="form-text d-block">{text.hint}</small>
            {error_text(state, field)}
        </div>
    }
    .into_any()
}

/// A select with its options (value, label).
fn select(
    state: FormState,
    field: &'static str,
    text: &'static FieldText,
    options: Vec<(String, String)>,
    enabled: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
) -> AnyView {
    let id = format!("calc-{field}");
    let current = state.initial(field);
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == current;
            let v = value.clone();
            view! {
                <option
                    value=value
                    selected=selected
                    disabled=move || state.hydrated.get() && !enabled(&v)
                >
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="select-wrapper mb-4">
            <label for=id.clone()>{text.label}</label>
            <select
                id=id
                name=field
                class:is-invalid=move || state.error(field).is_some()
                aria-invalid=move || state.error(field).map(|_| "true")
                aria-describedby=move || describedby(field, state.error(field).is_some())
                on:change=move |ev| state.update(field, event_target_value(&ev))
            >
                {options}
            </select>
            <small id=format!("calc-{field}-hint") class="form-text">{text.hint}</small>
            {error_text(state, field)}
        </div>
    }
    .into_any()
}

/// CUAF: two radio buttons, so that "no" is sent explicitly (the default is "yes").
fn cuaf(state: FormState) -> AnyView {
    let t = calc(state.locale);
    let yes = state.form.with_untracked(|f| f.flag("cuaf"));
    let radio = move |value: &'static str, id: &'static str, label: &'static str, checked: bool| {
        view! {
            <div class="form-check form-check-inline">
                <input
                    type="radio"
                    name="cuaf"
                    id=id
                    value=value
                    checked=checked
                    on:change=move |_| state.update("cuaf", value.to_string())
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="mb-4" aria-describedby="calc-cuaf-hint">
            <legend class="h6 mb-2">{t.cuaf.label}</legend>
            {radio("1", "calc-cuaf", t.yes, yes)}
            {radio("0", "calc-cuaf-no", t.no, !yes)}
            <small id="calc-cuaf-hint" class="form-text d-block">{t.cuaf.hint}</small>
        </fieldset>
    }
    .into_any()
}

/// The whole form, with the error summary at its top.
pub fn calculator_form(state: FormState) -> AnyView {
    let locale = state.locale;
    let t = calc(locale);
    let years = available_years()
        .into_iter()
        .rev()
        .map(|y| (y.to_string(), y.to_string()))
        .collect();
    let regimes = Regime::ALL
        .iter()
        .zip(t.regimes)
        .map(|(r, label)| (r.as_str().to_string(), label.to_string()))
        .collect();
    let levels = Level::ALL
        .iter()
        .zip(t.levels)
        .map(|(l, label)| (l.as_str().to_string(), label.to_string()))
        .collect();
    let level_enabled = move |level: &str| {
        state.form.with(|f| {
            levels_for(f.get("year"), f.get("regime"))
                .iter()
                .any(|l| l.as_str() == level)
        })
    };

    let summary = move || {
        state.outcome.with(|o| match o {
            Outcome::Invalid(e) => Some(view! {
                <div class="alert alert-danger mb-4" role="alert" id="calc-error-summary">
                    <h2 class="h5">{t.errors_title}</h2>
                    <ul class="mb-0">
                        <li>
                            <a href=format!("#calc-{}", e.field)>{e.message.clone()}</a>
                        </li>
                    </ul>
                </div>
            }),
            _ => None,
        })
    };

    let job = view! {
        <fieldset class="mb-3">
            <legend class="h5 mb-4">{t.legend_job}</legend>
            {select(state, "year", &t.year, years, |_| true)}
            {select(state, "regime", &t.regime, regimes, |_| true)}
            {select(state, "level", &t.level, levels, level_enabled)}
        </fieldset>
    }
    .into_any();
    view! {
        <form
            method="get"
            action="/lavoro-domestico/calcolatore"
            class="calculator-form"
            novalidate=true
            aria-labelledby="calc-form-title"
        >
            <h2 id="calc-form-title" class="h4 mb-3">{t.form_title}</h2>
            {summary}
            <input type="hidden" name="lang" value=locale.code() />
            {job}
            <fieldset class="mb-3">
                <legend class="h5 mb-4">{t.legend_pay}</legend>
                {number_field(state, "weekly_hours", &t.weekly_hours, "decimal")}
                {number_field(state, "hourly_pay", &t.hourly_pay, "decimal")}
                {number_field(state, "monthly_pay", &t.monthly_pay, "decimal")}
            </fieldset>
            <fieldset class="mb-3">
                <legend class="h5 mb-4">{t.legend_contract}</legend>
                {checkbox(state, "fixed_term", &t.fixed_term)}
                {cuaf(state)}
            </fieldset>
            <fieldset class="mb-3">
                <legend class="h5 mb-4">{t.legend_people}</legend>
                {number_field(state, "children_under_6", &t.children_under_6, "numeric")}
                {number_field(
                    state,
                    "non_self_sufficient_assisted",
                    &t.non_self_sufficient_assisted,
                    "numeric",
                )}
            </fieldset>
            <fieldset class="mb-3">
                <legend class="h5 mb-4">{t.legend_in_kind}</legend>
                {checkbox(state, "board_in_kind", &t.board_in_kind)}
                {number_field(state, "meals_per_week", &t.meals_per_week, "numeric")}
                {number_field(state, "nights_per_week", &t.nights_per_week, "numeric")}
            </fieldset>
            <fieldset class="mb-3">
                <legend class="h5 mb-4">{t.legend_extras}</legend>
                {number_field(state, "seniority_increments", &t.seniority_increments, "numeric")}
                {checkbox(state, "include_holiday_replacement", &t.include_holiday_replacement)}
            </fieldset>
            <p class="small">{t.live_hint}</p>
            <button type="submit" class="btn btn-primary">{t.submit}</button>
        </form>
    }
    .into_any()
}

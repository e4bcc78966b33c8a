//! The interactive part of the page: the form and the result. Without JavaScript it is the
//! server's rendering of a plain form; once hydrated it recomputes the result in the browser
//! on every keystroke with the same pure calculator and the same cooperative prices.

use leptos::prelude::*;

use super::form::{FormState, calculator_form};
use super::result::result_view;
use super::values::{FormValues, Outcome};
use crate::api::calculator::ComparisonPrices;
use crate::i18n::Locale;

#[island]
pub fn CalculatorIsland(
    locale: Locale,
    initial: FormValues,
    submitted: bool,
    prices: ComparisonPrices,
) -> impl IntoView {
    let form = RwSignal::new(initial);
    let submitted = RwSignal::new(submitted);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // Before hydration every field is sent, as the plain form sends it; afterwards the
    // hidden fields are disabled and count as not given.
    let values = Memo::new(move |_| {
        if hydrated.get() {
            form.with(FormValues::effective)
        } else {
            form.get()
        }
    });
    let outcome = Memo::new(move |_| {
        if submitted.get() {
            values.with(|v| v.evaluate(locale, &prices))
        } else {
            Outcome::Empty
        }
    });
    let state = FormState {
        locale,
        form,
        submitted,
        hydrated,
        outcome,
    };
    let result = move || {
        outcome.with(|o| match o {
            Outcome::Computed(computed) => {
                let pdf = format!(
                    "/lavoro-domestico/calcolatore.pdf?{}",
                    values.with(|v| v.to_query(locale))
                );
                Some(result_view(locale, computed, pdf))
            }
            _ => None,
        })
    };
    view! {
        <div class="row calculator" data-hydrated=move || hydrated.get().then_some("true")>
            <div class="col-12 col-lg-5 mb-5 d-print-none">{calculator_form(state)}</div>
            <div class="col-12 col-lg-7 calculator-result-column">{result}</div>
        </div>
    }
}

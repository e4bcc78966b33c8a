//! The domestic-work cost calculator page, `/lavoro-domestico/calcolatore`.
//!
//! The page reads the form from the query string and renders the result on the server, so
//! the address of a calculation can be shared and the page works without JavaScript; the
//! island then recomputes in the browser as the family types.

mod form;
mod island;
mod result;
pub mod summary;
pub mod values;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::calculator::get_comparison_prices;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::calculator::calc;
use crate::locale::use_locale;
use island::CalculatorIsland;
use values::FormValues;

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let locale = use_locale();
    let t = calc(locale);
    let query = use_query_map();
    let (initial, submitted) = query.with_untracked(|q| FormValues::from_query(|k| q.get(k)));
    let prices = Resource::new(|| (), |_| get_comparison_prices());

    view! {
        <Title text=t.title />
        <div class="container" id="calculator-page">
            <div class="row">
                <div class="col-12 col-lg-10 px-lg-4 py-lg-2">
                    <Breadcrumb current=t.breadcrumb_current />
                    <h1 class="mt-2">{t.title}</h1>
                    <p class="lead mb-4">{t.lead}</p>
                </div>
            </div>
            <Suspense fallback=move || view! { <p>{locale.t().loading}</p> }>
                {move || {
                    let initial = initial.clone();
                    prices
                        .get()
                        .map(move |loaded| {
                            view! {
                                <CalculatorIsland
                                    locale
                                    initial
                                    submitted
                                    prices=loaded.unwrap_or_default()
                                />
                            }
                        })
                }}
            </Suspense>
        </div>
    }
}

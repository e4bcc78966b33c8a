//! The domestic-work cost calculator page (being written).

use leptos::prelude::*;

#[component]
pub fn CalculatorPage() -> impl IntoView {
    view! { <div class="container my-5"></div> }
}

//! Buying pages: cart and checkout steps, the citizen's orders and vouchers, the provider's
//! orders, and the demo gateway's hosted page. Plain forms posting to server functions (no
//! JavaScript needed); refusals come back as `?errore=` codes shown here, localized.

pub mod cart;
pub mod checkout;
pub mod demo_payment;
pub mod notifications;
pub mod order;
pub mod orders;
pub mod payment_accounts;
pub mod quotes;
pub mod voucher_import;
pub mod vouchers;

use leptos::prelude::*;

use super::account::query_value;
use crate::i18n::Locale;
use crate::i18n::buying::{error_message, texts};

/// "18,50 €" (Italian) or "€18.50" (English).
pub fn euros(cents: i64, locale: Locale) -> String {
    let amount = crate::pages::services::links::amount(cents, locale);
    match locale {
        Locale::It => format!("{amount} €"),
        Locale::En => format!("€{amount}"),
    }
}

/// The error a refused form came back with, as an alert at the top of the page.
#[component]
pub fn BuyingErrors(locale: Locale) -> impl IntoView {
    query_value("errore").map(|code| {
        view! {
            <div class="alert alert-danger" role="alert" tabindex="-1" id="buying-errors">
                <p class="mb-1 fw-semibold">{texts(locale).errors_title}</p>
                <p class="mb-0">{error_message(&code, locale)}</p>
            </div>
        }
    })
}

/// The checkout stepper (Bootstrap Italia "steppers"): where the person is among the steps.
#[component]
pub fn Stepper(locale: Locale, current: usize) -> impl IntoView {
    let t = texts(locale);
    let steps = t
        .steps
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let n = i + 1;
            let class = if n == current {
                "active"
            } else if n < current {
                "confirmed"
            } else {
                ""
            };
            view! {
                <li class=class aria-current=(n == current).then_some("step")>
                    <span class="steppers-number" aria-hidden="true">{n}</span>
                    {label.to_string()}
                    {(n == current).then(|| view! { <span class="visually-hidden">{(t.step_of)(n, t.steps.len())}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steppers mb-4" aria-label=t.cart_title>
            <div class="steppers-header"><ul>{steps}</ul></div>
        </nav>
    }
}

/// A local date-time in Rome ("26/11/2026 15:04") from RFC 3339 UTC.
pub fn when(rfc3339: &str) -> String {
    domain::rome_time::rfc3339_in_rome(rfc3339)
}

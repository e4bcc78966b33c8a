//! `/pagamento/demo/{ref}`: the hosted page of the demo gateway. It stands where a real
//! gateway's page would: "Paga", "Annulla", "Simula rifiuto"; the choice reaches the portal as
//! a signed webhook, and the browser goes back to the order page (which never marks it paid
//! by itself).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{BuyingErrors, euros};
use crate::api::buying::{DemoOutcome, load_demo_checkout};
use crate::i18n::buying::texts;
use crate::locale::use_locale;
use crate::pages::account::{CsrfField, load_error};

#[component]
pub fn DemoPaymentPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let gateway_ref = use_params_map().with_untracked(|p| p.get("gateway_ref").unwrap_or_default());
    let checkout = Resource::new(
        move || gateway_ref.clone(),
        move |r| load_demo_checkout(r, Some(locale.code().to_string())),
    );
    view! {
        <Title text=t.demo_title />
        <div class="container my-4" id="demo-payment-page" style="max-width: 36rem">
            <h1 class="mt-3">{t.demo_title}</h1>
            <p>{t.demo_lead}</p>
            <BuyingErrors locale />
            <Suspense fallback=|| ()>
                {move || checkout.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(c) => {
                        let open = c.status == "open";
                        let button = |outcome: &'static str, label: &'static str, class: &'static str| {
                            let gateway_ref = c.gateway_ref.clone();
                            view! {
                                <form method="post" action=DemoOutcome::url() class="d-inline">
                                    <CsrfField />
                                    <input type="hidden" name="lang" value=locale.code() />
                                    <input type="hidden" name="gateway_ref" value=gateway_ref />
                                    <input type="hidden" name="outcome" value=outcome />
                                    <button type="submit" class=class id=format!("demo-{outcome}")>{label}</button>
                                </form>
                            }
                        };
                        view! {
                            <div class="card card-bg"><div class="card-body">
                                <p class="mb-1">{c.description.clone()}</p>
                                <p class="fs-3 fw-semibold" id="demo-amount">{format!("{}: {}", t.demo_amount, euros(c.amount_cents, locale))}</p>
                                {if open {
                                    view! {
                                        <div class="d-flex flex-wrap gap-2">
                                            {button("pay", t.demo_pay, "btn btn-primary btn-lg")}
                                            {button("cancel", t.demo_cancel, "btn btn-outline-primary btn-lg")}
                                            {button("decline", t.demo_decline, "btn btn-outline-danger btn-lg")}
                                        </div>
                                    }.into_any()
                                } else {
                                    view! {
                                        <p id="demo-closed">{t.demo_closed}</p>
                                        <a href=c.return_url.clone()>{t.open}</a>
                                    }.into_any()
                                }}
                            </div></div>
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

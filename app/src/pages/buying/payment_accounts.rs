//! `/ente/pagamenti`: the provider's accounts at Stripe and PayPal (the provider is the
//! merchant of record). Plain forms; the admin sets or removes each, the operators see them.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::BuyingErrors;
use crate::api::buying::{SetPaymentAccount, payment_accounts};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::payment_accounts::{gateway_label, payment_account_texts};
use crate::locale::use_locale;
use crate::pages::account::{CsrfField, Notice, load_error, query_flag};

#[component]
pub fn PaymentAccountsPage() -> impl IntoView {
    let locale = use_locale();
    let t = payment_account_texts(locale);
    let data = Resource::new(
        move || (),
        move |_| payment_accounts(Some(locale.code().to_string())),
    );
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    view! {
        <Title text=t.title />
        <div class="container my-4" id="payment-accounts-page">
            <Breadcrumb current=t.title trail />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <BuyingErrors locale />
            {query_flag("fatto").then(|| view! { <Notice text=t.saved /> })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(v) => {
                        let editable = v.can_edit && v.storage_ready;
                        let forms = v.accounts.iter().map(|a| {
                            let (label, hint) = if a.gateway == "stripe" { (t.stripe, t.stripe_hint) } else { (t.paypal, t.paypal_hint) };
                            let field = format!("account-{}", a.gateway);
                            let hint_id = format!("{field}-hint");
                            let status = a.masked.clone().map(|m| (t.connected)(&m)).unwrap_or_else(|| t.none.to_string());
                            view! {
                                <section class="border rounded p-3 mb-3 payment-account" data-gateway=a.gateway.clone()>
                                    <h2 class="h5">{gateway_label(locale, &a.gateway)}</h2>
                                    <p class="account-status">{status}</p>
                                    {editable.then(|| view! {
                                        <form method="post" action=SetPaymentAccount::url() id=format!("{field}-form")>
                                            <CsrfField />
                                            <input type="hidden" name="lang" value=locale.code() />
                                            <input type="hidden" name="gateway" value=a.gateway.clone() />
                                            <div class="form-group mb-2">
                                                <label for=field.clone() class="active">{label}</label>
                                                <input type="text" id=field.clone() name="account_ref" class="form-control" required
                                                    autocomplete="off" maxlength="80" aria-describedby=hint_id.clone() />
                                                <small id=hint_id class="form-text">{hint}</small>
                                            </div>
                                            <button type="submit" class="btn btn-primary btn-sm">{t.save}</button>
                                        </form>
                                    })}
                                    {(editable && a.masked.is_some()).then(|| view! {
                                        <form method="post" action=SetPaymentAccount::url() class="mt-2">
                                            <CsrfField />
                                            <input type="hidden" name="lang" value=locale.code() />
                                            <input type="hidden" name="gateway" value=a.gateway.clone() />
                                            <input type="hidden" name="account_ref" value="" />
                                            <button type="submit" class="btn btn-outline-danger btn-sm">{t.remove}</button>
                                        </form>
                                    })}
                                </section>
                            }
                        }).collect_view();
                        view! {
                            <p id="gateway-in-use">{(t.in_use)(gateway_label(locale, &v.gateway_in_use))}</p>
                            {(!v.storage_ready).then(|| view! { <div class="alert alert-warning" role="status">{t.not_ready}</div> })}
                            {(!v.can_edit).then(|| view! { <p class="text-muted">{t.admin_only}</p> })}
                            {forms}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

//! `/carrello/dati` (billing data and payment choice, pre-filled, saved as a draft) and
//! `/carrello/riepilogo` (everything on one screen, then the confirmation).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{BuyingErrors, Stepper, euros};
use crate::api::buying::{PlaceOrders, SaveCheckoutDraft, load_cart};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::buying::{method_label, slot_label, texts};
use crate::locale::use_locale;
use crate::model::CartView;
use crate::pages::account::{CsrfField, load_error};

fn trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        texts(locale).cart_title.to_string(),
        format!("/carrello?lang={}", locale.code()),
    )]
}

#[component]
pub fn CheckoutDataPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let cart = Resource::new(
        move || (),
        move |_| load_cart(Some(locale.code().to_string())),
    );
    view! {
        <Title text=t.data_title />
        <div class="container my-4" id="checkout-data-page">
            <Breadcrumb current=t.data_title trail=trail(locale) />
            <h1 class="mt-3">{t.data_title}</h1>
            <Stepper locale current=2 />
            <BuyingErrors locale />
            <Suspense fallback=|| ()>
                {move || cart.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(cart) if cart.is_empty() => view! {
                        <p>{t.cart_empty}</p>
                    }.into_any(),
                    Ok(cart) => view! { <DataForm cart locale /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn DataForm(cart: CartView, locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let mut d = cart.draft.clone();
    // A first checkout starts from the account's name and e-mail.
    if let Some(user) = crate::session::session_user() {
        if d.billing_name.is_empty() {
            d.billing_name = user.name;
        }
        if d.billing_email.is_empty() {
            d.billing_email = user.email;
        }
    }
    let field = move |name: &'static str,
                      label: &'static str,
                      value: String,
                      kind: &'static str,
                      required: bool,
                      autocomplete: &'static str| {
        let id = format!("checkout-{name}");
        view! {
            <div class="form-group">
                <label for=id.clone() class="active">{label}</label>
                <input type=kind id=id name=name class="form-control" value=value required=required
                    autocomplete=autocomplete maxlength="200" />
            </div>
        }
    };
    let method = d.payment_method.clone();
    let radio = move |value: &'static str| {
        let id = format!("checkout-method-{value}");
        view! {
            <div class="form-check">
                <input class="form-check-input" type="radio" name="payment_method" id=id.clone() value=value
                    checked=method == value || (method.is_empty() && value == "card") />
                <label class="form-check-label" for=id>{method_label(locale, value)}</label>
            </div>
        }
    };
    view! {
        <form method="post" action=SaveCheckoutDraft::url() id="checkout-data" novalidate=false>
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            {field("billing_name", t.billing_name, d.billing_name.clone(), "text", true, "name")}
            {field("billing_email", t.billing_email, d.billing_email.clone(), "email", true, "email")}
            {field("billing_fiscal_code", t.billing_fiscal_code, d.billing_fiscal_code.clone(), "text", false, "off")}
            {field("billing_address", t.billing_address, d.billing_address.clone(), "text", false, "street-address")}
            {field("billing_phone", t.billing_phone, d.billing_phone.clone(), "tel", false, "tel")}
            <fieldset class="mb-4">
                <legend class="h5">{t.payment_method}</legend>
                {radio("card")}
                {radio("paypal")}
                {radio("agreed")}
            </fieldset>
            {(cart.voucher_balance_cents > 0).then(|| view! {
                <div class="form-check mb-4">
                    <input class="form-check-input" type="checkbox" name="use_vouchers" id="checkout-use_vouchers" value="1" checked=d.use_vouchers />
                    <label class="form-check-label" for="checkout-use_vouchers">
                        {format!("{} ({}: {})", t.use_vouchers, t.voucher_balance, euros(cart.voucher_balance_cents, locale))}
                    </label>
                </div>
            })}
            <div class="d-flex gap-3">
                <a class="btn btn-outline-primary" href=format!("/carrello?lang={}", locale.code())>{t.back_to_cart}</a>
                <button type="submit" class="btn btn-primary" id="checkout-continue">{t.save_continue}</button>
            </div>
        </form>
    }
}

#[component]
pub fn CheckoutSummaryPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let cart = Resource::new(
        move || (),
        move |_| load_cart(Some(locale.code().to_string())),
    );
    view! {
        <Title text=t.summary_title />
        <div class="container my-4" id="checkout-summary-page">
            <Breadcrumb current=t.summary_title trail=trail(locale) />
            <h1 class="mt-3">{t.summary_title}</h1>
            <Stepper locale current=3 />
            <BuyingErrors locale />
            <Suspense fallback=|| ()>
                {move || cart.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(cart) if cart.is_empty() => view! { <p>{t.cart_empty}</p> }.into_any(),
                    Ok(cart) => view! { <Summary cart locale /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Summary(cart: CartView, locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let d = cart.draft.clone();
    let edit_data = format!("/carrello/dati?lang={}", locale.code());
    let edit_cart = format!("/carrello?lang={}", locale.code());
    let groups = cart
        .groups
        .iter()
        .map(|g| {
            let lines = g
                .lines
                .iter()
                .map(|l| {
                    let details = [
                        format!("{}: {}", t.quantity, l.quantity),
                        format!("{}: {}", if l.shared { t.seats } else { t.people }, l.people),
                        l.preferred_date.clone().unwrap_or_default(),
                        if l.time_slot.is_empty() { String::new() } else { slot_label(locale, &l.time_slot).to_string() },
                    ]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                    view! {
                        <tr>
                            <td>{l.service_name(locale).to_string()}</td>
                            <td>{details}</td>
                            <td class="text-end">{euros(l.total_cents, locale)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="mb-4 summary-group">
                    <h3 class="h5">{format!("{} {}", t.provider_order, g.provider_name)}</h3>
                    <div class="table-responsive"><table class="table table-sm">
                        <caption class="visually-hidden">{g.provider_name.clone()}</caption>
                        <thead><tr>
                            <th scope="col">{t.service}</th>
                            <th scope="col">{t.details}</th>
                            <th scope="col" class="text-end">{t.line_total}</th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                    </table></div>
                    <dl class="row mb-0">
                        <dt class="col-8 col-md-4">{t.total}</dt>
                        <dd class="col-4 col-md-8">{euros(g.total_cents, locale)}</dd>
                        {(g.voucher_cents > 0).then(|| view! {
                            <dt class="col-8 col-md-4">{t.voucher_part}</dt>
                            <dd class="col-4 col-md-8">{euros(g.voucher_cents, locale)}</dd>
                        })}
                        <dt class="col-8 col-md-4">{t.to_pay}</dt>
                        <dd class="col-4 col-md-8">{euros(g.total_cents - g.voucher_cents, locale)}</dd>
                    </dl>
                </section>
            }
        })
        .collect_view();
    let method = if d.payment_method.is_empty() {
        "card".to_string()
    } else {
        d.payment_method.clone()
    };
    view! {
        <p class="lead">{t.summary_lead}</p>
        <div class="d-flex justify-content-between align-items-center">
            <h2 class="h4">{t.cart_title}</h2>
            <a href=edit_cart>{t.edit}</a>
        </div>
        {groups}
        <div class="d-flex justify-content-between align-items-center">
            <h2 class="h4">{t.data_title}</h2>
            <a href=edit_data.clone() id="summary-edit-data">{t.edit}</a>
        </div>
        <dl class="row" id="summary-data">
            <dt class="col-sm-4">{t.billing_name}</dt><dd class="col-sm-8">{d.billing_name.clone()}</dd>
            <dt class="col-sm-4">{t.billing_email}</dt><dd class="col-sm-8">{d.billing_email.clone()}</dd>
            <dt class="col-sm-4">{t.billing_fiscal_code}</dt><dd class="col-sm-8">{d.billing_fiscal_code.clone()}</dd>
            <dt class="col-sm-4">{t.billing_address}</dt><dd class="col-sm-8">{d.billing_address.clone()}</dd>
            <dt class="col-sm-4">{t.billing_phone}</dt><dd class="col-sm-8">{d.billing_phone.clone()}</dd>
            <dt class="col-sm-4">{t.payment_method}</dt><dd class="col-sm-8">{method_label(locale, &method)}</dd>
        </dl>
        <dl class="row fs-5" id="summary-totals">
            <dt class="col-8 col-md-4">{t.total}</dt>
            <dd class="col-4 col-md-8" id="summary-total">{euros(cart.total_cents, locale)}</dd>
            <dt class="col-8 col-md-4">{t.voucher_part}</dt>
            <dd class="col-4 col-md-8">{euros(cart.voucher_cents, locale)}</dd>
            <dt class="col-8 col-md-4">{t.to_pay}</dt>
            <dd class="col-4 col-md-8" id="summary-to-pay">{euros(cart.total_cents - cart.voucher_cents, locale)}</dd>
        </dl>
        <p>{t.confirm_note}</p>
        {if d.billing_name.is_empty() || d.billing_email.is_empty() || cart.has_problems() {
            view! { <a class="btn btn-primary" href=edit_data>{t.data_title}</a> }.into_any()
        } else {
            view! {
                <form method="post" action=PlaceOrders::url() id="checkout-confirm">
                    <CsrfField />
                    <input type="hidden" name="lang" value=locale.code() />
                    <input type="hidden" name="checkout_key" value=cart.checkout_key.clone() />
                    <button type="submit" class="btn btn-primary btn-lg" id="checkout-confirm-button">{t.confirm_orders}</button>
                </form>
            }.into_any()
        }}
    }
}

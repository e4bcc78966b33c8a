//! `/carrello`: the cart, one block per provider (each becomes an order), lines priced by the
//! server, quantities editable, the voucher balance, and the way to checkout.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{BuyingErrors, Stepper, euros};
use crate::api::buying::{RemoveCartLine, UpdateCartLine, load_cart};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::buying::{slot_label, texts};
use crate::locale::use_locale;
use crate::model::{CartGroup, CartLine};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag};

#[component]
pub fn CartPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let cart = Resource::new(
        move || (),
        move |_| load_cart(Some(locale.code().to_string())),
    );
    let logged_in = crate::session::session_user().is_some();
    view! {
        <Title text=t.cart_title />
        <div class="container my-4" id="cart-page">
            <Breadcrumb current=t.cart_title />
            <h1 class="mt-3">{t.cart_title}</h1>
            <Stepper locale current=1 />
            <BuyingErrors locale />
            {query_flag("aggiunto").then(|| view! { <Notice text=t.added /> })}
            <Suspense fallback=|| ()>
                {move || cart.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(cart) if cart.is_empty() => view! {
                        <p id="cart-empty">{t.cart_empty}</p>
                        <p><a class="btn btn-primary" href=format!("/servizi?lang={}", locale.code())>{t.cart_empty_link}</a></p>
                    }.into_any(),
                    Ok(cart) => {
                        let groups = cart.groups.iter().map(|g| view! { <Group group=g.clone() locale /> }).collect_view();
                        let next = if logged_in {
                            format!("/carrello/dati?lang={}", locale.code())
                        } else {
                            let next: String = form_urlencoded::byte_serialize(b"/carrello/dati").collect();
                            format!("/accedi?lang={}&next={next}", locale.code())
                        };
                        let label = if logged_in { t.proceed } else { t.login_to_proceed };
                        view! {
                            <p>{t.one_order_per_provider}</p>
                            {groups}
                            <dl class="row fs-5 mt-4" id="cart-totals">
                                <dt class="col-6 col-md-3">{t.total}</dt>
                                <dd class="col-6 col-md-9" id="cart-total">{euros(cart.total_cents, locale)}</dd>
                                {(cart.voucher_balance_cents > 0).then(|| view! {
                                    <dt class="col-6 col-md-3">{t.voucher_balance}</dt>
                                    <dd class="col-6 col-md-9">{euros(cart.voucher_balance_cents, locale)}</dd>
                                })}
                            </dl>
                            {if cart.has_problems() {
                                view! { <p class="text-danger">{crate::i18n::buying::error_message("cart-problems", locale)}</p> }.into_any()
                            } else {
                                view! { <a class="btn btn-primary btn-lg" id="cart-proceed" href=next>{label}</a> }.into_any()
                            }}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Group(group: CartGroup, locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let lines = group
        .lines
        .iter()
        .map(|l| view! { <Line line=l.clone() locale /> })
        .collect_view();
    view! {
        <section class="card card-bg mb-4 cart-group">
            <div class="card-body">
                <h2 class="h4">{format!("{} {}", t.provider_order, group.provider_name)}</h2>
                <div class="table-responsive">
                    <table class="table align-middle">
                        <caption class="visually-hidden">{format!("{} {}", t.provider_order, group.provider_name)}</caption>
                        <thead><tr>
                            <th scope="col">{t.service}</th>
                            <th scope="col">{t.details}</th>
                            <th scope="col" class="text-end">{t.line_total}</th>
                            <th scope="col"><span class="visually-hidden">{t.remove}</span></th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                    </table>
                </div>
                <p class="text-end fw-semibold mb-0">{format!("{}: {}", t.total, euros(group.total_cents, locale))}</p>
            </div>
        </section>
    }
}

#[component]
fn Line(line: CartLine, locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let id = line.id;
    let form_id = format!("line-{id}");
    let people_label = if line.shared { t.seats } else { t.people };
    let wish = [
        line.preferred_date.clone().unwrap_or_default(),
        if line.time_slot.is_empty() {
            String::new()
        } else {
            slot_label(locale, &line.time_slot).to_string()
        },
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <tr class="cart-line" data-line=id.to_string()>
            <td>
                <a href=format!("/servizi/{}?lang={}", line.service_slug, locale.code())>{line.service_name(locale).to_string()}</a>
                {(!wish.is_empty()).then(|| view! { <div class="small text-muted">{wish}</div> })}
                {line.problem.clone().map(|p| view! { <div class="text-danger small" role="status">{p}</div> })}
            </td>
            <td>
                <form method="post" action=UpdateCartLine::url() class="d-flex flex-wrap gap-2 align-items-end" id=form_id.clone()>
                    <CsrfField />
                    <input type="hidden" name="lang" value=locale.code() />
                    <input type="hidden" name="line" value=id.to_string() />
                    <div>
                        <label class="small d-block" for=format!("{form_id}-quantity")>{t.quantity}</label>
                        <input type="number" min="1" max="1000" class="form-control form-control-sm" style="width:6rem"
                            id=format!("{form_id}-quantity") name="quantity" value=line.quantity.to_string() required />
                    </div>
                    <div>
                        <label class="small d-block" for=format!("{form_id}-people")>{people_label}</label>
                        <input type="number" min="1" max="100" class="form-control form-control-sm" style="width:6rem"
                            id=format!("{form_id}-people") name="people" value=line.people.to_string() required />
                    </div>
                    <button type="submit" class="btn btn-outline-primary btn-sm">{t.update}</button>
                </form>
            </td>
            <td class="text-end">
                <span class="line-total">{euros(line.total_cents, locale)}</span>
                <div class="small text-muted">{format!("{}: {}", t.unit_price, euros(line.unit_price_cents, locale))}</div>
            </td>
            <td>
                <form method="post" action=RemoveCartLine::url()>
                    <CsrfField />
                    <input type="hidden" name="lang" value=locale.code() />
                    <input type="hidden" name="line" value=id.to_string() />
                    <button type="submit" class="btn btn-link btn-sm text-danger"
                        aria-label=format!("{} {}", t.remove, line.service_name(locale))>{t.remove}</button>
                </form>
            </td>
        </tr>
    }
}

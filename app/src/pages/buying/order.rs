//! One order: `/area-personale/ordini/{reference}` for its citizen, `/ente/ordini/{reference}`
//! for its provider's staff. Lines, amounts, the history with dates (who, when, why) and the
//! actions the viewer may take now, each a plain form.

use domain::orders::OrderState;
use domain::receipts::receipt_available;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map};

use super::{BuyingErrors, euros, when};
use crate::api::buying::{OrderAction, PayOrder, load_order};
use crate::api::reviews::load_order_review;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::buying::{event_label, method_label, slot_label, state_label, texts};
use crate::i18n::receipts::receipt_texts;
use crate::locale::use_locale;
use crate::model::OrderDetail;
use crate::pages::account::{CsrfField, Notice, load_error, query_flag};
use crate::pages::reviews::OrderReviewSection;

#[component]
pub fn OrderPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let reference_for_review = reference.clone();
    let reference_shown = reference.clone();
    let path = use_location().pathname.get_untracked();
    let provider = path.starts_with("/ente/");
    // Back from the gateway's page: the server asks the gateway before answering.
    let refresh = query_flag("pagamento");
    let detail = Resource::new(
        move || reference.clone(),
        move |r| load_order(r, Some(refresh), Some(locale.code().to_string())),
    );
    // The review part (its form once the order is completed), loaded alongside.
    let review = Resource::new(
        move || reference_for_review.clone(),
        move |r| load_order_review(r, Some(locale.code().to_string())),
    );
    let trail = if provider {
        vec![(
            t.provider_orders_title.to_string(),
            format!("/ente/ordini?lang={}", locale.code()),
        )]
    } else {
        vec![
            (
                crate::i18n::accounts::texts(locale).area_title.to_string(),
                format!("/area-personale?lang={}", locale.code()),
            ),
            (
                t.orders_title.to_string(),
                format!("/area-personale/ordini?lang={}", locale.code()),
            ),
        ]
    };
    view! {
        <div class="container my-4" id="order-page">
            <Suspense fallback=|| ()>
                {move || detail.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(d) => view! { <OrderView d locale provider trail=trail.clone() back=path.clone() /> }.into_any(),
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || review.get().map(|result| match result {
                    Ok(data) => view! { <OrderReviewSection data reference=reference_shown.clone() locale staff=provider /> }.into_any(),
                    // The order's own error is shown above.
                    Err(_) => ().into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn OrderView(
    d: OrderDetail,
    locale: Locale,
    provider: bool,
    trail: Vec<(String, String)>,
    back: String,
) -> impl IntoView {
    let t = texts(locale);
    let o = &d.summary;
    let title = (t.order_title)(&o.reference);
    let awaiting = matches!(o.state.as_str(), "awaiting_payment" | "payment_failed");
    let lines = d
        .lines
        .iter()
        .map(|l| {
            let details = [
                format!("{}: {}", t.quantity, l.quantity),
                format!("{}: {}", t.people, l.people),
                l.preferred_date.clone().unwrap_or_default(),
                if l.time_slot.is_empty() {
                    String::new()
                } else {
                    slot_label(locale, &l.time_slot).to_string()
                },
                l.notes.clone(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            view! {
                <tr>
                    <td>{l.service_name.clone()}</td>
                    <td>{details}</td>
                    <td class="text-end">{euros(l.unit_price_cents, locale)}</td>
                    <td class="text-end">{euros(l.total_cents, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    let history = d
        .history
        .iter()
        .map(|m| {
            let detail = [
                (t.actor)(&m.actor).to_string(),
                m.amount_cents.map(|c| euros(c, locale)).unwrap_or_default(),
                m.reason.clone(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            view! {
                <li class="mb-2 order-milestone" data-event=m.event.clone()>
                    <time datetime=m.at.clone() class="fw-semibold">{when(&m.at)}</time>
                    " — " {event_label(locale, &m.event)} " → " {state_label(locale, &m.to_state)}
                    <div class="small text-muted">{detail}</div>
                </li>
            }
        })
        .collect_view();
    let has_receipt = OrderState::parse(&o.state).is_some_and(receipt_available);
    let receipt_href = format!(
        "{}/{}/ricevuta.pdf?lang={}",
        if provider {
            "/ente/ordini"
        } else {
            "/area-personale/ordini"
        },
        o.reference,
        locale.code()
    );
    let reference = o.reference.clone();
    let actions = d
        .actions
        .iter()
        .map(|a| view! { <ActionForm action=a.clone() reference=reference.clone() locale back=back.clone() /> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <Breadcrumb current=title.clone() trail />
        <h1 class="mt-3">{title}</h1>
        <BuyingErrors locale />
        {(query_flag("fatto") && !query_flag("recensione")).then(|| view! { <Notice text=state_label(locale, &o.state) /> })}
        {(query_flag("pagamento") && awaiting).then(|| view! {
            <div class="alert alert-info" role="status" id="payment-pending">{t.payment_back}" "{t.payment_pending}</div>
        })}
        <dl class="row" id="order-summary">
            <dt class="col-sm-4">{t.status}</dt>
            <dd class="col-sm-8"><span class="badge bg-primary" id="order-state" data-state=o.state.clone()>{state_label(locale, &o.state)}</span></dd>
            <dt class="col-sm-4">{t.provider}</dt><dd class="col-sm-8">{o.provider_name.clone()}</dd>
            <dt class="col-sm-4">{t.created}</dt><dd class="col-sm-8">{when(&o.created_at)}</dd>
            {awaiting.then(|| view! {
                <dt class="col-sm-4">{t.pay_by}</dt><dd class="col-sm-8">{when(&o.payment_due_at)}</dd>
            })}
            {d.taken_in_at.clone().map(|at| view! {
                <dt class="col-sm-4">{t.taken_in}</dt><dd class="col-sm-8" id="order-taken-in">{when(&at)}</dd>
            })}
            {o.scheduled_for.clone().map(|s| view! {
                <dt class="col-sm-4">{t.scheduled_for}</dt><dd class="col-sm-8">{when(&s)}</dd>
            })}
            {(!awaiting).then(|| d.closes_by.clone()).flatten().map(|at| view! {
                <dt class="col-sm-4">{t.closes_by}</dt><dd class="col-sm-8" id="order-closes-by">{when(&at)}</dd>
            })}
            <dt class="col-sm-4">{t.payment_method}</dt><dd class="col-sm-8">{method_label(locale, &o.payment_method)}</dd>
            <dt class="col-sm-4">{t.total}</dt><dd class="col-sm-8" id="order-total">{euros(o.total_cents, locale)}</dd>
            {(o.voucher_cents > 0).then(|| view! {
                <dt class="col-sm-4">{t.voucher_part}</dt><dd class="col-sm-8">{euros(o.voucher_cents, locale)}</dd>
            })}
            {(o.refunded_cents > 0).then(|| view! {
                <dt class="col-sm-4">{t.refunded}</dt><dd class="col-sm-8" id="order-refunded">{euros(o.refunded_cents, locale)}</dd>
            })}
            {provider.then(|| view! {
                <dt class="col-sm-4">{t.customer}</dt>
                <dd class="col-sm-8">{format!("{} · {} · {}", o.customer_name, d.billing_email, d.billing_phone)}</dd>
            })}
        </dl>
        {has_receipt.then(|| view! {
            <p><a id="order-receipt" href=receipt_href.clone() download="">
                {receipt_texts(locale).download}
            </a></p>
        })}
        <div class="table-responsive">
            <table class="table">
                <caption>{t.details}</caption>
                <thead><tr>
                    <th scope="col">{t.service}</th>
                    <th scope="col">{t.details}</th>
                    <th scope="col" class="text-end">{t.unit_price}</th>
                    <th scope="col" class="text-end">{t.line_total}</th>
                </tr></thead>
                <tbody>{lines}</tbody>
            </table>
        </div>
        {(!d.actions.is_empty()).then(|| view! {
            <section class="my-4" id="order-actions">
                <h2 class="h4">{t.actions}</h2>
                <div class="d-flex flex-column gap-3">{actions}</div>
            </section>
        })}
        <section class="my-4">
            <h2 class="h4">{t.history}</h2>
            <ol class="list-unstyled" id="order-history">{history}</ol>
        </section>
    }
}

/// One action's form: a button, with the fields the action needs.
#[component]
fn ActionForm(action: String, reference: String, locale: Locale, back: String) -> impl IntoView {
    let t = texts(locale);
    let label = event_label(locale, &action);
    if action == "pay" {
        return view! {
            <form method="post" action=PayOrder::url() id="order-pay">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <input type="hidden" name="reference" value=reference />
                <button type="submit" class="btn btn-primary btn-lg" id="order-pay-button">{label}</button>
            </form>
        }
        .into_any();
    }
    let id = format!("action-{action}");
    let needs_reason = matches!(
        action.as_str(),
        "cancel_by_citizen"
            | "cancel_by_provider"
            | "cancel_by_city"
            | "raise_dispute"
            | "refund_full"
            | "refund_partial"
            | "schedule"
            | "resolve_dispute"
    );
    let reason_required = !matches!(
        action.as_str(),
        "cancel_by_citizen" | "schedule" | "resolve_dispute"
    );
    let danger =
        action.starts_with("cancel") || action.starts_with("refund") || action == "raise_dispute";
    view! {
        <form method="post" action=OrderAction::url() id=id.clone() class="border rounded p-3">
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="reference" value=reference />
            <input type="hidden" name="action" value=action.clone() />
            <input type="hidden" name="back" value=back />
            {(action == "schedule").then(|| view! {
                <div class="form-group">
                    <label for=format!("{id}-when") class="active">{t.when}</label>
                    <input type="datetime-local" class="form-control" id=format!("{id}-when") name="when" required />
                </div>
            })}
            {(action == "refund_partial").then(|| view! {
                <div class="form-group">
                    <label for=format!("{id}-amount") class="active">{t.amount}</label>
                    <input type="text" inputmode="decimal" class="form-control" id=format!("{id}-amount") name="amount" required
                        pattern="[0-9]+([.,][0-9]{1,2})?" />
                </div>
            })}
            {needs_reason.then(|| view! {
                <div class="form-group">
                    <label for=format!("{id}-reason") class="active">{t.reason}</label>
                    <textarea class="form-control" id=format!("{id}-reason") name="reason" rows="2" maxlength="1000"
                        required=reason_required></textarea>
                </div>
            })}
            <button type="submit" class=if danger { "btn btn-outline-danger" } else { "btn btn-primary" }>{label}</button>
        </form>
    }
    .into_any()
}

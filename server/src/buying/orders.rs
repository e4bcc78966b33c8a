//! Orders after checkout: who may see one, what each party may do with it (the domain's
//! transition table decides), and the writes each transition carries.

use app::i18n::Locale;
use app::model::{OrderDetail, SessionUser};
use app::ports::{BuyingError, ClientInfo, OrderActionForm};
use domain::accounts::roles::Permission;
use domain::money::Money;
use domain::orders::cancellation::{CancellationError, CancellationTerms, citizen_cancellation};
use domain::orders::timing::{TimePolicy, check_dispute_window};
use domain::orders::{Actor, OrderEvent, OrderState, allowed_events, apply, is_closed};
use domain::vouchers::ledger::{Split, split_refund};
use time::OffsetDateTime;

use super::{BuyingService, internal, mails, now};
use crate::store::orders::{self as store, OrderRow, RefundWrite, TransitionWrite};
use crate::store::{accounts as account_store, audit, payments as payment_store};

/// Until providers state their own terms (issue 8): free cancellation up to 48 hours before
/// the scheduled start, none after (the provider may still agree otherwise).
pub const DEFAULT_TERMS: CancellationTerms = CancellationTerms {
    free_until_hours_before: 48,
    late_fee_percent: None,
};
pub const MAX_REASON: usize = 1_000;

/// In what capacity `who` looks at `order`; `None`: not theirs to see.
pub(super) async fn actor_for(
    s: &BuyingService,
    who: &SessionUser,
    order: &OrderRow,
) -> Result<Option<Actor>, BuyingError> {
    if order.user_id == Some(who.user_id) {
        return Ok(Some(Actor::Citizen));
    }
    // Staff act only as themselves, never while assisting a citizen.
    if who.assisted_by.is_some() {
        return Ok(None);
    }
    let providers = store::staff_providers(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    if providers.contains(&order.provider_id) {
        return Ok(Some(Actor::ProviderStaff));
    }
    let roles = account_store::roles(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    let principal = domain::accounts::roles::Principal::from_rows(
        who.user_id,
        roles.iter().map(|(r, scope)| (r.as_str(), *scope)),
    );
    if principal.has_permission(Permission::Providers) {
        return Ok(Some(Actor::City));
    }
    Ok(None)
}

pub(super) fn state_of(order: &OrderRow) -> Result<OrderState, BuyingError> {
    OrderState::parse(&order.state).ok_or(BuyingError::Internal)
}

/// The actions a viewer is offered: the table's events for their role, without those only
/// the gateway or the clock trigger, plus `pay` for a citizen whose order awaits a payment.
fn offered(order: &OrderRow, state: OrderState, actor: Actor) -> Vec<String> {
    let mut actions: Vec<String> = allowed_events(state, actor)
        .into_iter()
        .filter(|e| !matches!(e, OrderEvent::RetryPayment))
        .map(|e| e.as_str().to_string())
        .collect();
    let payable = matches!(
        state,
        OrderState::AwaitingPayment | OrderState::PaymentFailed
    ) && order.gateway_cents > 0
        && matches!(order.payment_method.as_str(), "card" | "paypal");
    if actor == Actor::Citizen && payable {
        actions.insert(0, "pay".to_string());
    }
    actions
}

pub(super) async fn load(s: &BuyingService, reference: &str) -> Result<OrderRow, BuyingError> {
    store::by_reference(&s.db, reference.trim())
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)
}

pub(super) fn audit_actor(who: &SessionUser) -> (Option<i64>, Option<i64>) {
    match &who.assisted_by {
        Some(op) => (Some(op.user_id), Some(who.user_id)),
        None => (Some(who.user_id), None),
    }
}

pub(super) async fn detail(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
) -> Result<OrderDetail, BuyingError> {
    let order = load(s, reference).await?;
    let actor = actor_for(s, who, &order)
        .await?
        .ok_or(BuyingError::NotFound)?;
    if actor != Actor::Citizen {
        // Someone else's personal data: who looked, and why (their role on the order).
        let (a, behalf) = audit_actor(who);
        let entry = audit::Entry {
            actor: a,
            on_behalf_of: behalf,
            action: "order.viewed",
            subject: order.user_id,
            target: &order.reference,
            reason: actor.as_str(),
            ..Default::default()
        };
        audit::record(&s.db, &entry, now())
            .await
            .map_err(internal)?;
    }
    let state = state_of(&order)?;
    let free_until = order
        .scheduled_for
        .filter(|_| matches!(state, OrderState::Paid | OrderState::Scheduled))
        .map(|start| {
            crate::store::accounts::rfc3339(
                OffsetDateTime::from_unix_timestamp(
                    DEFAULT_TERMS.free_until(start.unix_timestamp()),
                )
                .unwrap_or(start),
            )
        });
    let history = store::history(&s.db, order.id).await.map_err(internal)?;
    let first_provider_action = history
        .iter()
        .find(|m| m.actor == Actor::ProviderStaff.as_str())
        .and_then(|m| domain::rome_time::parse_rfc3339(&m.at));
    let (taken_in, closes_by) = domain::orders::timing::milestone_dates(
        state,
        order.payment_due_at.unix_timestamp(),
        order.delivered_at.map(|d| d.unix_timestamp()),
        first_provider_action,
        &TimePolicy::default(),
    );
    let as_text = |t: i64| {
        OffsetDateTime::from_unix_timestamp(t)
            .map(crate::store::accounts::rfc3339)
            .ok()
    };
    Ok(OrderDetail {
        summary: order.summary(),
        lines: store::lines(&s.db, order.id).await.map_err(internal)?,
        history,
        taken_in_at: taken_in.and_then(as_text),
        closes_by: closes_by.and_then(as_text),
        billing_email: order.billing_email.clone(),
        billing_phone: order.billing_phone.clone(),
        billing_fiscal_code: order.billing_fiscal_code.clone(),
        billing_address: order.billing_address.clone(),
        actions: offered(&order, state, actor),
        free_cancellation_until: free_until,
    })
}

fn reason_of(form: &OrderActionForm, required: bool) -> Result<String, BuyingError> {
    let reason = form.reason.trim().to_string();
    if reason.chars().count() > MAX_REASON || (required && reason.chars().count() < 3) {
        return Err(BuyingError::InvalidField("reason"));
    }
    Ok(reason)
}

/// The e-mail announcing a transition: to the citizen, or to the provider when the citizen
/// acted.
fn notice(
    s: &BuyingService,
    order: &OrderRow,
    to: OrderState,
    actor: Actor,
    reason: &str,
) -> crate::mail::OutgoingMail {
    if actor == Actor::Citizen {
        mails::status_changed(
            Locale::It,
            &order.provider_email,
            &order.provider_name,
            &order.reference,
            to.label_it(),
            reason,
            &format!("{}/ente/ordini/{}", s.public_url, order.reference),
        )
    } else {
        let locale = Locale::from_code(&order.locale).unwrap_or_default();
        let label = match locale {
            Locale::It => to.label_it(),
            Locale::En => to.label_en(),
        };
        mails::status_changed(
            locale,
            &order.billing_email,
            &order.billing_name,
            &order.reference,
            label,
            reason,
            &format!("{}/area-personale/ordini/{}", s.public_url, order.reference),
        )
    }
}

/// The base of a transition's write: the row moves from its current state to `to`.
pub(super) fn write_for(
    order: &OrderRow,
    from: OrderState,
    to: OrderState,
    event: OrderEvent,
    actor: Actor,
    who: Option<&SessionUser>,
    reason: &str,
) -> TransitionWrite {
    let (actor_user_id, on_behalf_of) = match who {
        Some(w) => audit_actor(w),
        None => (None, None),
    };
    let unpaid = matches!(
        from,
        OrderState::AwaitingPayment | OrderState::PaymentFailed
    );
    let ends_without_service = matches!(
        to,
        OrderState::Cancelled | OrderState::Expired | OrderState::Refunded
    );
    TransitionWrite {
        order_id: order.id,
        from: from.as_str().to_string(),
        to: to.as_str().to_string(),
        event: event.as_str().to_string(),
        actor: actor.as_str().to_string(),
        actor_user_id,
        on_behalf_of,
        reason: reason.to_string(),
        set_paid: to == OrderState::Paid && unpaid,
        set_delivered: to == OrderState::Delivered,
        set_closed: is_closed(to) && !is_closed(from),
        // Vouchers reserved by an order that was never paid go back whole.
        reverse_voucher_cents: if unpaid && ends_without_service {
            order.voucher_cents
        } else {
            0
        },
        release_seats: ends_without_service,
        ..Default::default()
    }
}

pub(super) async fn act(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    form: &OrderActionForm,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let order = load(s, reference).await?;
    let actor = actor_for(s, who, &order)
        .await?
        .ok_or(BuyingError::NotFound)?;
    let event = OrderEvent::parse(&form.action).ok_or(BuyingError::InvalidField("action"))?;
    let from = state_of(&order)?;
    let to = apply(from, event, actor).map_err(|_| BuyingError::NotAllowedNow)?;
    let now_ts = now().unix_timestamp();
    let mut w = write_for(&order, from, to, event, actor, Some(who), "");
    // After a cancellation of a paid order, what goes back (and whether to refund at once).
    let mut refund_after: Option<i64> = None;
    match event {
        OrderEvent::Schedule => {
            let at = domain::rome_time::unix_from_rome_local(&form.when)
                .filter(|t| *t > now_ts)
                .ok_or(BuyingError::InvalidField("when"))?;
            w.scheduled_for = OffsetDateTime::from_unix_timestamp(at).ok();
            w.reason = reason_of(form, false)?;
        }
        OrderEvent::CancelByCitizen => {
            w.reason = reason_of(form, false)?;
            let paid = order.total_cents - order.refunded_cents;
            let outcome = citizen_cancellation(
                from,
                &DEFAULT_TERMS,
                order.scheduled_for.map(|t| t.unix_timestamp()),
                now_ts,
                Money::from_cents(
                    if matches!(from, OrderState::Paid | OrderState::Scheduled) {
                        paid
                    } else {
                        0
                    },
                ),
            )
            .map_err(|e| match e {
                CancellationError::TooLate { .. } | CancellationError::AlreadyStarted => {
                    BuyingError::TooLate
                }
                _ => BuyingError::NotAllowedNow,
            })?;
            if !outcome.refund.is_zero() {
                refund_after = Some(outcome.refund.to_cents());
            }
        }
        OrderEvent::CancelByProvider | OrderEvent::CancelByCity => {
            w.reason = reason_of(form, true)?;
            if !matches!(
                from,
                OrderState::AwaitingPayment | OrderState::PaymentFailed
            ) {
                let left = order.total_cents - order.refunded_cents;
                if left > 0 {
                    refund_after = Some(left);
                }
            }
        }
        OrderEvent::RaiseDispute => {
            w.reason = reason_of(form, true)?;
            let delivered = order.delivered_at.map(|t| t.unix_timestamp()).unwrap_or(0);
            check_dispute_window(delivered, now_ts, &TimePolicy::default())
                .map_err(|_| BuyingError::DisputeClosed)?;
        }
        OrderEvent::RefundFull | OrderEvent::RefundPartial => {
            w.reason = reason_of(form, true)?;
            let left = order.total_cents - order.refunded_cents;
            let amount = if event == OrderEvent::RefundFull {
                left
            } else {
                Money::parse(&form.amount.replace(',', "."))
                    .map_err(|_| BuyingError::InvalidField("amount"))?
                    .to_cents()
            };
            // The table names the event; the amount must agree with it.
            let named = domain::orders::refund_event(
                Money::from_cents(order.total_cents),
                Money::from_cents(order.refunded_cents),
                Money::from_cents(amount),
            )
            .map_err(|_| BuyingError::InvalidField("amount"))?;
            if named != event {
                return Err(BuyingError::InvalidField("amount"));
            }
            refund_into(s, &order, amount, &mut w).await?;
        }
        OrderEvent::ConfirmAgreedPayment | OrderEvent::ResolveDispute => {
            w.reason = reason_of(form, false)?;
        }
        OrderEvent::Start | OrderEvent::Deliver | OrderEvent::Complete => {}
        _ => return Err(BuyingError::NotAllowedNow),
    }
    w.mails.push(notice(s, &order, to, actor, &w.reason));
    if !store::transition(&s.db, &w).await.map_err(internal)? {
        return Err(BuyingError::NotAllowedNow);
    }
    s.mail.wake();
    let (a, behalf) = audit_actor(who);
    let action = format!("order.{}", event.as_str());
    let entry = audit::Entry {
        actor: a,
        on_behalf_of: behalf,
        action: &action,
        subject: order.user_id,
        target: &order.reference,
        reason: &w.reason,
        ip: &client.ip,
        request_id: &client.request_id,
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of an order action failed");
    }
    if let Some(amount) = refund_after {
        // The cancellation stands; the money goes back as a second, recorded step.
        let order = load(s, reference).await?;
        let full = amount == order.total_cents - order.refunded_cents;
        let event = if full {
            OrderEvent::RefundFull
        } else {
            OrderEvent::RefundPartial
        };
        let from = state_of(&order)?;
        let to = apply(from, event, Actor::Gateway).map_err(|_| BuyingError::NotAllowedNow)?;
        let mut r = write_for(&order, from, to, event, Actor::Gateway, None, &w.reason);
        refund_into(s, &order, amount, &mut r).await?;
        r.mails
            .push(notice(s, &order, to, Actor::Gateway, &w.reason));
        store::transition(&s.db, &r).await.map_err(internal)?;
        s.mail.wake();
    }
    Ok(())
}

/// Splits a refund between vouchers and the gateway as the payment was split, gives the
/// gateway part back through the gateway, and adds both to the write.
async fn refund_into(
    s: &BuyingService,
    order: &OrderRow,
    amount: i64,
    w: &mut TransitionWrite,
) -> Result<(), BuyingError> {
    let paid = Split {
        voucher: Money::from_cents(order.voucher_cents),
        card: Money::from_cents(order.gateway_cents),
    };
    let parts = split_refund(
        paid,
        Money::from_cents(order.refunded_cents),
        Money::from_cents(amount),
    )
    .map_err(|_| BuyingError::InvalidField("amount"))?;
    let card = parts.card.to_cents();
    let mut refund = RefundWrite {
        gateway: None,
        gateway_ref: None,
        gateway_cents: card,
        voucher_cents: parts.voucher.to_cents(),
    };
    if card > 0 {
        let payment = payment_store::for_order(&s.db, order.id, "succeeded")
            .await
            .map_err(internal)?;
        match payment {
            Some(p) => {
                // Same order, same amount already refunded, same request → same refund.
                let key = format!("refund-{}-{}-{}", order.id, order.refunded_cents, amount);
                let id = s
                    .gateway
                    .refund(&p.gateway_ref, card, &key)
                    .await
                    .map_err(|err| {
                        tracing::error!(%err, order = order.id, "gateway refund failed");
                        BuyingError::Gateway
                    })?;
                refund.gateway = Some(p.gateway);
                refund.gateway_ref = Some(id);
            }
            // Paid by the method agreed with the provider: the provider gives it back itself.
            None if order.payment_method == "agreed" => refund.gateway = Some("agreed".into()),
            None => return Err(BuyingError::NotAllowedNow),
        }
    }
    w.reverse_voucher_cents += refund.voucher_cents;
    w.amount_cents = Some(amount);
    w.refund = Some(refund);
    Ok(())
}

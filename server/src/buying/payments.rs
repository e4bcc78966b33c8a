//! Payments: starting (or resuming) a gateway checkout for an order, and settling what the
//! gateway reports, by webhook or by the reconciliation job's status pull. Only these mark an
//! order paid; the browser's return from the gateway never does.

use app::model::SessionUser;
use app::ports::{BuyingError, ClientInfo};
use domain::orders::{Actor, OrderEvent, OrderState, apply};
use time::{Duration, OffsetDateTime};

use super::orders::{actor_for, load, write_for};
use super::{BuyingService, internal, mails, now};
use crate::payments::{CheckoutRequest, GatewayError, RemoteStatus, WebhookEvent};
use crate::store::orders::{self as store, OrderRow, RefundWrite};
use crate::store::payments as payment_store;

pub(super) async fn start(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    _client: &ClientInfo,
) -> Result<String, BuyingError> {
    let order = load(s, reference).await?;
    if actor_for(s, who, &order).await? != Some(Actor::Citizen) {
        return Err(BuyingError::NotFound);
    }
    let mut state = OrderState::parse(&order.state).ok_or(BuyingError::Internal)?;
    let payable = order.gateway_cents > 0
        && matches!(order.payment_method.as_str(), "card" | "paypal")
        && order.payment_due_at > now();
    if !payable {
        return Err(BuyingError::NotAllowedNow);
    }
    if state == OrderState::PaymentFailed {
        // A new attempt; the deadline does not move.
        let to = apply(state, OrderEvent::RetryPayment, Actor::Citizen)
            .map_err(|_| BuyingError::NotAllowedNow)?;
        let w = write_for(
            &order,
            state,
            to,
            OrderEvent::RetryPayment,
            Actor::Citizen,
            Some(who),
            "",
        );
        store::transition(&s.db, &w).await.map_err(internal)?;
        state = to;
    }
    if state != OrderState::AwaitingPayment {
        return Err(BuyingError::NotAllowedNow);
    }
    // An attempt still open is resumed, never doubled.
    if let Some(open) = payment_store::for_order(&s.db, order.id, "open")
        .await
        .map_err(internal)?
    {
        return Ok(open.redirect_url);
    }
    let attempt = payment_store::attempts(&s.db, order.id)
        .await
        .map_err(internal)?
        + 1;
    let request = CheckoutRequest {
        order_reference: order.reference.clone(),
        provider_id: order.provider_id,
        amount_cents: order.gateway_cents,
        description: format!("{} – {}", order.provider_name, order.reference),
        return_url: format!(
            "{}/area-personale/ordini/{}?pagamento=1",
            s.public_url, order.reference
        ),
        idempotency_key: format!("order-{}-attempt-{attempt}", order.id),
    };
    let created = s.gateway.create_checkout(&request).await.map_err(|err| {
        tracing::error!(%err, order = order.id, "gateway checkout failed");
        BuyingError::Gateway
    })?;
    payment_store::insert(
        &s.db,
        order.id,
        s.gateway.name(),
        &created.gateway_ref,
        &request.idempotency_key,
        order.gateway_cents,
        &created.redirect_url,
        now(),
    )
    .await
    .map_err(internal)?;
    Ok(created.redirect_url)
}

/// What the gateway says about a checkout, applied once: `event_id` (webhooks) is recorded in
/// the same transaction, so a redelivered event changes nothing; the state check covers the
/// status pull racing a webhook.
pub async fn settle(
    s: &BuyingService,
    gateway: &str,
    event: &WebhookEvent,
    event_id: Option<&str>,
) -> Result<(), GatewayError> {
    let failed = |e: app::ports::StoreError| GatewayError::Unavailable(e.to_string());
    let Some(payment) = payment_store::by_gateway_ref(&s.db, gateway, &event.gateway_ref)
        .await
        .map_err(failed)?
    else {
        tracing::warn!(gateway, "webhook for an unknown payment ignored");
        return Ok(());
    };
    if event.amount_cents != payment.amount_cents {
        tracing::error!(
            payment = payment.id,
            "gateway amount differs from the payment's"
        );
        return Err(GatewayError::BadWebhook("amount mismatch".into()));
    }
    let order = store::by_id(&s.db, payment.order_id)
        .await
        .map_err(failed)?
        .ok_or(GatewayError::Unknown)?;
    let from = OrderState::parse(&order.state).ok_or(GatewayError::Unknown)?;
    let (event_kind, payment_status) = match event.status {
        RemoteStatus::Paid => (OrderEvent::PaymentConfirmed, "succeeded"),
        RemoteStatus::Failed => (OrderEvent::PaymentFailed, "failed"),
        RemoteStatus::Cancelled => {
            payment_store::set_status(&s.db, payment.id, "cancelled")
                .await
                .map_err(failed)?;
            return Ok(());
        }
        RemoteStatus::Open => return Ok(()),
    };
    let Ok(to) = apply(from, event_kind, Actor::Gateway) else {
        // Already settled (by the other path) or closed: only the attempt's status changes.
        if payment.status == "open" {
            payment_store::set_status(&s.db, payment.id, payment_status)
                .await
                .map_err(failed)?;
        }
        return Ok(());
    };
    let mut w = write_for(&order, from, to, event_kind, Actor::Gateway, None, "");
    w.payment = Some((payment.id, payment_status.to_string()));
    w.webhook = event_id.map(|id| (gateway.to_string(), id.to_string()));
    w.amount_cents = Some(payment.amount_cents);
    w.mails.push(citizen_notice(s, &order, to));
    let applied = store::transition(&s.db, &w).await.map_err(failed)?;
    s.mail.wake();
    if applied && event_kind == OrderEvent::PaymentConfirmed && to == OrderState::Cancelled {
        // Money taken after the order expired or was cancelled is never kept: it goes back.
        refund_late_payment(s, order.id, &payment.gateway_ref, payment.amount_cents).await?;
    }
    Ok(())
}

fn citizen_notice(
    s: &BuyingService,
    order: &OrderRow,
    to: OrderState,
) -> crate::mail::OutgoingMail {
    let locale = app::i18n::Locale::from_code(&order.locale).unwrap_or_default();
    let label = match locale {
        app::i18n::Locale::It => to.label_it(),
        app::i18n::Locale::En => to.label_en(),
    };
    mails::status_changed(
        locale,
        &order.billing_email,
        &order.billing_name,
        &order.reference,
        label,
        "",
        &format!("{}/area-personale/ordini/{}", s.public_url, order.reference),
    )
}

async fn refund_late_payment(
    s: &BuyingService,
    order_id: i64,
    gateway_ref: &str,
    amount: i64,
) -> Result<(), GatewayError> {
    let failed = |e: app::ports::StoreError| GatewayError::Unavailable(e.to_string());
    let order = store::by_id(&s.db, order_id)
        .await
        .map_err(failed)?
        .ok_or(GatewayError::Unknown)?;
    let refund_id = s
        .gateway
        .refund(gateway_ref, amount, &format!("late-payment-{order_id}"))
        .await?;
    let from = OrderState::parse(&order.state).ok_or(GatewayError::Unknown)?;
    let Ok(to) = apply(from, OrderEvent::RefundFull, Actor::Gateway) else {
        return Ok(());
    };
    let mut w = write_for(
        &order,
        from,
        to,
        OrderEvent::RefundFull,
        Actor::Gateway,
        None,
        "",
    );
    w.amount_cents = Some(amount);
    w.refund = Some(RefundWrite {
        gateway: Some(s.gateway.name().to_string()),
        gateway_ref: Some(refund_id),
        gateway_cents: amount,
        voucher_cents: 0,
    });
    w.mails.push(citizen_notice(s, &order, to));
    store::transition(&s.db, &w).await.map_err(failed)?;
    Ok(())
}

/// Settles attempts still open after `grace` by asking their gateway: the webhook may have
/// been lost. Returns how many were looked at.
pub async fn reconcile(s: &BuyingService, grace: Duration) -> Result<usize, GatewayError> {
    let cutoff: OffsetDateTime = now() - grace;
    let open = payment_store::open_before(&s.db, cutoff)
        .await
        .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
    for payment in &open {
        if payment.gateway != s.gateway.name() {
            continue;
        }
        let status = match s.gateway.status(&payment.gateway_ref).await {
            Ok(status) => status,
            Err(err) => {
                tracing::warn!(%err, payment = payment.id, "status pull failed");
                continue;
            }
        };
        let event = WebhookEvent {
            id: String::new(),
            gateway_ref: payment.gateway_ref.clone(),
            status,
            amount_cents: payment.amount_cents,
        };
        settle(s, &payment.gateway, &event, None).await?;
    }
    Ok(open.len())
}

/// Asks the gateway about the order's open attempt now (the browser is back from the
/// gateway's page): a status pull, which may settle it like a webhook would.
pub(super) async fn refresh(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
) -> Result<(), BuyingError> {
    let order = load(s, reference).await?;
    if actor_for(s, who, &order).await? != Some(Actor::Citizen) {
        return Err(BuyingError::NotFound);
    }
    let Some(payment) = payment_store::for_order(&s.db, order.id, "open")
        .await
        .map_err(internal)?
    else {
        return Ok(());
    };
    if payment.gateway != s.gateway.name() {
        return Ok(());
    }
    let status = s
        .gateway
        .status(&payment.gateway_ref)
        .await
        .map_err(|_| BuyingError::Gateway)?;
    let event = WebhookEvent {
        id: String::new(),
        gateway_ref: payment.gateway_ref.clone(),
        status,
        amount_cents: payment.amount_cents,
    };
    settle(s, &payment.gateway, &event, None)
        .await
        .map_err(|_| BuyingError::Gateway)
}

//! Time-triggered transitions of orders, run every minute by each instance (the state check
//! in every write makes concurrent runs harmless): unpaid orders expire at their deadline
//! (vouchers and seats given back), scheduled ones start at their time, delivered ones
//! complete when the dispute window closes; open payments are reconciled with the gateway.

use std::sync::Arc;

use domain::orders::timing::TimePolicy;
use domain::orders::{Actor, OrderEvent, OrderState, apply};
use time::Duration;

use super::orders::write_for;
use super::{BuyingService, now};
use crate::store::orders as store;
use crate::store::{Db, on_pool};

/// Payments open longer than this are asked about (a hosted page's session lasts about as
/// long as the payment window).
pub const RECONCILE_AFTER: Duration = Duration::minutes(10);

pub fn spawn(service: Arc<BuyingService>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            if let Err(err) = run_once(&service).await {
                tracing::warn!(%err, "order jobs failed; retried next minute");
            }
        }
    });
}

/// Orders due for a time-triggered event: (id, event).
async fn due(db: &Db) -> Result<Vec<(i64, OrderEvent)>, sqlx::Error> {
    let at = now();
    let complete_before = at - Duration::seconds(TimePolicy::default().dispute_window_secs);
    let rows: Vec<(i64, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT id, state FROM orders WHERE \
         (state IN ('awaiting_payment', 'payment_failed') AND payment_due_at < $1) \
         OR (state = 'scheduled' AND scheduled_for <= $1) \
         OR (state = 'delivered' AND delivered_at <= $2) \
         ORDER BY id LIMIT 500"
    ).bind(at).bind(complete_before).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, state)| {
            let event = match state.as_str() {
                "awaiting_payment" | "payment_failed" => OrderEvent::Expire,
                "scheduled" => OrderEvent::Start,
                "delivered" => OrderEvent::Complete,
                _ => return None,
            };
            Some((id, event))
        })
        .collect())
}

/// One pass of every job; returns how many orders moved.
pub async fn run_once(s: &BuyingService) -> anyhow::Result<usize> {
    if let Err(err) = super::payments::reconcile(s, RECONCILE_AFTER).await {
        tracing::warn!(%err, "payment reconciliation failed");
    }
    match super::quotes::expire_due(s).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(requests = n, "quote requests or offers expired"),
        Err(err) => tracing::warn!(%err, "quote expiry failed"),
    }
    let moved = move_due_orders(s).await?;
    match super::accreditation::remind(s).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(providers = n, "accreditation expiry reminders sent"),
        Err(err) => tracing::warn!(%err, "accreditation reminders failed"),
    }
    // After expiries and cancellations: seats may have freed up.
    match super::waitlist::tell_freed(s).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(families = n, "waiting families told of freed seats"),
        Err(err) => tracing::warn!(%err, "waitlist notices failed"),
    }
    match super::appointments::send_reminders(s).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(appointments = n, "appointment reminders queued"),
        Err(err) => tracing::warn!(%err, "appointment reminders failed"),
    }
    Ok(moved)
}

async fn move_due_orders(s: &BuyingService) -> anyhow::Result<usize> {
    let mut moved = 0;
    for (id, event) in due(&s.db).await? {
        let Some(order) = store::by_id(&s.db, id).await? else {
            continue;
        };
        let Some(from) = OrderState::parse(&order.state) else {
            continue;
        };
        let Ok(to) = apply(from, event, Actor::Scheduler) else {
            continue;
        };
        let mut w = write_for(&order, from, to, event, Actor::Scheduler, None, "");
        if event == OrderEvent::Expire {
            let locale = app::i18n::Locale::from_code(&order.locale).unwrap_or_default();
            let label = match locale {
                app::i18n::Locale::It => to.label_it(),
                app::i18n::Locale::En => to.label_en(),
            };
            w.mails.push(super::mails::status_changed(
                locale,
                &order.billing_email,
                &order.billing_name,
                &order.reference,
                label,
                "",
                &format!("{}/area-personale/ordini/{}", s.public_url, order.reference),
            ));
        }
        if store::transition(&s.db, &w).await? {
            moved += 1;
        }
    }
    if moved > 0 {
        s.mail.wake();
    }
    Ok(moved)
}

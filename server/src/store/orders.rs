//! Orders: placement (one transaction per checkout), reads, and transitions with everything a
//! transition carries (history row, payment status, refund, voucher reversal, seats released,
//! e-mails), each in one transaction on either engine.

use app::model::{OrderLine, OrderMilestone, OrderSummary, PageRequest, Paged};
use app::ports::StoreError;
use domain::money::Money;
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

/// One line as it will be stored; prices computed by the service from the price list.
#[derive(Clone, Debug)]
pub struct PlannedLine {
    pub service_id: i64,
    pub service_name: String,
    pub unit: String,
    pub quantity: i64,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub notes: String,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub voucher_eligible: bool,
    /// Shared services: the seats to take (the people) and the capacity. The price is the one
    /// the family confirmed (the tier for the participants counted then, its seats included);
    /// if the group has grown into a cheaper tier meanwhile, the difference is owed back
    /// (`domain::pricing::shared_refund_due`).
    pub shared: Option<(i64, i64)>,
}

#[derive(Clone, Debug)]
pub struct PlannedOrder {
    pub reference: String,
    pub provider_id: i64,
    pub payment_method: String,
    pub gateway: Option<String>,
    pub total_cents: i64,
    pub voucher_debits: Vec<(i64, i64)>,
    pub payment_due_at: OffsetDateTime,
    pub lines: Vec<PlannedLine>,
    pub mails: Vec<OutgoingMail>,
}

/// An accepted quote offer, written with the order it becomes (one transaction): the
/// request's new state (only if still at `version`) and its offers' new states.
#[derive(Clone, Debug)]
pub struct QuoteAcceptance {
    pub request_id: i64,
    pub version: i64,
    pub request_state: String,
    pub offer_states: Vec<(i64, String)>,
}

#[derive(Clone, Debug)]
pub struct Placement {
    pub user_id: i64,
    /// The cart checked out (emptied with the orders' creation); `None` for an accepted offer.
    pub cart_id: Option<i64>,
    pub quote: Option<QuoteAcceptance>,
    pub checkout_key: String,
    pub locale: String,
    pub billing_name: String,
    pub billing_fiscal_code: String,
    pub billing_address: String,
    pub billing_email: String,
    pub billing_phone: String,
    pub orders: Vec<PlannedOrder>,
    pub now: OffsetDateTime,
}

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error("not enough seats")]
    Seats,
    #[error("voucher balance too low")]
    Vouchers,
    /// The quote request changed meanwhile (another action won): nothing written.
    #[error("changed meanwhile")]
    Stale,
    #[error(transparent)]
    Store(#[from] StoreError),
}

enum Abort {
    Seats,
    Stale,
    Vouchers,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for Abort {
    fn from(e: sqlx::Error) -> Abort {
        Abort::Db(e)
    }
}

/// Creates the orders of a checkout, or returns those a previous submission with the same key
/// created. Seats and voucher debits are conditional updates: when one fails, nothing at all
/// is written.
pub async fn place(db: &Db, p: &Placement) -> Result<Vec<String>, PlaceError> {
    let outcome: Result<Vec<String>, Abort> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        // A write first: on SQLite the transaction takes the write lock now (waiting its turn
        // under the busy timeout) instead of failing to upgrade a read later; on PostgreSQL it
        // locks the cart row, so two submissions of one cart run one after the other.
        if let Some(cart) = p.cart_id {
            sqlx::query("UPDATE carts SET updated_at = $1 WHERE id = $2")
                .bind(p.now).bind(cart).execute(&mut *tx).await?;
        }
        if let Some(q) = &p.quote {
            let current = sqlx::query(
                "UPDATE quote_requests SET version = version + 1, state = $1, updated_at = $2 \
                 WHERE id = $3 AND version = $4",
            )
            .bind(&q.request_state).bind(p.now).bind(q.request_id).bind(q.version)
            .execute(&mut *tx).await?.rows_affected();
            if current != 1 {
                return Err(Abort::Stale);
            }
            for (offer, state) in &q.offer_states {
                sqlx::query("UPDATE quote_offers SET state = $1 WHERE id = $2 AND request_id = $3")
                    .bind(state).bind(offer).bind(q.request_id).execute(&mut *tx).await?;
            }
        }
        let existing: Vec<String> = sqlx::query_scalar(
            "SELECT reference FROM orders WHERE checkout_key = $1 AND user_id = $2 ORDER BY id",
        )
        .bind(&p.checkout_key).bind(p.user_id)
        .fetch_all(&mut *tx).await?;
        if !existing.is_empty() {
            return Ok(existing);
        }
        let mut references = Vec::new();
        for o in &p.orders {
            let voucher_cents: i64 = o.voucher_debits.iter().map(|(_, c)| c).sum();
            let gateway_cents = o.total_cents - voucher_cents;
            let paid = gateway_cents == 0 && o.payment_method != "agreed";
            let state = if paid { "paid" } else { "awaiting_payment" };
            let order_id: i64 = sqlx::query_scalar(
                "INSERT INTO orders (reference, user_id, provider_id, state, payment_method, \
                 gateway, total_cents, voucher_cents, gateway_cents, billing_name, \
                 billing_fiscal_code, billing_address, billing_email, billing_phone, \
                 checkout_key, locale, created_at, updated_at, payment_due_at, paid_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                 $17, $17, $18, $19) RETURNING id",
            )
            .bind(&o.reference).bind(p.user_id).bind(o.provider_id).bind(state)
            .bind(&o.payment_method).bind(&o.gateway).bind(o.total_cents).bind(voucher_cents)
            .bind(gateway_cents).bind(&p.billing_name).bind(&p.billing_fiscal_code)
            .bind(&p.billing_address).bind(&p.billing_email).bind(&p.billing_phone)
            .bind(&p.checkout_key).bind(&p.locale).bind(p.now).bind(o.payment_due_at)
            .bind(paid.then_some(p.now))
            .fetch_one(&mut *tx).await?;
            for l in &o.lines {
                let mut seats_held = 0;
                if let Some((seats, capacity)) = &l.shared {
                    sqlx::query(
                        "INSERT INTO shared_seats (service_id, capacity, taken) VALUES ($1, $2, 0) \
                         ON CONFLICT (service_id) DO NOTHING",
                    )
                    .bind(l.service_id).bind(capacity).execute(&mut *tx).await?;
                    let taken: Option<i64> = sqlx::query_scalar(
                        "UPDATE shared_seats SET taken = taken + $1 \
                         WHERE service_id = $2 AND taken + $1 <= capacity RETURNING taken",
                    )
                    .bind(seats).bind(l.service_id).fetch_optional(&mut *tx).await?;
                    if taken.is_none() {
                        return Err(Abort::Seats);
                    }
                    seats_held = *seats;
                }
                sqlx::query(
                    "INSERT INTO order_lines (order_id, service_id, service_name, unit, quantity, \
                     people, preferred_date, time_slot, notes, unit_price_cents, total_cents, \
                     voucher_eligible, seats_held) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(order_id).bind(l.service_id).bind(&l.service_name).bind(&l.unit)
                .bind(l.quantity).bind(l.people).bind(&l.preferred_date).bind(&l.time_slot)
                .bind(&l.notes).bind(l.unit_price_cents).bind(l.total_cents)
                .bind(l.voucher_eligible).bind(seats_held)
                .execute(&mut *tx).await?;
            }
            for (voucher_id, cents) in &o.voucher_debits {
                let debited = sqlx::query(
                    "UPDATE vouchers SET balance_cents = balance_cents - $1 \
                     WHERE id = $2 AND balance_cents >= $1 AND revoked_at IS NULL",
                )
                .bind(cents).bind(voucher_id).execute(&mut *tx).await?.rows_affected();
                if debited != 1 {
                    return Err(Abort::Vouchers);
                }
                sqlx::query(
                    "INSERT INTO voucher_ledger (voucher_id, order_id, kind, amount_cents, at) \
                     VALUES ($1, $2, 'debit', $3, $4)",
                )
                .bind(voucher_id).bind(order_id).bind(-cents).bind(p.now)
                .execute(&mut *tx).await?;
            }
            sqlx::query(
                "INSERT INTO order_events (order_id, at, event, from_state, to_state, actor, \
                 actor_user_id, amount_cents) VALUES ($1, $2, 'placed', NULL, 'awaiting_payment', \
                 'citizen', $3, $4)",
            )
            .bind(order_id).bind(p.now).bind(p.user_id).bind(o.total_cents)
            .execute(&mut *tx).await?;
            if paid {
                sqlx::query(
                    "INSERT INTO order_events (order_id, at, event, from_state, to_state, actor, \
                     amount_cents) VALUES ($1, $2, 'payment_confirmed', 'awaiting_payment', 'paid', \
                     'gateway', $3)",
                )
                .bind(order_id).bind(p.now).bind(voucher_cents)
                .execute(&mut *tx).await?;
            }
            for mail in &o.mails {
                enqueue_in(&mut *tx, mail).await?;
            }
            references.push(o.reference.clone());
        }
        if let Some(cart) = p.cart_id {
            sqlx::query("DELETE FROM cart_items WHERE cart_id = $1")
                .bind(cart).execute(&mut *tx).await?;
        }
        if let (Some(q), Some(first)) = (&p.quote, references.first()) {
            sqlx::query(
                "UPDATE quote_requests SET order_id = (SELECT id FROM orders WHERE reference = $1) \
                 WHERE id = $2",
            )
            .bind(first).bind(q.request_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(references)
    }.await);
    match outcome {
        Ok(refs) => Ok(refs),
        Err(Abort::Seats) => Err(PlaceError::Seats),
        Err(Abort::Stale) => Err(PlaceError::Stale),
        Err(Abort::Vouchers) => Err(PlaceError::Vouchers),
        Err(Abort::Db(e)) => Err(PlaceError::Store(backend(e))),
    }
}

/// An order as stored, for the service's decisions.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrderRow {
    pub id: i64,
    pub reference: String,
    pub user_id: Option<i64>,
    pub provider_id: i64,
    pub provider_name: String,
    pub provider_email: String,
    pub state: String,
    pub payment_method: String,
    pub gateway: Option<String>,
    pub total_cents: i64,
    pub voucher_cents: i64,
    pub gateway_cents: i64,
    pub refunded_cents: i64,
    pub billing_name: String,
    pub billing_fiscal_code: String,
    pub billing_address: String,
    pub billing_email: String,
    pub billing_phone: String,
    pub locale: String,
    pub created_at: OffsetDateTime,
    pub payment_due_at: OffsetDateTime,
    pub scheduled_for: Option<OffsetDateTime>,
    pub delivered_at: Option<OffsetDateTime>,
    pub first_service_it: String,
    pub first_service_en: String,
    pub line_count: i64,
}

impl OrderRow {
    pub fn summary(&self) -> OrderSummary {
        OrderSummary {
            reference: self.reference.clone(),
            provider_id: self.provider_id,
            provider_name: self.provider_name.clone(),
            state: self.state.clone(),
            payment_method: self.payment_method.clone(),
            total_cents: self.total_cents,
            voucher_cents: self.voucher_cents,
            gateway_cents: self.gateway_cents,
            refunded_cents: self.refunded_cents,
            customer_name: self.billing_name.clone(),
            created_at: rfc3339(self.created_at),
            payment_due_at: rfc3339(self.payment_due_at),
            scheduled_for: self.scheduled_for.map(rfc3339),
            first_service_it: self.first_service_it.clone(),
            first_service_en: self.first_service_en.clone(),
            line_count: self.line_count,
        }
    }
}

const SELECT: &str = "SELECT o.id, o.reference, o.user_id, o.provider_id, p.name AS provider_name, \
     p.email AS provider_email, o.state, o.payment_method, o.gateway, o.total_cents, \
     o.voucher_cents, o.gateway_cents, o.refunded_cents, o.billing_name, o.billing_fiscal_code, \
     o.billing_address, o.billing_email, o.billing_phone, o.locale, o.created_at, \
     o.payment_due_at, o.scheduled_for, o.delivered_at, \
     COALESCE((SELECT s.name_it FROM order_lines l JOIN services s ON s.id = l.service_id \
       WHERE l.order_id = o.id ORDER BY l.id LIMIT 1), '') AS first_service_it, \
     COALESCE((SELECT s.name_en FROM order_lines l JOIN services s ON s.id = l.service_id \
       WHERE l.order_id = o.id ORDER BY l.id LIMIT 1), '') AS first_service_en, \
     (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count \
     FROM orders o JOIN providers p ON p.id = o.provider_id";

pub async fn by_reference(db: &Db, reference: &str) -> Result<Option<OrderRow>, StoreError> {
    let sql = format!("{SELECT} WHERE o.reference = $1");
    on_pool!(db, pool => sqlx::query_as::<_, OrderRow>(&sql).bind(reference).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<OrderRow>, StoreError> {
    let sql = format!("{SELECT} WHERE o.id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, OrderRow>(&sql).bind(id).fetch_optional(pool).await)
        .map_err(backend)
}

/// Orders of a person (`user_id`) or of providers (`provider_ids`), newest first.
pub async fn page(
    db: &Db,
    user_id: Option<i64>,
    provider_ids: &[i64],
    page: PageRequest,
) -> Result<Paged<OrderSummary>, StoreError> {
    let filter = match user_id {
        Some(id) => format!("o.user_id = {id}"),
        None if provider_ids.is_empty() => "1 = 0".to_string(),
        None => format!(
            "o.provider_id IN ({})",
            provider_ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    let sql =
        format!("{SELECT} WHERE {filter} ORDER BY o.created_at DESC, o.id DESC LIMIT $1 OFFSET $2");
    let count = format!("SELECT COUNT(*) FROM orders o WHERE {filter}");
    let limit = i64::from(page.per_page);
    let (rows, total) = on_pool!(db, pool => async {
        let rows = sqlx::query_as::<_, OrderRow>(&sql)
            .bind(limit).bind(page.offset()).fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count).fetch_one(pool).await?;
        Ok::<_, sqlx::Error>((rows, total))
    }.await)
    .map_err(backend)?;
    Ok(Paged {
        total,
        page: page.page,
        per_page: page.per_page,
        items: rows.iter().map(OrderRow::summary).collect(),
    })
}

pub async fn lines(db: &Db, order_id: i64) -> Result<Vec<OrderLine>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        service_id: i64,
        service_name: String,
        unit: String,
        quantity: i64,
        people: i64,
        preferred_date: Option<String>,
        time_slot: String,
        notes: String,
        unit_price_cents: i64,
        total_cents: i64,
    }
    on_pool!(db, pool => sqlx::query_as::<_, Row>(
        "SELECT service_id, service_name, unit, quantity, people, preferred_date, time_slot, \
         notes, unit_price_cents, total_cents FROM order_lines WHERE order_id = $1 ORDER BY id"
    ).bind(order_id).fetch_all(pool).await)
    .map(|rows| {
        rows.into_iter()
            .map(|r| OrderLine {
                service_id: r.service_id,
                service_name: r.service_name,
                unit: r.unit,
                quantity: r.quantity,
                people: r.people,
                preferred_date: r.preferred_date,
                time_slot: r.time_slot,
                notes: r.notes,
                unit_price_cents: r.unit_price_cents,
                total_cents: r.total_cents,
            })
            .collect()
    })
    .map_err(backend)
}

pub async fn history(db: &Db, order_id: i64) -> Result<Vec<OrderMilestone>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        at: OffsetDateTime,
        event: String,
        to_state: String,
        actor: String,
        reason: String,
        amount_cents: Option<i64>,
    }
    on_pool!(db, pool => sqlx::query_as::<_, Row>(
        "SELECT at, event, to_state, actor, reason, amount_cents FROM order_events \
         WHERE order_id = $1 ORDER BY id"
    ).bind(order_id).fetch_all(pool).await)
    .map(|rows| {
        rows.into_iter()
            .map(|r| OrderMilestone {
                at: rfc3339(r.at),
                event: r.event,
                to_state: r.to_state,
                actor: r.actor,
                reason: r.reason,
                amount_cents: r.amount_cents,
            })
            .collect()
    })
    .map_err(backend)
}

/// A refund to record with a transition.
#[derive(Clone, Debug)]
pub struct RefundWrite {
    pub gateway: Option<String>,
    pub gateway_ref: Option<String>,
    pub gateway_cents: i64,
    pub voucher_cents: i64,
}

/// Everything one transition writes. Applied only if the order is still in `from` (another
/// request may have moved it meanwhile: then nothing is written and `Ok(false)` comes back).
#[derive(Clone, Debug, Default)]
pub struct TransitionWrite {
    pub order_id: i64,
    pub from: String,
    pub to: String,
    pub event: String,
    pub actor: String,
    pub actor_user_id: Option<i64>,
    pub on_behalf_of: Option<i64>,
    pub reason: String,
    pub amount_cents: Option<i64>,
    pub set_paid: bool,
    pub set_delivered: bool,
    pub set_closed: bool,
    pub scheduled_for: Option<OffsetDateTime>,
    pub refund: Option<RefundWrite>,
    /// Give back to the vouchers this much of what the order took.
    pub reverse_voucher_cents: i64,
    pub release_seats: bool,
    /// A payment attempt's new status.
    pub payment: Option<(i64, String)>,
    /// The webhook event this transition comes from: recorded in the same transaction, so a
    /// redelivery finds it and changes nothing.
    pub webhook: Option<(String, String)>,
    pub mails: Vec<OutgoingMail>,
    pub now: Option<OffsetDateTime>,
}

pub async fn transition(db: &Db, w: &TransitionWrite) -> Result<bool, StoreError> {
    let now = w.now.unwrap_or_else(OffsetDateTime::now_utc);
    let result: Result<bool, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        if let Some((gateway, event_id)) = &w.webhook {
            let fresh = sqlx::query(
                "INSERT INTO webhook_events (gateway, event_id, received_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (gateway, event_id) DO NOTHING",
            )
            .bind(gateway).bind(event_id).bind(now).execute(&mut *tx).await?.rows_affected();
            if fresh == 0 {
                return Ok(false);
            }
        }
        let refunded = w.refund.as_ref().map(|r| r.gateway_cents + r.voucher_cents).unwrap_or(0);
        let moved = sqlx::query(
            "UPDATE orders SET state = $1, updated_at = $2, \
             paid_at = CASE WHEN $3 THEN $2 ELSE paid_at END, \
             delivered_at = CASE WHEN $4 THEN $2 ELSE delivered_at END, \
             closed_at = CASE WHEN $5 THEN $2 ELSE closed_at END, \
             scheduled_for = COALESCE($6, scheduled_for), \
             refunded_cents = refunded_cents + $7 \
             WHERE id = $8 AND state = $9",
        )
        .bind(&w.to).bind(now).bind(w.set_paid).bind(w.set_delivered).bind(w.set_closed)
        .bind(w.scheduled_for).bind(refunded).bind(w.order_id).bind(&w.from)
        .execute(&mut *tx).await?.rows_affected();
        if moved != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO order_events (order_id, at, event, from_state, to_state, actor, \
             actor_user_id, on_behalf_of_user_id, reason, amount_cents) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(w.order_id).bind(now).bind(&w.event).bind(&w.from).bind(&w.to).bind(&w.actor)
        .bind(w.actor_user_id).bind(w.on_behalf_of).bind(&w.reason).bind(w.amount_cents)
        .execute(&mut *tx).await?;
        if let Some((payment_id, status)) = &w.payment {
            sqlx::query("UPDATE payments SET status = $1, updated_at = $2 WHERE id = $3")
                .bind(status).bind(now).bind(payment_id).execute(&mut *tx).await?;
        }
        if let Some(r) = &w.refund {
            sqlx::query(
                "INSERT INTO refunds (order_id, gateway, gateway_ref, gateway_cents, \
                 voucher_cents, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(w.order_id).bind(&r.gateway).bind(&r.gateway_ref).bind(r.gateway_cents)
            .bind(r.voucher_cents).bind(&w.reason).bind(now).execute(&mut *tx).await?;
        }
        if w.reverse_voucher_cents > 0 {
            // What each voucher gave this order and has not had back; the longest-valid first.
            let debits: Vec<(i64, i64, String)> = sqlx::query_as(
                "SELECT l.voucher_id, CAST(-SUM(l.amount_cents) AS BIGINT) AS outstanding, v.valid_until \
                 FROM voucher_ledger l JOIN vouchers v ON v.id = l.voucher_id \
                 WHERE l.order_id = $1 GROUP BY l.voucher_id, v.valid_until",
            )
            .bind(w.order_id).fetch_all(&mut *tx).await?;
            let debits: Vec<domain::vouchers::ledger::VoucherDebit> = debits
                .into_iter()
                .filter_map(|(voucher_id, outstanding, until)| {
                    Some(domain::vouchers::ledger::VoucherDebit {
                        voucher_id,
                        outstanding: Money::from_cents(outstanding),
                        valid_until: domain::date::Date::parse(&until)?,
                    })
                })
                .collect();
            let credits = domain::vouchers::ledger::allocate_reversal(
                &debits,
                Money::from_cents(w.reverse_voucher_cents),
            )
            .map_err(|e| sqlx::Error::Protocol(format!("voucher reversal: {e}")))?;
            for (voucher_id, amount) in credits {
                let cents = amount.to_cents();
                sqlx::query("UPDATE vouchers SET balance_cents = balance_cents + $1 WHERE id = $2")
                    .bind(cents).bind(voucher_id).execute(&mut *tx).await?;
                sqlx::query(
                    "INSERT INTO voucher_ledger (voucher_id, order_id, kind, amount_cents, at) \
                     VALUES ($1, $2, 'reversal', $3, $4)",
                )
                .bind(voucher_id).bind(w.order_id).bind(cents).bind(now)
                .execute(&mut *tx).await?;
            }
        }
        if w.release_seats {
            let held: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT service_id, seats_held FROM order_lines WHERE order_id = $1 AND seats_held > 0",
            )
            .bind(w.order_id).fetch_all(&mut *tx).await?;
            for (service_id, seats) in held {
                sqlx::query("UPDATE shared_seats SET taken = taken - $1 WHERE service_id = $2")
                    .bind(seats).bind(service_id).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE order_lines SET seats_held = 0 WHERE order_id = $1")
                .bind(w.order_id).execute(&mut *tx).await?;
        }
        for mail in &w.mails {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok(true)
    }.await);
    result.map_err(backend)
}

/// Orders still unpaid at their payment deadline (for the expiry job).
pub async fn overdue(db: &Db, now: OffsetDateTime) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT id FROM orders WHERE state IN ('awaiting_payment', 'payment_failed') \
         AND payment_due_at < $1 ORDER BY id LIMIT 200"
    ).bind(now).fetch_all(pool).await)
    .map_err(backend)
}

/// Providers whose staff a person is (from their roles).
pub async fn staff_providers(db: &Db, user_id: i64) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT scope_id FROM user_roles WHERE user_id = $1 \
         AND role IN ('provider_admin', 'provider_operator')"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

/// The references a checkout (key) of this person already created.
pub async fn by_checkout_key(
    db: &Db,
    user_id: i64,
    checkout_key: &str,
) -> Result<Vec<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, String>(
        "SELECT reference FROM orders WHERE checkout_key = $1 AND user_id = $2 ORDER BY id"
    ).bind(checkout_key).bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

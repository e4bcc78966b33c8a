//! The vocabulary of the order machine: states, events, actors, with their stored codes and
//! their names for people.

use serde::{Deserialize, Serialize};

/// Where an order stands. The code ([`OrderState::as_str`]) is what the database stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Created at checkout; seats and voucher amounts are held until it is paid or expires.
    AwaitingPayment,
    /// The gateway refused the last attempt. Kept apart from `AwaitingPayment` so the citizen
    /// sees why and the reconciliation job knows an attempt was made; the citizen may retry
    /// until the same payment deadline.
    PaymentFailed,
    /// Not paid in time: holds released. Kept apart from `Cancelled` because nobody decided
    /// it and nothing is owed.
    Expired,
    Paid,
    /// The provider confirmed dates and staff.
    Scheduled,
    InProgress,
    Delivered,
    /// Closed in the provider's favour: the only state a review may follow.
    Completed,
    /// Cancelled by someone; a refund may be due.
    Cancelled,
    /// Everything paid was given back.
    Refunded,
    /// Part of what was paid was given back (e.g. a late-cancellation fee retained).
    PartiallyRefunded,
    /// The citizen contested the delivery; the city decides.
    Disputed,
}

impl OrderState {
    pub const ALL: [OrderState; 12] = [
        OrderState::AwaitingPayment,
        OrderState::PaymentFailed,
        OrderState::Expired,
        OrderState::Paid,
        OrderState::Scheduled,
        OrderState::InProgress,
        OrderState::Delivered,
        OrderState::Completed,
        OrderState::Cancelled,
        OrderState::Refunded,
        OrderState::PartiallyRefunded,
        OrderState::Disputed,
    ];

    /// Every order starts here.
    pub const INITIAL: OrderState = OrderState::AwaitingPayment;

    pub fn as_str(self) -> &'static str {
        match self {
            OrderState::AwaitingPayment => "awaiting_payment",
            OrderState::PaymentFailed => "payment_failed",
            OrderState::Expired => "expired",
            OrderState::Paid => "paid",
            OrderState::Scheduled => "scheduled",
            OrderState::InProgress => "in_progress",
            OrderState::Delivered => "delivered",
            OrderState::Completed => "completed",
            OrderState::Cancelled => "cancelled",
            OrderState::Refunded => "refunded",
            OrderState::PartiallyRefunded => "partially_refunded",
            OrderState::Disputed => "disputed",
        }
    }

    /// The state with this code.
    pub fn parse(code: &str) -> Option<OrderState> {
        OrderState::ALL.into_iter().find(|s| s.as_str() == code)
    }

    pub fn label_it(self) -> &'static str {
        match self {
            OrderState::AwaitingPayment => "In attesa di pagamento",
            OrderState::PaymentFailed => "Pagamento non riuscito",
            OrderState::Expired => "Scaduto",
            OrderState::Paid => "Pagato",
            OrderState::Scheduled => "Programmato",
            OrderState::InProgress => "In corso",
            OrderState::Delivered => "Erogato",
            OrderState::Completed => "Concluso",
            OrderState::Cancelled => "Annullato",
            OrderState::Refunded => "Rimborsato",
            OrderState::PartiallyRefunded => "Rimborsato in parte",
            OrderState::Disputed => "In contestazione",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            OrderState::AwaitingPayment => "Awaiting payment",
            OrderState::PaymentFailed => "Payment failed",
            OrderState::Expired => "Expired",
            OrderState::Paid => "Paid",
            OrderState::Scheduled => "Scheduled",
            OrderState::InProgress => "In progress",
            OrderState::Delivered => "Delivered",
            OrderState::Completed => "Completed",
            OrderState::Cancelled => "Cancelled",
            OrderState::Refunded => "Refunded",
            OrderState::PartiallyRefunded => "Partially refunded",
            OrderState::Disputed => "Disputed",
        }
    }
}

/// Something that happens to an order. The code is what the transition log stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderEvent {
    /// A verified webhook or status pull says the money was taken.
    PaymentConfirmed,
    /// A verified webhook or status pull says the attempt was refused.
    PaymentFailed,
    /// The citizen tries to pay again after a refusal.
    RetryPayment,
    /// The provider states it received the money by the "other method agreed with the
    /// provider" (issue 6): a separate event, so the log and the permissions never confuse
    /// it with a gateway's confirmation.
    ConfirmAgreedPayment,
    /// The payment deadline passed.
    Expire,
    /// The provider sets (or changes) dates and staff.
    Schedule,
    Start,
    Deliver,
    Complete,
    CancelByCitizen,
    CancelByProvider,
    CancelByCity,
    /// What is left of the payment is given back.
    RefundFull,
    /// Part of what is left is given back.
    RefundPartial,
    RaiseDispute,
    /// The city closes a dispute in the provider's favour.
    ResolveDispute,
}

impl OrderEvent {
    pub const ALL: [OrderEvent; 16] = [
        OrderEvent::PaymentConfirmed,
        OrderEvent::PaymentFailed,
        OrderEvent::RetryPayment,
        OrderEvent::ConfirmAgreedPayment,
        OrderEvent::Expire,
        OrderEvent::Schedule,
        OrderEvent::Start,
        OrderEvent::Deliver,
        OrderEvent::Complete,
        OrderEvent::CancelByCitizen,
        OrderEvent::CancelByProvider,
        OrderEvent::CancelByCity,
        OrderEvent::RefundFull,
        OrderEvent::RefundPartial,
        OrderEvent::RaiseDispute,
        OrderEvent::ResolveDispute,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderEvent::PaymentConfirmed => "payment_confirmed",
            OrderEvent::PaymentFailed => "payment_failed",
            OrderEvent::RetryPayment => "retry_payment",
            OrderEvent::ConfirmAgreedPayment => "confirm_agreed_payment",
            OrderEvent::Expire => "expire",
            OrderEvent::Schedule => "schedule",
            OrderEvent::Start => "start",
            OrderEvent::Deliver => "deliver",
            OrderEvent::Complete => "complete",
            OrderEvent::CancelByCitizen => "cancel_by_citizen",
            OrderEvent::CancelByProvider => "cancel_by_provider",
            OrderEvent::CancelByCity => "cancel_by_city",
            OrderEvent::RefundFull => "refund_full",
            OrderEvent::RefundPartial => "refund_partial",
            OrderEvent::RaiseDispute => "raise_dispute",
            OrderEvent::ResolveDispute => "resolve_dispute",
        }
    }

    pub fn parse(code: &str) -> Option<OrderEvent> {
        OrderEvent::ALL.into_iter().find(|e| e.as_str() == code)
    }

    /// The name of the action (a button, a line of the order's history).
    pub fn label_it(self) -> &'static str {
        match self {
            OrderEvent::PaymentConfirmed => "Pagamento confermato",
            OrderEvent::PaymentFailed => "Pagamento rifiutato",
            OrderEvent::RetryPayment => "Riprova il pagamento",
            OrderEvent::ConfirmAgreedPayment => "Conferma pagamento concordato",
            OrderEvent::Expire => "Scadenza del termine di pagamento",
            OrderEvent::Schedule => "Programma",
            OrderEvent::Start => "Avvia",
            OrderEvent::Deliver => "Segna come erogato",
            OrderEvent::Complete => "Concludi",
            OrderEvent::CancelByCitizen => "Annulla (cittadino)",
            OrderEvent::CancelByProvider => "Annulla (ente)",
            OrderEvent::CancelByCity => "Annulla (Comune)",
            OrderEvent::RefundFull => "Rimborso totale",
            OrderEvent::RefundPartial => "Rimborso parziale",
            OrderEvent::RaiseDispute => "Apri una contestazione",
            OrderEvent::ResolveDispute => "Chiudi la contestazione",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            OrderEvent::PaymentConfirmed => "Payment confirmed",
            OrderEvent::PaymentFailed => "Payment refused",
            OrderEvent::RetryPayment => "Retry payment",
            OrderEvent::ConfirmAgreedPayment => "Confirm agreed payment",
            OrderEvent::Expire => "Payment deadline passed",
            OrderEvent::Schedule => "Schedule",
            OrderEvent::Start => "Start",
            OrderEvent::Deliver => "Mark as delivered",
            OrderEvent::Complete => "Complete",
            OrderEvent::CancelByCitizen => "Cancel (citizen)",
            OrderEvent::CancelByProvider => "Cancel (provider)",
            OrderEvent::CancelByCity => "Cancel (City)",
            OrderEvent::RefundFull => "Full refund",
            OrderEvent::RefundPartial => "Partial refund",
            OrderEvent::RaiseDispute => "Raise a dispute",
            OrderEvent::ResolveDispute => "Close the dispute",
        }
    }
}

/// Who triggers an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The citizen who placed the order (or an operator assisting them).
    Citizen,
    /// Staff of the provider the order is with.
    ProviderStaff,
    /// City staff with the permission to manage orders.
    City,
    /// A verified source of payment facts: a signed webhook, a status pulled from the
    /// gateway, or the portal's own voucher ledger when vouchers cover the whole amount (or
    /// the amount is zero). Never the browser's return URL.
    Gateway,
    /// The portal's scheduled jobs, for the time-triggered rules of [`super::timing`].
    Scheduler,
}

impl Actor {
    pub const ALL: [Actor; 5] = [
        Actor::Citizen,
        Actor::ProviderStaff,
        Actor::City,
        Actor::Gateway,
        Actor::Scheduler,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::ProviderStaff => "provider_staff",
            Actor::City => "city",
            Actor::Gateway => "gateway",
            Actor::Scheduler => "scheduler",
        }
    }

    pub fn parse(code: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.as_str() == code)
    }

    pub fn label_it(self) -> &'static str {
        match self {
            Actor::Citizen => "Cittadino",
            Actor::ProviderStaff => "Ente",
            Actor::City => "Comune",
            Actor::Gateway => "Sistema di pagamento",
            Actor::Scheduler => "Portale (automatico)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Actor::Citizen => "Citizen",
            Actor::ProviderStaff => "Provider",
            Actor::City => "City",
            Actor::Gateway => "Payment system",
            Actor::Scheduler => "Portal (automatic)",
        }
    }
}

//! The one table of transitions, and the functions that read it.

use serde::Serialize;

use super::states::{Actor, OrderEvent, OrderState};

use Actor::{Citizen, City, Gateway, ProviderStaff, Scheduler};
use OrderEvent as E;
use OrderState as S;

/// One row: in state `from`, `event` by one of `actors` leads to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub from: OrderState,
    pub event: OrderEvent,
    pub to: OrderState,
    pub actors: &'static [Actor],
    /// Why the row exists, for the people reading the rendered table.
    pub note: &'static str,
}

const fn row(
    from: OrderState,
    event: OrderEvent,
    to: OrderState,
    actors: &'static [Actor],
    note: &'static str,
) -> Transition {
    Transition {
        from,
        event,
        to,
        actors,
        note,
    }
}

const PAYERS: &[Actor] = &[Gateway];
const REFUNDERS: &[Actor] = &[ProviderStaff, City, Gateway];

/// Every transition of an order. Nothing else moves an order: [`apply`] reads only this.
///
/// Guards that need more than the state (time, amounts) are pure functions applied by the
/// server before [`apply`]: [`super::cancellation::citizen_cancellation`] (the provider's
/// terms), [`super::timing::check_dispute_window`], [`super::refunds::refund_event`] (which
/// of the two refund events an amount is).
#[rustfmt::skip]
pub const TRANSITIONS: &[Transition] = &[
    // Payment.
    row(S::AwaitingPayment, E::PaymentConfirmed, S::Paid, PAYERS, "The gateway (or the voucher ledger) took the whole amount."),
    row(S::AwaitingPayment, E::ConfirmAgreedPayment, S::Paid, &[ProviderStaff], "Paid by the method agreed with the provider."),
    row(S::AwaitingPayment, E::PaymentFailed, S::PaymentFailed, PAYERS, "The gateway refused the attempt."),
    row(S::AwaitingPayment, E::Expire, S::Expired, &[Scheduler], "Not paid before the payment deadline; holds released."),
    row(S::AwaitingPayment, E::CancelByCitizen, S::Cancelled, &[Citizen], "The citizen gives up before paying."),
    row(S::AwaitingPayment, E::CancelByProvider, S::Cancelled, &[ProviderStaff], "The provider cannot take the order."),
    row(S::AwaitingPayment, E::CancelByCity, S::Cancelled, &[City], "The city stops the order."),
    row(S::PaymentFailed, E::PaymentConfirmed, S::Paid, PAYERS, "A later attempt succeeded (same deadline)."),
    row(S::PaymentFailed, E::PaymentFailed, S::PaymentFailed, PAYERS, "Another attempt was refused."),
    row(S::PaymentFailed, E::RetryPayment, S::AwaitingPayment, &[Citizen], "The citizen tries again; the deadline does not move."),
    row(S::PaymentFailed, E::Expire, S::Expired, &[Scheduler], "Still unpaid at the payment deadline."),
    row(S::PaymentFailed, E::CancelByCitizen, S::Cancelled, &[Citizen], "The citizen gives up."),
    row(S::PaymentFailed, E::CancelByProvider, S::Cancelled, &[ProviderStaff], "The provider cannot take the order."),
    row(S::PaymentFailed, E::CancelByCity, S::Cancelled, &[City], "The city stops the order."),
    row(S::Expired, E::PaymentConfirmed, S::Cancelled, PAYERS, "Documented exit: money taken after expiry is never kept nor lost; the order becomes cancelled and is refunded in full."),
    // Fulfilment.
    row(S::Paid, E::Schedule, S::Scheduled, &[ProviderStaff], "The provider confirms dates and staff."),
    row(S::Paid, E::CancelByCitizen, S::Cancelled, &[Citizen], "Within the provider's cancellation terms."),
    row(S::Paid, E::CancelByProvider, S::Cancelled, &[ProviderStaff], "The provider cannot deliver: full refund."),
    row(S::Paid, E::CancelByCity, S::Cancelled, &[City], "The city stops the order: full refund."),
    row(S::Scheduled, E::Schedule, S::Scheduled, &[ProviderStaff], "Rescheduled (agreed with the citizen)."),
    row(S::Scheduled, E::Start, S::InProgress, &[ProviderStaff, Scheduler], "Started by the provider, or at the scheduled start."),
    row(S::Scheduled, E::Deliver, S::Delivered, &[ProviderStaff], "A one-off service delivered without an in-progress phase."),
    row(S::Scheduled, E::CancelByCitizen, S::Cancelled, &[Citizen], "Within the provider's cancellation terms, before the start."),
    row(S::Scheduled, E::CancelByProvider, S::Cancelled, &[ProviderStaff], "The provider cannot deliver: full refund."),
    row(S::Scheduled, E::CancelByCity, S::Cancelled, &[City], "The city stops the order (e.g. a no-show reported): full refund."),
    row(S::InProgress, E::Deliver, S::Delivered, &[ProviderStaff], "The provider declares the service delivered."),
    row(S::InProgress, E::CancelByProvider, S::Cancelled, &[ProviderStaff], "The provider stops midway; the refund covers what was not delivered."),
    row(S::InProgress, E::CancelByCity, S::Cancelled, &[City], "The city stops the service."),
    row(S::Delivered, E::Complete, S::Completed, &[Citizen, Scheduler], "Confirmed by the citizen, or automatically when the dispute window ends."),
    row(S::Delivered, E::RaiseDispute, S::Disputed, &[Citizen], "Within the dispute window: the service was not as agreed."),
    // Disputes and refunds.
    row(S::Disputed, E::ResolveDispute, S::Completed, &[City], "The city finds the delivery stands."),
    row(S::Disputed, E::RefundFull, S::Refunded, REFUNDERS, "Settled with a full refund (decided by the city or offered by the provider)."),
    row(S::Disputed, E::RefundPartial, S::PartiallyRefunded, REFUNDERS, "Settled with a partial refund."),
    row(S::Cancelled, E::PaymentConfirmed, S::Cancelled, PAYERS, "Documented exit: a payment arriving after the cancellation is recorded and refunded."),
    row(S::Cancelled, E::RefundFull, S::Refunded, REFUNDERS, "Documented exit: the money paid goes back."),
    row(S::Cancelled, E::RefundPartial, S::PartiallyRefunded, REFUNDERS, "Documented exit: part goes back (late-cancellation fee, or service partly delivered)."),
    row(S::PartiallyRefunded, E::RefundPartial, S::PartiallyRefunded, REFUNDERS, "Documented exit: a further partial refund."),
    row(S::PartiallyRefunded, E::RefundFull, S::Refunded, REFUNDERS, "Documented exit: the rest goes back (e.g. a fee waived by the city)."),
];

/// States where the order's life is over: nothing more is delivered. Only the rows marked
/// "Documented exit" leave them, and only to record or return money.
pub const CLOSED_STATES: [OrderState; 5] = [
    S::Expired,
    S::Completed,
    S::Cancelled,
    S::Refunded,
    S::PartiallyRefunded,
];

/// Whether nothing more will be delivered for an order in this state.
pub fn is_closed(state: OrderState) -> bool {
    CLOSED_STATES.contains(&state)
}

/// Whether no event at all applies to this state (completed, fully refunded).
pub fn is_terminal(state: OrderState) -> bool {
    transitions_from(state).next().is_none()
}

/// The rows leaving `state`, in table order.
pub fn transitions_from(state: OrderState) -> impl Iterator<Item = &'static Transition> {
    TRANSITIONS.iter().filter(move |t| t.from == state)
}

/// The row for `event` in `state`, if any (at most one: a test checks it).
pub fn transition(state: OrderState, event: OrderEvent) -> Option<&'static Transition> {
    transitions_from(state).find(|t| t.event == event)
}

/// Why an event cannot be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// No row for this event in this state.
    #[error("{} not possible in state {}", event.as_str(), state.as_str())]
    NotAllowed {
        state: OrderState,
        event: OrderEvent,
    },
    /// There is a row, but not for this actor.
    #[error("{} may not {} in state {}", actor.as_str(), event.as_str(), state.as_str())]
    Forbidden {
        state: OrderState,
        event: OrderEvent,
        actor: Actor,
    },
    /// The citizen's dispute window ended at `closed_at` (Unix seconds).
    #[error("dispute window closed at {closed_at}")]
    DisputeWindowClosed { closed_at: i64 },
}

impl TransitionError {
    pub fn message_it(&self) -> String {
        match self {
            TransitionError::NotAllowed { state, event } => format!(
                "L'operazione «{}» non è possibile per un ordine nello stato «{}». Aggiorna la pagina per vedere lo stato attuale dell'ordine.",
                event.label_it(),
                state.label_it()
            ),
            TransitionError::Forbidden { event, .. } => format!(
                "Non è possibile eseguire l'operazione «{}» con il tuo profilo su questo ordine.",
                event.label_it()
            ),
            TransitionError::DisputeWindowClosed { .. } => {
                "Il termine per contestare questo servizio è scaduto. Per segnalare un problema puoi contattare il Comune tramite la pagina Segnala un disservizio.".into()
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            TransitionError::NotAllowed { state, event } => format!(
                "The action \"{}\" is not possible for an order that is \"{}\". Please reload the page to see the order's current status.",
                event.label_en(),
                state.label_en()
            ),
            TransitionError::Forbidden { event, .. } => format!(
                "Your profile cannot perform the action \"{}\" on this order.",
                event.label_en()
            ),
            TransitionError::DisputeWindowClosed { .. } => {
                "The time to dispute this service has ended. To report a problem you can contact the City through the Report a problem page.".into()
            }
        }
    }
}

/// The state an order moves to when `actor` triggers `event` in `state`.
pub fn apply(
    state: OrderState,
    event: OrderEvent,
    actor: Actor,
) -> Result<OrderState, TransitionError> {
    let row = transition(state, event).ok_or(TransitionError::NotAllowed { state, event })?;
    if row.actors.contains(&actor) {
        Ok(row.to)
    } else {
        Err(TransitionError::Forbidden {
            state,
            event,
            actor,
        })
    }
}

/// The events `actor` may trigger in `state`, in table order (the buttons to show).
pub fn allowed_events(state: OrderState, actor: Actor) -> Vec<OrderEvent> {
    transitions_from(state)
        .filter(|t| t.actors.contains(&actor))
        .map(|t| t.event)
        .collect()
}

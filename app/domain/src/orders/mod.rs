//! Orders as a declared state machine (issue 6, "Orders as a declared state machine").
//!
//! One table, [`TRANSITIONS`], lists every move an order can make and who may make it; the
//! server applies [`apply`] and stores each transition with who, when and why, and renders
//! the same table for the back office. Rules that need the clock or amounts are separate
//! pure functions: [`timing`] (payment deadline, automatic start and completion, dispute
//! window), [`cancellation`] (the provider's terms for the citizen), [`refunds`] (how much
//! may go back, and which refund event an amount is).
//!
//! The happy path: awaiting payment → paid → scheduled → in progress → delivered →
//! completed. States beyond the list, and why:
//! - `payment_failed`: a refused card is a fact the citizen must see and may recover from
//!   (retry until the same deadline); folding it into `awaiting_payment` would hide it.
//! - `expired`: nobody cancelled and nothing is owed, unlike `cancelled`; the reconciliation
//!   job and the statistics need to tell them apart.
//!
//! Deliberate limits:
//! - Disputes are raised only on a delivered order, within the dispute window; a no-show or
//!   a problem during the service is reported to the city, which cancels
//!   (`cancel_by_city`) and the refund follows. So a dispute always ends in "the delivery
//!   stands" (completed) or a refund, and never needs to remember a previous state.
//! - Completed is final: the dispute window is the time to contest.
//! - A payment confirmed after expiry or cancellation is never lost: the order is (or stays)
//!   cancelled and the money goes back in full, because seats and voucher holds may already
//!   be gone.
//! - A webhook repeated for an event already applied gets [`TransitionError::NotAllowed`];
//!   the server deduplicates by event id before it gets here and treats that as a no-op.

pub mod cancellation;
pub mod refunds;
mod states;
mod table;
pub mod timing;

#[cfg(test)]
mod tests;

pub use cancellation::{
    CancellationError, CancellationKind, CancellationOutcome, CancellationTerms,
    citizen_cancellation,
};
pub use refunds::{RefundError, refund_event, refundable};
pub use states::{Actor, OrderEvent, OrderState};
pub use table::{
    CLOSED_STATES, TRANSITIONS, Transition, TransitionError, allowed_events, apply, is_closed,
    is_terminal, transition, transitions_from,
};
pub use timing::{OrderTimes, TimePolicy, due_event};

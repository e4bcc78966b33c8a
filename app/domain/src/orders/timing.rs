//! Time-triggered rules, as pure functions of Unix seconds (UTC): the scheduled job asks
//! [`due_event`] for each open order and applies the answer as [`Actor::Scheduler`];
//! nothing expires merely because a page was read.
//!
//! [`Actor::Scheduler`]: super::states::Actor::Scheduler

use serde::{Deserialize, Serialize};

use super::states::{OrderEvent, OrderState};
use super::table::TransitionError;

/// Stripe Checkout sessions live at least 30 minutes; the order waits as long, so the
/// gateway's page and the order expire together and a late payment is rare.
pub const DEFAULT_PAYMENT_WINDOW_SECS: i64 = 30 * 60;
/// The citizen has a week after delivery to dispute it; then the order completes by itself.
pub const DEFAULT_DISPUTE_WINDOW_SECS: i64 = 7 * 24 * 60 * 60;

/// The durations a deployment may tune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimePolicy {
    /// How long an order waits for payment, counted from its creation. Retrying after a
    /// refusal does not restart it: otherwise retries could hold seats and vouchers forever.
    pub payment_window_secs: i64,
    /// How long after delivery the citizen may dispute; the order completes when it ends.
    pub dispute_window_secs: i64,
    /// Whether a scheduled order moves to "in progress" by itself at its start, so the
    /// citizen's cancellation (allowed only before the start) closes on time even if the
    /// provider forgets to press "start".
    pub auto_start: bool,
}

impl Default for TimePolicy {
    fn default() -> TimePolicy {
        TimePolicy {
            payment_window_secs: DEFAULT_PAYMENT_WINDOW_SECS,
            dispute_window_secs: DEFAULT_DISPUTE_WINDOW_SECS,
            auto_start: true,
        }
    }
}

/// The instants of an order that the time rules read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTimes {
    pub created_at: i64,
    pub scheduled_start: Option<i64>,
    pub delivered_at: Option<i64>,
}

/// The instant an unpaid order expires.
pub fn payment_deadline(created_at: i64, policy: &TimePolicy) -> i64 {
    created_at.saturating_add(policy.payment_window_secs)
}

/// The instant a delivered order completes by itself (and the dispute window closes).
pub fn auto_complete_at(delivered_at: i64, policy: &TimePolicy) -> i64 {
    delivered_at.saturating_add(policy.dispute_window_secs)
}

/// Whether the citizen may still raise a dispute on an order delivered at `delivered_at`:
/// strictly before [`auto_complete_at`], so the two never apply at the same instant.
pub fn check_dispute_window(
    delivered_at: i64,
    now: i64,
    policy: &TimePolicy,
) -> Result<(), TransitionError> {
    let closed_at = auto_complete_at(delivered_at, policy);
    if now < closed_at {
        Ok(())
    } else {
        Err(TransitionError::DisputeWindowClosed { closed_at })
    }
}

/// The time-triggered event due now for an order, if any. Every answer is an event the
/// scheduler may trigger in that state (a test checks it against the table).
pub fn due_event(
    state: OrderState,
    times: &OrderTimes,
    now: i64,
    policy: &TimePolicy,
) -> Option<OrderEvent> {
    match state {
        OrderState::AwaitingPayment | OrderState::PaymentFailed
            if now >= payment_deadline(times.created_at, policy) =>
        {
            Some(OrderEvent::Expire)
        }
        OrderState::Scheduled
            if policy.auto_start && times.scheduled_start.is_some_and(|start| now >= start) =>
        {
            Some(OrderEvent::Start)
        }
        OrderState::Delivered
            if times
                .delivered_at
                .is_some_and(|at| now >= auto_complete_at(at, policy)) =>
        {
            Some(OrderEvent::Complete)
        }
        _ => None,
    }
}

/// When the scheduler should look at this order next (None: no time rule applies in this
/// state). Lets the job sleep until the earliest deadline instead of polling every order.
pub fn next_deadline(state: OrderState, times: &OrderTimes, policy: &TimePolicy) -> Option<i64> {
    match state {
        OrderState::AwaitingPayment | OrderState::PaymentFailed => {
            Some(payment_deadline(times.created_at, policy))
        }
        OrderState::Scheduled if policy.auto_start => times.scheduled_start,
        OrderState::Delivered => times.delivered_at.map(|at| auto_complete_at(at, policy)),
        _ => None,
    }
}

/// The two dates the PA's digital-service criteria ask a request's page to show: when the
/// provider took the order in (its first action on it), and the latest date by which the order
/// closes by itself if nobody acts: the payment deadline while unpaid, the end of the dispute
/// window once delivered; `None` while its end depends on people (paid, scheduled, in progress)
/// or once it is closed.
pub fn milestone_dates(
    state: super::OrderState,
    payment_due_at: i64,
    delivered_at: Option<i64>,
    first_provider_action: Option<i64>,
    policy: &TimePolicy,
) -> (Option<i64>, Option<i64>) {
    use super::OrderState as S;
    let closes_by = match state {
        S::AwaitingPayment | S::PaymentFailed => Some(payment_due_at),
        S::Delivered => delivered_at.map(|d| auto_complete_at(d, policy)),
        _ => None,
    };
    (first_provider_action, closes_by)
}

#[cfg(test)]
mod milestone_tests {
    use super::*;
    use crate::orders::OrderState;

    #[test]
    fn closing_dates_follow_the_time_rules() {
        let p = TimePolicy::default();
        assert_eq!(
            milestone_dates(OrderState::AwaitingPayment, 500, None, None, &p),
            (None, Some(500))
        );
        assert_eq!(
            milestone_dates(OrderState::Delivered, 500, Some(1_000), Some(800), &p),
            (Some(800), Some(1_000 + p.dispute_window_secs))
        );
        assert_eq!(
            milestone_dates(OrderState::Scheduled, 500, None, Some(800), &p),
            (Some(800), None)
        );
        assert_eq!(
            milestone_dates(OrderState::Completed, 500, Some(1_000), Some(800), &p),
            (Some(800), None)
        );
    }
}

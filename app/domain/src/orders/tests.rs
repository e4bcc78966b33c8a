use std::collections::{BTreeSet, VecDeque};

use proptest::prelude::*;

use super::timing::{
    DEFAULT_DISPUTE_WINDOW_SECS, DEFAULT_PAYMENT_WINDOW_SECS, auto_complete_at,
    check_dispute_window, next_deadline, payment_deadline,
};
use super::*;
use crate::money::Money;

use Actor::{Citizen, City, Gateway, ProviderStaff, Scheduler};
use OrderEvent as E;
use OrderState as S;

fn eur(cents: i64) -> Money {
    Money::from_cents(cents)
}

// ---- The table itself ----

#[test]
fn at_most_one_row_per_state_and_event() {
    let mut seen = BTreeSet::new();
    for t in TRANSITIONS {
        assert!(seen.insert((t.from, t.event)), "duplicate row {t:?}");
        assert!(!t.actors.is_empty(), "row without actors {t:?}");
        assert!(!t.note.is_empty());
    }
}

#[test]
fn every_state_is_reachable_from_the_start() {
    let mut reached = BTreeSet::from([S::INITIAL]);
    let mut queue = VecDeque::from([S::INITIAL]);
    while let Some(state) = queue.pop_front() {
        for t in transitions_from(state) {
            if reached.insert(t.to) {
                queue.push_back(t.to);
            }
        }
    }
    for state in S::ALL {
        assert!(reached.contains(&state), "{state:?} unreachable");
    }
}

#[test]
fn every_event_and_actor_is_used() {
    for event in E::ALL {
        assert!(
            TRANSITIONS.iter().any(|t| t.event == event),
            "{event:?} unused"
        );
    }
    for actor in Actor::ALL {
        assert!(
            TRANSITIONS.iter().any(|t| t.actors.contains(&actor)),
            "{actor:?} unused"
        );
    }
}

#[test]
fn closed_states_only_record_or_return_money() {
    assert!(is_terminal(S::Completed));
    assert!(is_terminal(S::Refunded));
    for state in CLOSED_STATES {
        for t in transitions_from(state) {
            assert!(
                matches!(
                    t.event,
                    E::PaymentConfirmed | E::RefundFull | E::RefundPartial
                ),
                "closed {state:?} leaves by {:?}",
                t.event
            );
            assert!(t.note.starts_with("Documented exit"), "{t:?}");
            assert!(is_closed(t.to), "closed {state:?} reopens into {:?}", t.to);
        }
    }
    for t in TRANSITIONS
        .iter()
        .filter(|t| t.note.starts_with("Documented exit"))
    {
        assert!(is_closed(t.from), "{t:?}");
    }
    // Open states all lead somewhere.
    for state in S::ALL.into_iter().filter(|s| !is_closed(*s)) {
        assert!(!is_terminal(state), "{state:?}");
    }
}

#[test]
fn each_actor_keeps_to_its_role() {
    for t in TRANSITIONS {
        for actor in t.actors {
            let ok = match actor {
                Scheduler => matches!(t.event, E::Expire | E::Start | E::Complete),
                Gateway => matches!(
                    t.event,
                    E::PaymentConfirmed | E::PaymentFailed | E::RefundFull | E::RefundPartial
                ),
                Citizen => matches!(
                    t.event,
                    E::RetryPayment | E::CancelByCitizen | E::Complete | E::RaiseDispute
                ),
                ProviderStaff => !matches!(
                    t.event,
                    E::PaymentConfirmed
                        | E::PaymentFailed
                        | E::RetryPayment
                        | E::Expire
                        | E::Complete
                        | E::CancelByCitizen
                        | E::CancelByCity
                        | E::RaiseDispute
                        | E::ResolveDispute
                ),
                City => matches!(
                    t.event,
                    E::CancelByCity | E::RefundFull | E::RefundPartial | E::ResolveDispute
                ),
            };
            assert!(ok, "{actor:?} on {t:?}");
        }
    }
    // Only the gateway marks an order paid by card; nobody but the provider by agreed method.
    for t in TRANSITIONS.iter().filter(|t| t.to == S::Paid) {
        assert!(
            t.actors == [Gateway] || t.actors == [ProviderStaff],
            "{t:?}"
        );
    }
}

#[test]
fn codes_round_trip_and_match_serde() {
    for state in S::ALL {
        assert_eq!(S::parse(state.as_str()), Some(state));
        let json = serde_json::to_string(&state).expect("json");
        assert_eq!(json, format!("\"{}\"", state.as_str()));
        assert!(!state.label_it().is_empty() && !state.label_en().is_empty());
    }
    for event in E::ALL {
        assert_eq!(E::parse(event.as_str()), Some(event));
        let json = serde_json::to_string(&event).expect("json");
        assert_eq!(json, format!("\"{}\"", event.as_str()));
        assert_ne!(event.label_it(), event.label_en());
    }
    for actor in Actor::ALL {
        assert_eq!(Actor::parse(actor.as_str()), Some(actor));
        assert_eq!(
            serde_json::to_string(&actor).expect("json"),
            format!("\"{}\"", actor.as_str())
        );
    }
    assert_eq!(S::parse("shipped"), None);
    let rendered = serde_json::to_value(TRANSITIONS).expect("json");
    assert_eq!(rendered[0]["from"], "awaiting_payment");
    assert_eq!(rendered[0]["actors"][0], "gateway");
}

// ---- apply and allowed_events ----

#[test]
fn the_happy_path() {
    let steps = [
        (E::PaymentConfirmed, Gateway, S::Paid),
        (E::Schedule, ProviderStaff, S::Scheduled),
        (E::Start, ProviderStaff, S::InProgress),
        (E::Deliver, ProviderStaff, S::Delivered),
        (E::Complete, Citizen, S::Completed),
    ];
    let mut state = S::INITIAL;
    for (event, actor, expected) in steps {
        state = apply(state, event, actor).expect("allowed");
        assert_eq!(state, expected);
    }
}

#[test]
fn wrong_actor_and_wrong_state_are_told_apart() {
    assert_eq!(
        apply(S::AwaitingPayment, E::PaymentConfirmed, Citizen),
        Err(TransitionError::Forbidden {
            state: S::AwaitingPayment,
            event: E::PaymentConfirmed,
            actor: Citizen
        })
    );
    assert_eq!(
        apply(S::Paid, E::PaymentConfirmed, Gateway),
        Err(TransitionError::NotAllowed {
            state: S::Paid,
            event: E::PaymentConfirmed
        })
    );
    // The citizen cannot cancel once the service is under way.
    assert!(apply(S::InProgress, E::CancelByCitizen, Citizen).is_err());
    // A provider cannot close a dispute about itself.
    assert!(matches!(
        apply(S::Disputed, E::ResolveDispute, ProviderStaff),
        Err(TransitionError::Forbidden { .. })
    ));
    let error = apply(S::Completed, E::RaiseDispute, Citizen).expect_err("closed");
    assert!(error.message_it().contains("«Concluso»"));
    assert!(error.message_en().contains("\"Completed\""));
}

#[test]
fn late_payments_become_refunds() {
    assert_eq!(
        apply(S::Expired, E::PaymentConfirmed, Gateway),
        Ok(S::Cancelled)
    );
    assert_eq!(
        apply(S::Cancelled, E::PaymentConfirmed, Gateway),
        Ok(S::Cancelled)
    );
    assert_eq!(apply(S::Cancelled, E::RefundFull, Gateway), Ok(S::Refunded));
}

#[test]
fn allowed_events_per_actor() {
    assert_eq!(allowed_events(S::Paid, Citizen), vec![E::CancelByCitizen]);
    assert_eq!(
        allowed_events(S::Scheduled, ProviderStaff),
        vec![E::Schedule, E::Start, E::Deliver, E::CancelByProvider]
    );
    assert_eq!(
        allowed_events(S::Delivered, Citizen),
        vec![E::Complete, E::RaiseDispute]
    );
    assert_eq!(
        allowed_events(S::Disputed, City),
        vec![E::ResolveDispute, E::RefundFull, E::RefundPartial]
    );
    assert!(allowed_events(S::Completed, City).is_empty());
    assert_eq!(
        allowed_events(S::PaymentFailed, Citizen),
        vec![E::RetryPayment, E::CancelByCitizen]
    );
}

proptest! {
    /// apply agrees with allowed_events everywhere, and never leaves the table.
    #[test]
    fn apply_matches_allowed_events(s in 0usize..12, e in 0usize..16, a in 0usize..5) {
        let (state, event, actor) = (S::ALL[s], E::ALL[e], Actor::ALL[a]);
        let allowed = allowed_events(state, actor).contains(&event);
        match apply(state, event, actor) {
            Ok(next) => {
                prop_assert!(allowed);
                prop_assert_eq!(transition(state, event).map(|t| t.to), Some(next));
            }
            Err(_) => prop_assert!(!allowed),
        }
    }

    /// Any walk through the machine stays in it, and a closed order never reopens.
    #[test]
    fn random_walks_never_reopen(choices in proptest::collection::vec((0usize..16, 0usize..5), 0..40)) {
        let mut state = S::INITIAL;
        for (e, a) in choices {
            if let Ok(next) = apply(state, E::ALL[e], Actor::ALL[a]) {
                prop_assert!(!is_closed(state) || is_closed(next));
                state = next;
            }
        }
    }
}

// ---- Time ----

#[test]
fn payment_expires_after_the_window() {
    let policy = TimePolicy::default();
    let times = OrderTimes {
        created_at: 1_000,
        ..OrderTimes::default()
    };
    let deadline = 1_000 + DEFAULT_PAYMENT_WINDOW_SECS;
    assert_eq!(payment_deadline(1_000, &policy), deadline);
    assert_eq!(
        due_event(S::AwaitingPayment, &times, deadline - 1, &policy),
        None
    );
    assert_eq!(
        due_event(S::AwaitingPayment, &times, deadline, &policy),
        Some(E::Expire)
    );
    assert_eq!(
        due_event(S::PaymentFailed, &times, deadline + 5, &policy),
        Some(E::Expire)
    );
    assert_eq!(due_event(S::Paid, &times, deadline + 5, &policy), None);
    assert_eq!(
        next_deadline(S::PaymentFailed, &times, &policy),
        Some(deadline)
    );
}

#[test]
fn delivered_orders_complete_when_the_dispute_window_ends() {
    let policy = TimePolicy::default();
    let times = OrderTimes {
        created_at: 0,
        scheduled_start: Some(100),
        delivered_at: Some(10_000),
    };
    let end = 10_000 + DEFAULT_DISPUTE_WINDOW_SECS;
    assert_eq!(auto_complete_at(10_000, &policy), end);
    assert_eq!(check_dispute_window(10_000, end - 1, &policy), Ok(()));
    assert_eq!(
        check_dispute_window(10_000, end, &policy),
        Err(TransitionError::DisputeWindowClosed { closed_at: end })
    );
    assert_eq!(due_event(S::Delivered, &times, end - 1, &policy), None);
    assert_eq!(
        due_event(S::Delivered, &times, end, &policy),
        Some(E::Complete)
    );
    assert_eq!(due_event(S::Disputed, &times, end * 2, &policy), None);
}

#[test]
fn scheduled_orders_start_by_themselves_when_asked_to() {
    let times = OrderTimes {
        created_at: 0,
        scheduled_start: Some(5_000),
        delivered_at: None,
    };
    let auto = TimePolicy::default();
    assert_eq!(due_event(S::Scheduled, &times, 4_999, &auto), None);
    assert_eq!(
        due_event(S::Scheduled, &times, 5_000, &auto),
        Some(E::Start)
    );
    let manual = TimePolicy {
        auto_start: false,
        ..auto
    };
    assert_eq!(due_event(S::Scheduled, &times, 9_000, &manual), None);
    assert_eq!(next_deadline(S::Scheduled, &times, &manual), None);
    assert_eq!(next_deadline(S::Scheduled, &times, &auto), Some(5_000));
}

proptest! {
    /// Whatever the clock says, the scheduler is only ever asked to do what the table lets it.
    #[test]
    fn due_events_are_scheduler_transitions(
        s in 0usize..12,
        created in -1_000_000i64..1_000_000,
        start in proptest::option::of(-1_000_000i64..2_000_000),
        delivered in proptest::option::of(-1_000_000i64..2_000_000),
        now in -2_000_000i64..3_000_000,
        auto_start: bool,
    ) {
        let policy = TimePolicy { auto_start, ..TimePolicy::default() };
        let times = OrderTimes { created_at: created, scheduled_start: start, delivered_at: delivered };
        let state = S::ALL[s];
        if let Some(event) = due_event(state, &times, now, &policy) {
            prop_assert!(apply(state, event, Scheduler).is_ok());
            let deadline = next_deadline(state, &times, &policy);
            prop_assert!(deadline.is_some_and(|d| d <= now));
        }
    }
}

// ---- Cancellation ----

fn terms(hours: u32, fee: Option<u8>) -> CancellationTerms {
    CancellationTerms {
        free_until_hours_before: hours,
        late_fee_percent: fee,
    }
}

#[test]
fn free_then_fee_then_closed() {
    let start = 1_000_000;
    let t = terms(48, Some(50));
    let paid = eur(6_050);
    let free = citizen_cancellation(S::Scheduled, &t, Some(start), start - 48 * 3600 - 1, paid)
        .expect("free");
    assert_eq!(free.kind, CancellationKind::Free);
    assert_eq!((free.refund, free.retained), (paid, Money::ZERO));
    assert_eq!(free.refund_event(), Some(E::RefundFull));

    let late =
        citizen_cancellation(S::Scheduled, &t, Some(start), start - 48 * 3600, paid).expect("late");
    assert_eq!(late.kind, CancellationKind::Late);
    assert_eq!((late.refund, late.retained), (eur(3_025), eur(3_025)));
    assert_eq!(late.refund_event(), Some(E::RefundPartial));

    assert_eq!(
        citizen_cancellation(S::Scheduled, &t, Some(start), start, paid),
        Err(CancellationError::AlreadyStarted)
    );
}

#[test]
fn no_late_cancellation_when_the_terms_say_so() {
    let start = 1_000_000;
    let t = terms(7 * 24, None);
    let free_until = start - 7 * 24 * 3600;
    assert_eq!(t.free_until(start), free_until);
    assert_eq!(
        citizen_cancellation(S::Paid, &t, Some(start), free_until, eur(100)),
        Err(CancellationError::TooLate { free_until })
    );
    let whole_fee = terms(24, Some(100));
    let outcome = citizen_cancellation(S::Scheduled, &whole_fee, Some(start), start - 10, eur(999))
        .expect("late");
    assert_eq!(outcome.refund, Money::ZERO);
    assert_eq!(outcome.refund_event(), None);
}

#[test]
fn fee_rounds_half_up_to_the_cent() {
    let start = 100_000;
    let t = terms(1, Some(30));
    let outcome =
        citizen_cancellation(S::Scheduled, &t, Some(start), start - 1, eur(1_005)).expect("late");
    // 30% of 10.05 = 3.015 → 3.02 retained.
    assert_eq!(outcome.retained, eur(302));
    assert_eq!(outcome.refund + outcome.retained, eur(1_005));
}

#[test]
fn unpaid_or_unscheduled_orders_cancel_freely() {
    let t = terms(48, None);
    let unpaid =
        citizen_cancellation(S::AwaitingPayment, &t, Some(10), 1_000, eur(500)).expect("unpaid");
    assert_eq!(unpaid.refund, Money::ZERO);
    assert_eq!(unpaid.refund_event(), None);
    let unscheduled = citizen_cancellation(S::Paid, &t, None, 1_000, eur(500)).expect("paid");
    assert_eq!(unscheduled.refund, eur(500));
}

#[test]
fn cancellation_follows_the_table() {
    let t = terms(0, Some(0));
    for state in S::ALL {
        let by_table = apply(state, E::CancelByCitizen, Citizen).is_ok();
        let by_rule = citizen_cancellation(state, &t, None, 0, eur(100)).is_ok();
        assert_eq!(by_table, by_rule, "{state:?}");
    }
    let error = citizen_cancellation(S::InProgress, &t, None, 0, eur(1)).expect_err("started");
    assert!(error.message_it().contains("«In corso»"));
}

#[test]
fn terms_are_bounded() {
    assert_eq!(
        terms(24, Some(101)).check(),
        Err(CancellationError::InvalidTerms)
    );
    assert_eq!(
        terms(super::cancellation::MAX_NOTICE_HOURS + 1, None).check(),
        Err(CancellationError::InvalidTerms)
    );
    assert_eq!(
        citizen_cancellation(S::Paid, &terms(24, Some(200)), None, 0, eur(1)),
        Err(CancellationError::InvalidTerms)
    );
}

proptest! {
    /// A cancellation never gives back more than was paid nor keeps more than the fee.
    #[test]
    fn cancellation_splits_the_payment(
        cents in 0i64..10_000_000,
        hours in 0u32..500,
        fee in proptest::option::of(0u8..=100),
        now_before in -10_000_000i64..10_000_000,
    ) {
        let start = 50_000_000;
        let paid = eur(cents);
        let t = terms(hours, fee);
        if let Ok(outcome) = citizen_cancellation(S::Scheduled, &t, Some(start), start - now_before, paid) {
            prop_assert_eq!(outcome.refund + outcome.retained, paid);
            prop_assert!(!outcome.refund.is_negative() && !outcome.retained.is_negative());
            let max_fee = (paid * rust_decimal::Decimal::from(fee.unwrap_or(0)) / rust_decimal::Decimal::ONE_HUNDRED).round_cents();
            prop_assert!(outcome.retained <= max_fee);
            prop_assert_eq!(outcome.retained.round_cents(), outcome.retained);
        } else {
            prop_assert!(now_before <= i64::from(hours) * 3600);
        }
    }
}

// ---- Refunds ----

#[test]
fn refund_amounts() {
    let paid = eur(10_000);
    assert_eq!(refundable(paid, eur(2_500)), eur(7_500));
    assert_eq!(
        refund_event(paid, Money::ZERO, eur(10_000)),
        Ok(E::RefundFull)
    );
    assert_eq!(
        refund_event(paid, Money::ZERO, eur(4_000)),
        Ok(E::RefundPartial)
    );
    assert_eq!(
        refund_event(paid, eur(6_000), eur(4_000)),
        Ok(E::RefundFull)
    );
    assert_eq!(
        refund_event(paid, eur(6_000), eur(4_001)),
        Err(RefundError::Exceeds {
            refundable: eur(4_000)
        })
    );
    assert_eq!(
        refund_event(paid, eur(10_000), eur(1)),
        Err(RefundError::NothingToRefund)
    );
    assert_eq!(
        refund_event(Money::ZERO, Money::ZERO, eur(1)),
        Err(RefundError::NothingToRefund)
    );
    assert_eq!(
        refund_event(paid, Money::ZERO, Money::ZERO),
        Err(RefundError::NotPositive)
    );
    assert_eq!(
        refund_event(paid, Money::ZERO, eur(-5)),
        Err(RefundError::NotPositive)
    );
    let sub_cent = Money::parse("0.005").expect("amount");
    assert_eq!(
        refund_event(paid, Money::ZERO, sub_cent),
        Err(RefundError::SubCent)
    );
    let message = RefundError::Exceeds {
        refundable: eur(123_456),
    }
    .message_it();
    assert!(message.contains("1.234,56 €"), "{message}");
}

proptest! {
    /// However refunds are chopped up, their sum never exceeds what was paid, and the last
    /// one accepted is the full one exactly when it empties the order.
    #[test]
    fn refunds_never_exceed_payment(
        paid_cents in 1i64..1_000_000,
        requests in proptest::collection::vec(1i64..400_000, 1..12),
    ) {
        let paid = eur(paid_cents);
        let mut refunded = Money::ZERO;
        for cents in requests {
            let amount = eur(cents);
            match refund_event(paid, refunded, amount) {
                Ok(event) => {
                    refunded += amount;
                    prop_assert!(refunded <= paid);
                    prop_assert_eq!(event == E::RefundFull, refunded == paid);
                }
                Err(RefundError::Exceeds { refundable: left }) => prop_assert!(amount > left),
                Err(RefundError::NothingToRefund) => prop_assert_eq!(refunded, paid),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}

#[test]
fn every_error_speaks_both_languages() {
    let texts = [
        TransitionError::NotAllowed {
            state: S::Paid,
            event: E::Start,
        }
        .message_it(),
        TransitionError::Forbidden {
            state: S::Paid,
            event: E::Start,
            actor: Citizen,
        }
        .message_en(),
        TransitionError::DisputeWindowClosed { closed_at: 0 }.message_it(),
        TransitionError::DisputeWindowClosed { closed_at: 0 }.message_en(),
        CancellationError::TooLate { free_until: 0 }.message_it(),
        CancellationError::AlreadyStarted.message_en(),
        CancellationError::InvalidTerms.message_it(),
        RefundError::SubCent.message_it(),
        RefundError::NothingToRefund.message_en(),
        RefundError::NotPositive.message_en(),
        RefundError::Exceeds { refundable: eur(5) }.message_en(),
    ];
    for text in texts {
        assert!(text.ends_with('.'), "{text}");
    }
}

use super::*;
use proptest::prelude::*;

#[test]
fn confirmed_while_seats_last() {
    assert_eq!(
        request_seats(10, 7, 3),
        Ok(Allocation::Confirmed { seats: 3 })
    );
    assert_eq!(request_seats(10, 8, 3), Ok(Allocation::Waitlisted));
    assert_eq!(request_seats(10, 12, 1), Ok(Allocation::Waitlisted));
    assert_eq!(request_seats(10, 0, 0), Err(SeatError::NoSeats));
    assert_eq!(
        request_seats(4, 0, 5),
        Err(SeatError::MoreThanCapacity { capacity: 4 })
    );
    assert_eq!(
        request_seats(100, 0, MAX_SEATS_PER_REQUEST + 1),
        Err(SeatError::TooManyForOneRequest {
            max: MAX_SEATS_PER_REQUEST
        })
    );
}

#[test]
fn promotion_is_first_fit_in_order() {
    let waitlist = [
        SeatRequest { id: 1, seats: 3 },
        SeatRequest { id: 2, seats: 1 },
        SeatRequest { id: 3, seats: 2 },
        SeatRequest { id: 4, seats: 1 },
    ];
    assert_eq!(promote(2, &waitlist), vec![2, 4]);
    assert_eq!(promote(3, &waitlist), vec![1]);
    assert_eq!(promote(4, &waitlist), vec![1, 2]);
    assert_eq!(promote(0, &waitlist), Vec::<i64>::new());
}

#[test]
fn a_session_fills_waits_and_promotes() {
    let mut session = Session::new(5).expect("session");
    assert_eq!(
        session.request(1, 3),
        Ok(Allocation::Confirmed { seats: 3 })
    );
    assert_eq!(
        session.request(2, 2),
        Ok(Allocation::Confirmed { seats: 2 })
    );
    assert_eq!(session.request(3, 2), Ok(Allocation::Waitlisted));
    assert_eq!(session.request(4, 1), Ok(Allocation::Waitlisted));
    assert_eq!(session.request(4, 1), Err(SeatError::DuplicateRequest));
    assert_eq!(session.position(4), Some(2));
    assert_eq!(session.free(), 0);
    // One family of three leaves: the two waiting fit, in order.
    assert_eq!(session.cancel(1), Ok(vec![3, 4]));
    assert_eq!(session.taken(), 5);
    assert!(session.waitlist().is_empty());
    assert_eq!(session.cancel(9), Err(SeatError::UnknownRequest));
    // Leaving the waitlist promotes nobody.
    session.request(5, 2).expect("request");
    assert_eq!(session.cancel(5), Ok(vec![]));
}

#[test]
fn capacity_changes() {
    let mut session = Session::new(2).expect("session");
    session.request(1, 2).expect("request");
    session.request(2, 1).expect("request");
    assert_eq!(
        session.set_capacity(1),
        Err(SeatError::CapacityBelowTaken { taken: 2 })
    );
    assert_eq!(session.set_capacity(3), Ok(vec![2]));
    assert_eq!(Session::new(0), Err(SeatError::InvalidCapacity));
    assert_eq!(
        session.set_capacity(MAX_CAPACITY + 1),
        Err(SeatError::InvalidCapacity)
    );
}

#[test]
fn every_error_has_both_messages() {
    for error in [
        SeatError::NoSeats,
        SeatError::TooManyForOneRequest { max: 10 },
        SeatError::MoreThanCapacity { capacity: 4 },
        SeatError::InvalidCapacity,
        SeatError::CapacityBelowTaken { taken: 3 },
        SeatError::UnknownRequest,
        SeatError::DuplicateRequest,
    ] {
        assert!(error.message_it().ends_with('.') && error.message_en().ends_with('.'));
        assert_ne!(error.message_it(), error.message_en());
    }
}

#[derive(Clone, Debug)]
enum Op {
    Request(u32),
    Cancel(usize),
    Capacity(u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1u32..=MAX_SEATS_PER_REQUEST).prop_map(Op::Request),
        3 => any::<usize>().prop_map(Op::Cancel),
        1 => (1u32..30).prop_map(Op::Capacity),
    ]
}

proptest! {
    /// Under any sequence of requests, cancellations and capacity changes: confirmed seats
    /// never exceed the capacity; no waiting request fits in the free seats (nobody waits
    /// for nothing); every request is in exactly one place; the waitlist keeps arrival
    /// order.
    #[test]
    fn never_overbooked(capacity in 1u32..30, ops in proptest::collection::vec(op(), 0..80)) {
        let mut session = Session::new(capacity).expect("session");
        let mut live: Vec<i64> = Vec::new();
        let mut next_id = 0i64;
        for op in ops {
            match op {
                Op::Request(seats) => {
                    next_id += 1;
                    match session.request(next_id, seats) {
                        Ok(_) => live.push(next_id),
                        Err(error) => prop_assert_eq!(error, SeatError::MoreThanCapacity { capacity: session.capacity() }),
                    }
                }
                Op::Cancel(pick) => {
                    if !live.is_empty() {
                        let id = live.remove(pick % live.len());
                        let was_waiting = session.position(id).is_some();
                        let promoted = session.cancel(id).expect("known");
                        prop_assert!(!was_waiting || promoted.is_empty());
                    }
                }
                Op::Capacity(new) => {
                    let taken = session.taken();
                    let result = session.set_capacity(new);
                    prop_assert_eq!(result.is_ok(), new >= taken);
                }
            }
            prop_assert!(session.taken() <= session.capacity());
            let free = session.free();
            prop_assert!(session.waitlist().iter().all(|r| r.seats > free));
            let mut ids: Vec<i64> = session.confirmed().iter().chain(session.waitlist()).map(|r| r.id).collect();
            ids.sort_unstable();
            let mut expected = live.clone();
            expected.sort_unstable();
            prop_assert_eq!(ids, expected);
            let waiting: Vec<i64> = session.waitlist().iter().map(|r| r.id).collect();
            prop_assert!(waiting.windows(2).all(|w| w[0] < w[1]));
        }
    }

    /// The pure rule and the promotion agree: what `promote` picks always fits.
    #[test]
    fn promoted_requests_fit(free in 0u32..20, seats in proptest::collection::vec(1u32..6, 0..10)) {
        let waitlist: Vec<SeatRequest> = seats.iter().enumerate().map(|(i, &s)| SeatRequest { id: i as i64, seats: s }).collect();
        let promoted = promote(free, &waitlist);
        let used: u32 = waitlist.iter().filter(|r| promoted.contains(&r.id)).map(|r| r.seats).sum();
        prop_assert!(used <= free);
        let left = free - used;
        prop_assert!(waitlist.iter().filter(|r| !promoted.contains(&r.id)).all(|r| r.seats > left));
    }
}

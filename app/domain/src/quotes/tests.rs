use proptest::prelude::*;

use super::*;

const NOW: i64 = 1_800_000_000;
const HOUR: i64 = 3_600;
const DAY: i64 = 24 * HOUR;

fn terms(cents: i64, valid_for: i64) -> OfferTerms {
    OfferTerms {
        price: Money::from_cents(cents),
        valid_until: NOW + valid_for,
        period_start: NOW + 10 * DAY,
        period_end: NOW + 40 * DAY,
    }
}

fn request() -> QuoteRequest {
    QuoteRequest::new(&[10, 20, 30], NOW + 5 * DAY, NOW).expect("request")
}

fn states(request: &QuoteRequest) -> Vec<OfferState> {
    request.offers.iter().map(|o| o.state).collect()
}

#[test]
fn new_requests_are_checked() {
    assert_eq!(
        QuoteRequest::new(&[], NOW + DAY, NOW),
        Err(QuoteError::NoProviders)
    );
    assert_eq!(
        QuoteRequest::new(&[1, 2, 3, 4, 5, 6], NOW + DAY, NOW),
        Err(QuoteError::TooManyProviders)
    );
    assert_eq!(
        QuoteRequest::new(&[1, 2, 1], NOW + DAY, NOW),
        Err(QuoteError::DuplicateProvider)
    );
    assert_eq!(
        QuoteRequest::new(&[1], NOW, NOW),
        Err(QuoteError::AnswerByInPast)
    );
    assert_eq!(
        QuoteRequest::new(&[1], NOW + MAX_ANSWER_DAYS * DAY + 1, NOW),
        Err(QuoteError::AnswerByTooFar)
    );
    let request = request();
    assert_eq!(request.state, RequestState::Open);
    assert_eq!(request.next_deadline(), Some(NOW + 5 * DAY));
}

#[test]
fn offers_are_validated() {
    let ok = terms(25_000, DAY);
    assert_eq!(validate_offer(&ok, NOW), Ok(()));
    let cases = [
        (
            OfferTerms {
                price: Money::ZERO,
                ..ok
            },
            QuoteError::PriceNotPositive,
            "price",
        ),
        (
            OfferTerms {
                price: Money::from_cents(-1),
                ..ok
            },
            QuoteError::PriceNotPositive,
            "price",
        ),
        (
            OfferTerms {
                price: Money::parse("10.001").expect("amount"),
                ..ok
            },
            QuoteError::PriceSubCent,
            "price",
        ),
        (
            OfferTerms {
                price: Money::from_cents(MAX_PRICE_CENTS + 1),
                ..ok
            },
            QuoteError::PriceTooHigh,
            "price",
        ),
        (
            OfferTerms {
                valid_until: NOW,
                ..ok
            },
            QuoteError::DeadlineInPast,
            "valid_until",
        ),
        (
            OfferTerms {
                valid_until: NOW + MAX_OFFER_DAYS * DAY + 1,
                ..ok
            },
            QuoteError::DeadlineTooFar,
            "valid_until",
        ),
        (
            OfferTerms {
                period_start: NOW + 50 * DAY,
                ..ok
            },
            QuoteError::PeriodOrder,
            "period_end",
        ),
        (
            OfferTerms {
                period_start: NOW - 9 * DAY,
                period_end: NOW,
                ..ok
            },
            QuoteError::PeriodInPast,
            "period_end",
        ),
    ];
    for (terms, error, field) in cases {
        assert_eq!(validate_offer(&terms, NOW), Err(error));
        assert_eq!(error.field(), Some(field));
    }
    // A one-day service (start = end) is fine.
    let one_day = OfferTerms {
        period_start: NOW + DAY,
        period_end: NOW + DAY,
        ..ok
    };
    assert_eq!(validate_offer(&one_day, NOW), Ok(()));
}

#[test]
fn accepting_one_offer_closes_the_others() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, DAY), NOW)
        .expect("offer");
    request
        .add_offer(2, 20, terms(28_000, 2 * DAY), NOW)
        .expect("offer");
    request
        .add_offer(3, 30, terms(35_000, 3 * DAY), NOW)
        .expect("offer");
    assert_eq!(request.state, RequestState::Answered);
    request.decline_offer(3, NOW + HOUR).expect("decline");
    assert_eq!(request.accept_offer(2, NOW + 2 * HOUR), Ok(vec![1]));
    assert_eq!(
        states(&request),
        vec![
            OfferState::Closed,
            OfferState::Accepted,
            OfferState::Declined
        ]
    );
    assert_eq!(request.state, RequestState::Closed);
    assert_eq!(request.next_deadline(), None);
    // Nothing more can happen.
    assert_eq!(
        request.accept_offer(1, NOW + 3 * HOUR),
        Err(QuoteError::RequestNotOpen {
            state: RequestState::Closed
        })
    );
    assert_eq!(request.expire(NOW + 100 * DAY), Vec::<i64>::new());
}

#[test]
fn an_expired_offer_cannot_be_bought_even_before_the_job_runs() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, DAY), NOW)
        .expect("offer");
    assert_eq!(
        request.accept_offer(1, NOW + DAY),
        Err(QuoteError::OfferExpired)
    );
    assert_eq!(request.offers[0].state, OfferState::Pending);
    assert_eq!(request.next_deadline(), Some(NOW + DAY));
    assert_eq!(request.expire(NOW + DAY), vec![1]);
    assert_eq!(
        request.accept_offer(1, NOW + DAY),
        Err(QuoteError::OfferNotPending {
            state: OfferState::Expired
        })
    );
    // The request waits for the others until its own deadline, then expires.
    assert_eq!(request.state, RequestState::Open);
    assert_eq!(request.expire(NOW + 5 * DAY - 1), Vec::<i64>::new());
    assert_eq!(request.state, RequestState::Open);
    request.expire(NOW + 5 * DAY);
    assert_eq!(request.state, RequestState::Expired);
}

#[test]
fn a_pending_offer_outlives_the_answer_deadline() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, 10 * DAY), NOW)
        .expect("offer");
    request.expire(NOW + 6 * DAY);
    assert_eq!(request.state, RequestState::Answered);
    assert_eq!(
        request.add_offer(2, 20, terms(1_000, 10 * DAY), NOW + 6 * DAY),
        Err(QuoteError::AnswerDeadlinePassed)
    );
    assert_eq!(request.accept_offer(1, NOW + 7 * DAY), Ok(vec![]));
    assert_eq!(request.state, RequestState::Closed);
}

#[test]
fn providers_revise_withdraw_and_decline() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, DAY), NOW)
        .expect("offer");
    assert_eq!(
        request.add_offer(2, 10, terms(27_000, DAY), NOW),
        Ok(vec![1])
    );
    assert_eq!(
        states(&request),
        vec![OfferState::Superseded, OfferState::Pending]
    );
    assert_eq!(
        request.withdraw_offer(2, 20, NOW),
        Err(QuoteError::NotYourOffer)
    );
    assert_eq!(
        request.add_offer(2, 20, terms(1, DAY), NOW),
        Err(QuoteError::DuplicateOffer)
    );
    assert_eq!(
        request.add_offer(3, 99, terms(1, DAY), NOW),
        Err(QuoteError::NotARecipient)
    );
    request.withdraw_offer(2, 10, NOW).expect("withdraw");
    assert_eq!(request.state, RequestState::Open);

    assert_eq!(
        request.decline_request(20, "   ", NOW),
        Err(QuoteError::ReasonMissing)
    );
    assert_eq!(
        request.decline_request(20, &"x".repeat(MAX_REASON_CHARS + 1), NOW),
        Err(QuoteError::ReasonTooLong)
    );
    request
        .decline_request(20, "Nessun operatore disponibile in quel periodo", NOW)
        .expect("decline");
    assert_eq!(
        request.add_offer(4, 20, terms(1_000, DAY), NOW),
        Err(QuoteError::AlreadyDeclined)
    );
    request
        .decline_request(10, "Fuori zona", NOW)
        .expect("decline");
    assert_eq!(request.state, RequestState::Open);
    request
        .decline_request(30, "Servizio sospeso", NOW)
        .expect("decline");
    // Every provider declined: nothing more can come.
    assert_eq!(request.state, RequestState::Closed);
}

#[test]
fn declining_withdraws_the_pending_offer() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, DAY), NOW)
        .expect("offer");
    request
        .decline_request(10, "Ci siamo sbagliati", NOW)
        .expect("decline");
    assert_eq!(states(&request), vec![OfferState::Withdrawn]);
    assert_eq!(request.state, RequestState::Open);
}

#[test]
fn the_citizen_withdraws_the_request() {
    let mut request = request();
    request
        .add_offer(1, 10, terms(30_000, DAY), NOW)
        .expect("offer");
    request
        .add_offer(2, 20, terms(30_000, DAY), NOW)
        .expect("offer");
    assert_eq!(request.withdraw_request(NOW), Ok(vec![1, 2]));
    assert_eq!(request.state, RequestState::Closed);
    assert_eq!(
        request.withdraw_request(NOW),
        Err(QuoteError::RequestNotOpen {
            state: RequestState::Closed
        })
    );
}

#[test]
fn every_error_speaks_both_languages() {
    let errors = [
        QuoteError::NoProviders,
        QuoteError::TooManyProviders,
        QuoteError::DuplicateProvider,
        QuoteError::AnswerByInPast,
        QuoteError::AnswerByTooFar,
        QuoteError::PriceNotPositive,
        QuoteError::PriceSubCent,
        QuoteError::PriceTooHigh,
        QuoteError::DeadlineInPast,
        QuoteError::DeadlineTooFar,
        QuoteError::PeriodOrder,
        QuoteError::PeriodInPast,
        QuoteError::ReasonMissing,
        QuoteError::ReasonTooLong,
        QuoteError::RequestNotOpen {
            state: RequestState::Expired,
        },
        QuoteError::AnswerDeadlinePassed,
        QuoteError::NotARecipient,
        QuoteError::AlreadyDeclined,
        QuoteError::UnknownOffer,
        QuoteError::DuplicateOffer,
        QuoteError::NotYourOffer,
        QuoteError::OfferNotPending {
            state: OfferState::Superseded,
        },
        QuoteError::OfferExpired,
    ];
    for error in errors {
        let (it, en) = (error.message_it(), error.message_en());
        assert!(it.ends_with('.') && en.ends_with('.'), "{it} / {en}");
        assert_ne!(it, en);
    }
    assert!(
        QuoteError::PriceTooHigh
            .message_it()
            .contains("100.000,00 €")
    );
    assert!(
        QuoteError::RequestNotOpen {
            state: RequestState::Expired
        }
        .message_it()
        .contains("«Scaduta»")
    );
}

#[derive(Clone, Debug)]
enum Op {
    Offer { provider: usize, valid_for: i64 },
    Withdraw(usize),
    DeclineOffer(usize),
    Accept(usize),
    DeclineRequest(usize),
    WithdrawRequest,
    Tick(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..3, 1i64..(4 * DAY)).prop_map(|(provider, valid_for)| Op::Offer { provider, valid_for }),
        1 => any::<usize>().prop_map(Op::Withdraw),
        1 => any::<usize>().prop_map(Op::DeclineOffer),
        2 => any::<usize>().prop_map(Op::Accept),
        1 => (0usize..3).prop_map(Op::DeclineRequest),
        1 => Just(Op::WithdrawRequest),
        3 => (0i64..DAY).prop_map(Op::Tick),
    ]
}

proptest! {
    /// Whatever happens: at most one offer is accepted, and then nothing is pending and the
    /// request is closed; each provider has at most one pending offer; a request that closed
    /// or expired never reopens; an offer that left "pending" never changes again.
    #[test]
    fn request_invariants(ops in proptest::collection::vec(op(), 0..40)) {
        let providers = [10i64, 20, 30];
        let mut request = QuoteRequest::new(&providers, NOW + 3 * DAY, NOW).expect("request");
        let mut now = NOW;
        let mut next_offer = 0i64;
        for op in ops {
            let before = request.clone();
            let pick = |i: usize| request.offers.get(i % request.offers.len().max(1)).map(|o| (o.id, o.provider_id));
            match op {
                Op::Offer { provider, valid_for } => {
                    next_offer += 1;
                    let t = OfferTerms { valid_until: now + valid_for, period_start: now, period_end: now + DAY, price: Money::from_cents(100) };
                    let _ = request.add_offer(next_offer, providers[provider], t, now);
                }
                Op::Withdraw(i) => if let Some((id, provider)) = pick(i) {
                    let _ = request.withdraw_offer(id, provider, now);
                },
                Op::DeclineOffer(i) => if let Some((id, _)) = pick(i) {
                    let _ = request.decline_offer(id, now);
                },
                Op::Accept(i) => if let Some((id, _)) = pick(i) {
                    let _ = request.accept_offer(id, now);
                },
                Op::DeclineRequest(p) => {
                    let _ = request.decline_request(providers[p], "motivo", now);
                }
                Op::WithdrawRequest => {
                    let _ = request.withdraw_request(now);
                }
                Op::Tick(seconds) => {
                    now += seconds;
                    request.expire(now);
                }
            }
            let accepted = request.offers.iter().filter(|o| o.state == OfferState::Accepted).count();
            prop_assert!(accepted <= 1);
            let pending = request.offers.iter().filter(|o| o.state == OfferState::Pending).count();
            if accepted == 1 {
                prop_assert_eq!(pending, 0);
                prop_assert_eq!(request.state, RequestState::Closed);
            }
            for provider in providers {
                prop_assert!(request.offers.iter().filter(|o| o.provider_id == provider && o.state == OfferState::Pending).count() <= 1);
            }
            prop_assert_eq!(request.state == RequestState::Answered, pending > 0 && request.state.is_live());
            if !before.state.is_live() {
                prop_assert_eq!(&request, &before);
            }
            for (old, new) in before.offers.iter().zip(&request.offers) {
                if old.state != OfferState::Pending {
                    prop_assert_eq!(old, new);
                }
            }
        }
    }
}

#[test]
fn error_codes_go_both_ways() {
    for code in [
        "no-providers",
        "price-not-positive",
        "offer-expired",
        "request-not-open",
        "offer-not-pending",
    ] {
        let error = QuoteError::from_code(code).expect(code);
        assert_eq!(error.code(), code);
        assert!(!error.message_it().is_empty());
    }
    assert_eq!(QuoteError::from_code("nonsense"), None);
}

#[test]
fn states_parse_their_codes() {
    for state in OfferState::ALL {
        assert_eq!(OfferState::parse(state.as_str()), Some(state));
    }
    assert_eq!(
        RequestState::parse("answered"),
        Some(RequestState::Answered)
    );
    assert_eq!(
        RecipientState::parse("declined"),
        Some(RecipientState::Declined)
    );
    assert_eq!(OfferState::parse("x"), None);
}

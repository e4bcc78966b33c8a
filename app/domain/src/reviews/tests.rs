use proptest::prelude::*;

use super::*;

fn scores(p: i64, pr: i64, k: i64) -> Scores {
    Scores::new(Some(p), Some(pr), Some(k)).expect("valid scores")
}

#[test]
fn scores_are_one_to_five() {
    assert!(Scores::new(Some(1), Some(5), Some(3)).is_ok());
    assert_eq!(
        Scores::new(Some(0), Some(5), Some(3)),
        Err(ReviewError::Score {
            criterion: Criterion::Punctuality
        })
    );
    assert_eq!(
        Scores::new(Some(1), Some(6), Some(3)),
        Err(ReviewError::Score {
            criterion: Criterion::Professionalism
        })
    );
    assert_eq!(
        Scores::new(Some(1), Some(5), None),
        Err(ReviewError::Score {
            criterion: Criterion::Kindness
        })
    );
    assert_eq!(
        Scores::new(Some(-3), None, None),
        Err(ReviewError::Score {
            criterion: Criterion::Punctuality
        })
    );
    assert_eq!(scores(4, 5, 3).total(), 12);
    assert_eq!(scores(4, 5, 3).get(Criterion::Kindness), 3);
}

#[test]
fn texts_have_limits() {
    assert_eq!(validate_body("  troppo  "), Err(ReviewError::BodyTooShort));
    assert_eq!(
        validate_body("  Operatrice puntuale e gentile.  "),
        Ok("Operatrice puntuale e gentile.")
    );
    let long = "à".repeat(MAX_BODY_CHARS + 1);
    assert_eq!(validate_body(&long), Err(ReviewError::BodyTooLong));
    // Characters, not bytes.
    assert!(validate_body(&"à".repeat(MAX_BODY_CHARS)).is_ok());
    assert_eq!(validate_reason(" "), Err(ReviewError::ReasonMissing));
    assert_eq!(
        validate_reason(&"x".repeat(MAX_REASON_CHARS + 1)),
        Err(ReviewError::ReasonTooLong)
    );
    assert_eq!(validate_reply(""), Err(ReviewError::ReplyMissing));
    assert_eq!(
        validate_reply(&"x".repeat(MAX_REPLY_CHARS + 1)),
        Err(ReviewError::ReplyTooLong)
    );
    assert_eq!(validate_reply(" Grazie! "), Ok("Grazie!"));
}

#[test]
fn only_the_citizen_of_a_completed_order_reviews_once() {
    let ok = Eligibility {
        order_state: OrderState::Completed,
        is_order_citizen: true,
        already_reviewed: false,
    };
    assert_eq!(ok.check(), Ok(()));
    for state in OrderState::ALL {
        if state == OrderState::Completed {
            continue;
        }
        let e = Eligibility {
            order_state: state,
            ..ok
        };
        assert_eq!(e.check(), Err(ReviewError::OrderNotCompleted), "{state:?}");
    }
    assert_eq!(
        Eligibility {
            is_order_citizen: false,
            ..ok
        }
        .check(),
        Err(ReviewError::NotYourOrder)
    );
    assert_eq!(
        Eligibility {
            already_reviewed: true,
            ..ok
        }
        .check(),
        Err(ReviewError::AlreadyReviewed)
    );
}

const CITY: Moderator = Moderator {
    has_permission: true,
    is_staff_of_reviewed_provider: false,
};

#[test]
fn moderation_goes_from_pending_only() {
    assert_eq!(
        moderate(ReviewState::Pending, CITY, &Decision::Publish),
        Ok(ReviewState::Published)
    );
    let reject = Decision::Reject {
        reason: "Contiene dati personali di terzi.".into(),
    };
    assert_eq!(
        moderate(ReviewState::Pending, CITY, &reject),
        Ok(ReviewState::Rejected)
    );
    assert_eq!(
        moderate(
            ReviewState::Pending,
            CITY,
            &Decision::Reject { reason: " ".into() }
        ),
        Err(ReviewError::ReasonMissing)
    );
    for state in [ReviewState::Published, ReviewState::Rejected] {
        for decision in [Decision::Publish, reject.clone()] {
            assert_eq!(
                moderate(state, CITY, &decision),
                Err(ReviewError::AlreadyModerated { state })
            );
        }
    }
}

#[test]
fn the_reviewed_provider_never_moderates() {
    let provider = Moderator {
        has_permission: false,
        is_staff_of_reviewed_provider: true,
    };
    assert_eq!(
        moderate(ReviewState::Pending, provider, &Decision::Publish),
        Err(ReviewError::NotModerator)
    );
    // Even someone holding the city permission, when staff of the reviewed provider.
    let both = Moderator {
        has_permission: true,
        is_staff_of_reviewed_provider: true,
    };
    assert_eq!(
        moderate(ReviewState::Pending, both, &Decision::Publish),
        Err(ReviewError::NotModerator)
    );
    let nobody = Moderator {
        has_permission: false,
        is_staff_of_reviewed_provider: false,
    };
    assert_eq!(
        moderate(ReviewState::Pending, nobody, &Decision::Publish),
        Err(ReviewError::NotModerator)
    );
}

#[test]
fn replies_once_by_the_provider_on_published_reviews() {
    assert_eq!(check_reply(ReviewState::Published, true, false), Ok(()));
    assert_eq!(
        check_reply(ReviewState::Published, true, true),
        Err(ReviewError::AlreadyReplied)
    );
    assert_eq!(
        check_reply(ReviewState::Pending, true, false),
        Err(ReviewError::NotPublished)
    );
    assert_eq!(
        check_reply(ReviewState::Rejected, true, false),
        Err(ReviewError::NotPublished)
    );
    assert_eq!(
        check_reply(ReviewState::Published, false, false),
        Err(ReviewError::NotYourReview)
    );
}

#[test]
fn averages_are_exact_and_rounded_half_up() {
    let mut totals = RatingTotals::default();
    assert_eq!(totals.overall().x100(), None);
    assert_eq!(totals.overall().one_decimal(','), None);
    assert_eq!(totals.index_values(), (None, 0));
    totals.add(&scores(5, 4, 4));
    totals.add(&scores(4, 4, 5));
    totals.add(&scores(3, 5, 5));
    assert_eq!(totals.count, 3);
    // Punctuality 12/3 = 4.0; professionalism 13/3 = 4.33; overall 39/9 = 4.33.
    assert_eq!(totals.criterion(Criterion::Punctuality).tenths(), Some(40));
    assert_eq!(
        totals.criterion(Criterion::Professionalism).x100(),
        Some(433)
    );
    assert_eq!(
        totals.criterion(Criterion::Kindness).one_decimal(','),
        Some("4,7".into())
    );
    assert_eq!(totals.overall().x100(), Some(433));
    assert_eq!(totals.overall().one_decimal('.'), Some("4.3".into()));
    assert_eq!(totals.index_values(), (Some(433), 3));
    // Half up: 4.25 → 4.3, 4.35 → 4.4, 4.45 → 4.5 (no binary-float surprises).
    let avg = |sum, count| Average { sum, count };
    assert_eq!(avg(17, 4).one_decimal(','), Some("4,3".into()));
    assert_eq!(avg(87, 20).one_decimal(','), Some("4,4".into()));
    assert_eq!(avg(89, 20).one_decimal(','), Some("4,5".into()));
    assert_eq!(avg(5, 1).one_decimal(','), Some("5,0".into()));
    assert_eq!(avg(2, 3).x100(), Some(67));
    let mut provider = RatingTotals::default();
    provider.merge(&totals);
    provider.merge(&totals);
    assert_eq!(provider.count, 6);
    assert_eq!(provider.overall().x100(), Some(433));
}

#[test]
fn reviewers_are_shown_by_first_name_and_initial() {
    assert_eq!(public_name("Giulia Rossi"), "Giulia R.");
    assert_eq!(public_name("  Anna  Maria   Ferri "), "Anna F.");
    assert_eq!(public_name("Ugo"), "Ugo");
    assert_eq!(public_name("Émile Ørsted"), "Émile Ø.");
    assert_eq!(public_name(""), "");
}

#[test]
fn codes_round_trip() {
    let all = [
        ReviewError::Score {
            criterion: Criterion::Kindness,
        },
        ReviewError::BodyTooShort,
        ReviewError::BodyTooLong,
        ReviewError::NotYourOrder,
        ReviewError::OrderNotCompleted,
        ReviewError::AlreadyReviewed,
        ReviewError::NotModerator,
        ReviewError::AlreadyModerated {
            state: ReviewState::Rejected,
        },
        ReviewError::ReasonMissing,
        ReviewError::ReasonTooLong,
        ReviewError::NotYourReview,
        ReviewError::NotPublished,
        ReviewError::AlreadyReplied,
        ReviewError::ReplyMissing,
        ReviewError::ReplyTooLong,
    ];
    for e in all {
        assert_eq!(ReviewError::from_code(e.code()), Some(e), "{e:?}");
        assert!(!e.message_it().is_empty() && !e.message_en().is_empty());
    }
    assert_eq!(ReviewError::from_code("nonsense"), None);
    assert_eq!(
        ReviewError::Score {
            criterion: Criterion::Professionalism
        }
        .field(),
        Some("professionalism")
    );
    for state in ReviewState::ALL {
        assert_eq!(ReviewState::parse(state.as_str()), Some(state));
    }
}

proptest! {
    /// The one-decimal figure is the exact average rounded half up, always within 0.05.
    #[test]
    fn tenths_are_the_rounded_exact_average(sum in 0i64..100_000, count in 1i64..10_000) {
        let tenths = Average { sum, count }.tenths().unwrap();
        // x100 is within 1/200 of the exact average too.
        // |tenths/10 - sum/count| <= 1/20  ⇔  |20·tenths·count − 200·sum| <= 10·count
        prop_assert!((20 * tenths * count - 200 * sum).abs() <= 10 * count);
        let x100 = Average { sum, count }.x100().unwrap();
        prop_assert!((2 * x100 * count - 200 * sum).abs() <= count);
    }

    /// Any valid scores are accepted, any invalid one refused.
    #[test]
    fn scores_accept_exactly_one_to_five(p in -10i64..10, pr in -10i64..10, k in -10i64..10) {
        let valid = |v: i64| (1..=5).contains(&v);
        prop_assert_eq!(Scores::new(Some(p), Some(pr), Some(k)).is_ok(), valid(p) && valid(pr) && valid(k));
    }
}

use super::*;
use proptest::prelude::*;

fn eur(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn tier(min_p: i64, max_p: Option<i64>, min_q: i64, max_q: Option<i64>, cents: i64) -> PriceTier {
    PriceTier::from_row(min_p, max_p, min_q, max_q, cents).expect("valid tier")
}

/// The shape of the demo's hourly home-care lists.
fn hourly() -> Vec<PriceTier> {
    vec![
        tier(1, None, 1, Some(19), 1850),
        tier(1, None, 20, Some(59), 1750),
        tier(1, None, 60, None, 1700),
    ]
}

/// The shape of the demo's shared lists (per family, by number of families).
fn shared() -> Vec<PriceTier> {
    vec![
        tier(1, Some(4), 1, None, 14000),
        tier(5, Some(9), 1, None, 11900),
        tier(10, None, 1, None, 9800),
    ]
}

#[test]
fn quantity_tiers_pick_the_right_row() {
    let tiers = hourly();
    assert_eq!(unit_price(&tiers, 1, 1), Ok(eur(1850)));
    assert_eq!(unit_price(&tiers, 1, 19), Ok(eur(1850)));
    assert_eq!(unit_price(&tiers, 1, 20), Ok(eur(1750)));
    assert_eq!(unit_price(&tiers, 3, 59), Ok(eur(1750)));
    assert_eq!(unit_price(&tiers, 1, 60), Ok(eur(1700)));
    assert_eq!(unit_price(&tiers, 1, MAX_QUANTITY), Ok(eur(1700)));
}

#[test]
fn overlapping_rows_give_the_lowest_price() {
    let tiers = vec![
        tier(1, None, 1, None, 2000),
        tier(1, Some(2), 1, Some(10), 1500),
        tier(2, None, 5, None, 1800),
    ];
    assert_eq!(unit_price(&tiers, 1, 1), Ok(eur(1500)));
    assert_eq!(unit_price(&tiers, 2, 5), Ok(eur(1500)));
    assert_eq!(unit_price(&tiers, 3, 5), Ok(eur(1800)));
    assert_eq!(unit_price(&tiers, 3, 1), Ok(eur(2000)));
}

#[test]
fn no_match_says_why() {
    let tiers = vec![
        tier(2, Some(3), 1, Some(5), 1000),
        tier(5, None, 10, None, 900),
    ];
    assert_eq!(
        unit_price(&tiers, 1, 1),
        Err(PricingError::NoTierForPeople { people: 1 })
    );
    assert_eq!(
        unit_price(&tiers, 2, 7),
        Err(PricingError::NoTierForQuantity { quantity: 7 })
    );
    assert_eq!(
        unit_price(&tiers, 2, 10),
        Err(PricingError::NoTierForCombination {
            people: 2,
            quantity: 10
        })
    );
    assert_eq!(unit_price(&[], 1, 1), Err(PricingError::NoPriceList));
    assert_eq!(
        PricingError::NoTierForQuantity { quantity: 7 }.field(),
        Some("quantity")
    );
}

#[test]
fn counts_are_validated_with_their_field_name() {
    let tiers = hourly();
    for (people, quantity, field, value) in [
        (0, 1, "people", 0),
        (-3, 1, "people", -3),
        (MAX_PEOPLE + 1, 1, "people", MAX_PEOPLE + 1),
        (1, 0, "quantity", 0),
        (1, MAX_QUANTITY + 1, "quantity", MAX_QUANTITY + 1),
    ] {
        let err = unit_price(&tiers, people, quantity).expect_err("out of range");
        assert_eq!(err.field(), Some(field));
        assert!(matches!(err, PricingError::OutOfRange { value: v, .. } if v == value));
    }
    let err = line_total(&tiers, 1, 0, PriceBasis::PerUnit).expect_err("zero");
    assert!(err.message_it().contains("unità"));
    assert!(err.message_en().contains("between 1 and 1000"));
}

#[test]
fn line_totals_per_unit_and_per_person() {
    let tiers = hourly();
    assert_eq!(
        line_total(&tiers, 2, 10, PriceBasis::PerUnit),
        Ok(eur(18500))
    );
    assert_eq!(
        line_total(&tiers, 2, 10, PriceBasis::PerPersonPerUnit),
        Ok(eur(37000))
    );
    assert_eq!(
        line_total(&tiers, 1, 20, PriceBasis::PerUnit),
        Ok(eur(35000))
    );
    let free = vec![tier(1, None, 1, None, 0)];
    assert_eq!(
        line_total(&free, 3, 4, PriceBasis::PerUnit),
        Ok(Money::ZERO)
    );
}

#[test]
fn shared_share_falls_as_families_join() {
    let tiers = shared();
    assert_eq!(shared_price_per_family(&tiers, 1), Ok(eur(14000)));
    assert_eq!(shared_price_per_family(&tiers, 4), Ok(eur(14000)));
    assert_eq!(shared_price_per_family(&tiers, 5), Ok(eur(11900)));
    assert_eq!(shared_price_per_family(&tiers, 12), Ok(eur(9800)));
    assert!(matches!(
        shared_price_per_family(&tiers, 0),
        Err(PricingError::OutOfRange {
            field: "participants",
            ..
        })
    ));
    // A family with two seats in a group of 6, for 3 months.
    assert_eq!(shared_line_total(&tiers, 6, 2, 3), Ok(eur(71400)));
    // More seats than participants is a contradiction.
    assert!(matches!(
        shared_line_total(&tiers, 2, 3, 1),
        Err(PricingError::OutOfRange { field: "seats", .. })
    ));
}

#[test]
fn shared_refund_only_when_cheaper() {
    let tiers = shared();
    // Paid 140 per seat with 4 families; now 10 families: 98 per seat.
    assert_eq!(
        shared_refund_due(&tiers, eur(14000), 10, 1, 2),
        Ok(eur(8400))
    );
    // Paid 119 (group of 5), group shrank to 3: nothing owed either way.
    assert_eq!(
        shared_refund_due(&tiers, eur(11900), 3, 1, 1),
        Ok(Money::ZERO)
    );
}

#[test]
fn stored_rows_are_checked() {
    for (row, field) in [
        ((0, None, 1, None, 100), "min_people"),
        ((3, Some(2), 1, None, 100), "max_people"),
        ((1, None, 0, None, 100), "min_quantity"),
        ((1, None, 5, Some(4), 100), "max_quantity"),
        ((1, None, 1, None, -1), "unit_price"),
    ] {
        let (a, b, c, d, e) = row;
        assert_eq!(
            PriceTier::from_row(a, b, c, d, e),
            Err(PricingError::InvalidTier { field })
        );
    }
    let fractional = PriceTier {
        unit_price: Money::parse("1.005").expect("amount"),
        ..tier(1, None, 1, None, 100)
    };
    assert_eq!(
        unit_price(&[fractional], 1, 1),
        Err(PricingError::InvalidTier {
            field: "unit_price"
        })
    );
}

#[test]
fn every_error_has_both_messages() {
    let errors = [
        PricingError::OutOfRange {
            field: "seats",
            value: 0,
            min: 1,
            max: 3,
        },
        PricingError::NoPriceList,
        PricingError::NoTierForPeople { people: 2 },
        PricingError::NoTierForQuantity { quantity: 2 },
        PricingError::NoTierForCombination {
            people: 2,
            quantity: 2,
        },
        PricingError::InvalidTier {
            field: "max_people",
        },
    ];
    for error in errors {
        assert!(error.message_it().ends_with('.'));
        assert!(error.message_en().ends_with('.'));
        assert_ne!(error.message_it(), error.message_en());
    }
}

fn arb_tier() -> impl Strategy<Value = PriceTier> {
    (
        1i64..6,
        proptest::option::of(0i64..6),
        1i64..30,
        proptest::option::of(0i64..30),
        0i64..10_000,
    )
        .prop_map(|(min_p, extra_p, min_q, extra_q, cents)| PriceTier {
            min_people: min_p,
            max_people: extra_p.map(|e| min_p + e),
            min_quantity: min_q,
            max_quantity: extra_q.map(|e| min_q + e),
            unit_price: Money::from_cents(cents),
        })
}

proptest! {
    /// The price, when there is one, is the minimum over exactly the matching rows, and a
    /// line is never cheaper per unit than that price.
    #[test]
    fn unit_price_is_min_of_matching(
        tiers in proptest::collection::vec(arb_tier(), 0..6),
        people in 1i64..12,
        quantity in 1i64..70,
    ) {
        let matching: Vec<Money> = tiers
            .iter()
            .filter(|t| t.takes_people(people) && t.takes_quantity(quantity))
            .map(|t| t.unit_price)
            .collect();
        match unit_price(&tiers, people, quantity) {
            Ok(price) => {
                prop_assert_eq!(Some(price), matching.iter().copied().min());
                let total = line_total(&tiers, people, quantity, PriceBasis::PerUnit).expect("priced");
                prop_assert_eq!(total, price * Decimal::from(quantity));
                let per_person = line_total(&tiers, people, quantity, PriceBasis::PerPersonPerUnit).expect("priced");
                prop_assert_eq!(per_person, total * Decimal::from(people));
            }
            Err(_) => prop_assert!(matching.is_empty()),
        }
    }

    /// The shared share never grows when the tiers are priced lower for larger groups.
    #[test]
    fn shared_share_is_monotone_for_decreasing_lists(a in 1i64..20, b in 1i64..20) {
        let tiers = shared();
        let (small, large) = (a.min(b), a.max(b));
        let small_price = shared_price_per_family(&tiers, small).expect("priced");
        let large_price = shared_price_per_family(&tiers, large).expect("priced");
        prop_assert!(large_price <= small_price);
        prop_assert!(!shared_refund_due(&tiers, small_price, large, 1, 1).expect("priced").is_negative());
    }
}

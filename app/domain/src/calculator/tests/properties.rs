//! Properties over random valid requests.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::json::assert_amounts_have_two_decimals;
use super::*;
use crate::calculator::tables::tables;
use crate::calculator::{InpsBand, Level, Regime};

/// A valid request: any year, regime, one of its levels, hours within the limits, pay at
/// or above the minimum (as cents added to it), any options the regime allows.
#[derive(Clone, Debug)]
struct Case {
    request: CalculatorInput,
    extra_pay_cents: i64,
}

fn max_hours(regime: Regime, nights: i64) -> i64 {
    match regime {
        Regime::LiveIn => 54,
        Regime::LiveInPartTime => 30,
        Regime::Hourly | Regime::RestDaySubstitute => 40,
        Regime::NightAssistance => 12 * nights,
        Regime::NightPresence => 11 * nights,
    }
}

fn case() -> impl Strategy<Value = Case> {
    case_in(Regime::ALL.to_vec())
}

fn case_in(regimes: Vec<Regime>) -> impl Strategy<Value = Case> {
    let years: Vec<i32> = tables().years.keys().copied().collect();
    (
        prop::sample::select(years),
        prop::sample::select(regimes),
        any::<prop::sample::Index>(),
        1i64..=7,
        any::<prop::sample::Index>(),
        0i64..=30_000,
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        (0i64..=3, 0i64..=3, 0i64..=14, 0i64..=7),
    )
        .prop_map(
            |(year, regime, level_index, nights, hours_index, extra, flags, counts)| {
                let levels = tables().years[&year].levels_for(regime);
                let level: Level = *level_index.get(&levels);
                let nights = if regime.is_night() { nights } else { 0 };
                let slots = usize::try_from(max_hours(regime, nights)).unwrap_or(1);
                let hours = 1 + i64::try_from(hours_index.index(slots)).unwrap_or(0);
                let (fixed_term, cuaf, board, holiday) = flags;
                let (children, assisted, meals, seniority) = counts;
                let request = CalculatorInput {
                    year: i64::from(year),
                    regime: regime.as_str().to_owned(),
                    level: level.as_str().to_owned(),
                    weekly_hours: Decimal::from(hours),
                    nights_per_week: nights,
                    fixed_term,
                    cuaf,
                    board_in_kind: board && regime.is_live_in(),
                    include_holiday_replacement: holiday,
                    children_under_6: children,
                    non_self_sufficient_assisted: assisted,
                    meals_per_week: if regime.is_hourly() { meals } else { 0 },
                    seniority_increments: seniority,
                    ..CalculatorInput::default()
                };
                let extra_pay_cents = if regime.is_hourly() {
                    extra / 20
                } else {
                    extra
                };
                Case {
                    request,
                    extra_pay_cents,
                }
            },
        )
}

/// The request with the agreed pay set to minimum + `extra_cents`.
fn with_extra_pay(request: &CalculatorInput, extra_cents: i64) -> CalculatorInput {
    let minimum = ok(request).minimum;
    let minimum = minimum.hourly.or(minimum.monthly).expect("minimum");
    let pay = Some(minimum + Money::from_cents(extra_cents));
    let regime = Regime::parse(&request.regime).expect("regime");
    if regime.is_hourly() {
        CalculatorInput {
            hourly_pay: pay,
            ..request.clone()
        }
    } else {
        CalculatorInput {
            monthly_pay: pay,
            ..request.clone()
        }
    }
}

fn amounts(result: &CalculatorResult) -> Vec<Money> {
    let mut all = vec![
        result.monthly_pay,
        result.board_monthly_value,
        result.effective_hourly_pay,
        result.inps.hourly_total,
        result.inps.hourly_worker,
        result.inps.hourly_employer,
        result.inps.quarterly_total,
        result.inps.annual_total,
        result.inps.annual_employer,
        result.inps.annual_worker,
        result.cassa_colf.hourly_total,
        result.cassa_colf.annual_total,
        result.cassa_colf.annual_employer,
        result.cassa_colf.annual_worker,
        result.thirteenth,
        result.tfr_annual,
        result.holiday_replacement_annual,
        result.annual_employer_cost,
        result.monthly_average_cost,
        result.worker_net_monthly,
        result.tax_relief.deductible_contributions,
        result.tax_relief.carer_detraction_max,
        result.alternatives.libretto_famiglia.annual_cost,
    ];
    all.extend(result.minimum.hourly);
    all.extend(result.minimum.monthly);
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// More pay never lowers the annual cost (a higher band only adds contributions).
    #[test]
    fn annual_cost_never_decreases_with_pay(case in case(), more in 0i64..=20_000) {
        let lower = ok(&with_extra_pay(&case.request, case.extra_pay_cents));
        let higher = ok(&with_extra_pay(&case.request, case.extra_pay_cents + more));
        prop_assert!(higher.annual_employer_cost >= lower.annual_employer_cost);
        prop_assert!(higher.worker_net_monthly >= lower.worker_net_monthly);
    }

    /// More weekly hours never lower the annual cost while the INPS row stays the same.
    /// (Crossing a row can lower it: see `more_hours_can_cost_less_across_24_hours`.)
    #[test]
    fn annual_cost_never_decreases_with_hours_in_the_same_inps_row(
        case in case(),
        more in 1i64..=20,
    ) {
        let request = with_extra_pay(&case.request, case.extra_pay_cents);
        let regime = Regime::parse(&request.regime).expect("regime");
        let max = Decimal::from(max_hours(regime, request.nights_per_week));
        let longer = CalculatorInput {
            weekly_hours: (request.weekly_hours + Decimal::from(more)).min(max),
            ..request.clone()
        };
        let (short, long) = (ok(&request), ok(&longer));
        if short.inps.band == long.inps.band {
            prop_assert!(long.annual_employer_cost >= short.annual_employer_cost);
        }
    }

    /// Paid by the hour, whole hours on the same side of 24 h never cost less.
    #[test]
    fn hourly_regimes_cost_more_with_more_hours(
        case in case_in(vec![Regime::Hourly, Regime::RestDaySubstitute]),
        more in 1i64..=20,
    ) {
        let request = with_extra_pay(&case.request, case.extra_pay_cents);
        let side_max = if request.weekly_hours > Decimal::from(24) { 40 } else { 24 };
        let hours = (request.weekly_hours + Decimal::from(more)).min(Decimal::from(side_max));
        let longer = CalculatorInput { weekly_hours: hours, ..request.clone() };
        prop_assert!(ok(&longer).annual_employer_cost >= ok(&request).annual_employer_cost);
    }

    /// Employer and worker shares add up to the total, hourly and annual.
    #[test]
    fn shares_add_up(case in case()) {
        let result = ok(&with_extra_pay(&case.request, case.extra_pay_cents));
        let inps = &result.inps;
        prop_assert_eq!(inps.hourly_employer + inps.hourly_worker, inps.hourly_total);
        prop_assert_eq!(inps.annual_employer + inps.annual_worker, inps.annual_total);
        let colf = &result.cassa_colf;
        prop_assert_eq!(colf.annual_employer + colf.annual_worker, colf.annual_total);
        prop_assert_eq!(result.thirteenth, result.monthly_pay + result.board_monthly_value);
    }

    /// No amount is negative, and each is a whole number of cents.
    #[test]
    fn amounts_are_non_negative_cents(case in case()) {
        let result = ok(&with_extra_pay(&case.request, case.extra_pay_cents));
        for amount in amounts(&result) {
            prop_assert!(!amount.is_negative(), "{amount}");
            prop_assert_eq!(amount, amount.round_cents());
        }
        prop_assert!(result.worker_net_monthly > Money::ZERO);
        prop_assert!(result.annual_employer_cost >= result.monthly_pay * Decimal::from(13));
    }

    /// The INPS row follows the hours and the effective pay.
    #[test]
    fn band_matches_hours(case in case()) {
        let result = ok(&with_extra_pay(&case.request, case.extra_pay_cents));
        let over = case.request.weekly_hours > Decimal::from(24);
        prop_assert_eq!(result.inps.band == InpsBand::Over24h, over);
    }

    /// Every amount serializes as a string with exactly two decimals.
    #[test]
    fn every_amount_has_two_decimals(case in case(), prices in prop::collection::vec(0i64..=5_000, 0..5)) {
        let prices: Vec<Money> = prices.into_iter().map(Money::from_cents).collect();
        let request = with_extra_pay(&case.request, case.extra_pay_cents);
        let result = compute(&request, &prices).expect("valid");
        let value = serde_json::to_value(&result).expect("serialized");
        assert_amounts_have_two_decimals(&value, "response");
    }

    /// Money: text and cents round-trip; Italian format reads back.
    #[test]
    fn money_text_round_trips(cents in -1_000_000_000i64..=1_000_000_000) {
        let amount = Money::from_cents(cents);
        prop_assert_eq!(Money::parse(&amount.to_string()), Ok(amount));
        prop_assert_eq!(Money::parse(&amount.format_it()), Ok(amount));
        prop_assert_eq!(amount.to_cents(), cents);
        let json = serde_json::to_string(&amount).expect("json");
        prop_assert_eq!(serde_json::from_str::<Money>(&json).expect("back"), amount);
    }
}

/// INPS charges less per hour above 24 h a week: going from 24 to 25 hours lowers the
/// annual cost of a colf paid 12 €/h. A real discontinuity of the rules, not a bug.
#[test]
fn more_hours_can_cost_less_across_24_hours() {
    let at = |hours: i64| {
        ok(&CalculatorInput {
            hourly_pay: Some(m("12")),
            ..input(2026, "hourly", "B", hours)
        })
    };
    let (day, more) = (at(24), at(25));
    assert_eq!(day.inps.band, InpsBand::Band(3));
    assert_eq!(more.inps.band, InpsBand::Over24h);
    assert!(more.annual_employer_cost < day.annual_employer_cost);
}

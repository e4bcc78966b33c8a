//! Every year × regime × level: the levels of the regime's table compute, with the table
//! figure as minimum; the others are refused as `unknown_level`.

use super::*;
use crate::calculator::{Level, Regime, available_years};

/// The levels each regime's table lists (README "Who is who").
fn expected_levels(regime: Regime) -> &'static [&'static str] {
    match regime {
        Regime::LiveIn | Regime::Hourly | Regime::NightPresence => {
            &["A", "AS", "B", "BS", "C", "CS", "D", "DS"]
        }
        Regime::LiveInPartTime => &["B", "BS", "C"],
        Regime::NightAssistance => &["BS", "CS", "DS"],
        Regime::RestDaySubstitute => &["CS", "DS"],
    }
}

fn request(year: i32, regime: Regime, level: Level) -> CalculatorInput {
    let hours = match regime {
        Regime::LiveInPartTime => 25,
        _ => 20,
    };
    CalculatorInput {
        nights_per_week: if regime.is_night() { 5 } else { 0 },
        ..input(i64::from(year), regime.as_str(), level.as_str(), hours)
    }
}

#[test]
fn every_regime_and_level_in_every_year() {
    assert_eq!(available_years(), vec![2024, 2025, 2026]);
    let mut computed = 0;
    for year in available_years() {
        for regime in Regime::ALL {
            for level in Level::ALL {
                let request = request(year, regime, level);
                let allowed = expected_levels(regime).contains(&level.as_str());
                match compute(&request, &[]) {
                    Ok(result) => {
                        assert!(allowed, "{year} {regime} {level} accepted");
                        let minimum = if regime.is_hourly() {
                            assert_eq!(result.minimum.monthly, None);
                            result.minimum.hourly
                        } else {
                            assert_eq!(result.minimum.hourly, None);
                            result.minimum.monthly
                        };
                        let minimum = minimum.expect("the regime's minimum");
                        assert!(minimum > Money::ZERO);
                        let pay = if regime.is_hourly() {
                            crate::calculator::pay::monthly_pay_from_hourly(
                                minimum,
                                request.weekly_hours,
                            )
                        } else {
                            minimum
                        };
                        assert_eq!(result.monthly_pay, pay, "{year} {regime} {level}");
                        assert!(result.annual_employer_cost > result.monthly_pay);
                        computed += 1;
                    }
                    Err(error) => {
                        assert!(!allowed, "{year} {regime} {level} refused: {error}");
                        assert_eq!(error.code, "unknown_level");
                        assert_eq!(error.field, "level");
                        assert_eq!(error.param("regime"), regime.as_str());
                        assert_eq!(error.param("allowed"), expected_levels(regime).join(", "));
                    }
                }
            }
        }
    }
    // (8 + 3 + 8 + 3 + 8 + 2) levels × 3 years
    assert_eq!(computed, 32 * 3);
}

/// Spot checks of the table figures the matrix uses as minimum, one per table and year.
#[test]
fn minimum_is_the_table_figure() {
    let minimum = |year: i32, regime: Regime, level: Level| {
        let result = ok(&request(year, regime, level));
        result
            .minimum
            .hourly
            .or(result.minimum.monthly)
            .expect("minimum")
    };
    assert_eq!(minimum(2026, Regime::LiveIn, Level::A), m("908.10"));
    assert_eq!(minimum(2025, Regime::LiveIn, Level::As), m("870.13"));
    assert_eq!(minimum(2024, Regime::LiveIn, Level::Cs), m("1127.04"));
    assert_eq!(minimum(2026, Regime::LiveInPartTime, Level::C), m("814.60"));
    assert_eq!(minimum(2024, Regime::LiveInPartTime, Level::B), m("662.96"));
    assert_eq!(minimum(2026, Regime::Hourly, Level::Ds), m("9.97"));
    assert_eq!(minimum(2025, Regime::Hourly, Level::A), m("5.35"));
    assert_eq!(
        minimum(2026, Regime::NightAssistance, Level::Bs),
        m("1211.38")
    );
    assert_eq!(
        minimum(2024, Regime::NightAssistance, Level::Ds),
        m("1601.09")
    );
    assert_eq!(minimum(2026, Regime::NightPresence, Level::A), m("811.09"));
    assert_eq!(minimum(2025, Regime::NightPresence, Level::Ds), m("773.06"));
    assert_eq!(
        minimum(2026, Regime::RestDaySubstitute, Level::Cs),
        m("8.91")
    );
    assert_eq!(
        minimum(2024, Regime::RestDaySubstitute, Level::Ds),
        m("10.15")
    );
}

#[test]
fn regime_and_level_spelling_is_forgiving() {
    let result = ok(&input(2026, " Live_In ", "cs", 54));
    assert_eq!(result.minimum.monthly, Some(m("1193.84")));
    for regime in Regime::ALL {
        assert_eq!(Regime::parse(regime.as_str()), Some(regime));
    }
    for level in Level::ALL {
        assert_eq!(Level::parse(level.as_str()), Some(level));
    }
}

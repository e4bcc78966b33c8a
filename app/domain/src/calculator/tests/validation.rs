//! Every refusal names its field and carries the params its message needs.

use super::*;
use crate::calculator::{CalcError, message_en, message_it};

fn refused(request: &CalculatorInput) -> CalcError {
    match compute(request, &[]) {
        Ok(_) => panic!("{request:?} accepted"),
        Err(error) => error,
    }
}

fn assert_refused(request: CalculatorInput, code: &str, field: &str) -> CalcError {
    let error = refused(&request);
    assert_eq!((error.code, error.field), (code, field), "{error}");
    // Every refusal has a readable sentence in both languages.
    for message in [message_it(&error), message_en(&error)] {
        assert!(message.ends_with('.'), "{message}");
        assert!(
            !message.contains("{}") && !message.contains("«»"),
            "{message}"
        );
    }
    error
}

#[test]
fn unknown_year() {
    for year in [2023, 2027, 0, -1, i64::MAX] {
        let error = assert_refused(input(year, "hourly", "B", 20), "unknown_year", "year");
        assert_eq!(error.param("available"), "2024, 2025, 2026");
    }
    let error = refused(&input(2023, "hourly", "B", 20));
    assert_eq!(
        message_it(&error),
        "Non ci sono tabelle per l'anno 2023. Anni disponibili: 2024, 2025, 2026."
    );
}

#[test]
fn unknown_regime_is_a_field_error() {
    for regime in ["", "convivente", "live-in", "hourly; drop table"] {
        let error = assert_refused(input(2026, regime, "B", 20), "unknown_regime", "regime");
        assert!(error.param("allowed").contains("rest_day_substitute"));
    }
    let long = "x".repeat(10_000);
    let error = refused(&input(2026, &long, "B", 20));
    assert_eq!(error.param("value").len(), 40);
}

#[test]
fn unknown_level() {
    for (regime, level) in [
        ("hourly", "E"),
        ("hourly", ""),
        ("live_in_part_time", "CS"),
        ("night_assistance", "A"),
        ("rest_day_substitute", "B"),
    ] {
        let request = CalculatorInput {
            nights_per_week: if regime.starts_with("night") { 3 } else { 0 },
            ..input(2026, regime, level, 20)
        };
        assert_refused(request, "unknown_level", "level");
    }
    let error = refused(&input(2026, "live_in_part_time", "CS", 20));
    assert_eq!(
        message_it(&error),
        "Il livello «CS» non è previsto per il rapporto convivente part-time (fino a 30 ore). \
         Livelli ammessi: B, BS, C."
    );
    assert_eq!(
        message_en(&error),
        "Level “CS” does not exist for the part-time live-in (up to 30 hours) regime. \
         Allowed levels: B, BS, C."
    );
}

#[test]
fn weekly_hours_limits() {
    let hours = |regime: &str, hours: &str, nights: i64| CalculatorInput {
        weekly_hours: dec(hours),
        nights_per_week: nights,
        ..input(2026, regime, "CS", 20)
    };
    for (regime, max, nights) in [
        ("live_in", "54", 0),
        ("hourly", "40", 0),
        ("rest_day_substitute", "40", 0),
        ("night_assistance", "60", 5),
        ("night_presence", "55", 5),
    ] {
        ok(&hours(regime, max, nights));
        let over = format!("{max}.01");
        let error = assert_refused(
            hours(regime, &over, nights),
            "hours_over_limit",
            "weekly_hours",
        );
        assert_eq!(error.param("max"), max);
        assert_eq!(error.param("regime"), regime);
    }
    let part_time = |h: &str| CalculatorInput {
        weekly_hours: dec(h),
        ..input(2026, "live_in_part_time", "B", 20)
    };
    ok(&part_time("30"));
    let error = assert_refused(part_time("31"), "hours_over_limit", "weekly_hours");
    assert_eq!(
        message_it(&error),
        "Le ore settimanali superano il massimo di 30 previsto per il rapporto convivente \
         part-time (fino a 30 ore)."
    );
    for zero_or_less in ["0", "-1", "-0.01", "0.004", "0.0000000000000000000000001"] {
        assert_refused(
            hours("hourly", zero_or_less, 0),
            "must_be_positive",
            "weekly_hours",
        );
    }
    ok(&hours("hourly", "0.5", 0));
    // Hours count to the hundredth: 20,004 is 20 hours (CS: 8,30 × 20 × 52 / 12).
    assert_eq!(ok(&hours("hourly", "20.004", 0)).monthly_pay, m("719.33"));
    // The largest pay over the fewest hours stays exact.
    let extreme = CalculatorInput {
        weekly_hours: dec("0.005"),
        monthly_pay: Some(m("100000")),
        ..input(2026, "live_in", "DS", 1)
    };
    assert_eq!(ok(&extreme).effective_hourly_pay, m("2500000.00"));
}

#[test]
fn nights_per_week() {
    let night = |regime: &str, nights: i64| CalculatorInput {
        nights_per_week: nights,
        ..input(2026, regime, "CS", 10)
    };
    for regime in ["night_assistance", "night_presence"] {
        for nights in [0, 8, -1] {
            let error = assert_refused(night(regime, nights), "out_of_range", "nights_per_week");
            assert_eq!((error.param("min"), error.param("max")), ("1", "7"));
        }
        ok(&night(regime, 1));
        ok(&night(regime, 7));
    }
    let error = assert_refused(night("hourly", 2), "not_applicable", "nights_per_week");
    assert_eq!(error.param("regime"), "hourly");
}

#[test]
fn counts_out_of_range() {
    type Setter = fn(&mut CalculatorInput, i64);
    let cases: [(&str, Setter, i64, i64); 4] = [
        (
            "seniority_increments",
            |r, v| r.seniority_increments = v,
            0,
            7,
        ),
        ("children_under_6", |r, v| r.children_under_6 = v, 0, 10),
        (
            "non_self_sufficient_assisted",
            |r, v| r.non_self_sufficient_assisted = v,
            0,
            10,
        ),
        ("meals_per_week", |r, v| r.meals_per_week = v, 0, 14),
    ];
    for (field, set, min, max) in cases {
        for value in [min, max] {
            let mut request = input(2026, "hourly", "BS", 20);
            set(&mut request, value);
            ok(&request);
        }
        for value in [min - 1, max + 1, i64::MIN, i64::MAX] {
            let mut request = input(2026, "hourly", "BS", 20);
            set(&mut request, value);
            let error = assert_refused(request, "out_of_range", field);
            assert_eq!(error.param("min"), min.to_string());
            assert_eq!(error.param("max"), max.to_string());
        }
    }
    let error = refused(&CalculatorInput {
        meals_per_week: 15,
        ..CalculatorInput::default()
    });
    assert_eq!(
        message_it(&error),
        "Il campo «pasti a settimana» deve essere compreso tra 0 e 14."
    );
    assert_eq!(
        message_en(&error),
        "The meals per week must be between 0 and 14."
    );
}

#[test]
fn board_and_meals_only_where_the_method_values_them() {
    let error = assert_refused(
        CalculatorInput {
            meals_per_week: 5,
            ..input(2026, "live_in", "B", 54)
        },
        "not_applicable",
        "meals_per_week",
    );
    assert_eq!(
        message_it(&error),
        "Il campo «pasti a settimana» non si applica al rapporto convivente."
    );
    for regime in ["hourly", "rest_day_substitute", "night_presence"] {
        assert_refused(
            CalculatorInput {
                board_in_kind: true,
                nights_per_week: if regime.starts_with("night") { 5 } else { 0 },
                ..input(2026, regime, "CS", 20)
            },
            "not_applicable",
            "board_in_kind",
        );
    }
    ok(&CalculatorInput {
        board_in_kind: true,
        ..input(2026, "live_in_part_time", "C", 30)
    });
    ok(&CalculatorInput {
        meals_per_week: 14,
        ..input(2026, "rest_day_substitute", "DS", 24)
    });
}

#[test]
fn pay_below_the_minimum_says_the_minimum() {
    let error = assert_refused(
        CalculatorInput {
            hourly_pay: Some(m("7.00")),
            ..CalculatorInput::default()
        },
        "below_minimum",
        "hourly_pay",
    );
    assert_eq!(error.param("minimum"), "7.01");
    assert_eq!(
        message_it(&error),
        "La retribuzione oraria è inferiore al minimo contrattuale di 7,01 € per il livello B nel 2026."
    );
    assert_eq!(
        message_en(&error),
        "The hourly pay is below the contractual minimum of €7.01 for level B in 2026."
    );
    // The minimum includes indemnities and seniority.
    let error = assert_refused(
        CalculatorInput {
            monthly_pay: Some(m("1313.49")),
            non_self_sufficient_assisted: 2,
            ..input(2026, "live_in", "CS", 54)
        },
        "below_minimum",
        "monthly_pay",
    );
    assert_eq!(
        message_it(&error),
        "La retribuzione mensile è inferiore al minimo contrattuale di 1.313,50 € per il livello CS nel 2026."
    );
    for pay in ["0", "-10"] {
        assert_refused(
            CalculatorInput {
                hourly_pay: Some(m(pay)),
                ..CalculatorInput::default()
            },
            "below_minimum",
            "hourly_pay",
        );
    }
    // Exactly the minimum is fine.
    ok(&CalculatorInput {
        monthly_pay: Some(m("1313.50")),
        non_self_sufficient_assisted: 2,
        ..input(2026, "live_in", "CS", 54)
    });
}

#[test]
fn absurd_pay_is_refused() {
    let error = assert_refused(
        CalculatorInput {
            hourly_pay: Some(m("1000.01")),
            ..CalculatorInput::default()
        },
        "out_of_range",
        "hourly_pay",
    );
    assert_eq!(error.param("max"), "1000.00");
    assert_eq!(
        message_it(&error),
        "Il campo «retribuzione oraria» deve essere compreso tra 7,01 e 1.000,00."
    );
    assert_refused(
        CalculatorInput {
            monthly_pay: Some(m("100000.01")),
            ..input(2026, "live_in", "B", 54)
        },
        "out_of_range",
        "monthly_pay",
    );
    ok(&CalculatorInput {
        hourly_pay: Some(m("1000")),
        ..input(2026, "hourly", "B", 40)
    });
}

#[test]
fn the_first_wrong_field_in_form_order_is_reported() {
    let request = CalculatorInput {
        weekly_hours: dec("100"),
        meals_per_week: 99,
        ..input(2026, "hourly", "Z", 20)
    };
    assert_eq!(refused(&request).field, "level");
}

#[test]
fn display_is_a_log_line() {
    let error = refused(&input(2026, "hourly", "B", 41));
    assert_eq!(
        error.to_string(),
        "hours_over_limit on weekly_hours (max=40, regime=hourly)"
    );
}

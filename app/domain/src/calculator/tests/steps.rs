//! Single steps of the method, with figures computed by hand.

use super::*;
use crate::calculator::pay::{self, InKind};
use crate::calculator::tables::tables;
use crate::calculator::{InpsBand, inps, minimum};

fn year(year: i32) -> &'static crate::calculator::tables::YearTables {
    &tables().years[&year]
}

/// INPS bounds are inclusive ("fino a 9,61"): 9,61 is band 1, 9,62 band 2 (2026).
#[test]
fn inps_band_bounds_are_inclusive() {
    let inps = &year(2026).inps;
    let band = |pay: &str, hours: &str| inps::band(inps, dec(hours), m(pay)).0;
    assert_eq!(band("0.01", "20"), InpsBand::Band(1));
    assert_eq!(band("9.61", "20"), InpsBand::Band(1));
    assert_eq!(band("9.62", "20"), InpsBand::Band(2));
    assert_eq!(band("11.70", "20"), InpsBand::Band(2));
    assert_eq!(band("11.71", "20"), InpsBand::Band(3));
    assert_eq!(band("1000", "20"), InpsBand::Band(3));
    // More than 24 hours: the single row, whatever the pay.
    assert_eq!(band("50", "24"), InpsBand::Band(3));
    assert_eq!(band("50", "24.01"), InpsBand::Over24h);
    assert_eq!(band("5", "25"), InpsBand::Over24h);
    // 2024 and 2025 bounds.
    let band_2024 = |pay: &str| inps::band(&year(2024).inps, dec("10"), m(pay)).0;
    assert_eq!(band_2024("9.40"), InpsBand::Band(1));
    assert_eq!(band_2024("9.41"), InpsBand::Band(2));
    assert_eq!(band_2024("11.45"), InpsBand::Band(2));
    assert_eq!(band_2024("11.46"), InpsBand::Band(3));
    let band_2025 = |pay: &str| inps::band(&year(2025).inps, dec("10"), m(pay)).0;
    assert_eq!(band_2025("9.48"), InpsBand::Band(1));
    assert_eq!(band_2025("9.49"), InpsBand::Band(2));
}

/// Through the whole computation: 8,87 €/h × 20 h gives an effective 9,61 (band 1),
/// 8,88 €/h gives 9,62 (band 2).
#[test]
fn inps_band_boundary_through_compute() {
    let at = |pay: &str| {
        ok(&CalculatorInput {
            hourly_pay: Some(m(pay)),
            ..input(2026, "hourly", "B", 20)
        })
    };
    let low = at("8.87");
    assert_eq!(low.monthly_pay, m("768.73"));
    assert_eq!(low.effective_hourly_pay, m("9.61"));
    assert_eq!(low.inps.band, InpsBand::Band(1));
    assert_eq!(low.inps.hourly_total, m("1.70"));
    let high = at("8.88");
    assert_eq!(high.monthly_pay, m("769.60"));
    assert_eq!(high.effective_hourly_pay, m("9.62"));
    assert_eq!(high.inps.band, InpsBand::Band(2));
    assert_eq!(high.inps.hourly_total, m("1.92"));
    assert_eq!(high.inps.hourly_worker, m("0.48"));
}

/// The column follows the contract; the worker's share does not change.
#[test]
fn inps_columns_by_contract() {
    let column = |fixed_term: bool, cuaf: bool| {
        let result = ok(&CalculatorInput {
            fixed_term,
            cuaf,
            ..CalculatorInput::default()
        });
        (result.inps.hourly_total, result.inps.hourly_worker)
    };
    assert_eq!(column(false, true), (m("1.70"), m("0.43")));
    assert_eq!(column(false, false), (m("1.71"), m("0.43")));
    assert_eq!(column(true, true), (m("1.82"), m("0.43")));
    assert_eq!(column(true, false), (m("1.83"), m("0.43")));
    let over_24h = |fixed_term: bool, cuaf: bool| {
        ok(&CalculatorInput {
            fixed_term,
            cuaf,
            ..input(2026, "hourly", "B", 30)
        })
        .inps
        .hourly_total
    };
    assert_eq!(over_24h(false, true), m("1.24"));
    assert_eq!(over_24h(false, false), m("1.25"));
    assert_eq!(over_24h(true, true), m("1.32"));
    assert_eq!(over_24h(true, false), m("1.33"));
}

#[test]
fn monthly_pay_from_hourly_is_exact_then_rounded() {
    // 7,01 × 20 × 52 / 12 = 607,5333…
    assert_eq!(
        pay::monthly_pay_from_hourly(m("7.01"), dec("20")),
        m("607.53")
    );
    // 8,30 × 25 × 52 / 12 = 899,1666…
    assert_eq!(
        pay::monthly_pay_from_hourly(m("8.30"), dec("25")),
        m("899.17")
    );
    // 10 × 22,5 × 52 / 12 = 975
    assert_eq!(
        pay::monthly_pay_from_hourly(m("10"), dec("22.5")),
        m("975.00")
    );
    assert_eq!(pay::monthly_hours(dec("20")), dec("86.67"));
    assert_eq!(pay::monthly_hours(dec("54")), dec("234"));
}

#[test]
fn board_and_lodging_value() {
    let all = tables();
    // Full board: daily total × 30.
    assert_eq!(
        pay::board_monthly_value(InKind::FullBoard, year(2024), all),
        m("195.60")
    );
    assert_eq!(
        pay::board_monthly_value(InKind::FullBoard, year(2025), all),
        m("198.00")
    );
    assert_eq!(
        pay::board_monthly_value(InKind::FullBoard, year(2026), all),
        m("199.80")
    );
    // Meals: 5 × 2,33 × 52 / 12 = 50,483… → 50,48.
    assert_eq!(
        pay::board_monthly_value(InKind::Meals(5), year(2026), all),
        m("50.48")
    );
    assert_eq!(
        pay::board_monthly_value(InKind::Nothing, year(2026), all),
        Money::ZERO
    );
    let result = ok(&CalculatorInput {
        meals_per_week: 5,
        ..CalculatorInput::default()
    });
    assert_eq!(result.board_monthly_value, m("50.48"));
    // Board counts in the 13th month and the effective pay: (13 × 607,53 + 12 × 50,48) / 1040.
    assert_eq!(result.thirteenth, m("658.01"));
    assert_eq!(result.effective_hourly_pay, m("8.18"));
}

#[test]
fn effective_hourly_pay_rounds_once() {
    // (1.127,04 × 13 + 195,60 × 12) / (54 × 52) = 16.998,72 / 2.808 = 6,0536…
    assert_eq!(
        pay::effective_hourly_pay(m("1127.04"), m("195.60"), dec("54")),
        m("6.05")
    );
}

fn minimum_of(request: CalculatorInput) -> Money {
    let result = ok(&request);
    result
        .minimum
        .hourly
        .or(result.minimum.monthly)
        .expect("a minimum")
}

#[test]
fn indemnities_are_added_once() {
    let bs_child = |regime: &str, children: i64| CalculatorInput {
        children_under_6: children,
        nights_per_week: if regime.starts_with("night") { 5 } else { 0 },
        ..input(2026, regime, "BS", 20)
    };
    // H: table A monthly, table B monthly, hourly; once whatever the number of children.
    assert_eq!(minimum_of(bs_child("live_in", 1)), m("1191.93"));
    assert_eq!(minimum_of(bs_child("live_in", 3)), m("1191.93"));
    assert_eq!(minimum_of(bs_child("live_in", 0)), m("1053.39"));
    assert_eq!(minimum_of(bs_child("live_in_part_time", 1)), m("834.45"));
    assert_eq!(minimum_of(bs_child("hourly", 2)), m("8.29"));
    assert_eq!(minimum_of(bs_child("night_assistance", 1)), m("1349.92"));
    // Table E is a single level: no indemnity.
    assert_eq!(minimum_of(bs_child("night_presence", 1)), m("811.09"));
    // H only for BS.
    assert_eq!(
        minimum_of(CalculatorInput {
            children_under_6: 2,
            ..input(2026, "hourly", "B", 20)
        }),
        m("7.01")
    );

    let carer = |regime: &str, level: &str, assisted: i64| CalculatorInput {
        non_self_sufficient_assisted: assisted,
        nights_per_week: if regime.starts_with("night") { 5 } else { 0 },
        ..input(2026, regime, level, 20)
    };
    // I: more than one person assisted.
    assert_eq!(minimum_of(carer("live_in", "CS", 1)), m("1193.84"));
    assert_eq!(minimum_of(carer("live_in", "CS", 2)), m("1313.50"));
    assert_eq!(minimum_of(carer("hourly", "CS", 2)), m("9.00"));
    assert_eq!(
        minimum_of(carer("rest_day_substitute", "DS", 3)),
        m("11.45")
    );
    assert_eq!(minimum_of(carer("night_assistance", "CS", 2)), m("1492.57"));
    assert_eq!(minimum_of(carer("hourly", "B", 2)), m("7.01"));
}

#[test]
fn function_indemnity_only_on_table_a() {
    assert_eq!(minimum_of(input(2026, "live_in", "D", 40)), m("1612.20"));
    assert_eq!(minimum_of(input(2026, "live_in", "DS", 40)), m("1682.42"));
    assert_eq!(minimum_of(input(2024, "live_in", "D", 40)), m("1521.99"));
    assert_eq!(minimum_of(input(2026, "hourly", "D", 20)), m("9.57"));
    assert_eq!(
        minimum_of(CalculatorInput {
            nights_per_week: 5,
            ..input(2026, "night_assistance", "DS", 40)
        }),
        m("1695.99")
    );
}

#[test]
fn seniority_increments_are_four_percent_of_the_table_each_rounded() {
    assert_eq!(minimum::seniority_increment(m("983.16")), m("39.33"));
    assert_eq!(minimum::seniority_increment(m("7.01")), m("0.28"));
    // 983,16 + 3 × 39,33
    assert_eq!(
        minimum_of(CalculatorInput {
            seniority_increments: 3,
            ..input(2026, "live_in", "B", 54)
        }),
        m("1101.15")
    );
    // Without the funzione indemnity in the base: 1.404,51 + 207,69 + 56,18.
    assert_eq!(
        minimum_of(CalculatorInput {
            seniority_increments: 1,
            ..input(2026, "live_in", "D", 54)
        }),
        m("1668.38")
    );
    // Hourly: 7,01 + 7 × 0,28.
    assert_eq!(
        minimum_of(CalculatorInput {
            seniority_increments: 7,
            ..CalculatorInput::default()
        }),
        m("8.97")
    );
}

#[test]
fn cassa_colf_counts_conventional_night_hours() {
    let night = |regime: &str, nights: i64, hours: i64| {
        ok(&CalculatorInput {
            nights_per_week: nights,
            ..input(2026, regime, "CS", hours)
        })
    };
    // 5 nights × 8 h × 52 × 0,06
    let assistance = night("night_assistance", 5, 60);
    assert_eq!(assistance.cassa_colf.annual_total, m("124.80"));
    assert_eq!(assistance.cassa_colf.annual_worker, m("41.60"));
    assert_eq!(assistance.cassa_colf.annual_employer, m("83.20"));
    // INPS counts the weekly hours: 60 > 24 → over_24h, 1,24 × 60 × 52.
    assert_eq!(assistance.inps.band, InpsBand::Over24h);
    assert_eq!(assistance.inps.annual_total, m("3868.80"));
    // 5 nights × 5 h × 52 × 0,06
    let presence = night("night_presence", 5, 55);
    assert_eq!(presence.cassa_colf.annual_total, m("78.00"));
    assert_eq!(presence.monthly_pay, m("811.09"));
    // Worker net: 811,09 − 0,31 × 55 × 52 / 12 − 0,02 × 25 × 52 / 12 = 811,09 − 73,88 − 2,17
    assert_eq!(presence.worker_net_monthly, m("735.04"));
}

#[test]
fn holiday_replacement_only_when_asked() {
    let without = ok(&input(2026, "live_in", "B", 54));
    let with = ok(&CalculatorInput {
        include_holiday_replacement: true,
        ..input(2026, "live_in", "B", 54)
    });
    assert_eq!(without.holiday_replacement_annual, Money::ZERO);
    assert_eq!(with.holiday_replacement_annual, m("983.16"));
    assert_eq!(
        with.annual_employer_cost - without.annual_employer_cost,
        m("983.16")
    );
}

#[test]
fn agreed_pay_above_minimum_is_used_and_rounded() {
    let result = ok(&CalculatorInput {
        monthly_pay: Some(m("1500")),
        hourly_pay: Some(m("3")), // the other period's field is ignored
        ..input(2026, "live_in", "CS", 54)
    });
    assert_eq!(result.minimum.monthly, Some(m("1193.84")));
    assert_eq!(result.monthly_pay, m("1500.00"));
    let result = ok(&CalculatorInput {
        hourly_pay: Some(m("9.005")),
        ..CalculatorInput::default()
    });
    // 9,01 × 20 × 52 / 12 = 780,866… → 780,87
    assert_eq!(result.monthly_pay, m("780.87"));
}

#[test]
fn tax_relief_caps() {
    use crate::calculator::tax_relief::tax_relief;
    let relief = tax_relief(m("2000"), m("20000"), true);
    assert_eq!(relief.deductible_contributions, m("1549.37"));
    assert_eq!(relief.carer_detraction_max, m("399.00"));
    let relief = tax_relief(m("100"), m("1000"), true);
    assert_eq!(relief.deductible_contributions, m("100"));
    assert_eq!(relief.carer_detraction_max, m("190.00"));
    let relief = tax_relief(m("100"), m("20000"), false);
    assert_eq!(relief.carer_detraction_max, Money::ZERO);
}

#[test]
fn tfr_is_annual_pay_over_thirteen_and_a_half() {
    use crate::calculator::costs::tfr_annual;
    assert_eq!(
        tfr_annual(m("1127.04"), m("195.60"), m("1322.64"), dec("13.5")),
        m("1273.65")
    );
}

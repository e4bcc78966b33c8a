//! The README's worked examples, to the cent.

use super::*;
use crate::calculator::InpsBand;

/// Assindatcolf 2024: live-in CS badante, 54 h/week, minimum, full board in kind,
/// permanent, CUAF due, holiday replacement budgeted → 1.675,92 a month.
#[test]
fn assindatcolf_2024_live_in_badante() {
    let request = CalculatorInput {
        board_in_kind: true,
        include_holiday_replacement: true,
        ..input(2024, "live_in", "CS", 54)
    };
    let result = ok(&request);
    assert_eq!(result.minimum.monthly, Some(m("1127.04")));
    assert_eq!(result.minimum.hourly, None);
    assert_eq!(result.monthly_pay, m("1127.04"));
    assert_eq!(result.board_monthly_value, m("195.60"));
    assert_eq!(result.thirteenth, m("1322.64"));
    assert_eq!(
        (result.thirteenth / Decimal::from(12)).round_cents(),
        m("110.22")
    );
    assert_eq!(result.tfr_annual, m("1273.65"));
    assert_eq!(
        (result.tfr_annual / Decimal::from(12)).round_cents(),
        m("106.14")
    );
    assert_eq!(result.inps.band, InpsBand::Over24h);
    assert_eq!(result.inps.hourly_total, m("1.21"));
    assert_eq!(result.inps.hourly_worker, m("0.30"));
    assert_eq!(result.inps.hourly_employer, m("0.91"));
    assert_eq!(result.inps.annual_employer, m("2555.28"));
    assert_eq!(
        (result.inps.annual_employer / Decimal::from(12)).round_cents(),
        m("212.94")
    );
    assert_eq!(result.cassa_colf.annual_employer, m("112.32"));
    assert_eq!(
        (result.cassa_colf.annual_employer / Decimal::from(12)).round_cents(),
        m("9.36")
    );
    assert_eq!(result.holiday_replacement_annual, m("1322.64"));
    assert_eq!(result.annual_employer_cost, m("20111.01"));
    assert_eq!(result.monthly_average_cost, m("1675.92"));
    assert_eq!(result.monthly_average_cost.format_it(), "1.675,92");
}

/// 2023 has no tables: the step is tested with the README's figures.
/// 1.120,76 − 0,29 × 234 − 0,02 × 234 = 1.048,22.
#[test]
fn worker_net_2023_live_in_badante() {
    let net = crate::calculator::costs::worker_net_monthly(
        m("1120.76"),
        m("0.29"),
        Decimal::from(54),
        m("0.02"),
        Decimal::from(54),
    );
    assert_eq!(net, m("1048.22"));
}

/// A full hourly example, computed by hand from the README: 2026, hourly, level B, 20 h,
/// the minimum (7,01 €/h), permanent, CUAF due.
#[test]
fn hourly_colf_2026_by_hand() {
    let result = ok(&CalculatorInput::default());
    assert_eq!(result.minimum.hourly, Some(m("7.01")));
    assert_eq!(result.minimum.monthly, None);
    assert_eq!(result.monthly_hours, dec("86.67"));
    // 7,01 × 20 × 52 / 12 = 607,533… → 607,53
    assert_eq!(result.monthly_pay, m("607.53"));
    assert_eq!(result.board_monthly_value, Money::ZERO);
    // (607,53 + 607,53 / 12) × 12 / 1040 = 7,594… → 7,59: band 1
    assert_eq!(result.effective_hourly_pay, m("7.59"));
    assert_eq!(result.inps.band, InpsBand::Band(1));
    assert_eq!(result.inps.hourly_total, m("1.70"));
    assert_eq!(result.inps.hourly_worker, m("0.43"));
    assert_eq!(result.inps.hourly_employer, m("1.27"));
    assert_eq!(result.inps.quarterly_total, m("442.00"));
    assert_eq!(result.inps.annual_total, m("1768.00"));
    assert_eq!(result.inps.annual_worker, m("447.20"));
    assert_eq!(result.inps.annual_employer, m("1320.80"));
    assert_eq!(result.cassa_colf.hourly_total, m("0.06"));
    assert_eq!(result.cassa_colf.annual_total, m("62.40"));
    assert_eq!(result.cassa_colf.annual_worker, m("20.80"));
    assert_eq!(result.cassa_colf.annual_employer, m("41.60"));
    assert_eq!(result.thirteenth, m("607.53"));
    // 13 × 607,53 / 13,5 = 585,028… → 585,03
    assert_eq!(result.tfr_annual, m("585.03"));
    assert_eq!(result.holiday_replacement_annual, Money::ZERO);
    // 12 × 607,53 + 607,53 + 585,03 + 1.320,80 + 41,60
    assert_eq!(result.annual_employer_cost, m("9845.32"));
    assert_eq!(result.monthly_average_cost, m("820.44"));
    // 607,53 − 37,27 − 1,73
    assert_eq!(result.worker_net_monthly, m("568.53"));
    assert_eq!(result.tax_relief.deductible_contributions, m("1320.80"));
    assert_eq!(result.tax_relief.carer_detraction_max, Money::ZERO);
    // 10 € × 20 × 52 = 10.400 €, of which 8.320 € to the worker: over the 2.500 € pair limit.
    let libretto = &result.alternatives.libretto_famiglia;
    assert_eq!(libretto.annual_cost, m("10400.00"));
    assert!(!libretto.allowed);
    assert_eq!(
        libretto.reason,
        Some(crate::calculator::LibrettoLimit::PerWorkerUserPair)
    );
    assert!(!result.provisional_figures);
}

/// The same worked example in 2026 figures, to pin the live-in path on current tables:
/// 1.193,84 + board 6,66 × 30 = 199,80.
#[test]
fn live_in_badante_2026() {
    let request = CalculatorInput {
        board_in_kind: true,
        include_holiday_replacement: true,
        ..input(2026, "live_in", "CS", 54)
    };
    let result = ok(&request);
    assert_eq!(result.monthly_pay, m("1193.84"));
    assert_eq!(result.board_monthly_value, m("199.80"));
    assert_eq!(result.thirteenth, m("1393.64"));
    // 13 × 1.393,64 / 13,5 = 1.342,024… → 1.342,02
    assert_eq!(result.tfr_annual, m("1342.02"));
    // (1,24 − 0,31) × 54 × 52 = 2.611,44; Cassa Colf 0,04 × 2.808 = 112,32
    assert_eq!(result.inps.annual_employer, m("2611.44"));
    assert_eq!(result.cassa_colf.annual_employer, m("112.32"));
    // 14.326,08 + 1.393,64 + 1.342,02 + 2.611,44 + 112,32 + 1.393,64
    assert_eq!(result.annual_employer_cost, m("21179.14"));
    assert_eq!(result.monthly_average_cost, m("1764.93"));
    // 1.193,84 − 0,31 × 234 − 0,02 × 234 = 1.193,84 − 72,54 − 4,68
    assert_eq!(result.worker_net_monthly, m("1116.62"));
    // CS carer: 19% of 2.100 € at most.
    assert_eq!(result.tax_relief.carer_detraction_max, m("399.00"));
    assert_eq!(result.tax_relief.deductible_contributions, m("1549.37"));
}

//! Libretto Famiglia and cooperative alternatives.

use super::*;
use crate::calculator::{
    CooperativeCategory, CooperativeOption, LibrettoLimit, cooperative_alternative,
    cooperative_annual_hours, cooperative_category, libretto_limit_amount, libretto_reason_en,
    libretto_reason_it,
};

fn libretto(request: CalculatorInput) -> crate::calculator::LibrettoFamigliaOption {
    ok(&request).alternatives.libretto_famiglia
}

/// 2.500 € to the worker is 3.125 € of titles: 6 h/week at 10 € (3.120 €) is allowed,
/// 6,01 h (3.125,20 €, 2.500,16 € to the worker) is not.
#[test]
fn libretto_pair_limit_boundary() {
    let at = |hours: &str| CalculatorInput {
        weekly_hours: dec(hours),
        ..CalculatorInput::default()
    };
    let below = libretto(at("6"));
    assert!(below.allowed);
    assert_eq!(below.annual_cost, m("3120.00"));
    assert_eq!(below.reason, None);
    let above = libretto(at("6.01"));
    assert!(!above.allowed);
    assert_eq!(above.annual_cost, m("3125.20"));
    assert_eq!(above.reason, Some(LibrettoLimit::PerWorkerUserPair));
}

#[test]
fn libretto_hourly_amount_is_at_least_one_title() {
    // Minimum 7,01 €/h → 10 € a title.
    assert_eq!(
        libretto(input(2026, "hourly", "B", 2)).annual_cost,
        m("1040.00")
    );
    // An agreed 12 €/h is paid in full: 12 × 2 × 52.
    let agreed = CalculatorInput {
        hourly_pay: Some(m("12")),
        ..input(2026, "hourly", "B", 2)
    };
    assert_eq!(libretto(agreed).annual_cost, m("1248.00"));
    // Monthly regimes: the monthly pay brought to an hour. Night presence, 1 night of 2 h:
    // 811,09 × 12 / 104 = 93,59 → 93,59 × 104 = 9.733,36.
    let night = CalculatorInput {
        nights_per_week: 1,
        ..input(2026, "night_presence", "A", 2)
    };
    let option = libretto(night);
    assert_eq!(option.annual_cost, m("9733.36"));
    assert!(!option.allowed);
}

#[test]
fn libretto_reasons_read_well() {
    assert_eq!(
        libretto_limit_amount(LibrettoLimit::PerWorkerUserPair),
        m("2500")
    );
    assert_eq!(
        libretto_limit_amount(LibrettoLimit::PerWorkerAllUsers),
        m("5000")
    );
    assert_eq!(
        libretto_limit_amount(LibrettoLimit::PerUserAllWorkers),
        m("10000")
    );
    assert_eq!(
        libretto_reason_it(LibrettoLimit::PerWorkerUserPair),
        "Con il Libretto Famiglia il compenso annuo del lavoratore supererebbe il limite di \
         2.500,00 € per ogni coppia lavoratore–famiglia."
    );
    assert_eq!(
        libretto_reason_en(LibrettoLimit::PerUserAllWorkers),
        "With Libretto Famiglia the worker's yearly compensation would exceed the limit of \
         €10,000.00 per family for all workers."
    );
}

#[test]
fn cooperative_cheapest_and_median() {
    let hours = cooperative_annual_hours(dec("20"));
    assert_eq!(hours, dec("1040"));
    assert_eq!(
        cooperative_alternative(&[], hours),
        CooperativeOption::default()
    );
    // Free or unpriced services do not count.
    assert_eq!(
        cooperative_alternative(&[Money::ZERO, m("-5")], hours),
        CooperativeOption::default()
    );
    let odd = cooperative_alternative(&[m("25"), m("18"), m("20"), Money::ZERO], hours);
    assert_eq!(odd.hourly_min, Some(m("18.00")));
    assert_eq!(odd.hourly_median, Some(m("20.00")));
    assert_eq!(odd.annual_min, Some(m("18720.00")));
    let even = cooperative_alternative(&[m("21"), m("18"), m("19.01"), m("20")], hours);
    // (19,01 + 20) / 2 = 19,505 → 19,51
    assert_eq!(even.hourly_median, Some(m("19.51")));
    let one = cooperative_alternative(&[m("22.50")], cooperative_annual_hours(dec("2.5")));
    // 22,50 × 2,5 × 52
    assert_eq!(one.annual_min, Some(m("2925.00")));
    assert_eq!(one.hourly_median, Some(m("22.50")));
}

#[test]
fn cooperative_category_follows_the_job() {
    let category = |regime: &str, level: &str, children: i64| {
        cooperative_category(&CalculatorInput {
            children_under_6: children,
            nights_per_week: if regime.starts_with("night") { 2 } else { 0 },
            ..input(2026, regime, level, 10)
        })
        .expect("valid")
    };
    assert_eq!(
        category("live_in", "CS", 0),
        CooperativeCategory::SocialCare
    );
    assert_eq!(category("hourly", "DS", 0), CooperativeCategory::SocialCare);
    assert_eq!(category("hourly", "AS", 0), CooperativeCategory::SocialCare);
    assert_eq!(
        category("hourly", "BS", 1),
        CooperativeCategory::Educational
    );
    assert_eq!(category("hourly", "BS", 0), CooperativeCategory::SocialCare);
    assert_eq!(
        category("hourly", "B", 0),
        CooperativeCategory::DomesticHelp
    );
    assert_eq!(
        category("live_in", "A", 0),
        CooperativeCategory::DomesticHelp
    );
    assert_eq!(
        category("hourly", "C", 0),
        CooperativeCategory::DomesticHelp
    );
    assert_eq!(
        category("night_presence", "A", 0),
        CooperativeCategory::SocialCare
    );
    assert_eq!(
        category("rest_day_substitute", "CS", 0),
        CooperativeCategory::SocialCare
    );
    let bad = cooperative_category(&input(2026, "hourly", "Z", 10)).expect_err("refused");
    assert_eq!(bad.field, "level");
    assert_eq!(
        serde_json::to_string(&CooperativeCategory::SocialCare).expect("json"),
        "\"social_care\""
    );
}

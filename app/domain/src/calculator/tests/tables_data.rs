//! The embedded tables: they parse, they carry their sources, and a new year is data only.

use super::*;
use crate::calculator::tables::{Tables, tables};
use crate::calculator::{Level, Regime, available_years, year_sources};

const FILE: &str = include_str!("../../../data/domestic-work-tables.toml");

#[test]
fn embedded_tables_parse() {
    assert!(Tables::parse(FILE).is_ok());
    let all = tables();
    assert_eq!(all.meta.tfr_divisor, dec("13.5"));
    assert_eq!(all.meta.board_monthly_days, dec("30"));
    for year in all.years.values() {
        assert_eq!(year.inps.bands.len(), 3);
        assert_eq!(
            year.levels_for(Regime::LiveInPartTime),
            [Level::B, Level::Bs, Level::C]
        );
    }
}

#[test]
fn every_year_names_its_sources() {
    for year in available_years() {
        let sources = year_sources(year).expect("sources");
        assert!(!sources.ccnl.is_empty());
        assert!(sources.inps.starts_with("INPS circolare"));
        assert!(sources.effective_from.starts_with(&year.to_string()));
    }
    assert!(year_sources(2023).is_none());
    assert_eq!(
        year_sources(2025)
            .expect("2025")
            .reconstructed
            .first()
            .map(String::as_str),
        Some("A.D")
    );
}

/// 2025 figures marked `reconstructed` flag the result as provisional.
#[test]
fn reconstructed_figures_are_flagged() {
    assert!(ok(&input(2025, "live_in", "D", 54)).provisional_figures);
    assert!(!ok(&input(2025, "live_in", "B", 54)).provisional_figures);
    assert!(!ok(&input(2025, "hourly", "B", 20)).provisional_figures);
    assert!(ok(&input(2025, "live_in_part_time", "C", 30)).provisional_figures);
    assert!(
        ok(&CalculatorInput {
            children_under_6: 1,
            ..input(2025, "hourly", "BS", 20)
        })
        .provisional_figures
    );
    assert!(
        ok(&CalculatorInput {
            nights_per_week: 3,
            ..input(2025, "night_presence", "A", 20)
        })
        .provisional_figures
    );
    assert!(!ok(&input(2026, "live_in", "D", 54)).provisional_figures);
    assert!(!ok(&input(2024, "live_in", "D", 54)).provisional_figures);
}

/// Adding 2027 is adding a `[year.2027]` and an `[inps.2027]` block.
#[test]
fn a_new_year_is_a_block_of_data() {
    let year_2026 = FILE
        .split("[year.2026]")
        .nth(1)
        .and_then(|rest| rest.split("[year.2025]").next())
        .expect("2026 block");
    let inps_2026 = FILE
        .split("[inps.2026]")
        .nth(1)
        .and_then(|rest| rest.split("[inps.2025]").next())
        .expect("2026 INPS block");
    let with_2027 = format!(
        "{FILE}\n[year.2027]{}\n[inps.2027]{}",
        year_2026.replace("\"7.01\"", "\"7.50\""),
        inps_2026
    );
    let parsed = Tables::parse(&with_2027).expect("2027 parses");
    assert_eq!(
        parsed.years.keys().copied().collect::<Vec<_>>(),
        [2024, 2025, 2026, 2027]
    );
    let hourly_b = parsed.years[&2027].base_minimum(Regime::Hourly, Level::B);
    assert_eq!(hourly_b.map(|figure| figure.amount), Some(m("7.50")));
}

#[test]
fn inconsistent_tables_are_rejected() {
    // A year without INPS figures.
    let without_inps = FILE.replace("[inps.2026]", "[inps.2030]");
    assert!(Tables::parse(&without_inps).is_err());
    // A level that is not a CCNL level.
    let bad_level = FILE.replace("G = { CS = \"8.91\"", "G = { XS = \"8.91\"");
    assert!(Tables::parse(&bad_level).is_err());
    // Bands that do not end open.
    let closed = FILE.replacen(
        "{ up_to = \"inf\",   conventional = \"11.70\"",
        "{ up_to = \"12.00\",   conventional = \"11.70\"",
        1,
    );
    assert_ne!(closed, FILE);
    assert!(Tables::parse(&closed).is_err());
    // Cassa Colf shares that do not add up.
    let shares = FILE.replace("worker = \"0.02\"", "worker = \"0.03\"");
    assert_ne!(shares, FILE);
    assert!(Tables::parse(&shares).is_err());
}

//! Turns a [`CalculatorInput`] into a checked [`Job`], or says which field is wrong.
//!
//! Checks run in the order of the form (year, regime, level, nights, hours, the rest), so
//! the first error is the first field the family would look at. The pay is checked later,
//! in [`super::compute`], because its minimum needs the indemnities.

use rust_decimal::Decimal;

use super::errors::CalcError;
use super::input::CalculatorInput;
use super::regime::{Level, Regime};
use super::tables::{TableAmount, Tables, YearTables, available_years, tables};
use crate::money::Money;

/// Seniority increments the CCNL allows (art. 37: at most 7 two-year increments).
pub(crate) const MAX_SENIORITY_INCREMENTS: i64 = 7;
/// More children or assisted people than this is a typing error, not a household.
pub(crate) const MAX_PEOPLE: i64 = 10;
/// Two meals a day, seven days a week.
pub(crate) const MAX_MEALS_PER_WEEK: i64 = 14;
pub(crate) const MAX_NIGHTS_PER_WEEK: i64 = 7;
/// Table D covers 20:00–08:00: at most 12 hours a night count as weekly hours.
pub(crate) const NIGHT_ASSISTANCE_HOURS_PER_NIGHT: i64 = 12;
/// Table E covers 21:00–08:00: at most 11 hours a night.
pub(crate) const NIGHT_PRESENCE_HOURS_PER_NIGHT: i64 = 11;

/// A request whose every field is known to be valid (the pay aside).
#[derive(Debug)]
pub(crate) struct Job {
    pub year: i32,
    pub tables: &'static YearTables,
    pub all_tables: &'static Tables,
    pub regime: Regime,
    pub level: Level,
    pub weekly_hours: Decimal,
    pub nights_per_week: u8,
    pub fixed_term: bool,
    pub cuaf: bool,
    pub children_under_6: u8,
    pub non_self_sufficient_assisted: u8,
    pub board_in_kind: bool,
    pub meals_per_week: u8,
    pub seniority_increments: u8,
    pub include_holiday_replacement: bool,
    /// The regime's table figure for the level (README step 1, before anything is added).
    pub table_minimum: TableAmount,
}

pub(crate) fn validate(input: &CalculatorInput) -> Result<Job, CalcError> {
    let all_tables = tables();
    let (year, year_tables) = year(input.year, all_tables)?;
    let regime = Regime::parse(&input.regime).ok_or_else(|| {
        let allowed: Vec<&str> = Regime::ALL.iter().map(|regime| regime.as_str()).collect();
        CalcError::new("unknown_regime", "regime")
            .with("value", shorten(&input.regime))
            .with("allowed", allowed.join(", "))
    })?;
    let level = Level::parse(&input.level);
    let table_minimum = level.and_then(|level| year_tables.base_minimum(regime, level));
    let (Some(level), Some(table_minimum)) = (level, table_minimum) else {
        let allowed: Vec<&str> = year_tables
            .levels_for(regime)
            .iter()
            .map(|level| level.as_str())
            .collect();
        return Err(CalcError::new("unknown_level", "level")
            .with("level", shorten(&input.level))
            .with("regime", regime)
            .with("allowed", allowed.join(", ")));
    };

    let nights_per_week = nights(input.nights_per_week, regime)?;
    let weekly_hours = weekly_hours(input.weekly_hours, regime, nights_per_week, all_tables)?;
    let seniority_increments = count(
        input.seniority_increments,
        "seniority_increments",
        0,
        MAX_SENIORITY_INCREMENTS,
    )?;
    let children_under_6 = count(input.children_under_6, "children_under_6", 0, MAX_PEOPLE)?;
    let non_self_sufficient_assisted = count(
        input.non_self_sufficient_assisted,
        "non_self_sufficient_assisted",
        0,
        MAX_PEOPLE,
    )?;
    let meals_per_week = count(
        input.meals_per_week,
        "meals_per_week",
        0,
        MAX_MEALS_PER_WEEK,
    )?;
    // README step 3: meals are valued for hourly regimes, full board for live-in ones.
    if meals_per_week > 0 && !regime.is_hourly() {
        return Err(not_applicable("meals_per_week", regime));
    }
    if input.board_in_kind && !regime.is_live_in() {
        return Err(not_applicable("board_in_kind", regime));
    }

    Ok(Job {
        year,
        tables: year_tables,
        all_tables,
        regime,
        level,
        weekly_hours,
        nights_per_week,
        fixed_term: input.fixed_term,
        cuaf: input.cuaf,
        children_under_6,
        non_self_sufficient_assisted,
        board_in_kind: input.board_in_kind,
        meals_per_week,
        seniority_increments,
        include_holiday_replacement: input.include_holiday_replacement,
        table_minimum,
    })
}

fn year(requested: i64, all: &'static Tables) -> Result<(i32, &'static YearTables), CalcError> {
    i32::try_from(requested)
        .ok()
        .and_then(|year| all.years.get(&year).map(|tables| (year, tables)))
        .ok_or_else(|| {
            let available: Vec<String> = available_years().iter().map(i32::to_string).collect();
            CalcError::new("unknown_year", "year")
                .with("year", requested)
                .with("available", available.join(", "))
        })
}

/// Night regimes are counted in nights (1–7); other regimes must leave the field at 0.
fn nights(requested: i64, regime: Regime) -> Result<u8, CalcError> {
    if regime.is_night() {
        count(requested, "nights_per_week", 1, MAX_NIGHTS_PER_WEEK)
    } else if requested == 0 {
        Ok(0)
    } else {
        Err(not_applicable("nights_per_week", regime))
    }
}

/// Weekly hours are counted to the hundredth of an hour (rounded half-up), must be positive
/// (they divide the pay in step 4; a positive hundredth also keeps every quotient far from
/// `Decimal`'s range) and within the regime's maximum: tables A, B, C from `[meta]`;
/// table G like table C (non-live-in hourly work); night regimes at most the hours of the
/// night span times the nights.
fn weekly_hours(
    requested: Decimal,
    regime: Regime,
    nights: u8,
    all: &Tables,
) -> Result<Decimal, CalcError> {
    let requested = Money::from_decimal(requested).round_cents().as_decimal();
    if requested <= Decimal::ZERO {
        return Err(CalcError::new("must_be_positive", "weekly_hours"));
    }
    let max = match regime {
        Regime::LiveIn => all.meta.max_weekly_hours_live_in,
        Regime::LiveInPartTime => all.meta.max_weekly_hours_table_b,
        Regime::Hourly | Regime::RestDaySubstitute => all.meta.max_weekly_hours_not_live_in,
        Regime::NightAssistance => {
            Decimal::from(NIGHT_ASSISTANCE_HOURS_PER_NIGHT * i64::from(nights))
        }
        Regime::NightPresence => Decimal::from(NIGHT_PRESENCE_HOURS_PER_NIGHT * i64::from(nights)),
    };
    if requested > max {
        return Err(CalcError::new("hours_over_limit", "weekly_hours")
            .with("max", max)
            .with("regime", regime));
    }
    Ok(requested)
}

fn count(requested: i64, field: &'static str, min: i64, max: i64) -> Result<u8, CalcError> {
    if (min..=max).contains(&requested) {
        u8::try_from(requested).map_err(|_| out_of_range(field, min, max))
    } else {
        Err(out_of_range(field, min, max))
    }
}

pub(crate) fn out_of_range(
    field: &'static str,
    min: impl ToString,
    max: impl ToString,
) -> CalcError {
    CalcError::new("out_of_range", field)
        .with("min", min)
        .with("max", max)
}

pub(crate) fn not_applicable(field: &'static str, regime: Regime) -> CalcError {
    CalcError::new("not_applicable", field).with("regime", regime)
}

/// Echoes at most 40 characters of what the caller sent.
fn shorten(text: &str) -> String {
    text.trim().chars().take(40).collect()
}

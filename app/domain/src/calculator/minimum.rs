//! README step 1: the contractual minimum for the year, regime and level.

use rust_decimal::Decimal;

use super::regime::{Level, Regime};
use super::tables::TableAmount;
use super::validate::Job;
use crate::money::Money;

/// Each seniority increment is 4% of the table minimum (CCNL art. 37).
const SENIORITY_INCREMENT_PERCENT: i64 = 4;

/// The minimum pay (per hour for hourly regimes, per month otherwise) and every table
/// figure it was built from.
#[derive(Debug)]
pub(crate) struct Minimum {
    pub amount: Money,
    pub figures: Vec<TableAmount>,
}

/// Table minimum + indennità di funzione + indemnities H and I (each once) + seniority.
///
/// - Funzione (levels D, DS) is "on top of table A" (`tables.toml`), so only `live_in`.
/// - H: a BS babysitter with at least one child under 6; monthly table A amount, the
///   table B amount for `live_in_part_time`, the hourly amount for hourly regimes. The
///   README says "once" although table H is labelled "per child": we follow the README.
/// - I: a CS/DS carer assisting more than one non-self-sufficient person.
/// - Table E (`night_presence`) is a single level for everyone: no level-based additions.
/// - Seniority: each increment is 4% of the table figure alone, rounded to the cent, then
///   multiplied by the number of increments (README: "each, rounded to the cent").
pub(crate) fn minimum(job: &Job) -> Minimum {
    let year = job.tables;
    let mut figures = vec![job.table_minimum];
    let by_level = job.regime != Regime::NightPresence;

    let function_indemnity = year.function_indemnity.get(job.level.as_str());
    if let (Regime::LiveIn, Some(&amount)) = (job.regime, function_indemnity) {
        figures.push(TableAmount {
            amount,
            table: "funzione",
            key: job.level.as_str(),
        });
    }
    if by_level && job.level == Level::Bs && job.children_under_6 >= 1 {
        let (amount, key) = match job.regime {
            Regime::LiveInPartTime => (year.babysitter.monthly_table_b, "monthly_table_b"),
            regime if regime.is_hourly() => (year.babysitter.hourly, "hourly"),
            _ => (year.babysitter.monthly, "monthly"),
        };
        figures.push(TableAmount {
            amount,
            table: "H",
            key,
        });
    }
    if by_level && job.level.cares_for_non_self_sufficient() && job.non_self_sufficient_assisted > 1
    {
        let (amount, key) = if job.regime.is_hourly() {
            (year.several_assisted.hourly, "hourly")
        } else {
            (year.several_assisted.monthly, "monthly")
        };
        figures.push(TableAmount {
            amount,
            table: "I",
            key,
        });
    }

    let seniority =
        seniority_increment(job.table_minimum.amount) * Decimal::from(job.seniority_increments);
    let amount = figures.iter().map(|figure| figure.amount).sum::<Money>() + seniority;
    Minimum { amount, figures }
}

/// One seniority increment: 4% of the table minimum, rounded half-up to the cent.
pub(crate) fn seniority_increment(table_minimum: Money) -> Money {
    (table_minimum * Decimal::new(SENIORITY_INCREMENT_PERCENT, 2)).round_cents()
}

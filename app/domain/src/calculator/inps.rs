//! README step 5 (INPS) and step 6 (Cassa Colf): contributions per hour and per year.

use rust_decimal::Decimal;

use super::pay::weeks;
use super::regime::Regime;
use super::result::{CassaColfContributions, InpsBand, InpsContributions};
use super::tables::{CassaColf, Inps, InpsRates};
use crate::money::Money;

/// INPS: above this many hours a week with the same employer the `over_24h` row applies,
/// whatever the pay (INPS circular, "oltre 24 ore settimanali").
pub(crate) const OVER_24H_THRESHOLD: i64 = 24;
/// Weeks in a quarter, for the quarterly INPS payment (52 / 4).
const WEEKS_PER_QUARTER: i64 = 13;
/// Cassa Colf counts 8 conventional hours per night of assistance (tables.toml, CCNL art. 54).
pub(crate) const CASSA_COLF_HOURS_PER_ASSISTANCE_NIGHT: i64 = 8;
/// … and 5 per night of presence.
pub(crate) const CASSA_COLF_HOURS_PER_PRESENCE_NIGHT: i64 = 5;

/// The contract features that choose the INPS column.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Contract {
    pub fixed_term: bool,
    pub cuaf: bool,
}

/// The band: `over_24h` above 24 hours a week; otherwise the first band whose inclusive
/// upper bound is at least the effective hourly pay ("fino a 9,61" includes 9,61).
pub(crate) fn band(
    inps: &Inps,
    weekly_hours: Decimal,
    effective_hourly: Money,
) -> (InpsBand, &InpsRates) {
    if weekly_hours > Decimal::from(OVER_24H_THRESHOLD) {
        return (InpsBand::Over24h, &inps.over_24h);
    }
    let position = inps
        .bands
        .iter()
        .position(|band| band.up_to.is_none_or(|bound| effective_hourly <= bound))
        // The last band is open (checked when the tables are parsed); this only guards it.
        .unwrap_or(inps.bands.len().saturating_sub(1));
    let number = u8::try_from(position + 1).unwrap_or(u8::MAX);
    match inps.bands.get(position) {
        Some(row) => (InpsBand::Band(number), &row.rates),
        None => (InpsBand::Over24h, &inps.over_24h),
    }
}

/// The total hourly contribution for the contract: `total`, `no_cuaf`, `fixed_term` or
/// `fixed_term_no_cuaf`. The worker's share is the same `worker` column in every case.
fn hourly_total(rates: &InpsRates, contract: Contract) -> Money {
    match (contract.fixed_term, contract.cuaf) {
        (false, true) => rates.total,
        (false, false) => rates.no_cuaf,
        (true, true) => rates.fixed_term,
        (true, false) => rates.fixed_term_no_cuaf,
    }
}

/// Step 5: hourly shares, then annual total and worker share each rounded from
/// rate × weekly hours × 52, the employer's share as their difference; a quarter is
/// rate × weekly hours × 13.
pub(crate) fn inps_contributions(
    inps: &Inps,
    weekly_hours: Decimal,
    effective_hourly: Money,
    contract: Contract,
) -> InpsContributions {
    let (band, rates) = band(inps, weekly_hours, effective_hourly);
    let hourly_total = hourly_total(rates, contract);
    let hourly_worker = rates.worker;
    let yearly_hours = weekly_hours * weeks();
    let annual_total = (hourly_total * yearly_hours).round_cents();
    let annual_worker = (hourly_worker * yearly_hours).round_cents();
    InpsContributions {
        band,
        hourly_total,
        hourly_worker,
        hourly_employer: hourly_total - hourly_worker,
        quarterly_total: (hourly_total * (weekly_hours * Decimal::from(WEEKS_PER_QUARTER)))
            .round_cents(),
        annual_total,
        annual_employer: annual_total - annual_worker,
        annual_worker,
    }
}

/// Step 6: the hours Cassa Colf counts a week: the weekly hours, except for night regimes
/// where each night counts 8 (assistance) or 5 (presence) conventional hours.
pub(crate) fn cassa_colf_weekly_hours(
    regime: Regime,
    weekly_hours: Decimal,
    nights: u8,
) -> Decimal {
    let per_night = match regime {
        Regime::NightAssistance => CASSA_COLF_HOURS_PER_ASSISTANCE_NIGHT,
        Regime::NightPresence => CASSA_COLF_HOURS_PER_PRESENCE_NIGHT,
        _ => return weekly_hours,
    };
    Decimal::from(per_night * i64::from(nights))
}

/// Step 6: Cassa Colf, split like INPS (annual total and worker share rounded, employer
/// share the difference).
pub(crate) fn cassa_colf_contributions(
    cassa_colf: &CassaColf,
    cassa_colf_weekly_hours: Decimal,
) -> CassaColfContributions {
    let yearly_hours = cassa_colf_weekly_hours * weeks();
    let annual_total = (cassa_colf.total * yearly_hours).round_cents();
    let annual_worker = (cassa_colf.worker * yearly_hours).round_cents();
    CassaColfContributions {
        hourly_total: cassa_colf.total,
        annual_total,
        annual_employer: annual_total - annual_worker,
        annual_worker,
    }
}

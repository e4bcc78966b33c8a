//! README steps 7–11: 13th month, TFR, holiday replacement, the employer's annual cost and
//! the worker's net monthly pay.

use rust_decimal::Decimal;

use super::pay::{months, weeks};
use crate::money::Money;

/// Step 7: the 13th month is one month of pay plus the board value.
pub(crate) fn thirteenth(monthly_pay: Money, board_monthly: Money) -> Money {
    monthly_pay + board_monthly
}

/// Step 8: TFR accrued in a year = (12 × (pay + board) + 13th month) / 13,5, rounded.
pub(crate) fn tfr_annual(
    monthly_pay: Money,
    board_monthly: Money,
    thirteenth: Money,
    tfr_divisor: Decimal,
) -> Money {
    (((monthly_pay + board_monthly) * months() + thirteenth) / tfr_divisor).round_cents()
}

/// Step 9: paying someone else during the 26 days of holiday costs one month of pay plus
/// the board value a year; zero unless the family asks to budget it.
pub(crate) fn holiday_replacement(asked: bool, monthly_pay: Money, board_monthly: Money) -> Money {
    if asked {
        monthly_pay + board_monthly
    } else {
        Money::ZERO
    }
}

/// The parts of step 10, each already rounded to the cent.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AnnualParts {
    pub monthly_pay: Money,
    pub thirteenth: Money,
    pub tfr: Money,
    pub inps_employer: Money,
    pub cassa_colf_employer: Money,
    pub holiday_replacement: Money,
}

/// Step 10: 12 × monthly pay + 13th + TFR + employer INPS + employer Cassa Colf
/// (+ holiday replacement). The board given in kind is not a cash cost, so it enters only
/// through the 13th month and TFR, which are paid in money.
pub(crate) fn annual_employer_cost(parts: AnnualParts) -> Money {
    parts.monthly_pay * months()
        + parts.thirteenth
        + parts.tfr
        + parts.inps_employer
        + parts.cassa_colf_employer
        + parts.holiday_replacement
}

/// Step 10: the monthly average, annual / 12 rounded.
pub(crate) fn monthly_average(annual: Money) -> Money {
    (annual / months()).round_cents()
}

/// Step 11: monthly pay − worker's INPS share × weekly hours × 52 / 12 − worker's Cassa
/// Colf share × its weekly hours × 52 / 12, each deduction rounded. Domestic employers are
/// not tax withholding agents, so no income tax is deducted.
pub(crate) fn worker_net_monthly(
    monthly_pay: Money,
    inps_worker_hourly: Money,
    weekly_hours: Decimal,
    cassa_colf_worker_hourly: Money,
    cassa_colf_weekly_hours: Decimal,
) -> Money {
    let monthly =
        |hourly: Money, hours: Decimal| (hourly * (hours * weeks()) / months()).round_cents();
    monthly_pay
        - monthly(inps_worker_hourly, weekly_hours)
        - monthly(cassa_colf_worker_hourly, cassa_colf_weekly_hours)
}

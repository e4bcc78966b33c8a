//! README steps 2–4: monthly hours and pay, board and lodging, effective hourly pay.

use rust_decimal::Decimal;

use super::tables::{Tables, YearTables};
use crate::money::Money;

/// Weeks in a year and months in a year: the CCNL converts weekly to monthly as × 52 / 12.
pub(crate) const WEEKS_PER_YEAR: i64 = 52;
pub(crate) const MONTHS_PER_YEAR: i64 = 12;

pub(crate) fn weeks() -> Decimal {
    Decimal::from(WEEKS_PER_YEAR)
}

pub(crate) fn months() -> Decimal {
    Decimal::from(MONTHS_PER_YEAR)
}

/// Step 2: weekly hours × 52 / 12, rounded to 2 decimals for display only (later steps
/// use weekly hours × 52 / 12 exactly, as the README writes them).
pub(crate) fn monthly_hours(weekly_hours: Decimal) -> Decimal {
    Money::from_decimal(weekly_hours * weeks() / months())
        .round_cents()
        .as_decimal()
}

/// Step 2: the hourly pay × weekly hours × 52 / 12, computed exactly, then rounded.
pub(crate) fn monthly_pay_from_hourly(hourly_pay: Money, weekly_hours: Decimal) -> Money {
    (hourly_pay * (weekly_hours * weeks()) / months()).round_cents()
}

/// What is given in kind, for step 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InKind {
    Nothing,
    /// Full board and lodging of a live-in worker.
    FullBoard,
    /// Meals a week of a worker paid by the hour.
    Meals(u8),
}

/// Step 3: the monthly value of board and lodging (table F).
///
/// Full board: the daily total × 30 (CCNL 2025 art. 36, `meta.board_monthly_days`).
/// Meals: meals a week × the value of a meal × 52 / 12; a meal is valued at
/// `lunch_or_breakfast` (dinner has the same value in every year of the tables).
pub(crate) fn board_monthly_value(in_kind: InKind, year: &YearTables, all: &Tables) -> Money {
    match in_kind {
        InKind::Nothing => Money::ZERO,
        InKind::FullBoard => (year.board.total * all.meta.board_monthly_days).round_cents(),
        InKind::Meals(meals) => (year.board.lunch_or_breakfast * (Decimal::from(meals) * weeks())
            / months())
        .round_cents(),
    }
}

/// Step 4: (monthly pay + monthly pay / 12 + board) × 12 / (weekly hours × 52), from the
/// rounded monthly pay and board value, rounded to the cent because it is shown.
///
/// Computed as (13 × pay + 12 × board) / (52 × weekly hours), the same expression with the
/// division done once, so that no intermediate quotient is truncated before the rounding.
pub(crate) fn effective_hourly_pay(
    monthly_pay: Money,
    board_monthly: Money,
    weekly_hours: Decimal,
) -> Money {
    let yearly_with_thirteenth = monthly_pay * (months() + Decimal::ONE) + board_monthly * months();
    (yearly_with_thirteenth / (weekly_hours * weeks())).round_cents()
}

//! README step 12: what the family may recover in its tax return (shown, not subtracted).

use rust_decimal::Decimal;

use super::regime::Level;
use super::result::TaxRelief;
use crate::money::Money;

/// Employer's INPS contributions for domestic workers are deductible up to this much a year
/// (TUIR art. 10 c. 2).
pub(crate) const DEDUCTIBLE_CONTRIBUTIONS_CAP_CENTS: i64 = 154_937;
/// Expenses for a carer of a non-self-sufficient person count up to this much a year
/// (TUIR art. 15 c. 1 lett. i-septies) …
pub(crate) const CARER_EXPENSE_CAP_CENTS: i64 = 210_000;
/// … at 19% (so at most 399,00 €), for taxpayers with income up to 40.000 €.
pub(crate) const CARER_DETRACTION_PERCENT: i64 = 19;

/// The deductible contributions are the employer's INPS share, capped. The carer
/// detraction applies to levels CS and DS (not to `night_presence`, whose single level is
/// not a care role): 19% of the family's yearly spending on the carer, capped at 2.100 €.
/// The income condition (≤ 40.000 €) is the family's to check: the amount is a maximum.
pub(crate) fn tax_relief(
    inps_employer_annual: Money,
    annual_employer_cost: Money,
    carer_of_non_self_sufficient: bool,
) -> TaxRelief {
    let deductible_contributions =
        inps_employer_annual.min(Money::from_cents(DEDUCTIBLE_CONTRIBUTIONS_CAP_CENTS));
    let carer_detraction_max = if carer_of_non_self_sufficient {
        let base = annual_employer_cost.min(Money::from_cents(CARER_EXPENSE_CAP_CENTS));
        (base * Decimal::new(CARER_DETRACTION_PERCENT, 2)).round_cents()
    } else {
        Money::ZERO
    };
    TaxRelief {
        deductible_contributions,
        carer_detraction_max,
    }
}

/// Whether the carer detraction can apply to this level.
pub(crate) fn carer_detraction_applies(level: Level, by_level: bool) -> bool {
    by_level && level.cares_for_non_self_sufficient()
}

//! Welfare vouchers: credits the city assigns to citizens, spent in part or in full on
//! services that accept them, the rest paid by card (issue 6, "Vouchers").
//!
//! - [`ledger`]: the split of a payment, debits that never overdraw, the split of a refund
//!   (proportional), which vouchers pay and which get a reversal back.
//! - [`crate::fiscal_code`]: the beneficiary's codice fiscale, checked by the standard algorithm.
//! - [`import`]: the city's CSV file, row by row, with line and column for every problem.
//!
//! Validity is a pair of calendar days ([`crate::date::Date`]), both inclusive, in Milan's
//! calendar: "valid until 31/12/2026" means spendable all of that day, whatever the hour.

pub mod import;
pub mod ledger;

#[cfg(test)]
mod tests;

pub use crate::fiscal_code::{FiscalCodeError, normalize_fiscal_code};
pub use import::{ImportReport, RowError, RowProblem, VoucherRow, parse_import, parse_row};
pub use ledger::{
    LedgerEntry, LedgerError, Split, Voucher, VoucherDebit, allocate_debit, allocate_reversal,
    apply_credit, apply_debit, replay, spendable_balance, split_payment, split_payment_up_to,
    split_refund,
};

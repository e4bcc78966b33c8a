//! WeMi's domain rules: plain Rust, no I/O, no Leptos.
//!
//! Compiled into the server and into the browser bundle, so the same rule gives the same
//! answer on both sides (e.g. the calculator updates as the family types, with no round trip).

pub mod accounts;
pub mod accreditation;
pub mod appointments;
pub mod calculator;
pub mod date;
pub mod domestic;
pub mod fiscal_code;
pub mod matching;
pub mod money;
pub mod orders;
pub mod payment_accounts;
pub mod payouts;
pub mod pricing;
pub mod quotes;
pub mod receipts;
pub mod reviews;
pub mod rome_time;
pub mod search;
pub mod seats;
pub mod vouchers;
// Statistics (issue 8).
pub mod statistics;

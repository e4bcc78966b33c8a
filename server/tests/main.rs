//! The server's integration tests, in one binary: each module starts the real server on a real
//! SQLite file or PostgreSQL database. One binary rather than one per file because each links the
//! whole server; a dozen of them filled a CI machine's disk.

#[macro_use]
mod common;

mod access_matrix;
mod accounts_api;
mod accreditation;
mod admin;
mod appointments;
mod assisted_mode;
mod buying;
mod calculator_api;
mod calculator_page;
mod catalog_api;
mod catalog_pages;
mod domestic;
mod feedback_results;
mod foundation;
mod hsds;
mod kiosk_mode;
mod mail;
mod oidc;
mod payment_gateways;
mod provider_accounts;
mod quotes;
mod reviews;
mod voucher_import;
// Statistics (issue 8).
mod statistics;

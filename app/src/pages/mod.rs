//! One file per page (or family of pages).

pub mod account;
pub mod appointments;
pub mod buying;
pub mod calculator;
pub mod coming_soon;
pub mod domestic;
pub mod home;
pub mod info;
pub mod not_found;
pub mod providers;
pub mod report;
pub mod reviews;
pub mod services;
pub mod spaces;
// Statistics (issue 8).
pub mod statistics;
// Administration (issue 8).
pub mod admin;

//! One file per page (or family of pages).

pub mod calculator;
pub mod home;
pub mod info;
pub mod not_found;
pub mod report;
pub mod spaces;

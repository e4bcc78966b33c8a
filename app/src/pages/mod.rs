//! One file per page (or family of pages).

pub mod calculator;
pub mod home;
pub mod not_found;

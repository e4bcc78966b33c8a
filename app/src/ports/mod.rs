//! The interfaces server code needs, without their implementations (those live in `server/`).
//! Server functions reach them through Leptos context, so tests can plug in real engines.

mod accounts;
mod appointments;
mod buying;
mod domestic;
mod reviews;
mod store;
// Administration (issue 8).
mod admin;

pub use accounts::*;
pub use admin::*;
pub use appointments::*;
pub use buying::*;
pub use domestic::*;
pub use reviews::*;
pub use store::*;
// Statistics (issue 8).
mod statistics;
pub use statistics::*;

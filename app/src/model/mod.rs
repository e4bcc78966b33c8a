//! Data shapes shared by server and browser (what server functions return).
//! On the server they double as database rows (`FromRow`), so there is one definition.

mod account;
mod appointments;
mod buying;
mod catalog;
mod domestic;
mod quotes;
mod reviews;
mod service;
// Administration (issue 8).
mod admin;

pub use account::*;
pub use admin::*;
pub use appointments::*;
pub use buying::*;
pub use catalog::*;
pub use domestic::*;
pub use quotes::*;
pub use reviews::*;
pub use service::*;
// Statistics (issue 8).
mod statistics;
pub use statistics::*;

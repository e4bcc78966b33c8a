//! Accounts and security rules: who may do what, how long a session lives, when logins are
//! throttled, what a password must be. Plain Rust, no I/O: the server applies them.

pub mod access;
pub mod email;
pub mod grants;
pub mod password;
pub mod redirect;
pub mod roles;
pub mod session;
pub mod throttle;

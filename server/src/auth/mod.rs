//! Authentication and authorization: passwords, sessions, the identity broker (SPID/CIE over
//! OpenID Connect), the route rules and the middlewares that apply them.

pub mod assist;
pub mod cookies;
pub mod kiosk;
pub mod layer;
pub mod oidc;
pub mod password;
pub mod routes;
pub mod service;
pub mod tokens;

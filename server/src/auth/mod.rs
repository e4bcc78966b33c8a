//! Authentication. Passwords now; sessions, OIDC (SPID/CIE) and permissions come with the
//! accounts issue.

pub mod password;

//! The person behind the page being rendered. The server's session layer puts a `CurrentUser`
//! in the request; pages render on the server, so they read it there (in the browser, where
//! only islands run, there is no session to read).

use crate::model::SessionUser;

#[cfg(feature = "ssr")]
pub fn session_user() -> Option<SessionUser> {
    leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<crate::model::CurrentUser>()
            .map(|c| c.user.clone())
    })
}

#[cfg(not(feature = "ssr"))]
pub fn session_user() -> Option<SessionUser> {
    None
}

/// The kiosk tablet the page is shown on, if it is one.
#[cfg(feature = "ssr")]
pub fn kiosk_device() -> Option<crate::model::KioskDevice> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::model::KioskDevice>().cloned())
}

#[cfg(not(feature = "ssr"))]
pub fn kiosk_device() -> Option<crate::model::KioskDevice> {
    None
}

//! Server functions of the city administration pages (issue 8): the account search and one
//! account's roles (permission `users`), the WeMi spaces and one space's schedule (permission
//! `content`). The pages' forms post to plain handlers (`server/src/http/admin.rs`).

use leptos::prelude::*;

use crate::model::{AdminSpacePage, AdminSpaceRow, AdminUserPage, AdminUserSearch};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::ports::{AdminError, SharedAdministration};

#[cfg(feature = "ssr")]
fn admin() -> Result<SharedAdministration, ServerFnError> {
    use_context::<SharedAdministration>()
        .ok_or_else(|| ServerFnError::new("administration not configured"))
}

#[cfg(feature = "ssr")]
fn who() -> Result<crate::model::SessionUser, ServerFnError> {
    crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))
}

#[cfg(feature = "ssr")]
fn read_error(err: AdminError, locale: Locale) -> ServerFnError {
    let status = match err {
        AdminError::NotFound => Some(http::StatusCode::NOT_FOUND),
        AdminError::Forbidden => Some(http::StatusCode::FORBIDDEN),
        AdminError::Grant(_) | AdminError::Schedule(_) => {
            Some(http::StatusCode::UNPROCESSABLE_ENTITY)
        }
        AdminError::Internal => None,
    };
    if let (Some(status), Some(response)) = (status, use_context::<leptos_axum::ResponseOptions>())
    {
        response.set_status(status);
    }
    ServerFnError::new(err.message(locale))
}

#[server(prefix = "/fn", endpoint = "admin_users")]
pub async fn admin_users(
    q: Option<String>,
    page: Option<u32>,
    lang: Option<String>,
) -> Result<AdminUserSearch, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    admin()?
        .search_users(&who()?, q.as_deref().unwrap_or(""), page.unwrap_or(1))
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "admin_user")]
pub async fn admin_user(id: i64, lang: Option<String>) -> Result<AdminUserPage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    admin()?
        .user_page(&who()?, id)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "admin_spaces")]
pub async fn admin_spaces(lang: Option<String>) -> Result<Vec<AdminSpaceRow>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    admin()?
        .spaces(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "admin_space")]
pub async fn admin_space(id: i64, lang: Option<String>) -> Result<AdminSpacePage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    admin()?
        .space_page(&who()?, id)
        .await
        .map_err(|e| read_error(e, locale))
}

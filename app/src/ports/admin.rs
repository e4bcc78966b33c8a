//! The city administration port (issue 8): accounts' roles and permissions
//! (`/amministrazione/utenti`, permission `users`) and WeMi spaces' schedules
//! (`/amministrazione/spazi`, permission `content`). Implemented in `server/src/admin/`; the
//! rules are `domain::accounts::grants`' and `domain::appointments::schedule`'.

use std::sync::Arc;

use async_trait::async_trait;

use crate::i18n::Locale;
use crate::model::{AdminSpacePage, AdminSpaceRow, AdminUserPage, AdminUserSearch, SessionUser};
use crate::ports::ClientInfo;

/// A role change as its form sends it.
#[derive(Clone, Debug, Default)]
pub struct RoleChangeForm {
    /// `grant` or `revoke`.
    pub action: String,
    /// `perm`, `space_operator`, `provider_admin`, `provider_operator`.
    pub kind: String,
    /// The permission's code (`perm`).
    pub code: String,
    /// The space's or provider's id.
    pub scope: Option<i64>,
    pub reason: String,
}

/// Why an administration operation was refused; `code()` for `?errore=`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AdminError {
    #[error("refused: {0}")]
    Grant(domain::accounts::grants::GrantError),
    #[error("refused: {0}")]
    Schedule(domain::appointments::schedule::ScheduleError),
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

impl AdminError {
    pub fn code(&self) -> String {
        match self {
            AdminError::Grant(e) => e.code().to_string(),
            AdminError::Schedule(e) => e.code().to_string(),
            AdminError::NotFound => "not-found".into(),
            AdminError::Forbidden => "forbidden".into(),
            AdminError::Internal => "internal".into(),
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        crate::i18n::admin::error_message(&self.code(), locale)
    }
}

#[async_trait]
pub trait Administration: Send + Sync + 'static {
    /// Accounts whose name or e-mail contains `query`, 25 a page.
    async fn search_users(
        &self,
        who: &SessionUser,
        query: &str,
        page: u32,
    ) -> Result<AdminUserSearch, AdminError>;

    async fn user_page(&self, who: &SessionUser, id: i64) -> Result<AdminUserPage, AdminError>;

    /// Grants or revokes a permission or a scoped role (audited).
    async fn change_role(
        &self,
        who: &SessionUser,
        subject: i64,
        form: &RoleChangeForm,
        client: &ClientInfo,
    ) -> Result<(), AdminError>;

    async fn spaces(&self, who: &SessionUser) -> Result<Vec<AdminSpaceRow>, AdminError>;

    async fn space_page(&self, who: &SessionUser, id: i64) -> Result<AdminSpacePage, AdminError>;

    /// Replaces the weekly hours: `week[0]` is Monday's ranges as typed.
    async fn set_hours(
        &self,
        who: &SessionUser,
        space: i64,
        week: &[String],
        client: &ClientInfo,
    ) -> Result<(), AdminError>;

    async fn set_desks(
        &self,
        who: &SessionUser,
        space: i64,
        desks: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError>;

    async fn add_closure(
        &self,
        who: &SessionUser,
        space: i64,
        day: &str,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError>;

    async fn remove_closure(
        &self,
        who: &SessionUser,
        space: i64,
        day: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError>;
}

pub type SharedAdministration = Arc<dyn Administration>;

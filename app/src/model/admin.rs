//! City administration (issue 8): accounts with their roles and permissions, WeMi spaces with
//! their hours, desks and closures, as the back-office pages show them.

use serde::{Deserialize, Serialize};

/// One account of a search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminUserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub status: String,
}

/// A page of the account search (25 a page).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AdminUserSearch {
    pub query: String,
    pub rows: Vec<AdminUserRow>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
}

/// A stored role (`user_roles` row), with the name of its scope when it has one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminRoleView {
    /// `citizen`, `space_operator`, `perm:users`, ….
    pub role: String,
    pub scope_id: i64,
    pub scope_name: Option<String>,
}

/// A choice of a form's select (a space, a provider).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminChoice {
    pub id: i64,
    pub name: String,
}

/// One account's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminUserPage {
    pub user: AdminUserRow,
    pub roles: Vec<AdminRoleView>,
    /// Codes of the city permissions held.
    pub permissions: Vec<String>,
    /// The viewer's own account (its forms are not shown: nobody changes their own roles).
    pub is_self: bool,
    pub spaces: Vec<AdminChoice>,
    pub providers: Vec<AdminChoice>,
}

/// One space of the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSpaceRow {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub appointment_desks: i64,
    /// Closure days from today on.
    pub upcoming_closures: i64,
}

/// A closure day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminClosure {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub reason: String,
}

/// One space's page: its weekly hours as the form shows them (one line per weekday, 1–7),
/// desks, upcoming closures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSpacePage {
    pub space: AdminSpaceRow,
    /// Index 0 = Monday: `09:00-13:00, 14:00-17:00`.
    pub week: Vec<String>,
    pub closures: Vec<AdminClosure>,
    /// Today in Rome (`YYYY-MM-DD`), the form's minimum.
    pub today: String,
}

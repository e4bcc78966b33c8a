//! Roles and the city's fine permissions (../shared/MISSION.md, roles). A person may hold
//! several roles; provider and space roles are scoped to one provider or one WeMi space.

use std::collections::BTreeSet;

/// What a city administrator may be allowed to do, one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Permission {
    Content,
    Users,
    Providers,
    ServicesReview,
    WorkersMatching,
    Vouchers,
    ReviewsModeration,
    Statistics,
    Audit,
}

impl Permission {
    pub const ALL: [Permission; 9] = [
        Permission::Content,
        Permission::Users,
        Permission::Providers,
        Permission::ServicesReview,
        Permission::WorkersMatching,
        Permission::Vouchers,
        Permission::ReviewsModeration,
        Permission::Statistics,
        Permission::Audit,
    ];

    /// The name stored in the database (`user_roles.role` = `perm:<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Permission::Content => "content",
            Permission::Users => "users",
            Permission::Providers => "providers",
            Permission::ServicesReview => "services_review",
            Permission::WorkersMatching => "workers_matching",
            Permission::Vouchers => "vouchers",
            Permission::ReviewsModeration => "reviews_moderation",
            Permission::Statistics => "statistics",
            Permission::Audit => "audit",
        }
    }

    pub fn from_code(code: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A role a person holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Citizen,
    Worker,
    ProviderAdmin { provider_id: i64 },
    ProviderOperator { provider_id: i64 },
    SpaceOperator { space_id: i64 },
    CityAdmin,
}

/// A role without its scope: what route rules speak about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoleKind {
    Citizen,
    Worker,
    ProviderAdmin,
    ProviderOperator,
    SpaceOperator,
    CityAdmin,
}

impl RoleKind {
    pub const ALL: [RoleKind; 6] = [
        RoleKind::Citizen,
        RoleKind::Worker,
        RoleKind::ProviderAdmin,
        RoleKind::ProviderOperator,
        RoleKind::SpaceOperator,
        RoleKind::CityAdmin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RoleKind::Citizen => "citizen",
            RoleKind::Worker => "worker",
            RoleKind::ProviderAdmin => "provider_admin",
            RoleKind::ProviderOperator => "provider_operator",
            RoleKind::SpaceOperator => "space_operator",
            RoleKind::CityAdmin => "city_admin",
        }
    }
}

impl Role {
    pub fn kind(self) -> RoleKind {
        match self {
            Role::Citizen => RoleKind::Citizen,
            Role::Worker => RoleKind::Worker,
            Role::ProviderAdmin { .. } => RoleKind::ProviderAdmin,
            Role::ProviderOperator { .. } => RoleKind::ProviderOperator,
            Role::SpaceOperator { .. } => RoleKind::SpaceOperator,
            Role::CityAdmin => RoleKind::CityAdmin,
        }
    }

    /// The role from its stored form (`role`, `scope_id`); `None` for unknown codes and for
    /// scoped roles without a scope, so a damaged row grants nothing.
    pub fn from_stored(code: &str, scope_id: i64) -> Option<Role> {
        let scoped = (scope_id > 0).then_some(scope_id);
        match code {
            "citizen" => Some(Role::Citizen),
            "worker" => Some(Role::Worker),
            "provider_admin" => scoped.map(|provider_id| Role::ProviderAdmin { provider_id }),
            "provider_operator" => scoped.map(|provider_id| Role::ProviderOperator { provider_id }),
            "space_operator" => scoped.map(|space_id| Role::SpaceOperator { space_id }),
            "city_admin" => Some(Role::CityAdmin),
            _ => None,
        }
    }
}

/// Who is making a request: the person, their roles and permissions, and (assisted mode) the
/// citizen they act for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub roles: BTreeSet<Role>,
    pub permissions: BTreeSet<Permission>,
    pub acting_for: Option<i64>,
}

impl Principal {
    /// Builds a principal from stored `(role, scope_id)` rows; unknown rows are ignored.
    /// Permissions count only for city administrators.
    pub fn from_rows<'a>(user_id: i64, rows: impl IntoIterator<Item = (&'a str, i64)>) -> Self {
        let mut principal = Principal {
            user_id,
            ..Principal::default()
        };
        for (code, scope) in rows {
            if let Some(perm) = code.strip_prefix("perm:").and_then(Permission::from_code) {
                principal.permissions.insert(perm);
            } else if let Some(role) = Role::from_stored(code, scope) {
                principal.roles.insert(role);
            }
        }
        if !principal.has_kind(RoleKind::CityAdmin) {
            principal.permissions.clear();
        }
        principal
    }

    pub fn has_kind(&self, kind: RoleKind) -> bool {
        self.roles.iter().any(|r| r.kind() == kind)
    }

    pub fn has_permission(&self, permission: Permission) -> bool {
        self.has_kind(RoleKind::CityAdmin) && self.permissions.contains(&permission)
    }

    /// Admin or operator of this provider.
    pub fn is_provider_staff(&self, provider_id: i64) -> bool {
        self.roles.iter().any(|r| {
            matches!(r, Role::ProviderAdmin { provider_id: p } | Role::ProviderOperator { provider_id: p } if *p == provider_id)
        })
    }

    pub fn is_provider_admin(&self, provider_id: i64) -> bool {
        self.roles.contains(&Role::ProviderAdmin { provider_id })
    }

    /// The WeMi spaces this person works in.
    pub fn spaces(&self) -> impl Iterator<Item = i64> + '_ {
        self.roles.iter().filter_map(|r| match r {
            Role::SpaceOperator { space_id } => Some(*space_id),
            _ => None,
        })
    }

    /// Whether an operator may act for this person (assisted mode): citizens and domestic
    /// workers only, never anyone with a staff role or a city permission.
    pub fn is_assistable(&self) -> bool {
        !self.roles.is_empty()
            && self
                .roles
                .iter()
                .all(|r| matches!(r, Role::Citizen | Role::Worker))
            && self.permissions.is_empty()
    }

    /// The role codes, for the API (`"roles": [...]`), without duplicates, in a stable order.
    pub fn role_codes(&self) -> Vec<&'static str> {
        let kinds: BTreeSet<RoleKind> = self.roles.iter().map(|r| r.kind()).collect();
        kinds.into_iter().map(RoleKind::code).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_roles_and_permissions() {
        let p = Principal::from_rows(
            7,
            [
                ("city_admin", 0),
                ("perm:audit", 0),
                ("perm:nonsense", 0),
                ("provider_admin", 3),
                ("space_operator", 0),
            ],
        );
        assert!(p.has_permission(Permission::Audit));
        assert!(!p.has_permission(Permission::Users));
        assert!(p.is_provider_staff(3));
        assert!(!p.is_provider_staff(4));
        assert!(
            !p.has_kind(RoleKind::SpaceOperator),
            "a scoped role needs its scope"
        );
        assert_eq!(p.role_codes(), vec!["provider_admin", "city_admin"]);
    }

    #[test]
    fn only_citizens_and_workers_are_assisted() {
        assert!(Principal::from_rows(1, [("citizen", 0)]).is_assistable());
        assert!(Principal::from_rows(1, [("citizen", 0), ("worker", 0)]).is_assistable());
        assert!(!Principal::from_rows(1, [("citizen", 0), ("provider_admin", 3)]).is_assistable());
        assert!(!Principal::from_rows(1, [("city_admin", 0)]).is_assistable());
        assert!(!Principal::from_rows(1, []).is_assistable());
    }

    #[test]
    fn permissions_need_the_admin_role() {
        let p = Principal::from_rows(1, [("citizen", 0), ("perm:audit", 0)]);
        assert!(!p.has_permission(Permission::Audit));
    }

    #[test]
    fn codes_round_trip() {
        for p in Permission::ALL {
            assert_eq!(Permission::from_code(p.code()), Some(p));
        }
    }
}

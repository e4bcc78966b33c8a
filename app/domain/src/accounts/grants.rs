//! Granting and revoking roles and city permissions (issue 8, `/amministrazione/utenti`).
//! Pure rules: nobody changes their own roles (no self-escalation, no self-lockout), the last
//! holder of the `users` permission keeps it, only known roles, permissions and existing scopes
//! are stored, and the citizen role is never touched (citizens stay citizens).

use super::roles::Permission;

/// What an administrator may grant or revoke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    Permission(Permission),
    SpaceOperator { space_id: i64 },
    ProviderAdmin { provider_id: i64 },
    ProviderOperator { provider_id: i64 },
}

/// Grant or revoke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Grant,
    Revoke,
}

impl Change {
    pub fn parse(code: &str) -> Option<Change> {
        match code {
            "grant" => Some(Change::Grant),
            "revoke" => Some(Change::Revoke),
            _ => None,
        }
    }

    /// The audit log's action.
    pub fn action(self) -> &'static str {
        match self {
            Change::Grant => "role_granted",
            Change::Revoke => "role_revoked",
        }
    }
}

/// Why a change is refused; `code()` for `?errore=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GrantError {
    #[error("nobody changes their own roles")]
    SelfChange,
    #[error("the last holder of the users permission keeps it")]
    LastUsersHolder,
    #[error("unknown role or permission")]
    Unknown,
    #[error("unknown space or provider")]
    UnknownScope,
    #[error("already held")]
    AlreadyHeld,
    #[error("not held")]
    NotHeld,
}

impl GrantError {
    pub fn code(self) -> &'static str {
        match self {
            GrantError::SelfChange => "self",
            GrantError::LastUsersHolder => "last-users",
            GrantError::Unknown => "unknown",
            GrantError::UnknownScope => "scope",
            GrantError::AlreadyHeld => "held",
            GrantError::NotHeld => "not-held",
        }
    }
}

impl Grant {
    /// The grant a form names: `kind` (`perm`, `space_operator`, `provider_admin`,
    /// `provider_operator`), the permission's `code` for `perm`, the `scope` id otherwise.
    /// Anything else (the citizen, worker or city admin role, an unknown code, a missing
    /// scope) is `Unknown`.
    pub fn parse(kind: &str, code: &str, scope: Option<i64>) -> Result<Grant, GrantError> {
        let scope = scope.filter(|s| *s > 0);
        match (kind, scope) {
            ("perm", _) => Permission::from_code(code.trim())
                .map(Grant::Permission)
                .ok_or(GrantError::Unknown),
            ("space_operator", Some(space_id)) => Ok(Grant::SpaceOperator { space_id }),
            ("provider_admin", Some(provider_id)) => Ok(Grant::ProviderAdmin { provider_id }),
            ("provider_operator", Some(provider_id)) => Ok(Grant::ProviderOperator { provider_id }),
            ("space_operator" | "provider_admin" | "provider_operator", None) => {
                Err(GrantError::UnknownScope)
            }
            _ => Err(GrantError::Unknown),
        }
    }

    /// The stored row: (`user_roles.role`, `scope_id`).
    pub fn stored(self) -> (String, i64) {
        match self {
            Grant::Permission(p) => (format!("perm:{}", p.code()), 0),
            Grant::SpaceOperator { space_id } => ("space_operator".into(), space_id),
            Grant::ProviderAdmin { provider_id } => ("provider_admin".into(), provider_id),
            Grant::ProviderOperator { provider_id } => ("provider_operator".into(), provider_id),
        }
    }

    /// The audit log's target: `perm:users`, `space_operator:3`, ….
    pub fn target(self) -> String {
        match self.stored() {
            (role, 0) => role,
            (role, scope) => format!("{role}:{scope}"),
        }
    }
}

/// What the rules need to know about the change.
#[derive(Clone, Copy, Debug)]
pub struct ChangeRequest {
    pub actor: i64,
    pub subject: i64,
    pub change: Change,
    pub grant: Grant,
    /// The space or provider exists (always true for permissions).
    pub scope_known: bool,
    /// The subject holds the grant already.
    pub held: bool,
    /// The subject holds the `users` permission in effect (active, with the city admin role).
    pub subject_holds_users: bool,
    /// Active accounts holding the `users` permission in effect.
    pub users_holders: usize,
}

/// Whether the change may be made.
pub fn check(r: &ChangeRequest) -> Result<(), GrantError> {
    if r.actor == r.subject {
        return Err(GrantError::SelfChange);
    }
    if !r.scope_known {
        return Err(GrantError::UnknownScope);
    }
    match (r.change, r.held) {
        (Change::Grant, true) => return Err(GrantError::AlreadyHeld),
        (Change::Revoke, false) => return Err(GrantError::NotHeld),
        _ => {}
    }
    if r.change == Change::Revoke
        && r.grant == Grant::Permission(Permission::Users)
        && r.subject_holds_users
        && r.users_holders <= 1
    {
        return Err(GrantError::LastUsersHolder);
    }
    Ok(())
}

/// Whether the person keeps (or gets) the city admin role, which permissions need: while they
/// hold at least one permission.
pub fn keeps_city_admin(permissions_after: usize) -> bool {
    permissions_after > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(change: Change, grant: Grant) -> ChangeRequest {
        ChangeRequest {
            actor: 1,
            subject: 2,
            change,
            grant,
            scope_known: true,
            held: change == Change::Revoke,
            subject_holds_users: true,
            users_holders: 2,
        }
    }

    #[test]
    fn forms_name_known_grants_only() {
        assert_eq!(
            Grant::parse("perm", "audit", None),
            Ok(Grant::Permission(Permission::Audit))
        );
        assert_eq!(
            Grant::parse("space_operator", "", Some(3)),
            Ok(Grant::SpaceOperator { space_id: 3 })
        );
        assert_eq!(
            Grant::parse("provider_operator", "", Some(4)),
            Ok(Grant::ProviderOperator { provider_id: 4 })
        );
        assert_eq!(Grant::parse("perm", "root", None), Err(GrantError::Unknown));
        assert_eq!(Grant::parse("citizen", "", None), Err(GrantError::Unknown));
        assert_eq!(
            Grant::parse("city_admin", "", None),
            Err(GrantError::Unknown)
        );
        assert_eq!(
            Grant::parse("worker", "", Some(1)),
            Err(GrantError::Unknown)
        );
        assert_eq!(
            Grant::parse("provider_admin", "", Some(0)),
            Err(GrantError::UnknownScope)
        );
    }

    #[test]
    fn stored_forms_and_targets() {
        assert_eq!(
            Grant::Permission(Permission::ReviewsModeration).stored(),
            ("perm:reviews_moderation".to_string(), 0)
        );
        assert_eq!(
            Grant::SpaceOperator { space_id: 5 }.target(),
            "space_operator:5"
        );
        assert_eq!(Grant::Permission(Permission::Users).target(), "perm:users");
    }

    #[test]
    fn nobody_changes_their_own_roles() {
        for change in [Change::Grant, Change::Revoke] {
            let mut r = request(change, Grant::Permission(Permission::Audit));
            r.subject = r.actor;
            assert_eq!(check(&r), Err(GrantError::SelfChange));
        }
    }

    #[test]
    fn the_last_users_holder_keeps_it() {
        let mut r = request(Change::Revoke, Grant::Permission(Permission::Users));
        assert_eq!(check(&r), Ok(()));
        r.users_holders = 1;
        assert_eq!(check(&r), Err(GrantError::LastUsersHolder));
        // A stale row (no admin role) is not a holder: it may go.
        r.subject_holds_users = false;
        assert_eq!(check(&r), Ok(()));
        let other = ChangeRequest {
            users_holders: 1,
            ..request(Change::Revoke, Grant::Permission(Permission::Audit))
        };
        assert_eq!(check(&other), Ok(()));
    }

    #[test]
    fn scopes_must_exist_and_changes_must_change_something() {
        let mut r = request(Change::Grant, Grant::SpaceOperator { space_id: 99 });
        r.scope_known = false;
        assert_eq!(check(&r), Err(GrantError::UnknownScope));
        let mut held = request(Change::Grant, Grant::Permission(Permission::Audit));
        held.held = true;
        assert_eq!(check(&held), Err(GrantError::AlreadyHeld));
        let mut missing = request(Change::Revoke, Grant::Permission(Permission::Audit));
        missing.held = false;
        assert_eq!(check(&missing), Err(GrantError::NotHeld));
    }

    #[test]
    fn the_admin_role_follows_the_permissions() {
        assert!(keeps_city_admin(1));
        assert!(!keeps_city_admin(0));
        assert_eq!(Change::parse("grant"), Some(Change::Grant));
        assert_eq!(Change::parse("x"), None);
    }
}

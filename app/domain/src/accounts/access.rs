//! Authorization: every route declares a rule; a request is allowed only when its principal
//! satisfies the rule. Anything not declared is refused (the server's route table is checked
//! by a test that enumerates every route).

use super::roles::{Permission, Principal, RoleKind};

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Anyone, logged in or not.
    Public,
    /// Any logged-in person.
    Authenticated,
    /// A logged-in person holding one of these roles (scope checked by the handler).
    AnyRole(&'static [RoleKind]),
    /// A city administrator with this permission.
    Permission(Permission),
}

/// The outcome of an authorization check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Not logged in (401, or the login page for browsers).
    NeedsLogin,
    /// Logged in but not allowed (403).
    Forbidden,
}

pub fn decide(rule: Rule, principal: Option<&Principal>) -> Decision {
    let Some(principal) = principal else {
        return if rule == Rule::Public {
            Decision::Allow
        } else {
            Decision::NeedsLogin
        };
    };
    let allowed = match rule {
        Rule::Public | Rule::Authenticated => true,
        Rule::AnyRole(kinds) => kinds.iter().any(|k| principal.has_kind(*k)),
        Rule::Permission(p) => principal.has_permission(p),
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(rows: &[(&str, i64)]) -> Principal {
        Principal::from_rows(1, rows.iter().copied())
    }

    #[test]
    fn anonymous_gets_only_public_routes() {
        assert_eq!(decide(Rule::Public, None), Decision::Allow);
        assert_eq!(decide(Rule::Authenticated, None), Decision::NeedsLogin);
        assert_eq!(
            decide(Rule::Permission(Permission::Audit), None),
            Decision::NeedsLogin
        );
    }

    #[test]
    fn roles_and_permissions_are_checked() {
        let citizen = person(&[("citizen", 0)]);
        let auditor = person(&[("city_admin", 0), ("perm:audit", 0)]);
        let operator = person(&[("space_operator", 4)]);
        let audit = Rule::Permission(Permission::Audit);
        assert_eq!(decide(audit, Some(&citizen)), Decision::Forbidden);
        assert_eq!(decide(audit, Some(&auditor)), Decision::Allow);
        let spaces = Rule::AnyRole(&[RoleKind::SpaceOperator]);
        assert_eq!(decide(spaces, Some(&operator)), Decision::Allow);
        assert_eq!(decide(spaces, Some(&citizen)), Decision::Forbidden);
        assert_eq!(decide(Rule::Authenticated, Some(&citizen)), Decision::Allow);
    }
}

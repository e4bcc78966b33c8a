//! Domestic work on the portal: a worker's application (filled step by step, kept as a draft),
//! a family's request, and the proposals between them. Pure rules: reading and checking the
//! forms' fields, what is still missing before an application can be sent, the contractual
//! minimum a worker may ask, who may move a proposal where and who sees which contact
//! details. The ranking itself is `crate::matching`; `to_profile`/`to_matching` turn the stored
//! documents into what it needs.

pub mod application;
pub mod fields;
pub mod proposals;
pub mod request;
pub mod skills;
#[cfg(test)]
mod tests;

pub use application::{RoleAvailability, Step, WorkerApplication};
pub use fields::{FieldError, Fields};
pub use proposals::{Actor, HiringMode, ProposalState, contacts_visible};
pub use request::FamilyRequestDoc;

use crate::calculator::{CalculatorInput, compute};
use crate::matching::Role;

/// The CCNL level whose minimum applies to a role in the hourly regime: colf B (collaboratore
/// generico polifunzionale), babysitter BS (assistenza a persone autosufficienti), badante CS
/// (assistenza a persone non autosufficienti), CCNL lavoro domestico art. 10.
pub fn level_for(role: Role) -> &'static str {
    match role {
        Role::Colf => "B",
        Role::Babysitter => "BS",
        Role::Badante => "CS",
    }
}

/// The contractual hourly minimum for a role, in cents, from the calculator's tables of the
/// latest year (what the portal refuses to let anyone ask or offer below).
pub fn minimum_hourly_cents(role: Role) -> i64 {
    let input = CalculatorInput {
        regime: "hourly".into(),
        level: level_for(role).into(),
        ..CalculatorInput::default()
    };
    compute(&input, &[])
        .ok()
        .and_then(|r| r.minimum.hourly)
        .map(|m| m.to_cents())
        .unwrap_or(0)
}

/// The role's code in forms and addresses.
pub fn role_code(role: Role) -> &'static str {
    match role {
        Role::Babysitter => "babysitter",
        Role::Colf => "colf",
        Role::Badante => "badante",
    }
}

pub fn parse_role(code: &str) -> Option<Role> {
    match code.trim() {
        "babysitter" => Some(Role::Babysitter),
        "colf" => Some(Role::Colf),
        "badante" => Some(Role::Badante),
        _ => None,
    }
}

pub const ROLES: [Role; 3] = [Role::Babysitter, Role::Colf, Role::Badante];

pub fn regime_code(regime: crate::matching::Regime) -> &'static str {
    use crate::matching::Regime::*;
    match regime {
        LiveIn => "live_in",
        Hourly => "hourly",
        Night => "night",
        Weekend => "weekend",
    }
}

pub fn parse_regime(code: &str) -> Option<crate::matching::Regime> {
    use crate::matching::Regime::*;
    match code.trim() {
        "live_in" => Some(LiveIn),
        "hourly" => Some(Hourly),
        "night" => Some(Night),
        "weekend" => Some(Weekend),
        _ => None,
    }
}

pub const REGIMES: [crate::matching::Regime; 4] = [
    crate::matching::Regime::Hourly,
    crate::matching::Regime::LiveIn,
    crate::matching::Regime::Night,
    crate::matching::Regime::Weekend,
];

pub fn cefr_code(level: crate::matching::Cefr) -> &'static str {
    use crate::matching::Cefr::*;
    match level {
        A1 => "A1",
        A2 => "A2",
        B1 => "B1",
        B2 => "B2",
        C1 => "C1",
        C2 => "C2",
    }
}

pub fn parse_cefr(code: &str) -> Option<crate::matching::Cefr> {
    use crate::matching::Cefr::*;
    match code.trim().to_ascii_uppercase().as_str() {
        "A1" => Some(A1),
        "A2" => Some(A2),
        "B1" => Some(B1),
        "B2" => Some(B2),
        "C1" => Some(C1),
        "C2" => Some(C2),
        _ => None,
    }
}

pub const CEFR_LEVELS: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// Languages offered in the forms (ISO 639-1), besides Italian.
pub const LANGUAGES: [&str; 12] = [
    "en", "es", "fr", "de", "pt", "ro", "uk", "ru", "ar", "zh", "tl", "sq",
];

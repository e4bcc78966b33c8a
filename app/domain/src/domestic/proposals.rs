//! A proposal of a worker to a family's request, and its life: proposed (by the family from
//! its shortlist, or by city staff) → accepted or declined by the worker (or withdrawn by the
//! family before an answer) → after acceptance, the outcome: hired (with the hiring mode) or
//! not hired (with a reason). Contact details of both sides are visible only from acceptance.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalState {
    Proposed,
    Accepted,
    Declined,
    Withdrawn,
    Hired,
    NotHired,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Family,
    Worker,
    Staff,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HiringMode {
    /// The family employs the worker directly (CCNL lavoro domestico).
    Direct,
    /// Occasional work paid with INPS's Libretto Famiglia.
    LibrettoFamiglia,
    /// Through an accredited cooperative.
    Cooperative,
}

impl HiringMode {
    pub const ALL: [HiringMode; 3] = [
        HiringMode::Direct,
        HiringMode::LibrettoFamiglia,
        HiringMode::Cooperative,
    ];

    pub fn code(self) -> &'static str {
        match self {
            HiringMode::Direct => "direct",
            HiringMode::LibrettoFamiglia => "libretto_famiglia",
            HiringMode::Cooperative => "cooperative",
        }
    }

    pub fn parse(code: &str) -> Option<HiringMode> {
        HiringMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// Why a transition was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalError {
    /// Not this actor's move, or not from this state.
    NotAllowed,
    /// A decline, a "not hired" outcome or a withdrawal needs a reason.
    ReasonRequired,
    /// "Hired" needs the hiring mode.
    ModeRequired,
}

impl ProposalError {
    pub fn code(self) -> &'static str {
        match self {
            ProposalError::NotAllowed => "not-allowed",
            ProposalError::ReasonRequired => "reason-required",
            ProposalError::ModeRequired => "mode-required",
        }
    }
}

impl ProposalState {
    pub fn code(self) -> &'static str {
        match self {
            ProposalState::Proposed => "proposed",
            ProposalState::Accepted => "accepted",
            ProposalState::Declined => "declined",
            ProposalState::Withdrawn => "withdrawn",
            ProposalState::Hired => "hired",
            ProposalState::NotHired => "not_hired",
        }
    }

    pub fn parse(code: &str) -> Option<ProposalState> {
        use ProposalState::*;
        [Proposed, Accepted, Declined, Withdrawn, Hired, NotHired]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// Still holding the worker's or the family's attention (not finished).
    pub fn is_open(self) -> bool {
        matches!(self, ProposalState::Proposed | ProposalState::Accepted)
    }
}

/// The actions of the pages, by their form value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Accept,
    Decline,
    Withdraw,
    Hired(Option<HiringMode>),
    NotHired,
}

/// The next state, or why not. `reason` is the text that came with the action.
pub fn transition(
    state: ProposalState,
    action: Action,
    actor: Actor,
    reason: &str,
) -> Result<ProposalState, ProposalError> {
    use ProposalState::*;
    let has_reason = !reason.trim().is_empty();
    match (state, action, actor) {
        (Proposed, Action::Accept, Actor::Worker) => Ok(Accepted),
        (Proposed, Action::Decline, Actor::Worker) if has_reason => Ok(Declined),
        (Proposed, Action::Decline, Actor::Worker) => Err(ProposalError::ReasonRequired),
        (Proposed, Action::Withdraw, Actor::Family | Actor::Staff) if has_reason => Ok(Withdrawn),
        (Proposed, Action::Withdraw, Actor::Family | Actor::Staff) => {
            Err(ProposalError::ReasonRequired)
        }
        (Accepted, Action::Hired(Some(_)), Actor::Family | Actor::Staff) => Ok(Hired),
        (Accepted, Action::Hired(None), Actor::Family | Actor::Staff) => {
            Err(ProposalError::ModeRequired)
        }
        (Accepted, Action::NotHired, Actor::Family | Actor::Staff) if has_reason => Ok(NotHired),
        (Accepted, Action::NotHired, Actor::Family | Actor::Staff) => {
            Err(ProposalError::ReasonRequired)
        }
        _ => Err(ProposalError::NotAllowed),
    }
}

/// The family sees the worker's name and contacts, and the worker the family's, only once the
/// worker has accepted (and afterwards, whatever the outcome).
pub fn contacts_visible(state: ProposalState) -> bool {
    matches!(
        state,
        ProposalState::Accepted | ProposalState::Hired | ProposalState::NotHired
    )
}

/// Feedback is given once the outcome is recorded.
pub fn feedback_open(state: ProposalState) -> bool {
    matches!(state, ProposalState::Hired | ProposalState::NotHired)
}

/// Most open proposals a request may have at once (the family picks, not a mass mailing).
pub const MAX_OPEN_PER_REQUEST: usize = 5;

//! Domestic work as the pages show it: a worker's application and its status, a family's
//! request with its shortlist and proposals, the worker's proposals, the staff's lists.
//! Amounts are strings already formatted ("9,80 €"), times already in Rome.

use domain::domestic::{FamilyRequestDoc, FieldError, WorkerApplication};
use serde::{Deserialize, Serialize};

use super::SpaceOption;

/// A form the server refused, kept so the page can show it again with what was typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub fields: Vec<(String, String)>,
    pub errors: Vec<FieldError>,
}

impl FormDraft {
    /// What was typed in `name`, if this draft holds the form.
    pub fn value(&self, name: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.fields.iter().any(|(k, v)| k == name && v == value)
    }

    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == name)
            .map(|e| e.code.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.errors.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub kind: String,
    pub filename: String,
    pub size: i64,
    pub uploaded_at: String,
}

/// The worker's application page (any step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationPage {
    pub id: Option<i64>,
    pub status: String,
    pub doc: WorkerApplication,
    /// Codes of the steps still missing before it can be sent.
    pub missing: Vec<String>,
    pub documents: Vec<DocumentView>,
    pub decision_reason: String,
    /// Rome time and place of the interview, when booked.
    pub interview: Option<String>,
    pub documents_verified: bool,
    /// The contractual hourly minimum per role code, formatted.
    pub minimums: Vec<(String, String)>,
    pub can_edit: bool,
    pub submitted_at: Option<String>,
    /// Documents expiring within 60 days: (kind, date).
    pub expiring: Vec<(String, String)>,
    /// The refused form of this step, if the last post was refused.
    pub draft: FormDraft,
    pub draft_step: String,
    /// Filled by an operator in assisted mode.
    pub assisted: bool,
}

/// A worker's name and contacts, or a family's: shown once a proposal is accepted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactView {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
}

/// An anonymous profile of the shortlist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateView {
    pub application_id: i64,
    /// "Profilo 0042": no name, photo or contacts.
    pub code: String,
    pub score: u32,
    pub reasons: Vec<String>,
    pub years: u32,
    pub italian: String,
    pub languages: Vec<String>,
    pub skills: Vec<String>,
    pub already_proposed: bool,
    /// Staff view only: why an excluded worker cannot be proposed.
    pub exclusions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: i64,
    pub application_id: i64,
    pub code: String,
    pub state: String,
    pub score: i64,
    pub reasons: Vec<String>,
    pub proposed_by: String,
    pub created_at: String,
    pub reason: String,
    pub hiring_mode: Option<String>,
    pub worker_rating: Option<i64>,
    pub worker_feedback: String,
    pub contact: Option<ContactView>,
}

/// The calculator's estimate of what the request would cost the family.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EstimateView {
    pub weekly_hours: String,
    pub hourly_pay: String,
    pub minimum_hourly: String,
    pub monthly_average_cost: String,
    pub annual_employer_cost: String,
    /// Link to the calculator with the same figures.
    pub calculator_query: String,
}

/// The request form: the refused or previewed draft, and the estimate of what is typed so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestForm {
    pub draft: FormDraft,
    pub estimate: Option<EstimateView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub reference: String,
    pub role: String,
    pub municipio: i64,
    pub state: String,
    pub created_at: String,
    pub proposals: i64,
    /// Staff lists: the family's name.
    pub family: String,
}

/// A family's request: its details, the estimate, the shortlist, the proposals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestPage {
    pub reference: String,
    pub state: String,
    pub created_at: String,
    pub doc: FamilyRequestDoc,
    pub estimate: Option<EstimateView>,
    pub shortlist: Vec<CandidateView>,
    /// Workers the hard constraints left out.
    pub left_out: usize,
    pub proposals: Vec<ProposalView>,
    pub can_propose: bool,
    pub service_rating: Option<i64>,
    pub service_feedback: String,
    /// Staff view: the family's contacts (access logged).
    pub family: Option<ContactView>,
}

/// A proposal as the worker sees it: the job, not the family, until accepted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkerProposalView {
    pub id: i64,
    pub reference: String,
    pub role: String,
    pub regime: String,
    pub municipio: i64,
    pub weekly_hours: String,
    /// "Lun 09:00–12:00; Mer …".
    pub schedule: String,
    pub start: String,
    pub offered_hourly: String,
    pub tasks: Vec<String>,
    pub state: String,
    pub created_at: String,
    pub family: Option<ContactView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffApplicationRow {
    pub id: i64,
    pub name: String,
    pub roles: Vec<String>,
    pub municipio: i64,
    pub status: String,
    pub submitted_at: String,
    pub documents: i64,
    pub documents_verified: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffApplicationFilter {
    pub status: Option<String>,
    pub role: Option<String>,
    pub municipio: Option<i64>,
    pub text: Option<String>,
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffApplicationList {
    pub rows: Vec<StaffApplicationRow>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffApplicationPage {
    pub id: i64,
    pub status: String,
    pub email: String,
    pub doc: WorkerApplication,
    pub missing: Vec<String>,
    pub documents: Vec<DocumentView>,
    pub decision_reason: String,
    pub decided_at: Option<String>,
    pub ratings: Vec<(String, u8)>,
    pub years: Vec<(String, u32)>,
    pub documents_verified: bool,
    pub interview: Option<String>,
    pub spaces: Vec<SpaceOption>,
    pub engaged: bool,
    pub assisted: bool,
    pub proposals: Vec<WorkerProposalView>,
}

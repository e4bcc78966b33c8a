//! The domestic-work port: workers' applications, families' requests, proposals, and the
//! city staff's validation and matching. Implemented in `server/src/domestic/`; the rules are
//! `domain::domestic`'s and the ranking `domain::matching`'s.

use std::sync::Arc;

use async_trait::async_trait;
use domain::domestic::{FieldError, Fields};

use crate::i18n::Locale;
use crate::model::{
    ApplicationPage, RequestPage, RequestSummary, SessionUser, StaffApplicationFilter,
    StaffApplicationList, StaffApplicationPage, WorkerProposalView,
};
use crate::ports::ClientInfo;

/// Why a domestic-work operation was refused; `code()` for `?errore=`, `message()` for people.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DomesticError {
    /// The form's fields, each with its reason (shown next to the fields).
    #[error("invalid fields")]
    Fields(Vec<FieldError>),
    /// A rule refused the action (`not-allowed`, `reason-required`, `incomplete`…).
    #[error("refused: {0}")]
    Rule(&'static str),
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

impl DomesticError {
    pub fn code(&self) -> String {
        match self {
            DomesticError::Fields(_) => "fields".into(),
            DomesticError::Rule(code) => (*code).to_string(),
            DomesticError::NotFound => "not-found".into(),
            DomesticError::Forbidden => "forbidden".into(),
            DomesticError::Internal => "internal".into(),
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        crate::i18n::domestic::error_message(&self.code(), locale)
    }
}

/// A document a worker uploads.
#[derive(Clone, Debug, Default)]
pub struct Upload {
    pub kind: String,
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// A family's or staff's action on a proposal (the form's `azione` and its fields).
#[derive(Clone, Debug, Default)]
pub struct ProposalAction {
    pub proposal_id: i64,
    /// `withdraw`, `hired`, `not_hired`, `feedback`, `accept`, `decline`.
    pub action: String,
    pub hiring_mode: String,
    pub reason: String,
    pub worker_rating: Option<i64>,
    pub worker_feedback: String,
    pub service_rating: Option<i64>,
    pub service_feedback: String,
}

#[async_trait]
pub trait DomesticWork: Send + Sync + 'static {
    // The worker.
    async fn application_page(
        &self,
        who: &SessionUser,
        step: &str,
        locale: Locale,
    ) -> Result<ApplicationPage, DomesticError>;
    /// Saves one step; a refusal keeps what was typed for the page to show again.
    async fn save_step(
        &self,
        who: &SessionUser,
        step: &str,
        fields: &Fields,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    /// Sends the application to the city (idempotent: a sent one stays sent).
    async fn submit_application(
        &self,
        who: &SessionUser,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    async fn upload_document(
        &self,
        who: &SessionUser,
        upload: Upload,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    async fn delete_document(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    /// A document's file: for its worker, and for staff with the matching permission (audited).
    async fn document(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(String, String, Vec<u8>), DomesticError>;
    /// The CV as a PDF: complete for the worker and staff, anonymous (`anonymous`) for
    /// sharing.
    async fn cv_pdf(
        &self,
        who: &SessionUser,
        application_id: Option<i64>,
        anonymous: bool,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<Vec<u8>, DomesticError>;
    async fn my_proposals(
        &self,
        who: &SessionUser,
        locale: Locale,
    ) -> Result<Vec<WorkerProposalView>, DomesticError>;

    // The family.
    /// The request form: its refused or previewed draft, and the estimate of the draft.
    async fn request_form(
        &self,
        who: &SessionUser,
    ) -> Result<crate::model::RequestForm, DomesticError>;
    /// Keeps what was typed so far without sending it (the "estimate the cost" button).
    async fn preview_request(
        &self,
        who: &SessionUser,
        fields: &Fields,
    ) -> Result<(), DomesticError>;
    /// Creates a request; the same `key` twice returns the same reference.
    async fn create_request(
        &self,
        who: &SessionUser,
        fields: &Fields,
        key: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, DomesticError>;
    async fn my_requests(&self, who: &SessionUser) -> Result<Vec<RequestSummary>, DomesticError>;
    async fn request_page(
        &self,
        who: &SessionUser,
        reference: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<RequestPage, DomesticError>;
    /// Proposes a worker of the shortlist (the family) or any proposable one (staff).
    async fn propose(
        &self,
        who: &SessionUser,
        reference: &str,
        application_id: i64,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    /// Withdraw, outcome, feedback (family or staff on a request), accept/decline (worker).
    async fn act_on_proposal(
        &self,
        who: &SessionUser,
        action: &ProposalAction,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, DomesticError>;
    /// Closes a request (the family, or staff): no more proposals.
    async fn close_request(
        &self,
        who: &SessionUser,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;

    // City staff (permission `workers_matching`).
    async fn staff_applications(
        &self,
        who: &SessionUser,
        filter: &StaffApplicationFilter,
    ) -> Result<StaffApplicationList, DomesticError>;
    async fn staff_application(
        &self,
        who: &SessionUser,
        id: i64,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<StaffApplicationPage, DomesticError>;
    /// `decide` (outcome, reason, ratings), `verify` (documents), `interview` (space, time).
    async fn staff_act(
        &self,
        who: &SessionUser,
        id: i64,
        fields: &Fields,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError>;
    async fn staff_requests(
        &self,
        who: &SessionUser,
        state: Option<String>,
    ) -> Result<Vec<RequestSummary>, DomesticError>;
    /// The request with the engine's full ranking (and, with `excluded`, who was left out
    /// and why), filtered by `min_score`.
    async fn staff_request(
        &self,
        who: &SessionUser,
        reference: &str,
        excluded: bool,
        min_score: u32,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<RequestPage, DomesticError>;
}

pub type SharedDomesticWork = Arc<dyn DomesticWork>;

//! Domestic work: the one implementation of `app::ports::DomesticWork`. The rules are
//! `domain::domestic`'s (forms, steps, proposals) and `domain::matching`'s (the ranking);
//! this module loads what they need, asks them, and stores the outcome with its e-mails and
//! notification-centre events in one transaction (`store::domestic`).
//!
//! Who sees what: a worker only their own application and proposals; a family only its own
//! requests, and the shortlist's profiles without name, photo or contacts; contacts of both
//! sides only once the worker has accepted (`domain::domestic::contacts_visible`); city staff
//! with the `workers_matching` permission everything, each look at someone's personal data
//! written to the audit log.

mod cv;
pub mod demo;
mod family;
mod mails;
mod staff;
mod views;
mod worker;

use app::i18n::Locale;
use app::model::{
    ApplicationPage, RequestForm, RequestPage, RequestSummary, SessionUser, StaffApplicationFilter,
    StaffApplicationList, StaffApplicationPage, WorkerProposalView,
};
use app::ports::{ClientInfo, DomesticError, DomesticWork, ProposalAction, StoreError, Upload};
use async_trait::async_trait;
use domain::date::Date;
use domain::domestic::Fields;
use time::OffsetDateTime;

use crate::mail::MailHandle;
use crate::store::Db;
use crate::store::audit;

pub use worker::MAX_DOCUMENT_BYTES;

pub struct DomesticService {
    db: Db,
    mail: MailHandle,
    public_url: String,
}

impl DomesticService {
    pub fn new(db: Db, mail: MailHandle, public_url: String) -> DomesticService {
        DomesticService {
            db,
            mail,
            public_url,
        }
    }

    /// The scheduled reminders: residence permits and identity documents expiring within 60
    /// days, once every 30 days per application. Returns how many were sent.
    pub async fn run_reminders(&self) -> Result<usize, DomesticError> {
        worker::remind_expiring_documents(self).await
    }
}

/// Runs the reminders every hour (and once at start).
pub fn spawn_jobs(service: std::sync::Arc<DomesticService>) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(err) = service.run_reminders().await {
                tracing::warn!(%err, "domestic-work reminders failed");
            }
        }
    });
}

pub(crate) fn internal(err: StoreError) -> DomesticError {
    match err {
        StoreError::NotFound => DomesticError::NotFound,
        other => {
            tracing::error!(err = %other, "domestic-work storage failed");
            DomesticError::Internal
        }
    }
}

pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

pub(crate) fn today() -> Date {
    Date::in_rome(now().unix_timestamp())
}

pub(crate) fn rome(at: OffsetDateTime) -> String {
    domain::rome_time::format_rome(at.unix_timestamp())
}

/// City staff who validate workers and match them.
pub(crate) fn is_staff(who: &SessionUser) -> bool {
    who.permissions.iter().any(|p| p == "workers_matching")
}

/// Writes an audit event: the operator in assisted mode acts for the citizen.
pub(crate) async fn audit(
    s: &DomesticService,
    who: &SessionUser,
    client: &ClientInfo,
    action: &str,
    subject: Option<i64>,
    target: &str,
    reason: &str,
) {
    audit::record_session_action(&s.db, who, client, action, subject, target, reason).await;
}

#[async_trait]
impl DomesticWork for DomesticService {
    async fn application_page(
        &self,
        who: &SessionUser,
        step: &str,
        locale: Locale,
    ) -> Result<ApplicationPage, DomesticError> {
        worker::page(self, who, step, locale).await
    }

    async fn save_step(
        &self,
        who: &SessionUser,
        step: &str,
        fields: &Fields,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        worker::save_step(self, who, step, fields, client).await
    }

    async fn submit_application(
        &self,
        who: &SessionUser,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        worker::submit(self, who, locale, client).await
    }

    async fn upload_document(
        &self,
        who: &SessionUser,
        upload: Upload,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        worker::upload(self, who, upload, client).await
    }

    async fn delete_document(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        worker::delete_document(self, who, id, client).await
    }

    async fn document(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(String, String, Vec<u8>), DomesticError> {
        worker::document(self, who, id, client).await
    }

    async fn cv_pdf(
        &self,
        who: &SessionUser,
        application_id: Option<i64>,
        anonymous: bool,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<Vec<u8>, DomesticError> {
        cv::cv_pdf(self, who, application_id, anonymous, locale, client).await
    }

    async fn my_proposals(
        &self,
        who: &SessionUser,
        locale: Locale,
    ) -> Result<Vec<WorkerProposalView>, DomesticError> {
        worker::proposals(self, who, locale).await
    }

    async fn request_form(&self, who: &SessionUser) -> Result<RequestForm, DomesticError> {
        family::form(self, who).await
    }

    async fn preview_request(
        &self,
        who: &SessionUser,
        fields: &Fields,
    ) -> Result<(), DomesticError> {
        family::preview(self, who, fields).await
    }

    async fn create_request(
        &self,
        who: &SessionUser,
        fields: &Fields,
        key: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, DomesticError> {
        family::create(self, who, fields, key, locale, client).await
    }

    async fn my_requests(&self, who: &SessionUser) -> Result<Vec<RequestSummary>, DomesticError> {
        family::mine(self, who).await
    }

    async fn request_page(
        &self,
        who: &SessionUser,
        reference: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<RequestPage, DomesticError> {
        family::page(self, who, reference, locale, client).await
    }

    async fn propose(
        &self,
        who: &SessionUser,
        reference: &str,
        application_id: i64,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        family::propose(self, who, reference, application_id, locale, client).await
    }

    async fn act_on_proposal(
        &self,
        who: &SessionUser,
        action: &ProposalAction,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, DomesticError> {
        family::act(self, who, action, locale, client).await
    }

    async fn close_request(
        &self,
        who: &SessionUser,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        family::close(self, who, reference, client).await
    }

    async fn staff_applications(
        &self,
        who: &SessionUser,
        filter: &StaffApplicationFilter,
    ) -> Result<StaffApplicationList, DomesticError> {
        staff::applications(self, who, filter).await
    }

    async fn staff_application(
        &self,
        who: &SessionUser,
        id: i64,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<StaffApplicationPage, DomesticError> {
        staff::application(self, who, id, locale, client).await
    }

    async fn staff_act(
        &self,
        who: &SessionUser,
        id: i64,
        fields: &Fields,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), DomesticError> {
        staff::act(self, who, id, fields, locale, client).await
    }

    async fn staff_requests(
        &self,
        who: &SessionUser,
        state: Option<String>,
    ) -> Result<Vec<RequestSummary>, DomesticError> {
        staff::requests(self, who, state).await
    }

    async fn staff_request(
        &self,
        who: &SessionUser,
        reference: &str,
        excluded: bool,
        min_score: u32,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<RequestPage, DomesticError> {
        staff::request(self, who, reference, excluded, min_score, locale, client).await
    }
}

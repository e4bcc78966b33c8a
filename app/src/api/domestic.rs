//! Server functions that load the domestic-work pages. The forms of these pages post to plain
//! handlers (`server/src/http/domestic.rs`), which read repeated fields (checkbox groups,
//! the week's time ranges) that server functions' form decoding would not.

use leptos::prelude::*;

use crate::model::{
    ApplicationPage, RequestForm, RequestPage, RequestSummary, StaffApplicationList,
    StaffApplicationPage, WorkerProposalView,
};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::ports::{ClientInfo, DomesticError, SharedDomesticWork};

#[cfg(feature = "ssr")]
fn service() -> Result<SharedDomesticWork, ServerFnError> {
    use_context::<SharedDomesticWork>()
        .ok_or_else(|| ServerFnError::new("domestic work not configured"))
}

#[cfg(feature = "ssr")]
fn who() -> Result<crate::model::SessionUser, ServerFnError> {
    crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))
}

#[cfg(feature = "ssr")]
fn client() -> ClientInfo {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientInfo>().cloned())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn read_error(err: DomesticError, locale: Locale) -> ServerFnError {
    let status = match err {
        DomesticError::NotFound => Some(http::StatusCode::NOT_FOUND),
        DomesticError::Forbidden => Some(http::StatusCode::FORBIDDEN),
        DomesticError::Rule(_) | DomesticError::Fields(_) => {
            Some(http::StatusCode::UNPROCESSABLE_ENTITY)
        }
        DomesticError::Internal => None,
    };
    if let (Some(status), Some(response)) = (status, use_context::<leptos_axum::ResponseOptions>())
    {
        response.set_status(status);
    }
    ServerFnError::new(err.message(locale))
}

#[server(prefix = "/fn", endpoint = "domestic_application_page")]
pub async fn domestic_application_page(
    step: String,
    lang: Option<String>,
) -> Result<ApplicationPage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .application_page(&who()?, &step, locale)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "domestic_request_draft")]
pub async fn domestic_request_draft(lang: Option<String>) -> Result<RequestForm, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .request_form(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "my_domestic_requests")]
pub async fn my_domestic_requests(
    lang: Option<String>,
) -> Result<Vec<RequestSummary>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .my_requests(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "domestic_request_page")]
pub async fn domestic_request_page(
    reference: String,
    lang: Option<String>,
) -> Result<RequestPage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .request_page(&who()?, &reference, locale, &client())
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "my_job_proposals")]
pub async fn my_job_proposals(
    lang: Option<String>,
) -> Result<Vec<WorkerProposalView>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .my_proposals(&who()?, locale)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "staff_worker_applications")]
pub async fn staff_worker_applications(
    status: Option<String>,
    role: Option<String>,
    municipio: Option<i64>,
    text: Option<String>,
    page: Option<u32>,
    lang: Option<String>,
) -> Result<StaffApplicationList, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    let filter = crate::model::StaffApplicationFilter {
        status,
        role,
        municipio,
        text,
        page: page.unwrap_or(1),
    };
    service()?
        .staff_applications(&who()?, &filter)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "staff_worker_application")]
pub async fn staff_worker_application(
    id: i64,
    lang: Option<String>,
) -> Result<StaffApplicationPage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .staff_application(&who()?, id, locale, &client())
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "staff_family_requests")]
pub async fn staff_family_requests(
    state: Option<String>,
    lang: Option<String>,
) -> Result<Vec<RequestSummary>, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .staff_requests(&who()?, state)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "staff_family_request")]
pub async fn staff_family_request(
    reference: String,
    excluded: bool,
    min_score: u32,
    lang: Option<String>,
) -> Result<RequestPage, ServerFnError> {
    let locale = Locale::from_param(lang.as_deref());
    service()?
        .staff_request(&who()?, &reference, excluded, min_score, locale, &client())
        .await
        .map_err(|e| read_error(e, locale))
}

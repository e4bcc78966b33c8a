//! Quote requests and offers as the pages show them (amounts in cents, times RFC 3339 UTC,
//! dates `YYYY-MM-DD`).

use serde::{Deserialize, Serialize};

/// A service a request can be sent to (the one asked about, or a similar one of another
/// provider in the same category).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteCandidate {
    pub service_id: i64,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub provider_id: i64,
    pub provider_name: String,
}

/// The service a new request starts from, and the others it may also go to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteStart {
    pub service: QuoteCandidate,
    pub others: Vec<QuoteCandidate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteSummary {
    pub reference: String,
    pub description: String,
    /// `domain::quotes::RequestState` code.
    pub state: String,
    pub answer_by: String,
    pub created_at: String,
    pub recipients: i64,
    pub offers: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecipientView {
    pub provider_id: i64,
    pub provider_name: String,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    /// `waiting`, `declined`, `offered`.
    pub state: String,
    pub decline_reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteOfferView {
    pub id: i64,
    pub provider_id: i64,
    pub provider_name: String,
    /// `domain::quotes::OfferState` code.
    pub state: String,
    pub price_cents: i64,
    pub valid_until: String,
    pub period_start: String,
    pub period_end: String,
    pub time_slot: String,
    pub operator_name: String,
    pub notes: String,
    pub has_pdf: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMessageView {
    pub provider_id: i64,
    pub provider_name: String,
    pub from_citizen: bool,
    pub body: String,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteDetail {
    pub reference: String,
    pub description: String,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub customer_name: String,
    pub state: String,
    pub answer_by: String,
    pub created_at: String,
    /// The order an accepted offer became.
    pub order_reference: Option<String>,
    pub recipients: Vec<QuoteRecipientView>,
    pub offers: Vec<QuoteOfferView>,
    pub messages: Vec<QuoteMessageView>,
    /// The provider whose staff is looking (they see only their own offers and messages);
    /// `None` for the citizen.
    pub viewer_provider_id: Option<i64>,
}

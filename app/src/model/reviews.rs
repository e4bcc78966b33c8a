//! Reviews as the pages show them: scores are integers 1..=5, ratings exact totals
//! (`domain::reviews::RatingTotals`, sums and a count — never floats), times RFC 3339 UTC.

use domain::reviews::RatingTotals;
use serde::{Deserialize, Serialize};

use super::Paged;

/// One review. Lists meant for the public leave the private parts empty (order reference,
/// moderation reason).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    /// The reviewed order (its citizen, the moderators and the provider's staff see it).
    pub order_reference: String,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub provider_id: i64,
    pub provider_name: String,
    /// First name and initial (`domain::reviews::public_name`).
    pub author: String,
    pub punctuality: i64,
    pub professionalism: i64,
    pub kindness: i64,
    pub body: String,
    /// `domain::reviews::ReviewState` code.
    pub state: String,
    /// Why the city did not publish it (shown to its author).
    pub moderation_reason: String,
    /// The provider's reply, empty until there is one.
    pub reply: String,
    pub replied_at: Option<String>,
    pub created_at: String,
    pub moderated_at: Option<String>,
}

impl ReviewView {
    pub fn scores(&self) -> [(domain::reviews::Criterion, i64); 3] {
        use domain::reviews::Criterion;
        [
            (Criterion::Punctuality, self.punctuality),
            (Criterion::Professionalism, self.professionalism),
            (Criterion::Kindness, self.kindness),
        ]
    }
}

/// The review part of an order's page for its citizen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderReview {
    /// A review may be written now (order completed, the viewer its citizen, none yet).
    pub can_review: bool,
    /// The order's review, if written (whatever its state).
    pub review: Option<ReviewView>,
}

/// The published reviews of a service or a provider, with their exact totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewsPage {
    pub totals: RatingTotals,
    /// Newest first, with the providers' replies.
    pub reviews: Paged<ReviewView>,
}

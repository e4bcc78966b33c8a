//! The reviews port: citizens review their completed orders, the city moderates, providers
//! reply, everyone reads the published ones. Implemented in `server/src/buying/reviews.rs`
//! (by the buying service, which owns the orders reviews hang on); refusals are
//! `BuyingError`s (`BuyingError::Review` for the domain's rules).

use std::sync::Arc;

use async_trait::async_trait;

use crate::model::{OrderReview, PageRequest, Paged, ReviewView, ReviewsPage, SessionUser};
use crate::ports::{BuyingError, ClientInfo};

/// A new review, as the form sends it (scores absent when a radio group was left empty).
#[derive(Clone, Debug, Default)]
pub struct NewReview {
    pub punctuality: Option<i64>,
    pub professionalism: Option<i64>,
    pub kindness: Option<i64>,
    pub body: String,
}

#[async_trait]
pub trait Reviews: Send + Sync + 'static {
    /// The review part of the order page: whether the viewer may review it now, and its review.
    async fn order_review(
        &self,
        who: &SessionUser,
        reference: &str,
    ) -> Result<OrderReview, BuyingError>;

    /// The citizen reviews their completed order (once); the review waits for moderation.
    async fn submit_review(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &NewReview,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// Reviews waiting for moderation, oldest first (city staff with the reviews permission).
    async fn moderation_queue(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<ReviewView>, BuyingError>;

    /// Publishes (`publish`) or rejects (`reject`, with a reason) a pending review.
    async fn moderate_review(
        &self,
        who: &SessionUser,
        review_id: i64,
        decision: &str,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// Published reviews of the services of the providers whose staff `who` is, newest first.
    async fn provider_reviews(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<ReviewView>, BuyingError>;

    /// The provider's one reply to a published review of its service.
    async fn reply_to_review(
        &self,
        who: &SessionUser,
        review_id: i64,
        body: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// A published service's rating and published reviews (public).
    async fn service_reviews(
        &self,
        service_slug: &str,
        page: PageRequest,
    ) -> Result<ReviewsPage, BuyingError>;

    /// A provider's rating (all its services) and published reviews (public).
    async fn provider_public_reviews(
        &self,
        provider_slug: &str,
        page: PageRequest,
    ) -> Result<ReviewsPage, BuyingError>;
}

pub type SharedReviews = Arc<dyn Reviews>;

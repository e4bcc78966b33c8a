use std::sync::Arc;

use async_trait::async_trait;

use domain::search::SearchParams;
use domain::search::results::FacetCounts;

use crate::model::{
    Category, Municipio, PageRequest, Paged, ProviderSite, ProviderSummary, ServiceCard,
    ServiceDetail, ServiceLocation, Space, Suggestion, TargetGroup,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database could not be reached or failed; details go to the log, never to users.
    #[error("database error: {0}")]
    Backend(String),
}

/// The one storage seam: every read and write of the portal goes through it.
/// Two implementations (SQLite, PostgreSQL) pass the same contract tests.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Answers when the database does (for `/healthz`).
    async fn ping(&self) -> Result<(), StoreError>;

    /// All categories in display order, with their count of published services.
    async fn categories(&self) -> Result<Vec<Category>, StoreError>;

    /// All categories in display order, without counting their services (cheap: for labels).
    async fn category_names(&self) -> Result<Vec<Category>, StoreError>;

    async fn municipi(&self) -> Result<Vec<Municipio>, StoreError>;

    /// All WeMi spaces with their opening hours, by name.
    async fn spaces(&self) -> Result<Vec<Space>, StoreError>;

    /// Providers by name, one page at a time.
    async fn providers(&self, page: PageRequest) -> Result<Paged<ProviderSummary>, StoreError>;

    async fn provider(&self, id: i64) -> Result<Option<ProviderSummary>, StoreError>;

    async fn provider_by_slug(&self, slug: &str) -> Result<Option<ProviderSummary>, StoreError>;

    /// The sites (offices, centres) of a provider.
    async fn provider_sites(&self, provider_id: i64) -> Result<Vec<ProviderSite>, StoreError>;

    /// Target groups in display order.
    async fn target_groups(&self) -> Result<Vec<TargetGroup>, StoreError>;

    /// Published services matching the text and filters: one page, the total and the facet
    /// counts. Both engines give the same answer.
    async fn search_services(&self, params: &SearchParams) -> Result<SearchPage, StoreError>;

    /// Published services whose name starts (or has a word starting) with `prefix`.
    async fn suggest_services(
        &self,
        prefix: &str,
        limit: u32,
    ) -> Result<Vec<Suggestion>, StoreError>;

    /// A published service by id or slug, with everything its page shows.
    async fn service(&self, key: ServiceKey<'_>) -> Result<Option<ServiceDetail>, StoreError>;

    /// Every (published service, provider site) pair, one page at a time (open data).
    async fn service_locations(
        &self,
        page: PageRequest,
    ) -> Result<Paged<ServiceLocation>, StoreError>;

    /// Rebuilds the search index from the published services; returns how many there are.
    async fn reindex_services(&self) -> Result<u64, StoreError>;

    /// The lowest hourly price (cents) of each published, paid, per-hour service in a category:
    /// what the calculator compares a direct hire with.
    async fn hourly_prices(&self, category_slug: &str) -> Result<Vec<i64>, StoreError>;

    /// Stores a "segnala un disservizio" report for the city's offices.
    async fn record_problem_report(
        &self,
        category: &str,
        description: &str,
        email: Option<&str>,
    ) -> Result<(), StoreError>;

    /// Records an answer of the page-feedback widget.
    async fn record_page_feedback(
        &self,
        page: &str,
        rating: u8,
        answer: Option<&str>,
        comment: Option<&str>,
    ) -> Result<(), StoreError>;
}

pub type SharedStore = Arc<dyn Store>;

/// How a service is looked up: the JSON API uses ids, pages use slugs.
#[derive(Clone, Copy, Debug)]
pub enum ServiceKey<'a> {
    Id(i64),
    Slug(&'a str),
}

/// What the store answers to a search, before labels are put on the facets.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchPage {
    pub total: i64,
    pub items: Vec<ServiceCard>,
    pub counts: FacetCounts,
    /// Query words matched only through a one-letter correction: (word, term matched).
    pub corrections: Vec<(String, String)>,
}

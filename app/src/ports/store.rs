use std::sync::Arc;

use async_trait::async_trait;

use crate::model::{Category, Municipio, PageRequest, Paged, ProviderSummary, Space};

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

    async fn municipi(&self) -> Result<Vec<Municipio>, StoreError>;

    /// All WeMi spaces with their opening hours, by name.
    async fn spaces(&self) -> Result<Vec<Space>, StoreError>;

    /// Providers by name, one page at a time.
    async fn providers(&self, page: PageRequest) -> Result<Paged<ProviderSummary>, StoreError>;

    async fn provider(&self, id: i64) -> Result<Option<ProviderSummary>, StoreError>;

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

//! The two engines behind the `Store` port: SQLite (embedded default) and PostgreSQL (scale).
//!
//! sqlx's `Any` driver lacks decimal and time types, and its compile-time macros bind one
//! database per crate, so queries are runtime-checked (`query_as` + `FromRow`). Most SQL text is
//! identical for both engines (`$1` placeholders work in both); `on_pool!` runs the same code
//! against whichever pool is configured, and engine-specific SQL is written out where they differ.

pub mod accounts;
pub mod accreditation;
pub mod appointments;
pub mod assist;
pub mod audit;
pub mod cart;
mod catalog;
mod connect;
pub mod domestic;
pub mod feedback;
pub mod kiosk;
pub mod notifications;
pub mod orders;
pub mod outbox;
pub mod payments;
pub mod payouts;
pub mod quotes;
pub mod receipts;
pub mod reviews;
pub mod search;
pub mod search_index;
mod service;
pub mod voucher_imports;
pub mod waitlist;
// Statistics (issue 8).
pub mod statistics;
// Administration (issue 8).
pub mod admin;

use app::model::{
    Category, Municipio, PageRequest, Paged, ProviderSite, ProviderSummary, ServiceDetail,
    ServiceLocation, Space, Suggestion, TargetGroup,
};
use app::ports::{SearchPage, ServiceKey, Store, StoreError};
use async_trait::async_trait;
use domain::search::SearchParams;
use sqlx::{PgPool, SqlitePool};

pub use connect::connect;

/// A connection pool to one of the two engines.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}

/// Runs `$body` with `$pool` bound to the concrete pool, whichever engine it is. The body is
/// compiled once per engine, so the same query text is type-checked against both drivers.
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($pool) => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

pub(crate) fn backend(err: sqlx::Error) -> StoreError {
    match err {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        other => StoreError::Backend(other.to_string()),
    }
}

/// The `Store` the portal runs on: SQL against one of the two engines.
#[derive(Clone, Debug)]
pub struct SqlStore {
    pub db: Db,
    search: std::sync::Arc<search::SearchCache>,
}

impl SqlStore {
    pub fn new(db: Db) -> SqlStore {
        SqlStore {
            db,
            search: Default::default(),
        }
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(&self.db, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
            .map_err(backend)
    }

    async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        catalog::categories(&self.db).await
    }

    async fn category_names(&self) -> Result<Vec<Category>, StoreError> {
        catalog::category_names(&self.db).await
    }

    async fn municipi(&self) -> Result<Vec<Municipio>, StoreError> {
        catalog::municipi(&self.db).await
    }

    async fn spaces(&self) -> Result<Vec<Space>, StoreError> {
        catalog::spaces(&self.db).await
    }

    async fn providers(&self, page: PageRequest) -> Result<Paged<ProviderSummary>, StoreError> {
        catalog::providers(&self.db, page).await
    }

    async fn provider(&self, id: i64) -> Result<Option<ProviderSummary>, StoreError> {
        catalog::provider(&self.db, id).await
    }

    async fn provider_by_slug(&self, slug: &str) -> Result<Option<ProviderSummary>, StoreError> {
        catalog::provider_by_slug(&self.db, slug).await
    }

    async fn provider_sites(&self, provider_id: i64) -> Result<Vec<ProviderSite>, StoreError> {
        service::provider_sites(&self.db, provider_id).await
    }

    async fn target_groups(&self) -> Result<Vec<TargetGroup>, StoreError> {
        service::target_groups(&self.db).await
    }

    async fn search_services(&self, params: &SearchParams) -> Result<SearchPage, StoreError> {
        search::search(&self.db, &self.search, params).await
    }

    async fn suggest_services(
        &self,
        prefix: &str,
        limit: u32,
    ) -> Result<Vec<Suggestion>, StoreError> {
        search::suggest(&self.db, prefix, limit).await
    }

    async fn service(&self, key: ServiceKey<'_>) -> Result<Option<ServiceDetail>, StoreError> {
        service::service(&self.db, key).await
    }

    async fn service_locations(
        &self,
        page: PageRequest,
    ) -> Result<Paged<ServiceLocation>, StoreError> {
        service::service_locations(&self.db, page).await
    }

    async fn reindex_services(&self) -> Result<u64, StoreError> {
        search_index::rebuild(&self.db).await
    }

    async fn hourly_prices(&self, category_slug: &str) -> Result<Vec<i64>, StoreError> {
        catalog::hourly_prices(&self.db, category_slug).await
    }

    async fn record_problem_report(
        &self,
        category: &str,
        description: &str,
        email: Option<&str>,
    ) -> Result<(), StoreError> {
        feedback::record_problem_report(&self.db, category, description, email).await
    }

    async fn record_page_feedback(
        &self,
        page: &str,
        rating: u8,
        answer: Option<&str>,
        comment: Option<&str>,
    ) -> Result<(), StoreError> {
        feedback::record(&self.db, page, rating, answer, comment).await
    }
}

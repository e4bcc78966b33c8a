//! The statistics port (issue 8): figures for city staff over a period. Implemented in
//! `server/src/statistics/`.

use std::sync::Arc;

use async_trait::async_trait;

use crate::i18n::Locale;
use crate::model::{SessionUser, StatisticsView};

/// Why the statistics were refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StatisticsError {
    #[error("invalid period: {0}")]
    Period(domain::statistics::PeriodError),
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

impl StatisticsError {
    pub fn message(&self, locale: Locale) -> String {
        let t = crate::i18n::statistics::statistics_texts(locale);
        match self {
            StatisticsError::Period(e) => t.period_error(*e).to_string(),
            StatisticsError::Forbidden => t.forbidden.to_string(),
            StatisticsError::Internal => t.internal.to_string(),
        }
    }
}

#[async_trait]
pub trait Statistics: Send + Sync + 'static {
    /// The figures of the period `from`..=`to` (`YYYY-MM-DD`; empty or none: the last 12
    /// months), for a person with the `statistics` permission.
    async fn statistics(
        &self,
        who: &SessionUser,
        from: Option<String>,
        to: Option<String>,
        locale: Locale,
    ) -> Result<StatisticsView, StatisticsError>;
}

pub type SharedStatistics = Arc<dyn Statistics>;

//! Statistics for city staff (issue 8): the one implementation of `app::ports::Statistics`, on
//! the buying service (which holds the database), and the tables the CSV and XLSX exports of
//! `http/statistics.rs` write. The figures themselves are `crate::statistics`'.

use app::i18n::Locale;
use app::model::{SessionUser, StatisticsView};
use app::ports::{Statistics, StatisticsError};
use async_trait::async_trait;
use domain::date::Date;
use domain::statistics::{Period, parse_period};

use super::{BuyingService, now};

/// Whether `who` may see the statistics (city staff with the `statistics` permission, never
/// in assisted mode).
fn allowed(who: &SessionUser) -> bool {
    who.assisted_by.is_none() && who.permissions.iter().any(|p| p == "statistics")
}

fn period(from: Option<&str>, to: Option<&str>) -> Result<Period, StatisticsError> {
    let today = Date::in_rome(now().unix_timestamp());
    parse_period(from, to, today).map_err(StatisticsError::Period)
}

/// The figures of the period for `who`.
pub async fn figures(
    s: &BuyingService,
    who: &SessionUser,
    from: Option<&str>,
    to: Option<&str>,
    locale: Locale,
) -> Result<StatisticsView, StatisticsError> {
    if !allowed(who) {
        return Err(StatisticsError::Forbidden);
    }
    let period = period(from, to)?;
    crate::statistics::build(&s.db, period, locale)
        .await
        .map_err(|err| {
            tracing::error!(err = %err, "statistics failed");
            StatisticsError::Internal
        })
}

#[async_trait]
impl Statistics for BuyingService {
    async fn statistics(
        &self,
        who: &SessionUser,
        from: Option<String>,
        to: Option<String>,
        locale: Locale,
    ) -> Result<StatisticsView, StatisticsError> {
        figures(self, who, from.as_deref(), to.as_deref(), locale).await
    }
}

//! The statistics page's server function (issue 8): the figures of a period, for city staff
//! with the `statistics` permission (the route rule and the service both check it).

use leptos::prelude::*;

use crate::model::StatisticsView;

#[server(prefix = "/fn", endpoint = "statistics_page")]
pub async fn statistics_page(
    dal: Option<String>,
    al: Option<String>,
    lang: Option<String>,
) -> Result<StatisticsView, ServerFnError> {
    use crate::i18n::Locale;
    use crate::ports::{SharedStatistics, StatisticsError};

    let locale = Locale::from_param(lang.as_deref());
    let who = crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))?;
    let statistics = use_context::<SharedStatistics>()
        .ok_or_else(|| ServerFnError::new("statistics not configured"))?;
    statistics
        .statistics(&who, dal, al, locale)
        .await
        .map_err(|err| {
            let status = match err {
                StatisticsError::Period(_) => Some(http::StatusCode::UNPROCESSABLE_ENTITY),
                StatisticsError::Forbidden => Some(http::StatusCode::FORBIDDEN),
                StatisticsError::Internal => None,
            };
            if let (Some(status), Some(response)) =
                (status, use_context::<leptos_axum::ResponseOptions>())
            {
                response.set_status(status);
            }
            ServerFnError::new(err.message(locale))
        })
}

//! `GET /amministrazione/statistiche.csv?dal=&al=&tabella=` (one table, `;`-separated, decimal
//! comma) and `GET /amministrazione/statistiche.xlsx?dal=&al=` (every table, one sheet each):
//! the statistics page's tables as files (issue 8). The route rule (`statistics` permission)
//! ran before this; the service checks it again.

use std::collections::HashMap;
use std::sync::Arc;

use app::i18n::Locale;
use app::model::{CurrentUser, StatisticsView};
use app::ports::StatisticsError;
use axum::extract::{Extension, Query, State};
use axum::response::{IntoResponse, Response};
use domain::statistics::{Cell, SheetValue};
use http::{StatusCode, header};

use crate::buying::BuyingService;
use crate::statistics::xlsx::{Sheet, workbook};

fn refusal(status: StatusCode, message: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

async fn load(
    buying: &BuyingService,
    locale: Locale,
    current: Option<Extension<CurrentUser>>,
    query: &HashMap<String, String>,
) -> Result<StatisticsView, Box<Response>> {
    let Some(Extension(current)) = current else {
        return Err(Box::new(StatusCode::NOT_FOUND.into_response()));
    };
    let from = query.get("dal").map(String::as_str);
    let to = query.get("al").map(String::as_str);
    crate::buying::statistics::figures(buying, &current.user, from, to, locale)
        .await
        .map_err(|err| {
            let status = match err {
                StatisticsError::Period(_) => StatusCode::BAD_REQUEST,
                StatisticsError::Forbidden => StatusCode::FORBIDDEN,
                StatisticsError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            };
            Box::new(refusal(status, err.message(locale)))
        })
}

fn download(content_type: &str, filename: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

pub async fn csv(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let view = match load(&buying, locale, current, &query).await {
        Ok(v) => v,
        Err(response) => return *response,
    };
    let wanted = query.get("tabella").map(String::as_str).unwrap_or_default();
    let Some(table) = view.tables().find(|t| t.name == wanted) else {
        let names: Vec<&str> = view.tables().map(|t| t.name.as_str()).collect();
        return refusal(
            StatusCode::NOT_FOUND,
            format!("tabella: {}", names.join(", ")),
        );
    };
    let text = domain::statistics::csv(&table.columns, &table.rows);
    download(
        "text/csv; charset=utf-8",
        format!("statistiche-{}-{}-{}.csv", table.name, view.from, view.to),
        text.into_bytes(),
    )
}

pub async fn xlsx(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let view = match load(&buying, locale, current, &query).await {
        Ok(v) => v,
        Err(response) => return *response,
    };
    let sheets: Vec<Sheet> = view
        .tables()
        .map(|t| {
            let mut rows = vec![
                t.columns
                    .iter()
                    .map(|c| SheetValue::Text(c.clone()))
                    .collect::<Vec<_>>(),
            ];
            rows.extend(
                t.rows
                    .iter()
                    .map(|r| r.iter().map(Cell::sheet).collect::<Vec<_>>()),
            );
            Sheet {
                name: t.name.clone(),
                rows,
            }
        })
        .collect();
    download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("statistiche-{}-{}.xlsx", view.from, view.to),
        workbook(&sheets),
    )
}

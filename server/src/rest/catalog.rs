use std::collections::HashMap;

use app::i18n::Locale;
use app::model::{ProviderSummary, Space};
use axum::Json;
use axum::extract::{Extension, Path, Query, State};
use serde_json::{Value, json};

use super::error::ApiError;
use super::paging::page_request;
use crate::http::AppState;

type ApiResult = Result<Json<Value>, ApiError>;

pub async fn categories(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
) -> ApiResult {
    let categories = state
        .store
        .categories()
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let items: Vec<Value> = categories
        .iter()
        .map(|c| {
            json!({
                "slug": c.slug,
                "name": c.name(locale),
                "description": c.description(locale),
                "service_count": c.service_count,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

fn provider_json(p: &ProviderSummary, locale: Locale) -> Value {
    json!({
        "id": p.id,
        "slug": p.slug,
        "name": p.name,
        "legal_form": p.legal_form,
        "vat_number": p.vat_number,
        "accredited_from": none_if_empty(&p.accredited_from),
        "accredited_until": none_if_empty(&p.accredited_until),
        "description": app::model::pick(locale, &p.description_it, &p.description_en),
        "email": p.email,
        "phone": p.phone,
        "website": p.website,
        "service_count": p.service_count,
        "url": format!("/enti/{}", p.slug),
    })
}

fn none_if_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

pub async fn providers(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let page = page_request(&query, locale)?;
    let paged = state
        .store
        .providers(page)
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let items: Vec<Value> = paged
        .items
        .iter()
        .map(|p| provider_json(p, locale))
        .collect();
    Ok(Json(json!({
        "total": paged.total, "page": paged.page, "per_page": paged.per_page, "items": items
    })))
}

pub async fn provider(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Path(id): Path<String>,
) -> ApiResult {
    // A non-numeric id is simply an unknown provider, not a server error.
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError::not_found(locale));
    };
    match state
        .store
        .provider(id)
        .await
        .map_err(|e| ApiError::store(e, locale))?
    {
        Some(p) => Ok(Json(provider_json(&p, locale))),
        None => Err(ApiError::not_found(locale)),
    }
}

fn space_json(s: &Space, locale: Locale) -> Value {
    let hours: Vec<Value> = s
        .hours
        .iter()
        .map(|h| json!({"weekday": h.weekday, "opens": h.opens, "closes": h.closes}))
        .collect();
    json!({
        "id": s.id,
        "slug": s.slug,
        "name": s.name,
        "address": s.address,
        "municipio": s.municipio,
        "phone": s.phone,
        "email": s.email,
        "description": s.description(locale),
        "activities": s.activities(locale).collect::<Vec<_>>(),
        "opening_hours": hours,
    })
}

pub async fn spaces(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
) -> ApiResult {
    let spaces = state
        .store
        .spaces()
        .await
        .map_err(|e| ApiError::store(e, locale))?;
    let items: Vec<Value> = spaces.iter().map(|s| space_json(s, locale)).collect();
    let total = items.len();
    Ok(Json(
        json!({ "total": total, "page": 1, "per_page": total, "items": items }),
    ))
}

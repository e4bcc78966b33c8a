//! `POST /webhooks/{gateway}`: payment gateways report here. The signature is the
//! authentication (no session, no cookies); an event is applied once however often it comes.
//! Answers 2xx once recorded (or when it is for a payment we do not know), 400 for a bad
//! signature or body, 503 when the database failed, so the gateway retries.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};

use crate::buying::BuyingService;
use crate::payments::GatewayError;

pub async fn receive(
    State(buying): State<Arc<BuyingService>>,
    Path(gateway): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let service = buying.gateway();
    if gateway != service.name() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let event = match service.parse_webhook(&headers, &body, now).await {
        Ok(event) => event,
        Err(err) => {
            tracing::warn!(%err, gateway, "webhook refused");
            return (StatusCode::BAD_REQUEST, "invalid webhook").into_response();
        }
    };
    match crate::buying::payments::settle(&buying, &gateway, &event, Some(&event.id)).await {
        Ok(()) => (StatusCode::OK, "{\"received\":true}").into_response(),
        Err(GatewayError::BadWebhook(reason)) => {
            tracing::warn!(reason, gateway, "webhook refused");
            (StatusCode::BAD_REQUEST, "invalid webhook").into_response()
        }
        Err(err) => {
            tracing::error!(%err, gateway, "webhook not processed; the gateway will retry");
            (StatusCode::SERVICE_UNAVAILABLE, "retry later").into_response()
        }
    }
}

//! The demo gateway: what a hosted-checkout gateway does, inside the portal, so the portal works
//! with no payment account and the demo still runs the real webhook path. Its own records live
//! in `demo_gateway_sessions` (what a real gateway keeps on its side); its webhook secret is
//! created once per database (`settings.demo_webhook_secret`) so every instance shares it.

use async_trait::async_trait;
use serde_json::json;
use time::OffsetDateTime;

use super::{
    CheckoutRequest, CreatedCheckout, Gateway, GatewayError, RemoteStatus, WebhookEvent, signature,
};
use crate::store::{Db, on_pool};

pub struct DemoGateway {
    db: Db,
    secret: String,
    /// Where webhooks are delivered: this server's own address.
    webhook_url: String,
    http: reqwest::Client,
}

fn unavailable(err: impl std::fmt::Display) -> GatewayError {
    GatewayError::Unavailable(err.to_string())
}

/// The shared webhook secret, created by the first instance that needs it.
pub async fn webhook_secret(db: &Db) -> Result<String, sqlx::Error> {
    let fresh = crate::auth::tokens::random_token();
    on_pool!(db, pool => async {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ('demo_webhook_secret', $1) \
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(&fresh)
        .execute(pool)
        .await?;
        sqlx::query_scalar::<_, String>(
            "SELECT value FROM settings WHERE key = 'demo_webhook_secret'",
        )
        .fetch_one(pool)
        .await
    }.await)
}

fn status_code(status: &str) -> RemoteStatus {
    match status {
        "paid" => RemoteStatus::Paid,
        "declined" => RemoteStatus::Failed,
        "cancelled" => RemoteStatus::Cancelled,
        _ => RemoteStatus::Open,
    }
}

impl DemoGateway {
    pub fn new(db: Db, secret: String, webhook_url: String) -> DemoGateway {
        DemoGateway {
            db,
            secret,
            webhook_url,
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .expect("HTTP client"),
        }
    }

    /// The hosted page's record: amount, description, status, return address.
    pub async fn session(
        &self,
        gateway_ref: &str,
    ) -> Result<Option<(i64, String, String, String)>, GatewayError> {
        on_pool!(&self.db, pool => sqlx::query_as::<_, (i64, String, String, String)>(
            "SELECT amount_cents, description, status, return_url FROM demo_gateway_sessions \
             WHERE gateway_ref = $1"
        ).bind(gateway_ref).fetch_optional(pool).await)
        .map_err(unavailable)
    }

    /// The payer's choice on the hosted page: recorded (once: an open session only), then
    /// announced by a signed webhook. A webhook that cannot be delivered is not lost: the
    /// portal's reconciliation job asks [`Gateway::status`].
    pub async fn decide(&self, gateway_ref: &str, status: &str) -> Result<String, GatewayError> {
        let now = OffsetDateTime::now_utc();
        let changed = on_pool!(&self.db, pool => sqlx::query(
            "UPDATE demo_gateway_sessions SET status = $1, updated_at = $2 \
             WHERE gateway_ref = $3 AND status = 'open'"
        ).bind(status).bind(now).bind(gateway_ref).execute(pool).await.map(|r| r.rows_affected()))
        .map_err(unavailable)?;
        let (amount, _, current, return_url) = self
            .session(gateway_ref)
            .await?
            .ok_or(GatewayError::Unknown)?;
        if changed == 1 {
            self.deliver(gateway_ref, &current, amount, now.unix_timestamp())
                .await;
        }
        Ok(return_url)
    }

    async fn deliver(&self, gateway_ref: &str, status: &str, amount: i64, now: i64) {
        let kind = match status {
            "paid" => "checkout.session.completed",
            "declined" => "checkout.session.async_payment_failed",
            _ => "checkout.session.expired",
        };
        let body = json!({
            "id": format!("evt_{}", uuid::Uuid::new_v4().simple()),
            "object": "event",
            "type": kind,
            "created": now,
            "data": {"object": {
                "id": gateway_ref,
                "object": "checkout.session",
                "amount_total": amount,
                "currency": "eur",
                "payment_status": if status == "paid" { "paid" } else { "unpaid" },
            }},
        })
        .to_string();
        let header = signature::sign(&self.secret, now, body.as_bytes());
        let sent = self
            .http
            .post(&self.webhook_url)
            .header("content-type", "application/json")
            .header("stripe-signature", header)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => {}
            Ok(r) => {
                tracing::warn!(status = %r.status(), "demo webhook refused; reconciliation will settle")
            }
            Err(err) => {
                tracing::warn!(%err, "demo webhook not delivered; reconciliation will settle")
            }
        }
    }
}

#[async_trait]
impl Gateway for DemoGateway {
    fn name(&self) -> &'static str {
        "demo"
    }

    async fn create_checkout(
        &self,
        req: &CheckoutRequest,
    ) -> Result<CreatedCheckout, GatewayError> {
        // The idempotency key names the session, so a retried request finds the same one.
        let gateway_ref = format!(
            "cs_demo_{}",
            &crate::auth::tokens::digest(&format!("{}:{}", self.secret, req.idempotency_key))[..32]
        );
        let now = OffsetDateTime::now_utc();
        on_pool!(&self.db, pool => sqlx::query(
            "INSERT INTO demo_gateway_sessions (gateway_ref, amount_cents, description, \
             return_url, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'open', $5, $5) \
             ON CONFLICT (gateway_ref) DO NOTHING"
        )
        .bind(&gateway_ref).bind(req.amount_cents).bind(&req.description)
        .bind(&req.return_url).bind(now).execute(pool).await.map(|_| ()))
        .map_err(unavailable)?;
        Ok(CreatedCheckout {
            redirect_url: format!("/pagamento/demo/{gateway_ref}"),
            gateway_ref,
        })
    }

    async fn status(&self, gateway_ref: &str) -> Result<RemoteStatus, GatewayError> {
        let (_, _, status, _) = self
            .session(gateway_ref)
            .await?
            .ok_or(GatewayError::Unknown)?;
        Ok(status_code(&status))
    }

    async fn refund(
        &self,
        gateway_ref: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<String, GatewayError> {
        let changed = on_pool!(&self.db, pool => sqlx::query(
            "UPDATE demo_gateway_sessions SET refunded_cents = refunded_cents + $1 \
             WHERE gateway_ref = $2 AND status = 'paid' AND refunded_cents + $1 <= amount_cents"
        ).bind(amount_cents).bind(gateway_ref).execute(pool).await.map(|r| r.rows_affected()))
        .map_err(unavailable)?;
        if changed != 1 {
            return Err(GatewayError::Unknown);
        }
        Ok(format!(
            "re_demo_{}",
            &crate::auth::tokens::digest(idempotency_key)[..24]
        ))
    }

    async fn parse_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<WebhookEvent, GatewayError> {
        let header = headers
            .get("stripe-signature")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        signature::verify(&self.secret, header, body, now)
            .map_err(|e| GatewayError::BadWebhook(e.to_string()))?;
        parse_stripe_event(body)
    }
}

/// Reads a Stripe-shaped checkout event (`checkout.session.*`).
pub fn parse_stripe_event(body: &[u8]) -> Result<WebhookEvent, GatewayError> {
    let bad = |what: &str| GatewayError::BadWebhook(what.to_string());
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|_| bad("not JSON"))?;
    let id = value["id"]
        .as_str()
        .ok_or_else(|| bad("no id"))?
        .to_string();
    let object = &value["data"]["object"];
    let gateway_ref = object["id"].as_str().ok_or_else(|| bad("no object id"))?;
    let amount_cents = object["amount_total"]
        .as_i64()
        .ok_or_else(|| bad("no amount"))?;
    let status = match value["type"].as_str() {
        Some("checkout.session.completed" | "checkout.session.async_payment_succeeded")
            if object["payment_status"] == "paid" =>
        {
            RemoteStatus::Paid
        }
        Some("checkout.session.completed") => RemoteStatus::Open,
        Some("checkout.session.async_payment_failed") => RemoteStatus::Failed,
        Some("checkout.session.expired") => RemoteStatus::Cancelled,
        _ => RemoteStatus::Open,
    };
    Ok(WebhookEvent {
        id,
        gateway_ref: gateway_ref.to_string(),
        status,
        amount_cents,
    })
}

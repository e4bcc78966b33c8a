//! Payment gateways behind one interface. The portal never trusts the browser's return from a
//! gateway: an order is paid only when a verified webhook (or the reconciliation job's status
//! pull) says so.
//!
//! `demo` (the default, `WEMI_PAYMENTS=demo`) is a gateway embedded in the portal: a hosted
//! page at `/pagamento/demo/{ref}` and webhooks signed in Stripe's scheme, delivered over HTTP
//! to `/webhooks/demo` like any gateway's.
//!
//! `stripe` (Checkout Sessions, Connect direct charges) and `paypal` (Orders v2) charge on each
//! provider's own account, kept encrypted in `provider_payment_accounts` (`accounts`).

pub mod accounts;
pub mod demo;
pub mod paypal;
pub mod signature;
pub mod stripe;

use async_trait::async_trait;

/// What the portal asks a gateway to collect.
#[derive(Clone, Debug)]
pub struct CheckoutRequest {
    pub order_reference: String,
    /// The provider paid (merchant of record): gateways with per-provider accounts (Stripe
    /// Connect, PayPal) charge on that provider's account.
    pub provider_id: i64,
    pub amount_cents: i64,
    pub description: String,
    /// Where the gateway sends the browser back (never proof of payment).
    pub return_url: String,
    /// Same key → same checkout at the gateway (no double charge on a retried request).
    pub idempotency_key: String,
}

#[derive(Clone, Debug)]
pub struct CreatedCheckout {
    pub gateway_ref: String,
    pub redirect_url: String,
}

/// Where a checkout stands at the gateway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoteStatus {
    Open,
    Paid,
    Failed,
    Cancelled,
}

/// A verified webhook event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookEvent {
    pub id: String,
    pub gateway_ref: String,
    pub status: RemoteStatus,
    pub amount_cents: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("webhook refused: {0}")]
    BadWebhook(String),
    #[error("gateway unavailable: {0}")]
    Unavailable(String),
    #[error("unknown payment")]
    Unknown,
}

#[async_trait]
pub trait Gateway: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    async fn create_checkout(&self, req: &CheckoutRequest)
    -> Result<CreatedCheckout, GatewayError>;
    async fn status(&self, gateway_ref: &str) -> Result<RemoteStatus, GatewayError>;
    /// Gives back `amount_cents` of a paid checkout; returns the gateway's refund id.
    async fn refund(
        &self,
        gateway_ref: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<String, GatewayError>;
    /// Verifies and reads a webhook delivery (its headers carry the signature).
    async fn parse_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<WebhookEvent, GatewayError>;
}

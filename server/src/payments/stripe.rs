//! Stripe: Checkout Sessions as Connect **direct charges**. The provider is the merchant of
//! record, so every call is made on its connected account (`Stripe-Account: acct_…`) with the
//! platform's secret key: the session, its PaymentIntent and the refunds live on that account.
//! <https://docs.stripe.com/connect/direct-charges>, <https://docs.stripe.com/api/checkout/sessions>
//!
//! The portal's `gateway_ref` for a session is `acct_…:cs_…`: the account is needed to read
//! the session back (status pull, refund), and a Connect webhook names it in its `account`, so
//! both paths name the payment the same way. Every POST carries an `Idempotency-Key`: a retried
//! request gets the same session or refund, never a second one.

use async_trait::async_trait;
use serde_json::Value;

use super::accounts::{AccountGateway, SecretKey, account_for_checkout};
use super::{
    CheckoutRequest, CreatedCheckout, Gateway, GatewayError, RemoteStatus, WebhookEvent, demo,
    signature,
};
use crate::config::StripeSettings;
use crate::store::Db;

pub struct StripeGateway {
    db: Db,
    key: SecretKey,
    settings: StripeSettings,
    http: reqwest::Client,
}

/// `acct_…:cs_…` → (account, session).
fn split_ref(gateway_ref: &str) -> Result<(&str, &str), GatewayError> {
    match gateway_ref.split_once(':') {
        Some((account, session)) if account.starts_with("acct_") && !session.is_empty() => {
            Ok((account, session))
        }
        _ => Err(GatewayError::Unknown),
    }
}

fn join_ref(account: &str, session: &str) -> String {
    format!("{account}:{session}")
}

/// Where a session stands, from its `status` and `payment_status`.
/// <https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-status>
fn session_status(session: &Value) -> RemoteStatus {
    match (
        session["status"].as_str(),
        session["payment_status"].as_str(),
    ) {
        (Some("complete"), Some("paid" | "no_payment_required")) => RemoteStatus::Paid,
        (Some("expired"), _) => RemoteStatus::Cancelled,
        // Open, or complete with a delayed payment method still settling: its webhook
        // (`async_payment_succeeded`/`_failed`) or the session's expiry tells.
        _ => RemoteStatus::Open,
    }
}

/// The order page without the `?pagamento=1` that marks a return from the gateway.
fn cancel_url(return_url: &str) -> String {
    return_url
        .split_once('?')
        .map(|(page, _)| page)
        .unwrap_or(return_url)
        .to_string()
}

/// Stripe's error message, for logs.
fn error_message(body: &Value) -> String {
    let error = &body["error"];
    match (error["type"].as_str(), error["message"].as_str()) {
        (Some(kind), Some(message)) => format!("{kind}: {message}"),
        _ => body.to_string(),
    }
}

/// The form of a Checkout Session paid on a connected account.
fn session_form(req: &CheckoutRequest) -> Vec<(&'static str, String)> {
    vec![
        ("mode", "payment".into()),
        ("line_items[0][price_data][currency]", "eur".into()),
        (
            "line_items[0][price_data][unit_amount]",
            req.amount_cents.to_string(),
        ),
        (
            "line_items[0][price_data][product_data][name]",
            req.description.clone(),
        ),
        ("line_items[0][quantity]", "1".into()),
        ("success_url", req.return_url.clone()),
        ("cancel_url", cancel_url(&req.return_url)),
        ("client_reference_id", req.order_reference.clone()),
        ("metadata[order]", req.order_reference.clone()),
        (
            "payment_intent_data[metadata][order]",
            req.order_reference.clone(),
        ),
    ]
}

impl StripeGateway {
    pub fn new(db: Db, key: SecretKey, settings: StripeSettings) -> StripeGateway {
        StripeGateway {
            db,
            key,
            settings,
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.settings.api_base)
    }

    /// Sends a request on `account` and reads Stripe's JSON answer. 404 is `Unknown`; other
    /// refusals and failures are `Unavailable` (the caller retries or reconciles later).
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        account: &str,
    ) -> Result<Value, GatewayError> {
        let response = request
            .bearer_auth(&self.settings.secret_key)
            .header("Stripe-Account", account)
            .send()
            .await
            .map_err(|e| GatewayError::Unavailable(format!("Stripe unreachable: {e}")))?;
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .map_err(|e| GatewayError::Unavailable(format!("Stripe answer unreadable: {e}")))?;
        if status.is_success() {
            return Ok(body);
        }
        if status == reqwest::StatusCode::NOT_FOUND {
            return Err(GatewayError::Unknown);
        }
        let message = error_message(&body);
        tracing::warn!(%status, message, "Stripe refused a request");
        Err(GatewayError::Unavailable(format!(
            "Stripe answered {status}: {message}"
        )))
    }

    async fn post(
        &self,
        path: &str,
        account: &str,
        form: &[(&str, String)],
        idempotency_key: &str,
    ) -> Result<Value, GatewayError> {
        let request = self
            .http
            .post(self.url(path))
            .header("Idempotency-Key", idempotency_key)
            .form(form);
        self.send(request, account).await
    }

    async fn session(&self, account: &str, session_id: &str) -> Result<Value, GatewayError> {
        let request = self
            .http
            .get(self.url(&format!("/v1/checkout/sessions/{session_id}")));
        self.send(request, account).await
    }
}

#[async_trait]
impl Gateway for StripeGateway {
    fn name(&self) -> &'static str {
        "stripe"
    }

    async fn create_checkout(
        &self,
        req: &CheckoutRequest,
    ) -> Result<CreatedCheckout, GatewayError> {
        if req.amount_cents <= 0 {
            return Err(GatewayError::Unavailable("nothing to collect".into()));
        }
        let account =
            account_for_checkout(&self.db, &self.key, req.provider_id, AccountGateway::Stripe)
                .await?;
        let session = self
            .post(
                "/v1/checkout/sessions",
                &account,
                &session_form(req),
                &req.idempotency_key,
            )
            .await?;
        let (Some(id), Some(url)) = (session["id"].as_str(), session["url"].as_str()) else {
            return Err(GatewayError::Unavailable(
                "Stripe's session has no id or url".into(),
            ));
        };
        // What Stripe will collect is what the order says, or nothing is started.
        if session["amount_total"].as_i64() != Some(req.amount_cents)
            || session["currency"].as_str() != Some("eur")
        {
            tracing::error!(
                order = req.order_reference,
                "Stripe's session amount differs from the order's"
            );
            return Err(GatewayError::Unavailable("session amount mismatch".into()));
        }
        Ok(CreatedCheckout {
            gateway_ref: join_ref(&account, id),
            redirect_url: url.to_string(),
        })
    }

    async fn status(&self, gateway_ref: &str) -> Result<RemoteStatus, GatewayError> {
        let (account, session_id) = split_ref(gateway_ref)?;
        let session = self.session(account, session_id).await?;
        Ok(session_status(&session))
    }

    async fn refund(
        &self,
        gateway_ref: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<String, GatewayError> {
        let (account, session_id) = split_ref(gateway_ref)?;
        if amount_cents <= 0 {
            return Err(GatewayError::Unavailable("nothing to refund".into()));
        }
        let session = self.session(account, session_id).await?;
        if session_status(&session) != RemoteStatus::Paid {
            return Err(GatewayError::Unknown);
        }
        // `payment_intent` is an id, or the object when expanded.
        let intent = session["payment_intent"]
            .as_str()
            .or_else(|| session["payment_intent"]["id"].as_str())
            .ok_or(GatewayError::Unknown)?
            .to_string();
        let refund = self
            .post(
                "/v1/refunds",
                account,
                &[
                    ("payment_intent", intent),
                    ("amount", amount_cents.to_string()),
                    ("metadata[checkout_session]", session_id.to_string()),
                ],
                idempotency_key,
            )
            .await?;
        if refund["status"].as_str() == Some("failed") {
            return Err(GatewayError::Unavailable("Stripe's refund failed".into()));
        }
        refund["id"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| GatewayError::Unavailable("Stripe's refund has no id".into()))
    }

    async fn parse_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<WebhookEvent, GatewayError> {
        read_webhook(&self.settings.webhook_secret, headers, body, now)
    }
}

/// Verifies a delivery's `Stripe-Signature` and reads its event. A Connect event's payment is
/// `account:session`; events of other kinds, or not on a connected account, name no payment.
fn read_webhook(
    webhook_secret: &str,
    headers: &http::HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<WebhookEvent, GatewayError> {
    let header = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    signature::verify(webhook_secret, header, body, now)
        .map_err(|e| GatewayError::BadWebhook(e.to_string()))?;
    let value: Value =
        serde_json::from_slice(body).map_err(|_| GatewayError::BadWebhook("not JSON".into()))?;
    let id = value["id"].as_str().unwrap_or_default();
    if !value["type"]
        .as_str()
        .is_some_and(|t| t.starts_with("checkout.session."))
    {
        // Another kind of event (the endpoint may be subscribed to more): acknowledged,
        // names no payment, changes nothing.
        return Ok(WebhookEvent {
            id: id.to_string(),
            gateway_ref: String::new(),
            status: RemoteStatus::Open,
            amount_cents: 0,
        });
    }
    let mut event = demo::parse_stripe_event(body)?;
    // A Connect event names the connected account it happened on.
    match value["account"].as_str() {
        Some(account) if account.starts_with("acct_") => {
            event.gateway_ref = join_ref(account, &event.gateway_ref);
        }
        // Not about a direct charge: no payment of ours; acknowledged and ignored.
        _ => event.gateway_ref = format!("platform:{}", event.gateway_ref),
    }
    if value["data"]["object"]["currency"]
        .as_str()
        .is_some_and(|c| c != "eur")
    {
        return Err(GatewayError::BadWebhook("not in euros".into()));
    }
    Ok(event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_carry_the_connected_account() {
        assert_eq!(join_ref("acct_1", "cs_test_2"), "acct_1:cs_test_2");
        assert_eq!(
            split_ref("acct_1:cs_test_2").unwrap(),
            ("acct_1", "cs_test_2")
        );
        for bad in ["cs_test_2", "acct_1:", ":cs", "x:cs"] {
            assert!(split_ref(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn session_states_map_to_remote_status() {
        let s = |status: &str, paid: &str| json!({"status": status, "payment_status": paid});
        assert_eq!(session_status(&s("open", "unpaid")), RemoteStatus::Open);
        assert_eq!(session_status(&s("complete", "paid")), RemoteStatus::Paid);
        assert_eq!(session_status(&s("complete", "unpaid")), RemoteStatus::Open);
        assert_eq!(
            session_status(&s("expired", "unpaid")),
            RemoteStatus::Cancelled
        );
    }

    #[test]
    fn the_form_sends_integer_cents_in_euros() {
        let req = CheckoutRequest {
            order_reference: "WM-20261126-7K3QX9".into(),
            provider_id: 1,
            amount_cents: 57_50,
            description: "Coop – WM-20261126-7K3QX9".into(),
            return_url: "https://wemi.example/area-personale/ordini/WM-1?pagamento=1".into(),
            idempotency_key: "order-1-attempt-1".into(),
        };
        let form = session_form(&req);
        let get = |k: &str| form.iter().find(|(key, _)| *key == k).unwrap().1.clone();
        assert_eq!(get("line_items[0][price_data][unit_amount]"), "5750");
        assert_eq!(get("line_items[0][price_data][currency]"), "eur");
        assert_eq!(get("mode"), "payment");
        assert_eq!(get("client_reference_id"), "WM-20261126-7K3QX9");
        assert_eq!(
            get("cancel_url"),
            "https://wemi.example/area-personale/ordini/WM-1"
        );
        assert_eq!(get("success_url"), req.return_url);
    }

    fn delivery(event: &Value, secret: &str, at: i64) -> (http::HeaderMap, Vec<u8>) {
        let body = event.to_string().into_bytes();
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "stripe-signature",
            signature::sign(secret, at, &body).parse().unwrap(),
        );
        (headers, body)
    }

    fn completed(account: Option<&str>, currency: &str) -> Value {
        let mut event = json!({
            "id": "evt_1", "object": "event", "type": "checkout.session.completed",
            "data": {"object": {"id": "cs_test_9", "object": "checkout.session",
                "amount_total": 5750, "currency": currency, "payment_status": "paid",
                "status": "complete"}},
        });
        if let Some(account) = account {
            event["account"] = json!(account);
        }
        event
    }

    #[test]
    fn connect_webhooks_are_verified_and_name_the_account() {
        const SECRET: &str = "whsec_unit";
        let (headers, body) = delivery(&completed(Some("acct_7"), "eur"), SECRET, 1_000);
        let event = read_webhook(SECRET, &headers, &body, 1_010).unwrap();
        assert_eq!(event.gateway_ref, "acct_7:cs_test_9");
        assert_eq!(event.status, RemoteStatus::Paid);
        assert_eq!(event.amount_cents, 5750);
        assert_eq!(event.id, "evt_1");

        // Another secret, or too late: refused.
        assert!(matches!(
            read_webhook("whsec_other", &headers, &body, 1_010),
            Err(GatewayError::BadWebhook(_))
        ));
        assert!(matches!(
            read_webhook(SECRET, &headers, &body, 2_000),
            Err(GatewayError::BadWebhook(_))
        ));
        assert!(matches!(
            read_webhook(SECRET, &http::HeaderMap::new(), &body, 1_000),
            Err(GatewayError::BadWebhook(_))
        ));
        // Not in euros: refused.
        let (headers, body) = delivery(&completed(Some("acct_7"), "usd"), SECRET, 1_000);
        assert!(read_webhook(SECRET, &headers, &body, 1_000).is_err());
        // On the platform's own account: no payment of ours.
        let (headers, body) = delivery(&completed(None, "eur"), SECRET, 1_000);
        let event = read_webhook(SECRET, &headers, &body, 1_000).unwrap();
        assert_eq!(event.gateway_ref, "platform:cs_test_9");
        // Another kind of event: acknowledged, names nothing.
        let other = json!({"id": "evt_2", "type": "charge.refunded", "account": "acct_7",
            "data": {"object": {"id": "ch_1"}}});
        let (headers, body) = delivery(&other, SECRET, 1_000);
        let event = read_webhook(SECRET, &headers, &body, 1_000).unwrap();
        assert_eq!(event.gateway_ref, "");
    }
}

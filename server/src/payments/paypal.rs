//! PayPal: Orders v2 with the provider as payee (merchant of record, `payee.merchant_id`),
//! created and captured with the platform's REST app. <https://developer.paypal.com/docs/api/orders/v2/>
//!
//! - An OAuth2 client-credentials token, cached until shortly before it expires (and fetched
//!   anew when PayPal answers 401).
//! - Create: `POST /v2/checkout/orders` (intent CAPTURE, amount as an exact decimal string);
//!   the citizen goes to the order's `payer-action` (or `approve`) link.
//! - Once the citizen approves, the order must be captured: on the `CHECKOUT.ORDER.APPROVED`
//!   webhook or at the status pull, whichever comes first (`PayPal-Request-Id` makes the two
//!   the same capture).
//! - Refund: `POST /v2/payments/captures/{id}/refund` on behalf of the payee
//!   (`PayPal-Auth-Assertion`).
//! - Webhooks are verified by PayPal itself (`/v1/notifications/verify-webhook-signature`).
//!
//! The portal's `gateway_ref` is the PayPal order id. Every POST carries `PayPal-Request-Id`.

use std::time::{Duration, Instant};

use async_trait::async_trait;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::accounts::{AccountGateway, SecretKey, account_for_checkout};
use super::{CheckoutRequest, CreatedCheckout, Gateway, GatewayError, RemoteStatus, WebhookEvent};
use crate::config::PaypalSettings;
use crate::store::Db;

/// A token is renewed this long before PayPal says it expires.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);
/// PayPal's limit on a purchase unit's description.
const DESCRIPTION_MAX_CHARS: usize = 127;

pub struct PaypalGateway {
    db: Db,
    key: SecretKey,
    settings: PaypalSettings,
    http: reqwest::Client,
    token: tokio::sync::Mutex<Option<(String, Instant)>>,
}

/// Cents as PayPal's exact decimal string: 1250 → "12.50". Never through floating point.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// PayPal's decimal string to cents, exactly: "12.50" → 1250, "12" → 1200, "12.5" → 1250.
/// More than two decimals, signs, exponents or anything else: `None`.
pub fn parse_cents(value: &str) -> Option<i64> {
    let (units, fraction) = value.split_once('.').unwrap_or((value, ""));
    if units.is_empty()
        || units.len() > 15
        || fraction.len() > 2
        || !units.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || (value.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let units: i64 = units.parse().ok()?;
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    units.checked_mul(100)?.checked_add(fraction)
}

/// A money object in euros, in cents; anything else is refused.
fn euro_cents(amount: &Value) -> Option<i64> {
    if amount["currency_code"].as_str() != Some("EUR") {
        return None;
    }
    parse_cents(amount["value"].as_str()?)
}

fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn cancel_url(return_url: &str) -> String {
    return_url
        .split_once('?')
        .map(|(page, _)| page)
        .unwrap_or(return_url)
        .to_string()
}

/// The create-order request: one purchase unit paid to the provider.
fn order_body(req: &CheckoutRequest, merchant_id: &str) -> Value {
    json!({
        "intent": "CAPTURE",
        "purchase_units": [{
            "reference_id": req.order_reference,
            "custom_id": req.order_reference,
            "invoice_id": req.order_reference,
            "description": truncate_chars(&req.description, DESCRIPTION_MAX_CHARS),
            "amount": {"currency_code": "EUR", "value": format_cents(req.amount_cents)},
            "payee": {"merchant_id": merchant_id},
        }],
        "payment_source": {"paypal": {"experience_context": {
            "return_url": req.return_url,
            "cancel_url": cancel_url(&req.return_url),
            "user_action": "PAY_NOW",
            "shipping_preference": "NO_SHIPPING",
        }}},
    })
}

/// The first purchase unit's captures.
fn captures(order: &Value) -> Vec<&Value> {
    order["purchase_units"][0]["payments"]["captures"]
        .as_array()
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

/// Where a (created, approved, completed…) order stands for the portal, without capturing.
fn order_status(order: &Value) -> RemoteStatus {
    match order["status"].as_str() {
        Some("COMPLETED") => captured_status(order),
        Some("VOIDED") => RemoteStatus::Cancelled,
        _ => RemoteStatus::Open,
    }
}

/// A completed order's money: taken (even if given back since: the portal tracks refunds),
/// pending, or refused.
fn captured_status(order: &Value) -> RemoteStatus {
    let statuses: Vec<&str> = captures(order)
        .iter()
        .filter_map(|c| c["status"].as_str())
        .collect();
    if statuses
        .iter()
        .any(|s| matches!(*s, "COMPLETED" | "REFUNDED" | "PARTIALLY_REFUNDED"))
    {
        RemoteStatus::Paid
    } else if statuses.contains(&"PENDING") || statuses.is_empty() {
        RemoteStatus::Open
    } else {
        RemoteStatus::Failed
    }
}

/// The link the payer is sent to.
fn payer_link(order: &Value) -> Option<&str> {
    order["links"].as_array()?.iter().find_map(|l| {
        matches!(l["rel"].as_str(), Some("payer-action" | "approve"))
            .then(|| l["href"].as_str())
            .flatten()
    })
}

/// The issues PayPal names in an error answer.
fn issues(body: &Value) -> Vec<String> {
    body["details"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter_map(|i| i["issue"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// An unsigned assertion naming the merchant a partner acts for (refunds of its captures).
/// <https://developer.paypal.com/api/rest/requests/#paypal-auth-assertion>
fn auth_assertion(client_id: &str, merchant_id: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(json!({"alg": "none"}).to_string());
    let payload =
        URL_SAFE_NO_PAD.encode(json!({"iss": client_id, "payer_id": merchant_id}).to_string());
    format!("{header}.{payload}.")
}

/// A failed call: its HTTP status and PayPal's answer.
struct Refused {
    status: reqwest::StatusCode,
    body: Value,
}

impl PaypalGateway {
    pub fn new(db: Db, key: SecretKey, settings: PaypalSettings) -> PaypalGateway {
        PaypalGateway {
            db,
            key,
            settings,
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            token: tokio::sync::Mutex::new(None),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.settings.api_base)
    }

    /// The cached access token, or a new one.
    async fn token(&self, renew: bool) -> Result<String, GatewayError> {
        let mut cached = self.token.lock().await;
        if !renew
            && let Some((token, until)) = cached.as_ref()
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let response = self
            .http
            .post(self.url("/v1/oauth2/token"))
            .basic_auth(&self.settings.client_id, Some(&self.settings.client_secret))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .map_err(|e| GatewayError::Unavailable(format!("PayPal unreachable: {e}")))?;
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .map_err(|e| GatewayError::Unavailable(format!("PayPal answer unreadable: {e}")))?;
        let Some(token) = body["access_token"]
            .as_str()
            .filter(|_| status.is_success())
        else {
            tracing::error!(%status, "PayPal refused the platform's credentials");
            return Err(GatewayError::Unavailable(format!(
                "PayPal token refused ({status})"
            )));
        };
        let lifetime = Duration::from_secs(body["expires_in"].as_u64().unwrap_or(0));
        let until = Instant::now() + lifetime.saturating_sub(TOKEN_MARGIN);
        *cached = Some((token.to_string(), until));
        Ok(token.to_string())
    }

    /// Sends a JSON request with the access token (fetched anew once if PayPal says it is no
    /// longer good). `Err(Ok(refused))` is PayPal's refusal, `Err(Err(_))` a failure to talk.
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, String)],
    ) -> Result<Value, Result<Refused, GatewayError>> {
        let mut renew = false;
        loop {
            let token = self.token(renew).await.map_err(Err)?;
            let mut request = self
                .http
                .request(method.clone(), self.url(path))
                .bearer_auth(&token)
                .header("Prefer", "return=representation");
            for (name, value) in headers {
                request = request.header(*name, value);
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            let response = request.send().await.map_err(|e| {
                Err(GatewayError::Unavailable(format!(
                    "PayPal unreachable: {e}"
                )))
            })?;
            let status = response.status();
            if status == reqwest::StatusCode::UNAUTHORIZED && !renew {
                renew = true;
                continue;
            }
            let text = response.text().await.map_err(|e| {
                Err(GatewayError::Unavailable(format!(
                    "PayPal answer unreadable: {e}"
                )))
            })?;
            let value: Value = if text.trim().is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).map_err(|e| {
                    Err(GatewayError::Unavailable(format!(
                        "PayPal answer unreadable: {e}"
                    )))
                })?
            };
            if status.is_success() {
                return Ok(value);
            }
            return Err(Ok(Refused {
                status,
                body: value,
            }));
        }
    }

    /// A call whose refusal is just an error (404: `Unknown`).
    async fn call_simple(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, String)],
    ) -> Result<Value, GatewayError> {
        self.call(method, path, body, headers)
            .await
            .map_err(|err| match err {
                Ok(refused) if refused.status == reqwest::StatusCode::NOT_FOUND => {
                    GatewayError::Unknown
                }
                Ok(refused) => {
                    tracing::warn!(status = %refused.status, body = %refused.body, path, "PayPal refused a request");
                    GatewayError::Unavailable(format!(
                        "PayPal answered {}: {}",
                        refused.status,
                        refused.body["name"].as_str().unwrap_or("error")
                    ))
                }
                Err(err) => err,
            })
    }

    async fn order(&self, order_id: &str) -> Result<Value, GatewayError> {
        if order_id.is_empty() || !order_id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(GatewayError::Unknown);
        }
        self.call_simple(
            reqwest::Method::GET,
            &format!("/v2/checkout/orders/{order_id}"),
            None,
            &[],
        )
        .await
    }

    /// Captures an approved order (once however often asked: the request id is the order's)
    /// and says where its money stands.
    async fn capture(&self, order_id: &str) -> Result<RemoteStatus, GatewayError> {
        let answer = self
            .call(
                reqwest::Method::POST,
                &format!("/v2/checkout/orders/{order_id}/capture"),
                Some(&json!({})),
                &[("PayPal-Request-Id", format!("wemi-capture-{order_id}"))],
            )
            .await;
        match answer {
            Ok(order) => Ok(captured_status(&order)),
            Err(Ok(refused)) if refused.status == reqwest::StatusCode::UNPROCESSABLE_ENTITY => {
                let issues = issues(&refused.body);
                if issues.iter().any(|i| i == "ORDER_ALREADY_CAPTURED") {
                    // Captured by the other path meanwhile.
                    return Ok(order_status(&self.order(order_id).await?));
                }
                if issues
                    .iter()
                    .any(|i| matches!(i.as_str(), "INSTRUMENT_DECLINED" | "TRANSACTION_REFUSED"))
                {
                    tracing::info!(order_id, ?issues, "PayPal capture declined");
                    return Ok(RemoteStatus::Failed);
                }
                tracing::warn!(order_id, ?issues, "PayPal capture refused");
                Err(GatewayError::Unavailable(format!(
                    "PayPal capture refused: {issues:?}"
                )))
            }
            Err(Ok(refused)) if refused.status == reqwest::StatusCode::NOT_FOUND => {
                Err(GatewayError::Unknown)
            }
            Err(Ok(refused)) => Err(GatewayError::Unavailable(format!(
                "PayPal capture answered {}",
                refused.status
            ))),
            Err(Err(err)) => Err(err),
        }
    }

    /// Asks PayPal whether a delivery is genuine. The event goes back byte for byte as it came
    /// (re-serializing it could change what was signed).
    async fn verify(&self, headers: &http::HeaderMap, body: &[u8]) -> Result<(), GatewayError> {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .map(str::to_string)
                .ok_or_else(|| GatewayError::BadWebhook(format!("no {name} header")))
        };
        let fields = json!({
            "auth_algo": header("paypal-auth-algo")?,
            "cert_url": header("paypal-cert-url")?,
            "transmission_id": header("paypal-transmission-id")?,
            "transmission_sig": header("paypal-transmission-sig")?,
            "transmission_time": header("paypal-transmission-time")?,
            "webhook_id": self.settings.webhook_id,
        });
        let event = std::str::from_utf8(body)
            .map_err(|_| GatewayError::BadWebhook("not UTF-8".into()))?
            .trim();
        // `fields` is an object: its text ends with '}', replaced by the event member.
        let fields = fields.to_string();
        let request = format!(
            "{},\"webhook_event\":{event}}}",
            &fields[..fields.len() - 1]
        );
        let mut renew = false;
        loop {
            let token = self.token(renew).await?;
            let response = self
                .http
                .post(self.url("/v1/notifications/verify-webhook-signature"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(request.clone())
                .send()
                .await
                .map_err(|e| GatewayError::Unavailable(format!("PayPal unreachable: {e}")))?;
            let status = response.status();
            if status == reqwest::StatusCode::UNAUTHORIZED && !renew {
                renew = true;
                continue;
            }
            if status.is_server_error() {
                return Err(GatewayError::Unavailable(format!(
                    "PayPal verification answered {status}"
                )));
            }
            let answer: Value = response.json().await.unwrap_or(Value::Null);
            return if status.is_success() && answer["verification_status"] == "SUCCESS" {
                Ok(())
            } else {
                Err(GatewayError::BadWebhook(format!(
                    "PayPal did not verify the delivery ({status}, {})",
                    answer["verification_status"]
                )))
            };
        }
    }
}

#[async_trait]
impl Gateway for PaypalGateway {
    fn name(&self) -> &'static str {
        "paypal"
    }

    async fn create_checkout(
        &self,
        req: &CheckoutRequest,
    ) -> Result<CreatedCheckout, GatewayError> {
        if req.amount_cents <= 0 {
            return Err(GatewayError::Unavailable("nothing to collect".into()));
        }
        let merchant_id =
            account_for_checkout(&self.db, &self.key, req.provider_id, AccountGateway::Paypal)
                .await?;
        let order = self
            .call_simple(
                reqwest::Method::POST,
                "/v2/checkout/orders",
                Some(&order_body(req, &merchant_id)),
                &[("PayPal-Request-Id", req.idempotency_key.clone())],
            )
            .await?;
        let id = order["id"]
            .as_str()
            .filter(|id| !id.is_empty())
            .ok_or_else(|| GatewayError::Unavailable("PayPal's order has no id".into()))?;
        let link = payer_link(&order)
            .ok_or_else(|| GatewayError::Unavailable("PayPal's order has no payer link".into()))?;
        Ok(CreatedCheckout {
            gateway_ref: id.to_string(),
            redirect_url: link.to_string(),
        })
    }

    async fn status(&self, gateway_ref: &str) -> Result<RemoteStatus, GatewayError> {
        let order = self.order(gateway_ref).await?;
        if order["status"].as_str() == Some("APPROVED") {
            return self.capture(gateway_ref).await;
        }
        Ok(order_status(&order))
    }

    async fn refund(
        &self,
        gateway_ref: &str,
        amount_cents: i64,
        idempotency_key: &str,
    ) -> Result<String, GatewayError> {
        if amount_cents <= 0 {
            return Err(GatewayError::Unavailable("nothing to refund".into()));
        }
        let order = self.order(gateway_ref).await?;
        let capture = captures(&order)
            .into_iter()
            .find(|c| {
                matches!(
                    c["status"].as_str(),
                    Some("COMPLETED" | "PARTIALLY_REFUNDED")
                )
            })
            .and_then(|c| c["id"].as_str())
            .filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric()))
            .ok_or(GatewayError::Unknown)?
            .to_string();
        let merchant_id = order["purchase_units"][0]["payee"]["merchant_id"]
            .as_str()
            .ok_or_else(|| GatewayError::Unavailable("PayPal's order names no payee".into()))?;
        let refund = self
            .call_simple(
                reqwest::Method::POST,
                &format!("/v2/payments/captures/{capture}/refund"),
                Some(&json!({
                    "amount": {"currency_code": "EUR", "value": format_cents(amount_cents)},
                })),
                &[
                    ("PayPal-Request-Id", idempotency_key.to_string()),
                    (
                        "PayPal-Auth-Assertion",
                        auth_assertion(&self.settings.client_id, merchant_id),
                    ),
                ],
            )
            .await?;
        if matches!(refund["status"].as_str(), Some("FAILED" | "CANCELLED")) {
            return Err(GatewayError::Unavailable("PayPal's refund failed".into()));
        }
        refund["id"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| GatewayError::Unavailable("PayPal's refund has no id".into()))
    }

    async fn parse_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        _now: i64,
    ) -> Result<WebhookEvent, GatewayError> {
        let bad = |what: &str| GatewayError::BadWebhook(what.to_string());
        let value: Value = serde_json::from_slice(body).map_err(|_| bad("not JSON"))?;
        if !value.is_object() {
            return Err(bad("not an event"));
        }
        self.verify(headers, body).await?;
        let id = value["id"]
            .as_str()
            .ok_or_else(|| bad("no id"))?
            .to_string();
        let resource = &value["resource"];
        let ignored = || WebhookEvent {
            id: id.clone(),
            // Names no payment: acknowledged, nothing changes.
            gateway_ref: String::new(),
            status: RemoteStatus::Open,
            amount_cents: 0,
        };
        let event = match value["event_type"].as_str() {
            Some(kind @ ("CHECKOUT.ORDER.APPROVED" | "CHECKOUT.ORDER.COMPLETED")) => {
                let order_id = resource["id"].as_str().ok_or_else(|| bad("no order id"))?;
                let amount = euro_cents(&resource["purchase_units"][0]["amount"])
                    .ok_or_else(|| bad("no amount in euros"))?;
                let status = if kind == "CHECKOUT.ORDER.APPROVED" {
                    // The citizen approved: the money is taken now.
                    self.capture(order_id).await?
                } else {
                    captured_status(resource)
                };
                WebhookEvent {
                    id,
                    gateway_ref: order_id.to_string(),
                    status,
                    amount_cents: amount,
                }
            }
            Some(kind @ ("PAYMENT.CAPTURE.COMPLETED" | "PAYMENT.CAPTURE.DENIED")) => {
                let order_id = resource["supplementary_data"]["related_ids"]["order_id"]
                    .as_str()
                    .ok_or_else(|| bad("no related order"))?;
                let amount =
                    euro_cents(&resource["amount"]).ok_or_else(|| bad("no amount in euros"))?;
                WebhookEvent {
                    id,
                    gateway_ref: order_id.to_string(),
                    status: if kind == "PAYMENT.CAPTURE.COMPLETED" {
                        RemoteStatus::Paid
                    } else {
                        RemoteStatus::Failed
                    },
                    amount_cents: amount,
                }
            }
            Some(_) => ignored(),
            None => return Err(bad("no event_type")),
        };
        Ok(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_become_exact_decimal_strings() {
        assert_eq!(format_cents(1250), "12.50");
        assert_eq!(format_cents(5), "0.05");
        assert_eq!(format_cents(0), "0.00");
        assert_eq!(format_cents(100), "1.00");
        assert_eq!(format_cents(123_456_789), "1234567.89");
        assert_eq!(format_cents(-1), "-0.01");
    }

    #[test]
    fn decimal_strings_become_exact_cents() {
        assert_eq!(parse_cents("12.50"), Some(1250));
        assert_eq!(parse_cents("12.5"), Some(1250));
        assert_eq!(parse_cents("12"), Some(1200));
        assert_eq!(parse_cents("0.01"), Some(1));
        assert_eq!(parse_cents("1234567.89"), Some(123_456_789));
        for bad in [
            "", ".", "12.", ".5", "12.345", "-1.00", "+1", "1e3", "1,00", " 1", "abc",
        ] {
            assert_eq!(parse_cents(bad), None, "{bad:?}");
        }
        for cents in [0, 1, 9, 10, 99, 100, 101, 5750, 999_999] {
            assert_eq!(parse_cents(&format_cents(cents)), Some(cents));
        }
    }

    #[test]
    fn amounts_must_be_euros() {
        assert_eq!(
            euro_cents(&json!({"currency_code": "EUR", "value": "57.50"})),
            Some(5750)
        );
        assert_eq!(
            euro_cents(&json!({"currency_code": "USD", "value": "57.50"})),
            None
        );
        assert_eq!(
            euro_cents(&json!({"currency_code": "EUR", "value": 57.5})),
            None,
            "a JSON number is not PayPal's money"
        );
    }

    #[test]
    fn the_order_pays_the_provider_in_euros() {
        let req = CheckoutRequest {
            order_reference: "WM-20261126-7K3QX9".into(),
            provider_id: 1,
            amount_cents: 1250,
            description: "x".repeat(200),
            return_url: "https://wemi.example/area-personale/ordini/WM-1?pagamento=1".into(),
            idempotency_key: "order-1-attempt-1".into(),
        };
        let body = order_body(&req, "7KNGBPH2U58GQ");
        let unit = &body["purchase_units"][0];
        assert_eq!(body["intent"], "CAPTURE");
        assert_eq!(
            unit["amount"],
            json!({"currency_code": "EUR", "value": "12.50"})
        );
        assert_eq!(unit["payee"]["merchant_id"], "7KNGBPH2U58GQ");
        assert_eq!(unit["reference_id"], "WM-20261126-7K3QX9");
        assert_eq!(unit["description"].as_str().unwrap().chars().count(), 127);
        let context = &body["payment_source"]["paypal"]["experience_context"];
        assert_eq!(context["return_url"], req.return_url);
        assert_eq!(
            context["cancel_url"],
            "https://wemi.example/area-personale/ordini/WM-1"
        );
    }

    #[test]
    fn orders_and_captures_map_to_remote_status() {
        let order = |status: &str, capture: Option<&str>| {
            let captures: Vec<Value> = capture
                .map(|c| vec![json!({"id": "C1", "status": c})])
                .unwrap_or_default();
            json!({"status": status, "purchase_units": [{"payments": {"captures": captures}}]})
        };
        assert_eq!(
            order_status(&order("PAYER_ACTION_REQUIRED", None)),
            RemoteStatus::Open
        );
        assert_eq!(order_status(&order("APPROVED", None)), RemoteStatus::Open);
        assert_eq!(
            order_status(&order("VOIDED", None)),
            RemoteStatus::Cancelled
        );
        assert_eq!(
            order_status(&order("COMPLETED", Some("COMPLETED"))),
            RemoteStatus::Paid
        );
        assert_eq!(
            order_status(&order("COMPLETED", Some("REFUNDED"))),
            RemoteStatus::Paid
        );
        assert_eq!(
            order_status(&order("COMPLETED", Some("PENDING"))),
            RemoteStatus::Open
        );
        assert_eq!(
            order_status(&order("COMPLETED", Some("DECLINED"))),
            RemoteStatus::Failed
        );
    }

    #[test]
    fn payer_link_and_assertion() {
        let order = json!({"links": [
            {"rel": "self", "href": "https://api/x"},
            {"rel": "payer-action", "href": "https://www.paypal.com/checkoutnow?token=X"},
        ]});
        assert_eq!(
            payer_link(&order),
            Some("https://www.paypal.com/checkoutnow?token=X")
        );
        assert_eq!(payer_link(&json!({"links": []})), None);
        let assertion = auth_assertion("client", "MERCHANT1");
        let parts: Vec<&str> = assertion.split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[2], "", "unsigned");
        let payload: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(payload, json!({"iss": "client", "payer_id": "MERCHANT1"}));
    }
}

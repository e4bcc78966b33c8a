//! A fake PayPal REST API for the PayPal adapter's tests: OAuth2 client credentials, Orders v2
//! (create, show, capture), captured-payment refunds and webhook verification, over HTTP on
//! 127.0.0.1, with the checks PayPal makes.
//!
//! - `/v1/oauth2/token` wants HTTP Basic with the app's id and secret; every other call a live
//!   `Bearer` token it issued (401 otherwise).
//! - Every POST must carry `PayPal-Request-Id`; the same id replays the first answer.
//! - Money is `{"currency_code": "EUR", "value": "12.50"}`: a decimal **string** with two
//!   decimals (a JSON number is MALFORMED_REQUEST_JSON).
//! - The payee must be a merchant onboarded to the platform; refunds must name it in a
//!   `PayPal-Auth-Assertion` whose `iss` is the app's client id.
//! - An order is captured only once approved, and only once.
//!
//! The buyer's pages are skipped: [`FakePaypal::approve`] approves an order as the buyer would.
//! Webhooks the fake sends carry `PAYPAL-*` transmission headers; `verify-webhook-signature`
//! answers SUCCESS only for a delivery it made, unaltered, for the configured webhook id.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};

pub const CLIENT_ID: &str = "wemi-fake-paypal-client";
pub const CLIENT_SECRET: &str = "wemi-fake-paypal-secret";
pub const WEBHOOK_ID: &str = "1JE4291016473214C";
pub const AUTH_ALGO: &str = "SHA256withRSA";

/// A request as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub request_id: Option<String>,
    pub auth_assertion: Option<String>,
    /// The JSON body (Null when none or a form).
    pub body: Value,
    pub status: u16,
}

#[derive(Clone, Debug)]
pub struct Order {
    pub id: String,
    pub status: String,
    pub reference_id: String,
    pub amount_value: String,
    pub payee: String,
    pub return_url: String,
    pub cancel_url: String,
    pub capture: Option<Capture>,
}

#[derive(Clone, Debug)]
pub struct Capture {
    pub id: String,
    pub status: String,
    pub value: String,
    pub refunded_cents: i64,
}

#[derive(Clone, Debug)]
pub struct Refund {
    pub id: String,
    pub capture_id: String,
    pub value: String,
    /// The merchant named by the request's PayPal-Auth-Assertion.
    pub on_behalf_of: String,
}

#[derive(Default)]
struct Inner {
    merchants: Vec<String>,
    tokens: Vec<String>,
    token_requests: usize,
    orders: Vec<Order>,
    refunds: Vec<Refund>,
    idempotency: HashMap<String, (u16, Value)>,
    /// transmission id → (signature, the event sent).
    transmissions: HashMap<String, (String, Value)>,
    requests: Vec<Recorded>,
    decline_next_capture: bool,
    counter: u64,
}

struct Shared {
    base: String,
    inner: Mutex<Inner>,
}

impl Shared {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub struct FakePaypal {
    /// `http://127.0.0.1:PORT`: the adapter's `api_base`.
    pub base: String,
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakePaypal {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn error(status: StatusCode, name: &str, issue: &str) -> (StatusCode, Value) {
    (
        status,
        json!({
            "name": name,
            "message": "fake PayPal refused the request",
            "debug_id": "fakedebug",
            "details": [{"issue": issue}],
        }),
    )
}

/// PayPal's EUR amount: a string with exactly two decimals.
fn euro_value(amount: &Value) -> Result<(String, i64), (StatusCode, Value)> {
    if amount["currency_code"] != "EUR" {
        return Err(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "CURRENCY_NOT_SUPPORTED",
        ));
    }
    let Some(value) = amount["value"].as_str() else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "MALFORMED_REQUEST_JSON",
        ));
    };
    let cents = value
        .split_once('.')
        .filter(|(u, f)| {
            !u.is_empty()
                && f.len() == 2
                && u.bytes().all(|b| b.is_ascii_digit())
                && f.bytes().all(|b| b.is_ascii_digit())
        })
        .and_then(|(u, f)| Some(u.parse::<i64>().ok()? * 100 + f.parse::<i64>().ok()?));
    match cents {
        Some(c) if c > 0 => Ok((value.to_string(), c)),
        _ => Err(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "DECIMAL_PRECISION",
        )),
    }
}

fn cents_of(value: &str) -> i64 {
    let (u, f) = value.split_once('.').unwrap();
    u.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap()
}

fn order_json(base: &str, o: &Order) -> Value {
    let mut unit = json!({
        "reference_id": o.reference_id,
        "amount": {"currency_code": "EUR", "value": o.amount_value},
        "payee": {"merchant_id": o.payee},
    });
    if let Some(c) = &o.capture {
        unit["payments"] = json!({"captures": [capture_json(base, o, c)]});
    }
    let mut links = vec![json!({
        "href": format!("{base}/v2/checkout/orders/{}", o.id), "rel": "self", "method": "GET"
    })];
    if o.status == "PAYER_ACTION_REQUIRED" {
        links.push(json!({
            "href": format!("{base}/checkoutnow?token={}", o.id), "rel": "payer-action", "method": "GET"
        }));
    }
    json!({
        "id": o.id,
        "intent": "CAPTURE",
        "status": o.status,
        "purchase_units": [unit],
        "links": links,
    })
}

fn capture_json(base: &str, o: &Order, c: &Capture) -> Value {
    json!({
        "id": c.id,
        "status": c.status,
        "amount": {"currency_code": "EUR", "value": c.value},
        "final_capture": true,
        "supplementary_data": {"related_ids": {"order_id": o.id}},
        "links": [{"href": format!("{base}/v2/payments/captures/{}", c.id), "rel": "self", "method": "GET"}],
    })
}

fn signature_of(transmission_id: &str, time: &str, body: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"fake-paypal-signing-key").unwrap();
    mac.update(format!("{transmission_id}|{time}|{WEBHOOK_ID}|{body}").as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

impl FakePaypal {
    /// Starts on a free port; `merchants` are the merchant ids onboarded to the platform.
    pub async fn start(merchants: &[&str]) -> FakePaypal {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind the fake PayPal");
        let addr = listener.local_addr().expect("local address");
        let base = format!("http://{addr}");
        let shared = Arc::new(Shared {
            base: base.clone(),
            inner: Mutex::new(Inner {
                merchants: merchants.iter().map(|m| m.to_string()).collect(),
                ..Default::default()
            }),
        });
        let router = Router::new()
            .route("/v1/oauth2/token", post(api))
            .route("/v2/checkout/orders", post(api))
            .route("/v2/checkout/orders/{id}", get(api))
            .route("/v2/checkout/orders/{id}/capture", post(api))
            .route("/v2/payments/captures/{id}/refund", post(api))
            .route("/v1/notifications/verify-webhook-signature", post(api))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.expect("fake PayPal");
        });
        FakePaypal {
            base,
            addr,
            shared,
            task,
        }
    }

    pub fn settings(&self) -> server::config::PaypalSettings {
        server::config::PaypalSettings {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            webhook_id: WEBHOOK_ID.into(),
            api_base: self.base.clone(),
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.inner().requests.clone()
    }

    pub fn orders(&self) -> Vec<Order> {
        self.shared.inner().orders.clone()
    }

    pub fn order(&self, id: &str) -> Option<Order> {
        self.orders().into_iter().find(|o| o.id == id)
    }

    pub fn refunds(&self) -> Vec<Refund> {
        self.shared.inner().refunds.clone()
    }

    /// How many access tokens were asked for.
    pub fn token_requests(&self) -> usize {
        self.shared.inner().token_requests
    }

    /// Makes every token issued so far invalid (as when they expire).
    pub fn revoke_tokens(&self) {
        self.shared.inner().tokens.clear();
    }

    /// The next capture is refused (INSTRUMENT_DECLINED); the order stays approved.
    pub fn decline_next_capture(&self) {
        self.shared.inner().decline_next_capture = true;
    }

    /// The buyer approves the order on PayPal's pages.
    pub fn approve(&self, order_id: &str) {
        let mut inner = self.shared.inner();
        let order = inner
            .orders
            .iter_mut()
            .find(|o| o.id == order_id)
            .expect("an order of the fake");
        assert_eq!(order.status, "PAYER_ACTION_REQUIRED");
        order.status = "APPROVED".into();
    }

    /// The event PayPal sends about an order (`CHECKOUT.ORDER.*`) or its capture
    /// (`PAYMENT.CAPTURE.*`).
    pub fn event(&self, kind: &str, order_id: &str) -> Value {
        let inner = self.shared.inner();
        let order = inner
            .orders
            .iter()
            .find(|o| o.id == order_id)
            .expect("an order of the fake");
        let (resource_type, resource) = if kind.starts_with("PAYMENT.CAPTURE.") {
            let capture = order.capture.as_ref().expect("a captured order");
            ("capture", capture_json(&self.base, order, capture))
        } else {
            ("checkout-order", order_json(&self.base, order))
        };
        json!({
            "id": format!("WH-{}-{}", kind.replace('.', "-"), order_id),
            "event_version": "1.0",
            "create_time": "2026-11-26T10:00:00.000Z",
            "resource_type": resource_type,
            "resource_version": "2.0",
            "event_type": kind,
            "summary": format!("{kind} (fake)"),
            "resource": resource,
        })
    }

    /// Delivers `event` to `url` with transmission headers the fake can verify later;
    /// `tamper` changes the body after signing. Returns the portal's HTTP status.
    pub async fn deliver(&self, url: &str, event: &Value, tamper: bool) -> u16 {
        let body = event.to_string();
        let transmission_id = {
            let mut inner = self.shared.inner();
            inner.counter += 1;
            format!("fake-transmission-{:06}", inner.counter)
        };
        let time = "2026-11-26T10:00:01Z";
        let signature = signature_of(&transmission_id, time, &body);
        self.shared
            .inner()
            .transmissions
            .insert(transmission_id.clone(), (signature.clone(), event.clone()));
        let body = if tamper {
            // Another amount than the one signed.
            body.replacen("\"value\":\"", "\"value\":\"1", 1)
        } else {
            body
        };
        reqwest::Client::new()
            .post(url)
            .header("content-type", "application/json")
            .header("paypal-transmission-id", transmission_id)
            .header("paypal-transmission-time", time)
            .header("paypal-transmission-sig", signature)
            .header(
                "paypal-cert-url",
                format!("{}/v1/notifications/certs/CERT-fake", self.base),
            )
            .header("paypal-auth-algo", AUTH_ALGO)
            .body(body)
            .send()
            .await
            .expect("webhook delivery")
            .status()
            .as_u16()
    }
}

async fn api(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let path = uri.path().to_string();
    let request_id = header("paypal-request-id");
    let auth_assertion = header("paypal-auth-assertion");
    let json_body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut inner = shared.inner();
    let (status, value) = handle(
        &shared.base,
        &mut inner,
        &method,
        &path,
        &headers,
        &body,
        request_id.as_deref(),
    );
    inner.requests.push(Recorded {
        method: method.to_string(),
        path,
        request_id,
        auth_assertion,
        body: json_body,
        status: status.as_u16(),
    });
    drop(inner);
    (status, Json(value)).into_response()
}

fn handle(
    base: &str,
    inner: &mut Inner,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
    request_id: Option<&str>,
) -> (StatusCode, Value) {
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if path == "/v1/oauth2/token" {
        let expected = format!(
            "Basic {}",
            STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
        );
        let form: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
        if authorization != expected {
            return (
                StatusCode::UNAUTHORIZED,
                json!({"error": "invalid_client", "error_description": "Client Authentication failed"}),
            );
        }
        if !form
            .iter()
            .any(|(k, v)| k == "grant_type" && v == "client_credentials")
        {
            return (
                StatusCode::BAD_REQUEST,
                json!({"error": "unsupported_grant_type"}),
            );
        }
        inner.token_requests += 1;
        inner.counter += 1;
        let token = format!("A21AAfake{:06}", inner.counter);
        inner.tokens.push(token.clone());
        return (
            StatusCode::OK,
            json!({
                "scope": "https://uri.paypal.com/services/payments/payment",
                "access_token": token,
                "token_type": "Bearer",
                "app_id": "APP-80W284485P519543T",
                "expires_in": 32400,
                "nonce": "fake",
            }),
        );
    }
    let token = authorization.strip_prefix("Bearer ").unwrap_or_default();
    if !inner.tokens.iter().any(|t| t == token) {
        return (
            StatusCode::UNAUTHORIZED,
            json!({"error": "invalid_token", "error_description": "Token signature verification failed"}),
        );
    }
    let value: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(_) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "INVALID_REQUEST",
                    "MALFORMED_REQUEST_JSON",
                );
            }
        }
    };
    if *method == Method::GET {
        let id = path.trim_start_matches("/v2/checkout/orders/");
        return match inner.orders.iter().find(|o| o.id == id) {
            Some(o) => (StatusCode::OK, order_json(base, o)),
            None => error(
                StatusCode::NOT_FOUND,
                "RESOURCE_NOT_FOUND",
                "INVALID_RESOURCE_ID",
            ),
        };
    }
    if path == "/v1/notifications/verify-webhook-signature" {
        return (StatusCode::OK, verify(inner, &value));
    }
    // Every POST below is idempotent by its PayPal-Request-Id.
    let Some(request_id) = request_id.filter(|r| !r.is_empty()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "fake PayPal: PAYPAL_REQUEST_ID_REQUIRED",
        );
    };
    let slot = format!("{path}|{request_id}");
    if let Some((status, value)) = inner.idempotency.get(&slot) {
        return (StatusCode::from_u16(*status).unwrap(), value.clone());
    }
    let (status, answer) = if path == "/v2/checkout/orders" {
        create(base, inner, &value)
    } else if let Some(id) = path
        .strip_prefix("/v2/checkout/orders/")
        .and_then(|p| p.strip_suffix("/capture"))
    {
        capture(base, inner, id)
    } else if let Some(id) = path
        .strip_prefix("/v2/payments/captures/")
        .and_then(|p| p.strip_suffix("/refund"))
    {
        let assertion = headers
            .get("paypal-auth-assertion")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        refund(base, inner, id, &value, assertion)
    } else {
        error(
            StatusCode::NOT_FOUND,
            "RESOURCE_NOT_FOUND",
            "INVALID_RESOURCE_ID",
        )
    };
    // A refused request is not remembered (PayPal lets it be retried with the same id).
    if status.is_success() {
        inner
            .idempotency
            .insert(slot, (status.as_u16(), answer.clone()));
    }
    (status, answer)
}

fn create(base: &str, inner: &mut Inner, body: &Value) -> (StatusCode, Value) {
    if body["intent"] != "CAPTURE" {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "INVALID_PARAMETER_VALUE",
        );
    }
    let units = body["purchase_units"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let [unit] = units.as_slice() else {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "fake: one purchase unit",
        );
    };
    let (value, _) = match euro_value(&unit["amount"]) {
        Ok(v) => v,
        Err(e) => return e,
    };
    let payee = unit["payee"]["merchant_id"].as_str().unwrap_or_default();
    if !inner.merchants.iter().any(|m| m == payee) {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "PAYEE_ACCOUNT_INVALID",
        );
    }
    let reference_id = unit["reference_id"].as_str().unwrap_or_default();
    if reference_id.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "fake: reference_id required",
        );
    }
    if unit["description"]
        .as_str()
        .is_some_and(|d| d.chars().count() > 127)
    {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_REQUEST",
            "INVALID_STRING_LENGTH",
        );
    }
    let context = &body["payment_source"]["paypal"]["experience_context"];
    let (return_url, cancel_url) = (
        context["return_url"].as_str().unwrap_or_default(),
        context["cancel_url"].as_str().unwrap_or_default(),
    );
    for url in [return_url, cancel_url] {
        if !reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
            return error(
                StatusCode::BAD_REQUEST,
                "INVALID_REQUEST",
                "INVALID_PARAMETER_SYNTAX",
            );
        }
    }
    inner.counter += 1;
    let order = Order {
        id: format!("5O{:06}FAKE{:04}T", inner.counter, inner.orders.len()),
        status: "PAYER_ACTION_REQUIRED".into(),
        reference_id: reference_id.into(),
        amount_value: value,
        payee: payee.into(),
        return_url: return_url.into(),
        cancel_url: cancel_url.into(),
        capture: None,
    };
    let answer = order_json(base, &order);
    inner.orders.push(order);
    (StatusCode::OK, answer)
}

fn capture(base: &str, inner: &mut Inner, id: &str) -> (StatusCode, Value) {
    let decline = std::mem::take(&mut inner.decline_next_capture);
    inner.counter += 1;
    let capture_id = format!("3C{:06}FAKECAPT", inner.counter);
    let Some(order) = inner.orders.iter_mut().find(|o| o.id == id) else {
        return error(
            StatusCode::NOT_FOUND,
            "RESOURCE_NOT_FOUND",
            "INVALID_RESOURCE_ID",
        );
    };
    match order.status.as_str() {
        "APPROVED" if decline => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "INSTRUMENT_DECLINED",
        ),
        "APPROVED" => {
            order.status = "COMPLETED".into();
            order.capture = Some(Capture {
                id: capture_id,
                status: "COMPLETED".into(),
                value: order.amount_value.clone(),
                refunded_cents: 0,
            });
            (StatusCode::CREATED, order_json(base, order))
        }
        "COMPLETED" => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "ORDER_ALREADY_CAPTURED",
        ),
        _ => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "ORDER_NOT_APPROVED",
        ),
    }
}

fn refund(
    base: &str,
    inner: &mut Inner,
    capture_id: &str,
    body: &Value,
    assertion: &str,
) -> (StatusCode, Value) {
    let (value, cents) = match euro_value(&body["amount"]) {
        Ok(v) => v,
        Err(e) => return e,
    };
    let counter = inner.counter + 1;
    let Some(order) = inner
        .orders
        .iter_mut()
        .find(|o| o.capture.as_ref().is_some_and(|c| c.id == capture_id))
    else {
        return error(
            StatusCode::NOT_FOUND,
            "RESOURCE_NOT_FOUND",
            "INVALID_RESOURCE_ID",
        );
    };
    // The partner acts for the payee: the assertion must name it, issued by this app.
    let claims = assertion
        .split('.')
        .nth(1)
        .and_then(|p| URL_SAFE_NO_PAD.decode(p).ok())
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .unwrap_or(Value::Null);
    if claims["iss"] != CLIENT_ID || claims["payer_id"] != order.payee.as_str() {
        return error(StatusCode::FORBIDDEN, "NOT_AUTHORIZED", "PERMISSION_DENIED");
    }
    let capture = order.capture.as_mut().unwrap();
    if capture.refunded_cents + cents > cents_of(&capture.value) {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
            "REFUND_AMOUNT_EXCEEDED",
        );
    }
    capture.refunded_cents += cents;
    capture.status = if capture.refunded_cents == cents_of(&capture.value) {
        "REFUNDED".into()
    } else {
        "PARTIALLY_REFUNDED".into()
    };
    let refund = Refund {
        id: format!("1JU{counter:06}FAKEREF"),
        capture_id: capture_id.into(),
        value: value.clone(),
        on_behalf_of: order.payee.clone(),
    };
    inner.counter = counter;
    let answer = json!({
        "id": refund.id,
        "status": "COMPLETED",
        "amount": {"currency_code": "EUR", "value": value},
        "links": [{"href": format!("{base}/v2/payments/refunds/{}", refund.id), "rel": "self", "method": "GET"}],
    });
    inner.refunds.push(refund);
    (StatusCode::CREATED, answer)
}

fn verify(inner: &Inner, request: &Value) -> Value {
    let field = |name: &str| request[name].as_str().unwrap_or_default();
    let failure = json!({"verification_status": "FAILURE"});
    if field("webhook_id") != WEBHOOK_ID || field("auth_algo") != AUTH_ALGO {
        return failure;
    }
    if !field("cert_url").contains("/v1/notifications/certs/") {
        return failure;
    }
    let Some((signature, sent)) = inner.transmissions.get(field("transmission_id")) else {
        return failure;
    };
    let event = &request["webhook_event"];
    // The signature covers the event as sent: any change fails.
    if field("transmission_sig") != signature
        || event != sent
        || signature_of(
            field("transmission_id"),
            field("transmission_time"),
            &sent.to_string(),
        ) != *signature
    {
        return failure;
    }
    json!({"verification_status": "SUCCESS"})
}

//! A fake Stripe API for the Stripe adapter's tests: Checkout Sessions and refunds on connected
//! accounts (Connect direct charges), over HTTP on 127.0.0.1, with the checks Stripe makes.
//!
//! - `Authorization: Bearer <secret key>`, or 401.
//! - `Stripe-Account: acct_…` naming an account connected to the platform, or 403; objects live
//!   on their account and are not found from another (404), as with direct charges.
//! - Every POST must carry an `Idempotency-Key` (Stripe makes it optional; the portal promises
//!   it on every POST, so its absence is a 400 here). The same key with the same parameters
//!   replays the first answer (`Idempotent-Replayed: true`); with other parameters it is a 400.
//! - Amounts are integers of the smallest unit ("5750", never "57.50"); the currency is `eur`;
//!   the URLs are absolute.
//!
//! The hosted page is skipped: [`FakeStripe::pay`] completes a session as if the payer had paid
//! and delivers the signed `checkout.session.completed` Connect event to the portal. Every
//! request is recorded for the tests to read.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

pub const SECRET_KEY: &str = "sk_test_wemi_fake_platform";
pub const WEBHOOK_SECRET: &str = "whsec_wemi_fake_endpoint";

/// A request as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub account: Option<String>,
    pub idempotency_key: Option<String>,
    /// The decoded form (POST) in order.
    pub form: Vec<(String, String)>,
    /// The status the fake answered with.
    pub status: u16,
}

impl Recorded {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub account: String,
    pub amount_total: i64,
    pub currency: String,
    pub name: String,
    pub success_url: String,
    pub cancel_url: String,
    pub client_reference_id: String,
    pub metadata_order: String,
    pub status: String,
    pub payment_status: String,
    pub payment_intent: Option<String>,
    pub refunded: i64,
}

#[derive(Clone, Debug)]
pub struct Refund {
    pub id: String,
    pub account: String,
    pub payment_intent: String,
    pub amount: i64,
}

/// What an idempotency key was first used with: the parameters, and the status and body
/// answered.
type FirstUse = (Vec<(String, String)>, u16, Value);

#[derive(Default)]
struct Inner {
    accounts: Vec<String>,
    sessions: Vec<Session>,
    refunds: Vec<Refund>,
    /// (account, key) → its first use.
    idempotency: HashMap<(String, String), FirstUse>,
    requests: Vec<Recorded>,
    counter: u64,
}

pub struct FakeStripe {
    /// `http://127.0.0.1:PORT`: the adapter's `api_base`.
    pub base: String,
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
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

impl Drop for FakeStripe {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn stripe_error(status: StatusCode, kind: &str, message: &str) -> (StatusCode, Value) {
    (status, json!({"error": {"type": kind, "message": message}}))
}

fn session_json(base: &str, s: &Session) -> Value {
    json!({
        "id": s.id,
        "object": "checkout.session",
        "amount_subtotal": s.amount_total,
        "amount_total": s.amount_total,
        "cancel_url": s.cancel_url,
        "client_reference_id": s.client_reference_id,
        "currency": s.currency,
        "livemode": false,
        "metadata": {"order": s.metadata_order},
        "mode": "payment",
        "payment_intent": s.payment_intent,
        "payment_status": s.payment_status,
        "status": s.status,
        "success_url": s.success_url,
        "url": if s.status == "open" { Value::String(format!("{base}/c/pay/{}", s.id)) } else { Value::Null },
    })
}

/// An absolute http(s) URL, as Stripe requires for success and cancel URLs.
fn absolute_url(text: &str) -> bool {
    reqwest::Url::parse(text).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

impl FakeStripe {
    /// Starts on a free port; `accounts` are the connected accounts of the platform.
    pub async fn start(accounts: &[&str]) -> FakeStripe {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind the fake Stripe");
        let addr = listener.local_addr().expect("local address");
        let base = format!("http://{addr}");
        let shared = Arc::new(Shared {
            base: base.clone(),
            inner: Mutex::new(Inner {
                accounts: accounts.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            }),
        });
        let router = Router::new()
            .route("/v1/checkout/sessions", post(api))
            .route("/v1/checkout/sessions/{id}", get(api))
            .route("/v1/refunds", post(api))
            .route("/c/pay/{id}", get(hosted_page))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.expect("fake Stripe");
        });
        FakeStripe {
            base,
            addr,
            shared,
            task,
        }
    }

    pub fn settings(&self) -> server::config::StripeSettings {
        server::config::StripeSettings {
            secret_key: SECRET_KEY.into(),
            webhook_secret: WEBHOOK_SECRET.into(),
            api_base: self.base.clone(),
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.inner().requests.clone()
    }

    pub fn sessions(&self) -> Vec<Session> {
        self.shared.inner().sessions.clone()
    }

    pub fn refunds(&self) -> Vec<Refund> {
        self.shared.inner().refunds.clone()
    }

    pub fn session(&self, id: &str) -> Option<Session> {
        self.sessions().into_iter().find(|s| s.id == id)
    }

    /// The payer pays on the hosted page: the session completes, a PaymentIntent exists.
    /// Returns the `checkout.session.completed` event Stripe then sends (a Connect event).
    pub fn pay(&self, session_id: &str) -> Value {
        let mut inner = self.shared.inner();
        inner.counter += 1;
        let intent = format!("pi_fake_{:06}", inner.counter);
        let session = inner
            .sessions
            .iter_mut()
            .find(|s| s.id == session_id)
            .expect("a session of the fake");
        assert_eq!(session.status, "open", "only an open session can be paid");
        session.status = "complete".into();
        session.payment_status = "paid".into();
        session.payment_intent = Some(intent);
        let session = session.clone();
        inner.counter += 1;
        let event_id = format!("evt_fake_{:06}", inner.counter);
        drop(inner);
        self.event(&event_id, "checkout.session.completed", &session)
    }

    /// The session expires unpaid.
    pub fn expire(&self, session_id: &str) -> Value {
        let mut inner = self.shared.inner();
        let session = inner
            .sessions
            .iter_mut()
            .find(|s| s.id == session_id)
            .expect("a session of the fake");
        session.status = "expired".into();
        let session = session.clone();
        drop(inner);
        self.event(
            &format!("evt_expired_{session_id}"),
            "checkout.session.expired",
            &session,
        )
    }

    /// A Connect event about `session`, as Stripe builds it.
    pub fn event(&self, id: &str, kind: &str, session: &Session) -> Value {
        json!({
            "id": id,
            "object": "event",
            "api_version": "2025-06-30.basil",
            "account": session.account,
            "created": time::OffsetDateTime::now_utc().unix_timestamp(),
            "livemode": false,
            "type": kind,
            "data": {"object": session_json(&self.shared.base, session)},
        })
    }

    /// Delivers `event` to `url` signed with the webhook secret (or `signature` as given);
    /// returns the HTTP status the portal answered.
    pub async fn deliver(&self, url: &str, event: &Value, signature: Option<String>) -> u16 {
        let body = event.to_string();
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let header = signature.unwrap_or_else(|| {
            server::payments::signature::sign(WEBHOOK_SECRET, now, body.as_bytes())
        });
        reqwest::Client::new()
            .post(url)
            .header("content-type", "application/json")
            .header("stripe-signature", header)
            .body(body)
            .send()
            .await
            .expect("webhook delivery")
            .status()
            .as_u16()
    }
}

async fn hosted_page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    match shared.inner().sessions.iter().find(|s| s.id == id) {
        Some(s) => format!(
            "<html><body><h1>Stripe Checkout (fake)</h1><p>{} – {} cents</p></body></html>",
            s.name, s.amount_total
        )
        .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Every API call: authentication, account, idempotency, then the operation.
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
    let account = header("stripe-account");
    let idempotency_key = header("idempotency-key");
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let path = uri.path().to_string();
    let mut inner = shared.inner();
    let (status, value, replayed) = handle(
        &shared.base,
        &mut inner,
        &method,
        &path,
        header("authorization").as_deref(),
        account.as_deref(),
        idempotency_key.as_deref(),
        &form,
    );
    inner.requests.push(Recorded {
        method: method.to_string(),
        path,
        account,
        idempotency_key,
        form,
        status: status.as_u16(),
    });
    drop(inner);
    let mut response = (status, Json(value)).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", "true".parse().unwrap());
    }
    response
}

#[allow(clippy::too_many_arguments)]
fn handle(
    base: &str,
    inner: &mut Inner,
    method: &Method,
    path: &str,
    authorization: Option<&str>,
    account: Option<&str>,
    idempotency_key: Option<&str>,
    form: &[(String, String)],
) -> (StatusCode, Value, bool) {
    if authorization != Some(&format!("Bearer {SECRET_KEY}")) {
        let (s, v) = stripe_error(
            StatusCode::UNAUTHORIZED,
            "invalid_request_error",
            "Invalid API Key provided",
        );
        return (s, v, false);
    }
    let Some(account) = account else {
        let (s, v) = stripe_error(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            "Direct charges: the Stripe-Account header must name the connected account",
        );
        return (s, v, false);
    };
    if !inner.accounts.iter().any(|a| a == account) {
        let (s, v) = stripe_error(
            StatusCode::FORBIDDEN,
            "invalid_request_error",
            "The provided key does not have access to account (or that account does not exist)",
        );
        return (s, v, false);
    }
    if *method == Method::POST {
        let Some(key) = idempotency_key.filter(|k| !k.is_empty()) else {
            let (s, v) = stripe_error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "fake Stripe: every POST must carry an Idempotency-Key",
            );
            return (s, v, false);
        };
        let slot = (account.to_string(), key.to_string());
        if let Some((params, status, value)) = inner.idempotency.get(&slot) {
            if params.as_slice() != form {
                let (s, v) = stripe_error(
                    StatusCode::BAD_REQUEST,
                    "idempotency_error",
                    "Keys for idempotent requests can only be used with the same parameters they were first used with",
                );
                return (s, v, false);
            }
            return (StatusCode::from_u16(*status).unwrap(), value.clone(), true);
        }
        let (status, value) = operate(base, inner, method, path, account, form);
        inner
            .idempotency
            .insert(slot, (form.to_vec(), status.as_u16(), value.clone()));
        return (status, value, false);
    }
    let (status, value) = operate(base, inner, method, path, account, form);
    (status, value, false)
}

fn operate(
    base: &str,
    inner: &mut Inner,
    method: &Method,
    path: &str,
    account: &str,
    form: &[(String, String)],
) -> (StatusCode, Value) {
    let param = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let invalid =
        |message: String| stripe_error(StatusCode::BAD_REQUEST, "invalid_request_error", &message);
    let integer = |name: &str| -> Result<i64, (StatusCode, Value)> {
        let text =
            param(name).ok_or_else(|| invalid(format!("Missing required param: {name}.")))?;
        match text.parse::<i64>() {
            Ok(n) if n >= 0 && text.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(invalid(format!("Invalid integer: {text}"))),
        }
    };
    match (method.as_str(), path) {
        ("POST", "/v1/checkout/sessions") => {
            let check = || -> Result<Session, (StatusCode, Value)> {
                if param("mode") != Some("payment") {
                    return Err(invalid("mode must be payment".into()));
                }
                let amount = integer("line_items[0][price_data][unit_amount]")?;
                if amount < 50 {
                    return Err(invalid("Amount must be at least €0.50 eur".into()));
                }
                if integer("line_items[0][quantity]")? != 1 {
                    return Err(invalid("fake Stripe: one line of quantity 1".into()));
                }
                let currency = param("line_items[0][price_data][currency]").unwrap_or_default();
                if currency != "eur" {
                    return Err(invalid(format!(
                        "fake Stripe: currency {currency}, not eur"
                    )));
                }
                let name = param("line_items[0][price_data][product_data][name]")
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| invalid("Missing product_data[name]".into()))?;
                let success_url = param("success_url").unwrap_or_default();
                let cancel_url = param("cancel_url").unwrap_or_default();
                for url in [success_url, cancel_url] {
                    if !absolute_url(url) {
                        return Err(invalid(format!("Not a valid URL: {url}")));
                    }
                }
                let client_reference_id = param("client_reference_id").unwrap_or_default();
                if client_reference_id.is_empty() || client_reference_id.len() > 200 {
                    return Err(invalid("client_reference_id required (fake)".into()));
                }
                Ok(Session {
                    id: String::new(),
                    account: account.to_string(),
                    amount_total: amount,
                    currency: currency.into(),
                    name: name.into(),
                    success_url: success_url.into(),
                    cancel_url: cancel_url.into(),
                    client_reference_id: client_reference_id.into(),
                    metadata_order: param("metadata[order]").unwrap_or_default().into(),
                    status: "open".into(),
                    payment_status: "unpaid".into(),
                    payment_intent: None,
                    refunded: 0,
                })
            };
            match check() {
                Ok(mut session) => {
                    inner.counter += 1;
                    session.id = format!("cs_test_fake{:06}", inner.counter);
                    let value = session_json(base, &session);
                    inner.sessions.push(session);
                    (StatusCode::OK, value)
                }
                Err(err) => err,
            }
        }
        ("GET", p) if p.starts_with("/v1/checkout/sessions/") => {
            let id = &p["/v1/checkout/sessions/".len()..];
            match inner
                .sessions
                .iter()
                .find(|s| s.id == id && s.account == account)
            {
                Some(s) => (StatusCode::OK, session_json(base, s)),
                None => stripe_error(
                    StatusCode::NOT_FOUND,
                    "invalid_request_error",
                    &format!("No such checkout.session: '{id}'"),
                ),
            }
        }
        ("POST", "/v1/refunds") => {
            let amount = match integer("amount") {
                Ok(a) if a > 0 => a,
                Ok(_) => return invalid("amount must be positive".into()),
                Err(err) => return err,
            };
            let Some(intent) = param("payment_intent") else {
                return invalid("One of charge or payment_intent is required.".into());
            };
            let Some(session) = inner
                .sessions
                .iter_mut()
                .find(|s| s.account == account && s.payment_intent.as_deref() == Some(intent))
            else {
                return stripe_error(
                    StatusCode::NOT_FOUND,
                    "invalid_request_error",
                    &format!("No such payment_intent: '{intent}'"),
                );
            };
            if session.refunded + amount > session.amount_total {
                return invalid(format!(
                    "Refund amount ({amount}) is greater than unrefunded amount on charge ({})",
                    session.amount_total - session.refunded
                ));
            }
            session.refunded += amount;
            inner.counter += 1;
            let refund = Refund {
                id: format!("re_fake_{:06}", inner.counter),
                account: account.to_string(),
                payment_intent: intent.to_string(),
                amount,
            };
            let value = json!({
                "id": refund.id,
                "object": "refund",
                "amount": amount,
                "currency": "eur",
                "payment_intent": intent,
                "status": "succeeded",
            });
            inner.refunds.push(refund);
            (StatusCode::OK, value)
        }
        _ => stripe_error(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "Unrecognized request URL",
        ),
    }
}

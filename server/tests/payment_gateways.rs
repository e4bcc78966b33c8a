//! The real gateway adapters (Stripe, PayPal) on the real server, on both engines, against
//! local fakes that speak the gateways' APIs and make their checks (`common::fake_stripe`,
//! `common::fake_paypal`): the production adapter code is what runs. From the cart to paid
//! (webhook and status pull), idempotent checkouts, forged webhooks refused, refunds through the
//! gateway on the provider's account, and a provider without an account charged nothing.

use serde_json::Value;
use server::config::PaymentsGateway;
use server::payments::accounts::{self, AccountGateway, SecretKey};
use server::payments::{CheckoutRequest, GatewayError};
use server::store::Db;

use crate::common::fake_paypal::FakePaypal;
use crate::common::fake_stripe::FakeStripe;
use crate::common::{self, Engine, TestServer, login, plain_client, redirect, scalar, text};

const CITIZEN: &str = "cittadino@demo.wemi.example";
/// A paid service of the demo provider whose admin is `ente@demo…` (the first provider).
const PROVIDER_SERVICE: &str = "supporto-psicologico-per-anziani-e-nel-lutto";
const FIRST_PROVIDER: &str = "coop-sole-nascente";

const ACCT_OURS: &str = "acct_1WemiSoleNascente";
const ACCT_THEIRS: &str = "acct_1WemiAltroEnte";
const MERCHANT_OURS: &str = "7KNGBPH2U58GQ";
const MERCHANT_THEIRS: &str = "Q2J8ZR4WXL5NA";

fn test_key() -> SecretKey {
    SecretKey::from_bytes(*b"wemi-test-key-32-bytes-long!!!!!")
}

/// A server function's JSON answer.
async fn read(server: &TestServer, path: &str, cookie: &str, form: &[(&str, &str)]) -> Value {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The order as the citizen sees it; `refresh`: back from the gateway (a status pull).
async fn order(server: &TestServer, cookie: &str, reference: &str, refresh: bool) -> Value {
    let mut form = vec![("reference", reference)];
    if refresh {
        form.push(("refresh", "true"));
    }
    read(server, "/fn/load_order", cookie, &form).await
}

fn state_of(detail: &Value) -> &str {
    detail["summary"]["state"].as_str().unwrap()
}

fn gateway_cents(detail: &Value) -> i64 {
    detail["summary"]["gateway_cents"].as_i64().unwrap()
}

struct Bought {
    citizen: String,
    /// The first provider's order (it has a payment account) and the other's (none yet).
    ours: String,
    theirs: String,
    ours_provider: i64,
    theirs_provider: i64,
}

/// The citizen buys a service of the first provider and one of another, paying by
/// `method`: two orders awaiting payment.
async fn buy_from_two_providers(server: &TestServer, method: &str) -> Bought {
    let db = &server.db;
    let ours_service = scalar(
        db,
        &format!("SELECT id FROM services WHERE slug = '{PROVIDER_SERVICE}'"),
    )
    .await;
    let ours_provider = scalar(
        db,
        &format!("SELECT provider_id FROM services WHERE id = {ours_service}"),
    )
    .await;
    assert_eq!(
        text(
            db,
            &format!("SELECT slug FROM providers WHERE id = {ours_provider}")
        )
        .await,
        FIRST_PROVIDER
    );
    let theirs_service = scalar(
        db,
        &format!(
            "SELECT s.id FROM services s WHERE s.pricing = 'paid' AND s.mode = 'individual' \
             AND NOT s.quote_required AND s.status = 'validated' AND s.provider_id <> {ours_provider} \
             AND (SELECT COUNT(*) FROM price_tiers t WHERE t.service_id = s.id) = 1 \
             ORDER BY s.id LIMIT 1"
        ),
    )
    .await;
    let theirs_provider = scalar(
        db,
        &format!("SELECT provider_id FROM services WHERE id = {theirs_service}"),
    )
    .await;
    let citizen = login(server, CITIZEN, None).await;
    for service in [ours_service, theirs_service] {
        redirect(
            server,
            "/fn/add_to_cart",
            &citizen,
            &[
                ("service_id", &service.to_string()),
                ("quantity", "1"),
                ("people", "1"),
                ("back", "/servizi/x"),
            ],
        )
        .await;
    }
    let saved = redirect(
        server,
        "/fn/save_checkout_draft",
        &citizen,
        &[
            ("billing_name", "Giulia Rossi"),
            ("billing_email", CITIZEN),
            ("payment_method", method),
        ],
    )
    .await;
    assert!(saved.starts_with("/carrello/riepilogo"), "{saved}");
    let cart = read(server, "/fn/load_cart", &citizen, &[]).await;
    let key = cart["checkout_key"].as_str().unwrap().to_string();
    let placed = redirect(
        server,
        "/fn/place_orders",
        &citizen,
        &[("checkout_key", &key)],
    )
    .await;
    assert!(placed.contains("creati=2"), "{placed}");
    let mine = read(server, "/fn/my_orders", &citizen, &[("page", "1")]).await;
    let reference_of = |provider: i64| {
        mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["provider_id"] == provider)
            .unwrap()["reference"]
            .as_str()
            .unwrap()
            .to_string()
    };
    Bought {
        ours: reference_of(ours_provider),
        theirs: reference_of(theirs_provider),
        citizen,
        ours_provider,
        theirs_provider,
    }
}

async fn order_id(db: &Db, reference: &str) -> i64 {
    scalar(
        db,
        &format!("SELECT id FROM orders WHERE reference = '{reference}'"),
    )
    .await
}

/// The request the portal makes for an order's first payment attempt.
async fn first_attempt(server: &TestServer, detail: &Value, reference: &str) -> CheckoutRequest {
    let db = &server.db;
    let id = order_id(db, reference).await;
    let provider_id = detail["summary"]["provider_id"].as_i64().unwrap();
    let provider_name = text(
        db,
        &format!("SELECT name FROM providers WHERE id = {provider_id}"),
    )
    .await;
    CheckoutRequest {
        order_reference: reference.to_string(),
        provider_id,
        amount_cents: gateway_cents(detail),
        description: format!("{provider_name} – {reference}"),
        return_url: format!(
            "{}/area-personale/ordini/{reference}?pagamento=1",
            server.base
        ),
        idempotency_key: format!("order-{id}-attempt-1"),
    }
}

async fn payment_confirmations(db: &Db, reference: &str) -> i64 {
    scalar(
        db,
        &format!(
            "SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id \
             WHERE o.reference = '{reference}' AND e.event = 'payment_confirmed'"
        ),
    )
    .await
}

async fn citizen_cancels(server: &TestServer, cookie: &str, reference: &str) {
    let done = redirect(
        server,
        "/fn/order_action",
        cookie,
        &[
            ("reference", reference),
            ("action", "cancel_by_citizen"),
            ("reason", "cambio di programma"),
        ],
    )
    .await;
    assert!(done.contains("fatto=1"), "{done}");
}

// ---------------------------------------------------------------------------------------------
// Stripe

fn run_stripe(engine: Engine) {
    common::runtime().block_on(async {
        let fake = FakeStripe::start(&[ACCT_OURS, ACCT_THEIRS]).await;
        let settings = fake.settings();
        let server = TestServer::start_configured(engine, |config| {
            config.payments = PaymentsGateway::Stripe;
            config.stripe = Some(settings);
            config.secret_key = Some(test_key());
        })
        .await;
        stripe_from_cart_to_refund(&server, &fake).await;
        server.stop().await;
    });
}

#[test]
fn stripe_sqlite() {
    run_stripe(Engine::Sqlite);
}

#[test]
fn stripe_postgres() {
    run_stripe(Engine::Postgres);
}

async fn stripe_from_cart_to_refund(server: &TestServer, fake: &FakeStripe) {
    let db = &server.db;
    assert_eq!(server.buying.gateway().name(), "stripe");
    let bought = buy_from_two_providers(server, "card").await;
    let citizen = &bought.citizen;

    // The first provider's connected account, stored encrypted.
    accounts::set(
        db,
        &test_key(),
        bought.ours_provider,
        AccountGateway::Stripe,
        ACCT_OURS,
    )
    .await
    .unwrap();
    let stored = accounts::stored(db, bought.ours_provider, AccountGateway::Stripe)
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.contains(ACCT_OURS), "not in clear: {stored}");
    assert_eq!(
        accounts::get(
            db,
            &test_key(),
            bought.ours_provider,
            AccountGateway::Stripe
        )
        .await
        .unwrap()
        .as_deref(),
        Some(ACCT_OURS)
    );

    // A provider without an account: the payment service is unavailable, nothing is charged.
    let refused = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.theirs)],
    )
    .await;
    assert!(refused.contains("errore=gateway"), "{refused}");
    assert!(fake.requests().is_empty(), "nothing asked of Stripe");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM payments").await,
        0,
        "no attempt recorded"
    );

    // Pay: to Stripe's hosted page, a session on the provider's connected account.
    let detail = order(server, citizen, &bought.ours, false).await;
    let amount = gateway_cents(&detail);
    assert!(amount > 0);
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.ours)],
    )
    .await;
    assert!(
        to_gateway.starts_with(&format!("{}/c/pay/cs_test_", fake.base)),
        "{to_gateway}"
    );
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1);
    let session = sessions[0].clone();
    assert_eq!(
        session.account, ACCT_OURS,
        "a direct charge on the provider"
    );
    assert_eq!(session.amount_total, amount);
    assert_eq!(session.currency, "eur");
    assert_eq!(session.client_reference_id, bought.ours);
    assert_eq!(session.metadata_order, bought.ours);
    let order_page = format!("{}/area-personale/ordini/{}", server.base, bought.ours);
    assert_eq!(session.success_url, format!("{order_page}?pagamento=1"));
    assert_eq!(session.cancel_url, order_page);
    let created = &fake.requests()[0];
    assert_eq!(
        (created.method.as_str(), created.path.as_str()),
        ("POST", "/v1/checkout/sessions")
    );
    assert_eq!(created.account.as_deref(), Some(ACCT_OURS));
    let id = order_id(db, &bought.ours).await;
    assert_eq!(
        created.idempotency_key.as_deref(),
        Some(format!("order-{id}-attempt-1").as_str())
    );
    assert_eq!(
        created.param("line_items[0][price_data][unit_amount]"),
        Some(amount.to_string().as_str()),
        "integer cents"
    );
    assert_eq!(created.param("mode"), Some("payment"));
    assert_eq!(created.param("line_items[0][quantity]"), Some("1"));
    let gateway_ref = text(
        db,
        &format!("SELECT gateway_ref FROM payments WHERE order_id = {id}"),
    )
    .await;
    assert_eq!(gateway_ref, format!("{ACCT_OURS}:{}", session.id));

    // Asked again (double click, back button): the same session, no second one.
    let again = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.ours)],
    )
    .await;
    assert_eq!(again, to_gateway);
    assert_eq!(fake.sessions().len(), 1);
    // The adapter itself, retried with the same idempotency key: Stripe replays the session.
    let request = first_attempt(server, &detail, &bought.ours).await;
    let replayed = server
        .buying
        .gateway()
        .create_checkout(&request)
        .await
        .unwrap();
    assert_eq!(replayed.gateway_ref, gateway_ref);
    assert_eq!(replayed.redirect_url, to_gateway);
    assert_eq!(fake.sessions().len(), 1, "one session at Stripe");
    let posts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].idempotency_key, posts[1].idempotency_key);
    // The same key for another amount is refused, never a second charge.
    let mut changed = request.clone();
    changed.amount_cents += 100;
    assert!(matches!(
        server.buying.gateway().create_checkout(&changed).await,
        Err(GatewayError::Unavailable(_))
    ));
    assert_eq!(fake.sessions().len(), 1);

    // Back from the page before paying: the status pull finds the session open.
    assert_eq!(
        state_of(&order(server, citizen, &bought.ours, true).await),
        "awaiting_payment"
    );

    // The payer pays; Stripe's webhook: forged or wrongly signed deliveries change nothing.
    let event = fake.pay(&session.id);
    let webhook = server.url("/webhooks/stripe");
    assert_eq!(
        fake.deliver(&webhook, &event, Some("t=1,v1=00".into()))
            .await,
        400
    );
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let wrong_secret =
        server::payments::signature::sign("whsec_not_ours", now, event.to_string().as_bytes());
    assert_eq!(
        fake.deliver(&webhook, &event, Some(wrong_secret)).await,
        400
    );
    assert_eq!(
        fake.deliver(&server.url("/webhooks/demo"), &event, None)
            .await,
        404,
        "only the configured gateway's endpoint"
    );
    assert_eq!(
        state_of(&order(server, citizen, &bought.ours, false).await),
        "awaiting_payment"
    );
    // Signed: paid; redelivered: acknowledged, paid once.
    assert_eq!(fake.deliver(&webhook, &event, None).await, 200);
    assert_eq!(
        state_of(&order(server, citizen, &bought.ours, false).await),
        "paid"
    );
    assert_eq!(fake.deliver(&webhook, &event, None).await, 200);
    assert_eq!(payment_confirmations(db, &bought.ours).await, 1);

    // The citizen cancels the paid order: the money goes back through Stripe, on the
    // provider's account, for the amount paid.
    citizen_cancels(server, citizen, &bought.ours).await;
    let refunded = order(server, citizen, &bought.ours, false).await;
    assert_eq!(state_of(&refunded), "refunded", "{refunded}");
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].account, ACCT_OURS);
    assert_eq!(refunds[0].amount, amount);
    assert_eq!(
        Some(refunds[0].payment_intent.clone()),
        fake.session(&session.id).unwrap().payment_intent
    );
    let refund_call = fake
        .requests()
        .into_iter()
        .find(|r| r.path == "/v1/refunds")
        .unwrap();
    assert_eq!(refund_call.account.as_deref(), Some(ACCT_OURS));
    assert!(refund_call.idempotency_key.is_some());
    assert_eq!(
        refund_call.param("amount"),
        Some(amount.to_string().as_str())
    );
    assert_eq!(
        text(
            db,
            &format!("SELECT gateway_ref FROM refunds WHERE order_id = {id}")
        )
        .await,
        refunds[0].id
    );

    // The other provider connects its account; its order is paid and the webhook is lost:
    // the status pull when the citizen comes back settles it, on that provider's account.
    accounts::set(
        db,
        &test_key(),
        bought.theirs_provider,
        AccountGateway::Stripe,
        ACCT_THEIRS,
    )
    .await
    .unwrap();
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.theirs)],
    )
    .await;
    let session_id = to_gateway.rsplit('/').next().unwrap().to_string();
    assert_eq!(fake.session(&session_id).unwrap().account, ACCT_THEIRS);
    fake.pay(&session_id);
    assert_eq!(
        state_of(&order(server, citizen, &bought.theirs, true).await),
        "paid"
    );
    let pulled = fake
        .requests()
        .into_iter()
        .rfind(|r| r.method == "GET")
        .unwrap();
    assert_eq!(pulled.path, format!("/v1/checkout/sessions/{session_id}"));
    assert_eq!(pulled.account.as_deref(), Some(ACCT_THEIRS));
    assert!(
        fake.requests()
            .iter()
            .filter(|r| r.method == "POST")
            .all(|r| r.idempotency_key.is_some() && r.account.is_some()),
        "every POST carries an Idempotency-Key and the connected account"
    );
}

// ---------------------------------------------------------------------------------------------
// PayPal

fn run_paypal(engine: Engine) {
    common::runtime().block_on(async {
        let fake = FakePaypal::start(&[MERCHANT_OURS, MERCHANT_THEIRS]).await;
        let settings = fake.settings();
        let server = TestServer::start_configured(engine, |config| {
            config.payments = PaymentsGateway::Paypal;
            config.paypal = Some(settings);
            config.secret_key = Some(test_key());
        })
        .await;
        paypal_from_cart_to_refund(&server, &fake).await;
        server.stop().await;
    });
}

#[test]
fn paypal_sqlite() {
    run_paypal(Engine::Sqlite);
}

#[test]
fn paypal_postgres() {
    run_paypal(Engine::Postgres);
}

fn cents_as_paypal(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

async fn paypal_from_cart_to_refund(server: &TestServer, fake: &FakePaypal) {
    let db = &server.db;
    assert_eq!(server.buying.gateway().name(), "paypal");
    let bought = buy_from_two_providers(server, "paypal").await;
    let citizen = &bought.citizen;
    accounts::set(
        db,
        &test_key(),
        bought.ours_provider,
        AccountGateway::Paypal,
        MERCHANT_OURS,
    )
    .await
    .unwrap();

    // A provider without a PayPal account: unavailable, nothing asked of PayPal.
    let refused = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.theirs)],
    )
    .await;
    assert!(refused.contains("errore=gateway"), "{refused}");
    assert!(fake.requests().is_empty());
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM payments").await, 0);

    // Pay: an order paid to the provider, the citizen sent to PayPal's approval page.
    let detail = order(server, citizen, &bought.ours, false).await;
    let amount = gateway_cents(&detail);
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.ours)],
    )
    .await;
    let orders = fake.orders();
    assert_eq!(orders.len(), 1);
    let paypal_order = orders[0].clone();
    assert_eq!(
        to_gateway,
        format!("{}/checkoutnow?token={}", fake.base, paypal_order.id)
    );
    assert_eq!(paypal_order.payee, MERCHANT_OURS, "the provider is paid");
    assert_eq!(paypal_order.amount_value, cents_as_paypal(amount));
    assert_eq!(paypal_order.reference_id, bought.ours);
    let order_page = format!("{}/area-personale/ordini/{}", server.base, bought.ours);
    assert_eq!(paypal_order.return_url, format!("{order_page}?pagamento=1"));
    assert_eq!(paypal_order.cancel_url, order_page);
    let requests = fake.requests();
    assert_eq!(requests[0].path, "/v1/oauth2/token");
    let created = &requests[1];
    assert_eq!(created.path, "/v2/checkout/orders");
    let id = order_id(db, &bought.ours).await;
    assert_eq!(
        created.request_id.as_deref(),
        Some(format!("order-{id}-attempt-1").as_str())
    );
    let sent_amount = &created.body["purchase_units"][0]["amount"];
    assert_eq!(sent_amount["currency_code"], "EUR");
    assert!(sent_amount["value"].is_string(), "a decimal string");
    assert_eq!(created.body["intent"], "CAPTURE");

    // Again, and the adapter retried with the same PayPal-Request-Id: one order at PayPal.
    let again = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.ours)],
    )
    .await;
    assert_eq!(again, to_gateway);
    let request = first_attempt(server, &detail, &bought.ours).await;
    let replayed = server
        .buying
        .gateway()
        .create_checkout(&request)
        .await
        .unwrap();
    assert_eq!(replayed.gateway_ref, paypal_order.id);
    assert_eq!(fake.orders().len(), 1);

    // Back before approving: still open.
    assert_eq!(
        state_of(&order(server, citizen, &bought.ours, true).await),
        "awaiting_payment"
    );

    // Forged deliveries: PayPal does not verify them, the portal refuses them.
    let webhook = server.url("/webhooks/paypal");
    let event = fake.event("CHECKOUT.ORDER.APPROVED", &paypal_order.id);
    assert_eq!(fake.deliver(&webhook, &event, true).await, 400, "tampered");
    let unsigned = plain_client()
        .post(&webhook)
        .header("content-type", "application/json")
        .body(event.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), 400, "no transmission headers");
    assert!(
        fake.requests()
            .iter()
            .all(|r| !r.path.ends_with("/capture")),
        "nothing captured on a forged event"
    );

    // The citizen approves and comes back: the status pull captures, the order is paid.
    fake.approve(&paypal_order.id);
    assert_eq!(
        state_of(&order(server, citizen, &bought.ours, true).await),
        "paid"
    );
    let captured = fake.order(&paypal_order.id).unwrap();
    assert_eq!(captured.status, "COMPLETED");
    let capture_call = fake
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/capture"))
        .unwrap();
    assert!(capture_call.request_id.is_some());
    // PayPal's capture webhook afterwards (and again): acknowledged, paid once.
    let completed = fake.event("PAYMENT.CAPTURE.COMPLETED", &paypal_order.id);
    assert_eq!(fake.deliver(&webhook, &completed, false).await, 200);
    assert_eq!(fake.deliver(&webhook, &completed, false).await, 200);
    assert_eq!(payment_confirmations(db, &bought.ours).await, 1);
    assert_eq!(fake.token_requests(), 1, "the access token is reused");

    // A token PayPal no longer takes is replaced once, transparently.
    fake.revoke_tokens();
    citizen_cancels(server, citizen, &bought.ours).await;
    assert_eq!(fake.token_requests(), 2);
    // The refund went through PayPal, on behalf of the provider, for the amount paid.
    let refunded = order(server, citizen, &bought.ours, false).await;
    assert_eq!(state_of(&refunded), "refunded", "{refunded}");
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].value, cents_as_paypal(amount));
    assert_eq!(refunds[0].on_behalf_of, MERCHANT_OURS);
    assert_eq!(refunds[0].capture_id, captured.capture.as_ref().unwrap().id);
    let refund_call = fake
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/refund"))
        .unwrap();
    assert!(refund_call.request_id.is_some());
    assert!(refund_call.auth_assertion.is_some());
    assert_eq!(
        refund_call.body["amount"]["value"],
        cents_as_paypal(amount).as_str()
    );

    // The other provider: declined at capture, paid at the second attempt by the webhook.
    accounts::set(
        db,
        &test_key(),
        bought.theirs_provider,
        AccountGateway::Paypal,
        MERCHANT_THEIRS,
    )
    .await
    .unwrap();
    let first = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.theirs)],
    )
    .await;
    let first_id = first.rsplit('=').next().unwrap().to_string();
    assert_eq!(fake.order(&first_id).unwrap().payee, MERCHANT_THEIRS);
    fake.approve(&first_id);
    fake.decline_next_capture();
    assert_eq!(
        state_of(&order(server, citizen, &bought.theirs, true).await),
        "payment_failed"
    );
    let second = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", &bought.theirs)],
    )
    .await;
    assert_ne!(second, first, "a new attempt, a new PayPal order");
    let second_id = second.rsplit('=').next().unwrap().to_string();
    fake.approve(&second_id);
    let approved = fake.event("CHECKOUT.ORDER.APPROVED", &second_id);
    assert_eq!(fake.deliver(&webhook, &approved, false).await, 200);
    assert_eq!(
        state_of(&order(server, citizen, &bought.theirs, false).await),
        "paid",
        "the webhook captured it"
    );
    assert_eq!(fake.order(&second_id).unwrap().status, "COMPLETED");
    let verifications = fake
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/notifications/verify-webhook-signature")
        .count();
    assert!(verifications >= 4, "every delivery verified by PayPal");
    assert_eq!(
        fake.requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.starts_with("/v2/"))
            .filter(|r| r.request_id.is_none())
            .count(),
        0,
        "every POST carries a PayPal-Request-Id"
    );
}

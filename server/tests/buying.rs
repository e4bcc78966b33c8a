//! Buying on the real server, on both engines: the cart priced by the server (never by the
//! form), checkout into one order per provider (idempotent), payment through the demo gateway's
//! hosted page and its signed webhook, redelivered and forged webhooks, provider and citizen
//! actions along the state machine, refunds through the gateway, vouchers spent and given back
//! at expiry, and seats of a shared service that concurrent buyers cannot overbook.

use app::model::SessionUser;
use app::ports::{Buying, BuyingError, CartOwner, ClientInfo, NewCartItem};
use serde_json::Value;
use server::store::Db;

use crate::common::{self, TestServer, execute, login, plain_client, read, redirect, scalar, text};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const WORKER: &str = "lavoratrice@demo.wemi.example";
const PROVIDER_ADMIN: &str = "ente@demo.wemi.example";
/// The demo provider whose admin is `ente@demo…`, and one of its paid services (€57.50).
const PROVIDER_SERVICE: &str = "supporto-psicologico-per-anziani-e-nel-lutto";
const SHARED_SERVICE: &str = "parent-training-per-genitori-di-bambini-con-adhd";

/// A form post from this site's page (as a browser sends it: fetch metadata same-origin).
async fn post(
    server: &TestServer,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .header("sec-fetch-site", "same-origin")
        .form(form)
        .send()
        .await
        .unwrap()
}

/// The unit price (cents) the price list gives a quantity for one person.
async fn unit_price(db: &Db, service_id: i64, quantity: i64) -> i64 {
    scalar(
        db,
        &format!(
            "SELECT MIN(unit_price_cents) FROM price_tiers WHERE service_id = {service_id} \
             AND min_people <= 1 AND (max_people IS NULL OR max_people >= 1) \
             AND min_quantity <= {quantity} AND (max_quantity IS NULL OR max_quantity >= {quantity})"
        ),
    )
    .await
}

async fn service_id(db: &Db, slug: &str) -> i64 {
    scalar(
        db,
        &format!("SELECT id FROM services WHERE slug = '{slug}'"),
    )
    .await
}

/// A paid individual service of another provider than `not_provider_of`.
async fn other_provider_service(db: &Db, not_provider_of: i64) -> i64 {
    scalar(
        db,
        &format!(
            "SELECT s.id FROM services s WHERE s.pricing = 'paid' AND s.mode = 'individual' \
             AND NOT s.quote_required AND s.status = 'validated' \
             AND s.provider_id <> (SELECT provider_id FROM services WHERE id = {not_provider_of}) \
             AND (SELECT COUNT(*) FROM price_tiers t WHERE t.service_id = s.id) = 1 \
             ORDER BY s.id LIMIT 1"
        ),
    )
    .await
}

fn state_of(detail: &Value) -> String {
    detail["summary"]["state"].as_str().unwrap().to_string()
}

async fn order(server: &TestServer, cookie: &str, reference: &str) -> Value {
    let (status, body) = read(
        server,
        "/fn/load_order",
        cookie,
        &[("reference", reference)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// A receipt download: status and bytes.
async fn receipt(server: &TestServer, path: &str, cookie: &str) -> (u16, Vec<u8>) {
    let response = plain_client()
        .get(server.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

async fn buy_pay_fulfil(server: &TestServer) {
    let db = &server.db;
    let citizen = login(server, CITIZEN, None).await;
    let ours = service_id(db, PROVIDER_SERVICE).await;
    let theirs = other_provider_service(db, ours).await;

    // An anonymous visitor fills a cart; a price sent with the form is ignored.
    let anonymous = post(
        server,
        "/fn/add_to_cart",
        "",
        &[
            ("service_id", &ours.to_string()),
            ("quantity", "2"),
            ("people", "1"),
            ("price", "0.01"),
            ("unit_price_cents", "1"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    assert!(anonymous.status().is_redirection());
    let cart_cookie = common::cookie_named(&anonymous, "wemi_cart").expect("anonymous cart cookie");
    // Bad input: a clear error, nothing added.
    let refused = redirect(
        server,
        "/fn/add_to_cart",
        &cart_cookie,
        &[
            ("service_id", &ours.to_string()),
            ("quantity", "0"),
            ("people", "1"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    assert!(refused.contains("errore=field-quantity"), "{refused}");
    let past = redirect(
        server,
        "/fn/add_to_cart",
        &cart_cookie,
        &[
            ("service_id", &ours.to_string()),
            ("quantity", "1"),
            ("people", "1"),
            ("preferred_date", "2020-01-01"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    assert!(past.contains("errore=field-preferred_date"), "{past}");

    // At login the browser's cart moves into the person's.
    let both = format!("{citizen}; {cart_cookie}");
    redirect(
        server,
        "/fn/add_to_cart",
        &both,
        &[
            ("service_id", &theirs.to_string()),
            ("quantity", "1"),
            ("people", "1"),
            ("time_slot", "morning"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    let (status, cart) = read(server, "/fn/load_cart", &both, &[("lang", "it")]).await;
    assert_eq!(status, 200, "{cart}");
    assert_eq!(cart["item_count"], 2, "{cart}");
    assert_eq!(
        cart["groups"].as_array().unwrap().len(),
        2,
        "one group per provider"
    );
    let expected = 2 * unit_price(db, ours, 2).await + unit_price(db, theirs, 1).await;
    assert_eq!(
        cart["total_cents"], expected,
        "priced from the list, not the form"
    );

    // Checkout: data step (validated), then the summary's confirmation.
    let bad = redirect(
        server,
        "/fn/save_checkout_draft",
        &citizen,
        &[
            ("billing_name", "Giulia Rossi"),
            ("billing_email", "not-an-address"),
            ("payment_method", "card"),
        ],
    )
    .await;
    assert!(bad.contains("errore=field-billing_email"), "{bad}");
    let saved = redirect(
        server,
        "/fn/save_checkout_draft",
        &citizen,
        &[
            ("billing_name", "Giulia Rossi"),
            ("billing_email", CITIZEN),
            ("billing_phone", "+39 02 123456"),
            ("payment_method", "card"),
        ],
    )
    .await;
    assert!(saved.starts_with("/carrello/riepilogo"), "{saved}");
    let (_, cart) = read(server, "/fn/load_cart", &citizen, &[]).await;
    let key = cart["checkout_key"].as_str().unwrap().to_string();
    let placed = redirect(
        server,
        "/fn/place_orders",
        &citizen,
        &[("checkout_key", &key)],
    )
    .await;
    assert!(placed.contains("creati=2"), "{placed}");
    // The same confirmation again (double click, retry): the same two orders, nothing new.
    redirect(
        server,
        "/fn/place_orders",
        &citizen,
        &[("checkout_key", &key)],
    )
    .await;
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM orders").await, 2);
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM cart_items").await,
        0,
        "the cart is emptied"
    );

    let (_, mine) = read(server, "/fn/my_orders", &citizen, &[("page", "1")]).await;
    assert_eq!(mine["total"], 2);
    let reference_of = |provider_service: i64| {
        let mine = mine.clone();
        async move {
            let provider = scalar(
                db,
                &format!("SELECT provider_id FROM services WHERE id = {provider_service}"),
            )
            .await;
            mine["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["provider_id"] == provider)
                .unwrap()["reference"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let ours_ref = reference_of(ours).await;
    let theirs_ref = reference_of(theirs).await;
    let detail = order(server, &citizen, &ours_ref).await;
    assert_eq!(state_of(&detail), "awaiting_payment");
    assert!(
        detail["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "pay")
    );

    // Someone else's order does not exist for them; nor for anonymous visitors.
    let worker = login(server, WORKER, None).await;
    let (status, _) = read(
        server,
        "/fn/load_order",
        &worker,
        &[("reference", &ours_ref)],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = read(server, "/fn/load_order", "", &[("reference", &ours_ref)]).await;
    assert_eq!(status, 401);
    // No receipt before payment; never for someone else.
    let receipt_path = format!("/area-personale/ordini/{ours_ref}/ricevuta.pdf");
    assert_eq!(receipt(server, &receipt_path, &citizen).await.0, 409);
    assert_eq!(receipt(server, &receipt_path, &worker).await.0, 404);

    // Pay: the hosted page, resumed (never doubled) if asked again.
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        &citizen,
        &[("reference", &ours_ref)],
    )
    .await;
    assert!(
        to_gateway.starts_with("/pagamento/demo/cs_demo_"),
        "{to_gateway}"
    );
    let again = redirect(
        server,
        "/fn/pay_order",
        &citizen,
        &[("reference", &ours_ref)],
    )
    .await;
    assert_eq!(again, to_gateway);
    let gateway_ref = to_gateway
        .trim_start_matches("/pagamento/demo/")
        .to_string();
    let page = plain_client()
        .get(server.url(&to_gateway))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("demo-pay"), "the hosted page offers Paga");
    // The browser coming back is not a payment.
    assert_eq!(
        state_of(&order(server, &citizen, &ours_ref).await),
        "awaiting_payment"
    );
    let back = redirect(
        server,
        "/fn/demo_outcome",
        "",
        &[("gateway_ref", &gateway_ref), ("outcome", "pay")],
    )
    .await;
    assert!(
        back.ends_with(&format!("/area-personale/ordini/{ours_ref}?pagamento=1")),
        "{back}"
    );
    let paid = order(server, &citizen, &ours_ref).await;
    assert_eq!(state_of(&paid), "paid", "the signed webhook settled it");
    // The receipt: a PDF naming the order, the payment's reference and the VAT treatment.
    let (status, pdf) = receipt(server, &receipt_path, &citizen).await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(contains(&pdf, &ours_ref) && contains(&pdf, &gateway_ref));
    assert!(contains(&pdf, "Ricevuta di pagamento"));
    assert!(
        contains(&pdf, "DPR 633/1972"),
        "the VAT treatment is stated"
    );
    let (status, english) = receipt(server, &format!("{receipt_path}?lang=en"), &citizen).await;
    assert_eq!(status, 200);
    assert!(contains(&english, "Payment receipt"));
    assert_eq!(receipt(server, &receipt_path, &worker).await.0, 404);
    assert!(
        receipt(server, &receipt_path, "").await.0 >= 300,
        "anonymous: to the login"
    );
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM webhook_events").await,
        1,
        "one event recorded"
    );

    // Webhooks: forged, stale or replayed ones change nothing.
    let secret = text(
        db,
        "SELECT value FROM settings WHERE key = 'demo_webhook_secret'",
    )
    .await;
    let amount = paid["summary"]["gateway_cents"].as_i64().unwrap();
    let event = |id: &str| {
        serde_json::json!({"id": id, "type": "checkout.session.completed",
            "data": {"object": {"id": gateway_ref, "amount_total": amount, "payment_status": "paid"}}})
        .to_string()
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let send = |body: String, signature: String| async move {
        plain_client()
            .post(server.url("/webhooks/demo"))
            .header("content-type", "application/json")
            .header("stripe-signature", signature)
            .body(body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    let body = event("evt_replay");
    assert_eq!(
        send(body.clone(), "t=1,v1=00".into()).await,
        400,
        "bad signature"
    );
    let stale = server::payments::signature::sign(&secret, now - 3_600, body.as_bytes());
    assert_eq!(
        send(body.clone(), stale).await,
        400,
        "outside the tolerance window"
    );
    let signed = server::payments::signature::sign(&secret, now, body.as_bytes());
    assert_eq!(send(body.clone(), signed.clone()).await, 200);
    assert_eq!(
        send(body, signed).await,
        200,
        "a redelivery is acknowledged"
    );
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id \
             WHERE o.reference = '{ours_ref}' AND e.event = 'payment_confirmed'"
            )
        )
        .await,
        1,
        "paid once, however often the gateway says so"
    );

    // The provider schedules, delivers; the citizen confirms.
    let provider = login(server, PROVIDER_ADMIN, None).await;
    let (_, received) = read(server, "/fn/provider_orders", &provider, &[("page", "1")]).await;
    assert_eq!(
        received["total"], 1,
        "only its own provider's orders: {received}"
    );
    let (status, _) = read(
        server,
        "/fn/load_order",
        &provider,
        &[("reference", &theirs_ref)],
    )
    .await;
    assert_eq!(status, 404, "another provider's order");
    // The month's payout report has the payment (and nothing of other providers).
    let (status, csv) = receipt(server, "/ente/ordini/rendiconto.csv", &provider).await;
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("\u{feff}data;riferimento;"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.contains(&ours_ref) && l.contains(";pagamento;")),
        "{csv}"
    );
    assert!(!csv.contains(&theirs_ref), "{csv}");
    assert_eq!(
        receipt(
            server,
            "/ente/ordini/rendiconto.csv?mese=2026-13",
            &provider
        )
        .await
        .0,
        400
    );
    let (_, empty) = receipt(
        server,
        "/ente/ordini/rendiconto.csv?mese=2020-01",
        &provider,
    )
    .await;
    assert_eq!(
        String::from_utf8(empty).unwrap().lines().count(),
        2,
        "header and totals"
    );
    assert_eq!(
        receipt(server, "/ente/ordini/rendiconto.csv", &citizen)
            .await
            .0,
        403
    );
    let staff_receipt = format!("/ente/ordini/{ours_ref}/ricevuta.pdf");
    assert_eq!(receipt(server, &staff_receipt, &provider).await.0, 200);
    assert_eq!(
        receipt(
            server,
            &format!("/ente/ordini/{theirs_ref}/ricevuta.pdf"),
            &provider
        )
        .await
        .0,
        404,
        "not another provider's receipt"
    );
    let seen = order(server, &provider, &ours_ref).await;
    assert!(
        seen["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "schedule"),
        "the provider may schedule: {seen}"
    );
    let (status, _) = read(server, "/fn/provider_orders", &citizen, &[("page", "1")]).await;
    assert_eq!(status, 403);
    let next_year = time::OffsetDateTime::now_utc().year() + 1;
    let when = format!("{next_year}-03-10T10:30");
    let done = redirect(
        server,
        "/fn/order_action",
        &provider,
        &[
            ("reference", &ours_ref),
            ("action", "schedule"),
            ("when", &when),
            ("back", "/ente/ordini/x"),
        ],
    )
    .await;
    assert!(done.contains("fatto=1"), "{done}");
    let refused = redirect(
        server,
        "/fn/order_action",
        &citizen,
        &[("reference", &ours_ref), ("action", "deliver")],
    )
    .await;
    assert!(
        refused.contains("errore=not-allowed-now"),
        "a citizen cannot mark delivered: {refused}"
    );
    redirect(
        server,
        "/fn/order_action",
        &provider,
        &[
            ("reference", &ours_ref),
            ("action", "deliver"),
            ("back", "/ente/ordini/x"),
        ],
    )
    .await;
    // The dates the PA's criteria ask for: taken in (the provider's first action) and the
    // latest closing date (the end of the dispute window once delivered).
    let delivered = order(server, &citizen, &ours_ref).await;
    let at = |field: &str| {
        domain::rome_time::parse_rfc3339(delivered[field].as_str().unwrap_or(""))
            .unwrap_or_else(|| panic!("{field}: {delivered}"))
    };
    let history_at = |event: &str| {
        delivered["history"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["event"] == event)
            .and_then(|m| domain::rome_time::parse_rfc3339(m["at"].as_str().unwrap()))
            .unwrap()
    };
    assert_eq!(at("taken_in_at"), history_at("schedule"));
    assert_eq!(
        at("closes_by"),
        history_at("deliver") + domain::orders::timing::TimePolicy::default().dispute_window_secs
    );
    redirect(
        server,
        "/fn/order_action",
        &citizen,
        &[("reference", &ours_ref), ("action", "complete")],
    )
    .await;
    let closed = order(server, &citizen, &ours_ref).await;
    assert_eq!(
        closed["closes_by"],
        Value::Null,
        "closed: nothing left to close"
    );
    let completed = order(server, &citizen, &ours_ref).await;
    assert_eq!(state_of(&completed), "completed");
    let events: Vec<String> = completed["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        events,
        [
            "placed",
            "payment_confirmed",
            "schedule",
            "deliver",
            "complete"
        ]
    );
    assert!(
        scalar(db, &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'order.viewed' AND target = '{ours_ref}'")).await >= 1,
        "staff reading a citizen's order is audited"
    );

    // The other order: paid, then cancelled by the citizen (no schedule yet: free) and refunded
    // through the gateway.
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        &citizen,
        &[("reference", &theirs_ref)],
    )
    .await;
    let gateway_ref = to_gateway
        .trim_start_matches("/pagamento/demo/")
        .to_string();
    redirect(
        server,
        "/fn/demo_outcome",
        "",
        &[("gateway_ref", &gateway_ref), ("outcome", "pay")],
    )
    .await;
    redirect(
        server,
        "/fn/order_action",
        &citizen,
        &[
            ("reference", &theirs_ref),
            ("action", "cancel_by_citizen"),
            ("reason", "cambio di programma"),
        ],
    )
    .await;
    let refunded = order(server, &citizen, &theirs_ref).await;
    assert_eq!(state_of(&refunded), "refunded", "{refunded}");
    let (status, pdf) = receipt(
        server,
        &format!("/area-personale/ordini/{theirs_ref}/ricevuta.pdf"),
        &citizen,
    )
    .await;
    assert_eq!(status, 200);
    assert!(contains(&pdf, "Rimborso"), "the refund is on the receipt");
    assert_eq!(
        refunded["summary"]["refunded_cents"],
        refunded["summary"]["total_cents"]
    );
    assert_eq!(
        scalar(db, &format!("SELECT refunded_cents FROM demo_gateway_sessions WHERE gateway_ref = '{gateway_ref}'")).await,
        refunded["summary"]["total_cents"].as_i64().unwrap(),
        "the gateway gave the money back"
    );
    // E-mails were queued for each step (sent by the outbox worker).
    assert!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE '%Ordine%'"
        )
        .await
            >= 4
    );
}
both_engines!(buy_pay_fulfil_, buy_pay_fulfil);

async fn declined_then_expired_with_vouchers(server: &TestServer) {
    let db = &server.db;
    let citizen = login(server, CITIZEN, None).await;
    // A single-priced service that takes vouchers, bought for more than the €150 voucher.
    let service = scalar(
        db,
        "SELECT s.id FROM services s WHERE s.pricing = 'paid' AND s.mode = 'individual' \
         AND s.accepts_vouchers AND NOT s.quote_required \
         AND (SELECT COUNT(*) FROM price_tiers t WHERE t.service_id = s.id) = 1 ORDER BY s.id LIMIT 1",
    )
    .await;
    let unit = unit_price(db, service, 1).await;
    let quantity = 15_000 / unit + 1;
    redirect(
        server,
        "/fn/add_to_cart",
        &citizen,
        &[
            ("service_id", &service.to_string()),
            ("quantity", &quantity.to_string()),
            ("people", "1"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    redirect(
        server,
        "/fn/save_checkout_draft",
        &citizen,
        &[
            ("billing_name", "Giulia Rossi"),
            ("billing_email", CITIZEN),
            ("payment_method", "card"),
            ("use_vouchers", "1"),
        ],
    )
    .await;
    let (_, cart) = read(server, "/fn/load_cart", &citizen, &[]).await;
    assert_eq!(cart["voucher_balance_cents"], 15_000);
    assert_eq!(cart["voucher_cents"], 15_000, "{cart}");
    let key = cart["checkout_key"].as_str().unwrap().to_string();
    let placed = redirect(
        server,
        "/fn/place_orders",
        &citizen,
        &[("checkout_key", &key)],
    )
    .await;
    let reference = placed
        .trim_start_matches("/area-personale/ordini/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let detail = order(server, &citizen, &reference).await;
    assert_eq!(detail["summary"]["voucher_cents"], 15_000);
    assert_eq!(detail["summary"]["gateway_cents"], quantity * unit - 15_000);
    assert_eq!(
        scalar(
            db,
            "SELECT CAST(SUM(balance_cents) AS BIGINT) FROM vouchers"
        )
        .await,
        0,
        "reserved at checkout"
    );

    // The card is declined: the order says so and can be paid again.
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        &citizen,
        &[("reference", &reference)],
    )
    .await;
    let gateway_ref = to_gateway
        .trim_start_matches("/pagamento/demo/")
        .to_string();
    redirect(
        server,
        "/fn/demo_outcome",
        "",
        &[("gateway_ref", &gateway_ref), ("outcome", "decline")],
    )
    .await;
    assert_eq!(
        state_of(&order(server, &citizen, &reference).await),
        "payment_failed"
    );
    let retry = redirect(
        server,
        "/fn/pay_order",
        &citizen,
        &[("reference", &reference)],
    )
    .await;
    assert_ne!(retry, to_gateway, "a new attempt");

    // Unpaid at the deadline: the job expires it and the voucher gets its money back.
    execute(
        db,
        &format!("UPDATE orders SET payment_due_at = created_at WHERE reference = '{reference}'"),
    )
    .await;
    let moved = server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(moved, 1);
    assert_eq!(
        state_of(&order(server, &citizen, &reference).await),
        "expired"
    );
    assert_eq!(
        scalar(
            db,
            "SELECT CAST(SUM(balance_cents) AS BIGINT) FROM vouchers"
        )
        .await,
        15_000
    );
    assert_eq!(
        scalar(
            db,
            "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM voucher_ledger"
        )
        .await,
        15_000,
        "assigned − debit + reversal"
    );
    // Paying the expired order's open attempt afterwards: the money goes straight back.
    let retry_ref = retry.trim_start_matches("/pagamento/demo/").to_string();
    redirect(
        server,
        "/fn/demo_outcome",
        "",
        &[("gateway_ref", &retry_ref), ("outcome", "pay")],
    )
    .await;
    let late = order(server, &citizen, &reference).await;
    assert_eq!(state_of(&late), "refunded", "{late}");
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT refunded_cents FROM demo_gateway_sessions WHERE gateway_ref = '{retry_ref}'"
            )
        )
        .await,
        quantity * unit - 15_000
    );
    assert_eq!(
        scalar(
            db,
            "SELECT CAST(SUM(balance_cents) AS BIGINT) FROM vouchers"
        )
        .await,
        15_000,
        "vouchers untouched by that refund"
    );
}
both_engines!(
    declined_then_expired_with_vouchers_,
    declined_then_expired_with_vouchers
);

fn person(user_id: i64) -> SessionUser {
    SessionUser {
        session_id: 0,
        user_id,
        name: format!("Famiglia {user_id}"),
        email: format!("famiglia{user_id}@example.org"),
        roles: vec!["citizen".into()],
        permissions: Vec::new(),
        csrf_token: String::new(),
        assisted_by: None,
        kiosk: false,
    }
}

async fn shared_seats_never_overbooked(server: &TestServer) {
    let db = &server.db;
    let service = service_id(db, SHARED_SERVICE).await;
    let capacity = scalar(
        db,
        &format!("SELECT capacity FROM services WHERE id = {service}"),
    )
    .await;
    let buyers = capacity + 5;
    let mut people = Vec::new();
    for n in 0..buyers {
        let id = scalar(
            db,
            &format!(
                "INSERT INTO users (email, name, created_at) VALUES \
                 ('famiglia{n}@example.org', 'Famiglia {n}', '2026-11-26T10:00:00Z') RETURNING id"
            ),
        )
        .await;
        let owner = CartOwner {
            user_id: Some(id),
            browser_token: None,
        };
        let item = NewCartItem {
            service_id: service,
            quantity: 1,
            people: 1,
            ..Default::default()
        };
        server
            .buying
            .add_to_cart(&owner, &item)
            .await
            .expect("seat in cart");
        let who = person(id);
        let draft = app::model::CheckoutDraft {
            billing_name: who.name.clone(),
            billing_email: who.email.clone(),
            payment_method: "card".into(),
            ..Default::default()
        };
        server.buying.save_draft(&who, &draft).await.unwrap();
        let key = server
            .buying
            .cart(&owner, app::i18n::Locale::It)
            .await
            .unwrap()
            .checkout_key;
        people.push((who, key));
    }
    let waiting: Vec<SessionUser> = people.iter().map(|(who, _)| who.clone()).collect();
    // Everyone confirms at once.
    let tasks: Vec<_> = people
        .into_iter()
        .map(|(who, key)| {
            let buying = server.buying.clone();
            tokio::spawn(async move {
                buying
                    .place_orders(&who, &key, app::i18n::Locale::It, &ClientInfo::default())
                    .await
            })
        })
        .collect();
    let mut placed = 0;
    let mut full = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => placed += 1,
            // Refused at placement, or already by the cart's check when the seats went while
            // this buyer was confirming (the cart then shows the line as sold out).
            Err(BuyingError::SeatsUnavailable | BuyingError::CartHasProblems) => full += 1,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(placed, capacity, "every seat sold");
    assert_eq!(full, buyers - capacity, "and not one more");
    assert_eq!(
        scalar(
            db,
            &format!("SELECT taken FROM shared_seats WHERE service_id = {service}")
        )
        .await,
        capacity
    );
    // Two families join the waitlist of the full service (again: updated, not doubled); bad
    // requests change nothing.
    let (first, second) = (&waiting[0], &waiting[1]);
    assert!(matches!(
        server.buying.join_waitlist(first, service, 0).await,
        Err(BuyingError::InvalidField("people"))
    ));
    assert!(matches!(
        server
            .buying
            .join_waitlist(first, service + 100_000, 1)
            .await,
        Err(BuyingError::NotFound)
    ));
    server
        .buying
        .join_waitlist(first, service, 2)
        .await
        .unwrap();
    server
        .buying
        .join_waitlist(first, service, 1)
        .await
        .unwrap();
    server
        .buying
        .join_waitlist(second, service, 1)
        .await
        .unwrap();
    let mine = server.buying.my_waitlist(second).await.unwrap();
    assert_eq!((mine[0].position, mine[0].seats), (2, 1), "{mine:?}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM seat_waitlist").await,
        2,
        "one place per family"
    );
    // Nothing freed yet: nobody told.
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM seat_waitlist WHERE notified_at IS NOT NULL"
        )
        .await,
        0
    );
    // Expiry gives the seats back.
    execute(db, "UPDATE orders SET payment_due_at = created_at").await;
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(
        scalar(
            db,
            &format!("SELECT taken FROM shared_seats WHERE service_id = {service}")
        )
        .await,
        0
    );
    // …and the waiting families are told, once, by e-mail, oldest first.
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM seat_waitlist WHERE notified_at IS NOT NULL"
        )
        .await,
        2
    );
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Si sono liberati dei posti%'"
        )
        .await,
        2,
        "told once"
    );
    assert!(
        server.buying.my_waitlist(first).await.unwrap()[0]
            .told_at
            .is_some()
    );
    server.buying.leave_waitlist(first, service).await.unwrap();
    assert!(server.buying.my_waitlist(first).await.unwrap().is_empty());
}
both_engines!(
    shared_seats_never_overbooked_,
    shared_seats_never_overbooked
);

//! Quote requests on the real server, on both engines: a citizen asks several providers of the
//! same category at once, bad input changes nothing, each provider sees only its own part, one
//! declines, two answer with offers, the citizen declines one and buys the other (an order
//! with the offer's price, every other offer closed, a repeated acceptance creating nothing
//! more), and the scheduled job expires requests nobody answered.

use serde_json::Value;

use crate::common::{
    self, TestServer, execute, in_days, login, plain_client, read, redirect, scalar,
};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const WORKER: &str = "lavoratrice@demo.wemi.example";
const PROVIDER_ADMIN: &str = "ente@demo.wemi.example";
/// Moved to another provider for these tests, so two providers can answer.
const OTHER_STAFF: &str = "operatore.ente@demo.wemi.example";
/// A service of the provider whose admin is `ente@demo…`.
const PROVIDER_SERVICE: &str = "supporto-psicologico-per-anziani-e-nel-lutto";

async fn quote(server: &TestServer, cookie: &str, reference: &str) -> Value {
    let (status, body) = read(
        server,
        "/fn/load_quote",
        cookie,
        &[("reference", reference)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn reference_in(location: &str) -> String {
    let rest = location
        .split("/area-personale/preventivi/")
        .nth(1)
        .unwrap_or_else(|| panic!("not a quote page: {location}"));
    rest.split('?').next().unwrap().to_string()
}

fn offer_form<'a>(
    reference: &'a str,
    price: &'a str,
    valid: &'a str,
    start: &'a str,
    end: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("reference", reference),
        ("action", "offer"),
        ("price", price),
        ("valid_until", valid),
        ("period_start", start),
        ("period_end", end),
        ("time_slot", "morning"),
        ("operator_name", "Dott.ssa Verdi"),
        ("notes", "Quattro incontri a domicilio."),
        ("back", "/ente/preventivi"),
    ]
}

async fn request_answer_accept(server: &TestServer) {
    let db = &server.db;
    let citizen = login(server, CITIZEN, None).await;

    // The form starts from one service and offers similar ones of other providers.
    let (status, start) = read(
        server,
        "/fn/load_quote_start",
        &citizen,
        &[("slug", PROVIDER_SERVICE)],
    )
    .await;
    assert_eq!(status, 200, "{start}");
    let ours = start["service"]["service_id"].as_i64().unwrap();
    let our_provider = start["service"]["provider_id"].as_i64().unwrap();
    let others: Vec<(i64, i64)> = start["others"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["service_id"].as_i64().unwrap(),
                c["provider_id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(
        others.len() >= 2,
        "similar services of other providers: {start}"
    );
    assert!(others.iter().all(|(_, p)| *p != our_provider));
    let (second, second_provider) = others[0];
    let (third, third_provider) = *others
        .iter()
        .find(|(_, p)| *p != second_provider)
        .expect("similar services of at least two other providers");
    // The second provider gets the demo operator, so two providers can answer here.
    execute(
        db,
        &format!(
            "UPDATE user_roles SET scope_id = {second_provider} WHERE role = 'provider_operator' \
             AND user_id = (SELECT id FROM users WHERE email = '{OTHER_STAFF}')"
        ),
    )
    .await;

    let answer_by = in_days(5);
    let ids = [ours.to_string(), second.to_string(), third.to_string()];
    let form = |description: &'static str, answer: &str| -> Vec<(String, String)> {
        let mut form: Vec<(String, String)> = ids
            .iter()
            .map(|id| ("service_id".to_string(), id.clone()))
            .collect();
        form.extend([
            ("servizio".into(), PROVIDER_SERVICE.into()),
            ("description".into(), description.into()),
            ("people".into(), "2".into()),
            ("time_slot".into(), "morning".into()),
            ("answer_by".into(), answer.to_string()),
            ("contact_phone".into(), "+39 02 1234567".into()),
        ]);
        form
    };
    // Bad input: a clear error back on the form, nothing created.
    let too_short = form("aiuto", &answer_by);
    let location = redirect_owned(server, "/preventivi/invia", &citizen, &too_short).await;
    assert!(
        location.contains("errore=field-description") && location.contains("servizio="),
        "{location}"
    );
    let past = form(
        "Sostegno psicologico per mia madre, due incontri a settimana.",
        &in_days(-1),
    );
    let location = redirect_owned(server, "/preventivi/invia", &citizen, &past).await;
    assert!(location.contains("errore="), "{location}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM quote_requests").await, 0);

    // The request goes to the three providers.
    let good = form(
        "Sostegno psicologico per mia madre, due incontri a settimana.",
        &answer_by,
    );
    let location = redirect_owned(server, "/preventivi/invia", &citizen, &good).await;
    let reference = reference_in(&location);
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM quote_recipients r JOIN quote_requests q ON q.id = r.request_id \
                 WHERE q.reference = '{reference}' AND r.state = 'waiting'"
            )
        )
        .await,
        3
    );
    assert!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Nuova richiesta di preventivo%'"
        )
        .await
            >= 1,
        "providers are told"
    );
    let (_, mine) = read(server, "/fn/my_quote_requests", &citizen, &[("page", "1")]).await;
    assert_eq!(mine["items"][0]["reference"], reference.as_str(), "{mine}");
    assert_eq!(mine["items"][0]["recipients"], 3);

    // Someone else cannot read it, nor act on it: not found, as if it did not exist.
    let worker = login(server, WORKER, None).await;
    let (status, _) = read(
        server,
        "/fn/load_quote",
        &worker,
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(status, 404);
    let location = redirect(
        server,
        "/fn/quote_action",
        &worker,
        &[("reference", &reference), ("action", "withdraw_request")],
    )
    .await;
    assert!(location.contains("errore=not-found"), "{location}");

    // Each provider sees the request and only its own part of it.
    let admin = login(server, PROVIDER_ADMIN, None).await;
    let (_, received) = read(
        server,
        "/fn/received_quote_requests",
        &admin,
        &[("page", "1")],
    )
    .await;
    assert_eq!(
        received["items"][0]["reference"],
        reference.as_str(),
        "{received}"
    );
    let seen = quote(server, &admin, &reference).await;
    assert_eq!(seen["viewer_provider_id"], our_provider);
    assert_eq!(seen["recipients"].as_array().unwrap().len(), 1);
    assert_eq!(seen["order_reference"], Value::Null);
    assert!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'quote.viewed' AND target = '{reference}'")
        )
        .await
            >= 1,
        "staff reading a citizen's request is audited"
    );

    // Offers: bad ones are refused with the field named, and change nothing.
    let valid = in_days(10);
    let period_start = in_days(12);
    let period_end = in_days(30);
    let location = redirect(
        server,
        "/fn/quote_action",
        &admin,
        &offer_form(&reference, "0", &valid, &period_start, &period_end),
    )
    .await;
    assert!(location.contains("errore=quote-"), "{location}");
    let location = redirect(
        server,
        "/fn/quote_action",
        &admin,
        &offer_form(&reference, "200,00", &valid, &period_end, &period_start),
    )
    .await;
    assert!(location.contains("errore="), "{location}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM quote_offers").await, 0);

    // Two providers offer, with decimal prices as people type them.
    let location = redirect(
        server,
        "/fn/quote_action",
        &admin,
        &offer_form(&reference, "240,50", &valid, &period_start, &period_end),
    )
    .await;
    assert!(location.contains("fatto=1"), "{location}");
    let other = login(server, OTHER_STAFF, None).await;
    let location = redirect(
        server,
        "/fn/quote_action",
        &other,
        &offer_form(&reference, "199.90", &valid, &period_start, &period_end),
    )
    .await;
    assert!(location.contains("fatto=1"), "{location}");
    // The other provider does not see the first one's offer.
    let theirs = quote(server, &other, &reference).await;
    assert_eq!(theirs["offers"].as_array().unwrap().len(), 1);
    assert_eq!(theirs["offers"][0]["price_cents"], 19_990);

    // The third declines, with a reason the citizen reads.
    execute(
        db,
        &format!(
            "UPDATE user_roles SET scope_id = {third_provider} WHERE role = 'provider_operator' \
             AND user_id = (SELECT id FROM users WHERE email = '{OTHER_STAFF}')"
        ),
    )
    .await;
    let location = redirect(
        server,
        "/fn/quote_action",
        &other,
        &[
            ("reference", &reference),
            ("action", "decline"),
            ("reason", "Non copriamo la vostra zona."),
            ("back", "/ente/preventivi"),
        ],
    )
    .await;
    assert!(location.contains("fatto=1"), "{location}");

    // The citizen writes to a provider and sees everything.
    let location = redirect(
        server,
        "/fn/quote_action",
        &citizen,
        &[
            ("reference", &reference),
            ("action", "message"),
            ("provider_id", &our_provider.to_string()),
            ("body", "Il martedì mattina va bene?"),
        ],
    )
    .await;
    assert!(location.contains("fatto=1"), "{location}");
    let full = quote(server, &citizen, &reference).await;
    assert_eq!(full["state"], "answered", "{full}");
    assert_eq!(full["offers"].as_array().unwrap().len(), 2);
    assert_eq!(full["messages"].as_array().unwrap().len(), 1);
    let recipients = full["recipients"].as_array().unwrap();
    let declined = recipients
        .iter()
        .find(|r| r["provider_id"] == third_provider)
        .unwrap();
    assert_eq!(declined["state"], "declined");
    assert_eq!(declined["decline_reason"], "Non copriamo la vostra zona.");
    let offer_of = |provider: i64| -> (i64, i64) {
        let o = full["offers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["provider_id"] == provider)
            .unwrap();
        (
            o["id"].as_i64().unwrap(),
            o["price_cents"].as_i64().unwrap(),
        )
    };
    let (our_offer, our_price) = offer_of(our_provider);
    let (their_offer, _) = offer_of(second_provider);
    assert_eq!(our_price, 24_050);

    // The provider attaches its quote document; only a real PDF, only to its own offer.
    let attach = async |cookie: &str, offer: i64, file: &[u8]| -> String {
        let boundary = "----wemi-offer-pdf";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"offer_id\"\r\n\r\n{offer}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let response = plain_client()
            .post(server.url(&format!("/ente/preventivi/{reference}/allegato")))
            .header("cookie", cookie)
            .header("sec-fetch-site", "same-origin")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_redirection(), "{}", response.status());
        response.headers()["location"].to_str().unwrap().to_string()
    };
    let pdf = b"%PDF-1.4\n% preventivo di prova\n%%EOF\n";
    let location = attach(&admin, our_offer, b"<html>not a pdf</html>").await;
    assert!(location.contains("errore=field-pdf"), "{location}");
    let location = attach(&other, our_offer, pdf).await;
    assert!(location.contains("errore=not-found"), "{location}");
    let location = attach(&admin, our_offer, pdf).await;
    assert!(location.contains("fatto=1"), "{location}");
    let document = format!("/preventivi/{reference}/offerte/{our_offer}");
    let download = common::get_with(server, &document, &citizen).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), pdf);
    assert_eq!(
        common::get_with(server, &document, &worker).await.status(),
        404
    );
    assert_eq!(
        common::get_with(server, &document, &other).await.status(),
        404,
        "not another provider's document"
    );
    assert_eq!(
        quote(server, &citizen, &reference).await["offers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == our_offer)
            .unwrap()["has_pdf"],
        true
    );

    // The citizen declines one offer and buys the other: an order at the offer's price.
    let location = redirect(
        server,
        "/fn/quote_action",
        &citizen,
        &[
            ("reference", &reference),
            ("action", "decline_offer"),
            ("offer_id", &their_offer.to_string()),
        ],
    )
    .await;
    assert!(location.contains("fatto=1"), "{location}");
    let accept = [
        ("reference", reference.as_str()),
        ("action", "accept_offer"),
        ("offer_id", &our_offer.to_string()),
    ];
    let location = redirect(server, "/fn/quote_action", &citizen, &accept).await;
    assert!(
        location.contains("/area-personale/ordini/WM-"),
        "{location}"
    );
    let order_reference = location
        .split("/area-personale/ordini/")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    // Accepting again (a double click, a retry) leads to the same order, never a second.
    let again = redirect(server, "/fn/quote_action", &citizen, &accept).await;
    assert!(again.contains(&order_reference), "{again}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(
        scalar(
            db,
            &format!("SELECT total_cents FROM orders WHERE reference = '{order_reference}'")
        )
        .await,
        24_050
    );
    let done = quote(server, &citizen, &reference).await;
    assert_eq!(done["state"], "closed", "{done}");
    assert_eq!(done["order_reference"], order_reference.as_str());
    let states: Vec<(i64, String)> = done["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_i64().unwrap(),
                o["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        states.contains(&(our_offer, "accepted".into())),
        "{states:?}"
    );
    assert!(
        states.contains(&(their_offer, "declined".into())),
        "{states:?}"
    );
    // Nothing can be offered on a closed request.
    let location = redirect(
        server,
        "/fn/quote_action",
        &admin,
        &offer_form(&reference, "100", &valid, &period_start, &period_end),
    )
    .await;
    assert!(location.contains("errore="), "{location}");
    // The order is the citizen's, to pay like any other.
    let (status, order) = read(
        server,
        "/fn/load_order",
        &citizen,
        &[("reference", &order_reference)],
    )
    .await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["summary"]["state"], "awaiting_payment", "{order}");

    // The notification centre: the citizen sees the offers; the provider the request, the
    // citizen's message and the order; each marks them read; others see nothing.
    let (_, feed) = read(server, "/fn/my_notifications", &citizen, &[("page", "1")]).await;
    let kinds = |feed: &Value| -> Vec<String> {
        feed["page"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        kinds(&feed).iter().filter(|k| *k == "offer").count(),
        2,
        "{feed}"
    );
    assert!(feed["unread"].as_i64().unwrap() >= 2, "{feed}");
    assert!(
        feed["page"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["link"]
                .as_str()
                .unwrap()
                .starts_with("/area-personale/preventivi/")),
        "{feed}"
    );
    let location = redirect(
        server,
        "/fn/mark_notifications_read",
        &citizen,
        &[("lang", "it")],
    )
    .await;
    assert!(location.contains("lette=1"), "{location}");
    let (_, feed) = read(server, "/fn/my_notifications", &citizen, &[("page", "1")]).await;
    assert_eq!(feed["unread"], 0, "{feed}");
    assert!(
        feed["page"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["unread"] == false)
    );
    let (_, feed) = read(server, "/fn/my_notifications", &admin, &[("page", "1")]).await;
    let provider_kinds = kinds(&feed);
    for kind in ["request", "message", "order"] {
        assert!(provider_kinds.iter().any(|k| k == kind), "{kind}: {feed}");
    }
    assert!(
        feed["page"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["link"].as_str().unwrap().starts_with("/ente/")),
        "{feed}"
    );
    let (_, feed) = read(server, "/fn/my_notifications", &worker, &[("page", "1")]).await;
    assert_eq!(feed["page"]["total"], 0, "{feed}");
    let page = common::get_with(server, "/area-personale/notifiche", &citizen).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("notifications") && html.contains("Offerta di"),
        "the page lists them"
    );
}
both_engines!(request_answer_accept_, request_answer_accept);

/// A form whose keys repeat (several `service_id`), posted as a browser does.
async fn redirect_owned(
    server: &TestServer,
    path: &str,
    cookie: &str,
    form: &[(String, String)],
) -> String {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    redirect(server, path, cookie, &pairs).await
}

async fn unanswered_requests_expire(server: &TestServer) {
    let db = &server.db;
    let citizen = login(server, CITIZEN, None).await;
    let ours = scalar(
        db,
        &format!("SELECT id FROM services WHERE slug = '{PROVIDER_SERVICE}'"),
    )
    .await;
    let form = [
        ("service_id".to_string(), ours.to_string()),
        (
            "description".to_string(),
            "Assistenza per una settimana a fine mese.".to_string(),
        ),
        ("people".to_string(), "1".to_string()),
        ("time_slot".to_string(), String::new()),
        ("answer_by".to_string(), in_days(2)),
    ];
    let location = redirect_owned(server, "/preventivi/invia", &citizen, &form).await;
    let reference = reference_in(&location);
    // Not due yet: the job leaves it alone.
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(quote(server, &citizen, &reference).await["state"], "open");
    // Its deadline passes with no answer.
    execute(db, "UPDATE quote_requests SET answer_by = created_at").await;
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    let expired = quote(server, &citizen, &reference).await;
    assert_eq!(expired["state"], "expired", "{expired}");
    // A provider can no longer offer.
    let admin = login(server, PROVIDER_ADMIN, None).await;
    let location = redirect(
        server,
        "/fn/quote_action",
        &admin,
        &offer_form(&reference, "50", &in_days(5), &in_days(6), &in_days(7)),
    )
    .await;
    assert!(location.contains("errore="), "{location}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM quote_offers").await, 0);
}
both_engines!(unanswered_requests_expire_, unanswered_requests_expire);

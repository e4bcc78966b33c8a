//! Reviews on the real server, on both engines: a citizen buys, pays through the demo gateway,
//! the provider schedules and delivers, the citizen confirms completion — only then may they
//! review it (not before, not someone else, not with bad scores or text: nothing stored), once.
//! The reviewed provider cannot moderate; the city publishes (rating on the service page, in the
//! JSON API and first in the "rating" sort, e-mail to the provider); the provider replies once
//! (e-mail to the citizen); a second review of the order is refused; another review is rejected
//! with a reason that its author sees, and the rating does not move.

use serde_json::Value;
use server::store::Db;

use crate::common::{self, TestServer, login, read, redirect, scalar};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const WORKER: &str = "lavoratrice@demo.wemi.example";
const PROVIDER_ADMIN: &str = "ente@demo.wemi.example";
const CITY_ADMIN: &str = "admin@demo.wemi.example";
/// A paid service of the provider whose admin is `ente@demo…`.
const PROVIDER_SERVICE: &str = "supporto-psicologico-per-anziani-e-nel-lutto";

async fn html(server: &TestServer, path: &str, cookie: &str) -> String {
    let response = common::get_with(server, path, cookie).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

async fn order_state(server: &TestServer, cookie: &str, reference: &str) -> String {
    let (status, body) = read(
        server,
        "/fn/load_order",
        cookie,
        &[("reference", reference)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["summary"]["state"].as_str().unwrap().to_string()
}

/// Buys `quantity` units of `service_id` as `citizen` (cart, checkout, confirmation); the
/// order's reference. (Each purchase here asks a different quantity: on SQLite a new cart line
/// may get the id of the one just ordered, and the same content means the same checkout key.)
async fn place(server: &TestServer, citizen: &str, service_id: i64, quantity: &str) -> String {
    let added = redirect(
        server,
        "/fn/add_to_cart",
        citizen,
        &[
            ("service_id", &service_id.to_string()),
            ("quantity", quantity),
            ("people", "1"),
            ("back", "/servizi/x"),
        ],
    )
    .await;
    assert!(!added.contains("errore="), "{added}");
    redirect(
        server,
        "/fn/save_checkout_draft",
        citizen,
        &[
            ("billing_name", "Giulia Rossi"),
            ("billing_email", CITIZEN),
            ("billing_phone", "+39 02 123456"),
            ("payment_method", "card"),
        ],
    )
    .await;
    let (_, cart) = read(server, "/fn/load_cart", citizen, &[]).await;
    let key = cart["checkout_key"].as_str().unwrap().to_string();
    let placed = redirect(
        server,
        "/fn/place_orders",
        citizen,
        &[("checkout_key", &key)],
    )
    .await;
    // One order: straight to its page.
    placed
        .strip_prefix("/area-personale/ordini/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("not an order page: {placed}"))
        .to_string()
}

/// Pays the order on the demo gateway, the provider schedules and delivers it, the citizen
/// confirms: the order is completed.
async fn complete(server: &TestServer, citizen: &str, provider: &str, reference: &str) {
    let to_gateway = redirect(
        server,
        "/fn/pay_order",
        citizen,
        &[("reference", reference)],
    )
    .await;
    let gateway_ref = to_gateway
        .strip_prefix("/pagamento/demo/")
        .unwrap_or_else(|| panic!("{to_gateway}"))
        .to_string();
    redirect(
        server,
        "/fn/demo_outcome",
        "",
        &[("gateway_ref", &gateway_ref), ("outcome", "pay")],
    )
    .await;
    assert_eq!(order_state(server, citizen, reference).await, "paid");
    let when = format!("{}-03-10T10:30", time::OffsetDateTime::now_utc().year() + 1);
    for (who, action) in [
        (provider, "schedule"),
        (provider, "deliver"),
        (citizen, "complete"),
    ] {
        let done = redirect(
            server,
            "/fn/order_action",
            who,
            &[
                ("reference", reference),
                ("action", action),
                ("when", &when),
            ],
        )
        .await;
        assert!(done.contains("fatto=1"), "{action}: {done}");
    }
    assert_eq!(order_state(server, citizen, reference).await, "completed");
}

fn review_form<'a>(
    reference: &'a str,
    scores: [&'a str; 3],
    body: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![("reference", reference), ("body", body)];
    for (name, value) in ["punctuality", "professionalism", "kindness"]
        .into_iter()
        .zip(scores)
    {
        if !value.is_empty() {
            form.push((name, value));
        }
    }
    form
}

async fn reviews_count(db: &Db) -> i64 {
    scalar(db, "SELECT COUNT(*) FROM reviews").await
}

async fn review_then_moderate(server: &TestServer) {
    let db = &server.db;
    let citizen = login(server, CITIZEN, None).await;
    let provider = login(server, PROVIDER_ADMIN, None).await;
    let admin = login(server, CITY_ADMIN, None).await;
    let worker = login(server, WORKER, None).await;
    let service = scalar(
        db,
        &format!("SELECT id FROM services WHERE slug = '{PROVIDER_SERVICE}'"),
    )
    .await;
    let reference = place(server, &citizen, service, "1").await;
    let good = review_form(
        &reference,
        ["5", "4", "4"],
        "Psicologa puntuale e molto preparata, ci siamo trovati bene.",
    );

    // Before completion: refused, nothing stored, no form on the page.
    let early = redirect(server, "/fn/submit_review", &citizen, &good).await;
    assert!(
        early.contains("errore=review-order-not-completed"),
        "{early}"
    );
    let (status, state) = read(
        server,
        "/fn/load_order_review",
        &citizen,
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(status, 200, "{state}");
    assert_eq!(state["can_review"], false);
    complete(server, &citizen, &provider, &reference).await;
    assert_eq!(reviews_count(db).await, 0);

    // Completed: the citizen gets the form, with a fieldset per criterion.
    let (_, state) = read(
        server,
        "/fn/load_order_review",
        &citizen,
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(state["can_review"], true, "{state}");
    assert!(state["review"].is_null());
    let page = html(
        server,
        &format!("/area-personale/ordini/{reference}"),
        &citizen,
    )
    .await;
    assert!(page.contains("id=\"review-form\""), "the form is offered");
    let count = |selector: &str| {
        let doc = scraper::Html::parse_document(&page);
        doc.select(&scraper::Selector::parse(selector).unwrap())
            .count()
    };
    assert_eq!(
        count("#review-form fieldset > legend"),
        3,
        "three radio groups"
    );
    assert_eq!(count("#review-form input[type=radio][name=punctuality]"), 5);
    assert_eq!(count("#review-form label[for=review-kindness-5]"), 1);

    // Someone else, or nobody: refused, nothing stored.
    let other = redirect(server, "/fn/submit_review", &worker, &good).await;
    assert!(other.contains("errore=not-found"), "{other}");
    let (status, _) = read(
        server,
        "/fn/load_order_review",
        &worker,
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = read(server, "/fn/submit_review", "", &good).await;
    assert_eq!(status, 401);

    // Bad scores and text: refused with the field's error, nothing stored.
    for (scores, body, code) in [
        (
            ["6", "4", "4"],
            "Tutto bene, grazie mille.",
            "review-score-punctuality",
        ),
        (
            ["5", "0", "4"],
            "Tutto bene, grazie mille.",
            "review-score-professionalism",
        ),
        (
            ["5", "4", ""],
            "Tutto bene, grazie mille.",
            "review-score-kindness",
        ),
        (
            ["5", "x", "4"],
            "Tutto bene, grazie mille.",
            "review-score-professionalism",
        ),
        (["5", "4", "4"], "Ok", "review-body-short"),
    ] {
        let form = review_form(&reference, scores, body);
        let refused = redirect(server, "/fn/submit_review", &citizen, &form).await;
        assert!(refused.contains(&format!("errore={code}")), "{refused}");
        assert_eq!(reviews_count(db).await, 0, "{code}");
    }
    let page = html(
        server,
        &format!("/area-personale/ordini/{reference}?errore=review-score-kindness"),
        &citizen,
    )
    .await;
    assert!(
        page.contains("aria-describedby=\"review-kindness-hint review-kindness-error\""),
        "the error is tied to its fieldset"
    );

    // The review: stored pending; a second one for the same order refused.
    let done = redirect(server, "/fn/submit_review", &citizen, &good).await;
    assert!(
        done.contains("fatto=1") && done.contains(&format!("/area-personale/ordini/{reference}")),
        "{done}"
    );
    assert_eq!(reviews_count(db).await, 1);
    let again = redirect(server, "/fn/submit_review", &citizen, &good).await;
    assert!(again.contains("errore=review-already-reviewed"), "{again}");
    assert_eq!(reviews_count(db).await, 1);
    let page = html(
        server,
        &format!("/area-personale/ordini/{reference}?fatto=1&recensione=1"),
        &citizen,
    )
    .await;
    assert!(page.contains("data-state=\"pending\""), "state shown");
    assert!(!page.contains("id=\"review-form\""), "no second form");
    let review_id = scalar(db, "SELECT id FROM reviews").await.to_string();

    // Not public yet; the reviewed provider neither sees it nor can moderate it.
    let (_, public) = read(
        server,
        "/fn/service_reviews",
        "",
        &[("slug", PROVIDER_SERVICE), ("page", "1")],
    )
    .await;
    assert_eq!(public["totals"]["count"], 0, "{public}");
    assert_eq!(public["reviews"]["total"], 0);
    for path in ["/fn/moderate_review", "/fn/review_queue"] {
        let (status, _) = read(
            server,
            path,
            &provider,
            &[
                ("review_id", review_id.as_str()),
                ("decision", "publish"),
                ("page", "1"),
            ],
        )
        .await;
        assert_eq!(status, 403, "{path} as the provider");
    }
    let response = common::get_with(server, "/amministrazione/recensioni", &provider).await;
    assert_eq!(response.status(), 403);
    let (_, mine) = read(server, "/fn/received_reviews", &provider, &[("page", "1")]).await;
    assert_eq!(
        mine["total"], 0,
        "pending reviews are not the provider's to see"
    );
    let early_reply = redirect(
        server,
        "/fn/reply_review",
        &provider,
        &[("review_id", &review_id), ("body", "Grazie!")],
    )
    .await;
    assert!(early_reply.contains("errore=not-found"), "{early_reply}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM reviews WHERE state = 'pending'").await,
        1
    );

    // The city publishes it.
    let (status, queue) = read(server, "/fn/review_queue", &admin, &[("page", "1")]).await;
    assert_eq!(status, 200, "{queue}");
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["order_reference"], reference.as_str());
    let queue_page = html(server, "/amministrazione/recensioni", &admin).await;
    assert!(queue_page.contains(&format!("id=\"publish-{review_id}\"")));
    let published = redirect(
        server,
        "/fn/moderate_review",
        &admin,
        &[("review_id", &review_id), ("decision", "publish")],
    )
    .await;
    assert!(published.contains("fatto=1"), "{published}");
    let twice = redirect(
        server,
        "/fn/moderate_review",
        &admin,
        &[
            ("review_id", &review_id),
            ("decision", "reject"),
            ("reason", "ripensamento"),
        ],
    )
    .await;
    assert!(twice.contains("errore=review-already-published"), "{twice}");
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM email_outbox \
                 WHERE subject = 'Nuova recensione pubblicata – WeMi' AND recipient = \
                 (SELECT p.email FROM providers p JOIN services s ON s.provider_id = p.id \
                  WHERE s.slug = '{PROVIDER_SERVICE}')"
            )
        )
        .await,
        1,
        "the provider is told"
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'review.published'"
        )
        .await,
        1
    );

    // Public now: exact totals, the page shows 13/3 = 4,3 with one decimal.
    let (_, public) = read(
        server,
        "/fn/service_reviews",
        "",
        &[("slug", PROVIDER_SERVICE), ("page", "1")],
    )
    .await;
    assert_eq!(
        public["totals"],
        serde_json::json!({"count": 1, "punctuality": 5, "professionalism": 4, "kindness": 4})
    );
    assert_eq!(public["reviews"]["items"][0]["author"], "Giulia R.");
    assert_eq!(public["reviews"]["items"][0]["order_reference"], "");
    let service_page = html(server, &format!("/servizi/{PROVIDER_SERVICE}"), &citizen).await;
    assert!(
        service_page.contains("id=\"rating-overall\" class=\"fw-bold\">4,3 su 5"),
        "overall rating on the service page"
    );
    assert!(service_page.contains("1 recensione"));
    assert!(service_page.contains("Psicologa puntuale e molto preparata"));
    let english = html(
        server,
        &format!("/servizi/{PROVIDER_SERVICE}?lang=en"),
        &citizen,
    )
    .await;
    assert!(english.contains("4.3 out of 5"), "English notation");

    // The JSON API and the catalogue's sort: best rated first, without a rebuild.
    let (status, sorted) = server
        .get_json("/api/v1/services?sort=rating&per_page=3")
        .await;
    assert_eq!(status, 200, "{sorted}");
    assert_eq!(sorted["items"][0]["slug"], PROVIDER_SERVICE, "{sorted}");
    assert_eq!(sorted["items"][0]["rating"], "4.33");
    assert_eq!(sorted["items"][0]["rating_count"], 1);
    assert!(sorted["items"][1]["rating"].is_null(), "unrated after");
    let catalogue = html(server, "/servizi?sort=rating", &citizen).await;
    assert!(
        catalogue.contains("data-rating-x100=\"433\""),
        "the card shows the rating"
    );
    // A rebuilt index keeps the ratings.
    server::store::search_index::rebuild(db).await.unwrap();
    let (_, sorted) = server
        .get_json("/api/v1/services?sort=rating&per_page=1")
        .await;
    assert_eq!(sorted["items"][0]["rating"], "4.33", "{sorted}");

    // The provider replies once; the citizen is told and sees it.
    let (_, mine) = read(server, "/fn/received_reviews", &provider, &[("page", "1")]).await;
    assert_eq!(mine["total"], 1, "{mine}");
    let reply_form = format!("id=\"reply-form-{review_id}\"");
    let staff_page = html(server, "/ente/recensioni", &provider).await;
    assert!(staff_page.contains(&reply_form), "a reply form");
    let empty = redirect(
        server,
        "/fn/reply_review",
        &provider,
        &[("review_id", &review_id), ("body", " ")],
    )
    .await;
    assert!(empty.contains("errore=review-reply-missing"), "{empty}");
    let replied = redirect(
        server,
        "/fn/reply_review",
        &provider,
        &[
            ("review_id", &review_id),
            ("body", "Grazie, è stato un piacere accompagnarvi."),
        ],
    )
    .await;
    assert!(replied.contains("fatto=1"), "{replied}");
    let second = redirect(
        server,
        "/fn/reply_review",
        &provider,
        &[("review_id", &review_id), ("body", "Un'altra risposta.")],
    )
    .await;
    assert!(second.contains("errore=review-already-replied"), "{second}");
    let staff_page = html(server, "/ente/recensioni", &provider).await;
    assert!(
        !staff_page.contains(&reply_form),
        "replied once: no more form"
    );
    assert!(staff_page.contains("è stato un piacere accompagnarvi"));
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM email_outbox WHERE recipient = '{CITIZEN}' \
                 AND subject = 'L''ente ha risposto alla tua recensione – WeMi'"
            )
        )
        .await,
        1
    );
    let (_, public) = read(
        server,
        "/fn/service_reviews",
        "",
        &[("slug", PROVIDER_SERVICE), ("page", "1")],
    )
    .await;
    assert_eq!(
        public["reviews"]["items"][0]["reply"],
        "Grazie, è stato un piacere accompagnarvi."
    );
    let order_page = html(
        server,
        &format!("/area-personale/ordini/{reference}"),
        &citizen,
    )
    .await;
    assert!(order_page.contains("data-state=\"published\""));
    let staff_order = html(server, &format!("/ente/ordini/{reference}"), &provider).await;
    assert!(staff_order.contains("Recensione del cittadino"));
    assert!(!staff_order.contains("id=\"review-form\""));
    assert!(order_page.contains("è stato un piacere accompagnarvi"));

    // Another order of the same service, reviewed and not published: the author sees why, the
    // rating does not move.
    let second_order = place(server, &citizen, service, "2").await;
    complete(server, &citizen, &provider, &second_order).await;
    let form = review_form(
        &second_order,
        ["1", "1", "1"],
        "Testo con il numero di telefono dell'operatrice.",
    );
    let done = redirect(server, "/fn/submit_review", &citizen, &form).await;
    assert!(done.contains("fatto=1"), "{done}");
    let rejected_id = scalar(db, "SELECT MAX(id) FROM reviews").await.to_string();
    let no_reason = redirect(
        server,
        "/fn/moderate_review",
        &admin,
        &[
            ("review_id", &rejected_id),
            ("decision", "reject"),
            ("reason", "  "),
        ],
    )
    .await;
    assert!(
        no_reason.contains("errore=review-reason-missing"),
        "{no_reason}"
    );
    let rejected = redirect(
        server,
        "/fn/moderate_review",
        &admin,
        &[
            ("review_id", &rejected_id),
            ("decision", "reject"),
            ("reason", "Contiene dati personali di terzi."),
        ],
    )
    .await;
    assert!(rejected.contains("fatto=1"), "{rejected}");
    let (_, state) = read(
        server,
        "/fn/load_order_review",
        &citizen,
        &[("reference", &second_order)],
    )
    .await;
    assert_eq!(state["review"]["state"], "rejected", "{state}");
    assert_eq!(
        state["review"]["moderation_reason"],
        "Contiene dati personali di terzi."
    );
    let order_page = html(
        server,
        &format!("/area-personale/ordini/{second_order}"),
        &citizen,
    )
    .await;
    assert!(order_page.contains("Non pubblicata"));
    assert!(order_page.contains("Contiene dati personali di terzi."));
    let (_, public) = read(
        server,
        "/fn/service_reviews",
        "",
        &[("slug", PROVIDER_SERVICE), ("page", "1")],
    )
    .await;
    assert_eq!(
        public["totals"]["count"], 1,
        "rejected reviews do not count"
    );
    assert_eq!(public["reviews"]["total"], 1);
    let (_, queue) = read(server, "/fn/review_queue", &admin, &[("page", "1")]).await;
    assert_eq!(queue["total"], 0);

    // The provider's public page sums its services' ratings.
    let slug: String = match db {
        Db::Sqlite(p) => {
            sqlx::query_scalar(
                "SELECT p.slug FROM providers p JOIN services s ON s.provider_id = p.id \
                 WHERE s.slug = $1",
            )
            .bind(PROVIDER_SERVICE)
            .fetch_one(p)
            .await
        }
        Db::Postgres(p) => {
            sqlx::query_scalar(
                "SELECT p.slug FROM providers p JOIN services s ON s.provider_id = p.id \
                 WHERE s.slug = $1",
            )
            .bind(PROVIDER_SERVICE)
            .fetch_one(p)
            .await
        }
    }
    .unwrap();
    let (_, theirs) = read(
        server,
        "/fn/provider_public_reviews",
        "",
        &[("slug", &slug), ("page", "1")],
    )
    .await;
    assert_eq!(theirs["totals"]["count"], 1, "{theirs}");
    let provider_page = html(server, &format!("/enti/{slug}"), &citizen).await;
    assert!(provider_page.contains("4,3 su 5"));

    // The author's data export holds both reviews.
    let export: Value = common::get_with(server, "/api/v1/me/export", &citizen)
        .await
        .json()
        .await
        .unwrap();
    let states: Vec<&str> = export["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["rejected", "published"]);
}

both_engines!(review_lifecycle, review_then_moderate);

//! Assisted mode (issue 5): a WeMi space operator acts for a citizen with their consent (an
//! e-mailed code or a signed paper form); every action is audited with both identities; the
//! account's security stays out of reach; it ends on request. Both engines.

use crate::common;

use crate::common::smtp_sink;

use std::time::Duration;

use common::{Engine, TestServer, login, plain_client, post_form};
use serde_json::Value;

const CITIZEN: &str = "cittadino@demo.wemi.example";
const OPERATOR: &str = "operatore@demo.wemi.example";
const ADMIN: &str = "admin@demo.wemi.example";

async fn page(server: &TestServer, path: &str, cookie: &str) -> scraper::Html {
    let html = plain_client()
        .get(server.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    scraper::Html::parse_document(&html)
}

fn attr(doc: &scraper::Html, selector: &str, name: &str) -> String {
    let selector = scraper::Selector::parse(selector).unwrap();
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr(name))
        .unwrap_or_else(|| panic!("{selector:?} has no {name}"))
        .to_string()
}

async fn me(server: &TestServer, cookie: &str) -> Value {
    plain_client()
        .get(server.url("/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn assisted(server: &TestServer, sink: &smtp_sink::SmtpSink) {
    let operator = login(server, OPERATOR, None).await;
    let operator_id = me(server, &operator).await["id"].as_i64().unwrap();
    let form = page(server, "/operatore/assistenza", &operator).await;
    let token = attr(&form, "#assist-form input[name=csrf_token]", "value");
    let space = attr(&form, "#assist-space option", "value");

    // A citizen cannot start assisted mode.
    let citizen_cookie = login(server, CITIZEN, None).await;
    let citizen_id = me(server, &citizen_cookie).await["id"].as_i64().unwrap();
    let refused = plain_client()
        .post(server.url("/fn/begin_assistance"))
        .header("cookie", &citizen_cookie)
        .header("sec-fetch-site", "same-origin")
        .form(&[
            ("citizen", OPERATOR),
            ("space", space.as_str()),
            ("method", "code"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);

    // Staff cannot be acted for: here the city administrator.
    let staff = post_form(
        server,
        "/fn/begin_assistance",
        &operator,
        &[
            ("citizen", "admin@demo.wemi.example"),
            ("space", &space),
            ("method", "paper"),
            ("reference", "MOD-1"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(staff.contains("errore=field-citizen"), "{staff}");
    assert_eq!(me(server, &operator).await["email"], OPERATOR);

    // Unknown person: a clear error, nothing starts.
    let unknown = post_form(
        server,
        "/fn/begin_assistance",
        &operator,
        &[
            ("citizen", "nessuno@example.it"),
            ("space", &space),
            ("method", "code"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(unknown.contains("errore=field-citizen"), "{unknown}");

    // Consent by code: the citizen receives it and reads it out.
    let location = post_form(
        server,
        "/fn/begin_assistance",
        &operator,
        &[
            ("citizen", CITIZEN),
            ("space", &space),
            ("method", "code"),
            ("csrf_token", &token),
        ],
    )
    .await;
    let consent = location
        .split("consenso=")
        .nth(1)
        .unwrap()
        .split(['&', '#'])
        .next()
        .unwrap()
        .to_string();
    let mail = sink.wait_for(CITIZEN, Duration::from_secs(20)).await;
    let text = mail.text();
    let code: String = text
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a 6-digit code")
        .to_string();
    assert_eq!(
        me(server, &operator).await["email"],
        OPERATOR,
        "nothing changes before the code"
    );
    let wrong = post_form(
        server,
        "/fn/confirm_assistance",
        &operator,
        &[
            ("consent", &consent),
            ("code", "000000"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(wrong.contains("errore=field-code"), "{wrong}");
    let ok = post_form(
        server,
        "/fn/confirm_assistance",
        &operator,
        &[
            ("consent", &consent),
            ("code", &code),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(ok.starts_with("/area-personale"), "{ok}");

    // The operator's session now carries the citizen's identity, with a banner on every page.
    assert_eq!(me(server, &operator).await["email"], CITIZEN);
    let area = page(server, "/area-personale", &operator).await;
    let banner = scraper::Selector::parse("#assisted-banner").unwrap();
    let banner_text: String = area
        .select(&banner)
        .next()
        .expect("banner")
        .text()
        .collect();
    assert!(
        banner_text.contains("Stai operando per conto di Giulia Rossi"),
        "{banner_text}"
    );
    assert!(banner_text.contains("Sara Colombo"), "{banner_text}");
    // The account's security stays with its owner.
    let security = post_form(
        server,
        "/fn/change_password",
        &operator,
        &[
            ("current", "wemi-demo"),
            ("password", "una frase nuova e lunga davvero"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(security.contains("errore=forbidden"), "{security}");
    // Not the full copy of the citizen's data, though.
    let export = plain_client()
        .get(server.url("/api/v1/me/export"))
        .header("cookie", &operator)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 403);
    // An ordinary action, recorded with both identities below.
    let saved = post_form(
        server,
        "/fn/update_profile",
        &operator,
        &[
            ("name", "Giulia Rossi"),
            ("phone", "02 555 1234"),
            ("locale", "it"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(saved.contains("salvato=1"), "{saved}");
    // No back office while assisting, even for someone who could.
    let audit = plain_client()
        .get(server.url("/api/v1/admin/audit-log"))
        .header("cookie", &operator)
        .send()
        .await
        .unwrap();
    assert_eq!(audit.status(), 403);

    // Ending it gives the operator back their own identity.
    let ended = post_form(
        server,
        "/fn/end_assistance",
        &operator,
        &[("csrf_token", &token)],
    )
    .await;
    assert!(ended.contains("terminata=1"));
    assert_eq!(me(server, &operator).await["email"], OPERATOR);

    // Paper consent starts at once.
    let paper = post_form(
        server,
        "/fn/begin_assistance",
        &operator,
        &[
            ("citizen", CITIZEN),
            ("space", &space),
            ("method", "paper"),
            ("reference", "MOD-2026-0042"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(paper.starts_with("/area-personale"), "{paper}");
    assert_eq!(me(server, &operator).await["email"], CITIZEN);

    // The audit log names both people for what happened while assisting.
    let admin = login(server, ADMIN, None).await;
    let log: Value = plain_client()
        .get(server.url(&format!(
            "/api/v1/admin/audit-log?person={citizen_id}&per_page=100"
        )))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let events = log["items"].as_array().unwrap();
    let find = |action: &str| {
        events
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("{action} in {events:#?}"))
            .clone()
    };
    for action in ["assist_started", "profile_updated", "assist_ended"] {
        let event = find(action);
        assert_eq!(event["actor_user_id"], operator_id, "{action}");
        assert_eq!(event["on_behalf_of_user_id"], citizen_id, "{action}");
    }
    assert!(
        events
            .iter()
            .any(|e| e["action"] == "assist_requested" && e["reason"] == "paper")
    );
}

fn run(engine: Engine) {
    common::runtime().block_on(async {
        let sink = smtp_sink::SmtpSink::start().await;
        let url = sink.url();
        let server = TestServer::start_configured(engine, |c| c.smtp_url = Some(url)).await;
        assisted(&server, &sink).await;
        server.stop().await;
    });
}

#[test]
fn assisted_mode_sqlite() {
    run(Engine::Sqlite);
}

#[test]
fn assisted_mode_postgres() {
    run(Engine::Postgres);
}

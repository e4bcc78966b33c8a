//! Accounts and sessions through the JSON API and the browser's routes (CONTRACT.md "Accounts
//! and sessions"): login, logout, the current user, export, audit log, throttling, cross-site
//! refusal, CSRF tokens, registration with e-mail verification, password reset and the login
//! with the identity broker, on both engines.

use crate::common;

use crate::common::fake_oidc;
use crate::common::smtp_sink;

use std::time::Duration;

use common::{Engine, TestServer, get_with, login, plain_client, post_form};
use serde_json::{Value, json};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const ADMIN: &str = "admin@demo.wemi.example";
/// Has no fiscal code in the demo data (the demo citizen has one), so linking can be shown.
const WORKER: &str = "lavoratrice@demo.wemi.example";
const PASSWORD: &str = "wemi-demo";

async fn login_me_export_logout(server: &TestServer) {
    // After login only local paths: a tab or a backslash cannot turn `next` into another site.
    for next in [
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let form = plain_client()
            .post(server.url("/fn/login"))
            .header("accept", "text/html")
            .form(&[
                ("email", "lavoratrice@demo.wemi.example"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(form.headers()["location"], "/area-personale", "{next:?}");
    }
    let response = plain_client()
        .post(server.url("/api/v1/session"))
        .json(&json!({"email": "  Cittadino@Demo.WeMi.example ", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["user"]["name"], "Giulia Rossi");
    assert_eq!(body["user"]["roles"], json!(["citizen"]));
    assert!(body["user"]["id"].as_i64().unwrap() > 0);
    let cookie = set_cookie.split(';').next().unwrap().to_string();

    // A login from a browser that already has a session replaces it (rotation).
    let rotated = plain_client()
        .post(server.url("/api/v1/session"))
        .header("cookie", &cookie)
        .json(&json!({"email": CITIZEN, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(rotated.status(), 200);
    let new_cookie = rotated.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(new_cookie, cookie);
    assert_eq!(
        get_with(server, "/api/v1/me", &cookie).await.status(),
        401,
        "the old one is dead"
    );
    let cookie = new_cookie;

    let me = get_with(server, "/api/v1/me", &cookie).await;
    assert_eq!(me.status(), 200);
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["email"], CITIZEN);

    let export = get_with(server, "/api/v1/me/export", &cookie).await;
    assert_eq!(export.status(), 200);
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let export: Value = export.json().await.unwrap();
    assert_eq!(export["account"]["email"], CITIZEN);
    assert!(!export["sessions"].as_array().unwrap().is_empty());
    assert!(
        export["activity"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "login")
    );

    let logout = plain_client()
        .delete(server.url("/api/v1/session"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    // The old cookie is dead on the server, whoever replays it.
    assert_eq!(get_with(server, "/api/v1/me", &cookie).await.status(), 401);
    assert_eq!(
        get_with(server, "/api/v1/me/export", &cookie)
            .await
            .status(),
        401
    );
    let anonymous: Value = plain_client()
        .get(server.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(anonymous["error"]["code"], "unauthenticated");
}
both_engines!(login_me_export_logout_, login_me_export_logout);

async fn wrong_passwords_are_throttled(server: &TestServer) {
    let attempt = |password: &'static str| {
        plain_client()
            .post(server.url("/api/v1/session"))
            .header("accept-language", "en")
            .json(&json!({"email": CITIZEN, "password": password}))
            .send()
    };
    for _ in 0..10 {
        let response = attempt("wrong-password").await.unwrap();
        assert_eq!(response.status(), 401);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_credentials");
    }
    // Even the right password is refused now, with a clear message and a retry time.
    let response = attempt(PASSWORD).await.unwrap();
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("minutes")
    );
    // Bad bodies are a 400, never a 5xx.
    let bad = plain_client()
        .post(server.url("/api/v1/session"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
}
both_engines!(
    wrong_passwords_are_throttled_,
    wrong_passwords_are_throttled
);

async fn audit_log_needs_the_permission(server: &TestServer) {
    assert_eq!(server.get("/api/v1/admin/audit-log").await.status(), 401);
    let citizen = login(server, CITIZEN, None).await;
    let refused = get_with(server, "/api/v1/admin/audit-log", &citizen).await;
    assert_eq!(refused.status(), 403);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "forbidden");

    // Dotted or encoded paths cannot slip past the rules to a page the renderer would resolve.
    for sneaky in [
        "/servizi/%2e%2e/amministrazione/registro-attivita",
        "/servizi/../amministrazione/registro-attivita",
        "/servizi/%2E%2E%2Famministrazione%2Fregistro-attivita",
    ] {
        // Sent as raw bytes: an HTTP client library would resolve the dots itself.
        let status = raw_status(server, sneaky, &citizen).await;
        assert_eq!(status, 404, "{sneaky}");
    }

    let admin = login(server, ADMIN, None).await;
    let page = get_with(server, "/api/v1/admin/audit-log?per_page=5", &admin).await;
    assert_eq!(page.status(), 200);
    let page: Value = page.json().await.unwrap();
    assert_eq!(page["per_page"], 5);
    assert!(page["total"].as_i64().unwrap() >= 2);
    let actions: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"login"), "{actions:?}");
    // Reading the log is itself recorded.
    let again: Value = get_with(server, "/api/v1/admin/audit-log", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["items"][0]["action"], "audit_log_read");
    let bad = get_with(server, "/api/v1/admin/audit-log?per_page=1000", &admin).await;
    assert_eq!(bad.status(), 400);

    // The database itself refuses to change the log.
    let tampered = match &server.db {
        server::store::Db::Sqlite(pool) => sqlx::query("DELETE FROM audit_log")
            .execute(pool)
            .await
            .map(|_| ()),
        server::store::Db::Postgres(pool) => sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(pool)
            .await
            .map(|_| ()),
    };
    assert!(tampered.is_err(), "the audit log is append-only");
}
both_engines!(
    audit_log_needs_the_permission_,
    audit_log_needs_the_permission
);

async fn cross_site_and_csrf_are_refused(server: &TestServer) {
    let foreign = plain_client()
        .post(server.url("/api/v1/session"))
        .header("origin", "https://evil.example")
        .json(&json!({"email": CITIZEN, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(!foreign.headers().contains_key("set-cookie"));

    let cookie = login(server, CITIZEN, None).await;
    // A form post with the session cookie but no token, from a browser that sends no fetch
    // metadata: refused.
    let no_token = plain_client()
        .post(server.url("/fn/update_profile"))
        .header("cookie", &cookie)
        .form(&[("name", "Giulia Rossi"), ("phone", ""), ("locale", "it")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 403);
    let body: Value = no_token.json().await.unwrap();
    assert_eq!(body["error"]["code"], "csrf_token");
    // With the session's token it goes through.
    let token = csrf_token(server, &cookie).await;
    let with_token = plain_client()
        .post(server.url("/fn/update_profile"))
        .header("cookie", &cookie)
        .form(&[
            ("name", "Giulia Rossi Verdi"),
            ("phone", "02 1234567"),
            ("locale", "it"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        with_token.status().is_success() || with_token.status().is_redirection(),
        "{}",
        with_token.status()
    );
    let me: Value = get_with(server, "/api/v1/me", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["name"], "Giulia Rossi Verdi");

    // Security headers on pages and API answers.
    for path in ["/", "/accedi", "/api/v1/categories"] {
        let response = server.get(path).await;
        let h = response.headers();
        assert!(h.contains_key("content-security-policy"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
        assert!(
            h.contains_key("x-frame-options")
                || h["content-security-policy"]
                    .to_str()
                    .unwrap()
                    .contains("frame-ancestors")
        );
    }
}
both_engines!(
    cross_site_and_csrf_are_refused_,
    cross_site_and_csrf_are_refused
);

/// The CSRF token the area personale's forms carry.
async fn csrf_token(server: &TestServer, cookie: &str) -> String {
    let html = get_with(server, "/area-personale/profilo", cookie)
        .await
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("input[name=csrf_token]").unwrap();
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("forms carry the CSRF token")
        .to_string()
}

fn run_with_mail(engine: Engine, body: impl AsyncFnOnce(&TestServer, &smtp_sink::SmtpSink)) {
    common::runtime().block_on(async {
        let sink = smtp_sink::SmtpSink::start().await;
        let url = sink.url();
        let server = TestServer::start_configured(engine, |c| c.smtp_url = Some(url)).await;
        body(&server, &sink).await;
        server.stop().await;
    });
}

async fn register_verify_login(server: &TestServer, sink: &smtp_sink::SmtpSink) {
    let client = plain_client();
    let weak = client
        .post(server.url("/fn/register"))
        .header("accept", "text/html")
        .form(&[
            ("name", "Anna Neri"),
            ("email", "anna.neri@example.it"),
            ("password", "password123"),
            ("privacy", "on"),
            ("lang", "it"),
        ])
        .send()
        .await
        .unwrap();
    assert!(weak.status().is_redirection());
    assert!(
        weak.headers()["location"]
            .to_str()
            .unwrap()
            .contains("errore=password-short")
    );

    let ok = client
        .post(server.url("/fn/register"))
        .header("accept", "text/html")
        .form(&[
            ("name", "Anna Neri"),
            ("email", "Anna.Neri@example.it"),
            ("password", "gatto viola sul tram numero 9"),
            ("privacy", "on"),
            ("lang", "it"),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        ok.status().is_redirection(),
        "{:?}",
        ok.headers().get("location")
    );
    // Not verified yet: no login.
    let early = client
        .post(server.url("/api/v1/session"))
        .json(
            &json!({"email": "anna.neri@example.it", "password": "gatto viola sul tram numero 9"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(early.status(), 403);

    let mail = sink
        .wait_for("anna.neri@example.it", Duration::from_secs(20))
        .await;
    assert!(mail.subject().contains("Conferma"), "{}", mail.subject());
    let link = mail.first_link().expect("verification link");
    let token = link
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    // The page shows a confirmation button (mail scanners that open links change nothing).
    let page = client.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let verified = client
        .post(server.url("/fn/verify_email"))
        .header("accept", "text/html")
        .form(&[("token", token.as_str()), ("lang", "it")])
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_redirection());
    assert!(
        verified.headers()["location"]
            .to_str()
            .unwrap()
            .contains("verificato=1")
    );
    let session = client
        .post(server.url("/api/v1/session"))
        .json(
            &json!({"email": "anna.neri@example.it", "password": "gatto viola sul tram numero 9"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(session.status(), 200);
    // A used link does not work twice.
    let again = client
        .post(server.url("/fn/verify_email"))
        .header("accept", "text/html")
        .form(&[("token", token.as_str()), ("lang", "it")])
        .send()
        .await
        .unwrap();
    assert!(
        again.headers()["location"]
            .to_str()
            .unwrap()
            .contains("errore=token")
    );

    // Password reset by e-mail link; other sessions end.
    let cookie = login(server, CITIZEN, None).await;
    let forgot = client
        .post(server.url("/fn/forgot_password"))
        .header("accept", "text/html")
        .form(&[("email", CITIZEN), ("lang", "en")])
        .send()
        .await
        .unwrap();
    assert!(forgot.status().is_redirection());
    let mail = sink.wait_for(CITIZEN, Duration::from_secs(20)).await;
    let link = mail.first_link().expect("reset link");
    assert!(link.contains("/reimposta-password?token="));
    let token = link
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let reset = client
        .post(server.url("/fn/reset_password"))
        .header("accept", "text/html")
        .form(&[
            ("token", token.as_str()),
            ("password", "una nuova frase lunga e sicura"),
            ("lang", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert!(reset.status().is_redirection());
    assert_eq!(
        get_with(server, "/api/v1/me", &cookie).await.status(),
        401,
        "sessions end at reset"
    );
    let new_login = client
        .post(server.url("/api/v1/session"))
        .json(&json!({"email": CITIZEN, "password": "una nuova frase lunga e sicura"}))
        .send()
        .await
        .unwrap();
    assert_eq!(new_login.status(), 200);
    // Unknown addresses get the same answer and no e-mail.
    let unknown = client
        .post(server.url("/fn/forgot_password"))
        .header("accept", "text/html")
        .form(&[("email", "nessuno@example.it"), ("lang", "it")])
        .send()
        .await
        .unwrap();
    assert!(unknown.status().is_redirection());
    assert_eq!(
        unknown.headers()["location"],
        forgot.headers()["location"]
            .to_str()
            .unwrap()
            .replace("lang=en", "lang=it")
    );

    // Reset links are rationed (3 an hour), so the form cannot flood a mailbox.
    for _ in 0..5 {
        let again = client
            .post(server.url("/fn/forgot_password"))
            .header("accept", "text/html")
            .form(&[("email", ADMIN), ("lang", "it")])
            .send()
            .await
            .unwrap();
        assert!(again.status().is_redirection());
    }
    sink.wait_for(ADMIN, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent = sink
        .messages()
        .iter()
        .filter(|m| m.to.iter().any(|t| t.contains(ADMIN)))
        // The admin also manages providers: accreditation reminders may reach them meanwhile.
        .filter(|m| !m.subject().starts_with("Accreditamento"))
        .count();
    assert_eq!(sent, 3);
}

#[test]
fn register_verify_login_sqlite() {
    run_with_mail(Engine::Sqlite, register_verify_login);
}

#[test]
fn register_verify_login_postgres() {
    run_with_mail(Engine::Postgres, register_verify_login);
}

fn run_with_broker(engine: Engine) {
    common::runtime().block_on(async {
        let broker = fake_oidc::FakeOidc::start().await;
        let (issuer, id, secret) = (
            broker.issuer.clone(),
            broker.client_id.clone(),
            broker.client_secret.clone(),
        );
        let server = TestServer::start_configured(engine, |c| {
            c.oidc = Some(server::config::OidcSettings {
                issuer,
                client_id: id,
                client_secret: secret,
            });
        })
        .await;
        // A browser: it keeps the cookie that ties the login to it.
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        // The portal sends the browser to the broker…
        let start = client
            .get(server.url("/accedi/identita-digitale?next=/area-personale"))
            .send()
            .await
            .unwrap();
        assert_eq!(start.status(), 303);
        let authorize = start.headers()["location"].to_str().unwrap().to_string();
        assert!(authorize.starts_with(&broker.issuer));
        assert!(authorize.contains("code_challenge_method=S256"));
        // …the person logs in there and is sent back with a code.
        let back = client.get(&authorize).send().await.unwrap();
        let callback = back.headers()["location"].to_str().unwrap().to_string();
        // Another browser cannot use that return (login CSRF): it never started the login.
        let elsewhere = plain_client().get(&callback).send().await.unwrap();
        assert!(
            elsewhere.headers()["location"]
                .to_str()
                .unwrap()
                .contains("errore=identity")
        );
        let done = client.get(&callback).send().await.unwrap();
        assert_eq!(done.status(), 303);
        assert_eq!(done.headers()["location"], "/area-personale");
        let cookie = common::cookie_named(&done, "wemi_session").expect("session");
        let export: Value = get_with(&server, "/api/v1/me/export", &cookie)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(export["account"]["fiscal_code"], "RSSMRA80A01F205X");
        assert_eq!(export["account"]["name"], "Mario Rossi");
        // The same callback cannot be replayed.
        let replay = client.get(&callback).send().await.unwrap();
        assert!(
            replay.headers()["location"]
                .to_str()
                .unwrap()
                .contains("errore=identity")
        );

        // An identity whose e-mail is a local account's is NOT linked by the address alone…
        let identity = |code: &str| {
            json!({"sub": format!("spid-{code}"), "fiscal_number": format!("TINIT-{code}"),
                   "given_name": "Maria", "family_name": "Santos", "email": WORKER})
        };
        // A valid fiscal code (check character computed by the standard algorithm).
        let maria = "SNTMRA90A41F205E";
        assert!(
            domain::fiscal_code::normalize_fiscal_code(maria).is_ok(),
            "test fiscal code"
        );
        broker.set_next_identity(identity(maria));
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let start = browser
            .get(server.url("/accedi/identita-digitale"))
            .send()
            .await
            .unwrap();
        let back = browser
            .get(start.headers()["location"].to_str().unwrap())
            .send()
            .await
            .unwrap();
        let refused = browser
            .get(back.headers()["location"].to_str().unwrap())
            .send()
            .await
            .unwrap();
        assert!(
            refused.headers()["location"]
                .to_str()
                .unwrap()
                .contains("errore=identity-link")
        );
        // …but the owner links it from the area personale after logging in with the password.
        let session = login(&server, WORKER, None).await;
        broker.set_next_identity(identity(maria));
        let start = browser
            .get(server.url("/accedi/identita-digitale?collega=1&next=/area-personale/profilo"))
            .header("cookie", &session)
            .send()
            .await
            .unwrap();
        let back = browser
            .get(start.headers()["location"].to_str().unwrap())
            .send()
            .await
            .unwrap();
        let linked = browser
            .get(back.headers()["location"].to_str().unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(linked.headers()["location"], "/area-personale/profilo");
        let linked_cookie = common::cookie_named(&linked, "wemi_session").expect("session");
        let me: Value = get_with(&server, "/api/v1/me/export", &linked_cookie)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(me["account"]["email"], WORKER);
        assert_eq!(me["account"]["fiscal_code"], maria);
        server.stop().await;
    });
}

#[test]
fn identity_broker_login_sqlite() {
    run_with_broker(Engine::Sqlite);
}

#[test]
fn identity_broker_login_postgres() {
    run_with_broker(Engine::Postgres);
}

async fn change_password_and_delete_account(server: &TestServer) {
    let this = login(server, CITIZEN, None).await;
    let other = login(server, CITIZEN, None).await;
    let token = csrf_token(server, &this).await;
    let new_password = "la mia nuova frase segreta";

    let wrong = post_form(
        server,
        "/fn/change_password",
        &this,
        &[
            ("current", "sbagliata"),
            ("password", new_password),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(wrong.contains("errore=field-current"), "{wrong}");
    let weak = post_form(
        server,
        "/fn/change_password",
        &this,
        &[
            ("current", PASSWORD),
            ("password", "corta"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(weak.contains("errore=password-short"), "{weak}");
    let done = post_form(
        server,
        "/fn/change_password",
        &this,
        &[
            ("current", PASSWORD),
            ("password", new_password),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(done.contains("cambiata=1"), "{done}");
    assert_eq!(
        get_with(server, "/api/v1/me", &this).await.status(),
        200,
        "this session stays"
    );
    assert_eq!(
        get_with(server, "/api/v1/me", &other).await.status(),
        401,
        "the others end"
    );

    // Deletion needs the confirmation box, can be cancelled, and happens after the grace period.
    let unconfirmed = post_form(
        server,
        "/fn/request_deletion",
        &this,
        &[("csrf_token", &token)],
    )
    .await;
    assert!(
        unconfirmed.contains("errore=field-confirm"),
        "{unconfirmed}"
    );
    post_form(
        server,
        "/fn/request_deletion",
        &this,
        &[("confirm", "on"), ("csrf_token", &token)],
    )
    .await;
    let export: Value = get_with(server, "/api/v1/me/export", &this)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(export["account"]["status"], "pending_deletion");
    let page = get_with(server, "/area-personale/privacy", &this)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("cancel-deletion-form"));
    post_form(
        server,
        "/fn/cancel_deletion",
        &this,
        &[("csrf_token", &token)],
    )
    .await;
    let export: Value = get_with(server, "/api/v1/me/export", &this)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(export["account"]["status"], "active");
    post_form(
        server,
        "/fn/request_deletion",
        &this,
        &[("confirm", "on"), ("csrf_token", &token)],
    )
    .await;
    let id = export["account"]["id"].as_i64().unwrap();

    // The grace period ends (moved into the past) and the scheduled job runs.
    let past = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    match &server.db {
        server::store::Db::Sqlite(pool) => {
            sqlx::query("UPDATE users SET deletion_due_at = $1 WHERE id = $2")
                .bind(past)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        }
        server::store::Db::Postgres(pool) => {
            sqlx::query("UPDATE users SET deletion_due_at = $1 WHERE id = $2")
                .bind(past)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        }
    }
    .unwrap();
    let accounts = server::auth::service::AccountService::new(
        server.db.clone(),
        server::auth::service::AccountsConfig {
            public_url: server.base.clone(),
            secure_cookies: false,
            oidc: None,
        },
        server::mail::spawn_worker(server.db.clone(), server::mail::MailConfig::default()),
    );
    server::jobs::run_once(&accounts).await;
    assert_eq!(
        get_with(server, "/api/v1/me", &this).await.status(),
        401,
        "sessions end"
    );
    let relogin = plain_client()
        .post(server.url("/api/v1/session"))
        .json(&json!({"email": CITIZEN, "password": new_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(relogin.status(), 401, "the account no longer exists");
    let email: String = match &server.db {
        server::store::Db::Sqlite(pool) => {
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
        }
        server::store::Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
        }
    }
    .unwrap();
    assert_eq!(
        email,
        format!("deleted-{id}@invalid"),
        "personal data erased, the row kept"
    );
    let admin = login(server, ADMIN, None).await;
    let log: Value = get_with(
        server,
        &format!("/api/v1/admin/audit-log?person={id}&per_page=100"),
        &admin,
    )
    .await
    .json()
    .await
    .unwrap();
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in [
        "password_changed",
        "deletion_requested",
        "deletion_cancelled",
        "account_deleted",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}
both_engines!(
    change_password_and_delete_account_,
    change_password_and_delete_account
);

/// The status of a GET sent exactly as written (no URL normalization on the way).
async fn raw_status(server: &TestServer, path: &str, cookie: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        server.addr
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.unwrap();
    std::str::from_utf8(&head[9..12]).unwrap().parse().unwrap()
}

//! Providers' payment accounts on the real server, on both engines: the provider's admin sets
//! a Stripe and a PayPal account (checked, stored encrypted, shown masked, audited) and removes
//! one; an operator sees them but cannot change them; without the portal's key nothing can be
//! stored, with a clear error.

use serde_json::Value;
use server::config::SecretKey;

use crate::common::{self, Engine, TestServer, login, plain_client, redirect, text};

const ADMIN: &str = "ente@demo.wemi.example";
const OPERATOR: &str = "operatore.ente@demo.wemi.example";
const STRIPE_ACCOUNT: &str = "acct_1NqW2eLkdIwHu7ix";

async fn view(server: &TestServer, cookie: &str) -> Value {
    let response = plain_client()
        .post(server.url("/fn/payment_accounts"))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn masked_of(view: &Value, gateway: &str) -> Value {
    view["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["gateway"] == gateway)
        .unwrap()["masked"]
        .clone()
}

async fn set_and_show(server: &TestServer) {
    let db = &server.db;
    let admin = login(server, ADMIN, None).await;
    let before = view(server, &admin).await;
    assert_eq!(before["storage_ready"], true);
    assert_eq!(before["can_edit"], true);
    assert_eq!(before["gateway_in_use"], "demo");
    assert_eq!(masked_of(&before, "stripe"), Value::Null);

    // A typo is refused at the form.
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[("gateway", "stripe"), ("account_ref", "acct_12")],
    )
    .await;
    assert!(to.contains("errore=field-account_ref"), "{to}");
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[
            ("gateway", "bank"),
            ("account_ref", "IT60X0542811101000000123456"),
        ],
    )
    .await;
    assert!(to.contains("errore=field-gateway"), "{to}");

    // Set: stored encrypted (the database never holds the id), shown masked.
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[("gateway", "stripe"), ("account_ref", STRIPE_ACCOUNT)],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[("gateway", "paypal"), ("account_ref", "ab12cd34ef56g")],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    let stored = text(
        db,
        "SELECT account_ref_encrypted FROM provider_payment_accounts WHERE gateway = 'stripe'",
    )
    .await;
    assert!(
        stored.starts_with("v1:") && !stored.contains("acct_"),
        "{stored}"
    );
    let after = view(server, &admin).await;
    assert_eq!(masked_of(&after, "stripe"), "••••u7ix");
    assert_eq!(masked_of(&after, "paypal"), "••••F56G");
    assert_eq!(
        text(
            db,
            "SELECT action FROM audit_log WHERE action LIKE 'payment_account.%' ORDER BY id DESC LIMIT 1"
        )
        .await,
        "payment_account.set"
    );

    // An operator sees them, cannot change them.
    let operator = login(server, OPERATOR, None).await;
    let seen = view(server, &operator).await;
    assert_eq!(seen["can_edit"], false);
    assert_eq!(masked_of(&seen, "stripe"), "••••u7ix");
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &operator,
        &[("gateway", "stripe"), ("account_ref", "")],
    )
    .await;
    assert!(to.contains("errore=forbidden"), "{to}");
    // A citizen cannot even ask.
    let citizen = login(server, "cittadino@demo.wemi.example", None).await;
    let refused = plain_client()
        .post(server.url("/fn/payment_accounts"))
        .header("cookie", &citizen)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);

    // The admin removes one.
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[("gateway", "paypal"), ("account_ref", "")],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        masked_of(&view(server, &admin).await, "paypal"),
        Value::Null
    );
    let page = common::get_with(server, "/ente/pagamenti", &admin).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("••••u7ix"));
}

async fn without_a_key(server: &TestServer) {
    let admin = login(server, ADMIN, None).await;
    assert_eq!(view(server, &admin).await["storage_ready"], false);
    let to = redirect(
        server,
        "/fn/set_payment_account",
        &admin,
        &[("gateway", "stripe"), ("account_ref", STRIPE_ACCOUNT)],
    )
    .await;
    assert!(to.contains("errore=accounts-not-configured"), "{to}");
}

fn with_key(engine: Engine) {
    common::runtime().block_on(async {
        let server = TestServer::start_configured(engine, |c| {
            c.secret_key = Some(SecretKey::random());
        })
        .await;
        set_and_show(&server).await;
        server.stop().await;
    });
}

#[test]
fn accounts_set_and_shown_sqlite() {
    with_key(Engine::Sqlite);
}

#[test]
fn accounts_set_and_shown_postgres() {
    with_key(Engine::Postgres);
}

both_engines!(accounts_need_the_key_, without_a_key);

//! The OpenID Connect relying party (`server::auth::oidc`) against the fake SPID/CIE broker,
//! over real HTTP: the whole code flow, and every broken answer it must refuse.

use crate::common::fake_oidc;

use fake_oidc::{FakeOidc, FakeOidcOptions, Fault};
use serde_json::json;
use server::auth::oidc::{Identity, OidcClient, OidcError, PendingLogin};

const REDIRECT_URI: &str = "http://127.0.0.1:3000/accedi/spid/callback";

async fn client_for(fake: &FakeOidc) -> OidcClient {
    OidcClient::discover(fake.client_config(REDIRECT_URI))
        .await
        .expect("discovery")
}

/// The browser's part: follows the authorization URL to the broker, which (the citizen having
/// logged in) redirects back with `code` and `state`.
async fn authorize(url: &str) -> (String, String) {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = browser
        .get(url)
        .send()
        .await
        .expect("authorization request");
    assert_eq!(response.status(), reqwest::StatusCode::FOUND);
    let location = response.headers()[reqwest::header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        location.starts_with(REDIRECT_URI),
        "back to our callback: {location}"
    );
    let location = reqwest::Url::parse(&location).unwrap();
    let param = |name: &str| {
        location
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| panic!("no {name} in {location}"))
    };
    (param("code"), param("state"))
}

/// A whole login; the caller's state check included.
async fn login(client: &OidcClient) -> Result<Identity, OidcError> {
    let (url, pending) = client.begin();
    let (code, state) = authorize(&url).await;
    assert_eq!(state, pending.state);
    client.finish(&code, &pending).await
}

fn mario_rossi() -> Identity {
    Identity {
        subject: "spid-fake-0001".into(),
        fiscal_code: Some("RSSMRA80A01F205X".into()),
        given_name: Some("Mario".into()),
        family_name: Some("Rossi".into()),
        name: Some("Mario Rossi".into()),
        email: Some("mario.rossi@example.it".into()),
    }
}

#[tokio::test]
async fn confidential_client_logs_the_citizen_in() {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    assert_eq!(client.metadata().issuer, fake.issuer);

    let (url, pending) = client.begin();
    let url = reqwest::Url::parse(&url).unwrap();
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(url.path(), "/authorize");
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["scope"], "openid profile email");
    assert_eq!(query["client_id"], fake_oidc::CLIENT_ID);
    assert_eq!(query["redirect_uri"], REDIRECT_URI);
    assert_eq!(query["state"], pending.state);
    assert_eq!(query["nonce"], pending.nonce);
    assert_eq!(query["code_challenge_method"], "S256");
    assert_eq!(
        query["code_challenge"],
        server::auth::oidc::pkce_challenge(&pending.code_verifier)
    );
    assert!(
        !query.contains_key("code_verifier"),
        "the verifier stays here"
    );
    for secret in [&pending.state, &pending.nonce, &pending.code_verifier] {
        assert!(secret.len() >= 43, "32 random bytes at least");
    }
    let (_, other) = client.begin();
    assert_ne!(pending.state, other.state);
    assert_ne!(pending.nonce, other.nonce);
    assert_ne!(pending.code_verifier, other.code_verifier);

    let (code, state) = authorize(url.as_str()).await;
    assert_eq!(state, pending.state);
    let identity = client.finish(&code, &pending).await.expect("login");
    assert_eq!(identity, mario_rossi());
    assert_eq!(
        fake.jwks_fetches(),
        1,
        "keys fetched at discovery, then cached"
    );
}

#[tokio::test]
async fn public_client_logs_in_with_pkce_alone() {
    let fake = FakeOidc::start_with(FakeOidcOptions {
        client_secret: None,
        ..FakeOidcOptions::default()
    })
    .await;
    let client = client_for(&fake).await;
    assert_eq!(login(&client).await.expect("login"), mario_rossi());
}

#[tokio::test]
async fn the_chosen_identity_logs_in_and_claim_names_vary() {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    fake.set_next_identity(json!({
        "sub": "cie-42",
        "fiscalNumber": "tinit-bnclra85t45h501i",
        "given_name": "Laura",
        "family_name": "Bianchi",
    }));
    let identity = login(&client).await.expect("login");
    assert_eq!(identity.subject, "cie-42");
    assert_eq!(identity.fiscal_code.as_deref(), Some("BNCLRA85T45H501I"));
    assert_eq!(identity.given_name.as_deref(), Some("Laura"));
    assert_eq!(identity.email, None);

    // The next login is the demo citizen again.
    assert_eq!(login(&client).await.expect("login"), mario_rossi());

    // A foreign eIDAS identifier is no Italian fiscal code.
    fake.set_next_identity(json!({ "sub": "eidas-7", "fiscal_code": "TINBE-0123456789" }));
    let identity = login(&client).await.expect("login");
    assert_eq!(identity.subject, "eidas-7");
    assert_eq!(identity.fiscal_code, None);
}

#[tokio::test]
async fn claims_come_from_userinfo_when_the_id_token_has_only_the_subject() {
    let fake = FakeOidc::start().await;
    fake.set_claims_in_userinfo_only(true);
    let client = client_for(&fake).await;
    assert_eq!(login(&client).await.expect("login"), mario_rossi());
}

/// A login whose ID token the fake breaks with `fault`: it must fail, as an invalid token.
async fn refused_id_token(fault: Fault) -> String {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    fake.set_fault(Some(fault));
    match login(&client).await {
        Err(OidcError::InvalidIdToken(reason)) => reason,
        other => panic!("{fault:?}: expected an invalid ID token, got {other:?}"),
    }
}

#[tokio::test]
async fn wrong_nonce_is_refused() {
    assert!(refused_id_token(Fault::WrongNonce).await.contains("nonce"));
}

#[tokio::test]
async fn expired_token_is_refused() {
    assert!(refused_id_token(Fault::Expired).await.contains("expired"));
}

#[tokio::test]
async fn token_issued_in_the_future_is_refused() {
    assert!(
        refused_id_token(Fault::IssuedInFuture)
            .await
            .contains("future")
    );
}

#[tokio::test]
async fn wrong_audience_is_refused() {
    assert!(
        refused_id_token(Fault::WrongAudience)
            .await
            .contains("audience")
    );
}

#[tokio::test]
async fn wrong_issuer_is_refused() {
    assert!(
        refused_id_token(Fault::WrongIssuer)
            .await
            .contains("issuer")
    );
}

#[tokio::test]
async fn signature_by_another_key_is_refused() {
    assert!(
        refused_id_token(Fault::BadSignature)
            .await
            .contains("signature")
    );
}

#[tokio::test]
async fn unknown_key_is_refused_after_fetching_the_keys_once_more() {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    assert_eq!(fake.jwks_fetches(), 1);
    fake.set_fault(Some(Fault::UnknownKey));
    match login(&client).await {
        Err(OidcError::InvalidIdToken(reason)) => {
            assert!(reason.contains(fake_oidc::ROGUE_KID), "{reason}")
        }
        other => panic!("expected an invalid ID token, got {other:?}"),
    }
    assert_eq!(
        fake.jwks_fetches(),
        2,
        "one more fetch, in case of rotation"
    );

    // The client is unharmed: the next good token logs in.
    fake.set_fault(None);
    login(&client).await.expect("login");
}

#[tokio::test]
async fn discovery_document_of_another_issuer_is_refused() {
    let fake = FakeOidc::start().await;
    fake.set_fault(Some(Fault::DiscoveryIssuerMismatch));
    match OidcClient::discover(fake.client_config(REDIRECT_URI)).await {
        Err(OidcError::Discovery(reason)) => assert!(reason.contains("issuer"), "{reason}"),
        other => panic!("expected a discovery error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_code_is_good_once() {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    let (url, pending) = client.begin();
    let (code, _) = authorize(&url).await;
    client.finish(&code, &pending).await.expect("first use");
    match client.finish(&code, &pending).await {
        Err(OidcError::Token(reason)) => assert!(reason.contains("invalid_grant"), "{reason}"),
        other => panic!("expected the code to be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn wrong_pkce_verifier_is_refused() {
    let fake = FakeOidc::start().await;
    let client = client_for(&fake).await;
    let (url, pending) = client.begin();
    let (code, _) = authorize(&url).await;
    // The verifier of another login, as if an attacker injected a stolen code.
    let (_, other) = client.begin();
    let forged = PendingLogin {
        code_verifier: other.code_verifier,
        ..pending.clone()
    };
    match client.finish(&code, &forged).await {
        Err(OidcError::Token(reason)) => assert!(reason.contains("invalid_grant"), "{reason}"),
        other => panic!("expected the verifier to be refused, got {other:?}"),
    }
    // The code was burnt by the failed attempt.
    assert!(client.finish(&code, &pending).await.is_err());
}

#[tokio::test]
async fn wrong_client_secret_is_refused() {
    let fake = FakeOidc::start().await;
    let mut config = fake.client_config(REDIRECT_URI);
    config.client_secret = Some("not-the-secret".into());
    let client = OidcClient::discover(config).await.expect("discovery");
    match login(&client).await {
        Err(OidcError::Token(reason)) => assert!(reason.contains("invalid_client"), "{reason}"),
        other => panic!("expected the client to be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn the_fake_refuses_bad_authorization_requests() {
    let fake = FakeOidc::start().await;
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let challenge = server::auth::oidc::pkce_challenge("a-verifier");
    let request = |client_id: &str, redirect_uri: &str, method: &str| {
        let mut url = reqwest::Url::parse(&format!("{}/authorize", fake.issuer)).unwrap();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("scope", "openid")
            .append_pair("client_id", client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("state", "s")
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", method);
        browser.get(url).send()
    };
    // Unknown client or unregistered redirect: an error page, never a redirect.
    let response = request("someone-else", REDIRECT_URI, "S256").await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::BAD_REQUEST);
    let response = request(fake_oidc::CLIENT_ID, "https://evil.example/cb", "S256")
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::BAD_REQUEST);
    // PKCE "plain" is not accepted: back to the client with an error.
    let response = request(fake_oidc::CLIENT_ID, REDIRECT_URI, "plain")
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::FOUND);
    let location = response.headers()[reqwest::header::LOCATION]
        .to_str()
        .unwrap();
    assert!(location.contains("error=invalid_request"), "{location}");
    assert!(!location.contains("code="), "{location}");
}

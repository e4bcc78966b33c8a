//! A fake OpenID provider standing in for the city's SPID/CIE identity broker.
//!
//! It speaks the real protocol (discovery, authorization code with PKCE S256, token endpoint
//! with client authentication, JWKS, userinfo) over HTTP on 127.0.0.1, so the relying party is
//! tested exactly as it runs against the broker. The login page is skipped: `GET /authorize`
//! answers as if the citizen had just logged in with SPID, as whoever
//! [`FakeOidc::set_next_identity`] chose (a demo citizen otherwise). [`Fault`]s make it issue
//! the broken tokens the relying party must refuse.
//!
//! Browser tests run it as a process (`cargo run -p server --example fake_oidc`), and steer it
//! over HTTP: `POST /_fake/identity` with the claims of the next login, `POST /_fake/fault` with
//! `{"fault": "expired"}` (or `null`).
//!
//! Signing keys: `tests/data/oidc/*.pem`, test-only, compiled in.

// Shared by the integration tests and the standalone example, each using a different part.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::jwk::{Jwk, JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rand::RngCore;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "wemi-test";
pub const CLIENT_SECRET: &str = "wemi-test-secret";
/// Redirect URIs must start with this unless told otherwise (any port on this machine).
pub const REDIRECT_URI_PREFIX: &str = "http://127.0.0.1";
/// The `kid` of the published signing key.
pub const SIGNING_KID: &str = "fake-oidc-2026";
/// The `kid` the unpublished key goes by in [`Fault::UnknownKey`] tokens.
pub const ROGUE_KID: &str = "rogue-key";
/// How long an authorization code can be redeemed.
const CODE_LIFETIME: Duration = Duration::from_secs(60);
const ID_TOKEN_LIFETIME_SECONDS: u64 = 300;

const SIGNING_KEY_PEM: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/oidc/signing-key.pem"
));
const ROGUE_KEY_PEM: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/oidc/rogue-key.pem"
));

/// A broken answer for negative tests; it applies to every token issued while it is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// The ID token carries another nonce than the one of the authorization request.
    WrongNonce,
    /// The ID token expired ten minutes ago.
    Expired,
    /// The ID token is for another client.
    WrongAudience,
    /// The ID token is signed by a key the JWKS does not have, under a `kid` it does not name.
    UnknownKey,
    /// The ID token names the published `kid` but is signed by another key.
    BadSignature,
    /// The ID token names another issuer.
    WrongIssuer,
    /// The ID token was issued ten minutes from now.
    IssuedInFuture,
    /// The discovery document names another issuer than the URL it is served from.
    DiscoveryIssuerMismatch,
}

#[derive(Clone, Debug)]
pub struct FakeOidcOptions {
    /// 0 for any free port.
    pub port: u16,
    pub client_id: String,
    /// `None`: a public client (PKCE only, `client_id` in the token request form).
    pub client_secret: Option<String>,
    pub redirect_uri_prefix: String,
}

impl Default for FakeOidcOptions {
    fn default() -> Self {
        FakeOidcOptions {
            port: 0,
            client_id: CLIENT_ID.into(),
            client_secret: Some(CLIENT_SECRET.into()),
            redirect_uri_prefix: REDIRECT_URI_PREFIX.into(),
        }
    }
}

pub struct FakeOidc {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub issuer: String,
    pub addr: SocketAddr,
    pub client_id: String,
    pub client_secret: Option<String>,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeOidc {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The demo citizen who logs in unless a test chooses someone else.
pub fn demo_citizen() -> Value {
    json!({
        "sub": "spid-fake-0001",
        "fiscal_number": "TINIT-RSSMRA80A01F205X",
        "given_name": "Mario",
        "family_name": "Rossi",
        "name": "Mario Rossi",
        "email": "mario.rossi@example.it",
    })
}

impl FakeOidc {
    /// Starts on a free port with the default client (`CLIENT_ID`, `CLIENT_SECRET`).
    pub async fn start() -> FakeOidc {
        Self::start_with(FakeOidcOptions::default()).await
    }

    pub async fn start_with(options: FakeOidcOptions) -> FakeOidc {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port))
            .await
            .expect("bind the fake OpenID provider");
        let addr = listener.local_addr().expect("local address");
        let issuer = format!("http://{addr}");

        let signing_key = EncodingKey::from_rsa_pem(SIGNING_KEY_PEM).expect("test signing key");
        let rogue_key = EncodingKey::from_rsa_pem(ROGUE_KEY_PEM).expect("test rogue key");
        let mut jwk = Jwk::from_encoding_key(&signing_key, Algorithm::RS256).expect("public JWK");
        jwk.common.key_id = Some(SIGNING_KID.into());
        jwk.common.public_key_use = Some(PublicKeyUse::Signature);

        let shared = Arc::new(Shared {
            issuer: issuer.clone(),
            client_id: options.client_id.clone(),
            client_secret: options.client_secret.clone(),
            redirect_uri_prefix: options.redirect_uri_prefix,
            signing_key,
            rogue_key,
            jwks: JwkSet { keys: vec![jwk] },
            jwks_fetches: AtomicUsize::new(0),
            state: Mutex::new(MutableState::default()),
        });
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/jwks", get(jwks))
            .route("/userinfo", get(userinfo))
            .route("/_fake/identity", post(control_identity))
            .route("/_fake/fault", post(control_fault))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .await
                .expect("fake OpenID provider");
        });
        FakeOidc {
            issuer,
            addr,
            client_id: options.client_id,
            client_secret: options.client_secret,
            shared,
            task,
        }
    }

    /// The relying-party configuration registered at this provider.
    pub fn client_config(&self, redirect_uri: &str) -> server::auth::oidc::OidcConfig {
        server::auth::oidc::OidcConfig {
            issuer: self.issuer.clone(),
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone(),
            redirect_uri: redirect_uri.into(),
        }
    }

    /// The claims (an object: `sub`, `fiscal_number`, `given_name`, …) of whoever logs in at
    /// the next authorization request; the demo citizen after that.
    pub fn set_next_identity(&self, claims: Value) {
        assert!(claims.is_object(), "identity claims must be a JSON object");
        self.shared.state().next_identity = Some(claims);
    }

    /// Breaks the tokens issued from now on (`None` mends them).
    pub fn set_fault(&self, fault: Option<Fault>) {
        self.shared.state().fault = fault;
    }

    /// Whether the personal claims go only to the userinfo endpoint, the ID token carrying just
    /// `sub` (as some brokers do).
    pub fn set_claims_in_userinfo_only(&self, on: bool) {
        self.shared.state().claims_in_userinfo_only = on;
    }

    /// How many times the JWKS has been fetched.
    pub fn jwks_fetches(&self) -> usize {
        self.shared.jwks_fetches.load(Ordering::SeqCst)
    }
}

struct Shared {
    issuer: String,
    client_id: String,
    client_secret: Option<String>,
    redirect_uri_prefix: String,
    signing_key: EncodingKey,
    rogue_key: EncodingKey,
    jwks: JwkSet,
    jwks_fetches: AtomicUsize,
    state: Mutex<MutableState>,
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, MutableState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[derive(Default)]
struct MutableState {
    next_identity: Option<Value>,
    fault: Option<Fault>,
    claims_in_userinfo_only: bool,
    codes: HashMap<String, Grant>,
    /// Access token → the claims userinfo answers with.
    access_tokens: HashMap<String, Value>,
}

/// What an authorization code stands for until it is redeemed.
struct Grant {
    client_id: String,
    redirect_uri: String,
    code_challenge: String,
    nonce: Option<String>,
    claims: Value,
    issued: Instant,
}

async fn discovery(State(shared): State<Arc<Shared>>) -> Json<Value> {
    let base = &shared.issuer;
    let issuer = if shared.state().fault == Some(Fault::DiscoveryIssuerMismatch) {
        format!("{base}/another-issuer")
    } else {
        base.clone()
    };
    let auth_methods = if shared.client_secret.is_some() {
        json!(["client_secret_basic"])
    } else {
        json!(["none"])
    };
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": auth_methods,
        "scopes_supported": ["openid", "profile", "email"],
        "claims_supported": ["sub", "fiscal_number", "given_name", "family_name", "name", "email"],
    }))
}

async fn authorize(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let param = |name: &str| query.get(name).map(String::as_str).unwrap_or_default();
    // RFC 6749 §4.1.2.1: with a bad client or redirect URI, never redirect.
    if param("client_id") != shared.client_id {
        return (StatusCode::BAD_REQUEST, "unknown client_id").into_response();
    }
    let redirect_uri = param("redirect_uri");
    let Ok(mut location) = reqwest::Url::parse(redirect_uri) else {
        return (StatusCode::BAD_REQUEST, "redirect_uri is not a URL").into_response();
    };
    if !redirect_uri.starts_with(&shared.redirect_uri_prefix) {
        return (StatusCode::BAD_REQUEST, "redirect_uri not registered").into_response();
    }

    let problem = if param("response_type") != "code" {
        Some("unsupported_response_type")
    } else if !param("scope").split(' ').any(|s| s == "openid") {
        Some("invalid_scope")
    } else if param("code_challenge_method") != "S256" || param("code_challenge").len() != 43 {
        Some("invalid_request")
    } else {
        None
    };
    let mut pairs = location.query_pairs_mut();
    match problem {
        Some(error) => {
            pairs.append_pair("error", error);
        }
        None => {
            let code = random_token();
            let mut state = shared.state();
            let claims = state.next_identity.take().unwrap_or_else(demo_citizen);
            state.codes.insert(
                code.clone(),
                Grant {
                    client_id: shared.client_id.clone(),
                    redirect_uri: redirect_uri.into(),
                    code_challenge: param("code_challenge").into(),
                    nonce: query.get("nonce").cloned(),
                    claims,
                    issued: Instant::now(),
                },
            );
            pairs.append_pair("code", &code);
        }
    }
    if let Some(state) = query.get("state") {
        pairs.append_pair("state", state);
    }
    drop(pairs);
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let param = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let Some(client_id) = client_authentication(&shared, &headers, param("client_id")) else {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Basic realm=\"fake-oidc\"")],
            Json(json!({ "error": "invalid_client" })),
        )
            .into_response();
    };
    if param("grant_type") != "authorization_code" {
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }

    let mut state = shared.state();
    // Removed before any other check: a code is good for one attempt only (RFC 6749 §4.1.2).
    let Some(grant) = state.codes.remove(param("code")) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    let verifier = param("code_verifier");
    let verifier_ok = (43..=128).contains(&verifier.len())
        && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == grant.code_challenge;
    if grant.client_id != client_id
        || grant.redirect_uri != param("redirect_uri")
        || grant.issued.elapsed() > CODE_LIFETIME
        || !verifier_ok
    {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    }

    let fault = state.fault;
    let userinfo_only = state.claims_in_userinfo_only;
    let sub = grant
        .claims
        .get("sub")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(random_token);
    let mut person = grant.claims.clone();
    person["sub"] = json!(sub);
    let access_token = random_token();
    state
        .access_tokens
        .insert(access_token.clone(), person.clone());
    drop(state);

    let now = unix_now();
    let mut claims = if userinfo_only {
        json!({ "sub": sub })
    } else {
        person
    };
    claims["iss"] = json!(shared.issuer);
    claims["aud"] = json!(shared.client_id);
    claims["iat"] = json!(now);
    claims["auth_time"] = json!(now);
    claims["exp"] = json!(now + ID_TOKEN_LIFETIME_SECONDS);
    claims["acr"] = json!("https://www.spid.gov.it/SpidL2");
    if let Some(nonce) = &grant.nonce {
        claims["nonce"] = json!(nonce);
    }
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(SIGNING_KID.into());
    let mut key = &shared.signing_key;
    match fault {
        Some(Fault::WrongNonce) => claims["nonce"] = json!("not-the-nonce-of-this-login"),
        Some(Fault::Expired) => {
            claims["iat"] = json!(now - 1200);
            claims["exp"] = json!(now - 600);
        }
        Some(Fault::WrongAudience) => claims["aud"] = json!("another-client"),
        Some(Fault::UnknownKey) => {
            header.kid = Some(ROGUE_KID.into());
            key = &shared.rogue_key;
        }
        Some(Fault::BadSignature) => key = &shared.rogue_key,
        Some(Fault::WrongIssuer) => claims["iss"] = json!("https://evil.example"),
        Some(Fault::IssuedInFuture) => {
            claims["iat"] = json!(now + 600);
            claims["exp"] = json!(now + 900);
        }
        Some(Fault::DiscoveryIssuerMismatch) | None => {}
    }
    let id_token = jsonwebtoken::encode(&header, &claims, key).expect("sign the ID token");

    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(json!({
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": ID_TOKEN_LIFETIME_SECONDS,
            "id_token": id_token,
        })),
    )
        .into_response()
}

/// `client_secret_basic` for a confidential client, `client_id` in the form for a public one.
/// Answers the authenticated client id, `None` when the client failed to authenticate.
fn client_authentication(
    shared: &Shared,
    headers: &HeaderMap,
    form_client_id: &str,
) -> Option<String> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "));
    match (&shared.client_secret, basic) {
        (Some(secret), Some(credentials)) => {
            let decoded = String::from_utf8(STANDARD.decode(credentials).ok()?).ok()?;
            let (id, given_secret) = decoded.split_once(':')?;
            // RFC 6749 §2.3.1: both parts are form-urlencoded.
            let (id, given_secret) = (form_decode(id), form_decode(given_secret));
            (id == shared.client_id && given_secret == *secret).then_some(id)
        }
        (None, None) if form_client_id == shared.client_id => Some(form_client_id.into()),
        _ => None,
    }
}

async fn jwks(State(shared): State<Arc<Shared>>) -> Json<JwkSet> {
    shared.jwks_fetches.fetch_add(1, Ordering::SeqCst);
    Json(shared.jwks.clone())
}

async fn userinfo(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let claims = token.and_then(|t| shared.state().access_tokens.get(t).cloned());
    match claims {
        Some(claims) => Json(claims).into_response(),
        None => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")],
        )
            .into_response(),
    }
}

async fn control_identity(
    State(shared): State<Arc<Shared>>,
    Json(claims): Json<Value>,
) -> StatusCode {
    if !claims.is_object() {
        return StatusCode::UNPROCESSABLE_ENTITY;
    }
    shared.state().next_identity = Some(claims);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct FaultRequest {
    fault: Option<Fault>,
}

async fn control_fault(
    State(shared): State<Arc<Shared>>,
    Json(request): Json<FaultRequest>,
) -> StatusCode {
    shared.state().fault = request.fault;
    StatusCode::NO_CONTENT
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, Json(json!({ "error": error }))).into_response()
}

fn form_decode(s: &str) -> String {
    form_urlencoded::parse(format!("v={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

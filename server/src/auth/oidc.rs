//! OpenID Connect relying party for SPID and CIE logins through the city's identity broker.
//!
//! Authorization code flow with PKCE (S256), `state` and `nonce`
//! ([OpenID Connect Core 1.0](https://openid.net/specs/openid-connect-core-1_0.html) §3.1,
//! [RFC 7636](https://www.rfc-editor.org/rfc/rfc7636)):
//!
//! 1. [`OidcClient::discover`] once at start: reads the provider's metadata and signing keys.
//! 2. [`OidcClient::begin`] for each login: the URL to send the browser to, and a
//!    [`PendingLogin`] that the caller keeps server-side, keyed by its `state`.
//! 3. On the callback the caller looks the `PendingLogin` up by the `state` it gets back (an
//!    unknown `state` ends the login there) and calls [`OidcClient::finish`] with the `code`.
//!
//! `finish` takes nothing else from the browser: the ID token comes straight from the token
//! endpoint and is checked against the provider's keys, issuer, our client id, its lifetime and
//! the nonce we made. Tokens, codes and secrets never reach the logs.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::RwLock;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rand::RngCore;
use rand::rngs::OsRng;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the broker asks the citizen to share: SPID/CIE attributes come as these standard
/// claims (plus the broker's `fiscal_number`).
pub const SCOPES: &str = "openid profile email";

/// Clock skew tolerated between us and the provider, in seconds (for `exp` and `iat`).
pub const CLOCK_SKEW_SECONDS: u64 = 60;

/// Signature algorithms accepted on ID tokens. Never `none`, never HMAC: a token must be signed
/// by a key the provider publishes in its JWKS.
const ACCEPTED_ALGORITHMS: [Algorithm; 8] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

const HTTP_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const HTTP_TIMEOUT: Duration = Duration::from_secs(15);

/// The relying party's registration at the provider.
#[derive(Clone)]
pub struct OidcConfig {
    /// The provider's issuer identifier, exactly as it appears in its ID tokens.
    pub issuer: String,
    pub client_id: String,
    /// Set for a confidential client (sent with HTTP Basic, `client_secret_basic`); `None` for a
    /// public client, which sends only its `client_id` and relies on PKCE.
    pub client_secret: Option<String>,
    /// Our callback URL, registered at the provider.
    pub redirect_uri: String,
}

impl fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcConfig")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// A login started by [`OidcClient::begin`] and not finished yet. The caller stores it
/// server-side (never in the browser) under `state` until the callback arrives.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLogin {
    pub state: String,
    pub nonce: String,
    pub code_verifier: String,
}

impl fmt::Debug for PendingLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The state travels in URLs anyway; the nonce and the verifier stay out of logs.
        f.debug_struct("PendingLogin")
            .field("state", &self.state)
            .field("nonce", &"<redacted>")
            .field("code_verifier", &"<redacted>")
            .finish()
    }
}

/// Who logged in, from a validated ID token (completed by the userinfo endpoint when the token
/// carries no personal claims).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The provider's stable identifier for this person (`sub`).
    pub subject: String,
    /// The Italian codice fiscale, normalized by [`normalize_fiscal_code`]; `None` when the
    /// provider sent none or one that is not a valid Italian fiscal code (e.g. a foreign eIDAS
    /// identifier).
    pub fiscal_code: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("OpenID provider discovery failed: {0}")]
    Discovery(String),
    #[error("fetching the OpenID provider's keys failed: {0}")]
    Jwks(String),
    #[error("the token request failed: {0}")]
    Token(String),
    #[error("invalid ID token: {0}")]
    InvalidIdToken(String),
    #[error("the userinfo request failed: {0}")]
    UserInfo(String),
}

/// The parts of the provider's metadata (OpenID Connect Discovery 1.0 §3) that we use.
#[derive(Clone, Debug, Deserialize)]
pub struct ProviderMetadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    #[serde(default)]
    pub response_types_supported: Vec<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Option<Vec<String>>,
}

/// A relying party bound to one provider. Cheap to share behind an `Arc`; the JWKS cache is
/// internally synchronized.
pub struct OidcClient {
    http: reqwest::Client,
    config: OidcConfig,
    metadata: ProviderMetadata,
    /// `metadata.authorization_endpoint`, parsed once at discovery.
    authorization_url: Url,
    jwks: RwLock<JwkSet>,
}

impl fmt::Debug for OidcClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcClient")
            .field("config", &self.config)
            .field("metadata", &self.metadata)
            .finish_non_exhaustive()
    }
}

impl OidcClient {
    /// Reads `{issuer}/.well-known/openid-configuration` and the provider's JWKS.
    pub async fn discover(config: OidcConfig) -> Result<OidcClient, OidcError> {
        let http = reqwest::Client::builder()
            .connect_timeout(HTTP_CONNECT_TIMEOUT)
            .timeout(HTTP_TIMEOUT)
            // No endpoint of the flow redirects; following one could send the client's
            // credentials or the code to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| OidcError::Discovery(format!("HTTP client: {e}")))?;
        Self::discover_with(config, http).await
    }

    /// [`OidcClient::discover`] with a caller-built HTTP client (custom timeouts, proxy, roots).
    pub async fn discover_with(
        config: OidcConfig,
        http: reqwest::Client,
    ) -> Result<OidcClient, OidcError> {
        check_endpoint(&config.issuer).map_err(OidcError::Discovery)?;
        Url::parse(&config.redirect_uri)
            .map_err(|e| OidcError::Discovery(format!("redirect_uri is not a URL: {e}")))?;

        // Discovery §4: the issuer's trailing slash is removed before appending the path.
        let url = format!(
            "{}/.well-known/openid-configuration",
            config.issuer.trim_end_matches('/')
        );
        let metadata: ProviderMetadata =
            get_json(&http, &url).await.map_err(OidcError::Discovery)?;

        // Discovery §4.3: a document for another issuer would let that issuer's tokens in.
        if metadata.issuer != config.issuer {
            return Err(OidcError::Discovery(format!(
                "the document names issuer {:?}, expected {:?}",
                metadata.issuer, config.issuer
            )));
        }
        for endpoint in [
            &metadata.authorization_endpoint,
            &metadata.token_endpoint,
            &metadata.jwks_uri,
        ] {
            check_endpoint(endpoint).map_err(OidcError::Discovery)?;
        }
        if let Some(userinfo) = &metadata.userinfo_endpoint {
            check_endpoint(userinfo).map_err(OidcError::Discovery)?;
        }
        if !metadata.response_types_supported.is_empty()
            && !metadata
                .response_types_supported
                .iter()
                .any(|t| t == "code")
        {
            return Err(OidcError::Discovery(
                "the provider does not support the authorization code flow".into(),
            ));
        }
        if let Some(methods) = &metadata.code_challenge_methods_supported
            && !methods.iter().any(|m| m == "S256")
        {
            return Err(OidcError::Discovery(
                "the provider does not support PKCE with S256".into(),
            ));
        }

        let authorization_url = Url::parse(&metadata.authorization_endpoint)
            .map_err(|e| OidcError::Discovery(format!("authorization_endpoint: {e}")))?;
        let jwks = fetch_jwks(&http, &metadata.jwks_uri).await?;
        tracing::info!(
            issuer = %metadata.issuer,
            keys = jwks.keys.len(),
            "OpenID provider discovered"
        );
        Ok(OidcClient {
            http,
            config,
            metadata,
            authorization_url,
            jwks: RwLock::new(jwks),
        })
    }

    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    pub fn metadata(&self) -> &ProviderMetadata {
        &self.metadata
    }

    /// Starts a login: the authorization URL to redirect the browser to, and the secrets the
    /// callback will need.
    pub fn begin(&self) -> (String, PendingLogin) {
        let pending = PendingLogin {
            state: random_token(),
            nonce: random_token(),
            code_verifier: random_token(),
        };
        let challenge = pkce_challenge(&pending.code_verifier);
        let mut url = self.authorization_url.clone();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("scope", SCOPES)
            .append_pair("client_id", &self.config.client_id)
            .append_pair("redirect_uri", &self.config.redirect_uri)
            .append_pair("state", &pending.state)
            .append_pair("nonce", &pending.nonce)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        (url.into(), pending)
    }

    /// Exchanges the authorization `code` for tokens and validates the ID token against
    /// `pending` (whose `state` the caller has already matched).
    pub async fn finish(&self, code: &str, pending: &PendingLogin) -> Result<Identity, OidcError> {
        let tokens = self.exchange_code(code, pending).await?;
        let claims = self
            .validate_id_token(&tokens.id_token, &pending.nonce)
            .await?;
        let mut identity = claims.identity();

        // Many brokers put only `sub` in the ID token and the attributes behind userinfo.
        if !claims.has_personal_claims()
            && let Some(userinfo_endpoint) = &self.metadata.userinfo_endpoint
            && let Some(access_token) = &tokens.access_token
        {
            let info = self.userinfo(userinfo_endpoint, access_token).await?;
            // OpenID Connect Core §5.3.2: answers for another subject must not be used.
            if info.sub != claims.sub {
                return Err(OidcError::UserInfo(
                    "userinfo names another subject than the ID token".into(),
                ));
            }
            identity = info.identity();
        }
        Ok(identity)
    }

    async fn exchange_code(
        &self,
        code: &str,
        pending: &PendingLogin,
    ) -> Result<TokenResponse, OidcError> {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.config.redirect_uri.as_str()),
            ("code_verifier", pending.code_verifier.as_str()),
        ];
        let mut request = self
            .http
            .post(&self.metadata.token_endpoint)
            .header(reqwest::header::ACCEPT, "application/json");
        match &self.config.client_secret {
            Some(secret) => {
                request = request.header(
                    reqwest::header::AUTHORIZATION,
                    basic_authorization(&self.config.client_id, secret),
                );
            }
            None => form.push(("client_id", self.config.client_id.as_str())),
        }
        let response = request
            .form(&form)
            .send()
            .await
            .map_err(|e| OidcError::Token(e.without_url().to_string()))?;

        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| OidcError::Token(e.without_url().to_string()))?;
        if !status.is_success() {
            // RFC 6749 §5.2; the error code and description carry no secret.
            let detail = serde_json::from_slice::<TokenErrorResponse>(&body)
                .map(|e| match e.error_description {
                    Some(description) => format!("{}: {}", e.error, truncate(&description, 200)),
                    None => e.error,
                })
                .unwrap_or_else(|_| "no error document".into());
            return Err(OidcError::Token(format!("HTTP {status}, {detail}")));
        }
        let tokens: TokenResponse = serde_json::from_slice(&body)
            .map_err(|e| OidcError::Token(format!("malformed token response: {e}")))?;
        if !tokens.token_type.eq_ignore_ascii_case("Bearer") {
            return Err(OidcError::Token(format!(
                "unexpected token_type {:?}",
                tokens.token_type
            )));
        }
        Ok(tokens)
    }

    /// OpenID Connect Core §3.1.3.7.
    async fn validate_id_token(&self, token: &str, nonce: &str) -> Result<IdClaims, OidcError> {
        let invalid = OidcError::InvalidIdToken;
        let header = jsonwebtoken::decode_header(token)
            .map_err(|e| invalid(format!("malformed header: {e}")))?;
        if !ACCEPTED_ALGORITHMS.contains(&header.alg) {
            return Err(invalid(format!("algorithm {:?} not accepted", header.alg)));
        }
        let key = self.signing_key(header.kid.as_deref(), header.alg).await?;

        let mut validation = Validation::new(header.alg);
        validation.leeway = CLOCK_SKEW_SECONDS;
        validation.set_issuer(&[&self.metadata.issuer]);
        validation.set_audience(&[&self.config.client_id]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let data = jsonwebtoken::decode::<IdClaims>(token, &key, &validation).map_err(|e| {
            use jsonwebtoken::errors::ErrorKind;
            invalid(match e.kind() {
                ErrorKind::InvalidSignature => "bad signature".into(),
                ErrorKind::ExpiredSignature => "expired".into(),
                ErrorKind::InvalidIssuer => "wrong issuer".into(),
                ErrorKind::InvalidAudience => "wrong audience".into(),
                _ => e.to_string(),
            })
        })?;
        let claims = data.claims;

        // The library checked these already; checking again costs nothing and keeps the rules
        // of the specification visible here.
        if claims.iss != self.metadata.issuer {
            return Err(invalid("wrong issuer".into()));
        }
        if !claims.aud.contains(&self.config.client_id) {
            return Err(invalid("wrong audience".into()));
        }
        // A token for several audiences must say which party it was issued to, and that is us.
        match &claims.azp {
            Some(azp) if azp != &self.config.client_id => {
                return Err(invalid("issued to another party (azp)".into()));
            }
            None if claims.aud.len() > 1 => {
                return Err(invalid("several audiences and no azp".into()));
            }
            _ => {}
        }
        let now = jsonwebtoken::get_current_timestamp();
        if claims.exp + CLOCK_SKEW_SECONDS <= now {
            return Err(invalid("expired".into()));
        }
        match claims.iat {
            Some(iat) if iat > now + CLOCK_SKEW_SECONDS => {
                return Err(invalid("issued in the future".into()));
            }
            Some(_) => {}
            None => return Err(invalid("no iat".into())),
        }
        if claims.sub.is_empty() {
            return Err(invalid("empty subject".into()));
        }
        // The nonce binds the token to the login this browser started (replay protection).
        match &claims.nonce {
            Some(got) if constant_time_eq(got.as_bytes(), nonce.as_bytes()) => {}
            Some(_) => return Err(invalid("nonce does not match".into())),
            None => return Err(invalid("no nonce".into())),
        }
        Ok(claims)
    }

    /// The key the token names. An unknown `kid` may mean the provider rotated its keys, so the
    /// JWKS is fetched again once; ID tokens only come from the token endpoint, so a forged
    /// `kid` cannot make us hammer the provider.
    async fn signing_key(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<DecodingKey, OidcError> {
        if let Some(key) = self.cached_key(kid, alg)? {
            return Ok(key);
        }
        let fresh = fetch_jwks(&self.http, &self.metadata.jwks_uri).await?;
        tracing::info!(
            issuer = %self.metadata.issuer,
            keys = fresh.keys.len(),
            "OpenID provider keys fetched again for an unknown key id"
        );
        *self.jwks.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        self.cached_key(kid, alg)?.ok_or_else(|| {
            OidcError::InvalidIdToken(match kid {
                Some(kid) => format!("signed with key {kid:?}, not published by the provider"),
                None => "no key id and no single matching key".into(),
            })
        })
    }

    fn cached_key(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<Option<DecodingKey>, OidcError> {
        let jwks = self.jwks.read().unwrap_or_else(|e| e.into_inner());
        let candidates: Vec<&Jwk> = jwks
            .keys
            .iter()
            .filter(|jwk| match kid {
                Some(kid) => jwk.common.key_id.as_deref() == Some(kid),
                None => true,
            })
            .filter(|jwk| usable_for(jwk, alg))
            .collect();
        // Without a `kid` the choice is only safe when it is not a choice.
        let jwk = match (kid, candidates.as_slice()) {
            (_, [jwk]) => *jwk,
            (Some(_), [jwk, ..]) => *jwk,
            _ => return Ok(None),
        };
        DecodingKey::from_jwk(jwk)
            .map(Some)
            .map_err(|e| OidcError::Jwks(format!("unusable key: {e}")))
    }

    async fn userinfo(&self, endpoint: &str, access_token: &str) -> Result<IdClaims, OidcError> {
        let response = self
            .http
            .get(endpoint)
            .bearer_auth(access_token)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| OidcError::UserInfo(e.without_url().to_string()))?;
        if !response.status().is_success() {
            return Err(OidcError::UserInfo(format!("HTTP {}", response.status())));
        }
        // A signed (JWT) userinfo answer is not supported: brokers answer JSON unless asked.
        response
            .json::<IdClaims>()
            .await
            .map_err(|e| OidcError::UserInfo(format!("malformed answer: {e}")))
    }
}

/// Strips the `TINIT-` prefix SPID uses for Italian fiscal numbers, uppercases, and checks the
/// 16-character codice fiscale: its shape (omocodia included), birth month and day, and the
/// check character (DM 23/12/1976, tables of the odd and even positions).
pub fn normalize_fiscal_code(raw: &str) -> Option<String> {
    let upper = raw.trim().to_ascii_uppercase();
    let code = upper.strip_prefix("TINIT-").unwrap_or(&upper);
    // Shape, month, day and check character: the one implementation in the domain crate.
    domain::fiscal_code::normalize_fiscal_code(code).ok()
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: String,
    #[serde(default)]
    access_token: Option<String>,
    token_type: String,
}

#[derive(Deserialize)]
struct TokenErrorResponse {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
    #[default]
    None,
}

impl Audience {
    fn contains(&self, client_id: &str) -> bool {
        match self {
            Audience::One(aud) => aud == client_id,
            Audience::Many(auds) => auds.iter().any(|a| a == client_id),
            Audience::None => false,
        }
    }

    fn len(&self) -> usize {
        match self {
            Audience::One(_) => 1,
            Audience::Many(auds) => auds.len(),
            Audience::None => 0,
        }
    }
}

/// Claims of an ID token or of a userinfo answer (which has only `sub` for sure).
#[derive(Debug, Deserialize)]
struct IdClaims {
    sub: String,
    #[serde(default)]
    iss: String,
    #[serde(default)]
    aud: Audience,
    #[serde(default)]
    azp: Option<String>,
    #[serde(default)]
    exp: u64,
    /// Required in an ID token, absent from userinfo answers.
    #[serde(default)]
    iat: Option<u64>,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    given_name: Option<String>,
    #[serde(default)]
    family_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
    /// Brokers disagree on the name of the fiscal-number claim.
    #[serde(flatten)]
    other: BTreeMap<String, serde_json::Value>,
}

const FISCAL_NUMBER_CLAIMS: [&str; 3] = ["fiscal_number", "fiscalNumber", "fiscal_code"];

impl IdClaims {
    fn raw_fiscal_number(&self) -> Option<&str> {
        FISCAL_NUMBER_CLAIMS
            .iter()
            .find_map(|claim| self.other.get(*claim).and_then(|v| v.as_str()))
    }

    fn has_personal_claims(&self) -> bool {
        self.raw_fiscal_number().is_some()
            || self.given_name.is_some()
            || self.family_name.is_some()
            || self.name.is_some()
            || self.email.is_some()
    }

    fn identity(&self) -> Identity {
        let fiscal_code = self.raw_fiscal_number().and_then(|raw| {
            let normalized = normalize_fiscal_code(raw);
            if normalized.is_none() {
                // The value itself is personal data: it stays out of the log.
                tracing::warn!("the identity provider sent a fiscal number that is not a valid Italian fiscal code");
            }
            normalized
        });
        let non_empty = |v: &Option<String>| {
            v.as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        Identity {
            subject: self.sub.clone(),
            fiscal_code,
            given_name: non_empty(&self.given_name),
            family_name: non_empty(&self.family_name),
            name: non_empty(&self.name),
            email: non_empty(&self.email),
        }
    }
}

/// Whether `jwk` can verify a signature made with `alg`.
fn usable_for(jwk: &Jwk, alg: Algorithm) -> bool {
    if matches!(&jwk.common.public_key_use, Some(u) if *u != PublicKeyUse::Signature) {
        return false;
    }
    // A key pinned to one algorithm must not be used with another (algorithm confusion).
    if let Some(key_alg) = jwk.common.key_algorithm
        && Algorithm::try_from(key_alg).ok() != Some(alg)
    {
        return false;
    }
    match (&jwk.algorithm, alg) {
        (
            AlgorithmParameters::RSA(_),
            Algorithm::RS256
            | Algorithm::RS384
            | Algorithm::RS512
            | Algorithm::PS256
            | Algorithm::PS384
            | Algorithm::PS512,
        ) => true,
        (AlgorithmParameters::EllipticCurve(ec), Algorithm::ES256) => {
            ec.curve == EllipticCurve::P256
        }
        (AlgorithmParameters::EllipticCurve(ec), Algorithm::ES384) => {
            ec.curve == EllipticCurve::P384
        }
        _ => false,
    }
}

async fn fetch_jwks(http: &reqwest::Client, jwks_uri: &str) -> Result<JwkSet, OidcError> {
    get_json(http, jwks_uri).await.map_err(OidcError::Jwks)
}

async fn get_json<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
) -> Result<T, String> {
    let response = http
        .get(url)
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(|e| format!("GET {url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("GET {url}: HTTP {}", response.status()));
    }
    response
        .json()
        .await
        .map_err(|e| format!("GET {url}: malformed document: {e}"))
}

/// Provider endpoints must be HTTPS; plain HTTP only on this machine (tests, the fake provider).
fn check_endpoint(url: &str) -> Result<(), String> {
    let parsed = Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
    let host = parsed.host_str().unwrap_or_default();
    let loopback = host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(format!("{url:?} is not an https URL")),
    }
}

/// 32 random bytes, base64url without padding (43 characters): enough for state, nonce and a
/// PKCE verifier (RFC 7636 §4.1 asks for 43 to 128 characters of this alphabet).
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// RFC 7636 §4.2: `BASE64URL(SHA256(ASCII(code_verifier)))`.
pub fn pkce_challenge(code_verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(code_verifier.as_bytes()))
}

/// RFC 6749 §2.3.1: the id and the secret are form-urlencoded before the Basic encoding.
fn basic_authorization(client_id: &str, secret: &str) -> String {
    let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let pair = format!("{}:{}", encode(client_id), encode(secret));
    format!("Basic {}", STANDARD.encode(pair))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_fiscal_code_is_kept() {
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A01F205X").as_deref(),
            Some("RSSMRA80A01F205X")
        );
        // A woman (day + 40).
        assert_eq!(
            normalize_fiscal_code("BNCLRA85T45H501I").as_deref(),
            Some("BNCLRA85T45H501I")
        );
    }

    #[test]
    fn lowercase_and_spaces_are_normalized() {
        assert_eq!(
            normalize_fiscal_code("  rssmra80a01f205x ").as_deref(),
            Some("RSSMRA80A01F205X")
        );
    }

    #[test]
    fn spid_tinit_prefix_is_stripped() {
        assert_eq!(
            normalize_fiscal_code("TINIT-RSSMRA80A01F205X").as_deref(),
            Some("RSSMRA80A01F205X")
        );
        assert_eq!(
            normalize_fiscal_code("tinit-rssmra80a01f205x").as_deref(),
            Some("RSSMRA80A01F205X")
        );
    }

    #[test]
    fn omocodic_code_is_accepted() {
        // The last digit of the place code (5) replaced by R.
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A01F20RS").as_deref(),
            Some("RSSMRA80A01F20RS")
        );
    }

    #[test]
    fn wrong_check_character_is_rejected() {
        assert_eq!(normalize_fiscal_code("RSSMRA80A01F205Y"), None);
        assert_eq!(normalize_fiscal_code("TINIT-RSSMRA80A01F205A"), None);
    }

    #[test]
    fn wrong_length_is_rejected() {
        assert_eq!(normalize_fiscal_code("RSSMRA80A01F205"), None);
        assert_eq!(normalize_fiscal_code("RSSMRA80A01F205XX"), None);
        assert_eq!(normalize_fiscal_code(""), None);
        assert_eq!(normalize_fiscal_code("TINIT-"), None);
    }

    #[test]
    fn wrong_shape_is_rejected() {
        // Month letter Z does not exist, day 35 neither, digits where letters belong.
        assert_eq!(normalize_fiscal_code("RSSMRA80Z01F205X"), None);
        assert_eq!(normalize_fiscal_code("RSSMRA80A35F205X"), None);
        assert_eq!(normalize_fiscal_code("R5SMRA80A01F205X"), None);
        // Another country's eIDAS identifier.
        assert_eq!(normalize_fiscal_code("TINBE-1234567890123456"), None);
        // Non-ASCII must not panic.
        assert_eq!(normalize_fiscal_code("RSSMRA80A01F205É"), None);
    }

    #[test]
    fn pkce_challenge_matches_rfc_7636_example() {
        // RFC 7636 Appendix B.
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens_are_long_and_distinct() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_ne!(a, random_token());
    }

    #[test]
    fn basic_authorization_form_encodes_the_credentials() {
        // "a b:c" → "a+b%3Ac" before base64.
        assert_eq!(
            basic_authorization("a b", "c:d"),
            format!("Basic {}", STANDARD.encode("a+b:c%3Ad"))
        );
    }

    #[test]
    fn keys_are_used_only_for_their_algorithm_family_and_purpose() {
        let jwk = |v: serde_json::Value| serde_json::from_value::<Jwk>(v).unwrap();
        let rsa = jwk(serde_json::json!({"kty": "RSA", "kid": "r", "n": "AQAB", "e": "AQAB"}));
        assert!(usable_for(&rsa, Algorithm::RS256));
        assert!(usable_for(&rsa, Algorithm::PS256));
        assert!(!usable_for(&rsa, Algorithm::ES256));
        assert!(!usable_for(&rsa, Algorithm::HS256));
        let p256 = jwk(serde_json::json!({
            "kty": "EC", "crv": "P-256", "x": "AQAB", "y": "AQAB", "use": "sig"
        }));
        assert!(usable_for(&p256, Algorithm::ES256));
        assert!(!usable_for(&p256, Algorithm::ES384));
        assert!(!usable_for(&p256, Algorithm::RS256));
        let pinned = jwk(serde_json::json!({
            "kty": "RSA", "alg": "PS256", "n": "AQAB", "e": "AQAB"
        }));
        assert!(usable_for(&pinned, Algorithm::PS256));
        assert!(!usable_for(&pinned, Algorithm::RS256));
        let encryption = jwk(serde_json::json!({
            "kty": "RSA", "use": "enc", "n": "AQAB", "e": "AQAB"
        }));
        assert!(!usable_for(&encryption, Algorithm::RS256));
    }

    #[test]
    fn endpoints_must_be_https_except_on_loopback() {
        assert!(check_endpoint("https://id.comune.milano.it/oidc").is_ok());
        assert!(check_endpoint("http://127.0.0.1:4000").is_ok());
        assert!(check_endpoint("http://localhost:4000").is_ok());
        assert!(check_endpoint("http://id.comune.milano.it").is_err());
        assert!(check_endpoint("not a url").is_err());
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let config = OidcConfig {
            issuer: "https://id.example".into(),
            client_id: "wemi".into(),
            client_secret: Some("s3cret".into()),
            redirect_uri: "https://wemi.example/cb".into(),
        };
        assert!(!format!("{config:?}").contains("s3cret"));
        let pending = PendingLogin {
            state: "st".into(),
            nonce: "n0nce".into(),
            code_verifier: "v3rifier".into(),
        };
        let shown = format!("{pending:?}");
        assert!(!shown.contains("n0nce") && !shown.contains("v3rifier"));
    }
}

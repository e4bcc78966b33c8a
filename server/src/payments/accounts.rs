//! Providers' accounts at the real gateways: each provider is the merchant of record, paid on
//! its own Stripe Connect account (`acct_…`) or PayPal merchant id. The reference is stored
//! encrypted with AES-256-GCM under the portal's key (`WEMI_SECRET_KEY`, base64 of 32 bytes):
//! a fresh random 96-bit nonce per value, kept with the ciphertext, and the provider and gateway
//! as associated data, so a value copied onto another provider's row does not decrypt.
//!
//! Stored text: `v1:` + base64(nonce ‖ ciphertext ‖ tag).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use time::OffsetDateTime;

use super::GatewayError;
use crate::store::{Db, on_pool};

const VERSION: &str = "v1:";
const NONCE_LEN: usize = 12;

/// The portal's 256-bit encryption key. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

impl SecretKey {
    pub fn from_bytes(bytes: [u8; 32]) -> SecretKey {
        SecretKey(bytes)
    }

    /// Reads the key as `WEMI_SECRET_KEY` holds it: standard base64 (padding optional) of
    /// exactly 32 bytes, e.g. the output of `openssl rand -base64 32`.
    pub fn from_base64(text: &str) -> Result<SecretKey, String> {
        let trimmed = text.trim().trim_end_matches('=');
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(trimmed)
            .map_err(|_| "is not base64 (make one with `openssl rand -base64 32`)".to_string())?;
        let key: [u8; 32] = bytes.try_into().map_err(|b: Vec<u8>| {
            format!(
                "must be 32 bytes once decoded, not {} (make one with `openssl rand -base64 32`)",
                b.len()
            )
        })?;
        Ok(SecretKey(key))
    }

    /// A fresh random key (tests, tools).
    pub fn random() -> SecretKey {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        SecretKey(key)
    }

    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.0)
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.0))
    }
}

/// The gateways a provider can have an account at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountGateway {
    Stripe,
    Paypal,
}

impl AccountGateway {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountGateway::Stripe => "stripe",
            AccountGateway::Paypal => "paypal",
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("not an encrypted value of this version")]
    Malformed,
    #[error("cannot decrypt: another key, or the value was altered or moved")]
    Undecryptable,
}

/// What binds a value to its row: the provider and the gateway.
fn associated_data(provider_id: i64, gateway: AccountGateway) -> Vec<u8> {
    format!("wemi-payment-account:{provider_id}:{}", gateway.as_str()).into_bytes()
}

/// Encrypts `plaintext` for the row (`provider_id`, `gateway`).
pub fn encrypt(
    key: &SecretKey,
    provider_id: i64,
    gateway: AccountGateway,
    plaintext: &str,
) -> String {
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let aad = associated_data(provider_id, gateway);
    let sealed = key
        .cipher()
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext.as_bytes(),
                aad: &aad,
            },
        )
        .expect("AES-GCM encrypts any message of this size");
    let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    format!("{VERSION}{}", STANDARD.encode(out))
}

/// Decrypts what [`encrypt`] wrote for the same row.
pub fn decrypt(
    key: &SecretKey,
    provider_id: i64,
    gateway: AccountGateway,
    stored: &str,
) -> Result<String, CryptoError> {
    let encoded = stored.strip_prefix(VERSION).ok_or(CryptoError::Malformed)?;
    let bytes = STANDARD
        .decode(encoded)
        .map_err(|_| CryptoError::Malformed)?;
    // A nonce and at least the 16-byte tag.
    if bytes.len() < NONCE_LEN + 16 {
        return Err(CryptoError::Malformed);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let aad = associated_data(provider_id, gateway);
    let plain = key
        .cipher()
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::Undecryptable)?;
    String::from_utf8(plain).map_err(|_| CryptoError::Undecryptable)
}

/// Sets (or replaces) a provider's account at a gateway.
pub async fn set(
    db: &Db,
    key: &SecretKey,
    provider_id: i64,
    gateway: AccountGateway,
    account_ref: &str,
) -> Result<(), sqlx::Error> {
    let sealed = encrypt(key, provider_id, gateway, account_ref);
    let now = OffsetDateTime::now_utc();
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO provider_payment_accounts (provider_id, gateway, account_ref_encrypted, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (provider_id, gateway) DO UPDATE SET \
         account_ref_encrypted = EXCLUDED.account_ref_encrypted, updated_at = EXCLUDED.updated_at"
    )
    .bind(provider_id).bind(gateway.as_str()).bind(&sealed).bind(now)
    .execute(pool).await.map(|_| ()))
}

/// Removes a provider's account at a gateway (its checkouts then stop).
pub async fn remove(db: &Db, provider_id: i64, gateway: AccountGateway) -> Result<(), sqlx::Error> {
    on_pool!(db, pool => sqlx::query(
        "DELETE FROM provider_payment_accounts WHERE provider_id = $1 AND gateway = $2"
    ).bind(provider_id).bind(gateway.as_str()).execute(pool).await.map(|_| ()))
}

/// The stored (encrypted) value, as it is in the database.
pub async fn stored(
    db: &Db,
    provider_id: i64,
    gateway: AccountGateway,
) -> Result<Option<String>, sqlx::Error> {
    on_pool!(db, pool => sqlx::query_scalar::<_, String>(
        "SELECT account_ref_encrypted FROM provider_payment_accounts \
         WHERE provider_id = $1 AND gateway = $2"
    ).bind(provider_id).bind(gateway.as_str()).fetch_optional(pool).await)
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored account of provider {provider_id}: {source}")]
    Crypto {
        provider_id: i64,
        source: CryptoError,
    },
}

/// A provider's account at a gateway, decrypted; `None` when it has none.
pub async fn get(
    db: &Db,
    key: &SecretKey,
    provider_id: i64,
    gateway: AccountGateway,
) -> Result<Option<String>, AccountError> {
    let Some(sealed) = stored(db, provider_id, gateway).await? else {
        return Ok(None);
    };
    decrypt(key, provider_id, gateway, &sealed)
        .map(Some)
        .map_err(|source| AccountError::Crypto {
            provider_id,
            source,
        })
}

/// The account a checkout for `provider_id` is paid to: a provider without one (or whose value
/// cannot be read) cannot take payments, and the portal says the payment service is unavailable.
pub(crate) async fn account_for_checkout(
    db: &Db,
    key: &SecretKey,
    provider_id: i64,
    gateway: AccountGateway,
) -> Result<String, GatewayError> {
    match get(db, key, provider_id, gateway).await {
        Ok(Some(account)) if !account.trim().is_empty() => Ok(account),
        Ok(_) => {
            tracing::warn!(
                provider_id,
                gateway = gateway.as_str(),
                "provider has no payment account"
            );
            Err(GatewayError::Unavailable(format!(
                "provider {provider_id} has no {} account",
                gateway.as_str()
            )))
        }
        Err(err) => {
            tracing::error!(%err, "payment account unreadable");
            Err(GatewayError::Unavailable(err.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_bytes([7; 32])
    }

    #[test]
    fn round_trip_with_a_fresh_nonce_each_time() {
        let a = encrypt(&key(), 1, AccountGateway::Stripe, "acct_1Nv0FGQ9RKHgCVdK");
        let b = encrypt(&key(), 1, AccountGateway::Stripe, "acct_1Nv0FGQ9RKHgCVdK");
        assert!(a.starts_with("v1:"));
        assert_ne!(a, b, "random nonce");
        assert!(!a.contains("acct_"), "not in clear");
        for sealed in [&a, &b] {
            assert_eq!(
                decrypt(&key(), 1, AccountGateway::Stripe, sealed).unwrap(),
                "acct_1Nv0FGQ9RKHgCVdK"
            );
        }
        // The nonce is stored with the ciphertext: 12 + len + 16 bytes.
        let raw = STANDARD.decode(&a[3..]).unwrap();
        assert_eq!(raw.len(), 12 + "acct_1Nv0FGQ9RKHgCVdK".len() + 16);
    }

    #[test]
    fn another_key_row_or_gateway_does_not_decrypt() {
        let sealed = encrypt(&key(), 1, AccountGateway::Paypal, "7KNGBPH2U58GQ");
        let other = SecretKey::from_bytes([8; 32]);
        assert_eq!(
            decrypt(&other, 1, AccountGateway::Paypal, &sealed),
            Err(CryptoError::Undecryptable)
        );
        assert_eq!(
            decrypt(&key(), 2, AccountGateway::Paypal, &sealed),
            Err(CryptoError::Undecryptable),
            "moved to another provider"
        );
        assert_eq!(
            decrypt(&key(), 1, AccountGateway::Stripe, &sealed),
            Err(CryptoError::Undecryptable),
            "moved to another gateway"
        );
    }

    #[test]
    fn tampered_or_malformed_values_are_refused() {
        let sealed = encrypt(&key(), 1, AccountGateway::Stripe, "acct_x");
        let mut raw = STANDARD.decode(&sealed[3..]).unwrap();
        let last = raw.len() - 1;
        raw[last] ^= 1;
        let tampered = format!("v1:{}", STANDARD.encode(&raw));
        assert_eq!(
            decrypt(&key(), 1, AccountGateway::Stripe, &tampered),
            Err(CryptoError::Undecryptable)
        );
        for bad in ["", "acct_x", "v1:", "v1:!!!", "v2:AAAA", "v1:AAAA"] {
            assert_eq!(
                decrypt(&key(), 1, AccountGateway::Stripe, bad),
                Err(CryptoError::Malformed),
                "{bad}"
            );
        }
    }

    #[test]
    fn keys_are_read_from_base64_of_32_bytes() {
        let k = SecretKey::random();
        assert_eq!(SecretKey::from_base64(&k.to_base64()).unwrap(), k);
        // Padding is optional; surrounding blanks are ignored.
        let unpadded = k.to_base64().trim_end_matches('=').to_string();
        assert_eq!(
            SecretKey::from_base64(&format!(" {unpadded}\n")).unwrap(),
            k
        );
        assert!(
            SecretKey::from_base64(&STANDARD.encode([1u8; 16]))
                .unwrap_err()
                .contains("32 bytes")
        );
        assert!(SecretKey::from_base64("not base64 at all!").is_err());
        assert_eq!(format!("{k:?}"), "SecretKey(***)");
    }
}

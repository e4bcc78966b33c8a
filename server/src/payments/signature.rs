//! Webhook signatures in Stripe's scheme, used by the demo gateway and by Stripe itself: the
//! header `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (several
//! `v1` while a secret is being rolled), refused outside a tolerance window against replays.
//! <https://docs.stripe.com/webhooks#verify-manually>

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's default tolerance.
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("signature header missing or malformed")]
    Malformed,
    #[error("timestamp outside the tolerance window")]
    Stale,
    #[error("no signature matches")]
    Mismatch,
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The header value for `body` sent at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let digest = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex(&digest))
}

/// Checks `header` for `body` at `now`; the comparison is constant-time.
pub fn verify(secret: &str, header: &str, body: &[u8], now: i64) -> Result<(), SignatureError> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => candidates.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if candidates.is_empty() {
        return Err(SignatureError::Malformed);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    let matches = candidates.iter().any(|candidate| {
        unhex(candidate)
            .is_some_and(|bytes| mac(secret, timestamp, body).verify_slice(&bytes).is_ok())
    });
    if matches {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test";

    #[test]
    fn signed_bodies_verify_within_the_window() {
        let header = sign(SECRET, 1_000, b"{}");
        assert!(header.starts_with("t=1000,v1="));
        assert_eq!(verify(SECRET, &header, b"{}", 1_000), Ok(()));
        assert_eq!(verify(SECRET, &header, b"{}", 1_300), Ok(()));
        assert_eq!(
            verify(SECRET, &header, b"{}", 1_301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(SECRET, &header, b"{}", 699),
            Err(SignatureError::Stale)
        );
    }

    #[test]
    fn tampering_is_refused() {
        let header = sign(SECRET, 1_000, b"{\"amount\":100}");
        assert_eq!(
            verify(SECRET, &header, b"{\"amount\":1}", 1_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify("other", &header, b"{\"amount\":100}", 1_000),
            Err(SignatureError::Mismatch)
        );
        // The timestamp is part of what is signed.
        let moved = header.replace("t=1000", "t=1001");
        assert_eq!(
            verify(SECRET, &moved, b"{\"amount\":100}", 1_000),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn any_v1_may_match_and_garbage_is_malformed() {
        let good = sign(SECRET, 5, b"x");
        let v1 = good.split("v1=").nth(1).unwrap();
        let header = format!("t=5,v1=00ff,v0=abc,v1={v1}");
        assert_eq!(verify(SECRET, &header, b"x", 5), Ok(()));
        assert_eq!(verify(SECRET, "", b"x", 5), Err(SignatureError::Malformed));
        assert_eq!(
            verify(SECRET, "t=5", b"x", 5),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(SECRET, "v1=00", b"x", 5),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(SECRET, "t=5,v1=zz", b"x", 5),
            Err(SignatureError::Mismatch)
        );
    }
}

//! Random tokens (session cookies, CSRF tokens, e-mail links) and their stored digests.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

/// 256 random bits, base64url: unguessable and safe in cookies and URLs.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A code of `digits` decimal digits, for people to type (assisted-mode confirmation).
pub fn numeric_code(digits: u32) -> String {
    let bound = 10u64.pow(digits);
    // Rejection sampling keeps every code equally likely.
    let zone = u64::MAX - u64::MAX % bound;
    loop {
        let n = OsRng.next_u64();
        if n < zone {
            return format!("{:0width$}", n % bound, width = digits as usize);
        }
    }
}

/// What the database keeps of a token: its SHA-256, hex. Tokens carry 256 bits of entropy,
/// so a fast hash is enough (no password-style stretching needed).
pub fn digest(token: &str) -> String {
    let hash = Sha256::digest(token.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares secrets in constant time (CSRF tokens).
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_digests_stable() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
        assert_eq!(digest("abc").len(), 64);
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(numeric_code(6).len(), 6);
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}

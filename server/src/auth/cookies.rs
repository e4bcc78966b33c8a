//! The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
//! sub-requests and form posts; Lax rather than Strict so the return from the identity broker,
//! a cross-site navigation, lands logged in), Secure when the portal is served over HTTPS.

use http::HeaderMap;
use http::header::COOKIE;

pub const SESSION_COOKIE: &str = "wemi_session";
/// Marks a kiosk tablet (set by a city admin); the digest is in `kiosk_devices`.
pub const KIOSK_COOKIE: &str = "wemi_kiosk";

pub fn set(name: &str, value: &str, secure: bool, max_age_secs: i64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

pub fn clear(name: &str, secure: bool) -> String {
    set(name, "", secure, 0)
}

/// The value of cookie `name` in the request, if any.
pub fn read<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_and_written() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, "wemi_lang=en; wemi_session=abc".parse().unwrap());
        assert_eq!(read(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(read(&headers, "other"), None);
        let c = set(SESSION_COOKIE, "abc", true, 60);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("Secure"));
        assert!(clear(SESSION_COOKIE, false).contains("Max-Age=0"));
    }
}

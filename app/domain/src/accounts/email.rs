//! E-mail addresses as account identifiers: trimmed and lower-cased, so `Anna@Example.it` and
//! `anna@example.it` are the same account.

/// The normalized address, or `None` when it cannot be an address.
pub fn normalize(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let (user, host) = email.split_once('@')?;
    let plausible = email.len() <= 254
        && !user.is_empty()
        && user.len() <= 64
        && !host.contains('@')
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn addresses_are_normalized_or_refused() {
        assert_eq!(
            normalize("  Anna@Example.IT "),
            Some("anna@example.it".into())
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.it",
            "a@b",
            "a b@c.it",
            "a@b..it",
            "a@b@c.it",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }
}

//! The account references providers give for the real gateways, checked before they are
//! stored (encrypted) so a typo is caught at the form, not at a family's checkout.
//!
//! Formats: a Stripe Connect account id is `acct_` followed by letters and digits; a PayPal
//! merchant id (the "Merchant account ID" of the business account's settings) is 13 upper-case
//! letters and digits.

/// Checks and normalizes a reference for `gateway` (`stripe` or `paypal`); `None` when it is
/// not one.
pub fn normalize(gateway: &str, text: &str) -> Option<String> {
    let text = text.trim();
    match gateway {
        "stripe" => {
            let rest = text.strip_prefix("acct_")?;
            ((8..=64).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
                .then(|| text.to_string())
        }
        "paypal" => {
            let upper = text.to_ascii_uppercase();
            (upper.len() == 13 && upper.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(upper)
        }
        _ => None,
    }
}

/// What the provider's page shows of a stored reference: its last four characters.
pub fn masked(reference: &str) -> String {
    let tail: String = reference
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("••••{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripe_accounts_are_acct_ids() {
        assert_eq!(
            normalize("stripe", " acct_1NqW2eLkdIwHu7ix "),
            Some("acct_1NqW2eLkdIwHu7ix".into())
        );
        assert_eq!(normalize("stripe", "acct_short"), None);
        assert_eq!(normalize("stripe", "cus_1NqW2eLkdIwHu7ix"), None);
        assert_eq!(normalize("stripe", "acct_1NqW2e-LkdIwHu7ix"), None);
        assert_eq!(normalize("stripe", ""), None);
    }

    #[test]
    fn paypal_merchant_ids_are_thirteen_characters() {
        assert_eq!(
            normalize("paypal", "ab12cd34ef56g"),
            Some("AB12CD34EF56G".into())
        );
        assert_eq!(normalize("paypal", "AB12CD34EF56"), None);
        assert_eq!(normalize("paypal", "AB12CD34EF56G7"), None);
        assert_eq!(normalize("paypal", "AB12CD34EF5 G"), None);
        assert_eq!(normalize("bank", "AB12CD34EF56G"), None);
    }

    #[test]
    fn only_the_last_four_characters_are_shown() {
        assert_eq!(masked("acct_1NqW2eLkdIwHu7ix"), "••••u7ix");
        assert_eq!(masked("AB"), "••••AB");
    }
}

//! Settings from the environment (../shared/CONTRACT.md "Running"), checked at start so a bad
//! value stops the portal with a message that says which variable and what is allowed.

use std::net::SocketAddr;
use std::path::PathBuf;

pub use crate::payments::accounts::SecretKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoData {
    /// Load the demo data set into an empty database.
    Auto,
    Off,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentsGateway {
    Demo,
    Stripe,
    Paypal,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub site_addr: SocketAddr,
    pub database_url: String,
    pub demo_data: DemoData,
    pub payments: PaymentsGateway,
    /// Where the built site (pkg/, assets/, icons/, manifest…) lives.
    pub site_root: PathBuf,
    pub production: bool,
    /// Where people reach the portal (`WEMI_PUBLIC_URL`): links in e-mails, the identity
    /// broker's return address, Secure cookies when https. Default: `http://` + site address.
    pub public_url: String,
    /// `WEMI_SMTP_URL`: `smtp://host:port`, `smtp://user:pass@host:587` (STARTTLS) or
    /// `smtps://user:pass@host:465`. Unset: e-mails wait in the outbox.
    pub smtp_url: Option<String>,
    /// `WEMI_MAIL_FROM`: the sender of the portal's e-mails.
    pub mail_from: String,
    /// The city's identity broker for SPID/CIE (`WEMI_OIDC_ISSUER`, `WEMI_OIDC_CLIENT_ID`,
    /// `WEMI_OIDC_CLIENT_SECRET`); unset: login with e-mail and password only.
    pub oidc: Option<OidcSettings>,
    /// Stripe (`WEMI_PAYMENTS=stripe`): `WEMI_STRIPE_SECRET_KEY`, `WEMI_STRIPE_WEBHOOK_SECRET`,
    /// `WEMI_STRIPE_API_BASE`. `None` with any other gateway.
    pub stripe: Option<StripeSettings>,
    /// PayPal (`WEMI_PAYMENTS=paypal`): `WEMI_PAYPAL_CLIENT_ID`, `WEMI_PAYPAL_CLIENT_SECRET`,
    /// `WEMI_PAYPAL_WEBHOOK_ID`, `WEMI_PAYPAL_API_BASE`. `None` with any other gateway.
    pub paypal: Option<PaypalSettings>,
    /// `WEMI_SECRET_KEY` (base64 of 32 bytes): encrypts the providers' payment accounts.
    /// Required with Stripe or PayPal.
    pub secret_key: Option<SecretKey>,
}

pub const DEFAULT_STRIPE_API_BASE: &str = "https://api.stripe.com";
pub const DEFAULT_PAYPAL_API_BASE: &str = "https://api-m.paypal.com";

/// The platform's Stripe account (Connect): its secret key, the signing secret of its webhook
/// endpoint, and the API's address (another only for tests).
#[derive(Clone, PartialEq, Eq)]
pub struct StripeSettings {
    pub secret_key: String,
    pub webhook_secret: String,
    pub api_base: String,
}

impl std::fmt::Debug for StripeSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeSettings")
            .field("secret_key", &"***")
            .field("webhook_secret", &"***")
            .field("api_base", &self.api_base)
            .finish()
    }
}

/// The platform's PayPal REST app: its credentials, the id of its webhook (PayPal verifies
/// deliveries against it), and the API's address (sandbox, or another for tests).
#[derive(Clone, PartialEq, Eq)]
pub struct PaypalSettings {
    pub client_id: String,
    pub client_secret: String,
    pub webhook_id: String,
    pub api_base: String,
}

impl std::fmt::Debug for PaypalSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaypalSettings")
            .field("client_id", &self.client_id)
            .field("client_secret", &"***")
            .field("webhook_id", &self.webhook_id)
            .field("api_base", &self.api_base)
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
}

impl Config {
    /// Settings for tests and tools: these values, everything else at its default.
    pub fn with(
        site_addr: SocketAddr,
        database_url: String,
        demo_data: DemoData,
        site_root: PathBuf,
    ) -> Config {
        Config {
            site_addr,
            database_url,
            demo_data,
            payments: PaymentsGateway::Demo,
            site_root,
            production: true,
            public_url: format!("http://{site_addr}"),
            smtp_url: None,
            mail_from: crate::mail::DEFAULT_FROM.to_string(),
            oidc: None,
            stripe: None,
            paypal: None,
            secret_key: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/wemi.db";

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads settings through `get`, so tests can check parsing without touching the process
    /// environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let value = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };

        let site_addr = match value("LEPTOS_SITE_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(v) => v.parse().map_err(|_| ConfigError {
                var: "LEPTOS_SITE_ADDR",
                message: format!("'{v}' is not an address with a port, e.g. 127.0.0.1:3000"),
            })?,
        };

        let database_url = value("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                var: "DATABASE_URL",
                message: "must start with sqlite:// (a file) or postgres:// (a server)".into(),
            });
        }

        let demo_data = match value("WEMI_DEMO_DATA").as_deref() {
            None | Some("auto") => DemoData::Auto,
            Some("off") => DemoData::Off,
            Some(other) => {
                return Err(ConfigError {
                    var: "WEMI_DEMO_DATA",
                    message: format!("'{other}' is not allowed: use auto or off"),
                });
            }
        };

        let payments = match value("WEMI_PAYMENTS").as_deref() {
            None | Some("demo") => PaymentsGateway::Demo,
            Some("stripe") => PaymentsGateway::Stripe,
            Some("paypal") => PaymentsGateway::Paypal,
            Some(other) => {
                return Err(ConfigError {
                    var: "WEMI_PAYMENTS",
                    message: format!("'{other}' is not allowed: use demo, stripe or paypal"),
                });
            }
        };

        let site_root =
            PathBuf::from(value("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()));
        let production = !matches!(value("LEPTOS_ENV").as_deref(), Some("DEV") | Some("dev"));

        let public_url = match value("WEMI_PUBLIC_URL") {
            None => format!("http://{site_addr}"),
            Some(v) if v.starts_with("http://") || v.starts_with("https://") => {
                v.trim_end_matches('/').to_string()
            }
            Some(v) => {
                return Err(ConfigError {
                    var: "WEMI_PUBLIC_URL",
                    message: format!("'{v}' must start with https:// (or http:// for local use)"),
                });
            }
        };
        let smtp_url = value("WEMI_SMTP_URL");
        if let Some(url) = &smtp_url
            && let Err(message) = crate::mail::smtp::SmtpEndpoint::parse(url)
        {
            return Err(ConfigError {
                var: "WEMI_SMTP_URL",
                message,
            });
        }
        let mail_from =
            value("WEMI_MAIL_FROM").unwrap_or_else(|| crate::mail::DEFAULT_FROM.to_string());
        if let Err(message) = crate::mail::smtp::parse_from(&mail_from) {
            return Err(ConfigError {
                var: "WEMI_MAIL_FROM",
                message,
            });
        }
        let oidc = match (value("WEMI_OIDC_ISSUER"), value("WEMI_OIDC_CLIENT_ID")) {
            (None, None) => None,
            (Some(issuer), Some(client_id)) => Some(OidcSettings {
                issuer,
                client_id,
                client_secret: value("WEMI_OIDC_CLIENT_SECRET"),
            }),
            (Some(_), None) => {
                return Err(ConfigError {
                    var: "WEMI_OIDC_CLIENT_ID",
                    message: "is required when WEMI_OIDC_ISSUER is set".into(),
                });
            }
            (None, Some(_)) => {
                return Err(ConfigError {
                    var: "WEMI_OIDC_ISSUER",
                    message: "is required when WEMI_OIDC_CLIENT_ID is set".into(),
                });
            }
        };

        let secret_key = match value("WEMI_SECRET_KEY") {
            None => None,
            Some(v) => Some(SecretKey::from_base64(&v).map_err(|message| ConfigError {
                var: "WEMI_SECRET_KEY",
                message,
            })?),
        };
        let required = |var: &'static str| {
            value(var).ok_or_else(|| ConfigError {
                var,
                message: format!(
                    "is required when WEMI_PAYMENTS={}",
                    if var.starts_with("WEMI_STRIPE") {
                        "stripe"
                    } else {
                        "paypal"
                    }
                ),
            })
        };
        let api_base = |var: &'static str, default: &str| match value(var) {
            None => Ok(default.to_string()),
            Some(v) if v.starts_with("https://") || v.starts_with("http://") => {
                Ok(v.trim_end_matches('/').to_string())
            }
            Some(v) => Err(ConfigError {
                var,
                message: format!("'{v}' must start with https:// (or http:// for a local fake)"),
            }),
        };
        let (mut stripe, mut paypal) = (None, None);
        match payments {
            PaymentsGateway::Demo => {}
            PaymentsGateway::Stripe => {
                let secret_key = required("WEMI_STRIPE_SECRET_KEY")?;
                if !(secret_key.starts_with("sk_") || secret_key.starts_with("rk_")) {
                    return Err(ConfigError {
                        var: "WEMI_STRIPE_SECRET_KEY",
                        message: "must be the platform's secret (sk_…) or restricted (rk_…) key"
                            .into(),
                    });
                }
                let webhook_secret = required("WEMI_STRIPE_WEBHOOK_SECRET")?;
                if !webhook_secret.starts_with("whsec_") {
                    return Err(ConfigError {
                        var: "WEMI_STRIPE_WEBHOOK_SECRET",
                        message: "must be the webhook endpoint's signing secret (whsec_…)".into(),
                    });
                }
                stripe = Some(StripeSettings {
                    secret_key,
                    webhook_secret,
                    api_base: api_base("WEMI_STRIPE_API_BASE", DEFAULT_STRIPE_API_BASE)?,
                });
            }
            PaymentsGateway::Paypal => {
                paypal = Some(PaypalSettings {
                    client_id: required("WEMI_PAYPAL_CLIENT_ID")?,
                    client_secret: required("WEMI_PAYPAL_CLIENT_SECRET")?,
                    webhook_id: required("WEMI_PAYPAL_WEBHOOK_ID")?,
                    api_base: api_base("WEMI_PAYPAL_API_BASE", DEFAULT_PAYPAL_API_BASE)?,
                });
            }
        }
        if payments != PaymentsGateway::Demo && secret_key.is_none() {
            return Err(ConfigError {
                var: "WEMI_SECRET_KEY",
                message: format!(
                    "is required when WEMI_PAYMENTS={} (it encrypts the providers' payment \
                     accounts): base64 of 32 random bytes, e.g. `openssl rand -base64 32`",
                    if payments == PaymentsGateway::Stripe {
                        "stripe"
                    } else {
                        "paypal"
                    }
                ),
            });
        }

        Ok(Config {
            site_addr,
            database_url,
            demo_data,
            payments,
            site_root,
            production,
            public_url,
            smtp_url,
            mail_from,
            oidc,
            stripe,
            paypal,
            secret_key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_follow_the_contract() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.demo_data, DemoData::Auto);
        assert_eq!(c.payments, PaymentsGateway::Demo);
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (var, val) in [
            ("LEPTOS_SITE_ADDR", "localhost"),
            ("DATABASE_URL", "mysql://x"),
            ("WEMI_DEMO_DATA", "yes"),
            ("WEMI_PAYMENTS", "cash"),
            ("WEMI_PUBLIC_URL", "wemi.example"),
            ("WEMI_SMTP_URL", "ftp://x"),
        ] {
            let err = parse(&[(var, val)]).unwrap_err();
            assert_eq!(err.var, var);
        }
        // The identity broker needs both its address and our client id.
        let err = parse(&[("WEMI_OIDC_ISSUER", "https://id.example")]).unwrap_err();
        assert_eq!(err.var, "WEMI_OIDC_CLIENT_ID");
    }

    const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    fn with_stripe(extra: &[(&'static str, &'static str)]) -> Result<Config, ConfigError> {
        let mut pairs = vec![
            ("WEMI_PAYMENTS", "stripe"),
            ("WEMI_STRIPE_SECRET_KEY", "sk_test_123"),
            ("WEMI_STRIPE_WEBHOOK_SECRET", "whsec_456"),
            ("WEMI_SECRET_KEY", KEY),
        ];
        for (k, v) in extra {
            pairs.retain(|(key, _)| key != k);
            pairs.push((k, v));
        }
        parse(&pairs)
    }

    fn with_paypal(extra: &[(&'static str, &'static str)]) -> Result<Config, ConfigError> {
        let mut pairs = vec![
            ("WEMI_PAYMENTS", "paypal"),
            ("WEMI_PAYPAL_CLIENT_ID", "client"),
            ("WEMI_PAYPAL_CLIENT_SECRET", "secret"),
            ("WEMI_PAYPAL_WEBHOOK_ID", "8PT597110X687430LKGECATA"),
            ("WEMI_SECRET_KEY", KEY),
        ];
        for (k, v) in extra {
            pairs.retain(|(key, _)| key != k);
            pairs.push((k, v));
        }
        parse(&pairs)
    }

    #[test]
    fn demo_needs_no_gateway_settings() {
        let c = parse(&[("WEMI_STRIPE_SECRET_KEY", "sk_test_ignored")]).unwrap();
        assert!(c.stripe.is_none() && c.paypal.is_none() && c.secret_key.is_none());
        let c = Config::with(
            "127.0.0.1:1".parse().unwrap(),
            "sqlite://x".into(),
            DemoData::Off,
            PathBuf::new(),
        );
        assert_eq!(c.payments, PaymentsGateway::Demo);
        assert!(c.stripe.is_none() && c.paypal.is_none() && c.secret_key.is_none());
    }

    #[test]
    fn stripe_settings_are_read_and_checked() {
        let c = with_stripe(&[]).unwrap();
        assert_eq!(c.payments, PaymentsGateway::Stripe);
        let stripe = c.stripe.clone().unwrap();
        assert_eq!(stripe.secret_key, "sk_test_123");
        assert_eq!(stripe.webhook_secret, "whsec_456");
        assert_eq!(stripe.api_base, DEFAULT_STRIPE_API_BASE);
        assert_eq!(c.secret_key.unwrap().to_base64(), KEY);
        assert!(c.paypal.is_none());
        // Secrets never show in logs of the configuration.
        let shown = format!("{stripe:?}");
        assert!(
            !shown.contains("sk_test_123") && !shown.contains("whsec_456"),
            "{shown}"
        );

        let local = with_stripe(&[("WEMI_STRIPE_API_BASE", "http://127.0.0.1:4242/")]).unwrap();
        assert_eq!(local.stripe.unwrap().api_base, "http://127.0.0.1:4242");

        for (var, bad) in [
            ("WEMI_STRIPE_SECRET_KEY", ""),
            ("WEMI_STRIPE_SECRET_KEY", "pk_test_publishable"),
            ("WEMI_STRIPE_WEBHOOK_SECRET", ""),
            ("WEMI_STRIPE_WEBHOOK_SECRET", "secret"),
            ("WEMI_STRIPE_API_BASE", "api.stripe.com"),
            ("WEMI_SECRET_KEY", ""),
            ("WEMI_SECRET_KEY", "c2hvcnQ="),
            ("WEMI_SECRET_KEY", "not base64!"),
        ] {
            let err = with_stripe(&[(var, bad)]).unwrap_err();
            assert_eq!(err.var, var, "{var}={bad}: {err}");
        }
        let missing = with_stripe(&[("WEMI_SECRET_KEY", "")]).unwrap_err();
        assert!(
            missing.to_string().contains("WEMI_PAYMENTS=stripe"),
            "{missing}"
        );
        let missing = with_stripe(&[("WEMI_STRIPE_WEBHOOK_SECRET", "")]).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "WEMI_STRIPE_WEBHOOK_SECRET: is required when WEMI_PAYMENTS=stripe"
        );
    }

    #[test]
    fn paypal_settings_are_read_and_checked() {
        let c = with_paypal(&[]).unwrap();
        assert_eq!(c.payments, PaymentsGateway::Paypal);
        let paypal = c.paypal.clone().unwrap();
        assert_eq!(paypal.client_id, "client");
        assert_eq!(paypal.webhook_id, "8PT597110X687430LKGECATA");
        assert_eq!(paypal.api_base, DEFAULT_PAYPAL_API_BASE);
        assert!(!format!("{paypal:?}").contains("\"secret\""));
        assert!(c.stripe.is_none());
        let sandbox =
            with_paypal(&[("WEMI_PAYPAL_API_BASE", "https://api-m.sandbox.paypal.com")]).unwrap();
        assert_eq!(
            sandbox.paypal.unwrap().api_base,
            "https://api-m.sandbox.paypal.com"
        );
        for var in [
            "WEMI_PAYPAL_CLIENT_ID",
            "WEMI_PAYPAL_CLIENT_SECRET",
            "WEMI_PAYPAL_WEBHOOK_ID",
            "WEMI_SECRET_KEY",
        ] {
            let err = with_paypal(&[(var, "")]).unwrap_err();
            assert_eq!(err.var, var);
            assert!(err.to_string().contains("WEMI_PAYMENTS=paypal"), "{err}");
        }
        let err = with_paypal(&[("WEMI_PAYPAL_API_BASE", "ftp://x")]).unwrap_err();
        assert_eq!(err.var, "WEMI_PAYPAL_API_BASE");
    }
}

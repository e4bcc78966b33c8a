//! Settings from the environment (../shared/CONTRACT.md "Running"), checked at start so a bad
//! value stops the portal with a message that says which variable and what is allowed.

use std::net::SocketAddr;
use std::path::PathBuf;

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
}

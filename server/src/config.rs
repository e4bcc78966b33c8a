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

        Ok(Config {
            site_addr,
            database_url,
            demo_data,
            payments,
            site_root,
            production,
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
        ] {
            let err = parse(&[(var, val)]).unwrap_err();
            assert_eq!(err.var, var);
        }
    }
}

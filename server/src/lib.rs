//! The WeMi server: configuration, wiring of the adapters, and the HTTP surface.
//! `main.rs` runs it; the integration tests start it the same way on a free port.

pub mod auth;
pub mod buying;
pub mod config;
pub mod demo;
pub mod domestic;
pub mod hsds;
pub mod http;
pub mod jobs;
pub mod mail;
pub mod payments;
pub mod pdf;
pub mod rest;
pub mod store;
// Statistics (issue 8).
pub mod statistics;
// Administration (issue 8).
pub mod admin;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::serve::ListenerExt;
use leptos::prelude::LeptosOptions;
use leptos_config::Env;

use crate::config::{Config, DemoData};
use crate::http::AppState;
use crate::store::{Db, SqlStore};

/// Stack of each worker thread. Rendering a large page is deeply recursive (nested view
/// types), more so in debug builds; the 2 MiB default is too tight for the catalogue pages.
pub const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// The multi-threaded runtime the server runs on (`workers` = 0: one per core).
pub fn runtime(workers: usize) -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if workers > 0 {
        builder.worker_threads(workers);
    }
    builder
        .thread_stack_size(WORKER_STACK_BYTES)
        .enable_all()
        .build()
}

/// A server that is listening.
pub struct Running {
    pub addr: SocketAddr,
    pub db: Db,
    /// Buying, for tests that run its scheduled jobs on demand.
    pub buying: Arc<buying::BuyingService>,
    /// Domestic work, for tests that run its reminders on demand.
    pub domestic: Arc<domestic::DomesticService>,
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Opens and migrates the database, loads the demo data if asked, binds the address and
/// starts serving. Returns once the server accepts connections.
pub async fn start(
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Running> {
    let db = store::connect(&config.database_url)
        .await
        .with_context(|| format!("cannot open the database {}", redact(&config.database_url)))?;
    if config.demo_data == DemoData::Auto && demo::load_if_empty(&db).await? {
        domestic::demo::load(&db)
            .await
            .context("cannot load the demo domestic workers")?;
        tracing::info!("demo data set loaded");
    }
    let demo = demo::is_loaded(&db).await?;
    store::search_index::ensure(&db)
        .await
        .context("cannot build the search index")?;

    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.site_addr))?;
    let addr = listener.local_addr()?;
    let leptos_options = LeptosOptions::builder()
        .output_name("wemi")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .env(if config.production {
            Env::PROD
        } else {
            Env::DEV
        })
        .build();
    let store: app::ports::SharedStore = Arc::new(SqlStore::new(db.clone()));
    // Loads the search snapshot now rather than on the first visitor's search.
    tokio::spawn({
        let store = store.clone();
        async move {
            if let Ok(params) = domain::search::SearchParams::from_pairs([]) {
                let _ = store.search_services(&params).await;
            }
        }
    });
    let mail = mail::spawn_worker(
        db.clone(),
        mail::MailConfig::new(config.smtp_url.clone(), config.mail_from.clone()),
    );
    let public_url = config.public_url.clone();
    let accounts = Arc::new(auth::service::AccountService::new(
        db.clone(),
        auth::service::AccountsConfig {
            secure_cookies: public_url.starts_with("https://"),
            oidc: config.oidc.as_ref().map(|o| auth::oidc::OidcConfig {
                issuer: o.issuer.clone(),
                client_id: o.client_id.clone(),
                client_secret: o.client_secret.clone(),
                redirect_uri: format!("{public_url}/accedi/identita-digitale/ritorno"),
            }),
            public_url,
        },
        mail.clone(),
    ));
    jobs::spawn(accounts.clone());
    let buying = match config.payments {
        crate::config::PaymentsGateway::Demo => {
            let secret = payments::demo::webhook_secret(&db)
                .await
                .context("cannot read the demo gateway's webhook secret")?;
            Arc::new(
                buying::BuyingService::with_demo_gateway(
                    db.clone(),
                    secret,
                    addr,
                    mail.clone(),
                    config.public_url.clone(),
                )
                .with_account_key(config.secret_key.clone()),
            )
        }
        crate::config::PaymentsGateway::Stripe => {
            let settings = config
                .stripe
                .clone()
                .context("WEMI_PAYMENTS=stripe: the Stripe settings are missing")?;
            let key = config
                .secret_key
                .clone()
                .context("WEMI_PAYMENTS=stripe: WEMI_SECRET_KEY is missing")?;
            let adapter = payments::stripe::StripeGateway::new(db.clone(), key.clone(), settings);
            Arc::new(
                buying::BuyingService::new(
                    db.clone(),
                    Arc::new(adapter),
                    mail.clone(),
                    config.public_url.clone(),
                )
                .with_account_key(Some(key)),
            )
        }
        crate::config::PaymentsGateway::Paypal => {
            let settings = config
                .paypal
                .clone()
                .context("WEMI_PAYMENTS=paypal: the PayPal settings are missing")?;
            let key = config
                .secret_key
                .clone()
                .context("WEMI_PAYMENTS=paypal: WEMI_SECRET_KEY is missing")?;
            let adapter = payments::paypal::PaypalGateway::new(db.clone(), key.clone(), settings);
            Arc::new(
                buying::BuyingService::new(
                    db.clone(),
                    Arc::new(adapter),
                    mail.clone(),
                    config.public_url.clone(),
                )
                .with_account_key(Some(key)),
            )
        }
    };
    buying::jobs::spawn(buying.clone());
    let domestic = Arc::new(domestic::DomesticService::new(
        db.clone(),
        mail.clone(),
        config.public_url.clone(),
    ));
    domestic::spawn_jobs(domestic.clone());
    let state = AppState {
        leptos_options,
        store,
        demo,
        accounts,
        buying: buying.clone(),
        domestic: domestic.clone(),
        admin: Arc::new(admin::AdminService::new(db.clone())),
    };
    let app = http::router(state);
    // TCP_NODELAY: without it small responses wait for delayed ACKs (~40 ms each).
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(%err, "cannot set TCP_NODELAY");
        }
    });
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
    });
    tracing::info!(%addr, engine = db.engine(), "WeMi is listening");
    Ok(Running {
        addr,
        db,
        buying,
        domestic,
        task,
    })
}

/// The database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            super::redact("postgres://wemi:secret@db:5432/wemi"),
            "postgres://wemi:***@db:5432/wemi"
        );
        assert_eq!(
            super::redact("sqlite://data/wemi.db"),
            "sqlite://data/wemi.db"
        );
    }
}

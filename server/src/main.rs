//! `wemi`: starts the portal with the settings of the environment (see the README).

use server::config::Config;
use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    match server::runtime(0) {
        Ok(runtime) => runtime.block_on(run()),
        Err(err) => {
            eprintln!("wemi: cannot start the async runtime: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> std::process::ExitCode {
    let json_logs = std::env::var("WEMI_LOG_FORMAT").is_ok_and(|v| v == "json");
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    if json_logs {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }

    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("wemi: configuration error: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    match server::start(config, shutdown_signal()).await {
        Ok(running) => match running.task.await {
            Ok(Ok(())) => {
                running.db.close().await;
                tracing::info!("stopped");
                std::process::ExitCode::SUCCESS
            }
            Ok(Err(err)) => {
                eprintln!("wemi: server error: {err}");
                std::process::ExitCode::FAILURE
            }
            Err(err) => {
                eprintln!("wemi: server task failed: {err}");
                std::process::ExitCode::FAILURE
            }
        },
        Err(err) => {
            eprintln!("wemi: cannot start: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Resolves on SIGTERM (service managers) or Ctrl-C; in-flight requests then finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

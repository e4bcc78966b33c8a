//! Scheduled work of every instance: account deletions whose grace period ended, and
//! housekeeping of expired sessions and old login failures. Each run is idempotent, so several
//! instances running it at once do no harm.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::service::AccountService;

const EVERY: Duration = Duration::from_secs(15 * 60);

pub fn spawn(accounts: Arc<AccountService>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            run_once(&accounts).await;
        }
    });
}

pub async fn run_once(accounts: &AccountService) {
    match accounts.run_due_deletions().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(accounts = n, "deleted accounts whose grace period ended"),
        Err(err) => tracing::error!(%err, "account deletion job failed"),
    }
    if let Err(err) = accounts.purge().await {
        tracing::error!(%err, "session housekeeping failed");
    }
}

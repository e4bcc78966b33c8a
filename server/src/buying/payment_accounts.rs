//! Providers' accounts at the real gateways (Stripe Connect account, PayPal merchant id), set by
//! the provider's admin from `/ente/pagamenti`: checked (`domain::payment_accounts`), stored
//! encrypted (`payments::accounts`), shown masked, audited.

use app::model::{PaymentAccountView, PaymentAccountsView, SessionUser};
use app::ports::{BuyingError, ClientInfo};
use domain::payment_accounts::{masked, normalize};

use super::{BuyingService, internal, now};
use crate::payments::accounts::{self, AccountGateway};
use crate::store::{accounts as account_store, audit};

const GATEWAYS: [AccountGateway; 2] = [AccountGateway::Stripe, AccountGateway::Paypal];

/// The provider `who` works for, and whether they are its admin.
pub(super) async fn provider_of(
    s: &BuyingService,
    who: &SessionUser,
) -> Result<(i64, bool), BuyingError> {
    if who.assisted_by.is_some() {
        return Err(BuyingError::Forbidden);
    }
    let roles = account_store::roles(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    let admin = roles
        .iter()
        .find(|(r, _)| r == "provider_admin")
        .map(|(_, p)| *p);
    let operator = roles
        .iter()
        .find(|(r, _)| r == "provider_operator")
        .map(|(_, p)| *p);
    match (admin, operator) {
        (Some(p), _) => Ok((p, true)),
        (None, Some(p)) => Ok((p, false)),
        (None, None) => Err(BuyingError::Forbidden),
    }
}

pub(super) async fn view(
    s: &BuyingService,
    who: &SessionUser,
) -> Result<PaymentAccountsView, BuyingError> {
    let (provider, can_edit) = provider_of(s, who).await?;
    let provider_name = crate::store::receipts::seller(&s.db, provider)
        .await
        .map_err(internal)?
        .map(|p| p.name)
        .unwrap_or_default();
    let mut list = Vec::new();
    for gateway in GATEWAYS {
        let shown = match &s.account_key {
            Some(key) => match accounts::get(&s.db, key, provider, gateway).await {
                Ok(found) => found.map(|r| masked(&r)),
                Err(err) => {
                    tracing::error!(%err, "a stored payment account cannot be read");
                    None
                }
            },
            None => accounts::stored(&s.db, provider, gateway)
                .await
                .map_err(|e| internal(app::ports::StoreError::Backend(e.to_string())))?
                .map(|_| "••••".to_string()),
        };
        list.push(PaymentAccountView {
            gateway: gateway.as_str().to_string(),
            masked: shown,
        });
    }
    Ok(PaymentAccountsView {
        provider_name,
        gateway_in_use: s.gateway.name().to_string(),
        storage_ready: s.account_key.is_some(),
        can_edit,
        accounts: list,
    })
}

pub(super) async fn set(
    s: &BuyingService,
    who: &SessionUser,
    gateway: &str,
    reference: &str,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let (provider, admin) = provider_of(s, who).await?;
    if !admin {
        return Err(BuyingError::Forbidden);
    }
    let which = GATEWAYS
        .into_iter()
        .find(|g| g.as_str() == gateway)
        .ok_or(BuyingError::InvalidField("gateway"))?;
    let store_error = |e: sqlx::Error| internal(app::ports::StoreError::Backend(e.to_string()));
    let action = if reference.trim().is_empty() {
        accounts::remove(&s.db, provider, which)
            .await
            .map_err(store_error)?;
        "payment_account.removed"
    } else {
        let key = s
            .account_key
            .as_ref()
            .ok_or(BuyingError::AccountsNotConfigured)?;
        let clean =
            normalize(gateway, reference).ok_or(BuyingError::InvalidField("account_ref"))?;
        accounts::set(&s.db, key, provider, which, &clean)
            .await
            .map_err(store_error)?;
        "payment_account.set"
    };
    let target = format!("provider:{provider}:{gateway}");
    let entry = audit::Entry {
        actor: Some(who.user_id),
        action,
        target: &target,
        ip: &client.ip,
        request_id: &client.request_id,
        ..Default::default()
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of a payment account change failed");
    }
    Ok(())
}

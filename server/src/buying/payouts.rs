//! The provider's monthly payout report (CSV): payments received and refunds given.

use app::i18n::Locale;
use app::model::SessionUser;
use app::ports::BuyingError;
use domain::payouts::{PayoutKind, PayoutLine, csv, month_bounds};
use domain::rome_time::{format_rome, unix_from_rome_local};
use time::OffsetDateTime;

use super::payment_accounts::provider_of;
use super::{BuyingService, internal};
use crate::store::payouts as store;

fn start_of(date: domain::date::Date) -> Result<OffsetDateTime, BuyingError> {
    unix_from_rome_local(&format!("{date}T00:00"))
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .ok_or(BuyingError::InvalidField("month"))
}

/// The report of `month` (`YYYY-MM`, default this month in Milan): file name and text.
pub async fn report(
    s: &BuyingService,
    who: &SessionUser,
    month: Option<&str>,
) -> Result<(String, String), BuyingError> {
    let (provider, _) = provider_of(s, who).await?;
    let month = match month.map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => m.to_string(),
        None => super::today_in_rome()[..7].to_string(),
    };
    let (first, next) = month_bounds(&month).ok_or(BuyingError::InvalidField("month"))?;
    let rows = store::lines(&s.db, provider, start_of(first)?, start_of(next)?)
        .await
        .map_err(internal)?;
    let lines: Vec<PayoutLine> = rows
        .into_iter()
        .map(|r| PayoutLine {
            when: format_rome(r.at.unix_timestamp()),
            reference: r.reference,
            kind: if r.refund {
                PayoutKind::Refund
            } else {
                PayoutKind::Payment
            },
            customer: r.customer,
            service: r.service,
            method: app::i18n::buying::method_label(Locale::It, &r.payment_method).to_string(),
            voucher_cents: r.voucher_cents,
            gateway_cents: r.gateway_cents,
        })
        .collect();
    Ok((format!("rendiconto-{month}.csv"), csv(&lines)))
}

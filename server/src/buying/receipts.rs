//! The payment receipt of an order (PDF), for the citizen who placed it and the provider's
//! staff; anyone else gets "not found", as for the order itself.

use app::i18n::Locale;
use app::i18n::receipts::receipt_texts;
use app::model::SessionUser;
use app::ports::BuyingError;
use domain::orders::Actor;
use domain::receipts::receipt_available;

use super::orders::{actor_for, audit_actor, load, state_of};
use super::{BuyingService, internal, now};
use crate::pdf::receipt::{Receipt, receipt_pdf};
use crate::store::audit;
use crate::store::orders as order_store;
use crate::store::receipts as store;

/// The receipt's file name and bytes.
pub async fn receipt(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    locale: Locale,
) -> Result<(String, Vec<u8>), BuyingError> {
    let order = load(s, reference).await?;
    let actor = actor_for(s, who, &order)
        .await?
        .filter(|a| matches!(a, Actor::Citizen | Actor::ProviderStaff | Actor::City))
        .ok_or(BuyingError::NotFound)?;
    if !receipt_available(state_of(&order)?) {
        return Err(BuyingError::NotAllowedNow);
    }
    if actor != Actor::Citizen {
        let (a, behalf) = audit_actor(who);
        let entry = audit::Entry {
            actor: a,
            on_behalf_of: behalf,
            action: "order.receipt_viewed",
            subject: order.user_id,
            target: &order.reference,
            reason: actor.as_str(),
            ..Default::default()
        };
        audit::record(&s.db, &entry, now())
            .await
            .map_err(internal)?;
    }
    let seller = store::seller(&s.db, order.provider_id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let payments = store::paid_attempts(&s.db, order.id)
        .await
        .map_err(internal)?;
    let refunds = store::refunds(&s.db, order.id).await.map_err(internal)?;
    let receipt = Receipt {
        reference: order.reference.clone(),
        issued_at: now().unix_timestamp(),
        seller_name: seller.name,
        seller_legal_form: seller.legal_form,
        seller_vat_number: seller.vat_number,
        seller_fiscal_code: seller.fiscal_code,
        seller_address: seller.address,
        customer_name: order.billing_name.clone(),
        customer_fiscal_code: order.billing_fiscal_code.clone(),
        customer_address: order.billing_address.clone(),
        customer_email: order.billing_email.clone(),
        lines: order_store::lines(&s.db, order.id)
            .await
            .map_err(internal)?,
        total_cents: order.total_cents,
        voucher_cents: order.voucher_cents,
        gateway_cents: order.gateway_cents,
        payments: payments
            .into_iter()
            .map(|p| {
                (
                    p.updated_at.unix_timestamp(),
                    order.payment_method.clone(),
                    p.gateway_ref,
                    p.amount_cents,
                )
            })
            .collect(),
        refunds: refunds
            .into_iter()
            .map(|r| {
                (
                    r.created_at.unix_timestamp(),
                    r.reason,
                    r.gateway_cents + r.voucher_cents,
                )
            })
            .collect(),
    };
    let filename = (receipt_texts(locale).filename)(&order.reference);
    Ok((filename, receipt_pdf(locale, &receipt)))
}

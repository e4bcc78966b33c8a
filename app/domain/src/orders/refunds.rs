//! How much may go back, and which refund event an amount is.
//!
//! Refunds add up: the total given back never exceeds what was paid. The event follows from
//! the amount, never from a button: giving back exactly what is left is `refund_full`
//! (→ refunded), less is `refund_partial`. How a refund splits between card and vouchers is
//! [`crate::vouchers::split_refund`].

use super::states::OrderEvent;
use crate::money::Money;

/// What can still be given back.
pub fn refundable(paid: Money, already_refunded: Money) -> Money {
    (paid - already_refunded).max(Money::ZERO)
}

/// Why a refund amount is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RefundError {
    /// Zero or negative.
    #[error("refund must be positive")]
    NotPositive,
    /// Fractions of a cent cannot be paid back.
    #[error("refund in fractions of a cent")]
    SubCent,
    /// Nothing was paid, or everything already went back.
    #[error("nothing left to refund")]
    NothingToRefund,
    /// More than is left.
    #[error("refund exceeds the refundable {refundable}")]
    Exceeds { refundable: Money },
}

impl RefundError {
    pub fn message_it(&self) -> String {
        match self {
            RefundError::NotPositive => {
                "L'importo del rimborso deve essere maggiore di zero.".into()
            }
            RefundError::SubCent => {
                "L'importo del rimborso può avere al massimo due decimali.".into()
            }
            RefundError::NothingToRefund => {
                "Per questo ordine non resta nulla da rimborsare.".into()
            }
            RefundError::Exceeds { refundable } => format!(
                "L'importo del rimborso supera quanto resta da rimborsare per questo ordine ({} €).",
                refundable.format_it()
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            RefundError::NotPositive => "The refund amount must be greater than zero.".into(),
            RefundError::SubCent => "The refund amount may have at most two decimals.".into(),
            RefundError::NothingToRefund => {
                "There is nothing left to refund for this order.".into()
            }
            RefundError::Exceeds { refundable } => format!(
                "The refund amount is more than what is left to refund for this order (€{refundable})."
            ),
        }
    }
}

/// Checks a refund of `amount` on an order that took `paid` and already gave back
/// `already_refunded`, and names its event.
pub fn refund_event(
    paid: Money,
    already_refunded: Money,
    amount: Money,
) -> Result<OrderEvent, RefundError> {
    let left = refundable(paid, already_refunded);
    if left.is_zero() {
        return Err(RefundError::NothingToRefund);
    }
    if amount.is_negative() || amount.is_zero() {
        return Err(RefundError::NotPositive);
    }
    if amount.round_cents() != amount {
        return Err(RefundError::SubCent);
    }
    if amount > left {
        return Err(RefundError::Exceeds { refundable: left });
    }
    Ok(if amount == left {
        OrderEvent::RefundFull
    } else {
        OrderEvent::RefundPartial
    })
}

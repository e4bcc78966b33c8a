//! The citizen's cancellation within the provider's terms, and what it gives back.
//!
//! The catalogue's terms read like "free cancellation up to 48 hours before the appointment;
//! later cancellations are charged at 50% of the price" or "full refund up to 7 days before
//! the start; after that 30% is retained": a free window, then either a fee or no
//! cancellation at all, and never after the start (from then on it is the provider's or the
//! city's call, or a dispute). Provider and city cancellations always give back everything
//! that is left ([`super::refunds::refundable`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::states::{OrderEvent, OrderState};
use crate::money::Money;

/// Longest notice a provider may require (90 days): longer would make cancellation
/// practically impossible for a citizen.
pub const MAX_NOTICE_HOURS: u32 = 90 * 24;

/// A provider's cancellation terms for a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancellationTerms {
    /// Free cancellation until this many hours before the scheduled start.
    pub free_until_hours_before: u32,
    /// The share of the price retained for a cancellation after that, up to the start, in
    /// percent (0–100); `None`: no cancellation by the citizen after the free window.
    pub late_fee_percent: Option<u8>,
}

impl CancellationTerms {
    /// Terms the portal accepts from a provider.
    pub fn check(&self) -> Result<(), CancellationError> {
        let fee_ok = self.late_fee_percent.is_none_or(|p| p <= 100);
        if self.free_until_hours_before > MAX_NOTICE_HOURS || !fee_ok {
            Err(CancellationError::InvalidTerms)
        } else {
            Ok(())
        }
    }

    /// The last instant of free cancellation for a start at `start` (exclusive).
    pub fn free_until(&self, start: i64) -> i64 {
        start - i64::from(self.free_until_hours_before) * 3600
    }
}

/// Free or with a fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancellationKind {
    Free,
    Late,
}

/// What a citizen's cancellation gives back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancellationOutcome {
    pub kind: CancellationKind,
    /// Given back to the citizen.
    pub refund: Money,
    /// Kept by the provider.
    pub retained: Money,
}

impl CancellationOutcome {
    /// The refund event that follows the cancellation, if any money goes back.
    pub fn refund_event(&self) -> Option<OrderEvent> {
        if self.refund.is_zero() {
            None
        } else if self.retained.is_zero() {
            Some(OrderEvent::RefundFull)
        } else {
            Some(OrderEvent::RefundPartial)
        }
    }
}

/// Why the citizen cannot cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CancellationError {
    /// The order is in a state the citizen cannot cancel from (started, delivered, closed).
    #[error("not cancellable in state {}", state.as_str())]
    NotCancellable { state: OrderState },
    /// The free window ended at `free_until` and the terms allow no late cancellation.
    #[error("free cancellation ended at {free_until}")]
    TooLate { free_until: i64 },
    /// The service has started.
    #[error("already started")]
    AlreadyStarted,
    /// The provider's terms are out of bounds.
    #[error("invalid cancellation terms")]
    InvalidTerms,
}

impl CancellationError {
    pub fn message_it(&self) -> String {
        match self {
            CancellationError::NotCancellable { state } => format!(
                "Non puoi annullare un ordine nello stato «{}». Se hai un problema con il servizio puoi contattare l'ente o aprire una contestazione.",
                state.label_it()
            ),
            CancellationError::TooLate { .. } => {
                "Il termine per annullare gratuitamente è scaduto e le condizioni dell'ente non prevedono l'annullamento dopo questo termine. Puoi contattare l'ente per trovare un accordo.".into()
            }
            CancellationError::AlreadyStarted => {
                "Il servizio è già iniziato e non può più essere annullato da qui. Puoi contattare l'ente o, dopo l'erogazione, aprire una contestazione.".into()
            }
            CancellationError::InvalidTerms => {
                "Le condizioni di annullamento di questo servizio non sono valide: la preghiamo di contattare l'ente.".into()
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            CancellationError::NotCancellable { state } => format!(
                "You cannot cancel an order that is \"{}\". If you have a problem with the service, you can contact the provider or raise a dispute.",
                state.label_en()
            ),
            CancellationError::TooLate { .. } => {
                "The free cancellation period has ended and the provider's terms do not allow cancelling after it. You can contact the provider to reach an agreement.".into()
            }
            CancellationError::AlreadyStarted => {
                "The service has already started and can no longer be cancelled here. You can contact the provider or, after delivery, raise a dispute.".into()
            }
            CancellationError::InvalidTerms => {
                "This service's cancellation terms are not valid: please contact the provider.".into()
            }
        }
    }
}

/// Whether the citizen may cancel now and what goes back, for an order in `state` that
/// starts at `scheduled_start` (when known) and for which `paid` was taken.
///
/// - Unpaid orders (awaiting payment, payment failed): always, nothing to give back.
/// - Paid, no start known yet: free (the provider has committed to no date yet).
/// - Before the free window ends: free, everything back.
/// - After it, before the start: the fee is retained (rounded half-up to the cent, never
///   more than was paid), or refused when the terms allow no late cancellation.
/// - From the start on: refused.
pub fn citizen_cancellation(
    state: OrderState,
    terms: &CancellationTerms,
    scheduled_start: Option<i64>,
    now: i64,
    paid: Money,
) -> Result<CancellationOutcome, CancellationError> {
    terms.check()?;
    let free = CancellationOutcome {
        kind: CancellationKind::Free,
        refund: paid,
        retained: Money::ZERO,
    };
    match state {
        OrderState::AwaitingPayment | OrderState::PaymentFailed => Ok(CancellationOutcome {
            refund: Money::ZERO,
            ..free
        }),
        OrderState::Paid | OrderState::Scheduled => {
            let Some(start) = scheduled_start else {
                return Ok(free);
            };
            let free_until = terms.free_until(start);
            if now >= start {
                Err(CancellationError::AlreadyStarted)
            } else if now < free_until {
                Ok(free)
            } else {
                let percent = terms
                    .late_fee_percent
                    .ok_or(CancellationError::TooLate { free_until })?;
                let fee = (paid * Decimal::from(percent) / Decimal::ONE_HUNDRED).round_cents();
                let retained = fee.min(paid);
                Ok(CancellationOutcome {
                    kind: CancellationKind::Late,
                    refund: paid - retained,
                    retained,
                })
            }
        }
        _ => Err(CancellationError::NotCancellable { state }),
    }
}

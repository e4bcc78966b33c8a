//! Why a quote request, an offer or an action on them is refused.

use super::{MAX_ANSWER_DAYS, MAX_OFFER_DAYS, MAX_PROVIDERS, MAX_REASON_CHARS, OfferState};
use super::{MAX_PRICE_CENTS, RequestState};
use crate::money::Money;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    // A new request.
    #[error("no provider chosen")]
    NoProviders,
    #[error("more than {MAX_PROVIDERS} providers")]
    TooManyProviders,
    #[error("a provider chosen twice")]
    DuplicateProvider,
    #[error("answer deadline not in the future")]
    AnswerByInPast,
    #[error("answer deadline too far")]
    AnswerByTooFar,
    // A new offer.
    #[error("price must be positive")]
    PriceNotPositive,
    #[error("price in fractions of a cent")]
    PriceSubCent,
    #[error("price too high")]
    PriceTooHigh,
    #[error("offer deadline not in the future")]
    DeadlineInPast,
    #[error("offer deadline too far")]
    DeadlineTooFar,
    #[error("period ends before it starts")]
    PeriodOrder,
    #[error("period already over")]
    PeriodInPast,
    // A provider declining.
    #[error("reason missing")]
    ReasonMissing,
    #[error("reason too long")]
    ReasonTooLong,
    // Actions.
    #[error("request is {}", state.as_str())]
    RequestNotOpen { state: RequestState },
    #[error("the deadline for answers has passed")]
    AnswerDeadlinePassed,
    #[error("provider not asked")]
    NotARecipient,
    #[error("provider already declined")]
    AlreadyDeclined,
    #[error("unknown offer")]
    UnknownOffer,
    #[error("offer id already used")]
    DuplicateOffer,
    #[error("offer of another provider")]
    NotYourOffer,
    #[error("offer is {}", state.as_str())]
    OfferNotPending { state: OfferState },
    /// The offer's deadline to buy has passed (even if the expiry job has not run yet).
    #[error("offer expired")]
    OfferExpired,
}

/// Every error with a fixed code (those carrying a state use a representative one).
const CODES: [(QuoteError, &str); 22] = [
    (QuoteError::NoProviders, "no-providers"),
    (QuoteError::TooManyProviders, "too-many-providers"),
    (QuoteError::DuplicateProvider, "duplicate-provider"),
    (QuoteError::AnswerByInPast, "answer-by-past"),
    (QuoteError::AnswerByTooFar, "answer-by-far"),
    (QuoteError::PriceNotPositive, "price-not-positive"),
    (QuoteError::PriceSubCent, "price-sub-cent"),
    (QuoteError::PriceTooHigh, "price-too-high"),
    (QuoteError::DeadlineInPast, "deadline-past"),
    (QuoteError::DeadlineTooFar, "deadline-far"),
    (QuoteError::PeriodOrder, "period-order"),
    (QuoteError::PeriodInPast, "period-past"),
    (QuoteError::ReasonMissing, "reason-missing"),
    (QuoteError::ReasonTooLong, "reason-too-long"),
    (
        QuoteError::RequestNotOpen {
            state: RequestState::Closed,
        },
        "request-not-open",
    ),
    (QuoteError::AnswerDeadlinePassed, "answer-deadline-passed"),
    (QuoteError::NotARecipient, "not-a-recipient"),
    (QuoteError::AlreadyDeclined, "already-declined"),
    (QuoteError::UnknownOffer, "unknown-offer"),
    (QuoteError::NotYourOffer, "not-your-offer"),
    (
        QuoteError::OfferNotPending {
            state: OfferState::Closed,
        },
        "offer-not-pending",
    ),
    (QuoteError::OfferExpired, "offer-expired"),
];

impl QuoteError {
    /// A stable code for URLs (`?errore=quote-…`).
    pub fn code(&self) -> &'static str {
        match self {
            QuoteError::RequestNotOpen { .. } => "request-not-open",
            QuoteError::OfferNotPending { .. } => "offer-not-pending",
            QuoteError::DuplicateOffer => "unknown-offer",
            other => CODES
                .iter()
                .find(|(e, _)| e == other)
                .map(|(_, c)| *c)
                .unwrap_or("unknown-offer"),
        }
    }

    pub fn from_code(code: &str) -> Option<QuoteError> {
        CODES.iter().find(|(_, c)| *c == code).map(|(e, _)| *e)
    }

    /// The form field to point at, for validation errors.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            QuoteError::NoProviders
            | QuoteError::TooManyProviders
            | QuoteError::DuplicateProvider => "providers",
            QuoteError::AnswerByInPast | QuoteError::AnswerByTooFar => "answer_by",
            QuoteError::PriceNotPositive | QuoteError::PriceSubCent | QuoteError::PriceTooHigh => {
                "price"
            }
            QuoteError::DeadlineInPast | QuoteError::DeadlineTooFar => "valid_until",
            QuoteError::PeriodOrder | QuoteError::PeriodInPast => "period_end",
            QuoteError::ReasonMissing | QuoteError::ReasonTooLong => "reason",
            _ => return None,
        })
    }

    pub fn message_it(&self) -> String {
        let max_price = Money::from_cents(MAX_PRICE_CENTS).format_it();
        match self {
            QuoteError::NoProviders => "Scegli almeno un ente a cui inviare la richiesta.".into(),
            QuoteError::TooManyProviders => format!(
                "Puoi inviare la stessa richiesta al massimo a {MAX_PROVIDERS} enti."
            ),
            QuoteError::DuplicateProvider => "Hai scelto lo stesso ente più di una volta.".into(),
            QuoteError::AnswerByInPast => {
                "La data entro cui ricevere le risposte deve essere futura.".into()
            }
            QuoteError::AnswerByTooFar => format!(
                "La data entro cui ricevere le risposte può essere al massimo tra {MAX_ANSWER_DAYS} giorni."
            ),
            QuoteError::PriceNotPositive => "Il prezzo dell'offerta deve essere maggiore di zero.".into(),
            QuoteError::PriceSubCent => "Il prezzo può avere al massimo due decimali.".into(),
            QuoteError::PriceTooHigh => {
                format!("Il prezzo dell'offerta non può superare {max_price} €.")
            }
            QuoteError::DeadlineInPast => {
                "La scadenza dell'offerta deve essere una data futura.".into()
            }
            QuoteError::DeadlineTooFar => format!(
                "La scadenza dell'offerta può essere al massimo tra {MAX_OFFER_DAYS} giorni."
            ),
            QuoteError::PeriodOrder => {
                "La data di fine del servizio non può precedere la data di inizio.".into()
            }
            QuoteError::PeriodInPast => {
                "Il periodo del servizio è già concluso: indica date future.".into()
            }
            QuoteError::ReasonMissing => {
                "Indica il motivo per cui non puoi accogliere la richiesta: sarà comunicato al cittadino.".into()
            }
            QuoteError::ReasonTooLong => format!(
                "Il motivo può avere al massimo {MAX_REASON_CHARS} caratteri."
            ),
            QuoteError::RequestNotOpen { state } => format!(
                "La richiesta di preventivo è «{}»: non è più possibile modificarla.",
                state.label_it()
            ),
            QuoteError::AnswerDeadlinePassed => {
                "Il termine per rispondere a questa richiesta di preventivo è scaduto.".into()
            }
            QuoteError::NotARecipient => {
                "Questa richiesta di preventivo non è stata inviata al tuo ente.".into()
            }
            QuoteError::AlreadyDeclined => {
                "Il tuo ente ha già rifiutato questa richiesta di preventivo.".into()
            }
            QuoteError::UnknownOffer => "L'offerta indicata non esiste.".into(),
            QuoteError::DuplicateOffer => "Questa offerta è già stata registrata.".into(),
            QuoteError::NotYourOffer => "Questa offerta è di un altro ente.".into(),
            QuoteError::OfferNotPending { state } => format!(
                "L'offerta è «{}»: non è più possibile accettarla o modificarla.",
                state.label_it()
            ),
            QuoteError::OfferExpired => {
                "L'offerta è scaduta: puoi chiedere all'ente di inviarne una nuova.".into()
            }
        }
    }

    pub fn message_en(&self) -> String {
        let max_price = Money::from_cents(MAX_PRICE_CENTS);
        match self {
            QuoteError::NoProviders => "Please choose at least one provider to send the request to.".into(),
            QuoteError::TooManyProviders => format!(
                "You can send the same request to at most {MAX_PROVIDERS} providers."
            ),
            QuoteError::DuplicateProvider => "You chose the same provider more than once.".into(),
            QuoteError::AnswerByInPast => "The date to receive answers by must be in the future.".into(),
            QuoteError::AnswerByTooFar => format!(
                "The date to receive answers by can be at most {MAX_ANSWER_DAYS} days away."
            ),
            QuoteError::PriceNotPositive => "The offer's price must be greater than zero.".into(),
            QuoteError::PriceSubCent => "The price may have at most two decimals.".into(),
            QuoteError::PriceTooHigh => format!("The offer's price cannot exceed €{max_price}."),
            QuoteError::DeadlineInPast => "The offer's deadline must be a future date.".into(),
            QuoteError::DeadlineTooFar => format!(
                "The offer's deadline can be at most {MAX_OFFER_DAYS} days away."
            ),
            QuoteError::PeriodOrder => "The service's end date cannot be before its start date.".into(),
            QuoteError::PeriodInPast => {
                "The service period is already over: please give future dates.".into()
            }
            QuoteError::ReasonMissing => {
                "Please give the reason you cannot take the request: it will be shown to the citizen.".into()
            }
            QuoteError::ReasonTooLong => format!(
                "The reason can have at most {MAX_REASON_CHARS} characters."
            ),
            QuoteError::RequestNotOpen { state } => format!(
                "The quote request is \"{}\": it can no longer be changed.",
                state.label_en()
            ),
            QuoteError::AnswerDeadlinePassed => {
                "The deadline to answer this quote request has passed.".into()
            }
            QuoteError::NotARecipient => "This quote request was not sent to your organisation.".into(),
            QuoteError::AlreadyDeclined => {
                "Your organisation has already declined this quote request.".into()
            }
            QuoteError::UnknownOffer => "The offer does not exist.".into(),
            QuoteError::DuplicateOffer => "This offer has already been recorded.".into(),
            QuoteError::NotYourOffer => "This offer belongs to another provider.".into(),
            QuoteError::OfferNotPending { state } => format!(
                "The offer is \"{}\": it can no longer be accepted or changed.",
                state.label_en()
            ),
            QuoteError::OfferExpired => {
                "The offer has expired: you can ask the provider to send a new one.".into()
            }
        }
    }
}

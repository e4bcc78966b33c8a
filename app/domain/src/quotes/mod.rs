//! Quote requests and offers (issue 6, "Quote requests").
//!
//! One request goes to 1..N chosen providers. Each provider may decline (with a reason shown
//! to the citizen) or answer with an offer: price, period, deadline to buy (time slot,
//! operator and the attached PDF are free text and files the server keeps). The citizen
//! compares offers and buys one: **at that moment every other open offer of the request
//! closes** and the request is closed. Offers expire at their deadline and requests at
//! theirs, applied by the scheduled job through [`QuoteRequest::expire`]; accepting an offer
//! whose deadline has passed is refused even if the job has not run yet.
//!
//! Deadlines are Unix seconds (UTC). An offer can be bought while `now < valid_until`;
//! providers can answer while `now < answer_by`. The request's state follows from its
//! offers: open (waiting for answers), answered (at least one offer pending), closed (an
//! offer accepted, the citizen withdrew, or every provider declined), expired (its answer
//! deadline passed with no offer left pending).

mod errors;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::money::Money;

pub use errors::QuoteError;

/// Most providers one request may go to.
pub const MAX_PROVIDERS: usize = 5;
/// Furthest answer deadline, in days from the request.
pub const MAX_ANSWER_DAYS: i64 = 60;
/// Furthest deadline to buy an offer, in days from the offer.
pub const MAX_OFFER_DAYS: i64 = 90;
/// Highest price of an offer (100,000 euro): a guard against a slipped digit.
pub const MAX_PRICE_CENTS: i64 = 10_000_000;
/// Longest reason for declining.
pub const MAX_REASON_CHARS: usize = 1_000;

const DAY_SECS: i64 = 24 * 60 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Open,
    Answered,
    Closed,
    Expired,
}

impl RequestState {
    pub fn parse(code: &str) -> Option<RequestState> {
        [
            RequestState::Open,
            RequestState::Answered,
            RequestState::Closed,
            RequestState::Expired,
        ]
        .into_iter()
        .find(|s| s.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Open => "open",
            RequestState::Answered => "answered",
            RequestState::Closed => "closed",
            RequestState::Expired => "expired",
        }
    }

    pub fn label_it(self) -> &'static str {
        match self {
            RequestState::Open => "In attesa di risposta",
            RequestState::Answered => "Con offerte",
            RequestState::Closed => "Chiusa",
            RequestState::Expired => "Scaduta",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            RequestState::Open => "Awaiting answers",
            RequestState::Answered => "With offers",
            RequestState::Closed => "Closed",
            RequestState::Expired => "Expired",
        }
    }

    /// Whether anything may still happen to the request.
    pub fn is_live(self) -> bool {
        matches!(self, RequestState::Open | RequestState::Answered)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferState {
    /// May be accepted until its deadline.
    Pending,
    /// Bought by the citizen.
    Accepted,
    /// Turned down by the citizen.
    Declined,
    /// Replaced by a newer offer of the same provider.
    Superseded,
    /// Taken back by the provider (or the provider declined the request).
    Withdrawn,
    /// Closed because the citizen accepted another offer or withdrew the request.
    Closed,
    /// Its deadline passed.
    Expired,
}

impl OfferState {
    pub const ALL: [OfferState; 7] = [
        OfferState::Pending,
        OfferState::Accepted,
        OfferState::Declined,
        OfferState::Superseded,
        OfferState::Withdrawn,
        OfferState::Closed,
        OfferState::Expired,
    ];

    pub fn parse(code: &str) -> Option<OfferState> {
        OfferState::ALL.into_iter().find(|s| s.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OfferState::Pending => "pending",
            OfferState::Accepted => "accepted",
            OfferState::Declined => "declined",
            OfferState::Superseded => "superseded",
            OfferState::Withdrawn => "withdrawn",
            OfferState::Closed => "closed",
            OfferState::Expired => "expired",
        }
    }

    pub fn label_it(self) -> &'static str {
        match self {
            OfferState::Pending => "In attesa della tua scelta",
            OfferState::Accepted => "Accettata",
            OfferState::Declined => "Rifiutata",
            OfferState::Superseded => "Sostituita da una nuova offerta",
            OfferState::Withdrawn => "Ritirata dall'ente",
            OfferState::Closed => "Chiusa",
            OfferState::Expired => "Scaduta",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            OfferState::Pending => "Awaiting your choice",
            OfferState::Accepted => "Accepted",
            OfferState::Declined => "Declined",
            OfferState::Superseded => "Replaced by a new offer",
            OfferState::Withdrawn => "Withdrawn by the provider",
            OfferState::Closed => "Closed",
            OfferState::Expired => "Expired",
        }
    }
}

/// Where each provider asked stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientState {
    Waiting,
    Declined,
    Offered,
}

impl RecipientState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecipientState::Waiting => "waiting",
            RecipientState::Declined => "declined",
            RecipientState::Offered => "offered",
        }
    }

    pub fn parse(code: &str) -> Option<RecipientState> {
        [
            RecipientState::Waiting,
            RecipientState::Declined,
            RecipientState::Offered,
        ]
        .into_iter()
        .find(|s| s.as_str() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub provider_id: i64,
    pub state: RecipientState,
}

/// What a provider offers (the checked part).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferTerms {
    /// Total price, VAT included.
    pub price: Money,
    /// Deadline to buy (exclusive), Unix seconds.
    pub valid_until: i64,
    pub period_start: i64,
    pub period_end: i64,
}

/// Checks an offer before it is sent: a positive price in whole cents (at most
/// [`MAX_PRICE_CENTS`]), a deadline to buy in the future (at most [`MAX_OFFER_DAYS`] away), a
/// period that starts no later than it ends and is not over.
pub fn validate_offer(terms: &OfferTerms, now: i64) -> Result<(), QuoteError> {
    if terms.price.is_negative() || terms.price.is_zero() {
        return Err(QuoteError::PriceNotPositive);
    }
    if terms.price.round_cents() != terms.price {
        return Err(QuoteError::PriceSubCent);
    }
    if terms.price > Money::from_cents(MAX_PRICE_CENTS) {
        return Err(QuoteError::PriceTooHigh);
    }
    if terms.valid_until <= now {
        return Err(QuoteError::DeadlineInPast);
    }
    if terms.valid_until > now.saturating_add(MAX_OFFER_DAYS * DAY_SECS) {
        return Err(QuoteError::DeadlineTooFar);
    }
    if terms.period_end < terms.period_start {
        return Err(QuoteError::PeriodOrder);
    }
    if terms.period_end <= now {
        return Err(QuoteError::PeriodInPast);
    }
    Ok(())
}

/// Checks a new request: 1..=[`MAX_PROVIDERS`] different providers, an answer deadline in the
/// future and at most [`MAX_ANSWER_DAYS`] away.
pub fn validate_request(providers: &[i64], answer_by: i64, now: i64) -> Result<(), QuoteError> {
    if providers.is_empty() {
        return Err(QuoteError::NoProviders);
    }
    if providers.len() > MAX_PROVIDERS {
        return Err(QuoteError::TooManyProviders);
    }
    if providers
        .iter()
        .enumerate()
        .any(|(i, p)| providers[..i].contains(p))
    {
        return Err(QuoteError::DuplicateProvider);
    }
    if answer_by <= now {
        return Err(QuoteError::AnswerByInPast);
    }
    if answer_by > now.saturating_add(MAX_ANSWER_DAYS * DAY_SECS) {
        return Err(QuoteError::AnswerByTooFar);
    }
    Ok(())
}

/// Checks a provider's reason for declining; returns it trimmed.
pub fn validate_reason(reason: &str) -> Result<&str, QuoteError> {
    let reason = reason.trim();
    if reason.is_empty() {
        Err(QuoteError::ReasonMissing)
    } else if reason.chars().count() > MAX_REASON_CHARS {
        Err(QuoteError::ReasonTooLong)
    } else {
        Ok(reason)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: i64,
    pub provider_id: i64,
    pub state: OfferState,
    pub terms: OfferTerms,
}

/// A request with its recipients and offers: load it, call one method, store what changed.
/// The methods keep the rules (one accepted offer at most, one pending offer per provider,
/// closed and expired requests never reopen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRequest {
    pub state: RequestState,
    /// Providers may answer until then (exclusive), Unix seconds.
    pub answer_by: i64,
    pub recipients: Vec<Recipient>,
    pub offers: Vec<Offer>,
}

impl QuoteRequest {
    pub fn new(providers: &[i64], answer_by: i64, now: i64) -> Result<QuoteRequest, QuoteError> {
        validate_request(providers, answer_by, now)?;
        Ok(QuoteRequest {
            state: RequestState::Open,
            answer_by,
            recipients: providers
                .iter()
                .map(|&provider_id| Recipient {
                    provider_id,
                    state: RecipientState::Waiting,
                })
                .collect(),
            offers: Vec::new(),
        })
    }

    fn ensure_live(&self) -> Result<(), QuoteError> {
        if self.state.is_live() {
            Ok(())
        } else {
            Err(QuoteError::RequestNotOpen { state: self.state })
        }
    }

    fn recipient_mut(&mut self, provider_id: i64) -> Result<&mut Recipient, QuoteError> {
        self.recipients
            .iter_mut()
            .find(|r| r.provider_id == provider_id)
            .ok_or(QuoteError::NotARecipient)
    }

    fn pending_offer_mut(&mut self, offer_id: i64) -> Result<&mut Offer, QuoteError> {
        let offer = self
            .offers
            .iter_mut()
            .find(|o| o.id == offer_id)
            .ok_or(QuoteError::UnknownOffer)?;
        if offer.state == OfferState::Pending {
            Ok(offer)
        } else {
            Err(QuoteError::OfferNotPending { state: offer.state })
        }
    }

    /// Closes every pending offer (but `except`) with `state`; returns their ids.
    fn close_pending(&mut self, except: Option<i64>, state: OfferState) -> Vec<i64> {
        self.offers
            .iter_mut()
            .filter(|o| o.state == OfferState::Pending && Some(o.id) != except)
            .map(|o| {
                o.state = state;
                o.id
            })
            .collect()
    }

    /// A provider answers with an offer; its previous pending offer, if any, is superseded
    /// (returned).
    pub fn add_offer(
        &mut self,
        offer_id: i64,
        provider_id: i64,
        terms: OfferTerms,
        now: i64,
    ) -> Result<Vec<i64>, QuoteError> {
        self.ensure_live()?;
        if now >= self.answer_by {
            return Err(QuoteError::AnswerDeadlinePassed);
        }
        if self.recipient_mut(provider_id)?.state == RecipientState::Declined {
            return Err(QuoteError::AlreadyDeclined);
        }
        if self.offers.iter().any(|o| o.id == offer_id) {
            return Err(QuoteError::DuplicateOffer);
        }
        validate_offer(&terms, now)?;
        let superseded = self
            .offers
            .iter_mut()
            .filter(|o| o.provider_id == provider_id && o.state == OfferState::Pending)
            .map(|o| {
                o.state = OfferState::Superseded;
                o.id
            })
            .collect();
        self.offers.push(Offer {
            id: offer_id,
            provider_id,
            state: OfferState::Pending,
            terms,
        });
        self.recipient_mut(provider_id)?.state = RecipientState::Offered;
        self.refresh(now);
        Ok(superseded)
    }

    /// A provider declines the request (its pending offer, if any, is withdrawn).
    pub fn decline_request(
        &mut self,
        provider_id: i64,
        reason: &str,
        now: i64,
    ) -> Result<(), QuoteError> {
        self.ensure_live()?;
        validate_reason(reason)?;
        let recipient = self.recipient_mut(provider_id)?;
        if recipient.state == RecipientState::Declined {
            return Err(QuoteError::AlreadyDeclined);
        }
        recipient.state = RecipientState::Declined;
        for offer in &mut self.offers {
            if offer.provider_id == provider_id && offer.state == OfferState::Pending {
                offer.state = OfferState::Withdrawn;
            }
        }
        self.refresh(now);
        Ok(())
    }

    /// A provider takes back its pending offer (it may send a new one before `answer_by`).
    pub fn withdraw_offer(
        &mut self,
        offer_id: i64,
        provider_id: i64,
        now: i64,
    ) -> Result<(), QuoteError> {
        self.ensure_live()?;
        let offer = self.pending_offer_mut(offer_id)?;
        if offer.provider_id != provider_id {
            return Err(QuoteError::NotYourOffer);
        }
        offer.state = OfferState::Withdrawn;
        self.refresh(now);
        Ok(())
    }

    /// The citizen turns an offer down (the others stay open).
    pub fn decline_offer(&mut self, offer_id: i64, now: i64) -> Result<(), QuoteError> {
        self.ensure_live()?;
        self.pending_offer_mut(offer_id)?.state = OfferState::Declined;
        self.refresh(now);
        Ok(())
    }

    /// The citizen buys an offer: it is accepted, every other pending offer closes (their ids
    /// are returned, to notify those providers) and the request closes.
    pub fn accept_offer(&mut self, offer_id: i64, now: i64) -> Result<Vec<i64>, QuoteError> {
        self.ensure_live()?;
        let offer = self.pending_offer_mut(offer_id)?;
        if now >= offer.terms.valid_until {
            return Err(QuoteError::OfferExpired);
        }
        offer.state = OfferState::Accepted;
        let closed = self.close_pending(Some(offer_id), OfferState::Closed);
        self.refresh(now);
        Ok(closed)
    }

    /// The citizen withdraws the request: pending offers close (returned).
    pub fn withdraw_request(&mut self, now: i64) -> Result<Vec<i64>, QuoteError> {
        self.ensure_live()?;
        let closed = self.close_pending(None, OfferState::Closed);
        self.state = RequestState::Closed;
        self.refresh(now);
        Ok(closed)
    }

    /// The scheduled job: pending offers past their deadline expire (returned), and the
    /// request expires once its answer deadline passed with no offer pending.
    pub fn expire(&mut self, now: i64) -> Vec<i64> {
        if !self.state.is_live() {
            return Vec::new();
        }
        let expired = self
            .offers
            .iter_mut()
            .filter(|o| o.state == OfferState::Pending && now >= o.terms.valid_until)
            .map(|o| {
                o.state = OfferState::Expired;
                o.id
            })
            .collect();
        self.refresh(now);
        expired
    }

    /// When the scheduled job should look at this request again (None: nothing pending).
    pub fn next_deadline(&self) -> Option<i64> {
        if !self.state.is_live() {
            return None;
        }
        self.offers
            .iter()
            .filter(|o| o.state == OfferState::Pending)
            .map(|o| o.terms.valid_until)
            .chain(std::iter::once(self.answer_by))
            .min()
    }

    /// The request's state from its offers and recipients; closed and expired stay so.
    fn refresh(&mut self, now: i64) {
        if !self.state.is_live() {
            return;
        }
        let any = |state: OfferState| self.offers.iter().any(|o| o.state == state);
        self.state = if any(OfferState::Accepted) {
            RequestState::Closed
        } else if any(OfferState::Pending) {
            RequestState::Answered
        } else if self
            .recipients
            .iter()
            .all(|r| r.state == RecipientState::Declined)
        {
            RequestState::Closed
        } else if now >= self.answer_by {
            RequestState::Expired
        } else {
            RequestState::Open
        };
    }
}

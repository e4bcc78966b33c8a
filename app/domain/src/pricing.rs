//! Price lists: which tier applies and what a line costs.
//!
//! A service's price list is a set of tiers (table `price_tiers`): each gives a unit price
//! (per hour, session, month or package, the service's `unit`) for a range of people and a
//! range of quantities. The price of a cart line is always computed here, on the server, from
//! the stored tiers: the browser may show the same figure (this crate also runs there) but is
//! never trusted with it.
//!
//! What "people" means depends on the service's `mode`:
//! - **individual**: the people the service is for (e.g. two children at a homework club).
//!   Whether the unit price is for the whole booking or for each person is stated by
//!   [`PriceBasis`], because the table has no column for it. Every individual price list of
//!   the catalogue today has tiers open to any number of people (1..∞), priced per unit for
//!   the booking: use [`PriceBasis::PerUnit`] unless the provider states otherwise.
//! - **shared**: the families taking part in the same group (the tier for the number of
//!   participants gives the share each family pays, lower as more families join): use
//!   [`shared_price_per_family`] and [`shared_line_total`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// Most people one line may be for; more is a typo or a tampered request.
pub const MAX_PEOPLE: i64 = 100;
/// Most units (hours, sessions, months, packages) one line may hold: a year of daily hours
/// fits, a stray extra digit does not.
pub const MAX_QUANTITY: i64 = 1_000;
/// Most participants a shared group may count (the largest capacity stays far below).
pub const MAX_PARTICIPANTS: i64 = 10_000;

/// One row of a price list: `unit_price` applies when the people and the quantity fall within
/// the (inclusive) bounds; a missing upper bound means "and more".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceTier {
    pub min_people: i64,
    pub max_people: Option<i64>,
    pub min_quantity: i64,
    pub max_quantity: Option<i64>,
    pub unit_price: Money,
}

/// How the number of people multiplies a line's price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceBasis {
    /// The unit price is for the whole booking: people only choose the tier
    /// (total = unit price × quantity).
    PerUnit,
    /// The unit price is for each person (total = unit price × quantity × people).
    PerPersonPerUnit,
}

/// Why no price can be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// A count outside what a line may hold; `field` is `people`, `quantity`, `participants`
    /// or `seats`.
    #[error("{field} out of range: {value} not in {min}..={max}")]
    OutOfRange {
        field: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    /// The service has no price list (free, funded, or priced by quote).
    #[error("no price list")]
    NoPriceList,
    /// No tier is for this many people (or participants).
    #[error("no tier for {people} people")]
    NoTierForPeople { people: i64 },
    /// No tier is for this quantity.
    #[error("no tier for quantity {quantity}")]
    NoTierForQuantity { quantity: i64 },
    /// Some tiers take these people and some this quantity, but none both.
    #[error("no tier for {people} people and quantity {quantity}")]
    NoTierForCombination { people: i64, quantity: i64 },
    /// A stored tier breaks the table's rules (`field` names the column).
    #[error("invalid price tier: {field}")]
    InvalidTier { field: &'static str },
}

impl PricingError {
    /// The request field to point at, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            PricingError::OutOfRange { field, .. } | PricingError::InvalidTier { field } => {
                Some(field)
            }
            PricingError::NoTierForPeople { .. } => Some("people"),
            PricingError::NoTierForQuantity { .. } => Some("quantity"),
            PricingError::NoTierForCombination { .. } | PricingError::NoPriceList => None,
        }
    }

    pub fn message_it(&self) -> String {
        match self {
            PricingError::OutOfRange {
                field, min, max, ..
            } => format!(
                "Il numero di {} deve essere compreso tra {min} e {max}.",
                field_it(field)
            ),
            PricingError::NoPriceList => {
                "Questo servizio non ha un listino prezzi: per conoscere il costo invia una richiesta all'ente.".into()
            }
            PricingError::NoTierForPeople { people } => format!(
                "Il listino di questo servizio non prevede un prezzo per {people} persone. Scegli un numero di persone indicato nel listino."
            ),
            PricingError::NoTierForQuantity { quantity } => format!(
                "Il listino di questo servizio non prevede un prezzo per la quantità {quantity}. Scegli una quantità indicata nel listino."
            ),
            PricingError::NoTierForCombination { people, quantity } => format!(
                "Il listino di questo servizio non prevede un prezzo per {people} persone con quantità {quantity}. Consulta il listino e modifica la scelta."
            ),
            PricingError::InvalidTier { .. } => {
                "Il listino di questo servizio contiene una riga non valida: l'ente è stato avvisato. Riprova più tardi.".into()
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            PricingError::OutOfRange {
                field, min, max, ..
            } => format!(
                "The number of {} must be between {min} and {max}.",
                field_en(field)
            ),
            PricingError::NoPriceList => {
                "This service has no price list: to find out the cost, send a request to the provider.".into()
            }
            PricingError::NoTierForPeople { people } => format!(
                "This service's price list has no price for {people} people. Please choose a number of people shown in the price list."
            ),
            PricingError::NoTierForQuantity { quantity } => format!(
                "This service's price list has no price for a quantity of {quantity}. Please choose a quantity shown in the price list."
            ),
            PricingError::NoTierForCombination { people, quantity } => format!(
                "This service's price list has no price for {people} people with a quantity of {quantity}. Please check the price list and change your choice."
            ),
            PricingError::InvalidTier { .. } => {
                "This service's price list contains an invalid row: the provider has been told. Please try again later.".into()
            }
        }
    }
}

fn field_it(field: &str) -> &'static str {
    match field {
        "people" => "persone",
        "participants" => "partecipanti",
        "seats" => "posti",
        _ => "unità",
    }
}

fn field_en(field: &str) -> &'static str {
    match field {
        "people" => "people",
        "participants" => "participants",
        "seats" => "places",
        _ => "units",
    }
}

impl PriceTier {
    /// A tier from a `price_tiers` row, checked against the table's own constraints (the
    /// database enforces them too; a row that slipped past them must not produce a price).
    pub fn from_row(
        min_people: i64,
        max_people: Option<i64>,
        min_quantity: i64,
        max_quantity: Option<i64>,
        unit_price_cents: i64,
    ) -> Result<PriceTier, PricingError> {
        let tier = PriceTier {
            min_people,
            max_people,
            min_quantity,
            max_quantity,
            unit_price: Money::from_cents(unit_price_cents),
        };
        tier.check()?;
        Ok(tier)
    }

    /// The table's rules: lower bounds at least 1, upper bounds not below them, price not
    /// negative and in whole cents.
    pub fn check(&self) -> Result<(), PricingError> {
        let invalid = |field| Err(PricingError::InvalidTier { field });
        if self.min_people < 1 {
            return invalid("min_people");
        }
        if self.max_people.is_some_and(|max| max < self.min_people) {
            return invalid("max_people");
        }
        if self.min_quantity < 1 {
            return invalid("min_quantity");
        }
        if self.max_quantity.is_some_and(|max| max < self.min_quantity) {
            return invalid("max_quantity");
        }
        if self.unit_price.is_negative() || self.unit_price.round_cents() != self.unit_price {
            return invalid("unit_price");
        }
        Ok(())
    }

    /// Whether this tier is for `people` people.
    pub fn takes_people(&self, people: i64) -> bool {
        people >= self.min_people && self.max_people.is_none_or(|max| people <= max)
    }

    /// Whether this tier is for a quantity of `quantity`.
    pub fn takes_quantity(&self, quantity: i64) -> bool {
        quantity >= self.min_quantity && self.max_quantity.is_none_or(|max| quantity <= max)
    }
}

/// Checks a count a citizen chose (or a request carried) against `1..=max`.
pub fn check_count(field: &'static str, value: i64, max: i64) -> Result<(), PricingError> {
    if (1..=max).contains(&value) {
        Ok(())
    } else {
        Err(PricingError::OutOfRange {
            field,
            value,
            min: 1,
            max,
        })
    }
}

/// The unit price for `people` people and `quantity` units.
///
/// When several tiers match (overlapping rows entered by a provider), the lowest price wins:
/// the citizen is never charged more than a row of the published list promises. When none
/// matches, the error says whether the people, the quantity or only their combination is
/// missing from the list, so the page can point at the right field.
pub fn unit_price(tiers: &[PriceTier], people: i64, quantity: i64) -> Result<Money, PricingError> {
    check_count("people", people, MAX_PEOPLE)?;
    check_count("quantity", quantity, MAX_QUANTITY)?;
    best_tier(tiers, people, quantity)
}

fn best_tier(tiers: &[PriceTier], people: i64, quantity: i64) -> Result<Money, PricingError> {
    if tiers.is_empty() {
        return Err(PricingError::NoPriceList);
    }
    for tier in tiers {
        tier.check()?;
    }
    if let Some(price) = tiers
        .iter()
        .filter(|t| t.takes_people(people) && t.takes_quantity(quantity))
        .map(|t| t.unit_price)
        .min()
    {
        return Ok(price);
    }
    if !tiers.iter().any(|t| t.takes_people(people)) {
        Err(PricingError::NoTierForPeople { people })
    } else if !tiers.iter().any(|t| t.takes_quantity(quantity)) {
        Err(PricingError::NoTierForQuantity { quantity })
    } else {
        Err(PricingError::NoTierForCombination { people, quantity })
    }
}

/// The price of a cart line: the applicable unit price × quantity, and × people when the
/// list is priced per person ([`PriceBasis`]). Whole cents (tier prices are whole cents, so
/// the product is exact; the rounding only guards against a future fractional price).
pub fn line_total(
    tiers: &[PriceTier],
    people: i64,
    quantity: i64,
    basis: PriceBasis,
) -> Result<Money, PricingError> {
    let unit = unit_price(tiers, people, quantity)?;
    let units = match basis {
        PriceBasis::PerUnit => quantity,
        PriceBasis::PerPersonPerUnit => quantity * people,
    };
    Ok((unit * Decimal::from(units)).round_cents())
}

/// The share one family pays for one unit of a shared service when `participants` families
/// (seats) take part: the tier whose people range holds the number of participants, for a
/// quantity of one. This is the figure the service page shows ("€ 119 per family with 5 to 9
/// families").
pub fn shared_price_per_family(
    tiers: &[PriceTier],
    participants: i64,
) -> Result<Money, PricingError> {
    check_count("participants", participants, MAX_PARTICIPANTS)?;
    best_tier(tiers, participants, 1)
}

/// What a family pays for `seats` seats and `quantity` units of a shared service with
/// `participants` participants in all (the family's own seats included): the per-seat share
/// of the tier for the participants (and the quantity) × seats × quantity.
///
/// A family pays the tier in force when it joins (its own seats counted), never more later:
/// see [`shared_refund_due`] for when the group grows into a cheaper tier.
pub fn shared_line_total(
    tiers: &[PriceTier],
    participants: i64,
    seats: i64,
    quantity: i64,
) -> Result<Money, PricingError> {
    let unit = shared_unit_price(tiers, participants, seats, quantity)?;
    Ok((unit * Decimal::from(seats * quantity)).round_cents())
}

fn shared_unit_price(
    tiers: &[PriceTier],
    participants: i64,
    seats: i64,
    quantity: i64,
) -> Result<Money, PricingError> {
    check_count("participants", participants, MAX_PARTICIPANTS)?;
    check_count("seats", seats, participants.min(MAX_PEOPLE))?;
    check_count("quantity", quantity, MAX_QUANTITY)?;
    best_tier(tiers, participants, quantity)
}

/// The difference owed back to a family that paid `paid_unit_price` per seat and unit when
/// the group has since grown to `participants_now` and its tier is cheaper; zero when it is
/// not (a family is never asked for more after paying, even if others leave). The server
/// decides when to settle it (e.g. at the start of the activity, as a partial refund).
pub fn shared_refund_due(
    tiers: &[PriceTier],
    paid_unit_price: Money,
    participants_now: i64,
    seats: i64,
    quantity: i64,
) -> Result<Money, PricingError> {
    let now = shared_unit_price(tiers, participants_now, seats, quantity)?;
    let difference = (paid_unit_price - now).max(Money::ZERO);
    Ok((difference * Decimal::from(seats * quantity)).round_cents())
}

#[cfg(test)]
mod tests;

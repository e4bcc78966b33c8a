//! The cooperative/agency alternative: the same hours bought from accredited services.
//!
//! The prices live in the portal's database, which this pure module cannot read: the
//! server asks [`cooperative_category`](super::cooperative_category) which category
//! matches, loads the hourly prices of the published services in it, and passes them to
//! [`compute`](super::compute).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::pay::weeks;
use super::regime::{Level, Regime};
use super::result::CooperativeOption;
use crate::money::Money;

/// The category of accredited services that does the same job (README, "Other ways to
/// hire": badante → socio-assistenziali, babysitter → educational, colf → domestic help).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CooperativeCategory {
    /// Care of people: "Servizi socio-assistenziali".
    SocialCare,
    /// Babysitting: "Servizi educativi".
    Educational,
    /// Housework: the category the portal uses for domestic help.
    DomesticHelp,
}

impl CooperativeCategory {
    /// Carers (AS, CS, DS, BS without children under 6, any night regime or rest-day
    /// substitute) → social care; a BS with a child under 6 → educational; colf, cook and
    /// responsibility roles (A, B, C, D) → domestic help.
    pub(crate) fn for_job(
        regime: Regime,
        level: Level,
        children_under_6: u8,
    ) -> CooperativeCategory {
        if regime.is_night() || regime == Regime::RestDaySubstitute {
            return CooperativeCategory::SocialCare;
        }
        match level {
            Level::Bs if children_under_6 > 0 => CooperativeCategory::Educational,
            Level::As | Level::Bs | Level::Cs | Level::Ds => CooperativeCategory::SocialCare,
            Level::A | Level::B | Level::C | Level::D => CooperativeCategory::DomesticHelp,
        }
    }
}

/// Annual hours for the comparison: weekly hours × 52, the same hours the INPS annual
/// figures use (an employed worker is paid for 52 weeks, holidays included; a service
/// must cover all of them).
pub fn cooperative_annual_hours(weekly_hours: Decimal) -> Decimal {
    weekly_hours * weeks()
}

/// Cheapest and median hourly price and the annual cost at the cheapest price.
///
/// Prices that are zero or negative (free services, missing prices) are ignored. With no
/// price left every field is `None` (serialized `null`): the portal has no comparable
/// service, which is different from a service costing 0,00 €. The median of an even count
/// is the mean of the two middle prices, rounded to the cent.
pub fn cooperative_alternative(
    hourly_prices: &[Money],
    annual_hours: Decimal,
) -> CooperativeOption {
    let mut prices: Vec<Money> = hourly_prices
        .iter()
        .copied()
        .filter(|price| *price > Money::ZERO)
        .collect();
    prices.sort();
    let Some(&cheapest) = prices.first() else {
        return CooperativeOption::default();
    };
    let middle = prices.len() / 2;
    let median = if prices.len() % 2 == 1 {
        prices[middle]
    } else {
        ((prices[middle - 1] + prices[middle]) / Decimal::TWO).round_cents()
    };
    CooperativeOption {
        hourly_min: Some(cheapest.round_cents()),
        hourly_median: Some(median.round_cents()),
        annual_min: Some((cheapest * annual_hours).round_cents()),
    }
}

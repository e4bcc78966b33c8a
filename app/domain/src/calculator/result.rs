//! The response (CONTRACT.md, "Domestic-work calculator"): every amount a 2-decimal string,
//! keys in the contract's order. Deserialize is there so a Leptos server function can
//! hand the result to the browser.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::money::Money;

/// Everything the family sees for one request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalculatorResult {
    /// The contractual minimum, per hour or per month as the regime is paid.
    pub minimum: MinimumPay,
    /// Weekly hours × 52 / 12.
    #[serde(with = "two_decimals")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "86.67"))]
    pub monthly_hours: Decimal,
    /// The agreed (or minimum) gross monthly pay.
    pub monthly_pay: Money,
    /// Monthly value of board and lodging in kind (table F).
    pub board_monthly_value: Money,
    /// The hourly pay INPS uses to choose the band.
    pub effective_hourly_pay: Money,
    pub inps: InpsContributions,
    pub cassa_colf: CassaColfContributions,
    /// 13th month (tredicesima).
    pub thirteenth: Money,
    /// Severance pay accrued in a year (TFR).
    pub tfr_annual: Money,
    /// Cost of a replacement during the holidays; "0.00" unless asked.
    pub holiday_replacement_annual: Money,
    pub annual_employer_cost: Money,
    pub monthly_average_cost: Money,
    /// What the worker receives a month after her contributions.
    pub worker_net_monthly: Money,
    pub tax_relief: TaxRelief,
    pub alternatives: Alternatives,
    /// Whether a figure used is marked `reconstructed` in the tables (2025 minor tables):
    /// show the result with a "provisional" note. Not part of the JSON contract.
    #[serde(skip)]
    pub provisional_figures: bool,
}

/// Only the key that applies is present: `hourly` for hourly regimes, `monthly` otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinimumPay {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly: Option<Money>,
}

/// INPS contributions (README step 5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InpsContributions {
    pub band: InpsBand,
    pub hourly_total: Money,
    pub hourly_worker: Money,
    pub hourly_employer: Money,
    pub quarterly_total: Money,
    pub annual_total: Money,
    pub annual_employer: Money,
    pub annual_worker: Money,
}

/// The INPS row applied: a pay band numbered from 1, or the row for more than 24 hours a
/// week. Serialized "1", "2", "3" or "over_24h".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InpsBand {
    Band(u8),
    Over24h,
}

const OVER_24H: &str = "over_24h";

impl fmt::Display for InpsBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InpsBand::Band(number) => write!(f, "{number}"),
            InpsBand::Over24h => f.write_str(OVER_24H),
        }
    }
}

/// In the API: `"1"`, `"2"`, `"3"` or `"over_24h"`.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for InpsBand {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(["1", "2", "3", OVER_24H]))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for InpsBand {}

impl Serialize for InpsBand {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for InpsBand {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<InpsBand, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == OVER_24H {
            return Ok(InpsBand::Over24h);
        }
        text.parse().map(InpsBand::Band).map_err(|_| {
            de::Error::invalid_value(
                de::Unexpected::Str(&text),
                &"\"1\", \"2\", \"3\" or \"over_24h\"",
            )
        })
    }
}

/// Cassa Colf contributions (README step 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CassaColfContributions {
    pub hourly_total: Money,
    pub annual_total: Money,
    pub annual_employer: Money,
    pub annual_worker: Money,
}

/// README step 12: shown next to the cost, never subtracted from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaxRelief {
    /// Employer's INPS contributions the family may deduct (at most 1.549,37 €).
    pub deductible_contributions: Money,
    /// Largest detraction for a carer of a non-self-sufficient person (at most 399,00 €,
    /// income up to 40.000 €); "0.00" for other levels.
    pub carer_detraction_max: Money,
}

/// Other ways to get the same hours of work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alternatives {
    pub libretto_famiglia: LibrettoFamigliaOption,
    pub cooperative: CooperativeOption,
}

/// Occasional work paid with Libretto Famiglia titles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibrettoFamigliaOption {
    /// False when a yearly limit would be exceeded.
    pub allowed: bool,
    pub annual_cost: Money,
    /// The limit exceeded, as a code (localize it with
    /// [`libretto_reason_it`](super::messages::libretto_reason_it) / `_en`); `null` when allowed.
    pub reason: Option<LibrettoLimit>,
}

/// Yearly limits on a Libretto Famiglia worker's compensation (keys of `[libretto_famiglia]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LibrettoLimit {
    /// 2.500 € per worker–family pair.
    #[serde(rename = "limit_per_worker_user_pair")]
    PerWorkerUserPair,
    /// 5.000 € per worker from all families.
    #[serde(rename = "limit_per_worker_all_users")]
    PerWorkerAllUsers,
    /// 10.000 € per family for all workers.
    #[serde(rename = "limit_per_user_all_workers")]
    PerUserAllWorkers,
}

/// Accredited services of the matching category on the portal. All `None` (JSON `null`)
/// when no priced service was given to [`compute`](super::compute).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CooperativeOption {
    pub hourly_min: Option<Money>,
    pub hourly_median: Option<Money>,
    /// Cheapest hourly price × weekly hours × 52.
    pub annual_min: Option<Money>,
}

/// A decimal quantity (hours) written like an amount: a string with two decimals.
mod two_decimals {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        Money::from_decimal(*value).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        Money::deserialize(deserializer).map(Money::as_decimal)
    }
}

//! The request (CONTRACT.md, "Domestic-work calculator"): field names, defaults and the
//! lenient reading of values.
//!
//! Reading is deliberately forgiving about *form* and strict about *meaning*: amounts and
//! numbers may come as JSON numbers or strings ("18,50" from an Italian form), booleans as
//! `true`/`"on"`/`"1"`, and unknown fields are ignored. Regime and level stay text here so
//! that an unknown one becomes a [`CalcError`](super::CalcError) naming the field in
//! [`compute`](super::compute), not a deserialization failure. Counts are signed so that
//! "-1" also reaches validation and gets a field error. A value of the wrong kind entirely
//! (`"weekly_hours": "abc"`) is a deserialization error; wrap the deserializer with
//! `serde_path_to_error` to learn which field it was.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::tables::available_years;
use crate::money::Money;

/// What the family tells the calculator. `Default` gives the contract's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalculatorInput {
    /// Year of the tables (default: the latest year with tables, 2026 today).
    #[serde(deserialize_with = "integer")]
    pub year: i64,
    /// `live_in`, `live_in_part_time`, `hourly`, `night_assistance`, `night_presence` or
    /// `rest_day_substitute` (default `hourly`).
    pub regime: String,
    /// CCNL level, "A" … "DS" (default "B").
    pub level: String,
    /// Hours worked a week (default 20); may have decimals ("22.5").
    #[serde(deserialize_with = "decimal")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "20"))]
    pub weekly_hours: Decimal,
    /// Agreed gross hourly pay, for `hourly` and `rest_day_substitute`; `None` = the minimum.
    #[serde(deserialize_with = "optional_money")]
    pub hourly_pay: Option<Money>,
    /// Agreed gross monthly pay, for the other regimes; `None` = the minimum.
    #[serde(deserialize_with = "optional_money")]
    pub monthly_pay: Option<Money>,
    /// Fixed-term contract (INPS adds 1,40%).
    #[serde(deserialize_with = "boolean")]
    pub fixed_term: bool,
    /// CUAF due (default yes; no only between spouses or relatives living together).
    #[serde(deserialize_with = "boolean")]
    pub cuaf: bool,
    /// Children under 6 the babysitter (BS) cares for: at least one makes indemnity H due.
    #[serde(deserialize_with = "integer")]
    pub children_under_6: i64,
    /// Non-self-sufficient people a CS/DS carer assists: more than one makes indemnity I due.
    #[serde(deserialize_with = "integer")]
    pub non_self_sufficient_assisted: i64,
    /// Full board and lodging given in kind (live-in regimes only).
    #[serde(deserialize_with = "boolean")]
    pub board_in_kind: bool,
    /// Meals given a week (hourly regimes only), 0–14.
    #[serde(deserialize_with = "integer")]
    pub meals_per_week: i64,
    /// Nights a week (night regimes only, then 1–7).
    #[serde(deserialize_with = "integer")]
    pub nights_per_week: i64,
    /// Seniority increments (scatti di anzianità), 0–7, each +4% of the table minimum.
    #[serde(deserialize_with = "integer")]
    pub seniority_increments: i64,
    /// Budget someone to replace the worker during the 26 days of holiday.
    #[serde(deserialize_with = "boolean")]
    pub include_holiday_replacement: bool,
}

impl CalculatorInput {
    /// The request's field names, in the order of the contract (also the form's order and
    /// its query parameter names), so errors can name a field with a `'static` string.
    pub const FIELDS: [&'static str; 15] = [
        "year",
        "regime",
        "level",
        "weekly_hours",
        "hourly_pay",
        "monthly_pay",
        "fixed_term",
        "cuaf",
        "children_under_6",
        "non_self_sufficient_assisted",
        "board_in_kind",
        "meals_per_week",
        "nights_per_week",
        "seniority_increments",
        "include_holiday_replacement",
    ];
}

impl Default for CalculatorInput {
    fn default() -> CalculatorInput {
        CalculatorInput {
            year: available_years().last().copied().map_or(2026, i64::from),
            regime: "hourly".to_owned(),
            level: "B".to_owned(),
            weekly_hours: Decimal::from(20),
            hourly_pay: None,
            monthly_pay: None,
            fixed_term: false,
            cuaf: true,
            children_under_6: 0,
            non_self_sufficient_assisted: 0,
            board_in_kind: false,
            meals_per_week: 0,
            nights_per_week: 0,
            seniority_increments: 0,
            include_holiday_replacement: false,
        }
    }
}

/// A whole number from a JSON integer, an integral float (`3.0`) or a string ("3").
fn integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    struct IntegerVisitor;
    impl Visitor<'_> for IntegerVisitor {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number")
        }
        fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
            Ok(value)
        }
        fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
            i64::try_from(value)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }
        fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
            let text = value.to_string();
            text.parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Float(value), &self))
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<i64, E> {
            text.trim()
                .parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }
    deserializer.deserialize_any(IntegerVisitor)
}

/// A decimal number, read like an amount (see [`Money`]'s `Deserialize`): exact, never
/// through float arithmetic.
fn decimal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    Money::deserialize(deserializer).map(Money::as_decimal)
}

/// An amount or nothing: `null` and an empty form field ("") both mean "not given".
fn optional_money<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Money>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Amount(Money),
        Text(String),
    }
    match Option::<Given>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Given::Amount(amount)) => Ok(Some(amount)),
        Some(Given::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(Given::Text(text)) => Money::parse(&text).map(Some).map_err(de::Error::custom),
    }
}

/// A yes/no from JSON booleans, 0/1, or the texts HTML forms send ("on", "true", "1", ...).
fn boolean<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    struct BooleanVisitor;
    impl Visitor<'_> for BooleanVisitor {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("true or false")
        }
        fn visit_bool<E: de::Error>(self, value: bool) -> Result<bool, E> {
            Ok(value)
        }
        fn visit_i64<E: de::Error>(self, value: i64) -> Result<bool, E> {
            match value {
                0 => Ok(false),
                1 => Ok(true),
                _ => Err(E::invalid_value(de::Unexpected::Signed(value), &self)),
            }
        }
        fn visit_u64<E: de::Error>(self, value: u64) -> Result<bool, E> {
            match value {
                0 => Ok(false),
                1 => Ok(true),
                _ => Err(E::invalid_value(de::Unexpected::Unsigned(value), &self)),
            }
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<bool, E> {
            match text.trim().to_ascii_lowercase().as_str() {
                "true" | "on" | "1" | "yes" | "si" | "sì" => Ok(true),
                "false" | "off" | "0" | "no" | "" => Ok(false),
                _ => Err(E::invalid_value(de::Unexpected::Str(text), &self)),
            }
        }
    }
    deserializer.deserialize_any(BooleanVisitor)
}

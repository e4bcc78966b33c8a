//! Exact money.
//!
//! Amounts are euro held as an exact [`Decimal`], never a float: the portal stores integer
//! cents (ARCHITECTURE.md, "Money is stored as integer cents") and the public JSON carries
//! decimal strings with two digits (CONTRACT.md, "Money is a decimal string with two digits").
//!
//! A `Money` may hold more than two decimals while a computation is in progress (e.g. an
//! hourly pay × 52 / 12); [`Money::round_cents`] is the single place where it becomes a
//! whole number of cents, always half-up (away from zero), the rounding the CCNL tables and
//! INPS use.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest amount text [`Money::parse`] looks at; longer input is refused before any work,
/// so a hostile request cannot make the parser chew on megabytes.
const MAX_TEXT_LEN: usize = 40;

/// The key under which `serde_json` (feature `arbitrary_precision`, possibly switched on by
/// another crate of the workspace) hands a JSON number over as its exact text.
const SERDE_JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// An exact amount of euro.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// Why a text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing but blanks.
    #[error("empty amount")]
    Empty,
    /// Not a plain decimal number (letters, two signs, a lone separator, "NaN", "1e5", ...).
    #[error("not an amount: {0:?}")]
    Invalid(String),
    /// A number too large (or with too many digits) for an exact decimal.
    #[error("amount out of range")]
    OutOfRange,
}

impl Money {
    /// Zero euro.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The amount of `cents` hundredths of a euro.
    pub fn from_cents(cents: i64) -> Money {
        Money(Decimal::new(cents, 2))
    }

    /// Wraps an exact decimal number of euro (kept exact, not rounded).
    pub fn from_decimal(value: Decimal) -> Money {
        Money(value)
    }

    /// The amount in whole cents, rounded half-up (away from zero).
    ///
    /// Saturates at `i64::MAX` / `i64::MIN`, which no real amount reaches (about 92 million
    /// billion euro).
    pub fn to_cents(self) -> i64 {
        let cents = self.round_cents().0 * Decimal::ONE_HUNDRED;
        cents.to_i64().unwrap_or(if cents.is_sign_negative() {
            i64::MIN
        } else {
            i64::MAX
        })
    }

    /// The amount rounded half-up (away from zero) to the cent: 0,005 → 0,01; −0,005 → −0,01.
    pub fn round_cents(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// Reads an amount typed by a person or sent by a program.
    ///
    /// Accepts an optional sign, digits and one decimal separator, either `.` or `,`
    /// ("18", "18.5", "18.50", "18,50"), and Italian or English thousands grouping when both
    /// separators appear ("1.675,92", "1,675.92": the last separator is the decimal one).
    /// A single separator is always the decimal one, so "1.675" is one euro and 675
    /// thousandths, kept exact (no rounding on input). Refuses anything else: letters,
    /// exponents, "NaN", "inf", a lone separator, blanks inside the number.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let invalid = || MoneyError::Invalid(text.chars().take(MAX_TEXT_LEN).collect());
        if text.len() > MAX_TEXT_LEN {
            return Err(invalid());
        }
        let (negative, unsigned) = match text.as_bytes()[0] {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (integer, fraction) = split_separators(unsigned).ok_or_else(invalid)?;
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if integer.is_empty() || !all_digits(&integer) || !all_digits(fraction) {
            return Err(invalid());
        }
        let mut canonical = String::with_capacity(text.len() + 1);
        if negative {
            canonical.push('-');
        }
        canonical.push_str(&integer);
        if !fraction.is_empty() {
            canonical.push('.');
            canonical.push_str(fraction);
        }
        Decimal::from_str_exact(&canonical)
            .map(Money)
            .map_err(|_| MoneyError::OutOfRange)
    }

    /// Italian display: thousands grouped by `.`, decimal comma, two decimals ("1.675,92").
    pub fn format_it(self) -> String {
        let plain = self.to_string();
        let (sign, unsigned) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "00"));
        let mut grouped = String::with_capacity(plain.len() + integer.len() / 3);
        for (index, digit) in integer.chars().enumerate() {
            if index > 0 && (integer.len() - index) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(digit);
        }
        format!("{sign}{grouped},{fraction}")
    }

    /// Whether the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount is below zero (−0 is not).
    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }

    /// The exact decimal value, for arithmetic with rates and counts.
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The larger of two amounts.
    pub fn max(self, other: Money) -> Money {
        Ord::max(self, other)
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Money) -> Money {
        Ord::min(self, other)
    }
}

/// Splits "1.675,92" into ("1675", "92"): resolves which separator is the decimal one and
/// checks that any thousands grouping is made of groups of exactly three digits.
fn split_separators(unsigned: &str) -> Option<(String, &str)> {
    let last_separator = unsigned.rfind(['.', ',']);
    let Some(position) = last_separator else {
        return Some((unsigned.to_owned(), ""));
    };
    let decimal_separator = unsigned.as_bytes()[position];
    let (grouped_integer, fraction) = (&unsigned[..position], &unsigned[position + 1..]);
    if fraction.is_empty() || fraction.contains(['.', ',']) {
        return None;
    }
    let thousands_separator = if decimal_separator == b'.' { ',' } else { '.' };
    if grouped_integer.contains(decimal_separator as char) {
        return None;
    }
    if !grouped_integer.contains(thousands_separator) {
        return Some((grouped_integer.to_owned(), fraction));
    }
    let mut groups = grouped_integer.split(thousands_separator);
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len());
    let mut integer = first.to_owned();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        integer.push_str(group);
    }
    first_ok.then_some((integer, fraction))
}

impl fmt::Display for Money {
    /// Two decimals, dot separator, no grouping ("18.50", "-3.00"): the JSON and CSV form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = self.round_cents().0;
        // `-0.004` rounds to `-0.00`: show it as plain zero.
        let rounded = if rounded.is_zero() {
            Decimal::ZERO
        } else {
            rounded
        };
        write!(f, "{rounded:.2}")
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Money, MoneyError> {
        Money::parse(text)
    }
}

impl From<Decimal> for Money {
    fn from(value: Decimal) -> Money {
        Money(value)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        self.0 += other.0;
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, other: Money) {
        self.0 -= other.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Mul<Decimal> for Money {
    type Output = Money;
    /// Exact product (not rounded): round with [`Money::round_cents`] where the rule says so.
    fn mul(self, factor: Decimal) -> Money {
        Money(self.0 * factor)
    }
}

impl Div<Decimal> for Money {
    type Output = Money;
    /// Quotient to the 28 significant digits of `Decimal` (not rounded to the cent).
    /// Panics on a zero divisor, like integer division: divisors are constants of the rules.
    fn div(self, divisor: Decimal) -> Money {
        Money(self.0 / divisor)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

/// In the API: a decimal string with two digits, euro (`"18.50"`).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^-?[0-9]+\.[0-9]{2}$"))
            .description(Some("Amount in euro, two decimals"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Money {}

impl Serialize for Money {
    /// The two-decimal string of the public contract ("18.50").
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    /// From a string ("18.50", "18,5") or a JSON number (18.5, 18). A number is read through
    /// its shortest decimal text (`18.5` → "18.5"), never through float arithmetic.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        deserializer.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

impl<'de> Visitor<'de> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount of euro, as a string (\"18.50\") or a number (18.5)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Money, E> {
        Money::parse(text).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Money, E> {
        Ok(Money(Decimal::from(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Money, E> {
        Ok(Money(Decimal::from(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Money, E> {
        if !value.is_finite() {
            return Err(E::custom(MoneyError::Invalid(value.to_string())));
        }
        // Rust prints the shortest text that reads back as the same f64, without exponent:
        // 18.5 → "18.5", 0.1 → "0.1". That text is what the sender wrote.
        Money::parse(&value.to_string()).map_err(E::custom)
    }

    /// `serde_json` with `arbitrary_precision` hands numbers over as a one-entry map
    /// holding the exact text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Money, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == SERDE_JSON_NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                Money::parse(&text).map_err(de::Error::custom)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Money {
        Money::parse(text).expect(text)
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).expect(text)
    }

    #[test]
    fn cents_round_trip() {
        for cents in [0, 1, 99, 100, 1850, -1, -1850, 167_592, i64::from(i32::MAX)] {
            assert_eq!(Money::from_cents(cents).to_cents(), cents);
        }
        assert_eq!(Money::from_cents(1850).to_string(), "18.50");
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
    }

    #[test]
    fn rounding_is_half_up_away_from_zero() {
        assert_eq!(money("0.005").round_cents(), money("0.01"));
        assert_eq!(money("0.0049").round_cents(), Money::ZERO);
        assert_eq!(money("-0.005").round_cents(), money("-0.01"));
        assert_eq!(money("2.345").to_cents(), 235);
        assert_eq!(money("-2.345").to_cents(), -235);
        assert_eq!(money("1675.9175").to_string(), "1675.92");
    }

    #[test]
    fn parses_plain_and_italian_forms() {
        assert_eq!(money("18"), Money::from_cents(1800));
        assert_eq!(money("18.5"), Money::from_cents(1850));
        assert_eq!(money("18.50"), Money::from_cents(1850));
        assert_eq!(money("18,50"), Money::from_cents(1850));
        assert_eq!(money(" 18,5 "), Money::from_cents(1850));
        assert_eq!(money("1.675,92"), Money::from_cents(167_592));
        assert_eq!(money("1,675.92"), Money::from_cents(167_592));
        assert_eq!(money("1.234.567,89"), Money::from_cents(123_456_789));
        assert_eq!(money("-3"), Money::from_cents(-300));
        assert_eq!(money("+3.10"), Money::from_cents(310));
        assert_eq!(money("0.1"), Money::from_cents(10));
    }

    #[test]
    fn more_decimals_are_kept_exact() {
        assert_eq!(money("1.675").as_decimal(), dec("1.675"));
        assert_eq!(money("0.123456789").as_decimal(), dec("0.123456789"));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "abc",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "1e5",
            "1E5",
            "18.",
            ".5",
            ",5",
            "1..5",
            "1,,5",
            "1.2.3",
            "1,2,3",
            "--1",
            "+-1",
            "-",
            "1 000",
            "18 €",
            "€18",
            "0x10",
            "1.675.92",
            "1,675,92",
            "12.34,5.6",
            "1.23,4,5",
            "1234.567,89",
            "1.23,45",
            "١٢",
        ] {
            assert!(
                matches!(Money::parse(bad), Err(MoneyError::Invalid(_))),
                "{bad:?} accepted"
            );
        }
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("   "), Err(MoneyError::Empty));
        assert_eq!(
            Money::parse("99999999999999999999999999999999"),
            Err(MoneyError::OutOfRange)
        );
        assert!(Money::parse(&"9".repeat(1000)).is_err());
    }

    #[test]
    fn display_always_has_two_decimals() {
        assert_eq!(money("18").to_string(), "18.00");
        assert_eq!(money("18.5").to_string(), "18.50");
        assert_eq!(Money::ZERO.to_string(), "0.00");
        assert_eq!(money("-0.001").to_string(), "0.00");
        assert_eq!(money("1234567.891").to_string(), "1234567.89");
    }

    #[test]
    fn italian_format() {
        assert_eq!(money("1675.92").format_it(), "1.675,92");
        assert_eq!(money("20111.01").format_it(), "20.111,01");
        assert_eq!(money("999.5").format_it(), "999,50");
        assert_eq!(money("1000").format_it(), "1.000,00");
        assert_eq!(money("1234567.8").format_it(), "1.234.567,80");
        assert_eq!(money("9.61").format_it(), "9,61");
        assert_eq!(money("-1675.92").format_it(), "-1.675,92");
        assert_eq!(Money::ZERO.format_it(), "0,00");
    }

    #[test]
    fn arithmetic() {
        let a = money("10.25");
        let b = money("0.75");
        assert_eq!(a + b, money("11"));
        assert_eq!(a - b, money("9.5"));
        assert_eq!(-a, money("-10.25"));
        let mut c = a;
        c += b;
        assert_eq!(c, money("11"));
        c -= b;
        assert_eq!(c, a);
        assert_eq!(a * Decimal::from(4), money("41"));
        assert_eq!(
            (money("10") / Decimal::from(3)).round_cents(),
            money("3.33")
        );
        assert_eq!([a, b, b].iter().sum::<Money>(), money("11.75"));
        assert_eq!(vec![a, b].into_iter().sum::<Money>(), money("11"));
        assert!(a > b);
        assert_eq!(a.max(b), a);
        assert_eq!(a.min(b), b);
        assert!(Money::default().is_zero());
        assert!((-a).is_negative());
        assert!(!Money::ZERO.is_negative());
        assert_eq!(a.as_decimal(), dec("10.25"));
    }

    #[test]
    fn equal_values_hash_alike() {
        use std::collections::HashSet;
        let set: HashSet<Money> = [money("18.5"), money("18.50")].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn serde_json_round_trip() {
        assert_eq!(
            serde_json::to_string(&money("18.5")).expect("serialize"),
            "\"18.50\""
        );
        for (json, cents) in [
            ("\"18.50\"", 1850),
            ("\"18,5\"", 1850),
            ("18.5", 1850),
            ("18", 1800),
            ("-2", -200),
            ("0.1", 10),
            ("1675.92", 167_592),
        ] {
            let parsed: Money = serde_json::from_str(json).expect(json);
            assert_eq!(parsed.to_cents(), cents, "{json}");
        }
        // 0.1 + 0.2 style float noise never appears: the text is parsed, not the binary value.
        let parsed: Money = serde_json::from_str("0.3").expect("0.3");
        assert_eq!(parsed.as_decimal(), dec("0.3"));
        for bad in ["\"abc\"", "\"NaN\"", "null", "true", "[1]", "{}", "1e400"] {
            assert!(
                serde_json::from_str::<Money>(bad).is_err(),
                "{bad} accepted"
            );
        }
    }
}

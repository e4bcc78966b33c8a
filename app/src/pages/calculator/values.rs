//! The calculator form's values as typed (strings), read from a query string or from the
//! inputs, and turned into a [`CalculatorInput`] or a field error the family can act on.
//!
//! Shared by the page (server and browser) and the server's PDF summary, so every channel
//! reads the same query the same way.

use domain::calculator::{
    self, CalculatorInput, CalculatorResult, CooperativeCategory, Level, Regime,
};
use domain::money::Money;
use serde::{Deserialize, Serialize};

use crate::api::calculator::ComparisonPrices;
use crate::i18n::Locale;
use crate::i18n::calculator::{CalculatorMessages, calc};

/// Longest value kept from a query parameter: enough for any valid entry, short enough that
/// an absurd one is refused (and echoed) in a few characters.
pub const MAX_VALUE_LEN: usize = 40;

/// The request fields, in the order of the form (also the query parameter names).
pub const FIELDS: [&str; 15] = CalculatorInput::FIELDS;

/// The fields that are yes/no (checkboxes, or radio buttons for `cuaf`).
const BOOLEANS: [&str; 4] = [
    "fixed_term",
    "cuaf",
    "board_in_kind",
    "include_holiday_replacement",
];

/// What the form holds, one string per field ("1"/"0" for yes/no fields).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormValues {
    pub values: Vec<(String, String)>,
}

impl Default for FormValues {
    /// The contract's defaults, as the empty form shows them.
    fn default() -> FormValues {
        let d = CalculatorInput::default();
        let b = |v: bool| if v { "1" } else { "0" }.to_string();
        FormValues {
            values: vec![
                ("year".into(), d.year.to_string()),
                ("regime".into(), d.regime),
                ("level".into(), d.level),
                ("weekly_hours".into(), d.weekly_hours.to_string()),
                ("hourly_pay".into(), String::new()),
                ("monthly_pay".into(), String::new()),
                ("fixed_term".into(), b(d.fixed_term)),
                ("cuaf".into(), b(d.cuaf)),
                ("children_under_6".into(), d.children_under_6.to_string()),
                (
                    "non_self_sufficient_assisted".into(),
                    d.non_self_sufficient_assisted.to_string(),
                ),
                ("board_in_kind".into(), b(d.board_in_kind)),
                ("meals_per_week".into(), d.meals_per_week.to_string()),
                ("nights_per_week".into(), d.nights_per_week.to_string()),
                (
                    "seniority_increments".into(),
                    d.seniority_increments.to_string(),
                ),
                (
                    "include_holiday_replacement".into(),
                    b(d.include_holiday_replacement),
                ),
            ],
        }
    }
}

/// A value the form cannot use: the field to point at and what to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// What the page shows under the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing submitted yet.
    Empty,
    Invalid(FieldError),
    Computed(Box<Computed>),
}

/// A successful calculation with what it was computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    pub input: CalculatorInput,
    pub result: CalculatorResult,
    pub category: CooperativeCategory,
    /// How many priced services the cooperative comparison used.
    pub services: usize,
}

pub fn is_truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "on" | "true" | "yes" | "si" | "sì"
    )
}

impl FormValues {
    /// Reads the form from query parameters. Returns the values and whether the form was
    /// submitted (some calculator field is present); unchecked checkboxes send nothing, so in
    /// a submitted form an absent yes/no field is "no" (`cuaf` is a pair of radio buttons
    /// and keeps its default "yes").
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (FormValues, bool) {
        let submitted = FIELDS.iter().any(|f| get(f).is_some());
        let mut form = FormValues::default();
        if !submitted {
            return (form, false);
        }
        for (field, value) in form.values.iter_mut() {
            match get(field) {
                Some(given) => {
                    let given: String = given.chars().take(MAX_VALUE_LEN + 1).collect();
                    *value = if BOOLEANS.contains(&field.as_str()) {
                        if is_truthy(&given) { "1" } else { "0" }.to_string()
                    } else {
                        given
                    };
                }
                None if BOOLEANS.contains(&field.as_str()) && field != "cuaf" => {
                    *value = "0".to_string();
                }
                None => {}
            }
        }
        (form, true)
    }

    /// The value of a field ("" when unknown).
    pub fn get(&self, field: &str) -> &str {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn set(&mut self, field: &str, value: String) {
        if let Some((_, v)) = self.values.iter_mut().find(|(f, _)| f == field) {
            *v = value;
        }
    }

    pub fn flag(&self, field: &str) -> bool {
        is_truthy(self.get(field))
    }

    /// The query string of these values (for the PDF link and a shareable address).
    pub fn to_query(&self, locale: Locale) -> String {
        let mut parts: Vec<String> = self
            .values
            .iter()
            .map(|(f, v)| format!("{f}={}", encode(v)))
            .collect();
        parts.push(format!("lang={}", locale.code()));
        parts.join("&")
    }

    /// The request for the calculator, or the first field that is not a usable value.
    pub fn to_input(&self, locale: Locale) -> Result<CalculatorInput, FieldError> {
        let t = calc(locale);
        let mut object = serde_json::Map::new();
        for field in FIELDS {
            let value = self.get(field).trim();
            let error = |message: fn(&str) -> String| FieldError {
                field,
                message: message(label(t, field)),
            };
            if value.chars().count() > MAX_VALUE_LEN {
                return Err(error(t.too_long));
            }
            let json = match field {
                "regime" | "level" => serde_json::Value::String(value.to_string()),
                "hourly_pay" | "monthly_pay" if value.is_empty() => serde_json::Value::Null,
                _ if value.is_empty() => return Err(error(t.required)),
                _ => serde_json::Value::String(value.to_string()),
            };
            // Each value alone first, so that a bad one is named.
            let mut single = serde_json::Map::new();
            single.insert(field.to_string(), json.clone());
            if serde_json::from_value::<CalculatorInput>(serde_json::Value::Object(single)).is_err()
            {
                return Err(error(t.invalid_number));
            }
            object.insert(field.to_string(), json);
        }
        serde_json::from_value(serde_json::Value::Object(object)).map_err(|_| FieldError {
            field: "year",
            message: (t.invalid_number)(t.year.label),
        })
    }

    /// Whether a field means something for the regime and level chosen (every field does
    /// while the regime is unknown). The island hides and disables the others.
    pub fn applies(&self, field: &str) -> bool {
        let Some(regime) = Regime::parse(self.get("regime")) else {
            return true;
        };
        let level = Level::parse(self.get("level"));
        match field {
            "hourly_pay" | "meals_per_week" => regime.is_hourly(),
            "monthly_pay" => !regime.is_hourly(),
            "board_in_kind" => regime.is_live_in(),
            "nights_per_week" => regime.is_night(),
            "children_under_6" => level.is_none_or(|l| l == Level::Bs),
            "non_self_sufficient_assisted" => {
                level.is_none_or(Level::cares_for_non_self_sufficient)
            }
            _ => true,
        }
    }

    /// The values with the fields that do not apply reset to "not given", as a form whose
    /// hidden fields are disabled sends them.
    pub fn effective(&self) -> FormValues {
        let mut form = self.clone();
        for field in FIELDS {
            if !self.applies(field) {
                let blank = match field {
                    "hourly_pay" | "monthly_pay" => "",
                    _ => "0",
                };
                form.set(field, blank.to_string());
            }
        }
        form
    }

    /// Validates and computes, with the cooperative prices of the matching category.
    pub fn evaluate(&self, locale: Locale, prices: &ComparisonPrices) -> Outcome {
        let input = match self.to_input(locale) {
            Ok(input) => input,
            Err(error) => return Outcome::Invalid(error),
        };
        let domain_error = |e: calculator::CalcError| {
            Outcome::Invalid(FieldError {
                field: e.field,
                message: match locale {
                    Locale::It => calculator::message_it(&e),
                    Locale::En => calculator::message_en(&e),
                },
            })
        };
        let category = match calculator::cooperative_category(&input) {
            Ok(c) => c,
            Err(e) => return domain_error(e),
        };
        let cents = prices.for_category(category);
        let list: Vec<Money> = cents.iter().copied().map(Money::from_cents).collect();
        match calculator::compute(&input, &list) {
            Ok(result) => Outcome::Computed(Box::new(Computed {
                input,
                result,
                category,
                services: cents.iter().filter(|c| **c > 0).count(),
            })),
            Err(e) => domain_error(e),
        }
    }
}

/// The levels the tables of `year` list for `regime`, lowest first (all of them when the
/// year or regime is unknown). Asked of the calculator itself, so the data stays in the
/// tables.
pub fn levels_for(year: &str, regime: &str) -> Vec<Level> {
    let Some(regime) = Regime::parse(regime) else {
        return Level::ALL.to_vec();
    };
    let Ok(year) = year.trim().parse::<i64>() else {
        return Level::ALL.to_vec();
    };
    let levels: Vec<Level> = Level::ALL
        .into_iter()
        .filter(|level| {
            let probe = CalculatorInput {
                year,
                regime: regime.as_str().to_string(),
                level: level.as_str().to_string(),
                nights_per_week: i64::from(regime.is_night()),
                ..CalculatorInput::default()
            };
            !matches!(calculator::cooperative_category(&probe), Err(e) if e.field == "level")
        })
        .collect();
    if levels.is_empty() {
        Level::ALL.to_vec()
    } else {
        levels
    }
}

/// The label of a field in the page's language.
pub fn label(t: &'static CalculatorMessages, field: &str) -> &'static str {
    match field {
        "year" => t.year.label,
        "regime" => t.regime.label,
        "level" => t.level.label,
        "weekly_hours" => t.weekly_hours.label,
        "hourly_pay" => t.hourly_pay.label,
        "monthly_pay" => t.monthly_pay.label,
        "fixed_term" => t.fixed_term.label,
        "cuaf" => t.cuaf.label,
        "children_under_6" => t.children_under_6.label,
        "non_self_sufficient_assisted" => t.non_self_sufficient_assisted.label,
        "board_in_kind" => t.board_in_kind.label,
        "meals_per_week" => t.meals_per_week.label,
        "nights_per_week" => t.nights_per_week.label,
        "seniority_increments" => t.seniority_increments.label,
        _ => t.include_holiday_replacement.label,
    }
}

/// Percent-encoding of a query value (RFC 3986 unreserved characters kept).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Whole-euro amounts in the page's format: "1.675,92 €" or "€1,675.92".
pub fn money(locale: Locale, amount: Money) -> String {
    let it = amount.format_it();
    match locale {
        Locale::It => format!("{it} €"),
        Locale::En => {
            let en: String = it
                .chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect();
            match en.strip_prefix('-') {
                Some(rest) => format!("-€{rest}"),
                None => format!("€{en}"),
            }
        }
    }
}

/// A decimal quantity (hours) in the page's format, without trailing zeros: "86,67", "20".
pub fn quantity(locale: Locale, text: &str) -> String {
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    };
    match locale {
        Locale::It => text.replace('.', ","),
        Locale::En => text.to_string(),
    }
}

/// An annual amount as a monthly one, rounded half-up to the cent.
pub fn per_month(annual: Money) -> Money {
    let cents = annual.to_cents();
    let sign = if cents < 0 { -1 } else { 1 };
    Money::from_cents(sign * ((cents.abs() * 2 + 12) / 24))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> FormValues {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        FormValues::from_query(|k| pairs.iter().find(|(f, _)| f == k).map(|(_, v)| v.clone())).0
    }

    #[test]
    fn defaults_compute() {
        let outcome = FormValues::default().evaluate(Locale::It, &ComparisonPrices::default());
        assert!(matches!(outcome, Outcome::Computed(_)), "{outcome:?}");
    }

    #[test]
    fn letters_in_hours_name_the_field() {
        let form = query(&[("weekly_hours", "abc")]);
        let Outcome::Invalid(e) = form.evaluate(Locale::It, &ComparisonPrices::default()) else {
            panic!("refused")
        };
        assert_eq!(e.field, "weekly_hours");
        assert!(e.message.contains("Ore di lavoro"), "{}", e.message);
    }

    #[test]
    fn long_values_are_cut_and_refused() {
        let long = "9".repeat(5000);
        let form = query(&[("weekly_hours", &long)]);
        assert!(form.get("weekly_hours").len() <= MAX_VALUE_LEN + 1);
        assert!(matches!(
            form.evaluate(Locale::En, &ComparisonPrices::default()),
            Outcome::Invalid(FieldError {
                field: "weekly_hours",
                ..
            })
        ));
    }

    #[test]
    fn unknown_regime_uses_the_domain_message() {
        let form = query(&[("regime", "<script>")]);
        let Outcome::Invalid(e) = form.evaluate(Locale::It, &ComparisonPrices::default()) else {
            panic!("refused")
        };
        assert_eq!(e.field, "regime");
    }

    #[test]
    fn unchecked_boxes_are_no_but_cuaf_keeps_yes() {
        let form = query(&[("weekly_hours", "20")]);
        assert!(!form.flag("fixed_term"));
        assert!(form.flag("cuaf"));
        let form = query(&[("weekly_hours", "20"), ("cuaf", "0")]);
        assert!(!form.flag("cuaf"));
    }

    #[test]
    fn levels_come_from_the_tables() {
        assert_eq!(
            levels_for("2026", "live_in_part_time"),
            vec![Level::B, Level::Bs, Level::C]
        );
        assert_eq!(
            levels_for("2026", "rest_day_substitute"),
            vec![Level::Cs, Level::Ds]
        );
        assert_eq!(levels_for("x", "hourly").len(), 8);
    }

    #[test]
    fn formats() {
        assert_eq!(money(Locale::It, Money::from_cents(167_592)), "1.675,92 €");
        assert_eq!(money(Locale::En, Money::from_cents(167_592)), "€1,675.92");
        assert_eq!(
            per_month(Money::from_cents(2_011_101)),
            Money::from_cents(167_592)
        );
        assert_eq!(quantity(Locale::It, "86.670"), "86,67");
        assert_eq!(quantity(Locale::It, "20"), "20");
    }

    #[test]
    fn query_round_trips() {
        let mut form = FormValues::default();
        form.set("hourly_pay", "10,50".into());
        let q = form.to_query(Locale::It);
        assert!(q.contains("hourly_pay=10%2C50"), "{q}");
        assert!(q.ends_with("lang=it"));
    }
}

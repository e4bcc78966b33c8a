//! Why a request cannot be computed: a stable code, the request field at fault and the
//! values a message needs. No human text here: [`super::messages`] (or the caller's i18n)
//! turns code + params into a sentence in the reader's language.

use std::fmt;

/// A request the calculator refuses (the API answers `422` with `code` and `field`).
///
/// Codes and their params (amounts in params are canonical "9.61"; localize them for display):
///
/// | code | field | params |
/// |---|---|---|
/// | `unknown_year` | `year` | `year`, `available` ("2024, 2025, 2026") |
/// | `unknown_regime` | `regime` | `value`, `allowed` |
/// | `unknown_level` | `level` | `level`, `regime`, `allowed` ("B, BS, C") |
/// | `hours_over_limit` | `weekly_hours` | `max`, `regime` |
/// | `must_be_positive` | `weekly_hours` | — |
/// | `out_of_range` | any count, or a pay | `min`, `max` |
/// | `not_applicable` | `board_in_kind`, `meals_per_week`, `nights_per_week` | `regime` |
/// | `below_minimum` | `hourly_pay` / `monthly_pay` | `minimum`, `period` ("hour"/"month"), `level`, `year` |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalcError {
    /// What is wrong, one of the codes above.
    pub code: &'static str,
    /// The request field to point at.
    pub field: &'static str,
    /// Named values for the message, in a stable order.
    pub params: Vec<(&'static str, String)>,
}

impl CalcError {
    pub(crate) fn new(code: &'static str, field: &'static str) -> CalcError {
        CalcError {
            code,
            field,
            params: Vec::new(),
        }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl ToString) -> CalcError {
        self.params.push((name, value.to_string()));
        self
    }

    /// The value of a param, or "" when absent.
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(key, _)| *key == name)
            .map_or("", |(_, value)| value.as_str())
    }
}

impl fmt::Display for CalcError {
    /// A log line ("below_minimum on hourly_pay (minimum=9.61, ...)"), not a user message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.code, self.field)?;
        if !self.params.is_empty() {
            let params: Vec<String> = self
                .params
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            write!(f, " ({})", params.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for CalcError {}

//! Tests of the calculator: the README's worked examples to the cent, every regime × level,
//! every validation error, the JSON contract, and properties.

use rust_decimal::Decimal;

use super::{CalculatorInput, CalculatorResult, compute};
use crate::money::Money;

mod alternatives;
mod json;
mod properties;
mod regimes;
mod steps;
mod tables_data;
mod validation;
mod worked_examples;

/// An amount from its text; panics on a typo in a test.
fn m(text: &str) -> Money {
    Money::parse(text).expect(text)
}

fn dec(text: &str) -> Decimal {
    Money::parse(text).expect(text).as_decimal()
}

/// The contract's default request with year, regime, level and weekly hours set.
fn input(year: i64, regime: &str, level: &str, weekly_hours: i64) -> CalculatorInput {
    CalculatorInput {
        year,
        regime: regime.to_owned(),
        level: level.to_owned(),
        weekly_hours: Decimal::from(weekly_hours),
        ..CalculatorInput::default()
    }
}

fn ok(input: &CalculatorInput) -> CalculatorResult {
    compute(input, &[]).unwrap_or_else(|error| panic!("{input:?} refused: {error}"))
}

//! The JSON contract: the exact request example of CONTRACT.md and the response keys.

use serde_json::{Value, json};

use super::*;

const CONTRACT_REQUEST: &str = r#"{"year": 2026, "regime": "hourly", "level": "B", "weekly_hours": 20,
 "hourly_pay": null, "monthly_pay": null, "fixed_term": false, "cuaf": true,
 "children_under_6": 0, "non_self_sufficient_assisted": 0,
 "board_in_kind": false, "meals_per_week": 0, "nights_per_week": 0,
 "seniority_increments": 0, "include_holiday_replacement": false}"#;

/// The response of CONTRACT.md, "..." standing for any amount.
const CONTRACT_RESPONSE: &str = r#"{"minimum": {"monthly": "...", "hourly": "..."}, "monthly_hours": "...", "monthly_pay": "...",
 "board_monthly_value": "...", "effective_hourly_pay": "...",
 "inps": {"band": "1|2|3|over_24h", "hourly_total": "...", "hourly_worker": "...",
          "hourly_employer": "...", "quarterly_total": "...", "annual_total": "...",
          "annual_employer": "...", "annual_worker": "..."},
 "cassa_colf": {"hourly_total": "0.06", "annual_total": "...", "annual_employer": "...",
                "annual_worker": "..."},
 "thirteenth": "...", "tfr_annual": "...", "holiday_replacement_annual": "...",
 "annual_employer_cost": "...", "monthly_average_cost": "...", "worker_net_monthly": "...",
 "tax_relief": {"deductible_contributions": "...", "carer_detraction_max": "..."},
 "alternatives": {"libretto_famiglia": {"allowed": true, "annual_cost": "...", "reason": null},
                  "cooperative": {"hourly_min": "...", "hourly_median": "...", "annual_min": "..."}}}"#;

/// Every key of `expected` is in `actual` and nothing else, recursively.
fn same_keys(expected: &Value, actual: &Value, path: &str) {
    if let (Value::Object(expected), Value::Object(actual)) = (expected, actual) {
        let expected_keys: Vec<&String> = expected.keys().collect();
        let actual_keys: Vec<&String> = actual.keys().collect();
        assert_eq!(expected_keys, actual_keys, "keys of {path}");
        for (key, value) in expected {
            same_keys(value, &actual[key], &format!("{path}.{key}"));
        }
    }
}

fn is_two_decimal_amount(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    match digits.split_once('.') {
        Some((units, cents)) => {
            !units.is_empty()
                && units.bytes().all(|b| b.is_ascii_digit())
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Every string in the response is a 2-decimal amount, but the band and the reason.
pub(super) fn assert_amounts_have_two_decimals(value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                assert_amounts_have_two_decimals(value, &format!("{path}.{key}"));
            }
        }
        Value::String(text) if path.ends_with(".band") => {
            assert!(
                ["1", "2", "3", "over_24h"].contains(&text.as_str()),
                "{path}: {text}"
            );
        }
        Value::String(text) if path.ends_with(".reason") => assert!(text.starts_with("limit_")),
        Value::String(text) => assert!(is_two_decimal_amount(text), "{path}: {text:?}"),
        Value::Null => assert!(path.contains(".cooperative.") || path.ends_with(".reason")),
        Value::Bool(_) => assert!(path.ends_with(".allowed")),
        other => panic!("{path}: unexpected {other}"),
    }
}

#[test]
fn contract_request_gives_contract_response() {
    let request: CalculatorInput = serde_json::from_str(CONTRACT_REQUEST).expect("request");
    assert_eq!(request, CalculatorInput::default());
    let prices = [m("22.00"), m("18.50"), m("25.00")];
    let result = compute(&request, &prices).expect("computed");
    let response = serde_json::to_value(&result).expect("serialized");

    let mut expected: Value = serde_json::from_str(CONTRACT_RESPONSE).expect("contract");
    // Only the key that applies: hourly regime → "hourly".
    expected["minimum"]
        .as_object_mut()
        .expect("object")
        .remove("monthly");
    same_keys(&expected, &response, "response");
    assert_amounts_have_two_decimals(&response, "response");

    // Keys in the contract's order in the text.
    let text = serde_json::to_string(&result).expect("text");
    let top_keys = [
        "minimum",
        "monthly_hours",
        "monthly_pay",
        "board_monthly_value",
        "effective_hourly_pay",
        "inps",
        "cassa_colf",
        "thirteenth",
        "tfr_annual",
        "holiday_replacement_annual",
        "annual_employer_cost",
        "monthly_average_cost",
        "worker_net_monthly",
        "tax_relief",
        "alternatives",
    ];
    let positions: Vec<usize> = top_keys
        .iter()
        .map(|key| text.find(&format!("\"{key}\":")).expect(key))
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{text}");

    assert_eq!(response["minimum"], json!({"hourly": "7.01"}));
    assert_eq!(response["monthly_hours"], "86.67");
    assert_eq!(response["monthly_pay"], "607.53");
    assert_eq!(response["inps"]["band"], "1");
    assert_eq!(response["cassa_colf"]["hourly_total"], "0.06");
    assert_eq!(response["monthly_average_cost"], "820.44");
    assert_eq!(
        response["alternatives"]["libretto_famiglia"],
        json!({"allowed": false, "annual_cost": "10400.00", "reason": "limit_per_worker_user_pair"})
    );
    // 18,50 × 20 × 52 = 19.240,00
    assert_eq!(
        response["alternatives"]["cooperative"],
        json!({"hourly_min": "18.50", "hourly_median": "22.00", "annual_min": "19240.00"})
    );
}

#[test]
fn monthly_regime_shows_only_the_monthly_minimum() {
    let result = ok(&input(2026, "live_in", "CS", 54));
    let response = serde_json::to_value(&result).expect("serialized");
    assert_eq!(response["minimum"], json!({"monthly": "1193.84"}));
    assert_eq!(response["inps"]["band"], "over_24h");
}

#[test]
fn allowed_libretto_and_no_cooperative_prices_are_null() {
    let result = ok(&input(2026, "hourly", "B", 2));
    let response = serde_json::to_value(&result).expect("serialized");
    assert_eq!(
        response["alternatives"],
        json!({
            "libretto_famiglia": {"allowed": true, "annual_cost": "1040.00", "reason": null},
            "cooperative": {"hourly_min": null, "hourly_median": null, "annual_min": null}
        })
    );
}

#[test]
fn result_round_trips_through_json() {
    for request in [
        CalculatorInput::default(),
        CalculatorInput {
            board_in_kind: true,
            ..input(2024, "live_in", "CS", 54)
        },
    ] {
        let result = compute(&request, &[m("20")]).expect("computed");
        let text = serde_json::to_string(&result).expect("text");
        let back: CalculatorResult = serde_json::from_str(&text).expect("read back");
        assert_eq!(back, result);
    }
}

#[test]
fn input_round_trips_through_json() {
    let request = CalculatorInput {
        weekly_hours: dec("22.5"),
        hourly_pay: Some(m("9.5")),
        ..CalculatorInput::default()
    };
    let text = serde_json::to_string(&request).expect("text");
    let back: CalculatorInput = serde_json::from_str(&text).expect("read back");
    assert_eq!(back, request);
}

#[test]
fn defaults_and_lenient_values() {
    let empty: CalculatorInput = serde_json::from_str("{}").expect("empty");
    assert_eq!(empty, CalculatorInput::default());
    assert_eq!(empty.year, 2026);
    assert_eq!(empty.regime, "hourly");
    assert_eq!(empty.level, "B");
    assert_eq!(empty.weekly_hours, dec("20"));
    assert!(empty.cuaf && !empty.fixed_term);

    let lenient: CalculatorInput = serde_json::from_str(
        r#"{"year": "2025", "weekly_hours": "22,5", "hourly_pay": "8,10",
            "monthly_pay": "", "cuaf": "off", "fixed_term": "on",
            "seniority_increments": "2", "meals_per_week": 3.0,
            "board_in_kind": 0, "unknown_field": [1, 2]}"#,
    )
    .expect("lenient");
    assert_eq!(lenient.year, 2025);
    assert_eq!(lenient.weekly_hours, dec("22.5"));
    assert_eq!(lenient.hourly_pay, Some(m("8.10")));
    assert_eq!(lenient.monthly_pay, None);
    assert!(!lenient.cuaf && lenient.fixed_term && !lenient.board_in_kind);
    assert_eq!(lenient.seniority_increments, 2);
    assert_eq!(lenient.meals_per_week, 3);

    // Numbers are read through their text: 0.1 stays 0.1.
    let exact: CalculatorInput =
        serde_json::from_str(r#"{"weekly_hours": 20.1, "hourly_pay": 7.1}"#).expect("exact");
    assert_eq!(exact.weekly_hours, dec("20.1"));
    assert_eq!(exact.hourly_pay, Some(m("7.10")));
}

#[test]
fn meaning_errors_reach_validation_with_their_field() {
    let request: CalculatorInput =
        serde_json::from_str(r#"{"regime": "boh", "children_under_6": -3}"#).expect("parsed");
    assert_eq!(compute(&request, &[]).expect_err("refused").field, "regime");
    let request: CalculatorInput =
        serde_json::from_str(r#"{"children_under_6": -3}"#).expect("parsed");
    assert_eq!(
        compute(&request, &[]).expect_err("refused").field,
        "children_under_6"
    );
}

#[test]
fn values_of_the_wrong_kind_fail_to_deserialize() {
    for bad in [
        r#"{"weekly_hours": "abc"}"#,
        r#"{"weekly_hours": null}"#,
        r#"{"hourly_pay": "NaN"}"#,
        r#"{"hourly_pay": true}"#,
        r#"{"year": "twenty"}"#,
        r#"{"year": 2026.5}"#,
        r#"{"cuaf": "maybe"}"#,
        r#"{"cuaf": 2}"#,
        r#"{"regime": 3}"#,
        r#"{"meals_per_week": 1e400}"#,
        r#""hourly""#,
    ] {
        assert!(
            serde_json::from_str::<CalculatorInput>(bad).is_err(),
            "{bad} accepted"
        );
    }
}

//! `POST /api/v1/calculator/domestic-work` over HTTP on both engines: the contract's shape,
//! the cooperative comparison from the catalogue, and 422 errors that name the field.

use crate::common;

use common::TestServer;
use serde_json::{Value, json};

async fn post(s: &TestServer, body: Value, lang: &str) -> (u16, Value) {
    let response = s
        .client
        .post(s.url(&format!("/api/v1/calculator/domestic-work?lang={lang}")))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn is_money(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        let (int, dec) = s.split_once('.').unwrap_or(("", ""));
        !int.is_empty()
            && dec.len() == 2
            && s.trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
    })
}

async fn contract_example_has_the_contract_shape(s: &TestServer) {
    let request = json!({"year": 2026, "regime": "hourly", "level": "B", "weekly_hours": 20,
        "hourly_pay": null, "monthly_pay": null, "fixed_term": false, "cuaf": true,
        "children_under_6": 0, "non_self_sufficient_assisted": 0, "board_in_kind": false,
        "meals_per_week": 0, "nights_per_week": 0, "seniority_increments": 0,
        "include_holiday_replacement": false});
    let (status, r) = post(s, request, "it").await;
    assert_eq!(status, 200, "{r}");
    assert!(is_money(&r["minimum"]["hourly"]));
    assert!(
        r["minimum"].get("monthly").is_none(),
        "only the key that applies"
    );
    for key in [
        "monthly_hours",
        "monthly_pay",
        "board_monthly_value",
        "effective_hourly_pay",
        "thirteenth",
        "tfr_annual",
        "holiday_replacement_annual",
        "annual_employer_cost",
        "monthly_average_cost",
        "worker_net_monthly",
    ] {
        assert!(is_money(&r[key]), "{key}: {}", r[key]);
    }
    for key in [
        "hourly_total",
        "hourly_worker",
        "hourly_employer",
        "quarterly_total",
        "annual_total",
        "annual_employer",
        "annual_worker",
    ] {
        assert!(is_money(&r["inps"][key]), "inps.{key}");
    }
    assert!(["1", "2", "3", "over_24h"].contains(&r["inps"]["band"].as_str().unwrap()));
    assert_eq!(r["cassa_colf"]["hourly_total"], "0.06");
    assert!(is_money(&r["tax_relief"]["deductible_contributions"]));
    assert!(r["alternatives"]["libretto_famiglia"]["allowed"].is_boolean());
    // The cooperative comparison comes from the published hourly services of the catalogue.
    let coop = &r["alternatives"]["cooperative"];
    assert!(is_money(&coop["hourly_min"]), "{coop}");
    assert!(is_money(&coop["hourly_median"]));
    assert!(is_money(&coop["annual_min"]));
    // An empty body takes every default and gives the same answer.
    let (status, defaults) = post(s, json!({}), "it").await;
    assert_eq!(status, 200);
    assert_eq!(defaults, r);
    // Amounts may be strings.
    let (status, with_strings) = post(
        s,
        json!({"weekly_hours": "20", "hourly_pay": r["minimum"]["hourly"]}),
        "it",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        with_strings["annual_employer_cost"],
        r["annual_employer_cost"]
    );
}
both_engines!(contract_shape, contract_example_has_the_contract_shape);

async fn invalid_requests_are_422_naming_the_field(s: &TestServer) {
    let cases = [
        (
            json!({"regime": "live_in_part_time", "level": "CS"}),
            "level",
            "unknown_level",
        ),
        (
            json!({"regime": "hourly", "weekly_hours": 60}),
            "weekly_hours",
            "hours_over_limit",
        ),
        (json!({"hourly_pay": "1.00"}), "hourly_pay", "below_minimum"),
        (json!({"year": 2019}), "year", "unknown_year"),
        (json!({"regime": "full_time"}), "regime", "unknown_regime"),
        (json!({"weekly_hours": -5}), "weekly_hours", ""),
        (
            json!({"weekly_hours": "abc"}),
            "weekly_hours",
            "invalid_value",
        ),
        (
            json!({"children_under_6": [1, 2]}),
            "children_under_6",
            "invalid_value",
        ),
    ];
    for (body, field, code) in cases {
        let (status, r) = post(s, body.clone(), "it").await;
        assert_eq!(status, 422, "{body}: {r}");
        assert_eq!(r["error"]["field"], field, "{body}: {r}");
        if !code.is_empty() {
            assert_eq!(r["error"]["code"], code, "{body}: {r}");
        }
        assert!(!r["error"]["message"].as_str().unwrap().is_empty());
    }
    // The message says the minimum, in the language asked for.
    let (_, it) = post(s, json!({"hourly_pay": "1.00"}), "it").await;
    assert!(
        it["error"]["message"].as_str().unwrap().contains("minimo"),
        "{it}"
    );
    let (_, en) = post(s, json!({"hourly_pay": "1.00"}), "en").await;
    assert!(
        en["error"]["message"].as_str().unwrap().contains("minimum"),
        "{en}"
    );
    // Not JSON at all: still a clear 4xx.
    let response = s
        .client
        .post(s.url("/api/v1/calculator/domestic-work"))
        .body("year=2026")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
}
both_engines!(invalid_requests, invalid_requests_are_422_naming_the_field);

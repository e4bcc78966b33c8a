//! The calculator page and its PDF over HTTP on both engines: the form without JavaScript,
//! the server-computed result equal to the JSON API's, localized field errors that never
//! echo input unescaped, and the PDF summary.

use crate::common;

use common::TestServer;
use serde_json::{Value, json};

const PAGE: &str = "/lavoro-domestico/calcolatore";

/// The JSON API's answer for a request.
async fn api(s: &TestServer, body: Value) -> Value {
    let response = s
        .client
        .post(s.url("/api/v1/calculator/domestic-work?lang=it"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

/// "20111.01" → "20.111,01", as the page shows amounts in Italian.
fn italian(amount: &str) -> String {
    let (int, dec) = amount.split_once('.').unwrap();
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{grouped},{dec}")
}

fn english(amount: &str) -> String {
    italian(amount)
        .replace('.', "#")
        .replace(',', ".")
        .replace('#', ",")
}

async fn form_renders_without_a_result(s: &TestServer) {
    let (status, html) = s.get_html(PAGE).await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1"), "heading");
    assert!(html.contains("Calcolatore del costo del lavoro domestico"));
    assert!(html.contains("data-element=\"breadcrumb\""));
    assert!(html.contains("method=\"get\""));
    assert!(html.contains("action=\"/lavoro-domestico/calcolatore\""));
    for field in [
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
    ] {
        assert!(html.contains(&format!("name=\"{field}\"")), "field {field}");
    }
    assert!(
        html.contains("<label for=\"calc-weekly_hours\""),
        "labelled"
    );
    assert!(
        html.contains("aria-describedby=\"calc-weekly_hours-hint\""),
        "hint"
    );
    assert!(html.contains("<legend"), "fieldsets");
    assert!(html.contains("leptos-island"), "the island is there");
    assert!(
        !html.contains("id=\"calc-result\""),
        "no result before submitting"
    );
    assert!(!html.contains("calc-error-summary"));
}
both_engines!(form, form_renders_without_a_result);

async fn result_equals_the_api(s: &TestServer) {
    // The Assindatcolf example: live-in CS, 54 h, 2024, board in kind, holiday replacement.
    let query = "year=2024&regime=live_in&level=CS&weekly_hours=54&hourly_pay=&monthly_pay=\
                 &cuaf=1&children_under_6=0&non_self_sufficient_assisted=0&board_in_kind=1\
                 &meals_per_week=0&nights_per_week=0&seniority_increments=0\
                 &include_holiday_replacement=1";
    let (status, html) = s.get_html(&format!("{PAGE}?{query}")).await;
    assert_eq!(status, 200);
    let expected = api(
        s,
        json!({"year": 2024, "regime": "live_in", "level": "CS", "weekly_hours": 54,
               "board_in_kind": true, "include_holiday_replacement": true}),
    )
    .await;
    assert_eq!(expected["monthly_average_cost"], "1675.92");
    for key in [
        "annual_employer_cost",
        "monthly_average_cost",
        "worker_net_monthly",
        "thirteenth",
        "tfr_annual",
    ] {
        let amount = italian(expected[key].as_str().unwrap());
        assert!(html.contains(&format!("{amount} €")), "{key}: {amount}");
    }
    let quarterly = italian(expected["inps"]["quarterly_total"].as_str().unwrap());
    assert!(html.contains(&quarterly), "INPS quarter {quarterly}");
    for deadline in ["10 aprile", "10 luglio", "10 ottobre", "10 gennaio"] {
        assert!(html.contains(deadline), "deadline {deadline}");
    }
    assert!(html.contains("Libretto Famiglia"));
    assert!(html.contains("/servizi?category=servizi-socio-assistenziali"));
    let coop = &expected["alternatives"]["cooperative"];
    if let Some(min) = coop["hourly_min"].as_str() {
        assert!(html.contains(&italian(min)), "cheapest service price");
    }
    assert!(
        html.contains("/lavoro-domestico/calcolatore.pdf?year=2024&amp;regime=live_in"),
        "PDF link with the same query"
    );
    assert!(html.contains("Fonti delle tabelle"));

    // English: the same figures, English format.
    let (_, html) = s.get_html(&format!("{PAGE}?{query}&lang=en")).await;
    let amount = english(expected["annual_employer_cost"].as_str().unwrap());
    assert!(
        html.contains(&format!("€{amount}")),
        "English amount {amount}"
    );
    assert!(html.contains("by 10 April"));
}
both_engines!(server_computed_result, result_equals_the_api);

async fn hourly_default_equals_the_api(s: &TestServer) {
    let (_, html) = s
        .get_html(&format!(
            "{PAGE}?year=2026&regime=hourly&level=B&weekly_hours=20&cuaf=1"
        ))
        .await;
    let expected = api(s, json!({})).await;
    let amount = italian(expected["annual_employer_cost"].as_str().unwrap());
    assert!(html.contains(&format!("{amount} €")), "{amount}");
}
both_engines!(hourly, hourly_default_equals_the_api);

async fn bad_input_is_a_field_error(s: &TestServer) {
    // Letters in a number.
    let (status, html) = s.get_html(&format!("{PAGE}?weekly_hours=abc")).await;
    assert_eq!(status, 200);
    assert!(html.contains("calc-error-summary"), "summary at the top");
    assert!(
        html.contains("href=\"#calc-weekly_hours\""),
        "links to the field"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("deve contenere un numero"));
    assert!(!html.contains("id=\"calc-result\""));

    // Unknown regime with markup: refused, never echoed raw.
    let (status, html) = s
        .get_html(&format!("{PAGE}?regime=%3Cscript%3Ealert(1)%3C/script%3E"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Tipo di rapporto"));
    assert!(!html.contains("<script>alert(1)"), "escaped");

    // 5,000 characters.
    let long = "9".repeat(5000);
    let (status, html) = s.get_html(&format!("{PAGE}?weekly_hours={long}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("calc-error-summary"));
    // The form keeps at most the first characters (the language links repeat the address,
    // escaped).
    assert!(
        !html.contains(&format!("value=\"{}", "9".repeat(42))),
        "not echoed in full"
    );

    // A rule of the calculator, in English.
    let (_, html) = s
        .get_html(&format!(
            "{PAGE}?year=2026&regime=hourly&level=B&weekly_hours=20&hourly_pay=1&lang=en"
        ))
        .await;
    assert!(
        html.contains("below the contractual minimum"),
        "English domain message"
    );
    assert!(html.contains("href=\"#calc-hourly_pay\""));
}
both_engines!(errors, bad_input_is_a_field_error);

async fn pdf_summary(s: &TestServer) {
    let query = "year=2024&regime=live_in&level=CS&weekly_hours=54&board_in_kind=1\
                 &include_holiday_replacement=1&cuaf=1";
    let response = s
        .get(&format!("/lavoro-domestico/calcolatore.pdf?{query}"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\""),
        "{disposition}"
    );
    assert!(disposition.contains(".pdf"));
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.trim_end().ends_with("%%EOF"));
    assert!(text.contains("20.111,01"), "annual cost in the PDF");
    assert!(text.contains("1.675,92"), "monthly average in the PDF");
    assert!(text.contains("/WinAnsiEncoding"));
    assert!(text.contains("\\200"), "euro sign in WinAnsi");

    for bad in [
        "weekly_hours=abc",
        "regime=nope",
        "year=1999",
        "weekly_hours=99",
    ] {
        let response = s
            .get(&format!("/lavoro-domestico/calcolatore.pdf?{bad}"))
            .await;
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{bad}: {status}");
    }
}
both_engines!(pdf, pdf_summary);

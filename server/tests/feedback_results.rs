//! The page-feedback results on the real server, on both engines: visitors' answers add up per
//! page (answers, stars, positive ones) with the latest comments; only city staff with the
//! content permission read them.

use serde_json::Value;

use crate::common::{self, TestServer, login, plain_client};

async fn send(server: &TestServer, page: &str, rating: &str, comment: &str) {
    let response = plain_client()
        .post(server.url("/fn/page_feedback"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("page", page), ("rating", rating), ("comment", comment)])
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success() || response.status().is_redirection(),
        "{}",
        response.status()
    );
}

async fn results(server: &TestServer, cookie: &str) -> (u16, Value) {
    let response = plain_client()
        .post(server.url("/fn/page_feedback_results"))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn feedback_adds_up(server: &TestServer) {
    send(server, "/servizi", "5", "").await;
    send(server, "/servizi", "4", "Chiaro e completo").await;
    send(server, "/servizi", "2", "").await;
    send(server, "/spazi", "1", "Mancano gli orari estivi").await;
    let admin = login(server, "admin@demo.wemi.example", None).await;
    let (status, report) = results(server, &admin).await;
    assert_eq!(status, 200, "{report}");
    let servizi = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["page"] == "/servizi")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(servizi["answers"], 3);
    assert_eq!(servizi["stars"], 11);
    assert_eq!(servizi["positive"], 2);
    assert_eq!(
        report["pages"][0]["page"], "/servizi",
        "most answered first"
    );
    assert_eq!(report["comments"][0]["comment"], "Mancano gli orari estivi");
    assert_eq!(report["comments"].as_array().unwrap().len(), 2);
    let page = common::get_with(server, "/amministrazione/valutazioni-pagine", &admin).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("feedback-table") && html.contains("3,7"),
        "average shown"
    );
    let citizen = login(server, "cittadino@demo.wemi.example", None).await;
    assert_eq!(results(server, &citizen).await.0, 403);
}
both_engines!(feedback_adds_up_, feedback_adds_up);

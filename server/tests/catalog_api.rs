//! Catalogue search and the services API (issue 3), on both engines: text search that forgives
//! accents, case, plurals and typos; every filter; paging; bad input; the same answers from
//! SQLite and PostgreSQL; the OpenAPI document.

use crate::common;

use serde_json::Value;

use common::{Engine, TestServer};

fn slugs(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["slug"].as_str().unwrap().to_string())
        .collect()
}

async fn search(server: &TestServer, query: &str) -> Value {
    let (status, body) = server.get_json(&format!("/api/v1/services?{query}")).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// Queries (and filters) whose answers both engines must agree on, in order.
const CORPUS: &[&str] = &[
    "q=babysitter",
    "q=babysiter",
    "q=psicologo",
    "q=psicologco",
    "q=attivita",
    "q=attivit%C3%A0",
    "q=anziani",
    "q=Anziano",
    "q=pasti+a+domicilio",
    "q=corso+italiano",
    "q=spesa",
    "q=home+babysitting",
    "q=trasporto+disabili",
    "q=assistenza&municipio=3&sort=price",
    "category=servizi-educativi&per_page=100",
    "price=free&per_page=100",
    "mode=shared&sort=price",
    "max_price=20&sort=price&per_page=100",
    "delivery=online&time=evening",
    "vouchers=true&per_page=100",
    "target=anziani&page=2",
    "per_page=100&page=2",
];

async fn search_behaviour(server: &TestServer) {
    // Forgiving text search.
    let typo = search(server, "q=babysiter").await;
    assert!(
        slugs(&typo).iter().any(|s| s.contains("babysitt")),
        "babysiter finds babysitter services: {typo}"
    );
    let psy = search(server, "q=psicologco").await;
    assert!(psy["total"].as_i64().unwrap() >= 5, "{psy}");
    assert!(slugs(&psy).iter().any(|s| s.contains("psicolog")));
    assert_eq!(
        slugs(&search(server, "q=attivita&per_page=100").await),
        slugs(&search(server, "q=ATTIVIT%C3%80&per_page=100").await),
        "accents and case do not matter"
    );
    assert_eq!(
        slugs(&search(server, "q=anziano&per_page=100").await),
        slugs(&search(server, "q=anziani&per_page=100").await),
        "singular and plural meet"
    );
    let none = search(server, "q=zzzyyyxxx").await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["items"], serde_json::json!([]));

    // Relevance: a name match ranks before a mere mention.
    let meals = search(server, "q=pasti").await;
    let first = &meals["items"][0]["name"];
    assert!(
        first.as_str().unwrap().to_lowercase().contains("pasti"),
        "{meals}"
    );

    // Filters.
    let free = search(server, "price=free&per_page=100").await;
    assert!(free["total"].as_i64().unwrap() > 0);
    for item in free["items"].as_array().unwrap() {
        assert_eq!(item["pricing"], "free");
        assert_eq!(item["price_from"], Value::Null);
    }
    let edu = search(server, "category=servizi-educativi&per_page=100").await;
    assert!(
        edu["total"].as_i64().unwrap() >= 35,
        "the announced 35 educational services"
    );
    assert!(
        edu["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["category"] == "servizi-educativi")
    );
    let cheap = search(server, "max_price=20&price=paid&sort=price&per_page=100").await;
    let prices: Vec<f64> = cheap["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["price_from"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(!prices.is_empty());
    assert!(prices.iter().all(|p| *p <= 20.0), "{prices:?}");
    assert!(
        prices.windows(2).all(|w| w[0] <= w[1]),
        "sorted by price: {prices:?}"
    );
    let m3 = search(server, "municipio=3&per_page=100").await;
    assert!(
        m3["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["municipi"].as_array().unwrap().contains(&Value::from(3)))
    );
    let shared = search(server, "mode=shared&per_page=100").await;
    assert!(
        shared["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["mode"] == "shared")
    );
    let vouchers = search(server, "vouchers=true&per_page=100").await;
    assert!(
        vouchers["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["accepts_vouchers"] == true)
    );
    let unknown = search(server, "category=non-esiste").await;
    assert_eq!(unknown["total"], 0);

    // Facets: each counted with the other filters, so the category facet still lists others.
    let facets = &edu["facets"];
    let other = facets["category"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["value"] == "servizi-psicologici")
        .unwrap();
    assert!(other["count"].as_i64().unwrap() >= 28, "{other}");
    let price_total: i64 = facets["price"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_i64().unwrap())
        .sum();
    assert_eq!(price_total, edu["total"].as_i64().unwrap());

    // Paging: pages are disjoint and cover the total.
    let all = search(server, "per_page=100").await;
    let total = all["total"].as_i64().unwrap();
    assert_eq!(total, 143);
    let page2 = search(server, "per_page=100&page=2").await;
    assert_eq!(page2["page"], 2);
    assert_eq!(
        all["items"].as_array().unwrap().len() + page2["items"].as_array().unwrap().len(),
        total as usize
    );
    let beyond = search(server, "page=99").await;
    assert_eq!(beyond["items"], serde_json::json!([]));

    // Contract shape of an item.
    let item = &all["items"][0];
    for key in [
        "id",
        "slug",
        "name",
        "url",
        "category",
        "provider",
        "price_from",
        "unit",
        "mode",
        "municipi",
    ] {
        assert!(item.get(key).is_some(), "item has {key}: {item}");
    }
    assert!(item["url"].as_str().unwrap().starts_with("/servizi/"));
    assert!(item["provider"]["id"].is_i64() && item["provider"]["name"].is_string());

    // English.
    let en = server
        .client
        .get(server.url("/api/v1/services?q=home+babysitting"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(en["items"][0]["name"], "Home babysitting", "{en}");
}
both_engines!(search_forgives_and_filters, search_behaviour);

async fn bad_input(server: &TestServer) {
    let long = "x".repeat(5000);
    let cases: Vec<(String, Option<&str>)> = vec![
        (format!("q={long}"), Some("q")),
        ("municipio=10".into(), Some("municipio")),
        ("municipio=1%20OR%201=1".into(), Some("municipio")),
        ("price=gratis".into(), Some("price")),
        ("max_price=-1".into(), Some("max_price")),
        ("max_price=abc".into(), Some("max_price")),
        ("page=0".into(), Some("page")),
        ("page=99999999999999999999".into(), Some("page")),
        ("per_page=101".into(), Some("per_page")),
        ("sort=name;--".into(), Some("sort")),
        (
            "category=%27%3B+DROP+TABLE+services%3B--".into(),
            Some("category"),
        ),
        ("q=%27%20OR%201%3D1%20--".into(), None),
        ("q=%25_%25".into(), None),
        ("q=%00%01%02abc".into(), None),
        ("q=%F0%9F%A7%B8".into(), None),
        ("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(), None),
        ("q=%22%20AND%20%22".into(), None),
        ("q=NEAR(a%20b)%20OR%20*".into(), None),
        ("q=a:*%20%26%20!b".into(), None),
    ];
    for (query, field) in cases {
        let response = server.get(&format!("/api/v1/services?{query}")).await;
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap();
        match field {
            Some(f) => {
                assert_eq!(status, 400, "{query}: {body}");
                assert_eq!(body["error"]["field"], f, "{query}: {body}");
                assert!(body["error"]["message"].as_str().unwrap().len() > 10);
            }
            None => assert_eq!(status, 200, "{query}: {body}"),
        }
    }
    // Service detail: unknown or malformed ids are 404s with the error format.
    for id in ["0", "999999", "abc", "1;DROP"] {
        let (status, body) = server.get_json(&format!("/api/v1/services/{id}")).await;
        assert_eq!(status, 404, "{id}");
        assert_eq!(body["error"]["code"], "not_found");
    }
    // The database is untouched.
    let all = search(server, "").await;
    assert_eq!(all["total"], 143);
}
both_engines!(bad_input_is_refused_clearly, bad_input);

async fn service_detail(server: &TestServer) {
    let list = search(server, "q=babysitting+domicilio").await;
    let id = list["items"][0]["id"].as_i64().unwrap();
    let (status, body) = server.get_json(&format!("/api/v1/services/{id}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], id);
    assert!(!body["price_list"].as_array().unwrap().is_empty());
    let tier = &body["price_list"][0];
    assert!(tier["unit_price"].as_str().unwrap().contains('.'));
    assert!(body["provider"]["name"].is_string());
    assert!(body["provider_detail"]["vat_number"].is_string());
    assert!(!body["municipi"].as_array().unwrap().is_empty());
    assert!(!body["delivery_modes"].as_array().unwrap().is_empty());
    let sections: Vec<&str> = body["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(sections[1], "addressed");
}
both_engines!(service_detail_has_price_list_and_provider, service_detail);

/// The issue asks for the same results on both engines for the test corpus.
#[test]
fn both_engines_give_the_same_results() {
    common::runtime().block_on(async {
        let lite = TestServer::start(Engine::Sqlite).await;
        let pg = TestServer::start(Engine::Postgres).await;
        for query in CORPUS {
            let a = search(&lite, query).await;
            let b = search(&pg, query).await;
            assert_eq!(a["total"], b["total"], "{query}");
            assert_eq!(slugs(&a), slugs(&b), "{query}");
            assert_eq!(a["facets"], b["facets"], "{query}");
        }
        lite.stop().await;
        pg.stop().await;
    });
}

async fn openapi(server: &TestServer) {
    let (status, doc) = server.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    // Every route of the API router is described.
    for route in [
        "/categories",
        "/services",
        "/services/{id}",
        "/providers",
        "/providers/{id}",
        "/spaces",
        "/calculator/domestic-work",
        "/openapi.json",
        "/session",
        "/me",
        "/me/export",
        "/admin/audit-log",
    ] {
        assert!(paths.iter().any(|p| *p == route), "{route} in {paths:?}");
    }
    assert_eq!(
        paths.len(),
        12,
        "a new route must be added to the test: {paths:?}"
    );
    let services = &doc["paths"]["/services"]["get"];
    let params: Vec<&str> = services["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in [
        "q",
        "category",
        "municipio",
        "price",
        "mode",
        "max_price",
        "sort",
        "page",
        "per_page",
    ] {
        assert!(params.contains(&p), "{p}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "ServiceList",
        "ServiceItem",
        "ServiceBody",
        "ErrorBody",
        "CalculatorInput",
        "CalculatorResult",
    ] {
        assert!(schemas.contains_key(s), "{s}");
    }
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
}
both_engines!(openapi_document_covers_every_route, openapi);

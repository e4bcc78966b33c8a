//! The foundation, end to end over HTTP on both engines: health, the Italian home page with
//! the demo data, languages, the first JSON API routes, security headers, cross-site refusal,
//! the PWA files and the feedback form without JavaScript.

use crate::common;

use common::TestServer;
use serde_json::Value;

const CATEGORY_NAMES: [&str; 13] = [
    "Servizi socio-assistenziali",
    "Assistenza sanitaria",
    "Servizi educativi",
    "Servizi psicologici",
    "Accompagnamento con trasporto",
    "Servizi estetici in ambito socio-sanitario",
    "Piccole commissioni",
    "Pasti a domicilio",
    "Piccola manutenzione casa",
    "Cura degli animali domestici",
    "Disbrigo pratiche",
    "Gestione del rapporto di lavoro domestico",
    "Corsi di lingua italiana",
];

async fn health_answers(s: &TestServer) {
    let (status, body) = s.get_json("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}
both_engines!(health, health_answers);

async fn home_page_is_italian_with_demo_data(s: &TestServer) {
    let (status, html) = s.get_html("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"it\""), "Italian by default");
    for name in CATEGORY_NAMES {
        assert!(html.contains(name), "home page lists the category {name}");
    }
    assert!(
        html.contains("Dati dimostrativi"),
        "demo notice in the footer"
    );
    assert!(html.contains("Corso San Gottardo 41"), "WeMi spaces listed");
    assert!(html.contains("data-element=\"personal-area-login\""));
    assert!(html.contains("data-element=\"feedback\""));
    for element in [
        "faq",
        "report-inefficiency",
        "privacy-policy-link",
        "legal-notes",
        "accessibility-link",
    ] {
        assert!(
            html.contains(&format!("data-element=\"{element}\"")),
            "footer link {element}"
        );
    }
    assert!(html.contains("Vai ai contenuti"), "skip link");
    assert!(html.contains("rel=\"manifest\""), "manifest linked");
    assert!(
        html.contains("leptos-island"),
        "interactive islands present"
    );
    assert!(html.contains("35 servizi"), "educational services counted");
    assert!(
        !html.contains("<use_"),
        "SVG <use> elements are rendered as such"
    );
}
both_engines!(home_page, home_page_is_italian_with_demo_data);

async fn english_on_request(s: &TestServer) {
    let response = s.get("/?lang=en").await;
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        cookie.starts_with("wemi_lang=en"),
        "choice remembered: {cookie}"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Explore the categories"));
    assert!(html.contains("Demo data"));
    // The cookie keeps the choice on the next page.
    let (_, html) = s.get_html("/").await;
    assert!(html.contains("<html lang=\"en\""));
    // Accept-Language is honoured when nothing else was chosen.
    let fresh = reqwest::Client::new();
    let html = fresh
        .get(s.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\""));
}
both_engines!(english, english_on_request);

async fn categories_api_counts_published_services(s: &TestServer) {
    let (status, body) = s.get_json("/api/v1/categories").await;
    assert_eq!(status, 200);
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 13);
    let names: Vec<&str> = items.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, CATEGORY_NAMES);
    let count = |slug: &str| {
        items
            .iter()
            .find(|c| c["slug"] == slug)
            .and_then(|c| c["service_count"].as_i64())
            .unwrap_or(-1)
    };
    for (slug, at_least) in [
        ("servizi-educativi", 35),
        ("servizi-psicologici", 28),
        ("servizi-socio-assistenziali", 23),
        ("corsi-di-lingua-italiana", 8),
        ("accompagnamento-con-trasporto", 4),
        ("piccole-commissioni", 13),
        ("disbrigo-pratiche", 9),
        ("pasti-a-domicilio", 3),
    ] {
        assert!(
            count(slug) >= at_least,
            "{slug}: {} < {at_least}",
            count(slug)
        );
    }
    assert!(
        items
            .iter()
            .all(|c| c["service_count"].as_i64().unwrap() > 0)
    );
    // English names with ?lang=en or Accept-Language.
    let (_, body) = s.get_json("/api/v1/categories?lang=en").await;
    assert_eq!(body["items"][2]["name"], "Educational services");
}
both_engines!(categories_api, categories_api_counts_published_services);

async fn providers_api_pages_and_counts_legal_forms(s: &TestServer) {
    let (status, body) = s.get_json("/api/v1/providers?per_page=100").await;
    assert_eq!(status, 200);
    assert_eq!(body["total"], 50);
    assert_eq!(body["page"], 1);
    assert_eq!(body["per_page"], 100);
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 50);
    let coops = items
        .iter()
        .filter(|p| p["legal_form"] == "cooperativa_sociale")
        .count();
    let assocs = items
        .iter()
        .filter(|p| p["legal_form"] == "associazione")
        .count();
    assert_eq!((coops, assocs), (38, 12));
    let first = &items[0];
    for key in ["id", "name", "legal_form", "accredited_until"] {
        assert!(!first[key].is_null(), "provider has {key}");
    }
    // Paging.
    let (_, page2) = s.get_json("/api/v1/providers?page=2&per_page=20").await;
    assert_eq!(page2["items"].as_array().unwrap().len(), 20);
    assert_ne!(page2["items"][0]["id"], first["id"]);
    // One provider.
    let id = first["id"].as_i64().unwrap();
    let (status, one) = s.get_json(&format!("/api/v1/providers/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(one["name"], first["name"]);
    // Unknown and malformed ids are 404 in the error format, never 5xx.
    for path in [
        "/api/v1/providers/999999",
        "/api/v1/providers/abc",
        "/api/v1/providers/1%27%20OR%201=1",
    ] {
        let (status, err) = s.get_json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(err["error"]["code"], "not_found");
    }
}
both_engines!(providers_api, providers_api_pages_and_counts_legal_forms);

async fn bad_paging_is_a_clear_400(s: &TestServer) {
    for (query, field) in [
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("page=x", "page"),
    ] {
        let (status, body) = s.get_json(&format!("/api/v1/providers?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["field"], field);
        assert!(body["error"]["message"].as_str().unwrap().contains(field));
    }
    let response = s
        .client
        .get(s.url("/api/v1/providers?page=0"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The page parameter")
    );
    let (status, body) = s.get_json("/api/v1/no-such-route").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}
both_engines!(bad_paging, bad_paging_is_a_clear_400);

async fn spaces_api_lists_the_sixteen_spaces(s: &TestServer) {
    let (status, body) = s.get_json("/api/v1/spaces").await;
    assert_eq!(status, 200);
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 16);
    for address in [
        "Corso San Gottardo 41",
        "Via Capuana 3",
        "Via Trivulzio 15",
        "Piazza XXV Aprile",
        "Via Rizzoli 47",
        "Via Rimini 29",
        "Via Gabetti 15",
        "Via Rasario 8",
    ] {
        assert!(
            items
                .iter()
                .any(|s| s["address"].as_str().unwrap().contains(address)),
            "space at {address}"
        );
    }
    for space in items {
        for key in ["id", "name", "address", "municipio", "opening_hours"] {
            assert!(!space[key].is_null(), "space has {key}");
        }
        let m = space["municipio"].as_i64().unwrap();
        assert!((1..=9).contains(&m));
        assert!(!space["opening_hours"].as_array().unwrap().is_empty());
    }
}
both_engines!(spaces_api, spaces_api_lists_the_sixteen_spaces);

async fn security_headers_everywhere(s: &TestServer) {
    for path in [
        "/",
        "/healthz",
        "/api/v1/categories",
        "/manifest.webmanifest",
        "/nowhere",
    ] {
        let response = s.get(path).await;
        let h = response.headers();
        assert_eq!(
            h.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert!(h.get("referrer-policy").is_some(), "{path}");
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(h.get("x-request-id").is_some(), "{path}");
    }
    // The page's policy allows its own hydration script by nonce, and nothing else inline.
    let response = s.get("/").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let html = response.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("nonce in CSP");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")));
    assert!(!csp.contains("unsafe-inline"));
}
both_engines!(security_headers, security_headers_everywhere);

async fn not_found_page_is_404(s: &TestServer) {
    let (status, html) = s.get_html("/pagina-che-non-esiste").await;
    assert_eq!(status, 404);
    assert!(html.contains("Pagina non trovata"));
}
both_engines!(not_found, not_found_page_is_404);

async fn pwa_files_are_served(s: &TestServer) {
    let (status, manifest) = s.get_json("/manifest.webmanifest").await;
    assert_eq!(status, 200);
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["start_url"], "/?source=pwa");
    assert!(manifest["icons"].as_array().unwrap().len() >= 3);
    for icon in manifest["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        assert_eq!(s.get(src).await.status().as_u16(), 200, "{src}");
    }
    let sw = s.get("/sw.js").await;
    assert_eq!(sw.status().as_u16(), 200);
    assert!(sw.text().await.unwrap().contains("offline.html"));
    assert_eq!(s.get("/offline.html").await.status().as_u16(), 200);
    // The WASM bundle, precompressed.
    let wasm = s
        .client
        .get(s.url("/pkg/wemi.wasm"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status().as_u16(), 200);
    assert_eq!(wasm.headers()["content-encoding"], "gzip");
}
both_engines!(pwa_files, pwa_files_are_served);

async fn feedback_form_works_without_javascript(s: &TestServer) {
    let form = [
        ("page", "/"),
        ("rating", "5"),
        ("answer", "Le indicazioni erano chiare"),
        ("comment", "Ottimo"),
        ("lang", "it"),
    ];
    let response = s
        .client
        .post(s.url("/fn/page_feedback"))
        .header("accept", "text/html")
        .header("origin", &s.base)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/?feedback=ok&lang=it#feedback");
    let (_, html) = s.get_html("/?feedback=ok").await;
    assert!(html.contains("Grazie, il tuo parere"));

    // An out-of-range rating is refused and nothing is stored.
    let bad = [("page", "/"), ("rating", "9")];
    let response = s
        .client
        .post(s.url("/fn/page_feedback"))
        .header("origin", &s.base)
        .form(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Scegli un numero di stelle")
    );
}
both_engines!(feedback, feedback_form_works_without_javascript);

async fn cross_site_posts_are_refused(s: &TestServer) {
    let response = s
        .client
        .post(s.url("/fn/page_feedback"))
        .header("origin", "https://evil.example")
        .form(&[("page", "/"), ("rating", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "cross_site_request");
    let response = s
        .client
        .delete(s.url("/api/v1/categories"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
}
both_engines!(cross_site, cross_site_posts_are_refused);

async fn information_pages_render(s: &TestServer) {
    for (path, title) in [
        ("/privacy", "Informativa sul trattamento dei dati personali"),
        ("/note-legali", "Note legali"),
        ("/faq", "Domande frequenti"),
        ("/contatti", "Contatti"),
        ("/segnala-disservizio", "Segnala un disservizio"),
        ("/spazi", "Gli spazi WeMi"),
    ] {
        let (status, html) = s.get_html(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            html.contains(&format!("<h1 class=\"mt-3\">{title}</h1>")),
            "{path}"
        );
        assert!(html.contains("data-element=\"breadcrumb\""), "{path}");
    }
    let (_, legal) = s.get_html("/note-legali").await;
    assert!(legal.contains("Licenza dei contenuti"));
    assert!(legal.contains("CC BY 4.0"));
    let (_, spaces) = s.get_html("/spazi").await;
    assert_eq!(
        spaces
            .matches("class=\"col-12 col-lg-6 mb-4 space-entry\"")
            .count(),
        16
    );
    assert!(spaces.contains("Via Rasario 8"));
    let (_, english) = s.get_html("/privacy?lang=en").await;
    assert!(english.contains("Privacy notice"));
}
both_engines!(information_pages, information_pages_render);

async fn problem_reports_are_stored_and_checked(s: &TestServer) {
    let post = |form: Vec<(&'static str, &'static str)>, accept: &'static str| {
        s.client
            .post(s.url("/fn/problem_report"))
            .header("accept", accept)
            .header("origin", &s.base)
            .form(&form)
            .send()
    };
    let ok = vec![
        ("category", "portal"),
        ("description", "Il pulsante di ricerca non risponde"),
        ("email", ""),
        ("lang", "it"),
    ];
    let response = post(ok, "text/html").await.unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        response.headers()["location"],
        "/segnala-disservizio?lang=it&inviata=1"
    );
    let (_, html) = s.get_html("/segnala-disservizio?lang=it&inviata=1").await;
    assert!(html.contains("abbiamo ricevuto la tua segnalazione"));

    // Without JavaScript a refused report goes back to the form, naming the field.
    let short = vec![
        ("category", "portal"),
        ("description", "corto"),
        ("lang", "it"),
    ];
    let response = post(short.clone(), "text/html").await.unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        response.headers()["location"],
        "/segnala-disservizio?lang=it&errore=description#report-form-title"
    );
    let (_, html) = s
        .get_html("/segnala-disservizio?lang=it&errore=description")
        .await;
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("almeno 10 caratteri"));
    // A program gets a 422 with the message.
    let response = post(short, "application/json").await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let bad_email = vec![
        ("category", "service"),
        ("description", "Il servizio non è stato erogato"),
        ("email", "not-an-address"),
    ];
    let response = post(bad_email, "application/json").await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    // Exactly one report was stored.
    let count = count_reports(&s.database_url).await;
    assert_eq!(count, 1);
}
both_engines!(problem_reports, problem_reports_are_stored_and_checked);

async fn count_reports(url: &str) -> i64 {
    use sqlx::Connection;
    let sql = "SELECT COUNT(*) FROM problem_reports";
    if url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
    }
}

async fn health_is_503_when_the_database_is_gone(s: &TestServer) {
    s.db.close().await;
    let (status, body) = s.get_json("/healthz").await;
    assert_eq!(status, 503);
    assert_eq!(body["status"], "unavailable");
}
both_engines!(health_unavailable, health_is_503_when_the_database_is_gone);

/// A PostgreSQL database named in DATABASE_URL that does not exist yet is created at start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_postgres_database_is_created() {
    use sqlx::Connection;
    let admin = common::postgres_admin_url();
    let name = format!("wemi_test_new_{}", uuid::Uuid::new_v4().simple());
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap();
    let config = server::config::Config::with(
        "127.0.0.1:0".parse().unwrap(),
        format!("{base}/{name}"),
        server::config::DemoData::Off,
        common::site_root(),
    );
    let running = server::start(config, std::future::pending::<()>())
        .await
        .expect("starts on a new database");
    let body: serde_json::Value =
        reqwest::get(format!("http://{}/api/v1/categories", running.addr))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(
        body["items"].as_array().unwrap().len(),
        13,
        "reference data without demo data"
    );
    assert_eq!(body["items"][0]["service_count"], 0);
    running.task.abort();
    running.db.close().await;
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await
        .unwrap();
}

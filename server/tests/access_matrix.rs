//! The role × route matrix (issue 5): enumerates every route the server has — pages, server
//! functions, the JSON API, open data, files — and checks that each has a rule in
//! `server::auth::routes` (a route without one fails here), then asks the running server as
//! each role and checks the answer against the rule, and against a hand-written table for the
//! routes that guard personal data.

use crate::common;

use common::{Engine, TestServer};
use domain::accounts::access::{Decision, decide};
use domain::accounts::roles::Principal;
use http::Method;
use server::auth::routes::rule_for;

/// The demo account of each role (password `wemi-demo`), and the rows its roles are stored as.
const ROLES: [(&str, &str); 6] = [
    ("citizen", "cittadino@demo.wemi.example"),
    ("worker", "lavoratrice@demo.wemi.example"),
    ("provider_admin", "ente@demo.wemi.example"),
    ("provider_operator", "operatore.ente@demo.wemi.example"),
    ("space_operator", "operatore@demo.wemi.example"),
    ("city_admin", "admin@demo.wemi.example"),
];

/// Every route, as (method, path with its parameters filled in).
fn all_routes() -> Vec<(Method, String)> {
    let fill = |path: &str| -> String {
        path.split('/')
            .map(|segment| {
                if segment.starts_with('{') || segment.starts_with(':') || segment.starts_with('*')
                {
                    "x".to_string()
                } else {
                    segment.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    let mut routes = Vec::new();
    for listing in leptos_axum::generate_route_list(app::App) {
        routes.push((Method::GET, fill(listing.path())));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.push((method, path.to_string()));
    }
    let (_, api) = server::rest::openapi_router();
    for (path, item) in api.paths.paths {
        let path = format!("/api/v1{}", fill(&path));
        for (method, present) in [
            (Method::GET, item.get.is_some()),
            (Method::POST, item.post.is_some()),
            (Method::PUT, item.put.is_some()),
            (Method::PATCH, item.patch.is_some()),
            (Method::DELETE, item.delete.is_some()),
        ] {
            if present {
                routes.push((method, path.clone()));
            }
        }
    }
    // Routes of the axum router itself (http/mod.rs, http/statics.rs, hsds/).
    for path in [
        "/healthz",
        "/lavoro-domestico/calcolatore.pdf",
        "/domestic-work/calculator",
        "/accedi/identita-digitale",
        "/accedi/identita-digitale/ritorno",
        "/chiosco/ricomincia",
        "/hsds/",
        "/hsds/services",
        "/hsds/services/x",
        "/hsds/organizations",
        "/hsds/organizations/x",
        "/hsds/service_at_locations",
        "/hsds/taxonomies",
        "/hsds/taxonomy_terms",
        "/pkg/wemi.js",
        "/icons/x.svg",
        "/sw.js",
        "/manifest.webmanifest",
        "/offline.html",
        "/robots.txt",
    ] {
        routes.push((Method::GET, path.to_string()));
    }
    // Payment gateways' webhooks (http/webhooks.rs).
    routes.push((Method::POST, "/webhooks/demo".to_string()));
    routes.sort_by(|a, b| (a.1.as_str(), a.0.as_str()).cmp(&(b.1.as_str(), b.0.as_str())));
    routes.dedup();
    routes
}

#[test]
fn every_route_has_a_rule() {
    let routes = all_routes();
    assert!(
        routes.len() > 60,
        "the enumeration found {} routes",
        routes.len()
    );
    let missing: Vec<String> = routes
        .iter()
        .filter(|(m, p)| rule_for(m, p).is_none())
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a rule in server::auth::routes: {missing:#?}"
    );
}

/// Asks the server; true when it refused for want of login, false when it let the request
/// through, `Some(403)` style refusals are returned as the status.
async fn ask(
    server: &TestServer,
    method: &Method,
    path: &str,
    cookie: Option<&str>,
) -> (u16, Option<String>) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut request = client
        .request(method.clone(), server.url(path))
        .header("accept", "text/html")
        // The browser's own statement that the request is same-origin (the CSRF token is
        // tested elsewhere; here only the authorization rules are).
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if *method == Method::POST {
        request = request
            .header("content-type", "application/x-www-form-urlencoded")
            .body("");
    }
    let response = request.send().await.unwrap();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    (response.status().as_u16(), location)
}

async fn matrix(server: &TestServer) {
    let mut people: Vec<(&str, Option<String>, Principal)> =
        vec![("anonymous", None, Principal::default())];
    for (role, email) in ROLES {
        let cookie = common::login(server, email, None).await;
        let me: serde_json::Value = reqwest::Client::new()
            .get(server.url("/api/v1/me"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        // The principal as the server builds it (roles and permissions of the demo account).
        let rows: Vec<(String, i64)> = me["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r.as_str().unwrap().to_string(), 1))
            .chain(
                me["permissions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| (format!("perm:{}", p.as_str().unwrap()), 0)),
            )
            .collect();
        let principal = Principal::from_rows(
            me["id"].as_i64().unwrap(),
            rows.iter().map(|(r, s)| (r.as_str(), *s)),
        );
        people.push((role, Some(cookie), principal));
    }
    let mut failures = Vec::new();
    // Logging out ends the session the rest of the matrix uses: last.
    let mut routes = all_routes();
    routes.sort_by_key(|(m, p)| {
        p == "/fn/logout"
            || p == "/chiosco/ricomincia"
            || (p == "/api/v1/session" && *m == Method::DELETE)
    });
    for (method, path) in &routes {
        let rule = rule_for(method, path).expect("every route has a rule");
        for (who, cookie, principal) in &people {
            let expected = decide(rule, cookie.as_ref().map(|_| principal));
            let (status, location) = ask(server, method, path, cookie.as_deref()).await;
            let to_login = location
                .as_deref()
                .is_some_and(|l| l.starts_with("/accedi?next="));
            let ok = match expected {
                Decision::Allow => status != 401 && status != 403 && !to_login,
                Decision::NeedsLogin => status == 401 || to_login,
                Decision::Forbidden => status == 403,
            };
            if !ok {
                failures.push(format!(
                    "{method} {path} as {who}: expected {expected:?}, got {status} {location:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");

    // The declared matrix for routes that guard personal data: who gets in (everyone else is
    // refused with 401 for anonymous visitors, 403 for the rest).
    const ALL: [&str; 6] = [
        "citizen",
        "worker",
        "provider_admin",
        "provider_operator",
        "space_operator",
        "city_admin",
    ];
    let declared: [(&str, &[&str]); 16] = [
        ("/ente/ordini", &["provider_admin", "provider_operator"]),
        ("/ente/recensioni", &["provider_admin", "provider_operator"]),
        ("/amministrazione/recensioni", &["city_admin"]),
        ("/area-personale/ordini", &ALL),
        ("/area-personale/voucher", &ALL),
        ("/api/v1/admin/audit-log", &["city_admin"]),
        ("/amministrazione/registro-attivita", &["city_admin"]),
        ("/amministrazione/chioschi", &["city_admin"]),
        ("/operatore/assistenza", &["space_operator"]),
        ("/operatore/appuntamenti", &["space_operator"]),
        ("/appuntamenti/nuovo", &ALL),
        ("/area-personale/appuntamenti", &ALL),
        ("/api/v1/me/export", &ALL),
        ("/area-personale/privacy", &ALL),
        ("/area-personale", &ALL),
        ("/api/v1/me", &ALL),
    ];
    // Fresh sessions: the loop above logged everyone out.
    for (path, allowed) in declared {
        for (role, email) in ROLES {
            let cookie = common::login(server, email, None).await;
            let (status, _) = ask(server, &Method::GET, path, Some(&cookie)).await;
            if allowed.contains(&role) {
                assert_eq!(status, 200, "{path} as {role}");
            } else {
                assert_eq!(status, 403, "{path} as {role}");
            }
        }
        let (status, location) = ask(server, &Method::GET, path, None).await;
        assert!(
            status == 401 || location.is_some_and(|l| l.starts_with("/accedi")),
            "{path} anonymous"
        );
    }
}

#[test]
fn roles_against_routes_sqlite() {
    common::runtime().block_on(async {
        let server = TestServer::start(Engine::Sqlite).await;
        matrix(&server).await;
        server.stop().await;
    });
}

#[test]
fn roles_against_routes_postgres() {
    common::runtime().block_on(async {
        let server = TestServer::start(Engine::Postgres).await;
        matrix(&server).await;
        server.stop().await;
    });
}

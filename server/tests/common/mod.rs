//! Starts the real server on a free port against a fresh database of either engine.
//!
//! SQLite: a new file in a temporary folder. PostgreSQL: a new database on the server named by
//! `WEMI_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`), dropped
//! when the test ends.

#![allow(dead_code)]

pub mod fake_oidc;
pub mod fake_paypal;
pub mod fake_stripe;
pub mod smtp_sink;

use std::net::SocketAddr;
use std::path::PathBuf;

use server::config::{Config, DemoData};
use sqlx::Connection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct TestServer {
    pub addr: SocketAddr,
    pub base: String,
    pub client: reqwest::Client,
    pub database_url: String,
    pub db: server::store::Db,
    pub buying: std::sync::Arc<server::buying::BuyingService>,
    pub domestic: std::sync::Arc<server::domestic::DomesticService>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    PgDatabase { admin_url: String, name: String },
}

pub fn postgres_admin_url() -> String {
    std::env::var("WEMI_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// A fresh, empty database of `engine`: its URL and how to remove it.
async fn fresh_database(engine: Engine) -> (String, Cleanup) {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    match engine {
        Engine::Sqlite => {
            let dir = std::env::temp_dir().join(format!("wemi-test-{unique}"));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let url = format!("sqlite://{}", dir.join("wemi.db").display());
            (url, Cleanup::Dir(dir))
        }
        Engine::Postgres => {
            let admin_url = postgres_admin_url();
            let name = format!("wemi_test_{unique}");
            let mut conn = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("PostgreSQL must answer for the test suite (see scripts/setup.sh test)");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            (
                format!("{base}/{name}"),
                Cleanup::PgDatabase { admin_url, name },
            )
        }
    }
}

pub fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site")
}

impl TestServer {
    /// The server with the demo data set, as a new user gets it.
    pub async fn start(engine: Engine) -> TestServer {
        TestServer::start_with(engine, DemoData::Auto).await
    }

    pub async fn start_with(engine: Engine, demo_data: DemoData) -> TestServer {
        let (database_url, cleanup) = fresh_database(engine).await;
        TestServer::start_on(database_url, cleanup, demo_data, |_| {}).await
    }

    /// The server with the demo data set and settings changed by `adjust` (SMTP, identity
    /// broker…). The listening address is chosen first, so `public_url` can name it.
    pub async fn start_configured(engine: Engine, adjust: impl FnOnce(&mut Config)) -> TestServer {
        let (database_url, cleanup) = fresh_database(engine).await;
        TestServer::start_on(database_url, cleanup, DemoData::Auto, adjust).await
    }

    async fn start_on(
        database_url: String,
        cleanup: Cleanup,
        demo_data: DemoData,
        adjust: impl FnOnce(&mut Config),
    ) -> TestServer {
        // Reserve a free port so links in e-mails and the broker's return address are known.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut config = Config::with(
            format!("127.0.0.1:{port}").parse().unwrap(),
            database_url.clone(),
            demo_data,
            site_root(),
        );
        adjust(&mut config);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let running = server::start(config, async move {
            let _ = rx.await;
        })
        .await
        .expect("server starts");
        let client = reqwest::Client::builder()
            .timeout(CLIENT_TIMEOUT)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestServer {
            addr: running.addr,
            base: format!("http://{}", running.addr),
            client,
            database_url,
            db: running.db.clone(),
            buying: running.buying.clone(),
            domestic: running.domestic.clone(),
            shutdown: Some(tx),
            task: Some(running.task),
            cleanup,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        let body = response.json().await.expect("JSON body");
        (status, body)
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// Stops the server gracefully and removes its database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        match &self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase { admin_url, name } => {
                if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                }
            }
        }
    }
}

/// The runtime a test server runs on: like `wemi`'s (see `server::runtime`), so pages render
/// with the same stack size as in production.
pub fn runtime() -> tokio::runtime::Runtime {
    server::runtime(2).expect("tokio runtime")
}

/// Runs the same async test body against SQLite and PostgreSQL, as two separate tests.
#[macro_export]
macro_rules! both_engines {
    ($name:ident, $body:path) => {
        mod $name {
            use super::*;

            #[test]
            fn sqlite() {
                common::runtime().block_on(async {
                    let server = common::TestServer::start(common::Engine::Sqlite).await;
                    $body(&server).await;
                    server.stop().await;
                });
            }

            #[test]
            fn postgres() {
                common::runtime().block_on(async {
                    let server = common::TestServer::start(common::Engine::Postgres).await;
                    $body(&server).await;
                    server.stop().await;
                });
            }
        }
    };
}

/// A client that keeps no cookies and follows no redirects: each test says which cookie it
/// sends and reads each redirect.
/// A request that gets no answer fails the test after this long instead of hanging the run
/// (the server's own timeout is 30 s).
pub const CLIENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(90);

pub fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(CLIENT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `name=value` pair of a cookie the response sets.
pub fn cookie_named(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap_or_default().to_string())
}

/// Logs a demo account in (password `wemi-demo`) through the JSON API, sending `extra_cookie`
/// too if given (a kiosk device's); returns the `wemi_session=…` pair.
pub async fn login(server: &TestServer, email: &str, extra_cookie: Option<&str>) -> String {
    let mut request = plain_client()
        .post(server.url("/api/v1/session"))
        .json(&serde_json::json!({"email": email, "password": "wemi-demo"}));
    if let Some(cookie) = extra_cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200, "{email} logs in");
    cookie_named(&response, "wemi_session").expect("session cookie")
}

pub async fn get_with(server: &TestServer, path: &str, cookie: &str) -> reqwest::Response {
    plain_client()
        .get(server.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

/// Posts a form as a browser without JavaScript would; returns where the answer redirects.
pub async fn post_form(
    server: &TestServer,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> String {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .form(form)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_redirection(),
        "{path}: {}",
        response.status()
    );
    response.headers()["location"].to_str().unwrap().to_string()
}

/// An attribute of the first element matching `selector` in an HTML page.
pub fn attr(html: &str, selector: &str, name: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let parsed = scraper::Selector::parse(selector).unwrap();
    doc.select(&parsed)
        .next()
        .and_then(|e| e.value().attr(name))
        .unwrap_or_else(|| panic!("{selector} has no {name}"))
        .to_string()
}

/// One number from the database (a `COUNT(*)`, an id), on either engine.
pub async fn scalar(db: &server::store::Db, sql: &str) -> i64 {
    use server::store::Db;
    match db {
        Db::Sqlite(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
        Db::Postgres(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// One text from the database, on either engine.
pub async fn text(db: &server::store::Db, sql: &str) -> String {
    use server::store::Db;
    match db {
        Db::Sqlite(p) => sqlx::query_scalar::<_, String>(sql).fetch_one(p).await,
        Db::Postgres(p) => sqlx::query_scalar::<_, String>(sql).fetch_one(p).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A statement on either engine.
pub async fn execute(db: &server::store::Db, sql: &str) {
    use server::store::Db;
    match db {
        Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A form post from this site's page (as a browser sends it: `Sec-Fetch-Site: same-origin`),
/// without JavaScript; returns the redirect's target.
pub async fn redirect(
    server: &TestServer,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> String {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .header("sec-fetch-site", "same-origin")
        .form(form)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_redirection(),
        "{path}: {}",
        response.status()
    );
    response.headers()["location"].to_str().unwrap().to_string()
}

/// A server function's (`/fn/…`) status and JSON answer to a form post from this site's page
/// (`Sec-Fetch-Site: same-origin`); a body that is not JSON comes back as a JSON string.
pub async fn read(
    server: &TestServer,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
    )
}

/// A date `days` from today in Milan (`YYYY-MM-DD`), as the forms send it.
pub fn in_days(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    domain::date::Date::in_rome(now).add_days(days).to_string()
}

pub const MULTIPART_BOUNDARY: &str = "----wemi-test-boundary-7d1";

/// A multipart body as a browser sends a form: text fields, then one file.
pub fn multipart(
    fields: &[(&str, &str)],
    filename: &str,
    content_type: &str,
    content: &[u8],
) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{MULTIPART_BOUNDARY}--\r\n").as_bytes());
    body
}

/// Posts a multipart body from this site's page; returns the redirect's target.
pub async fn post_multipart(
    server: &TestServer,
    path: &str,
    cookie: &str,
    body: Vec<u8>,
) -> String {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .header("sec-fetch-site", "same-origin")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={MULTIPART_BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_redirection(),
        "{path}: {}",
        response.status()
    );
    response.headers()["location"].to_str().unwrap().to_string()
}

//! Buying benchmark (not a test; `scripts/bench.sh` runs it, see the README's "Benchmark").
//!
//! For each engine it starts the real server in this process on a fresh database with the demo
//! data set and the demo gateway (as the integration tests do), then:
//!
//! 1. **throughput**: `BENCH_BUYERS` people, each with one paid individual service in the cart
//!    and the checkout data saved, confirm their checkout (`place_orders`) and pay it
//!    (`pay`: the gateway checkout; the hosted page's Pay: the demo gateway posts its signed
//!    webhook over HTTP to the server's `/webhooks/demo`, which settles the order), at most
//!    `BENCH_CONCURRENCY` at a time. Prints orders per second and latency per order, and checks
//!    that every order ended paid exactly once.
//! 2. **seats**: `BENCH_SEAT_BUYERS` people want one seat each of a shared service whose
//!    capacity is set to `BENCH_SEATS`; all confirm at once, and those who got a seat press Pay
//!    twice at once (a double click) on the portal and on the gateway's page. Prints seats sold,
//!    double charges and lost payments: they must be `BENCH_SEATS`, 0, 0.
//!
//! Then the process's peak resident memory (VmHWM). Exits 1 when a check fails.
//!
//! ```sh
//! cargo run --release -p server --features bench --example bench_buying
//! BENCH_ENGINES=sqlite BENCH_BUYERS=50 BENCH_SEAT_BUYERS=200 \
//!     cargo run -p server --features bench --example bench_buying
//! ```
//!
//! Environment (defaults in brackets): BENCH_ENGINES ["sqlite postgres"], BENCH_BUYERS [200],
//! BENCH_CONCURRENCY [16], BENCH_SEAT_BUYERS [1000], BENCH_SEATS [50], BENCH_POSTGRES_URL
//! [postgres://postgres@127.0.0.1:5432/wemi_bench_buying; dropped and recreated], BENCH_KEEP
//! [0; 1 keeps the SQLite file and the PostgreSQL database], RUST_LOG [warn,server::mail=error;
//! the orders' e-mails wait in the outbox, there is no SMTP server].

use std::future::Future;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use app::i18n::Locale;
use app::model::{CheckoutDraft, SessionUser};
use app::ports::{Buying, BuyingError, CartOwner, ClientInfo, DemoOutcome, NewCartItem};
use server::buying::BuyingService;
use server::config::{Config, DemoData};
use server::store::Db;
use sqlx::Connection;
use time::OffsetDateTime;

/// A paid individual service of the demo data set (€57.50, one price tier).
const PAID_SERVICE: &str = "supporto-psicologico-per-anziani-e-nel-lutto";
/// A paid shared service of the demo data set; its capacity is set to `BENCH_SEATS`.
const SHARED_SERVICE: &str = "parent-training-per-genitori-di-bambini-con-adhd";
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/wemi_bench_buying";

fn say(message: &str) {
    println!("bench-buying: {message}");
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

struct Settings {
    engines: Vec<Engine>,
    buyers: usize,
    concurrency: usize,
    seat_buyers: usize,
    seats: i64,
    postgres_url: String,
    keep: bool,
}

fn number<T: std::str::FromStr>(var: &str, default: T) -> anyhow::Result<T> {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .map_err(|_| anyhow!("{var}={v}: not a number")),
        _ => Ok(default),
    }
}

impl Settings {
    fn from_env() -> anyhow::Result<Settings> {
        let engines = std::env::var("BENCH_ENGINES").unwrap_or_else(|_| "sqlite postgres".into());
        let engines = engines
            .split_whitespace()
            .map(|e| match e {
                "sqlite" => Ok(Engine::Sqlite),
                "postgres" => Ok(Engine::Postgres),
                other => Err(anyhow!(
                    "unknown engine '{other}' in BENCH_ENGINES (sqlite, postgres)"
                )),
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let settings = Settings {
            engines,
            buyers: number("BENCH_BUYERS", 200)?,
            concurrency: number("BENCH_CONCURRENCY", 16)?,
            seat_buyers: number("BENCH_SEAT_BUYERS", 1000)?,
            seats: number("BENCH_SEATS", 50)?,
            postgres_url: std::env::var("BENCH_POSTGRES_URL")
                .ok()
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| DEFAULT_POSTGRES_URL.into()),
            keep: std::env::var("BENCH_KEEP").is_ok_and(|v| v == "1"),
        };
        if settings.concurrency == 0 || settings.seats < 1 {
            bail!("BENCH_CONCURRENCY and BENCH_SEATS must be at least 1");
        }
        Ok(settings)
    }
}

fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,server::mail=error"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(err) => {
            eprintln!("bench-buying: {err:#}");
            return ExitCode::from(2);
        }
    };
    say(&format!(
        "{} buyers at concurrency {}; {} buyers for {} seats; {} cores; {}",
        settings.buyers,
        settings.concurrency,
        settings.seat_buyers,
        settings.seats,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        if cfg!(debug_assertions) {
            "debug build: its numbers say little about production"
        } else {
            "release build"
        },
    ));
    let mut results = Vec::new();
    for &engine in &settings.engines {
        // A runtime per engine: dropping it stops the server's background jobs too.
        let outcome = server::runtime(0)
            .context("cannot start the async runtime")
            .and_then(|rt| rt.block_on(bench_engine(engine, &settings)));
        match outcome {
            Ok(result) => results.push((engine, result)),
            Err(err) => {
                eprintln!("bench-buying: {}: {err:#}", engine.name());
                results.push((engine, None));
                summary(&settings, &results);
                return ExitCode::FAILURE;
            }
        }
        say(&format!("peak memory so far: {}", peak_memory()));
    }
    if summary(&settings, &results) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// VmHWM of /proc/self/status: the most resident memory the process had.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or_else(|| "unknown".into(), |kb| format!("{:.1} MiB", kb / 1024.0))
}

// --- Results ------------------------------------------------------------------------------

/// Requests per second and latency of one timed phase.
#[derive(Clone, Debug, Default)]
struct Rate {
    count: usize,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
}

impl Rate {
    fn of(latencies: &[Duration], wall: Duration) -> Rate {
        let mut ms: Vec<f64> = latencies.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        Rate {
            count: ms.len(),
            per_second: ms.len() as f64 / wall.as_secs_f64().max(1e-9),
            p50_ms: percentile(&ms, 0.50),
            p99_ms: percentile(&ms, 0.99),
        }
    }

    fn line(&self, what: &str) -> String {
        format!(
            "  {what:<20} {:>8.1} orders/s   p50 {:>8.2} ms   p99 {:>8.2} ms   ({} orders)",
            self.per_second, self.p50_ms, self.p99_ms, self.count
        )
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// What the database says about a group of buyers' orders after a run.
#[derive(Clone, Debug, Default)]
struct Audit {
    orders: i64,
    paid: i64,
    /// Orders with exactly one succeeded payment attempt and one paid gateway checkout.
    paid_once: i64,
    double_charges: i64,
    lost_payments: i64,
    /// Seats held by the paid orders (the seat run's service).
    seats_sold: i64,
}

struct Throughput {
    placement: Rate,
    payment: Rate,
    end_to_end: Rate,
    errors: usize,
    audit: Audit,
    webhooks: i64,
}

struct Seats {
    placed: usize,
    refused_seats: usize,
    refused_cart: usize,
    errors: usize,
    double_click_errors: usize,
    wall: Duration,
    taken: i64,
    audit: Audit,
}

struct EngineResult {
    throughput: Throughput,
    seats: Seats,
}

impl Throughput {
    fn ok(&self, buyers: usize) -> bool {
        let n = buyers as i64;
        self.errors == 0
            && self.audit.orders == n
            && self.audit.paid == n
            && self.audit.paid_once == n
            && self.audit.double_charges == 0
            && self.audit.lost_payments == 0
    }
}

impl Seats {
    fn expected(settings: &Settings) -> i64 {
        settings.seats.min(settings.seat_buyers as i64)
    }

    fn ok(&self, settings: &Settings) -> bool {
        let expected = Seats::expected(settings);
        self.errors == 0
            && self.audit.seats_sold == expected
            && self.taken == expected
            && self.audit.double_charges == 0
            && self.audit.lost_payments == 0
    }
}

/// Prints the table; true when every engine that ran passed its checks.
fn summary(settings: &Settings, results: &[(Engine, Option<EngineResult>)]) -> bool {
    println!();
    say(&format!(
        "results: {} buyers at concurrency {}, {} buyers for {} seats",
        settings.buyers, settings.concurrency, settings.seat_buyers, settings.seats
    ));
    println!(
        "{:<9} {:>9} {:>8} {:>8} {:>9} {:>8} {:>8} {:>7} | {:>6} {:>6} {:>5} {:>7} {:>6}",
        "engine",
        "place o/s",
        "p50 ms",
        "p99 ms",
        "+pay o/s",
        "p50 ms",
        "p99 ms",
        "paid 1×",
        "seats",
        "double",
        "lost",
        "refused",
        "checks"
    );
    let mut all_ok = true;
    for (engine, result) in results {
        let Some(r) = result else {
            println!("{:<9} failed or skipped", engine.name());
            continue;
        };
        let t = &r.throughput;
        let s = &r.seats;
        let ok = t.ok(settings.buyers) && s.ok(settings);
        all_ok &= ok;
        println!(
            "{:<9} {:>9.1} {:>8.2} {:>8.2} {:>9.1} {:>8.2} {:>8.2} {:>7} | {:>6} {:>6} {:>5} {:>7} {:>6}",
            engine.name(),
            t.placement.per_second,
            t.placement.p50_ms,
            t.placement.p99_ms,
            t.end_to_end.per_second,
            t.end_to_end.p50_ms,
            t.end_to_end.p99_ms,
            format!("{}/{}", t.audit.paid_once, settings.buyers),
            s.audit.seats_sold,
            s.audit.double_charges + t.audit.double_charges,
            s.audit.lost_payments + t.audit.lost_payments,
            s.refused_seats + s.refused_cart,
            if ok { "ok" } else { "FAILED" },
        );
    }
    println!(
        "place: orders confirmed per second (checkout into an order); +pay: placement and payment \
         (gateway checkout, hosted-page Pay, signed webhook over HTTP, settlement) per order; \
         paid 1×: orders paid with exactly one payment; seats: seats sold of {} \
         (must be {}); double, lost: double charges and lost payments of both runs (must be 0)",
        settings.seats,
        Seats::expected(settings)
    );
    say(&format!("peak memory (VmHWM): {}", peak_memory()));
    all_ok
}

// --- One engine -----------------------------------------------------------------------------

enum Cleanup {
    Dir(PathBuf),
    PgDatabase { admin_url: String, name: String },
}

/// `postgres://…/name?options` → (`postgres://…/postgres?options`, `name`).
fn split_postgres_url(url: &str) -> anyhow::Result<(String, String)> {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let (server, name) = base
        .rsplit_once('/')
        .filter(|(s, n)| s.contains("://") && !s.ends_with('/') && !n.is_empty())
        .ok_or_else(|| anyhow!("BENCH_POSTGRES_URL={url}: no database name"))?;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bail!("BENCH_POSTGRES_URL: database name '{name}': letters, digits and _ only");
    }
    Ok((format!("{server}/postgres{query}"), name.to_string()))
}

/// A fresh database: a SQLite file in a new temporary folder, or the PostgreSQL database of
/// `BENCH_POSTGRES_URL` dropped and created again. `None` when PostgreSQL does not answer.
async fn fresh_database(
    engine: Engine,
    settings: &Settings,
) -> anyhow::Result<Option<(String, Cleanup)>> {
    match engine {
        Engine::Sqlite => {
            let unique = uuid::Uuid::new_v4().simple().to_string();
            let dir = std::env::temp_dir().join(format!("wemi-bench-buying-{unique}"));
            std::fs::create_dir_all(&dir).context("temporary folder")?;
            let url = format!("sqlite://{}", dir.join("wemi.db").display());
            Ok(Some((url, Cleanup::Dir(dir))))
        }
        Engine::Postgres => {
            let (admin_url, name) = split_postgres_url(&settings.postgres_url)?;
            let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await else {
                return Ok(None);
            };
            sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn)
                .await
                .context("drop the bench database")?;
            sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .await
                .context("create the bench database")?;
            Ok(Some((
                settings.postgres_url.clone(),
                Cleanup::PgDatabase { admin_url, name },
            )))
        }
    }
}

async fn remove_database(cleanup: &Cleanup) {
    match cleanup {
        Cleanup::Dir(dir) => {
            let _ = std::fs::remove_dir_all(dir);
        }
        Cleanup::PgDatabase { admin_url, name } => {
            if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            }
        }
    }
}

async fn bench_engine(engine: Engine, settings: &Settings) -> anyhow::Result<Option<EngineResult>> {
    let name = engine.name();
    let Some((url, cleanup)) = fresh_database(engine, settings).await? else {
        say(&format!(
            "{name}: skipped, nothing answers at {} (scripts/setup.sh test starts a server)",
            settings.postgres_url
        ));
        return Ok(None);
    };
    say(&format!(
        "{name}: starting the server with the demo data and the demo gateway"
    ));
    // The port is chosen first so the public address (links in e-mails) names it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .context("free port")?
        .port();
    let config = Config::with(
        format!("127.0.0.1:{port}").parse()?,
        url.clone(),
        DemoData::Auto,
        PathBuf::from("target/site"),
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let started = Instant::now();
    let running = match server::start(config, async move {
        let _ = stopped.await;
    })
    .await
    {
        Ok(running) => running,
        Err(err) => {
            remove_database(&cleanup).await;
            return Err(err.context("the server did not start"));
        }
    };
    say(&format!(
        "{name}: listening on {} after {:.1} s",
        running.addr,
        started.elapsed().as_secs_f64()
    ));
    let outcome = run_both(name, &running.db, &running.buying, settings).await;

    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(10), running.task).await;
    running.db.close().await;
    if settings.keep {
        match &cleanup {
            Cleanup::Dir(dir) => say(&format!("{name}: kept {}", dir.display())),
            Cleanup::PgDatabase { name: db, .. } => say(&format!("{name}: kept database {db}")),
        }
    } else {
        remove_database(&cleanup).await;
    }
    outcome.map(Some)
}

async fn run_both(
    name: &str,
    db: &Db,
    buying: &Arc<BuyingService>,
    settings: &Settings,
) -> anyhow::Result<EngineResult> {
    let throughput = throughput(name, db, buying, settings).await?;
    let seats = seats(name, db, buying, settings).await?;
    Ok(EngineResult { throughput, seats })
}

// --- Buyers ---------------------------------------------------------------------------------

/// A person with one line in the cart and the checkout data saved: ready to confirm.
struct Buyer {
    who: SessionUser,
    checkout_key: String,
}

async fn prepare(
    db: &Db,
    buying: &BuyingService,
    email: String,
    service_id: i64,
) -> anyhow::Result<Buyer> {
    let name = format!("Famiglia {}", email.split('@').next().unwrap_or_default());
    let user_id = server::store::accounts::create_user(
        db,
        &server::store::accounts::NewUser {
            email: &email,
            name: &name,
            password_hash: None,
            fiscal_code: None,
            locale: "it",
            email_verified: true,
            privacy_version: server::auth::service::PRIVACY_VERSION,
        },
        OffsetDateTime::now_utc(),
    )
    .await
    .map_err(|e| anyhow!("create {email}: {e}"))?;
    let owner = CartOwner {
        user_id: Some(user_id),
        browser_token: None,
    };
    let item = NewCartItem {
        service_id,
        quantity: 1,
        people: 1,
        ..Default::default()
    };
    buying
        .add_to_cart(&owner, &item)
        .await
        .with_context(|| format!("{email}: add to cart"))?;
    let who = SessionUser {
        session_id: 0,
        user_id,
        name: name.clone(),
        email: email.clone(),
        roles: vec!["citizen".into()],
        permissions: Vec::new(),
        csrf_token: String::new(),
        assisted_by: None,
        kiosk: false,
    };
    let draft = CheckoutDraft {
        billing_name: name,
        billing_email: email.clone(),
        payment_method: "card".into(),
        ..Default::default()
    };
    buying
        .save_draft(&who, &draft)
        .await
        .with_context(|| format!("{email}: checkout data"))?;
    let checkout_key = buying
        .cart(&owner, Locale::It)
        .await
        .with_context(|| format!("{email}: cart"))?
        .checkout_key;
    Ok(Buyer { who, checkout_key })
}

/// Runs `job(0..n)` with at most `concurrency` running at once; the outputs in index order.
async fn run_limited<T, F, Fut>(n: usize, concurrency: usize, job: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    let job = Arc::new(job);
    let next = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..concurrency.min(n.max(1)))
        .map(|_| {
            let job = job.clone();
            let next = next.clone();
            tokio::spawn(async move {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    done.push((i, job(i).await));
                }
                done
            })
        })
        .collect();
    let mut all = Vec::with_capacity(n);
    for worker in workers {
        all.extend(worker.await.expect("bench worker panicked"));
    }
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, t)| t).collect()
}

async fn prepare_all(
    db: &Db,
    buying: &Arc<BuyingService>,
    prefix: &'static str,
    n: usize,
    concurrency: usize,
    service_id: i64,
) -> anyhow::Result<Arc<Vec<Buyer>>> {
    let (db2, buying2) = (db.clone(), buying.clone());
    let prepared = run_limited(n, concurrency, move |i| {
        let (db, buying) = (db2.clone(), buying2.clone());
        async move { prepare(&db, &buying, format!("{prefix}{i}@example.org"), service_id).await }
    })
    .await;
    Ok(Arc::new(
        prepared.into_iter().collect::<anyhow::Result<_>>()?,
    ))
}

/// `/pagamento/demo/{ref}` → `ref`.
fn gateway_ref(redirect: &str) -> anyhow::Result<String> {
    redirect
        .strip_prefix("/pagamento/demo/")
        .map(str::to_string)
        .ok_or_else(|| anyhow!("not the demo gateway's page: {redirect}"))
}

/// Payment of one order: the gateway checkout, then Pay on the hosted page (the demo gateway
/// records it and delivers the signed webhook over HTTP before answering).
async fn pay(buying: &BuyingService, who: &SessionUser, reference: &str) -> anyhow::Result<()> {
    let redirect = buying
        .pay(who, reference, &ClientInfo::default())
        .await
        .with_context(|| format!("pay {reference}"))?;
    buying
        .demo_outcome(&gateway_ref(&redirect)?, DemoOutcome::Pay)
        .await
        .with_context(|| format!("gateway Pay for {reference}"))?;
    Ok(())
}

// --- Database reads -------------------------------------------------------------------------

/// One number; `$1` is bound to `param` when given.
async fn scalar(db: &Db, sql: &str, param: Option<&str>) -> anyhow::Result<i64> {
    match db {
        Db::Sqlite(p) => {
            let q = sqlx::query_scalar::<_, i64>(sql);
            match param {
                Some(v) => q.bind(v).fetch_one(p).await,
                None => q.fetch_one(p).await,
            }
        }
        Db::Postgres(p) => {
            let q = sqlx::query_scalar::<_, i64>(sql);
            match param {
                Some(v) => q.bind(v).fetch_one(p).await,
                None => q.fetch_one(p).await,
            }
        }
    }
    .with_context(|| sql.to_string())
}

async fn execute(db: &Db, sql: &str, a: i64, b: i64) -> anyhow::Result<()> {
    match db {
        Db::Sqlite(p) => sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(p)
            .await
            .map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(p)
            .await
            .map(|_| ()),
    }
    .with_context(|| sql.to_string())
}

async fn service_id(db: &Db, slug: &str) -> anyhow::Result<i64> {
    scalar(db, "SELECT id FROM services WHERE slug = $1", Some(slug))
        .await
        .with_context(|| format!("the demo service {slug}"))
}

/// Orders, payments and the demo gateway's checkouts of the buyers whose e-mail starts with
/// `prefix`, checked against each other.
async fn audit(db: &Db, prefix: &str, seat_service: Option<i64>) -> anyhow::Result<Audit> {
    let like = format!("{prefix}%");
    let like = Some(like.as_str());
    // Their orders meeting `condition`.
    let count = |condition: String| async move {
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.user_id \
                 WHERE u.email LIKE $1 AND ({condition})"
            ),
            like,
        )
        .await
    };
    let succeeded =
        "(SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')";
    let charged = "(SELECT COUNT(*) FROM payments p JOIN demo_gateway_sessions d \
         ON p.gateway = 'demo' AND d.gateway_ref = p.gateway_ref \
         WHERE p.order_id = o.id AND d.status = 'paid')";
    let confirmed = "(SELECT COUNT(*) FROM order_events e \
         WHERE e.order_id = o.id AND e.event = 'payment_confirmed')";
    let orders = count("1 = 1".into()).await?;
    let paid = count("o.state = 'paid'".into()).await?;
    let paid_once = count(format!(
        "o.state = 'paid' AND {succeeded} = 1 AND {charged} = 1 AND {confirmed} = 1"
    ))
    .await?;
    // Charged twice: more than one succeeded attempt, more than one paid gateway checkout, or
    // the payment confirmed twice.
    let double_charges = count(format!(
        "{succeeded} > 1 OR {charged} > 1 OR {confirmed} > 1"
    ))
    .await?;
    // Money taken without a paid order (or with its attempt not marked succeeded)...
    let lost_charged = scalar(
        db,
        "SELECT COUNT(*) FROM demo_gateway_sessions d \
         JOIN payments p ON p.gateway = 'demo' AND p.gateway_ref = d.gateway_ref \
         JOIN orders o ON o.id = p.order_id JOIN users u ON u.id = o.user_id \
         WHERE u.email LIKE $1 AND d.status = 'paid' \
         AND (o.state <> 'paid' OR p.status <> 'succeeded')",
        like,
    )
    .await?;
    // ... paid orders without money taken ...
    let lost_unpaid = count(format!(
        "o.state = 'paid' AND o.gateway_cents > 0 AND ({succeeded} = 0 OR {charged} = 0)"
    ))
    .await?;
    // ... and gateway checkouts paid that no payment attempt of the portal knows (anyone's).
    let orphans = scalar(
        db,
        "SELECT COUNT(*) FROM demo_gateway_sessions d WHERE d.status = 'paid' \
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.gateway = 'demo' \
         AND p.gateway_ref = d.gateway_ref)",
        None,
    )
    .await?;
    let seats_sold = match seat_service {
        Some(service) => {
            scalar(
                db,
                &format!(
                    "SELECT CAST(COALESCE(SUM(l.seats_held), 0) AS BIGINT) FROM order_lines l \
                     JOIN orders o ON o.id = l.order_id JOIN users u ON u.id = o.user_id \
                     WHERE u.email LIKE $1 AND o.state = 'paid' AND l.service_id = {service}"
                ),
                like,
            )
            .await?
        }
        None => 0,
    };
    Ok(Audit {
        orders,
        paid,
        paid_once,
        double_charges,
        lost_payments: lost_charged + lost_unpaid + orphans,
        seats_sold,
    })
}

// --- 1. Throughput --------------------------------------------------------------------------

async fn throughput(
    name: &str,
    db: &Db,
    buying: &Arc<BuyingService>,
    settings: &Settings,
) -> anyhow::Result<Throughput> {
    let (n, c) = (settings.buyers, settings.concurrency);
    let service = service_id(db, PAID_SERVICE).await?;
    say(&format!(
        "{name}: throughput: preparing {n} buyers (account, cart, checkout data; not timed)"
    ));
    let buyers = prepare_all(db, buying, "bench-tp-", n, c, service).await?;
    let webhooks_before = scalar(db, "SELECT COUNT(*) FROM webhook_events", None).await?;

    say(&format!(
        "{name}: throughput: {n} checkouts confirmed, {c} at a time"
    ));
    let started = Instant::now();
    let placed = run_limited(n, c, {
        let (buying, buyers) = (buying.clone(), buyers.clone());
        move |i| {
            let (buying, buyers) = (buying.clone(), buyers.clone());
            async move {
                let b = &buyers[i];
                let t = Instant::now();
                let refs = buying
                    .place_orders(&b.who, &b.checkout_key, Locale::It, &ClientInfo::default())
                    .await;
                (refs, t.elapsed())
            }
        }
    })
    .await;
    let placement_wall = started.elapsed();
    let mut errors = Vec::new();
    let mut references = Vec::with_capacity(n);
    let mut place_latency = Vec::with_capacity(n);
    for (i, (refs, took)) in placed.into_iter().enumerate() {
        match refs.as_deref() {
            Ok([reference]) => {
                references.push((i, reference.to_string()));
                place_latency.push(took);
            }
            Ok(other) => errors.push(format!("buyer {i}: {} orders, not 1", other.len())),
            Err(err) => errors.push(format!("buyer {i}: placement: {err:?}")),
        }
    }

    say(&format!(
        "{name}: throughput: {} orders paid through the demo gateway, {c} at a time",
        references.len()
    ));
    let references = Arc::new(references);
    let started = Instant::now();
    let paid = run_limited(references.len(), c, {
        let (buying, buyers, references) = (buying.clone(), buyers.clone(), references.clone());
        move |k| {
            let (buying, buyers, references) = (buying.clone(), buyers.clone(), references.clone());
            async move {
                let (i, reference) = &references[k];
                let t = Instant::now();
                let outcome = pay(&buying, &buyers[*i].who, reference).await;
                (outcome, t.elapsed())
            }
        }
    })
    .await;
    let payment_wall = started.elapsed();
    let mut pay_latency = Vec::with_capacity(n);
    let mut order_latency = Vec::with_capacity(n);
    for (k, (outcome, took)) in paid.into_iter().enumerate() {
        match outcome {
            Ok(()) => {
                pay_latency.push(took);
                order_latency.push(place_latency[k] + took);
            }
            Err(err) => errors.push(format!("{err:#}")),
        }
    }
    let audit = audit(db, "bench-tp-", None).await?;
    let webhooks = scalar(db, "SELECT COUNT(*) FROM webhook_events", None).await? - webhooks_before;
    let result = Throughput {
        placement: Rate::of(&place_latency, placement_wall),
        payment: Rate::of(&pay_latency, payment_wall),
        end_to_end: Rate::of(&order_latency, placement_wall + payment_wall),
        errors: errors.len(),
        audit,
        webhooks,
    };
    for err in errors.iter().take(5) {
        say(&format!("{name}: error: {err}"));
    }
    let a = &result.audit;
    println!("{}", result.placement.line("placement"));
    println!("{}", result.payment.line("payment"));
    println!("{}", result.end_to_end.line("placement+payment"));
    println!(
        "  check: {} orders, {} paid, {} paid with exactly one payment, {} webhooks settled, \
         {} double charges, {} lost payments, {} errors: {}",
        a.orders,
        a.paid,
        a.paid_once,
        result.webhooks,
        a.double_charges,
        a.lost_payments,
        result.errors,
        if result.ok(n) { "ok" } else { "FAILED" }
    );
    Ok(result)
}

// --- 2. Seats -------------------------------------------------------------------------------

enum SeatOutcome {
    Sold { double_click_errors: usize },
    RefusedSeats,
    RefusedCart,
    Error(String),
}

async fn seats(
    name: &str,
    db: &Db,
    buying: &Arc<BuyingService>,
    settings: &Settings,
) -> anyhow::Result<Seats> {
    let (n, seats) = (settings.seat_buyers, settings.seats);
    let service = service_id(db, SHARED_SERVICE).await?;
    execute(
        db,
        "UPDATE services SET capacity = $1 WHERE id = $2",
        seats,
        service,
    )
    .await?;
    execute(
        db,
        "UPDATE shared_seats SET capacity = $1 WHERE service_id = $2",
        seats,
        service,
    )
    .await?;
    say(&format!(
        "{name}: seats: preparing {n} buyers of one seat each (not timed)"
    ));
    let buyers = prepare_all(db, buying, "bench-seat-", n, settings.concurrency, service).await?;

    say(&format!(
        "{name}: seats: {n} buyers for {seats} seats confirm at once; those with a seat pay, \
         pressing Pay twice"
    ));
    let gate = Arc::new(tokio::sync::Barrier::new(n));
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let (buying, buyers, gate) = (buying.clone(), buyers.clone(), gate.clone());
            tokio::spawn(async move {
                gate.wait().await;
                buy_seat(&buying, &buyers[i]).await
            })
        })
        .collect();
    let mut result = Seats {
        placed: 0,
        refused_seats: 0,
        refused_cart: 0,
        errors: 0,
        double_click_errors: 0,
        wall: Duration::ZERO,
        taken: 0,
        audit: Audit::default(),
    };
    let mut messages = Vec::new();
    for task in tasks {
        match task.await.expect("seat buyer panicked") {
            SeatOutcome::Sold {
                double_click_errors,
            } => {
                result.placed += 1;
                result.double_click_errors += double_click_errors;
            }
            SeatOutcome::RefusedSeats => result.refused_seats += 1,
            SeatOutcome::RefusedCart => result.refused_cart += 1,
            SeatOutcome::Error(message) => {
                result.errors += 1;
                messages.push(message);
            }
        }
    }
    result.wall = started.elapsed();
    result.taken = scalar(
        db,
        &format!(
            "SELECT COALESCE((SELECT taken FROM shared_seats WHERE service_id = {service}), 0)"
        ),
        None,
    )
    .await?;
    result.audit = audit(db, "bench-seat-", Some(service)).await?;
    for message in messages.iter().take(5) {
        say(&format!("{name}: error: {message}"));
    }
    let a = &result.audit;
    println!(
        "  {n} buyers, {seats} seats, {:.2} s: seats sold {}, double charges {}, lost payments {}",
        result.wall.as_secs_f64(),
        a.seats_sold,
        a.double_charges,
        a.lost_payments
    );
    println!(
        "  refused buyers {} ({} at placement: seats gone; {} at the cart's check: sold out), \
         orders placed {}, paid {}, seats taken {}, errors {}, double clicks answered with an \
         error {}: {}",
        result.refused_seats + result.refused_cart,
        result.refused_seats,
        result.refused_cart,
        result.placed,
        a.paid,
        result.taken,
        result.errors,
        result.double_click_errors,
        if result.ok(settings) { "ok" } else { "FAILED" }
    );
    Ok(result)
}

/// One buyer of a seat: confirms; with a seat, presses Pay twice at once on the portal, then
/// twice at once on the gateway's page.
async fn buy_seat(buying: &BuyingService, b: &Buyer) -> SeatOutcome {
    let placed = buying
        .place_orders(&b.who, &b.checkout_key, Locale::It, &ClientInfo::default())
        .await;
    let reference = match placed.as_deref() {
        Ok([reference]) => reference.to_string(),
        Ok(other) => return SeatOutcome::Error(format!("{} orders, not 1", other.len())),
        Err(BuyingError::SeatsUnavailable) => return SeatOutcome::RefusedSeats,
        Err(BuyingError::CartHasProblems) => return SeatOutcome::RefusedCart,
        Err(err) => return SeatOutcome::Error(format!("placement: {err:?}")),
    };
    let client = ClientInfo::default();
    let (first, second) = tokio::join!(
        buying.pay(&b.who, &reference, &client),
        buying.pay(&b.who, &reference, &client)
    );
    let mut double_click_errors = 0;
    let redirect = match (first, second) {
        (Ok(a), Ok(b)) if a == b => a,
        (Ok(a), Ok(b)) => {
            return SeatOutcome::Error(format!("{reference}: two gateway checkouts: {a}, {b}"));
        }
        (Ok(a), Err(_)) | (Err(_), Ok(a)) => {
            double_click_errors += 1;
            a
        }
        (Err(err), Err(_)) => return SeatOutcome::Error(format!("pay {reference}: {err:?}")),
    };
    let Ok(gateway_ref) = gateway_ref(&redirect) else {
        return SeatOutcome::Error(format!("{reference}: not the demo gateway: {redirect}"));
    };
    let (first, second) = tokio::join!(
        buying.demo_outcome(&gateway_ref, DemoOutcome::Pay),
        buying.demo_outcome(&gateway_ref, DemoOutcome::Pay)
    );
    match (first, second) {
        (Ok(_), Ok(_)) => {}
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => double_click_errors += 1,
        (Err(err), Err(_)) => {
            return SeatOutcome::Error(format!("gateway Pay {reference}: {err:?}"));
        }
    }
    SeatOutcome::Sold {
        double_click_errors,
    }
}

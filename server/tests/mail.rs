//! E-mail: the outbox on both engines, the worker sending to a real (local) SMTP server,
//! retries, two instances sharing one database, and the texts.

use crate::common::smtp_sink;

use std::collections::BTreeSet;
use std::time::Duration;

use app::i18n::Locale;
use server::mail::smtp::{Security, SmtpEndpoint};
use server::mail::{self, MailConfig, OutgoingMail, templates};
use server::store::Db;
use server::store::outbox::{self, MAX_ATTEMPTS};
use smtp_sink::SmtpSink;
use sqlx::Connection;
use time::OffsetDateTime;

#[derive(Clone, Copy, Debug)]
enum Engine {
    Sqlite,
    Postgres,
}

/// Runs the same code against whichever pool `db` holds (like the crate's `on_pool!`).
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}

/// A fresh, migrated database; removed by `drop`.
struct TestDb {
    url: String,
    db: Db,
    pg_name: Option<String>,
    dir: Option<std::path::PathBuf>,
}

fn postgres_admin_url() -> String {
    std::env::var("WEMI_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

impl TestDb {
    async fn new(engine: Engine) -> TestDb {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        let (url, pg_name, dir) = match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join(format!("wemi-mail-test-{unique}"));
                std::fs::create_dir_all(&dir).unwrap();
                let url = format!("sqlite://{}", dir.join("wemi.db").display());
                (url, None, Some(dir))
            }
            Engine::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("wemi_mail_test_{unique}");
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .expect("PostgreSQL must answer for the test suite");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create the test database");
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
                (format!("{base}/{name}"), Some(name), None)
            }
        };
        let db = server::store::connect(&url).await.expect("connect");
        TestDb {
            url,
            db,
            pg_name,
            dir,
        }
    }

    /// Another pool on the same database, as a second server instance has.
    async fn another_instance(&self) -> Db {
        server::store::connect(&self.url).await.expect("connect")
    }

    async fn drop(self) {
        self.db.close().await;
        if let Some(name) = &self.pg_name {
            let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
                .await
                .unwrap();
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await
                .unwrap();
        }
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Runs `$name(engine)` once per engine, as `$name::sqlite` and `$name::postgres`.
macro_rules! both_engines {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(super::Engine::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name(super::Engine::Postgres).await
            }
        }
    };
}

fn test_config(smtp_url: Option<String>) -> MailConfig {
    MailConfig {
        retry_base: Duration::from_millis(50),
        poll_interval: Duration::from_millis(200),
        ..MailConfig::new(smtp_url, mail::DEFAULT_FROM)
    }
}

#[derive(Debug)]
struct Row {
    sent_at: Option<OffsetDateTime>,
    attempts: i64,
    last_error: Option<String>,
    claimed_until: Option<OffsetDateTime>,
}

async fn row(db: &Db, id: i64) -> Row {
    let (sent_at, attempts, last_error, claimed_until) = on_pool!(db, pool => sqlx::query_as::<
        _,
        (Option<OffsetDateTime>, i64, Option<String>, Option<OffsetDateTime>),
    >(
        "SELECT sent_at, attempts, last_error, claimed_until FROM email_outbox WHERE id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await)
    .unwrap();
    Row {
        sent_at,
        attempts,
        last_error,
        claimed_until,
    }
}

/// Waits until message `id` is recorded as sent (the worker marks it just after the SMTP
/// server accepts it).
async fn wait_sent(db: &Db, id: i64) -> Row {
    for _ in 0..100 {
        let row = row(db, id).await;
        if row.sent_at.is_some() {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("message {id} not marked as sent: {:?}", row(db, id).await);
}

const WAIT: Duration = Duration::from_secs(20);

both_engines!(delivers_and_marks_sent);
async fn delivers_and_marks_sent(engine: Engine) {
    let test = TestDb::new(engine).await;
    let sink = SmtpSink::start().await;
    let worker = mail::spawn_worker(test.db.clone(), test_config(Some(sink.url())));
    let link = "https://wemi.example/conferma?token=abc_123-XYZ";
    let (subject, body) = templates::verify_email(Locale::It, "Maria Rossi", link);
    let mail = OutgoingMail::new("maria.rossi@example.org", (subject.clone(), body.clone()));
    let id = outbox::enqueue(&test.db, &mail).await.unwrap();
    worker.wake();

    let received = sink.wait_for("maria.rossi@example.org", WAIT).await;
    assert_eq!(received.from, "noreply@wemi.comune.milano.it");
    // The Italian text is not ASCII: lettre encodes it, and the sink decodes it back.
    assert_eq!(
        received.header("Content-Transfer-Encoding").as_deref(),
        Some("quoted-printable")
    );
    assert!(received.header("Subject").unwrap().contains("=?utf-8?"));
    assert_eq!(received.subject(), subject);
    assert_eq!(received.text().trim_end(), body.trim_end());
    assert_eq!(received.first_link().as_deref(), Some(link));
    let from_header = received.header("From").unwrap();
    assert!(
        from_header.contains("noreply@wemi.comune.milano.it"),
        "{from_header}"
    );
    let content_type = received.header("Content-Type").unwrap().to_lowercase();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    assert!(content_type.contains("charset=utf-8"), "{content_type}");
    let message_id = received.header("Message-ID").unwrap();
    assert!(
        message_id.ends_with("@wemi.comune.milano.it>"),
        "{message_id}"
    );
    assert!(received.header("Date").is_some());
    assert_eq!(
        received.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );

    let row = wait_sent(&test.db, id).await;
    assert_eq!(row.attempts, 1);
    assert_eq!(row.last_error, None);
    assert_eq!(row.claimed_until, None);
    assert_eq!(outbox::pending(&test.db).await.unwrap(), 0);
    assert_eq!(sink.messages().len(), 1);

    worker.shutdown().await;
    test.drop().await;
}

both_engines!(retries_after_temporary_failures);
async fn retries_after_temporary_failures(engine: Engine) {
    let test = TestDb::new(engine).await;
    let sink = SmtpSink::start().await;
    sink.fail_next(2);
    let worker = mail::spawn_worker(test.db.clone(), test_config(Some(sink.url())));
    let (subject, body) =
        templates::password_reset(Locale::En, "John", "https://wemi.example/r/xyz", 30);
    let id = outbox::enqueue(
        &test.db,
        &OutgoingMail::new("john@example.com", (subject, body)),
    )
    .await
    .unwrap();
    worker.wake();

    let received = sink.wait_for("john@example.com", WAIT).await;
    assert_eq!(
        received.first_link().as_deref(),
        Some("https://wemi.example/r/xyz")
    );
    let row = wait_sent(&test.db, id).await;
    assert_eq!(row.attempts, 3, "two refusals, then accepted");
    assert_eq!(sink.failed(), 2);
    // Nothing else arrives: delivered exactly once.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), 1);

    worker.shutdown().await;
    test.drop().await;
}

both_engines!(two_instances_send_each_message_once);
async fn two_instances_send_each_message_once(engine: Engine) {
    let test = TestDb::new(engine).await;
    let sink = SmtpSink::start().await;
    let mut ids = Vec::new();
    for i in 0..20 {
        let mail = OutgoingMail {
            to: format!("person{i}@example.org"),
            subject: format!("Message {i}"),
            text: format!("Body {i}\n"),
        };
        ids.push(outbox::enqueue(&test.db, &mail).await.unwrap());
    }
    let other = test.another_instance().await;
    let first = mail::spawn_worker(test.db.clone(), test_config(Some(sink.url())));
    let second = mail::spawn_worker(other.clone(), test_config(Some(sink.url())));
    first.wake();
    second.wake();

    for i in 0..20 {
        sink.wait_for(&format!("person{i}@example.org"), WAIT).await;
    }
    for id in &ids {
        wait_sent(&test.db, *id).await;
    }
    // Give a duplicate, if there were one, the time to arrive.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let messages = sink.messages();
    let recipients: BTreeSet<String> = messages.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(messages.len(), 20, "each message exactly once");
    assert_eq!(recipients.len(), 20);
    for id in &ids {
        assert_eq!(row(&test.db, *id).await.attempts, 1);
    }

    first.shutdown().await;
    second.shutdown().await;
    other.close().await;
    test.drop().await;
}

both_engines!(concurrent_claims_never_overlap);
async fn concurrent_claims_never_overlap(engine: Engine) {
    let test = TestDb::new(engine).await;
    let mut ids = BTreeSet::new();
    for i in 0..40 {
        let mail = OutgoingMail {
            to: format!("c{i}@example.org"),
            subject: "S".into(),
            text: "T".into(),
        };
        ids.insert(outbox::enqueue(&test.db, &mail).await.unwrap());
    }
    let other = test.another_instance().await;
    // Eight claimers on two pools, three messages at a time, until nothing is left.
    let mut tasks = Vec::new();
    for n in 0..8 {
        let db = if n % 2 == 0 {
            test.db.clone()
        } else {
            other.clone()
        };
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let now = OffsetDateTime::now_utc() + Duration::from_secs(1);
                let batch = outbox::claim_due(&db, now, 3, Duration::from_secs(600))
                    .await
                    .unwrap();
                if batch.is_empty() {
                    return mine;
                }
                mine.extend(batch.into_iter().map(|m| m.id));
            }
        }));
    }
    let mut claimed = Vec::new();
    for task in tasks {
        claimed.extend(task.await.unwrap());
    }
    let distinct: BTreeSet<i64> = claimed.iter().copied().collect();
    assert_eq!(claimed.len(), 40, "no message claimed twice");
    assert_eq!(distinct, ids);
    other.close().await;
    test.drop().await;
}

both_engines!(claims_leases_and_retries_in_the_store);
async fn claims_leases_and_retries_in_the_store(engine: Engine) {
    let test = TestDb::new(engine).await;
    let db = &test.db;
    let lease = Duration::from_secs(60);
    let mail = |n: i64| OutgoingMail {
        to: format!("p{n}@example.org"),
        subject: format!("S{n}"),
        text: format!("T{n}"),
    };
    let a = outbox::enqueue(db, &mail(1)).await.unwrap();
    let b = outbox::enqueue(db, &mail(2)).await.unwrap();
    let c = outbox::enqueue(db, &mail(3)).await.unwrap();
    let now = OffsetDateTime::now_utc() + Duration::from_secs(1);

    let claimed = outbox::claim_due(db, now, 2, lease).await.unwrap();
    assert_eq!(
        claimed.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![a, b],
        "oldest first, at most the limit"
    );
    assert_eq!(claimed[0].to, "p1@example.org");
    assert_eq!(claimed[0].subject, "S1");
    assert_eq!(claimed[0].text, "T1");
    assert_eq!(claimed[0].attempts, 1);
    let rest = outbox::claim_due(db, now, 10, lease).await.unwrap();
    assert_eq!(rest.iter().map(|m| m.id).collect::<Vec<_>>(), vec![c]);
    assert!(
        outbox::claim_due(db, now, 10, lease)
            .await
            .unwrap()
            .is_empty()
    );

    // A lapsed lease (the sender died) makes the message claimable again.
    let later = now + Duration::from_secs(61);
    let again = outbox::claim_due(db, later, 1, lease).await.unwrap();
    assert_eq!(again[0].id, a);
    assert_eq!(again[0].attempts, 2);

    // Sent: never again. Failed: due again at the chosen time. Given up: never again.
    outbox::mark_sent(db, a, later).await.unwrap();
    let retry_at = later + Duration::from_secs(120);
    outbox::mark_failed(db, b, "451 busy", retry_at)
        .await
        .unwrap();
    outbox::give_up(db, c, "bad address").await.unwrap();
    let much_later = later + Duration::from_secs(90);
    assert!(
        outbox::claim_due(db, much_later, 10, lease)
            .await
            .unwrap()
            .is_empty()
    );
    let due = outbox::claim_due(db, retry_at, 10, lease).await.unwrap();
    assert_eq!(due.iter().map(|m| m.id).collect::<Vec<_>>(), vec![b]);
    let failed = row(db, b).await;
    assert_eq!(failed.last_error.as_deref(), Some("451 busy"));
    let given_up = row(db, c).await;
    assert_eq!(given_up.attempts, MAX_ATTEMPTS);
    assert_eq!(given_up.sent_at, None);
    assert_eq!(outbox::pending(db).await.unwrap(), 1);

    test.drop().await;
}

both_engines!(enqueue_follows_the_transaction);
async fn enqueue_follows_the_transaction(engine: Engine) {
    let test = TestDb::new(engine).await;
    let mail = OutgoingMail {
        to: "tx@example.org".into(),
        subject: "S".into(),
        text: "T".into(),
    };
    let rolled_back: Result<(), sqlx::Error> = on_pool!(&test.db, pool => async {
        let mut tx = pool.begin().await?;
        outbox::enqueue_in(&mut *tx, &mail).await?;
        tx.rollback().await
    }
    .await);
    rolled_back.unwrap();
    assert_eq!(outbox::pending(&test.db).await.unwrap(), 0);

    let committed: Result<i64, sqlx::Error> = on_pool!(&test.db, pool => async {
        let mut tx = pool.begin().await?;
        let id = outbox::enqueue_in(&mut *tx, &mail).await?;
        tx.commit().await?;
        Ok(id)
    }
    .await);
    let id = committed.unwrap();
    assert_eq!(outbox::pending(&test.db).await.unwrap(), 1);
    assert_eq!(row(&test.db, id).await.attempts, 0);

    test.drop().await;
}

both_engines!(without_smtp_messages_wait);
async fn without_smtp_messages_wait(engine: Engine) {
    let test = TestDb::new(engine).await;
    let worker = mail::spawn_worker(test.db.clone(), test_config(None));
    let id = outbox::enqueue(
        &test.db,
        &OutgoingMail {
            to: "wait@example.org".into(),
            subject: "S".into(),
            text: "T".into(),
        },
    )
    .await
    .unwrap();
    worker.wake();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let row = row(&test.db, id).await;
    assert_eq!(row.sent_at, None);
    assert_eq!(row.attempts, 0, "not even tried");
    assert_eq!(outbox::pending(&test.db).await.unwrap(), 1);
    worker.shutdown().await;
    test.drop().await;
}

#[tokio::test]
async fn a_malformed_address_is_given_up_at_once() {
    let test = TestDb::new(Engine::Sqlite).await;
    let sink = SmtpSink::start().await;
    let worker = mail::spawn_worker(test.db.clone(), test_config(Some(sink.url())));
    let id = outbox::enqueue(
        &test.db,
        &OutgoingMail {
            to: "not an address".into(),
            subject: "S".into(),
            text: "T".into(),
        },
    )
    .await
    .unwrap();
    worker.wake();
    let mut row_now = row(&test.db, id).await;
    for _ in 0..100 {
        if row_now.last_error.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        row_now = row(&test.db, id).await;
    }
    assert_eq!(row_now.attempts, MAX_ATTEMPTS);
    assert_eq!(row_now.sent_at, None);
    assert!(row_now.last_error.unwrap().contains("recipient address"));
    assert!(sink.messages().is_empty());
    worker.shutdown().await;
    test.drop().await;
}

/// The outbox futures are `Send` where handlers need them: boxed with borrowed arguments, as
/// `#[async_trait]` methods are. Compiling is the test.
#[allow(dead_code)]
fn futures_are_send<'a>(
    db: &'a Db,
    mail: &'a OutgoingMail,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'a>> {
    Box::pin(async move {
        let _ = outbox::enqueue(db, mail).await;
        let _ = outbox::claim_due(db, OffsetDateTime::now_utc(), 1, Duration::ZERO).await;
        let _ = outbox::mark_failed(db, 1, "error", OffsetDateTime::now_utc()).await;
        let _: Result<(), sqlx::Error> = on_pool!(db, pool => async {
            let mut tx = pool.begin().await?;
            outbox::enqueue_in(&mut *tx, mail).await?;
            tx.commit().await
        }
        .await);
    })
}

#[test]
fn retry_delays_double_up_to_an_hour() {
    let base = Duration::from_secs(60);
    let minutes = |attempts| outbox::retry_delay(attempts, base).as_secs() / 60;
    assert_eq!(
        (1..=8).map(minutes).collect::<Vec<_>>(),
        vec![1, 2, 4, 8, 16, 32, 60, 60]
    );
    assert_eq!(minutes(MAX_ATTEMPTS), 60);
    assert_eq!(minutes(i64::MAX), 60);
}

#[test]
fn smtp_urls() {
    let plain = SmtpEndpoint::parse("smtp://127.0.0.1:2525").unwrap();
    assert_eq!(
        (plain.host.as_str(), plain.port, plain.security),
        ("127.0.0.1", 2525, Security::Plain)
    );
    assert_eq!(plain.credentials, None);
    assert_eq!(SmtpEndpoint::parse("smtp://relay.local").unwrap().port, 25);

    let submission = SmtpEndpoint::parse("smtp://wemi%40comune:s3cr%3At@mail.example").unwrap();
    assert_eq!(submission.security, Security::StartTls);
    assert_eq!(submission.port, 587);
    assert_eq!(
        submission.credentials,
        Some(("wemi@comune".to_string(), "s3cr:t".to_string()))
    );
    assert!(!format!("{submission:?}").contains("s3cr"));

    let forced = SmtpEndpoint::parse("smtp://relay.local:25?tls=required").unwrap();
    assert_eq!((forced.port, forced.security), (25, Security::StartTls));

    let implicit = SmtpEndpoint::parse("smtps://u:p@mail.example").unwrap();
    assert_eq!((implicit.port, implicit.security), (465, Security::Tls));
    let v6 = SmtpEndpoint::parse("smtp://[::1]:2525/portal.example").unwrap();
    assert_eq!(v6.host, "::1");
    assert_eq!(v6.hello_name.as_deref(), Some("portal.example"));

    for bad in [
        "mail.example",
        "http://mail.example",
        "smtp://user@mail.example",
        "smtp://mail.example:notaport",
        "smtp://:25",
        "smtp://mail.example?tls=maybe",
    ] {
        assert!(SmtpEndpoint::parse(bad).is_err(), "{bad} accepted");
    }

    let mut config = MailConfig::new(Some("smtp://u:secret@".to_string()), mail::DEFAULT_FROM);
    let err = config.validate().unwrap_err();
    assert!(err.starts_with("WEMI_SMTP_URL"), "{err}");
    assert!(!err.contains("secret"), "{err}");
    config.smtp_url = None;
    config.validate().unwrap();
    config.from = "nobody".to_string();
    assert!(config.validate().unwrap_err().starts_with("WEMI_MAIL_FROM"));
}

#[test]
fn recipient_domains_for_logs() {
    assert_eq!(
        mail::recipient_domain("Maria.Rossi@Example.org"),
        "Example.org"
    );
    assert_eq!(mail::recipient_domain("nobody"), "?");
}

#[test]
fn encoded_words_are_decoded() {
    assert_eq!(
        smtp_sink::decode_encoded_words("=?utf-8?b?Q2lhbyDDqA==?= =?UTF-8?Q?_e_=C3=A0?="),
        "Ciao è e à"
    );
    assert_eq!(smtp_sink::decode_encoded_words("plain =?x"), "plain =?x");
}

/// Every template in both languages: greeting, signature, the values in place, nothing left
/// unreplaced, and the two languages really different.
#[test]
fn templates_in_both_languages() {
    let link = "https://wemi.example/t/abc";
    for locale in Locale::ALL {
        let all: Vec<(&str, (String, String), Vec<&str>)> = vec![
            (
                "verify_email",
                templates::verify_email(locale, "Maria", link),
                vec![link],
            ),
            (
                "password_reset",
                templates::password_reset(locale, "Maria", link, 45),
                vec![link, "45"],
            ),
            (
                "password_changed",
                templates::password_changed(locale, "Maria", "12/03/2025 14:05"),
                vec!["12/03/2025 14:05"],
            ),
            (
                "assist_code",
                templates::assist_code(
                    locale,
                    "Maria",
                    "Luca Bianchi",
                    "Spazio WeMi Capuana",
                    "482913",
                    10,
                ),
                vec!["Luca Bianchi", "Spazio WeMi Capuana", "482913", "10"],
            ),
            (
                "assist_started",
                templates::assist_started(locale, "Maria", "Luca Bianchi", "Spazio WeMi Capuana"),
                vec!["Luca Bianchi", "Spazio WeMi Capuana"],
            ),
            (
                "deletion_scheduled",
                templates::deletion_scheduled(locale, "Maria", "12/04/2025", link),
                vec!["12/04/2025", link],
            ),
            (
                "account_deleted",
                templates::account_deleted(locale, "Maria"),
                vec![],
            ),
            (
                "new_login",
                templates::new_login(locale, "Maria", "12/03/2025 14:05", "SPID"),
                vec!["12/03/2025 14:05", "SPID"],
            ),
        ];
        let (greeting, signature) = match locale {
            Locale::It => ("Gentile Maria,", "WeMi – Comune di Milano"),
            Locale::En => ("Dear Maria,", "WeMi – City of Milan"),
        };
        for (name, (subject, body), values) in all {
            assert!(!subject.trim().is_empty(), "{name} {locale:?}: no subject");
            assert!(
                !subject.contains('\n'),
                "{name} {locale:?}: subject on two lines"
            );
            assert!(body.starts_with(greeting), "{name} {locale:?}: {body}");
            assert!(body.contains(signature), "{name} {locale:?}: {body}");
            for value in values {
                assert!(body.contains(value), "{name} {locale:?}: {value} missing");
            }
            for leftover in ["{", "}", "$", "%s", "TODO"] {
                assert!(!body.contains(leftover), "{name} {locale:?}: {leftover}");
                assert!(!subject.contains(leftover), "{name} {locale:?}: {leftover}");
            }
        }
    }
    let (it_subject, it_body) = templates::verify_email(Locale::It, "Maria", link);
    let (en_subject, en_body) = templates::verify_email(Locale::En, "Maria", link);
    assert_ne!(it_subject, en_subject);
    assert_ne!(it_body, en_body);
    // Links alone on their line, so mail clients make them clickable.
    assert!(it_body.lines().any(|l| l == link));
    // The code must not be passed on away from the desk.
    let (_, code_it) = templates::assist_code(Locale::It, "Maria", "Luca", "Spazio", "1", 10);
    assert!(code_it.contains("Non comunicarlo a nessuno"));
    let (_, code_en) = templates::assist_code(Locale::En, "Maria", "Luca", "Spazio", "1", 10);
    assert!(code_en.contains("Do not share it"));
    // No name: a polite greeting all the same.
    assert!(
        templates::account_deleted(Locale::It, " ")
            .1
            .starts_with("Gentile utente,")
    );
    assert!(
        templates::password_reset(Locale::En, "", link, 1)
            .1
            .contains("within 1 minute:")
    );
}

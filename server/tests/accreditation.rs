//! Accreditation expiry reminders on the real server, on both engines: the scheduled job
//! e-mails the provider, its admin and the city's provider managers at the nearest threshold,
//! once, and again at the next threshold.

use server::store::Db;

use crate::common::{self, TestServer};

async fn scalar(db: &Db, sql: &str) -> i64 {
    match db {
        Db::Sqlite(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
        Db::Postgres(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn execute(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn in_days(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    domain::date::Date::in_rome(now).add_days(days).to_string()
}

async fn reminders_once_per_threshold(server: &TestServer) {
    let db = &server.db;
    let provider = scalar(
        db,
        "SELECT r.scope_id FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE u.email = 'ente@demo.wemi.example' AND r.role = 'provider_admin'",
    )
    .await;
    // Everyone else far from expiry, this provider 20 days away.
    execute(
        db,
        &format!("UPDATE providers SET accredited_until = '{}'", in_days(400)),
    )
    .await;
    execute(
        db,
        &format!(
            "UPDATE providers SET accredited_until = '{}' WHERE id = {provider}",
            in_days(20)
        ),
    )
    .await;
    // Counted by subject (it names the date) and by the admin's address: the server's own job
    // may also run meanwhile, for other providers.
    let it_date = |iso: &str| domain::date::Date::parse(iso).unwrap().format_it();
    let mails_for = |iso: String| {
        format!(
            "SELECT COUNT(*) FROM email_outbox WHERE subject = 'Accreditamento in scadenza il {} – WeMi'",
            it_date(&iso)
        )
    };
    let to_admin = "SELECT COUNT(*) FROM email_outbox WHERE recipient = 'ente@demo.wemi.example' \
                    AND subject LIKE 'Accreditamento in scadenza%'";
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    let first = scalar(db, &mails_for(in_days(20))).await;
    assert!(
        first >= 3,
        "provider, its admin and the city's manager: {first}"
    );
    assert_eq!(scalar(db, to_admin).await, 1);
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT threshold FROM accreditation_reminders WHERE provider_id = {provider}"
            )
        )
        .await,
        30,
        "only the nearest threshold"
    );
    // Again: nothing new.
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(scalar(db, &mails_for(in_days(20))).await, first);
    assert_eq!(scalar(db, to_admin).await, 1);
    // A week before: the last reminder.
    execute(
        db,
        &format!(
            "UPDATE providers SET accredited_until = '{}' WHERE id = {provider}",
            in_days(5)
        ),
    )
    .await;
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(scalar(db, &mails_for(in_days(5))).await, first);
    assert_eq!(scalar(db, to_admin).await, 2);
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM accreditation_reminders WHERE provider_id = {provider}")
        )
        .await,
        2
    );
}
both_engines!(reminders_once_per_threshold_, reminders_once_per_threshold);

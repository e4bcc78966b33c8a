//! Accreditation expiry reminders on the real server, on both engines: the scheduled job
//! e-mails the provider, its admin and the city's provider managers at the nearest threshold,
//! once, and again at the next threshold.

use crate::common::{self, TestServer, execute, in_days, scalar};

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

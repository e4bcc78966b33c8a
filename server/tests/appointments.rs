//! Appointments at a WeMi space on the real server, on both engines: the free slots of a day,
//! a booking with its confirmation e-mail, a full slot / a second booking that day / a past,
//! closed or too distant slot refused with nothing stored, another person unable to cancel
//! (404), cancelling freeing the slot, the reminder job sending once, operators seeing only
//! their own space's day, anonymous visitors sent to log in, and ten people racing for a
//! one-desk slot with exactly one booking made.

use serde_json::Value;
use server::store::Db;

use crate::common::{
    self, TestServer, execute, in_days, login, plain_client, read, redirect, scalar,
};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const WORKER: &str = "lavoratrice@demo.wemi.example";
const OPERATOR: &str = "operatore@demo.wemi.example";
const SERVICE: &str = "babysitting-a-domicilio";

/// The booking form of a space and day.
async fn form(server: &TestServer, cookie: &str, space: i64, day: &str) -> Value {
    let space = space.to_string();
    let (status, body) = read(
        server,
        "/fn/appointment_form",
        cookie,
        &[("space", &space), ("day", day), ("service", SERVICE)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn slot_starts(form: &Value) -> Vec<i64> {
    form["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["starts_at"].as_i64().unwrap())
        .collect()
}

/// The space of the demo operator, and the first day from `from` days ahead with free slots.
async fn open_day(server: &TestServer, cookie: &str, from: i64) -> (i64, String, Vec<i64>) {
    let space = scalar(
        &server.db,
        &format!(
            "SELECT r.scope_id FROM user_roles r JOIN users u ON u.id = r.user_id \
             WHERE u.email = '{OPERATOR}' AND r.role = 'space_operator'"
        ),
    )
    .await;
    for days in from..from + 14 {
        let day = in_days(days);
        let f = form(server, cookie, space, &day).await;
        let slots = slot_starts(&f);
        if !slots.is_empty() {
            return (space, day, slots);
        }
    }
    panic!("the demo space has no open day in two weeks");
}

fn booking<'a>(space: &'a str, starts: &'a str, day: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("space_id", space),
        ("topic", "orientamento"),
        ("starts_at", starts),
        ("notes", "Vorrei informazioni sui servizi per mia madre."),
        ("servizio", SERVICE),
        ("giorno", day),
    ]
}

async fn book_cancel_remind(server: &TestServer) {
    let db = &server.db;
    // Anonymous visitors are sent to log in, and cannot book.
    let response = plain_client()
        .get(server.url(&format!("/appuntamenti/nuovo?servizio={SERVICE}")))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let to = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert!(
        response.status() == 401 || to.starts_with("/accedi"),
        "{} {to}",
        response.status()
    );

    let citizen = login(server, CITIZEN, None).await;
    let (space, day, slots) = open_day(server, &citizen, 3).await;
    let space_s = space.to_string();
    let first = slots[0].to_string();

    let anonymous = plain_client()
        .post(server.url("/fn/book_appointment"))
        .header("accept", "text/html")
        .header("sec-fetch-site", "same-origin")
        .form(&booking(&space_s, &first, &day))
        .send()
        .await
        .unwrap();
    assert!(!anonymous.status().is_success());
    let to = anonymous
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert!(
        anonymous.status() == 401 || to.starts_with("/accedi"),
        "{} {to}",
        anonymous.status()
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM appointments").await, 0);

    // The page renders the form, the service carried along.
    let response = common::get_with(
        server,
        &format!("/appuntamenti/nuovo?servizio={SERVICE}&spazio={space}&giorno={day}"),
        &citizen,
    )
    .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("book-appointment-form"), "no booking form");
    assert!(
        html.contains(&format!("value=\"{first}\"")),
        "no slot radio"
    );

    // A booking.
    let to = redirect(
        server,
        "/fn/book_appointment",
        &citizen,
        &booking(&space_s, &first, &day),
    )
    .await;
    assert!(
        to.starts_with("/area-personale/appuntamenti") && to.contains("fatto=1"),
        "{to}"
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM appointments WHERE state = 'booked' AND service_id IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Appuntamento prenotato%'"
        )
        .await,
        1
    );
    // The slot is no longer offered.
    assert!(!slot_starts(&form(server, &citizen, space, &day).await).contains(&slots[0]));

    // Someone else asking for the full slot is refused, nothing stored.
    let worker = login(server, WORKER, None).await;
    let to = redirect(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &first, &day),
    )
    .await;
    assert!(to.contains("errore=full"), "{to}");
    assert!(to.starts_with("/appuntamenti/nuovo"), "{to}");
    let (status, body) = read(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &first, &day),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.to_string().contains("appena stato prenotato"),
        "{body}"
    );
    // A second booking of the citizen that day.
    let second = slots[1].to_string();
    let to = redirect(
        server,
        "/fn/book_appointment",
        &citizen,
        &booking(&space_s, &second, &day),
    )
    .await;
    assert!(to.contains("errore=one-per-day"), "{to}");
    // A past slot, one beyond 60 days, one on a closure day.
    let past = (slots[0] - 20 * 86_400).to_string();
    let to = redirect(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &past, &day),
    )
    .await;
    assert!(to.contains("errore=past"), "{to}");
    let far = (slots[0] + 63 * 86_400).to_string();
    let to = redirect(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &far, &day),
    )
    .await;
    assert!(to.contains("errore=too-far"), "{to}");
    let week_later = domain::date::Date::parse(&day)
        .unwrap()
        .add_days(7)
        .to_string();
    execute(
        db,
        &format!("INSERT INTO space_closures (space_id, day, reason) VALUES ({space}, '{week_later}', 'Festa')"),
    )
    .await;
    let closed = form(server, &worker, space, &week_later).await;
    assert_eq!(closed["closed"], true, "{closed}");
    assert!(slot_starts(&closed).is_empty());
    let next_week = (slots[0] + 7 * 86_400).to_string();
    let to = redirect(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &next_week, &week_later),
    )
    .await;
    assert!(to.contains("errore=closed"), "{to}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM appointments").await, 1);

    // The citizen's list.
    let (status, mine) = read(server, "/fn/my_appointments", &citizen, &[]).await;
    assert_eq!(status, 200, "{mine}");
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["state"], "booked");
    assert_eq!(mine[0]["cancellable"], true);
    let id = mine[0]["id"].as_i64().unwrap().to_string();
    let response = common::get_with(server, "/area-personale/appuntamenti", &citizen).await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("appointment-row"));

    // The space's operator sees it; an operator of another space does not.
    let operator = login(server, OPERATOR, None).await;
    let (status, today) = read(
        server,
        "/fn/space_appointments",
        &operator,
        &[("day", &day)],
    )
    .await;
    assert_eq!(status, 200, "{today}");
    assert_eq!(today["items"].as_array().unwrap().len(), 1, "{today}");
    let response = common::get_with(
        server,
        &format!("/operatore/appuntamenti?giorno={day}"),
        &operator,
    )
    .await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("appointment-row"));
    let (status, _) = read(server, "/fn/space_appointments", &citizen, &[("day", &day)]).await;
    assert_eq!(status, 403);
    execute(
        db,
        &format!(
            "UPDATE user_roles SET scope_id = (SELECT MAX(id) FROM spaces WHERE id <> {space}) \
             WHERE role = 'space_operator'"
        ),
    )
    .await;
    let (status, other) = read(
        server,
        "/fn/space_appointments",
        &operator,
        &[("day", &day)],
    )
    .await;
    assert_eq!(status, 200, "{other}");
    assert!(other["items"].as_array().unwrap().is_empty(), "{other}");

    // Nobody else can cancel it.
    let (status, _) = read(server, "/fn/cancel_appointment", &worker, &[("id", &id)]).await;
    assert_eq!(status, 404);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM appointments WHERE state = 'booked'"
        )
        .await,
        1
    );

    // Its person cancels it: the slot is free again.
    let to = redirect(server, "/fn/cancel_appointment", &citizen, &[("id", &id)]).await;
    assert!(to.contains("annullato=1"), "{to}");
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM appointments WHERE state = 'cancelled'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Appuntamento annullato%'"
        )
        .await,
        1
    );
    assert!(slot_starts(&form(server, &citizen, space, &day).await).contains(&slots[0]));
    let to = redirect(server, "/fn/cancel_appointment", &citizen, &[("id", &id)]).await;
    assert!(to.contains("errore=not-booked"), "{to}");
    let to = redirect(
        server,
        "/fn/book_appointment",
        &worker,
        &booking(&space_s, &first, &day),
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");

    // The reminder goes out the day before, once.
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    let reminders =
        "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Promemoria appuntamento%'";
    assert_eq!(scalar(db, reminders).await, 0);
    let soon = time::OffsetDateTime::now_utc() + time::Duration::hours(5);
    match db {
        Db::Sqlite(p) => {
            sqlx::query("UPDATE appointments SET starts_at = $1 WHERE state = 'booked'")
                .bind(soon)
                .execute(p)
                .await
                .map(|_| ())
        }
        Db::Postgres(p) => {
            sqlx::query("UPDATE appointments SET starts_at = $1 WHERE state = 'booked'")
                .bind(soon)
                .execute(p)
                .await
                .map(|_| ())
        }
    }
    .unwrap();
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(scalar(db, reminders).await, 1);
    server::buying::jobs::run_once(&server.buying)
        .await
        .unwrap();
    assert_eq!(scalar(db, reminders).await, 1);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM appointments WHERE reminder_sent_at IS NOT NULL"
        )
        .await,
        1
    );
}
both_engines!(book_cancel_remind_, book_cancel_remind);

async fn racing_for_one_desk(server: &TestServer) {
    let db = &server.db;
    for i in 0..10 {
        execute(
            db,
            &format!(
                "INSERT INTO users (email, name, password_hash, created_at, email_verified_at, \
                 password_changed_at) SELECT 'gara{i}@demo.wemi.example', 'Persona {i}', \
                 password_hash, created_at, email_verified_at, password_changed_at FROM users \
                 WHERE email = '{CITIZEN}'"
            ),
        )
        .await;
        execute(
            db,
            &format!(
                "INSERT INTO user_roles (user_id, role, scope_id) SELECT id, 'citizen', 0 \
                 FROM users WHERE email = 'gara{i}@demo.wemi.example'"
            ),
        )
        .await;
    }
    let mut cookies = Vec::new();
    for i in 0..10 {
        cookies.push(login(server, &format!("gara{i}@demo.wemi.example"), None).await);
    }
    let (space, day, slots) = open_day(server, &cookies[0], 3).await;
    let space = space.to_string();
    let first = slots[0].to_string();
    let url = server.url("/fn/book_appointment");
    let mut attempts = tokio::task::JoinSet::new();
    for cookie in cookies {
        let form: Vec<(String, String)> = booking(&space, &first, &day)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let url = url.clone();
        attempts.spawn(async move {
            let response = plain_client()
                .post(url)
                .header("cookie", cookie)
                .header("accept", "text/html")
                .header("sec-fetch-site", "same-origin")
                .form(&form)
                .send()
                .await
                .unwrap();
            response.headers()["location"].to_str().unwrap().to_string()
        });
    }
    let outcomes: Vec<String> = attempts.join_all().await;
    let booked = outcomes.iter().filter(|l| l.contains("fatto=1")).count();
    assert_eq!(booked, 1, "{outcomes:#?}");
    assert!(
        outcomes
            .iter()
            .filter(|l| !l.contains("fatto=1"))
            .all(|l| l.contains("errore=full")),
        "{outcomes:#?}"
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM appointments").await, 1);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Appuntamento prenotato%'"
        )
        .await,
        1
    );
    // The database itself refuses a second booking of the desk, whatever the code does.
    let duplicate = format!(
        "INSERT INTO appointments (space_id, topic, starts_at, day, desk, user_id, notes, state, \
         locale, created_at) SELECT space_id, topic, starts_at, day, desk, \
         (SELECT id FROM users WHERE email = '{WORKER}'), '', 'booked', 'it', created_at \
         FROM appointments"
    );
    let refused = match db {
        Db::Sqlite(p) => sqlx::query(&duplicate).execute(p).await.is_err(),
        Db::Postgres(p) => sqlx::query(&duplicate).execute(p).await.is_err(),
    };
    assert!(refused, "a second booking of a full desk was stored");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM appointments").await, 1);
}
both_engines!(racing_for_one_desk_, racing_for_one_desk);

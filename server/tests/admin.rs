//! City administration (issue 8) on the real server, on both engines. Users and permissions:
//! the account search (name or e-mail, `%`/`_` taken literally, pages of 25), one account's
//! page, a permission granted to a citizen taking effect on their next request and revoked
//! again, a space operator and a provider staff role granted and revoked, refusals (one's own
//! roles, the last `users` holder, unknown permission or scope, no CSRF token, a citizen
//! without the permission), every change in the audit log. WeMi spaces: hours with a bad range
//! refused and nothing changed, good hours saved, desks, a closure making the booking page
//! say "closed", removed again.

use server::store::Db;

use crate::common::{
    self, TestServer, attr, execute, get_with, login, post_form, redirect, scalar, text,
};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const CITY_ADMIN: &str = "admin@demo.wemi.example";
const OPERATOR: &str = "operatore@demo.wemi.example";

async fn html(server: &TestServer, path: &str, cookie: &str) -> String {
    let response = get_with(server, path, cookie).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

async fn user_id(db: &Db, email: &str) -> i64 {
    scalar(db, &format!("SELECT id FROM users WHERE email = '{email}'")).await
}

async fn roles_of(db: &Db, id: i64) -> i64 {
    scalar(
        db,
        &format!("SELECT COUNT(*) FROM user_roles WHERE user_id = {id}"),
    )
    .await
}

async fn audit_rows(db: &Db, action: &str, subject: i64) -> i64 {
    scalar(
        db,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject_user_id = {subject}"
        ),
    )
    .await
}

async fn users_and_permissions(server: &TestServer) {
    let db = &server.db;
    let admin = login(server, CITY_ADMIN, None).await;
    let citizen = login(server, CITIZEN, None).await;
    let admin_id = user_id(db, CITY_ADMIN).await;
    let citizen_id = user_id(db, CITIZEN).await;

    // The citizen has no access, the admin sees the card and the search.
    for path in ["/amministrazione/utenti", "/amministrazione/spazi"] {
        let status = get_with(server, path, &citizen).await.status();
        assert_eq!(status, 403, "{path}");
    }
    assert!(
        html(server, "/area-personale", &admin)
            .await
            .contains("/amministrazione/utenti?lang=")
    );
    let page = html(server, "/amministrazione/utenti?q=cittadino", &admin).await;
    assert!(page.contains(CITIZEN), "search by e-mail");
    assert!(!page.contains(CITY_ADMIN), "only matches");
    let name = text(
        db,
        &format!("SELECT name FROM users WHERE id = {citizen_id}"),
    )
    .await;
    let first = name.split_whitespace().next().unwrap().to_lowercase();
    let page = html(
        server,
        &format!("/amministrazione/utenti?q={first}"),
        &admin,
    )
    .await;
    assert!(page.contains(CITIZEN), "search by name ({first})");
    // `%` and `_` are literal: nobody's name or e-mail holds them.
    for wildcard in ["%25", "_"] {
        let page = html(
            server,
            &format!("/amministrazione/utenti?q={wildcard}"),
            &admin,
        )
        .await;
        assert!(page.contains("users-empty"), "{wildcard} is literal");
    }
    // Pages of 25.
    for n in 0..30 {
        execute(
            db,
            &format!(
                "INSERT INTO users (email, name, created_at) VALUES ('paginato{n:02}@example.org', 'Paginato {n:02}', '2026-01-01T00:00:00Z')"
            ),
        )
        .await;
    }
    let page = html(server, "/amministrazione/utenti?q=paginato", &admin).await;
    assert_eq!(page.matches("class=\"user-row\"").count(), 25);
    assert!(page.contains("pagina=2"));
    let page = html(
        server,
        "/amministrazione/utenti?q=paginato&pagina=2",
        &admin,
    )
    .await;
    assert_eq!(page.matches("class=\"user-row\"").count(), 5);

    // One account's page.
    let page = html(
        server,
        &format!("/amministrazione/utenti/{citizen_id}"),
        &admin,
    )
    .await;
    assert!(page.contains("id=\"grant-permission\""));
    assert!(page.contains("name=\"csrf_token\""));
    let own = html(
        server,
        &format!("/amministrazione/utenti/{admin_id}"),
        &admin,
    )
    .await;
    assert!(own.contains("id=\"admin-self\"") && !own.contains("id=\"grant-permission\""));

    // Before: the citizen cannot moderate reviews.
    assert_eq!(
        get_with(server, "/amministrazione/recensioni", &citizen)
            .await
            .status(),
        403
    );
    // Grant, with the form's CSRF token (a browser without fetch metadata).
    let url = format!("/amministrazione/utenti/{citizen_id}/ruoli");
    let token = attr(&page, "#grant-permission input[name=csrf_token]", "value");
    let to = post_form(
        server,
        &url,
        &admin,
        &[
            ("csrf_token", &token),
            ("azione", "grant"),
            ("tipo", "perm"),
            ("codice", "reviews_moderation"),
            ("motivo", "Turno di moderazione"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    // Without the token (and without fetch metadata) the post is refused.
    let response = common::plain_client()
        .post(server.url(&url))
        .header("cookie", &admin)
        .form(&[("azione", "grant"), ("tipo", "perm"), ("codice", "audit")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    // Effective on the citizen's next request; the citizen stays a citizen.
    assert_eq!(
        get_with(server, "/amministrazione/recensioni", &citizen)
            .await
            .status(),
        200
    );
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM user_roles WHERE user_id = {citizen_id} AND role IN ('citizen', 'city_admin', 'perm:reviews_moderation')")).await,
        3
    );
    assert_eq!(audit_rows(db, "role_granted", citizen_id).await, 1);
    assert_eq!(
        text(db, &format!("SELECT target FROM audit_log WHERE action = 'role_granted' AND subject_user_id = {citizen_id}")).await,
        "perm:reviews_moderation"
    );
    assert_eq!(
        scalar(db, &format!("SELECT actor_user_id FROM audit_log WHERE action = 'role_granted' AND subject_user_id = {citizen_id}")).await,
        admin_id
    );
    // Granted twice: refused.
    let grant_again = [
        ("azione", "grant"),
        ("tipo", "perm"),
        ("codice", "reviews_moderation"),
    ];
    let to = redirect(server, &url, &admin, &grant_again).await;
    assert!(to.contains("errore=held"), "{to}");

    // Revoke: the citizen is back to a citizen only.
    let to = redirect(
        server,
        &url,
        &admin,
        &[
            ("azione", "revoke"),
            ("tipo", "perm"),
            ("codice", "reviews_moderation"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        get_with(server, "/amministrazione/recensioni", &citizen)
            .await
            .status(),
        403
    );
    assert_eq!(roles_of(db, citizen_id).await, 1);
    assert_eq!(audit_rows(db, "role_revoked", citizen_id).await, 1);

    // Refusals, with nothing changed.
    let before = scalar(db, "SELECT COUNT(*) FROM user_roles").await;
    let audit_before = scalar(
        db,
        "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'role_%'",
    )
    .await;
    let own_url = format!("/amministrazione/utenti/{admin_id}/ruoli");
    let to = redirect(
        server,
        &own_url,
        &admin,
        &[("azione", "revoke"), ("tipo", "perm"), ("codice", "audit")],
    )
    .await;
    assert!(to.contains("errore=self"), "{to}");
    let to = redirect(
        server,
        &url,
        &admin,
        &[("azione", "grant"), ("tipo", "perm"), ("codice", "root")],
    )
    .await;
    assert!(to.contains("errore=unknown"), "{to}");
    let to = redirect(
        server,
        &url,
        &admin,
        &[("azione", "grant"), ("tipo", "city_admin")],
    )
    .await;
    assert!(to.contains("errore=unknown"), "{to}");
    let to = redirect(
        server,
        &url,
        &admin,
        &[("azione", "revoke"), ("tipo", "citizen")],
    )
    .await;
    assert!(
        to.contains("errore=unknown"),
        "citizens stay citizens: {to}"
    );
    let to = redirect(
        server,
        &url,
        &admin,
        &[
            ("azione", "grant"),
            ("tipo", "space_operator"),
            ("ambito", "999999"),
        ],
    )
    .await;
    assert!(to.contains("errore=scope"), "{to}");
    let response = common::plain_client()
        .post(server.url(&url))
        .header("cookie", &citizen)
        .header("sec-fetch-site", "same-origin")
        .form(&[("azione", "grant"), ("tipo", "perm"), ("codice", "users")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403, "a citizen cannot grant");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM user_roles").await, before);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'role_%'"
        )
        .await,
        audit_before
    );

    // The last holder of the `users` permission keeps it. Only the admin holds it; they grant
    // it to the citizen, who takes the admin's away (two holders: allowed) and cannot give up
    // their own (the last holder); then it goes back the other way.
    execute(
        db,
        &format!("DELETE FROM user_roles WHERE role = 'perm:users' AND user_id <> {admin_id}"),
    )
    .await;
    let users = |action: &'static str| [("azione", action), ("tipo", "perm"), ("codice", "users")];
    let to = redirect(server, &url, &admin, &users("grant")).await;
    assert!(to.contains("fatto=1"), "{to}");
    let page = html(server, "/amministrazione/utenti?q=admin", &citizen).await;
    assert!(page.contains(CITY_ADMIN), "the new holder searches");
    let to = redirect(server, &own_url, &citizen, &users("revoke")).await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        get_with(server, "/amministrazione/utenti", &admin)
            .await
            .status(),
        403
    );
    let to = redirect(server, &url, &citizen, &users("revoke")).await;
    assert!(to.contains("errore=self"), "{to}");
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM user_roles WHERE role = 'perm:users'"
        )
        .await,
        1
    );
    let to = redirect(server, &own_url, &citizen, &users("grant")).await;
    assert!(to.contains("fatto=1"), "{to}");
    let to = redirect(server, &url, &admin, &users("revoke")).await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        roles_of(db, citizen_id).await,
        1,
        "a citizen again, without the admin role"
    );
    assert_eq!(
        get_with(server, "/amministrazione/utenti", &citizen)
            .await
            .status(),
        403
    );
    // A stale `perm:users` row without the admin role is not a holder: removing it is allowed.
    let operator_id = user_id(db, OPERATOR).await;
    execute(db, &format!("INSERT INTO user_roles (user_id, role, scope_id) VALUES ({operator_id}, 'perm:users', 0)")).await;
    let op_url = format!("/amministrazione/utenti/{operator_id}/ruoli");
    let to = redirect(server, &op_url, &admin, &users("revoke")).await;
    assert!(to.contains("fatto=1"), "{to}");

    // Scoped roles: space operator and provider staff, granted and revoked.
    let space = scalar(db, "SELECT MIN(id) FROM spaces").await.to_string();
    let provider = scalar(db, "SELECT MIN(id) FROM providers")
        .await
        .to_string();
    for (kind, scope) in [
        ("space_operator", &space),
        ("provider_operator", &provider),
        ("provider_admin", &provider),
    ] {
        let to = redirect(
            server,
            &url,
            &admin,
            &[("azione", "grant"), ("tipo", kind), ("ambito", scope)],
        )
        .await;
        assert!(to.contains("fatto=1"), "{kind}: {to}");
    }
    let page = html(
        server,
        &format!("/amministrazione/utenti/{citizen_id}"),
        &admin,
    )
    .await;
    assert!(page.contains("data-role=\"space_operator\""));
    assert_eq!(
        get_with(server, "/operatore/appuntamenti", &citizen)
            .await
            .status(),
        200
    );
    assert_eq!(
        get_with(server, "/ente/ordini", &citizen).await.status(),
        200
    );
    for (kind, scope) in [
        ("space_operator", &space),
        ("provider_operator", &provider),
        ("provider_admin", &provider),
    ] {
        let to = redirect(
            server,
            &url,
            &admin,
            &[("azione", "revoke"), ("tipo", kind), ("ambito", scope)],
        )
        .await;
        assert!(to.contains("fatto=1"), "{kind}: {to}");
    }
    assert_eq!(
        get_with(server, "/operatore/appuntamenti", &citizen)
            .await
            .status(),
        403
    );
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM audit_log WHERE subject_user_id = {citizen_id} AND target = 'space_operator:{space}'")).await,
        2
    );
}

both_engines!(users_and_permissions_, users_and_permissions);

async fn spaces_schedule(server: &TestServer) {
    let db = &server.db;
    let admin = login(server, CITY_ADMIN, None).await;
    let citizen = login(server, CITIZEN, None).await;
    let space = scalar(db, "SELECT MIN(id) FROM spaces").await;
    let base = format!("/amministrazione/spazi/{space}");
    assert!(
        html(server, "/amministrazione/spazi", &admin)
            .await
            .contains(&format!("{base}?lang="))
    );
    let page = html(server, &base, &admin).await;
    assert!(page.contains("id=\"hours-form\""));
    assert_eq!(get_with(server, &base, &citizen).await.status(), 403);

    // A bad range is refused and nothing changes.
    let hours = "SELECT COUNT(*) FROM space_hours WHERE space_id = ";
    let before = scalar(db, &format!("{hours}{space}")).await;
    let before_text = text(
        db,
        &format!("SELECT COALESCE(MIN(opens), '') FROM space_hours WHERE space_id = {space}"),
    )
    .await;
    for (bad, code) in [
        ("13:00-09:00", "order"),
        ("09:00-13:00, 12:00-15:00", "overlap"),
        ("nove-tredici", "time"),
    ] {
        let to = redirect(
            server,
            &format!("{base}/orari"),
            &admin,
            &[("giorno1", bad), ("giorno2", "09:00-12:00")],
        )
        .await;
        assert!(to.contains(&format!("errore={code}")), "{bad}: {to}");
    }
    assert_eq!(scalar(db, &format!("{hours}{space}")).await, before);
    assert_eq!(
        text(
            db,
            &format!("SELECT COALESCE(MIN(opens), '') FROM space_hours WHERE space_id = {space}")
        )
        .await,
        before_text
    );
    // Good hours: Monday to Friday, two ranges on Monday.
    let week = [
        ("giorno1", "09:00-13:00, 14:00-17:00"),
        ("giorno2", "09:00-13:00"),
        ("giorno3", "09:00-13:00"),
        ("giorno4", "09:00-13:00"),
        ("giorno5", "09:00-13:00"),
        ("giorno6", ""),
        ("giorno7", ""),
    ];
    let to = redirect(server, &format!("{base}/orari"), &admin, &week).await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(scalar(db, &format!("{hours}{space}")).await, 6);
    assert_eq!(
        scalar(db, &format!("{hours}{space} AND weekday = 1")).await,
        2
    );
    assert!(
        html(server, &base, &admin)
            .await
            .contains("09:00-13:00, 14:00-17:00")
    );

    // Desks.
    let to = redirect(
        server,
        &format!("{base}/sportelli"),
        &admin,
        &[("sportelli", "21")],
    )
    .await;
    assert!(to.contains("errore=desks"), "{to}");
    let to = redirect(
        server,
        &format!("{base}/sportelli"),
        &admin,
        &[("sportelli", "3")],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        scalar(
            db,
            &format!("SELECT appointment_desks FROM spaces WHERE id = {space}")
        )
        .await,
        3
    );

    // A closure on the next open weekday (Monday to Friday) makes the booking page say closed.
    let mut ahead = 1;
    let day = loop {
        let d = common::in_days(ahead);
        let weekday = domain::appointments::weekday(domain::date::Date::parse(&d).unwrap());
        if weekday <= 5 {
            break d;
        }
        ahead += 1;
    };
    let booking = format!("/appuntamenti/nuovo?spazio={space}&giorno={day}");
    assert!(
        !html(server, &booking, &citizen)
            .await
            .contains("appointment-closed")
    );
    let to = redirect(
        server,
        &format!("{base}/chiusure"),
        &admin,
        &[("giorno", &common::in_days(-1)), ("motivo", "")],
    )
    .await;
    assert!(to.contains("errore=past"), "{to}");
    let to = redirect(
        server,
        &format!("{base}/chiusure"),
        &admin,
        &[("giorno", &day), ("motivo", "Sciopero")],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert!(
        html(server, &booking, &citizen)
            .await
            .contains("id=\"appointment-closed\"")
    );
    assert!(
        html(server, &base, &admin)
            .await
            .contains(&format!("data-day=\"{day}\""))
    );
    // Removed: open again.
    let to = redirect(
        server,
        &format!("{base}/chiusure/elimina"),
        &admin,
        &[("giorno", &day)],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert!(
        !html(server, &booking, &citizen)
            .await
            .contains("appointment-closed")
    );
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM space_closures WHERE space_id = {space}")
        )
        .await,
        0
    );

    // Every change audited.
    for action in [
        "space_hours_changed",
        "space_desks_changed",
        "space_closure_added",
        "space_closure_removed",
    ] {
        assert_eq!(
            scalar(
                db,
                &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'")
            )
            .await,
            1,
            "{action}"
        );
    }
}

both_engines!(spaces_schedule_, spaces_schedule);

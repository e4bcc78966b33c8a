//! Kiosk mode (issue 5): a city administrator switches a tablet to kiosk mode; there the pages
//! carry the kiosk bar with "start over", login forms do not autofill, sessions end after three
//! idle minutes, starting over ends the session and clears the browser's storage; revoking the
//! device ends it all. Both engines.

use crate::common;

use common::{TestServer, attr, cookie_named, login, plain_client};

async fn html(server: &TestServer, path: &str, cookie: &str) -> String {
    plain_client()
        .get(server.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn status_of_me(server: &TestServer, cookie: &str) -> u16 {
    plain_client()
        .get(server.url("/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn kiosk(server: &TestServer) {
    let admin = login(server, "admin@demo.wemi.example", None).await;
    let page = html(server, "/amministrazione/chioschi", &admin).await;
    let token = attr(&page, "#kiosk-form input[name=csrf_token]", "value");
    let space = attr(&page, "#kiosk-space option", "value");
    // A citizen may not do this.
    let citizen = login(server, "cittadino@demo.wemi.example", None).await;
    assert_eq!(
        plain_client()
            .get(server.url("/amministrazione/chioschi"))
            .header("cookie", &citizen)
            .header("accept", "text/html")
            .send()
            .await
            .unwrap()
            .status(),
        403
    );

    let enabled = plain_client()
        .post(server.url("/fn/enable_kiosk"))
        .header("cookie", &admin)
        .header("accept", "text/html")
        .form(&[
            ("name", "Ingresso, tablet 1"),
            ("space", space.as_str()),
            ("csrf_token", token.as_str()),
            ("lang", "it"),
        ])
        .send()
        .await
        .unwrap();
    assert!(enabled.status().is_redirection());
    let device = cookie_named(&enabled, "wemi_kiosk").expect("kiosk cookie");
    assert_eq!(
        status_of_me(server, &admin).await,
        401,
        "the administrator is logged out"
    );

    // Every page on the device carries the kiosk bar; the login form does not autofill.
    let home = html(server, "/", &device).await;
    assert!(home.contains("id=\"kiosk-bar\""), "kiosk bar");
    assert!(home.contains("/chiosco/ricomincia"));
    let login_page = html(server, "/accedi", &device).await;
    assert_eq!(attr(&login_page, "#login-password", "autocomplete"), "off");

    // A session on the kiosk shows the countdown, with a fallback without JavaScript.
    let session = login(server, "cittadino@demo.wemi.example", Some(&device)).await;
    let both = format!("{device}; {session}");
    let area = html(server, "/area-personale", &both).await;
    assert!(area.contains("id=\"kiosk-countdown\""));
    assert!(area.contains("http-equiv=\"refresh\""));

    // Three idle minutes end it.
    let four_minutes_ago = time::OffsetDateTime::now_utc() - time::Duration::minutes(4);
    match &server.db {
        server::store::Db::Sqlite(pool) => {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE kiosk_device_id IS NOT NULL")
                .bind(four_minutes_ago)
                .execute(pool)
                .await
                .map(|_| ())
        }
        server::store::Db::Postgres(pool) => {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE kiosk_device_id IS NOT NULL")
                .bind(four_minutes_ago)
                .execute(pool)
                .await
                .map(|_| ())
        }
    }
    .unwrap();
    assert_eq!(status_of_me(server, &both).await, 401);

    // "Start over" ends the session and clears the browser's storage.
    let session = login(server, "cittadino@demo.wemi.example", Some(&device)).await;
    let both = format!("{device}; {session}");
    assert_eq!(status_of_me(server, &both).await, 200);
    let over = plain_client()
        .get(server.url("/chiosco/ricomincia"))
        .header("cookie", &both)
        .send()
        .await
        .unwrap();
    assert_eq!(over.status(), 303);
    assert_eq!(over.headers()["clear-site-data"], "\"cache\", \"storage\"");
    assert_eq!(status_of_me(server, &both).await, 401);

    // Revoked, the device is an ordinary browser again.
    let admin = login(server, "admin@demo.wemi.example", None).await;
    let page = html(server, "/amministrazione/chioschi", &admin).await;
    let token = attr(&page, "#kiosk-admin-page input[name=csrf_token]", "value");
    let id = attr(&page, "input[name=device]", "value");
    let revoked = plain_client()
        .post(server.url("/fn/revoke_kiosk"))
        .header("cookie", &admin)
        .header("accept", "text/html")
        .form(&[
            ("device", id.as_str()),
            ("csrf_token", token.as_str()),
            ("lang", "it"),
        ])
        .send()
        .await
        .unwrap();
    assert!(revoked.status().is_redirection());
    assert!(
        !html(server, "/", &device)
            .await
            .contains("id=\"kiosk-bar\"")
    );
}
both_engines!(kiosk_mode, kiosk);

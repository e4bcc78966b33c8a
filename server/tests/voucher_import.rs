//! The city's voucher files on the real server, on both engines: a valid file assigns every
//! voucher in one go (the citizen sees the balance), the same file again assigns nothing more,
//! a file with mistakes assigns nothing and lists each problem by line, a voucher already
//! given by an earlier file is refused, only city staff with the `vouchers` permission may
//! upload, and an upload from a browser without fetch metadata needs the form's token.

use serde_json::Value;

use crate::common::{self, MULTIPART_BOUNDARY, TestServer, login, plain_client, redirect, scalar};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const CITIZEN_FISCAL_CODE: &str = "RSSGLI85M41F205V";
const ADMIN: &str = "admin@demo.wemi.example";

/// A multipart body as a browser sends the page's form: the token, then the file.
fn multipart(token: Option<&str>, filename: &str, content: &[u8]) -> Vec<u8> {
    let fields: Vec<(&str, &str)> = token
        .map(|token| ("csrf_token", token))
        .into_iter()
        .collect();
    common::multipart(&fields, filename, "text/csv", content)
}

/// Uploads like the page's form; `fetch_metadata` false acts as a browser without it.
async fn upload(
    server: &TestServer,
    cookie: &str,
    body: Vec<u8>,
    fetch_metadata: bool,
) -> reqwest::Response {
    let mut request = plain_client()
        .post(server.url("/amministrazione/voucher/importa"))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={MULTIPART_BOUNDARY}"),
        )
        .body(body);
    if fetch_metadata {
        request = request.header("sec-fetch-site", "same-origin");
    }
    request.send().await.unwrap()
}

async fn location(response: reqwest::Response) -> String {
    assert!(response.status().is_redirection(), "{}", response.status());
    response.headers()["location"].to_str().unwrap().to_string()
}

async fn imports(server: &TestServer, cookie: &str) -> Value {
    let response = plain_client()
        .post(server.url("/fn/voucher_imports"))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .form(&[("lang", "it")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The session's CSRF token, as the page's form carries it.
async fn csrf_token(server: &TestServer, cookie: &str) -> String {
    let response = plain_client()
        .get(server.url("/amministrazione/voucher"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("import-form"),
        "the upload form is on the page"
    );
    crate::common::attr(&html, "#import-form input[name=csrf_token]", "value")
}

async fn import_vouchers(server: &TestServer) {
    let db = &server.db;
    let admin = login(server, ADMIN, None).await;
    let before = scalar(db, "SELECT COUNT(*) FROM vouchers").await;

    // Excel in Italian: semicolons, decimal commas, Italian dates, Windows-1252 text.
    let good = format!(
        "codice_fiscale;importo;misura;valido_dal;valido_al\r\n\
         {CITIZEN_FISCAL_CODE};80,50;Bonus famiglie 2026;01/01/2026;31/12/2099\r\n\
         BNCLCU80A01F205T;1.200,00;Bonus anziani – Niccol\u{f2};2026-01-01;2099-12-31\r\n"
    );
    let good_bytes: Vec<u8> = good
        .chars()
        .map(|c| match c {
            '–' => 0x96,
            c => c as u8,
        })
        .collect();
    let to = location(
        upload(
            server,
            &admin,
            multipart(None, "voucher.csv", &good_bytes),
            true,
        )
        .await,
    )
    .await;
    // A valid file is shown first: nothing assigned until the office confirms.
    assert!(to.contains("anteprima="), "{to}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM vouchers").await, before);
    let page = common::get_with(server, &to, &admin)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("import-preview") && page.contains("Bonus famiglie 2026"),
        "the preview lists what the file assigns"
    );
    let to = confirm(server, &admin, &to, false).await;
    assert!(to.contains("importazione="), "{to}");
    let list = imports(server, &admin).await;
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 2,
        "{list}"
    );
    assert_eq!(list[0]["state"], "imported", "{list}");
    assert_eq!(list[0]["row_count"], 2);
    assert_eq!(list[0]["total_cents"], 128_050);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM vouchers WHERE scheme = 'Bonus anziani – Niccolò'"
        )
        .await,
        1,
        "the file's accents read right"
    );
    // The citizen sees the new voucher with its balance.
    let citizen = login(server, CITIZEN, None).await;
    let response = plain_client()
        .post(server.url("/fn/my_vouchers"))
        .header("cookie", &citizen)
        .header("sec-fetch-site", "same-origin")
        .form(&[("lang", "it")])
        .send()
        .await
        .unwrap();
    let mine: Value = response.json().await.unwrap();
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .any(|v| v["scheme"] == "Bonus famiglie 2026" && v["balance_cents"] == 8_050),
        "{mine}"
    );

    // The same file again (a double click, a second upload): nothing more.
    let again = location(
        upload(
            server,
            &admin,
            multipart(None, "voucher.csv", &good_bytes),
            true,
        )
        .await,
    )
    .await;
    let again = confirm(server, &admin, &again, false).await;
    assert!(again.contains("importazione="), "{again}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 2
    );

    // A file with mistakes: nothing assigned, every problem listed by line.
    let bad = format!(
        "codice_fiscale;importo;misura;valido_dal;valido_al\n\
         {CITIZEN_FISCAL_CODE};50;Bonus trasporti;01/01/2026;31/12/2099\n\
         RSSMRA80A01F205;50;Bonus trasporti;01/01/2026;31/12/2099\n\
         BNCLCU80A01F205T;-3;Bonus trasporti;01/01/2026;31/12/2099\n"
    );
    let to = location(
        upload(
            server,
            &admin,
            multipart(None, "errori.csv", bad.as_bytes()),
            true,
        )
        .await,
    )
    .await;
    assert!(to.contains("importazione="), "{to}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 2
    );
    let list = imports(server, &admin).await;
    assert_eq!(list[0]["state"], "refused", "{list}");
    let lines: Vec<i64> = list[0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines, vec![3, 4], "{list}");
    assert!(
        list[0]["problems"][0]["it"]
            .as_str()
            .unwrap()
            .starts_with("Riga 3")
    );
    assert!(
        list[0]["problems"][0]["en"]
            .as_str()
            .unwrap()
            .starts_with("Line 3")
    );
    // The page shows the outcome of the upload just made.
    let id = to.split("importazione=").nth(1).unwrap();
    let page = plain_client()
        .get(server.url(&format!("/amministrazione/voucher?importazione={id}")))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("import-outcome") && page.contains("Riga 3"),
        "the problems are on the page"
    );

    // A different file repeating a voucher an earlier file gave: refused whole.
    let repeat = format!(
        "fiscal_code,amount,scheme,valid_from,valid_until\n\
         BNCLCU80A01F205T,10,Bonus nuovo,2026-01-01,2099-12-31\n\
         {CITIZEN_FISCAL_CODE},80.50,Bonus famiglie 2026,2026-01-01,2099-12-31\n"
    );
    let to = location(
        upload(
            server,
            &admin,
            multipart(None, "ripetuto.csv", repeat.as_bytes()),
            true,
        )
        .await,
    )
    .await;
    confirm(server, &admin, &to, false).await;
    let list = imports(server, &admin).await;
    assert_eq!(list[0]["state"], "refused");
    assert_eq!(list[0]["problems"][0]["line"], 3, "{list}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 2
    );

    // An empty upload: a clear error, nothing recorded.
    let imports_before = scalar(db, "SELECT COUNT(*) FROM voucher_imports").await;
    let to = location(upload(server, &admin, multipart(None, "vuoto.csv", b""), true).await).await;
    assert!(to.contains("errore=file-missing"), "{to}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM voucher_imports").await,
        imports_before
    );

    // Without fetch metadata the form's token is required, and enough.
    let other = format!("{CITIZEN_FISCAL_CODE};20;Bonus sport;2026-01-01;2099-12-31\n");
    let refused = upload(
        server,
        &admin,
        multipart(None, "a.csv", other.as_bytes()),
        false,
    )
    .await;
    assert_eq!(refused.status(), 403);
    let token = csrf_token(server, &admin).await;
    let to = location(
        upload(
            server,
            &admin,
            multipart(Some(&token), "a.csv", other.as_bytes()),
            false,
        )
        .await,
    )
    .await;
    let to = confirm(server, &admin, &to, false).await;
    assert!(to.contains("importazione="), "{to}");
    // A preview can be cancelled: nothing assigned.
    let cancelled = format!("{CITIZEN_FISCAL_CODE};20;Bonus annullato;2026-01-01;2099-12-31\n");
    let to = location(
        upload(
            server,
            &admin,
            multipart(None, "b.csv", cancelled.as_bytes()),
            true,
        )
        .await,
    )
    .await;
    let to = confirm(server, &admin, &to, true).await;
    assert!(to.contains("annullata=1"), "{to}");
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM voucher_import_previews").await,
        0
    );
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 3
    );

    // Only city staff with the permission.
    let refused = upload(
        server,
        &citizen,
        multipart(None, "b.csv", other.as_bytes()),
        true,
    )
    .await;
    assert!(
        refused.status() == 403 || refused.status() == 404,
        "{}",
        refused.status()
    );
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM vouchers").await,
        before + 3
    );
    assert!(
        scalar(
            db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'voucher.imported'"
        )
        .await
            >= 2,
        "imports are audited"
    );

    // One voucher by hand: checked like a file's row, never twice.
    let assign = |amount: &'static str| {
        vec![
            ("fiscal_code", CITIZEN_FISCAL_CODE),
            ("amount", amount),
            ("scheme", "Bonus manuale"),
            ("valid_from", "2026-01-01"),
            ("valid_until", "2099-12-31"),
        ]
    };
    let to = redirect(server, "/fn/assign_voucher", &admin, &assign("zero")).await;
    assert!(to.contains("errore=field-amount"), "{to}");
    let to = redirect(server, "/fn/assign_voucher", &admin, &assign("25,00")).await;
    assert!(to.contains("assegnato=1"), "{to}");
    let to = redirect(server, "/fn/assign_voucher", &admin, &assign("25,00")).await;
    assert!(to.contains("errore=field-already_assigned"), "{to}");

    // The back office finds a person's vouchers and revokes one.
    let found = json(
        server,
        "/fn/find_vouchers",
        &admin,
        &[("fiscal_code", "rssgli85m41f205v")],
    )
    .await;
    let manual = found
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["scheme"] == "Bonus manuale")
        .unwrap_or_else(|| panic!("{found}"))
        .clone();
    let id = manual["id"].as_i64().unwrap().to_string();
    let to = redirect(
        server,
        "/fn/revoke_voucher",
        &admin,
        &[("voucher_id", &id), ("reason", "")],
    )
    .await;
    assert!(to.contains("errore=field-reason"), "{to}");
    let to = redirect(
        server,
        "/fn/revoke_voucher",
        &admin,
        &[
            ("voucher_id", &id),
            ("reason", "Assegnato per errore"),
            ("cf", CITIZEN_FISCAL_CODE),
        ],
    )
    .await;
    assert!(to.contains("revocato=1"), "{to}");
    let mine = json(server, "/fn/my_vouchers", &citizen, &[("lang", "it")]).await;
    assert!(
        !mine
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["scheme"] == "Bonus manuale"),
        "a revoked voucher cannot be spent: {mine}"
    );
    let page = common::get_with(
        server,
        &format!("/amministrazione/voucher?cf={CITIZEN_FISCAL_CODE}"),
        &admin,
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(page.contains("admin-voucher") && page.contains("Bonus manuale"));

    // The spending summary per scheme.
    let csv = common::get_with(server, "/amministrazione/voucher/spesa.csv", &admin)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with("\u{feff}misura;voucher;assegnato;speso;disponibile;revocato"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Bonus manuale;1;25,00;0,00;0,00;25,00")),
        "{csv}"
    );
    // Not for citizens.
    let response = plain_client()
        .post(server.url("/fn/find_vouchers"))
        .header("cookie", &citizen)
        .header("sec-fetch-site", "same-origin")
        .form(&[("fiscal_code", CITIZEN_FISCAL_CODE)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}
both_engines!(import_vouchers_, import_vouchers);

async fn json(server: &TestServer, path: &str, cookie: &str, form: &[(&str, &str)]) -> Value {
    let response = plain_client()
        .post(server.url(path))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .form(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

/// Confirms (or, `discard`, cancels) the preview an upload led to; returns where it leads.
async fn confirm(server: &TestServer, cookie: &str, preview: &str, discard: bool) -> String {
    let id = preview
        .split("anteprima=")
        .nth(1)
        .unwrap_or_else(|| panic!("not a preview: {preview}"))
        .split(['&', '#'])
        .next()
        .unwrap()
        .to_string();
    let mut form = vec![("preview_id", id.as_str()), ("lang", "it")];
    if discard {
        form.push(("discard", "1"));
    }
    redirect(server, "/fn/confirm_voucher_import", cookie, &form).await
}

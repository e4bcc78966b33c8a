//! Statistics for city staff (issue 8) on the real server, on both engines: figures of a past
//! period built from rows inserted here (orders, quotes, vouchers, domestic work, reviews, page
//! feedback), the page with its charts and tables in both languages, the CSV and XLSX exports,
//! a bad date, and a citizen refused.

use crate::common::{self, TestServer, execute, get_with, login, scalar};

const PERIOD: &str = "dal=2025-01-01&al=2025-02-28";

async fn seed(server: &TestServer) {
    let db = &server.db;
    let provider = "(SELECT MIN(id) FROM providers)";
    for (reference, created, paid, total, refunded) in [
        ("STAT-A", "2025-01-15T10:00:00Z", true, 123_450, 0),
        ("STAT-B", "2025-02-10T10:00:00Z", true, 5_000, 1_000),
        ("STAT-C", "2025-02-11T10:00:00Z", false, 9_900, 0),
    ] {
        let paid_at = if paid {
            format!("'{created}'")
        } else {
            "NULL".into()
        };
        let state = if paid { "paid" } else { "awaiting_payment" };
        execute(
            db,
            &format!(
                "INSERT INTO orders (reference, provider_id, state, payment_method, total_cents, \
                 refunded_cents, billing_name, billing_email, checkout_key, created_at, updated_at, \
                 payment_due_at, paid_at) VALUES ('{reference}', {provider}, '{state}', 'card', \
                 {total}, {refunded}, 'Stat', 'stat@example.org', 'key-{reference}', '{created}', \
                 '{created}', '{created}', {paid_at})"
            ),
        )
        .await;
    }
    for (reference, created, order) in [
        (
            "STQ-1",
            "2025-01-03T10:00:00Z",
            "(SELECT id FROM orders WHERE reference = 'STAT-A')",
        ),
        ("STQ-2", "2025-01-04T10:00:00Z", "NULL"),
        ("STQ-3", "2025-02-04T10:00:00Z", "NULL"),
    ] {
        execute(
            db,
            &format!(
                "INSERT INTO quote_requests (reference, description, contact_email, state, \
                 answer_by, order_id, created_at, updated_at) VALUES ('{reference}', 'Assistenza', \
                 'q@example.org', 'closed', '{created}', {order}, '{created}', '{created}')"
            ),
        )
        .await;
    }
    execute(
        db,
        &format!(
            "INSERT INTO quote_offers (request_id, provider_id, state, price_cents, valid_until, \
             period_start, period_end, created_at) VALUES \
             ((SELECT id FROM quote_requests WHERE reference = 'STQ-1'), {provider}, 'accepted', \
             123450, '2025-01-10T10:00:00Z', '2025-01-20', '2025-01-30', '2025-01-05T10:00:00Z')"
        ),
    )
    .await;
    execute(
        db,
        "INSERT INTO vouchers (fiscal_code, scheme, amount_cents, balance_cents, valid_from, \
         valid_until, imported_at) VALUES ('STATSX80A01F205X', 'Buono statistico', 10000, 7500, \
         '2025-01-01', '2025-12-31', '2025-01-01T10:00:00Z')",
    )
    .await;
    for (kind, cents, at) in [
        ("debit", -3_000, "2025-01-20T10:00:00Z"),
        ("reversal", 500, "2025-02-20T10:00:00Z"),
    ] {
        execute(
            db,
            &format!(
                "INSERT INTO voucher_ledger (voucher_id, kind, amount_cents, at) VALUES \
                 ((SELECT id FROM vouchers WHERE fiscal_code = 'STATSX80A01F205X'), '{kind}', \
                 {cents}, '{at}')"
            ),
        )
        .await;
    }
    execute(
        db,
        &format!(
            "INSERT INTO reviews (order_id, service_id, provider_id, punctuality, professionalism, \
             kindness, state, created_at) VALUES \
             ((SELECT id FROM orders WHERE reference = 'STAT-A'), \
             (SELECT MIN(id) FROM services WHERE provider_id = {provider}), {provider}, 5, 4, 3, \
             'published', '2025-01-25T10:00:00Z')"
        ),
    )
    .await;
    for rating in [5, 4] {
        execute(
            db,
            &format!(
                "INSERT INTO page_feedback (page, rating, created_at) VALUES \
                 ('/statistiche-test', {rating}, '2025-01-25T10:00:00Z')"
            ),
        )
        .await;
    }
    execute(
        db,
        "INSERT INTO worker_applications (user_id, status, data, created_at, updated_at) \
         SELECT id, 'suitable', '{}', '2025-01-05T10:00:00Z', '2025-01-05T10:00:00Z' FROM users \
         WHERE email = 'admin@demo.wemi.example'",
    )
    .await;
    execute(
        db,
        "INSERT INTO family_requests (reference, user_id, data, role, municipio, submit_key, \
         created_at) SELECT 'STF-1', id, '{}', 'badante', 1, 'stat-key', '2025-02-02T10:00:00Z' \
         FROM users WHERE email = 'cittadino@demo.wemi.example'",
    )
    .await;
    execute(
        db,
        "INSERT INTO match_proposals (request_id, application_id, state, proposed_by, score, \
         created_at) VALUES ((SELECT id FROM family_requests WHERE reference = 'STF-1'), \
         (SELECT w.id FROM worker_applications w JOIN users u ON u.id = w.user_id \
          WHERE u.email = 'admin@demo.wemi.example'), 'hired', 'staff', 80, \
         '2025-02-03T10:00:00Z')",
    )
    .await;
}

fn u16_at(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// The entries of a stored ZIP, read through its central directory.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let end = bytes.len() - 22;
    assert_eq!(u32_at(bytes, end), 0x0605_4b50, "end of central directory");
    let count = u16_at(bytes, end + 10);
    let mut at = u32_at(bytes, end + 16);
    let mut files = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(bytes, at), 0x0201_4b50, "central directory entry");
        assert_eq!(u16_at(bytes, at + 10), 0, "stored");
        let size = u32_at(bytes, at + 24);
        let name_len = u16_at(bytes, at + 28);
        let local = u32_at(bytes, at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(bytes, local), 0x0403_4b50, "local header of {name}");
        let data_at = local + 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
        let data = String::from_utf8(bytes[data_at..data_at + size].to_vec()).unwrap();
        files.push((name, data));
        at += 46 + name_len;
    }
    files
}

async fn figures_for_staff(server: &TestServer) {
    seed(server).await;
    let admin = login(server, "admin@demo.wemi.example", None).await;

    // The page, Italian.
    let page = get_with(
        server,
        &format!("/amministrazione/statistiche?{PERIOD}"),
        &admin,
    )
    .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<h1 class=\"mt-3\">Statistiche</h1>"),
        "{html}"
    );
    for expected in [
        "1.234,50 €",
        "40,00 €",
        "50,00 %",
        "25,00 €",
        "Buono statistico",
        "4,50",
        "/statistiche-test",
        "Puntualità",
        "Idonea",
        "Assunzioni: 1",
        "role=\"img\"",
        "<title id=\"chart-ordini-mese-title\"",
        "<caption>Ordini e incassi per mese</caption>",
        "scope=\"col\"",
        "scope=\"row\"",
        "statistiche.xlsx?dal=2025-01-01&amp;al=2025-02-28",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    // Published services per category: the catalogue's own count.
    let published = scalar(
        &server.db,
        "SELECT COUNT(*) FROM services WHERE status = 'validated'",
    )
    .await;
    assert!(published > 0);

    // English.
    let en = get_with(
        server,
        &format!("/amministrazione/statistiche?{PERIOD}&lang=en"),
        &admin,
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(en.contains("Orders and revenue by month"), "english");
    assert!(en.contains("Hires: 1"));

    // CSV: one table.
    let csv = get_with(
        server,
        &format!("/amministrazione/statistiche.csv?{PERIOD}&tabella=ordini-mese"),
        &admin,
    )
    .await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(
        csv.text().await.unwrap(),
        "\u{feff}Mese;Ordini;Incasso\r\n2025-01;1;1234,50\r\n2025-02;1;40,00\r\n"
    );
    let quotes = get_with(
        server,
        &format!("/amministrazione/statistiche.csv?{PERIOD}&tabella=preventivi-mese"),
        &admin,
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(quotes.contains("\r\n2025-01;2;1;1;50,00\r\n"), "{quotes}");
    assert!(quotes.contains("\r\n2025-02;1;0;0;0,00\r\n"), "{quotes}");
    let unknown = get_with(
        server,
        &format!("/amministrazione/statistiche.csv?{PERIOD}&tabella=nessuna"),
        &admin,
    )
    .await;
    assert_eq!(unknown.status(), 404);

    // XLSX: a stored ZIP, one sheet per table.
    let xlsx = get_with(
        server,
        &format!("/amministrazione/statistiche.xlsx?{PERIOD}"),
        &admin,
    )
    .await;
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap();
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let files = unzip(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    assert!(names.contains(&"xl/workbook.xml"));
    assert!(names.contains(&"_rels/.rels"));
    assert!(names.contains(&"xl/_rels/workbook.xml.rels"));
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .count(),
        10
    );
    let workbook = &files
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .unwrap()
        .1;
    assert!(
        workbook.contains("name=\"ordini-mese\" sheetId=\"3\""),
        "{workbook}"
    );
    let orders = &files
        .iter()
        .find(|(n, _)| n == "xl/worksheets/sheet3.xml")
        .unwrap()
        .1;
    assert!(orders.contains("<v>1234.50</v>"), "{orders}");
    assert!(orders.contains("<v>40.00</v>"), "{orders}");
    assert!(orders.contains("t=\"inlineStr\""));
    assert!(orders.contains(">2025-01<"));

    // A bad date: a clear message, in the person's language.
    let bad = get_with(
        server,
        "/amministrazione/statistiche?dal=2025-13-01",
        &admin,
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(bad.contains("La data di inizio non è valida"), "{bad}");
    let bad_en = get_with(
        server,
        "/amministrazione/statistiche?al=ieri&lang=en",
        &admin,
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(bad_en.contains("The end date is not valid"));
    let bad_csv = get_with(
        server,
        "/amministrazione/statistiche.csv?dal=2025-02-30&tabella=ordini-mese",
        &admin,
    )
    .await;
    assert_eq!(bad_csv.status(), 400);

    // The default period: the last 12 months.
    let default = get_with(server, "/amministrazione/statistiche", &admin).await;
    assert_eq!(default.status(), 200);
    assert!(default.text().await.unwrap().contains("statistics-period"));

    // Citizens are refused everywhere.
    let citizen = login(server, "cittadino@demo.wemi.example", None).await;
    for path in [
        "/amministrazione/statistiche".to_string(),
        format!("/amministrazione/statistiche.csv?{PERIOD}&tabella=ordini-mese"),
        format!("/amministrazione/statistiche.xlsx?{PERIOD}"),
    ] {
        assert_eq!(
            get_with(server, &path, &citizen).await.status(),
            403,
            "{path}"
        );
    }
    let call = common::plain_client()
        .post(server.url("/fn/statistics_page"))
        .header("cookie", &citizen)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(call.status(), 403);
}
both_engines!(figures_for_staff_, figures_for_staff);

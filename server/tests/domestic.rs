//! Domestic work on the real server, on both engines, through the pages' own form posts
//! (no JavaScript): a worker fills the application step by step (a refused step keeps what was
//! typed and changes nothing), uploads documents (type and size checked), sends it; city staff
//! book the interview, check the documents and find the worker suitable with a rating; a family
//! posts a request (health data only with consent; a repeated post is one request) and gets a
//! ranked, explained shortlist of anonymous profiles; it proposes; the worker accepts; only
//! then both see each other's contacts; the hire is recorded, the worker leaves the shortlists,
//! feedback is given. And who can see what: other people get 404s, other roles 403s, every
//! staff look at personal data is in the audit log.

use crate::common::{
    self, TestServer, execute, get_with, login, multipart, post_multipart, redirect, scalar,
};

const CITIZEN: &str = "cittadino@demo.wemi.example";
const ADMIN: &str = "admin@demo.wemi.example";
const PROVIDER: &str = "ente@demo.wemi.example";
const NEW_WORKER: &str = "ana.lopez@demo.wemi.example";
const OTHER: &str = "altro.cittadino@demo.wemi.example";

/// A person with an account like the demo citizen's (same password), a citizen.
async fn new_person(server: &TestServer, email: &str, name: &str) -> String {
    execute(
        &server.db,
        &format!(
            "INSERT INTO users (email, name, password_hash, created_at, email_verified_at, \
             password_changed_at) SELECT '{email}', '{name}', password_hash, created_at, \
             email_verified_at, password_changed_at FROM users WHERE email = '{CITIZEN}'"
        ),
    )
    .await;
    execute(
        &server.db,
        &format!(
            "INSERT INTO user_roles (user_id, role, scope_id) SELECT id, 'citizen', 0 \
             FROM users WHERE email = '{email}'"
        ),
    )
    .await;
    login(server, email, None).await
}

async fn html(server: &TestServer, path: &str, cookie: &str) -> (u16, String) {
    let response = get_with(server, path, cookie).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

const SAVE: &str = "/lavoro-domestico/candidatura/salva";

async fn save(server: &TestServer, cookie: &str, form: &[(&str, &str)]) -> String {
    redirect(server, SAVE, cookie, form).await
}

/// Fills every step of a badante's application: weekday mornings, Municipio 2, 9,80 €/h.
async fn fill_application(server: &TestServer, cookie: &str) {
    let to = save(
        server,
        cookie,
        &[
            ("passo", "dati"),
            ("first_name", "Ana"),
            ("last_name", "Lopez"),
            ("birth_date", "1979-03-12"),
            ("fiscal_code", "RSSGLI85M41F205V"),
            ("nationality", "peruviana"),
            ("eu_citizen", "no"),
            ("phone", "+39 333 7654321"),
            ("address", "Via Padova 10"),
            ("municipio", "2"),
        ],
    )
    .await;
    assert!(
        to.contains("passo=documenti") && to.contains("salvato=1"),
        "{to}"
    );
    let to = save(
        server,
        cookie,
        &[
            ("passo", "documenti"),
            ("id_document_kind", "passport"),
            ("id_document_number", "PE123456"),
            ("id_document_expiry", "2031-01-31"),
            ("permit_number", "MI0099887"),
            ("permit_expiry", "2029-06-30"),
        ],
    )
    .await;
    assert!(to.contains("passo=formazione"), "{to}");
    save(
        server,
        cookie,
        &[
            ("passo", "formazione"),
            ("employment_status", "unemployed"),
            ("available_from", "2026-11-27"),
            ("education", "upper_secondary"),
            ("courses", "carer"),
            ("courses", "first_aid"),
            ("italian", "B2"),
            ("languages", "es"),
        ],
    )
    .await;
    let to = save(
        server,
        cookie,
        &[
            ("passo", "esperienze"),
            ("action", "add"),
            ("exp_role", "badante"),
            ("exp_employer", "family"),
            ("exp_from", "2015-01"),
            ("exp_to", "2024-12"),
            ("exp_description", "Assistenza a una signora con Alzheimer"),
            ("exp_reference_name", "Carla Neri"),
            ("exp_reference_phone", "02 1234567"),
        ],
    )
    .await;
    assert!(
        to.contains("passo=esperienze"),
        "adding stays on the step: {to}"
    );
    let to = save(
        server,
        cookie,
        &[("passo", "esperienze"), ("action", "next")],
    )
    .await;
    assert!(to.contains("passo=informazioni"), "{to}");
    save(
        server,
        cookie,
        &[("passo", "informazioni"), ("driving_licence", "1")],
    )
    .await;
    save(
        server,
        cookie,
        &[
            ("passo", "ruoli"),
            ("roles", "badante"),
            ("skills", "bd_hygiene"),
            ("skills", "bd_dementia"),
            ("skills", "bd_meals"),
        ],
    )
    .await;
    let to = save(
        server,
        cookie,
        &[
            ("passo", "disponibilita"),
            ("badante_regimes", "hourly"),
            ("badante_d0_from", "08:00"),
            ("badante_d0_to", "13:00"),
            ("badante_d2_from", "08:00"),
            ("badante_d2_to", "13:00"),
            ("badante_d4_from", "08:00"),
            ("badante_d4_to", "13:00"),
            ("badante_max_weekly_hours", "30"),
            ("badante_expected_hourly", "9,80"),
            ("badante_municipi", "2"),
            ("badante_municipi", "3"),
        ],
    )
    .await;
    assert!(to.contains("passo=riepilogo"), "{to}");
}

async fn apply_and_validate(server: &TestServer) -> (String, i64) {
    let db = &server.db;
    let worker = new_person(server, NEW_WORKER, "Ana Lopez").await;

    // A refused step: every error named, what was typed kept, nothing stored.
    let to = save(
        server,
        &worker,
        &[
            ("passo", "dati"),
            ("first_name", "Ana"),
            ("birth_date", "2015-01-01"),
            ("fiscal_code", "NONVALIDO"),
            ("municipio", "12"),
        ],
    )
    .await;
    assert!(to.contains("passo=dati") && to.contains("errori=1"), "{to}");
    let (_, page) = html(server, &to, &worker).await;
    assert!(page.contains("application-errors"), "error summary shown");
    assert!(
        page.contains("serve la maggiore età"),
        "the birth date's error"
    );
    assert!(
        page.contains("value=\"NONVALIDO\""),
        "what was typed is kept"
    );
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM worker_applications a JOIN users u ON u.id = a.user_id WHERE u.email = '{NEW_WORKER}'")).await,
        0,
        "a refused first step stores nothing"
    );

    fill_application(server, &worker).await;
    // Below the contractual minimum is refused and the stored availability stays.
    let to = save(
        server,
        &worker,
        &[
            ("passo", "disponibilita"),
            ("badante_regimes", "hourly"),
            ("badante_d0_from", "08:00"),
            ("badante_d0_to", "13:00"),
            ("badante_max_weekly_hours", "30"),
            ("badante_expected_hourly", "3,00"),
            ("badante_municipi", "2"),
        ],
    )
    .await;
    assert!(to.contains("errori=1"), "{to}");
    let (_, page) = html(server, &to, &worker).await;
    assert!(
        page.contains("sotto il minimo contrattuale"),
        "the pay's error"
    );

    // Sending without documents is refused.
    let to = redirect(server, "/lavoro-domestico/candidatura/invia", &worker, &[]).await;
    assert!(to.contains("errore=identity-document-missing"), "{to}");

    // Documents: a wrong type refused, an identity document and a permit accepted.
    let docs = "/lavoro-domestico/candidatura/documenti";
    let to = post_multipart(
        server,
        docs,
        &worker,
        multipart(
            &[("kind", "identity")],
            "virus.exe",
            "application/octet-stream",
            b"MZ\x90\x00",
        ),
    )
    .await;
    assert!(to.contains("errore=document-type"), "{to}");
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let to = post_multipart(
        server,
        docs,
        &worker,
        multipart(
            &[("kind", "identity")],
            "passaporto.pdf",
            "application/pdf",
            pdf,
        ),
    )
    .await;
    assert!(to.contains("salvato=1"), "{to}");
    let to = post_multipart(
        server,
        docs,
        &worker,
        multipart(&[("kind", "permit")], "permesso.png", "image/png", png),
    )
    .await;
    assert!(to.contains("salvato=1"), "{to}");
    let too_big = vec![b'%'; 5 * 1024 * 1024 + 10];
    let to = post_multipart(
        server,
        docs,
        &worker,
        multipart(
            &[("kind", "other")],
            "grande.pdf",
            "application/pdf",
            &too_big,
        ),
    )
    .await;
    assert!(
        to.contains("errore=document-"),
        "a file over 5 MB is refused: {to}"
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM worker_documents").await, 2);

    // The summary, the CVs, then sending (twice: still one application, one e-mail).
    let (status, page) = html(
        server,
        "/lavoro-domestico/candidatura?passo=riepilogo",
        &worker,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("application-submit"),
        "complete: the send button is there"
    );
    let cv = get_with(server, "/lavoro-domestico/candidatura/cv.pdf", &worker).await;
    assert_eq!(cv.status(), 200);
    let bytes = cv.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let anonymous = get_with(
        server,
        "/lavoro-domestico/candidatura/cv.pdf?anonimo=1",
        &worker,
    )
    .await
    .bytes()
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&anonymous);
    assert!(
        !text.contains("Lopez") && !text.contains("7654321"),
        "the anonymous CV has no name or phone"
    );
    assert!(
        String::from_utf8_lossy(&bytes).contains("Lopez"),
        "the full CV has the name"
    );
    for _ in 0..2 {
        let to = redirect(
            server,
            "/lavoro-domestico/candidatura/invia",
            &worker,
            &[("truthful", "1")],
        )
        .await;
        assert!(to.contains("inviata=1"), "{to}");
    }
    assert_eq!(
        common::text(db, &format!("SELECT a.status FROM worker_applications a JOIN users u ON u.id = a.user_id WHERE u.email = '{NEW_WORKER}'")).await,
        "submitted"
    );
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM email_outbox WHERE recipient = '{NEW_WORKER}' AND subject LIKE 'Candidatura ricevuta%'")).await,
        1
    );
    // Sent: no more editing.
    let to = save(
        server,
        &worker,
        &[("passo", "informazioni"), ("smoker", "1")],
    )
    .await;
    assert!(to.contains("errore=not-editable"), "{to}");
    let id = scalar(db, &format!("SELECT a.id FROM worker_applications a JOIN users u ON u.id = a.user_id WHERE u.email = '{NEW_WORKER}'")).await;

    // Staff: the list (filters), the application, the documents, interview, outcome.
    let admin = login(server, ADMIN, None).await;
    let (status, page) = html(
        server,
        "/amministrazione/lavoratori?stato=submitted&ruolo=badante&q=lop",
        &admin,
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Ana Lopez"), "found by name");
    let (_, page) = html(server, "/amministrazione/lavoratori?q=nessuno", &admin).await;
    assert!(page.contains("applications-empty"));
    let (status, page) = html(server, &format!("/amministrazione/lavoratori/{id}"), &admin).await;
    assert_eq!(status, 200);
    assert!(page.contains("PE123456") && page.contains("passaporto.pdf"));
    let action = format!("/amministrazione/lavoratori/{id}/azione");
    // Suitable needs a rating for each role; not suitable needs a reason.
    let to = redirect(
        server,
        &action,
        &admin,
        &[("action", "decide"), ("outcome", "not_suitable")],
    )
    .await;
    assert!(to.contains("errore=fields"), "{to}");
    let space = scalar(db, "SELECT MIN(id) FROM spaces").await.to_string();
    let to = redirect(
        server,
        &action,
        &admin,
        &[
            ("action", "interview"),
            ("space_id", &space),
            ("at", "2030-01-15T10:30"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM email_outbox WHERE recipient = '{NEW_WORKER}' AND subject LIKE 'Colloquio fissato%'")).await,
        1
    );
    let to = redirect(server, &action, &admin, &[("action", "verify")]).await;
    assert!(to.contains("fatto=1"), "{to}");
    let to = redirect(
        server,
        &action,
        &admin,
        &[
            ("action", "decide"),
            ("outcome", "suitable"),
            ("rating_badante", "5"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        common::text(
            db,
            &format!("SELECT status FROM worker_applications WHERE id = {id}")
        )
        .await,
        "suitable"
    );
    let (_, page) = html(
        server,
        "/lavoro-domestico/candidatura?passo=riepilogo",
        &worker,
    )
    .await;
    assert!(
        page.contains("data-status=\"suitable\""),
        "the worker sees the outcome"
    );
    assert!(
        scalar(db, &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'domestic.application_viewed' AND target = 'application:{id}'")).await >= 1,
        "the staff's look is audited"
    );
    let document = scalar(db, "SELECT MIN(id) FROM worker_documents").await;
    let file = get_with(
        server,
        &format!("/lavoro-domestico/documenti/{document}"),
        &admin,
    )
    .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert!(
        scalar(
            db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'domestic.document_viewed'"
        )
        .await
            >= 1
    );
    (worker, id)
}

async fn request_fields(key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("submit_key", key.to_string()),
        ("role", "badante".into()),
        ("regime", "hourly".into()),
        ("contract", "permanent".into()),
        ("start", "2027-01-11".into()),
        ("offered_hourly", "10,50".into()),
        ("p1_age", "86".into()),
        ("p1_conditions", "dementia".into()),
        ("p1_mobility", "assisted".into()),
        ("tasks", "bd_hygiene".into()),
        ("tasks", "bd_meals".into()),
        ("rooms", "3".into()),
        ("pets", "none".into()),
        ("d0_from", "09:00".into()),
        ("d0_to", "12:00".into()),
        ("d2_from", "09:00".into()),
        ("d2_to", "12:00".into()),
        ("languages", "es".into()),
        ("address", "Via Padova 30".into()),
        ("municipio", "2".into()),
    ]
}

async fn post_request(
    server: &TestServer,
    cookie: &str,
    fields: &[(&'static str, String)],
) -> String {
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    redirect(server, "/lavoro-domestico/richiesta/invia", cookie, &form).await
}

async fn whole_journey(server: &TestServer) {
    let db = &server.db;
    let (worker, application) = apply_and_validate(server).await;
    let family = login(server, CITIZEN, None).await;

    // Health data without consent: refused, nothing stored, what was typed kept.
    let key = "k0123456789abcdef0123";
    let to = post_request(server, &family, &request_fields(key).await).await;
    assert!(to.contains("errori=1"), "{to}");
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM family_requests").await, 0);
    let (_, page) = html(server, &to, &family).await;
    assert!(page.contains("Via Padova 30"), "the form comes back filled");
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM form_drafts WHERE data LIKE '%dementia%'"
        )
        .await,
        0,
        "health data without consent are not kept, not even in a draft"
    );
    // "Estimate the cost" keeps the form and shows the calculator's figures; nothing is sent.
    let mut preview = request_fields(key).await;
    preview.push(("anteprima", "1".into()));
    let to = post_request(server, &family, &preview).await;
    assert!(to.contains("stima=1"), "{to}");
    let (_, page) = html(server, &to, &family).await;
    assert!(
        page.contains("id=\"request-estimate\"") && page.contains("al mese in media"),
        "the estimate"
    );
    assert!(
        page.contains("Via Padova 30"),
        "the form keeps what was typed"
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM family_requests").await, 0);
    let mut fields = request_fields(key).await;
    fields.push(("health_consent", "1".into()));
    fields.push(("min_years", "5".into()));
    let to = post_request(server, &family, &fields).await;
    assert!(
        to.contains("/area-personale/lavoro-domestico/LD-") && to.contains("inviata=1"),
        "{to}"
    );
    // The same form posted again: the same request.
    let again = post_request(server, &family, &fields).await;
    assert_eq!(again, to);
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM family_requests").await, 1);
    let reference = to
        .split("/area-personale/lavoro-domestico/")
        .nth(1)
        .and_then(|r| r.split('?').next())
        .unwrap()
        .to_string();
    let page_path = format!("/area-personale/lavoro-domestico/{reference}");

    // The shortlist: the validated worker, anonymous, with the reasons of the score.
    let (status, page) = html(server, &page_path, &family).await;
    assert_eq!(status, 200);
    let code = format!("Profilo {application:04}");
    assert!(page.contains(&code), "the worker is in the shortlist");
    assert!(
        page.contains("copre il 100% degli orari richiesti"),
        "explained"
    );
    assert!(page.contains("parla spagnolo"));
    assert!(
        page.contains("almeno 5 anni di esperienza, come richiesto"),
        "the years asked for"
    );
    assert!(
        !page.contains("Lopez") && !page.contains("7654321") && !page.contains(NEW_WORKER),
        "anonymous"
    );
    assert!(
        page.contains("request-estimate"),
        "the calculator's estimate"
    );

    // Others cannot see or touch the request.
    let other = new_person(server, OTHER, "Altra Persona").await;
    let (status, _) = html(server, &page_path, &other).await;
    assert_eq!(status, 404);
    let response = common::plain_client()
        .post(server.url(&format!("{page_path}/azione")))
        .header("cookie", &other)
        .header("sec-fetch-site", "same-origin")
        .form(&[
            ("azione", "propose"),
            ("application_id", &application.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let document = scalar(db, "SELECT MIN(id) FROM worker_documents").await;
    assert_eq!(
        get_with(
            server,
            &format!("/lavoro-domestico/documenti/{document}"),
            &family
        )
        .await
        .status(),
        404
    );
    for path in [
        "/amministrazione/lavoratori",
        &format!("/amministrazione/lavoratori/{application}"),
        "/amministrazione/richieste-lavoro",
    ] {
        assert_eq!(
            get_with(server, path, &family).await.status(),
            403,
            "{path}"
        );
        assert_eq!(
            get_with(server, path, &worker).await.status(),
            403,
            "{path}"
        );
    }
    let provider = login(server, PROVIDER, None).await;
    assert_eq!(get_with(server, &page_path, &provider).await.status(), 404);

    // Proposing: a not validated worker cannot be proposed; the validated one can, once.
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[("azione", "propose"), ("application_id", "999999")],
    )
    .await;
    assert!(to.contains("errore=not-proposable"), "{to}");
    let id = application.to_string();
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[("azione", "propose"), ("application_id", &id)],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[("azione", "propose"), ("application_id", &id)],
    )
    .await;
    assert!(to.contains("errore=already-proposed"), "{to}");
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM email_outbox WHERE recipient = '{NEW_WORKER}' AND subject LIKE 'Nuova proposta%'")).await,
        1
    );

    // The worker sees the job, not the family, and accepts.
    let (_, page) = html(server, "/area-personale/proposte", &worker).await;
    assert!(
        page.contains(&reference) && page.contains("10,50"),
        "the job's details"
    );
    assert!(
        !page.contains("Giulia Rossi") && !page.contains(CITIZEN),
        "no family contacts before accepting"
    );
    let (_, page) = html(server, &page_path, &family).await;
    assert!(
        !page.contains("Lopez"),
        "no worker contacts before accepting"
    );
    let proposal = scalar(db, "SELECT MIN(id) FROM match_proposals")
        .await
        .to_string();
    // The family cannot accept for the worker; the worker cannot record a hire.
    let to = redirect(
        server,
        "/area-personale/proposte/azione",
        &family,
        &[("azione", "accept"), ("proposal_id", &proposal)],
    )
    .await;
    assert!(to.contains("errore=not-allowed"), "{to}");
    let to = redirect(
        server,
        "/area-personale/proposte/azione",
        &worker,
        &[("azione", "accept"), ("proposal_id", &proposal)],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    let (_, page) = html(server, "/area-personale/proposte", &worker).await;
    assert!(
        page.contains("Giulia Rossi") && page.contains(CITIZEN),
        "the family's contacts after accepting"
    );
    let (_, page) = html(server, &page_path, &family).await;
    assert!(
        page.contains("Ana Lopez") && page.contains(NEW_WORKER) && page.contains("7654321"),
        "the worker's contacts after accepting"
    );
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM email_outbox WHERE recipient = '{CITIZEN}' AND subject LIKE 'Proposta {reference}%'")).await,
        1
    );

    // The outcome: hired needs the mode; then the worker is engaged and leaves shortlists.
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[("azione", "hired"), ("proposal_id", &proposal)],
    )
    .await;
    assert!(to.contains("errore=mode-required"), "{to}");
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[
            ("azione", "hired"),
            ("proposal_id", &proposal),
            ("hiring_mode", "direct"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM worker_applications WHERE id = {application} AND engaged"
            )
        )
        .await,
        1
    );
    let to = redirect(
        server,
        &format!("{page_path}/azione"),
        &family,
        &[
            ("azione", "feedback"),
            ("proposal_id", &proposal),
            ("worker_rating", "5"),
            ("worker_feedback", "Bravissima"),
            ("service_rating", "4"),
        ],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM match_proposals WHERE worker_rating = 5 AND state = 'hired'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM family_requests WHERE service_rating = 4"
        )
        .await,
        1
    );

    // A second request: the engaged worker is not proposable any more.
    let second = post_request(server, &family, &{
        let mut f = request_fields("k9876543210fedcba9876").await;
        f.push(("health_consent", "1".into()));
        f
    })
    .await;
    let second_path = second.split('?').next().unwrap().to_string();
    let (_, page) = html(server, &second_path, &family).await;
    assert!(
        !page.contains(&code),
        "an engaged worker is not shortlisted"
    );

    // Staff see the request with the whole ranking and the excluded workers' reasons.
    let admin = login(server, ADMIN, None).await;
    // Staff propose a shortlisted worker for the family's second request.
    let second_reference = second_path.rsplit('/').next().unwrap().to_string();
    let (_, page) = html(
        server,
        &format!("/amministrazione/richieste-lavoro/{second_reference}"),
        &admin,
    )
    .await;
    let demo_candidate = common::attr(&page, ".candidate", "data-application");
    let to = redirect(
        server,
        &format!("/amministrazione/richieste-lavoro/{second_reference}/azione"),
        &admin,
        &[("azione", "propose"), ("application_id", &demo_candidate)],
    )
    .await;
    assert!(to.contains("fatto=1"), "{to}");
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM match_proposals WHERE proposed_by = 'staff'"
        )
        .await,
        1
    );
    let (status, page) = html(
        server,
        &format!("/amministrazione/richieste-lavoro/{reference}?esclusi=1"),
        &admin,
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Giulia Rossi"), "staff see the family");
    assert!(
        scalar(
            db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'domestic.request_viewed'"
        )
        .await
            >= 1
    );
    let (_, page) = html(server, "/amministrazione/richieste-lavoro", &admin).await;
    assert!(page.contains(&reference));

    // The notification centre has the steps.
    assert!(scalar(db, "SELECT COUNT(*) FROM domestic_events").await >= 5);
    let (_, page) = html(server, "/area-personale/notifiche", &worker).await;
    assert!(
        page.contains("/area-personale/proposte"),
        "the worker's notifications link the proposals"
    );

    // The GDPR export holds the application and the requests; erasing removes them.
    let export: serde_json::Value = get_with(server, "/api/v1/me/export", &worker)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(export["domestic_work"]["application"]["status"], "suitable");
    assert_eq!(
        export["domestic_work"]["application"]["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let export: serde_json::Value = get_with(server, "/api/v1/me/export", &family)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        export["domestic_work"]["requests"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let user = scalar(
        db,
        &format!("SELECT id FROM users WHERE email = '{NEW_WORKER}'"),
    )
    .await;
    server::store::accounts::anonymize_user(db, user)
        .await
        .unwrap();
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM worker_applications WHERE user_id = {user}")
        )
        .await,
        0
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM worker_documents").await, 0);
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM match_proposals WHERE application_id = {application}")
        )
        .await,
        0
    );
}
both_engines!(whole_journey_, whole_journey);

async fn permit_reminders(server: &TestServer) {
    let db = &server.db;
    let worker = new_person(server, NEW_WORKER, "Ana Lopez").await;
    fill_application(server, &worker).await;
    let pdf = b"%PDF-1.4\n%%EOF\n";
    for kind in ["identity", "permit"] {
        post_multipart(
            server,
            "/lavoro-domestico/candidatura/documenti",
            &worker,
            multipart(&[("kind", kind)], "d.pdf", "application/pdf", pdf),
        )
        .await;
    }
    redirect(
        server,
        "/lavoro-domestico/candidatura/invia",
        &worker,
        &[("truthful", "1")],
    )
    .await;
    // The permit now expires in 20 days: one reminder, not two.
    let soon =
        domain::date::Date::in_rome(time::OffsetDateTime::now_utc().unix_timestamp()).add_days(20);
    let mine = format!("user_id = (SELECT id FROM users WHERE email = '{NEW_WORKER}')");
    let data = common::text(
        db,
        &format!("SELECT data FROM worker_applications WHERE {mine}"),
    )
    .await;
    let mut doc: serde_json::Value = serde_json::from_str(&data).unwrap();
    doc["permit_expiry"] = serde_json::Value::String(soon.to_string());
    let update = format!(
        "UPDATE worker_applications SET data = '{}' WHERE {mine}",
        doc.to_string().replace('\'', "''")
    );
    execute(db, &update).await;
    assert_eq!(server.domestic.run_reminders().await.unwrap(), 1);
    assert_eq!(server.domestic.run_reminders().await.unwrap(), 0);
    assert_eq!(
        scalar(db, &format!("SELECT COUNT(*) FROM email_outbox WHERE recipient = '{NEW_WORKER}' AND subject LIKE 'Documenti in scadenza%'")).await,
        1
    );
}
both_engines!(permit_reminders_, permit_reminders);

/// An operator of a WeMi space fills the application for the worker (assisted mode, paper
/// consent): the application records it, the audit log names both people.
async fn assisted_application(server: &TestServer) {
    let db = &server.db;
    new_person(server, NEW_WORKER, "Ana Lopez").await;
    let operator = login(server, "operatore@demo.wemi.example", None).await;
    let (_, form) = html(server, "/operatore/assistenza", &operator).await;
    let token = common::attr(&form, "#assist-form input[name=csrf_token]", "value");
    let space = common::attr(&form, "#assist-space option", "value");
    let started = common::post_form(
        server,
        "/fn/begin_assistance",
        &operator,
        &[
            ("citizen", NEW_WORKER),
            ("space", &space),
            ("method", "paper"),
            ("reference", "MOD-2026-0099"),
            ("csrf_token", &token),
        ],
    )
    .await;
    assert!(started.starts_with("/area-personale"), "{started}");
    fill_application(server, &operator).await;
    let operator_id = scalar(
        db,
        "SELECT id FROM users WHERE email = 'operatore@demo.wemi.example'",
    )
    .await;
    let worker_id = scalar(
        db,
        &format!("SELECT id FROM users WHERE email = '{NEW_WORKER}'"),
    )
    .await;
    assert_eq!(
        scalar(
            db,
            &format!("SELECT assisted_by FROM worker_applications WHERE user_id = {worker_id}")
        )
        .await,
        operator_id
    );
    assert!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'domestic.application_saved' \
                 AND actor_user_id = {operator_id} AND on_behalf_of_user_id = {worker_id}"
            )
        )
        .await
            >= 7,
        "every step audited with both identities"
    );
    let (_, page) = html(
        server,
        "/lavoro-domestico/candidatura?passo=riepilogo",
        &operator,
    )
    .await;
    assert!(
        page.contains("aiuto di un operatore"),
        "the page says who filled it"
    );
}
both_engines!(assisted_application_, assisted_application);

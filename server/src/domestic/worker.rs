//! The worker's side: the application filled step by step, its documents, sending it, and the
//! proposals families (or staff) made.

use app::i18n::Locale;
use app::model::{ApplicationPage, DocumentView, FormDraft, SessionUser, WorkerProposalView};
use app::ports::{ClientInfo, DomesticError, Upload};
use domain::domestic::application::{Step, worker_can_edit};
use domain::domestic::{Fields, ROLES, WorkerApplication, minimum_hourly_cents, role_code};
use domain::money::Money;

use super::{DomesticService, audit, internal, mails, now, rome, today, views};
// (`keepable` is shared with the family's request form, which filters health data further.)
use crate::store::domestic::{self as store, Event, Searchable};

/// Largest document accepted, and how many one application holds.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_DOCUMENTS: i64 = 10;
pub const DOCUMENT_KINDS: [&str; 4] = ["identity", "permit", "course", "other"];

pub(super) fn parse_application(data: &str) -> WorkerApplication {
    serde_json::from_str(data).unwrap_or_else(|err| {
        tracing::error!(%err, "an application's stored document does not read");
        WorkerApplication::default()
    })
}

pub(super) fn draft_of(data: Option<String>) -> FormDraft {
    data.and_then(|d| serde_json::from_str(&d).ok())
        .unwrap_or_default()
}

/// The fields worth keeping in a refused form's draft (not the CSRF token).
pub(super) fn keepable(fields: &Fields) -> Vec<(String, String)> {
    fields
        .0
        .iter()
        .filter(|(k, _)| k != "csrf_token")
        .map(|(k, v)| (k.clone(), v.chars().take(2000).collect()))
        .take(400)
        .collect()
}

pub(super) fn document_views(rows: Vec<store::DocumentRow>) -> Vec<DocumentView> {
    rows.into_iter()
        .map(|d| DocumentView {
            id: d.id,
            kind: d.kind,
            filename: d.filename,
            size: d.size,
            uploaded_at: rome(d.uploaded_at),
        })
        .collect()
}

pub(super) async fn page(
    s: &DomesticService,
    who: &SessionUser,
    step: &str,
    locale: Locale,
) -> Result<ApplicationPage, DomesticError> {
    let _ = locale;
    let row = store::application_of_user(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    let doc = row
        .as_ref()
        .map(|r| parse_application(&r.data))
        .unwrap_or_default();
    let status = row
        .as_ref()
        .map_or("draft".to_string(), |r| r.status.clone());
    let documents = match &row {
        Some(r) => document_views(store::documents(&s.db, r.id).await.map_err(internal)?),
        None => Vec::new(),
    };
    let step = Step::parse(step).unwrap_or(Step::Personal);
    let draft = draft_of(
        store::form_draft(&s.db, who.user_id, &format!("application:{}", step.code()))
            .await
            .map_err(internal)?,
    );
    let expiring = doc
        .expiring_documents(today(), 60)
        .into_iter()
        .map(|(kind, date)| (kind.to_string(), date.format_it()))
        .collect();
    Ok(ApplicationPage {
        id: row.as_ref().map(|r| r.id),
        can_edit: worker_can_edit(&status),
        missing: doc.missing().iter().map(|s| s.code().to_string()).collect(),
        minimums: ROLES
            .iter()
            .map(|r| {
                (
                    role_code(*r).to_string(),
                    Money::from_cents(minimum_hourly_cents(*r)).format_it(),
                )
            })
            .collect(),
        documents,
        decision_reason: row
            .as_ref()
            .map(|r| r.decision_reason.clone())
            .unwrap_or_default(),
        interview: row.as_ref().and_then(|r| {
            r.interview_at.map(|at| {
                format!(
                    "{} — {}",
                    rome(at),
                    r.interview_space.clone().unwrap_or_default()
                )
            })
        }),
        documents_verified: row
            .as_ref()
            .is_some_and(|r| r.documents_verified_at.is_some()),
        submitted_at: row.as_ref().and_then(|r| r.submitted_at.map(rome)),
        expiring,
        draft,
        draft_step: step.code().to_string(),
        assisted: row.as_ref().is_some_and(|r| r.assisted_by.is_some()),
        status,
        doc,
    })
}

pub(super) async fn save_step(
    s: &DomesticService,
    who: &SessionUser,
    step: &str,
    fields: &Fields,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    let step = Step::parse(step).ok_or(DomesticError::Rule("unknown-step"))?;
    let row = store::application_of_user(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    if let Some(r) = &row
        && !worker_can_edit(&r.status)
    {
        return Err(DomesticError::Rule("not-editable"));
    }
    let mut doc = row
        .as_ref()
        .map(|r| parse_application(&r.data))
        .unwrap_or_default();
    let form = format!("application:{}", step.code());
    if let Err(errors) = doc.read_step(step, fields, today()) {
        let draft = FormDraft {
            fields: keepable(fields),
            errors: errors.clone(),
        };
        let json = serde_json::to_string(&draft).unwrap_or_default();
        store::save_form_draft(&s.db, who.user_id, &form, &json, now())
            .await
            .map_err(internal)?;
        return Err(DomesticError::Fields(errors));
    }
    let searchable = Searchable {
        roles: doc.roles.join(","),
        full_name: format!("{} {}", doc.first_name, doc.last_name)
            .trim()
            .to_string(),
        municipio: i64::from(doc.municipio),
    };
    let data = serde_json::to_string(&doc).map_err(|_| DomesticError::Internal)?;
    let assisted = who.assisted_by.as_ref().map(|a| a.user_id);
    if !store::save_draft(&s.db, who.user_id, &data, &searchable, assisted, now())
        .await
        .map_err(internal)?
    {
        return Err(DomesticError::Rule("not-editable"));
    }
    store::clear_form_drafts(&s.db, who.user_id, &form)
        .await
        .map_err(internal)?;
    audit(
        s,
        who,
        client,
        "domestic.application_saved",
        Some(who.user_id),
        step.code(),
        "",
    )
    .await;
    Ok(())
}

pub(super) async fn submit(
    s: &DomesticService,
    who: &SessionUser,
    locale: Locale,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    let row = store::application_of_user(&s.db, who.user_id)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::Rule("incomplete"))?;
    if !worker_can_edit(&row.status) {
        // Already sent: a repeated click changes nothing.
        return Ok(());
    }
    let doc = parse_application(&row.data);
    if !doc.missing().is_empty() {
        return Err(DomesticError::Rule("incomplete"));
    }
    let kinds: Vec<String> = store::documents(&s.db, row.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| d.kind)
        .collect();
    if !kinds.iter().any(|k| k == "identity") {
        return Err(DomesticError::Rule("identity-document-missing"));
    }
    if !doc.eu_citizen && !kinds.iter().any(|k| k == "permit") {
        return Err(DomesticError::Rule("permit-document-missing"));
    }
    let events = [Event {
        user_id: who.user_id,
        kind: "application",
        reference: row.id.to_string(),
        code: "submitted".into(),
    }];
    let mail = mails::application_submitted(s, &row.email, &row.name, locale);
    if store::submit(&s.db, row.id, who.user_id, &events, &[mail], now())
        .await
        .map_err(internal)?
    {
        s.mail.wake();
        audit(
            s,
            who,
            client,
            "domestic.application_submitted",
            Some(who.user_id),
            &row.id.to_string(),
            "",
        )
        .await;
    }
    Ok(())
}

/// The file's type from its first bytes: PDF, JPEG or PNG only.
pub(super) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}

/// The last part of a path a browser sent, printable, at most 100 characters.
fn file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(100)
        .collect();
    if clean.trim().is_empty() {
        "documento".into()
    } else {
        clean
    }
}

pub(super) async fn upload(
    s: &DomesticService,
    who: &SessionUser,
    upload: Upload,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    if !DOCUMENT_KINDS.contains(&upload.kind.as_str()) {
        return Err(DomesticError::Rule("document-kind"));
    }
    if upload.bytes.is_empty() {
        return Err(DomesticError::Rule("document-empty"));
    }
    if upload.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DomesticError::Rule("document-too-large"));
    }
    let content_type = sniff(&upload.bytes).ok_or(DomesticError::Rule("document-type"))?;
    let row = store::application_of_user(&s.db, who.user_id)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::Rule("save-first"))?;
    if !worker_can_edit(&row.status) {
        return Err(DomesticError::Rule("not-editable"));
    }
    let name = file_name(&upload.filename);
    if !store::add_document(
        &s.db,
        row.id,
        &upload.kind,
        &name,
        content_type,
        &upload.bytes,
        MAX_DOCUMENTS,
        now(),
    )
    .await
    .map_err(internal)?
    {
        return Err(DomesticError::Rule("too-many-documents"));
    }
    audit(
        s,
        who,
        client,
        "domestic.document_uploaded",
        Some(who.user_id),
        &upload.kind,
        "",
    )
    .await;
    Ok(())
}

pub(super) async fn delete_document(
    s: &DomesticService,
    who: &SessionUser,
    id: i64,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    if !store::delete_document(&s.db, id, who.user_id)
        .await
        .map_err(internal)?
    {
        return Err(DomesticError::NotFound);
    }
    audit(
        s,
        who,
        client,
        "domestic.document_deleted",
        Some(who.user_id),
        &id.to_string(),
        "",
    )
    .await;
    Ok(())
}

pub(super) async fn document(
    s: &DomesticService,
    who: &SessionUser,
    id: i64,
    client: &ClientInfo,
) -> Result<(String, String, Vec<u8>), DomesticError> {
    let (owner, application, filename, content_type, bytes) = store::document_file(&s.db, id)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    if owner != who.user_id {
        if !super::is_staff(who) {
            return Err(DomesticError::NotFound);
        }
        audit(
            s,
            who,
            client,
            "domestic.document_viewed",
            Some(owner),
            &format!("application:{application} document:{id}"),
            "validation",
        )
        .await;
    }
    Ok((filename, content_type, bytes))
}

pub(super) async fn proposals(
    s: &DomesticService,
    who: &SessionUser,
    locale: Locale,
) -> Result<Vec<WorkerProposalView>, DomesticError> {
    let Some(row) = store::application_of_user(&s.db, who.user_id)
        .await
        .map_err(internal)?
    else {
        return Ok(Vec::new());
    };
    Ok(store::proposals_of_application(&s.db, row.id)
        .await
        .map_err(internal)?
        .iter()
        .map(|p| views::worker_proposal(p, locale))
        .collect())
}

pub(super) async fn remind_expiring_documents(s: &DomesticService) -> Result<usize, DomesticError> {
    // Forms typed and abandoned are not kept longer than a week.
    store::forget_old_drafts(&s.db, now() - time::Duration::days(7))
        .await
        .map_err(internal)?;
    let since = now() - time::Duration::days(30);
    let rows = store::not_recently_reminded(&s.db, since)
        .await
        .map_err(internal)?;
    let mut sent = 0;
    for (id, data, email, name, locale) in rows {
        let doc = parse_application(&data);
        let expiring = doc.expiring_documents(today(), 60);
        if expiring.is_empty() {
            continue;
        }
        let locale = Locale::from_param(Some(&locale));
        let mail = mails::documents_expiring(s, &email, &name, locale, &expiring);
        store::mark_reminded(&s.db, id, &mail, now())
            .await
            .map_err(internal)?;
        sent += 1;
    }
    if sent > 0 {
        s.mail.wake();
    }
    Ok(sent)
}

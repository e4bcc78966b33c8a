//! Domestic work (both engines): applications with their documents, families' requests,
//! proposals, the events of the notification centre and refused forms' drafts. Writes that
//! come with an e-mail queue it in the same transaction; state changes are guarded by the
//! state they start from, so two racing clicks move a proposal once.

use app::ports::StoreError;
use time::OffsetDateTime;

use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

/// A line of the notification centre, written with the change it reports.
#[derive(Clone, Debug)]
pub struct Event {
    pub user_id: i64,
    /// `application`, `proposal`, `request`.
    pub kind: &'static str,
    pub reference: String,
    pub code: String,
}

macro_rules! write_events_and_mails {
    ($tx:expr, $events:expr, $mails:expr, $now:expr) => {{
        for e in $events {
            sqlx::query(
                "INSERT INTO domestic_events (user_id, kind, reference, code, at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(e.user_id)
            .bind(e.kind)
            .bind(&e.reference)
            .bind(&e.code)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        }
        for m in $mails {
            enqueue_in(&mut *$tx, m).await?;
        }
    }};
}

// ---------------------------------------------------------------- applications

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub user_id: i64,
    pub status: String,
    pub data: String,
    pub decision_reason: String,
    pub decided_at: Option<OffsetDateTime>,
    pub ratings: String,
    pub documents_verified_at: Option<OffsetDateTime>,
    pub interview_at: Option<OffsetDateTime>,
    pub interview_space: Option<String>,
    pub engaged: bool,
    pub assisted_by: Option<i64>,
    pub submitted_at: Option<OffsetDateTime>,
    pub email: String,
    pub name: String,
    pub locale: String,
}

const APPLICATION: &str = "SELECT a.id, a.user_id, a.status, a.data, a.decision_reason, \
     a.decided_at, a.ratings, a.documents_verified_at, a.interview_at, \
     s.name || ' — ' || s.address AS interview_space, a.engaged, a.assisted_by, a.submitted_at, \
     u.email, u.name, COALESCE(u.locale, 'it') AS locale \
     FROM worker_applications a JOIN users u ON u.id = a.user_id \
     LEFT JOIN spaces s ON s.id = a.interview_space_id";

pub async fn application_of_user(
    db: &Db,
    user_id: i64,
) -> Result<Option<ApplicationRow>, StoreError> {
    let sql = format!("{APPLICATION} WHERE a.user_id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ApplicationRow>(&sql)
        .bind(user_id).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn application(db: &Db, id: i64) -> Result<Option<ApplicationRow>, StoreError> {
    let sql = format!("{APPLICATION} WHERE a.id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ApplicationRow>(&sql)
        .bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

/// The searchable copies of an application's document.
#[derive(Clone, Debug, Default)]
pub struct Searchable {
    pub roles: String,
    pub full_name: String,
    pub municipio: i64,
}

/// Creates or updates the worker's draft; refused (false) once it is no longer editable.
pub async fn save_draft(
    db: &Db,
    user_id: i64,
    data: &str,
    s: &Searchable,
    assisted_by: Option<i64>,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = on_pool!(db, pool => sqlx::query(
        "INSERT INTO worker_applications (user_id, status, data, roles, full_name, municipio, \
           assisted_by, created_at, updated_at) \
         VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $7) \
         ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, roles = excluded.roles, \
           full_name = excluded.full_name, municipio = excluded.municipio, \
           assisted_by = COALESCE(excluded.assisted_by, worker_applications.assisted_by), \
           version = worker_applications.version + 1, updated_at = excluded.updated_at \
         WHERE worker_applications.status IN ('draft', 'suspended')"
    )
    .bind(user_id).bind(data).bind(&s.roles).bind(&s.full_name).bind(s.municipio)
    .bind(assisted_by).bind(now)
    .execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)?;
    Ok(done == 1)
}

/// Sends a draft (or a suspended application, corrected) to the city: status, the worker role,
/// the event and the e-mails, in one transaction. False when it was not editable any more.
pub async fn submit(
    db: &Db,
    id: i64,
    user_id: i64,
    events: &[Event],
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE worker_applications SET status = 'submitted', submitted_at = $2, \
             updated_at = $2, version = version + 1 \
             WHERE id = $1 AND status IN ('draft', 'suspended')",
        )
        .bind(id).bind(now).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, scope_id) VALUES ($1, 'worker', 0) \
             ON CONFLICT DO NOTHING",
        )
        .bind(user_id).execute(&mut *tx).await?;
        write_events_and_mails!(tx, events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    }.await)
    .map_err(backend)
}

/// The staff's outcome: from a decidable status only.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    id: i64,
    status: &str,
    reason: &str,
    ratings: &str,
    staff: i64,
    events: &[Event],
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE worker_applications SET status = $2, decision_reason = $3, ratings = $4, \
             decided_by = $5, decided_at = $6, updated_at = $6, version = version + 1 \
             WHERE id = $1 AND status IN ('submitted', 'interview', 'suspended', 'suitable')",
        )
        .bind(id).bind(status).bind(reason).bind(ratings).bind(staff).bind(now)
        .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        write_events_and_mails!(tx, events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    }.await)
    .map_err(backend)
}

pub async fn verify_documents(
    db: &Db,
    id: i64,
    staff: i64,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE worker_applications SET documents_verified_by = $2, documents_verified_at = $3, \
         updated_at = $3 WHERE id = $1"
    ).bind(id).bind(staff).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Books the interview (a submitted application moves to `interview`).
pub async fn book_interview(
    db: &Db,
    id: i64,
    at: OffsetDateTime,
    space_id: i64,
    events: &[Event],
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE worker_applications SET interview_at = $2, interview_space_id = $3, \
             status = CASE WHEN status = 'submitted' THEN 'interview' ELSE status END, \
             updated_at = $4 WHERE id = $1 AND status IN ('submitted', 'interview', 'suspended')",
        )
        .bind(id).bind(at).bind(space_id).bind(now).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        write_events_and_mails!(tx, events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    }.await)
    .map_err(backend)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub full_name: String,
    pub roles: String,
    pub municipio: i64,
    pub status: String,
    pub submitted_at: Option<OffsetDateTime>,
    pub documents: i64,
    pub verified: bool,
}

/// Applications for the staff (drafts excluded), filtered, newest sent first.
pub async fn staff_page(
    db: &Db,
    status: Option<&str>,
    role: Option<&str>,
    municipio: Option<i64>,
    text: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<StaffRow>, i64), StoreError> {
    let like = |t: &str| {
        let escaped: String = t
            .to_lowercase()
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        format!("%{escaped}%")
    };
    let filter = "FROM worker_applications a WHERE a.status <> 'draft' \
         AND ($1 = '' OR a.status = $1) AND ($2 = '' OR a.roles LIKE $2) \
         AND ($3 = 0 OR a.municipio = $3) AND ($4 = '' OR LOWER(a.full_name) LIKE $4 ESCAPE '\\')";
    let status = status.unwrap_or("").to_string();
    let role = role.map(|r| format!("%{r}%")).unwrap_or_default();
    let municipio = municipio.unwrap_or(0);
    let text = text
        .filter(|t| !t.trim().is_empty())
        .map(|t| like(t.trim()))
        .unwrap_or_default();
    let rows_sql = format!(
        "SELECT a.id, a.full_name, a.roles, a.municipio, a.status, a.submitted_at, \
         (SELECT COUNT(*) FROM worker_documents d WHERE d.application_id = a.id) AS documents, \
         (a.documents_verified_at IS NOT NULL) AS verified {filter} \
         ORDER BY a.submitted_at DESC, a.id DESC LIMIT $5 OFFSET $6"
    );
    let count_sql = format!("SELECT COUNT(*) {filter}");
    on_pool!(db, pool => async {
        let rows = sqlx::query_as::<_, StaffRow>(&rows_sql)
            .bind(&status).bind(&role).bind(municipio).bind(&text).bind(limit).bind(offset)
            .fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count_sql)
            .bind(&status).bind(&role).bind(municipio).bind(&text)
            .fetch_one(pool).await?;
        Ok::<_, sqlx::Error>((rows, total))
    }.await)
    .map_err(backend)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CandidateRow {
    pub id: i64,
    pub status: String,
    pub data: String,
    pub ratings: String,
    pub engaged: bool,
}

/// Applications with a role, for the engine: the validated ones, or (staff, `all`) every
/// sent one so the exclusions can be shown.
pub async fn candidates(db: &Db, role: &str, all: bool) -> Result<Vec<CandidateRow>, StoreError> {
    let statuses = if all {
        "('submitted', 'interview', 'suitable', 'not_suitable', 'suspended')"
    } else {
        "('suitable')"
    };
    let sql = format!(
        "SELECT id, status, data, ratings, engaged FROM worker_applications \
         WHERE status IN {statuses} AND roles LIKE $1 ORDER BY id"
    );
    on_pool!(db, pool => sqlx::query_as::<_, CandidateRow>(&sql)
        .bind(format!("%{role}%")).fetch_all(pool).await)
    .map_err(backend)
}

/// Applications whose documents expire soon and were not reminded in the last `days` days:
/// (id, user_id, data, email, name, locale).
pub async fn not_recently_reminded(
    db: &Db,
    since: OffsetDateTime,
) -> Result<Vec<(i64, String, String, String, String)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT a.id, a.data, u.email, u.name, COALESCE(u.locale, 'it') \
         FROM worker_applications a JOIN users u ON u.id = a.user_id \
         WHERE a.status IN ('submitted', 'interview', 'suitable', 'suspended') \
         AND (a.expiry_reminded_at IS NULL OR a.expiry_reminded_at < $1)"
    ).bind(since).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn mark_reminded(
    db: &Db,
    id: i64,
    mail: &OutgoingMail,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE worker_applications SET expiry_reminded_at = $2 WHERE id = $1")
            .bind(id).bind(now).execute(&mut *tx).await?;
        enqueue_in(&mut *tx, mail).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(())
    }.await)
    .map_err(backend)
}

// ---------------------------------------------------------------- documents

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DocumentRow {
    pub id: i64,
    pub kind: String,
    pub filename: String,
    pub size: i64,
    pub uploaded_at: OffsetDateTime,
}

pub async fn documents(db: &Db, application_id: i64) -> Result<Vec<DocumentRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, DocumentRow>(
        "SELECT id, kind, filename, size, uploaded_at FROM worker_documents \
         WHERE application_id = $1 ORDER BY id"
    ).bind(application_id).fetch_all(pool).await)
    .map_err(backend)
}

/// Adds a document unless the application already holds `max` of them.
#[allow(clippy::too_many_arguments)]
pub async fn add_document(
    db: &Db,
    application_id: i64,
    kind: &str,
    filename: &str,
    content_type: &str,
    bytes: &[u8],
    max: i64,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = on_pool!(db, pool => sqlx::query(
        "INSERT INTO worker_documents (application_id, kind, filename, content_type, size, \
           content, uploaded_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7 \
         WHERE (SELECT COUNT(*) FROM worker_documents WHERE application_id = $1) < $8"
    )
    .bind(application_id).bind(kind).bind(filename).bind(content_type)
    .bind(bytes.len() as i64).bind(bytes).bind(now).bind(max)
    .execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)?;
    Ok(done == 1)
}

/// A document's file with its owner: (owner user id, application id, filename, content type,
/// bytes).
pub async fn document_file(
    db: &Db,
    id: i64,
) -> Result<Option<(i64, i64, String, String, Vec<u8>)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT a.user_id, a.id, d.filename, d.content_type, d.content \
         FROM worker_documents d JOIN worker_applications a ON a.id = d.application_id \
         WHERE d.id = $1"
    ).bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

/// Removes one of the worker's documents while the application is editable.
pub async fn delete_document(db: &Db, id: i64, user_id: i64) -> Result<bool, StoreError> {
    let done = on_pool!(db, pool => sqlx::query(
        "DELETE FROM worker_documents WHERE id = $1 AND application_id IN \
         (SELECT id FROM worker_applications WHERE user_id = $2 \
          AND status IN ('draft', 'suspended'))"
    ).bind(id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)?;
    Ok(done == 1)
}

// ---------------------------------------------------------------- refused forms

pub async fn save_form_draft(
    db: &Db,
    user_id: i64,
    form: &str,
    data: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO form_drafts (user_id, form, data, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, form) DO UPDATE SET data = excluded.data, \
         updated_at = excluded.updated_at"
    ).bind(user_id).bind(form).bind(data).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

pub async fn form_draft(db: &Db, user_id: i64, form: &str) -> Result<Option<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(
        "SELECT data FROM form_drafts WHERE user_id = $1 AND form = $2"
    ).bind(user_id).bind(form).fetch_optional(pool).await)
    .map_err(backend)
}

/// Forgets the refused or previewed forms nobody came back to since `before`.
pub async fn forget_old_drafts(db: &Db, before: OffsetDateTime) -> Result<u64, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM form_drafts WHERE updated_at < $1")
        .bind(before).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)
}

/// Drops the person's refused forms whose name starts with `prefix`.
pub async fn clear_form_drafts(db: &Db, user_id: i64, prefix: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "DELETE FROM form_drafts WHERE user_id = $1 AND form LIKE $2"
    ).bind(user_id).bind(format!("{prefix}%")).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

// ---------------------------------------------------------------- requests

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub reference: String,
    pub user_id: i64,
    pub state: String,
    pub data: String,
    pub role: String,
    pub municipio: i64,
    pub service_rating: Option<i64>,
    pub service_feedback: String,
    pub created_at: OffsetDateTime,
    pub family_name: String,
    pub family_email: String,
    pub family_phone: String,
    pub family_locale: String,
    pub proposals: i64,
}

const REQUEST: &str = "SELECT r.id, r.reference, r.user_id, r.state, r.data, r.role, \
     r.municipio, r.service_rating, r.service_feedback, r.created_at, u.name AS family_name, \
     u.email AS family_email, u.phone AS family_phone, \
     COALESCE(u.locale, 'it') AS family_locale, \
     (SELECT COUNT(*) FROM match_proposals p WHERE p.request_id = r.id) AS proposals \
     FROM family_requests r JOIN users u ON u.id = r.user_id";

/// Inserts a request; the same submission key returns the reference already stored.
#[allow(clippy::too_many_arguments)]
pub async fn insert_request(
    db: &Db,
    reference: &str,
    user_id: i64,
    data: &str,
    role: &str,
    municipio: i64,
    key: &str,
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<String, StoreError> {
    let result = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO family_requests (reference, user_id, data, role, municipio, submit_key, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(reference).bind(user_id).bind(data).bind(role).bind(municipio).bind(key)
        .bind(now).execute(&mut *tx).await?;
        let no_events: [Event; 0] = [];
        write_events_and_mails!(tx, &no_events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(())
    }.await);
    match result {
        Ok(()) => Ok(reference.to_string()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            let existing: Option<String> = on_pool!(db, pool => sqlx::query_scalar(
                "SELECT reference FROM family_requests WHERE submit_key = $1 AND user_id = $2"
            ).bind(key).bind(user_id).fetch_optional(pool).await)
            .map_err(backend)?;
            existing.ok_or_else(|| StoreError::Conflict("submit key".into()))
        }
        Err(e) => Err(backend(e)),
    }
}

pub async fn request(db: &Db, reference: &str) -> Result<Option<RequestRow>, StoreError> {
    let sql = format!("{REQUEST} WHERE r.reference = $1");
    on_pool!(db, pool => sqlx::query_as::<_, RequestRow>(&sql)
        .bind(reference).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn requests_of(db: &Db, user_id: i64) -> Result<Vec<RequestRow>, StoreError> {
    let sql = format!("{REQUEST} WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id DESC");
    on_pool!(db, pool => sqlx::query_as::<_, RequestRow>(&sql)
        .bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn all_requests(db: &Db, state: Option<&str>) -> Result<Vec<RequestRow>, StoreError> {
    let sql = format!(
        "{REQUEST} WHERE ($1 = '' OR r.state = $1) ORDER BY r.created_at DESC, r.id DESC LIMIT 500"
    );
    on_pool!(db, pool => sqlx::query_as::<_, RequestRow>(&sql)
        .bind(state.unwrap_or("")).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn close_request(db: &Db, id: i64, now: OffsetDateTime) -> Result<bool, StoreError> {
    let done = on_pool!(db, pool => sqlx::query(
        "UPDATE family_requests SET state = 'closed', closed_at = $2 WHERE id = $1 AND state = 'open'"
    ).bind(id).bind(now).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)?;
    Ok(done == 1)
}

pub async fn service_feedback(db: &Db, id: i64, rating: i64, text: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE family_requests SET service_rating = $2, service_feedback = $3 WHERE id = $1"
    ).bind(id).bind(rating).bind(text).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

// ---------------------------------------------------------------- proposals

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ProposalRow {
    pub id: i64,
    pub request_id: i64,
    pub application_id: i64,
    pub state: String,
    pub proposed_by: String,
    pub score: i64,
    pub reasons: String,
    pub reason: String,
    pub hiring_mode: Option<String>,
    pub worker_rating: Option<i64>,
    pub worker_feedback: String,
    pub version: i64,
    pub created_at: OffsetDateTime,
    // The worker.
    pub worker_user_id: i64,
    pub worker_name: String,
    pub worker_email: String,
    pub worker_locale: String,
    pub worker_data: String,
    // The request.
    pub reference: String,
    pub family_user_id: i64,
    pub family_name: String,
    pub family_email: String,
    pub family_phone: String,
    pub family_locale: String,
    pub request_data: String,
}

const PROPOSAL: &str = "SELECT p.id, p.request_id, p.application_id, p.state, p.proposed_by, \
     p.score, p.reasons, p.reason, p.hiring_mode, p.worker_rating, p.worker_feedback, p.version, \
     p.created_at, a.user_id AS worker_user_id, wu.name AS worker_name, \
     wu.email AS worker_email, COALESCE(wu.locale, 'it') AS worker_locale, a.data AS worker_data, \
     r.reference, r.user_id AS family_user_id, fu.name AS family_name, \
     fu.email AS family_email, fu.phone AS family_phone, \
     COALESCE(fu.locale, 'it') AS family_locale, r.data AS request_data \
     FROM match_proposals p JOIN worker_applications a ON a.id = p.application_id \
     JOIN users wu ON wu.id = a.user_id JOIN family_requests r ON r.id = p.request_id \
     JOIN users fu ON fu.id = r.user_id";

pub async fn proposals_of_request(
    db: &Db,
    request_id: i64,
) -> Result<Vec<ProposalRow>, StoreError> {
    let sql = format!("{PROPOSAL} WHERE p.request_id = $1 ORDER BY p.created_at, p.id");
    on_pool!(db, pool => sqlx::query_as::<_, ProposalRow>(&sql)
        .bind(request_id).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn proposals_of_application(
    db: &Db,
    application_id: i64,
) -> Result<Vec<ProposalRow>, StoreError> {
    let sql =
        format!("{PROPOSAL} WHERE p.application_id = $1 ORDER BY p.created_at DESC, p.id DESC");
    on_pool!(db, pool => sqlx::query_as::<_, ProposalRow>(&sql)
        .bind(application_id).fetch_all(pool).await)
    .map_err(backend)
}

pub async fn proposal(db: &Db, id: i64) -> Result<Option<ProposalRow>, StoreError> {
    let sql = format!("{PROPOSAL} WHERE p.id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ProposalRow>(&sql)
        .bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

/// What an insert ran into.
#[derive(Debug, PartialEq, Eq)]
pub enum Proposed {
    Ok,
    /// This worker was already proposed for this request.
    Already,
    /// The request has as many open proposals as allowed, or is closed.
    Full,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_proposal(
    db: &Db,
    request_id: i64,
    application_id: i64,
    by: &str,
    by_user: i64,
    score: i64,
    reasons: &str,
    max_open: i64,
    events: &[Event],
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<Proposed, StoreError> {
    let result = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "INSERT INTO match_proposals (request_id, application_id, state, proposed_by, \
               proposed_by_user, score, reasons, created_at) \
             SELECT $1, $2, 'proposed', $3, $4, $5, $6, $7 \
             WHERE (SELECT COUNT(*) FROM match_proposals WHERE request_id = $1 \
                    AND state IN ('proposed', 'accepted')) < $8 \
             AND EXISTS (SELECT 1 FROM family_requests WHERE id = $1 AND state = 'open')",
        )
        .bind(request_id).bind(application_id).bind(by).bind(by_user).bind(score)
        .bind(reasons).bind(now).bind(max_open)
        .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Ok(Proposed::Full);
        }
        write_events_and_mails!(tx, events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Proposed::Ok)
    }.await);
    match result {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(Proposed::Already),
        other => other.map_err(backend),
    }
}

/// Moves a proposal from the state it was read in (`version` guards against a racing
/// change); a hire also marks the worker engaged. False when something else moved it first.
#[allow(clippy::too_many_arguments)]
pub async fn move_proposal(
    db: &Db,
    id: i64,
    version: i64,
    state: &str,
    reason: &str,
    hiring_mode: Option<&str>,
    engage_application: Option<i64>,
    events: &[Event],
    mails: &[OutgoingMail],
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "UPDATE match_proposals SET state = $3, reason = $4, hiring_mode = $5, \
             version = version + 1, \
             answered_at = CASE WHEN $3 IN ('accepted', 'declined') THEN $6 ELSE answered_at END, \
             closed_at = CASE WHEN $3 IN ('declined', 'withdrawn', 'hired', 'not_hired') \
               THEN $6 ELSE closed_at END \
             WHERE id = $1 AND version = $2",
        )
        .bind(id).bind(version).bind(state).bind(reason).bind(hiring_mode).bind(now)
        .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        if let Some(application) = engage_application {
            sqlx::query("UPDATE worker_applications SET engaged = TRUE WHERE id = $1")
                .bind(application).execute(&mut *tx).await?;
        }
        write_events_and_mails!(tx, events, mails, now);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    }.await)
    .map_err(backend)
}

pub async fn worker_feedback(db: &Db, id: i64, rating: i64, text: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE match_proposals SET worker_rating = $2, worker_feedback = $3 WHERE id = $1"
    ).bind(id).bind(rating).bind(text).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

// ---------------------------------------------------------------- the person's own data

/// Everything domestic work holds about a person, for their GDPR export: the application (with
/// the list of documents, not their contents), the requests and the proposals on both.
pub async fn export_of(db: &Db, user_id: i64) -> Result<serde_json::Value, StoreError> {
    use serde_json::{Value, json};
    let application = application_of_user(db, user_id).await?;
    let mut out = serde_json::Map::new();
    if let Some(a) = &application {
        let docs = documents(db, a.id).await?;
        let proposals = proposals_of_application(db, a.id).await?;
        out.insert(
            "application".into(),
            json!({
                "status": a.status,
                "submitted_at": a.submitted_at.map(super::accounts::rfc3339),
                "decision_reason": a.decision_reason,
                "ratings": serde_json::from_str::<Value>(&a.ratings).unwrap_or(Value::Null),
                "data": serde_json::from_str::<Value>(&a.data).unwrap_or(Value::Null),
                "documents": docs.iter().map(|d| json!({
                    "kind": d.kind, "filename": d.filename, "size": d.size,
                    "uploaded_at": super::accounts::rfc3339(d.uploaded_at),
                })).collect::<Vec<_>>(),
                "proposals_received": proposals.iter().map(|p| json!({
                    "request": p.reference, "state": p.state, "reason": p.reason,
                    "created_at": super::accounts::rfc3339(p.created_at),
                })).collect::<Vec<_>>(),
            }),
        );
    }
    let mut requests = Vec::new();
    for r in requests_of(db, user_id).await? {
        let proposals = proposals_of_request(db, r.id).await?;
        requests.push(json!({
            "reference": r.reference, "state": r.state,
            "created_at": super::accounts::rfc3339(r.created_at),
            "data": serde_json::from_str::<Value>(&r.data).unwrap_or(Value::Null),
            "service_rating": r.service_rating, "service_feedback": r.service_feedback,
            "proposals": proposals.iter().map(|p| json!({
                "state": p.state, "hiring_mode": p.hiring_mode, "reason": p.reason,
                "worker_rating": p.worker_rating, "worker_feedback": p.worker_feedback,
                "created_at": super::accounts::rfc3339(p.created_at),
            })).collect::<Vec<_>>(),
        }));
    }
    out.insert("requests".into(), Value::Array(requests));
    Ok(Value::Object(out))
}

//! The audit log: append-only (the database refuses updates and deletes, see migration 0005).

use app::model::{AuditEvent, PageRequest, Paged};
use app::ports::StoreError;
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::{Db, backend, on_pool};

/// One event to record. `actor` did `action` on `subject` (a person) or `target` (anything
/// else), possibly for `on_behalf_of` (assisted mode), for `reason`.
#[derive(Clone, Debug, Default)]
pub struct Entry<'a> {
    pub actor: Option<i64>,
    pub on_behalf_of: Option<i64>,
    pub action: &'a str,
    pub subject: Option<i64>,
    pub target: &'a str,
    pub reason: &'a str,
    pub ip: &'a str,
    pub request_id: &'a str,
}

pub async fn record(db: &Db, e: &Entry<'_>, now: OffsetDateTime) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, on_behalf_of_user_id, action, subject_user_id, \
         target, reason, ip, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(now).bind(e.actor).bind(e.on_behalf_of).bind(e.action).bind(e.subject)
    .bind(e.target).bind(e.reason).bind(e.ip).bind(e.request_id)
    .execute(pool).await.map(|_| ()))
    .map_err(backend)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: OffsetDateTime,
    actor_user_id: Option<i64>,
    actor_name: Option<String>,
    on_behalf_of_user_id: Option<i64>,
    action: String,
    subject_user_id: Option<i64>,
    target: String,
    reason: String,
    ip: String,
}

impl From<Row> for AuditEvent {
    fn from(r: Row) -> AuditEvent {
        AuditEvent {
            id: r.id,
            at: rfc3339(r.at),
            actor_user_id: r.actor_user_id,
            actor_name: r.actor_name,
            on_behalf_of_user_id: r.on_behalf_of_user_id,
            action: r.action,
            subject_user_id: r.subject_user_id,
            target: r.target,
            reason: r.reason,
            ip: r.ip,
        }
    }
}

const SELECT: &str = "SELECT a.id, a.at, a.actor_user_id, u.name AS actor_name, \
     a.on_behalf_of_user_id, a.action, a.subject_user_id, a.target, a.reason, a.ip \
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id";

/// Newest first, optionally only the events about or by one person.
pub async fn page(
    db: &Db,
    person: Option<i64>,
    page: PageRequest,
) -> Result<Paged<AuditEvent>, StoreError> {
    let filter = if person.is_some() {
        " WHERE (a.subject_user_id = $1 OR a.actor_user_id = $1 OR a.on_behalf_of_user_id = $1)"
    } else {
        " WHERE $1 = $1"
    };
    let person_id = person.unwrap_or(0);
    let (total, rows) = on_pool!(db, pool => {
        let total: Result<i64, _> = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log a{filter}"))
            .bind(person_id).fetch_one(pool).await;
        let rows = sqlx::query_as::<_, Row>(&format!("{SELECT}{filter} ORDER BY a.id DESC LIMIT $2 OFFSET $3"))
            .bind(person_id)
            .bind(i64::from(page.per_page))
            .bind(page.offset())
            .fetch_all(pool)
            .await;
        (total, rows)
    });
    Ok(Paged {
        total: total.map_err(backend)?,
        page: page.page,
        per_page: page.per_page,
        items: rows
            .map_err(backend)?
            .into_iter()
            .map(AuditEvent::from)
            .collect(),
    })
}

/// Records what a session did, for the action's sake never failing it (a failure is logged):
/// in assisted mode the operator is the actor, acting for the citizen whose session it is.
pub async fn record_session_action(
    db: &Db,
    who: &app::model::SessionUser,
    client: &app::ports::ClientInfo,
    action: &str,
    subject: Option<i64>,
    target: &str,
    reason: &str,
) {
    let (actor, on_behalf_of) = match &who.assisted_by {
        Some(op) => (Some(op.user_id), Some(who.user_id)),
        None => (Some(who.user_id), None),
    };
    let entry = Entry {
        actor,
        on_behalf_of,
        action,
        subject,
        target,
        reason,
        ip: &client.ip,
        request_id: &client.request_id,
    };
    if let Err(err) = record(db, &entry, OffsetDateTime::now_utc()).await {
        tracing::error!(%err, action, "audit of an action failed");
    }
}

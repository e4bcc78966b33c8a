//! Accounts, sessions, one-time tokens and login failures (both engines).

use app::model::{ConsentRecord, Profile};
use app::ports::StoreError;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Db, backend, on_pool};

/// A user row as authentication needs it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub status: String,
    pub email_verified_at: Option<OffsetDateTime>,
    pub locale: String,
    pub fiscal_code: Option<String>,
    pub phone: String,
}

macro_rules! select_user {
    ($where:literal) => {
        concat!(
            "SELECT id, email, name, password_hash, status, email_verified_at, locale, ",
            "fiscal_code, phone FROM users WHERE ",
            $where
        )
    };
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<UserRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, UserRow>(select_user!("email = $1")).bind(email).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<UserRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, UserRow>(select_user!("id = $1")).bind(id).fetch_optional(pool).await)
        .map_err(backend)
}

pub async fn user_by_fiscal_code(db: &Db, code: &str) -> Result<Option<UserRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, UserRow>(select_user!("fiscal_code = $1")).bind(code).fetch_optional(pool).await)
        .map_err(backend)
}

/// The stored `(role, scope_id)` rows of a user.
pub async fn roles(db: &Db, user_id: i64) -> Result<Vec<(String, i64)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, (String, i64)>(
        "SELECT role, scope_id FROM user_roles WHERE user_id = $1 ORDER BY role, scope_id"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

/// A new account, its citizen role and its accepted privacy notice.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: Option<&'a str>,
    pub fiscal_code: Option<&'a str>,
    pub locale: &'a str,
    pub email_verified: bool,
    pub privacy_version: &'a str,
}

/// Creates the account; `Conflict` when the e-mail (or fiscal code) is already registered.
pub async fn create_user(
    db: &Db,
    user: &NewUser<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    let verified = user.email_verified.then_some(now);
    let result: Result<i64, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, name, password_hash, fiscal_code, locale, email_verified_at, \
             password_changed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(user.email)
        .bind(user.name)
        .bind(user.password_hash)
        .bind(user.fiscal_code)
        .bind(user.locale)
        .bind(verified)
        .bind(user.password_hash.map(|_| now))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO user_roles (user_id, role, scope_id) VALUES ($1, 'citizen', 0)")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO consents (user_id, kind, version, accepted_at) VALUES ($1, 'privacy', $2, $3)",
        )
        .bind(id)
        .bind(user.privacy_version)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }.await);
    result.map_err(|err| match &err {
        sqlx::Error::Database(e) if e.is_unique_violation() => {
            StoreError::Conflict("account already exists".into())
        }
        _ => backend(err),
    })
}

pub async fn set_password(
    db: &Db,
    user_id: i64,
    hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3"
    ).bind(hash).bind(now).bind(user_id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

pub async fn mark_email_verified(
    db: &Db,
    user_id: i64,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2"
    ).bind(now).bind(user_id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Links a digital identity (fiscal code) to an account; `Conflict` if another account has it.
pub async fn link_fiscal_code(db: &Db, user_id: i64, code: &str) -> Result<(), StoreError> {
    let result = on_pool!(db, pool => sqlx::query(
        "UPDATE users SET fiscal_code = $1 WHERE id = $2"
    ).bind(code).bind(user_id).execute(pool).await.map(|_| ()));
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Conflict(
            "fiscal code linked to another account".into(),
        )),
        Err(err) => Err(backend(err)),
    }
}

// --- Sessions ---------------------------------------------------------------------------

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub auth_method: &'a str,
    pub expires_at: OffsetDateTime,
    pub kiosk_device_id: Option<i64>,
    pub ip: &'a str,
    pub user_agent: &'a str,
}

pub async fn create_session(
    db: &Db,
    s: &NewSession<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, auth_method, created_at, \
         last_seen_at, expires_at, kiosk_device_id, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(s.token_hash)
    .bind(s.user_id)
    .bind(s.csrf_token)
    .bind(s.auth_method)
    .bind(now)
    .bind(s.expires_at)
    .bind(s.kiosk_device_id)
    .bind(s.ip)
    .bind(s.user_agent)
    .fetch_one(pool)
    .await)
    .map_err(backend)
}

/// A live session with the person it belongs to (and, in assisted mode, the citizen).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub acting_for_user_id: Option<i64>,
    pub assisted_until: Option<OffsetDateTime>,
    pub kiosk_device_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub status: String,
    pub acting_for_name: Option<String>,
}

pub async fn session_by_token_hash(
    db: &Db,
    token_hash: &str,
) -> Result<Option<SessionRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, SessionRow>(
        "SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, \
         s.acting_for_user_id, s.assisted_until, s.kiosk_device_id, u.name, u.email, u.status, \
         c.name AS acting_for_name \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN users c ON c.id = s.acting_for_user_id \
         WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await)
    .map_err(backend)
}

pub async fn touch_session(db: &Db, id: i64, now: OffsetDateTime) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now).bind(id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Ends a session; true when it existed.
pub async fn delete_session(db: &Db, id: i64) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id).execute(pool).await.map(|r| r.rows_affected() > 0))
    .map_err(backend)
}

/// Ends every session of a user but `keep` (after a password change or reset).
pub async fn delete_user_sessions(
    db: &Db,
    user_id: i64,
    keep: Option<i64>,
) -> Result<u64, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id).bind(keep.unwrap_or(0)).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)
}

/// Removes sessions past their absolute end (a periodic clean-up; expiry itself is checked on
/// every request).
pub async fn purge_expired_sessions(db: &Db, now: OffsetDateTime) -> Result<u64, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)
}

// --- One-time tokens --------------------------------------------------------------------

pub async fn create_token(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    purpose: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)"
    ).bind(token_hash).bind(user_id).bind(purpose).bind(now).bind(expires_at)
    .execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Uses a token once: the user it belongs to, or `None` when unknown, used or expired. One
/// statement, so two concurrent uses cannot both succeed.
pub async fn consume_token(
    db: &Db,
    token_hash: &str,
    purpose: &str,
    now: OffsetDateTime,
) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "UPDATE one_time_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id"
    ).bind(now).bind(token_hash).bind(purpose).fetch_optional(pool).await)
    .map_err(backend)
}

/// Whether a token is still usable (a reset page checks before showing the form).
pub async fn token_is_valid(
    db: &Db,
    token_hash: &str,
    purpose: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM one_time_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3"
    ).bind(token_hash).bind(purpose).bind(now).fetch_one(pool).await.map(|n| n > 0))
    .map_err(backend)
}

// --- Login throttling -------------------------------------------------------------------

/// Records a login attempt as failed (before the password is checked, so parallel attempts
/// see each other); returns its id, to forget it if the password turns out right.
pub async fn record_login_failure(
    db: &Db,
    email: &str,
    ip: &str,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3) RETURNING id"
    ).bind(email).bind(ip).bind(now).fetch_one(pool).await)
    .map_err(backend)
}

pub async fn forget_login_failure(db: &Db, id: i64) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Failures since `since`: for the account, for the address, and the oldest of them.
pub async fn login_failures(
    db: &Db,
    email: &str,
    ip: &str,
    since: OffsetDateTime,
) -> Result<(i64, i64, Option<OffsetDateTime>), StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, (i64, i64, Option<OffsetDateTime>)>(
        "SELECT \
           (SELECT COUNT(*) FROM login_failures WHERE email = $1 AND at > $3), \
           (SELECT COUNT(*) FROM login_failures WHERE ip = $2 AND at > $3), \
           (SELECT MIN(at) FROM login_failures WHERE (email = $1 OR ip = $2) AND at > $3)"
    ).bind(email).bind(ip).bind(since).fetch_one(pool).await)
    .map_err(backend)
}

/// Forgets failures older than the window.
pub async fn purge_login_failures(db: &Db, before: OffsetDateTime) -> Result<u64, StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(before).execute(pool).await.map(|r| r.rows_affected()))
    .map_err(backend)
}

// --- OpenID Connect logins in flight ----------------------------------------------------

/// A login with the identity broker in flight.
pub struct PendingIdentityLogin<'a> {
    pub state_hash: &'a str,
    pub nonce: &'a str,
    pub code_verifier: &'a str,
    pub return_to: &'a str,
    /// Set when a logged-in person links SPID/CIE to their account.
    pub link_user_id: Option<i64>,
}

pub async fn save_oidc_login(
    db: &Db,
    p: &PendingIdentityLogin<'_>,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, created_at, expires_at, \
         link_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(p.state_hash).bind(p.nonce).bind(p.code_verifier).bind(p.return_to).bind(now).bind(expires_at)
    .bind(p.link_user_id)
    .execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Takes (and deletes) a pending login: `(nonce, code_verifier, return_to, link_user_id)`;
/// `None` when unknown or expired, so a state is usable once.
pub async fn take_oidc_login(
    db: &Db,
    state_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<(String, String, String, Option<i64>)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, (String, String, String, Option<i64>)>(
        "DELETE FROM oidc_logins WHERE state_hash = $1 AND expires_at > $2 \
         RETURNING nonce, code_verifier, return_to, link_user_id"
    ).bind(state_hash).bind(now).fetch_optional(pool).await)
    .map_err(backend)
}

// --- Profile, GDPR ----------------------------------------------------------------------

pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

pub async fn consents(db: &Db, user_id: i64) -> Result<Vec<ConsentRecord>, StoreError> {
    let rows = on_pool!(db, pool => sqlx::query_as::<_, (String, String, OffsetDateTime)>(
        "SELECT kind, version, accepted_at FROM consents WHERE user_id = $1 ORDER BY accepted_at, id"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|(kind, version, at)| ConsentRecord {
            kind,
            version,
            accepted_at: rfc3339(at),
        })
        .collect())
}

pub async fn record_consent(
    db: &Db,
    user_id: i64,
    kind: &str,
    version: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO consents (user_id, kind, version, accepted_at) VALUES ($1, $2, $3, $4)"
    ).bind(user_id).bind(kind).bind(version).bind(now).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

pub async fn profile(db: &Db, user_id: i64) -> Result<Option<Profile>, StoreError> {
    let Some(user) = user_by_id(db, user_id).await? else {
        return Ok(None);
    };
    let due: Option<OffsetDateTime> = on_pool!(db, pool => sqlx::query_scalar(
        "SELECT deletion_due_at FROM users WHERE id = $1"
    ).bind(user_id).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(Some(Profile {
        user_id,
        name: user.name,
        email: user.email,
        phone: user.phone,
        fiscal_code: user.fiscal_code,
        locale: user.locale,
        has_password: user.password_hash.is_some(),
        deletion_due_at: due.map(rfc3339),
        consents: consents(db, user_id).await?,
    }))
}

pub async fn update_profile(
    db: &Db,
    user_id: i64,
    name: &str,
    phone: &str,
    locale: &str,
) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("UPDATE users SET name = $1, phone = $2, locale = $3 WHERE id = $4")
        .bind(name).bind(phone).bind(locale).bind(user_id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Schedules (Some) or cancels (None) the deletion of an account.
pub async fn schedule_deletion(
    db: &Db,
    user_id: i64,
    due: Option<OffsetDateTime>,
) -> Result<(), StoreError> {
    let status = if due.is_some() {
        "pending_deletion"
    } else {
        "active"
    };
    on_pool!(db, pool => sqlx::query(
        "UPDATE users SET status = $1, deletion_due_at = $2 WHERE id = $3 AND status <> 'deleted'"
    ).bind(status).bind(due).bind(user_id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Accounts whose grace period has ended.
pub async fn deletions_due(db: &Db, now: OffsetDateTime) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT id FROM users WHERE status = 'pending_deletion' AND deletion_due_at <= $1"
    ).bind(now).fetch_all(pool).await)
    .map_err(backend)
}

/// Erases a person's data from their account: the row stays (orders and the audit log refer to
/// it and must be kept for legal retention) but names no one any more.
pub async fn anonymize_user(db: &Db, user_id: i64) -> Result<(), StoreError> {
    let placeholder = format!("deleted-{user_id}@invalid");
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE users SET email = $1, name = '—', password_hash = NULL, fiscal_code = NULL, \
             phone = '', status = 'deleted', deletion_due_at = NULL WHERE id = $2",
        )
        .bind(&placeholder)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        // Domestic work: the application with its documents and the requests, with the
        // proposals on them (matching records, not legal ones), refused forms, events.
        sqlx::query(
            "DELETE FROM worker_documents WHERE application_id IN \
             (SELECT id FROM worker_applications WHERE user_id = $1)",
        )
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM match_proposals WHERE application_id IN \
             (SELECT id FROM worker_applications WHERE user_id = $1) \
             OR request_id IN (SELECT id FROM family_requests WHERE user_id = $1)",
        )
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        for table in [
            "worker_applications",
            "family_requests",
            "form_drafts",
            "domestic_events",
            "sessions",
            "one_time_tokens",
            "user_roles",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }.await)
    .map_err(backend)
}

/// Sessions of a user, for the export (when and from where they logged in).
pub async fn sessions_of(
    db: &Db,
    user_id: i64,
) -> Result<Vec<(OffsetDateTime, OffsetDateTime, String, String, String)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT created_at, last_seen_at, auth_method, ip, user_agent FROM sessions \
         WHERE user_id = $1 ORDER BY created_at"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)
}

/// The problem reports a person sent with their e-mail address.
pub async fn problem_reports_of(
    db: &Db,
    email: &str,
) -> Result<Vec<(String, String, OffsetDateTime)>, StoreError> {
    on_pool!(db, pool => sqlx::query_as(
        "SELECT category, description, created_at FROM problem_reports WHERE email = $1 ORDER BY created_at"
    ).bind(email).fetch_all(pool).await)
    .map_err(backend)
}

/// Whose a one-time token is (before it is used).
pub async fn token_owner(db: &Db, token_hash: &str) -> Result<Option<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT user_id FROM one_time_tokens WHERE token_hash = $1"
    ).bind(token_hash).fetch_optional(pool).await)
    .map_err(backend)
}

/// Forgets an account's failed logins after a successful one.
pub async fn clear_login_failures(db: &Db, email: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// How many tokens of `purpose` a user received since `since` (to ration reset e-mails).
pub async fn recent_tokens(
    db: &Db,
    user_id: i64,
    purpose: &str,
    since: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 AND created_at > $3"
    ).bind(user_id).bind(purpose).bind(since).fetch_one(pool).await)
    .map_err(backend)
}

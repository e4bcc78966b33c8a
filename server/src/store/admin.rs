//! City administration (issue 8), both engines: the account search, roles with their scopes'
//! names, role changes (with their audit row, in one transaction), WeMi spaces' hours, desks
//! and closures.

use app::model::{AdminChoice, AdminClosure, AdminRoleView, AdminSpaceRow, AdminUserRow};
use app::ports::StoreError;
use domain::appointments::OpeningHours;
use time::OffsetDateTime;

use super::audit::Entry;
use super::{Db, backend, on_pool};

/// `text` as a `LIKE` pattern matching it anywhere, lowercase, `%`, `_` and `\` escaped (with
/// `ESCAPE '\'`).
pub fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    name: String,
    email: String,
    status: String,
}

impl From<UserRow> for AdminUserRow {
    fn from(r: UserRow) -> Self {
        AdminUserRow {
            id: r.id,
            name: r.name,
            email: r.email,
            status: r.status,
        }
    }
}

/// Accounts whose name or e-mail contains `text`, by name; and how many there are.
pub async fn search_users(
    db: &Db,
    text: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AdminUserRow>, i64), StoreError> {
    let pattern = contains_pattern(text);
    let filter = "(LOWER(name) LIKE $1 ESCAPE '\\' OR LOWER(email) LIKE $1 ESCAPE '\\')";
    let total: i64 = on_pool!(db, pool => sqlx::query_scalar(
        &format!("SELECT COUNT(*) FROM users WHERE {filter}")
    ).bind(&pattern).fetch_one(pool).await)
    .map_err(backend)?;
    let rows: Vec<UserRow> = on_pool!(db, pool => sqlx::query_as(
        &format!("SELECT id, name, email, status FROM users WHERE {filter} \
                  ORDER BY LOWER(name), id LIMIT $2 OFFSET $3")
    ).bind(&pattern).bind(limit).bind(offset).fetch_all(pool).await)
    .map_err(backend)?;
    Ok((rows.into_iter().map(Into::into).collect(), total))
}

pub async fn user(db: &Db, id: i64) -> Result<Option<AdminUserRow>, StoreError> {
    let row: Option<UserRow> = on_pool!(db, pool => sqlx::query_as(
        "SELECT id, name, email, status FROM users WHERE id = $1"
    ).bind(id).fetch_optional(pool).await)
    .map_err(backend)?;
    Ok(row.map(Into::into))
}

#[derive(sqlx::FromRow)]
struct RoleRow {
    role: String,
    scope_id: i64,
    scope_name: Option<String>,
}

/// The account's stored roles, with the names of their spaces and providers.
pub async fn roles(db: &Db, user_id: i64) -> Result<Vec<AdminRoleView>, StoreError> {
    let rows: Vec<RoleRow> = on_pool!(db, pool => sqlx::query_as(
        "SELECT r.role, r.scope_id, COALESCE(s.name, p.name) AS scope_name FROM user_roles r \
         LEFT JOIN spaces s ON r.role = 'space_operator' AND s.id = r.scope_id \
         LEFT JOIN providers p ON r.role IN ('provider_admin', 'provider_operator') \
           AND p.id = r.scope_id \
         WHERE r.user_id = $1 ORDER BY r.role, r.scope_id"
    ).bind(user_id).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|r| AdminRoleView {
            role: r.role,
            scope_id: r.scope_id,
            scope_name: r.scope_name,
        })
        .collect())
}

pub async fn space_choices(db: &Db) -> Result<Vec<AdminChoice>, StoreError> {
    let rows: Vec<(i64, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT id, name FROM spaces ORDER BY name, id"
    ).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| AdminChoice { id, name })
        .collect())
}

pub async fn provider_choices(db: &Db) -> Result<Vec<AdminChoice>, StoreError> {
    let rows: Vec<(i64, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT id, name FROM providers ORDER BY name, id"
    ).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| AdminChoice { id, name })
        .collect())
}

/// Whether the space (`spaces`) or provider (`providers`) exists.
pub async fn scope_exists(db: &Db, spaces: bool, id: i64) -> Result<bool, StoreError> {
    let sql = if spaces {
        "SELECT COUNT(*) FROM spaces WHERE id = $1"
    } else {
        "SELECT COUNT(*) FROM providers WHERE id = $1"
    };
    let n: i64 = on_pool!(db, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await)
        .map_err(backend)?;
    Ok(n > 0)
}

pub async fn holds(db: &Db, user_id: i64, role: &str, scope: i64) -> Result<bool, StoreError> {
    let n: i64 = on_pool!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_roles WHERE user_id = $1 AND role = $2 AND scope_id = $3"
    ).bind(user_id).bind(role).bind(scope).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(n > 0)
}

const USERS_HOLDERS: &str = "SELECT COUNT(DISTINCT r.user_id) FROM user_roles r \
     JOIN user_roles a ON a.user_id = r.user_id AND a.role = 'city_admin' \
     JOIN users u ON u.id = r.user_id AND u.status <> 'deleted' \
     WHERE r.role = 'perm:users'";

/// Active accounts holding the `users` permission (with the city admin role it needs).
pub async fn users_holders(db: &Db) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar(USERS_HOLDERS).fetch_one(pool).await).map_err(backend)
}

/// Whether the account holds the `users` permission in effect.
pub async fn holds_users(db: &Db, user_id: i64) -> Result<bool, StoreError> {
    let n: i64 = on_pool!(db, pool => sqlx::query_scalar(
        &format!("{USERS_HOLDERS} AND r.user_id = $1")
    ).bind(user_id).fetch_one(pool).await)
    .map_err(backend)?;
    Ok(n > 0)
}

/// What `change_role` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// Nothing to change (granted already, or not held).
    Nothing,
    /// Revoking would have left nobody with the `users` permission: rolled back.
    LastUsersHolder,
}

/// Grants (`grant`) or revokes a stored role, keeps the city admin role in step with the
/// permissions (`permission`), and writes the audit row, in one transaction.
pub async fn change_role(
    db: &Db,
    user_id: i64,
    (role, scope): (&str, i64),
    grant: bool,
    permission: bool,
    audit: &Entry<'_>,
    now: OffsetDateTime,
) -> Result<Changed, StoreError> {
    let result: Result<Changed, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let changed = if grant {
            sqlx::query(
                "INSERT INTO user_roles (user_id, role, scope_id) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(user_id).bind(role).bind(scope)
            .execute(&mut *tx).await?.rows_affected()
        } else {
            sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND role = $2 AND scope_id = $3")
                .bind(user_id).bind(role).bind(scope)
                .execute(&mut *tx).await?.rows_affected()
        };
        if changed == 0 {
            return Ok(Changed::Nothing);
        }
        if permission {
            let left: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM user_roles WHERE user_id = $1 AND role LIKE 'perm:%'",
            )
            .bind(user_id).fetch_one(&mut *tx).await?;
            if domain::accounts::grants::keeps_city_admin(left as usize) {
                sqlx::query(
                    "INSERT INTO user_roles (user_id, role, scope_id) VALUES ($1, 'city_admin', 0) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(user_id).execute(&mut *tx).await?;
            } else {
                sqlx::query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'city_admin'")
                    .bind(user_id).execute(&mut *tx).await?;
            }
            if !grant && role == "perm:users" {
                let holders: i64 = sqlx::query_scalar(USERS_HOLDERS).fetch_one(&mut *tx).await?;
                if holders == 0 {
                    tx.rollback().await?;
                    return Ok(Changed::LastUsersHolder);
                }
            }
        }
        sqlx::query(
            "INSERT INTO audit_log (at, actor_user_id, on_behalf_of_user_id, action, \
             subject_user_id, target, reason, ip, request_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(now).bind(audit.actor).bind(audit.on_behalf_of).bind(audit.action)
        .bind(audit.subject).bind(audit.target).bind(audit.reason).bind(audit.ip)
        .bind(audit.request_id)
        .execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Changed::Done)
    }.await);
    result.map_err(backend)
}

#[derive(sqlx::FromRow)]
struct SpaceRow {
    id: i64,
    name: String,
    address: String,
    appointment_desks: i64,
    upcoming_closures: i64,
}

impl From<SpaceRow> for AdminSpaceRow {
    fn from(r: SpaceRow) -> Self {
        AdminSpaceRow {
            id: r.id,
            name: r.name,
            address: r.address,
            appointment_desks: r.appointment_desks,
            upcoming_closures: r.upcoming_closures,
        }
    }
}

const SPACES: &str = "SELECT s.id, s.name, s.address, s.appointment_desks, \
     (SELECT COUNT(*) FROM space_closures c WHERE c.space_id = s.id AND c.day >= $1) \
     AS upcoming_closures FROM spaces s";

/// The spaces with their desks and closures from `today` on.
pub async fn spaces(db: &Db, today: &str) -> Result<Vec<AdminSpaceRow>, StoreError> {
    let rows: Vec<SpaceRow> = on_pool!(db, pool => sqlx::query_as(
        &format!("{SPACES} ORDER BY s.name, s.id")
    ).bind(today).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn space(db: &Db, id: i64, today: &str) -> Result<Option<AdminSpaceRow>, StoreError> {
    let row: Option<SpaceRow> = on_pool!(db, pool => sqlx::query_as(
        &format!("{SPACES} WHERE s.id = $2")
    ).bind(today).bind(id).fetch_optional(pool).await)
    .map_err(backend)?;
    Ok(row.map(Into::into))
}

pub async fn closures(db: &Db, id: i64, today: &str) -> Result<Vec<AdminClosure>, StoreError> {
    let rows: Vec<(String, String)> = on_pool!(db, pool => sqlx::query_as(
        "SELECT day, reason FROM space_closures WHERE space_id = $1 AND day >= $2 ORDER BY day"
    ).bind(id).bind(today).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(rows
        .into_iter()
        .map(|(day, reason)| AdminClosure { day, reason })
        .collect())
}

/// Replaces the space's weekly hours.
pub async fn replace_hours(db: &Db, id: i64, hours: &[OpeningHours]) -> Result<(), StoreError> {
    let result: Result<(), sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM space_hours WHERE space_id = $1")
            .bind(id).execute(&mut *tx).await?;
        for h in hours {
            sqlx::query(
                "INSERT INTO space_hours (space_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
            )
            .bind(id).bind(h.weekday as i64).bind(&h.opens).bind(&h.closes)
            .execute(&mut *tx).await?;
        }
        tx.commit().await
    }.await);
    result.map_err(backend)
}

pub async fn set_desks(db: &Db, id: i64, desks: i64) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("UPDATE spaces SET appointment_desks = $1 WHERE id = $2")
        .bind(desks).bind(id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Adds a closure day (a second one on the same day replaces its reason).
pub async fn add_closure(db: &Db, id: i64, day: &str, reason: &str) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query(
        "INSERT INTO space_closures (space_id, day, reason) VALUES ($1, $2, $3) \
         ON CONFLICT (space_id, day) DO UPDATE SET reason = excluded.reason"
    ).bind(id).bind(day).bind(reason).execute(pool).await.map(|_| ()))
    .map_err(backend)
}

/// Removes a closure day; false when there was none.
pub async fn remove_closure(db: &Db, id: i64, day: &str) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "DELETE FROM space_closures WHERE space_id = $1 AND day = $2"
    ).bind(id).bind(day).execute(pool).await.map(|r| r.rows_affected() > 0))
    .map_err(backend)
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::contains_pattern(" Ada "), "%ada%");
        assert_eq!(super::contains_pattern("100%_x\\"), "%100\\%\\_x\\\\%");
    }
}

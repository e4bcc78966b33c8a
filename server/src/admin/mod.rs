//! City administration (issue 8): the one implementation of `app::ports::Administration`.
//! Accounts' roles and city permissions (permission `users`) under
//! `domain::accounts::grants`' rules, and WeMi spaces' hours, desks and closures (permission
//! `content`) under `domain::appointments::schedule`'s. Every change is written to the audit
//! log. Roles are read from `user_roles` on every request (`auth::service::sessions`), so a
//! change takes effect on the person's next request.

use app::model::{AdminSpacePage, AdminSpaceRow, AdminUserPage, AdminUserSearch, SessionUser};
use app::ports::{AdminError, Administration, ClientInfo, RoleChangeForm, StoreError};
use async_trait::async_trait;
use domain::accounts::grants::{self, Change, ChangeRequest, Grant, GrantError};
use domain::accounts::roles::Permission;
use domain::appointments::schedule::{self, ScheduleError};
use domain::date::Date;
use time::OffsetDateTime;

use crate::store::Db;
use crate::store::admin::{self as store, Changed};
use crate::store::audit;

/// Accounts per page of the search.
pub const PAGE_SIZE: i64 = 25;

pub struct AdminService {
    db: Db,
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn today() -> String {
    Date::in_rome(now().unix_timestamp()).to_string()
}

fn internal(err: StoreError) -> AdminError {
    tracing::error!(%err, "administration: database error");
    AdminError::Internal
}

/// Only a city administrator with `permission`, acting as themselves (never in assisted mode).
fn require(who: &SessionUser, permission: Permission) -> Result<(), AdminError> {
    if who.assisted_by.is_some() || !who.permissions.iter().any(|p| p == permission.code()) {
        return Err(AdminError::Forbidden);
    }
    Ok(())
}

impl AdminService {
    pub fn new(db: Db) -> AdminService {
        AdminService { db }
    }

    async fn audit(&self, entry: audit::Entry<'_>) {
        if let Err(err) = audit::record(&self.db, &entry, now()).await {
            tracing::error!(%err, action = entry.action, "cannot write the audit log");
        }
    }

    async fn space_exists(&self, id: i64) -> Result<(), AdminError> {
        match store::scope_exists(&self.db, true, id).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(AdminError::NotFound),
            Err(e) => Err(internal(e)),
        }
    }
}

fn entry<'a>(
    who: &SessionUser,
    action: &'a str,
    target: &'a str,
    reason: &'a str,
    client: &'a ClientInfo,
) -> audit::Entry<'a> {
    audit::Entry {
        actor: Some(who.user_id),
        action,
        target,
        reason,
        ip: &client.ip,
        request_id: &client.request_id,
        ..Default::default()
    }
}

#[async_trait]
impl Administration for AdminService {
    async fn search_users(
        &self,
        who: &SessionUser,
        query: &str,
        page: u32,
    ) -> Result<AdminUserSearch, AdminError> {
        require(who, Permission::Users)?;
        let query: String = query.trim().chars().take(100).collect();
        let page = page.clamp(1, 10_000);
        let (rows, total) = store::search_users(
            &self.db,
            &query,
            PAGE_SIZE,
            (i64::from(page) - 1) * PAGE_SIZE,
        )
        .await
        .map_err(internal)?;
        Ok(AdminUserSearch {
            query,
            rows,
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE) as u32,
        })
    }

    async fn user_page(&self, who: &SessionUser, id: i64) -> Result<AdminUserPage, AdminError> {
        require(who, Permission::Users)?;
        let user = store::user(&self.db, id)
            .await
            .map_err(internal)?
            .ok_or(AdminError::NotFound)?;
        let roles = store::roles(&self.db, id).await.map_err(internal)?;
        let permissions = roles
            .iter()
            .filter_map(|r| r.role.strip_prefix("perm:").map(String::from))
            .collect();
        Ok(AdminUserPage {
            user,
            roles,
            permissions,
            is_self: id == who.user_id,
            spaces: store::space_choices(&self.db).await.map_err(internal)?,
            providers: store::provider_choices(&self.db).await.map_err(internal)?,
        })
    }

    async fn change_role(
        &self,
        who: &SessionUser,
        subject: i64,
        form: &RoleChangeForm,
        client: &ClientInfo,
    ) -> Result<(), AdminError> {
        require(who, Permission::Users)?;
        let user = store::user(&self.db, subject)
            .await
            .map_err(internal)?
            .ok_or(AdminError::NotFound)?;
        if user.status == "deleted" {
            return Err(AdminError::NotFound);
        }
        let change = Change::parse(&form.action).ok_or(AdminError::Grant(GrantError::Unknown))?;
        let grant = Grant::parse(&form.kind, &form.code, form.scope).map_err(AdminError::Grant)?;
        let scope_known = match grant {
            Grant::Permission(_) => true,
            Grant::SpaceOperator { space_id } => store::scope_exists(&self.db, true, space_id)
                .await
                .map_err(internal)?,
            Grant::ProviderAdmin { provider_id } | Grant::ProviderOperator { provider_id } => {
                store::scope_exists(&self.db, false, provider_id)
                    .await
                    .map_err(internal)?
            }
        };
        let (role, scope) = grant.stored();
        let held = store::holds(&self.db, subject, &role, scope)
            .await
            .map_err(internal)?;
        let users_holders = store::users_holders(&self.db).await.map_err(internal)?;
        grants::check(&ChangeRequest {
            actor: who.user_id,
            subject,
            change,
            grant,
            scope_known,
            held,
            subject_holds_users: store::holds_users(&self.db, subject)
                .await
                .map_err(internal)?,
            users_holders: users_holders.max(0) as usize,
        })
        .map_err(AdminError::Grant)?;
        let target = grant.target();
        let reason: String = form.reason.trim().chars().take(200).collect();
        let audit = audit::Entry {
            subject: Some(subject),
            ..entry(who, change.action(), &target, &reason, client)
        };
        match store::change_role(
            &self.db,
            subject,
            (&role, scope),
            change == Change::Grant,
            matches!(grant, Grant::Permission(_)),
            &audit,
            now(),
        )
        .await
        .map_err(internal)?
        {
            Changed::Done => Ok(()),
            Changed::Nothing if change == Change::Grant => {
                Err(AdminError::Grant(GrantError::AlreadyHeld))
            }
            Changed::Nothing => Err(AdminError::Grant(GrantError::NotHeld)),
            Changed::LastUsersHolder => Err(AdminError::Grant(GrantError::LastUsersHolder)),
        }
    }

    async fn spaces(&self, who: &SessionUser) -> Result<Vec<AdminSpaceRow>, AdminError> {
        require(who, Permission::Content)?;
        store::spaces(&self.db, &today()).await.map_err(internal)
    }

    async fn space_page(&self, who: &SessionUser, id: i64) -> Result<AdminSpacePage, AdminError> {
        require(who, Permission::Content)?;
        let today = today();
        let space = store::space(&self.db, id, &today)
            .await
            .map_err(internal)?
            .ok_or(AdminError::NotFound)?;
        let hours = crate::store::appointments::hours(&self.db, id)
            .await
            .map_err(internal)?;
        let week = (1..=7)
            .map(|day| {
                hours
                    .iter()
                    .filter(|h| h.weekday == day)
                    .map(|h| format!("{}-{}", h.opens, h.closes))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let closures = store::closures(&self.db, id, &today)
            .await
            .map_err(internal)?;
        Ok(AdminSpacePage {
            space,
            week,
            closures,
            today,
        })
    }

    async fn set_hours(
        &self,
        who: &SessionUser,
        space: i64,
        week: &[String],
        client: &ClientInfo,
    ) -> Result<(), AdminError> {
        require(who, Permission::Content)?;
        self.space_exists(space).await?;
        let mut hours = Vec::new();
        for (i, text) in week.iter().take(7).enumerate() {
            hours.extend(schedule::parse_day(i as u32 + 1, text).map_err(AdminError::Schedule)?);
        }
        let hours = schedule::check_week(hours).map_err(AdminError::Schedule)?;
        store::replace_hours(&self.db, space, &hours)
            .await
            .map_err(internal)?;
        let target = format!("space:{space}");
        let reason = hours
            .iter()
            .map(|h| format!("{} {}-{}", h.weekday, h.opens, h.closes))
            .collect::<Vec<_>>()
            .join("; ");
        self.audit(entry(who, "space_hours_changed", &target, &reason, client))
            .await;
        Ok(())
    }

    async fn set_desks(
        &self,
        who: &SessionUser,
        space: i64,
        desks: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError> {
        require(who, Permission::Content)?;
        self.space_exists(space).await?;
        let desks = schedule::parse_desks(desks).map_err(AdminError::Schedule)?;
        store::set_desks(&self.db, space, desks)
            .await
            .map_err(internal)?;
        let target = format!("space:{space}");
        let reason = format!("desks {desks}");
        self.audit(entry(who, "space_desks_changed", &target, &reason, client))
            .await;
        Ok(())
    }

    async fn add_closure(
        &self,
        who: &SessionUser,
        space: i64,
        day: &str,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError> {
        require(who, Permission::Content)?;
        self.space_exists(space).await?;
        let today = Date::in_rome(now().unix_timestamp());
        let day = schedule::check_closure(day, reason, today)
            .map_err(AdminError::Schedule)?
            .to_string();
        let reason = reason.trim();
        store::add_closure(&self.db, space, &day, reason)
            .await
            .map_err(internal)?;
        let target = format!("space:{space}:{day}");
        self.audit(entry(who, "space_closure_added", &target, reason, client))
            .await;
        Ok(())
    }

    async fn remove_closure(
        &self,
        who: &SessionUser,
        space: i64,
        day: &str,
        client: &ClientInfo,
    ) -> Result<(), AdminError> {
        require(who, Permission::Content)?;
        self.space_exists(space).await?;
        let day = Date::parse(day.trim())
            .ok_or(AdminError::Schedule(ScheduleError::BadDay))?
            .to_string();
        if !store::remove_closure(&self.db, space, &day)
            .await
            .map_err(internal)?
        {
            return Err(AdminError::NotFound);
        }
        let target = format!("space:{space}:{day}");
        self.audit(entry(who, "space_closure_removed", &target, "", client))
            .await;
        Ok(())
    }
}

//! The person's own data: profile, GDPR export, deletion with a grace period.

use super::*;

impl AccountService {
    pub(super) async fn load_profile(&self, who: &SessionUser) -> Result<Profile, AccountError> {
        store::profile(&self.db, who.user_id)
            .await
            .map_err(internal)?
            .ok_or(AccountError::Forbidden)
    }

    pub(super) async fn save_profile(
        &self,
        who: &SessionUser,
        name: &str,
        phone: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let name = checked_name(name)?;
        let phone = phone.trim();
        let phone_ok = phone.is_empty()
            || (phone.len() <= 20
                && phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-/().".contains(c))
                && phone.chars().filter(char::is_ascii_digit).count() >= 6);
        if !phone_ok {
            return Err(AccountError::InvalidField("phone"));
        }
        store::update_profile(&self.db, who.user_id, name, phone, locale.code())
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(who.user_id),
            ..self.entry("profile_updated", Some(who.user_id), client)
        })
        .await;
        Ok(())
    }

    pub(super) async fn export_data(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<serde_json::Value, AccountError> {
        // A copy of everything about a person is for that person: not for an operator acting
        // for them (the citizen can download it at the kiosk or at home).
        if who.assisted_by.is_some() {
            return Err(AccountError::Forbidden);
        }
        self.audit_access(audit::Entry {
            subject: Some(who.user_id),
            ..self.entry("data_exported", Some(who.user_id), client)
        })
        .await?;
        let user = self.user(who.user_id).await?;
        let profile = self.profile(who).await?;
        let roles = store::roles(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        let sessions = store::sessions_of(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        let reports = store::problem_reports_of(&self.db, &user.email)
            .await
            .map_err(internal)?;
        let reviews = crate::store::reviews::of_user(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        let domestic = crate::store::domestic::export_of(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        let events = audit::page(
            &self.db,
            Some(who.user_id),
            PageRequest {
                page: 1,
                per_page: 1000,
            },
        )
        .await
        .map_err(internal)?;
        Ok(json!({
            "generated_at": store::rfc3339(now()),
            "controller": "Comune di Milano — WeMi",
            "account": {
                "id": user.id,
                "email": user.email,
                "name": user.name,
                "phone": user.phone,
                "fiscal_code": user.fiscal_code,
                "language": user.locale,
                "email_verified_at": user.email_verified_at.map(store::rfc3339),
                "status": user.status,
                "deletion_due_at": profile.deletion_due_at,
            },
            "roles": roles.iter().map(|(role, scope)| json!({"role": role, "scope_id": scope})).collect::<Vec<_>>(),
            "consents": profile.consents,
            "sessions": sessions.iter().map(|(created, seen, method, ip, agent)| json!({
                "created_at": store::rfc3339(*created),
                "last_seen_at": store::rfc3339(*seen),
                "method": method, "ip": ip, "user_agent": agent,
            })).collect::<Vec<_>>(),
            "problem_reports": reports.iter().map(|(category, description, at)| json!({
                "category": category, "description": description, "created_at": store::rfc3339(*at),
            })).collect::<Vec<_>>(),
            "reviews": reviews.iter().map(|r| r.view(true)).collect::<Vec<_>>(),
            "domestic_work": domestic,
            "activity": events.items,
        }))
    }

    pub(super) async fn schedule_account_deletion(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<String, AccountError> {
        // The account's security stays with its owner, never with an operator.
        if who.assisted_by.is_some() {
            return Err(AccountError::Forbidden);
        }
        let due = now() + Duration::days(DELETION_GRACE_DAYS);
        store::schedule_deletion(&self.db, who.user_id, Some(due))
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(who.user_id),
            ..self.entry("deletion_requested", Some(who.user_id), client)
        })
        .await;
        let user = self.user(who.user_id).await?;
        let locale = Locale::from_code(&user.locale).unwrap_or_default();
        let link = self.link("/area-personale/privacy");
        self.send(
            &user.email,
            templates::deletion_scheduled(locale, &user.name, &rome_time(due), &link),
        )
        .await?;
        Ok(store::rfc3339(due))
    }

    pub(super) async fn undo_account_deletion(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        // The account's security stays with its owner, never with an operator.
        if who.assisted_by.is_some() {
            return Err(AccountError::Forbidden);
        }
        store::schedule_deletion(&self.db, who.user_id, None)
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(who.user_id),
            ..self.entry("deletion_cancelled", Some(who.user_id), client)
        })
        .await;
        Ok(())
    }
}

//! Local accounts: registration, e-mail verification, password reset and change.

use super::*;

impl AccountService {
    pub(super) async fn register_account(
        &self,
        form: &Registration,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let name = checked_name(&form.name)?;
        let email = email::normalize(&form.email).ok_or(AccountError::InvalidField("email"))?;
        policy::check(&form.password, &email).map_err(AccountError::WeakPassword)?;
        if !form.privacy_accepted {
            return Err(AccountError::InvalidField("privacy"));
        }
        let hash = Self::hash(&form.password).await?;
        let id = match store::create_user(
            &self.db,
            &store::NewUser {
                email: &email,
                name,
                password_hash: Some(&hash),
                fiscal_code: None,
                locale: form.locale.code(),
                email_verified: false,
                privacy_version: PRIVACY_VERSION,
            },
            now(),
        )
        .await
        {
            Ok(id) => id,
            Err(StoreError::Conflict(_)) => return Err(AccountError::EmailTaken),
            Err(err) => return Err(internal(err)),
        };
        self.audit(audit::Entry {
            subject: Some(id),
            ..self.entry("registered", Some(id), client)
        })
        .await;
        let user = self.user(id).await?;
        self.send_verification(&user, form.locale).await
    }

    pub(super) async fn confirm_email(
        &self,
        token: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let at = now();
        let user_id = store::consume_token(&self.db, &tokens::digest(token), "verify_email", at)
            .await
            .map_err(internal)?
            .ok_or(AccountError::InvalidToken)?;
        store::mark_email_verified(&self.db, user_id, at)
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(user_id),
            ..self.entry("email_verified", Some(user_id), client)
        })
        .await;
        Ok(())
    }

    pub(super) async fn send_password_reset(
        &self,
        raw_email: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let Some(email) = email::normalize(raw_email) else {
            return Err(AccountError::InvalidField("email"));
        };
        let Some(user) = store::user_by_email(&self.db, &email)
            .await
            .map_err(internal)?
        else {
            return Ok(());
        };
        if user.status == "deleted" {
            return Ok(());
        }
        // At most a few links an hour: the form must not become a way to flood a mailbox.
        let start = now();
        let recent = store::recent_tokens(
            &self.db,
            user.id,
            "reset_password",
            start - Duration::hours(1),
        )
        .await
        .map_err(internal)?;
        if recent >= RESET_LINKS_PER_HOUR {
            self.audit(audit::Entry {
                subject: Some(user.id),
                ..self.entry("password_reset_rationed", None, client)
            })
            .await;
            return Ok(());
        }
        let link = self
            .one_time_link(
                user.id,
                "reset_password",
                Duration::minutes(RESET_LINK_MINUTES),
                "/reimposta-password",
                locale,
            )
            .await?;
        self.audit(audit::Entry {
            subject: Some(user.id),
            ..self.entry("password_reset_requested", None, client)
        })
        .await;
        self.send(
            &user.email,
            templates::password_reset(locale, &user.name, &link, RESET_LINK_MINUTES as u32),
        )
        .await
    }

    pub(super) async fn reset_link_is_valid(&self, token: &str) -> Result<bool, AccountError> {
        store::token_is_valid(&self.db, &tokens::digest(token), "reset_password", now())
            .await
            .map_err(internal)
    }

    pub(super) async fn set_new_password(
        &self,
        token: &str,
        new_password: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let token_hash = tokens::digest(token);
        let at = now();
        // Check the new password before using up the link, so a refused one can be retyped.
        let valid = store::token_is_valid(&self.db, &token_hash, "reset_password", at)
            .await
            .map_err(internal)?;
        if !valid {
            return Err(AccountError::InvalidToken);
        }
        let owner = self.token_owner(&token_hash).await?;
        let user = self.user(owner).await?;
        policy::check(new_password, &user.email).map_err(AccountError::WeakPassword)?;
        let hash = Self::hash(new_password).await?;
        let owner = store::consume_token(&self.db, &token_hash, "reset_password", at)
            .await
            .map_err(internal)?
            .ok_or(AccountError::InvalidToken)?;
        store::set_password(&self.db, owner, &hash, at)
            .await
            .map_err(internal)?;
        // The link proved control of the mailbox.
        store::mark_email_verified(&self.db, owner, at)
            .await
            .map_err(internal)?;
        store_assist::end_for_citizen(&self.db, owner)
            .await
            .map_err(internal)?;
        store::delete_user_sessions(&self.db, owner, None)
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(owner),
            ..self.entry("password_reset", Some(owner), client)
        })
        .await;
        let locale = Locale::from_code(&user.locale).unwrap_or_default();
        self.send(
            &user.email,
            templates::password_changed(locale, &user.name, &rome_time(at)),
        )
        .await
    }

    pub(super) async fn replace_password(
        &self,
        who: &SessionUser,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        // The account's security stays with its owner, never with an operator.
        if who.assisted_by.is_some() {
            return Err(AccountError::Forbidden);
        }
        let user = self.user(who.user_id).await?;
        if !Self::verify(current, user.password_hash.clone()).await {
            self.audit(audit::Entry {
                subject: Some(user.id),
                ..self.entry("password_change_refused", Some(user.id), client)
            })
            .await;
            return Err(AccountError::InvalidCredentials);
        }
        policy::check(new, &user.email).map_err(AccountError::WeakPassword)?;
        let hash = Self::hash(new).await?;
        let at = now();
        store::set_password(&self.db, user.id, &hash, at)
            .await
            .map_err(internal)?;
        store_assist::end_for_citizen(&self.db, user.id)
            .await
            .map_err(internal)?;
        store::delete_user_sessions(&self.db, user.id, Some(who.session_id))
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(user.id),
            ..self.entry("password_changed", Some(user.id), client)
        })
        .await;
        let locale = Locale::from_code(&user.locale).unwrap_or_default();
        self.send(
            &user.email,
            templates::password_changed(locale, &user.name, &rome_time(at)),
        )
        .await
    }
}

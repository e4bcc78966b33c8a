//! Login with the city's identity broker (SPID/CIE over OpenID Connect): the fiscal code links
//! the identity to an account, found or created.

use super::*;

impl AccountService {
    pub(super) async fn identity_login_url(&self, return_to: &str) -> Result<String, AccountError> {
        let client = self.oidc().await?;
        let (url, pending) = client.begin();
        let at = now();
        store::save_oidc_login(
            &self.db,
            &tokens::digest(&pending.state),
            &pending.nonce,
            &pending.code_verifier,
            &safe_return(return_to),
            at,
            at + Duration::minutes(OIDC_LOGIN_MINUTES),
        )
        .await
        .map_err(internal)?;
        Ok(url)
    }

    pub(super) async fn identity_login_done(
        &self,
        code: &str,
        state: &str,
        client: &ClientInfo,
    ) -> Result<(NewSession, String), AccountError> {
        let oidc = self.oidc().await?;
        let (nonce, code_verifier, return_to) =
            store::take_oidc_login(&self.db, &tokens::digest(state), now())
                .await
                .map_err(internal)?
                .ok_or(AccountError::IdentityFailed)?;
        let pending = PendingLogin {
            state: state.to_string(),
            nonce,
            code_verifier,
        };
        let identity = oidc.finish(code, &pending).await.map_err(|err| {
            tracing::warn!(%err, "identity login refused");
            AccountError::IdentityFailed
        })?;
        let Some(fiscal_code) = identity.fiscal_code.clone() else {
            tracing::warn!("the identity broker sent no fiscal code");
            return Err(AccountError::IdentityFailed);
        };
        // The fiscal code is the link between the identity and the account: an account that
        // has it, else the account with the broker's (verified) e-mail, else a new account.
        let mut user = store::user_by_fiscal_code(&self.db, &fiscal_code)
            .await
            .map_err(internal)?;
        if user.is_none()
            && let Some(mail) = identity.email.as_deref().and_then(email::normalize)
            && let Some(existing) = store::user_by_email(&self.db, &mail)
                .await
                .map_err(internal)?
            && existing.fiscal_code.is_none()
        {
            store::link_fiscal_code(&self.db, existing.id, &fiscal_code)
                .await
                .map_err(internal)?;
            self.audit(audit::Entry {
                subject: Some(existing.id),
                ..self.entry("identity_linked", Some(existing.id), client)
            })
            .await;
            user = Some(existing);
        }
        let user = match user {
            Some(user) => user,
            None => {
                let name = identity
                    .name
                    .clone()
                    .or_else(|| match (&identity.given_name, &identity.family_name) {
                        (Some(g), Some(f)) => Some(format!("{g} {f}")),
                        _ => None,
                    })
                    .unwrap_or_else(|| fiscal_code.clone());
                let mail = identity
                    .email
                    .as_deref()
                    .and_then(email::normalize)
                    .unwrap_or_else(|| format!("{}@spid.invalid", fiscal_code.to_lowercase()));
                let id = store::create_user(
                    &self.db,
                    &store::NewUser {
                        email: &mail,
                        name: &name,
                        password_hash: None,
                        fiscal_code: Some(&fiscal_code),
                        locale: "it",
                        email_verified: true,
                        privacy_version: PRIVACY_VERSION,
                    },
                    now(),
                )
                .await
                .map_err(|err| match err {
                    StoreError::Conflict(_) => AccountError::EmailTaken,
                    other => internal(other),
                })?;
                self.audit(audit::Entry {
                    subject: Some(id),
                    ..self.entry("registered", Some(id), client)
                })
                .await;
                self.user(id).await?
            }
        };
        if user.status == "deleted" {
            return Err(AccountError::IdentityFailed);
        }
        let session = self.open_session(&user, "oidc", client).await?;
        Ok((session, return_to))
    }
}

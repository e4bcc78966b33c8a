//! Login with the city's identity broker (SPID/CIE over OpenID Connect). The fiscal code is the
//! link between an identity and an account: the account that has it, else — when a logged-in
//! person asked to link SPID/CIE from their area personale — that person's account, else a new
//! account. Never an account found by e-mail address alone: the broker's address is not proof
//! of owning a local account (security review).

use super::*;

impl AccountService {
    pub(super) async fn identity_login_url(
        &self,
        return_to: &str,
        link_to: Option<&SessionUser>,
    ) -> Result<(String, String), AccountError> {
        if link_to.is_some_and(|u| u.assisted_by.is_some()) {
            return Err(AccountError::Forbidden);
        }
        let client = self.oidc().await?;
        let (url, pending) = client.begin();
        let at = now();
        let state_hash = tokens::digest(&pending.state);
        let return_to = safe_return(return_to);
        store::save_oidc_login(
            &self.db,
            &store::PendingIdentityLogin {
                state_hash: &state_hash,
                nonce: &pending.nonce,
                code_verifier: &pending.code_verifier,
                return_to: &return_to,
                link_user_id: link_to.map(|u| u.user_id),
            },
            at,
            at + Duration::minutes(OIDC_LOGIN_MINUTES),
        )
        .await
        .map_err(internal)?;
        Ok((url, pending.state))
    }

    pub(super) async fn identity_login_done(
        &self,
        code: &str,
        state: &str,
        client: &ClientInfo,
    ) -> Result<(NewSession, String), AccountError> {
        let oidc = self.oidc().await?;
        let (nonce, code_verifier, return_to, link_user_id) =
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
        let mut user = store::user_by_fiscal_code(&self.db, &fiscal_code)
            .await
            .map_err(internal)?;
        if let Some(link_id) = link_user_id {
            match &user {
                // Already linked to this very account: a plain login.
                Some(found) if found.id == link_id => {}
                // The identity belongs to another account.
                Some(_) => return Err(AccountError::IdentityLinkedElsewhere),
                None => {
                    let target = self.user(link_id).await?;
                    if target.fiscal_code.is_some() || target.status == "deleted" {
                        return Err(AccountError::IdentityLinkedElsewhere);
                    }
                    store::link_fiscal_code(&self.db, link_id, &fiscal_code)
                        .await
                        .map_err(|err| match err {
                            StoreError::Conflict(_) => AccountError::IdentityLinkedElsewhere,
                            other => internal(other),
                        })?;
                    self.audit(audit::Entry {
                        subject: Some(link_id),
                        ..self.entry("identity_linked", Some(link_id), client)
                    })
                    .await;
                    user = Some(self.user(link_id).await?);
                }
            }
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
                    // An account with the broker's e-mail exists: its owner links SPID/CIE
                    // from the area personale after logging in with the password.
                    StoreError::Conflict(_) => AccountError::IdentityNeedsLink,
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

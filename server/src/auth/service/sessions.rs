//! Sessions: opening one at login (a new token every time), and turning a cookie back into
//! the person (idle and absolute limits, kiosk timing, assisted mode).

use super::*;

impl AccountService {
    /// A fresh session for `user` (a new token at every login: rotation), replacing the
    /// request's old one.
    pub(super) async fn open_session(
        &self,
        user: &UserRow,
        method: &str,
        client: &ClientInfo,
    ) -> Result<NewSession, AccountError> {
        if let Some(old) = client.session_id {
            store::delete_session(&self.db, old)
                .await
                .map_err(internal)?;
        }
        let token = tokens::random_token();
        let csrf = tokens::random_token();
        let start = now();
        let token_hash = tokens::digest(&token);
        let id = store::create_session(
            &self.db,
            &store::NewSession {
                token_hash: &token_hash,
                user_id: user.id,
                csrf_token: &csrf,
                auth_method: method,
                expires_at: start + Duration::seconds(timing::ABSOLUTE_TIMEOUT_SECS),
                kiosk_device_id: client.kiosk_device_id,
                ip: &client.ip,
                user_agent: &client.user_agent,
            },
            start,
        )
        .await
        .map_err(internal)?;
        let principal = self.principal(user.id).await?;
        self.audit(audit::Entry {
            subject: Some(user.id),
            target: method,
            ..self.entry("login", Some(user.id), client)
        })
        .await;
        Ok(NewSession {
            set_cookie: cookies::set(
                SESSION_COOKIE,
                &token,
                self.config.secure_cookies,
                timing::ABSOLUTE_TIMEOUT_SECS,
            ),
            user: Self::session_user(
                id,
                (user.id, user.name.clone(), user.email.clone()),
                &principal,
                csrf,
                client.kiosk_device_id.is_some(),
            ),
        })
    }

    /// The person behind a session cookie. Ended sessions (idle, expired, deleted account) are
    /// removed, and the caller clears the cookie.
    pub async fn resolve(&self, token: &str) -> Resolved {
        let row = match store::session_by_token_hash(&self.db, &tokens::digest(token)).await {
            Ok(Some(row)) => row,
            Ok(None) => return Resolved::Ended,
            Err(err) => {
                tracing::error!(%err, "cannot read the session");
                return Resolved::Unavailable;
            }
        };
        let at = now();
        let state = timing::state(
            row.last_seen_at.unix_timestamp(),
            row.expires_at.unix_timestamp(),
            row.kiosk_device_id.is_some(),
            at.unix_timestamp(),
        );
        if state != timing::SessionState::Active || row.status == "deleted" {
            let _ = store::delete_session(&self.db, row.id).await;
            return Resolved::Ended;
        }
        // Kiosk sessions idle out after three minutes: every request counts there.
        let kiosk = row.kiosk_device_id.is_some();
        if (kiosk || timing::needs_touch(row.last_seen_at.unix_timestamp(), at.unix_timestamp()))
            && let Err(err) = store::touch_session(&self.db, row.id, at).await
        {
            tracing::warn!(%err, "cannot record session activity");
        }
        if let (Some(citizen), Some(until)) = (row.acting_for_user_id, row.assisted_until) {
            if until > at
                && let Some(resolved) = self.assisted(&row, citizen, until).await
            {
                return resolved;
            }
            // Assisted mode ran out (or the person can no longer be assisted): the operator is
            // themselves again.
            if store_assist::end_on_session(&self.db, row.id, at)
                .await
                .is_ok()
            {
                self.audit(audit::Entry {
                    actor: Some(row.user_id),
                    on_behalf_of: Some(citizen),
                    subject: Some(citizen),
                    action: "assist_ended",
                    reason: "timeout",
                    ..Default::default()
                })
                .await;
            }
        }
        let principal = match self.principal(row.user_id).await {
            Ok(p) => p,
            Err(_) => return Resolved::Unavailable,
        };
        let kiosk = row.kiosk_device_id.is_some();
        let user = Self::session_user(
            row.id,
            (row.user_id, row.name, row.email),
            &principal,
            row.csrf_token,
            kiosk,
        );
        Resolved::Alive(Box::new(CurrentUser { user, principal }))
    }

    /// The citizen's identity on the operator's session (assisted mode).
    pub(super) async fn assisted(
        &self,
        row: &store::SessionRow,
        citizen: i64,
        until: OffsetDateTime,
    ) -> Option<Resolved> {
        let (Ok(Some(person)), Ok(principal)) = (
            store::user_by_id(&self.db, citizen).await,
            self.principal(citizen).await,
        ) else {
            return Some(Resolved::Unavailable);
        };
        // Only an active citizen or worker (the rule checked when assistance began, checked
        // again on every request in case the account changed since).
        if person.status == "deleted" || !principal.is_assistable() {
            return None;
        }
        let user = SessionUser {
            session_id: row.id,
            user_id: person.id,
            name: person.name,
            email: person.email,
            roles: principal
                .role_codes()
                .into_iter()
                .map(String::from)
                .collect(),
            permissions: Vec::new(),
            csrf_token: row.csrf_token.clone(),
            assisted_by: Some(app::model::AssistedBy {
                user_id: row.user_id,
                name: row.name.clone(),
                until: store::rfc3339(until),
                until_rome: rome_time(until).split(' ').nth(1).unwrap_or("").to_string(),
            }),
            kiosk: row.kiosk_device_id.is_some(),
        };
        Some(Resolved::Alive(Box::new(CurrentUser { user, principal })))
    }
}

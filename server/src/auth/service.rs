//! Accounts: registration, login (password and digital identity), sessions, password reset,
//! profile, GDPR export and deletion, audit log. The one implementation of `app::ports::Accounts`,
//! used by pages' server functions and by the JSON API alike.

use app::i18n::Locale;
use app::model::{AuditEvent, CurrentUser, PageRequest, Paged, Profile, SessionUser};
use app::ports::{AccountError, Accounts, ClientInfo, NewSession, Registration, StoreError};
use async_trait::async_trait;
use domain::accounts::roles::{Permission, Principal};
use domain::accounts::{email, password as policy, session as timing, throttle};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::cookies::{self, SESSION_COOKIE};
use super::oidc::{OidcClient, OidcConfig, PendingLogin};
use super::{password, tokens};
use crate::mail::{MailHandle, OutgoingMail, templates};
use crate::store::accounts::{self as store, UserRow};
use crate::store::{Db, assist as store_assist, audit};

/// The version of the privacy notice (`/privacy`) that registrations accept.
pub const PRIVACY_VERSION: &str = "2026-11";
/// How long a requested deletion waits, so a change of mind (or a stolen session) can be undone.
pub const DELETION_GRACE_DAYS: i64 = 30;
const VERIFY_LINK_HOURS: i64 = 48;
const RESET_LINK_MINUTES: i64 = 60;
const RESET_LINKS_PER_HOUR: i64 = 3;
const OIDC_LOGIN_MINUTES: i64 = 10;

#[derive(Clone, Debug)]
pub struct AccountsConfig {
    /// The address people reach the portal at (links in e-mails, the identity broker's return).
    pub public_url: String,
    /// Cookies only over HTTPS (true when `public_url` is https).
    pub secure_cookies: bool,
    pub oidc: Option<OidcConfig>,
}

/// What a session cookie stands for.
pub enum Resolved {
    Alive(Box<CurrentUser>),
    /// Unknown, idle, expired or of a deleted account: the cookie should be cleared.
    Ended,
    /// The database did not answer: treat the request as anonymous, keep the cookie.
    Unavailable,
}

pub struct AccountService {
    db: Db,
    config: AccountsConfig,
    mail: MailHandle,
    oidc: tokio::sync::OnceCell<OidcClient>,
}

pub(super) fn internal(err: StoreError) -> AccountError {
    tracing::error!(%err, "account storage failed");
    AccountError::Internal
}

pub(super) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Europe/Rome wall time for e-mails (CET/CEST by the EU rule: last Sunday of March and October
/// at 01:00 UTC).
pub fn rome_time(t: OffsetDateTime) -> String {
    let year = t.year();
    let last_sunday = |month: time::Month| {
        let mut d = time::Date::from_calendar_date(year, month, 31).expect("valid date");
        while d.weekday() != time::Weekday::Sunday {
            d = d.previous_day().expect("valid date");
        }
        d.with_hms(1, 0, 0).expect("valid time").assume_utc()
    };
    let summer = t >= last_sunday(time::Month::March) && t < last_sunday(time::Month::October);
    let offset = if summer { 2 } else { 1 };
    let local = t + Duration::hours(offset);
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        local.day(),
        u8::from(local.month()),
        local.year(),
        local.hour(),
        local.minute()
    )
}

impl AccountService {
    pub fn new(db: Db, config: AccountsConfig, mail: MailHandle) -> AccountService {
        AccountService {
            db,
            config,
            mail,
            oidc: tokio::sync::OnceCell::new(),
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.config.secure_cookies
    }

    fn link(&self, path: &str) -> String {
        format!("{}{path}", self.config.public_url.trim_end_matches('/'))
    }

    async fn send(&self, to: &str, (subject, text): (String, String)) -> Result<(), AccountError> {
        let mail = OutgoingMail {
            to: to.to_string(),
            subject,
            text,
        };
        crate::store::outbox::enqueue(&self.db, &mail)
            .await
            .map_err(internal)?;
        self.mail.wake();
        Ok(())
    }

    /// Records an event; a failure is logged, not shown (the action itself already happened).
    pub async fn audit(&self, entry: audit::Entry<'_>) {
        if let Err(err) = audit::record(&self.db, &entry, now()).await {
            tracing::error!(%err, action = entry.action, "cannot write the audit log");
        }
    }

    /// Records an access to personal data; the access is refused if it cannot be recorded.
    async fn audit_access(&self, entry: audit::Entry<'_>) -> Result<(), AccountError> {
        audit::record(&self.db, &entry, now())
            .await
            .map_err(internal)
    }

    /// An audit entry for `actor`'s `action`. In assisted mode the operator is the actor and the
    /// citizen the person acted for: both identities are recorded.
    pub(super) fn entry<'a>(
        &self,
        action: &'a str,
        actor: Option<i64>,
        client: &'a ClientInfo,
    ) -> audit::Entry<'a> {
        let (actor, on_behalf_of) = match client.assisted_by {
            Some(operator) => (Some(operator), actor),
            None => (actor, None),
        };
        audit::Entry {
            actor,
            on_behalf_of,
            action,
            ip: &client.ip,
            request_id: &client.request_id,
            ..Default::default()
        }
    }

    pub(super) async fn principal(&self, user_id: i64) -> Result<Principal, AccountError> {
        let rows = store::roles(&self.db, user_id).await.map_err(internal)?;
        Ok(Principal::from_rows(
            user_id,
            rows.iter().map(|(r, s)| (r.as_str(), *s)),
        ))
    }

    fn session_user(row_id: i64, user: &UserRow, principal: &Principal, csrf: &str) -> SessionUser {
        SessionUser {
            session_id: row_id,
            user_id: user.id,
            name: user.name.clone(),
            email: user.email.clone(),
            roles: principal
                .role_codes()
                .into_iter()
                .map(String::from)
                .collect(),
            permissions: principal
                .permissions
                .iter()
                .map(|p| p.code().to_string())
                .collect(),
            csrf_token: csrf.to_string(),
            assisted_by: None,
            kiosk: false,
        }
    }

    /// A fresh session for `user` (a new token at every login: rotation), replacing the
    /// request's old one.
    async fn open_session(
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
            user: Self::session_user(id, user, &principal, &csrf),
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
            if until > at {
                return self.assisted(&row, citizen, until).await;
            }
            // Assisted mode ran out: the operator is themselves again.
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
        let user = SessionUser {
            session_id: row.id,
            user_id: row.user_id,
            name: row.name,
            email: row.email,
            roles: principal
                .role_codes()
                .into_iter()
                .map(String::from)
                .collect(),
            permissions: principal
                .permissions
                .iter()
                .map(|p| p.code().to_string())
                .collect(),
            csrf_token: row.csrf_token,
            assisted_by: None,
            kiosk: row.kiosk_device_id.is_some(),
        };
        Resolved::Alive(Box::new(CurrentUser { user, principal }))
    }

    /// The citizen's identity on the operator's session (assisted mode).
    async fn assisted(
        &self,
        row: &store::SessionRow,
        citizen: i64,
        until: OffsetDateTime,
    ) -> Resolved {
        let (Ok(Some(person)), Ok(principal)) = (
            store::user_by_id(&self.db, citizen).await,
            self.principal(citizen).await,
        ) else {
            return Resolved::Unavailable;
        };
        // Never the city permissions of anyone while assisting.
        let mut principal = principal;
        principal.permissions.clear();
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
        Resolved::Alive(Box::new(CurrentUser { user, principal }))
    }

    /// Refuses unless the person is a city administrator with `permission` (and is not an
    /// operator acting for someone).
    pub(super) async fn require(
        &self,
        who: &SessionUser,
        permission: Permission,
    ) -> Result<(), AccountError> {
        if who.assisted_by.is_some()
            || !self
                .principal(who.user_id)
                .await?
                .has_permission(permission)
        {
            return Err(AccountError::Forbidden);
        }
        Ok(())
    }

    pub(super) fn db(&self) -> &Db {
        &self.db
    }

    pub(super) async fn send_to(
        &self,
        to: &str,
        mail: (String, String),
    ) -> Result<(), AccountError> {
        self.send(to, mail).await
    }

    pub(super) async fn user(&self, id: i64) -> Result<UserRow, AccountError> {
        store::user_by_id(&self.db, id)
            .await
            .map_err(internal)?
            .ok_or(AccountError::Forbidden)
    }

    async fn hash(password: &str) -> Result<String, AccountError> {
        let normalized = policy::normalize(password);
        tokio::task::spawn_blocking(move || password::hash(&normalized))
            .await
            .map_err(|_| AccountError::Internal)?
            .map_err(|err| {
                tracing::error!(%err, "password hashing failed");
                AccountError::Internal
            })
    }

    async fn verify(password: &str, hash: Option<String>) -> bool {
        let normalized = policy::normalize(password);
        // An unknown account still costs one hash, so response time does not reveal it.
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_string());
        tokio::task::spawn_blocking(move || password::verify(&normalized, &hash))
            .await
            .unwrap_or(false)
    }

    async fn send_verification(&self, user: &UserRow, locale: Locale) -> Result<(), AccountError> {
        let token = tokens::random_token();
        let start = now();
        store::create_token(
            &self.db,
            &tokens::digest(&token),
            user.id,
            "verify_email",
            start,
            start + Duration::hours(VERIFY_LINK_HOURS),
        )
        .await
        .map_err(internal)?;
        let link = self.link(&format!(
            "/verifica-email?token={token}&lang={}",
            locale.code()
        ));
        self.send(
            &user.email,
            templates::verify_email(locale, &user.name, &link),
        )
        .await
    }

    /// Anonymizes the accounts whose deletion grace period has ended; returns how many.
    pub async fn run_due_deletions(&self) -> Result<usize, AccountError> {
        let due = store::deletions_due(&self.db, now())
            .await
            .map_err(internal)?;
        for id in &due {
            let user = self.user(*id).await?;
            let locale = Locale::from_code(&user.locale).unwrap_or_default();
            self.send(&user.email, templates::account_deleted(locale, &user.name))
                .await?;
            store::anonymize_user(&self.db, *id)
                .await
                .map_err(internal)?;
            self.audit(audit::Entry {
                subject: Some(*id),
                action: "account_deleted",
                reason: "grace period ended",
                ..Default::default()
            })
            .await;
        }
        Ok(due.len())
    }

    /// Housekeeping: expired sessions, identity logins in flight, old login failures.
    pub async fn purge(&self) -> Result<(), AccountError> {
        let at = now();
        store::purge_expired_sessions(&self.db, at)
            .await
            .map_err(internal)?;
        store::purge_login_failures(&self.db, at - Duration::seconds(throttle::WINDOW_SECS))
            .await
            .map_err(internal)?;
        Ok(())
    }

    async fn oidc(&self) -> Result<&OidcClient, AccountError> {
        let config = self
            .config
            .oidc
            .clone()
            .ok_or(AccountError::IdentityUnavailable)?;
        self.oidc
            .get_or_try_init(|| async move {
                OidcClient::discover(config).await.map_err(|err| {
                    tracing::error!(%err, "identity broker discovery failed");
                    AccountError::IdentityUnavailable
                })
            })
            .await
    }
}

/// An Argon2id hash of a random string, verified when the account does not exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jh3FgQmWbkmOGTzTC2Hf4kqNmPpHkZQ2Y1JuxLZq9yE";

/// Only local paths are valid destinations after login (no open redirect).
pub fn safe_return(path: &str) -> String {
    let ok = path.starts_with('/') && !path.starts_with("//") && !path.contains('\\');
    if ok {
        path.to_string()
    } else {
        "/area-personale".to_string()
    }
}

#[async_trait]
impl Accounts for AccountService {
    async fn login(
        &self,
        raw_email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<NewSession, AccountError> {
        let email = email::normalize(raw_email).unwrap_or_else(|| raw_email.trim().to_lowercase());
        let at = now();
        let since = at - Duration::seconds(throttle::WINDOW_SECS);
        let (by_account, by_address, oldest) =
            store::login_failures(&self.db, &email, &client.ip, since)
                .await
                .map_err(internal)?;
        if throttle::throttled(by_account, by_address) {
            let minutes = throttle::retry_after_minutes(
                oldest.map_or(at.unix_timestamp(), |t| t.unix_timestamp()),
                at.unix_timestamp(),
            );
            self.audit(audit::Entry {
                target: &email,
                ..self.entry("login_throttled", None, client)
            })
            .await;
            return Err(AccountError::Throttled { minutes });
        }
        let user = store::user_by_email(&self.db, &email)
            .await
            .map_err(internal)?;
        let hash = user.as_ref().and_then(|u| u.password_hash.clone());
        let valid = Self::verify(password, hash).await;
        let user = match user {
            Some(user) if valid && user.status != "deleted" => user,
            other => {
                store::record_login_failure(&self.db, &email, &client.ip, at)
                    .await
                    .map_err(internal)?;
                self.audit(audit::Entry {
                    subject: other.map(|u| u.id),
                    target: &email,
                    ..self.entry("login_failed", None, client)
                })
                .await;
                return Err(AccountError::InvalidCredentials);
            }
        };
        if user.email_verified_at.is_none() {
            return Err(AccountError::EmailNotVerified);
        }
        store::clear_login_failures(&self.db, &email)
            .await
            .map_err(internal)?;
        self.open_session(&user, "password", client).await
    }

    async fn logout(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<String, AccountError> {
        if user.assisted_by.is_some() {
            self.end_assistance(user, client).await?;
        }
        store::delete_session(&self.db, user.session_id)
            .await
            .map_err(internal)?;
        self.audit(audit::Entry {
            subject: Some(user.user_id),
            ..self.entry("logout", Some(user.user_id), client)
        })
        .await;
        Ok(cookies::clear(SESSION_COOKIE, self.config.secure_cookies))
    }

    async fn register(&self, form: &Registration, client: &ClientInfo) -> Result<(), AccountError> {
        let name = form.name.trim();
        if !(2..=100).contains(&name.chars().count()) || name.chars().any(char::is_control) {
            return Err(AccountError::InvalidField("name"));
        }
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

    async fn verify_email(&self, token: &str, client: &ClientInfo) -> Result<(), AccountError> {
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

    async fn request_password_reset(
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
        let token = tokens::random_token();
        store::create_token(
            &self.db,
            &tokens::digest(&token),
            user.id,
            "reset_password",
            start,
            start + Duration::minutes(RESET_LINK_MINUTES),
        )
        .await
        .map_err(internal)?;
        let link = self.link(&format!(
            "/reimposta-password?token={token}&lang={}",
            locale.code()
        ));
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

    async fn reset_token_is_valid(&self, token: &str) -> Result<bool, AccountError> {
        store::token_is_valid(&self.db, &tokens::digest(token), "reset_password", now())
            .await
            .map_err(internal)
    }

    async fn reset_password(
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

    async fn change_password(
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

    async fn profile(&self, who: &SessionUser) -> Result<Profile, AccountError> {
        store::profile(&self.db, who.user_id)
            .await
            .map_err(internal)?
            .ok_or(AccountError::Forbidden)
    }

    async fn update_profile(
        &self,
        who: &SessionUser,
        name: &str,
        phone: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let name = name.trim();
        if !(2..=100).contains(&name.chars().count()) || name.chars().any(char::is_control) {
            return Err(AccountError::InvalidField("name"));
        }
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

    async fn export(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<serde_json::Value, AccountError> {
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
            "activity": events.items,
        }))
    }

    async fn request_deletion(
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

    async fn cancel_deletion(
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

    async fn begin_identity_login(&self, return_to: &str) -> Result<String, AccountError> {
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

    async fn finish_identity_login(
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

    async fn begin_assistance(
        &self,
        operator: &SessionUser,
        citizen: &str,
        space_id: i64,
        method: app::ports::AssistMethod,
        client: &ClientInfo,
    ) -> Result<i64, AccountError> {
        self.begin_assist(operator, citizen, space_id, method, client)
            .await
    }

    async fn confirm_assistance(
        &self,
        operator: &SessionUser,
        consent_id: i64,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.confirm_assist(operator, consent_id, code, client)
            .await
    }

    async fn end_assistance(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.end_assist(user, client).await
    }

    async fn assist_consents(
        &self,
        operator: &SessionUser,
    ) -> Result<Vec<app::model::AssistConsent>, AccountError> {
        store_assist::recent(&self.db, operator.user_id)
            .await
            .map_err(internal)
    }

    fn identity_login_available(&self) -> bool {
        self.config.oidc.is_some()
    }

    async fn enable_kiosk(
        &self,
        admin: &SessionUser,
        name: &str,
        space_id: i64,
        client: &ClientInfo,
    ) -> Result<Vec<String>, AccountError> {
        self.enable_kiosk_device(admin, name, space_id, client)
            .await
    }

    async fn revoke_kiosk(
        &self,
        admin: &SessionUser,
        device_id: i64,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.revoke_kiosk_device(admin, device_id, client).await
    }

    async fn kiosk_devices(
        &self,
        admin: &SessionUser,
    ) -> Result<Vec<app::model::KioskDevice>, AccountError> {
        self.require(admin, Permission::Users).await?;
        crate::store::kiosk::list(&self.db).await.map_err(internal)
    }

    async fn audit_log(
        &self,
        reader: &SessionUser,
        person: Option<i64>,
        page: PageRequest,
        client: &ClientInfo,
    ) -> Result<Paged<AuditEvent>, AccountError> {
        let principal = self.principal(reader.user_id).await?;
        if !principal.has_permission(Permission::Audit) {
            return Err(AccountError::Forbidden);
        }
        self.audit_access(audit::Entry {
            subject: person,
            target: "audit_log",
            ..self.entry("audit_log_read", Some(reader.user_id), client)
        })
        .await?;
        audit::page(&self.db, person, page).await.map_err(internal)
    }
}

impl AccountService {
    async fn token_owner(&self, token_hash: &str) -> Result<i64, AccountError> {
        store::token_owner(&self.db, token_hash)
            .await
            .map_err(internal)?
            .ok_or(AccountError::InvalidToken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rome_time_follows_daylight_saving() {
        let winter = time::macros::datetime!(2026-01-15 12:00 UTC);
        let summer = time::macros::datetime!(2026-07-15 12:00 UTC);
        assert_eq!(rome_time(winter), "15/01/2026 13:00");
        assert_eq!(rome_time(summer), "15/07/2026 14:00");
    }

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return("/servizi"), "/servizi");
        assert_eq!(safe_return("//evil.example"), "/area-personale");
        assert_eq!(safe_return("https://evil.example"), "/area-personale");
    }

    #[test]
    fn the_dummy_hash_is_well_formed() {
        assert!(!super::password::verify("anything", DUMMY_HASH));
        assert!(argon2::password_hash::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}

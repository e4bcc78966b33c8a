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

mod credentials;
mod identity;
mod privacy;
mod sessions;
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

/// Europe/Rome wall time for e-mails ("26/11/2026 15:04").
pub fn rome_time(t: OffsetDateTime) -> String {
    domain::rome_time::format_rome(t.unix_timestamp())
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

    /// The person of a session as pages see it: identity, role and permission codes, the
    /// session's CSRF token.
    fn session_user(
        session_id: i64,
        (user_id, name, email): (i64, String, String),
        principal: &Principal,
        csrf_token: String,
        kiosk: bool,
    ) -> SessionUser {
        SessionUser {
            session_id,
            user_id,
            name,
            email,
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
            csrf_token,
            assisted_by: None,
            kiosk,
        }
    }

    /// A single-use link for `user`: the token's digest is stored with its purpose and
    /// lifetime, the token itself travels only in the e-mailed address.
    async fn one_time_link(
        &self,
        user_id: i64,
        purpose: &str,
        valid_for: Duration,
        path: &str,
        locale: Locale,
    ) -> Result<String, AccountError> {
        let token = tokens::random_token();
        let start = now();
        store::create_token(
            &self.db,
            &tokens::digest(&token),
            user_id,
            purpose,
            start,
            start + valid_for,
        )
        .await
        .map_err(internal)?;
        Ok(self.link(&format!("{path}?token={token}&lang={}", locale.code())))
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
        let link = self
            .one_time_link(
                user.id,
                "verify_email",
                Duration::hours(VERIFY_LINK_HOURS),
                "/verifica-email",
                locale,
            )
            .await?;
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
            store_assist::end_for_citizen(&self.db, *id)
                .await
                .map_err(internal)?;
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

/// A person's name as typed in a form: 2–100 characters, no control characters.
fn checked_name(name: &str) -> Result<&str, AccountError> {
    let name = name.trim();
    if (2..=100).contains(&name.chars().count()) && !name.chars().any(char::is_control) {
        Ok(name)
    } else {
        Err(AccountError::InvalidField("name"))
    }
}

/// Only local paths are valid destinations after login (no open redirect).
pub fn safe_return(path: &str) -> String {
    domain::accounts::redirect::local_path_or_default(Some(path))
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
        // The attempt counts as a failure from the start and is forgotten if the password is
        // right: parallel attempts then see each other, and cannot slip past the limit together.
        let attempt = store::record_login_failure(&self.db, &email, &client.ip, at)
            .await
            .map_err(internal)?;
        let (by_account, by_address, oldest) =
            store::login_failures(&self.db, &email, &client.ip, since)
                .await
                .map_err(internal)?;
        // The counts include this attempt.
        if throttle::throttled(by_account - 1, by_address - 1) {
            store::forget_login_failure(&self.db, attempt)
                .await
                .map_err(internal)?;
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
                self.audit(audit::Entry {
                    subject: other.map(|u| u.id),
                    target: &email,
                    ..self.entry("login_failed", None, client)
                })
                .await;
                return Err(AccountError::InvalidCredentials);
            }
        };
        store::forget_login_failure(&self.db, attempt)
            .await
            .map_err(internal)?;
        if user.email_verified_at.is_none() {
            self.audit(audit::Entry {
                subject: Some(user.id),
                ..self.entry("login_unverified", None, client)
            })
            .await;
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
        self.register_account(form, client).await
    }

    async fn verify_email(&self, token: &str, client: &ClientInfo) -> Result<(), AccountError> {
        self.confirm_email(token, client).await
    }

    async fn request_password_reset(
        &self,
        raw_email: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.send_password_reset(raw_email, locale, client).await
    }

    async fn reset_token_is_valid(&self, token: &str) -> Result<bool, AccountError> {
        self.reset_link_is_valid(token).await
    }

    async fn reset_password(
        &self,
        token: &str,
        new_password: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.set_new_password(token, new_password, client).await
    }

    async fn change_password(
        &self,
        who: &SessionUser,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.replace_password(who, current, new, client).await
    }

    async fn profile(&self, who: &SessionUser) -> Result<Profile, AccountError> {
        self.load_profile(who).await
    }

    async fn update_profile(
        &self,
        who: &SessionUser,
        name: &str,
        phone: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.save_profile(who, name, phone, locale, client).await
    }

    async fn export(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<serde_json::Value, AccountError> {
        self.export_data(who, client).await
    }

    async fn request_deletion(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<String, AccountError> {
        self.schedule_account_deletion(who, client).await
    }

    async fn cancel_deletion(
        &self,
        who: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        self.undo_account_deletion(who, client).await
    }

    async fn begin_identity_login(
        &self,
        return_to: &str,
        link_to: Option<&SessionUser>,
    ) -> Result<(String, String), AccountError> {
        self.identity_login_url(return_to, link_to).await
    }

    async fn finish_identity_login(
        &self,
        code: &str,
        state: &str,
        client: &ClientInfo,
    ) -> Result<(NewSession, String), AccountError> {
        self.identity_login_done(code, state, client).await
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

    async fn page_feedback(
        &self,
        reader: &SessionUser,
    ) -> Result<app::model::PageFeedbackReport, AccountError> {
        self.require(reader, Permission::Content).await?;
        let (scores, comments) = crate::store::feedback::results(&self.db)
            .await
            .map_err(internal)?;
        let time = crate::store::accounts::rfc3339;
        Ok(app::model::PageFeedbackReport {
            pages: scores
                .into_iter()
                .map(|p| app::model::PageScoreView {
                    page: p.page,
                    answers: p.answers,
                    stars: p.stars,
                    positive: p.positive,
                    latest: time(p.latest),
                })
                .collect(),
            comments: comments
                .into_iter()
                .map(|c| app::model::PageCommentView {
                    page: c.page,
                    rating: c.rating,
                    answer: c.answer,
                    comment: c.comment,
                    at: time(c.created_at),
                })
                .collect(),
        })
    }

    async fn audit_log(
        &self,
        reader: &SessionUser,
        person: Option<i64>,
        page: PageRequest,
        client: &ClientInfo,
    ) -> Result<Paged<AuditEvent>, AccountError> {
        self.require(reader, Permission::Audit).await?;
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

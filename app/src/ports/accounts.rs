use std::sync::Arc;

use async_trait::async_trait;
use domain::accounts::password::PasswordProblem;

use crate::i18n::Locale;
use crate::model::{AuditEvent, PageRequest, Paged, Profile, SessionUser};

/// Where a request comes from, for throttling and the audit log.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    pub ip: String,
    pub user_agent: String,
    pub request_id: String,
    /// The session the request came with, if any (replaced at login: rotation).
    pub session_id: Option<i64>,
    /// Assisted mode: the operator acting for the session's citizen (audited as the actor).
    pub assisted_by: Option<i64>,
    /// The request comes from a kiosk tablet of a WeMi space (sessions there end after three
    /// idle minutes).
    pub kiosk_device_id: Option<i64>,
}

/// How the citizen consents to assisted mode.
#[derive(Clone, Debug, PartialEq)]
pub enum AssistMethod {
    /// A one-time code e-mailed to the citizen, who reads it to the operator.
    Code,
    /// A signed paper form kept at the space; its reference number is recorded.
    Paper { reference: String },
}

/// Why an account operation was refused. Each has a localized message in `i18n::accounts`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AccountError {
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    #[error("too many failed logins; retry in {minutes} minutes")]
    Throttled { minutes: i64 },
    #[error("e-mail address not verified yet")]
    EmailNotVerified,
    #[error("invalid {0}")]
    InvalidField(&'static str),
    #[error("password refused: {0:?}")]
    WeakPassword(PasswordProblem),
    #[error("an account with this e-mail already exists")]
    EmailTaken,
    #[error("the link is invalid or expired")]
    InvalidToken,
    #[error("digital identity login failed")]
    IdentityFailed,
    #[error("digital identity login is not configured")]
    IdentityUnavailable,
    #[error("an account with the identity's e-mail exists: link from the area personale")]
    IdentityNeedsLink,
    #[error("the digital identity is linked to another account")]
    IdentityLinkedElsewhere,
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

/// A new session: the cookie to set and who is logged in.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub set_cookie: String,
    pub user: SessionUser,
}

/// What a registration form sends.
#[derive(Clone, Debug)]
pub struct Registration {
    pub name: String,
    pub email: String,
    pub password: String,
    pub privacy_accepted: bool,
    pub locale: Locale,
}

/// Accounts, sessions and the audit log (implemented by the server, shared by pages, server
/// functions and the JSON API).
#[async_trait]
pub trait Accounts: Send + Sync + 'static {
    async fn login(
        &self,
        email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<NewSession, AccountError>;

    /// Ends the session on the server; returns the header value that clears the cookie.
    async fn logout(&self, user: &SessionUser, client: &ClientInfo)
    -> Result<String, AccountError>;

    /// Creates an account and e-mails the verification link. An address already registered
    /// gets `EmailTaken`.
    async fn register(&self, form: &Registration, client: &ClientInfo) -> Result<(), AccountError>;

    async fn verify_email(&self, token: &str, client: &ClientInfo) -> Result<(), AccountError>;

    /// E-mails a reset link when the address has an account; answers the same either way, so
    /// the form does not reveal who is registered.
    async fn request_password_reset(
        &self,
        email: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    async fn reset_token_is_valid(&self, token: &str) -> Result<bool, AccountError>;

    async fn reset_password(
        &self,
        token: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    /// Changes the password and ends the person's other sessions.
    async fn change_password(
        &self,
        user: &SessionUser,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    async fn profile(&self, user: &SessionUser) -> Result<Profile, AccountError>;

    async fn update_profile(
        &self,
        user: &SessionUser,
        name: &str,
        phone: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    /// Everything the portal holds about the person (GDPR art. 15 and 20).
    async fn export(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<serde_json::Value, AccountError>;

    /// Schedules the deletion of the account after the grace period; returns its date (RFC 3339).
    async fn request_deletion(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<String, AccountError>;

    async fn cancel_deletion(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    /// Starts a login with the identity broker (SPID/CIE): the address to send the browser to
    /// and the `state`, which the browser keeps in a cookie until it comes back (so a callback
    /// started by someone else is refused). With `link_to`, the identity is linked to that
    /// logged-in account.
    async fn begin_identity_login(
        &self,
        return_to: &str,
        link_to: Option<&SessionUser>,
    ) -> Result<(String, String), AccountError>;

    /// Completes it from the broker's callback; returns the session and where to go next.
    async fn finish_identity_login(
        &self,
        code: &str,
        state: &str,
        client: &ClientInfo,
    ) -> Result<(NewSession, String), AccountError>;

    /// Whether the identity broker is configured (the login page shows the SPID/CIE button).
    fn identity_login_available(&self) -> bool;

    /// A WeMi space operator asks to act for a citizen (found by e-mail or fiscal code) at one
    /// of their spaces. With `Code`, the citizen gets a code and the consent waits for it (the
    /// answer is its id); with `Paper`, assisted mode starts at once.
    async fn begin_assistance(
        &self,
        operator: &SessionUser,
        citizen: &str,
        space_id: i64,
        method: AssistMethod,
        client: &ClientInfo,
    ) -> Result<i64, AccountError>;

    /// The operator types the citizen's code: assisted mode starts on the operator's session.
    async fn confirm_assistance(
        &self,
        operator: &SessionUser,
        consent_id: i64,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    /// Ends assisted mode (the operator's own identity comes back).
    async fn end_assistance(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    /// The operator's recent consents, newest first.
    async fn assist_consents(
        &self,
        operator: &SessionUser,
    ) -> Result<Vec<crate::model::AssistConsent>, AccountError>;

    /// Switches the requesting device to kiosk mode for a space (city administrators with the
    /// users permission); returns the cookie that marks the device. The administrator's own
    /// session ends, so the kiosk starts clean.
    async fn enable_kiosk(
        &self,
        admin: &SessionUser,
        name: &str,
        space_id: i64,
        client: &ClientInfo,
    ) -> Result<Vec<String>, AccountError>;

    async fn revoke_kiosk(
        &self,
        admin: &SessionUser,
        device_id: i64,
        client: &ClientInfo,
    ) -> Result<(), AccountError>;

    async fn kiosk_devices(
        &self,
        admin: &SessionUser,
    ) -> Result<Vec<crate::model::KioskDevice>, AccountError>;

    /// What visitors said of the pages (the caller holds the content permission).
    async fn page_feedback(
        &self,
        reader: &SessionUser,
    ) -> Result<crate::model::PageFeedbackReport, AccountError>;

    /// The audit log, newest first (the caller holds the audit permission).
    async fn audit_log(
        &self,
        reader: &SessionUser,
        person: Option<i64>,
        page: PageRequest,
        client: &ClientInfo,
    ) -> Result<Paged<AuditEvent>, AccountError>;
}

pub type SharedAccounts = Arc<dyn Accounts>;

impl AccountError {
    /// The error as plain data for messages and page URLs (`i18n::accounts`).
    pub fn kind(&self) -> crate::i18n::accounts::app_error::AccountErrorKind {
        use crate::i18n::accounts::app_error::AccountErrorKind as K;
        match self {
            AccountError::InvalidCredentials => K::InvalidCredentials,
            AccountError::Throttled { minutes } => K::Throttled(*minutes),
            AccountError::EmailNotVerified => K::EmailNotVerified,
            AccountError::InvalidField(f) => K::InvalidField(f),
            AccountError::WeakPassword(p) => K::WeakPassword(*p),
            AccountError::EmailTaken => K::EmailTaken,
            AccountError::InvalidToken => K::InvalidToken,
            AccountError::IdentityFailed => K::IdentityFailed,
            AccountError::IdentityUnavailable => K::IdentityUnavailable,
            AccountError::IdentityNeedsLink => K::IdentityNeedsLink,
            AccountError::IdentityLinkedElsewhere => K::IdentityLinkedElsewhere,
            AccountError::Forbidden => K::Forbidden,
            AccountError::Internal => K::Internal,
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        crate::i18n::accounts::error_message(locale, &self.kind())
    }
}

//! Accounts as pages and server functions see them.

use serde::{Deserialize, Serialize};

/// The person behind the current request (from the session cookie), as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub session_id: i64,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    /// Role codes (`citizen`, `city_admin`, …).
    pub roles: Vec<String>,
    /// City permission codes (`audit`, `users`, …).
    pub permissions: Vec<String>,
    /// The token every form of this session carries (CSRF defence).
    pub csrf_token: String,
    /// Assisted mode: this session belongs to a WeMi space operator who acts for the person
    /// above (the citizen), with the citizen's consent, until `until`.
    pub assisted_by: Option<AssistedBy>,
    /// The session runs on a kiosk tablet of a WeMi space.
    pub kiosk: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssistedBy {
    /// The operator.
    pub user_id: i64,
    pub name: String,
    /// RFC 3339, UTC: when assisted mode ends by itself.
    pub until: String,
    /// "HH:MM" in Rome, for the banner.
    pub until_rome: String,
}

/// A consent to assisted mode being collected (the operator's page shows it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssistConsent {
    pub id: i64,
    pub citizen_name: String,
    pub space_name: String,
    /// `otp` or `paper`.
    pub method: String,
    pub created_at: String,
    pub confirmed_at: Option<String>,
    pub ended_at: Option<String>,
}

/// The request's identity, put in the request by the server's session layer. Pages read the
/// `user`; authorization reads the `principal`.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user: SessionUser,
    pub principal: domain::accounts::roles::Principal,
}

/// What the area personale shows about the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub fiscal_code: Option<String>,
    pub locale: String,
    pub has_password: bool,
    /// RFC 3339 UTC; set while a requested deletion waits for its grace period to end.
    pub deletion_due_at: Option<String>,
    pub consents: Vec<ConsentRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub kind: String,
    pub version: String,
    pub accepted_at: String,
}

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: i64,
    /// RFC 3339 UTC.
    pub at: String,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub on_behalf_of_user_id: Option<i64>,
    pub action: String,
    pub subject_user_id: Option<i64>,
    pub target: String,
    pub reason: String,
    pub ip: String,
}

/// A tablet of a WeMi space in kiosk mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskDevice {
    pub id: i64,
    pub name: String,
    pub space_id: i64,
    pub space_name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// What visitors said of the pages (the "Quanto sono chiare le informazioni?" widget).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageFeedbackReport {
    pub pages: Vec<PageScoreView>,
    pub comments: Vec<PageCommentView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageScoreView {
    pub page: String,
    pub answers: i64,
    /// Sum of the stars: the average is `stars / answers`.
    pub stars: i64,
    /// Answers with 4 or 5 stars.
    pub positive: i64,
    /// UTC, RFC 3339.
    pub latest: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageCommentView {
    pub page: String,
    pub rating: i64,
    pub answer: Option<String>,
    pub comment: String,
    pub at: String,
}

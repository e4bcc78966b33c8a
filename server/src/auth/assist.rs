//! Assisted mode (issue 5): at the citizen's request, an operator of a WeMi space acts for
//! them. The citizen consents with a one-time code e-mailed to them (read out at the desk) or
//! with a signed paper form whose reference the operator records. Then, for at most 30
//! minutes, the operator's session carries the citizen's identity; every action is audited
//! with both identities (see `AccountService::entry`), and the account's security (password,
//! deletion) stays out of reach.

use app::i18n::Locale;
use app::model::SessionUser;
use app::ports::{AccountError, AssistMethod, ClientInfo};
use domain::accounts::email;
use domain::accounts::roles::RoleKind;
use domain::accounts::session::ASSISTED_MAX_SECS;
use time::Duration;

use super::service::{AccountService, internal, now};
use super::tokens;
use crate::mail::templates;
use crate::store::{accounts as store, assist as store_assist, audit};

/// Digits of the code the citizen reads out, how long it lasts, how many tries it allows.
const CODE_DIGITS: u32 = 6;
const CODE_MINUTES: i64 = 10;
const CODE_ATTEMPTS: i64 = 5;

impl AccountService {
    pub(super) async fn begin_assist(
        &self,
        operator: &SessionUser,
        citizen: &str,
        space_id: i64,
        method: AssistMethod,
        client: &ClientInfo,
    ) -> Result<i64, AccountError> {
        let principal = self.principal(operator.user_id).await?;
        if operator.assisted_by.is_some() || !principal.spaces().any(|s| s == space_id) {
            return Err(AccountError::Forbidden);
        }
        let citizen = citizen.trim();
        let person = if citizen.contains('@') {
            let address = email::normalize(citizen).ok_or(AccountError::InvalidField("citizen"))?;
            store::user_by_email(self.db(), &address)
                .await
                .map_err(internal)?
        } else {
            let code = super::oidc::normalize_fiscal_code(citizen)
                .ok_or(AccountError::InvalidField("citizen"))?;
            store::user_by_fiscal_code(self.db(), &code)
                .await
                .map_err(internal)?
        };
        let person = person
            .filter(|p| p.status != "deleted" && p.id != operator.user_id)
            .ok_or(AccountError::InvalidField("citizen"))?;
        // Only citizens and domestic workers are helped at the desk: an operator must never be
        // able to act as staff of a provider, of a space or of the city.
        if !self.principal(person.id).await?.is_assistable() {
            return Err(AccountError::InvalidField("citizen"));
        }
        let space_name = store_assist::space_name(self.db(), space_id)
            .await
            .map_err(internal)?
            .ok_or(AccountError::Forbidden)?;
        let at = now();
        let (method_code, reference, code) = match &method {
            AssistMethod::Code => (
                "otp",
                String::new(),
                Some(tokens::numeric_code(CODE_DIGITS)),
            ),
            AssistMethod::Paper { reference } => {
                let reference = reference.trim();
                if reference.is_empty() || reference.chars().count() > 60 {
                    return Err(AccountError::InvalidField("reference"));
                }
                ("paper", reference.to_string(), None)
            }
        };
        let code_hash = code.as_deref().map(tokens::digest);
        let id = store_assist::create_consent(
            self.db(),
            &store_assist::NewConsent {
                operator: operator.user_id,
                citizen: person.id,
                space: space_id,
                method: method_code,
                paper_reference: &reference,
                otp_hash: code_hash.as_deref(),
                otp_expires_at: code.as_ref().map(|_| at + Duration::minutes(CODE_MINUTES)),
            },
            at,
        )
        .await
        .map_err(internal)?;
        let locale = Locale::from_code(&person.locale).unwrap_or_default();
        let consent_ref = format!("consent #{id}");
        self.audit(audit::Entry {
            subject: Some(person.id),
            target: &consent_ref,
            reason: method_code,
            ..self.entry("assist_requested", Some(operator.user_id), client)
        })
        .await;
        match code {
            Some(code) => {
                self.send_to(
                    &person.email,
                    templates::assist_code(
                        locale,
                        &person.name,
                        &operator.name,
                        &space_name,
                        &code,
                        CODE_MINUTES as u32,
                    ),
                )
                .await?;
            }
            None => {
                self.start(operator, person.id, id, &space_name, client)
                    .await?
            }
        }
        Ok(id)
    }

    pub(super) async fn confirm_assist(
        &self,
        operator: &SessionUser,
        consent_id: i64,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        if operator.assisted_by.is_some() {
            return Err(AccountError::Forbidden);
        }
        let Some(pending) = store_assist::pending_code(self.db(), consent_id, operator.user_id)
            .await
            .map_err(internal)?
        else {
            return Err(AccountError::InvalidToken);
        };
        let (citizen, hash, expires, attempts) = (
            pending.citizen_user_id,
            pending.otp_hash,
            pending.otp_expires_at,
            pending.attempts,
        );
        let at = now();
        if attempts >= CODE_ATTEMPTS || expires.is_none_or(|e| e <= at) {
            return Err(AccountError::InvalidToken);
        }
        // Count the try before checking it, in one statement: parallel guesses cannot get past
        // the limit.
        if !store_assist::take_attempt(self.db(), consent_id, CODE_ATTEMPTS)
            .await
            .map_err(internal)?
        {
            return Err(AccountError::InvalidToken);
        }
        let typed: String = code.chars().filter(char::is_ascii_digit).collect();
        let matches = hash.is_some_and(|h| tokens::same_secret(&tokens::digest(&typed), &h));
        if !matches {
            self.audit(audit::Entry {
                subject: Some(citizen),
                ..self.entry("assist_code_refused", Some(operator.user_id), client)
            })
            .await;
            return Err(AccountError::InvalidField("code"));
        }
        if !store_assist::confirm(self.db(), consent_id, at)
            .await
            .map_err(internal)?
        {
            return Err(AccountError::InvalidToken);
        }
        let space_name = store_assist::space_name(self.db(), pending.space_id)
            .await
            .map_err(internal)?
            .unwrap_or_default();
        self.start(operator, citizen, consent_id, &space_name, client)
            .await
    }

    /// Switches the operator's session to the citizen for at most 30 minutes.
    async fn start(
        &self,
        operator: &SessionUser,
        citizen: i64,
        consent: i64,
        space_name: &str,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let principal = self.principal(operator.user_id).await?;
        if !principal.has_kind(RoleKind::SpaceOperator) {
            return Err(AccountError::Forbidden);
        }
        let consent_space = store_assist::consent_space(self.db(), consent)
            .await
            .map_err(internal)?;
        if !consent_space.is_some_and(|space| principal.spaces().any(|s| s == space)) {
            return Err(AccountError::Forbidden);
        }
        let until = now() + Duration::seconds(ASSISTED_MAX_SECS);
        store_assist::start_on_session(self.db(), operator.session_id, citizen, consent, until)
            .await
            .map_err(internal)?;
        let consent_ref = format!("consent #{consent}");
        self.audit(audit::Entry {
            actor: Some(operator.user_id),
            on_behalf_of: Some(citizen),
            subject: Some(citizen),
            target: &consent_ref,
            ..self.entry("assist_started", None, client)
        })
        .await;
        let person = self.user(citizen).await?;
        let locale = Locale::from_code(&person.locale).unwrap_or_default();
        self.send_to(
            &person.email,
            templates::assist_started(locale, &person.name, &operator.name, space_name),
        )
        .await
    }

    pub(super) async fn end_assist(
        &self,
        user: &SessionUser,
        client: &ClientInfo,
    ) -> Result<(), AccountError> {
        let Some(operator) = &user.assisted_by else {
            return Ok(());
        };
        let consent = store_assist::end_on_session(self.db(), user.session_id, now())
            .await
            .map_err(internal)?;
        let consent_ref = consent.map(|c| format!("consent #{c}")).unwrap_or_default();
        self.audit(audit::Entry {
            actor: Some(operator.user_id),
            on_behalf_of: Some(user.user_id),
            subject: Some(user.user_id),
            target: &consent_ref,
            reason: "ended by the operator",
            ..self.entry("assist_ended", None, client)
        })
        .await;
        Ok(())
    }
}

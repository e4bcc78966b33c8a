//! Server functions of the account pages. Each is a plain form post that answers with a
//! redirect: to the next page on success, back to the form with an error code otherwise, so
//! every form works without JavaScript. The work is in the `Accounts` port.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::model::SessionUser;
#[cfg(feature = "ssr")]
use crate::ports::{AccountError, ClientInfo, SharedAccounts};

#[cfg(feature = "ssr")]
fn accounts() -> Result<SharedAccounts, ServerFnError> {
    use_context::<SharedAccounts>().ok_or_else(|| ServerFnError::new("accounts not configured"))
}

#[cfg(feature = "ssr")]
fn client() -> ClientInfo {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientInfo>().cloned())
        .unwrap_or_default()
}

/// The logged-in person; the route rules already refused anonymous calls where one is needed.
#[cfg(feature = "ssr")]
fn who() -> Result<SessionUser, ServerFnError> {
    crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Back to `path` with the error's code (the page shows the localized message).
#[cfg(feature = "ssr")]
fn back_with_error(path: &str, err: &AccountError) {
    let separator = if path.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!("{path}{separator}errore={}", err.kind().code()));
}

#[cfg(feature = "ssr")]
fn locale_of(lang: Option<&str>) -> Locale {
    Locale::from_param(lang)
}

/// Only local paths (no open redirect): `domain::accounts::redirect`.
pub fn safe_next(next: Option<&str>) -> String {
    domain::accounts::redirect::local_path_or_default(next)
}

#[server(prefix = "/fn", endpoint = "login")]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?.login(&email, &password, &client()).await {
        Ok(session) => {
            set_cookie(&session.set_cookie);
            leptos_axum::redirect(&safe_next(next.as_deref()));
        }
        Err(err) => {
            let next: String =
                form_urlencoded::byte_serialize(safe_next(next.as_deref()).as_bytes()).collect();
            back_with_error(&format!("/accedi?lang={}&next={next}", locale.code()), &err);
        }
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "logout")]
pub async fn logout(lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    if let Some(user) = crate::session::session_user() {
        match accounts()?.logout(&user, &client()).await {
            Ok(clear) => {
                set_cookie(&clear);
                // On a kiosk nothing of this person may stay in the browser.
                if user.kiosk
                    && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
                {
                    response.insert_header(
                        http::HeaderName::from_static("clear-site-data"),
                        http::HeaderValue::from_static("\"cache\", \"storage\""),
                    );
                }
            }
            Err(err) => return Err(ServerFnError::new(err.message(locale))),
        }
    }
    leptos_axum::redirect(&format!("/accedi?lang={}&uscito=1", locale.code()));
    Ok(())
}

#[server(prefix = "/fn", endpoint = "register")]
pub async fn register(
    name: String,
    email: String,
    password: String,
    privacy: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let form = crate::ports::Registration {
        name,
        email,
        password,
        privacy_accepted: privacy.is_some(),
        locale,
    };
    match accounts()?.register(&form, &client()).await {
        Ok(()) => leptos_axum::redirect(&format!("/registrati?lang={}&inviato=1", locale.code())),
        Err(err) => back_with_error(&format!("/registrati?lang={}", locale.code()), &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "verify_email")]
pub async fn verify_email(token: String, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?.verify_email(&token, &client()).await {
        Ok(()) => leptos_axum::redirect(&format!("/accedi?lang={}&verificato=1", locale.code())),
        Err(err) => back_with_error(&format!("/verifica-email?lang={}", locale.code()), &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "forgot_password")]
pub async fn forgot_password(email: String, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?
        .request_password_reset(&email, locale, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!(
            "/password-dimenticata?lang={}&inviato=1",
            locale.code()
        )),
        Err(err) => back_with_error(
            &format!("/password-dimenticata?lang={}", locale.code()),
            &err,
        ),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?
        .reset_password(&token, &password, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("/accedi?lang={}&reimpostata=1", locale.code())),
        Err(err) => {
            let token: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
            back_with_error(
                &format!("/reimposta-password?lang={}&token={token}", locale.code()),
                &err,
            )
        }
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "change_password")]
pub async fn change_password(
    current: String,
    password: String,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let back = format!("/area-personale/sicurezza?lang={}", locale.code());
    match accounts()?
        .change_password(&who()?, &current, &password, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{back}&cambiata=1")),
        Err(AccountError::InvalidCredentials) => {
            back_with_error(&back, &AccountError::InvalidField("current"))
        }
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "update_profile")]
pub async fn update_profile(
    name: String,
    phone: String,
    locale: String,
) -> Result<(), ServerFnError> {
    let chosen = Locale::from_code(&locale).unwrap_or_default();
    let back = format!("/area-personale/profilo?lang={}", chosen.code());
    match accounts()?
        .update_profile(&who()?, &name, &phone, chosen, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{back}&salvato=1")),
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "request_deletion")]
pub async fn request_deletion(
    confirm: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let back = format!("/area-personale/privacy?lang={}", locale.code());
    if confirm.is_none() {
        back_with_error(&back, &AccountError::InvalidField("confirm"));
        return Ok(());
    }
    match accounts()?.request_deletion(&who()?, &client()).await {
        Ok(_) => leptos_axum::redirect(&format!("{back}#cancellazione")),
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "cancel_deletion")]
pub async fn cancel_deletion(lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let back = format!("/area-personale/privacy?lang={}", locale.code());
    match accounts()?.cancel_deletion(&who()?, &client()).await {
        Ok(()) => leptos_axum::redirect(&format!("{back}&annullata=1")),
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

/// What the area personale pages show.
#[server(prefix = "/fn", endpoint = "account_profile")]
pub async fn account_profile() -> Result<crate::model::Profile, ServerFnError> {
    accounts()?
        .profile(&who()?)
        .await
        .map_err(|e| ServerFnError::new(e.message(crate::locale::request_locale())))
}

/// One page of the audit log (city administrators with the audit permission).
#[server(prefix = "/fn", endpoint = "audit_log")]
pub async fn audit_log(
    page: u32,
    person: Option<i64>,
) -> Result<crate::model::Paged<crate::model::AuditEvent>, ServerFnError> {
    let page = crate::model::PageRequest {
        page: page.clamp(1, 1_000_000),
        per_page: 50,
    };
    accounts()?
        .audit_log(&who()?, person.filter(|p| *p > 0), page, &client())
        .await
        .map_err(|e| ServerFnError::new(e.message(crate::locale::request_locale())))
}

/// The page-feedback results (city staff with the content permission).
#[server(prefix = "/fn", endpoint = "page_feedback_results")]
pub async fn page_feedback_results() -> Result<crate::model::PageFeedbackReport, ServerFnError> {
    accounts()?
        .page_feedback(&who()?)
        .await
        .map_err(|e| ServerFnError::new(e.message(crate::locale::request_locale())))
}

/// Whether the login page offers SPID/CIE.
#[server(prefix = "/fn", endpoint = "identity_login_available")]
pub async fn identity_login_available() -> Result<bool, ServerFnError> {
    Ok(accounts()?.identity_login_available())
}

/// What the operator's assisted-mode page shows: their spaces and recent consents.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AssistPageData {
    pub spaces: Vec<(i64, String)>,
    pub consents: Vec<crate::model::AssistConsent>,
}

#[server(prefix = "/fn", endpoint = "assist_page")]
pub async fn assist_page() -> Result<AssistPageData, ServerFnError> {
    let operator = who()?;
    let mine: Vec<i64> = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::model::CurrentUser>().cloned())
        .map(|c| c.principal.spaces().collect())
        .unwrap_or_default();
    let spaces = crate::api::store()?
        .spaces()
        .await
        .map_err(crate::api::internal)?
        .into_iter()
        .filter(|s| mine.contains(&s.id))
        .map(|s| (s.id, s.name))
        .collect();
    let consents = accounts()?
        .assist_consents(&operator)
        .await
        .map_err(|e| ServerFnError::new(e.message(crate::locale::request_locale())))?;
    Ok(AssistPageData { spaces, consents })
}

#[server(prefix = "/fn", endpoint = "begin_assistance")]
pub async fn begin_assistance(
    citizen: String,
    space: i64,
    method: String,
    reference: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let back = format!("/operatore/assistenza?lang={}", locale.code());
    let method = match method.as_str() {
        "paper" => crate::ports::AssistMethod::Paper {
            reference: reference.unwrap_or_default(),
        },
        _ => crate::ports::AssistMethod::Code,
    };
    let paper = matches!(method, crate::ports::AssistMethod::Paper { .. });
    match accounts()?
        .begin_assistance(&who()?, &citizen, space, method, &client())
        .await
    {
        Ok(_) if paper => leptos_axum::redirect(&format!("/area-personale?lang={}", locale.code())),
        Ok(id) => leptos_axum::redirect(&format!("{back}&consenso={id}#assist-code-form")),
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "confirm_assistance")]
pub async fn confirm_assistance(
    consent: i64,
    code: String,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?
        .confirm_assistance(&who()?, consent, &code, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("/area-personale?lang={}", locale.code())),
        Err(err @ AccountError::InvalidField(_)) => back_with_error(
            &format!(
                "/operatore/assistenza?lang={}&consenso={consent}",
                locale.code()
            ),
            &err,
        ),
        Err(err) => back_with_error(
            &format!("/operatore/assistenza?lang={}", locale.code()),
            &err,
        ),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "end_assistance")]
pub async fn end_assistance(lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    if let Ok(user) = who() {
        accounts()?
            .end_assistance(&user, &client())
            .await
            .map_err(|e| ServerFnError::new(e.message(locale)))?;
    }
    leptos_axum::redirect(&format!(
        "/operatore/assistenza?lang={}&terminata=1",
        locale.code()
    ));
    Ok(())
}

/// What the kiosk administration page shows: every device and every space.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KioskPageData {
    pub devices: Vec<crate::model::KioskDevice>,
    pub spaces: Vec<(i64, String)>,
}

#[server(prefix = "/fn", endpoint = "kiosk_devices")]
pub async fn kiosk_devices() -> Result<KioskPageData, ServerFnError> {
    let devices = accounts()?
        .kiosk_devices(&who()?)
        .await
        .map_err(|e| ServerFnError::new(e.message(crate::locale::request_locale())))?;
    let spaces = crate::api::store()?
        .spaces()
        .await
        .map_err(crate::api::internal)?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(KioskPageData { devices, spaces })
}

#[server(prefix = "/fn", endpoint = "enable_kiosk")]
pub async fn enable_kiosk(
    name: String,
    space: i64,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match accounts()?
        .enable_kiosk(&who()?, &name, space, &client())
        .await
    {
        Ok(cookies) => {
            for cookie in cookies {
                set_cookie(&cookie);
            }
            leptos_axum::redirect(&format!("/?lang={}", locale.code()));
        }
        Err(err) => back_with_error(
            &format!("/amministrazione/chioschi?lang={}", locale.code()),
            &err,
        ),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "revoke_kiosk")]
pub async fn revoke_kiosk(device: i64, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let back = format!("/amministrazione/chioschi?lang={}", locale.code());
    match accounts()?.revoke_kiosk(&who()?, device, &client()).await {
        Ok(()) => leptos_axum::redirect(&back),
        Err(err) => back_with_error(&back, &err),
    }
    Ok(())
}

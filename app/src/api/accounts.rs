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

/// Only local paths (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.len() <= 500 =>
        {
            p.to_string()
        }
        _ => "/area-personale".to_string(),
    }
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
            Ok(clear) => set_cookie(&clear),
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

/// Whether the login page offers SPID/CIE.
#[server(prefix = "/fn", endpoint = "identity_login_available")]
pub async fn identity_login_available() -> Result<bool, ServerFnError> {
    Ok(accounts()?.identity_login_available())
}

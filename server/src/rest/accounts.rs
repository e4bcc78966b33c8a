//! Accounts and sessions (CONTRACT.md "Accounts and sessions"): login, logout, the current
//! user, the GDPR export and the audit log. Thin: the work is in `auth::service`.

use std::collections::HashMap;

use app::i18n::Locale;
use app::model::{AuditEvent, CurrentUser};
use app::ports::{AccountError, Accounts, ClientInfo};
use axum::Json;
use axum::extract::{Extension, Query, State};
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_DISPOSITION, RETRY_AFTER, SET_COOKIE};
use http::{HeaderValue, StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::dto::ErrorBody;
use super::error::ApiError;
use super::paging::page_request;
use crate::http::AppState;

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserBody {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// `citizen`, `worker`, `provider_admin`, `provider_operator`, `space_operator`, `city_admin`.
    pub roles: Vec<String>,
    /// City permissions (`audit`, `users`, …) of a city administrator.
    pub permissions: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionBody {
    pub user: UserBody,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLogPage {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<AuditEvent>,
}

fn user_body(user: &app::model::SessionUser) -> UserBody {
    UserBody {
        id: user.user_id,
        name: user.name.clone(),
        email: user.email.clone(),
        roles: user.roles.clone(),
        permissions: user.permissions.clone(),
    }
}

/// An account error as an API error, in the request's language.
pub fn account_error(err: AccountError, locale: Locale) -> Response {
    let message = err.message(locale);
    let (status, code) = match &err {
        AccountError::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
        AccountError::Throttled { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
        AccountError::EmailNotVerified => (StatusCode::FORBIDDEN, "email_not_verified"),
        AccountError::InvalidField(_) | AccountError::WeakPassword(_) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
        }
        AccountError::EmailTaken => (StatusCode::CONFLICT, "email_taken"),
        AccountError::InvalidToken => (StatusCode::BAD_REQUEST, "invalid_token"),
        AccountError::IdentityFailed => (StatusCode::BAD_REQUEST, "identity_failed"),
        AccountError::IdentityUnavailable => {
            (StatusCode::SERVICE_UNAVAILABLE, "identity_unavailable")
        }
        AccountError::IdentityNeedsLink | AccountError::IdentityLinkedElsewhere => {
            (StatusCode::CONFLICT, "identity_conflict")
        }
        AccountError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        AccountError::Internal => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    let mut api = ApiError::new(status, code, message);
    api.field = err.kind().field();
    let mut response = api.into_response();
    if let AccountError::Throttled { minutes } = err
        && let Ok(v) = HeaderValue::from_str(&(minutes * 60).to_string())
    {
        response.headers_mut().insert(RETRY_AFTER, v);
    }
    response
}

fn unauthenticated(locale: Locale) -> Response {
    let message = match locale {
        Locale::It => "Accesso richiesto: la sessione non è valida o è scaduta.",
        Locale::En => "Login required: the session is not valid or has expired.",
    };
    ApiError::new(StatusCode::UNAUTHORIZED, "unauthenticated", message).into_response()
}

/// Logs in with e-mail and password; sets the session cookie.
#[utoipa::path(post, path = "/session", tag = "accounts", request_body = Credentials,
    responses(
        (status = 200, body = SessionBody, description = "Logged in; `Set-Cookie: wemi_session=…; HttpOnly; SameSite=Lax`"),
        (status = 401, body = ErrorBody, description = "Wrong e-mail or password"),
        (status = 403, body = ErrorBody, description = "E-mail address not verified yet"),
        (status = 429, body = ErrorBody, description = "10 failures for the account or the address within 15 minutes"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    body: Result<Json<Credentials>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Ok(Json(credentials)) = body else {
        let message = match locale {
            Locale::It => "Invia un oggetto JSON con i campi email e password.",
            Locale::En => "Send a JSON object with the fields email and password.",
        };
        return ApiError::new(StatusCode::BAD_REQUEST, "invalid_body", message).into_response();
    };
    match state
        .accounts
        .login(&credentials.email, &credentials.password, &client)
        .await
    {
        Ok(session) => {
            let mut response = Json(SessionBody {
                user: user_body(&session.user),
            })
            .into_response();
            if let Ok(v) = HeaderValue::from_str(&session.set_cookie) {
                response.headers_mut().append(SET_COOKIE, v);
            }
            response
        }
        Err(err) => account_error(err, locale),
    }
}

/// Logs out: the session ends on the server, so the old cookie is dead everywhere.
#[utoipa::path(delete, path = "/session", tag = "accounts",
    responses((status = 204, description = "Logged out (also when there was no session)")))]
pub async fn logout(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
) -> Response {
    let clear = match current {
        Some(Extension(current)) => match state.accounts.logout(&current.user, &client).await {
            Ok(clear) => clear,
            Err(err) => return account_error(err, locale),
        },
        None => crate::auth::cookies::clear(
            crate::auth::cookies::SESSION_COOKIE,
            state.accounts.secure_cookies(),
        ),
    };
    let mut response = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = HeaderValue::from_str(&clear) {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

/// The session's user.
#[utoipa::path(get, path = "/session", tag = "accounts",
    responses((status = 200, body = SessionBody), (status = 401, body = ErrorBody)))]
pub async fn session(
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
) -> Response {
    match current {
        Some(Extension(c)) => Json(SessionBody {
            user: user_body(&c.user),
        })
        .into_response(),
        None => unauthenticated(locale),
    }
}

/// The logged-in user.
#[utoipa::path(get, path = "/me", tag = "accounts",
    responses((status = 200, body = UserBody), (status = 401, body = ErrorBody)))]
pub async fn me(
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
) -> Response {
    match current {
        Some(Extension(c)) => Json(user_body(&c.user)).into_response(),
        None => unauthenticated(locale),
    }
}

/// Everything the portal holds about the logged-in user (GDPR art. 15 and 20), as a download.
#[utoipa::path(get, path = "/me/export", tag = "accounts",
    responses((status = 200, description = "JSON document", content_type = "application/json"),
        (status = 401, body = ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
) -> Response {
    let Some(Extension(current)) = current else {
        return unauthenticated(locale);
    };
    match state.accounts.export(&current.user, &client).await {
        Ok(document) => {
            let mut response = Json(document).into_response();
            response.headers_mut().insert(
                CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"wemi-miei-dati.json\""),
            );
            response
        }
        Err(err) => account_error(err, locale),
    }
}

/// Audit events, newest first (city administrators with the audit permission).
#[utoipa::path(get, path = "/admin/audit-log", tag = "accounts",
    params(
        ("page" = Option<u32>, Query, description = "From 1"),
        ("per_page" = Option<u32>, Query, description = "1–100, default 20"),
        ("person" = Option<i64>, Query, description = "Only events by, about or on behalf of this user id"),
    ),
    responses((status = 200, body = AuditLogPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(Extension(current)) = current else {
        return unauthenticated(locale);
    };
    let page = match page_request(&query, locale) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let person = match query
        .get("person")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
    {
        None => None,
        Some(v) => match v.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                let message = match locale {
                    Locale::It => "Il parametro person deve essere un numero utente.",
                    Locale::En => "The person parameter must be a user number.",
                };
                return ApiError::invalid("person", message).into_response();
            }
        },
    };
    match state
        .accounts
        .audit_log(&current.user, person, page, &client)
        .await
    {
        Ok(paged) => Json(AuditLogPage {
            total: paged.total,
            page: paged.page,
            per_page: paged.per_page,
            items: paged.items,
        })
        .into_response(),
        Err(err) => account_error(err, locale),
    }
}

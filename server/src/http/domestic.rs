//! Domestic work's form posts and files. Plain axum handlers because the forms repeat fields
//! (checkbox groups, the week's time ranges), which server functions' form decoding does not
//! read as lists. The route rules (logged in / staff permission) and the CSRF check ran before
//! these; which application, request or proposal one may touch is the service's check.
//! Every post answers with a redirect (303), so the forms work without JavaScript.

use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::{ClientInfo, DomesticError, DomesticWork, ProposalAction, Upload};
use axum::body::Bytes;
use axum::extract::{Extension, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::domestic::Fields;
use domain::domestic::application::Step;
use http::{StatusCode, header};

use crate::domestic::DomesticService;

type Current = Option<Extension<CurrentUser>>;

fn fields(body: &Bytes) -> Fields {
    Fields::new(
        form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
    )
}

fn login(next: &str) -> Response {
    Redirect::to(&format!("/accedi?next={next}")).into_response()
}

fn with_error(path: &str, err: &DomesticError) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    match err {
        DomesticError::Fields(_) => format!("{path}{sep}errori=1"),
        other => format!("{path}{sep}errore={}", other.code()),
    }
}

fn not_found(locale: Locale) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        DomesticError::NotFound.message(locale),
    )
        .into_response()
}

/// `POST /lavoro-domestico/candidatura/salva`: one step (`passo`); on to the next step, or
/// back to the same one with the refused draft.
pub async fn save_step(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/lavoro-domestico/candidatura");
    };
    let f = fields(&body);
    let step = Step::parse(f.get("passo")).unwrap_or(Step::Personal);
    let page = |step: Step| {
        format!(
            "/lavoro-domestico/candidatura?passo={}&lang={}",
            step.code(),
            locale.code()
        )
    };
    match s.save_step(&current.user, step.code(), &f, &client).await {
        // Adding or removing an experience stays on its step.
        Ok(()) if step == Step::Experience && f.get("action") != "next" => {
            Redirect::to(&format!("{}&salvato=1", page(step))).into_response()
        }
        Ok(()) => Redirect::to(&format!("{}&salvato=1", page(step.next()))).into_response(),
        Err(err) => Redirect::to(&with_error(&page(step), &err)).into_response(),
    }
}

/// `POST /lavoro-domestico/candidatura/invia`.
pub async fn submit(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/lavoro-domestico/candidatura");
    };
    let page = format!(
        "/lavoro-domestico/candidatura?passo=riepilogo&lang={}",
        locale.code()
    );
    match s.submit_application(&current.user, locale, &client).await {
        Ok(()) => Redirect::to(&format!("{page}&inviata=1")).into_response(),
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

/// `POST /lavoro-domestico/candidatura/documenti` (multipart: `kind`, `file`).
pub async fn upload(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    mut form: Multipart,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/lavoro-domestico/candidatura");
    };
    let page = format!(
        "/lavoro-domestico/candidatura?passo=documenti&lang={}",
        locale.code()
    );
    let mut upload = Upload::default();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("kind") => upload.kind = field.text().await.unwrap_or_default(),
                Some("file") => {
                    upload.filename = field.file_name().unwrap_or("").to_string();
                    match field.bytes().await {
                        Ok(bytes) => upload.bytes = bytes.to_vec(),
                        Err(_) => {
                            return Redirect::to(&format!("{page}&errore=document-too-large"))
                                .into_response();
                        }
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => {
                return Redirect::to(&format!("{page}&errore=document-too-large")).into_response();
            }
        }
    }
    match s.upload_document(&current.user, upload, &client).await {
        Ok(()) => Redirect::to(&format!("{page}&salvato=1")).into_response(),
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

/// `POST /lavoro-domestico/candidatura/documenti/elimina` (`id`).
pub async fn delete_document(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/lavoro-domestico/candidatura");
    };
    let page = format!(
        "/lavoro-domestico/candidatura?passo=documenti&lang={}",
        locale.code()
    );
    let id: i64 = fields(&body).get("id").parse().unwrap_or(0);
    match s.delete_document(&current.user, id, &client).await {
        Ok(()) => Redirect::to(&format!("{page}&salvato=1")).into_response(),
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

/// A file answered as an attachment, never rendered as one of this site's pages.
fn attachment(filename: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'".to_string(),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /lavoro-domestico/documenti/{id}`.
pub async fn document(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
) -> Response {
    let Some(Extension(current)) = current else {
        return not_found(locale);
    };
    match s.document(&current.user, id, &client).await {
        Ok((name, content_type, bytes)) => attachment(&name, &content_type, bytes),
        Err(DomesticError::NotFound | DomesticError::Forbidden) => not_found(locale),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct CvQuery {
    anonimo: Option<String>,
}

fn cv_response(
    result: Result<Vec<u8>, DomesticError>,
    anonymous: bool,
    locale: Locale,
) -> Response {
    match result {
        Ok(bytes) => attachment(
            if anonymous {
                "cv-anonimo.pdf"
            } else {
                "cv.pdf"
            },
            "application/pdf",
            bytes,
        ),
        Err(DomesticError::NotFound | DomesticError::Forbidden) => not_found(locale),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /lavoro-domestico/candidatura/cv.pdf[?anonimo=1]`: the worker's own CV.
pub async fn own_cv(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Query(q): Query<CvQuery>,
) -> Response {
    let Some(Extension(current)) = current else {
        return not_found(locale);
    };
    let anonymous = q.anonimo.is_some_and(|a| a == "1");
    cv_response(
        s.cv_pdf(&current.user, None, anonymous, locale, &client)
            .await,
        anonymous,
        locale,
    )
}

/// `GET /amministrazione/lavoratori/{id}/cv.pdf[?anonimo=1]`: staff.
pub async fn staff_cv(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    Query(q): Query<CvQuery>,
) -> Response {
    let Some(Extension(current)) = current else {
        return not_found(locale);
    };
    let anonymous = q.anonimo.is_some_and(|a| a == "1");
    cv_response(
        s.cv_pdf(&current.user, Some(id), anonymous, locale, &client)
            .await,
        anonymous,
        locale,
    )
}

/// `POST /lavoro-domestico/richiesta/invia`: the family's request; to its page (with the
/// shortlist), or back to the form with what was typed.
pub async fn create_request(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/lavoro-domestico/richiesta");
    };
    let f = fields(&body);
    // "Estimate the cost": keep what was typed and show the form again with the figures.
    if f.flag("anteprima") {
        let back = format!(
            "/lavoro-domestico/richiesta?lang={}&stima=1#request-estimate",
            locale.code()
        );
        return match s.preview_request(&current.user, &f).await {
            Ok(()) => Redirect::to(&back).into_response(),
            Err(err) => Redirect::to(&with_error(&back, &err)).into_response(),
        };
    }
    let key = f.get("submit_key").to_string();
    match s
        .create_request(&current.user, &f, &key, locale, &client)
        .await
    {
        Ok(reference) => Redirect::to(&format!(
            "/area-personale/lavoro-domestico/{reference}?lang={}&inviata=1",
            locale.code()
        ))
        .into_response(),
        Err(err) => Redirect::to(&with_error(
            &format!("/lavoro-domestico/richiesta?lang={}", locale.code()),
            &err,
        ))
        .into_response(),
    }
}

fn proposal_action(f: &Fields) -> ProposalAction {
    ProposalAction {
        proposal_id: f.get("proposal_id").parse().unwrap_or(0),
        action: f.get("azione").to_string(),
        hiring_mode: f.get("hiring_mode").to_string(),
        reason: f.get("reason").to_string(),
        worker_rating: f.get("worker_rating").parse().ok(),
        worker_feedback: f.get("worker_feedback").to_string(),
        service_rating: f.get("service_rating").parse().ok(),
        service_feedback: f.get("service_feedback").to_string(),
    }
}

/// The actions on a request's page, by `azione`: propose, close, or one on a proposal.
async fn request_action(
    s: &DomesticService,
    current: &CurrentUser,
    reference: &str,
    f: &Fields,
    locale: Locale,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    match f.get("azione") {
        "propose" => {
            let id = f.get("application_id").parse().unwrap_or(0);
            s.propose(&current.user, reference, id, locale, client)
                .await
        }
        "close" => s.close_request(&current.user, reference, client).await,
        _ => {
            let action = proposal_action(f);
            let on = s
                .act_on_proposal(&current.user, &action, locale, client)
                .await?;
            // A proposal of another request posted here: refused like any unknown one.
            if on != reference {
                return Err(DomesticError::NotFound);
            }
            Ok(())
        }
    }
}

/// An action on a request from its page under `base` (the family's or the staff's), back to
/// that page.
async fn request_page_action(
    s: &DomesticService,
    base: &str,
    current: Current,
    reference: &str,
    body: &Bytes,
    locale: Locale,
    client: &ClientInfo,
) -> Response {
    let Some(Extension(current)) = current else {
        return login(base);
    };
    let page = format!("{base}/{reference}?lang={}", locale.code());
    match request_action(s, &current, reference, &fields(body), locale, client).await {
        Ok(()) => Redirect::to(&format!("{page}&fatto=1")).into_response(),
        Err(DomesticError::NotFound) => not_found(locale),
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

/// `POST /area-personale/lavoro-domestico/{reference}/azione` (the family).
pub async fn family_action(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    let base = "/area-personale/lavoro-domestico";
    request_page_action(&s, base, current, &reference, &body, locale, &client).await
}

/// `POST /amministrazione/richieste-lavoro/{reference}/azione` (staff).
pub async fn staff_request_action(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    let base = "/amministrazione/richieste-lavoro";
    request_page_action(&s, base, current, &reference, &body, locale, &client).await
}

/// `POST /area-personale/proposte/azione` (the worker: accept or decline).
pub async fn worker_action(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return login("/area-personale/proposte");
    };
    let page = format!("/area-personale/proposte?lang={}", locale.code());
    let action = proposal_action(&fields(&body));
    if action.action != "accept" && action.action != "decline" {
        return Redirect::to(&format!("{page}&errore=not-allowed")).into_response();
    }
    match s
        .act_on_proposal(&current.user, &action, locale, &client)
        .await
    {
        Ok(_) => Redirect::to(&format!("{page}&fatto=1")).into_response(),
        Err(DomesticError::NotFound) => not_found(locale),
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

/// `POST /amministrazione/lavoratori/{id}/azione` (staff: verify, interview, decide).
pub async fn staff_application_action(
    State(s): State<Arc<DomesticService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Current,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let Some(Extension(current)) = current else {
        return not_found(locale);
    };
    let page = format!("/amministrazione/lavoratori/{id}?lang={}", locale.code());
    match s
        .staff_act(&current.user, id, &fields(&body), locale, &client)
        .await
    {
        Ok(()) => Redirect::to(&format!("{page}&fatto=1")).into_response(),
        Err(DomesticError::NotFound) => not_found(locale),
        Err(DomesticError::Fields(errors)) => {
            let first = errors.first().map(|e| e.field.clone()).unwrap_or_default();
            Redirect::to(&format!("{page}&errore=fields&campo={first}")).into_response()
        }
        Err(err) => Redirect::to(&with_error(&page, &err)).into_response(),
    }
}

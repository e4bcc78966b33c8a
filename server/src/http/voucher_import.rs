//! `POST /amministrazione/voucher/importa`: the city's voucher file, uploaded from the back
//! office page (multipart, so it works without JavaScript). The route rules (permission
//! `vouchers`) and the CSRF check ran before this; the service checks the permission again.
//! Answers with a redirect to the page showing this upload's outcome.

use std::sync::Arc;

use app::i18n::Locale;
use app::model::CurrentUser;
use app::ports::ClientInfo;
use axum::extract::{Extension, Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;

use crate::buying::BuyingService;
use crate::buying::voucher_import::{MAX_FILE_BYTES, Upload, import_file};

const PAGE: &str = "/amministrazione/voucher";

pub async fn upload(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    Extension(client): Extension<ClientInfo>,
    current: Option<Extension<CurrentUser>>,
    mut form: Multipart,
) -> Response {
    let Some(Extension(current)) = current else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let back =
        |flag: &str| Redirect::to(&format!("{PAGE}?lang={}&{flag}", locale.code())).into_response();
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) if bytes.len() <= MAX_FILE_BYTES => {
                        file = Some((name, bytes.to_vec()))
                    }
                    _ => return back("errore=file-too-large"),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back("errore=file-too-large"),
        }
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return back("errore=file-missing");
    };
    match import_file(&buying, &current.user, &name, &bytes, &client).await {
        Ok(Upload::Preview(id)) => back(&format!("anteprima={id}")),
        Ok(Upload::Refused(id)) => back(&format!("importazione={id}")),
        Err(err) => back(&format!("errore={}", err.code())),
    }
}

/// `GET /amministrazione/voucher/spesa.csv`: per scheme, what was assigned, spent, left and
/// revoked.
pub async fn spending(
    State(buying): State<Arc<BuyingService>>,
    Extension(locale): Extension<Locale>,
    current: Option<Extension<CurrentUser>>,
) -> Response {
    use http::header;
    let Some(Extension(current)) = current else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match crate::buying::voucher_import::spending_csv(&buying, &current.user).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"voucher-spesa.csv\"".to_string(),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            text,
        )
            .into_response(),
        Err(err) => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            err.message(locale),
        )
            .into_response(),
    }
}

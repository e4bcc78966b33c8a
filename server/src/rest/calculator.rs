//! `POST /api/v1/calculator/domestic-work`: the domestic-work cost calculation of
//! ../shared/CONTRACT.md. The rules are `domain::calculator`; this handler only reads the
//! request, loads the prices of comparable accredited services, and shapes errors.

use app::api::calculator::comparison_category_slug;
use app::i18n::Locale;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Extension, State};
use domain::calculator::{self, CalcError, CalculatorInput, CalculatorResult};
use domain::money::Money;
use http::StatusCode;

use super::error::ApiError;
use crate::http::AppState;

/// The cost of hiring a domestic worker directly, exact to the cent, with the alternatives.
#[utoipa::path(post, path = "/calculator/domestic-work", tag = "calculator",
    request_body = CalculatorInput,
    responses(
        (status = 200, body = CalculatorResult),
        (status = 422, body = super::dto::ErrorBody, description = "Invalid input; `field` names it"),
    ))]
pub async fn domestic_work(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    body: Bytes,
) -> Result<Json<CalculatorResult>, ApiError> {
    let input = parse(&body, locale)?;
    let category = calculator::cooperative_category(&input).map_err(|e| invalid(&e, locale))?;
    let prices: Vec<Money> = state
        .store
        .hourly_prices(comparison_category_slug(category))
        .await
        .map_err(|e| ApiError::store(e, locale))?
        .into_iter()
        .map(Money::from_cents)
        .collect();
    let result = calculator::compute(&input, &prices).map_err(|e| invalid(&e, locale))?;
    Ok(Json(result))
}

/// Reads the JSON body; a malformed body or a value of the wrong type is a 422 naming the
/// field, never a 5xx.
fn parse(body: &[u8], locale: Locale) -> Result<CalculatorInput, ApiError> {
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}".as_slice()
    } else {
        body
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let field = CalculatorInput::FIELDS
            .iter()
            .copied()
            .find(|f| path == *f || path.starts_with(&format!("{f}.")));
        let message = match (locale, field) {
            (Locale::It, Some(f)) => format!("Il valore del campo {f} non è valido."),
            (Locale::En, Some(f)) => format!("The value of the {f} field is not valid."),
            (Locale::It, None) => "La richiesta non è un oggetto JSON valido.".to_string(),
            (Locale::En, None) => "The request is not a valid JSON object.".to_string(),
        };
        ApiError {
            field,
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_value", message)
        }
    })
}

fn invalid(err: &CalcError, locale: Locale) -> ApiError {
    let message = match locale {
        Locale::It => calculator::message_it(err),
        Locale::En => calculator::message_en(err),
    };
    ApiError {
        field: Some(err.field),
        ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, err.code, message)
    }
}

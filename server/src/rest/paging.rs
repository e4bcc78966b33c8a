use app::i18n::Locale;
use app::model::PageRequest;
use std::collections::HashMap;

use super::error::ApiError;

pub const DEFAULT_PER_PAGE: u32 = 20;

/// Reads `page` (from 1) and `per_page` (1–100) from the query; anything else is a 400 that
/// names the parameter.
pub fn page_request(
    query: &HashMap<String, String>,
    locale: Locale,
) -> Result<PageRequest, ApiError> {
    let number = |field: &'static str, default: u32, max: u32| -> Result<u32, ApiError> {
        match query.get(field).map(|v| v.trim()) {
            None | Some("") => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| {
                    let message = match locale {
                        Locale::It => format!(
                            "Il parametro {field} deve essere un numero intero tra 1 e {max}."
                        ),
                        Locale::En => format!(
                            "The {field} parameter must be a whole number between 1 and {max}."
                        ),
                    };
                    ApiError::invalid(field, message)
                }),
        }
    };
    Ok(PageRequest {
        page: number("page", 1, 1_000_000)?,
        per_page: number("per_page", DEFAULT_PER_PAGE, PageRequest::MAX_PER_PAGE)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_and_limits() {
        let p = page_request(&q(&[]), Locale::It).unwrap();
        assert_eq!((p.page, p.per_page), (1, DEFAULT_PER_PAGE));
        let p = page_request(&q(&[("page", "3"), ("per_page", "100")]), Locale::It).unwrap();
        assert_eq!((p.page, p.per_page), (3, 100));
        for bad in [
            ("page", "0"),
            ("page", "-1"),
            ("per_page", "101"),
            ("page", "1' OR 1=1"),
        ] {
            let err = page_request(&q(&[bad]), Locale::En).unwrap_err();
            assert_eq!(err.field, Some(bad.0));
        }
    }
}

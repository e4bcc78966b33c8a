//! Links that carry a search: every filter lives in the URL, so results can be shared and the
//! back button restores them.

use domain::search::SearchParams;

/// `/servizi?...` for these parameters.
pub fn search_href(params: &SearchParams) -> String {
    href("/servizi", params)
}

/// `path?...` for these parameters (no `?` when there are none).
pub fn href(path: &str, params: &SearchParams) -> String {
    let pairs = params.to_pairs();
    if pairs.is_empty() {
        return path.to_string();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        query.append_pair(k, v);
    }
    format!("{path}?{}", query.finish())
}

/// A price in cents as Italian or English text ("17,00" / "17.00").
pub fn amount(cents: i64, locale: crate::i18n::Locale) -> String {
    let money = domain::money::Money::from_cents(cents);
    match locale {
        crate::i18n::Locale::It => money.format_it(),
        crate::i18n::Locale::En => money.to_string(),
    }
}

//! Which language the current page speaks.
//!
//! The server decides (a `lang` query parameter, then the `wemi_lang` cookie, then
//! `Accept-Language`, then Italian) in a middleware that stores a [`Locale`] in the request;
//! the app reads it here and provides it to every component. Islands receive it as a prop.

use leptos::prelude::*;

use crate::i18n::{Locale, Messages};

/// The language of the page being rendered.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The texts of the page being rendered.
pub fn use_t() -> &'static Messages {
    use_locale().t()
}

/// Reads the language chosen for this request by the server's middleware.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Locale>().copied())
        .unwrap_or_default()
}

/// The same path with `lang=` set to another language (for the language switch).
pub fn path_with_lang(path_and_query: &str, locale: Locale) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang = format!("lang={}", locale.code());
    kept.push(&lang);
    format!("{path}?{}", kept.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_replaces_previous_choice() {
        assert_eq!(path_with_lang("/", Locale::En), "/?lang=en");
        assert_eq!(
            path_with_lang("/servizi?q=tata&lang=it&page=2", Locale::En),
            "/servizi?q=tata&page=2&lang=en"
        );
    }
}

//! Every string the portal shows goes through here.
//!
//! One `Messages` struct per language, checked by the compiler: a key missing in a language
//! does not build. Italian is the default (the city's language), English the second.
//! Strings with values are small functions, so word order can differ per language.

pub mod accounts;
pub mod appointments;
pub mod buying;
pub mod calculator;
pub mod catalog;
pub mod domestic;
mod en;
pub mod feedback_results;
pub mod info;
mod it;
pub mod notifications;
pub mod payment_accounts;
pub mod quotes;
pub mod receipts;
pub mod reviews;
pub mod voucher_import;
pub mod waitlist;
// Statistics (issue 8).
pub mod statistics;
// Administration (issue 8).
pub mod admin;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    It,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::It, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::It => "it",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "it" | "it-it" => Some(Locale::It),
            "en" | "en-gb" | "en-us" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language a form posted in its `lang` field, Italian when absent or unknown.
    pub fn from_param(lang: Option<&str>) -> Locale {
        lang.and_then(Locale::from_code).unwrap_or_default()
    }

    /// Picks the first supported language of an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(u16, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                .unwrap_or(1000);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(locale) = Locale::from_code(primary)
                && q > 0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l)
    }

    pub fn t(self) -> &'static Messages {
        match self {
            Locale::It => &it::MESSAGES,
            Locale::En => &en::MESSAGES,
        }
    }

    /// The name of the language in the language itself, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::It => "Italiano",
            Locale::En => "English",
        }
    }
}

/// The texts of one language.
pub struct Messages {
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub city_name: &'static str,
    pub region_name: &'static str,
    pub skip_to_content: &'static str,
    pub skip_to_footer: &'static str,
    pub personal_area_login: &'static str,
    pub language_label: &'static str,
    pub menu_open: &'static str,
    pub menu_close: &'static str,
    pub main_navigation: &'static str,
    pub nav_home: &'static str,
    pub nav_services: &'static str,
    pub nav_domestic_work: &'static str,
    pub nav_spaces: &'static str,
    pub nav_providers: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub categories_title: &'static str,
    pub services_count: fn(i64) -> String,
    pub spaces_title: &'static str,
    pub spaces_lead: &'static str,
    pub opening_hours: &'static str,
    pub closed: &'static str,
    pub municipio: fn(i64) -> String,
    pub weekday_short: [&'static str; 7],
    pub demo_notice: &'static str,
    pub footer_follow: &'static str,
    pub footer_contacts: &'static str,
    pub footer_faq: &'static str,
    pub footer_report: &'static str,
    pub footer_privacy: &'static str,
    pub footer_legal: &'static str,
    pub footer_accessibility: &'static str,
    pub footer_licence: &'static str,
    pub feedback_title: &'static str,
    pub feedback_rate: fn(u8) -> String,
    pub feedback_positive_question: &'static str,
    pub feedback_negative_question: &'static str,
    pub feedback_positive_answers: [&'static str; 4],
    pub feedback_negative_answers: [&'static str; 4],
    pub feedback_comment: &'static str,
    pub feedback_comment_hint: &'static str,
    pub feedback_send: &'static str,
    pub feedback_thanks: &'static str,
    pub feedback_invalid: &'static str,
    pub error_generic: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub loading: &'static str,
    pub empty_categories: &'static str,
    pub empty_spaces: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(
            Locale::from_accept_language("fr-FR,en;q=0.8,it;q=0.9"),
            Some(Locale::It)
        );
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language("it;q=0"), None);
    }

    #[test]
    fn codes_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
    }
}

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// Picks the text in the wanted language, falling back to Italian when a translation is missing.
pub fn pick<'a>(locale: Locale, it: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::En if !en.trim().is_empty() => en,
        _ => it,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Category {
    pub id: i64,
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub description_it: String,
    pub description_en: String,
    /// Name of a Bootstrap Italia sprite icon, e.g. `it-user`.
    pub icon: String,
    /// Published services in this category.
    pub service_count: i64,
}

impl Category {
    pub fn name(&self, locale: Locale) -> &str {
        pick(locale, &self.name_it, &self.name_en)
    }
    pub fn description(&self, locale: Locale) -> &str {
        pick(locale, &self.description_it, &self.description_en)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Municipio {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OpeningHours {
    /// 1 = Monday … 7 = Sunday (ISO 8601).
    pub weekday: i64,
    /// Local time in Europe/Rome, `HH:MM`.
    pub opens: String,
    pub closes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Space {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub address: String,
    pub municipio: i64,
    pub phone: String,
    pub email: String,
    pub description_it: String,
    pub description_en: String,
    /// What you can do there, one activity per line.
    pub activities_it: String,
    pub activities_en: String,
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub hours: Vec<OpeningHours>,
}

impl Space {
    pub fn description(&self, locale: Locale) -> &str {
        pick(locale, &self.description_it, &self.description_en)
    }
    /// Opening time ranges of one weekday (1 = Monday), e.g. `["09:00–13:00", "14:00–17:00"]`;
    /// empty when the space is closed that day.
    pub fn hours_on(&self, weekday: i64) -> Vec<String> {
        self.hours
            .iter()
            .filter(|h| h.weekday == weekday)
            .map(|h| format!("{}–{}", h.opens, h.closes))
            .collect()
    }

    pub fn activities(&self, locale: Locale) -> impl Iterator<Item = &str> {
        pick(locale, &self.activities_it, &self.activities_en)
            .lines()
            .filter(|l| !l.trim().is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ProviderSummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// `cooperativa_sociale`, `associazione` or `altro_ets`.
    pub legal_form: String,
    pub vat_number: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub description_it: String,
    pub description_en: String,
    /// ISO dates (`YYYY-MM-DD`); the accreditation is valid between them, both included.
    pub accredited_from: String,
    pub accredited_until: String,
    /// True when today (server date) is within the accreditation.
    pub accreditation_valid: bool,
    pub service_count: i64,
}

/// Which page of a list to read; `page` counts from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    pub const MAX_PER_PAGE: u32 = 100;

    pub fn offset(&self) -> i64 {
        i64::from(self.page.saturating_sub(1)) * i64::from(self.per_page)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<T>,
}

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeOverview {
    pub categories: Vec<Category>,
    pub spaces: Vec<Space>,
}

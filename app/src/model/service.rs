//! Services as the catalogue shows them: a card in a result list, the full "scheda servizio",
//! and the answer of a search with its facets.

use serde::{Deserialize, Serialize};

use super::catalog::{ProviderSummary, pick};
use crate::i18n::Locale;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct TargetGroup {
    pub id: i64,
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
}

impl TargetGroup {
    pub fn name(&self, locale: Locale) -> &str {
        pick(locale, &self.name_it, &self.name_en)
    }
}

/// A service in a result list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ServiceCard {
    pub id: i64,
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub summary_it: String,
    pub summary_en: String,
    pub category_id: i64,
    pub category_slug: String,
    pub category_name_it: String,
    pub category_name_en: String,
    pub provider_id: i64,
    pub provider_slug: String,
    pub provider_name: String,
    /// `free`, `funded` or `paid`.
    pub pricing: String,
    pub funded_by: Option<String>,
    /// Lowest unit price in cents; `None` when free or funded.
    pub price_from_cents: Option<i64>,
    /// `hour`, `session`, `month` or `package`.
    pub unit: String,
    /// `individual` or `shared`.
    pub mode: String,
    pub quote_required: bool,
    pub accepts_vouchers: bool,
    /// Bit N set when municipio N is served.
    pub municipi_mask: i64,
    pub rating_x100: Option<i64>,
    pub rating_count: i64,
}

impl ServiceCard {
    pub fn name(&self, locale: Locale) -> &str {
        pick(locale, &self.name_it, &self.name_en)
    }
    pub fn summary(&self, locale: Locale) -> &str {
        pick(locale, &self.summary_it, &self.summary_en)
    }
    pub fn category_name(&self, locale: Locale) -> &str {
        pick(locale, &self.category_name_it, &self.category_name_en)
    }
    /// Municipi served, in order.
    pub fn municipi(&self) -> Vec<i64> {
        (1..=9)
            .filter(|m| self.municipi_mask & (1 << m) != 0)
            .collect()
    }
    /// The public page of the service.
    pub fn url(&self) -> String {
        format!("/servizi/{}", self.slug)
    }
}

/// One line of a price list: the unit price for a range of people and of quantity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PriceTier {
    pub min_people: i64,
    pub max_people: Option<i64>,
    pub min_quantity: i64,
    pub max_quantity: Option<i64>,
    pub unit_price_cents: i64,
}

/// A provider site (office, centre) where a service may be delivered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ProviderSite {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub municipio: Option<i64>,
}

/// A published service offered at one of its provider's sites (HSDS `service_at_location`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ServiceLocation {
    pub service_id: i64,
    pub service_name_it: String,
    pub service_name_en: String,
    pub provider_id: i64,
    pub site_id: i64,
    pub site_name: String,
    pub site_address: String,
    pub site_municipio: Option<i64>,
}

/// Everything the "scheda servizio" shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub card: ServiceCard,
    pub texts: ServiceTexts,
    pub capacity: Option<i64>,
    pub tiers: Vec<PriceTier>,
    pub targets: Vec<TargetGroup>,
    /// `home`, `online`, `provider`, `space`.
    pub delivery_modes: Vec<String>,
    /// `morning`, `afternoon`, `evening`, `night`.
    pub times_of_day: Vec<String>,
    /// ISO 639-1 codes of the languages the service is offered in.
    pub languages: Vec<String>,
    pub provider: ProviderSummary,
    pub sites: Vec<ProviderSite>,
    /// When the city last validated this version (UTC, RFC 3339).
    pub updated_at: String,
}

/// The descriptive sections of a scheda servizio, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ServiceTexts {
    pub description_it: String,
    pub description_en: String,
    pub addressed_it: String,
    pub addressed_en: String,
    pub how_to_it: String,
    pub how_to_en: String,
    pub needed_it: String,
    pub needed_en: String,
    pub achieved_it: String,
    pub achieved_en: String,
    pub timing_it: String,
    pub timing_en: String,
    pub qualifications_it: String,
    pub qualifications_en: String,
    pub terms_it: String,
    pub terms_en: String,
}

/// A facet value with its label and how many results choosing it would give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as it goes in the URL (a slug, a number, a keyword).
    pub value: String,
    pub label: String,
    pub count: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub category: Vec<FacetValue>,
    pub target: Vec<FacetValue>,
    pub municipio: Vec<FacetValue>,
    pub price: Vec<FacetValue>,
    pub mode: Vec<FacetValue>,
    pub time: Vec<FacetValue>,
    pub delivery: Vec<FacetValue>,
    /// Results that accept city vouchers.
    pub vouchers: i64,
}

/// A page of search results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ServiceCard>,
    pub facets: Facets,
    /// Query words that matched only through typo tolerance, with what they matched
    /// (e.g. `("babysiter", "babysitter")`), to tell the visitor.
    pub corrections: Vec<(String, String)>,
}

/// A suggestion while typing in the search box.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Suggestion {
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
}

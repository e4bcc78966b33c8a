//! Data for the domestic-work calculator page: the hourly prices of the accredited services
//! that compare with a direct hire, for both comparison categories, so the browser can
//! recompute the whole result (cooperative comparison included) as the family types.

use domain::calculator::CooperativeCategory;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The catalogue category whose hourly services compare with a direct hire. Home help (colf
/// work) is offered by cooperatives as "assistenza domiciliare", in the social-care category.
pub fn comparison_category_slug(category: CooperativeCategory) -> &'static str {
    match category {
        CooperativeCategory::Educational => "servizi-educativi",
        CooperativeCategory::SocialCare | CooperativeCategory::DomesticHelp => {
            "servizi-socio-assistenziali"
        }
    }
}

/// Hourly prices in cents of the published services of each comparison category.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonPrices {
    pub social_care: Vec<i64>,
    pub educational: Vec<i64>,
}

impl ComparisonPrices {
    /// The prices that compare with a job of `category`.
    pub fn for_category(&self, category: CooperativeCategory) -> &[i64] {
        match comparison_category_slug(category) {
            "servizi-educativi" => &self.educational,
            _ => &self.social_care,
        }
    }
}

/// Loads [`ComparisonPrices`] from the catalogue.
#[server(prefix = "/fn", endpoint = "calculator_prices")]
pub async fn get_comparison_prices() -> Result<ComparisonPrices, ServerFnError> {
    let store = super::store()?;
    let social_care = store
        .hourly_prices(comparison_category_slug(CooperativeCategory::SocialCare))
        .await
        .map_err(super::internal)?;
    let educational = store
        .hourly_prices(comparison_category_slug(CooperativeCategory::Educational))
        .await
        .map_err(super::internal)?;
    Ok(ComparisonPrices {
        social_care,
        educational,
    })
}

//! Puts labels on what the store answered to a search: facet values get their name in the
//! page's language, in display order.

use domain::search::SearchParams;

use crate::i18n::Locale;
use crate::i18n::catalog::catalog;
use crate::model::{Category, FacetValue, Facets, SearchResults, TargetGroup};
use crate::ports::SearchPage;

/// Results with no items (e.g. when the parameters were refused).
pub fn empty(params: &SearchParams) -> SearchResults {
    SearchResults {
        total: 0,
        page: params.page,
        per_page: params.per_page,
        items: Vec::new(),
        facets: Facets::default(),
        corrections: Vec::new(),
    }
}

pub fn results(
    params: &SearchParams,
    page: SearchPage,
    categories: &[Category],
    targets: &[TargetGroup],
    locale: Locale,
) -> SearchResults {
    let t = catalog(locale);
    let counts = &page.counts;
    let fixed = |values: &[&str], labels: &[&str], counts: &[i64]| -> Vec<FacetValue> {
        values
            .iter()
            .zip(labels)
            .zip(counts)
            .map(|((v, l), c)| FacetValue {
                value: v.to_string(),
                label: l.to_string(),
                count: *c,
            })
            .collect()
    };
    use domain::search::params::{DELIVERIES, MODES, PRICES, TIMES};
    let count_of = |list: &[(i64, i64)], id: i64| {
        list.iter()
            .find(|(k, _)| *k == id)
            .map(|(_, c)| *c)
            .unwrap_or(0)
    };
    let facets = Facets {
        category: categories
            .iter()
            .map(|c| FacetValue {
                value: c.slug.clone(),
                label: c.name(locale).to_string(),
                count: count_of(&counts.category, c.id),
            })
            .collect(),
        target: targets
            .iter()
            .map(|g| FacetValue {
                value: g.slug.clone(),
                label: g.name(locale).to_string(),
                count: count_of(&counts.target, g.id),
            })
            .collect(),
        municipio: (1..=9)
            .map(|m| FacetValue {
                value: m.to_string(),
                label: (locale.t().municipio)(m),
                count: counts.municipio[(m - 1) as usize],
            })
            .collect(),
        price: fixed(PRICES, &t.prices, &counts.price),
        mode: fixed(MODES, &t.modes, &counts.mode),
        time: fixed(TIMES, &t.times, &counts.time),
        delivery: fixed(DELIVERIES, &t.deliveries, &counts.delivery),
        vouchers: counts.vouchers,
    };
    SearchResults {
        total: page.total,
        page: params.page,
        per_page: params.per_page,
        items: page.items,
        facets,
        corrections: page.corrections,
    }
}

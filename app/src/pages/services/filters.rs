//! The filter form of the search page: a plain GET form (it works without JavaScript) with
//! one group of radio buttons per facet, each value with its count.

use domain::search::SearchParams;
use leptos::prelude::*;

use super::links::{amount, search_href};
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;
use crate::model::{FacetValue, Facets};

#[component]
fn FacetGroup(
    name: &'static str,
    legend: &'static str,
    values: Vec<FacetValue>,
    selected: Option<String>,
) -> impl IntoView {
    let t = catalog(use_locale());
    let all_id = format!("f-{name}-all");
    let is_all = selected.is_none();
    // Values that would give no result are left out, unless chosen.
    let options = values
        .into_iter()
        .filter(|v| v.count > 0 || selected.as_deref() == Some(v.value.as_str()))
        .map(|v| {
            let id = format!("f-{name}-{}", v.value);
            let checked = selected.as_deref() == Some(v.value.as_str());
            view! {
                <div class="form-check my-1">
                    <input class="form-check-input" type="radio" name=name id=id.clone() value=v.value checked=checked />
                    <label class="form-check-label" for=id>
                        {v.label} " " <span class="facet-count">"(" {v.count} ")"</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mb-3 facet" data-facet=name>
            <legend class="h6 fw-semibold">{legend}</legend>
            <div class="form-check my-1">
                <input class="form-check-input" type="radio" name=name id=all_id.clone() value="" checked=is_all />
                <label class="form-check-label" for=all_id>{t.any}</label>
            </div>
            {options}
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn Filters(params: SearchParams, facets: Facets) -> impl IntoView {
    let locale = use_locale();
    let t = catalog(locale);
    let max_price = params
        .max_price_cents
        .map(|c| amount(c, locale))
        .unwrap_or_default();
    let clear = search_href(&SearchParams {
        q: params.q.clone(),
        sort: params.sort.clone(),
        ..SearchParams::from_pairs([]).unwrap_or_default()
    });
    let municipio = params.municipio.map(|m| m.to_string());
    view! {
        <form method="get" action="/servizi" class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="h4">{t.filters_title}</h2>
            <input type="hidden" name="q" value=params.q.clone() />
            {params.sort.clone().map(|s| view! { <input type="hidden" name="sort" value=s /> })}
            {params.provider.clone().map(|p| view! { <input type="hidden" name="provider" value=p /> })}
            <FacetGroup name="category" legend=t.facet_category values=facets.category selected=params.category.clone() />
            <FacetGroup name="target" legend=t.facet_target values=facets.target selected=params.target.clone() />
            <FacetGroup name="price" legend=t.facet_price values=facets.price selected=params.price.clone() />
            <div class="form-group mb-3">
                <label for="f-max-price" class="active">{t.facet_max_price}</label>
                <input
                    type="text"
                    inputmode="decimal"
                    class="form-control"
                    id="f-max-price"
                    name="max_price"
                    value=max_price
                    aria-describedby="f-max-price-hint"
                    autocomplete="off"
                />
                <small id="f-max-price-hint" class="form-text">{t.facet_max_price_hint}</small>
            </div>
            <FacetGroup name="mode" legend=t.facet_mode values=facets.mode selected=params.mode.clone() />
            <FacetGroup name="delivery" legend=t.facet_delivery values=facets.delivery selected=params.delivery.clone() />
            <FacetGroup name="time" legend=t.facet_time values=facets.time selected=params.time.clone() />
            <FacetGroup name="municipio" legend=t.facet_municipio values=facets.municipio selected=municipio />
            <div class="form-check mb-3">
                <input class="form-check-input" type="checkbox" id="f-vouchers" name="vouchers" value="true" checked=params.vouchers />
                <label class="form-check-label" for="f-vouchers">
                    {t.facet_vouchers} " " <span class="facet-count">"(" {facets.vouchers} ")"</span>
                </label>
            </div>
            <button type="submit" class="btn btn-primary w-100 mb-2">{t.filters_apply}</button>
            <a href=clear class="btn btn-outline-primary w-100">{t.filters_clear}</a>
        </form>
    }
    .into_any()
}

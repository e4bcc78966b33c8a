//! Our catalogue in Open Referral HSDS 3.0 terms (../shared/reference/italian-pa.md, "Open
//! data"): services, organizations (providers), locations (provider sites),
//! service_at_locations, taxonomies (categories, target groups, delivery modes) and their terms.
//! Plain functions from our model to JSON; absent values are left out (the schemas do not
//! allow `null`).

use app::i18n::Locale;
use app::i18n::catalog::catalog;
use app::model::{
    Category, PriceTier, ProviderSite, ProviderSummary, ServiceCard, ServiceDetail,
    ServiceLocation, TargetGroup, pick,
};
use domain::money::Money;
use serde_json::{Map, Value, json};

use super::ids::{self, Kind};

pub const TAXONOMIES: [(i64, &str, &str, &str); 3] = [
    (
        1,
        "wemi-categorie",
        "Categorie dei servizi WeMi",
        "Le 13 categorie dei servizi di welfare del Comune di Milano.",
    ),
    (
        2,
        "wemi-destinatari",
        "Destinatari dei servizi WeMi",
        "A chi si rivolgono i servizi.",
    ),
    (
        3,
        "wemi-modalita",
        "Modalità di erogazione",
        "Dove si svolge il servizio: a domicilio, online, presso l'ente, in uno spazio WeMi.",
    ),
];

/// Drops `null` members, which HSDS schemas do not accept.
fn object(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .collect::<Map<String, Value>>(),
        ),
        other => other,
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

pub fn taxonomy(index: usize) -> Value {
    let (id, code, name, description) = TAXONOMIES[index];
    json!({
        "id": ids::id(Kind::Taxonomy, id),
        "name": name,
        "description": description,
        "version": code,
    })
}

pub fn category_term(c: &Category, locale: Locale) -> Value {
    object(json!({
        "id": ids::id(Kind::CategoryTerm, c.id),
        "code": c.slug,
        "name": c.name(locale),
        "description": non_empty(c.description(locale)).unwrap_or(c.name(locale)),
        "taxonomy": TAXONOMIES[0].1,
        "taxonomy_id": ids::id(Kind::Taxonomy, TAXONOMIES[0].0),
        "language": locale.code(),
    }))
}

pub fn target_term(g: &TargetGroup, locale: Locale) -> Value {
    json!({
        "id": ids::id(Kind::TargetTerm, g.id),
        "code": g.slug,
        "name": g.name(locale),
        "description": g.name(locale),
        "taxonomy": TAXONOMIES[1].1,
        "taxonomy_id": ids::id(Kind::Taxonomy, TAXONOMIES[1].0),
        "language": locale.code(),
    })
}

pub fn delivery_term(index: usize, locale: Locale) -> Value {
    let label = catalog(locale).deliveries[index];
    json!({
        "id": ids::id(Kind::DeliveryTerm, index as i64 + 1),
        "code": domain::search::params::DELIVERIES[index],
        "name": label,
        "description": label,
        "taxonomy": TAXONOMIES[2].1,
        "taxonomy_id": ids::id(Kind::Taxonomy, TAXONOMIES[2].0),
        "language": locale.code(),
    })
}

/// The one-to-one fields of an organization (`organization_list`).
pub fn organization(p: &ProviderSummary, locale: Locale, base: &str) -> Value {
    let t = catalog(locale);
    object(json!({
        "id": ids::id(Kind::Organization, p.id),
        "name": p.name,
        "description": non_empty(pick(locale, &p.description_it, &p.description_en)).unwrap_or(&p.name),
        "email": non_empty(&p.email),
        "website": non_empty(&p.website).filter(|w| w.starts_with("http")),
        "legal_status": t.legal_form(&p.legal_form),
        "uri": format!("{base}/enti/{}", p.slug),
        "tax_id": p.vat_number,
    }))
}

/// A provider site as an HSDS location with its address.
pub fn location(site: &ProviderSite, provider_id: i64) -> Value {
    let (street, postal_code) = split_address(&site.address);
    object(json!({
        "id": ids::id(Kind::Site, site.id),
        "location_type": "physical",
        "organization_id": ids::id(Kind::Organization, provider_id),
        "name": site.name,
        "addresses": [object(json!({
            "id": ids::id(Kind::Address, site.id),
            "location_id": ids::id(Kind::Site, site.id),
            "address_1": street,
            "city": "Milano",
            "region": site.municipio.map(|m| format!("Municipio {m}")),
            "state_province": "MI",
            "postal_code": postal_code,
            "country": "IT",
            "address_type": "physical",
        }))],
    }))
}

/// "Via Capuana 3, 20157 Milano" → ("Via Capuana 3", "20157").
fn split_address(address: &str) -> (String, String) {
    let mut parts = address.split(',');
    let street = parts.next().unwrap_or(address).trim().to_string();
    let postal = address
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 5)
        .unwrap_or("")
        .to_string();
    (street, postal)
}

fn fees_description(card: &ServiceCard, locale: Locale) -> String {
    let t = catalog(locale);
    match card.pricing.as_str() {
        "paid" => card
            .price_from_cents
            .map(|c| (t.price_from)(&Money::from_cents(c).to_string(), t.unit(&card.unit)))
            .unwrap_or_default(),
        "funded" => (t.funded_text)(card.funded_by.as_deref().unwrap_or("Comune di Milano")),
        _ => t.free_text.to_string(),
    }
}

/// The one-to-one fields of a service (`service_list`), with its organization.
pub fn service_summary(
    card: &ServiceCard,
    provider: &ProviderSummary,
    locale: Locale,
    base: &str,
) -> Value {
    object(json!({
        "id": ids::id(Kind::Service, card.id),
        "organization_id": ids::id(Kind::Organization, card.provider_id),
        "name": card.name(locale),
        "alternate_name": card.slug,
        "description": card.summary(locale),
        "url": format!("{base}{}", card.url()),
        "email": non_empty(&provider.email),
        "status": "active",
        "fees_description": fees_description(card, locale),
        "accreditations": accreditation(provider, locale),
        "organization": organization(provider, locale, base),
    }))
}

fn accreditation(p: &ProviderSummary, locale: Locale) -> Option<String> {
    non_empty(&p.accredited_until)
        .map(|until| (catalog(locale).accredited)(&p.accredited_from, until))
}

fn cost_option(
    service_id: i64,
    index: usize,
    tier: &PriceTier,
    card: &ServiceCard,
    locale: Locale,
) -> Value {
    let t = catalog(locale);
    let amount: f64 = Money::from_cents(tier.unit_price_cents)
        .to_string()
        .parse()
        .unwrap_or(0.0);
    json!({
        "id": ids::make(Kind::CostOption, service_id, index as u16),
        "service_id": ids::id(Kind::Service, service_id),
        "option": format!(
            "{} {}: {}; {} {}",
            t.tier_people,
            (t.range)(tier.min_people, tier.max_people),
            t.tier_price,
            t.tier_quantity,
            (t.range)(tier.min_quantity, tier.max_quantity),
        ),
        "currency": "EUR",
        // HSDS has a number here; the exact amount is also in amount_description.
        "amount": amount,
        "amount_description": format!("{} € {}", Money::from_cents(tier.unit_price_cents), t.unit(&card.unit)),
    })
}

/// A service with everything HSDS can say about it (`service` with its related records).
pub fn service_full(d: &ServiceDetail, locale: Locale, base: &str) -> Value {
    let card = &d.card;
    let sid = card.id;
    let x = &d.texts;
    let mut value = service_summary(card, &d.provider, locale, base);
    let areas: Vec<Value> = card
        .municipi()
        .iter()
        .map(|m| {
            json!({
                "id": ids::make(Kind::ServiceArea, sid, *m as u16),
                "service_id": ids::id(Kind::Service, sid),
                "name": format!("Municipio {m}"),
                "description": format!("Comune di Milano, Municipio {m}"),
                "extent_type": "municipio",
            })
        })
        .collect();
    let costs: Vec<Value> = d
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| cost_option(sid, i, t, card, locale))
        .collect();
    let languages: Vec<Value> = d
        .languages
        .iter()
        .enumerate()
        .map(|(i, code)| {
            json!({
                "id": ids::make(Kind::Language, sid, i as u16),
                "service_id": ids::id(Kind::Service, sid),
                "code": code,
                "name": catalog(locale).language(code),
            })
        })
        .collect();
    let mut attributes: Vec<Value> = Vec::new();
    let mut attribute = |term_id: String, value: &str, term: Value| {
        attributes.push(json!({
            "id": ids::make(Kind::Attribute, sid, attributes.len() as u16),
            "link_id": ids::id(Kind::Service, sid),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term_id,
            "value": value,
            "taxonomy_term": term,
        }));
    };
    let category_term = json!({
        "id": ids::id(Kind::CategoryTerm, card.category_id),
        "code": card.category_slug,
        "name": card.category_name(locale),
        "description": card.category_name(locale),
        "taxonomy": TAXONOMIES[0].1,
        "taxonomy_id": ids::id(Kind::Taxonomy, TAXONOMIES[0].0),
    });
    attribute(
        ids::id(Kind::CategoryTerm, card.category_id),
        &card.category_slug,
        category_term,
    );
    for g in &d.targets {
        attribute(
            ids::id(Kind::TargetTerm, g.id),
            &g.slug,
            target_term(g, locale),
        );
    }
    for mode in &d.delivery_modes {
        if let Some(i) = domain::search::params::DELIVERIES
            .iter()
            .position(|m| m == mode)
        {
            attribute(
                ids::id(Kind::DeliveryTerm, i as i64 + 1),
                mode,
                delivery_term(i, locale),
            );
        }
    }
    let phones: Vec<Value> = non_empty(&d.provider.phone)
        .map(|n| {
            vec![json!({
                "id": ids::id(Kind::Phone, sid),
                "service_id": ids::id(Kind::Service, sid),
                "number": n,
                "type": "voice",
            })]
        })
        .unwrap_or_default();
    let t = catalog(locale);
    let schedules: Vec<Value> = if d.times_of_day.is_empty() {
        Vec::new()
    } else {
        let labels: Vec<&str> = d
            .times_of_day
            .iter()
            .filter_map(|v| {
                domain::search::params::TIMES
                    .iter()
                    .position(|x| x == v)
                    .map(|i| t.times[i])
            })
            .collect();
        vec![json!({
            "id": ids::id(Kind::Schedule, sid),
            "service_id": ids::id(Kind::Service, sid),
            "description": format!("{}: {}", t.times_title, labels.join(", ")),
        })]
    };
    let locations: Vec<Value> = d
        .sites
        .iter()
        .map(|site| {
            json!({
                "id": ids::make(Kind::ServiceAtLocation, sid, site.id as u16),
                "service_id": ids::id(Kind::Service, sid),
                "location_id": ids::id(Kind::Site, site.id),
                "location": location(site, d.provider.id),
            })
        })
        .collect();
    let extra = json!({
        "application_process": pick(locale, &x.how_to_it, &x.how_to_en),
        "eligibility_description": pick(locale, &x.addressed_it, &x.addressed_en),
        "wait_time": pick(locale, &x.timing_it, &x.timing_en),
        "description": format!(
            "{}\n\n{}",
            pick(locale, &x.description_it, &x.description_en),
            pick(locale, &x.achieved_it, &x.achieved_en)
        ).trim().to_string(),
        "interpretation_services": t.languages_title.to_string() + ": " + &d.languages.iter().map(|l| t.language(l)).collect::<Vec<_>>().join(", "),
        "last_modified": rfc3339(&d.updated_at),
        "service_areas": areas,
        "cost_options": costs,
        "languages": languages,
        "attributes": attributes,
        "phones": phones,
        "schedules": schedules,
        "service_at_locations": locations,
        "required_documents": non_empty(pick(locale, &x.needed_it, &x.needed_en)).map(|doc| vec![json!({
            "id": ids::id(Kind::Attribute, sid),
            "service_id": ids::id(Kind::Service, sid),
            "document": doc,
        })]),
    });
    if let (Value::Object(map), Value::Object(more)) = (&mut value, object(extra)) {
        map.extend(more);
    }
    value
}

/// Our timestamps as RFC 3339 (`2026-11-26T10:00:00Z`): SQLite keeps them so already,
/// PostgreSQL's text form is `2026-11-26 10:00:00+00`.
fn rfc3339(stamp: &str) -> Option<String> {
    let s = stamp.trim();
    if s.len() < 19 {
        return None;
    }
    let date = &s[..10];
    let time = &s[11..19];
    Some(format!("{date}T{time}Z"))
}

pub fn service_at_location(sl: &ServiceLocation, locale: Locale) -> Value {
    let site = ProviderSite {
        id: sl.site_id,
        name: sl.site_name.clone(),
        address: sl.site_address.clone(),
        municipio: sl.site_municipio,
    };
    json!({
        "id": ids::make(Kind::ServiceAtLocation, sl.service_id, sl.site_id as u16),
        "service_id": ids::id(Kind::Service, sl.service_id),
        "location_id": ids::id(Kind::Site, sl.site_id),
        "description": pick(locale, &sl.service_name_it, &sl.service_name_en),
        "location": location(&site, sl.provider_id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_split_into_street_and_postal_code() {
        assert_eq!(
            split_address("Via Capuana 3, 20157 Milano"),
            ("Via Capuana 3".to_string(), "20157".to_string())
        );
    }

    #[test]
    fn timestamps_become_rfc3339() {
        assert_eq!(
            rfc3339("2026-11-26 10:00:00+00").unwrap(),
            "2026-11-26T10:00:00Z"
        );
        assert_eq!(
            rfc3339("2026-11-26T10:00:00.123Z").unwrap(),
            "2026-11-26T10:00:00Z"
        );
        assert_eq!(rfc3339("x"), None);
    }
}

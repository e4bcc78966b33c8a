//! The shapes the JSON API answers with. They are the single source of both the responses
//! (serde) and their description in `/api/v1/openapi.json` (utoipa), so the document cannot
//! drift from what the handlers send.

use app::i18n::Locale;
use app::i18n::catalog::catalog;
use app::model::{Category, PriceTier, ProviderSummary, ServiceCard, ServiceDetail, Space, pick};
use domain::money::Money;
use serde::Serialize;
use utoipa::ToSchema;

/// A money amount: decimal string with two digits, euro (`"18.50"`).
pub type Amount = String;

fn amount(cents: i64) -> Amount {
    Money::from_cents(cents).to_string()
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable code, e.g. `invalid_parameter`, `not_found`.
    pub code: String,
    /// What went wrong, in the request's language.
    pub message: String,
    /// The parameter or field at fault, when there is one.
    pub field: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CategoryItem {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Published services in the category.
    pub service_count: i64,
}

impl CategoryItem {
    pub fn new(c: &Category, locale: Locale) -> CategoryItem {
        CategoryItem {
            slug: c.slug.clone(),
            name: c.name(locale).to_string(),
            description: c.description(locale).to_string(),
            service_count: c.service_count,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CategoryList {
    pub items: Vec<CategoryItem>,
}

#[derive(Serialize, ToSchema)]
pub struct Provider {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// `cooperativa_sociale`, `associazione` or `altro_ets`.
    pub legal_form: String,
    pub vat_number: String,
    /// ISO date; `null` when not accredited.
    pub accredited_from: Option<String>,
    pub accredited_until: Option<String>,
    /// True when today is within the accreditation.
    pub accredited: bool,
    pub description: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub service_count: i64,
    /// The provider's public page.
    pub url: String,
}

fn none_if_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Provider {
    pub fn new(p: &ProviderSummary, locale: Locale) -> Provider {
        Provider {
            id: p.id,
            slug: p.slug.clone(),
            name: p.name.clone(),
            legal_form: p.legal_form.clone(),
            vat_number: p.vat_number.clone(),
            accredited_from: none_if_empty(&p.accredited_from),
            accredited_until: none_if_empty(&p.accredited_until),
            accredited: p.accreditation_valid,
            description: pick(locale, &p.description_it, &p.description_en).to_string(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            website: p.website.clone(),
            service_count: p.service_count,
            url: format!("/enti/{}", p.slug),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProviderList {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<Provider>,
}

#[derive(Serialize, ToSchema)]
pub struct Hours {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    /// `HH:MM`, Europe/Rome.
    pub opens: String,
    pub closes: String,
}

#[derive(Serialize, ToSchema)]
pub struct SpaceItem {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub address: String,
    pub municipio: i64,
    pub phone: String,
    pub email: String,
    pub description: String,
    pub activities: Vec<String>,
    pub opening_hours: Vec<Hours>,
}

impl SpaceItem {
    pub fn new(s: &Space, locale: Locale) -> SpaceItem {
        SpaceItem {
            id: s.id,
            slug: s.slug.clone(),
            name: s.name.clone(),
            address: s.address.clone(),
            municipio: s.municipio,
            phone: s.phone.clone(),
            email: s.email.clone(),
            description: s.description(locale).to_string(),
            activities: s.activities(locale).map(str::to_string).collect(),
            opening_hours: s
                .hours
                .iter()
                .map(|h| Hours {
                    weekday: h.weekday,
                    opens: h.opens.clone(),
                    closes: h.closes.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SpaceList {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<SpaceItem>,
}

#[derive(Serialize, ToSchema)]
pub struct ProviderRef {
    pub id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceItem {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub summary: String,
    /// The service's public page.
    pub url: String,
    /// Category slug.
    pub category: String,
    pub provider: ProviderRef,
    /// `free`, `funded` or `paid`.
    pub pricing: String,
    /// Lowest unit price; `null` when free or funded.
    pub price_from: Option<Amount>,
    /// `hour`, `session`, `month` or `package`.
    pub unit: String,
    /// `individual` or `shared`.
    pub mode: String,
    pub accepts_vouchers: bool,
    pub quote_required: bool,
    /// Municipi served (1–9).
    pub municipi: Vec<i64>,
    /// Average rating (`"4.50"`), `null` without reviews.
    pub rating: Option<String>,
    pub rating_count: i64,
}

impl ServiceItem {
    pub fn new(c: &ServiceCard, locale: Locale) -> ServiceItem {
        ServiceItem {
            id: c.id,
            slug: c.slug.clone(),
            name: c.name(locale).to_string(),
            summary: c.summary(locale).to_string(),
            url: c.url(),
            category: c.category_slug.clone(),
            provider: ProviderRef {
                id: c.provider_id,
                name: c.provider_name.clone(),
            },
            pricing: c.pricing.clone(),
            price_from: c.price_from_cents.map(amount),
            unit: c.unit.clone(),
            mode: c.mode.clone(),
            accepts_vouchers: c.accepts_vouchers,
            quote_required: c.quote_required,
            municipi: c.municipi(),
            rating: c.rating_x100.map(amount),
            rating_count: c.rating_count,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct FacetCount {
    /// The value to pass back in the query (`category=...`).
    pub value: String,
    pub label: String,
    pub count: i64,
}

/// Counts per value of each filter, each computed with the other filters applied.
#[derive(Serialize, ToSchema)]
pub struct FacetsBody {
    pub category: Vec<FacetCount>,
    pub target: Vec<FacetCount>,
    pub municipio: Vec<FacetCount>,
    pub price: Vec<FacetCount>,
    pub mode: Vec<FacetCount>,
    pub time: Vec<FacetCount>,
    pub delivery: Vec<FacetCount>,
    pub vouchers: i64,
}

impl FacetsBody {
    pub fn new(f: &app::model::Facets) -> FacetsBody {
        let list = |v: &[app::model::FacetValue]| {
            v.iter()
                .map(|x| FacetCount {
                    value: x.value.clone(),
                    label: x.label.clone(),
                    count: x.count,
                })
                .collect()
        };
        FacetsBody {
            category: list(&f.category),
            target: list(&f.target),
            municipio: list(&f.municipio),
            price: list(&f.price),
            mode: list(&f.mode),
            time: list(&f.time),
            delivery: list(&f.delivery),
            vouchers: f.vouchers,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ServiceList {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ServiceItem>,
    pub facets: FacetsBody,
}

#[derive(Serialize, ToSchema)]
pub struct Tier {
    pub min_people: i64,
    /// `null`: no upper limit.
    pub max_people: Option<i64>,
    pub min_quantity: i64,
    pub max_quantity: Option<i64>,
    pub unit_price: Amount,
}

impl Tier {
    fn new(t: &PriceTier) -> Tier {
        Tier {
            min_people: t.min_people,
            max_people: t.max_people,
            min_quantity: t.min_quantity,
            max_quantity: t.max_quantity,
            unit_price: amount(t.unit_price_cents),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Section {
    /// `description`, `addressed`, `how_to`, `needed`, `achieved`, `timing`,
    /// `qualifications` or `terms`.
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceBody {
    #[serde(flatten)]
    pub item: ServiceItem,
    pub category_name: String,
    pub funded_by: Option<String>,
    /// Places per group for shared services.
    pub capacity: Option<i64>,
    pub price_list: Vec<Tier>,
    /// Target-group slugs.
    pub targets: Vec<String>,
    /// `home`, `online`, `provider`, `space`.
    pub delivery_modes: Vec<String>,
    /// `morning`, `afternoon`, `evening`, `night`.
    pub times_of_day: Vec<String>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// The scheda-servizio sections in the request's language, in the PA order.
    pub sections: Vec<Section>,
    pub provider_detail: Provider,
    pub updated_at: String,
}

impl ServiceBody {
    pub fn new(d: &ServiceDetail, locale: Locale) -> ServiceBody {
        let t = catalog(locale);
        let x = &d.texts;
        let sections = [
            (
                "description",
                t.section_description,
                &x.description_it,
                &x.description_en,
            ),
            (
                "addressed",
                t.section_addressed,
                &x.addressed_it,
                &x.addressed_en,
            ),
            ("how_to", t.section_how_to, &x.how_to_it, &x.how_to_en),
            ("needed", t.section_needed, &x.needed_it, &x.needed_en),
            (
                "achieved",
                t.section_achieved,
                &x.achieved_it,
                &x.achieved_en,
            ),
            ("timing", t.section_timing, &x.timing_it, &x.timing_en),
            (
                "qualifications",
                t.section_staff,
                &x.qualifications_it,
                &x.qualifications_en,
            ),
            ("terms", t.section_terms, &x.terms_it, &x.terms_en),
        ]
        .into_iter()
        .map(|(id, title, it, en)| Section {
            id: id.to_string(),
            title: title.to_string(),
            text: pick(locale, it, en).to_string(),
        })
        .collect();
        ServiceBody {
            item: ServiceItem::new(&d.card, locale),
            category_name: d.card.category_name(locale).to_string(),
            funded_by: d.card.funded_by.clone(),
            capacity: d.capacity,
            price_list: d.tiers.iter().map(Tier::new).collect(),
            targets: d.targets.iter().map(|g| g.slug.clone()).collect(),
            delivery_modes: d.delivery_modes.clone(),
            times_of_day: d.times_of_day.clone(),
            languages: d.languages.clone(),
            sections,
            provider_detail: Provider::new(&d.provider, locale),
            updated_at: d.updated_at.clone(),
        }
    }
}

//! What a catalogue search asks for, read from a URL query string (the same names on the
//! `/servizi` page and on `GET /api/v1/services`), checked, and written back into links.
//! Anything invalid is refused with the name of the parameter; nothing reaches the database
//! unchecked.

use serde::{Deserialize, Serialize};

use crate::money::Money;

pub const MAX_QUERY_CHARS: usize = 200;
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 10_000;
/// Highest `max_price` accepted (euro): above it the filter means nothing.
pub const MAX_PRICE_EUROS: i64 = 100_000;

pub const PRICES: &[&str] = &["free", "paid", "funded"];
pub const MODES: &[&str] = &["individual", "shared"];
pub const TIMES: &[&str] = &["morning", "afternoon", "evening", "night"];
pub const DELIVERIES: &[&str] = &["home", "online", "provider", "space"];
pub const SORTS: &[&str] = &["relevance", "price", "rating"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchParams {
    /// Free text, trimmed, control characters replaced by spaces; may be empty.
    pub q: String,
    pub category: Option<String>,
    pub target: Option<String>,
    pub municipio: Option<u8>,
    pub price: Option<String>,
    pub mode: Option<String>,
    /// Highest acceptable starting price, in cents.
    pub max_price_cents: Option<i64>,
    pub time: Option<String>,
    pub delivery: Option<String>,
    pub vouchers: bool,
    pub provider: Option<String>,
    pub sort: Option<String>,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamProblem {
    TooLong { max: usize },
    OneOf(&'static [&'static str]),
    Slug,
    Range { min: i64, max: i64 },
    Amount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub field: &'static str,
    pub problem: ParamProblem,
}

impl ParamError {
    pub fn message_it(&self) -> String {
        let f = self.field;
        match &self.problem {
            ParamProblem::TooLong { max } => {
                format!("Il testo da cercare è troppo lungo: al massimo {max} caratteri.")
            }
            ParamProblem::OneOf(values) => {
                format!(
                    "Il parametro {f} accetta solo questi valori: {}.",
                    values.join(", ")
                )
            }
            ParamProblem::Slug => format!("Il valore del parametro {f} non è valido."),
            ParamProblem::Range { min, max } => {
                format!("Il parametro {f} deve essere un numero intero tra {min} e {max}.")
            }
            ParamProblem::Amount => format!(
                "Il parametro {f} deve essere un importo in euro tra 0 e {MAX_PRICE_EUROS}, ad esempio 25 o 25,50."
            ),
        }
    }

    pub fn message_en(&self) -> String {
        let f = self.field;
        match &self.problem {
            ParamProblem::TooLong { max } => {
                format!("The search text is too long: at most {max} characters.")
            }
            ParamProblem::OneOf(values) => {
                format!(
                    "The {f} parameter accepts only these values: {}.",
                    values.join(", ")
                )
            }
            ParamProblem::Slug => format!("The value of the {f} parameter is not valid."),
            ParamProblem::Range { min, max } => {
                format!("The {f} parameter must be a whole number between {min} and {max}.")
            }
            ParamProblem::Amount => format!(
                "The {f} parameter must be an amount in euro between 0 and {MAX_PRICE_EUROS}, for example 25 or 25.50."
            ),
        }
    }
}

fn one_of(
    field: &'static str,
    value: &str,
    allowed: &'static [&'static str],
) -> Result<String, ParamError> {
    allowed
        .iter()
        .find(|a| **a == value)
        .map(|a| a.to_string())
        .ok_or(ParamError {
            field,
            problem: ParamProblem::OneOf(allowed),
        })
}

/// Slugs are lower-case ASCII letters, digits and dashes; whether one exists is the store's
/// business (an unknown one simply finds nothing).
fn slug(field: &'static str, value: &str) -> Result<String, ParamError> {
    let ok = value.len() <= 80
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(value.to_string())
    } else {
        Err(ParamError {
            field,
            problem: ParamProblem::Slug,
        })
    }
}

fn number(field: &'static str, value: &str, min: i64, max: i64) -> Result<i64, ParamError> {
    value
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(ParamError {
            field,
            problem: ParamProblem::Range { min, max },
        })
}

impl SearchParams {
    /// Reads the parameters of a query string (already percent-decoded pairs). Empty values
    /// count as absent; unknown names (e.g. `lang`) are ignored; for a repeated name the last
    /// value wins.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SearchParams, ParamError> {
        let mut p = SearchParams {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            ..SearchParams::default()
        };
        for (name, raw) in pairs {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            match name {
                "q" => {
                    if value.chars().count() > MAX_QUERY_CHARS {
                        return Err(ParamError {
                            field: "q",
                            problem: ParamProblem::TooLong {
                                max: MAX_QUERY_CHARS,
                            },
                        });
                    }
                    let cleaned: String = value
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect();
                    p.q = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
                }
                "category" => p.category = Some(slug("category", value)?),
                "target" => p.target = Some(slug("target", value)?),
                "provider" => p.provider = Some(slug("provider", value)?),
                "municipio" => p.municipio = Some(number("municipio", value, 1, 9)? as u8),
                "price" => p.price = Some(one_of("price", value, PRICES)?),
                "mode" => p.mode = Some(one_of("mode", value, MODES)?),
                "time" => p.time = Some(one_of("time", value, TIMES)?),
                "delivery" => p.delivery = Some(one_of("delivery", value, DELIVERIES)?),
                "sort" => p.sort = Some(one_of("sort", value, SORTS)?),
                "vouchers" => {
                    p.vouchers = match value {
                        "1" | "true" | "on" | "yes" | "si" => true,
                        "0" | "false" | "off" | "no" => false,
                        _ => {
                            return Err(ParamError {
                                field: "vouchers",
                                problem: ParamProblem::OneOf(&["true", "false"]),
                            });
                        }
                    }
                }
                "max_price" => {
                    let amount = Money::parse(value)
                        .ok()
                        .filter(|m| !m.is_negative() && m.to_cents() <= MAX_PRICE_EUROS * 100);
                    match amount {
                        Some(m) => p.max_price_cents = Some(m.to_cents()),
                        None => {
                            return Err(ParamError {
                                field: "max_price",
                                problem: ParamProblem::Amount,
                            });
                        }
                    }
                }
                "page" => p.page = number("page", value, 1, i64::from(MAX_PAGE))? as u32,
                "per_page" => {
                    p.per_page = number("per_page", value, 1, i64::from(MAX_PER_PAGE))? as u32
                }
                _ => {}
            }
        }
        Ok(p)
    }

    /// The sort that applies: relevance when there is text to rank by, otherwise by name
    /// (`None`), unless one was asked for.
    pub fn effective_sort(&self) -> &str {
        match self.sort.as_deref() {
            Some(s) => s,
            None if !self.q.is_empty() => "relevance",
            None => "name",
        }
    }

    pub fn offset(&self) -> i64 {
        i64::from(self.page.saturating_sub(1)) * i64::from(self.per_page)
    }

    /// True when any filter (not text, sort or page) is set.
    pub fn has_filters(&self) -> bool {
        self.category.is_some()
            || self.target.is_some()
            || self.municipio.is_some()
            || self.price.is_some()
            || self.mode.is_some()
            || self.max_price_cents.is_some()
            || self.time.is_some()
            || self.delivery.is_some()
            || self.vouchers
            || self.provider.is_some()
    }

    /// The parameters as `name=value` pairs, defaults left out, in a fixed order: what links
    /// to this search carry (shareable, and the back button restores them).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        let options = [
            ("category", &self.category),
            ("target", &self.target),
            ("provider", &self.provider),
            ("price", &self.price),
            ("mode", &self.mode),
            ("time", &self.time),
            ("delivery", &self.delivery),
        ];
        for (name, value) in options {
            if let Some(v) = value {
                out.push((name, v.clone()));
            }
        }
        if let Some(m) = self.municipio {
            out.push(("municipio", m.to_string()));
        }
        if let Some(c) = self.max_price_cents {
            out.push(("max_price", Money::from_cents(c).to_string()));
        }
        if self.vouchers {
            out.push(("vouchers", "true".into()));
        }
        if let Some(s) = &self.sort {
            out.push(("sort", s.clone()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            out.push(("per_page", self.per_page.to_string()));
        }
        if self.page > 1 {
            out.push(("page", self.page.to_string()));
        }
        out
    }

    /// A copy with one parameter set (or removed with `None`), back on the first page.
    pub fn with(&self, name: &str, value: Option<&str>) -> SearchParams {
        let mut p = self.clone();
        p.page = 1;
        let v = value.map(str::to_string);
        match name {
            "q" => p.q = v.unwrap_or_default(),
            "category" => p.category = v,
            "target" => p.target = v,
            "provider" => p.provider = v,
            "price" => p.price = v,
            "mode" => p.mode = v,
            "time" => p.time = v,
            "delivery" => p.delivery = v,
            "sort" => p.sort = v,
            "municipio" => p.municipio = v.and_then(|s| s.parse().ok()),
            "max_price" => {
                p.max_price_cents = v.and_then(|s| Money::parse(&s).ok()).map(Money::to_cents)
            }
            "vouchers" => p.vouchers = v.is_some(),
            _ => {}
        }
        p
    }

    /// A copy on another page.
    pub fn on_page(&self, page: u32) -> SearchParams {
        SearchParams {
            page,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<SearchParams, ParamError> {
        SearchParams::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn defaults() {
        let p = parse(&[]).unwrap();
        assert_eq!((p.page, p.per_page), (1, DEFAULT_PER_PAGE));
        assert_eq!(p.effective_sort(), "name");
        assert!(!p.has_filters());
        assert!(p.to_pairs().is_empty());
    }

    #[test]
    fn reads_every_filter_and_writes_it_back() {
        let p = parse(&[
            ("q", "  baby\u{0}sitter   milano "),
            ("category", "servizi-educativi"),
            ("target", "minori"),
            ("municipio", "4"),
            ("price", "paid"),
            ("mode", "individual"),
            ("max_price", "25,50"),
            ("time", "evening"),
            ("delivery", "home"),
            ("vouchers", "on"),
            ("sort", "price"),
            ("page", "2"),
            ("lang", "en"),
        ])
        .unwrap();
        assert_eq!(p.q, "baby sitter milano");
        assert_eq!(p.max_price_cents, Some(2550));
        assert_eq!(p.effective_sort(), "price");
        let back: Vec<(&str, String)> = p.to_pairs();
        let again = SearchParams::from_pairs(back.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn refuses_bad_values_naming_the_field() {
        let long = "x".repeat(5000);
        for (name, value) in [
            ("q", long.as_str()),
            ("category", "'; DROP TABLE services; --"),
            ("category", "%_"),
            ("municipio", "10"),
            ("municipio", "1 OR 1=1"),
            ("price", "gratis"),
            ("max_price", "-5"),
            ("max_price", "1e9"),
            ("max_price", "NaN"),
            ("page", "0"),
            ("page", "99999999999999999999"),
            ("per_page", "101"),
            ("sort", "name; --"),
            ("vouchers", "maybe"),
        ] {
            let err = parse(&[(name, value)]).unwrap_err();
            assert_eq!(err.field, name, "{name}={value}");
            assert!(!err.message_it().is_empty() && !err.message_en().is_empty());
        }
    }

    #[test]
    fn emoji_and_symbols_are_just_text() {
        let p = parse(&[("q", "🧸 50% _babysitter_")]).unwrap();
        assert_eq!(p.q, "🧸 50% _babysitter_");
    }

    #[test]
    fn with_resets_the_page() {
        let p = parse(&[("page", "3"), ("category", "servizi-educativi")]).unwrap();
        let q = p.with("category", None);
        assert_eq!((q.page, q.category), (1, None));
        assert_eq!(p.on_page(5).page, 5);
    }
}

//! A family's request for a domestic worker: one form, checked whole. Data about the people
//! in care (ages, conditions, mobility) are special-category data: kept minimal (no names),
//! and conditions or mobility are refused unless the family gives its explicit consent.

use serde::{Deserialize, Serialize};

use super::fields::{FieldError, Fields};
use super::skills::{self, CONDITIONS, MOBILITY};
use super::{LANGUAGES, minimum_hourly_cents, parse_cefr, parse_regime, parse_role};
use crate::date::Date;
use crate::matching::{FamilyRequest, Role, WeekCalendar};

/// How many people in care the form asks about.
pub const MAX_PEOPLE: usize = 3;
pub const CONTRACTS: [&str; 2] = ["permanent", "fixed_term"];
pub const PETS: [&str; 4] = ["none", "dog", "cat", "other"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarePerson {
    pub age: u8,
    pub conditions: Vec<String>,
    pub mobility: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FamilyRequestDoc {
    pub role: String,
    pub regime: String,
    /// `permanent` or `fixed_term`.
    pub contract: String,
    pub start: String,
    pub end: String,
    pub people: Vec<CarePerson>,
    /// Explicit consent to keep the health data above (art. 9 GDPR), when there are any.
    pub health_consent: bool,
    pub tasks: Vec<String>,
    pub rooms: u8,
    pub floors: u8,
    pub garden: bool,
    pub pets: String,
    pub calendar: [u64; 7],
    pub offered_hourly_cents: i64,
    pub languages: Vec<String>,
    pub min_italian: String,
    pub wants_driving_licence: bool,
    pub wants_non_smoker: bool,
    /// At least these years of experience in the role (0: no preference).
    pub min_years: u32,
    pub address: String,
    pub municipio: u8,
    pub notes: String,
}

/// The calculator's input from a request form still being filled (the "calcola il costo"
/// button): only the role, the week's hours, the pay offered, the contract and the children's
/// ages are read, leniently; `None` until role, hours and pay are there.
pub fn estimate_from_form(f: &Fields) -> Option<FamilyRequestDoc> {
    let mut ignored = Vec::new();
    let role = parse_role(f.get("role"))?;
    let calendar = f.calendar("", &mut ignored);
    let offered = f.cents("offered_hourly", true, &mut ignored)?;
    if calendar.slots() == 0 {
        return None;
    }
    let people = (1..=MAX_PEOPLE)
        .filter_map(|i| f.number(&format!("p{i}_age"), 0, 120, false, &mut ignored))
        .map(|age| CarePerson {
            age: age as u8,
            ..Default::default()
        })
        .collect();
    Some(FamilyRequestDoc {
        role: super::role_code(role).to_string(),
        contract: f.get("contract").to_string(),
        calendar: calendar.to_bits(),
        offered_hourly_cents: offered,
        people,
        ..Default::default()
    })
}

impl FamilyRequestDoc {
    /// Reads and checks the whole form; every error at once.
    pub fn read(f: &Fields, today: Date) -> Result<FamilyRequestDoc, Vec<FieldError>> {
        let mut e = Vec::new();
        let mut d = FamilyRequestDoc {
            role: f.get("role").to_string(),
            ..Default::default()
        };
        let role = parse_role(&d.role);
        if role.is_none() {
            e.push(FieldError::new("role", "required"));
        }
        d.regime = f.get("regime").to_string();
        if parse_regime(&d.regime).is_none() {
            e.push(FieldError::new("regime", "required"));
        }
        d.contract = f.get("contract").to_string();
        if !CONTRACTS.contains(&d.contract.as_str()) {
            e.push(FieldError::new("contract", "required"));
        }
        let start = f.date("start", true, &mut e);
        if let Some(s) = start {
            if s < today {
                e.push(FieldError::new("start", "past"));
            } else if s > today.add_days(366) {
                e.push(FieldError::new("start", "too_far"));
            }
            d.start = s.to_string();
        }
        let end = f.date("end", d.contract == "fixed_term", &mut e);
        if let (Some(s), Some(en)) = (start, end) {
            if en <= s {
                e.push(FieldError::new("end", "order"));
            }
            d.end = en.to_string();
        }
        for i in 1..=MAX_PEOPLE {
            let age = f.number(&format!("p{i}_age"), 0, 120, false, &mut e);
            let conditions: Vec<String> = f
                .all(&format!("p{i}_conditions"))
                .into_iter()
                .filter(|c| skills::is_code_in(CONDITIONS, c))
                .collect();
            let mobility = f.get(&format!("p{i}_mobility")).to_string();
            if !mobility.is_empty() && !skills::is_code_in(MOBILITY, &mobility) {
                e.push(FieldError::new(format!("p{i}_mobility"), "invalid"));
            }
            match age {
                Some(age) => d.people.push(CarePerson {
                    age: age as u8,
                    conditions,
                    mobility,
                }),
                None if !conditions.is_empty() || !mobility.is_empty() => {
                    e.push(FieldError::new(format!("p{i}_age"), "required"))
                }
                None => {}
            }
        }
        if matches!(role, Some(Role::Babysitter) | Some(Role::Badante)) && d.people.is_empty() {
            e.push(FieldError::new("p1_age", "required"));
        }
        d.health_consent = f.flag("health_consent");
        let health_data = d
            .people
            .iter()
            .any(|p| !p.conditions.is_empty() || !p.mobility.is_empty());
        if health_data && !d.health_consent {
            e.push(FieldError::new("health_consent", "consent"));
        }
        if !health_data {
            // Nothing to consent to: do not keep a consent that covers nothing.
            d.health_consent = false;
        }
        d.tasks = f
            .all("tasks")
            .into_iter()
            .filter(|t| role.is_some_and(|r| skills::is_skill_of(r, t)))
            .collect();
        d.rooms = f.number("rooms", 1, 30, true, &mut e).unwrap_or(0) as u8;
        d.floors = f.number("floors", 1, 10, false, &mut e).unwrap_or(1) as u8;
        d.garden = f.flag("garden");
        d.pets = match f.get("pets") {
            "" => "none".to_string(),
            p if PETS.contains(&p) => p.to_string(),
            _ => {
                e.push(FieldError::new("pets", "invalid"));
                String::new()
            }
        };
        let calendar = f.calendar("", &mut e);
        if calendar.slots() == 0 {
            e.push(FieldError::new("d0_from", "no_hours"));
        }
        d.calendar = calendar.to_bits();
        if let Some(cents) = f.cents("offered_hourly", true, &mut e) {
            if let Some(r) = role
                && cents < minimum_hourly_cents(r)
            {
                e.push(FieldError::new("offered_hourly", "below_minimum"));
            }
            d.offered_hourly_cents = cents;
        }
        d.languages = f
            .all("languages")
            .into_iter()
            .filter(|l| LANGUAGES.contains(&l.as_str()))
            .collect();
        d.min_italian = match f.get("min_italian") {
            "" => String::new(),
            code => match parse_cefr(code) {
                Some(level) => super::cefr_code(level).to_string(),
                None => {
                    e.push(FieldError::new("min_italian", "invalid"));
                    String::new()
                }
            },
        };
        d.wants_driving_licence = f.flag("wants_driving_licence");
        d.wants_non_smoker = f.flag("wants_non_smoker");
        d.min_years = f.number("min_years", 0, 40, false, &mut e).unwrap_or(0) as u32;
        d.address = f.required_line("address", &mut e);
        d.municipio = f.number("municipio", 1, 9, true, &mut e).unwrap_or(0) as u8;
        d.notes = f.text("notes", &mut e);
        if e.is_empty() { Ok(d) } else { Err(e) }
    }

    pub fn role(&self) -> Option<Role> {
        parse_role(&self.role)
    }

    pub fn weekly_slots(&self) -> u32 {
        WeekCalendar::from_bits(self.calendar).slots()
    }

    /// Tasks plus the skills the declared conditions call for, and for a babysitter the age
    /// bands of the children.
    fn wanted_skills(&self) -> Vec<String> {
        let mut out = self.tasks.clone();
        if self.role() == Some(Role::Babysitter) {
            for p in &self.people {
                let band = skills::age_band(p.age).to_string();
                if !out.contains(&band) {
                    out.push(band);
                }
            }
        }
        for p in &self.people {
            for c in p.conditions.iter().chain(std::iter::once(&p.mobility)) {
                if let Some(s) = skills::skill_for_condition(c)
                    && self.role().is_some_and(|r| skills::is_skill_of(r, s))
                    && !out.iter().any(|o| o == s)
                {
                    out.push(s.to_string());
                }
            }
        }
        out
    }

    /// What the matching engine needs of this request.
    pub fn to_matching(&self) -> Option<FamilyRequest> {
        Some(FamilyRequest {
            role: self.role()?,
            regime: parse_regime(&self.regime)?,
            calendar: WeekCalendar::from_bits(self.calendar),
            start: Date::parse(&self.start)?,
            municipio: self.municipio,
            offered_hourly_cents: self.offered_hourly_cents,
            tasks: self.wanted_skills(),
            languages: self.languages.clone(),
            min_italian: parse_cefr(&self.min_italian),
            wants_driving_licence: self.wants_driving_licence,
            wants_non_smoker: self.wants_non_smoker,
            min_years: self.min_years,
            has_pets: self.pets != "none" && !self.pets.is_empty(),
        })
    }

    /// The calculator's input for this request's cost estimate (hourly regime, the role's
    /// level, the weekly hours of the calendar, the offered pay).
    pub fn calculator_input(&self) -> Option<crate::calculator::CalculatorInput> {
        let role = self.role()?;
        let slots = self.weekly_slots();
        let hours = rust_decimal::Decimal::new(i64::from(slots) * 5, 1);
        Some(crate::calculator::CalculatorInput {
            regime: "hourly".into(),
            level: super::level_for(role).into(),
            weekly_hours: hours,
            hourly_pay: Some(crate::money::Money::from_cents(self.offered_hourly_cents)),
            fixed_term: self.contract == "fixed_term",
            children_under_6: if role == Role::Babysitter {
                self.people.iter().filter(|p| p.age < 6).count() as i64
            } else {
                0
            },
            ..Default::default()
        })
    }
}

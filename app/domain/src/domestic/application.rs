//! A worker's application: one document filled step by step (each step is saved as a draft
//! and can be revisited), sent to the city when nothing required is missing. `read_step`
//! checks one step's fields and writes them into the document only when they are all valid,
//! so a refused step changes nothing.

use serde::{Deserialize, Serialize};

use super::fields::{FieldError, Fields};
use super::skills::{self, COURSES};
use super::{LANGUAGES, minimum_hourly_cents, parse_cefr, parse_regime, parse_role};
use crate::date::Date;
use crate::fiscal_code;
use crate::matching::{Cefr, Regime, Role, WeekCalendar, WorkerProfile};

/// The steps of the form, in order; `code()` is the `?passo=` of its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Personal,
    Documents,
    Education,
    Experience,
    About,
    Roles,
    Availability,
    Summary,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Personal,
        Step::Documents,
        Step::Education,
        Step::Experience,
        Step::About,
        Step::Roles,
        Step::Availability,
        Step::Summary,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Step::Personal => "dati",
            Step::Documents => "documenti",
            Step::Education => "formazione",
            Step::Experience => "esperienze",
            Step::About => "informazioni",
            Step::Roles => "ruoli",
            Step::Availability => "disponibilita",
            Step::Summary => "riepilogo",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Step {
        Step::ALL[(self.index() + 1).min(Step::ALL.len() - 1)]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    pub role: String,
    /// `family`, `cooperative`, `facility`.
    pub employer: String,
    /// `YYYY-MM`.
    pub from: String,
    /// `YYYY-MM`, empty while ongoing.
    pub to: String,
    pub description: String,
    pub reference_name: String,
    pub reference_phone: String,
}

impl Experience {
    /// Whole months worked, counting both ends (`today` closes an ongoing one).
    pub fn months(&self, today: Date) -> i64 {
        let month = |text: &str| -> Option<i64> {
            let (y, m) = text.split_once('-')?;
            Some(y.parse::<i64>().ok()? * 12 + m.parse::<i64>().ok()? - 1)
        };
        let (ty, tm, _) = today.ymd();
        let end = if self.to.is_empty() {
            Some(ty * 12 + i64::from(tm) - 1)
        } else {
            month(&self.to)
        };
        match (month(&self.from), end) {
            (Some(a), Some(b)) if b >= a => b - a + 1,
            _ => 0,
        }
    }
}

/// What the worker offers in one role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleAvailability {
    pub role: String,
    pub regimes: Vec<String>,
    /// Monday first, 48 half-hour bits a day.
    pub calendar: [u64; 7],
    pub max_weekly_hours: u32,
    pub expected_hourly_cents: i64,
    /// Municipi of Milan (1–9) the worker would work in.
    pub municipi: Vec<u8>,
    /// Willing to travel outside Milan.
    pub travel: bool,
    /// Willing to go on holiday with the family.
    pub holidays_with_family: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerApplication {
    // Personal data.
    pub first_name: String,
    pub last_name: String,
    pub birth_date: String,
    pub fiscal_code: String,
    pub nationality: String,
    pub eu_citizen: bool,
    pub phone: String,
    pub address: String,
    pub municipio: u8,
    // Documents.
    /// `identity_card`, `passport`, `driving_licence`.
    pub id_document_kind: String,
    pub id_document_number: String,
    pub id_document_expiry: String,
    pub permit_number: String,
    pub permit_expiry: String,
    // Education, languages, employment.
    /// `unemployed`, `employed`, `student`, `other`.
    pub employment_status: String,
    pub available_from: String,
    /// `none`, `primary`, `lower_secondary`, `upper_secondary`, `degree`.
    pub education: String,
    pub courses: Vec<String>,
    pub italian: String,
    pub languages: Vec<String>,
    pub experiences: Vec<Experience>,
    // About the worker.
    pub driving_licence: bool,
    pub own_car: bool,
    pub smoker: bool,
    pub animal_allergy: bool,
    pub about: String,
    // Roles and skills.
    pub roles: Vec<String>,
    pub skills: Vec<String>,
    pub availability: Vec<RoleAvailability>,
    /// Steps saved at least once.
    pub saved: Vec<Step>,
}

pub const EMPLOYER_KINDS: [&str; 3] = ["family", "cooperative", "facility"];
pub const EMPLOYMENT: [&str; 4] = ["unemployed", "employed", "student", "other"];
pub const EDUCATION: [&str; 5] = [
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "degree",
];
pub const ID_DOCUMENTS: [&str; 3] = ["identity_card", "passport", "driving_licence"];
/// Most experiences kept in one application.
pub const MAX_EXPERIENCES: usize = 20;

fn one_of(value: &str, allowed: &[&str], name: &str, errors: &mut Vec<FieldError>) {
    if value.is_empty() {
        errors.push(FieldError::new(name, "required"));
    } else if !allowed.contains(&value) {
        errors.push(FieldError::new(name, "invalid"));
    }
}

fn month(text: &str) -> bool {
    text.len() == 7
        && text
            .split_once('-')
            .and_then(|(y, m)| Some((y.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
            .is_some_and(|(y, m)| (1950..=2100).contains(&y) && (1..=12).contains(&m))
}

impl WorkerApplication {
    pub fn roles(&self) -> Vec<Role> {
        self.roles.iter().filter_map(|r| parse_role(r)).collect()
    }

    pub fn availability_for(&self, role: Role) -> Option<&RoleAvailability> {
        let code = super::role_code(role);
        self.availability.iter().find(|a| a.role == code)
    }

    pub fn is_eu(&self) -> bool {
        self.eu_citizen
    }

    /// Years of experience in a role, from the declared experiences (whole years).
    pub fn years_in(&self, role: Role, today: Date) -> u32 {
        let code = super::role_code(role);
        let months: i64 = self
            .experiences
            .iter()
            .filter(|e| e.role == code)
            .map(|e| e.months(today))
            .sum();
        (months / 12) as u32
    }

    /// Checks one step's fields; on success writes them into the document (and marks the
    /// step saved), otherwise leaves the document as it was and returns every error.
    /// `today` is the date in Rome (for expiry and availability checks).
    pub fn read_step(
        &mut self,
        step: Step,
        f: &Fields,
        today: Date,
    ) -> Result<(), Vec<FieldError>> {
        let mut next = self.clone();
        let mut errors = Vec::new();
        match step {
            Step::Personal => next.read_personal(f, today, &mut errors),
            Step::Documents => next.read_documents(f, today, &mut errors),
            Step::Education => next.read_education(f, today, &mut errors),
            Step::Experience => next.read_experience(f, &mut errors),
            Step::About => {
                next.driving_licence = f.flag("driving_licence");
                next.own_car = f.flag("own_car");
                next.smoker = f.flag("smoker");
                next.animal_allergy = f.flag("animal_allergy");
                next.about = f.text("about", &mut errors);
            }
            Step::Roles => next.read_roles(f, &mut errors),
            Step::Availability => next.read_availability(f, &mut errors),
            Step::Summary => {}
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if !next.saved.contains(&step) && step != Step::Summary {
            next.saved.push(step);
        }
        *self = next;
        Ok(())
    }

    fn read_personal(&mut self, f: &Fields, today: Date, errors: &mut Vec<FieldError>) {
        self.first_name = f.required_line("first_name", errors);
        self.last_name = f.required_line("last_name", errors);
        match f.date("birth_date", true, errors) {
            Some(d) if d.add_days(18 * 365 + 4) > today || d.add_days(100 * 366) < today => {
                errors.push(FieldError::new("birth_date", "age"))
            }
            Some(d) => self.birth_date = d.to_string(),
            None => {}
        }
        let code = f.get("fiscal_code");
        if code.is_empty() {
            errors.push(FieldError::new("fiscal_code", "required"));
        } else {
            match fiscal_code::normalize_fiscal_code(code) {
                Ok(code) => self.fiscal_code = code,
                Err(_) => errors.push(FieldError::new("fiscal_code", "invalid")),
            }
        }
        self.nationality = f.required_line("nationality", errors);
        self.eu_citizen = f.get("eu_citizen") == "yes";
        if !matches!(f.get("eu_citizen"), "yes" | "no") {
            errors.push(FieldError::new("eu_citizen", "required"));
        }
        let phone = f.required_line("phone", errors);
        if !phone.is_empty()
            && (phone.chars().filter(|c| c.is_ascii_digit()).count() < 6
                || !phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-./()".contains(c)))
        {
            errors.push(FieldError::new("phone", "invalid"));
        }
        self.phone = phone;
        self.address = f.required_line("address", errors);
        self.municipio = f.number("municipio", 1, 9, true, errors).unwrap_or(0) as u8;
    }

    fn read_documents(&mut self, f: &Fields, today: Date, errors: &mut Vec<FieldError>) {
        self.id_document_kind = f.get("id_document_kind").to_string();
        one_of(
            &self.id_document_kind,
            &ID_DOCUMENTS,
            "id_document_kind",
            errors,
        );
        self.id_document_number = f.required_line("id_document_number", errors);
        match f.date("id_document_expiry", true, errors) {
            Some(d) if d < today => errors.push(FieldError::new("id_document_expiry", "expired")),
            Some(d) => self.id_document_expiry = d.to_string(),
            None => {}
        }
        // A residence permit only for citizens of countries outside the EU.
        if self.eu_citizen {
            self.permit_number.clear();
            self.permit_expiry.clear();
        } else {
            self.permit_number = f.required_line("permit_number", errors);
            match f.date("permit_expiry", true, errors) {
                Some(d) if d < today => errors.push(FieldError::new("permit_expiry", "expired")),
                Some(d) => self.permit_expiry = d.to_string(),
                None => {}
            }
        }
    }

    fn read_education(&mut self, f: &Fields, today: Date, errors: &mut Vec<FieldError>) {
        self.employment_status = f.get("employment_status").to_string();
        one_of(
            &self.employment_status,
            &EMPLOYMENT,
            "employment_status",
            errors,
        );
        match f.date("available_from", true, errors) {
            Some(d) if d > today.add_days(366) => {
                errors.push(FieldError::new("available_from", "too_far"))
            }
            Some(d) => self.available_from = d.max(today).to_string(),
            None => {}
        }
        self.education = f.get("education").to_string();
        one_of(&self.education, &EDUCATION, "education", errors);
        self.courses = f
            .all("courses")
            .into_iter()
            .filter(|c| skills::is_code_in(COURSES, c))
            .collect();
        let italian = f.get("italian");
        match parse_cefr(italian) {
            Some(level) => self.italian = super::cefr_code(level).to_string(),
            None if italian.is_empty() => errors.push(FieldError::new("italian", "required")),
            None => errors.push(FieldError::new("italian", "invalid")),
        }
        self.languages = f
            .all("languages")
            .into_iter()
            .filter(|l| LANGUAGES.contains(&l.as_str()))
            .collect();
    }

    /// The experience step adds one experience (`action=add`) or removes one
    /// (`action=remove`, `index`); with nothing else it just marks the step saved.
    fn read_experience(&mut self, f: &Fields, errors: &mut Vec<FieldError>) {
        match f.get("action") {
            "remove" => {
                if let Some(i) = f.number("index", 0, MAX_EXPERIENCES as i64, true, errors) {
                    let i = i as usize;
                    if i < self.experiences.len() {
                        self.experiences.remove(i);
                    }
                }
            }
            "add" => {
                if self.experiences.len() >= MAX_EXPERIENCES {
                    errors.push(FieldError::new("exp_role", "too_many"));
                    return;
                }
                let role = f.get("exp_role").to_string();
                if parse_role(&role).is_none() {
                    errors.push(FieldError::new("exp_role", "required"));
                }
                let employer = f.get("exp_employer").to_string();
                one_of(&employer, &EMPLOYER_KINDS, "exp_employer", errors);
                let from = f.get("exp_from").to_string();
                if !month(&from) {
                    errors.push(FieldError::new("exp_from", "invalid"));
                }
                let to = f.get("exp_to").to_string();
                if !to.is_empty() && (!month(&to) || to < from) {
                    errors.push(FieldError::new("exp_to", "invalid"));
                }
                let description = f.text("exp_description", errors);
                let reference_name = f.line("exp_reference_name", errors);
                let reference_phone = f.line("exp_reference_phone", errors);
                self.experiences.push(Experience {
                    role,
                    employer,
                    from,
                    to,
                    description,
                    reference_name,
                    reference_phone,
                });
            }
            _ => {}
        }
    }

    fn read_roles(&mut self, f: &Fields, errors: &mut Vec<FieldError>) {
        let roles: Vec<String> = f
            .all("roles")
            .into_iter()
            .filter(|r| parse_role(r).is_some())
            .collect();
        if roles.is_empty() {
            errors.push(FieldError::new("roles", "required"));
        }
        let chosen: Vec<Role> = roles.iter().filter_map(|r| parse_role(r)).collect();
        self.skills = f
            .all("skills")
            .into_iter()
            .filter(|s| chosen.iter().any(|r| skills::is_skill_of(*r, s)))
            .collect();
        // Availability of a role no longer chosen goes with it.
        self.availability.retain(|a| roles.contains(&a.role));
        self.roles = roles;
    }

    /// One fieldset per chosen role, fields prefixed with the role's code (`colf_regimes`,
    /// `colf_d0_from`…).
    fn read_availability(&mut self, f: &Fields, errors: &mut Vec<FieldError>) {
        if self.roles.is_empty() {
            errors.push(FieldError::new("roles", "required"));
            return;
        }
        let mut all = Vec::new();
        for code in self.roles.clone() {
            let Some(role) = parse_role(&code) else {
                continue;
            };
            let p = format!("{code}_");
            let regimes: Vec<String> = f
                .all(&format!("{p}regimes"))
                .into_iter()
                .filter(|r| parse_regime(r).is_some())
                .collect();
            if regimes.is_empty() {
                errors.push(FieldError::new(format!("{p}regimes"), "required"));
            }
            let calendar = f.calendar(&p, errors);
            if calendar.slots() == 0 {
                errors.push(FieldError::new(format!("{p}d0_from"), "no_hours"));
            }
            let max = f
                .number(&format!("{p}max_weekly_hours"), 1, 54, true, errors)
                .unwrap_or(0) as u32;
            let minimum = minimum_hourly_cents(role);
            let expected = f.cents(&format!("{p}expected_hourly"), true, errors);
            if let Some(cents) = expected
                && cents < minimum
            {
                errors.push(FieldError::new(
                    format!("{p}expected_hourly"),
                    "below_minimum",
                ));
            }
            let municipi: Vec<u8> = f
                .all(&format!("{p}municipi"))
                .into_iter()
                .filter_map(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=9).contains(m))
                .collect();
            if municipi.is_empty() {
                errors.push(FieldError::new(format!("{p}municipi"), "required"));
            }
            all.push(RoleAvailability {
                role: code.clone(),
                regimes,
                calendar: calendar.to_bits(),
                max_weekly_hours: max,
                expected_hourly_cents: expected.unwrap_or(0),
                municipi,
                travel: f.flag(&format!("{p}travel")),
                holidays_with_family: f.flag(&format!("{p}holidays")),
            });
        }
        self.availability = all;
    }

    /// The steps still missing before the application can be sent (the summary itself never).
    pub fn missing(&self) -> Vec<Step> {
        let mut out: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Summary && *s != Step::Experience && !self.saved.contains(s))
            .collect();
        // Each chosen role needs its availability.
        let roles = self.roles();
        if !roles.is_empty()
            && roles.iter().any(|r| self.availability_for(*r).is_none())
            && !out.contains(&Step::Availability)
        {
            out.push(Step::Availability);
        }
        // A permit is needed when the worker says they are not EU citizens.
        if !self.eu_citizen
            && self.saved.contains(&Step::Personal)
            && self.permit_number.is_empty()
            && !out.contains(&Step::Documents)
        {
            out.push(Step::Documents);
        }
        out.sort_by_key(|s| s.index());
        out
    }

    /// The profile the matching engine ranks for one role. `validated_roles` and ratings come
    /// from the staff's outcome; `engaged` from a hire recorded on the portal.
    pub fn to_profile(
        &self,
        id: i64,
        role: Role,
        validated: bool,
        engaged: bool,
        staff_rating: Option<u8>,
        today: Date,
    ) -> Option<WorkerProfile> {
        let a = self.availability_for(role)?;
        Some(WorkerProfile {
            id,
            roles: vec![role],
            validated,
            engaged,
            available_from: Date::parse(&self.available_from).unwrap_or(today),
            regimes: a
                .regimes
                .iter()
                .filter_map(|r| parse_regime(r))
                .collect::<Vec<Regime>>(),
            calendar: WeekCalendar::from_bits(a.calendar),
            max_weekly_slots: a.max_weekly_hours * 2,
            municipio: self.municipio,
            municipi: a.municipi.clone(),
            years: vec![(role, self.years_in(role, today))],
            staff_rating: staff_rating.map(|s| vec![(role, s)]).unwrap_or_default(),
            italian: parse_cefr(&self.italian).unwrap_or(Cefr::A1),
            languages: self.languages.clone(),
            skills: self.skills.clone(),
            expected_hourly_cents: a.expected_hourly_cents,
            driving_licence: self.driving_licence,
            smoker: self.smoker,
            animal_allergy: self.animal_allergy,
        })
    }

    /// Days until the residence permit (or identity document) expires, when within `days`.
    pub fn expiring_documents(&self, today: Date, days: i64) -> Vec<(&'static str, Date)> {
        let mut out = Vec::new();
        for (kind, text) in [
            ("permit", &self.permit_expiry),
            ("identity", &self.id_document_expiry),
        ] {
            if let Some(d) = Date::parse(text)
                && d <= today.add_days(days)
            {
                out.push((kind, d));
            }
        }
        out
    }
}

/// The staff's outcome on an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Suitable,
    NotSuitable,
    Suspended,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Suitable => "suitable",
            Outcome::NotSuitable => "not_suitable",
            Outcome::Suspended => "suspended",
        }
    }

    pub fn parse(code: &str) -> Option<Outcome> {
        match code {
            "suitable" => Some(Outcome::Suitable),
            "not_suitable" => Some(Outcome::NotSuitable),
            "suspended" => Some(Outcome::Suspended),
            _ => None,
        }
    }

    /// The application's status once the outcome is recorded.
    pub fn status(self) -> &'static str {
        self.code()
    }
}

/// Application statuses: `draft` → `submitted` → `interview` → `suitable` / `not_suitable` /
/// `suspended` (a suspended one may be decided again).
pub const STATUSES: [&str; 6] = [
    "draft",
    "submitted",
    "interview",
    "suitable",
    "not_suitable",
    "suspended",
];

/// Whether the staff may record an outcome on an application in `status` (a reason is
/// required for anything but "suitable").
pub fn can_decide(status: &str) -> bool {
    matches!(status, "submitted" | "interview" | "suspended" | "suitable")
}

/// Whether the worker may still edit: drafts, and applications sent back (suspended).
pub fn worker_can_edit(status: &str) -> bool {
    matches!(status, "draft" | "suspended")
}

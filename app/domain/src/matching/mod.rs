//! Matching families and domestic workers: hard constraints decide who can be proposed at all,
//! a weighted score on the rest ranks them, and every point of the score comes with its reason
//! in words, so a family or an operator sees why a profile is where it is ("copre il 100% degli
//! orari richiesti; 6 anni di esperienza; parla spagnolo; vive nel Municipio 5").
//!
//! Pure: the server loads the profiles and the request, this decides. One pass over the
//! candidates with bit operations for the calendars: see `examples/matching_bench.rs` for how
//! long 20,000 profiles take.

pub mod calendar;
mod explain;
#[cfg(test)]
mod tests;

pub use calendar::WeekCalendar;
pub use explain::{Exclusion, Reason, language_name};

use serde::{Deserialize, Serialize};

use crate::date::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Babysitter,
    Colf,
    Badante,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// Lives with the family.
    LiveIn,
    /// Hourly, not living in.
    Hourly,
    /// Night presence.
    Night,
    /// Weekend cover.
    Weekend,
}

/// CEFR levels of Italian, A1 lowest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// What the matching needs of a worker's validated application.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkerProfile {
    pub id: i64,
    /// Roles the city validated the worker for (staff outcome "suitable").
    pub roles: Vec<Role>,
    /// Suspended or not suitable workers are never proposed.
    pub validated: bool,
    /// Already hired through the portal and not free again.
    pub engaged: bool,
    pub available_from: Date,
    pub regimes: Vec<Regime>,
    pub calendar: WeekCalendar,
    /// The most hours a week the worker wants, in half-hour slots.
    pub max_weekly_slots: u32,
    /// Where the worker lives (1–9) and the municipi they are willing to work in.
    pub municipio: u8,
    pub municipi: Vec<u8>,
    /// Years of experience in the requested role (from the application, checked by staff).
    pub years: Vec<(Role, u32)>,
    /// The staff's rating of the experience, 1–5, per role.
    pub staff_rating: Vec<(Role, u8)>,
    pub italian: Cefr,
    /// Other languages, lower-case ISO 639-1 codes (`es`, `en`…).
    pub languages: Vec<String>,
    /// Task codes of the worker's per-role skills.
    pub skills: Vec<String>,
    /// Expected pay, cents an hour.
    pub expected_hourly_cents: i64,
    pub driving_licence: bool,
    pub smoker: bool,
    pub animal_allergy: bool,
}

/// What the family asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyRequest {
    pub role: Role,
    pub regime: Regime,
    pub calendar: WeekCalendar,
    pub start: Date,
    /// Where the work is (1–9).
    pub municipio: u8,
    /// Cents an hour the family offers.
    pub offered_hourly_cents: i64,
    /// Task codes needed.
    pub tasks: Vec<String>,
    /// Languages the family would like besides Italian.
    pub languages: Vec<String>,
    pub min_italian: Option<Cefr>,
    pub wants_driving_licence: bool,
    pub wants_non_smoker: bool,
    /// At least this many years in the role (0: no preference).
    pub min_years: u32,
    pub has_pets: bool,
}

/// A proposable worker: the score (0–100), its reasons, and the share of requested hours
/// covered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub worker_id: i64,
    pub score: u32,
    pub reasons: Vec<Reason>,
}

/// Points each criterion can give; they add up to 100.
pub mod weights {
    pub const PLACE: u32 = 20;
    pub const EXPERIENCE: u32 = 20;
    pub const RATING: u32 = 10;
    pub const SKILLS: u32 = 20;
    pub const LANGUAGES: u32 = 10;
    pub const PAY: u32 = 10;
    pub const PREFERENCES: u32 = 10;
}

fn years_in(w: &WorkerProfile, role: Role) -> u32 {
    w.years
        .iter()
        .find(|(r, _)| *r == role)
        .map_or(0, |(_, y)| *y)
}

fn rating_in(w: &WorkerProfile, role: Role) -> Option<u8> {
    w.staff_rating
        .iter()
        .find(|(r, _)| *r == role)
        .map(|(_, s)| *s)
}

/// The hard constraints: every reason the worker cannot be proposed (empty: proposable).
pub fn exclusions(request: &FamilyRequest, w: &WorkerProfile) -> Vec<Exclusion> {
    let mut out = Vec::new();
    if !w.roles.contains(&request.role) {
        out.push(Exclusion::Role);
    }
    if !w.validated {
        out.push(Exclusion::NotValidated);
    }
    if w.engaged {
        out.push(Exclusion::Engaged);
    }
    if w.available_from > request.start {
        out.push(Exclusion::AvailableLater(w.available_from.to_string()));
    }
    if !w.regimes.contains(&request.regime) {
        out.push(Exclusion::Regime);
    }
    let requested = request.calendar.slots();
    if !request.calendar.covered_by(&w.calendar) {
        out.push(Exclusion::Calendar {
            covered: request.calendar.overlap(&w.calendar),
            requested,
        });
    }
    if requested > w.max_weekly_slots {
        out.push(Exclusion::TooManyHours {
            max_slots: w.max_weekly_slots,
        });
    }
    if request.has_pets && w.animal_allergy {
        out.push(Exclusion::AnimalAllergy);
    }
    if request.min_italian.is_some_and(|min| w.italian < min) {
        out.push(Exclusion::Italian(w.italian));
    }
    out
}

/// The score of a worker who passed the hard constraints, with its reasons.
pub fn score(request: &FamilyRequest, w: &WorkerProfile) -> Candidate {
    use weights::*;
    let mut reasons = vec![Reason::CoversHours {
        slots: request.calendar.slots(),
    }];
    let mut points = 0;

    // Place: living in the municipio of the work, or willing to go there.
    if w.municipio == request.municipio {
        points += PLACE;
        reasons.push(Reason::LivesInMunicipio(w.municipio));
    } else if w.municipi.contains(&request.municipio) {
        points += PLACE * 6 / 10;
        reasons.push(Reason::WorksInMunicipio(request.municipio));
    } else {
        reasons.push(Reason::FarAway(w.municipio));
    }

    // Experience in the role (ten years or more: full points) and the staff's rating.
    let years = years_in(w, request.role);
    points += years.min(10) * EXPERIENCE / 10;
    reasons.push(Reason::Experience(years));
    if let Some(stars) = rating_in(w, request.role) {
        points += u32::from(stars.min(5)) * RATING / 5;
        reasons.push(Reason::StaffRating(stars.min(5)));
    }

    // Skills: the share of requested tasks the worker does.
    if request.tasks.is_empty() {
        points += SKILLS;
    } else {
        let matched = request
            .tasks
            .iter()
            .filter(|t| w.skills.contains(t))
            .count() as u32;
        let asked = request.tasks.len() as u32;
        points += matched * SKILLS / asked;
        reasons.push(Reason::Tasks { matched, asked });
    }

    // Languages besides Italian the family would like.
    if request.languages.is_empty() {
        points += LANGUAGES;
    } else {
        let spoken: Vec<String> = request
            .languages
            .iter()
            .filter(|l| w.languages.contains(l))
            .cloned()
            .collect();
        points += spoken.len() as u32 * LANGUAGES / request.languages.len() as u32;
        if spoken.is_empty() {
            reasons.push(Reason::NoneOfTheLanguages);
        } else {
            reasons.push(Reason::Speaks(spoken));
        }
    }

    // Pay: what the worker expects against what the family offers (10% above: half).
    let offered = request.offered_hourly_cents.max(0);
    let expected = w.expected_hourly_cents.max(0);
    if expected <= offered {
        points += PAY;
        reasons.push(Reason::PayWithinOffer { expected, offered });
    } else if expected * 10 <= offered * 11 {
        points += PAY / 2;
        reasons.push(Reason::PayAboveOffer { expected, offered });
    } else {
        reasons.push(Reason::PayFarAboveOffer { expected, offered });
    }

    // Preferences: each one asked for and met gives its share; none asked: full points.
    let mut asked_count = 0;
    let mut met = 0;
    if request.wants_driving_licence {
        asked_count += 1;
        if w.driving_licence {
            met += 1;
            reasons.push(Reason::DrivingLicence);
        } else {
            reasons.push(Reason::NoDrivingLicence);
        }
    }
    if request.wants_non_smoker {
        asked_count += 1;
        if w.smoker {
            reasons.push(Reason::Smoker);
        } else {
            met += 1;
            reasons.push(Reason::NonSmoker);
        }
    }
    if request.min_years > 0 {
        asked_count += 1;
        if years >= request.min_years {
            met += 1;
            reasons.push(Reason::EnoughExperience(request.min_years));
        } else {
            reasons.push(Reason::LessExperience(request.min_years));
        }
    }
    points += (met * PREFERENCES)
        .checked_div(asked_count)
        .unwrap_or(PREFERENCES);

    Candidate {
        worker_id: w.id,
        score: points.min(100),
        reasons,
    }
}

/// Every proposable worker, best first (ties: more years in the role, then the older
/// application, i.e. the lower id), and how many were left out.
pub fn rank(request: &FamilyRequest, workers: &[WorkerProfile]) -> (Vec<Candidate>, usize) {
    let mut ranked: Vec<(Candidate, u32)> = workers
        .iter()
        .filter(|w| exclusions(request, w).is_empty())
        .map(|w| (score(request, w), years_in(w, request.role)))
        .collect();
    ranked.sort_by(|(a, ay), (b, by)| {
        b.score
            .cmp(&a.score)
            .then(by.cmp(ay))
            .then(a.worker_id.cmp(&b.worker_id))
    });
    let left_out = workers.len() - ranked.len();
    (ranked.into_iter().map(|(c, _)| c).collect(), left_out)
}

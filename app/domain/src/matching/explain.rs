//! The reasons behind a score and behind an exclusion, in words (Italian and English), for the
//! family's shortlist and the staff's view.

use serde::{Deserialize, Serialize};

use super::Cefr;
use crate::date::Date;
use crate::money::Money;

/// One reason of a score, in the order shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Every requested half-hour is in the worker's availability.
    CoversHours {
        slots: u32,
    },
    LivesInMunicipio(u8),
    WorksInMunicipio(u8),
    FarAway(u8),
    Experience(u32),
    StaffRating(u8),
    Tasks {
        matched: u32,
        asked: u32,
    },
    Speaks(Vec<String>),
    NoneOfTheLanguages,
    PayWithinOffer {
        expected: i64,
        offered: i64,
    },
    PayAboveOffer {
        expected: i64,
        offered: i64,
    },
    PayFarAboveOffer {
        expected: i64,
        offered: i64,
    },
    DrivingLicence,
    NoDrivingLicence,
    NonSmoker,
    Smoker,
    /// The family asked for at least this many years in the role, and the worker has them.
    EnoughExperience(u32),
    /// ...and the worker has fewer.
    LessExperience(u32),
}

/// Why a worker cannot be proposed for a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Exclusion {
    Role,
    NotValidated,
    Engaged,
    /// From this date (ISO 8601).
    AvailableLater(String),
    Regime,
    Calendar {
        covered: u32,
        requested: u32,
    },
    TooManyHours {
        max_slots: u32,
    },
    AnimalAllergy,
    Italian(Cefr),
}

fn hours(slots: u32) -> String {
    if slots.is_multiple_of(2) {
        format!("{}", slots / 2)
    } else {
        format!("{},5", slots / 2)
    }
}

fn euros(cents: i64) -> String {
    Money::from_cents(cents).format_it()
}

fn language_it(code: &str) -> String {
    match code {
        "en" => "inglese",
        "es" => "spagnolo",
        "fr" => "francese",
        "de" => "tedesco",
        "pt" => "portoghese",
        "ro" => "rumeno",
        "uk" => "ucraino",
        "ru" => "russo",
        "ar" => "arabo",
        "zh" => "cinese",
        "tl" => "tagalog",
        "sq" => "albanese",
        other => return other.to_string(),
    }
    .to_string()
}

fn language_en(code: &str) -> String {
    match code {
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "uk" => "Ukrainian",
        "ru" => "Russian",
        "ar" => "Arabic",
        "zh" => "Chinese",
        "tl" => "Tagalog",
        "sq" => "Albanian",
        other => return other.to_string(),
    }
    .to_string()
}

fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

impl Reason {
    pub fn message_it(&self) -> String {
        match self {
            Reason::CoversHours { slots } => {
                format!(
                    "copre il 100% degli orari richiesti ({} ore a settimana)",
                    hours(*slots)
                )
            }
            Reason::LivesInMunicipio(m) => format!("vive nel Municipio {m}"),
            Reason::WorksInMunicipio(m) => format!("lavora volentieri nel Municipio {m}"),
            Reason::FarAway(m) => format!("vive nel Municipio {m}, lontano dal luogo di lavoro"),
            Reason::Experience(0) => "nessuna esperienza dichiarata nel ruolo".into(),
            Reason::Experience(1) => "1 anno di esperienza".into(),
            Reason::Experience(y) => format!("{y} anni di esperienza"),
            Reason::StaffRating(s) => format!("valutazione del colloquio WeMi: {s} su 5"),
            Reason::Tasks { matched, asked } if matched == asked => {
                "sa svolgere tutte le mansioni richieste".into()
            }
            Reason::Tasks { matched, asked } => {
                format!("sa svolgere {matched} delle {asked} mansioni richieste")
            }
            Reason::Speaks(codes) => {
                let names: Vec<String> = codes.iter().map(|c| language_it(c)).collect();
                format!("parla {}", list(&names, "e"))
            }
            Reason::NoneOfTheLanguages => "non parla le lingue preferite".into(),
            Reason::PayWithinOffer { expected, offered } => format!(
                "chiede {} €/ora, entro i {} €/ora offerti",
                euros(*expected),
                euros(*offered)
            ),
            Reason::PayAboveOffer { expected, offered } => format!(
                "chiede {} €/ora, poco più dei {} €/ora offerti",
                euros(*expected),
                euros(*offered)
            ),
            Reason::PayFarAboveOffer { expected, offered } => format!(
                "chiede {} €/ora, più dei {} €/ora offerti",
                euros(*expected),
                euros(*offered)
            ),
            Reason::DrivingLicence => "ha la patente".into(),
            Reason::NoDrivingLicence => "non ha la patente".into(),
            Reason::NonSmoker => "non fuma".into(),
            Reason::Smoker => "fuma".into(),
            Reason::EnoughExperience(y) => format!("almeno {y} anni di esperienza, come richiesto"),
            Reason::LessExperience(y) => format!("meno dei {y} anni di esperienza richiesti"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Reason::CoversHours { slots } => format!(
                "covers 100% of the requested hours ({} hours a week)",
                hours(*slots).replace(',', ".")
            ),
            Reason::LivesInMunicipio(m) => format!("lives in Municipio {m}"),
            Reason::WorksInMunicipio(m) => format!("happy to work in Municipio {m}"),
            Reason::FarAway(m) => format!("lives in Municipio {m}, far from the workplace"),
            Reason::Experience(0) => "no declared experience in the role".into(),
            Reason::Experience(1) => "1 year of experience".into(),
            Reason::Experience(y) => format!("{y} years of experience"),
            Reason::StaffRating(s) => format!("WeMi interview rating: {s} out of 5"),
            Reason::Tasks { matched, asked } if matched == asked => {
                "can do every requested task".into()
            }
            Reason::Tasks { matched, asked } => {
                format!("can do {matched} of the {asked} requested tasks")
            }
            Reason::Speaks(codes) => {
                let names: Vec<String> = codes.iter().map(|c| language_en(c)).collect();
                format!("speaks {}", list(&names, "and"))
            }
            Reason::NoneOfTheLanguages => "does not speak the preferred languages".into(),
            Reason::PayWithinOffer { expected, offered } => format!(
                "asks €{}/hour, within the €{}/hour offered",
                euros(*expected).replace(',', "."),
                euros(*offered).replace(',', ".")
            ),
            Reason::PayAboveOffer { expected, offered } => format!(
                "asks €{}/hour, a little over the €{}/hour offered",
                euros(*expected).replace(',', "."),
                euros(*offered).replace(',', ".")
            ),
            Reason::PayFarAboveOffer { expected, offered } => format!(
                "asks €{}/hour, more than the €{}/hour offered",
                euros(*expected).replace(',', "."),
                euros(*offered).replace(',', ".")
            ),
            Reason::DrivingLicence => "has a driving licence".into(),
            Reason::NoDrivingLicence => "has no driving licence".into(),
            Reason::NonSmoker => "does not smoke".into(),
            Reason::Smoker => "smokes".into(),
            Reason::EnoughExperience(y) => format!("at least {y} years of experience, as asked"),
            Reason::LessExperience(y) => format!("fewer than the {y} years of experience asked"),
        }
    }
}

impl Exclusion {
    pub fn message_it(&self) -> String {
        match self {
            Exclusion::Role => "non è validata per questo ruolo".into(),
            Exclusion::NotValidated => "la candidatura non è (più) validata".into(),
            Exclusion::Engaged => "è già impegnata con un'altra famiglia".into(),
            Exclusion::AvailableLater(d) => format!(
                "disponibile solo dal {}",
                Date::parse(d).map_or_else(|| d.clone(), Date::format_it)
            ),
            Exclusion::Regime => "non lavora con il regime richiesto".into(),
            Exclusion::Calendar { covered, requested } => format!(
                "copre {} delle {} ore richieste",
                hours(*covered),
                hours(*requested)
            ),
            Exclusion::TooManyHours { max_slots } => {
                format!("lavora al massimo {} ore a settimana", hours(*max_slots))
            }
            Exclusion::AnimalAllergy => "è allergica agli animali".into(),
            Exclusion::Italian(level) => {
                format!("livello di italiano {level:?}, inferiore a quello richiesto")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Exclusion::Role => "not validated for this role".into(),
            Exclusion::NotValidated => "the application is not (or no longer) validated".into(),
            Exclusion::Engaged => "already working for another family".into(),
            Exclusion::AvailableLater(d) => format!("available only from {d}"),
            Exclusion::Regime => "does not work with the requested arrangement".into(),
            Exclusion::Calendar { covered, requested } => format!(
                "covers {} of the {} requested hours",
                hours(*covered).replace(',', "."),
                hours(*requested).replace(',', ".")
            ),
            Exclusion::TooManyHours { max_slots } => format!(
                "works at most {} hours a week",
                hours(*max_slots).replace(',', ".")
            ),
            Exclusion::AnimalAllergy => "allergic to animals".into(),
            Exclusion::Italian(level) => {
                format!("Italian level {level:?}, below the one requested")
            }
        }
    }
}

/// A language's name (ISO 639-1 code) in Italian or English; the code when unknown.
pub fn language_name(code: &str, english: bool) -> String {
    if english {
        language_en(code)
    } else {
        language_it(code)
    }
}

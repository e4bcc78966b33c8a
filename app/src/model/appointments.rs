//! Appointments at a WeMi space as the pages show them (times RFC 3339 UTC plus the Rome wall
//! time, days `YYYY-MM-DD` in Rome).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpaceOption {
    pub id: i64,
    pub name: String,
    pub address: String,
}

/// A free slot of the chosen day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotView {
    /// Unix seconds: the value the booking form posts.
    pub starts_at: i64,
    /// `HH:MM` in Rome.
    pub time: String,
    /// Desks still free.
    pub free: i64,
}

/// The service the booking starts from (its page's call to action).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingService {
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
}

/// What the booking page shows: the spaces, and for a chosen space and day its free slots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingForm {
    pub spaces: Vec<SpaceOption>,
    pub space_id: Option<i64>,
    pub day: Option<String>,
    /// The bookable range, for the date field.
    pub first_day: String,
    pub last_day: String,
    /// The space is closed on the chosen day (a closure, or no hours that weekday).
    pub closed: bool,
    pub slots: Vec<SlotView>,
    pub service: Option<BookingService>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppointmentView {
    pub id: i64,
    pub space_name: String,
    pub space_address: String,
    /// `domain::appointments::TOPICS` code.
    pub topic: String,
    pub starts_at: String,
    /// `DD/MM/YYYY HH:MM` in Rome.
    pub when: String,
    /// `booked` or `cancelled`.
    pub state: String,
    pub service_slug: Option<String>,
    pub notes: String,
    /// The person may still cancel it (booked, more than 2 hours ahead).
    pub cancellable: bool,
    /// The person who booked (shown to the space's operators only).
    pub person: String,
}

/// One day of a space's appointments, for its operators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpaceDayView {
    pub space_name: String,
    pub day: String,
    pub items: Vec<AppointmentView>,
}

//! The appointments port: a person books a slot at a WeMi space for a topic, sees and cancels
//! their bookings; the space's operators see the day's appointments. Implemented in
//! `server/src/buying/appointments.rs`; the rules are `domain::appointments`'.

use std::sync::Arc;

use async_trait::async_trait;

use crate::i18n::Locale;
use crate::model::{AppointmentView, BookingForm, SessionUser, SpaceDayView};
use crate::ports::ClientInfo;

/// What the booking page asks for (its GET form's fields).
#[derive(Clone, Debug, Default)]
pub struct BookingQuery {
    pub space_id: Option<i64>,
    /// `YYYY-MM-DD`, Rome.
    pub day: Option<String>,
    pub service_slug: Option<String>,
}

/// A booking, as the form sends it.
#[derive(Clone, Debug, Default)]
pub struct NewAppointment {
    pub space_id: i64,
    pub topic: String,
    /// The slot's start, Unix seconds (the radio button's value).
    pub starts_at: i64,
    pub notes: String,
    pub service_slug: Option<String>,
}

/// Why an appointment operation was refused; `code()` for `?errore=`, `message()` for people.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BookingError {
    #[error("refused: {0}")]
    Rule(domain::appointments::AppointmentError),
    #[error("invalid {0}")]
    InvalidField(&'static str),
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

impl BookingError {
    pub fn code(&self) -> String {
        match self {
            BookingError::Rule(e) => e.code().to_string(),
            BookingError::InvalidField(field) => format!("field-{field}"),
            BookingError::NotFound => "not-found".into(),
            BookingError::Forbidden => "forbidden".into(),
            BookingError::Internal => "internal".into(),
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        crate::i18n::appointments::error_message(&self.code(), locale)
    }
}

#[async_trait]
pub trait Appointments: Send + Sync + 'static {
    /// The spaces, and for a chosen space and day its free slots.
    async fn booking_form(&self, query: &BookingQuery) -> Result<BookingForm, BookingError>;

    /// Books a slot (the first free desk); the confirmation e-mail is queued with it. Returns
    /// the appointment's id.
    async fn book(
        &self,
        who: &SessionUser,
        form: &NewAppointment,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<i64, BookingError>;

    /// The person's appointments, upcoming first, then past and cancelled ones.
    async fn my_appointments(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<AppointmentView>, BookingError>;

    /// Cancels one of the person's appointments (up to 2 hours before); `NotFound` for anyone
    /// else's.
    async fn cancel_appointment(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(), BookingError>;

    /// The day's appointments of the space whose operator `who` is (today when `day` is none).
    async fn space_appointments(
        &self,
        who: &SessionUser,
        day: Option<String>,
    ) -> Result<SpaceDayView, BookingError>;
}

pub type SharedAppointments = Arc<dyn Appointments>;

//! Appointments at a WeMi space: the free slots of a day (weekly opening hours in 30-minute
//! slots, minus closures and the past, Europe/Rome), the topics one books for, and the rules of
//! booking (at most 60 days ahead, one active booking per person per day, a slot holds as many
//! people as the space has desks) and of cancelling (up to 2 hours before).

use crate::date::Date;
use crate::rome_time::unix_from_rome_local;

pub mod schedule;
#[cfg(test)]
mod tests;

/// Length of one slot.
pub const SLOT_MINUTES: u32 = 30;
/// How far ahead one may book, in days from today (Rome).
pub const MAX_DAYS_AHEAD: i64 = 60;
/// Cancelling is possible until this long before the start.
pub const CANCEL_BEFORE_SECS: i64 = 2 * 3_600;
/// The reminder goes out once the appointment is at most this far away.
pub const REMIND_BEFORE_SECS: i64 = 24 * 3_600;
pub const MAX_NOTES_CHARS: usize = 1_000;
/// Desks of a space when nothing else is set.
pub const DEFAULT_DESKS: i64 = 1;

/// What one books an appointment for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Topic {
    pub code: &'static str,
    pub it: &'static str,
    pub en: &'static str,
}

pub const TOPICS: &[Topic] = &[
    Topic {
        code: "orientamento",
        it: "Orientamento ai servizi",
        en: "Guidance on services",
    },
    Topic {
        code: "lavoro-domestico",
        it: "Lavoro domestico",
        en: "Domestic work",
    },
    Topic {
        code: "voucher",
        it: "Voucher e contributi",
        en: "Vouchers and grants",
    },
    Topic {
        code: "assistenza-digitale",
        it: "Assistenza digitale",
        en: "Digital assistance",
    },
];

pub fn topic(code: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.code == code)
}

/// One row of a space's weekly hours: `weekday` 1 (Monday) to 7 (Sunday), `HH:MM` times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    pub weekday: u32,
    pub opens: String,
    pub closes: String,
}

/// A bookable slot: its start (Unix seconds, UTC) and its wall time in Rome (`HH:MM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub starts_at: i64,
    pub time: String,
}

/// Why a booking or a cancellation is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AppointmentError {
    #[error("unknown topic")]
    UnknownTopic,
    #[error("unknown space")]
    UnknownSpace,
    #[error("not a day")]
    BadDay,
    #[error("notes too long")]
    NotesTooLong,
    #[error("the space is closed that day")]
    SpaceClosed,
    #[error("not a slot of that day")]
    NotASlot,
    #[error("the slot has passed")]
    SlotInPast,
    #[error("more than {MAX_DAYS_AHEAD} days ahead")]
    TooFarAhead,
    #[error("the slot is full")]
    SlotFull,
    #[error("already booked that day")]
    OnePerDay,
    #[error("appointment already cancelled")]
    NotBooked,
    #[error("too late to cancel")]
    TooLateToCancel,
}

impl AppointmentError {
    /// Stable code, for `?errore=` and the messages.
    pub fn code(self) -> &'static str {
        match self {
            AppointmentError::UnknownTopic => "topic",
            AppointmentError::UnknownSpace => "space",
            AppointmentError::BadDay => "day",
            AppointmentError::NotesTooLong => "notes",
            AppointmentError::SpaceClosed => "closed",
            AppointmentError::NotASlot => "not-a-slot",
            AppointmentError::SlotInPast => "past",
            AppointmentError::TooFarAhead => "too-far",
            AppointmentError::SlotFull => "full",
            AppointmentError::OnePerDay => "one-per-day",
            AppointmentError::NotBooked => "not-booked",
            AppointmentError::TooLateToCancel => "too-late",
        }
    }
}

/// Minutes after midnight of `HH:MM`.
pub fn parse_hhmm(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    match (h, m) {
        (0..=23, 0..=59) => Some(h * 60 + m),
        (24, 0) => Some(1_440),
        _ => None,
    }
}

/// ISO weekday of a date: 1 Monday … 7 Sunday.
pub fn weekday(date: Date) -> u32 {
    // 1970-01-01 was a Thursday (ISO 4).
    ((date.days() + 3).rem_euclid(7) + 1) as u32
}

/// Today in Rome.
pub fn today(now: i64) -> Date {
    Date::in_rome(now)
}

/// The slots of `day` from the space's weekly hours, in order: every 30 minutes that fits
/// whole inside an opening interval, none on a closure day, none starting at or before `now`.
pub fn day_slots(day: Date, hours: &[OpeningHours], closed: bool, now: i64) -> Vec<Slot> {
    if closed {
        return Vec::new();
    }
    let wd = weekday(day);
    let mut minutes: Vec<u32> = Vec::new();
    for h in hours.iter().filter(|h| h.weekday == wd) {
        let (Some(opens), Some(closes)) = (parse_hhmm(&h.opens), parse_hhmm(&h.closes)) else {
            continue;
        };
        let mut start = opens;
        while start + SLOT_MINUTES <= closes {
            minutes.push(start);
            start += SLOT_MINUTES;
        }
    }
    minutes.sort_unstable();
    minutes.dedup();
    minutes
        .into_iter()
        .filter_map(|m| {
            let time = format!("{:02}:{:02}", m / 60, m % 60);
            let starts_at = unix_from_rome_local(&format!("{day}T{time}"))?;
            (starts_at > now).then_some(Slot { starts_at, time })
        })
        .collect()
}

/// The first bookable day and the last (today and today + 60 days, Rome).
pub fn bookable_range(now: i64) -> (Date, Date) {
    let today = today(now);
    (today, today.add_days(MAX_DAYS_AHEAD))
}

/// A booking as asked, with what the rules need to know.
#[derive(Clone, Debug)]
pub struct BookingRequest<'a> {
    pub topic: &'a str,
    pub notes: &'a str,
    pub day: Date,
    /// The slot's start, Unix seconds.
    pub starts_at: i64,
    pub hours: &'a [OpeningHours],
    pub closed: bool,
    pub now: i64,
}

/// Checks a booking against the calendar; capacity and the one-per-day rule are checked by
/// the store against the bookings (and its unique indexes, under concurrency).
pub fn check_booking(r: &BookingRequest<'_>) -> Result<(), AppointmentError> {
    if topic(r.topic).is_none() {
        return Err(AppointmentError::UnknownTopic);
    }
    if r.notes.chars().count() > MAX_NOTES_CHARS {
        return Err(AppointmentError::NotesTooLong);
    }
    let (first, last) = bookable_range(r.now);
    if r.day < first || r.starts_at <= r.now {
        return Err(AppointmentError::SlotInPast);
    }
    if r.day > last {
        return Err(AppointmentError::TooFarAhead);
    }
    if r.closed {
        return Err(AppointmentError::SpaceClosed);
    }
    // Every slot of the day, past ones too, to tell "past" from "not a slot".
    let all = day_slots(r.day, r.hours, false, i64::MIN);
    if !all.iter().any(|s| s.starts_at == r.starts_at) {
        return Err(AppointmentError::NotASlot);
    }
    Ok(())
}

/// The first desk (1-based) not among `taken`, if the slot is not full.
pub fn free_desk(taken: &[i64], desks: i64) -> Option<i64> {
    (1..=desks.max(1)).find(|d| !taken.contains(d))
}

/// Whether a booked appointment starting at `starts_at` may still be cancelled at `now`.
pub fn check_cancel(booked: bool, starts_at: i64, now: i64) -> Result<(), AppointmentError> {
    if !booked {
        return Err(AppointmentError::NotBooked);
    }
    if now > starts_at - CANCEL_BEFORE_SECS {
        return Err(AppointmentError::TooLateToCancel);
    }
    Ok(())
}

/// Whether the reminder of a booked appointment is due at `now`.
pub fn reminder_due(starts_at: i64, now: i64) -> bool {
    starts_at > now && starts_at - now <= REMIND_BEFORE_SECS
}

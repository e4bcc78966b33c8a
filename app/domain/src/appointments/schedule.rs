//! A space's schedule as the city edits it (issue 8, `/amministrazione/spazi/{id}`): weekly
//! opening hours (several ranges a day, `HH:MM`, opening before closing, no overlaps), the
//! number of appointment desks (1–20) and closure days (not in the past).

use super::{OpeningHours, parse_hhmm};
use crate::date::Date;

pub const MIN_DESKS: i64 = 1;
pub const MAX_DESKS: i64 = 20;
pub const MAX_REASON_CHARS: usize = 200;

/// Why a schedule change is refused; `code()` for `?errore=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("not an HH:MM-HH:MM range")]
    BadTime,
    #[error("opens after it closes")]
    OpensAfterCloses,
    #[error("ranges overlap")]
    Overlap,
    #[error("desks out of range")]
    Desks,
    #[error("not a day")]
    BadDay,
    #[error("day in the past")]
    PastDay,
    #[error("reason too long")]
    Reason,
}

impl ScheduleError {
    pub fn code(self) -> &'static str {
        match self {
            ScheduleError::BadTime => "time",
            ScheduleError::OpensAfterCloses => "order",
            ScheduleError::Overlap => "overlap",
            ScheduleError::Desks => "desks",
            ScheduleError::BadDay => "day",
            ScheduleError::PastDay => "past",
            ScheduleError::Reason => "reason",
        }
    }
}

/// `HH:MM` with two digits each (the stored form).
fn strict_hhmm(text: &str) -> Option<u32> {
    let t = text.trim();
    let b = t.as_bytes();
    (b.len() == 5 && b[2] == b':' && t.bytes().filter(u8::is_ascii_digit).count() == 4)
        .then(|| parse_hhmm(t))
        .flatten()
}

/// One day's ranges as typed in the form: `09:00-13:00, 14:00-17:30` (commas, semicolons or
/// spaces between ranges); empty means closed that weekday.
pub fn parse_day(weekday: u32, text: &str) -> Result<Vec<OpeningHours>, ScheduleError> {
    text.split([',', ';', ' ', '\n', '\r', '\t'])
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (opens, closes) = part.split_once('-').ok_or(ScheduleError::BadTime)?;
            let (Some(_), Some(_)) = (strict_hhmm(opens), strict_hhmm(closes)) else {
                return Err(ScheduleError::BadTime);
            };
            Ok(OpeningHours {
                weekday,
                opens: opens.trim().to_string(),
                closes: closes.trim().to_string(),
            })
        })
        .collect()
}

/// The whole week checked: weekdays 1–7, valid times, each range opening before it closes, no
/// two ranges of a day overlapping. Returns the ranges sorted by weekday and opening.
pub fn check_week(mut hours: Vec<OpeningHours>) -> Result<Vec<OpeningHours>, ScheduleError> {
    let mut spans = Vec::with_capacity(hours.len());
    for h in &hours {
        let (Some(opens), Some(closes)) = (strict_hhmm(&h.opens), strict_hhmm(&h.closes)) else {
            return Err(ScheduleError::BadTime);
        };
        if !(1..=7).contains(&h.weekday) {
            return Err(ScheduleError::BadTime);
        }
        if opens >= closes {
            return Err(ScheduleError::OpensAfterCloses);
        }
        spans.push((h.weekday, opens, closes));
    }
    spans.sort();
    if spans
        .windows(2)
        .any(|w| w[0].0 == w[1].0 && w[1].1 < w[0].2)
    {
        return Err(ScheduleError::Overlap);
    }
    hours.sort_by_key(|h| (h.weekday, strict_hhmm(&h.opens)));
    Ok(hours)
}

/// The number of appointment desks as typed.
pub fn parse_desks(text: &str) -> Result<i64, ScheduleError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (MIN_DESKS..=MAX_DESKS).contains(n))
        .ok_or(ScheduleError::Desks)
}

/// A closure day to add: a date, today or later (Rome), with a short reason.
pub fn check_closure(day: &str, reason: &str, today: Date) -> Result<Date, ScheduleError> {
    let date = Date::parse(day.trim()).ok_or(ScheduleError::BadDay)?;
    if date < today {
        return Err(ScheduleError::PastDay);
    }
    if reason.trim().chars().count() > MAX_REASON_CHARS {
        return Err(ScheduleError::Reason);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(weekday: u32, opens: &str, closes: &str) -> OpeningHours {
        OpeningHours {
            weekday,
            opens: opens.into(),
            closes: closes.into(),
        }
    }

    #[test]
    fn a_day_has_several_ranges() {
        assert_eq!(
            parse_day(1, "09:00-13:00, 14:00-17:30"),
            Ok(vec![h(1, "09:00", "13:00"), h(1, "14:00", "17:30")])
        );
        assert_eq!(parse_day(2, "  "), Ok(vec![]));
        assert_eq!(parse_day(2, "9-13"), Err(ScheduleError::BadTime));
        assert_eq!(parse_day(2, "09:00"), Err(ScheduleError::BadTime));
        assert_eq!(parse_day(2, "25:00-26:00"), Err(ScheduleError::BadTime));
    }

    #[test]
    fn ranges_open_before_closing_and_do_not_overlap() {
        assert_eq!(
            check_week(vec![h(1, "14:00", "17:00"), h(1, "09:00", "13:00")]),
            Ok(vec![h(1, "09:00", "13:00"), h(1, "14:00", "17:00")])
        );
        assert_eq!(
            check_week(vec![h(1, "13:00", "09:00")]),
            Err(ScheduleError::OpensAfterCloses)
        );
        assert_eq!(
            check_week(vec![h(1, "09:00", "09:00")]),
            Err(ScheduleError::OpensAfterCloses)
        );
        assert_eq!(
            check_week(vec![h(1, "09:00", "13:00"), h(1, "12:00", "15:00")]),
            Err(ScheduleError::Overlap)
        );
        // Back to back is fine, and other days do not count.
        assert!(check_week(vec![h(1, "09:00", "13:00"), h(1, "13:00", "15:00")]).is_ok());
        assert!(check_week(vec![h(1, "09:00", "13:00"), h(2, "10:00", "12:00")]).is_ok());
        assert_eq!(
            check_week(vec![h(8, "09:00", "13:00")]),
            Err(ScheduleError::BadTime)
        );
    }

    #[test]
    fn desks_between_one_and_twenty() {
        assert_eq!(parse_desks("1"), Ok(1));
        assert_eq!(parse_desks(" 20 "), Ok(20));
        assert_eq!(parse_desks("0"), Err(ScheduleError::Desks));
        assert_eq!(parse_desks("21"), Err(ScheduleError::Desks));
        assert_eq!(parse_desks("tre"), Err(ScheduleError::Desks));
    }

    #[test]
    fn closures_are_not_in_the_past() {
        let today = Date::from_ymd(2026, 11, 27).unwrap();
        assert!(check_closure("2026-11-27", "Sciopero", today).is_ok());
        assert!(check_closure("2026-12-08", "", today).is_ok());
        assert_eq!(
            check_closure("2026-11-26", "", today),
            Err(ScheduleError::PastDay)
        );
        assert_eq!(
            check_closure("domani", "", today),
            Err(ScheduleError::BadDay)
        );
        assert_eq!(
            check_closure("2026-12-08", &"x".repeat(201), today),
            Err(ScheduleError::Reason)
        );
    }
}

//! Calendar dates (no time, no zone): voucher validity, service periods.
//!
//! A voucher is "valid from 1 March to 31 December": whole days as the city means them, in
//! Milan. Such a date is not an instant, so it is kept as a day number (days since
//! 1970-01-01, proleptic Gregorian), which orders and subtracts trivially and is the same in
//! the server and in the browser. "Today" is [`Date::in_rome`] of the current Unix time.
//!
//! Text forms: ISO 8601 `2026-03-01` (storage, JSON, CSV) and the Italian `01/03/2026`
//! (how spreadsheets exported in Italy write dates; accepted on import, used for display).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i64,
}

/// Earliest year accepted from text: older dates in a voucher or service file are typos.
pub const MIN_YEAR: i64 = 1900;
/// Latest year accepted from text (four digits).
pub const MAX_YEAR: i64 = 9999;

impl Date {
    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_days(days: i64) -> Date {
        Date { days }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        self.days
    }

    /// The date with this year, month (1–12) and day (1–31), if it exists (30 February does
    /// not; 29 February only in leap years).
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Year, month (1–12), day (1–31).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }

    /// The calendar date at Unix time `seconds` for a zone `utc_offset_seconds` ahead of UTC
    /// (Europe/Rome: 3600 in winter, 7200 in summer).
    pub fn from_unix_seconds(seconds: i64, utc_offset_seconds: i64) -> Date {
        Date {
            days: (seconds + utc_offset_seconds).div_euclid(86_400),
        }
    }

    /// Today's date in Milan at Unix time `seconds` (Europe/Rome, summer time included).
    pub fn in_rome(seconds: i64) -> Date {
        let (year, month, day, ..) = crate::rome_time::rome_from_unix(seconds);
        Date {
            days: days_from_civil(year, month, day),
        }
    }

    /// Unix time of this date's midnight in a zone `utc_offset_seconds` ahead of UTC.
    pub fn start_unix_seconds(self, utc_offset_seconds: i64) -> i64 {
        self.days * 86_400 - utc_offset_seconds
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date {
            days: self.days + days,
        }
    }

    /// Reads `YYYY-MM-DD` or `DD/MM/YYYY` (one- or two-digit day and month are accepted in
    /// the Italian form, as spreadsheets often drop the zero). Years 1900–9999 only.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        if text.len() > 10 || !text.is_ascii() {
            return None;
        }
        let number = |part: &str, min_len: usize, max_len: usize| -> Option<i64> {
            let ok = (min_len..=max_len).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| part.parse().ok()).flatten()
        };
        let (year, month, day) = if let Some((y, rest)) = text.split_once('-') {
            let (m, d) = rest.split_once('-')?;
            (number(y, 4, 4)?, number(m, 2, 2)?, number(d, 2, 2)?)
        } else {
            let mut parts = text.split('/');
            let d = number(parts.next()?, 1, 2)?;
            let m = number(parts.next()?, 1, 2)?;
            let y = number(parts.next()?, 4, 4)?;
            if parts.next().is_some() {
                return None;
            }
            (y, m, d)
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        Date::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// Italian display: `01/03/2026`.
    pub fn format_it(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d:02}/{m:02}/{y:04}")
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2026-03-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| E::custom(format!("not a date: {text:?}")))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible
/// low-level date algorithms": eras of 400 years, years starting in March).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).map(Date::days), Some(0));
        assert_eq!(Date::from_ymd(2000, 3, 1).map(Date::days), Some(11_017));
        assert_eq!(Date::from_ymd(1969, 12, 31).map(Date::days), Some(-1));
        assert_eq!(Date::from_ymd(2026, 12, 31).map(Date::days), Some(20_818));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(Date::from_ymd(2026, 2, 29), None);
        assert!(Date::from_ymd(2028, 2, 29).is_some());
        assert_eq!(Date::from_ymd(1900, 2, 29), None);
        assert!(Date::from_ymd(2000, 2, 29).is_some());
        assert_eq!(Date::from_ymd(2026, 4, 31), None);
        assert_eq!(Date::from_ymd(2026, 13, 1), None);
        assert_eq!(Date::from_ymd(2026, 0, 1), None);
        assert_eq!(Date::from_ymd(2026, 1, 0), None);
    }

    #[test]
    fn parses_iso_and_italian() {
        let d = Date::from_ymd(2026, 3, 1).expect("date");
        assert_eq!(Date::parse("2026-03-01"), Some(d));
        assert_eq!(Date::parse(" 01/03/2026 "), Some(d));
        assert_eq!(Date::parse("1/3/2026"), Some(d));
        for bad in [
            "",
            "2026-3-1",
            "2026-03-01T00:00",
            "20260301",
            "31/02/2026",
            "01-03-2026",
            "2026/03/01",
            "01/03/26",
            "1/3/2026/1",
            "0001-01-01",
            "+026-03-01",
            "２０２６-03-01",
            "1899-12-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?} accepted");
        }
    }

    #[test]
    fn displays_and_serializes() {
        let d = Date::from_ymd(2026, 3, 1).expect("date");
        assert_eq!(d.to_string(), "2026-03-01");
        assert_eq!(d.format_it(), "01/03/2026");
        assert_eq!(serde_json::to_string(&d).expect("json"), "\"2026-03-01\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-03-01\"").ok(), Some(d));
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("20260301").is_err());
    }

    #[test]
    fn unix_seconds_in_rome() {
        // 2026-03-01 23:30 UTC is already 2 March in Rome (UTC+1).
        let instant = Date::from_ymd(2026, 3, 1).expect("date").days() * 86_400 + 23 * 3600 + 1800;
        assert_eq!(
            Date::from_unix_seconds(instant, 0).to_string(),
            "2026-03-01"
        );
        assert_eq!(
            Date::from_unix_seconds(instant, 3600).to_string(),
            "2026-03-02"
        );
        assert_eq!(Date::from_unix_seconds(-1, 0).to_string(), "1969-12-31");
        let d = Date::from_ymd(2026, 7, 1).expect("date");
        assert_eq!(Date::from_unix_seconds(d.start_unix_seconds(7200), 7200), d);
        // 22:30 UTC on 30 June 2026 is 00:30 on 1 July in Rome (summer time).
        assert_eq!(Date::in_rome(d.start_unix_seconds(0) - 5400), d);
        // 23:30 UTC on 31 December 2026 is 00:30 on 1 January 2027 in Rome (winter time).
        let new_year = Date::from_ymd(2027, 1, 1).expect("date");
        assert_eq!(
            Date::in_rome(new_year.start_unix_seconds(0) - 1800),
            new_year
        );
        assert_eq!(
            Date::in_rome(new_year.start_unix_seconds(0) - 3601).to_string(),
            "2026-12-31"
        );
    }

    proptest! {
        #[test]
        fn round_trips(days in -800_000i64..3_000_000) {
            let date = Date::from_days(days);
            let (y, m, d) = date.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, d), Some(date));
            if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                prop_assert_eq!(Date::parse(&date.to_string()), Some(date));
                prop_assert_eq!(Date::parse(&date.format_it()), Some(date));
            }
            prop_assert_eq!(date.add_days(1).days(), days + 1);
        }
    }
}

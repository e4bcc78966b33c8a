//! UTC → Europe/Rome wall time, for showing times to people (stored times are UTC). Rome is
//! UTC+1 (CET), and UTC+2 (CEST) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October (EU rule, Directive 2000/84/EC). Plain arithmetic on the civil
//! calendar, so it runs the same on the server and in the browser.

use crate::date::Date;

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    Date::from_ymd(year, month, day).map_or(0, Date::days)
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    Date::from_days(days).ymd()
}

/// Day number of the last Sunday of `month` (31-day months only: March, October).
fn last_sunday(year: i64, month: u32) -> i64 {
    let last = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    let weekday = (last + 4).rem_euclid(7);
    last - weekday
}

/// Seconds since the Unix epoch → (year, month, day, hour, minute, second) in Rome.
pub fn rome_from_unix(seconds: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = seconds.div_euclid(86_400);
    let (year, _, _) = civil_from_days(days);
    let summer_start = last_sunday(year, 3) * 86_400 + 3_600;
    let summer_end = last_sunday(year, 10) * 86_400 + 3_600;
    let offset = if (summer_start..summer_end).contains(&seconds) {
        7_200
    } else {
        3_600
    };
    let local = seconds + offset;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let rest = local.rem_euclid(86_400);
    (
        y,
        m,
        d,
        (rest / 3_600) as u32,
        (rest % 3_600 / 60) as u32,
        (rest % 60) as u32,
    )
}

/// Unix seconds of a wall time in Rome given as `YYYY-MM-DDTHH:MM` (an HTML
/// `datetime-local` value). In the autumn hour that happens twice the first (summer) one is
/// taken; a time skipped in spring is read as summer time. `None` when it is not such a value.
pub fn unix_from_rome_local(text: &str) -> Option<i64> {
    let (date, time) = text.trim().split_once('T')?;
    let date = Date::parse(date)?;
    let (h, m) = time.get(..5)?.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    let wall = date.days() * 86_400 + h * 3_600 + m * 60;
    // Try summer time first, then winter time: the first whose conversion back matches.
    [7_200, 3_600]
        .into_iter()
        .map(|offset| wall - offset)
        .find(|&utc| {
            let (y, mo, d, hh, mm, _) = rome_from_unix(utc);
            Date::from_ymd(y, mo, d).map(Date::days) == Some(date.days())
                && i64::from(hh) == h
                && i64::from(mm) == m
        })
        .or(Some(wall - 7_200))
}

/// "26/11/2026 15:04" in Rome, from Unix seconds.
pub fn format_rome(seconds: i64) -> String {
    let (y, m, d, h, min, _) = rome_from_unix(seconds);
    format!("{d:02}/{m:02}/{y} {h:02}:{min:02}")
}

/// Unix seconds of an RFC 3339 time such as `2026-11-26T14:04:05Z` or with an offset
/// (`+01:00`); fractions of a second are ignored. `None` when it is not one.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
    {
        return None;
    }
    let num = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i64 = rest.get(1..3)?.parse().ok()?;
            let m: i64 = rest.get(4..6)?.parse().ok()?;
            sign * (h * 3_600 + m * 60)
        }
    };
    let days = Date::from_ymd(year, month as u32, day as u32)?.days();
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
}

/// "26/11/2026 15:04" in Rome from an RFC 3339 UTC time; the text itself if it is not one.
pub fn rfc3339_in_rome(text: &str) -> String {
    parse_rfc3339(text).map_or_else(|| text.to_string(), format_rome)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rome_local_times_go_back_to_utc() {
        // Winter (UTC+1) and summer (UTC+2).
        assert_eq!(
            super::unix_from_rome_local("2026-11-26T15:04"),
            Some(1_795_701_840)
        );
        assert_eq!(
            super::format_rome(super::unix_from_rome_local("2026-07-01T09:30").unwrap()),
            "01/07/2026 09:30"
        );
        assert_eq!(super::unix_from_rome_local("2026-13-01T09:30"), None);
        assert_eq!(super::unix_from_rome_local("2026-07-01 09:30"), None);
        assert_eq!(super::unix_from_rome_local("2026-07-01T25:00"), None);
    }

    use super::*;

    #[test]
    fn calendar_round_trips() {
        for days in [-1_000_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(20_418), (2025, 11, 26));
    }

    #[test]
    fn winter_and_summer() {
        assert_eq!(rfc3339_in_rome("2026-01-15T12:00:00Z"), "15/01/2026 13:00");
        assert_eq!(rfc3339_in_rome("2026-07-15T12:00:00Z"), "15/07/2026 14:00");
        assert_eq!(rfc3339_in_rome("2026-12-31T23:30:00Z"), "01/01/2027 00:30");
        assert_eq!(
            rfc3339_in_rome("2026-07-15T12:00:00.123456+02:00"),
            "15/07/2026 12:00"
        );
        assert_eq!(rfc3339_in_rome("not a time"), "not a time");
    }

    #[test]
    fn changes_happen_at_one_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(rfc3339_in_rome("2026-03-29T00:59:00Z"), "29/03/2026 01:59");
        assert_eq!(rfc3339_in_rome("2026-03-29T01:00:00Z"), "29/03/2026 03:00");
        assert_eq!(rfc3339_in_rome("2026-10-25T00:59:00Z"), "25/10/2026 02:59");
        assert_eq!(rfc3339_in_rome("2026-10-25T01:00:00Z"), "25/10/2026 02:00");
    }
}

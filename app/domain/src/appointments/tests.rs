use super::*;
use crate::rome_time::format_rome;

fn hours() -> Vec<OpeningHours> {
    vec![
        OpeningHours {
            weekday: 1,
            opens: "09:00".into(),
            closes: "12:00".into(),
        },
        OpeningHours {
            weekday: 1,
            opens: "14:00".into(),
            closes: "15:15".into(),
        },
    ]
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// 2026-11-23 is a Monday.
const MONDAY: &str = "2026-11-23";

fn noon_utc(text: &str) -> i64 {
    day(text).days() * 86_400 + 12 * 3_600
}

#[test]
fn weekdays_are_iso() {
    assert_eq!(weekday(day(MONDAY)), 1);
    assert_eq!(weekday(day("2026-11-29")), 7);
    assert_eq!(weekday(day("1970-01-01")), 4);
}

#[test]
fn slots_fill_each_interval_in_half_hours() {
    let now = noon_utc("2026-11-01");
    let slots = day_slots(day(MONDAY), &hours(), false, now);
    let times: Vec<&str> = slots.iter().map(|s| s.time.as_str()).collect();
    assert_eq!(
        times,
        [
            "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30"
        ]
    );
    // Winter time: 09:00 in Rome is 08:00 UTC.
    assert_eq!(format_rome(slots[0].starts_at), "23/11/2026 09:00");
    assert_eq!(slots[0].starts_at % 86_400, 8 * 3_600);
}

#[test]
fn summer_time_shifts_the_utc_start() {
    let now = noon_utc("2026-06-01");
    let slots = day_slots(day("2026-06-15"), &hours(), false, now);
    assert_eq!(slots[0].starts_at % 86_400, 7 * 3_600);
}

#[test]
fn closed_days_and_other_weekdays_have_no_slots() {
    let now = noon_utc("2026-11-01");
    assert!(day_slots(day(MONDAY), &hours(), true, now).is_empty());
    assert!(day_slots(day("2026-11-24"), &hours(), false, now).is_empty());
}

#[test]
fn past_slots_are_left_out() {
    // 10:05 in Rome on that Monday (09:05 UTC).
    let now = day(MONDAY).days() * 86_400 + 9 * 3_600 + 5 * 60;
    let slots = day_slots(day(MONDAY), &hours(), false, now);
    assert_eq!(slots[0].time, "10:30");
}

#[test]
fn topics_have_codes_and_labels() {
    assert_eq!(TOPICS.len(), 4);
    assert_eq!(topic("voucher").unwrap().it, "Voucher e contributi");
    assert!(topic("nope").is_none());
}

fn request(now: i64, starts_at: i64, date: &str) -> (Vec<OpeningHours>, i64, i64, Date) {
    (hours(), now, starts_at, day(date))
}

#[test]
fn booking_rules() {
    let now = noon_utc("2026-11-01");
    let slot = day_slots(day(MONDAY), &hours(), false, now)[0].starts_at;
    let (h, now, starts_at, d) = request(now, slot, MONDAY);
    let ok = BookingRequest {
        topic: "orientamento",
        notes: "",
        day: d,
        starts_at,
        hours: &h,
        closed: false,
        now,
    };
    assert_eq!(check_booking(&ok), Ok(()));
    let topic = BookingRequest {
        topic: "x",
        ..ok.clone()
    };
    assert_eq!(check_booking(&topic), Err(AppointmentError::UnknownTopic));
    let closed = BookingRequest {
        closed: true,
        ..ok.clone()
    };
    assert_eq!(check_booking(&closed), Err(AppointmentError::SpaceClosed));
    let off = BookingRequest {
        starts_at: starts_at + 600,
        ..ok.clone()
    };
    assert_eq!(check_booking(&off), Err(AppointmentError::NotASlot));
    let past = BookingRequest {
        now: starts_at + 1,
        ..ok.clone()
    };
    assert_eq!(check_booking(&past), Err(AppointmentError::SlotInPast));
    let notes = "x".repeat(MAX_NOTES_CHARS + 1);
    let long = BookingRequest {
        notes: &notes,
        ..ok.clone()
    };
    assert_eq!(check_booking(&long), Err(AppointmentError::NotesTooLong));
}

#[test]
fn at_most_sixty_days_ahead() {
    let now = noon_utc("2026-09-01");
    let far = day("2026-09-01").add_days(MAX_DAYS_AHEAD + 1);
    let mut h = hours();
    for w in 2..=7 {
        h.push(OpeningHours {
            weekday: w,
            opens: "09:00".into(),
            closes: "10:00".into(),
        });
    }
    let slot = day_slots(far, &h, false, now)[0].starts_at;
    let r = BookingRequest {
        topic: "voucher",
        notes: "",
        day: far,
        starts_at: slot,
        hours: &h,
        closed: false,
        now,
    };
    assert_eq!(check_booking(&r), Err(AppointmentError::TooFarAhead));
    let last = day("2026-09-01").add_days(MAX_DAYS_AHEAD);
    let slot = day_slots(last, &h, false, now)[0].starts_at;
    let r = BookingRequest {
        day: last,
        starts_at: slot,
        ..r
    };
    assert_eq!(check_booking(&r), Ok(()));
}

#[test]
fn desks_fill_in_order() {
    assert_eq!(free_desk(&[], 1), Some(1));
    assert_eq!(free_desk(&[1], 1), None);
    assert_eq!(free_desk(&[1, 3], 3), Some(2));
    assert_eq!(free_desk(&[], 0), Some(1));
}

#[test]
fn cancel_until_two_hours_before() {
    let start = 1_000_000;
    assert_eq!(check_cancel(true, start, start - 3 * 3_600), Ok(()));
    assert_eq!(
        check_cancel(true, start, start - CANCEL_BEFORE_SECS),
        Ok(())
    );
    assert_eq!(
        check_cancel(true, start, start - 3_600),
        Err(AppointmentError::TooLateToCancel)
    );
    assert_eq!(
        check_cancel(false, start, 0),
        Err(AppointmentError::NotBooked)
    );
}

#[test]
fn reminder_the_day_before() {
    let start = 10 * 86_400;
    assert!(!reminder_due(start, start - 2 * 86_400));
    assert!(reminder_due(start, start - 86_400));
    assert!(reminder_due(start, start - 3_600));
    assert!(!reminder_due(start, start + 1));
}

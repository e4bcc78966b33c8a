//! When to remind a provider (and the city) that its accreditation is about to expire: 60, 30
//! and 7 days before the last day, each once; a late first reminder sends only the nearest
//! threshold (25 days left: the 30-day one, not also the 60-day one).

use crate::date::Date;

/// Days before the accreditation's last day at which a reminder goes out.
pub const THRESHOLDS: [i64; 3] = [60, 30, 7];

/// The threshold to send now, if any: the smallest one the days left have reached that was
/// not sent yet, and only if no smaller one was sent (reminders never go backwards).
pub fn reminder_due(until: Date, today: Date, sent: &[i64]) -> Option<i64> {
    let left = until.days() - today.days();
    if left < 0 {
        return None;
    }
    let due = THRESHOLDS.iter().copied().filter(|t| left <= *t).min()?;
    let already = sent.iter().any(|s| *s <= due);
    (!already).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn reminders_at_sixty_thirty_and_seven_days_once_each() {
        let until = d("2027-03-31");
        assert_eq!(
            reminder_due(until, d("2027-01-01"), &[]),
            None,
            "89 days left"
        );
        assert_eq!(reminder_due(until, d("2027-01-30"), &[]), Some(60));
        assert_eq!(reminder_due(until, d("2027-02-10"), &[60]), None);
        assert_eq!(reminder_due(until, d("2027-03-01"), &[60]), Some(30));
        assert_eq!(reminder_due(until, d("2027-03-01"), &[60, 30]), None);
        assert_eq!(reminder_due(until, d("2027-03-24"), &[60, 30]), Some(7));
        assert_eq!(
            reminder_due(until, d("2027-03-31"), &[60, 30, 7]),
            None,
            "last day"
        );
        assert_eq!(reminder_due(until, d("2027-04-01"), &[]), None, "expired");
    }

    #[test]
    fn a_late_start_sends_only_the_nearest() {
        let until = d("2027-03-31");
        assert_eq!(reminder_due(until, d("2027-03-06"), &[]), Some(30));
        assert_eq!(reminder_due(until, d("2027-03-30"), &[]), Some(7));
        assert_eq!(reminder_due(until, d("2027-03-30"), &[30]), Some(7));
        assert_eq!(
            reminder_due(until, d("2027-03-06"), &[7]),
            None,
            "never backwards"
        );
    }
}

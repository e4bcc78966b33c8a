//! Login throttling (CONTRACT.md): once one account or one address has failed this many times
//! within the window, further attempts are refused with 429 until the window moves on.

pub const MAX_FAILURES: i64 = 10;
pub const WINDOW_SECS: i64 = 15 * 60;

/// True when a new login attempt must be refused, given the failures counted within the
/// window for the account and for the address.
pub fn throttled(account_failures: i64, address_failures: i64) -> bool {
    account_failures >= MAX_FAILURES || address_failures >= MAX_FAILURES
}

/// Whole minutes (at least one) until the oldest failure in the window leaves it.
pub fn retry_after_minutes(oldest_failure: i64, now: i64) -> i64 {
    let seconds = (oldest_failure + WINDOW_SECS - now).max(1);
    (seconds + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_failures_close_the_door() {
        assert!(!throttled(9, 9));
        assert!(throttled(10, 0));
        assert!(throttled(0, 10));
    }

    #[test]
    fn retry_time_is_rounded_up() {
        assert_eq!(retry_after_minutes(0, 0), 15);
        assert_eq!(retry_after_minutes(0, WINDOW_SECS - 1), 1);
        assert_eq!(retry_after_minutes(0, WINDOW_SECS + 100), 1);
    }
}

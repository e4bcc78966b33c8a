//! How long sessions live. Times are Unix seconds (UTC), so the rules stay free of clocks.

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT_SECS: i64 = 30 * 60;
/// …and in any case this long after login.
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;
/// Kiosk tablets log out after three minutes without interaction (issue 5, kiosk mode).
pub const KIOSK_IDLE_TIMEOUT_SECS: i64 = 3 * 60;
/// Assisted mode ends by itself after thirty minutes.
pub const ASSISTED_MAX_SECS: i64 = 30 * 60;
/// The last-seen time is written at most once a minute: one write per request would make
/// every page view a database write.
pub const TOUCH_INTERVAL_SECS: i64 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    Active,
    /// Too long without activity.
    Idle,
    /// Past its absolute end.
    Expired,
}

/// The state of a session created at `created`, last used at `last_seen`, ending at
/// `expires`, on a kiosk or not.
pub fn state(last_seen: i64, expires: i64, kiosk: bool, now: i64) -> SessionState {
    let idle = if kiosk {
        KIOSK_IDLE_TIMEOUT_SECS
    } else {
        IDLE_TIMEOUT_SECS
    };
    if now >= expires {
        SessionState::Expired
    } else if now - last_seen >= idle {
        SessionState::Idle
    } else {
        SessionState::Active
    }
}

/// Whether this request should record the session's activity.
pub fn needs_touch(last_seen: i64, now: i64) -> bool {
    now - last_seen >= TOUCH_INTERVAL_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_and_absolute_limits() {
        let start = 1_000_000;
        let end = start + ABSOLUTE_TIMEOUT_SECS;
        assert_eq!(state(start, end, false, start + 60), SessionState::Active);
        assert_eq!(
            state(start, end, false, start + IDLE_TIMEOUT_SECS),
            SessionState::Idle
        );
        assert_eq!(state(start, end, true, start + 200), SessionState::Idle);
        assert_eq!(state(end - 10, end, false, end), SessionState::Expired);
    }

    #[test]
    fn touches_are_rationed() {
        assert!(!needs_touch(100, 130));
        assert!(needs_touch(100, 160));
    }
}

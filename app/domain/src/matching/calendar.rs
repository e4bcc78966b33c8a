//! A week in half-hour slots (Monday 00:00 to Sunday 24:00): 48 slots a day, one bit each, so
//! "does the worker's availability cover the family's hours" is a few bit operations.

use serde::{Deserialize, Serialize};

/// Half-hour slots in a day.
pub const SLOTS_PER_DAY: u32 = 48;

/// Monday (0) to Sunday (6), each day's slots as the low 48 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekCalendar {
    days: [u64; 7],
}

const DAY_MASK: u64 = (1 << SLOTS_PER_DAY) - 1;

impl WeekCalendar {
    pub fn empty() -> WeekCalendar {
        WeekCalendar::default()
    }

    /// Marks `day` (0 = Monday) from `from` to `to` (half-hour slot numbers, `to` excluded:
    /// 8:00–12:30 is 16..25). Out-of-range parts are ignored.
    pub fn with(mut self, day: usize, from: u32, to: u32) -> WeekCalendar {
        if day < 7 {
            let to = to.min(SLOTS_PER_DAY);
            for slot in from..to {
                self.days[day] |= 1 << slot;
            }
        }
        self
    }

    /// Every day from `from` to `to` (as [`WeekCalendar::with`]) on the given days.
    pub fn on_days(days: &[usize], from: u32, to: u32) -> WeekCalendar {
        days.iter()
            .fold(WeekCalendar::empty(), |c, &d| c.with(d, from, to))
    }

    pub fn is_set(&self, day: usize, slot: u32) -> bool {
        day < 7 && slot < SLOTS_PER_DAY && self.days[day] & (1 << slot) != 0
    }

    /// Half-hour slots marked in the week.
    pub fn slots(&self) -> u32 {
        self.days.iter().map(|d| (d & DAY_MASK).count_ones()).sum()
    }

    /// Slots of `self` that `other` also has.
    pub fn overlap(&self, other: &WeekCalendar) -> u32 {
        self.days
            .iter()
            .zip(other.days.iter())
            .map(|(a, b)| (a & b & DAY_MASK).count_ones())
            .sum()
    }

    /// `other` has every slot of `self`.
    pub fn covered_by(&self, other: &WeekCalendar) -> bool {
        self.days
            .iter()
            .zip(other.days.iter())
            .all(|(a, b)| a & !b & DAY_MASK == 0)
    }

    /// The raw bits, Monday first (for storage).
    pub fn to_bits(self) -> [u64; 7] {
        self.days.map(|d| d & DAY_MASK)
    }

    pub fn from_bits(days: [u64; 7]) -> WeekCalendar {
        WeekCalendar {
            days: days.map(|d| d & DAY_MASK),
        }
    }
}

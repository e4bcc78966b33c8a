//! The posted fields of a form (`application/x-www-form-urlencoded`, read in order, a name may
//! repeat: checkboxes), and the errors found reading them, each naming its field.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::matching::WeekCalendar;
use crate::matching::calendar::SLOTS_PER_DAY;
use crate::money::Money;

/// Longest free text kept from a single-line field, and from a text area.
pub const MAX_LINE: usize = 200;
pub const MAX_TEXT: usize = 2000;

#[derive(Clone, Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

/// A field that could not be accepted: its name and why (`required`, `invalid`, `too_long`,
/// `below_minimum`, `past`, `order`, `consent`…), turned into words by the pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: code.to_string(),
        }
    }
}

impl Fields {
    pub fn new(pairs: Vec<(String, String)>) -> Fields {
        Fields(pairs)
    }

    /// The first value of `name`, trimmed ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    /// Every non-empty value of `name` (checkbox groups), in the order sent, without repeats.
    pub fn all(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, v) in &self.0 {
            let v = v.trim();
            if k == name && !v.is_empty() && !out.iter().any(|o| o == v) {
                out.push(v.to_string());
            }
        }
        out
    }

    /// A checkbox: present with any value but "" / "0" / "false".
    pub fn flag(&self, name: &str) -> bool {
        !matches!(self.get(name), "" | "0" | "false" | "off" | "no")
    }

    /// Single-line text, control characters removed; too long is an error.
    pub fn line(&self, name: &str, errors: &mut Vec<FieldError>) -> String {
        clean(self.get(name), name, MAX_LINE, errors)
    }

    pub fn text(&self, name: &str, errors: &mut Vec<FieldError>) -> String {
        let raw = self
            .0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("");
        let kept: String = raw
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect();
        if kept.chars().count() > MAX_TEXT {
            errors.push(FieldError::new(name, "too_long"));
            return kept.chars().take(MAX_TEXT).collect();
        }
        kept
    }

    pub fn required_line(&self, name: &str, errors: &mut Vec<FieldError>) -> String {
        let value = self.line(name, errors);
        if value.is_empty() {
            errors.push(FieldError::new(name, "required"));
        }
        value
    }

    /// A whole number in `min..=max`; empty is `None` (or `required` when `required`).
    pub fn number(
        &self,
        name: &str,
        min: i64,
        max: i64,
        required: bool,
        errors: &mut Vec<FieldError>,
    ) -> Option<i64> {
        let raw = self.get(name);
        if raw.is_empty() {
            if required {
                errors.push(FieldError::new(name, "required"));
            }
            return None;
        }
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new(name, "invalid"));
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`; empty is `None` (or `required`).
    pub fn date(&self, name: &str, required: bool, errors: &mut Vec<FieldError>) -> Option<Date> {
        let raw = self.get(name);
        if raw.is_empty() {
            if required {
                errors.push(FieldError::new(name, "required"));
            }
            return None;
        }
        let parsed = Date::parse(raw);
        if parsed.is_none() {
            errors.push(FieldError::new(name, "invalid"));
        }
        parsed
    }

    /// An amount in euros ("9,50"), as cents; empty is `None` (or `required`).
    pub fn cents(&self, name: &str, required: bool, errors: &mut Vec<FieldError>) -> Option<i64> {
        let raw = self.get(name);
        if raw.is_empty() {
            if required {
                errors.push(FieldError::new(name, "required"));
            }
            return None;
        }
        match Money::parse(raw) {
            Ok(m) if !m.is_negative() && m.to_cents() <= 100_000 => {
                Some(m.round_cents().to_cents())
            }
            _ => {
                errors.push(FieldError::new(name, "invalid"));
                None
            }
        }
    }

    /// A week calendar from `{prefix}d{0..6}_from`/`_to` and a second range `_from2`/`_to2`
    /// ("HH:MM" on the half hour; "00:00" as an end is midnight). A range with one end only,
    /// or ending before it starts, is an error naming that day's field.
    pub fn calendar(&self, prefix: &str, errors: &mut Vec<FieldError>) -> WeekCalendar {
        let mut calendar = WeekCalendar::empty();
        for day in 0..7 {
            for suffix in ["", "2"] {
                let from_name = format!("{prefix}d{day}_from{suffix}");
                let to_name = format!("{prefix}d{day}_to{suffix}");
                let (from, to) = (self.get(&from_name), self.get(&to_name));
                if from.is_empty() && to.is_empty() {
                    continue;
                }
                match (half_hour(from, false), half_hour(to, true)) {
                    (Some(a), Some(b)) if a < b => calendar = calendar.with(day, a, b),
                    (Some(_), Some(_)) => errors.push(FieldError::new(to_name, "order")),
                    (None, _) => errors.push(FieldError::new(from_name, "time")),
                    (_, None) => errors.push(FieldError::new(to_name, "time")),
                }
            }
        }
        calendar
    }
}

/// "HH:MM" on the half hour as a slot number; as an end, "00:00" is the day's end (48).
pub fn half_hour(text: &str, is_end: bool) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    if h > 23 || (m != 0 && m != 30) {
        return None;
    }
    let slot = h * 2 + m / 30;
    Some(if is_end && slot == 0 {
        SLOTS_PER_DAY
    } else {
        slot
    })
}

/// A slot number as "HH:MM" (48 is "00:00", the day's end).
pub fn slot_time(slot: u32) -> String {
    let slot = slot % SLOTS_PER_DAY;
    format!("{:02}:{:02}", slot / 2, (slot % 2) * 30)
}

/// The ranges of one day of a calendar, as (from, to) slot numbers.
pub fn day_ranges(calendar: &WeekCalendar, day: usize) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for slot in 0..=SLOTS_PER_DAY {
        let on = slot < SLOTS_PER_DAY && calendar.is_set(day, slot);
        match (on, start) {
            (true, None) => start = Some(slot),
            (false, Some(s)) => {
                out.push((s, slot));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn clean(raw: &str, name: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let kept: String = raw.chars().filter(|c| !c.is_control()).collect();
    if kept.chars().count() > max {
        errors.push(FieldError::new(name, "too_long"));
        return kept.chars().take(max).collect();
    }
    kept
}

//! Working regimes and CCNL levels (README "Who is who"), as the request spells them.

use std::fmt;

/// How the worker is employed; each regime has its own CCNL pay table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Convivente, table A, monthly pay, up to 54 h/week.
    LiveIn,
    /// Convivente part-time, table B, monthly pay, up to 30 h/week, levels B, BS, C.
    LiveInPartTime,
    /// Non convivente, table C, hourly pay, up to 40 h/week.
    Hourly,
    /// Assistenza notturna (20–08), table D, monthly pay, levels BS, CS, DS.
    NightAssistance,
    /// Presenza notturna (21–08), table E, monthly pay, livello unico.
    NightPresence,
    /// Substitute of a full-time CS/DS carer on the rest days, table G, hourly pay.
    RestDaySubstitute,
}

impl Regime {
    /// Every regime, in the order the form lists them.
    pub const ALL: [Regime; 6] = [
        Regime::LiveIn,
        Regime::LiveInPartTime,
        Regime::Hourly,
        Regime::NightAssistance,
        Regime::NightPresence,
        Regime::RestDaySubstitute,
    ];

    /// The request spelling (`live_in`, `hourly`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::LiveIn => "live_in",
            Regime::LiveInPartTime => "live_in_part_time",
            Regime::Hourly => "hourly",
            Regime::NightAssistance => "night_assistance",
            Regime::NightPresence => "night_presence",
            Regime::RestDaySubstitute => "rest_day_substitute",
        }
    }

    /// Reads the request spelling; blanks around it and letter case are forgiven.
    pub fn parse(text: &str) -> Option<Regime> {
        let text = text.trim();
        Regime::ALL
            .into_iter()
            .find(|regime| regime.as_str().eq_ignore_ascii_case(text))
    }

    /// Whether the agreed pay is per hour (tables C and G) rather than per month.
    pub fn is_hourly(self) -> bool {
        matches!(self, Regime::Hourly | Regime::RestDaySubstitute)
    }

    /// Whether the worker lives in, so that board and lodging may be given in kind
    /// (README step 3: "live-in regimes with board in kind").
    pub fn is_live_in(self) -> bool {
        matches!(self, Regime::LiveIn | Regime::LiveInPartTime)
    }

    /// Whether the job is counted in nights (tables D and E).
    pub fn is_night(self) -> bool {
        matches!(self, Regime::NightAssistance | Regime::NightPresence)
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CCNL level (art. 9). The suffix S ("super") marks the care variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Household helper, one task.
    A,
    /// Companion of self-sufficient adults.
    As,
    /// Multi-purpose colf.
    B,
    /// Carer of self-sufficient people, or babysitter.
    Bs,
    /// Cook.
    C,
    /// Untrained carer of non-self-sufficient people (badante).
    Cs,
    /// Responsibility roles.
    D,
    /// Trained carer of non-self-sufficient people.
    Ds,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 8] = [
        Level::A,
        Level::As,
        Level::B,
        Level::Bs,
        Level::C,
        Level::Cs,
        Level::D,
        Level::Ds,
    ];

    /// The CCNL spelling, also the key in `tables.toml` ("A", "AS", ..., "DS").
    pub fn as_str(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::As => "AS",
            Level::B => "B",
            Level::Bs => "BS",
            Level::C => "C",
            Level::Cs => "CS",
            Level::D => "D",
            Level::Ds => "DS",
        }
    }

    /// Reads the CCNL spelling; blanks and letter case are forgiven ("bs" is BS).
    pub fn parse(text: &str) -> Option<Level> {
        let text = text.trim();
        Level::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(text))
    }

    /// Carers of non-self-sufficient people: indemnity I and the carer tax detraction.
    pub fn cares_for_non_self_sufficient(self) -> bool {
        matches!(self, Level::Cs | Level::Ds)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

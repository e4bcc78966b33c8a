//! The official figures: CCNL tables A–I, INPS bands, Cassa Colf and Libretto Famiglia.
//!
//! They live in `app/domain/data/domestic-work-tables.toml` (a copy of
//! `reference/domestic-work/tables.toml`, with its sources), embedded in the binary and the
//! WASM bundle and parsed once, on first use. A new year is a new `[year.YYYY]` and
//! `[inps.YYYY]` block in that file: nothing here names a year.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::regime::{Level, Regime};
use crate::money::Money;

/// `data/domestic-work-tables.toml`, converted to JSON by `build.rs`.
const TABLES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/domestic-work-tables.json"));

static TABLES: OnceLock<Tables> = OnceLock::new();

/// The parsed figures. The file is part of the source code and a test parses it, so a
/// failure here is a build defect, never a consequence of a request.
pub(crate) fn tables() -> &'static Tables {
    TABLES.get_or_init(|| {
        serde_json::from_str::<FileTables>(TABLES_JSON)
            .map_err(|error| error.to_string())
            .and_then(Tables::from_file)
            .unwrap_or_else(|error| panic!("data/domestic-work-tables.toml is invalid: {error}"))
    })
}

/// Years that have both CCNL and INPS figures, oldest first.
pub fn available_years() -> Vec<i32> {
    tables().years.keys().copied().collect()
}

/// Where the figures of a year come from, to show under the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSources {
    /// First day the CCNL pay tables apply ("2026-01-01").
    pub effective_from: &'static str,
    /// Where the CCNL minima were read.
    pub ccnl: &'static [String],
    /// The INPS circular with the contribution bands.
    pub inps: &'static str,
    /// The rule fixing the Cassa Colf contribution.
    pub cassa_colf: &'static str,
    /// Table entries derived rather than published ("A.D", "H.*"): show them as provisional.
    pub reconstructed: &'static [String],
}

/// The sources of one year's figures, or `None` for a year without tables.
pub fn year_sources(year: i32) -> Option<YearSources> {
    let all = tables();
    let year = all.years.get(&year)?;
    Some(YearSources {
        effective_from: &year.effective_from,
        ccnl: &year.sources,
        inps: &year.inps.source,
        cassa_colf: &all.cassa_colf.source,
        reconstructed: &year.reconstructed,
    })
}

#[derive(Debug)]
pub(crate) struct Tables {
    pub meta: Meta,
    pub years: BTreeMap<i32, YearTables>,
    pub cassa_colf: CassaColf,
    pub libretto: LibrettoFamiglia,
}

/// Figures that hold for every year (`[meta]`).
#[derive(Debug)]
pub(crate) struct Meta {
    pub board_monthly_days: Decimal,
    pub tfr_divisor: Decimal,
    pub max_weekly_hours_live_in: Decimal,
    pub max_weekly_hours_not_live_in: Decimal,
    pub max_weekly_hours_table_b: Decimal,
}

/// One year: the CCNL tables and the INPS bands in force.
#[derive(Debug)]
pub(crate) struct YearTables {
    pub effective_from: String,
    pub sources: Vec<String>,
    pub live_in: BTreeMap<String, Money>,
    pub function_indemnity: BTreeMap<String, Money>,
    pub live_in_part_time: BTreeMap<String, Money>,
    pub hourly: BTreeMap<String, Money>,
    pub night_assistance: BTreeMap<String, Money>,
    pub night_presence: Money,
    pub rest_day_substitute: BTreeMap<String, Money>,
    pub babysitter: BabysitterIndemnity,
    pub several_assisted: SeveralAssistedIndemnity,
    pub board: Board,
    pub reconstructed: Vec<String>,
    pub inps: Inps,
}

/// A figure of a CCNL table with its address ("A", "CS"), so that the result can say whether
/// it used a reconstructed figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TableAmount {
    pub amount: Money,
    pub table: &'static str,
    pub key: &'static str,
}

impl YearTables {
    /// The table minimum for a regime and level (README step 1, before indemnities), or
    /// `None` when the level does not exist in that regime's table.
    pub fn base_minimum(&self, regime: Regime, level: Level) -> Option<TableAmount> {
        let from = |table: &BTreeMap<String, Money>, name: &'static str| {
            table.get(level.as_str()).map(|&amount| TableAmount {
                amount,
                table: name,
                key: level.as_str(),
            })
        };
        match regime {
            Regime::LiveIn => from(&self.live_in, "A"),
            Regime::LiveInPartTime => from(&self.live_in_part_time, "B"),
            Regime::Hourly => from(&self.hourly, "C"),
            Regime::NightAssistance => from(&self.night_assistance, "D"),
            // Table E has a single level ("livello unico"): every level gets it.
            Regime::NightPresence => Some(TableAmount {
                amount: self.night_presence,
                table: "E",
                key: "unico",
            }),
            Regime::RestDaySubstitute => from(&self.rest_day_substitute, "G"),
        }
    }

    /// The levels the regime's table lists, lowest first.
    pub fn levels_for(&self, regime: Regime) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|&level| self.base_minimum(regime, level).is_some())
            .collect()
    }

    /// Whether a figure is marked `reconstructed` (derived, not published) for this year.
    pub fn is_reconstructed(&self, table: &str, key: &str) -> bool {
        self.reconstructed.iter().any(|entry| {
            entry
                .split_once('.')
                .is_some_and(|(t, k)| t == table && (k == "*" || k == key))
        })
    }
}

/// Table H: babysitter (level BS) caring for children under 6.
#[derive(Debug, Deserialize)]
pub(crate) struct BabysitterIndemnity {
    pub monthly: Money,
    pub monthly_table_b: Money,
    pub hourly: Money,
}

/// Table I: carer (CS, DS) assisting more than one non-self-sufficient person.
#[derive(Debug, Deserialize)]
pub(crate) struct SeveralAssistedIndemnity {
    pub monthly: Money,
    pub hourly: Money,
}

/// Table F: conventional daily value of board and lodging.
#[derive(Debug, Deserialize)]
pub(crate) struct Board {
    /// Value of one meal (lunch or breakfast; dinner has the same value in every year).
    pub lunch_or_breakfast: Money,
    /// Full board and lodging for one day.
    pub total: Money,
}

/// One year's INPS hourly contributions.
#[derive(Debug)]
pub(crate) struct Inps {
    pub source: String,
    pub bands: Vec<InpsBandRow>,
    pub over_24h: InpsRates,
}

/// A band of effective hourly pay: `up_to` inclusive, `None` for the open last band.
#[derive(Debug)]
pub(crate) struct InpsBandRow {
    pub up_to: Option<Money>,
    pub rates: InpsRates,
}

/// The hourly contribution columns of a band (the `conventional` pay INPS declares is not
/// needed for the cost and is not read).
#[derive(Debug, Deserialize)]
pub(crate) struct InpsRates {
    pub total: Money,
    pub worker: Money,
    pub no_cuaf: Money,
    pub fixed_term: Money,
    pub fixed_term_no_cuaf: Money,
}

/// Cassa Colf per paid hour.
#[derive(Debug, Deserialize)]
pub(crate) struct CassaColf {
    pub total: Money,
    pub employer: Money,
    pub worker: Money,
    pub source: String,
}

/// Libretto Famiglia title and yearly limits on the worker's compensation.
#[derive(Debug, Deserialize)]
pub(crate) struct LibrettoFamiglia {
    pub title_value: Money,
    pub worker_net: Money,
    pub limit_per_worker_all_users: Money,
    pub limit_per_user_all_workers: Money,
    pub limit_per_worker_user_pair: Money,
}

// ---- The file as written, then checked and turned into the structures above. ----

#[derive(Deserialize)]
struct FileTables {
    meta: FileMeta,
    year: BTreeMap<String, FileYear>,
    inps: BTreeMap<String, FileInps>,
    cassa_colf: CassaColf,
    libretto_famiglia: LibrettoFamiglia,
}

#[derive(Deserialize)]
struct FileMeta {
    levels: Vec<String>,
    board_monthly_days: u32,
    tfr_divisor: String,
    max_weekly_hours_live_in: u32,
    max_weekly_hours_not_live_in: u32,
    max_weekly_hours_table_b: u32,
}

#[derive(Deserialize)]
struct FileYear {
    effective_from: String,
    sources: Vec<String>,
    #[serde(rename = "A")]
    live_in: BTreeMap<String, Money>,
    #[serde(default)]
    funzione: BTreeMap<String, Money>,
    #[serde(rename = "B")]
    live_in_part_time: BTreeMap<String, Money>,
    #[serde(rename = "C")]
    hourly: BTreeMap<String, Money>,
    #[serde(rename = "D")]
    night_assistance: BTreeMap<String, Money>,
    #[serde(rename = "E")]
    night_presence: BTreeMap<String, Money>,
    #[serde(rename = "G")]
    rest_day_substitute: BTreeMap<String, Money>,
    #[serde(rename = "H")]
    babysitter: BabysitterIndemnity,
    #[serde(rename = "I")]
    several_assisted: SeveralAssistedIndemnity,
    #[serde(rename = "F")]
    board: Board,
    #[serde(default)]
    reconstructed: Vec<String>,
}

#[derive(Deserialize)]
struct FileInps {
    source: String,
    bands: Vec<FileBand>,
    over_24h: InpsRates,
}

#[derive(Deserialize)]
struct FileBand {
    up_to: String,
    total: Money,
    worker: Money,
    no_cuaf: Money,
    fixed_term: Money,
    fixed_term_no_cuaf: Money,
}

impl Tables {
    /// Parses and checks the file: every year needs both CCNL and INPS figures, every level
    /// key must be a CCNL level, INPS bands must rise and end with an open band.
    #[cfg(test)]
    pub(crate) fn parse(text: &str) -> Result<Tables, String> {
        let file: FileTables = toml::from_str(text).map_err(|error| error.to_string())?;
        Tables::from_file(file)
    }

    /// Checks the figures read from the file and indexes them by year.
    fn from_file(file: FileTables) -> Result<Tables, String> {
        let known: Vec<&str> = Level::ALL.iter().map(|level| level.as_str()).collect();
        if file
            .meta
            .levels
            .iter()
            .map(String::as_str)
            .ne(known.iter().copied())
        {
            return Err(format!("meta.levels must be {known:?}"));
        }
        let decimal = |value: u32| Decimal::from(value);
        let meta = Meta {
            board_monthly_days: decimal(file.meta.board_monthly_days),
            tfr_divisor: Money::parse(&file.meta.tfr_divisor)
                .map_err(|error| format!("meta.tfr_divisor: {error}"))?
                .as_decimal(),
            max_weekly_hours_live_in: decimal(file.meta.max_weekly_hours_live_in),
            max_weekly_hours_not_live_in: decimal(file.meta.max_weekly_hours_not_live_in),
            max_weekly_hours_table_b: decimal(file.meta.max_weekly_hours_table_b),
        };
        if meta.tfr_divisor <= Decimal::ZERO {
            return Err("meta.tfr_divisor must be positive".into());
        }
        let mut inps_by_year = file.inps;
        let mut years = BTreeMap::new();
        for (name, year) in file.year {
            let number: i32 = name
                .parse()
                .map_err(|_| format!("[year.{name}]: not a year"))?;
            let inps = inps_by_year
                .remove(&name)
                .ok_or_else(|| format!("[year.{name}] has no [inps.{name}]"))?;
            years.insert(number, YearTables::from_file(&name, year, inps)?);
        }
        let cassa_colf = &file.cassa_colf;
        if cassa_colf.employer + cassa_colf.worker != cassa_colf.total {
            return Err("cassa_colf: employer + worker must equal total".into());
        }
        if let Some(name) = inps_by_year.keys().next() {
            return Err(format!("[inps.{name}] has no [year.{name}]"));
        }
        Ok(Tables {
            meta,
            years,
            cassa_colf: file.cassa_colf,
            libretto: file.libretto_famiglia,
        })
    }
}

impl YearTables {
    fn from_file(name: &str, year: FileYear, inps: FileInps) -> Result<YearTables, String> {
        for (table, amounts) in [
            ("A", &year.live_in),
            ("funzione", &year.funzione),
            ("B", &year.live_in_part_time),
            ("C", &year.hourly),
            ("D", &year.night_assistance),
            ("G", &year.rest_day_substitute),
        ] {
            if let Some(key) = amounts.keys().find(|key| Level::parse(key).is_none()) {
                return Err(format!("[year.{name}] {table}.{key}: not a CCNL level"));
            }
        }
        let night_presence = *year
            .night_presence
            .get("unico")
            .ok_or_else(|| format!("[year.{name}] E.unico missing"))?;
        Ok(YearTables {
            effective_from: year.effective_from,
            sources: year.sources,
            live_in: year.live_in,
            function_indemnity: year.funzione,
            live_in_part_time: year.live_in_part_time,
            hourly: year.hourly,
            night_assistance: year.night_assistance,
            night_presence,
            rest_day_substitute: year.rest_day_substitute,
            babysitter: year.babysitter,
            several_assisted: year.several_assisted,
            board: year.board,
            reconstructed: year.reconstructed,
            inps: Inps::from_file(name, inps)?,
        })
    }
}

impl Inps {
    fn from_file(name: &str, inps: FileInps) -> Result<Inps, String> {
        let mut bands = Vec::with_capacity(inps.bands.len());
        for band in inps.bands {
            let up_to = if band.up_to == "inf" {
                None
            } else {
                let bound = Money::parse(&band.up_to)
                    .map_err(|error| format!("[inps.{name}] up_to {:?}: {error}", band.up_to))?;
                Some(bound)
            };
            bands.push(InpsBandRow {
                up_to,
                rates: InpsRates {
                    total: band.total,
                    worker: band.worker,
                    no_cuaf: band.no_cuaf,
                    fixed_term: band.fixed_term,
                    fixed_term_no_cuaf: band.fixed_term_no_cuaf,
                },
            });
        }
        let bounds: Vec<Option<Money>> = bands.iter().map(|band| band.up_to).collect();
        let open_last = matches!(bounds.last(), Some(None));
        let closed_before: Vec<Money> = bounds.iter().rev().skip(1).flatten().copied().collect();
        let rising = closed_before.windows(2).all(|pair| pair[0] > pair[1]);
        if !open_last || closed_before.len() + 1 != bounds.len() || !rising {
            return Err(format!(
                "[inps.{name}] bands must rise and end with up_to = \"inf\""
            ));
        }
        Ok(Inps {
            source: inps.source,
            bands,
            over_24h: inps.over_24h,
        })
    }
}

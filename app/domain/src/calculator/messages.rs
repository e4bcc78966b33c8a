//! Ready-made Italian and English sentences for [`CalcError`] and the Libretto Famiglia
//! reasons, for callers without their own i18n keys (the JSON API's `message`).

use super::errors::CalcError;
use super::libretto::libretto_limit_amount;
use super::regime::Regime;
use super::result::LibrettoLimit;
use crate::money::Money;

/// The error in Italian, e.g. "La retribuzione oraria è inferiore al minimo contrattuale di
/// 9,61 € per il livello B nel 2026."
pub fn message_it(error: &CalcError) -> String {
    let p = |name: &str| error.param(name);
    let field = field_label_it(error.field);
    match error.code {
        "below_minimum" => format!(
            "La retribuzione {} è inferiore al minimo contrattuale di {} € per il livello {} nel {}.",
            if p("period") == "hour" {
                "oraria"
            } else {
                "mensile"
            },
            number_it(p("minimum")),
            p("level"),
            p("year"),
        ),
        "unknown_year" => format!(
            "Non ci sono tabelle per l'anno {}. Anni disponibili: {}.",
            p("year"),
            p("available"),
        ),
        "unknown_regime" if p("value").is_empty() => {
            format!(
                "Indicare il tipo di rapporto. Valori ammessi: {}.",
                p("allowed")
            )
        }
        "unknown_regime" => format!(
            "Tipo di rapporto «{}» sconosciuto. Valori ammessi: {}.",
            p("value"),
            p("allowed"),
        ),
        "unknown_level" if p("level").is_empty() => format!(
            "Indicare il livello per il rapporto {}. Livelli ammessi: {}.",
            regime_it(p("regime")),
            p("allowed"),
        ),
        "unknown_level" => format!(
            "Il livello «{}» non è previsto per il rapporto {}. Livelli ammessi: {}.",
            p("level"),
            regime_it(p("regime")),
            p("allowed"),
        ),
        "hours_over_limit" => format!(
            "Le ore settimanali superano il massimo di {} previsto per il rapporto {}.",
            number_it(p("max")),
            regime_it(p("regime")),
        ),
        "must_be_positive" => format!("Il campo «{field}» deve essere maggiore di zero."),
        "out_of_range" => format!(
            "Il campo «{field}» deve essere compreso tra {} e {}.",
            number_it(p("min")),
            number_it(p("max")),
        ),
        "not_applicable" => format!(
            "Il campo «{field}» non si applica al rapporto {}.",
            regime_it(p("regime")),
        ),
        _ => format!("Valore non valido nel campo «{field}»."),
    }
}

/// The error in English, e.g. "The hourly pay is below the contractual minimum of €9.61
/// for level B in 2026."
pub fn message_en(error: &CalcError) -> String {
    let p = |name: &str| error.param(name);
    let field = field_label_en(error.field);
    match error.code {
        "below_minimum" => format!(
            "The {} pay is below the contractual minimum of €{} for level {} in {}.",
            if p("period") == "hour" {
                "hourly"
            } else {
                "monthly"
            },
            number_en(p("minimum")),
            p("level"),
            p("year"),
        ),
        "unknown_year" => format!(
            "There are no tables for {}. Available years: {}.",
            p("year"),
            p("available"),
        ),
        "unknown_regime" if p("value").is_empty() => {
            format!(
                "Choose an employment regime. Allowed values: {}.",
                p("allowed")
            )
        }
        "unknown_regime" => format!(
            "Unknown employment regime “{}”. Allowed values: {}.",
            p("value"),
            p("allowed"),
        ),
        "unknown_level" if p("level").is_empty() => format!(
            "Choose a level for the {} regime. Allowed levels: {}.",
            regime_en(p("regime")),
            p("allowed"),
        ),
        "unknown_level" => format!(
            "Level “{}” does not exist for the {} regime. Allowed levels: {}.",
            p("level"),
            regime_en(p("regime")),
            p("allowed"),
        ),
        "hours_over_limit" => format!(
            "Weekly hours exceed the maximum of {} for the {} regime.",
            number_en(p("max")),
            regime_en(p("regime")),
        ),
        "must_be_positive" => format!("The {field} must be greater than zero."),
        "out_of_range" => format!(
            "The {field} must be between {} and {}.",
            number_en(p("min")),
            number_en(p("max")),
        ),
        "not_applicable" => format!(
            "The {field} does not apply to the {} regime.",
            regime_en(p("regime")),
        ),
        _ => format!("Invalid value for the {field}."),
    }
}

/// Why Libretto Famiglia is not an option, in Italian.
pub fn libretto_reason_it(limit: LibrettoLimit) -> String {
    let who = match limit {
        LibrettoLimit::PerWorkerUserPair => "per ogni coppia lavoratore–famiglia",
        LibrettoLimit::PerWorkerAllUsers => "per lavoratore, sommando tutte le famiglie",
        LibrettoLimit::PerUserAllWorkers => "per famiglia, sommando tutti i lavoratori",
    };
    format!(
        "Con il Libretto Famiglia il compenso annuo del lavoratore supererebbe il limite di {} € {who}.",
        libretto_limit_amount(limit).format_it()
    )
}

/// Why Libretto Famiglia is not an option, in English.
pub fn libretto_reason_en(limit: LibrettoLimit) -> String {
    let who = match limit {
        LibrettoLimit::PerWorkerUserPair => "per worker–family pair",
        LibrettoLimit::PerWorkerAllUsers => "per worker from all families",
        LibrettoLimit::PerUserAllWorkers => "per family for all workers",
    };
    format!(
        "With Libretto Famiglia the worker's yearly compensation would exceed the limit of €{} {who}.",
        group_en(libretto_limit_amount(limit))
    )
}

/// The regime as Italian families call it.
pub fn regime_label_it(regime: Regime) -> &'static str {
    match regime {
        Regime::LiveIn => "convivente",
        Regime::LiveInPartTime => "convivente part-time (fino a 30 ore)",
        Regime::Hourly => "non convivente a ore",
        Regime::NightAssistance => "di assistenza notturna",
        Regime::NightPresence => "di presenza notturna",
        Regime::RestDaySubstitute => "di sostituzione nei giorni di riposo",
    }
}

/// The regime in English.
pub fn regime_label_en(regime: Regime) -> &'static str {
    match regime {
        Regime::LiveIn => "live-in",
        Regime::LiveInPartTime => "part-time live-in (up to 30 hours)",
        Regime::Hourly => "hourly (not live-in)",
        Regime::NightAssistance => "night assistance",
        Regime::NightPresence => "night presence",
        Regime::RestDaySubstitute => "rest-day substitute",
    }
}

fn regime_it(value: &str) -> &str {
    match Regime::parse(value) {
        Some(regime) => regime_label_it(regime),
        None => value,
    }
}

fn regime_en(value: &str) -> &str {
    match Regime::parse(value) {
        Some(regime) => regime_label_en(regime),
        None => value,
    }
}

fn field_label_it(field: &str) -> &str {
    match field {
        "year" => "anno",
        "regime" => "tipo di rapporto",
        "level" => "livello",
        "weekly_hours" => "ore settimanali",
        "hourly_pay" => "retribuzione oraria",
        "monthly_pay" => "retribuzione mensile",
        "fixed_term" => "tempo determinato",
        "cuaf" => "CUAF",
        "children_under_6" => "figli sotto i 6 anni",
        "non_self_sufficient_assisted" => "persone non autosufficienti assistite",
        "board_in_kind" => "vitto e alloggio",
        "meals_per_week" => "pasti a settimana",
        "nights_per_week" => "notti a settimana",
        "seniority_increments" => "scatti di anzianità",
        "include_holiday_replacement" => "sostituzione durante le ferie",
        other => other,
    }
}

fn field_label_en(field: &str) -> &str {
    match field {
        "year" => "year",
        "regime" => "employment regime",
        "level" => "level",
        "weekly_hours" => "weekly hours",
        "hourly_pay" => "hourly pay",
        "monthly_pay" => "monthly pay",
        "fixed_term" => "fixed-term contract",
        "cuaf" => "CUAF",
        "children_under_6" => "number of children under 6",
        "non_self_sufficient_assisted" => "number of non-self-sufficient people assisted",
        "board_in_kind" => "board and lodging in kind",
        "meals_per_week" => "meals per week",
        "nights_per_week" => "nights per week",
        "seniority_increments" => "seniority increments",
        "include_holiday_replacement" => "holiday replacement",
        other => other,
    }
}

/// "1000.00" → "1.000,00"; whole numbers ("40") stay as they are.
fn number_it(value: &str) -> String {
    match Money::parse(value) {
        Ok(amount) if value.contains('.') => amount.format_it(),
        _ => value.to_owned(),
    }
}

/// "1000.00" → "1,000.00"; whole numbers ("40") stay as they are.
fn number_en(value: &str) -> String {
    match Money::parse(value) {
        Ok(amount) if value.contains('.') => group_en(amount),
        _ => value.to_owned(),
    }
}

/// English grouping of an amount: "2,500.00".
fn group_en(amount: Money) -> String {
    amount
        .format_it()
        .replace('.', "\u{0}")
        .replace(',', ".")
        .replace('\u{0}', ",")
}

//! The result as sections of explained lines, in the reader's language: one model that the
//! page renders as tables and the server prints in the PDF summary.

use domain::calculator::{
    InpsBand, Level, Regime, libretto_reason_en, libretto_reason_it, year_sources,
};
use domain::money::Money;

use super::values::{Computed, FormValues, label, money, per_month, quantity};
use crate::api::calculator::comparison_category_slug;
use crate::i18n::Locale;
use crate::i18n::calculator::calc;

/// Which figures a section's table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// One amount per line.
    Value,
    /// A monthly and a yearly amount per line.
    MonthAndYear,
}

/// One explained line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    /// `Columns::Value`: the amount; `MonthAndYear`: the monthly amount.
    pub first: Option<String>,
    /// `MonthAndYear` only: the yearly amount.
    pub annual: Option<String>,
    pub explanation: String,
    /// A total, shown in bold.
    pub strong: bool,
}

/// A titled group of lines with notes, a list and a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub columns: Columns,
    pub rows: Vec<Row>,
    /// Items of a list under the table (the INPS deadlines, the sources).
    pub list_title: Option<&'static str>,
    pub list: Vec<String>,
    pub notes: Vec<String>,
    pub link: Option<(String, &'static str)>,
}

impl Section {
    fn new(id: &'static str, title: &'static str, columns: Columns) -> Section {
        Section {
            id,
            title,
            columns,
            rows: Vec::new(),
            list_title: None,
            list: Vec::new(),
            notes: Vec::new(),
            link: None,
        }
    }
}

fn row(label: &str, first: Option<String>, annual: Option<String>, explanation: String) -> Row {
    Row {
        label: label.to_string(),
        first,
        annual,
        explanation,
        strong: false,
    }
}

/// The regime's label in the page's language.
pub fn regime_label(locale: Locale, regime: Regime) -> &'static str {
    let index = Regime::ALL.iter().position(|r| *r == regime).unwrap_or(0);
    calc(locale).regimes[index]
}

/// The CCNL table letter of a regime.
fn table_of(regime: Regime) -> &'static str {
    match regime {
        Regime::LiveIn => "A",
        Regime::LiveInPartTime => "B",
        Regime::Hourly => "C",
        Regime::NightAssistance => "D",
        Regime::NightPresence => "E",
        Regime::RestDaySubstitute => "G",
    }
}

/// One sentence describing the job computed.
pub fn headline(locale: Locale, computed: &Computed) -> String {
    let t = calc(locale);
    let input = &computed.input;
    let regime = Regime::parse(&input.regime).unwrap_or(Regime::Hourly);
    let level = Level::parse(&input.level).map_or("", Level::as_str);
    (t.result_for)(
        regime_label(locale, regime),
        level,
        &quantity(locale, &input.weekly_hours.to_string()),
        input.year,
    )
}

/// The explained result, section by section.
pub fn sections(locale: Locale, computed: &Computed) -> Vec<Section> {
    let t = calc(locale);
    let m = |amount: Money| money(locale, amount);
    let input = &computed.input;
    let r = &computed.result;
    let regime = Regime::parse(&input.regime).unwrap_or(Regime::Hourly);
    let mut out = Vec::new();

    // Pay and hours.
    let mut basis = Section::new("calc-basis", t.section_basis, Columns::Value);
    let minimum_text = (t.explain_minimum)(table_of(regime), input.year);
    if let Some(hourly) = r.minimum.hourly {
        basis.rows.push(row(
            t.line_minimum_hourly,
            Some((t.per_hour)(&m(hourly))),
            None,
            minimum_text,
        ));
    } else if let Some(monthly) = r.minimum.monthly {
        basis.rows.push(row(
            t.line_minimum_monthly,
            Some(m(monthly)),
            None,
            minimum_text,
        ));
    }
    basis.rows.push(row(
        t.line_monthly_hours,
        Some((t.hours)(&quantity(locale, &r.monthly_hours.to_string()))),
        None,
        t.explain_monthly_hours.to_string(),
    ));
    let band = match r.inps.band {
        InpsBand::Over24h => t.band_over_24h.to_string(),
        InpsBand::Band(n) => (t.band_number)(n),
    };
    basis.rows.push(row(
        t.line_effective_hourly,
        Some((t.per_hour)(&m(r.effective_hourly_pay))),
        None,
        (t.explain_effective_hourly)(&band),
    ));
    out.push(basis);

    // The cost, line by line.
    let mut lines = Section::new("calc-lines", t.section_lines, Columns::MonthAndYear);
    let both = |annual: Money| (Some(m(per_month(annual))), Some(m(annual)));
    let pay_annual = times12(r.monthly_pay);
    lines.rows.push(row(
        t.line_pay,
        Some(m(r.monthly_pay)),
        Some(m(pay_annual)),
        if regime.is_hourly() {
            t.explain_pay_hourly
        } else {
            t.explain_pay_monthly
        }
        .to_string(),
    ));
    if !r.board_monthly_value.is_zero() {
        lines.rows.push(row(
            t.line_board,
            Some(m(r.board_monthly_value)),
            Some(m(times12(r.board_monthly_value))),
            if input.board_in_kind {
                t.explain_board_full
            } else {
                t.explain_board_meals
            }
            .to_string(),
        ));
    }
    let (mo, yr) = both(r.thirteenth);
    lines.rows.push(row(
        t.line_thirteenth,
        mo,
        yr,
        t.explain_thirteenth.to_string(),
    ));
    let (mo, yr) = both(r.tfr_annual);
    lines
        .rows
        .push(row(t.line_tfr, mo, yr, t.explain_tfr.to_string()));
    let (mo, yr) = both(r.inps.annual_employer);
    lines.rows.push(row(
        t.line_inps_employer,
        mo,
        yr,
        (t.explain_inps_employer)(
            &m(r.inps.hourly_total),
            &m(r.inps.hourly_worker),
            &m(r.inps.hourly_employer),
        ),
    ));
    let (mo, yr) = both(r.cassa_colf.annual_employer);
    lines.rows.push(row(
        t.line_cassa_colf_employer,
        mo,
        yr,
        t.explain_cassa_colf_employer.to_string(),
    ));
    if !r.holiday_replacement_annual.is_zero() {
        let (mo, yr) = both(r.holiday_replacement_annual);
        lines
            .rows
            .push(row(t.line_holiday, mo, yr, t.explain_holiday.to_string()));
    }
    lines.rows.push(Row {
        strong: true,
        ..row(
            t.line_total,
            Some(m(r.monthly_average_cost)),
            Some(m(r.annual_employer_cost)),
            t.explain_total.to_string(),
        )
    });
    if r.provisional_figures {
        lines.notes.push(t.provisional.to_string());
    }
    out.push(lines);

    // INPS, quarter by quarter.
    let mut inps = Section::new("calc-inps", t.section_inps, Columns::Value);
    inps.rows.push(row(
        t.line_quarterly,
        Some(m(r.inps.quarterly_total)),
        None,
        t.explain_quarterly.to_string(),
    ));
    inps.rows.push(row(
        t.line_inps_annual_total,
        Some(m(r.inps.annual_total)),
        None,
        (t.explain_inps_employer)(
            &m(r.inps.hourly_total),
            &m(r.inps.hourly_worker),
            &m(r.inps.hourly_employer),
        ),
    ));
    inps.list_title = Some(t.deadlines_title);
    inps.list = t.deadlines.iter().map(|d| d.to_string()).collect();
    out.push(inps);

    // The worker.
    let mut worker = Section::new("calc-worker", t.section_worker, Columns::MonthAndYear);
    worker.rows.push(Row {
        strong: true,
        ..row(
            t.line_worker_net,
            Some(m(r.worker_net_monthly)),
            None,
            t.explain_worker_net.to_string(),
        )
    });
    let (mo, yr) = both(r.inps.annual_worker);
    worker.rows.push(row(
        t.line_inps_worker,
        mo,
        yr,
        t.explain_worker_shares.to_string(),
    ));
    let (mo, yr) = both(r.cassa_colf.annual_worker);
    worker.rows.push(row(
        t.line_cassa_colf_worker,
        mo,
        yr,
        t.explain_worker_shares.to_string(),
    ));
    out.push(worker);

    // Tax relief.
    let mut tax = Section::new("calc-tax", t.section_tax, Columns::Value);
    tax.rows.push(row(
        t.line_deductible,
        Some(m(r.tax_relief.deductible_contributions)),
        None,
        t.explain_deductible.to_string(),
    ));
    tax.rows.push(row(
        t.line_carer_detraction,
        Some(m(r.tax_relief.carer_detraction_max)),
        None,
        t.explain_carer_detraction.to_string(),
    ));
    out.push(tax);

    // The alternatives.
    let mut alt = Section::new(
        "calc-alternatives",
        t.section_alternatives,
        Columns::MonthAndYear,
    );
    alt.rows.push(row(
        t.line_direct_hire,
        Some(m(r.monthly_average_cost)),
        Some(m(r.annual_employer_cost)),
        t.explain_direct_hire.to_string(),
    ));
    let libretto = &r.alternatives.libretto_famiglia;
    let mut libretto_text = if libretto.allowed {
        t.libretto_allowed.to_string()
    } else {
        t.libretto_not_allowed.to_string()
    };
    libretto_text.push_str(". ");
    if let Some(reason) = libretto.reason {
        libretto_text.push_str(&match locale {
            Locale::It => libretto_reason_it(reason),
            Locale::En => libretto_reason_en(reason),
        });
        libretto_text.push(' ');
    }
    libretto_text.push_str(t.explain_libretto);
    let (mo, yr) = both(libretto.annual_cost);
    alt.rows.push(row(
        &format!(
            "{} ({})",
            t.line_libretto,
            if libretto.allowed {
                t.libretto_allowed
            } else {
                t.libretto_not_allowed
            }
            .to_lowercase()
        ),
        mo,
        yr,
        libretto_text,
    ));
    let coop = &r.alternatives.cooperative;
    match (coop.hourly_min, coop.hourly_median, coop.annual_min) {
        (Some(min), Some(median), Some(annual)) => {
            let (mo, yr) = both(annual);
            alt.rows.push(row(
                t.line_coop_annual,
                mo,
                yr,
                format!(
                    "{} {}",
                    (t.coop_prices)(&m(min), &m(median), computed.services),
                    t.explain_coop
                ),
            ));
        }
        _ => alt.notes.push(t.coop_none.to_string()),
    }
    alt.link = Some((
        format!(
            "/servizi?category={}",
            comparison_category_slug(computed.category)
        ),
        t.coop_link,
    ));
    out.push(alt);

    // Sources.
    let mut sources = Section::new("calc-sources", t.section_sources, Columns::Value);
    if let Some(s) = i32::try_from(input.year).ok().and_then(year_sources) {
        sources
            .notes
            .push((t.sources_effective)(&date(locale, s.effective_from)));
        for ccnl in s.ccnl {
            sources.list.push(format!("{}: {ccnl}", t.sources_ccnl));
        }
        sources.list.push(format!("{}: {}", t.sources_inps, s.inps));
        sources
            .list
            .push(format!("{}: {}", t.sources_cassa_colf, s.cassa_colf));
    }
    sources.notes.push(t.sources_method.to_string());
    sources.notes.push(t.disclaimer.to_string());
    out.push(sources);
    out
}

/// The inputs as the family gave them (for the PDF).
pub fn inputs(locale: Locale, form: &FormValues, computed: &Computed) -> Vec<(String, String)> {
    let t = calc(locale);
    let yes_no = |v: bool| if v { t.yes } else { t.no }.to_string();
    let input = &computed.input;
    let regime = Regime::parse(&input.regime).unwrap_or(Regime::Hourly);
    let mut out = vec![
        (t.year.label.to_string(), input.year.to_string()),
        (
            t.regime.label.to_string(),
            regime_label(locale, regime).to_string(),
        ),
    ];
    if let Some(index) =
        Level::parse(&input.level).and_then(|l| Level::ALL.iter().position(|x| *x == l))
    {
        out.push((t.level.label.to_string(), t.levels[index].to_string()));
    }
    out.push((
        t.weekly_hours.label.to_string(),
        quantity(locale, &input.weekly_hours.to_string()),
    ));
    let pay = if regime.is_hourly() {
        input.hourly_pay
    } else {
        input.monthly_pay
    };
    let pay_field = if regime.is_hourly() {
        "hourly_pay"
    } else {
        "monthly_pay"
    };
    out.push((
        label(t, pay_field).to_string(),
        pay.map_or_else(|| "—".to_string(), |p| money(locale, p.round_cents())),
    ));
    for field in [
        "fixed_term",
        "cuaf",
        "board_in_kind",
        "include_holiday_replacement",
    ] {
        out.push((label(t, field).to_string(), yes_no(form.flag(field))));
    }
    for (field, value) in [
        ("children_under_6", input.children_under_6),
        (
            "non_self_sufficient_assisted",
            input.non_self_sufficient_assisted,
        ),
        ("meals_per_week", input.meals_per_week),
        ("nights_per_week", input.nights_per_week),
        ("seniority_increments", input.seniority_increments),
    ] {
        out.push((label(t, field).to_string(), value.to_string()));
    }
    out
}

/// "2026-01-01" as "01/01/2026" in Italian; ISO in English.
fn date(locale: Locale, iso: &str) -> String {
    match (locale, iso.split('-').collect::<Vec<_>>().as_slice()) {
        (Locale::It, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// Twelve months of an amount already rounded to the cent.
fn times12(monthly: Money) -> Money {
    Money::from_cents(monthly.to_cents() * 12)
}

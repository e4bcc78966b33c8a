//! Domestic-work cost calculator: what employing a colf, badante or babysitter costs a
//! family, what the worker takes home, and the alternatives.
//!
//! The method is `reference/domestic-work/README.md`, followed step by step (the step
//! numbers in the doc comments are its numbers); the figures are
//! `app/domain/data/domestic-work-tables.toml`. Every amount that is shown is rounded
//! half-up to the cent before it is used again.
//!
//! Server use (a `CalcError` becomes `422 {"error": {"code", "message", "field"}}` with
//! `message_it` / `message_en`; a value of the wrong JSON type fails deserialization, and
//! `serde_path_to_error` can name its field):
//! ```text
//! let input: CalculatorInput = serde_json::from_slice(&body)?;      // 422 on a type error
//! let category = cooperative_category(&input)?;                     // 422 with field
//! let prices: Vec<Money> = store.hourly_prices_in(category).await?; // published services
//! let result = compute(&input, &prices)?;                           // 422 with field
//! ```
//! The browser can call `compute(&input, &[])` as the family types: same rules, no round
//! trip, cooperative fields `null`.

mod cooperative;
mod costs;
mod errors;
mod inps;
mod input;
mod libretto;
mod messages;
mod minimum;
mod pay;
mod regime;
mod result;
mod tables;
mod tax_relief;
mod validate;

#[cfg(test)]
mod tests;

pub use cooperative::{CooperativeCategory, cooperative_alternative, cooperative_annual_hours};
pub use errors::CalcError;
pub use input::CalculatorInput;
pub use libretto::libretto_limit_amount;
pub use messages::{
    libretto_reason_en, libretto_reason_it, message_en, message_it, regime_label_en,
    regime_label_it,
};
pub use regime::{Level, Regime};
pub use result::{
    Alternatives, CalculatorResult, CassaColfContributions, CooperativeOption, InpsBand,
    InpsContributions, LibrettoFamigliaOption, LibrettoLimit, MinimumPay, TaxRelief,
};
pub use tables::{YearSources, available_years, year_sources};

use crate::money::Money;
use costs::AnnualParts;
use inps::Contract;
use pay::InKind;
use validate::Job;

/// Highest agreed hourly pay accepted: anything above is a typing error (and keeps every
/// product far from `Decimal`'s range).
const MAX_HOURLY_PAY_CENTS: i64 = 100_000;
/// Highest agreed monthly pay accepted.
const MAX_MONTHLY_PAY_CENTS: i64 = 10_000_000;

/// Which category of accredited services compares with this job, so the server can load
/// their hourly prices before calling [`compute`]. Fails like `compute` on a bad request.
pub fn cooperative_category(input: &CalculatorInput) -> Result<CooperativeCategory, CalcError> {
    let job = validate::validate(input)?;
    Ok(CooperativeCategory::for_job(
        job.regime,
        job.level,
        job.children_under_6,
    ))
}

/// Computes the cost of the job described by `input` (README steps 1–12 and the
/// alternatives).
///
/// `cooperative_hourly_prices` are the hourly prices of the published accredited services
/// in [`cooperative_category`]; the result compares their cheapest and median price over
/// weekly hours × 52 hours a year ([`cooperative_annual_hours`]). Pass `&[]` when there
/// are none (or in the browser): the cooperative fields are then `null`.
pub fn compute(
    input: &CalculatorInput,
    cooperative_hourly_prices: &[Money],
) -> Result<CalculatorResult, CalcError> {
    let job = validate::validate(input)?;
    let year = job.tables;
    let all = job.all_tables;
    let hours = job.weekly_hours;

    // Step 1: the minimum, then the agreed pay (default: the minimum).
    let minimum = minimum::minimum(&job);
    let agreed = agreed_pay(input, &job, minimum.amount)?;

    // Steps 2–4.
    let monthly_pay = if job.regime.is_hourly() {
        pay::monthly_pay_from_hourly(agreed, hours)
    } else {
        agreed
    };
    let in_kind = if job.board_in_kind {
        InKind::FullBoard
    } else if job.meals_per_week > 0 {
        InKind::Meals(job.meals_per_week)
    } else {
        InKind::Nothing
    };
    let board = pay::board_monthly_value(in_kind, year, all);
    let effective_hourly = pay::effective_hourly_pay(monthly_pay, board, hours);

    // Steps 5–6.
    let contract = Contract {
        fixed_term: job.fixed_term,
        cuaf: job.cuaf,
    };
    let inps = inps::inps_contributions(&year.inps, hours, effective_hourly, contract);
    let cassa_colf_hours = inps::cassa_colf_weekly_hours(job.regime, hours, job.nights_per_week);
    let cassa_colf = inps::cassa_colf_contributions(&all.cassa_colf, cassa_colf_hours);

    // Steps 7–11.
    let thirteenth = costs::thirteenth(monthly_pay, board);
    let tfr = costs::tfr_annual(monthly_pay, board, thirteenth, all.meta.tfr_divisor);
    let holiday = costs::holiday_replacement(job.include_holiday_replacement, monthly_pay, board);
    let annual = costs::annual_employer_cost(AnnualParts {
        monthly_pay,
        thirteenth,
        tfr,
        inps_employer: inps.annual_employer,
        cassa_colf_employer: cassa_colf.annual_employer,
        holiday_replacement: holiday,
    });
    let worker_net = costs::worker_net_monthly(
        monthly_pay,
        inps.hourly_worker,
        hours,
        all.cassa_colf.worker,
        cassa_colf_hours,
    );

    // Step 12.
    let carer =
        tax_relief::carer_detraction_applies(job.level, job.regime != Regime::NightPresence);
    let tax_relief = tax_relief::tax_relief(inps.annual_employer, annual, carer);

    // Alternatives.
    let hourly_pay = job.regime.is_hourly().then_some(agreed);
    let libretto_hourly = libretto::hourly_amount(&all.libretto, hourly_pay, monthly_pay, hours);
    let libretto_famiglia = libretto::libretto_famiglia(&all.libretto, libretto_hourly, hours);
    let cooperative =
        cooperative_alternative(cooperative_hourly_prices, cooperative_annual_hours(hours));

    let mut figures = minimum.figures;
    if in_kind != InKind::Nothing {
        let key = if in_kind == InKind::FullBoard {
            "total"
        } else {
            "lunch_or_breakfast"
        };
        figures.push(tables::TableAmount {
            amount: board,
            table: "F",
            key,
        });
    }
    let provisional_figures = figures
        .iter()
        .any(|figure| year.is_reconstructed(figure.table, figure.key));

    Ok(CalculatorResult {
        minimum: if job.regime.is_hourly() {
            MinimumPay {
                monthly: None,
                hourly: Some(minimum.amount),
            }
        } else {
            MinimumPay {
                monthly: Some(minimum.amount),
                hourly: None,
            }
        },
        monthly_hours: pay::monthly_hours(hours),
        monthly_pay,
        board_monthly_value: board,
        effective_hourly_pay: effective_hourly,
        inps,
        cassa_colf,
        thirteenth,
        tfr_annual: tfr,
        holiday_replacement_annual: holiday,
        annual_employer_cost: annual,
        monthly_average_cost: costs::monthly_average(annual),
        worker_net_monthly: worker_net,
        tax_relief,
        alternatives: Alternatives {
            libretto_famiglia,
            cooperative,
        },
        provisional_figures,
    })
}

/// The agreed pay for the regime (hourly or monthly), rounded to the cent, or the minimum
/// when not given. The field of the other period is ignored, so a form may keep both.
fn agreed_pay(input: &CalculatorInput, job: &Job, minimum: Money) -> Result<Money, CalcError> {
    let (field, given, period, cap) = if job.regime.is_hourly() {
        ("hourly_pay", input.hourly_pay, "hour", MAX_HOURLY_PAY_CENTS)
    } else {
        (
            "monthly_pay",
            input.monthly_pay,
            "month",
            MAX_MONTHLY_PAY_CENTS,
        )
    };
    let Some(given) = given else {
        return Ok(minimum);
    };
    let given = given.round_cents();
    if given < minimum {
        return Err(CalcError::new("below_minimum", field)
            .with("minimum", minimum)
            .with("period", period)
            .with("level", job.level)
            .with("year", job.year));
    }
    let cap = Money::from_cents(cap);
    if given > cap {
        return Err(validate::out_of_range(field, minimum, cap));
    }
    Ok(given)
}

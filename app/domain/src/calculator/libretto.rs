//! The Libretto Famiglia alternative (occasional work, D.L. 50/2017 art. 54-bis).

use rust_decimal::Decimal;

use super::pay::{months, weeks};
use super::result::{LibrettoFamigliaOption, LibrettoLimit};
use super::tables::LibrettoFamiglia;
use crate::money::Money;

/// The hourly amount paid with titles: the agreed hourly pay for hourly regimes; for
/// monthly regimes the monthly pay brought to an hour (× 12 / (weekly hours × 52)),
/// rounded. Never less than one title (10 €), which covers up to one hour.
pub(crate) fn hourly_amount(
    libretto: &LibrettoFamiglia,
    hourly_pay: Option<Money>,
    monthly_pay: Money,
    weekly_hours: Decimal,
) -> Money {
    let hourly = hourly_pay
        .unwrap_or_else(|| (monthly_pay * months() / (weekly_hours * weeks())).round_cents());
    hourly.max(libretto.title_value)
}

/// Annual cost = hourly amount × weekly hours × 52 (no 13th month, TFR or Cassa Colf).
/// The yearly limits are on the worker's compensation, 8 € of every 10 € title; the
/// first limit exceeded, smallest first, is the reason it is not an option. This
/// calculation is about one worker and one family, so the pair limit (2.500 €) is the one
/// that binds; the others are checked for completeness.
pub(crate) fn libretto_famiglia(
    libretto: &LibrettoFamiglia,
    hourly_amount: Money,
    weekly_hours: Decimal,
) -> LibrettoFamigliaOption {
    let annual_cost = (hourly_amount * (weekly_hours * weeks())).round_cents();
    let worker_share = libretto.worker_net.as_decimal() / libretto.title_value.as_decimal();
    let worker_compensation = (annual_cost * worker_share).round_cents();
    let mut limits = [
        (
            LibrettoLimit::PerWorkerUserPair,
            libretto.limit_per_worker_user_pair,
        ),
        (
            LibrettoLimit::PerWorkerAllUsers,
            libretto.limit_per_worker_all_users,
        ),
        (
            LibrettoLimit::PerUserAllWorkers,
            libretto.limit_per_user_all_workers,
        ),
    ];
    limits.sort_by_key(|&(_, limit)| limit);
    let reason = limits
        .into_iter()
        .find(|&(_, limit)| worker_compensation > limit)
        .map(|(which, _)| which);
    LibrettoFamigliaOption {
        allowed: reason.is_none(),
        annual_cost,
        reason,
    }
}

/// The yearly limit on the worker's compensation that a reason refers to.
pub fn libretto_limit_amount(limit: LibrettoLimit) -> Money {
    let libretto = &super::tables::tables().libretto;
    match limit {
        LibrettoLimit::PerWorkerUserPair => libretto.limit_per_worker_user_pair,
        LibrettoLimit::PerWorkerAllUsers => libretto.limit_per_worker_all_users,
        LibrettoLimit::PerUserAllWorkers => libretto.limit_per_user_all_workers,
    }
}

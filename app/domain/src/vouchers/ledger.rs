//! The voucher ledger: how a payment splits between vouchers and card, debits that never
//! overdraw, and what a refund gives back to each.
//!
//! A voucher's balance is the sum of its ledger entries (grant, debits, reversals,
//! revocation); the server applies each debit as one conditional statement
//! (`… SET balance = balance - $1 WHERE balance >= $1`), and [`apply_debit`] is the same rule
//! in Rust, for checks and tests. Amounts are whole cents.

use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::money::Money;

/// How an amount is paid: part by vouchers, the rest by card (or the gateway in use).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub voucher: Money,
    pub card: Money,
}

impl Split {
    pub fn total(&self) -> Money {
        self.voucher + self.card
    }
}

/// Why a ledger operation is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("amount must be positive")]
    NotPositive,
    #[error("amount in fractions of a cent")]
    SubCent,
    /// The balance (of the vouchers valid today, for an allocation) is below the amount.
    #[error("balance {balance} below {requested}")]
    InsufficientBalance { balance: Money, requested: Money },
    /// A refund larger than what is left of the payment.
    #[error("refund exceeds the refundable {refundable}")]
    RefundExceeds { refundable: Money },
}

impl LedgerError {
    pub fn message_it(&self) -> String {
        match self {
            LedgerError::NotPositive => "L'importo deve essere maggiore di zero.".into(),
            LedgerError::SubCent => "L'importo può avere al massimo due decimali.".into(),
            LedgerError::InsufficientBalance { balance, requested } => format!(
                "Il saldo disponibile dei tuoi voucher ({} €) non è sufficiente per l'importo richiesto ({} €). Puoi pagare la differenza con carta o PayPal.",
                balance.format_it(),
                requested.format_it()
            ),
            LedgerError::RefundExceeds { refundable } => format!(
                "Il rimborso supera quanto resta da rimborsare per questo pagamento ({} €).",
                refundable.format_it()
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            LedgerError::NotPositive => "The amount must be greater than zero.".into(),
            LedgerError::SubCent => "The amount may have at most two decimals.".into(),
            LedgerError::InsufficientBalance { balance, requested } => format!(
                "The available balance of your vouchers (€{balance}) is not enough for the amount requested (€{requested}). You can pay the difference by card or PayPal."
            ),
            LedgerError::RefundExceeds { refundable } => format!(
                "The refund is more than what is left to refund for this payment (€{refundable})."
            ),
        }
    }
}

fn check_amount(amount: Money) -> Result<(), LedgerError> {
    if amount.is_negative() || amount.is_zero() {
        Err(LedgerError::NotPositive)
    } else if amount.round_cents() != amount {
        Err(LedgerError::SubCent)
    } else {
        Ok(())
    }
}

/// The most vouchers can pay of `total`: all of the balance or all of the total, whichever
/// is smaller; nothing when the service does not accept vouchers. Negative inputs count as
/// zero, so the split never moves money the wrong way.
pub fn split_payment(total: Money, voucher_balance: Money, eligible: bool) -> Split {
    split_payment_up_to(total, voucher_balance, eligible, voucher_balance)
}

/// Like [`split_payment`], with the citizen choosing to use at most `wanted` of the balance
/// ("spends part or all of it").
pub fn split_payment_up_to(
    total: Money,
    voucher_balance: Money,
    eligible: bool,
    wanted: Money,
) -> Split {
    let voucher = if eligible {
        let most = total.min(voucher_balance).min(wanted).max(Money::ZERO);
        // Whole cents, rounded down: a sub-cent balance never pays a cent it does not hold.
        Money::from_decimal(
            most.as_decimal()
                .round_dp_with_strategy(2, RoundingStrategy::ToZero),
        )
    } else {
        Money::ZERO
    };
    Split {
        voucher,
        card: total - voucher,
    }
}

/// The balance after spending `amount`: never below zero.
pub fn apply_debit(balance: Money, amount: Money) -> Result<Money, LedgerError> {
    check_amount(amount)?;
    if amount > balance {
        return Err(LedgerError::InsufficientBalance {
            balance: balance.max(Money::ZERO),
            requested: amount,
        });
    }
    Ok(balance - amount)
}

/// The balance after a grant or a reversal of `amount`.
pub fn apply_credit(balance: Money, amount: Money) -> Result<Money, LedgerError> {
    check_amount(amount)?;
    Ok(balance + amount)
}

/// A line of a voucher's ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "amount")]
pub enum LedgerEntry {
    /// Assigned by the city (import or by hand).
    Grant(Money),
    /// Spent on an order.
    Debit(Money),
    /// Given back by a refund.
    Reversal(Money),
    /// Withdrawn by the city (e.g. granted by mistake); like a debit, never below zero.
    Revocation(Money),
}

/// The balance a ledger adds up to, or the position of the first entry that would overdraw
/// it (or is not a positive whole-cent amount).
pub fn replay(entries: &[LedgerEntry]) -> Result<Money, (usize, LedgerError)> {
    entries
        .iter()
        .enumerate()
        .try_fold(Money::ZERO, |balance, (index, entry)| {
            match *entry {
                LedgerEntry::Grant(amount) | LedgerEntry::Reversal(amount) => {
                    apply_credit(balance, amount)
                }
                LedgerEntry::Debit(amount) | LedgerEntry::Revocation(amount) => {
                    apply_debit(balance, amount)
                }
            }
            .map_err(|error| (index, error))
        })
}

/// How a refund of `amount` splits between vouchers and card, for a payment split as `paid`
/// of which `already_refunded` went back before.
///
/// Decision: **proportionally** to how the payment was made, cumulatively. Refunding the card
/// first would turn welfare credit (public money earmarked for care) into cash; refunding the
/// vouchers first would leave a family that paid mostly by card waiting for its own money,
/// possibly on a voucher close to expiry. With the cumulative rule, after refunds totalling R
/// the vouchers have got back ⌊voucher × R / total⌋ (to the cent), the card the rest; so
/// several partial refunds add up to exactly the one-shot figure, and a full refund returns
/// each part exactly. The odd cent goes to the card.
pub fn split_refund(
    paid: Split,
    already_refunded: Money,
    amount: Money,
) -> Result<Split, LedgerError> {
    check_amount(amount)?;
    let total = paid.total();
    let refundable = (total - already_refunded).max(Money::ZERO);
    if amount > refundable {
        return Err(LedgerError::RefundExceeds { refundable });
    }
    let voucher_after = voucher_share(paid, already_refunded + amount);
    let voucher_before = voucher_share(paid, already_refunded);
    let voucher = voucher_after - voucher_before;
    Ok(Split {
        voucher,
        card: amount - voucher,
    })
}

/// The vouchers' part of refunds totalling `refunded`, rounded down to the cent.
fn voucher_share(paid: Split, refunded: Money) -> Money {
    let total = i128::from(paid.total().to_cents());
    if total <= 0 {
        return Money::ZERO;
    }
    let voucher = i128::from(paid.voucher.to_cents());
    let refunded = i128::from(refunded.to_cents());
    let share = (voucher * refunded).div_euclid(total);
    Money::from_cents(i64::try_from(share).unwrap_or(0))
}

/// One voucher of a citizen, as the ledger and the city's import know it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voucher {
    pub id: i64,
    pub balance: Money,
    /// First day it may be spent (inclusive).
    pub valid_from: Date,
    /// Last day it may be spent (inclusive).
    pub valid_until: Date,
}

impl Voucher {
    /// Whether it may be spent on `day` (a calendar day in Milan, both ends inclusive).
    pub fn is_valid_on(&self, day: Date) -> bool {
        self.valid_from <= day && day <= self.valid_until
    }
}

/// What a citizen can spend today: the sum of the positive balances of the vouchers valid
/// today.
pub fn spendable_balance(vouchers: &[Voucher], today: Date) -> Money {
    vouchers
        .iter()
        .filter(|v| v.is_valid_on(today) && !v.balance.is_negative())
        .map(|v| v.balance)
        .sum()
}

/// Which vouchers pay `amount` today, and how much each: those expiring first are used
/// first (the citizen loses the least to expiry), then by id for a stable answer.
pub fn allocate_debit(
    vouchers: &[Voucher],
    amount: Money,
    today: Date,
) -> Result<Vec<(i64, Money)>, LedgerError> {
    check_amount(amount)?;
    let available = spendable_balance(vouchers, today);
    if amount > available {
        return Err(LedgerError::InsufficientBalance {
            balance: available,
            requested: amount,
        });
    }
    let mut usable: Vec<&Voucher> = vouchers
        .iter()
        .filter(|v| v.is_valid_on(today) && v.balance > Money::ZERO)
        .collect();
    usable.sort_by_key(|v| (v.valid_until, v.id));
    let mut left = amount;
    let mut debits = Vec::new();
    for voucher in usable {
        if left.is_zero() {
            break;
        }
        let take = voucher.balance.min(left);
        debits.push((voucher.id, take));
        left -= take;
    }
    Ok(debits)
}

/// What an order took from one voucher and has not yet given back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherDebit {
    pub voucher_id: i64,
    /// Debited minus already reversed.
    pub outstanding: Money,
    pub valid_until: Date,
}

/// Which vouchers get back the voucher part of a refund: those valid longest first, so the
/// credit stays usable as long as possible; never more than each gave.
///
/// A reversal onto a voucher that has since expired is still credited (the ledger stays
/// exact) but cannot be spent: welfare credit is never turned into cash.
pub fn allocate_reversal(
    debits: &[VoucherDebit],
    amount: Money,
) -> Result<Vec<(i64, Money)>, LedgerError> {
    check_amount(amount)?;
    let outstanding: Money = debits.iter().map(|d| d.outstanding.max(Money::ZERO)).sum();
    if amount > outstanding {
        return Err(LedgerError::RefundExceeds {
            refundable: outstanding,
        });
    }
    let mut ordered: Vec<&VoucherDebit> = debits
        .iter()
        .filter(|d| d.outstanding > Money::ZERO)
        .collect();
    ordered.sort_by_key(|d| (std::cmp::Reverse(d.valid_until), d.voucher_id));
    let mut left = amount;
    let mut credits = Vec::new();
    for debit in ordered {
        if left.is_zero() {
            break;
        }
        let give = debit.outstanding.min(left);
        credits.push((debit.voucher_id, give));
        left -= give;
    }
    Ok(credits)
}

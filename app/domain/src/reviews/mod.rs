//! Reviews of completed orders (issue 6, item 9).
//!
//! Only the citizen of a **completed** order may review it, once, on three criteria scored
//! 1..=5 (punctuality, professionalism, kindness) with a text. A review starts `pending` and
//! is moderated by the city — never by the reviewed provider — into `published` or
//! `rejected` (with a reason shown to its author). The provider's staff may reply once to a
//! published review. Only published reviews count in the ratings.
//!
//! Ratings are exact: sums of scores and a count (integers), never floats. Averages are shown
//! with one decimal ([`Average::tenths`]) or two ([`Average::x100`], the JSON API and the
//! catalogue's sort), both rounded half up with integer arithmetic.

mod errors;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::orders::OrderState;

pub use errors::ReviewError;

/// Lowest and highest score of a criterion.
pub const MIN_SCORE: i64 = 1;
pub const MAX_SCORE: i64 = 5;
/// Shortest and longest review text, in characters.
pub const MIN_BODY_CHARS: usize = 10;
pub const MAX_BODY_CHARS: usize = 2_000;
/// Shortest and longest reason for not publishing a review.
pub const MIN_REASON_CHARS: usize = 3;
pub const MAX_REASON_CHARS: usize = 1_000;
/// Shortest and longest reply of the provider.
pub const MIN_REPLY_CHARS: usize = 2;
pub const MAX_REPLY_CHARS: usize = 2_000;

/// The three criteria, in the order forms and pages show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Punctuality,
    Professionalism,
    Kindness,
}

impl Criterion {
    pub const ALL: [Criterion; 3] = [
        Criterion::Punctuality,
        Criterion::Professionalism,
        Criterion::Kindness,
    ];

    /// The form field and column name.
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Punctuality => "punctuality",
            Criterion::Professionalism => "professionalism",
            Criterion::Kindness => "kindness",
        }
    }

    pub fn label_it(self) -> &'static str {
        match self {
            Criterion::Punctuality => "Puntualità",
            Criterion::Professionalism => "Professionalità",
            Criterion::Kindness => "Gentilezza",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Criterion::Punctuality => "Punctuality",
            Criterion::Professionalism => "Professionalism",
            Criterion::Kindness => "Kindness",
        }
    }
}

/// The scores of one review, each 1..=5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub punctuality: i64,
    pub professionalism: i64,
    pub kindness: i64,
}

impl Scores {
    /// Checks each score (a missing one is `None`, as a form without that radio checked).
    pub fn new(
        punctuality: Option<i64>,
        professionalism: Option<i64>,
        kindness: Option<i64>,
    ) -> Result<Scores, ReviewError> {
        let check = |value: Option<i64>, criterion: Criterion| match value {
            Some(v) if (MIN_SCORE..=MAX_SCORE).contains(&v) => Ok(v),
            _ => Err(ReviewError::Score { criterion }),
        };
        Ok(Scores {
            punctuality: check(punctuality, Criterion::Punctuality)?,
            professionalism: check(professionalism, Criterion::Professionalism)?,
            kindness: check(kindness, Criterion::Kindness)?,
        })
    }

    pub fn get(&self, criterion: Criterion) -> i64 {
        match criterion {
            Criterion::Punctuality => self.punctuality,
            Criterion::Professionalism => self.professionalism,
            Criterion::Kindness => self.kindness,
        }
    }

    pub fn total(&self) -> i64 {
        self.punctuality + self.professionalism + self.kindness
    }
}

fn chars_between(
    text: &str,
    min: usize,
    max: usize,
    short: ReviewError,
    long: ReviewError,
) -> Result<&str, ReviewError> {
    let text = text.trim();
    let n = text.chars().count();
    if n < min {
        Err(short)
    } else if n > max {
        Err(long)
    } else {
        Ok(text)
    }
}

/// The review's text, trimmed, within [`MIN_BODY_CHARS`]..=[`MAX_BODY_CHARS`].
pub fn validate_body(text: &str) -> Result<&str, ReviewError> {
    chars_between(
        text,
        MIN_BODY_CHARS,
        MAX_BODY_CHARS,
        ReviewError::BodyTooShort,
        ReviewError::BodyTooLong,
    )
}

/// The reason for not publishing, trimmed.
pub fn validate_reason(text: &str) -> Result<&str, ReviewError> {
    chars_between(
        text,
        MIN_REASON_CHARS,
        MAX_REASON_CHARS,
        ReviewError::ReasonMissing,
        ReviewError::ReasonTooLong,
    )
}

/// The provider's reply, trimmed.
pub fn validate_reply(text: &str) -> Result<&str, ReviewError> {
    chars_between(
        text,
        MIN_REPLY_CHARS,
        MAX_REPLY_CHARS,
        ReviewError::ReplyMissing,
        ReviewError::ReplyTooLong,
    )
}

/// What decides whether a person may review an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Eligibility {
    pub order_state: OrderState,
    /// The person is the order's citizen (staff, the city or anyone else are not).
    pub is_order_citizen: bool,
    /// The order has a review already (whatever its state).
    pub already_reviewed: bool,
}

impl Eligibility {
    /// `Ok` when a review may be written now.
    pub fn check(&self) -> Result<(), ReviewError> {
        if !self.is_order_citizen {
            return Err(ReviewError::NotYourOrder);
        }
        if self.order_state != OrderState::Completed {
            return Err(ReviewError::OrderNotCompleted);
        }
        if self.already_reviewed {
            return Err(ReviewError::AlreadyReviewed);
        }
        Ok(())
    }
}

/// A review's moderation state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Waiting for the city's moderation (not public).
    Pending,
    /// Public, counted in the ratings.
    Published,
    /// Not published; the reason is shown to the author.
    Rejected,
}

impl ReviewState {
    pub const ALL: [ReviewState; 3] = [
        ReviewState::Pending,
        ReviewState::Published,
        ReviewState::Rejected,
    ];

    pub fn parse(code: &str) -> Option<ReviewState> {
        ReviewState::ALL.into_iter().find(|s| s.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Pending => "pending",
            ReviewState::Published => "published",
            ReviewState::Rejected => "rejected",
        }
    }

    pub fn label_it(self) -> &'static str {
        match self {
            ReviewState::Pending => "In moderazione",
            ReviewState::Published => "Pubblicata",
            ReviewState::Rejected => "Non pubblicata",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ReviewState::Pending => "Awaiting moderation",
            ReviewState::Published => "Published",
            ReviewState::Rejected => "Not published",
        }
    }
}

/// Who moderates: only city staff with the reviews permission, and never staff of the
/// reviewed provider (even should one person hold both roles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moderator {
    pub has_permission: bool,
    pub is_staff_of_reviewed_provider: bool,
}

/// The city's decision on a pending review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Publish,
    Reject { reason: String },
}

/// The state a decision leads to, or why it is refused. Only pending reviews are moderated
/// (a published or rejected one stays so), and a rejection needs a reason.
pub fn moderate(
    state: ReviewState,
    moderator: Moderator,
    decision: &Decision,
) -> Result<ReviewState, ReviewError> {
    if !moderator.has_permission || moderator.is_staff_of_reviewed_provider {
        return Err(ReviewError::NotModerator);
    }
    if state != ReviewState::Pending {
        return Err(ReviewError::AlreadyModerated { state });
    }
    match decision {
        Decision::Publish => Ok(ReviewState::Published),
        Decision::Reject { reason } => {
            validate_reason(reason)?;
            Ok(ReviewState::Rejected)
        }
    }
}

/// Whether the provider's staff may reply now: to a published review of their provider,
/// once.
pub fn check_reply(
    state: ReviewState,
    is_staff_of_reviewed_provider: bool,
    already_replied: bool,
) -> Result<(), ReviewError> {
    if !is_staff_of_reviewed_provider {
        return Err(ReviewError::NotYourReview);
    }
    if state != ReviewState::Published {
        return Err(ReviewError::NotPublished);
    }
    if already_replied {
        return Err(ReviewError::AlreadyReplied);
    }
    Ok(())
}

/// An exact average: a sum of scores over a number of scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Average {
    pub sum: i64,
    pub count: i64,
}

/// `numerator / denominator` rounded half up (both non-negative, denominator positive).
fn round_div(numerator: i64, denominator: i64) -> i64 {
    (2 * numerator + denominator) / (2 * denominator)
}

impl Average {
    /// The average × 10, rounded half up (4.35 → 44); `None` without scores.
    pub fn tenths(&self) -> Option<i64> {
        (self.count > 0).then(|| round_div(10 * self.sum, self.count))
    }

    /// The average × 100, rounded half up (13/3 → 433); `None` without scores.
    pub fn x100(&self) -> Option<i64> {
        (self.count > 0).then(|| round_div(100 * self.sum, self.count))
    }

    /// "4,3" (`decimal` = ',') or "4.3"; `None` without scores.
    pub fn one_decimal(&self, decimal: char) -> Option<String> {
        self.tenths()
            .map(|t| format!("{}{decimal}{}", t / 10, t % 10))
    }
}

/// The running totals of a service's (or a provider's) published reviews: what is stored,
/// updated when a review is published, and what every average is computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingTotals {
    pub count: i64,
    pub punctuality: i64,
    pub professionalism: i64,
    pub kindness: i64,
}

impl RatingTotals {
    pub fn add(&mut self, scores: &Scores) {
        self.count += 1;
        self.punctuality += scores.punctuality;
        self.professionalism += scores.professionalism;
        self.kindness += scores.kindness;
    }

    pub fn merge(&mut self, other: &RatingTotals) {
        self.count += other.count;
        self.punctuality += other.punctuality;
        self.professionalism += other.professionalism;
        self.kindness += other.kindness;
    }

    pub fn criterion(&self, criterion: Criterion) -> Average {
        let sum = match criterion {
            Criterion::Punctuality => self.punctuality,
            Criterion::Professionalism => self.professionalism,
            Criterion::Kindness => self.kindness,
        };
        Average {
            sum,
            count: self.count,
        }
    }

    /// The average of every score of every review (each review weighs the same).
    pub fn overall(&self) -> Average {
        Average {
            sum: self.punctuality + self.professionalism + self.kindness,
            count: 3 * self.count,
        }
    }

    /// What the catalogue's index stores for a service: (average × 100, count); `None` for the
    /// average without reviews.
    pub fn index_values(&self) -> (Option<i64>, i64) {
        (self.overall().x100(), self.count)
    }
}

/// How a reviewer is shown in public: first name and the initial of the last ("Giulia R."),
/// so a review is personal without publishing a full name.
pub fn public_name(full_name: &str) -> String {
    let mut words = full_name.split_whitespace();
    match (words.next(), words.last()) {
        (Some(first), Some(last)) => {
            let initial: String = last.chars().take(1).collect();
            format!("{first} {initial}.")
        }
        (Some(first), None) => first.to_string(),
        _ => String::new(),
    }
}

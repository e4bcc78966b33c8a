//! Why a review, a moderation or a reply is refused.

use super::{
    Criterion, MAX_BODY_CHARS, MAX_REASON_CHARS, MAX_REPLY_CHARS, MIN_BODY_CHARS, ReviewState,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    // A new review.
    #[error("{} score missing or outside 1..=5", criterion.as_str())]
    Score { criterion: Criterion },
    #[error("text too short")]
    BodyTooShort,
    #[error("text too long")]
    BodyTooLong,
    #[error("not the person's order")]
    NotYourOrder,
    #[error("order not completed")]
    OrderNotCompleted,
    #[error("order already reviewed")]
    AlreadyReviewed,
    // Moderation.
    #[error("not a moderator of this review")]
    NotModerator,
    #[error("review already {}", state.as_str())]
    AlreadyModerated { state: ReviewState },
    #[error("reason missing")]
    ReasonMissing,
    #[error("reason too long")]
    ReasonTooLong,
    // Replies.
    #[error("review of another provider")]
    NotYourReview,
    #[error("review not published")]
    NotPublished,
    #[error("already replied")]
    AlreadyReplied,
    #[error("reply missing")]
    ReplyMissing,
    #[error("reply too long")]
    ReplyTooLong,
}

/// Every error with its code (the state-carrying one with a representative state).
const CODES: [(ReviewError, &str); 18] = [
    (
        ReviewError::Score {
            criterion: Criterion::Punctuality,
        },
        "score-punctuality",
    ),
    (
        ReviewError::Score {
            criterion: Criterion::Professionalism,
        },
        "score-professionalism",
    ),
    (
        ReviewError::Score {
            criterion: Criterion::Kindness,
        },
        "score-kindness",
    ),
    (ReviewError::BodyTooShort, "body-short"),
    (ReviewError::BodyTooLong, "body-long"),
    (ReviewError::NotYourOrder, "not-your-order"),
    (ReviewError::OrderNotCompleted, "order-not-completed"),
    (ReviewError::AlreadyReviewed, "already-reviewed"),
    (ReviewError::NotModerator, "not-moderator"),
    (
        ReviewError::AlreadyModerated {
            state: ReviewState::Published,
        },
        "already-published",
    ),
    (
        ReviewError::AlreadyModerated {
            state: ReviewState::Rejected,
        },
        "already-rejected",
    ),
    (ReviewError::ReasonMissing, "reason-missing"),
    (ReviewError::ReasonTooLong, "reason-long"),
    (ReviewError::NotYourReview, "not-your-review"),
    (ReviewError::NotPublished, "not-published"),
    (ReviewError::AlreadyReplied, "already-replied"),
    (ReviewError::ReplyMissing, "reply-missing"),
    (ReviewError::ReplyTooLong, "reply-long"),
];

impl ReviewError {
    /// A stable code for URLs (`?errore=review-…`).
    pub fn code(&self) -> &'static str {
        match self {
            ReviewError::AlreadyModerated {
                state: ReviewState::Pending,
            } => "already-published",
            other => CODES
                .iter()
                .find(|(e, _)| e == other)
                .map(|(_, c)| *c)
                .unwrap_or("not-moderator"),
        }
    }

    pub fn from_code(code: &str) -> Option<ReviewError> {
        CODES.iter().find(|(_, c)| *c == code).map(|(e, _)| *e)
    }

    /// The form field to point at, for validation errors.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            ReviewError::Score { criterion } => criterion.as_str(),
            ReviewError::BodyTooShort | ReviewError::BodyTooLong => "body",
            ReviewError::ReasonMissing | ReviewError::ReasonTooLong => "reason",
            ReviewError::ReplyMissing | ReviewError::ReplyTooLong => "reply",
            _ => return None,
        })
    }

    pub fn message_it(&self) -> String {
        match self {
            ReviewError::Score { criterion } => format!(
                "Dai un voto da 1 a 5 alla voce «{}».",
                criterion.label_it()
            ),
            ReviewError::BodyTooShort => format!(
                "Scrivi qualche parola sulla tua esperienza (almeno {MIN_BODY_CHARS} caratteri)."
            ),
            ReviewError::BodyTooLong => {
                format!("La recensione può avere al massimo {MAX_BODY_CHARS} caratteri.")
            }
            ReviewError::NotYourOrder => {
                "Puoi recensire solo i servizi che hai acquistato tu.".into()
            }
            ReviewError::OrderNotCompleted => {
                "Potrai lasciare una recensione quando il servizio sarà concluso.".into()
            }
            ReviewError::AlreadyReviewed => "Hai già lasciato una recensione per questo ordine.".into(),
            ReviewError::NotModerator => {
                "Le recensioni sono moderate dal Comune: non puoi moderare questa recensione.".into()
            }
            ReviewError::AlreadyModerated { state } => format!(
                "La recensione è già stata moderata («{}»).",
                state.label_it()
            ),
            ReviewError::ReasonMissing => {
                "Indica il motivo per cui la recensione non viene pubblicata: sarà comunicato all'autore.".into()
            }
            ReviewError::ReasonTooLong => {
                format!("Il motivo può avere al massimo {MAX_REASON_CHARS} caratteri.")
            }
            ReviewError::NotYourReview => "Questa recensione riguarda un altro ente.".into(),
            ReviewError::NotPublished => {
                "Puoi rispondere solo alle recensioni pubblicate.".into()
            }
            ReviewError::AlreadyReplied => "L'ente ha già risposto a questa recensione.".into(),
            ReviewError::ReplyMissing => "Scrivi il testo della risposta.".into(),
            ReviewError::ReplyTooLong => {
                format!("La risposta può avere al massimo {MAX_REPLY_CHARS} caratteri.")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ReviewError::Score { criterion } => format!(
                "Please give \"{}\" a score from 1 to 5.",
                criterion.label_en()
            ),
            ReviewError::BodyTooShort => format!(
                "Please write a few words about your experience (at least {MIN_BODY_CHARS} characters)."
            ),
            ReviewError::BodyTooLong => {
                format!("A review can have at most {MAX_BODY_CHARS} characters.")
            }
            ReviewError::NotYourOrder => "You can only review services you bought.".into(),
            ReviewError::OrderNotCompleted => {
                "You can leave a review once the service is completed.".into()
            }
            ReviewError::AlreadyReviewed => "You have already reviewed this order.".into(),
            ReviewError::NotModerator => {
                "Reviews are moderated by the City: you cannot moderate this review.".into()
            }
            ReviewError::AlreadyModerated { state } => format!(
                "The review has already been moderated (\"{}\").",
                state.label_en()
            ),
            ReviewError::ReasonMissing => {
                "Please give the reason the review is not published: it will be shown to its author.".into()
            }
            ReviewError::ReasonTooLong => {
                format!("The reason can have at most {MAX_REASON_CHARS} characters.")
            }
            ReviewError::NotYourReview => "This review is about another provider.".into(),
            ReviewError::NotPublished => "You can only reply to published reviews.".into(),
            ReviewError::AlreadyReplied => "Your organisation has already replied to this review.".into(),
            ReviewError::ReplyMissing => "Please write the reply.".into(),
            ReviewError::ReplyTooLong => {
                format!("A reply can have at most {MAX_REPLY_CHARS} characters.")
            }
        }
    }
}

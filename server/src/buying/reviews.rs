//! Reviews of completed orders: the citizen reviews (once, after completion), the city
//! moderates (never the reviewed provider), the provider replies once, everyone reads the
//! published ones. The rules are `domain::reviews`'; this module loads what they need, asks
//! them, and writes the outcome with its e-mail in one transaction (`store::reviews`).

use app::i18n::Locale;
use app::model::{OrderReview, PageRequest, Paged, ReviewView, ReviewsPage, SessionUser};
use app::ports::{BuyingError, ClientInfo, NewReview, Reviews};
use async_trait::async_trait;
use domain::accounts::roles::{Permission, Principal};
use domain::orders::{Actor, OrderState};
use domain::reviews::{
    Decision, Eligibility, Moderator, ReviewError, ReviewState, Scores, check_reply, moderate,
    validate_body, validate_reply,
};

use super::{BuyingService, internal, now};
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;
use crate::store::reviews::{self as store, Listing, Moderation, NewReviewRow, ReviewRow};
use crate::store::{accounts as account_store, audit, orders as order_store};

fn review(e: ReviewError) -> BuyingError {
    BuyingError::Review(e)
}

fn mail(
    to: &str,
    name: &str,
    locale: Locale,
    subject: (&str, &str),
    lines: Vec<String>,
) -> OutgoingMail {
    let subject = match locale {
        Locale::It => subject.0.to_string(),
        Locale::En => subject.1.to_string(),
    };
    OutgoingMail::new(to, (subject, letter(locale, name, &lines)))
}

async fn audit_action(
    s: &BuyingService,
    who: &SessionUser,
    client: &ClientInfo,
    action: &str,
    target: &str,
    subject: Option<i64>,
    reason: &str,
) {
    audit::record_session_action(&s.db, who, client, action, subject, target, reason).await;
}

/// The providers whose staff `who` is (never while assisting a citizen).
async fn staff_providers(s: &BuyingService, who: &SessionUser) -> Result<Vec<i64>, BuyingError> {
    if who.assisted_by.is_some() {
        return Ok(Vec::new());
    }
    order_store::staff_providers(&s.db, who.user_id)
        .await
        .map_err(internal)
}

/// Whether `who` holds the city's reviews-moderation permission (never in assisted mode).
async fn may_moderate(s: &BuyingService, who: &SessionUser) -> Result<bool, BuyingError> {
    if who.assisted_by.is_some() {
        return Ok(false);
    }
    let roles = account_store::roles(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    let principal = Principal::from_rows(
        who.user_id,
        roles.iter().map(|(r, scope)| (r.as_str(), *scope)),
    );
    Ok(principal.has_permission(Permission::ReviewsModeration))
}

async fn load(s: &BuyingService, id: i64) -> Result<ReviewRow, BuyingError> {
    store::by_id(&s.db, id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)
}

fn views(paged: Paged<ReviewRow>, private: bool) -> Paged<ReviewView> {
    Paged {
        total: paged.total,
        page: paged.page,
        per_page: paged.per_page,
        items: paged.items.iter().map(|r| r.view(private)).collect(),
    }
}

async fn order_review(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
) -> Result<OrderReview, BuyingError> {
    let order = super::orders::load(s, reference).await?;
    let actor = super::orders::actor_for(s, who, &order)
        .await?
        .ok_or(BuyingError::NotFound)?;
    let existing = store::by_order(&s.db, order.id).await.map_err(internal)?;
    let state = OrderState::parse(&order.state).ok_or(BuyingError::Internal)?;
    let can_review = Eligibility {
        order_state: state,
        is_order_citizen: actor == Actor::Citizen,
        already_reviewed: existing.is_some(),
    }
    .check()
    .is_ok();
    let review = existing
        .filter(|r| actor != Actor::ProviderStaff || r.state() == ReviewState::Published)
        .map(|r| r.view(true));
    Ok(OrderReview { can_review, review })
}

async fn submit(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    form: &NewReview,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let order = super::orders::load(s, reference).await?;
    let existing = store::by_order(&s.db, order.id).await.map_err(internal)?;
    let eligibility = Eligibility {
        order_state: OrderState::parse(&order.state).ok_or(BuyingError::Internal)?,
        is_order_citizen: order.user_id == Some(who.user_id),
        already_reviewed: existing.is_some(),
    };
    match eligibility.check() {
        // Someone else's order does not exist for them.
        Err(ReviewError::NotYourOrder) => return Err(BuyingError::NotFound),
        other => other.map_err(review)?,
    }
    let scores =
        Scores::new(form.punctuality, form.professionalism, form.kindness).map_err(review)?;
    let body = validate_body(&form.body).map_err(review)?;
    let service_id = store::reviewed_service(&s.db, order.id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let row = NewReviewRow {
        order_id: order.id,
        service_id,
        provider_id: order.provider_id,
        user_id: who.user_id,
        punctuality: scores.punctuality,
        professionalism: scores.professionalism,
        kindness: scores.kindness,
        body: body.to_string(),
        now: now(),
    };
    if store::insert(&s.db, &row)
        .await
        .map_err(internal)?
        .is_none()
    {
        return Err(review(ReviewError::AlreadyReviewed));
    }
    audit_action(
        s,
        who,
        client,
        "review.submitted",
        &order.reference,
        order.user_id,
        "",
    )
    .await;
    Ok(())
}

async fn queue(
    s: &BuyingService,
    who: &SessionUser,
    page: PageRequest,
) -> Result<Paged<ReviewView>, BuyingError> {
    if !may_moderate(s, who).await? {
        return Err(BuyingError::Forbidden);
    }
    let paged = store::page(&s.db, Listing::Pending, page)
        .await
        .map_err(internal)?;
    Ok(views(paged, true))
}

async fn moderate_one(
    s: &BuyingService,
    who: &SessionUser,
    review_id: i64,
    decision: &str,
    reason: &str,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let allowed = may_moderate(s, who).await?;
    if !allowed {
        return Err(BuyingError::Forbidden);
    }
    let r = load(s, review_id).await?;
    let decision = match decision {
        "publish" => Decision::Publish,
        "reject" => Decision::Reject {
            reason: reason.trim().to_string(),
        },
        _ => return Err(BuyingError::InvalidField("decision")),
    };
    let moderator = Moderator {
        has_permission: allowed,
        is_staff_of_reviewed_provider: staff_providers(s, who).await?.contains(&r.provider_id),
    };
    let to = moderate(r.state(), moderator, &decision).map_err(review)?;
    let reason = match &decision {
        Decision::Reject { reason } => reason.clone(),
        Decision::Publish => String::new(),
    };
    let service = |locale: Locale| match locale {
        Locale::It => r.service_name_it.clone(),
        Locale::En => app::model::pick(locale, &r.service_name_it, &r.service_name_en).to_string(),
    };
    let citizen_locale = Locale::from_code(&r.order_locale).unwrap_or_default();
    let order_link = format!(
        "{}/area-personale/ordini/{}",
        s.public_url, r.order_reference
    );
    let mails = match to {
        ReviewState::Published => vec![mail(
            &r.provider_email,
            &r.provider_name,
            Locale::It,
            ("Nuova recensione pubblicata – WeMi", ""),
            vec![
                format!(
                    "il Comune ha pubblicato una recensione del vostro servizio «{}» (ordine {}).",
                    service(Locale::It),
                    r.order_reference
                ),
                format!(
                    "Puntualità {}, professionalità {}, gentilezza {} (su 5).",
                    r.punctuality, r.professionalism, r.kindness
                ),
                format!(
                    "Potete leggerla e rispondere una volta: {}/ente/recensioni",
                    s.public_url
                ),
            ],
        )],
        _ => vec![mail(
            &r.billing_email,
            &r.billing_name,
            citizen_locale,
            (
                "La tua recensione non è stata pubblicata – WeMi",
                "Your review was not published – WeMi",
            ),
            match citizen_locale {
                Locale::It => vec![
                    format!(
                        "la tua recensione del servizio «{}» non è stata pubblicata.",
                        service(citizen_locale)
                    ),
                    format!("Motivo: {reason}"),
                    order_link,
                ],
                Locale::En => vec![
                    format!(
                        "your review of \"{}\" was not published.",
                        service(citizen_locale)
                    ),
                    format!("Reason: {reason}"),
                    order_link,
                ],
            },
        )],
    };
    let m = Moderation {
        review_id: r.id,
        to,
        moderator: who.user_id,
        reason: reason.clone(),
        mails,
        now: now(),
    };
    if !store::moderate(&s.db, &m).await.map_err(internal)? {
        // Someone moderated it meanwhile.
        let state = load(s, review_id).await?.state();
        return Err(review(ReviewError::AlreadyModerated { state }));
    }
    s.mail.wake();
    let action = match to {
        ReviewState::Published => "review.published",
        _ => "review.rejected",
    };
    audit_action(
        s,
        who,
        client,
        action,
        &r.order_reference,
        r.user_id,
        &reason,
    )
    .await;
    Ok(())
}

async fn provider_list(
    s: &BuyingService,
    who: &SessionUser,
    page: PageRequest,
) -> Result<Paged<ReviewView>, BuyingError> {
    let providers = staff_providers(s, who).await?;
    if providers.is_empty() {
        return Err(BuyingError::Forbidden);
    }
    let paged = store::page(&s.db, Listing::Providers(&providers), page)
        .await
        .map_err(internal)?;
    Ok(views(paged, true))
}

async fn reply(
    s: &BuyingService,
    who: &SessionUser,
    review_id: i64,
    body: &str,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let providers = staff_providers(s, who).await?;
    if providers.is_empty() {
        return Err(BuyingError::Forbidden);
    }
    let r = load(s, review_id).await?;
    let staff = providers.contains(&r.provider_id);
    match check_reply(
        r.state(),
        staff,
        !r.reply.is_empty() || r.replied_at.is_some(),
    ) {
        // Another provider's review, or one not public yet: not theirs to see.
        Err(ReviewError::NotYourReview) => return Err(BuyingError::NotFound),
        Err(ReviewError::NotPublished) if r.state() == ReviewState::Pending => {
            return Err(BuyingError::NotFound);
        }
        other => other.map_err(review)?,
    }
    let body = validate_reply(body).map_err(review)?;
    let locale = Locale::from_code(&r.order_locale).unwrap_or_default();
    let link = format!(
        "{}/area-personale/ordini/{}",
        s.public_url, r.order_reference
    );
    let notice = mail(
        &r.billing_email,
        &r.billing_name,
        locale,
        (
            "L'ente ha risposto alla tua recensione – WeMi",
            "The provider replied to your review – WeMi",
        ),
        vec![
            match locale {
                Locale::It => format!("{} ha risposto alla tua recensione:", r.provider_name),
                Locale::En => format!("{} replied to your review:", r.provider_name),
            },
            body.to_string(),
            link,
        ],
    );
    if !store::reply(&s.db, r.id, body, &[notice], now())
        .await
        .map_err(internal)?
    {
        return Err(review(ReviewError::AlreadyReplied));
    }
    s.mail.wake();
    audit_action(
        s,
        who,
        client,
        "review.replied",
        &r.order_reference,
        r.user_id,
        "",
    )
    .await;
    Ok(())
}

async fn service_page(
    s: &BuyingService,
    slug: &str,
    page: PageRequest,
) -> Result<ReviewsPage, BuyingError> {
    let id = store::published_service(&s.db, slug.trim())
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let totals = store::service_totals(&s.db, id).await.map_err(internal)?;
    let paged = store::page(&s.db, Listing::Service(id), page)
        .await
        .map_err(internal)?;
    Ok(ReviewsPage {
        totals,
        reviews: views(paged, false),
    })
}

async fn provider_page(
    s: &BuyingService,
    slug: &str,
    page: PageRequest,
) -> Result<ReviewsPage, BuyingError> {
    let id = store::provider_by_slug(&s.db, slug.trim())
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let totals = store::provider_totals(&s.db, id).await.map_err(internal)?;
    let paged = store::page(&s.db, Listing::Providers(&[id]), page)
        .await
        .map_err(internal)?;
    Ok(ReviewsPage {
        totals,
        reviews: views(paged, false),
    })
}

#[async_trait]
impl Reviews for BuyingService {
    async fn order_review(
        &self,
        who: &SessionUser,
        reference: &str,
    ) -> Result<OrderReview, BuyingError> {
        order_review(self, who, reference).await
    }

    async fn submit_review(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &NewReview,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        submit(self, who, reference, form, client).await
    }

    async fn moderation_queue(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<ReviewView>, BuyingError> {
        queue(self, who, page).await
    }

    async fn moderate_review(
        &self,
        who: &SessionUser,
        review_id: i64,
        decision: &str,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        moderate_one(self, who, review_id, decision, reason, client).await
    }

    async fn provider_reviews(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<ReviewView>, BuyingError> {
        provider_list(self, who, page).await
    }

    async fn reply_to_review(
        &self,
        who: &SessionUser,
        review_id: i64,
        body: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        reply(self, who, review_id, body, client).await
    }

    async fn service_reviews(
        &self,
        service_slug: &str,
        page: PageRequest,
    ) -> Result<ReviewsPage, BuyingError> {
        service_page(self, service_slug, page).await
    }

    async fn provider_public_reviews(
        &self,
        provider_slug: &str,
        page: PageRequest,
    ) -> Result<ReviewsPage, BuyingError> {
        provider_page(self, provider_slug, page).await
    }
}

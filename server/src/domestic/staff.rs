//! City staff (permission `workers_matching`): the applications to validate (interview at a
//! WeMi space, documents checked, outcome with a reason, experience rated per role), and the
//! families' requests with the engine's full ranking. Every look at a person's data is
//! audited with its purpose.

use std::collections::BTreeMap;

use app::i18n::Locale;
use app::model::{
    RequestPage, RequestSummary, SessionUser, StaffApplicationFilter, StaffApplicationList,
    StaffApplicationPage, StaffApplicationRow,
};
use app::ports::{ClientInfo, DomesticError};
use domain::domestic::application::{Outcome, can_decide};
use domain::domestic::{FieldError, Fields, parse_role, role_code};

use super::worker::{document_views, parse_application};
use super::{DomesticService, audit, internal, is_staff, mails, now, rome, today, views};
use crate::store::domestic::{self as store, Event};

const PAGE: i64 = 25;

fn staff_only(who: &SessionUser) -> Result<(), DomesticError> {
    if is_staff(who) {
        Ok(())
    } else {
        Err(DomesticError::Forbidden)
    }
}

pub(super) async fn applications(
    s: &DomesticService,
    who: &SessionUser,
    f: &StaffApplicationFilter,
) -> Result<StaffApplicationList, DomesticError> {
    staff_only(who)?;
    let page = f.page.max(1);
    let (rows, total) = store::staff_page(
        &s.db,
        f.status.as_deref().filter(|s| !s.is_empty()),
        f.role.as_deref().filter(|r| parse_role(r).is_some()),
        f.municipio.filter(|m| (1..=9).contains(m)),
        f.text.as_deref(),
        PAGE,
        (i64::from(page) - 1) * PAGE,
    )
    .await
    .map_err(internal)?;
    Ok(StaffApplicationList {
        rows: rows
            .into_iter()
            .map(|r| StaffApplicationRow {
                id: r.id,
                name: r.full_name,
                roles: r
                    .roles
                    .split(',')
                    .filter(|r| !r.is_empty())
                    .map(String::from)
                    .collect(),
                municipio: r.municipio,
                status: r.status,
                submitted_at: r.submitted_at.map(rome).unwrap_or_default(),
                documents: r.documents,
                documents_verified: r.verified,
            })
            .collect(),
        total,
        page,
        pages: ((total + PAGE - 1) / PAGE).max(1) as u32,
    })
}

pub(super) async fn application(
    s: &DomesticService,
    who: &SessionUser,
    id: i64,
    locale: Locale,
    client: &ClientInfo,
) -> Result<StaffApplicationPage, DomesticError> {
    staff_only(who)?;
    let row = store::application(&s.db, id)
        .await
        .map_err(internal)?
        .filter(|r| r.status != "draft")
        .ok_or(DomesticError::NotFound)?;
    audit(
        s,
        who,
        client,
        "domestic.application_viewed",
        Some(row.user_id),
        &format!("application:{id}"),
        "validation",
    )
    .await;
    let doc = parse_application(&row.data);
    let ratings: BTreeMap<String, u8> = serde_json::from_str(&row.ratings).unwrap_or_default();
    let spaces = crate::store::appointments::spaces(&s.db)
        .await
        .map_err(internal)?;
    let proposals = store::proposals_of_application(&s.db, id)
        .await
        .map_err(internal)?
        .iter()
        .map(|p| views::worker_proposal(p, locale))
        .collect();
    Ok(StaffApplicationPage {
        id,
        status: row.status.clone(),
        email: row.email.clone(),
        missing: doc.missing().iter().map(|s| s.code().to_string()).collect(),
        documents: document_views(store::documents(&s.db, id).await.map_err(internal)?),
        decision_reason: row.decision_reason.clone(),
        decided_at: row.decided_at.map(rome),
        ratings: ratings.into_iter().collect(),
        years: doc
            .roles()
            .into_iter()
            .map(|r| (role_code(r).to_string(), doc.years_in(r, today())))
            .collect(),
        documents_verified: row.documents_verified_at.is_some(),
        interview: row.interview_at.map(|at| {
            format!(
                "{} — {}",
                rome(at),
                row.interview_space.clone().unwrap_or_default()
            )
        }),
        spaces,
        engaged: row.engaged,
        assisted: row.assisted_by.is_some(),
        proposals,
        doc,
    })
}

/// `action=decide` (outcome, reason, `rating_<role>`), `verify`, `interview` (`space_id`,
/// `at` as a Rome `datetime-local`).
pub(super) async fn act(
    s: &DomesticService,
    who: &SessionUser,
    id: i64,
    f: &Fields,
    locale: Locale,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    staff_only(who)?;
    let row = store::application(&s.db, id)
        .await
        .map_err(internal)?
        .filter(|r| r.status != "draft")
        .ok_or(DomesticError::NotFound)?;
    let worker_locale = Locale::from_param(Some(&row.locale));
    let _ = locale;
    match f.get("action") {
        "verify" => {
            store::verify_documents(&s.db, id, who.user_id, now())
                .await
                .map_err(internal)?;
            audit(
                s,
                who,
                client,
                "domestic.documents_verified",
                Some(row.user_id),
                &format!("application:{id}"),
                "",
            )
            .await;
            Ok(())
        }
        "interview" => {
            let mut errors = Vec::new();
            let space = f.number("space_id", 1, i64::MAX, true, &mut errors);
            let at = domain::rome_time::unix_from_rome_local(f.get("at"));
            if at.is_none() {
                errors.push(FieldError::new("at", "invalid"));
            }
            let at = at.and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok());
            if let Some(t) = at
                && t < now()
            {
                errors.push(FieldError::new("at", "past"));
            }
            let (Some(space), Some(at), true) = (space, at, errors.is_empty()) else {
                return Err(DomesticError::Fields(errors));
            };
            let place = crate::store::appointments::space(&s.db, space)
                .await
                .map_err(internal)?
                .ok_or(DomesticError::Fields(vec![FieldError::new(
                    "space_id", "invalid",
                )]))?;
            let when = rome(at);
            let events = [Event {
                user_id: row.user_id,
                kind: "application",
                reference: id.to_string(),
                code: "interview".into(),
            }];
            let mail = mails::interview_booked(
                s,
                &row.email,
                &row.name,
                worker_locale,
                &when,
                &format!("{} — {}", place.name, place.address),
            );
            if !store::book_interview(&s.db, id, at, space, &events, &[mail], now())
                .await
                .map_err(internal)?
            {
                return Err(DomesticError::Rule("not-allowed"));
            }
            s.mail.wake();
            audit(
                s,
                who,
                client,
                "domestic.interview_booked",
                Some(row.user_id),
                &format!("application:{id}"),
                &when,
            )
            .await;
            Ok(())
        }
        "decide" => {
            let mut errors = Vec::new();
            let outcome = Outcome::parse(f.get("outcome"));
            if outcome.is_none() {
                errors.push(FieldError::new("outcome", "required"));
            }
            let reason = f.text("reason", &mut errors);
            if outcome.is_some_and(|o| o != Outcome::Suitable) && reason.is_empty() {
                errors.push(FieldError::new("reason", "required"));
            }
            let doc = parse_application(&row.data);
            let mut ratings = BTreeMap::new();
            for role in doc.roles() {
                let name = format!("rating_{}", role_code(role));
                let rating = f.number(&name, 1, 5, outcome == Some(Outcome::Suitable), &mut errors);
                if let Some(r) = rating {
                    ratings.insert(role_code(role).to_string(), r as u8);
                }
            }
            let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
                return Err(DomesticError::Fields(errors));
            };
            if !can_decide(&row.status) {
                return Err(DomesticError::Rule("not-allowed"));
            }
            let events = [Event {
                user_id: row.user_id,
                kind: "application",
                reference: id.to_string(),
                code: outcome.code().into(),
            }];
            let mail = mails::application_decided(
                s,
                &row.email,
                &row.name,
                worker_locale,
                outcome,
                &reason,
            );
            let ratings_json = serde_json::to_string(&ratings).unwrap_or_else(|_| "{}".into());
            if !store::decide(
                &s.db,
                id,
                outcome.status(),
                &reason,
                &ratings_json,
                who.user_id,
                &events,
                &[mail],
                now(),
            )
            .await
            .map_err(internal)?
            {
                return Err(DomesticError::Rule("not-allowed"));
            }
            s.mail.wake();
            audit(
                s,
                who,
                client,
                &format!("domestic.application_{}", outcome.code()),
                Some(row.user_id),
                &format!("application:{id}"),
                &reason,
            )
            .await;
            Ok(())
        }
        _ => Err(DomesticError::Rule("not-allowed")),
    }
}

pub(super) async fn requests(
    s: &DomesticService,
    who: &SessionUser,
    state: Option<String>,
) -> Result<Vec<RequestSummary>, DomesticError> {
    staff_only(who)?;
    let state = state.filter(|s| s == "open" || s == "closed");
    Ok(store::all_requests(&s.db, state.as_deref())
        .await
        .map_err(internal)?
        .iter()
        .map(|r| views::summary(r, true))
        .collect())
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn request(
    s: &DomesticService,
    who: &SessionUser,
    reference: &str,
    excluded: bool,
    min_score: u32,
    locale: Locale,
    client: &ClientInfo,
) -> Result<RequestPage, DomesticError> {
    staff_only(who)?;
    let request = store::request(&s.db, reference)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    audit(
        s,
        who,
        client,
        "domestic.request_viewed",
        Some(request.user_id),
        reference,
        "matching",
    )
    .await;
    super::family::build_page(s, &request, true, excluded, min_score.min(100), locale).await
}

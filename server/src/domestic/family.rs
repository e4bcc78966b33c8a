//! The family's side: the request, its shortlist from the engine (anonymous profiles), the
//! proposals and their outcome, feedback. City staff reach the same proposals' actions.

use app::i18n::Locale;
use app::model::{FormDraft, RequestPage, RequestSummary, SessionUser};
use app::ports::{ClientInfo, DomesticError, ProposalAction};
use domain::domestic::proposals::{Action, Actor, MAX_OPEN_PER_REQUEST, feedback_open, transition};
use domain::domestic::{FamilyRequestDoc, Fields, HiringMode, ProposalState};
use domain::matching::{Candidate, Exclusion, WorkerProfile, exclusions, rank, score};

use super::worker::{draft_of, keepable, parse_application};
use super::{DomesticService, audit, internal, is_staff, mails, now, today, views};
use crate::store::domestic::{self as store, Event, Proposed, RequestRow};

/// How many profiles the family's shortlist shows.
pub const SHORTLIST: usize = 10;

/// What of a request form may be kept as a draft: health data (conditions, mobility) only
/// with the family's consent, never otherwise, not even for a moment.
fn keepable_request(fields: &Fields) -> Vec<(String, String)> {
    let consented = fields.flag("health_consent");
    keepable(fields)
        .into_iter()
        .filter(|(k, _)| consented || !(k.ends_with("_conditions") || k.ends_with("_mobility")))
        .collect()
}

fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let code: String = (0..6)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    let (y, m, d, ..) = domain::rome_time::rome_from_unix(now().unix_timestamp());
    format!("LD-{y:04}{m:02}{d:02}-{code}")
}

fn new_key() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::thread_rng().r#gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The form with its draft and the estimate of what the draft says so far.
pub(super) async fn form(
    s: &DomesticService,
    who: &SessionUser,
) -> Result<app::model::RequestForm, DomesticError> {
    let draft = draft(s, who).await?;
    let fields = Fields::new(draft.fields.clone());
    let estimate = domain::domestic::request::estimate_from_form(&fields)
        .as_ref()
        .and_then(views::estimate);
    Ok(app::model::RequestForm { draft, estimate })
}

/// Keeps the form as typed (no errors shown), for the estimate.
pub(super) async fn preview(
    s: &DomesticService,
    who: &SessionUser,
    fields: &Fields,
) -> Result<(), DomesticError> {
    let draft = FormDraft {
        fields: keepable_request(fields),
        errors: Vec::new(),
    };
    let json = serde_json::to_string(&draft).unwrap_or_default();
    store::save_form_draft(&s.db, who.user_id, "request", &json, now())
        .await
        .map_err(internal)
}

async fn draft(s: &DomesticService, who: &SessionUser) -> Result<FormDraft, DomesticError> {
    let mut draft = draft_of(
        store::form_draft(&s.db, who.user_id, "request")
            .await
            .map_err(internal)?,
    );
    // Each form carries its own submission key: a repeated post of it is one request.
    if draft.value("submit_key").is_none_or(|k| k.is_empty()) {
        draft.fields.retain(|(k, _)| k != "submit_key");
        draft.fields.push(("submit_key".into(), new_key()));
    }
    Ok(draft)
}

pub(super) async fn create(
    s: &DomesticService,
    who: &SessionUser,
    fields: &Fields,
    key: &str,
    locale: Locale,
    client: &ClientInfo,
) -> Result<String, DomesticError> {
    let key = key.trim();
    if key.len() < 16 || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(DomesticError::Rule("form-expired"));
    }
    let doc = match FamilyRequestDoc::read(fields, today()) {
        Ok(doc) => doc,
        Err(errors) => {
            let draft = FormDraft {
                fields: keepable_request(fields),
                errors: errors.clone(),
            };
            let json = serde_json::to_string(&draft).unwrap_or_default();
            store::save_form_draft(&s.db, who.user_id, "request", &json, now())
                .await
                .map_err(internal)?;
            return Err(DomesticError::Fields(errors));
        }
    };
    let reference = new_reference();
    let data = serde_json::to_string(&doc).map_err(|_| DomesticError::Internal)?;
    let mail = mails::request_created(s, &who.email, &who.name, locale, &reference);
    let stored = store::insert_request(
        &s.db,
        &reference,
        who.user_id,
        &data,
        &doc.role,
        i64::from(doc.municipio),
        &format!("{}:{key}", who.user_id),
        &[mail],
        now(),
    )
    .await
    .map_err(internal)?;
    store::clear_form_drafts(&s.db, who.user_id, "request")
        .await
        .map_err(internal)?;
    if stored == reference {
        s.mail.wake();
        let consent = if doc.health_consent {
            "health data with consent"
        } else {
            ""
        };
        audit(
            s,
            who,
            client,
            "domestic.request_created",
            Some(who.user_id),
            &reference,
            consent,
        )
        .await;
    }
    Ok(stored)
}

pub(super) async fn mine(
    s: &DomesticService,
    who: &SessionUser,
) -> Result<Vec<RequestSummary>, DomesticError> {
    Ok(store::requests_of(&s.db, who.user_id)
        .await
        .map_err(internal)?
        .iter()
        .map(|r| views::summary(r, false))
        .collect())
}

/// The request's ranking: every candidate of its role (with `all`, also those not validated,
/// for the staff) as (application id, document, profile).
pub(super) async fn ranking(
    s: &DomesticService,
    request: &RequestRow,
    all: bool,
) -> Result<Vec<(i64, domain::domestic::WorkerApplication, WorkerProfile)>, DomesticError> {
    let doc = views::parse_request(&request.data);
    let Some(role) = doc.role() else {
        return Ok(Vec::new());
    };
    let rows = store::candidates(&s.db, &request.role, all)
        .await
        .map_err(internal)?;
    let today = today();
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let app = parse_application(&r.data);
            let ratings: std::collections::BTreeMap<String, u8> =
                serde_json::from_str(&r.ratings).unwrap_or_default();
            let rating = ratings.get(&request.role).copied();
            let profile =
                app.to_profile(r.id, role, r.status == "suitable", r.engaged, rating, today)?;
            Some((r.id, app, profile))
        })
        .collect())
}

fn owner_or_staff(who: &SessionUser, request: &RequestRow) -> Result<Actor, DomesticError> {
    if request.user_id == who.user_id {
        Ok(Actor::Family)
    } else if is_staff(who) {
        Ok(Actor::Staff)
    } else {
        Err(DomesticError::NotFound)
    }
}

/// The page of a request, for its family (`staff`: the staff's view, with `excluded` the
/// workers the hard constraints leave out, and a minimum score).
pub(super) async fn build_page(
    s: &DomesticService,
    request: &RequestRow,
    staff: bool,
    excluded: bool,
    min_score: u32,
    locale: Locale,
) -> Result<RequestPage, DomesticError> {
    let doc = views::parse_request(&request.data);
    let proposals = store::proposals_of_request(&s.db, request.id)
        .await
        .map_err(internal)?;
    let open = proposals
        .iter()
        .filter(|p| ProposalState::parse(&p.state).is_some_and(|s| s.is_open()))
        .count();
    let proposed: Vec<i64> = proposals.iter().map(|p| p.application_id).collect();
    let mut shortlist = Vec::new();
    let mut left_out = 0;
    if let (Some(matching), Some(role), "open") =
        (doc.to_matching(), doc.role(), request.state.as_str())
    {
        let candidates = ranking(s, request, staff && excluded).await?;
        let profiles: Vec<WorkerProfile> = candidates.iter().map(|(_, _, p)| p.clone()).collect();
        let (ranked, out) = rank(&matching, &profiles);
        left_out = out;
        let limit = if staff { 100 } else { SHORTLIST };
        for c in ranked.iter().filter(|c| c.score >= min_score).take(limit) {
            if let Some((id, app, _)) = candidates.iter().find(|(id, _, _)| *id == c.worker_id) {
                shortlist.push(views::candidate(
                    *id,
                    app,
                    Some(c),
                    &[],
                    role,
                    proposed.contains(id),
                    locale,
                ));
            }
        }
        if staff && excluded {
            for (id, app, profile) in &candidates {
                let why = exclusions(&matching, profile);
                if !why.is_empty() {
                    shortlist.push(views::candidate(
                        *id,
                        app,
                        None,
                        &why,
                        role,
                        proposed.contains(id),
                        locale,
                    ));
                }
            }
        }
    }
    Ok(RequestPage {
        reference: request.reference.clone(),
        state: request.state.clone(),
        created_at: super::rome(request.created_at),
        estimate: views::estimate(&doc),
        doc,
        shortlist,
        left_out,
        proposals: proposals
            .iter()
            .map(|p| views::proposal(p, locale, staff))
            .collect(),
        can_propose: request.state == "open" && open < MAX_OPEN_PER_REQUEST,
        service_rating: request.service_rating,
        service_feedback: request.service_feedback.clone(),
        family: staff.then(|| app::model::ContactView {
            name: request.family_name.clone(),
            email: request.family_email.clone(),
            phone: request.family_phone.clone(),
            address: views::parse_request(&request.data).address,
        }),
    })
}

pub(super) async fn page(
    s: &DomesticService,
    who: &SessionUser,
    reference: &str,
    locale: Locale,
    _client: &ClientInfo,
) -> Result<RequestPage, DomesticError> {
    let request = store::request(&s.db, reference)
        .await
        .map_err(internal)?
        .filter(|r| r.user_id == who.user_id)
        .ok_or(DomesticError::NotFound)?;
    build_page(s, &request, false, false, 0, locale).await
}

pub(super) async fn propose(
    s: &DomesticService,
    who: &SessionUser,
    reference: &str,
    application_id: i64,
    locale: Locale,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    let request = store::request(&s.db, reference)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    let actor = owner_or_staff(who, &request)?;
    if request.state != "open" {
        return Err(DomesticError::Rule("request-closed"));
    }
    let doc = views::parse_request(&request.data);
    let matching = doc.to_matching().ok_or(DomesticError::Internal)?;
    // Only a worker the engine would propose: validated, free, covering the hours...
    let candidates = ranking(s, &request, false).await?;
    let (app, profile) = candidates
        .iter()
        .find(|(id, _, _)| *id == application_id)
        .map(|(_, a, p)| (a, p))
        .ok_or(DomesticError::Rule("not-proposable"))?;
    let why: Vec<Exclusion> = exclusions(&matching, profile);
    if !why.is_empty() {
        return Err(DomesticError::Rule("not-proposable"));
    }
    let Candidate { score, reasons, .. } = score(&matching, profile);
    let worker = store::application(&s.db, application_id)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    let _ = app;
    let worker_locale = Locale::from_param(Some(&worker.locale));
    let events = [Event {
        user_id: worker.user_id,
        kind: "proposal",
        reference: request.reference.clone(),
        code: "proposed".into(),
    }];
    let mail = mails::proposal_received(s, &worker.email, &worker.name, worker_locale);
    let by = if actor == Actor::Staff {
        "staff"
    } else {
        "family"
    };
    let result = store::insert_proposal(
        &s.db,
        request.id,
        application_id,
        by,
        who.user_id,
        i64::from(score),
        &serde_json::to_string(&reasons).unwrap_or_else(|_| "[]".into()),
        MAX_OPEN_PER_REQUEST as i64,
        &events,
        &[mail],
        now(),
    )
    .await
    .map_err(internal)?;
    match result {
        Proposed::Ok => {
            s.mail.wake();
            audit(
                s,
                who,
                client,
                "domestic.proposed",
                Some(worker.user_id),
                &format!("{} application:{application_id}", request.reference),
                by,
            )
            .await;
            let _ = locale;
            Ok(())
        }
        Proposed::Already => Err(DomesticError::Rule("already-proposed")),
        Proposed::Full => Err(DomesticError::Rule("too-many-proposals")),
    }
}

pub(super) async fn act(
    s: &DomesticService,
    who: &SessionUser,
    form: &ProposalAction,
    locale: Locale,
    client: &ClientInfo,
) -> Result<String, DomesticError> {
    let p = store::proposal(&s.db, form.proposal_id)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    let actor = if p.worker_user_id == who.user_id {
        Actor::Worker
    } else if p.family_user_id == who.user_id {
        Actor::Family
    } else if is_staff(who) {
        Actor::Staff
    } else {
        return Err(DomesticError::NotFound);
    };
    let state = ProposalState::parse(&p.state).ok_or(DomesticError::Internal)?;
    let reason: String = form
        .reason
        .chars()
        .filter(|c| !c.is_control())
        .take(500)
        .collect();
    if form.action == "feedback" {
        if actor != Actor::Family || !feedback_open(state) {
            return Err(DomesticError::Rule("not-allowed"));
        }
        let rating =
            form.worker_rating
                .filter(|r| (1..=5).contains(r))
                .ok_or(DomesticError::Fields(vec![
                    domain::domestic::FieldError::new("worker_rating", "required"),
                ]))?;
        let text: String = form.worker_feedback.chars().take(2000).collect();
        store::worker_feedback(&s.db, p.id, rating, text.trim())
            .await
            .map_err(internal)?;
        if let Some(service) = form.service_rating.filter(|r| (1..=5).contains(r)) {
            let text: String = form.service_feedback.chars().take(2000).collect();
            store::service_feedback(&s.db, p.request_id, service, text.trim())
                .await
                .map_err(internal)?;
        }
        audit(s, who, client, "domestic.feedback", None, &p.reference, "").await;
        return Ok(p.reference);
    }
    let action = match form.action.as_str() {
        "accept" => Action::Accept,
        "decline" => Action::Decline,
        "withdraw" => Action::Withdraw,
        "hired" => Action::Hired(HiringMode::parse(&form.hiring_mode)),
        "not_hired" => Action::NotHired,
        _ => return Err(DomesticError::Rule("not-allowed")),
    };
    let next =
        transition(state, action, actor, &reason).map_err(|e| DomesticError::Rule(e.code()))?;
    let mode = match action {
        Action::Hired(Some(mode)) => Some(mode.code()),
        _ => None,
    };
    // Who hears of it: the family of the worker's answer, the worker of the family's moves.
    let (to_user, to_email, to_name, to_locale, kind) = match actor {
        Actor::Worker => (
            p.family_user_id,
            p.family_email.clone(),
            p.family_name.clone(),
            p.family_locale.clone(),
            "request",
        ),
        _ => (
            p.worker_user_id,
            p.worker_email.clone(),
            p.worker_name.clone(),
            p.worker_locale.clone(),
            "proposal",
        ),
    };
    let events = [Event {
        user_id: to_user,
        kind,
        reference: p.reference.clone(),
        code: next.code().into(),
    }];
    let mail = mails::proposal_moved(
        s,
        &to_email,
        &to_name,
        Locale::from_param(Some(&to_locale)),
        next,
        &p.reference,
        actor == Actor::Worker,
    );
    let engage = (next == ProposalState::Hired).then_some(p.application_id);
    if !store::move_proposal(
        &s.db,
        p.id,
        p.version,
        next.code(),
        &reason,
        mode,
        engage,
        &events,
        &[mail],
        now(),
    )
    .await
    .map_err(internal)?
    {
        return Err(DomesticError::Rule("changed"));
    }
    s.mail.wake();
    let subject = if actor == Actor::Worker {
        p.family_user_id
    } else {
        p.worker_user_id
    };
    audit(
        s,
        who,
        client,
        &format!("domestic.proposal_{}", next.code()),
        Some(subject),
        &format!("{} proposal:{}", p.reference, p.id),
        &reason,
    )
    .await;
    let _ = locale;
    Ok(p.reference)
}

pub(super) async fn close(
    s: &DomesticService,
    who: &SessionUser,
    reference: &str,
    client: &ClientInfo,
) -> Result<(), DomesticError> {
    let request = store::request(&s.db, reference)
        .await
        .map_err(internal)?
        .ok_or(DomesticError::NotFound)?;
    owner_or_staff(who, &request)?;
    if store::close_request(&s.db, request.id, now())
        .await
        .map_err(internal)?
    {
        audit(
            s,
            who,
            client,
            "domestic.request_closed",
            Some(request.user_id),
            reference,
            "",
        )
        .await;
    }
    Ok(())
}

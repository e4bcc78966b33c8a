//! Building what the pages show from stored rows: shortlist profiles (anonymous), proposals
//! (contacts only once accepted), the worker's view of a job, the calculator's estimate.

use app::i18n::Locale;
use app::model::{
    CandidateView, ContactView, EstimateView, ProposalView, RequestSummary, WorkerProposalView,
};
use domain::domestic::fields::{day_ranges, slot_time};
use domain::domestic::{
    FamilyRequestDoc, ProposalState, WorkerApplication, contacts_visible, minimum_hourly_cents,
    skills,
};
use domain::matching::{Candidate, Exclusion, Reason, WeekCalendar};
use domain::money::Money;

use super::rome;
use super::worker::parse_application;
use crate::store::domestic::{ProposalRow, RequestRow};

pub(super) fn parse_request(data: &str) -> FamilyRequestDoc {
    serde_json::from_str(data).unwrap_or_else(|err| {
        tracing::error!(%err, "a request's stored document does not read");
        FamilyRequestDoc::default()
    })
}

pub(super) fn euros(cents: i64) -> String {
    format!("{} €", Money::from_cents(cents).format_it())
}

pub(super) fn reason_text(r: &Reason, locale: Locale) -> String {
    match locale {
        Locale::It => r.message_it(),
        Locale::En => r.message_en(),
    }
}

pub(super) fn exclusion_text(e: &Exclusion, locale: Locale) -> String {
    match locale {
        Locale::It => e.message_it(),
        Locale::En => e.message_en(),
    }
}

/// "Profilo 0042" / "Profile 0042": the only name a shortlisted worker has.
pub(super) fn profile_code(application_id: i64, locale: Locale) -> String {
    match locale {
        Locale::It => format!("Profilo {application_id:04}"),
        Locale::En => format!("Profile {application_id:04}"),
    }
}

pub(super) fn hours(slots: u32) -> String {
    if slots.is_multiple_of(2) {
        format!("{}", slots / 2)
    } else {
        format!("{},5", slots / 2)
    }
}

/// "lun 09:00–12:00; mer 09:00–12:00".
pub(super) fn schedule(bits: [u64; 7], locale: Locale) -> String {
    const IT: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let calendar = WeekCalendar::from_bits(bits);
    let names = if locale == Locale::En { EN } else { IT };
    (0..7)
        .filter_map(|day| {
            let ranges = day_ranges(&calendar, day);
            (!ranges.is_empty()).then(|| {
                let spans: Vec<String> = ranges
                    .iter()
                    .map(|(a, b)| format!("{}–{}", slot_time(*a), slot_time(*b)))
                    .collect();
                format!("{} {}", names[day], spans.join(", "))
            })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn skill_labels(codes: &[String], locale: Locale) -> Vec<String> {
    codes
        .iter()
        .map(|c| skills::label(c, locale == Locale::En).to_string())
        .collect()
}

pub(super) fn candidate(
    application_id: i64,
    doc: &WorkerApplication,
    c: Option<&Candidate>,
    exclusions: &[Exclusion],
    role: domain::matching::Role,
    already_proposed: bool,
    locale: Locale,
) -> CandidateView {
    CandidateView {
        application_id,
        code: profile_code(application_id, locale),
        score: c.map_or(0, |c| c.score),
        reasons: c
            .map(|c| c.reasons.iter().map(|r| reason_text(r, locale)).collect())
            .unwrap_or_default(),
        years: doc.years_in(role, super::today()),
        italian: doc.italian.clone(),
        languages: doc.languages.clone(),
        skills: skill_labels(
            &doc.skills
                .iter()
                .filter(|s| skills::is_skill_of(role, s))
                .cloned()
                .collect::<Vec<_>>(),
            locale,
        ),
        already_proposed,
        exclusions: exclusions
            .iter()
            .map(|e| exclusion_text(e, locale))
            .collect(),
    }
}

/// A proposal on the family's (or staff's) page: the worker's contacts once accepted.
pub(super) fn proposal(p: &ProposalRow, locale: Locale, staff: bool) -> ProposalView {
    let state = ProposalState::parse(&p.state).unwrap_or(ProposalState::Proposed);
    let reasons: Vec<Reason> = serde_json::from_str(&p.reasons).unwrap_or_default();
    let contact = (contacts_visible(state) || staff).then(|| {
        let doc = parse_application(&p.worker_data);
        ContactView {
            name: p.worker_name.clone(),
            email: p.worker_email.clone(),
            phone: doc.phone.clone(),
            address: String::new(),
        }
    });
    ProposalView {
        id: p.id,
        application_id: p.application_id,
        code: profile_code(p.application_id, locale),
        state: p.state.clone(),
        score: p.score,
        reasons: reasons.iter().map(|r| reason_text(r, locale)).collect(),
        proposed_by: p.proposed_by.clone(),
        created_at: rome(p.created_at),
        reason: p.reason.clone(),
        hiring_mode: p.hiring_mode.clone(),
        worker_rating: p.worker_rating,
        worker_feedback: p.worker_feedback.clone(),
        contact,
    }
}

/// A proposal as its worker sees it: the job; the family only once accepted.
pub(super) fn worker_proposal(p: &ProposalRow, locale: Locale) -> WorkerProposalView {
    let state = ProposalState::parse(&p.state).unwrap_or(ProposalState::Proposed);
    let doc = parse_request(&p.request_data);
    WorkerProposalView {
        id: p.id,
        reference: p.reference.clone(),
        role: doc.role.clone(),
        regime: doc.regime.clone(),
        municipio: i64::from(doc.municipio),
        weekly_hours: hours(doc.weekly_slots()),
        schedule: schedule(doc.calendar, locale),
        start: domain::date::Date::parse(&doc.start)
            .map(|d| d.format_it())
            .unwrap_or_default(),
        offered_hourly: euros(doc.offered_hourly_cents),
        tasks: skill_labels(&doc.tasks, locale),
        state: p.state.clone(),
        created_at: rome(p.created_at),
        family: contacts_visible(state).then(|| ContactView {
            name: p.family_name.clone(),
            email: p.family_email.clone(),
            phone: p.family_phone.clone(),
            address: doc.address.clone(),
        }),
    }
}

pub(super) fn summary(r: &RequestRow, staff: bool) -> RequestSummary {
    RequestSummary {
        reference: r.reference.clone(),
        role: r.role.clone(),
        municipio: r.municipio,
        state: r.state.clone(),
        created_at: rome(r.created_at),
        proposals: r.proposals,
        family: if staff {
            r.family_name.clone()
        } else {
            String::new()
        },
    }
}

/// The calculator's figures for the request (hourly regime, the role's level, the weekly
/// hours of its calendar, the pay offered).
pub(super) fn estimate(doc: &FamilyRequestDoc) -> Option<EstimateView> {
    let input = doc.calculator_input()?;
    let result = domain::calculator::compute(&input, &[]).ok()?;
    let role = doc.role()?;
    let query = format!(
        "regime=hourly&level={}&weekly_hours={}&hourly_pay={}",
        input.level,
        input.weekly_hours,
        Money::from_cents(doc.offered_hourly_cents)
    );
    Some(EstimateView {
        weekly_hours: hours(doc.weekly_slots()),
        hourly_pay: euros(doc.offered_hourly_cents),
        minimum_hourly: euros(minimum_hourly_cents(role)),
        monthly_average_cost: format!("{} €", result.monthly_average_cost.format_it()),
        annual_employer_cost: format!("{} €", result.annual_employer_cost.format_it()),
        calculator_query: query,
    })
}

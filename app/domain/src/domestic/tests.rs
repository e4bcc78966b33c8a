use super::application::Outcome;
use super::fields::{half_hour, slot_time};
use super::proposals::{Action, ProposalError, transition};
use super::*;
use crate::date::Date;
use crate::matching::{Regime, Role, rank};

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    Fields::new(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn personal() -> Fields {
    fields(&[
        ("first_name", "Maria"),
        ("last_name", "Rossi"),
        ("birth_date", "1980-05-01"),
        ("fiscal_code", "RSSMRA80E41F205X"),
        ("nationality", "Peruviana"),
        ("eu_citizen", "no"),
        ("phone", "+39 333 1234567"),
        ("address", "Via Padova 10"),
        ("municipio", "2"),
    ])
}

/// A complete application for a badante, hourly, weekday mornings, Municipio 2.
fn complete() -> WorkerApplication {
    let mut a = WorkerApplication::default();
    let fc = crate::fiscal_code::normalize_fiscal_code("RSSMRA80E41F205X");
    let mut p = personal();
    if fc.is_err() {
        // Any valid code will do for the other tests; the personal step test checks this one.
        p.0.retain(|(k, _)| k != "fiscal_code");
        p.0.push(("fiscal_code".into(), "MRARSS80A41F205D".into()));
    }
    let _ = a.read_step(Step::Personal, &p, today());
    a.saved.retain(|s| *s != Step::Personal);
    a.first_name = "Maria".into();
    a.eu_citizen = false;
    a.municipio = 2;
    a.saved.push(Step::Personal);
    a.read_step(
        Step::Documents,
        &fields(&[
            ("id_document_kind", "passport"),
            ("id_document_number", "AB123"),
            ("id_document_expiry", "2030-01-01"),
            ("permit_number", "PS999"),
            ("permit_expiry", "2026-12-20"),
        ]),
        today(),
    )
    .unwrap();
    a.read_step(
        Step::Education,
        &fields(&[
            ("employment_status", "unemployed"),
            ("available_from", "2026-12-01"),
            ("education", "upper_secondary"),
            ("courses", "carer"),
            ("italian", "B1"),
            ("languages", "es"),
        ]),
        today(),
    )
    .unwrap();
    a.read_step(
        Step::Experience,
        &fields(&[
            ("action", "add"),
            ("exp_role", "badante"),
            ("exp_employer", "family"),
            ("exp_from", "2018-01"),
            ("exp_to", "2023-12"),
        ]),
        today(),
    )
    .unwrap();
    a.read_step(Step::About, &fields(&[("driving_licence", "1")]), today())
        .unwrap();
    a.read_step(
        Step::Roles,
        &fields(&[
            ("roles", "badante"),
            ("skills", "bd_hygiene"),
            ("skills", "bd_dementia"),
            ("skills", "colf_cleaning"),
        ]),
        today(),
    )
    .unwrap();
    a.read_step(
        Step::Availability,
        &fields(&[
            ("badante_regimes", "hourly"),
            ("badante_d0_from", "08:00"),
            ("badante_d0_to", "13:00"),
            ("badante_d2_from", "08:00"),
            ("badante_d2_to", "13:00"),
            ("badante_max_weekly_hours", "30"),
            ("badante_expected_hourly", "9,80"),
            ("badante_municipi", "2"),
            ("badante_municipi", "3"),
        ]),
        today(),
    )
    .unwrap();
    a
}

#[test]
fn half_hours_read_and_write() {
    assert_eq!(half_hour("08:30", false), Some(17));
    assert_eq!(half_hour("00:00", true), Some(48));
    assert_eq!(half_hour("08:15", false), None);
    assert_eq!(half_hour("25:00", false), None);
    assert_eq!(slot_time(17), "08:30");
}

#[test]
fn a_refused_step_changes_nothing_and_names_every_field() {
    let mut a = WorkerApplication::default();
    let bad = fields(&[
        ("first_name", "Maria"),
        ("birth_date", "2015-01-01"),
        ("fiscal_code", "XYZ"),
        ("phone", "abc"),
        ("municipio", "12"),
    ]);
    let errors = a.read_step(Step::Personal, &bad, today()).unwrap_err();
    let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for field in [
        "last_name",
        "birth_date",
        "fiscal_code",
        "nationality",
        "eu_citizen",
        "phone",
        "address",
        "municipio",
    ] {
        assert!(named.contains(&field), "{field} in {named:?}");
    }
    assert_eq!(a, WorkerApplication::default());
}

#[test]
fn non_eu_workers_need_a_permit_that_has_not_expired() {
    let mut a = WorkerApplication {
        eu_citizen: false,
        ..Default::default()
    };
    let errors = a
        .read_step(
            Step::Documents,
            &fields(&[
                ("id_document_kind", "passport"),
                ("id_document_number", "AB1"),
                ("id_document_expiry", "2030-01-01"),
                ("permit_number", "P1"),
                ("permit_expiry", "2026-01-01"),
            ]),
            today(),
        )
        .unwrap_err();
    assert_eq!(errors, vec![FieldError::new("permit_expiry", "expired")]);
    a.eu_citizen = true;
    a.read_step(
        Step::Documents,
        &fields(&[
            ("id_document_kind", "identity_card"),
            ("id_document_number", "CA1"),
            ("id_document_expiry", "2030-01-01"),
        ]),
        today(),
    )
    .unwrap();
    assert!(a.permit_number.is_empty());
}

#[test]
fn expected_pay_is_never_below_the_contractual_minimum() {
    let minimum = minimum_hourly_cents(Role::Badante);
    assert!(minimum > 700 && minimum < 1500, "{minimum}");
    assert!(minimum_hourly_cents(Role::Colf) < minimum);
    let mut a = complete();
    let before = a.clone();
    let low = Money::from_cents(minimum - 1).format_it();
    let errors = a
        .read_step(
            Step::Availability,
            &fields(&[
                ("badante_regimes", "hourly"),
                ("badante_d0_from", "08:00"),
                ("badante_d0_to", "12:00"),
                ("badante_max_weekly_hours", "30"),
                ("badante_expected_hourly", &low),
                ("badante_municipi", "2"),
            ]),
            today(),
        )
        .unwrap_err();
    assert_eq!(
        errors,
        vec![FieldError::new("badante_expected_hourly", "below_minimum")]
    );
    assert_eq!(a, before);
}

use crate::money::Money;

#[test]
fn missing_steps_until_complete() {
    let a = WorkerApplication::default();
    assert_eq!(
        a.missing(),
        vec![
            Step::Personal,
            Step::Documents,
            Step::Education,
            Step::About,
            Step::Roles,
            Step::Availability
        ]
    );
    let a = complete();
    assert!(a.missing().is_empty(), "{:?}", a.missing());
    assert_eq!(a.years_in(Role::Badante, today()), 6);
    // A role added later needs its availability again.
    let mut b = a.clone();
    b.roles.push("colf".into());
    assert_eq!(b.missing(), vec![Step::Availability]);
    // The permit expiring within 30 days is reported.
    assert_eq!(a.expiring_documents(today(), 30).len(), 1);
}

#[test]
fn experiences_are_added_and_removed() {
    let mut a = complete();
    assert_eq!(a.experiences.len(), 1);
    let errors = a
        .read_step(
            Step::Experience,
            &fields(&[
                ("action", "add"),
                ("exp_role", "colf"),
                ("exp_from", "2020-13"),
            ]),
            today(),
        )
        .unwrap_err();
    assert!(errors.iter().any(|e| e.field == "exp_from"));
    assert!(errors.iter().any(|e| e.field == "exp_employer"));
    a.read_step(
        Step::Experience,
        &fields(&[("action", "remove"), ("index", "0")]),
        today(),
    )
    .unwrap();
    assert!(a.experiences.is_empty());
}

fn request_fields(extra: &[(&'static str, &'static str)]) -> Fields {
    let mut f = fields(&[
        ("role", "badante"),
        ("regime", "hourly"),
        ("contract", "permanent"),
        ("start", "2026-12-10"),
        ("p1_age", "84"),
        ("p1_conditions", "dementia"),
        ("p1_mobility", "assisted"),
        ("tasks", "bd_hygiene"),
        ("rooms", "3"),
        ("pets", "cat"),
        ("d0_from", "09:00"),
        ("d0_to", "12:00"),
        ("offered_hourly", "10,00"),
        ("languages", "es"),
        ("address", "Via Padova 20"),
        ("municipio", "2"),
    ]);
    for (k, v) in extra {
        f.0.push((k.to_string(), v.to_string()));
    }
    f
}

#[test]
fn health_data_need_consent_and_requests_are_checked_whole() {
    let errors = FamilyRequestDoc::read(&request_fields(&[]), today()).unwrap_err();
    assert_eq!(errors, vec![FieldError::new("health_consent", "consent")]);
    let doc = FamilyRequestDoc::read(&request_fields(&[("health_consent", "1")]), today()).unwrap();
    assert!(doc.health_consent);
    let m = doc.to_matching().unwrap();
    assert_eq!(m.role, Role::Badante);
    assert_eq!(m.regime, Regime::Hourly);
    assert!(m.has_pets);
    // The condition asks for the matching skill.
    assert_eq!(
        m.tasks,
        vec!["bd_hygiene".to_string(), "bd_dementia".into()]
    );
    assert_eq!(doc.weekly_slots(), 6);
    let bad = fields(&[
        ("role", "cuoco"),
        ("start", "2020-01-01"),
        ("offered_hourly", "1"),
    ]);
    let errors = FamilyRequestDoc::read(&bad, today()).unwrap_err();
    for field in [
        "role", "regime", "contract", "start", "rooms", "d0_from", "address",
    ] {
        assert!(
            errors.iter().any(|e| e.field == field),
            "{field}: {errors:?}"
        );
    }
}

#[test]
fn the_engine_ranks_applications_for_a_request() {
    let doc = FamilyRequestDoc::read(&request_fields(&[("health_consent", "1")]), today()).unwrap();
    let request = doc.to_matching().unwrap();
    let a = complete();
    let mut other = complete();
    other.municipio = 8;
    let profiles = vec![
        a.to_profile(1, Role::Badante, true, false, Some(4), today())
            .unwrap(),
        other
            .to_profile(2, Role::Badante, true, false, None, today())
            .unwrap(),
        a.to_profile(3, Role::Badante, false, false, None, today())
            .unwrap(),
    ];
    let (ranked, left_out) = rank(&request, &profiles);
    assert_eq!(left_out, 1);
    assert_eq!(ranked[0].worker_id, 1);
    assert!(ranked[0].score > ranked[1].score);
    assert!(
        a.to_profile(1, Role::Colf, true, false, None, today())
            .is_none()
    );
    assert_eq!(Outcome::parse("suitable"), Some(Outcome::Suitable));
}

#[test]
fn proposals_move_only_as_declared() {
    use ProposalState::*;
    assert_eq!(
        transition(Proposed, Action::Accept, Actor::Worker, ""),
        Ok(Accepted)
    );
    assert_eq!(
        transition(Proposed, Action::Accept, Actor::Family, ""),
        Err(ProposalError::NotAllowed)
    );
    assert_eq!(
        transition(Proposed, Action::Decline, Actor::Worker, " "),
        Err(ProposalError::ReasonRequired)
    );
    assert_eq!(
        transition(Proposed, Action::Decline, Actor::Worker, "orari"),
        Ok(Declined)
    );
    assert_eq!(
        transition(Accepted, Action::Hired(None), Actor::Family, ""),
        Err(ProposalError::ModeRequired)
    );
    assert_eq!(
        transition(
            Accepted,
            Action::Hired(Some(HiringMode::Direct)),
            Actor::Family,
            ""
        ),
        Ok(Hired)
    );
    assert_eq!(
        transition(Hired, Action::NotHired, Actor::Family, "x"),
        Err(ProposalError::NotAllowed)
    );
    assert!(!contacts_visible(Proposed));
    assert!(!contacts_visible(Declined));
    assert!(!contacts_visible(Withdrawn));
    assert!(contacts_visible(Accepted));
    assert!(contacts_visible(Hired));
}

#[test]
fn a_babysitter_request_asks_for_the_children_age_bands() {
    let f = fields(&[
        ("role", "babysitter"),
        ("regime", "hourly"),
        ("contract", "permanent"),
        ("start", "2026-12-10"),
        ("p1_age", "2"),
        ("p2_age", "7"),
        ("tasks", "bs_homework"),
        ("rooms", "3"),
        ("d0_from", "16:00"),
        ("d0_to", "19:00"),
        ("offered_hourly", "12,00"),
        ("address", "Via Pacini 3"),
        ("municipio", "3"),
    ]);
    let doc = FamilyRequestDoc::read(&f, today()).unwrap();
    assert!(!doc.health_consent, "no health data, no consent kept");
    let m = doc.to_matching().unwrap();
    assert_eq!(m.tasks, vec!["bs_homework", "bs_age_1_3", "bs_age_6_11"]);
}

use super::*;
use crate::date::Date;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Monday to Friday, 8:00–12:00.
fn mornings() -> WeekCalendar {
    WeekCalendar::on_days(&[0, 1, 2, 3, 4], 16, 24)
}

fn request() -> FamilyRequest {
    FamilyRequest {
        role: Role::Badante,
        regime: Regime::Hourly,
        calendar: mornings(),
        start: day("2026-12-01"),
        municipio: 5,
        offered_hourly_cents: 1_000,
        tasks: vec!["igiene".into(), "pasti".into()],
        languages: vec!["es".into()],
        min_italian: Some(Cefr::A2),
        wants_driving_licence: false,
        wants_non_smoker: false,
        min_years: 0,
        has_pets: true,
    }
}

fn worker(id: i64) -> WorkerProfile {
    WorkerProfile {
        id,
        roles: vec![Role::Badante, Role::Colf],
        validated: true,
        engaged: false,
        available_from: day("2026-11-01"),
        regimes: vec![Regime::Hourly],
        calendar: WeekCalendar::on_days(&[0, 1, 2, 3, 4, 5], 14, 36),
        max_weekly_slots: 80,
        municipio: 5,
        municipi: vec![4, 5, 6],
        years: vec![(Role::Badante, 6)],
        staff_rating: vec![(Role::Badante, 4)],
        italian: Cefr::B1,
        languages: vec!["es".into(), "en".into()],
        skills: vec!["igiene".into(), "pasti".into(), "spesa".into()],
        expected_hourly_cents: 950,
        driving_licence: true,
        smoker: false,
        animal_allergy: false,
    }
}

#[test]
fn calendars_are_half_hour_bits() {
    let c = mornings();
    assert_eq!(c.slots(), 5 * 8, "five mornings of four hours");
    assert!(c.is_set(0, 16) && !c.is_set(0, 24) && !c.is_set(5, 16));
    assert!(c.covered_by(&worker(1).calendar));
    let late = WeekCalendar::empty().with(0, 10, 20);
    assert!(!late.covered_by(&worker(1).calendar));
    assert_eq!(late.overlap(&worker(1).calendar), 6);
    assert_eq!(WeekCalendar::from_bits(c.to_bits()), c);
    // Out of range parts are ignored.
    assert_eq!(WeekCalendar::empty().with(9, 0, 10).slots(), 0);
    assert_eq!(WeekCalendar::empty().with(0, 40, 99).slots(), 8);
}

/// A way to spoil a profile, and the one exclusion it must give.
type Spoil = (fn(&mut WorkerProfile), Exclusion);

#[test]
fn hard_constraints_each_exclude_with_a_reason() {
    let r = request();
    assert!(exclusions(&r, &worker(1)).is_empty());
    let cases: Vec<Spoil> = vec![
        (|w| w.roles = vec![Role::Colf], Exclusion::Role),
        (|w| w.validated = false, Exclusion::NotValidated),
        (|w| w.engaged = true, Exclusion::Engaged),
        (
            |w| w.available_from = Date::parse("2027-01-10").unwrap(),
            Exclusion::AvailableLater("2027-01-10".into()),
        ),
        (|w| w.regimes = vec![Regime::LiveIn], Exclusion::Regime),
        (
            |w| w.calendar = WeekCalendar::on_days(&[0, 1, 2, 3], 16, 24),
            Exclusion::Calendar {
                covered: 32,
                requested: 40,
            },
        ),
        (
            |w| w.max_weekly_slots = 30,
            Exclusion::TooManyHours { max_slots: 30 },
        ),
        (|w| w.animal_allergy = true, Exclusion::AnimalAllergy),
        (|w| w.italian = Cefr::A1, Exclusion::Italian(Cefr::A1)),
    ];
    for (spoil, expected) in cases {
        let mut w = worker(1);
        spoil(&mut w);
        assert_eq!(exclusions(&r, &w), vec![expected.clone()], "{expected:?}");
        assert!(!expected.message_it().is_empty() && !expected.message_en().is_empty());
    }
}

#[test]
fn a_perfect_match_scores_high_and_says_why() {
    let c = score(&request(), &worker(7));
    // Place 20 + experience 12 + rating 8 + skills 20 + languages 10 + pay 10 + prefs 10.
    assert_eq!(c.score, 90);
    let it: Vec<String> = c.reasons.iter().map(Reason::message_it).collect();
    assert_eq!(
        it,
        vec![
            "copre il 100% degli orari richiesti (20 ore a settimana)",
            "vive nel Municipio 5",
            "6 anni di esperienza",
            "valutazione del colloquio WeMi: 4 su 5",
            "sa svolgere tutte le mansioni richieste",
            "parla spagnolo",
            "chiede 9,50 €/ora, entro i 10,00 €/ora offerti",
        ]
    );
    let en: Vec<String> = c.reasons.iter().map(Reason::message_en).collect();
    assert_eq!(
        en[0],
        "covers 100% of the requested hours (20 hours a week)"
    );
    assert_eq!(en[6], "asks €9.50/hour, within the €10.00/hour offered");
}

#[test]
fn each_soft_criterion_moves_the_score() {
    let r = request();
    let base = score(&r, &worker(1)).score;
    let mut elsewhere = worker(1);
    elsewhere.municipio = 4;
    assert_eq!(
        score(&r, &elsewhere).score,
        base - 8,
        "works there, lives nearby"
    );
    elsewhere.municipi = vec![1];
    assert_eq!(score(&r, &elsewhere).score, base - 20);
    let mut junior = worker(1);
    junior.years = vec![(Role::Badante, 1)];
    assert_eq!(score(&r, &junior).score, base - 10);
    let mut fewer = worker(1);
    fewer.skills = vec!["igiene".into()];
    assert_eq!(score(&r, &fewer).score, base - 10);
    let mut dear = worker(1);
    dear.expected_hourly_cents = 1_100;
    assert_eq!(
        score(&r, &dear).score,
        base - 5,
        "10% above the offer: half"
    );
    dear.expected_hourly_cents = 1_101;
    assert_eq!(score(&r, &dear).score, base - 10);
    let mut monolingual = worker(1);
    monolingual.languages.clear();
    assert_eq!(score(&r, &monolingual).score, base - 10);
    assert!(
        score(&r, &monolingual)
            .reasons
            .contains(&Reason::NoneOfTheLanguages)
    );
    let mut picky = r.clone();
    picky.wants_driving_licence = true;
    picky.wants_non_smoker = true;
    let mut smoker = worker(1);
    smoker.smoker = true;
    assert_eq!(score(&picky, &smoker).score, base - 5);
    assert!(score(&picky, &smoker).reasons.contains(&Reason::Smoker));
}

#[test]
fn ranking_is_best_first_and_deterministic() {
    let r = request();
    let mut senior = worker(3);
    senior.years = vec![(Role::Badante, 12)];
    let mut far = worker(2);
    far.municipio = 1;
    far.municipi = vec![1];
    let mut excluded = worker(4);
    excluded.engaged = true;
    let twin = worker(5);
    let workers = vec![far, twin, senior, excluded, worker(1)];
    let (ranked, left_out) = rank(&r, &workers);
    let ids: Vec<i64> = ranked.iter().map(|c| c.worker_id).collect();
    assert_eq!(
        ids,
        vec![3, 1, 5, 2],
        "score, then years, then the older application"
    );
    assert_eq!(left_out, 1);
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn half_hours_and_lists_read_naturally() {
    let odd = Exclusion::Calendar {
        covered: 3,
        requested: 5,
    };
    assert_eq!(odd.message_it(), "copre 1,5 delle 2,5 ore richieste");
    assert_eq!(odd.message_en(), "covers 1.5 of the 2.5 requested hours");
    let speaks = Reason::Speaks(vec!["es".into(), "en".into(), "ro".into()]);
    assert_eq!(speaks.message_it(), "parla spagnolo, inglese e rumeno");
    assert_eq!(speaks.message_en(), "speaks Spanish, English and Romanian");
    assert_eq!(
        Exclusion::AvailableLater("2027-01-10".into()).message_it(),
        "disponibile solo dal 10/01/2027"
    );
}

#[test]
fn years_asked_for_are_a_preference() {
    let mut r = request();
    r.min_years = 5;
    let senior = score(&r, &worker(1));
    assert!(senior.reasons.contains(&Reason::EnoughExperience(5)));
    let mut junior_profile = worker(2);
    junior_profile.years = vec![(Role::Badante, 2)];
    let junior = score(&r, &junior_profile);
    assert!(junior.reasons.contains(&Reason::LessExperience(5)));
    assert!(senior.score > junior.score);
    assert_eq!(
        Reason::LessExperience(5).message_it(),
        "meno dei 5 anni di esperienza richiesti"
    );
}

//! The worker's CV as a PDF: complete (for the worker and city staff) or anonymous (no name,
//! contacts, address, documents or birth date: what a family may be shown).

use app::i18n::Locale;
use app::i18n::domestic::{self as t, label_of};
use app::model::SessionUser;
use app::ports::{ClientInfo, DomesticError};
use domain::domestic::fields::{day_ranges, slot_time};
use domain::domestic::skills;
use domain::matching::WeekCalendar;

use super::views::{euros, profile_code};
use super::worker::parse_application;
use super::{DomesticService, audit, internal, is_staff, today};
use crate::store::domestic as store;

pub(super) async fn cv_pdf(
    s: &DomesticService,
    who: &SessionUser,
    application_id: Option<i64>,
    anonymous: bool,
    locale: Locale,
    client: &ClientInfo,
) -> Result<Vec<u8>, DomesticError> {
    let row = match application_id {
        None => store::application_of_user(&s.db, who.user_id).await,
        Some(id) => store::application(&s.db, id).await,
    }
    .map_err(internal)?
    .ok_or(DomesticError::NotFound)?;
    if row.user_id != who.user_id {
        if !is_staff(who) || row.status == "draft" {
            return Err(DomesticError::NotFound);
        }
        audit(
            s,
            who,
            client,
            "domestic.cv_viewed",
            Some(row.user_id),
            &format!("application:{}", row.id),
            "validation",
        )
        .await;
    }
    let a = parse_application(&row.data);
    let tx = t::texts(locale);
    let en = locale == Locale::En;
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let title = if anonymous {
        profile_code(row.id, locale)
    } else {
        format!("{} {}", a.first_name, a.last_name)
    };
    if !anonymous {
        sections.push((
            tx.step_personal.to_string(),
            vec![
                format!("{}: {}", tx.birth_date, a.birth_date),
                format!("{}: {}", tx.fiscal_code, a.fiscal_code),
                format!("{}: {}", tx.nationality, a.nationality),
                format!("{}: {}", tx.phone, a.phone),
                format!("{}: {}", tx.email, row.email),
                format!("{}: {}", tx.address, a.address),
            ],
        ));
    }
    sections.push((
        tx.profile.to_string(),
        vec![
            format!("{}: {}", tx.municipio, a.municipio),
            format!(
                "{}: {}",
                tx.roles,
                a.roles
                    .iter()
                    .map(|r| t::role_label(locale, r))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("{}: {}", tx.italian, a.italian),
            format!(
                "{}: {}",
                tx.languages,
                a.languages
                    .iter()
                    .map(|l| t::language_label(locale, l))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!(
                "{}: {}",
                tx.education,
                label_of(t::EDUCATION, &a.education, locale)
            ),
            format!(
                "{}: {}",
                tx.courses,
                a.courses
                    .iter()
                    .map(|c| skills::label_in(skills::COURSES, c, en))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("{}: {}", tx.available_from, a.available_from),
            format!(
                "{}: {} · {}: {} · {}: {}",
                tx.driving_licence,
                t::yes_no(locale, a.driving_licence),
                tx.own_car,
                t::yes_no(locale, a.own_car),
                tx.smoker,
                t::yes_no(locale, a.smoker)
            ),
        ],
    ));
    let experiences = a
        .experiences
        .iter()
        .map(|e| {
            let to = if e.to.is_empty() {
                tx.ongoing.to_string()
            } else {
                e.to.clone()
            };
            let mut line = format!(
                "{} – {} · {} · {}",
                e.from,
                to,
                t::role_label(locale, &e.role),
                label_of(t::EMPLOYERS, &e.employer, locale)
            );
            if !e.description.is_empty() {
                line.push_str(&format!(" — {}", e.description));
            }
            if !anonymous && !e.reference_name.is_empty() {
                line.push_str(&format!(
                    " ({}: {} {})",
                    tx.reference, e.reference_name, e.reference_phone
                ));
            }
            line
        })
        .collect();
    sections.push((tx.step_experience.to_string(), experiences));
    for role in a.roles() {
        let code = domain::domestic::role_code(role);
        let mut lines = vec![format!(
            "{}: {}",
            tx.skills,
            a.skills
                .iter()
                .filter(|s| skills::is_skill_of(role, s))
                .map(|s| skills::label(s, en).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )];
        lines.push(format!("{}: {}", tx.years, a.years_in(role, today())));
        if let Some(av) = a.availability_for(role) {
            lines.push(format!(
                "{}: {}",
                tx.regimes,
                av.regimes
                    .iter()
                    .map(|r| t::regime_label(locale, r))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let calendar = WeekCalendar::from_bits(av.calendar);
            for day in 0..7 {
                let ranges = day_ranges(&calendar, day);
                if !ranges.is_empty() {
                    lines.push(format!(
                        "{}: {}",
                        t::day_name(locale, day),
                        ranges
                            .iter()
                            .map(|(a, b)| format!("{}–{}", slot_time(*a), slot_time(*b)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            lines.push(format!("{}: {}", tx.max_weekly_hours, av.max_weekly_hours));
            lines.push(format!(
                "{}: {}",
                tx.expected_hourly,
                euros(av.expected_hourly_cents)
            ));
            lines.push(format!(
                "{}: {}",
                tx.municipi,
                av.municipi
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        sections.push((t::role_label(locale, code).to_string(), lines));
    }
    if !a.about.is_empty() {
        sections.push((tx.about.to_string(), vec![a.about.clone()]));
    }
    let subtitle = if anonymous {
        tx.cv_anonymous
    } else {
        tx.cv_complete
    };
    Ok(crate::pdf::sections::sections_pdf(
        &title, subtitle, &sections, tx.page,
    ))
}

//! Demo data for domestic work: a dozen fictional workers the city has already found suitable
//! (accounts without a password: nobody logs in as them), so a family trying the demo gets a
//! ranked shortlist at once. The demo worker account (`lavoratrice@…`) has no application: it
//! is there to try applying.

use domain::domestic::application::{Experience, RoleAvailability, Step};
use domain::domestic::{WorkerApplication, role_code};
use domain::matching::{Role, WeekCalendar};
use time::OffsetDateTime;

use crate::store::{Db, on_pool};

/// (first name, last name, role, other role, municipio, years, pay cents, languages, morning
/// (true) or afternoon availability, live-in too).
type Demo = (
    &'static str,
    &'static str,
    Role,
    Option<Role>,
    u8,
    i64,
    i64,
    &'static [&'static str],
    bool,
    bool,
);

const WORKERS: [Demo; 12] = [
    (
        "Rosa",
        "Quispe",
        Role::Badante,
        Some(Role::Colf),
        2,
        9,
        1050,
        &["es"],
        true,
        false,
    ),
    (
        "Ioana",
        "Popescu",
        Role::Badante,
        None,
        3,
        12,
        1150,
        &["ro", "en"],
        true,
        true,
    ),
    (
        "Lucia",
        "Ferri",
        Role::Babysitter,
        None,
        5,
        4,
        1000,
        &["en"],
        false,
        false,
    ),
    (
        "Maricel",
        "Santos",
        Role::Colf,
        Some(Role::Babysitter),
        8,
        7,
        950,
        &["tl", "en"],
        true,
        false,
    ),
    (
        "Olena",
        "Kovalenko",
        Role::Badante,
        None,
        9,
        6,
        1000,
        &["uk", "ru"],
        false,
        true,
    ),
    (
        "Fatima",
        "El Amrani",
        Role::Colf,
        None,
        2,
        3,
        920,
        &["ar", "fr"],
        false,
        false,
    ),
    (
        "Giada",
        "Russo",
        Role::Babysitter,
        Some(Role::Colf),
        6,
        2,
        980,
        &["en", "es"],
        true,
        false,
    ),
    (
        "Carmen",
        "Flores",
        Role::Badante,
        Some(Role::Colf),
        4,
        15,
        1200,
        &["es"],
        false,
        false,
    ),
    (
        "Elona",
        "Hoxha",
        Role::Colf,
        None,
        7,
        5,
        930,
        &["sq"],
        true,
        false,
    ),
    (
        "Mei",
        "Chen",
        Role::Babysitter,
        None,
        1,
        6,
        1100,
        &["zh", "en"],
        false,
        false,
    ),
    (
        "Ana",
        "Moreira",
        Role::Badante,
        None,
        5,
        8,
        1080,
        &["pt", "es"],
        true,
        false,
    ),
    (
        "Svetlana",
        "Ivanova",
        Role::Badante,
        Some(Role::Colf),
        8,
        10,
        1100,
        &["ru"],
        false,
        true,
    ),
];

fn skills_for(role: Role) -> Vec<String> {
    domain::domestic::skills::for_role(role)
        .iter()
        .take(6)
        .map(|(c, _, _)| c.to_string())
        .collect()
}

fn application(d: &Demo, today: domain::date::Date) -> WorkerApplication {
    let (first, last, role, second, municipio, years, pay, languages, mornings, live_in) = *d;
    let roles: Vec<Role> = std::iter::once(role).chain(second).collect();
    let calendar = if mornings {
        WeekCalendar::on_days(&[0, 1, 2, 3, 4, 5], 14, 28)
    } else {
        WeekCalendar::on_days(&[0, 1, 2, 3, 4], 26, 40)
    };
    let (y, _, _) = today.ymd();
    WorkerApplication {
        first_name: first.into(),
        last_name: last.into(),
        birth_date: "1980-01-01".into(),
        fiscal_code: "RSSMRA80A41F205X".into(),
        nationality: "demo".into(),
        eu_citizen: true,
        phone: "+39 02 0000000".into(),
        address: "Via Demo 1".into(),
        municipio,
        id_document_kind: "identity_card".into(),
        id_document_number: "DEMO".into(),
        id_document_expiry: format!("{}-12-31", y + 5),
        employment_status: "unemployed".into(),
        available_from: today.to_string(),
        education: "upper_secondary".into(),
        courses: vec!["first_aid".into()],
        italian: "B2".into(),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        experiences: vec![Experience {
            role: role_code(role).into(),
            employer: "family".into(),
            from: format!("{}-01", y - years),
            to: format!("{}-12", y - 1),
            description: "Esperienza presso famiglie (dato dimostrativo)".into(),
            ..Default::default()
        }],
        driving_licence: years % 2 == 0,
        roles: roles.iter().map(|r| role_code(*r).to_string()).collect(),
        skills: roles.iter().flat_map(|r| skills_for(*r)).collect(),
        availability: roles
            .iter()
            .map(|r| RoleAvailability {
                role: role_code(*r).into(),
                regimes: if live_in {
                    vec!["hourly".into(), "live_in".into()]
                } else {
                    vec!["hourly".into()]
                },
                calendar: calendar.to_bits(),
                max_weekly_hours: 40,
                expected_hourly_cents: pay.max(domain::domestic::minimum_hourly_cents(*r)),
                municipi: vec![municipio, (municipio % 9) + 1],
                ..Default::default()
            })
            .collect(),
        saved: Step::ALL
            .iter()
            .copied()
            .filter(|s| *s != Step::Summary)
            .collect(),
        ..Default::default()
    }
}

/// Loads the demo workers (once: called with the rest of the demo data).
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let now = OffsetDateTime::now_utc();
    let today = domain::date::Date::in_rome(now.unix_timestamp());
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for (i, d) in WORKERS.iter().enumerate() {
            let doc = application(d, today);
            let email = format!("lavoratore{:02}@demo.wemi.example", i + 1);
            let user: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, name, created_at, email_verified_at) \
                 VALUES ($1, $2, $3, $3) RETURNING id",
            )
            .bind(&email).bind(format!("{} {}", d.0, d.1)).bind(now)
            .fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO user_roles (user_id, role, scope_id) VALUES ($1, 'worker', 0)")
                .bind(user).execute(&mut *tx).await?;
            let ratings: serde_json::Map<String, serde_json::Value> = doc
                .roles
                .iter()
                .map(|r| (r.clone(), serde_json::Value::from(3 + (i % 3) as u8)))
                .collect();
            sqlx::query(
                "INSERT INTO worker_applications (user_id, status, data, roles, full_name, \
                 municipio, ratings, documents_verified_at, submitted_at, decided_at, created_at, \
                 updated_at) VALUES ($1, 'suitable', $2, $3, $4, $5, $6, $7, $7, $7, $7, $7)",
            )
            .bind(user)
            .bind(serde_json::to_string(&doc)?)
            .bind(doc.roles.join(","))
            .bind(format!("{} {}", d.0, d.1))
            .bind(i64::from(d.4))
            .bind(serde_json::Value::Object(ratings).to_string())
            .bind(now)
            .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}

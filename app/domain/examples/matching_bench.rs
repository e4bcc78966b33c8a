//! How long the matching takes: ranks generated worker profiles (20,000 by default) against
//! generated family requests and prints the time per request (p50, p99, max), how many were
//! proposable on average, and the process's peak memory. Part `matching` of scripts/bench.sh.
//!
//!   cargo run --release -p domain --example matching_bench
//!   BENCH_WORKERS=20000 BENCH_REQUESTS=200 BENCH_SEED=7 (the defaults)

use std::time::Instant;

use domain::date::Date;
use domain::domestic::application::{Experience, RoleAvailability};
use domain::domestic::{WorkerApplication, cefr_code, regime_code, role_code};
use domain::matching::{Cefr, FamilyRequest, Regime, Role, WeekCalendar, WorkerProfile, rank};

/// A small deterministic generator (xorshift), so every run ranks the same profiles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const ROLES: [Role; 3] = [Role::Babysitter, Role::Colf, Role::Badante];
const REGIMES: [Regime; 4] = [
    Regime::LiveIn,
    Regime::Hourly,
    Regime::Night,
    Regime::Weekend,
];
const LANGUAGES: [&str; 6] = ["es", "en", "ro", "uk", "tl", "ar"];
const TASKS: [&str; 12] = [
    "igiene",
    "pasti",
    "spesa",
    "pulizie",
    "stiro",
    "compiti",
    "gioco",
    "notte",
    "farmaci",
    "mobilita",
    "bucato",
    "accompagnamento",
];
const LEVELS: [Cefr; 6] = [Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2];

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn calendar(rng: &mut Rng, days: u64, length: u32) -> WeekCalendar {
    let mut c = WeekCalendar::empty();
    let first = rng.below(7 - days.min(6)) as usize;
    let start = 12 + rng.below(16) as u32;
    for d in first..first + days as usize {
        c = c.with(d, start, start + length);
    }
    c
}

fn worker(rng: &mut Rng, id: i64, today: Date) -> WorkerProfile {
    let mut roles: Vec<Role> = ROLES.iter().copied().filter(|_| rng.chance(50)).collect();
    if roles.is_empty() {
        roles.push(Role::Colf);
    }
    let years: Vec<(Role, u32)> = roles.iter().map(|r| (*r, rng.below(15) as u32)).collect();
    let staff_rating = roles.iter().map(|r| (*r, 1 + rng.below(5) as u8)).collect();
    WorkerProfile {
        id,
        staff_rating,
        roles,
        validated: rng.chance(85),
        engaged: rng.chance(10),
        available_from: today.add_days(rng.below(60) as i64 - 30),
        regimes: REGIMES.iter().copied().filter(|_| rng.chance(50)).collect(),
        calendar: {
            let (days, length) = (3 + rng.below(4), 8 + rng.below(20) as u32);
            calendar(rng, days, length)
        },
        max_weekly_slots: 40 + rng.below(60) as u32,
        municipio: 1 + rng.below(9) as u8,
        municipi: (1..=9).filter(|_| rng.chance(40)).collect(),
        years,
        italian: LEVELS[rng.below(6) as usize],
        languages: LANGUAGES
            .iter()
            .filter(|_| rng.chance(25))
            .map(|l| l.to_string())
            .collect(),
        skills: TASKS
            .iter()
            .filter(|_| rng.chance(50))
            .map(|t| t.to_string())
            .collect(),
        expected_hourly_cents: 850 + rng.below(600) as i64,
        driving_licence: rng.chance(50),
        smoker: rng.chance(20),
        animal_allergy: rng.chance(10),
    }
}

fn request(rng: &mut Rng, today: Date) -> FamilyRequest {
    FamilyRequest {
        role: ROLES[rng.below(3) as usize],
        regime: REGIMES[rng.below(4) as usize],
        calendar: {
            let (days, length) = (1 + rng.below(5), 4 + rng.below(8) as u32);
            calendar(rng, days, length)
        },
        start: today.add_days(rng.below(30) as i64),
        municipio: 1 + rng.below(9) as u8,
        offered_hourly_cents: 900 + rng.below(400) as i64,
        tasks: TASKS
            .iter()
            .filter(|_| rng.chance(25))
            .map(|t| t.to_string())
            .collect(),
        languages: LANGUAGES
            .iter()
            .filter(|_| rng.chance(10))
            .map(|l| l.to_string())
            .collect(),
        min_italian: rng.chance(50).then_some(Cefr::A2),
        wants_driving_licence: rng.chance(30),
        wants_non_smoker: rng.chance(50),
        min_years: 0,
        has_pets: rng.chance(30),
    }
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let workers_n = env("BENCH_WORKERS", 20_000);
    let requests_n = env("BENCH_REQUESTS", 200).max(1);
    let mut rng = Rng(env("BENCH_SEED", 7).max(1));
    let today = Date::parse("2026-12-01").expect("a date");
    let workers: Vec<WorkerProfile> = (0..workers_n as i64)
        .map(|id| worker(&mut rng, id + 1, today))
        .collect();
    let requests: Vec<FamilyRequest> = (0..requests_n).map(|_| request(&mut rng, today)).collect();

    let mut times = Vec::with_capacity(requests.len());
    let mut proposable = 0usize;
    for r in &requests {
        let started = Instant::now();
        let (ranked, _) = rank(r, &workers);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        proposable += ranked.len();
        std::hint::black_box(ranked);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "matching: {workers_n} workers, {requests_n} requests: per request p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {:.0} proposable on average",
        at(0.5),
        at(0.99),
        times[times.len() - 1],
        proposable as f64 / requests.len() as f64
    );
    stored_path(&workers, &requests, today);
    if let Some(kib) = peak_memory_kib() {
        println!(
            "matching: peak memory (VmHWM) {:.1} MiB",
            kib as f64 / 1024.0
        );
    }
}

/// The same profile as the application document the portal stores (JSON in
/// `worker_applications.data`).
fn application_of(w: &WorkerProfile) -> WorkerApplication {
    let role = w.roles[0];
    let years = w
        .years
        .iter()
        .find(|(r, _)| *r == role)
        .map_or(0, |(_, y)| *y);
    WorkerApplication {
        first_name: format!("Nome{}", w.id),
        last_name: "Cognome".into(),
        municipio: w.municipio,
        available_from: w.available_from.to_string(),
        italian: cefr_code(w.italian).into(),
        languages: w.languages.clone(),
        experiences: vec![Experience {
            role: role_code(role).into(),
            employer: "family".into(),
            from: format!("{}-01", 2026 - i64::from(years)),
            to: "2025-12".into(),
            ..Default::default()
        }],
        driving_licence: w.driving_licence,
        smoker: w.smoker,
        animal_allergy: w.animal_allergy,
        roles: w.roles.iter().map(|r| role_code(*r).to_string()).collect(),
        skills: w.skills.clone(),
        availability: w
            .roles
            .iter()
            .map(|r| RoleAvailability {
                role: role_code(*r).into(),
                regimes: w
                    .regimes
                    .iter()
                    .map(|g| regime_code(*g).to_string())
                    .collect(),
                calendar: w.calendar.to_bits(),
                max_weekly_hours: w.max_weekly_slots / 2,
                expected_hourly_cents: w.expected_hourly_cents,
                municipi: w.municipi.clone(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// What the request page does per view, the database read aside: read the stored documents of
/// the role (JSON), make them profiles and rank them.
fn stored_path(workers: &[WorkerProfile], requests: &[FamilyRequest], today: Date) {
    let stored: Vec<(i64, String, String)> = workers
        .iter()
        .map(|w| {
            let doc = application_of(w);
            (
                w.id,
                doc.roles.join(","),
                serde_json::to_string(&doc).expect("json"),
            )
        })
        .collect();
    let mut times = Vec::new();
    for r in requests.iter().take(50) {
        let started = Instant::now();
        let code = role_code(r.role);
        let profiles: Vec<WorkerProfile> = stored
            .iter()
            .filter(|(_, roles, _)| roles.contains(code))
            .filter_map(|(id, _, json)| {
                let doc: WorkerApplication = serde_json::from_str(json).ok()?;
                doc.to_profile(*id, r.role, true, false, None, today)
            })
            .collect();
        let (ranked, _) = rank(r, &profiles);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(ranked);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "matching: from {} stored application documents (JSON read, profiles, ranking; the database read aside): per request p50 {:.2} ms, p99 {:.2} ms",
        stored.len(),
        at(0.5),
        at(0.99)
    );
}

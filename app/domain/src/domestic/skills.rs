//! What a worker can do, per role, and what a family may ask: codes stored in applications and
//! requests, with their Italian and English names. Babysitter tasks go by the children's age
//! band; badante skills include the conditions the worker can handle.

use crate::matching::Role;

/// (code, Italian, English).
pub type Skill = (&'static str, &'static str, &'static str);

pub const BABYSITTER: &[Skill] = &[
    (
        "bs_age_0_1",
        "bambini da 0 a 1 anno",
        "children aged 0 to 1",
    ),
    (
        "bs_age_1_3",
        "bambini da 1 a 3 anni",
        "children aged 1 to 3",
    ),
    (
        "bs_age_3_6",
        "bambini da 3 a 6 anni",
        "children aged 3 to 6",
    ),
    (
        "bs_age_6_11",
        "bambini da 6 a 11 anni",
        "children aged 6 to 11",
    ),
    (
        "bs_age_11_plus",
        "ragazzi oltre gli 11 anni",
        "children over 11",
    ),
    (
        "bs_school_run",
        "accompagnamento a scuola e alle attività",
        "school and activities run",
    ),
    ("bs_homework", "aiuto nei compiti", "homework help"),
    (
        "bs_meals",
        "preparazione dei pasti dei bambini",
        "children's meals",
    ),
    (
        "bs_play",
        "gioco e attività educative",
        "play and educational activities",
    ),
    (
        "bs_special_needs",
        "bambini con bisogni speciali",
        "children with special needs",
    ),
];

pub const COLF: &[Skill] = &[
    ("colf_cleaning", "pulizia della casa", "house cleaning"),
    ("colf_ironing", "stiro", "ironing"),
    ("colf_laundry", "bucato", "laundry"),
    ("colf_cooking", "cucina", "cooking"),
    (
        "colf_shopping",
        "spesa e commissioni",
        "shopping and errands",
    ),
    ("colf_pets", "cura degli animali domestici", "pet care"),
    (
        "colf_garden",
        "cura del giardino e delle piante",
        "garden and plants",
    ),
];

pub const BADANTE: &[Skill] = &[
    ("bd_hygiene", "igiene personale", "personal hygiene"),
    (
        "bd_mobility",
        "aiuto negli spostamenti e mobilizzazione",
        "mobility and transfers",
    ),
    (
        "bd_medication",
        "somministrazione dei farmaci prescritti",
        "prescribed medication",
    ),
    (
        "bd_meals",
        "preparazione dei pasti e aiuto a mangiare",
        "meals and feeding",
    ),
    (
        "bd_company",
        "compagnia e stimolazione",
        "company and stimulation",
    ),
    ("bd_night", "assistenza notturna", "night assistance"),
    (
        "bd_dementia",
        "persone con demenza o Alzheimer",
        "people with dementia or Alzheimer's",
    ),
    ("bd_bedridden", "persone allettate", "bedridden people"),
    (
        "bd_disability",
        "persone con disabilità",
        "people with disabilities",
    ),
    (
        "bd_parkinson",
        "persone con Parkinson",
        "people with Parkinson's",
    ),
];

/// The babysitter skill of caring for a child of `age` years.
pub fn age_band(age: u8) -> &'static str {
    match age {
        0 => "bs_age_0_1",
        1..=2 => "bs_age_1_3",
        3..=5 => "bs_age_3_6",
        6..=10 => "bs_age_6_11",
        _ => "bs_age_11_plus",
    }
}

pub fn for_role(role: Role) -> &'static [Skill] {
    match role {
        Role::Babysitter => BABYSITTER,
        Role::Colf => COLF,
        Role::Badante => BADANTE,
    }
}

pub fn is_skill_of(role: Role, code: &str) -> bool {
    for_role(role).iter().any(|(c, _, _)| *c == code)
}

/// The name of a skill code in a language (`it` or `en`); the code itself when unknown.
pub fn label(code: &str, english: bool) -> &str {
    [BABYSITTER, COLF, BADANTE]
        .iter()
        .flat_map(|list| list.iter())
        .find(|(c, _, _)| *c == code)
        .map(|(_, it, en)| if english { *en } else { *it })
        .unwrap_or(code)
}

/// Courses a worker may have attended (code, Italian, English).
pub const COURSES: &[Skill] = &[
    ("babysitter", "corso per babysitter", "babysitter course"),
    (
        "carer",
        "corso per assistente familiare (ASA/OSS)",
        "family carer course (ASA/OSS)",
    ),
    (
        "first_aid",
        "primo soccorso (anche pediatrico)",
        "first aid (including paediatric)",
    ),
    ("haccp", "igiene alimentare (HACCP)", "food hygiene (HACCP)"),
    (
        "italian",
        "corso di lingua italiana",
        "Italian language course",
    ),
];

/// Conditions of a person in care a family may declare (special-category data: optional,
/// behind an explicit consent).
pub const CONDITIONS: &[Skill] = &[
    ("dementia", "demenza o Alzheimer", "dementia or Alzheimer's"),
    ("parkinson", "Parkinson", "Parkinson's"),
    ("disability", "disabilità", "disability"),
    ("chronic", "malattia cronica", "chronic illness"),
    (
        "special_needs",
        "bisogni educativi speciali",
        "special educational needs",
    ),
];

/// Mobility of a person in care.
pub const MOBILITY: &[Skill] = &[
    ("autonomous", "autonoma", "independent"),
    ("assisted", "cammina con aiuto", "walks with help"),
    ("wheelchair", "in carrozzina", "wheelchair user"),
    ("bedridden", "allettata", "bedridden"),
];

/// The skill a declared condition asks of a badante, so the engine can weigh it.
pub fn skill_for_condition(code: &str) -> Option<&'static str> {
    match code {
        "dementia" => Some("bd_dementia"),
        "parkinson" => Some("bd_parkinson"),
        "disability" => Some("bd_disability"),
        "bedridden" => Some("bd_bedridden"),
        "special_needs" => Some("bs_special_needs"),
        _ => None,
    }
}

pub fn is_code_in(list: &[Skill], code: &str) -> bool {
    list.iter().any(|(c, _, _)| *c == code)
}

/// The name of a code of `list` in a language; the code itself when unknown.
pub fn label_in<'a>(list: &'a [Skill], code: &'a str, english: bool) -> &'a str {
    list.iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, it, en)| if english { *en } else { *it })
        .unwrap_or(code)
}

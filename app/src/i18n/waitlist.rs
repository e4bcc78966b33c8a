//! Texts of shared services' waitlists, Italian and English.

use super::Locale;

pub struct WaitlistTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub seats: &'static str,
    pub join: &'static str,
    pub joined: &'static str,
    pub mine_title: &'static str,
    pub position: fn(i64, i64) -> String,
    pub told: &'static str,
    pub leave: &'static str,
    pub left: &'static str,
}

pub fn waitlist_texts(locale: Locale) -> &'static WaitlistTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

static IT: WaitlistTexts = WaitlistTexts {
    title: "Posti esauriti? Mettiti in lista d'attesa",
    lead: "Se i posti si liberano ti scriviamo subito, seguendo l'ordine di iscrizione. I posti \
           vanno poi a chi li acquista per primo.",
    seats: "Posti che ti servono",
    join: "Mettimi in lista d'attesa",
    joined: "Sei in lista d'attesa: ti scriveremo appena si liberano dei posti.",
    mine_title: "Le tue liste d'attesa",
    position: |position, seats| format!("{position}° in lista, {seats} posti richiesti"),
    told: "Ti abbiamo scritto: si sono liberati dei posti.",
    leave: "Esci dalla lista",
    left: "Sei uscito dalla lista d'attesa.",
};

static EN: WaitlistTexts = WaitlistTexts {
    title: "Sold out? Join the waitlist",
    lead: "If seats free up we write to you at once, in the order people joined. The seats then \
           go to whoever buys them first.",
    seats: "Seats you need",
    join: "Put me on the waitlist",
    joined: "You are on the waitlist: we will write as soon as seats free up.",
    mine_title: "Your waitlists",
    position: |position, seats| format!("number {position} in line, {seats} seats requested"),
    told: "We wrote to you: seats have freed up.",
    leave: "Leave the waitlist",
    left: "You left the waitlist.",
};

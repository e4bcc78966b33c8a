//! Texts of the appointment pages and e-mails, Italian and English.

use super::Locale;

pub struct AppointmentTexts {
    pub new_title: &'static str,
    pub new_lead: &'static str,
    pub for_service: &'static str,
    pub space: &'static str,
    pub choose_space: &'static str,
    pub day: &'static str,
    pub day_hint: &'static str,
    pub show_slots: &'static str,
    pub slots_legend: &'static str,
    pub no_slots: &'static str,
    pub closed: &'static str,
    pub free_desks: &'static str,
    pub topic_legend: &'static str,
    pub notes: &'static str,
    pub notes_hint: &'static str,
    pub book: &'static str,
    pub mine_title: &'static str,
    pub mine_lead: &'static str,
    pub booked: &'static str,
    pub cancelled_notice: &'static str,
    pub empty: &'static str,
    pub when: &'static str,
    pub topic: &'static str,
    pub state: &'static str,
    pub cancel: &'static str,
    pub book_another: &'static str,
    pub operator_title: &'static str,
    pub operator_lead: &'static str,
    pub person: &'static str,
    pub show_day: &'static str,
    pub errors_title: &'static str,
    pub card_text: &'static str,
}

const IT: AppointmentTexts = AppointmentTexts {
    new_title: "Prenota un appuntamento",
    new_lead: "Scegli uno Spazio WeMi, il giorno e l'argomento: gli operatori ti aspettano all'orario scelto. Riceverai una conferma per e-mail e un promemoria il giorno prima.",
    for_service: "Per il servizio",
    space: "Spazio WeMi",
    choose_space: "Scegli uno spazio",
    day: "Giorno",
    day_hint: "Entro 60 giorni da oggi.",
    show_slots: "Mostra gli orari liberi",
    slots_legend: "Orari liberi",
    no_slots: "Nessun orario libero in questo giorno: prova un altro giorno o un altro spazio.",
    closed: "Lo spazio è chiuso in questo giorno.",
    free_desks: "posti liberi",
    topic_legend: "Argomento dell'appuntamento",
    notes: "Note per l'operatore (facoltative)",
    notes_hint: "Al massimo 1000 caratteri.",
    book: "Prenota",
    mine_title: "I miei appuntamenti",
    mine_lead: "Gli appuntamenti prenotati negli Spazi WeMi. Puoi annullarli fino a 2 ore prima.",
    booked: "Appuntamento prenotato: ti abbiamo inviato una conferma per e-mail.",
    cancelled_notice: "Appuntamento annullato.",
    empty: "Non hai appuntamenti.",
    when: "Data e ora",
    topic: "Argomento",
    state: "Stato",
    cancel: "Annulla l'appuntamento",
    book_another: "Prenota un appuntamento",
    operator_title: "Appuntamenti dello spazio",
    operator_lead: "Gli appuntamenti prenotati nel tuo Spazio WeMi per il giorno scelto.",
    person: "Persona",
    show_day: "Mostra il giorno",
    errors_title: "Non è stato possibile completare l'operazione",
    card_text: "Prenota un appuntamento in uno Spazio WeMi e gestisci le tue prenotazioni.",
};

const EN: AppointmentTexts = AppointmentTexts {
    new_title: "Book an appointment",
    new_lead: "Choose a WeMi space, the day and the topic: the operators will expect you at the chosen time. You will get a confirmation by e-mail and a reminder the day before.",
    for_service: "For the service",
    space: "WeMi space",
    choose_space: "Choose a space",
    day: "Day",
    day_hint: "Within 60 days from today.",
    show_slots: "Show free times",
    slots_legend: "Free times",
    no_slots: "No free time on this day: try another day or another space.",
    closed: "The space is closed on this day.",
    free_desks: "places free",
    topic_legend: "Topic of the appointment",
    notes: "Notes for the operator (optional)",
    notes_hint: "At most 1000 characters.",
    book: "Book",
    mine_title: "My appointments",
    mine_lead: "Your appointments at WeMi spaces. You can cancel them up to 2 hours before.",
    booked: "Appointment booked: we sent you a confirmation by e-mail.",
    cancelled_notice: "Appointment cancelled.",
    empty: "You have no appointments.",
    when: "Date and time",
    topic: "Topic",
    state: "Status",
    cancel: "Cancel the appointment",
    book_another: "Book an appointment",
    operator_title: "Appointments at the space",
    operator_lead: "The appointments booked at your WeMi space on the chosen day.",
    person: "Person",
    show_day: "Show the day",
    errors_title: "The operation could not be completed",
    card_text: "Book an appointment at a WeMi space and manage your bookings.",
};

pub fn appointment_texts(locale: Locale) -> &'static AppointmentTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

/// A topic's label (its code when unknown).
pub fn topic_label(locale: Locale, code: &str) -> String {
    match domain::appointments::topic(code) {
        Some(t) if locale == Locale::En => t.en.to_string(),
        Some(t) => t.it.to_string(),
        None => code.to_string(),
    }
}

pub fn state_label(locale: Locale, state: &str) -> &'static str {
    match (state, locale) {
        ("booked", Locale::It) => "Prenotato",
        ("booked", Locale::En) => "Booked",
        ("cancelled", Locale::It) => "Annullato",
        ("cancelled", Locale::En) => "Cancelled",
        (_, Locale::It) => "Sconosciuto",
        (_, Locale::En) => "Unknown",
    }
}

/// The message of a `BookingError` code.
pub fn error_message(code: &str, locale: Locale) -> String {
    let it = locale == Locale::It;
    let text = match code {
        "topic" if it => "Scegli l'argomento dell'appuntamento.",
        "topic" => "Choose the topic of the appointment.",
        "space" if it => "Scegli uno Spazio WeMi.",
        "space" => "Choose a WeMi space.",
        "day" if it => "Scegli un giorno valido.",
        "day" => "Choose a valid day.",
        "notes" if it => "Le note sono troppo lunghe (al massimo 1000 caratteri).",
        "notes" => "The notes are too long (at most 1000 characters).",
        "closed" if it => "Lo spazio è chiuso in quel giorno: scegli un altro giorno.",
        "closed" => "The space is closed on that day: choose another day.",
        "not-a-slot" if it => "Scegli uno degli orari liberi proposti.",
        "not-a-slot" => "Choose one of the free times offered.",
        "past" if it => "Quell'orario è già passato: scegline un altro.",
        "past" => "That time has already passed: choose another one.",
        "too-far" if it => "Si può prenotare al massimo 60 giorni prima.",
        "too-far" => "You can book at most 60 days ahead.",
        "full" if it => {
            "Quell'orario è appena stato prenotato da qualcun altro: scegline un altro."
        }
        "full" => "Someone else has just booked that time: choose another one.",
        "one-per-day" if it => {
            "Hai già un appuntamento in quel giorno: annullalo o scegli un altro giorno."
        }
        "one-per-day" => {
            "You already have an appointment on that day: cancel it or choose another day."
        }
        "not-booked" if it => "L'appuntamento è già stato annullato.",
        "not-booked" => "The appointment has already been cancelled.",
        "too-late" if it => "Non si può più annullare: mancano meno di 2 ore.",
        "too-late" => "It can no longer be cancelled: it starts in less than 2 hours.",
        "not-found" if it => "Appuntamento non trovato.",
        "not-found" => "Appointment not found.",
        "forbidden" if it => "Non hai i permessi per questa operazione.",
        "forbidden" => "You are not allowed to do this.",
        c if c.starts_with("field-") && it => "Un campo del modulo non è valido.",
        c if c.starts_with("field-") => "A field of the form is not valid.",
        _ if it => "Si è verificato un errore: riprova più tardi.",
        _ => "Something went wrong: please try again later.",
    };
    text.to_string()
}

//! Texts of reviews (the order page's form, the city's moderation queue, the provider's
//! replies, the ratings on service and provider pages), Italian and English.

use domain::reviews::{Average, Criterion, ReviewState};

use super::Locale;

pub struct ReviewTexts {
    pub section_title: &'static str,
    pub leave_title: &'static str,
    pub leave_lead: &'static str,
    pub score_hint: &'static str,
    /// "3 su 5" — the label of one radio button.
    pub score_option: fn(i64) -> String,
    pub body: &'static str,
    pub body_hint: &'static str,
    pub submit: &'static str,
    pub submitted: &'static str,
    pub yours: &'static str,
    pub citizens: &'static str,
    pub state: &'static str,
    pub reason: &'static str,
    pub reply_of: fn(&str) -> String,
    pub overall: &'static str,
    /// "4,3 su 5".
    pub out_of_five: fn(&str) -> String,
    pub count: fn(i64) -> String,
    pub none_yet: &'static str,
    pub by: &'static str,
    pub order: &'static str,
    pub service: &'static str,
    pub written_on: &'static str,
    pub queue_title: &'static str,
    pub queue_lead: &'static str,
    pub queue_empty: &'static str,
    pub publish: &'static str,
    pub reject: &'static str,
    pub reject_reason: &'static str,
    pub received_title: &'static str,
    pub received_lead: &'static str,
    pub received_empty: &'static str,
    pub reply_label: &'static str,
    pub reply_hint: &'static str,
    pub reply_button: &'static str,
    pub done: &'static str,
    pub pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub area_admin_text: &'static str,
    pub area_provider_text: &'static str,
    pub criteria_caption: &'static str,
}

pub fn review_texts(locale: Locale) -> &'static ReviewTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

pub fn criterion_label(locale: Locale, c: Criterion) -> &'static str {
    match locale {
        Locale::It => c.label_it(),
        Locale::En => c.label_en(),
    }
}

/// Label of a review state code.
pub fn state_label(locale: Locale, code: &str) -> &'static str {
    ReviewState::parse(code)
        .map(|s| match locale {
            Locale::It => s.label_it(),
            Locale::En => s.label_en(),
        })
        .unwrap_or("")
}

/// An average with one decimal in the locale's notation ("4,3" / "4.3"); `None` without scores.
pub fn one_decimal(locale: Locale, average: Average) -> Option<String> {
    average.one_decimal(match locale {
        Locale::It => ',',
        Locale::En => '.',
    })
}

static IT: ReviewTexts = ReviewTexts {
    section_title: "Recensioni",
    leave_title: "Lascia una recensione",
    leave_lead: "Com'è andato il servizio? Dai un voto da 1 a 5 a ogni voce e racconta la tua esperienza. La recensione sarà pubblicata dopo la verifica del Comune; l'ente potrà rispondere.",
    score_hint: "1 = per niente soddisfatto, 5 = molto soddisfatto.",
    score_option: |n| format!("{n} su 5"),
    body: "La tua esperienza",
    body_hint: "Da 10 a 2000 caratteri. Non scrivere dati personali tuoi o di altre persone.",
    submit: "Invia la recensione",
    submitted: "Grazie! La tua recensione è in moderazione: sarà pubblicata dopo la verifica del Comune.",
    yours: "La tua recensione",
    citizens: "Recensione del cittadino",
    state: "Stato",
    reason: "Motivo",
    reply_of: |p| format!("Risposta di {p}"),
    overall: "Valutazione complessiva",
    out_of_five: |v| format!("{v} su 5"),
    count: |n| {
        if n == 1 {
            "1 recensione".to_string()
        } else {
            format!("{n} recensioni")
        }
    },
    none_yet: "Ancora nessuna recensione pubblicata.",
    by: "Di",
    order: "Ordine",
    service: "Servizio",
    written_on: "Scritta il",
    queue_title: "Moderazione delle recensioni",
    queue_lead: "Le recensioni dei cittadini in attesa di verifica, dalla più vecchia. Pubblica quelle conformi alle regole; per le altre indica il motivo, che sarà comunicato all'autore.",
    queue_empty: "Nessuna recensione da moderare.",
    publish: "Pubblica",
    reject: "Non pubblicare",
    reject_reason: "Motivo della mancata pubblicazione",
    received_title: "Recensioni dei vostri servizi",
    received_lead: "Le recensioni pubblicate dal Comune sui servizi del vostro ente, dalla più recente. Potete rispondere una volta a ciascuna: la risposta è pubblica.",
    received_empty: "Ancora nessuna recensione pubblicata sui vostri servizi.",
    reply_label: "La vostra risposta",
    reply_hint: "Una sola risposta per recensione, pubblica, al massimo 2000 caratteri.",
    reply_button: "Pubblica la risposta",
    done: "Fatto.",
    pages: "Pagine delle recensioni",
    newer: "Più recenti",
    older: "Meno recenti",
    area_admin_text: "Verifica e pubblica le recensioni dei cittadini.",
    area_provider_text: "Le recensioni dei vostri servizi e le vostre risposte.",
    criteria_caption: "Valutazioni per voce",
};

static EN: ReviewTexts = ReviewTexts {
    section_title: "Reviews",
    leave_title: "Leave a review",
    leave_lead: "How did the service go? Score each item from 1 to 5 and tell us about your experience. The review will be published after the City checks it; the provider may reply.",
    score_hint: "1 = not satisfied at all, 5 = very satisfied.",
    score_option: |n| format!("{n} out of 5"),
    body: "Your experience",
    body_hint: "From 10 to 2000 characters. Do not write personal data about yourself or others.",
    submit: "Send the review",
    submitted: "Thank you! Your review is awaiting moderation: it will be published after the City checks it.",
    yours: "Your review",
    citizens: "The citizen's review",
    state: "Status",
    reason: "Reason",
    reply_of: |p| format!("Reply from {p}"),
    overall: "Overall rating",
    out_of_five: |v| format!("{v} out of 5"),
    count: |n| {
        if n == 1 {
            "1 review".to_string()
        } else {
            format!("{n} reviews")
        }
    },
    none_yet: "No published reviews yet.",
    by: "By",
    order: "Order",
    service: "Service",
    written_on: "Written on",
    queue_title: "Review moderation",
    queue_lead: "Citizens' reviews awaiting a check, oldest first. Publish those that follow the rules; for the others give the reason, which will be sent to the author.",
    queue_empty: "No reviews to moderate.",
    publish: "Publish",
    reject: "Do not publish",
    reject_reason: "Reason for not publishing",
    received_title: "Reviews of your services",
    received_lead: "Reviews of your organisation's services published by the City, newest first. You may reply once to each: replies are public.",
    received_empty: "No published reviews of your services yet.",
    reply_label: "Your reply",
    reply_hint: "One public reply per review, at most 2000 characters.",
    reply_button: "Publish the reply",
    done: "Done.",
    pages: "Review pages",
    newer: "Newer",
    older: "Older",
    area_admin_text: "Check and publish citizens' reviews.",
    area_provider_text: "Reviews of your services and your replies.",
    criteria_caption: "Ratings by item",
};

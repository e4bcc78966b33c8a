//! Texts of the notification centre, Italian and English.

use super::Locale;
use crate::model::NotificationView;

pub struct NotificationTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub area_text: &'static str,
    pub empty: &'static str,
    pub unread: fn(i64) -> String,
    pub new_badge: &'static str,
    pub mark_read: &'static str,
    pub marked: &'static str,
    pub open: &'static str,
}

pub fn notification_texts(locale: Locale) -> &'static NotificationTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

/// The sentence for one notification.
pub fn describe(locale: Locale, n: &NotificationView) -> String {
    let state = super::buying::state_label(locale, &n.code);
    let provider_side = n.link.starts_with("/ente/");
    let r = &n.reference;
    let p = &n.party;
    if let Some(kind) = n.kind.strip_prefix("domestic_") {
        return super::domestic::notification(locale, kind, &n.code, &n.reference);
    }
    match (locale, n.kind.as_str(), provider_side) {
        (Locale::It, "order", false) => format!("Ordine {r} presso {p}: {state}."),
        (Locale::It, "order", true) => format!("Ordine {r} di {p}: {state}."),
        (Locale::It, "offer", _) => format!("Offerta di {p} per la richiesta di preventivo {r}."),
        (Locale::It, "message", false) => {
            format!("Nuovo messaggio da {p} sulla richiesta di preventivo {r}.")
        }
        (Locale::It, "message", true) => {
            format!("Nuovo messaggio del cittadino sulla richiesta di preventivo {r}.")
        }
        (Locale::It, _, _) => format!("Nuova richiesta di preventivo {r}."),
        (Locale::En, "order", false) => format!("Order {r} with {p}: {state}."),
        (Locale::En, "order", true) => format!("Order {r} from {p}: {state}."),
        (Locale::En, "offer", _) => format!("Offer from {p} for quote request {r}."),
        (Locale::En, "message", false) => format!("New message from {p} about quote request {r}."),
        (Locale::En, "message", true) => {
            format!("New message from the citizen about quote request {r}.")
        }
        (Locale::En, _, _) => format!("New quote request {r}."),
    }
}

static IT: NotificationTexts = NotificationTexts {
    title: "Notifiche",
    lead: "Gli aggiornamenti sui tuoi ordini e sulle tue richieste di preventivo. Ricevi anche \
           un'e-mail per ciascuno.",
    area_text: "Aggiornamenti su ordini, offerte e messaggi.",
    empty: "Non hai ancora notifiche.",
    unread: |n| match n {
        0 => "Nessuna notifica da leggere.".to_string(),
        1 => "1 notifica da leggere.".to_string(),
        n => format!("{n} notifiche da leggere."),
    },
    new_badge: "Nuova",
    mark_read: "Segna tutte come lette",
    marked: "Tutte le notifiche sono segnate come lette.",
    open: "Apri",
};

static EN: NotificationTexts = NotificationTexts {
    title: "Notifications",
    lead: "Updates on your orders and quote requests. You also get an e-mail for each.",
    area_text: "Updates on orders, offers and messages.",
    empty: "You have no notifications yet.",
    unread: |n| match n {
        0 => "Nothing unread.".to_string(),
        1 => "1 unread notification.".to_string(),
        n => format!("{n} unread notifications."),
    },
    new_badge: "New",
    mark_read: "Mark all as read",
    marked: "All notifications are marked as read.",
    open: "Open",
};

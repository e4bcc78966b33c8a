//! E-mails about orders, Italian and English: to the citizen at each milestone, to the
//! provider when an order arrives or the citizen acts on it.

use app::i18n::Locale;
use domain::money::Money;

use crate::mail::OutgoingMail;
use crate::mail::templates::letter;

fn euros(cents: i64) -> String {
    Money::from_cents(cents).format_it()
}

/// To the citizen: the order is placed (and what happens next).
#[allow(clippy::too_many_arguments)] // the facts of one letter
pub fn placed(
    locale: Locale,
    to: &str,
    name: &str,
    reference: &str,
    provider: &str,
    total_cents: i64,
    paid: bool,
    pay_by_rome: &str,
    link: &str,
) -> OutgoingMail {
    let (subject, body) = match locale {
        Locale::It => (
            format!("Ordine {reference} ricevuto – WeMi"),
            letter(
                locale,
                name,
                &[
                    format!(
                        "abbiamo ricevuto il tuo ordine {reference} presso {provider}, per un totale di € {}.",
                        euros(total_cents)
                    ),
                    if paid {
                        "L'ordine è già pagato: l'ente ti contatterà per confermare date e orari."
                            .to_string()
                    } else {
                        format!(
                            "Puoi pagarlo entro le {pay_by_rome}; dopo quel termine l'ordine viene annullato."
                        )
                    },
                    format!("Trovi l'ordine e il suo stato nella tua area personale: {link}"),
                ],
            ),
        ),
        Locale::En => (
            format!("Order {reference} received – WeMi"),
            letter(
                locale,
                name,
                &[
                    format!(
                        "We have received your order {reference} with {provider}, for a total of €{}.",
                        euros(total_cents)
                    ),
                    if paid {
                        "The order is already paid: the provider will contact you to confirm dates and times.".to_string()
                    } else {
                        format!(
                            "You can pay it until {pay_by_rome} (Rome time); after that the order is cancelled."
                        )
                    },
                    format!("You can follow the order in your personal area: {link}"),
                ],
            ),
        ),
    };
    OutgoingMail::new(to, (subject, body))
}

/// To the provider: a new order (no personal data beyond the reference: staff read it in the
/// portal, where access is checked and logged).
pub fn provider_new_order(to: &str, provider: &str, reference: &str, link: &str) -> OutgoingMail {
    let subject = format!("Nuovo ordine {reference} – WeMi");
    let body = letter(
        Locale::It,
        provider,
        &[
            format!(
                "è arrivato un nuovo ordine, numero {reference}, per i servizi del vostro ente."
            ),
            format!("Lo trovate nell'area dell'ente: {link}"),
        ],
    );
    OutgoingMail::new(to, (subject, body))
}

/// To the citizen or the provider: the order moved to a new state.
pub fn status_changed(
    locale: Locale,
    to: &str,
    name: &str,
    reference: &str,
    state_label: &str,
    reason: &str,
    link: &str,
) -> OutgoingMail {
    let (subject, mut paragraphs) = match locale {
        Locale::It => (
            format!("Ordine {reference}: {state_label} – WeMi"),
            vec![format!("l'ordine {reference} ora è: {state_label}.")],
        ),
        Locale::En => (
            format!("Order {reference}: {state_label} – WeMi"),
            vec![format!("Order {reference} is now: {state_label}.")],
        ),
    };
    if !reason.trim().is_empty() {
        paragraphs.push(match locale {
            Locale::It => format!("Motivo: {reason}"),
            Locale::En => format!("Reason: {reason}"),
        });
    }
    paragraphs.push(match locale {
        Locale::It => format!("Dettagli: {link}"),
        Locale::En => format!("Details: {link}"),
    });
    OutgoingMail::new(to, (subject, letter(locale, name, &paragraphs)))
}

//! The e-mails of domestic work, in the recipient's language. Each is queued with the change
//! it reports (same transaction), so none is lost or sent for a change that did not happen.

use app::i18n::Locale;
use domain::date::Date;
use domain::domestic::ProposalState;
use domain::domestic::application::Outcome;

use super::DomesticService;
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;

fn mail(
    to: &str,
    name: &str,
    locale: Locale,
    subject: (&str, &str),
    lines: Vec<String>,
) -> OutgoingMail {
    let subject = match locale {
        Locale::It => format!("{} – WeMi", subject.0),
        Locale::En => format!("{} – WeMi", subject.1),
    };
    OutgoingMail::new(to, (subject, letter(locale, name, &lines)))
}

fn link(s: &DomesticService, path: &str, locale: Locale) -> String {
    format!("{}{path}?lang={}", s.public_url, locale.code())
}

fn pick(locale: Locale, it: &str, en: &str) -> String {
    match locale {
        Locale::It => it.to_string(),
        Locale::En => en.to_string(),
    }
}

pub(super) fn application_submitted(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
) -> OutgoingMail {
    mail(
        to,
        name,
        locale,
        ("Candidatura ricevuta", "Application received"),
        vec![
            pick(
                locale,
                "abbiamo ricevuto la tua candidatura come lavoratrice o lavoratore domestico. Il personale del Comune la esaminerà e ti proporrà un colloquio in uno Spazio WeMi.",
                "we have received your application as a domestic worker. City staff will review it and offer you an interview at a WeMi space.",
            ),
            pick(
                locale,
                "Puoi seguirne lo stato qui:",
                "You can follow its status here:",
            ),
            link(s, "/lavoro-domestico/candidatura", locale),
        ],
    )
}

pub(super) fn interview_booked(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
    when: &str,
    place: &str,
) -> OutgoingMail {
    mail(
        to,
        name,
        locale,
        ("Colloquio fissato", "Interview booked"),
        vec![
            match locale {
                Locale::It => format!(
                    "ti aspettiamo per il colloquio il {when} presso {place}. Porta con te i documenti originali."
                ),
                Locale::En => format!(
                    "we expect you for the interview on {when} at {place}. Please bring the original documents."
                ),
            },
            link(s, "/lavoro-domestico/candidatura", locale),
        ],
    )
}

pub(super) fn application_decided(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
    outcome: Outcome,
    reason: &str,
) -> OutgoingMail {
    let (it, en) = match outcome {
        Outcome::Suitable => (
            "la tua candidatura è stata valutata idonea: da ora il tuo profilo, senza nome né contatti, può essere proposto alle famiglie. Riceverai un messaggio a ogni proposta.",
            "your application was found suitable: from now on your profile, without name or contacts, can be proposed to families. You will get a message for every proposal.",
        ),
        Outcome::NotSuitable => (
            "la tua candidatura non è stata valutata idonea.",
            "your application was not found suitable.",
        ),
        Outcome::Suspended => (
            "la tua candidatura è sospesa: puoi correggerla e inviarla di nuovo.",
            "your application is on hold: you can correct it and send it again.",
        ),
    };
    let mut lines = vec![pick(locale, it, en)];
    if !reason.is_empty() {
        lines.push(match locale {
            Locale::It => format!("Motivazione: {reason}"),
            Locale::En => format!("Reason: {reason}"),
        });
    }
    lines.push(link(s, "/lavoro-domestico/candidatura", locale));
    mail(
        to,
        name,
        locale,
        ("Esito della candidatura", "Outcome of your application"),
        lines,
    )
}

pub(super) fn documents_expiring(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
    expiring: &[(&str, Date)],
) -> OutgoingMail {
    let mut lines = vec![pick(
        locale,
        "alcuni documenti della tua candidatura scadono presto: rinnovali e caricali di nuovo, così il tuo profilo resta attivo.",
        "some documents of your application expire soon: renew them and upload them again so your profile stays active.",
    )];
    for (kind, date) in expiring {
        let what = match (*kind, locale) {
            ("permit", Locale::It) => "Permesso di soggiorno",
            ("permit", Locale::En) => "Residence permit",
            (_, Locale::It) => "Documento d'identità",
            (_, Locale::En) => "Identity document",
        };
        lines.push(format!("{what}: {}", date.format_it()));
    }
    lines.push(link(s, "/lavoro-domestico/candidatura", locale));
    mail(
        to,
        name,
        locale,
        ("Documenti in scadenza", "Documents expiring"),
        lines,
    )
}

pub(super) fn request_created(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
    reference: &str,
) -> OutgoingMail {
    mail(
        to,
        name,
        locale,
        ("Richiesta ricevuta", "Request received"),
        vec![
            match locale {
                Locale::It => format!(
                    "abbiamo ricevuto la tua richiesta {reference}. Nella pagina della richiesta trovi i profili adatti, in ordine, con il perché: puoi proporre la richiesta a chi preferisci."
                ),
                Locale::En => format!(
                    "we have received your request {reference}. Its page lists the suitable profiles, ranked, with the reasons: you can propose the job to whoever you prefer."
                ),
            },
            link(
                s,
                &format!("/area-personale/lavoro-domestico/{reference}"),
                locale,
            ),
        ],
    )
}

pub(super) fn proposal_received(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
) -> OutgoingMail {
    mail(
        to,
        name,
        locale,
        ("Nuova proposta di lavoro", "New job proposal"),
        vec![
            pick(
                locale,
                "una famiglia ti propone un lavoro adatto al tuo profilo. Leggi i dettagli e rispondi: i contatti si scambiano solo se accetti.",
                "a family proposes a job that fits your profile. Read the details and answer: contacts are exchanged only if you accept.",
            ),
            link(s, "/area-personale/proposte", locale),
        ],
    )
}

/// To the family when the worker answers; to the worker when the family (or staff) moves it.
pub(super) fn proposal_moved(
    s: &DomesticService,
    to: &str,
    name: &str,
    locale: Locale,
    state: ProposalState,
    reference: &str,
    to_family: bool,
) -> OutgoingMail {
    let (it, en) = match state {
        ProposalState::Accepted => (
            "la proposta è stata accettata: ora vedete i contatti l'uno dell'altra. Accordatevi per un incontro.",
            "the proposal was accepted: you can now see each other's contacts. Arrange a meeting.",
        ),
        ProposalState::Declined => (
            "la proposta è stata rifiutata. Puoi proporre la richiesta a un altro profilo.",
            "the proposal was declined. You can propose the job to another profile.",
        ),
        ProposalState::Withdrawn => (
            "la famiglia ha ritirato la proposta.",
            "the family withdrew the proposal.",
        ),
        ProposalState::Hired => (
            "è stata registrata l'assunzione. Buon lavoro!",
            "the hiring has been recorded. All the best!",
        ),
        ProposalState::NotHired => (
            "la famiglia ha registrato che non ci sarà un'assunzione.",
            "the family recorded that there will be no hiring.",
        ),
        ProposalState::Proposed => ("c'è una nuova proposta.", "there is a new proposal."),
    };
    let path = if to_family {
        format!("/area-personale/lavoro-domestico/{reference}")
    } else {
        "/area-personale/proposte".to_string()
    };
    mail(
        to,
        name,
        locale,
        (
            &format!("Proposta {reference}"),
            &format!("Proposal {reference}"),
        ),
        vec![pick(locale, it, en), link(s, &path, locale)],
    )
}

//! The texts of the e-mails, in Italian and English: plain, kind and clear, addressing the
//! person with "tu" like the portal does. Each function returns `(subject, body)`;
//! `OutgoingMail::new(to, template(...))` makes the message.
//!
//! Times and dates arrive already written for the reader, in Rome time (`when_rome`, e.g.
//! `12/03/2025 alle 14:05` or `12/03/2025 at 14:05`; `date_rome`, e.g. `12/04/2025`).
//! Links sit alone on a line, so every mail client makes them clickable.

use app::i18n::Locale;

fn greeting(locale: Locale, name: &str) -> String {
    let name = name.trim();
    match (locale, name.is_empty()) {
        (Locale::It, false) => format!("Gentile {name},"),
        (Locale::It, true) => "Gentile utente,".to_string(),
        (Locale::En, false) => format!("Dear {name},"),
        (Locale::En, true) => "Hello,".to_string(),
    }
}

fn signature(locale: Locale) -> &'static str {
    match locale {
        Locale::It => {
            "Cordiali saluti,\nWeMi – Comune di Milano\n\n\
             Questo è un messaggio automatico: le risposte a questo indirizzo non vengono lette."
        }
        Locale::En => {
            "Kind regards,\nWeMi – City of Milan\n\n\
             This is an automatic message: replies to this address are not read."
        }
    }
}

fn minutes(locale: Locale, n: u32) -> String {
    match (locale, n) {
        (Locale::It, 1) => "1 minuto".to_string(),
        (Locale::It, n) => format!("{n} minuti"),
        (Locale::En, 1) => "1 minute".to_string(),
        (Locale::En, n) => format!("{n} minutes"),
    }
}

/// Greeting, paragraphs, signature, separated by blank lines.
pub(crate) fn letter(locale: Locale, name: &str, paragraphs: &[String]) -> String {
    let mut body = greeting(locale, name);
    for paragraph in paragraphs {
        body.push_str("\n\n");
        body.push_str(paragraph);
    }
    body.push_str("\n\n");
    body.push_str(signature(locale));
    body.push('\n');
    body
}

/// After sign-up or an address change: the link confirms the address.
pub fn verify_email(locale: Locale, name: &str, link: &str) -> (String, String) {
    match locale {
        Locale::It => (
            "Conferma il tuo indirizzo e-mail – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    "per completare la registrazione su WeMi, il portale del welfare del Comune di \
                     Milano, conferma il tuo indirizzo e-mail aprendo questo collegamento:"
                        .to_string(),
                    link.to_string(),
                    "Il collegamento si può usare una sola volta. Se non hai chiesto tu la \
                     registrazione, ignora questo messaggio: senza conferma l'indirizzo non \
                     viene usato."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Confirm your e-mail address – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    "To complete your registration on WeMi, the City of Milan's welfare portal, \
                     please confirm your e-mail address by opening this link:"
                        .to_string(),
                    link.to_string(),
                    "The link can be used only once. If you did not sign up, please ignore this \
                     message: the address will not be used without confirmation."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// "Forgot your password": the link lets the person choose a new one for `minutes_valid`.
pub fn password_reset(
    locale: Locale,
    name: &str,
    link: &str,
    minutes_valid: u32,
) -> (String, String) {
    let valid = minutes(locale, minutes_valid);
    match locale {
        Locale::It => (
            "Reimposta la password – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "abbiamo ricevuto una richiesta di reimpostare la password del tuo \
                         account WeMi. Per sceglierne una nuova apri questo collegamento entro \
                         {valid}:"
                    ),
                    link.to_string(),
                    "Il collegamento si può usare una sola volta. Se non hai chiesto tu di \
                     reimpostare la password, ignora questo messaggio: la password attuale resta \
                     valida."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Reset your password – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "We received a request to reset the password of your WeMi account. To \
                         choose a new one, open this link within {valid}:"
                    ),
                    link.to_string(),
                    "The link can be used only once. If you did not ask to reset your password, \
                     please ignore this message: your current password stays valid."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// The password was changed (by the person, or by someone who knows it).
pub fn password_changed(locale: Locale, name: &str, when_rome: &str) -> (String, String) {
    match locale {
        Locale::It => (
            "La password del tuo account è stata cambiata – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "ti informiamo che la password del tuo account WeMi è stata cambiata il \
                         {when_rome} (ora italiana)."
                    ),
                    "Se l'hai cambiata tu, non devi fare nulla. Se non l'hai cambiata tu, \
                     qualcuno potrebbe conoscere la tua password: reimpostala subito dalla pagina \
                     di accesso e, se ti serve aiuto, rivolgiti a uno Spazio WeMi."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Your password has been changed – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "The password of your WeMi account was changed on {when_rome} (Italian \
                         time)."
                    ),
                    "If you changed it, there is nothing to do. If you did not, someone may know \
                     your password: reset it now from the sign-in page and, if you need help, \
                     visit a WeMi space."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// Assisted mode: the code the citizen gives the operator at the desk to let them act for them.
pub fn assist_code(
    locale: Locale,
    name: &str,
    operator_name: &str,
    space_name: &str,
    code: &str,
    minutes_valid: u32,
) -> (String, String) {
    let valid = minutes(locale, minutes_valid);
    match locale {
        Locale::It => (
            "Il tuo codice per l'assistenza allo sportello – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "allo sportello {space_name}, {operator_name} chiede di poter agire per \
                         tuo conto sul portale WeMi, per aiutarti con le tue richieste."
                    ),
                    "Se sei allo sportello e sei d'accordo, comunica all'operatore questo codice:"
                        .to_string(),
                    format!("    {code}"),
                    format!(
                        "Il codice vale {valid}. Non comunicarlo a nessuno se non sei allo \
                         sportello: chi lo conosce può agire a tuo nome. Se non hai chiesto \
                         assistenza, ignora questo messaggio: senza il codice nessuno può agire \
                         per te."
                    ),
                ],
            ),
        ),
        Locale::En => (
            "Your code for help at the desk – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "At the desk of {space_name}, {operator_name} is asking to act on your \
                         behalf on the WeMi portal, to help you with your requests."
                    ),
                    "If you are at the desk and you agree, tell the operator this code:"
                        .to_string(),
                    format!("    {code}"),
                    format!(
                        "The code is valid for {valid}. Do not share it with anyone unless you \
                         are at the desk: whoever knows it can act in your name. If you did not \
                         ask for help, please ignore this message: without the code nobody can \
                         act for you."
                    ),
                ],
            ),
        ),
    }
}

/// Assisted mode has started: the operator now acts for the citizen.
pub fn assist_started(
    locale: Locale,
    name: &str,
    operator_name: &str,
    space_name: &str,
) -> (String, String) {
    match locale {
        Locale::It => (
            "È iniziata l'assistenza allo sportello – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "ti informiamo che {operator_name}, allo sportello {space_name}, sta ora \
                         agendo per tuo conto sul portale WeMi, come hai autorizzato. Ogni \
                         operazione fatta durante l'assistenza viene registrata."
                    ),
                    "Se non hai autorizzato tu questa assistenza, segnalalo subito al personale \
                     dello Spazio WeMi e cambia la password del tuo account."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Help at the desk has started – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "{operator_name}, at the desk of {space_name}, is now acting on your \
                         behalf on the WeMi portal, as you authorised. Everything done during \
                         this help is recorded."
                    ),
                    "If you did not authorise this, please tell the staff of the WeMi space at \
                     once and change the password of your account."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// The person asked to delete their account; it happens on `date_rome` unless cancelled.
pub fn deletion_scheduled(
    locale: Locale,
    name: &str,
    date_rome: &str,
    cancel_link: &str,
) -> (String, String) {
    match locale {
        Locale::It => (
            "Il tuo account WeMi sarà cancellato – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "abbiamo ricevuto la tua richiesta di cancellare l'account WeMi. \
                         L'account e i tuoi dati personali saranno cancellati il {date_rome}, \
                         salvo quelli che la legge impone di conservare."
                    ),
                    "Fino ad allora puoi cambiare idea e annullare la richiesta aprendo questo \
                     collegamento:"
                        .to_string(),
                    cancel_link.to_string(),
                    "Se non hai chiesto tu la cancellazione, apri subito il collegamento e cambia \
                     la password."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Your WeMi account will be deleted – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "We received your request to delete your WeMi account. The account and \
                         your personal data will be deleted on {date_rome}, except for what the \
                         law requires us to keep."
                    ),
                    "Until then you can change your mind and cancel the request by opening this \
                     link:"
                        .to_string(),
                    cancel_link.to_string(),
                    "If you did not ask for the deletion, open the link now and change your \
                     password."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// The account has been deleted (the last message WeMi sends to the address).
pub fn account_deleted(locale: Locale, name: &str) -> (String, String) {
    match locale {
        Locale::It => (
            "Il tuo account WeMi è stato cancellato – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    "come da te richiesto, il tuo account WeMi è stato cancellato, insieme ai \
                     dati personali che la legge non impone di conservare."
                        .to_string(),
                    "Grazie per aver usato WeMi. Puoi registrarti di nuovo quando vuoi, e gli \
                     Spazi WeMi restano a tua disposizione."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "Your WeMi account has been deleted – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    "As you asked, your WeMi account has been deleted, together with the \
                     personal data the law does not require us to keep."
                        .to_string(),
                    "Thank you for using WeMi. You can sign up again whenever you like, and the \
                     WeMi spaces are still there for you."
                        .to_string(),
                ],
            ),
        ),
    }
}

/// A sign-in to the account; `method` as the reader knows it (`SPID`, `CIE`, `e-mail e password`).
pub fn new_login(locale: Locale, name: &str, when_rome: &str, method: &str) -> (String, String) {
    match locale {
        Locale::It => (
            "Nuovo accesso al tuo account – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "il {when_rome} (ora italiana) è stato fatto un accesso al tuo account \
                         WeMi con {method}."
                    ),
                    "Se l'accesso l'hai fatto tu, non devi fare nulla. Se non lo riconosci, \
                     reimposta subito la password dalla pagina di accesso: qualcuno potrebbe \
                     conoscerla."
                        .to_string(),
                ],
            ),
        ),
        Locale::En => (
            "New sign-in to your account – WeMi".to_string(),
            letter(
                locale,
                name,
                &[
                    format!(
                        "Someone signed in to your WeMi account on {when_rome} (Italian time) \
                         with {method}."
                    ),
                    "If it was you, there is nothing to do. If you do not recognise this \
                     sign-in, reset your password now from the sign-in page: someone may know \
                     it."
                    .to_string(),
                ],
            ),
        ),
    }
}

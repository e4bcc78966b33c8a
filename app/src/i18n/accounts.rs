//! Texts of the account pages (login, registration, password, area personale, audit log) and
//! the messages of account errors, in Italian and English.

use domain::accounts::password::{MAX_CHARS, MIN_CHARS, PasswordProblem};

use super::Locale;

pub struct AccountTexts {
    pub login_title: &'static str,
    pub login_lead: &'static str,
    pub spid_title: &'static str,
    pub spid_lead: &'static str,
    pub spid_button: &'static str,
    pub spid_unavailable: &'static str,
    pub password_login_title: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub login_button: &'static str,
    pub forgot_link: &'static str,
    pub register_link: &'static str,
    pub logged_out: &'static str,
    pub session_ended: &'static str,
    pub register_title: &'static str,
    pub register_lead: &'static str,
    pub name: &'static str,
    pub name_hint: &'static str,
    pub password_hint: &'static str,
    pub privacy_accept: &'static str,
    pub privacy_link: &'static str,
    pub register_button: &'static str,
    pub register_done_title: &'static str,
    pub register_done: &'static str,
    pub verify_title: &'static str,
    pub verify_lead: &'static str,
    pub verify_button: &'static str,
    pub verify_done: &'static str,
    pub forgot_title: &'static str,
    pub forgot_lead: &'static str,
    pub forgot_button: &'static str,
    pub forgot_done: &'static str,
    pub reset_title: &'static str,
    pub reset_lead: &'static str,
    pub new_password: &'static str,
    pub reset_button: &'static str,
    pub reset_done: &'static str,
    pub area_title: &'static str,
    pub area_lead: &'static str,
    pub area_greeting: &'static str,
    pub area_profile: &'static str,
    pub area_profile_text: &'static str,
    pub area_security: &'static str,
    pub area_security_text: &'static str,
    pub area_privacy: &'static str,
    pub area_privacy_text: &'static str,
    pub area_audit: &'static str,
    pub area_audit_text: &'static str,
    pub logout: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub language: &'static str,
    pub fiscal_code: &'static str,
    pub fiscal_code_none: &'static str,
    pub link_identity: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub current_password: &'static str,
    pub change_password_title: &'static str,
    pub change_password_button: &'static str,
    pub password_changed: &'static str,
    pub no_password_yet: &'static str,
    pub consents_title: &'static str,
    pub consent_privacy: &'static str,
    pub accepted_on: &'static str,
    pub export_title: &'static str,
    pub export_text: &'static str,
    pub export_button: &'static str,
    pub delete_title: &'static str,
    pub delete_text: &'static str,
    pub delete_confirm: &'static str,
    pub delete_button: &'static str,
    pub delete_scheduled: &'static str,
    pub delete_cancel_button: &'static str,
    pub delete_cancelled: &'static str,
    pub audit_title: &'static str,
    pub audit_lead: &'static str,
    pub audit_when: &'static str,
    pub audit_who: &'static str,
    pub audit_on_behalf: &'static str,
    pub audit_action: &'static str,
    pub audit_subject: &'static str,
    pub audit_details: &'static str,
    pub audit_empty: &'static str,
    pub audit_person_filter: &'static str,
    pub audit_filter_button: &'static str,
    pub errors_title: &'static str,
    pub show_password: &'static str,
}

pub fn texts(locale: Locale) -> &'static AccountTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

/// The message for an account error, in the visitor's language.
pub fn error_message(locale: Locale, err: &app_error::AccountErrorKind) -> String {
    use app_error::AccountErrorKind as E;
    let it = locale == Locale::It;
    match err {
        E::InvalidCredentials => pick(
            it,
            "E-mail o password non corretti.",
            "Wrong e-mail or password.",
        ),
        E::Throttled(minutes) => {
            if it {
                format!(
                    "Troppi tentativi di accesso non riusciti. Per sicurezza l'accesso è sospeso: riprova tra {minutes} minuti, oppure reimposta la password."
                )
            } else {
                format!(
                    "Too many failed login attempts. For your safety logging in is paused: try again in {minutes} minutes, or reset your password."
                )
            }
        }
        E::EmailNotVerified => pick(
            it,
            "Devi ancora confermare il tuo indirizzo e-mail: apri il link che ti abbiamo inviato.",
            "You still need to confirm your e-mail address: open the link we sent you.",
        ),
        E::InvalidField("name") => pick(
            it,
            "Scrivi nome e cognome (da 2 a 100 caratteri).",
            "Enter your full name (2 to 100 characters).",
        ),
        E::InvalidField("email") => pick(
            it,
            "Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it.",
            "Enter a valid e-mail address, e.g. name@example.com.",
        ),
        E::InvalidField("privacy") => pick(
            it,
            "Per registrarti devi dichiarare di aver letto l'informativa sulla privacy.",
            "To register you must confirm you have read the privacy notice.",
        ),
        E::InvalidField("phone") => pick(
            it,
            "Il numero di telefono può contenere solo cifre, spazi e i simboli + - / ( ).",
            "The phone number may contain only digits, spaces and + - / ( ).",
        ),
        E::InvalidField("current") => pick(
            it,
            "La password attuale non è corretta.",
            "The current password is not correct.",
        ),
        E::InvalidField("confirm") => pick(
            it,
            "Spunta la casella di conferma per cancellare l'account.",
            "Tick the confirmation box to delete the account.",
        ),
        E::InvalidField("citizen") => pick(
            it,
            "Nessun account corrisponde a questo indirizzo e-mail o codice fiscale. Controlla il dato, oppure aiuta la persona a registrarsi.",
            "No account matches this e-mail address or fiscal code. Check it, or help the person register.",
        ),
        E::InvalidField("reference") => pick(
            it,
            "Scrivi il numero del modulo di consenso firmato (massimo 60 caratteri).",
            "Enter the number of the signed consent form (at most 60 characters).",
        ),
        E::InvalidField("code") => pick(
            it,
            "Il codice non è corretto. Chiedi alla persona di rileggerlo dal messaggio ricevuto.",
            "The code is not correct. Ask the person to read it again from the message they received.",
        ),
        E::InvalidField("space") => pick(it, "Scegli uno spazio WeMi.", "Choose a WeMi space."),
        E::InvalidField("device") => pick(
            it,
            "Questa postazione è già revocata.",
            "This point is already revoked.",
        ),
        E::InvalidField("password") => pick(it, "Scrivi la password.", "Enter the password."),
        E::InvalidField(_) => pick(
            it,
            "Alcuni dati non sono validi.",
            "Some data are not valid.",
        ),
        E::WeakPassword(problem) => password_problem(locale, *problem),
        E::EmailTaken => pick(
            it,
            "Esiste già un account con questo indirizzo e-mail. Accedi, oppure usa «Password dimenticata».",
            "An account with this e-mail address already exists. Log in, or use “Forgot password”.",
        ),
        E::InvalidToken => pick(
            it,
            "Il link non è valido o è scaduto. Richiedine uno nuovo.",
            "The link is not valid or has expired. Ask for a new one.",
        ),
        E::IdentityFailed => pick(
            it,
            "L'accesso con identità digitale non è riuscito. Riprova.",
            "The digital identity login did not succeed. Please try again.",
        ),
        E::IdentityUnavailable => pick(
            it,
            "L'accesso con SPID o CIE non è disponibile in questo momento.",
            "Login with SPID or CIE is not available right now.",
        ),
        E::IdentityNeedsLink => pick(
            it,
            "Esiste già un account WeMi con l'indirizzo e-mail della tua identità digitale. Accedi con e-mail e password e collega SPID o CIE dall'area personale (Dati personali).",
            "A WeMi account with your digital identity's e-mail address already exists. Log in with e-mail and password, then link SPID or CIE from your personal area (Personal data).",
        ),
        E::IdentityLinkedElsewhere => pick(
            it,
            "Questa identità digitale è già collegata a un altro account, oppure il tuo account ne ha già una.",
            "This digital identity is already linked to another account, or your account already has one.",
        ),
        E::Forbidden => pick(
            it,
            "Non hai i permessi per questa operazione.",
            "You are not allowed to do this.",
        ),
        E::Internal => pick(
            it,
            "Si è verificato un problema temporaneo. Riprova tra poco.",
            "A temporary problem occurred. Please try again shortly.",
        ),
    }
}

fn pick(it: bool, a: &str, b: &str) -> String {
    if it { a.to_string() } else { b.to_string() }
}

pub fn password_problem(locale: Locale, problem: PasswordProblem) -> String {
    let it = locale == Locale::It;
    match problem {
        PasswordProblem::TooShort => {
            if it {
                format!(
                    "La password deve avere almeno {MIN_CHARS} caratteri. Una frase di alcune parole è facile da ricordare e difficile da indovinare."
                )
            } else {
                format!(
                    "The password must be at least {MIN_CHARS} characters long. A phrase of a few words is easy to remember and hard to guess."
                )
            }
        }
        PasswordProblem::TooLong => {
            if it {
                format!("La password può avere al massimo {MAX_CHARS} caratteri.")
            } else {
                format!("The password may be at most {MAX_CHARS} characters long.")
            }
        }
        PasswordProblem::Common => pick(
            it,
            "Questa password è tra le più usate e facili da indovinare: scegline un'altra.",
            "This password is among the most used and easiest to guess: choose another one.",
        ),
        PasswordProblem::Pattern => pick(
            it,
            "La password è una sequenza o una ripetizione (come «aaaa» o «1234»): scegline un'altra.",
            "The password is a sequence or a repetition (like “aaaa” or “1234”): choose another one.",
        ),
        PasswordProblem::Personal => pick(
            it,
            "La password non deve contenere il tuo indirizzo e-mail o il nome del portale.",
            "The password must not contain your e-mail address or the portal's name.",
        ),
    }
}

/// The errors as plain data, so this module does not depend on the server-only ports.
pub mod app_error {
    use domain::accounts::password::PasswordProblem;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub enum AccountErrorKind {
        InvalidCredentials,
        Throttled(i64),
        EmailNotVerified,
        InvalidField(&'static str),
        WeakPassword(PasswordProblem),
        EmailTaken,
        InvalidToken,
        IdentityFailed,
        IdentityUnavailable,
        IdentityNeedsLink,
        IdentityLinkedElsewhere,
        Forbidden,
        Internal,
    }

    impl AccountErrorKind {
        /// The short code pages put in their URL after a refused plain form post.
        pub fn code(self) -> String {
            match self {
                AccountErrorKind::InvalidCredentials => "credentials".into(),
                AccountErrorKind::Throttled(m) => format!("throttled-{m}"),
                AccountErrorKind::EmailNotVerified => "unverified".into(),
                AccountErrorKind::InvalidField(f) => format!("field-{f}"),
                AccountErrorKind::WeakPassword(p) => format!(
                    "password-{}",
                    match p {
                        PasswordProblem::TooShort => "short",
                        PasswordProblem::TooLong => "long",
                        PasswordProblem::Common => "common",
                        PasswordProblem::Pattern => "pattern",
                        PasswordProblem::Personal => "personal",
                    }
                ),
                AccountErrorKind::EmailTaken => "taken".into(),
                AccountErrorKind::InvalidToken => "token".into(),
                AccountErrorKind::IdentityFailed => "identity".into(),
                AccountErrorKind::IdentityUnavailable => "identity-off".into(),
                AccountErrorKind::IdentityNeedsLink => "identity-link".into(),
                AccountErrorKind::IdentityLinkedElsewhere => "identity-other".into(),
                AccountErrorKind::Forbidden => "forbidden".into(),
                AccountErrorKind::Internal => "internal".into(),
            }
        }

        /// Reads a code back (unknown codes give `None`, so a crafted URL shows nothing).
        pub fn from_code(code: &str) -> Option<AccountErrorKind> {
            use AccountErrorKind as E;
            const FIELDS: [&str; 12] = [
                "name",
                "email",
                "privacy",
                "phone",
                "password",
                "current",
                "confirm",
                "citizen",
                "reference",
                "code",
                "space",
                "device",
            ];
            Some(match code {
                "credentials" => E::InvalidCredentials,
                "unverified" => E::EmailNotVerified,
                "taken" => E::EmailTaken,
                "token" => E::InvalidToken,
                "identity" => E::IdentityFailed,
                "identity-off" => E::IdentityUnavailable,
                "identity-link" => E::IdentityNeedsLink,
                "identity-other" => E::IdentityLinkedElsewhere,
                "forbidden" => E::Forbidden,
                "internal" => E::Internal,
                "password-short" => E::WeakPassword(PasswordProblem::TooShort),
                "password-long" => E::WeakPassword(PasswordProblem::TooLong),
                "password-common" => E::WeakPassword(PasswordProblem::Common),
                "password-pattern" => E::WeakPassword(PasswordProblem::Pattern),
                "password-personal" => E::WeakPassword(PasswordProblem::Personal),
                other => {
                    if let Some(m) = other.strip_prefix("throttled-") {
                        E::Throttled(m.parse().ok().filter(|m| (1..=15).contains(m))?)
                    } else {
                        let f = other.strip_prefix("field-")?;
                        E::InvalidField(FIELDS.into_iter().find(|x| *x == f)?)
                    }
                }
            })
        }

        /// The form field the error is about (for `aria-invalid` and the error summary link).
        pub fn field(self) -> Option<&'static str> {
            match self {
                AccountErrorKind::InvalidField(f) => Some(f),
                AccountErrorKind::WeakPassword(_) => Some("password"),
                AccountErrorKind::EmailTaken => Some("email"),
                _ => None,
            }
        }
    }
}

static IT: AccountTexts = AccountTexts {
    login_title: "Accedi all'area personale",
    login_lead: "Entra per seguire richieste e acquisti, gestire i tuoi dati e le tue preferenze.",
    spid_title: "Con identità digitale",
    spid_lead: "Usa SPID o la Carta d'Identità Elettronica (CIE): è il modo più semplice e sicuro.",
    spid_button: "Entra con SPID o CIE",
    spid_unavailable: "L'accesso con SPID e CIE sarà disponibile quando il Comune avrà collegato il portale al proprio gestore delle identità.",
    password_login_title: "Con e-mail e password",
    email: "Indirizzo e-mail",
    password: "Password",
    login_button: "Accedi",
    forgot_link: "Password dimenticata?",
    register_link: "Non hai un account? Registrati",
    logged_out: "Sei uscito dall'area personale.",
    session_ended: "La sessione è scaduta: accedi di nuovo.",
    register_title: "Registrati",
    register_lead: "Crea il tuo account WeMi con e-mail e password. Ti invieremo un link per confermare l'indirizzo.",
    name: "Nome e cognome",
    name_hint: "Come vuoi essere chiamato nelle comunicazioni.",
    password_hint: "Almeno 15 caratteri. Ti consigliamo una frase di alcune parole, facile da ricordare: spazi, lettere accentate e simboli sono ammessi.",
    privacy_accept: "Ho letto l'informativa sul trattamento dei dati personali",
    privacy_link: "Leggi l'informativa sulla privacy",
    register_button: "Crea l'account",
    register_done_title: "Controlla la tua casella e-mail",
    register_done: "Ti abbiamo inviato un messaggio con il link per confermare l'indirizzo. Il link vale 48 ore. Se non lo trovi, controlla anche la posta indesiderata.",
    verify_title: "Conferma l'indirizzo e-mail",
    verify_lead: "Premi il pulsante per confermare che questo indirizzo è tuo.",
    verify_button: "Conferma l'indirizzo",
    verify_done: "Indirizzo confermato. Ora puoi accedere.",
    forgot_title: "Password dimenticata",
    forgot_lead: "Scrivi l'indirizzo e-mail del tuo account: ti invieremo un link per scegliere una nuova password.",
    forgot_button: "Invia il link",
    forgot_done: "Se l'indirizzo corrisponde a un account, riceverai a breve un messaggio con il link. Il link vale 60 minuti.",
    reset_title: "Scegli una nuova password",
    reset_lead: "La nuova password sostituisce la precedente; per sicurezza chiuderemo tutte le sessioni aperte.",
    new_password: "Nuova password",
    reset_button: "Salva la nuova password",
    reset_done: "Password aggiornata. Ora puoi accedere con la nuova password.",
    area_title: "Area personale",
    area_lead: "I tuoi dati, la sicurezza del tuo account e le tue scelte sulla privacy.",
    area_greeting: "Ciao",
    area_profile: "Dati personali",
    area_profile_text: "Nome, telefono e lingua delle comunicazioni.",
    area_security: "Sicurezza",
    area_security_text: "Cambia la password.",
    area_privacy: "Privacy e dati",
    area_privacy_text: "Consensi, copia dei tuoi dati, cancellazione dell'account.",
    area_audit: "Registro delle attività",
    area_audit_text: "Eventi di sicurezza e accessi ai dati personali (amministrazione).",
    logout: "Esci",
    phone: "Telefono",
    phone_hint: "Facoltativo. Serve agli operatori per ricontattarti.",
    language: "Lingua delle comunicazioni",
    fiscal_code: "Codice fiscale",
    fiscal_code_none: "Non collegato.",
    link_identity: "Collega SPID o CIE al tuo account",
    save: "Salva",
    saved: "Modifiche salvate.",
    current_password: "Password attuale",
    change_password_title: "Cambia la password",
    change_password_button: "Cambia la password",
    password_changed: "Password cambiata. Le altre sessioni aperte sono state chiuse.",
    no_password_yet: "Accedi con identità digitale: per impostare anche una password usa «Password dimenticata» dalla pagina di accesso.",
    consents_title: "Consensi",
    consent_privacy: "Informativa sulla privacy",
    accepted_on: "accettata il",
    export_title: "Scarica i tuoi dati",
    export_text: "Ricevi in formato JSON tutti i dati che il portale conserva su di te (art. 15 e 20 del GDPR).",
    export_button: "Scarica i miei dati (JSON)",
    delete_title: "Cancella l'account",
    delete_text: "I tuoi dati personali saranno cancellati dopo 30 giorni: fino ad allora puoi annullare. Gli ordini restano conservati per gli obblighi di legge, senza dati personali oltre a quelli richiesti.",
    delete_confirm: "Confermo di voler cancellare il mio account",
    delete_button: "Cancella l'account",
    delete_scheduled: "La cancellazione dell'account è programmata per il",
    delete_cancel_button: "Annulla la cancellazione",
    delete_cancelled: "Cancellazione annullata: il tuo account resta attivo.",
    audit_title: "Registro delle attività",
    audit_lead: "Eventi di sicurezza e accessi ai dati personali, dal più recente. Il registro non può essere modificato.",
    audit_when: "Quando",
    audit_who: "Chi",
    audit_on_behalf: "Per conto di",
    audit_action: "Azione",
    audit_subject: "Persona interessata",
    audit_details: "Dettagli",
    audit_empty: "Nessun evento registrato.",
    audit_person_filter: "Solo gli eventi della persona (numero utente)",
    audit_filter_button: "Filtra",
    errors_title: "Correggi questi dati:",
    show_password: "Mostra la password",
};

static EN: AccountTexts = AccountTexts {
    login_title: "Log in to your personal area",
    login_lead: "Log in to follow requests and purchases and to manage your data and preferences.",
    spid_title: "With a digital identity",
    spid_lead: "Use SPID or the Electronic Identity Card (CIE): the simplest and safest way.",
    spid_button: "Log in with SPID or CIE",
    spid_unavailable: "Login with SPID and CIE will be available once the City has connected the portal to its identity broker.",
    password_login_title: "With e-mail and password",
    email: "E-mail address",
    password: "Password",
    login_button: "Log in",
    forgot_link: "Forgot your password?",
    register_link: "No account yet? Register",
    logged_out: "You have logged out of your personal area.",
    session_ended: "Your session has expired: please log in again.",
    register_title: "Register",
    register_lead: "Create your WeMi account with e-mail and password. We will send you a link to confirm the address.",
    name: "Full name",
    name_hint: "How you wish to be addressed in our messages.",
    password_hint: "At least 15 characters. We suggest a phrase of a few words, easy to remember: spaces, accented letters and symbols are welcome.",
    privacy_accept: "I have read the privacy notice",
    privacy_link: "Read the privacy notice",
    register_button: "Create the account",
    register_done_title: "Check your mailbox",
    register_done: "We have sent you a message with a link to confirm the address. The link is valid for 48 hours. If you cannot find it, check your spam folder too.",
    verify_title: "Confirm your e-mail address",
    verify_lead: "Press the button to confirm that this address is yours.",
    verify_button: "Confirm the address",
    verify_done: "Address confirmed. You can now log in.",
    forgot_title: "Forgot your password",
    forgot_lead: "Enter your account's e-mail address: we will send you a link to choose a new password.",
    forgot_button: "Send the link",
    forgot_done: "If the address belongs to an account, you will shortly receive a message with the link. The link is valid for 60 minutes.",
    reset_title: "Choose a new password",
    reset_lead: "The new password replaces the old one; for your safety we will close all open sessions.",
    new_password: "New password",
    reset_button: "Save the new password",
    reset_done: "Password updated. You can now log in with the new password.",
    area_title: "Personal area",
    area_lead: "Your data, your account's security and your privacy choices.",
    area_greeting: "Hello",
    area_profile: "Personal data",
    area_profile_text: "Name, phone and language of our messages.",
    area_security: "Security",
    area_security_text: "Change your password.",
    area_privacy: "Privacy and data",
    area_privacy_text: "Consents, a copy of your data, deleting the account.",
    area_audit: "Activity log",
    area_audit_text: "Security events and accesses to personal data (administration).",
    logout: "Log out",
    phone: "Phone",
    phone_hint: "Optional. Lets operators call you back.",
    language: "Language of our messages",
    fiscal_code: "Fiscal code",
    fiscal_code_none: "Not linked.",
    link_identity: "Link SPID or CIE to your account",
    save: "Save",
    saved: "Changes saved.",
    current_password: "Current password",
    change_password_title: "Change your password",
    change_password_button: "Change the password",
    password_changed: "Password changed. Your other open sessions have been closed.",
    no_password_yet: "You log in with a digital identity: to set a password as well, use “Forgot your password” on the login page.",
    consents_title: "Consents",
    consent_privacy: "Privacy notice",
    accepted_on: "accepted on",
    export_title: "Download your data",
    export_text: "Get all the data the portal keeps about you, as JSON (GDPR articles 15 and 20).",
    export_button: "Download my data (JSON)",
    delete_title: "Delete the account",
    delete_text: "Your personal data will be erased after 30 days: until then you can cancel. Orders are kept as the law requires, without personal data beyond what it demands.",
    delete_confirm: "I confirm that I want to delete my account",
    delete_button: "Delete the account",
    delete_scheduled: "The account is scheduled for deletion on",
    delete_cancel_button: "Cancel the deletion",
    delete_cancelled: "Deletion cancelled: your account stays active.",
    audit_title: "Activity log",
    audit_lead: "Security events and accesses to personal data, newest first. The log cannot be changed.",
    audit_when: "When",
    audit_who: "Who",
    audit_on_behalf: "On behalf of",
    audit_action: "Action",
    audit_subject: "Person concerned",
    audit_details: "Details",
    audit_empty: "No events recorded.",
    audit_person_filter: "Only the events of this person (user number)",
    audit_filter_button: "Filter",
    errors_title: "Please correct:",
    show_password: "Show password",
};

/// Texts of assisted mode (the operator's page and the banner).
pub struct AssistTexts {
    pub title: &'static str,
    pub card_text: &'static str,
    pub lead: &'static str,
    pub citizen: &'static str,
    pub citizen_hint: &'static str,
    pub space: &'static str,
    pub method: &'static str,
    pub method_code: &'static str,
    pub method_paper: &'static str,
    pub reference: &'static str,
    pub reference_hint: &'static str,
    pub start: &'static str,
    pub code_title: &'static str,
    pub code_lead: &'static str,
    pub code: &'static str,
    pub confirm: &'static str,
    pub recent: &'static str,
    pub none: &'static str,
    pub status_waiting: &'static str,
    pub status_active: &'static str,
    pub status_ended: &'static str,
    pub banner: &'static str,
    pub banner_until: &'static str,
    pub end: &'static str,
    pub ended: &'static str,
}

pub fn assist_texts(locale: Locale) -> &'static AssistTexts {
    match locale {
        Locale::It => &ASSIST_IT,
        Locale::En => &ASSIST_EN,
    }
}

static ASSIST_IT: AssistTexts = AssistTexts {
    title: "Modalità assistita",
    card_text: "Opera per conto di una persona che chiede aiuto allo sportello, con il suo consenso.",
    lead: "Su richiesta della persona, puoi operare per suo conto per al massimo 30 minuti. Serve il suo consenso: un codice che riceve via e-mail e ti legge, oppure il modulo cartaceo firmato. Ogni azione è registrata con la tua identità e la sua.",
    citizen: "E-mail o codice fiscale della persona",
    citizen_hint: "L'account della persona che chiede aiuto.",
    space: "Spazio WeMi",
    method: "Consenso",
    method_code: "Codice inviato alla sua e-mail",
    method_paper: "Modulo cartaceo firmato",
    reference: "Numero del modulo firmato",
    reference_hint: "Solo per il consenso cartaceo; conserva il modulo presso lo spazio.",
    start: "Avvia",
    code_title: "Inserisci il codice",
    code_lead: "Abbiamo inviato un codice di 6 cifre all'e-mail della persona. Vale 10 minuti.",
    code: "Codice",
    confirm: "Conferma e inizia",
    recent: "Assistenze recenti",
    none: "Nessuna assistenza recente.",
    status_waiting: "in attesa del codice",
    status_active: "confermata",
    status_ended: "terminata",
    banner: "Stai operando per conto di",
    banner_until: "fino alle",
    end: "Termina l'assistenza",
    ended: "Assistenza terminata.",
};

static ASSIST_EN: AssistTexts = AssistTexts {
    title: "Assisted mode",
    card_text: "Act for a person who asks for help at the desk, with their consent.",
    lead: "At the person's request, you can act on their behalf for at most 30 minutes. Their consent is needed: a code they receive by e-mail and read to you, or the signed paper form. Every action is recorded with your identity and theirs.",
    citizen: "The person's e-mail or fiscal code",
    citizen_hint: "The account of the person asking for help.",
    space: "WeMi space",
    method: "Consent",
    method_code: "Code sent to their e-mail",
    method_paper: "Signed paper form",
    reference: "Number of the signed form",
    reference_hint: "Only for paper consent; keep the form at the space.",
    start: "Start",
    code_title: "Enter the code",
    code_lead: "We sent a 6-digit code to the person's e-mail. It is valid for 10 minutes.",
    code: "Code",
    confirm: "Confirm and start",
    recent: "Recent assistance",
    none: "No recent assistance.",
    status_waiting: "waiting for the code",
    status_active: "confirmed",
    status_ended: "ended",
    banner: "You are acting on behalf of",
    banner_until: "until",
    end: "End assisted mode",
    ended: "Assisted mode ended.",
};

/// Texts of kiosk mode (the bar on kiosk tablets and the administration page).
pub struct KioskTexts {
    pub bar: &'static str,
    pub start_over: &'static str,
    pub countdown: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub name: &'static str,
    pub name_hint: &'static str,
    pub space: &'static str,
    pub enable: &'static str,
    pub devices: &'static str,
    pub device: &'static str,
    pub since: &'static str,
    pub status: &'static str,
    pub active: &'static str,
    pub revoked: &'static str,
    pub revoke: &'static str,
    pub none: &'static str,
}

pub fn kiosk_texts(locale: Locale) -> &'static KioskTexts {
    match locale {
        Locale::It => &KIOSK_IT,
        Locale::En => &KIOSK_EN,
    }
}

static KIOSK_IT: KioskTexts = KioskTexts {
    bar: "Postazione self-service",
    start_over: "Ricomincia",
    countdown: "Senza attività la sessione si chiude tra",
    title: "Postazioni self-service",
    lead: "Trasforma questo tablet in una postazione self-service di uno spazio WeMi: tasti grandi, uscita automatica dopo 3 minuti senza attività, nessun dato lasciato nel browser. Attivandola esci dal tuo account.",
    name: "Nome della postazione",
    name_hint: "Ad esempio «Ingresso, tablet 1».",
    space: "Spazio WeMi",
    enable: "Attiva su questo dispositivo",
    devices: "Postazioni attivate",
    device: "Postazione",
    since: "Attivata il",
    status: "Stato",
    active: "attiva",
    revoked: "revocata",
    revoke: "Revoca",
    none: "Nessuna postazione attivata.",
};

static KIOSK_EN: KioskTexts = KioskTexts {
    bar: "Self-service point",
    start_over: "Start over",
    countdown: "Without activity the session closes in",
    title: "Self-service points",
    lead: "Turn this tablet into a self-service point of a WeMi space: large buttons, automatic logout after 3 minutes without activity, no data left in the browser. Enabling it logs you out.",
    name: "Name of the point",
    name_hint: "For example “Entrance, tablet 1”.",
    space: "WeMi space",
    enable: "Enable on this device",
    devices: "Enabled points",
    device: "Point",
    since: "Enabled on",
    status: "Status",
    active: "active",
    revoked: "revoked",
    revoke: "Revoke",
    none: "No self-service point enabled.",
};

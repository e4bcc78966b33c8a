//! Texts of the provider's payment accounts page, Italian and English.

use super::Locale;

pub struct PaymentAccountTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub in_use: fn(&str) -> String,
    pub not_ready: &'static str,
    pub admin_only: &'static str,
    pub connected: fn(&str) -> String,
    pub none: &'static str,
    pub stripe: &'static str,
    pub stripe_hint: &'static str,
    pub paypal: &'static str,
    pub paypal_hint: &'static str,
    pub save: &'static str,
    pub remove: &'static str,
    pub saved: &'static str,
    pub area_text: &'static str,
    pub payout_title: &'static str,
    pub payout_month: &'static str,
    pub payout_download: &'static str,
}

pub fn payment_account_texts(locale: Locale) -> &'static PaymentAccountTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

pub fn gateway_label(locale: Locale, gateway: &str) -> &'static str {
    match (gateway, locale) {
        ("stripe", _) => "Stripe",
        ("paypal", _) => "PayPal",
        (_, Locale::It) => "Pagamento dimostrativo",
        (_, Locale::En) => "Demo payments",
    }
}

static IT: PaymentAccountTexts = PaymentAccountTexts {
    title: "Conti di pagamento",
    lead: "I cittadini pagano direttamente il vostro ente: indicate il conto su cui ricevere i \
           pagamenti online. Il codice è conservato cifrato e se ne mostrano solo le ultime \
           quattro cifre.",
    in_use: |g| format!("Il portale incassa ora con: {g}."),
    not_ready: "Il portale non ha ancora la chiave di cifratura dei conti: non è possibile salvarli.",
    admin_only: "Solo l'amministratore dell'ente può modificare i conti.",
    connected: |m| format!("Collegato: {m}"),
    none: "Nessun conto collegato.",
    stripe: "Account Stripe Connect",
    stripe_hint: "Il codice inizia con acct_ (pannello Stripe, Impostazioni → Account).",
    paypal: "ID commerciante PayPal",
    paypal_hint: "13 caratteri (PayPal Business, Impostazioni account → Informazioni aziendali).",
    save: "Salva",
    remove: "Scollega",
    saved: "Conto aggiornato.",
    area_text: "Il conto Stripe o PayPal su cui ricevere i pagamenti.",
    payout_title: "Rendiconto mensile",
    payout_month: "Mese",
    payout_download: "Scarica il rendiconto (CSV)",
};

static EN: PaymentAccountTexts = PaymentAccountTexts {
    title: "Payment accounts",
    lead: "Citizens pay your organisation directly: give the account that receives online \
           payments. The id is stored encrypted and only its last four characters are shown.",
    in_use: |g| format!("The portal now takes payments with: {g}."),
    not_ready: "The portal has no encryption key for accounts yet: they cannot be saved.",
    admin_only: "Only the organisation's administrator can change the accounts.",
    connected: |m| format!("Connected: {m}"),
    none: "No account connected.",
    stripe: "Stripe Connect account",
    stripe_hint: "It starts with acct_ (Stripe dashboard, Settings → Account).",
    paypal: "PayPal merchant ID",
    paypal_hint: "13 characters (PayPal Business, Account settings → Business information).",
    save: "Save",
    remove: "Disconnect",
    saved: "Account updated.",
    area_text: "The Stripe or PayPal account that receives payments.",
    payout_title: "Monthly payout report",
    payout_month: "Month",
    payout_download: "Download the report (CSV)",
};

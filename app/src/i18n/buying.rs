//! Texts of the buying pages (cart, checkout, orders, vouchers, demo payment page), Italian
//! and English, and the messages of `BuyingError` codes.

use super::Locale;

pub struct BuyingTexts {
    pub cart_title: &'static str,
    pub cart_empty: &'static str,
    pub cart_empty_link: &'static str,
    pub add_to_cart: &'static str,
    pub add_to_cart_title: &'static str,
    pub added: &'static str,
    pub quantity: &'static str,
    pub people: &'static str,
    pub seats: &'static str,
    pub preferred_date: &'static str,
    pub preferred_date_hint: &'static str,
    pub time_slot: &'static str,
    pub slot_any: &'static str,
    pub slot_morning: &'static str,
    pub slot_afternoon: &'static str,
    pub slot_evening: &'static str,
    pub notes: &'static str,
    pub service: &'static str,
    pub details: &'static str,
    pub unit_price: &'static str,
    pub line_total: &'static str,
    pub update: &'static str,
    pub remove: &'static str,
    pub provider_order: &'static str,
    pub total: &'static str,
    pub voucher_part: &'static str,
    pub to_pay: &'static str,
    pub voucher_balance: &'static str,
    pub proceed: &'static str,
    pub login_to_proceed: &'static str,
    pub one_order_per_provider: &'static str,
    pub steps: [&'static str; 3],
    pub step_of: fn(usize, usize) -> String,
    pub data_title: &'static str,
    pub billing_name: &'static str,
    pub billing_fiscal_code: &'static str,
    pub billing_address: &'static str,
    pub billing_email: &'static str,
    pub billing_phone: &'static str,
    pub payment_method: &'static str,
    pub method_card: &'static str,
    pub method_paypal: &'static str,
    pub method_agreed: &'static str,
    pub method_voucher: &'static str,
    pub method_free: &'static str,
    pub use_vouchers: &'static str,
    pub save_continue: &'static str,
    pub back_to_cart: &'static str,
    pub summary_title: &'static str,
    pub summary_lead: &'static str,
    pub edit: &'static str,
    pub confirm_orders: &'static str,
    pub confirm_note: &'static str,
    pub orders_title: &'static str,
    pub orders_empty: &'static str,
    pub orders_created: &'static str,
    pub order_title: fn(&str) -> String,
    pub reference: &'static str,
    pub provider: &'static str,
    pub status: &'static str,
    pub created: &'static str,
    pub pay_by: &'static str,
    pub taken_in: &'static str,
    pub closes_by: &'static str,
    pub scheduled_for: &'static str,
    pub refunded: &'static str,
    pub customer: &'static str,
    pub history: &'static str,
    pub actions: &'static str,
    pub pay: &'static str,
    pub reason: &'static str,
    pub amount: &'static str,
    pub when: &'static str,
    pub open: &'static str,
    pub payment_pending: &'static str,
    pub payment_back: &'static str,
    pub vouchers_title: &'static str,
    pub vouchers_empty: &'static str,
    pub scheme: &'static str,
    pub assigned: &'static str,
    pub balance: &'static str,
    pub valid: &'static str,
    pub provider_orders_title: &'static str,
    pub provider_orders_lead: &'static str,
    pub demo_title: &'static str,
    pub demo_lead: &'static str,
    pub demo_amount: &'static str,
    pub demo_pay: &'static str,
    pub demo_cancel: &'static str,
    pub demo_decline: &'static str,
    pub demo_closed: &'static str,
    pub actor: fn(&str) -> &'static str,
    pub placed: &'static str,
    pub area_orders_text: &'static str,
    pub area_vouchers_text: &'static str,
    pub errors_title: &'static str,
}

pub fn texts(locale: Locale) -> &'static BuyingTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

/// The label of a time-slot code.
pub fn slot_label(locale: Locale, slot: &str) -> &'static str {
    let t = texts(locale);
    match slot {
        "morning" => t.slot_morning,
        "afternoon" => t.slot_afternoon,
        "evening" => t.slot_evening,
        _ => t.slot_any,
    }
}

pub fn method_label(locale: Locale, method: &str) -> &'static str {
    let t = texts(locale);
    match method {
        "paypal" => t.method_paypal,
        "agreed" => t.method_agreed,
        "voucher" => t.method_voucher,
        "free" => t.method_free,
        _ => t.method_card,
    }
}

/// Label of an order state or event code (`placed` for the first milestone, `pay` for the
/// citizen's payment button).
pub fn state_label(locale: Locale, code: &str) -> String {
    domain::orders::OrderState::parse(code)
        .map(|s| match locale {
            Locale::It => s.label_it(),
            Locale::En => s.label_en(),
        })
        .unwrap_or(code)
        .to_string()
}

pub fn event_label(locale: Locale, code: &str) -> String {
    if code == "placed" {
        return texts(locale).placed.to_string();
    }
    if code == "pay" {
        return texts(locale).pay.to_string();
    }
    domain::orders::OrderEvent::parse(code)
        .map(|e| match locale {
            Locale::It => e.label_it(),
            Locale::En => e.label_en(),
        })
        .unwrap_or(code)
        .to_string()
}

/// The message of a `BuyingError` code (`?errore=` on the pages).
pub fn error_message(code: &str, locale: Locale) -> String {
    let it = locale == Locale::It;
    let field = |name: &str| -> &'static str {
        match (name, it) {
            ("quantity", true) => "la quantità",
            ("quantity", false) => "the quantity",
            ("people", true) => "il numero di persone",
            ("people", false) => "the number of people",
            ("preferred_date", true) => "la data preferita",
            ("preferred_date", false) => "the preferred date",
            ("time_slot", true) => "la fascia oraria",
            ("time_slot", false) => "the time slot",
            ("notes", true) => "le note",
            ("notes", false) => "the notes",
            ("billing_name", true) => "il nome e cognome",
            ("billing_name", false) => "the full name",
            ("billing_fiscal_code", true) => "il codice fiscale",
            ("billing_fiscal_code", false) => "the fiscal code",
            ("billing_email", true) => "l'indirizzo e-mail",
            ("billing_email", false) => "the e-mail address",
            ("billing_phone", true) => "il telefono",
            ("billing_phone", false) => "the phone number",
            ("billing_address", true) => "l'indirizzo",
            ("billing_address", false) => "the address",
            ("payment_method", true) => "il metodo di pagamento",
            ("payment_method", false) => "the payment method",
            ("reason", true) => "il motivo",
            ("reason", false) => "the reason",
            ("amount", true) => "l'importo",
            ("amount", false) => "the amount",
            ("when", true) => "la data e l'ora",
            ("when", false) => "the date and time",
            ("already_assigned", true) => {
                "la misura e il periodo (questa persona ha già questo voucher)"
            }
            ("already_assigned", false) => {
                "the scheme and period (this person already has this voucher)"
            }
            ("fiscal_code", true) => "il codice fiscale",
            ("fiscal_code", false) => "the fiscal code",
            ("scheme", true) => "la misura",
            ("scheme", false) => "the scheme",
            ("valid_from", true) => "la data di inizio validità",
            ("valid_from", false) => "the start of validity",
            ("valid_until", true) => "la data di fine validità",
            ("valid_until", false) => "the end of validity",
            ("account_ref", true) => "il codice del conto (Stripe: acct_…; PayPal: 13 caratteri)",
            ("account_ref", false) => "the account id (Stripe: acct_…; PayPal: 13 characters)",
            ("pdf", true) => "il preventivo in PDF (un file PDF di al massimo 5 MB)",
            ("pdf", false) => "the quote document (a PDF file of at most 5 MB)",
            (_, true) => "un campo",
            (_, false) => "a field",
        }
    };
    if let Some(name) = code.strip_prefix("field-") {
        return if it {
            format!(
                "Controlla {}: il valore inserito non è valido.",
                field(name)
            )
        } else {
            format!("Please check {}: the value is not valid.", field(name))
        };
    }
    if let Some(quote) = code
        .strip_prefix("quote-")
        .and_then(domain::quotes::QuoteError::from_code)
    {
        return match locale {
            Locale::It => quote.message_it(),
            Locale::En => quote.message_en(),
        };
    }
    if let Some(review) = code
        .strip_prefix("review-")
        .and_then(domain::reviews::ReviewError::from_code)
    {
        return match locale {
            Locale::It => review.message_it(),
            Locale::En => review.message_en(),
        };
    }
    if let Some(name) = code.strip_prefix("price-") {
        return if it {
            format!(
                "Il listino di questo servizio non prevede questa combinazione: cambia {}.",
                field(name)
            )
        } else {
            format!(
                "This service's price list does not cover this combination: change {}.",
                field(name)
            )
        };
    }
    let (i, e) = match code {
        "not-purchasable" => (
            "Questo servizio non si può acquistare online: richiedi un preventivo all'ente.",
            "This service cannot be bought online: ask the provider for a quote.",
        ),
        "not-found" => (
            "Non abbiamo trovato quello che cerchi: potrebbe essere stato rimosso.",
            "We could not find what you are looking for: it may have been removed.",
        ),
        "empty-cart" => ("Il carrello è vuoto.", "The cart is empty."),
        "cart-problems" => (
            "Alcuni servizi del carrello vanno controllati: correggi le righe segnalate.",
            "Some services in the cart need attention: fix the lines marked.",
        ),
        "seats" => (
            "Non ci sono abbastanza posti liberi per questo servizio di gruppo. Puoi scegliere meno posti o riprovare più tardi.",
            "There are not enough free seats for this group service. Choose fewer seats or try again later.",
        ),
        "voucher-balance" => (
            "Il saldo dei tuoi voucher non basta più: aggiorna la pagina e ricontrolla il riepilogo.",
            "Your voucher balance is no longer enough: reload the page and check the summary again.",
        ),
        "not-allowed-now" => (
            "Questa operazione non è possibile nello stato attuale dell'ordine. Aggiorna la pagina.",
            "This action is not possible in the order's current status. Please reload the page.",
        ),
        "too-late" => (
            "Il termine per annullare è scaduto, oppure il servizio è già iniziato. Puoi contattare l'ente per trovare un accordo.",
            "The time to cancel has passed, or the service has already started. You can contact the provider to reach an agreement.",
        ),
        "dispute-closed" => (
            "Il termine per contestare questo servizio è scaduto. Per segnalare un problema usa la pagina Segnala un disservizio.",
            "The time to dispute this service has ended. To report a problem use the Report a problem page.",
        ),
        "accounts-not-configured" => (
            "Il portale non ha ancora la chiave per conservare in modo cifrato i conti di pagamento: contatta l'amministrazione del Comune.",
            "The portal has no key yet to store payment accounts encrypted: please contact the City's administrators.",
        ),
        "gateway" => (
            "Il servizio di pagamento non risponde. Nessun addebito è stato fatto: riprova tra qualche minuto.",
            "The payment service does not answer. Nothing was charged: please try again in a few minutes.",
        ),
        "forbidden" => (
            "Non hai i permessi per questa operazione.",
            "You are not allowed to do this.",
        ),
        _ => (
            "Si è verificato un errore. Riprova tra qualche minuto.",
            "Something went wrong. Please try again in a few minutes.",
        ),
    };
    if it { i } else { e }.to_string()
}

fn actor_it(code: &str) -> &'static str {
    match code {
        "citizen" => "Cittadino",
        "provider_staff" => "Ente",
        "city" => "Comune",
        "gateway" => "Servizio di pagamento",
        _ => "Automatico",
    }
}

fn actor_en(code: &str) -> &'static str {
    match code {
        "citizen" => "Citizen",
        "provider_staff" => "Provider",
        "city" => "City",
        "gateway" => "Payment service",
        _ => "Automatic",
    }
}

static IT: BuyingTexts = BuyingTexts {
    cart_title: "Carrello",
    cart_empty: "Il carrello è vuoto.",
    cart_empty_link: "Cerca un servizio",
    add_to_cart: "Aggiungi al carrello",
    add_to_cart_title: "Acquista online",
    added: "Servizio aggiunto al carrello.",
    quantity: "Quantità",
    people: "Persone",
    seats: "Posti (famiglie)",
    preferred_date: "Data preferita",
    preferred_date_hint: "Facoltativa: l'ente conferma data e orario.",
    time_slot: "Fascia oraria",
    slot_any: "Qualsiasi",
    slot_morning: "Mattina",
    slot_afternoon: "Pomeriggio",
    slot_evening: "Sera",
    notes: "Note per l'ente",
    service: "Servizio",
    details: "Dettagli",
    unit_price: "Prezzo unitario",
    line_total: "Importo",
    update: "Aggiorna",
    remove: "Rimuovi",
    provider_order: "Ordine presso",
    total: "Totale",
    voucher_part: "Pagato con voucher",
    to_pay: "Da pagare",
    voucher_balance: "Saldo voucher disponibile",
    proceed: "Procedi",
    login_to_proceed: "Accedi per procedere",
    one_order_per_provider: "Per ogni ente viene creato un ordine separato, pagato direttamente all'ente.",
    steps: ["Carrello", "Dati", "Riepilogo"],
    step_of: |n, of| format!("Passo {n} di {of}"),
    data_title: "Dati per l'ordine",
    billing_name: "Nome e cognome",
    billing_fiscal_code: "Codice fiscale",
    billing_address: "Indirizzo",
    billing_email: "E-mail",
    billing_phone: "Telefono",
    payment_method: "Metodo di pagamento",
    method_card: "Carta di pagamento",
    method_paypal: "PayPal",
    method_agreed: "Altro metodo concordato con l'ente",
    method_voucher: "Voucher",
    method_free: "Gratuito",
    use_vouchers: "Usa il saldo dei miei voucher per i servizi che li accettano",
    save_continue: "Salva e continua",
    back_to_cart: "Torna al carrello",
    summary_title: "Riepilogo",
    summary_lead: "Controlla tutto prima di confermare: con la conferma gli ordini vengono inviati agli enti.",
    edit: "Modifica",
    confirm_orders: "Conferma gli ordini",
    confirm_note: "Dopo la conferma potrai pagare ciascun ordine. Gli ordini non pagati entro il termine indicato vengono annullati.",
    orders_title: "I miei ordini",
    orders_empty: "Non hai ancora effettuato ordini.",
    orders_created: "Ordini creati. Puoi pagarli da questa pagina.",
    order_title: |r| format!("Ordine {r}"),
    reference: "Numero d'ordine",
    provider: "Ente",
    status: "Stato",
    created: "Creato il",
    pay_by: "Da pagare entro",
    taken_in: "Presa in carico",
    closes_by: "Chiusura entro il",
    scheduled_for: "Programmato per",
    refunded: "Rimborsato",
    customer: "Cittadino",
    history: "Cronologia",
    actions: "Operazioni",
    pay: "Paga",
    reason: "Motivo",
    amount: "Importo (€)",
    when: "Data e ora",
    open: "Apri",
    payment_pending: "Stiamo aspettando la conferma del pagamento dal servizio di pagamento: aggiorna la pagina tra qualche istante.",
    payment_back: "Sei tornato dalla pagina di pagamento.",
    vouchers_title: "I miei voucher",
    vouchers_empty: "Non hai voucher assegnati. I voucher sono assegnati dal Comune ai cittadini aventi diritto, tramite il codice fiscale.",
    scheme: "Misura",
    assigned: "Assegnato",
    balance: "Saldo",
    valid: "Validità",
    provider_orders_title: "Ordini ricevuti",
    provider_orders_lead: "Gli ordini dei cittadini per i servizi del tuo ente.",
    demo_title: "Pagamento (dimostrativo)",
    demo_lead: "Questa è la pagina del servizio di pagamento dimostrativo: nessun addebito reale viene effettuato.",
    demo_amount: "Importo",
    demo_pay: "Paga",
    demo_cancel: "Annulla",
    demo_decline: "Simula rifiuto",
    demo_closed: "Questo pagamento è già concluso.",
    actor: actor_it,
    placed: "Ordine creato",
    area_orders_text: "Ordini, pagamenti, stato dei servizi.",
    area_vouchers_text: "Saldo e validità dei tuoi voucher welfare.",
    errors_title: "Ci sono errori nel modulo",
};

static EN: BuyingTexts = BuyingTexts {
    cart_title: "Cart",
    cart_empty: "Your cart is empty.",
    cart_empty_link: "Find a service",
    add_to_cart: "Add to cart",
    add_to_cart_title: "Buy online",
    added: "Service added to the cart.",
    quantity: "Quantity",
    people: "People",
    seats: "Seats (families)",
    preferred_date: "Preferred date",
    preferred_date_hint: "Optional: the provider confirms date and time.",
    time_slot: "Time of day",
    slot_any: "Any",
    slot_morning: "Morning",
    slot_afternoon: "Afternoon",
    slot_evening: "Evening",
    notes: "Notes for the provider",
    service: "Service",
    details: "Details",
    unit_price: "Unit price",
    line_total: "Amount",
    update: "Update",
    remove: "Remove",
    provider_order: "Order with",
    total: "Total",
    voucher_part: "Paid with vouchers",
    to_pay: "To pay",
    voucher_balance: "Voucher balance available",
    proceed: "Continue",
    login_to_proceed: "Log in to continue",
    one_order_per_provider: "Each provider gets a separate order, paid directly to the provider.",
    steps: ["Cart", "Details", "Summary"],
    step_of: |n, of| format!("Step {n} of {of}"),
    data_title: "Order details",
    billing_name: "Full name",
    billing_fiscal_code: "Fiscal code",
    billing_address: "Address",
    billing_email: "E-mail",
    billing_phone: "Phone",
    payment_method: "Payment method",
    method_card: "Payment card",
    method_paypal: "PayPal",
    method_agreed: "Another method agreed with the provider",
    method_voucher: "Vouchers",
    method_free: "Free",
    use_vouchers: "Use my voucher balance for the services that accept vouchers",
    save_continue: "Save and continue",
    back_to_cart: "Back to the cart",
    summary_title: "Summary",
    summary_lead: "Check everything before confirming: confirming sends the orders to the providers.",
    edit: "Edit",
    confirm_orders: "Confirm the orders",
    confirm_note: "After confirming you can pay each order. Orders not paid by the deadline shown are cancelled.",
    orders_title: "My orders",
    orders_empty: "You have no orders yet.",
    orders_created: "Orders created. You can pay them from this page.",
    order_title: |r| format!("Order {r}"),
    reference: "Order number",
    provider: "Provider",
    status: "Status",
    created: "Created on",
    pay_by: "Pay by",
    taken_in: "Taken in by the provider",
    closes_by: "Closes by",
    scheduled_for: "Scheduled for",
    refunded: "Refunded",
    customer: "Citizen",
    history: "History",
    actions: "Actions",
    pay: "Pay",
    reason: "Reason",
    amount: "Amount (€)",
    when: "Date and time",
    open: "Open",
    payment_pending: "We are waiting for the payment service to confirm the payment: reload the page in a few moments.",
    payment_back: "You are back from the payment page.",
    vouchers_title: "My vouchers",
    vouchers_empty: "You have no vouchers. The City assigns vouchers to eligible citizens by fiscal code.",
    scheme: "Scheme",
    assigned: "Assigned",
    balance: "Balance",
    valid: "Valid",
    provider_orders_title: "Orders received",
    provider_orders_lead: "Citizens' orders for your organization's services.",
    demo_title: "Payment (demo)",
    demo_lead: "This is the demo payment service's page: nothing is really charged.",
    demo_amount: "Amount",
    demo_pay: "Pay",
    demo_cancel: "Cancel",
    demo_decline: "Simulate a refusal",
    demo_closed: "This payment is already closed.",
    actor: actor_en,
    placed: "Order placed",
    area_orders_text: "Orders, payments, status of the services.",
    area_vouchers_text: "Balance and validity of your welfare vouchers.",
    errors_title: "There are errors in the form",
};

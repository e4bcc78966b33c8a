//! Texts of the payment receipt (PDF) and its link, Italian and English.

use super::Locale;

pub struct ReceiptTexts {
    pub title: &'static str,
    /// The link on the order page.
    pub download: &'static str,
    pub order: fn(&str) -> String,
    pub issued: fn(&str) -> String,
    pub seller: &'static str,
    pub vat_number: &'static str,
    pub fiscal_code: &'static str,
    pub customer: &'static str,
    pub items: &'static str,
    pub quantity: fn(i64, &str, i64) -> String,
    pub total: &'static str,
    pub paid_voucher: &'static str,
    pub paid_gateway: &'static str,
    pub refunded: &'static str,
    pub net_paid: &'static str,
    pub vat_title: &'static str,
    pub vat_included: fn(i64, &str, &str, &str) -> String,
    pub vat_exempt: fn(&str) -> String,
    pub payments: &'static str,
    pub payment_line: fn(&str, &str, &str) -> String,
    pub no_payment: &'static str,
    pub refund_line: fn(&str, &str) -> String,
    pub note: &'static str,
    pub page: fn(usize, usize) -> String,
    pub filename: fn(&str) -> String,
}

pub fn receipt_texts(locale: Locale) -> &'static ReceiptTexts {
    match locale {
        Locale::It => &IT,
        Locale::En => &EN,
    }
}

static IT: ReceiptTexts = ReceiptTexts {
    title: "Ricevuta di pagamento",
    download: "Scarica la ricevuta (PDF)",
    order: |r| format!("Ordine {r}"),
    issued: |d| format!("Emessa il {d}"),
    seller: "Ente che eroga il servizio",
    vat_number: "Partita IVA",
    fiscal_code: "Codice fiscale",
    customer: "Intestatario",
    items: "Servizi",
    quantity: |q, unit, people| {
        if people > 1 {
            format!("{q} × {unit}, {people} persone")
        } else {
            format!("{q} × {unit}")
        }
    },
    total: "Totale",
    paid_voucher: "Pagato con voucher",
    paid_gateway: "Pagato con carta o PayPal",
    refunded: "Rimborsato",
    net_paid: "Importo pagato al netto dei rimborsi",
    vat_title: "Trattamento IVA",
    vat_included: |rate, taxable, vat, basis| {
        format!("Prezzo IVA inclusa al {rate}% ({basis}): imponibile € {taxable}, IVA € {vat}.")
    },
    vat_exempt: |basis| format!("Operazione esente IVA ai sensi del {basis}."),
    payments: "Pagamenti",
    payment_line: |when, method, reference| format!("{when} – {method}, riferimento {reference}"),
    no_payment: "Nessun pagamento online: servizio gratuito o pagamento concordato con l'ente.",
    refund_line: |when, reason| {
        if reason.is_empty() {
            format!("Rimborso del {when}")
        } else {
            format!("Rimborso del {when}: {reason}")
        }
    },
    note: "Questa ricevuta attesta il pagamento effettuato tramite il portale WeMi. Il documento \
           fiscale (fattura) è emesso dall'ente che eroga il servizio.",
    page: |n, of| format!("Pagina {n} di {of}"),
    filename: |r| format!("ricevuta-{r}.pdf"),
};

static EN: ReceiptTexts = ReceiptTexts {
    title: "Payment receipt",
    download: "Download the receipt (PDF)",
    order: |r| format!("Order {r}"),
    issued: |d| format!("Issued on {d}"),
    seller: "Provider of the service",
    vat_number: "VAT number",
    fiscal_code: "Fiscal code",
    customer: "Billed to",
    items: "Services",
    quantity: |q, unit, people| {
        if people > 1 {
            format!("{q} × {unit}, {people} people")
        } else {
            format!("{q} × {unit}")
        }
    },
    total: "Total",
    paid_voucher: "Paid with vouchers",
    paid_gateway: "Paid by card or PayPal",
    refunded: "Refunded",
    net_paid: "Amount paid net of refunds",
    vat_title: "VAT treatment",
    vat_included: |rate, taxable, vat, basis| {
        format!("Price including VAT at {rate}% ({basis}): taxable € {taxable}, VAT € {vat}.")
    },
    vat_exempt: |basis| format!("Exempt from VAT under {basis}."),
    payments: "Payments",
    payment_line: |when, method, reference| format!("{when} – {method}, reference {reference}"),
    no_payment: "No online payment: a free service or a payment agreed with the provider.",
    refund_line: |when, reason| {
        if reason.is_empty() {
            format!("Refund of {when}")
        } else {
            format!("Refund of {when}: {reason}")
        }
    },
    note: "This receipt records the payment made through the WeMi portal. The fiscal document \
           (invoice) is issued by the provider of the service.",
    page: |n, of| format!("Page {n} of {of}"),
    filename: |r| format!("receipt-{r}.pdf"),
};

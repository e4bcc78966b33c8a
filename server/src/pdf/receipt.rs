//! The payment receipt of an order, as a PDF: seller, customer, services, amounts, VAT
//! treatment, payments and refunds. Built from facts the server loaded; no I/O here.

use app::i18n::Locale;
use app::i18n::buying::method_label;
use app::i18n::catalog::catalog;
use app::i18n::receipts::receipt_texts;
use app::model::OrderLine;
use domain::money::Money;
use domain::receipts::VatTreatment;
use domain::rome_time::format_rome;

use super::writer::{Document, MARGIN, PAGE_WIDTH};

/// Everything a receipt states. Times are Unix seconds (shown in Europe/Rome).
pub struct Receipt {
    pub reference: String,
    pub issued_at: i64,
    pub seller_name: String,
    pub seller_legal_form: String,
    pub seller_vat_number: String,
    pub seller_fiscal_code: String,
    pub seller_address: String,
    pub customer_name: String,
    pub customer_fiscal_code: String,
    pub customer_address: String,
    pub customer_email: String,
    pub lines: Vec<OrderLine>,
    pub total_cents: i64,
    pub voucher_cents: i64,
    pub gateway_cents: i64,
    /// (when, method code, gateway reference, amount in cents).
    pub payments: Vec<(i64, String, String, i64)>,
    /// (when, reason, amount in cents: gateway + voucher).
    pub refunds: Vec<(i64, String, i64)>,
}

fn euros(cents: i64) -> String {
    format!("€ {}", Money::from_cents(cents).format_it())
}

pub fn receipt_pdf(locale: Locale, r: &Receipt) -> Vec<u8> {
    let t = receipt_texts(locale);
    let c = catalog(locale);
    let right = PAGE_WIDTH - MARGIN;
    let mut doc = Document::new(t.title);
    doc.paragraph(locale.t().site_name, 10.0, true, true, 0.0);
    doc.paragraph(t.title, 16.0, true, false, 0.0);
    doc.paragraph(&(t.order)(&r.reference), 11.0, true, false, 0.0);
    doc.paragraph(
        &(t.issued)(&format_rome(r.issued_at)),
        9.0,
        false,
        true,
        0.0,
    );

    doc.gap(8.0);
    doc.paragraph(t.seller, 11.0, true, false, 0.0);
    doc.rule();
    doc.paragraph(&r.seller_name, 9.5, true, false, 0.0);
    let form = c.legal_form(&r.seller_legal_form);
    if !form.is_empty() {
        doc.paragraph(form, 9.0, false, true, 0.0);
    }
    doc.paragraph(
        &format!(
            "{}: {} – {}: {}",
            t.vat_number, r.seller_vat_number, t.fiscal_code, r.seller_fiscal_code
        ),
        9.0,
        false,
        false,
        0.0,
    );
    if !r.seller_address.is_empty() {
        doc.paragraph(&r.seller_address, 9.0, false, false, 0.0);
    }

    doc.gap(8.0);
    doc.paragraph(t.customer, 11.0, true, false, 0.0);
    doc.rule();
    doc.paragraph(&r.customer_name, 9.5, true, false, 0.0);
    for detail in [
        &r.customer_fiscal_code,
        &r.customer_address,
        &r.customer_email,
    ] {
        if !detail.is_empty() {
            doc.paragraph(detail, 9.0, false, false, 0.0);
        }
    }

    doc.gap(8.0);
    doc.paragraph(t.items, 11.0, true, false, 0.0);
    doc.rule();
    for line in &r.lines {
        doc.row(
            &line.service_name,
            &[(Some(&euros(line.total_cents)), right)],
            9.5,
            false,
        );
        doc.paragraph(
            &(t.quantity)(line.quantity, c.unit(&line.unit), line.people),
            8.0,
            false,
            true,
            6.0,
        );
        if !line.notes.is_empty() {
            doc.paragraph(&line.notes, 8.0, false, true, 6.0);
        }
    }
    doc.rule();
    doc.row(t.total, &[(Some(&euros(r.total_cents)), right)], 10.0, true);
    if r.voucher_cents > 0 {
        doc.row(
            t.paid_voucher,
            &[(Some(&euros(r.voucher_cents)), right)],
            9.0,
            false,
        );
    }
    if r.gateway_cents > 0 {
        doc.row(
            t.paid_gateway,
            &[(Some(&euros(r.gateway_cents)), right)],
            9.0,
            false,
        );
    }
    let refunded: i64 = r.refunds.iter().map(|(_, _, cents)| cents).sum();
    if refunded > 0 {
        doc.row(
            t.refunded,
            &[(Some(&format!("- {}", euros(refunded))), right)],
            9.0,
            false,
        );
        doc.row(
            t.net_paid,
            &[(Some(&euros(r.total_cents - refunded)), right)],
            9.5,
            true,
        );
    }

    doc.gap(8.0);
    doc.paragraph(t.vat_title, 11.0, true, false, 0.0);
    doc.rule();
    let kept = r.total_cents - refunded;
    let treatment = VatTreatment::for_provider(&r.seller_legal_form, kept);
    let vat_text = match treatment {
        VatTreatment::Included {
            rate_percent,
            taxable_cents,
            vat_cents,
        } => (t.vat_included)(
            rate_percent,
            &Money::from_cents(taxable_cents).format_it(),
            &Money::from_cents(vat_cents).format_it(),
            treatment.legal_basis(),
        ),
        VatTreatment::Exempt => (t.vat_exempt)(treatment.legal_basis()),
    };
    doc.paragraph(&vat_text, 9.0, false, false, 0.0);

    doc.gap(8.0);
    doc.paragraph(t.payments, 11.0, true, false, 0.0);
    doc.rule();
    if r.payments.is_empty() && r.voucher_cents == 0 {
        doc.paragraph(t.no_payment, 9.0, false, false, 0.0);
    }
    for (when, method, reference, cents) in &r.payments {
        doc.row(
            &(t.payment_line)(&format_rome(*when), method_label(locale, method), reference),
            &[(Some(&euros(*cents)), right)],
            9.0,
            false,
        );
    }
    for (when, reason, cents) in &r.refunds {
        doc.row(
            &(t.refund_line)(&format_rome(*when), reason),
            &[(Some(&format!("- {}", euros(*cents))), right)],
            9.0,
            false,
        );
    }

    doc.gap(12.0);
    doc.paragraph(t.note, 8.0, false, true, 0.0);
    doc.finish(|n, of| (t.page)(n, of))
}

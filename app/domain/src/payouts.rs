//! The provider's payout report: for a calendar month in Milan, every payment received and
//! every refund given, as a CSV that Excel in Italian opens as it is (`;` separator, decimal
//! comma, UTF-8 with a byte-order mark), with the totals at the end.

use crate::date::Date;
use crate::money::Money;

/// One line of the report. Amounts in cents; a refund's are negative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutLine {
    /// "26/11/2026 15:04", Rome time.
    pub when: String,
    pub reference: String,
    /// `payment` or `refund`.
    pub kind: PayoutKind,
    pub customer: String,
    pub service: String,
    pub method: String,
    pub voucher_cents: i64,
    pub gateway_cents: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayoutKind {
    Payment,
    Refund,
}

/// The first day of the month `YYYY-MM` and of the next one; `None` when it is not a month.
pub fn month_bounds(month: &str) -> Option<(Date, Date)> {
    let (y, m) = month.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let year: i64 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let first = Date::from_ymd(year, month, 1)?;
    let next = if month == 12 {
        Date::from_ymd(year + 1, 1, 1)?
    } else {
        Date::from_ymd(year, month + 1, 1)?
    };
    Some((first, next))
}

/// A text as one field of these `;`-separated CSV files: a leading `=`, `+`, `-` or `@` gets
/// an apostrophe so a spreadsheet never runs it as a formula, and the field is quoted (inner
/// quotes doubled) when it holds `;`, `"` or a line break.
pub fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// An amount in cents as these CSV files write it, for Excel in Italian: decimal comma, no
/// thousands separator, no currency sign (`123456` → `1234,56`, `-500` → `-5,00`).
pub fn amount(cents: i64) -> String {
    Money::from_cents(cents).format_it().replace('.', "")
}

/// The CSV: header, the lines as given, then the totals.
pub fn csv(lines: &[PayoutLine]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("data;riferimento;tipo;cliente;servizio;metodo;voucher;carta_paypal;totale\r\n");
    let (mut vouchers, mut gateway) = (0i64, 0i64);
    for l in lines {
        vouchers += l.voucher_cents;
        gateway += l.gateway_cents;
        let kind = match l.kind {
            PayoutKind::Payment => "pagamento",
            PayoutKind::Refund => "rimborso",
        };
        out.push_str(&format!(
            "{};{};{};{};{};{};{};{};{}\r\n",
            field(&l.when),
            field(&l.reference),
            kind,
            field(&l.customer),
            field(&l.service),
            field(&l.method),
            amount(l.voucher_cents),
            amount(l.gateway_cents),
            amount(l.voucher_cents + l.gateway_cents),
        ));
    }
    out.push_str(&format!(
        ";;totale;;;;{};{};{}\r\n",
        amount(vouchers),
        amount(gateway),
        amount(vouchers + gateway)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_calendar_months() {
        let (a, b) = month_bounds("2026-12").unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2026-12-01".into(), "2027-01-01".into())
        );
        let (a, b) = month_bounds("2026-02").unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2026-02-01".into(), "2026-03-01".into())
        );
        assert!(month_bounds("2026-13").is_none());
        assert!(month_bounds("26-01").is_none());
        assert!(month_bounds("").is_none());
    }

    #[test]
    fn the_report_opens_in_excel_and_adds_up() {
        let lines = vec![
            PayoutLine {
                when: "02/11/2026 10:00".into(),
                reference: "WM-20261102-ABC123".into(),
                kind: PayoutKind::Payment,
                customer: "Rossi; Giulia".into(),
                service: "=HYPERLINK(\"x\")".into(),
                method: "Carta di pagamento".into(),
                voucher_cents: 5_000,
                gateway_cents: 123_456,
            },
            PayoutLine {
                when: "03/11/2026 09:30".into(),
                reference: "WM-20261102-ABC123".into(),
                kind: PayoutKind::Refund,
                customer: "Rossi; Giulia".into(),
                service: "Assistenza".into(),
                method: "Carta di pagamento".into(),
                voucher_cents: -5_000,
                gateway_cents: -3_456,
            },
        ];
        let text = csv(&lines);
        assert!(text.starts_with('\u{feff}'));
        let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[1],
            "02/11/2026 10:00;WM-20261102-ABC123;pagamento;\"Rossi; Giulia\";\"'=HYPERLINK(\"\"x\"\")\";Carta di pagamento;50,00;1234,56;1284,56"
        );
        assert!(rows[2].contains(";rimborso;") && rows[2].ends_with(";-50,00;-34,56;-84,56"));
        assert_eq!(rows[3], ";;totale;;;;0,00;1200,00;1200,00");
    }
}
